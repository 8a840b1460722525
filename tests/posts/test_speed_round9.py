"""Speed-ups of round 9, each against the plain form it replaces: the same matches, the same scores."""

from __future__ import annotations

import random
import re

import numpy as np

from monitor.checks.posts import learned
from monitor.checks.posts.normalise import Normalised, collapse_doubled
from monitor.checks.posts.patterns import _in_order_by_first_character, _spread_leading_groups, compile_guarded

# Alternatives that share first letters, open with groups (optional, lazy, quantified) or look-arounds,
# and overlap at one place, so that trying them in another order would find other spans.
_PATTERN = (
    r"(?:is|are|'s) (?:\w+ )?killing me|killed it|kill(?:ing)? it|(?:the )?death of (?:me|her)|dead (?:tired|beat)|deadline"
    r"|(?:a|an)?(?:n )?ice (?:cold|age)|(?:ab)+c|(?:kil)??l it|(?<!not )joking|\bdone\b|d(?:ea)?d|de"
)
_PIECES = ["it's killing me", "is ", "are so ", "killed it", "killing it", "kill it", "the death of me", "death of her", "dead tired",
           "deadline", "ice cold", "an ice age", "nice age", "ababc", "l it", "not joking", "joking", "done", "ded", "dead", " ", "x", "'s"]


def _random_texts(pieces: list[str], n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12))) for _ in range(n)]


def test_alternatives_factored_by_first_character_find_the_spans_of_the_plain_alternation() -> None:
    factored, plain = re.compile(_in_order_by_first_character(_PATTERN, 0)), re.compile(_PATTERN)
    assert factored.pattern != plain.pattern
    for text in _random_texts(_PIECES, 5000, 7):
        assert [m.span() for m in factored.finditer(text)] == [m.span() for m in plain.finditer(text)], text


def test_the_guarded_compile_factors_and_keeps_the_matches_of_the_plain_pattern(eval_rows) -> None:
    guarded, plain = compile_guarded(_PATTERN), re.compile(_PATTERN)
    texts = [Normalised.of(r["text"]).folded for r in eval_rows("posts_blind1.jsonl")] + _random_texts(_PIECES, 3000, 8)
    for text in texts:
        assert [m.span() for m in guarded.finditer(text)] == [m.span() for m in plain.finditer(text)], text


def test_leading_groups_are_spread_in_the_order_the_engine_tries_them() -> None:
    assert _spread_leading_groups("(?:is|are) x", 100) == ["is x", "are x"]
    assert _spread_leading_groups("(?:the |a )?cat", 100) == ["the cat", "a cat", "cat"]  # greedy: the group first
    assert _spread_leading_groups("(?:a|b)??c", 100) == ["(?:a|b)??c"]  # lazy: left as written
    assert _spread_leading_groups("(?:ab)+c", 100) == ["(?:ab)+c"]
    assert _in_order_by_first_character("(a)b|ac", 1) == "(a)b|ac"  # a capturing group is never copied


def test_doubled_letters_collapse_as_the_unicode_class_reads_them() -> None:
    plain = re.compile(r"([^\W\d_])\1+")
    pieces = ["a", "aa", "sooo", "Zz", "ZZ", "11", "__", "é", "éé", "ßß", "😀😀", " ", "x", "ll", "'", "ǅǅ"]
    for text in _random_texts(pieces, 5000, 9):
        assert collapse_doubled(text) == plain.sub(lambda m: m.group(1), text), text


def test_word_pairs_found_through_the_word_cache_score_as_every_feature_read_afresh(eval_rows) -> None:
    """Pairs and words one apart are looked up by word (the cache keeps each word's followers);
    the scores and the evidence must be those of reading every feature name of the text."""
    for group, own in (("public", False), ("own", True)):
        model = learned.models()[group]
        texts = [Normalised.of(r["text"]).folded for r in eval_rows("posts_blind1.jsonl") if bool(r.get("own")) == own][:150]
        for folded in texts:
            names = sorted({model.index[f] for f in learned.feature_names(folded, model.spec) if f in model.index})
            got = model.scores(folded)
            assert (got is None) == (not names)
            if got is not None:
                assert np.allclose(got, model.weights[names].sum(axis=0) + model.bias), folded
            afresh = sorted((model.index[f], s, e) for f, s, e in learned.features(folded, model.spec) if f in model.index)
            assert sorted(model._weighed(folded, None)) == afresh, folded
