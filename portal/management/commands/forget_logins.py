from axes.handlers.proxy import AxesProxyHandler
from axes.models import AccessAttempt
from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone


class Command(BaseCommand):
    help = "Delete what django-axes keeps about logins (address, user name, browser, time) after LOGIN_RECORDS_DAYS. Daily from cron."

    def handle(self, *args, **options):
        days = settings.LOGIN_RECORDS_DAYS
        # axes_reset_logs --age covers the log of logins; failed attempts it deletes only when a
        # later failure comes, which may never happen.
        logs = AxesProxyHandler.reset_logs(age_days=days)
        attempts, _ = AccessAttempt.objects.filter(
            attempt_time__lte=timezone.now() - timezone.timedelta(days=days)
        ).delete()
        self.stdout.write(f"{logs} login records and {attempts} failed attempts older than {days} days deleted.")
