"""schema.org JSON-LD on offer pages, read back as a search engine reads it (extruct)."""

import datetime

import extruct
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from offers.factories import (
    ClosureFactory,
    CourseRunFactory,
    IntegrationCourseFactory,
    LocationFactory,
    OfferFactory,
    ProviderFactory,
    TargetGroupFactory,
    WeeklyHoursFactory,
)
from offers.models import Category, HoursKind, Provider


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
    # No runs: no course instances.
    assert "hasCourseInstance" not in data


def days(count):
    return timezone.localdate() + datetime.timedelta(days=count)


def test_a_courses_upcoming_runs_are_its_course_instances(client, db, unna):
    place = LocationFactory(municipality=unna, name="Haus am Markt", latitude="51.5", longitude="7.7")
    course = IntegrationCourseFactory(offer__locations=[place]).offer
    CourseRunFactory(
        offer=course,
        location=place,
        start_date=days(20),
        end_date=days(200),
        weekdays=[1, 2, 4],
        class_start=datetime.time(8, 45),
        class_end=datetime.time(12),
        max_places=20,
        free_places=6,
        places_reported_on=days(-3),
    )
    CourseRunFactory(offer=course, start_date=days(60), end_date=None, weekdays=[6], places_reported_on=days(-30))
    CourseRunFactory(offer=course, start_date=days(90), is_cancelled=True)
    CourseRunFactory(offer=course, start_date=days(-300), end_date=days(-1), note_de="Vorbei")
    data = json_ld(client, course)
    instances = data["hasCourseInstance"]
    assert [instance["startDate"] for instance in instances] == [
        days(20).isoformat(),
        days(60).isoformat(),
        days(90).isoformat(),
    ]
    first, second, cancelled = instances
    assert first["@type"] == "CourseInstance"
    assert first["endDate"] == days(200).isoformat()
    assert first["courseSchedule"] == {
        "@type": "Schedule",
        "repeatFrequency": "P1W",
        "byDay": ["https://schema.org/Monday", "https://schema.org/Tuesday", "https://schema.org/Thursday"],
        "startTime": "08:45",
        "endTime": "12:00",
        "startDate": days(20).isoformat(),
        "endDate": days(200).isoformat(),
        "scheduleTimezone": "Europe/Berlin",
    }
    assert first["location"]["name"] == "Haus am Markt"
    assert first["location"]["address"]["addressLocality"] == "Unna"
    assert (first["maximumAttendeeCapacity"], first["remainingAttendeeCapacity"]) == (20, 6)
    assert first["eventStatus"] == "https://schema.org/EventScheduled"
    # A figure of 30 days ago is no fact: no capacity at all. No end date: none said.
    assert "remainingAttendeeCapacity" not in second and "maximumAttendeeCapacity" not in second
    assert "endDate" not in second and second["courseSchedule"]["byDay"] == ["https://schema.org/Saturday"]
    assert cancelled["eventStatus"] == "https://schema.org/EventCancelled"


def test_a_language_course_with_runs_is_a_course_counselling_with_runs_stays_a_service(client, db):
    course = OfferFactory(category=Category.objects.get(slug="berufssprachkurs"), format="online")
    CourseRunFactory(offer=course)
    assert json_ld(client, course)["@type"] == "Course"
    counselling = OfferFactory(category=Category.objects.get(slug="beratung"), format="online")
    CourseRunFactory(offer=counselling)
    data = json_ld(client, counselling)
    assert data["@type"] == "Service" and "hasCourseInstance" not in data


