"""Crisis by concept: risk concepts scored together, for wordings no phrase list foresaw.

The phrase rules in crisis.py catch the clear sentences ("I want to kill myself"). People in crisis
mostly do not write those: they write "got about forty of nan's sleeping pills now", "sorted my
affairs, said my goodbyes", "wnat to dye tbh". So the text is read for five families of concepts:

* death and not existing: die/dead/suicide/unalive, ending it, being gone, disappearing, not waking up;
* means: pills, tablets, overdose, rope, bridge, tracks, jump, balcony, blade, razor, gun, crashing the car;
* harm: self-harm verbs (cutting, burning, hurting myself) and harm to someone else (hurt my baby);
* hopelessness: can't go on/cope, no way out, no point, burden, better off, nobody would notice;
* farewell: goodbye, last post, letters written, giving things away, someone to take the cat;

plus intent (want, going to, tonight, planning, keep thinking, urges, got the ... here). A text is
flagged when a death, means or harm concept comes with a second family or with intent, or when
hopelessness comes with farewell (or twice). Recall matters more than precision (a false alarm costs
a minute, a miss can cost a life), so the guards are narrow: spans of clearly figurative idioms are
removed before scoring ("killing me", "dying to", "dead tired", "to die for", "murder a coffee",
"my phone is dying"), and texts that are general or educational talk (prevention, awareness,
statistics, research, news), laughing, or about a past that is over ("years ago", "so glad I stayed")
are left to the phrase rules.
"""

from __future__ import annotations

import re

from monitor.checks.posts import crisis_others
from monitor.checks.posts.normalise import Normalised
from monitor.checks.posts.patterns import GroupScan, compile_guarded
from monitor.checks.posts.rules import rx, sentence_bounds

_CLOSE = (
    r"(?:sister|brother|son|daughter|mum|mom|mother|dad|father|friend|best friend|mate|pal|bestie|buddy|cuz|bro|sis|wife|husband|partner|girlfriend|"
    r"boyfriend|flatmate|roommate|teen|teenager|kid|child|nan|gran|grandad|grandma|cousin|colleague|stepdad|ex|baby|newborn|boss)"
)

