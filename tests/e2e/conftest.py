import html
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
import urllib.parse
from pathlib import Path

import pytest

from tests.servers import serving

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
ROOT = Path(__file__).resolve().parent.parent.parent


def pytest_collection_modifyitems(config, items):
    if CHROMIUM.exists() or shutil.which("chromium"):
        return
    skip = pytest.mark.skip(
        reason=f"end-to-end tests need Chromium at {CHROMIUM} (Debian: apt-get install chromium); .ci/run installs it"
    )
    for item in items:
        if "e2e" in item.nodeid:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM if CHROMIUM.exists() else shutil.which("chromium")),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


def make_run_server_arguments(port):
    """The arguments `make run` gives runserver (the demo a newcomer sees), on another port."""
    recipe = (ROOT / "Makefile").read_text().split("\nrun:", 1)[1].split("\n\n", 1)[0]
    line = next(line for line in recipe.splitlines() if " runserver" in line)
    arguments = line.split(" runserver", 1)[1].split()
    return [re.sub(r"^[\w.\[\]:]+:\d+$", f"127.0.0.1:{port}", argument) for argument in arguments]


@pytest.fixture(scope="session")
def town_websites():
    """Two other websites on this machine (other origins than the portal): the first may frame the
    embeddable list, the second may not. Each answers /frame?src=<address> with a page framing it."""
    servers = []
    for _ in range(2):
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), FramingPage)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
    yield [f"http://127.0.0.1:{server.server_address[1]}" for server in servers]
    for server in servers:
        server.shutdown()
        server.server_close()


class FramingPage(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (the standard library's name)
        source = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query).get("src", [""])[0]
        body = (
            '<!doctype html><html lang="de"><title>Stadt</title>'
            f'<iframe src="{html.escape(source)}" title="Angebote" width="600" height="600"></iframe></html>'
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def server(tmp_path_factory, town_websites):
    """The portal as a visitor meets it: its own process and database, with the demo catalogue.

    A separate process keeps the browser's event loop away from the test's
    database connections, and the demo data is loaded once for all browser tests.
    It is served as `make run` serves it: manage.py's default settings, runserver's arguments
    from the Makefile, and no DEBUG from the environment.
    """
    database = tmp_path_factory.mktemp("e2e") / "portal.sqlite3"
    env = {key: value for key, value in os.environ.items() if key not in ("DEBUG", "DJANGO_SETTINGS_MODULE")}
    env["DATABASE_URL"] = f"sqlite:///{database}"
    # The one website that may frame the embeddable list (tests/e2e/test_embed.py).
    env["EMBED_ALLOWED_ORIGINS"] = town_websites[0]
    manage = [sys.executable, str(ROOT / "manage.py")]
    make_editor = (
        "from django.contrib.auth.models import Group, User; "
        "u = User.objects.create_user('e2e-editor', password='e2e-pass-4711', is_staff=True); "
        "u.groups.add(Group.objects.get(name='KI-Redaktion'))"
    )
    for command in (["migrate", "--noinput", "-v0"], ["load_demo"], ["shell", "-c", make_editor]):
        subprocess.run(manage + command, cwd=ROOT, env=env, check=True, capture_output=True, timeout=300)
    with serving(
        lambda port: manage + ["runserver", *make_run_server_arguments(port), "--noreload"],
        env,
        "/healthz",
        "the portal",
    ) as url:
        yield url


@pytest.fixture
def page_factory(browser, server):
    """Pages at phone width, JavaScript off, recording every request they make."""
    contexts = []

    def make(locale="de-DE", javascript=False, width=360):
        context = browser.new_context(
            viewport={"width": width, "height": 800}, locale=locale, java_script_enabled=javascript
        )
        contexts.append(context)
        context.set_default_timeout(10_000)
        page = context.new_page()
        page.requests = []
        page.on("request", lambda request: page.requests.append(request.url))
        page.console_errors = []
        page.on("console", lambda message: message.type == "error" and page.console_errors.append(message.text))
        return page

    yield make
    for context in contexts:
        context.close()
