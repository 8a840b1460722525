"""Abuse: insults, slurs, harassment, threats and profanity aimed at people.

Criticism is not abuse. Words are only flagged where they are aimed at someone: an insulting noun
("idiot", "cow") unless the writer reports being called it ("she called me a psycho") or uses it of
themselves; an insulting adjective only when aimed ("you're pathetic", "stupid woman"); swearing only
when directed ("f*** off"), not as emphasis ("bloody brilliant", "what the hell"). Word lists match
the de-obfuscated view, so l33t, masked, spaced and stretched spellings are caught too.
"""

from __future__ import annotations

import re

from monitor.checks.posts.patterns import Alternation
from monitor.checks.posts.normalise import Normalised, collapse_word
from monitor.checks.posts.rules import Hit, rx, words_rx

SLURS = (
    "retard retarded faggot fag nigger nigga tranny spastic spaz paki kike chink coon wog gyppo pikey "
    "raghead towelhead wetback"
).split()
STRONG_NOUNS = (
    "cunt twat wanker bitch slag whore slut dickhead bellend tosser scumbag scumbags scum shitbag asshole "
    "arsehole motherfucker cocksucker douchebag knobhead pervert nonce hag cretin imbecile nutjob dumbass jackass "
    "prick shithead fuckwit fuckface dipshit pillock bastard leech leeches parasite sleazebag nutcase vermin cockroach cockroaches maggot maggots "
    "dickface bitches cunts twats wankers sluts whores dickheads bellends tossers shitbags assholes arseholes "
    "perverts hags cretins imbeciles dumbasses pricks bastards parasites"
).split()
MILD_NOUNS = (
    "idiot idiots moron morons loser losers clown clowns creep creeps psycho psychos nutter nutters freak freaks "
    "snowflake snowflakes numpty numpties halfwit halfwits dimwit dimwits muppet muppets"
).split()
# Nouns that are also plain criticism or ordinary words: only insults when aimed ("you frauds").
TARGETED_NOUNS = "fraud frauds coward cowards witch witches cow cows bag pig pigs joke quack quacks charlatan charlatans rats".split()
ADJECTIVES = (
    "stupid thick dumb pathetic worthless ugly fat disgusting vile evil lazy incompetent arrogant creepy sleazy "
    "silly daft spineless brainless braindead greedy useless miserable smug ignorant fucking effing bloody "
    "shitty crappy nasty absolute utter total complete"
).split()
PERSON_NOUNS = (
    "woman women man men girl boy person people therapist therapists counsellor counsellors counselor counselors "
    "receptionist bloke lady human humans being beings"
).split()
PROFANE_WORDS = "fuck fucking fucker fucked shit cunt wank wanker bitch twat piss bastard".split()

def _plurals(words: list[str]) -> list[str]:
    return words + [w + ("es" if w.endswith(("ch", "sh", "s")) else "s") for w in words if not w.endswith("s")]


SLURS, STRONG_NOUNS, MILD_NOUNS, TARGETED_NOUNS = (_plurals(x) for x in (SLURS, STRONG_NOUNS, MILD_NOUNS, TARGETED_NOUNS))
_ALL_NOUNS = SLURS + STRONG_NOUNS + MILD_NOUNS
MASKABLE = sorted({collapse_word(w) for w in _ALL_NOUNS + ADJECTIVES + PROFANE_WORDS + ["stupid", "fucking", "fucked", "shut"]})

