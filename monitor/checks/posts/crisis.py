"""Crisis: signs that someone may be at risk of suicide, self-harm or harming others.

Recall matters more than precision here: a missed crisis can cost a life, a false alarm costs a
minute of staff time. So indirect phrasing counts ("everyone would be better off without me",
"giving my things away"), as do worries about a third person ("my son says he wants to die").
What is left out: figures of speech ("this traffic is killing me", "I'd kill for a coffee"), talk
about suicide in general (awareness, statistics), and experiences clearly in the past ("I self-harmed
as a teenager, ten years free now").
"""

from __future__ import annotations

import re

from monitor.checks.posts import crisis_concepts
from monitor.checks.posts.normalise import Normalised
from monitor.checks.posts.patterns import GroupScan, compile_guarded
from monitor.checks.posts.rules import Hit, rx, sentence_bounds

_SELF = r"(?:myself|my ?self|meself|my own life|my life)"
# A rope bought for a job ("for the tent", "for the boat").
_FOR_A_JOB = r"(?! (?:\w+ ){0,4}for (?:the |a |my |our )?(?:tent|washing|boat|swing|hammock|trailer|camping|climbing|gym|dog|garden|tarp|kids))"
_OTHER_SELF = r"(?:himself|herself|themselves|themself|his own life|her own life|their own life|his life|her life|their life)"

