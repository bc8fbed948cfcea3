import re
from urllib.parse import parse_qs, urlsplit

import pytest
import zxingcpp

from offers.factories import LocationFactory, OfferFactory
from offers.models import Offer

pytestmark = pytest.mark.django_db


def ids(response):
    return [
        int(pk) for pk in re.findall(r'<section class="handout-offer" data-offer-id="(\d+)"', response.content.decode())
    ]


def add(client, offer, language="de"):
    return client.post(f"/{language}/handout/add/", {"offer": offer.pk, "next": f"/{language}/offers/"})


def decode_qr(svg):
    """Rebuild the module matrix from segno's SVG path and read it like a phone camera would."""
    size = int(re.search(r'viewBox="0 0 (\d+) \1"', svg).group(1))
    matrix = [bytearray(b"\xff" * size) for _ in range(size)]
    path = re.search(r' d="([^"]+)"', svg).group(1)
    x = y = 0.0
    for command, numbers in re.findall(r"([MmHh])([-\d. ]+)", path):
        values = [float(n) for n in numbers.split()]
        if command == "M":
            x, y = values
        elif command == "m":
            x, y = x + values[0], y + values[1]
        else:
            length = int(values[0])
            matrix[int(y)][int(x) : int(x) + length] = bytes(length)
            x += length
    scale = 6  # pixels per module, a sharp photo
    pixels = b"".join(bytes(value for value in row for _ in range(scale)) * scale for row in matrix)
    image = zxingcpp.ImageView(pixels, size * scale, size * scale, zxingcpp.ImageFormat.Lum)
    return zxingcpp.read_barcodes(image)[0].text


@pytest.fixture
def offers(unna):
    return [
        OfferFactory(title_de=f"Angebot {n}", title_ar=f"عرض {n}", locations=[LocationFactory(municipality=unna)])
        for n in range(3)
    ]


def test_add_remove_and_clear_the_selection(client, offers):
    for offer in offers:
        assert add(client, offer).status_code == 302
    assert client.session["handout_offers"] == [offer.pk for offer in offers]
    client.post("/de/handout/remove/", {"offer": offers[1].pk, "next": "/de/offers/"})
    assert client.session["handout_offers"] == [offers[0].pk, offers[2].pk]
    client.post("/de/handout/clear/", {"next": "/de/offers/"})
    assert client.session["handout_offers"] == []


def test_selection_survives_a_language_switch_and_stores_nothing_about_the_client(client, offers):
    add(client, offers[0], "de")
    add(client, offers[1], "ar")
    page = client.get("/uk/offers/").content.decode()
    assert page.count("/uk/handout/remove/") == 2
    response = client.get("/ar/handout/", follow=True)
    assert ids(response) == [offers[0].pk, offers[1].pk]
    assert set(client.session.keys()) <= {"handout_offers", "caseworker_quick_mode", "_messages"}


def test_the_21st_offer_is_refused_with_a_message(client, unna):
    offers = [OfferFactory(locations=[LocationFactory(municipality=unna)]) for _ in range(21)]
    for offer in offers[:20]:
        add(client, offer)
    response = client.post("/de/handout/add/", {"offer": offers[20].pk, "next": "/de/offers/"}, follow=True)
    assert "höchstens 20 Angebote" in response.content.decode()
    assert len(client.session["handout_offers"]) == 20


def test_stale_and_unknown_ids_are_dropped_with_a_note(client, offers):
    for offer in offers:
        add(client, offer)
    Offer.objects.filter(pk=offers[1].pk).update(status=Offer.Status.DRAFT)
    response = client.get(f"/de/handout/?offers={offers[0].pk},{offers[1].pk},999999,{offers[2].pk}&client=ar")
    assert response.status_code == 200
    assert ids(response) == [offers[0].pk, offers[2].pk]
    assert "2 Angebote gibt es nicht mehr" in response.content.decode()
    assert client.session["handout_offers"] == [offers[0].pk, offers[2].pk]


def test_adding_an_unknown_or_unpublished_offer_is_refused(client):
    draft = OfferFactory(status=Offer.Status.DRAFT)
    for value in (draft.pk, 999999, "abc", ""):
        response = client.post("/de/handout/add/", {"offer": value, "next": "/de/offers/"}, follow=True)
        assert response.status_code == 200
        assert "Dieses Angebot gibt es nicht mehr." in response.content.decode()
    assert client.session.get("handout_offers", []) == []


