"""The quality targets of the post checks, measured on the labelled sets (a regression fails CI).

Targets (issue 7) on tests/data/posts_eval.jsonl: crisis recall >= 98% with precision >= 80%;
negative feedback wrongly flagged as abusive <= 2%; promotional precision >= 95% and recall >= 90%;
every other category >= 90% / 90%. The held-out set was never tuned on; its floors are the figures
of its first run, so it guards against regressions without pretending to more.
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


def test_eval_set_is_large_and_balanced(eval_rows):
    rows = eval_rows("posts_eval.jsonl")
    assert len(rows) >= 400 and len(eval_rows("posts_holdout.jsonl")) >= 120
    assert sum(1 for r in rows if not r["labels"]) >= 150  # plenty of negatives
    assert sum(1 for r in rows if "negative_feedback" in r.get("tags", ())) >= 30


def test_targets_hold_on_the_eval_set(bench):
    sc = bench.evaluate(ROOT / "tests/data/posts_eval.jsonl")
    for cat in bench.POST_CATEGORIES:
        p_min, r_min = TARGETS.get(cat, (0.90, 0.90))
        assert sc.precision(cat) >= p_min, (cat, sc.precision(cat))
        assert sc.recall(cat) >= r_min, (cat, sc.recall(cat))
    assert sc.nf_false_abuse_rate <= 0.02


HOLDOUT_FLOORS = {"booking": (0.85, 0.80), "review_solicitation": (0.90, 0.75), "promotional": (0.90, 0.90), "abusive": (0.90, 0.90)}


def test_holdout_does_not_regress(bench):
    sc = bench.evaluate(ROOT / "tests/data/posts_holdout.jsonl")
    assert sc.recall("crisis") >= 0.98 and sc.precision("crisis") >= 0.80
    for cat in bench.POST_CATEGORIES:
        p_min, r_min = HOLDOUT_FLOORS.get(cat, (0.90, 0.90))
        assert sc.precision(cat) >= p_min, (cat, sc.precision(cat))
        assert sc.recall(cat) >= r_min, (cat, sc.recall(cat))
    assert sc.nf_false_abuse_rate <= 0.02
