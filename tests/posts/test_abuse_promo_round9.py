"""Round 9: abuse and advertising as people write them in Ireland, Scotland, Australia, New Zealand
and the US, in wordings written for this file (none is in tests/data). Each idea comes with
look-alikes that must stay unflagged: banter between friends, the writer about themselves, reported
words, harsh but fair feedback, a helpline or public service offered as help, things given away, a
price complained about, a crisis that mentions life insurance.
"""

from __future__ import annotations

import pytest

ABUSE = [
    # regional name-calling, aimed
    "Reilly ya glaikit tumshie, read the email",
    "you're a flamin galah mate, nobody asked",
    "Tom is a useless dipstick",
    "what a sook, cry about it",
    "get a grip ya wee dobber",
    "Okafor's a right chancer, taking folk's money",
    "yinz are a bunch of jagoffs",
    "the fella at the desk is a total asshat",
    "ur a pack of wasters the lot of ye",
    "shower of chancers in that clinic",
    "u r a joke and a half Priya",
    "Priya you're a spoofer and a fraud",
    "ye are all kunts",
    "Tom's a glaikit big numpty",
    "your all fake and thick",
    "ur all phoney n stupid",
    # dismissals said to someone
    "f u Harbourlight",
    "away and boil yer head Tom",
    "rack off ya drongo",
    "go suck an egg, Dr Okafor",
    "you lot make me sick",
    "Tom honestly you make me want to puke",
    "get stuffed the lot of you",
    "jog on mate",
    # threats: weapons, the ambulance, finding out where people live
    "Reilly better watch himself, I'll be waiting in the car park with a hurley",
    "I'm turning up at your office with a baseball bat",
    "bringing a blade to my next session with that Okafor woman",
    "taking my cousin's machete into the clinic tomorrow, that receptionist can watch herself",
    "Dr Okafor will be going home in a body bag if she cancels on me again",
    "I'll put Tom in hospital, mark my words",
    "I'm going to find out where all of you live",
    "keep blocking me and I'll find you. count on it",
    "carry on deleting my posts and I'll be outside your clinic, don't say you weren't warned",
    # hatred: sent back, their kind not wanted
    "she can go back to whatever country she crawled out of",
    "we don't want his kind around here",
    "their sort aren't welcome in this town",
    # ridicule: looks like a criminal
    "your new counsellor looks like a serial killer",
    "that receptionist looks like a drug dealer",
    # taunts: toughen up, fat-shaming, scorn for people who need help, stock put-downs
    "harden up princess, it's only a waiting list",
    "man up you soft lad",
    "toughen up ya snowflakes",
    "people who go to therapists are weak losers",
    "anyone that needs counselling is just soft and pathetic",
    "step away from the doughnuts love, then judge people",
    "the lady on reception needs to lose some weight",
    "ok Karen, go cry to the manager",
    "Dr Okafor 🦆 quack quack",
    # a group named by an insult
    "pack of lying snakes at that place",
    "a bunch of smug bimbos running this page",
    # named person called stupid
    "That Priya is thick as they come and rude too. Stupid woman.",
    "This Tom is a liar",
]

NOT_ABUSE = [
    # banter between friends with the new words
    "haha you absolute galah @jess_m 😂 see you at the walk",
    "mate you're a legend, even if you are a bit of a dipstick 😂",
    # the writer about themselves or told by others
    "I really need to grow a pair and tell my boss how I feel",
    "My dad always told me to man up and stop crying. Took me 40 years to unlearn it",
    "I should step away from the biscuits, my doctor says I need to lose some weight",
    "I was called a sook all through school",
    # statements that are not orders
    "my anxiety won't shut up tonight",
    "the kids wouldn't shut up in the car the whole way to Galway",
    "The building is a maze, easy to get lost. Maybe add signs?",
    "Love you little sister, miss you every day ❤️",
    # compounds and ordinary words
    "she's a rocket scientist now, so proud of her",
    "what an egg hunt that was at the community garden!",
    "we had a bunch of cows in the field behind the clinic",
    "part f of the form asks about medication",
    "the dog tried to bite me on the way in",
    "he'll be going home in a wheelchair after his hip op, any tips for the house?",
    "my partner's coming with a knife set for the cooking class",
    # someone else's threat reported, people who get help praised
    "There's a bloke outside saying he's coming back with a bat for his ex. Police are on the way",
    "people who go to therapy are brave, not weak",
    "Anyone who needs help is welcome here, no judgement",
    # harsh but fair feedback
    "The receptionist was dismissive and the room was freezing. Not good enough.",
    "Overpriced and disorganised, my sessions were cancelled three times",
    "This Monday is stupid, three cancellations already",
    "I don't need your sort of advice, thanks, I need an appointment",
    "Going back to where I started: still no callback after two weeks",
]