@pytest.mark.parametrize("offers_param", ["abc", ",,,", "-1,0", "1" * 40, "1,1,1", "<script>", "\x00"])
def test_garbage_in_the_shared_link_never_fails(client, offers_param):
    assert client.get("/de/handout/", {"offers": offers_param, "client": "xx"}).status_code == 200


def test_shared_link_round_trips_in_any_interface_language(client, offers):
    wanted = [offers[2].pk, offers[0].pk]
    link = f"?offers={wanted[0]},{wanted[1]}&client=ar"
    for language in ("de", "en", "uk", "ar"):
        response = client.get(f"/{language}/handout/{link}")
        assert ids(response) == wanted, language
        share = re.search(r'<a href="(http://testserver/[^"]+)" dir="ltr">', response.content.decode()).group(1)
        parts = urlsplit(share.replace("&amp;", "&"))
        assert parts.path == "/ar/handout/"
        assert parse_qs(parts.query) == {"offers": [f"{wanted[0]},{wanted[1]}"], "client": ["ar"]}
        assert ids(client.get(f"{parts.path}?{parts.query}")) == wanted


def test_preview_without_link_uses_the_session(client, offers):
    add(client, offers[1])
    response = client.get("/de/handout/")
    assert response.status_code == 302
    assert response.url == f"/de/handout/?offers={offers[1].pk}&client=de"


def test_qr_codes_decode_to_the_detail_pages_and_the_whole_selection(client, offers):
    response = client.get(f"/de/handout/?offers={offers[0].pk},{offers[1].pk}&client=ar")
    svgs = re.findall(r"<svg.*?</svg>", response.content.decode(), flags=re.S)
    decoded = [decode_qr(svg) for svg in svgs]
    assert decoded == [
        f"http://testserver/ar/handout/?offers={offers[0].pk}%2C{offers[1].pk}&client=ar&via=qr",
        f"http://testserver/ar/offers/{offers[0].pk}-{offers[0].slug}/?via=qr",
        f"http://testserver/ar/offers/{offers[1].pk}-{offers[1].slug}/?via=qr",
    ]


def test_german_and_arabic_blocks_have_their_own_language_and_direction(client, offers):
    page = client.get(f"/de/handout/?offers={offers[0].pk}&client=ar").content.decode()
    assert page.count('<div class="handout-block" lang="ar" dir="rtl">') == 1
    assert page.count('<div class="handout-block" lang="de" dir="ltr">') == 1
    arabic = page.split('<div class="handout-block" lang="ar" dir="rtl">')[1]
    assert "عرض 0" in arabic
    # Its summary has no Arabic text yet: the block says so in Arabic's place.
    assert 'class="handout-note"' in arabic


def test_german_client_gets_one_column(client, offers):
    page = client.get(f"/de/handout/?offers={offers[0].pk}&client=de").content.decode()
    assert page.count('class="handout-block"') == 1


def test_handout_header_says_who_when_and_no_obligation_in_both_languages(client, offers):
    page = client.get(f"/de/handout/?offers={offers[0].pk}&client=de").content.decode()
    assert "Kreis Unna – Kommunales Integrationszentrum" in page
    assert "Information, keine Verpflichtung." in page
    assert "Gedruckt am" in page
    assert "http://testserver/" in page


def test_buttons_only_redirect_within_the_site(client, offers):
    response = client.post("/de/handout/add/", {"offer": offers[0].pk, "next": "https://evil.example/"})
    assert response.url == f"/de/offers/#offer-{offers[0].pk}"
    response = client.post("/de/handout/remove/", {"offer": offers[0].pk, "next": "/de/offers/?page=2#results-heading"})
    assert response.url == f"/de/offers/?page=2#offer-{offers[0].pk}"
    assert client.get("/de/handout/add/").status_code == 405


def test_caseworker_quick_mode_is_a_per_session_switch(client, offers):
    offers[0].phone = "02303 555-120"
    offers[0].save()
    assert 'class="offer compact"' not in client.get("/de/offers/").content.decode()
    client.post("/de/handout/quick-mode/", {"on": "1", "next": "/de/offers/"})
    page = client.get("/ar/offers/").content.decode()
    assert page.count('class="offer compact"') == 3
    assert 'href="tel:+492303555120"' in page
    client.post("/de/handout/quick-mode/", {"on": "0", "next": "/de/offers/"})
    assert 'class="offer compact"' not in client.get("/de/offers/").content.decode()


