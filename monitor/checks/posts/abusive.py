"""Abuse: insults, slurs, harassment, threats and profanity aimed at people.

Criticism is not abuse. Words are only flagged where they are aimed at someone: an insulting noun
("idiot", "cow") unless the writer reports being called it ("she called me a psycho") or uses it of
themselves; an insulting adjective only when aimed ("you're pathetic", "stupid woman"); swearing only
when directed ("f*** off"), not as emphasis ("bloody brilliant", "what the hell"). Word lists match
the de-obfuscated view, so l33t, masked, spaced and stretched spellings are caught too.
"""

from __future__ import annotations

import re

from monitor.checks.posts.patterns import Alternation, compile_guarded
from monitor.checks.posts.normalise import Normalised, collapse_word
from monitor.checks.posts.rules import Hit, rx, sentence_bounds, words_rx

SLURS = (
    "retard retarded faggot fag nigger nigga tranny spastic spaz paki kike chink coon wog gyppo pikey "
    "raghead towelhead wetback mong mongoloid trannies lezza lezzas lesbo lesbos poofter poofters shemale spastics spacker spakka "
    "sambo golliwog gook spic dago kaffir"
).split()
STRONG_NOUNS = (
    "cunt twat wanker bitch slag whore slut dickhead bellend tosser scumbag scumbags scum shitbag asshole "
    "arsehole motherfucker cocksucker douchebag knobhead pervert nonce hag cretin imbecile nutjob dumbass jackass "
    "prick shithead fuckwit fuckface dipshit pillock bastard leech leeches parasite sleazebag nutcase vermin cockroach cockroaches maggot maggots "
    "dickface bitches cunts twats wankers sluts whores dickheads bellends tossers shitbags assholes arseholes "
    "perverts hags cretins imbeciles dumbasses pricks bastards parasites "
    "gobshite skank subhuman pedo paedo peado pedophile paedophile sleazeball dirtbag lowlife lowlifes "
    # transposed and regional spellings: "cnut", Australian "deadshit", American "asshat", "jagoff"
    "cnut cnuts kunt kunts deadshit asshat cockhead shitcunt jagoff cockwomble twatwaffle shitstain dickweed "
    # the same insults in the other languages commenters mix in
    "chutiya chutiye madarchod behenchod bhenchod bhosdike gandu harami pendejo gilipollas cabron puta connard "
    "salope arschloch hurensohn wichser stronzo coglione bloodclaat bumbaclaat rasclaat knn kanina"
).split()
MILD_NOUNS = (
    "idiot idiots moron morons loser losers clown clowns creep creeps psycho psychos nutter nutters freak freaks "
    "snowflake snowflakes numpty numpties halfwit halfwits dimwit dimwits muppet muppets "
    "dropkick slob weirdo simp headcase schizo plonker wazzock prat berk eejit numbskull nitwit twit "
    "airhead bozo dork dweeb fatso lardass minger crackpot "
    "dingbat drongo nincompoop twpsyn crone wench dunce buffoon dolt ignoramus simpleton tosspot knobend dickwad "
    "bawbag bampot crackhead perv pervs fatty fatties gimp "
    # Scottish, Irish, Australian, New Zealand and American name-calling
    "munter munters crybaby crybabies dobber walloper gowl skanger gombeen amadan gobdaw tumshie bawheid nyaff "
    "numbnuts doofus meathead putz schmuck shmuck jabroni cuck wuss ratbag pisspot knobjockey "
    # the same in the Spanish, Portuguese and Italian commenters mix in
    "idiota idiotas estupido estupida imbecil cretino cretina pelotudo boludo huevon "
    # Nigerian, Malay and Hindi insults that commenters write in English text
    "mumu olodo bodoh"
).split()
# Insults that only ever name a person but are also ordinary words ("cow", "snake", "tool"): flagged
# when aimed ("you lying cow"), after an insulting adjective ("stuck-up cow") or said of someone ("Priya's a cow").
TARGETED_NOUNS = (
    "coward cowards witch witches cow cows bag pig pigs quack quacks charlatan charlatans rats liar liars git "
    "madam snake worm slug animal sheep fossil dinosaur boomer troll jerk knob tit mug melt tool crook conman "
    "thief thieves maniac lunatic loony looney incel bimbo degenerate joker jokers "
    "weapon div fud twp moo bat fool dummy ape monkey donkey snob weasel shill hooker hillbilly hillbillies poser "
    "looter looters paddy babi doos "
    # regional: "ya absolute rocket", "useless egg", "ya big sook", "you flog", "a right chancer"
    "egg rocket roaster fanny spanner jobby radge langer bollox bollix chancer spoofer waster culchie knacker "
    "bogan galah flog sook mongrel grub dero derro bludger dipstick wally chump douche hack"
).split()
# Words as often said of a service as of a person ("this place is a joke"): insults only when said to
# or of a person ("you're a joke", "Dr Okafor is a disgrace").
AMBIGUOUS_NOUNS = "fraud frauds joke disgrace disgraces embarrassment".split()
# Dehumanising predicates: insults when said to or of people ("your staff are trash").
DEHUMANISING = (
    r"trash|garbage|filth|piece of (?:shit|garbage|trash|crap|filth|work|dirt)|waste of (?:space|oxygen|skin|air|a human)"
)
# Adjectives that insult the person they describe ("stupid woman").
INSULT_ADJECTIVES = (
    "stupid thick dumb pathetic worthless ugly fat disgusting vile evil creepy sleazy silly daft spineless brainless braindead smug "
    "stupidest dumbest thickest ugliest fattest vilest laziest gormless senile inbred moronic idiotic dim-witted dimwitted "
    "pea-brained low-iq brain-dead glaikit minging mingin manky"
).split() + ["low iq", "brain dead"]
ADJECTIVES = INSULT_ADJECTIVES + (
    "fucking fuckin fkn fking fcking fckin fukin fuking effing effin frickin feckin bloody fokken "
    "flaming flamin freaking freakin frigging friggin fricking "
    "shitty crappy absolute utter total complete"
).split()
# Adjectives of criticism ("useless", "rude"): insults before an insult noun ("lazy slob", "lying cow")
# or said straight to someone ("you're useless"), not before a plain person ("an arrogant man answered").
CRITICAL_ADJECTIVES = (
    "lazy incompetent arrogant greedy useless miserable ignorant nasty sad litle old lying stuck-up stuck up "
    "smarmy snotty jumped-up jumped up two-faced two faced sneaky dirty filthy sorry pompous condescending "
    "patronising bent dodgy spoilt entitled rude horrible cruel spiteful clueless gullible bitter nosy thieving "
    "sanctimonious hypocritical shameless disgraceful manipulative godless brown-nosing weasel-faced cold "
    "foolish whiny whiney whingy whingey gutless clatty feral"
).split()
# Said straight to someone only ("are you mental", "ur so annoying").
AIMED_ADJECTIVES = r"anoying|insuferable|repulsive|revolting|unhinged|deranged|demented|dense|brain[ -]?damaged|brain[ -]?dead|mental(?! (?:health|il+nes|state|wel|load|note|block|breakdown|capacity|space|strength))"
PERSON_NOUNS = (
    "woman women man men girl boy person people therapist therapists counsellor counsellors counselor counselors "
    "receptionist bloke lady human humans being beings lad lads lass lasses guy guys dude dudes fella fellas chap"
).split()
PROFANE_WORDS = "fuck fucking fucker fucked shit shite cunt wank wanker bitch twat piss bastard".split()

def _plurals(words: list[str]) -> list[str]:
    return words + [w + ("es" if w.endswith(("ch", "sh", "s")) else "s") for w in words if not w.endswith("s")]


SLURS, STRONG_NOUNS, MILD_NOUNS, TARGETED_NOUNS = (_plurals(x) for x in (SLURS, STRONG_NOUNS, MILD_NOUNS, TARGETED_NOUNS))
_ALL_NOUNS = SLURS + STRONG_NOUNS + MILD_NOUNS
# Words people mask ("f***ing", "a**e"); not the mild intensifiers ("flaming" would fill "f***ing").
MASKABLE = sorted({collapse_word(w) for w in _ALL_NOUNS + ADJECTIVES + PROFANE_WORDS + ["stupid", "fucking", "fucked", "shut", "arse", "ass"]}
                  - {collapse_word(w) for w in "flaming flamin freaking freakin frigging friggin fricking".split()})


def _w(words: list[str]) -> str:
    return words_rx([collapse_word(w) for w in words])


