from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("info/<slug:slug>/", views.page_detail, name="page_detail"),
    path("accessibility-feedback/", views.accessibility_feedback, name="accessibility_feedback"),
]
