"""Handles and profile URLs of the four networks: one canonical spelling, its parts, its public URL.

Staff paste whatever they have (a profile URL, `@name`, `name@server`); the monitor stores one
canonical handle per platform, so the same account is never two suspects.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from monitor.errors import MonitorError

PLATFORMS = ("mastodon", "bluesky", "instagram", "facebook")
BLUESKY_HOSTED = ("bsky.social",)
# Second-level labels under which names are registered (harbourlight.co.uk -> harbourlight).
_SECOND_LEVEL = {"co", "org", "ac", "gov", "net", "com", "me", "ltd", "plc", "nhs"}


class BadHandle(MonitorError):
    """A handle or profile URL that cannot be read (a usage error: exit 2)."""


@dataclass(frozen=True)
class HandleParts:
    """`local` is the name people read; `domain` the server (federated platforms) or None."""

    local: str
    domain: str | None = None


def _decode_idna(label: str) -> str:
    if label.startswith("xn--"):
        try:
            return label.encode("ascii").decode("idna")
        except (UnicodeError, ValueError):
            return label
    return label


def canonical(platform: str, handle: str) -> str:
    """Lower case, no leading '@', no surrounding blanks; `user@server` for Mastodon accounts."""
    h = (handle or "").strip().lstrip("@").strip()
    return h.casefold() if platform in PLATFORMS else h


def parts(platform: str, handle: str) -> HandleParts:
    h = canonical(platform, handle)
    if platform == "mastodon" or ("@" in h and platform not in ("bluesky",)):
        local, _, domain = h.partition("@")
        return HandleParts(local, domain or None)
    if platform == "bluesky":
        labels = [_decode_idna(x) for x in h.split(".") if x]
        for hosted in BLUESKY_HOSTED:
            if h.endswith("." + hosted):
                return HandleParts(".".join(labels[: -len(hosted.split("."))]), hosted)
        if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2:
            name, domain = labels[:-2], labels[-2:]
        elif len(labels) >= 2:
            name, domain = labels[:-1], labels[-1:]
        else:
            name, domain = labels, []
        return HandleParts(".".join(name), ".".join(domain) or None)
    return HandleParts(h, None)


def watched_account_handle(platform: str, account: str, base_url: str = "", default_base_url: str = "") -> str:
    """The full handle of a watched profile's `account` (a bare Mastodon name gets its server's domain)."""
    h = canonical(platform, account)
    if platform == "mastodon" and h and "@" not in h:
        host = urlsplit(base_url or default_base_url or "https://mastodon.social").hostname
        return f"{h}@{host}" if host else h
    return h


def profile_url(platform: str, handle: str, base_url: str = "") -> str | None:
    """The public page of an account, as a person would open it in a browser."""
    h = canonical(platform, handle)
    if not h:
        return None
    if platform == "mastodon":
        p = parts(platform, h)
        if p.domain:
            return f"https://{p.domain}/@{p.local}"
        return f"{base_url.rstrip('/')}/@{p.local}" if base_url else None
    if platform == "bluesky":
        return f"https://bsky.app/profile/{h}"
    if platform == "instagram":
        return f"https://www.instagram.com/{h}/"
    if platform == "facebook":
        return f"https://www.facebook.com/{h}" if not h.isdigit() else f"https://www.facebook.com/profile.php?id={h}"
    return None


def platform_of_url(url: str) -> str | None:
    host = (urlsplit(url).hostname or "").casefold()
    if host.endswith("instagram.com"):
        return "instagram"
    if host.endswith(("facebook.com", "fb.com")):
        return "facebook"
    if host in ("bsky.app",) or host.endswith(".bsky.app"):
        return "bluesky"
    if re.match(r"^/@[^/]+", urlsplit(url).path) or urlsplit(url).path.startswith("/users/"):
        return "mastodon"
    return None


def parse_profile_ref(ref: str, platform: str | None = None) -> tuple[str, str]:
    """`(platform, canonical handle)` from a profile URL or a handle; BadHandle when it cannot be read."""
    text = (ref or "").strip()
    if not text:
        raise BadHandle("give the suspect's profile URL or handle")
    if re.match(r"^https?://", text, re.I):
        guessed = platform_of_url(text)
        platform = platform or guessed
        if platform is None:
            raise BadHandle(f"cannot tell the platform of {text!r}; add --platform")
        handle = _handle_from_url(platform, text)
    else:
        if platform is None:
            raise BadHandle("add --platform (mastodon, bluesky, instagram or facebook) for a bare handle")
        handle = text
    if platform not in PLATFORMS:
        raise BadHandle(f"unknown platform {platform!r} (choose from {', '.join(PLATFORMS)})")
    handle = canonical(platform, handle)
    if not handle or re.search(r"\s|/", handle):
        raise BadHandle(f"{ref!r} is not a {platform} handle or profile URL")
    return platform, handle


def _handle_from_url(platform: str, url: str) -> str:
    u = urlsplit(url)
    host = (u.hostname or "").casefold()
    segs = [s for s in u.path.split("/") if s]
    if platform == "mastodon":
        if segs and segs[0].startswith("@"):
            name = segs[0][1:]
            return name if "@" in name else f"{name}@{host}"
        if len(segs) >= 2 and segs[0] == "users":
            return f"{segs[1]}@{host}"
    elif platform == "bluesky":
        if len(segs) >= 2 and segs[0] == "profile":
            return segs[1]
    elif platform == "instagram":
        if segs and segs[0] not in ("p", "reel", "stories", "explore", "accounts"):
            return segs[0]
    elif platform == "facebook":
        if segs and segs[0] == "profile.php":
            ids = parse_qs(u.query).get("id")
            if ids:
                return ids[0]
        if len(segs) >= 3 and segs[0] == "people":
            return segs[2]
        if segs and segs[0] not in ("pages", "groups", "watch", "share"):
            return segs[0]
        if len(segs) >= 3 and segs[0] == "pages":
            return segs[-1]
    raise BadHandle(f"{url!r} does not look like a {platform} profile URL")
