import gzip
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from municipalities.factories import DistrictFactory, MunicipalityFactory
from offers.factories import CourseRunFactory, LocationFactory, OfferFactory, ProviderFactory, TargetGroupFactory
from offers.models import Category, Offer, TargetGroup
from pages.models import AccessibilityFeedback, InfoPage

pytestmark = pytest.mark.django_db

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def ids(response):
    return [int(pk) for pk in re.findall(r'data-offer-id="(\d+)"', response.content.decode())]


@pytest.fixture
def course_in_unna(unna, integration_course):
    return OfferFactory(
        title_de="Integrationskurs am Vormittag",
        title_ar="دورة الاندماج صباحًا",
        summary_de="Deutsch lernen mit Kinderbetreuung.",
        category=integration_course,
        locations=[LocationFactory(municipality=unna, latitude="51.5365", longitude="7.6890")],
        languages=["de", "ar"],
        free_of_charge=False,
        childcare=True,
        phone="02303 555-120",
        email="kurse@lindenhof.example.org",
    )


# Languages and the root redirect


@pytest.mark.parametrize(
    ("accept", "target"),
    [("ar,en;q=0.5", "/ar/"), ("uk-UA,uk;q=0.9,ru;q=0.8", "/uk/"), ("fr-FR", "/de/"), ("", "/de/"), ("tr", "/tr/")],
)
def test_root_redirects_by_accept_language(client, accept, target):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response.url == target


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_every_page_has_lang_and_dir_and_names_languages_in_themselves(client, code, course_in_unna):
    urls = [
        f"/{code}/",
        f"/{code}/offers/",
        f"/{code}/offers/{course_in_unna.pk}-{course_in_unna.slug}/",
        f"/{code}/towns/unna/",
        f"/{code}/categories/integrationskurs/",
        f"/{code}/providers/{course_in_unna.provider.slug}/",
        f"/{code}/info/integrationskurs/",
        f"/{code}/info/barrierefreiheit/",
    ]
    direction = "rtl" if code in settings.LANGUAGES_BIDI else "ltr"
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        page = response.content.decode()
        assert f'<html lang="{code}" dir="{direction}">' in page, url
        for name in ("Deutsch", "English", "Türkçe", "العربية", "Русский", "Українська", "فارسی"):
            assert f">{name}</a>" in page
        for other in LANGUAGE_CODES:  # every language of LANGUAGES, in its own name and direction
            other_direction = "rtl" if other in settings.LANGUAGES_BIDI else "ltr"
            assert re.search(rf'lang="{other}" dir="{other_direction}" hreflang="{other}"[^>]*>[^<]+</a>', page), other
        assert page.count("<h1") == 1, url


def test_language_switcher_keeps_page_and_filters(client):
    response = client.get(
        "/de/offers/", {"municipality": "unna", "category": ["integrationskurs", "beratung"], "free": "1"}
    )
    page = response.content.decode()
    assert 'href="/ar/offers/?municipality=unna&amp;category=integrationskurs&amp;category=beratung&amp;free=1"' in page


# Offer list


def test_a_town_of_another_district_filters_the_list_as_one_of_the_kreis_unna(client, unna):
    """A second integration centre's district joins: its towns are in the list's filter like Unna."""
    dortmund = MunicipalityFactory(name="Dortmund", slug="dortmund", district=DistrictFactory(name="Dortmund"))
    in_dortmund = OfferFactory(title_de="Sprachcafé Dortmund", locations=[LocationFactory(municipality=dortmund)])
    OfferFactory(title_de="Sprachcafé Unna", locations=[LocationFactory(municipality=unna)])

    response = client.get("/de/offers/", {"municipality": "dortmund"})
    page = response.content.decode()
    assert ids(response) == [in_dortmund.pk]
    assert "Einige Angaben im Link kennen wir nicht" not in page
    assert '<option value="dortmund" selected>Dortmund</option>' in page
    # With more than one district, the towns are grouped by their district.
    assert re.search(r'<optgroup label="Dortmund">\s*<option value="dortmund" selected>', page)
    assert re.search(
        r'<optgroup label="Kreis Unna">(\s*<option value="[a-z-]+">[^<]+</option>){10}\s*</optgroup>', page
    )
    # A query naming the town finds it too, as "Unna" does.
    assert ids(client.get("/de/offers/", {"q": "Sprachcafé Dortmund"}))[0] == in_dortmund.pk


