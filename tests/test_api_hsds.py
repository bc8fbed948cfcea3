"""The open data API in the Open Referral standard (HSDS 3.0): what a machine reads at /api/hsds/."""

import datetime
import json
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from offers.factories import (
    CategoryFactory,
    ClosureFactory,
    CourseRunFactory,
    LocationFactory,
    OfferFactory,
    ProviderFactory,
    TargetGroupFactory,
    WeeklyHoursFactory,
)
from offers.models import HoursKind, Offer

from . import hsds_standard

API = "/api/hsds"


@pytest.fixture
def catalogue(db, unna, luenen, django_user_model):
    editor = django_user_model.objects.create_user("redakteurin.mueller", email="mueller@example.org")
    provider = ProviderFactory(
        name="Sprachschule Lindenhof",
        description_de="Deutschkurse seit 1990.",
        description_ar="دورات اللغة الألمانية منذ 1990.",
        email="info@lindenhof.example.org",
        website="https://lindenhof.example.org/",
        phone="02303 555-100",
        bamf_provider_number="123-45",
    )
    provider.editors.add(editor)
    place = LocationFactory(
        provider=provider,
        name="Lindenhof Unna-Mitte",
        municipality=unna,
        latitude="51.537000",
        longitude="7.689000",
        wheelchair_access="yes",
    )
    far_place = LocationFactory(
        provider=provider, name="Lindenhof Lünen", municipality=luenen, latitude="51.616000", longitude="7.528000"
    )
    category = CategoryFactory(name_de="Sprachkurse", name_ar="دورات اللغة", explanation_de="Deutsch lernen.")
    women = TargetGroupFactory(name_de="Frauen", name_ar="نساء")
    course = OfferFactory(
        title_de="Deutschkurs am Vormittag",
        title_ar="دورة ألمانية صباحية",
        summary_de="Deutsch für den Alltag.",
        description_de="Vier Vormittage die Woche.",
        registration_info_de="Bitte Aufenthaltstitel mitbringen.",
        costs_note_de="1,50 € pro Stunde",
        provider=provider,
        category=category,
        locations=[place, far_place],
        target_groups=[women],
        languages=["de", "ar"],
        min_age=18,
        max_age=65,
        women_only=True,
        contact_person="Frau Erika Beispiel",
        phone="02303 555-101",
        email="kurs@lindenhof.example.org",
    )
    free = OfferFactory(
        title_de="Offene Sprechstunde",
        provider=provider,
        category=category,
        whole_district=unna.district,
        free_of_charge=True,
        languages=["de", "tr"],
    )
    today = timezone.localdate()
    day = datetime.timedelta(days=1)
    runs = {
        "next": CourseRunFactory(
            offer=course,
            location=place,
            start_date=today + 20 * day,
            end_date=today + 200 * day,
            weekdays=[1, 2, 4],
            class_start=datetime.time(8, 45),
            class_end=datetime.time(12),
            note_de="Mit Kinderbetreuung.",
            note_ar="مع رعاية الأطفال.",
            max_places=20,
            free_places=6,
            places_reported_on=today - 3 * day,
            places_reported_by=editor,
        ),
        "later": CourseRunFactory(
            offer=course,
            start_date=today + 90 * day,
            end_date=None,
            weekdays=[6],
            class_start=datetime.time(10),
            class_end=datetime.time(14),
            note_de="Samstagskurs.",
            max_places=None,
            free_places=15,
            places_reported_on=today - 30 * day,
        ),
        "unreported": CourseRunFactory(offer=course, free_places=None, places_reported_on=None),
        "cancelled": CourseRunFactory(offer=course, is_cancelled=True, note_de="Abgesagter Geheimtermin"),
        "over": CourseRunFactory(
            offer=course, start_date=today - 100 * day, end_date=today - day, note_de="Vorbei Geheimtermin"
        ),
    }
    hours = {
        "walk_in": WeeklyHoursFactory(
            location=place, weekday=0, opens_at=datetime.time(9), closes_at=datetime.time(12)
        ),
        "appointment": WeeklyHoursFactory(
            location=place,
            weekday=3,
            opens_at=datetime.time(14),
            closes_at=datetime.time(16, 30),
            kind=HoursKind.APPOINTMENT,
        ),
        "own": WeeklyHoursFactory(offer=free, weekday=1, opens_at=datetime.time(10), closes_at=datetime.time(13)),
    }
    hidden = [
        OfferFactory(title_de="Entwurf Geheimkurs", provider=provider, category=category, status=Offer.Status.DRAFT),
        OfferFactory(
            title_de="Eingereicht Geheimkurs", provider=provider, category=category, status=Offer.Status.SUBMITTED
        ),
        OfferFactory(
            title_de="Abgelaufen Geheimkurs",
            provider=provider,
            category=category,
            locations=[place],
            visible_until=timezone.localdate() - datetime.timedelta(days=1),
        ),
    ]
    return {
        "provider": provider,
        "place": place,
        "far_place": far_place,
        "category": category,
        "women": women,
        "course": course,
        "free": free,
        "hidden": hidden,
        "editor": editor,
        "runs": runs,
        "hours": hours,
    }


