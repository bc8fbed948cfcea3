from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .forms import AccessibilityFeedbackForm
from .models import InfoPage

ACCESSIBILITY_STATEMENT = "barrierefreiheit"


def page_detail(request, slug):
    page = get_object_or_404(InfoPage, slug=slug)
    context = {"page": page}
    if slug == ACCESSIBILITY_STATEMENT:
        context["feedback_form"] = AccessibilityFeedbackForm(initial={"page_url": request.GET.get("from", "")[:500]})
    return render(request, "pages/page_detail.html", context)


def accessibility_feedback(request):
    page = get_object_or_404(InfoPage, slug=ACCESSIBILITY_STATEMENT)
    form = AccessibilityFeedbackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        feedback = form.save(commit=False)
        feedback.language = get_language()
        feedback.save()
        messages.success(request, _("Danke! Ihre Nachricht ist angekommen. Das Kommunale Integrationszentrum kümmert sich darum."))
        return redirect(page)
    return render(request, "pages/page_detail.html", {"page": page, "feedback_form": form}, status=400 if request.method == "POST" else 200)
