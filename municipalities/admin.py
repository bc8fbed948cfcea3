from django.contrib import admin

from .models import District, Municipality


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    list_display = ["name", "key"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
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
    list_select_related = ["district"]
