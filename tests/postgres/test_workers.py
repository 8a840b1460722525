"""Several workers on PostgreSQL, with real subprocesses and a loopback fake Mastodon with latency."""

from __future__ import annotations

import json
import signal
import threading
import time
from collections.abc import Callable

import pytest
from sqlalchemy import create_engine, text

from monitor.store.db import normalise_url

STALLED_AFTER = 3
FAR_AWAY = "0 3 1 1 *"  # 1 January 03:00: no periodic job fires during a test


@pytest.fixture
def pg_config(write_config, mastodon_profiles, pg_url):
    """pg_config(n, **sections) -> a config for n fake Mastodon profiles on a fresh PostgreSQL database."""

    def make(n: int, name: str = "config.toml", **sections) -> object:
        base = {
            "database": {"url": pg_url},
            "workers": {"concurrency": 1, "stalled_after": STALLED_AFTER},
            "schedule": {"run": FAR_AWAY, "digest": FAR_AWAY},
            "http": {"retries": 0, "timeout": 60},
            "profiles": mastodon_profiles(n),
        }
        base.update(sections)
        return write_config(base, name=name)

    make.url = pg_url
    return make


def _engine(url: str):
    return create_engine(normalise_url(url))


class _TickWatcher:
    """Every scheduled tick deferred while it runs. procrastinate deletes a schedule's older ticks from
    procrastinate_periodic_defers when it defers a newer one, so the table alone undercounts: a test
    spanning two minutes once saw one tick for two reads of every profile."""

    def __init__(self, url: str):
        self._engine = _engine(url)
        self._seen: set[tuple[str, int]] = set()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    def _look(self) -> None:
        with self._engine.connect() as conn:
            self._seen.update((name, ts) for name, ts in conn.execute(text("SELECT task_name, defer_timestamp FROM procrastinate_periodic_defers")))

    def _watch(self) -> None:
        while not self._stop.wait(0.2):
            self._look()

    def stop(self) -> Callable[[str], int]:
        """Stops watching; returns ticks(task) -> how many distinct ticks of that task were seen."""
        self._stop.set()
        self._thread.join()
        self._look()
        self._engine.dispose()
        return lambda task: len({ts for name, ts in self._seen if name == f"practice_monitor.{task}"})


def _scalar(url: str, sql: str, **params):
    engine = _engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(text(sql), params).scalar()
    finally:
        engine.dispose()


def _rows(url: str, sql: str, **params):
    engine = _engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(text(sql), params).all()
    finally:
        engine.dispose()


def _open_jobs(url: str) -> int:
    return _scalar(url, "SELECT count(*) FROM procrastinate_jobs WHERE status IN ('todo', 'doing')")


def _findings(url: str) -> set[tuple]:
    return set(_rows(url, "SELECT profile, item_id, category, rule FROM findings"))


def _baseline_findings(write_config, mastodon_profiles, n: int, pm, fake) -> set[tuple]:
    """What one single-machine `run` on SQLite finds on the same profiles (the reference)."""
    config = write_config({"profiles": mastodon_profiles(n), "http": {"retries": 0},
                           "practice": {"state_dir": "baseline-state"}, "email": {"outbox_dir": "baseline-outbox"}},
                          name="baseline.toml")
    pm(["run", "--config", config], check_rc=0)
    url = f"sqlite:///{(config.parent / 'baseline-state' / 'monitor.db').as_posix()}"
    found = _findings(url)
    fake.requests.clear()
    return found


def _logs(folder) -> str:
    return "\n".join(f"--- {p.name}\n{p.read_text()}" for p in sorted(folder.glob("*.log")))


def _assert_same_findings(url: str, expected: set[tuple], folder) -> None:
    got = _findings(url)
    assert got == expected, f"missing {sorted(expected - got)}; extra {sorted(got - expected)}\n{_logs(folder)}"


def _assert_alerts_sent_once(url: str, outbox_dir) -> None:
    """Every alert email went out once, and no finding is announced by two alert emails."""
    rows = _rows(url, "SELECT message_id, status, finding_ids FROM outbox WHERE kind = 'alert'")
    assert rows, "no alert was queued"
    assert all(status == "sent" for _, status, _ in rows), f"{rows}\n{_logs(outbox_dir.parent)}"
    announced: list[int] = []
    for _, _, ids in rows:
        announced += ids if isinstance(ids, list) else json.loads(ids)
    assert len(announced) == len(set(announced)), "a finding was announced by two emails"
    files = list(outbox_dir.glob("*.eml"))
    assert len(files) == len(rows), f"{len(files)} .eml files for {len(rows)} alert messages"
    urgent = _scalar(url, "SELECT count(*) FROM findings WHERE severity IN ('urgent', 'high') AND announced_at IS NULL")
    assert urgent == 0, "an urgent or high finding was not announced"


