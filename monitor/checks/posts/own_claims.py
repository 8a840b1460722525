"""Outcome claims in the practice's own posts: certainty about a therapeutic result.

The idea is certainty (guaranteed, will, proven, every client, never again, N% success, in N
sessions, nobody leaves still ill) joined to a result (cured, gone, healed, a thing of the past, back
to your old self). Hedged talk ("can help many people"), research reports and denials are not claims.
"""

from __future__ import annotations

import functools
import re

from monitor.checks.posts.rules import rx, sentence_near

# What therapy is sought for: the object of a promised result.
CONDITION = (
    r"(?:adhd|ocd|ptsd|autism|bipolar|anxiety|anxious|depression|depressed|low mood|phobias?|insomnia|burnout|stress|panic(?: attacks?)?|"
    r"trauma|flashbacks|nightmares|addiction|cravings|smoking|drinking|eating disorders?|grief|grieving|fears?|worr(?:y|ies)|overthinking|"
    r"self[- ]doubt|intrusive thoughts|anger|tantrums|meltdowns|symptoms|sadness|loneliness|pain|stammer\w*|pnd|post-?natal depression|low self[- ]esteem|perfectionism|procrastination)"
)
_NUMBER = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|a few|a single|a couple of)"
_UNIT = r"(?:sessions?|weeks?|days?|nights?|months?|hours?|afternoon|weekend|fortnight|visits?|appointments?)"
_GUARANTEE = r"g(?:u|ua|au)?ar[ae]nt(?:ee|e|y)(?:d|s)?"
_PERSON = r"(?:clients?|couples?|patients?|famil(?:y|ies)|person|people|teens?|kids?|child(?:ren)?|parents?|students?|members?|attendees?|ones?)"

