"""Learn the wording models of monitor/checks/posts/learned.py from the labelled sets, and say how well they generalise.

Usage: python bench/train_posts_model.py [--check]
  (no flag)  train on every labelled set except the held-out ones and write
             monitor/checks/posts/learned_model.json (takes several minutes: cross-validation);
  --check    fit the weights the same way (keeping the committed thresholds) and fail (exit 1) if they
             score any training text differently from the committed file: the file is reproducible.

Training data: every tests/data/posts_*.jsonl except the held-out sets of bench/posts_eval.py.
Model: one logistic regression per category (L2, C=1), binary features = the words, word pairs, words
one apart and five-letter word pieces of the folded text seen in at least two texts (FEATURES), the
practice's and therapists' names read as placeholders (each set with the names of the practice it was
written for: posts_eval.PRACTICES; monitor/checks/posts/names.py); visitors' comments and the
practice's own posts apart. Rows by permitted authors are left out of the promotional model (their
label depends on who wrote them, not on the words).

How the model and the rules are combined (per category, chosen here, written to the file):
  threshold  the model flags a text no rule flagged from this score up, unless the rules read the
             text as ordinary for the category (a joke, an idiom, general talk, a charity appeal, an
             approved partner);
  override   crisis only: from this higher score up, the model flags it even where the rules read it
             as ordinary (some people in crisis write "lol" after the plan, or "just joking"; a miss
             costs most there).
They are chosen on out-of-fold scores (each honest set scored by a model trained on all the other
sets) combined with the rules' own findings, on the sets the rules were never tuned on (HONEST):
recall is maximised subject to the category's precision bar on the standard-mix honest sets
(STANDARD; the dense sets' look-alikes make precision there lower than on real pages; for the
practice's own posts on every honest set, as the standard sets hold few of them), crisis precision
at least 0.82 (the issue asks 0.80), promotional 0.96 (0.95), the rest 0.91 (0.90); where the rules
alone are below the bar (advertising), the model may lower their precision by one point (MAY_COST);
where no choice adds recall within that, the model is not used for the category. Booking, review
requests and outcome claims have no model: scored on the team's hand-written look-alikes
(tests/posts/test_blind_*.py), it read "have to cancel friday's dinner" as booking, "our therapists
review their caseloads" as asking for reviews and "every client deserves to feel heard" as a
promise, above any useful threshold. For abuse it read harsh but fair reviews and even praise as
abuse up to +3.5, so its threshold starts above that (MIN_THRESHOLD), and no negative feedback of
the honest sets may be flagged. Vetoes (the model dropping a rule's flag where its score is very
low) were tried and left out: with names and wordings the labelled sets lack ("Week 5 of DBT with <a therapist
the sets never name>") the model scored real privacy, booking and advertising flags far below zero.
Prints each category's out-of-fold precision and recall, rules alone and combined.
"""

from __future__ import annotations

import functools
import hashlib
import inspect
import json
import sys
import tempfile
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from scipy.optimize import minimize

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from monitor.checks.posts import check_text  # noqa: E402
from monitor.checks.posts.engine import compile_posts, ordinary_for  # noqa: E402
from monitor.checks.posts.learned import MODEL_FILE, TOKEN, FeatureSpec, NameReading, feature_names  # noqa: E402
from monitor.checks.posts.normalise import Normalised  # noqa: E402
from monitor.config.model import AlertsConfig  # noqa: E402
from posts_eval import HARBOURLIGHT, HELD_OUT_FILES, PRACTICES, Practice, practice_for  # noqa: E402

DATA = ROOT / "tests" / "data"
TRAIN_SETS = tuple(sorted(p.stem for p in DATA.glob("posts_*.jsonl") if p.name not in HELD_OUT_FILES))
# Sets the rules were never tuned on: the only fair ground for choosing how model and rules combine.
# blind3-6 and blind24 are standard mixes (about as many of each category as a real page sees);
# blind9-23 are dense (each focused on a few categories, with as many look-alikes as positives).
STANDARD = ("posts_blind3", "posts_blind4", "posts_blind5", "posts_blind6", "posts_blind24")
HONEST = STANDARD + tuple(f"posts_blind{i}" for i in range(9, 24))
FEATURES = FeatureSpec(pairs=True, skips=True, piece=5)
GROUPS = {
    "public": ("promotional", "abusive", "privacy", "crisis"),
    "own": ("endorsement", "payment_request"),
}
PRECISION_BAR = {"crisis": 0.82, "promotional": 0.96}
DEFAULT_BAR = 0.91
MAY_COST = 0.01
THRESHOLDS = [x / 4 for x in range(-12, 17)] + [float("inf")]  # -3.0 .. +4.0, or never
OVERRIDES = [1.0, 1.5, 2.0, 3.0, 4.0, float("inf")]  # crisis only
# Abuse: the model read the team's hand-written look-alikes (tests/posts/test_blind_abusive.py and
# others) as abuse up to a score of +3.5: harsh but fair reviews ("the receptionist was rude and
# useless") and praise ("Priya is an absolute star"). Below this it may not flag abuse at all.
MIN_THRESHOLD = {"abusive": 3.75}
C = 1.0
OUT = ROOT / "monitor" / "checks" / "posts" / MODEL_FILE
# Each set's practice and therapists' names, read as placeholders wherever they appear (names.py):
# what the model learns from "booked with Maya" must hold for any practice's "booked with Grace".
# Words in at least this many training texts are common words (learned.is_common): a practice's name
# that is one ("Hope", "Will") is read as a name only where it is written like one.
COMMON_IN = 10


