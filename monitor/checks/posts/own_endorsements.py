"""Endorsements in the practice's own posts: promoting another business's product or service.

The idea is a commercial tie (sponsored, affiliate, partner, stockist, ambassador, a code or link
that earns the practice something) or a named product recommended with a deal. The practice's own
sessions, workshops and blog, charities it supports and NHS resources are not endorsements; the
configuration can approve named partners.
"""

from __future__ import annotations

import functools
import re

from monitor.checks.posts.rules import rx, sentence_bounds

_PRODUCT = (
    r"(?:supplements?|vitamins?|gummies|capsules|tablets|oils?|cbd|teas?|candles?|bath salts|balms?|sprays?|lamps?|blankets?|journals?|planners?|books?|apps?|rings?|trackers?|"
    r"mattress(?:es)?|pillows?|cushions?|diffusers?|crystals?|powders?|shakes?|protein|nootropics?|ashwagandha|magnesium|melatonin|skincare|creams?|serums?|products?|range)"
)
ENDORSE = rx(
    r"(?:use|with) (?:our )?code|code [a-z0-9]{4,}|\d{1,2} ?% off|discount(?:ed)? (?:code|memberships?|price)",
    r"(?:link|links) in (?:our )?bio (?:to|for) (?:shop|buy|order|download)|shop (?:now|the|our)|grab yours|available (?:on|at) (?:amazon|etsy|\w+\.com)",
    r"(?:sponsor(?:ed|ing|s|ship)?|sponser(?:ed|d|s)?)(?! (?:walk|run|swim|cycle|ride|silence|skydive|challenge|hike|climb|event|page|form|me|us)\b)|paid partnership|in partnership with|partnering with|(?:teamed|team) up with|brand partner|ambassadors? for",
    r"(?:we|our team|the team) (?:absolutely )?(?:love|swear by|recommend|are obsessed with) (?:the |our )?[a-z]+(?: [a-z]+)? (?:oil|blanket|app|supplements?|gummies|capsules|tea|teas|headband|mattress|vitamins|drops)",
    r"(?:download|buy|(?<!in )order|try) (?:it )?(?:now|today)|download (?:[a-z]+ )?(?:now|today|through)|(?:sign up|join) today",
    r"(?:shout-?out|thanks) to [a-z]+ (?:[a-z]+ )?[-—]? ?their",
    r"check out our friends at|our favourite (?:\w+ )?(?:app|brand|product|supplement)",
    # Frames: affiliate/referral links and codes; buying directions; recommending a named product.
    r"(?:referral|affiliate|partner|discount|promo) (?:link|code)s?|discount in (?:our |the )?bio|(?:grab|get|order|buy) (?:one|yours|it|them|a \w+|your (?:\w+ )?cop(?:y|ies)) (?:\w+ ){0,3}(?:link|bio|stories|code)",
    r"(?:can'?t|cannot) recommend (?:\w+ ){1,4}enough|(?:we|our (?:team|clinic|practice|founder|therapists))(?: all)? (?:highly )?(?:recommends?|use|uses|swear by|love|loves|are loving|are obsessed with|tried) (?:the |our |these |this )?[a-z]+(?: [a-z]+){0,3} (?:app|oil|oils|blanket|gummies|spray|sprays|vitamins|supplements?|probiotics|capsules|tea|teas|lamp|lamps|mat|mask|ring|planner|journal|cushion|candles?|premium|range|mattress)",
    r"(?:available|stocked|sold) (?:at|on|from|in) (?:amazon|etsy|boots|holland|superdrug|target|walmart|chemist|[a-z]+ ?& ?[a-z]+)|only brand we trust|(?:#gifted|#ad|\bad \||gifted\b|collab alert)",
)
ENDORSE_CONCEPT = rx(
    r"(?<!a )(?<!your )(?<!my )(?<!their )(?<!his )(?<!her )partner(?:ed|ing|s)? with|(?:official|proud) (?:partners?|ambassadors?|stockists?)|ambassadors|affiliate|commission|storefront|gifted|#ad\b|#sponsored",
    # A named business as "our partner" ("our partner Brightside Coaching can help"), and a cut for the
    # practice ("donates 5% back to us", "we earn a small commission").
    r"our (?:trusted |preferred |official |local |wellness |new |lovely )?partner (?:at |over at )?(?!and |or |organi[sz]ation|charit|school|the nhs|nhs|gp|council|in |account|bank|practice|clinic|therapist|counsell?or|psychologist)[a-z]+",
    r"(?:donates?|gives?|pays?|sends?|passes?) (?:\d+ ?%|a (?:small )?(?:cut|share|portion|percentage|part)) (?:\w+ ){0,4}(?:back )?to (?:us|the practice|our practice)|we (?:get|earn|receive|make) (?:a (?:small |little )?)?(?:commission|cut|share|percentage|kickback)"
    r"|(?:a (?:little|bit|share|cut|portion)|some|\d+ ?%|part) (?:of (?:it|each \w+|every \w+|the \w+) )?goes? (?:back )?to (?:us|the practice|our practice|the clinic)",
    r"tell them we sent you|mention (?:us|our name|this post) (?:for|to get)|(?:with|use|using) our (?:code|link)|our (?:referral|discount|promo) (?:code|link)",
    r"(?:in )?collab(?:oration)? with|(?:shop|buy|order|purchase|grab|pick up|get)(?: \w+){0,2} (?:through|via|using|from|with) (?:our|the|this) (?:\w+ )?link|discount applies|(?:get|buy|order) the same (?:\w+ ){0,3}(?:we use|as us)",
    r"(?<!sort )(?:code|coupon):? [a-z]+\d+[a-z\d]*|(?:link in bio|tap the link|the link below) (?:to |for )(?:buy|order|shop|get)",
    # Round 5: selling another business's products at the practice; income pitches (multi-level marketing).
    r"(?:(?:we|i|reception|our (?:reception|shop|front desk)) (?:now |also )?(?:sells?|stocks?|carry|carries|are (?:now )?(?:selling|stocking|stockists of))|(?:now|proud) (?:selling|stocking|stockists of)|stockists? (?:of|for)) (?:\w+ ){0,3}" + _PRODUCT,
    r"side (?:income|hustle)|extra (?:income|cash|money)|passive income|earn (?:money|extra|while|from home|[£$€]\d)|business opportunity|financial freedom|be your own boss|(?:wellness|online|home) business|six[- ]figures?|become a (?:distributor|consultant|rep|stockist)|distributors? (?:for|with|of)|join (?:her|his|my) team",
)
# A tie to another business (a partner, a favourite, a name to mention, goods sold at reception)...
_BUSINESS = r"(?:partners?|friends|mates|pals|buddies|neighbou?rs) (?:over |down )?at|our (?:pals|friends|neighbours|neighbors) (?:down the road|next door|round the corner|across the road|over the road)|partnered with|official (?:\w+ ){0,2}partners?|next door|treat yourself to"
BUSINESS = rx(_BUSINESS)
TIE = rx(
    _BUSINESS,
    r"(?:our|my|\w+'s|team|staff|office|clinic) (?:new |current |latest )?(?:favourite|fave|favorite|go-to|top pick|must-have)|swear by|obsessed with|loving (?:the|our|this|these)",
    r"mention (?:us|our name|this post|\w+)|say our name|show (?:this|our|your) (?:post|card|appointment card)|you saw (?:this|it|us)|(?:we|\w+) sent you|tell (?:them|the staff|the team)(?: at \w+(?: \w+)?)? (?:you saw|we sent|about)",
)
# ...promoted with a deal for the practice's followers.
DEAL = rx(
    r"\d+ ?% off|discount\w*|special offer|exclusive (?:offer|deal|code|discount)|on offer|on sale|half[- ]price|complimentary|buy one get one|promo|coupon|deal|giveaway|members get|upgrade",
    r"free (?:\w+ ){0,2}(?:upgrade|trial|month|gift|class|sample|entry|delivery|shipping|first|seminar|webinar|masterclass|consultation|consult|quote|tasting)|(?:first|1st) \w+ (?:is )?free|(?:2|two) for (?:1|one)|bogof",
)
_DISCOUNT = re.compile(r"% off|\bcode\b")
_OWN_SERVICE = re.compile(r"\b(?:sessions?|appointments?|consultations?|therapy|counsell?ing|assessments?|workshops?|courses?)\b")


