"""Usage figures that track no one: counts per day and kind, never a row per visit."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DailyCountQuerySet(models.QuerySet):
    def since(self, day):
        return self.filter(day__gte=day)


class DailyCount(models.Model):
    """How often something happened on one day: a page type in a language (and a town), a search, a print.

    Nothing in a row (nor in the counters in the cache it is flushed from) says who: no address,
    no browser, no cookie, no session, no time of day. See usage/counter.py.
    """

    class Kind(models.TextChoices):
        PAGE_VIEW = "page_view", _("Seitenaufruf")
        TOWN_VIEW = "town_view", _("Seitenaufruf zu einem Ort")
        SEARCH = "search", _("Suche")
        FAILED_SEARCH = "failed_search", _("Suche ohne Treffer")
        HANDOUT_PRINT = "handout_print", _("Handreichung gedruckt")
        QR_VISIT = "qr_visit", _("Aufruf über QR-Code")

    day = models.DateField(_("Tag"))
    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices)
    page = models.CharField(_("Seitentyp"), max_length=40, blank=True)
    language = models.CharField(_("Sprache"), max_length=10, blank=True)
    town = models.CharField(_("Ort"), max_length=100, blank=True)
    count = models.PositiveIntegerField(_("Anzahl"), default=0)

    objects = DailyCountQuerySet.as_manager()

    class Meta:
        ordering = ["day", "kind", "page", "language", "town"]
        verbose_name = _("Nutzungszahl")
        verbose_name_plural = _("Nutzungszahlen")
        constraints = [
            models.UniqueConstraint(fields=["day", "kind", "page", "language", "town"], name="usage_one_row_per_figure")
        ]

    def __str__(self):
        return f"{self.day} {self.kind} {self.page} {self.language} {self.town}: {self.count}"
