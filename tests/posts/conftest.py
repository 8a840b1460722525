"""Fixtures for the post and comment checks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from monitor.checks.posts import check_text
from monitor.checks.posts.names import PracticeNames
from monitor.config.model import AlertsConfig, PostsConfig

DATA = Path(__file__).resolve().parent.parent / "data"
# The fictional practice the hand-written cases describe, configured as a real practice would be
# (bench/posts_eval.py checks the labelled sets with the same names).
HARBOURLIGHT = PracticeNames.of("Harbourlight Counselling", [["Dr Maya Okafor"], ["Tom Reilly"], ["Priya Shah"]])


@pytest.fixture
def check():
    """check(text, own=False, **posts_config) -> {category: Finding} with the default alerts texts, as
    configured for the practice of the hand-written cases (HARBOURLIGHT)."""

    def run(text: str, own: bool = False, *, author: str | None = None, item_id: str | None = None, repeat_count: int = 0,
            alerts: AlertsConfig | None = None, **posts_kw):
        findings = check_text(text, own, PostsConfig(**posts_kw), alerts or AlertsConfig(), author=author, item_id=item_id,
                              repeat_count=repeat_count, names=HARBOURLIGHT)
        return {f.category: f for f in findings}

    return run


@pytest.fixture
def eval_rows():
    def load(name: str) -> list[dict]:
        return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]

    return load
