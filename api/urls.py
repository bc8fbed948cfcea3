from django.contrib.sitemaps import views as sitemap_views
from django.urls import path

from offers.cache import cached_for_visitors

from . import open_data, views
from .sitemaps import SITEMAPS


def rendered(view):
    """The sitemap views answer a TemplateResponse: rendered here, so the page cache can keep it."""

    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        return response.render() if hasattr(response, "render") else response

    return wrapper


# Kept per catalogue version like every catalogue page: a sitemap of 50,000 offers is long to render.
sitemap_index = cached_for_visitors(rendered(sitemap_views.index))
sitemap_section = cached_for_visitors(rendered(sitemap_views.sitemap))

# Outside the language prefix: machines choose the language with Accept-Language or lang=.
urlpatterns = [
    path("robots.txt", open_data.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap_index, {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap"}, name="sitemap_index"),
    path("sitemap-<section>.xml", sitemap_section, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("api/dcat.ttl", open_data.dcat_turtle, name="api_dcat"),
    path("api/offers.csv", open_data.offers_csv, name="api_offers_csv"),
    path("api/openapi.json", views.openapi_description, name="api_openapi"),
    path("api/hsds/", views.root, name="hsds_root"),
    path("api/hsds/services", views.services, name="hsds_services"),
    path("api/hsds/services/<str:id>", views.service_detail, name="hsds_service"),
    path("api/hsds/organizations", views.organizations, name="hsds_organizations"),
    path("api/hsds/organizations/<str:id>", views.organization_detail, name="hsds_organization"),
    path("api/hsds/service_at_locations", views.service_at_locations, name="hsds_service_at_locations"),
    path("api/hsds/service_at_locations/<str:id>", views.service_at_location_detail, name="hsds_service_at_location"),
    path("api/hsds/taxonomies", views.taxonomies, name="hsds_taxonomies"),
    path("api/hsds/taxonomies/<str:id>", views.taxonomy_detail, name="hsds_taxonomy"),
    path("api/hsds/taxonomy_terms", views.taxonomy_terms, name="hsds_taxonomy_terms"),
    path("api/hsds/taxonomy_terms/<str:id>", views.taxonomy_term_detail, name="hsds_taxonomy_term"),
]
