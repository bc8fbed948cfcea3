from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from municipalities.models import Municipality
from offers.models import Category
from portal.visitors import posted_too_much, refused_post, within_allowance

from .forms import AccessibilityFeedbackForm
from .models import AccessibilityFeedback, InfoPage

ACCESSIBILITY_STATEMENT = "barrierefreiheit"
# Feedback stored per client address and hour; a shared cache counts across app servers.
FEEDBACK_PER_HOUR = 5
# The largest message the form takes, each character four bytes and percent-encoded, fits.
FEEDBACK_MAX_BYTES = 64 * 1024


def home(request):
    return render(
        request,
        "home.html",
        {
            "categories": Category.objects.all(),
            "towns": Municipality.objects.filter(district__slug="kreis-unna"),
            "guides": InfoPage.objects.guides(),
        },
    )


def page_detail(request, slug):
    page = get_object_or_404(InfoPage, slug=slug)
    context = {"page": page}
    if slug == ACCESSIBILITY_STATEMENT:
        context["feedback_form"] = AccessibilityFeedbackForm(initial={"page_url": request.GET.get("from", "")[:500]})
    return render(request, "pages/page_detail.html", context)


def accessibility_feedback(request):
    page = get_object_or_404(InfoPage, slug=ACCESSIBILITY_STATEMENT)
    if posted_too_much(request, FEEDBACK_MAX_BYTES):
        limit = AccessibilityFeedback._meta.get_field("message").max_length
        message = _("Diese Nachricht ist zu groß. Bitte schreiben Sie höchstens %(limit)d Zeichen.") % {"limit": limit}
        return refused_post(request, message, statement_page(request, page, AccessibilityFeedbackForm()), 413)
    form = AccessibilityFeedbackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not within_allowance(request, "accessibility-feedback", FEEDBACK_PER_HOUR):
            message = _(
                "Von dieser Internetverbindung kamen in der letzten Stunde schon %(limit)d Nachrichten. Bitte versuchen Sie es später noch einmal."
            ) % {"limit": FEEDBACK_PER_HOUR}
            return refused_post(request, message, statement_page(request, page, form), 429)
        feedback = form.save(commit=False)
        feedback.language = get_language()
        feedback.save()
        messages.success(
            request, _("Danke! Ihre Nachricht ist angekommen. Das Kommunale Integrationszentrum kümmert sich darum.")
        )
        return redirect(page)
    return statement_page(request, page, form)(400 if request.method == "POST" else 200)


def statement_page(request, page, form):
    """The accessibility statement with its feedback form, rendered with a given status."""
    return lambda status: render(
        request, "pages/page_detail.html", {"page": page, "feedback_form": form}, status=status
    )
