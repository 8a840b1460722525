"""Privacy by concept: a person tied to care, or a client tying themselves to this practice's care.

Phrase rules (privacy.py) catch set wordings. These read a sentence for its parts instead:

* someone else exposed: a person reference (a relative or acquaintance: "my husband", "our neighbour's
  lad"; a name: "Gary", "Mrs Clarke") together with a link to this practice's care ("sees your
  psychologist", "is in your alcohol programme", "is under your team", "coming out of your clinic"),
  or a name or relative with a diagnosis and a therapy word ("Beth ... her panic disorder ... sessions");
* a client's own disclosure: the writer tying themselves to this practice's care ("as one of your
  clients", "my therapist here / at this clinic", "your counsellor Jo got me through", "since starting
  here"), which staff cannot discuss in public.

Not flagged: a relative who *is* a clinician ("my friend is a psychologist"), one's own health in
general ("I've had anxiety for years"), therapy elsewhere ("my counsellor in Leeds").
"""

from __future__ import annotations

import bisect
import re

from monitor.checks.posts.patterns import GroupScan, compile_guarded
from monitor.checks.posts.rules import rx, words_rx

_REL = (
    r"(?:husband|wife|partner|son|daughter|child|kid|kids|mum|mom|mother|dad|father|brother|sister|cousin|nan|gran|grandma|grandad|grandpa|"
    r"grandson|granddaughter|neighbou?r|friend|mate|colleague|co-?worker|boss|ex|flatmate|uncle|aunt|auntie|niece|nephew|teacher|lad|"
    r"boyfriend|girlfriend|fiance|fiancee|stepson|stepdaughter|brother-in-law|sister-in-law|in-laws?|teenager|teen|boy|girl)"
)
PERSON = rx(
    r"(?:my|our|her|his|their|a|the) (?:\w+(?:'s)? )?(?:old |best |little |eldest |youngest )?" + _REL + r"(?:'s)?",
    r"(?:he|she|they)(?=(?:'s| is| was| has| goes| sees| started| comes)\b)",
)
# Case-sensitive: a capitalised name that is not the first word of a sentence ("Gary", "Mrs Clarke").
NAME = compile_guarded(r"(?:(?<=[a-z,;:)] )|(?<=\())(?:(?:Mr|Mrs|Ms|Miss)\.? )?[A-Z][a-z]{2,}(?: [A-Z][a-z]+| [A-Z]\.)?|^(?:Mr|Mrs|Ms|Miss)\.? [A-Z][a-z]+")
_NOT_NAMES = frozenset(
    "I Dr Doctor Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September "
    "October November December Google Facebook Instagram NHS GP CBT EMDR DBT ADHD OCD PTSD HIV Christmas Easter English British "
    "Thanks Thank Hi Hello Hey Please Sorry Tesco Bristol London Leeds Manchester Yelp Trustpilot Psychology Today "
    "LinkedIn TikTok Spotify Amazon Zoom WhatsApp BBC Guardian Mind Samaritans Doctify Healthgrades Boots Etsy Ko".split()
)
_PLACE = r"(?:you|(?:one of )?your (?:\w+ ){0,2}(?:clinic|practice|team|service|group|programme|program|course|centre|center|building|place|office|unit|sessions?|therapists?|counsell?ors?|psychologists?|psychiatrists?|nurses?|ot|doctors?|staff|waiting list|books|caseload|support|home visits)|here|this (?:clinic|practice|place|service|centre|center)|dr\.? \w+)"
CARE_LINK = rx(
    r"(?:sees|seeing|saw|goes to|go to|going to|gone to|went to|comes? to|coming to|came to|attends?|attending|started (?:with|at|seeing)|starting (?:with|at)|been (?:seeing|going to|coming to)|booked in with|referred to|in treatment with|having (?:therapy|counsell?ing|sessions) (?:with|at|here)|getting (?:\w+ )?(?:treatment|therapy|help|counsell?ing) (?:from|at|with)?) ?" + _PLACE,
    r"(?:is|are|was|been) (?:in|on|under|with|part of) " + _PLACE,
    r"(?:is|are|was|been) (?:one of )?your (?:clients?|patients?)|(?:a|one of) (?:your|the) (?:clients?|patients?)",
    # Round 9: "is patient here with Owen" (no article, as many write it), "is in counselling here", "being treated by Sean".
    r"(?:is|are|was|'s|has been|have been) (?:a |an )?(?:client|patient)s? (?:here|at (?:your|this|the) \w+|of (?:yours|dr\.? \w+|\w+'s))|(?:is|are|was|'s|has been|have been) (?:a|an) (?:client|patient) (?:with|of) \w+",
    r"(?:is|are|was|'s|has been|have been) (?:in|having|getting|doing|receiving) (?:\w+ )?(?:counsell?ing|therapy|treatment|sessions) (?:here|with (?:you|dr\.? \w+|[a-z]+)|at (?:your|this) \w+)",
    r"(?:is|are|was|'s|has been|have been) (?:being |been )?(?:treated|seen|assessed|supported) (?:here )?by (?:dr\.? )?[a-z]+|under the care of (?:dr\.? )?[a-z]+",
    r"(?:coming|came|leaving|left) (?:out of|from) " + _PLACE,
    r"(?:goes|go|going|been going|comes|coming|been coming|started) (?:to )?(?:\w+ ){0,2}(?:counsell?ing|therapy|sessions|group|rehab) (?:here|with (?:you|us|dr\.? \w+)|at your)",
    r"(?:since|after|through) (?:starting|working|finishing|sessions?|therapy|treatment) (?:with|at) us\b",
    r"(?:getting|gets|having|has|had) (?:\w+ )?(?:treatment|therapy|counsell?ing|help|sessions) (?:here|with you|at your \w+)",
)
CONDITION = rx(
    r"depression|depressed|anxiety|bipolar|ptsd|ocd|adhd|autism|autistic|eating disorder|anorexi\w*|bulimi\w*|binge|addiction|addict|alcoholic|alcohol|"
    r"drinking|drugs?|gambling|breakdown|psychosis|psychotic|schizophreni\w*|dementia|panic(?: attacks| disorder)?|self[- ]?harm\w*|trauma|"
    r"grief|bereavement|bereaved|agoraphobi\w*|cocaine|heroin|cannabis|ketamine|relaps\w*|nightmares|flashbacks|suicid\w*|hiv|rehab|relapse|detox|borderline|bpd|phobia|ocd|insomnia|postnatal|post-natal|stress|burnout|anger|psychiatric|sectioned|meds|medication|sertraline|antidepressants?|diagnos\w*"
)
THERAPY = rx(r"therap\w*|counsell?\w*|treatment|sessions?|group|programme|program|psycholog\w*|psychiatr\w*|clinic|appointments?|rehab|diagnos\w*|home visits?")
OWN_LINK = rx(
    r"(?:as|i'?m|i am|being) (?:a|one of your|your|an? \w+) (?:clients?|patients?)(?: (?:here|of yours))?|(?:i'?m|i am|am) (?:a |an )?(?:client|patient)s? (?:of|here|at|with)\b|(?:a |one of )?\w+'s clients?|(?:client|patient) of (?:yours|\w+'s|dr\.? \w+)",
    r"my (?:\w+ )?(?:therapist|counsell?or|psychologist|psychiatrist|ot|nurse|clinician|key ?worker|practitioner)(?:,)? (?:[a-z]+ )?(?:here|at (?:this|your|the) \w+|with you|dr\.? \w+)",
    r"(?:your|the) (?:\w+ )?(?:therapist|counsell?or|psychologist|psychiatrist|clinician|nurse|team|group) (?:\w+ )?(?:got me|helped me|has helped me|is helping me|saved me|diagnosed me|treated me|put me)",
    r"(?:since|after|before) (?:starting|i started|i began|beginning|coming) (?:here|with you|at your \w+|therapy here|sessions here)",
    r"(?:we'?ve|i'?ve|i|we) (?:been )?(?:doing|having|started|began|finished) (?:\w+ )?(?:counsell?ing|therapy|sessions|treatment|emdr|cbt|dbt) (?:here|with you|at your)",
    r"(?:session|week) \d+ (?:with|at|of) (?:my |your )?(?:\w+ )?(?:therapist|counsell?or|psychologist|therapy|sessions?|dr\.? \w+)(?: here)?",
    r"(?:i'?m|i am|i'?ve been|been) (?:in|under) (?:treatment|therapy|counsell?ing|your care) (?:with|here|at)",
    r"diagnosed me|dr\.? \w+ diagnosed|misdiagnosed my",
)
_SENTENCE_END = re.compile(r"[.!?\n]+")
# Scanned in one pass with privacy.py's phrase rules (see patterns.GroupScan).
CONCEPT_RULES = {"care": CARE_LINK, "own_link": OWN_LINK, "condition": CONDITION, "therapy": THERAPY, "person": PERSON}


