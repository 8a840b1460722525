"""The outbox: the single route every email takes. Stored first, then sent, then marked sent.

States of a message: `pending` (waiting, due at next_attempt_at) -> `sending` (claimed by one process;
next_attempt_at is then the end of its lease) -> `sent`, or `failed` (refused for good or too many
deferrals), or `dismissed` (an admin gave up on a failed one).

Exactly once, as far as email allows:
- A message is claimed with a conditional UPDATE (`WHERE status = 'pending'`, checking the row count),
  after `SELECT ... FOR UPDATE SKIP LOCKED` on PostgreSQL; so two processes or machines never send the
  same message. A killed sender's claim expires after the lease and the message is sent again later.
- It is marked sent in its own transaction right after the server accepted it, before the next message,
  so a kill -9 between two messages repeats nothing. The one unavoidable gap (the server accepted, the
  process died before the commit, microseconds) repeats that message with the same Message-ID.

When the server is unreachable the messages are not at fault: they stay pending, and a shared
"server unavailable" state (kv_state) spaces out the attempts (doubling, at most every 15 minutes).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import case, func, select, update
from sqlalchemy.orm import Session

from monitor.alerts.compose import Composed
from monitor.alerts.transports import (
    Outgoing,
    PermanentRejection,
    ServerUnavailable,
    TransientRejection,
    open_transport,
)
from monitor.config.model import Config
from monitor.secrets import redact
from monitor.store.models import KeyValue, OutboxMessage, utcnow

log = logging.getLogger(__name__)

PENDING, SENDING, SENT, FAILED, DISMISSED = "pending", "sending", "sent", "failed", "dismissed"
SERVER_STATE_KEY = "outbox:server"
MAX_RETRY_DELAY = timedelta(hours=6)
MAX_SERVER_DELAY = timedelta(minutes=15)


@dataclass
class DeliveryReport:
    """One delivery pass: sent now, still waiting (pending or in flight), failed now, and why."""

    sent: int = 0
    pending: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Claimed:
    id: int
    attempts: int
    outgoing: Outgoing


def claim_lease(config: Config) -> timedelta:
    """How long a claim holds: long enough for the slowest conversation one message can take."""
    return timedelta(seconds=max(120.0, 10 * config.email.timeout))


def retry_delay(config: Config, attempts: int) -> timedelta:
    base = max(config.alerts.retry_base_seconds, 0.0)
    return min(timedelta(seconds=base * 2 ** max(attempts - 1, 0)), MAX_RETRY_DELAY)


# -- storing ----------------------------------------------------------------------------------------


def enqueue(session: Session, composed: Composed, *, kind: str, finding_ids: list[int], now: datetime) -> OutboxMessage:
    """Store a message in the caller's transaction (so it commits together with what caused it)."""
    row = OutboxMessage(
        message_id=composed.message_id,
        kind=kind,
        recipients=list(composed.recipients),
        subject=composed.subject[:300],
        raw=composed.raw,
        finding_ids=[int(i) for i in finding_ids],
        status=PENDING,
        attempts=0,
        next_attempt_at=now,
        created_at=now,
    )
    session.add(row)
    session.flush()
    return row


# -- claiming and recording outcomes ------------------------------------------------------------------


def _due(now: datetime):
    return (OutboxMessage.status.in_((PENDING, SENDING))) & (OutboxMessage.next_attempt_at <= now)


def claim_next(store, config: Config, now: datetime, skip: set[int]) -> Claimed | None:
    """Atomically take the next due message (alerts before digests, oldest first), or None."""
    lease_end = now + claim_lease(config)
    priority = case((OutboxMessage.kind == "alert", 0), else_=1)
    for _round in range(20):  # each round either claims, or sees another process win a row
        with store.session() as s:
            q = select(OutboxMessage.id).where(_due(now))
            if skip:
                q = q.where(OutboxMessage.id.not_in(skip))
            q = q.order_by(priority, OutboxMessage.id).limit(5)
            if store.is_postgres:
                q = q.with_for_update(skip_locked=True)
            candidates = list(s.scalars(q))
            if not candidates:
                return None
            for mid in candidates:
                took = s.execute(
                    update(OutboxMessage)
                    .where(OutboxMessage.id == mid, _due(now))
                    .values(status=SENDING, next_attempt_at=lease_end)
                    .execution_options(synchronize_session=False)
                )
                if took.rowcount == 1:
                    row = s.get(OutboxMessage, mid, populate_existing=True)
                    return Claimed(
                        row.id,
                        row.attempts,
                        Outgoing(row.message_id, row.kind, config.email.from_, list(row.recipients), bytes(row.raw), row.created_at),
                    )
    return None


