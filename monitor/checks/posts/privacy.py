"""Privacy: posts that could expose someone.

Flags a post that identifies a person as a client, reveals health or therapy details about a named
person, publishes contact details or a home address, or where a client discusses their own therapy
in public (the practice cannot answer that in public, so staff need to know). Talking about mental
health in general, or about one's own health without naming the practice's care, is fine.
"""

from __future__ import annotations

import re

from monitor.checks.posts import privacy_concepts
from monitor.checks.posts.contacts import find_contacts
from monitor.checks.posts.patterns import Alternation, GroupScan
from monitor.checks.posts.normalise import Normalised
from monitor.checks.posts.rules import Hit, rx

CONDITIONS = (
    r"(?:depression|anxiety|social anxiety|bipolar|ptsd|c-ptsd|ocd|adhd|autism|eating disorder|anorexia|bulimia|binge eating|"
    r"addiction|alcoholism|drinking(?: problem)?|drug use|gambling(?: addiction)?|breakdown|psychosis|schizophrenia|"
    r"panic(?: attacks| disorder)?|self[- ]harm|trauma|grief|miscarriage|abuse|anger(?: management| issues)?|insomnia|phobia|"
    r"mental health|therapy|counsel+ing|treatment|meds|medication|sertraline|antidepressants|diagnosis|illness|problems|issues|recovery|"
    r"suicide attempt|overdose|assault|rape|hoarding|dementia|school refusal|porn addiction|divorce|bereavement|burnout|stress)"
)
_DAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tomorrow|last week|this week)"

