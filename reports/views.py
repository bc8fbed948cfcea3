from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from offers.models import Offer
from portal.visitors import posted_too_much, refused_post, within_allowance

from .forms import ReportForm
from .models import Report

# Reports stored per client address and hour (the same limit as the accessibility feedback's).
REPORTS_PER_HOUR = 5
# The longest text the form takes, each character four bytes and percent-encoded, fits.
REPORT_MAX_BYTES = 16 * 1024


def reported_offer(pk):
    return get_object_or_404(Offer.objects.published().select_related("provider"), pk=pk)


@require_http_methods(["GET", "HEAD", "POST"])
def report_form(request, pk):
    """'Something wrong here?': the form on its own short page, printed on the handout as /<lang>/r/<id>/."""
    offer = reported_offer(pk)
    if posted_too_much(request, REPORT_MAX_BYTES):
        limit = Report._meta.get_field("text").max_length
        message = _("Diese Meldung ist zu groß. Bitte schreiben Sie höchstens %(limit)d Zeichen.") % {"limit": limit}
        return refused_post(request, message, form_page(request, offer, ReportForm()), 413)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not within_allowance(request, "report", REPORTS_PER_HOUR):
            message = _(
                "Von dieser Internetverbindung kamen in der letzten Stunde schon %(limit)d Meldungen. Bitte versuchen Sie es später noch einmal."
            ) % {"limit": REPORTS_PER_HOUR}
            return refused_post(request, message, form_page(request, offer, form), 429)
        report = form.save(commit=False)
        report.offer = offer
        report.language = get_language()
        report.save()
        return redirect("report_thanks", pk=offer.pk)
    return form_page(request, offer, form)(400 if request.method == "POST" else 200)


def form_page(request, offer, form):
    return lambda status: render(request, "reports/report_form.html", {"offer": offer, "form": form}, status=status)


def report_thanks(request, pk):
    return render(request, "reports/report_thanks.html", {"offer": reported_offer(pk)})
