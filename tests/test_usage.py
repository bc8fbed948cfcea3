"""Usage figures that track no one: counted per day in the cache, flushed in batches, shown to KI staff."""

import csv
import io
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext
from django.urls import resolve, reverse
from django.utils import timezone, translation

from offers.factories import LocationFactory, OfferFactory
from usage import counter
from usage.middleware import CountUsageMiddleware
from usage.models import DailyCount

pytestmark = pytest.mark.django_db
ADDRESS = "203.0.113.7"
AGENT = "Mozilla/5.0 (Zählt-mich-nicht)"


def visit(client, url, **headers):
    return client.get(url, REMOTE_ADDR=ADDRESS, HTTP_USER_AGENT=AGENT, **headers)


def figures():
    """{(kind, page, language, town): count} for today, after a flush."""
    call_command("flush_usage", stdout=io.StringIO())
    rows = DailyCount.objects.filter(day=timezone.localdate())
    return {(row.kind, row.page, row.language, row.town): row.count for row in rows}


@pytest.fixture
def offer(unna):
    return OfferFactory(title_de="Sprachcafé", locations=[LocationFactory(municipality=unna)])


def test_page_views_are_counted_by_page_type_language_and_town_also_from_the_page_cache(client, offer):
    url = f"/ar/offers/{offer.pk}-{offer.slug}/"
    for _ in range(3):
        assert visit(client, url).status_code == 200  # the second and third come from the page cache
    visit(client, "/de/towns/unna/")
    visit(client, "/uk/offers/?municipality=unna&q=Deutsch")
    visit(client, "/uk/offers/?municipality=nowhere")  # an unknown town is no figure
    visit(client, "/de/offers/99999/")  # a 404 is no page view
    assert figures() == {
        ("page_view", "offer_detail", "ar", ""): 3,
        ("town_view", "offer_detail", "ar", "unna"): 3,
        ("page_view", "municipality_detail", "de", ""): 1,
        ("town_view", "municipality_detail", "de", "unna"): 1,
        ("page_view", "offer_list", "uk", ""): 2,
        ("town_view", "offer_list", "uk", "unna"): 1,
        ("search", "offer_list", "uk", ""): 1,
        ("failed_search", "offer_list", "uk", ""): 1,  # fewer than three offers found (offers/failed_searches.py)
    }


def test_a_view_marking_its_search_failed_is_counted_as_a_failed_search(client, rf):
    # The search's hook: a view sets response.page_facts["search_failed"]; the middleware counts it.
    def view(request):
        response = HttpResponse("nichts gefunden")
        response.page_facts = {"search_failed": True}
        return response

    request = rf.get("/tr/offers/?q=xyz")
    request.LANGUAGE_CODE = "tr"
    with translation.override("tr"):
        request.resolver_match = resolve("/tr/offers/")
    middleware = CountUsageMiddleware(view)
    response = middleware(request)
    assert response.status_code == 200
    assert figures() == {
        ("page_view", "offer_list", "tr", ""): 1,
        ("search", "offer_list", "tr", ""): 1,
        ("failed_search", "offer_list", "tr", ""): 1,
    }


def stored_keys():
    """The cache's keys as local memory stores them (':<version>:<key>'), from Redis too (REDIS_URL)."""
    if hasattr(cache, "keys"):  # django-redis lists its keys without the version
        return [f":{cache.version}:{key}" for key in cache.keys("*")]
    return list(cache._cache)  # noqa: SLF001 (the local-memory cache has no public list of its keys)


def test_a_qr_code_visit_is_counted_and_redirected_so_the_page_cache_keeps_one_copy(client, offer):
    url = f"/ru/offers/{offer.pk}-{offer.slug}/"
    response = visit(client, f"{url}?via=qr")
    assert response.status_code == 302
    assert response.url == url
    assert visit(client, response.url).status_code == 200
    share = visit(client, f"/de/handout/?offers={offer.pk}&client=ar&via=qr")
    assert share.url == f"/de/handout/?offers={offer.pk}&client=ar"
    page_keys = [key for key in stored_keys() if ":page:" in key]
    assert len(page_keys) == 1
    assert figures() == {
        ("qr_visit", "offer_detail", "ru", ""): 1,
        ("qr_visit", "handout", "de", ""): 1,
        ("page_view", "offer_detail", "ru", ""): 1,
        ("town_view", "offer_detail", "ru", "unna"): 1,
    }


def test_handouts_count_opened_on_each_view_and_printed_only_through_the_print_rule(client, offer):
    page = visit(client, f"/tr/handout/?offers={offer.pk}&client=ar").content.decode()
    assert '<div class="print-counter" aria-hidden="true"></div>' in page
    assert '<link rel="stylesheet" href="/usage/print-counter/tr.css">' in page
    rule = visit(client, "/usage/print-counter/tr.css")
    assert rule["Content-Type"] == "text/css"
    stylesheet = rule.content.decode()
    assert stylesheet.startswith("@media print {")  # never loaded on screen
    assert '.print-counter::after { content: url("/usage/printed/tr.gif"); }' in stylesheet
    assert visit(client, "/usage/print-counter/xx.css").status_code == 404
    assert "/usage/printed/" not in (Path(__file__).parent.parent / "portal/static/portal/site.css").read_text()
    pixel = visit(client, "/usage/printed/tr.gif")
    assert pixel["Content-Type"] == "image/gif"
    assert "no-store" in pixel["Cache-Control"]
    assert not pixel.cookies
    assert visit(client, "/usage/printed/xx.gif").status_code == 404
    assert figures() == {
        ("page_view", "handout", "tr", ""): 1,
        ("handout_print", "handout", "tr", ""): 1,
    }


