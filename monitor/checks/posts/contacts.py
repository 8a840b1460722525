"""Contact details in text: phone numbers, email addresses and street addresses.

Used by two categories: offered for business they are advertising; about a person they endanger
that person's privacy. Well-known helpline numbers (116 123, 999, 988...) are never contact details.
"""

from __future__ import annotations

import re

EMAIL_RE = re.compile(r"[a-z0-9][a-z0-9._%+-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}")
# 9+ digits, allowing spaces, dots, dashes and brackets between groups, optional +country code.
PHONE_RE = re.compile(r"(?<![\w£$€])(?:\+|00)?\d[\d ().-]{7,}\d(?![\w%])")
# Case-sensitive on the original: "14 Elm Grove", "7 Harbour View, Portishead".
STREET_RE = re.compile(
    r"\b\d{1,4}[A-Za-z]?,? (?:[A-Z][a-z]+ ){1,3}(?:Road|Rd|Street|St|Lane|Ln|Avenue|Ave|Grove|Close|Drive|Way|View|"
    r"Court|Crescent|Place|Terrace|Gardens|Hill|Park|Row|Walk|Mews|Square|Boulevard|Blvd|Parade|Rise|Vale)\b"
)
POSTCODE_RE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b")


_DIGITS = re.compile(r"\d{2}")  # phone numbers and street addresses cannot occur without two digits in a row


def find_phones(text: str) -> list[tuple[int, int]]:
    if not _DIGITS.search(text):
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
    if not re.search(r"\d", original):
        return []
    out = [(m.start(), m.end()) for m in STREET_RE.finditer(original)]
    out += [(m.start(), m.end()) for m in POSTCODE_RE.finditer(original)]
    return out
