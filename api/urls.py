from django.urls import path

from . import views

# Outside the language prefix: machines choose the language with Accept-Language or lang=.
urlpatterns = [
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