def _finish(store, msg_id: int, **values) -> bool:
    """Record an outcome, only while our claim holds (status still 'sending')."""
    with store.session() as s:
        res = s.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == msg_id, OutboxMessage.status == SENDING)
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        return res.rowcount == 1


def mark_sent(store, claimed: Claimed, now: datetime, refused: dict[str, str]) -> None:
    note = "; ".join(f"not accepted for {a}: {why}" for a, why in refused.items()) or None
    if not _finish(store, claimed.id, status=SENT, sent_at=now, attempts=claimed.attempts + 1, last_error=redact(note) if note else None):
        log.warning("outbox message %s was sent, but its claim had expired meanwhile", claimed.id)


def release(store, claimed: Claimed, now: datetime, error: str) -> None:
    """Give a message back untouched (the server, not the message, failed): due again at once."""
    _finish(store, claimed.id, status=PENDING, next_attempt_at=now, last_error=redact(error))


def defer(store, config: Config, claimed: Claimed, now: datetime, error: str) -> bool:
    """A transient refusal: retry later with backoff, or fail after max_attempts. True if failed."""
    attempts = claimed.attempts + 1
    if attempts >= config.alerts.max_attempts:
        _finish(store, claimed.id, status=FAILED, attempts=attempts, last_error=redact(f"gave up after {attempts} attempts: {error}"))
        return True
    _finish(store, claimed.id, status=PENDING, attempts=attempts, next_attempt_at=now + retry_delay(config, attempts), last_error=redact(error))
    return False


def fail(store, claimed: Claimed, error: str) -> None:
    _finish(store, claimed.id, status=FAILED, attempts=claimed.attempts + 1, last_error=redact(error))


# -- the shared "server unavailable" state ------------------------------------------------------------


@dataclass(frozen=True)
class ServerState:
    failures: int
    since: datetime
    retry_at: datetime
    error: str


def server_state(store) -> ServerState | None:
    with store.session() as s:
        row = s.get(KeyValue, SERVER_STATE_KEY)
        if row is None or not row.value:
            return None
        v = row.value
        try:
            return ServerState(int(v["failures"]), datetime.fromisoformat(v["since"]), datetime.fromisoformat(v["retry_at"]), str(v["error"]))
        except (KeyError, ValueError, TypeError):
            return None


def _record_server_failure(store, config: Config, now: datetime, error: str) -> ServerState:
    prev = server_state(store)
    failures = (prev.failures if prev else 0) + 1
    base = max(config.alerts.retry_base_seconds, 1.0)
    delay = min(timedelta(seconds=base * 2 ** (failures - 1)), MAX_SERVER_DELAY)
    state = ServerState(failures, prev.since if prev else now, now + delay, redact(error))
    value = {"failures": failures, "since": state.since.isoformat(), "retry_at": state.retry_at.isoformat(), "error": state.error}
    with store.session() as s:
        row = s.get(KeyValue, SERVER_STATE_KEY)
        if row is None:
            s.add(KeyValue(key=SERVER_STATE_KEY, value=value, updated_at=now))
        else:
            row.value, row.updated_at = value, now
    return state


def clear_server_state(store) -> None:
    with store.session() as s:
        row = s.get(KeyValue, SERVER_STATE_KEY)
        if row is not None:
            s.delete(row)


# -- delivery ---------------------------------------------------------------------------------------


def count_waiting(store) -> int:
    with store.session() as s:
        return s.scalar(select(func.count()).select_from(OutboxMessage).where(OutboxMessage.status.in_((PENDING, SENDING)))) or 0