_NOUN_RE = re.compile(r"(?<![a-z*])(?:" + _w(_ALL_NOUNS) + r")(?![a-z*])")
_SLUR_SET = frozenset(collapse_word(w) for w in SLURS)
_MILD_SET = frozenset(collapse_word(w) for w in MILD_NOUNS)
_ADJ = _w(ADJECTIVES)
_ANY_ADJ = "(?:" + _w(ADJECTIVES + CRITICAL_ADJECTIVES) + ")"
_INSULT_NOUN = _w(_ALL_NOUNS + TARGETED_NOUNS)
_PERSON = _w(PERSON_NOUNS + _ALL_NOUNS + TARGETED_NOUNS)
# "you stupid woman", "fat ugly loser", "a lazy, incompetent slag", "silly old bag", "stuck-up cow"
_ADJ_PERSON_RE = re.compile(
    r"(?<![a-z*])(?:(?:" + _ADJ + r")(?:,? (?:and )?" + _ANY_ADJ + r")*,? (?:litle |old )?(?:" + _PERSON + r")"
    r"|" + _ANY_ADJ + r"(?:,? (?:and )?" + _ANY_ADJ + r")*,? (?:" + _INSULT_NOUN + r"))(?![a-z*])"
)
# Swear words as adjectives of a professional or a human being ("sh*t therapist"), never after a comma ("shit, man").
_PROFANE_PERSON_RE = re.compile(
    r"(?<![a-z*])(?:shit|shite|crap|shity|crapy|fuckin|fkn) (?:therapists?|counsel+ors?|counselors?|receptionists?|doctors?|human(?: being)?|humans|person|people|staf+|team|excuse)(?![a-z*])"
)
# "you're pathetic", "god you're thick", "you are so st*pid", "ur a joke", "you lot are cowards", "are you mental"
_YOU = r"(?:you|u|ya|yu|ur|your|youre|you're|yr|yal|y'al|ye|yous|youse|yiz|yez|yis|yinz|ura|uran)"
_AIMED_RE = re.compile(
    r"(?<![a-z*])(?:" + _YOU + r"(?:'re| are| r| re|re)?|are (?:you|u)|(?:you|u) (?:sound|look|seem|act)(?: so| like)?)"
    r"(?: (?:al|lot|people|guys|lot are|people are))?(?: (?:so|such|realy|a|an|the|just|al|truly|fucking|absolutely|uterly|complete|a bunch of|a load of|a pack of|bunch of|pack of|load of"
    r"|literaly|genuinely|honestly|actualy|seriously|proper|right|one|the bigest|such an?|an? absolute|an? total|an? complete|absolute|uter|total|complete|and"
    r"|wee|litle|lil|big|auld|old|flaming|flamin|freaking|freakin|a shower of|shower of|[a-z]{2,15},? (?:and|&|n)))* "
    r"(?:" + _ANY_ADJ + "|" + _INSULT_NOUN + "|" + _w(AMBIGUOUS_NOUNS) + "|" + AIMED_ADJECTIVES + "|" + DEHUMANISING + r"|shite?|crap|scum)(?![a-z*])"
)
# "what a pathetic loser you are", "what a cow": name-calling as an exclamation (not "what a joke", said of services too).
_OBJECT_LIKE = frozenset(collapse_word(w) for w in _plurals("tool mug sheep animal worm slug melt fossil dinosaur boomer bag pig rats troll joker maniac egg rocket spanner dipstick grub hack".split()))
_WHAT_A_RE = re.compile(
    r"(?<![a-z*])what an? (?:(?:" + _ANY_ADJ + r"),? )*(?:(?P<n>" + _w(TARGETED_NOUNS) + r")(?![a-z*])(?! (?:of|for|to|you|this|that|it)\b)"
    r"|(?:" + _w(AMBIGUOUS_NOUNS + TARGETED_NOUNS) + "|" + DEHUMANISING + r") (?:you are|you're|u r|ur|u are|you lot are|she is|he is)(?![a-z])"
    r"|(?:(?:" + _ANY_ADJ + r"),? )+(?:" + _w(PERSON_NOUNS) + r") (?:you are|you're|u r|ur|u are|she is|he is)(?![a-z]))"
)
_ANY_ADJ_RE = re.compile(
    r"(?<![a-z*])(?:" + _ANY_ADJ + "|" + _w(TARGETED_NOUNS + AMBIGUOUS_NOUNS) + r"|excuse|shit|shite|crap|fkn|" + AIMED_ADJECTIVES + "|" + DEHUMANISING + r")(?![a-z*])"
)
# "bunch of overpaid bimbos", "shower of wasters", "pack of lying snakes": a group named by an insult.
_BUNCH_RE = compile_guarded(r"(?<![a-z*])(?:bunch|pack|shower|load|gang|band|nest|rabble|clatter) of (?P<a>(?:[a-z-]+,? ){0,2})(?P<n>" + _w(TARGETED_NOUNS) + r")(?![a-z*])")
# Animals in a field are only insults with an insulting word before them ("a pack of lying snakes").
_ANIMALS = frozenset(collapse_word(w) for w in _plurals("cow pig bat ape monkey donkey snake worm slug rat sheep animal".split()))
_EXCUSE_RE = re.compile(r"(?<![a-z*])(?:(?:" + _ANY_ADJ + r"),? )*excuse (?:for|of) an? (?:" + _PERSON + r")")

# The same word tests, faster. A plain word from a list matched as a whole word (no letter or "*" on
# either side) is exactly one of the text's maximal runs of letters and "*": so the runs are listed
# once (a scan the engine does in C, skipping spaces) and looked up in sets, instead of trying the
# word lists at every character. Entries that are not plain words stay regular expressions.
_WORD_RUN = re.compile(r"[a-z*]+")
_NOUN_SET = frozenset(collapse_word(w) for w in _ALL_NOUNS)
_ANY_ADJ_ENTRIES = [collapse_word(w) for w in ADJECTIVES + CRITICAL_ADJECTIVES + TARGETED_NOUNS + AMBIGUOUS_NOUNS] + "excuse shit shite crap fkn".split()
_ANY_ADJ_SET = frozenset(w for w in _ANY_ADJ_ENTRIES if re.fullmatch(r"[a-z]+", w))
_NOT_PLAIN = [w for w in _ANY_ADJ_ENTRIES if w not in _ANY_ADJ_SET]  # "stuck-up", "two-faced"
_ANY_ADJ_REST = Alternation(([words_rx(_NOT_PLAIN)] if _NOT_PLAIN else []) + [AIMED_ADJECTIVES, DEHUMANISING], "a-z*", r"(?![a-z*])")
assert all(re.fullmatch(r"[a-z]+", w) for w in _NOUN_SET)  # the run lookup is exact only for plain words


def _nouns(text: str, runs: list[str]) -> list[re.Match[str]]:
    """`_NOUN_RE.finditer(text)`; `runs` is `_WORD_RUN.findall(text)`."""
    if _NOUN_SET.isdisjoint(runs):
        return []
    return [m for m in _WORD_RUN.finditer(text) if m.group() in _NOUN_SET]


def _any_insult_word(text: str, runs: list[str]) -> bool:
    """`_ANY_ADJ_RE.search(text)` is not None; `runs` is `_WORD_RUN.findall(text)`."""
    return not _ANY_ADJ_SET.isdisjoint(runs) or bool(_ANY_ADJ_REST.finditer(text))

# An insulting adjective on a plain person: "a nasty, arrogant, ignorant woman", "a useless fellow".
_PLAIN_PERSON = r"(?:woman|women|man|men|fel+ow|individual|creature|specimen|human being|lady|bloke|girl|boy|person|people)"
_ADJ_PERSON = r"(?:" + _ANY_ADJ + r"),? (?:litle |old )?" + _PLAIN_PERSON
# The same standing alone as a sentence: "Cold, useless woman." "Disgraceful creature!"
_BARE_INSULT_RE = re.compile(
    r"(?:^|(?<=[.!?\n])) *(?:[a-z]+, ){0,2}(?:(?:" + _ANY_ADJ + r"),? (?:and )?)*(?:" + _ANY_ADJ + r"),? (?:litle |old )?" + _PLAIN_PERSON + r"(?= *(?:[.!?\n]|$))"
)
# Name-calling said OF someone: "Priya's a stuck-up cow", "that therapist is a fraud", "the woman on the
# desk is an ignorant little madam", "yall staff are trash". Who the subject is decides what counts
# (see _third_person_insult): a service can be "a joke", only a person can be "a cow".
_STAFF = (
    r"therapists?|counsel+ors?|counselors?|receptionists?|reception|doctors?|dr|psychologists?|psychiatrists?|owners?|managers?|staf+"
    r"|team|woman|man|lady|bloke|guy|fel+a|girl|lad|admin|boss|practitioners?|clinicians?|nurses?|coach|person"
)
_THIRD_RE = compile_guarded(
    r"(?<![a-z*@])(?P<s>(?:(?:the|that|this|your|ur|yr|their|yal+|y'al+|ya|those|these|our) )?(?:[a-z]+ )?(?:" + _STAFF + r")"
    r"(?: (?:on|at|in|from|behind) (?:the )?[a-z]+| [a-z]+)?"
    r"|(?:dr|mr|mrs|ms|mis|doctor) [a-z]+(?: [a-z]+)?|@[\w.]+|whoever(?: [a-z]+){1,4}|[a-z][a-z-]+(?: [a-z][a-z-]+)?)"
    r"(?P<c>'s|'re| is| are| r| was| were| ?=|(?<=\bshe)s|(?<=\bhe)s)"
    r"(?: (?:a|an|the|such|one|some|right|proper|real|total|complete|absolute|uter|bigest|fucking|fuckin|fkn|blody|masive|just|literaly|honestly|actualy|genuinely|seriously|so|nothing but|a bunch of|bunch of|pack of|load of"
    r"|" + _ANY_ADJ + r",?(?: and)?))* "
    r"(?P<p>" + _w(TARGETED_NOUNS) + "|" + _w(AMBIGUOUS_NOUNS) + "|" + DEHUMANISING + "|" + _w(INSULT_ADJECTIVES) + "|" + AIMED_ADJECTIVES + "|" + _ADJ_PERSON + r")(?![a-z*])"
)
# "a fraud investigator", "a joke shop", "a rocket scientist", "a fanny pack": the word is part of a longer name.
_COMPOUND_AFTER = re.compile(
    r" (?:investigator|prevention|squad|team|department|officer|detection|case|charges?|alert|line|shop|book|teler"
    r"|scientist|science|launch|salad|donor|hunt|box|cup|timer|pack|driver|lover|person|owner|walker|sitter|trainer|fanatic|enthusiast)(?![a-z])")
# The predicates of _THIRD_RE alone: a cheap test before its slower scan for a subject.
_THIRD_PRED_RE = re.compile(
    r"(?<![a-z*])(?:" + _w(TARGETED_NOUNS + AMBIGUOUS_NOUNS + INSULT_ADJECTIVES) + "|" + DEHUMANISING + "|" + AIMED_ADJECTIVES + "|" + _ADJ_PERSON + r")(?![a-z*])"
)
# "f*cking useless the lot of you", "cowards, all of you", "ur all sh*te"
_LOT_RE = re.compile(
    r"(?<![a-z*])(?:" + _ANY_ADJ + "|" + _INSULT_NOUN + "|" + DEHUMANISING + r"|shite?|crap|scum)[,!.]? (?:the (?:whole )?lot of (?:you|u|ya|yous)|al of (?:you|u|ya|yous)|every (?:last |single )?one of (?:you|u|ya)|the pair of (?:you|u|ya))(?![a-z])"
)
_PERSON_ONLY = frozenset(collapse_word(w) for w in TARGETED_NOUNS)
_DEHUMANISING_RE = re.compile(DEHUMANISING)
_PRONOUN_SUBJECT = frozenset("she he they".split())
_TITLE_RE = compile_guarded(r"(?:dr|mr|mrs|ms|mis|doctor) |@")
_STAFF_RE = compile_guarded(r"(?<![a-z])(?:" + _STAFF + r")(?![a-z])")
# Words that are never someone's name as the subject of "X is a ...".
_THING_SUBJECTS = frozenset(
    "it this that which what there here everything something nothing anything life therapy counseling counselling booking "
    "service website site app practice clinic place parking pricing price prices fee fees advice post content page system "
    "policy process idea week day year job world society internet news everyone everybody nobody anyone someone who "
    "i you we me us".split()
)
_DETERMINERS = frozenset("the this that your our my a an his her their its any every some no".split())
# Capitalised words that are not names.
_NOT_NAMES = frozenset(
    "i i'm i'll i've god monday tuesday wednesday thursday friday saturday sunday january february march april may june "
    "july august september october november december christmas easter nhs ok".split()
)

