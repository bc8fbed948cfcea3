import operator
from contextlib import nullcontext
from functools import reduce

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import quote, unquote
from django.contrib.auth import get_user_model
from django.contrib.contenttypes import views as contenttype_views
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import IntegrityError, models, transaction
from django.db.models import Case, Q, When
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.urls import path
from django.utils.formats import localize
from django.utils.timezone import template_localtime
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin
from reversion import is_registered, set_comment
from reversion.errors import RevertError
from reversion.models import Version
from reversion.revisions import _get_options
from reversion.utils import mute_signals
from reversion_compare.admin import CompareVersionAdmin

# The editorial groups that may open the back office at all.
KI_EDITORS = "KI-Redaktion"
PROVIDER_EDITORS = "Träger-Redaktion"
EDITOR_GROUPS = (KI_EDITORS, PROVIDER_EDITORS)


def login_paused(request, response=None, credentials=None):
    """django-axes' answer (AXES_LOCKOUT_CALLABLE) once a user name is paused at an address.

    The failure that reaches the limit still gets the login form and its error, like the ones
    before it; the pause answers the attempts after it, whose password axes no longer checks.
    """
    if response is not None and request.axes_failures_since_start <= settings.AXES_FAILURE_LIMIT:
        return response
    return HttpResponse(
        _("Zu viele fehlgeschlagene Anmeldungen. Bitte warten Sie eine Viertelstunde."),
        status=429,
        content_type="text/plain; charset=utf-8",
    )


class PortalAdminSite(admin.AdminSite):
    site_header = _("Wel-KOMM-In – Redaktion")
    site_title = _("Wel-KOMM-In Redaktion")
    index_title = _("Angebote pflegen")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Functions of the request giving the dashboard's figures; each app adds its own
        # (offers/admin.py), so the admin site needs to know none of them.
        self.dashboard_figures = []
        # Templates of the apps' own sections on the dashboard, shown after the offers' section.
        self.dashboard_templates = []
        # Admin pages of apps without a model admin of their own (imports/admin.py).
        self.extra_urls = []

    def add_dashboard_figures(self, figures=None, *, template=None):
        """Registers `figures(request)`, a dict for the index page's context; usable as a decorator.

        With `template`, the app's own section of the dashboard, rendered with that context.
        """
        if figures is None:
            return lambda figures: self.add_dashboard_figures(figures, template=template)
        self.dashboard_figures.append(figures)
        if template and template not in self.dashboard_templates:
            self.dashboard_templates.append(template)
        return figures

    def add_urls(self, patterns):
        """Adds URL patterns (wrap their views in `admin_view`) before the model admins' own."""
        self.extra_urls.extend(patterns)

    def index(self, request, extra_context=None):
        extra_context = {"dashboard_templates": self.dashboard_templates, **(extra_context or {})}
        for figures in self.dashboard_figures:
            extra_context.update(figures(request))
        return super().index(request, extra_context)

    def login(self, request, extra_context=None):
        """django-axes pauses repeated failures; here, attempts at one account wait for each other.

        Axes reads the count, then the password is checked, then a failure is recorded: guesses sent
        in parallel (to any process) would all pass the count first. Touching the user's row locks it
        until the attempt is recorded (on SQLite the transaction locks the whole file anyway).
        """
        if request.method != "POST":
            return super().login(request, extra_context)
        users = get_user_model().objects
        with transaction.atomic():
            users.filter(**{users.model.USERNAME_FIELD: request.POST.get("username", "")}).update(
                **{users.model.USERNAME_FIELD: models.F(users.model.USERNAME_FIELD)}
            )
            return super().login(request, extra_context)

    def get_urls(self):
        # Django's "view on site" shortcut looks the entry up by content type and id alone.
        scoped = path(
            "r/<int:content_type_id>/<path:object_id>/", self.admin_view(self.view_on_site), name="view_on_site"
        )
        others = (url for url in super().get_urls() if getattr(url, "name", None) != "view_on_site")
        return [scoped, *self.extra_urls, *others]

    def view_on_site(self, request, content_type_id, object_id):
        """The public page of an entry the editor may open in the admin; 404 for anything else."""
        content_type = get_object_or_404(ContentType, pk=content_type_id)
        model_admin = self._registry.get(content_type.model_class())
        if model_admin is None or not model_admin.has_view_or_change_permission(request):
            raise Http404
        if model_admin.get_object(request, unquote(object_id)) is None:
            raise Http404
        return contenttype_views.shortcut(request, content_type_id, object_id)

    def has_permission(self, request):
        # Being staff is not enough: only members of an editorial group work here.
        user = request.user
        if not (user.is_active and user.is_staff):
            return False
        return user.is_superuser or user.groups.filter(name__in=EDITOR_GROUPS).exists()


