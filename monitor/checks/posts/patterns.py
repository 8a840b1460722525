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

LITERALS_AS_REGEX = 40  # above this many literals the gate is one regex search
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


def _conditions(seq, repeats: bool = True) -> list[frozenset[str]]:
    """Necessary conditions of a parsed sequence: each is a set of strings one of which must occur.

    `repeats`: read a repeated letter as part of the run before it ("kil+" needs "kil"); False gives
    the older reading, which decides which alternatives an Alternation scans apart (kept as it was so
    that which matches are found cannot change)."""
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
        if repeats and op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[0] >= 1 and len(av[2]) == 1 and av[2][0][0] is C.LITERAL:
            run.append(chr(av[2][0][1]))  # "kil+": the run goes on with one "l" ("kil"), then may vary
            flush()
            continue
        flush()
        if op is C.SUBPATTERN:
            if not (av[1] & C.SRE_FLAG_IGNORECASE):  # (?i:...) literals may appear in any case
                out.extend(_conditions(av[-1], repeats))
        elif op is C.BRANCH:
            alts = [_best(_conditions(a, repeats)) for a in av[1]]
            if all(a is not None for a in alts):
                out.append(frozenset().union(*alts))
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[0] >= 1:
            out.extend(_conditions(av[2], repeats))
    flush()
    return out


def required_literals(pattern: str, flags: int = 0, repeats: bool = True) -> Condition:
    """Strings one of which every match of `pattern` contains, or None if there is no useful such set."""
    if flags & re.IGNORECASE:
        return None
    try:
        return _best(_conditions(P.parse(pattern), repeats))
    except Exception:  # noqa: BLE001 - an unusual construct: simply never skip it
        return None


def words_rx(words: list[str] | tuple[str, ...] | frozenset[str]) -> str:
    """A regex alternation of literal words or phrases, factored as a trie so it runs fast.

    Longer words are preferred over their prefixes ("idiots" before "idiot").
    """
    trie: dict = {}
    for w in set(words):
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_rx(trie)


