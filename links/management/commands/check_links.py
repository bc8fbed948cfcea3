from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from links.checker import check_urls
from links.models import LinkCheck
from offers.models import Offer, Provider


class Command(BaseCommand):
    help = (
        "Check every provider's website and every offer's registration link (drafts too) "
        "and record the results for the admin filter 'Link defekt'."
    )

    def add_arguments(self, parser):
        parser.add_argument("--timeout", type=float, default=10, help="Seconds per request (default: 10).")
        parser.add_argument("--workers", type=int, default=8, help="Hosts checked at once (default: 8).")

    def handle(self, *args, timeout, workers, **options):
        if timeout <= 0:
            raise CommandError("--timeout takes a positive number of seconds.")
        if workers < 1:
            raise CommandError("--workers takes a number from 1 up.")
        websites = Provider.objects.exclude(website="").values_list("website", flat=True)
        registration_urls = Offer.objects.exclude(registration_url="").values_list("registration_url", flat=True)
        urls = sorted({*websites.order_by().distinct(), *registration_urls.order_by().distinct()})

        # No transaction while the network is slow: only the writes are one.
        results = check_urls(urls, timeout=timeout, max_workers=workers)
        checked_at = timezone.now()
        error_length = LinkCheck._meta.get_field("error").max_length
        checks = [
            LinkCheck(
                url=url,
                ok=result.ok,
                status_code=result.status_code,
                error=result.error[:error_length],
                checked_at=checked_at,
            )
            for url, result in results.items()
        ]
        with transaction.atomic():
            LinkCheck.objects.bulk_create(
                checks,
                batch_size=500,
                update_conflicts=True,
                unique_fields=["url"],
                update_fields=["ok", "status_code", "error", "checked_at"],
            )

        broken = [check for check in checks if not check.ok]
        summary = f"Checked {len(checks)} links: {len(broken)} broken."
        self.stdout.write(self.style.WARNING(summary) if broken else self.style.SUCCESS(summary))
        for check in sorted(broken, key=lambda check: check.url):
            self.stdout.write(f"{check.url}: {check.error}")
