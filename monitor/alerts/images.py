"""Thumbnails for emails: the posted image beside its nearest approved one, a suspect's avatar beside
the official one. Emails never load remote images, so every picture is re-encoded here into a small
JPEG and attached inline (cid:); anything missing or undecodable is simply left out.
"""

from __future__ import annotations

import hashlib
import io
import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from monitor.config.model import Config
from monitor.store.models import FindingRow, MediaCheck, MediaImage, Suspect

log = logging.getLogger(__name__)

THUMB_PX = 240
MAX_SOURCE_BYTES = 20_000_000
MAX_SOURCE_PIXELS = 40_000_000


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


def small_jpeg(data: bytes | None) -> bytes | None:
    """Re-encode any stored picture into a small, plain JPEG (nothing of the original file survives)."""
    if not data or len(data) > MAX_SOURCE_BYTES:
        return None
    from PIL import Image, ImageOps

    try:
        with Image.open(io.BytesIO(data)) as im:
            if im.width * im.height > MAX_SOURCE_PIXELS:
                return None
            im.draft("RGB", (THUMB_PX * 2, THUMB_PX * 2))
            im = ImageOps.exif_transpose(im)
            im = im.convert("RGB")
            im.thumbnail((THUMB_PX, THUMB_PX))
            out = io.BytesIO()
            im.save(out, "JPEG", quality=82, optimize=True)
            return out.getvalue()
    except Exception as exc:  # a corrupt or hostile picture: leave it out, the text says enough
        log.debug("thumbnail skipped: %s", type(exc).__name__)
        return None


def _file_bytes(path: Path) -> bytes | None:
    try:
        if path.is_file() and path.stat().st_size <= MAX_SOURCE_BYTES:
            return path.read_bytes()
    except OSError:
        pass
    return None


def url_key(value: str) -> str:
    """How the media checks key a posted image: SHA-256 of its URL or local path."""
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def posted_thumbnail(session: Session, details: dict) -> bytes | None:
    """The posted image, as the media check stored it (or, for exports, read from its file)."""
    for name in ("media_url", "local_path", "url", "path"):
        value = details.get(name)
        if not isinstance(value, str) or not value:
            continue
        thumb = session.scalar(select(MediaCheck.thumbnail).where(MediaCheck.url_key == url_key(value)))
        if thumb:
            return small_jpeg(thumb)
    local = details.get("local_path")
    if isinstance(local, str) and local:
        return small_jpeg(_file_bytes(Path(local)))
    return None


def library_thumbnail(session: Session, config: Config, rel_path: str | None) -> bytes | None:
    """The nearest approved image: its stored thumbnail, else the library file itself."""
    if not rel_path:
        return None
    thumb = session.scalar(select(MediaImage.thumbnail).where(MediaImage.path == rel_path))
    if thumb:
        return small_jpeg(thumb)
    library = Path(config.media.library).resolve()
    candidate = (library / rel_path).resolve()
    if library not in candidate.parents:  # a stored path must not lead out of the library
        return None
    return small_jpeg(_file_bytes(candidate))


def find_suspect(session: Session, row: FindingRow) -> Suspect | None:
    details = row.details or {}
    sid = details.get("suspect_id")
    if isinstance(sid, int):
        found = session.get(Suspect, sid)
        if found is not None:
            return found
    handle = details.get("handle") or row.author_handle or row.subject
    if not handle:
        return None
    return session.scalar(select(Suspect).where(Suspect.platform == row.platform, Suspect.handle == str(handle)))


def identity_avatar(config: Config, identity_name: str | None) -> bytes | None:
    """The first avatar file of the identity the suspect imitates (or of the first identity)."""
    identities = [i for i in config.identities if i.name == identity_name] or list(config.identities[:1])
    for ident in identities:
        for path in ident.avatars:
            thumb = small_jpeg(_file_bytes(Path(path)))
            if thumb:
                return thumb
    return None


def image_pair(session: Session, config: Config, row: FindingRow) -> ImagePair | None:
    """The comparison an image or impersonation finding needs, or None for other findings."""
    details = row.details or {}
    if row.category.startswith("image_"):
        posted = posted_thumbnail(session, details)
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
        theirs = small_jpeg(suspect.avatar_thumb) if suspect is not None else None
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
