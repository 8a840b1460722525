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

from monitor.checks.posts.rules import rx

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
NAME = re.compile(r"(?<=[a-z,;:)] )(?:(?:Mr|Mrs|Ms|Miss)\.? )?[A-Z][a-z]{2,}(?: [A-Z][a-z]+| [A-Z]\.)?|^(?:Mr|Mrs|Ms|Miss)\.? [A-Z][a-z]+")
_NOT_NAMES = frozenset(
    "I Dr Doctor Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September "
    "October November December Google Facebook Instagram NHS GP CBT EMDR DBT ADHD OCD PTSD HIV Christmas Easter English British "
    "Thanks Thank Hi Hello Hey Please Sorry Tesco Bristol London Leeds Manchester Harbourlight Yelp Trustpilot Psychology Today "
    "LinkedIn TikTok Spotify Amazon Zoom WhatsApp BBC Guardian Mind Samaritans Doctify Healthgrades Boots Etsy Ko".split()
)
_PLACE = r"(?:you|your (?:\w+ ){0,2}(?:clinic|practice|team|service|group|programme|program|course|centre|center|building|place|office|unit|sessions?|therapists?|counsell?ors?|psychologists?|psychiatrists?|nurses?|ot|doctors?|staff)|here|this (?:clinic|practice|place|service|centre|center)|dr\.? \w+)"
CARE_LINK = rx(
    r"(?:sees?|seeing|saw|goes to|go to|going to|gone to|went to|comes? to|coming to|came to|attends?|attending|started (?:with|at|seeing)|starting (?:with|at)|been (?:seeing|going to|coming to)|booked in with|referred to|in treatment with|having (?:therapy|counsell?ing|sessions) (?:with|at|here)|getting (?:\w+ )?(?:treatment|therapy|help|counsell?ing) (?:from|at|with)?) ?" + _PLACE,
    r"(?:is|are|was|been) (?:in|on|under|with|part of) " + _PLACE,
    r"(?:is|are|was|been) (?:one of )?your (?:clients?|patients?)|(?:a|one of) (?:your|the) (?:clients?|patients?)",
    r"(?:coming|came|leaving|left) (?:out of|from) " + _PLACE,
    r"(?:since|after|through) (?:starting|working|finishing|sessions?|therapy|treatment) (?:with|at) us\b",
    r"(?:getting|gets|having|has|had) (?:\w+ )?(?:treatment|therapy|counsell?ing|help|sessions) (?:here|with you|at your \w+)",
)
CONDITION = rx(
    r"depression|depressed|anxiety|bipolar|ptsd|ocd|adhd|autism|autistic|eating disorder|anorexi\w*|bulimi\w*|binge|addiction|addict|alcoholic|alcohol|"
    r"drinking|drugs?|gambling|breakdown|psychosis|psychotic|schizophreni\w*|dementia|panic(?: attacks| disorder)?|self[- ]?harm\w*|trauma|"
    r"grief|suicid\w*|hiv|rehab|relapse|detox|borderline|bpd|phobia|ocd|insomnia|postnatal|post-natal|stress|burnout|anger|psychiatric|sectioned|meds|medication|sertraline|antidepressants?|diagnos\w*"
)
THERAPY = rx(r"therap\w*|counsell?\w*|treatment|sessions?|group|programme|program|psycholog\w*|psychiatr\w*|clinic|appointments?|rehab|diagnos\w*")
OWN_LINK = rx(
    r"(?:as|i'?m|i am|being) (?:a|one of your|your|an? \w+) (?:clients?|patients?)(?: (?:here|of yours))?|(?:a |one of )?\w+'s clients?|(?:client|patient) of (?:yours|\w+'s|dr\.? \w+)",
    r"my (?:\w+ )?(?:therapist|counsell?or|psychologist|psychiatrist|ot|nurse|clinician|key ?worker|practitioner)(?:,)? (?:here|at (?:this|your|the) \w+|with you|dr\.? \w+)",
    r"(?:your|the) (?:\w+ )?(?:therapist|counsell?or|psychologist|psychiatrist|clinician|nurse|team|group) (?:\w+ )?(?:got me|helped me|has helped me|is helping me|saved me|diagnosed me|treated me|put me)",
    r"(?:since|after|before) (?:starting|i started|i began|beginning|coming) (?:here|with you|at your \w+|therapy here|sessions here)",
    r"(?:we'?ve|i'?ve|i|we) (?:been )?(?:doing|having|started|began|finished) (?:\w+ )?(?:counsell?ing|therapy|sessions|treatment|emdr|cbt|dbt) (?:here|with you|at your)",
    r"(?:session|week) \d+ (?:with|at|of) (?:my |your )?(?:\w+ )?(?:therapist|counsell?or|psychologist|therapy|sessions?|dr\.? \w+)(?: here)?",
    r"(?:my|our) session (?:with|at) (?:dr\.? )?\w+",
    r"(?:i'?m|i am|i'?ve been|been) (?:in|under) (?:treatment|therapy|counsell?ing|your care) (?:with|here|at)",
    r"\w+ (?:helped|has helped|got|saved|is helping|diagnosed) me (?:\w+ ){0,3}(?:with|through|out of|get over|overcome) (?:my|it|the)",
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
        names = [m for m in NAME.finditer(original, s, e) if m.group().split()[0] not in _NOT_NAMES and not _clinician(folded, m.start())]
        if (people or names) and links:
            other += links
        elif conds and (names or (people and _POSSESSIVE.search(folded, s, e))) and (parts.get("therapy") or THERAPY.search(folded[s:e])):
            other += conds
    return other, selfd


_CLINICIAN_BEFORE = re.compile(r"(?:dr\.?|doctor|therapist|counsell?or|psychologist|psychiatrist|with|to|thanks|thank you|from|at|nurse|and)\s*$")


def _clinician(folded: str, start: int) -> bool:
    """A name right after a clinician word or "with" ("your counsellor Jo", "sessions with Hannah") is staff, not a client."""
    return bool(_CLINICIAN_BEFORE.search(folded, max(0, start - 16), start))


# The condition belongs to the person ("her panic disorder", "he's bipolar"), not the writer.
_POSSESSIVE = re.compile(r"\b(?:his|her|their|he|she|they)\b|'s\b")
