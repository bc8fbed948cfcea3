from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Meldungen zu Angeboten")

    def ready(self):
        from offers.reminders import add_reminder_reasons

        from .models import Report

        add_reminder_reasons(Report.objects.reminder_reasons)
