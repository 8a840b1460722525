"""What a rule reports (a Hit) and small helpers the category modules share."""

from __future__ import annotations

import bisect
import functools
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


@functools.lru_cache(maxsize=16)
def _sentence_marks(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """(starts, ends) of the sentence-end marks of a text, found once per text: a rule calls
    sentence_bounds for every match, and a scan from the start each time made a long text without
    full stops (hostile or not) cost the square of its length."""
    marks = [m.span() for m in _SENTENCE_END.finditer(text)]
    return tuple(a for a, _ in marks), tuple(b for _, b in marks)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around [start, end) as (start, end) offsets: it begins after the last sentence-end
    mark that ends at or before `start` and stops at the first mark found from `end` on."""
    starts, ends = _sentence_marks(text)
    i = bisect.bisect_right(ends, start)  # marks [0, i) end at or before start
    s = ends[i - 1] if i else 0
    if i < len(starts) and starts[i] < start:  # a mark running across `start`: its part before counts
        for m in _SENTENCE_END.finditer(text, starts[i], start):
            s = m.end()
    j = bisect.bisect_left(ends, end + 1)  # the first mark that ends after `end`
    if j < len(starts) and starts[j] < end:  # it began before `end`: a mark may still start inside it
        m = _SENTENCE_END.search(text, end, ends[j])
        if m:
            return s, m.start()
        j += 1
    return s, (starts[j] if j < len(starts) else len(text))


# How far around a match its sentence is read by `sentence_near`: real sentences are shorter, and a
# long text without full stops (hostile or not) would otherwise be read whole once per match.
SENTENCE_REACH = 300


def sentence_near(text: str, start: int, end: int) -> tuple[int, int]:
    """`sentence_bounds`, at most SENTENCE_REACH characters either side of [start, end)."""
    s, e = sentence_bounds(text, start, end)
    return max(s, start - SENTENCE_REACH), min(e, end + SENTENCE_REACH)