DEATH = rx(
    r"die|dye|dying|dead|death|suicid\w*|sewer ?slide|unaliv\w*|kms",
    r"kil+(?:ing)? (?:my ?self|meself|urself)|end(?:ing)? (?:it|it all|things|everything|my life|my own life|this(?=\W*$))(?=\W|$)|kil+(?:ing)? (?:him|her|them)sel(?:f|ves)|take my (?:own )?life",
    r"(?:won'?t|wont|will not|not going to|don'?t want to|dont want to|not gonna) be (?:here|around|alive)",
    r"(?:wasn'?t|wasnt|weren'?t|not) (?:here|around|alive) (?:any ?more|much longer|for (?:much )?longer|by)",
    r"(?:when|if|once|till|until|after) i'?m gone|if i (?:was|were|am) gone|i'?ll be gone|be gone (?:soon|for good|forever)",
    r"(?:stop|stopped|not|never) exist\w*|cease to exist|disap+ear\w*|dis+apear\w*|vanish\w*",
    r"(?:sleep|asleep|rest) (?:forever|for good|permanently|and (?:never|not) wake)|(?:not|never|don'?t|dont) wake up",
    r"(?:want|wanna|to|just)\W+(?:just\W+)?not (?:be|exist)(?=\W*(?:$|[.,!]))",
    r"waste away|do(?:ing)? (?:the world|everyone) a favou?r|(?:want|wanna) out\b|ready to go(?=\W*(?:$|now|[.,!]))|funeral",
    r"(?:anyone'?s|anyones|a|any) (?:problem|burden) (?:for )?(?:much )?longer|wont be anyones? problem|won'?t be (?:anyone'?s|anyones) problem",
    r"(?:this|that) is it for me|i'?m (?:out|gone)(?: of here)?(?=\W*$)",
    # Coded words and leaving/sleeping metaphors (round 4).
    r"ctb|kys|self[- ]?delet\w*|delete (?:my ?self|me)|press delete on me|🪦|⚰️?|(?:off|top|neck) (?:my ?self|meself)",
    r"(?:check|checking|checked|clock|clocking|tap|tapping|bow|bowing) out (?:for good|permanently|early|of (?:life|this world|this life))|cash(?:ing)? in (?:my|the) chips",
    r"get(?:ting)? off (?:the|this) (?:ride|train|planet)|leav(?:e|ing) this (?:world|earth|life|planet)|(?:the|my) (?:show|game|story|journey|road) is over|end of the (?:road|line) for me",
    r"(?:long|short) walk off a short (?:pier|bridge|cliff)|might as well (?:be dead|die|not be here|end it|make it official|disappear|not exist)",
    r"if (?:i|he|she|they)(?:'m| am| was| were)? (?:just )?(?:not|wasn'?t|wasnt|weren'?t|was not|were not) (?:here|around|alive)|(?:life )?insurance (?:money|payout|pays out)|(?:get|gets|have|claim) the insurance",
    r"(?:not|won'?t|wont) be(?:ing)? a (?:bother|burden|problem|nuisance) (?:soon|much longer|for long|any ?more)",
    r"(?:go|going|ready to go)(?: and)? (?:be with|join) (?:my|her|his|their) (?:late )?(?:\w+ )?" + _CLOSE + r"|(?:need|needing) (?:them|it|that|those|any of it) where i'?m going",
    r"(?:the|my|a|her|his) plan(?:'s| is| was)? (?:set|ready|made|in place|sorted|on for)|(?:a|my|the|her|his) way out'? (?:planned|sorted|ready)|(?:planned|planning|plan) (?:a|my|her|his) way out",
    r"then (?:peace|nothing|quiet|rest|it'?s over)|(?:be |finally )?at peace (?:soon|at last)|peace at last",
    r"(?:eulogy|obituary|funeral plan|my (?:own )?funeral)",
    r"(?:(?:want|wanna|need) (?:it|everything|this|the pain|it all|things) (?:all )?to )?(?:stop|end|be over|go away)\W+(?:permanently|for good|forever)",
    # Round 5: euphemisms of ending and of others freed from the writer; hiding the act; a last errand;
    # a near attempt or a rehearsal; joining someone who died.
    r"(?:pack|packing|packed|jack|jacking) it all in|before i go(?=\W*$|\W*[.!])|(?:paid|paying|pay) (?:my|the) (?:fare|ferryman)",
    r"(?:know|wonder\w*|tell me) (?:if|whether) it hurts|does it hurt(?: to die)?\b|(?:won'?t|wont|will not|not|never) (?:need|have|be needing|gonna need|gonna have) to (?:\w+ ){0,2}(?:about |with |after |for )?me\b(?= (?:any ?more|much longer|for (?:much )?longer|for long|soon)|\W*$)"
    r"|soon (?:you|they|everyone|nobody|no one|you all|you lot)(?: \w+)? (?:won'?t|will not|wont) (?:have|need) to",
    r"(?:it'?s|its|it is|it'?ll be|it will be|all be|i'?ll be) (?:all )?(?:done|over|finished) (?:soon|tonight|tomorrow|by (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning))"
    r"|(?:it'?s|its|it is|game|it'?s all|it'?s game) over for me|over for me (?:after|by|tonight)|there'?ll be one less",
    r"so (?:nobody|no ?one|noone|no-one) (?:hears|will hear|can hear|finds (?:me|out)|can stop me|will stop me|notices|sees)|when (?:nobody|no ?one|noone|no-one)(?:'s| is| will be|s) (?:around|awake|home|up|looking)",
    r"(?:planning|plan|planned|plotting) (?:my|their|his|her|an|the) exit(?! (?:from|at|of) (?!life|this world))|(?:gonna|going to|will|'ll|about to) be a ghost|be a ghost soon",
    r"nowhere (?:\w+ )?i (?:want|wanna) (?:to )?be (?:alive|here)|rehears\w* it\b|(?:tonight|today|this) (?:is ?n'?t|isnt|is not|won'?t be|aint) a (?:rehearsal|practice run|drill)",
    r"no (?:fuel|petrol|gas|way) to (?:get|come) back|one[- ]way (?:trip|ticket)(?! to)|(?:for|got|bought|buying|buy|getting) (?:the|my) last (?:thing|things|item|bits?)(?: i(?:'ll)? (?:ever )?need)?(?! is| was)",
    r"(?:come|coming|get|getting|go|going) down the (?:quick|fast|other|hard) way|not (?:[\w']+ ){0,3}(?:coming|getting|going) down the (?:normal|right|usual|safe|stairs|easy) way|the right way or the other",
    r"checking out (?:this weekend|tonight|soon|for good)(?=\W*$)|(?:i'?m|im) checking out (?:this weekend|tonight|soon)",
    r"(?:sleep|die|dying|go|ready to go)(?: \w+){0,2} (?:and )?(?:be with|join) (?:my |her |his |their )?(?:late )?(?:grandad|grandpa|grandma|granny|nan|nana|gran|husband|wife|dad|mum|mom|father|mother|son|daughter|brother|sister|partner|baby)\b"
    r"|so (?:i|she|he|they) can \W?(?:be with|join|see) (?:my |her |his |their )?(?:late )?(?:grandad|grandpa|grandma|granny|nan|nana|gran|husband|wife|dad|mum|mom|father|mother|son|daughter|brother|sister|partner|baby)\b"
    r"|ready to (?:see|be with|join) (?:my |her |his |their )?(?:late )?(?:grandad|grandpa|grandma|granny|nan|nana|gran|husband|wife|dad|mum|mom|father|mother) again",
    # Round 5, broadened from risk-assessment language rather than from any set: not living to a date,
    # being gone by the time it is read, being found, not being "in it", sleeping without coming back,
    # a day decided, letting go now.
    r"(?:won'?t|wont|don'?t think i'?ll|dont think ill|not going to|not gonna|never going to|doubt i'?ll) (?:\w+ )?(?:see|make it to|be (?:here|around) for|live to see|reach) (?:my |the |next |another |this )?(?:birthday|christmas|xmas|new year|summer|spring|autumn|winter|weekend|anniversary|\d+)",
    r"(?:i'?ll|i will|i'?d|i would|i'?m|im) (?:already |long |probably )?(?:be )?gone (?:by (?:then|the time|morning|tomorrow)|when you)|(?:i'?ll|i will) (?:already|long) be gone|already be gone",
    r"(?:you'?ll|you will|you all|everyone will) (?:all )?know why|(?:if|when) i'?m not (?:online|here|around|on here|posting) (?:tomorrow|by|after|again)",
    r"(?:nobody|no ?one|no-one|noone) (?:will|would|is going to|gonna) find me|whoever finds me|(?:find|found) (?:me|my body) (?:in|at|till|until|before|when)|key'?s? (?:is )?under the mat for",
    r"(?:if|when) i (?:just )?(?:wasn'?t|weren'?t|was not|were not) in it|(?:the world|everything|life) (?:would|will) (?:\w+ )?(?:be )?(?:\w+ )?without me",
    r"(?:sleep|rest) (?:for )?(?:a )?(?:very |really )?long time|(?:sleep|rest) and not (?:have to )?(?:come back|wake)|not (?:have to )?come back(?=\W*$| from)",
    r"(?:i'?ve |ive |i have )?(?:finally )?decided\W+(?:tonight|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|this weekend)\b",
    r"letting (?:it all |myself )?go (?:tonight|now|today|for good|forever)|let(?:ting)? go of (?:life|everything|it all) (?:tonight|now|today)",
    # Round 9 (ideas from sets written for Leeds and Cork, said the Australian, American, Scottish and NZ
    # ways too): finality tacked on ("monday, or ever", "ttyl... or not"), a wish to be hit by a bus,
    # doing it properly next time, a previous attempt found in time, knowing what dose or wire "would
    # do it", research into the quickest way, the world fine without the writer, a long nap, not
    # sticking around, going through with it, being worth more dead, done for good.
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|today|tonight|again|next week|this year)\W+or ever\b|(?:ttyl|talk (?:to (?:you|u|ya) )?(?:later|tomorrow|soon)|see (?:you|ya|u|yous)(?: \w+)?|cya|catch (?:you|ya) later)\W+(?:or not|maybe not|prob(?:ably)? not)\b",
    r"(?:i'?ll|i will|gonna|going to|i'?m going to|she'?ll|he'?ll) be with (?:my|her|his|their) (?:late )?(?:\w+ )?" + _CLOSE + r" (?:soon|again|shortly|at last)\b|(?:i'?ll|i will|she'?ll|he'?ll|i) not be (?:here|around|alive) (?:for|by|at|much)",
    r"(?:know|wonder\w*|tell me|anyone know) (?:if|whether|how much) (?:drowning|dying|hanging|jumping|an overdose|overdosing|bleeding out|(?:\w+ )?ing) (?:really )?(?:hurts|is painful|would hurt)",
    r"(?:hope|hoping|wish|pray\w*|wouldn'?t mind if) (?:that )?i (?:get|got|'d get|would get|was|were) (?:hit|run over|knocked down|killed|struck|taken out) by",
    r"(?:next time|this time) i'?(?:ll| will|m going to|m gonna) (?:do it|get it) (?:properly|right)|(?:do|get) it (?:right|properly) (?:next|this) time",
    r"(?:pumped|pump|pumping) (?:my|her|his|their) stomach|(?:found|saved|stopped|caught|revived) (?:me|her|him|them) (?:last time|in time|the last time)",
    r"know (?:exactly |just )?(?:which|what|how much|how many) (?:\w+ ){0,3}(?:would|will|'d|it'?d|it would) (?:do it|do the job|be enough|kill|finish)\b",
    r"research\w* (?:\w+ ){0,2}(?:methods|ways)\b(?! (?:of|for|in) (?!(?:dying|suicide|ending)))|(?:quickest|fastest|least painful|most painless|surest) (?:way|method|option)(?! (?:to (?:get|book|pay|reach|contact|find|the)|home|there))|(?:what|which) would be (?:quickest|fastest|least painful)",
    r"(?:would|will|'d|wud) (?:\w+ ){0,3}(?:fine|ok|okay|better|happier|the same|spinning|turning|go on|carry on|keep going) without me\b",
    r"(?:long|forever|big|permanent|eternal|dirt) (?:nap|sleep|rest)\b(?! (?:this|on|after|at|in the))|sleep(?:ing)? forever",
    r"(?:not|won'?t|wont|never|ain'?t) (?:be )?stick(?:ing)? around(?! (?:for (?:the|a|drinks|lunch|dinner|cake)|after|at|to (?:chat|talk|help)))",
    r"go(?:ing|in'?)? (?:thru|through) with it\b(?! (?:and|because|anyway|despite))",
    r"worth (?:more )?(?:dead|alive)\b|more (?:to (?:them|her|him|my \w+) )?dead than alive|(?:life )?insurance (?:pays|would pay|will pay) (?:more|out)|(?:get|gets|have|claim) the (?:life )?insurance",
    r"(?:i'?m|im|i am|this is me) (?:so |just |totally |completely )?(?:done|finished)\W+(?:now\W+)?(?:tonight|for good|forever|bye|goodbye|no more)",
    r"(?:imagine|picture|think about) (?:how (?:easy|quick|simple) it (?:would|'d|will) be|the drop|falling|(?:the )?impact)|working out the drop|how (?:far|long) the drop",
    r"(?:if|when) (?:someone|somebody|anyone|you) finds? (?:this|me|my body)|(?:last|final) thing on (?:the|my) list",
    r"(?:doing|do|gonna do|going to do) it (?:after|once|as soon as|when) i (?:post|send|finish|hit send)|everything i need to do it\b",
    r"(?:going|gonna|want|wants|ready|about) to (?:go and )?join [a-z]+ (?:soon|upstairs|in heaven|on the other side)\b",
    r"(?:won'?t|wont|will not|not going to|shan'?t) (?:need|be needing) (?:them|it|that|those|these|any of (?:it|them)|my \w+) where i'?m going",
    r"(?:just as soon|rather|ready to|want to|wanna|longing to) (?:go )?(?:and )?(?:be with|join) (?:him|her|them)\b(?! (?:at|in|for|on|to|when|while|after))",
    r"(?:started |been |i'?ve )?(?:planning|planned|worked out|working out|figured out|figuring out) (?:exactly )?how(?=\W*(?:$|[,.;]| like| exactly| and| i'?d| i would))",
)
_MEANS_R9 = (
    # Round 9: water or a high place weighed for the act, a steering wheel turned, a rooftop, a footbridge,
    # poisons (sniper and weedkiller as said in Nigeria and on farms), helium, breath held under water.
    r"(?:walk|swim|wade|paddle)\w* (?:out )?(?:till|until|til|as far as) (?:i|my legs) (?:can'?t|cant|cannot|give|stop)|(?:walk|walked|jump|jumped|throw myself|drive|drove) (?:out )?into the \w+(?=\W+(?:tonight|now|and (?:never|not)))",
    r"(?:water|sea|river|lake|loch|ocean|harbour|harbor|tide|current) (?:\w+ ){0,4}(?:would be|is|'d be|be|looks?) (?:cold|deep|rough|high|strong|fast) enough",
    r"(?:yank|jerk|turn|flick|twist|pull|swerve)(?:ing|ed|s)? (?:of )?the (?:steering )?wheel|(?:one|a) (?:turn|flick|yank|jerk|twist) of the wheel|look like an accident",
    r"(?:on|at|onto|up on|off) the (?:\w+ )?rooftop(?! (?:bar|party|terrace|restaurant|garden|cinema|pool|drinks))|footbridge|(?:window|balcony|ledge|edge|roof) (?:on|of) the \d+(?:th|st|nd|rd) floor|edge of (?:the )?platform",
    r"(?:drink|drank|drinking|swallow\w*|take|took|taking|downed|neck\w*|don drink|go drink) (?:the |some |a (?:bottle|cup|glass|capful) of )?(?:rat poison|poison|weed ?killer|pesticide|paraquat|antifreeze|bleach|sniper)\b"
    r"|(?:bought|buy|don buy|got) (?:the |some )?(?:poison|sniper)\b(?! for (?:the )?(?:rats|mice|slugs|weeds|garden|wasps))|helium(?! balloons?)|exit bag",
    r"(?:hold|holding|held) my breath (?:under ?water|in the (?:bath|tub))|under ?water (?:in the (?:bath|tub))",
    r"(?:stop|stopped|stopping|quit|refus\w*) (?:taking )?(?:my|her|his|their) (?:insulin|dialysis|heart (?:pills|tablets|meds)|blood thinners)",

)
MEANS_STRONG = rx(
    r"overdos\w*|\bod(?:ing|'?d)\b|rope|noose|ligature|hang(?:ing)? (?:my ?self|himself|herself)",
    r"bridge|(?:train|railway) (?:tracks|line)|tracks|in front of (?:a|an|the) (?:\w+ )?(?:train|bus|lorry|truck|car|express|\d)",
    r"balcony|cliffs?|multi ?-?stor(?:e)?y|(?:the )?roof|ledge|edge of|into the (?:sea|river|water|canal)|walk into the sea|drown\w*|jump\w*",
    r"razors?|blades?|shotgun|gun|rifle|firearm|bleach|🔪|🩸|knots?",
    r"(?:crash\w*|drive|driving|drove|steer\w*) (?:my |the )?(?:car )?(?:into|off)|into a (?:wall|tree|lorry|truck)",
    r"(?:stop|stopped|stopping) (?:eating|taking (?:my|her|his|their) (?:meds|insulin|medication|tablets|pills))",
    r"with a (?:bat|knife|hammer|gun|blade|machete) in (?:the|my) (?:car|bag|pocket)",
    r"🔫|🪢|(?:how|high|tall|deep) enough|top floor|\d+(?:th|st|nd|rd) floor (?:window|balcony|flat)|(?:step|stepping|walk|walking) (?:out )?in front of",
    r"swerv\w* (?:\w+ )?into|into (?:a|the|an) (?:oncoming )?(?:wall|tree|lorry|truck|bus|traffic|oncoming \w+)|gas oven|(?:the )?gas(?:'s| is) on|carbon monoxide|exhaust (?:pipe|fumes)|charcoal",
    r"(?:got|have|'ve got) enough (?:saved |stored |put by )?(?:up )?(?=now\b|\W*$|[.,])|(?:collecting|collected|saving|saved|hoarding|stockpiling|stashing) them (?:up )?(?:for|since)",
    r"(?:hasn'?t|haven'?t|has not|have not|not) (?:eaten|eating|had (?:a thing|anything) to eat) (?:in|for) (?:days|a week|\w+ days)",
    # Round 5: a high place with the writer at it; a near attempt; a hose to the exhaust; something taken;
    # gas smelt behind a door; several boxes bought at a pharmacy.
    r"(?:stood|stand|standing|sat|sit|sitting|been|went|go|going|walked|walk|i'?m|im|up|out) (?:out |up |back |down )?(?:on|at|to|onto|over|by) (?:the )?(?:top|end|edge) of (?:the )?(?:\w+ )?(?:pier|bridge|stairs|cliffs?|car ?park|roof|flats|building|tower|jetty|quarry)",
    r"(?:on|at|to|onto|from) the (?:pier|overpass|flyover|viaduct|gap|cliffs?|ledge|railway|level crossing|quarry|dam|heads|top floor)\b",
    r"(?:taken|took|tuk|swallowed) something\b(?! for)|(?:smell|smells|smelling|stink\w*) (?:of|like) gas|gas (?:smell|is on|left on)",
    r"(?:pharmacist|chemist|pharmacy)\b[^.!?\n]{0,60}\b(?:\d+|two|three|four|five|six|several|multiple|a few|loads of) (?:boxes|packets|packs)",
    r"shoot up (?:the|his|her|their|my|a|our) (?:school|college|office|work|church|mall|party)|(?:bring|take|taking|bringing) a (?:gun|knife) (?:to|into) (?:school|work|college)",
    *_MEANS_R9,
    r"walk(?:ing|ed)? (?:out )?into (?:the )?(?:traffic|woods|sea|water|river|lake|loch|motorway|ocean|waves|surf|tide|harbour|harbor|bay|estuary)|(?:in front of|under) (?:a |the )?(?:train|lorry|truck|bus)|crash(?:ing)? (?:the|my) (?:car|van|truck|bike)\b",
)
# Means that are danger on their own, whatever else the text says: a car running in a closed garage,
# knives hidden from oneself, a near attempt, a hose to the exhaust, timetables of trains and tides.
MEANS_ACUTE = rx(
    r"(?:fast|express|freight|passing|speeding|non-?stop\w*) trains?|train times|tide (?:times|tables)|(?:quietest|highest|deepest|loneliest) (?:bit|part|spot|stretch|point|place) of (?:the )?(?:coast|bridge|cliffs?|line|railway|river|motorway|beach|pier)",
    r"(?:garage|shed|car) with (?:the )?(?:car|ute|van|truck|engine|motor) (?:on|running)|engine (?:on|running) (?:in|inside) the (?:garage|shed)"
    r"|(?:start|started|starting|run|running) the (?:car|ute|van|truck|engine)(?: (?:in|inside) the (?:garage|shed))? with the (?:garage |shed )?doors? (?:shut|closed|down)",
    r"(?:smell|smells|smelling|stink\w*) (?:of|like) gas (?:\w+ ){0,3}(?:from|under|behind|through)|(?:looked|look|looking|checked) up (?:the )?(?:trains?|train times|timetables?) (?:on the (?:line|track) )?(?:behind|near|by|past|through) (?:my|the|our|halls)",
    r"(?:hid|hidden|hide|hiding|locked away|lock away|gave (?:\w+ ){0,2}(?:the|my)) (?:the |my |all the |all my )?(?:\w+ )?(?:knives|pills|tablets|meds|razors?|blades?) (?:from myself|so (?:that )?i (?:don'?t|can'?t|won'?t|couldn'?t))",
    r"(?:gas fire|gas heater|gas cooker|gas ring|gas|hob|oven)(?:'s| is)? (?:\w+ )?on (?:and|but) (?:not |un)lit",
    r"nearly (?:went in|jumped|did it|went over|stepped off|let go)|almost (?:did it|jumped|went through with it)",
    r"(?:hose|hosepipe|pipe|tube)(?: \w+){0,3} (?:for|to|on|onto|into|from|through) (?:the |my )?(?:car |ute |van )?(?:exhaust|window)|exhaust (?:hose|pipe)",
)
# Medicines and drugs by kind and by name (UK, Irish, US, Australian and NZ brand names too); crisis.py
# uses the same list for pills saved up or taken by count.
DRUGS = (
    r"pil+s|tablets|tablits|meds|medication|paracetamol|painkillers|sleeping (?:pil+s|tablets)|insulin|co-?codamol|codeine|tramadol|sertraline|citalopram|fluoxetine|"
    r"mirtazapine|amitriptyline|diazepam|valium|zopiclone|quetiapine|lithium|morphine|oxycodone|oxy|ibuprofen|aspirin|antidepressants?|propranolol|gabapentin|"
    r"pregabalin|lorazepam|xanax|benzos?|nurofen|panadol|panamax|tylenol|acetaminophen|advil|fentanyl|methadone|heroin|zoloft|prozac|seroquel|lexapro|escitalopram|venlafaxine|temazepam"
)
MEANS_WEAK = rx(
    r"💊|knife|knives|lighter|vodka|the sea|hose(?:pipe)?|car keys",
    DRUGS,
    r"(?:tak|swallow|neck|down)\w* (?:the|them|it) (?:lot|all)",
    r"drug (?:cabinet|cupboard|trolley)|fuse ?board|live wire|the (?:river|loch|lake|canal|quarry)|(?:the )?whole (?:packet|box|bottle|strip)(?! of (?:biscuits|crisps|sweets|cookies|chocolate|wine|gum))",
)
# Quantities and readiness that make ordinary medicine words a means.
QUANTITY = rx(
    r"(?:the|them|it) lot|all (?:of )?(?:my|the|them|of them)|them all|every (?:last |single )?one|whole (?:packet|box|bottle|lot)|packets?|handfuls?|a bottle|about \w+ (?:now|of them)|(?:forty|fifty|thirty|twenty|\d{2,}) (?:of them|now|tablets|pil+s)",
    r"lined up|in front of me|right here|ready|enough(?: now)?|sav(?:e|ed|ing) (?:up|them)|stockpil\w*|hoard\w*|stash\w*|collect\w*",
    r"double|triple|(?:\d+|two|three|four|five|six|several|a few) (?:boxes|packets|packs|strips|bottles|blister)|the rest of (?:my|the|them|his|her)|some of (?:my|his|her) (?:\w+ )?\w+|saved",
    # Round 9: counted out, in piles, in one hand, a load of them, too many asked about.
    r"counted out(?! (?:for the week|into))|in piles|in (?:one|my|her|his) hand|a (?:load|pile|heap|fistful) of|loads of|too many(?=\W*(?:\?|$))|how many is too many",
)
HARM = rx(
    r"self[- ]?harm\w*|self harmd",
    r"cut(?:ting|s)? (?:again|my ?self|deeper|my (?:arms?|wrists?|legs?|thighs?|skin))|cut (?:him|her)self|cutting (?:him|her)self",
    r"burn(?:ing|t|ed)? (?:my ?self|my (?:arms?|skin|legs?|hands?))|hurt(?:ing)? (?:my ?self|him ?self|her ?self)|harm(?:ing)? (?:my ?self|him ?self|her ?self)|bleed\w*",
    r"(?:hit|hitting|bang|banging|punch|punching|smash|smashing) my (?:head|fists?|hands?) (?:on|against|into|off) (?:the )?(?:wall|floor|door|desk)",
    r"(?:wrists?|arms?|thighs?|legs?) (?:are|is|look like|looks like) (?:a )?(?:barcode|ribbons|shredded)|barcode (?:wrists?|arms?)|tw:? ?sh\b|sh (?:is|urges?|again|relapse|scars?|wounds?|cuts?)\b|(?:relapsed|clean|urges) (?:from|on|to|for) sh\b",
    r"scratch(?:ing|ed)? (?:my ?self|my (?:arms?|skin|legs?|wrists?|face))|cut(?:ting)? deeper",
    r"urges? to (?:cut|burn|hurt|harm|scratch|hit)|(?:cut|cutting) (?:too |really |so )?deep|(?:won'?t|wont|will not|can'?t) stop (?:the )?bleeding",
    r"(?:still|been|keep|kept|started|start|secretly|back to) (?:\w+ )?cutting\b(?! (?:down|back|out|costs|corners|the|hair|grass|wood|it|them|fabric|paper|veg\w*|onions?)| my (?!arms?|legs?|wrists?|skin|thighs?|self)\w+| \w+ short)",
)
# Harm to someone else: counted only when the text is not playful exaggeration (crisis_others.playful).
HARM_OTHERS = rx(
    r"(?:hurt|harm|kill|stab|smother\w*|shake|shoot|strangle|attack|drown|hit|hurting|harming|killing|stabbing|smothering|shaking|strangling) (?:my (?:\w+ )?" + _CLOSE + r"|someone|somebody|people|him|her|(?:the|those|these|all the) (?:people|ones|lads|men|women|guys|girls|boys) (?:who|that|at|in))\b(?!'?s? feelings)",
    r"(?:he|she|they)(?:'ll| will| is going to| said (?:he|she|they)'?d) kill (?:me|us)|kill (?:me|us) and (?:then )?(?:him|her|them)sel",
    r"(?:going to|gonna) (?:make (?:him|her|them) pay|pay for what (?:he|she|they) did)|make (?:him|her|them) pay",
    r"(?:he|she|they|you)(?:'ll| will) get what'?s coming|get what (?:he|she|they) deserves?|deserves? what'?s coming",
    r"make sure (?:he|she|they|him|her|my \w+|that \w+|the \w+) (?:never|can'?t|won'?t|pays? for (?:what|it)|gets what)\b(?: (?:\w+ ){0,3}(?:again|anyone))?|(?:has|have|needs?) to be (?:dealt with|stopped|punished|got rid of|silenced)",
    r"make (?:him|her|them) suffer|(?:he|she|they) won'?t see (?:tomorrow|the morning|another day)|burn (?:his|her|their) (?:house|flat|car)(?: down)?|teach (?:him|her|them) a lesson",
    *crisis_others.VIOLENCE.parts,
    r"(?:he|she|they)(?:'ll| will| is going to|'s going to) (?:kill|shoot|stab|strangle|burn) (?:me|us)\b(?! if (?:i|we)(?:'m| am| are)? (?:late|not home|forget|eat|spend|miss|buy|break)\b)",
    r"(?:burn|set fire to|torch) (?:the|our|my|this|his|her|their) (?:house|flat|home|place|car)(?: next door| upstairs| downstairs)? (?:down )?with (?:us|me|the kids|them|him|her|everyone|the family) (?:in|inside)",
    # Round 9: a parent's thought of taking the children too, smothering, a whole group made to pay.
    r"(?:take|taking|took) (?:the|my|our) (?:kids|children|baby|babies|boys|girls|son|daughter|little ones) with me(?=\W*(?:$|[.,;!]))",
    r"(?:pillow|cushion|bag|hands?) over (?:his|her|their|the baby'?s) (?:face|mouth|head)",
)
HOPELESS = rx(
    r"(?:can'?t|cant|cannot) (?:go on|cope|do (?:this|it)|keep (?:doing|going)|take (?:it|this|any ?more)|carry on|face (?:it|tomorrow|another))",
    r"no (?:way out|point|future|hope|reason to (?:stay|live|go on))|nothing (?:left|matters)|what'?s the point|whats the point",
    r"burden|better off|easier (?:for everyone|for them|for my \w+|if i)|(?:have|had) an easier time|(?:don'?t|dont|do not) deserve to (?:live|be here|be alive)",
    r"waste of (?:space|oxygen|air|life)|(?:no ?one|nobody|noone|no-one) (?:would|will|'d|wud) (?:even )?(?:notice|care|miss)(?! (?:u|you|ya)\b)",
    r"tired of (?:fighting|existing|living|being|it all|everything|trying)|(?:don'?t|dont|do not) see (?:a|any) (?:future|way)",
    r"not planning (?:anything )?(?:beyond|past|after)|i'?m done|im done|^\W*done\W*$|\bdone\.?\s*$|it'?s decided|made (?:my|the) (?:peace|decision)",
    r"(?:tonight|today)'?s (?:it|the night|the day)|this is it\b|counting down|hate myself|i don'?t matter|i dont matter",
    r"want (?:it|everything|this|the pain) (?:all )?to stop|just want out|not worth (?:it|living)|worthless|hopeless|give up on (?:life|everything)",
    r"nothing to live for|stop fighting|(?:i|i'?ve) (?:tried|try) everything",
    r"trapped|empty|numb|alone|(?:dark|darkest) (?:place|thoughts)|can'?t (?:go on|keep going|carry on)(?: like this)?",
    r"(?:can'?t|cant|cannot|couldn'?t) (?:do|face|survive|take|get through) another (?:day|week|month|year|winter|summer|christmas|night)|(?:can'?t|cant|couldn'?t) hold on(?: any ?(?:more|longer))?",
    r"(?:doesn'?t|don'?t|dont|can'?t|cant|cannot) see (?:the|any) point|not your fault|(?:it'?s )?no ?one'?s fault|don'?t blame (?:yourself|yourselves|anyone)",
    r"(?:nobody|no one|no-one|noone) (?:has|will have|needs?|'ll have) to (?:deal with|clean up|worry about|look after|put up with)|final countdown|not long now|had enough of (?:life|living|everything|it all)",
    r"(?:can'?t|cant) stop (?:doing it|myself|cutting|scratching|hurting)|beyond help|can still be helped|past saving",
    r"(?:i'?m|im|i am) (?:really |so )?not (?:ok|okay|alright|in a good way|coping)|(?:i'?m|im|i am) (?:so |totally |fully |actually )?(?:cooked|done for|finished)(?=\W*$|\W*[.,!]| not)",
    r"no (?:fixing|fix|saving|changing) (?:this|it|me)|(?:can'?t|cannot) be fixed|beyond (?:fixing|repair)|(?:can'?t|cant|cannot) (?:do this )?any ?more\b",
    r"(?:don'?t|dont|do not|no|pls dont|please don'?t) (?:reply|respond|comment|send|give|post)(?: me)?(?: with)? (?:the |any )?(?:hotline|helpline|crisis line|samaritans|numbers?)|(?:hotlines?|helplines?|samaritans) (?:don'?t|didn'?t|didnt|won'?t|never) help|didn'?t help",
    r"(?:i'?ve|i have|i|ive) (?:just )?decided(?=\W*$|\W*[.,;]| and)|just decide\b|(?:weirdly|strangely|oddly|eerily|finally|so) (?:calm|peaceful|at peace) now|want (?:it|everything|this) (?:all )?to be (?:quiet|over)",
    # Round 9: "so done", "this is me done", done with it all (Scots "done wi it aw"), can't see a way out,
    # "nobody (at work) would notice", "nobody go miss me" (pidgin), "it's better this way", "idc anymore",
    # "now i decide", "feels weirdly calm", the only way anyone gets peace.
    r"(?:i'?m|im|i am|am) (?:so|pure|totally|completely|just) done\b|^\W*(?:so|just|pure) done\b|this is me (?:done|finished|out)|done wi(?:th)? (?:it )?(?:all|aw|a')|done (?:fighting|trying)",
    r"(?:can'?t|cannot|cant) see (?:a|any) (?:way out|future|way forward|point)|(?:no ?one|nobody|noone|no-one)(?: [\w']+){1,3} (?:would|will|'d|go|gonna) (?:even |really )?(?:notice|care|miss)(?! (?:u|you|ya)\b)",
    r"(?:it'?s|its|it is|it'?ll be) (?:all )?(?:for the )?better this way|(?:idc|i don'?t care|i dont care|don'?t care) (?:any ?more|about anything)|(?:now|so|today|tonight) i decide\b",
    r"(?:feels?|feeling|i'?m|im|i feel) (?:weirdly|strangely|oddly|eerily|so|really) (?:calm|peaceful|at peace)|(?:the )?only way (?:\w+ ){0,5}(?:gets?|get|finds?|will (?:get|find)|can (?:get|have)|to get) (?:any )?(?:peace|free|freedom|out)",
)
FAREWELL = rx(
    r"goodbyes?|good bye|bye x|said my goodbyes|farewell|last (?:post|message)|final (?:post|message|goodbye)",
    r"letters? (?:are|is) (?:written|done)|(?:wrote|written|writing) (?:my|a|the|letters)(?: \w+)? ?(?:will|letters?|note)?|my will\b",
    r"(?:gave|given|giving) (?:away )?(?:my|her|his|me (?:her|his)) (?:\w+ )?(?:dog|cat|pets?|things|stuff|tools|jewell?ery|belongings|guitar)|giving (?:my )?\w+ away",
    r"look after (?:my|the) (?:cat|dog|kids|pets?|boys|girls)(?: for me)?|(?:take|have) (?:my|the) (?:cat|dog)\b|arranged for (?:someone|somebody|my \w+)",
    r"sorted (?:out )?(?:my|everything)|everything(?:'s| is)? sorted|affairs in order|deleting (?:all )?my (?:accounts|profiles)",
    r"thank(?:s| you) (?:for everything|for trying)|sorry for (?:everything|being)|(?:thanks|thank you) (?:for trying )?(?:with me)",
    r"mak(?:e|ing) (?:the |all the |my |final )?arrangements|made (?:the |all the |my |final )?arrangements|(?:sort|sorted|sorting|put|putting|got|getting) (?:out )?(?:my|his|her|their) affairs|(?:updated|wrote|written|sorted|signed|changed|finished) (?:my|the|his|her) will",
    r"everything(?:'s| is) in order|(?:left|leave|leaving) (?:the )?(?:spare )?keys? (?:with|for)|cancel(?:led|ling)? (?:the|my) (?:gym|subscriptions?|phone contract|direct debits?)",
    r"found (?:a|her|his|their|the) (?:\w+ )?(?:note|letter)s?(?: (?:in|on|under|from))?|you tried|thanks? for (?:the sessions|everything you(?:'ve)? done|all you(?:'ve)? done)|sorry (?:dr \w+|mum|mom|dad|everyone|guys|all|x+)|tell (?:my|the|her|his) \w+ (?:i'?m sorry|i love|i said)",
    # Round 5: debts squared, messages for loved ones, a keepsake, a note left, telling people not to look.
    r"(?:paid|pay|paying|square|squared|squaring|settle|settled|settling|repaid|repay|repaying|clear|cleared|clearing) (?:off |up |back )?(?:all )?(?:my |the )?(?:debts?|what i owe|everyone i owe|it all)|(?:everyone|everybody|people) i owe|envelopes? (?:with|for) (?:their|your|his|her|each) names?",
    r"tell (?:my |the |her |his )?\w+ (?:that )?(?:i'?m|im|i am|i was) sorry|tell (?:my |the |her |his )?\w+ (?:that )?i lov\w*|tell \w+ it (?:wasn'?t|wasnt|isn'?t|was not) (?:her|his|their|your|anyone'?s) fault",
    r"(?:something|anything) to remember me by|(?:gave|given|giving) (?:away )?(?:my|all my|his|her|me (?:his|her)) (?:\w+ ){0,2}(?:pc|xbox|switch|playstation|ps\d|console|games|guitar|bike|laptop|trainers|clothes)\b(?! to (?:charity|the charity))",
    r"left (?:a|her|his|their|my) (?:\w+ )?note\b|(?:don'?t|dont|do not) (?:look|come looking|try to find|try and find) (?:for )?me|(?:don'?t|dont|do not) come home|(?:don'?t|dont) wait up",
    r"if (?:you'?re|you are|youre|anyone'?s|anyone is) reading this(?![^.!?\n]{0,12}\b(?:your|ur)\b)|(?:i'?m|im|i am) sorry (?:i|that i) (?:couldn'?t|could not|wasn'?t|was not|never|failed|let)",
    r"deleting (?:everything|it all|all my \w+)|final post|thanks? (?:you )?to (?:the|all|everyone|anyone) (?:\w+ ){0,3}(?:who|that) (?:ever )?(?:cared|tried|helped|loved)",
    r"(?:sayin'?|saying) (?:bye|goodbye)|gg (?:everyone|all|guys|lads|everybody)|(?:it was|it'?s been) (?:fun|good|nice) while it lasted|no respawn|look after (?:ma|mam|mum|mom|nan|nana)\b|(?:have|take) (?:her|his) (?:cat|dog)\b",
    r"(?:posting|posted|sending|sent|writing|wrote) (?:\w+ )?goodbye (?:messages?|letters?|notes?|posts?|texts?)|(?:said|saying) (?:my )?goodbyes? to (?:the|my) (?:dog|cat|pets?|kids|children|family|parents|mum|dad)",
    r"(?:wrote|written|writing) (?:everyone|everybody|each of (?:you|them)|all of (?:you|them)|my (?:\w+ )?(?:kids|children|family|parents|mum|mom|dad|wife|husband|partner)) (?:a )?(?:letters?|notes?)|affairs (?:are )?(?:sorted|in order|done)",
    r"(?:this|that|it)(?:'s| is| will be| was) (?:my|the) (?:very )?last (?:one|christmas|xmas|birthday|summer|new year|time (?:you'?ll|anyone))\b|(?:will|will'?s|will is) in the (?:drawer|desk|safe|box|kitchen)",
    r"love you\W+(?:all\W+)?(?:i'?m |im )?sorry|(?:i'?m |im )?sorry\W+(?:i )?love you|(?:dog|cat|pets?)(?:'s| is)? going to (?:my |our )?(?:sister|brother|mum|mom|dad|neighbou?r|friend|mate)",
    # Round 9: a note written or left where it will be found, the last message, papers' whereabouts
    # told, loose ends tied, pets dropped off "for a while" that is not, who gets the dog, a good run,
    # thanks for trying, "be good for mum", "don't come in", "sorry lads", location turned off.
    r"(?:said|saying|say) (?:my )?(?:good ?)?byes? to (?:the |my |our )?(?:little |big |baby |wee |kid )?(?:sister|brother|son|daughter|boy|girl|kids|children|nan|gran|mum|mam|mom|dad|parents|dog|cat)\b",
    r"(?:notes?|letters?)(?:'s| is| are|'re) (?:all )?(?:written|done|finished|ready|sorted|on the|in the|under the)|(?:letter|note)s? (?:for|to) [a-z]+ (?:is |are )?(?:on|in|under|by) the",
    r"last (?:msg|txt|text|words)\b|(?:where|which drawer) (?:my|his|her|their) (?:life )?(?:insurance|will|passwords?|bank details|papers|documents|policy)(?: \w+)? (?:are|is|'s|live|kept)",
    r"(?:tying|tie|tied|tidying) up (?:all )?(?:the |my )?loose ends|(?:sorted|decided|arranged|worked) (?:out )?who (?:gets|takes|'s having|is having|will have|will take) (?:the|my|her|his) \w+",
    r"(?:told|tell|telling) (?:\w+ ){0,2}it(?:'s| was| is| would be) (?:just |only )?(?:for a (?:little |short )?(?:while|bit|few days)|temporary)\W+(?:it|its|it'?s) (?:isn'?t|isnt|not|won'?t be)\b",
    r"(?:dropped|dropping|took|taken|left|leaving) (?:the|my) (?:dog|cat|pets?|puppy|kitten|budgie|rabbit|bird) (?:off )?(?:at|with|round (?:at|to)?) (?:my|the|a|her|his) (?:\w+'?s?)",
    r"(?:it was|it'?s been|had|i'?ve had|ive had|been) a (?:good|great|decent) (?:run|innings|ride)(?! (?:at|with|of|in) )|turned (?:his|her|their|my) (?:location|read receipts) off\b",
    r"thank(?:s| you)(?: [a-z]+){0,2} for (?:trying|everything|the (?:nice |kind )?(?:posts|support|words))(?=\W*(?:$|x|[.!]))|be good for (?:mum|mam|mom|ma|maw|nan|your mum|your mam|dad)\b",
    r"(?:don'?t|dont|do not|pls don'?t|please don'?t) (?:come in|come round|come over|open the door)\b|sorry (?:lads|folks|y'?all|yall|mate|mates|boys|girls|ye|everybody|all of you)\b|look after (?:\w+ ){1,3}for me\b",
    r"tell (?:my |ma |me |the |her |his )?(?:\w+ )?(?:that |say )?(?:i'?m|im|i am|i was|a'?m|am|i) (?:so )?sorry|(?:paid|paying|pay) (?:off )?(?:the )?(?:last of )?(?:the |my )?(?:bills|rent)(?: up)?(?: for whoever| till| until| in advance)|for whoever'?s next|(?:paid|paying|pay) (?:off )?the last of (?:the |my )?(?:bills|rent|debts?)",
)
# Giving up future plans ("won't need my appointment", "cancel my future sessions"): farewell unless a
# reason shows an ordinary change of plan (holiday, a move, a switch).
RENOUNCE = rx(
    r"(?:won'?t|wont|will not|not going to|shan'?t) (?:need|be needing) (?:\w+ ){0,3}(?:appointments?|sessions?|them|it|any ?more|this|these)",
    r"cancel (?:all )?(?:my|of my) (?:future|remaining|upcoming|other) (?:sessions|appointments)",
)
_ORDINARY_REASON = re.compile(
    r"\b(?:because|since|as i'?m|on holiday|holiday|moved|moving|move it|switched|switching|found (?:someone|a)|instead|rebook|reschedule|another (?:day|time)|"
    r"can you (?:move|change)|better now|feeling better|work|exams?)\b"
)
INTENT = rx(
    r"want|wanna|wnat|wish|going to|gonna|plan\w*|decided|ready|courage|thinking|thinkin|thought(?:s)? (?:of|about|bout)|considering|keep|kept|urges?",
    r"tonight|tomorrow|later|soon|now|again|still|scared|afraid|terrified|frightened|researching|how (?:many|much|long)|will it|would it|i'?ll|i will|i'?m going",
    r"stopped (?:replying|answering|responding)|(?:not|isn'?t|isnt|won'?t) (?:answering|replying|picking up)|(?:went|gone) quiet|phone (?:is |'s )?(?:off|dead)|can'?t (?:reach|get hold of)",
    r"right here|in front of me|lined up|(?:got|have|bought) (?:the|a|my)|sat on|sitting (?:on|at)|standing (?:on|at)|stood on|i'?m on",
    r"keeps|feel like|tempted|(?:would|'d|it'?d) be (?:so )?easy|this (?:weekend|week)|by (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|the weekend|then)|(?:on )?(?:friday|saturday|sunday)",
    r"not (?:in )?(?:the|a) (?:\w+ )?(?:way|kind|sense)\b|not the (?:job|work|funny|wedding)\b|not (?:messing|kidding|a joke)|no joke|asking for (?:me|myself)|fr\b|for real",
    r"(?:tried|attempted) (?:it |to )?before|previous attempt|(?:spot|place|date|day|time) (?:picked|chosen|sorted|planned)|picked (?:out )?(?:a|the) (?:quiet )?(?:spot|place|date|day)",
    r"(?:good|best|only|easy|better) option|looking like (?:a )?(?:\w+ ){0,2}(?:option|idea|plan)|(?:won'?t|don'?t think i'?ll|not going to|not gonna|wont) turn (?:back|round|around)",
    r"(?:staring|stared|looking|looked) at (?:them|it|the \w+) for|lied (?:and said|to (?:the|my) (?:pharmacist|doctor|gp|chemist))",
    r"can'?t find (?:him|her|them)|(?:gone|went) missing|(?:an? |\d+ )(?:hour|minutes?|mins?)s? ago|won'?t (?:come|get) (?:down|off|back in|out)|what i'?m (?:waiting|holding on) for|(?:he|she|they)(?:'s| is| are) missing|won'?t (?:answer|reply|pick up|open (?:the )?door)|locked (?:him|her|them)sel(?:f|ves) in|check on (?:me|him|her|them)|(?:i'?m|i am|im) serious|not (?:even )?joking|mean it|for real",
    # Round 9: on purpose, someone told first, "don't judge me", "don't answer that", a means just arrived,
    # getting closer or easier each day, "the night" (Scots for tonight), pidgin "i don buy", this time.
    r"on purpose|deliberately|(?:need|want|wanted|needed) (?:someone|somebody|anyone|one person) to know|(?:talk|speak|tell|say it) to (?:someone|somebody|anyone) first|tell someone first",
    r"(?:don'?t|dont|do not|pls don'?t|please don'?t) judge me|(?:don'?t|dont|do not) answer that|forget i asked|(?:arrived|came|delivered|turned up) (?:today|this morning|this afternoon)",
    r"how (?:easy|quick|simple) it(?:'?d| would| will| could)? be|(?:and|then) it'?s (?:all )?(?:over|done)(?=\W*$|\W*[.!])",
    r"(?:gets?|getting) (?:a bit |a little |even )?(?:easier|closer)(?: (?:every|each) (?:day|night|time))?|feels? different|might (?:just|actually)|(?:picking|choosing|chose|picked|chosen) (?:which|a|the) (?:bridge|building|spot|method|way|place|cliff|train|day)",
    r"(?:waiting|wait) (?:for|till|until) (?:everyone|everybody|they|the house|mum|mam|the kids|my \w+) (?:is |are |to )?(?:go(?:es)? to sleep|asleep|go(?:es)? to bed|gone to bed|go(?:es)? out|leaves?|out)\b",
    r"the night(?=\W*(?:$|[.,!]))|the nicht|(?:i )?don (?:buy|get|take|drink|ready|decide)|(?:won'?t|wont|will not) (?:\w+ )?(?:this|next) time|(?:counted|laid|lined) out|working out",
)
# Chores and small ordeals: "I'd rather die than sit through another Monday meeting" is a figure of speech.
TRIVIAL_CHORE = (
    r"(?:sit|sitting) through|(?:do|doing|attend|attending|watch|watching|listen(?:ing)? to|eat|eating|wear|wearing|queue|queuing|pay|paying|admit|ask|use|call)\b"
    r"|go (?:to|into) (?:the|a|that|another) (?:meeting|party|gym|class|wedding|dentist|office|shop|ikea|work do)|(?:another|a) (?:monday|meeting|shift|lecture|zoom)"
)
IDIOMS = compile_guarded(
    r"(?:is|are|'s|'re|was|were|it'?s|this|that|they|knees|feet|back|heat\w*|traffic|queue|kids) (?:\w+ )?(?:killing|killed) me|killed it|kill(?:ing)? it"
    r"|(?:'d|would|could) (?:literally |actually |honestly |so |just )?(?:kill|die|murder|sell my soul) for|(?:will|'ll|gonna|going to|is going to) (?:literally |actually )?kill me (?:if|when)\b|die on (?:this|that|the|a) hill|(?:the )?death of (?:me|her|him|us|them)|dying (?:to|for)|to die for|die (?:of|from) (?:embarrassment|laughter|shame|boredom)|died laughing"
    r"|dead (?:tired|on my feet|beat|serious|good|easy|end|line|lift|cute|funny)|deadline|bored to death|scared to death|to death of|death by"
    r"|murder (?:a|an|some)|(?:phones?|battery|batteries|laptops?|plants?|flowers?|garden|trees?|seedlings|leaves|houseplants?|basil|herbs?|mint|succulents?|cactus|orchids?|tomato\w*|chargers?|tv|cars?|signal|wifi|conversation|group chat)(?:'s| is| was| are| were)? (?:\w+ ){0,5}(?:die|dying|dead|died)"
    r"|jump(?:ing|ed)? (?:at|on the|in(?:to)? the (?:weekend|week|queue|conversation)|for joy|through hoops|to conclusions|the queue|on board|in with)|(?:cliff|bungee|long|high|star|ski) jump"
    r"|cut(?:ting)? (?:down|back|out|costs|corners|to the chase|the cake|ties)|burn(?:ing|t|ed)? ?out|bridge (?:the gap|over)|rope (?:access|swing)|learn(?:ing|t)? the ropes|roped in"
    r"|shoot(?:ing)? (?:for|me a)|end of (?:an era|the day)|this is it!|i'?m done (?:with (?:this|the) (?:rain|weather|heat|week|queue|traffic))|killer\b"
    r"|(?:edge of|on the edge of) (?:my|our|your) seat|over the edge|from the edge|edge of town"
    # Round 5: other idioms and routines that share crisis words; grief for someone who died; a title in quotes.
    r"|(?:through|hit|hits|raise|raised) the roof|(?:tie|tied|tying|ties) the knot(?!\W+not (?:the|that|a) (?:wedding|marriage))|in knots|knots? in (?:my|her|his|the)"
    r"|drown\w* (?:my ?self |my sorrows |our sorrows )?in (?:chocolate|work|wine|paperwork|coffee|tea|cake|ice cream|emails|debt|laundry|admin)\b"
    r"|(?<!everything )(?<!life )(?:makes?|made|making) me (?:\w+ )?want to (?:\w+ ){0,2}(?:off |in front of |into )?(?:a |the )?(?:cliff|bridge|die|jump\w*|kill myself|throw myself)"
    r"|(?:lost|losing) (?:my|our|a|her|his) (?:\w+ ){0,2}to suicide|(?:since|after|when) (?:my|our|his|her) (?:\w+ ){1,2}(?:died|passed(?: away)?)|after the funeral"
    r"|(?:called|titled|named) \"[^\"]{0,40}\""
    r"|(?:tattoo|pierc|wax|inject|jab|vaccin|filler|botox|laser|labour|giving birth|stitches|smear|coil|braces|dentist|filling)\w*[^.!?\n]{0,40}(?:does|would|will|if) it hurts?"
    r"|(?:disappear|vanish)\w* (?:off|from) (?:social media|socials|instagram|facebook|tiktok|here|the internet|online)|(?:disappear|vanish)\w* for a (?:bit|while|few|week|month|day|weekend)|(?:disappear|vanish)\w* (?:under|into) (?:a|the|my) (?:duvet|covers|blanket|quilt|bed|book)"
    # Round 9: someone else's death or funeral (grief, not risk), a funeral planned in old age, "when I
    # die" said of the far future, "I'm dead" (laughing, exhausted), brain-dead, a leaking roof, "I'd
    # rather die than sit through...", "she'll kill me if I buy another...".
    r"|[a-z]+'s (?:death|funeral|passing)|anniversary of (?:\w+ ){0,3}(?:death|passing)|(?:going|went|been|go|on my way) to (?:a|the) funeral|(?:at|from) (?:a|the) funeral\b"
    r"|(?:pre-?paid|pre-?paying|prepay\w*|paid for|planned|planning|picked|sorted|arranged) (?:my |her |his )?(?:whole |own )?funeral(?: plan)?(?=[^.!?\n]{0,80}\b(?:when (?:my|her|his) time comes|(?:i'?m|she'?s|he'?s|aged) (?:[7-9]\d|1[01]\d)))"
    r"|when (?:my|her|his) time comes|when i die\b(?! (?:tonight|tomorrow|soon|this))|(?:i'?m|im|i am) (?:literally |actually |so |officially )?(?:dead|deceased)(?=\W*(?:$|[.!,]))|brain[- ]?dead"
    r"|roof(?:'s| is| was)? (?:still |now )?(?:leak\w*|caving|caved|repair\w*)|(?:leaky|leaking) roof|roof (?:repairs?|tiles?|leak)"
    r"|(?:rather|sooner) (?:die|be dead|kill myself) than (?:" + TRIVIAL_CHORE + r")"
    # Round 9, for the wording model's sake too: sayings quoted from someone who "always said" them, a
    # small child's announcements, frustration idioms, a pile of work to be buried under, good nights
    # before a busy day, rescheduling, hanging out, "rather die" quoted before a chore.
    r"|(?:always|often|used to|would always) (?:said|say|says)\W{0,3}[\"“'‘][^\"”’]{0,80}|(?:my|our) (?:[2-9]|two|three|four|five|six|seven|eight|nine)[- ]?(?:year|yr)s?[- ]?old\b[^.!?\n\"“]{0,40}[\"“'‘][^\"”’]{0,80}"
    r"|ropes? (?:\w+ ){0,4}for (?:the |a |my |our )?(?:tent|washing|clothes ?line|boat|swing|hammock|trailer|load|camping|climbing|gym|dog|horse|garden|tarp|kids)\b|(?:climbing|skipping|washing|jump) ropes?"
    r"|be a ghost (?:cat|dog|costume|for halloween)|(?:going to|gonna|about to|will|'ll) (?:literally |actually )?(?:scream|lose it|lose my mind|lose the plot|explode|flip)\b"
    r"|bury me (?:under|in) (?:it|this|that|the|a|my|paperwork|work|marking|laundry|emails)|(?:so |i'?m |im )?done with (?:this|the) (?:week|day|month|term|semester|rain|weather|heat|queue|traffic|shift)"
    r"|good ?night (?:all|everyone|folks|guys|x+)\b[^.!?\n]{0,40}\b(?:tomorrow|early start|long day|work in the morning)|reschedul\w*|rebook\w*|hang(?:ing)? out\b|hang (?:on|about|around|in there)\b"
    r"|(?:rather|sooner) (?:die|be dead)['\"’”]? than (?:" + TRIVIAL_CHORE + r")"
    r"|if (?:i|we) (?:\w+ ){0,3}(?:buy|bought|eat|spend|forget|break|lose|miss|burn|bring home|get another|order|one more)\b[^.!?\n]{0,40}(?:she|he|they|mum|mam|mom|dad|the wife|my wife|my husband)(?:'ll| will|'d| would|'s going to| is going to|'s gonna| is gonna) (?:literally |actually |absolutely )?(?:kill|murder|strangle) (?:me|us)"
)
_GENERAL = compile_guarded(
    r"\b(?:it'?s )?(?:ok|okay) (?:to )?not (?:to )?be (?:ok|okay)\b|\bto whoever needs (?:it|this|to hear)|\b(?:go easy on|be kind to) yourself\b|"
    r"\b(?:prevention|awareness|statistics|stats|rates?|(?<!my )(?<!done )(?<!did )research|study|studies|documentary|article|news|campaign|training|volunteer\w*|"
    r"charity(?! shop)|fundraiser|fundraising|lesson|myths?|stigma|in general|according to|podcast|episode|film|movie|show(?! up| me| you| them| him| her| us)|novel|webinar|character|fiction|screenplay|"
    r"signs of|how to (?:support|help|talk|spot)|naloxone|petition|first aid|mhfa|openly|finale)\b|\b(?:a|the|this|your|her|his) talk\b"
    r"|\b(?:we|men|people|society|everyone|we all) (?:need to |should |must |have to )?(?:talk|speak) (?:\w+ ){0,2}about (?:suicide|it|mental health)\b"
    r"|\b(?:say|says|saying|said)\b[^.!?\n]{0,40}\babout (?:everything|homework|school|exams?|the wifi|nothing|every little thing)\b"
)
_LAUGH = compile_guarded(r"\b(?:lol|lmao|lmfao|rofl|haha\w*|hehe\w*|jk|jokes?|(?<!not )(?<!not even )(?<!no )(?<!n't )(?<!snt )joking)\b|😂|🤣|😅|😆|😜|🙈")
_PAST = re.compile(
    r"\b(?:used to|years ago|\w+ years? (?:free|clean|sober|ago|later|well)|as a (?:teen|teenager|kid|child|student)|when (?:i|my \w+|he|she|they) (?:was|were) (?:younger|little|\d+|a (?:teen|teenager|kid|child))"
    r"|at (?:1\d|2\d)\b[^.]*\bnow\b|i'?m (?:\d+|\w+ years) (?:now|later)|back then|(?<!saying it )(?<!say it )(?<!says it )(?<!said it )gets better|got better|in the past|recovered|years back|"
    r"so glad i (?:stayed|didn'?t)|glad i'?m still here|passed away|through a (?:really )?dark|made it through|(?:clean|free) (?:from|of) (?:\w+ ){1,2}for (?:\w+ )?(?:years?|months)"
    r"|had a (?:\w+ )?(?:dark|bad|rough) (?:spell|patch|time|period)\b[^.!?\n]{0,60}\b(?:in|back in|around) (?:19\d\d|20[01]\d|202[0-4])|(?:haven'?t|havent|have not) (?:\w+ ){1,3}since (?:19\d\d|20[01]\d|202[0-4]))"
)
# A crisis survived and over, said of the whole text ("I'm 40 now and so glad I stayed").
RECOVERED = re.compile(
    r"\b(?:so glad i (?:stayed|didn'?t|held on)|glad i'?m still here|(?:\d+|\w+) (?:years?|months) (?:well|clean|free|sober|on)|i remember (?:being|feeling|wanting)"
    r"|(?:she|he|they)(?:'s|'re| is| are) (?:so much |much |a lot |loads )?better now|(?:she|he|they)(?:'s|'re| is| are) (?:\w+ )?thriving|(?:a|such a) different (?:kid|person|child|girl|boy)|coming out the other side"
    r"|(?:doing|doin|daein) (?:so |much |loads |a lot )?better (?:now|noo|these days))\b"
)
# Advice or talk about people in general, not one person ("if someone says they want to die").
_GENERIC = compile_guarded(r"\b(?:if|when|whether|ask) (?:someone|somebody|anyone|anybody|people|they|they'?re|them|a (?:friend|loved one|person))\b(?! (?:finds?|found|reads?|sees?) (?:this|me|my)\b| push(?:es)? me\b)|(?<!\d )(?<!the )\b(?:people|those|anyone|men|women|teens|young people) who\b")
# The writer speaks of themself, or drops the "I" as diaries and texts do ("been sober two years. just bought...").
_SELF = re.compile(
    r"\b(?:i|i'?m|im|i'?ve|ive|i'?d|i'?ll|me|my|myself|mine|ma|meself)\b|(?:^|[.!?\n]\s*)(?:been|just|cant|can'?t|dont|don'?t|wont|won'?t|keep|kept|gonna|wanna|feel|feeling|thinking|thinkin|got|bought|hate|tired|sick|cleaned|paid|sorted|tidied)\b"
)
_OTHER = re.compile(
    r"\b(?:my|our) (?:\w+ )?" + _CLOSE + r"\b|\bcheck on (?:him|her|them)\b|\b[a-z]+'s (?:put|posted|sent|gone|been|stopped|started)\b|\b(?:he|she|they)(?:'s| is| are| has| keeps| said| says| told| messaged| texted| posted| wrote| put| sent| left| hasn'?t| won'?t| isn'?t)\b"
)


