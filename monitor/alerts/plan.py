"""plan_alerts: turning due urgent/high findings into stored alert emails, one per group.

For each group the findings are claimed (a conditional UPDATE of announced_at/announced_fingerprint
that only succeeds if nobody announced them meanwhile) and the email is stored in the outbox in the
SAME transaction: either both happen or neither, so a kill at any moment neither loses an alert nor
queues one twice, and two processes planning at once cannot both queue the same finding.
"""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy import func, select, update

from monitor.alerts.compose import compose
from monitor.alerts.grouping import CHANGED, REMINDER, AlertGroup, Due, due_reason, group_due
from monitor.alerts.outbox import enqueue
from monitor.alerts.render import render_alert
from monitor.alerts.views import finding_view, local_time
from monitor.config.model import Config
from monitor.findings import IMMEDIATE_SEVERITIES
from monitor.store.models import FindingRow, utcnow

log = logging.getLogger(__name__)


def find_due(store, config: Config, now: datetime) -> tuple[list[Due], dict[str, datetime]]:
    """Open urgent/high findings that need an email, and each profile's last alert time."""
    with store.session() as s:
        rows = s.execute(
            select(
                FindingRow.id, FindingRow.profile, FindingRow.category, FindingRow.severity, FindingRow.status,
                FindingRow.fingerprint, FindingRow.announced_at, FindingRow.announced_fingerprint,
            ).where(FindingRow.status != "resolved", FindingRow.severity.in_(sorted(IMMEDIATE_SEVERITIES)))
        ).all()
        last_alert = dict(
            s.execute(
                select(FindingRow.profile, func.max(FindingRow.announced_at))
                .where(FindingRow.announced_at.is_not(None))
                .group_by(FindingRow.profile)
            ).all()
        )
    due: list[Due] = []
    for r in rows:
        reason = due_reason(
            status=r.status, fingerprint=r.fingerprint, announced_at=r.announced_at,
            announced_fingerprint=r.announced_fingerprint, config=config, now=now,
        )
        if reason:
            due.append(Due(r.id, r.profile, r.category, r.severity, reason, r.fingerprint, r.announced_at))
    return due, {p: t for p, t in last_alert.items() if t is not None}


def plan_alerts(store, config: Config, *, now: datetime | None = None) -> int:
    """Queue one alert email per (profile, recipients) group of due findings; returns how many."""
    now = now or utcnow()
    due, last_alert = find_due(store, config, now)
    if not due:
        return 0
    groups, held = group_due(due, config, last_alert, now)
    if held:
        log.info("%d finding(s) wait for the %d s group window of a recent alert", len(held), config.alerts.group_window)
    queued = 0
    problems: list[BaseException] = []
    for group in groups:
        if not group.recipients and config.email.transport != "file":
            log.warning("no recipients for alerts about %s: set [email] to", group.profile)
            continue
        try:
            if _queue_group(store, config, group, now):
                queued += 1
        except Exception as exc:  # one broken group must not hold back the others
            log.error("the alert about %s could not be prepared: %s", group.profile, exc)
            problems.append(exc)
    if problems:
        raise problems[0]
    return queued


def _claim(session, d: Due, now: datetime) -> bool:
    seen = FindingRow.announced_at.is_(None) if d.seen_announced_at is None else FindingRow.announced_at == d.seen_announced_at
    res = session.execute(
        update(FindingRow)
        .where(FindingRow.id == d.finding_id, FindingRow.status != "resolved", FindingRow.fingerprint == d.fingerprint, seen)
        .values(announced_at=now, announced_fingerprint=d.fingerprint)
        .execution_options(synchronize_session=False)
    )
    return res.rowcount == 1


def _queue_group(store, config: Config, group: AlertGroup, now: datetime) -> bool:
    with store.session() as s:
        claimed = [d for d in group.items if _claim(s, d, now)]
        if not claimed:
            return False
        reasons = {d.finding_id: d.reason for d in claimed}
        rows = s.scalars(select(FindingRow).where(FindingRow.id.in_(list(reasons)))).all()
        views = [
            finding_view(s, config, row, announce=reasons[row.id] if reasons[row.id] in (CHANGED, REMINDER) else "")
            for row in rows
        ]
        rendered = render_alert(config.practice.name, views, generated_at=local_time(config, now))
        ids = sorted(reasons)
        composed = compose(config, rendered, kind="alert", recipients=list(group.recipients), now=now, finding_ids=ids)
        enqueue(s, composed, kind="alert", finding_ids=ids, now=now)
        log.info("alert queued for %s: %d finding(s) to %d recipient(s)", group.profile, len(ids), len(group.recipients))
    return True