def test_list_shows_published_offers_of_a_town_with_district_wide_and_online(client, unna, luenen, course_in_unna):
    OfferFactory(locations=[LocationFactory(municipality=luenen)])
    district_wide = OfferFactory(whole_district=unna.district, title_de="Kreisweite Beratung")
    online = OfferFactory(format=Offer.Format.ONLINE, title_de="Online-Sprachcafé")
    OfferFactory(status=Offer.Status.DRAFT, locations=[LocationFactory(municipality=unna)])

    response = client.get("/de/offers/", {"municipality": "unna"})
    assert sorted(ids(response)) == sorted([course_in_unna.pk, district_wide.pk, online.pk])
    page = response.content.decode()
    assert "im ganzen Kreis" in page
    assert ">online<" in page
    assert "3 Angebote gefunden" in re.sub(r"</?bdi>", "", page)


def test_every_filter_of_the_url_contract(client, unna, integration_course):
    women, parents = TargetGroup.objects.get(slug="frauen"), TargetGroup.objects.get(slug="eltern")
    location = LocationFactory(municipality=unna)
    match = OfferFactory(
        category=integration_course,
        locations=[location],
        target_groups=[women],
        languages=["ar"],
        free_of_charge=True,
        childcare=True,
        women_only=True,
        format=Offer.Format.HYBRID,
        title_de="Frauenkurs Übung",
    )
    OfferFactory(category=integration_course, locations=[location], target_groups=[parents], languages=["ar"])
    OfferFactory(
        category=integration_course, locations=[location], target_groups=[women], languages=["tr"], free_of_charge=True
    )

    query = "?municipality=unna&category=integrationskurs&category=beratung&target_group=frauen&target_group=kinder&language=ar&free=1&childcare=1&women_only=1&online=1&q=%C3%9CBUNG&page=1"
    for code in LANGUAGE_CODES:
        assert ids(client.get(f"/{code}/offers/{query}")) == [match.pk], code


def test_search_matches_current_language_and_german(client):
    offer = OfferFactory(title_de="Sprachcafé", title_uk="Мовне кафе у Києві")
    assert ids(client.get("/uk/offers/", {"q": "КИЄВІ"})) == [offer.pk]
    assert ids(client.get("/uk/offers/", {"q": "sprachcafe"})) == [offer.pk]
    assert ids(client.get("/tr/offers/", {"q": "києві"})) == []
    istanbul = OfferFactory(title_de="Verein", title_tr="İstanbul dostları")
    assert ids(client.get("/tr/offers/", {"q": "istanbul"})) == [istanbul.pk]


def test_chips_remove_one_filter_each_and_pagination_keeps_filters(client, unna):
    for number in range(25):
        OfferFactory(title_de=f"Kurs {number:02d}", locations=[LocationFactory(municipality=unna)], free_of_charge=True)
    response = client.get("/de/offers/", {"municipality": "unna", "free": "1"})
    page = response.content.decode()
    assert len(ids(response)) == 20
    assert 'href="?municipality=unna&amp;free=1&amp;page=2"' in page
    assert 'href="?free=1"' in page  # the Unna chip removes only the town
    assert 'href="?municipality=unna"' in page  # the "free" chip removes only that
    second = client.get("/de/offers/", {"municipality": "unna", "free": "1", "page": "2"})
    assert len(ids(second)) == 5