SELF_DISCLOSURE = rx(
    r"i'?(?:ve| have) been (?:seeing|coming (?:here|to you)|going (?:here|to you)|in (?:therapy|treatment|counsel+ing) (?:here|with you|at|since|for))",
    r"(?:been|am|i'?m) in (?:therapy|treatment|counsel+ing) (?:here|with you|at [a-z]+)",
    r"(?:i'?m|i am) (?:a client|one of your clients|a patient|one of your patients)|as (?:a|one of your) (?:client|patient)s?(?: here| of yours)",
    r"my (?:therapist|counsell?or|psychologist|psychiatrist|practitioner|treatment|therapy|sessions?|group) (?:here|there|with (?:you|dr\.? \w+)|at (?:your|you|(?:the|this) (?:practice|clinic|centre|center|place)|\w+ (?:counsell?ing|therapy|clinic|practice|centre|center|psychology))|on (?:" + _DAY + r"))",
    r"(?<!an )(?<!a )(?<!book )(?<!new )(?:my |the |our |this )?(?:session|sessions|appointment|treatment|therapy) (?:with|at) (?:dr\.? \w+|\w+) (?:on|last|this|today|yesterday|for my|for)",
    r"(?:dr\.? |doctor )\w+ (?:has |had )?(?:been )?(?:helped|helping|diagnosed|treated|treating|saved|supported|supporting) me",
    r"(?:has|have) been (?:helping|treating|seeing|supporting) me (?:with|for|through)",
    r"you'?re my (?:therapist|counsell?or|psychologist)",
    r"(?<!time )(?<!mins )(?<!minutes )(?<!min )(?<!hour )(?:in|from|after|since|before) (?:our |my |the |today'?s |yesterday'?s |" + _DAY + r"'?s )?session(?!s? (?:was|were|felt) (?:rushed|unhelpful|useless|awful|a waste))(?! and i'?m still upset)",
    r"diagnosed me|(?:referred|been referred) (?:by (?:my|the) \w+ )?(?:to you |here )?for (?:\w+ ){0,2}(?:therapy|counsel+ing|treatment|assessment)",
    r"(?:coming|come|came) (?:here|to you) for my " + CONDITIONS,
    # Frames: seeing / coming to someone for "my" problem; sessions about "my" problem; thanks to a
    # practitioner for what they did for "me".
    r"(?:seeing|coming to|going to|working with|been to|in therapy with|sessions with) (?:dr\.? )?\w+(?: \w+)? (?:(?:weekly|fortnightly|monthly|regularly|for (?:a while|months|years|ages)) )?(?:for|about|with|since) (?:my|me)\b",
    r"(?:sessions?|therapy|counsell?ing|work|appointments?|time) (?:here |today |with \w+ )?(?:about|on|for|around) my (?:\w+ )?" + CONDITIONS,
    # Frames (round 9): the writer's practitioner, and what they came here for.
    # "he's been my counsellor for the assault stuff", "she is my therapist since 2022"
    r"(?:s?he|they)(?:'s| is| has| was|'ve| have)(?: been)? my (?:\w+ )?(?:therapist|counsell?or|psychologist|psychiatrist|practitioner) (?:for|since|through|here)",
    # "I've seen him every fortnight since my breakdown", "been going to her for my anxiety"
    r"(?:i'?ve|i have|i'?ve been|been|i|i was|i'?m) (?:seeing|seen|saw|going to|gone to|coming to|see) (?:him|her|them) (?:\w+ ){0,3}(?:for|about|since|after|with) my (?:\w+ ){0,2}" + CONDITIONS,
    # "I came to you after my suicide attempt", "started coming here for my drinking"
    r"(?:i|i first)? ?(?:came|come|coming|started coming|turned|went) (?:here|to (?:you|you guys|your \w+|this (?:place|practice|clinic)|[a-z]+)) (?:\w+ )?(?:after|for|with|about|because of|following) my (?:\w+ ){0,2}" + CONDITIONS,
    # A breach told in public: "so much for confidentiality", "told my sister I'd been in for my appointment".
    r"so much for (?:patient |client )?confidentiality|(?:breached|broke|has broken|have broken) (?:my |patient |client )?confidentiality",
    r"told (?:my|his|her|their) \w+ (?:that )?(?:i|i'?d|he|she|they)(?:'d| had| was| were| is)? (?:been )?(?:in for|here for|coming here|a client|a patient|in therapy|having therapy|seeing \w+)",
    r"(?:thanks?|thank you|grateful|shout-?out)(?: so much| again)?(?: to)? (?:dr\.? |doctor )\w+ for (?:\w+ ){0,4}(?:me|my)\b",
)
THIRD_PARTY = rx(
    r"(?:is|was|(?:he|she|they|who|that)'s|has been|have been|are) (?:one of )?(?:your|his|her|their|our) (?:clients?|patients?)",
    r"[a-z]+'s one of (?:your|his|her|their|our) (?:clients|patients)",
    # Frames (round 9): someone else's care here named with their condition.
    r"(?:goes|go|comes|come|been going|been coming|is going|is coming|started coming|started going) (?:here|to (?:you|this place|this clinic)) (?:for|about|with) (?:his|her|their) (?:\w+ ){0,2}(?:" + CONDITIONS[3:-1] + r"|thing|stuff|issues|problems)",
    r"(?:you|u)(?:'re| are| were| was|'ve been| have been) (?:doing|having|getting|in) (?:\w+ )?(?:therapy|counsell?ing|treatment|sessions) (?:here|with \w+|at (?:this|your) \w+) for (?:your|ur)",
    # thanked for someone's care: "for supporting our Ethan through his school refusal" (not "how do I support my son with his ...")
    r"(?:for|you|you'?ve|you have|(?:you|team|she|he|they) (?:\w+ )?(?:has|have)) (?:supporting|supported|helping|helped|treating|treated|getting|got|seeing|seen) (?:our|my) (?:[a-z]+ ){1,2}(?:\(\d+\) )?(?:through|with|for) (?:his|her|their) (?:\w+ ){0,3}?" + CONDITIONS,
    r"(?:goes|go|going|comes|coming|been going|been coming|is seeing|been seeing) (?:to )?(?:you|your (?:practice|clinic|place|group|counsell?ors|therapists|team))(?: guys| lot)? (?:for|about) (?:his|her|their) " + CONDITIONS,
    r"(?:is|are|been|was) seeing (?:one of )?your (?:counsell?ors|therapists|team|psychologists)",
    r"(?:been|is|was) seeing \w+ (?:about|for) (?:his|her|their) " + CONDITIONS,
    r"(?:finished|completed|completing|finishing|finish|complete) (?:his|her|their) (?:\w+ ){0,4}(?:therapy|treatment|programme|program|recovery|course|sessions)",
    r"(?:didn'?t know|did not know|never knew) (?:he|she|they) (?:had|was|were|has)",
    r"(?:he|she|they)(?:'s| is| are| was) (?:bipolar|schizophrenic|anorexic|an alcoholic|an addict|suicidal)",
    r"(?:off|signed off) (?:work |sick )?with (?:a )?(?:breakdown|depression|stress|burnout|anxiety|nerves)",
    # Frames: a named or related person tied to a therapist, a condition or a group.
    r"(?:my|our|her|his|their) (?:son|daughter|child|kid|husband|wife|partner|mum|mom|dad|brother|sister|friend|boyfriend|girlfriend|ex) (?:(?!i )[a-z]+ )?(?:\(\d+\) )?(?:is|has been|was|been) (?:seeing (?:dr\.? )?\w+|going to (?:dr\.? )?\w+|having (?:therapy|counsell?ing|treatment|sessions)|in (?:therapy|treatment|counsell?ing|rehab|your \w+))",
    r"(?:brought|bringing|brings|took|takes|taking) (?:her|his|their) (?:son|daughter|child|kid|husband|wife|partner|mum|mom|dad) (?:in )?(?:for|to) (?:his|her|their|a|an) (?:\w+ )?(?:assessment|therapy|session|treatment|appointment)",
    r"(?:he|she|they) (?:was|were|got|has been|had been) (?:sectioned|in rehab|detoxing|hospitali[sz]ed|admitted)",
    r"(?:is|are|(?:s?he|they|who)(?:'s|'re)) in my (?:therapy |support |dbt |anxiety |\w+ )?group",
)
# Case-sensitive, on the original text: people named as clients or group members.
NAMED = Alternation(
    [
        r"\b(?:[Oo]ur|[Aa]|[Mm]y|[Yy]our) (?:[a-z]+ ){0,2}(?:client|patient)s? (?:[A-Z][a-z]+|@[\w.]+)",
        r"\b[A-Z][a-z]+(?: [A-Z][a-z]+| [A-Z]\.?)?,? \((?:[Oo]ur|[Aa]|[Mm]y|[Aa]n?|[Oo]ne of our) (?:[a-z]+ ){0,2}(?:client|patient|group member)",
        r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)? from (?:the |our |your )?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:'s)? (?:[a-z]+ ){0,2}(?:group|session|class)",
        r"\b(?:group|session|circle) (?:with|featuring) [A-Z][a-z]+(?:, [A-Z][a-z]+)*,? and [A-Z][a-z]+",
        r"\b(?:[Ii]s that|[Tt]hat'?s|[Ii]sn'?t that|[Ss]aw|[Ss]potted|[Ss]een)(?: (?:definitely|totally|defo|deffo|clearly|literally|obviously))? (?:my [a-z]+(?:'s [a-z]+)?|[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?: from [a-z ]+)? (?:in|at|coming out of|leaving) (?:your|the) (?:[a-z]+ ){0,2}(?:waiting room|group|clinic|office|photo|session|building|picture|video|reel|post|story|stories|pic|clip|livestream)",
        r"(?:[A-Z][a-z]+|@[\w.]+) who (?:has |just )?(?:completed|finished|overcome|overcame|beat|beaten|recovered)",
        r"\b(?i:thank you to|thanks to|well done to|congratulations to|congrats to|shout-?out to|proud of) (?:our client )?(?:[A-Z][a-z]+|@[\w.]+)(?: [A-Z][a-z]+| [A-Z]\.)?,? (?:who|for letting us share|from [A-Z])",
    ]
)
# Someone else's condition ("her panic attacks", "he's had a breakdown"): private only when the post
# also says who they are (a name) or ties them to care; "my dad never talked about his depression" is not.
POSSESSED_CONDITION = rx(
    r"(?:his|her|their) (?:depression|bipolar|breakdown|drinking|addiction|eating disorder|psychosis|diagnosis|panic attacks|anxiety|ocd|ptsd|"
    r"adhd|autism|anorexia|bulimia|self[- ]harm|therapy|treatment|anger issues|gambling|schizophrenia)",
    r"(?:s?he|they)(?:'s| has| have|'ve|'d| had) (?:had|been having|been through) (?:a |another )?(?:nervous )?(?:breakdown|relapse|psychotic episode|"
    r"manic episode|panic attacks?|overdose)",
)
OWN_OUTCOME_FOR_PERSON = rx(
    # "who came to us after his suicide attempt", "returning to us for support with her bipolar disorder"
    r"(?:came|come|comes|coming|returning|returned|turned|referred|back) (?:back )?to us (?:\w+ ){0,3}?(?:for|with|after|about|following) (?:\w+ ){0,2}?(?:his|her|their) (?:\w+ ){0,2}?" + CONDITIONS,
    r"(?:cured|healed|fixed|treated|sorted|beat|beaten) (?:his|her|their) (?:\w+ ){0,2}" + CONDITIONS,
    r"(?:sober|clean|free of [\w ]{3,20}?|panic[- ]free) (?:after|since) (?:working with|finishing|therapy|treatment|seeing|his|her|their)",
    r"(?:completed|finished|overcome|overcame|beaten|beat) (?:his|her|their) (?:\w+ ){0,3}(?:treatment|therapy|programme|recovery|disorder|depression|anxiety|addiction|panic \w+)",
)
# The phrase rules and the concept rules in one pass (see patterns.GroupScan).
_SCAN = GroupScan({"third": THIRD_PARTY, "self": SELF_DISCLOSURE, "possessed": POSSESSED_CONDITION, **privacy_concepts.CONCEPT_RULES})


