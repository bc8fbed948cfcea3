"""One-step corrections from a report: the entry is corrected and the report closed, together.

One function per report kind, registered in CORRECTIONS. Each runs inside the transaction and
the version (django-reversion) that `apply_correction` opens, so the correction is undone with
the version's restore and the history names the report.
"""

from django.db import transaction
from django.utils.translation import gettext as _
from reversion import add_to_revision, create_revision, set_comment, set_user

from offers.models import IntegrationCourse, Offer

from .models import Report


class CorrectionImpossible(Exception):
    """The report cannot be turned into a correction (its message says why); nothing was saved."""


def course_full(report, user):
    """The course has no free places (today: IntegrationCourse.has_free_places)."""
    try:
        course = report.offer.course
    except IntegrationCourse.DoesNotExist:
        raise CorrectionImpossible(_("Dieses Angebot hat keine Kursangaben, in denen Plätze stehen.")) from None
    course.has_free_places = False
    course.save()
    add_to_revision(report.offer)  # the offer's version, which follows its course facts


def office_closed(report, user):
    """The office is closed: the offer leaves the site and waits for the KI's review.

    Nothing on the offer says when it is open again, so it is taken down (submitted, like any
    provider's change) until someone checks it and publishes it again.
    """
    offer = report.offer
    if offer.status != Offer.Status.PUBLISHED:
        return
    offer.status = Offer.Status.SUBMITTED
    offer.save()


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
