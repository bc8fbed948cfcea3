"""Clients that send their request slowly, against gunicorn's sync workers, with and without
the nginx of deploy/nginx.conf in front.

A sync worker reads the request itself and serves nobody else meanwhile, so a few clients that
never finish their headers take every worker and the load balancer's /healthz times out. nginx
reads whole requests first (with timeouts) and passes gunicorn only complete ones.
"""

import http.client
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.servers import free_port

ROOT = Path(__file__).resolve().parent.parent
SITE_CONFIG = ROOT / "deploy" / "nginx.conf"
# The shipped config's addresses, which the test replaces with free ports.
SHIPPED_LISTEN = "listen 80;"
SHIPPED_UPSTREAM = "server 127.0.0.1:8000;"
WORKERS = 2
SLOW_CLIENTS = 10
ANSWER_WITHIN = 2  # seconds
NGINX = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")


def healthz(port, timeout):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", "/healthz", headers={"Host": "integration.kreis-unna.de"})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def wait_until_up(port, process, name):
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = process.stderr.read().decode() if process.stderr else ""
            pytest.fail(f"{name} stopped at start (exit code {process.returncode}): {output}")
        try:
            if healthz(port, timeout=1)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.1)
    pytest.fail(f"{name} did not answer /healthz within 30 s")


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture
def gunicorn(tmp_path):
    """gunicorn as `make serve-prod` runs it (production settings, sync workers), on 127.0.0.1."""
    port = free_port()
    env = {
        **{key: value for key, value in os.environ.items() if key not in {"DEBUG", "DATABASE_URL", "REDIS_URL"}},
        "DJANGO_SETTINGS_MODULE": "portal.settings.prod",
        "SECRET_KEY": "x" * 50,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",  # /healthz needs a database, no tables
        "ALLOWED_HOSTS": "integration.kreis-unna.de",
        "SECURE_SSL_REDIRECT": "0",
    }
    process = subprocess.Popen(
        [
            Path(sys.executable).with_name("gunicorn"),
            "portal.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(WORKERS),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wait_until_up(port, process, "gunicorn")
    yield port
    stop(process)


@pytest.fixture
def nginx(gunicorn, tmp_path):
    """nginx with the shipped site config, in front of `gunicorn`; its port."""
    if NGINX is None:
        pytest.skip("nginx is not installed (apt-get install nginx-light; .ci/run installs it)")
    site = SITE_CONFIG.read_text()
    assert site.count(SHIPPED_LISTEN) == site.count(SHIPPED_UPSTREAM) == 1
    port = free_port()
    site = site.replace(SHIPPED_LISTEN, f"listen 127.0.0.1:{port};").replace(
        SHIPPED_UPSTREAM, f"server 127.0.0.1:{gunicorn};"
    )
    (tmp_path / "site.conf").write_text(site)
    # What the distribution's nginx.conf provides around a site, with every file in tmp_path.
    temp_paths = "".join(
        f"{kind}_temp_path {tmp_path / kind};\n" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    (tmp_path / "nginx.conf").write_text(
        ("user root;\n" if os.geteuid() == 0 else "")  # its workers may then use tmp_path
        + f"daemon off;\nworker_processes 1;\npid {tmp_path / 'nginx.pid'};\nerror_log {tmp_path / 'error.log'};\n"
        + "events { worker_connections 256; }\n"
        + f"http {{\naccess_log off;\n{temp_paths}include {tmp_path / 'site.conf'};\n}}\n"
    )
    process = subprocess.Popen(
        [NGINX, "-p", tmp_path, "-e", tmp_path / "error.log", "-c", tmp_path / "nginx.conf"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    wait_until_up(port, process, "nginx")
    yield port
    stop(process)


SLOW_HEADERS = b"GET /healthz HTTP/1.1\r\nHost: integration.kreis-unna.de\r\n"  # the blank line never comes
# With a CSRF cookie, so Django reads the form (the body) before it can answer.
SLOW_BODY = (
    b"POST /admin/login/ HTTP/1.1\r\nHost: integration.kreis-unna.de\r\nCookie: csrftoken=" + b"a" * 32 + b"\r\n"
    b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nusername="
)  # the rest of the body never comes
SLOW_REQUESTS = pytest.mark.parametrize("request_start", [SLOW_HEADERS, SLOW_BODY], ids=["slow headers", "slow body"])


def open_slow_clients(port, request_start):
    """SLOW_CLIENTS connections that send the start of a request and then wait."""
    clients = []
    for _ in range(SLOW_CLIENTS):
        client = socket.create_connection(("127.0.0.1", port))
        client.sendall(request_start)
        clients.append(client)
    time.sleep(0.5)  # let the server take them up
    return clients


@SLOW_REQUESTS
def test_healthz_answers_through_nginx_while_slow_clients_outnumber_the_workers(nginx, request_start):
    clients = open_slow_clients(nginx, request_start)
    try:
        started = time.monotonic()
        assert healthz(nginx, timeout=ANSWER_WITHIN) == (200, b"ok\n")
        assert time.monotonic() - started < ANSWER_WITHIN
        # The slow clients are still connected, only nginx is waiting for them.
        for client in clients:
            client.setblocking(False)
            with pytest.raises(BlockingIOError):
                client.recv(1)
    finally:
        for client in clients:
            client.close()


@SLOW_REQUESTS
def test_slow_clients_block_gunicorn_reached_directly(gunicorn, request_start):
    """Why app servers must be reachable only through nginx."""
    clients = open_slow_clients(gunicorn, request_start)
    try:
        with pytest.raises(TimeoutError):
            healthz(gunicorn, timeout=ANSWER_WITHIN)
    finally:
        for client in clients:
            client.close()
