from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationTabularInline
from reversion import create_revision, set_comment, set_user

from portal.admin import PROVIDER_EDITORS, StableSlugMixin, TranslatedAdmin, WholeNamesFirstSearch

from .forms import IntegrationCourseFormSet, OfferAdminForm, WeeklyHoursFormSet
from .models import (
    Category,
    Closure,
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


class ReviewOverdueFilter(admin.SimpleListFilter):
    title = _("Prüfung überfällig")
    parameter_name = "review_overdue"

    def lookups(self, request, model_admin):
        return [("yes", _("Länger als %(months)s Monate nicht geprüft") % {"months": settings.REVIEW_INTERVAL_MONTHS})]

    def queryset(self, request, queryset):
        return queryset.review_overdue() if self.value() == "yes" else queryset


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


@admin.register(Offer)
class OfferAdmin(TranslationWorkflowAdmin, ProviderScopedAdmin, TranslatedAdmin):
    form = OfferAdminForm
    inlines = [IntegrationCourseInline, WeeklyHoursInline, ClosureInline]
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
        ("provider", admin.RelatedOnlyFieldListFilter),
        "target_groups",
        TranslationMissingFilter,
        TranslationOutdatedFilter,
        ReviewOverdueFilter,
        ExpiredFilter,
        ExpiringSoonFilter,
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
        (_("Beschreibung"), {"fields": ["description", "schedule", "start_date", "end_date"]}),
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
        if not edits_every_provider(request.user):
            # A provider's change waits for KI staff, who publish it.
            obj.status = Offer.Status.SUBMITTED
        super().save_model(request, obj, form, change)

    def response_change(self, request, obj):
        if obj.status == Offer.Status.SUBMITTED and not edits_every_provider(request.user):
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
