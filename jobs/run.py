"""One pass of every check over every profile, then the alerts that are due: what cron and timers call."""

from __future__ import annotations

import logging
import os
import socket
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from sqlalchemy import select

from monitor.config.model import Config, ProfileConfig
from monitor.errors import EXIT_OK, EXIT_PARTIAL, MonitorError
from monitor.pipeline import ProfileOutcome, check_profile, make_adapter
from monitor.store.db import Store
from monitor.store.lock import run_lock
from monitor.store.models import Run, utcnow

log = logging.getLogger(__name__)
PROFILE_LOCK_WAIT = 120  # seconds a run waits for a worker that is checking the same profile


@dataclass
class RunReport:
    profiles: list[ProfileOutcome] = field(default_factory=list)
    alerts_sent: int = 0
    alerts_pending: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return EXIT_PARTIAL if any(p.status != "ok" for p in self.profiles) else EXIT_OK

    def to_json(self) -> dict:
        return {"profiles": [p.to_json() for p in self.profiles], "alerts_sent": self.alerts_sent,
                "alerts_pending": self.alerts_pending, **({"notes": self.notes} if self.notes else {})}


def select_profiles(config: Config, names: list[str] | None) -> list[ProfileConfig]:
    if not names:
        return [p for p in config.profiles if p.enabled]
    known = {p.name: p for p in config.profiles}
    missing = [n for n in names if n not in known]
    if missing:
        from monitor.errors import ConfigError

        raise ConfigError(str(config.source), "profiles", f"no profile named {', '.join(map(repr, missing))} (known: {', '.join(known) or 'none'})")
    return [known[n] for n in names]


def run_once(config: Config, store: Store, *, profiles: list[str] | None = None, dry_run: bool = False,
             trigger: str = "run", send: bool = True) -> RunReport:
    """Take the lock, check the profiles in a bounded pool, store, then plan and send alerts."""
    chosen = select_profiles(config, profiles)
    # Secrets are checked before anything starts: a missing variable is a config error (exit 2).
    adapters = {p.name: make_adapter(config, p) for p in chosen}
    report = RunReport()
    with run_lock(store, config):
        run_id = None if dry_run else _start(store, trigger, chosen)
        try:
            index = _media_index(store, config)
            with ThreadPoolExecutor(max_workers=max(1, config.http.pool_size), thread_name_prefix="profile") as pool:
                futures = [pool.submit(_check_one, store, config, p, adapters[p.name], index, dry_run) for p in chosen]
                report.profiles = [f.result() for f in futures]
            if not dry_run:
                report.notes += _sweep_impersonation(store, config, adapters)
                if send:
                    _alerts(store, config, report)
        finally:
            for a in adapters.values():
                a.close()
            if run_id is not None:
                _finish(store, run_id, report)
    return report


def _check_one(store: Store, config: Config, profile: ProfileConfig, adapter, index, dry_run: bool) -> ProfileOutcome:
    """On PostgreSQL a profile is never checked by this run and a worker at the same time."""
    if not store.is_postgres:
        return check_profile(store, config, profile, adapter=adapter, media_index=index, dry_run=dry_run)
    from monitor.store.pg import held_lock

    with held_lock(store.engine, f"profile:{profile.name}", wait=PROFILE_LOCK_WAIT) as got:
        if not got:
            return ProfileOutcome(profile.name, profile.platform, status="failed",
                                  error=f"a worker was still checking this profile after {PROFILE_LOCK_WAIT} s; it is checked next time")
        return check_profile(store, config, profile, adapter=adapter, media_index=index, dry_run=dry_run)


def _media_index(store: Store, config: Config):
    """Load the approved library once per run (re-indexing first, so new approved images count)."""
    from monitor.media.library import LibraryIndex, index_library

    if config.media.library.is_dir():
        try:
            index_library(store, config.media.library, progress=False, settings=config.media)
        except MonitorError as exc:
            log.warning("approved media library not indexed: %s", exc)
    return LibraryIndex.load(store)


def _sweep_impersonation(store: Store, config: Config, adapters: dict) -> list[str]:
    if not config.identities:
        return []
    from jobs.impersonation_sweep import sweep

    by_platform = {}
    for a in adapters.values():
        by_platform.setdefault(a.name, a)
    try:
        rep = sweep(store, config, by_platform)
    except MonitorError as exc:
        log.warning("impersonation sweep stopped: %s", exc)
        return [f"impersonation sweep stopped: {exc}"]
    return [str(n) for n in getattr(rep, "notes", [])]


def _alerts(store: Store, config: Config, report: RunReport) -> None:
    from monitor.alerts import deliver_pending, plan_alerts

    plan_alerts(store, config)
    delivery = deliver_pending(store, config)
    report.alerts_sent, report.alerts_pending = delivery.sent, delivery.pending


def _start(store: Store, trigger: str, chosen: list[ProfileConfig]) -> int:
    with store.session() as s:
        _close_interrupted(s)
        run = Run(trigger=trigger, host=socket.gethostname(), pid=os.getpid(), profiles=[p.name for p in chosen])
        s.add(run)
        s.flush()
        return run.id


def _close_interrupted(s) -> None:
    """Runs of this machine left 'running' by a killed process are recorded as interrupted."""
    host = socket.gethostname()
    for run in s.scalars(select(Run).where(Run.outcome == "running", Run.host == host)):
        if not _alive(run.pid):
            run.outcome, run.error = "interrupted", "the process stopped before the run finished (killed or crashed)"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return pid != 0


def _finish(store: Store, run_id: int, report: RunReport) -> None:
    with store.session() as s:
        run = s.get(Run, run_id)
        run.finished_at = utcnow()
        failed = [p for p in report.profiles if p.status != "ok"]
        run.outcome = "ok" if not failed else ("failed" if len(failed) == len(report.profiles) else "partial")
        run.profiles = [p.to_json() for p in report.profiles]
        run.items_new = sum(p.items_new for p in report.profiles)
        run.findings_new = sum(p.findings_new for p in report.profiles)
        run.alerts_sent = report.alerts_sent
        run.error = "; ".join(f"{p.name}: {p.error}" for p in failed)[:4000] or None
