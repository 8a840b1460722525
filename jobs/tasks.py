"""Several workers: the checks as procrastinate jobs, queued in the PostgreSQL database we already use.

procrastinate keeps its queue, job locks, worker heartbeats and periodic schedule in the same database
as our store, so any number of `practice-monitor worker` processes on any number of machines share
the work without a second server. What this module adds on top of the engine:

- one job per profile (`check_profile_job`), with a queueing lock (a profile waits in the queue at most
  once) and a job lock (never two workers on one profile), plus a per-profile advisory lock held on a
  connection of its own while the profile is checked, so even a worker wrongly declared dead (silent,
  not gone) cannot check the same profile at the same time as its replacement;
- after each profile job: alerts are planned and sent, so urgent and high ones leave at once;
- periodic jobs from `[schedule] run` (queue every profile) and `[schedule] digest`, deduplicated by
  the engine (three workers queue once), evaluated in `[practice] timezone` like `serve`;
- stalled jobs: every worker sends heartbeats; each worker also sweeps, every few seconds, for jobs
  whose worker has been silent for `[workers] stalled_after` seconds and puts them back in the queue.
  Re-running a job stores nothing twice (findings are deduplicated, items marked seen in the same
  transaction) and sends nothing twice (outbox rows are claimed atomically).

procrastinate and psycopg are imported lazily: everything else works on SQLite without them.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import time
import zoneinfo
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime

from monitor.config.model import Config
from monitor.errors import ConfigError, MonitorError
from monitor.store.db import Store

log = logging.getLogger(__name__)

QUEUE = "practice-monitor"
TASK_CHECK = "practice_monitor.check_profile"
TASK_ENQUEUE_ALL = "practice_monitor.enqueue_all"
TASK_DIGEST = "practice_monitor.digest"
TASK_IMPERSONATION = "practice_monitor.impersonation_sweep"
IMPERSONATION_LOCK = "impersonation-sweep"


class ProfileBusy(MonitorError):
    """Another process still checks this profile (a worker declared dead that is in fact alive)."""


def require_postgres(config: Config, command: str) -> None:
    """The several-workers mode needs PostgreSQL: on anything else, one clear line and exit 2."""
    from monitor.store.db import is_postgres

    if not is_postgres(config.database_url):
        raise ConfigError(
            str(config.source), "database.url",
            f"`{command}` needs a PostgreSQL database (several workers share its queue); this configuration "
            "uses SQLite: set [database] url = \"postgresql://user@host:port/db\", or use `run`/`serve` on one machine",
        )


def conninfo(database_url: str) -> str:
    """The plain libpq URL for psycopg (the store's SQLAlchemy URL names a driver psycopg does not know)."""
    from sqlalchemy.engine import make_url

    from monitor.store.db import normalise_url

    url = make_url(normalise_url(database_url)).set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


def _import_procrastinate():
    try:
        import procrastinate
    except ImportError:
        raise MonitorError(
            "the several-workers mode needs the task engine procrastinate: pip install 'practice-monitor[postgres]'"
        ) from None
    return procrastinate


@dataclass
class WorkerTimings:
    """How often a worker does its background chores, derived from `[workers] stalled_after`."""

    stalled_after: float
    heartbeat_interval: float = field(init=False)
    sweep_interval: float = field(init=False)
    poll_interval: float = 2.0

    def __post_init__(self) -> None:
        # Four heartbeats per stall period: a live worker is never mistaken for a dead one because one
        # heartbeat was late.
        self.heartbeat_interval = max(0.25, self.stalled_after / 4)
        self.sweep_interval = max(0.5, min(30.0, self.stalled_after / 3))


class Runtime:
    """What the jobs of one worker process share: config, store, the approved-media index, a lock pool."""

    def __init__(self, config: Config, store: Store, pool_size: int = 2) -> None:
        from sqlalchemy import create_engine

        self.config, self.store = config, store
        self._index = None
        self._index_loaded = 0.0
        # Per-profile locks are held on connections of their own, so they never starve the store's pool.
        # Server-side TCP keepalives make the server notice a vanished machine (cable pulled, not just a
        # killed process) within about stalled_after seconds and release its locks; the default is hours.
        idle = max(5, int(config.workers.stalled_after))
        keepalive = f"-c tcp_keepalives_idle={idle} -c tcp_keepalives_interval=5 -c tcp_keepalives_count=3"
        self.lock_engine = create_engine(store.url, pool_size=pool_size, max_overflow=4, pool_pre_ping=True,
                                         connect_args={"options": keepalive}) if store.is_postgres else None

    def media_index(self, max_age: float = 120.0):
        """The approved-library index, loaded from the database and refreshed every couple of minutes.

        None while the library is empty: the image code (heavy to import) is then only loaded by a
        job that actually meets an image.
        """
        if self._index_loaded and time.monotonic() - self._index_loaded <= max_age:
            return self._index
        from sqlalchemy import select

        from monitor.store.models import MediaImage

        with self.store.session() as s:
            empty = s.scalar(select(MediaImage.id).limit(1)) is None
        self._index = None
        if not empty:
            try:
                from monitor.media.library import LibraryIndex
            except ImportError:
                return None
            self._index = LibraryIndex.load(self.store)
        self._index_loaded = time.monotonic()
        return self._index

    def warm_up(self) -> None:
        """Import what every job needs before taking the first one, so job times are even."""
        import monitor.alerts  # noqa: F401
        import monitor.pipeline  # noqa: F401
        from monitor.checks import posts  # noqa: F401

    def close(self) -> None:
        if self.lock_engine is not None:
            self.lock_engine.dispose()


# --- the jobs' bodies (plain functions: testable without the engine) ---------------------------------

def run_profile_job(rt: Runtime, profile_name: str) -> dict:
    """Check one profile under its advisory lock, record it as a run, then plan and send alerts."""
    from monitor.pipeline import check_profile
    from monitor.store.pg import held_lock

    config, store = rt.config, rt.store
    try:
        profile = config.profile(profile_name)
    except KeyError:
        log.warning("job for profile %r skipped: no such profile in %s any more", profile_name, config.source)
        return {"name": profile_name, "status": "skipped", "error": "not in the configuration"}
    if not profile.enabled:
        log.info("job for profile %r skipped: the profile is disabled", profile_name)
        return {"name": profile_name, "status": "skipped", "error": "disabled"}

    from monitor.store.models import utcnow

    with held_lock(rt.lock_engine, f"profile:{profile_name}", wait=0) as got:
        if not got:
            raise ProfileBusy(f"profile {profile_name!r} is being checked by another process; trying again later")
        started = utcnow()
        try:
            outcome = check_profile(store, config, profile, media_index=rt.media_index())
        except Exception as exc:
            from monitor.secrets import redact

            _record_run(store, started, profile_name, None, 0, error=redact(f"{type(exc).__name__}: {exc}"))
            raise
    log.info("profile %s checked: %s, %d new item(s), %d new finding(s)%s", profile_name, outcome.status,
             outcome.items_new, outcome.findings_new, f" ({outcome.error})" if outcome.error else "")
    # Something new (or a profile error) may need an email now; otherwise only what is already queued is due.
    sent = _send_alerts(rt, plan=bool(outcome.findings_new) or outcome.status != "ok")
    _record_run(store, started, profile_name, outcome, sent)
    return outcome.to_json()


def _send_alerts(rt: Runtime, *, plan: bool = True) -> int:
    """Plan and deliver what is due now (urgent/high at once); a failure here is retried by the next job."""
    try:
        from monitor.alerts import deliver_pending, plan_alerts
    except ImportError:
        return 0
    try:
        if plan:
            plan_alerts(rt.store, rt.config)
        report = deliver_pending(rt.store, rt.config)
        return int(getattr(report, "sent", 0) or 0)
    except MonitorError as exc:
        log.warning("alerts not sent yet (the next job tries again): %s", exc)
        return 0


def _record_run(store: Store, started, profile_name: str, outcome, alerts_sent: int, error: str | None = None) -> None:
    """One row in `runs` per job (trigger "worker"), written when the job ends."""
    from monitor.store.models import Run, utcnow

    run = Run(trigger="worker", host=socket.gethostname(), pid=os.getpid(), started_at=started, finished_at=utcnow(),
              profiles=[outcome.to_json() if outcome is not None else {"name": profile_name, "status": "failed", "error": error}])
    if outcome is None:
        run.outcome, run.error = "failed", f"{profile_name}: {error}"[:4000]
    else:
        run.outcome = "ok" if outcome.status == "ok" else "failed"
        run.items_new, run.findings_new, run.alerts_sent = outcome.items_new, outcome.findings_new, alerts_sent
        run.error = f"{outcome.name}: {outcome.error}"[:4000] if outcome.error else None
    with store.session() as s:
        s.add(run)


def run_impersonation_job(rt: Runtime) -> list[str]:
    """The look-alike account sweep (once per schedule tick, not once per profile)."""
    config, store = rt.config, rt.store
    if not config.identities:
        return []
    try:
        from jobs.impersonation_sweep import sweep
    except ImportError:
        return []
    from monitor.pipeline import make_adapter
    from monitor.store.pg import held_lock

    adapters = {}
    for p in config.profiles:
        if p.enabled and p.platform not in adapters:
            adapters[p.platform] = make_adapter(config, p)
    try:
        with held_lock(rt.lock_engine, IMPERSONATION_LOCK, wait=0) as got:
            if not got:
                return ["impersonation sweep skipped: another process runs it"]
            rep = sweep(store, config, adapters)
            _send_alerts(rt)
            return [str(n) for n in getattr(rep, "notes", [])]
    finally:
        for a in adapters.values():
            a.close()


def index_media_library(rt: Runtime) -> None:
    """Re-index the approved library where this machine has it (one process at a time)."""
    library = rt.config.media.library
    if not library.is_dir():
        return
    try:
        from monitor.media.library import index_library
    except ImportError:
        return
    from monitor.store.pg import held_lock

    with held_lock(rt.lock_engine, "media-index", wait=0) as got:
        if got:
            try:
                index_library(rt.store, library, progress=False, settings=rt.config.media)
            except MonitorError as exc:
                log.warning("approved media library not indexed: %s", exc)
    rt._index_loaded = 0.0  # load the fresh index on the next job


# --- the engine: app, tasks, periodic schedule ---------------------------------------------------------

def _retry_policy(stalled_after: float):
    """ProfileBusy: try again once the other holder has surely finished. Unexpected errors: twice more,
    a minute then four minutes later. Configuration problems are not retried (they need a person)."""
    from procrastinate import BaseRetryStrategy, RetryDecision

    from monitor.errors import SecretMissing

    class Policy(BaseRetryStrategy):
        def get_retry_decision(self, *, exception, job):
            if isinstance(exception, ProfileBusy):
                return RetryDecision(retry_in={"seconds": max(1, int(stalled_after))}) if job.attempts < 50 else None
            if isinstance(exception, (ConfigError, SecretMissing)):
                return None
            if job.attempts < 2:
                return RetryDecision(retry_in={"seconds": 60 * 4 ** job.attempts})
            return None

    return Policy()


def build_app(config: Config, *, runtime: Runtime | None = None):
    """The procrastinate App for this configuration, with our tasks and periodic schedule registered.

    `runtime` is what the jobs use when this process runs them (a worker); processes that only queue
    jobs (`enqueue`) leave it None.
    """
    procrastinate = _import_procrastinate()
    from procrastinate import PsycopgConnector

    timings = WorkerTimings(float(config.workers.stalled_after))
    connector = PsycopgConnector(
        conninfo=conninfo(config.database_url),
        kwargs={"application_name": "practice-monitor"},
        min_size=1, max_size=max(4, config.workers.concurrency + 3),
    )
    app = procrastinate.App(connector=connector)
    retry = _retry_policy(timings.stalled_after)

    def needs_runtime() -> Runtime:
        if runtime is None:
            raise MonitorError("this process only queues jobs; run `practice-monitor worker` to run them")
        return runtime

    @app.task(name=TASK_CHECK, queue=QUEUE, retry=retry)
    def check_profile_job(profile_name: str) -> dict:
        with _logged(f"check of profile {profile_name!r}"):
            return run_profile_job(needs_runtime(), profile_name)

    @app.task(name=TASK_IMPERSONATION, queue=QUEUE, retry=retry)
    def impersonation_sweep_job() -> list[str]:
        with _logged("impersonation sweep"):
            return run_impersonation_job(needs_runtime())

    @app.task(name=TASK_ENQUEUE_ALL, queue=QUEUE, queueing_lock="enqueue-all", lock="enqueue-all")
    async def enqueue_all_job(timestamp: int) -> dict:
        rt = needs_runtime()
        await asyncio.to_thread(index_media_library, rt)
        result = await defer_checks_async(app, config, None)
        # Findings held by the group window and failed sends are due even when no job finds anything.
        await asyncio.to_thread(_send_alerts, rt)
        return result.to_json()

    @app.task(name=TASK_DIGEST, queue=QUEUE, queueing_lock="digest", lock="digest")
    def digest_job(timestamp: int) -> dict:
        from jobs.digest import send_digest

        rt = needs_runtime()
        with _logged("digest"):
            queued, delivery = send_digest(rt.config, rt.store)
        return {"queued": queued if isinstance(queued, int) else len(queued or []),
                "sent": int(getattr(delivery, "sent", 0) or 0)}

    _schedule(app, enqueue_all_job, config.schedule.run, "run", config.practice.timezone)
    _schedule(app, digest_job, config.schedule.digest, "digest", config.practice.timezone)
    app.practice_monitor_tasks = {  # the registered tasks, for callers in this module
        "check": check_profile_job, "impersonation": impersonation_sweep_job,
        "enqueue_all": enqueue_all_job, "digest": digest_job,
    }
    return app


@contextlib.contextmanager
def _logged(what: str):
    """One clear log line when a job fails (the engine then retries it or records the failure)."""
    try:
        yield
    except ProfileBusy as exc:
        log.info("%s postponed: %s", what, exc)
        raise
    except Exception as exc:
        from monitor.secrets import redact

        log.error("%s failed: %s", what, redact(f"{type(exc).__name__}: {exc}"), exc_info=log.isEnabledFor(logging.DEBUG))
        raise


def _schedule(app, task, cron: str, periodic_id: str, tz_name: str) -> None:
    """Register a periodic task whose cron expression is read in the practice's timezone (as `serve`)."""
    import croniter

    app.periodic(cron=cron, periodic_id=periodic_id)(task)
    pt = app.periodic_registry.periodic_tasks[(task.name, periodic_id)]
    # procrastinate reads cron in UTC; seed its iterator with an aware time so DST and zone are honoured.
    pt.__dict__["croniter"] = croniter.croniter(cron, datetime.now(zoneinfo.ZoneInfo(tz_name)))


# --- queueing -----------------------------------------------------------------------------------------------

@dataclass
class EnqueueResult:
    queued: list[str] = field(default_factory=list)
    already_waiting: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"queued": self.queued, "already_waiting": self.already_waiting}