# "gay" as a sneer ("g@y ass staff"), not as an identity ("as gay as they come").
_SLUR_PHRASE_RE = re.compile(r"(?<![a-z*])gay[ -]?as (?!(?:they|he|she|i|you|a|an|the|it|can|hel|fuck|f\*+|ever|al|far|much|anyone)(?![a-z]))[a-z]{3,}")
_MOCK_HELP_RE = re.compile(
    r"(?:crying|cries|cry|whinging|whining|moaning|sniveling|sniveling|bluby?ing|running) to (?:a|an|your|ur|his|her|their|some|the) \"?"
    r"(?:therapist|counsel+or|counselor|shrink|mummy)\"?(?=.{0,40}(?:lol|lmao|lmfao|haha|🤣|😂|😆|🤡))"
)
# ...at someone: a handle, a "grown man", "imagine being" (not "imagine crying to your therapist, that's me lol").
_MOCKED_RE = re.compile(r"@[\w.]+|grown (?:man|men|woman|women|adult|ass)|imagine being|big (?:boy|girl|baby)")
_INSULT_EMOJI = "\U0001f921\U0001f40d\U0001f437\U0001f416\U0001f400\U0001f4a9\U0001f411\U0001f404\U0001f5d1"
_EMOJI_INSULT_RE = re.compile(
    r"(?:(?<![a-z])(?:you|u|ur|you're|youre|yr|is|are)|'s|=)(?: (?:a|an|such a|such|absolute|total|complete|utter|big|fucking|proper|right))* ?"
    "[" + _INSULT_EMOJI + "]"
)
_GATES = {
    _MOCK_HELP_RE: lambda t: any(w in t for w in ("therapist", "counsel", "shrink", "mummy")),
    _EMOJI_INSULT_RE: lambda t: any(c in t for c in _INSULT_EMOJI),
}
_PROF = r"(?:f ?u ?c ?k|f\*+|f\*+k|f\*+ck|fu\*+|fuk|fk|fck|feck|ef|frick|screw|fvck|phuck|fook|fuq|fcuk)"
_DIRECTED_RE = Alternation(
    [
        _PROF + r" (?:you|u|yu|yoursel(?:f|ves)|of|ya|your \w+|this place|the lot of you)",
        r"get " + _PROF + r"(?:ed|d)",
        r"go " + _PROF + r" (?:yoursel(?:f|ves)|urself|yourself|ursel)",
        r"pis of|sod of|buger of|naf of|up yours|eat shit|kis my (?:as|arse)",
        r"shut (?:up|it|(?:your|ur|yer) (?:\w+ )?(?:mouth|face|gob|trap|cakehole|hole)|the (?:f|fuck|hel) up)|stfu|gtfo",
        r"(?:shove|stick|ram|jam) .{1,40}? up (?:your|ur|yer) (?:as|arse)",
        r"go (?:f|ef) (?:yoursel(?:f|ves)|urself|of)|shutup|(?:go|can go|should go) to hel(?! and back)|burn in hel",
        r"you people disgust me|die in a (?:fire|ditch|hole)|rot in hel+|kys",
    ],
    "a-z*",
    r"(?![a-z*])",
    # The first alternative has no usable literal: it is scanned only where a swear word is followed
    # by a space and the first letter of a target (a plain search, which the engine runs fast).
    always_gate=re.compile(_PROF + r" [yuot]"),
)
# Dismissals said to someone, across the English-speaking world: "F U", "away an bile yer heid",
# "take a running jump", "get stuffed", "rack off", "jog on", "you make me sick". Apart from
# _DIRECTED_RE: their short literals ("get ", " make") would open that big scan on most texts.
# Every _DISMISS_RE match has one of these: a cheap test before its scan.
_DISMISS_GATE = compile_guarded(
    r"(?<![a-z*])(?:f (?:u|y|of)|away|awa|bile|boil|take a|go (?:and )?(?:jump|suck|pound|play|eat)|get (?:stuf|bent|tae|to f|lost)|rack of|nick of|bog of|jog on|suck my|kis my"
    r"|makes? me|disgust me|sicken me|repulse me)"
)
_DISMISS_RE = Alternation(
    [
        r"(?:away|awa) (?:and|an|n|'n) (?:bile|boil|bolt|raffle|chase)|(?:bile|boil) (?:yer|your|ur) (?:heid|head)",
        r"f (?:u|you|ya|yu)|f of(?= *(?:[.,!]|$| (?:you|ya|u|mate|and)(?![a-z])))",
        r"take a (?:long )?(?:running jump|walk of a short pier)",
        r"go (?:and )?(?:jump in a lake|suck an eg|pound sand|play in (?:the )?trafic|eat a dick|suck a dick)|get (?:stufed|bent|tae fuck|to fuck|tae f|to f)(?![a-z*])",
        r"(?:rack|nick|bog) of(?= *(?:[.,!]|$| (?:you|ya|yer|ye|u|mate|dickhead|idiot|loser)(?![a-z])))|jog on(?= *(?:[.,!]|$| (?:mate|pal|you|ya)(?![a-z])))",
        r"suck my (?:dick|cock|bals|balz)|kis my (?:but|backside|rear)|get lost(?= *(?:[.,!]|$| (?:you|ya|u|mate|loser|idiot|trol)(?![a-z])))",
        r"(?:you|u|ye|ya|yous|yiz|yez|you people|you lot|y'?al) (?:make|makes) me (?:sick|physicaly sick|want to (?:puke|vomit|throw up|be sick)|puke|vomit|gag)|(?:you|u|ye|ya|yous|yiz|you lot|y'?al) (?:disgust|sicken|repulse) me",
    ],
    "a-z*",
    r"(?![a-z*])",
    always_gate=re.compile(r"(?<![a-z*])f (?:u|y|of)"),
)
_EMOJI_RE = re.compile("\U0001f595")  # middle finger
_TARGET = r"(?:you|u|ya|she|he|they|her|him|them|your \w+|ur \w+|(?:that|the) \w+(?: \w+)?|\w+ \w+'s|\w+'s)"
# What people threaten to come with, in several countries ("tyre iron", "hurley", "baseball bat").
_WEAPON = (
    r"(?:blade|knife|knives|bat|basebal+ bat|cricket bat|hurl(?:ey)?|machete|hammer|crowbar|shank|gun|shotgun|rifle|pistol|tire iron|tyre iron|golf club"
    r"|axe|hatchet|lead pipe|metal pipe|iron bar|blowtorch|acid|stanley knife|box cutter|taser|hockey stick|cleaver|sword|knuckle ?dusters?|brass knuckles|heavy|sharp)(?![a-z])"
)
_VIOLENCE = r"(?:hurt|kil+|smash|stab|punch|beat|batter|destroy|strangle|shoot|deck|end|glass|knife|slash|bury|do in|sort out)"
_THREAT_RE = rx(
    # Frame: knowing where the target lives, works, parks or travels ("i know which bus you get").
    r"(?:i|we) (?:know|found out|have found out|'ve found out|can find out) (?:where|which (?:bus|train|car|house|school|gym|road|street|pub|route|door)|what (?:car|bus|school|house|time) (?:you|u|she|he|they)\w*)"
    r" (?:\w+ ){0,3}(?:lives?|works?|parks?|drinks?|gets?|takes?|goes|go|catch(?:es)?|sleeps?|drives?|walks?|picks? up|drops? off|leaves?)",
    r"(?:i'?ll|i will|gonna|going to) (?:find|track|hunt) (?:out where )?(?:you|u|her|him|them)(?: down| (?:lives?|works?))?",
    r"(?:i'?ll|i will|gonna|going to) find out where (?:you|u|ye|ya|yous|she|he|they|(?:each|al+|every one|every last one|the lot|some|any|one) of (?:you|u|ye|yous|yiz|them)|(?:that|the|this) \w+|\w+) (?:lives?|works?|parks?|sleeps?)",
    r"(?:i'?ll|i will|i'?m gonna|i'?m going to|ill) be (?:waiting|outside|there)(?: \w+){0,3} (?:your|ur) (?:office|house|home|work|clinic|door|car)",
    r"(?:you'?re|you are|ur|you) (?:gonna|going to) (?:regret|pay for|get)",
    r"(?:catch(?:es)? fire|go(?:es)? up in flames|burns? (?:it |this place |you )?down)",
    r"(?:thick|dumb|stupid|daft) as (?:mince|a brick|two short planks|shit|pig ?shit|a plank|\w+ (?:mince|planks?))",
    r"(?:someone|somebody) (?:should|needs to|oughta|ought to) (?:smack|slap|punch|hit|beat|kick|knock) (?:some sense into |the \w+ out of )?(?:you|u|her|him|them|that \w+(?: \w+)?|the \w+|your \w+)",
    r"watch (?:your|ur|their|his|her) backs?|(?:you|u|she|he|they)(?:'?d| had| better| \w+ better)+ watch (?:out|it|yoursel\w+|urself|himself|herself|themsel\w+|your back|his back|her back)",
    r"you(?:'ll| will) (?:regret|pay for)|you(?:'ll| will) be sorry(?= *(?:[.!]|$|@| and))",
    r"(?:(?:you|he|she|they)(?:'ll| will) )?get what'?s coming(?: to (?:you|him|her|them))?",
    r"i(?:'ll| will) make sure (?:of it|you)",
    r"(?:i'?m|i am|i'?ll|i will|gonna|going to)(?: come(?: down)?(?: there| to \w+(?: \w+)?)? and)? (?:[\w*]+ing )?" + _VIOLENCE + r" (?:you|her|him|them|your \w+)",
    # Frame: violence to someone's body ("punch Tom's lights out", "kick his head in", "break your legs").
    r"(?:punch|knock|kick|smash|bash|cave|break|snap|rip|rearrange|stamp on|slit|cut) (?:your|ur|his|her|their|\w+(?: \w+)?'s) (?:face|head|teeth|skull|jaw|nose|legs?|kneecaps?|lights|neck|arms?|fingers|throat)",
    r"(?:your|ur|his|her|their) (?:head|face|teeth) (?:kicked|kicking|smashed|smashing|caved|bashed|punched|knocked) in",
    r"(?:deserves?|needs?|wants?|could do with|asking for|earned) (?:a |an |to get a |to get an )?(?:good |proper |right |real )?(?:slap|smack|punch|kicking|beating|hiding|battering|thump|clip round the ear|bullet|knife)",
    r"(?:deserves?|needs?) (?:to be |to get )(?:slapped|punched|beaten|battered|kicked|shot|stabbed|hurt|attacked|lynched|hanged|hung)",
    r"(?:hope|wish) (?:that )?(?:you|u|she|he|they|your \w+|the \w+|it)(?: all)? (?:die|dies|burn|burns|rot|rots|suffer|suffers|get cancer|gets cancer|choke|chokes|drop dead|drops dead|lose everything|loses everything|get hit by|gets hit by|get run over|gets run over|crash|crashes)",
    r"drop dead",
    r"burns? down with (?:you|u|them)",
    r"go (?:and )?(?:kil+|hang|top|off) (?:yoursel(?:f|ves)|urself)",
    r"kil+ (?:yoursel(?:f|ves)|urself)",
    r"go (?:and )?die(?! of| laughing| happy)",
    r"(?:nobody|no one|no-one|noone) (?:wants|likes|needs|would miss|will miss|cares about|asked) (?:you|u|ya)",
    r"(?:nobody|no one|no-one|noone) (?:would|will) (?:care|notice) if (?:you|u) (?:died|disappeared|were gone|left)",
    r"(?:world|place|everyone) (?:would be|is|will be) better (?:off )?without (?:you|u|people like you)",
    r"do (?:us|everyone|the world) (?:all )?a favou?r and (?:die|disappear|leave|delete|jump|kil+|piss|go)",
    r"(?:delete|deactivate) (?:your|ur) (?:account|page|profile) and (?:disappear|die|go away|leave)",
    r"go back (?:to )?(?:where|wherever|whatever (?:country|hole|shithole|place)) (?:you|u|ye|ya|yous|she|he|they|her|his|their)(?: \w+)? (?:came|come|crawled|are|is|were) (?:from|out of)|go back to (?:(?:your|her|his|their) (?:own )?country|the jungle|the trees|africa|(?:your|ur) cave)",
    r"you deserve to (?:die|suffer|lose|be \w+ed)",
    r"(?:brick|rock) through (?:your|ur) window",
    r"(?:(?:would|be) a (?:real |great |terrible |right |awful )?)?(?:shame|pity) if (?:something|anything|(?:your|ur|her|his) (?:\w+ ){0,2}\w+) (?:happened|were to happen|was to happen|bad happened|had an accident|got (?:hurt|damaged|broken|burnt|smashed|keyed)|caught fire|went up in flames)",
    r"(?:keep (?:it|this|that) up|do (?:it|that) again|try it|one more (?:time|comment|word|post)) (?:and|&) (?:you'?ll|you will|ul) (?:see|find out) what happens",
    r"wipe (?:that|the) (?:\w+ )?(?:smile|grin|smirk|look) (?:off|of) (?:your|ur|his|her) face",
    r"(?:teach|learn) (?:you|u|her|him|them|that \w+(?: \w+)?|the \w+) a lesson",
    # Frame: the writer's campaign to come after the target ("I'm coming for you", "make them all pay",
    # "by the time I'm finished with you", "I'm going to ruin yours", "make it my mission to ...").
    r"(?:i'?m|i am|we'?re|we are) coming (?:for|after) (?:you|u|ya|her|him|them)",
    r"(?:by the time|when|once|after) (?:i'?m|i am|we'?re) (?:done|finished|through) with (?:you|u|her|him|them)",
    r"(?:i'?ll|i will|i'?m going to|i'?m gonna|gonna|going to|we'?ll|we will) make (?:them|you|u|her|him|every\w+(?: \w+)?|(?:the lot|al+) of (?:them|you))(?: al+)? pay(?! (?:for (?:the|my|your|a|their|it online|sessions?)|by|in|cash|up ?front|online|a |the |£|\$|\d|more|less|extra|full))",
    r"(?:i'?ll|i will|i'?m going to|i'?m gonna|gonna|going to) (?:ruin|destroy|wreck) (?:yours|hers|his|theirs|you|u|her|him|them|(?:your|ur|her|his|their) (?:life|lives|career|reputation|business|livelihood|family|marriage))",
    r"make it my (?:life'?s )?mission to (?:\w+ ){0,5}(?:ruin\w*|destroy\w*|wreck\w*|unemployable|suffer|pay)",
    r"(?:someone|somebody|people)(?:'s| is| are)? (?:getting|going to get|gonna get) hurt",
    r"(?:you|u|he|she|they) won'?t (?:get|make it) home|(?:you|u|he|she|they) won'?t (?:walk|be walking) (?:out|away|again)|won'?t be (?:counsel+ing|driving|working|walking|smiling|talking) (?:anyone |it |again |for long )?(?:again|after|for long|much longer)",
    r"(?:better|should|must) (?:look|be looking) over (?:his|her|your|ur|their) shoulders?",
    r"find out what happens when (?:you|u|people|anyone) (?:mess|cross|screw|fuck|mes)",
    r"don'?t think i won'?t (?:use|do|come|find|act)",
    r"(?:you|u|he|she|they)(?:'ll| will) answer for (?:it|this|that|what)",
    r"(?:meet|catch|find|corner) (?:\w+ ){1,3}in a dark (?:car ?park|alley(?:way)?|street|lane)",
    r"(?:maybe|and|or|plus) (?:a taste of )?my (?:fist|fists|boot|knuckles)(?: too| as well)?",
    r"(?:hurt|kil+|stab|punch|batter|beat|smash|deck|glass|knife|cut|slash) (?:you|u|her|him|them|(?:\w+ ){1,2}?)(?:next time|the next time|when|if|as soon as|the minute|the second) (?:i|we) (?:see|catch|find|get hold of)",
    r"(?:i'?ll|i will|gonna|going to)(?: \w+){1,6} and (?:\w+ )?(?:hurt|kil+|stab|punch|batter|beat|smash|cut) (?:you|u|her|him|them)",
    r"(?:coming|come|going|be) (?:round|over|down)(?: \w+){0,2} to (?:hurt|kil+|stab|cut|batter|beat|punch|smash|shoot|sort) (?:you|u|her|him|them)",
    # Frame: filth, a carcass or worse left at the target's door ("leave a dead fish on her doorstep").
    r"(?:leave|leaving|put|putting|post|posting|push|pushing|send|sending) (?:a |some |an? )?(?:dead \w+|turds?|shit|dog (?:shit|poo|mess|muck)|poo|excrement|brick|petrol|horse'?s head) (?:on|through|in|at|to) (?:\w+'s|your|ur|his|her|their) (?:\w+ )?(?:doorstep|door|letterbox|letter box|car|house|porch|window|home)",
    r"(?:someone|somebody) (?:should|needs to|ought to|oughta) (?:key|smash|torch|burn|slash|trash|egg|brick|vandali[sz]e) (?:\w+ ){0,2}(?:car|house|windows?|tyres|tires|office|clinic|door|home|place)",
    r"(?:someone|somebody) (?:should|needs to|ought to|oughta) give (?:\w+ ){1,3}a (?:proper |good |right |real )?(?:slap|kicking|hiding|beating|battering|smack|punch|thump)",
    r"(?:hope|wish) (?:someone|somebody) does (?:that |the same |this )?to (?:your|ur|her|his|their) (?:kids|children|family|daughter|son|wife|husband|mum|mom|mother)",
    r"(?:your|ur|his|her) (?:mum|mom|mother|parents) (?:should have|should'?ve|shoulda|didn'?t|did not|never) (?:had (?:you|u|him|her) aborted|have (?:you|u|him|her) aborted|aborted (?:you|u|him|her)|swallowed)",
    r"(?:you|u|she|he|they) (?:don'?t|dont|doesn'?t|do not|does not) deserve to (?:live|breathe|exist|be alive)|(?:should have|should'?ve|shoulda) been (?:aborted|drowned at birth|strangled at birth)",
    r"(?:may )?(?:god|allah|the lord|jesus) (?:curse|damn|punish|strike down) (?:you|u|ya|her|him|them|your|ur)",
    r"(?:hope|wish)(?: that)? (?!(?:no|nobody|no one|noone|none|never|i|we|my|our)\b)(?:\w+ ){1,4}(?:gets? hit by an? (?:bus|car|train|truck|lorry|van)|gets? run over|drops? dead|loses? everything|gets? cancer|rots? in (?:hel+|jail|prison))",
    r"(?:hope|wish)(?: \w+){0,5} (?:you|u|she|he|they)(?: al)? (?:lose|loses) everything|(?:hope|wish) karma (?:gets|bites|catches up with|comes for) (?:you|u|her|him|them)",
    r"go (?:and )?(?:jump|throw (?:yoursel(?:f|ves)|urself)) (?:off|in front of|under) (?:a|the) (?:bridge|cliff|train|bus|roof|building)",
    r"(?:keep|carry on|try) (?:deleting|blocking|banning|ignoring|removing|censoring|hiding) .{0,40}?and see what happens",
    r"(?:sleep with one eye open|your days are numbered|you won'?t see it coming|you'?re a dead (?:man|woman))",
    r"(?:i'?ll|i will|gonna|going to|let'?s(?: al+)?|and|we'?ll|we will) make (?:your|ur|her|his|their) life (?:a )?(?:living )?(?:hel+|misery)",
    r"someone (?:should|needs to|oughta) (?:hurt|kil+|shoot|punch|sort out|deal with) (?:you|her|him|them)|someone (?:should|needs to|oughta) sort (?:you|her|him|them) out",
    # Frame: harm to the target or their property wished or foretold ("hope someone smashes your windows in").
    r"(?:hope|wish|bet|watch|wait till|until) (?:someone|somebody|some\w+ (?:day|one)|you|your \w+|they) (?:\w+ )?(?:smash\w*|burn\w*|torch\w*|trash\w*|key\w*|wreck\w*|break\w*|slash\w*|batter\w*|beat\w*|rob\w*|attack\w*|hurt\w*|get(?:s)? (?:hurt|attacked|beaten|robbed|sacked|what)) (?:\w+ )?(?:your|ur|you|his|her|their)\b",
)
# Round 9's threats, apart from _THREAT_RE: their short literals ("im", "kind") would open that big scan.
# Every _THREAT_MORE_RE match has one of these words: a cheap test before its scan.
_THREAT_MORE_GATE = compile_guarded(
    r"(?<![a-z])(?:" + _WEAPON[3:].split(")(?!")[0] + r"|ambulance|body ?bag|cof+in|wheelchair|stretcher|hospital|a&e|the er|intensive care|icu|morgue|pieces|bits|ground|early grave|traction"
    r"|sort|kind|type|lot|welcome)(?![a-z])"
)
_THREAT_MORE_RE = rx(
    # Frame: waiting or coming with a weapon ("I'll be waiting in the car park with a hurley").
    r"(?:(?:waiting|wait|be there|turn up|show up|come round|coming round|pay \w+ a visit)|(?:i'?m|im|i am|i'?ll|i will|we'?re|we'?ll|gonna|going to) (?:be )?(?:coming|comin|come|turning up|showing up|rocking up|rock up))(?: \w+){0,4} with (?:a|my|me|some|something|the|his|her|[a-z]+'?s) (?:big |wee |litle |little |new )?" + _WEAPON,
    # Frame: a weapon brought to the practice or to someone ("bringing a blade to the clinic tomorrow").
    r"(?:bring|bringing|brought|take|taking|carry|carrying|packing) (?:a|my|me|some|the|his|her|(?:my |his |her |the )?[a-z]+'?s) (?:big |wee |little |new )?" + _WEAPON
    + r" (?:to|into|in to|down to|round to|for) (?:the |your |ur |that |this |her |his |their |my |our )?(?:next )?(?:clinic|practice|office|session|appointment|reception|building|work|house|place|centre|center|surgery|car ?park|there|here|you|him|her|them)",
    # Frame: the target carried out hurt ("he'll be leaving in an ambulance", "I'll put you in hospital").
    r"(?!i |we )(?:you|u|ye|ya|he|she|they|[a-z]+)(?:'?l+| wil+| are going to| is going to|'re gonna|'s gonna| gonna| be) (?:be )?(?:leaving|leave|going home|go home|coming out|come out|ending up|end up|carried out|wheeled out|walking out|walk out|lucky to walk out) "
    r"(?:of (?:there|here|the \w+) )?(?:in|on) (?:an ambulance|a body ?bag|a box|a cofin|a coffin|a wheelchair|a stretcher|(?:the )?hospital|a&e|the er|intensive care|icu|the morgue|pieces|bits)",
    r"(?:i'?l+|i wil+|i'?m gonna|i'?m going to|gonna|we'?l+) (?:put|send|land) (?:you|u|ye|ya|him|her|them|[a-z]+) (?:in|into|to) (?:hospital|the hospital|a wheelchair|an ambulance|a body ?bag|a box|a coffin|intensive care|icu|the morgue|the ground|an early grave|traction|a&e)",
    # Frame: someone's kind not wanted here ("we don't need her sort round here", "your kind aren't welcome").
    r"(?:don'?t|dont|do not) (?:need|want) (?:her|his|their|your|ur|yer|that|them|you|any more of (?:her|his|their|your)) (?:sort|kind|type|lot)(?: of people)? (?:here|round here|around here|in (?:this|our|ireland|scotland|england|australia|america|new zealand|the country)(?: country)?)",
    r"(?:her|his|their|your|ur|yer) (?:sort|kind) (?:aren'?t|are not|is not|isn'?t|not|ain'?t|aint) welcome",
)
# Sending others after someone: their address or number given "if anyone wants to tell her what they think".
_INCITE_RE = rx(
    r"(?:anyone|any of you|someone|somebody|everyone|you all|y'?all|people)(?: (?:who|that) (?:\w+ ){0,2}?\w+,?)? (?:wants? to |should |could |can |fancies |feel free to )?(?:go |pop(?:ping)? round (?:to )?|drop(?:ping)? by (?:to )?|go(?:ing)? round (?:to )?|turn(?:ing)? up (?:to )?|and )?"
    r"(?:tell|give|let|pay|show|visit|remind|message|ring|call|text) (?:her|him|them) (?:what (?:they|you|we) (?:think|really think)|a piece of|a visit|a call|know what|how (?:they|you) feel|what for)",
    r"(?:(?:ring|call|text|message|visit|phone) (?:her|him|them) (?:up )?|give (?:her|him|them) a (?:ring|cal+|bel+) )and (?:tell|let) (?:her|him|them) (?:what (?:you|they|we) (?:think|really think)|know)",
    r"(?:everyone|all of you|y'?all|you lot|guys) (?:go |should )?(?:report|spam|flood|mass report|brigade) (?:her|his|their) (?:page|profile|account|inbox)",
)
# ...with where to find them: a number, an address, where they live or park.
_DOXX_RE = re.compile(r"\d{2}|(?<![a-z])(?:lives?|address|number|works? at|parks?|house|street|road|home)(?![a-z])")
_BRIGADE_RE = re.compile(r"report|spam|flood|brigade")
_PRIVATE_PERSON = compile_guarded(
    r"(?<![a-z])(?:my|our|her|his) (?:ex|step\w*|dad|father|mum|mom|mother|brother|sister|son|daughter|husband|wife|partner|boyfriend|girlfriend|fella|flatmate|housemate|neighbou?r|mate|friend|boss|colleague|uncle|aunt|cousin|lass|lad|kids?)(?![a-z])"
    r"|(?:that|this|some) (?:lad|kid|fella|guy|bloke|man|woman|girl) (?:from|down|at|on|in|round)"
    r"|(?:my|our|that|the|this) (?:landlord|landlady|teacher|coach|jobcentre|job centre|council|employer|work coach|headteacher|ex's)(?![a-z])"
)
_REPORTED_BEFORE = compile_guarded(
    r"(?:cal+(?:ed|ing|s)?|named|label+ed) (?:me|us|my \w+|him|her|them|people|others|someone|anyone|kids|folk|each other)(?: an?| such an?| a total| a complete)?\s*[\"']?\s*$"
    r"|(?:said|say|says|told me|wrote|texted|shouted|yelled|told us)(?: that)?(?: i was| i'm| i am| we were| we are)?(?: being)?(?: an?| such an?)?\s*[\"']?\s*$"
    r"|(?:the word|words like|words such as|used the word|use of)\s*[\"']?\s*$"
    r"|(?:i'?m|i am|i was) (?:such an?|an?|so|just an?|a complete|a total|an absolute|an utter)\s*$"
    r"|(?:i feel|i felt|felt|feel|made me feel|makes me feel|look) like (?:such )?an?(?: complete| total)?\s*$|myself\s*$"
    r"|(?:who|that|people|they|others|some) (?:cal+\w*|say|said|tel+\w*)\s*$"
    r"|(?:we'?re|we are|we were|we can be|we'?re al+|we are al+)(?: such| just| al+| both)?(?: an?)?\s*$"
    # the writer about themselves: "I was being a drunk muppet", "I'm a bit of a numpty", "stood in the rain
    # like a plonker", "nobody's going to miss a fat bald loser"
    r"|(?<![a-z'])(?:i'?m|im|i am|i was)(?: being)?(?: such| just| a bit of| bit of| a right| a proper| a total| a complete| an absolute| an utter)? an?(?: [a-z]+){0,2} $"
    r"|(?<![a-z'])(?:i|i'm|im)(?: [a-z']+){1,8} like an?(?: [a-z]+)? $"
    r"|(?:miss|mourn|notice|care about) an?(?: [a-z]+){0,3} $"
)
# "Proper muppet me", "Lonely old git here": the writer naming themselves.
_SELF_AFTER = re.compile(r" ?(?:me|here|myself)(?![a-z'])")
# A quote attributed to someone in the writer's life ('"I'll kill you" - my 5 year old'), or explained ('means').
_ATTRIBUTED_AFTER = re.compile(r"[\s.,!]*(?:[-—–:]\s*(?:my|me|our|his|her|a|the)(?![a-z])|(?:means|meant|became|is a|was a) )")
_ATTRIBUTED_BEFORE = re.compile(r"(?<![a-z])(?:my|our|his|her) [a-z' ]{1,25}:\s*$")
_QUOTE_RE = re.compile(r"\"[^\"]{1,160}\"|(?<![\w])'[^'\n]{1,60}'(?![\w])")
_REPORT_VERB_RE = re.compile(r"\b(?:said|says|say|saying|comment\w*|posted|posting|replied|reply|repl\w+|messaged|typed|sent|called|calling|call|told|wrote|texted|shouted|shouting|yelled|yelling|word|words|tell|telling|accused|mutter\w*|whisper\w*|scream\w*|sneer\w*|laugh\w*|label+\w*|referred to|comments? like|kept|heard|yel+s?|shouts?|chant\w*|scratched|sprayed|painted|written|headlines?|news|article|insults?|slurs?)\b")