def _trie_rx(node: dict) -> str:
    ends = "" in node
    branches = [re.escape(ch) + _trie_rx(sub) for ch, sub in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return "(?:" + body + ")?"
    return body


class Alternation:
    """`parts` as `(?<![left])(?:part|part|...)suffix`; matches are whole words when left="\\w".

    Alternatives with required literals are compiled together and scanned only when one of their
    literals occurs; the few without (a price, "@handle") are compiled apart and always scanned.
    """

    def __init__(
        self, parts: list[str] | tuple[str, ...], left: str = "", suffix: str = "", flags: int = 0, always_gate: re.Pattern[str] | None = None
    ) -> None:
        """`always_gate`, if given, finds something in every text where an alternative without literals
        can match (written by hand where `required_literals` finds none): those are then scanned only there."""
        self.parts = tuple(parts)
        self._always_gate = always_gate
        self._prefix = f"(?<![{left}])" if left else ""
        self._suffix = suffix
        self.pattern = self._join(self.parts)
        split = [required_literals(p, flags, repeats=False) is not None for p in self.parts]
        conds = [required_literals(p, flags) if g else None for p, g in zip(self.parts, split)]
        gated = [p for p, g in zip(self.parts, split) if g]
        always = [p for p, g in zip(self.parts, split) if not g]
        self._gated = re.compile(self._join([guard_first_characters(dispatch(gated))]), flags) if gated else None
        self._always = re.compile(self._join([guard_first_characters(dispatch(always))]), flags) if always else None
        kept: list[str] = []
        for lit in sorted(set().union(*(c for c in conds if c is not None)), key=lambda x: (len(x), x)):
            if not any(k in lit for k in kept):  # "pills" adds nothing once "pill" is tested
                kept.append(lit)
        self.literals: tuple[str, ...] = tuple(kept)
        # Many literals: one search of them as a trie beats testing them one by one (measured on the
        # labelled sets: 90 literals 3.7 -> 2.8 us, 70 literals 6.7 -> 3.5 us; 20 literals a little slower).
        self._literal_rx = re.compile(words_rx(kept)) if len(kept) > LITERALS_AS_REGEX else None

    def _join(self, parts: list[str] | tuple[str, ...]) -> str:
        return self._prefix + "(?:" + "|".join(parts) + ")" + self._suffix

    def _gate_open(self, text: str) -> bool:
        if self._literal_rx is not None:
            return self._literal_rx.search(text) is not None
        for lit in self.literals:
            if lit in text:
                return True
        return False

    def finditer(self, text: str) -> list[re.Match[str]]:
        found = []
        if self._always is not None and (self._always_gate is None or self._always_gate.search(text)):
            found = list(self._always.finditer(text))
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
    """Several rule groups with the same word boundaries matched in ONE pass, told apart by group name.

    Two costs dominate a scan with Python's engine: a fixed cost per character and per scan (the
    boundary test, entering the pattern), and, at each word start, one try per alternative. So the
    groups a check always runs are scanned together, and their alternatives are regrouped by first
    character across all groups (`_merged_source`): at a word start the engine picks the one bucket
    for that letter and tries, in group order, only those alternatives. Matches do not overlap across
    groups (the first listed group wins at a position) and, inside a group, longer alternatives are
    tried first; the checks using this need only one sign per place. The regrouping tries, at every
    position, exactly the alternatives the plain `(?P<g1>...)|(?P<g2>...)` form would try there, in
    the same order, so the matches are the same (tests/posts/test_patterns_speedups.py).
    """

    def __init__(self, groups: dict[str, Alternation]) -> None:
        first = next(iter(groups.values()))
        source, markers = _merged_source([alt.parts for alt in groups.values()])
        self.regex = re.compile(first._prefix + "(?:" + guard_first_characters(split_top(source)) + ")" + first._suffix)
        names = tuple(groups)
        self._marker_group = {f"_g{i}_{k}": names[i] for i, k in markers}
        self.names = names

    def scan(self, text: str) -> dict[str, list[re.Match[str]]]:
        out: dict[str, list[re.Match[str]]] = {name: [] for name in self.names}
        marker = self._marker_group
        for m in self.regex.finditer(text):
            out[marker[m.lastgroup]].append(m)  # type: ignore[index]
        return out


def _buckets(parts: list[str] | tuple[str, ...]) -> tuple[dict[str, str], list[str]]:
    """`dispatch` in pieces: first character -> factored rests, and the leaves with no literal first character."""
    buckets: dict[str, list[str]] = {}
    other: list[str] = []
    for part in parts:
        for first, leaf in _leaves(part):
            if first is None:
                other.append(leaf)
            else:
                buckets.setdefault(first, []).append(leaf[1:])
    # Longest first; equal lengths in a fixed order, so every process builds the same regex (a set's
    # order changes with the hash seed, and with it which of two overlapping alternatives matched).
    return {c: _factor(sorted(set(rests), key=lambda r: (-len(r), r)), _FACTOR_DEPTH) for c, rests in sorted(buckets.items())}, other


def _merged_source(groups: list[tuple[str, ...]]) -> tuple[str, list[tuple[int, int]]]:
    """The groups' alternatives as one alternation dispatched on the first character.

    At a position whose character is c, the plain form tries group 1's c-alternatives, then group 1's
    alternatives without a literal first character ("others": "\\w+ helped me", "[£$€]\\d+ off"),
    then group 2's, and so on. The merged form puts, in the bucket for c, each group's c-alternatives
    followed by its others rewritten to start after c (`_derive`), so the order is kept. Where an
    other cannot be rewritten, c keeps the plain order: its alternatives stay with the others, after
    the buckets. Each group's piece ends in an empty named group (a marker) telling which group
    matched. Returns the source and the (group index, marker number) pairs used.
    """
    split = [_buckets(parts) for parts in groups]
    chars = sorted({c for buckets, _ in split for c in buckets})
    starts = [[_first_items(o) for o in others] for _, others in split]
    derived: list[dict[str, list[str]]] = [{} for _ in split]
    underived: dict[str, int] = {}  # character -> first group with an other that may start with it but cannot be rewritten
    for i, (_, others) in enumerate(split):
        for o, items in zip(others, starts[i]):
            for c in chars:
                if not _can_start(items, c):
                    continue
                d = _derive(o, c)
                if d is None:
                    underived.setdefault(c, i)
                elif d is not _NO_MATCH:
                    derived[i].setdefault(c, []).append(d)
    conflicted = {
        c for c, i in underived.items()
        if any(c in derived[j] for j in range(len(split))) or any(c in split[j][0] for j in range(i + 1, len(split)))
    }
    markers: list[tuple[int, int]] = []

    def marked(i: int, body: str) -> str:
        k = len(markers)
        markers.append((i, k))
        return "(?:" + body + ")(?P<_g" + str(i) + "_" + str(k) + ">)"

    alts = []
    for c in sorted(set(chars) - conflicted):
        inner = []
        for i, (buckets, _) in enumerate(split):
            pieces = ([buckets[c]] if c in buckets else []) + derived[i].get(c, [])
            if pieces:
                inner.append(marked(i, "|".join(pieces)))
        if inner:
            alts.append(re.escape(c) + "(?:" + "|".join(inner) + ")")
    tail = []
    for i, (buckets, others) in enumerate(split):
        pieces = [re.escape(c) + "(?:" + buckets[c] + ")" for c in sorted(conflicted) if c in buckets] + others
        if pieces:
            tail.append(marked(i, "|".join(pieces)))
    return "|".join(alts + tail), markers


_NO_MATCH = "(?!)"  # sentinel of _derive: the pattern cannot start with that character
_QUANT = re.compile(r"(?:([?*+])|\{(\d*)(?:(,)(\d*))?\})([?+]?)")
_CLASS_ESCAPES = frozenset("wdsWDS")


def _derive(source: str, c: str, zero: tuple[str, ...] = ()) -> str | None:
    """`source` once its first character, c, is consumed: what must follow c for `source` to match
    where c stands, with the same preferences. None where that cannot be written simply."""
    i = 0
    zero_width = list(zero)
    while True:
        if source.startswith("^", i):
            zero_width.append("^")
            i += 1
        elif source.startswith("\\b", i):
            zero_width.append("\\b")
            i += 2
        elif source.startswith(("(?<!", "(?<="), i):
            try:
                end = i + _group_end(source[i:])
            except ValueError:
                return None
            zero_width.append(source[i:end])
            i = end
        else:
            break
    if i >= len(source):
        return None
    ch = source[i]
    if ch == "\\":
        if i + 1 >= len(source) or (source[i + 1].isalnum() and source[i + 1] not in _CLASS_ESCAPES):
            return None
        atom, j = source[i:i + 2], i + 2
    elif ch == "[":
        j = i + 1
        if source.startswith("^", j):
            j += 1
        if source.startswith("]", j):
            j += 1
        while j < len(source) and source[j] != "]":
            j += 2 if source[j] == "\\" else 1
        if j >= len(source):
            return None
        atom, j = source[i:j + 1], j + 1
    elif ch in "()|*+?{}$":
        return None
    else:
        atom, j = ch, i + 1
    lo, hi, lazy = 1, 1, ""
    q = _QUANT.match(source, j)
    if q:
        sym, m, comma, n, mod = q.groups()
        if mod == "+":
            return None  # possessive: leave it alone
        lazy = mod
        if sym:
            lo, hi = {"?": (0, 1), "*": (0, None), "+": (1, None)}[sym]
        else:
            lo = int(m) if m else 0
            hi = (int(n) if n else None) if comma else lo
        j = q.end()
    rest = source[j:]
    try:
        matches = re.fullmatch(atom, c) is not None
    except re.error:
        return None
    if lo == 0:  # the first item may be skipped: only simple when it cannot take c
        return None if matches else _derive(rest, c, tuple(zero_width))
    if not matches:
        return _NO_MATCH
    lo, hi = lo - 1, (None if hi is None else hi - 1)
    if hi == 0:
        again = ""
    elif hi is None:
        again = atom + ("*" if lo == 0 else "{%d,}" % lo) + lazy
    else:
        again = atom + ("{%d}" % lo if lo == hi else "{%d,%d}" % (lo, hi)) + lazy
    return "".join(_after(z, c) for z in zero_width) + again + rest


def _after(zero_width: str, c: str) -> str:
    """A zero-width test made at a character c, rewritten to be made just after it."""
    if zero_width == "^":
        return r"(?<![\s\S][\s\S])"  # at the start: nothing two characters back
    if zero_width == "\\b":
        return r"(?<![\w][\s\S])" if re.match(r"\w", c) else r"(?<=[\w][\s\S])"
    return zero_width[:4] + "(?:" + zero_width[4:-1] + r")[\s\S])"


_ANYTHING = [(None, None)]  # a first item that may be any character


def _first_items(source: str) -> list[tuple]:
    """The items (parsed) one of which a match of `source` starts with; _ANYTHING where unsure."""
    try:
        items, nullable = _first_of(P.parse(source).data)
    except Exception:  # noqa: BLE001 - unusual construct: assume it can start anywhere
        return _ANYTHING
    return _ANYTHING if nullable else items


def _first_of(seq) -> tuple[list[tuple], bool]:
    items: list[tuple] = []
    for op, av in seq:
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):  # zero width: look at what follows
            continue
        if op is C.SUBPATTERN or op is C.ATOMIC_GROUP:
            sub, nullable = _first_of(av[-1] if op is C.SUBPATTERN else av)
        elif op is C.BRANCH:
            results = [_first_of(alt) for alt in av[1]]
            sub = [it for r in results for it in r[0]]
            nullable = any(r[1] for r in results)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            sub, nullable = _first_of(av[2])
            nullable = nullable or av[0] == 0
        elif op in (C.LITERAL, C.NOT_LITERAL, C.IN, C.ANY):
            items.append((op, av))
            return items, False
        else:
            return list(_ANYTHING), False
        items += sub
        if not nullable:
            return items, False
    return items, True


