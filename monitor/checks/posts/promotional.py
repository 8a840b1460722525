"""Advertising and spam in other people's comments.

Strong signs flag a comment on their own: a link to a domain outside the allowlist, a shortened
link, a discount code, "DM me" / "check my page" / "follow me", a business phone or WhatsApp
number, an investment or sales pitch, #ad or sponsorship tags, or a recommendation of another paid
service. Weak signs ("free", "£49", "cheaper") need company. Public health and crisis services are
never advertising.

Policy for links and products mentioned innocently (decided with the third evaluation set): a
comment is promotional only when it sells or advertises something the writer (or someone they front
for) gains from: their own page, shop, course, service or referral code, a money-making pitch, spam.
Not promotional: a client recommending a book, app or podcast they do not sell; links to news,
research, public-health bodies, government, universities, registered charities' pages, fundraisers
and petitions (NEWS_AND_CAUSE_DOMAINS, and any .gov/.edu/.ac.uk/.nhs.uk site); "link on my profile"
for a sponsored run for a charity. A fundraiser link *with* a sales pitch or discount code is still
advertising. A comment asking the practice to contact them ("can someone DM me?") is a request, not
a call to action, and a price asked about in a question ("is the first session free?") is not a deal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from monitor.checks.posts.contacts import find_emails, find_phones
from monitor.checks.posts.links import Link, domain_allowed, find_links, is_public_or_cause
from monitor.checks.posts.normalise import Normalised
from monitor.checks.posts.patterns import GroupScan, compile_guarded
from monitor.checks.posts.rules import Hit, rx

_CTA = rx(
    r"(?:dm|pm|inbox|message|msg|text|whatsapp|telegram|email|e-mail|contact|call|ring|hmu|hit) me(?! back| (?:to|about|so (?:i|we) can) (?:book|rebook|reschedul\w*|cancel|arrange|discuss|sort|my))",
    r"(?:dm|message|text|contact|call|email|inbox) (?:him|her|them|us)(?: (?:on|via|at) (?:whatsapp|telegram|signal|instagram|wechat|\+|\d))",
    r"(?:dm|pm|inbox|message|msg|text|whatsapp) (?:for|4) (?:info|details|more|prices?|price list|rates|bookings?|enquiries)|mention my name|(?:say|tell (?:him|her|them)) i sent you",
    r"(?:dm|pm|inbox|msg|whatsapp) us(?! back)|drop (?:me|us) a (?:message|msg|dm|pm|line|text)|(?:venmo|paypal|cashapp|cash app|revolut|zelle) me",
    # "Comment READY and I'll send you the link": the engagement-bait funnel of course and coaching sellers.
    r"(?:comment|type|reply|write|drop|say) (?:\"?[a-z]+\"? )?(?:below |here )?(?:and|&|n) (?:i'?ll|i will|we'?ll|we will|ill) (?:send|dm|message|inbox|share|tag|link|connect|introduce)",
    r"(?:dm|pm|inbox|message|text|comment) (?:me |us )?(?:the word )?\"[a-z]+\"|(?:dm|pm|inbox|message|text|comment) (?:me |us )?(?:the word )?[a-z]+ (?:to get|for (?:my|the|a|your) (?:free )?"
    r"(?:guide|link|ebook|e-book|workbook|pdf|checklist|details|info|masterclass|training))|my free (?:guide|ebook|e-book|workbook|pdf|checklist|masterclass|webinar|course|training|class)",
    r"follow ?(?:for|4) ?follow|like ?(?:for|4) ?like|f4f|l4l|sub ?4 ?sub|follow back|followback",
    r"send me (?:a )?(?:message|msg|dm|pm|text|email|inbox)(?! (?:back|to (?:book|rebook|cancel)))",
    r"(?:give|gie|gi'e) (?:my|our|her|his|their|the) (?:[\w'-]+ ){0,2}(?:page|account|insta|instagram|channel|profile|tiktok|shop|business) a (?:follow|like|look|share|visit)",
    r"(?:message|text|contact|reach) (?:him|her|them|me) (?:on|via) (?:whatsapp|telegram|signal|wechat)",
    r"sent (?:you|u) a (?:dm|message|pm)|check (?:your|ur) (?:inbox|dms?|messages|requests)|kindly check",
    r"(?:check|visit|see|view|click|watch|listen to|read|buy|download|grab|order|pre-?order|subscribe to|sub to|subscribe) (?:out )?(?:a copy of )?(?:my|our) (?:new |latest |debut |first |own |little |free )?(?:self-help |youtube |tiktok |instagram )?"
    r"(?:page|pages|bio|profile|channel|website|site|shop|store|account|feed|link|story|stories|podcast|podcasts|book|books|ebook|e-book|blog|newsletter|course|program|programme|video|videos|reel|reels"
    r"|tiktok|tiktoks|youtube|album|music|art|artwork|etsy|article|articles|workbook|journal|photography|paintings|prints|designs|content)",
    r"link (?:is )?in (?:my |the |our )?bio|link (?:is )?in (?:my |our )?(?:highlights?|stor(?:y|ies)|pinned(?: post| comment)?)|click (?:the )?link|click here|tap (?:the )?link|links? below",
    r"(?:follow|subscribe to|sub to) (?:me|my (?:page|channel|account))|follow for (?:more|daily)|(?:go |pls |please )?follow (?:her|him|them)",
    # The writer's own product out or on sale somewhere.
    r"my (?:new |latest |debut |first |own |little )?(?:self-help |mental health |wellness |wellbeing )?(?:book|ebook|e-book|novel|podcast|album|journal|workbook|planner|guide|app|course) (?:\"[^\"]{1,60}\" |'[^']{1,60}' |[\w'-]+ ){0,4}(?:is |are )?(?:(?:out|now|available|live)(?: now)? on|available (?:on|at|from|now)|out now|(?:just )?dropped)",
    r"(?:ebook|e-book|book|album|episode|course|single|merch|workbook|journal|planner) (?:[\w'\"-]+ ){0,6}(?:is )?out now",
    r"my \d+[- ]?(?:day|week|wk|month)s? (?:[\w-]+ ){0,3}(?:program|programme|challenge|method|system|protocol|bootcamp|masterclass|coaching|course(?! of))",
    r"(?:follow|check (?:it |them |her |him )?out|go follow|go check|visit|try|shoutout to|shout out to) (?:the )?(?:\w+ ){0,2}(?:account|page|profile|channel)?\s?@[\w.]+",
    r"(?:content|stuff|posts|tips|videos) on my (?:page|channel|account|profile|blog)",
    r"(?:sign up|join|register|enrol+|book) (?:to |for |now|today|here|on )?(?:my|our) (?:\w+ ){0,3}(?:course|programme|program|class|challenge|webinar|newsletter|team|group|masterclass|membership|retreat)",
    r"sign up(?: here| now| today)?:|free webinar|ask me how|let'?s collab|collab\b",
    r"(?:i|we) (?:sell|offer|provide|make)(?: \w+){0,3} (?:services?|sessions|coaching|readings|products?|handmade|management|seo|courses?|rates|prices)",
    r"(?:i|we) have (?:\d+|a few|some|limited) (?:spaces|spots|places|slots)(?: left)?|spots? on my team|(?:\d+|few) (?:spaces|spots) left",
    r"my (?:new )?(?:book|course|programme|program|shop|store|channel|podcast|newsletter|brand|business|app|ebook|e-book)(?: is)?(?: out| live| launched| on| at|!)",
    r"my new (?:book|course|programme|program|shop|store|channel|podcast|newsletter|brand|business|app|ebook|e-book),",
    r"i (?:just )?launched my",
    r"(?:i'?m|i am|im) (?:also )?(?:a|an) (?:licensed |qualified |certified |registered |professional )?(?:counsell?or|therapist|coach|life coach|hypnotherapist|healer|psychic|nutritionist)"
    r"(?:,| and| too)? (?:[\w']+ ){0,6}(?:[£$€]\d+|message|dm|inbox|contact|link|sessions? available|spaces|book|help you)",
    r"(?:psychic|tarot|spiritual healing|spell ?caster|love spell|readings? available|curses|astrolog(?:er|y)|vashikaran|black magic|love problems?|sow(?:ing)? (?:a )?seed)",
    r"something (?:special|that can help you)",
    # Frames: the writer's own channel named as where to go; a messaging handle offered.
    r"(?:link|links|details|info|more|everything) (?:is |are )?(?:on|in|at) (?:my|our) (?:profile|page|bio|channel|account|stories|feed|website|site)",
    r"(?:(?:my|our) (?:[\w'-]+ ){0,2})?(?:link|links|page|program|programme|course|coaching|shop|store|offer|content|stuff|channel|discount|code|info|details)(?: [\w'-]+){0,2} (?:is |are )?(?:in|on) (?:my |our |the )?(?:bio|profile)(?! pic)",
    r"(?:join|subscribe to|support me on|find me on) (?:my|our) (?:\w+ ){0,2}(?:patreon|onlyfans|discord|telegram|whatsapp|substack|channel|group|community|server|list)",
    r"(?:snap(?:chat)?|telegram|whatsapp|wa|kik|signal|wechat|insta|ig|tg|discord)\s*(?::|@|-)\s*@?[\w.]{3,}",
    r"hmu\b|holla at me|slide (?:into|in) (?:my|the) dms",
)
_CODES = compile_guarded(
    r"(?<![\w])(?:(?:promo|discount|coupon|voucher|referral|my|use|with|enter|apply) ?)?code:? (?P<code>[a-z0-9]{3,20})(?![\w])"
)
_DEALS = rx(
    r"\d{1,2} ?% off", r"[£$€]\d+ off", r"money off", r"(?:referral|affiliate|invite) (?:link|code)", r"use my (?:link|code)",
    r"(?:early bird|limited time|today only|this weekend only|last chance)(?: price| offer| discount)?",
    r"(?:\d+|first|one) (?:month|months|week|weeks) (?:free|for free)|free (?:trial|month|shipping|giveaway|gift)|first (?:call|session|class|one|consultation) (?:is )?free",
    r"(?:buy|get yours|grab yours|grab a copy|grabbed a copy|(?<!in )order)(?: now| today| here| via| on| at)|(?<!charity )shop (?:now|today|here|via|on (?:my|our|the link|etsy|amazon|depop|ebay|vinted)|at (?:my|our))",
    r"first (?:session|class|consultation|call|month|week|treatment)s? (?:is |are )?(?:half[- ]price|half off|\d{1,2} ?% off)|buy one get one|bogo|[£$€]\d+(?:\.\d\d)? on (?:amazon|kindle|etsy|gumroad|flipkart|ebay|depop|the app store)",
    r"giveaway|free (?:iphone|ipad|gift card|money)",
    r"(?:2|two|3|three) (?:sessions? |classes |treatments |massages )?for (?:the price of )?(?:1|one|2|two)(?!\w|[.,:]\d)|bogof|(?:a |this month'?s |our |my )special (?:offer|deal|price|rate|on|this (?:month|week|weekend))",
    r"(?:discovery|clarity|strategy|breakthrough) call|(?:spaces|spots|places) (?:are )?(?:limited|filling)|limited (?:spaces|spots|places)",
    r"(?:use|enter|apply) (?:my |the |promo |discount |coupon )?code:? [a-z0-9]{3,20}(?= (?:for|at|to get|and get|to save) (?:\d|[£$€]|a (?:free|discount)|money|off|checkout|your|my)|\s*[!,.]|\s*$)",
    r"(?:through|with|via|using) my (?:referral |invite |affiliate )?link|we both get",
)
_PITCH = rx(
    r"bitcoin|btc|crypto(?:currency|currencies)?|forex\w*|(?:trading|forex|crypto|betting) signals|no prescription (?:needed|required)|(?:cheap|buy) (?:adderall|xanax|valium|oxy\w*|meds|pills|diazepam)|fx trad\w*|binary options|nft|invest(?:ing|ment|or)s?(?: with| in)?",
    r"(?:turn|turned|made|make|earn|earning|earned) [£$€]?\d[\d,.]*k? (?:into|in|a|per|from|every)",
    r"(?:made|make|makes|making|earn|earns|earning|earned|pulling in) (?:over |up to |around |about )?[£$€]\d[\d,.]*k?(?: ?/ ?| (?:a |per |each |every )?)(?:day|daily|week|weekly|wk|month|monthly|hr|hour)",
    r"(?:made|make|making|earn\w*) (?:over |up to )?[£$€]\d[\d,.]*k? (?:working|from home|online|trading|with|doing|just)",
    r"invest with|\d+ ?% (?:daily|weekly|monthly|a month|a week|per month|per week) (?:returns?|profits?|roi|interest|gains)|(?:returns?|profits?) guaranteed|guaranteed (?:returns?|profits?|income)",
    r"trading (?:gold|forex|crypto|stocks|options|futures|indices)|my (?:trading|forex|fx|crypto|investment) (?:mentor|coach)|my mentor @[\w.]+|tell (?:him|her|them) i sent you",
    r"(?:need|want) (?:a )?(?:quick |fast |cash |personal )?loan|payday loans?|bad credit(?: ok| okay| accepted| welcome)?|fast approval|instant (?:approval|cash|loans?)|debt (?:relief|consolidation)",
    r"(?:be|being|become|becoming) (?:your|my) own boss|side hustle|extra income|no experience (?:needed|necessary|required)|six figures|6 figures|\d+k (?:a |per )?months?|"
    r"quit (?:my|your) (?:9-5|9 to 5|nine to five|day job)|(?:work|working|earn|earning|income|money)(?: [\w']+){0,3} (?:from|on) (?:my|your) phone",
    r"sugar (?:daddy|daddies|mommy|mummy|momma|baby|babies)|weekly allowance|onlyfans|fansly|🔞|(?:exclusive|spicy|uncensored|nsfw|18\+) (?:content|pics|page|videos)",
    r"get certified|become (?:a )?certified|want more (?:bookings|clients|followers|sales|leads|customers)|i help (?:\w+ ){0,2}(?:brands|businesses|coaches|therapists|clinics|practices|practitioners|entrepreneurs) (?:grow|scale|get|find|make|earn)",
    r"(?:business|income|exciting|amazing|incredible) opportunit(?:y|ies)|opportunity (?:that|which) (?:would|could|might) suit|someone like you",
    r"make (?:money|cash|\$+|£+)(?: online| from home| fast)?|earn (?:money|cash|[£$€]\d)|(?:work|working) from home|passive income|financial freedom",
    r"(?:buy|cheap|real|get more|need|gain) (?:instagram |tiktok |real )?(?:followers|likes)|increase your (?:followers|sales|clients)|more clients",
    r"brand ambassadors?|(?:seo|social media management|marketing services?)(?: for)?|energy supplier|driving lessons|best rates",
    r"(?:cheap|cheapest|affordable|best|compare|get a|free|instant) (?:life insurance|insurance) (?:quotes?|cover|deals?|policies)|life insurance (?:quotes?|from [£$€]|deals?|broker|specialist|advisor|adviser)",
    r"(?:recovery|trading|investment) expert|lost funds|account manager",
    r"(?:lose|losing) weight",
)
_TAGS = re.compile(r"(?<![\w])(?:#(?:ad|ads|advert|sponsored|spon|sp|gifted|collab|affiliate|partner|promo|paidpartnership)|paid partnership|sponsored by|this post (?:was|is) sponsored|in partnership with)(?![\w])")
_RECOMMEND = rx(
    r"(?:just )?(?:go to|try|use|switch to|check out) (?:the )?[a-z]+ ?(?:app|help|space|time|flow|mind|mate)?(?: instead| app)(?:,|\.| -| it|!|$)",
    r"(?:i'?d |i would |i )?(?:highly )?recommend (?:dr\.? |doctor )?[a-z]+(?: [a-z]+)? at ",
    r"(?:is|she'?s|he'?s|they'?re|it'?s) (?:way|much|so much|far) cheaper|(?:is|she'?s|he'?s|they'?re|it'?s) (?:way|far|so much|much) better (?:than|and|value)|half the price|way cheaper|much cheaper|same[- ]day appointments",
    r"(?:you'?d|you would|you'?ll|you will|you'?re|you are|you'?d be|you would be) (?:be )?(?:so much |much |far |way )?better off (?:with|going to|seeing|using|trying|at) "
    r"(?!(?:a|an|the|your|someone|somebody|another|other|different|nhs|gp|doctor|friends?|family)\b)[a-z]+",
    r"go (?:and )?see (?:dr\.? |doctor )?[a-z]+ (?:[a-z]+ )?(?:at|in|from) (?:the )?(?:[\w'-]+ ){0,3}(?:clinic|practice|centre|center|counselling|therapy|wellness|studio)",
    r"(?:go (?:and )?see|try|see|use) (?:dr\.? |doctor )[a-z]+ (?:[\w'-]+ ){0,6}instead",
    r"(?:if (?:anyone|anybody|someone|somebody)(?:'s| is)?(?: \w+)? (?:needs?|need|wants?|is looking for|looking for|after|in need of|searching for)|(?:anyone|anybody) (?:looking for|in need of|after|searching for|wanting)) "
    r"(?:a |an )?(?:affordable |cheap |private |good |decent |top |great |proper |qualified )?(?:therapist|psychologist|counsell?ing|counsell?or|coach|life coach|therapy|online counsell?ing|hypnotherapist|reiki\w*|naturopath|nutritionist|healer|masseu\w+|massage therapist|kinesiologist|acupuncturist|psychic|medium)",
    r"(?:[£$€]\d+|\d+ ?(?:pounds|dollars)) (?:a|per) (?:session|hour)(?! (?:is|was|seems|feels|sounds|isn'?t|wasn'?t|just|though))",
    r"(?:she|he|they) (?:turned|changed|made|helped) (?:my|me)\b.{0,30}(?:message|contact|whatsapp|dm|telegram)",
    r"(?:changed|saved) my life (?:🙏|!|\.)?\s*(?:go )?(?:follow|check)",
    r"(?:where|help you where) (?:these people|they) failed",
)
_WEAK = rx(
    r"free", r"[£$€]\d[\d,.]*", r"discount", r"offer", r"deal", r"cheap(?:er)?", r"low cost", r"affordable", r"rates", r"for (?:appointments|bookings|enquiries|prices)", r"half[- ]price", r"instead", r"@[\w.-]{3,}", r"shop", r"💰|💸|🚀|🔥",
    # Soft self-promotion: the writer's own content or community, and an opening to a private chat.
    r"(?:i|we) (?:post|share|make|do) (?:similar|more|the same|daily|weekly|loads of|lots of) (?:stuff|content|things|posts|videos|tips)",
    r"i (?:just )?made (?:a|an) (?:whole |little |short )?(?:tiktok|video|reel|youtube video|post|blog post|podcast|episode)|go (?:and )?(?:watch|listen to|read) (?:it|mine|my)",
    r"come say hi|say hi over",
    r"can i (?:dm|pm|message|inbox) (?:you|u)",
    r"(?:she|he|they)(?:'s|'re| is| are) on (?:instagram|insta|ig|tiktok|facebook|fb|youtube)|best (?:therapist|hypnotherapist|counsell?or|coach|psychic|astrologer|healer|clinic) in [a-z]+|(?:google|look up) (?:her|him|them)",  # asked, yet an offer: kept even inside a question (see find)
    r"(?:selling|i sell) (?:my|some|these)",
    r"(?:joined|join) (?:a|an|our|my|this) (?:\w+ )?(?:community|team|network|program\w*) (?:that|which|who)",
)
# People reporting spam ("the crypto spam above", the "DM me" comments) are not advertising.
_META = rx(r"spam\w*", r"bots?", r"reporting", r"reported", r"scam comments?", r"fake accounts?")
_QUOTED = re.compile(r"\"[^\"]{1,80}\"")
# The writer asking the practice to get in touch ("can someone DM me", "please call me back").
_ASKS_PRACTICE = re.compile(r"(?:\b(?:can|could|would|will|please|pls|plz) (?:(?:please|pls) )?(?:someone|somebody|you|u|anyone|one of you|the team|you guys)?\s*(?:please |pls )?$)")
# The writer saying what they follow ("I follow @harbourlight too"), not telling others to.
_I_FOLLOW = re.compile(r"\b(?:i|we) (?:already |also |do |just )?$")
# Someone else who calls or texts the writer ("my ex used to call me useless", "kids at school call me ..."):
# a report of what they do, not an invitation to get in touch.
_SOMEONE_ELSE = re.compile(
    r"\b(?:used to|would|kids|people|they|he|she|everyone|everybody|always|keeps?|kept|never|still|often|sometimes|literally|"
    r"didn'?t|don'?t|doesn'?t|who|ex|mum|mom|dad|boss|friends|family)\s+(?:(?!can\b|could\b|should\b|may\b|just\b)[\w\"']+\s+){0,3}$"
)
_CONTACT_VERB = re.compile(r"(?:call|ring|phone|text|message|msg|email|e-mail|contact|dm|pm|inbox|whatsapp|telegram|hit|hmu|sent|check (?:your|ur))\b")
# Someone the writer knows who sells a service ("my sister does reiki out of her flat", "our Nicky runs a
# counselling service"): advertising for them when a price, a way to reach them or an appeal to readers follows.
_PROVIDER = rx(
    r"(?:my|our|ma|me|oor) (?:[\w'-]+ ){0,2}(?:runs|does|offers|teaches|owns|started|opened|set up|has|sells|makes) (?:a |an |her |his |their |some |own |(?:her|his|their) own )?(?:[\w'-]+ ){0,3}"
    r"(?:counsell?ing|therapy|reiki|massage|yoga|sound baths?|coach\w*|hypnotherapy|healing|readings|meditation|breathwork|acupuncture|nutrition|pilates|retreats?|workshops?|classes|practice|clinic|business|service|services"
    r"|naturopath\w*|sessions|treatments|consultations|nails|lashes|brows|makeup|candles|cakes|photography|tutoring|tuition|cleaning|gardening|landscaping|dog walking"
    r"|younique|avon|herbalife|arbonne|doterra|young living|forever living|scentsy|tupperware|juice plus|usborne|it works)",
    # "my wife's practice", "our Aoife's salon"; "I recommend my friend Dra. Silva"
    r"(?:my|our|ma|me) [\w-]+'s (?:practice|clinic|business|salon|studio|shop|company|centre|center|retreat|firm)",
    r"recommend my (?:friend|sister|brother|cousin|mum|mom|mam|dad|wife|husband|partner|colleague|mate|pal|aunt|auntie|uncle|daughter|son|niece|nephew)",
)
_REFERRAL = rx(
    r"[£$€]\d+", r"\d+ (?:an|per|a) (?:hour|session)", r"on (?:facebook|fb|instagram|insta|ig|tiktok|google)", r"if (?:anyone|anybody)",
    r"(?:she|he|they)'?(?:ll| will) see you", r"look (?:her|him|them) up", r"(?:ring|call|message|text|contact|dm|email|whatsapp) (?:her|him|them)",
    r"(?:her|his|their) (?:number|website|page|details|instagram|insta|ig|facebook|fb|tiktok|email|whatsapp)", r"out of (?:her|his|their) (?:flat|house|home|garage|studio|kitchen)",
    r"tel+ (?:her|him|them) (?:\w+ )?sent (?:you|ya|ye|u)", r"(?:has|have|got) (?:space|spaces|openings|availability|slots) (?:this|next|now|on|for|at|in)", r"taking (?:on )?new (?:clients|patients)",
    r"cheaper than", r"(?:give|gie) (?:her|his|their|them|him) (?:\w+ )?(?:page|account|insta|channel) a (?:follow|like|look)", r"i'?l+ tag (?:her|him|them)",
    r"@[\w.]{3,}",
)
# A phone number after "call", "ring", "WhatsApp"... (not "call me back"), outside any mention of a helpline.
# Business, unless it is someone the writer knows offered for a chat (a privacy matter, not advertising).
_PHONE_OFFER = re.compile(r"\b(?:call|ring|phone|contact|whatsapp|text|dial)\b(?! me\b| (?:me )?back\b)[^.!?\n]{0,40}$")
_PERSONAL_NUMBER = compile_guarded(
    r"\b(?:my|our) (?:friend|mate|pal|sister|brother|mum|mom|dad|son|daughter|wife|husband|partner|cousin|neighbour|colleague|flatmate|housemate)\b"
    r"|(?:for|if you (?:want|need|fancy)) a (?:chat|natter|coffee|catch up|talk)|meet up"
)
_HELPLINE = re.compile(
    r"\b(?:helpline|hopeline|samaritans|shout|papyrus|crisis|nhs|111|999|112|911|988|lifeline|emergency|gp|police|childline|support line|text line|24/7|a&e"
    r"|help ?phone|help ?line|hotline|kids help|pieta|aware|samh|breathing space|beyond ?blue|headspace|1737|youthline|trevor|13 ?11 ?14|1-?800|1800|hse|suicide)\b"
)
# Charity, fundraising and civic causes: their links and "on my profile" are not advertising.
_CAUSE = rx(
    r"charity|charities|fundrais\w*|raising (?:money|funds)|sponsor(?:ed|ship)? (?:swim|run|walk|cycle|ride|skydive|page|me)|sponsored (?:\w+ )?for|donat\w*|justgiving|hospice",
    r"petition|sign and share|please sign|for (?:mind|samaritans|youngminds|the hospice|cancer research|macmillan|shelter|rethink|papyrus|calm)\b",
)
# The writer's own goods or services with a commercial signal: selling, whatever the wording.
_AUTHOR_OFFER = rx(
    r"(?:my|our) (?:new |own |little |small )?(?:\w+ ){0,2}(?:products?|candles|software|app|course|courses|classes|class|studio|retreat|workshops?|sound bath|shop|store|range|ebook|programme|program|coaching|services?|tickets|blends?|gummies|oils?|teas|jewell?ery|rings|blankets|website|page|site|business|brand|clinic|platform|tool)",
)
_COMMERCE = rx(
    r"order|orders|buy|purchase|in stock|back in stock|tickets?|[£$€]\d+|free for \d+ days|free trial|(?:a|for a|your) trial|reply for|on sale|sale\b|discount|% off|pre-?order|launch\w*|just dropped|available (?:now|to buy|to order)|book (?:now|via|through|on|here)|(?:call|ring|message|dm|email|click|text) (?:us )?to book|download|enrol+ now|for a quote|rates",
)
# The writer's own trade offered to readers: "I do gutters and roofs, give me a shout", "my husband and I
# run marriage retreats, look us up on Facebook", "I run wellbeing talks for teams, reasonable rates".
_WRITER_AND_CO = r"(?:i|we|me and (?:my|the) \w+|my (?:husband|wife|partner|sister|brother|mum|mom|dad|son|daughter) and i) (?:also |now |currently )?"
_TRADES = (
    r"gutters|roofs|roofing|chimneys?(?: cleaning| sweeping)?|cleaning|gardening|landscaping|lawns?|painting|decorating|plumbing|electrics|removals|repairs|photography"
    r"|catering|cakes|candles|nails|lashes|brows|tattoos|dog walking|pet sitting|bookkeeping|mortgages|web design|websites|odd jobs|readings|massages?"
)
# "run", "teach", "offer" say the writer provides it; "do" and "have" could be the writer attending
# ("I do yoga classes", "I have sessions on Tuesdays"), so with them only a trade counts.
_OWN_TRADE = rx(
    _WRITER_AND_CO + r"(?:run|own|offer|teach|host|provide|give|sell|make|opened|set up) (?:[\w'-]+,? ){0,4}"
    r"(?:retreats?|classes|lessons|workshops?|sessions|talks|coaching|tutoring|tuition|business|clinic|studio|salon|company|services|courses?|consultations|treatments|" + _TRADES + ")",
    _WRITER_AND_CO + r"(?:do|fix|clean|repair) (?:[\w'-]+,? ){0,4}(?:" + _TRADES + ")",
)
_TRADE_SIGNAL = rx(
    r"rates|prices?|pricing|[£$€]\d+|reasonable|affordable|competitive|quotes?|look (?:us|me) up|find (?:us|me) on|on (?:facebook|fb|linkedin|instagram|insta|ig|tiktok)",
    r"give (?:me|us) a (?:shout|bel+|ring|cal+|text|message|bel)|whatsapp|dm|pm|message (?:me|us)|text (?:me|us)|cal+ (?:me|us)|(?:my|our) (?:website|page|number)|book (?:in|now|with)",
)
# Given away or done for goodwill: not trade ("giving away my desk, no money", "a free support group").
_GOODWILL = rx(r"giving away (?:my|our|some|a)", r"free to (?:a )?good home", r"no money", r"come (?:and )?(?:get|grab|colect|collect) (?:them|it)",
               r"free of charge", r"no charge", r"volunteer\w*", r"peer support", r"support group", r"not for profit|non-profit|nonprofit")
# Another practice named and sent to: "look up Mindshift Hypnosis in Bath", "go to Clearwater Psychology
# on the South Mall", "the Riverside Counselling Collective has openings". Capitalised, on the original text.
_NAMED_BUSINESS = compile_guarded(
    r"(?<![\w@])(?:[A-Z][\w'&.-]*\s){1,3}(?:Counsel+ing|Counseling|Counsel+ors|Therapy|Therapies|Psychology|Psychotherapy|Wellness|Wellbeing|Hypnosis|Hypnotherapy|Naturopathy"
    r"|Clinic|Collective|Rooms|Centre|Center|Studio|Retreats?|Coaching|Healing|Practice|Reiki|Massage|Mindfulness|Physio|Physiotherapy|Chiropractic|Acupuncture"
    r"|Yoga|Pilates|Fitness|Nutrition|Spa|Solicitors|Sons|Ltd|Limited|Services|Salon|Bakery)(?![\w])"
)
# Readers told to go there, or the business of someone the writer knows ("my friend Janine at ...",
# "my husband's firm ..."); not the writer's own habit ("I go to the Riverside Yoga Studio").
_SENT_TO = re.compile(
    r"(?:look up|google|search for|check out|try|go to|head to|get yourself (?:to|down to)|get down to|visit|book (?:in )?with|recommend) (?:the )?$"
    r"|(?:my|our|ma|me) (?:friend|sister|brother|cousin|auntie|aunt|uncle|mum|mom|mam|dad|wife|husband|partner|mate|pal|sister-in-law|brother-in-law|niece|nephew|daughter|son)"
    r"(?:'s (?:practice|clinic|business|firm|company|shop|salon|studio)| (?!works|worked|working|is|was|goes|went|used|trained|studied|volunteers)[a-z]+ (?:at|from)| (?:at|from|runs|owns|who runs|who owns)),? (?:the )?$"
)
_HABIT_SUBJECT = re.compile(r"(?<![a-z'])(?:i|we|she|he|they|who|i'?ve|we'?ve|my \w+|our \w+)(?: (?:still|usualy|usually|always|used to|also|now|sometimes|often|ever|never|to))? $")
_BUSINESS_OFFERS = re.compile(
    r"^,?(?: (?:in|on|at) [\w' ]{2,25}?,?)? (?:(?:they|she|he) )?(?:(?:has|have|'ve|'ve got|have got|got) (?:\w+ )?(?:openings|space|spaces|availability|appointments|slots|no (?:wait|waiting list))"
    r"|(?:is|are) taking (?:on )?new|(?:bulk|direct)[- ]?bills?|(?:has|have) (?:just )?opened|(?:does|do|offers?|is doing|are doing) (?:a )?(?:free|discounted|cheap|reduced)|with no waiting list)"
    r"|^[^.!?]{0,40}(?<![a-z])instead(?! of)"
)
# Public and charitable services are never "another practice": a friendly pointer to them is help.
_PUBLIC_NAME = re.compile(r"(?i:\b(?:nhs|hse|community|university|uni|student|students|college|hospital|council|public|samaritans|mind|aware|pieta|jigsaw|lifeline|headspace|beyond|citizens|women's|youth|crisis|primary|gp|medical|government|state|county|veterans|free|charity|church|parish)\b)")
# Another practitioner praised, with readers sent to them: "my life coach turned my life around, look her up".
_ALT_PRACTITIONER = rx(
    r"(?:my|this|a|an|the) (?:amazing |wonderful |brilliant |fantastic |lovely |great |incredible )?(?:life coach|healer|energy healer|naturopath|kinesiologist|hypnotherapist|reiki (?:master|practitioner|healer)"
    r"|nutritionist|herbalist|shaman|psychic|medium|astrologer|tarot reader|spiritual (?:teacher|guide|mentor|healer)|mindset (?:coach|mentor)|chiropractor|acupuncturist|homeopath|nlp practitioner)",
)
_SEND_READERS = rx(
    r"look (?:her|him|them) up", r"(?:google|search for) (?:her|him|them)", r"check (?:her|him|them) out", r"you won'?t regret it",
    r"tel+ (?:her|him|them) (?:\w+ )?sent (?:you|ya|ye|u)", r"(?:her|his|their) (?:page|website|insta|instagram|ig|number|details|facebook|tiktok)",
    r"(?:she|he|they)(?:'?l+| wil+| can) (?:sort you out|see you|fit you in|help you)",
)
# A price named in a complaint about it ("overpriced, £95 a session and I was hurried out"), not an offer.
_PRICE_COMPLAINT = re.compile(r"(?<![a-z])(?:overpriced|over-priced|expensive|pricey|rip[- ]?of+|charged|too much|steep|extortionate|daylight robbery|for what|not worth)(?![a-z])")
_QUESTION_SENTENCE = re.compile(r"(?:^|[.!?]\s+)[^\w.!?]{0,5}(?:is|are|do|does|can|could|will|would|how|what'?s|what)\b[^.!?]*\?")
_HANDLE = compile_guarded(r"(?<![\w@])@[\w.]{3,}")


# Every word group in one pass (see patterns.GroupScan); _CHECKS says which become which rule.
_SCAN = GroupScan({"meta": _META, "deal": _DEALS, "cta": _CTA, "pitch": _PITCH, "rec": _RECOMMEND, "cause": _CAUSE,
                   "offer": _AUTHOR_OFFER, "commerce": _COMMERCE, "weak": _WEAK})
_CHECKS = (
    ("deal", "promotional.deal", "It advertises a deal, offer or giveaway."),
    ("cta", "promotional.call_to_action", "It asks people to message the writer, visit their page or follow them."),
    ("pitch", "promotional.sales_pitch", "It is a sales, money-making or investment pitch."),
    ("rec", "promotional.other_service", "It recommends another paid service or offers the writer's own."),
)


@dataclass(frozen=True)
class PromoSettings:
    allowed_domains: frozenset[str]


def _digit_or_upper_code(norm: Normalised, m: re.Match[str]) -> bool:
    code = norm.original[m.start("code"):m.end("code")]
    return any(c.isdigit() for c in code) or (code.isupper() and len(code) >= 4)


def _phone_offers(norm: Normalised) -> list[tuple[int, int]]:
    offered = [sp for sp in find_phones(norm.original) if _PHONE_OFFER.search(norm.folded, max(0, sp[0] - 60), sp[0])]
    return [] if offered and _HELPLINE.search(norm.folded) else offered


_WORD = re.compile(r"[a-z0-9']+")
_NAME_REACH = 80  # how far before "tell her I sent you" the person meant is looked for
# After the practice's or a practitioner's name, a nod to them ("tell her I sent you") or a way to reach
# them ("message her on WhatsApp 07...") points at the practice itself; a "DM me" is still the writer's own offer.
_REFERRAL_NOD = re.compile(r"i sent you|mention my name")
_WRITERS_OWN = re.compile(r"(?<![a-z'])(?:me|my)(?![a-z'])")


def _about_the_practice(text: str, own_names: frozenset[str]) -> bool:
    """Whether `text` (a named business, or the words before "tell him I sent you") names the practice
    or one of its practitioners: sending readers to the page's own practice is not advertising."""
    return bool(own_names) and not own_names.isdisjoint(w.removesuffix("'s") for w in _WORD.findall(text.lower()))


