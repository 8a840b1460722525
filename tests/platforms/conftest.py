"""Fixtures for the platform adapter tests: loopback fakes of each API and adapters pointed at them."""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from monitor.config.model import HttpConfig, ProfileConfig
from monitor.platforms import adapter_class
from monitor.platforms.http import RateGate


def _load_fakes():
    name = "practice_monitor_platform_fakes"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name("fakes.py"))
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


ACCOUNTS = {
    "facebook": "1000001",
    "instagram": "17841400000000001",
    "mastodon": "microbiomegroup@example.social",
    "bluesky": "microbiomegroup.bsky.social",
}
TOKEN_ENV = {"facebook": "FACEBOOK_TOKEN", "instagram": "INSTAGRAM_TOKEN", "mastodon": "MASTODON_TOKEN", "bluesky": ""}
PLATFORMS = list(ACCOUNTS)


@pytest.fixture(scope="session")
def fakes():
    return _load_fakes()


@pytest.fixture(autouse=True)
def _clear_pauses():
    RateGate.clear()
    yield
    RateGate.clear()


class Rig:
    """A running fake platform plus a factory for adapters aimed at it."""

    def __init__(self, platform: str, server, app) -> None:
        self.platform, self.server, self.app = platform, server, app
        self.adapters = []

    @property
    def base_url(self) -> str:
        return self.server.url + ("/v21.0" if self.platform in ("facebook", "instagram") else "")

    @property
    def token(self) -> str | None:
        return getattr(self.app, "token", None)

    def adapter(self, name: str | None = None, account: str | None = None, token: str | None = "default", **http):
        http_cfg = replace(HttpConfig(timeout=5.0, retries=2), **http)
        profile = ProfileConfig(name=name or f"practice-{self.platform}", platform=self.platform, base_url=self.base_url,
                                account=account or ACCOUNTS[self.platform], token_env=TOKEN_ENV[self.platform])
        adapter = adapter_class(self.platform)(profile, self.token if token == "default" else token, http_cfg)
        adapter.client.backoff_base = 0.05  # keep retry tests fast; the schedule itself is unchanged
        self.adapters.append(adapter)
        return adapter


@pytest.fixture
def rig(fakes):
    """rig(platform) -> Rig with a fresh fake server; all are stopped after the test."""
    started: list[Rig] = []

    def start(platform: str, latency: float = 0.0) -> Rig:
        server, app = fakes.start_fake(platform, latency)
        r = Rig(platform, server, app)
        started.append(r)
        return r

    yield start
    for r in started:
        for a in r.adapters:
            a.close()
        r.server.stop()
