"""`serve`: the long-running single-machine scheduler (APScheduler 3, cron triggers from the config)."""

from __future__ import annotations

import logging
import signal
import zoneinfo

from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger

from monitor.config.model import Config
from monitor.errors import LockHeld, MonitorError
from monitor.store.db import Store

log = logging.getLogger(__name__)


def run_job(config: Config, store: Store) -> None:
    from jobs.run import run_once

    try:
        report = run_once(config, store, trigger="serve")
        failed = [p.name for p in report.profiles if p.status != "ok"]
        log.info("run finished: %d profile(s), %d failed%s, %d alert(s) sent", len(report.profiles), len(failed),
                 f" ({', '.join(failed)})" if failed else "", report.alerts_sent)
    except LockHeld as exc:
        log.warning("%s", exc)
    except MonitorError as exc:
        log.error("run failed: %s", exc)
    except Exception:  # a scheduler must survive one bad pass
        log.exception("run failed unexpectedly")


def digest_job(config: Config, store: Store) -> None:
    from jobs.digest import send_digest

    try:
        queued, report = send_digest(config, store)
        log.info("digest: %d queued, %d sent, %d waiting", queued, report.sent, report.pending)
    except LockHeld as exc:
        log.warning("%s", exc)
    except Exception:
        log.exception("digest failed unexpectedly")


def deliver_job(config: Config, store: Store) -> None:
    """Between runs: send what waited (mail server back, 4xx retries, findings held by the group window)."""
    from monitor.alerts import deliver_pending, plan_alerts

    try:
        plan_alerts(store, config)
        report = deliver_pending(store, config)
        if report.sent:
            log.info("delivered %d waiting message(s); %d still waiting", report.sent, report.pending)
    except Exception:
        log.exception("delivering waiting messages failed")


def build_scheduler(config: Config, store: Store) -> BlockingScheduler:
    tz = zoneinfo.ZoneInfo(config.practice.timezone)
    sched = BlockingScheduler(
        timezone=tz,
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": config.schedule.misfire_grace_seconds},
    )
    sched.add_job(run_job, CronTrigger.from_crontab(config.schedule.run, timezone=tz), args=(config, store), id="run", name="checks")
    sched.add_job(digest_job, CronTrigger.from_crontab(config.schedule.digest, timezone=tz), args=(config, store), id="digest", name="digest")
    sched.add_job(deliver_job, "interval", minutes=config.schedule.deliver_minutes, args=(config, store), id="deliver",
                  name="waiting alerts")
    return sched


def serve(config: Config, store: Store, *, run_now: bool = False) -> None:
    """Block until SIGTERM or SIGINT; the job running then finishes first."""
    sched = build_scheduler(config, store)

    def stop(signum, _frame) -> None:
        log.info("received %s: stopping after the current job", signal.Signals(signum).name)
        sched.shutdown(wait=False)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    if run_now:
        from datetime import datetime

        sched.add_job(run_job, "date", run_date=datetime.now(sched.timezone), args=(config, store), id="run-now")
    for job in sched.get_jobs():
        log.info("scheduled %s: %s", job.name, job.trigger)
    log.info("practice-monitor serve started (timezone %s)", config.practice.timezone)
    sched.start()
    # shutdown(wait=False) returns from start(); wait for the running job, then leave.
    sched._executors["default"].shutdown(wait=True)  # noqa: SLF001 - APScheduler 3 has no public wait
    log.info("practice-monitor serve stopped")
