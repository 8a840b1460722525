"""A real PostgreSQL server for the tests (never a mock), and a loopback fake Mastodon with latency.

The server: `$PRACTICE_MONITOR_TEST_PG_URL` (set by .ci/run after .ci/pg-start), else a throwaway
cluster started here with .ci/pg-start and stopped at the end. When neither works the PostgreSQL
tests skip locally but FAIL under CI=true: a skipped PostgreSQL run must never pass CI.

Each test gets a fresh database of its own (`pg_url`), so tests never see each other's rows or jobs.
"""

from __future__ import annotations

import importlib.util
import os
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

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


# --- a loopback fake Mastodon (tests/postgres/fake_mastodon.py, shared with bench/workers_bench.py) ------

def _load_fake_module():
    spec = importlib.util.spec_from_file_location("pm_fake_mastodon", Path(__file__).with_name("fake_mastodon.py"))
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


fake_module = _load_fake_module()


@pytest.fixture
def fake_mastodon():
    fake, stop = fake_module.serve()
    yield fake
    stop()


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


@dataclass
class Outcome:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def pm(capsys):
    """pm(args, check_rc=None) -> Outcome: the CLI run in this process (fast), for commands whose process
    behaviour is not what the test is about. Worker processes and concurrent runs use real subprocesses."""
    import logging

    from monitor.cli import main

    def run(args, *, check_rc: int | None = None) -> Outcome:
        capsys.readouterr()
        root = logging.getLogger()
        handlers, level = root.handlers[:], root.level
        try:
            rc = main([str(a) for a in args])
        except SystemExit as exc:  # argparse usage errors
            rc = exc.code if isinstance(exc.code, int) else 2
        finally:
            root.handlers[:], root.level = handlers, level
        out, err = capsys.readouterr()
        result = Outcome(rc, out, err)
        if check_rc is not None:
            assert rc == check_rc, f"exit {rc}\nstdout:\n{out}\nstderr:\n{err}"
        return result

    return run
