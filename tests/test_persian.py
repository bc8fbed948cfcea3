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
