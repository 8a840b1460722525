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
_PLATFORM = r"google(?! (?:forms?|docs?|meet|drive|calendar|sheets|classroom))(?: maps| business)?|trustpilot|yelp|facebook|tripadvisor|psychology today|healthgrades|zocdoc|doctify|iwantgreatcare|nextdoor|linkedin|bing"
# Sites people go to only to read or write reviews: a link or QR code to one is a request for a review.
_REVIEW_SITE = r"google (?:page|listing|profile|business|maps)|trustpilot|yelp|tripadvisor|healthgrades|zocdoc|doctify|iwantgreatcare"
# A review someone writes (not "stars", which are also given for other things).
_WRITTEN_REVIEW = r"(?:reviews?|reveiws?|reviws?|revews?|ratings?|testimon\w*|testamon\w*)"
# "a review of the research" is reading, not praise.
_NOT_OF_RESEARCH = r"(?! of (?:the |a |recent |new )?(?:research|evidence|literature|studies|study|guidance|data|book|film))"
REVIEW = rx(
    r"(?:leave|write|post|give|drop|add|share|send)(?: us| me)?(?: (?:a|an|your))?(?: quick| short| honest| few| 5[- ]star| five[- ]star)? (?:" + _REVIEW_NOUN[3:-1] + r"|recommendations?|words from)",
    # Any one word before the review ("a kind review", "a 5⭐ review"), but not a review OF research.
    r"(?:leave|write|post|give|drop|add|share|send|submit|pop)(?: us| me)? (?:a|an|your|one|some)(?: (?:few|couple of))?(?: [\w*⭐-]+)? " + _WRITTEN_REVIEW + _NOT_OF_RESEARCH,
    r"(?:leave|write|post|drop|add|pop|put)(?: us)? (?:one|some|a few|a couple)(?: \w+){0,2} (?:on|at|via) (?:our |the |his |her )?(?:" + _PLATFORM + r")",
    r"(?:rate|review|recommend|vouch for|rave about|big up) us|(?:reviewing|rating|raving about) us",
    r"(?:rate|rated|rating|review|reviewed|score|scored|star|starred) (?:it|this|them|the \w+|your (?:\w+ ){0,2}(?:experience|sessions?|time|therapist|counsell?or|visit|course|workshop|practitioner)) (?:\w+ )?(?:on|at|via) (?:our |the |his |her )?(?:page|profile|listing|" + _PLATFORM + r")",
    # What the reader's reviews do for the practice: "your stars on our page make a real difference"
    # (not thanks for them: "thank you for your reviews, they mean a lot").
    r"(?<!for )(?<!for all )(?<!for the )your (?:\S+ ){0,2}?(?:reviews?|ratings?|stars?|testimonials?)(?: \S+){0,4} (?:make|makes|mean|means|help|helps|go|goes) (?:a (?:\w+ )?(?:difference|lot)|the world|so much|such a|all the|a long way|us|others|new|more)",
    r"(?:5|five)[- ]stars?|(?:5|five) ?⭐|⭐{3,}",
    r"testimon\w*|testamon\w*|reveiws?",
    r"share your (?:success )?(?:story|stories|experience|journey|results)(?: of| with| about| on)?",
    r"tell (?:us|everyone|the world|others)(?: in the comments)? (?:how|what|about) (?:\w+ ){0,4}(?:helped|changed|experience)",
    r"let the world know|spread the word about (?:us|our (?:team|practice|clinic|service|therapists))",
    r"(?:reach|get to|hit) \d+ (?:reviews|ratings|stars)",
    r"(?:comment|reply|type) ['\"]?\w+['\"]? (?:below )?if (?:\w+ ){0,4}(?:helped|changed|worked)",
    r"(?:drop|leave|write) a comment (?:below )?about your (?:experience|time|journey)",
    r"(?:tag|tagging) (?:us|#\w+)(?: in)?(?: your)?(?: (?:story|stories|success|results|journey|progress))|by tagging #\w+",
    r"(?:tag|mention) us in (?:a|an|your) (?:\w+ )?(?:story|post|reel|video|photo|tweet|selfie)(?: \w+){0,2} (?:(?:about|of|on|sharing|showing) (?:your|how) (?:\w+ ){0,2}(?:therapy|journey|progress|recovery|experience|sessions?|time with us|story|results?|wins?)|with #\w*(?:healed|story|stories|journey|recovery|wins?|success|transformation|progress|review))",
    r"(?:if (?:we|our \w+(?: \w+)?) (?:have |has )?helped you|happy with (?:your|our) \w+|had a (?:great|good|positive) experience)",
    # Frames: a review platform named with a review word; a review asked for with any adjective;
    # people asked to tell others or rate how their therapy went.
    r"(?:" + _PLATFORM + r")(?: business| maps)?(?: page| listing)? (?:reviews?|ratings?|feedback|stars?)|(?:reviews?|ratings?|feedback|rate us|say so|vote for us|stars?|write (?:about )?(?:it|us|something)|(?:kind |good |nice |few )?words?|shout[- ]?outs?) (?:\w+ ){0,4}(?:on|at|via) (?:our |his |her |their |the )?(?:" + _PLATFORM + r")",
    r"(?:a|an|your|quick|short|honest|few|kind) (?:\w+ )?(?:review|rating|testimonial)s?(?: (?:would|will|really|means?|helps?|on))",
    # A review wished for further on ("a review about your time with Priya would help others").
    r"(?:a|an|any|some|few|quick|short|honest|kind|public|online|google) (?!(?:annual|progress|case|care|treatment|medication|clinical|risk|policy|final|mid\w*|session) )(?:\w+ )?(?:review|rating|testimonial)s? (?!of )(?:\w+ ){0,5}(?:(?:would|will|could|means?|helps?|makes?) (?:\w+ ){0,2}(?:help|mean|make|support|world|lot|difference|day|week)|goes? a long way|helps? (?:us|others|other \w+|small \w+|so much|more than))",
    r"(?:rate|rank|score|review|vote for) (?:us|your (?:therapist|counsell?or|practitioner|sessions?|experience)|our (?:team|practice|clinic|therapists|service))",
    r"(?:tell|show|let) (?:us|everyone|the judges|others|people|your (?:friends|followers)|the world)(?: \w+){0,3} (?:how|what|why) (?:\w+ ){0,5}(?:went|did for you|helped|changed|worked|felt|was like)",
    r"(?:write|send|record|post|share)(?: in| over)? (?:us )?(?:a (?:few|couple of) (?:lines|words)|an? (?:\w+ )?(?:video|photo|post|story|clip|reel)) (?:\w+ ){0,4}(?:about|telling|on|of) (?:\w+ ){0,3}(?:experience|therapy|sessions?|time with us|how|progress|journey|story|recovery|results)",
    r"(?:give|leave|drop|send) us (?:a )?(?:thumbs up|like|shout[- ]?out|heart)|(?:vote for us|nominate us)",
)
REVIEW_CONCEPT = rx(
    r"(?:share|tell|post|send|write|record|tag)(?: us| them| it| a friend| your friends)?(?: about| with| on)? (?:your|you) (?:own )?(?:[\w-]+ ){0,2}(?:story|stories|journey|experience|wins?|progress|glow|results?|words|thoughts)",
    r"(?:post|share|send)(?: us)? (?:a |an |your )?(?:pic|photo|picture|selfie|video|clip|reel)s? of your (?:\w+ )?(?:progress|journey|results?|wins?|transformation|glow[- ]up)",
    r"we(?:'ll| will| might| may| would love to| could| can) (?:re)?(?:post|share|feature) (?:it|you|them|yours|your)|feature (?:your|you|client|clients'?|customers'?)(?:'s)?(?: \w+)? ?(?:stories|testimon\w*|journeys?|reviews?|wins)?|#my\w*story",
    r"endorse (?:us|our \w+)|(?:pop|give|leave|drop) us (?:a|an|some|your) (?:\S+ ){0,2}(?:rating|review|stars?|feedback)|star rating",
    # Reviews wished for or asked for in other words ("we'd be so grateful for a couple of early reviews",
    # "our biggest ask is a short public review", "talk about it in a review").
    r"(?:we'?d|we would|i'?d|i would) (?:\w+ ){0,2}(?:love|appreciate|be (?:\w+ )?(?:grateful|thankful|delighted|thrilled)(?: for)?) (?:\w+ ){0,4}" + _WRITTEN_REVIEW + _NOT_OF_RESEARCH,
    r"(?:ask|request|favou?r)(?: \w+){0,2} (?:is|:|-) (?:\w+ ){0,4}" + _WRITTEN_REVIEW + _NOT_OF_RESEARCH,
    r"(?:talk|tell|write|say|share|mention|put|describe)(?: \w+){0,3} (?:in|via|with|through) (?:a|an|your) (?:\w+ )?(?:review|rating|testimonial)(?! of)",
    # Where to leave one: a review link or page, or a link or QR code to a review site.
    r"reviews? (?:link|page|qr(?: code)?|url|button)|(?:link|qr(?: code)?|url)(?: \w+){0,5} (?:to|for|on) (?:our |the |his |her )?(?:" + _REVIEW_SITE + r")",
    # Clients' success stories gathered, or answers and stories published on the practice's pages.
    r"(?:collect\w*|gather\w*|looking for|hear|read|see|feature|featuring|seeking|calling for|invit\w+|send|share|welcome) (?:\w+ ){0,3}(?:success|client|recovery|transformation|therapy) stor(?:y|ies)|stories from (?:our |past |former |current )?clients",
    r"(?:chance to|you (?:could|might|may|will|'ll)) (?:be|get) (?:featured|showcased|spotlighted)|(?:be|get) (?:featured|showcased) on our (?:homepage|website|page|feed|instagram|wall|site|socials|stories)",
    r"we(?:'ll| will| might| may| could| can)? (?:re)?(?:post|share|feature|pin|publish|photograph|display|print|showcase) (?:our |the |a few |some )?(?:favou?rites|faves|(?:best|favou?rite|top) (?:ones?|answers?|replies|comments?|stories|story|reviews?))"
    r"|(?:best|favou?rite|top) (?:answers?|replies|comments|stories) (?:will )?(?:go|get|be) (?:on|up on|featured|pinned|shared|posted)",
    r"(?:write|send|leave|pen|jot|post|share|record)(?: us)? (?:a|an|some|a few) (?:\w+ )?(?:notes?|message|card|letter|lines?|words|post|comment|paragraph|video|clip) (?:\w+ ){0,3}(?:how|what|why) "
    r"(?:therapy|counsell?ing|we|us|our \w+|your (?:therapist|counsell?or|sessions?)|(?:\w+ )?sessions?)(?: with us| here)? (?:has |have |really )?(?:helped|changed|supported|did|made|meant)",
    r"(?:nominate|vote for) (?:us|our \w+)|tag (?:a friend|someone|your friends) who (?:\w+ ){0,4}(?:benefit|needs?|help)",
    r"(?:reviews?|ratings?|testimon\w*)(?: \w+){0,2} (?:welcome|welcomed|appreciated|wanted|needed|please|encouraged|gratefully received)|(?:pop|post|leave|share|drop|put) your (?:thoughts|feedback|experiences?|reviews?|wins) (?:on|at|below|in the comments|under)|leav(?:e|ing) (?:us )?a (?:public |quick |short )?review",
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
    r"(?:win|prize|draw|free|discount|voucher|% off)\b[^.!?]{0,60}?\b(?:by|when|if|for|who|that|once|after) (?:\w+ ){0,3}(?:leav(?:e|es|ing)|writ(?:e|es|ing)|post(?:s|ing)?|giv(?:e|es|ing)|review(?:s|ing)?|rat(?:e|es|ing)|shar(?:e|es|ing))(?: us)? (?:a |an |your )?(?:\w+ )?(?:review|rating|testimon\w*|stars?|story)",
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
    # Liking what the practice gave ("Loved your sessions?", "enjoyed the workshop?"), or what it helped with.
    r"(?:loved|enjoyed|liked|valued|love|enjoy|enjoying|loving) (?:your|the|our|this) (?:\w+ ){0,2}(?:sessions?|workshop|course|group|therapy|counsell?ing|time with us|experience|visit|programme|retreat|webinar|class)",
    r"(?:did|have|has) (?:we|our \w+|therapy with us|your sessions?) (?:help|helped|make a difference|made a difference|change|changed)\b|sessions? with (?:dr |our )?\w+|one thing (?!(?:that|which|who|has|have|really|you|i|we)\b)\w+(?: \w+)? (?:has |have )?helped you",
)
PUBLIC_REPLY = rx(
    r"(?:comment|answer|reply|respond|tell us|let us know|share|drop|pop|post|describe|rate|score|type|write|say|shout|rave|brag|gush|hear from you)(?: \w+){0,8} (?:below|in the (?:comments|replies|comment section))",
    r"(?:tell|show|let) (?:everyone|the world|others|people|your followers)|(?:comment|answer|reply) (?:below|here)|tag us",
)
# A review as something written ("left reviews", "a short review"), and where to go to write one: a
# link or QR code, or a target to reach ("can we make it 20 this week?"). Together, in neighbouring
# sentences, they ask for reviews.
REVIEW_WRITTEN = rx(r"(?:a|an|your|one|some|more|few|\d+|left|leave|write|wrote|post|posted|google|online|public|\d[- ]star) (?:\w+ )?" + _WRITTEN_REVIEW + _NOT_OF_RESEARCH)
POINTER = rx(
    r"link(?:'s| is)? (?:in|on) (?:our |the |my )?(?:bio|profile)|link (?:below|above)|link in (?:the )?comments|qr code|(?:tap|click|follow|use) (?:the|this|our) link",
    r"(?:make it|get (?:us )?to|reach|hit|(?:so |really )?close to|almost at|nearly at) \d+|help us (?:get there|reach it|hit it|do it|get to)",
)
_NEAR = 150
_FIRST = 12  # matches of a group read with their sentences: a real post has a handful