def _reported(folded: str, start: int, end: int | None = None) -> bool:
    """True where the words are reported or quoted ("called me a psycho"), or self-directed; with `end`,
    also where the writer names themselves after them ("proper muppet me")."""
    before = folded[max(0, start - 40):start]
    if _REPORTED_BEFORE.search(before) or (end is not None and _SELF_AFTER.match(folded, end)):
        return True
    if '"' in folded or "'" in folded:
        for q in _QUOTE_RE.finditer(folded):
            if q.start() <= start < q.end() and (_REPORT_VERB_RE.search(folded, max(0, q.start() - 60), q.start())
                                                  or _REPORT_VERB_RE.search(folded, q.end(), q.end() + 50)
                                                  or _ATTRIBUTED_AFTER.match(folded, q.end())
                                                  or _ATTRIBUTED_BEFORE.search(folded, max(0, q.start() - 40), q.start())):
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


# Stalking said in two halves: the writer lies in wait or knows the target's life ("I know your car",
# "I'll be waiting outside after your shift", "wait till I catch him in the car park"), and says what
# will come of it ("be careful", "she'll regret it", "we'll see how calm you are then"). Either half
# alone is ordinary ("I'll be waiting outside reception", "you'll regret missing this talk").
_STALK_RE = rx(
    r"(?:i|we) know (?:your|ur|her|his|their|where|which|what|when) (?:\w+ ){0,4}?(?:car|house|home|routine|address|kids|children|school|schedule|shifts?|reg|number plate|family|wife|husband|daughter|son|mum|lives?|leaves?|parks?|drives?|finish(?:es)?|works?|is (?:his|hers|yours|theirs))",
    r"(?:(?:i'?ve|i have|i|we'?ve|we have) )?got (?:your|ur|her|his|their) (?:\w+'?s? )?(?:home |house |personal |private |real |new )?(?:address|number|postcode|reg|details)",
    r"(?:i'?ll|i will|i'?m going to|i'?m gonna|ill) be (?:waiting|outside|watching)|(?:wait|waiting) (?:for (?:you|u|her|him|them) )?(?:in|outside|at|by) (?:the |your |ur |her |his )?(?:car ?park|building|office|clinic|door|work|house|gate)",
    r"(?:i'?ve|i have) been watching|wait (?:till|til|until|til+) i (?:catch|see|get)|(?:when|next time|the day) i (?:catch|see|get hold of) (?:you|u|him|her|them|that \w+)",
    r"(?:i'?m|i am|i'?ll be|i will be) (?:coming|going|heading) (?:down |round |over |back )?(?:there|to (?:your|ur|the|that|her|his) \w+)",
    r"(?:when|after|as) (?:he|she|you|u|they) (?:leaves?|finish(?:es)?|gets? out|walks? out|clocks? off)",
)
_MENACE_RE = rx(
    r"regret|you'?ll see|soon enough|(?:i|we) mean it|not joking|(?:be|better be) careful|watch (?:yourself|yourselves|urself|out|me)",
    r"won'?t be (?:polite|nice|friendly)|not (?:coming|going) (?:there )?to talk|see how (?:calm|brave|tough|smug|clever|funny|cocky|chatty|big|hard)",
    r"can'?t (?:avoid|hide from|escape|run from) me|(?:pay|paying) for (?:it|this|that|what)|(?:now )?you pay|find out what|need a (?:therapist|doctor|ambulance)",
    r"just for a chat|cracks? (?:my |his )?knuckles|small world|nice (?:house|car|family|kids|motor)|while (?:you|u|she|he|they) can|won'?t (?:get|make it|walk|see)",
    r"(?:he'?s|she'?s|you'?re|ur) (?:dead|done|finished)|something heavier|(?:bought|got|sharpened|brought) (?:a|my) (?:knife|blade|gun|machete|bat|hammer)|sleep tight|but soon",
    r"make (?:her|him|you|them) (?:feel|hurt|suffer)",
    # "keep posting this and I'll...", "count on it", "mark my words", "try me", "don't say you weren't warned"
    r"(?:keep|carry on|continue) [a-z]+ing(?: [\w'!]+){0,5} (?:and|&|n) (?:i'?ll|i will|ill|we'?ll|you'?ll)|count on it|mark my words|try me(?![a-z])|just you wait",
    r"(?:don'?t|dont) say (?:you|ye|ya|u|yous|yiz|nobody) (?:were|was|weren'?t|werent|wasn'?t|wasnt) (?:not )?warned|(?:you'?ve|you have|ye'?ve|consider (?:yourself|yourselves|urself)) (?:been )?warned",
)
# Contests, games and chores: "I'm coming for you, revision season", "I'll destroy you at the quiz".
_PLAYFUL_RE = re.compile(
    r"(?<![a-z])(?:quiz|scrabble|monopoly|game|games|match|rematch|darts|pool|chess|bingo|race|parkrun|revision|exams?|season|trophy|title|crown|league|fantasy|tournament|karaoke|bake ?off|biscuits?|cake|pizza|chocolate|easter egg|socks?|spoil(?:s|ing)? the ending|spoilers?)(?![a-z])"
)


