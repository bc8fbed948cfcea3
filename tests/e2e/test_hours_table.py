"""Issue 14 finding 8: at phone width, an Arabic weekday in the hours table is never broken inside the word."""

WEEKDAY_CELLS = """() => [...document.querySelectorAll('.weekly-hours th')].map(cell => {
    const range = document.createRange();
    range.selectNodeContents(cell);
    return {text: cell.textContent, lines: range.getClientRects().length};
})"""


def test_arabic_weekdays_stay_whole_in_the_hours_table_at_360px(page_factory, server):
    page = page_factory(locale="ar")
    page.goto(f"{server}/ar/offers/")
    links = page.eval_on_selector_all(".offer h3 a", "links => links.map(link => link.href)")
    cells = []
    for link in links:
        page.goto(link)
        cells = page.evaluate(WEEKDAY_CELLS)
        if cells:
            break
    assert cells, "a demo offer with weekly hours"
    assert [cell for cell in cells if cell["lines"] != 1] == []
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")  # the times wrap instead
