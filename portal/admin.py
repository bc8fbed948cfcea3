from django.conf import settings
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.db import models, transaction
from modeltranslation.admin import TabbedTranslationAdmin
from reversion_compare.admin import CompareVersionAdmin
from django.utils.translation import gettext_lazy as _

# The editorial groups that may open the back office at all.
KI_EDITORS = "KI-Redaktion"
PROVIDER_EDITORS = "Träger-Redaktion"
EDITOR_GROUPS = (KI_EDITORS, PROVIDER_EDITORS)


def client_address(request):
    """The visitor's address, also behind FORWARDED_FOR_PROXIES trusted proxies.

    Each proxy appends the address it was contacted from to X-Forwarded-For, so the visitor's
    is the proxies' count from the right; anything further left the client may have made up.
    """
    proxies = settings.FORWARDED_FOR_PROXIES
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if proxies and len(forwarded) >= proxies and forwarded[-proxies]:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


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

    def index(self, request, extra_context=None):
        from offers.models import Offer  # the admin site is built before the apps' models

        report = Offer.objects.editable_by(request.user).currency_report()
        extra_context = {**(extra_context or {}), **report}
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

    def has_permission(self, request):
        # Being staff is not enough: only members of an editorial group work here.
        user = request.user
        if not (user.is_active and user.is_staff):
            return False
        return user.is_superuser or user.groups.filter(name__in=EDITOR_GROUPS).exists()


class TranslatedAdmin(CompareVersionAdmin, TabbedTranslationAdmin):
    """Edits in language tabs; every save is a version staff can compare and restore."""

    # Links without a scheme are meant as https (Django 6's default).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    class Media:
        css = {"all": ["portal-admin/admin.css"]}


class StableSlugMixin:
    """Slugs stand in shared links and printed QR codes: set once, never changed."""

    slug_source = "name_de"

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        return [*readonly, "slug"] if obj else readonly

    def get_prepopulated_fields(self, request, obj=None):
        return {} if obj else {"slug": [self.slug_source]}
