"""The staff workflow for fake accounts: new -> reported -> taken_down, or -> dismissed.

A dismissed suspect stays dismissed (and quiet) until it changes its display name or avatar; a
taken-down suspect that is seen live again becomes new again. Every operation is one small function
on a session, used by the CLI and by the sweep job alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from monitor.checks.impersonation import fingerprint_changed, handles, suspect_fingerprint
from monitor.checks.impersonation.score import ImpersonationScore
from monitor.errors import MonitorError
from monitor.items import Account
from monitor.store.models import Suspect, utcnow

STATUSES = ("new", "reported", "taken_down", "dismissed")
SOURCES = ("search", "lookup", "commenter", "staff")
# What staff may do from each status (the sweep also moves dismissed/taken_down back to new).
STAFF_TRANSITIONS = {
    "report": {"new", "reported", "dismissed"},
    "dismiss": {"new", "reported"},
    "taken_down": {"new", "reported"},
}


class WorkflowError(MonitorError):
    """A staff action that does not fit the suspect's current status (or names no suspect)."""


@dataclass(frozen=True)
class Observation:
    """What one sighting of an account did to the suspects table."""

    suspect: Suspect
    event: str  # new, updated, raised_again, back_online, still_dismissed


def find(session: Session, platform: str, handle: str) -> Suspect | None:
    return session.scalar(select(Suspect).where(Suspect.platform == platform, Suspect.handle == handles.canonical(platform, handle)))


def get(session: Session, suspect_id: int) -> Suspect:
    s = session.get(Suspect, suspect_id)
    if s is None:
        raise WorkflowError(f"there is no suspect with id {suspect_id} (see `practice-monitor suspects list`)")
    return s


def list_suspects(session: Session, status: str | None = None) -> list[Suspect]:
    if status is not None and status not in STATUSES:
        raise MonitorError(f"unknown status {status!r} (choose from {', '.join(STATUSES)})")
    q = select(Suspect).order_by(Suspect.id)
    if status:
        q = q.where(Suspect.status == status)
    return list(session.scalars(q))


def _apply_account(s: Suspect, account: Account, score: ImpersonationScore | None, *, avatar_phash: str | None,
                   avatar_thumb: bytes | None) -> None:
    if account.id:
        s.account_id = account.id
    if account.display_name is not None:
        s.display_name = account.display_name
    if account.url:
        s.url = account.url
    if account.avatar_url:
        s.avatar_url = account.avatar_url
    if avatar_thumb:
        s.avatar_thumb = avatar_thumb
    if account.bio is not None:
        s.bio = account.bio
    if score is not None:
        s.score = round(score.score, 4)
        s.verdict = score.verdict
        s.matched_identity = score.matched_identity
        s.signals = [sig.to_dict() for sig in score.signals]
    if s.url is None:
        s.url = handles.profile_url(s.platform, s.handle)


def add(session: Session, platform: str, handle: str, *, note: str | None = None, source: str = "staff",
        account: Account | None = None, score: ImpersonationScore | None = None, now: datetime | None = None) -> tuple[Suspect, bool]:
    """A suspect reported by staff (or found by the monitor); returns (suspect, created)."""
    now = now or utcnow()
    handle = handles.canonical(platform, handle)
    existing = find(session, platform, handle)
    if existing is not None:
        if note:
            existing.note = f"{existing.note}\n{note}" if existing.note else note
        return existing, False
    account = account or Account(platform=platform, handle=handle)
    s = Suspect(platform=platform, handle=handle, source=source, note=note, status="new", first_seen=now, last_seen=now,
                fingerprint=suspect_fingerprint(account.display_name, None), signals=[], score=0.0, verdict="suspicious")
    _apply_account(s, account, score, avatar_phash=None, avatar_thumb=None)
    session.add(s)
    session.flush()
    return s, True


