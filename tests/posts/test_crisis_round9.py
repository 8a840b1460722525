"""Crisis ideas added in round 9, each checked with wordings written for this test (none taken from a
labelled set), in the voices of the next practices (Australian, American, Scottish, New Zealand
English, and English as a second language), and with look-alikes that use the same words for
ordinary things. The rules alone are checked (wording_models off): recall on unseen text is theirs.
"""

from __future__ import annotations

import pytest

# idea -> wordings that must be flagged as crisis by the rules alone
CAUGHT = {
    "harm to others: putting someone in the ground, breaking a neck": [
        "if that bloke rocks up at my kids' school again i'll put him in the ground, no worries",
        "swear i'm gonna put my ex six feet under if he comes near the house",
        "next time i see that receptionist i'll snap her neck, i mean it",
    ],
    "harm to others: a group made to pay at a place, 'they'll see'": [
        "gonna make every last one of them pay at school on monday. they'll see what happens",
        "i'm going to make them all pay at work tomorrow, the whole lot of them",
    ],
    "harm to others: waiting with a tool, watching someone": [
        "i'll be waiting for him in the car park with my tyre iron after his shift",
        "I know what car she drives and i'll be there when she finishes on friday",
        "i know where that counsellor parks. he'd better watch his back tonight",
        "got their home addresses now and i just want to hurt the people who did this",
    ],
    "harm to others: bringing something bigger, someone carried out": [
        "one more word from the foreman and i'm bringing something heavier than my thermos tomorrow",
        "coming down to the clinic on thursday and he'll be leaving in a body bag",
    ],
    "harm to others: a parent taking the children too, smothering": [
        "the only way we all get peace is if i take the kids with me",
        "been thinking about putting a pillow over his face while he sleeps, i can't keep caring for him",
        "he's yelling that he'll burn the flat downstairs down with them inside",
    ],
    "harm to others: carried out, finding out what it feels like, coming with a weapon": [
        "that psych wrecked my life. i'm coming to the rooms on monday and he'll be leaving in an ambulance",
        "I know where she parks. tomorrow she's going to find out what that feels like",
        "tell him to be ready after school cos i'm coming with a bat",
        "when the boys hear what he did to my sister we'll be waiting for him outside the pub with more than our fists",
    ],
    "subject-dropped first person with a means": [
        "been clean three months. just bought a razor and a bottle of vodka. not coming back from this one",
        "cant stop thinking about swerving into a truck on the freeway. would look like an accident",
    ],
    "a steering wheel, a drop, a high place": [
        "every morning on the motorway i think how easy it'd be to just yank the wheel",
        "one flick of the wheel on the gorge road and it's over",
        "keep ending up on the footbridge over the highway at 2am working out the drop",
        "im on the rooftop of my apartment building now, just need someone to know",
        "standing at the window on the 12th floor again, every night it gets easier",
    ],
    "water weighed for the act": [
        "reckon the harbour would be cold enough tonight. sorry lads",
        "gonna walk out into the surf till i can't anymore",
        "need to know if drowning hurts. the river's five minutes from my flat",
    ],
    "poison, gas, helium, a car in the garage": [
        "tonight's the night. picked up the helium. sorry",
        "i bought the poison already and i'll drink it tonight, nobody go miss me",
        "the gas heater's on but not lit and i'm just sitting here",
        "he's in the shed with the ute running and the door shut",
        "gonna start the car in the garage with the door closed, easiest way",
    ],
    "pills counted, in hand, all of them taken, drugs saved": [
        "got the panadol counted out on the bed in piles of ten",
        "i've got the pills in one hand and my phone in the other and i dont know which one im going to use",
        "just took all of them. dunno why im telling anyone",
        "i already took them. thanks for the nice posts, sorry",
        "my mate on the ward said she's been saving up her fentanyl and it's this weekend",
        "swallowed about 40 of my zoloft an hour ago and i feel really weird",
        "how many panadol is too many? asking for me",
    ],
    "a previous attempt, doing it properly next time": [
        "they pumped my stomach in march. next time i'll get it right",
        "they found me in time last time. they won't this time",
    ],
    "knowing what would do it, researching methods": [
        "i'm a pharmacist so i know exactly what dose would do it",
        "been spending every lunch break researching methods and which one is quickest",
        "electrician 15 years, i know exactly which circuit would do it. been staring at the switchboard all night",
    ],
    "finality tacked on": [
        "wont be at work monday, or ever. love youse all",
        "idc anymore. ttyl... or not",
        "goodnight forever x",
        "last msg from me. deleting all my accounts after this. thanks for trying x",
    ],
    "the world fine without me, hit by a bus, a long nap": [
        "pretty sure the world would keep turning just fine without me and im gonna find out this weekend",
        "honestly hope i get hit by a truck on the way home",
        "her story says she's going for 'a long nap' with a photo of a pile of pills, she's not answering",
    ],
    "done, decided, calm": [
        "cant face another winter like that. i've picked a date now and i feel strangely calm",
        "I'm done now, tonight, no more trying",
        "this is me done. had a good run. got enough codeine to sort it",
        "am pure done wi it aw. got the pills fae the chemist, takin them the night. tell ma maw a'm sorry",
    ],
    "farewell: notes, loose ends, pets, papers": [
        "letter for mum is on the kitchen table. keys are in the drawer. bye",
        "tying up loose ends this week. cancelled my phone plan and sorted out who gets the dog",
        "dropped the cat at my sister's and told her it was just for a little while. it isn't",
        "my dad messaged the family chat where his life insurance papers are and then turned his location off",
        "paid the last of the rent for whoever's next and left the keys with the landlord",
        "i've made my peace. please look after the veggie patch for me",
    ],
    "planning how, being with someone who died, pills at hand": [
        "some days i think the kids would be better off without me, and lately i've been working out how, like properly",
        "since Bill passed the house is so quiet. I'd just as soon go be with him, and his heart tablets are still in the cupboard",
        "my mate's posted a goodbye on his story and won't answer his phone, can someone check on him",
    ],
    "an older person stopping treatment to join someone": [
        "my nan has stopped her insulin on purpose because she wants to be with grandad",
        "my neighbour told me he'll be with his late wife soon and gave me his watch. curtains shut since",
    ],
    "plans said plainly": [
        "honestly think i'm going to do something to myself tonight, i'm scared of myself",
        "don't reckon i'll be around much longer, sorry everyone",
        "dont think ill make it through the night tbh",
        "dont think i'll make it to friday",
        "she keeps saying she'll jump off the balcony with the baby",
        "hate myself so much i want to slice myself up, doing it after i post this",
        "no point in anything now, i've decided i'm going through with it this weekend",
    ],
    "gallows humour that is meant": [
        "me and the blade are getting back together tonight lol 🙂",
        "lol can't wait to not exist soon 🙂",
        "ngl i'm ready to go. already picked the song for my funeral lol",
        "brb jumping lol. no seriously i'm on the ledge outside my flat window, 9th floor",
        "me n the boys joke about it heaps but i actually looked up the trains on the line behind my place",
    ],
    "the voices of the next practices (Australian, American, Scottish, New Zealand)": [
        "reckon i'm gonna top myself this arvo, can't be arsed anymore",
        "gonna go for a drive and not come back. tell mum i love her",
        "im heading down to the gap tonight, no one will miss me",
        "just wanna go to sleep and not wake up tbh, been like this for weeks",
        "bought a rope at bunnings today. not for the shed",
        "i'm gonna neck the whole bottle of endone tonight",
        "I've got my dad's rifle out of the safe and im sitting in the ute",
        "my son (16) has told me he's been cutting and he's got a plan to end it",
        "y'all I can't do this anymore. the bottle of oxy is right here",
        "gonna eat my gun tonight, sorry everyone",
        "I'm fixin to end it all. nobody would even care",
        "bro ima kms fr this time",
        "i've been stockpiling my seroquel for months and tonight's the night",
        "im gonna off myself after my shift, just want someone to know",
        "wee man's been greetin all night, says he wants tae die and he's only 14",
        "Am gonnae jump aff the Erskine bridge the night. cannae dae it anymore",
        "ma heid's mince, i just want it all tae stop for good",
        "my pal's posted his goodbyes on snap and isnae answering, he's been talking about the Clyde",
        "I'm pure done. Got a bottle of vodka and the pills my GP gave me, taking the lot",
        "kia ora, not sure where to post this but i'm gonna end things tonight",
        "my cuz has gone bush with a rope and isn't answering, pls help",
        "sweet as, i've written letters for the whanau, everything's sorted",
        "gonna walk into the ocean at piha tonight",
        "my flatmate's locked himself in the bathroom and there's blood under the door",
        "can't see the point anymore. the kids would be better off with their dad",
        "i keep thinking about driving off the cliff at the lookout",
        "gonna jump in front of the train at central tomorrow morning",
        "i have everything i need to do it now, just waiting for everyone to go to sleep",
        "i'm going to hurt my baby, i can't stop thinking about it, please help",
        "my husband said he'll shoot me and the kids if i leave, and he has guns",
        "i want to hurt myself so bad right now",
        "i haven't eaten in 5 days and i'm not going to start again",
        "i've hidden a stash of pills in my sock drawer, enough this time",
        "i'm going to take all my mum's sleeping tablets tonight",
        "this is goodbye. thank you all for everything",
    ],
}

