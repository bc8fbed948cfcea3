"""A town's website frames the embeddable list: allowed for the configured origin, refused for any other."""

from urllib.parse import quote


def town_page(page, site, server):
    """A page of `site` with the list of Unna's integration courses, in Arabic, in a frame."""
    embed = f"{server}/ar/embed/offers/?municipality=unna&category=integrationskurs"
    page.goto(f"{site}/frame?src={quote(embed, safe='')}")
    page.wait_for_load_state("load")
    return next(frame for frame in page.frames if frame is not page.main_frame)


def test_the_configured_town_website_shows_the_list_and_its_links_open_the_portal(page_factory, server, town_websites):
    page = page_factory(locale="ar")
    frame = town_page(page, town_websites[0], server)
    link = frame.locator("[data-offer-id] h3 a").first
    assert link.get_attribute("target") == "_top"
    assert frame.locator("html").get_attribute("dir") == "rtl"
    assert frame.locator(".site-header").count() == 0
    link.click()
    page.wait_for_url(f"{server}/ar/offers/**")
    # The whole window moves to the portal's offer page, not the little frame.
    assert page.locator(".site-header").count() == 1


def test_another_website_may_not_frame_the_list(page_factory, server, town_websites):
    page = page_factory(locale="ar")
    frame = town_page(page, town_websites[1], server)
    # Chromium refuses the frame (CSP frame-ancestors): it shows its own error page, none of the list.
    assert frame.url.startswith("chrome-error://")
    assert frame.locator("[data-offer-id]").count() == 0
