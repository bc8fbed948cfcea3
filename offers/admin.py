from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationStackedInline, TranslationTabularInline
from reversion import create_revision, set_comment, set_user

from municipalities.models import Municipality
from portal.admin import PROVIDER_EDITORS, StableSlugMixin, TranslatedAdmin, VersionedAdmin, WholeNamesFirstSearch

from . import calendar
from .forms import CourseRunFormSet, IntegrationCourseFormSet, OfferAdminForm, WeeklyHoursFormSet
from .models import (
    PLACES_CURRENT_DAYS,
    Category,
    Closure,
    CourseRun,
    IntegrationCourse,
    Location,
    Offer,
    Provider,
    TargetGroup,
    WeeklyHours,
    edits_every_provider,
    language_codes,
)
from .synonyms_admin import SynonymAdmin  # noqa: F401 (registers the synonyms' admin)
from .translations_admin import TranslationMissingFilter, TranslationOutdatedFilter, TranslationWorkflowAdmin


class ProviderScopedAdmin:
    """A provider's own staff reach only its rows, whatever URL they type.

    The scope lives in the querysets (lists, forms, autocomplete, object views, and
    through them history and restore, see TranslatedAdmin). Recovering deleted
    entries is for KI staff: the deleted entry is in no queryset to check against.
    """

    def get_queryset(self, request):
        return super().get_queryset(request).editable_by(request.user)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "provider":
            kwargs["queryset"] = Provider.objects.editable_by(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "locations":
            kwargs["queryset"] = Location.objects.editable_by(request.user)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def recoverlist_view(self, request, extra_context=None):
        if not edits_every_provider(request.user):
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if not edits_every_provider(request.user):
            raise PermissionDenied
        return super().recover_view(request, version_id, extra_context)


@admin.register(Provider)
class ProviderAdmin(ProviderScopedAdmin, TranslatedAdmin):
    list_display = ["name", "kind", "phone", "email", "website", "is_demo"]
    list_filter = ["kind", "is_demo"]  # links/admin.py adds its "Link defekt" filter
    search_fields = ["name", "email", "bamf_provider_number"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["editors"]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "editors":
            kwargs["queryset"] = get_user_model().objects.filter(groups__name=PROVIDER_EDITORS)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class WeeklyHoursInline(admin.TabularInline):
    """Hours belong to the location or offer whose form they are in: its scope is theirs."""

    model = WeeklyHours
    formset = WeeklyHoursFormSet
    extra = 0
    fields = ["weekday", "opens_at", "closes_at", "kind"]


class ClosureInline(TranslationTabularInline):
    model = Closure
    extra = 0
    fields = ["starts_on", "ends_on", "reason"]


@admin.register(Location)
class LocationAdmin(WholeNamesFirstSearch, ProviderScopedAdmin, TranslatedAdmin):
    list_display = ["name", "street", "postal_code", "municipality", "provider", "wheelchair_access"]
    list_filter = ["municipality", "wheelchair_access"]
    search_fields = ["name", "municipality__name", "street", "postal_code", "provider__name"]
    search_rank_fields = ["municipality__name", "name"]
    list_select_related = ["municipality", "provider"]
    autocomplete_fields = ["provider"]
    inlines = [WeeklyHoursInline, ClosureInline]


@admin.register(Category)
class CategoryAdmin(StableSlugMixin, TranslatedAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]


@admin.register(TargetGroup)
class TargetGroupAdmin(StableSlugMixin, TranslatedAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]


class IntegrationCourseInline(admin.StackedInline):
    model = IntegrationCourse
    formset = IntegrationCourseFormSet
    extra = 0
    max_num = 1
    verbose_name = _("Integrationskurs-Angaben (nur für Integrationskurse)")


RUN_FIELDS = [
    ("start_date", "end_date", "registration_deadline", "rolling_entry"),
    ("weekdays", "class_start", "class_end"),
    ("location", "intensity", "time_of_day"),
    "note",
    ("max_places", "free_places", "places_reported_on", "places_reported_by"),
    ("is_cancelled", "has_waiting_list"),
]


class CourseRunInline(TranslationStackedInline):
    """The offer's runs ("Termine"); who reported a places figure is shown here only, never publicly."""

    model = CourseRun
    formset = CourseRunFormSet
    extra = 0
    fields = RUN_FIELDS
    readonly_fields = ["places_reported_on", "places_reported_by"]
    verbose_name = _("Termin")
    verbose_name_plural = _("Termine (Kursstarts, Zeiten, freie Plätze)")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("places_reported_by")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "location":
            kwargs["queryset"] = Location.objects.editable_by(request.user).select_related("municipality")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class QuerySetVerbFilter(admin.SimpleListFilter):
    """One choice, "yes", which narrows the list by the queryset's verb `verb`."""

    verb = None

    def label(self):
        raise NotImplementedError

    def lookups(self, request, model_admin):
        return [("yes", self.label())]

    def queryset(self, request, queryset):
        return getattr(queryset, self.verb)() if self.value() == "yes" else queryset


class ReviewOverdueFilter(QuerySetVerbFilter):
    title = _("Prüfung überfällig")
    parameter_name = "review_overdue"
    verb = "review_overdue"

    def label(self):
        return _("Länger als %(months)s Monate nicht geprüft") % {"months": settings.REVIEW_INTERVAL_MONTHS}


class ExpiredFilter(admin.SimpleListFilter):
    title = _("Sichtbarkeit abgelaufen")
    parameter_name = "expired"

    def lookups(self, request, model_admin):
        return [("yes", _("Abgelaufen")), ("no", _("Noch sichtbar oder unbefristet"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.expired()
        if self.value() == "no":
            return queryset.exclude(pk__in=queryset.expired().values("pk"))
        return queryset


class ExpiringSoonFilter(admin.SimpleListFilter):
    title = _("Läuft bald ab")
    parameter_name = "expiring"

    def lookups(self, request, model_admin):
        return [("30", _("Sichtbar nur noch höchstens 30 Tage"))]

    def queryset(self, request, queryset):
        return queryset.expiring_within(30) if self.value() == "30" else queryset


class EditableProviderFilter(admin.RelatedFieldListFilter):
    """The providers the editor may change, as `<field>__id__exact`: a provider's staff are offered their own.

    Another provider's id typed into the URL finds nothing: the admin's queryset is scoped already.
    """

    def field_choices(self, field, request, model_admin):
        return [(provider.pk, str(provider)) for provider in Provider.objects.editable_by(request.user)]

    def has_output(self):
        # Shown with one provider too: a hidden filter is not applied, and a typed id would list everything.
        return True


class PlacesOutdatedFilter(QuerySetVerbFilter):
    title = _("Plätze veraltet")
    parameter_name = "places_outdated"
    verb = "figures_outdated"

    def label(self):
        return _("Plätze älter als %(days)s Tage oder nie gemeldet (Termin nicht vorbei)") % {
            "days": PLACES_CURRENT_DAYS
        }


class WithoutFutureRunFilter(QuerySetVerbFilter):
    title = _("Ohne künftigen Termin")
    parameter_name = "without_future_run"
    verb = "without_future_run"

    def label(self):
        return _("Kein Termin, der noch kommt oder läuft, kein Einstieg jederzeit")


@admin.register(Offer)
class OfferAdmin(TranslationWorkflowAdmin, ProviderScopedAdmin, TranslatedAdmin):
    form = OfferAdminForm
    inlines = [IntegrationCourseInline, CourseRunInline, WeeklyHoursInline, ClosureInline]
    list_display = [
        "title",
        "category",
        "provider",
        "places",
        "status",
        "visible_until",
        "last_reviewed",
        "translations",
    ]
    list_filter = [
        "status",
        "category",
        ("locations__municipality", admin.RelatedOnlyFieldListFilter),
        ("provider", EditableProviderFilter),
        "target_groups",
        TranslationMissingFilter,
        TranslationOutdatedFilter,
        ReviewOverdueFilter,
        ExpiredFilter,
        ExpiringSoonFilter,
        WithoutFutureRunFilter,
        "is_demo",  # links/admin.py adds its "Link defekt" filter before this one
    ]
    search_fields = ["title"]  # see get_search_results
    search_help_text = _("Sucht in Titeln, Texten und Trägernamen aller Sprachen.")
    autocomplete_fields = ["provider", "locations"]
    filter_horizontal = ["target_groups"]
    actions = ["publish", "unpublish", "mark_reviewed_today"]
    list_per_page = 50
    # Derived from the texts: comparing them would only repeat the real changes.
    compare_exclude = [
        "slug",
        "updated",
        "translation_sources",
        "translation_status",
        *(f"search_text_{code}" for code, _name in settings.LANGUAGES),
    ]
    fieldsets = [
        (None, {"fields": ["title", "summary", "plain_summary", "category", "provider", "status"]}),
        (
            _("Wo und für wen"),
            {
                "fields": [
                    "format",
                    "locations",
                    "whole_district",
                    "target_groups",
                    "min_age",
                    "max_age",
                    "languages",
                    "women_only",
                ]
            },
        ),
        (_("Beschreibung"), {"fields": ["description"]}),
        (
            _("Kosten und Anmeldung"),
            {"fields": ["free_of_charge", "costs_note", "childcare", "registration_info", "registration_url"]},
        ),
        (_("Kontakt"), {"fields": ["contact_person", "phone", "email"]}),
        (_("Sprechzeiten"), {"fields": ["closed_on_public_holidays"]}),
        (_("Pflege"), {"fields": ["visible_until", "last_reviewed", "is_demo"]}),
    ]

    # Figures other apps show in their own columns, {name: expression}: reports/admin.py adds the
    # open reports per offer (offers knows nothing of it); annotated here, so the list needs no
    # query per row.
    list_annotations = {}

    def get_queryset(self, request):
        return super().get_queryset(request).for_listing().annotate(**self.list_annotations)

    def reversion_register(self, model, **options):
        if model is Offer:
            # Runs keep their own history: restoring an offer's text never rolls back places nor drops newer runs.
            options["follow"] = tuple(name for name in options.get("follow", ()) if name != "runs")
        super().reversion_register(model, **options)

    def changelist_view(self, request, extra_context=None):
        # Nine columns and the filters need the whole width: the app list is a click away ("Start").
        return super().changelist_view(request, {"is_nav_sidebar_enabled": False, **(extra_context or {})})

    def get_readonly_fields(self, request, obj=None):
        # Provider staff cannot publish, confirm a review or flag demo data.
        if edits_every_provider(request.user):
            return super().get_readonly_fields(request, obj)
        return [*super().get_readonly_fields(request, obj), "status", "last_reviewed", "is_demo"]

    def has_publish_permission(self, request):
        return request.user.has_perm("offers.publish_offer")

    def save_model(self, request, obj, form, change):
        # A provider's change of the offer's texts and facts waits for KI staff, who publish it;
        # its runs (dates, places) are no text to review and go live as saved (save_formset).
        request.offer_resubmitted = False
        text_changed = not change or form.has_changed() or getattr(request, "restores_version", False)
        if not edits_every_provider(request.user) and text_changed:
            obj.status = Offer.Status.SUBMITTED
            request.offer_resubmitted = True
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        if formset.model is CourseRun:
            today = timezone.localdate()
            for run_form in formset.forms:
                if "free_places" in run_form.changed_data or (not run_form.instance.pk and run_form.has_changed()):
                    if run_form.instance.free_places is not None:
                        run_form.instance.places_reported_on = today
                        run_form.instance.places_reported_by = request.user
        elif (
            formset.has_changed()
            and not edits_every_provider(request.user)
            and form.instance.status != Offer.Status.SUBMITTED
        ):
            # The course facts are the offer's text too.
            Offer.objects.filter(pk=form.instance.pk).update(status=Offer.Status.SUBMITTED)
            form.instance.status = Offer.Status.SUBMITTED
            request.offer_resubmitted = True
        super().save_formset(request, form, formset, change)

    def response_change(self, request, obj):
        if getattr(request, "offer_resubmitted", False) and not edits_every_provider(request.user):
            self.message_user(
                request, _("Gespeichert und zur Prüfung eingereicht: das KI veröffentlicht die Änderung.")
            )
        return super().response_change(request, obj)

    def get_search_results(self, request, queryset, search_term):
        # The folded search text finds Übung/übung and Київ/київ on SQLite too.
        if not search_term.strip():
            return queryset, False
        return queryset.search(search_term, languages=language_codes()), False

    @admin.display(description=_("Orte"))
    def places(self, offer):
        names = [municipality.name for municipality in offer.municipalities()]
        if offer.whole_district_id:
            names.append(_("ganzer Kreis"))
        if offer.format != Offer.Format.ON_SITE:
            names.append(offer.get_format_display())
        return ", ".join(str(name) for name in names) or "–"

    @admin.action(description=_("Ausgewählte Angebote veröffentlichen"), permissions=["publish"])
    def publish(self, request, queryset):
        published = 0
        for offer in queryset.prefetch_related("locations"):
            offer.status = Offer.Status.PUBLISHED
            try:
                offer.full_clean()
                offer.check_reachable(list(offer.locations.all()))
            except ValidationError as error:
                self.message_user(
                    request,
                    _("„%(title)s“ nicht veröffentlicht: %(reason)s")
                    % {"title": offer.title, "reason": " ".join(error.messages)},
                    messages.ERROR,
                )
                continue
            with create_revision():
                offer.save(update_fields=["status", "updated"])
                set_user(request.user)
                set_comment(_("Veröffentlicht"))
            published += 1
        if published:
            self.message_user(
                request,
                ngettext("%(count)d Angebot veröffentlicht.", "%(count)d Angebote veröffentlicht.", published)
                % {"count": published},
                messages.SUCCESS,
            )

    def save_as_versions(self, request, queryset, comment, **changes):
        """Bulk changes are saved one by one, so each leaves a version to restore."""
        offers = list(queryset)
        with create_revision():
            for offer in offers:
                for field, value in changes.items():
                    setattr(offer, field, value)
                offer.save()
            set_user(request.user)
            set_comment(comment)
        return len(offers)

    @admin.action(description=_("Veröffentlichung zurücknehmen (Entwurf)"), permissions=["publish"])
    def unpublish(self, request, queryset):
        count = self.save_as_versions(
            request, queryset, _("Veröffentlichung zurückgenommen"), status=Offer.Status.DRAFT
        )
        self.message_user(
            request,
            ngettext("%(count)d Angebot ist wieder Entwurf.", "%(count)d Angebote sind wieder Entwürfe.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Als heute geprüft markieren"), permissions=["publish"])
    def mark_reviewed_today(self, request, queryset):
        count = self.save_as_versions(request, queryset, _("Als geprüft markiert"), last_reviewed=timezone.localdate())
        self.message_user(
            request,
            ngettext("%(count)d Angebot als geprüft markiert.", "%(count)d Angebote als geprüft markiert.", count)
            % {"count": count},
            messages.SUCCESS,
        )


@admin.site.add_dashboard_figures
def offer_currency(request):
    """The dashboard's figures: how current the offers are that the editor may change."""
    return Offer.objects.editable_by(request.user).currency_report()


@admin.site.add_dashboard_figures
def run_currency(request):
    """Per provider: runs with old places figures, courses without a future run."""
    return Offer.objects.editable_by(request.user).run_currency_report()


@admin.register(CourseRun)
class CourseRunAdmin(ProviderScopedAdmin, VersionedAdmin):
    list_display = [
        "__str__",
        "start_date",
        "end_date",
        "location",
        "free_places",
        "places_reported_on",
        "places_reported_by",
    ]
    list_filter = [
        ("offer__provider", EditableProviderFilter),
        PlacesOutdatedFilter,
        "offer__status",
        "is_cancelled",
        "has_waiting_list",
    ]
    list_select_related = ["offer", "location__municipality", "places_reported_by"]
    search_fields = ["offer__title"]
    autocomplete_fields = ["offer"]
    fields = ["offer", *RUN_FIELDS]
    readonly_fields = ["places_reported_on", "places_reported_by"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("offer")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "offer":
            kwargs["queryset"] = Offer.objects.editable_by(request.user)
        if db_field.name == "location":
            kwargs["queryset"] = Location.objects.editable_by(request.user).select_related("municipality")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        if "free_places" in form.changed_data and obj.free_places is not None:
            obj.places_reported_on = timezone.localdate()
            obj.places_reported_by = request.user
        super().save_model(request, obj, form, change)

    def get_urls(self):
        places = path("places/", self.admin_site.admin_view(self.places_view), name="offers_courserun_places")
        return [places, *super().get_urls()]

    def feeds(self, request, providers):
        """Subscribable calendars of runs: per provider, and per town for KI staff."""
        feeds = [(provider.name, feed_url(request, "provider", provider.slug)) for provider in providers]
        if edits_every_provider(request.user):
            towns = Municipality.objects.all()
            feeds += [(town.name, feed_url(request, "town", town.slug)) for town in towns]
        return feeds

    def places_view(self, request):
        """ "Plätze und Termine": every upcoming run of the editor's providers, one submit confirms every figure.

        It changes no text, so a published offer stays published (see OfferAdmin.save_model).
        """
        if not self.has_change_permission(request):
            raise PermissionDenied
        providers = Provider.objects.editable_by(request.user)
        provider = None
        runs = (
            self.get_queryset(request)
            .upcoming()
            .select_related("location__municipality")
            .order_by("offer__provider__name", "offer__title_de", "start_date", "pk")
        )
        chosen = request.GET.get("provider", "")
        if chosen:
            provider = providers.filter(pk=chosen).first() if chosen.isdigit() else None
            if provider is None:
                raise Http404
            runs = runs.filter(offer__provider=provider)
        elif edits_every_provider(request.user):
            runs = runs.none()  # KI staff choose a provider first: the whole district is too long a page
        forms_of_runs = places_forms(runs, request.POST if request.method == "POST" else None)
        if request.method == "POST":
            submitted = [form for form in forms_of_runs if form.is_bound]
            if all(form.is_valid() for form in submitted):
                count = confirm_places(submitted, request.user)
                self.message_user(
                    request,
                    ngettext(
                        "Stand heute bestätigt: %(count)d Termin.", "Stand heute bestätigt: %(count)d Termine.", count
                    )
                    % {"count": count},
                    messages.SUCCESS,
                )
                return redirect(request.get_full_path())
            self.message_user(request, _("Nichts gespeichert: bitte die markierten Angaben prüfen."), messages.ERROR)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Plätze und Termine"),
            "opts": self.opts,
            "forms": forms_of_runs,
            "providers": providers if edits_every_provider(request.user) else None,
            "provider": provider,
            "current_days": PLACES_CURRENT_DAYS,
            "feeds": self.feeds(
                request, [provider] if provider else [] if edits_every_provider(request.user) else providers
            ),
        }
        return TemplateResponse(request, "admin/offers/courserun/places.html", context)


class PlacesForm(forms.ModelForm):
    class Meta:
        model = CourseRun
        fields = ["free_places"]
        widgets = {"free_places": forms.NumberInput(attrs={"min": 0, "class": "vIntegerField"})}


def feed_url(request, kind, slug):
    path = reverse("staff_feed", args=[kind, slug, calendar.feed_token(kind, slug)])
    return request.build_absolute_uri(path)


def places_forms(runs, data=None):
    """A form per run the editor may change; a posted figure counts only for such a run.

    Ids are never read from the post: a run of another provider is in no form, whatever is sent.
    """
    result = []
    for run in runs:
        prefix = f"run-{run.pk}"
        bound = data is not None and f"{prefix}-free_places" in data
        run.offer_locations = [run.location] if run.location_id else []  # only the figure changes here
        result.append(PlacesForm(data if bound else None, instance=run, prefix=prefix))
    return result


def confirm_places(places, user):
    """Every figure of the screen, dated today and signed by `user`: one transaction, one version per run."""
    today = timezone.localdate()
    with transaction.atomic(), create_revision():
        for form in places:
            run = form.save(commit=False)
            if run.free_places is not None:  # an empty field confirms nothing: "never reported" stays so
                run.places_reported_on = today
                run.places_reported_by = user
            run.save(update_fields=["free_places", "places_reported_on", "places_reported_by"])
        set_user(user)
        set_comment(_("Plätze: Stand heute bestätigt"))
    return len(places)