def load(name: str) -> list[dict]:
    """The set's rows, each with "set": the file it came from (which says its practice)."""
    return [dict(json.loads(line), set=f"{name}.jsonl") for line in (DATA / f"{name}.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]


def practice(row: dict) -> Practice:
    return PRACTICES.get(row["set"], HARBOURLIGHT)


@functools.cache
def name_reading(set_name: str) -> NameReading:
    """Every name word of the set's practice, anywhere: the labelled sets write names as names."""
    return practice_for(set_name).names.for_text("", "", common=lambda word: False)


def all_name_words() -> frozenset[str]:
    """Every labelled set's practice's name words (part of the cross-validation cache's key)."""
    return frozenset(w for p in (HARBOURLIGHT, *PRACTICES.values()) for w in p.names.words)


def training_name_words() -> frozenset[str]:
    """The name words of the training sets' practices: the held-out sets' configurations must not
    shape the model ("Park", a held-out therapist's surname, is a common word of the training texts)."""
    return frozenset(w for name in TRAIN_SETS for w in practice_for(f"{name}.jsonl").names.words)


def features(row: dict) -> frozenset[str]:
    return doc_features(row["text"], row["set"])


@functools.cache  # every category's model reads the same texts: their features are worked out once
def doc_features(text: str, set_name: str) -> frozenset[str]:
    return frozenset(feature_names(Normalised.of(text).folded, FEATURES, name_reading(set_name)))


@functools.cache
def rule_reading(text: str, own: bool, author: str | None, repeat_count: int, set_name: str) -> tuple[frozenset[str], frozenset[str]]:
    """(categories the rules alone flag, categories the rules read the text as ordinary for), read
    by the engine itself with the set's practice's configuration."""
    rules_only = practice_for(set_name).rules_only().posts
    found = check_text(text, own, rules_only, AlertsConfig(), author=author, repeat_count=repeat_count)
    norm, cp = Normalised.of(text), compile_posts(rules_only)
    ordinary = {c for c in GROUPS["own" if own else "public"] if ordinary_for(norm, c, own, cp)}
    return frozenset(f.category for f in found), frozenset(ordinary)


def matrix(docs: list[frozenset[str]], index: dict[str, int]) -> sp.csr_matrix:
    rows, cols = [], []
    for i, d in enumerate(docs):
        for f in d:
            j = index.get(f)
            if j is not None:
                rows.append(i)
                cols.append(j)
    return sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(docs), len(index)))


def vocabulary(docs: list[frozenset[str]]) -> dict[str, int]:
    df = Counter(f for d in docs for f in d)
    return {f: i for i, f in enumerate(sorted(f for f, n in df.items() if n >= 2))}


def fit(x: sp.csr_matrix, y: np.ndarray) -> np.ndarray:
    """Weights then bias of an L2 logistic regression (deterministic: L-BFGS from zeros)."""

    def loss(w):
        p = 1.0 / (1.0 + np.exp(-(x @ w[:-1] + w[-1])))
        nll = -(y * np.log(p + 1e-12) + (1 - y) * np.log(1 - p + 1e-12)).sum() + 0.5 / C * (w[:-1] ** 2).sum()
        return nll, np.concatenate([x.T @ (p - y) + w[:-1] / C, [(p - y).sum()]])

    return minimize(loss, np.zeros(x.shape[1] + 1), jac=True, method="L-BFGS-B", options={"maxiter": 500}).x


def group_rows(group: str, sets: dict[str, list[dict]]) -> dict[str, list[dict]]:
    own = group == "own"
    return {name: [r for r in rows if bool(r.get("own")) == own] for name, rows in sets.items()}


