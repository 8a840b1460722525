"""Outcome claims in the practice's own posts: certainty about a therapeutic result.

The idea is certainty (guaranteed, will, proven, every client, never again, N% success, in N
sessions, nobody leaves still ill) joined to a result (cured, gone, healed, a thing of the past, back
to your old self). Hedged talk ("can help many people"), research reports and denials are not claims.
"""

from __future__ import annotations

import re

from monitor.checks.posts.rules import rx, sentence_bounds

# What therapy is sought for: the object of a promised result.
CONDITION = (
    r"(?:adhd|ocd|ptsd|autism|bipolar|anxiety|anxious|depression|depressed|low mood|phobias?|insomnia|burnout|stress|panic(?: attacks?)?|"
    r"trauma|flashbacks|nightmares|addiction|cravings|smoking|drinking|eating disorders?|grief|grieving|fears?|worr(?:y|ies)|overthinking|"
    r"self[- ]doubt|intrusive thoughts|anger|tantrums|meltdowns|symptoms|sadness|loneliness|pain|stammer\w*)"
)
_NUMBER = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|a few|a single|a couple of)"
_UNIT = r"(?:sessions?|weeks?|days?|nights?|months?|hours?|afternoon|weekend|fortnight|visits?|appointments?)"
_GUARANTEE = r"g(?:u|ua|au)?ar[ae]nt(?:ee|e|y)(?:d|s)?"
_PERSON = r"(?:clients?|couples?|patients?|famil(?:y|ies)|person|people|teens?|kids?|child(?:ren)?|parents?|students?|members?|attendees?|ones?)"

