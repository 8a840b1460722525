"""Fast matching of many hand-written alternatives: each is only tried when a word it needs is present.

A regular expression with fifty alternatives tries all fifty at every word of every text. Most
alternatives contain a literal they cannot match without ("myself", "pills"). `GatedRegex` works out
such literals from the parsed pattern and skips an alternative when none of them can occur in the
text, judged by one set lookup against the text's three-character pieces (computed once
per text). Behaviour is that of the plain alternation, only faster (matches of different
alternatives may overlap, which only affects evidence spans, and those are merged).
"""

from __future__ import annotations

import re

try:  # Python 3.11+
    from re import _constants as C, _parser as P  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - older Pythons
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as P  # type: ignore[no-redef]

Condition = frozenset[str] | None  # any of these strings must occur; None = no usable condition


def _best(conds: list[frozenset[str]]) -> Condition:
    """The most selective condition: long, rare-looking literals, and few of them."""
    conds = [c for c in conds if c and min(map(len, c)) >= 2]
    if not conds:
        return None
    usable = [c for c in conds if min(map(len, c)) >= 3]
    if not usable:
        return max(conds, key=lambda c: (min(map(len, c)), -len(c)))
    return max(usable, key=lambda c: (min(_rarity(_key(s)) for s in c), -len(c)))


def _conditions(seq) -> list[frozenset[str]]:
    """Necessary conditions of a parsed sequence: each is a set of strings one of which must occur."""
    out: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            out.append(frozenset(["".join(run)]))
            run.clear()

    for op, av in seq:
        if op is C.LITERAL:
            run.append(chr(av))
            continue
        flush()
        if op is C.SUBPATTERN:
            if not (av[1] & C.SRE_FLAG_IGNORECASE):  # (?i:...) literals may appear in any case
                out.extend(_conditions(av[-1]))
        elif op is C.BRANCH:
            alts = [_best(_conditions(a)) for a in av[1]]
            if all(a is not None for a in alts):
                out.append(frozenset().union(*alts))
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[0] >= 1:
            out.extend(_conditions(av[2]))
    flush()
    return out


def condition_of(pattern: str) -> Condition:
    try:
        return _best(_conditions(P.parse(pattern)))
    except Exception:  # noqa: BLE001 - an unusual construct: simply never skip it
        return None


_LETTERS_BY_FREQUENCY = "etaoinsrhldcumfpgwybvkxjqz"  # English, most common first
_RARITY = {c: i + 1 for i, c in enumerate(_LETTERS_BY_FREQUENCY)}
_COMMON = frozenset("the and ing you her his him for are was tha hat ent ion tio thi ver".split())


def _key(literal: str) -> str:
    """The three-character piece of a literal looked up in a text's trigrams: the rarest-looking one,
    so that an alternative is skipped for as many texts as possible."""
    grams = [literal[i:i + 3] for i in range(len(literal) - 2)]
    return max(grams, key=_rarity)


def _rarity(gram: str) -> int:
    return sum(_RARITY.get(c, 30 if c.isalnum() else -20) for c in gram) - (40 if gram in _COMMON else 0)


_recent: dict[int, tuple[str, frozenset[str]]] = {}


def _grams(text: str) -> frozenset[str]:
    """Every three-character piece of `text`, cached for the few views of the text being checked."""
    hit = _recent.get(id(text))
    if hit is not None and hit[0] is text:
        return hit[1]
    grams = frozenset([text[i:i + 3] for i in range(len(text) - 2)])
    if len(_recent) >= 8:
        _recent.clear()
    _recent[id(text)] = (text, grams)
    return grams


class GatedRegex:
    """An alternation of `parts`, each wrapped in `prefix`/`suffix`, tried only when it can match."""

    def __init__(self, parts: list[str] | tuple[str, ...], left: str = "", suffix: str = "", flags: int = 0) -> None:
        """`left` is a character class ("\\w") that must not come right before a match (a word start).

        It is checked after the search rather than as a look-behind in the pattern, because a pattern
        that starts with a literal lets the regex engine jump straight to candidate positions.
        """
        prefix = f"(?<![{left}])" if left else ""
        self.pattern = prefix + "(?:" + "|".join(parts) + ")" + suffix
        self._left = re.compile(f"[{left}]") if left else None
        self._alts: list[tuple[re.Pattern[str], frozenset[str] | None]] = []
        for part in parts:
            cond = None if flags & re.IGNORECASE else condition_of(part)
            keys = frozenset(_key(c) for c in cond) if cond and min(map(len, cond)) >= 3 else None
            self._alts.append((re.compile("(?:" + part + ")" + suffix, flags), keys))
        self._by_key: dict[str, list[int]] = {}
        self._always: list[int] = []
        for i, (_, keys) in enumerate(self._alts):
            if keys is None:
                self._always.append(i)
            else:
                for k in keys:
                    self._by_key.setdefault(k, []).append(i)
        self._keyset = frozenset(self._by_key)
        self._always_rx = [self._alts[i][0] for i in self._always]

    def finditer(self, text: str) -> list[re.Match[str]]:
        present = _grams(text) & self._keyset  # C-speed: only keys that occur in this text
        if present:
            active = set(self._always)
            for k in present:
                active.update(self._by_key[k])
            alts = [self._alts[i][0] for i in sorted(active)]
        else:
            alts = self._always_rx
        left = self._left
        found: list[re.Match[str]] = []
        for rgx in alts:
            if left is None:
                found.extend(rgx.finditer(text))
                continue
            pos = 0
            while (m := rgx.search(text, pos)) is not None:
                start = m.start()
                if start and left.match(text, start - 1):
                    pos = start + 1
                    continue
                found.append(m)
                pos = m.end() if m.end() > start else start + 1
        if len(found) > 1:
            found.sort(key=lambda m: (m.start(), -m.end()))
        return found

    def search(self, text: str) -> re.Match[str] | None:
        found = self.finditer(text)
        return found[0] if found else None