class _First:
    """The first few matches of a rule group. Each match is read with its whole sentence, so a long
    text repeating one phrase (hostile or not) would cost the square of its length; a real post
    never needs more than a handful."""

    def __init__(self, group) -> None:
        self.group = group

    def finditer(self, text: str) -> list[re.Match[str]]:
        return self.group.finditer(text)[:_FIRST]


def _near(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of `a` within _NEAR characters of a span of `b`, with those of `b` (empty if none are)."""
    near = [x for x in a if any(abs(x[0] - y[0]) <= _NEAR for y in b)]
    return near + b if near else []


def public_praise(folded: str, affirmed_sentence) -> list[tuple[int, int]]:
    """A rating or reward frame, a review asked for by pointing to where to write it, or a public reply
    asked for near the reader's experience of the practice."""
    spans = affirmed_sentence(folded, _First(RATING))
    if spans:
        return spans
    pointers = affirmed_sentence(folded, _First(POINTER))
    spans = _near(affirmed_sentence(folded, _First(REVIEW_WRITTEN)), pointers) if pointers else []
    if spans:
        return spans
    replies = affirmed_sentence(folded, _First(PUBLIC_REPLY))
    if not replies:
        return []
    return _near(affirmed_sentence(folded, _First(ABOUT_US)), replies)
