"""Where people and machines look: the licence in the footer, sitemap, robots.txt, feeds, the dataset description, the CSV, the embedded list."""

import csv
import datetime
import io
import re
import xml.etree.ElementTree as ET

import pytest
import rdflib
from django.conf import settings
from django.utils import timezone

from offers.factories import CategoryFactory, LocationFactory, OfferFactory, ProviderFactory
from offers.models import Offer

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
ATOM = "{http://www.w3.org/2005/Atom}"
LANGUAGES = [code for code, _name in settings.LANGUAGES]


@pytest.fixture
def offers(db, unna, luenen):
    category = CategoryFactory(slug="sprache", name_de="Sprache", name_ar="اللغة")
    shown = OfferFactory(
        title_de="Sprachcafé Unna",
        title_ar="مقهى اللغة في أونا",
        category=category,
        locations=[LocationFactory(municipality=unna)],
    )
    elsewhere = OfferFactory(
        title_de="Nähtreff Lünen", category=CategoryFactory(), locations=[LocationFactory(municipality=luenen)]
    )
    draft = OfferFactory(
        title_de="Entwurf Geheim",
        category=category,
        status=Offer.Status.DRAFT,
        locations=[LocationFactory(municipality=unna)],
    )
    expired = OfferFactory(
        title_de="Abgelaufen Geheim",
        category=category,
        locations=[LocationFactory(municipality=unna)],
        visible_until=timezone.localdate() - datetime.timedelta(days=1),
    )
    return {"category": category, "shown": shown, "elsewhere": elsewhere, "hidden": [draft, expired]}


def test_the_footer_names_the_data_licence_on_every_page(client, offers, settings):
    page = client.get("/ar/offers/").content.decode()
    assert (
        'href="https://www.govdata.de/dl-de/by-2-0" rel="license" lang="de">Datenlizenz Deutschland – Namensnennung – Version 2.0</a>'
        in page
    )
    assert "العروض بيانات مفتوحة بموجب الترخيص" in page
    assert 'href="/api/hsds/"' in page
    settings.DATA_LICENCE = {
        "id": "CC-BY-4.0",
        "name": "Creative Commons BY 4.0",
        "url": "https://creativecommons.org/licenses/by/4.0/",
    }
    assert "Creative Commons BY 4.0" in client.get("/de/").content.decode()


def sitemap_entries(client):
    index = ET.fromstring(client.get("/sitemap.xml").content)
    entries = {}
    for part in index.iter(f"{SITEMAP}loc"):
        path = part.text.removeprefix("http://testserver")
        for url in ET.fromstring(client.get(path).content).iter(f"{SITEMAP}url"):
            alternates = {link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")}
            entries[url.find(f"{SITEMAP}loc").text.removeprefix("http://testserver")] = alternates
    return entries


def test_the_sitemap_lists_every_public_page_in_every_language_with_its_alternates(client, offers, unna):
    entries = sitemap_entries(client)
    shown = offers["shown"]
    for code in LANGUAGES:
        assert f"/{code}/" in entries
        assert f"/{code}/offers/{shown.pk}-{shown.slug}/" in entries
        assert f"/{code}/towns/unna/" in entries
        assert f"/{code}/categories/sprache/" in entries
        assert f"/{code}/providers/{shown.provider.slug}/" in entries
        assert f"/{code}/info/impressum/" in entries
        assert f"/{code}/glossary/" in entries
    alternates = entries[f"/tr/offers/{shown.pk}-{shown.slug}/"]
    assert set(alternates) == {*LANGUAGES, "x-default"}
    assert alternates["ar"] == f"http://testserver/ar/offers/{shown.pk}-{shown.slug}/"
    for offer in offers["hidden"]:
        assert not any(f"/offers/{offer.pk}-" in address for address in entries)


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_back_office(client, db, settings):
    robots = client.get("/robots.txt")
    assert robots["Content-Type"].startswith("text/plain")
    lines = robots.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines
    # A back office moved to an address of its own is not named in this public file.
    settings.ADMIN_PATH = "verwaltung-7f3a/"
    assert "verwaltung-7f3a" not in client.get("/robots.txt").content.decode()


def test_sitemaps_and_feeds_are_kept_until_the_catalogue_changes(client, offers, django_assert_num_queries):
    for address in ("/sitemap.xml", "/sitemap-offers.xml", "/de/feeds/towns/unna/"):
        first = client.get(address).content
        with django_assert_num_queries(1):  # the catalogue version
            assert client.get(address).content == first
    offers["shown"].title_de = "Sprachcafé Unna am Markt"
    offers["shown"].save()
    assert "Sprachcafé Unna am Markt" in client.get("/de/feeds/towns/unna/").content.decode()


def feed(client, address):
    response = client.get(address)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)