def get(client, path, **headers):
    response = client.get(path, **headers)
    assert response.status_code == 200, (path, response.status_code, response.content[:300])
    return response.json()


def sal_id(offer, place):
    from api.hsds import service_at_location_id

    return service_at_location_id(offer.pk, place.pk)


def addresses(catalogue):
    """Each path of the profile, with an address of ours that answers it."""
    course, place = catalogue["course"], catalogue["place"]
    return [
        ("/", f"{API}/"),
        ("/services", f"{API}/services"),
        ("/services", f"{API}/services?full=true&lang=ar"),
        ("/services/{id}", f"{API}/services/{course.uuid}"),
        ("/services/{id}", f"{API}/services/{catalogue['free'].uuid}?lang=ar"),
        ("/organizations", f"{API}/organizations"),
        ("/organizations/{id}", f"{API}/organizations/{catalogue['provider'].uuid}?full_service=true"),
        ("/service_at_locations", f"{API}/service_at_locations?lang=ar"),
        ("/service_at_locations/{id}", f"{API}/service_at_locations/{sal_id(course, place)}"),
        ("/taxonomies", f"{API}/taxonomies"),
        ("/taxonomies/{id}", f"{API}/taxonomies/{catalogue['taxonomies'][0]}"),
        ("/taxonomy_terms", f"{API}/taxonomy_terms?lang=ar"),
        ("/taxonomy_terms/{id}", f"{API}/taxonomy_terms/{catalogue['category'].uuid}"),
    ]


@pytest.fixture
def with_taxonomies(catalogue):
    from api.hsds import TAXONOMIES

    catalogue["taxonomies"] = TAXONOMIES
    return catalogue


PATHS = [
    "/",
    "/services",
    "/services/{id}",
    "/organizations",
    "/organizations/{id}",
    "/service_at_locations",
    "/service_at_locations/{id}",
    "/taxonomies",
    "/taxonomies/{id}",
    "/taxonomy_terms",
    "/taxonomy_terms/{id}",
]


def test_every_path_of_the_profile_is_checked():
    hsds_standard.require_standard()
    assert set(PATHS) == set(hsds_standard.openapi()["paths"])


@pytest.mark.parametrize("path", PATHS)
def test_each_endpoint_answers_what_the_profile_names_for_its_path(client, with_taxonomies, path):
    hsds_standard.require_standard()
    checked = [address for known, address in addresses(with_taxonomies) if known == path]
    assert checked
    for address in checked:
        body = get(client, address)
        assert hsds_standard.errors(path, body) == [], address


def test_the_schemas_catch_a_wrong_answer(client, with_taxonomies):
    # The check is real: a service without its id, with an id that is no UUID or an e-mail that is none fails.
    hsds_standard.require_standard()
    body = get(client, f"{API}/services/{with_taxonomies['course'].uuid}")
    assert hsds_standard.errors("/services/{id}", {**body, "id": "12"}) != []
    assert hsds_standard.errors("/services/{id}", {**body, "email": "not an address"}) != []
    assert hsds_standard.errors("/services/{id}", {**body, "url": "not an address"}) != []
    assert hsds_standard.errors("/services/{id}", {**body, "last_modified": "2026-01-01 12:00"}) != []
    del body["name"]
    assert hsds_standard.errors("/services/{id}", body) != []


