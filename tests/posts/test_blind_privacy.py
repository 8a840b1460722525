"""Round 5, privacy: each idea (a client tied to a named practitioner with something private, someone
seen at the practice or placed in a group, someone's home or number published, the practice naming a
client) is caught in wordings nobody put in a data file; look-alikes (thanks for a workshop, therapy in
general, booking, business and helpline numbers, a relative's illness without a name) are left alone.

None of these texts is in tests/data: each was written for this file after reading the blind sets'
misses for the idea behind them, in other verbs, word orders, names, slang and misspellings.
"""

from __future__ import annotations

import pytest

CAUGHT = [
    # the writer tied to a named practitioner, with a private topic
    "Had my third appointment with Farah yesterday about the eating stuff and I feel lighter",
    "cbt with jonah for my health anxiety is honestly changing my life",
    "Dr Mensah diagnosed my bipolar back in March and I've never felt so understood",
    "Niall has been helping me with my drinking since the spring, can't thank him enough",
    "shout out to rosa who got me thru the worst year of my life after my miscarriage",
    "Big thank you to Imogen for sitting with me through the grief, you're a star",
    "Sorry Farah, had to miss Tuesday. The panic attacks were back and I couldn't leave the house",
    "Hi Jonah! quick one, the breathing thing we practised actually worked on the bus today",
    "pls tell Niall I'm off sick today, the new meds are knocking me sideways",
    "got referred by my GP and now my assessment with Dr Mensah is done, ADHD confirmed 🎉",
    "Dr Mensah said in our session that it sounds like complex trauma. Relieved honestly",
    "did six weeks of counselling with rosa for my ocd and it was a waste of money tbh",
    # someone else tied to a named practitioner
    "my flatmate Kezia goes to Niall for her anger and she's so much calmer",
    "Farah's been treating my lad Theo for his OCD and he's back at school",
    "my uncle Des is seeing Imogen here after his breakdown, really glad",
    # seen at the practice or in a group
    "clocked my old PE teacher in your waiting area this morning lol",
    "@jess_b_22 was that u at reception yesterday? hope it's going ok x",
    "saw my cousin's husband walking out of your clinic, must be having a rough time",
    "spotted Deb from church coming out of Lighthouse House again, hope she's alright",
    "isn't that @marco.fit in your group pic? didnt know u were in therapy mate",
    "is that the same ellie from my tuesday support group?? small world",
    "hiya its me from the thursday anxiety group, the one who always brings biscuits",
    "I'm the one who was in the bereavement group on Wednesdays, would love to stay in touch",
    # contact details and homes of people
    "Niall lives on our street (Thornbury Close) if anyone wants to have a word",
    "her home address is 9 Kestrel Rise, go and tell her yourself",
    "Kezia's personal number is 07700 900 612, she won't mind",
    # second and third rounds: other voices (older, text-speak, formal), the same ideas
    "Week 5 of DBT with Sinead and I haven't self harmed once",
    "my wife's been in couples therapy with Carl and me since Jan, it's saved us",
    'Carl, you were right about my mum. Told her today. Thank you',
    "Huge thanks to Dr Adeyemi who picked up my son's autism when nobody else would",
    "Ayesha is treating my daughter for anorexia and we're finally seeing progress",
    'my brother sees Carl every monday for his cocaine problem. proud of him',
    "Anyone else in Sinead's Wednesday trauma group? I'm the quiet one at the back",
    "saw Mrs Kowalski from the bakery in your waiting room!! didn't expect that",
    "Just seen my boss leaving your place looking upset 😬 hope he's ok",
    'lol my ex is in your anger management course, good luck with that one',
    "My neighbour's kid has been seeing your child psychologist for his self harm",
    "Mark Dunn goes to your addiction group on thursdays, he's been using again",
    "Jake Ross's home address is 4 Orchard Way if anyone wants to sort him out",
    'My therapist Carl here has helped me more than anyone with my depression',
    "I've been seeing Carl at your clinic for 2 years for PTSD",
    'after 12 sessions with Sinead I can finally talk about the assault',
    "thank u ayesha for helping me with my eating disorder, I'm eating breakfast again!!",
    'dear carl, I relapsed on saturday. sorry. see you tuesday',
    'Ayesha if you see this, the nightmares have stopped 🙏',
    'i told carl about my dad last week and it felt so good to get it out',
    'Carl has been working with me on my anger since the divorce',
    'Tell Sinead I said thanks, the grief is a bit easier now',
    'First appointment with Dr Adeyemi about my memory problems tomorrow, nervous',
    "My granddaughter Poppy sees one of your lady counsellors about her cutting, she's only 13",
    'fr my sessions w/ jonah r the only thing keeping me sane rn, ptsd is no joke',
    "Hiya Farah it's Leanne from Monday nights, sorry I wasn't there, my depression has been really bad",
    'Huge respect to Niall for putting up with me through my divorce lol',
    'Was at your place on Tuesday and sat opposite Kerry Blake in the waiting room, shocked tbh',
    'Everyone knows Darren Price from the garage goes to you lot for his gambling',
    'The receptionist told me my neighbour is on your waiting list for the eating disorder service',
    "Imogen you have changed my life. 8 months ago I couldn't leave the house because of agoraphobia",
    "anyone else see Rob from year 11 coming out of there yesterday? he's been weird since his dad died",
    'Wanted to say publicly that Dr Mensah got my son through his psychosis. Thank you Doctor',
]

