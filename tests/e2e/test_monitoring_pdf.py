"""The district's yearly monitoring report printed to PDF by Chromium: A4, one town per page, figures with their source."""

import datetime
import re
import shutil
import subprocess
import unicodedata
from zoneinfo import ZoneInfo

import pytest

pytestmark = pytest.mark.skipif(
    not shutil.which("pdftotext"),
    reason="the PDF checks need poppler-utils (apt-get install poppler-utils); .ci/run installs it",
)

TOWNS = ["Bergkamen", "Bönen", "Fröndenberg/Ruhr", "Holzwickede", "Kamen", "Lünen", "Schwerte", "Selm", "Unna", "Werne"]


def test_the_district_report_prints_on_a4_with_every_town_and_its_sources(page_factory, server, tmp_path):
    page = page_factory(width=1200)
    page.goto(server + "/admin/login/")
    page.fill("#id_username", "e2e-editor")
    page.fill("#id_password", "e2e-pass-4711")
    page.click("input[type=submit]")
    year = datetime.datetime.now(tz=ZoneInfo("Europe/Berlin")).year  # the server's year
    page.goto(f"{server}/admin/monitoring/district/kreis-unna/report/{year}/")
    pdf = tmp_path / "report.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)

    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups())
    # A4 is 595.3 x 841.9 points; Chromium rounds it to 8.27 x 11.7 inches.
    assert abs(width - 595.3) < 2 and abs(height - 841.9) < 2, info
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert pages >= 1 + len(TOWNS), pages  # the district's table, then each town on a page of its own
    text = unicodedata.normalize(
        "NFKC", subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    )
    assert f"Integrationsmonitoring {year}: Kreis Unna" in text
    assert "Zensus 2011" in text
    assert "Stand:" in text
    for town in TOWNS:
        assert town in text, town
    assert "Als CSV herunterladen" not in text  # the screen's link is not printed
