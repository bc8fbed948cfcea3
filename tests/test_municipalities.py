import pytest

from municipalities.models import District, Municipality

# The census table of the district's integration concept (chapter 1, "Quelle:
# Zensus 2011 / IT NRW"), copied figure by figure: total, without and with
# migration background, share with migration background, foreigners, share.
SEED_TABLE = {
    "Bergkamen": (49011, 36620, 12390, "25.3", 4250, "8.7"),
    "Bönen": (18018, 13820, 4150, "23.0", 1520, "8.4"),
    "Fröndenberg": (20928, 17300, 3560, "17.0", 1030, "4.9"),
    "Holzwickede": (16755, 13920, 2820, "16.8", 870, "5.2"),
    "Kamen": (43815, 34400, 9080, "20.7", 2580, "5.9"),
    "Lünen": (86010, 56510, 29190, "34.6", 9010, "10.5"),
    "Schwerte": (46743, 36810, 9590, "20.5", 2880, "6.2"),
    "Selm": (26017, 22390, 3540, "13.6", 800, "3.1"),
    "Unna": (59149, 44400, 14320, "24.2", 3540, "6.0"),
    "Werne": (29614, 25480, 4060, "13.7", 1230, "4.2"),
}
SEED_TOTAL = (396060, 301650, 92700, "23.4", 27720, "7.0")


@pytest.mark.django_db
def test_kreis_unna_has_its_ten_towns():
    district = District.objects.get(slug="kreis-unna")
    assert district.key == "05978"
    assert district.municipalities.count() == 10
    assert sorted(m.official_key for m in district.municipalities.all()) == [f"05978{n:03d}" for n in range(4, 41, 4)]


@pytest.mark.django_db
def test_census_figures_match_the_seed_table_exactly():
    towns = Municipality.objects.filter(district__slug="kreis-unna")
    stored = {
        town.name.removesuffix("/Ruhr"): (
            town.population,
            town.population_without_migration_background,
            town.population_with_migration_background,
            str(town.migration_background_percent),
            town.foreigners,
            str(town.foreigners_percent),
        )
        for town in towns
    }
    assert stored == SEED_TABLE
    assert {(town.census_year, town.census_source) for town in towns} == {(2011, "Zensus 2011 / IT NRW")}


@pytest.mark.django_db
def test_district_row_is_stored_as_published():
    district = District.objects.get(slug="kreis-unna")
    assert (
        district.population,
        district.population_without_migration_background,
        district.population_with_migration_background,
        str(district.migration_background_percent),
        district.foreigners,
        str(district.foreigners_percent),
    ) == SEED_TOTAL
    # The towns add up to the district's counts, except for the source's own
    # rounding of foreigners (27,710 summed, 27,720 printed).
    towns = list(SEED_TABLE.values())
    assert sum(t[0] for t in towns) == SEED_TOTAL[0]
    assert sum(t[1] for t in towns) == SEED_TOTAL[1]
    assert sum(t[2] for t in towns) == SEED_TOTAL[2]
    assert sum(t[4] for t in towns) == 27710


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("code", "slug"),
    [("59425", "unna"), ("44534", "luenen"), ("58730", "froendenberg"), ("59379", "selm")],
)
def test_find_town_by_postal_code(code, slug):
    assert list(Municipality.objects.with_postal_code(code).values_list("slug", flat=True)) == [slug]


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["5942", "594255", "9423 ", "abcde", ""])
def test_malformed_postal_code_finds_nothing(code):
    assert not Municipality.objects.with_postal_code(code).exists()
