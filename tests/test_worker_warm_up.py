"""A started worker (portal/wsgi.py) has built what every page's language links need: no page pays for it."""

from django.urls import clear_url_caches, reverse
from django.urls.resolvers import URLResolver

from portal.i18n import warm_up_languages


def test_after_the_warm_up_no_page_builds_url_tables(client, ki_editor, monkeypatch):
    clear_url_caches()
    warm_up_languages()
    built = []
    original = URLResolver._populate
    monkeypatch.setattr(URLResolver, "_populate", lambda self: built.append(self) or original(self))
    client.force_login(ki_editor)
    for address in (reverse("admin:monitoring_overview"), "/ar/offers/", "/uk/"):
        assert client.get(address).status_code == 200
    assert built == []


def test_without_it_the_first_admin_page_builds_them(client, ki_editor, monkeypatch):
    # The check above is real: a worker that skipped the warm-up builds the tables on its first page.
    clear_url_caches()
    built = []
    original = URLResolver._populate
    monkeypatch.setattr(URLResolver, "_populate", lambda self: built.append(self) or original(self))
    client.force_login(ki_editor)
    assert client.get(reverse("admin:monitoring_overview")).status_code == 200
    assert built
