"""Round 3: the rules work by concept (a risk concept with first-person or close-other framing; a
person tied to a therapy concept; an appointment concept in a question or request; a commercial
signal tied to the writer), so wordings nobody put in any data file are caught, and look-alikes
(idioms, education, news, charity links, fair complaints) are left alone.

None of these texts is in tests/data: each was written for this file, after the sets were frozen.
"""

from __future__ import annotations

import pytest

CAUGHT = {
    "crisis": [
        # means + intent, in many wordings
        "have been saving up my nan's old sleeping pills, got about forty now",
        "sitting on the edge of the car park roof, feet dangling. not sure why im typing this",
        "going to take the lot tonight and just sleep",
        "the razor's right here and i want to use it",
        "keep thinking about stepping in front of the 8.15 express",
        # being gone / not existing
        "i wanna stop existing. not die exactly just. stop",
        "would be easier for everyone if i vanished for good",
        "soon i wont be anyones problem",
        "ready to go now. been ready for a while",
        # hopelessness + farewell
        "cant cope anymore. sorted my affairs, said my goodbyes",
        "thanks for trying with me, all of you. this is it for me",
        # misspelt, lowercase, emoji, euphemism
        "wnat to dye tbh 😔",
        "thinkin bout unaliving again ngl",
        "💊💊💊 tonight. done.",
        "self harmd again, its getting worse",
        # a close other at risk
        "my best friend keeps saying she wont be around for much longer and gave me her jewellery",
        "my husband said this morning he'd be better off dead and now his phone is off",
        "our son has been cutting himself and says he wants to die",
        # harm to others
        "i swear i'm going to stab my stepdad tonight, ive had enough",
        "having thoughts of smothering my newborn and it terrifies me",
    ],
    "privacy": [
        "My cousin Beth sees your psychologist for her panic disorder",
        "loads of people know Gary from the golf club is in your alcohol programme",
        "as one of your clients, my bipolar has been so much more stable since starting here",
        "my therapist at this clinic says my anxiety comes from childhood",
        "reach me on 07123 456789 about my daughter's assessment",
        "Our neighbour's lad is getting treatment here for his psychosis",
    ],
    "booking": [
        "do you have any availability in the school holidays?",
        "what's the fee for an initial assessment?",
        "is it too late to cancel friday's session?",
        "does my Vitality policy cover counselling with you?",
        "how many weeks is the wait at the moment?",
        "Could someone get back to me about starting sessions?",
        "are you open to new referrals for teenagers?",
    ],
    "promotional": [
        "Want to double your income while you sleep? message me the word RICH",
        "my calming candles are now in stock, order through my page 🕯️",
        "Therapists, our booking software is free for 30 days, reply for a trial",
        "come to my sound bath next Sunday, tickets £20 on my website",
    ],
}
OWN_CAUGHT = {
    "review_solicitation": [
        "Pop us a star rating on Google if we've been a help ⭐",
        "We'd be thrilled to feature your story on our website — send it over!",
    ],
    "outcome_claim": [
        "Our clients never relapse.",
        "Your insomnia will be gone within two weeks with our programme.",
    ],
    "endorsement": [
        "We're proud ambassadors of RestWell pillows — link in bio to order!",
        "Get 20% off SereneSkin with code CALM20, our clinicians love it",
    ],
    "payment_request": [
        "Please Venmo the workshop fee to our account before Tuesday",
        "Comment your card's last 8 digits and expiry to reserve a place",
    ],
}

NOT_FLAGGED = {
    "crisis": [
        "I'd sell my soul for a decent night's sleep",
        "My laptop's about to die, will finish reading this later",
        "that last slide killed me 😂",
        "Suicide rates among young men are falling in some areas, according to the ONS",
        "The self-harm awareness training at school was really well pitched",
        "I remember being suicidal at 19. I'm 40 now and so glad I stayed.",
        "Jumping into the weekend like 🐸",
        "I'd die for a holiday right now",
        "my nan passed away peacefully last spring, thank you for the grief group",
        "Rope access technicians have a tough job, respect",
    ],
    "privacy": [
        "My psychologist friend says the same thing about sleep",
        "I've had anxiety for years and these posts help",
        "Dr Shah gave a brilliant radio interview yesterday",
    ],
    "booking": [
        "The appointment reminder texts are really handy, well done",
        "Glad I finally booked, first session went well",
    ],
    "promotional": [
        "Here's the Mind page on grief for anyone who needs it: mind.org.uk/information-support/guides-to-support-and-services/bereavement/",
        "I'm doing a sponsored swim for the local hospice, link on my profile if you can spare a quid",
        "The Guardian ran a good piece on therapy waiting lists: theguardian.com/society/2025/jan/therapy-waits",
        "The book 'Lost Connections' changed how I think about depression",
    ],
    "abusive": [
        "This is the most useless app update I've ever used, please fix it",
        "I'm furious about how my complaint was handled. Shameful.",
    ],
}
OWN_NOT_FLAGGED = {
    "outcome_claim": [
        "A new study in JAMA found therapy helped many people with insomnia: jamanetwork.com/journals/jama/article",
        "Recovery isn't linear, and we'll be with you for the ups and downs.",
    ],
    "payment_request": [
        "Our updated price list is on the website. Payment is only ever taken at the clinic or by invoice.",
    ],
    "review_solicitation": [
        "Thank you for every kind message this year, we read them all 💛",
    ],
    "endorsement": [
        "We're reading 'The Body Keeps the Score' in our staff book club this month.",
    ],
}


@pytest.mark.parametrize("category,text", [(c, t) for c, ts in CAUGHT.items() for t in ts])
def test_new_wordings_are_caught_by_concept(check, category, text):
    assert category in check(text), text


@pytest.mark.parametrize("category,text", [(c, t) for c, ts in OWN_CAUGHT.items() for t in ts])
def test_new_wordings_in_own_posts_are_caught(check, category, text):
    assert category in check(text, own=True), text


@pytest.mark.parametrize("category,text", [(c, t) for c, ts in NOT_FLAGGED.items() for t in ts])
def test_look_alikes_are_left_alone(check, category, text):
    assert category not in check(text), text


@pytest.mark.parametrize("category,text", [(c, t) for c, ts in OWN_NOT_FLAGGED.items() for t in ts])
def test_own_look_alikes_are_left_alone(check, category, text):
    assert category not in check(text, own=True), text
