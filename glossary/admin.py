from django.contrib import admin

from portal.admin import StableSlugMixin, TranslatedAdmin

from .models import Term


@admin.register(Term)
class TermAdmin(StableSlugMixin, TranslatedAdmin):
    """KI staff keep the glossary (with version history); provider editors may read it."""

    slug_source = "word_de"
    list_display = ["word", "slug"]
    search_fields = ["word_de", "variants_de", "explanation_de"]