# Each pattern alone is a strong enough sign.
STRONG = rx(
    r"(?:kill|killing|kil|end|ending|take|taking|hurt|hurting|harm|harming|cut|cutting|burn|burning|hang|hanging|starve|starving) " + _SELF,
    r"(?<!not )(?<!never )(?<!n't )(?<!nt )suicidal(?! thoughts? (?:are|is) common)|not suicidal(?=,? (?:i'?m |i )?just\b)",
    r"(?:think|thinking|thought|thoughts) (?:about|of) (?:suicide|killing myself|ending it|dying|death|hurting myself|self[- ]?harm\w*)(?: (?:every|all|again|lately|constantly)\w*)?",
    r"(?:want|wanna|going|planning|plan|decided|ready) to (?:die(?! on (?:this|that|the) hill| of (?:embarrassment|laughter|shame))|commit suicide|end it(?: all)?|disappear for good|not be here|be dead|go to sleep forever)",
    r"want(?:ed)? to be dead|wish (?:i was|i were|i'd) dead|better off dead",
    r"(?:wish i could|want to|wanna) (?:go to )?sleep and (?:never|not) wake up",
    r"(?:don'?t|do not|dont|no longer) want to (?:be here|be alive|live|exist|wake up|be around|go on)(?: anymore| any more)?",
    r"(?:tired|sick|exhausted) of (?:living|life|being alive|existing)",
    r"(?:life|living) (?:isn'?t|is not|isnt|aint|ain'?t) worth (?:living|it)(?: anymore| any more)?",
    r"(?:nothing|no reason|no point|nothing left) (?:to live for|in living|in going on|to go on for|left to live for)|what'?s the point (?:of|in) (?:going on|living|anything|being alive)",
    r"(?:everyone|everybody|they|the world|my family|my kids|people) (?:would be|would b|is|are|will be|d be) better off (?:without (?:me|people like me|someone like me)|if i (?:just )?(?:wasn'?t|weren'?t|was not|were not|was gone|died|disappeared|didn'?t exist))",
    r"(?:no ?one|nobody|no-one) (?:would|will|is going to|gonna) (?:miss|notice|care)(?: if)?(?: i| me)?(?! (?:u|you|ya|him|her|them)\b)",
    r"(?:end|ending|finish|finishing) it (?:all|tonight|for good|now)|be done with it all|ending it all",
    r"(?:disappear|disappearing|gone) (?:for good|forever)|if i was gone|when i'?m gone|stop(?:ped)? existing",
    r"(?:take|taking|took|swallow|swallowing|swallowed) (?:all|every|the whole|a whole) (?:of )?(?:my |the |those |these )?(?:pills|tablets|meds|medication|bottle|packet|box|thing|everything)|take everything in the (?:cabinet|cupboard|drawer)",
    r"(?:stockpil\w+|sav(?:e|ed|ing)(?: up)?|hoard\w*|collect(?:ed|ing)) (?:up )?(?:all )?(?:my |the |of my )?(?:pills|tablets|meds|medication|painkillers|sleeping pills)|(?:the |my )?(?:pills|tablets|meds) (?:saved|stockpiled) up|have the pills",
    r"(?:(?:an|to|took|take|taking|taken|had|'ve|have) )?overdos(?:e|ed|ing)(?! on (?!(?:my|his|her|their|the|pills|tablets|meds|medication|paracetamol|insulin|heroin|drugs|painkillers|sleeping|antidepressants|opioids|fentanyl)\b))(?! (?:awareness|prevention|day|week|deaths?|rates?|statistics|crisis|epidemic|figures)| of (?:caffeine|coffee|sugar|chocolate|cuteness|cake|tea|kindness))",
    r"(?:jump|jumping|throw myself|step|stepping) (?:off|from|in front of|under) (?:a|the|this|that)",
    r"(?:slit|slitting|cut|cutting|cuts) (?:my|her|his) (?:wrists?|arms?|legs?|thighs?)",
    r"(?:self[- ]?harm|self[- ]?harming|self[- ]?harmed|cutting|burning myself) (?:again|for (?:weeks|months|days)|every day|daily)",
    r"(?:been|keep|kept|started|start|am|i'?m) (?:self[- ]?harming|cutting again|cutting myself|burning myself|hurting myself)",
    r"started (?:cutting|burning|self[- ]?harming|hurting myself) again|relapsed",
    r"(?:can'?t|cannot|cant|won'?t be able to|don'?t think i can|not sure i can|unable to) keep (?:myself|me) safe|(?:i'?m|i am|im) not safe(?: tonight| right now| at home|)",
    r"scared (?:of )?what i(?: might| could| will|'?ll|'?d) do(?: to myself)?",
    r"this is my last (?:post|message|goodbye)|my final (?:post|goodbye)|goodbye (?:everyone|all|world|forever|x+)|good ?night,? forever|i'?m done\W+goodbye",
    r"(?:wrote|written|writing|left) (?:letters|a letter|notes?) (?:to|for) (?:my|everyone)",
    r"(?:(?:giving|gave|given) (?:my|his|her|their|all (?:my|his|her)) (?:things|stuff|belongings|possessions|tools|pets?) away|(?:giving|given|gave) away (?:my|his|her|their|all) \w+)(?![^.!?\n]{0,60}\b(?:charity|hub|food ?bank|donat\w*|if anyone|anyone (?:needs?|wants?)|free to|nephew|niece|grew out|outgrown))",
    r"(?:have|got|made|making) a plan(?: to| and i'?m| and)|i have a plan",
    r"(?:bought|buying|got) (?:a )?(?:rope" + _FOR_A_JOB + r"|noose)|(?:on|at) the (?:bridge|edge|roof|cliff)(?: right)? now",
    r"(?:won'?t|will not|wont|not going to) (?:be (?:around|here|alive)|last|make it)(?: much longer| for long| by| till| until| \d+| another)",
    r"(?:don'?t|do not) see myself (?:being )?(?:alive|here|around)",
    r"last (?:week|day|night|post) on (?:earth|this earth)",
    r"(?:crash|drive|driving|crashing) (?:the|my) car (?:into|off)|(?:drive|driving|crash|crashing) into a (?:wall|tree|lorry|truck)|crash the car",
    r"just want (?:the|this|my) pain to stop",
    r"(?:don'?t|dont) want to (?:be|live) like this (?:anymore|any more)|(?:don'?t|do not|dont) want to go on living",
    r"no (?:way out|way forward|future for me)|can'?t see a way out",
    r"i'?m a burden|feel like a burden|being a burden",
    # Frames rather than phrases. Means: a method named with having, saving or using it.
    r"(?:how many|how much) (?:\w+ ){0,3}(?:paracetamol|pills|tablets|painkillers|sleeping pills|insulin|meds)(?: \w+){0,3} (?:to|takes?|would it take|does it take|would kill|is (?:lethal|fatal|enough))",
    r"(?:took|taken|swallowed|necked|downed) (?:a (?:load|lot|bunch|handful|pile|few packets)|loads|handfuls?|a whole (?:packet|box|bottle)|(?:\w+ )?packets?) (?:of )?(?:my |the )?(?:\w+ )?(?:pills|tablets|meds|paracetamol|painkillers)",
    r"(?:stockpil\w+|sav(?:e|ed|ing)(?: up)?|hoard\w*|collect(?:ed|ing)|stash\w*|(?:putting|put|setting|set|keeping|kept) (?:aside|back|by)|build(?:ing)? up) (?:up )?(?:all )?(?:of )?(?:my |the |some |enough )?(?:\w+ ){0,2}(?:pills|tablets|meds|medication|painkillers|paracetamol)",
    r"(?:got|have|bought|found|tied|hidden|hid) (?:the|a|my) (?:rope" + _FOR_A_JOB + r"|noose|ligature|blade|razor)",
    # Danger happening now: self-harm getting worse, a means switched on with the writer beside it,
    # someone shut in with a means or not answering, goodbyes said, a note left.
    r"(?:keep|kept|started|start|been|am|i'?m) cutting(?= (?:again|myself|deeper|and|every|when)\b|\W*$)|cutting (?:again|deeper|worse)|cuts? (?:are |keep )?(?:getting )?deeper",
    r"(?:gas oven|gas fire|gas heater|gas|oven|hob)(?:'s| is|s)? (?:on|running)\b[^.!?\n]{0,60}\b(?:i'?m|i am|im) (?:just |still )?(?:sat|sitting|lying|laying|breathing)\b(?! (?:by|at) (?:the table|my desk))",
    r"(?:engine|car)(?:'s| is|s)? running (?:in|inside) the (?:garage|shed)\b|(?:hose|pipe) (?:from|on|to) the exhaust",
    r"lock(?:ed|s)? (?:him|her|them)sel(?:f|ves) (?:in|away)\b[^.!?\n]{0,80}(?:razor|blade|knife|pills|tablets|rope|blood|won'?t (?:answer|respond|open)|not answering)",
    r"(?:said|saying|say|said all) (?:my |our |all my )goodbyes?(?! (?:to (?:summer|the year|2\d{3}|our|the team|you all at|my old|the old)|party))|(?:said|saying) goodbyes?(?=\W*$|\W*[.,;])"
    r"|(?:said|saying|say) (?:my |our )?goodbyes? to (?:the|my) (?:dog|cat|pets?|kids|children|mum|mom|dad|family|parents|sister|brother)",
    r"(?:written|wrote|writing|left|leaving) (?:a |my |the )?(?:note|letter)s? (?:for|to) (?:my |the )?(?:mum|mom|dad|family|kids|children|wife|husband|partner|parents|everyone|sister|brother)\b(?! (?:about|asking|saying|for school|re))",
    r"better (?:looked after|cared for|off|placed) without me",
    # Researching means, intent to stop feeling, letting go, threats against the writer, wishing not to exist.
    r"(?:look(?:ing|ed)? up|googl\w*|search\w*|research\w*|read(?:ing)? (?:up )?(?:about|on)) (?:how (?:many|much)|what dose|the (?:lethal |fatal )?dose|ways to (?:die|go)|how to (?:end|overdose|hang))",
    r"(?:make sure|so that) i (?:never|don'?t ever|won'?t ever) (?:feel|have to feel|wake up)",
    r"(?:time (?:for me )?to|ready to|going to|gonna|i'?m|about to) let (?:it all )?go(?=\W*$|\s*[.!?,;]| now| tonight| soon| for good| forever)",
    r"(?:tired|sick|exhausted) of (?:fighting|trying|being here|waking up)|(?:can'?t|cannot) (?:keep|carry on|go on) fighting",
    r"wish(?:es|ed)? (?:i|he|she|they|my \w+) (?:was|were|had|had been) never (?:been )?born",
    r"(?:threaten\w* to|says? (?:he|she|they)(?:'ll| will| would|'d)|said (?:he|she|they)(?:'d| would)) (?:kill|hurt|strangle|stab|shoot) me(?! if i(?:'m| am)? (?:late|not home|forget|don'?t|miss|eat|spend|break|lose)\b)",
    r"(?:don'?t|do not|dont) know how (?:much )?(?:longer|long) i can (?:keep|go on|do this|cope|take|hold on|last)",
    r"(?:saving|stockpiling|hoarding|keeping|collecting) (?:them|those|these)(?: all)? (?:up|instead|for later|for when)\b",
    r"(?:thinking|think|thought|thoughts?) (?:about|of) (?:not (?:being (?:here|alive|around)|existing|waking up)|being gone|disappearing for good)",
    r"(?:i'?d|i would|id) (?:much )?rather (?:not (?:exist|be here|be alive|wake up|be around)|be dead|die)\b(?! than (?:" + crisis_concepts.TRIVIAL_CHORE + r"))",
    r"(?:would be|'d be|will be|is|are) (?:so much )?(?:lighter|better|easier|happier|calmer|freer) without me\b",
    # Finality and farewell.
    r"(?:won'?t|will not|wont|not) (?:be )?coming (?:back|home|back up|up)(?: (?:in|inside|out|up|down))?(?: again)?(?=\W*$|\.)",
    r"(?:this is|that'?s) (?:my|the) (?:goodbye|last (?:post|message|time))(?! of the (?:year|day|week|month|season|series))|^\W*last (?:post|message)\b(?! of the (?:year|day|week|month|season|series))",
    r"(?:tonight|today|tomorrow)'?s the (?:night|day)\W+(?:sorry|goodbye|bye|i'?m sorry)",
    r"(?:sorry|goodbye|bye|farewell) to (?:everyone|you all|all of you|everybody)",
    r"(?:look after|take care of|look out for) (?:my |the )?(?:mum|mom|dad|kids|children|family|dog|cat|pets?|sister|brother|boys|girls) for me|take care of my (?:dog|cat|pets?|kids)\b",
    r"(?:delete|forget) my number|it'?s been (?:real|nice knowing)",
    r"(?:i'?ve|i have|i) (?:decided|made (?:my|the) decision)\W+(?:tonight|tomorrow|today|this weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)",
    r"(?:nobody|no one|no-one|nothing) (?:will|can|is going to|gonna) stop me",
    r"(?:i )?(?:won'?t|will not|wont) be (?:around|here|alive)(?: anymore| any more)?(?=\W*$)",
    r"(?:feels?|feeling|starting to feel|sounds?) like a plan|(?:my|the) (?:letter|note)s? (?:is|are|'s|'re) (?:on|in|under|by) the",
    # Burden and hopelessness.
    r"(?:won'?t|will not|wont|not going to) be (?:a|an) (?:problem|burden|bother|nuisance|issue|worry)(?: (?:to|for|on) \w+)? (?:for )?(?:much|any|for) ?(?:longer|more)",
    r"(?:everyone|everybody|they|the world|my family|my kids|people|all of you|you all)(?: \w+)? (?:would|will|'d) (?:\w+ )?be (?:better off|happier|relieved)(?: (?:without me|if i (?:was|were) gone|when i'?m gone))?(?=\W|$)",
    r"no point (?:in |to )?(?:anything|living|waking up|going on|trying|life|me being here|being alive)(?: anymore| any more)?",
    r"(?:just )?not (?:waking|wake) up(?: again)?(?! (?:on time|early|in time|at))",
    # A third person at risk.
    r"(?:going|wants?|wanting|threaten(?:ed|ing|s)?|talking about|talks about|talked about|says? (?:she|he|they)(?:'s| is| are)? going) to (?:kill|hurt|harm|end|take|cut) " + _OTHER_SELF,
    r"(?:talking|talks|talked|thinking|thinks) (?:about|of) (?:taking|ending|killing) " + _OTHER_SELF,
    r"(?:taking|end|ending|take) (?:his|her|their) own life",
    r"(?:he|she|they) (?:wants?|want) to die|(?:told me|said|says|saying) (?:he|she|they) (?:wants?|want) to (?:die|be dead|end it)",
    r"(?:going|gonna|threaten\w*) to jump (?:off|from|in front)",
    r"(?:won'?t|will not|wont|not going to|not gonna|not) be (?:around|here) (?:much|for) (?:longer|long)",
    # Voices telling the writer to harm (harm to others said as intent lives in crisis_others).
    r"(?:voices|voice) (?:are |is |keep )?(?:telling|tell|tells) me to (?:hurt|kill|harm)",
    r"thought about how i'?d do it",
    # Coded words and plain-spoken intent seen in round 4 (slang, "wanna", third persons' pills).
    r"sewer ?slide|unaliv(?:e|ing|ed) (?:my ?self|me)|unalive (?:hours|thoughts|again)|ctb|self[- ]delet\w*|(?:want|wanna|gonna) (?:just )?die(?! on (?:this|that|the|a) hill| of (?:embarrassment|laughter|shame|boredom)| for)",
    r"(?:end|ending|finish|finishing) (?:my|his|her|their) (?:own )?life|(?:had|have|'ve had) enough of (?:life|living|being alive)",
    r"(?:research\w*|look\w* up|googl\w*|search\w*) (?:\w+ ){0,2}(?:ways|methods|how) to (?:do it|go|die|end it)|painless(?:ly)? (?:ways?|methods?|death)|(?:do it|go|die) painlessly",
    r"(?:taken|took|swallowed|had) (?:way |far |a lot )?(?:more|too many|too much)(?: \w+){0,2} than (?:i should|i'?m meant to|prescribed|the box says)",
    r"voices? (?:\w+ ){0,2}(?:say|says|said|tell|tells|telling|told)(?: me)? (?:\w+ ){0,6}(?:hurt|kill|harm|dealt with|die|punish|stop)\w*",
    r"(?:taking|take|took|swallow\w*) (?:all|every|the whole) (?:of )?(?:his|her|their) (?:pills|tablets|meds|medication)",
    # Round 9: the same ideas in other words (written for Leeds and Cork, thought through for Brisbane,
    # Portland, Glasgow and Wellington): all of them taken, slicing oneself, doing something to oneself,
    # not around much longer, a parent threatening to jump with a child, pills and drugs saved by anyone.
    r"(?:just |already )?(?:took|taken|swallowed|downed|necked|had) (?:all of|the lot of|every one of|the rest of) (?:them|em|those|these|it)\b|(?:i|i'?ve|ive|she|he|she'?s|he'?s) (?:just |already )(?:took|taken|swallowed|downed|necked) (?:them|em|them all|it all)(?=\W*(?:$|[.!,]))",
    r"(?:slice|slicing|sliced|slash|slashing|slashed|stab|stabbing|gut|gutting|bleed|bleeding|carve|carving|tear|tearing|rip|ripping) (?:my ?self|meself)(?: open| up| apart)?",
    r"(?:going to|gonna|might|about to|want to|will|'ll|scared i'?ll) do something to (?:my ?self|meself)|(?:scared|afraid|frightened|terrified) of (?:my ?self|meself)\b",
    r"(?:don'?t|dont|do not) think (?:i'?m|im|i am|i'?ll|ill) (?:going to |gonna )?be (?:around|here|alive) (?:much|for|a lot) (?:longer|long|more)",
    r"(?:threaten\w*|(?:she'?s|he'?s|they'?re|she is|he is|they are) (?:going|gonna|about)) to jump (?:out (?:of )?(?:the|a|her|his) window|off (?:the|a) (?:balcony|roof)) (?:with (?:the|her|his|their|my) (?:baby|kids?|children|son|daughter))?",
    r"(?:stockpil\w+|sav(?:e|ed|ing)(?: up)?|hoard\w*|stash\w*) (?:up )?(?:all )?(?:of )?(?:my |her |his |their |the )(?:\w+ )?(?:" + crisis_concepts.DRUGS + r")\b",
    r"(?:took|taken|tuk|swallowed|necked|downed|had) (?:like |about |around |over |nearly |almost )?(?:\d{2,}|twenty|thirty|forty|fifty) (?:of )?(?:my |the |her |his )?(?:" + crisis_concepts.DRUGS + r")\b",
    r"(?:don'?t|do not|dont|no longer) (?:wanna|want to) (?:be here|be alive|live|exist|wake up)",
    r"(?:don'?t|dont|do not|doesn'?t|does not) deserve to (?:live|be alive|be here|exist)",
    r"(?:she|he|they)(?:'ll| will|'d| would| is going to|'s going to| are going to) (?:hurt|harm|kill|cut|starve) (?:her|him|them)sel(?:f|ves)",
    r"(?:want|wanna|going|gonna) (?:2|to) (?:die|dye|end it)(?! on (?:this|that|the|a) hill| of (?:embarrassment|laughter|shame|boredom)| for)|wish (?:i'?d|i had|i was|i were|i'd) never (?:been )?born|(?:hope|hoping|praying|pray) (?:that )?i (?:don'?t|do not|never|won'?t) wake up",
    r"(?:going to|gonna|might|about to|want to|scared i'?ll) \"?do something (?:stupid|drastic|silly|permanent)(?! (?:with my hair|like))",
    r"(?:don'?t|do not|dont|not sure|doubt|no idea if)(?: think)? (?:i'?ll|ill|i will|if i'?ll|i can|i'?m going to|im going to|im gonna|i'?m gonna) (?:make it|survive|get|last) (?:through )?(?:the night|tonight|the weekend|today|this week)(?! (?:without|on my own|alone|shift))",
    # Round 5 (independent writers): the same ideas in more words. Throwing oneself from a height, doing
    # oneself in, a note written, pills taken by count (misspelt too), means at hand in a private place,
    # a goodbye drafted, messages for loved ones, asking how long until one is found, imitating a death.
    r"(?:throw|throwing|threw|fling|flinging|hurl|hurling|launch|launching) (?:my ?self|meself) (?:down|off|from|in front|under|into)",
    r"do(?:ing)? (?:my ?self|meself|him ?self|her ?self|them ?selves) in\b",
    r"(?:written|wrote|finished|writing|left) my (?:suicide |goodbye |last |final )?note\b(?! (?:to|for|about|on) (?:the |my )?(?:teacher|school|class|boss|work|landlord|neighbou?r))",
    r"(?:took|taken|tuk|tuck|tooken|swallowed|necked|downed|had) (?:like |about |around |over |nearly |almost )?(?:\d{2,}|twenty|thirty|forty|fifty|a dozen) (?:of )?(?:my |the |her |his |those |these |me )?(?:\w+ )?(?:pills|pils|tablets|tablits|tablet|meds|paracetamol|painkillers|co-?codamol)"
    r"|(?:took|taken|tuk|swallowed|necked|downed) (?:like |about |around |over )?(?:\d{2,}|twenty|thirty|forty|fifty) of (?:them|those|these)\b",
    r"(?:i'?ve|i have|i|ive|she'?s|he'?s|she has|he has|they'?ve|they have) (?:just )?(?:taken|took|tuk|swallowed) something\b(?! for (?:the|my|her|his) (?:pain|headache|cold|hay ?fever|period|cramps|migraine|nerves))",
    r"(?:sitting|sat|lying|laying|i'?m|im) (?:here )?in (?:the|my) (?:bath|bathtub|bathroom|car|garage|dark|room|bed) with (?:a|the|my|some|all (?:my|the)) (?:razor|blade|blades|rope|pills|tablets|knife|hose|bottle of pills)",
    r"(?:drafting|writing|wrote|written|posting|composing|recording|made) (?:my|a) (?:goodbye|farewell|suicide|final|last) (?:tweet|post|message|note|letter|video|text)s?(?! (?:to|for) (?:the |my |our )?(?:team|colleagues|job|work|class|followers|channel|account|page|school|office|club))",
    r"^\W*tell (?:my |the |her |his )?\w+ (?:that )?(?:i lov\w*|i'?m sorry|im sorry|i was sorry)|tell (?:my |the )?\w+ it (?:wasn'?t|wasnt|was not|isn'?t|is not) (?:her|his|their|your) fault",
    r"how long (?:does|would|will|did) it take (?:for )?(?:someone|anyone|people|them|somebody) to (?:find|notice|miss) (?:you|me|a body|them)",
    r"(?:going to|gonna|will|i'?ll|want to) do (?:exactly )?what (?:my \w+|he|she|they) did|same (?:way|method),? same (?:place|spot|time)",
    r"imagine (?:still )?being (?:alive|here|around) (?:on|by|next|in|at|after)\b",
    r"(?:don'?t|dont|do not) think i'?ll (?:make it|be (?:here|around|alive)) (?:to|till|until|for|past) (?:my \w+|next \w+|christmas|the end of|monday|tuesday|wednesday|thursday|friday|saturday|sunday|the weekend|tomorrow|morning)(?!'s| (?:party|dinner|do|drinks|meal|event|wedding|on time|session|appointment|match|game|gig|class|meeting|shift))(?![^.!?\n]{0,40}\b(?:session|appointment|class|meeting|shift|reschedul\w*|rebook|party|match|game|practice|training|lesson|dinner|traffic|train|bus|flight))",
    r"(?:live ?stream\w*|go(?:ing)? live|film\w*|record\w*) (?:\w+ ){0,4}when (?:he|she|they|i) (?:does|do) it",
    r"(?:last|final) time (?:you'?ll|anyone will|you will|you) (?:ever )?(?:hear from|see|hear) me|see (?:you|ya|u) (?:all |guys |lot |everyone )?on the other side(?! of)",
)
_PAST = re.compile(
    r"\b(?:used to|years ago|\w+ years? (?:free|clean|sober|ago|later)|as a (?:teen|teenager|kid|child|student)|when i was (?:younger|little|\d+|a (?:teen|teenager|kid|child))"
    r"|(?:last|that|one) year|back then|i was wrong|(?:in|back in|during|around) (?:19\d\d|20[01]\d|202[0-4])\b|(?:haven'?t|havent|have not) (?:\w+ ){1,3}since\b|(?<!saying it )(?<!say it )(?<!says it )(?<!said it )gets better|got better|in the past|recovered|recovery|years back|still here|through a (?:really )?dark)"
)
# Talk about other people in general ("ask someone if they're thinking about suicide"): advice, not a case.
_GENERAL_BEFORE = re.compile(
    r"(?:\b(?:if|whether|when|ask|asking|how to (?:tell|know|help|support)|support|supporting|help|helping|signs?(?: that)?) (?:someone|somebody|anyone|anybody|they|people|a (?:friend|loved one|person|colleague)|your (?:child|teen|friend|partner)|you)(?:'re|'s| are| is| might be| may be)?(?: who)?(?: (?:tells?|says?|told|said)(?: you| me)?)?(?: [\w']+){0,2} ?)$"
)
# A phrase raised only to be rejected ("End it all? No - end the stigma!").
_REJECTED_AFTER = re.compile(r"\s*\?\s*(?:no|nope|never)\b(?! ?one\b| (?:point|way|reason)\b)")
_FIGURATIVE = compile_guarded(r"\b(?:lol|lmao+|lmfao|haha\w*|jk|jokes?|joking|the drama|so dramatic|drama queen)\b|😂|🤣|😅|😆|🙄|😭|💀")
_HYPERBOLE = re.compile(
    r"\bif i (?:have|had) to\b|\bone more (?:meeting|minute|email|day|time)\b|\bif i (?:skip|skipped|miss|missed|ate|eat|bunk|bunked|had|took) \w+|\bmade me want to\b|\bmakes? me want to\b"
    r"|\bbecause (?:i|we|she|he|they) (?:made|told|asked|wouldn'?t|won'?t|didn'?t)\b|\b(?:my|our|the) (?:teen|teenager|kid|daughter|son|toddler)\w* said\b"
    r"|\bevery ?time\b|\bwhenever\b|\babout everything\b|\bwhat i said when\b|\bwhen i (?:checked|saw|see|looked|opened|heard)\b|\b(?:episode|finale|season|series|spotify|playlist)\b"
)
# "this bin schedule makes me want to jump off a cliff": a thing blamed for the wish is exaggeration
# (but not "everything makes me want to die").
_MAKES_ME = compile_guarded(r"(?<!everything )(?<!life )(?<!it all )(?:makes?|made|making) me (?:\w+ )?want to $")
# The phrase limited to a place or activity right after it ("I don't want to be here... at this job").
_SCOPED_AFTER = re.compile(r"\W{0,6}(?:at|in) (?:this|my|the) (?:job|work|office|meeting|queue|class|lecture|party|wedding|shop|place)\b")
# Leisure and fiction that borrow the words: a charity dip off the pier, a novel's character.
_LEISURE = re.compile(r"\b(?:charity|dip|swim|plunge|bungee|fundraiser|sponsored|skydive|polar|novel|character|fiction|screenplay)\b")


