"""Standards and wording of the public pages: valid ARIA, absolute alternates, locale-aware numbers."""

import re
from html.parser import HTMLParser

import pytest

from offers.factories import OfferFactory

pytestmark = pytest.mark.django_db


class Elements(HTMLParser):
    """Every element of a page as (tag, attributes, text inside it)."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self, html):
        super().__init__()
        self.elements, self.open = [], []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        element = {"tag": tag, "attrs": dict(attrs), "text": ""}
        self.elements.append(element)
        if tag not in self.VOID:
            self.open.append(element)

    def handle_endtag(self, tag):
        while self.open:
            if self.open.pop()["tag"] == tag:
                break

    def handle_data(self, data):
        for element in self.open:
            element["text"] += data

    def by_id(self):
        return {element["attrs"]["id"]: element for element in self.elements if "id" in element["attrs"]}


def elements(response):
    return Elements(response.content.decode())


# The result count


@pytest.mark.parametrize(("code", "count_text"), [("de", "2 Angebote gefunden"), ("en", "2 offers found")])
def test_the_result_count_is_a_plain_heading_that_says_the_count(client, unna, code, count_text):
    OfferFactory.create_batch(2, whole_district=unna.district)
    page = elements(client.get(f"/{code}/offers/"))
    headings = [element for element in page.elements if re.fullmatch(r"h[1-6]", element["tag"])]
    assert [heading for heading in headings if "role" in heading["attrs"]] == []  # role=status is not allowed on h2
    results = page.by_id()["results-heading"]
    assert results["tag"] == "h2" and results["text"] == count_text


# Form fields and their messages


def assert_descriptions_exist(response):
    page = elements(response)
    ids = page.by_id()
    described = [element for element in page.elements if "aria-describedby" in element["attrs"]]
    for element in described:
        for description in element["attrs"]["aria-describedby"].split():
            assert description in ids, (element["attrs"].get("name"), description)
            assert ids[description]["text"].strip(), description
    # A field marked invalid says why, next to it.
    for element in page.elements:
        if element["attrs"].get("aria-invalid") == "true":
            assert element["attrs"].get("aria-describedby"), element["attrs"].get("name")
    return described


@pytest.mark.parametrize("data", [{"message": ""}, {"message": "ok", "email": "kein-at"}])
def test_feedback_form_errors_are_tied_to_their_fields(client, data):
    response = client.post("/de/accessibility-feedback/", data)
    assert response.status_code == 400
    described = assert_descriptions_exist(response)
    assert described, "the invalid field names its error"


def test_filter_form_descriptions_exist(client):
    assert_descriptions_exist(client.get("/de/offers/", {"municipality": "unna", "q": "Kurs"}))


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"municipality": "nowhere"}, "municipality"),
        ({"language": "zz"}, "language"),
        ({"category": "xyz"}, "category"),
        ({"target_group": "nobody"}, "target_group"),
    ],
)
def test_an_unknown_value_in_the_link_is_explained_at_its_field(client, query, field):
    response = client.get("/de/offers/", query)
    assert response.status_code == 200
    assert_descriptions_exist(response)
    page = elements(response)
    message = page.by_id()[f"id_{field}_error"]
    assert "Link" in message["text"]
    described = [e for e in page.elements if f"id_{field}_error" in e["attrs"].get("aria-describedby", "").split()]
    assert len(described) == 1  # the select, or the fieldset of the boxes
    invalid = [
        element["attrs"].get("name") for element in page.elements if element["attrs"].get("aria-invalid") == "true"
    ]
    assert invalid in ([field], [])


# Alternate languages


def test_alternate_language_links_are_absolute(client, settings):
    settings.ALLOWED_HOSTS = ["integration.example.org"]
    page = elements(client.get("/de/offers/", {"municipality": "unna"}, HTTP_HOST="integration.example.org"))
    alternates = {
        e["attrs"]["hreflang"]: e["attrs"]["href"]
        for e in page.elements
        if e["attrs"].get("rel") == "alternate" and "hreflang" in e["attrs"]  # the Atom feed's link has none
    }
    assert alternates["ar"] == "http://integration.example.org/ar/offers/?municipality=unna"
    assert set(alternates) == {code for code, _name in settings.LANGUAGES}
    assert all(href.startswith("http://integration.example.org/") for href in alternates.values())


# Numbers, lists and names in the visitor's language


@pytest.mark.parametrize(
    ("code", "population", "share"),
    [("de", "43.815", "20,7\xa0%"), ("en", "43,815", "20.7%"), ("uk", "43\xa0815", "20,7%"), ("ar", "43,815", "20.7%")],
)
def test_census_figures_are_written_as_the_language_writes_numbers(client, code, population, share):
    page = client.get(f"/{code}/towns/kamen/").content.decode()
    assert f"<td><bdi>{population}</bdi></td>" in page
    assert f"<bdi>{share}</bdi>" in page
    assert "20.7 %" not in page and "20,7 %" not in page  # a plain space lets the sign part from its number


@pytest.mark.parametrize(
    ("code", "heading"),
    [
        ("de", "Angebote in <bdi>Kamen</bdi>"),
        ("en", "Offers in <bdi>Kamen</bdi>"),
        ("uk", "Пропозиції: <bdi>Kamen</bdi>"),
        ("ar", "العروض في <bdi>Kamen</bdi>"),
    ],
)
def test_a_town_name_stands_where_its_grammar_needs_no_ending_and_is_isolated(client, code, heading):
    page = client.get(f"/{code}/towns/kamen/").content.decode()
    assert f"<h1>{heading}</h1>" in page
    assert "<bdi>Kamen</bdi> " in page  # the census heading too


@pytest.mark.parametrize(
    ("code", "languages", "groups"),
    [
        ("de", "Arabisch, Deutsch und Türkisch", "Geflüchtete und Frauen"),
        ("en", "Arabic, German, and Turkish", "Refugees and Women"),
        ("uk", "арабська, німецька і турецька", "Біженці і Жінки"),
        ("ar", "العربية والألمانية والتركية", "لاجئون ونساء"),
    ],
)
def test_lists_are_joined_as_the_language_joins_them(client, code, languages, groups):
    from offers.factories import TargetGroupFactory

    refugees = TargetGroupFactory(name_de="Geflüchtete", name_en="Refugees", name_uk="Біженці", name_ar="لاجئون")
    women = TargetGroupFactory(name_de="Frauen", name_en="Women", name_uk="Жінки", name_ar="نساء")
    offer = OfferFactory(languages=["de", "ar", "tr"], target_groups=[refugees, women], min_age=None, max_age=None)
    page = client.get(f"/{code}/offers/{offer.pk}-{offer.slug}/").content.decode()
    assert f"<dd>{languages}</dd>" in page
    assert f"<dd>{groups}" in page
    badges = client.get(f"/{code}/categories/{offer.category.slug}/").content.decode()
    assert f"{languages}</li>" in badges


def test_latin_names_in_arabic_lines_are_isolated(client, unna):
    offer = OfferFactory(whole_district=unna.district)
    page = client.get(f"/ar/categories/{offer.category.slug}/").content.decode()
    assert f"· <bdi>{offer.provider.name}</bdi></p>" in page


def test_more_than_a_thousand_is_written_as_the_language_writes_it(client):
    from django.core.management import call_command

    call_command("load_demo", "--scale", "1300", "--municipalities", "10")  # some of them drafts or expired
    assert "Mehr als <bdi>1.000</bdi> Angebote gefunden" in client.get("/de/offers/").content.decode()
    assert "<bdi>1,000</bdi>" in client.get("/en/offers/").content.decode()
