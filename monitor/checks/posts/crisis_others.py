"""Crisis: harm to other people, said as intent, and the figurative threats that are not.

A threat of violence is a risk to life whoever says it: "I'm bringing a knife in", "next time I'll be
waiting with something heavy", "I will run her over", a neighbour heard saying he is going to kill his
girlfriend. The frame is a future or intended act (going to, gonna, 'll, next time, im bringing) with
a violent verb and a person, or a weapon taken somewhere or kept at hand, or someone watched ("I know
where he parks", "sitting outside his house"). Everyday exaggeration uses the same words ("I'll
strangle her if she leaves the towels on the floor again 😂", "gonna kill my brother, he ate my
leftovers"): a laughing or eye-rolling sign, or a trivial household grievance, with no earnest sign
(a weapon, "I mean it", "not joking", "swear on my kids") marks the text as playful.
"""

from __future__ import annotations

from monitor.checks.posts.patterns import compile_guarded
from monitor.checks.posts.rules import rx

_PERSON = (
    r"(?:him|her|them|you|u|ya|someone|somebody|people|every(?:one|body)|the (?:lot of them|lads|boys|girls|kids|man|woman|guy|bloke|fella|teacher|manager|boss)"
    r"|(?:my|his|her|their|that|this|the|our) (?:\w+ )?(?:ex|wife|husband|partner|girlfriend|boyfriend|gf|bf|missus|stepdad|stepmum|dad|mum|brother|sister|"
    r"neighbou?r|landlord|manager|boss|teacher|therapist|counsell?or|doctor|kids?|baby|son|daughter|flatmate|roommate|mate|fella|bloke|guy|lads?|colleague)"
    r"|(?:[a-z]+ ){0,2}[a-z]+'s (?:face|head|teeth|lights|legs|car|house))"
)
_HIT = r"(?:kill|murder|stab|shoot|strangle|throttle|batter|beat (?:up|the \w+ out of)|smash|punch|glass|knife|bottle|hurt|attack|end|do in|choke|drown)"
_HIT_BARE = r"(?:kill|murder|stab|shoot|strangle|batter|punch|glass|knife|end)"  # after a bare "gonna": never "hurt people" (prices)
_NOT_FEELINGS = r"(?!'?s? feelings|'s pride| in the (?:polls|reviews))"

