from django.urls import path

from . import views

urlpatterns = [
    # Short, to be typed from a printed handout.
    path("r/<int:pk>/", views.report_form, name="report_form"),
    path("r/<int:pk>/thanks/", views.report_thanks, name="report_thanks"),
]
