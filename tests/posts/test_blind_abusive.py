"""Abuse is recognised by idea, not by the sentences of the labelled sets (round 5, blind sets).

Every wording here was written for these tests: new phrasings of each idea the blind writers used
(name-calling said of someone, intimidation, wishes of harm, sending others after someone, mocking
people for getting help, obfuscated slurs), and look-alikes that must pass: negative feedback,
insults reported or quoted in a complaint, the writer about themselves, undirected swearing,
threats at someone in the writer's own life (a crisis matter, not abuse of the practice's people).
"""

from __future__ import annotations

import pytest

CAUGHT = {
    "name-calling said of someone": [
        "that counsellor is a lying snake",
        "the receptionist's a miserable old cow",
        "Sarah from reception is a total disgrace",
        "your therapist is a nasty piece of work",
        "Mark Hughes is a disgrace to his profession",
        "shes a liar and everyone knows it",
        "Your receptionist Jade is a two-faced cow",
        "Dr Patel is a quack and a con artist",
        "that woman at the front desk is an ignorant pig",
    ],
    "name-calling said to someone": [
        "you're a complete and utter waste of space",
        "are you thick or something",
        "ur so unhinged it's scary",
        "stop replying you tool",
        "what a sad little man you are",
        "u r actually the dumbest person on this page",
        "you people are absolute filth",
        "@jenny_k you're a vile little troll",
        "what an ugly cow",
        "you absolute melt",
    ],
    "intimidation": [
        "I know what time you leave the clinic every night",
        "we know where the receptionist lives",
        "keep it up and you'll find out what happens",
        "keep ignoring my messages and see what happens",
        "would be a real shame if your lovely clinic had an accident",
        "you'd better watch out",
        "I'd love to see someone wipe that smug grin off your face",
        "someone oughta teach that therapist a lesson",
        "I'll break your legs",
        "u need ur head kicking in",
    ],
    "wishes of harm": [
        "hope you get hit by a bus",
        "that receptionist deserves a punch in the face",
        "he needs a good slap",
        "nobody would miss u if you vanished",
        "do us all a favour and disappear",
        "hope karma gets you and you lose everything",
        "go and die",
    ],
    "sending others after someone": [
        "Dr Shah's home address is 12 Oak Road if anyone fancies popping round to let her know what they think",
        "her number is 07700 900123, give her a ring and tell her what you think",
        "everyone go report her page",
    ],
    "obfuscated and emoji insults": [
        "you f**king muppet",
        "fvck you",
        "u r a d1ckhead",
        "you absolute w@nker",
        "p1ss off",
        "sh!t therapist",
        "ur a 🤡",
        "she's such a 🐍",
        "eff off",
        "k1ll urself",
        "i kn0w where u live",
    ],
    "mocking someone for getting help": [
        "lol imagine being a grown woman whining to a therapist about your feelings 😂",
    ],
}

PASS = {
    "negative feedback": [
        "The service is an absolute joke",
        "your stupid cancellation policy is a rip off",
        "Booking is a joke, three weeks for a callback",
        "this website is a piece of garbage on mobile",
        "What a tool this breathing app is!",
        "an arrogant man answered the phone and hung up on me",
        "the receptionist was rude and useless",
        "Your prices are a disgrace and your admin staff are clueless",
        "the staff are lovely but the system is trash",
        "The car park is a disgrace",
    ],
    "reported, quoted or about the writer": [
        "my ex used to call me a fat cow every day",
        "she told me I was a waste of space and I believed her for years",
        "I felt like a total fraud at work today, imposter syndrome is real",
        'someone replied "you\'re a joke" to my post and I cried',
        "we're all idiots sometimes, be kind to yourself",
        "Don't listen to people who call you worthless",
        '"you\'re useless" is what my inner critic says',
        "Stop calling people psychos, it's harmful",
        "He's a liar, my dad, and I'm learning to live with that",
        "imagine crying to your therapist and feeling better, that's me lol",
    ],
    "undirected swearing and idioms": [
        "my whole month has been a pile of shite tbh",
        "holy shit, man, therapy actually works",
        "would be a shame if you missed our open day",
        "you'll be sorry you missed this talk, it was brilliant",
        "my mum deserves a medal for putting up with me",
        "do us all a favour and share this post",
        "go and die of laughter at our comedy night lol",
        "he is as gay as they come and so happy",
        "the lunatic asylum history talk was fascinating",
        "The manager is a fraud investigator by trade",
        "it's a pig to park round there",
        "you're mental health matters",
    ],
    "kind words": [
        "what a kind woman you are",
        "Priya is an absolute star",
        "my therapist is a saint",
    ],
    "harm to someone in the writer's own life (crisis, not abuse)": [
        "if my brother-in-law lays a finger on my sister again I'm going to batter him",
        "I'm going to hurt him. I know which pub he goes to on a Saturday",
    ],
    "pointing people to the feedback form": [
        "if anyone wants to tell her what they think, the feedback form is on the website",
    ],
}


@pytest.mark.parametrize("idea,text", [(i, t) for i, ts in CAUGHT.items() for t in ts])
def test_new_wordings_of_abuse_are_caught(check, idea, text):
    assert "abusive" in check(text), (idea, text)


@pytest.mark.parametrize("idea,text", [(i, t) for i, ts in PASS.items() for t in ts])
def test_look_alikes_are_not_abuse(check, idea, text):
    assert "abusive" not in check(text), (idea, text)


def test_only_the_abusive_part_of_a_critical_post_is_evidence(check):
    text = "Waited six weeks for a callback, which is poor. And Dr Lowe is a smug lying cow."
    f = check(text)["abusive"]
    assert all("callback" not in e.text and "six weeks" not in e.text for e in f.evidence)
    assert any("cow" in e.text for e in f.evidence)


def test_a_threat_at_a_named_professional_is_abuse_but_at_the_writers_ex_is_not(check):
    assert "abusive" in check("If I see Dr Lowe in town I'm going to smash his face in")
    assert "abusive" not in check("If my ex turns up at the school again I'm going to smash his face in")
