"""A second opinion on wording: small linear models learned from the project's labelled posts.

Why: the rules recognise the phrasings their authors foresaw. Measured on sets written by people who
never saw them, they missed about a third of crisis messages, because people in crisis rarely write
the sentence a rule expects. A linear model over words and word pairs, learned from every labelled
set the rules were tuned on, generalises better (leave-one-set-out: see bench/train_posts_model.py),
and together with the rules it catches far more of what nobody foresaw.

Features: words, pairs of neighbouring words, pairs of words one apart and five-letter pieces of
longer words (chosen by cross-validation over the sets: the pieces raised crisis recall by 3 points
at equal precision, the pairs one apart by one more). The practice's own names are read as two
placeholders, the practice and a practitioner (names.py), so that what the model learned from one
fictional practice's names holds for every practice's.

How it is used (`find`, asked by the engine for every comment and own post): for categories the
configuration has not switched off, the model flags a category no rule flagged when its score passes
the category's threshold, except where the rules read the text as ordinary for it (a joke, an idiom,
general talk, a charity appeal, an approved partner); for crisis, where a miss costs most, a much
higher score (the override) flags it even there: some people in crisis write "lol" after the plan,
or call it a joke. Both limits are chosen per category by bench/train_posts_model.py on texts no
model saw, so that precision stays above the issue's targets with the most recall; a limit can be
"never". Booking, review requests and outcome claims have no model, and abuse only a high threshold
(see bench/train_posts_model.py: it read ordinary questions and posts as the first three, and harsh
but fair reviews and even praise as abuse up to a point). The model never drops a rule's flag:
tried, it dropped real ones written with names and wordings the labelled sets lack. Every
flag explains itself: the reason says it is a wording match rather than a rule, and the evidence is
the words that weighed most. Nothing is downloaded or learned at run time: the weights are a JSON
file in this package, rebuilt by `python bench/train_posts_model.py` when the labelled sets change.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from itertools import chain

import numpy as np

from monitor.checks.posts.rules import Hit

MODEL_FILE = "learned_model.json"
# Words, and a few emoji that carry meaning in these messages (🪦 ⚰️ 🔪 💊 🙃 ...).
TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[\U0001F300-\U0001FAFF\u2600-\u27BF]")
EVIDENCE_WORDS = 4  # at most this many highest-weighted words or pairs shown as evidence
# Words that weigh a little in every message: never shown alone as evidence (they explain nothing).
_PLAIN = frozenset(
    "i i'm i've i'd i'll im me my mine myself you your it it's its the a an and or but to of in on at for with from is are was were be been "
    "being am do does did so just that this these those there they them their we us our he she his her him not no know get got".split()
)

_REASONS = {
    "crisis": "Its wording is close to messages people labelled as a crisis (no single rule matched): please read it.",
    "promotional": "Its wording is close to messages people labelled as advertising or promotion (no single rule matched).",
    "abusive": "Its wording is close to messages people labelled as abusive (no single rule matched).",
    "privacy": "Its wording is close to messages people labelled as exposing someone's therapy or health (no single rule matched).",
    "booking": "Its wording is close to messages people labelled as trying to arrange sessions (no single rule matched).",
    "review_solicitation": "Its wording is close to posts labelled as asking for reviews or testimonials (no single rule matched).",
    "outcome_claim": "Its wording is close to posts labelled as promising results (no single rule matched).",
    "endorsement": "Its wording is close to posts labelled as promoting a product or business (no single rule matched).",
    "payment_request": "Its wording is close to posts labelled as asking for payment or personal details (no single rule matched).",
}
# Where the rules read the text as ordinary (a joke, an idiom, general talk) but the wording weighs far more.
_DESPITE = {
    "crisis": "Its wording is very close to messages people labelled as a crisis, although parts of it read like a joke, "
              "a figure of speech or general talk (no single rule matched): please read it.",
}


@dataclass(frozen=True)
class FeatureSpec:
    """Which features a model reads; stored in the weight file, so a file says how to read it."""

    pairs: bool = True  # neighbouring words: "no point", "the pills"
    skips: bool = False  # words one apart: "the _ tonight", "nobody _ miss" (leave-one-set-out: +1 point of crisis recall)
    piece: int = 5  # letters per piece of longer words: "tablits" shares "<tabl" with "tablets" (0: none)

    @classmethod
    def of(cls, raw: dict | None) -> "FeatureSpec":
        return cls(**raw) if raw else cls()


def _pieces(word: str, n: int) -> list[str]:
    """The n-letter pieces of a word of n - 1 letters or more, with its edges marked."""
    if n <= 0 or len(word) < n - 1:
        return []
    w = f"<{word}>"
    return ["#" + w[i:i + n] for i in range(len(w) - n + 1)]


def _word_features(word: str, spec: FeatureSpec) -> list[str]:
    if word.startswith("<"):  # a name placeholder (names.py): its letters are no word's
        return [word]
    return [word, *_pieces(word, spec.piece)]


def _joined(toks: list[str], spec: FeatureSpec) -> list[str]:
    out = [f"{a} {b}" for a, b in zip(toks, toks[1:])] if spec.pairs else []
    if spec.skips:
        out += [f"{a} _ {b}" for a, b in zip(toks, toks[2:])]
    return out


@dataclass(frozen=True)
class NameReading:
    """Which words of one text are the practice's names, read as placeholders (built by names.py):
    `words`, wherever they appear; `spots`, only the occurrence starting at that offset (a name that is
    also a common word, where the text writes it like a name: "Hope Street", not "no hope")."""

    words: Mapping[str, str]
    spots: Mapping[int, str] = field(default_factory=dict)

    def read(self, word: str, start: int) -> str:
        return self.spots.get(start) or self.words.get(word, word)


def _tokens(folded: str, names: NameReading | None) -> list[str]:
    if not names:
        return TOKEN.findall(folded)
    if not names.spots:
        get = names.words.get
        return [get(t, t) for t in TOKEN.findall(folded)]
    return [names.read(m.group(), m.start()) for m in TOKEN.finditer(folded)]


def features(folded: str, spec: FeatureSpec = FeatureSpec(), names: NameReading | None = None) -> list[tuple[str, int, int]]:
    """(feature, start, end) for every feature of a folded text: words, pairs (and words one apart)
    and pieces of longer words, so misspellings and new forms of a word still weigh. `names`: words
    read as a placeholder (names.py)."""
    read = names.read if names else lambda word, start: word
    toks = [(read(m.group(), m.start()), m.start(), m.end()) for m in TOKEN.finditer(folded)]
    out = [(f, s, e) for w, s, e in toks for f in _word_features(w, spec)]
    if spec.pairs:
        out += [(f"{a} {b}", s, e) for (a, s, _), (b, _, e) in zip(toks, toks[1:])]
    if spec.skips:
        out += [(f"{a} _ {b}", s, e) for (a, s, _), _, (b, _, e) in zip(toks, toks[1:], toks[2:])]
    return out


def feature_names(folded: str, spec: FeatureSpec = FeatureSpec(), names: NameReading | None = None) -> list[str]:
    """The names of `features(folded, spec, names)` alone (what training reads)."""
    toks = _tokens(folded, names)
    return [f for w in toks for f in _word_features(w, spec)] + _joined(toks, spec)


_WORD_CACHE_LIMIT = 50_000  # a word's feature rows are worked out once; the cache is emptied when full


@dataclass(frozen=True)
class _WordRows:
    """What the model knows of one word, kept between texts: the rows of the word and its pieces,
    and the rows of the pairs it opens, by the word that follows it (`after`) or comes one later
    (`apart`). So a text's pairs are found by word, without building each pair's name."""

    rows: tuple[int, ...]
    after: Mapping[str, int]
    apart: Mapping[str, int]


_NO_PAIRS: Mapping[str, int] = {}


@dataclass(frozen=True)
class Model:
    """Weights of one group of categories (visitors' comments, or the practice's own posts).

    `thresholds[c]`: the score from which category c is flagged where no rule fired; `overrides[c]`:
    the higher score from which it is flagged even where the rules read the text as ordinary (a joke,
    an idiom): some people in crisis write "lol" after the plan. Both chosen in cross-validation
    (bench/train_posts_model.py); infinite where the model is not used that way.
    """

    index: dict[str, int]
    categories: tuple[str, ...]
    weights: np.ndarray  # (features, categories)
    bias: np.ndarray  # (categories,)
    thresholds: np.ndarray  # (categories,)
    overrides: np.ndarray  # (categories,)
    spec: FeatureSpec = FeatureSpec()
    _word_rows: dict[str, _WordRows] = field(default_factory=dict, compare=False, repr=False)

    @functools.cached_property
    def _pairs(self) -> tuple[dict[str, dict[str, int]], dict[str, dict[str, int]]]:
        """The rows of the known pairs and of the known words one apart, by first word then last word
        ("no point" -> {"no": {"point": row}}); worked out once, when the first new word needs them."""
        after: dict[str, dict[str, int]] = {}
        apart: dict[str, dict[str, int]] = {}
        for f in [f for f in self.index if " " in f]:  # words, pieces and placeholders hold no space
            first, _, last = f.partition(" ")
            if last.startswith("_ "):  # no word starts with "_" (TOKEN): "a _ b" is a pair one apart
                apart.setdefault(first, {})[last[2:]] = self.index[f]
            else:
                after.setdefault(first, {})[last] = self.index[f]
        return after, apart

    @functools.cached_property
    def _usable(self) -> tuple[bool, ...]:
        """Per category, whether it has a threshold at all (asked for every text: worked out once)."""
        return tuple(bool(np.isfinite(t)) for t in self.thresholds)

    def _known(self, word: str) -> _WordRows:
        """What the model knows of `word` (see _WordRows), from the cache or worked out and kept."""
        known = self._word_rows.get(word)
        if known is None:
            known = self._word(word)
        return known

    def _word(self, word: str) -> _WordRows:
        """The rows of a word, its pieces and the pairs it opens, kept for the next text that has the word."""
        cache = self._word_rows
        if len(cache) >= _WORD_CACHE_LIMIT:
            cache.clear()
        after, apart = self._pairs
        rows = tuple(i for i in map(self.index.get, _word_features(word, self.spec)) if i is not None)
        known = cache[word] = _WordRows(rows, after.get(word, _NO_PAIRS) if self.spec.pairs else _NO_PAIRS,
                                        apart.get(word, _NO_PAIRS) if self.spec.skips else _NO_PAIRS)
        return known

    def _rows(self, folded: str, names: NameReading | None = None) -> set[int]:
        """The weight rows of the text's known features (the same as looking up every name of
        `feature_names`). Words repeat from text to text, so each word's rows are worked out once."""
        toks = _tokens(folded, names)
        get = self._word_rows.get
        known = [k if (k := get(t)) is not None else self._word(t) for t in toks]
        rows = set(chain.from_iterable([k.rows for k in known]))
        rows.update([r for k, b in zip(known, toks[1:]) if (r := k.after.get(b)) is not None])
        rows.update([r for k, c in zip(known, toks[2:]) if (r := k.apart.get(c)) is not None])
        return rows

    def scores(self, folded: str, names: NameReading | None = None) -> np.ndarray | None:
        """The score of each category for a folded text, or None when it has no known feature."""
        rows = self._rows(folded, names)
        if not rows:
            return None
        idx = np.array(list(rows), dtype=np.intp)  # (faster than np.fromiter over a set)
        idx.sort()  # a fixed order of addition: the same text gets the same score in every process
        return np.add.reduce(self.weights.take(idx, axis=0), axis=0) + self.bias

    def flags(self, folded: str, wanted: set[str], ordinary: Callable[[str], bool], names: NameReading | None = None) -> list[Hit]:
        """See `find` (the module function)."""
        asked = [c for c, (cat, usable) in enumerate(zip(self.categories, self._usable)) if usable and cat in wanted]
        if not asked:
            return []
        scores = self.scores(folded, names)
        if scores is None:
            return []
        hits = []
        for c in asked:
            cat = self.categories[c]
            if scores[c] < self.thresholds[c]:
                continue
            reason = _REASONS[cat]
            if ordinary(cat):
                if scores[c] < self.overrides[c]:
                    continue
                reason = _DESPITE.get(cat, reason)
            hits.append(Hit(cat, f"{cat}.wording", reason, self._evidence(folded, c, names), strength=2))
        return hits

    def _weighed(self, folded: str, names: NameReading | None) -> list[tuple[int, int, int]]:
        """(row, start, end) of every known feature of the text, one per occurrence, as `features`
        gives them (a word and its pieces span the word; a pair spans both words), found through
        the words' cached rows."""
        read = names.read if names else None
        toks = [((read(m.group(), m.start()) if read else m.group()), m.start(), m.end()) for m in TOKEN.finditer(folded)]
        known = [self._known(w) for w, _, _ in toks]
        out = [(r, s, e) for (_, s, e), k in zip(toks, known) for r in k.rows]
        out += [(r, s, e) for (_, s, _), k, (b, _, e) in zip(toks, known, toks[1:]) if (r := k.after.get(b)) is not None]
        out += [(r, s, e) for (_, s, _), k, (c, _, e) in zip(toks, known, toks[2:]) if (r := k.apart.get(c)) is not None]
        return out

    def _evidence(self, folded: str, c: int, names: NameReading | None) -> list[tuple[int, int]]:
        """The spans of the words and word pairs that weighed most towards category `c`."""
        known = [(i, s, e) for i, s, e in self._weighed(folded, names) if folded[s:e] not in _PLAIN]
        column = self.weights[[i for i, _, _ in known], c].tolist() if known else []  # one gather, not one per feature
        weighed = [(w, s, e) for w, (_, s, e) in zip(column, known)]
        spans: list[tuple[int, int]] = []
        for w, s, e in sorted(weighed, reverse=True):
            if w <= 0 or len(spans) == EVIDENCE_WORDS:
                break
            if not any(a < e and s < b for a, b in spans):
                spans.append((s, e))
        return sorted(spans)


