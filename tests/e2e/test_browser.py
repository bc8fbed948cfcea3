"""A newcomer and a caseworker in a real headless Chromium, JavaScript switched off."""

import os
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

SCREENSHOTS = os.environ.get("SCREENSHOT_DIR")
# German and every right-to-left language of LANGUAGES (Arabic, Persian): the layouts to check.
LAYOUT_CODES = [
    settings.LANGUAGE_CODE,
    *(code for code, _name in settings.LANGUAGES if code in settings.LANGUAGES_BIDI),
]


def only_local(page, server):
    outside = [url for url in page.requests if not url.startswith(server) and not url.startswith("data:")]
    assert outside == []


@pytest.mark.parametrize(
    ("code", "course", "filters", "town", "show"),
    [
        ("ar", "دورة الاندماج", "عوامل التصفية: دورة الاندماج", "مكان السكن", "عرض العروض"),
        ("fa", "دورهٔ ادغام", "فیلتر: دورهٔ ادغام", "محل سکونت", "نمایش پیشنهادها"),
    ],
)
def test_a_newcomer_reading_right_to_left_finds_an_integration_course_in_their_town(
    page_factory, server, code, course, filters, town, show
):
    page = page_factory(locale=code)
    page.goto(server + "/")
    assert page.url == f"{server}/{code}/"
    assert page.locator("html").get_attribute("dir") == "rtl"

    page.get_by_role("link", name=course).first.click()
    page.locator("summary", has_text=filters).click()  # on a phone the filters are folded
    page.get_by_label(town).select_option("unna")
    page.get_by_role("button", name=show).click()
    assert "municipality=unna" in page.url and "category=integrationskurs" in page.url
    first = page.locator("[data-offer-id] h3 a").first
    title = first.inner_text()
    first.click()
    assert page.locator("h1").inner_text() == title
    assert page.locator("html").get_attribute("lang") == code
    only_local(page, server)


def test_german_caseworker_uses_only_the_keyboard(page_factory, server):
    page = page_factory(locale="de-DE", width=1280)
    page.goto(server + "/de/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Zum Inhalt springen"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"  # visible focus

    def tab_to(predicate, limit=80):
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate(predicate):
                return
        raise AssertionError(f"never reached: {predicate}")

    tab_to("document.activeElement.href && document.activeElement.href.includes('category=integrationskurs')")
    page.keyboard.press("Enter")
    page.wait_for_url("**/de/offers/?category=integrationskurs")
    tab_to("document.activeElement.name === 'municipality'")
    page.keyboard.type("Lünen")
    tab_to("document.activeElement.type === 'submit'")
    page.keyboard.press("Enter")
    page.wait_for_url("**municipality=luenen**")
    tab_to("document.activeElement.closest('[data-offer-id]') !== null")
    page.keyboard.press("Enter")
    page.wait_for_url("**/de/offers/*-*/")
    assert page.locator("h1").count() == 1
    only_local(page, server)


SMALL_TAP_TARGETS = """() => {
  const small = [];
  for (const el of document.querySelectorAll('a[href], button, select, input, textarea, summary')) {
    if (el.closest('.text') || el.classList.contains('term') || el.classList.contains('skip-link')) continue;  // running text (a glossary word is a link inside a sentence); shown on focus
    const target = el.type === 'checkbox' ? (el.closest('label') || el.closest('.check')) : el;
    const box = target.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;  // not rendered, e.g. in closed <details>
    if (box.height < 44 || box.width < 44) small.push(`${el.outerHTML.slice(0, 80)} ${box.width}x${box.height}`);
  }
  return small;
}"""

PAGES = [
    "/{code}/",
    "/{code}/offers/",
    "/{code}/offers/?municipality=unna&category=integrationskurs",
    "/{code}/towns/luenen/",
    "/{code}/categories/jugendmigrationsdienst/",
    "/{code}/info/barrierefreiheit/",
    "/{code}/info/leichte-sprache/",
    "/{code}/offers/?walk_in=1&open_now=0",  # issue 14: the hours filters, counselling cards with their hours
    "/{code}/glossary/",
    "/{code}/offers/?near=59423&municipality=bergkamen&category=integrationskurs",
    "/{code}/offers/?near=12345",
]


@pytest.mark.parametrize("code", LAYOUT_CODES)
def test_pages_pass_axe_wcag21_aa_with_44px_tap_targets_and_load_nothing_from_elsewhere(page_factory, server, code):
    from axe_playwright_python.sync_playwright import Axe

    page = page_factory(locale=code, javascript=True)  # axe itself is a script
    page.goto(f"{server}/{code}/offers/?category=integrationskurs")
    course = page.locator("[data-offer-id] h3 a").first.get_attribute("href")
    page.goto(server + course)
    provider = page.locator(".facts a[href*='/providers/']").first.get_attribute("href")
    page.goto(f"{server}/{code}/offers/?category=migrationsberatung-erwachsene&walk_in=1")
    counselling = page.locator("[data-offer-id] h3 a").first.get_attribute("href")  # its weekly table and closures
    urls = [url.format(code=code) for url in PAGES] + [course, provider, counselling]
    axe = Axe()
    for url in urls:
        page.goto(server + url)
        results = axe.run(
            page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
        )
        assert results.violations_count == 0, (url, results.generate_report())
        assert page.evaluate(SMALL_TAP_TARGETS) == [], url
        assert page.locator("h1").count() == 1, url
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), f"{url} scrolls sideways"
        if SCREENSHOTS:
            name = url.strip("/").replace("/", "_").replace("?", "_").replace("&", "_").replace("=", "-")
            page.screenshot(path=str(Path(SCREENSHOTS) / f"{name or 'root'}.png"), full_page=True)
    # The strict Content-Security-Policy blocked nothing the pages need.
    assert [error for error in page.console_errors if "Content Security Policy" in error] == []
    only_local(page, server)


