from itertools import groupby

from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand

from offers.models import PLACES_CURRENT_DAYS, CourseRun, Offer
from offers.reminders import other_reasons


class Command(BaseCommand):
    help = (
        "List offers whose review is overdue, whose visibility ends soon, whose places figures are old, "
        "that have no future run or that other apps name (open reports), per provider; "
        "with REVIEW_REMINDER_EMAIL set, also mail the list to the KI mailbox. Meant for cron."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=30, help="Soon-expiring window in days (default 30).")

    def handle(self, *args, days, **options):
        report = self.report(days)
        self.stdout.write(report)
        mailbox = settings.REVIEW_REMINDER_EMAIL
        if mailbox and report.strip():
            send_mail(
                f"Wel-KOMM-In: Angebote prüfen ({Offer.objects.review_overdue().count()} überfällig)",
                report,
                settings.DEFAULT_FROM_EMAIL,
                [mailbox],
            )
            self.stdout.write(f"Sent to {mailbox}.")

    def report(self, days):
        overdue = set(Offer.objects.review_overdue().values_list("pk", flat=True))
        expiring = set(Offer.objects.published().expiring_within(days).values_list("pk", flat=True))
        others = other_reasons(Offer.objects.all())
        # Runs (issue 14): places figures older than PLACES_CURRENT_DAYS days, courses without a future run.
        outdated = {}
        for offer_id in (
            CourseRun.objects.filter(offer__in=Offer.objects.published())
            .figures_outdated()
            .values_list("offer_id", flat=True)
        ):
            outdated[offer_id] = outdated.get(offer_id, 0) + 1
        without_run = set(Offer.objects.published().without_future_run().values_list("pk", flat=True))
        offers = (
            Offer.objects.filter(pk__in=overdue | expiring | outdated.keys() | without_run | set(others))
            .select_related("provider")
            .order_by("provider__name", "title_de")
        )
        months = settings.REVIEW_INTERVAL_MONTHS
        lines = []
        for provider, provider_offers in groupby(offers, key=lambda offer: offer.provider):
            lines.append(f"{provider.name} ({provider.email or 'keine E-Mail'}, {provider.phone or 'kein Telefon'})")
            for offer in provider_offers:
                reasons = []
                if offer.pk in overdue:
                    last = offer.last_reviewed.strftime("%d.%m.%Y") if offer.last_reviewed else "nie"
                    reasons.append(f"seit über {months} Monaten nicht geprüft (zuletzt: {last})")
                if offer.pk in expiring:
                    reasons.append(f"sichtbar nur bis {offer.visible_until:%d.%m.%Y}")
                if offer.pk in outdated:
                    reasons.append(
                        f"freie Plätze bei {outdated[offer.pk]} Termin(en) älter als {PLACES_CURRENT_DAYS} Tage"
                        " oder nie gemeldet"
                    )
                if offer.pk in without_run:
                    reasons.append("kein künftiger Termin")
                reasons.extend(others.get(offer.pk, []))
                lines.append(f"  - #{offer.pk} {offer.title_de}: {'; '.join(reasons)}")
            lines.append("")
        return "\n".join(lines)
