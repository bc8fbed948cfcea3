"""A phone with the browser's default text size raised, as many older readers set it."""

import pytest
from django.conf import settings

from .test_browser import SMALL_TAP_TARGETS

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]

SIDEWAYS = """() => {
  const root = document.documentElement;
  if (root.scrollWidth <= root.clientWidth) return [];
  // The elements that stick out, to say what to fix.
  return [...document.querySelectorAll('body *')].filter(el => el.getBoundingClientRect().right > root.clientWidth + 0.5
      || el.getBoundingClientRect().left < -0.5).slice(-3).map(el => el.outerHTML.slice(0, 100));
}"""


def with_default_font_size(page, pixels):
    """The browser setting itself (Chromium's default font size, what `medium` and 1rem are),
    not a page style: Chromium's own Page.setFontSizes over the DevTools protocol."""
    session = page.context.new_cdp_session(page)
    session.send("Page.setFontSizes", {"fontSizes": {"standard": pixels, "fixed": round(pixels * 13 / 16)}})


@pytest.fixture(scope="module")
def sample(browser, server):
    """An offer with a phone number and its provider, found as a visitor finds them."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{server}/de/offers/?category=integrationskurs")
    offers = page.locator("[data-offer-id]")
    ids = [offers.nth(index).get_attribute("data-offer-id") for index in range(3)]
    page.goto(server + offers.first.locator("h3 a").get_attribute("href"))
    offer = page.url.removeprefix(server + "/de/")
    provider = page.locator(".facts a[href*='/providers/']").first.get_attribute("href").removeprefix("/de/")
    context.close()
    return {"offer": offer, "provider": provider, "ids": ",".join(ids)}


@pytest.mark.parametrize("percent", [100, 150, 200])
@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_no_page_scrolls_sideways_on_a_phone_with_larger_text_and_every_target_is_44px(
    page_factory, server, sample, code, percent
):
    page = page_factory(locale=code)
    with_default_font_size(page, 16 * percent // 100)
    urls = [
        "",
        "offers/",
        "offers/?municipality=unna&category=integrationskurs&category=beratung&language=ar&free=1&q=Kurs",
        sample["offer"],
        "towns/holzwickede/",
        "towns/luenen/",
        "categories/jugendmigrationsdienst/",
        sample["provider"],
        "info/integrationskurs/",
        "info/leichte-sprache/",
        f"handout/?offers={sample['ids']}&client=ar",
        "info/barrierefreiheit/",
        "glossary/",
        "offers/?near=59423&municipality=bergkamen",
        "offers/99999-gibt-es-nicht/",
    ]
    sideways, small = {}, {}
    for url in urls:
        page.goto(f"{server}/{code}/{url}")
        assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == f"{16 * percent // 100}px"
        if overflowing := page.evaluate(SIDEWAYS):
            sideways[url] = overflowing
        if targets := page.evaluate(SMALL_TAP_TARGETS):
            small[url] = targets
    # The accessibility feedback form sent empty: its answer with the error messages.
    page.goto(f"{server}/{code}/info/barrierefreiheit/")
    page.locator("form.feedback button[type=submit]").click()
    assert page.locator(".field-error").count() > 0
    if overflowing := page.evaluate(SIDEWAYS):
        sideways["accessibility-feedback/"] = overflowing
    assert sideways == {}
    assert small == {}
