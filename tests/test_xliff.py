"""Translators get missing and outdated texts as XLIFF 1.2 and bring them back, checked row by row."""

import xml.etree.ElementTree as ET

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from offers import xliff
from offers.factories import OfferFactory
from offers.models import Offer

pytestmark = pytest.mark.django_db
NS = {"x": "urn:oasis:names:tc:xliff:document:1.2"}


@pytest.fixture
def offers():
    complete = OfferFactory(
        title_de="Sprachcafé", summary_de="Mittwochs.", title_ar="مقهى اللغة", summary_ar="كل أربعاء."
    )
    missing = OfferFactory(title_de="Nähcafé", summary_de="Freitags.")
    outdated = Offer.objects.get(
        pk=OfferFactory(title_de="Elterncafé", summary_de="Montags.", title_ar="مقهى الآباء", summary_ar="كل اثنين.").pk
    )
    outdated.summary_de = "Montags und donnerstags."
    outdated.save()
    return complete, missing, outdated


def units(data):
    root = ET.fromstring(data)
    return {
        unit.get("id"): (unit.findtext("x:source", namespaces=NS), unit.findtext("x:target", namespaces=NS) or "")
        for unit in root.iterfind(".//x:trans-unit", NS)
    }


def translated(data, texts):
    """Fill targets as a translator's tool would."""
    root = ET.fromstring(data)
    for unit in root.iterfind(".//x:trans-unit", NS):
        unit.find("x:target", NS).text = texts.get(unit.get("id"), unit.findtext("x:target", namespaces=NS))
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def export(client, language="ar"):
    response = client.get(reverse("admin:offers_offer_translation_export", args=[language]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-xliff+xml"
    return response.content


def upload(client, data, **extra):
    return client.post(
        reverse("admin:offers_offer_translation_import"), {"file": SimpleUploadedFile("ar.xlf", data), **extra}
    )


def test_export_holds_missing_and_outdated_texts_only(client, ki_editor, offers):
    complete, missing, outdated = offers
    client.force_login(ki_editor)
    found = units(export(client))
    assert found == {
        f"offer-{missing.pk}-title": ("Nähcafé", ""),
        f"offer-{missing.pk}-summary": ("Freitags.", ""),
        f"offer-{outdated.pk}-summary": ("Montags und donnerstags.", "كل اثنين."),
    }


def test_round_trip_with_preview_then_all_at_once(client, ki_editor, offers):
    _complete, missing, outdated = offers
    client.force_login(ki_editor)
    filled = translated(
        export(client),
        {
            f"offer-{missing.pk}-title": "مقهى الخياطة",
            f"offer-{missing.pk}-summary": "كل جمعة.",
            f"offer-{outdated.pk}-summary": "كل اثنين وخميس.",
        },
    )
    preview = upload(client, filled)
    assert preview.status_code == 200
    assert len(preview.context["plan"].changes) == 3
    assert Offer.objects.get(pk=missing.pk).title_ar in ("", None)  # a preview writes nothing

    confirm = client.post(reverse("admin:offers_offer_translation_import"), {"confirm": "1"})
    assert confirm.status_code == 302
    assert Offer.objects.get(pk=missing.pk).title_ar == "مقهى الخياطة"
    assert Offer.objects.get(pk=outdated.pk).translation_states()["ar"] == "complete"
    assert Offer.objects.get(pk=missing.pk).translation_states()["ar"] == "complete"


def test_unknown_id_and_changed_german_are_reported_per_row_and_nothing_is_imported(client, ki_editor, offers):
    _complete, missing, outdated = offers
    client.force_login(ki_editor)
    data = export(client)
    changed = Offer.objects.get(pk=missing.pk)
    changed.title_de = "Nähcafé am Markt"
    changed.save()
    filled = translated(data, {f"offer-{missing.pk}-title": "مقهى", f"offer-{outdated.pk}-summary": "كل اثنين وخميس."})
    filled = filled.replace(f'id="offer-{missing.pk}-summary"'.encode(), b'id="offer-999999-summary"')

    plan = xliff.plan_import(filled)
    problems = dict(plan.problems)
    assert problems[f"offer-{missing.pk}-title"].startswith("Der deutsche Text wurde seit dem Export geändert")
    assert problems["offer-999999-summary"] == "Dieses Angebot gibt es nicht (mehr)."
    response = upload(client, filled)
    assert "Nichts wurde übernommen" in response.content.decode()
    assert client.post(reverse("admin:offers_offer_translation_import"), {"confirm": "1"}).status_code == 200
    assert Offer.objects.get(pk=outdated.pk).summary_ar == "كل اثنين."


@pytest.mark.parametrize(
    "data",
    [
        b"not xml at all",
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><xliff/>',
        b'<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file target-language="xx"><body/></file></xliff>',
    ],
)
def test_bad_files_get_a_clear_answer(client, ki_editor, data):
    client.force_login(ki_editor)
    response = upload(client, data)
    assert response.status_code == 200
    assert response.context["plan"].problems
    assert "Nichts wurde übernommen" in response.content.decode()


def test_apply_refuses_a_plan_with_problems():
    with pytest.raises(ValueError):
        xliff.apply_import(xliff.ImportPlan(problems=[("x", "y")]))


def declared(encoding):
    """Encode a file as a CAT tool saves it in `encoding`, its XML declaration saying so."""
    name = encoding.removesuffix("-sig").upper()
    bom = {"utf-16-be": b"\xfe\xff"}.get(encoding, b"")
    return lambda data: bom + data.decode().replace("encoding='utf-8'", f"encoding='{name}'").encode(encoding)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-be"])
def test_utf8_and_utf16_files_with_bom_import(client, ki_editor, offers, encoding):
    _complete, missing, outdated = offers
    client.force_login(ki_editor)
    filled = translated(
        export(client), {f"offer-{missing.pk}-title": "مقهى الخياطة", f"offer-{outdated.pk}-summary": "كل اثنين وخميس."}
    )
    preview = upload(client, declared(encoding)(filled))
    assert preview.status_code == 200
    assert len(preview.context["plan"].changes) == 2, preview.context["plan"].problems
    assert client.post(reverse("admin:offers_offer_translation_import"), {"confirm": "1"}).status_code == 302
    assert Offer.objects.get(pk=missing.pk).title_ar == "مقهى الخياطة"
    assert Offer.objects.get(pk=outdated.pk).summary_ar == "كل اثنين وخميس."


UNIT = (
    '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file target-language="ar"><body>'
    '<trans-unit id="offer-1-title"><source>x</source><target>{target}</target></trans-unit></body></file></xliff>'
)
LOLS = "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10))
BILLION_LAUGHS = f'<?xml version="1.0"?><!DOCTYPE xliff [<!ENTITY lol0 "lol">{LOLS}]>' + UNIT.format(target="&lol9;")
EXTERNAL_ENTITY = '<?xml version="1.0"?><!DOCTYPE xliff [<!ENTITY secret SYSTEM "file:///etc/passwd">]>' + UNIT.format(
    target="&secret;"
)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        pytest.param(BILLION_LAUGHS.encode(), "DOCTYPE", id="billion-laughs"),
        pytest.param(BILLION_LAUGHS.encode("utf-16"), "DOCTYPE", id="billion-laughs-utf-16"),
        pytest.param(EXTERNAL_ENTITY.encode(), "DOCTYPE", id="external-entity"),
        pytest.param(EXTERNAL_ENTITY.encode("utf-16"), "DOCTYPE", id="external-entity-utf-16"),
        pytest.param(
            UNIT.format(target="Übersetzung").encode("latin-1"), "weder in UTF-8 noch in UTF-16", id="latin-1"
        ),
        pytest.param(
            UNIT.format(target="Übersetzung").encode("utf-16-le"),
            "weder in UTF-8 noch in UTF-16",
            id="utf-16-without-bom",
        ),
        pytest.param(b"\xff\xfe\x00\xd8", "weder in UTF-8 noch in UTF-16", id="broken-utf-16"),
    ],
)
def test_hostile_and_undecodable_files_get_a_clear_form_error(client, ki_editor, data, message):
    client.force_login(ki_editor)
    response = upload(client, data)
    assert response.status_code == 200
    problems = [text for _unit, text in response.context["plan"].problems]
    assert len(problems) == 1 and message in problems[0], problems
    page = response.content.decode()
    assert message in page and "Nichts wurde übernommen" in page
    assert "root:" not in page  # nothing of /etc/passwd


