"""Hand-written alternatives compiled into one regular expression per rule group, behind a cheap test.

Most texts cannot match most rule groups: every alternative needs some literal text ("pills",
"review", "book") that the text does not contain. `Alternation` works out, from the parsed pattern,
one set of literals per alternative one of which must occur for it to match, and skips the group's
scan when no literal of any alternative is in the text (substring tests, done in C; measured
faster than a set of the text's three-character pieces, or one regex of all the literals). When a
literal is present the whole group is scanned as one compiled alternation: measured on the labelled
sets, that is two to four times faster than trying alternatives one by one. Behaviour is exactly
that of the plain alternation; only its cost changes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

try:  # Python 3.11+
    from re import _constants as C, _parser as P  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - older Pythons
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as P  # type: ignore[no-redef]

Condition = frozenset[str] | None  # one of these strings must occur; None = no usable condition

MIN_LITERAL = 3  # shorter literals ("i ", "my") are in nearly every text and would filter nothing


# Words in most English texts: a condition made of them filters nothing.
_COMMON = frozenset(
    "the and for you your her his him she they them that this with have has was are not but all about "
    "what when just from out can will our one ever there their been more some like get got its it's".split()
)


def _selectivity(literal: str) -> int:
    """Higher is rarer: long literals beat short ones, and common words count for little."""
    core = literal.strip(" '")
    return len(core) - (8 if core in _COMMON or len(core) < MIN_LITERAL else 0)


def _best(conds: list[frozenset[str]]) -> Condition:
    """The most selective condition: the one whose least selective literal is most selective."""
    usable = [c for c in conds if c and min(map(len, c)) >= MIN_LITERAL]
    return max(usable, key=lambda c: (min(map(_selectivity, c)), -len(c))) if usable else None


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


def required_literals(pattern: str, flags: int = 0) -> Condition:
    """Strings one of which every match of `pattern` contains, or None if there is no useful such set."""
    if flags & re.IGNORECASE:
        return None
    try:
        return _best(_conditions(P.parse(pattern)))
    except Exception:  # noqa: BLE001 - an unusual construct: simply never skip it
        return None


class Alternation:
    """`parts` as `(?<![left])(?:part|part|...)suffix`; matches are whole words when left="\\w".

    Alternatives with required literals are compiled together and scanned only when one of their
    literals occurs; the few without (a price, "@handle") are compiled apart and always scanned.
    """

    def __init__(self, parts: list[str] | tuple[str, ...], left: str = "", suffix: str = "", flags: int = 0) -> None:
        self.parts = tuple(parts)
        self._prefix = f"(?<![{left}])" if left else ""
        self._suffix = suffix
        self.pattern = self._join(self.parts)
        conds = [required_literals(p, flags) for p in self.parts]
        gated = [p for p, c in zip(self.parts, conds) if c is not None]
        always = [p for p, c in zip(self.parts, conds) if c is None]
        self._gated = re.compile(self._join(dispatch(gated)), flags) if gated else None
        self._always = re.compile(self._join(dispatch(always)), flags) if always else None
        kept: list[str] = []
        for lit in sorted(set().union(*(c for c in conds if c is not None)), key=len):
            if not any(k in lit for k in kept):  # "pills" adds nothing once "pill" is tested
                kept.append(lit)
        self.literals: tuple[str, ...] = tuple(kept)

    def _join(self, parts: list[str] | tuple[str, ...]) -> str:
        return self._prefix + "(?:" + "|".join(parts) + ")" + self._suffix

    def _gate_open(self, text: str) -> bool:
        for lit in self.literals:
            if lit in text:
                return True
        return False

    def finditer(self, text: str) -> list[re.Match[str]]:
        found = list(self._always.finditer(text)) if self._always is not None else []
        if self._gated is not None and self._gate_open(text):
            if found:
                found += self._gated.finditer(text)
                found.sort(key=lambda m: (m.start(), -m.end()))
            else:
                found = list(self._gated.finditer(text))
        return found

    def search(self, text: str) -> re.Match[str] | None:
        found = self.finditer(text)
        return found[0] if found else None


class GroupScan:
    """Several rule groups with the same word boundaries matched in ONE pass, told apart by named group.

    Two costs dominate a scan with Python's engine: a fixed cost per character and per scan (the
    boundary test, entering the pattern), and, at each word start, one try per alternative. So the
    groups a check always runs are scanned together, and each group's alternatives are regrouped by
    their first character (`dispatch`): at a word start only the alternatives beginning with that
    letter are tried. Measured on the labelled sets: about three times faster than the same groups
    as separate alternations. Matches do not overlap across groups (the first listed group wins at a
    position) and, inside a group, longer alternatives are tried first; the checks using this need
    only one sign per place.
    """

    def __init__(self, groups: dict[str, Alternation]) -> None:
        first = next(iter(groups.values()))
        body = "|".join(f"(?P<{name}>" + "|".join(dispatch(alt.parts)) + ")" for name, alt in groups.items())
        self.regex = re.compile(first._prefix + "(?:" + body + ")" + first._suffix)
        self.names = tuple(groups)

    def scan(self, text: str) -> dict[str, list[re.Match[str]]]:
        out: dict[str, list[re.Match[str]]] = {name: [] for name in self.names}
        for m in self.regex.finditer(text):
            out[m.lastgroup].append(m)  # type: ignore[index]
        return out


_QUANTIFIERS = frozenset("?*+{")
_EXPANSION_LIMIT = 4000  # leading groups are expanded into at most this many alternatives per part


def _tokens(pattern: str) -> Iterator[tuple[int, str, int, bool]]:
    """(index, token, group depth after it, structural) for each character or escape of a regex source.

    `structural` is False for escapes and for anything inside a character class, where `|`, `(` and
    `)` mean nothing; both readers below need exactly this walk.
    """
    depth = 0
    in_class = False
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            yield i, pattern[i:i + 2], depth, False
            i += 2
            continue
        structural = not in_class
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        yield i, ch, depth, structural
        i += 1


def split_top(pattern: str) -> list[str]:
    """The top-level alternatives of a regular expression's source."""
    out: list[str] = []
    cur: list[str] = []
    for _, tok, depth, structural in _tokens(pattern):
        if tok == "|" and structural and depth == 0:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(tok)
    out.append("".join(cur))
    return out


