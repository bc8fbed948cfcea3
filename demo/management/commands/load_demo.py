from django.core.management.base import BaseCommand, CommandError

from demo import synthetic
from demo.catalogue import load_catalogue
from offers.models import Offer


class Command(BaseCommand):
    help = (
        "Load the fictitious Kreis Unna demo catalogue (safe to run again), "
        "or with --scale N a synthetic catalogue of N offers for benchmarks."
    )

    def add_arguments(self, parser):
        parser.add_argument("--if-empty", action="store_true", help="Do nothing if any offer exists.")
        parser.add_argument("--scale", type=int, metavar="N", help="Generate N synthetic offers instead.")
        parser.add_argument(
            "--municipalities",
            type=int,
            default=synthetic.NRW_MUNICIPALITIES,
            help="With --scale: towns in all, real ones included (default: NRW's 396).",
        )

    def handle(self, *args, if_empty=False, scale=None, municipalities, **options):
        if if_empty and Offer.objects.exists():
            self.stdout.write("Offers exist already: demo data not loaded.")
            return
        if scale is not None:
            if not 1 <= scale <= 1_000_000:
                raise CommandError("--scale takes a number of offers from 1 to 1,000,000.")
            if not 10 <= municipalities <= 2_000:
                raise CommandError("--municipalities takes a number from 10 to 2,000.")
            offers, towns = synthetic.generate_synthetic(scale, municipalities)
            synthetic.refresh_statistics()
            self.stdout.write(self.style.SUCCESS(f"Generated {offers} synthetic offers in {towns} towns."))
            return
        count = load_catalogue()
        self.stdout.write(self.style.SUCCESS(f"Loaded the demo catalogue: {count} fictitious offers."))
