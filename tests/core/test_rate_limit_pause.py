"""A platform that asks us to wait an hour is not asked again by the next run ten minutes later."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from monitor.cli import main


class TooManyRequests(BaseHTTPRequestHandler):
    hits = 0

    def do_GET(self):  # noqa: N802
        type(self).hits += 1
        body = json.dumps({"error": "Too many requests"}).encode()
        self.send_response(429)
        self.send_header("Retry-After", "3600")
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def busy_server():
    TooManyRequests.hits = 0
    server = ThreadingHTTPServer(("127.0.0.1", 0), TooManyRequests)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_long_rate_limit_pause_survives_between_runs(busy_server, write_config, make_export, export_post, capsys):
    from monitor.platforms.http import RateGate

    good = make_export([export_post("p1", "Hello")])
    config = write_config({"profiles": [
        {"name": "masto", "platform": "mastodon", "base_url": busy_server, "account": "harbourlight@social.example"},
        {"name": "offline", "platform": "export", "path": str(good)},
    ]})
    assert main(["run", "--json", "--config", str(config)]) == 3
    first = {p["name"]: p for p in json.loads(capsys.readouterr().out)["profiles"]}
    assert first["masto"]["status"] == "failed" and "3600" in first["masto"]["error"]
    assert first["offline"]["status"] == "ok"
    hits = TooManyRequests.hits
    assert hits >= 1

    RateGate.clear()  # a new process starts with no pauses in memory
    assert main(["run", "--json", "--config", str(config)]) == 3
    second = {p["name"]: p for p in json.loads(capsys.readouterr().out)["profiles"]}
    assert "paused until" in second["masto"]["error"]
    assert TooManyRequests.hits == hits, "no request while the platform's wait lasts"
    # A rate limit is not a problem for the admin to act on: no finding, no email.
    assert main(["findings", "list", "--json", "--config", str(config)]) == 0
    assert json.loads(capsys.readouterr().out) == []
