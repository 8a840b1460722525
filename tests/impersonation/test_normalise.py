"""The confusable skeleton: every disguise an impersonator uses reads back as the plain name."""

import pytest

from monitor.checks.impersonation.normalise import fold, key, skeleton, strip_invisible, tricks_used


@pytest.mark.parametrize("disguised", [
    "Hаrbour Light",                      # Cyrillic а
    "НАRВОUR LIGHT",                      # Cyrillic capitals Н, А, В, О
    "Ηarbοur Lιght",                      # Greek Eta, omicron, iota
    "ＨａｒｂｏｕｒＬｉｇｈｔ",             # fullwidth
    "𝐇𝐚𝐫𝐛𝐨𝐮𝐫 𝐋𝐢𝐠𝐡𝐭",                     # mathematical bold
    "𝘏𝘢𝘳𝘣𝘰𝘶𝘳 𝘓𝘪𝘨𝘩𝘵",                     # mathematical sans-serif italic
    "Ⓗⓐⓡⓑⓞⓤⓡ Ⓛⓘⓖⓗⓣ",                      # circled letters
    "Har\u200bbour\u200d Li\u2060ght",    # zero-width space, joiner, word joiner
    "Harbour\u202e Light\u202c",          # bidi override and pop
    "Har\u00adbour Li\ufeffght",          # soft hyphen, BOM
    "Hárbóur Lîght",                      # accents
    "harbour_light", "harbour.light", "harbour-light", "HarbourLight",
])
def test_disguises_fold_to_the_plain_name(disguised):
    assert key(disguised) == "harbourlight"
    assert skeleton(disguised) == skeleton("harbourlight")


@pytest.mark.parametrize("lookalike,plain", [
    ("harb0urlight", "harbourlight"), ("harbour1ight", "harbourlight"), ("harbourIight", "harbourlight"),
    ("rnindfulpath", "mindfulpath"), ("vvillowbank", "willowbank"), ("clrokafor", "drokafor"),
])
def test_ascii_lookalikes_share_the_skeleton_but_not_the_spelling(lookalike, plain):
    assert skeleton(lookalike) == skeleton(plain)
    assert key(lookalike) != key(plain)


def test_different_names_keep_different_skeletons():
    assert skeleton("harbourview") != skeleton("harbourlight")
    assert skeleton("amara jones") != skeleton("amara okafor")


def test_fold_keeps_words_for_name_comparison():
    assert fold("Dr. Amára  OKAFOR (Official)") == "dr amara okafor official"
    assert fold("HarbourLightCounselling") == "harbour light counselling"


def test_invisible_characters_are_removed_not_spaced():
    assert strip_invisible("a\u200bb\u2066c\u2069d\U000e0041") == "abcd"


def test_tricks_are_named_for_staff():
    assert "letters from other alphabets that look Latin" in tricks_used("Hаrbour")
    assert "invisible characters" in tricks_used("Har\u200bbour")
    assert "stylised or full-width characters" in tricks_used("Ｈarbour")
    assert any("'0' for 'o'" in t for t in tricks_used("harb0ur"))
    assert tricks_used("Harbour Light") == []
