"""The synonyms' admin: KI staff only (the KI-Redaktion group has its permissions, provider staff none)."""

from urllib.parse import urlencode

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from portal.admin import TranslatedAdmin

from . import failed_searches
from .synonyms import FailedSearch, Synonym


@admin.register(Synonym)
class SynonymAdmin(TranslatedAdmin):
    list_display = ["words", "also_search", "category", "target_group"]
    list_filter = ["category", "target_group"]
    search_fields = ["words", "also_search"]
    list_select_related = ["category", "target_group"]


@admin.register(FailedSearch)
class FailedSearchAdmin(admin.ModelAdmin):
    """Read only: what visitors searched for in vain, most frequent first, per week."""

    list_display = ["text", "language", "week", "count", "add_as_synonym"]
    list_filter = ["week", "language"]
    search_fields = ["text"]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(count__gte=failed_searches.SHOWN_FROM)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("Als Synonym anlegen"))
    def add_as_synonym(self, failed):
        """One click: the synonym form with the text filled in, in its language's tab."""
        address = reverse("admin:offers_synonym_add") + "?" + urlencode({f"words_{failed.language}": failed.text})
        return format_html('<a href="{}">{}</a>', address, _("Als Synonym anlegen"))