def test_the_service_at_location_quirk_the_profile_names_the_service_schema(client, with_taxonomies):
    # The profile's OpenAPI file gives compiled/service.json for /service_at_locations/{id}: we answer
    # with the fully nested service narrowed to that one place, so it validates and says which pair it is.
    hsds_standard.require_standard()
    schema = hsds_standard.openapi()["paths"]["/service_at_locations/{id}"]["get"]["responses"]["200"]
    assert schema["content"]["application/json"]["schema"]["$ref"].endswith("/compiled/service.json")
    course, place = with_taxonomies["course"], with_taxonomies["place"]
    body = get(client, f"{API}/service_at_locations/{sal_id(course, place)}")
    assert body["id"] == str(course.uuid)
    assert [pair["id"] for pair in body["service_at_locations"]] == [sal_id(course, place)]
    assert body["service_at_locations"][0]["location"]["name"] == "Lindenhof Unna-Mitte"


def test_a_service_carries_the_offers_facts(client, catalogue):
    course = catalogue["course"]
    body = get(client, f"{API}/services/{course.uuid}")
    assert body["name"] == "Deutschkurs am Vormittag"
    assert body["description"] == "Deutsch für den Alltag.\n\nVier Vormittage die Woche."
    assert body["organization"]["name"] == "Sprachschule Lindenhof"
    assert body["organization_id"] == str(catalogue["provider"].uuid)
    assert body["minimum_age"] == 18 and body["maximum_age"] == 65
    assert body["eligibility_description"] == "Frauen; Nur für Frauen; Alter: 18 bis 65 Jahre"
    assert body["fees_description"] == "1,50 € pro Stunde"
    assert body["application_process"] == "Bitte Aufenthaltstitel mitbringen."
    assert sorted(language["code"] for language in body["languages"]) == ["ar", "de"]
    assert body["phones"][0]["number"] == "02303 555-101"
    assert body["url"] == f"http://testserver/de/offers/{course.pk}-{course.slug}/"
    assert {pair["location"]["addresses"][0]["city"] for pair in body["service_at_locations"]} == {"Unna", "Lünen"}
    terms = {attribute["taxonomy_term"]["name"] for attribute in body["attributes"]}
    assert terms == {"Sprachkurse", "Frauen"}
    free = get(client, f"{API}/services/{catalogue['free'].uuid}")
    assert free["cost_options"][0]["amount"] == 0
    assert free["service_areas"][0]["name"] == "Kreis Unna"


def by_id(items):
    return {item["id"]: item for item in items}


def test_a_courses_runs_are_its_schedules_and_their_free_places_its_capacity(client, catalogue):
    course, place, runs = catalogue["course"], catalogue["place"], catalogue["runs"]
    today = timezone.localdate()
    body = get(client, f"{API}/services/{course.uuid}?lang=ar")
    schedules = body["schedules"]
    # Upcoming runs in order of their start; the cancelled and the finished ones are left out.
    assert [item["valid_from"] for item in schedules] == [
        runs[name].start_date.isoformat() for name in ("next", "unreported", "later")
    ]
    first = schedules[0]
    assert first["service_id"] == str(course.uuid)
    assert (first["valid_to"], first["freq"], first["wkst"], first["byday"]) == (
        runs["next"].end_date.isoformat(),
        "WEEKLY",
        "MO",
        "MO,TU,TH",
    )
    assert (first["opens_at"], first["closes_at"]) == ("08:45", "12:00")
    assert first["service_at_location_id"] == sal_id(course, place)
    assert "مع رعاية الأطفال." in first["description"]
    last = schedules[2]
    assert (
        "valid_to" not in last
        and last["byday"] == "SA"
        and (last["opens_at"], last["closes_at"])
        == (
            "10:00",
            "14:00",
        )
    )
    # Its note has no Arabic text: German stands in, and the metadata says so for that schedule.
    assert "Samstagskurs." in last["description"]
    fallback = {item["id"]: item["fields"] for item in body["response_metadata"]["german_fallback"]}
    assert fallback[last["id"]] == ["description"]
    assert first["id"] not in fallback
    # Free places per run with a figure, with the day it was reported (never who reported it).
    capacity = body["service_capacity"]
    assert [(item["available"], item.get("maximum")) for item in capacity] == [(6, 20), (15, None)]
    assert [datetime.datetime.fromisoformat(item["updated"]).date() for item in capacity] == [
        today - datetime.timedelta(days=3),
        today - datetime.timedelta(days=30),
    ]
    assert all(item["service_id"] == str(course.uuid) and item["unit"]["name"] for item in capacity)
    text = json.dumps(body, ensure_ascii=False)
    assert "Geheimtermin" not in text and "mueller" not in text and "redakteurin" not in text
    # The ids are stable UUIDs of their own.
    again = get(client, f"{API}/services/{course.uuid}?lang=ar")
    ids = [item["id"] for item in schedules + capacity]
    assert ids == [item["id"] for item in again["schedules"] + again["service_capacity"]]
    assert len(set(ids)) == len(ids) and all(str(uuid.UUID(value)) == value for value in ids)


