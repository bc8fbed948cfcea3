"""Providers and their places as spreadsheet rows: a sheet of its own each, imported from their admin lists.

One row is one provider (`ProviderResource`) or one place (`LocationResource`) with every
language of its texts. The headers are fixed German words, as the offers' (docs/spreadsheet-import.md).
An offer's row names its places by address, so a file of offers needs no place file; this one
is for what an offer's row does not carry: coordinates, wheelchair access, opening hours, and
a provider's own facts.

Scope: providers are KI staff's (provider staff may only view their own, as in the admin); a
provider's staff import places of their own provider only, and a row naming another provider,
or the id of another provider's place, is a bad row.
"""

from collections import OrderedDict

from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export.fields import Field

from offers.models import Location, Provider, language_codes

from .resources import ID, PROVIDER, IdField, LenientIdWidget, SpreadsheetResource, provider_lookup, town_lookup
from .widgets import BooleanWidget, ChoiceWidget, DecimalWidget, LinkWidget, TextWidget, digits, text

NAME = "Name"
PLACE_NAME = "Bezeichnung"


def german_words(choices):
    """A model's choices by their German labels (the source language of every label)."""
    with translation.override("de"):
        return {value: str(label) for value, label in choices}


def translated(attribute, label):
    """One column per language: `Beschreibung (de)`, `Beschreibung (ar)`, …"""
    for code in language_codes():
        yield f"{attribute}_{code}", f"{label} ({code})", TextWidget()


class PostalCodeWidget(TextWidget):
    def clean(self, value, row=None, **kwargs):
        return digits(value, 5)


class EntryResource(SpreadsheetResource):
    """A resource whose columns are the model's attributes, one each (`columns()`: attribute, column, widget)."""

    def __init__(self, user, file_name="", **kwargs):
        super().__init__(user, file_name, **kwargs)
        self.fields = OrderedDict(
            [("id", IdField(attribute="id", column_name=ID, widget=LenientIdWidget(), readonly=True))]
            + [
                (attribute, Field(attribute=attribute, column_name=column, widget=widget))
                for attribute, column, widget in self.columns()
            ]
        )

    def columns(self):
        return []


class ProviderResource(EntryResource):
    class Meta:
        model = Provider
        fields = ()

    title_column = NAME
    id_messages = {
        "not_an_id": gettext_lazy("„%(value)s“ ist keine Kennung: für neue Träger bitte leer lassen."),
        "other_provider": gettext_lazy("Den Träger mit der Kennung %(id)s dürfen Sie nicht ändern."),
        "unknown": gettext_lazy("Es gibt keinen Träger mit der Kennung %(id)s. Für neue Träger bitte leer lassen."),
    }

    def columns(self):
        yield "name", NAME, TextWidget()
        yield "slug", "Kurzname", TextWidget()
        yield "kind", "Art des Trägers", ChoiceWidget(german_words(Provider.Kind.choices))
        yield from translated("description", "Beschreibung")
        yield "website", "Website", LinkWidget()
        yield "email", "E-Mail", TextWidget()
        yield "phone", "Telefon", TextWidget()
        yield "bamf_provider_number", "BAMF-Trägernummer", TextWidget()
        yield "is_demo", "Demo-Daten", BooleanWidget()

    def required_columns(self):
        return [NAME, "Art des Trägers"]

    def get_queryset(self):
        return Provider.objects.editable_by(self.user)

    def read_row(self, instance, row, errors):
        if instance.pk is None and not text(row.get("Kurzname")) and instance.name:
            instance.slug = slugify(instance.name)
        if instance.pk is None and not self.every_provider:
            errors.setdefault(NAME, []).append(_("Neue Träger legt das Kommunale Integrationszentrum an."))


class LocationResource(EntryResource):
    class Meta:
        model = Location
        fields = ()

    title_column = PLACE_NAME
    id_messages = {
        "not_an_id": gettext_lazy("„%(value)s“ ist keine Kennung: für neue Orte bitte leer lassen."),
        "other_provider": gettext_lazy(
            "Der Ort mit der Kennung %(id)s gehört zu einem anderen Träger: Sie dürfen ihn nicht ändern."
        ),
        "unknown": gettext_lazy("Es gibt keinen Ort mit der Kennung %(id)s. Für neue Orte bitte leer lassen."),
    }
    other_provider_message = gettext_lazy(
        "„%(provider)s“ ist ein anderer Träger: Sie dürfen nur Orte Ihres eigenen Trägers importieren."
    )

    def __init__(self, user, file_name="", **kwargs):
        self.providers = provider_lookup()
        self.towns = town_lookup()
        super().__init__(user, file_name, **kwargs)

    def columns(self):
        yield "provider", PROVIDER, self.providers
        yield "name", PLACE_NAME, TextWidget()
        yield "street", "Straße und Hausnummer", TextWidget()
        yield "postal_code", "Postleitzahl", PostalCodeWidget()
        yield "municipality", "Stadt oder Gemeinde", self.towns
        yield "latitude", "Breitengrad", DecimalWidget(6)
        yield "longitude", "Längengrad", DecimalWidget(6)
        yield (
            "wheelchair_access",
            "Rollstuhlgerecht",
            ChoiceWidget(german_words(Location.WheelchairAccess.choices), default=Location.WheelchairAccess.UNKNOWN),
        )
        yield from translated("opening_hours", "Öffnungszeiten")
        yield "closed_on_public_holidays", "An Feiertagen geschlossen", BooleanWidget()

    def required_columns(self):
        return [PROVIDER, PLACE_NAME, "Straße und Hausnummer", "Postleitzahl", "Stadt oder Gemeinde"]

    def get_queryset(self):
        return Location.objects.editable_by(self.user).select_related("provider", "municipality")

    def read_row(self, instance, row, errors):
        self.check_provider(instance, row, errors)