def restore_version(version):
    """Put back the one entry `version` holds, with the rows that belong to it, nothing else.

    django-reversion's admin reverts the version's whole revision instead, and a bulk action, an
    XLIFF import or the demo load saves one revision across many providers' entries. Rows that
    belong to the entry are the reverse relations reversion follows from it (an offer's course
    facts, a location's weekly hours): they come back as the same revision holds them, and such
    rows added since go. A revision that holds no row of a kind at all (saved before that kind
    existed, as the versions from before the weekly hours) knows nothing about it: today's rows of
    that kind stay, so a restore never deletes what its version cannot bring back.
    """
    model = version._model
    try:
        version.revert()  # the entry with its many-to-many links
    except (IntegrityError, ObjectDoesNotExist) as error:
        message = _("„%(name)s“ lässt sich nicht wiederherstellen: ein verknüpfter Eintrag fehlt.")
        raise RevertError(message % {"name": version.object_repr}) from error
    entry = version._object_version.object
    for name in _get_options(model).follow:
        relation = model._meta.get_field(name)
        if relation.concrete:
            continue  # a row the entry points at (its provider, its category) is shared with others
        kept = version.revision.version_set.get_for_model(relation.related_model)
        own = [related for related in kept if related.field_dict[relation.field.attname] == entry.pk]
        for related in own:
            related.revert()
        if not kept.exists():
            continue  # this revision never held such rows: it cannot say which of today's to drop
        relation.related_model._default_manager.filter(**{relation.field.name: entry}).exclude(
            pk__in=[related.object_id for related in own]
        ).delete()


class _UndoRestore(Exception):
    """Leaves the restore's transaction without keeping anything, carrying the page to show."""

    def __init__(self, response):
        self.response = response


