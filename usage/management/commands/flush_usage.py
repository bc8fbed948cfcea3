from django.core.management.base import BaseCommand

from usage.counter import flush


class Command(BaseCommand):
    help = (
        "Add the usage counts waiting in the cache to the daily figures (usage.DailyCount). "
        "Meant for cron, every few minutes; each process also flushes its counts at most once a minute."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"{flush()} counts written.")
