"""The offer list of the back office fits a staff screen: every column without scrolling sideways."""

import pytest


def log_in(page, server):
    page.goto(server + "/admin/login/")
    page.fill("#id_username", "e2e-editor")
    page.fill("#id_password", "e2e-pass-4711")
    page.click("input[type=submit]")


@pytest.mark.parametrize("width", [1280, 1600, 1920])
def test_translated_column_of_the_offer_list_is_on_screen(page_factory, server, width):
    page = page_factory(width=width, javascript=True)
    log_in(page, server)
    page.goto(server + "/admin/offers/offer/")
    header = page.locator("#result_list thead th.column-translations")
    box = header.bounding_box()
    assert box is not None
    assert box["x"] + box["width"] <= width, (box, width)
    # The table itself does not run past the window either.
    assert page.evaluate("document.documentElement.scrollWidth") <= width