def test_a_services_own_hours_and_a_locations_hours_are_schedules(client, catalogue):
    free, place, course = catalogue["free"], catalogue["place"], catalogue["course"]
    own = get(client, f"{API}/services/{free.uuid}")["schedules"]
    assert [(item["byday"], item["opens_at"], item["closes_at"], item["freq"]) for item in own] == [
        ("TU", "10:00", "13:00", "WEEKLY")
    ]
    assert own[0]["service_id"] == str(free.uuid) and own[0]["attending_type"] == "walk_in"
    body = get(client, f"{API}/services/{course.uuid}?lang=en")
    located = {pair["location"]["name"]: pair["location"] for pair in body["service_at_locations"]}
    schedules = located["Lindenhof Unna-Mitte"]["schedules"]
    assert [(item["byday"], item["opens_at"], item["closes_at"], item["attending_type"]) for item in schedules] == [
        ("MO", "09:00", "12:00", "walk_in"),
        ("TH", "14:00", "16:30", "appointment"),
    ]
    assert {item["location_id"] for item in schedules} == {str(place.uuid)}
    assert "Monday" in schedules[0]["description"] and "Thursday" in schedules[1]["description"]
    assert located["Lindenhof Lünen"]["schedules"] == []
    organization = get(client, f"{API}/organizations/{catalogue['provider'].uuid}")
    places = {location["name"]: location for location in organization["locations"]}
    assert [item["attending_type"] for item in places["Lindenhof Unna-Mitte"]["schedules"]] == [
        "walk_in",
        "appointment",
    ]


def test_closures_are_schedules_valid_on_the_closed_days_without_opening_times(client, catalogue):
    free, place, course, provider = catalogue["free"], catalogue["place"], catalogue["course"], catalogue["provider"]
    today = timezone.localdate()
    day = datetime.timedelta(days=1)
    holidays = ClosureFactory(
        location=place, starts_on=today + 10 * day, ends_on=today + 24 * day, reason_ar="عطلة الموظفين"
    )
    ClosureFactory(location=place, starts_on=today - 20 * day, ends_on=today - day, reason_de="Vorbei")
    move = ClosureFactory(offer=free, starts_on=today + 3 * day, reason_de="Umzug", reason_ar="")

    def closed(schedules):
        return [item for item in schedules if "opens_at" not in item]

    own = get(client, f"{API}/services/{free.uuid}?lang=ar")
    assert closed(own["schedules"]) == [
        {
            "id": closed(own["schedules"])[0]["id"],
            "service_id": str(free.uuid),
            "valid_from": move.starts_on.isoformat(),
            "valid_to": move.starts_on.isoformat(),
            "description": "مغلق: Umzug",
            "notes": "closed",
        }
    ]
    # The reason had no Arabic: German stood in, and the metadata says so.
    fallbacks = {entry["id"]: entry["fields"] for entry in own["response_metadata"]["german_fallback"]}
    assert fallbacks[closed(own["schedules"])[0]["id"]] == ["description"]
    body = get(client, f"{API}/services/{course.uuid}?lang=ar")
    located = {pair["location"]["name"]: pair["location"] for pair in body["service_at_locations"]}
    assert [
        (item["location_id"], item["valid_from"], item["valid_to"], item["description"])
        for item in closed(located["Lindenhof Unna-Mitte"]["schedules"])
    ] == [(str(place.uuid), holidays.starts_on.isoformat(), holidays.ends_on.isoformat(), "مغلق: عطلة الموظفين")]
    assert closed(located["Lindenhof Lünen"]["schedules"]) == []
    organization = get(client, f"{API}/organizations/{provider.uuid}?full_service=true")
    places = {location["name"]: location for location in organization["locations"]}
    assert [item["valid_from"] for item in closed(places["Lindenhof Unna-Mitte"]["schedules"])] == [
        holidays.starts_on.isoformat()
    ]
    hsds_standard.require_standard()
    assert hsds_standard.errors("/services/{id}", own) == []
    assert hsds_standard.errors("/services/{id}", body) == []
    assert hsds_standard.errors("/organizations/{id}", organization) == []
    listed = get(client, f"{API}/services?full=true")
    assert hsds_standard.errors("/services", listed) == []


