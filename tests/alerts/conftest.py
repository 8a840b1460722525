"""Fixtures for the alert tests: a real SMTP server on loopback (aiosmtpd), configs, stores, findings.

`smtp_server` is a recording SMTP server that can be told to misbehave the way real ones do: defer
(4xx) or refuse (5xx) the next messages, stall before accepting a recipient (to kill a sender in the
middle of a conversation), require TLS and a login, or go down and come back on the same port.
"""

from __future__ import annotations

import asyncio
import email
import hashlib
import shutil
import socket
import ssl
import subprocess
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email import policy
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from monitor.config import load_config
from monitor.store import FindingRow, Store


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    raw: bytes

    @property
    def message(self) -> email.message.EmailMessage:
        return email.message_from_bytes(self.raw, policy=policy.default)

    @property
    def message_id(self) -> str:
        return str(self.message["Message-ID"])


@dataclass
class Behaviour:
    """What the server does next; changed by tests while it runs."""

    data_replies: list[str] = field(default_factory=list)  # replies to the next DATA commands instead of 250
    rcpt_replies: dict[str, str] = field(default_factory=dict)  # address -> reply
    stall_on_message: int | None = None  # stall before accepting the recipient of the N-th message (1-based)
    stall_seconds: float = 0.0
    stalled: threading.Event = field(default_factory=threading.Event)
    stall_in_data: bool = False  # stall after the message was received (the server has it), before replying
    rcpt_delay: float = 0.0  # a slow server: every recipient takes this long
    down_after: int | None = None  # go down after accepting this many messages


class RecordingHandler:
    def __init__(self, server: "SmtpTestServer") -> None:
        self.server = server

    @property
    def mail_count(self) -> int:
        return self.server.mail_count

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        self.server.mail_count += 1
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        b = self.server.behaviour
        if b.rcpt_delay:
            await asyncio.sleep(b.rcpt_delay)
        if (b.stall_on_message is not None and not b.stall_in_data and self.mail_count == b.stall_on_message
                and not b.stalled.is_set()):
            b.stalled.set()
            await asyncio.sleep(b.stall_seconds)
        reply = b.rcpt_replies.get(address)
        if reply:
            return reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        b = self.server.behaviour
        if b.data_replies:
            return b.data_replies.pop(0)
        with self.server.lock:
            self.server.messages.append(Received(envelope.mail_from, list(envelope.rcpt_tos), bytes(envelope.original_content or envelope.content)))
            count = len(self.server.messages)
        if b.stall_in_data and count == b.stall_on_message and not b.stalled.is_set():
            b.stalled.set()
            await asyncio.sleep(b.stall_seconds)
        if b.down_after is not None and count >= b.down_after:
            b.down_after = None
            threading.Thread(target=self.server.stop, daemon=True).start()
        return "250 Message accepted for delivery"


class SmtpTestServer:
    """A loopback SMTP server recording what it accepts, counted by Message-ID."""

    def __init__(self, *, tls_context: ssl.SSLContext | None = None, implicit_tls: bool = False,
                 users: dict[str, str] | None = None) -> None:
        self.host = "127.0.0.1"
        self.port = free_port()
        self.messages: list[Received] = []
        self.mail_count = 0  # MAIL commands seen (one per message attempt), across connections
        self.lock = threading.Lock()
        self.behaviour = Behaviour()
        self.tls_context = tls_context
        self.implicit_tls = implicit_tls
        self.users = users
        self.logins: list[str] = []
        self._controller: Controller | None = None

    def _authenticate(self, server, session, envelope, mechanism, auth_data):
        if isinstance(auth_data, LoginPassword) and self.users is not None:
            user, password = auth_data.login.decode(), auth_data.password.decode()
            if self.users.get(user) == password:
                self.logins.append(user)
                return AuthResult(success=True)
        return AuthResult(success=False, handled=False)

    def start(self) -> "SmtpTestServer":
        kwargs: dict = {}
        if self.implicit_tls:
            kwargs["ssl_context"] = self.tls_context
        elif self.tls_context is not None:
            kwargs["tls_context"] = self.tls_context
        if self.users is not None:
            kwargs["authenticator"] = self._authenticate
            # With implicit TLS aiosmtpd does not see the session as TLS; the socket is encrypted anyway.
            kwargs["auth_require_tls"] = self.tls_context is not None and not self.implicit_tls
        self._controller = Controller(RecordingHandler(self), hostname=self.host, port=self.port, ready_timeout=10, **kwargs)
        for _ in range(50):  # the port may still be in TIME_WAIT after a stop
            try:
                self._controller.start()
                break
            except (OSError, RuntimeError):
                time.sleep(0.1)
        else:
            raise RuntimeError("test SMTP server did not start")
        return self

    def stop(self) -> None:
        if self._controller is not None:
            controller, self._controller = self._controller, None
            controller.stop()

    @property
    def running(self) -> bool:
        return self._controller is not None

    def message_ids(self) -> list[str]:
        with self.lock:
            return [m.message_id for m in self.messages]

    def wait_for(self, count: int, timeout: float = 10) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if len(self.messages) >= count:
                    return
            time.sleep(0.02)
        raise AssertionError(f"expected {count} messages, server has {len(self.messages)}")