def _profiles(config: Config, names: list[str] | None) -> list[str]:
    from jobs.run import select_profiles

    return [p.name for p in select_profiles(config, names)]


def _has_sweep(config: Config) -> bool:
    import importlib.util

    return bool(config.identities) and importlib.util.find_spec("jobs.impersonation_sweep") is not None


async def defer_checks_async(app, config: Config, names: list[str] | None) -> EnqueueResult:
    """Queue one check job per profile; a profile whose job still waits is not queued again."""
    from procrastinate.exceptions import AlreadyEnqueued

    tasks = app.practice_monitor_tasks
    result = EnqueueResult()
    for name in _profiles(config, names):
        try:
            await tasks["check"].configure(lock=f"profile:{name}", queueing_lock=f"profile:{name}").defer_async(profile_name=name)
            result.queued.append(name)
        except AlreadyEnqueued:
            result.already_waiting.append(name)
    if names is None and _has_sweep(config):
        try:
            await tasks["impersonation"].configure(lock=IMPERSONATION_LOCK, queueing_lock=IMPERSONATION_LOCK).defer_async()
        except AlreadyEnqueued:
            pass
    return result


def enqueue(config: Config, store: Store, names: list[str] | None = None) -> EnqueueResult:
    """`practice-monitor enqueue`: queue the check jobs and return what was queued."""
    require_postgres(config, "enqueue")
    chosen = _profiles(config, names)  # unknown names are a usage error before anything is queued
    app = build_app(config)

    async def go():
        async with app.open_async():
            return await defer_checks_async(app, config, names if names else None)

    result = asyncio.run(go())
    log.info("queued %d of %d check job(s); the others were still waiting", len(result.queued), len(chosen))
    return result


