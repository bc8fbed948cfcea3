"""Offers as spreadsheet rows: the columns, and how a row is checked, compared and saved.

One row is one offer with every language of its texts, its provider, category, target groups,
course facts and places (`Ort 1: …`, `Ort 2: …`, as many groups as the file has). The headers
are fixed German words: a file format, like the list's URL contract, not interface text, so a
file reads the same whatever language the editor's admin is in (docs/spreadsheet-import.md).

django-import-export runs the rows (its `import_data`: dry run for the preview, one transaction,
a savepoint per row, unchanged rows skipped); this resource adds the portal's rules: the editor's
scope, the review of provider edits, places found or created per provider, duplicates, and one
version per saved entry with the file's name.

An offer's runs (`CourseRun`) are column groups `Termin 1: …`, `Termin 2: …` beside the places'
(`RUN_PARTS`, `run_groups_in`). Group n is the offer's n-th run in the order visitors read them
(by start, undated last, then by id), as the export writes them: matched by position, not by a
key. A group with no cell filled leaves the run at that position as it is (an import never
deletes a run: cancel it with `Abgesagt`, delete it in the admin); a filled group beyond the
offer's runs is a new run. A run's place is one of the row's places (`Ort <n>` or its
`Bezeichnung`). A changed free-places figure is dated today and reported by the importing user.
A row whose only changes are runs saves the runs, each with its version, and not the offer: so
a provider's new places figures leave a published offer published, as in the admin (runs and
places are no text to review, `OfferAdmin.save_model`), while a change of text still sends it to
review.
"""

import copy
import re
from collections import OrderedDict, defaultdict

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db.models import Count, Max, Prefetch
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import resources
from import_export.fields import Field
from import_export.instance_loaders import CachedInstanceLoader
from reversion import add_to_revision, create_revision, is_active, set_comment, set_user

from municipalities.models import District, Municipality
from offers.models import (
    Category,
    CourseRun,
    IntegrationCourse,
    Location,
    Offer,
    Provider,
    TargetGroup,
    edits_every_provider,
    language_codes,
)
from portal.text import fold

from .widgets import (
    BooleanWidget,
    ChoiceWidget,
    DateWidget,
    IntegerWidget,
    LinkWidget,
    LookupWidget,
    TextWidget,
    TimeWidget,
    WeekdaysWidget,
    digits,
    split_list,
    text,
)

ID = "Kennung"
PROVIDER = "Träger"
CATEGORY = "Kategorie"
STATUS = "Status"
TARGET_GROUPS = "Zielgruppen"
COURSE_TYPE = "Kursart"
TEACHING_UNITS = "Unterrichtseinheiten"
TARGET_LEVEL = "Zielniveau"

# The offer's texts, each in every language of LANGUAGES: "Titel (de)", "Titel (ar)", …
TEXTS = [
    ("title", "Titel"),
    ("summary", "Kurzbeschreibung"),
    ("description", "Beschreibung"),
    ("registration_info", "So melden Sie sich an"),
    ("costs_note", "Hinweis zu Kosten"),
]
LOCATION_PARTS = [
    ("name", "Bezeichnung"),
    ("street", "Straße und Hausnummer"),
    ("postal_code", "Postleitzahl"),
    ("municipality", "Stadt oder Gemeinde"),
]
LOCATION_HEADER = re.compile(r"^Ort (\d+): (.+)$")
MAX_LOCATION_GROUPS = 20
LOCATION_REFERENCE = re.compile(r"^(?:Ort\s*)?(\d+)$", re.IGNORECASE)

INTENSITY_WORDS = {
    CourseRun.Intensity.FULL_TIME.value: "Vollzeit",
    CourseRun.Intensity.PART_TIME.value: "Teilzeit",
}
TIME_OF_DAY_WORDS = {
    CourseRun.TimeOfDay.MORNING.value: "Vormittags",
    CourseRun.TimeOfDay.AFTERNOON.value: "Nachmittags",
    CourseRun.TimeOfDay.EVENING.value: "Abends",
}
RUN_LOCATION = "location"
# A run's columns, "Termin <n>: <label>": (the run's attribute, the label, how a cell is read and written).
RUN_PARTS = [
    ("start_date", "Beginn", DateWidget()),
    ("end_date", "Ende", DateWidget()),
    ("registration_deadline", "Anmeldeschluss", DateWidget()),
    ("rolling_entry", "Einstieg jederzeit", BooleanWidget()),
    ("weekdays", "Wochentage", WeekdaysWidget()),
    ("class_start", "Unterricht von", TimeWidget()),
    ("class_end", "Unterricht bis", TimeWidget()),
    (RUN_LOCATION, "Ort", None),  # one of the row's places: OfferResource.read_run_location
    ("intensity", "Vollzeit/Teilzeit", ChoiceWidget(INTENSITY_WORDS)),
    ("time_of_day", "Tageszeit", ChoiceWidget(TIME_OF_DAY_WORDS)),
    ("note_de", "Hinweis (de)", TextWidget()),
    ("max_places", "Plätze insgesamt", IntegerWidget()),
    ("free_places", "Freie Plätze", IntegerWidget()),
    ("is_cancelled", "Abgesagt", BooleanWidget()),
    ("has_waiting_list", "Warteliste", BooleanWidget()),
]
RUN_HEADER = re.compile(r"^Termin (\d+): (.+)$")
# The model's messages name fields; the preview names the column.
RUN_FIELD_PARTS = {"note": "note_de", "location": RUN_LOCATION}