def own_offer(folded: str, span: tuple[int, int]) -> bool:
    """A discount on the practice's own sessions is not an endorsement of someone else's product."""
    if not _DISCOUNT.search(folded, *span):
        return False
    return _on_own_service(folded, span)


def _on_own_service(folded: str, span: tuple[int, int]) -> bool:
    """The deal is on the practice's sessions: its sentence names them and no other business ("therapy partner of X")."""
    s, e = sentence_bounds(folded, *span)
    if not _names_own_service(folded, s, e):
        return False
    return not any(s <= start < e for start in _business_starts(folded))


# Asked once per sentence and once per text, not once per deal: a long post without full stops is one
# sentence, and a search of it per deal made 8,000 characters of "code " cost the square of its length.
@functools.lru_cache(maxsize=64)
def _names_own_service(folded: str, s: int, e: int) -> bool:
    return _OWN_SERVICE.search(folded, s, e) is not None


@functools.lru_cache(maxsize=16)
def _business_starts(folded: str) -> tuple[int, ...]:
    return tuple(m.start() for m in BUSINESS.finditer(folded))




def tie_with_deal(folded: str, affirmed_sentence) -> list[tuple[int, int]]:
    """A tie to another business and a deal (not on the practice's own sessions) in the same post."""
    ties = affirmed_sentence(folded, TIE)
    if not ties:
        return []
    deals = [sp for sp in affirmed_sentence(folded, DEAL) if not _on_own_service(folded, sp)]
    return ties + deals if deals else []


# Working with the NHS, a council, a charity or a school is a partnership, not a promotion.
_PUBLIC_BODY = re.compile(
    r"\b(?:nhs|council|charit\w*|schools?|universit\w*|college|hospitals?|gp|surgery|samaritans|mind|trust|foundation|police|library|church|hospice|talking therapies)\b"
)


def commercial(folded: str, span: tuple[int, int]) -> bool:
    """False for a partnership with a public body or charity when no deal is offered in its sentence."""
    if "partner" not in folded[span[0]:span[1]]:
        return True
    s, e = sentence_bounds(folded, *span)
    if not _PUBLIC_BODY.search(folded, span[1], min(e, span[1] + 60)):
        return True
    return any(s <= m.start() < e for m in DEAL.finditer(folded))