# --- the worker ---------------------------------------------------------------------------------------------

async def retry_stalled_jobs(app, stalled_after: float) -> list[int]:
    """Put back in the queue the jobs of workers silent for `stalled_after` seconds (procrastinate's
    documented pattern: get_stalled_jobs by heartbeat, then retry_job). Safe when several workers sweep:
    a job another sweeper already re-queued is no longer 'doing' and is left alone."""
    retried = []
    for job in await app.job_manager.get_stalled_jobs(queue=QUEUE, seconds_since_heartbeat=stalled_after):
        try:
            await app.job_manager.retry_job(job)
        except Exception as exc:  # re-queued by another worker in the meantime
            log.debug("stalled job %s not retried here: %s", job.id, exc)
            continue
        log.warning("job %s (%s) was running on a worker silent for %ss: queued again", job.id, job.call_string, int(stalled_after))
        retried.append(job.id)
    return retried


async def _sweep_forever(app, timings: WorkerTimings) -> None:
    while True:
        await asyncio.sleep(timings.sweep_interval)
        try:
            await retry_stalled_jobs(app, timings.stalled_after)
        except Exception as exc:  # a database hiccup must not stop the worker; the next sweep retries
            log.warning("stalled-job sweep failed: %s", exc)


def run_worker(config: Config, store: Store, *, concurrency: int | None = None, until_idle: bool = False) -> None:
    """`practice-monitor worker`: run jobs until SIGTERM/SIGINT (running jobs finish first), or until idle."""
    require_postgres(config, "worker")
    concurrency = max(1, int(concurrency or config.workers.concurrency))
    timings = WorkerTimings(float(config.workers.stalled_after))
    runtime = Runtime(config, store, pool_size=concurrency + 1)
    app = build_app(config, runtime=runtime)
    name = f"{socket.gethostname()}:{os.getpid()}"
    try:
        index_media_library(runtime)
    except Exception as exc:  # the index is also loaded from the database; indexing is a convenience here
        log.warning("approved media library not indexed at start: %s", exc)
    runtime.warm_up()

    async def main():
        # Sync jobs run in the loop's default executor: give it a thread per concurrent job.
        asyncio.get_running_loop().set_default_executor(ThreadPoolExecutor(max_workers=concurrency + 2, thread_name_prefix="job"))
        async with app.open_async():
            await retry_stalled_jobs(app, timings.stalled_after)
            sweeper = asyncio.create_task(_sweep_forever(app, timings), name="stalled-job sweep")
            try:
                await app.run_worker_async(
                    queues=[QUEUE], name=name, concurrency=concurrency, wait=not until_idle,
                    fetch_job_polling_interval=timings.poll_interval,
                    abort_job_polling_interval=max(timings.poll_interval, 5.0),
                    shutdown_graceful_timeout=None,  # SIGTERM: running jobs finish
                    delete_jobs="successful",  # finished checks are recorded as runs; the queue stays small
                    update_heartbeat_interval=timings.heartbeat_interval,
                    stalled_worker_timeout=timings.stalled_after,
                )
            finally:
                sweeper.cancel()

    log.info("worker %s started (concurrency %d, stalled jobs re-queued after %ss)", name, concurrency, int(timings.stalled_after))
    try:
        asyncio.run(main())
    finally:
        runtime.close()
    log.info("worker %s stopped", name)


