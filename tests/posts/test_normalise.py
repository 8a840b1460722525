"""Obfuscated spellings are caught, and evidence points at the exact characters of the original."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text,needle", [
    ("you absolute 1d10t", "1d10t"),
    ("what a m0r0n", "m0r0n"),
    ("c*nt", "c*nt"),
    ("you are a t w a t", "t w a t"),
    ("f.u.c.k you", "f.u.c.k you"),
    ("stuuuupid woman", "stuuuupid woman"),
    ("ｉｄｉｏｔ", "ｉｄｉｏｔ"),  # full-width letters
    ("you're an іdіot", "іdіot"),  # Cyrillic і
])
def test_obfuscated_abuse_is_caught_with_exact_offsets(check, text, needle):
    f = check(text)["abusive"]
    assert any(text[e.start:e.end] == e.text for e in f.evidence)
    start = text.index(needle)
    assert any(e.start <= start and e.end >= start + len(needle) for e in f.evidence), f.evidence


def test_offsets_after_emoji_and_accents_point_into_the_original(check):
    text = "😀😀 Café trip! Then: DM me for a discount 💸 code PROMO50"
    f = check(text)["promotional"]
    for e in f.evidence:
        assert text[e.start:e.end] == e.text
    assert any(e.text.startswith("code PROMO50") or e.text.endswith("PROMO50") for e in f.evidence)


def test_crisis_evidence_offsets(check):
    text = "Some days are OK. But honestly I want to kill myself."
    (e,) = check(text)["crisis"].evidence
    assert text[e.start:e.end] == e.text == "kill myself"


def test_ordinary_words_containing_insults_are_not_flagged(check):
    for text in ("Our therapist Dr Scunthorpe", "classic assessment approaches", "the cocktail party", "Essex hospital"):
        assert "abusive" not in check(text), text
