"""The provider screen "Plätze und Termine" and the runs in the offer admin: scope, one submit, history."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from offers.factories import CourseRunFactory, LocationFactory, OfferFactory
from offers.models import CourseRun, Offer

from .admin_forms import management_form

pytestmark = pytest.mark.django_db

PLACES = reverse("admin:offers_courserun_places")
TODAY = timezone.localdate()
LAST_MONTH = TODAY - datetime.timedelta(days=30)


@pytest.fixture
def own_runs(own_provider):
    location = LocationFactory(provider=own_provider, name="Lindenhof Mitte")
    offer = OfferFactory(provider=own_provider, locations=[location], title_de="Integrationskurs Lindenhof")
    return [
        CourseRunFactory(offer=offer, location=location, max_places=20, free_places=5, places_reported_on=LAST_MONTH),
        CourseRunFactory(
            offer=offer,
            start_date=TODAY + datetime.timedelta(days=90),
            max_places=16,
            free_places=16,
            places_reported_on=LAST_MONTH,
        ),
    ]


@pytest.fixture
def other_run(other_provider):
    offer = OfferFactory(provider=other_provider, title_de="Kurs beim Bildungswerk Ahorn")
    return CourseRunFactory(offer=offer, max_places=20, free_places=7, places_reported_on=LAST_MONTH)


def figures(runs):
    return {f"run-{run.pk}-free_places": str(value) for run, value in runs}


def test_an_editor_sees_only_their_providers_runs(editor_client, own_runs, other_run):
    page = editor_client.get(PLACES).content.decode()
    assert "Integrationskurs Lindenhof" in page and page.count('name="run-') == 2
    assert "Bildungswerk Ahorn" not in page and f"run-{other_run.pk}-" not in page
    assert editor_client.get(PLACES, {"provider": other_run.offer.provider_id}).status_code == 404


def test_one_submit_confirms_every_figure_today_by_this_editor_and_keeps_the_offer_published(
    editor_client, provider_editor, own_runs
):
    first, second = own_runs
    response = editor_client.post(PLACES, figures([(first, 3), (second, 0)]))
    assert response.status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.free_places, second.free_places) == (3, 0)
    assert first.places_reported_on == second.places_reported_on == TODAY
    assert first.places_reported_by == second.places_reported_by == provider_editor
    # No text changed: the published offer stays on the site.
    assert Offer.objects.get(pk=first.offer_id).status == Offer.Status.PUBLISHED
    # One version per run, in one revision by the editor.
    for run in own_runs:
        versions = Version.objects.get_for_object(run)
        assert versions.count() == 1
        assert versions[0].revision.user == provider_editor
        assert versions[0].field_dict["free_places"] == run.free_places
    page = editor_client.get(PLACES).content.decode()
    assert "Stand heute bestätigt: 2 Termine." in page


def test_run_ids_of_another_provider_change_nothing_there(editor_client, own_runs, other_run):
    first, _second = own_runs
    data = figures([(first, 4), (other_run, 0)])
    data[f"run-{other_run.pk}-places_reported_on"] = TODAY.isoformat()
    editor_client.post(PLACES, data)
    editor_client.post(f"{PLACES}?provider={other_run.offer.provider_id}", data)
    other_run.refresh_from_db()
    assert (other_run.free_places, other_run.places_reported_on, other_run.places_reported_by) == (7, LAST_MONTH, None)
    assert not Version.objects.get_for_object(other_run).exists()


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("-1", "Dieser Wert muss größer oder gleich 0 sein."),
        ("21", "Es sind mehr freie Plätze angegeben (21) als Plätze insgesamt (20)."),
        ("viele", "Bitte eine ganze Zahl eingeben."),
    ],
)
def test_a_bad_number_saves_nothing_and_says_why(editor_client, own_runs, value, message):
    first, second = own_runs
    data = figures([(second, 2)])
    data[f"run-{first.pk}-free_places"] = value
    response = editor_client.post(PLACES, data)
    page = response.content.decode()
    assert response.status_code == 200
    assert message in page and "Nichts gespeichert" in page
    for run, free in ((first, 5), (second, 16)):
        run.refresh_from_db()
        assert (run.free_places, run.places_reported_on) == (free, LAST_MONTH)


def test_ki_staff_see_every_provider_one_at_a_time(client, ki_editor, own_runs, other_run):
    client.force_login(ki_editor)
    page = client.get(PLACES).content.decode()
    assert "Sprachschule Lindenhof" in page and "Bildungswerk Ahorn" in page  # the provider choice
    assert 'name="run-' not in page
    chosen = client.get(PLACES, {"provider": other_run.offer.provider_id}).content.decode()
    assert f'name="run-{other_run.pk}-free_places"' in chosen and f"run-{own_runs[0].pk}-" not in chosen


def test_the_admin_names_who_reported_a_figure(client, ki_editor, own_runs, provider_editor):
    run = own_runs[0]
    run.places_reported_by = provider_editor
    run.save()
    client.force_login(ki_editor)
    page = client.get(reverse("admin:offers_offer_change", args=[run.offer_id])).content.decode()
    assert "lindenhof" in page and "Plätze gemeldet von" in page


# Runs in the offer's change form


def offer_post(offer, runs, **changes):
    """The offer form as the browser posts it, with its runs inline."""
    data = {
        "title_de": offer.title_de,
        "summary_de": offer.summary_de,
        "category": offer.category_id,
        "provider": offer.provider_id,
        "format": offer.format,
        "status": offer.status,
        "languages": offer.languages,
        "locations": [location.pk for location in offer.locations.all()],
        **({"closed_on_public_holidays": "on"} if offer.closed_on_public_holidays else {}),
        **management_form("course", runs=(len(runs), len(runs))),
    }
    for index, run in enumerate(runs):
        data.update(
            {
                f"runs-{index}-id": run.pk,
                f"runs-{index}-offer": offer.pk,
                f"runs-{index}-start_date": run.start_date.isoformat(),
                f"runs-{index}-end_date": run.end_date.isoformat() if run.end_date else "",
                f"runs-{index}-weekdays": [str(day) for day in run.weekdays],
                f"runs-{index}-class_start": run.class_start.strftime("%H:%M"),
                f"runs-{index}-class_end": run.class_end.strftime("%H:%M"),
                f"runs-{index}-location": run.location_id or "",
                f"runs-{index}-intensity": run.intensity,
                f"runs-{index}-time_of_day": run.time_of_day,
                f"runs-{index}-max_places": run.max_places,
                f"runs-{index}-free_places": run.free_places,
            }
        )
    data.update(changes)
    return data


def test_an_editor_changing_only_dates_and_places_in_the_offer_form_keeps_it_published(
    editor_client, own_runs, provider_editor
):
    first, second = own_runs
    offer = first.offer
    url = reverse("admin:offers_offer_change", args=[offer.pk])
    new_start = (TODAY + datetime.timedelta(days=14)).isoformat()
    response = editor_client.post(
        url, offer_post(offer, own_runs, **{"runs-0-free_places": "1", "runs-0-start_date": new_start})
    )
    assert response.status_code == 302
    first.refresh_from_db()
    assert (first.free_places, first.start_date.isoformat()) == (1, new_start)
    assert (first.places_reported_on, first.places_reported_by) == (TODAY, provider_editor)
    assert Offer.objects.get(pk=offer.pk).status == Offer.Status.PUBLISHED
    # A change of the text still waits for review.
    editor_client.post(url, offer_post(offer, own_runs, summary_de="Neuer Text."))
    assert Offer.objects.get(pk=offer.pk).status == Offer.Status.SUBMITTED


def test_a_runs_place_must_be_one_of_the_offers_places_as_submitted(editor_client, own_provider, own_runs):
    first, second = own_runs
    offer = first.offer
    elsewhere = LocationFactory(provider=own_provider, name="Lindenhof Nord")
    url = reverse("admin:offers_offer_change", args=[offer.pk])
    response = editor_client.post(url, offer_post(offer, own_runs, **{"runs-1-location": elsewhere.pk}))
    assert response.status_code == 200
    assert "Dieser Ort gehört nicht zum Angebot" in response.content.decode()
    assert CourseRun.objects.get(pk=second.pk).location_id is None
    # Added to the offer in the same submit, it fits.
    data = offer_post(offer, own_runs, **{"runs-1-location": elsewhere.pk})
    data["locations"] = [*data["locations"], elsewhere.pk]
    assert editor_client.post(url, data).status_code == 302
    assert CourseRun.objects.get(pk=second.pk).location_id == elsewhere.pk


def test_an_editor_cannot_open_or_pick_another_providers_runs_or_places(editor_client, own_runs, other_run):
    assert editor_client.get(reverse("admin:offers_courserun_change", args=[other_run.pk])).status_code in (302, 404)
    add = editor_client.get(reverse("admin:offers_courserun_add")).content.decode()
    assert "Bildungswerk Ahorn" not in add
    response = editor_client.post(
        reverse("admin:offers_courserun_add"),
        {"offer": other_run.offer_id, "start_date": TODAY.isoformat(), "note_de": "eingeschmuggelt"},
    )
    assert response.status_code == 200
    assert not CourseRun.objects.filter(note_de="eingeschmuggelt").exists()


def test_runs_have_their_own_history_and_an_offers_restore_leaves_them_alone(client, ki_editor, own_runs):
    first, second = own_runs
    offer = first.offer
    client.force_login(ki_editor)
    url = reverse("admin:offers_offer_change", args=[offer.pk])
    assert client.post(url, offer_post(offer, own_runs, summary_de="Fassung 1")).status_code == 302
    assert client.post(url, offer_post(offer, own_runs, **{"runs-0-free_places": "2"})).status_code == 302
    (run_version,) = Version.objects.get_for_object(first)
    assert run_version.field_dict["free_places"] == 2 and run_version.revision.user == ki_editor
    assert client.get(reverse("admin:offers_courserun_history", args=[first.pk])).status_code == 200
    # Restoring the offer's first version brings back its text, not an older places figure.
    old = Version.objects.get_for_object(offer).last()
    restore = reverse("admin:offers_offer_revision", args=[offer.pk, old.pk])
    assert client.post(restore, offer_post(offer, [], summary_de="Fassung 1")).status_code == 302
    first.refresh_from_db()
    assert first.free_places == 2 and CourseRun.objects.filter(pk=second.pk).exists()


# KI dashboard and reminders


@pytest.fixture
def stale_and_over(own_runs, other_provider, integration_course):
    over = OfferFactory(provider=other_provider, title_de="Kurs ohne neuen Termin")
    CourseRunFactory(
        offer=over, start_date=TODAY - datetime.timedelta(days=200), end_date=TODAY - datetime.timedelta(days=1)
    )
    OfferFactory(provider=other_provider, category=integration_course, title_de="Integrationskurs ohne Termine")
    OfferFactory(provider=other_provider, title_de="Beratung ohne Termine")  # no runs, not a course: nothing to say
    cafe = OfferFactory(provider=other_provider, title_de="Begegnungscafé")
    CourseRun.objects.create(offer=cafe, start_date=TODAY, note_de="Dienstags 16–18 Uhr")  # no places to report
    return over


def dashboard_sections(page):
    """Per provider on the dashboard: its name, then each line of its lists, tags removed."""
    runs_part = page.split("Termine und Plätze pflegen", 1)[1].split("<h3>", 1)[0]
    sections = {}
    for chunk in runs_part.split("<h4>")[1:]:
        name, rest = chunk.split("</h4>", 1)
        lines = re.findall(r"<li>(.*?)(?:<ul>|</li>)", rest, re.S)
        sections[name] = [" ".join(re.sub(r"<[^>]+>", " ", line).split()) for line in lines]
    return sections


def test_the_dashboard_lists_old_figures_and_courses_without_a_future_run_per_provider(
    client, ki_editor, stale_and_over
):
    client.force_login(ki_editor)
    page = client.get(reverse("admin:index")).content.decode()
    date = LAST_MONTH.strftime("%d.%m.%Y")
    later = (TODAY + datetime.timedelta(days=90)).strftime("%d.%m.%Y")
    first = (TODAY + datetime.timedelta(weeks=4)).strftime("%d.%m.%Y")
    assert dashboard_sections(page) == {
        "Bildungswerk Ahorn": [
            "2 Kurse ohne künftigen Termin",
            "Integrationskurs ohne Termine",
            "Kurs ohne neuen Termin",
        ],
        "Sprachschule Lindenhof": [
            "2 Termine: Plätze älter als 14 Tage oder nie gemeldet",
            f"Integrationskurs Lindenhof – {first} (Stand {date})",
            f"Integrationskurs Lindenhof – {later} (Stand {date})",
        ],
    }


def test_the_dashboard_shows_the_first_rows_and_links_to_all_of_them(client, ki_editor, own_provider):
    for number in range(5):
        offer = OfferFactory(provider=own_provider, title_de=f"Kurs {number}")
        CourseRunFactory(offer=offer, places_reported_on=None)
    client.force_login(ki_editor)
    page = client.get(reverse("admin:index")).content.decode()
    lines = dashboard_sections(page)["Sprachschule Lindenhof"]
    assert [line.split(" – ")[0] for line in lines] == [
        "5 Termine: Plätze älter als 14 Tage oder nie gemeldet",
        "Kurs 0",
        "Kurs 1",
        "Kurs 2",
    ]
    (link,) = re.findall(r'href="([^"]*places_outdated[^"]*)"', page)
    listed = client.get(link.replace("&amp;", "&"))
    assert listed.status_code == 200
    assert listed.context["cl"].result_count == 5
    assert sorted(run.offer.title_de for run in listed.context["cl"].result_list) == [f"Kurs {n}" for n in range(5)]


def test_the_dashboards_links_list_what_it_counts(client, ki_editor, stale_and_over, own_runs):
    client.force_login(ki_editor)
    page = client.get(reverse("admin:index")).content.decode()
    links = [
        link.replace("&amp;", "&")
        for link in re.findall(r'href="([^"]*(?:without_future_run|places_outdated)=yes[^"]*)"', page)
    ]
    assert len(links) == 2
    listed = {}
    for link in links:
        response = client.get(link)
        assert response.status_code == 200, link
        listed[link.split("?")[0]] = sorted(str(row) for row in response.context["cl"].result_list)
    assert listed == {
        reverse("admin:offers_courserun_changelist"): sorted(str(run) for run in own_runs),
        reverse("admin:offers_offer_changelist"): ["Integrationskurs ohne Termine", "Kurs ohne neuen Termin"],
    }


def test_review_reminders_name_old_figures_and_courses_without_a_future_run(stale_and_over, capsys):
    from django.core.management import call_command

    call_command("review_reminders")
    out = capsys.readouterr().out
    assert "Integrationskurs Lindenhof: freie Plätze bei 2 Termin(en) älter als 14 Tage oder nie gemeldet" in out
    assert "Kurs ohne neuen Termin: kein künftiger Termin" in out
    assert "Integrationskurs ohne Termine: kein künftiger Termin" in out
    assert "Beratung ohne Termine" not in out and "Begegnungscafé" not in out


def test_an_empty_field_confirms_no_figure(editor_client, own_runs):
    first, second = own_runs
    editor_client.post(PLACES, {f"run-{first.pk}-free_places": "", f"run-{second.pk}-free_places": "4"})
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.free_places, first.places_reported_on) == (None, LAST_MONTH)
    assert (second.free_places, second.places_reported_on) == (4, TODAY)


def test_the_runs_admin_list_shows_an_editor_only_their_runs(editor_client, own_runs, other_run):
    page = editor_client.get(reverse("admin:offers_courserun_changelist")).content.decode()
    assert "Integrationskurs Lindenhof" in page and "Bildungswerk Ahorn" not in page


def test_the_places_screen_in_english_names_the_number_column_and_marks_old_figures(editor_client, own_runs):
    """Finding 11: not the yes/no filter's "Places available"; a figure older than 14 days is marked in text."""
    fresh = own_runs[1]
    fresh.places_reported_on = TODAY
    fresh.save()
    editor_client.cookies["django_language"] = "en"
    page = editor_client.get(PLACES, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<th scope="col">Number of free places</th>' in page
    assert "Places available" not in page
    rows = re.findall(r"<tr>(.*?)</tr>", page, re.S)
    marked = [row for row in rows if "older than 14 days" in row]
    assert len(marked) == 1 and f"run-{own_runs[0].pk}-free_places" in marked[0]


# The change lists' filters behind the dashboard's links


RUNS = reverse("admin:offers_courserun_changelist")
OFFERS = reverse("admin:offers_offer_changelist")


def listed(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response
    return sorted(str(row) for row in response.context["cl"].result_list)


def test_the_runs_list_filters_old_figures_of_runs_not_over_and_by_provider(client, ki_editor, own_runs, other_run):
    first, second = own_runs
    second.places_reported_on = TODAY
    second.save()
    CourseRunFactory(
        offer=first.offer,
        start_date=TODAY - datetime.timedelta(days=60),
        end_date=TODAY - datetime.timedelta(days=1),
        places_reported_on=None,
    )  # over: nothing to report any more
    client.force_login(ki_editor)
    assert listed(client, RUNS, places_outdated="yes") == sorted([str(first), str(other_run)])
    own = own_runs[0].offer.provider_id
    assert listed(client, RUNS, places_outdated="yes", offer__provider__id__exact=own) == [str(first)]


def test_the_offers_list_filters_courses_without_a_future_run(client, ki_editor, stale_and_over, own_runs):
    client.force_login(ki_editor)
    assert listed(client, OFFERS, without_future_run="yes") == [
        "Integrationskurs ohne Termine",
        "Kurs ohne neuen Termin",
    ]
    rolling = OfferFactory(provider=stale_and_over.provider, title_de="Kurs mit Einstieg jederzeit")
    CourseRunFactory(offer=rolling, start_date=TODAY - datetime.timedelta(days=30), end_date=None, rolling_entry=True)
    assert "Kurs mit Einstieg jederzeit" not in listed(client, OFFERS, without_future_run="yes")
    assert listed(client, OFFERS, without_future_run="yes", provider__id__exact=own_runs[0].offer.provider_id) == []


@pytest.mark.parametrize("value", ["abc", "-1", "99999999999999999999"])
def test_a_bad_provider_in_the_runs_filter_is_no_error(client, ki_editor, own_runs, value):
    client.force_login(ki_editor)
    response = client.get(RUNS, {"offer__provider__id__exact": value})
    assert response.status_code in (200, 302)


# Acceptance: a provider editor guessing URLs with another provider's ids


def test_a_provider_editor_is_offered_only_their_provider_in_the_filters(
    client, ki_editor, editor_client, own_runs, other_run
):
    def choices(client, url):
        return client.get(url).content.decode().split("Nach Träger", 1)[1].split("</details>", 1)[0]

    for url in (RUNS, OFFERS):
        offered = choices(editor_client, url)
        assert "Sprachschule Lindenhof" in offered and "Bildungswerk Ahorn" not in offered, url
    client.force_login(ki_editor)
    offered = choices(client, RUNS)
    assert "Sprachschule Lindenhof" in offered and "Bildungswerk Ahorn" in offered


def test_another_providers_id_in_the_filter_urls_finds_nothing_of_it(
    editor_client, own_offer, foreign_offer, own_runs, other_run
):
    for offer in (own_offer, foreign_offer):
        CourseRunFactory(offer=offer, places_reported_on=None)
    OfferFactory(provider=foreign_offer.provider, category=own_offer.category, title_de="Fremder Kurs ohne Termin")
    foreign = foreign_offer.provider_id
    guesses = [
        (RUNS, {"offer__provider__id__exact": foreign}),
        (RUNS, {"offer__provider__id__exact": foreign, "places_outdated": "yes"}),
        (RUNS, {"offer__provider__id__exact": foreign, "places_outdated": "yes", "offer__status__exact": "published"}),
        (OFFERS, {"provider__id__exact": foreign}),
        (OFFERS, {"provider__id__exact": foreign, "without_future_run": "yes", "status__exact": "published"}),
    ]
    for url, params in guesses:
        response = editor_client.get(url, params)
        assert response.status_code == 200, (url, params)
        assert list(response.context["cl"].result_list) == [], (url, params)
        page = response.content.decode()
        assert "Fremdes Angebot" not in page and "Bildungswerk Ahorn" not in page, (url, params)
    # Without the provider, the same filters list the editor's own rows only.
    mine = listed(editor_client, RUNS, places_outdated="yes")
    assert mine and all(row.startswith(("Eigenes Angebot", "Integrationskurs Lindenhof")) for row in mine)
    page = editor_client.get(reverse("admin:index")).content.decode()
    assert "Bildungswerk Ahorn" not in page and "Fremd" not in page


def test_confirming_the_screen_as_shown_re_dates_every_figure_seen_and_nothing_else(
    client, ki_editor, editor_client, provider_editor, own_runs, other_run
):
    """The browser posts every field as shown: unchanged figures are confirmed as of today too."""
    first, second = own_runs
    first.offer.status = Offer.Status.SUBMITTED  # waiting for review: a confirmation must not publish it either
    first.offer.save()
    page = editor_client.get(PLACES).content.decode()
    shown = dict(re.findall(r'name="(run-\d+-free_places)"[^>]*value="(\d*)"', page))
    assert shown == {f"run-{first.pk}-free_places": "5", f"run-{second.pk}-free_places": "16"}
    offer_versions = Version.objects.get_for_object(first.offer).count()
    assert editor_client.post(PLACES, shown).status_code == 302
    for run, free in ((first, 5), (second, 16)):
        run.refresh_from_db()
        assert (run.free_places, run.places_reported_on, run.places_reported_by) == (free, TODAY, provider_editor)
    assert Offer.objects.get(pk=first.offer_id).status == Offer.Status.SUBMITTED
    assert Version.objects.get_for_object(first.offer).count() == offer_versions  # no text version
    other_run.refresh_from_db()
    assert (other_run.free_places, other_run.places_reported_on, other_run.places_reported_by) == (7, LAST_MONTH, None)
    assert Offer.objects.get(pk=other_run.offer_id).status == Offer.Status.PUBLISHED
    # KI staff confirming one provider's screen leave the other provider's runs alone as well.
    client.force_login(ki_editor)
    url = f"{PLACES}?provider={other_run.offer.provider_id}"
    chosen = dict(re.findall(r'name="(run-\d+-free_places)"[^>]*value="(\d*)"', client.get(url).content.decode()))
    assert chosen == {f"run-{other_run.pk}-free_places": "7"}
    assert client.post(url, {**chosen, f"run-{first.pk}-free_places": "1"}).status_code == 302
    other_run.refresh_from_db()
    first.refresh_from_db()
    assert (other_run.places_reported_on, other_run.places_reported_by) == (TODAY, ki_editor)
    assert (first.free_places, first.places_reported_by) == (5, provider_editor)
    assert Offer.objects.get(pk=other_run.offer_id).status == Offer.Status.PUBLISHED