def test_weekly_hours_are_opening_hours_specifications(client, db, unna):
    place = LocationFactory(municipality=unna, name="Beratungsstelle Mitte")
    WeeklyHoursFactory(location=place, weekday=0, opens_at=datetime.time(9), closes_at=datetime.time(12))
    WeeklyHoursFactory(
        location=place,
        weekday=3,
        opens_at=datetime.time(14),
        closes_at=datetime.time(16, 30),
        kind=HoursKind.APPOINTMENT,
    )
    offer = OfferFactory(category=Category.objects.get(slug="beratung"), locations=[place])
    data = json_ld(client, offer, "en")
    hours = data["availableChannel"]["serviceLocation"][0]["openingHoursSpecification"]
    assert [(hour["dayOfWeek"], hour["opens"], hour["closes"]) for hour in hours] == [
        ("https://schema.org/Monday", "09:00", "12:00"),
        ("https://schema.org/Thursday", "14:00", "16:30"),
    ]
    assert hours[0]["@type"] == "OpeningHoursSpecification"
    assert [hour["name"] for hour in hours] == ["Walk-in hours", "By appointment only"]
    assert "hoursAvailable" not in data
    # An offer with hours of its own: the service's hours (schema.org's Service has hoursAvailable).
    own = OfferFactory(category=Category.objects.get(slug="migrationsberatung-erwachsene"), format="online")
    WeeklyHoursFactory(offer=own, weekday=1, opens_at=datetime.time(10), closes_at=datetime.time(13))
    hours = json_ld(client, own)["hoursAvailable"]
    assert [(hour["@type"], hour["dayOfWeek"], hour["opens"], hour["closes"]) for hour in hours] == [
        ("OpeningHoursSpecification", "https://schema.org/Tuesday", "10:00", "13:00")
    ]


def test_closures_are_special_opening_hours_closed_all_day(client, db, unna):
    today = timezone.localdate()
    day = datetime.timedelta(days=1)
    place = LocationFactory(municipality=unna, name="Beratungsstelle Mitte")
    WeeklyHoursFactory(location=place, weekday=0, opens_at=datetime.time(9), closes_at=datetime.time(12))
    ClosureFactory(location=place, starts_on=today + 5 * day, ends_on=today + 19 * day, reason_en="Staff holidays")
    ClosureFactory(location=place, starts_on=today - 9 * day, ends_on=today - day, reason_de="Vorbei")
    offer = OfferFactory(category=Category.objects.get(slug="beratung"), locations=[place])
    ClosureFactory(offer=offer, starts_on=today + 2 * day, reason_de="")
    WeeklyHoursFactory(offer=offer, weekday=1, opens_at=datetime.time(10), closes_at=datetime.time(13))
    data = json_ld(client, offer, "en")
    located = data["availableChannel"]["serviceLocation"][0]
    # The place's own closure and the offer's (it closes the offer there too); the one over is gone.
    assert located["specialOpeningHoursSpecification"] == [
        {
            "@type": "OpeningHoursSpecification",
            "name": "Staff holidays",
            "validFrom": (today + 5 * day).isoformat(),
            "validThrough": (today + 19 * day).isoformat(),
            "opens": "00:00",
            "closes": "00:00",
        },
        {
            "@type": "OpeningHoursSpecification",
            "validFrom": (today + 2 * day).isoformat(),
            "validThrough": (today + 2 * day).isoformat(),
            "opens": "00:00",
            "closes": "00:00",
        },
    ]
    assert [hour["dayOfWeek"] for hour in located["openingHoursSpecification"]] == ["https://schema.org/Monday"]
    # The service's own hours carry its own closure beside them, dated.
    own = data["hoursAvailable"]
    assert [(hour.get("dayOfWeek"), hour.get("validFrom"), hour["opens"], hour["closes"]) for hour in own] == [
        ("https://schema.org/Tuesday", None, "10:00", "13:00"),
        (None, (today + 2 * day).isoformat(), "00:00", "00:00"),
    ]


def test_the_runs_and_hours_cost_the_offer_page_no_query(client, db, unna):
    place = LocationFactory(municipality=unna)
    course = IntegrationCourseFactory(offer__locations=[place]).offer
    CourseRunFactory(offer=course, location=place)
    WeeklyHoursFactory(location=place)

    def queries():
        from django.core.cache import cache

        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            json_ld(client, course)
        return len(captured)

    before = queries()
    for _ in range(3):
        CourseRunFactory(offer=course, location=LocationFactory(municipality=unna))
        WeeklyHoursFactory(location=place, weekday=4)
        ClosureFactory(location=place, starts_on=timezone.localdate())
    assert queries() == before


@pytest.mark.parametrize("title", ["</script><script>alert(1)</script>", "A & B <b>fett</b>"])
def test_no_text_can_end_the_data_block(client, db, title):
    offer = OfferFactory(title_de=title, format="online")
    page = client.get(f"/de/offers/{offer.pk}-{offer.slug}/").content.decode()
    assert "<script>alert" not in page
    assert json_ld(client, offer)["name"] == title
