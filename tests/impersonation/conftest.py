"""Fixtures for impersonation tests: a practice with two protected identities, a store, an in-memory
fake platform adapter (the sweep's logic is tested, not HTTP), logo images, and the evaluation
generator from bench/ loaded by path."""

from __future__ import annotations

import importlib.util
import io
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

import pytest
from PIL import Image, ImageDraw

from monitor.config import load_config
from monitor.errors import RateLimited, UnsafeMedia
from monitor.items import Account, FetchResult, MediaRef
from monitor.platforms.base import Adapter
from monitor.store import Store

ROOT = Path(__file__).resolve().parents[2]

HARBOUR = {
    "name": "Harbour Light Counselling",
    "handles": {"mastodon": "harbourlight@example.social", "instagram": "harbourlight.counselling",
                "bluesky": "harbourlight.bsky.social", "facebook": "harbourlightcounselling"},
    "display_names": ["Harbour Light"],
    "avatars": ["logo.png"],
    "bio": "Counselling and psychotherapy for adults and couples in Leeds. BACP accredited practitioners.",
}
OKAFOR = {"name": "Dr Amara Okafor", "handles": {"instagram": "dr.amaraokafor", "mastodon": "amaraokafor@therapists.social"}}


def logo_image(colour=(20, 80, 160), mark=(250, 200, 40)) -> Image.Image:
    im = Image.new("RGB", (256, 256), "white")
    d = ImageDraw.Draw(im)
    d.ellipse((30, 30, 226, 226), fill=colour)
    d.rectangle((100, 60, 156, 200), fill=mark)
    d.polygon([(40, 200), (128, 240), (216, 200)], fill=(200, 30, 30))
    return im


def other_image() -> Image.Image:
    im = Image.new("RGB", (256, 256), (240, 240, 230))
    d = ImageDraw.Draw(im)
    for i in range(0, 256, 32):
        d.rectangle((i, 0, i + 14, 255), fill=(30, 140, 60))
    d.ellipse((90, 20, 150, 80), fill=(10, 10, 10))
    return im


def png_bytes(im: Image.Image, fmt: str = "PNG", size: int | None = None) -> bytes:
    if size:
        im = im.resize((size, size))
    buf = io.BytesIO()
    im.save(buf, fmt)
    return buf.getvalue()


@pytest.fixture
def practice_config(write_config, tmp_path):
    """load_config'ed practice with the two identities; `extra` merges more sections."""
    (tmp_path / "logo.png").write_bytes(png_bytes(logo_image()))

    def make(extra: dict | None = None, identities: list | None = None):
        sections = {"identities": identities if identities is not None else [HARBOUR, OKAFOR],
                    "media": {"library": "approved-media"}}
        sections.update(extra or {})
        return load_config(write_config(sections))

    return make


@pytest.fixture
def config(practice_config):
    return practice_config()


@pytest.fixture
def store(tmp_path):
    s = Store(f"sqlite:///{tmp_path / 'state' / 'monitor.db'}")
    s.upgrade()
    yield s
    s.dispose()


class FakeAdapter(Adapter):
    """An in-memory platform: accounts by handle, a naive search, avatars by URL, call counters."""

    name: ClassVar[str] = "fake"
    supports_search: ClassVar[bool] = True
    supports_lookup: ClassVar[bool] = True
    report_route: ClassVar[str] = "Use the fake platform's report button."

    def __init__(self, platform: str, accounts: list[Account] = (), media: dict[str, bytes] | None = None,
                 *, profile_name: str = "watched", account: str = "") -> None:
        from monitor.config.model import HttpConfig, ProfileConfig

        super().__init__(ProfileConfig(name=profile_name, platform=platform, account=account), None, HttpConfig())
        self.name = platform  # instance attribute: one fake per platform
        self.accounts = {a.handle.lower(): a for a in accounts}
        self.media = dict(media or {})
        self.lookups: list[str] = []
        self.searches: list[str] = []
        self.fail_lookups_after: int | None = None

    def fetch_profile(self) -> Account:
        return Account(platform=self.name, handle=self.profile.account)

    def fetch_items(self, cursor):
        return FetchResult(items=[])

    def lookup_account(self, handle: str) -> Account | None:
        if self.fail_lookups_after is not None and len(self.lookups) >= self.fail_lookups_after:
            raise RateLimited("slow down", retry_after=60)
        self.lookups.append(handle)
        return self.accounts.get(handle.lower())

    def search_accounts(self, query: str, limit: int = 20) -> list[Account]:
        self.searches.append(query)
        words = [w for w in query.lower().replace(".", " ").split() if len(w) > 3]
        hits = [a for a in self.accounts.values()
                if any(w in (a.display_name or "").lower() or w in a.handle.lower() for w in words)]
        return hits[:limit]

    def fetch_media(self, media: MediaRef, max_bytes: int) -> bytes:
        data = self.media.get(media.url or "")
        if data is None:
            raise UnsafeMedia("not found")
        return data

    def remove(self, handle: str) -> None:
        self.accounts.pop(handle.lower(), None)


@pytest.fixture
def fake_adapter():
    return FakeAdapter


@pytest.fixture(scope="session")
def evalgen():
    """bench/impersonation_data.py: the evaluation generator (independent of the detector)."""
    name = "impersonation_eval_data"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / "impersonation_data.py")
        mod = importlib.util.module_from_spec(spec)
        sys.modules[name] = mod
        spec.loader.exec_module(mod)
    return sys.modules[name]


@pytest.fixture
def images():
    @dataclass
    class Images:
        logo: bytes = field(default_factory=lambda: png_bytes(logo_image()))
        logo_small_jpeg: bytes = field(default_factory=lambda: png_bytes(logo_image(), "JPEG", 96))
        other: bytes = field(default_factory=lambda: png_bytes(other_image()))

    return Images()
