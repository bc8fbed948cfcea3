from django.urls import path

from . import views

urlpatterns = [
    # Outside the language prefix: the handout's print-counter stylesheet names it.
    path("usage/printed/<str:language>.gif", views.printed, name="usage_printed"),
    path("usage/print-counter/<str:language>.css", views.print_counter, name="usage_print_counter"),
]