STATUS_WORDS = {
    Offer.Status.DRAFT.value: "Entwurf",
    Offer.Status.SUBMITTED.value: "Zur Prüfung eingereicht",
    Offer.Status.PUBLISHED.value: "Veröffentlicht",
}
FORMAT_WORDS = {
    Offer.Format.ON_SITE.value: "Vor Ort",
    Offer.Format.ONLINE.value: "Online",
    Offer.Format.HYBRID.value: "Vor Ort und online",
}
COURSE_TYPE_WORDS = {
    IntegrationCourse.CourseType.GENERAL.value: "Allgemeiner Integrationskurs",
    IntegrationCourse.CourseType.INTENSIVE.value: "Intensivkurs",
    IntegrationCourse.CourseType.LITERACY.value: "Alphabetisierungskurs",
    IntegrationCourse.CourseType.SECOND_SCRIPT.value: "Zweitschriftlernerkurs",
    IntegrationCourse.CourseType.SPECIAL_SUPPORT.value: "Förderkurs",
    IntegrationCourse.CourseType.YOUTH.value: "Jugendintegrationskurs",
    IntegrationCourse.CourseType.PARENTS.value: "Eltern-Integrationskurs",
    IntegrationCourse.CourseType.WOMEN.value: "Frauen-Integrationskurs",
}
LEVEL_WORDS = {level.value: level.value for level in IntegrationCourse.Level}

# Provider staff cannot publish, confirm a review or flag demo data (as in the offer admin).
KI_ONLY = ("status", "last_reviewed", "is_demo")


def location_column(number, label):
    return f"Ort {number}: {label}"


def text_column(label, code):
    return f"{label} ({code})"


def run_column(number, label):
    return f"Termin {number}: {label}"


def run_groups_in(headers):
    """The numbers of the run groups a file's headers name (`Termin 2: Beginn` -> 2)."""
    return sorted({int(match[1]) for header in headers if (match := RUN_HEADER.match(str(header or "")))})


def run_order(run):
    """As visitors read them (CourseRunQuerySet.in_order): by start, undated last, then by id."""
    return (run.start_date is None, run.start_date or 0, run.pk or 0)


def run_values(run):
    return [getattr(run, "location_id" if attribute == RUN_LOCATION else attribute) for attribute, _l, _w in RUN_PARTS]


def location_groups_in(headers):
    """The numbers of the place groups a file's headers name (`Ort 2: Straße …` -> 2)."""
    return sorted({int(match[1]) for header in headers if (match := LOCATION_HEADER.match(str(header or "")))})


def address_key(street, postal_code, municipality_id):
    return (fold(street), postal_code, municipality_id)


def provider_lookup():
    """Every provider by its name or short name (one query); written by name unless two share it."""
    providers = LookupWidget(_("Unbekannter Träger „%(value)s“: bitte den Namen wie im Portal angeben."))
    for provider in Provider.objects.only("pk", "name", "slug"):
        providers.add(provider, provider.name, provider.slug)
    providers.show = lambda provider: provider.slug if fold(provider.name) in providers.ambiguous else provider.name
    return providers


def town_lookup():
    """Every town by its name, short name or official key (one query); written by name unless two share it."""
    towns = LookupWidget(
        _(
            "Unbekannte Stadt oder Gemeinde „%(value)s“: bitte den Namen (z. B. Unna) "
            "oder den Amtlichen Gemeindeschlüssel (z. B. 05978036) angeben."
        ),
        width=8,
    )
    for town in Municipality.objects.only("pk", "name", "slug", "official_key", "postal_codes", "district_id"):
        towns.add(town, town.name, town.slug, town.official_key)
    towns.show = lambda town: town.official_key if fold(town.name) in towns.ambiguous else town.name
    return towns


class IdField(Field):
    """The offer's id: finds the offer to update; never written (new offers get theirs from the database)."""

    def save(self, instance, row, is_m2m=False, **kwargs):
        pass


# The largest id a BigAutoField holds: a larger number names no entry, and SQLite cannot even
# compare a column with it.
LARGEST_ID = 2**63 - 1


class LenientIdWidget(IntegerWidget):
    """For the instance loader, which runs before the rows: a bad id is reported with its row instead."""

    def clean(self, value, row=None, **kwargs):
        try:
            entry_id = super().clean(value, row, **kwargs)
        except ValueError:
            return None
        return entry_id if entry_id is None or 0 <= entry_id <= LARGEST_ID else None


