"""'Stimmt etwas nicht?': visitors report what is wrong in an offer; its editors read, close and correct."""

import datetime
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from offers.factories import CourseRunFactory, OfferFactory, WeeklyHoursFactory
from offers.models import Closure, Offer
from reports.models import Report
from reports.views import REPORT_MAX_BYTES, REPORTS_PER_HOUR

pytestmark = pytest.mark.django_db
TEXT_LIMIT = Report._meta.get_field("text").max_length


def send(
    client, offer, kind="contact", text="Die Telefonnummer ist alt.", language="de", address="203.0.113.7", **more
):
    return client.post(f"/{language}/r/{offer.pk}/", {"kind": kind, "text": text, **more}, REMOTE_ADDR=address)


@pytest.mark.parametrize(
    ("language", "direction", "button", "privacy"),
    [
        ("de", "ltr", "Stimmt etwas nicht?", "Wir fragen nichts über Sie"),
        ("ar", "rtl", "هل هناك خطأ ما؟", "لا نسألك عن أي شيء يخصك"),
        ("uk", "ltr", "Щось не так?", "Ми нічого не питаємо про вас"),
    ],
)
def test_every_offer_page_links_to_the_short_form_which_asks_nothing_about_the_person(
    client, own_offer, language, direction, button, privacy
):
    detail = client.get(f"/{language}/offers/{own_offer.pk}-{own_offer.slug}/").content.decode()
    assert f'<a href="/{language}/r/{own_offer.pk}/">{button}</a>' in detail
    form = client.get(f"/{language}/r/{own_offer.pk}/")
    page = form.content.decode()
    assert form.status_code == 200
    assert f'<html lang="{language}" dir="{direction}">' in page
    assert privacy in page
    assert not re.search(r'type="(email|tel)"|name="(email|name|phone)"', page)
    assert set(re.findall(r'name="([a-z_]+)"', page)) >= {"kind", "text", "csrfmiddlewaretoken"}


def test_a_report_stores_only_offer_kind_text_day_and_language_and_thanks_without_a_cookie(client, own_offer):
    response = send(client, own_offer, language="ar", text="  المكتب مغلق  ", kind="office_closed")
    assert response.status_code == 302
    assert response.url == f"/ar/r/{own_offer.pk}/thanks/"
    assert set(response.cookies) <= {"csrftoken"}
    thanks = client.get(response.url)
    assert "شكرًا على بلاغك" in thanks.content.decode()
    assert set(thanks.cookies) <= {"csrftoken"}
    report = Report.objects.get()
    stored = {field.attname: getattr(report, field.attname) for field in Report._meta.concrete_fields}
    assert stored == {
        "id": report.pk,
        "offer_id": own_offer.pk,
        "kind": "office_closed",
        "text": "المكتب مغلق",
        "language": "ar",
        "created": report.created,
        "status": "new",
        "closed_by_id": None,
        "closed_at": None,
    }


def test_the_form_works_without_javascript_and_says_what_is_missing(client, own_offer):
    response = send(client, own_offer, kind="")
    assert response.status_code == 400
    assert "Bitte wählen Sie aus, was nicht stimmt." in response.content.decode()
    assert "<script" not in response.content.decode().split("<main")[-1]
    assert not Report.objects.exists()


def test_unknown_kinds_and_offers_that_are_not_shown_are_refused(client, own_offer):
    assert send(client, own_offer, kind="drop table").status_code == 400
    draft = OfferFactory(status=Offer.Status.DRAFT)
    assert client.get(f"/de/r/{draft.pk}/").status_code == 404
    assert send(client, draft).status_code == 404
    assert client.get("/de/r/99999999999999999999/").status_code == 404
    assert not Report.objects.exists()


def test_the_post_after_the_hourly_allowance_is_refused_and_stores_nothing(client, own_offer):
    for _ in range(REPORTS_PER_HOUR):
        assert send(client, own_offer).status_code == 302
    refused = send(client, own_offer, text="Noch etwas.")
    assert refused.status_code == 429
    assert refused["Retry-After"] == "3600"
    assert "Noch etwas." in refused.content.decode()
    assert Report.objects.count() == REPORTS_PER_HOUR
    assert send(client, own_offer, address="198.51.100.23").status_code == 302