_NOUN_RE = re.compile(r"(?<![a-z*])(?:" + words_rx([collapse_word(w) for w in _ALL_NOUNS]) + r")(?![a-z*])")
_SLUR_SET = frozenset(collapse_word(w) for w in SLURS)
_MILD_SET = frozenset(collapse_word(w) for w in MILD_NOUNS)
_ADJ = words_rx([collapse_word(w) for w in ADJECTIVES])
_PERSON = words_rx([collapse_word(w) for w in PERSON_NOUNS + _ALL_NOUNS + TARGETED_NOUNS])
# "you stupid woman", "fat ugly loser", "a lazy, incompetent slag", "silly old bag"
_ADJ_PERSON_RE = re.compile(r"(?<![a-z*])(?:" + _ADJ + r")(?:,? (?:and )?(?:" + _ADJ + r"))*,? (?:litle |old )?(?:" + _PERSON + r")(?![a-z*])")
# "you're pathetic", "god you're thick", "you are so st*pid", "ur a joke", "you lot are cowards"
_YOU = r"(?:you|u|ya|yu|ur|your|youre|you're|yr)"
_AIMED_RE = re.compile(
    r"(?<![a-z*])" + _YOU + r"(?:'re| are| r| re|re)?(?: (?:al|lot|people|guys|lot are|people are))?(?: (?:so|such|realy|a|an|the|just|al|truly|fucking|absolutely|utterly|complete|a bunch of|a load of|a pack of|bunch of))* "
    r"(?:" + _ADJ + "|" + words_rx([collapse_word(w) for w in TARGETED_NOUNS]) + r")(?![a-z*])"
)
_ANY_ADJ_RE = re.compile(r"(?<![a-z*])(?:" + _ADJ + "|" + words_rx([collapse_word(w) for w in TARGETED_NOUNS]) + r"|excuse)(?![a-z*])")
_EXCUSE_RE = re.compile(r"(?<![a-z*])(?:(?:" + _ADJ + r"),? )*excuse (?:for|of) a (?:" + _PERSON + r")")
_PROF = r"(?:f ?u ?c ?k|f\*+|f\*+k|f\*+ck|fu\*+|fuk|fk|fck|feck|frick|screw)"
_DIRECTED_RE = Alternation(
    [
        _PROF + r" (?:you|u|yu|yoursel(?:f|ves)|of|ya|your \w+|this place|the lot of you)",
        r"get " + _PROF + r"(?:ed|d)",
        r"go " + _PROF + r" (?:yoursel(?:f|ves)|urself|yourself|ursel)",
        r"pis of|sod of|buger of|naf of|up yours|eat shit|kis my (?:as|arse)",
        r"shut (?:up|it|your (?:mouth|face|gob|trap)|the (?:f|fuck|hel) up)|stfu|gtfo",
        r"shove .{1,40}? up your (?:as|arse)",
        r"you people disgust me|die in a (?:fire|ditch|hole)|rot in hel+|kys",
    ],
    "a-z*",
    r"(?![a-z*])",
)
_EMOJI_RE = re.compile("\U0001f595")  # middle finger
_THREAT_RE = rx(
    r"i know where (?:you|she|he|they|your \w+) (?:lives?|works?)",
    r"(?:i'?ll|i will|i'?m gonna|i'?m going to|ill) be (?:waiting|outside|there)(?: \w+){0,3} (?:your|ur) (?:office|house|home|work|clinic|door|car)",
    r"(?:you'?re|you are|ur|you) (?:gonna|going to) (?:regret|pay for|get)",
    r"(?:catch(?:es)? fire|go(?:es)? up in flames|burns? (?:it |this place |you )?down)",
    r"(?:thick|dumb|stupid|daft) as (?:mince|a brick|two short planks|shit|pig ?shit|a plank|\w+ (?:mince|planks?))",
    r"someone (?:should|needs to|oughta|ought to) (?:smack|slap|punch|hit|beat|kick) (?:some sense into |the \w+ out of )?",
    r"watch (?:your|ur) back",
    r"you(?:'ll| will) (?:regret|pay for)",
    r"(?:you(?:'ll| will) )?get what'?s coming(?: to you)?",
    r"i(?:'ll| will) make sure (?:of it|you)",
    r"(?:i'?m|i am|i'?ll|i will|gonna|going to)(?: come(?: down)?(?: there| to \w+(?: \w+)?)? and)? (?:[\w*]+ing )?(?:hurt|kil+|smash|stab|punch|beat|batter|destroy|strangle|shoot|deck|end) (?:you|her|him|them|your \w+)",
    r"smash (?:your|ur|his|her) (?:face|head)",
    r"(?:hope|wish) (?:that )?(?:you|u|she|he|they|your \w+|the \w+|it)(?: all)? (?:die|dies|burn|burns|rot|rots|suffer|suffers|get cancer)",
    r"burns? down with (?:you|u|them)",
    r"go (?:and )?(?:kil+|hang|top|off) (?:yoursel(?:f|ves)|urself)",
    r"kil+ (?:yoursel(?:f|ves)|urself)",
    r"go die",
    r"(?:nobody|no one|no-one) (?:wants|likes|needs) you",
    r"go back (?:to )?where (?:you|u) came from",
    r"you deserve to (?:die|suffer|lose|be \w+ed)",
    r"(?:brick|rock) through (?:your|ur) window",
    r"someone (?:should|needs to|oughta) (?:hurt|kil+|shoot|punch|sort out|deal with) (?:you|her|him|them)|someone (?:should|needs to|oughta) sort (?:you|her|him|them) out",
    # Frame: harm to the target or their property wished or foretold ("hope someone smashes your windows in").
    r"(?:hope|wish|bet|watch|wait till|until) (?:someone|somebody|some\w+ (?:day|one)|you|your \w+|they) (?:\w+ )?(?:smash\w*|burn\w*|torch\w*|trash\w*|key\w*|wreck\w*|break\w*|slash\w*|batter\w*|beat\w*|rob\w*|attack\w*|hurt\w*|get(?:s)? (?:hurt|attacked|beaten|robbed|sacked|what)) (?:\w+ )?(?:your|ur|you|his|her|their)\b",
)
_REPORTED_BEFORE = re.compile(
    r"(?:cal+(?:ed|ing|s)?|named|label+ed) (?:me|us|my \w+|him|her|them)(?: an?| such an?| a total| a complete)?\s*[\"']?\s*$"
    r"|(?:said|say|says|told me|wrote|texted|shouted|yelled|told us)(?: that)?(?: i was| i'm| i am| we were| we are)?(?: being)?(?: an?| such an?)?\s*[\"']?\s*$"
    r"|(?:the word|words like|words such as|used the word|use of)\s*[\"']?\s*$"
    r"|(?:i'?m|i am|i was) (?:such an?|an?|so|just an?|a complete|a total|an absolute|an utter)\s*$"
    r"|(?:i feel|i felt|felt|feel|made me feel|makes me feel|look) like (?:such )?an?(?: complete| total)?\s*$|myself\s*$"
)
_QUOTE_RE = re.compile(r"\"[^\"]{1,160}\"|(?<![\w])'[^'\n]{1,60}'(?![\w])")
_REPORT_VERB_RE = re.compile(r"\b(?:said|says|say|saying|called|calling|call|told|wrote|texted|shouted|shouting|yelled|yelling|word|words|tell|telling|accused|mutter\w*|whisper\w*|scream\w*|sneer\w*|laugh\w*|label+\w*|referred to|comments? like|kept|heard)\b")


