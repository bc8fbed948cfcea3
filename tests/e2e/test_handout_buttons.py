"""The handout buttons in a real Chromium with JavaScript off: the caseworker stays where they were."""


def card_in_view_and_focused(page, card_id):
    return page.evaluate(
        """id => {
            const card = document.getElementById(id);
            const top = card.getBoundingClientRect().top;
            return [document.activeElement === card, top >= 0 && top < innerHeight];
        }""",
        card_id,
    )


def test_adding_and_removing_return_to_the_same_card_on_a_long_list(page_factory, server):
    page = page_factory(locale="de-DE", width=1280)
    page.goto(server + "/de/offers/?page=1")
    cards = page.locator("[data-offer-id]")
    assert cards.count() == 20
    card = cards.nth(14)  # far down the first page
    offer_id = card.get_attribute("data-offer-id")

    card.get_by_role("button", name="Zur Handreichung").click()
    assert page.url == f"{server}/de/offers/?page=1#offer-{offer_id}"
    assert page.locator(f"#offer-{offer_id}").get_attribute("data-offer-id") == offer_id
    assert card_in_view_and_focused(page, f"offer-{offer_id}") == [True, True]

    page.locator(f"#offer-{offer_id}").get_by_role("button", name="Aus der Handreichung nehmen").click()
    assert page.url == f"{server}/de/offers/?page=1#offer-{offer_id}"
    assert card_in_view_and_focused(page, f"offer-{offer_id}") == [True, True]
    assert page.locator(f"#offer-{offer_id}").get_by_role("button", name="Zur Handreichung").count() == 1
