from django.db import models
from django.utils.translation import gettext_lazy as _


class LinkCheckQuerySet(models.QuerySet):
    def broken(self):
        return self.filter(ok=False)

    def broken_urls(self):
        """A subquery for `filter(website__in=…)`: the URLs whose last check failed."""
        return self.broken().values_list("url", flat=True)


class LinkCheck(models.Model):
    """The result of the last check of one external link (written by `check_links`)."""

    url = models.URLField(_("Adresse"), max_length=500, unique=True)
    ok = models.BooleanField(_("Erreichbar"))
    status_code = models.PositiveSmallIntegerField(_("HTTP-Status"), null=True, blank=True)
    error = models.CharField(_("Fehler"), max_length=300, blank=True)
    checked_at = models.DateTimeField(_("Geprüft am"))

    objects = LinkCheckQuerySet.as_manager()

    class Meta:
        ordering = ["url"]
        verbose_name = _("Geprüfter Link")
        verbose_name_plural = _("Geprüfte Links")

    def __str__(self):
        return self.url
