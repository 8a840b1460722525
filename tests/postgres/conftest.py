"""A real PostgreSQL server for the tests (never a mock), and a loopback fake Mastodon with latency.

The server: `$PRACTICE_MONITOR_TEST_PG_URL` (set by .ci/run after .ci/pg-start), else a throwaway
cluster started here with .ci/pg-start and stopped at the end. When neither works the PostgreSQL
tests skip locally but FAIL under CI=true: a skipped PostgreSQL run must never pass CI.

Each test gets a fresh database of its own (`pg_url`), so tests never see each other's rows or jobs.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parents[2]
ENV_URL = "PRACTICE_MONITOR_TEST_PG_URL"


def _unavailable(reason: str):
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"PostgreSQL is required in CI and is not available: {reason}")
    pytest.skip(f"PostgreSQL not available: {reason}")


@pytest.fixture(scope="session")
def pg_server():
    """The URL of a database on a running PostgreSQL server, used to create one database per test."""
    url = os.environ.get(ENV_URL)
    started = None
    if not url:
        # A direct child of the temp folder: as root the cluster runs as `postgres`, which cannot enter
        # pytest's private temp folders.
        folder = Path(tempfile.mkdtemp(prefix="practice-monitor-test-pg."))
        try:
            proc = subprocess.run(["bash", str(ROOT / ".ci" / "pg-start"), str(folder)], capture_output=True,
                                  text=True, timeout=180)
        except (OSError, subprocess.TimeoutExpired) as exc:
            _unavailable(f".ci/pg-start could not run: {exc}")
        if proc.returncode != 0:
            _unavailable(f".ci/pg-start failed: {proc.stderr.strip()[-500:]}")
        url, started = proc.stdout.strip().splitlines()[-1], folder
    try:
        import psycopg

        with psycopg.connect(url, connect_timeout=10) as conn:
            conn.execute("SELECT 1")
    except Exception as exc:
        _unavailable(f"cannot connect to {url}: {exc}")
    yield url
    if started is not None:
        subprocess.run(["bash", str(ROOT / ".ci" / "pg-stop"), str(started)], capture_output=True, timeout=120)


def _admin(server_url: str):
    import psycopg

    return psycopg.connect(server_url, autocommit=True)


@pytest.fixture
def new_pg_database(pg_server):
    """new_pg_database() -> URL of a fresh, empty database (dropped after the test)."""
    made: list[str] = []

    def make() -> str:
        name = f"pm_{uuid.uuid4().hex[:12]}"
        with _admin(pg_server) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        made.append(name)
        return make_url(pg_server).set(database=name).render_as_string(hide_password=False)

    yield make
    with _admin(pg_server) as conn:
        for name in made:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def pg_url(new_pg_database) -> str:
    """A fresh PostgreSQL database for this test, in the contract's plain form postgresql://user@host:port/db."""
    return new_pg_database()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str:
    """The same test on both stores: a SQLite file, then a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{(tmp_path / 'state' / 'monitor.db').as_posix()}"
    return request.getfixturevalue("new_pg_database")()


# --- a loopback fake Mastodon -----------------------------------------------------------------------------

@dataclass
class FakeMastodon:
    """Answers in Mastodon's documented shapes: accounts/lookup, accounts/:id/statuses, statuses/:id/context.

    Every account `clinicN` has one promotional post of its own and one post whose reply is a crisis
    message, so each profile yields findings. `latency` seconds are added to every answer; `hang_once`
    names accounts whose first statuses request waits `hang_seconds` (a worker can be killed mid-job).
    """

    latency: float = 0.0
    hang_once: set[str] = field(default_factory=set)
    hang_seconds: float = 30.0
    requests: list[tuple[str, str]] = field(default_factory=list)  # (kind, account)
    lock: threading.Lock = field(default_factory=threading.Lock)
    base_url: str = ""

    def count(self, kind: str, account: str | None = None) -> int:
        with self.lock:
            return sum(1 for k, a in self.requests if k == kind and (account is None or a == account))

    def per_account(self, kind: str) -> dict[str, int]:
        out: dict[str, int] = {}
        with self.lock:
            for k, a in self.requests:
                if k == kind:
                    out[a] = out.get(a, 0) + 1
        return out

    # the documented shapes ------------------------------------------------------------------------------
    def account(self, name: str) -> dict:
        n = int(name.removeprefix("clinic"))
        return {"id": str(1000 + n), "username": name, "acct": name, "display_name": f"Clinic {n}",
                "note": "<p>Counselling practice</p>", "avatar": None, "url": f"{self.base_url}/@{name}",
                "created_at": "2020-01-01T00:00:00.000Z", "followers_count": 10}

    def statuses(self, name: str) -> list[dict]:
        acc = self.account(name)
        return [
            {"id": f"{acc['id']}02", "created_at": "2026-11-20T10:00:00.000Z", "in_reply_to_id": None,
             "content": "<p>Thank you all for coming to our open evening.</p>", "spoiler_text": "",
             "url": f"{self.base_url}/@{name}/{acc['id']}02", "replies_count": 1, "edited_at": None,
             "media_attachments": [], "account": acc, "reblog": None},
            {"id": f"{acc['id']}01", "created_at": "2026-11-19T10:00:00.000Z", "in_reply_to_id": None,
             "content": "<p>Book now! 50% off all sessions this week only, limited spaces, use code CALM50 "
                        "at checkout and buy our detox supplement that cures anxiety.</p>",
             "spoiler_text": "", "url": f"{self.base_url}/@{name}/{acc['id']}01", "replies_count": 0,
             "edited_at": None, "media_attachments": [], "account": acc, "reblog": None},
        ]

    def context(self, status_id: str) -> dict:
        account_id = status_id[:-2]
        name = f"clinic{int(account_id) - 1000}"
        visitor = {"id": "9" + account_id, "username": "visitor", "acct": "visitor@elsewhere.example",
                   "display_name": "A visitor", "note": "", "avatar": None, "url": "https://elsewhere.example/@visitor",
                   "created_at": "2021-01-01T00:00:00.000Z", "followers_count": 1}
        return {"ancestors": [], "descendants": [
            {"id": f"{status_id}9", "created_at": "2026-11-20T11:00:00.000Z", "in_reply_to_id": status_id,
             "content": "<p>I can't go on any more, I want to end my life tonight.</p>", "spoiler_text": "",
             "url": f"https://elsewhere.example/@visitor/{status_id}9", "replies_count": 0, "edited_at": None,
             "media_attachments": [], "account": visitor, "reblog": None}]}


def _handler(fake: FakeMastodon):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # quiet
            pass

        def _send(self, status: int, body) -> None:
            data = json.dumps(body).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except OSError:  # the client went away (a killed worker)
                pass

        def do_GET(self):
            parts = urlsplit(self.path)
            query = parse_qs(parts.query)
            path = parts.path.rstrip("/")
            if fake.latency:
                time.sleep(fake.latency)
            if path == "/api/v1/accounts/lookup":
                name = (query.get("acct") or [""])[0]
                with fake.lock:
                    fake.requests.append(("lookup", name))
                if not re.fullmatch(r"clinic\d+", name):
                    return self._send(404, {"error": "Record not found"})
                return self._send(200, fake.account(name))
            m = re.fullmatch(r"/api/v1/accounts/(\d+)/statuses", path)
            if m:
                name = f"clinic{int(m.group(1)) - 1000}"
                with fake.lock:
                    fake.requests.append(("statuses", name))
                    hang = name in fake.hang_once
                    fake.hang_once.discard(name)
                if hang:
                    time.sleep(fake.hang_seconds)
                return self._send(200, fake.statuses(name))
            m = re.fullmatch(r"/api/v1/statuses/(\d+)/context", path)
            if m:
                with fake.lock:
                    fake.requests.append(("context", m.group(1)))
                return self._send(200, fake.context(m.group(1)))
            return self._send(404, {"error": "Not found"})

    return Handler


@pytest.fixture
def fake_mastodon():
    fake = FakeMastodon()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(fake))
    server.daemon_threads = True
    fake.base_url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield fake
    server.shutdown()
    server.server_close()


@pytest.fixture
def mastodon_profiles(fake_mastodon):
    """mastodon_profiles(n) -> the [[profiles]] entries for clinic0..clinic{n-1} on the fake."""

    def make(n: int, start: int = 0) -> list[dict]:
        return [{"name": f"clinic{i}", "platform": "mastodon", "base_url": fake_mastodon.base_url, "account": f"clinic{i}"}
                for i in range(start, start + n)]

    return make


# --- worker processes ------------------------------------------------------------------------------------

@pytest.fixture
def start_worker():
    """start_worker(config, *args) -> Popen of `practice-monitor worker` (stopped with SIGKILL after the test)."""
    procs: list[subprocess.Popen] = []

    def start(config: Path, *args: str, log: Path | None = None) -> subprocess.Popen:
        out = open(log, "w") if log else subprocess.DEVNULL
        proc = subprocess.Popen([sys.executable, "-m", "monitor", "worker", "--config", str(config), *args],
                                stdout=subprocess.DEVNULL, stderr=out, env={**os.environ, "PYTHONUNBUFFERED": "1"})
        procs.append(proc)
        return proc

    yield start
    for p in procs:
        if p.poll() is None:
            p.send_signal(signal.SIGKILL)
            p.wait(timeout=30)


def wait_for(predicate, timeout: float, what: str, interval: float = 0.1):
    """Poll `predicate` until it returns something truthy; fail with `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


@pytest.fixture
def waiter():
    return wait_for
