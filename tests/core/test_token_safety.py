"""An expired token: one clear admin alert, other profiles carry on, and the token never leaks anywhere."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from monitor.config import load_config

TOKEN = "mastodonTOKEN-9f8e7d6c5b4a-do-not-leak"


class RejectingMastodon(BaseHTTPRequestHandler):
    """Answers every call as Mastodon does for a revoked token (HTTP 401), echoing the header back."""

    def do_GET(self):  # noqa: N802 - http.server naming
        body = json.dumps({"error": f"The access token is invalid ({self.headers.get('Authorization')})"}).encode()
        self.send_response(401)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("WWW-Authenticate", 'Bearer realm="Doorkeeper", error="invalid_token"')
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def rejecting_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), RejectingMastodon)
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_revoked_token_is_one_alert_and_never_leaks(rejecting_server, write_config, make_export, export_post, cli, tmp_path):
    good = make_export([export_post("p1", "Hello from the practice")])
    config = write_config({"profiles": [
        {"name": "masto", "platform": "mastodon", "base_url": rejecting_server, "account": "harbourlight@social.example",
         "token_env": "PM_MASTO_TOKEN"},
        {"name": "offline", "platform": "export", "path": str(good)},
    ]})
    env = {"PM_MASTO_TOKEN": TOKEN}
    runs = [cli(["run", "--json", "-v", "--config", config], env=env) for _ in range(2)]
    for proc in runs:
        assert proc.returncode == 3, proc.stderr
        assert TOKEN not in proc.stdout and TOKEN not in proc.stderr
    first = {p["name"]: p for p in json.loads(runs[0].stdout)["profiles"]}
    assert first["offline"]["status"] == "ok" and first["offline"]["items_new"] == 1
    assert first["masto"]["status"] == "failed" and "masto" in first["masto"]["error"]

    errors = json.loads(cli(["findings", "list", "--json", "--category", "profile_error", "--config", config]).stdout)
    assert len(errors) == 1 and errors[0]["profile"] == "masto" and errors[0]["severity"] == "high"
    assert "token" in " ".join(errors[0]["reasons"]).lower()

    cfg = load_config(config)
    emails = list(cfg.email.outbox_dir.glob("*.eml"))
    about_token = [e for e in emails if b"masto" in e.read_bytes()]
    assert len(about_token) == 1, "one alert for the expired token, not one per run"
    for path in [*emails, *cfg.practice.state_dir.rglob("*")]:
        if path.is_file():
            assert TOKEN.encode() not in path.read_bytes(), f"token found in {path}"
