"""The rules work by frames (intent, means, farewell; a scheduling word in a question; a review
platform with a request...), so phrasings nobody wrote into the evaluation sets are caught too.

None of these texts is in tests/data; each was written for this file.
"""

from __future__ import annotations

import pytest

CASES = {
    "crisis": [
        "i've been putting aside my prescription tablets for weeks, nearly enough now",
        "how much insulin would it take, genuinely asking",
        "Swallowed a whole box of my sleeping pills before bed, sorry for being dramatic",
        "Please look after the dog for me when it's over. I've made my decision.",
        "the kids would be happier if I was gone",
        "There's no point in trying any more, nothing will change",
        "I won't be a burden to anyone for much longer",
        "goodbye to all of you who tried. i mean it this time",
    ],
    "booking": [
        "have you got anything free on Thursday evening for a first appointment?",
        "could we push my 11am back to the afternoon please",
        "Is there a wait list for couples work at the moment?",
        "do you guys see under 16s? and what would the cost be",
        "can you let Dr Patel know I'm running about 10 mins late",
        "hi, how do I sign up for the autumn mindfulness course?",
    ],
    "review_solicitation": [
        "A kind word on Trustpilot goes a long way for a little clinic like ours 💛",
        "If our team supported you this year, please rate us on Google!",
        "Tell your friends what therapy with us did for you and tag us!",
        "Could you record a short video about your experience of counselling with us? We'd love to share it.",
        "Leave us a quick Yelp review and we'll enter you in our monthly draw",
    ],
    "outcome_claim": [
        "Our programme will get rid of your anxiety for good.",
        "Clinically proven to end insomnia, book today.",
        "You'll never have a panic attack again after our 4-week course.",
        "We beat depression where medication fails — every single time.",
    ],
    "endorsement": [
        "We can't recommend the StillMind app enough — grab it with our affiliate link!",
        "Our therapists all swear by the Hushly sleep mask range 😴 use our referral code at checkout",
        "The new SoftCalm lavender spray is stocked at Boots — our team loves it!",
    ],
    "payment_request": [
        "Please settle your balance via Venmo this week, the card reader is broken",
        "Reply below with your phone number and date of birth to confirm your place",
        "Message us a photo of your passport so we can verify your booking",
        "Transfer this month's fees to our new account, details in the comments",
    ],
    "privacy": [
        "My son Jake has been seeing Dr Lee for his OCD, is there a parents' support group?",
        "I've been seeing Anna fortnightly for my panic disorder and it's helping so much",
        "she's in my Thursday group and her eating disorder is really bad atm",
    ],
    "promotional": [
        "DM me 'GROW' for the details 💸 link on my page",
        "insta: @calm.with.kat for daily tips and my paid programme",
        "hmu if you want cheap meds, no prescription needed",
    ],
    "abusive": [
        "hope somebody keys your car you useless lot",
        "wait till someone smashes your office windows, frauds",
    ],
}
OWN = {"review_solicitation", "outcome_claim", "endorsement", "payment_request"}

NOT = {
    "crisis": [
        "Our fundraiser for suicide prevention raised £2,000 — thank you all!",
        "Ask if they're thinking about suicide: it doesn't plant the idea.",
        "End it all? Nope - end the silence around men's mental health 💪",
        "this queue is killing me lol",
        "My phone's about to die, will reply later",
    ],
    "booking": [
        "The waiting list at my GP is ridiculous, glad I found you",
        "They rescheduled me three times and never apologised. Poor.",
        "Thursdays are my favourite day for a walk by the harbour",
    ],
    "abusive": [
        "Some guy in reception kept calling people 'psychos' and nobody stepped in. Not acceptable.",
        "Honestly the worst admin I've dealt with. Rude and useless service.",
    ],
    "promotional": [
        "Great article on sleep from the NHS: https://www.nhs.uk/live-well/sleep-and-tiredness/",
        "anyone who thinks therapy is for the weak needs to grow up",
    ],
}
OWN_NOT = {
    "payment_request": [
        "Sorry to hear that, Jo. Please send us a private message with your contact details and we'll call you.",
        "We never take payment over social media. Pay only through the client portal.",
    ],
    "endorsement": ["10% off your first session this month for students — just mention this post."],
    "outcome_claim": ["We're proud of Sam, who has been free of panic attacks since finishing therapy (shared with consent)."],
    "review_solicitation": ["Which topics should we cover next? Tell us below."],
}


@pytest.mark.parametrize("category,text", [(c, t) for c, ts in CASES.items() for t in ts])
def test_new_phrasings_are_caught(check, category, text):
    assert category in check(text, own=category in OWN), text


@pytest.mark.parametrize("category,text", [(c, t) for c, ts in NOT.items() for t in ts])
def test_look_alikes_in_comments_are_not_flagged(check, category, text):
    assert category not in check(text), text


@pytest.mark.parametrize("category,text", [(c, t) for c, ts in OWN_NOT.items() for t in ts])
def test_look_alikes_in_own_posts_are_not_flagged(check, category, text):
    assert category not in check(text, own=True), text


def test_a_sellers_free_first_session_is_advertising_not_a_booking(check):
    found = check("Love this 🙌 I'm a certified life coach, first call free, DM me")
    assert "promotional" in found and "booking" not in found


def test_a_booking_question_with_a_link_keeps_both_findings(check):
    found = check("can I book an evening session? my calendar: https://cal.example/me")
    assert {"promotional", "booking"} <= set(found)
