"""Each posted image is downloaded and judged once: verdicts are kept by image address and by SHA-256.

`judge_media` first looks the image's key (its URL, or its local path for exports) up in MediaCheck and
returns the stored verdict without downloading anything; otherwise it fetches the bytes, looks the
SHA-256 up (the same picture under another address), and only then judges and stores the verdict with
a thumbnail of the posted image for the alert email.

A cached verdict is re-used only while the approved library is the one it was judged against: after
`media index` changes the library, verdicts that were not approved/approved_variant are judged again
(a newly approved picture must stop alarming).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from monitor.config.model import MediaConfig
from monitor.errors import UnsafeMedia
from monitor.media.library import LibraryIndex
from monitor.media.verdict import Verdict, judge, unreadable

log = logging.getLogger(__name__)


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def _fresh(stored: dict, fingerprint: str) -> bool:
    if stored.get("verdict") in ("approved", "approved_variant"):
        return True
    return stored.get("details", {}).get("library") == fingerprint


def judge_media(store, index: LibraryIndex, settings: MediaConfig, *, key: str, fetch: Callable[[], bytes]) -> Verdict:
    """The verdict for the image known as `key` (URL or local path), fetched and judged at most once.

    `fetch()` may raise UnsafeMedia (then the verdict is unreadable and is stored); other exceptions
    propagate (a network failure is not a verdict: the image is tried again next run).
    """
    from monitor.store.models import MediaCheck

    kh = key_hash(key)
    fingerprint = index.fingerprint
    with store.session() as s:
        row = s.scalar(select(MediaCheck).where(MediaCheck.url_key == kh))
        if row is not None and _fresh(row.verdict, fingerprint):
            return Verdict.from_dict(row.verdict)
    thumb = None
    sha = None
    try:
        data = fetch()
    except UnsafeMedia as exc:
        verdict = unreadable(str(exc))
    else:
        sha = hashlib.sha256(data).hexdigest()
        verdict = None
        with store.session() as s:
            same = s.scalar(select(MediaCheck).where(MediaCheck.sha256 == sha).limit(1))
            if same is not None and _fresh(same.verdict, fingerprint):
                verdict, thumb = Verdict.from_dict(same.verdict), same.thumbnail
        if verdict is None:
            verdict = judge(data, index, settings, name=key)
            thumb = _thumb(data, settings) if verdict.verdict != "unreadable" else None
    verdict.details["library"] = fingerprint
    _store(store, kh, sha, verdict, thumb)
    return verdict


def _thumb(data: bytes, settings: MediaConfig) -> bytes | None:
    from monitor.media.safety import load_image
    from monitor.media.thumbs import thumbnail_bytes

    try:
        return thumbnail_bytes(load_image(data, settings))
    except UnsafeMedia:
        return None


def _store(store, kh: str, sha: str | None, verdict: Verdict, thumb: bytes | None) -> None:
    from monitor.store.models import MediaCheck, utcnow

    for attempt in range(2):
        try:
            with store.session() as s:
                row = s.scalar(select(MediaCheck).where(MediaCheck.url_key == kh))
                if row is None:
                    row = MediaCheck(url_key=kh)
                    s.add(row)
                row.sha256, row.verdict, row.thumbnail, row.checked_at = sha, verdict.to_dict(), thumb, utcnow()
            return
        except IntegrityError:  # another worker stored the same image first: update theirs
            if attempt:
                raise


def thumbnail_for(store, key: str) -> bytes | None:
    """The stored thumbnail of the posted image known as `key` (URL or local path), for alert emails."""
    from monitor.store.models import MediaCheck

    with store.session() as s:
        return s.scalar(select(MediaCheck.thumbnail).where(MediaCheck.url_key == key_hash(key)))


def library_thumbnail(store, path: str) -> bytes | None:
    """The stored thumbnail of the approved image at library path `path`."""
    from monitor.store.models import MediaImage

    with store.session() as s:
        return s.scalar(select(MediaImage.thumbnail).where(MediaImage.path == path))
