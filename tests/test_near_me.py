"""near=<postal code>: the offer list nearest first, "3 km" on each card, nearby towns when a town has few results.

Runs on SQLite and on PostgreSQL (DATABASE_URL): the distance is one ORM expression on both.
"""

import re
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from demo.synthetic import SYNTHETIC_PREFIX
from municipalities.models import Municipality, PostalCode
from offers import distance
from offers.factories import CategoryFactory, LocationFactory, OfferFactory
from offers.models import Offer

from .listing import titles

pytestmark = pytest.mark.django_db

SAMPLE = Path(__file__).parent / "data" / "geonames_postal_codes_sample.txt"
KREIS_UNNA = (51.40, 51.75, 7.40, 7.85)  # south, north, west, east


def distances(response):
    return re.findall(r'<p class="offer-distance">[^<]*<bdi>([^<]+)</bdi></p>', response.content.decode())


def in_town(slug, title, **location):
    return OfferFactory(
        title_de=title, locations=[LocationFactory(municipality=Municipality.objects.get(slug=slug), **location)]
    )


def test_every_kreis_unna_postal_code_lies_at_its_towns_centre():
    towns = Municipality.objects.filter(district__slug="kreis-unna")
    assert towns.count() == 10
    south, north, west, east = KREIS_UNNA
    for town in towns:
        assert south < town.latitude < north and west < town.longitude < east, town
        for code in town.postal_code_list():
            centre = PostalCode.objects.get(code=code)
            assert (centre.municipality, centre.latitude, centre.longitude) == (town, town.latitude, town.longitude)
            assert "GeoNames" in centre.source


def test_near_sorts_the_list_by_distance_and_cards_show_it(client):
    in_town("selm", "A Selm")
    in_town("luenen", "B Lünen")
    in_town("kamen", "C Kamen")
    in_town("unna", "D Unna")
    OfferFactory(title_de="0 Online", format=Offer.Format.ONLINE)
    response = client.get("/de/offers/", {"near": "59423"})
    assert response.status_code == 200
    assert titles(response) == ["D Unna", "C Kamen", "B Lünen", "A Selm", "0 Online"]  # without a place: last
    shown = distances(response)
    assert shown[0] == "0 km"
    assert re.fullmatch(r"\d,\d km", shown[1])  # Kamen, some six kilometres: German decimals
    assert re.fullmatch(r"\d\d km", shown[2]) and re.fullmatch(r"\d\d km", shown[3])  # whole kilometres from ten on
    assert len(shown) == 4  # no distance for the online offer
    assert "In der Nähe von 59423" in response.content.decode()  # the active filter's chip


def test_a_place_with_its_own_coordinates_counts_there_not_at_its_towns_centre(client):
    unna = Municipality.objects.get(slug="unna")
    in_town("selm", "In Selm")
    in_town("kamen", "In Kamen")
    in_town("selm", "Selm by address, in Unna by its coordinates", latitude=unna.latitude, longitude=unna.longitude)
    near_selm = titles(client.get("/de/offers/", {"near": "59379"}))
    assert near_selm == ["In Selm", "In Kamen", "Selm by address, in Unna by its coordinates"]
    near_unna = titles(client.get("/de/offers/", {"near": "59423"}))
    assert near_unna == ["Selm by address, in Unna by its coordinates", "In Kamen", "In Selm"]


def test_the_whole_result_set_is_sorted_not_only_the_first_page(client):
    for number in range(25):
        in_town("selm", f"A {number:02}")
    in_town("unna", "Z in Unna")
    assert titles(client.get("/de/offers/", {"near": "59427"}))[0] == "Z in Unna"
    assert "Z in Unna" not in titles(client.get("/de/offers/"))  # by title it is on page 2


def test_every_page_read_by_distance_bands_is_that_page_of_the_whole_order(client, monkeypatch):
    from offers import views

    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    unna, selm = Municipality.objects.get(slug="unna"), Municipality.objects.get(slug="selm")
    for slug, title in [("kamen", "Kamen"), ("luenen", "Lünen"), ("selm", "Selm"), ("bergkamen", "Bergkamen")]:
        in_town(slug, title)
        in_town(slug, f"{title} 2")
    in_town("unna", "Unna")
    in_town("selm", "Köln by its coordinates", latitude="50.93800", longitude="6.95997")  # far outside every band
    OfferFactory(
        title_de="Selm and Unna", locations=[LocationFactory(municipality=selm), LocationFactory(municipality=unna)]
    )
    OfferFactory(title_de="Online", format=Offer.Format.ONLINE)
    shown = []
    for page in range(1, 7):
        shown += titles(client.get("/de/offers/", {"near": "59423", "page": page}))
    assert shown[:2] == ["Selm and Unna", "Unna"]  # equally near (0 km): by title
    assert shown[-2:] == ["Köln by its coordinates", "Online"]  # the farthest, then the one without a place
    assert len(shown) == 12
    centre = PostalCode.objects.centre("59423")
    whole = distance.order_by_distance(Offer.objects.published(), centre).values_list("title_de", flat=True)
    assert shown == list(whole)