# Ridicule of a person's looks, mind or body by comparison ("looks like a melted candle", "face like a
# smacked arse", "the intelligence of a boiled potato", "I've met smarter houseplants", "didn't come with
# a brain"), said of people: the thing-like subjects of "looks like a bank" are left out (_THING_LOOKS).
_RIDICULE_NOUNS = (
    r"hookers?|prostitutes?|crackheads?|junkies|junkie|smackheads?|potato(?:es)?|thumbs?|candles?|toads?|frogs?|pigs?|trolls?|goblins?|gremlins?|ogres?|hags?|witch(?:es)?"
    r"|walrus(?:es)?|hippos?|whales?|rats?|weasels?|ferrets?|slugs?|scarecrows?|skeletons?|corpses?|zombies?|clowns?|bulldogs?|pugs?|turnips?|thumbs?|tramps?|inbreds?|hillbill(?:y|ies)"
    r"|sex ofenders?|sex offenders?|serial kil+ers?|rapists?|paedos?|pedos?|peados?|nonces?|predators?|perverts?|creeps?|murderers?|school shooters?|drug dealers?|pimps?|mugshots?"
    r"|(?:smacked|slapped|kicked) (?:arse|ass|bum)|bag of spanners|sack of (?:spuds|potatoes|shit)|(?:inbred|ugly|deformed) \w+|\w+ with (?:glasses|a beard|a wig|a degree)"
)
_RIDICULE_RE = rx(
    r"(?:looks?|looking|lookin|looked|look) like (?:a |an |some |the )?(?:\w+ )?(?:" + _RIDICULE_NOUNS + r")(?! (?:sty|den|house|farm|shop|pen|shed|party|film|show|movie|convention))",
    r"face (?:like a (?:smacked|slapped|kicked|melted|dropped|busted|burst|wet|bulldog|pug|pig|horse|toad|frog|bag|sack|bucket|robber'?s|welder'?s|wet)|for radio|only a mother could love)|voice for (?:silent films|radio)",
    r"(?:intelligence|iq|brains?|brain cells?|common sense|wits|personality) of an? (?:\w+ ){0,2}(?:potato|brick|plank|rock|goldfish|lettuce|turnip|cabbage|carrot|teaspoon|door ?knob|sponge|spoon|house ?plant|peanut|pebble|gnat|amoeba|walnut|pea|banana|sheep|cow|slug|wet \w+)",
    r"(?:met|seen|known) (?:smarter|brighter|cleverer|more intelligent|better looking) (?:\w+ ){0,2}(?:plants|houseplants|rocks|bricks|potatoes|dogs|goldfish|toddlers|sandwiches|vegetables|planks|stones)",
    r"(?:didn'?t|doesn'?t|did not|does not) come with a (?:brain|personality|face)|(?:no|zero|not a|not one|two) brain cells?|all (?:feelings|emotions|mouth|talk|hair|gob) (?:and )?no (?:brains?|sense)",
    r"(?:donkey|pea|bird|mush|goldfish|peanut) ?brain(?:ed)?|low[ -]?iq|(?:shit|shite|sh\*te|sh\*t)[ -]for[ -]brains",
    r"as (?:dim|thick|dumb|stupid|daft|ugly|useless) as (?!(?:thieves|treacle|fog|pea soup|custard|ever|usual|always|each other|it gets)\b)(?:\w+)",
    r"(?:too|so) (?:thick|stupid|dumb|dim|ugly|fat|senile|old and senile) (?:to|that (?:she|he|you|u|they)) (?:understand|read|spell|tie|count|work|be|have|should|can'?t|could)",
    r"imagine being (?:so |this |as |that )?(?:ugly|thick|stupid|dumb|fat|sad|pathetic|dim|gormless|braindead|brain dead|useless|cringe|desperate)",
    r"(?:u|you|ya|ye|yall|y'all|she|he|they) (?:\w+ )?(?:look|looks|smell|smells|sound|sounds) like (?:u|you|she|he|they) (?:smell|smells|stink|stinks)",
    r"(?:ugly|fat|thick|dumb|stupid|cringe|minging|rank|hideous|dense) (?:asf|af|as fuck|as hell)",
)
_SELF_SUBJECT = re.compile(r"(?<![a-z])(?:i|i'm|im|i am|me|we|we're|myself)(?: \w+)? $")  # "I look like a zombie"
_THING_LOOKS = re.compile(r"(?<![a-z])(?:it|place|room|site|website|page|building|office|logo|area|garden|car ?park|waiting room|post|ad|advert|poster|graphic|font|colour|color|design|app)(?: [a-z]+)? $")

