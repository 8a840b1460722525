"""Each category catches what the policy promises, and lets the hard negatives through.

These texts are not in the evaluation sets.
"""

from __future__ import annotations

import pytest

CRISIS = [
    "honestly i think everyone would be better off if i just wasn't around",
    "I've been saving my tablets for a while now. I know what I'm going to do with them.",
    "Can't keep myself safe tonight, sorry",
    "my brother says he's going to kill himself and has locked his door",
    "I'm going to stab him if he comes near me again",
    "I'm so tired of living with this",
]
NOT_CRISIS = [
    "This commute is killing me 😂",
    "I'd kill for a decent coffee right now",
    "Suicide awareness training should be mandatory for teachers.",
    "I self-harmed at school years ago and I'm fine now, it does get better.",
    "Dying to see the new clinic!",
]


@pytest.mark.parametrize("text", CRISIS)
def test_crisis_is_urgent_and_carries_the_configured_guidance(check, text):
    from monitor.config.model import AlertsConfig

    alerts = AlertsConfig(crisis_guidance="Phone Dr Lee on 0117 000 0000.", crisis_reply="Please call 999 or Samaritans on 116 123.")
    f = check(text, alerts=alerts)["crisis"]
    assert f.severity == "urgent"
    assert "Phone Dr Lee on 0117 000 0000." in f.action and "Samaritans on 116 123" in f.action
    assert f.rule.startswith("crisis.") and f.reasons and f.evidence


@pytest.mark.parametrize("text", NOT_CRISIS)
def test_figurative_general_and_past_talk_is_not_crisis(check, text):
    assert "crisis" not in check(text)


ABUSE = [
    "you're a bunch of clueless idiots",
    "Shut up, nobody asked you",
    "that therapist is a smug cow",
    "@harbour go f*ck yourselves",
    "what a pr1ck",
    "I know where you live",
]
NEGATIVE_FEEDBACK = [
    "the session was unhelpful and overpriced",
    "Terrible admin, three emails and no answer. Really unprofessional.",
    "My counsellor called me lazy in our session and I want to complain about it.",
    "Your post calling people 'crazy' is offensive and stigmatising.",
    "This is bloody ridiculous, I've been waiting two months",
    "What the hell happened to your phone line?",
]


@pytest.mark.parametrize("text", ABUSE)
def test_abuse_is_flagged_high(check, text):
    assert check(text)["abusive"].severity == "high"


@pytest.mark.parametrize("text", NEGATIVE_FEEDBACK)
def test_negative_feedback_is_not_abuse(check, text):
    assert "abusive" not in check(text)


def test_only_the_abusive_part_of_a_critical_comment_is_evidence(check):
    text = "The session was rushed and overpriced. Also your receptionist is a stupid cow."
    f = check(text)["abusive"]
    spans = [text[e.start:e.end] for e in f.evidence]
    assert spans and all("overpriced" not in s and "rushed" not in s for s in spans)
    assert any("stupid cow" in s for s in spans)


PROMO = [
    "Loving this! Grab 25% off my calming candles with code CANDLE25",
    "msg me on whatsapp for investment tips 📈",
    "Follow me for daily healing content 🌸",
    "check out www.mycoachingpage.com for real results",
    "shorturl.at/abcde click for your free gift",
    "#ad my favourite magnesium spray",
]
NOT_PROMO = [
    "The NHS self-referral page is here: https://www.nhs.uk/mental-health/",
    "Thank you, this was lovely",
    "I messaged you last week about the job advert, any news?",
    "Samaritans: https://www.samaritans.org, free, 24/7",
]


@pytest.mark.parametrize("text", PROMO)
def test_promotion_is_flagged(check, text):
    assert check(text, allowed_domains=["harbourlight.example"])["promotional"].severity == "normal"


@pytest.mark.parametrize("text", NOT_PROMO)
def test_public_service_links_and_chat_are_not_promotion(check, text):
    assert "promotional" not in check(text, allowed_domains=["harbourlight.example"])


@pytest.mark.parametrize("text", [
    "My counsellor here, Dr Lee, told me I have generalised anxiety",
    "Spotted Jane Doe in your waiting room, hope her depression is better",
    "text my friend Sam on 07700 900123 if you want a chat",
    "I'm one of your clients and my panic attacks are back",
])
def test_privacy(check, text):
    assert check(text)["privacy"].severity == "high"


