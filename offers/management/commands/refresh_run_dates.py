from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from offers.models import OfferRunDates
from portal.catalogue import catalogue_changed


class Command(BaseCommand):
    help = (
        "Move each offer's stored next start to today's step (offers/run_dates.py), for cron after midnight. "
        "The list is right without it; with it, it computes no offer's next start from its runs."
    )

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="every offer with runs, not only the stale ones")

    def handle(self, *args, **options):
        today = timezone.localdate()
        rows = OfferRunDates.objects.all() if options["all"] else OfferRunDates.objects.stale(today)
        offers = list(rows.values_list("offer_id", flat=True))
        for start in range(0, len(offers), 2000):
            with transaction.atomic():
                OfferRunDates.refresh(offers[start : start + 2000], today=today)
        if offers:
            # Each process keeps, per catalogue version and day, whether a step is stale (the list then
            # computes those offers' next start from their runs): a new version lets it see none are.
            catalogue_changed()
        self.stdout.write(f"{len(offers)} offers' run dates refreshed.")
