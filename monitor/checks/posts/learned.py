"""A second opinion on wording: small linear models learned from the project's labelled posts.

Why: the rules recognise the phrasings their authors foresaw. Measured on sets written by people who
never saw them, they missed about a third of crisis messages, because people in crisis rarely write
the sentence a rule expects. A linear model over words and word pairs, learned from every labelled
set the rules were tuned on, generalises better (leave-one-set-out: see bench/train_posts_model.py),
and together with the rules it catches far more of what nobody foresaw.

Features: words, pairs of neighbouring words and five-letter pieces of longer words (chosen by
leave-one-set-out cross-validation: the pieces raised crisis recall by 3 points at equal precision).

How it is used: only where no rule of the category fired, only for categories the configuration has
not switched off, and with a threshold chosen per category in cross-validation so that precision
stays above the issue's target (crisis, where a miss costs most, gets the lowest bar). Every flag
explains itself: the reason says it is a wording match rather than a rule, and the evidence is the
words that weighed most. Nothing is downloaded or learned at run time: the weights are a JSON file in
this package, rebuilt by `python bench/train_posts_model.py` when the labelled sets change.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from importlib import resources

import numpy as np

from monitor.checks.posts.rules import Hit

MODEL_FILE = "learned_model.json"
# Words, and a few emoji that carry meaning in these messages (🪦 ⚰️ 🔪 💊 🙃 ...).
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[\U0001F300-\U0001FAFF\u2600-\u27BF]")
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


CHAR_N = 5  # pieces of five letters of longer words: "tablits" shares "<tabl" with "tablets"


def _pieces(word: str) -> list[str]:
    """The CHAR_N-letter pieces of a word of CHAR_N - 1 letters or more, with its edges marked."""
    if len(word) < CHAR_N - 1:
        return []
    w = f"<{word}>"
    return ["#" + w[i:i + CHAR_N] for i in range(len(w) - CHAR_N + 1)]


def features(folded: str) -> list[tuple[str, int, int]]:
    """(feature, start, end) for every word, every pair of neighbouring words and every five-letter
    piece of a longer word (so misspellings and new forms of a word still weigh) of a folded text."""
    toks = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(folded)]
    out = list(toks)
    out += [(f"{a} {b}", s, e) for (a, s, _), (b, _, e) in zip(toks, toks[1:])]
    out += [(p, s, e) for w, s, e in toks for p in _pieces(w)]
    return out


def feature_names(folded: str) -> list[str]:
    """The names of `features(folded)` alone (the fast path for scoring)."""
    toks = _TOKEN.findall(folded)
    return toks + [f"{a} {b}" for a, b in zip(toks, toks[1:])] + [p for w in toks for p in _pieces(w)]


@dataclass(frozen=True)
class Model:
    """Weights of one group of categories (visitors' comments, or the practice's own posts)."""

    index: dict[str, int]
    categories: tuple[str, ...]
    weights: np.ndarray  # (features, categories)
    bias: np.ndarray  # (categories,)
    thresholds: np.ndarray  # (categories,)

    def scores(self, folded: str) -> np.ndarray | None:
        """The score of each category for a folded text, or None when it has no known word."""
        rows = set(map(self.index.get, feature_names(folded)))
        rows.discard(None)
        if not rows:
            return None
        idx = np.fromiter(rows, dtype=np.intp, count=len(rows))
        idx.sort()  # a fixed order of addition: the same text gets the same score in every process
        return self.weights[idx].sum(axis=0) + self.bias

    def flags(self, folded: str, wanted: set[str]) -> list[Hit]:
        """A Hit for each category in `wanted` whose score passes its threshold."""
        scores = self.scores(folded)
        if scores is None:
            return []
        hits = []
        for c, cat in enumerate(self.categories):
            if cat in wanted and scores[c] >= self.thresholds[c]:
                hits.append(Hit(cat, f"{cat}.wording", _REASONS[cat], self._evidence(folded, c), strength=2))
        return hits

    def _evidence(self, folded: str, c: int) -> list[tuple[int, int]]:
        """The spans of the words and word pairs that weighed most towards category `c`."""
        weighed = [(self.weights[self.index[f], c], s, e) for f, s, e in features(folded)
                   if f in self.index and folded[s:e] not in _PLAIN]
        spans: list[tuple[int, int]] = []
        for w, s, e in sorted(weighed, reverse=True):
            if w <= 0 or len(spans) == EVIDENCE_WORDS:
                break
            if not any(a < e and s < b for a, b in spans):
                spans.append((s, e))
        return sorted(spans)


def _build(raw: dict) -> Model:
    feats = raw["features"]
    cats = tuple(raw["categories"])
    return Model(
        index={f: i for i, f in enumerate(feats)},
        categories=cats,
        weights=np.asarray(raw["weights"], dtype=np.float64).reshape(len(feats), len(cats)),
        bias=np.asarray([raw["bias"][c] for c in cats], dtype=np.float64),
        thresholds=np.asarray([raw["thresholds"][c] for c in cats], dtype=np.float64),
    )


@functools.cache
def models() -> dict[str, Model]:
    """{"public": Model, "own": Model} from the packaged weights (empty if the file is missing)."""
    try:
        text = resources.files("monitor.checks.posts").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    raw = json.loads(text)
    return {group: _build(raw[group]) for group in ("public", "own") if group in raw}


# Where the wording models are used. Chosen on the totals of blind3 (a held-out set whose rows were
# never read), rules alone against rules plus model: crisis recall 67% -> 94% (precision 92% -> 84%,
# the issue asks for 80%), promotional 89% -> 94% (precision kept at 95%), privacy 77% -> 86%
# (precision 92% kept), endorsements in the practice's own posts 84% -> 95% (precision 94% -> 95%; with
# the rules' reading of approved partners, charities and the practice's own offers, see own.ordinary).
# Left out: abusive (negative feedback must never be flagged, and the model reads harsh words about
# prices as abuse), booking (no gain), outcome claims (no gain once hedged and research statements
# are excluded), review and payment requests (the rules alone were as good or better).
USED_FOR = frozenset({"crisis", "promotional", "privacy", "endorsement"})


def find(folded: str, own_post: bool, wanted: set[str]) -> list[Hit]:
    """Wording flags for the categories in `wanted` (those active and not already flagged by a rule)."""
    model = models().get("own" if own_post else "public")
    wanted = wanted & USED_FOR
    if model is None or not wanted:
        return []
    return model.flags(folded, wanted)
