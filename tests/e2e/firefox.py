"""Firefox's own print-to-PDF, driven over Marionette, the remote protocol built into Firefox.

Marionette speaks length-prefixed JSON over TCP: each message is ``<length>:<json>``, a command
``[0, id, name, parameters]`` and its answer ``[1, id, error, result]``. The three WebDriver
commands a print needs fit in this module; Mozilla's client library would bring 17 packages.
"""

import base64
import json
import socket
import subprocess
import time


class Marionette:
    def __init__(self, port, timeout=60):
        self.socket = socket.create_connection(("127.0.0.1", port), timeout=timeout)
        self.buffer = b""
        self.last_id = 0
        self.receive()  # Firefox greets first: {"applicationType": "gecko", "marionetteProtocol": 3}

    def receive(self):
        while b":" not in self.buffer:
            self.read_more()
        length, _colon, self.buffer = self.buffer.partition(b":")
        while len(self.buffer) < int(length):
            self.read_more()
        message, self.buffer = self.buffer[: int(length)], self.buffer[int(length) :]
        return json.loads(message)

    def read_more(self):
        data = self.socket.recv(65536)
        if not data:
            raise ConnectionError("Firefox closed the Marionette connection")
        self.buffer += data

    def command(self, name, parameters=None):
        self.last_id += 1
        message = json.dumps([0, self.last_id, name, parameters or {}]).encode()
        self.socket.sendall(str(len(message)).encode() + b":" + message)
        _kind, _id, error, result = self.receive()
        if error:
            raise RuntimeError(f"{name}: {error}")
        return result

    def close(self):
        self.socket.close()


def print_to_pdf(firefox, url, pdf, profile):
    """Open `url` in a headless Firefox with a fresh `profile` and save its A4 print as `pdf`."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    profile.mkdir()
    (profile / "user.js").write_text(f'user_pref("marionette.port", {port});\n')
    process = subprocess.Popen(
        [firefox, "--headless", "--marionette", "--no-remote", "--profile", str(profile)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                client = Marionette(port)
                break
            except OSError:  # Firefox is still starting
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.3)
        try:
            client.command("WebDriver:NewSession", {"capabilities": {}})
            client.command("WebDriver:Navigate", {"url": url})
            printed = client.command("WebDriver:Print", {"page": {"width": 21.0, "height": 29.7}, "background": True})
            pdf.write_bytes(base64.b64decode(printed["value"]))
            client.command("WebDriver:DeleteSession")
        finally:
            client.close()
    finally:
        process.terminate()
        process.wait(timeout=30)
