"""What visitors report as wrong in an offer: nothing about the person who reports it."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from offers.models import Offer


class ReportQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(status=Report.Status.DONE)

    def editable_by(self, user):
        """Reports on the offers `user` may change: a provider's staff see only their own."""
        return self.filter(offer__in=Offer.objects.editable_by(user))

    def open_counts(self):
        """{offer id: open reports}."""
        rows = self.open().values("offer").annotate(count=models.Count("pk")).values_list("offer", "count")
        return dict(rows)

    def reminder_reasons(self, offers):
        """For review_reminders (offers.reminders): the open reports per offer, in German."""
        reasons = {}
        for report in self.open().filter(offer__in=offers).order_by("created", "pk"):
            reasons.setdefault(report.offer_id, []).append(
                f"offene Meldung #{report.pk} vom {report.created:%d.%m.%Y}: {report.get_kind_display()}"
            )
        return reasons


class Report(models.Model):
    """'Something wrong here?': the offer, what is wrong, an optional text, the day and the page's language."""

    class Kind(models.TextChoices):
        CONTACT = "contact", _("Telefon oder Adresse stimmt nicht")
        COURSE_FULL = "course_full", _("Kurs ist voll oder fällt aus")
        OFFICE_CLOSED = "office_closed", _("Büro ist geschlossen")
        OTHER = "other", _("Etwas anderes")

    class Status(models.TextChoices):
        NEW = "new", _("Neu")
        READ = "read", _("Gelesen")
        DONE = "done", _("Erledigt")

    # The kinds a correction can be made from in one step (reports/services.py).
    CORRECTABLE = (Kind.COURSE_FULL, Kind.OFFICE_CLOSED)

    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="reports", verbose_name=_("Angebot"))
    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices)
    text = models.TextField(_("Beschreibung (freiwillig)"), max_length=1000, blank=True)
    language = models.CharField(_("Sprache der Seite"), max_length=10)
    # The day only: when in the day someone reported says nothing the editors need.
    created = models.DateField(_("Eingegangen am"), default=timezone.localdate, editable=False)
    status = models.CharField(_("Status"), max_length=10, choices=Status.choices, default=Status.NEW)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("Erledigt von"),
    )
    closed_at = models.DateTimeField(_("Erledigt am"), null=True, blank=True, editable=False)

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["status", "-created", "-pk"]
        verbose_name = _("Meldung")
        verbose_name_plural = _("Meldungen")
        indexes = [models.Index(fields=["offer", "status"])]

    def __str__(self):
        return f"#{self.pk} {self.get_kind_display()}"

    @property
    def is_open(self):
        return self.status != self.Status.DONE

    @property
    def is_correctable(self):
        return self.is_open and self.kind in self.CORRECTABLE

    def close(self, user):
        """Done, by `user`, now (saved by the caller)."""
        self.status = self.Status.DONE
        self.closed_by = user
        self.closed_at = timezone.now()