def test_reports_and_accessibility_feedback_share_one_throttle_but_count_apart(client, own_offer):
    from pages.views import FEEDBACK_PER_HOUR

    for _ in range(REPORTS_PER_HOUR):
        assert send(client, own_offer).status_code == 302
    for _ in range(FEEDBACK_PER_HOUR):
        feedback = client.post("/de/accessibility-feedback/", {"message": "Kontrast"}, REMOTE_ADDR="203.0.113.7")
        assert feedback.status_code == 302
    assert send(client, own_offer).status_code == 429


def test_too_long_and_too_large_reports_are_refused_and_store_nothing(client, own_offer):
    long = send(client, own_offer, text="x" * (TEXT_LIMIT + 1))
    assert long.status_code == 400
    assert f"höchstens {TEXT_LIMIT} Zeichen" in long.content.decode()
    large = send(client, own_offer, padding="x" * REPORT_MAX_BYTES)
    assert large.status_code == 413
    assert not Report.objects.exists()
    assert send(client, own_offer, text="🦽" * TEXT_LIMIT).status_code == 302


def test_the_form_needs_its_csrf_token(own_offer):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(f"/de/r/{own_offer.pk}/", {"kind": "other"})
    assert response.status_code == 403
    assert not Report.objects.exists()


def test_the_handout_prints_the_short_address_of_each_offer(client, own_offer):
    page = client.get(f"/de/handout/?offers={own_offer.pk}&client=tr").content.decode()
    assert f"testserver/de/r/{own_offer.pk}/" in page
    assert f"testserver/tr/r/{own_offer.pk}/" in page


# The admin


def report_on(offer, kind=Report.Kind.CONTACT, **fields):
    return Report.objects.create(offer=offer, kind=kind, language="de", **fields)


def test_provider_editors_see_only_reports_on_their_own_offers(editor_client, own_offer, foreign_offer):
    own, foreign = report_on(own_offer, text="eigene Meldung"), report_on(foreign_offer, text="fremde Meldung")
    listing = editor_client.get(reverse("admin:reports_report_changelist")).content.decode()
    assert "Eigenes Angebot" in listing
    assert "Fremdes Angebot" not in listing
    assert editor_client.get(reverse("admin:reports_report_change", args=[own.pk])).status_code == 200
    assert editor_client.get(reverse("admin:reports_report_change", args=[foreign.pk])).status_code == 302
    changed = editor_client.post(reverse("admin:reports_report_change", args=[foreign.pk]), {"status": "done"})
    assert changed.status_code == 302
    assert editor_client.post(reverse("admin:reports_report_correct", args=[foreign.pk])).status_code == 404
    assert editor_client.get(reverse("admin:reports_report_history", args=[foreign.pk])).status_code == 404
    editor_client.post(
        reverse("admin:reports_report_changelist"),
        {"action": "mark_done", "_selected_action": [str(foreign.pk), str(own.pk)]},
    )
    foreign.refresh_from_db()
    own.refresh_from_db()
    assert (foreign.status, foreign.closed_by, foreign.closed_at) == ("new", None, None)
    assert own.status == "done"
    dashboard = editor_client.get(reverse("admin:index")).content.decode()
    assert "fremde" not in dashboard
    assert "Fremdes Angebot" not in dashboard


