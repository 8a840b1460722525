"""The quality targets of the post checks, measured on the labelled sets (a regression fails CI).

Targets (issue 7): crisis recall >= 98% with precision >= 80%; negative feedback wrongly flagged as
abusive <= 2%; promotional precision >= 95% and recall >= 90%; every other category >= 90% / 90%.
They are asserted on the sets the rules were tuned on: tests/data/posts_eval.jsonl, posts_holdout.jsonl
and both halves of posts_fresh.jsonl (the holdout and the second fresh half served as held-out sets in
earlier rounds and were tuned on from round 3). tests/data/posts_fresh2.jsonl was held out in round 3
and is tuned on from round 4; it is still below the targets in a few categories, so it keeps floors.
Round 5 added four sets written by people who had read neither the rules nor any other set
(tests/data/posts_blind{1,2,3,4}.jsonl): blind1 and blind2 were tuned on, blind3 was held out (totals
only), blind4 was round 5's final test. Round 6 trains the wording model on all four and holds out
blind5 and blind6 (not asserted here: measured once, reported in the closing notes). Before that,
the held-out set was tests/data/posts_fresh3.jsonl (round 4: coded crisis language, look-alikes,
own-post payment requests and claims), whose individual errors were not printed while tuning. Caveat:
it was written in the same session as the round-4 rules (before the crisis concepts were read), so
it is less independent than fresh2 was. Held-out floors equal the figures the rules actually reach,
so they guard against regressions without pretending to more; the gap to the targets is what the
product will meet on texts nobody has seen.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("posts_eval_bench", ROOT / "bench" / "posts_eval.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


TARGETS = {"crisis": (0.80, 0.98), "promotional": (0.95, 0.90)}


def test_eval_sets_are_large_and_balanced(eval_rows, bench):
    rows = eval_rows("posts_eval.jsonl")
    assert len(rows) >= 400 and len(eval_rows("posts_holdout.jsonl")) >= 120
    assert sum(1 for r in rows if not r["labels"]) >= 150  # plenty of negatives
    assert sum(1 for r in rows if bench.is_negative_feedback(r)) >= 30
    fresh = eval_rows("posts_fresh.jsonl")
    assert len(fresh) >= 350 and sum(1 for r in fresh if bench.is_negative_feedback(r)) >= 60
    for cat in bench.POST_CATEGORIES:
        assert sum(1 for r in fresh if cat in r["labels"]) >= (40 if cat == "crisis" else 25), cat
    # Both halves hold every category, so neither figure rests on a handful of examples.
    for half in "AB":
        rows = bench.fresh_half(half)
        for cat in bench.POST_CATEGORIES:
            assert sum(1 for r in rows if cat in r["labels"]) >= 12, (half, cat)
    fresh2 = eval_rows("posts_fresh2.jsonl")
    assert len(fresh2) >= 300 and sum(1 for r in fresh2 if bench.is_negative_feedback(r)) >= 40
    minimum = {"crisis": 60, "promotional": 40, "privacy": 30, "booking": 30, "abusive": 30}
    for cat in bench.POST_CATEGORIES:
        assert sum(1 for r in fresh2 if cat in r["labels"]) >= minimum.get(cat, 20), cat
    assert sum(1 for r in fresh2 if not r["labels"] and not r["own"]) >= 130  # hard negatives: idioms, links, complaints
    fresh3 = eval_rows("posts_fresh3.jsonl")
    assert len(fresh3) >= 200 and sum(1 for r in fresh3 if r["labels"] == ["crisis"]) >= 70
    assert sum(1 for r in fresh3 if "crisis" not in r["labels"] and not r["own"]) >= 60  # look-alikes and ordinary comments
    for cat in ("payment_request", "outcome_claim"):
        assert sum(1 for r in fresh3 if cat in r["labels"] and r["own"]) >= 25, cat


@pytest.mark.parametrize("name", ["tuned", "holdout", "fresh-A", "fresh-B"])
def test_issue_targets_hold_on_the_sets_tuned_on(bench, name):
    sc = bench.evaluate(bench.default_sets()[name])
    for cat in bench.POST_CATEGORIES:
        p_min, r_min = TARGETS.get(cat, (0.90, 0.90))
        assert sc.precision(cat) >= p_min, (cat, sc.precision(cat))
        assert sc.recall(cat) >= r_min, (cat, sc.recall(cat))
    assert sc.nf_false_abuse_rate <= 0.02


# (precision, recall) reached when these floors were set (round 4); a category not listed is at
# 100% / 100%. Raise them when the rules improve; never lower them to make a change pass. Round 7
# lowered the crisis precision floors of fresh3, blind1 and blind2 (to 96%, 98% and 95%) on purpose:
# the wording model's crisis threshold now trades precision for recall (98% of crisis messages on
# texts no model saw, at 82% precision; see bench/train_posts_model.py).
HELD_OUT_FLOORS = {
    "fresh2": {  # held out in round 3, tuned on from round 4
        "promotional": (0.934, 1.0),
        "privacy": (0.97, 1.0),
        "booking": (1.0, 0.971),
    },
    "fresh3": {  # held out in round 4, tuned on from round 5
        "crisis": (0.963, 1.0),
    },
    # Round 5: written by people who never saw the rules; tuned on. Booking precision is low because
    # those writers labelled bare price or opening-hours questions as not booking, while the earlier
    # sets (and the checks) treat them as booking enquiries to answer with the configured reply.
    "blind1": {"privacy": (0.972, 1.0), "crisis": (0.98, 1.0), "booking": (0.812, 1.0)},
    "blind2": {"crisis": (0.95, 1.0), "booking": (0.838, 1.0)},
    # Held out in round 5 (blind3's totals guided design choices; blind4 was the final test, measured
    # once); the wording model is trained on both from round 6, the rules were never tuned on them.
    "blind3": {
        "promotional": (0.958, 1.0), "abusive": (0.973, 0.86), "privacy": (0.93, 0.93), "crisis": (0.945, 0.945),
        "booking": (0.75, 0.96), "review_solicitation": (1.0, 0.894), "outcome_claim": (0.941, 0.842), "endorsement": (0.947, 0.947),
    },
    "blind4": {
        "promotional": (0.928, 1.0), "abusive": (1.0, 0.861), "privacy": (0.944, 1.0), "crisis": (0.873, 0.926),
        "booking": (0.76, 0.904), "review_solicitation": (1.0, 0.937), "outcome_claim": (1.0, 0.875), "endorsement": (1.0, 0.933),
        "payment_request": (0.937, 1.0),
    },
}


def test_blind_sets_are_large_and_varied(eval_rows, bench):
    for name in (f"posts_blind{i}.jsonl" for i in (1, 2, 3, 4, 5, 6, 7, 8, 24)):  # the standard mixes
        rows = eval_rows(name)
        assert len(rows) >= 450, name
        assert sum(1 for r in rows if "crisis" in r["labels"]) >= 80, name
        assert sum(1 for r in rows if bench.is_negative_feedback(r)) >= 40, name
        assert sum(1 for r in rows if not r["labels"]) >= 190, name  # hard negatives
        for cat in bench.POST_CATEGORIES:
            assert sum(1 for r in rows if cat in r["labels"]) >= 15, (name, cat)


@pytest.mark.parametrize("name", sorted(HELD_OUT_FLOORS))
def test_held_out_sets_do_not_regress(bench, name):
    sc = bench.evaluate(bench.default_sets()[name])
    for cat in bench.POST_CATEGORIES:
        p_min, r_min = HELD_OUT_FLOORS[name].get(cat, (1.0, 1.0))
        assert sc.precision(cat) >= p_min, (cat, sc.precision(cat))
        assert sc.recall(cat) >= r_min, (cat, sc.recall(cat))
    assert sc.nf_false_abuse_rate <= 0.02