OUTCOME = rx(
    r"money[- ]back|our promise|that'?s our promise|we promise(?! to (?:listen|be|try|keep|respect|always listen|treat))",
    r"cure(?:s|d)?(?: of| your| you)?|(?:fix|fixes|fixed) (?:your|you|it) (?:\w+ ){0,2}(?:for good|forever|permanently)|can fix your",
    r"\d{2,3} ?% (?:of (?:our )?(?:clients|patients|people)|success(?: rate)?)|success rate",
    r"(?:works|work|worked) for (?:everyone|everybody|all)|every (?:marriage|case)(?! (?:should|needs?|deserves?|can|is welcome|is different|gets a))|(?:everyone|every client|all (?:our )?clients) (?:gets?|feels?|leaves?) (?:better|cured)",
    r"(?:you will|you'?ll|clients will) (?:be|feel|leave) (?:\w+[- ])?(?:free|cured|better|fixed|healed)",
    r"(?:completely|totally|100 ?%) (?:free of|cured|healed)|(?:eliminates?|eradicates?) (?:your )?\w+",
    r"(?:zero|no more) (?:panic attacks|anxiety|depression)\.? *guaranteed|proven (?:method|cure|system)|the only one in",
    r"(?:panic|anxiety|depression|pain)[- ]free (?:within|in|after)",
    r"say goodbye to (?:depression|anxiety|stress|panic|trauma|insomnia)",
    # Frames: certainty words; "never ... again"; a result bound to a short time; money back.
    r"(?:curable|proven to \w+|clinically proven|results? guaranteed|or you don'?t pay|or it'?s free|or your money)",
    r"(?:you'?ll|you will|clients? will|never) (?:\w+ ){0,3}(?:again|ever again)",
    r"(?:never|no longer) (?:have|feel|suffer|experience|get) (?:\w+ ){0,5}(?:again|ever)",
    r"(?:erase|erases|erasing|eliminate|eliminates|eradicate|get rid of|rid you of|banish|beat|beats|end|ends|stop|stops|fix|fixes|reverse|reverses|overcome|quit|conquer) (?:your |the |all )?(?!(?:his|her|their|my) )(?:\w+ ){0,2}(?:adhd|ocd|ptsd|anxiety|depression|phobias?|insomnia|burnout|panic(?: attacks)?|trauma|traumatic memories|addiction|stress|fears?|grief|drinking|smoking|eating disorders?)(?! (?:awareness|week|month|day|stigma))",
    r"(?:always|100 ?%) (?:improve|works?|succeed|recover)|(?:a )?completely (?:new|different) person",
    r"(?<!been )(?<!is )(?<!was )(?:free|freed) (?:of|from) (?:depression|anxiety|ptsd|ocd|panic|trauma|addiction|stress)",
    # Round 4: "the only therapy that works", "proven results", "every couple who ... stays together".
    r"the only (?:\w+ )?(?:therapy|treatment|method|approach|programme|program|course|clinic|practice) (?:that|which|to) (?:actually |really |truly )?(?:works?|helps?|gets? results)|proven results|(?:\d{2,3}|ninety[- ]\w+) ?% (?:recovery|cure|success|remission)(?: rate)?",
    r"(?:cures?|cured|heals?|healed|reverses?|reversed|eliminates?|eliminated|ends?|ended|fixes|fixed|stops?|saves?|saved|kicks?|banish\w*) (?:your |the |their |every |all |any )?(?:\w+ ){0,2}(?:adhd|ocd|ptsd|autism|bipolar|anxiety|depression|phobias?|insomnia|burnout|panic(?: attacks)?|trauma|addiction|smoking|drinking|eating disorders?|marriages?|relationships?|stammer\w*|meltdowns|moods?|grief|nightmares)(?! (?:awareness|week|month|day|stigma))",
    r"(?:you'?ll|you will|clients? (?:will|are)|they'?ll) (?:be )?(?:off|free of|done with) (?:antidepressants|meds|medication|pills|therapy)|(?:zero|no) (?:anxiety|panic|depression|nightmares|meltdowns|cravings) (?:after|within|in|from)|(?:you )?(?:will|'ll) feel better after|(?:you will|you'll|you) (?:will )?never (?:\w+ ){0,2}again",
    # Round 5 frames. A condition said to become history ("your panic attacks will be a distant memory").
    CONDITION + r"(?: \w+){0,4} (?:will be|'ll be|will become|becomes?|are|is) (?:just |only |now |soon )?(?:history|a (?:distant |faint )?memory|a thing of the past|behind you|long gone|gone for good)",
    r"make (?:your |the )?(?:\w+ )?" + CONDITION + r" (?:history|a (?:distant )?memory|a thing of the past)",
    # Nobody fails: "never had a client who didn't recover", "no one leaves still grieving", "not one of our clients ...".
    r"never (?:had|seen|met|lost) (?:a|one|any|a single) (?:\w+ ){0,2}" + _PERSON + r" (?:who|that) (?:didn'?t|did not|failed|wasn'?t|couldn'?t|split|divorced|relapsed|came back|went back)",
    r"(?:no one|noone|nobody|not (?:one|a single)|none)(?: (?:\w+ ){0,2}" + _PERSON + r")?(?: of (?:our|them|my) \w+)? (?:[\w']+ ){0,8}(?:still (?:\w+ ){0,2}(?:" + CONDITION[3:-1] + r"|struggling|suffering|ill|unwell|the same)|(?:has |have )?(?:ever )?fail(?:s|ed)? to (?:improve|recover|get better|heal)|without (?:improving|recovering|getting better|feeling better)"
    r"|(?:who|that) (?:didn'?t|did not|hasn'?t|has not|haven'?t|wasn'?t|couldn'?t) (?:\w+ ){0,2}(?:stay|recover|improve|get better|heal|feel better|change|benefit|make it|succeed))",
    r"(?:we'?ve|we have|she'?s|he'?s|they'?ve|i'?ve) never had (?:a|one|any) (?:\w+ ){0,2}" + _PERSON + r" (?:\w+ ){0,3}(?:split up|divorce|relapse|fail|give up|come back|go back)",
    # A rhetorical answer: "Depression? Not after you've seen us."
    r"(?<=\?)\s{0,3}not (?:after|once|when|with) (?:you'?ve|you have|you|a|our|us)(?: \w+){0,2} (?:seen|done|tried|finished|completed|been|had|met|worked|booked|started|course|programme|sessions?|us)",
    # Every one of a group gets a result (a reward for a review is not a result).
    r"(?:every|each) (?:single )?\w+ (?:who|that) (?:\w+ ){1,6}(?:stays?|stayed|gets?|got|is|are|becomes?|became|feels?|felt|recovers?|recovered|leaves?|left|sees?|saw|notices?|walks? away|goes? home|ends? up|reports?) "
    r"(?:\w+ ){0,4}(?:better|calmer|happier|healed|cured|recovered|improv\w*|well|together|sober|clean|abstinent|married|\w+-free|in recovery|transformed|free of|results|go(?:es)? up|stop(?:s|ped)?|disappear\w*|vanish\w*|symptom[- ]free|a new person|changed)",
    # Back to normal, on a promise: "we'll have you back to your old self".
    r"(?:we'?ll|we will|we can|we|guaranteed to) (?:get|have|bring|put) (?:you|them|your \w+) back to (?:your|their|the|his|her) (?:\w+ )?(?:self|selves|best|normal)",
    # A condition resolved within a stated time ("insomnia fixed in 3 nights", "clears trauma in only 5 sessions").
    CONDITION + r" (?:\w+ )?(?:gone|fixed|cured|healed|sorted|beaten|over|banished|cleared|solved|resolved|vanished|eliminated|erased) (?:in|within|after|by) (?:just |only |as little as )?(?:" + _NUMBER + " " + _UNIT + r"|the end of (?:the )?\w+|summer|christmas|spring|the new year)",
    r"(?:clears?|cleared|wipes? out|melts? away|dissolves?|lifts?|resolves?|banishes|fixes|cures|heals|ends|stops|erases|removes?) (?:your |the |all )?(?:\w+ )?" + CONDITION + r" (?:\w+ ){0,3}(?:in|within) (?:just |only |as little as )?" + _NUMBER + " " + _UNIT,
    # A group never has a bad outcome again: "couples who complete our programme never divorce".
    r"(?:clients|couples|patients|families|people|everyone|anyone|teens|kids|children|parents|students|those)(?: who| that)? (?:\w+ ){0,6}(?:never|don'?t ever|won'?t ever) (?:relapse|divorce|split|separate|break up|come back|return|need (?:therapy|help|us|another)|struggle|look back|have another)",
    r"(?:you'?ll|you will|clients? will|they'?ll|you) never (?:\w+ ){0,2}(?:another|a single) (?:\w+ ){0,2}(?:attack|night|episode|relapse|craving|day|moment)",
    # A success rate: "9 out of 10 of our clients are symptom-free".
    r"(?:\d{1,2}|nine|eight|seven|six) (?:out of|in) (?:10|ten) (?:of )?(?:our )?(?:clients|patients|couples|families|people we (?:see|treat|work with))(?: \w+){0,5} (?:symptom[- ]free|recover\w*|better|improve\w*|cured|healed|free of|well)",
)
# Certainty words that also have everyday uses ("your place is guaranteed", "we're moving permanently"):
# a claim only with a condition or a result in the same sentence.
OUTCOME_WEAK = rx(
    _GUARANTEE,
    r"(?:works?|worked|succeeds?|gets? results) (?:\w+ ){0,2}every (?:single )?time",
    r"(?<=[,\-] )(?:promised|we promise|promise)(?=\s*[.!]|\s*$)",
    r"(?:for good|forever|permanently|once and for all|for life)",
)
_THERAPEUTIC = re.compile(
    r"\b(?:" + CONDITION + r"|moods?|results?|outcomes?|happiness|happy|better|improve\w*|recover\w*|cured?|heal\w*|fix\w*|works?|feel\w*|free of|stop\w*|quit|beat|overcome|end|symptom\w*|transform\w*|new (?:person|you|man|woman)|calm\w*|confiden\w*)\b"
)
# Concepts (round 3): a claim is certainty plus a result in one sentence ("your insomnia will be gone
# within two weeks").
_CERTAINTY = (
    r"(?:by the end of (?:term|the (?:week|month|year|course|programme))|in as little as|in (?:a )?(?:fortnight|single session|matter of)|just one session|for everyone|every (?:family|couple|time)|proven|completely|totally|"
    r"will|'ll|guarantee\w*|always|never|every (?:time|client|one|single)|100 ?%|\d{2,3} ?% of the time|within (?:\w+ ){0,2}(?:days?|weeks?|months?|sessions?|nights?)"
    r"|in (?:just |only )?" + _NUMBER + " " + _UNIT + r"|from (?:day|session) one|for good|forever|permanently|overnight)"
)
_RESULT = (
    r"(?:gone|disappear\w*|vanish\w*|stop\w*|cured?|heal\w*|fix\w*|free (?:of|from)|saved|recover\w*|symptom[- ]free|relapse\w*|erase\w*|eliminat\w*|"
    r"overcome|beat|end(?:s|ed)?|no more|get rid|better|transform\w*|rewir\w*|history|a (?:distant )?memory|a thing of the past|back to (?:your|their|the) (?:\w+ )?(?:self|selves))"
)
OUTCOME_CONCEPT = rx(
    _CERTAINTY + r"\b[^.!?]{0,60}?\b" + _RESULT,
    _RESULT + r"\b[^.!?]{0,40}?\b" + _CERTAINTY,
)
# Who a claim is about: the reader, the clients, or the practice's own method or course.
_CLAIM_SUBJECT = re.compile(
    r"\b(?:you|your|clients|patients|every(?:one| client| couple)|we|with us|our (?:[\w-]+ ){0,3}(?:clients|patients|couples|approach|method|programme|program|course|therapy|team|sessions?|workshops?|retreat|coaching|package|plan))\b"
)

# For claims, "never" is part of the promise ("clients never relapse"); denials and hedges are not.
HEDGED = re.compile(r"\b(?:never (?:promise|claim|guarantee|say|offer)\w*|not|don'?t|doesn'?t|do not|does not|won'?t|isn'?t|aren'?t|can'?t|cannot|without|may|might|can|could|some|many|most|often|if)\b")

_STUDY = re.compile(r"\b(?:study|studies|research|trial|trials|meta-analysis|evidence|review of|journal|published|according to|found that|suggests?)\b")


def claims(folded: str, span: tuple[int, int]) -> bool:
    """Certainty and result said of clients or the reader, not reported from a study."""
    s, e = sentence_bounds(folded, *span)
    return bool(_CLAIM_SUBJECT.search(folded, s, e)) and not _STUDY.search(folded, s, e)


def weak_claims(folded: str, span: tuple[int, int]) -> bool:
    """A bare 'guaranteed' or 'for good' is a claim only near a condition or a result ("Panic? We'll stop it. Guaranteed.")."""
    s, e = sentence_bounds(folded, *span)
    return bool(_THERAPEUTIC.search(folded, max(0, min(s, span[0] - 100)), e))
