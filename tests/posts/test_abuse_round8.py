"""Round 8: abuse ideas the rules missed, in wordings written for this file (none is in tests/data):
stalking said in two halves, campaigns against a person, harm wished on someone named, ridicule of
looks and mind, sexual harassment, hatred of a group, insults of a whole group or of a plain person,
and more insult words. Each idea has look-alikes that must stay unflagged: banter between friends,
the writer naming themselves, quoted or attributed words, threats in play, harsh but fair feedback.
"""

from __future__ import annotations

import pytest

CAUGHT = [
    # stalking in two halves, and campaigns against the target
    "I know your husband's car, Priya. Be careful driving home",
    "ill be waiting by the clinic door when she clocks off. she'll regret laughing at me",
    "got your mum's address now Tom. small world",
    "we're coming for you Reilly, every one of us",
    "once I'm finished with her, Dr Okafor will never work in therapy again",
    "gonna make the lot of you pay for what you did",
    "I'll make it my mission to see Dr Okafor ruined",
    "anyone who fancies it, tell her what you think, she lives on Elm Road",
    # harm wished on someone named, filth at the door, curses
    "honestly hope that Priya gets run over on her way in",
    "going to leave dog muck on Tom's doorstep tonight",
    "may god curse u and ur whole family",
    "you can all go to hell",
    # ridicule of looks and mind
    "that receptionist looks like a deflated goblin",
    "Tom has the brain cells of a teaspoon",
    "your counsellor has a face like a slapped bum",
    "ive met brighter rocks than your front desk girl",
    "yous are ugly af",
    # sexual harassment
    "Priya could analyse me any time if you know what I mean 😏",
    "the new counsellor has a nice bum tbh",
    # hatred of a group
    "filthy foreigners running this clinic",
    "Okafor's a diversity hire, everyone knows it",
    "send her back where she belongs, back to her own country",
    # insults of a whole group or a plain person, and new words
    "sh*te therapists, the lot of you",
    "Dr Okafor is a smug, spiteful woman",
    "Spiteful little man.",
    "you gormless dingbat",
    "oi Tom you absolute weapon, learn to read an email",
]

NOT_FLAGGED = [
    # banter between friends, the writer naming themselves
    "@katie_p haha you numpty, it's Thursday not Friday 😂 see you there x",
    "@dan_r shut up you wally, you loved it ❤️",
    "Absolute plonker me, left my scarf on the chair in room 2",
    "I was a proper miserable git before therapy, my kids say I'm a delight now 😂",
    "I'm stood at the bus stop like a lemon again",
    # quoted, attributed or explained
    '"I\'ll end you" - my little brother when I beat him at Mario Kart',
    'Our kids say "you\'re dead to me" about once a day. Teenagers!',
    # threats in play, and harm in the writer's own life (crisis, not abuse)
    "watch out Priya, I'm coming for you at the charity quiz 😂",
    "my landlord deserves a slap, honestly",
    # harsh but fair feedback and ordinary talk
    "The receptionist was rude and the billing was a mess. Very disappointing.",
    "Your new logo looks like a bank, not a counselling service",
    "This week can go to hell, roll on the weekend",
    "The waiting room smells of curry from the takeaway next door, could you open a window?",
    "Do any of your therapists wear a hijab? I'd feel more comfortable",
    "I know your car park is small, is there anywhere else to park?",
    "Can I book a private session rather than a group one?",
    "He's a typical teenager, won't talk to us about anything",
]


@pytest.mark.parametrize("text", CAUGHT)
def test_abuse_is_caught(check, text):
    assert "abusive" in check(text, wording_models=False), text


@pytest.mark.parametrize("text", NOT_FLAGGED)
def test_look_alikes_are_not_abuse(check, text):
    assert "abusive" not in check(text, wording_models=False), text
