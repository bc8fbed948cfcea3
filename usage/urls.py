from django.urls import path

from . import views

urlpatterns = [
    # Outside the language prefix: the site's stylesheet names it (portal/static/portal/site.css).
    path("usage/printed/<str:language>.gif", views.printed, name="usage_printed"),
]
