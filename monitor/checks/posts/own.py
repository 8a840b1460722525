"""Checks on the practice's own posts.

The practice promised never to solicit reviews or testimonials, never to claim guaranteed results,
not to promote products or services it has not approved, and never to ask for payment or personal
details on social media. A post that does the last is a sign the account is compromised or faked.
Sentences that deny the thing ("we never ask for bank details", "therapy doesn't promise a cure")
are not flagged.
"""

from __future__ import annotations

import re

from monitor.checks.posts.normalise import Normalised
from monitor.checks.posts.rules import Hit, rx, sentence_bounds

_PLATFORM = r"google(?: maps| business)?|trustpilot|yelp|facebook|tripadvisor|psychology today|healthgrades|zocdoc|doctify|iwantgreatcare|nextdoor|linkedin"
REVIEW = rx(
    r"(?:leave|write|post|give|drop|add|share|send)(?: us| me)?(?: (?:a|an|your))?(?: quick| short| honest| few| 5[- ]star| five[- ]star)? (?:reviews?|ratings?|testimonials?|recommendations?|stars?|words from)",
    r"(?:rate|review|recommend) us",
    r"(?:5|five)[- ]stars?|⭐{3,}",
    r"testimonials?",
    r"share your (?:success )?(?:story|stories|experience|journey|results)(?: of| with| about| on)?",
    r"tell (?:us|everyone|the world|others)(?: in the comments)? (?:how|what|about) (?:\w+ ){0,4}(?:helped|changed|experience)",
    r"let the world know|spread the word",
    r"(?:reach|get to|hit) \d+ (?:reviews|ratings|stars)",
    r"(?:comment|reply|type) ['\"]?\w+['\"]? (?:below )?if (?:\w+ ){0,4}(?:helped|changed|worked)",
    r"(?:drop|leave|write) a comment (?:below )?about your (?:experience|time|journey)",
    r"(?:tag|tagging) (?:us|#\w+)(?: in)?(?: your)?(?: (?:story|stories|success|results|journey|progress))|by tagging #\w+",
    r"(?:if (?:we|our \w+(?: \w+)?) (?:have |has )?helped you|happy with (?:your|our) \w+|had a (?:great|good|positive) experience)",
    # Frames: a review platform named with a review word; a review asked for with any adjective;
    # people asked to tell others or rate how their therapy went.
    r"(?:" + _PLATFORM + r")(?: business| maps)?(?: page| listing)? (?:reviews?|ratings?|feedback|stars?)|(?:reviews?|ratings?|feedback|rate us|say so|vote for us|stars?|(?:kind |good |nice |few )?words?|comments?|posts?|mentions?|shout ?outs?) (?:\w+ ){0,2}(?:on|at|via) (?:our )?(?:" + _PLATFORM + r")",
    r"(?:a|an|your|quick|short|honest|few|kind) (?:\w+ )?(?:review|rating|testimonial)s?(?: (?:would|will|really|means?|helps?|on))",
    r"(?:rate|rank|score|review|vote for) (?:us|your (?:therapist|counsell?or|practitioner|sessions?|experience)|our (?:team|practice|clinic|therapists|service))",
    r"(?:tell|show|let) (?:us|everyone|the judges|others|people|your (?:friends|followers)|the world)(?: \w+){0,3} (?:how|what|why) (?:\w+ ){0,5}(?:went|did for you|helped|changed|worked|felt|was like)",
    r"(?:write|send|record|post|share) (?:us )?(?:a (?:few|couple of) (?:lines|words)|an? (?:\w+ )?(?:video|photo|post|story|clip|reel)) (?:\w+ ){0,4}(?:about|telling|on|of) (?:\w+ ){0,3}(?:experience|therapy|sessions?|time with us|how)",
    r"(?:give|leave|drop|send) us (?:a )?(?:thumbs up|like|shout ?out|heart)|(?:vote for us|nominate us)",
)
OUTCOME = rx(
    r"guarantee(?:d|s)?|money[- ]back|our promise|that'?s our promise|we promise(?! to (?:listen|be|try|keep|respect|always listen|treat))",
    r"cure(?:s|d)?(?: of| your| you)?|(?:fix|fixes|fixed) (?:your|you|it) (?:\w+ ){0,2}(?:for good|forever|permanently)|can fix your",
    r"\d{2,3} ?% (?:of (?:our )?(?:clients|patients|people)|success(?: rate)?)|success rate",
    r"(?:for good|forever|permanently|once and for all|for life)",
    r"(?:works|work|worked) for (?:everyone|everybody|all)|every (?:time|marriage|client|case)(?! (?:should|needs?|deserves?|can|is welcome|is different|gets a))|(?:everyone|every client|all (?:our )?clients) (?:gets?|feels?|leaves?) (?:better|cured)",
    r"(?:you will|you'?ll|clients will) (?:be|feel|leave) (?:\w+[- ])?(?:free|cured|better|fixed|healed)",
    r"(?:completely|totally|100 ?%) (?:free of|cured|healed)|(?:eliminates?|eradicates?) (?:your )?\w+",
    r"(?:zero|no more) (?:panic attacks|anxiety|depression)\.? *guaranteed|proven (?:method|cure|system)|the only one in",
    r"(?:panic|anxiety|depression|pain)[- ]free (?:within|in|after)",
    r"say goodbye to (?:depression|anxiety|stress|panic|trauma|insomnia)",
    # Frames: certainty words; "never ... again"; a result bound to a short time; money back.
    r"(?:curable|promised|proven to \w+|clinically proven|results? guaranteed|or you don'?t pay|or it'?s free|or your money)",
    r"(?:you'?ll|you will|clients? will|never) (?:\w+ ){0,3}(?:again|ever again)",
    r"(?:never|no longer) (?:have|feel|suffer|experience|get) (?:\w+ ){0,5}(?:again|ever)",
    r"(?:erase|erases|erasing|eliminate|eliminates|eradicate|get rid of|rid you of|banish|beat|beats|end|ends|stop|stops|fix|fixes|reverse|reverses|overcome|quit|conquer) (?:your |the |all )?(?!(?:his|her|their|my) )(?:\w+ ){0,2}(?:adhd|ocd|ptsd|anxiety|depression|phobias?|insomnia|burnout|panic(?: attacks)?|trauma|traumatic memories|addiction|stress|fears?|grief|drinking|smoking|eating disorders?)(?! (?:awareness|week|month|day|stigma))",
    r"(?:every single|each and every) (?:one|client|child|person|time)|(?:always|100 ?%) (?:improve|works?|succeed|recover)|(?:a )?completely (?:new|different) person",
    r"(?<!been )(?<!is )(?<!was )(?:free|freed) (?:of|from) (?:depression|anxiety|ptsd|ocd|panic|trauma|addiction|stress)",
    # Round 4: "the only therapy that works", "proven results", "every couple who ... stays together".
    r"the only (?:\w+ )?(?:therapy|treatment|method|approach|programme|program|course|clinic|practice) (?:that|which|to) (?:actually |really |truly )?(?:works?|helps?|gets? results)|proven results|(?:\d{2,3}|ninety[- ]\w+) ?% (?:recovery|cure|success|remission)(?: rate)?",
    r"(?:every|each) (?:single )?(?:couple|client|person|family|child|kid|student|patient|one)(?: of them)? (?:who|that) (?:\w+ ){0,5}(?:stays?|stayed|gets?|got|is|are|becomes?|became|feels?|felt|recovers?|recovered|leaves?|left|has|have)\b",
    r"(?:cures?|cured|heals?|healed|reverses?|reversed|eliminates?|eliminated|ends?|ended|fixes|fixed|stops?|saves?|saved|kicks?|banish\w*) (?:your |the |their |every |all |any )?(?:\w+ ){0,2}(?:adhd|ocd|ptsd|autism|bipolar|anxiety|depression|phobias?|insomnia|burnout|panic(?: attacks)?|trauma|addiction|smoking|drinking|eating disorders?|marriages?|relationships?|stammer\w*|meltdowns|moods?|grief|nightmares)(?! (?:awareness|week|month|day|stigma))",
    r"(?:you'?ll|you will|clients? (?:will|are)|they'?ll) (?:be )?(?:off|free of|done with) (?:antidepressants|meds|medication|pills|therapy)|(?:zero|no) (?:anxiety|panic|depression|nightmares|meltdowns|cravings) (?:after|within|in|from)|(?:you )?(?:will|'ll) feel better after|(?:you will|you'll|you) (?:will )?never (?:\w+ ){0,2}again",
)
ENDORSE = rx(
    r"(?:use|with) (?:our )?code|code [a-z0-9]{4,}|\d{1,2} ?% off|discount(?:ed)? (?:code|memberships?|price)",
    r"(?:link|links) in (?:our )?bio (?:to|for) (?:shop|buy|order|download)|shop (?:now|the|our)|grab yours|available (?:on|at) (?:amazon|etsy|\w+\.com)",
    r"sponsor(?:ed|ing|s)?|paid partnership|in partnership with|partnering with|(?:teamed|team) up with|brand partner|ambassadors? for",
    r"(?:we|our team|the team) (?:absolutely )?(?:love|swear by|recommend|are obsessed with) (?:the |our )?[a-z]+(?: [a-z]+)? (?:oil|blanket|app|supplements?|gummies|capsules|tea|teas|headband|mattress|vitamins|drops)",
    r"(?:download|buy|order|try) (?:it )?(?:now|today)|download (?:[a-z]+ )?(?:now|today|through)|(?:sign up|join) today",
    r"(?:shout-?out|thanks) to [a-z]+ (?:[a-z]+ )?[-—]? ?their",
    r"check out our friends at|our favourite (?:\w+ )?(?:app|brand|product|supplement)",
    # Frames: affiliate/referral links and codes; buying directions; recommending a named product.
    r"(?:referral|affiliate|partner|discount|promo) (?:link|code)s?|discount in (?:our |the )?bio|(?:grab|get|order|buy) (?:one|yours|it|them|a \w+) (?:\w+ ){0,3}(?:link|bio|stories|code)",
    r"(?:can'?t|cannot) recommend (?:\w+ ){1,4}enough|(?:we|our (?:team|clinic|practice|founder|therapists))(?: all)? (?:highly )?(?:recommends?|use|uses|swear by|love|loves|are loving|are obsessed with|tried) (?:the |our |these |this )?[a-z]+(?: [a-z]+){0,3} (?:app|oil|oils|blanket|gummies|spray|sprays|vitamins|supplements?|probiotics|capsules|tea|teas|lamp|lamps|mat|mask|ring|planner|journal|cushion|candles?|premium|range|mattress)",
    r"(?:available|stocked|sold) (?:at|on|from|in) (?:amazon|etsy|boots|holland|superdrug|target|walmart|chemist|[a-z]+ ?& ?[a-z]+)|only brand we trust|(?:#gifted|#ad|\bad \||gifted\b|collab alert)",
)
PAYMENT = rx(
    r"(?:send|pay|transfer|deposit|wire)(?: us| me)? (?:your |the |a |an )?(?:[£$€]?\d+ )?(?:deposit |payment |fee |balance |outstanding balance |money )?(?:via|by|through|to|using|in|with) (?:paypal|bank transfer|bitcoin|btc|crypto|gift ?cards?|cash ?app|venmo|zelle|western union|our new|the new|this)",
    r"(?:via|by|through) paypal|paypal\s*:|pay(?:ment)? (?:\w+ ){0,3}in (?:bitcoin|crypto|gift cards)|bitcoin|wallet address|gift ?cards?",
    r"(?:card|bank|account) (?:number|details|info)|sort code|cvv|expiry date|security code|pin number|mother'?s maiden name|nhs number|date of birth|passwords?|login details",
    r"(?:verify|confirm|update) your (?:account|details|identity|card|payment|information)",
    r"(?:account|booking|page) will be (?:suspended|closed|cancelled|deleted)",
    r"(?:new|updated) (?:bank )?(?:account|paypal|payment details)|outstanding balance",
    r"(?:dm|message|reply|comment|send) (?:us |me )?(?:\w+ ){0,3}(?:your )?(?:full name|(?:home |postal )?address|(?:bank|card|payment|account|personal|login|banking) details)",
    # Frames: a payment channel the practice does not use; sensitive identifiers asked for; details in public comments.
    r"(?:paypal|venmo|zelle|cash ?app|revolut|western union|moneygram|usdt|ethereum|google play|itunes|steam|apple gift|amazon gift)\b",
    r"(?:policy|medicare|medicaid|social security|ssn|passport|driving licen[cs]e|insurance|member(?:ship)?|tax file|ni|national insurance) (?:number|card|no|details|photo)|online banking|(?:username|user name) and password|photo of (?:your|the) (?:passport|card|id|licence|back)",
    r"(?:comment|reply|post)(?: below| here)?(?: with)? your (?:email|e-mail|phone|number|mobile|address|dob|birthday|details)",
    r"(?:transfer|send|pay) (?:\w+ ){0,3}(?:to|into) (?:the |our |this |my )?(?:new )?(?:account|wallet|address|number)",
    r"(?:bsb|iban|swift|routing number|acc(?:ount)? (?:no|number))\b",
    # Round 4: more channels and identifiers (instant-payment apps, tip jars, vouchers, wallets).
    r"(?:apple|google|samsung|facebook|messenger) pay(?:ments?)?|(?:facebook|instagram) shop|monzo(?:\.me)?|revolut|wise (?:details|account|transfer)|our wise|ko-?fi|buy me a coffee|patreon|e-?transfer|interac|cash ?app|\$[a-z][\w-]{2,}",
    r"(?:itunes|steam|google play|amazon|apple|xbox|playstation) (?:vouchers?|cards?|codes?)|vouchers? (?:codes?|as payment)|gift ?(?:codes?|vouchers?)|(?:btc|eth|usdt|usdc|crypto(?:currency)?|tron)\b|bc1[a-z0-9]{20,}|0x[0-9a-f]{20,}",
    r"(?:card|long card|bank|banking) (?:number|login|password|pin|digits)|sort code|bank login",
)
# Concepts (round 3): a claim is certainty plus a result in one sentence ("your insomnia will be gone
# within two weeks"); a review request is sharing, rating or endorsing the practice or one's experience
# of it; an endorsement is a commercial tie to another business; a payment request is money asked for
# through a social-media channel or link.
_CERTAINTY = (
    r"(?:by the end of (?:term|the (?:week|month|year|course|programme))|in as little as|in (?:a )?(?:fortnight|single session|matter of)|just one session|for everyone|every (?:family|couple|time)|proven|completely|totally|"
    r"will|'ll|guarantee\w*|always|never|every (?:time|client|one|single)|100 ?%|\d{2,3} ?% of the time|within (?:\w+ ){0,2}(?:days?|weeks?|months?|sessions?)"
    r"|in (?:just |only )?(?:\d+|one|two|three|four|five|six|a few) (?:days?|weeks?|months?|sessions?)|from (?:day|session) one|for good|forever|permanently|overnight)"
)
_RESULT = (
    r"(?:gone|disappear\w*|vanish\w*|stop\w*|cured?|heal\w*|fix\w*|free (?:of|from)|saved|recover\w*|symptom[- ]free|relapse\w*|erase\w*|eliminat\w*|"
    r"overcome|beat|end(?:s|ed)?|no more|get rid|better|transform\w*|rewir\w*)"
)
OUTCOME_CONCEPT = rx(
    _CERTAINTY + r"\b[^.!?]{0,60}?\b" + _RESULT,
    _RESULT + r"\b[^.!?]{0,40}?\b" + _CERTAINTY,
)
_CLAIM_SUBJECT = re.compile(r"\b(?:you|your|our (?:clients|patients|couples|approach|method|programme|program|course|therapy|team)|clients|patients|every(?:one| client| couple)|we)\b")
REVIEW_CONCEPT = rx(
    r"(?:share|tell|post|send|write|record|tag)(?: us| them| it| a friend| your friends)?(?: about| with| on)? (?:your|you) (?:own )?(?:\w+ ){0,2}(?:story|stories|journey|experience|wins?|progress|glow|results?|words|thoughts)",
    r"we(?:'ll| will| might| may| would love to| could| can) (?:re)?(?:post|share|feature) (?:it|you|them|yours|your)|feature (?:your|you)|#my\w*story",
    r"endorse (?:us|our \w+)|(?:pop|give|leave|drop) us (?:a|an|some|your) (?:\w+ ){0,2}(?:rating|review|stars?|feedback)|star rating",
    r"(?:nominate|vote for) (?:us|our \w+)|tag (?:a friend|someone|your friends) who (?:\w+ ){0,4}(?:benefit|needs?|help)",
    r"reviews? (?:wanted|needed|please)|(?:pop|post|leave|share|drop|put) your (?:thoughts|feedback|experiences?|reviews?|wins) (?:on|at|below|in the comments|under)|leav(?:e|ing) (?:us )?a (?:public |quick |short )?review",
    r"(?:comment|tell us|let us know|share) (?:below )?(?:what|how) (?:therapy|counselling|working|your sessions?|our team|we)(?: with us)? (?:\w+ ){0,3}(?:done|did|changed|helped)|nominate (?:them|your (?:therapist|counsell?or))",
)
ENDORSE_CONCEPT = rx(
    r"partner(?:ed|ing|s)? with|(?:official|proud) (?:partners?|ambassadors?|stockists?)|ambassadors|affiliate|commission|storefront|gifted|#ad\b|#sponsored",
    r"tell them we sent you|mention (?:us|our name|this post) (?:for|to get)|(?:with|use|using) our (?:code|link)|our (?:referral|discount|promo) (?:code|link)",
    r"(?:in )?collab(?:oration)? with|shop (?:through|via|using) (?:our|the|this) link|discount applies|(?:get|buy|order) the same (?:\w+ ){0,3}(?:we use|as us)",
    r"(?<!sort )(?:code|coupon):? [a-z]+\d+[a-z\d]*|(?:link in bio|tap the link|the link below) (?:to |for )(?:buy|order|shop|get)",
)
_PAY_VERB = r"(?:send|pay|transfer|settle|e-?transfer|venmo|zelle|wire|top up|monzo|revolut)"
_MONEY = r"(?:fees?|invoices?|deposits?|balance|payments?|money|\$\d+|£\d+|€\d+)"
PAYMENT_CONCEPT = rx(
    _PAY_VERB + r"(?: us| me)?(?: your| the| this| any| a| an| our)?(?: \w+){0,2} " + _MONEY + r"\b[^.!?]{0,40}?\b(?:via|through|using|on|in|to|into|by) (?:this |the |our |a |your )?(?:link|messenger|dm|dms|inbox|comments?|chat|page|app|account|paypal|venmo|zelle|revolut|monzo|cash ?app|crypto|bitcoin|\w+\.\w+)",
    r"(?:comment|reply|message|dm|send|post)(?: us| me)?(?: with)? (?:your|the) (?:card'?s?|card number|long card|bank) (?:\w+ ){0,3}(?:digits|number|expiry|details|cvv)|(?:last|first) \d+ digits|expiry (?:date)?(?: to| and)",
    r"pay(?:ment)? (?:\w+ ){0,3}(?:via|through|using) (?:this|the|our) (?:new )?link|(?:instead of|not through) (?:the |our )?(?:usual )?portal",
    # Round 4: money asked for with a private channel in the same sentence ("DM for the link", "message us the code").
    r"(?:pay|paid|payment|payments|send|sending|transfer|settle|deposit|deposits|fees?|balance|invoices?|refunds?|[£$€]\d+)\b[^.!?]{0,60}?\b(?:dm|dms|inbox|message (?:us|me)|messages|whatsapp|text|reply to this|comment ['\"]?\w+['\"]?|screenshot|receipt|wallet|address|in our bio|link (?:below|in (?:our )?bio)|pinned)\b",
    r"\b(?:dm|dms|inbox|message (?:us|me)|whatsapp|text)\b[^.!?]{0,60}?\b(?:pay|payment|payments|transfer|deposit|fees?|balance|invoices?|bank details|account details|card|codes?|[£$€]\d+)\b",
)
_NEGATION = re.compile(r"\b(?:never|not|can'?t|cannot|don'?t|doesn'?t|do not|does not|won'?t|no(?! more\b)|isn'?t|aren'?t|nothing|without|beware|scam|fake|if anyone does|it isn'?t us)\b")