# "I won't be coming back" closes many one-star reviews: a farewell to the service, not to life, when the
# text is about waiting, staff, sessions or money and names no other sign of risk.
_LEAVING = re.compile(r"coming (?:back|home)|(?:won'?t|wont|will not|never) (?:be )?(?:back|return\w*|going back)\b")
_SERVICE_COMPLAINT = re.compile(
    r"\b(?:waited|waiting|wait(?:ing)? time|minutes|receptionist|reception|staff|session|appointment|booking|booked|"
    r"therapist|counsell?or|clinic|practice|service|customer|refund|money|price|paid|pay|overpriced|expensive|rude|"
    r"unprofessional|disappoint\w*|review|stars?|recommend|experience|place|parking|fees?)\b"
)

# A farewell or a give-away among the phrases: ordinary when the text names an occasion (a last day at
# work, a move, an exam) or a gift to whoever wants it (crisis_concepts._ordinary_farewell).
_FAREWELL_PHRASE = re.compile(r"goodbye|farewell|giving|gave|given|\bbye\b")
# A phrase quoted as something said ("'I want to die' - me, every time I see my bank balance 😂"):
# a quotation mark shortly before the match.
_QUOTE_BEFORE = re.compile(r"(?:^|[\s(:-])['\"‘“][^\"‘“’”]{0,25}$")

