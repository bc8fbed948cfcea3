"""Whole pages cached for anonymous visitors (offers.cache.cached_for_visitors)."""

import re

import pytest
from django.contrib.staticfiles.storage import StaticFilesStorage
from django.db import connection
from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_TOKEN_LENGTH
from django.test import Client
from django.test.utils import CaptureQueriesContext

from municipalities.models import Municipality
from offers import cache
from offers.cache import CSRF_PLACEHOLDER
from offers.factories import LocationFactory, OfferFactory

pytestmark = pytest.mark.django_db


def csrf_tokens(response):
    return set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode()))


@pytest.fixture
def offer(unna):
    return OfferFactory(title_de="Sprachcafé", locations=[LocationFactory(municipality=unna)])


@pytest.fixture
def public_urls(offer):
    return [
        "/ar/offers/?municipality=unna",
        offer.get_absolute_url(),
        offer.provider.get_absolute_url(),
        offer.category.get_absolute_url(),
        "/de/towns/unna/",
    ]


def test_a_repeated_page_costs_only_the_version_query_and_each_visitor_gets_a_working_csrf_token(
    offer, public_urls, django_assert_num_queries
):
    for url in public_urls:
        first = Client().get(url)
        assert first.status_code == 200
        with django_assert_num_queries(1) as queries:  # the catalogue version, nothing else
            again = Client().get(url)
        assert "portal_catalogueversion" in queries.captured_queries[0]["sql"]
        assert CSRF_PLACEHOLDER not in again.content.decode()
        without_tokens = [re.sub(rb'name="csrfmiddlewaretoken" value="[^"]+"', b"", r.content) for r in (first, again)]
        assert without_tokens[0] == without_tokens[1], url

    visitor = Client(enforce_csrf_checks=True)
    page = visitor.get("/ar/offers/?municipality=unna")  # served from the cache
    (token,) = csrf_tokens(page)
    assert visitor.cookies["csrftoken"].value
    added = visitor.post("/ar/handout/add/", {"offer": offer.pk, "next": "/ar/offers/", "csrfmiddlewaretoken": token})
    assert added.status_code == 302
    assert visitor.session["handout_offers"] == [offer.pk]
    assert csrf_tokens(Client().get("/ar/offers/?municipality=unna")).isdisjoint({token})


def add_to_handout(visitor, offer, token):
    return visitor.post("/ar/handout/add/", {"offer": offer.pk, "next": "/ar/offers/", "csrfmiddlewaretoken": token})


def test_a_cached_pages_token_posts_only_with_the_cookie_it_came_with(offer):
    url = "/ar/offers/?municipality=unna"
    Client().get(url)  # now in the cache
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    (first_token,) = csrf_tokens(first.get(url))
    (second_token,) = csrf_tokens(second.get(url))
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value
    forged = "".join(sorted(first_token))  # the right length and characters, not the right token
    assert add_to_handout(first, offer, forged).status_code == 403
    assert add_to_handout(first, offer, second_token).status_code == 403  # another visitor's
    assert add_to_handout(Client(enforce_csrf_checks=True), offer, first_token).status_code == 403  # no cookie
    assert add_to_handout(first, offer, first_token).status_code == 302
    assert first.session["handout_offers"] == [offer.pk]


def test_a_returning_visitor_keeps_their_cookie_and_each_cached_page_masks_it_anew(offer):
    url = "/ar/offers/?municipality=unna"
    Client().get(url)
    visitor = Client(enforce_csrf_checks=True)
    (first_token,) = csrf_tokens(visitor.get(url))
    cookie = visitor.cookies["csrftoken"].value
    (second_token,) = csrf_tokens(visitor.get(url))
    assert visitor.cookies["csrftoken"].value == cookie
    assert second_token != first_token
    assert add_to_handout(visitor, offer, second_token).status_code == 302
    assert add_to_handout(visitor, offer, first_token).status_code == 302  # an earlier tab's form still posts


def test_a_new_visitors_token_takes_every_character_equally_often(monkeypatch):
    """Each of the 256 values of a random byte once: each of the 62 characters is four of them, the 8 left over are dropped."""
    every_byte = bytes(range(256))
    monkeypatch.setattr(cache.secrets, "token_bytes", lambda length: every_byte)
    drawn = cache.random_token()
    assert len(drawn) == CSRF_TOKEN_LENGTH and set(drawn) <= set(CSRF_ALLOWED_CHARS)
    # 248 characters come from one read, the first 64 of them are taken: the bytes 0 to 63.
    assert drawn == "".join(CSRF_ALLOWED_CHARS[byte % 62] for byte in range(64))
    monkeypatch.setattr(cache.secrets, "token_bytes", lambda length: bytes(range(248, 256)) + every_byte[:8])
    assert cache.random_token() == (CSRF_ALLOWED_CHARS[:8] * 8)  # only the bytes below 248 count


def test_a_visitor_with_a_session_sees_their_own_selection_not_the_cached_page(client, offer):
    url = "/de/offers/?municipality=unna"
    assert "Aus der Handreichung nehmen" not in Client().get(url).content.decode()
    client.post("/de/handout/add/", {"offer": offer.pk, "next": url})
    page = client.get(url).content.decode()
    assert "Aus der Handreichung nehmen" in page and "Handreichung ansehen" in page
    assert "Aus der Handreichung nehmen" not in Client().get(url).content.decode()


def test_an_edit_is_on_the_next_cached_page(offer, public_urls):
    for url in public_urls:
        Client().get(url)
    offer.title_de = "Sprachtreff"
    offer.save()
    for url in public_urls[:-1]:
        page = Client().get(url, follow=True).content.decode()
        assert "Sprachtreff" in page and "Sprachcafé" not in page, url
    town = Municipality.objects.get(slug="unna")
    town.population = 123456
    town.save()
    assert "<bdi>123.456</bdi>" in Client().get("/de/towns/unna/").content.decode()  # as German writes it


def test_errors_and_redirects_are_not_cached_and_never_show_the_placeholder(offer):
    for url in (f"/de/offers/{offer.pk}-falscher-name/", "/de/offers/999999/", "/de/towns/atlantis/"):
        for _ in range(2):
            response = Client().get(url)
            assert response.status_code in (301, 404)
            assert CSRF_PLACEHOLDER not in response.content.decode()


def test_a_page_cached_by_one_release_is_not_served_by_the_next(offer, public_urls, monkeypatch):
    """During a rolling release the servers share Redis; the new one must not hand out pages
    naming the old release's static files, which its whitenoise no longer has."""
    # Production's ManifestStaticFilesStorage has a manifest_hash; the tests' plain storage gets one here.
    monkeypatch.setattr(StaticFilesStorage, "manifest_hash", "release-1", raising=False)
    for url in public_urls:
        Client().get(url)
    monkeypatch.setattr(StaticFilesStorage, "manifest_hash", "release-2")
    for url in public_urls:
        with CaptureQueriesContext(connection) as rendered:
            assert Client().get(url).status_code == 200
        assert len(rendered) > 0, url