# For claims, "never" is part of the promise ("clients never relapse"); denials and hedges are not.
_HEDGED = re.compile(r"\b(?:not|don'?t|doesn'?t|do not|does not|won'?t|isn'?t|aren'?t|can'?t|cannot|without|may|might|can|could|some|many|most|often|if)\b")


def _affirmed_sentence(folded: str, pattern, negation: re.Pattern[str] | None = None) -> list[tuple[int, int]]:
    """Matches whose whole sentence has no denial: concept matches are looser, so they are held to more."""
    negation = negation or _NEGATION
    out = []
    for m in pattern.finditer(folded):
        s, e = sentence_bounds(folded, m.start(), m.end())
        if not negation.search(folded, s, e):
            out.append(m.span())
    return out


def _affirmed(folded: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """Matches whose sentence does not deny them ("we never ask for bank details")."""
    out = []
    for m in pattern.finditer(folded):
        s, _ = sentence_bounds(folded, m.start(), m.end())
        if not _NEGATION.search(folded, s, m.start()):
            out.append(m.span())
    return out


_DISCOUNT = re.compile(r"% off|\bcode\b")
_OWN_SERVICE = re.compile(r"\b(?:sessions?|appointments?|consultations?|therapy|counsell?ing|assessments?|workshops?|courses?)\b")


def _own_offer(folded: str, span: tuple[int, int]) -> bool:
    """A discount on the practice's own sessions is not an endorsement of someone else's product."""
    if not _DISCOUNT.search(folded, *span):
        return False
    s, e = sentence_bounds(folded, *span)
    return bool(_OWN_SERVICE.search(folded, s, e))


_STUDY = re.compile(r"\b(?:study|studies|research|trial|trials|meta-analysis|evidence|review of|journal|published|according to|found that|suggests?)\b")


def _claims(folded: str, span: tuple[int, int]) -> bool:
    """Certainty and result said of clients or the reader, not reported from a study."""
    s, e = sentence_bounds(folded, *span)
    return bool(_CLAIM_SUBJECT.search(folded, s, e)) and not _STUDY.search(folded, s, e)


def find(norm: Normalised, approved_endorsements: tuple[str, ...]) -> list[Hit]:
    folded = norm.folded
    hits: list[Hit] = []
    spans = _affirmed(folded, REVIEW) or _affirmed_sentence(folded, REVIEW_CONCEPT)
    if spans:
        hits.append(Hit("review_solicitation", "review_solicitation.asks_for_reviews", "The practice's post asks for reviews, ratings or testimonials, which the policy rules out.", spans))
    spans = _affirmed(folded, OUTCOME) or [sp for sp in _affirmed_sentence(folded, OUTCOME_CONCEPT, _HEDGED) if _claims(folded, sp)]
    if spans:
        hits.append(Hit("outcome_claim", "outcome_claim.guaranteed_result", "The practice's post promises results or a cure, which therapy cannot guarantee.", spans))
    spans = [sp for sp in _affirmed(folded, ENDORSE) if not _own_offer(folded, sp)] or _affirmed_sentence(folded, ENDORSE_CONCEPT)
    if spans and not any(a in folded for a in approved_endorsements):
        hits.append(Hit("endorsement", "endorsement.unapproved_promotion", "The practice's post promotes a product or service that is not on the approved list.", spans))
    spans = _affirmed(folded, PAYMENT) or _affirmed_sentence(folded, PAYMENT_CONCEPT)
    if spans:
        hits.append(Hit("payment_request", "payment_request.asks_for_money_or_details", "The practice's post asks for payment or personal details: the account may be compromised or fake.", spans))
    return hits