# Sexual harassment of staff and commenters: an innuendo said with a leer ("you can analyse me anytime 😘",
# "fancy a 'private session' at mine 😏", "counsel me in the bedroom", "take notes on me if you know what
# I mean"). Both halves are needed: a flirting emoji alone is affection, "a private session" alone is booking.
_INNUENDO_RE = rx(
    r"if (?:you|u|ya) know what i mean|wink wink|nudge nudge|\*winks?\*",
    r"(?:a |fancy a |give me a |wanna give me a |want to give me a )?['\"]private (?:session|consultation|appointment)s?['\"]|private (?:session|sessions) at (?:mine|my place|my flat|my house)",
    r"(?:analy[sz]e|counsel|treat|examine|assess|take notes on|lie on|sit on|ride|see to|do) (?:me|my \w+)(?: \w+)? (?:any ?time|any day|all night|in (?:the|my) bed(?:room)?)",
    r"in (?:the|my) bedroom|(?:lie|lay|sit) on (?:your|ur) (?:couch|sofa|lap|face)|at mine",
    r"(?:send|sending|post|posting) (?:me )?(?:some )?(?:pics|nudes|nude pics|photos of (?:her|him)self)|(?:pics|nudes) instead",
    r"(?:looks?|looked|looking) (?:well |so |proper |dead )?(?:fit|hot|sexy|peng|tasty|fine)|bet (?:ur|you'?re|you are|she'?s|he'?s|she is|he is) (?:wild|a freak|filthy|dirty|kinky|naughty)",
)
_LEER = re.compile("[\U0001f60f\U0001f609\U0001f618\U0001f60d\U0001f346\U0001f351\U0001f4a6\U0001f445\U0001f975\U0001f924\U0001f61c\U0001f48b]")
# Said with no emoji needed: body parts rated, "a good seeing-to", "loosen her up".
_SEXUAL_RE = rx(
    r"(?:nice|great|lovely|fit|peng|sexy|hot|tidy) (?:arse|ass|bum|butt|tits|boobs|rack|booty|cleavage|jugs|melons)",
    r"(?:good|proper|right|decent) seeing[ -]to|(?:might|would|will|to) loosen (?:her|him|them) up",
    r"bet (?:ur|you'?re|you are|she'?s|he'?s|she is|he is) (?:wild|a freak|filthy|dirty|kinky|naughty) (?:behind|under|in bed|between)",
)

# Hatred of a group the person belongs to: race, nationality, religion, sexuality, sex, disability.
_GROUP = r"(?:immigrants|foreigners|migrants|asylum seekers|refugees|muslims|jews|poles|gypsies|travellers|arabs|africans|asians|indians|chinese|romanians|pakistanis|feminists|gays|lesbians|trans people|trannies)"
_IDENTITY_RE = rx(
    r"(?:bloody|filthy|dirty|stinking|fucking|fuckin|effing|these|all these|too many) " + _GROUP + r"(?! (?:are welcome|deserve|need|have|who|in our care))",
    _GROUP + r" (?:taking|stealing|coming over|coming here|taking over|flooding|invading|ruining)",
    r"(?:send|sent|ship|deport) (?:her|him|them|em|'em|you|u|the lot of them)(?: al+)? (?:back (?:where|to (?:their|her|his|your|ur) (?:own )?country|home)|al+ back)",
    r"(?:people|ppl|the likes of|folk) like (?:\w+ ){1,2}(?:are|r|is) (?:the reason|why|ruining|destroying|what'?s wrong)",
    r"(?:tick|ticking|fill|filling|meet|meeting|tick off) (?:a |the |their |some )?diversity (?:box|quota|target)|diversity hire",
    r"c[u*]r+[y*][ -]?munch\w*|bog[ -]?trotters?|sheep[ -]?shaggers?|soy ?boys?|closet case|window lickers?|knuckle[ -]?draggers?|sheeple",
    r"(?:she|he|you|u|they|bet \w+) (?:smells?|stinks?|reeks?) (?:of|like) (?:curry|garlic|kebabs?|onions|cabbage|fish|vodka)",
    r"(?:hijab|burka|burqa|niqab|turban|yarmulke|headscarf|head scarf|prays? (?:five|5) times)(?=.{0,80}(?:lol|lmao|😂|🤣|🤡|pray harder))",
    r"(?:bet|i bet) (?:\w+ ){1,3}(?:prays? (?:five|5) times|eats (?:curry|dogs|cats|bats))",
)

