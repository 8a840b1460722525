"""Round 4: coded crisis language (slang, leaving and sleeping metaphors, finality and arrangements,
renounced plans, goodbyes followed by silence, threats to someone else) is caught in wordings nobody
put in a data file, and the everyday look-alikes of each frame are left alone; own posts asking for
money through a private channel, and outcome claims in new shapes, are caught.

None of these texts is in tests/data: each was written for this file after fresh3 was frozen.
"""

from __future__ import annotations

import pytest

CAUGHT = [
    # coded words
    "might just ctb this weekend tbh",
    "honestly thinking of self deleting, nobody would care",
    "sewer slide thoughts are loud today",
    "don't wanna wake up tomorrow tbh",
    "I don't deserve to exist",
    # leaving metaphors, finality and arrangements
    "Ready to get off this ride. Tonight.",
    "I've put my affairs in order. Thanks for everything you've done",
    "changed my will and cancelled my direct debits. everything is in order now",
    # research, voices, a third person
    "I googled how to do it without pain",
    "voices keep telling me my neighbour has to be stopped",
    "He said he'll hurt himself if I don't pick up",
    "Grandad keeps telling us he's ready to go and join his wife",
    "my brother posted goodbye texts to the group chat and now his phone's off",
    # renounced plans with nothing ordinary behind them
    "You can cancel my remaining sessions. I won't need them after Friday.",
]

NOT_FLAGGED = [
    "Checking out early from the conference, see you all Monday",
    "I've overdosed on true crime podcasts this month",
    "Giving away my old books to the school library if anyone wants them",
    "Last post of the season from our running club!",
    "Won't need my session next week as I'm away with work, could we move it?",
    "Sorted out my affairs before the move, what a relief",
    "This film made me want to die laughing 😂",
    "Said goodbye to the team at my leaving do, going to miss them",
]

OWN_CAUGHT = {
    "payment_request": [
        "Session fees can now be sent to our Revolut, tag in bio",
        "Please pay your balance with Google Pay to the number on our page",
        "Pay your outstanding invoice by messaging us on WhatsApp for the details",
        "We accept USDC for international sessions",
        "Settle your deposit with Xbox gift codes",
    ],
    "outcome_claim": [
        "Our sleep course cures insomnia for every client",
        "Every child who joins our group leaves calmer",
        "The only approach that truly works for trauma: ours.",
        "Panic attacks ended permanently for our clients",
    ],
}

OWN_NOT_FLAGGED = {
    "payment_request": [
        "We will never message you asking for payment or card details.",
        "Fees are listed on our website; please pay at reception.",
    ],
    "outcome_claim": [
        "Every client is different, so we tailor each plan",
        "We can't promise a cure, but we'll walk alongside you",
        "Research suggests CBT can reduce panic for many people",
    ],
}


@pytest.mark.parametrize("text", CAUGHT)
def test_coded_crisis_language_is_caught(check, text):
    assert "crisis" in check(text), text


@pytest.mark.parametrize("text", NOT_FLAGGED)
def test_everyday_look_alikes_are_not_crisis(check, text):
    assert "crisis" not in check(text), text


@pytest.mark.parametrize("category,text", [(c, t) for c, ts in OWN_CAUGHT.items() for t in ts])
def test_own_posts_new_shapes_are_caught(check, category, text):
    assert category in check(text, own=True), text


@pytest.mark.parametrize("category,text", [(c, t) for c, ts in OWN_NOT_FLAGGED.items() for t in ts])
def test_own_look_alikes_are_left_alone(check, category, text):
    assert category not in check(text, own=True), text


import pytest as _pytest


@_pytest.mark.parametrize("text", [
    "I waited 40 minutes and nobody apologised. Really disappointing, I won't be coming back.",
    "Rude receptionist, overpriced sessions. Won't be coming back.",
    "Two cancelled appointments in a row. We will not be coming back to this practice.",
])
def test_leaving_the_practice_in_a_review_is_not_a_crisis(text):
    from monitor.checks.posts import check_text
    from monitor.config.model import AlertsConfig, PostsConfig

    cats = {f.category for f in check_text(text, False, PostsConfig(), AlertsConfig())}
    assert "crisis" not in cats


def test_leaving_for_good_without_a_service_context_is_still_a_crisis():
    from monitor.checks.posts import check_text
    from monitor.config.model import AlertsConfig, PostsConfig

    found = check_text("Going to the cliffs tomorrow. won't be coming back", False, PostsConfig(), AlertsConfig())
    assert "crisis" in {f.category for f in found}


@_pytest.mark.parametrize("text", [
    "Been cutting again. Nobody knows.",
    "cuts keep getting deeper and I can't stop",
    "the car is running in the garage and I'm sitting in it",
    "hob's on, no flame, and I'm lying on the kitchen floor",
    "my brother locked himself in his room with a knife, he won't answer",
    "said goodbye to my cat tonight, she'll be better looked after without me",
    "I wrote a letter to my parents and left it on the table",
])
def test_danger_happening_now_is_a_crisis(text):
    from monitor.checks.posts import check_text
    from monitor.config.model import AlertsConfig, PostsConfig

    assert "crisis" in {f.category for f in check_text(text, False, PostsConfig(), AlertsConfig())}


@_pytest.mark.parametrize("text", [
    "We're cutting back our opening hours over Christmas",
    "I keep cutting my sessions short because of work, is that ok?",
    "The oven is on and I'm baking for the bake sale, anyone want to come?",
    "the car's running outside, I'm sitting in it waiting for my daughter",
    "said our goodbyes to summer with a lovely walk",
    "left a note for my mum about picking up the kids",
])
def test_everyday_look_alikes_of_danger_are_not_a_crisis(text):
    from monitor.checks.posts import check_text
    from monitor.config.model import AlertsConfig, PostsConfig

    assert "crisis" not in {f.category for f in check_text(text, False, PostsConfig(), AlertsConfig())}


@_pytest.mark.parametrize("text", [
    "been reading up on how much of my medication would be too much",
    "this weekend I'll make sure I never wake up to this again",
    "so tired of fighting. ready to let go now",
    "my daughter says she wishes she was never born, I don't know what to do",
    "he threatened to kill me if I tell anyone",
    "don't know how long I can hold on like this",
])
def test_more_risk_frames_are_a_crisis(text):
    from monitor.checks.posts import check_text
    from monitor.config.model import AlertsConfig, PostsConfig

    assert "crisis" in {f.category for f in check_text(text, False, PostsConfig(), AlertsConfig())}


@_pytest.mark.parametrize("text", [
    "my tomato plants are dying in this heat, help!",
    "my dad will kill me if I forget his birthday again",
    "we had to let go of three volunteers this year, sadly",
    "time to let go of the clutter! spring clean done",
])
def test_more_everyday_look_alikes_are_not_a_crisis(text):
    from monitor.checks.posts import check_text
    from monitor.config.model import AlertsConfig, PostsConfig

    assert "crisis" not in {f.category for f in check_text(text, False, PostsConfig(), AlertsConfig())}


@_pytest.mark.parametrize("text", [
    "not taking my tablets anymore, keeping them all for when I need them",
    "lately I think of not waking up a lot",
    "honestly I'd much rather be dead than feel this",
    "my family will be happier without me",
])
def test_quiet_wishes_and_stockpiling_are_a_crisis(text):
    from monitor.checks.posts import check_text
    from monitor.config.model import AlertsConfig, PostsConfig

    assert "crisis" in {f.category for f in check_text(text, False, PostsConfig(), AlertsConfig())}
