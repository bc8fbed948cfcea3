"""One-step corrections from a report: the entry is corrected and the report closed, together.

One function per report kind, registered in CORRECTIONS. Each runs inside the transaction and
the version (django-reversion) that `apply_correction` opens, so the correction is undone with
the version's restore and the history names the report.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from reversion import add_to_revision, create_revision, set_comment, set_user

from offers.models import Closure, CourseRun

from .models import Report


class CorrectionImpossible(Exception):
    """The report cannot be turned into a correction (its message says why); nothing was saved."""


def course_full(report, user):
    """The course is full: its next run reports 0 free places, today, by the staff member who closes the report."""
    run = CourseRun.objects.filter(offer=report.offer).upcoming().not_cancelled().in_order().first()
    if run is None:
        raise CorrectionImpossible(
            _("Dieses Angebot hat keinen kommenden Termin, bei dem Plätze eingetragen werden können.")
        )
    run.free_places = 0
    run.places_reported_on = timezone.localdate()
    run.places_reported_by = user
    run.save()
    add_to_revision(run)  # runs keep their own history
    add_to_revision(report.offer)  # and the offer's history names the report


def office_closed(report, user):
    """The office is closed: the offer is closed today (a dated closure), and stays published.

    A closure of the offer itself, not of its locations: other offers held there may be open.
    Open now, the next walk-in hour and the calendar files leave today out from the next request on.
    """
    today = timezone.localdate()
    if not Closure.objects.filter(offer=report.offer).on(today).exists():
        Closure.objects.create(offer=report.offer, starts_on=today, reason_de=_("Geschlossen (gemeldet)"))
    add_to_revision(report.offer)  # an offer's closures are part of its version


CORRECTIONS = {Report.Kind.COURSE_FULL: course_full, Report.Kind.OFFICE_CLOSED: office_closed}


def apply_correction(report, user):
    """Corrects the report's offer as the report says and closes the report, in one transaction and version."""
    if not report.is_correctable:
        raise CorrectionImpossible(_("Aus dieser Meldung lässt sich keine Korrektur machen."))
    with transaction.atomic(), create_revision():
        report = Report.objects.select_for_update().select_related("offer").get(pk=report.pk)
        if not report.is_correctable:  # closed meanwhile by someone else
            raise CorrectionImpossible(_("Diese Meldung ist schon erledigt."))
        CORRECTIONS[report.kind](report, user)
        report.close(user)
        report.save()
        set_user(user)
        set_comment(
            _("Korrektur aus Meldung #%(number)d: %(kind)s") % {"number": report.pk, "kind": report.get_kind_display()}
        )
    return report
