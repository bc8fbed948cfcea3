from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from . import views

# Each app owns its URLs; no namespaces, so the names (and every printed address) stay as they were.
# The visitors' pages first, the offers first among them: the resolver tries the patterns in order,
# and an offer list came after some thirty (no two of them match the same path, so the order is free).
urlpatterns = i18n_patterns(
    path("", include("offers.urls")),
    path("", include("pages.urls")),
    path("", include("handouts.urls")),
    path("", include("reports.urls")),
    path("", include("glossary.urls")),
    path("", include("api.i18n_urls")),
)
urlpatterns += [
    path("", views.language_redirect, name="root"),
    path(settings.ADMIN_PATH, admin.site.urls),
    path("", include("usage.urls")),
    path("", include("api.urls")),
]