# look-alikes: the same words for ordinary things, which the rules must not flag
NOT_CAUGHT = [
    "my wife says if I buy one more surfboard she'll kill me. worth it",
    "lmao my teenager says 'I literally want to die' about everything from chores to the wifi",
    "'I want to die' is what I said when I opened my power bill 😂",
    "someone at work said they'd rather die than sit through another monday meeting",
    "I'd rather die than go to another work do at that pub",
    "giving away my old baby clothes, little one's 4 now, before they go to the tip",
    "moving to Auckland next month so giving away my pot plants, message me if you want them",
    "last day at the depot today after 30 years! goodbye everyone, thanks for the cake",
    "final exam done. goodbye Dunedin, it's been a blast 🎓",
    "had a really rough patch in 2019 and thought about ending it. got help, now I coach junior footy",
    "feeling flat today. not in a dangerous way, just grey. off for a walk",
    "i'm not suicidal or anything but i've been numb for weeks. is that worth talking to someone about?",
    "it's the anniversary of dad's death this week. not in any danger, just sad. calling my brother tonight",
    "been thinking about death a lot since mum's diagnosis, not in a scary way, more about what matters",
    "prepaid my whole funeral so the kids won't have to sort it when my time comes. i'm 84",
    "going to a funeral tomorrow, our old neighbour, 97, went peacefully",
    "my 5 year old announced at dinner that when i die she wants my car. ok then",
    "our roof's leaking again and the car broke down. just venting",
    "brain-dead management at that clinic, honestly",
    "just finished my last exam. i'm dead. sleeping for a week",
    "we've got rats in the shed, which rat poison is safe around dogs?",
    "still waiting on whether my insurance covers the sessions",
    "the rooftop bar tonight was unreal",
    "i'll be waiting for him at the bus station when he gets in from Brisbane",
    "I know where the bakery is, it's next to the chemist",
    "make sure the kids pay attention at swimming",
    "If I hear that song one more time at Woolies I'm going to jump out the window 😂",
    "the hse guide on what to do if someone tells you they're thinking about suicide is really clear",
    "just want to disappear under a duvet this weekend with crisps and reruns",
    "don't think I'll make it to monday's session, can we rebook?",
    "I'm so done with this heat. bring on winter",
    "had a good run at the markets this weekend, sold out by 11",
    "my flatmate's bringing something bigger than a salad to the barbecue",
    "Walked the coastal track today. Stood at the top of the cliffs and just breathed",
    "So done with this week, bring on the weekend",
    "if my flatmate leaves the dishes one more time i'm going to scream 🙃",
    "the pile of invoices on my desk. just bury me under it",
    "going to bed, goodnight all, early start tomorrow",
    "my nan always said 'I'll be gone before they fix that road' and she was right, bless her",
    "my 4 year old told us \"when I die I'm going to be a dinosaur\". fair enough",
    "to whoever needs to hear it: it's ok to not be ok. go easy on yourself this week",
    "had a good run of sessions, I think I'm ready to stop for now, thank you",
    "I nearly died laughing at the footy last night",
    "my feet are killing me after that hike",
    "the arvo sun is brutal, i'm dying out here",
    "drove out to the lookout at the gap, stunning sunset tonight",
    "going bush this weekend, no reception so don't worry if i don't answer",
    "Bought a rope at Bunnings for the tent, the old one snapped",
    "the new Taylor Swift album is to die for",
    "I'm gonna murder a meat pie after this session",
    "kill me now, the kids are singing Baby Shark again 😂",
    "my phone's dead, can someone message me the session time?",
    "going to bed, night all",
    "we're taking the ute up north for the long weekend, back tuesday",
    "cheers for the session today, finally some good advice",
    "My nan passed away last month at 93, the funeral was beautiful",
    "Thinking about ending my sessions since I'm feeling much better now",
    "i could kill for a flat white right now",
    "that exam was brutal, I'm cooked",
    "Ending my subscription to this page, too many ads",
    "he's been a nightmare since the divorce but we're getting through it",
    "our dog had to be put down today, said goodbye to him at the vet",
]


