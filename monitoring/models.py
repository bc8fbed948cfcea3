"""Figures about a town's people newer than the census the town row keeps (municipalities.CensusFigures)."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from municipalities.models import Municipality


class PopulationFigure(models.Model):
    """One figure of one year for one town: a newer census or a register's count, with its source.

    The census figures stored on the town stay the base; the monitoring shows the newest figure
    of each kind (up to the report's year) beside them.
    """

    class Kind(models.TextChoices):
        POPULATION = "population", _("Einwohner insgesamt")
        MIGRATION_BACKGROUND = "migration_background", _("Personen mit Migrationshintergrund")
        FOREIGNERS = "foreigners", _("Ausländerinnen und Ausländer")

    municipality = models.ForeignKey(
        Municipality, models.CASCADE, related_name="population_figures", verbose_name=_("Stadt oder Gemeinde")
    )
    year = models.PositiveSmallIntegerField(_("Jahr"), validators=[MinValueValidator(1950), MaxValueValidator(2100)])
    kind = models.CharField(_("Art"), max_length=24, choices=Kind.choices)
    value = models.PositiveIntegerField(_("Wert"))
    source = models.CharField(_("Quelle der Zahlen"), max_length=200)

    class Meta:
        ordering = ["municipality", "kind", "-year"]
        verbose_name = _("Bevölkerungszahl")
        verbose_name_plural = _("Bevölkerungszahlen")
        permissions = [("view_monitoring", _("Darf das Integrationsmonitoring sehen"))]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "year", "kind"], name="monitoring_one_figure_per_year")
        ]

    def __str__(self):
        return f"{self.municipality} {self.year}: {self.get_kind_display()} {self.value}"