# Name-calling phrases that are more than one word ("drama queen", "attention seeker", "paid shill").
_INSULT_PHRASE_RE = rx(
    r"drama queens?|attention (?:seekers?|whores?)|(?:a|such a|total|absolute|proper) pick[ -]me|paid shills?|brain[ -]?dead sheep|mouth[ -]?breathers?|bottom[ -]?feeders?|streak of (?:piss|p\*ss|pis)",
    r"(?:your|ur|yer|his|her) (?:mum'?s|mom'?s|mam'?s|nan'?s) basement|ok boomer|npcs? with an? \w+|lan jiao|chee bye|ullu (?:ke|da) pat+he|kutt(?:a|e|i) (?:ki|ke) (?:aulad|bacche|bachche)",
    r"(?:joke|disgrace|embarrassment|shambles|excuse|farce|clown) (?:of|for) an? ['\"]?(?:therapist|counsel+or|counselor|doctor|psychologist|receptionist|human(?: being)?|person|man|woman|professional|practitioner)",
)
# Taunts that belittle someone: told to toughen up ("grow a pair", "harden up, princess"), mocked for
# their weight ("put down the pies"), scorned for needing help ("anyone who sees a shrink is weak"),
# a stock put-down ("ok Karen"), a therapist called a duck ("quack quack"). Not when the writer says
# it of themselves ("I need to grow a pair", "I should lay off the biscuits").
_TAUNT_RE = rx(
    r"grow (?:a|some) (?:pair|spine|backbone|set|balls|bollocks|bollox|ba'?s)|sack up|htfu|cry me a river|suck it up,? (?:buttercup|princess|snowflake|sunshine)",
    r"(?:ok|okay|calm down|sit down|setle down|settle down|chill|alright|cool story|bye),? karen",
    r"(?:put|set) down the (?:pies|chips|cake|cakes|burgers?|donuts|doughnuts|biscuits|kebabs?|fries|snacks|sausage rolls|takeaways?|pizzas?|crisps|mars bars?)"
    r"|(?:step away from|lay of+|go easy on|ease up on|back away from) the (?:pies|chips|cakes?|burgers|donuts|doughnuts|biscuits|buffet|kebabs|fries|snacks|sausage rolls|takeaways|crisps)|(?:ate|eaten|eats) al+ the pies",
    r"(?:you|u|ya|ye|she|he|they|(?:the|that) (?:girl|woman|lady|guy|man|lad|bloke|receptionist|therapist|counsel+or|one)(?: [a-z]+){0,3}) (?:needs?|should|could|ought) (?:to )?(?:lose|shed|drop) "
    r"(?:a few|some|a couple of|a bit of|a lot of|a few more|\d+|the) (?:stone|pounds|lbs|kilos|kgs?|weight)",
    r"(?:any ?one|anybody|people|those|everyone|ppl|folk|folks|men|women|guys|blokes|lads|adults)(?: who| that|who'?s|that'?s)? (?:[a-z']+ ){0,2}(?:needs?|go(?:es)? to|sees?|pays? for|uses?|believes? in|is in|are in|gets?|has|have|are on|is on|cries? to|runs? to) "
    r"(?:a |an |any |the )?(?:therapy|therapists?|counsel+ing|counsel+ors?|counseling|shrinks?|meds|antidepressants|happy pills|psychologists?|psychiatrists?|help|mental health \w+)(?: [a-z']+){0,3} (?:is|are|r) "
    r"(?:just |so |al+ |a bunch of |nothing but |weak,? (?:and )?|soft,? (?:and )?)?(?:weak|pathetic|soft|snowflakes?|losers?|attention seekers?|mental|nutters?|crazy|weaklings?|spineless|cowards?|babies|crybabies"
    r"|whingers|whiners|sad|failures?|fakers?|lazy|scroungers?|freaks?|psychos?|weirdos?|nut ?jobs?|wimps?|wusses|sooks|pussies|pussys)",
)
# "man up, princess" apart from _TAUNT_RE: its literal "man" is in too many texts to open that scan.
_MAN_UP_RE = rx(
    r"(?:man up|harden up|toughen up|grow up|(?:man|harden|toughen|grow) the (?:fuck|f\*+|hell|feck) up),? (?:you|ya|ye|yous|yiz|u|and (?:stop|quit|get)|&|princess|buttercup|snowflakes?|sunshine|mate|lads|ladies|ffs|for (?:fuck|god|christ)'?s sake)(?![a-z])"
)
_QUACK_RE = compile_guarded(r"(?<![a-z])quack[ -]?quack")
# The writer as the subject just before: "I need to grow a pair", "we all should lay off the cake".
_WRITER_BEFORE = re.compile(
    r"(?<![a-z'])(?:i|i'm|im|i am|i'll|i've|ive|me|we|we're|we'll|us|myself)(?![a-z'])[^.!?\n]{0,30}$"
    r"|(?:told|tel+s?|tel+ing|said|says|saying|expected|expects?|asked|taught|raised|pressured|forced|made)(?: [a-z]+){0,2} to $"
)

# Affection and laughter that make a mild insult to a friend banter ("@sian you muppet 😂 see you there x").
_BANTER_MARKS = re.compile(r"ha(?:ha)+|😂|🤣|😭|❤|😘|🥰|💕|😆|(?:^|\s)xx?(?:\s|$)|see (?:you|u|ya) (?:there|soon|next|tomorrow|later|at)|love (?:you|ya|u)\b|mate\b")
# The insults friends throw at each other; anything harsher (fatty, ugly, moron) is not banter.
_BANTER_WORDS = frozenset(collapse_word(w) for w in (
    "muppet muppets plonker plonkers eejit eejits numpty numpties melt weapon wally div twit nitwit dork doughnut nutter sod "
    "daft silly absolute pillock wazzock berk prat dafty idiot idiots goose dope clown dingbat galah egg sook spanner dipstick drongo rocket chump".split()))
_BANTER_HOSTILE = re.compile(r"(?<![a-z])(?:not (?:jk|joking|kidding)|ugly|fat\w*|shut (?:your|ur) (?:mouth|face)|hate|get lost|go away|nobody|no one|disgust\w*|pathetic|loser|therapist|counsel\w*|receptionist|staff|dr)(?![a-z])")


def _banter(norm: Normalised, hits: list[Hit]) -> bool:
    """Whether the text is friends teasing each other: every insult found is a mild one friends use,
    the text laughs or shows affection, and nothing harsher is said, nor is it said of the practice's staff."""
    if not hits or any(h.rule != "abusive.insult" and not (h.rule == "abusive.directed_profanity" and "shut" in _span_text(norm, h)) for h in hits):
        return False
    words = {w for h in hits for w in _WORD_RUN.findall(collapse_word(_span_text(norm, h).lower()))}
    if not words <= (_BANTER_WORDS | _INTENSIFIERS_ONLY | {"you", "u", "ya", "a", "an", "such", "proper", "right", "total", "shut", "up", "it", "ur", "your", "you're", "youre", "re"}):
        return False
    return bool(_BANTER_MARKS.search(norm.folded)) and not _BANTER_HOSTILE.search(norm.folded)


def _span_text(norm: Normalised, h: Hit) -> str:
    return " ".join(norm.folded[a:b] for a, b in h.spans)


def _threats(norm: Normalised) -> list[Hit]:
    """Threats and wishes of harm, and stalking said in two halves (_STALK_RE then _MENACE_RE)."""
    hits: list[Hit] = []
    text, folded = norm.unleet, norm.folded
    for m in _THREAT_RE.finditer(text) + (_THREAT_MORE_RE.finditer(text) if _THREAT_MORE_GATE.search(text) else []):
        if _reported(folded, m.start()) or _aimed_elsewhere(m.group(), norm, m.start()) or _playful(folded, m.start(), m.end()):
            continue
        hits.append(Hit("abusive", "abusive.threat", "It threatens or wishes harm on someone.", [m.span()]))
    if not hits:
        stalk = _STALK_RE.search(text)
        if stalk and _MENACE_RE.search(text) and not _reported(folded, stalk.start()) and not _aimed_elsewhere(stalk.group(), norm, stalk.start(), True) \
                and not _playful(folded, stalk.start(), stalk.end()):
            hits.append(Hit("abusive", "abusive.threat", "It says the writer is watching or waiting for someone, with a threat.", [stalk.span()]))
    return hits


def _playful(folded: str, start: int, end: int) -> bool:
    """A threat said in play: about a contest, a game or a chore, in its sentence."""
    return bool(_PLAYFUL_RE.search(folded, *sentence_bounds(folded, start, end)))


def find(norm: Normalised) -> list[Hit]:
    hits: list[Hit] = []
    deob, _, runs = norm.deob
    text = _masked_view(norm)
    folded = norm.folded
    word_runs = _WORD_RUN.findall(text)
    for m in _nouns(text, word_runs):
        s, e, _ = norm.deob_span(m.start(), m.end())
        if _reported(folded, s, e):
            continue
        word = m.group()
        if word in _SLUR_SET:
            hits.append(Hit("abusive", "abusive.slur", "It uses a slur.", [(s, e)]))
        elif word in _MILD_SET:
            hits.append(Hit("abusive", "abusive.insult", "It calls someone an insulting name.", [(s, e)]))
        else:
            hits.append(Hit("abusive", "abusive.insult", "It calls someone an offensive name.", [(s, e)]))
    for m in _SLUR_PHRASE_RE.finditer(text) if "gay" in text else ():
        s, e, _ = norm.deob_span(m.start(), m.end())
        if not _reported(folded, s):
            hits.append(Hit("abusive", "abusive.slur", "It uses a slur.", [(s, e)]))
    if _any_insult_word(text, word_runs):
        for rgx in (_ADJ_PERSON_RE, _PROFANE_PERSON_RE, _AIMED_RE, _EXCUSE_RE, _LOT_RE, _BARE_INSULT_RE):
            for m in rgx.finditer(text):
                s, e, _ = norm.deob_span(m.start(), m.end())
                if _reported(folded, s, e) or _is_only_intensifier(m.group()) or (rgx is _AIMED_RE and _possessive(text, m)) \
                        or _COMPOUND_AFTER.match(text, m.end()):
                    continue
                hits.append(Hit("abusive", "abusive.insult", "It insults a person directly.", [(s, e)]))
        for m in _BUNCH_RE.finditer(text):
            s, e, _ = norm.deob_span(m.start(), m.end())
            if not _reported(folded, s) and m.group("n") not in _OBJECT_LIKE and not _COMPOUND_AFTER.match(text, m.end()) \
                    and not (m.group("n") in _ANIMALS and not _ANY_ADJ_RE.search(m.group("a"))):
                hits.append(Hit("abusive", "abusive.insult", "It calls people an insulting name.", [(s, e)]))
        for m in _WHAT_A_RE.finditer(text):
            s, e, _ = norm.deob_span(m.start(), m.end())
            if not _reported(folded, s) and m.group("n") not in _OBJECT_LIKE and not _COMPOUND_AFTER.match(text, m.end()):
                hits.append(Hit("abusive", "abusive.insult", "It calls someone an insulting name.", [(s, e)]))
        for p in _THIRD_PRED_RE.finditer(text):  # the subject is looked for only just before an insult
            m = _THIRD_RE.search(text, max(0, p.start() - 90), p.end())
            if m is None or m.end() != p.end():
                continue
            s, e, _ = norm.deob_span(m.start(), m.end())
            if not _reported(folded, s) and _third_person_insult(norm, m):
                hits.append(Hit("abusive", "abusive.insult", "It calls someone an insulting name.", [(s, e)]))
    for m in _DIRECTED_RE.finditer(text) + (_DISMISS_RE.finditer(text) if _DISMISS_GATE.search(text) else []):
        s, e, _ = norm.deob_span(m.start(), m.end())
        if "hel" in m.group() and _THING_SUBJECT_BEFORE.search(text, max(0, m.start() - 25), m.start()):
            continue  # "this week can go to hell"
        if m.group().startswith(("shut", "get lost")) and _NOT_AN_ORDER.search(text, max(0, m.start() - 20), m.start()):
            continue  # "my brain won't shut up", "the noise in my head to shut up", "easy to get lost"
        if not _reported(folded, s) and not ("myself" in folded and _SELF_TALK.search(folded, *sentence_bounds(folded, s, e))):
            hits.append(Hit("abusive", "abusive.directed_profanity", "It swears at someone or tells them to go away.", [(s, e)]))
    for a, b in runs:  # words spelt out letter by letter to dodge filters
        chunk = text[a:b]
        if any(w in chunk for w in ("fuck", "cunt", "wanker", "bitch", "twat", "shit", "slut", "whore")):
            s, e, _ = norm.deob_span(a, b)
            hits.append(Hit("abusive", "abusive.obfuscated_profanity", "It spells out a swear word letter by letter to get past filters.", [(s, e)]))
    hits += _threats(norm)
    hits += _phrases(norm)
    for m in _INCITE_RE.finditer(norm.unleet):
        if _BRIGADE_RE.search(m.group()) or _DOXX_RE.search(norm.folded):
            hits.append(Hit("abusive", "abusive.harassment", "It sends others after someone.", [m.span()]))
    for rgx in (_MOCK_HELP_RE, _EMOJI_INSULT_RE):
        if not _GATES[rgx](folded):
            continue
        for m in rgx.finditer(folded):
            if not _reported(folded, m.start()) and (rgx is not _MOCK_HELP_RE or _MOCKED_RE.search(folded)):
                hits.append(Hit("abusive", "abusive.insult", "It mocks or insults someone.", [m.span()]))
    for m in _EMOJI_RE.finditer(norm.original):
        hits.append(Hit("abusive", "abusive.gesture", "It uses an obscene gesture at someone.", [m.span()]))
    return [] if _banter(norm, hits) else hits