@pytest.mark.parametrize("text", [
    "Anxiety affects one in four of us at some point.",
    "My old therapist in London used to say the same!",
    "Call Samaritans on 116 123 if you need to talk.",
])
def test_general_mental_health_talk_is_not_a_privacy_concern(check, text):
    assert "privacy" not in check(text)


def test_booking_gets_the_configured_reply_and_low_severity(check):
    from monitor.config.model import AlertsConfig

    alerts = AlertsConfig(booking_reply="Please ring 0117 496 0000 to book.")
    f = check("can I book an appointment with Dr Lee next Tuesday?", alerts=alerts)["booking"]
    assert f.severity == "low" and "Please ring 0117 496 0000 to book." in f.action


def test_booking_negative(check):
    assert "booking" not in check("Will the talk on Thursday be recorded?")


@pytest.mark.parametrize("text,category", [
    ("Loved your session? Please leave us a review on Google!", "review_solicitation"),
    ("Our programme is guaranteed to end your panic attacks for good.", "outcome_claim"),
    ("We're proud to partner with CalmCo teas - 10% off with code CALMCO10", "endorsement"),
    ("Please send your session fee to our new PayPal account: payments.hl@gmail.com", "payment_request"),
    ("Well done to our client Priya who has finished her therapy for OCD!", "privacy"),
])
def test_own_post_categories(check, text, category):
    assert category in check(text, own=True)


def test_payment_request_on_own_post_is_high(check):
    assert check("DM us your card number to confirm your booking", own=True)["payment_request"].severity == "high"


@pytest.mark.parametrize("text", [
    "We will never ask for payment or bank details on social media.",
    "Therapy doesn't promise a cure, but it can help.",
    "Thank you for all your lovely messages this week.",
    "Our fees are on our website; we offer reduced-fee places.",
])
def test_own_post_negatives(check, text):
    assert check(text, own=True) == {}


def test_own_posts_skip_comment_categories_and_comments_skip_own_ones(check):
    text = "Leave us a review! DM me for a discount code SAVE20"
    assert "promotional" not in check(text, own=True)
    assert "review_solicitation" not in check(text, own=False)
    assert "promotional" in check(text, own=False)


def test_repeated_promotional_text_is_spam_but_repeated_thanks_is_not(check):
    assert "promotional" in check("great content! visit @mo.mindset for more", repeat_count=3)
    assert check("Thank you so much for sharing!", repeat_count=12) == {}
    f = check("Lovely post, see more at @growth.guru", repeat_count=4)["promotional"]
    assert any(r == "promotional.repeated" for r in [f.rule, *f.details.get("rules", [])])


def test_repeat_key_ignores_case_spacing_punctuation_but_not_words():
    from monitor.checks.posts import repeat_key

    assert repeat_key("Check out   @mo.mindset for MORE!!") == repeat_key("check out @mo.mindset for more")
    assert repeat_key("Check out @mo.mindset for more") != repeat_key("Check out @other.page for more")
    assert repeat_key("thanks!") is None and repeat_key("❤️") is None


def test_a_link_with_thousands_of_subdomains_is_judged_by_its_domain(check):
    """Host names are cut to the longest DNS allows (from the end), so a pasted chain of labels is
    still judged by the domain it ends in, and not read label by label for each of its endings."""
    chain = "x." * 3000
    assert "promotional" not in check(f"see https://{chain}harbourlight.example/page", allowed_domains=["harbourlight.example"])
    assert "promotional" in check(f"see https://{chain}cheap-pills.example/page", allowed_domains=["harbourlight.example"])


@pytest.mark.parametrize("text", [
    "Our clients are far more likely to attend when we send a text reminder the day before.",
    "We'll send you a quick text to confirm your first session.",
    "We're sending out reminder emails this week: check your spam folder.",
])
def test_an_own_post_about_sending_reminders_is_not_a_payment_request(check, text):
    assert "payment_request" not in check(text, own=True)


@pytest.mark.parametrize("text", [
    "Send the deposit by DM to keep your slot this week",
    "send your fees to our whatsapp and we'll confirm",
])
def test_an_own_post_asking_for_money_by_message_still_is(check, text):
    assert "payment_request" in check(text, own=True)