def test_a_run_that_ends_today_leaves_the_cached_answer_at_midnight(client, catalogue, monkeypatch):
    course = catalogue["course"]
    today = timezone.localdate()
    ending = CourseRunFactory(offer=course, start_date=today - datetime.timedelta(days=60), end_date=today)
    address = f"{API}/services/{course.uuid}"
    assert ending.start_date.isoformat() in [item.get("valid_from") for item in get(client, address)["schedules"]]
    monkeypatch.setattr(timezone, "localdate", lambda *args: today + datetime.timedelta(days=1))
    body = get(client, address)  # the same catalogue version, the next day
    assert ending.start_date.isoformat() not in [item.get("valid_from") for item in body["schedules"]]
    assert len(body["service_capacity"]) == 2


def test_drafts_submitted_and_expired_offers_never_appear(client, with_taxonomies):
    catalogue = with_taxonomies
    texts = []
    for _path, address in addresses(catalogue):
        texts.append(client.get(address).content.decode())
    texts.append(client.get(f"{API}/services?per_page=100").content.decode())
    texts.append(client.get(f"{API}/service_at_locations?per_page=100").content.decode())
    everything = "\n".join(texts)
    assert "Deutschkurs am Vormittag" in everything
    assert "Geheimkurs" not in everything
    for offer in catalogue["hidden"]:
        assert str(offer.uuid) not in everything
        assert client.get(f"{API}/services/{offer.uuid}").status_code == 404
    expired = catalogue["hidden"][2]
    assert client.get(f"{API}/service_at_locations/{sal_id(expired, catalogue['place'])}").status_code == 404
    # Nothing about people: editors, their addresses, contact persons' names.
    assert "mueller" not in everything and "redakteurin" not in everything
    assert "Erika" not in everything


def test_the_language_comes_from_lang_or_accept_language_and_german_fallback_is_marked(client, catalogue):
    course = catalogue["course"]
    response = client.get(f"{API}/services/{course.uuid}", HTTP_ACCEPT_LANGUAGE="ar,de;q=0.5")
    body = response.json()
    assert body["name"] == "دورة ألمانية صباحية"
    assert response["Content-Language"] == "ar"
    assert "Accept-Language" in response["Vary"]
    # The summary has no Arabic text: German stands in, and the metadata says where.
    assert body["description"].startswith("Deutsch für den Alltag.")
    fallback = {item["id"]: item["fields"] for item in body["response_metadata"]["german_fallback"]}
    assert "description" in fallback[str(course.uuid)]
    assert "name" not in fallback[str(course.uuid)]
    assert body["response_metadata"]["language"] == "ar"
    assert body["response_metadata"]["fallback_language"] == "de"
    # lang= wins over the header.
    assert get(client, f"{API}/services/{course.uuid}?lang=de", HTTP_ACCEPT_LANGUAGE="ar")["name"] == (
        "Deutschkurs am Vormittag"
    )
    assert get(client, f"{API}/services/{course.uuid}", HTTP_ACCEPT_LANGUAGE="fr")["name"] == (
        "Deutschkurs am Vormittag"
    )
    wrong = client.get(f"{API}/services?lang=xx")
    assert wrong.status_code == 400 and "lang must be one of" in wrong.json()["error"]


def test_every_answer_names_the_licence(client, with_taxonomies, settings):
    for _path, address in addresses(with_taxonomies):
        response = client.get(address)
        licence = response.json()["response_metadata"]["licence"]
        assert licence["id"] == "dl-de/by-2-0"
        assert licence["url"] == "https://www.govdata.de/dl-de/by-2-0"
        assert 'rel="license"' in response["Link"]
    settings.DATA_LICENCE = {
        "id": "CC-BY-4.0",
        "name": "CC BY 4.0",
        "url": "https://creativecommons.org/licenses/by/4.0/",
    }
    assert get(client, f"{API}/?lang=en")["response_metadata"]["licence"]["id"] == "CC-BY-4.0"


