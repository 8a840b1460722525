"""One clear sign of risk in a personal text is enough for a crisis flag (round 5: recall first).

These wordings were written for this test, not taken from any labelled set: each has one death,
self-harm or farewell sign and nothing else the concept families know. The look-alikes use the same
words for ordinary things (objects, jobs, grief, jokes, insults aimed at others, giving things away).
"""

from __future__ import annotations

import pytest

CAUGHT = [
    "i think about death every single night now",
    "honestly the only thing i look forward to is being dead",
    "been self harming in secret since september",
    "goodbye everyone, thank you for trying",
    "my brother keeps saying he's better off dead",
    "nobody knows i'm still cutting",
]

NOT_CAUGHT = [
    "said goodbye to my old car today, 15 years she did me",
    "goodbye to 2026, what a year",
    "giving away my old cot if anyone local needs it",
    "the last post on this page had a broken link",
    "my nan passed away on sunday, thank you all for the kind words",
    "im literally dead 💀 that video",
    "@someone_random go and die in a ditch",
    "my phone is dead again",
    "drafting my goodbye email to the team, last day friday",
]


@pytest.mark.parametrize("text", CAUGHT)
def test_one_clear_sign_is_a_crisis(check, text):
    assert "crisis" in check(text), text


@pytest.mark.parametrize("text", NOT_CAUGHT)
def test_ordinary_uses_of_the_same_words_are_not(check, text):
    assert "crisis" not in check(text), text
