"""Payment and personal-data requests in the practice's own posts: a sign of a hacked or fake account.

The idea is money asked for through a channel the practice does not use (transfers, gift cards,
crypto, payment apps, a link or DM) or sensitive details asked for (card or bank details, passwords
and codes, dates of birth, NHS and other identity numbers). Fees on the website, payment at
reception or the secure portal, and warnings about scams are not requests.
"""

from __future__ import annotations

import re

from monitor.checks.posts.rules import rx, sentence_bounds

PAYMENT = rx(
    r"(?:send|pay|transfer|deposit|wire)(?: us| me)? (?:your |the |a |an )?(?:[£$€]?\d+ )?(?:deposit |payment |fee |balance |outstanding balance |money )?(?:via|by|through|to|using|in|with) (?:paypal|bank transfer|bitcoin|btc|crypto|gift ?cards?|cash ?app|venmo|zelle|western union|our new|the new|this)",
    r"(?:via|by|through) paypal|paypal\s*:|pay(?:ment)? (?:\w+ ){0,3}in (?:bitcoin|crypto|gift cards)|wallet address",
    r"(?:card|bank|account) (?:number|details|info)|sort code|cvv|expiry date|security code|pin number|mother'?s maiden name|nhs number|date of birth|passwords?|login details",
    r"(?:verify|confirm|update) your (?:account|details|identity|card|payment|information)",
    r"(?:account|booking|page) will be (?:suspended|closed|cancelled|deleted)|(?:account|profile) (?:has been|is|was|will be) (?:flagged|suspended|locked|restricted|compromised|disabled|deactivated)",
    r"log ?in (?:to keep|to verify|to confirm|to avoid|to unlock)|(?:click|tap|visit)(?: \S+){0,3} (?:and|to) (?:log ?in|sign in|verify|confirm)",
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
    r"(?:itunes|steam|google play|amazon|apple|xbox|playstation) (?:vouchers?|cards?|codes?)|vouchers? (?:codes?|as payment)|bc1[a-z0-9]{20,}|0x[0-9a-f]{20,}",
    r"(?:card|long card|bank|banking) (?:number|login|password|pin|digits)|sort code|bank login",
    # Round 5: card data in other words ("the 16 digits on the front of your card", "card no + exp + cvc").
    r"(?:\d+|long|\w+) (?:digits?|numbers?) (?:on|from|across) (?:the (?:front|back) of )?(?:your|ur|the) (?:\w+ )?card|card (?:no|num|nums|digits|info|expiry|exp|cvc|cvv|pin)\b|cvc|cv2",
    # Codes and logins that unlock an account: one-time codes, passcodes, a login handed over.
    r"one[- ]time (?:code|passcode|password|pin)|otp|verification code|(?:code|pin) (?:we(?:'ve| have)? (?:just )?|that we )?(?:sent|texted|emailed) (?:to )?you|passcodes?",
    r"(?:send|share|give|dm|tell|comment|reply with|message|enter|type|confirm|verify|provide|email|post) (?:us |me )?(?:\w+ ){0,3}(?:login|log-in|log in details|username)",
    r"(?:photo|pic|picture|image|snap|scan|screenshot) of (?:your|ur|the|both sides of your) (?:\w+ )?(?:passport|card|id|licence|license|back)",
)
# Payment means with innocent uses (the practice's own gift vouchers, crypto in the news): a request
# only where the sentence is about paying.
PAYMENT_WEAK = rx(
    r"bitcoin|gift ?(?:cards?|codes?|vouchers?)|(?:btc|eth|usdt|usdc|crypto(?:currency)?|tron)",
)
_PAYING = re.compile(
    r"\b(?:pay\w*|fees?|invoices?|deposits?|balance|settle|send|sent|transfer\w*|accept\w*|wallet|donat\w*|address|codes?|photos?|pictures?|scratch)\b"
)


def in_payment_context(folded: str, span: tuple[int, int]) -> bool:
    """A weak payment word counts only in a sentence about paying for something."""
    s, e = sentence_bounds(folded, *span)
    text = folded[s:span[0]] + " " + folded[span[1]:e]
    return bool(_PAYING.search(text))
