"""A provider's own staff import and export only their provider's offers, and their imports wait for review."""

import csv
import io

import pytest
from django.urls import reverse

from imports.files import read_table
from offers.factories import LocationFactory, OfferFactory
from offers.models import Offer

from .spreadsheets import confirm, dataset, export, offer_row, problems, spreadsheet, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def own_offer(own_provider, unna):
    place = LocationFactory(provider=own_provider, street="Markt 1", postal_code="59423", municipality=unna)
    return OfferFactory(provider=own_provider, title_de="Eigenes Sprachcafé", locations=[place])


@pytest.fixture
def foreign_offer(other_provider, unna):
    place = LocationFactory(provider=other_provider, street="Ahornweg 2", postal_code="59423", municipality=unna)
    return OfferFactory(provider=other_provider, title_de="Fremdes Sprachcafé", locations=[place])


@pytest.mark.parametrize("file_format", ["xlsx", "csv"])
def test_an_editor_exports_only_their_providers_offers(editor_client, own_offer, foreign_offer, file_format):
    rows = read_table(f"e.{file_format}", export(editor_client, file_format)).dict
    assert [row["Titel (de)"] for row in rows] == ["Eigenes Sprachcafé"]
    assert [row["Kennung"] for row in rows] == [str(own_offer.pk)]


def test_an_editors_new_offer_waits_for_review_whatever_the_status_column_says(editor_client, own_provider):
    preview = upload(
        editor_client, spreadsheet([offer_row(own_provider.name, "Neues Elterncafé", Status="Veröffentlicht")])
    )
    assert not problems(preview)
    confirm(editor_client, preview)
    assert Offer.objects.get(title_de="Neues Elterncafé").status == Offer.Status.SUBMITTED


def test_an_editors_imported_change_takes_a_published_offer_off_the_site_until_ki_publishes(editor_client, own_offer):
    assert own_offer in Offer.objects.published()
    rows = read_table("e.csv", export(editor_client)).dict
    rows[0]["Kurzbeschreibung (de)"] = "Jetzt auch donnerstags."
    rows[0]["Zuletzt geprüft"] = "01.01.2020"  # not theirs to confirm
    preview = upload(editor_client, spreadsheet(dataset(rows)))
    [row] = preview.context["report"].rows
    assert row.changes == [("Kurzbeschreibung (de)", own_offer.summary_de, "Jetzt auch donnerstags.")]
    confirm(editor_client, preview)
    own_offer.refresh_from_db()
    assert own_offer.summary_de == "Jetzt auch donnerstags."
    assert own_offer.status == Offer.Status.SUBMITTED
    assert own_offer not in Offer.objects.published()
    assert str(own_offer.last_reviewed) != "2020-01-01"


def test_an_editors_unchanged_export_leaves_their_published_offer_published(editor_client, own_offer):
    preview = upload(editor_client, export(editor_client, "xlsx"), "e.xlsx")
    assert [row.state for row in preview.context["report"].rows] == ["skip"]
    own_offer.refresh_from_db()
    assert own_offer.status == Offer.Status.PUBLISHED


def test_an_editors_csv_loses_a_leading_apostrophe_only_where_it_guards_a_formula_sign(editor_client, own_provider):
    row = offer_row(own_provider.name, "'=SUMME(A1:A3)")
    row.update({"Telefon": "'+49 2303 27-1234", "Titel (en)": "'Sprachcafé' am Markt", "Titel (tr)": "''@kurs"})
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";")  # as a spreadsheet program saves it, with no escaping of its own
    writer.writerow(row)
    writer.writerow(row.values())
    confirm(editor_client, upload(editor_client, out.getvalue().encode()))
    offer = Offer.objects.get(provider=own_provider)
    assert (offer.title_de, offer.phone) == ("=SUMME(A1:A3)", "+49 2303 27-1234")
    assert (offer.title_en, offer.title_tr) == ("'Sprachcafé' am Markt", "'@kurs")
    assert offer.status == Offer.Status.SUBMITTED


def test_an_editor_cannot_import_for_another_provider(editor_client, own_provider, other_provider):
    rows = [offer_row(own_provider.name, "Eigenes"), offer_row(other_provider.name, "Fremdes")]
    preview = upload(editor_client, spreadsheet(rows))
    assert problems(preview) == {
        3: [
            (
                "Träger",
                "„Bildungswerk Ahorn“ ist ein anderer Träger: Sie dürfen nur Angebote Ihres eigenen Trägers importieren.",
            )
        ]
    }
    confirm(editor_client, preview, skip_bad_rows=True)
    assert list(Offer.objects.values_list("provider", flat=True)) == [own_provider.pk]


@pytest.mark.parametrize("provider_column", ["own", "other"])
def test_an_editor_cannot_change_another_providers_offer_by_its_id(
    editor_client, own_offer, foreign_offer, own_provider, other_provider, provider_column
):
    before = Offer.objects.filter(pk=foreign_offer.pk).values().get()
    row = offer_row(
        (own_provider if provider_column == "own" else other_provider).name, "Übernommen", Kennung=str(foreign_offer.pk)
    )
    preview = upload(editor_client, spreadsheet([offer_row(own_provider.name, "Eigenes neues"), row]))
    assert 3 in problems(preview)
    assert (
        "Kennung",
        f"Das Angebot mit der Kennung {foreign_offer.pk} gehört zu einem anderen Träger: Sie dürfen es nicht ändern.",
    ) in problems(preview)[3]
    confirm(editor_client, preview, skip_bad_rows=True)
    assert Offer.objects.filter(pk=foreign_offer.pk).values().get() == before
    assert Offer.objects.filter(title_de="Übernommen").count() == 0
    assert Offer.objects.filter(title_de="Eigenes neues", provider=own_provider).count() == 1


def test_people_outside_the_editorial_groups_get_no_spreadsheets(client, django_user_model, own_offer):
    outsider = django_user_model.objects.create_user("outsider", password="secret-pass-123", is_staff=True)
    client.force_login(outsider)
    for name in ("admin:imports_offer_import", "admin:imports_offer_export", "admin:imports_offer_template"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert "Eigenes Sprachcafé" not in response.content.decode()


def test_the_offer_list_links_to_import_and_export(editor_client, own_offer):
    page = editor_client.get(reverse("admin:offers_offer_changelist")).content.decode()
    assert reverse("admin:imports_offer_import") in page
    assert reverse("admin:imports_offer_export") + "?format=xlsx" in page


def test_the_offers_ticked_in_the_list_export_as_a_spreadsheet(client, ki_editor, own_offer, foreign_offer):
    client.force_login(ki_editor)
    response = client.post(
        reverse("admin:offers_offer_changelist"),
        {"action": "export_selected", "_selected_action": [str(foreign_offer.pk)]},
    )
    assert response.status_code == 200
    rows = read_table("auswahl.xlsx", response.content).dict
    assert [row["Titel (de)"] for row in rows] == ["Fremdes Sprachcafé"]


def test_an_editor_ticking_another_providers_offer_by_id_exports_nothing_of_it(editor_client, own_offer, foreign_offer):
    response = editor_client.post(
        reverse("admin:offers_offer_changelist"),
        {"action": "export_selected", "_selected_action": [str(foreign_offer.pk), str(own_offer.pk)]},
    )
    rows = read_table("auswahl.xlsx", response.content).dict
    assert [row["Titel (de)"] for row in rows] == ["Eigenes Sprachcafé"]