@pytest.mark.parametrize(("code", "pattern"), [("en", r"\d\.\d km"), ("ar", r"\d\.\d كم"), ("uk", r"\d,\d км")])
def test_distances_are_written_as_each_language_writes_them(client, code, pattern):
    in_town("kamen", "Kamen")
    (shown,) = distances(client.get(f"/{code}/offers/", {"near": "59423"}))
    assert re.fullmatch(pattern, shown)


@pytest.mark.parametrize(
    ("near", "message"),
    [
        ("12345", "Diese Postleitzahl kennen wir nicht."),
        ("5942", "Bitte geben Sie eine Postleitzahl mit fünf Ziffern ein"),
        ("abcde", "Bitte geben Sie eine Postleitzahl mit fünf Ziffern ein"),
        ("５９４２３", "Bitte geben Sie eine Postleitzahl mit fünf Ziffern ein"),  # full-width digits
        ("59423" * 30, "Bitte geben Sie eine Postleitzahl mit fünf Ziffern ein"),
    ],
)
def test_an_unknown_or_malformed_postal_code_gets_a_clear_message_and_the_list_by_title(client, near, message):
    in_town("selm", "A Selm")
    in_town("unna", "B Unna")
    response = client.get("/de/offers/", {"near": near})
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<p class="field-error" id="id_near_error">{message}' in html
    assert 'aria-invalid="true" aria-describedby="id_near_error"' in html
    assert titles(response) == ["A Selm", "B Unna"]
    assert not distances(response)


def test_a_null_character_in_the_postal_code_is_a_message_not_an_error(client):
    response = client.get("/de/offers/?near=59%0023")
    assert response.status_code == 200
    assert 'id="id_near_error"' in response.content.decode()


def test_a_town_with_few_results_offers_the_nearest_other_towns_keeping_the_other_filters(client):
    category = CategoryFactory(slug="sprachcafe", name_de="Sprachcafé")
    OfferFactory(
        title_de="Kamen",
        category=category,
        locations=[LocationFactory(municipality=Municipality.objects.get(slug="kamen"))],
    )
    response = client.get("/de/offers/", {"municipality": "kamen", "category": "sprachcafe", "page": "1"})
    links = re.findall(
        r'<li><a href="\?([^"]+)">Auch in <bdi>([^<]+)</bdi>, <bdi>([^<]+)</bdi></a></li>', response.content.decode()
    )
    assert len(links) == 3
    assert links[0][1] == "Bergkamen"  # the nearest, a few kilometres
    assert [re.search(r"municipality=([^&]+)", query).group(1) for query, _name, _km in links] == [
        Municipality.objects.get(name=name).slug for _query, name, _km in links
    ]
    assert all("category=sprachcafe" in query and "page" not in query for query, _name, _km in links)
    kilometres = [float(km.removesuffix(" km").replace(",", ".")) for _query, _name, km in links]
    assert kilometres == sorted(kilometres)


def test_a_town_with_enough_results_offers_no_other_towns(client):
    for number in range(5):
        in_town("kamen", f"Kurs {number}")
    assert "Auch in" not in client.get("/de/offers/", {"municipality": "kamen"}).content.decode()


def test_near_pages_cost_the_same_queries_for_few_and_many_offers(client, django_assert_num_queries):
    def count_queries():
        url = "/de/offers/?near=59423"
        client.get(url)  # the postal code's centre and the list's results are cached now
        # Session, catalogue version, the offers, their places, the hours of both, runs (the filter lists, and that
        # no closure concerns them, are kept in the process).
        with django_assert_num_queries(6) as queries:
            response = client.get(url)
        return response, len(queries)

    client.post("/de/handout/quick-mode/", {"on": "0", "next": "/de/offers/"})  # a session: no cached pages
    in_town("unna", "Unna")
    few, _count = count_queries()
    for number in range(30):
        in_town("selm" if number % 2 else "kamen", f"Kurs {number:02}")
    many, _count = count_queries()
    assert titles(few) == ["Unna"] and titles(many)[0] == "Unna" and len(titles(many)) == 20


def test_the_home_page_asks_for_a_postal_code_for_the_list(client):
    html = client.get("/tr/").content.decode()
    assert '<input type="text" id="home-near" name="near"' in html
    assert 'autocomplete="postal-code"' in html


