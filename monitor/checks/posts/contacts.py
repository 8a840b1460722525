"""Contact details in text: phone numbers, email addresses and street addresses.

Used by two categories: offered for business they are advertising; about a person they endanger
that person's privacy. Well-known helpline numbers (116 123, 999, 988...) are never contact details.
"""

from __future__ import annotations

import re

from monitor.checks.posts.patterns import compile_guarded

EMAIL_RE = re.compile(r"[a-z0-9][a-z0-9._%+-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}")
# 9+ digits, allowing spaces, dots, dashes and brackets between groups, optional +country code.
PHONE_RE = re.compile(r"(?<![\w£$€])(?:\+|00)?\d[\d ().-]{7,}\d(?![\w%])")
# Case-sensitive on the original: "14 Elm Grove", "7 Harbour View, Portishead".
_STREET_NAME = (
    r"(?:[A-Z][a-z]+ ){1,3}(?:Road|Rd|Street|St|Lane|Ln|Avenue|Ave|Grove|Close|Drive|Way|View|"
    r"Court|Crescent|Place|Terrace|Gardens|Hill|Park|Row|Walk|Mews|Square|Boulevard|Blvd|Parade|Rise|Vale)\b"
)
STREET_RE = re.compile(r"\b\d{1,4}[A-Za-z]?,? " + _STREET_NAME)
# Where someone lives without a house number: "lives on my road", "she lives on Ashgrove Terrace".
RESIDENCE_RE = re.compile(
    r"\b(?i:lives?|living|stays?) (?i:at|on|in|round|near|opposite|next door to|just off|down) (?:(?i:my|our|the same) (?i:road|street|close|estate|block|avenue)\b|"
    r"(?i:the )?(?i:flat|house|number|no\.?) ?\d+|" + _STREET_NAME + ")"
)
POSTCODE_RE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b")


# Cheap tests for the scans below, each written to start with a digit so the engine jumps from digit to
# digit instead of trying the full pattern at every character; each holds in every match it stands for.
_PHONE_SHAPE = re.compile(r"\d[\d ().-]{7,}\d")  # PHONE_RE without its edges
_DIGIT = re.compile(r"\d")
_STREET_SHAPE = re.compile(r"\d[A-Za-z]?,? [A-Z]")  # "14 Elm", "7b, Harbour"
_POSTCODE_SHAPE = re.compile(r"\d[A-Z]{2}")  # the inward code, "BS1 4DJ" -> "4DJ"


def find_phones(text: str) -> list[tuple[int, int]]:
    if not _PHONE_SHAPE.search(text):
        return []
    out = []
    for m in PHONE_RE.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        if 9 <= len(digits) <= 15 and not re.fullmatch(r"(19|20)\d\d\s*[-–]\s*(19|20)?\d\d", m.group().strip()):
            out.append((m.start(), m.end()))
    return out


def find_emails(folded: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in EMAIL_RE.finditer(folded)] if "@" in folded else []


def find_addresses(original: str) -> list[tuple[int, int]]:
    if not _DIGIT.search(original):
        return []
    out = [(m.start(), m.end()) for m in STREET_RE.finditer(original)] if _STREET_SHAPE.search(original) else []
    out += [(m.start(), m.end()) for m in POSTCODE_RE.finditer(original)] if _POSTCODE_SHAPE.search(original) else []
    return out


# A number or address offered by a business or a helpline is advertising or help, not someone's private
# details (promotional and the helpline list deal with those). Whose it is decides: "her personal
# mobile", "lives at" are private whatever else the post says.
_PRIVATE_OWNER = re.compile(
    r"\b(?:personal|private|home|house) (?:mobile|number|phone|address|email)|\blives? (?:at|on|in)\b|\baddress is\b"
)
_OFFERED = compile_guarded(
    r"[£€$₹]\s?\d|\d\s?(?:euro|quid|pounds|dollars|rupees)\b|\b(?:an|per|a|/) ?(?:hour|hr|session)\b|\binvest\w*|\breturns\b|\bprofits?\b|"
    r"\bguarantee\w*|\bdiscount|\boffers?\b|half price|% off|\blow cost|\bcheap|\baffordable|\bprices?\b|\bbook(?:ing|ings)? (?:now|in|a|an)\b|"
    r"\benquir|\binquir|\bcall now|\bclinic\b|\bservices?\b|\bconsultations?\b|\bspecialist|\bsolves?\b|\bhypno\w*|\breiki\b|"
    r"\bcoach(?:ing)?\b|\bastrolog\w*|\bspells?\b|\bloans?\b|\bcrypto|\bforex|\btrading\b|\bbusiness\b"
)
_HELP_OFFERED = re.compile(
    r"\bhelplines?\b|\bhotline|\bcrisis line|\blifeline|\b(?:it'?s|is|are|they'?re) free\b|\bfree (?:to call|on|number|phone)\b|\bfree(?:phone)?,? (?:and )?(?:confidential|24/7|24 hours)|\b24/7\b|"
    r"\bif any(?:one|body)(?: \w+){0,3} needs? (?:it|them|help|to talk|someone)|\bsamaritans\b|\bshout\b|\bhelp ?phone\b|\btext ?line\b"
)
# Helpline and emergency numbers, read on the digits alone ("1-800-273-8255" = "18002738255"): free
# numbers (0800, 0808, 1800, 1300, North America's 1-8xx), short codes (116 123, 13 11 14, 1737, 988,
# 999, 111, 000, 911...) and the UK's 116 from abroad.
_HELPLINE_DIGITS = re.compile(r"(?:0800|0808|1800|1300|1?8(?:00|88|77|66|55|44|33)\d{7}|116\d{3}|4{2}116\d{3}|13\d{4}|1737|988|999|111|112|911|000)")
_NOT_DIGIT = re.compile(r"\D")


def _helpline_number(number: str) -> bool:
    digits = _NOT_DIGIT.sub("", number)
    m = _HELPLINE_DIGITS.match(digits)
    return bool(m) and (m.end() == len(digits) or m.group() in ("0800", "0808", "1800", "1300"))


def find_contacts(original: str, folded: str) -> list[tuple[int, int]]:
    """Someone's phone number, email, street address or residence, unless offered by a business or a helpline."""
    found = [(s, e) for s, e in find_phones(original) if not _helpline_number(original[s:e])]
    found += find_emails(folded) + find_addresses(original)
    if "liv" in folded or "stay" in folded:
        found += [(m.start(), m.end()) for m in RESIDENCE_RE.finditer(original)]
    if not found:
        return []
    if not _PRIVATE_OWNER.search(folded) and (_OFFERED.search(folded) or _HELP_OFFERED.search(folded)):
        return []
    return found
