"""Text normalisation with offsets back into the original text.

Two views of every text are built once and shared by all rules:

* ``folded``: the original with each character folded one-for-one (lower case, accents stripped,
  look-alike letters from other alphabets, full-width and "fancy" maths letters, curly quotes). It has
  exactly the original's length, so a match's offsets are offsets into the original text.
* ``deob``: the folded text with common obfuscations undone, for word lists of abuse and profanity:
  l33t digits and symbols inside words (``id10t``, ``b!tch``), masked letters (``f***``, ``c*nt``
  become ``*``), letters spaced out (``f u c k``, ``W.A.N.K``) joined, and repeated letters collapsed
  (``fuuuuck``). ``deob_pos[i]`` is the original offset of ``deob[i]``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property

from monitor.checks.posts.patterns import compile_guarded


def _build_fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for cp in range(0x80, 0x2500):
        ch = chr(cp)
        base = unicodedata.normalize("NFKD", ch)
        base = "".join(c for c in base if not unicodedata.combining(c))
        low = base.lower()
        if len(low) == 1 and low != ch:
            table[cp] = low
        elif len(ch.lower()) == 1 and ch.lower() != ch:
            table[cp] = ch.lower()
    for cp in range(ord("A"), ord("Z") + 1):
        table[cp] = chr(cp + 32)
    # Look-alike letters spammers and abusers use to slip past filters.
    lookalikes = {
        "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s",
        "А": "a", "Е": "e", "О": "o", "Р": "p", "С": "c", "Т": "t", "Х": "x", "К": "k", "М": "m", "Н": "h", "В": "b",
        "α": "a", "ο": "o", "ν": "v", "ι": "i", "κ": "k", "τ": "t", "υ": "u", "ρ": "p",
    }
    for k, v in lookalikes.items():
        table[ord(k)] = v
    for k, v in {"‘": "'", "’": "'", "‛": "'", "`": "'", "´": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"',
                 "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-", "\u00a0": " ", "\u2009": " ", "\u202f": " "}.items():
        table[ord(k)] = v
    # Full-width forms and the mathematical alphanumeric letters ("𝐃𝐌 𝐦𝐞").
    for cp in list(range(0xFF01, 0xFF5F)) + list(range(0x1D400, 0x1D7FF)):
        folded = unicodedata.normalize("NFKC", chr(cp)).lower()
        if len(folded) == 1 and folded != chr(cp):
            table[cp] = folded
    return table


FOLD_TABLE = _build_fold_table()

LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i", "|": "l", "€": "e"}
MASKS = frozenset("*#%•·_")
_SPACED_RUN = re.compile(r"(?<![^\W_])(?:[a-z0-9@$!*][ .\-_]){2,}[a-z0-9@$!*](?![^\W_])")
# Signs of obfuscation worth the slow path: symbols or digits inside a word ("sh1t", "b!tch"), masks
# after letters ("f***"), letters tripled ("fuuuck") and single letters spaced out ("f u c k").
_SUSPICIOUS = re.compile(r"[a-z][0-9@$!|*#%•€]+[a-z]|[a-z][*#%•]|(?<![\w@])[$|][a-z]|([a-z])\1\1|(?:\b[a-z][ .\-_]){2}[a-z]\b")
# The same test in three cheaper pieces (one combined regex defeats the engine's fast scans): symbols
# only where the text has any, then tripled letters, then spaced-out letters.
_SYMBOL = re.compile(r"[0-9@$!|*#%•€]")
_SYMBOL_IN_WORD = re.compile(r"[a-z][0-9@$!|*#%•€]+[a-z]|[a-z][*#%•]|(?<![\w@])[$|][a-z]")
_TRIPLED = re.compile(r"([a-z])\1\1")
_SPACED = re.compile(r"(?:\b[a-z][ .\-_]){2}[a-z]\b")
# What every match of _SPACED holds from its first separator on ("f u c k": " u c"): a pattern opening
# with a class of four characters, which the engine skips to in a tight loop, where _SPACED, opening
# with a word boundary, is entered at every character; searched first, it spares most texts that scan.
_SPACED_TAIL = re.compile(r"[ .\-_][a-z][ .\-_][a-z](?!\w)")


def suspicious(folded: str) -> bool:
    """True where the text shows signs of obfuscation (same answer as `_SUSPICIOUS`)."""
    return bool((_SYMBOL.search(folded) and _SYMBOL_IN_WORD.search(folded)) or _TRIPLED.search(folded) or (_SPACED_TAIL.search(folded) and _SPACED.search(folded)))


def fold(text: str) -> str:
    """One-for-one folding: same length as `text`, so offsets carry over unchanged."""
    return text.translate(FOLD_TABLE)


@dataclass
class Normalised:
    """The views of one text that every rule works on, computed once per text."""

    original: str
    folded: str

    @classmethod
    def of(cls, text: str) -> "Normalised":
        return cls(text, fold(text))

    @cached_property
    def suspicious(self) -> bool:
        """`suspicious(self.folded)`, worked out once: several checks ask."""
        return suspicious(self.folded)

    @cached_property
    def deob(self) -> tuple[str, list[int], list[tuple[int, int]]]:
        """(de-obfuscated text, original offset per character, joined spaced-out runs as deob spans)."""
        if not self.suspicious:
            # Fast path: only doubled letters to collapse; offsets are worked out if a rule needs them.
            folded = self.folded
            collapsed = collapse_doubled(folded)
            return collapsed, _LazyOffsets(folded), []
        return deobfuscate(self.folded)

    @cached_property
    def unleet(self) -> str:
        """`folded` with l33t digits and symbols inside words read as letters ("k1ll", "y0u"), one for one,
        so phrase rules with doubled letters ("kill", "will") still match and offsets stay those of `folded`."""
        if not self.suspicious:
            return self.folded
        return _LEET_IN_WORD.sub(_unleet_char, self.folded)

    def deob_span(self, start: int, end: int) -> tuple[int, int, str]:
        """A span of the de-obfuscated view mapped back to the original text."""
        _, pos, _ = self.deob
        s = pos[start]
        e = pos[end - 1] + 1 if end > start else s
        return s, e, self.original[s:e]


_DOUBLED = re.compile(r"([^\W\d_])\1+")
# The same letters in a text of ASCII only: [^\W\d_] is then exactly [A-Za-z], which the engine tests
# as a bitmap where the negated Unicode class costs a category lookup per character (measured on the
# labelled sets: 12 -> 6 us per text; four texts in five are ASCII).
_DOUBLED_ASCII = re.compile(r"([A-Za-z])\1+")


def collapse_doubled(folded: str) -> str:
    """`folded` with each run of one letter repeated read as that letter once ("sooo" -> "so")."""
    rx = _DOUBLED_ASCII if folded.isascii() else _DOUBLED
    return rx.sub(_first, folded)  # measured faster than the template r"\1" (Python 3.11)


_LEET_IN_WORD = compile_guarded(r"(?<=[a-z])[013457@$!|€](?=[a-z])|(?<![\w@$])[013457$](?=[a-z]{2})")


def _unleet_char(m: re.Match[str]) -> str:
    return LEET[m.group()]


def _first(m: re.Match[str]) -> str:
    return m.group(1)


class _LazyOffsets:
    """Original offsets of a text whose doubled letters were collapsed, computed on first use."""

    def __init__(self, folded: str) -> None:
        self._folded = folded
        self._pos: list[int] | None = None

    def __getitem__(self, i: int) -> int:
        if self._pos is None:
            self._pos = []
            prev = ""
            for j, c in enumerate(self._folded):
                if not (c == prev and c.isalpha()):
                    self._pos.append(j)
                prev = c
        return self._pos[i]


def deobfuscate(folded: str) -> tuple[str, list[int], list[tuple[int, int]]]:
    """Undo l33t, masks, spacing and letter repeats; see the module docstring."""
    joined_at: dict[int, int] = {}  # start of a spaced-out run -> its end
    for m in _SPACED_RUN.finditer(folded):
        joined_at[m.start()] = m.end()
    out: list[str] = []
    pos: list[int] = []
    runs: list[tuple[int, int]] = []
    n = len(folded)
    i = 0
    run_end = -1
    run_start_out = 0
    while i < n:
        if i in joined_at:
            run_end = joined_at[i]
            run_start_out = len(out)
        c = folded[i]
        in_run = i < run_end
        if in_run and c in " .-_":
            i += 1
            if i >= run_end:
                runs.append((run_start_out, len(out)))
            continue
        prev_alpha = bool(out) and (out[-1].isalpha() or out[-1] == "*")
        next_c = folded[i + 1] if i + 1 < n else ""
        next_alpha = next_c.isalpha() or (in_run and i + 2 < n and folded[i + 2].isalpha())
        if c in LEET and (prev_alpha or next_alpha):
            c = LEET[c]
        elif c in MASKS and prev_alpha and c != "_":
            c = "*"
        if c.isalpha() and out and out[-1] == c:
            i += 1
            if in_run and i >= run_end:
                runs.append((run_start_out, len(out)))
            continue
        out.append(c)
        pos.append(i)
        i += 1
        if in_run and i >= run_end:
            runs.append((run_start_out, len(out)))
    return "".join(out), pos, runs


_WORD_CHARS = re.compile(r"[^\W_]+")


def collapse_word(word: str) -> str:
    """How a lexicon word looks in the de-obfuscated view (repeated letters collapsed)."""
    out: list[str] = []
    for c in fold(word):
        if c.isalpha() and out and out[-1] == c:
            continue
        out.append(c)
    return "".join(out)


def words(folded: str) -> list[str]:
    return _WORD_CHARS.findall(folded)
