from typing import NamedTuple

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.catalogue import CatalogueQuerySet

district_key_validator = RegexValidator(r"^\d{5}$", _("Der Kreisschlüssel hat genau 5 Ziffern."))
municipality_key_validator = RegexValidator(r"^\d{8}$", _("Der Amtliche Gemeindeschlüssel (AGS) hat genau 8 Ziffern."))
postal_codes_validator = RegexValidator(
    r"^\d{5}( \d{5})*$", _("Postleitzahlen: fünfstellig, durch Leerzeichen getrennt, z. B. „59423 59425“.")
)


class CensusFigures(models.Model):
    """Census figures exactly as published.

    The source's own percentages and totals are kept as printed: they cannot
    always be recomputed from its rounded counts (the Kreis Unna row says 27,720
    foreigners, its towns add up to 27,710).
    """

    population = models.PositiveIntegerField(_("Einwohner insgesamt"))
    population_without_migration_background = models.PositiveIntegerField(_("Personen ohne Migrationshintergrund"))
    population_with_migration_background = models.PositiveIntegerField(_("Personen mit Migrationshintergrund"))
    migration_background_percent = models.DecimalField(
        _("Anteil mit Migrationshintergrund (%)"), max_digits=4, decimal_places=1
    )
    foreigners = models.PositiveIntegerField(_("Ausländerinnen und Ausländer"))
    foreigners_percent = models.DecimalField(_("Ausländeranteil (%)"), max_digits=4, decimal_places=1)
    census_year = models.PositiveSmallIntegerField(_("Zensusjahr"))
    census_source = models.CharField(_("Quelle der Zahlen"), max_length=200)

    class Meta:
        abstract = True


class District(CensusFigures):
    """A Kreis (or kreisfreie Stadt): the area one integration centre serves."""

    name = models.CharField(_("Name"), max_length=100)
    slug = models.SlugField(_("Kurzname für Adressen"), unique=True)
    key = models.CharField(_("Kreisschlüssel"), max_length=5, unique=True, validators=[district_key_validator])

    objects = CatalogueQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("Kreis")
        verbose_name_plural = _("Kreise")

    def __str__(self):
        return self.name


class MunicipalityQuerySet(CatalogueQuerySet):
    def with_postal_code(self, code):
        # Codes are five digits separated by spaces, so a five-digit substring is a whole code.
        if not (len(code) == 5 and code.isdigit()):
            return self.none()
        return self.filter(postal_codes__contains=code)


class Municipality(CensusFigures):
    district = models.ForeignKey(District, models.PROTECT, related_name="municipalities", verbose_name=_("Kreis"))
    name = models.CharField(_("Name"), max_length=100)
    slug = models.SlugField(_("Kurzname für Adressen"), unique=True)
    official_key = models.CharField(
        _("Amtlicher Gemeindeschlüssel (AGS)"),
        max_length=8,
        unique=True,
        validators=[municipality_key_validator],
    )
    postal_codes = models.CharField(_("Postleitzahlen"), max_length=200, validators=[postal_codes_validator])
    # The town's centre (GeoNames): "near me" measures from here where a place has no coordinates of its own.
    latitude = models.DecimalField(
        _("Breitengrad der Ortsmitte"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("Längengrad der Ortsmitte"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("Stadt oder Gemeinde")
        verbose_name_plural = _("Städte und Gemeinden")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("municipality_detail", args=[self.slug])

    def postal_code_list(self):
        return self.postal_codes.split()


class Centre(NamedTuple):
    """A point "near me" is measured from: a postal code's centre."""

    code: str
    latitude: float
    longitude: float


class PostalCodeQuerySet(CatalogueQuerySet):
    def centre(self, code):
        """The Centre of postal code `code`, or None for a code we do not know (one query)."""
        row = self.filter(code=code).values_list("latitude", "longitude").first()
        return Centre(code, float(row[0]), float(row[1])) if row else None


class PostalCode(models.Model):
    """Where a postal code lies, for sorting offers by distance ("near=59423"); no geocoding at request time.

    Seeded with the Kreis Unna's codes at their towns' centres (migration 0003); an operator may
    load the GeoNames postal code table instead (`manage.py load_postal_codes`), which places each
    code at the mean of its places' coordinates.
    """

    code = models.CharField(_("Postleitzahl"), max_length=10, unique=True)
    place_name = models.CharField(_("Ort"), max_length=200, blank=True)
    municipality = models.ForeignKey(
        Municipality,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="postal_code_centres",
        verbose_name=_("Stadt oder Gemeinde"),
    )
    latitude = models.DecimalField(_("Breitengrad"), max_digits=8, decimal_places=5)
    longitude = models.DecimalField(_("Längengrad"), max_digits=8, decimal_places=5)
    source = models.CharField(_("Quelle der Koordinaten"), max_length=200)

    objects = PostalCodeQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("Postleitzahl mit Mittelpunkt")
        verbose_name_plural = _("Postleitzahlen mit Mittelpunkt")

    def __str__(self):
        return f"{self.code} {self.place_name}".strip()
