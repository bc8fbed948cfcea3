"""The accessibility feedback form stores a few posts per address and hour, and only short ones."""

import pytest

from pages.models import AccessibilityFeedback
from pages.views import FEEDBACK_MAX_BYTES, FEEDBACK_PER_HOUR

pytestmark = pytest.mark.django_db
MESSAGE_LIMIT = AccessibilityFeedback._meta.get_field("message").max_length


def send(
    client, message="Der Kontrast ist zu schwach.", language="de", address="203.0.113.7", forwarded_for=None, **fields
):
    forwarded = {"HTTP_X_FORWARDED_FOR": forwarded_for} if forwarded_for else {}
    return client.post(
        f"/{language}/accessibility-feedback/", {"message": message, **fields}, REMOTE_ADDR=address, **forwarded
    )


@pytest.mark.parametrize(
    ("language", "refusal"),
    [
        ("de", "Von dieser Internetverbindung kamen in der letzten Stunde schon"),
        ("uk", "З цього інтернет-з’єднання за останню годину вже надійшло"),
    ],
)
def test_the_post_after_the_hourly_allowance_is_refused_and_stores_nothing(client, language, refusal):
    for _ in range(FEEDBACK_PER_HOUR):
        assert send(client, language=language).status_code == 302
    refused = send(client, "Noch eine Barriere.", language=language)
    assert refused.status_code == 429
    assert refused["Retry-After"] == "3600"
    page = refused.content.decode()
    assert refusal in page
    assert "Noch eine Barriere." in page  # the visitor's text stays in the form
    assert AccessibilityFeedback.objects.count() == FEEDBACK_PER_HOUR
    assert send(client, address="198.51.100.23").status_code == 302  # another address is counted apart


def test_the_allowance_counts_the_address_behind_the_trusted_proxy(client, settings):
    settings.FORWARDED_FOR_PROXIES = 1
    for _ in range(FEEDBACK_PER_HOUR):
        assert send(client, address="10.0.0.1", forwarded_for="203.0.113.7").status_code == 302
    assert send(client, address="10.0.0.1", forwarded_for="203.0.113.7").status_code == 429
    assert send(client, address="10.0.0.1", forwarded_for="198.51.100.23").status_code == 302


def test_invalid_posts_do_not_use_up_the_allowance(client):
    for _ in range(FEEDBACK_PER_HOUR + 2):
        assert send(client, "").status_code == 400
    assert send(client).status_code == 302


def test_a_too_long_message_gets_an_error_at_the_field_and_stores_nothing(client):
    response = send(client, "x" * (MESSAGE_LIMIT + 1))
    assert response.status_code == 400
    page = response.content.decode()
    assert (
        f'<p class="field-error" id="id_message_error">Bitte kürzen Sie Ihre Nachricht auf höchstens {MESSAGE_LIMIT} Zeichen'
        in page
    )
    assert not AccessibilityFeedback.objects.exists()
    assert send(client, "x" * MESSAGE_LIMIT).status_code == 302


def test_a_too_large_post_is_refused_before_the_form_and_stores_nothing(client):
    response = send(client, "ok", language="ar", page_url="/", email="", padding="x" * FEEDBACK_MAX_BYTES)
    assert response.status_code == 413
    assert "هذه الرسالة كبيرة جدًا" in response.content.decode()
    assert not AccessibilityFeedback.objects.exists()
    # The largest message the form takes, in four-byte characters, fits under the cap.
    assert send(client, "🦽" * MESSAGE_LIMIT).status_code == 302
