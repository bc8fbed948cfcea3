"""The privacy notice says what the back office keeps about logins, in every language."""

import importlib

import pytest
from django.apps import apps

from pages.models import InfoPage

pytestmark = pytest.mark.django_db

migration = importlib.import_module("pages.migrations.0004_privacy_login_records")


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("de", "löschen wir nach 30 Tagen"),
        ("en", "after 30 days"),
        ("tr", "30 gün sonra"),
        ("ar", "بعد 30 يومًا"),
        ("ru", "через 30 дней"),
        ("uk", "через 30 днів"),
    ],
)
def test_the_privacy_notice_names_the_login_records_and_their_deletion(client, code, words):
    page = client.get(f"/{code}/info/datenschutz/").content.decode()
    assert words in page and "IP" in page


def test_the_paragraph_is_appended_to_the_text_ki_staff_wrote_and_only_once():
    InfoPage.objects.filter(slug="datenschutz").update(
        body="Unser eigener Text.", body_de="Unser eigener Text.", body_tr=""
    )
    migration.add_login_records(apps, None)
    migration.add_login_records(apps, None)
    page = InfoPage.objects.get(slug="datenschutz")
    assert page.body_de == "Unser eigener Text.\n\n" + migration.PARAGRAPH["de"]
    assert page.body_tr == ""  # no translation, so no half-translated page
    assert page.body_en.count(migration.PARAGRAPH["en"]) == 1


def test_without_a_privacy_page_the_migration_creates_none():
    InfoPage.objects.filter(slug="datenschutz").delete()
    migration.add_login_records(apps, None)
    assert not InfoPage.objects.filter(slug="datenschutz").exists()


usage_migration = importlib.import_module("pages.migrations.0005_privacy_usage_figures")


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("de", "ohne Cookies, ohne IP-Adresse"),
        ("en", "without cookies, without IP addresses"),
        ("tr", "çerez olmadan, IP adresi olmadan"),
        ("ar", "دون ملفات تعريف الارتباط، ودون عنوان IP"),
        ("ru", "без cookie, без IP-адреса"),
        ("uk", "без cookie, без IP-адреси"),
    ],
)
def test_the_privacy_notice_says_what_the_usage_figures_count_and_why(client, code, words):
    page = client.get(f"/{code}/info/datenschutz/").content.decode()
    assert words in page
    assert usage_migration.PARAGRAPH[code].split(":")[0] in page


def test_the_usage_paragraph_is_appended_once_and_removed_again():
    InfoPage.objects.filter(slug="datenschutz").update(body="Eigener Text.", body_de="Eigener Text.", body_tr="")
    usage_migration.add_usage_figures(apps, None)
    usage_migration.add_usage_figures(apps, None)
    page = InfoPage.objects.get(slug="datenschutz")
    assert page.body_de == "Eigener Text.\n\n" + usage_migration.PARAGRAPH["de"]
    assert page.body_tr == ""
    usage_migration.remove_usage_figures(apps, None)
    assert InfoPage.objects.get(slug="datenschutz").body_de == "Eigener Text."
