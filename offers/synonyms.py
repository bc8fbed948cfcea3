"""Synonyms KI staff keep: what visitors type, and what the catalogue calls it (offers/search.py reads them)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.catalogue import CatalogueQuerySet


class Synonym(models.Model):
    """Typing one of `words` (in any language) also finds `also_search`, the category and the target group.

    Both texts are per language (django-modeltranslation): the German row "Deutschkurs" may say in
    Turkish "almanca kursu" and in Ukrainian "німецька мова". One direction only: "Deutschkurs" finds
    integration courses, "Integrationskurs" does not find every language course; a second row turns it round.
    """

    words = models.CharField(
        _("Suchwörter"),
        max_length=300,
        blank=True,
        help_text=_("Was Besucherinnen und Besucher eingeben, mit Kommas getrennt, z. B. „Deutschkurs, Sprachkurs“."),
    )
    also_search = models.CharField(
        _("Findet auch"),
        max_length=300,
        blank=True,
        help_text=_("Wörter, die die Angebote verwenden, mit Kommas getrennt, z. B. „Integrationskurs“."),
    )
    category = models.ForeignKey(
        "offers.Category",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="synonyms",
        verbose_name=_("Findet auch die Kategorie"),
    )
    target_group = models.ForeignKey(
        "offers.TargetGroup",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="synonyms",
        verbose_name=_("Findet auch die Zielgruppe"),
    )

    objects = CatalogueQuerySet.as_manager()

    class Meta:
        ordering = ["words"]
        verbose_name = _("Synonym")
        verbose_name_plural = _("Synonyme")

    def __str__(self):
        return self.words or next(filter(None, (getattr(self, f"words_{code}", "") for code in self.languages())), "")

    def clean(self):
        if not any((getattr(self, f"words_{code}", "") or "").strip(" ,") for code in self.languages()):
            raise ValidationError(_("Bitte in mindestens einer Sprache Suchwörter eingeben."))

    @staticmethod
    def languages():
        return [code for code, _name in settings.LANGUAGES]


class FailedSearch(models.Model):
    """How often a search found nothing or little, per week: only the text, its language and a count.

    No address, cookie, session or time of day. Counted in each process's memory and written in one
    go at most once a minute (offers/failed_searches.py); staff see only texts counted at least
    three times; rows older than eight weeks are deleted.
    """

    week = models.DateField(_("Woche ab"))
    language = models.CharField(_("Sprache"), max_length=10)
    text = models.CharField(_("Suchtext"), max_length=100)
    count = models.PositiveIntegerField(_("Anzahl"), default=0)

    class Meta:
        ordering = ["-week", "-count", "text"]
        verbose_name = _("Erfolglose Suche")
        verbose_name_plural = _("Erfolglose Suchen")
        constraints = [models.UniqueConstraint(fields=["week", "language", "text"], name="failed_search_once_a_week")]

    def __str__(self):
        return self.text