def _reported(folded: str, start: int) -> bool:
    """True where the words are reported or quoted ("called me a psycho"), or self-directed."""
    before = folded[max(0, start - 40):start]
    if _REPORTED_BEFORE.search(before):
        return True
    if '"' in folded or "'" in folded:
        for q in _QUOTE_RE.finditer(folded):
            if q.start() <= start < q.end() and _REPORT_VERB_RE.search(folded, max(0, q.start() - 60), q.start()):
                return True
    return False


def _masked_view(norm: Normalised) -> str:
    """The de-obfuscated text with masked words ("c*nt", "f***") filled in from the word lists."""
    deob, _, _ = norm.deob
    if "*" not in deob:
        return deob
    chars = list(deob)
    for m in re.finditer(r"[a-z]*\*+[a-z*]*", deob):
        token = m.group()
        if sum(c.isalpha() for c in token) < 1:
            continue
        pattern = re.compile(token.replace("*", "[a-z]").replace("[a-z][a-z]", "[a-z]{2}") + r"\Z")
        for word in MASKABLE:
            if len(word) == len(token) and pattern.match(word):
                chars[m.start():m.end()] = word
                break
    return "".join(chars)


def find(norm: Normalised) -> list[Hit]:
    hits: list[Hit] = []
    deob, _, runs = norm.deob
    text = _masked_view(norm)
    folded = norm.folded
    for m in _NOUN_RE.finditer(text):
        s, e, _ = norm.deob_span(m.start(), m.end())
        if _reported(folded, s):
            continue
        word = m.group()
        if word in _SLUR_SET:
            hits.append(Hit("abusive", "abusive.slur", "It uses a slur.", [(s, e)]))
        elif word in _MILD_SET:
            hits.append(Hit("abusive", "abusive.insult", "It calls someone an insulting name.", [(s, e)]))
        else:
            hits.append(Hit("abusive", "abusive.insult", "It calls someone an offensive name.", [(s, e)]))
    for rgx in (_ADJ_PERSON_RE, _AIMED_RE, _EXCUSE_RE) if _ANY_ADJ_RE.search(text) else ():
        for m in rgx.finditer(text):
            s, e, _ = norm.deob_span(m.start(), m.end())
            if _reported(folded, s) or _is_only_intensifier(m.group()):
                continue
            hits.append(Hit("abusive", "abusive.insult", "It insults a person directly.", [(s, e)]))
    for m in _DIRECTED_RE.finditer(text):
        s, e, _ = norm.deob_span(m.start(), m.end())
        if not _reported(folded, s):
            hits.append(Hit("abusive", "abusive.directed_profanity", "It swears at someone or tells them to go away.", [(s, e)]))
    for a, b in runs:  # words spelt out letter by letter to dodge filters
        chunk = text[a:b]
        if any(w in chunk for w in ("fuck", "cunt", "wanker", "bitch", "twat", "shit", "slut", "whore")):
            s, e, _ = norm.deob_span(a, b)
            hits.append(Hit("abusive", "abusive.obfuscated_profanity", "It spells out a swear word letter by letter to get past filters.", [(s, e)]))
    for m in _THREAT_RE.finditer(folded):
        if not _reported(folded, m.start()):
            hits.append(Hit("abusive", "abusive.threat", "It threatens or wishes harm on someone.", [m.span()]))
    for m in _EMOJI_RE.finditer(norm.original):
        hits.append(Hit("abusive", "abusive.gesture", "It uses an obscene gesture at someone.", [m.span()]))
    return hits


_INTENSIFIERS_ONLY = frozenset(collapse_word(w) for w in "fucking effing bloody absolute utter total complete old".split())


def _is_only_intensifier(match: str) -> bool:
    """'you absolute' or 'your bloody' alone are not insults; a real adjective or noun must follow."""
    last = match.rsplit(" ", 1)[-1]
    return last in _INTENSIFIERS_ONLY
