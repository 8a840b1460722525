"""The learned wording models (monitor/checks/posts/learned.py): a second opinion where no rule fires.

The texts below were written for this test (not taken from any labelled set). Each says something
the rules have no phrase for; the wording model must flag it, say so in its reason, show the words
that weighed, and stay silent where the configuration or the rules' own reading says so.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent

UNFORESEEN_CRISIS = [
    "everything is packed and the dog is at my sister's. tonight feels right",
    "i can't see myself getting through this week honestly, I've got nothing left",
    "I'm so tired of being a weight on everyone. they'd manage fine",
]


@pytest.mark.parametrize("text", UNFORESEEN_CRISIS)
def test_unforeseen_crisis_wording_is_flagged_and_explained(check, text):
    finding = check(text)["crisis"]
    assert finding.rule == "crisis.wording" and finding.severity == "urgent"
    assert "no single rule matched" in finding.reasons[0]
    words = [e.text.lower() for e in finding.evidence]
    assert words and all(w in text.lower() for w in words)
    assert not set(words) & {"i", "my", "the", "it"}  # evidence words that explain something


def test_rules_only_when_switched_off(check):
    assert "crisis" not in check(UNFORESEEN_CRISIS[0], wording_models=False)


def test_a_disabled_category_stays_off(check):
    assert "crisis" not in check(UNFORESEEN_CRISIS[0], disabled=["crisis"])


# Round 9: "car's packed, dog's at my sister's, road trip to Cornwall tonight lol can't wait" left this
# list. The retrained model scores it +1.4, above the crisis override the training script chose (+1.0,
# from +2.0): on the honest sets, the texts the rules read as ordinary that score between +1 and +2 are
# half real crises ("I wanted the tablets for one reason", "top of the car park... please come"), and a
# missed crisis costs more than this false alarm.
@pytest.mark.parametrize("text", [
    "bags packed and the dog's with my sister, off to the airport tonight haha",
    "moving day tomorrow!! gave the cat to mum for the week, last night in the old flat lol",
])
def test_the_rules_reading_of_a_joke_stands(check, text):
    assert "crisis" not in check(text)


@pytest.mark.parametrize("text", [
    "haha so the pills are counted and the note's done, tonight it ends. not sorry",
    "jk... unless? the rope's in the garage and everyone's asleep by 11",
])
def test_a_plan_told_as_a_joke_is_still_a_crisis(check, text):
    """The rules read these as jokes; the wording is far closer to crisis messages than the model's
    usual threshold (the override), and the reason says why a "lol" did not silence it."""
    finding = check(text)["crisis"]
    assert finding.rule == "crisis.wording" and finding.severity == "urgent"
    assert "joke" in finding.reasons[0] and "please read it" in finding.reasons[0]


def test_permitted_authors_are_never_promotional(check):
    text = "new autumn menu is out, come and try the pumpkin soup, 10% off with the code SOUP10 this week"
    assert "promotional" in check(text)
    assert "promotional" not in check(text, author="harbourcafe", permitted_authors=["harbourcafe"])


def test_the_committed_model_is_what_training_gives():
    """Anyone can rebuild the weights from the labelled sets and get the same file."""
    run = subprocess.run([sys.executable, str(ROOT / "bench" / "train_posts_model.py"), "--check"], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr


def test_scores_read_every_feature_once_whatever_the_word_cache_holds(eval_rows):
    """The fast path (each word's rows kept between texts) scores exactly as reading every feature
    of the text afresh, also after the cache has been emptied for being full."""
    import numpy as np

    from monitor.checks.posts import learned
    from monitor.checks.posts.normalise import Normalised

    model = learned.models()["public"]
    texts = [Normalised.of(r["text"]).folded for r in eval_rows("posts_blind1.jsonl")[:200]]

    def afresh(folded: str):
        rows = sorted({model.index[f] for f in learned.feature_names(folded, model.spec) if f in model.index})
        return model.weights[rows].sum(axis=0) + model.bias if rows else None

    model._word_rows.clear()
    for limit in (learned._WORD_CACHE_LIMIT, 3):
        learned._WORD_CACHE_LIMIT, saved = limit, learned._WORD_CACHE_LIMIT
        try:
            for folded in texts + texts:  # the second pass reads from the cache
                got, want = model.scores(folded), afresh(folded)
                assert (got is None) == (want is None)
                if got is not None:
                    assert np.allclose(got, want), folded
        finally:
            learned._WORD_CACHE_LIMIT = saved
    assert len(model._word_rows) <= learned._WORD_CACHE_LIMIT


def test_the_model_reads_words_one_apart():
    from monitor.checks.posts import learned

    assert "the _ tonight" in learned.feature_names("the bridge tonight", learned.models()["public"].spec)