class VersionedAdmin(CompareVersionAdmin):
    """Every save is a version staff can compare and restore.

    History, comparison and restore go through `get_object` (so through each admin's scoped
    queryset) and the model's own versions, for every model alike.
    """

    def object_or_404(self, request, object_id, may):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not may(request, obj):
            raise PermissionDenied
        return obj

    def history_view(self, request, object_id, extra_context=None):
        self.object_or_404(request, object_id, self.has_view_or_change_permission)
        return super().history_view(request, object_id, extra_context)

    def compare_view(self, request, object_id, extra_context=None):
        self.object_or_404(request, object_id, self.has_view_or_change_permission)
        return super().compare_view(request, object_id, extra_context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        obj = self.object_or_404(request, object_id, self.has_change_permission)
        version = get_object_or_404(Version.objects.get_for_object(obj), pk=version_id)
        template = self.revision_form_template or self._reversion_get_template_list("revision_form.html")
        return self.restore_form_view(request, version, template, {"revert": True, **(extra_context or {})})

    def recover_view(self, request, version_id, extra_context=None):
        if not self.has_add_permission(request):
            raise PermissionDenied
        version = get_object_or_404(Version.objects.get_deleted(self.model), pk=version_id)
        template = self.recover_form_template or self._reversion_get_template_list("recover_form.html")
        return self.restore_form_view(request, version, template, {"recover": True, **(extra_context or {})})

    def restore_form_view(self, request, version, template_name, context):
        """The change form filled from `version`; saving it keeps that state as a new version.

        The entry is restored inside a transaction: showing the form (or a form with errors)
        rolls it back, a successful save keeps it, like any other edit (a provider's restored
        offer waits for review).
        """
        context = {"title": _("„%(name)s“ wiederherstellen") % {"name": version.object_repr}, **context}
        request.restores_version = True  # saving a restored state is an edit, even where the form shows no change
        signals = (pre_save, post_save, pre_delete, post_delete, m2m_changed)
        quiet = mute_signals(*signals) if request.method == "GET" else nullcontext()  # only looking
        try:
            with transaction.atomic(using=version.db), quiet:
                restore_version(version)
                if not self.get_queryset(request).filter(pk=version.object_id).exists():
                    raise PermissionDenied  # the old state lies outside the editor's scope
                with self.create_revision(request):
                    response = self.changeform_view(request, quote(version.object_id), request.path, context)
                    if request.method == "POST" and response.status_code == 302:
                        date = localize(template_localtime(version.revision.date_created))
                        set_comment(_("Version vom %(date)s wiederhergestellt") % {"date": date})
                        return response
                    if response.status_code == 200:
                        response.template_name = template_name
                        response.render()  # now, while the restored state is there to show
                    raise _UndoRestore(response)
        except (RevertError, models.ProtectedError) as error:
            messages.error(request, str(error))
            return redirect(f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}_changelist")
        except _UndoRestore as undo:
            return undo.response

    def compare(self, obj, version1, version2):
        """reversion-compare's comparison, with relations judged by what is really kept.

        It marks every relation not *followed* into the same revision as outside version control
        and warns the history may be wrong. Ours point at entries with their own versions (a
        provider, a category, a town), so the linked entries are named as their own history had
        them then (compare_ForeignKey, compare_ManyToManyField). Following them instead would copy
        a category into the revision of every edit of each of its offers. reversion-compare also
        lists every foreign key as changed when anything changed; those are left out.
        """
        changes, _unfollowed = super().compare(obj, version1, version2)
        changes = [
            change
            for change in changes
            if not (change["field"].many_to_one and not change["field"].auto_created)
            or version1.field_dict.get(change["field"].attname) != version2.field_dict.get(change["field"].attname)
        ]
        for change in changes:
            if change["is_related"] and is_registered(change["field"].related_model):
                change["follow"] = True
        return changes, any(change["is_related"] and not change["follow"] for change in changes)

    @staticmethod
    def entry_as_it_was(model, pk, version):
        """How the linked entry `pk` read when `version` was saved (its own history, if it keeps one)."""
        if is_registered(model):
            then = (
                Version.objects.get_for_object_reference(model, pk)
                .filter(revision__date_created__lte=version.revision.date_created)
                .order_by("-revision__date_created", "-pk")
                .first()
            )
            if then:
                return then.object_repr
        current = model._default_manager.filter(pk=pk).first()
        return str(current) if current else f"#{pk}"

    def compare_ForeignKey(self, obj_compare):
        field = obj_compare.field
        pks, names = [], []
        for compared in (obj_compare.compare_obj1, obj_compare.compare_obj2):
            pk = compared.version_record.field_dict.get(field.attname)
            pks.append(pk)
            names.append("" if pk is None else self.entry_as_it_was(field.related_model, pk, compared.version_record))
        return self.generic_add_remove(*pks, *names)

    def compare_ManyToManyField(self, obj_compare):
        field = obj_compare.field
        before, after = (
            {
                str(pk): self.entry_as_it_was(field.related_model, pk, compared.version_record)
                for pk in compared.version_record.field_dict.get(field.attname, ())
            }
            for compared in (obj_compare.compare_obj1, obj_compare.compare_obj2)
        )
        change_info = {
            "removed_items": sorted(before[pk] for pk in before.keys() - after.keys()),
            "added_items": sorted(after[pk] for pk in after.keys() - before.keys()),
            "same_items": sorted(after[pk] for pk in after.keys() & before.keys()),
        }
        return render_to_string("reversion-compare/compare_generic_many_to_many.html", {"change_info": change_info})


class TranslatedAdmin(VersionedAdmin, TabbedTranslationAdmin):
    """Edits in language tabs, with versions (VersionedAdmin)."""

    # Links without a scheme are meant as https (Django 6's default).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    class Media:
        css = {"all": ["portal-admin/admin.css"]}


class WholeNamesFirstSearch:
    """Search results that are the term, or start a word with it, before those merely containing it.

    Typing "Kamen" into an autocomplete must not offer Bergkamen first: Enter picks the first.
    `search_rank_fields` are the names compared.
    """

    search_rank_fields = ()

    def get_search_results(self, request, queryset, search_term):
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        term = search_term.strip()
        if not term:
            return queryset, may_have_duplicates

        def any_field(lookup, value):
            return reduce(operator.or_, (Q(**{f"{field}__{lookup}": value}) for field in self.search_rank_fields))

        rank = Case(
            When(any_field("iexact", term), then=0),
            When(any_field("istartswith", term) | any_field("icontains", f" {term}"), then=1),
            default=2,
        )
        ordering = self.get_ordering(request) or self.model._meta.ordering or ["pk"]
        return queryset.annotate(search_rank=rank).order_by("search_rank", *ordering), may_have_duplicates


class StableSlugMixin:
    """Slugs stand in shared links and printed QR codes: set once, never changed."""

    slug_source = "name_de"

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        return [*readonly, "slug"] if obj else readonly

    def get_prepopulated_fields(self, request, obj=None):
        return {} if obj else {"slug": [self.slug_source]}
