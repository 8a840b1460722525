"""Checks: pure functions, item in, findings out, registered in one place (ITEM_CHECKS below).

A check reads nothing but its arguments: the normalized item and a read-only `CheckContext` with
the configuration and the few facts the pipeline gathered for it. It must not do I/O.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from monitor.config.model import Config, ProfileConfig
from monitor.findings import Finding
from monitor.items import Account, Item


@dataclass(frozen=True)
class CheckContext:
    config: Config
    profile: ProfileConfig
    official: Account | None = None  # the watched profile's own account, when fetched
    # How many other items (this batch and earlier runs, same profile) carry the same normalized
    # text as this one, keyed by the value `monitor.checks.posts.repeat_key` gives: spam detection.
    repeat_count: int = 0
    extra: dict = field(default_factory=dict)


ItemCheck = Callable[[Item, CheckContext], list[Finding]]


def item_checks() -> list[ItemCheck]:
    """Every check run on every new or edited item, in order."""
    from monitor.checks.impersonation import check_author
    from monitor.checks.posts import check_item

    return [check_item, check_author]


def run_item_checks(item: Item, ctx: CheckContext) -> list[Finding]:
    findings: list[Finding] = []
    for check in item_checks():
        findings.extend(check(item, ctx))
    return findings
