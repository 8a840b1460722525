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


def test_the_rules_reading_of_a_joke_stands(check):
    assert "crisis" not in check("everything is packed and the dog is at my sister's, tonight feels right for a road trip lol")


def test_permitted_authors_are_never_promotional(check):
    text = "new autumn menu is out, come and try the pumpkin soup, 10% off with the code SOUP10 this week"
    assert "promotional" in check(text)
    assert "promotional" not in check(text, author="harbourcafe", permitted_authors=["harbourcafe"])


def test_the_committed_model_is_what_training_gives():
    """Anyone can rebuild the weights from the labelled sets and get the same file."""
    run = subprocess.run([sys.executable, str(ROOT / "bench" / "train_posts_model.py"), "--check"], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
