"""A caseworker builds a German + Arabic handout without JavaScript and prints it to PDF."""

import os
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from . import firefox

pytestmark = pytest.mark.skipif(
    not shutil.which("pdftotext"), reason="the PDF checks need poppler-utils (apt-get install poppler-utils); .ci/run installs it"
)

DOCS = os.environ.get("HANDOUT_PNG_DIR")  # set to docs/ to refresh the README's pictures
FIREFOX = shutil.which("firefox-esr") or shutil.which("firefox")


def arabic_words(text):
    """Words a PDF text layer keeps intact (lam-alef ligatures come back decomposed)."""
    return [w for w in re.findall(r"[\u0600-\u06ff]{4,}", text) if not re.search("ل[اأإآ]", w)]


def build_handout(page, server, client_language):
    page.goto(server + "/de/offers/?municipality=luenen&category=integrationskurs&category=migrationsberatung-erwachsene&category=jugendmigrationsdienst")
    for index in range(3):
        page.locator("[data-offer-id]").nth(index).get_by_role("button", name="Zur Handreichung").click()
    page.get_by_role("link", name=re.compile("Handreichung ansehen")).click()
    page.get_by_label("Sprache der Person, die beraten wird").select_option(client_language)
    page.get_by_role("button", name="Sprache übernehmen").click()
    assert page.locator(".handout-offer").count() == 3
    return page


@pytest.mark.parametrize("client_language", ["ar", "uk"])
def test_three_offer_handout_prints_on_one_or_two_pages(page_factory, server, tmp_path, client_language):
    page = build_handout(page_factory(locale="de-DE", width=1200), server, client_language)
    titles = page.locator(f'.handout-block[lang="{client_language}"] h2').all_inner_texts()
    pdf = tmp_path / "handout.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)

    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert 1 <= pages <= 2, pages
    text = unicodedata.normalize("NFKC", subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout)
    if client_language == "ar":
        words = [word for title in titles for word in arabic_words(title)]
        assert words, titles
        assert sum(word in text for word in words) >= len(words) * 0.8, (words, text[:500])
    else:
        assert all(title.split()[0] in text for title in titles)
    assert re.search(rf"^1\s*/\s*{pages}$", text, re.M), "page numbers in the footer"

    if DOCS:
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                        str(Path(DOCS) / f"handout-de-{client_language}")], check=True)


@pytest.mark.skipif(not FIREFOX, reason="the Firefox print check needs firefox-esr (apt-get install firefox-esr); .ci/run installs it")
def test_firefox_prints_the_same_handout_on_one_or_two_pages(page_factory, server, tmp_path):
    page = build_handout(page_factory(locale="de-DE", width=1200), server, "ar")
    titles = page.locator('.handout-block[lang="ar"] h2').all_inner_texts()
    pdf = tmp_path / "firefox.pdf"
    firefox.print_to_pdf(FIREFOX, page.url, pdf, tmp_path / "profile")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert 1 <= int(re.search(r"Pages:\s+(\d+)", info).group(1)) <= 2
    text = unicodedata.normalize("NFKC", subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout)
    words = [word for title in titles for word in arabic_words(title)]
    assert sum(word in text for word in words) >= len(words) * 0.8, (words, text[:500])
    assert "Zur Handreichung" not in text and "Sprache übernehmen" not in text  # no buttons or forms on paper
