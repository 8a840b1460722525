"""The merged first-character scan (patterns.GroupScan) finds exactly what the plain alternation finds.

A reader sees this as: no warning appears or disappears because the checks got faster. The reference is
the straightforward form, one named group per rule group, compiled by `re` as written.
"""

from __future__ import annotations

import random
import re

import pytest

from monitor.checks.posts.patterns import GroupScan, _derive, compile_guarded
from monitor.checks.posts.rules import rx


def plain_scan(groups: dict, text: str) -> dict[str, list[tuple[int, int]]]:
    """Reference: (?<!\\w)(?:(?P<g1>part|part)|(?P<g2>...))(?!\\w) with the parts exactly as written."""
    first = next(iter(groups.values()))
    body = "|".join(f"(?P<{name}>" + "|".join(alt.parts) + ")" for name, alt in groups.items())
    out: dict[str, list[tuple[int, int]]] = {name: [] for name in groups}
    for m in re.finditer(first._prefix + "(?:" + body + ")" + first._suffix, text):
        out[m.lastgroup].append(m.span())
    return out


def merged_scan(groups: dict, text: str) -> dict[str, list[tuple[int, int]]]:
    return {k: [m.span() for m in v] for k, v in GroupScan(groups).scan(text).items()}


# Parts where no two alternatives of one group can match at the same place with different ends, so the
# plain order and the longest-first order inside a first-character bucket agree; across groups the
# order is what is being tested (the first group wins at a place).
TRICKY = {
    "words": rx(r"kill (?:myself|me)", r"helped me out", r"shop now", r"last post", r"done for"),
    "others": rx(r"\w+ helped me", r"[£$€]\d+ off", r"\d{1,2} ?% off", r"(?<!charity )shop(?: today)", r"⭐{3,}", r"\$[a-z][\w-]{2,}"),
    "anchored": rx(r"^\W*last (?:post|message)", r"\bod(?:ing|'?d)\b", r"\bdone\.?\s*$", r"'?quoted'"),
    "late": rx(r"so kind", r"shop today", r"£\d+ off", r"odd one", r"helped me", r"donate"),
}

SAMPLES = [
    "she helped me out so much, shop now",
    "Shop today! charity shop today and shop today",
    "£20 off, $30 off, 15% off, 5 % off and $cashtag here",
    "last post. last post",
    "  ...last message for all",
    "od'd again, odd one, od",
    "i am done. done",
    "done for today",
    "⭐⭐⭐⭐ so kind ⭐⭐",
    "'quoted' so kind donate",
    "he helped me with it; nurse Jo helped me",
    "",
]


def _random_texts(n: int) -> list[str]:
    words = " ".join(SAMPLES).split() + ["kill", "myself", "me", "helped", "£5", "€12", "off", "%", "'", "...", "\n"]
    rnd = random.Random(7)
    return [" ".join(rnd.choice(words) for _ in range(rnd.randint(1, 14))) for _ in range(n)]


@pytest.mark.parametrize("text", SAMPLES + _random_texts(400))
def test_merged_scan_finds_what_the_plain_alternation_finds(text: str) -> None:
    assert merged_scan(TRICKY, text) == plain_scan(TRICKY, text)


def test_group_order_decides_at_a_shared_place() -> None:
    # "shop today" is in the third group; the second group's "(?<!charity )shop(?: today)" comes first.
    found = merged_scan(TRICKY, "shop today")
    assert found["others"] == [(0, 10)] and found["late"] == []
    # After "charity " the second group's alternative cannot match, so the later group gets it.
    found = merged_scan(TRICKY, "charity shop today")
    assert found["late"] == [(8, 18)] and found["others"] == []


def test_real_rule_groups_match_the_plain_form_on_their_own_words() -> None:
    from monitor.checks.posts import booking, crisis, crisis_concepts

    for groups in ({"strong": crisis.STRONG, **crisis_concepts.FAMILY_RULES},
                   {"booking": booking.BOOKING, "framed": booking.FRAMED, "concept": booking.APPOINTMENT_CONCEPT}):
        words = [w for alt in groups.values() for p in alt.parts for w in re.findall(r"[a-z']{2,}", p)]
        rnd = random.Random(3)
        scan = GroupScan(groups)
        first = next(iter(groups.values()))
        body = "|".join(f"(?P<{n}>" + "|".join(a.parts) + ")" for n, a in groups.items())
        ref = re.compile(first._prefix + "(?:" + body + ")" + first._suffix)
        for _ in range(300):
            text = " ".join(rnd.choice(words) for _ in range(rnd.randint(2, 12)))
            got = {k: [m.span() for m in v] for k, v in scan.scan(text).items()}
            want: dict[str, list[tuple[int, int]]] = {k: [] for k in groups}
            for m in ref.finditer(text):
                want[m.lastgroup].append(m.span())
            # Longest-first inside a bucket may pick a longer alternative than the written order; the
            # places where a sign is found are the same.
            assert {k: [s for s, _ in v] for k, v in got.items()} == {k: [s for s, _ in v] for k, v in want.items()}, text


