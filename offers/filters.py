import itertools
from html import escape
from operator import attrgetter
from typing import NamedTuple

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import ModelChoiceIterator
from django.forms.utils import flatatt
from django.http import QueryDict
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from municipalities.models import Municipality, PostalCode
from portal.catalogue import kept_in_process, until_changed

from .languages import language_name
from .models import Category, HoursKind, Offer, TargetGroup
from .search import understand

MAX_QUERY_LENGTH = 200


class ActiveFilter(NamedTuple):
    label: str
    query_without: QueryDict  # the list's query with this filter removed


# The filter form's widgets build their HTML in Python, with the markup of Django's
# templates: rendered through templates, its fifty-odd options and boxes took a sixth
# of a list page's time. Only the towns have option groups (their districts). The selects'
# options and the boxes are kept per language and catalogue version (kept_in_process).


class FlagCheckbox(forms.CheckboxInput):
    """A checkbox that submits `=1` and reads 1/true/on, as the URL contract says."""

    def value_from_datadict(self, data, files, name):
        return str(data.get(name, "")).lower() in {"1", "true", "on"}

    def render(self, name, value, attrs=None, renderer=None):
        box_id = self.build_attrs(self.attrs, attrs)["id"]
        checked = " checked" if self.check_test(value) else ""
        return mark_safe(f'<input type="checkbox" name="{escape(name)}" value="1" id="{escape(box_id)}"{checked}>')  # noqa: S308 (every part escaped)


class FlatSelect(forms.Select):
    """A select whose options are rendered once per process, language and catalogue version (its choices must
    depend on nothing else), the chosen one marked per request: rendering the 396 towns was 13 % of a list page with its cards kept."""

    def render(self, name, value, attrs=None, renderer=None):
        options = kept_in_process(f"select-options:{name}:{get_language()}", lambda: self.options(self.choices))
        for chosen in self.format_value(value):
            option = f'<option value="{escape(chosen)}"'
            options = options.replace(f"{option}>", f"{option} selected>")
        select = f'<select name="{escape(name)}"{flatatt(self.build_attrs(self.attrs, attrs))}>{options}\n</select>'
        return mark_safe(select)  # noqa: S308 (every part escaped)

    def options(self, choices):
        return "".join(
            f'\n  <optgroup label="{escape(str(key))}">{self.options(label)}\n  </optgroup>'
            if isinstance(label, list)
            else f'\n  <option value="{escape(str(key))}">{escape(str(label))}</option>'
            for key, label in choices
        )


class FlatCheckboxes(forms.CheckboxSelectMultiple):
    """Boxes rendered once per process, language and catalogue version, as FlatSelect's options, each box both
    unchecked and checked: a request picks its own."""

    def render(self, name, value, attrs=None, renderer=None):
        list_id = self.build_attrs(self.attrs, attrs)["id"]
        kept = kept_in_process(f"checkboxes:{name}:{list_id}:{get_language()}", lambda: self.boxes(name, list_id))
        chosen = set(self.format_value(value))
        boxes = "".join(checked if key in chosen else unchecked for key, unchecked, checked in kept)
        return mark_safe(f'<div id="{escape(list_id)}">{boxes}\n</div>')  # noqa: S308 (every part escaped)

    def boxes(self, name, list_id):
        boxes = []
        for index, (key, label) in enumerate(self.choices):
            box_id = escape(self.id_for_label(list_id, index))
            box = f'<div>\n    <label for="{box_id}"><input type="checkbox" name="{escape(name)}" value="{escape(str(key))}" id="{box_id}"'
            rest = f">\n {escape(str(label))}</label></div>"
            boxes.append((str(key), f"{box}{rest}", f"{box} checked{rest}"))
        return boxes


