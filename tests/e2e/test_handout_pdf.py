"""A caseworker builds a German + Arabic handout without JavaScript and prints it to PDF."""

import os
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path
from urllib.parse import urlencode

import pytest
import zxingcpp
from playwright.sync_api import expect

from . import firefox

pytestmark = pytest.mark.skipif(
    not shutil.which("pdftotext"),
    reason="the PDF checks need poppler-utils (apt-get install poppler-utils); .ci/run installs it",
)

# pdftotext wraps right-to-left runs in embedding marks; the checks read past them.
BIDI_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])
DOCS = os.environ.get("HANDOUT_PNG_DIR")  # set to docs/ to refresh the README's pictures
FIREFOX = shutil.which("firefox-esr") or shutil.which("firefox")


def arabic_words(text):
    """Words a PDF text layer keeps intact (lam-alef ligatures come back decomposed)."""
    return [w for w in re.findall(r"[\u0600-\u06ff]{4,}", text) if not re.search("ل[اأإآ]", w)]


def build_handout(page, server, client_language):
    page.goto(
        server
        + "/de/offers/?municipality=luenen&category=integrationskurs&category=migrationsberatung-erwachsene&category=jugendmigrationsdienst"
    )
    for index in range(3):
        page.locator("[data-offer-id]").nth(index).get_by_role("button", name="Zur Handreichung").click()
    page.get_by_role("link", name=re.compile("Handreichung ansehen")).click()
    page.get_by_label("Sprache der Person, die beraten wird").select_option(client_language)
    page.get_by_role("button", name="Sprache übernehmen").click()
    expect(page.locator(".handout-offer")).to_have_count(3)  # waits for the page the button loads
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
    text = unicodedata.normalize(
        "NFKC", subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    )
    if client_language == "ar":
        words = [word for title in titles for word in arabic_words(title)]
        assert words, titles
        assert sum(word in text for word in words) >= len(words) * 0.8, (words, text[:500])
    else:
        assert all(title.split()[0] in text for title in titles)
    assert re.search(rf"^Seite 1 von {pages}$", text, re.M), "page numbers in the footer"

    if DOCS:
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "80",
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                str(pdf),
                str(Path(DOCS) / f"handout-de-{client_language}"),
            ],
            check=True,
        )


def printed_text(pdf):
    return unicodedata.normalize(
        "NFKC", subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    )


def print_in_chromium(page, tmp_path):
    pdf = tmp_path / "handout.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    return pdf


def qr_codes_in_pgm(path):
    """pdftoppm -gray writes binary PGM: 'P5\\n<width> <height>\\n255\\n' and one byte per pixel."""
    magic, size, _depth, pixels = path.read_bytes().split(b"\n", 3)
    assert magic == b"P5"
    width, height = map(int, size.split())
    # The view only points into `pixels`: decode while they are alive (a view returned on its own
    # outlived its bytes and crashed the reader).
    image = zxingcpp.ImageView(pixels, width, height, zxingcpp.ImageFormat.Lum)
    return [code.text for code in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)]


def scanned_qr_codes(pdf, tmp_path):
    """What a phone camera reads off the paper: every page at 150 dpi, every QR code on it."""
    subprocess.run(["pdftoppm", "-r", "150", "-gray", str(pdf), str(tmp_path / "page")], check=True)
    return [text for image in sorted(tmp_path.glob("page*.pgm")) for text in qr_codes_in_pgm(image)]