def titles(root):
    return [entry.find(f"{ATOM}title").text for entry in root.iter(f"{ATOM}entry")]


def test_atom_feeds_per_town_category_and_language(client, offers):
    town = feed(client, "/ar/feeds/towns/unna/")
    assert titles(town) == ["مقهى اللغة في أونا"]
    assert town.get("{http://www.w3.org/XML/1998/namespace}lang") == "ar"
    entry = next(town.iter(f"{ATOM}entry"))
    assert entry.find(f"{ATOM}id").text == f"urn:uuid:{offers['shown'].uuid}"
    assert entry.find(f"{ATOM}link").get("href").startswith("http://testserver/ar/offers/")
    assert titles(feed(client, "/de/feeds/categories/sprache/")) == ["Sprachcafé Unna"]
    assert set(titles(feed(client, "/de/feeds/offers/"))) == {"Sprachcafé Unna", "Nähtreff Lünen"}
    assert client.get("/de/feeds/towns/nirgendwo/").status_code == 404
    # Changed last, listed first.
    offers["elsewhere"].save()
    assert titles(feed(client, "/de/feeds/offers/"))[0] == "Nähtreff Lünen"


XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def test_a_non_german_feed_marks_the_german_shown_in_place_of_a_missing_translation(client, offers):
    root = feed(client, "/ar/feeds/offers/")
    assert root.get(XML_LANG) == "ar"
    entries = {entry.find(f"{ATOM}id").text: entry for entry in root.iter(f"{ATOM}entry")}
    untranslated = entries[f"urn:uuid:{offers['elsewhere'].uuid}"]
    assert untranslated.find(f"{ATOM}title").text == "Nähtreff Lünen"
    assert untranslated.find(f"{ATOM}title").get(XML_LANG) == "de"
    assert untranslated.find(f"{ATOM}summary").get(XML_LANG) == "de"
    # Translated title: the feed's language (inherited); its summary has no Arabic text, so German, marked.
    translated = entries[f"urn:uuid:{offers['shown'].uuid}"]
    assert translated.find(f"{ATOM}title").text == "مقهى اللغة في أونا"
    assert translated.find(f"{ATOM}title").get(XML_LANG, root.get(XML_LANG)) == "ar"
    assert translated.find(f"{ATOM}summary").get(XML_LANG) == "de"
    # In German nothing is marked: all of it is in the feed's language.
    german = feed(client, "/de/feeds/offers/")
    assert not [element for element in german.iter() if element.get(XML_LANG) and element is not german]


def test_town_and_category_pages_link_their_feeds(client, offers):
    town = client.get("/uk/towns/unna/").content.decode()
    assert '<link rel="alternate" type="application/atom+xml" href="/uk/feeds/towns/unna/"' in town
    category = client.get("/de/categories/sprache/").content.decode()
    assert '<link rel="alternate" type="application/atom+xml" href="/de/feeds/categories/sprache/"' in category


def test_the_dataset_description_is_dcat_ap_de_and_parses_as_rdf(client, offers, settings):
    from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF  # module-level, pytest would probe their attributes

    settings.DATA_PUBLISHER = {**settings.DATA_PUBLISHER, "email": "daten@kreis-unna.example"}
    response = client.get("/api/dcat.ttl")
    assert response["Content-Type"].startswith("text/turtle")
    graph = rdflib.Graph().parse(data=response.content.decode(), format="turtle")
    dataset = graph.value(predicate=RDF.type, object=DCAT.Dataset, any=False)
    assert dataset is not None
    assert graph.value(dataset, DCTERMS.license) == rdflib.URIRef("http://dcat-ap.de/def/licenses/dl-by-de/2.0")
    publisher = graph.value(dataset, DCTERMS.publisher)
    assert str(graph.value(publisher, FOAF.name)) == "Kreis Unna – Kommunales Integrationszentrum"
    contact = graph.value(dataset, DCAT.contactPoint)
    vcard = rdflib.Namespace("http://www.w3.org/2006/vcard/ns#")
    assert graph.value(contact, vcard.hasEmail) == rdflib.URIRef("mailto:daten@kreis-unna.example")
    access = {
        str(graph.value(distribution, DCAT.accessURL)) for distribution in graph.objects(dataset, DCAT.distribution)
    }
    assert access == {"http://testserver/api/hsds/", "http://testserver/api/offers.csv"}
    formats = {
        str(graph.value(distribution, DCTERMS["format"])) for distribution in graph.objects(dataset, DCAT.distribution)
    }
    assert formats == {
        "http://publications.europa.eu/resource/authority/file-type/JSON",
        "http://publications.europa.eu/resource/authority/file-type/CSV",
    }
    service = graph.value(predicate=RDF.type, object=DCAT.DataService, any=False)
    assert str(graph.value(service, DCAT.endpointDescription)) == "http://testserver/api/openapi.json"
    assert rdflib.URIRef("http://dcat-ap.de/def/politicalGeocoding/districtKey/05978") in set(
        graph.objects(dataset, DCTERMS.spatial)
    )