def test_chips_remove_one_value_of_a_repeated_filter_and_the_page(client):
    first, second = Category.objects.all()[:2]
    for number in range(25):
        OfferFactory(title_de=f"Kurs {number:02d}", category=first)
    page = client.get(f"/de/offers/?category={first.slug}&category={second.slug}&page=2").content.decode()
    assert f'rel="prev" href="?category={first.slug}&amp;category={second.slug}&amp;page=1"' in page
    assert f'href="?category={second.slug}"' in page  # the first category's chip keeps the second
    assert f'href="?category={first.slug}"' in page
    only = client.get("/de/offers/", {"free": "1", "page": "1"}).content.decode()
    assert '<a href="?">' in only  # the last chip leads to the whole list


def test_empty_result_offers_counselling_that_helps_anyone(client, unna):
    mbe = OfferFactory(
        category=Category.objects.get(slug="migrationsberatung-erwachsene"), whole_district=unna.district
    )
    response = client.get("/de/offers/", {"municipality": "unna", "q": "gibt-es-nicht"})
    page = response.content.decode()
    assert "0 Angebote gefunden" in re.sub(r"</?bdi>", "", page)
    assert "Leider passt kein Angebot" in page
    assert ids(response) == [mbe.pk]


@pytest.mark.parametrize(
    "query",
    [
        {"municipality": "atlantis"},
        {"category": "gibt-es-nicht"},
        {"target_group": "<script>"},
        {"language": "xx"},
        {"page": "abc"},
        {"page": "99999"},
        {"page": "-1"},
        {"q": "x" * 5000},
        {"q": "kurs\x00"},
        {"q": "<script>alert(1)</script>"},
        {"q": "' OR 1=1; DROP TABLE offers_offer; --"},
        {"q": "%_%"},
        {"free": "yes-please"},
        {"municipality": ["unna", "luenen"], "page": ["1", "2"]},
    ],
)
def test_nasty_input_never_fails(client, query, course_in_unna):
    response = client.get("/ar/offers/", query)
    assert response.status_code == 200
    assert "<script>alert" not in response.content.decode()