@pytest.mark.parametrize(
    "pattern,text",
    [
        (r"\w+ helped me", "jo helped me"),
        (r"^\W*last (?:post|message)", "last post"),
        (r"\bod(?:ing|'?d)\b", "od'd"),
        (r"[£$€]\d+ off", "€15 off"),
        (r"\d{1,2} ?% off", "15 % off"),
        (r"(?<!charity )shop(?: now)", "shop now"),
        (r"⭐{3,}", "⭐⭐⭐⭐"),
        (r"\$[a-z][\w-]{2,}", "$abc-d"),
        (r"a+?b", "aaab"),
    ],
)
def test_derived_pattern_matches_the_same_text_after_its_first_character(pattern: str, text: str) -> None:
    derived = _derive(pattern, text[0])
    assert derived is not None
    for before in ("", " ", "x", "charity "):
        whole = before + text
        m = re.compile(pattern).match(whole, len(before))
        d = re.compile(re.escape(text[0]) + "(?:" + derived + ")").match(whole, len(before))
        assert (m and m.span()) == (d and d.span()), (pattern, whole)


def test_derive_refuses_what_it_cannot_rewrite() -> None:
    assert _derive(r"\W*done", "'") is None  # the skipped item could take the character itself
    assert _derive(r"(?:ab)+c", "a") is None
    assert _derive(r"[£$€]\d+", "x") == "(?!)"  # cannot start with x at all


# --- Later speed-ups: each is checked against the plain form it replaces -------------------------------

def _mixed_texts(n: int, extra: list[str]) -> list[str]:
    words = " ".join(SAMPLES).split() + extra + ["the", "you", "f*ck", "fk", "screw", "u", "of", "idiot", "idiots", "stuck-up", "*", "-", "£9"]
    rnd = random.Random(11)
    return [" ".join(rnd.choice(words) for _ in range(rnd.randint(1, 16))) for _ in range(n)]


def test_first_character_guard_keeps_the_matches_of_the_plain_alternation() -> None:
    from monitor.checks.posts.patterns import guard_first_characters

    alts = [r"(?:s(?:he|o kind))(?P<a>)", r"\d+ (?:spaces|spots) left", r"[£$€]\d+", r"(?:sh(?:op now))(?P<b>)", r"shop", r"\bod\b", r"(?i:done)"]
    guarded = re.compile(r"(?<![\w])(?:" + guard_first_characters(alts) + r")(?![\w])")
    plain = re.compile(r"(?<![\w])(?:" + "|".join(alts) + r")(?![\w])")
    assert "(?=[" in guarded.pattern  # the runs of groups and repeats are guarded
    for text in _mixed_texts(400, ["she", "so", "kind", "3", "spaces", "left", "shop", "now", "od", "DONE", "Done"]):
        assert [(m.span(), m.lastgroup) for m in guarded.finditer(text)] == [(m.span(), m.lastgroup) for m in plain.finditer(text)], text


def test_swearing_at_someone_is_found_with_or_without_the_cheap_pre_test() -> None:
    from monitor.checks.posts import abusive
    from monitor.checks.posts.patterns import Alternation

    gated = abusive._DIRECTED_RE
    ungated = Alternation(gated.parts, "a-z*", r"(?![a-z*])")
    texts = _mixed_texts(600, ["fuck", "f u c k", "fuq", "ef", "feck", "phuck", "off", "yourself", "ya", "this", "place", "your", "face"])
    for text in texts + ["fuck you", "f u c k off", "ef you", "screw this place", "fuq ya"]:
        assert [m.span() for m in gated.finditer(text)] == [m.span() for m in ungated.finditer(text)], text
    assert gated.finditer("oh fuck you") and not gated.finditer("thank you, of course")


