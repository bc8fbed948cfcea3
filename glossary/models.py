from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.catalogue import CatalogueQuerySet


class Term(models.Model):
    """An official word newcomers meet (Berechtigungsschein, Jobcenter, DTZ …) with its plain explanation.

    Offer pages link each such word to its explanation on the glossary page: its rows are
    catalogue data (a CatalogueQuerySet), so an edit changes the cached pages on the next request.
    """

    slug = models.SlugField(
        _("Kurzname für Adressen"),
        unique=True,
        help_text=_(
            "Der Anker des Worts auf der Glossarseite (…/glossary/#kurzname): nach dem Anlegen nicht mehr änderbar."
        ),
    )
    word = models.CharField(_("Wort"), max_length=100)
    variants = models.TextField(
        _("Weitere Formen"),
        blank=True,
        help_text=_(
            "Andere Schreibweisen, Abkürzungen und Formen, die ebenfalls verlinkt werden, eine je Zeile "
            "(z. B. „Integrationskurse“, „Integrationskursen“). Groß- und Kleinschreibung ist egal."
        ),
    )
    explanation = models.TextField(
        _("Erklärung"), help_text=_("In einfacher Sprache, zwei oder drei kurze Sätze. Kein HTML.")
    )

    objects = CatalogueQuerySet.as_manager()

    class Meta:
        ordering = ["slug"]
        verbose_name = _("Glossarwort")
        verbose_name_plural = _("Glossar")

    def __str__(self):
        return self.word

    def get_absolute_url(self):
        return f"{reverse('glossary')}#{self.slug}"

    def forms_in(self, language):
        """The spellings linked on a page in `language`: its own word and forms, then the German ones.

        Offer texts in any language often keep the German official word ("Jobcenter", "BAMF"), and a
        text without translation is shown in German.
        """
        forms = []
        for code in dict.fromkeys((language, "de")):
            word = getattr(self, f"word_{code}", "") or ""
            variants = getattr(self, f"variants_{code}", "") or ""
            forms += [form.strip() for form in [word, *variants.splitlines()] if form.strip()]
        return list(dict.fromkeys(forms))