def test_past_a_thousand_the_total_is_counted_only_as_far_as_the_page_needs(client, catalogue, monkeypatch):
    """An exact total read every match (everything online counts in every town: a third of the catalogue).
    Past EXACT_TOTAL and the asked page's end, total_items is one more than counted and last_page is false;
    paging on until last_page reads every item, and the last page's total is exact."""
    from api import views

    OfferFactory(title_de="Sprachcafé online", format=Offer.Format.ONLINE, category=catalogue["category"])
    addresses = ["/services?lang=de", "/services?postcode=44532"]  # Lünen: held there, district-wide, online
    exact = {address: get(client, API + address)["total_items"] for address in addresses}
    assert exact["/services?postcode=44532"] == 3
    monkeypatch.setattr(views, "EXACT_TOTAL", 1)
    for address in addresses:
        answers = [get(client, f"{API}{address}&per_page=1")]
        assert (answers[0]["total_items"], answers[0]["total_pages"], answers[0]["last_page"]) == (2, 2, False)
        while not answers[-1]["last_page"]:
            answers.append(get(client, f"{API}{address}&per_page=1&page={len(answers) + 1}"))
            assert answers[-1]["total_pages"] >= len(answers)
        assert len({item["id"] for answer in answers for item in answer["contents"]}) == exact[address]
        assert answers[-1]["total_items"] == exact[address] == len(answers)


def test_pages_as_the_profile_describes(client, catalogue):
    for number in range(3):
        OfferFactory(title_de=f"Weiteres Angebot {number}", category=catalogue["category"])
    first = get(client, f"{API}/services?per_page=2")
    assert (first["total_items"], first["total_pages"], first["page_number"], first["size"]) == (5, 3, 1, 2)
    assert first["first_page"] and not first["last_page"] and not first["empty"]
    last = get(client, f"{API}/services?per_page=2&page=3")
    assert last["size"] == 1 and last["last_page"] and not last["first_page"]
    beyond = get(client, f"{API}/services?per_page=2&page=9")
    assert beyond["contents"] == [] and beyond["empty"]
    ids = [
        item["id"] for page in (1, 2, 3) for item in get(client, f"{API}/services?per_page=2&page={page}")["contents"]
    ]
    assert len(set(ids)) == 5
    # Text with a NUL character (PostgreSQL refuses it in a query) is searched without it.
    for address in ("/services?search=%00", "/organizations?search=Linden%00hof", "/taxonomy_terms?search=%00"):
        assert client.get(API + address).status_code == 200, address
    assert names(get(client, f"{API}/organizations?search=Linden%00hof")) == ["Sprachschule Lindenhof"]
    for bad in ("page=0", "page=x", "per_page=101", "per_page=-1", "full=maybe", "format=xml"):
        response = client.get(f"{API}/services?{bad}")
        assert response.status_code == 400, bad
        assert response.json()["error"]


def names(body):
    return sorted(item["name"] if "name" in item else item["service"]["name"] for item in body["contents"])