def test_opening_a_report_marks_it_read_and_closing_it_names_who_and_when(client, ki_editor, own_offer):
    report = report_on(own_offer)
    client.force_login(ki_editor)
    dashboard = client.get(reverse("admin:index")).content.decode()
    assert "1 offene Meldung" in dashboard
    assert "Telefon oder Adresse stimmt nicht" in dashboard
    client.get(reverse("admin:reports_report_change", args=[report.pk]))
    report.refresh_from_db()
    assert report.status == "read"
    response = client.post(reverse("admin:reports_report_change", args=[report.pk]), {"status": "done"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == "done"
    assert report.closed_by == ki_editor
    assert report.closed_at is not None
    assert "Keine offenen Meldungen." in client.get(reverse("admin:index")).content.decode()


def test_the_offer_list_flags_and_filters_offers_with_open_reports(client, ki_editor, own_offer, foreign_offer):
    report_on(own_offer)
    report_on(own_offer)
    report_on(foreign_offer, status=Report.Status.DONE)
    client.force_login(ki_editor)
    listing = client.get(reverse("admin:offers_offer_changelist")).content.decode()
    assert f'href="/admin/reports/report/?offer__id__exact={own_offer.pk}">⚑ 2</a>' in listing.replace(
        reverse("admin:index"), "/admin/"
    )
    assert "⚑ 1" not in listing
    filtered = client.get(reverse("admin:offers_offer_changelist") + "?open_reports=yes").content.decode()
    assert "Eigenes Angebot" in filtered
    assert "Fremdes Angebot" not in filtered


def test_course_full_becomes_a_correction_in_one_step_with_a_version_naming_the_report(
    editor_client, provider_editor, own_offer
):
    later = CourseRunFactory(offer=own_offer, free_places=8, start_date=timezone.localdate() + datetime.timedelta(90))
    run = CourseRunFactory(offer=own_offer, free_places=5, places_reported_on=datetime.date(2026, 1, 5))
    report = report_on(own_offer, kind=Report.Kind.COURSE_FULL)
    page = editor_client.get(reverse("admin:reports_report_change", args=[report.pk])).content.decode()
    assert "Als Korrektur übernehmen" in page
    response = editor_client.post(reverse("admin:reports_report_correct", args=[report.pk]))
    assert response.status_code == 302
    run.refresh_from_db()
    later.refresh_from_db()
    report.refresh_from_db()
    # The next run is full as of today, reported by the editor who closed the report; the later one is untouched.
    assert (run.free_places, run.places_reported_on, run.places_reported_by) == (
        0,
        timezone.localdate(),
        provider_editor,
    )
    assert later.free_places == 8
    assert Version.objects.get_for_object(run).get().revision.comment.startswith(f"Korrektur aus Meldung #{report.pk}")
    assert report.status == "done"
    assert report.closed_by.username == "lindenhof"
    version = Version.objects.get_for_object(own_offer).first()
    assert version.revision.comment == f"Korrektur aus Meldung #{report.pk}: Kurs ist voll oder fällt aus"
    assert version.revision.user.username == "lindenhof"
    # Again: already done, nothing changes.
    editor_client.post(reverse("admin:reports_report_correct", args=[report.pk]))
    assert Version.objects.get_for_object(own_offer).count() == 1


def test_office_closed_becomes_a_closure_today_and_the_offer_stays_on_the_site(client, ki_editor, own_offer):
    WeeklyHoursFactory(offer=own_offer, weekday=timezone.localdate().weekday())
    report = report_on(own_offer, kind=Report.Kind.OFFICE_CLOSED)
    client.force_login(ki_editor)
    client.post(reverse("admin:reports_report_changelist"), {"action": "correct", "_selected_action": [str(report.pk)]})
    own_offer.refresh_from_db()
    report.refresh_from_db()
    assert own_offer.status == Offer.Status.PUBLISHED
    assert report.status == "done"
    closure = Closure.objects.get(offer=own_offer)
    assert (closure.starts_on, closure.ends_on, closure.reason_de) == (
        timezone.localdate(),
        None,
        "Geschlossen (gemeldet)",
    )
    assert not Closure.objects.filter(location__in=own_offer.locations.all()).exists()  # the place's other offers
    page = client.get(own_offer.get_absolute_url()).content.decode()
    assert "Geschlossen (gemeldet)" in page
    comment = Version.objects.get_for_object(own_offer).first().revision.comment
    assert comment == f"Korrektur aus Meldung #{report.pk}: Büro ist geschlossen"


def test_a_correction_that_fails_saves_nothing(client, ki_editor, own_offer):
    report = report_on(own_offer, kind=Report.Kind.COURSE_FULL)  # an offer without course facts
    client.force_login(ki_editor)
    response = client.post(reverse("admin:reports_report_correct", args=[report.pk]), follow=True)
    assert "keinen kommenden Termin" in response.content.decode()
    report.refresh_from_db()
    assert report.status == "read"  # opened by the redirect to it, not done
    assert not Version.objects.get_for_object(own_offer).exists()


def test_review_reminders_list_open_reports(own_offer, foreign_offer):
    open_report = report_on(own_offer, kind=Report.Kind.COURSE_FULL)
    report_on(foreign_offer, status=Report.Status.DONE)
    out = StringIO()
    call_command("review_reminders", stdout=out)
    text = out.getvalue()
    assert f"#{own_offer.pk} Eigenes Angebot: offene Meldung #{open_report.pk} vom" in text
    assert "Kurs ist voll oder fällt aus" in text
    assert "Fremdes Angebot" not in text