def find(norm: Normalised, settings: PromoSettings, repeat_count: int = 0, own_names: frozenset[str] = frozenset()) -> list[Hit]:
    """`own_names`: the folded name words of the practice and its practitioners (names.PracticeNames),
    whom a commenter may recommend on the practice's own page."""
    folded = norm.folded
    hits: list[Hit] = []
    links: list[Link] = find_links(folded)
    for link in links:
        if link.is_shortener:
            hits.append(Hit("promotional", "promotional.shortened_link", f"It contains a shortened link ({link.host}), which hides where it goes.", [(link.start, link.end)]))
        elif not domain_allowed(link.host, settings.allowed_domains) and not is_public_or_cause(link.host):
            hits.append(Hit("promotional", "promotional.external_link", f"It links to {link.host}, which is not on the list of permitted sites.", [(link.start, link.end)]))
    for m in _CODES.finditer(folded) if "code" in folded else ():  # every match has "code"; the scan tries every word
        if _digit_or_upper_code(norm, m):
            hits.append(Hit("promotional", "promotional.discount_code", "It offers a promo or discount code.", [m.span()]))
    tags = [m.span() for m in _TAGS.finditer(folded)] if "#" in folded or "sponsor" in folded or "partner" in folded else []
    if tags:
        hits.append(Hit("promotional", "promotional.sponsored_tag", "It is tagged as an advert or sponsored content.", tags))
    found = _SCAN.scan(folded)
    meta = bool(found["meta"])
    quoted = [q.span() for q in _QUOTED.finditer(folded)] if '"' in folded else []
    questions = [q.span() for q in _QUESTION_SENTENCE.finditer(folded)] if "?" in folded else []
    for name, rule, reason in _CHECKS:
        if meta:
            break
        spans = [m.span() for m in found[name] if not any(a <= m.start() < b for a, b in quoted)]
        if name == "cta":
            spans = [sp for sp in spans if not _I_FOLLOW.search(folded, max(0, sp[0] - 20), sp[0])
                     and not (_CONTACT_VERB.match(folded, sp[0]) and (_ASKS_PRACTICE.search(folded, max(0, sp[0] - 40), sp[0])
                                                                     or _SOMEONE_ELSE.search(folded, max(0, sp[0] - 40), sp[0])))]
            if spans and _goodwill(folded):  # "message me if you want them, no money": given away
                spans = []
            spans = [sp for sp in spans if not ((_REFERRAL_NOD.search(folded, sp[0], sp[1]) or not _WRITERS_OWN.search(folded, sp[0], sp[1]))
                                                and _about_the_practice(folded[max(0, sp[0] - _NAME_REACH):sp[0]], own_names))]
        elif name == "deal":
            spans = [sp for sp in spans if not any(a <= sp[0] < b for a, b in questions)]
        elif name == "rec":
            spans = [sp for sp in spans if not (folded[sp[0]] in "£$€0123456789" and _PRICE_COMPLAINT.search(folded, max(0, sp[0] - 120), sp[1] + 120))]
        if spans:
            hits.append(Hit("promotional", rule, reason, spans))
    if not hits and not meta and found["offer"] and found["commerce"]:
        spans = [m.span() for m in found["offer"]] + [m.span() for m in found["commerce"]]
        hits.append(Hit("promotional", "promotional.sales_pitch", "The writer offers their own goods or services for sale.", spans))
    if not hits and not meta and _PROVIDER.search(folded):
        referral = _REFERRAL.finditer(folded)
        if referral:
            hits.append(Hit("promotional", "promotional.other_service", "It recommends another paid service or offers the writer's own.",
                            [m.span() for m in _PROVIDER.finditer(folded)] + [m.span() for m in referral]))
    if not hits and not meta:
        hits += _other_trade(norm, own_names)
    if hits and found["cause"]:  # a fundraiser or petition: only a real sales signal still counts
        hits = [h for h in hits if h.rule not in ("promotional.external_link", "promotional.call_to_action")]
    contact = (find_phones(norm.original) + find_emails(folded)) if hits else []
    if contact:
        hits.append(Hit("promotional", "promotional.business_contact", "It offers a phone number or address to do business.", contact))
    if not hits and not meta:
        offered = _phone_offers(norm)
        if offered and not _PERSONAL_NUMBER.search(folded):
            hits.append(Hit("promotional", "promotional.business_contact", "It offers a phone number or address to do business.", offered))
    weak = [m.span() for m in found["weak"] if (folded.startswith("can i", m.start()) or not any(a <= m.start() < b for a, b in questions))
            and not any(a <= m.start() < b for a, b in quoted) and not (m.start() == 0 and folded.startswith("@"))] if not hits else []
    if weak:  # a friend's number next to another sign of trade
        weak += _phone_offers(norm)
    if len(weak) >= 2 and not hits:
        hits.append(Hit("promotional", "promotional.weak_signals", "Several signs of advertising appear together.", weak, strength=2))
    if repeat_count > 0 and (hits or links or _HANDLE.search(folded) or weak):
        spans = [(0, len(norm.original))]
        hits.append(Hit("promotional", "promotional.repeated", f"The same text was posted on {repeat_count} other item(s): a sign of spam.", spans))
    return hits