@pytest.fixture
def rules(check):
    """Crisis findings of the rules alone."""
    return lambda text: "crisis" in check(text, wording_models=False)


@pytest.mark.parametrize("idea,text", [(idea, t) for idea, texts in CAUGHT.items() for t in texts])
def test_new_wordings_of_the_round9_ideas_are_flagged(rules, idea, text):
    assert rules(text), f"{idea}: {text}"


@pytest.mark.parametrize("text", NOT_CAUGHT)
def test_look_alikes_are_not_flagged(rules, text):
    assert not rules(text), text


# Ordinary readings: the wording model must not flag these alone (crisis.ordinary), and must stay free
# to flag the real crises beside them.
ORDINARY = [
    "So done with this week, bring on the weekend",
    "if my flatmate leaves the dishes one more time i'm going to scream 🙃",
    "the pile of invoices on my desk. just bury me under it",
    "going to bed, goodnight all, early start tomorrow",
    "need to reschedule thursday, can we do the week after?",
    "to whoever needs to hear it: it's ok to not be ok. go easy on yourself this week",
    "feeling low today. not in a dangerous way, just grey",
    "moving to Perth so giving away the bookshelf and the telly, dm me",
    "final exam done, goodbye Glasgow, it's been emotional 🎓",
    "my 4 year old told us \"when I die I'm going to be a dinosaur\". fair enough",
    "the therapist kept checking her phone. won't be back, waste of money",
]
NOT_ORDINARY = [
    "so done. said bye to my little sister today and told her to be good for mum",
    "giving away all my stuff, won't need it where I'm going",
    "i'm not suicidal, i just have a date picked out",
    "the rooftop of my building is quiet tonight. just need someone to know",
    "lol can't wait to not exist soon 🙂",
]


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_readings_keep_the_wording_model_quiet(text):
    from monitor.checks.posts import crisis
    from monitor.checks.posts.normalise import Normalised

    assert crisis.ordinary(Normalised.of(text)), text


@pytest.mark.parametrize("text", NOT_ORDINARY)
def test_real_crises_are_not_read_as_ordinary(rules, text):
    from monitor.checks.posts import crisis
    from monitor.checks.posts.normalise import Normalised

    assert rules(text) or not crisis.ordinary(Normalised.of(text)), text


# Known gap (found when a look-alike copied from the data was rewritten): the rules read a shared guide
# or article about a suicidal friend as risk unless it is worded like the one guard they have.
@pytest.mark.xfail(strict=True, reason="crisis rules: talk about supporting a suicidal friend is not yet read as general talk")
@pytest.mark.parametrize("text", [
    "sharing a guide on how to support a mate who's feeling suicidal, from the uni wellbeing team",
    "really useful piece on what to say when a mate tells you they're having suicidal thoughts",
])
def test_guides_about_a_suicidal_friend_are_not_flagged(rules, text):
    assert not rules(text), text