def _group_end(pattern: str) -> int:
    """The index just after the group that opens at pattern[0]."""
    for i, tok, depth, structural in _tokens(pattern):
        if tok == ")" and structural and depth == 0:
            return i + 1
    raise ValueError(f"unbalanced group in {pattern!r}")


def _leaves(part: str) -> list[tuple[str | None, str]]:
    """`part` as alternatives that each start with a literal character (first char, alternative);
    None as first char where that cannot be done simply (a class, an escape, a quantified group)."""
    todo = split_top(part)
    done: list[tuple[str | None, str]] = []
    while todo:
        x = todo.pop()
        if x.startswith("(?:"):
            end = _group_end(x)
            quantified = end < len(x) and x[end] in _QUANTIFIERS
            optional = quantified and x[end] == "?" and x[end + 1:end + 2] not in ("?", "+")
            if (not quantified or optional) and len(todo) + len(done) < _EXPANSION_LIMIT:
                rest = x[end + 1:] if optional else x[end:]
                todo.extend(alt + rest for alt in split_top(x[3:end - 1]))
                if optional:  # "(?:a |the )?cat" is "a cat", "the cat" or "cat"
                    todo.append(rest)
                continue
            done.append((None, x))
        elif not x or x[0] in "\\([.^$|)" or (len(x) > 1 and x[1] in _QUANTIFIERS):
            done.append((None, x))
        else:
            done.append((x[0], x))
    return done


def dispatch(parts: list[str] | tuple[str, ...]) -> list[str]:
    """The same alternation regrouped by first character: "c(?:rest|rest)" per character, longest first.

    Python's engine skips an alternative whose first item is a literal that does not match in one
    comparison, so at each position only one group of alternatives is really tried.
    """
    buckets: dict[str, list[str]] = {}
    other: list[str] = []
    for part in parts:
        for first, leaf in _leaves(part):
            if first is None:
                other.append(leaf)
            else:
                buckets.setdefault(first, []).append(leaf[1:])
    alts = []
    for first, rests in sorted(buckets.items()):
        ordered = sorted(set(rests), key=len, reverse=True)
        alts.append(re.escape(first) + "(?:" + _factor(ordered, _FACTOR_DEPTH) + ")")
    return alts + other


_FACTOR_DEPTH = 3  # how many further characters are factored out after the first


def _literal_head(x: str) -> bool:
    """True where `x` starts with one plain character that must match by itself (no quantifier on it)."""
    return bool(x) and x[0] not in "\\([.^$|)?*+{}]" and not (len(x) > 1 and x[1] in _QUANTIFIERS)


def _factor(ordered: list[str], depth: int) -> str:
    """`ordered` joined as an alternation, with alternatives sharing a first character factored
    together ("ant|anna" -> "a(?:nt|nna)") so a failing character is tested once, not once per
    alternative. Only the order of alternatives that cannot match at the same place changes: runs
    between two alternatives that do not start with a plain character are factored separately, and
    inside a run alternatives with the same first character keep their order, so the alternation
    picks exactly the alternative it picked before."""
    if depth <= 0 or len(ordered) < 3:
        return "|".join(ordered)
    out: list[str] = []
    run: dict[str, list[str]] = {}

    def flush() -> None:
        for ch, rests in run.items():
            out.append(ch + ("(?:" + _factor(rests, depth - 1) + ")" if len(rests) > 1 else rests[0]))
        run.clear()

    for x in ordered:
        if _literal_head(x):
            run.setdefault(x[0], []).append(x[1:])
        else:
            flush()
            out.append(x)
    flush()
    return "|".join(out)