# Concepts (round 3): money asked for through a social-media channel or link.
_PAY_VERB = r"(?:send|pay|transfer|settle|e-?transfer|venmo|zelle|wire|top up|monzo|revolut)"
# What follows "send" when a message is sent, not money: "send you a text reminder", "sending out texts".
_SENDS_A_MESSAGE = r"(?: out)?(?: (?:you|u|us|them|clients|everyone|people))?(?: (?:a|an|the|our|a quick|a short))? (?:text|texts|txt|sms|reminders?|messages?|emails?|letters?|forms?|confirmation)\b"
_MONEY = r"(?:fees?|invoices?|deposits?|balance|payments?|money|\$\d+|£\d+|€\d+)"
PAYMENT_CONCEPT = rx(
    _PAY_VERB + r"(?: us| me)?(?: your| the| this| any| a| an| our)?(?: \w+){0,2} " + _MONEY + r"\b[^.!?]{0,40}?\b(?:via|through|using|on|in|to|into|by) (?:this |the |our |a |your )?(?:link|messenger|dm|dms|inbox|comments?|chat|page|app|account|paypal|venmo|zelle|revolut|monzo|cash ?app|crypto|bitcoin|\w+\.\w+)",
    r"(?:comment|reply|message|dm|send|post)(?: us| me)?(?: with)? (?:your|the) (?:card'?s?|card number|long card|bank) (?:\w+ ){0,3}(?:digits|number|expiry|details|cvv)|(?:last|first) \d+ digits|expiry (?:date)?(?: to| and)",
    r"pay(?:ment)? (?:\w+ ){0,3}(?:via|through|using) (?:this|the|our) (?:new )?link|(?:instead of|not through) (?:the |our )?(?:usual )?portal",
    # Round 4: money asked for with a private channel in the same sentence ("DM for the link", "message us the code").
    # ("We'll send you a text reminder" sends a message, not money.)
    r"(?:pay|paid|payment|payments|send(?!" + _SENDS_A_MESSAGE + r")|sending(?!" + _SENDS_A_MESSAGE + r")|transfer|settle|deposit|deposits|fees?|balance|invoices?|refunds?|[£$€]\d+)\b(?:[^.!?]|\.(?=\S)){0,60}?\b(?:dm|dms|inbox|message (?:us|me)|messages|whatsapp|text|reply to this|comment ['\"]?\w+['\"]?|screenshot|receipt|wallet|address|in our bio|link (?:below|in (?:our )?bio)|pinned)\b",
    # A keyword comment that opens a private payment chat ("comment PAY and we'll message you the link to pay").
    r"(?:comment|reply|type) ['\"]?\w+['\"]? (?:below )?(?:and|&) (?:we'?ll|we will|i'?ll) (?:dm|message|send|inbox|text) you\b[^.!?]{0,40}?\b(?:pay\w*|fees?|invoices?|deposits?|balance)",
    r"\b(?:dm|dms|inbox|message (?:us|me)|whatsapp|text)\b[^.!?]{0,60}?\b(?:pay|payment|payments|transfer|deposit|fees?|balance|invoices?|bank details|account details|card|codes?|[£$€]\d+)\b",
)


# Every request for payment or personal details names money, a means of payment or a detail; a post
# that names none ("we'll send you a text reminder before your session") asks for nothing, so the
# wording model must not flag it alone (engine.ordinary_for). All 284 payment requests of the
# training sets name one.
NAMES_MONEY_OR_DETAILS = re.compile(
    r"pay|paid|card|bank|account|sort ?code|iban|fee|deposit|balance|invoice|[£$€]|crypto|bitcoin|btc|usdt|gift ?card|voucher"
    r"|password|passcode|\bpin\b|code|otp|birth|\bdob\b|number|address|details|verif|log ?in|sign ?in|wallet|transfer|refund"
    r"|money|cash|paypal|venmo|revolut|monzo|zelle|amazon|itunes|steam|apple|google play|information|\binfo\b|personal|identity"
    r"|\bid\b|passport|licen[cs]e|insurance|postcode|security|\bssn\b|\bpps\b|maiden"
)
