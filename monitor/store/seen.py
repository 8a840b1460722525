"""Which items were already checked: an item is checked again only when its content changes."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from monitor.items import Item
from monitor.store.models import SeenItem, utcnow


def unseen(session: Session, profile: str, items: list[Item]) -> list[Item]:
    """The items that are new, or whose text or images changed since they were last checked."""
    known: dict[str, str] = {}
    ids = [i.id for i in items]
    for chunk_start in range(0, len(ids), 500):
        chunk = ids[chunk_start : chunk_start + 500]
        for item_id, h in session.execute(
            select(SeenItem.item_id, SeenItem.content_hash).where(SeenItem.profile == profile, SeenItem.item_id.in_(chunk))
        ):
            known[item_id] = h
    return [i for i in items if known.get(i.id) != i.content_hash()]


def mark_seen(session: Session, profile: str, items: list[Item], text_keys: dict[str, str | None]) -> None:
    """Record items as checked (in the same transaction as their findings)."""
    now = utcnow()
    for item in items:
        row = session.scalar(select(SeenItem).where(SeenItem.profile == profile, SeenItem.item_id == item.id))
        if row is None:
            session.add(SeenItem(profile=profile, item_id=item.id, kind=item.kind, content_hash=item.content_hash(),
                                 text_key=text_keys.get(item.id), first_seen=now, last_checked=now))
        else:
            row.content_hash, row.last_checked, row.text_key = item.content_hash(), now, text_keys.get(item.id)
    session.flush()


def repeat_counts(session: Session, profile: str, keys: list[str]) -> dict[str, int]:
    """How many earlier items of this profile carried each normalized text (spam repeated across posts)."""
    if not keys:
        return {}
    rows = session.execute(
        select(SeenItem.text_key, func.count()).where(SeenItem.profile == profile, SeenItem.text_key.in_(set(keys))).group_by(SeenItem.text_key)
    )
    return {k: n for k, n in rows}