def trains_on(cat: str, row: dict) -> bool:
    permitted = {a.lower() for a in practice(row).posts.permitted_authors}
    return not (cat == "promotional" and (row.get("author") or "").lower() in permitted)


def fit_category(cat: str, named: dict[str, list[dict]], index: dict[str, int]) -> np.ndarray:
    rows = [r for rs in named.values() for r in rs if trains_on(cat, r)]
    return fit(matrix([features(r) for r in rows], index), np.array([float(cat in r["labels"]) for r in rows]))


def out_of_fold(cat: str, named: dict[str, list[dict]]) -> dict[str, float]:
    """id -> score of each text of an honest set by a model trained on all the other sets (only the
    honest sets' scores are used, and leaving one set out at a time is closest to the final model)."""
    out: dict[str, float] = {}
    for held in (n for n in HONEST if n in named):
        train = {n: rs for n, rs in named.items() if n != held}
        index = vocabulary([features(r) for rs in train.values() for r in rs])
        w = fit_category(cat, train, index)
        test = named[held]
        scores = matrix([features(r) for r in test], index) @ w[:-1] + w[-1]
        out.update({r["id"]: float(s) for r, s in zip(test, scores)})
    return out


def cached_out_of_fold(group: str, cats: tuple[str, ...], named: dict[str, list[dict]]) -> dict[str, dict[str, float]]:
    """`out_of_fold` for each category, two at a time; kept in the temporary directory, keyed by the
    data and the fitting code, so changing only how the limits are chosen does not refit everything."""
    code = "".join(inspect.getsource(f) for f in (practice, name_reading, features, doc_features, matrix, vocabulary, fit, trains_on, fit_category, out_of_fold))
    key = hashlib.sha256(json.dumps([named, FEATURES.__dict__, C, HONEST, sorted(all_name_words()), code]).encode()).hexdigest()[:16]
    cache = Path(tempfile.gettempdir()) / f"practice-monitor-oof-{group}-{key}.json"
    if cache.exists():
        return json.loads(cache.read_text())
    with ProcessPoolExecutor(max_workers=2) as pool:
        oof = dict(zip(cats, pool.map(out_of_fold, cats, [named] * len(cats))))
    cache.write_text(json.dumps(oof))
    return oof


def combine(cat: str, named: dict[str, list[dict]], scores: dict[str, float]) -> tuple[dict, str]:
    """(threshold, override) for `cat` and a line saying what they give; see the module docstring."""
    rows = [(n, r) for n in HONEST if n in named for r in named[n] if trains_on(cat, r)]  # the engine never asks about a permitted author's promotion
    reading = [rule_reading(r["text"], bool(r.get("own")), r.get("author"), int(r.get("repeat_count", 0)), r["set"]) for _, r in rows]
    rule = np.array([cat in found for found, _ in reading])
    ordinary = np.array([cat in plain for _, plain in reading])
    s = np.array([scores[r["id"]] for _, r in rows])
    label = np.array([cat in r["labels"] for _, r in rows])
    feedback = np.array([bool(r.get("negative_feedback")) for _, r in rows])
    own = bool(rows) and bool(rows[0][1].get("own"))
    # Precision and recall on the standard-mix sets for visitors' comments; for the practice's own
    # posts on every honest set (the standard sets hold few own posts; blind17 is all own posts).
    measured = np.ones(len(rows), dtype=bool) if own else np.array([n in STANDARD for n, _ in rows])

    def pr(flag: np.ndarray, where: np.ndarray) -> tuple[float, float]:
        tp = int((flag & label & where).sum())
        fp = int((flag & ~label & where).sum())
        pos = int((label & where).sum())
        return (tp / (tp + fp) if tp + fp else 1.0), (tp / pos if pos else 1.0)

    # Where the rules alone are below the bar (advertising: 94%), the model may cost a point of precision.
    bar = min(PRECISION_BAR.get(cat, DEFAULT_BAR), pr(rule, measured)[0] - MAY_COST)
    everywhere = np.ones(len(rows), dtype=bool)
    never = float("inf")
    chosen = {"threshold": never, "override": never, "p": pr(rule, measured)[0], "r": pr(rule, measured)[1], "hp": pr(rule, everywhere)[0], "hr": pr(rule, everywhere)[1]}
    best_key = None
    for t in (t for t in THRESHOLDS if t >= MIN_THRESHOLD.get(cat, -never)):
        for ov in OVERRIDES if cat == "crisis" else [never]:
            if ov < t:
                continue
            flag = rule | (~rule & ((~ordinary & (s >= t)) | (ordinary & (s >= ov))))
            p, r = pr(flag, measured)
            if p < bar or (cat == "abusive" and (flag & feedback & ~rule).any()):
                continue
            key = (r, p, t, ov)
            if best_key is None or key > best_key:
                hp, hr = pr(flag, everywhere)
                best_key, chosen = key, {"threshold": t, "override": ov, "p": p, "r": r, "hp": hp, "hr": hr}
    rules_p, rules_r = pr(rule, measured)
    line = (f"rules alone P {rules_p:6.1%} R {rules_r:6.1%}  ->  with the model P {chosen['p']:6.1%} R {chosen['r']:6.1%}"
            f" (all honest sets P {chosen['hp']:6.1%} R {chosen['hr']:6.1%})  threshold {chosen['threshold']:+.2f} override {chosen['override']:+.1f}")
    return {k: chosen[k] for k in ("threshold", "override")}, line


