"""The `export` platform: a folder in the documented JSON format, read offline.

A practice can write one by hand or convert a platform's data download, so it can audit an export and
the demo runs with no network. Format (see INTERFACE.md): `profile.json` (optional) and `posts.json`,
a JSON array of posts with nested comments and replies; image paths are relative to the folder.
"""

from __future__ import annotations

import json
import logging
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from monitor.config.model import ProfileConfig
from monitor.errors import MalformedAnswer, UnsafeMedia, Unreachable
from monitor.items import Account, FetchResult, Item, MediaRef
from monitor.platforms.base import Adapter

log = logging.getLogger(__name__)


class ExportAdapter(Adapter):
    name = "export"
    account_help = "not used: set path to the export folder"

    @classmethod
    def validate_profile(cls, profile: ProfileConfig) -> list[tuple[str, str]]:
        # The folder itself is looked for at run time: an export may be written after the config.
        if profile.path is None:
            return [("path", "is required for platform 'export' (the folder holding posts.json)")]
        return []

    def __init__(self, profile, token, http) -> None:
        super().__init__(profile, token, http)
        self.folder: Path = profile.path  # type: ignore[assignment]

    # -- reading -----------------------------------------------------------------------------------
    def _load(self, name: str, required: bool) -> Any:
        path = self.folder / name
        if not path.exists():
            if required:
                raise Unreachable(f"profile {self.profile.name!r}: {path} not found")
            return None
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise MalformedAnswer(f"profile {self.profile.name!r}: {path.name} is not valid JSON ({exc})") from None
        except OSError as exc:
            raise Unreachable(f"profile {self.profile.name!r}: {path} cannot be read ({exc.strerror})") from None

    def fetch_profile(self) -> Account:
        data = self._load("profile.json", required=False) or {}
        if not isinstance(data, dict):
            raise MalformedAnswer(f"profile {self.profile.name!r}: profile.json must hold a JSON object")
        avatar = data.get("avatar")
        return Account(
            platform=self.name,
            handle=_str(data.get("handle")) or self.profile.account or self.profile.name,
            display_name=_str(data.get("display_name")),
            bio=_str(data.get("bio")),
            avatar_url=str(self.folder / avatar) if isinstance(avatar, str) and avatar else None,
        )

    def fetch_items(self, cursor: dict | None) -> FetchResult:
        official = self.fetch_profile()
        if not self.folder.is_dir():
            raise Unreachable(f"profile {self.profile.name!r}: export folder not found: {self.folder}")
        posts = self._load("posts.json", required=True)
        if not isinstance(posts, list):
            raise MalformedAnswer(f"profile {self.profile.name!r}: posts.json must hold a JSON array of posts")
        result = FetchResult(items=[], cursor={"format": 1}, profile=official, requests_made=1)
        for i, raw in enumerate(posts):
            self._walk(raw, "post", None, official.handle, f"posts[{i}]", result)
        return result

    def _walk(self, raw: Any, kind: str, parent: str | None, own_handle: str, where: str, out: FetchResult) -> None:
        try:
            item = self._item(raw, kind, parent, own_handle)
        except ValueError as exc:
            reason = f"{self.folder.name}/posts.json {where}: skipped ({exc})"
            log.warning("%s", reason)
            out.skipped.append(reason)
            return
        out.items.append(item)
        children = raw.get("comments" if kind == "post" else "replies") or []
        if not isinstance(children, list):
            out.skipped.append(f"{where}: comments/replies must be a list; they were skipped")
            return
        for j, child in enumerate(children):
            self._walk(child, "comment" if kind == "post" else "reply", item.id, own_handle, f"{where}.comments[{j}]", out)

    def _item(self, raw: Any, kind: str, parent: str | None, own_handle: str) -> Item:
        if not isinstance(raw, dict):
            raise ValueError("not a JSON object")
        item_id = raw.get("id")
        if not isinstance(item_id, (str, int)) or isinstance(item_id, bool) or str(item_id) == "":
            raise ValueError("missing or invalid id")
        text = raw.get("text", "")
        if text is None:
            text = ""
        if not isinstance(text, str):
            raise ValueError("text must be a string")
        author_raw = raw.get("author") or {}
        if not isinstance(author_raw, dict):
            raise ValueError("author must be an object")
        handle = _str(author_raw.get("handle")) or ""
        author = Account(
            platform=self.name,
            handle=handle,
            id=_str(author_raw.get("id")),
            display_name=_str(author_raw.get("display_name")),
            avatar_url=_avatar(self.folder, author_raw.get("avatar")),
        )
        own = raw.get("own")
        is_official = bool(own) if isinstance(own, bool) else (handle != "" and handle.lower() == own_handle.lower())
        images = raw.get("images") or []
        if not isinstance(images, list) or not all(isinstance(p, str) for p in images):
            raise ValueError("images must be a list of file paths")
        media = tuple(MediaRef(local_path=self.folder / p, media_id=p) for p in images)
        return Item(
            platform=self.name,
            id=str(item_id),
            kind=kind,  # type: ignore[arg-type]
            author=author,
            is_official=is_official,
            text=text,
            created_at=_time(raw.get("created_at")),
            url=_str(raw.get("url")),
            media=media,
            parent_id=parent,
        )

    def fetch_media(self, media: MediaRef, max_bytes: int) -> bytes:
        path = media.local_path or (Path(media.url) if media.url else None)
        if path is None:
            raise UnsafeMedia("no file path for this image")
        path = Path(path)
        try:
            resolved = path.resolve()
            if self.folder.resolve() not in resolved.parents:
                raise UnsafeMedia(f"{path.name}: image path points outside the export folder")
            size = resolved.stat().st_size
            if size > max_bytes:
                raise UnsafeMedia(f"{path.name}: {size} bytes is over the {max_bytes}-byte limit")
            with resolved.open("rb") as fh:
                return fh.read(max_bytes + 1)
        except FileNotFoundError:
            raise UnsafeMedia(f"{path.name}: image file not found in the export") from None
        except OSError as exc:
            raise UnsafeMedia(f"{path.name}: cannot be read ({exc.strerror})") from None


def _str(v: Any) -> str | None:
    return v if isinstance(v, str) and v else (str(v) if isinstance(v, int) and not isinstance(v, bool) else None)


def _avatar(folder: Path, v: Any) -> str | None:
    return str(folder / v) if isinstance(v, str) and v else None


def _time(v: Any) -> datetime | None:
    if not isinstance(v, str) or not v:
        return None
    try:
        dt = datetime.fromisoformat(v.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"created_at {v!r} is not an ISO 8601 date") from None
    return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)
