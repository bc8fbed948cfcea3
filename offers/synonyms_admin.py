"""The synonyms' admin: KI staff only (the KI-Redaktion group has its permissions, provider staff none)."""

from django.contrib import admin

from portal.admin import TranslatedAdmin

from .synonyms import Synonym


@admin.register(Synonym)
class SynonymAdmin(TranslatedAdmin):
    list_display = ["words", "also_search", "category", "target_group"]
    list_filter = ["category", "target_group"]
    search_fields = ["words", "also_search"]
    list_select_related = ["category", "target_group"]