class ReadOnce:
    """A model choice field that reads its rows once per catalogue version, to check the URL's slugs and to list them.

    Django's fields query once to check and again to render, through a server-side cursor on
    PostgreSQL (three round trips): per list page that was nine round trips for three lists. The
    rows are every row of the field's model (one field per model), the same for every visitor and
    language (modeltranslation picks a name's language when it is read), and kept in the process:
    at NRW scale, reading 396 towns took a third of a list page's time.
    """

    class iterator(ModelChoiceIterator):  # noqa: N801 (Django's attribute name)
        def __iter__(self):
            if self.field.empty_label is not None:
                yield ("", self.field.empty_label)
            yield from (self.choice(row) for row in self.field.rows)

    @property
    def rows(self):
        # .all(): the field, shared by every request (OfferFilter.get_form_class), keeps its queryset unevaluated.
        return kept_in_process(f"choices:{self.queryset.model._meta.label}", lambda: list(self.queryset.all()))

    def row(self, value):
        self.validate_no_null_characters(value)
        for row in self.rows:
            if str(getattr(row, self.to_field_name)) == str(value):
                return row
        raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value})


class TownChoice(ReadOnce, django_filters.fields.ModelChoiceField):
    """Every town the portal serves; grouped by district once there is more than one (a state-wide catalogue)."""

    def to_python(self, value):
        return None if value in self.empty_values else self.row(value)

    class iterator(ReadOnce.iterator):  # noqa: N801 (Django's attribute name)
        def __iter__(self):
            towns = self.field.rows
            if len({town.district_id for town in towns}) < 2:
                yield from super().__iter__()
                return
            yield ("", self.field.empty_label)
            in_districts = sorted(towns, key=lambda town: (town.district.name, town.name))
            for district, its_towns in itertools.groupby(in_districts, key=attrgetter("district")):
                yield (district.name, [self.choice(town) for town in its_towns])


class ModelMultipleChoiceReadOnce(ReadOnce, django_filters.fields.ModelMultipleChoiceField):
    def clean(self, value):
        # Nothing chosen: no rows, as a list like the rows chosen. Django's `queryset.none()` ran its
        # query's machinery on every list page when the filter asked whether it was empty.
        return [] if not self.required and not self.prepare_value(value) else super().clean(value)

    def _check_values(self, value):
        return [self.row(item) for item in dict.fromkeys(value)]


class TownFilter(django_filters.ModelChoiceFilter):
    field_class = TownChoice


class ModelMultipleChoiceReadOnceFilter(django_filters.ModelMultipleChoiceFilter):
    field_class = ModelMultipleChoiceReadOnce


class OnlyWhenChecked(django_filters.BooleanFilter):
    """`free=1` narrows the list; an absent or unchecked box does not mean 'not free'."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", FlagCheckbox)
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        return super().filter(qs, True) if value else qs


class StrictFlagCheckbox(FlagCheckbox):
    """A checkbox like FlagCheckbox that hands its raw value to the field, which names a wrong one."""

    def value_from_datadict(self, data, files, name):
        return data.get(name, "")

    def check_test(self, value):
        return str(value).lower() in StrictFlagField.TRUE


class StrictFlagField(forms.Field):
    widget = StrictFlagCheckbox
    TRUE = {"1", "true", "on"}
    FALSE = {"", "0", "false", "off"}

    def to_python(self, value):
        value = str(value or "").strip().lower()
        if value in self.TRUE:
            return True
        if value in self.FALSE:
            return False
        raise ValidationError(_("Bitte „1“ angeben oder den Wert weglassen."), code="invalid")


class WhenChecked(django_filters.Filter):
    """`open_now=1`, `walk_in=1`: narrows the list when set (its method sees False too); a value other than 1 gets a message."""

    field_class = StrictFlagField


class PostalCodeField(forms.CharField):
    """`near=59423`: the postal code's Centre, from the table of centres (municipalities.PostalCode)."""

    default_error_messages = {
        "format": _("Bitte geben Sie eine Postleitzahl mit fünf Ziffern ein, zum Beispiel 59423."),
        "unknown": _("Diese Postleitzahl kennen wir nicht. Bitte prüfen Sie sie oder wählen Sie Ihren Wohnort."),
    }

    def clean(self, value):
        code = super().clean(value).strip()
        if not code:
            return None
        if not (len(code) == 5 and code.isascii() and code.isdigit()):
            raise ValidationError(self.error_messages["format"], code="format")
        # One query per code and catalogue version; False is kept for a code we do not know.
        centre = until_changed("postal-code", code, lambda: PostalCode.objects.centre(code) or False, 300)
        if not centre:
            raise ValidationError(self.error_messages["unknown"], code="unknown")
        return centre


