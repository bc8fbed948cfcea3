from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from portal.admin import StableSlugMixin, TranslatedAdmin

from .models import AccessibilityFeedback, InfoPage


@admin.register(InfoPage)
class InfoPageAdmin(StableSlugMixin, TranslatedAdmin):
    slug_source = "title_de"
    list_display = ["title", "kind", "order", "placeholder", "updated"]
    list_filter = ["kind", "placeholder"]
    list_editable = ["order"]


@admin.register(AccessibilityFeedback)
class AccessibilityFeedbackAdmin(admin.ModelAdmin):
    list_display = ["created", "short_message", "page_url", "language", "email", "handled"]
    list_filter = ["handled", "language"]
    readonly_fields = ["message", "email", "page_url", "language", "created"]
    actions = ["mark_handled"]

    def has_add_permission(self, request):
        return False  # messages come from visitors only

    @admin.display(description=_("Nachricht"))
    def short_message(self, feedback):
        return str(feedback)

    @admin.action(description=_("Als erledigt markieren"), permissions=["change"])
    def mark_handled(self, request, queryset):
        count = queryset.update(handled=True)
        self.message_user(
            request,
            ngettext("%(count)d Rückmeldung erledigt.", "%(count)d Rückmeldungen erledigt.", count) % {"count": count},
        )
