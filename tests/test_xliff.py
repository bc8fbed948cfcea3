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
    complete = OfferFactory(title_de="Sprachcafé", summary_de="Mittwochs.", title_ar="مقهى اللغة", summary_ar="كل أربعاء.")
    missing = OfferFactory(title_de="Nähcafé", summary_de="Freitags.")
    outdated = Offer.objects.get(pk=OfferFactory(title_de="Elterncafé", summary_de="Montags.", title_ar="مقهى الآباء", summary_ar="كل اثنين.").pk)
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
    return client.post(reverse("admin:offers_offer_translation_import"), {"file": SimpleUploadedFile("ar.xlf", data), **extra})


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