def find(norm: Normalised, own: bool, promotional: bool) -> list[Hit]:
    folded = norm.folded
    hits: list[Hit] = []
    named = [m.span() for m in NAMED.finditer(norm.original)]
    found = _SCAN.scan(folded)
    third = [sp for sp in (m.span() for m in found["third"]) if not _GROUP_FINISHING.search(folded, max(0, sp[0] - 60), sp[0])]
    if own:
        third += [m.span() for m in OWN_OUTCOME_FOR_PERSON.finditer(folded)]
    concept_other, concept_self = privacy_concepts.find_spans(
        norm.original, folded, own, {k: [m.span() for m in found[k]] for k in privacy_concepts.CONCEPT_RULES}
    )
    tie_self, tie_other, seen = _named_ties(norm, own)
    named += seen
    if named:
        hits.append(Hit("privacy", "privacy.identifies_client", "It names or points out a person as a client or member of a therapy group.", named))
    possessed = [m.span() for m in found["possessed"]]
    if possessed and (third or named or concept_other or tie_other or found["care"] or privacy_concepts.names_in(norm.original, folded)):
        third += possessed
    third += tie_other
    if concept_other and not third and not named:
        hits.append(Hit("privacy", "privacy.person_in_care", "It ties a person to therapy or a diagnosis (someone named or a relative).", concept_other))
    if third:
        hits.append(Hit("privacy", "privacy.health_details", "It reveals health or therapy details about someone.", third))
    if not own:
        selfd = [m.span() for m in found["self"]] or concept_self or tie_self
        if selfd:
            hits.append(Hit("privacy", "privacy.self_disclosure", "A client is discussing their own therapy in public; staff cannot reply to that here.", selfd))
        if not promotional:
            contact = find_contacts(norm.original, folded)
            if contact:
                hits.append(Hit("privacy", "privacy.contact_details", "It publishes a phone number, email or street address.", contact))
    return hits


