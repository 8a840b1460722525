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
Privacy: time, a slot or a regular hour with a named practitioner ("four months with Ingrid for my
drinking", "Ben's Wednesday evening slot"), "she's been my therapist since", "I first came to you
after my miscarriage", a breach told in public, "I'm a client of Tamsin's", someone else in care here
("is a patient here", "is being treated by", "goes here for her panic attacks", "you were getting
counselling here for your gambling"), seen in someone's waiting room, a client's story in the
practice's own post; left alone: an appointment asked for with a practitioner, time lost from a
session, therapy told to a relative, one's own condition in a sales pitch, a diagnosis named without
care, a relative who is a clinician, a school counsellor, advice to go elsewhere, staff returning.
Review solicitation: an experience or a practitioner rated on a review site, what the reader's
stars or reviews do for the practice, a "shout-out" with a review; not thanks for reviews already left.
Endorsements: a named business as "our partner", a cut for the practice ("gives 10% back to us", "a
little goes back to the practice"), buying through the practice's link, "our mates at X" with a free
tasting; not a partner charity or council, partners and families, the practice's own free consultation.
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
OWN_CAUGHT["review_solicitation"] = [
    "Had a good run with us? Rating your time with Kwame on Google helps more people find us.",
    "Your Google reviews honestly mean the world to a little practice like ours 🙏",
    "Chuffed with your counselling? Score your counsellor on Trustpilot, cheers.",
    "Loved the workshop? Give us a shout-out with a quick review on Facebook!",
]
OWN_CAUGHT["endorsement"] = [
    "Stressed about money? Our partner Ledger Lane Advisors can help – mention us for a free consult.",
    "Our mates at Kauri Kombucha are running a free tasting this Saturday, just say Saltmarsh sent you!",
    "Grab the book through our Booktopia link and a little goes back to the practice.",
    "These lavender eye masks are at reception, $20 – the maker gives 10% back to us.",
    "Shop via our affiliate link in bio and we earn a small commission.",
]
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
        "Put my mum and me down for the bereavement group please, when's the first one?",
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
        # cover, billing and hours in American, Australian, New Zealand and Irish words
        "Are you in-network with Blue Cross?",
        "Do you bulk bill?",
        "Is it covered by ACC?",
        "Can you tell me if it's covered by the VHI?",
        "Could I get booked in with Ingrid sometime next week?",
        "I'll be 10 mins late today sorry, bus is running behind",
        "Do you have anything after 5 on weekdays?",
        "Do you do after-hours?",
    ],
}
VISITOR_CAUGHT["privacy"] = [
    "Been with Kwame for eight months for my panic attacks and I can finally catch the bus again",
    "Four months with Ingrid for my drinking, sober since Anzac Day",
    "my 4pm with Jonah today was rough, we got into the stuff about my dad",
    "Ben's Wednesday evening slot is honestly keeping me going with the depression",
    "She's been my therapist since my divorce and I owe her heaps",
    "I've been seeing her every week since my overdose last year",
    "I first came to you after my miscarriage and you were all so kind",
    "Started coming here for my gambling back in March, 90 days clean",
    "The receptionist told my mum I'd been in for a session. So much for confidentiality eh",
    "I'm a client of Tamsin's since winter for the trauma stuff",
    "My hubby Dean is a patient here with Dr Whitlock for his PTSD from the army",
    "Our son Nikau (9) is seeing Kwame for his anxiety, best thing we've done",
    "Thanks heaps to the team for supporting our Mia through her eating disorder this year",
    "My brother-in-law Craig is being treated by Dr Moreno for depression, does insurance cover it?",
    "Aunty Rewa's in counselling here for her grief, she says it helps",
    "that lass from the chippy goes here for her panic attacks, saw her mum drop her off",
    "Saw Shona from my work in Dr Whitlock's waiting room on Tuesday, hope she's doing ok",
    "Jamie Ross was sitting in the waiting room with his mum Monday, hope everything's alright",
    "bro you told me you were getting counselling here for your gambling, good on ya",
    "Callum's one of his clients and he's stopped answering his phone, please check on him",
    "Tamsin saw me after my sister died and I'm so grateful",
    "Is it normal that Ingrid asked about my childhood in our very first session?",
]
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
        "Is the NDIS ever going to sort itself out? Politicians are useless.",
        "Can anyone tell me if grief counselling is covered by Southern Cross? My mum's just started here.",
        "My accountant says the ACC levy went up again, typical.",
        "Got my tax rebate today, treating myself to a massage.",
        "whats the easiest way to sort out my life insurance before the move?",
    ],
}

VISITOR_NOT_FLAGGED["privacy"] = [
    "Hi, is there any chance of a session with Kwame next Tuesday arvo?",
    "I'd like to book an appointment with Dr Moreno for Friday please",
    "Missed half my session because of the parking, lost twenty minutes of time from my session",
    "When I told my sister I was going to therapy she laughed at me. That's why people don't get help.",
    "I sell essential oils and they helped my anxiety more than counselling ever did, DM me",
    "Been thinking a lot since Mum's diagnosis about what matters. Anyone else?",
    "My cousin does counselling in Dunedin and sorted her own panic attacks, she's great",
    "My kid's school counsellor was amazing when she had exam stress",
    "Just go to Dr Fraser in Partick instead, he's brilliant and cheaper",
    "Been with my partner for ten years and he's been amazing through my depression",
    "The waiting room was freezing on Tuesday, can you put the heating on?",
    "Thanks Tom for the great talk on anxiety at the library!",
    "My dad never talked about his depression, and I wish he had.",
    "There was a spider in the waiting room lol",
]
OWN_NOT_FLAGGED["review_solicitation"] = [
    "Your feedback in the anonymous survey helps us improve our waiting times.",
    "We rated our year: 10/10 for the team's resilience!",
    "Your stars this week: the kids' art group made amazing paintings ⭐",
    "Your wellbeing means the world to us.",
    "Thank you for all your reviews this week, they mean a lot to the whole team 💙",
]
OWN_NOT_FLAGGED["endorsement"] = [
    "Our partner organisation, the local council, runs free parenting classes.",
    "Partners and families are welcome at our open evening on Friday.",
    "Our partner charity Mind has a free helpline for anyone struggling.",
    "Our free initial consultation is back for March – book via the website.",
    "Dr Whitlock and her partner ran the Brisbane marathon for the hospice!",
    "Pay by bank transfer to our partner account only after you get an invoice by email.",
]
OWN_CAUGHT["privacy"] = [
    "Welcome back to Aroha T., who's returning to us for support with her anxiety!",
    "Huge shout-out to Mike R. who came to us after his breakdown and just ran his first marathon",
    "Meg (one of our clients) says Kwame cured her insomnia in a month!",
    "Congrats to Jess, who finished her treatment for bulimia with us this week",
]
OWN_NOT_FLAGGED["privacy"] = [
    "Welcome back to our receptionist Jan, returning to us after her maternity leave!",
    "Our clients report zero panic after completing his course.",
    "Ingrid is back with us after her sabbatical in Norway.",
    "Meet Kwame, who came to us from a hospital team with his wealth of CBT experience.",
]


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