# Each of these is the idea of violence against a person as an intention, an act under way, or a
# threat; see the module docstring for the playful look-alikes.
VIOLENCE = rx(
    # first person, future or wished: "I'm going to punch X's lights out", "I'd hurt someone", "gonna end him"
    r"(?:i'?m going to|im going to|i am going to|i'?m gonna|im gonna|i'?ll|ill|i will|i want to|i wanna|i could|i swear i'?ll|i swear im|i'?d) "
    r"(?:actually |really |just |literally |fucking |so )?(?:(?:come|go|drive|get) (?:[\w']+ ){0,4}and )?" + _HIT + r" " + _PERSON + _NOT_FEELINGS,
    r"(?:gonna|going to) (?:actually |really |fucking )?" + _HIT_BARE + r" " + _PERSON + _NOT_FEELINGS,
    r"(?:i'?ll|i will|gonna|going to|i'?m going to|im going to) (?:run|knock) (?:him|her|them|you|my \w+) (?:over|down)|(?:punch|knock) (?:[\w']+ ){1,3}lights out|smash (?:his|her|their|your) (?:\w+ )?(?:face|head) in",
    # a third person threatening someone: "he's going to kill his girlfriend", "he'll sort the man who..."
    r"(?:he|she|they|he'?s|she'?s|they'?re)(?: \w+){0,2} (?:going to|gonna|will|'ll|threaten\w* to|swears? (?:he|she|they)'?ll) "
    r"(?:kill|stab|shoot|strangle|batter|hurt|beat up|sort|deal with|do in|run over) (?:his|her|their|the|my|our) (?:\w+ ){0,2}"
    r"(?:girlfriend|boyfriend|wife|husband|partner|ex|kids?|children|baby|son|daughter|mum|mother|dad|father|brother|sister|man|woman|guy|bloke|lads?|boys|teacher|neighbou?r|family)",
    # a weapon brought somewhere, shown, or waiting at hand
    r"(?:bring|bringing|brought|take|taking|took|carry|carrying|carried) (?:in )?(?:my |his |her |a |the |some )?(?:dad'?s |mum'?s |brother'?s )?(?:knife|knives|blade|machete|gun|bat|baseball bat|hammer|crowbar|something)\b"
    r"(?: (?:in|into|to) (?:school|work|college|class|the office|the \w+)| in\b)",
    r"(?:put|got|has|had|have|keep|keeps|kept|'s got|'ve got|took) (?:a |the |his |her |my )?(?:baseball )?(?:bat|knife|hammer|machete|crowbar|gun|blade) (?:in|by|under|next to) (?:the|my|his|her) (?:car|bag|pocket|door|bed|coat|van|boot|jacket)",
    r"(?:showed|shown|show) (?:me|us) (?:a|the|his|her) (?:knife|blade|gun|machete|bat)",
    r"(?:i'?ll|i will|i'?m|im|gonna) be waiting (?:for (?:him|her|them) )?with (?:something|a \w+)",
    r"deserves? what'?s coming|(?:will|'ll|gonna) regret it",
    r"(?:he|she|they)(?:'s| is|'re| are|'ll| will) (?:going to |gonna )?(?:find out|learn|see|know) what (?:that|it) feels like|(?:i'?m|im|i am) coming (?:for (?:him|her|them|you) )?with (?:a|my|the) (?:bat|knife|hammer|machete|gun|crowbar|blade|axe)",
    r"(?:we'?ll|we will|i'?ll|i will) be waiting (?:for (?:him|her|them) )?(?:\w+ ){0,5}with (?:more than|something (?:bigger|heavier|worse) than)",
    # Round 9: the same intent in other words. Putting someone in the ground (or a box, a wheelchair),
    # breaking a neck, making a whole group pay at a place, bringing "something" bigger, waiting with
    # any tool, someone carried out in a box.
    r"(?:i'?ll|ill|i will|i'?m going to|im going to|i'?m gonna|im gonna|gonna|going to|i swear i'?ll|i swear i will|i'?d) (?:\w+ )?put (?:him|her|them|you|u|ya|that \w+|my (?:ex|stepdad|stepfather|dad|brother|boss|manager|landlord|neighbou?r)) "
    r"(?:in (?:the|a) (?:ground|grave|box|coffin|body bag|hospital|wheelchair)|six (?:feet|foot) under|in an early grave|through (?:a|the) (?:wall|window))",
    r"(?:i'?ll|ill|i will|gonna|going to|i'?m going to|im going to|i swear i'?ll) (?:\w+ )?(?:break|snap|smash) (?:his|her|their|your|ur|that \w+'s) (?:\w+ )?(?:neck|legs?|arms?|jaw|face|skull|nose|kneecaps)",
    r"(?:make|making) (?:them|em|every ?(?:one|body|last one)(?: of them)?|the (?:lot|whole lot) of them|all of them)(?: all)? pay\b[^.!?\n]{0,40}\b(?:at|in) (?:work|school|college|uni|the office|that office|the plant|the depot|the site|class)\b"
    r"|(?:they'?ll|they will|they'?re gonna|they are going to|you'?ll all|you will all|everyone will) (?:all )?see (?:what happens|what i can do|what i'?m capable of)",
    r"\b(?:if|one more|next time|any more)\b[^.!?\n]{0,80}\b(?:bring|bringing|bringin|brin|take|taking) (?:something|summat|sumthin|somethin) (?:a lot |a bit |way |much )?(?:bigger|heavier|sharper|worse) than",
    r"(?:i'?ll|i will|i'?m|im|gonna|we'?ll|we will) be waiting (?:for (?:him|her|them) )?(?:\w+ ){0,5}with (?:my|his|a|the|some) (?:\w+ )?(?:iron|bar|bat|knife|hammer|wrench|spanner|machete|crowbar|gun|blade|axe)",
    r"(?:he|she|they)(?:'ll| will|'s going to| is going to) (?:be )?(?:leaving|going home|coming out|carried out) (?:in|on) (?:an?|the) (?:box|body bag|coffin|stretcher|ambulance|hearse)",
    r"(?:watch|mind) (?:his|her|their|your|ur) back\b[^.!?\n]{0,80}\b(?:tonight|tomorrow|when|lock(?:s|ing)? up|finish\w*|i know)|(?:i know where|i know what car)\b[^.!?\n]{0,60}[.!,]?\s*(?:\w+ ){0,4}(?:better|'d better|should|wants? to) watch (?:his|her|their|your|ur) back",
)
# Someone watched: counts only beside a weapon or a threat ("I know where you live" alone is
# intimidation, left to the abusive check).
WATCHING = rx(
    r"i know (?:where|what car) (?:[\w']+ ){0,4}(?:lives?|parks?|works?|sleeps?|drinks?|goes|drives?)",
    r"(?:got|have|found|know) (?:their|his|her|all their) (?:home )?address(?:es)?\b",
    r"(?:i'?ll|i will|we'?ll|we will) be (?:there|waiting|outside) (?:for (?:him|her|them) )?(?:when|as) (?:he|she|they) (?:finish|finishes|lock|locks|leave|leaves|come|comes)",
    r"(?:sitting|sat|waiting|parked|been) (?:outside|near|by) (?:his|her|their) (?:house|flat|place|work|door)",
)

# Signs that a threat is playful exaggeration, and signs that it is meant.
_PLAYFUL = compile_guarded(
    r"😂|🤣|😅|😆|😤|🙄|😜|🙈|\b(?:lol|lmao|haha\w*|jk)\b|\bif (?:he|she|they) (?:leaves?|eats?|finish(?:es)?|takes?|uses?|forgets?|touches my (?:food|phone|charger|stuff))\b"
    r"|\b(?:ate|eaten|eats|finished|nicked|stole|used) my (?:\w+ )?(?:leftovers?|food|dinner|lunch|chocolate|biscuits?|pizza|cake|crisps|charger|shampoo|snacks?|\w+ curry|biryani|chips)\b"
    r"|\b(?:towels?|socks|dishes|washing up|remote|loo roll|toilet seat|spoilers?)\b"
)
_EARNEST = compile_guarded(
    r"\b(?:not (?:even )?joking|no joke|not a joke|i mean it|mean it|i'?m serious|im serious|swear on|not messing|for real|knife|knives|bat|gun|machete|hammer|blade)\b|🔪|🔫"
)


def playful(text: str) -> bool:
    """True when a threat in `text` reads as everyday exaggeration (see the module docstring)."""
    return bool(_PLAYFUL.search(text)) and not _EARNEST.search(text)
