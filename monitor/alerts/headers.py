"""Making untrusted text safe for email headers and bodies.

Post text, names and handles come from strangers. In a header, a CR or LF would let them add their own
headers (Bcc: ...), so every header value built from such text passes through `header_text`: control
characters, line separators and bidirectional overrides are removed, whitespace is collapsed and the
length is limited. Bodies keep their line breaks but lose the other control characters (`body_text`).
Registered secrets are hidden in both (`monitor.secrets.redact`).
"""

from __future__ import annotations

import re
import unicodedata
import secrets
import time

from monitor.secrets import redact

SUBJECT_LIMIT = 120
ELLIPSIS = "…"

# Categories removed everywhere: controls (Cc), format characters such as bidi overrides and
# zero-width joiners (Cf), line/paragraph separators (Zl, Zp), surrogates and private use.
_REMOVE_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Co"})
_WS = re.compile(r"\s+")


def _strip_controls(text: str, keep: str = "") -> str:
    return "".join(ch for ch in text if ch in keep or unicodedata.category(ch) not in _REMOVE_CATEGORIES)


def header_text(value: object, limit: int = SUBJECT_LIMIT) -> str:
    """One safe header line: no CR/LF or other control characters, single spaces, at most `limit` chars."""
    text = redact(str(value or ""))
    # Line breaks and tabs become spaces first, so "a\r\nBcc: x" reads "a Bcc: x", never a new header.
    text = _strip_controls(text.replace("\r", " ").replace("\n", " ").replace("\t", " "))
    text = _WS.sub(" ", text).strip()
    return shorten(text, limit)


def body_text(value: object) -> str:
    """Untrusted text for an email body: line breaks kept (as \\n), other control characters removed."""
    text = redact(str(value or ""))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _strip_controls(text, keep="\n\t")


def inline_text(value: object, limit: int | None = None) -> str:
    """Untrusted text shown on one line of a body (names, handles, reasons)."""
    text = _WS.sub(" ", body_text(value)).strip()
    return shorten(text, limit) if limit else text


def shorten(text: str, limit: int) -> str:
    """Cut at a word boundary when one is near, marking the cut with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space >= limit * 0.6:
        cut = cut[:space]
    return cut.rstrip(" ,;:-") + ELLIPSIS


def safe_address(addr: str) -> str:
    """A configured address, refused if it could smuggle a header (the config is trusted, but be sure)."""
    addr = addr.strip()
    if not addr or any(unicodedata.category(ch) in _REMOVE_CATEGORIES for ch in addr) or "," in addr:
        raise ValueError(f"not a usable email address: {addr!r}")
    return addr


def unique_addresses(addresses: list[str]) -> list[str]:
    """Addresses in order, each once (compared without case)."""
    seen: set[str] = set()
    out: list[str] = []
    for a in addresses:
        a = safe_address(a)
        if a.lower() not in seen:
            seen.add(a.lower())
            out.append(a)
    return out


def message_id(sender: str, kind: str) -> str:
    """A new, globally unique Message-ID on the sender's domain; kept across retries of the message."""
    domain = sender.rsplit("@", 1)[-1] if "@" in sender else ""
    domain = re.sub(r"[^A-Za-z0-9.-]", "", domain) or "practice-monitor.invalid"
    # Short enough that the header is never folded (some tools compare Message-IDs as raw text).
    tag = re.sub(r"[^a-z]", "", kind)[:10] or "mail"
    return f"<{tag}.{int(time.time()):x}.{secrets.token_hex(8)}@{domain[:40]}>"