def test_filters(client, catalogue):
    other = OfferFactory(title_de="Nähcafé", provider=ProviderFactory(), locations=[LocationFactory()])
    course, free = catalogue["course"], catalogue["free"]
    assert names(get(client, f"{API}/services?search=vormittag")) == ["Deutschkurs am Vormittag"]
    assert names(get(client, f"{API}/services?search=صباحية&lang=ar")) == ["دورة ألمانية صباحية"]
    assert names(get(client, f"{API}/services?taxonomy_term_id={catalogue['women'].uuid}")) == [course.title]
    assert names(get(client, f"{API}/services?taxonomy_term_id={catalogue['category'].uuid}")) == [
        course.title,
        free.title,
    ]
    assert names(get(client, f"{API}/services?organization_id={other.provider.uuid}")) == ["Nähcafé"]
    assert get(client, f"{API}/services?organization_id={uuid.uuid4()}")["total_items"] == 0
    Offer.objects.filter(pk=course.pk).update(updated=timezone.now() - datetime.timedelta(days=30))
    recent = get(
        client, f"{API}/services?modified_after={(timezone.localdate() - datetime.timedelta(days=2)).isoformat()}"
    )
    assert course.title not in names(recent) and free.title in names(recent)
    # Lünen's postcode: the course held there and the district-wide consultation, not the sewing café elsewhere.
    assert names(get(client, f"{API}/services?postcode=44532")) == [course.title, free.title]
    sal = get(client, f"{API}/service_at_locations?postcode=44532")
    assert [item["location"]["name"] for item in sal["contents"]] == ["Lindenhof Lünen"]
    # Within 2 km of the centre of Unna's 59423 (where the Unna place is): only that place.
    near = get(client, f"{API}/service_at_locations?postcode={catalogue['place'].postal_code}&proximity=2000")
    assert [item["location"]["name"] for item in near["contents"]] == ["Lindenhof Unna-Mitte"]
    wide = get(client, f"{API}/service_at_locations?postcode={catalogue['place'].postal_code}&proximity=30000")
    assert {item["location"]["name"] for item in wide["contents"]} == {"Lindenhof Unna-Mitte", "Lindenhof Lünen"}
    for bad in ("taxonomy_term_id=12", "modified_after=gestern", "postcode=abc", "postcode=59423&proximity=0"):
        assert (
            client.get(
                f"{API}/services?{bad}" if "proximity" not in bad else f"{API}/service_at_locations?{bad}"
            ).status_code
            == 400
        ), bad


def test_organizations_and_taxonomies(client, catalogue):
    provider = catalogue["provider"]
    body = get(client, f"{API}/organizations/{provider.uuid}")
    assert body["name"] == "Sprachschule Lindenhof"
    assert body["organization_identifiers"][0]["identifier"] == "123-45"
    assert sorted(service["name"] for service in body["services"]) == [
        "Deutschkurs am Vormittag",
        "Offene Sprechstunde",
    ]
    assert {location["name"] for location in body["locations"]} == {"Lindenhof Unna-Mitte", "Lindenhof Lünen"}
    taxonomies = get(client, f"{API}/taxonomies?lang=en")["contents"]
    assert [taxonomy["name"] for taxonomy in taxonomies] == ["Categories", "Target groups"]
    terms = get(client, f"{API}/taxonomy_terms?taxonomy_id={taxonomies[1]['id']}&per_page=100")["contents"]
    assert "Frauen" in [term["name"] for term in terms]
    assert {term["taxonomy_id"] for term in terms} == {taxonomies[1]["id"]}
    seniors = TargetGroupFactory(name_de="Senioren")
    arabic = get(client, f"{API}/taxonomy_terms?lang=ar&per_page=100")
    by_code = {term["code"]: term for term in arabic["contents"]}
    assert (by_code[catalogue["women"].slug]["name"], by_code[catalogue["women"].slug]["language"]) == ("نساء", "ar")
    # Untranslated: the German name, said to be German in the term and in the metadata.
    assert (by_code[seniors.slug]["name"], by_code[seniors.slug]["language"]) == ("Senioren", "de")
    assert {"id": str(seniors.uuid), "fields": ["name"]} in arabic["response_metadata"]["german_fallback"]
    assert client.get(f"{API}/taxonomy_terms/{uuid.uuid4()}").status_code == 404
    assert client.get(f"{API}/organizations/nichts").status_code == 404


def test_ids_are_stable_uuids(client, catalogue):
    course = catalogue["course"]
    first = get(client, f"{API}/services/{course.uuid}")
    course.title_de = "Deutschkurs am Vormittag (neu)"
    course.save()
    again = get(client, f"{API}/services/{course.uuid}")
    assert again["id"] == first["id"] == str(uuid.UUID(first["id"]))
    assert [pair["id"] for pair in again["service_at_locations"]] == [
        pair["id"] for pair in first["service_at_locations"]
    ]
    assert [phone["id"] for phone in again["phones"]] == [phone["id"] for phone in first["phones"]]
    assert len({str(row.uuid) for row in Offer.objects.all()}) == Offer.objects.count()


