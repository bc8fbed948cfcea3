from django.contrib import admin
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from offers.admin import OfferAdmin, ProviderAdmin

from .models import LinkCheck


class BrokenLinkFilter(admin.SimpleListFilter):
    """Objects with a link whose last check failed; links not yet checked count as working."""

    title = _("Link defekt")
    parameter_name = "link_broken"

    def lookups(self, request, model_admin):
        return [("yes", _("Ja"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(self.broken(LinkCheck.objects.broken_urls()))
        return queryset


class BrokenOfferLinkFilter(BrokenLinkFilter):
    """For the offer list: its registration link or its provider's website is broken."""

    def broken(self, broken_urls):
        return Q(registration_url__in=broken_urls) | Q(provider__website__in=broken_urls)


class BrokenProviderLinkFilter(BrokenLinkFilter):
    """For the provider list: its website is broken."""

    def broken(self, broken_urls):
        return Q(website__in=broken_urls)


# The link check adds its filter to the lists whose links it checks (offers knows nothing of it),
# beside their other problem filters, before the demo flag.
for model_admin, link_filter in ((OfferAdmin, BrokenOfferLinkFilter), (ProviderAdmin, BrokenProviderLinkFilter)):
    filters = list(model_admin.list_filter)
    filters.insert(filters.index("is_demo"), link_filter)
    model_admin.list_filter = filters


@admin.register(LinkCheck)
class LinkCheckAdmin(admin.ModelAdmin):
    """Read only: `check_links` writes these rows."""

    list_display = ["url", "ok", "status_code", "error", "checked_at"]
    list_filter = ["ok"]
    search_fields = ["url"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
