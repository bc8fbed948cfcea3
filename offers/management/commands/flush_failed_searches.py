from django.core.management.base import BaseCommand

from offers import failed_searches


class Command(BaseCommand):
    help = "Write this process's counts of failed searches and delete counts older than eight weeks (for cron)."

    def handle(self, *args, **options):
        failed_searches.flush()