def deliver_pending(store, config: Config, *, now: datetime | None = None, force: bool = False, limit: int | None = None) -> DeliveryReport:
    """Send every due message once. Never raises for mail problems: they are in the report.

    `force` ignores the server-unavailable pause (an admin asking to send now).
    """
    clock = (lambda: now) if now is not None else utcnow
    report = DeliveryReport()
    state = server_state(store)
    if state is not None and not force and clock() < state.retry_at:
        report.errors.append(f"the mail server has been unavailable since {state.since:%Y-%m-%d %H:%M} UTC ({state.error}); next try after {state.retry_at:%H:%M} UTC")
        report.pending = count_waiting(store)
        return report
    transport = open_transport(config)
    tried: set[int] = set()
    server_ok = False
    try:
        while limit is None or len(tried) < limit:
            claimed = claim_next(store, config, clock(), tried)
            if claimed is None:
                break
            tried.add(claimed.id)
            try:
                accepted = transport.send(claimed.outgoing)
            except ServerUnavailable as exc:
                release(store, claimed, clock(), str(exc))
                _record_server_failure(store, config, clock(), str(exc))
                report.errors.append(str(exc))
                log.warning("email not sent, will retry: %s", exc)
                break
            except TransientRejection as exc:
                if defer(store, config, claimed, clock(), str(exc)):
                    report.failed += 1
                    log.error("email %s given up: %s", claimed.outgoing.message_id, exc)
                else:
                    log.warning("email %s deferred, will retry: %s", claimed.outgoing.message_id, exc)
                report.errors.append(str(exc))
                server_ok = True
            except PermanentRejection as exc:
                fail(store, claimed, str(exc))
                report.failed += 1
                report.errors.append(str(exc))
                log.error("email %s refused for good: %s", claimed.outgoing.message_id, exc)
                server_ok = True
            except Exception as exc:  # a bug must not leave the message claimed for the whole lease
                release(store, claimed, clock(), f"unexpected error: {type(exc).__name__}")
                raise
            else:
                mark_sent(store, claimed, clock(), accepted.refused)
                report.sent += 1
                server_ok = True
    finally:
        transport.close()
    if server_ok:
        clear_server_state(store)
    report.pending = count_waiting(store)
    return report


# -- the admin's view -------------------------------------------------------------------------------


def list_messages(store, statuses: tuple[str, ...] | None = None, limit: int = 200) -> list[OutboxMessage]:
    """Newest first, without forcing the caller to care about `raw`."""
    with store.session() as s:
        q = select(OutboxMessage).order_by(OutboxMessage.id.desc()).limit(limit)
        if statuses:
            q = q.where(OutboxMessage.status.in_(statuses))
        return list(s.scalars(q))


def failed_messages(session: Session) -> list[OutboxMessage]:
    return list(session.scalars(select(OutboxMessage).where(OutboxMessage.status == FAILED).order_by(OutboxMessage.id)))


def retry(store, ids: list[int] | None, *, now: datetime | None = None) -> int:
    """Put failed messages (these ids, or all) back in the queue; also lifts a server pause."""
    now = now or utcnow()
    with store.session() as s:
        q = update(OutboxMessage).where(OutboxMessage.status.in_((FAILED, PENDING)))
        if ids:
            q = q.where(OutboxMessage.id.in_(ids))
        res = s.execute(q.values(status=PENDING, attempts=0, next_attempt_at=now).execution_options(synchronize_session=False))
        count = res.rowcount
    clear_server_state(store)
    return count


def dismiss(store, ids: list[int]) -> int:
    """Stop showing failed messages (the admin dealt with them another way)."""
    with store.session() as s:
        res = s.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id.in_(ids), OutboxMessage.status == FAILED)
            .values(status=DISMISSED)
            .execution_options(synchronize_session=False)
        )
        return res.rowcount


__all__ = [
    "DeliveryReport", "deliver_pending", "enqueue", "list_messages", "failed_messages", "retry", "dismiss",
    "server_state", "claim_lease",
]
