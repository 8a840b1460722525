"""Privacy: posts that could expose someone.

Flags a post that identifies a person as a client, reveals health or therapy details about a named
person, publishes contact details or a home address, or where a client discusses their own therapy
in public (the practice cannot answer that in public, so staff need to know). Talking about mental
health in general, or about one's own health without naming the practice's care, is fine.
"""

from __future__ import annotations

import re

from monitor.checks.posts import privacy_concepts
from monitor.checks.posts.contacts import find_addresses, find_emails, find_phones
from monitor.checks.posts.patterns import Alternation, GroupScan
from monitor.checks.posts.normalise import Normalised
from monitor.checks.posts.rules import Hit, rx

CONDITIONS = (
    r"(?:depression|anxiety|social anxiety|bipolar|ptsd|c-ptsd|ocd|adhd|autism|eating disorder|anorexia|bulimia|binge eating|"
    r"addiction|alcoholism|drinking(?: problem)?|drug use|gambling(?: addiction)?|breakdown|psychosis|schizophrenia|"
    r"panic(?: attacks| disorder)?|self[- ]harm|trauma|grief|miscarriage|abuse|anger(?: management| issues)?|insomnia|phobia|"
    r"mental health|therapy|counsel+ing|treatment|meds|medication|sertraline|antidepressants|diagnosis|illness|problems|issues|recovery)"
)
_DAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tomorrow|last week|this week)"

SELF_DISCLOSURE = rx(
    r"i'?(?:ve| have) been (?:seeing|coming (?:here|to you)|going (?:here|to you)|in (?:therapy|treatment|counsel+ing) (?:here|with you|at|since|for))",
    r"(?:been|am|i'?m) in (?:therapy|treatment|counsel+ing) (?:here|with you|at [a-z]+)",
    r"(?:i'?m|i am) (?:a client|one of your clients|a patient|one of your patients)|as (?:a|one of your) (?:client|patient)s?(?: here| of yours)",
    r"my (?:therapist|counsell?or|psychologist|psychiatrist|practitioner|treatment|therapy|sessions?|group) (?:here|there|with (?:you|dr\.? \w+|\w+)|at (?:[a-z]+light|your|you)|on (?:" + _DAY + r"))",
    r"(?:my |the |our |this )?(?:session|sessions|appointment|treatment|therapy) (?:with|at) (?:dr\.? \w+|\w+) (?:on|last|this|today|yesterday|for my|is|was|has been|for)",
    r"(?:dr\.? |doctor )\w+ (?:has |had )?(?:been )?(?:helped|helping|diagnosed|treated|treating|saved|supported|supporting) me",
    r"(?:has|have) been (?:helping|treating|seeing|supporting) me (?:with|for|through)",
    r"\w+ helped me (?:through|with|get over|overcome)",
    r"you'?re my (?:therapist|counsell?or|psychologist)",
    r"(?:in|from|after|since|before) (?:our |my |the |today'?s |yesterday'?s |" + _DAY + r"'?s )?session(?!s? (?:was|were|felt) (?:rushed|unhelpful|useless|awful|a waste))(?! and i'?m still upset)",
    r"diagnosed me|(?:referred|been referred) (?:by (?:my|the) \w+ )?(?:to you |here )?for (?:\w+ ){0,2}(?:therapy|counsel+ing|treatment|assessment)",
    r"(?:coming|come|came) (?:here|to you) for my " + CONDITIONS,
    # Frames: seeing / coming to someone for "my" problem; sessions about "my" problem; thanks to a
    # practitioner for what they did for "me".
    r"(?:seeing|coming to|going to|working with|been to|in therapy with|sessions with) (?:dr\.? )?\w+(?: \w+)? (?:(?:weekly|fortnightly|monthly|regularly|for (?:a while|months|years|ages)) )?(?:for|about|with|since) (?:my|me)\b",
    r"(?:sessions?|therapy|counsell?ing|work|appointments?|time) (?:about|on|for|around) my " + CONDITIONS,
    r"(?:thanks?|thank you|grateful|shout-?out)(?: so much| again)?(?: to)? (?:dr\.? |doctor )\w+ for (?:\w+ ){0,4}(?:me|my)\b",
)
THIRD_PARTY = rx(
    r"(?:is|was|'s|has been|have been|are) (?:one of )?your (?:clients?|patients?)",
    r"(?:goes|go|going|comes|coming|been going|been coming|is seeing|been seeing) (?:to )?(?:you|your (?:practice|clinic|place|group|counsell?ors|therapists|team))(?: guys| lot)? (?:for|about) (?:his|her|their) " + CONDITIONS,
    r"(?:is|are|been|was) seeing (?:one of )?your (?:counsell?ors|therapists|team|psychologists)",
    r"(?:been|is|was) seeing \w+ (?:about|for) (?:his|her|their) " + CONDITIONS,
    r"(?:finished|completed|completing|finishing|finish|complete) (?:his|her|their) (?:\w+ ){0,4}(?:therapy|treatment|programme|program|recovery|course|sessions)",
    r"(?:didn'?t know|did not know|never knew) (?:he|she|they) (?:had|was|were|has)",
    r"(?:his|her|their) (?:depression|bipolar|breakdown|drinking|addiction|eating disorder|psychosis|diagnosis|meds)",
    r"(?:he|she|they)(?:'s| is| are| was) (?:bipolar|schizophrenic|anorexic|an alcoholic|an addict|suicidal)",
    r"(?:off|signed off) (?:work )?with (?:a )?(?:breakdown|depression|stress)",
    # Frames: a named or related person tied to a therapist, a condition or a group.
    r"(?:my|her|his|their) (?:son|daughter|child|kid|husband|wife|partner|mum|mom|dad|brother|sister|friend|boyfriend|girlfriend|ex) (?:[a-z]+ )?(?:\(\d+\) )?(?:is|has been|was|been) (?:seeing|going to|having|in) (?:dr\.? )?\w+",
    r"(?:brought|bringing|brings|took|takes|taking) (?:her|his|their) (?:son|daughter|child|kid|husband|wife|partner|mum|mom|dad) (?:in )?(?:for|to) (?:his|her|their|a|an) (?:\w+ )?(?:assessment|therapy|session|treatment|appointment)",
    r"(?:he|she|they) (?:was|were|got|has been|had been) (?:sectioned|in rehab|detoxing|hospitali[sz]ed|admitted)",
    r"(?:his|her|their) (?:panic attacks|anxiety|ocd|ptsd|adhd|autism|eating disorder|anorexia|bulimia|self[- ]harm|psychosis|medication|therapy|treatment)",
    r"(?:is|are) in my (?:therapy |support |dbt |anxiety |\w+ )?group",
)
# Case-sensitive, on the original text: people named as clients or group members.
NAMED = Alternation(
    [
        r"\b(?:[Oo]ur|[Aa]|[Mm]y|[Yy]our) (?:client|patient)s? (?:[A-Z][a-z]+|@[\w.]+)",
        r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)? from (?:the |our |your )?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:'s)? (?:[a-z]+ ){0,2}(?:group|session|class)",
        r"\b(?:group|session|circle) (?:with|featuring) [A-Z][a-z]+(?:, [A-Z][a-z]+)*,? and [A-Z][a-z]+",
        r"\b(?:[Ii]s that|[Tt]hat'?s|[Ii]sn'?t that|[Ss]aw|[Ss]potted|[Ss]een)(?: (?:definitely|totally|defo|deffo|clearly|literally|obviously))? (?:my [a-z]+(?:'s [a-z]+)?|[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?: from [a-z ]+)? (?:in|at|coming out of|leaving) (?:your|the) (?:[a-z]+ ){0,2}(?:waiting room|group|clinic|office|photo|session|building|picture|video|reel|post|story|stories|pic|clip|livestream)",
        r"(?:[A-Z][a-z]+|@[\w.]+) who (?:has |just )?(?:completed|finished|overcome|overcame|beat|beaten|recovered)",
        r"\b(?i:thank you to|thanks to|well done to|congratulations to|congrats to|shout-?out to|proud of) (?:our client )?(?:[A-Z][a-z]+|@[\w.]+)(?: [A-Z][a-z]+)?,? (?:who|for letting us share|from [A-Z])",
    ]
)
OWN_OUTCOME_FOR_PERSON = rx(
    r"(?:sober|clean|free of [\w ]{3,20}?|panic[- ]free) (?:after|since) (?:working with|finishing|therapy|treatment|seeing|his|her|their)",
    r"(?:completed|finished|overcome|overcame|beaten|beat) (?:his|her|their) (?:\w+ ){0,3}(?:treatment|therapy|programme|recovery|disorder|depression|anxiety|addiction|panic \w+)",
)
# The phrase rules and the concept rules in one pass (see patterns.GroupScan).
_SCAN = GroupScan({"third": THIRD_PARTY, "self": SELF_DISCLOSURE, **privacy_concepts.CONCEPT_RULES})
_HELPLINE = re.compile(r"^(?:116 ?123|0800|0808|999|111|988|112|911|\+?44 ?116)")


