"""Avatars as perceptual hashes: the official avatars and the approved library, and a suspect's
downloaded avatar. Decoding goes through the media module's safe loader (untrusted bytes)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from monitor.checks.impersonation.score import LIBRARY_KEY
from monitor.config.model import Config, MediaConfig
from monitor.errors import UnsafeMedia

log = logging.getLogger(__name__)
THUMB_PX = 160


@dataclass(frozen=True)
class AvatarImage:
    phash: str  # 16 hex digits (imagehash pHash)
    thumb: bytes  # small JPEG for evidence packs and emails


def avatar_from_bytes(data: bytes | str | Path, media: MediaConfig) -> AvatarImage:
    """Hash and thumbnail one avatar; raises UnsafeMedia for anything that is not a safe image."""
    from monitor.media.hashing import phash_hex
    from monitor.media.safety import load_image
    from monitor.media.thumbs import thumbnail_bytes

    img = load_image(data, media)
    return AvatarImage(phash_hex(img), thumbnail_bytes(img, THUMB_PX))


def official_avatar_hashes(config: Config, session=None) -> dict[str, list[str]]:
    """identity name -> pHashes of its avatar files; LIBRARY_KEY -> pHashes of the approved library
    (as indexed in the store, mirrored too, when a session is given)."""
    out: dict[str, list[str]] = {}
    for ident in config.identities:
        for path in ident.avatars:
            try:
                out.setdefault(ident.name, []).append(avatar_from_bytes(Path(path), config.media).phash)
            except (UnsafeMedia, OSError) as exc:
                log.warning("official avatar %s of %s cannot be read: %s", path, ident.name, exc)
    if session is not None:
        from sqlalchemy import select

        from monitor.store.models import MediaImage

        lib: list[str] = []
        for hashes in session.scalars(select(MediaImage.hashes)):
            for k in ("phash", "phash_mirror"):
                if isinstance(hashes, dict) and isinstance(hashes.get(k), str):
                    lib.append(hashes[k])
        if lib:
            out[LIBRARY_KEY] = lib
    return out
