from django.contrib import admin

from portal.admin import VersionedAdmin, WholeNamesFirstSearch

from .models import District, Municipality


# Versioned like the entries that point at them (locations, district-wide offers), so their
# history names the town as it was.
@admin.register(District)
class DistrictAdmin(VersionedAdmin):
    list_display = ["name", "key"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Municipality)
class MunicipalityAdmin(WholeNamesFirstSearch, VersionedAdmin):
    list_display = [
        "name",
        "district",
        "official_key",
        "postal_codes",
        "population",
        "population_with_migration_background",
        "foreigners",
        "census_year",
    ]
    list_filter = ["district"]
    search_fields = ["name", "official_key", "postal_codes"]
    search_rank_fields = ["name"]
    list_select_related = ["district"]
