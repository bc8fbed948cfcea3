"""Persian (fa), the seventh language: what adding a language to LANGUAGES must bring by itself."""

import re

import pytest
from django.core.management import call_command
from django.db.models.functions import Length

from offers.factories import LocationFactory, OfferFactory
from offers.models import Offer

pytestmark = pytest.mark.django_db


def test_migrate_gives_offers_saved_before_a_language_its_search_text_and_state(unna):
    offer = OfferFactory(
        title_de="Sprachcafé für Frauen", title_ar="مقهى اللغة", locations=[LocationFactory(municipality=unna)]
    )
    # As the offer was stored before fa existed: no search text and no translation state for it.
    status = {code: state for code, state in offer.translation_status.items() if code != "fa"}
    Offer.objects.filter(pk=offer.pk).update(search_text_fa="", translation_status=status)

    call_command("migrate", verbosity=0)

    stored = Offer.objects.get(pk=offer.pk)
    assert "sprachcafe fur frauen" in stored.search_text_fa  # the German text a Persian reader sees
    assert stored.translation_status["fa"] == "missing"
    assert set(Offer.objects.translation_missing("fa")) == {stored}
    assert not Offer.objects.annotate(n=Length("search_text_fa")).filter(n=0).exists()


# Content seeded before fa had its columns


def test_information_pages_glossary_categories_and_target_groups_are_in_persian(client):
    from glossary.models import Term
    from offers.models import Category, TargetGroup
    from pages.models import InfoPage

    assert not InfoPage.objects.exclude(slug="leichte-sprache").filter(body_fa="").exists()
    assert not Term.objects.filter(word_fa="").exists() and not Term.objects.filter(explanation_fa="").exists()
    assert not Category.objects.filter(name_fa="").exists() and not Category.objects.filter(explanation_fa="").exists()
    assert not TargetGroup.objects.filter(name_fa="").exists()

    page = client.get("/fa/info/integrationskurs/").content.decode()
    assert '<html lang="fa" dir="rtl">' in page
    assert "<h1>دورهٔ ادغام (Integrationskurs) چیست؟</h1>" in page
    assert "دورهٔ عمومی ادغام 700 واحد درسی" in page
    glossary = client.get("/fa/glossary/").content.decode()
    assert '<dt id="berechtigungsschein"><dfn>مجوز شرکت</dfn>' in glossary
    home = client.get("/fa/").content.decode()
    assert "دورهٔ ادغام" in home and "مشاورهٔ مهاجرت برای بزرگسالان (MBE)" in home


def test_a_persian_offer_text_links_its_glossary_words(client):
    offer = OfferFactory(title_de="Kurs", summary_de="Mit Berechtigungsschein.", summary_fa="با مجوز شرکت از جاب‌سنتر.")
    page = client.get(f"/fa/offers/{offer.pk}-{offer.slug}/").content.decode()
    links = re.findall(r'<a class="term" href="([^"]+)" title="[^"]*">([^<]*)</a>', page)
    assert ("/fa/glossary/#berechtigungsschein", "مجوز شرکت") in links and (
        "/fa/glossary/#jobcenter",
        "جاب‌سنتر",
    ) in links


# Search in Persian


def found(client, typed):
    response = client.get("/fa/offers/", {"q": typed})
    assert response.status_code == 200
    return {
        int(pk) for pk in re.findall(r'data-offer-id="(\d+)"', response.content.decode())
    }, response.content.decode()


@pytest.fixture
def catalogue(unna):
    from offers.models import Category

    def offer(slug, title):
        return OfferFactory(
            title_de=title, category=Category.objects.get(slug=slug), locations=[LocationFactory(municipality=unna)]
        )

    return {
        "course": offer("integrationskurs", "Vormittagskurs Unna"),
        "mbe": offer("migrationsberatung-erwachsene", "Sprechstunde im Rathaus"),
        "jmd": offer("jugendmigrationsdienst", "Treff im Jugendhaus"),
        "advice": offer("beratung", "Hilfe bei Anträgen"),
        "cafe": offer("freizeit-begegnung", "Sprachcafé"),
    }


def test_a_persian_query_finds_german_only_courses_through_the_persian_synonym(client, catalogue):
    course = catalogue["course"]
    for typed in ["کلاس زبان آلمانی", "کلاس آلمانی", "كلاس زبان آلماني"]:  # the last typed on an Arabic keyboard
        ids, page = found(client, typed)
        assert ids == {course.pk}, typed
        assert 'lang="de" dir="ltr">Vormittagskurs Unna</a>' in page  # the German title, marked German


def test_a_persian_query_finds_counselling_through_the_persian_category_names(client, catalogue):
    ids, page = found(client, "مشاوره")  # «مشاوره» and «مشاورهٔ مهاجرت برای بزرگسالان (MBE)»
    assert ids == {catalogue["mbe"].pk, catalogue["advice"].pk}
    assert '<html lang="fa" dir="rtl">' in page
    assert found(client, "مشاورهٔ مهاجرت")[0] == {catalogue["mbe"].pk}


def test_persian_letters_meet_whatever_keyboard_typed_them(client, unna):
    with_non_joiner = OfferFactory(
        title_de="Kita-Gruppe", title_fa="گروه مهد\u200cکودک", locations=[LocationFactory(municipality=unna)]
    )
    arabic_letters = OfferFactory(
        title_de="Elterntreff", title_fa="ديدار والدين كوچك", locations=[LocationFactory(municipality=unna)]
    )
    assert found(client, "مهدکودک")[0] == {with_non_joiner.pk}
    assert found(client, "دیدار والدین کوچک")[0] == {arabic_letters.pk}


def test_migration_0031_folds_stored_search_columns_anew(unna):
    import importlib

    from django.apps import apps

    offer = OfferFactory(title_de="Kurs", title_fa="کلاس", locations=[LocationFactory(municipality=unna)])
    Offer.objects.filter(pk=offer.pk).update(search_text_fa=" كلاس | ", search_text_ar=" ي ")  # as folded before
    importlib.import_module("offers.migrations.0031_search_text_arabic_script_letters").refold(apps, None)
    stored = Offer.objects.get(pk=offer.pk)
    assert (stored.search_text_fa, stored.search_text_ar) == (" کلاس | ", " ی ")


# Places that listed the six languages by hand


def test_the_dataset_description_names_every_portal_language_persian_too(client):
    import rdflib
    from rdflib.namespace import DCAT, DCTERMS, RDF

    graph = rdflib.Graph().parse(data=client.get("/api/dcat.ttl").content.decode(), format="turtle")
    dataset = graph.value(predicate=RDF.type, object=DCAT.Dataset, any=False)
    eu = "http://publications.europa.eu/resource/authority/language/"
    assert {str(language) for language in graph.objects(dataset, DCTERMS.language)} == {
        eu + code for code in ("DEU", "ENG", "TUR", "ARA", "RUS", "UKR", "FAS")
    }
    assert "in 7 Sprachen" in str(graph.value(dataset, DCTERMS.description))


def test_the_handouts_prints_are_counted_in_persian(client):
    assert client.get("/usage/print-counter/fa.css").content.decode() == (
        '@media print { .print-counter::after { content: url("/usage/printed/fa.gif"); } }\n'
    )
    assert client.get("/usage/printed/fa.gif")["Content-Type"] == "image/gif"
