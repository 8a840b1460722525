"""Normalized items: what every platform adapter produces and every check consumes.

Adapters turn each platform's own shapes into these values, so checks never see platform JSON.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Literal

ItemKind = Literal["post", "comment", "reply"]


@dataclass(frozen=True)
class Account:
    """A platform account as the platform describes it (official profile, commenter, or suspect)."""

    platform: str
    handle: str
    id: str | None = None
    display_name: str | None = None
    bio: str | None = None
    avatar_url: str | None = None  # http(s) URL, or a local file path for the export platform
    url: str | None = None
    created_at: datetime | None = None
    followers: int | None = None


@dataclass(frozen=True)
class MediaRef:
    """One image attached to an item. `url` is http(s) for network platforms; `local_path` for exports."""

    url: str | None = None
    local_path: Path | None = None
    media_id: str | None = None
    alt_text: str | None = None
    kind: str = "image"

    @property
    def key(self) -> str:
        """Stable identity of the image inside its item (for dedupe and change detection)."""
        return self.media_id or self.url or (str(self.local_path) if self.local_path else "")


@dataclass(frozen=True)
class Item:
    """A post, comment or reply on an official profile, normalized."""

    platform: str
    id: str
    kind: ItemKind
    author: Account
    is_official: bool  # written by the practice's own account (the "own" checks apply)
    text: str
    created_at: datetime | None = None
    url: str | None = None
    updated_at: datetime | None = None
    media: tuple[MediaRef, ...] = ()
    parent_id: str | None = None  # the post or comment this one answers
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    def content_hash(self) -> str:
        """Changes when the text or the set of images changes: an edited item is checked again."""
        h = hashlib.sha256()
        h.update(self.text.encode("utf-8", "surrogatepass"))
        for m in sorted(m.key for m in self.media):
            h.update(b"\0")
            h.update(m.encode("utf-8", "surrogatepass"))
        return h.hexdigest()


@dataclass
class FetchResult:
    """What one adapter call returns: new items, the cursor to store, and what it had to skip."""

    items: list[Item]
    cursor: dict | None = None
    profile: Account | None = None
    skipped: list[str] = field(default_factory=list)  # one clear reason per malformed item skipped
    requests_made: int = 0
