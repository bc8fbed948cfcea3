"""What a visitor sees when a form's token is missing, and Latin names inside right-to-left text."""

import pytest
from django.test import Client

from offers.factories import LocationFactory, OfferFactory, ProviderFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "data"), [("/ar/handout/add/", {"offer": "1"}), ("/ar/accessibility-feedback/", {"message": "x"})]
)
def test_a_post_without_its_security_token_gets_the_portals_page_in_the_visitors_language(url, data):
    response = Client(enforce_csrf_checks=True).post(url, data, HTTP_REFERER="http://testserver/ar/offers/")
    page = response.content.decode()
    assert response.status_code == 403
    assert '<html lang="ar" dir="rtl">' in page
    assert 'href="/ar/"' in page  # a way back into the portal
    assert "CSRF" not in page


def test_a_forbidden_page_gets_the_portals_page_in_the_visitors_language(rf):
    from django.core.exceptions import PermissionDenied
    from django.utils import translation
    from django.views.defaults import permission_denied

    with translation.override("uk"):
        response = permission_denied(rf.get("/uk/"), PermissionDenied())
    page = response.content.decode()
    assert response.status_code == 403
    assert '<html lang="uk" dir="ltr">' in page and 'href="/uk/"' in page


def test_latin_names_on_an_arabic_offer_page_and_handout_are_isolated(client):
    provider = ProviderFactory(name="Sozialdienst Hellweg e. V.")
    location = LocationFactory(provider=provider, name="Beratungsstelle Lünen-Mitte", street="Markt 1")
    offer = OfferFactory(provider=provider, locations=[location], contact_person="Frau Yılmaz")
    detail = client.get(f"/ar/offers/{offer.pk}-{offer.slug}/").content.decode()
    assert "<bdi>Sozialdienst Hellweg e. V.</bdi>" in detail
    assert "<bdi>Beratungsstelle Lünen-Mitte</bdi>" in detail and "<bdi>Markt 1</bdi>" in detail
    assert "<bdi>Frau Yılmaz</bdi>" in detail
    handout = client.get(f"/de/handout/?offers={offer.pk}&client=ar").content.decode()
    assert handout.count("<bdi>Sozialdienst Hellweg e. V.</bdi>") == 2  # German and Arabic column
    assert "<bdi>Beratungsstelle Lünen-Mitte</bdi>" in handout
