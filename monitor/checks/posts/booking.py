"""Booking: people trying to book, cancel, move or discuss appointments in public comments.

Low severity: the answer is a friendly reply pointing to the proper channel (configured text).
"""

from __future__ import annotations

from monitor.checks.posts.normalise import Normalised
from monitor.checks.posts.rules import Hit, rx

_APPT = r"(?:appointment|appt|session|sessions|slot|slots|consultation|consult|assessment|booking|therapist|counsell?or|\d{1,2}(?::\d\d)? ?(?:am|pm)|\d{1,2}(?:am|pm))"
BOOKING = rx(
    r"(?:how (?:do|can|would) i|can i|could i|i'?d like to|i want to|i need to|want to|like to|possible to|way to|able to|can we|could we|can you|please can i|please could i) (?:\w+ ){0,2}(?:book|rebook|cancel|reschedule|move|change|switch|pause|stop|swap|get|have|make|arrange|start)\b(?: \w+){0,4} " + _APPT,
    r"(?:book|booking|rebook|cancel|cancell?ing|reschedule|rescheduling|move|moving|pause|pausing|stop|stopping|switch|switching) (?:my|our|the|an?|his|her|thursday'?s|tomorrow'?s|today'?s|next|this) (?:\w+ ){0,2}" + _APPT,
    r"(?:any|have any|got any|what) (?:openings|availability|spaces|slots|appointments|free slots)",
    r"(?:taking|accepting) (?:on )?new (?:clients|patients|referrals)",
    r"how long is the (?:wait|waiting list|waitlist)|(?:is there|what'?s the) (?:a )?(?:wait|waitlist|waiting list) (?:for|like)|wait for (?:a|an|the) (?:first )?(?:appointment|assessment|session)",
    r"how much (?:is|does|do|for|are|would)(?: (?:a|an|one|each|it|the|your))? ?(?:session|sessions|appointment|assessment|therapy|cost|charge)?",
    r"(?:is it|are they|are sessions|is that) [£$€]\d+|[£$€]\d+ for (?:online|a session|an hour|sessions)",
    r"do you (?:take|accept) (?:insurance|\w+ insurance|aetna|bupa|axa|vitality|cigna|medicare|medicaid|\w+)",
    r"sliding scale|reduced[- ]fee (?:place|places|spot)|cancellation (?:fee|policy)",
    r"(?:miss|missed|won'?t make|can'?t make|cant make|will miss|running late for|late for) (?:it to )?(?:my|our|today'?s|the) " + _APPT,
    r"(?:ring|call|phone|message|email|get back to) (?:me|us) (?:back )?about (?:my|our|a|the) " + _APPT,
    r"(?:message|get back to) me (?:back )?about (?:booking|an appointment)",
    r"(?:need|do i need) (?:a )?(?:gp )?referral|what'?s the next step|what is the next step",
    r"(?:evening|weekend|saturday|sunday|morning|online|emergency|urgent|first|earlier|later) (?:appointment|session|slot|appt)s?",
    r"(?:do you|can you) (?:do|offer|provide|have) (?:online|in[- ]person|therapy|sessions|couples|family|evening|weekend|home visits|therapy in|counsell?ing in)",
    r"free (?:\d+ ?min(?:ute)?s? )?consultation",
    r"(?:bring|come with) (?:my )?(?:husband|wife|partner|mum|dad|son|daughter|friend) to my",
    r"(?:get|book) (?:in|a slot|an appointment)(?: asap| soon| next week| this week)?",
    r"let my (?:therapist|counsell?or) know",
    r"(?:forgot|meant|wanted|didn'?t get) to ask (?:in|during|at|after)? ?(?:my |our |the |today'?s )?(?:session|appointment)",
    r"my (?:next )?(?:session|appointment|appt) (?:is|on|at) (?:on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|today|next)",
    r"(?:session|sessions|therapy|treatment|therapist|counsell?or)\b[^.?!]{0,80}[.?!,]? (?:is (?:it|this|that) normal|should i|do i need to|am i supposed to)",
    r"emailed (?:last week|yesterday|on \w+) (?:to ask )?about (?:moving|changing|booking|my)",
)


def find(norm: Normalised) -> list[Hit]:
    spans = [m.span() for m in BOOKING.finditer(norm.folded)]
    if not spans:
        return []
    return [Hit("booking", "booking.appointment_request", "Someone is trying to book, change or discuss appointments in public.", spans)]