def test_back_office_works_under_the_content_security_policy(page_factory, server):
    page = page_factory(locale="de-DE", javascript=True, width=1280)
    page.goto(server + "/admin/login/")
    page.fill("#id_username", "e2e-editor")
    page.fill("#id_password", "e2e-pass-4711")
    page.click("input[type=submit]")
    page.goto(server + "/admin/offers/offer/1/change/")
    page.wait_for_selector(".ui-tabs")  # jQuery UI, served by the portal, built the language tabs
    page.goto(server + "/admin/offers/offer/")
    assert [error for error in page.console_errors if "Content Security Policy" in error] == []
    only_local(page, server)


@pytest.mark.parametrize("code", LAYOUT_CODES)
def test_caseworker_quick_mode_fits_a_phone(page_factory, server, code):
    page = page_factory(locale=code)
    page.goto(f"{server}/{code}/offers/?municipality=luenen")
    page.locator("[data-offer-id] button.handout-button").first.click()
    page.locator(".caseworker-tools button").click()
    assert page.locator(".offer.compact").count() > 0
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert page.evaluate(SMALL_TAP_TARGETS) == []


def test_handout_buttons_of_one_list_form_add_and_remove_the_offer_they_sit_on(page_factory, server):
    page = page_factory(locale="de-DE")  # no JavaScript: the remove button's formaction is plain HTML
    page.goto(f"{server}/de/offers/?municipality=luenen")
    cards = page.locator("[data-offer-id]")
    first, second = cards.nth(0).get_attribute("data-offer-id"), cards.nth(1).get_attribute("data-offer-id")
    for offer in (first, second):
        page.locator(f'[data-offer-id="{offer}"]').get_by_role("button", name="Zur Handreichung").click()
        page.wait_for_load_state()
    # The count stays one text in the flex button, with its spaces ("(2Angebote)" before).
    expect(page.get_by_role("link", name="Handreichung ansehen (2 Angebote)", exact=True)).to_have_count(1)
    page.locator(f'[data-offer-id="{first}"]').get_by_role("button", name="Aus der Handreichung nehmen").click()
    expect(page.get_by_role("link", name="Handreichung ansehen (1 Angebot)", exact=True)).to_have_count(1)
    expect(page.locator(f'[data-offer-id="{first}"]').get_by_role("button", name="Zur Handreichung")).to_have_count(1)
    expect(
        page.locator(f'[data-offer-id="{second}"]').get_by_role("button", name="Aus der Handreichung nehmen")
    ).to_have_count(1)


def test_make_run_shows_a_mistyped_offer_id_the_portals_404_page_in_the_visitors_language(page_factory, server):
    """The demo of `make run` (served here as it serves it) is the product: no debug page with URL patterns."""
    page = page_factory(locale="uk")
    response = page.goto(server + "/uk/offers/99999-kurs/")
    assert response.status == 404
    assert page.locator("html").get_attribute("lang") == "uk"
    assert page.locator("h1").inner_text() == "Сторінку не знайдено"
    body = page.locator("body").inner_text()
    assert "URLconf" not in body and "DEBUG = True" not in body and "Page not found" not in body
    # Static files are still served: the page has its stylesheet.
    assert page.evaluate("getComputedStyle(document.body).margin") == "0px"
    only_local(page, server)


FIRST_SCREEN = 640  # px of a phone's first screen, below the browser's own bars


@pytest.mark.parametrize(
    ("code", "query", "summary"),
    [
        ("de", "", "Suchen und filtern"),
        ("de", "?municipality=unna&category=integrationskurs", "Filter: Unna und Integrationskurs"),
        (
            "ar",
            "?municipality=luenen&category=integrationskurs&childcare=1",
            "عوامل التصفية: Lünen ودورة الاندماج ومع رعاية الأطفال",
        ),
        (
            "fa",
            "?municipality=luenen&category=integrationskurs&childcare=1",
            "فیلتر: Lünen،\u200f دورهٔ ادغام، و با نگهداری از کودک",  # Babel's Persian list, with its right-to-left mark
        ),
    ],
)
def test_on_a_phone_the_results_come_first_and_the_folded_filters_name_the_active_ones(
    page_factory, server, code, query, summary
):
    page = page_factory(locale=code)
    page.goto(f"{server}/{code}/offers/{query}")
    first = page.locator("[data-offer-id]").first.bounding_box()
    assert first["y"] < FIRST_SCREEN, first
    folded = page.locator("details.filter-panel")
    assert folded.get_attribute("open") is None
    assert folded.locator("> summary").inner_text() == summary
    # Opened without JavaScript, the filters are all there.
    folded.locator("> summary").click()
    expect(page.locator("select[name=municipality]")).to_be_visible()


def test_on_a_phone_the_call_button_is_on_the_first_screen_of_an_offer(page_factory, server):
    page = page_factory(locale="de-DE")
    page.goto(f"{server}/de/offers/?category=integrationskurs")
    page.locator("[data-offer-id] h3 a").first.click()
    call = page.locator("a.call-button")
    box = call.bounding_box()
    assert call.get_attribute("href").startswith("tel:+49")
    assert box["height"] >= 44 and box["y"] + box["height"] <= FIRST_SCREEN, box