PROMO = [
    # the writer's own trade with a price or a way to reach them
    "I do house painting and decorating, reasonable rates, give me a bell",
    "We run mindfulness retreats up in the Blue Mountains, find us on Instagram",
    "I teach guitar lessons online, £20 an hour, message me",
    "me and my brother do removals and odd jobs, whatsapp 0412 555 019",
    # relatives' and friends' businesses
    "my auntie does lashes and brows from home, €25, text her on 087 123 4567",
    "our Kayleigh sells Arbonne, comment and I'll tag her",
    "me cousin runs Tidewater Massage, tell him Dave sent ya",
    "my husband's clinic has spaces this week and it's cheaper than here",
    # another practice named and sent to
    "honestly just google Bright Path Counselling, they saved me",
    "try Kauri Wellness Studio in Ponsonby, they're taking new clients",
    "Harbour Bridge Psychology has openings and bulk bills, I'd go there",
    "for proper help head to Tui Tree Counselling, they've got evening appointments",
    "we switched to Cascade Family Therapy instead, seen within a week",
    "Portside Wellness Clinic has just opened with no waiting list",
    "my mate Callum at Ironbark Physio sorted my back and my head, cheap too",
    # another practitioner praised with a way to find them
    "my energy healer Jodie fixed what years of therapy couldn't. look her up!",
    "this amazing naturopath in Byron changed my life, her insta is @naturallyneve",
    # link-in-bio and follow-for-follow in other words
    "like4like 💕",
    "Check out my tiktoks @calm.with.cass",
    "full 30 day plan link in my stories 🙏",
    "send me a msg for the price list",
    "give our page a follow for daily tips",
    "3 massages for the price of 2 this weekend only",
    "join us at discord.gg/anxietyclubnz",
    "free journaling worksheets here linktr.ee/mindfulmarnie",
]

NOT_PROMO = [
    # helplines and public services offered as help
    "If you're in Australia, Lifeline is 13 11 14, any time of day",
    "NZ folks can call or text 1737 to talk to a counsellor for free",
    "For anyone in the US, the 988 Lifeline is there 24/7",
    "beyondblue.org.au has good info on anxiety",
    "The Samaritans Ireland number is 116 123, free from any phone",
    # things given away or done for free, a local event without selling
    "Clearing out my flat, giving away my books and a lamp, message me if you want them, no money needed",
    "I run a free peer support group for dads on Thursdays at the library, all welcome",
    "The community garden open day is on Saturday, bring the kids",
    # prices complained about, crises that mention insurance
    "Overpriced. $180 a session and she was ten minutes late.",
    "my life insurance pays out if I die, the kids would be better off",
    "does life insurance cover suicide after a year? asking for reasons",
    # mentions that are not advertising
    "@Harbourlight Counselling can I switch to Priya instead of Tom?",
    'your "free" taster session cost me £15 in parking, not free then',
    "the woman who runs the chemist on Main St was so kind to me today",
    "I withdrew from my course, gave my car to my brother. it's done",
    "I follow the Beyond Blue page, it's really helpful",
    "my therapist here is great, look her up on the team page",
    "the Community Mental Health Centre has openings for walk-ins on Tuesdays",
    # the writer attending, not selling
    "I do yoga classes at the leisure centre, they're £5 and really help my head",
    "I have sessions on Tuesdays, $150 each, worth every cent",
    "I go to the Riverside Yoga Studio on Saturdays, lovely people",
    "Bayside Counselling in Cork has been great for me in the past",
    "see my posts above for context, it's been a rough year",
    "my sister does therapy from home over zoom and says it helps",
    "my sister works at the Cedar Clinic and she loves it",
    "I used to go to Kelpie Bay Yoga Studio before my knee went",
    "I went to Harbourlight Counselling instead of waiting for the NHS",
    "my therapist at Harbourlight Counselling is lovely",
]


@pytest.mark.parametrize("text", ABUSE)
def test_abuse_is_caught(check, text):
    assert "abusive" in check(text, wording_models=False), text


@pytest.mark.parametrize("text", NOT_ABUSE)
def test_look_alikes_are_not_abuse(check, text):
    assert "abusive" not in check(text, wording_models=False), text


@pytest.mark.parametrize("text", PROMO)
def test_advertising_is_caught(check, text):
    assert "promotional" in check(text, wording_models=False), text


@pytest.mark.parametrize("text", NOT_PROMO)
def test_look_alikes_are_not_advertising(check, text):
    assert "promotional" not in check(text, wording_models=False), text
