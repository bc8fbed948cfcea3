"""The offer search (issue 15) and renames that rewrite no offer (issue 13).

Tests that need PostgreSQL (trigram similarity for typos in offers' own texts) say so in
their name and skip on SQLite with `needs_postgresql`; they run in the PostgreSQL CI pass.
"""

import re

import pytest

from offers.factories import CategoryFactory, OfferFactory, ProviderFactory, TargetGroupFactory
from offers.models import Category, Offer, language_codes

pytestmark = pytest.mark.django_db

needs_postgresql = pytest.mark.skipif(
    "connection.vendor != 'postgresql'", reason="PostgreSQL only (runs in the PostgreSQL CI pass)"
)


def ids(response):
    assert response.status_code == 200
    return [int(pk) for pk in re.findall(r'data-offer-id="(\d+)"', response.content.decode())]


@pytest.mark.parametrize("offers", [3, 30])
def test_renaming_a_category_rewrites_no_offer_and_its_new_name_finds_them_in_every_language(
    offers, django_assert_num_queries
):
    category = CategoryFactory(name_de="Nähcafé")
    made = {OfferFactory(category=category).pk for _ in range(offers)}
    category = Category.objects.get(pk=category.pk)
    for code in language_codes():
        setattr(category, f"name_{code}", f"Treffpunkt Zwirn {code}")
    with django_assert_num_queries(2):  # the catalogue version and the category's own row, for 3 or 30 offers
        category.save()
    for code in language_codes():
        found = {offer.pk for offer in Offer.objects.search(f"zwirn {code}", languages=[code])}
        assert found == made, code
    assert not Offer.objects.search("nähcafé").exists()


def test_renaming_a_provider_or_target_group_rewrites_no_offer(django_assert_num_queries):
    provider = ProviderFactory(name="Sprachschule Lindenhof")
    group = TargetGroupFactory(name_de="Seniorinnen")
    offers = {OfferFactory(provider=provider, target_groups=[group]).pk for _ in range(5)}
    provider.name = "Bildungswerk Ahorn"
    with django_assert_num_queries(2):
        provider.save()
    group.name_uk = "Літні жінки"
    with django_assert_num_queries(2):
        group.save()
    assert {offer.pk for offer in Offer.objects.search("ahorn")} == offers
    assert {offer.pk for offer in Offer.objects.search("літні", languages=["uk"])} == offers
    assert not Offer.objects.search("lindenhof").exists()


def test_offers_search_columns_hold_only_their_own_texts():
    offer = OfferFactory(
        title_de="Nähcafé am Markt", summary_de="Wir nähen.", provider=ProviderFactory(name="Bildungswerk Ahorn")
    )
    offer.refresh_from_db()
    assert offer.search_text_de == " nahcafe am markt | wir nahen "
    assert "ahorn" not in offer.search_text_uk and offer.category.name_de.casefold() not in offer.search_text_de