# The six families, scanned in one pass with crisis.STRONG (see patterns.GroupScan).
FAMILY_RULES = {"death": DEATH, "acute_means": MEANS_ACUTE, "strong_means": MEANS_STRONG, "weak_means": MEANS_WEAK, "harm": HARM, "harm_others": HARM_OTHERS, "watching": crisis_others.WATCHING, "hopeless": HOPELESS, "farewell": FAREWELL, "renounce": RENOUNCE}
_FAMILIES = GroupScan(FAMILY_RULES)


def _spans(pattern, text: str, blocked: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for m in pattern.finditer(text):
        if m.end() > m.start() and not any(a <= m.start() < b for a, b in blocked):
            out.append(m.span())
    return out


def score(norm: Normalised, found: dict[str, list[tuple[int, int]]] | None = None) -> list[tuple[int, int]]:
    """Evidence spans when the concepts add up to a risk, else an empty list.

    `found`: the family spans on the folded text when the caller has scanned them already.
    """
    text = norm.folded
    spans = _score_view(text, found if found is not None else _family_spans(text))
    if not spans and norm.suspicious:  # "su1c1dal", "k1ll mys3lf": also read the de-obfuscated view
        view = norm.deob[0]
        spans = [norm.deob_span(s, e)[:2] for s, e in _score_view(view, _family_spans(view))]
    return spans


def _family_spans(text: str) -> dict[str, list[tuple[int, int]]]:
    return {k: [m.span() for m in v] for k, v in _FAMILIES.scan(text).items()}


_ROUTINE = re.compile(r"\b(?:dosette|pill (?:organi[sz]er|box)|blister packs?|remind\w* (?:\w+ ){0,2}to take|repeat prescription)")
_UNREACHABLE = compile_guarded(
    r"\b(?:door'?s locked|door is locked|(?:hasn'?t|hasnt|haven'?t|not) (?:left|come out of|been out of) (?:his|her|their|my) room)\b"
    r"|\b(?:not|isn'?t|isnt|won'?t|wont|hasn'?t|aren'?t|arent|weren'?t|haven'?t|didn'?t|stopped) (?:answering|replying|picking up|responding|answer|reply|pick up|respond)\b|\b(?:phone(?:'s| is|s)? (?:off|dead|switched off)|\b(?:isnae|disnae|wisnae|willnae|no) (?:answering|replying|picking up)\b|(?:going|goes|went) (?:straight )?to voicemail|gone quiet|can'?t (?:reach|get hold of)|barricad\w*|curtains (?:have been |been |are |still )?(?:shut|closed|drawn)|location (?:off|turned off)|turned (?:his|her|their) (?:location|phone) off)\b"
)


def _ordinary_reason(text: str, span: tuple[int, int]) -> bool:
    """"Won't need my appointment - I'm on holiday": an ordinary change of plan, not a farewell."""
    s, e = sentence_bounds(text, *span)
    return bool(_ORDINARY_REASON.search(text, s, min(len(text), e + 80)))


# Said against a light reading: laughter in a text with these is gallows humour, not a joke.
EARNEST = re.compile(
    r"\b(?:(?:not|wasn'?t|wasnt|isn'?t|isnt) (?:even )?(?:joking|kidding)|not a joke|no joke|not messing|not kidding|i mean it|for real|i'?m serious|planning|planned|decided|(?:gonna|going to) do it)\b"
    r"|\bnot (?:in )?(?:the|a) (?:\w+ )?(?:way|kind|sense)\b|\b(?:ngl|not gonna lie|deadass|no cap|picked out|date picked|mean (?:it|that|this) literally)\b|\b(?:i'?m|im) not suicidal,? (?:i'?m |i )?just\b|\b(?:no|nah|but|ok|okay) (?:but )?(?:seriously|srsly)\b|\bbut (?:i |this time )?(?:actually|really|genuinely)\b|🙂|🙃"
)
# The writer says plainly that they are not in danger ("not in a scary way", "not suicidal or anything").
REASSURED = compile_guarded(
    r"\bnot in (?:any )?danger\b|\bnot in a (?:\w+ )?(?:scary|dangerous|bad|dark|suicidal|worrying|harmful|unsafe|risky|self[- ]?harm\w*) (?:way|place|sense)\b"
    r"|\b(?:i'?m|im|i am) not (?:suicidal|going to (?:hurt|harm|do anything)|in danger)\b(?![,.]? (?:i'?m |i )?just\b)(?![^.!?\n]{0,60}\b(?:ready|picked|planned|everything i need|sorted|decided|goodbye))|\bnot suicidal or anything\b|\bno (?:plans|intention) (?:to|of) (?:act|doing anything|hurting|harming)"
)


def _guarded(text: str) -> bool:
    """General or educational talk, laughing (unless said in earnest), a past that is over, advice about people in general."""
    return bool(
        _GENERAL.search(text) or (_LAUGH.search(text) and not EARNEST.search(text)) or _PAST.search(text)
        or (_GENERIC.search(text) and not _OTHER.search(text))
    )


# A place visited for its view: a cliff or a bridge with nothing else that speaks of risk.
_SCENIC = compile_guarded(r"\b(?:sunset|sunrise|stunning|gorgeous|scenery|picnic|hike|hiking|tramp(?:ing)?|bushwalk\w*|whales?|dolphins?)\b")


def _score_view(text: str, found: dict[str, list[tuple[int, int]]]) -> list[tuple[int, int]]:
    if not any(found.values()) or _guarded(text):
        return []
    blocked = [m.span() for m in IDIOMS.finditer(text)]
    fam = {k: [(a, b) for a, b in v if b > a and not any(x <= a < y for x, y in blocked)] for k, v in found.items()}
    death, acute, strong, weak, harm, harm_others, watching, hopeless, farewell, renounce = (fam[k] for k in FAMILY_RULES)
    strong = strong + acute
    farewell = farewell + [sp for sp in renounce if not _ordinary_reason(text, sp)]
    if weak and _ROUTINE.search(text):  # a dosette box, a reminder to take them: medicine as routine
        weak = []
    if watching and (harm_others or strong or weak or len({text[s:e] for s, e in watching}) >= 2):  # "I know where he parks" with a weapon, a threat or a wait
        harm_others = harm_others + watching
    if harm_others and not crisis_others.playful(text):
        harm = harm + harm_others
    if REASSURED.search(text) and not (strong or harm_others):  # "low, but not in a dangerous way"
        return []
    if strong and not (acute or death or weak or harm or hopeless or farewell) and _SCENIC.search(text):
        return []
    if not (death or strong or weak or harm or hopeless or farewell):
        return []
    if not (_SELF.search(text) or _OTHER.search(text) or len(text) < 100):
        return []
    intent = _spans(INTENT, text, blocked)
    quantity = _spans(QUANTITY, text, blocked) if weak else []
    means = strong + (weak if (weak and (quantity or death or harm or hopeless or farewell)) else [])
    families = [f for f in (death, means, harm, hopeless, farewell) if f]
    core = death or means or harm
    evidence = death + means + harm + hopeless + farewell
    if core and (len(families) >= 2 or (intent and (death or strong or harm))):
        return evidence
    if weak and intent and quantity:
        return evidence + weak
    if hopeless and farewell:
        return evidence
    if (farewell or death or strong or harm) and _UNREACHABLE.search(text):  # goodbyes or means, and then silence
        return evidence
    if len({text[s:e] for s, e in harm}) >= 2:
        return evidence
    if len({text[s:e] for s, e in hopeless}) >= 2 or len({text[s:e] for s, e in farewell}) >= 2:
        return evidence
    return _single_sign(text, death + acute + [sp for sp in hopeless if _DESPAIR.fullmatch(text, *sp)], harm, farewell)


# One sign read generously. Measured on sets written by people who never saw the rules, most crisis
# texts that were missed held ONE clear sign (a death word, self-harm, a farewell) in an unforeseen
# wording and nothing else the families knew. A false alarm costs staff a minute, a miss can cost a
# life, so one such sign in a personal text is enough, unless it is one of the ordinary uses below.
_ADDRESSED = compile_guarded(r"@\w|\b(?:you|u|ur|ya|your|youre|you'?re|yours)\b")
_FIRST_PERSON = re.compile(r"\b(?:i|i'?m|im|i'?ve|ive|i'?d|i'?ll|me|my|myself)\b")
_LIGHT = compile_guarded(
    r"💀|😭|🫠|💅|\bold (?:self|me)\b|\b(?:i'?m|im|i am|we'?re|literally|actually|lowkey|basically) (?:so |literally |actually |fully |totally )?(?:dead|deceased|dying)\b(?! inside)"
    r"|\bdead (?:inside|on)\b|brain ?dead|\b(?:legs|arms|feet|phone|battery|car|laptop|battery's|phone's) (?:\w+ )?(?:is |are |was |were )?dead\b|suicide squad|dead ?(?:line|lock|pool|pan)"
)
_GRIEF = re.compile(
    r"\b(?:passed (?:away|on)|lost (?:my|our|her|his|their)|funerals?|rip|r\.i\.p|in (?:loving )?memory|anniversary|condolences|sorry for (?:your|their) loss|"
    r"grie(?:f|ving|ve)|bereave\w*|memorial|since (?:he|she|they) died|(?:he|she|they) died|bless (?:him|her|them|his soul|her soul)|still miss (?:him|her|them))\b"
)
# Farewells to things, jobs, places and years, and leaving for ordinary reasons.
# Farewells to things (a car, a caravan, a job, a page), errands, gifts to charity, pets at the vet.
_FAREWELL_TO_THINGS = compile_guarded(
    r"\b(?:goodbyes?|byes?|farewells?) to (?:(?:my|the|our|this|that|his|her|their) )?(?:old |first |lovely |beloved |trusty )?"
    r"(?!(?:world|everyone|everybody|you|all|life|family|kids|children|friends|mum|mom|dad|wife|husband|partner|(?:little|big|baby|wee|kid) \w+|sister|brother|son|daughter|nan|gran|parents)\b)\w+"
    r"|\b(?:your|the|ur|this|that|previous) (?:last|final) (?:post|message)|\b(?:last|final) (?:post|message) (?:of|before|until|till|for (?:a|the)|on this account)|"
    r"\b(?:social media|insta|instagram|facebook|tiktok|twitter|socials) (?:break|detox|hiatus)|\b(?:vet|put (?:him|her|them) (?:down|to sleep)|put to sleep|old (?:dog|cat|boy|girl))\b"
    r"|\b(?:note|letter|message)s? (?:(?:for|to) (?:\w+ ){1,2})?(?:about|asking|saying|to say|reminding|re|for school)\b"
    r"|\b(?:dog|cat|pet|puppy|kitten|rabbit|hamster|horse|pony)\b[^.!?\n]{0,40}\b(?:getting old|old age|vets?|put down|put to sleep|poorly|sick|ill|passed)\b"
    r"|\bif (?:anyone|anybody|someone)(?: \w+)? (?:needs?|wants?|local)|\b(?:free to (?:a )?good home|outgrown|grew out|charity|donat\w*|food ?bank|family hub|hand[- ]?me[- ]?downs?)\b"
    r"|\bwaiting (?:for|on) (?:my|the|our) (?:\w+ )?(?:daughter|son|kids?|children|wife|husband|partner|mum|mom|dad|friend|lift|bus|train|taxi)\b|\bschool run\b"
)
# Occasions and changes of life that explain a farewell word: a year, a move, a new job, a party.
# The last day at a job, and the leaving do.
_LAST_DAY = (
    r"\blast (?:day|shift|week) (?:at|in|on|of|here|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\bleaving (?:do|card|party|drinks)\b"
    r"|\b(?:final|last) (?:exams?|lecture|class|shift|assessment|paper)\b|\bgraduat\w*|🎓"
)
_ORDINARY_OCCASION = re.compile(
    r"\b20\d\d\b|\b(?:moving|moved|move) (?:to|house|away|abroad|back|out|on)\b|emigrat\w*|new (?:job|phone|account|house|home|chapter|school)|"
    r"\b(?:solicitor|mortgage|new baby|the baby was born|retire\w*|wedding|holiday|\d+(?:st|nd|rd|th)|birthday|party|cake|celebrat\w*|switched|switching|upgrad\w*|replac\w*|to the team)\b"
    r"|\b(?:the|house|big) move\b|" + _LAST_DAY
)


# A give-away or a goodbye explained by a move, a clear-out, outgrown things, a last day or an exam
# (read by crisis.py before a farewell phrase counts on its own).
LEAVING_ORDINARILY = compile_guarded(
    r"\b(?:moving|moved|move) (?:to|house|abroad|out|away)\b|\b(?:the|our|my|big|house) move\b|emigrat\w*|\bthe tip\b|outgrown|grew out|declutter\w*|downsiz\w*|little one'?s \d|" + _LAST_DAY
)


def _ordinary_farewell(text: str) -> bool:
    return bool(_FAREWELL_TO_THINGS.search(text) or _ORDINARY_OCCASION.search(text))


# The hopeless phrases that speak of life itself, not of a bad day ("can't go on", "nothing to live for").
_DESPAIR = re.compile(
    r"(?:can'?t|cant|cannot) (?:go on|carry on|keep going|take (?:it|this) any ?more|do (?:this|it) any ?more)(?: like this)?|no (?:way out|reason to (?:live|go on|stay))"
    r"|nothing (?:left )?to live for|had enough of (?:life|living|everything|it all)|tired of (?:living|existing|being alive|fighting)|(?:don'?t|dont|do not) see (?:a|any) (?:future|way)"
    r"|beyond help|past saving|want (?:it|everything|this|the pain) (?:all )?to stop|(?:can'?t|cant|cannot|couldn'?t) (?:face|survive|get through) another (?:day|week|night|christmas)"
)


# A farewell span read alone must hold a word of leave-taking (not just "writing a ...").
_FAREWELL_WORD = compile_guarded(r"goodbye|good bye|\bbye\b|farewell|last|final|letter|note|\bwill\b|affairs|sorry|love|remember me|reading this|for me|debts?|owe|envelope|gave|giving|given|keys?|arrangements")


# Leaving a job, a team, a house or a car: a farewell to something other than life.
_LEAVING_SOMETHING = compile_guarded(
    r"\b(?:goodbye|bye|farewell)\b[^.!?\n]{0,40}\b(?:team|colleagues|co-?workers|job|leaving do|class|school|uni|house|flat|car|van)\b|" + _LAST_DAY
    + r"|\b(?:check(?:ing|ed|s)?|sign(?:ing|ed)?) out\b[^.!?\n]{0,30}\b(?:hotel|conference|airbnb|hostel|festival|b&b|library|hospital|ward|event|course)\b"
)


def ordinary(text: str) -> bool:
    """Whether a folded text is one the crisis rules read as ordinary (general talk, a joke, a past that is
    over, everyday exaggeration, an idiom, leaving a job, a farewell to a thing, medicine taken as routine), so that a wording match alone
    (learned.py) must not flag it either. Narrower than the single-sign guards on purpose: a year, a
    birthday or a grief in the text does not silence the wording model."""
    if _guarded(text) or REASSURED.search(text) or (LEAVING_ORDINARILY.search(text) and not _DESPAIR.search(text)) or _LIGHT.search(text) or _LEAVING_SOMETHING.search(text) or _FAREWELL_TO_THINGS.search(text) or crisis_others.playful(text) or _ROUTINE.search(text):
        return True
    blocked = [m.span() for m in IDIOMS.finditer(text)]
    if not blocked:
        return False
    spans = [sp for v in _family_spans(text).values() for sp in v]
    return not any(not any(a <= s < b for a, b in blocked) for s, _ in spans)


# Talk about groups of people (news, trends), insults wished on someone, and help already under way.
_ABOUT_GROUPS = re.compile(r"\b(?:rise|rising|increase\w*|among|rates?|figures|reports?|survey|teenagers|young people|kids these days|schools|society|government)\b")
_WISHED_ON = re.compile(r"\bkys\b|^\W*(?:go )?(?:and )?(?:die|drop dead|rot)\b|\b(?:your?self|urself|yourselves)\b")
_IN_TREATMENT = re.compile(
    r"\b(?:seeing|seein|sees|seen|getting help|treatment|therapy|support|referred|camhs|counsell?ing|a counsell?or|a therapist)\b(?: \w+){0,4} (?:for|fer|wi|with) (?:(?:her|his|my|their|the) )?(?:self[- ]?harm\w*|cutting)"
)


def _single_sign(text: str, death: list[tuple[int, int]], harm: list[tuple[int, int]], farewell: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Evidence when one death, self-harm or farewell sign stands in a personal text; see above."""
    personal = _FIRST_PERSON.search(text) or _OTHER.search(text)
    if not personal and (len(text) >= 120 or _ABOUT_GROUPS.search(text)):
        return []
    if _LIGHT.search(text) or _GRIEF.search(text) or _WISHED_ON.search(text) or _IN_TREATMENT.search(text):
        return []
    keep: list[tuple[int, int]] = []
    for s, e in death + harm:
        sb, se = sentence_bounds(text, s, e)
        sentence = text[sb:se]
        if _ADDRESSED.search(sentence) and not _FIRST_PERSON.search(sentence):
            continue  # "go and die", "kys" aimed at someone: abuse, left to that check
        keep.append((s, e))
    if not _ordinary_farewell(text):
        keep += [(s, e) for s, e in farewell if _FAREWELL_WORD.search(text, s, e)]
    return keep
