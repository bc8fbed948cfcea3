from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from . import views

urlpatterns = [
    path("", views.language_redirect, name="root"),
    path(settings.ADMIN_PATH, admin.site.urls),
    path("", include("usage.urls")),
    path("", include("api.urls")),
]

# Each app owns its URLs; no namespaces, so the names (and every printed address) stay as they were.
urlpatterns += i18n_patterns(
    path("", include("pages.urls")),
    path("", include("offers.urls")),
    path("", include("handouts.urls")),
    path("", include("reports.urls")),
    path("", include("glossary.urls")),
    path("", include("api.i18n_urls")),
)