@pytest.mark.parametrize("value", ["²", "①", "1²", "٣"])
def test_digit_like_characters_in_a_link_or_a_button_get_an_answer(client, offers, value):
    assert client.get("/de/handout/", {"offers": value}).status_code == 200
    assert client.get(f"/de/handout/?offers={offers[0].pk},{value}").status_code == 200
    response = client.post("/de/handout/add/", {"offer": value, "next": "/de/offers/"}, follow=True)
    assert response.status_code == 200
    assert "Dieses Angebot gibt es nicht mehr." in response.content.decode()
    assert client.post("/de/handout/remove/", {"offer": value, "next": "/de/offers/"}).status_code == 302


def test_opening_a_handout_link_leaves_no_session(client, offers):
    from django.contrib.sessions.models import Session

    for query in (
        "offers=999999",
        "offers=999999,999998&client=ar",
        f"offers={offers[0].pk},999999",
        f"offers={offers[1].pk}&client=uk",
    ):
        response = client.get(f"/de/handout/?{query}")
        assert response.status_code == 200
        assert "sessionid" not in response.cookies, query
    assert Session.objects.count() == 0


def test_a_german_fallback_title_is_marked_german_in_the_buttons_and_the_added_message(client, offers, unna):
    german_only = OfferFactory(title_de="Nur auf <Deutsch>", locations=[LocationFactory(municipality=unna)])
    german_title = '<span lang="de" dir="ltr">Nur auf &lt;Deutsch&gt;</span>'
    for path in ("/ar/offers/", german_only.get_absolute_url().replace("/de/", "/ar/", 1)):
        page = client.get(path).content.decode()
        assert f'<span class="visually-hidden">: {german_title}</span>' in page, path
    listing = client.get("/ar/offers/").content.decode()
    assert '<span class="visually-hidden">: <span>عرض 0</span></span>' in listing  # translated: no lang="de"

    response = client.post("/ar/handout/add/", {"offer": german_only.pk, "next": "/ar/offers/"}, follow=True)
    message = re.search(r'<p class="message success">(.*?)</p>', response.content.decode()).group(1)
    assert german_title in message, message
    response = client.post("/ar/handout/add/", {"offer": offers[0].pk, "next": "/ar/offers/"}, follow=True)
    message = re.search(r'<p class="message success">(.*?)</p>', response.content.decode()).group(1)
    assert "عرض 0" in message and 'lang="de"' not in message, message


def test_the_handout_prints_each_courses_next_two_runs_with_dated_places_in_both_languages(client, unna):
    import datetime

    from django.utils import timezone

    from offers.factories import CourseRunFactory

    today = timezone.localdate()
    offer = OfferFactory(locations=[LocationFactory(municipality=unna)], title_de="Integrationskurs Mitte")
    CourseRunFactory(
        offer=offer, start_date=today - datetime.timedelta(days=300), end_date=today - datetime.timedelta(days=5)
    )
    CourseRunFactory(
        offer=offer, start_date=datetime.date(2030, 2, 4), end_date=datetime.date(2030, 7, 26), free_places=6
    )
    CourseRunFactory(
        offer=offer, start_date=datetime.date(2030, 9, 2), end_date=None, free_places=0, has_waiting_list=True
    )
    CourseRunFactory(offer=offer, start_date=datetime.date(2031, 1, 6), end_date=None, note_de="Dritter Kurs")
    page = client.get(f"/de/handout/?offers={offer.pk}&client=ar").content.decode()
    german, arabic = page.split('<div class="handout-block" lang="ar" dir="rtl">')
    german = re.sub(r"<[^>]+>", "", german.split('<div class="handout-block" lang="de" dir="ltr">')[1])
    arabic = re.sub(r"<[^>]+>", "", arabic)
    assert "Nächste Termine" in german
    assert "4. Februar 2030 – 26. Juli 2030, Mo–Fr 8:45–12:00 · 6 freie Plätze (Stand" in german
    assert "ab 2. September 2030, Mo–Fr 8:45–12:00 · Ausgebucht, Warteliste (Stand" in german
    assert "2031" not in german  # two runs, not three
    assert "المواعيد القادمة" in arabic and "مكتمل، توجد قائمة انتظار" in arabic and "فبراير" in arabic
    assert "Plätze" not in arabic
