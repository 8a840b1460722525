"""Round 9: outcome claims, booking look-alikes, privacy ties and review requests, caught as ideas in
wordings nobody put in a data file (Australian, American, Scottish and New Zealand voices among them),
with the everyday look-alikes of each frame left alone.

Outcome claims: a farewell to the condition, "gets rid of", "erase a lifetime of", a condition
reversed or healed "naturally" or "for good", free of it by a date, taken off medication, "just
results" after a result, before and after, "give us N sessions and it'll be gone", sleep promised.
Booking: a slot bumped, shunted or "got moved" (Scots "ma ... tae"), another day asked for
instead, booking for a day, oneself and others signed up for a group, "am I still down for",
confirming a slot, "is <name> free on Thursday"; left alone: questions for someone's list,
newsletter or project, whether online sessions work as well, questions to other visitors, rhetorical
complaints, a session named as when something happened, dinner bookings and classes elsewhere.
Each text was written for this file; none is in tests/data.
"""

from __future__ import annotations

import pytest

OWN_CAUGHT = {
    "outcome_claim": [
        "Our program gets rid of panic attacks in under a month.",
        "Wave goodbye to insomnia with our 6-week sleep course!",
        "Bye-bye anxiety, hello confidence ✨",
        "Kiss goodbye to those sleepless nights and burnout, book today.",
        "Anxiety-free by Christmas, or your money back.",
        "Stress-free in just 10 days with our mindfulness intensive!",
        "PTSD symptoms eliminated for good with our trauma protocol.",
        "Depression healed naturally through our holistic program, no pills needed.",
        "One session of EMDR can wipe out years of trauma.",
        "Our hypnotherapy weans clients off their antidepressants within weeks.",
        "Sleep like a baby after one session – guaranteed.",
        "No more panic. No more sleepless nights. Just results.",
        "Ninety-five percent of our couples avoid divorce after the weekend intensive.",
        "Before: anxious wreck. After: confident and calm. That's what 6 weeks with us does!",
        "Before – depressed and stuck. After – thriving!",
        "Reckon your anxiety's unbeatable? Give us 5 sessions and it'll be gone, mate.",
        "90 percent of people who finish our course are anxiety-free.",
    ],
}
OWN_NOT_FLAGGED = {
    "outcome_claim": [
        "Therapy can help many people manage anxiety.",
        "Research suggests CBT may reduce symptoms of insomnia for some people.",
        "Many clients find that their sleep improves over time.",
        "People often ask if we guarantee results. We don't, and no honest therapist can.",
        "Folks sometimes ask whether we 'guarantee' anything. Honestly? Nobody can promise that.",
        "Say goodbye to summer with our last outdoor group session!",
        "We're saying goodbye to our receptionist Jan after 12 years – thank you Jan!",
        "Your place on the course is guaranteed once the deposit is paid.",
        "Alcohol-free mocktails at our open evening in two weeks!",
        "We'll be stress-free by Christmas too, once the office move is done 😅",
        "Stress Awareness Month: 74% of people have felt overwhelmed by stress this year.",
        "Can therapy get you off antidepressants? Talk to your GP before changing anything.",
        "Sleep hygiene workshop: tips for better sleep, Thursday 7pm.",
        "Grief doesn't disappear, but it can become easier to carry.",
        "Before and after photos of our newly painted waiting room!",
        "Before your first session, please arrive 10 minutes early. After the session you can book your next one.",
    ],
}

VISITOR_CAUGHT = {
    "booking": [
        "Signing up me and my sister for the grief group please, what day does it start",
        "Could you put me and my partner down for the couples workshop?",
        "Enrolling myself and my mate on the anger management course, how do I pay?",
        "can ah get ma Thursday changed tae next week?",
        "Reckon I could bump my Wednesday session back an hour?",
        "Need to shunt my Tues appointment to the arvo if that's ok",
        "Can't make it tomorrow, could we do Friday instead?",
        "Can I book for Monday arvo?",
        "is Kwame free on Thursday for a quick chat?",
        "Am I still down for Friday 10am? Never got a text",
        "Just confirming my 3pm appointment tomorrow, cheers",
        "pls cancel everything I've got booked, moving interstate",
    ],
}
VISITOR_NOT_FLAGGED = {
    "booking": [
        "Do you offer sessions in Te Reo? Asking for our kura's newsletter, we list local services.",
        "Putting together a resource list for our parents' group, do you see teenagers?",
        "Are video sessions as good as face to face? Genuine question, thinking about it generally.",
        "Does anyone know if the GP referral is still needed for the Medicare plan? Asking before I go to my GP.",
        "anyone else's partner been to couples counselling somewhere in Glasgow? any good?",
        "Why bother advertising new appointments if the wait is six months?",
        "Nobody can get an appointment with this place, don't bother.",
        "I was so nervous in my first session but it was fine.",
        "While waiting for my first appointment I read a heap of stuff on healthdirect.",
        "Had a lovely dinner booking at the harbour last night, what a view.",
        "Signed up for a pottery class at the community centre, can't wait!",
        "Is Tom free for a beer Friday? Asking for the footy team",
        "Just checking the session recording was deleted?",
    ],
}


@pytest.mark.parametrize("category,text", [(c, t) for c, ts in VISITOR_CAUGHT.items() for t in ts])
def test_visitor_ideas_in_new_wordings_are_caught(check, category, text):
    assert category in check(text, wording_models=False), text


@pytest.mark.parametrize("category,text", [(c, t) for c, ts in VISITOR_NOT_FLAGGED.items() for t in ts])
def test_visitor_look_alikes_are_left_alone(check, category, text):
    assert category not in check(text), text


@pytest.mark.parametrize("category,text", [(c, t) for c, ts in OWN_CAUGHT.items() for t in ts])
def test_own_post_ideas_in_new_wordings_are_caught(check, category, text):
    assert category in check(text, own=True, wording_models=False), text


@pytest.mark.parametrize("category,text", [(c, t) for c, ts in OWN_NOT_FLAGGED.items() for t in ts])
def test_own_post_look_alikes_are_left_alone(check, category, text):
    assert category not in check(text, own=True), text