def finite(x: float) -> float | None:
    """JSON has no infinity: None means never."""
    return None if x == float("inf") else x


def train(combined_from: dict | None = None) -> dict:
    """The weight file's content; thresholds by cross-validation unless taken from `combined_from`."""
    sets = {name: load(name) for name in TRAIN_SETS}
    out: dict = {"about": "built by bench/train_posts_model.py; see monitor/checks/posts/learned.py", "trained_on": list(TRAIN_SETS)}
    for group, cats in GROUPS.items():
        named = group_rows(group, sets)
        index = vocabulary([features(r) for rs in named.values() for r in rs])
        weights, bias, decided = [], {}, {}
        if combined_from is None:  # the cross-validation, two categories at a time
            oof = cached_out_of_fold(group, cats, named)
        for cat in cats:
            w = fit_category(cat, named, index)
            if combined_from is None:
                decided[cat], line = combine(cat, named, oof[cat])
                print(f"  {group:6} {cat:20} {line}", flush=True)
            else:
                old = combined_from[group]
                decided[cat] = {k: old[k + "s"].get(cat) for k in ("threshold", "override")}
            weights.append(w[:-1])
            bias[cat] = round(float(w[-1]), 4)
        matrix_w = np.round(np.stack(weights, axis=1), 4)
        keep = np.abs(matrix_w).max(axis=1) >= 0.01  # features that never weigh are left out of the file
        names = sorted(index, key=index.get)
        out[group] = {
            "categories": list(cats),
            "feature_spec": {"pairs": FEATURES.pairs, "skips": FEATURES.skips, "piece": FEATURES.piece},
            "features": [n for n, k in zip(names, keep) if k],
            "weights": [float(v) for v in matrix_w[keep].ravel()],
            "bias": bias,
            **{k + "s": {c: (d[k] if combined_from else finite(d[k])) for c, d in decided.items()} for k in ("threshold", "override")},
        }
    out["common_words"] = common_words([r["text"] for rows in sets.values() for r in rows])
    return out


def common_words(texts: list[str]) -> list[str]:
    """The words (not names) in at least COMMON_IN of the texts."""
    names = training_name_words()
    seen = Counter(w for t in texts for w in set(TOKEN.findall(Normalised.of(t).folded)) if w not in names)
    return sorted(w for w, n in seen.items() if n >= COMMON_IN)


def same_model(a: dict, b: dict, tolerance: float = 0.02) -> bool:
    """Whether two weight files score every training text alike (the last digits of floating point may
    differ between machines and library versions; the flags must not)."""
    from monitor.checks.posts.learned import _build

    rows = [r for name in TRAIN_SETS for r in load(name)]
    if a.get("common_words") != b.get("common_words"):
        return False
    for group in GROUPS:
        if any(a.get(group, {}).get(k) != b[group][k] for k in ("categories", "thresholds", "overrides", "feature_spec")):
            return False
        ma, mb = _build(a[group]), _build(b[group])
        for r in rows:
            if bool(r.get("own")) != (group == "own"):
                continue
            folded, reading = Normalised.of(r["text"]).folded, name_reading(r["set"])
            sa, sb = ma.scores(folded, reading), mb.scores(folded, reading)
            if (sa is None) != (sb is None) or (sa is not None and np.abs(sa - sb).max() > tolerance):
                return False
    return True


def main(argv: list[str]) -> int:
    if "--check" in argv:  # the weights only (the cross-validation takes minutes)
        committed = json.loads(OUT.read_text(encoding="utf-8")) if OUT.exists() else None
        same = committed is not None and "feature_spec" in committed.get("public", {}) and same_model(committed, train(combined_from=committed))
        print("the committed model is " + ("reproducible" if same else "OUT OF DATE: run python bench/train_posts_model.py"))
        return 0 if same else 1
    text = json.dumps(train(), ensure_ascii=False, separators=(",", ":")) + "\n"
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size / 1000:.0f} kB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