def test_the_csv_download_holds_every_published_offer_in_every_language(client, offers):
    response = client.get("/api/offers.csv")
    assert response["Content-Type"].startswith("text/csv")
    assert response["Access-Control-Allow-Origin"] == "*"
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert sorted(row["title_de"] for row in rows) == ["Nähtreff Lünen", "Sprachcafé Unna"]
    cafe = next(row for row in rows if row["title_de"] == "Sprachcafé Unna")
    assert (
        cafe["title_ar"] == "مقهى اللغة في أونا" and cafe["towns"] == "Unna" and cafe["id"] == str(offers["shown"].uuid)
    )


def test_the_csv_download_keeps_spreadsheet_formulas_from_running(client, offers, unna):
    OfferFactory(
        title_de='=HYPERLINK("http://evil.example","klick")',
        summary_de="@SUMME(A1:A9)",
        locations=[LocationFactory(municipality=unna)],
    )
    text = b"".join(client.get("/api/offers.csv").streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    evil = next(row for row in rows if "HYPERLINK" in row["title_de"])
    assert evil["title_de"] == '\'=HYPERLINK("http://evil.example","klick")'
    assert evil["summary_de"] == "'@SUMME(A1:A9)"
    assert sorted(row["title_de"] for row in rows)[1:] == ["Nähtreff Lünen", "Sprachcafé Unna"]


def test_the_embedded_list_uses_the_lists_url_contract_without_the_portals_frame(client, offers, settings):
    response = client.get("/ar/embed/offers/?municipality=unna&category=sprache")
    page = response.content.decode()
    assert "مقهى اللغة في أونا" in page
    assert "Nähtreff Lünen" not in page and "Geheim" not in page
    assert 'class="site-header' not in page and 'class="site-footer' not in page
    assert 'dir="rtl"' in page
    link = re.search(r'<a href="([^"]+)" target="_top">مقهى', page)
    assert link and link.group(1) == f"/ar/offers/{offers['shown'].pk}-{offers['shown'].slug}/"
    # No site may frame it until one is configured.
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    settings.EMBED_ALLOWED_ORIGINS = ["https://www.unna.de", "https://www.luenen.de"]
    allowed = client.get("/ar/embed/offers/?municipality=unna")
    assert "frame-ancestors https://www.unna.de https://www.luenen.de" in allowed["Content-Security-Policy"]
    assert "X-Frame-Options" not in allowed
    # The portal's own pages stay unframeable.
    assert client.get("/ar/offers/")["X-Frame-Options"] == "DENY"
    wrong = client.get("/de/embed/offers/?municipality=atlantis")
    assert wrong.status_code == 200 and "Einige Angaben im Link kennen wir nicht" in wrong.content.decode()


def test_the_embedded_list_pages_within_the_frame(client, offers):
    for number in range(25):
        OfferFactory(title_de=f"Kurs {number:02}", category=offers["category"], provider=ProviderFactory())
    page = client.get("/de/embed/offers/?category=sprache").content.decode()
    assert 'rel="next" href="?category=sprache&amp;page=2"' in page


def test_the_embedded_list_names_the_portals_icon(client, offers):
    """Opened on its own, the embedded list had no icon: browsers asked for /favicon.ico and got a 404."""
    page = client.get("/de/embed/offers/").content.decode()
    assert re.search(r'<link rel="icon" href="/static/portal/favicon[^"]*\.svg" type="image/svg\+xml">', page)
