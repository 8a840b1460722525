"""Review solicitation in the practice's own posts: asking people to rate, review, recommend or
publicly tell their story of the practice, or rewarding them for it.

The idea is a request for public praise of the practice; private feedback forms, thanks for kind
words and questions about anything else ("what helps you unwind?") are not it.
"""

from __future__ import annotations

import re

from monitor.checks.posts.rules import rx

# The things asked for, with their common misspellings.
_REVIEW_NOUN = r"(?:reviews?|reveiws?|reviws?|revews?|ratings?|testimon\w*|testamon\w*|stars?)"
_PLATFORM = r"google(?: maps| business)?|trustpilot|yelp|facebook|tripadvisor|psychology today|healthgrades|zocdoc|doctify|iwantgreatcare|nextdoor|linkedin"
REVIEW = rx(
    r"(?:leave|write|post|give|drop|add|share|send)(?: us| me)?(?: (?:a|an|your))?(?: quick| short| honest| few| 5[- ]star| five[- ]star)? (?:" + _REVIEW_NOUN[3:-1] + r"|recommendations?|words from)",
    r"(?:rate|review|recommend|vouch for|rave about|big up) us",
    r"(?:5|five)[- ]stars?|⭐{3,}",
    r"testimon\w*|testamon\w*|reveiws?",
    r"share your (?:success )?(?:story|stories|experience|journey|results)(?: of| with| about| on)?",
    r"tell (?:us|everyone|the world|others)(?: in the comments)? (?:how|what|about) (?:\w+ ){0,4}(?:helped|changed|experience)",
    r"let the world know|spread the word about (?:us|our (?:team|practice|clinic|service|therapists))",
    r"(?:reach|get to|hit) \d+ (?:reviews|ratings|stars)",
    r"(?:comment|reply|type) ['\"]?\w+['\"]? (?:below )?if (?:\w+ ){0,4}(?:helped|changed|worked)",
    r"(?:drop|leave|write) a comment (?:below )?about your (?:experience|time|journey)",
    r"(?:tag|tagging) (?:us|#\w+)(?: in)?(?: your)?(?: (?:story|stories|success|results|journey|progress))|by tagging #\w+",
    r"(?:if (?:we|our \w+(?: \w+)?) (?:have |has )?helped you|happy with (?:your|our) \w+|had a (?:great|good|positive) experience)",
    # Frames: a review platform named with a review word; a review asked for with any adjective;
    # people asked to tell others or rate how their therapy went.
    r"(?:" + _PLATFORM + r")(?: business| maps)?(?: page| listing)? (?:reviews?|ratings?|feedback|stars?)|(?:reviews?|ratings?|feedback|rate us|say so|vote for us|stars?|(?:kind |good |nice |few )?words?|shout ?outs?) (?:\w+ ){0,2}(?:on|at|via) (?:our )?(?:" + _PLATFORM + r")",
    r"(?:a|an|your|quick|short|honest|few|kind) (?:\w+ )?(?:review|rating|testimonial)s?(?: (?:would|will|really|means?|helps?|on))",
    r"(?:rate|rank|score|review|vote for) (?:us|your (?:therapist|counsell?or|practitioner|sessions?|experience)|our (?:team|practice|clinic|therapists|service))",
    r"(?:tell|show|let) (?:us|everyone|the judges|others|people|your (?:friends|followers)|the world)(?: \w+){0,3} (?:how|what|why) (?:\w+ ){0,5}(?:went|did for you|helped|changed|worked|felt|was like)",
    r"(?:write|send|record|post|share)(?: in| over)? (?:us )?(?:a (?:few|couple of) (?:lines|words)|an? (?:\w+ )?(?:video|photo|post|story|clip|reel)) (?:\w+ ){0,4}(?:about|telling|on|of) (?:\w+ ){0,3}(?:experience|therapy|sessions?|time with us|how|progress|journey|story|recovery|results)",
    r"(?:give|leave|drop|send) us (?:a )?(?:thumbs up|like|shout ?out|heart)|(?:vote for us|nominate us)",
)
REVIEW_CONCEPT = rx(
    r"(?:share|tell|post|send|write|record|tag)(?: us| them| it| a friend| your friends)?(?: about| with| on)? (?:your|you) (?:own )?(?:[\w-]+ ){0,2}(?:story|stories|journey|experience|wins?|progress|glow|results?|words|thoughts)",
    r"we(?:'ll| will| might| may| would love to| could| can) (?:re)?(?:post|share|feature) (?:it|you|them|yours|your)|feature (?:your|you|client|clients'?|customers'?)(?:'s)?(?: \w+)? ?(?:stories|testimon\w*|journeys?|reviews?|wins)?|#my\w*story",
    r"endorse (?:us|our \w+)|(?:pop|give|leave|drop) us (?:a|an|some|your) (?:\w+ ){0,2}(?:rating|review|stars?|feedback)|star rating",
    r"(?:nominate|vote for) (?:us|our \w+)|tag (?:a friend|someone|your friends) who (?:\w+ ){0,4}(?:benefit|needs?|help)",
    r"reviews? (?:wanted|needed|please)|(?:pop|post|leave|share|drop|put) your (?:thoughts|feedback|experiences?|reviews?|wins) (?:on|at|below|in the comments|under)|leav(?:e|ing) (?:us )?a (?:public |quick |short )?review",
    r"(?:comment|tell us|let us know|share) (?:below )?(?:what|how) (?:therapy|counselling|working|your sessions?|our team|we)(?: with us)? (?:\w+ ){0,3}(?:done|did|changed|helped)|nominate (?:them|your (?:therapist|counsell?or))",
)