OUTCOME = rx(
    r"money[- ]back|we promise(?! to (?:always |never |really )?(?:listen|be|try|keep|respect|treat|answer|reply|call|respond|support|work|do our best|tell|help you find))",
    r"cure(?:s|d)?(?: of| your| you)?|(?:fix|fixes|fixed) (?:your|you|it) (?:\w+ ){0,2}(?:for good|forever|permanently)|can fix your",
    r"(?:works|work|worked) for (?:everyone|everybody|all)|every (?:marriage|case)(?! (?:should|needs?|deserves?|can|is welcome|is different|gets a))|(?:everyone|every client|all (?:our )?clients) (?:gets?|feels?|leaves?) (?:better|cured)",
    r"(?:you will|you'?ll|clients will) (?:be|feel|leave) (?:\w+[- ])?(?:free|cured|better|fixed|healed)",
    r"(?:you will|you'?ll|clients will|they'?ll) (?:be|feel|leave|walk out|walk away)(?: as)? (?:a|an) (?:calmer|happier|stronger|healthier|new|different|changed|transformed|more confident) (?:person|man|woman|you|couple|family)",
    r"(?:completely|totally|100 ?%) (?:free of|cured|healed)|100 ?% [\w]+[- ]free|(?:eliminates?|eradicates?) (?:your )?\w+",
    r"(?:zero|no more) (?:panic attacks|anxiety|depression)\.? *guaranteed|proven (?:method|cure|system)|the only one in",
    r"(?:panic|anxiety|depression|pain)[- ]free (?:within|in|after)",
    # A farewell to the condition: "say goodbye to grief", "wave bye-bye to panic", "goodbye anxiety, hello life".
    r"(?:say|wave|kiss|bid) (?:goodbye|good-bye|bye-?bye|bye|farewell|adios|so long) to (?:your |the |all |those |that )?(?:\w+ )?(?:" + CONDITION[3:-1] + r"|sleepless nights|bad days|dark days|low days)",
    # Before and after, the condition first: "Before: anxious wreck. After: calm and confident."
    r"before ?[:\-–]? (?:an? |an? \w+ )?(?:anxious|depressed|stressed|broken|burnt out|burned out|hopeless|a wreck|wreck|sleepless|struggling|" + CONDITION[3:-1] + r")\w*(?: \w+){0,3}[.,;!]? after(?=[:\-–] ?\w| [\-–] ?\w)",
    r"(?:goodbye|bye-?bye|farewell|so long),? (?:to )?(?:your |the )?" + CONDITION + r"[,.!;]? (?:and )?hello\b",
    # Frames: certainty words; "never ... again"; a result bound to a short time; money back.
    r"(?:curable|proven to \w+|clinically proven|results? guaranteed|or you don'?t pay|or it'?s free|or your money)",
    r"or (?:you )?pay nothing|or (?:your|the) (?:\w+ ){0,2}(?:is|are|'s) (?:free|on us)|or (?:we'?ll|we will) (?:refund|pay you back|give you (?:your|a) \w+ back)",
    r"(?:you'?ll|you will|clients? will|never) (?:\w+ ){0,3}(?:again|ever again)",
    r"(?:never|no longer) (?:have|feel|suffer|experience|get) (?:\w+ ){0,5}(?:again|ever)",
    r"(?:erase|erases|erasing|eliminate|eliminates|eradicate|get rid of|gets rid of|getting rid of|rid you of|rids you of|wipe out|wipes out|wipe away|wipes away|melt away|melts away|dissolve|dissolves|banish|beat|beats|end|ends|stop|stops|fix|fixes|reverse|reverses|overcome|quit|conquer) (?:your |the |all )?(?!(?:his|her|their|my) )(?:(?:a lifetime|years|decades|a life) of )?(?:[\w']+ ){0,2}(?:adhd|ocd|ptsd|anxiety|depression|phobias?|insomnia|burnout|panic(?: attacks)?|trauma|traumatic memories|addiction|stress|fears?|grief|drinking|smoking|eating disorders?)(?! (?:awareness|week|month|day|stigma))",
    r"\d{2,3} ?% success(?: rate)?|success rate|(?:always|100 ?%) (?:improve|works?|succeed|recover)|(?:a )?completely (?:new|different) person",
    r"(?<!been )(?<!is )(?<!was )(?:free|freed) (?:of|from) (?:depression|anxiety|ptsd|ocd|panic|trauma|addiction|stress)",
    # Round 4: "the only therapy that works", "proven results", "every couple who ... stays together".
    r"the only (?:\w+ )?(?:therapy|treatment|method|approach|programme|program|course|clinic|practice) (?:that|which|to) (?:actually |really |truly )?(?:works?|helps?|gets? results)|proven results|(?:\d{2,3}|ninety[- ]\w+) ?% (?:recovery|cure|success|remission)(?: rate)?",
    r"(?:cures?|cured|heals?|healed|reverses?|reversed|eliminates?|eliminated|ends?|ended|fix|fixes|fixed|mends?|stops?|saves?|saved|kicks?|banish\w*) (?:your |the |their |every |all |any )?(?:\w+ ){0,2}(?:adhd|ocd|ptsd|autism|bipolar|anxiety|depression|phobias?|insomnia|burnout|panic(?: attacks)?|trauma|addiction|smoking|drinking|eating disorders?|marriages?|relationships?|stammer\w*|meltdowns|moods?|grief|nightmares)(?! (?:awareness|week|month|day|stigma|with))",
    r"(?:you'?ll|you will|clients? (?:will|are)|they'?ll) (?:be )?(?:off|free of|done with) (?:antidepressants|meds|medication|pills|therapy)|(?:zero|no) (?:anxiety|panic|depression|nightmares|meltdowns|cravings) (?:after|within|in|from)|(?:you )?(?:will|'ll) feel better after|(?:you will|you'll|you) (?:will )?never (?:\w+ ){0,2}again",
    # Round 5 frames. A condition said to become history ("your panic attacks will be a distant memory").
    CONDITION + r"(?: \w+){0,4} (?:will be|'ll be|will become|becomes?|are|is) (?:just |only |now |soon )?(?:history|a (?:distant |faint )?memory|a thing of the past|behind you|long gone|gone for good)",
    r"make (?:your |the )?(?:\w+ )?" + CONDITION + r" (?:history|a (?:distant )?memory|a thing of the past)",
    # Nobody fails: "never had a client who didn't recover", "no one leaves still grieving", "not one of our clients ...".
    r"never (?:had|seen|met|lost) (?:a|one|any|a single) (?:\w+ ){0,2}" + _PERSON + r" (?:who|that) (?:didn'?t|did not|failed|wasn'?t|couldn'?t|split|divorced|relapsed|came back|went back)",
    r"(?:no one|noone|nobody|not (?:one|a single)|none)(?: (?:\w+ ){0,2}" + _PERSON + r")?(?: of (?:our|them|my) \w+)? (?:[\w']+ ){0,8}(?:still (?:\w+ ){0,2}(?:" + CONDITION[3:-1] + r"|struggling|suffering|ill|unwell|the same)|(?:has |have )?(?:ever )?fail(?:s|ed)? to (?:improve|recover|get better|heal)|(?:has |have )?ever (?:relapsed|divorced|split up|come back|returned)|without (?:improving|recovering|getting better|feeling better)"
    r"|(?:who|that) (?:didn'?t|did not|hasn'?t|has not|haven'?t|wasn'?t|couldn'?t) (?:\w+ ){0,2}(?:stay|recover|improve|get better|heal|feel better|change|benefit|make it|succeed))",
    r"(?:we'?ve|we have|she'?s|he'?s|they'?ve|i'?ve) never had (?:a|one|any) (?:\w+ ){0,2}" + _PERSON + r" (?:\w+ ){0,3}(?:split up|divorce|relapse|fail|give up|come back|go back)",
    # A rhetorical answer: "Depression? Not after you've seen us."
    r"(?<=\?)\s{0,3}not (?:after|once|when|with) (?:you'?ve|you have|you|a|our|us)(?: \w+){0,2} (?:seen|done|tried|finished|completed|been|had|met|worked|booked|started|course|programme|sessions?|us)|(?<=\?)\s{0,3}not (?:after|with|once you'?ve (?:seen|met)) (?:us|\w+)(?=\s*[.!])",
    # Every one of a group gets a result (a reward for a review is not a result).
    r"(?:(?:every|each) (?:single )?\w+|everyone|everybody|anyone|all (?:our |the )?\w+) (?:who|that) (?:\w+ ){1,6}(?:stays?|stayed|gets?|got|is|are|becomes?|became|feels?|felt|recovers?|recovered|leaves?|left|sees?|saw|notices?|walks? away|goes? home|ends? up|reports?) "
    r"(?:\w+ ){0,4}(?:better|calmer|happier|healed|cured|recovered|improv\w*|well|together|sober|clean|abstinent|married|\w+-free|in recovery|transformed|free of|results|go(?:es)? up|stop(?:s|ped)?|disappear\w*|vanish\w*|symptom[- ]free|a new person|changed)",
    # Every one of them already got a result; a method that has never failed.
    r"(?:every (?:single )?(?:one of our )?(?:client|patient|person|couple|family|student|member|attendee)|all (?:of )?(?:our|my) (?:clients|patients|couples)|everyone)(?: (?:we'?ve|we have|who'?s|who has|who have|that has)(?: [\w-]+){1,4})? (?:has |have )?(?:fully |completely |totally )?(?:recovered|healed|been cured|got better|gotten better|improved|stayed together|stayed sober|moved on)",
    r"(?:method|approach|therapy|treatment|technique|programme|program|course|protocol|intensive|we|practice|clinic|team)(?: has| have|'s|'ve)? never (?:once )?(?:failed|had a failure)(?! to)|(?:method|approach|therapy|treatment|technique|programme|program|course|protocol) never fails(?! to)",
    # Sent home changed: "walk away healed", "leave anxiety-free", "come in stressed, leave zen".
    r"(?:come|walk) in (?:stressed|anxious|broken|depressed|exhausted|burnt out|burned out|overwhelmed|stuck|lost|hopeless|grieving|angry|sad|scared|worried|a wreck|" + CONDITION[3:-1] + r")[,;]? (?:and )?(?:leave|walk out|go home) (?!early|late|on time|whenever)\w+",
    # The illness forgotten, the last therapy needed: "you'll wonder why you ever felt anxious".
    r"you'?ll (?:\w+ ){0,2}(?:wonder why you (?:ever|were ever)|forget (?:that )?you (?:ever )?)(?: \w+){0,2} (?:felt|were|got|had) (?:so )?(?:anxious|depressed|low|stressed|scared|worried|afraid|sad|stuck|" + CONDITION[3:-1] + r")",
    r"the last (?:therapy|therapist|counsell?or|course|programme|treatment|help) (?:you'?ll|you will) ever need",
    r"(?:walk (?:away|out)|leave|go home|come out) (?:completely |totally |fully )?(?:healed|cured|fixed|transformed|[a-z]+-free)\b",
    # Nobody can come back: "our clients don't relapse. Ever.", "anxiety physically cannot come back".
    r"(?:our )?(?:clients|patients|couples|graduates) (?:\w+ ){0,3}(?:don'?t|do not|won'?t|never) (?:ever )?(?:relapse|divorce|split up|break up|separate)",
    CONDITION + r" (?:\w+ ){0,2}(?:can'?t|cannot|can never|will never|won'?t ever|won'?t|never) (?:ever )?(?:come back|return|recur|relapse)",
    # "No more insomnia after our 4-week course", "no more burnout, ever".
    r"(?:no more|zero) (?:" + CONDITION[3:-1] + r"|(?:bad|sad|dark|anxious) days|sleepless nights)(?:,? ever|(?: \w+){0,2} (?:after|within|once|following|thanks to|with) (?:our|the|a|\d+|one|two|three|four|five|six)(?: [\w-]+){0,2} (?:course|programme|program|sessions?|therapy|method|approach|workshop|treatment|intensive|retreat|weeks?|days?|months?|protocol|plan|package))",
    # A set time with the practice, then the result: "three sessions with Tom and you'll be unstoppable".
    r"(?:" + _NUMBER + " " + _UNIT + r" with (?:us|\w+)|give (?:us|me|\w+) (?:just |only )?" + _NUMBER + " " + _UNIT + r")(?: \w+)? and (?:it'?s|it'?ll be|it will be|they'?re|they'?ll be|you'?re|you'?ll be|you will be|your \w+ (?:is|are|will be|'ll be)) (?:all |completely )?(?:gone|cured|fixed|healed|sorted|over|history|free|better|unstoppable|transformed|a new person|a different person|\w+-free)",
    # A transformation on a timetable: "from rock bottom to the happiest you've been in 8 weeks".
    r"from (?:rock bottom|broken|burnt out|burned out|struggling|stuck|lost|hopeless|a wreck|surviving|" + CONDITION[3:-1] + r")(?: \w+){0,2} to (?:[\w']+ ){0,4}(?:happiest|happy|thriving|confident|calm|healed|well|free|unstoppable|whole|fearless|new)\b[^.!?]{0,40}?\bin (?:just |only )?" + _NUMBER + " " + _UNIT,
    # A success rate or a saving: "saves 9 out of 10 marriages", "3x more likely to be happy".
    r"(?:saves?|fix(?:es)?|heals?|cures?|rescues?) (?:\d{1,2}|nine|eight|seven) (?:out of|in) (?:10|ten) (?:marriages|relationships|couples|clients|people|patients|cases)",
    # A promised full recovery; results that last for ever; it helps everyone.
    r"(?:promise|guarantee)(?:s|d)? (?:you |clients |them )?(?:a |an )?(?:full|complete|total|lasting|permanent|100 ?%|quick|fast) (?:recovery|cure|fix|results?|success|transformation|turnaround)",
    r"results? (?:are|is) (?:permanent|guaranteed|for life|forever|life[- ]long)|(?:it|this|therapy|which|that|method|approach|programme|course) (?:works|helps) (?:for )?(?:everyone|everybody)(?! (?:to |stay|keep|find|know|understand|learn))",
    r"(?:so|and|until) (?:that )?you (?:can|will|'ll|could) (?:finally )?(?:come off|stop taking|ditch|quit|throw away|bin|get off) (?:your |all |the )?(?:medication|meds|antidepressants|pills|tablets|lithium)",
    # Taken off medication by the practice: "our therapy gets you off antidepressants", "weans clients off their meds".
    r"(?:gets?|getting|got|weans?|weaning|takes?) (?:you|clients|patients|people|them|everyone) (?:off|free of) (?:your |their |all |the )?(?:medication|meds|antidepressants|anti-depressants|pills|tablets|lithium)(?![^.!?\n]{0,40}\?)",
    # A condition resolved by the method itself, said as fact: "ADHD symptoms reversed naturally", "trauma healed for good with our EMDR".
    CONDITION + r"(?: symptoms)? (?:reversed|cured|healed|eliminated|erased|wiped out|banished|eradicated|resolved|gone) (?:naturally|completely|for good|permanently|forever|for life|with our|through our|using our|by our|without (?:meds|medication|drugs|pills|tablets))(?![^.!?\n]{0,40}\?)",
    # Free of the condition by a date or within a set time: "depression-free by summer", "panic-free in 30 days".
    r"(?<!we'll be )(?<!we will be )(?<!i'll be )(?<!we're )" + CONDITION + r"[- ]free (?:by|in|within|after|before|from) (?:just |only )?(?:summer|christmas|xmas|spring|autumn|fall|winter|easter|(?:the )?new year|next \w+|the end of \w+|(?:day|session|week) one|" + _NUMBER + " " + _UNIT + r")(?![^.!?\n]{0,40}\?)",
    r"if we can'?t (?:\w+ ){1,3}(?:nobody|no one|no-one) (?:else )?can",
    # Back to normal, on a promise: "we'll have you back to your old self".
    r"(?:we'?ll|we will|we can|we|guaranteed to) (?:get|have|bring|put) (?:you|them|your \w+) back to (?:your|their|the|his|her) (?:\w+ )?(?:self|selves|best|normal)",
    # A condition resolved within a stated time ("insomnia fixed in 3 nights", "clears trauma in only 5 sessions").
    CONDITION + r" (?:\w+ )?(?:gone|fixed|cured|healed|sorted|beaten|over|banished|cleared|solved|resolved|vanished|eliminated|erased|wiped out|wiped|melted away|knocked out|crushed|conquered|lifted|kicked) (?:in|within|after|by) (?:just |only |as little as )?(?:" + _NUMBER + " " + _UNIT + r"|the end of (?:the )?\w+|summer|christmas|spring|the new year)(?![^.!?\n]{0,40}\?)",  # not asked: "is your anxiety gone after a session?"
    r"(?:clears?|cleared|wipes? out|melts? away|dissolves?|lifts?|resolves?|banishes|fixes|cures|heals|ends|stops|erases|removes?) (?:your |the |all )?(?:\w+ )?" + CONDITION + r" (?:\w+ ){0,3}(?:in|within) (?:just |only |as little as )?" + _NUMBER + " " + _UNIT,
    # A group never has a bad outcome again: "couples who complete our programme never divorce".
    r"(?:clients|couples|patients|families|people|everyone|anyone|teens|kids|children|parents|students|those)(?: who| that)? (?:\w+ ){0,6}(?:never|don'?t ever|won'?t ever) (?:relapse|divorce|split|separate|break up|come back|return|need (?:therapy|help|us|another)|struggle|look back|have another)",
    r"(?:you'?ll|you will|clients? will|they'?ll|you) never (?:\w+ ){0,2}(?:another|a single) (?:\w+ ){0,2}(?:attack|night|episode|relapse|craving|day|moment)",
    # A success rate: "9 out of 10 of our clients are symptom-free".
    r"(?:\d{1,2}|nine|eight|seven|six) (?:out of|in) (?:10|ten) (?:of )?(?:our )?(?:clients|patients|couples|families|people we (?:see|treat|work with))(?: \w+){0,5} (?:symptom[- ]free|recover\w*|better|improve\w*|cured|healed|free of|well)",
)
# A method that works every time, or first time.
_WORKS_ALWAYS = r"(?:works?|worked|succeeds?|gets? results) (?:\w+ ){0,2}(?:every (?:single )?time|(?:the )?first time|without fail)"
# A certainty said after the result, in the next sentence too ("No more bad days. That's our promise.",
# "No more low mood. All in 6 sessions."): a claim only after a result.
_CERTIFIER = (
    r"(?:that'?s|this is|it'?s) (?:a|my|their|the \w+) promise|(?:that'?s|this is) (?:exactly )?what (?:happens|we do|you get|\w+ does)"
    r"|full stop|yes,? really|that'?s a fact|not hype|no exaggeration|all in (?:just |only )?" + _NUMBER + r" (?:\w+ )?" + _UNIT
    + r"|(?:just|only|real|guaranteed) results|results you can (?:count|rely|bank|depend) on|results,? not (?:promises|excuses|talk)"
)
# A fix of "it", "them" or "that habit" in a set time, or "all gone after our course": a claim only
# where the condition it refers to was named just before ("Insomnia? We fix it in 10 nights").
_RESOLVED_IT = (
    r"(?:fix(?:es)?|cure[sd]?|sort(?:s|ed)?|clears?|cleared|ends?|ended|beats?|banish(?:es)?|solve[sd]?|kicks?|kicked|break|breaks|shift(?:s)?|erase[sd]?) "
    r"(?:that|this|it|them|yours|the|your)(?: [\w']+){0,3} (?:in|within) (?:just |only |as little as )?" + _NUMBER + " " + _UNIT
    + r"|(?:have|get) (?:it|them|that|this|yours) (?:all )?(?:sorted|fixed|cured|gone|cleared|beaten|under control) (?:in|within) (?:just |only )?" + _NUMBER + " " + _UNIT
    + r"|(?:all |completely |totally )?(?:gone|cured|fixed|healed|sorted|history|vanished|banished) (?:after|following|thanks to) (?:just )?(?:our|one|a single|\d+)"
)
# Certainty words that also have everyday uses ("your place is guaranteed", "we're moving permanently"):
# a claim only with a condition or a result in the same sentence.
OUTCOME_WEAK = rx(
    _GUARANTEE,
    r"(?<=[,\-.!] )(?:promised|we promise|promise)(?=\s*[.!]|\s*$)",
    r"our promise",  # "that's our promise: we'll always call you back" is about service
    r"(?:for good|forever|permanently|once and for all|for life)",
    # A share of clients ("94% of our clients"): not where the post says results vary.
    r"(?:\d{2,3} ?%|\d{2,3} ?per ?cent|(?:ninety|eighty|seventy)(?:[- ]\w+)? (?:percent|per cent)) of (?:our )?(?:clients|patients|people|couples|families|participants|attendees|graduates|students)",
    _WORKS_ALWAYS,
    _CERTIFIER,
    _RESOLVED_IT,
)
_CERTIFIER_RX = re.compile(_CERTIFIER)
_RESOLVED_IT_RX = re.compile(_RESOLVED_IT)
_CONDITION_RX = re.compile(r"\b" + CONDITION + r"\b")
# What a certainty after the fact must follow: a result, not just talk of feelings.
_RESULT_NAMED = re.compile(
    r"\b(?:no more|gone|cured|fixed|healed|sorted|free (?:of|from)|[a-z]+-free|a thing of the past|transform\w*|unstoppable|happiest|recovered|move on|disappear\w*|vanish\w*|never again|wiped out|history)\b"
)
# An honest figure: "results vary", "not everyone", "reported improvement on standard measures".
_DISCLAIMED = re.compile(r"\b(?:results (?:can |may |will )?vary|not (?:right )?for everyone|not everyone|on standard measures|everyone (?:is different|responds differently))\b")
_THERAPEUTIC = re.compile(
    r"\b(?:" + CONDITION + r"|moods?|results?|outcomes?|happiness|happy|happier|better|improve\w*|recover\w*|cured?|heal\w*|fix\w*|works?|feel\w*|free of|stop\w*|quit|beat|overcome|end|symptom\w*|transform\w*|new (?:person|you|man|woman)|calm\w*|confiden\w*"
    # sleep restored, medication dropped, a marriage kept: results too ("sleep 8 hours a night, guaranteed")
    r"|sleep\w* (?:\w+ ){0,2}(?:perfectly|soundly|well|better|deeply|through|all night|every night|like a baby|\d+ hours)|medication|meds|antidepressants|divorce|relapse\w*|sober)\b"
)
# Concepts (round 3): a claim is certainty plus a result in one sentence ("your insomnia will be gone
# within two weeks").
_CERTAINTY = (
    r"(?:by the end of (?:term|the (?:week|month|year|course|programme))|in as little as|in (?:a )?(?:fortnight|single session|matter of)|just one session|for everyone|every (?:family|couple|time)|proven|completely|totally|"
    r"will|'ll|guarantee\w*|always|never|every (?:time|client|one|single)|100 ?%|\d{2,3} ?% of the time|within (?:\w+ ){0,2}(?:days?|weeks?|months?|sessions?|nights?)"
    r"|in (?:just |only )?" + _NUMBER + " " + _UNIT + r"|from (?:day|session) one|for good|forever|permanently|overnight"
    r"|after (?:just )?(?:session|week|day) (?:one|1)|after (?:just )?(?:one|a single|your first) session)"
)
_RESULT = (
    r"(?:gone|disappear\w*|vanish\w*|stop\w*|cured?|heal\w*|fix\w*|free (?:of|from)|saved|recover\w*|symptom[- ]free|relapse\w*|erase\w*|eliminat\w*|"
    r"overcome|beat|end(?:s|ed)?|no more|get rid|(?<!been )(?<!do )(?<!doing )better|transform\w*|rewir\w*|history|a (?:distant )?memory|a thing of the past|back to (?:your|their|the) (?:\w+ )?(?:self|selves)|"
    r"move on|(?:unshakeable|unshakable|unbreakable|bulletproof|total|complete|lasting|permanent) (?:confidence|calm|peace|self[- ]belief|happiness|recovery|freedom))"
)
OUTCOME_CONCEPT = rx(
    _CERTAINTY + r"\b[^.!?]{0,60}?\b" + _RESULT,
    _RESULT + r"\b[^.!?]{0,40}?\b" + _CERTAINTY,
    # Said as plain fact of the practice's method: "with our method, ADHD symptoms disappear".
    CONDITION + r" (?:\w+ ){0,2}(?:disappear|vanish|melt away|go away|fade away|lift|clear up|dissolve)s?\b",
    _WORKS_ALWAYS,
    # More than a treatment: "we don't just manage anxiety, we cure it".
    r"(?:not|don'?t|doesn'?t|won'?t|isn'?t|aren'?t) just (?:[\w,-]+ ){1,4}(?:we|it|they|our \w+) (?:cure|fix|heal|eliminate|end|erase|banish)(?:s|es)?\b",
    # Better odds for its clients: "our clients are 3x more likely to be happy within a month".
    r"(?:\d+ ?x|twice|three times|\w+ times) (?:more|as) likely to (?:be |feel |get |stay )?(?:happy|happier|better|well|recover\w*|improve|calm\w*|confident|symptom\w*|free)",
)
# Who a claim is about: the reader, the clients, or the practice's own method or course.
_CLAIM_SUBJECT = re.compile(
    r"\b(?:you|your|clients|patients|every(?:one| client| couple)|we|with us|book now|book in|walk out|walk away|sign up|join us|our (?:[\w-]+ ){0,3}(?:clients|patients|couples|approach|method|programme|program|course|therapy|team|sessions?|workshops?|retreat|coaching|package|plan|groups?|intensive|protocol|treatment))\b"
)