class SpreadsheetResource(resources.ModelResource):
    """What every kind of spreadsheet shares (offers, providers, places): the editor's scope, the row
    numbers staff see, one version per saved row naming the file, and the preview's changed columns."""

    class Meta:
        instance_loader_class = CachedInstanceLoader
        skip_unchanged = True
        report_skipped = True
        skip_html_diff = True
        clean_model_instances = True
        use_transactions = True
        store_instance = True

    ki_only = ()  # attributes provider staff cannot set: read-only columns for them
    title_column = ""  # the column that names a row in the preview
    id_messages = {}  # check_id's messages, worded for the kind: "not_an_id", "other_provider", "unknown"
    other_provider_message = ""  # check_provider's, worded for the kind

    def __init__(self, user, file_name="", **kwargs):
        super().__init__(**kwargs)
        self.user = user
        self.file_name = file_name
        self.every_provider = edits_every_provider(user)
        self.editable_provider_ids = set(Provider.objects.editable_by(user).values_list("pk", flat=True))
        self.seen_ids = {}

    @classmethod
    def for_file(cls, user, file_name="", dataset=None):
        """The resource for an uploaded file's columns (`dataset`), or for the empty template's (None)."""
        return cls(user, file_name)

    @classmethod
    def export_for(cls, user, queryset=None):
        """Every entry the user may edit (or those of `queryset` among them) as rows."""
        resource = cls(user)
        entries = resource.get_queryset()
        if queryset is not None:
            entries = entries.filter(pk__in=queryset.values("pk"))
        return resource.export(entries.order_by("pk"))

    def read_only(self, attribute):
        return attribute in self.ki_only and not self.every_provider

    def required_columns(self):
        return []

    @cached_property
    def columns_by_attribute(self):
        """The column a problem with an attribute is about (the model's messages name attributes)."""
        return {field.attribute: field.column_name for field in self.fields.values() if field.attribute}

    def headers(self):
        return [field.column_name for field in self.fields.values()]

    def known_columns(self):
        if not hasattr(self, "_known_columns"):
            self._known_columns = set(self.headers())
        return self._known_columns

    def represent(self, entry, columns):
        return {
            field.column_name: text(self.export_field(field, entry))
            for key, field in self.fields.items()
            if field.column_name in columns
        }

    def import_row(self, row, instance_loader, **kwargs):
        # One revision per row: each saved entry is its own version, never one revision across
        # providers, and says which file it came from.
        if kwargs.get("dry_run"):
            row_result = super().import_row(row, instance_loader, **kwargs)
        else:
            with create_revision():
                row_result = super().import_row(row, instance_loader, **kwargs)
                set_user(self.user)
                set_comment(_("Tabellen-Import „%(file)s“") % {"file": self.file_name})
        row_result.number = kwargs["row_number"] + 1  # the spreadsheet's row: the headers are row 1
        row_result.title = text(row.get(self.title_column))
        return row_result

    def check_id(self, instance, row, number, errors):
        """A row's id names an entry the editor may change, once in the file; empty for a new entry."""
        cell = text(row.get(ID))
        if not cell:
            return
        if not (cell.isascii() and cell.isdigit()):  # "²" is a digit to isdigit(), not to int()
            errors[ID] = [self.id_messages["not_an_id"] % {"value": cell}]
            return
        entry_id = int(cell)
        if entry_id > LARGEST_ID:
            errors[ID] = [self.id_messages["unknown"] % {"id": cell}]
            return
        if entry_id in self.seen_ids:
            errors[ID] = [
                _("Die Kennung %(id)s steht schon in Zeile %(row)s.") % {"id": entry_id, "row": self.seen_ids[entry_id]}
            ]
            return
        self.seen_ids[entry_id] = number
        if instance.pk is None:
            exists = self._meta.model.objects.filter(pk=entry_id).exists()
            errors[ID] = [self.id_messages["other_provider" if exists else "unknown"] % {"id": entry_id}]

    def import_instance(self, instance, row, **kwargs):
        """The row's cells onto the entry, then the kind's own reading and checks: every problem at once."""
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        self.check_id(instance, row, kwargs["row_number"] + 1, errors)
        self.read_row(instance, row, errors)
        if errors:
            raise ValidationError(errors)

    def read_row(self, instance, row, errors):
        """What the kind reads beyond its cells, and what the editor may create or change."""

    def check_provider(self, instance, row, errors):
        """The entry's provider is one the editor may edit (theirs, if they have one and the cell is empty)."""
        if "provider" in errors:
            return
        if instance.provider_id is None and not self.every_provider and len(self.editable_provider_ids) == 1:
            instance.provider = Provider.objects.get(pk=next(iter(self.editable_provider_ids)))
        if instance.provider_id is None:
            if PROVIDER in row or instance.pk is None:
                errors["provider"] = [_("Bitte den Träger angeben.")]
            return
        if not self.every_provider and instance.provider_id not in self.editable_provider_ids:
            errors["provider"] = [self.other_provider_message % {"provider": instance.provider.name}]

    def list_changes(self, instance, original, row):
        """The preview's (column, before, after) for every column of the file that the row changes."""
        columns = {column for column in row if column in self.known_columns()} - {ID}
        columns -= {
            field.column_name for field in self.fields.values() if field.attribute in self.ki_only and field.readonly
        }
        after = self.represent(instance, columns)
        before = self.represent(original, columns)
        instance._changes = [
            (field.column_name, before[field.column_name], after[field.column_name])
            for field in self.fields.values()
            if field.column_name in columns and before[field.column_name] != after[field.column_name]
        ]

    def skip_row(self, instance, original, row, import_validation_errors=None):
        """Unchanged when every column of the file says what the entry already holds."""
        if import_validation_errors:
            return False
        if original.pk is None:
            instance._changes = []  # a new entry: every column is new, the preview says so
            return False
        self.list_changes(instance, original, row)
        return not instance._changes

    def after_import_row(self, row, row_result, **kwargs):
        instance = row_result.instance
        row_result.changes = getattr(instance, "_changes", []) if instance is not None else []

    def get_diff_class(self):
        return NoDiff