def _phrases(norm: Normalised) -> list[Hit]:
    """Ridicule, sexual harassment, hatred of a group and name-calling phrases (on the l33t-free folded text)."""
    hits: list[Hit] = []
    text, folded = norm.unleet, norm.folded
    for m in _RIDICULE_RE.finditer(text):
        if not _reported(folded, m.start()) and not (m.group().startswith("look") and _THING_LOOKS.search(text, max(0, m.start() - 30), m.start())) \
                and not _SELF_SUBJECT.search(text, max(0, m.start() - 20), m.start()):
            hits.append(Hit("abusive", "abusive.insult", "It ridicules someone's looks or mind.", [m.span()]))
    for m in _SEXUAL_RE.finditer(text):
        if not _reported(folded, m.start()):
            hits.append(Hit("abusive", "abusive.sexual", "It makes sexual remarks about someone.", [m.span()]))
    if _LEER.search(norm.original):
        for m in _INNUENDO_RE.finditer(text):
            if not _reported(folded, m.start()):
                hits.append(Hit("abusive", "abusive.sexual", "It makes sexual remarks about someone.", [m.span()]))
    for m in _IDENTITY_RE.finditer(text):
        if not _reported(folded, m.start()):
            hits.append(Hit("abusive", "abusive.hate", "It attacks someone for their race, religion, sex or other identity.", [m.span()]))
    for m in _TAUNT_RE.finditer(text) + _MAN_UP_RE.finditer(text):
        if not _reported(folded, m.start()) and not _WRITER_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            hits.append(Hit("abusive", "abusive.insult", "It taunts or belittles someone.", [m.span()]))
    if "quack" in text and (_TITLE_RE.search(folded) or _PROFESSIONAL.search(folded)):  # a therapist called a duck
        hits += [Hit("abusive", "abusive.insult", "It calls someone a quack.", [m.span()]) for m in _QUACK_RE.finditer(text)]
    for m in _INSULT_PHRASE_RE.finditer(text):  # "my dad's a drama queen about football": teasing one's own
        if not _reported(folded, m.start()) and not _PRIVATE_PERSON.search(folded):
            hits.append(Hit("abusive", "abusive.insult", "It calls someone an insulting name.", [m.span()]))
    return hits


# Words before "shut up" or "get lost" that make it a statement, not an order to someone.
_NOT_AN_ORDER = re.compile(r"(?<![a-z])(?:won'?t|wont|wouldn'?t|doesn'?t|dont|don'?t|didn'?t|never|can'?t|cant|couldn'?t|to|make|makes|made|let|finaly|wil|might|could|easy|i|we|you'?d|they)(?: [a-z]+)? $")
_THING_SUBJECT_BEFORE = re.compile(r"(?<![a-z])(?:this|that|it|my|the|monday|mondays|week|weather)(?: [a-z]+)? (?:can |should |may )?$")
# "kys is what I keep telling myself": the writer's own thoughts, not words thrown at someone.
_SELF_TALK = re.compile(r"(?:tel+|tel+ing|told|say|saying|said|whisper\w*) (?:it )?(?:to )?myself")
_SECOND_PERSON = re.compile(r"(?<![a-z])(?:you|u|ya|your|ur|yoursel\w+|urself)(?![a-z])")
_PROFESSIONAL = re.compile(r"(?<![a-z])(?:therapist|counsel+or|counselor|reception\w*|doctor|dr|psycholog\w+|psychiatrist|staf+|practitioner|clinician)(?![a-z])")
# The writer's own intent ("I'll", "I'm going to", "I know where he parks"), as opposed to a wish.
_INTENT = re.compile(r"(?<![a-z])(?:i'?ll|ill|i will|i'?m|gonna|going to|i know|i found|he'?ll|she'?ll|they'?ll)(?![a-z])")
_THIRD_PERSON = re.compile(r"(?<![a-z])(?:she|he|they|her|him|them|his|their|himself|herself|themsel\w+)(?![a-z])")


def _aimed_elsewhere(threat: str, norm: Normalised, start: int = 0, whole_text: bool = False) -> bool:
    """Whether a threat is aimed at someone in the writer's own life rather than at the practice's people
    or commenters: "if my ex comes round I'll stab him", "I'm going to kill him, I know where he drinks",
    "if the jobcentre sanctions me again someone is getting hurt". That is a risk of harm to others
    (crisis), not abuse. A wish or threat against "her" on the page with no such context ("hope she
    drops dead") stays abuse, and so does one at a person named in full ("Tom Reilly told my wife...").
    `whole_text`: look for the writer's own people in the whole text, not only the threat's sentence."""
    folded = norm.folded
    if _SECOND_PERSON.search(threat) or _PROFESSIONAL.search(folded) or _FULL_NAME.search(norm.original) or _TITLE_RE.search(folded):
        return False
    if not (_THIRD_PERSON.search(threat) or _PRIVATE_PERSON.search(threat)):
        bounds = (0, len(folded)) if whole_text else sentence_bounds(folded, start, start + len(threat))
        return bool(_PRIVATE_PERSON.search(folded, *bounds))
    if _PRIVATE_PERSON.search(folded):
        return True
    return bool(_INTENT.search(threat)) and not _has_name(norm)


# A first name and surname, both capitalised ("Tom Reilly"), not at the start of a sentence pair of words.
_FULL_NAME = re.compile(r"(?<![\w'])(?!(?:I|The|This|That|My|Our|Your|If|When|Next|Last|Every|Just|Not|And|But|So|Dear|Hi|Hey)\b)[A-Z][a-z]+ [A-Z][a-z]{2,}(?![\w'])")


_CAPITALISED = compile_guarded(r"(?<![\w'])[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?")


def _has_name(norm: Normalised) -> bool:
    """A capitalised word that is not the first of its sentence, or a first name and surname."""
    original = norm.original
    for m in _CAPITALISED.finditer(original):
        word = m.group()
        if word.lower() in _NOT_NAMES:
            continue
        if " " in word or "-" in word:
            return True
        before = original[:m.start()].rstrip()
        if before and before[-1] not in ".!?\n\"'(":
            return True
    return False


def _possessive(text: str, m: re.Match[str]) -> bool:
    """'your stupid policy' insults the policy: "your" directly before the adjective, then more words."""
    if not m.group().startswith("your ") or m.group().count(" ") != 1:
        return False
    rest = text[m.end():m.end() + 12]
    return bool(re.match(r" [a-z]", rest)) and not re.match(r" (?:and|lot|mate|pal|lol|al|too|then|now|or)\b", rest)


def _third_person_insult(norm: Normalised, m: re.Match[str]) -> bool:
    """Whether "<subject> is a <insult>" is said of a person. "she", "the receptionist", "Dr Okafor",
    "@handle", "Priya Shah" (capitalised) can be anything insulting; a bare lowercase word could be a
    thing ("booking is a joke"), so only person-only insults count for it ("priya's a cow")."""
    subject, pred = m.group("s"), m.group("p")
    if _COMPOUND_AFTER.match(m.string, m.end()):
        return False
    first = subject.split(" ", 1)[0]
    person_only = pred in _PERSON_ONLY
    dehumanising = bool(_DEHUMANISING_RE.fullmatch(pred))
    if first in _PRONOUN_SUBJECT:
        if _PRIVATE_PERSON.search(norm.folded, *sentence_bounds(norm.folded, *norm.deob_span(m.start(), m.end())[:2])):
            return False  # "he's a liar, my dad": someone in the writer's life, talked about, not abused on the page
        return first != "they" or person_only or dehumanising
    if _TITLE_RE.match(subject) or (_STAFF_RE.search(subject) and first not in _THING_SUBJECTS):
        return True
    s, e, original = norm.deob_span(m.start("s"), m.end("s"))
    if first in ("this", "that") and pred not in _AMBIGUOUS_SET and _named(original.split()[1:]):
        return True  # "This Lucia is stupid", "that Reilly is a snake": a named person
    if first in _THING_SUBJECTS or first in _DETERMINERS or subject.split(" ")[-1] in _THING_SUBJECTS:
        return False
    words = original.split()
    before = norm.original[:s].rstrip()
    if words and all(w[:1].isupper() for w in words) and (len(words) > 1 or (before and before[-1] not in ".!?\n")):
        return True
    return person_only and not (before[-3:].lower() in ("the", " a", "an") or before.lower().endswith(("this", "that", "your", "our", "my")))


_AMBIGUOUS_SET = frozenset(collapse_word(w) for w in AMBIGUOUS_NOUNS)


def _named(words: list[str]) -> bool:
    """Whether the words are a capitalised name ("Lucia", "Tom Reilly"), not a month or "NHS"."""
    return bool(words) and all(w[:1].isupper() and w[1:2].islower() and w.lower() not in _NOT_NAMES for w in words)


_INTENSIFIERS_ONLY = frozenset(collapse_word(w) for w in "fucking effing bloody absolute utter total complete old little flaming flamin freaking freakin".split())


def _is_only_intensifier(match: str) -> bool:
    """'you absolute' or 'your bloody' alone are not insults; a real adjective or noun must follow."""
    last = match.rsplit(" ", 1)[-1]
    return last in _INTENSIFIERS_ONLY