def _other_trade(norm: Normalised, own_names: frozenset[str] = frozenset()) -> list[Hit]:
    """The writer's own trade, another named practice readers are sent to, or another practitioner praised
    with a way to find them: advertising even without a link or a "DM me"."""
    folded = norm.folded
    trade = _OWN_TRADE.finditer(folded)
    if trade and _TRADE_SIGNAL.finditer(folded) and not _goodwill(folded):
        return [Hit("promotional", "promotional.sales_pitch", "The writer offers their own goods or services for sale.", [m.span() for m in trade])]
    for m in _NAMED_BUSINESS.finditer(norm.original) if _NAMED_BUSINESS_GATE.search(folded) else ():
        if _PUBLIC_NAME.search(m.group()) or _about_the_practice(m.group(), own_names):
            continue
        sent = _SENT_TO.search(folded, max(0, m.start() - 40), m.start())
        if (sent and not _HABIT_SUBJECT.search(folded, max(0, sent.start() - 25), sent.start())) or _BUSINESS_OFFERS.search(folded[m.end():m.end() + 80]):
            return [Hit("promotional", "promotional.other_service", "It sends readers to another practice or business.", [m.span()])]
    practitioner = _ALT_PRACTITIONER.finditer(folded)
    send = _SEND_READERS.finditer(folded) if practitioner else []
    if send:
        return [Hit("promotional", "promotional.other_service", "It recommends another paid service or offers the writer's own.",
                    [m.span() for m in practitioner] + [m.span() for m in send])]
    return []


_PRICE = re.compile(r"[£$€]\d")


def _goodwill(folded: str) -> bool:
    """Something given away or done for free, with no price named anywhere."""
    return bool(_GOODWILL.finditer(folded)) and not _PRICE.search(folded)
_NAMED_BUSINESS_GATE = re.compile(
    r"counsel|therap|psycholog|wellness|wellbeing|hypno|naturopath|clinic|collective|rooms|centre|center|studio|retreat|coaching|healing|practice|reiki|massage|mindfulness"
    r"|physio|chiropractic|acupuncture|yoga|pilates|fitness|nutrition|spa|solicitors|sons|ltd|limited|services|salon|bakery"
)


def for_a_cause(norm: Normalised) -> bool:
    """A fundraiser, petition or charity appeal: the learned wording model must not call it advertising alone."""
    return _CAUSE.search(norm.folded) is not None