_CATEGORY_RX = {
    C.CATEGORY_DIGIT: re.compile(r"\d"), C.CATEGORY_NOT_DIGIT: re.compile(r"\D"),
    C.CATEGORY_SPACE: re.compile(r"\s"), C.CATEGORY_NOT_SPACE: re.compile(r"\S"),
    C.CATEGORY_WORD: re.compile(r"\w"), C.CATEGORY_NOT_WORD: re.compile(r"\W"),
}


def _can_start(items: list[tuple], c: str) -> bool:
    """True unless every item surely does not match the character c (case-sensitive, no flags)."""
    for op, av in items:
        if op is None or op is C.ANY:
            return True
        if op is C.LITERAL and chr(av) == c or op is C.NOT_LITERAL and chr(av) != c:
            return True
        if op is C.IN and _in_class(av, c):
            return True
    return False


def _in_class(av, c: str) -> bool:
    negate = False
    hit = False
    for op, arg in av:
        if op is C.NEGATE:
            negate = True
        elif op is C.LITERAL:
            hit = hit or chr(arg) == c
        elif op is C.RANGE:
            hit = hit or arg[0] <= ord(c) <= arg[1]
        elif op is C.CATEGORY and arg in _CATEGORY_RX:
            hit = hit or bool(_CATEGORY_RX[arg].match(c))
        else:
            return True  # unknown member: assume it may match
    return hit != negate


