"""The translation workflow in the offer admin: filters, "Übersetzt" column, overview, XLIFF, "checked" actions.

Everything here reads an offer's `translation_status` (see offers/translations.py).
"""

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from reversion import create_revision, set_comment, set_user

from . import xliff
from .models import edits_every_provider, language_codes
from .translations import TranslationState, translation_codes


class TranslationMissingFilter(admin.SimpleListFilter):
    title = _("Übersetzung fehlt in")
    parameter_name = "translation_missing"

    def lookups(self, request, model_admin):
        return [(code, name) for code, name in settings.LANGUAGES if code in translation_codes()]

    def queryset(self, request, queryset):
        if self.value() in language_codes():
            return queryset.translation_missing(self.value())
        return queryset


class TranslationOutdatedFilter(TranslationMissingFilter):
    title = _("Übersetzung veraltet in")
    parameter_name = "translation_outdated"

    def queryset(self, request, queryset):
        if self.value() in language_codes():
            return queryset.translation_outdated(self.value())
        return queryset


class TranslationWorkflowAdmin:
    """For the offer admin: per-language overview, XLIFF export and import, "als geprüft markieren"."""

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("translations/", view(self.translation_overview_view), name="offers_offer_translations"),
            path(
                "translations/export/<str:language>/",
                view(self.translation_export_view),
                name="offers_offer_translation_export",
            ),
            path("translations/import/", view(self.translation_import_view), name="offers_offer_translation_import"),
            *super().get_urls(),
        ]

    def translation_export_view(self, request, language):
        # Working with translators is the KI's task: the files span all providers.
        if not edits_every_provider(request.user) or language not in translation_codes():
            raise PermissionDenied
        offers = self.get_queryset(request).needing_translation(language)
        response = HttpResponse(
            xliff.export_xliff(offers.order_by("pk"), language), content_type="application/x-xliff+xml"
        )
        response["Content-Disposition"] = (
            f'attachment; filename="wel-komm-in-{language}-{timezone.localdate():%Y-%m-%d}.xlf"'
        )
        return response

    def translation_import_view(self, request):
        """Upload, preview every change and problem, then confirm: all rows or none."""
        if not edits_every_provider(request.user):
            raise PermissionDenied
        session_key = "translation_import"
        plan = None
        if request.method == "POST" and "confirm" in request.POST:
            plan = xliff.plan_import(request.session.get(session_key, "").encode())
            if plan.ok:
                with create_revision():
                    count = xliff.apply_import(plan)
                    set_user(request.user)
                    set_comment(_("Übersetzungen importiert"))
                request.session.pop(session_key, None)
                self.message_user(
                    request,
                    ngettext("%(count)d Text übernommen.", "%(count)d Texte übernommen.", count) % {"count": count},
                    messages.SUCCESS,
                )
                return redirect("admin:offers_offer_translations")
        elif request.method == "POST" and request.FILES.get("file"):
            data = request.FILES["file"].read(xliff.MAX_BYTES + 1)
            plan = xliff.plan_import(data)
            if plan.ok:
                request.session[session_key] = plan.text
        context = {
            **self.admin_site.each_context(request),
            "title": _("Übersetzungen importieren"),
            "plan": plan,
            "opts": self.opts,
        }
        return TemplateResponse(request, "admin/offers/offer/translation_import.html", context)

    def translation_overview_view(self, request):
        """Per language: published offers complete, missing, outdated; each links to its list."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        names = dict(settings.LANGUAGES)
        rows = [
            {**row, "name": names[row["language"]]}
            for row in self.get_queryset(request).published().translation_overview()
        ]
        context = {
            **self.admin_site.each_context(request),
            "title": _("Übersetzungen"),
            "rows": rows,
            "opts": self.opts,
        }
        return TemplateResponse(request, "admin/offers/offer/translations.html", context)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if self.has_change_permission(request):
            names = dict(settings.LANGUAGES)
            for code in translation_codes():
                action = self.mark_translation_checked_action(code)
                description = _("Übersetzung %(language)s als geprüft markieren") % {"language": names[code]}
                actions[action.__name__] = (action, action.__name__, description)
        return actions

    def mark_translation_checked_action(self, language):
        def mark(modeladmin, request, queryset):
            offers = list(queryset)
            with create_revision():
                for offer in offers:
                    offer.mark_translation_checked(language)
                    offer.save()
                set_user(request.user)
                set_comment(_("Übersetzung %(language)s geprüft") % {"language": language})
            self.message_user(
                request,
                ngettext(
                    "%(count)d Angebot: Übersetzung als geprüft markiert.",
                    "%(count)d Angebote: Übersetzung als geprüft markiert.",
                    len(offers),
                )
                % {"count": len(offers)},
                messages.SUCCESS,
            )

        mark.__name__ = f"mark_translation_checked_{language}"
        return mark

    @admin.display(description=_("Übersetzt"))
    def translations(self, offer):
        labels = dict(TranslationState.choices)
        return format_html(
            '<span class="translation-state">{}</span>',
            format_html_join(
                " ",
                '<span class="{}" title="{}">{}</span>',
                ((state, labels[state], code.upper()) for code, state in offer.shown_translation_states().items()),
            ),
        )