class NearFilter(django_filters.CharFilter):
    """Sorting, not narrowing: the list view orders by distance from the cleaned Centre (offers/distance.py)."""

    field_class = PostalCodeField

    def filter(self, qs, value):
        return qs


# Runs and ages (issue 14): numbers in the URL, each with its own clear message when it is no such number.


class FlatNumberInput(forms.NumberInput):
    def render(self, name, value, attrs=None, renderer=None):
        shown = "" if value is None else f' value="{escape(str(value))}"'
        html = f'<input type="number" name="{escape(name)}"{shown}{flatatt(self.build_attrs(self.attrs, attrs))}>'
        return mark_safe(html)  # noqa: S308 (every part escaped)


class WholeNumberFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


def whole_number_filter(label, low, high, method, message):
    return WholeNumberFilter(
        label=label,
        method=method,
        min_value=low,
        max_value=high,
        widget=FlatNumberInput(attrs={"min": low, "max": high, "inputmode": "numeric"}),
        error_messages={"invalid": message, "min_value": message, "max_value": message},
    )


SORT_CHOICES = [
    ("relevance", _("Beste Treffer zuerst")),
    ("title", _("Nach Titel (A–Z)")),
    ("next_start", _("Nächster Kursbeginn")),
]


class SharedFields(dict):
    """A form class's fields that each of its forms uses as they are: Django deep-copies them per form so that one
    form's changes stay its own, and the filter form changes none (its forms read the choices per catalogue version
    and the labels and messages, lazy translations, in the request's language)."""

    def __deepcopy__(self, memo):
        return dict(self)