# STRONG and the concept families in one pass (see patterns.GroupScan).
_SCAN = GroupScan({"strong": STRONG, **crisis_concepts.FAMILY_RULES})


def find(norm: Normalised) -> list[Hit]:
    folded = norm.folded
    hits: list[Hit] = []
    found = _SCAN.scan(folded)
    for m in found["strong"]:
        s, e = sentence_bounds(folded, m.start(), m.end())
        sentence = folded[s:e]
        if _PAST.search(sentence):
            continue
        if _FIGURATIVE.search(folded) and _HYPERBOLE.search(sentence):
            continue
        if _QUOTE_BEFORE.search(folded, max(s, m.start() - 26), m.start()) and (_FIGURATIVE.search(folded) or _HYPERBOLE.search(sentence)) and not crisis_concepts.EARNEST.search(folded):
            continue  # a quoted phrase made light of
        if crisis_concepts.REASSURED.search(sentence) or (_FAREWELL_PHRASE.search(m.group(0)) and crisis_concepts.LEAVING_ORDINARILY.search(folded)):
            continue
        if _MAKES_ME.search(folded, max(s, m.start() - 30), m.start()) or _SCOPED_AFTER.match(folded, m.end()) or _LEISURE.search(sentence):
            continue
        if _GENERAL_BEFORE.search(folded, max(s, m.start() - 60), m.start()) or _REJECTED_AFTER.match(folded, m.end()):
            continue
        if _LEAVING.search(m.group(0)) and _SERVICE_COMPLAINT.search(folded):
            continue  # leaving the practice, not life; other signs of risk still count through the concepts
        hits.append(Hit("crisis", "crisis.risk_language", "It contains words that suggest a risk of suicide, self-harm or harm to others.", [m.span()]))
    if not hits and (norm.suspicious or any(v for k, v in found.items() if k != "strong")):  # else nothing to score
        concept = crisis_concepts.score(norm, {k: [m.span() for m in v] for k, v in found.items() if k != "strong"})
        if concept:
            hits.append(Hit("crisis", "crisis.risk_concepts", "Words about death, means, self-harm, hopelessness or farewell appear together in the writer's own present.", concept))
    if hits and crisis_concepts.RECOVERED.search(folded):  # the whole text looks back on a crisis that is over
        return []
    return hits


def ordinary(norm: Normalised) -> bool:
    """Texts the crisis rules read as ordinary; the learned wording model must not flag them alone."""
    folded = norm.folded
    return crisis_concepts.ordinary(folded) or bool(_LEAVING.search(folded) and _SERVICE_COMPLAINT.search(folded) and not crisis_concepts._DESPAIR.search(folded))