# --- SQLite: the mode says it needs PostgreSQL ----------------------------------------------------------

@pytest.mark.parametrize("command", [["enqueue"], ["worker", "--until-idle"], ["queue", "--json"]])
def test_worker_commands_on_sqlite_exit_2_with_one_line(command, write_config, export_post, make_export, pm):
    config = write_config({"profiles": [{"name": "site", "platform": "export", "path": str(make_export([export_post("1", "hello")]))}]})
    out = pm([*command, "--config", config])
    assert out.returncode == 2
    assert out.stdout == ""
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "PostgreSQL" in lines[0], out.stderr


# --- queueing ---------------------------------------------------------------------------------------------

def test_two_enqueues_in_a_row_queue_each_profile_once(pg_config, pm):
    config = pg_config(5)
    first = pm(["enqueue", "--json", "--config", config], check_rc=0)
    assert sorted(json.loads(first.stdout)["queued"]) == [f"clinic{i}" for i in range(5)]
    second = pm(["enqueue", "--config", config], check_rc=0)
    assert "Queued 0 check job(s)" in second.stdout and "5 profile(s) already had a job waiting" in second.stdout
    one = pm(["enqueue", "--json", "--profile", "clinic2", "--config", config], check_rc=0)
    assert json.loads(one.stdout) == {"queued": [], "already_waiting": ["clinic2"]}

    listing = json.loads(pm(["queue", "--json", "--config", config], check_rc=0).stdout)
    assert sorted(j["profile"] for j in listing) == [f"clinic{i}" for i in range(5)]
    assert {j["status"] for j in listing} == {"todo"} and {j["task"] for j in listing} == {"check_profile"}
    text_listing = pm(["queue", "--config", config], check_rc=0).stdout
    assert "5 job(s) waiting, 0 running" in text_listing and "check_profile clinic3" in text_listing

    unknown = pm(["enqueue", "--profile", "nosuch", "--config", config])
    assert unknown.returncode == 2 and "nosuch" in unknown.stderr


# --- three workers ---------------------------------------------------------------------------------------

def test_three_workers_read_each_profile_once_and_store_each_finding_once(
        pg_config, write_config, mastodon_profiles, fake_mastodon, pm, start_worker, waiter, tmp_path):
    n = 12
    expected = _baseline_findings(write_config, mastodon_profiles, n, pm, fake_mastodon)
    assert expected, "the fake profiles should produce findings"
    fake_mastodon.latency = 0.05
    config = pg_config(n)
    url = pg_config.url
    pm(["db", "upgrade", "--config", config], check_rc=0)
    workers = [start_worker(config, log=tmp_path / f"worker{i}.log") for i in range(3)]
    waiter(lambda: _scalar(url, "SELECT count(*) FROM procrastinate_workers") == 3, 90, "three workers to start")
    pm(["enqueue", "--config", config], check_rc=0)
    waiter(lambda: _scalar(url, "SELECT count(*) FROM runs WHERE trigger = 'worker'") == n and _open_jobs(url) == 0, 90,
           "every profile to be checked")
    for w in workers:
        w.send_signal(signal.SIGTERM)
    codes = [w.wait(timeout=60) for w in workers]
    logs = _logs(tmp_path)
    assert codes == [0, 0, 0], logs

    assert _scalar(url, "SELECT count(*) FROM procrastinate_jobs WHERE status = 'failed'") == 0
    assert fake_mastodon.per_account("lookup") == {f"clinic{i}": 1 for i in range(n)}, f"a profile was read twice or not at all\n{logs}"
    assert fake_mastodon.per_account("statuses") == {f"clinic{i}": 1 for i in range(n)}
    _assert_same_findings(url, expected, tmp_path)
    runs = _rows(url, "SELECT pid, outcome FROM runs WHERE trigger = 'worker'")
    assert {o for _, o in runs} == {"ok"}
    assert len({pid for pid, _ in runs}) == 3, f"the work was not shared between the three workers\n{logs}"
    _assert_alerts_sent_once(url, tmp_path / "outbox")