def test_nothing_written_says_who_visited(client, offer):
    visit(client, f"/de/offers/{offer.pk}-{offer.slug}/?via=qr", HTTP_COOKIE="csrftoken=abc")
    visit(client, f"/de/offers/{offer.pk}-{offer.slug}/")
    visit(client, "/usage/printed/de.gif")
    keys = [key for key in stored_keys() if ":usage:" in key]
    values = [str(cache.get(key.split(":", 2)[2])) for key in keys]
    written = " ".join(keys + values)
    assert keys
    for personal in (ADDRESS, AGENT, "Mozilla", "abc", "sessionid", "csrftoken"):
        assert personal not in written
    figures()
    rows = list(DailyCount.objects.values())
    assert rows
    for row in rows:
        assert set(row) == {"id", "day", "kind", "page", "language", "town", "count"}
        assert not {str(value) for value in row.values()} & {ADDRESS, AGENT, "abc"}
    # Counting sets no cookie: the offer page's handout form needs its CSRF token, nothing else.
    assert set(visit(client, f"/de/offers/{offer.pk}-{offer.slug}/").cookies) <= {"csrftoken"}


def test_a_hundred_requests_make_at_most_a_constant_number_of_database_writes(client, offer, monkeypatch, settings):
    settings.USAGE_FLUSH_EVERY = 60
    monkeypatch.setattr(counter, "_flushed_at", counter.time.monotonic())
    url = f"/en/offers/{offer.pk}-{offer.slug}/"
    visit(client, url)  # the page is in the page cache now

    def writes(queries):
        return [q["sql"] for q in queries if re.match(r"\s*(INSERT|UPDATE|DELETE)", q["sql"], re.I)]

    with CaptureQueriesContext(connection) as hundred:
        for _ in range(100):
            visit(client, url)
    assert writes(hundred.captured_queries) == []
    # Once a minute a process flushes by itself: one write per figure, however many requests.
    monkeypatch.setattr(counter, "_flushed_at", counter._flushed_at - 61)
    with CaptureQueriesContext(connection) as flushing:
        visit(client, url)
    assert 1 <= len(writes(flushing.captured_queries)) <= 4  # page view and town view: update or insert each
    assert figures() == {
        ("page_view", "offer_detail", "en", ""): 102,
        ("town_view", "offer_detail", "en", "unna"): 102,
    }


def test_flushing_adds_to_the_day_and_keeps_counts_made_meanwhile(offer):
    counter.count("page_view", "home", "de")
    counter.count("page_view", "home", "de")
    assert counter.flush() == 2
    counter.count("page_view", "home", "de")
    assert counter.flush() == 1
    assert counter.flush() == 0
    assert DailyCount.objects.get(kind="page_view", page="home").count == 3


def test_counts_with_made_up_dimensions_are_not_kept(offer):
    counter.count("page_view", "home", "xx")
    counter.count("page_view", "home:evil", "de")
    counter.count("anything", "home", "de")
    counter.count("page_view", "home", "de", "Unna 59423 Straße")
    assert counter.flush() == 0
    assert not DailyCount.objects.exists()


# The charts


def test_ki_staff_see_charts_as_svg_in_their_language_and_download_csv(client, ki_editor, offer):
    today = timezone.localdate()
    DailyCount.objects.create(day=today, kind="page_view", page="offer_detail", language="ar", count=7)
    DailyCount.objects.create(day=today - timedelta(days=3), kind="page_view", page="home", language="de", count=4)
    DailyCount.objects.create(day=today, kind="town_view", page="offer_detail", language="ar", town="unna", count=7)
    DailyCount.objects.create(day=today - timedelta(days=80), kind="page_view", page="home", language="de", count=99)
    client.force_login(ki_editor)
    page = client.get(reverse("admin:usage_dailycount_changelist")).content.decode()
    assert page.count("<svg") >= 4
    assert "<script" not in page.split('id="content-main"')[1]
    assert "<text" in page
    assert "<polyline" in page
    # Coordinates stay plain numbers in German too: x="42,5" would place two glyphs, at 42 and 5.
    coordinates = re.findall(r'\s(?:x|y|x1|y1|x2|y2)="([^"]*)"', page.split('id="content-main"')[1])
    assert coordinates and all(re.fullmatch(r"\d+(\.\d+)?", value) for value in coordinates)
    assert "Seitenaufrufe je Seitentyp" in page
    assert "<td>" in page and "Angebot" in page and "Unna" in page and "Arabisch" in page
    assert ">99<" not in page  # older than 8 weeks
    arabic = client.get(reverse("admin:usage_dailycount_changelist"), HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert '<html lang="ar" dir="rtl">' in arabic
    assert 'direction="rtl"' in arabic
    assert "مشاهدات الصفحات حسب اللغة" in arabic
    download = client.get(reverse("admin:usage_dailycount_changelist") + "?format=csv")
    assert download["Content-Type"] == "text/csv"
    rows = list(csv.reader(io.StringIO(b"".join(download.streaming_content).decode())))
    assert rows[0] == ["day", "kind", "page", "language", "town", "count"]
    assert [today.isoformat(), "page_view", "offer_detail", "ar", "", "7"] in rows
    assert len(rows) == 4


def test_provider_editors_see_no_site_wide_usage(editor_client):
    DailyCount.objects.create(day=timezone.localdate(), kind="page_view", page="home", language="de", count=5)
    assert editor_client.get(reverse("admin:usage_dailycount_changelist")).status_code == 403
    assert editor_client.get(reverse("admin:usage_dailycount_changelist") + "?format=csv").status_code == 403
    dashboard = editor_client.get(reverse("admin:index")).content.decode()
    assert "Nutzungszahlen" not in dashboard
    assert reverse("admin:usage_dailycount_changelist") not in dashboard