def test_an_operator_loads_the_geonames_postal_codes_and_the_list_follows(client):
    in_town("unna", "Unna")
    in_town("holzwickede", "Holzwickede")
    assert "Diese Postleitzahl kennen wir nicht" in client.get("/de/offers/", {"near": "44135"}).content.decode()
    call_command("load_postal_codes", str(SAMPLE))
    dortmund = PostalCode.objects.get(code="44135")
    # A code with several places lies at their mean.
    assert (str(dortmund.latitude), str(dortmund.longitude)) == ("51.51570", "7.46940")
    assert dortmund.place_name == "Dortmund, Dortmund Mitte" and dortmund.municipality is None
    assert PostalCode.objects.get(code="59423").municipality.slug == "unna"  # replaced, still Unna's
    assert not PostalCode.objects.filter(code="1010").exists()  # another country
    response = client.get("/de/offers/", {"near": "44135"})  # the cached page followed the load
    assert titles(response) == ["Holzwickede", "Unna"]


@pytest.mark.parametrize(
    "line",
    [
        "DE\t44135\tDortmund\n",
        "DE\t44135\tDortmund\tNW\tNW\tA\t059\tB\t05913\tnorth\t7.4684\t4\n",
        "DE\t44135\tDortmund\tNW\tNW\tA\t059\tB\t05913\t151.5\t7.4684\t4\n",
    ],
)
def test_a_broken_postal_code_file_stops_with_its_line_and_saves_nothing(tmp_path, line):
    broken = tmp_path / "DE.txt"
    broken.write_text(SAMPLE.read_text() + line, encoding="utf-8")
    before = list(PostalCode.objects.values_list("code", "latitude"))
    with pytest.raises(CommandError, match="Zeile 6"):
        call_command("load_postal_codes", str(broken))
    assert list(PostalCode.objects.values_list("code", "latitude")) == before


def test_synthetic_nrw_towns_have_centres_and_postal_codes(client):
    call_command("load_demo", "--scale", "300", "--municipalities", "40")
    synthetic = Municipality.objects.filter(slug__startswith=SYNTHETIC_PREFIX)
    assert synthetic.count() == 30 and not synthetic.filter(latitude=None).exists()
    town = synthetic.first()
    assert PostalCode.objects.get(code=town.postal_codes).municipality == town
    response = client.get("/de/offers/", {"near": town.postal_codes})
    assert response.status_code == 200 and distances(response)


def test_a_town_with_few_results_and_its_nearby_towns_cost_a_constant_query_count(client, django_assert_num_queries):
    client.post("/de/handout/quick-mode/", {"on": "0", "next": "/de/offers/"})  # a session: no cached pages
    in_town("kamen", "Kamen")
    url = "/de/offers/?municipality=kamen&near=59174"
    client.get(url)  # the postal code, the town centres and the list's results are cached now
    # Session, catalogue version, the offers, their places, the hours of both, runs (the filter lists, and that no
    # closure concerns them, are kept in the process).
    with django_assert_num_queries(6):
        html = client.get(url).content.decode()
    assert html.count("Auch in <bdi>") == 3


def test_offers_equally_near_follow_the_title_the_visitor_reads(client):
    kamen = Municipality.objects.get(slug="kamen")
    OfferFactory(title_de="A Kurs", title_en="Z course", locations=[LocationFactory(municipality=kamen)])
    OfferFactory(title_de="B Kurs", title_en="Y course", locations=[LocationFactory(municipality=kamen)])
    OfferFactory(title_de="C Kurs", locations=[LocationFactory(municipality=kamen)])  # German where untranslated
    assert titles(client.get("/en/offers/", {"near": "59174"})) == ["C Kurs", "Y course", "Z course"]
    assert titles(client.get("/de/offers/", {"near": "59174"})) == ["A Kurs", "B Kurs", "C Kurs"]


def test_nearby_towns_are_those_the_town_filter_offers(client):
    call_command("load_demo", "--scale", "50", "--municipalities", "400")  # synthetic towns all over NRW
    kamen = Municipality.objects.get(slug="kamen")
    Municipality.objects.filter(slug__startswith=SYNTHETIC_PREFIX).update(
        latitude=kamen.latitude, longitude=kamen.longitude
    )
    CategoryFactory(slug="ohne-angebote")
    html = client.get("/de/offers/", {"municipality": "kamen", "category": "ohne-angebote"}).content.decode()
    named = re.findall(r">Auch in <bdi>([^<]+)</bdi>", html)
    assert len(named) == 3
    assert set(named) <= set(Municipality.objects.filter(district__slug="kreis-unna").values_list("name", flat=True))