def find_spans(original: str, folded: str, own_post: bool, found: dict[str, list[tuple[int, int]]]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(spans exposing someone else, spans of the writer's own disclosure) found by concept.

    `found`: the spans of CONCEPT_RULES on `folded`, from the caller's scan.
    """
    if not (found["care"] or found["own_link"] or found["condition"]):
        return [], []
    ends = [m.end() for m in _SENTENCE_END.finditer(folded)] + [len(folded)]

    def sentence(pos: int) -> int:
        return bisect.bisect_right(ends, pos)

    by: dict[int, dict[str, list[tuple[int, int]]]] = {}
    for name, spans in found.items():
        for sp in spans:
            by.setdefault(sentence(sp[0]), {}).setdefault(name, []).append(sp)
    other: list[tuple[int, int]] = []
    selfd: list[tuple[int, int]] = []
    for idx, parts in by.items():
        links, people, conds = parts.get("care", []), parts.get("person", []), parts.get("condition", [])
        if not own_post:
            selfd += parts.get("own_link", [])
        if not (links or conds):
            continue
        s = ends[idx - 1] if idx > 0 else 0
        e = ends[idx] if idx < len(ends) else len(folded)
        names = [m for m in NAME.finditer(original, s, e) if m.group().split()[0] not in _NOT_NAMES and not _not_a_client(folded, m.start())]
        links = [sp for sp in links if not (folded.startswith(("go to ", "see ", "try "), sp[0]) and _ADVICE_BEFORE.search(folded, max(0, sp[0] - 12), sp[0]))]
        if (people or names) and links:
            other += links
            continue
        # Someone else's condition with a therapy word: not the writer's own ("my depression"), nor a
        # diagnosis standing for both ("Dad's diagnosis": a diagnosis is not care), nor care by a relative who is
        # a clinician or by a service elsewhere ("my cousin does hypnotherapy", "my kid's school counsellor").
        conds = [c for c in conds if not _WRITERS_OWN.search(folded, max(0, c[0] - 12), c[0])]
        if not conds or not (names or people) or not _POSSESSIVE.search(folded, s, e) or _CARE_ELSEWHERE.search(folded, s, e):
            continue
        if any(not folded.startswith("diagnos", a) or not any(a < ce and cs < b for cs, ce in conds) for a, b in _therapy_spans(folded, s, e)):
            other += conds
    return other, selfd


_CLINICIAN_BEFORE = re.compile(r"(?:dr\.?|doctor|therapist|counsell?or|psychologist|psychiatrist|with|to|thanks|thank you|from|at|nurse|and)\s*$")


_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|around)\s*$")
# "just go to Dr X", "and see Dr Y instead": advice to go somewhere, not someone placed in care.
_ADVICE_BEFORE = re.compile(r"(?:^|[,;]|\band|\bjust|\bor|\bthen|\binstead)\s*$")
_WRITERS_OWN = re.compile(r"\b(?:my|my own|i have|i had|i'?ve got)\s*$")
_CARE_ELSEWHERE = re.compile(
    r"\b(?:(?:does|do|doing|is an?|'s an?|works as an?|trained as an?|runs|offers|practi[sc]es) (?:\w+ )?(?:hypno)?(?:therap\w*|counsell?\w*|psycholog\w*|coach\w*)"
    r"|(?:school|uni|college|work|gp'?s?|nhs|hospital) (?:counsell?or|therapist|nurse|psychologist|counsell?ing))\b"
)


def _therapy_spans(folded: str, s: int, e: int) -> list[tuple[int, int]]:
    return [(s + a, s + b) for a, b in (m.span() for m in THERAPY.finditer(folded[s:e]))]


def _not_a_client(folded: str, start: int) -> bool:
    """A name that is staff (see _clinician) or a place ("in Bishopstown", "at Glanmire")."""
    return _clinician(folded, start) or bool(_PLACE_BEFORE.search(folded, max(0, start - 8), start))


def _clinician(folded: str, start: int) -> bool:
    """A name right after a clinician word or "with" ("your counsellor Jo", "sessions with Hannah") is staff, not a client."""
    return bool(_CLINICIAN_BEFORE.search(folded, max(0, start - 16), start))


# The condition belongs to the person ("her panic disorder", "he's bipolar"), not the writer.
_POSSESSIVE = compile_guarded(r"\b(?:his|her|their|he|she|they)\b|'s\b")


# --- A named practitioner, a group, or a sighting ------------------------------------------------
# Clients write to and about their practitioners by first name ("my session with Priya", "tom got me
# through my panic attacks", "Maya diagnosed my PTSD"); the practice's staff are not in the config, so
# a name slot is any word that is not one of the words below (pronouns, therapies, self-help means,
# relatives, times) and that reads as a name in the original (see `has_name`).
_NOT_A_NAME = (
    "a an the my your ur our his her their its this that these those it he she they we you u i me him them us who which what "
    "someone somebody anyone anybody everyone everybody people person nobody one all both each every some any no and or but "
    "so then just really also even still never always only not there here everything nothing something things stuff life "
    "therapy therapist therapists counselling counseling counsellor counselor counsellors psychologist psychiatrist doctor doctors "
    "gp nhs cbt emdr dbt act meds medication medications pills tablets antidepressants sertraline prozac citalopram lithium "
    "treatment support group groups help sessions session practice clinic team staff service services hospital rehab "
    "time today yesterday tomorrow tonight week weeks month months year years work school uni college "
    "exercise yoga meditation mindfulness diet sleep music art books book apps app podcasts faith church god jesus prayer "
    "family friends mum mom dad mother father nan gran husband wife partner kids children parents "
    "page post posts site website video videos article course program programme class classes workshop talk advice tips "
    "honestly anyway personally definitely tho though lol omg nature walks pets dog dogs cat lexapro fluoxetine propranolol "
    "mirtazapine venlafaxine when if ngl well ok okay yes yeah yep nope because cos since after before while as at in on of to from "
    "ugh wow right look listen guys folks update note psa edit fyi btw tbh imo seriously literally firstly "
    "by about like how why where whoever whatever hi hey hello dear thanks sorry would could should might may must will can did does do "
    "had has have was were is are been be"
).split()
_DAYS_EARLY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)days?"
_N = r"(?:(?:dr|doctor|mrs|mr|ms|miss)\.? )?(?!(?:" + words_rx(_NOT_A_NAME) + r"|[a-z]+ing)\b)[a-z][a-z'-]{1,20}"
_DAYS = r"(?:mon|tues|wednes|thurs|fri|satur|sun)days?"
NAMED_CARE = rx(
    # an activity of therapy with someone: "my session with Priya", "doing EMDR with Tom", "sessions at X with Maya"
    r"(?:sessions?|appointments?|therapy|counsell?ing|emdr|cbt|dbt|breakthrough|work|catch-?up|chats?|(?:\d+|a few|few|six|three|two|four|five|eight|ten|twelve|several|many) (?:weeks|months|years|sessions)|(?:my|our|the) \d{1,2}(?:[:.]\d\d)? ?(?:am|pm)?) (?:(?:at|on) \w+ |here |today |yesterday |tonight |last \w+ |this \w+ )?(?:with|w/|w) " + _N,
    # someone's regular slot: "owen's thursday 6pm slot", "Tom's Tuesday arvo slot"
    _N + r"'s (?:(?:" + _DAYS_EARLY + r")|\d{1,2}(?:[:.]\d\d)? ?(?:am|pm)?|weekly|regular|usual|morning|evening|arvo|afternoon|lunchtime)(?: [\w:]+){0,2} (?:slot|session|sesh|appointment|appt|group|class)",
    # the practitioner doing something for the client: "Maya diagnosed my", "Priya's been treating my son", "Tom who got me"
    # the client going to or talking to someone about something: "goes to Priya for his gambling", "told Tom about"
    r"(?:seeing|sees|saw|seen|goes to|going to|went to|been to|been with|gone to|coming to|comes to|came to|started with|started seeing|talking to|talked to|told|telling|tell) "
    + _N + r" (?:\w+ ){0,3}?(?:for|about|re|regarding|since)\b",
    r"(?:i|we|i'?ve|we'?ve) (?:see|go to|come to) " + _N + r" (?:\w+ ){0,3}?(?:for|about|re|since)\b",
    r"(?:seeing|sees|saw|goes to|going to|coming to|comes to|started with) " + _N + r" (?:here|at (?:your|the) (?:clinic|practice|centre|center|place))\b",
    r"(?:diagnosis|diagnosed|referral|referred|prescription|prescribed|assessed|assessment) (?:\w+ ){0,2}?(?:from|by|with) " + _N,
    # a message passed on to the practitioner in public: "tell Tom I can't make it, my meds...", "tell Priya thanks"
    r"(?:tell|let) " + _N + r" (?:know )?(?:that )?(?:i|i'?m|i'?ve|i'?ll|we|thanks|thank you)\b",
)
_THANKS = r"(?:thanks|thank you|thank u|thanku|thankyou|thx|ty|tysm|cheers|shout-?out|grateful|big thank you|massive thank you|respect|props|kudos|hats off|big love)"
# Greetings, thanks and messages to someone by name: private only with the writer's own topic
# ("the panic attacks were back", "I relapsed"), not "thanks Tom for the talk on anxiety".
_ADDRESSED_PARTS = (
    r"(?:dear|hi|hello|hey+|hiya|morning|sorry|" + _THANKS + r") " + _N,
    _N + r",? (?:you|u)(?: have|'ve| really)? (?:changed|saved|helped|got|have been|are|were|made)\b",
    _N + r"(?:[,!.:] | )(?:" + _THANKS + r"|sorry)\b|" + _N + r"[,!:](?= \w)|" + _N + r",? if (?:you|u) (?:see|read|are reading|'re reading|get) this",
    _THANKS + r"(?: so much| again)?(?: to)? " + _N + r",? (?:for|who)\b",
)
# Only at the start of a post: compiled apart and tried there alone (not at every word).
ADDRESSED_AT_START = re.compile("(?:" + "|".join(_ADDRESSED_PARTS[:-1]) + r")(?!\w)")
THANKED = rx(_ADDRESSED_PARTS[-1])
# What makes a named tie private: a condition (privacy_concepts.CONDITION), a life event, or the
# content of sessions ("what we practised", "re my dad").
TOPIC = rx(
    r"divorce|separation|marriage|miscarriage|abuse|abused|bereavement|funeral|died|passed away|childhood|what happened to me|"
    r"couples|emdr|cbt|dbt|my meds|intrusive thoughts|sober|clean for|assault|assaulted|raped|rape|affair|infertility|ivf|custody|bullying|bullied|"
    r"domestic violence|nightmares|flashbacks|relapsed",
    r"(?:about|re|regarding|over|around) (?:my|our) (?:\w+ )?(?:dad|mum|mom|father|mother|parents|ex|husband|wife|partner|son|daughter|kids?|childhood|past|family|relationship|marriage)",
    r"(?:we|you and i) (?:talked(?: about)?|discussed|practi[sc]ed|worked on|went over|went through)|like we (?:practi[sc]ed|said|discussed)",
    r"(?:for|with|about|re) (?:my|his|her|their) (?:\w+ )?(?:issues|problems?|stuff|struggles|recovery|diagnosis|mental health|habit)|the \w+ stuff",
    r"(?:a|the|my) (?:really |very |so )?(?:dark|rough|hard|tough|difficult|bad|awful|worst) (?:time|patch|place|period|year|months|spell)|rock bottom",
)
# The writer's own condition: "my bulimia", "the panic attacks", "I relapsed", "I've been self harming".
PERSONAL = rx(
    r"(?:my|our|the|i|i'?m|i'?ve|i was|i had|i have|me|been) (?:[\w']+ ){0,2}?(?:" + "|".join(CONDITION.parts) + r")",
    r"i (?:relapsed|self[- ]harmed|cut again|drank again|used again|slipped)|because of (?:my |the )?(?:" + "|".join(CONDITION.parts) + r")",
)
# Someone placed in a therapy group, or a writer placing themselves there: strong on their own.
MEMBER = rx(
    r"(?:it'?s|its|i'?m|this is) (?:me|" + _N + r") from (?:the |my |our |your )?(?:\w+ ){0,3}?(?:group|groups|group sessions?|sessions|" + _DAYS + r")",
    r"(?:you|u) (?:go|come|goes|comes|been going|been coming) here too",
    r"(?:i'?m|i am|i was) (?:the one |the \w+ )?(?:who was |who'?s |that was )?in (?:the|your) (?:" + _DAYS + r"|" + "|".join(CONDITION.parts) + r") (?:\w+ )?group",
    r"(?:didn'?t|did not|never) know (?:you|u) (?:were|was|went|go|had|have|are) (?:\w+ ){0,3}?(?:regular|client|patient|in therapy|having therapy|having counsell?ing|getting help|seeing someone|coming here|going here)",
)
# Someone seen at the practice: strong when the place is the practice's ("your waiting room",
# "reception"); weak when it is only a name or a door, then a worry or a condition must follow.
SEEN_AT = rx(
    r"(?:saw|see|seen|spotted|spotting|clocked|noticed|seeing|caught|sat (?:opposite|next to|beside|across from|with)|bumped into|ran into) (?:[\w@'.-]+ ){1,6}?(?:in|at|outside|near|going into|going in to|coming out of|leaving) (?:your|ur|this) (?:\w+ ){0,2}?(?:waiting room|waiting area|reception|car park|carpark|clinic|practice|building|office|lobby|centre|center|place|door)",
    r"(?:saw|see|seen|spotted|spotting|clocked|noticed|seeing|caught|sat (?:opposite|next to|beside|across from|with)|bumped into|ran into) (?:[\w@'.-]+ ){1,6}?(?:in|at) (?:the |your )?(?:[\w.-]+(?:'s)? ){0,2}?(?:waiting room|waiting area|reception)",
    r"(?:is|isn'?t|was) (?:that|this|it) (?:you|u|@[\w.]+) (?:in|at) (?:the |your )?(?:waiting room|reception|group)",
    r"(?:recogni[sz]ed?|recogni[sz]ing|know) (?!(?:myself|me|so|a lot)\b)(?:[\w@'.-]+ ){1,5}?(?:in|at) (?:your|the) (?:\w+ ){0,2}?(?:waiting room|reception|group)",
)
SEEN_GOING = rx(
    r"(?:saw|see|seen|spotted|spotting|clocked|noticed|seeing|caught|sat (?:opposite|next to|beside|across from|with)|bumped into|ran into) (?:[\w@'.-]+ ){1,6}?(?:going in(?:to| to)?|went in(?:to| to)?|coming out(?: of)?|came out(?: of)?|leaving|walking (?:in|out)(?:to| of)?|in the car park|outside)\b",
    # "Mr Fensom was in the Harbourlight waiting room with his wife": weak, a worry must follow
    r"(?<!i )(?<!we )(?<!there )(?<!it )(?<!i was )(?:was|were|is|'s) (?:in|at|sat in|sitting in) (?:the|your|ur|[\w.-]+'s) (?:[\w.-]+ ){0,2}?(?:waiting room|waiting area|reception)",
    # someone in the practice's picture named: "the woman in your photo is my neighbour"
    r"(?:the|that) (?:\w+ ){0,3}?in (?:your|the) (?:\w+ ){0,3}?(?:photo|pic|picture|video|reel|post) (?:is|was|looks like) (?:my|our|definitely|def|totally)\b",
)
CONCERN = rx(
    r"hope (?:all|everything|things)(?:'s| is| are) (?:ok|okay|alright|all right|good|fine)|hope (?:s?he|they|you|u)(?:'s|'re| is| are)? (?:ok|okay|alright|all right|doing (?:ok|okay|alright|better|well)|feeling better|getting (?:help|better))",
    r"must be (?:going through|struggling|having)|going through (?:something|a lot|stuff|it|a rough|a hard|a tough|a bad)|dealing with|"
    r"getting (?:help|support|treatment|therapy)|bless (?:him|her|them)|finally (?:getting|dealing|sorting)|poor (?:guy|girl|thing|love|bloke|lad|woman|man)",
)
# The same ideas with the name first ("Maya diagnosed my", "Tom said in our session", "Jas from the
# Friday group"): scanned apart, only when their verbs occur, as a leading name slot is tried at every word.
NAMED_CARE_BY_NAME = rx(
    _N + r"(?:'s| has| had| have| is| was| who(?: has| had| is)?)?(?: been| just| really| finally| genuinely| honestly| literally| truly| actually| basically| totally| properly)? (?:seeing|saw|sees|seen|treating|treated|treats|helping|helped|helps|"
    r"diagnosed|got|getting|gotten|saved|supporting|supported|sorted|working with|worked with|listening to|listened to) (?:me|my|him|his|her|us|our)\b",
    _N + r" (?:said|told me|says|thinks|reckons|suggested|mentioned|asked|brought up|went into) (?:\w+ ){0,5}?(?:in|during|at|after) (?:our|my|the last|today'?s|yesterday'?s|last week'?s)(?: very| first| last| second){0,2} (?:session|appointment)",
)
MEMBER_BY_NAME = rx(
    _N + r" (?:from|in) (?:the|my|our|your) (?:" + _DAYS + r"(?:'s)? (?:[\w:]+ ){0,3}?(?:group|session|sessions|class|circle)|(?:\w+ ){0,2}?(?:group session|support group|therapy group|recovery group))",
    _N + r" and (?:the rest of|everyone (?:else )?in|all in|the others in) (?:the|our|my|your) (?:\w+ ){0,4}?group",
)
NAMED_SCAN = GroupScan({"member": MEMBER, "seen": SEEN_AT, "going": SEEN_GOING, "named": NAMED_CARE, "addressed": THANKED})
_TOKEN = re.compile(r"(?:(?:[Dd]r|[Dd]octor|[Mm]rs|[Mm]r|[Mm]s|[Mm]iss)\.? )?@?[\w'.-]+")
_TITLE = re.compile(r"(?:dr|doctor|mrs|mr|ms|miss)\.? |@", re.IGNORECASE)
_FRAME_WORDS = frozenset(_NOT_A_NAME) | frozenset(re.findall(r"[a-z]{2,}", " ".join(NAMED_CARE.parts + MEMBER.parts + _ADDRESSED_PARTS + NAMED_CARE_BY_NAME.parts + MEMBER_BY_NAME.parts)))


def has_name(original: str, start: int, end: int) -> bool:
    """Whether original[start:end] holds a person's name: a title or @handle, or a word outside the
    frame words written with a capital, or in any case when the writer does not capitalise at all
    ("just left our session with tom")."""
    casual = next((c.islower() for c in original if c.isalpha()), False)
    for m in _TOKEN.finditer(original, start, end):
        tok = m.group()
        if _TITLE.match(tok):
            return True
        word = tok.lower().rstrip("'.-").removesuffix("'s")
        if word in _FRAME_WORDS or not word.isalpha():
            continue
        if casual or tok[0].isupper():
            return True
    return False


def names_in(original: str, folded: str) -> bool:
    """Whether the text names someone who is not staff ("Pauline Ward", "Mrs Clarke")."""
    return any(m.group().split()[0] not in _NOT_NAMES and not _not_a_client(folded, m.start()) for m in NAME.finditer(original))