NOT = [
    # thanks and greetings without anything private
    "Thanks Farah for the brilliant workshop on Saturday!",
    "Hi Jonah, is the Thursday mindfulness class still running in August?",
    "Tom helped me find the car park, lovely receptionist too",
    # therapy in general, or elsewhere
    "Therapy in general helped me through my anxiety, wish I'd started sooner",
    "Exercise helped me with my depression more than any pill",
    "Talking to someone really helped me with my grief",
    "my dad never opened up about his drinking, posts like this would have helped him",
    # booking by itself, and feedback without private detail
    "Can I book a first session with Dr Mensah next week?",
    "Could someone tell Niall I'm running ten minutes late?",
    "My session with Farah was rushed and overpriced.",
    # sightings with nothing about care
    "saw a huge spider in the car park this morning 😱",
    "I recognised myself in your post about perfectionism",
    "Spotted your new sign going up outside, looks great",
    # a crisis about someone, with no detail beyond the danger
    "my brother isn't answering and he stopped his meds last week, what do I do",
    # business and helpline numbers, the practice's own details
    "Dog grooming in Clevedon, £25 a session, ring 01275 555 019",
    "Shout is free and 24/7, text 85258 if you're struggling",
    "Our reception line is open 9 to 5 on weekdays.",
    # future farewells are not visits
    "See you all at the open day! 🎈",
    "Nice one, see you Dr Hughes!",
    # second and third rounds
    'Thanks Carl for the lovely talk at the school, the kids loved it',
    'Dear Sinead, will the Wednesday group run over Easter?',
    'Hi Ayesha, do you offer sessions for teenagers with anxiety?',
    'Saw your advert in the paper, great to see local mental health support',
    'I spotted your stand at the fair, lovely leaflets',
    'my mum had depression for years and nobody talked about it back then',
    'Depression runs in my family, so these posts mean a lot',
    'Can I book with Carl for my anxiety? Is there a waiting list?',
    'My therapist cancelled twice this month and I was still charged. Not on.',
    'Meditation has helped me with my anxiety loads',
    'Reading your posts helped me through a hard time',
    'God got me through my depression',
    'Is Carl taking new clients? My GP suggested him',
    'call us on 0117 496 0000 to book, our reception team will help',
    'For anyone in Ireland, Pieta House is free on 1800 247 247',
    'Anyone know a good plumber? Call Gaz on 07700 900 555, £40 callout',
    'Sinead is a brilliant therapist, highly recommend her',
    'Had a quick chat with Carl at the fundraiser, lovely guy',
    "Spent the afternoon with Ayesha's team at the charity walk!",
    'saw you guys at the pride march, loved the banner',
    'Imogen you were brilliant on local radio this morning talking about anxiety',
    "Farah's article on postnatal depression is so useful, sharing with my sister",
    'Hiya Farah, is there parking near you?',
    'Anyone know if Niall does EMDR? Asking for my partner',
    "I've heard great things about Jonah, thinking of booking for my anxiety",
    'My granddaughter wants to be a counsellor when she grows up!',
    'My anxiety is terrible today, anyone got tips for grounding?',
    'Sat in traffic outside your building for ages this morning, the roadworks are a nightmare',
    'Big thanks to Niall for organising the charity quiz last night 🎉',
    "Rob's dad died last year and he's been struggling, any advice on supporting a teenager through grief?",
]

OWN_CAUGHT = [
    "Well done to our client Toby, 31, who has beaten his panic attacks after 10 sessions with Farah!",
    "Reminder for Jas in the Friday 6pm grief group: we're in Room 4 this week.",
    'Congratulations to Leon, who finished his 10 weeks of trauma therapy with Carl today!',
    'Happy 1 year sober to our amazing client Dee 🎉',
    'A big hello to Priti and the rest of the Tuesday eating disorder group!',
]

OWN_NOT = [
    "Our therapists recommend a daily walk to ease stress 🌿",
    "Welcome Farah, who joins us to work with clients with anxiety and OCD.",
    "Dr Mensah will give a free talk on managing panic attacks at the library on Thursday.",
    'Meet Carl, our new counsellor who specialises in anger and addiction',
    'Thank you to everyone who came to our open evening!',
    'Our Tuesday eating disorder group has two spaces, call reception to ask about joining',
]


@pytest.mark.parametrize("text", CAUGHT)
def test_new_wordings_of_privacy_ideas_are_caught(check, text):
    assert "privacy" in check(text), text


@pytest.mark.parametrize("text", NOT)
def test_privacy_look_alikes_are_left_alone(check, text):
    assert "privacy" not in check(text), text


@pytest.mark.parametrize("text", OWN_CAUGHT)
def test_own_posts_naming_clients_are_caught(check, text):
    assert "privacy" in check(text, own=True), text


@pytest.mark.parametrize("text", OWN_NOT)
def test_own_look_alikes_are_left_alone(check, text):
    assert "privacy" not in check(text, own=True), text


def test_the_evidence_shows_the_tie_to_the_practitioner(check):
    text = "did six weeks of counselling with rosa for my ocd and it was a waste of money tbh"
    quoted = " ".join(e.text for e in check(text)["privacy"].evidence)
    assert "with rosa" in quoted
