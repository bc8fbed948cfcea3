from django.urls import path

from . import views

urlpatterns = [
    path("handout/", views.handout, name="handout"),
    path("handout/add/", views.add, name="handout_add"),
    path("handout/remove/", views.remove, name="handout_remove"),
    path("handout/clear/", views.clear, name="handout_clear"),
    path("handout/quick-mode/", views.quick_mode, name="handout_quick_mode"),
]
