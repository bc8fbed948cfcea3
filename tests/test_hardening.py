"""Hostile input: stored markup never runs, and no public URL answers 500."""

import re

import pytest
from django.conf import settings
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from municipalities.factories import MunicipalityFactory
from offers.factories import CategoryFactory, LocationFactory, OfferFactory, ProviderFactory, TargetGroupFactory
from offers.models import Offer, translated_field_names

pytestmark = pytest.mark.django_db

PAYLOAD = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'><svg onload=alert(3)>"
LANGUAGES = [code for code, _name in settings.LANGUAGES]


def executable(page):
    """Script tags or event-handler attributes that came from the payload."""
    return re.findall(r"<script>alert|<(?:img|svg)\b[^>]*\son(?:error|load)=", page)


def test_markup_stored_in_every_text_field_never_runs(client, ki_editor, unna):
    provider = ProviderFactory(**{f"description_{code}": PAYLOAD for code in LANGUAGES}, name=f"Träger {PAYLOAD}")
    location = LocationFactory(
        provider=provider,
        municipality=unna,
        name=PAYLOAD,
        street=PAYLOAD,
        **{f"opening_hours_{code}": PAYLOAD for code in LANGUAGES},
    )
    texts = {f"{name}_{code}": PAYLOAD for name in translated_field_names(Offer) for code in LANGUAGES}
    offer = OfferFactory(
        provider=provider, locations=[location], contact_person=PAYLOAD, **{**texts, "title_de": f"Kurs {PAYLOAD}"}
    )
    # Names that the filter form, the badges and the chips show.
    names = {f"name_{code}": PAYLOAD for code in LANGUAGES}
    town = MunicipalityFactory(district=unna.district, name=f"Stadt {PAYLOAD}", slug="stadt")
    OfferFactory(
        category=CategoryFactory(**names),
        target_groups=[TargetGroupFactory(**names)],
        locations=[LocationFactory(municipality=town)],
    )
    urls = []
    for code in LANGUAGES:
        urls += [
            f"/{code}/offers/",
            f"/{code}/offers/?q=kurs",
            f"/{code}/offers/?municipality=stadt",
            f"/{code}/offers/{offer.pk}-{offer.slug}/",
            f"/{code}/towns/unna/",
            f"/{code}/categories/{offer.category.slug}/",
            f"/{code}/providers/{provider.slug}/",
            f"/{code}/handout/?offers={offer.pk}&client=ar",
        ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert executable(response.content.decode()) == [], url
    client.force_login(ki_editor)
    for url in (
        f"/admin/offers/offer/{offer.pk}/change/",
        "/admin/offers/offer/",
        f"/admin/offers/provider/{provider.pk}/change/",
    ):
        page = client.get(url).content.decode()
        assert executable(page) == [], url


PARAMETERS = [
    "municipality",
    "category",
    "target_group",
    "language",
    "free",
    "childcare",
    "women_only",
    "online",
    "q",
    "page",
    "offers",
    "client",
]
PATHS = [
    "/{lang}/",
    "/{lang}/offers/",
    "/{lang}/offers/{text}/",
    "/{lang}/offers/1-{text}/",
    "/{lang}/towns/{text}/",
    "/{lang}/categories/{text}/",
    "/{lang}/providers/{text}/",
    "/{lang}/info/{text}/",
    "/{lang}/handout/",
]
text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60)


@hypothesis_settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    path=st.sampled_from(PATHS),
    language=st.sampled_from([*LANGUAGES, "xx", "de-at", ""]),
    segment=text,
    query=st.lists(st.tuples(st.sampled_from(PARAMETERS), text), max_size=6),
)
def test_no_public_url_or_parameter_gives_a_500(client, path, language, segment, query):
    from urllib.parse import quote

    url = path.format(lang=language, text=quote(segment, safe="")) if language else "/"
    response = client.get(url, query)
    assert response.status_code in (200, 301, 302, 404), (url, query)


@pytest.mark.parametrize("parameter", PARAMETERS)
@pytest.mark.parametrize("path", ["/de/offers/", "/ar/handout/"])
def test_nul_bytes_in_any_parameter_are_harmless(client, parameter, path):
    assert client.get(path, {parameter: "unna\x00"}).status_code in (200, 302)


@pytest.mark.parametrize("path", PATHS)
def test_nul_bytes_in_any_path_are_harmless(client, path):
    assert client.get(path.format(lang="de", text="x%00y")).status_code in (200, 301, 302, 404)