@pytest.fixture
def smtp_server():
    """A running loopback SMTP server (plain, no login); stopped after the test."""
    server = SmtpTestServer().start()
    yield server
    server.stop()


@pytest.fixture
def down_smtp_server():
    """A server object whose port nothing listens on yet: `.start()` it to end the outage."""
    server = SmtpTestServer()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def tls_files(tmp_path_factory):
    """A self-signed certificate for 127.0.0.1 (made with the openssl command)."""
    if not shutil.which("openssl"):
        pytest.skip("the openssl command is needed to make a test certificate")
    d = tmp_path_factory.mktemp("tls")
    cert, key = d / "cert.pem", d / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )
    return cert, key


@pytest.fixture
def tls_server_factory(tls_files, monkeypatch):
    """tls_server_factory(implicit=False, users=None) -> started server using the test certificate,
    which the client trusts through SSL_CERT_FILE (as an admin would install a private CA)."""
    cert, key = tls_files
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))
    servers: list[SmtpTestServer] = []

    def make(*, implicit: bool = False, users: dict[str, str] | None = None) -> SmtpTestServer:
        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ctx.load_cert_chain(str(cert), str(key))
        server = SmtpTestServer(tls_context=ctx, implicit_tls=implicit, users=users).start()
        servers.append(server)
        return server

    yield make
    for s in servers:
        s.stop()


@pytest.fixture
def make_config(write_config, tmp_path):
    """make_config(server=None, **sections) -> loaded Config; SMTP transport when a server is given."""

    def make(server: SmtpTestServer | None = None, **sections):
        data: dict = {"alerts": {"retry_base_seconds": 60, "max_attempts": 4}}
        if server is not None:
            data["email"] = {"transport": "smtp", "host": server.host, "port": server.port, "timeout": 5}
        for k, v in sections.items():
            data[k] = {**data.get(k, {}), **v} if isinstance(v, dict) else v
        return load_config(write_config(data))

    return make


@pytest.fixture
def store_for():
    """store_for(config) -> an upgraded Store on the config's database (disposed after the test)."""
    stores: list[Store] = []

    def make(config) -> Store:
        config.practice.state_dir.mkdir(parents=True, exist_ok=True)
        s = Store(config.database_url)
        s.upgrade()
        stores.append(s)
        return s

    yield make
    for s in stores:
        s.dispose()


@pytest.fixture
def add_finding():
    """add_finding(store, **fields) -> id of a new FindingRow (what the pipeline would have stored)."""

    def add(store: Store, **fields) -> int:
        now = fields.pop("now", datetime.now(timezone.utc))
        defaults = dict(
            dedupe_key=uuid.uuid4().hex,
            profile="practice-mastodon",
            platform="mastodon",
            item_id="109" + uuid.uuid4().hex[:8],
            item_url="https://social.example/@someone/1091",
            item_kind="comment",
            author_handle="@someone@social.example",
            excerpt="I can't go on any more, I want to end it all tonight",
            category="crisis",
            severity="urgent",
            rule="crisis.self_harm",
            reasons=["mentions ending their life"],
            evidence=[{"text": "end it all", "start": None, "end": None}],
            action="Reply with the crisis text, then follow the safeguarding procedure.",
            subject="",
            details={},
            status="new",
            created_at=now,
            updated_at=now,
            last_seen=now,
        )
        defaults.update(fields)
        if "fingerprint" not in fields:
            defaults["fingerprint"] = hashlib.sha256(repr(sorted(defaults.items(), key=str)).encode()).hexdigest()
        with store.session() as s:
            row = FindingRow(**defaults)
            s.add(row)
            s.flush()
            return row.id

    return add


@pytest.fixture
def project_root() -> Path:
    return Path(__file__).resolve().parents[2]


@pytest.fixture
def pg_url():
    """A fresh PostgreSQL database (from $PRACTICE_MONITOR_TEST_PG_URL, which .ci/run sets), dropped after.

    Skips locally when no server is configured; fails under CI=true, where PostgreSQL must be tested."""
    import os

    server_url = os.environ.get("PRACTICE_MONITOR_TEST_PG_URL")
    if not server_url:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail("PRACTICE_MONITOR_TEST_PG_URL is not set under CI")
        pytest.skip("PostgreSQL not configured (set PRACTICE_MONITOR_TEST_PG_URL, e.g. from .ci/pg-start)")
    import psycopg
    from sqlalchemy.engine import make_url

    name = "alerts_" + uuid.uuid4().hex[:12]
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    url = make_url(server_url).set(database=name).render_as_string(hide_password=False)
    yield url
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@dataclass
class CliResult:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def run_cli(capsys, monkeypatch):
    """run_cli(args, check_rc=None) -> CliResult: the real CLI entry point, in this process (fast).

    Logging set-up is left to pytest; use the `cli` fixture where a separate process matters."""
    import monitor.logs

    monkeypatch.setattr(monitor.logs, "setup_logging", lambda **kw: None)

    def run(args: list, *, check_rc: int | None = None) -> CliResult:
        from monitor.cli import main

        capsys.readouterr()
        rc = main([str(a) for a in args])
        out = capsys.readouterr()
        result = CliResult(rc, out.out, out.err)
        if check_rc is not None:
            assert rc == check_rc, f"exit {rc}\nstdout:\n{out.out}\nstderr:\n{out.err}"
        return result

    return run