_CATEGORY_SRC = {C.CATEGORY_DIGIT: r"\d", C.CATEGORY_WORD: r"\w", C.CATEGORY_SPACE: r"\s"}


def _first_class(alternative: str) -> str | None:
    """The members of a character class holding every character `alternative` can start with, or None
    where that is not simply known (a case-insensitive part, a negated class, a dot, an empty match)."""
    if "(?i" in alternative:
        return None
    members = []
    for op, av in _first_items(alternative):
        if op is C.LITERAL:
            members.append(re.escape(chr(av)))
            continue
        if op is not C.IN:
            return None
        for o, a in av:
            if o is C.LITERAL:
                members.append(re.escape(chr(a)))
            elif o is C.RANGE:
                members.append(re.escape(chr(a[0])) + "-" + re.escape(chr(a[1])))
            elif o is C.CATEGORY and a in _CATEGORY_SRC:
                members.append(_CATEGORY_SRC[a])
            else:
                return None
    return "".join(dict.fromkeys(members)) or None


def guard_first_characters(alternatives: list[str]) -> str:
    r"""`alternatives` joined as one alternation, with each run of alternatives the engine cannot skip
    cheaply put behind one look-ahead of the characters they can start with: `…|(?=[s\d])(?:(?:s…)(?P<m>)|\d+…)|…`.

    Why: at each place a scan is tried, Python's engine walks the top-level alternatives one by one.
    One starting with a plain character or class it skips in a single comparison; one starting with a
    group ("(?:s(?:he…)(?P<_g3_7>)"), a repeat ("\d+ off") or an anchor it must enter, at the cost of
    a jump, at every space and word start. A run of those behind one look-ahead costs one jump. The
    alternatives are tried in exactly the same order (a run whose look-ahead fails could not have
    matched there), so the matches are the same.
    """
    out: list[str] = []
    run: list[tuple[str, str]] = []

    def flush() -> None:
        if len(run) > 1:
            cls = "".join(dict.fromkeys(c for _, c in run))
            out.append("(?=[" + cls + "])(?:" + "|".join(a for a, _ in run) + ")")
        else:
            out.extend(a for a, _ in run)
        run.clear()

    for alt in alternatives:
        cls = None if _skipped_in_one_test(alt) else _first_class(alt)
        if cls is None:
            flush()
            out.append(alt)
        else:
            run.append((alt, cls))
    flush()
    return "|".join(out)