def _limits(raw: dict, key: str, cats: tuple[str, ...], never: float) -> np.ndarray:
    """One limit per category from the file; null (JSON has no infinity) means `never`."""
    values = raw.get(key, {})
    return np.asarray([never if values.get(c) is None else values[c] for c in cats], dtype=np.float64)


def _build(raw: dict) -> Model:
    feats = raw["features"]
    cats = tuple(raw["categories"])
    return Model(
        index={f: i for i, f in enumerate(feats)},
        categories=cats,
        weights=np.asarray(raw["weights"], dtype=np.float64).reshape(len(feats), len(cats)),
        bias=np.asarray([raw["bias"][c] for c in cats], dtype=np.float64),
        thresholds=_limits(raw, "thresholds", cats, np.inf),
        overrides=_limits(raw, "overrides", cats, np.inf),
        spec=FeatureSpec.of(raw.get("feature_spec")),
    )


@functools.cache
def _packaged() -> dict:
    try:
        return json.loads(resources.files("monitor.checks.posts").joinpath(MODEL_FILE).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}


@functools.cache
def models() -> dict[str, Model]:
    """{"public": Model, "own": Model} from the packaged weights (empty if the file is missing)."""
    raw = _packaged()
    return {group: _build(raw[group]) for group in ("public", "own") if group in raw}


@functools.cache
def _common_words() -> frozenset[str]:
    return frozenset(_packaged().get("common_words", ()))


def find(folded: str, own_post: bool, wanted: set[str], ordinary: Callable[[str], bool], names: NameReading | None = None) -> list[Hit]:
    """Wording flags for the categories in `wanted` (active, not flagged by a rule); `ordinary(category)`:
    whether the rules read the text as ordinary for that category (asked only where the model would flag);
    `names`: the practice's name words in this text and the placeholder each is read as (names.py)."""
    model = models().get("own" if own_post else "public")
    if model is None:
        return []
    return model.flags(folded, wanted, ordinary, names)


def is_common(word: str) -> bool:
    """Whether the word is common in the texts the model learned from ("hope", "will"; names.py)."""
    return word in _common_words()
