"""The list's filter form built once per process and its selects' options rendered once per language (issue 18):
every request still gets its own choice marked, its own language and its own messages."""

import re

from django.http import QueryDict
from django.utils import translation

from municipalities.factories import DistrictFactory, MunicipalityFactory
from offers.filters import OfferFilter
from offers.models import Category


def town_select(page):
    return re.search(r'<select name="municipality".*?</select>', page, re.DOTALL).group()


def test_each_request_marks_its_own_town_and_reads_its_own_language(client, unna, luenen):
    MunicipalityFactory(name="Dortmund", slug="dortmund", district=DistrictFactory(name="Dortmund"))
    for code, town in [("de", "unna"), ("ar", "luenen"), ("ar", "unna"), ("de", "")]:
        select = town_select(client.get(f"/{code}/offers/", {"municipality": town}).content.decode())
        assert re.findall(r'<option value="([^"]*)" selected>', select) == [town], (code, town)
        with translation.override(code):
            assert f'<option value="" {"selected" if not town else ""}'.strip() in select
            assert f">{translation.gettext('Alle Orte')}</option>" in select
        assert '<optgroup label="Dortmund">' in select and '<option value="dortmund">Dortmund</option>' in select


def test_each_request_checks_its_own_categories_named_in_its_language(client, db):
    for code, chosen in [("de", ["beratung"]), ("ar", ["integrationskurs", "beratung"]), ("ar", [])]:
        page = client.get(f"/{code}/offers/", {"category": chosen}).content.decode()
        boxes = re.search(r'<div id="id_category">.*?\n</div>', page, re.DOTALL).group()
        assert sorted(re.findall(r'value="([^"]*)" id="id_category_\d+" checked>', boxes)) == sorted(chosen), code
        with translation.override(code):
            assert f"\n {Category.objects.get(slug='beratung').name}</label>" in boxes, code


def test_a_town_that_is_not_one_marks_none_and_says_so(client, unna):
    page = client.get("/de/offers/", {"municipality": '"><b>nirgendwo'}).content.decode()
    assert " selected" not in town_select(page) and "<b>nirgendwo" not in page
    assert '<p class="field-error" id="id_municipality_error">Diese Angabe im Link kennen wir nicht.' in page


def test_the_shared_form_speaks_each_requests_language(client, db):
    for code in ["de", "en", "ar", "de"]:
        page = client.get(f"/{code}/offers/", {"starts_within": "99", "age": "x"}).content.decode()
        with translation.override(code):
            weeks = translation.gettext("Bitte eine Zahl von Wochen zwischen 1 und 52 angeben.")
            age = translation.gettext("Bitte ein Alter zwischen 0 und 120 Jahren angeben.")
            label = translation.gettext("Alter in Jahren")
        assert f'<p class="field-error" id="id_starts_within_error">{weeks}</p>' in page, code
        assert f'<p class="field-error" id="id_age_error">{age}</p>' in page, code
        assert f'<label for="id_age">{label}</label>' in page, code


def test_every_list_shares_one_form_class_and_its_fields(db):
    first = OfferFilter(QueryDict("municipality=unna")).form
    second = OfferFilter(QueryDict("age=30")).form
    assert type(first) is type(second) and first.fields["municipality"] is second.fields["municipality"]
    assert first.is_valid() and second.is_valid()
    assert first.cleaned_data["municipality"].slug == "unna" and second.cleaned_data["municipality"] is None
