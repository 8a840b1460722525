"""Round 5 (independent blind sets): crisis ideas caught in wordings nobody put in a data file, and
their everyday look-alikes left alone.

Ideas: harm to others said as intent (a weapon brought or kept at hand, a named person threatened, a
third person heard threatening someone); a third person at risk (shut in, silent, a message for
family); a high place or a means with the writer at it; pills by count, misspelt; a note written or
left; debts squared and keepsakes given; euphemisms of ending; gallows humour said in earnest.
Look-alikes: playful threats about chores and food, goodbyes to objects and jobs, grief for someone
who died, a child or client doing better, idioms, medicine routines, fiction, charity swims.

None of these texts is in tests/data: each was written for this file.
"""

from __future__ import annotations

import pytest

CAUGHT = [
    # harm to others, as intent
    "swear down if he says one more word to me tomorrow I'm taking my brother's knife to work",
    "im gonna batter my stepdad when he gets in tonight, got a hammer under my bed",
    "next time that woman from the council comes round I'll be waiting for her with a bat",
    "my neighbour keeps shouting that he's gonna strangle his wife, I can hear her crying",
    "he's got a machete in his van and says he'll deal with the lads who jumped his son",
    "if she takes the kids off me I will run her down in the car park, I mean it",
    # a third person at risk
    "my dad's locked himself in the garage and he's not answering, the car engine's been on for ages",
    "my girlfriend texted 'tell my mum I'm sorry' and now her phone goes straight to voicemail",
    "flatmate left a note on the table saying don't come looking for me. not picking up",
    "my grandma has stopped taking her tablets on purpose so she can go and be with grandad",
    # a place or means with the writer at it
    "sat on the edge of the multi storey car park again. closer to the edge each night",
    "stood at the end of the jetty for an hour last night. going back tonight",
    "been up on the roof of my building since midnight. not sure I'm coming down the normal way",
    "bought a pipe for the exhaust from the garden centre. not for the garden",
    "tuk like 25 of me mums pils an now i feel sick",
    "swallowed 30 of them about twenty minutes ago. scared",
    # note, debts, keepsakes
    "finished my note last night. it's under my pillow",
    "paid back everyone i owe this week, left my sister the car keys. feels tidy now",
    "gave my xbox and all my games to my cousin so he has something to remember me by",
    # euphemisms and gallows humour in earnest
    "thinking of packing it all in. not the job, life",
    "its all over for me after this weekend. sorry everyone",
    "lol planning my exit this weekend, don't worry about it",
    "im not ok. standing on the overpass above the motorway",
]

NOT_FLAGGED = [
    # playful threats and exaggeration
    "I'm going to kill my husband if he leaves his socks on the stairs one more time 😂",
    "gonna murder my sister, she ate my last slice of pizza 😤",
    "this weather makes me want to jump off a bridge honestly",
    "I know where you live, watch out for my Christmas card 😂",
    # goodbyes to objects and jobs, grief, recovery
    "Said goodbye to our old caravan today, so many memories",
    "Lost my brother to suicide in 2018. Thinking of everyone who's missing someone this Christmas.",
    "When my son was 14 he self-harmed for a while. He's 20 now and doing brilliantly, thank you all",
    "My daughter has been seeing Dr Patel for her self-harm and she's so much better now",
    # idioms, routines, fiction, charity
    "my stress levels are through the roof this week",
    "we finally tied the knot! best day of our lives",
    "set a reminder on mum's phone to take her tablets, they're all in her pill organiser",
    "writing a short story where the main character has suicidal thoughts, any advice on doing it sensitively?",
    "jumping off the pier for the sponsored new year swim, who's in?",
    "my tomato plants are dying again, what am I doing wrong",
    "drafting my goodbye message to the team, last day Friday!",
]


@pytest.mark.parametrize("text", CAUGHT)
def test_new_wordings_of_round5_crisis_ideas_are_caught(check, text):
    assert "crisis" in check(text), text


@pytest.mark.parametrize("text", NOT_FLAGGED)
def test_round5_look_alikes_are_not_crisis(check, text):
    assert "crisis" not in check(text), text
