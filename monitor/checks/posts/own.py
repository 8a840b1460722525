"""Checks on the practice's own posts.

The practice promised never to solicit reviews or testimonials, never to claim guaranteed results,
not to promote products or services it has not approved, and never to ask for payment or personal
details on social media. A post that does the last is a sign the account is compromised or faked.
Each idea's lexicons and frames live in own_reviews, own_claims, own_endorsements and own_payments;
this module applies them and the guards they share: sentences that deny the thing ("we never ask for
bank details", "therapy doesn't promise a cure") or warn about scams are not flagged.
"""

from __future__ import annotations

import functools
import re

from monitor.checks.posts import own_claims, own_endorsements, own_payments, own_reviews
from monitor.checks.posts.normalise import Normalised
from monitor.checks.posts.patterns import compile_guarded
from monitor.checks.posts.rules import Hit, sentence_bounds, sentence_near

_NEGATION = re.compile(r"\b(?:never|not|can'?t|cannot|don'?t|doesn'?t|do not|does not|won'?t|no(?! more\b)|isn'?t|aren'?t|nothing|without|beware|scam|fake|if anyone does|it isn'?t us)\b")
# A sentence that warns about scams or impostors mentions codes, cards and payments without asking for them.
_WARNING = re.compile(
    r"\b(?:scam\w*|fake|impersonat\w*|pretending to be|phishing|fraud\w*|beware|watch out|(?:isn'?t|not|wasn'?t) (?:us|from us|ours)"
    r"|report (?:it|them|the (?:account|page|profile))|(?:is|are|been) (?:messaging|contacting) (?:people|clients|you))\b"
)


def _affirmed_sentence(folded: str, pattern, negation: re.Pattern[str] | None = None) -> list[tuple[int, int]]:
    """Matches whose sentence (near them) has no denial: concept matches are looser, so they are held to more."""
    negation = negation or _NEGATION
    out = []
    for m in pattern.finditer(folded):
        if not negation.search(folded, *sentence_near(folded, m.start(), m.end())):
            out.append(m.span())
    return out


def _affirmed(folded: str, pattern) -> list[tuple[int, int]]:
    """Matches whose sentence does not deny them before them ("we never ask for bank details")."""
    out = []
    for m in pattern.finditer(folded):
        s, _ = sentence_near(folded, m.start(), m.end())
        if not _NEGATION.search(folded, s, m.start()):
            out.append(m.span())
    return out


def _not_warnings(folded: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans outside sentences that warn about scams or fake accounts."""
    return [sp for sp in spans if not _warns(folded, *sentence_bounds(folded, *sp))]


@functools.lru_cache(maxsize=64)
def _warns(folded: str, s: int, e: int) -> bool:
    """Once per sentence, not once per span: a long post without full stops is one sentence."""
    return _WARNING.search(folded, s, e) is not None


def find(norm: Normalised, approved_endorsements: tuple[str, ...]) -> list[Hit]:
    folded = norm.folded
    hits: list[Hit] = []
    spans = _affirmed(folded, own_reviews.REVIEW) or _affirmed_sentence(folded, own_reviews.REVIEW_CONCEPT) or own_reviews.public_praise(folded, _affirmed_sentence)
    if spans:
        hits.append(Hit("review_solicitation", "review_solicitation.asks_for_reviews", "The practice's post asks for reviews, ratings or testimonials, which the policy rules out.", spans))
    spans = _affirmed(folded, own_claims.OUTCOME) + [sp for sp in _affirmed(folded, own_claims.OUTCOME_WEAK) if own_claims.weak_claims(folded, sp)]
    spans = spans or [sp for sp in _affirmed_sentence(folded, own_claims.OUTCOME_CONCEPT, own_claims.HEDGED) if own_claims.claims(folded, sp)]
    if spans:
        hits.append(Hit("outcome_claim", "outcome_claim.guaranteed_result", "The practice's post promises results or a cure, which therapy cannot guarantee.", spans))
    spans = [sp for sp in _affirmed(folded, own_endorsements.ENDORSE) if not own_endorsements.own_offer(folded, sp)]
    spans = spans or _affirmed_sentence(folded, own_endorsements.ENDORSE_CONCEPT)
    spans = _not_warnings(folded, [sp for sp in spans if own_endorsements.commercial(folded, sp)] or own_endorsements.tie_with_deal(folded, _affirmed_sentence))
    if spans and not any(a in folded for a in approved_endorsements):
        hits.append(Hit("endorsement", "endorsement.unapproved_promotion", "The practice's post promotes a product or service that is not on the approved list.", spans))
    spans = _affirmed(folded, own_payments.PAYMENT) + [sp for sp in _affirmed(folded, own_payments.PAYMENT_WEAK) if own_payments.in_payment_context(folded, sp)]
    spans = _not_warnings(folded, spans or _affirmed_sentence(folded, own_payments.PAYMENT_CONCEPT))
    if spans:
        hits.append(Hit("payment_request", "payment_request.asks_for_money_or_details", "The practice's post asks for payment or personal details: the account may be compromised or fake.", spans))
    return hits


def ordinary(norm: Normalised, category: str, approved_endorsements: tuple[str, ...]) -> bool:
    """Own posts the rules read as ordinary for `category`, so the learned wording model must not flag
    them alone: scam warnings and denials; for endorsements, posts that name no brand, business, link or
    code, approved partners, public bodies and charities, the practice's own offers and content, and
    thanks with no deal; for payment requests, posts that name no money, means of payment or detail."""
    folded = norm.folded
    if _WARNING.search(folded) or _NEGATION.search(folded):
        return True
    if category == "payment_request":  # a request for payment or details names money or a detail
        return not own_payments.NAMES_MONEY_OR_DETAILS.search(folded)
    if category == "endorsement":  # a promotion names what it promotes, and is not the practice's own content
        return (not _NAMES_SOMETHING.search(norm.original)
                or any(a in folded for a in approved_endorsements) or bool(own_endorsements._PUBLIC_BODY.search(folded))
                or bool(own_endorsements._OWN_SERVICE.search(folded)) or bool(_OWN_CONTENT.search(folded))
                or (own_endorsements.DEAL.search(folded) is None and _THANKS.search(folded) is not None))
    return False


# A brand or business named: a capitalised word inside a sentence (not a day, month or holiday), a handle, a link, a code or a price cut.
_NAMES_SOMETHING = compile_guarded(r"(?<=[a-z,;:] )(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:January|February|March|April|May|June|July|August|September|October|November|December|Christmas|Easter)\b)[A-Z][a-zA-Z]+|@\w|https?://|www\.|\.com\b|\.co\.uk\b|\bcode\b|\d+ ?% ?off|£|\$")
_OWN_CONTENT = re.compile(r"\b(?:blog|article|podcast|episode|newsletter|read more|new post|our (?:guide|leaflet|video))\b")
_THANKS = re.compile(r"\b(?:thanks|thank you|grateful|shout ?out)\b")
