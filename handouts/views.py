from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape, format_html
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from offers.models import Offer
from portal.i18n import is_fallback

from .context import QUICK_MODE_KEY
from .qr import qr_svg
from .selection import LIMIT, HandoutSelection, offer_id, parse_offer_ids


def back(request, offer_pk=None):
    """Return to the page the button was on (only ever on this site), at the offer's card:
    the fragment scrolls to it and, the card being focusable, moves the focus there."""
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        target = reverse("offer_list")
    if offer_pk is not None:
        target = f"{target.partition('#')[0]}#offer-{offer_pk}"
    return HttpResponseRedirect(target)


def posted_offer(request):
    return offer_id(request.POST.get("offer", ""))


def title_in_its_language(offer):
    """The title as HTML, marked German where it stands in for a missing translation."""
    return (
        format_html('<span lang="de" dir="ltr">{}</span>', offer.title)
        if is_fallback(offer, "title")
        else escape(offer.title)
    )


@require_POST
def add(request):
    offer = Offer.objects.published().filter(pk=posted_offer(request)).first()
    if offer is None:
        messages.error(request, _("Dieses Angebot gibt es nicht mehr."))
    elif not HandoutSelection(request.session).add(offer.pk):
        messages.error(request, _("Eine Handreichung fasst höchstens %(limit)d Angebote.") % {"limit": LIMIT})
    else:
        added = escape(_("„%(title)s“ ist in der Handreichung.")) % {"title": title_in_its_language(offer)}
        messages.success(request, mark_safe(added))  # noqa: S308 (both parts escaped above)
    return back(request, posted_offer(request))


@require_POST
def remove(request):
    offer_pk = posted_offer(request)
    HandoutSelection(request.session).remove(offer_pk)
    return back(request, offer_pk)


@require_POST
def clear(request):
    HandoutSelection(request.session).clear()
    messages.success(request, _("Die Handreichung ist leer."))
    return back(request)


@require_POST
def quick_mode(request):
    request.session[QUICK_MODE_KEY] = request.POST.get("on") == "1"
    return back(request)


def client_language(request):
    code = request.GET.get("client", "")
    return code if code in dict(settings.LANGUAGES) else translation.get_language()


def share_path(offer_ids, client, language=None):
    """The handout's shareable address: it needs no server-side state."""
    with translation.override(language or client):
        path = reverse("handout")
    return f"{path}?{urlencode({'offers': ','.join(map(str, offer_ids)), 'client': client})}"


def from_qr(url):
    """The address a QR code carries: marked, so the usage figures count visits by QR code.

    The usage middleware counts the marker and redirects to the address without it, so the page
    cache keeps one copy of each page.
    """
    return f"{url}{'&' if '?' in url else '?'}via=qr"


def handout(request):
    """Preview and print view: from the shared link's ids, else from the session's selection."""
    selection = HandoutSelection(request.session)
    client = client_language(request)
    if "offers" not in request.GET:
        return redirect(share_path(selection.ids, client, translation.get_language()))

    requested = parse_offer_ids(request.GET["offers"])
    too_many = len(requested) > LIMIT
    requested = requested[:LIMIT]
    found = {
        offer.pk: offer
        for offer in Offer.objects.published()
        .filter(pk__in=requested)
        .for_listing()
        .prefetch_related("weekly_hours", "locations__weekly_hours", Offer.objects.upcoming_runs())
        .with_run_facts()
    }
    offers = [found[pk] for pk in requested if pk in found]
    missing = len(requested) - len(offers)
    if missing:
        selection.keep_only(found)
    notes = []
    if missing:
        notes.append(
            ngettext(
                "%(count)d Angebot gibt es nicht mehr; es wurde weggelassen.",
                "%(count)d Angebote gibt es nicht mehr; sie wurden weggelassen.",
                missing,
            )
            % {"count": missing}
        )
    if too_many:
        notes.append(_("Eine Handreichung fasst höchstens %(limit)d Angebote.") % {"limit": LIMIT})

    ids = [offer.pk for offer in offers]
    share_url = request.build_absolute_uri(share_path(ids, client))
    items = []
    for offer in offers:
        with translation.override(client):
            detail_url = request.build_absolute_uri(offer.get_absolute_url())
        items.append({"offer": offer, "detail_url": detail_url, "qr": qr_svg(from_qr(detail_url), offer.title)})
    return render(
        request,
        "handouts/handout.html",
        {
            "items": items,
            "notes": notes,
            "client": client,
            "client_dir": "rtl" if translation.get_language_info(client)["bidi"] else "ltr",
            "share_url": share_url,
            "share_qr": qr_svg(from_qr(share_url), _("Alle Angebote dieser Handreichung")) if items else "",
            "printed": timezone.localdate(),
            "languages": settings.LANGUAGES,
        },
    )