# --- the queue, for people ------------------------------------------------------------------------------

def list_queue(store: Store, *, include_finished: bool = False, limit: int = 1000) -> list[dict]:
    """The jobs waiting, running (and with include_finished, recently failed or finished), oldest first."""
    from sqlalchemy import inspect, text

    with store.engine.connect() as conn:
        if not inspect(conn).has_table("procrastinate_jobs"):
            return []
        statuses = "" if include_finished else "WHERE j.status IN ('todo', 'doing')"
        rows = conn.execute(text(f"""
            SELECT j.id, j.task_name, j.args, j.status, j.attempts, j.scheduled_at, j.worker_id,
                   (SELECT min(e.at) FROM procrastinate_events e WHERE e.job_id = j.id AND e.type = 'deferred') AS queued_at,
                   (SELECT max(e.at) FROM procrastinate_events e WHERE e.job_id = j.id AND e.type = 'started') AS started_at,
                   w.last_heartbeat
              FROM procrastinate_jobs j
              LEFT JOIN procrastinate_workers w ON w.id = j.worker_id
              {statuses}
             ORDER BY j.id DESC LIMIT :limit"""), {"limit": limit}).mappings().all()
    out = []
    for r in reversed(rows):
        args = r["args"] or {}
        out.append({
            "id": r["id"], "task": r["task_name"].removeprefix("practice_monitor."),
            "profile": args.get("profile_name"), "status": r["status"], "attempts": r["attempts"],
            "queued_at": _iso(r["queued_at"]), "started_at": _iso(r["started_at"]),
            "scheduled_at": _iso(r["scheduled_at"]), "worker_id": r["worker_id"],
            "worker_heartbeat": _iso(r["last_heartbeat"]),
        })
    return out


def list_workers(store: Store) -> list[dict]:
    from sqlalchemy import inspect, text

    with store.engine.connect() as conn:
        if not inspect(conn).has_table("procrastinate_workers"):
            return []
        rows = conn.execute(text("SELECT id, last_heartbeat FROM procrastinate_workers ORDER BY id")).mappings().all()
    return [{"id": r["id"], "last_heartbeat": _iso(r["last_heartbeat"])} for r in rows]


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None