# "clients report zero anxiety after completing his course": a group finishing a practitioner's course, not one person's care.
_GROUP_FINISHING = re.compile(r"\b(?:clients|patients|everyone|people|participants|attendees|students|couples|graduates|parents)\b[^.!?]*$")
_OTHER_PERSON = re.compile(r"\b(?:his|her|him|their|them|he|she|they)\b|'s\b")
_NO_NAME_NEEDED = re.compile(r"\b(?:me|you|u|i)\b")


def _named_ties(norm: Normalised, own: bool) -> tuple[list[tuple[int, int]], list[tuple[int, int]], list[tuple[int, int]]]:
    """(the writer's own tie, someone else's tie, someone seen at the practice or placed in a group).

    A tie to a named practitioner counts only with a private topic (a condition, a life event, what
    was said in sessions): "thanks Tom for the workshop" is not private, "thanks Tom, the bulimia's
    been bad again" is.
    """
    original, folded = norm.original, norm.folded
    found = privacy_concepts.NAMED_SCAN.scan(folded)
    found["named"] += privacy_concepts.NAMED_CARE_BY_NAME.finditer(folded)
    found["member"] += privacy_concepts.MEMBER_BY_NAME.finditer(folded)
    opening = privacy_concepts.ADDRESSED_AT_START.match(folded)
    if opening:
        found["addressed"].append(opening)
    seen = [m.span() for m in found["seen"]]
    seen += [m.span() for m in found["member"] if _NO_NAME_NEEDED.search(m.group()) or privacy_concepts.has_name(original, *m.span())]
    if found["going"] and any(r.search(folded) for r in (privacy_concepts.CONCERN, privacy_concepts.CONDITION, privacy_concepts.THERAPY, privacy_concepts.TOPIC)):
        seen += [m.span() for m in found["going"]]
    ties = [m for m in found["named"] if privacy_concepts.has_name(original, *m.span())]
    topic = bool(ties) and bool(privacy_concepts.CONDITION.search(folded) or privacy_concepts.TOPIC.search(folded))
    if not topic:
        ties = []
    addressed = [m for m in found["addressed"] if privacy_concepts.has_name(original, *m.span())]
    if addressed and (privacy_concepts.PERSONAL.search(folded) or privacy_concepts.TOPIC.search(folded)):
        ties += addressed
    if not ties:
        return [], [], seen
    other = [m.span() for m in ties if _OTHER_PERSON.search(m.group())]
    mine = [m.span() for m in ties if not _OTHER_PERSON.search(m.group())]
    return ([] if own else mine), other, seen
