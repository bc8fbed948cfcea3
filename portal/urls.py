from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import path

from handouts import views as handout_views
from municipalities import views as municipality_views
from offers import views as offer_views
from pages import views as page_views

from . import views

urlpatterns = [
    path("", views.language_redirect, name="root"),
    path(settings.ADMIN_PATH, admin.site.urls),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("offers/", offer_views.offer_list, name="offer_list"),
    path("offers/<int:pk>-<str:slug>/", offer_views.offer_detail, name="offer_detail"),
    path("offers/<int:pk>/", offer_views.offer_detail, name="offer_detail_short"),
    path("providers/<slug:slug>/", offer_views.provider_detail, name="provider_detail"),
    path("categories/<slug:slug>/", offer_views.category_detail, name="category_detail"),
    path("towns/<slug:slug>/", municipality_views.municipality_detail, name="municipality_detail"),
    path("info/<slug:slug>/", page_views.page_detail, name="page_detail"),
    path("accessibility-feedback/", page_views.accessibility_feedback, name="accessibility_feedback"),
    path("handout/", handout_views.handout, name="handout"),
    path("handout/add/", handout_views.add, name="handout_add"),
    path("handout/remove/", handout_views.remove, name="handout_remove"),
    path("handout/clear/", handout_views.clear, name="handout_clear"),
    path("handout/quick-mode/", handout_views.quick_mode, name="handout_quick_mode"),
)