def test_read_only_open_to_every_origin(client, catalogue):
    response = client.get(f"{API}/services", HTTP_ORIGIN="https://www.unna.de")
    assert response["Access-Control-Allow-Origin"] == "*"
    preflight = client.options(
        f"{API}/services", HTTP_ORIGIN="https://www.unna.de", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    post = client.post(f"{API}/services", {"name": "x"})
    assert post.status_code == 405 and post.json()["error"]
    # The portal's pages do not open themselves to other origins.
    assert "Access-Control-Allow-Origin" not in client.get("/de/offers/")


def test_the_rate_limit_per_address(client, catalogue, settings):
    settings.API_REQUESTS_PER_MINUTE = 3
    for _ in range(3):
        assert client.get(f"{API}/services", REMOTE_ADDR="203.0.113.5").status_code == 200
    refused = client.get(f"{API}/services", REMOTE_ADDR="203.0.113.5")
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 61
    assert refused.json()["retry_after"] == int(refused["Retry-After"])
    assert refused["Access-Control-Allow-Origin"] == "*"
    # Another address is not held up.
    assert client.get(f"{API}/services", REMOTE_ADDR="203.0.113.6").status_code == 200


def test_answers_are_cached_until_the_catalogue_changes(client, catalogue):
    course = catalogue["course"]
    get(client, f"{API}/services/{course.uuid}")
    with CaptureQueriesContext(connection) as cached:
        get(client, f"{API}/services/{course.uuid}")
    assert len(cached) == 1  # the catalogue version
    course.title_de = "Deutschkurs am Abend"
    course.save()
    assert get(client, f"{API}/services/{course.uuid}")["name"] == "Deutschkurs am Abend"


def query_count(client, address):
    from django.core.cache import cache

    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        get(client, address)
    return len(captured)


@pytest.mark.parametrize(
    ("address", "queries"),
    [
        # The count of a town's services is one query (api.views.count_in_town); its page reads the ids of
        # the offers held there first (Offer.objects.in_municipality).
        ("/services?per_page=50&postcode=59423&lang=ar", 6),
        # Runs, hours and closures: the full service +5 (its weekly hours, closures and runs, its places'
        # hours and closures), a provider's places +2 (their hours and closures).
        ("/services?full=true", 13),
        ("/services/{course}", 12),
        ("/organizations", 3),
        ("/organizations/{provider}", 7),
        ("/organizations/{provider}?full_service=true", 16),
        ("/service_at_locations", 4),
        ("/service_at_locations/{sal}", 12),
        ("/taxonomies", 1),
        ("/taxonomy_terms", 3),
        ("/taxonomy_terms/{category}", 3),
    ],
)
def test_each_endpoint_asks_the_database_a_fixed_number_of_times(client, catalogue, address, queries):
    address = API + address.format(
        course=catalogue["course"].uuid,
        provider=catalogue["provider"].uuid,
        sal=sal_id(catalogue["course"], catalogue["place"]),
        category=catalogue["category"].uuid,
    )
    before = query_count(client, address)
    for number in range(5):
        more = OfferFactory(
            title_de=f"Mehr {number}",
            provider=catalogue["provider"],
            category=catalogue["category"],
            locations=[catalogue["place"], LocationFactory(provider=catalogue["provider"])],
            target_groups=[catalogue["women"], TargetGroupFactory()],
        )
        CourseRunFactory.create_batch(2, offer=more, location=more.locations.last())
        WeeklyHoursFactory(offer=more)
        WeeklyHoursFactory(location=more.locations.last())
        ClosureFactory(offer=more, starts_on=timezone.localdate())
        ClosureFactory(location=more.locations.last(), starts_on=timezone.localdate())
    assert query_count(client, address) == before == queries


def test_the_root_says_where_the_description_is(client, db):
    body = get(client, f"{API}/")
    assert body["version"] == "3.0"
    assert body["openapi_url"] == "http://testserver/api/openapi.json"
    assert json.loads(client.get("/api/openapi.json").content)["openapi"].startswith("3.1")


@pytest.mark.parametrize(
    ("moment", "status"),
    [
        ("4808-04-26T23:57:12.010000-18:17", 200),  # an offset PostgreSQL cannot hold: compared in UTC
        ("2026-01-31T12:00:00+14:00", 200),
        ("9999-12-31T23:00:00-05:00", 400),  # past the last moment a date-time can name
        ("0001-01-01T00:00:00+05:00", 400),
    ],
)
def test_modified_after_with_any_offset_gets_an_answer_not_a_500(client, catalogue, moment, status):
    assert client.get(f"{API}/services", {"modified_after": moment}).status_code == status
