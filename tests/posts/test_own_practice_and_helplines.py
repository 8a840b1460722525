"""A commenter sending readers to the page's own practice or practitioners is not advertising, and a
helpline's number (written any way: "1-800-...", "13 11 14", "0800 ...") is help, not someone's
private contact details. The practice here is invented for these tests; its names come from the
configuration, as on a real install."""

from __future__ import annotations

import pytest

from monitor.checks.posts import check_text
from monitor.checks.posts.names import PracticeNames
from monitor.config.model import AlertsConfig, PostsConfig

BRAMBLEGATE = PracticeNames.of("Bramblegate Counselling", [["Dr Imogen Tate"], ["Felix Amadi"], ["Bramblegate Counselling", "@bramblegatecounselling"]])


def categories(text: str, names: PracticeNames | None = BRAMBLEGATE) -> set[str]:
    return {f.category for f in check_text(text, False, PostsConfig(), AlertsConfig(), names=names)}


@pytest.mark.parametrize("text", [
    "If anyone's on the fence, try Bramblegate Counselling, they have openings this month",
    "look up Felix Amadi, he's brilliant, tell him I sent you",
    "Imogen Tate is so kind, mention my name when you ring",
    "went to Bramblegate Counselling instead of the big city clinic and never looked back",
    "Felix's groups are great, tell him I sent you x",
])
def test_sending_readers_to_the_practice_itself_is_not_advertising(text):
    assert "promotional" not in categories(text)


@pytest.mark.parametrize("text", [
    "If anyone's on the fence, try Meadowlark Hypnosis, they have openings this month",
    "look up Sarah Quill, she's brilliant, tell her I sent you",
    # the practice named, then the writer's own offer
    "Bramblegate is great but if you want faster results DM me",
    "Felix Amadi helped me loads. message me for my reiki prices",
])
def test_sending_readers_to_someone_else_still_is(text):
    assert "promotional" in categories(text)


def test_without_the_configured_names_the_practice_reads_as_another_business():
    """The exception comes from the configuration, not from the words: with no names configured,
    the same comment is a recommendation of some other practice."""
    text = "If anyone's on the fence, try Bramblegate Counselling, they have openings this month"
    assert "promotional" in categories(text, names=None)


@pytest.mark.parametrize("text", [
    "If you need someone to talk to tonight, Kids Help Phone is 1-800-668-6868",
    "ring Lifeline on 13 11 14, they were good to me",
    "please call 1737 or Lifeline 0800 543 354 if it gets too much",
    "the crisis line is 1-888-555-0199 and it's open all night",
])
def test_helpline_numbers_are_not_private_contact_details(text):
    assert "privacy" not in categories(text)


@pytest.mark.parametrize("text", [
    "this is my ex's mobile 07700 900123, tell her what you think of her",
    "Dave from the gym is the one who said it, his home number is (503) 555-0182",
])
def test_someones_own_number_still_is(text):
    assert "privacy" in categories(text)
