from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class InfoPageQuerySet(models.QuerySet):
    def guides(self):
        return self.filter(kind=InfoPage.Kind.GUIDE)


class InfoPage(models.Model):
    """A page of explanation that KI staff write: guides, legal pages, easy-language text."""

    class Kind(models.TextChoices):
        GUIDE = "guide", _("Information")
        LEGAL = "legal", _("Rechtliches")
        EASY_LANGUAGE = "easy_language", _("Leichte Sprache")

    slug = models.SlugField(
        _("Kurzname für Adressen"),
        unique=True,
        help_text=_("Steht in geteilten Links und QR-Codes: nach dem Anlegen nicht mehr änderbar."),
    )
    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices, default=Kind.GUIDE)
    title = models.CharField(_("Titel"), max_length=200)
    summary = models.CharField(_("Kurzbeschreibung"), max_length=300, blank=True)
    body = models.TextField(
        _("Text"),
        help_text=_("Absätze durch eine Leerzeile trennen. Kein HTML: der Text wird so angezeigt, wie er hier steht."),
    )
    order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    placeholder = models.BooleanField(
        _("Platzhalter"),
        default=False,
        help_text=_("Der Kreis muss diesen Text noch ersetzen; die Seite zeigt einen Hinweis."),
    )
    updated = models.DateTimeField(_("Geändert"), auto_now=True)

    objects = InfoPageQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("Informationsseite")
        verbose_name_plural = _("Informationsseiten")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("page_detail", args=[self.slug])


class AccessibilityFeedback(models.Model):
    """A barrier a visitor reported through the accessibility statement's form."""

    message = models.TextField(_("Nachricht"), max_length=5000)
    email = models.EmailField(_("E-Mail für eine Antwort (freiwillig)"), blank=True)
    page_url = models.CharField(_("Betroffene Seite"), max_length=500, blank=True)
    language = models.CharField(_("Sprache"), max_length=10)
    created = models.DateTimeField(_("Eingegangen"), auto_now_add=True)
    handled = models.BooleanField(_("Erledigt"), default=False)

    class Meta:
        ordering = ["handled", "-created"]
        verbose_name = _("Rückmeldung zur Barrierefreiheit")
        verbose_name_plural = _("Rückmeldungen zur Barrierefreiheit")

    def __str__(self):
        return self.message[:60]