# For claims, "never" is part of the promise ("clients never relapse"); denials and hedges are not.
# "Doesn't have to define you", "not just less stress" and "without medication" set up a claim, not deny it.
HEDGED = re.compile(
    r"\b(?:never (?:promise|claim|guarantee|say|offer)\w*|never (?:been |was )?about|quick fix(?:es)?|magic (?:cure|wand|bullet|pill)|(?:not|don'?t|doesn'?t|do not|does not|won'?t|isn'?t|aren'?t)(?! (?:have to|need to|just|only|be|worry)\b)"
    r"|can'?t|cannot|without(?! (?:any )?(?:medication|meds|drugs|pills|tablets)\b)|may|might|can|could|some|many|most|often|if)\b"
)

_STUDY = re.compile(r"\b(?:study|studies|research|trial|trials|meta-analysis|evidence|review of|journal|published|according to|found that|suggests?)\b")


@functools.lru_cache(maxsize=16)
def _disclaimed(folded: str) -> bool:
    """Once per text: the checks ask for every match."""
    return _DISCLAIMED.search(folded) is not None


def claims(folded: str, span: tuple[int, int]) -> bool:
    """Certainty and result said of clients or the reader, not reported from a study nor said to vary."""
    s, e = sentence_near(folded, *span)
    return bool(_CLAIM_SUBJECT.search(folded, s, e)) and not _STUDY.search(folded, s, e) and not _disclaimed(folded)