class OfferResource(SpreadsheetResource):
    class Meta:
        model = Offer
        fields = ()

    ki_only = KI_ONLY
    title_column = text_column("Titel", "de")
    id_messages = {
        "not_an_id": gettext_lazy("„%(value)s“ ist keine Kennung: für neue Angebote bitte leer lassen."),
        "other_provider": gettext_lazy(
            "Das Angebot mit der Kennung %(id)s gehört zu einem anderen Träger: Sie dürfen es nicht ändern."
        ),
        "unknown": gettext_lazy("Es gibt kein Angebot mit der Kennung %(id)s. Für neue Angebote bitte leer lassen."),
    }
    other_provider_message = gettext_lazy(
        "„%(provider)s“ ist ein anderer Träger: Sie dürfen nur Angebote Ihres eigenen Trägers importieren."
    )

    def __init__(self, user, file_name="", location_groups=(1,), run_groups=(), **kwargs):
        super().__init__(user, file_name, **kwargs)
        self.location_groups = list(location_groups) or [1]
        self.run_groups = list(run_groups)
        self.providers = provider_lookup()
        self.categories = LookupWidget(
            _("Die Kategorie „%(value)s“ gibt es nicht. Bitte den Kurznamen einer Kategorie angeben (siehe Anleitung).")
        )
        self.districts = LookupWidget(_("Unbekannter Kreis „%(value)s“."))
        self.towns = town_lookup()
        self.target_groups = {}
        self.fill_lookups()
        self.fields = OrderedDict(self.columns())
        self.columns_by_attribute.update(
            {"title": text_column("Titel", "de"), "summary": text_column("Kurzbeschreibung", "de")}
        )
        self.locations = defaultdict(list)  # provider id -> its places (filled in before_import)
        # (provider, category, folded title) -> [(offer id, row that saved it or None, addresses)]
        self.offers_by_key = defaultdict(list)
        self.key_of = {}

    # --- columns ---------------------------------------------------------------------------

    def columns(self):
        def simple(attribute, column, widget):  # a column that is one attribute of the offer
            return attribute, Field(
                attribute=attribute, column_name=column, widget=widget, readonly=self.read_only(attribute)
            )

        def computed(key, column, export):
            return key, Field(column_name=column, readonly=True, dehydrate_method=export)

        yield "id", IdField(attribute="id", column_name=ID, widget=LenientIdWidget(), readonly=True)
        yield simple("provider", PROVIDER, self.providers)
        yield simple("category", CATEGORY, self.categories)
        yield simple("status", STATUS, ChoiceWidget(STATUS_WORDS, default=Offer.Status.DRAFT.value))
        for name, label in TEXTS:
            for code in language_codes():
                yield simple(f"{name}_{code}", text_column(label, code), TextWidget())
        yield simple("format", "Form", ChoiceWidget(FORMAT_WORDS, default=Offer.Format.ON_SITE.value))
        yield simple("whole_district", "Im ganzen Kreis", self.districts)
        yield computed("target_groups", TARGET_GROUPS, self.show_target_groups)
        yield simple("min_age", "Mindestalter", IntegerWidget())
        yield simple("max_age", "Höchstalter", IntegerWidget())
        yield simple("languages", "Sprachen", LanguagesWidget())
        yield simple("free_of_charge", "Kostenlos", BooleanWidget())
        yield simple("childcare", "Kinderbetreuung", BooleanWidget())
        yield simple("women_only", "Nur für Frauen", BooleanWidget())
        yield simple("registration_url", "Link zur Anmeldung", LinkWidget())
        yield simple("contact_person", "Ansprechperson", TextWidget())
        yield simple("phone", "Telefon", TextWidget())
        yield simple("email", "E-Mail", TextWidget())
        yield simple("visible_until", "Sichtbar bis", DateWidget())
        yield simple("last_reviewed", "Zuletzt geprüft", DateWidget())
        yield simple("is_demo", "Demo-Daten", BooleanWidget())
        yield computed("course_type", COURSE_TYPE, lambda offer: self.show_course(offer)[0])
        yield computed("teaching_units", TEACHING_UNITS, lambda offer: self.show_course(offer)[1])
        yield computed("target_level", TARGET_LEVEL, lambda offer: self.show_course(offer)[2])
        for number in self.location_groups:
            for index, (part, label) in enumerate(LOCATION_PARTS):
                yield computed(
                    f"location_{number}_{part}",
                    location_column(number, label),
                    lambda offer, number=number, index=index: self.show_location(offer, number)[index],
                )
        for number in self.run_groups:
            for index, (attribute, label, _widget) in enumerate(RUN_PARTS):
                yield computed(
                    f"run_{number}_{attribute}",
                    run_column(number, label),
                    lambda offer, number=number, index=index: self.show_run(offer, number)[index],
                )

    @classmethod
    def for_file(cls, user, file_name="", dataset=None):
        if dataset is None:  # the template: every column, two place groups and two run groups
            return cls(user, file_name, location_groups=(1, 2), run_groups=(1, 2))
        headers = dataset.headers
        return cls(
            user, file_name, location_groups=location_groups_in(headers) or [1], run_groups=run_groups_in(headers)
        )

    @classmethod
    def export_for(cls, user, queryset=None):
        """With as many place and run groups as the offer with the most has."""
        offers = Offer.objects.editable_by(user)
        if queryset is not None:
            offers = offers.filter(pk__in=queryset.values("pk"))
        most = offers.order_by().annotate(places=Count("locations")).aggregate(most=Max("places"))["most"]
        most_runs = offers.order_by().annotate(count=Count("runs")).aggregate(most=Max("count"))["most"]
        resource = cls(
            user, location_groups=range(1, max(most or 0, 1) + 1), run_groups=range(1, max(most_runs or 0, 1) + 1)
        )
        return resource.export(resource.get_queryset().filter(pk__in=offers.values("pk")).order_by("pk"))

    def required_columns(self):
        return [PROVIDER, CATEGORY, text_column("Titel", "de"), text_column("Kurzbeschreibung", "de")]

    def fill_lookups(self):
        for category in Category.objects.all():
            self.categories.add(category, category.slug, category.name_de)
        self.categories.show = lambda category: category.slug
        for district in District.objects.only("pk", "name", "slug", "key"):
            self.districts.add(district, district.name, district.slug, district.key)
        self.districts.show = lambda district: district.name
        self.target_groups = {fold(group.slug): group for group in TargetGroup.objects.all()}
        self.target_groups.update({fold(group.name_de): group for group in TargetGroup.objects.all()})

    # --- what an offer looks like in the file --------------------------------------------------

    def show_target_groups(self, offer):
        pending = getattr(offer, "_pending", {}).get("target_groups")
        groups = pending if pending is not None else (offer.target_groups.all() if offer.pk else [])
        return ", ".join(sorted(group.slug for group in groups))

    def course_of(self, offer):
        pending = getattr(offer, "_pending", {})
        if "course" in pending:
            return pending["course"]
        try:
            return offer.course if offer.pk else None
        except ObjectDoesNotExist:
            return None

    def show_course(self, offer):
        course = self.course_of(offer)
        if course is None:
            return "", "", ""
        return (
            COURSE_TYPE_WORDS.get(course.course_type, course.course_type),
            str(course.teaching_units or ""),
            course.target_level,
        )

    def locations_of(self, offer):
        pending = getattr(offer, "_pending", {}).get("locations")
        if pending is not None:
            return pending
        return sorted(offer.locations.all(), key=lambda location: location.pk) if offer.pk else []

    def show_location(self, offer, number):
        locations = self.locations_of(offer)
        if number > len(locations):
            return "", "", "", ""
        location = locations[number - 1]
        return location.name, location.street, location.postal_code, self.towns.show(location.municipality)

    def runs_of(self, offer):
        """The offer's runs by position (pending ones while a row is read; None where a group added none)."""
        pending = getattr(offer, "_pending", {}).get("runs")
        if pending is not None:
            return pending
        return sorted(offer.runs.all(), key=run_order) if offer.pk else []

    def show_run(self, offer, number):
        runs = self.runs_of(offer)
        if number > len(runs) or runs[number - 1] is None:
            return [""] * len(RUN_PARTS)
        run = runs[number - 1]
        return [
            self.show_run_location(offer, run) if widget is None else widget.render(getattr(run, attribute))
            for attribute, _label, widget in RUN_PARTS
        ]

    def place_of_run(self, offer, run):
        places = self.locations_of(offer)
        cached = CourseRun.location.field.get_cached_value(run, None)
        if cached is not None:
            return cached, places
        for place in places:
            if place.pk == run.location_id:
                return place, places
        return run.location, places  # not one of the offer's places (the admin allows none such)

    def show_run_location(self, offer, run):
        """The place's name where it names one place of the offer; else `Ort <n>`."""
        if run.location_id is None and CourseRun.location.field.get_cached_value(run, None) is None:
            return ""
        place, places = self.place_of_run(offer, run)
        if sum(1 for other in places if fold(other.name) == fold(place.name)) == 1:
            return place.name
        for number, other in enumerate(places, start=1):
            if other is place or (other.pk and other.pk == place.pk):
                return location_column(number, "").rstrip(": ")
        return place.name

    # --- reading the rows ------------------------------------------------------------------

    def get_queryset(self):
        return (
            Offer.objects.editable_by(self.user)
            .select_related("provider", "category", "course", "whole_district")
            .prefetch_related(
                Prefetch("locations", Location.objects.select_related("municipality")), "target_groups", "runs"
            )
        )

    def before_import(self, dataset, **kwargs):
        """The places and offers of the providers the file names, for matching and duplicates (a few queries)."""
        provider_ids = set()
        if PROVIDER in (dataset.headers or []):
            for cell in dataset[PROVIDER]:
                try:
                    provider = self.providers.clean(cell)
                except ValueError:
                    continue
                if provider is not None:
                    provider_ids.add(provider.pk)
        if not self.every_provider:
            provider_ids &= self.editable_provider_ids
            provider_ids |= self.editable_provider_ids
        for location in Location.objects.filter(provider__in=provider_ids).select_related("municipality"):
            self.locations[location.provider_id].append(location)
        offers = Offer.objects.filter(provider__in=provider_ids).only("pk", "provider", "category", "title_de")
        places = Location.objects.only("pk", "street", "postal_code", "municipality_id")
        for offer in offers.prefetch_related(Prefetch("locations", places)):
            self.remember(offer, self.addresses(offer.locations.all()))

    def duplicate_key(self, offer):
        return (offer.provider_id, offer.category_id, fold(offer.title_de or ""))

    def remember(self, offer, addresses, row_number=None):
        """Note an offer's duplicate key (and the row that saved it), replacing what it was before."""
        old_key = self.key_of.get(offer.pk)
        if old_key is not None:
            self.offers_by_key[old_key] = [entry for entry in self.offers_by_key[old_key] if entry[0] != offer.pk]
        key = self.duplicate_key(offer)
        self.key_of[offer.pk] = key
        self.offers_by_key[key].append((offer.pk, row_number, set(addresses)))

    def read_row(self, instance, row, errors):
        instance._pending = {}
        instance._created = instance.pk is None
        self.check_provider(instance, row, errors)
        if instance.category_id is None and "category" not in errors and CATEGORY in row:
            errors["category"] = [_("Bitte eine Kategorie angeben.")]
        for name in ("title_de", "summary_de"):
            if not getattr(instance, name) and self.columns_by_attribute[name] in row:
                errors.setdefault(name, [_("Pflichtfeld: bitte ausfüllen.")])
        if TARGET_GROUPS in row:
            self.read_target_groups(instance, row, errors)
        self.read_course(instance, row, errors)
        self.read_locations(instance, row, errors)
        self.read_runs(instance, row, errors)

    def read_target_groups(self, instance, row, errors):
        groups = []
        for cell in split_list(row[TARGET_GROUPS]):
            group = self.target_groups.get(fold(cell))
            if group is None:
                errors.setdefault(TARGET_GROUPS, []).append(
                    _("Die Zielgruppe „%(value)s“ gibt es nicht.") % {"value": cell}
                )
            elif group not in groups:
                groups.append(group)
        instance._pending["target_groups"] = groups

    def read_course(self, instance, row, errors):
        columns = (COURSE_TYPE, TEACHING_UNITS, TARGET_LEVEL)
        cells = [text(row.get(column)) for column in columns]
        if not any(cells):
            return  # no course facts: the offer's existing ones (if any) stay as they are
        if instance.category_id and not instance.is_integration_course:
            errors[COURSE_TYPE] = [_("Kursangaben gibt es nur für Angebote der Kategorie Integrationskurs.")]
            return
        course = self.course_of(instance) if instance.pk else None
        course = IntegrationCourse(
            offer_id=instance.pk,
            course_type=getattr(course, "course_type", ""),
            teaching_units=getattr(course, "teaching_units", None),
            target_level=getattr(course, "target_level", IntegrationCourse.Level.B1),
        )
        widgets = (ChoiceWidget(COURSE_TYPE_WORDS), IntegerWidget(), ChoiceWidget(LEVEL_WORDS, default="B1"))
        attributes = ("course_type", "teaching_units", "target_level")
        for attribute, column, widget in zip(attributes, columns, widgets, strict=True):
            if column not in row:
                continue
            try:
                setattr(course, attribute, widget.clean(row[column]))
            except ValueError as error:
                errors[column] = [str(error)]
        if not course.course_type:
            errors.setdefault(COURSE_TYPE, [_("Bitte die Kursart angeben.")])
        if not course.teaching_units:
            course.teaching_units = IntegrationCourse.REQUIRED_UNITS.get(course.course_type)
        if not (errors.keys() & set(columns)):
            try:
                course.full_clean(exclude=["offer"])
            except ValidationError as error:
                for attribute, messages in error.message_dict.items():
                    column = dict(zip(attributes, columns, strict=True)).get(attribute, COURSE_TYPE)
                    errors.setdefault(column, []).extend(messages)
            for message in course.offer_errors(instance).values():
                errors.setdefault(COURSE_TYPE, []).append(str(message))
        instance._pending["course"] = course

    def read_locations(self, instance, row, errors):
        groups = location_groups_in(row.keys())
        if not groups:
            return
        found = []
        for number in groups:
            name, street, postal_code, town = (
                text(row.get(location_column(number, label))) for _part, label in LOCATION_PARTS
            )
            if not any((name, street, postal_code, town)):
                continue
            column = [location_column(number, label) for _part, label in LOCATION_PARTS]
            problems_before = len(errors)
            if not street:
                errors[column[1]] = [_("Bitte Straße und Hausnummer angeben.")]
            postal_code = digits(postal_code, 5)
            if not re.fullmatch(r"\d{5}", postal_code):
                errors[column[2]] = [_("Die Postleitzahl hat 5 Ziffern.")]
            try:
                municipality = self.towns.clean(town) if town else None
            except ValueError as error:
                errors[column[3]] = [str(error)]
                municipality = None
            else:
                if municipality is None:
                    errors[column[3]] = [_("Bitte die Stadt oder Gemeinde angeben.")]
            if municipality and column[2] not in errors and postal_code not in municipality.postal_code_list():
                errors[column[2]] = [
                    _("Die Postleitzahl %(code)s gehört nicht zu %(town)s (%(codes)s).")
                    % {
                        "code": postal_code,
                        "town": municipality.name,
                        "codes": ", ".join(municipality.postal_code_list()),
                    }
                ]
            if len(errors) > problems_before or instance.provider_id is None or "provider" in errors:
                continue
            found.append(self.find_location(instance.provider, name, street, postal_code, municipality))
        instance._pending["locations"] = found

    def find_location(self, provider, name, street, postal_code, municipality):
        """The provider's place at this address (with this name, if one is given), else a new one."""
        key = address_key(street, postal_code, municipality.pk)
        candidates = [
            location
            for location in self.locations[provider.pk]
            if address_key(location.street, location.postal_code, location.municipality_id) == key
        ]
        for location in candidates:
            if not name or fold(location.name) == fold(name):
                return location
        location = Location(
            provider=provider, name=name or street, street=street, postal_code=postal_code, municipality=municipality
        )
        location._new = True
        return location

    def read_runs(self, instance, row, errors):
        """The run groups of the row onto the offer's runs by position (see the module's docstring)."""
        groups = run_groups_in(row.keys())
        if not groups:
            return
        runs = [self.copy_run(run) for run in self.runs_of(instance)] if instance.pk else []
        places = self.locations_of(instance)
        today = timezone.localdate()
        for number in groups:
            cells = {
                attribute: row[run_column(number, label)]
                for attribute, label, _widget in RUN_PARTS
                if run_column(number, label) in row
            }
            if self.empty_group(cells):
                continue
            runs.extend([None] * (number - len(runs)))
            run = runs[number - 1]
            if run is None:
                run = runs[number - 1] = CourseRun(offer_id=instance.pk)
                run._before = None
            problems_before = set(errors)
            for attribute, label, widget in RUN_PARTS:
                if attribute not in cells:
                    continue
                column = run_column(number, label)
                try:
                    if widget is None:
                        run.location = self.read_run_location(cells[attribute], places)
                    else:
                        setattr(run, attribute, widget.clean(cells[attribute]))
                except ValueError as error:
                    errors[column] = [str(error)]
            if set(errors) - problems_before:
                continue
            run.offer_locations = [place for place in places if place.pk]
            try:
                run.full_clean(
                    exclude=["offer", "places_reported_by"], validate_unique=False, validate_constraints=False
                )
            except ValidationError as error:
                for field, messages in error.message_dict.items():
                    part = RUN_FIELD_PARTS.get(field, field)
                    label = next((label for attribute, label, _w in RUN_PARTS if attribute == part), RUN_PARTS[0][1])
                    errors.setdefault(run_column(number, label), []).extend(messages)
                continue
            before = run._before
            run._changed = before is None or run_values(run) != before
            before_free = None if before is None else before[[a for a, _l, _w in RUN_PARTS].index("free_places")]
            if run.free_places is not None and (before is None or run.free_places != before_free):
                run.places_reported_on = today
                run.places_reported_by = self.user
        instance._pending["runs"] = runs

    @staticmethod
    def copy_run(run):
        """A run to change while the row is read; the loaded one stays as it was (the preview compares both)."""
        changed = copy.copy(run)
        changed._state = copy.copy(run._state)
        changed._state.fields_cache = dict(run._state.fields_cache)
        changed._before = run_values(run)
        changed._changed = False
        return changed

    @staticmethod
    def empty_group(cells):
        """No cell filled: yes/no cells saying no (as the export writes an absent run's) count as empty."""
        for attribute, _label, widget in RUN_PARTS:
            if attribute not in cells:
                continue
            if isinstance(widget, BooleanWidget):
                try:
                    if widget.clean(cells[attribute]):
                        return False
                except ValueError:
                    return False
            elif text(cells[attribute]):
                return False
        return True

    @staticmethod
    def read_run_location(cell, places):
        """`Ort 2` (or `2`) for the row's second place, or a place's `Bezeichnung`."""
        value = text(cell)
        if not value:
            return None
        reference = LOCATION_REFERENCE.match(value)
        if reference and 1 <= int(reference[1]) <= len(places):
            return places[int(reference[1]) - 1]
        named = [place for place in places if fold(place.name) == fold(value)]
        if len(named) == 1:
            return named[0]
        if len(named) > 1:
            raise ValueError(
                _("Mehrere Orte dieses Angebots heißen „%(value)s“: bitte „Ort <n>“ angeben (n: die Nummer des Ortes).")
                % {"value": value}
            )
        raise ValueError(
            _(
                "„%(value)s“ ist keiner der Orte dieses Angebots: bitte die Bezeichnung eines seiner Orte "
                "(Spalten „Ort <n>: …“) oder „Ort <n>“ angeben."
            )
            % {"value": value}
        )

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        locations = getattr(instance, "_pending", {}).get("locations")
        if locations is None and instance.pk:
            locations = list(instance.locations.all())
        changes = getattr(instance, "_changes", None) or []
        # Only runs changed: the offer itself is not saved, so a published one stays published.
        instance._runs_only = bool(
            not instance._created and changes and all(RUN_HEADER.match(column) for column, _b, _a in changes)
        )
        if not self.every_provider and not instance._runs_only:
            instance.status = Offer.Status.SUBMITTED  # a provider's edit of the offer waits for KI staff
        try:
            # A place that could not be read (or found for an unknown provider) is its own problem.
            if "provider" not in errors and not any(LOCATION_HEADER.match(str(key)) for key in errors):
                instance.check_reachable(locations or [])
        except ValidationError as error:
            errors.setdefault(location_column(1, "Straße und Hausnummer"), []).extend(error.messages)
        duplicate = self.find_duplicate(instance, locations or [])
        if duplicate:
            errors.setdefault(text_column("Titel", "de"), []).append(duplicate)
        # The related entries come from the lookups (they exist); Offer.clean() checks what the
        # constraints check, without a query per row each.
        exclude = {*errors, "provider", "category", "whole_district"}
        try:
            instance.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def addresses(self, locations):
        return {address_key(location.street, location.postal_code, location.municipality_id) for location in locations}

    def find_duplicate(self, instance, locations):
        if not (instance.provider_id and instance.category_id and instance.title_de):
            return None
        addresses = self.addresses(locations)
        for offer_id, row_number, other in self.offers_by_key.get(self.duplicate_key(instance), []):
            if offer_id == instance.pk or not ((not addresses and not other) or addresses & other):
                continue
            if row_number is not None:
                return _(
                    "Doppelt: dasselbe Angebot (gleicher Träger, gleiche Kategorie, gleicher Titel und Ort) "
                    "steht schon in Zeile %(row)s."
                ) % {"row": row_number}
            return _(
                "Doppelt: dieses Angebot gibt es schon (Kennung %(id)s: gleicher Träger, gleiche Kategorie, "
                "gleicher Titel und Ort)."
            ) % {"id": offer_id}
        return None

    def save_m2m(self, instance, row, **kwargs):
        pending = instance._pending
        if "locations" in pending:
            for location in pending["locations"]:
                if getattr(location, "_new", False):
                    location.save()
                    location._new = False
                    self.locations[location.provider_id].append(location)
            self.set_links(instance, "locations", pending["locations"], kwargs)
        if "target_groups" in pending:
            self.set_links(instance, "target_groups", pending["target_groups"], kwargs)
        course = pending.get("course")
        if course is not None and not instance._runs_only:
            course.offer = instance
            course.save()
        for run in pending.get("runs") or []:
            if run is not None and run._changed:
                run.offer = instance
                run.save()  # in the row's revision: one version per changed run
        if getattr(instance, "_created", False) and is_active():
            add_to_revision(instance)  # its version as linked now (the links were written without signals)
        locations = pending.get("locations")
        if locations is None:
            locations = list(instance.locations.all())
        self.remember(instance, self.addresses(locations), kwargs.get("row_number", 0) + 1)

    @staticmethod
    def set_links(instance, name, entries, kwargs):
        if getattr(instance, "_created", False):
            # A new offer has no links yet: written at once, without reading them first. The
            # catalogue version is bumped for the whole import (one_change), the links'
            # version is recorded with the offer's at the end of the row's revision.
            field = Offer._meta.get_field(name)
            through = field.remote_field.through
            target = field.m2m_reverse_field_name() + "_id"
            through.objects.bulk_create([through(offer_id=instance.pk, **{target: entry.pk}) for entry in entries])
        else:
            getattr(instance, name).set(entries)

    def do_instance_save(self, instance, is_create):
        if getattr(instance, "_runs_only", False):
            return  # its runs are saved in save_m2m; the offer row, its date and its status stay
        super().do_instance_save(instance, is_create)


class NoDiff:
    """The preview lists changed columns itself (SpreadsheetResource.list_changes); the library's HTML diff is not needed."""

    def __init__(self, *args, **kwargs):
        pass

    def compare_with(self, *args, **kwargs):
        pass

    def as_html(self):
        return []


class LanguagesWidget(TextWidget):
    """ISO 639-1 codes, „ar, tr“; checked by the offer's own field (an unknown code is named)."""

    def clean(self, value, row=None, **kwargs):
        return sorted({code.casefold() for code in split_list(value)})

    def render(self, value, obj=None, **kwargs):
        return ", ".join(sorted(value or []))