def find(norm: Normalised, own: bool, promotional: bool) -> list[Hit]:
    folded = norm.folded
    hits: list[Hit] = []
    named = [m.span() for m in NAMED.finditer(norm.original)]
    if named:
        hits.append(Hit("privacy", "privacy.identifies_client", "It names or points out a person as a client or member of a therapy group.", named))
    found = _SCAN.scan(folded)
    third = [m.span() for m in found["third"]]
    if own:
        third += [m.span() for m in OWN_OUTCOME_FOR_PERSON.finditer(folded)]
    concept_other, concept_self = privacy_concepts.find_spans(
        norm.original, folded, own, {k: [m.span() for m in found[k]] for k in privacy_concepts.CONCEPT_RULES}
    )
    if concept_other and not third and not named:
        hits.append(Hit("privacy", "privacy.person_in_care", "It ties a person to therapy or a diagnosis (someone named or a relative).", concept_other))
    if third:
        hits.append(Hit("privacy", "privacy.health_details", "It reveals health or therapy details about someone.", third))
    if not own:
        selfd = [m.span() for m in found["self"]] or concept_self
        if selfd:
            hits.append(Hit("privacy", "privacy.self_disclosure", "A client is discussing their own therapy in public; staff cannot reply to that here.", selfd))
        if not promotional:
            contact = [(s, e) for s, e in find_phones(norm.original) if not _HELPLINE.match(norm.original[s:e].strip())]
            contact += find_emails(folded) + find_addresses(norm.original)
            if contact:
                hits.append(Hit("privacy", "privacy.contact_details", "It publishes a phone number, email or street address.", contact))
    return hits