def test_a_killed_workers_job_runs_again_after_stalled_after_and_nothing_doubles(
        pg_config, write_config, mastodon_profiles, fake_mastodon, pm, start_worker, waiter, tmp_path):
    n = 6
    expected = _baseline_findings(write_config, mastodon_profiles, n, pm, fake_mastodon)
    fake_mastodon.latency = 0.02
    fake_mastodon.hang_once = {"clinic0"}  # the first worker to read clinic0 hangs in the middle of its job
    config = pg_config(n)
    url = pg_config.url
    pm(["enqueue", "--profile", "clinic0", "--config", config], check_rc=0)  # queued first: taken first
    pm(["enqueue", "--config", config], check_rc=0)

    victim = start_worker(config, log=tmp_path / "victim.log")
    waiter(lambda: fake_mastodon.count("statuses", "clinic0") == 1, 60, "the first worker to be mid-job on clinic0")
    victim.send_signal(signal.SIGKILL)
    victim.wait(timeout=30)
    killed_at = time.monotonic()
    assert _scalar(url, "SELECT status FROM procrastinate_jobs WHERE args->>'profile_name' = 'clinic0'") == "doing"

    survivors = [start_worker(config, log=tmp_path / f"survivor{i}.log") for i in range(2)]
    waiter(lambda: _open_jobs(url) == 0, 90, "every job, including the dead worker's, to finish")
    assert time.monotonic() - killed_at >= STALLED_AFTER - 0.5, "the job was taken back before stalled_after"

    # While the survivors still run: the alerts have already gone out (no digest, no later run needed).
    _assert_alerts_sent_once(url, tmp_path / "outbox")
    for w in survivors:
        w.send_signal(signal.SIGTERM)
    assert [w.wait(timeout=60) for w in survivors] == [0, 0]

    reads = fake_mastodon.per_account("statuses")
    assert reads.pop("clinic0") == 2, f"the dead worker's job was not run again\n{_logs(tmp_path)}"
    assert reads == {f"clinic{i}": 1 for i in range(1, n)}, f"{reads}\n{_logs(tmp_path)}"
    _assert_same_findings(url, expected, tmp_path)
    assert _scalar(url, "SELECT count(*) FROM procrastinate_jobs WHERE status = 'failed'") == 0
    ok_runs = _rows(url, "SELECT profiles FROM runs WHERE trigger = 'worker' AND outcome = 'ok'")
    assert len(ok_runs) == n


def test_sigterm_lets_the_running_job_finish(pg_config, fake_mastodon, pm, start_worker, waiter, tmp_path):
    fake_mastodon.hang_once, fake_mastodon.hang_seconds = {"clinic0"}, 3.0
    config = pg_config(1)
    url = pg_config.url
    pm(["enqueue", "--config", config], check_rc=0)
    worker = start_worker(config, log=tmp_path / "worker.log")
    waiter(lambda: fake_mastodon.count("statuses", "clinic0") == 1, 60, "the worker to be mid-job")
    worker.send_signal(signal.SIGTERM)
    assert worker.wait(timeout=60) == 0, (tmp_path / "worker.log").read_text()
    assert _open_jobs(url) == 0, "the running job was abandoned instead of finished"
    assert _scalar(url, "SELECT count(*) FROM findings WHERE profile = 'clinic0'") > 0
    assert _scalar(url, "SELECT outcome FROM runs WHERE trigger = 'worker'") == "ok"


def test_the_schedule_runs_inside_the_workers_once_not_once_per_worker(
        pg_config, fake_mastodon, pm, start_worker, waiter, tmp_path):
    """Every-minute schedule, three workers: the engine defers each tick once, so each profile is read
    once per tick (a tick that finds a profile's job still waiting adds nothing) and one digest goes out
    per digest tick, not one per worker."""
    n = 6
    config = pg_config(n, schedule={"run": "* * * * *", "digest": "* * * * *"}, alerts={"digest_send_empty": True})
    url = pg_config.url
    pm(["db", "upgrade", "--config", config], check_rc=0)
    seen = _TickWatcher(url)  # procrastinate keeps only each schedule's latest tick: note every one
    workers = [start_worker(config, log=tmp_path / f"w{i}.log") for i in range(3)]

    def digests() -> int:
        return _scalar(url, "SELECT count(*) FROM outbox WHERE kind = 'digest' AND status = 'sent'")

    waiter(lambda: len(fake_mastodon.per_account("statuses")) == n and _open_jobs(url) == 0 and digests() >= 1, 90,
           "the scheduled tick to check every profile and send the digest")
    time.sleep(1)  # a second worker's late duplicate, if there were one, would show now

    for w in workers:
        w.send_signal(signal.SIGTERM)
    assert [w.wait(timeout=60) for w in workers] == [0, 0, 0], _logs(tmp_path)
    ticks = seen.stop()
    # Counted once every worker has stopped: a worker started just before a minute boundary runs the
    # catching-up tick of that minute and then the next one, whose jobs finish after SIGTERM.
    run_ticks, digest_ticks, sent = ticks("enqueue_all"), ticks("digest"), digests()
    assert 1 <= run_ticks <= 2 and 1 <= digest_ticks <= 2
    reads = fake_mastodon.per_account("lookup")
    assert all(1 <= reads[f"clinic{i}"] <= run_ticks for i in range(n)), (reads, run_ticks)
    assert sent <= digest_ticks, f"{sent} digests for {digest_ticks} scheduled time(s)"
    assert _scalar(url, "SELECT count(*) FROM procrastinate_jobs WHERE status = 'failed'") == 0, _logs(tmp_path)


