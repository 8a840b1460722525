"""Thumbnails for emails: the posted image beside its nearest approved one, a suspect's avatar beside
the official one. Emails never load remote images, so every picture is re-encoded here into a small
JPEG and attached inline (cid:); anything missing or undecodable is simply left out.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from monitor.config.model import Config, MediaConfig
from monitor.errors import UnsafeMedia
from monitor.media.safety import load_image
from monitor.media.thumbs import THUMB_SIZE, thumbnail_bytes
from monitor.store.models import FindingRow, MediaCheck, MediaImage, Suspect

log = logging.getLogger(__name__)

@dataclass(frozen=True)
class Thumb:
    """One inline image: `key` is stable for identical bytes, so a message attaches each picture once."""

    data: bytes
    alt: str

    @property
    def key(self) -> str:
        return hashlib.sha256(self.data).hexdigest()[:16]


@dataclass(frozen=True)
class ImagePair:
    """What the admin compares: left (what was posted / the suspect) and right (the approved / official)."""

    left: Thumb | None
    right: Thumb | None
    left_caption: str
    right_caption: str
    note: str = ""  # e.g. "distance 14 (0 = identical)"


def small_jpeg(source: bytes | Path | None, media: MediaConfig) -> bytes | None:
    """Re-encode a stored picture or a file into a small, plain JPEG (nothing of the original survives).

    Decoding goes through the media checks' guarded loader (size, pixel and type limits)."""
    if not source:
        return None
    try:
        return thumbnail_bytes(load_image(source, media, work_size=THUMB_SIZE * 2))
    except UnsafeMedia as exc:  # a corrupt or hostile picture: leave it out, the text says enough
        log.debug("thumbnail skipped: %s", exc)
        return None


def url_key(value: str) -> str:
    """How the media checks key a posted image: SHA-256 of its URL or local path."""
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def posted_thumbnail(session: Session, config: Config, details: dict) -> bytes | None:
    """The posted image, as the media check stored it (or, for exports, read from its file)."""
    for name in ("media_key", "key", "media_url", "local_path", "url", "path"):
        value = details.get(name)
        if not isinstance(value, str) or not value:
            continue
        thumb = session.scalar(select(MediaCheck.thumbnail).where(MediaCheck.url_key == url_key(value)))
        if thumb:
            return small_jpeg(thumb, config.media)
    local = details.get("local_path")
    if isinstance(local, str) and local and Path(local).is_file():
        return small_jpeg(Path(local), config.media)
    return None


def library_thumbnail(session: Session, config: Config, rel_path: str | None) -> bytes | None:
    """The nearest approved image: its stored thumbnail, else the library file itself."""
    if not rel_path:
        return None
    thumb = session.scalar(select(MediaImage.thumbnail).where(MediaImage.path == rel_path))
    if thumb:
        return small_jpeg(thumb, config.media)
    library = Path(config.media.library).resolve()
    candidate = (library / rel_path).resolve()
    if library not in candidate.parents or not candidate.is_file():  # never out of the library
        return None
    return small_jpeg(candidate, config.media)


def find_suspect(session: Session, row: FindingRow) -> Suspect | None:
    details = row.details or {}
    sid = details.get("suspect_id")
    if isinstance(sid, int):
        found = session.get(Suspect, sid)
        if found is not None:
            return found
    platform, handle = details.get("platform") or row.platform, details.get("handle") or row.author_handle
    if not handle and row.subject and ":" in row.subject:  # impersonation findings: "platform:handle"
        platform, handle = row.subject.split(":", 1)
    if not handle:
        return None
    return session.scalar(select(Suspect).where(Suspect.platform == str(platform), Suspect.handle == str(handle)))


def identity_avatar(config: Config, identity_name: str | None) -> bytes | None:
    """The first readable avatar file of the identity the suspect imitates (else of the first identity)."""
    from monitor.checks.impersonation.evidence import official_avatar_bytes

    identities = [i for i in config.identities if i.name == identity_name] or list(config.identities[:1])
    for ident in identities:
        thumb = official_avatar_bytes(config, ident)
        if thumb:
            return small_jpeg(thumb, config.media)
    return None


def image_pair(session: Session, config: Config, row: FindingRow) -> ImagePair | None:
    """The comparison an image or impersonation finding needs, or None for other findings."""
    details = row.details or {}
    if row.category.startswith("image_"):
        posted = posted_thumbnail(session, config, details)
        nearest_path = details.get("nearest") if isinstance(details.get("nearest"), str) else None
        nearest = library_thumbnail(session, config, nearest_path)
        distance = details.get("distance")
        note = f"distance {distance} (0 = identical; small = same picture)" if isinstance(distance, (int, float)) else ""
        if not posted and not nearest:
            return None
        return ImagePair(
            Thumb(posted, "the posted image") if posted else None,
            Thumb(nearest, "the nearest approved image") if nearest else None,
            "Posted",
            f"Nearest approved: {nearest_path}" if nearest_path else "No similar approved image",
            note,
        )
    if row.category == "impersonation":
        suspect = find_suspect(session, row)
        theirs = small_jpeg(suspect.avatar_thumb, config.media) if suspect is not None else None
        identity = details.get("matched_identity") or (suspect.matched_identity if suspect is not None else None)
        ours = identity_avatar(config, identity if isinstance(identity, str) else None)
        if not theirs and not ours:
            return None
        return ImagePair(
            Thumb(theirs, "the suspect's avatar") if theirs else None,
            Thumb(ours, "the official avatar") if ours else None,
            "Suspect's avatar",
            f"Official avatar: {identity}" if identity else "Official avatar",
        )
    return None