def test_many_literals_are_tested_as_one_search_with_the_same_answer() -> None:
    from monitor.checks.posts import abusive

    threat = abusive._THREAT_RE
    assert threat._literal_rx is not None
    for text in _mixed_texts(400, ["hope", "die", "watch", "your", "back", "urself", "kill"]):
        assert threat._gate_open(text) == any(lit in text for lit in threat.literals), text


def test_insult_word_lists_read_from_word_runs_as_the_regexes_do() -> None:
    from monitor.checks.posts import abusive

    extra = sorted(abusive._NOUN_SET)[:60] + ["mental", "mental health", "piece", "shit", "waste", "space", "two-faced", "idiot*", "*idiot", "f**k"]
    for text in _mixed_texts(800, extra) + ["you idiot", "idiotic", "stuck-up cow", "mental health", "a mental", "idiot*"]:
        runs = abusive._WORD_RUN.findall(text)
        assert [m.span() for m in abusive._nouns(text, runs)] == [m.span() for m in abusive._NOUN_RE.finditer(text)], text
        assert abusive._any_insult_word(text, runs) == bool(abusive._ANY_ADJ_RE.search(text)), text


def test_links_and_codes_are_found_behind_their_cheap_tests() -> None:
    from monitor.checks.posts import links, promotional

    extra = ["calm.com", "www.x.org", "https://a.co/b", "e.g.", "3.50", "end.", "bit.ly/x", "code", "promo", "SAVE20", "code:", "x.y"]
    for text in _mixed_texts(600, extra):
        assert [(k.start, k.end) for k in links.find_links(text)] == [
            (m.start(), m.end() - len(m.group()) + len(m.group().rstrip(".,;:!?"))) for m in links.LINK_RE.finditer(text)
        ], text
        if "code" not in text:
            assert not promotional._CODES.search(text), text


def test_phone_numbers_and_addresses_are_found_behind_their_cheap_tests() -> None:
    from monitor.checks.posts import contacts

    words = "call 07700 900123 +44 7700 900 123 (0117) 496 0000 14 Elm Grove 7b, Harbour View BS1 4DJ SW1A 1AA 2024-2025 at 3 Main St x 12 5".split()
    rnd = random.Random(2)
    for _ in range(1500):
        text = " ".join(rnd.choice(words) for _ in range(rnd.randint(1, 12)))
        phones = [m.span() for m in contacts.PHONE_RE.finditer(text)
                  if 9 <= len(re.sub(r"\D", "", m.group())) <= 15 and not re.fullmatch(r"(19|20)\d\d\s*[-–]\s*(19|20)?\d\d", m.group().strip())]
        addresses = [m.span() for m in contacts.STREET_RE.finditer(text)] + [m.span() for m in contacts.POSTCODE_RE.finditer(text)]
        assert contacts.find_phones(text) == phones, text
        assert contacts.find_addresses(text) == addresses, text


def test_a_repeated_letter_lengthens_the_literal_a_scan_waits_for() -> None:
    from monitor.checks.posts import abusive
    from monitor.checks.posts.patterns import required_literals

    assert required_literals(r"(?:hurt|kil+|smash) (?:you|her)") == frozenset({"hurt", "kil", "smash"})
    assert required_literals(r"kil+", repeats=False) is None  # the older reading: "ki" is too short to use
    threat = abusive._THREAT_RE
    texts = _mixed_texts(800, ["i'll", "kill", "killl", "you", "hurt", "him", "gonna", "smash", "your", "face", "go", "die"])
    for text in texts + ["i'll kill you", "gonna killl him", "im going to smash your face"]:
        if not threat._gate_open(text):
            assert not threat._gated.search(text), text  # a closed gate never hides a match
    assert threat.finditer("i'll kill you")


def test_guarded_compile_keeps_the_matches_of_the_plain_pattern() -> None:
    rnd = random.Random(11)
    pattern = r"(?:is|'s|was) (?:\w+ )?killing me|dead (?:tired|beat)|(?<!not )joking|😂|\bdone\.?\s*$"
    guarded, plain = compile_guarded(pattern), re.compile(pattern)
    assert guarded.pattern != plain.pattern  # the look-ahead is really there
    pieces = ["it's killing me", "is ", "was so ", "dead tired", "dead beat", "not joking", "joking", "😂", "done.", " ", "x", "\n"]
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 10)))
        assert [m.span() for m in guarded.finditer(text)] == [m.span() for m in plain.finditer(text)], text
    assert compile_guarded(r"(?i:shout) out").pattern == r"(?i:shout) out"  # a start not simply known: compiled as written
