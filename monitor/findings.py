"""Findings: what a check says about an item. Every finding explains itself.

A finding carries the rule that fired, the evidence (exact spans of the text, or image distances),
the reasons in plain words and the suggested action, so an admin can trust or dismiss it in seconds.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

SEVERITIES = ("urgent", "high", "normal", "low")
IMMEDIATE_SEVERITIES = frozenset({"urgent", "high"})

POST_CATEGORIES = (
    "promotional",
    "abusive",
    "privacy",
    "crisis",
    "booking",
    "review_solicitation",
    "outcome_claim",
    "endorsement",
    "payment_request",
)
IMAGE_CATEGORIES = ("image_altered", "image_unknown", "image_ai_marked", "image_unreadable")
CATEGORIES = POST_CATEGORIES + IMAGE_CATEGORIES + ("impersonation", "profile_error")

STATUSES = ("new", "acknowledged", "resolved")


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted (start, end) spans with overlapping or touching ones joined: one highlight per passage."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


@dataclass(frozen=True)
class Evidence:
    """A piece of evidence: a span of the item's text (start/end offsets) or a short fact."""

    text: str
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Finding:
    """One policy concern about one item (or image, or account)."""

    category: str
    severity: str
    rule: str
    reasons: tuple[str, ...]
    evidence: tuple[Evidence, ...] = ()
    action: str = ""
    # Distinguishes several findings of one rule on one item (e.g. which image); part of the dedupe key.
    subject: str = ""
    # False when the finding is about the subject (e.g. an account), not the item it was seen on: then the
    # same subject seen on several items stays one finding.
    per_item: bool = True
    details: dict = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise ValueError(f"unknown severity {self.severity!r}")
        if self.category not in CATEGORIES:
            raise ValueError(f"unknown category {self.category!r}")

    def to_dict(self) -> dict:
        """The contract's JSON shape for a finding (posts check), plus action and details."""
        return {
            "category": self.category,
            "severity": self.severity,
            "rule": self.rule,
            "evidence": [e.to_dict() for e in self.evidence],
            "reasons": list(self.reasons),
            "action": self.action,
            **({"subject": self.subject} if self.subject else {}),
            **({"details": self.details} if self.details else {}),
        }
