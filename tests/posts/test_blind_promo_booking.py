"""Round 5, promotional and booking: the ideas behind the blind sets' misses, in wordings written for
this file (none is in tests/data), each beside look-alikes that must stay quiet.

Promotional: the writer's own book, podcast or programme out somewhere; engagement bait ("comment YES and
I'll send it"); "in my bio"; follow-for-follow; loans, guaranteed returns, trading mentors and income
claims; opportunities "for someone like you"; someone the writer knows who sells a service, with a price
or a way to reach them; a phone number after "ring" or "WhatsApp". Not promotional: people who call the
writer names, a person getting better, a price complained about, helplines, a book someone merely liked.

Booking: moving, swapping, cancelling or arranging one's own sessions in new shapes (days as objects,
"pop me in", "sign me up", "tell X I can't make it", misspellings), and not: complaints about the
cancellation policy, newsletters, questions asked "for a project", sessions mentioned as a place.
"""

from __future__ import annotations

import pytest

PROMO_CAUGHT = [
    # the writer's own product, out or on sale
    "my debut novel 'Quiet Rooms' is now available on Kindle, reviews appreciated x",
    "my new workbook is out now, link below",
    "Please buy my journal, it has prompts for anxious days",
    "listen to my podcast, this week's episode is all about grief",
    "Our 6-week Calm Nervous System programme starts Monday, comment CALM and I'll send you the details",
    "type YES below and i'll dm you the free guide 💌",
    "the full course is in my bio 💫",
    "my page is on my profile, come have a look",
    "f4f anyone?? just started",
    # money pitches
    "I earn $1,200 a week from my phone, ask me how",
    "quick loans for anyone struggling, bad credit accepted",
    "20% monthly returns with my account manager, whatsapp for info",
    "been trading crypto with my mentor for 3 months, life changing, tell her I sent you",
    "this role would be perfect for someone like you, message me babe",
    # someone the writer knows selling a service
    "my auntie runs a little massage business from home, £30 an hour, worth every penny",
    "our Jo offers hypnotherapy sessions in Clevedon if anybody wants something quicker",
    "my friend does tarot readings, look her up on Instagram",
    # MLM, sugar and adult spam, coaching funnels, codes and referral links in lower case
    "anyone fancy being their own boss? flexible hours, earn from your phone 💅",
    "no experience needed, just message me the word GROW",
    "seeking a sugar baby, generous allowance 💸",
    "🔞 new pics up, link on my profile",
    "book your free clarity call, only a few spaces are filling fast",
    "apply code bloom at checkout",
    "grab it with my invite link and you get a month off",
    "honestly you'd be better off trying Calmly, replies in minutes",
    "she's on tiktok, @healwithmaria, best therapist in Leeds",
    # a phone number offered for business
    "Qualified counsellor, affordable rates. Call 07700 900 321",
    "Acupuncture for stress, WhatsApp 07700900765 for appointments",
]

PROMO_NOT_FLAGGED = [
    "my dad used to call me stupid in front of everyone",
    "people still call me 'the quiet one' at work",
    "my brother kept texting me horrible things until I blocked him",
    "my son is so much better now since starting with you",
    "£80 a session was way beyond what we could afford",
    "my favourite book is on audible now, listening on the bus",
    "if you're struggling tonight please call Samaritans on 116 123 or the NHS on 111",
    "my mum does yoga every morning and says it helps",
    "I've put my pronouns in my bio",
    "the charity shop today had a lovely mug",
    "we finally got everything in order now, thank you",
    "we use code names for everyone in group, it's nice",
    "you'd be better off seeing your GP about that first",
    "sorry for typos, typing this from my phone on the bus",
    "do you offer a free discovery call before starting?",
    "you're the best therapist in Bristol, Tom!",
    "my mentor at work has been so supportive through all this",
    "I invest a lot of time in self-care these days",
    "Papyrus HOPELINE is 0800 068 4141 if anyone needs it tonight",
    "I read 'Lost Connections' on Kindle last year, it opened my eyes",
    "text my friend Jo on 07700 900456 if you fancy a chat, she's been through it too",
]


@pytest.mark.parametrize("text", PROMO_CAUGHT)
def test_new_wordings_of_selling_are_promotional(check, text):
    assert "promotional" in check(text, allowed_domains=["harbourlight.example"])


@pytest.mark.parametrize("text", PROMO_NOT_FLAGGED)
def test_look_alikes_are_not_promotional(check, text):
    assert "promotional" not in check(text, allowed_domains=["harbourlight.example"])


BOOKING_CAUGHT = [
    # moving or swapping a slot named by its day or time
    "could we shift friday's to the morning? got a dentist appt",
    "can i swap next weds for thursday, same time?",
    "please can you move tmrw to 4pm",
    "can we do thursday on zoom instead, the trains are off",
    "could you switch me from Dr Okonjo to Sam?",
    # late, missed, can't make it
    "stuck on the M5, I'll be a bit late for my 3 o'clock",
    "so sorry I missed my appointment yesterday, can we sort another?",
    "pls let Maya know I can't come tonight, kids are poorly",
    # asking for their own place, in new words and spellings
    "can I have my appoinment moved to later in the day",
    "I was wondering if I could have my session on Mondays from now on",
    "put me down for two places on the anxiety workshop please",
    "book me in for the parenting course next month",
    "can you get my son onto the waiting list for the teen group?",
    "do you guys have a slot for my husband next week?",
    # a change of one's own plan with no modal: the day is the object
    "need to cancel tomorrow, sorry - flu",
    "have to move Weds to the afternoon if poss",
    "cancel us for saturday please, car trouble",
    "gotta skip next week's session, exams",
    "any chance of fitting me in before the weekend?",
    "could I come in a bit later on Friday?",
    "I'd like to drop down to fortnightly if that's ok",
]

BOOKING_NOT_FLAGGED = [
    "Your cancellation fee is outrageous when people are unwell.",
    "How can I sign up for the mailing list?",
    "do you offer sliding scale places? asking for a college project on access to care",
    "is that the same guy from my Tuesday group session? small world",
    "is there anything else I can do to support my sister right now",
    "I missed the last bus home after my session and had to walk, lovely evening though",
    "my kids call me late for everything 😂",
    "have to cancel friday's dinner, sorry girls",
    "our team had to cut back to weekly meetings",
    "my session on Thursday was a real turning point, thank you",
    "how do I get started with journaling? any tips",
]


@pytest.mark.parametrize("text", BOOKING_CAUGHT)
def test_new_wordings_of_arranging_sessions_are_booking(check, text):
    assert "booking" in check(text)


@pytest.mark.parametrize("text", BOOKING_NOT_FLAGGED)
def test_booking_look_alikes_are_left_alone(check, text):
    assert "booking" not in check(text)


@pytest.mark.parametrize("text", [
    "is there a good book for the course reading? the library's out",
    "our book club group meets Thursdays if anyone fancies it",
])
def test_book_the_noun_is_not_booking(check, text):
    assert "booking" not in check(text)
