"""The digest: what can wait (normal and low findings), plus what the admin must know about the
monitor itself (emails that could not be delivered, a mail server that is down, open suspects).

Built to be reviewed in a few minutes: a count per category at the top, the first findings in full,
the rest one line each. The findings a queued digest shows are marked (digest_at) in the same
transaction that stores the email, so none is shown twice and none is lost.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from monitor.alerts.compose import compose
from monitor.alerts.headers import header_text, inline_text
from monitor.alerts.outbox import enqueue, failed_messages, server_state
from monitor.alerts.render import Rendered, render_pair
from monitor.alerts.routing import DIGEST_SEVERITIES, category_label, digest_recipients, severity_rank
from monitor.alerts.views import FindingView, finding_view, local_time
from monitor.config.model import Config
from monitor.findings import IMMEDIATE_SEVERITIES
from monitor.store.models import FindingRow, Suspect, utcnow

log = logging.getLogger(__name__)

DETAILED = 30  # findings shown in full; the rest one line each
COMPACT = 300
OPEN_ALERTS = 50
SUSPECTS = 30


@dataclass(frozen=True)
class FailedView:
    id: int
    kind: str
    subject: str
    recipients: str
    error: str
    created: str
    finding_ids: str


@dataclass(frozen=True)
class SuspectLine:
    id: int
    platform: str
    handle: str
    verdict: str
    score: str
    status: str
    since: str


@dataclass
class DigestContent:
    practice: str
    generated_at: str
    date: str
    findings: list[FindingView] = field(default_factory=list)
    compact: list[FindingView] = field(default_factory=list)
    not_shown: int = 0
    counts: list[tuple[str, int]] = field(default_factory=list)
    open_alerts: list[FindingView] = field(default_factory=list)
    failed: list[FailedView] = field(default_factory=list)
    server_problem: str = ""
    suspects: list[SuspectLine] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.findings) + len(self.compact) + self.not_shown

    @property
    def is_empty(self) -> bool:
        """Nothing new to review and nothing wrong with the delivery: no digest unless asked."""
        return self.total == 0 and not self.failed and not self.server_problem

    @property
    def subject(self) -> str:
        parts = []
        if self.total:
            parts.append(f"{self.total} finding{'s' if self.total != 1 else ''} to review")
        if self.failed:
            parts.append(f"{len(self.failed)} email{'s' if len(self.failed) != 1 else ''} not delivered")
        if self.server_problem:
            parts.append("mail server problem")
        summary = ", ".join(parts) or "nothing new"
        return header_text(f"[practice-monitor] Digest for {self.practice}: {summary} ({self.date})")


def pending_digest_ids(session: Session) -> list[int]:
    return list(
        session.scalars(
            select(FindingRow.id)
            .where(
                FindingRow.severity.in_(DIGEST_SEVERITIES),
                FindingRow.status == "new",
                FindingRow.digest_at.is_(None),
            )
            .order_by(FindingRow.id)
        )
    )


def build_content(session: Session, store, config: Config, rows: list[FindingRow], now: datetime) -> DigestContent:
    from zoneinfo import ZoneInfo

    local = now.astimezone(ZoneInfo(config.practice.timezone))
    content = DigestContent(
        practice=inline_text(config.practice.name, 120),
        generated_at=local_time(config, now),
        date=f"{local:%a %d %b %Y}",
    )
    rows = sorted(rows, key=lambda r: (severity_rank(r.severity), r.profile, r.id))
    content.counts = sorted(Counter(category_label(r.category) for r in rows).items(), key=lambda kv: (-kv[1], kv[0]))
    content.findings = [finding_view(session, config, r) for r in rows[:DETAILED]]
    content.compact = [finding_view(session, config, r, with_images=False) for r in rows[DETAILED : DETAILED + COMPACT]]
    content.not_shown = max(0, len(rows) - DETAILED - COMPACT)

    open_rows = session.scalars(
        select(FindingRow)
        .where(
            FindingRow.severity.in_(sorted(IMMEDIATE_SEVERITIES)),
            FindingRow.status != "resolved",
            FindingRow.announced_at.is_not(None),
        )
        .order_by(FindingRow.id.desc())
        .limit(OPEN_ALERTS)
    ).all()
    open_rows = sorted(open_rows, key=lambda r: (severity_rank(r.severity), -r.id))
    content.open_alerts = [finding_view(session, config, r, with_images=False) for r in open_rows]

    for m in failed_messages(session):
        content.failed.append(
            FailedView(
                id=m.id,
                kind=m.kind,
                subject=inline_text(m.subject, 120),
                recipients=", ".join(m.recipients or []),
                error=inline_text(m.last_error or "refused by the mail server", 300),
                created=local_time(config, m.created_at),
                finding_ids=", ".join(f"#{i}" for i in (m.finding_ids or [])[:20]),
            )
        )
    state = server_state(store)
    if state is not None:
        content.server_problem = inline_text(
            f"Since {local_time(config, state.since)} the mail server could not be used ({state.error}). "
            "Emails wait in the outbox and are sent when it works again.",
            400,
        )
    suspects = session.scalars(
        select(Suspect).where(Suspect.status.in_(("new", "reported"))).order_by(Suspect.score.desc()).limit(SUSPECTS)
    ).all()
    content.suspects = [
        SuspectLine(
            s.id, inline_text(s.platform, 40), inline_text(s.handle, 80), inline_text(s.verdict, 20),
            f"{s.score:.2f}", inline_text(s.status, 20), local_time(config, s.first_seen),
        )
        for s in suspects
    ]
    return content


def _render(content: DigestContent, *, embed_data: bool = False) -> Rendered:
    return render_pair("digest", {"subject": content.subject, "d": content, "practice": content.practice,
                                  "generated_at": content.generated_at}, embed_data=embed_data)


def preview_content(store, config: Config, *, now: datetime | None = None) -> DigestContent:
    """What the next digest would contain, without marking anything."""
    now = now or utcnow()
    with store.session() as s:
        ids = pending_digest_ids(s)
        rows = s.scalars(select(FindingRow).where(FindingRow.id.in_(ids))).all() if ids else []
        return build_content(s, store, config, list(rows), now)


def render_digest_html(store, config: Config, *, now: datetime | None = None) -> str:
    """The digest as one self-contained HTML file (pictures embedded), for `digest --preview`."""
    return _render(preview_content(store, config, now=now), embed_data=True).html


def render_digest_text(store, config: Config, *, now: datetime | None = None) -> str:
    return _render(preview_content(store, config, now=now)).text


def queue_digest(store, config: Config, *, now: datetime | None = None, force: bool = False) -> int:
    """Store the digest in the outbox (0 or 1 message); its findings are marked in the same transaction."""
    now = now or utcnow()
    recipients = digest_recipients(config)
    if not recipients and config.email.transport != "file":
        log.warning("no digest: [email] to is empty")
        return 0
    with store.session() as s:
        ids = pending_digest_ids(s)
        if ids:
            s.execute(
                update(FindingRow)
                .where(FindingRow.id.in_(ids), FindingRow.digest_at.is_(None))
                .values(digest_at=now)
                .execution_options(synchronize_session=False)
            )
            # Only what this transaction marked (another digest may have taken some meanwhile).
            rows = s.scalars(select(FindingRow).where(FindingRow.id.in_(ids), FindingRow.digest_at == now)).all()
        else:
            rows = []
        content = build_content(s, store, config, list(rows), now)
        if content.is_empty and not (force or config.alerts.digest_send_empty):
            s.rollback()
            log.info("digest not sent: nothing pending")
            return 0
        rendered = _render(content)
        finding_ids = [r.id for r in rows]
        composed = compose(config, rendered, kind="digest", recipients=recipients, now=now, finding_ids=finding_ids)
        enqueue(s, composed, kind="digest", finding_ids=finding_ids, now=now)
        log.info("digest queued: %d finding(s), %d undelivered email(s)", len(finding_ids), len(content.failed))
    return 1
