"""What a rule reports (a Hit) and small helpers the category modules share."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from monitor.checks.posts.patterns import Alternation, words_rx  # noqa: F401 - words_rx is used from here by the checks


@dataclass
class Hit:
    """One rule firing on one text: evidence spans are offsets into the original text."""

    category: str
    rule: str
    reason: str
    spans: list[tuple[int, int]] = field(default_factory=list)
    strength: int = 2  # 2 = enough on its own; 1 = needs another signal of the same category


def rx(*parts: str, flags: int = 0) -> Alternation:
    """An alternation of regex parts, matched as whole words on the folded (lower-case) text."""
    return Alternation(parts, r"\w", r"(?![\w])", flags)


def spans_of(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


_SENTENCE_END = re.compile(r"[.!?\n]+\s|\n")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around [start, end) as (start, end) offsets."""
    s = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        s = m.end()
    m = _SENTENCE_END.search(text, end)
    return s, (m.start() if m else len(text))
