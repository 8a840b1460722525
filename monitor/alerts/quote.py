"""Quoting a client's words: only the part needed to decide, with the flagged words highlighted.

The stored excerpt is already trimmed around the evidence; here it is cut to about `limit` characters
around the first evidence span and split into plain and highlighted segments, so a template can mark
the flagged words without ever building HTML from untrusted text itself. Evidence that is not a span of
the text (an image distance, an account's name) is returned as a separate fact.
"""

from __future__ import annotations

from dataclasses import dataclass

from monitor.alerts.headers import ELLIPSIS, inline_text
from monitor.findings import merge_spans

QUOTE_LIMIT = 200


@dataclass(frozen=True)
class Segment:
    text: str
    marked: bool = False


@dataclass(frozen=True)
class Quote:
    segments: tuple[Segment, ...] = ()
    facts: tuple[str, ...] = ()  # evidence that is not part of the quoted text

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.segments)

    def text_with_marks(self, left: str = "[", right: str = "]") -> str:
        """The quote for plain text, flagged words bracketed."""
        return "".join(f"{left}{s.text}{right}" if s.marked else s.text for s in self.segments)


def build_quote(excerpt: str | None, evidence: list, limit: int = QUOTE_LIMIT) -> Quote:
    text = inline_text(excerpt or "")
    spans: list[tuple[int, int]] = []
    facts: list[str] = []
    lowered = text.lower()
    for ev in evidence or []:
        needle = inline_text(ev.get("text") if isinstance(ev, dict) else ev)
        if not needle:
            continue
        at = lowered.find(needle.lower()) if text else -1
        if at < 0:
            if needle not in facts:
                facts.append(needle if len(needle) <= limit else needle[: limit - 1] + ELLIPSIS)
            continue
        spans.append((at, at + len(needle)))
    if not text:
        return Quote((), tuple(facts))
    spans = merge_spans(spans)
    start, end = _window(text, spans, limit)
    segments: list[Segment] = []
    if start > 0:
        segments.append(Segment(ELLIPSIS))
    pos = start
    for s, e in spans:
        s, e = max(s, start), min(e, end)
        if s >= e:
            continue
        if s > pos:
            segments.append(Segment(text[pos:s]))
        segments.append(Segment(text[s:e], marked=True))
        pos = e
    if pos < end:
        segments.append(Segment(text[pos:end]))
    if end < len(text):
        segments.append(Segment(ELLIPSIS))
    return Quote(tuple(_join_plain(segments)), tuple(facts))


def _window(text: str, spans: list[tuple[int, int]], limit: int) -> tuple[int, int]:
    """About `limit` characters: some context before the first span, as many spans as fit after it."""
    if len(text) <= limit:
        return 0, len(text)
    if not spans:
        return 0, _word_end(text, limit)
    first = spans[0][0]
    start = max(0, first - limit // 4)
    start = _word_start(text, start)
    end = min(len(text), start + limit)
    return start, _word_end(text, end)


def _word_start(text: str, i: int) -> int:
    if i <= 0:
        return 0
    space = text.rfind(" ", max(0, i - 15), i)
    return space + 1 if space >= 0 else i


def _word_end(text: str, i: int) -> int:
    if i >= len(text):
        return len(text)
    space = text.rfind(" ", max(0, i - 15), i)
    return space if space > 0 else i


def _join_plain(segments: list[Segment]) -> list[Segment]:
    out: list[Segment] = []
    for seg in segments:
        if out and not seg.marked and not out[-1].marked:
            out[-1] = Segment(out[-1].text + seg.text)
        else:
            out.append(seg)
    return out