@pytest.mark.parametrize("client_language", ["ar", "uk"])
def test_every_printed_qr_code_scans_to_its_page_in_the_clients_language(
    page_factory, server, tmp_path, client_language
):
    page = build_handout(page_factory(locale="de-DE", width=1200), server, client_language)
    offer_ids = page.locator(".handout-offer").evaluate_all("sections => sections.map(s => s.dataset.offerId)")
    pdf = print_in_chromium(page, tmp_path)

    scanned = scanned_qr_codes(pdf, tmp_path)
    share = (
        f"{server}/{client_language}/handout/?{urlencode({'offers': ','.join(offer_ids), 'client': client_language})}"
    )
    # Each code carries the QR marker for the usage figures (redirected off on arrival).
    assert f"{share}&via=qr" in scanned, scanned
    offer_pages = [url for url in scanned if url != f"{share}&via=qr"]
    assert len(offer_pages) == len(offer_ids) == 3, scanned
    for offer_id in offer_ids:
        assert any(
            re.fullmatch(rf"{re.escape(server)}/{client_language}/offers/{offer_id}-[a-z0-9-]+/\?via=qr", url)
            for url in offer_pages
        ), (offer_id, scanned)
    # The caption under the whole selection's code is that code's address, not the home page's.
    text = printed_text(pdf)
    assert share in text.replace("\n", ""), text


@pytest.mark.parametrize("client_language", ["ar", "uk"])
@pytest.mark.parametrize("interface_language", ["de", "client"])
def test_printed_labels_dates_and_page_numbers_read_right(
    page_factory, server, tmp_path, client_language, interface_language
):
    page = build_handout(page_factory(locale="de-DE", width=1200), server, client_language)
    if interface_language == "client":
        page.goto(page.url.replace("/de/handout/", f"/{client_language}/handout/"))
    pdf = print_in_chromium(page, tmp_path)
    text = printed_text(pdf)
    assert not re.findall(r".{0,20}(?:[?؟]:|:[\u0600-\u06ff]+؟)", text.translate(BIDI_CONTROLS)), (
        "a label ends in a question mark and a colon"
    )
    assert not re.findall(r".{0,20}(?<!\.)\.\.(?!\.)", text), "a doubled full stop"
    # Not "1 / 2": in a right-to-left page that reads "2 / 1".
    pages = int(
        re.search(
            r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        ).group(1)
    )
    assert [f"Seite {n} von {pages}" for n in range(1, pages + 1)] == re.findall(r"^Seite \d+ von \d+$", text, re.M), (
        text
    )


def test_printed_handout_text_is_at_least_10pt(page_factory, server):
    page = build_handout(page_factory(locale="de-DE", width=1200), server, "ar")
    page.emulate_media(media="print")
    sizes = page.locator(".handout *").evaluate_all(
        """elements => elements
            .filter(e => !e.closest("svg") && [...e.childNodes].some(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim()))
            .map(e => [e.tagName + "." + e.className, parseFloat(getComputedStyle(e).fontSize) * 0.75, e.textContent.trim().slice(0, 30)])"""
    )
    assert sizes
    too_small = [size for size in sizes if size[1] < 10 - 0.01]
    assert not too_small, too_small


@pytest.mark.skipif(
    not FIREFOX, reason="the Firefox print check needs firefox-esr (apt-get install firefox-esr); .ci/run installs it"
)
def test_firefox_prints_the_same_handout_on_one_or_two_pages(page_factory, server, tmp_path):
    page = build_handout(page_factory(locale="de-DE", width=1200), server, "ar")
    titles = page.locator('.handout-block[lang="ar"] h2').all_inner_texts()
    pdf = tmp_path / "firefox.pdf"
    firefox.print_to_pdf(FIREFOX, page.url, pdf, tmp_path / "profile")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert 1 <= int(re.search(r"Pages:\s+(\d+)", info).group(1)) <= 2
    text = unicodedata.normalize(
        "NFKC", subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    )
    words = [word for title in titles for word in arabic_words(title)]
    assert sum(word in text for word in words) >= len(words) * 0.8, (words, text[:500])
    assert "Zur Handreichung" not in text and "Sprache übernehmen" not in text  # no buttons or forms on paper


def test_the_print_counter_is_loaded_when_printing_not_when_viewing(page_factory, server, tmp_path):
    page = page_factory(locale="de-DE", width=1200)
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    build_handout(page, server, "ar")
    page.wait_for_load_state("networkidle")
    assert not [url for url in requested if "/usage/printed/" in url], requested
    print_in_chromium(page, tmp_path)
    assert f"{server}/usage/printed/de.gif" in requested, requested