# Round 5 frames. A rating of the practice on a scale or in the replies ("score your counsellor out of 10").
_OURS = r"(?:us|(?:your|our|the) (?:\w+ ){0,2}(?:therapist|counsell?or|practitioner|sessions?|experience|time with us|team|visit|appointment|workshop|course|clinic|practice))"
RATING = rx(
    r"(?:rate|score|grade|mark|rank|give) " + _OURS + r"(?: \w+){0,4} (?:out of|from \d|\d+ ?(?:-|to|/) ?\d+|in the (?:comments|replies)|below|stars?)",
    r"(?:how many|what) (?:stars?|points?|marks?|score|rating)(?: \w+){0,4} (?:give|rate|score) " + _OURS,
    # A heart, star or word "below if we helped".
    r"(?:comment|drop|pop|leave|post|type|reply(?: with)?|add|send)(?: us)?(?: (?:a|an|one|some|your))? \S{1,12}(?: (?:below|here|in the comments|in the replies))? if (?:\w+ ){0,5}(?:helped|made a (?:\w+ )?difference|changed|supported|got you through|been there|worked)",
    # A reward for a review, either way round ("every review enters you into a draw", "win a voucher by leaving a review").
    r"(?:(?:a|an|your|every|each|honest|google|facebook|\d[- ]star|five[- ]star) (?:\w+ )?reviews?|reviews? us|reviews|testimon\w*|ratings?)\b[^.!?]{0,80}?\b(?:win|wins|prize|draw|raffle|giveaway|free|voucher|discount|\d+ ?% off|off your|entered|entry|hoodie|tote|gift)\b",
    r"(?:win|prize|draw|free|discount|voucher|% off)\b[^.!?]{0,60}?\b(?:by|when|if|for) (?:\w+ ){0,3}(?:leaving|writing|posting|giving|reviewing|rating|sharing)(?: us)? (?:a |an |your )?(?:\w+ )?(?:review|rating|testimon\w*|stars?|story)",
)
# Public praise: the reader's experience of the practice, asked for in public ("what has changed since you
# started seeing us? tell everyone in the comments"). The two halves may sit in neighbouring sentences.
ABOUT_US = rx(
    r"(?:your|a|any) (?:\w+ ){0,2}(?:experience|time|sessions?|journey|progress|story|results?|therapy|counsell?ing|visit|breakthrough|wins?|changes?)(?: \w+){0,2} (?:with us|at \w+|here|thanks to us)",
    r"(?:with|seeing|since you (?:started|began) (?:seeing|working with|coming to)) (?:us|our (?:team|therapists?|counsell?ors?|practice|clinic))",
    r"(?:therapy|counsell?ing|sessions?|working|time) with (?:us|our \w+)",
    r"your (?:therapist|counsell?or|last session|practitioner)|describe (?:your|us|our)",
    r"(?:we|our (?:team|therapists?|counsell?ors?|practice|clinic)) (?:have |has )?(?:helped you|made a (?:\w+ )?difference|changed your)",
    r"thanks to (?:us|our (?:team|therapists?|counsell?ors?|practice|clinic|sessions?))",
)
PUBLIC_REPLY = rx(
    r"(?:comment|answer|reply|respond|tell us|let us know|share|drop|pop|post|describe|rate|score|type|write|say|shout|rave|brag|gush)(?: \w+){0,8} (?:below|in the (?:comments|replies|comment section))",
    r"(?:tell|show|let) (?:everyone|the world|others|people|your followers)|(?:comment|answer|reply) (?:below|here)",
)
_NEAR = 150


def public_praise(folded: str, affirmed_sentence) -> list[tuple[int, int]]:
    """A rating or reward frame, or a public reply asked for near the reader's experience of the practice."""
    spans = affirmed_sentence(folded, RATING)
    if spans:
        return spans
    replies = affirmed_sentence(folded, PUBLIC_REPLY)
    if not replies:
        return []
    about = affirmed_sentence(folded, ABOUT_US)
    near = [a for a in about if any(abs(a[0] - r[0]) <= _NEAR for r in replies)]
    return near + replies if near else []