@pytest.mark.parametrize(
    "url", ["/xx/offers/", "/de/offers/99999-x/", "/ar/towns/atlantis/", "/de/providers/nobody/", "/uk/info/nothing/"]
)
def test_unknown_pages_are_404_pages(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "<h1" in response.content.decode()


def test_404_speaks_the_visitors_language(client):
    response = client.get("/ar/offers/99999-x/")
    page = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="ar" dir="rtl">' in page


@pytest.mark.parametrize(
    ("code", "direction", "apology"), [("ar", "rtl", "عذرًا، حدث خطأ."), ("uk", "ltr", "Вибачте, сталася помилка.")]
)
def test_500_speaks_the_visitors_language(client, monkeypatch, code, direction, apology):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr("pages.views.render", broken)
    client.raise_request_exception = False
    response = client.get(f"/{code}/")
    page = response.content.decode()
    assert response.status_code == 500
    assert f'<html lang="{code}" dir="{direction}">' in page
    assert apology in page
    assert f'href="/{code}/"' in page


def test_list_query_count_is_the_same_for_5_and_5000_offers(client, django_assert_num_queries):
    call_command("load_demo", "--scale", "5", "--municipalities", "10")
    # With the catalogue version, the hours' boundaries, the page's ids, the rows of the cards not kept (here all),
    # their places, the hours and closures of the offers and their places (one query each), the cards' runs and the search's vocabulary of
    # names (offers/search.py) once per version.
    with django_assert_num_queries(14):
        assert client.get("/ar/offers/", {"q": "synthetisches"}).status_code == 200
    call_command("load_demo", "--scale", "5000", "--municipalities", "10")
    with django_assert_num_queries(14):
        response = client.get("/ar/offers/", {"q": "synthetisches"})
    assert len(ids(response)) == 20


def test_every_language_has_an_index_of_each_providers_offers_by_title():
    """A provider's page reads its first 20 offers in title order from an index, however many it has."""
    names = {index.name for index in Offer._meta.indexes}
    assert {f"offers_offer_provider_title_{code}" for code in LANGUAGE_CODES} <= names


def test_list_page_with_20_results_is_small(client, unna):
    for number in range(20):
        OfferFactory(
            title_de=f"Integrationskurs mit Kinderbetreuung {number}",
            summary_de="Deutsch lernen am Vormittag, die Kinder werden im Haus betreut. " * 3,
            locations=[LocationFactory(municipality=unna)],
            target_groups=[TargetGroupFactory()],
            languages=["de", "ar", "tr", "uk"],
            free_of_charge=True,
        )
    html = client.get("/ar/offers/").content
    css = Path(finders.find("portal/site.css")).read_bytes()
    transferred = len(gzip.compress(html)) + len(gzip.compress(css))
    assert len(ids(client.get("/ar/offers/"))) == 20
    assert transferred < 60 * 1024, transferred


# Detail


def test_detail_shows_what_helps(client, course_in_unna):
    page = client.get(f"/de/offers/{course_in_unna.pk}-{course_in_unna.slug}/").content.decode()
    assert 'href="tel:+492303555120"' in page
    assert 'href="mailto:kurse@lindenhof.example.org"' in page
    assert "https://www.openstreetmap.org/?mlat=51.536500&amp;mlon=7.689000" in page
    assert "Arabisch" in page and "Deutsch" in page
    assert "Zuletzt geprüft" in page
    assert "Kinder werden betreut" in page


def test_wrong_slug_redirects_to_the_right_one(client, course_in_unna):
    response = client.get(f"/ar/offers/{course_in_unna.pk}-falsch/")
    assert response.status_code == 301
    assert response.url == f"/ar/offers/{course_in_unna.pk}-{course_in_unna.slug}/"


def test_unpublished_offer_is_not_found(client):
    draft = OfferFactory(status=Offer.Status.DRAFT)
    assert client.get(f"/de/offers/{draft.pk}-{draft.slug}/").status_code == 404


def test_missing_translation_shows_german_marked_as_german(client, course_in_unna):
    page = client.get(f"/ar/offers/{course_in_unna.pk}-{course_in_unna.slug}/").content.decode()
    assert "<h1>دورة الاندماج صباحًا</h1>" in page
    assert '<p class="lead" lang="de" dir="ltr">Deutsch lernen mit Kinderbetreuung.</p>' in page
    assert 'class="notice"' in page
    german = client.get(f"/de/offers/{course_in_unna.pk}-{course_in_unna.slug}/").content.decode()
    assert 'lang="de" dir="ltr">Deutsch lernen' not in german


# Town, category, provider, information pages


def test_town_page_groups_offers_by_category_and_shows_census(client, unna, course_in_unna):
    OfferFactory(
        category=Category.objects.get(slug="beratung"), whole_district=unna.district, title_de="Schuldnerberatung"
    )
    page = client.get("/de/towns/unna/").content.decode()
    assert page.index("Integrationskurs") < page.index("Beratung")
    assert "59.149" in page and "14.320" in page and "Zensus 2011 / IT NRW" in page
    assert set(ids(client.get("/de/towns/unna/"))) == {
        course_in_unna.pk,
        Offer.objects.get(title_de="Schuldnerberatung").pk,
    }


def test_town_page_shows_each_categorys_first_five_alphabetically_and_caps_its_count(
    client, unna, luenen, integration_course, monkeypatch
):
    monkeypatch.setattr("offers.views.MAX_COUNT", 6)
    held_in_unna = [LocationFactory(municipality=unna)]
    for title in ["Kurs F", "Kurs B", "Kurs D", "Kurs A", "Kurs G", "Kurs C", "Kurs E"]:
        OfferFactory(category=integration_course, title_de=title, locations=held_in_unna)
    OfferFactory(category=integration_course, title_de="Kurs 0", locations=[LocationFactory(municipality=luenen)])
    counselling = Category.objects.get(slug="beratung")
    for title in ["Beratung B", "Beratung A"]:
        OfferFactory(category=counselling, title_de=title, locations=held_in_unna)

    page = client.get("/de/towns/unna/").content.decode()
    titles = re.findall(r"(Kurs \w|Beratung \w)</a>", page)
    assert titles == ["Kurs A", "Kurs B", "Kurs C", "Kurs D", "Kurs E", "Beratung A", "Beratung B"]
    assert "Mehr als <bdi>6</bdi> Angebote anzeigen" in page  # seven courses in Unna, counted no further
    assert "Alle <bdi>2</bdi> Angebote anzeigen" not in page  # both counselling offers are shown
    monkeypatch.setattr("offers.views.MAX_COUNT", 7)
    cache.clear()  # the page cache does not know the limit moved
    assert "Alle <bdi>7</bdi> Angebote anzeigen" in client.get("/de/towns/unna/").content.decode()


def test_category_and_provider_pages_count_no_further_than_the_list(client, integration_course, monkeypatch):
    monkeypatch.setattr("offers.views.MAX_COUNT", 2)
    provider = ProviderFactory(slug="ahorn")
    OfferFactory.create_batch(3, category=integration_course, provider=provider)
    for url in ("/de/categories/integrationskurs/", "/de/providers/ahorn/"):
        page = client.get(url).content.decode()
        assert "Mehr als <bdi>2</bdi> Angebote</h2>" in page, url
        assert len(ids(client.get(url))) == 3
    monkeypatch.setattr("offers.views.MAX_COUNT", 3)
    cache.clear()
    assert "<bdi>3</bdi> Angebote</h2>" in client.get("/de/providers/ahorn/").content.decode()


def test_information_pages_are_seeded_and_legal_ones_marked_as_placeholders(client):
    for slug in (
        "integrationskurs",
        "migrationsberatung-mbe",
        "jugendmigrationsdienst-jmd",
        "kosten-berechtigungsschein",
        "erste-schritte",
    ):
        page = InfoPage.objects.get(slug=slug)
        assert all(getattr(page, f"body_{code}") for code in LANGUAGE_CODES), slug
    for slug in ("impressum", "datenschutz", "barrierefreiheit"):
        assert InfoPage.objects.get(slug=slug).placeholder
        assert "Platzhalter" in client.get(f"/de/info/{slug}/").content.decode()
    home = client.get("/de/").content.decode()
    assert 'href="/de/info/leichte-sprache/"' in home


def test_accessibility_feedback_is_stored_for_ki_staff(client):
    response = client.post(
        "/ar/accessibility-feedback/", {"message": "Der Kontrast ist zu schwach.", "page_url": "/ar/offers/"}
    )
    assert response.status_code == 302
    feedback = AccessibilityFeedback.objects.get()
    assert (feedback.message, feedback.language, feedback.handled) == ("Der Kontrast ist zu schwach.", "ar", False)


@pytest.mark.parametrize("data", [{"message": ""}, {"message": "  \x00 "}, {"message": "ok", "email": "kein-at"}])
def test_bad_feedback_gets_a_clear_answer_and_saves_nothing(client, data):
    response = client.post("/de/accessibility-feedback/", data)
    assert response.status_code == 400
    assert "Bitte prüfen Sie Ihre Angaben." in response.content.decode()
    assert not AccessibilityFeedback.objects.exists()


# Nothing leaves the site


def test_no_request_leaves_the_site(client, course_in_unna):
    for url in [
        "/de/",
        "/ar/offers/",
        f"/de/offers/{course_in_unna.pk}-{course_in_unna.slug}/",
        "/de/towns/unna/",
        "/de/info/barrierefreiheit/",
    ]:
        page = client.get(url).content.decode()
        for tag in re.findall(r"<(?:script|link|img|iframe|source|video|audio)\b[^>]*>", page):
            for address in re.findall(r'(?:src|href)="([^"]*)"', tag):
                if tag.startswith(
                    '<link rel="alternate" hreflang'
                ):  # not loaded; absolute as hreflang needs, on this host
                    assert address.startswith("http://testserver/"), (url, tag)
                else:
                    assert address.startswith("/") and not address.startswith("//"), (url, tag)
        # The one script element is schema.org's data block (type application/ld+json): never run.
        scripts = re.findall(r"<script\b[^>]*>", page)
        assert "@import" not in page and set(scripts) <= {'<script type="application/ld+json">'}


def test_stylesheet_uses_only_logical_directions():
    css = Path(finders.find("portal/site.css")).read_text()
    assert not re.search(r"\b(left|right)\b", css)
    assert "@font-face" not in css
    # It names no image: the handout's print counter has a stylesheet of its own (usage app).
    assert not re.findall(r"url\(", css)


@pytest.mark.parametrize(
    ("code", "month"),
    [
        ("de", "Dezember"),
        ("en", "Dec. 7, 2026"),
        ("tr", "Aralık"),
        ("ru", "декабря"),
        ("uk", "грудня"),
        ("ar", "ديسمبر"),
    ],
)
def test_dates_are_formatted_per_language(client, code, month):
    import datetime

    offer = OfferFactory(locations=[LocationFactory()])
    CourseRunFactory(offer=offer, start_date=datetime.date(2026, 12, 7), end_date=datetime.date(2036, 12, 12))
    page = client.get(f"/{code}/offers/{offer.pk}-{offer.slug}/").content.decode()
    assert month in page
    assert '<time datetime="2026-12-07">' in page


@pytest.mark.parametrize(
    ("url", "queries"),
    # The catalogue pages' counts include the catalogue version, read once per request, and the hours'
    # boundaries (a time slot in the page's key); cards add their places and the hours and closures
    # of the offers and of their places (three queries).
    [
        ("/ar/", 3),
        # Each page of cards reads their upcoming runs (issue 14) in one more query.
        ("/ar/categories/beratung/", 9),
        ("/ar/providers/{provider}/", 9),
        # The list reads its page's ids, then the rows of the cards not kept (offers/cards.py).
        ("/ar/offers/", 13),
        # The town's offers held there (their ids), the categories with their capped counts and first
        # offers' ids in one query, then the cards by id.
        ("/ar/towns/unna/", 10),
    ],
)
def test_list_pages_query_count_does_not_grow_with_offers(client, django_assert_num_queries, url, queries, unna):
    provider = ProviderFactory(slug="ahorn")
    category = Category.objects.get(slug="beratung")

    def add(count):
        for _ in range(count):
            offer = OfferFactory(
                provider=provider,
                category=category,
                locations=[LocationFactory(municipality=unna)],
                target_groups=[TargetGroupFactory()],
            )
            CourseRunFactory.create_batch(2, offer=offer, location=offer.locations.first())

    add(2)
    with django_assert_num_queries(queries):
        assert client.get(url.format(provider="ahorn")).status_code == 200
    add(25)
    with django_assert_num_queries(queries):
        assert client.get(url.format(provider="ahorn")).status_code == 200


def test_language_filter_offers_the_languages_of_published_offers_and_follows_edits(client):
    OfferFactory(languages=["ar", "de"])
    page = client.get("/de/offers/").content.decode()
    assert '<option value="ar">Arabisch</option>' in page and 'value="fa"' not in page
    OfferFactory(languages=["fa"])
    assert '<option value="fa">Persisch</option>' in client.get("/de/offers/").content.decode()


def test_filter_form_keeps_the_chosen_values_and_labels_every_box(client, unna, integration_course):
    OfferFactory(languages=["ar"])
    chosen = {"municipality": "unna", "category": "integrationskurs", "language": "ar", "free": "1", "online": "true"}
    page = client.get("/de/offers/", chosen).content.decode()
    assert (
        '<option value="unna" selected>Unna</option>' in page
        and '<option value="ar" selected>Arabisch</option>' in page
    )
    assert '<input type="checkbox" name="free" value="1" id="id_free" checked>' in page
    assert '<input type="checkbox" name="online" value="1" id="id_online" checked>' in page
    assert '<input type="checkbox" name="childcare" value="1" id="id_childcare">' in page
    assert re.search(
        r'<input type="checkbox" name="category" value="integrationskurs" id="(id_category_\d+)" checked>', page
    )
    boxes = re.findall(r'<input type="checkbox" name="\w+"[^>]* id="([^"]+)"', page)
    assert boxes and all(f'<label for="{box}">' in page for box in boxes)


def test_language_filter_leaves_out_languages_of_drafts_and_expired_offers(client):
    import datetime

    OfferFactory(languages=["de"])
    OfferFactory(languages=["ps"], status=Offer.Status.DRAFT)
    OfferFactory(languages=["ti"], visible_until=timezone.localdate() - datetime.timedelta(days=1))
    OfferFactory(languages=["so", "de"], visible_until=timezone.localdate())
    choices = re.findall(r'<option value="([a-z]{2})">', client.get("/de/offers/").content.decode())
    assert sorted(choices) == ["de", "so"]


def test_a_broad_list_says_more_than_the_counted_limit_and_pages_through_it(client, monkeypatch):
    from offers import views

    monkeypatch.setattr(views, "MAX_COUNT", 4)
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    for word in ["eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben"]:
        OfferFactory(title_de=f"Kurs {word}", format=Offer.Format.ONLINE)
    first = client.get("/de/offers/", {"q": "kurs"}).content.decode()
    assert "Mehr als <bdi>4</bdi> Angebote gefunden" in first and "Seite <bdi>1</bdi> von <bdi>2</bdi>" in first
    last = client.get("/de/offers/", {"q": "kurs", "page": 9, "sort": "title"})  # relevance is the default (issue 15)
    assert ids(last) == [offer.pk for offer in Offer.objects.order_by_title()[2:4]]
    ranked = ids(client.get("/de/offers/", {"q": "kurs"})) + ids(client.get("/de/offers/", {"q": "kurs", "page": 2}))
    assert len(set(ranked)) == 4
    assert "أكثر من <bdi>4</bdi>" in client.get("/ar/offers/", {"q": "kurs"}).content.decode()
    exact = client.get("/de/offers/", {"q": "kurs sieben"}).content.decode()
    assert "<bdi>1</bdi> Angebot gefunden" in exact


def test_cached_list_results_follow_every_edit(client, unna, django_assert_num_queries):
    offer = OfferFactory(title_de="Sprachcafé", locations=[LocationFactory(municipality=unna)])
    assert "Sprachcafé" in client.get("/de/offers/", {"municipality": "unna"}).content.decode()
    with django_assert_num_queries(1):  # the cached page: only the catalogue version
        client.get("/de/offers/", {"municipality": "unna"})
    offer.title_de = "Sprachtreff"
    offer.save()
    page = client.get("/de/offers/", {"municipality": "unna"}).content.decode()
    assert "Sprachtreff" in page and "Sprachcafé" not in page
    added = OfferFactory(title_de="Nähcafé", locations=[LocationFactory(municipality=unna)])
    assert added.pk in ids(client.get("/de/offers/", {"municipality": "unna"}))
    offer.status = Offer.Status.DRAFT
    offer.save()
    assert offer.pk not in ids(client.get("/de/offers/", {"municipality": "unna"}))
    offer.locations.clear()
    added.delete()
    assert ids(client.get("/de/offers/", {"municipality": "unna"})) == []


def test_a_caseworkers_list_from_cached_results_shows_the_same_cards_with_a_constant_query_count(
    client, unna, django_assert_num_queries
):
    for number in range(25):
        OfferFactory(title_de=f"Kurs {number:02}", locations=[LocationFactory(municipality=unna)])
    url = "/ar/offers/?municipality=unna"
    fresh = client.get(url)
    client.post("/ar/handout/add/", {"offer": ids(fresh)[0], "next": url})  # a session: no cached page
    # Session and catalogue version: the filter lists are kept in the process (ReadOnce), the page's ids and its
    # cards in the cache (offers/cards.py), so no offer rows, locations, hours, closures or runs.
    with django_assert_num_queries(2):
        cached = client.get(url)
    assert ids(cached) == ids(fresh) and len(ids(cached)) == 20
    assert (
        cached.content.decode().count('formaction="/ar/handout/remove/"') == 1
    )  # the chosen offer's button removes it


def test_a_card_kept_from_one_page_shows_on_another_and_an_edit_on_the_next_request(client, unna):
    offer = OfferFactory(
        title_de="Sprachcafé",
        category=Category.objects.get(slug="beratung"),
        locations=[LocationFactory(municipality=unna)],
    )
    on_town_list = client.get("/de/offers/?municipality=unna").content.decode()
    on_category_page = client.get("/de/categories/beratung/").content.decode()
    card = re.search(r'<li class="offer".*?\n</li>', on_town_list, re.DOTALL).group()
    without_button = re.sub(r"\n<button.*?</button>\n", "", card, flags=re.DOTALL)
    assert "Sprachcafé" in card and "Zur Handreichung" in card and without_button in on_category_page

    offer.title_de = "Sprachtreff"
    offer.save()
    for url in ("/de/offers/?municipality=unna", "/de/categories/beratung/", "/de/towns/unna/"):
        page = client.get(url).content.decode()
        assert "Sprachtreff" in page and "Sprachcafé" not in page, url


def test_a_kept_card_carries_each_visitors_own_handout_button(client, unna):
    offer = OfferFactory(title_de="Sprachcafé", locations=[LocationFactory(municipality=unna)])
    caseworker = Client()
    caseworker.post("/de/handout/add/", {"offer": offer.pk, "next": "/de/"})
    assert 'formaction="/de/handout/remove/"' in caseworker.get("/de/offers/?municipality=unna").content.decode()
    # The card is kept now; another visitor's list has it with the button that adds it.
    other_list = client.get("/de/offers/?municipality=unna&page=1").content.decode()
    assert "Sprachcafé" in other_list and 'formaction="/de/handout/remove/"' not in other_list
    assert f'name="offer" value="{offer.pk}" class="secondary handout-button">Zur Handreichung' in other_list


def test_quick_mode_cards_show_addresses_and_phones_without_a_query_per_card(client, unna, django_assert_num_queries):
    for number in range(25):
        OfferFactory(
            title_de=f"Kurs {number:02}",
            phone="02303 27-1234",
            locations=[LocationFactory(municipality=unna, street=f"Hauptstraße {number}")],
        )
    url = "/de/offers/?municipality=unna"
    client.post("/de/handout/quick-mode/", {"on": "1", "next": url})
    client.get(url)  # the list results are cached now, as in a caseworker's day
    # Session, catalogue version, the 20 offers, their places, the hours of both, runs (the filter lists, and that
    # no closure concerns them, are kept in the process).
    with django_assert_num_queries(6):
        page = client.get(url).content.decode()
    assert page.count('class="offer compact"') == 20
    assert "Hauptstraße 0, <bdi>" in page and 'href="tel:+492303271234"' in page


def test_the_filter_lists_follow_an_edit_on_the_next_request(client, unna):
    """The towns, categories and target groups are kept in the process per catalogue version (ReadOnce)."""
    assert "Sprachtreffs" not in client.get("/de/offers/").content.decode()
    category = Category.objects.get(slug="beratung")
    category.name_de = "Sprachtreffs"
    category.save()
    MunicipalityFactory(name="Dortmund", slug="dortmund", district=DistrictFactory(name="Dortmund"))
    page = client.get("/de/offers/").content.decode()
    assert "Sprachtreffs" in page and '<option value="dortmund">Dortmund</option>' in page
    assert '<option value="dortmund" selected>' in client.get("/de/offers/?municipality=dortmund").content.decode()


def test_a_search_list_has_one_sort_select_and_no_id_twice(client, course_in_unna):
    page = client.get("/de/offers/", {"q": "Integrationskurs", "sort": "title"}).content.decode()
    assert page.count('<select name="sort"') == 1
    assert '<option value="title" selected>' in page
    element_ids = re.findall(r'\sid="([^"]+)"', page)
    assert sorted(element_ids) == sorted(set(element_ids))
