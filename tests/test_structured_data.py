"""schema.org JSON-LD on offer pages, read back as a search engine reads it (extruct)."""

import extruct
import pytest

from offers.factories import (
    IntegrationCourseFactory,
    LocationFactory,
    OfferFactory,
    ProviderFactory,
    TargetGroupFactory,
)
from offers.models import Provider


def json_ld(client, offer, language="de"):
    address = f"/{language}/offers/{offer.pk}-{offer.slug}/"
    response = client.get(address)
    assert response.status_code == 200
    # Served under the strict policy: no inline script may run, and this data block needs none to.
    assert "script-src 'self'" in response["Content-Security-Policy"]
    data = extruct.extract(response.content.decode(), base_url=f"http://testserver{address}", syntaxes=["json-ld"])
    assert len(data["json-ld"]) == 1
    return data["json-ld"][0]


def test_counselling_is_a_service_with_its_provider_places_and_languages(client, db, unna):
    provider = ProviderFactory(name="Caritas Unna", phone="02303 555-200", website="https://caritas.example.org/")
    offer = OfferFactory(
        title_de="Migrationsberatung",
        title_ar="استشارات الهجرة",
        provider=provider,
        locations=[LocationFactory(municipality=unna, name="Beratungsstelle Mitte", latitude="51.5", longitude="7.7")],
        target_groups=[TargetGroupFactory(name_de="Geflüchtete")],
        languages=["de", "ar"],
        free_of_charge=True,
        phone="02303 555-201",
    )
    data = json_ld(client, offer, "ar")
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Service"
    assert data["name"] == "استشارات الهجرة"
    assert data["url"] == f"http://testserver/ar/offers/{offer.pk}-{offer.slug}/"
    assert data["provider"] == {
        "@type": "Organization",
        "name": "Caritas Unna",
        "url": f"http://testserver/ar/providers/{provider.slug}/",
        "telephone": "02303 555-200",
        "sameAs": "https://caritas.example.org/",
    }
    channel = data["availableChannel"]
    assert sorted(channel["availableLanguage"]) == ["ar", "de"]
    assert channel["serviceLocation"][0]["address"]["addressLocality"] == "Unna"
    assert channel["serviceLocation"][0]["geo"]["latitude"] == 51.5
    assert data["areaServed"] == ["Unna"]
    assert data["isAccessibleForFree"] is True
    assert "Geflüchtete" in data["audience"]["audienceType"]


def test_an_authoritys_offer_is_a_government_service(client, db):
    offer = OfferFactory(provider=ProviderFactory(kind=Provider.Kind.AUTHORITY), format="online")
    data = json_ld(client, offer)
    assert data["@type"] == "GovernmentService"
    assert data["provider"]["@type"] == "GovernmentOrganization"


def test_an_integration_course_is_a_course(client, db, unna):
    course = IntegrationCourseFactory(offer__locations=[LocationFactory(municipality=unna)], offer__languages=["de"])
    data = json_ld(client, course.offer)
    assert data["@type"] == "Course"
    assert data["provider"]["name"] == course.offer.provider.name
    assert data["inLanguage"] == ["de"]
    # Runs come as CourseInstance once the portal keeps them.
    assert "hasCourseInstance" not in data


@pytest.mark.parametrize("title", ["</script><script>alert(1)</script>", "A & B <b>fett</b>"])
def test_no_text_can_end_the_data_block(client, db, title):
    offer = OfferFactory(title_de=title, format="online")
    page = client.get(f"/de/offers/{offer.pk}-{offer.slug}/").content.decode()
    assert "<script>alert" not in page
    assert json_ld(client, offer)["name"] == title
