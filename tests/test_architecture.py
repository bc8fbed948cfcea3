"""Dependencies between the project's apps point one way: no app imports one that imports it back.

portal (infrastructure) <- municipalities <- offers <- pages, handouts, links, reports, usage, demo, glossary,
imports <- … ; api (open data) imports what it publishes, and nothing imports it; monitoring reads
municipalities, offers, reports and usage for KI staff, and nothing imports it.
"""

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pytest
from django.urls import resolve, reverse
from django.utils import translation

ROOT = Path(__file__).resolve().parent.parent
APPS = sorted(path.parent.name for path in ROOT.glob("*/apps.py"))


def imported_apps(app):
    """The other apps that `app`'s code (not its migrations) imports, anywhere in a module."""
    imported = set()
    for module in (ROOT / app).rglob("*.py"):
        if "migrations" in module.relative_to(ROOT).parts:
            continue
        for node in ast.walk(ast.parse(module.read_text(), str(module))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level:
                names = [node.module]
            else:
                continue
            imported.update(name.split(".")[0] for name in names)
    return (imported & set(APPS)) - {app}


def test_the_apps_are_found():
    assert {
        "portal",
        "municipalities",
        "offers",
        "pages",
        "handouts",
        "links",
        "reports",
        "usage",
        "demo",
        "glossary",
        "api",
        "imports",
        "monitoring",
    } <= set(APPS)


def test_nothing_imports_the_reports_and_usage_apps():
    # They hook into the offer admin, the dashboard and review_reminders instead (see docs/architecture.md).
    # Only the monitoring reads them, and nothing imports the monitoring.
    graph = {app: imported_apps(app) for app in APPS}
    assert {app for app, imported in graph.items() if imported & {"reports", "usage"}} <= {"monitoring"}
    assert graph["reports"] <= {"portal", "offers", "municipalities"}
    assert graph["usage"] <= {"portal", "offers", "municipalities"}


def test_no_app_imports_an_app_that_imports_it_back():
    graph = {app: imported_apps(app) for app in APPS}
    try:
        tuple(TopologicalSorter(graph).static_order())
    except CycleError as error:
        raise AssertionError(f"Apps import each other in a circle: {' -> '.join(reversed(error.args[1]))}") from None
    assert graph["portal"] == set()  # the infrastructure imports none of the apps
    # The glossary links words on offer pages through its template tag: no app imports it.
    assert not [app for app, imports in graph.items() if "glossary" in imports]


def test_the_open_data_app_is_imported_by_no_other_app():
    # api publishes what the others keep: it reads them, they never depend on it.
    assert imported_apps("api") <= {"portal", "municipalities", "offers", "pages"}
    assert [app for app in APPS if "api" in imported_apps(app)] == []


def test_the_spreadsheet_exchange_is_imported_by_no_app():
    # It reads and writes offers, towns and the portal's helpers; nothing may depend on it,
    # so the exchange of spreadsheets can change (or go) without touching the catalogue.
    assert {app for app in APPS if "imports" in imported_apps(app)} == set()
    assert imported_apps("imports") <= {"portal", "municipalities", "offers"}


def test_the_monitoring_is_imported_by_no_app():
    # It reads towns, offers, reports and usage figures for KI staff; nothing may depend on it.
    assert {app for app in APPS if "monitoring" in imported_apps(app)} == set()
    assert imported_apps("monitoring") <= {"portal", "municipalities", "offers", "reports", "usage"}


@pytest.mark.parametrize(
    ("name", "kwargs", "address"),
    [
        ("root", {}, "/"),
        ("home", {}, "/de/"),
        ("offer_list", {}, "/de/offers/"),
        ("offer_detail", {"pk": 7, "slug": "kurs"}, "/de/offers/7-kurs/"),
        ("offer_detail_short", {"pk": 7}, "/de/offers/7/"),
        ("provider_detail", {"slug": "vhs"}, "/de/providers/vhs/"),
        ("category_detail", {"slug": "sprache"}, "/de/categories/sprache/"),
        ("municipality_detail", {"slug": "unna"}, "/de/towns/unna/"),
        ("page_detail", {"slug": "barrierefreiheit"}, "/de/info/barrierefreiheit/"),
        ("accessibility_feedback", {}, "/de/accessibility-feedback/"),
        ("handout", {}, "/de/handout/"),
        ("handout_add", {}, "/de/handout/add/"),
        ("handout_remove", {}, "/de/handout/remove/"),
        ("handout_clear", {}, "/de/handout/clear/"),
        ("handout_quick_mode", {}, "/de/handout/quick-mode/"),
        ("report_form", {"pk": 7}, "/de/r/7/"),
        ("report_thanks", {"pk": 7}, "/de/r/7/thanks/"),
        ("glossary", {}, "/de/glossary/"),
        ("hsds_root", {}, "/api/hsds/"),
        ("hsds_services", {}, "/api/hsds/services"),
        ("api_openapi", {}, "/api/openapi.json"),
    ],
)
def test_each_app_serves_its_addresses_under_the_names_they_always_had(name, kwargs, address):
    # Printed QR codes and bookmarks carry these addresses; templates and tests reverse the names.
    with translation.override("de"):  # whatever language an earlier test's request left active
        assert reverse(name, kwargs=kwargs) == address
        assert resolve(address).url_name == name