def compile_guarded(pattern: str) -> re.Pattern[str]:
    r"""`pattern` compiled behind one look-ahead of every character a match can start with:
    `(?=[…])(?:pattern)`, or plainly where that class is not simply known (see `_first_class`).

    Why: a pattern with no literal start (`(?:is|are|'s) (?:\w+ )?killing me|…`, `\b(?:if|when) …`)
    makes Python's engine enter the pattern at every character and walk its alternatives there; the
    look-ahead rejects most characters in one test. Measured on the labelled sets, that halves the
    cost of the idiom list and of several guards. A match must start with a character in the class,
    so the matches are the same, and `match`/`search` from any position answer as before.
    """
    plain = re.compile(pattern)
    classes = [_first_class(alt) for alt in split_top(pattern)]
    if plain.flags != re.UNICODE or any(c is None for c in classes):  # inline flags, or a start not simply known
        return plain
    return re.compile("(?=[" + "".join(dict.fromkeys(classes)) + "])(?:" + _in_order_by_first_character(pattern, plain.groups) + ")")


def _in_order_by_first_character(pattern: str, groups: int) -> str:
    r"""`pattern` with its alternatives sharing a first character factored together, trying at every
    position exactly what the plain alternation tries there, in the same order.

    Why: behind compile_guarded's look-ahead, a long alternation ("(?:is|are|'s) (?:\w+ )?killing
    me|killed it|...", a hundred idioms) is walked alternative by alternative at every letter; factored
    by first character ("k(?:illed it|ill(?:ing)? it)|..."), the engine rejects a whole letter's worth
    in one comparison. Leading non-capturing groups are spread out first ("(?:is|are) x" is "is x|are x":
    the engine tries the same things in the same order), then `_factor` groups by first character, which
    only reorders alternatives that cannot match at the same place. A pattern with capturing groups is
    left as it is (spreading a group out would copy it)."""
    if groups:
        return pattern
    spread: list[str] = []
    for alt in split_top(pattern):
        spread += _spread_leading_groups(alt, _EXPANSION_LIMIT)
        if len(spread) > _EXPANSION_LIMIT:
            return pattern
    return _factor(spread, _FACTOR_DEPTH)


def _spread_leading_groups(alt: str, limit: int) -> list[str]:
    """`alt` as alternatives tried in the same order: "(?:a|b)rest" -> ["arest", "brest"], and an
    optional group "(?:a|b)?rest" -> ["arest", "brest", "rest"] (greedy: the group is tried first).
    Anything else (a quantified or lazy group, a look-around, a class) stays as it is."""
    if not alt.startswith("(?:"):
        return [alt]
    end = _group_end(alt)
    after = alt[end:end + 1]
    inner = split_top(alt[3:end - 1])
    if after == "?" and alt[end + 1:end + 2] not in ("?", "+"):
        rest = alt[end + 1:]
        options = [a + rest for a in inner] + [rest]
    elif after and after in _QUANTIFIERS:
        return [alt]
    else:
        rest = alt[end:]
        options = [a + rest for a in inner]
    if len(options) > limit:
        return [alt]
    out: list[str] = []
    for option in options:
        out += _spread_leading_groups(option, limit - len(out))
    return out


def _skipped_in_one_test(alternative: str) -> bool:
    """Whether the engine rejects `alternative` with one comparison: it starts with a plain character
    or a class ("[£$€]", "\\d") that is not repeated."""
    if _literal_head(alternative):
        return True
    m = re.match(r"\[(?:\\.|[^\]\\])+\]|\\[dwsDWS]", alternative)
    return bool(m) and alternative[m.end():m.end() + 1] not in _QUANTIFIERS


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
    buckets, other = _buckets(parts)
    return [re.escape(first) + "(?:" + rests + ")" for first, rests in buckets.items()] + other


_FACTOR_DEPTH = 8  # how many further characters are factored out after the first


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
