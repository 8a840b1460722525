"""Booking: people trying to book, cancel, move or discuss appointments in public comments.

Low severity: the answer is a friendly reply pointing to the proper channel (configured text).
"""

from __future__ import annotations

import re

from monitor.checks.posts.normalise import Normalised
from monitor.checks.posts.patterns import GroupScan
from monitor.checks.posts.rules import Hit, rx, sentence_bounds

_DAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_WHEN = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)days?|tues|thurs|weekends?|weekdays?|\d{1,2}(?::\d\d)?(?: ?o'?clock)?|evenings?|mornings?|afternoons?|lunchtimes?|today|tomorrow|tonight|the \d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?::\d\d)? ?(?:am|pm)|week|month|fortnight)"
_APPT = (r"(?:appointment|appt|ap+oin?t?ment|appoinment|sesh|session|sessions|slot|slots|consultation|consult|assessment|booking|therapist|counsell?or|"
         r"\d{1,2}(?::\d\d)? ?(?:am|pm)|\d{1,2}(?:am|pm)|\d{1,2}(?:[:.]\d\d)? ?o'?clock)")
# A day or time named as the thing being moved ("can we move next tues to the afternoon").
_DAY_OBJ = (r"(?:(?:next|this|last) )?(?:(?:mon|tues?|wed(?:nes)?|weds|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?'?s?|tmrw|tomorrow'?s?|today'?s?|"
            r"\d{1,2}(?::\d\d)? ?(?:am|pm)|next week'?s?|the \d{1,2}(?:st|nd|rd|th)?)")
BOOKING = rx(
    # Frames: moving, swapping or cancelling one's own slot named by its day or time.
    r"(?:can|could|would|may|pls|please) (?:i|we|you|u)? ?(?:please |pls )?(?:move|switch|change|swap|push|shift|bring|make|do|have|cancel) (?:my |our |the )?" + _DAY_OBJ
    + r" (?:\w+ )?(?:to|for|back|forward|instead|over|online|on zoom|session|appointment|appt|sesh|slot)",
    r"(?:switch|change|move|swap) (?:me |over )?from (?:dr\.? )?[a-z]+ to (?:dr\.? )?[a-z]+",
    # Having one's slot moved, in any voice: "can ah get ma Tuesday moved", "need to bump my Monday sesh to later".
    r"(?:get|have|got) (?:my|ma|me|our) " + _DAY_OBJ + r" (?:\w+ )?(?:moved|changed|swapped|switched|shifted|bumped|pushed|rescheduled|cancell?ed)",
    r"(?:bump|bumping|shunt|shunting|shove|punt) (?:my|ma|me|our|the) " + _DAY_OBJ + r" (?:\w+ )?(?:to|back|forward|up|over|till|until)",
    # Tomorrow missed and another day asked for: "won't make it tomorrow, can we do next Tuesday instead?".
    r"(?:can|could) (?:we|i|ah) (?:do|have|make it|go for) " + _DAY_OBJ + r" (?:\w+ )?(?:instead|same time|at the same time|again|then)",
    # Booking for a day, or booking oneself and others onto a group or course.
    r"(?:can|could|may) (?:i|we|ah) (?:please )?book (?:in )?(?:for|on) (?:next |this )?(?:" + _DAY + r"|tomorrow|tmrw|the \d{1,2}(?:st|nd|rd|th)?|next week|this week)",
    r"(?:sign(?:ing)?|put(?:ting)?|enrol+(?:ing)?|book(?:ing)?|add(?:ing)?) (?:up |down |in )?(?:me|us|myself|my \w+)(?: and (?:my |our )?\w+)? (?:up |down |in )?(?:for|on|onto|to) (?:the|a|your|this|next) (?:\w+ ){0,2}(?:group|course|workshop|class|programme|program|circle|intake)",
    r"(?:just )?(?:confirming|checking) (?:my|our|the|that) (?:\w+ ){0,2}(?:\d{1,2}(?::\d\d)? ?(?:am|pm)?|appointment|appt|session|sesh|slot|booking|" + _DAY + r")(?! (?:was|went|notes|recording)\b)",
    r"cancel (?:whatever|everything|anything|all) (?:i|we) (?:had |have |'ve )?(?:got )?booked|cancel all (?:my|our) (?:appointments|sessions|appts|bookings)",
    r"(?:need to|have to|gotta|got to|want to|wanna|gonna have to|going to have to|i'?ll have to|must) (?:move|cancel|skip|miss|rearrange|push|shift|swap|change|reschedule) (?:my |our |the )?" + _DAY_OBJ
    + r"(?=\s*(?:$|[,.!?;]|(?:to|for|back|forward|please|pls|plz|if|as|because|cos|sorry|instead|appointment|appt|session|sesh|slot)\b))",
    r"cancel (?:me|us|him|her) (?:for|on) \w+|(?:skip|miss|cancel) (?:this|next) week'?s (?:\w+ )?(?:session|sesh|appointment|appt|slot)",
    r"(?:squeez(?:e|es|ing)|fit(?:s|ting)?|slot(?:s|ting)?|pop(?:s|ping)?|get(?:s|ting)?) (?:me|us|him|her|them|my \w+) in (?:for|with|on|this|next|before|after|sooner|earlier|asap|today|tomorrow)",
    r"(?:can|could) (?:i|we|my \w+|he|she|they) (?:come in|start (?:with|seeing)|get in with|see) (?:dr\.? )?(?:[a-z]+ )?(?:a bit |a little |slightly )?(?:earlier|later|sooner|next|this|" + _WHEN + r")",
    r"(?:running|i'?m|i am|i'?ll be|will be|be) (?:\w+ ){0,3}late for (?:my|our|the|today'?s|this) (?:\w+ )?" + _APPT,
    r"sorry (?:i|for|about) (?:missed|missing|not making|couldn'?t make|can'?t make|won'?t make) (?:it )?(?:last (?:week|time|session)|today|yesterday|(?:on )?" + _DAY
    + r"|my " + _APPT + r"|our " + _APPT + r")",
    r"(?:tell|let) (?:dr\.? )?[a-z]+ (?:know )?(?:that )?i (?:can'?t|cannot|won'?t|will not|am not able to|can not) (?:make|come|attend|be there|get there)",
    r"(?:book (?:me|us|him|her|them|my \w+) (?:in )?for|book(?! (?:for|on|about|from|of|by|in|to|with|club|group|shop|list|token)\b)|sign (?:me|us|him|her|them|my \w+) up for|enrol+ (?:me|us|him|her)|reserve|put (?:me|us|him|her) down for|pop (?:me|us|him|her) (?:down|in) for) "
    r"(?:a |an |the |some |my |our |\d |two |three )?(?:[\w-]+ ){0,2}(?:therapy|counsell?ing|workshop|group|course|class|places|place|spots?|taster)",
    r"(?:get|put|add) (?:me|us|him|her|them|my \w+) (?:on|onto|on to|to) (?:the|your|a) (?:\w+ )?(?:list|waiting list|waitlist|wait list|cancell?ation list)",
    r"(?:how (?:do|can|would) i|can i|could i|(?:if|whether) (?:i|we) (?:can|could|may)|i'?d like to|i want to|i need to|want to|like to|possible to|way to|able to|can we|could we|can you|please can i|please could i) (?:\w+ ){0,2}(?:book|rebook|cancel|reschedule|move|change|switch|pause|stop|swap|get|have|make|arrange|start)\b(?: \w+){0,4} " + _APPT,
    r"(?:book|booking|rebook|cancel|cancell?ing|reschedule|rescheduling|move|moving|pause|pausing|stop|stopping|switch|switching) (?:my|our|the|an?|his|her|thursday'?s|tomorrow'?s|today'?s|next|this) (?:\w+ ){0,2}" + _APPT,
    r"(?:any|have any|got any|what) (?:openings|availability|spaces|slots|appointments|free slots)",
    r"(?:taking|accepting) (?:on )?new (?:clients|patients|referrals)",
    r"how long is the (?:wait|waiting list|waitlist)|(?:is there|what'?s the) (?:a )?(?:wait|waitlist|waiting list) (?:for|like)|wait for (?:a|an|the) (?:first )?(?:appointment|assessment|session)",
    r"how much (?:is|does|do|for|are|would)(?: (?:a|an|one|each|it|the|your))? ?(?:session|sessions|appointment|assessment|therapy|cost|charge)?",
    r"(?:is it|are they|are sessions|is that) [£$€]\d+|[£$€]\d+ for (?:online|a session|an hour|sessions)",
    r"do (?:you|u|ya) (?:bulk[- ]?bill|do bulk[- ]?billing|offer bulk[- ]?billing|do after[- ]hours|do (?:late|early) (?:appointments|sessions|ones)|work (?:weekends|saturdays|evenings|after[- ]hours))",
    r"(?:i'?ll|i will|i'?m|i am|gonna|going to) (?:be )?(?:running )?(?:about |around |a (?:bit|few mins?|little) )?(?:\d+ ?(?:mins?|minutes) )?late (?:today|tonight|this (?:morning|afternoon|arvo|evening)|tomorrow|tmrw)",
    r"do you (?:take|accept) (?:insurance|\w+ insurance|aetna|bupa|axa|vitality|cigna|medicare|medicaid|\w+)",
    r"reduced[- ]fee (?:place|places|spot)",
    r"(?:miss|missed|won'?t make|can'?t make|cant make|will miss|running late for|late for) (?:it to )?(?:my|our|today'?s|the) " + _APPT,
    r"(?:ring|call|phone|message|email|get back to) (?:me|us) (?:back )?about (?:my|our|a|the) " + _APPT,
    r"(?:message|get back to) me (?:back )?about (?:booking|an appointment)",
    r"(?:need|do i need) (?:a )?(?:gp )?referral|what'?s the next step|what is the next step",
    r"(?:do you|can you) (?:do|offer|provide|have) (?:online|in[- ]person|therapy|sessions|couples|family|evening|weekend|home visits|therapy in|counsell?ing in)",
    r"(?:bring|come with) (?:my )?(?:husband|wife|partner|mum|dad|son|daughter|friend) to my",
    r"(?<!can't )(?<!cant )(?<!cannot )(?<!nobody can )(?<!no one can )(?<!never )(?<!impossible to )(?:get|book) (?:in|a slot|an appointment)(?: asap| soon| next week| this week)?",
    r"let my (?:therapist|counsell?or) know",
    r"(?:forgot|meant|wanted|didn'?t get) to ask (?:in|during|at|after)? ?(?:my |our |the |today'?s )?(?:session|appointment)",
    r"my (?:next )?(?:session|appointment|appt) (?:is|on|at) (?:on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|today|next)(?! (?:was|went|really|helped|felt|made|left|got|were|had)\b)",
    r"(?:session|sessions|therapy|treatment|therapist|counsell?or)\b[^.?!]{0,80}[.?!,]? (?:is (?:it|this|that) normal|should i|do i need to|am i supposed to)",
    r"emailed (?:last week|yesterday|on \w+) (?:to ask )?about (?:moving|changing|booking|my)",
    r"(?:won'?t|can'?t|cant|cannot|not going to|unable to|not able to) (?:make|attend|come to|get to) (?:it )?(?:to )?(?:my|our|the|today'?s|tomorrow'?s|next|this) (?:\w+ )?" + _APPT,
)
# Scheduling vocabulary that is also used in complaints and comments ("the waiting list is a joke",
# "they rescheduled me three times"): only a booking when its sentence asks or requests something.
FRAMED = rx(
    r"(?:drop|go|move|switch|change|cut) (?:down |back |up )?to (?:fortnightly|weekly|monthly|every other week)(?! (?:meetings|visits|shops?|deliveries|calls)\b)",
    r"cancell?ation (?:fee|fees|policy|charge)",
    r"(?:evening|weekend|saturday|sunday|morning|online|emergency|urgent|first|earlier|later) (?:appointment|session|slot|appt)s?",
    r"(?:switch|change|move) (?:me )?(?:from|to) (?:dr\.? \w+|another|a different|someone else|a (?:male|female|new))",
    # Frames: a scheduling word (day, time, slot) inside a question or request to the practice.
    r"(?:have|got) (?:you |u |you guys |u guys )?(?:anything|any ?thing|any(?:one)?|something|space|room|availability|a (?:gap|space|spot|slot)) (?:free |available |left )?(?:for (?:me|us|him|her|them|my \w+) )?(?:on|for|this|next|after|before|in the|at) (?:" + _WHEN + r")",
    r"(?:any|is there|are there) (?:availability|space|spaces|room|openings?|gaps?|spots?|chance of (?:a|an|getting)) (?:\w+ )?(?:on|for|after|before|at|in|this|next) (?:" + _WHEN + r")",
    r"(?:reschedul\w*|rebook\w*|re-book\w*|rearrange (?:it|my|our|the|this|that|for)|can we rearrange|re-?arrange\??$)",
    r"(?:move|moving|push|pushing|bring|bringing|shift|shifting|swap|swapping|change|changing) (?:my|our|the|this|today'?s|tomorrow'?s|(?:" + _DAY + r")'?s) (?:\w+ )?(?:\d{1,2}(?::\d\d)? ?(?:am|pm)?|session|appointment|appt|slot|booking)",
    r"(?:running|am|i'?m|be|will be) (?:about |around |a (?:bit|few mins?|little) )?(?:\d+ ?(?:mins?|minutes) )?late(?: for| to)? (?:for )?(?:my|the|today|our|\d)",
    r"let (?:dr\.? \w+|my (?:therapist|counsell?or)|\w+) know (?:i'?m|i am|i'?ll|i will|i can'?t|i won'?t)",
    r"(?:waiting (?:time|list|times)|waitlist|wait list|cancell?ation list|next intake|intake for)",
    r"am i (?:definitely |still |actually )?(?:in|booked in|booked|down|on) for|my \d{1,2}(?::\d\d)? ?(?:am|pm)?(?: \w+)? (?:is |'s )?still on",
    r"is (?:dr\.? )?[a-z]+ (?:free|available|around|in|about|working) (?:for (?:a |an )?(?:\w+ )?(?:call|chat|session|appointment|consult\w*)|on|this|next|at|tomorrow)",
    r"(?:is|are) (?:it|my|our|we|that) (?:still )?(?:on|booked|confirmed) for|(?:appointment|booking|session) (?:confirmation|reminder|letter|time)",
    r"what (?:are|is|would) (?:your|the) (?:fees?|prices?|rates?|costs?|charges?)(?: be)?|what would (?:it|that|the \w+) cost|(?:your|the) (?:fees|prices|rates) (?:for|per)",
    r"(?:do|can|would|will) (?:you|u|ya|y'all|you guys) (?:see|do|offer|treat|work with|take|have|provide) (?:\w+ )?(?:phone|video|zoom|telehealth|remote|online|face[- ]to[- ]face|in[- ]person|teenagers|teens|children|kids|adults|couples|families|under[- ]?\d+s?|\d+ year olds?|evening|weekend|group|home) ?(?:sessions?|appointments?|therapy|counsell?ing|calls?)?",
    r"(?:how|when) (?:do|can|would|should) i (?:join|sign up|register|enrol+|apply|get (?:on|onto) (?:the|a))",
    r"(?:call|ring|phone|text|email|message|contact) me (?:back )?(?:to|about|so (?:i|we) can) (?:book|rebook|reschedul\w*|cancel|arrange|sort|discuss)",
)
# Concepts: anything about getting, paying for, moving or waiting for an appointment. Only a booking
# when its sentence asks or requests something (see find); in a statement it is usually a complaint.
APPOINTMENT_CONCEPT = rx(
    r"appointments?|appts?|sessions?(?! (?:photo|pic|picture|recording|slides|video|notes|was|were))|slots?|consult(?:ation)?s?|assessments?|bookings?|book (?:in|a|an|my|him|her|me|them|us|someone)|rebook",
    r"waiting ?list|wait ?list|cancell?ation list|the wait\b|(?:how|what) (?:\w+ ){0,2}(?:wait|long until)|intakes?|referrals?|refer (?:my|me|him|her|them)|self[- ]refer\w*|get (?:a|an) date",
    r"(?:any|have you|do you have|is there|are there|got) (?:\w+ )?(?:availability|openings?|spaces?|spots?|gaps?)|(?:have|got) (?:you )?anything (?:free|available|on|in|this|next|for (?:me|us))",
    r"new (?:clients|patients|referrals)|fit (?:me|us|him|her|them) in|see (?:me|us|him|her|them|someone)|be seen|get seen|sign up for (?:therapy|counsell?ing|sessions)|start(?:ing)? (?:therapy|counsell?ing|sessions)",
    r"(?:your|the|what|what'?s the|what is the|what are the|what are your) (?:\w+ ){0,2}(?:fees?|prices?|costs?|charges?|rates?)(?! (?:of living|crisis))|(?:fee|price|cost|charge|rate)s? (?:for|of|per) (?:a |an |the |one |each |your |\w+ )?(?:session|appointment|assessment|therapy|counsell?ing|hour|consult\w*|follow)",
    r"(?:do|would|will) you charge|what do you charge|how much (?:is|are|do|does|would|will|for|to|per)\b|[£$€]\d+ (?:for|per|a) |(?:is it|are they|it'?s) [£$€]\d+|[£$€]\d+ or [£$€]\d+",
    r"sliding scale|upfront|up front|pay per|block booking",
    r"in[- ]network|out[- ]of[- ]network|co-?pays?|deductible|bulk[- ]?bill\w*|gap (?:fee|payment)|rebates?|mental health (?:care |treatment )?plan|southern cross|medibank|hcf|nib|vhi|laya|"
    r"covered (?:by|under|on) (?:acc|medicare|medicaid|insurance|my|the|your|\w+ insurance)|get booked(?: in)?|booked in with|"
    r"(?<!life )(?<!car )(?<!travel )(?<!pet )(?<!home )(?<!house )(?<!contents )insurance|insurer|aetna|bupa|axa|vitality|cigna|medicare|medicaid|eap|cover (?:the |my |his |her )?(?:sessions?|counsell?ing|therapy|treatment|costs?|it)|covers? (?:sessions?|counsell?ing|therapy)",
    r"cancel\w*|reschedul\w*|rearrange\w*|postpone\w*|(?:move|change|swap|switch) (?:my|our|the|to)|home visits?|video (?:sessions?|calls?|appointments?)|telehealth",
    r"(?:ring|call|phone|email|get back to) (?:me|us) (?:back )?(?:re|about|regarding)|re my appt",
    r"(?:how do i|how can i|can i|could i|i want to|i'?d like to) (?:sign up|get started|start|register|join|enrol+)(?! (?:with|on|for) (?!you\b|therapy|counsell?ing|sessions?|the)\w)",
)
# Chasing an appointment or referral without a question mark ("still waiting to hear about my intake").
CHASING = rx(
    r"(?<!while )(?<!whilst )(?<!was )(?<!were )(?<!when )(?:still )?(?:waiting|wait) (?:to hear|for (?:a|an|my|the)|on) (?:\w+ ){0,3}(?:appointment|assessment|referral|intake|call ?back|date|letter)",
    r"(?:heard nothing|not heard (?:back|anything)|haven'?t heard (?:back|anything)|no one (?:has )?(?:called|rung) (?:me )?back)",
)
_CHASE_TOPIC = re.compile(r"\b(?:appointment|appt|assessment|referral|referred|intake|session|waiting list|waitlist)")


# A question or a request: a question mark, or the words people use to ask.
_REQUEST = re.compile(
    r"\?|\b(?:please|pls|plz|can (?:i|we|you|u|someone|somebody|anyone)|could (?:i|we|you|u|someone|somebody)|i (?:need|want|would like)|i'?d (?:like|love)|"
    r"need to|want to|let me know|(?:dm|message|call|ring|email|text) me|is (?:it|there)|are (?:there|you)|do (?:you|u)|any chance|wondering|how (?:do|can|long|much)|when (?:is|are|can|do)|who do i)\b"
)

_QUESTION_START = re.compile(r"\W*(?:hi|hello|hey|hiya)?\W*(?:what'?s|whats|what (?:is|are|do|does|would)|how|when|where|which|who|is|are|do|does|can|could|will|would|any)\b")


# Rhetorical questions in complaints ("what the hell is going on with the appointment system??").
_COMPLAINT = re.compile(r"\b(?:what the (?:hell|heck|f\w*)|wtf|why (?:on earth|the hell|does it take|is it so)|why (?:\w+ )?(?:advertise|advertising|bother|post|posting|promote|brag|boast|claim)|ridiculous|a joke|shambles|heartless|predatory|disgusting|outrageous|appalling|unfair|the worst)\b")
# Asked about the practice in general, not to arrange anything ("asking generally, for a uni project"),
# or how to find information; and a session named only as where someone was met ("from my group session").
_NOT_ARRANGING = re.compile(
    r"\b(?:asking (?:generally|in general|for (?:a|my) (?:\w+ )?(?:project|essay|dissertation|article|research))|just (?:curious|wondering generally)|hypothetically|"
    r"(?:for|doing) (?:a|my) (?:uni|university|school|college|class|research) (?:project|assignment|essay|dissertation)|where (?:can|do|would|could) (?:i|we|you) find)\b"
)
# Said for someone else's list, newsletter or project ("putting together a list of local services",
# "asking for a community group we run"): not arranging anything, whatever the wording before.
_FOR_OTHERS = re.compile(
    r"\b(?:asking (?:for|on behalf of) (?:a|an|our|my|the) (?:[\w']+ ){0,2}(?:project|group|charity|newsletter|directory|church|school|class|article|podcast|research)|"
    r"(?:putting together|compiling|making|updating|writing) (?:a|an|our|my) (?:\w+ ){0,3}(?:list|guide|directory|leaflet|article|resource|map)|"
    r"for (?:a|an|our|my|the) (?:[\w']+ ){0,2}(?:newsletter|directory|leaflet|resource list|project|dissertation|assignment)|(?:we'?d|i'?d) like to (?:share|pass on) (?:the|this) info)\b"
)
# Whether therapy works, not arranging it: "are online sessions as effective as in person?".
_HOW_GOOD = re.compile(r"\b(?:as (?:effective|good|helpful|useful) as|more (?:effective|helpful) than|(?:actually|really) work|worth it)\b")
# Asking other visitors, not the practice ("anyone know if the NHS self-referral is open?", "anyone else's kid go to her?").
_ASKS_OTHERS = re.compile(r"\b(?:anyone|anybody|does anyone|has anyone)(?: else(?:'s)?)? (?:know|knows|been|tried|go|goes|gone|went|use|used|had|have|recommend|tell|advise|confirm|\w+ go)\b")
_TO_THE_PRACTICE = re.compile(r"\b(?:you|your|u|ur|yous|youse|y'all|you guys)\b")
# A session named as when something happened ("in our very first session"): telling, not arranging.
_DURING = re.compile(r"\b(?:in|during|at|since) (?:our|my|the|that|this) (?:very )?$")
_NOT_ABOUT_BOOKING = rx(r"(?:newsletter|mailing list|email list|updates|blog)\b")
_MET_AT = re.compile(r"\bfrom (?:my|our|the|that) (?:[\w-]+ ){0,2}$")


# All three groups in one pass (see patterns.GroupScan).
_SCAN = GroupScan({"booking": BOOKING, "framed": FRAMED, "concept": APPOINTMENT_CONCEPT})


def _not_arranging_here(folded: str, start: int, s: int, e: int) -> bool:
    """A scheduling word in a sentence that tells of a past session ("in our very first session"), asks
    whether therapy works, or asks other visitors rather than the practice."""
    return bool(
        _DURING.search(folded, max(0, start - 30), start)
        or _HOW_GOOD.search(folded, s, e)
        or (_ASKS_OTHERS.search(folded, s, e) and not _TO_THE_PRACTICE.search(folded, s, e))
    )


def find(norm: Normalised) -> list[Hit]:
    folded = norm.folded
    found = _SCAN.scan(folded)
    spans = [m.span() for m in found["booking"]]
    for m in found["framed"]:
        s, e = sentence_bounds(folded, m.start(), m.end())
        if _COMPLAINT.search(folded, s, e) or _NOT_ABOUT_BOOKING.search(folded[m.end():e]) or _not_arranging_here(folded, m.start(), s, e):
            continue
        if _QUESTION_START.match(folded, s) or _REQUEST.search(folded, s, min(len(folded), e + 1)):
            spans.append(m.span())
    for m in found["concept"]:
        s, e = sentence_bounds(folded, m.start(), m.end())
        if _COMPLAINT.search(folded, s, e) or _MET_AT.search(folded, max(0, m.start() - 30), m.start()) or _not_arranging_here(folded, m.start(), s, e):
            continue
        if _QUESTION_START.match(folded, s) or _REQUEST.search(folded, s, min(len(folded), e + 1)):
            spans.append(m.span())
    if not spans and (found["framed"] or found["concept"]):  # a rejected framed match may hide an overlapping plain one
        spans = [m.span() for m in BOOKING.finditer(folded)]
    if not spans and _CHASE_TOPIC.search(folded):
        spans += [m.span() for m in CHASING.finditer(folded)]
    if not spans or (_NOT_ARRANGING.search(folded) and not found["booking"]) or _FOR_OTHERS.search(folded):
        return []
    return [Hit("booking", "booking.appointment_request", "Someone is trying to book, change or discuss appointments in public.", spans)]