def test_the_impersonation_sweep_is_one_job_per_pass(pg_config, fake_mastodon, pm):
    """With identities configured, each pass also queues one look-alike account sweep (not one per profile)."""
    config = pg_config(3, identities=[{"name": "Clinic Zero", "handles": {"mastodon": "clinic0"}}])
    pm(["enqueue", "--config", config], check_rc=0)
    pm(["enqueue", "--config", config], check_rc=0)
    listing = json.loads(pm(["queue", "--json", "--config", config], check_rc=0).stdout)
    assert sorted(j["task"] for j in listing) == ["check_profile"] * 3 + ["impersonation_sweep"]
    pm(["worker", "--until-idle", "--config", config], check_rc=0)
    assert _open_jobs(pg_config.url) == 0
    assert _scalar(pg_config.url, "SELECT count(*) FROM procrastinate_jobs WHERE status = 'failed'") == 0
    assert fake_mastodon.count("search") >= 1, "the sweep did not look for look-alike accounts"


def _png(colour: tuple[int, int, int], mark: bool = False) -> bytes:
    import io

    from PIL import Image, ImageDraw

    img = Image.new("RGB", (256, 256), colour)
    draw = ImageDraw.Draw(img)
    for i in range(0, 256, 32):
        draw.rectangle([i, i, i + 40, i + 20], fill=(255 - colour[0], 40, i))
    if mark:
        draw.ellipse([20, 150, 236, 240], fill=(250, 250, 20))
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def test_workers_judge_posted_images_against_the_approved_library(pg_config, fake_mastodon, pm, tmp_path):
    """The worker indexes the approved library it finds on its machine and loads the index from the database."""
    library = tmp_path / "approved-media"
    library.mkdir()
    (library / "logo.png").write_bytes(_png((30, 90, 160)))
    fake_mastodon.images = {"logo.png": (library / "logo.png").read_bytes(), "stranger.png": _png((200, 30, 30), mark=True)}
    fake_mastodon.attachments = ["logo.png", "stranger.png"]
    config = pg_config(2, media={"library": str(library)})
    pm(["enqueue", "--config", config], check_rc=0)
    pm(["worker", "--until-idle", "--config", config], check_rc=0)
    url = pg_config.url
    assert _scalar(url, "SELECT count(*) FROM media_images") == 1, "the worker did not index the library"
    images = _rows(url, "SELECT profile, category FROM findings WHERE category LIKE 'image_%' ORDER BY profile")
    assert images == [("clinic0", "image_unknown"), ("clinic1", "image_unknown")], images
    assert fake_mastodon.count("media") == 2, "an image shared by two profiles is fetched once (the media cache is in the database)"


def test_one_worker_runs_several_jobs_at_once_with_concurrency(pg_config, fake_mastodon, pm):
    fake_mastodon.latency = 0.15
    config = pg_config(6)
    pm(["enqueue", "--config", config], check_rc=0)
    pm(["worker", "--until-idle", "--concurrency", "3", "--config", config], check_rc=0)
    spans = _rows(pg_config.url, "SELECT started_at, finished_at FROM runs WHERE trigger = 'worker' ORDER BY started_at")
    assert len(spans) == 6
    overlapping = max(sum(1 for s, f in spans if s <= start < f) for start, _ in spans)
    assert overlapping >= 2, "the jobs ran one after the other"
    assert fake_mastodon.per_account("lookup") == {f"clinic{i}": 1 for i in range(6)}


def test_until_idle_exits_at_once_when_nothing_waits(pg_config, pm):
    config = pg_config(2)
    pm(["db", "upgrade", "--config", config], check_rc=0)
    started = time.monotonic()
    pm(["worker", "--until-idle", "--concurrency", "2", "--config", config], check_rc=0)
    assert time.monotonic() - started < 20
    bad = pm(["worker", "--concurrency", "0", "--config", config])
    assert bad.returncode == 2 and "concurrency" in bad.stderr


def test_run_guard_holds_across_machines_on_postgres(pg_config, write_config, mastodon_profiles, pm, tmp_path):
    """Another machine's `run` holds the database-wide lock: this one exits 75 (its own file lock is free)."""
    from monitor.store.lock import LOCK_NAME
    from monitor.store.pg import try_advisory_lock

    config = pg_config(1, practice={"name": "Harbour Light Counselling", "state_dir": "other-machine-state",
                                    "timezone": "Europe/London"})
    pm(["db", "upgrade", "--config", config], check_rc=0)
    engine = _engine(pg_config.url)
    with engine.connect() as conn:
        assert try_advisory_lock(conn, LOCK_NAME)
        out = pm(["run", "--config", config])
        assert out.returncode == 75, out.stderr
        assert "another run" in out.stderr
    engine.dispose()
    assert pm(["run", "--config", config]).returncode in (0, 3)
