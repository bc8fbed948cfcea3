"""Keeping entries current: overdue reviews and offers about to disappear."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from offers.factories import OfferFactory, ProviderFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def entries():
    today = timezone.localdate()
    lindenhof = ProviderFactory(name="Sprachschule Lindenhof", email="info@lindenhof.example.org")
    ahorn = ProviderFactory(name="Bildungswerk Ahorn")
    return {
        "overdue": OfferFactory(
            provider=lindenhof, title_de="Alter Kurs", last_reviewed=today - datetime.timedelta(days=400)
        ),
        "never": OfferFactory(provider=ahorn, title_de="Nie geprüft", last_reviewed=None),
        "expiring": OfferFactory(
            provider=lindenhof, title_de="Endet bald", visible_until=today + datetime.timedelta(days=10)
        ),
        "fine": OfferFactory(provider=ahorn, title_de="Alles gut", visible_until=today + datetime.timedelta(days=90)),
    }


def test_dashboard_lists_overdue_and_expiring_offers(client, ki_editor, entries):
    client.force_login(ki_editor)
    page = client.get(reverse("admin:index")).content.decode()
    assert "2 Angebote seit über 12 Monaten nicht geprüft" in page
    assert "1 Angebot verschwindet in den nächsten 30 Tagen von der Seite" in page
    for title in ("Alter Kurs", "Nie geprüft", "Endet bald"):
        assert title in page
    assert "Alles gut" not in page
    expiring = client.get(reverse("admin:offers_offer_changelist"), {"expiring": "30"})
    assert list(expiring.context["cl"].queryset) == [entries["expiring"]]


def test_review_interval_is_configurable(client, ki_editor, entries, settings):
    settings.REVIEW_INTERVAL_MONTHS = 24
    client.force_login(ki_editor)
    page = client.get(reverse("admin:index")).content.decode()
    assert "1 Angebot seit über 24 Monaten nicht geprüft" in page


def test_review_reminders_prints_per_provider(entries, capsys, settings):
    settings.REVIEW_REMINDER_EMAIL = ""
    call_command("review_reminders")
    out = capsys.readouterr().out
    assert out.index("Bildungswerk Ahorn") < out.index("Sprachschule Lindenhof")
    assert f"#{entries['never'].pk} Nie geprüft: seit über 12 Monaten nicht geprüft (zuletzt: nie)" in out
    assert f"#{entries['expiring'].pk} Endet bald: sichtbar nur bis" in out
    assert "Alles gut" not in out
    assert mail.outbox == []


def test_review_reminders_mails_the_ki_mailbox_when_configured(entries, settings):
    settings.REVIEW_REMINDER_EMAIL = "ki@kreis-unna.example.org"
    call_command("review_reminders")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ki@kreis-unna.example.org"]
    assert "Alter Kurs" in message.body and "Endet bald" in message.body