def with_target_markup(data, unit_id, markup):
    """The export with one target as a CAT tool writes it, inline elements included."""
    root = ET.fromstring(data)
    unit = next(unit for unit in root.iterfind(".//x:trans-unit", NS) if unit.get("id") == unit_id)
    unit.remove(unit.find("x:target", NS))
    unit.append(ET.fromstring(f'<target xmlns="{NS["x"]}" xml:lang="uk">{markup}</target>'))
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


@pytest.mark.parametrize(
    ("markup", "imported"),
    [
        pytest.param('Курс <g id="1">B1</g> у Камені', "Курс B1 у Камені", id="g"),
        pytest.param(
            '<mrk mtype="seg" mid="1">Курс B1</mrk> <mrk mtype="seg" mid="2">у Камені</mrk>',
            "Курс B1 у Камені",
            id="mrk",
        ),
        pytest.param(
            'Курс <g id="1"><g id="2">B1</g> <mrk mtype="term">інтенсив</mrk></g> у Камені',
            "Курс B1 інтенсив у Камені",
            id="nested",
        ),
        pytest.param('Курс<x id="1"/> B1 у <bx id="2"/>Камені<ex id="2"/>', "Курс B1 у Камені", id="placeholders"),
    ],
)
def test_inline_markup_of_cat_tools_keeps_the_whole_target_text(client, ki_editor, markup, imported):
    offer = OfferFactory(title_de="Kurs B1 in Kamen")
    client.force_login(ki_editor)
    assert (
        upload(client, with_target_markup(export(client, "uk"), f"offer-{offer.pk}-title", markup)).status_code == 200
    )
    assert client.post(reverse("admin:offers_offer_translation_import"), {"confirm": "1"}).status_code == 302
    assert Offer.objects.get(pk=offer.pk).title_uk == imported