class OfferFilter(django_filters.FilterSet):
    """The offer list's fixed URL contract: caseworkers bookmark and print these links."""

    q = django_filters.CharFilter(label=_("Suchbegriff"), method="search")
    municipality = TownFilter(
        label=_("Wohnort"),
        queryset=lambda request: Municipality.objects.select_related("district"),
        to_field_name="slug",
        empty_label=_("Alle Orte"),
        widget=FlatSelect,
        method="in_municipality",
    )
    category = ModelMultipleChoiceReadOnceFilter(
        label=_("Was suchen Sie?"),
        queryset=lambda request: Category.objects.all(),
        to_field_name="slug",
        widget=FlatCheckboxes,
        method="in_categories",
    )
    target_group = ModelMultipleChoiceReadOnceFilter(
        label=_("Für wen?"),
        queryset=lambda request: TargetGroup.objects.all(),
        to_field_name="slug",
        widget=FlatCheckboxes,
        method="for_target_groups",
    )
    language = django_filters.ChoiceFilter(
        label=_("In welcher Sprache?"),
        choices=lambda: [(code, language_name(code)) for code in Offer.objects.offered_languages()],
        empty_label=_("Alle Sprachen"),
        widget=FlatSelect,
        method="held_in_language",
    )
    free = OnlyWhenChecked(label=_("Nur kostenlose Angebote"), field_name="free_of_charge")
    childcare = OnlyWhenChecked(label=_("Mit Kinderbetreuung"), field_name="childcare")
    women_only = OnlyWhenChecked(label=_("Nur für Frauen"), field_name="women_only")
    online = OnlyWhenChecked(label=_("Online oder hybrid"), method="online_or_hybrid")
    # Hours (issue 14): open at this minute in Berlin; a walk-in hour, the offer's own or its location's.
    open_now = WhenChecked(label=_("Jetzt geöffnet"), method="open_now_filter")
    walk_in = WhenChecked(label=_("Mit offener Sprechstunde (ohne Termin)"), method="walk_in_filter")
    near = NearFilter(label=_("Ihre Postleitzahl"))
    starts_within = whole_number_filter(
        _("Beginn in den nächsten … Wochen"),
        1,
        52,
        "starting_within",
        _("Bitte eine Zahl von Wochen zwischen 1 und 52 angeben."),
    )
    places = WhenChecked(label=_("Nur mit freien Plätzen (gemeldet in den letzten 14 Tagen)"), method="with_places")
    age = whole_number_filter(
        _("Alter in Jahren"), 0, 120, "for_age", _("Bitte ein Alter zwischen 0 und 120 Jahren angeben.")
    )
    # Relevance first when `q` is given (offers/search.py), else by title; or by the next run's start.
    sort = django_filters.ChoiceFilter(
        label=_("Sortierung"),
        choices=SORT_CHOICES,
        empty_label=None,
        widget=FlatSelect,
        method="keep",
        error_messages={
            "invalid_choice": _(
                "Diese Sortierung gibt es nicht: beste Treffer zuerst, nach Titel oder nach nächstem Kursbeginn."
            )
        },
    )

    class Meta:
        model = Offer
        fields = []

    def get_form_class(self):
        """The form class, built once per process with fields its forms share: django-filters builds one per list,
        and Django's form deep-copied its fields: 8 % of a list page with its cards kept. The querysets' lambdas
        above do not read the request, so the first one's fields serve every request."""
        filter_class = type(self)
        if "shared_form_class" not in filter_class.__dict__:
            form_class = super().get_form_class()
            form_class.base_fields = SharedFields(form_class.base_fields)
            filter_class.shared_form_class = form_class
        return filter_class.shared_form_class

    def filter_queryset(self, queryset):
        """django-filter's, with the search applied last, so that `unsearched` (see search) holds every other filter."""
        cleaned = self.form.cleaned_data
        for name, value in cleaned.items():
            if name != "q":
                queryset = self.filters[name].filter(queryset, value)
        return self.filters["q"].filter(queryset, cleaned["q"]) if "q" in cleaned else queryset

    @cached_property
    def query(self):
        """`q` understood (offers/search.py): a town it names filters by that town unless `municipality` is set."""
        self.is_valid()  # cleans the form once; invalid values are left out
        text = (self.form.cleaned_data.get("q") or "")[:MAX_QUERY_LENGTH]
        if not text.strip():
            return None
        return understand(text, find_town=not self.form.cleaned_data.get("municipality"))

    @cached_property
    def town_from_query(self):
        query = self.query
        if not (query and query.town):
            return None
        # The town choices are read once per form anyway (ReadOnce): no query of its own.
        return next((town for town in self.form.fields["municipality"].rows if town.pk == query.town), None)

    @cached_property
    def ranks(self):
        """Best matches first: a search, unless sorted by title or by the next start."""
        self.is_valid()
        return bool(self.query) and self.form.cleaned_data.get("sort") not in ("title", "next_start")

    def named_categories(self):
        """The categories named by the first part of `q` that names any: their offers among the filtered ones all match."""
        return next((token.categories for token in (self.query.tokens if self.query else []) if token.categories), ())

    def named_offers(self):
        """The filtered offers in the named categories (None if `q` names none). For a query of one part they
        are read without its text conditions: the category already says they match, and each copy of those
        conditions in the list's count (three) took longer to build than to run."""
        categories = self.named_categories()
        if not categories:
            return None
        offers = self.qs  # built first: its search sets `unsearched`
        if len(self.query.tokens) == 1:
            offers = self.unsearched
        return offers.filter(category_id__in=sorted(categories))

    def ordered(self, candidates=None, first=None):
        """The filtered offers by the next run's start (sort=next_start), best matches first when searching, else by title.

        `first`: how many of the order are needed at most (the page and those before it).
        `candidates` (when more match than the list counts, so it says "more than 1000"): the ids
        of the matches the count found; only they (and as many held in the town) are ranked:
        ranking every match of a word half the catalogue holds would read every one of them.
        """
        self.is_valid()  # a wrong value elsewhere leaves the valid ones in cleaned_data
        sort = self.form.cleaned_data.get("sort")
        if sort == "next_start":
            return self.qs.order_by_next_start(first=first, runs=self.run_filters())
        if self.ranks:
            town = self.form.cleaned_data.get("municipality") or self.town_from_query
            return self.qs.order_by_relevance(self.query, town=town, candidates=candidates)
        return self.qs.order_by_title()

    def active_filters(self):
        """Each valid filter that narrows the list, as a removable chip."""
        chips, town_chip = [], []
        town = self.town_from_query
        if town:  # named in the query: removing it searches for the other words everywhere
            without_town = self.data.copy()
            without_town["q"] = self.query.rest
            without_town.pop("page", None)
            town_chip.append(ActiveFilter(str(town), without_town))
        for name, value in self.form.cleaned_data.items():
            if not value or name == "sort":
                continue
            if name == "q":
                chips.append((name, value, f"{self.form.fields[name].label}: {value[:40]}"))
            elif name in ("category", "target_group"):
                chips.extend((name, item.slug, str(item)) for item in value)
            elif name == "municipality":
                chips.append((name, value.slug, str(value)))
            elif name == "near":
                chips.append((name, value.code, _("In der Nähe von %(code)s") % {"code": value.code}))
            elif name == "language":
                chips.append((name, value, language_name(value)))
            elif name == "starts_within":
                chips.append((name, str(value), _("Beginn in den nächsten %(weeks)s Wochen") % {"weeks": value}))
            elif name == "age":
                chips.append((name, str(value), _("Alter: %(age)s Jahre") % {"age": value}))
            elif name == "open_now" and self.form.cleaned_data.get("walk_in"):
                chips.append((name, "1", _("Jetzt offene Sprechstunde (ohne Termin)")))
            elif name == "sort":
                continue
            else:
                chips.append((name, "1", str(self.form.fields[name].label)))
        return [*town_chip, *(ActiveFilter(label, self.query_without(name, value)) for name, value, label in chips)]

    def query_without(self, name, value):
        """The list's query without one value of a (maybe repeated) parameter, from the first page.

        Django's {% querystring %} replaces a parameter's values but cannot drop one of them.
        """
        query = self.data.copy()
        query.setlist(name, [item for item in query.getlist(name) if item != value])
        query.pop("page", None)
        return query

    def search(self, queryset, name, value):
        if not self.query:
            return queryset
        if self.town_from_query:
            queryset = queryset.in_municipality(self.town_from_query)
        self.unsearched = queryset  # every filter but the query's words (named_offers)
        return queryset.search(value, query=self.query)

    def keep(self, queryset, name, value):
        return queryset

    def in_municipality(self, queryset, name, value):
        return queryset.in_municipality(value)

    def in_categories(self, queryset, name, value):
        return queryset.in_categories(value) if value else queryset

    def for_target_groups(self, queryset, name, value):
        return queryset.for_target_groups(value) if value else queryset

    def held_in_language(self, queryset, name, value):
        return queryset.held_in_language(value)

    def online_or_hybrid(self, queryset, name, value):
        return queryset.online_or_hybrid() if value else queryset

    # open_now=1&walk_in=1 (finding 5 of issue 14): a walk-in hour now, not open now and walk-in some other day.
    def open_now_filter(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.open_now(kind=HoursKind.WALK_IN if self.form.cleaned_data.get("walk_in") else None)

    def walk_in_filter(self, queryset, name, value):
        if not value or self.form.cleaned_data.get("open_now"):
            return queryset  # both given: open_now_filter asked for a walk-in hour now
        return queryset.with_walk_in()

    # starts_within and places (finding 1 of issue 14): ONE run that starts in time AND has free places.
    def run_filters(self):
        """The active run filters as keywords of CourseRunQuerySet.matching: {} when none is set."""
        self.is_valid()
        weeks, places = self.form.cleaned_data.get("starts_within"), self.form.cleaned_data.get("places")
        return {"weeks": None if weeks is None else int(weeks), "places": bool(places)} if weeks or places else {}

    def starting_within(self, queryset, name, value):
        return queryset if value is None else queryset.with_matching_run(**self.run_filters())

    def with_places(self, queryset, name, value):
        if not value or self.form.cleaned_data.get("starts_within") is not None:
            return queryset  # both given: starting_within applied one run with both conditions
        return queryset.with_free_places()  # alone: the stored last day with places, no EXISTS over the runs

    def for_age(self, queryset, name, value):
        return queryset if value is None else queryset.for_age(int(value))