def observe(session: Session, account: Account, score: ImpersonationScore, *, source: str,
            avatar_phash: str | None = None, avatar_thumb: bytes | None = None, now: datetime | None = None) -> Observation:
    """Record that `account` was seen live and scored; decides whether staff hear about it again."""
    now = now or utcnow()
    fp = suspect_fingerprint(account.display_name, avatar_phash)
    s = find(session, account.platform, account.handle)
    if s is None:
        s = Suspect(platform=account.platform, handle=handles.canonical(account.platform, account.handle), source=source,
                    status="new", first_seen=now, last_seen=now, fingerprint=fp)
        _apply_account(s, account, score, avatar_phash=avatar_phash, avatar_thumb=avatar_thumb)
        session.add(s)
        session.flush()
        return Observation(s, "new")
    s.last_seen = now
    if s.status == "dismissed":
        if not fingerprint_changed(s.fingerprint, fp):
            return Observation(s, "still_dismissed")
        before = s.display_name
        _apply_account(s, account, score, avatar_phash=avatar_phash, avatar_thumb=avatar_thumb)
        s.status, s.fingerprint = "new", fp
        what = "display name" if before != s.display_name else "avatar"
        s.note = ((s.note + "\n") if s.note else "") + f"raised again on {now:%Y-%m-%d}: its {what} changed since it was dismissed ({s.dismiss_reason})"
        return Observation(s, "raised_again")
    if s.status == "taken_down":
        _apply_account(s, account, score, avatar_phash=avatar_phash, avatar_thumb=avatar_thumb)
        s.status, s.fingerprint, s.taken_down_at = "new", fp, None
        s.note = ((s.note + "\n") if s.note else "") + f"seen live again on {now:%Y-%m-%d} after it was taken down"
        return Observation(s, "back_online")
    # Keep a known avatar in the fingerprint when this sighting could not compare the avatar.
    if avatar_phash is None and s.fingerprint and len(s.fingerprint) == 64:
        fp = fp[:32] + s.fingerprint[32:]
    _apply_account(s, account, score, avatar_phash=avatar_phash, avatar_thumb=avatar_thumb)
    s.fingerprint = fp
    return Observation(s, "updated")


def _check(s: Suspect, action: str) -> None:
    if s.status not in STAFF_TRANSITIONS[action]:
        words = {"report": "reported", "dismiss": "dismissed", "taken_down": "marked as taken down"}[action]
        raise WorkflowError(f"suspect {s.id} ({s.platform} {s.handle}) is {s.status.replace('_', ' ')} and cannot be {words}")


def mark_reported(session: Session, s: Suspect, *, by: str, now: datetime | None = None) -> Suspect:
    """Staff reported the account to the platform (the evidence pack was written)."""
    _check(s, "report")
    s.status, s.reported_by, s.reported_at, s.reminded_at = "reported", by, now or utcnow(), None
    s.dismiss_reason = None
    return s


def dismiss(session: Session, s: Suspect, *, reason: str, now: datetime | None = None) -> Suspect:
    """Not a fake (or not worth reporting): quiet until its name or avatar changes."""
    if not reason or not reason.strip():
        raise WorkflowError("a reason is required to dismiss a suspect (--reason 'a real colleague's account')")
    _check(s, "dismiss")
    s.status, s.dismiss_reason = "dismissed", reason.strip()
    return s


def mark_taken_down(session: Session, s: Suspect, *, now: datetime | None = None) -> Suspect:
    _check(s, "taken_down")
    s.status, s.taken_down_at = "taken_down", now or utcnow()
    return s


def dismissed_fingerprints(session: Session) -> dict[str, str]:
    """`platform:handle` -> fingerprint of every dismissed suspect (for `check_author`'s context)."""
    rows = session.execute(select(Suspect.platform, Suspect.handle, Suspect.fingerprint).where(Suspect.status == "dismissed"))
    return {f"{p}:{h}": fp for p, h, fp in rows}


def _iso(d: datetime | None) -> str | None:
    return d.isoformat() if d else None


def suspect_json(s: Suspect) -> dict:
    return {
        "id": s.id,
        "platform": s.platform,
        "handle": s.handle,
        "display_name": s.display_name,
        "url": s.url,
        "status": s.status,
        "score": round(s.score or 0.0, 3),
        "verdict": s.verdict,
        "matched_identity": s.matched_identity,
        "reasons": [sig.get("reason") for sig in (s.signals or []) if isinstance(sig, dict) and sig.get("reason")],
        "signals": s.signals or [],
        "source": s.source,
        "note": s.note,
        "dismiss_reason": s.dismiss_reason,
        "first_seen": _iso(s.first_seen),
        "last_seen": _iso(s.last_seen),
        "reported_at": _iso(s.reported_at),
        "reported_by": s.reported_by,
        "reminded_at": _iso(s.reminded_at),
        "taken_down_at": _iso(s.taken_down_at),
    }