# A certainty word quoted or asked about, not used: 'people ask whether we "guarantee" results'.
_MENTIONED = re.compile(r"(?:[\"'“‘]|\b(?:whether|if) (?:we|you|they|therapy|it|anyone) (?:can |could |will |would |really )?|\b(?:do|can|will|does|could) (?:we|you|therapy|it|anyone) (?:really )?)$")


# A share of people in general ("74% of people have felt stressed") is a survey figure, not the practice's result.
_SURVEY_RX = re.compile(r"\S+ (?:\S+ )?of (?:people|participants|students|attendees)")
_OURS_RX = re.compile(r"\b(?:us|our|we|we'?ve|with \w+)\b")


def weak_claims(folded: str, span: tuple[int, int]) -> bool:
    """A bare 'guaranteed' or 'for good' is a claim only near a condition or a result ("Panic? We'll stop it. Guaranteed.");
    "that's a promise" only after a result, "we fix it in 10 nights" only after a condition; none where results are said to vary."""
    if _disclaimed(folded) or _MENTIONED.search(folded, max(0, span[0] - 30), span[0]):
        return False
    s, e = sentence_near(folded, *span)
    before = max(0, min(s, span[0] - 150))
    said = folded[span[0]:span[1]]
    if _RESOLVED_IT_RX.fullmatch(said):
        return bool(_CONDITION_RX.search(folded, before, span[1]))
    if _CERTIFIER_RX.fullmatch(said):
        return bool(_RESULT_NAMED.search(folded, before, span[0]))
    if _SURVEY_RX.fullmatch(said) and not _OURS_RX.search(folded, s, e):
        return False
    return bool(_THERAPEUTIC.search(folded, max(0, min(s, span[0] - 100)), e))
