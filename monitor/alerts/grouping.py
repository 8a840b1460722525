"""Which open findings need an email now, and how they are bundled (in the spirit of Alertmanager).

- A finding is announced once. It is announced again only when its content changes (its fingerprint)
  or, for findings nobody has acknowledged, when `[alerts] repeat_interval_hours` has passed.
- Everything due for one profile and one set of recipients goes into ONE email, so a burst of twenty
  comments found in one run is one email, not twenty.
- Bursts spread over several runs: a `high` finding on a profile that already had an alert email less
  than `[alerts] group_window` seconds ago waits for the rest of that window (Alertmanager's
  group_interval) and goes out with whatever else arrives meanwhile, at the next plan after the window.
  `urgent` findings (crisis) never wait, and take any waiting findings of their group with them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from monitor.alerts.routing import recipients_for, severity_rank
from monitor.config.model import Config

NEW, CHANGED, REMINDER = "new", "changed", "reminder"


@dataclass(frozen=True)
class Due:
    """A finding that needs announcing, with what was seen of it (to claim it safely later)."""

    finding_id: int
    profile: str
    category: str
    severity: str
    reason: str
    fingerprint: str
    seen_announced_at: datetime | None


@dataclass
class AlertGroup:
    profile: str
    recipients: tuple[str, ...]
    items: list[Due] = field(default_factory=list)

    @property
    def top_rank(self) -> int:
        return min(severity_rank(d.severity) for d in self.items)


def due_reason(
    *,
    status: str,
    fingerprint: str,
    announced_at: datetime | None,
    announced_fingerprint: str | None,
    config: Config,
    now: datetime,
) -> str | None:
    """Why this open urgent/high finding needs an email now, or None."""
    if status == "resolved":
        return None
    if announced_at is None:
        return NEW
    if (announced_fingerprint or "") != (fingerprint or ""):
        return CHANGED
    hours = config.alerts.repeat_interval_hours
    if hours > 0 and status == "new" and announced_at <= now - timedelta(hours=hours):
        return REMINDER
    return None


def group_due(
    due: list[Due], config: Config, last_alert: dict[str, datetime], now: datetime
) -> tuple[list[AlertGroup], list[Due]]:
    """(groups to send now, most severe first; findings held for the group window)."""
    window = timedelta(seconds=max(config.alerts.group_window, 0))
    groups: dict[tuple[str, tuple[str, ...]], AlertGroup] = {}
    for d in due:
        key = (d.profile, tuple(recipients_for(config, [d.category])))
        groups.setdefault(key, AlertGroup(d.profile, key[1])).items.append(d)
    ready: list[AlertGroup] = []
    held: list[Due] = []
    for group in groups.values():
        last = last_alert.get(group.profile)
        in_window = last is not None and now - last < window
        has_urgent = any(d.severity == "urgent" for d in group.items)
        if in_window and not has_urgent:
            waiting = [d for d in group.items if d.reason != REMINDER]
            group.items = [d for d in group.items if d.reason == REMINDER]
            held.extend(waiting)
        if group.items:
            group.items.sort(key=lambda d: (severity_rank(d.severity), d.finding_id))
            ready.append(group)
    ready.sort(key=lambda g: (g.top_rank, g.profile))
    return ready, held
