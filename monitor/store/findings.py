"""Storing findings exactly once, and the admin's workflow on them (list, show, resolve)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from monitor.findings import Finding
from monitor.items import Item
from monitor.store.models import FindingRow, utcnow

EXCERPT_CHARS = 280


@dataclass(frozen=True)
class FindingTarget:
    """Where a finding was made: the profile and, when there is one, the item."""

    profile: str
    platform: str
    item_id: str | None = None
    item_url: str | None = None
    item_kind: str | None = None
    author_handle: str | None = None
    text: str = ""

    @classmethod
    def for_item(cls, profile: str, item: Item) -> "FindingTarget":
        return cls(profile, item.platform, item.id, item.url, item.kind, item.author.handle, item.text)


def dedupe_key(target: FindingTarget, f: Finding) -> str:
    """One thing is one finding: the same rule on the same item (and subject) never makes a second row."""
    item = (target.item_id or "") if f.per_item else ""
    raw = "\x1f".join([target.profile, item, f.category, f.rule, f.subject])
    return hashlib.sha256(raw.encode()).hexdigest()


def fingerprint(f: Finding) -> str:
    """Changes when what the admin would read changes (a re-announcement is then due)."""
    raw = json.dumps([f.severity, [e.text for e in f.evidence], list(f.reasons)], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(raw.encode()).hexdigest()


def excerpt(text: str, f: Finding, limit: int = EXCERPT_CHARS) -> str:
    """Only what staff need to decide: the text around the evidence, trimmed."""
    text = " ".join(text.split()) if text else ""
    if len(text) <= limit:
        return text
    spans = [e for e in f.evidence if e.start is not None]
    if not spans:
        return text[: limit - 1] + "…"
    # Offsets refer to the original text; re-find the first span's words in the folded text.
    needle = " ".join(spans[0].text.split())
    at = max(text.find(needle), 0)
    start = max(0, at - limit // 3)
    end = min(len(text), start + limit)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def save_findings(session: Session, target: FindingTarget, findings: list[Finding]) -> list[FindingRow]:
    """Insert new findings, refresh known ones; returns the rows that are new or whose content changed.

    A finding the admin resolved is re-opened only when its content changes.
    """
    now = utcnow()
    changed: list[FindingRow] = []
    for f in findings:
        key = dedupe_key(target, f)
        fp = fingerprint(f)
        row = session.scalar(select(FindingRow).where(FindingRow.dedupe_key == key))
        if row is None:
            row = FindingRow(
                dedupe_key=key,
                profile=target.profile,
                platform=target.platform,
                item_id=target.item_id,
                item_url=target.item_url,
                item_kind=target.item_kind,
                author_handle=target.author_handle,
                created_at=now,
                status="new",
            )
            session.add(row)
        elif row.fingerprint == fp:
            row.last_seen = now
            continue
        elif row.status == "resolved":
            row.status, row.resolution, row.resolved_at, row.resolved_by = "new", None, None, None
        row.excerpt = excerpt(target.text, f)
        row.category, row.severity, row.rule = f.category, f.severity, f.rule
        row.reasons = list(f.reasons)
        row.evidence = [e.to_dict() for e in f.evidence]
        row.action, row.subject, row.details = f.action, f.subject, dict(f.details)
        row.fingerprint, row.updated_at, row.last_seen = fp, now, now
        changed.append(row)
    session.flush()
    return changed


def resolve_open(session: Session, *, profile: str, category: str, resolution: str) -> int:
    """Close open findings of one category on a profile (e.g. a profile_error after the profile recovers)."""
    rows = session.scalars(
        select(FindingRow).where(FindingRow.profile == profile, FindingRow.category == category, FindingRow.status != "resolved")
    ).all()
    for row in rows:
        row.status, row.resolution, row.resolved_at, row.resolved_by = "resolved", resolution, utcnow(), "practice-monitor"
    return len(rows)


def finding_json(row: FindingRow) -> dict:
    """The contract's `findings list --json` shape, plus what helps a script decide."""
    return {
        "id": row.id,
        "profile": row.profile,
        "platform": row.platform,
        "item_id": row.item_id,
        "item_url": row.item_url,
        "category": row.category,
        "severity": row.severity,
        "rule": row.rule,
        "status": row.status,
        "reasons": row.reasons,
        "evidence": row.evidence,
        "action": row.action,
        "author": row.author_handle,
        "excerpt": row.excerpt,
        "details": row.details,
        "resolution": row.resolution,
        "created_at": row.created_at.isoformat() if row.created_at else None,
        "updated_at": row.updated_at.isoformat() if row.updated_at else None,
    }
