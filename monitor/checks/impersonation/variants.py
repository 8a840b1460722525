"""Look-alike handles to look up directly, the way brand-protection tools enumerate look-alike
domains: for each official handle, the handles an impersonator would register.

Classes: homoglyph (ASCII look-alikes a platform accepts: 0/o, 1/l, rn/m, vv/w, cl/d), omission,
insertion, repetition, transposition, adjacent-key replacement, vowel swap, separators added or
removed, added words (official, real, team, support, help, the, uk, digits, years) and the same name
on other servers or hosting domains for federated platforms. Only handles the platform can actually
hold are produced. The order puts the likeliest fakes first; the sweep walks it a few dozen look-ups
per run and continues where it stopped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from itertools import zip_longest

from monitor.checks.impersonation import handles as H

KEYBOARD_ROWS = ("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm")
VOWELS = "aeiou"
ADDED_WORDS = ("official", "real", "the", "team", "support", "help", "uk", "info", "care", "hq", "admin", "bookings")
ASCII_LOOKALIKES = {"o": ("0",), "0": ("o",), "l": ("1", "i"), "1": ("l",), "i": ("1", "l"), "m": ("rn",), "w": ("vv",), "d": ("cl",)}
SEQUENCE_LOOKALIKES = {"rn": "m", "vv": "w", "cl": "d"}
# Big general-purpose Mastodon servers where a fake is most likely registered.
POPULAR_MASTODON = ("mastodon.social", "mastodon.online", "mstdn.social", "mas.to", "mastodon.world",
                    "mastodonapp.uk", "mastodon.scot", "social.vivaldi.net", "c.im", "mstdn.party")

CLASS_ORDER = ("other_server", "separator", "added_word", "homoglyph", "omission", "transposition",
               "repetition", "vowel_swap", "adjacent_key", "insertion")

_VALID = {
    "mastodon": re.compile(r"^[a-z0-9_]{1,30}$"),
    "instagram": re.compile(r"^(?!.*\.\.)(?!\.)(?!.*\.$)[a-z0-9._]{1,30}$"),
    "facebook": re.compile(r"^[a-z0-9.]{5,50}$"),
    "bluesky": re.compile(r"^(?!-)(?!.*-$)[a-z0-9-]{1,63}$"),
}
_SEPARATORS = {"mastodon": "_", "instagram": "._", "facebook": ".", "bluesky": "-"}


@dataclass(frozen=True)
class Variant:
    handle: str  # full handle as the platform's look-up takes it
    cls: str  # one of CLASS_ORDER
    source: str  # the official handle it was made from


def keyboard_neighbours(ch: str) -> str:
    out = []
    for r, row in enumerate(KEYBOARD_ROWS):
        c = row.find(ch)
        if c < 0:
            continue
        for rr in (r - 1, r, r + 1):
            if 0 <= rr < len(KEYBOARD_ROWS):
                for cc in (c - 1, c, c + 1):
                    if 0 <= cc < len(KEYBOARD_ROWS[rr]) and (rr, cc) != (r, c):
                        out.append(KEYBOARD_ROWS[rr][cc])
    return "".join(out)


def local_variants(local: str, platform: str, *, year: int | None = None) -> dict[str, list[str]]:
    """Look-alikes of the readable part of a handle, per class (duplicates across classes allowed)."""
    s = local
    seps = _SEPARATORS.get(platform, "_.")
    year = year or date.today().year
    out: dict[str, list[str]] = {c: [] for c in CLASS_ORDER}
    # separators: remove each, add one at each gap
    for i, ch in enumerate(s):
        if ch in "._-":
            out["separator"].append(s[:i] + s[i + 1:])
            for other in seps:
                if other != ch:
                    out["separator"].append(s[:i] + other + s[i + 1:])
    for i in range(1, len(s)):
        if s[i - 1] not in "._-" and s[i] not in "._-":
            out["separator"] += [s[:i] + sep + s[i:] for sep in seps]
    # added words and digits
    join = [""] + list(seps)
    for w in ADDED_WORDS:
        for sep in join:
            out["added_word"].append(s + sep + w)
            if w in ("the", "real", "official", "team"):
                out["added_word"].append(w + sep + s)
    for d in ("1", "2", "01", "uk", str(year), str(year - 1), str(year)[2:]):
        for sep in join[:2]:
            out["added_word"].append(s + sep + d)
    # homoglyphs (ASCII only: what handles accept)
    for i, ch in enumerate(s):
        for r in ASCII_LOOKALIKES.get(ch, ()):
            out["homoglyph"].append(s[:i] + r + s[i + 1:])
    for seq, rep in SEQUENCE_LOOKALIKES.items():
        for m in re.finditer(seq, s):
            out["homoglyph"].append(s[: m.start()] + rep + s[m.end():])
    letters = [i for i, ch in enumerate(s) if ch.isalnum()]
    for i in letters:
        out["omission"].append(s[:i] + s[i + 1:])
        out["repetition"].append(s[:i] + s[i] + s[i:])
        if s[i] in VOWELS:
            out["vowel_swap"] += [s[:i] + v + s[i + 1:] for v in VOWELS if v != s[i]]
        out["adjacent_key"] += [s[:i] + n + s[i + 1:] for n in keyboard_neighbours(s[i]) if n.isalpha()]
        # insertion of a key next to this one, before or after it (a slipped finger)
        for n in keyboard_neighbours(s[i]):
            if n.isalpha():
                out["insertion"] += [s[:i] + n + s[i:], s[: i + 1] + n + s[i + 1:]]
    for i in range(len(s) - 1):
        if s[i] != s[i + 1] and s[i].isalnum() and s[i + 1].isalnum():
            out["transposition"].append(s[:i] + s[i + 1] + s[i] + s[i + 2:])
    return out


def valid_local(platform: str, local: str) -> bool:
    pattern = _VALID.get(platform)
    return bool(pattern.match(local)) if pattern else bool(local)


def handle_variants(platform: str, handle: str, *, year: int | None = None) -> list[Variant]:
    """Every look-alike of one official handle the platform could hold, likeliest classes first."""
    official = H.canonical(platform, handle)
    p = H.parts(platform, official)
    by_class = local_variants(p.local, platform, year=year)
    seen = {official}
    out: list[Variant] = []

    def add(h: str, cls: str) -> None:
        h = H.canonical(platform, h)
        if h not in seen:
            seen.add(h)
            out.append(Variant(h, cls, official))

    if platform == "mastodon":
        for server in POPULAR_MASTODON:
            if server != p.domain:
                add(f"{p.local}@{server}", "other_server")
    elif platform == "bluesky" and p.domain and p.domain not in H.BLUESKY_HOSTED and valid_local(platform, p.local):
        add(f"{p.local}.bsky.social", "other_server")
    for cls in CLASS_ORDER[1:]:
        for local in by_class[cls]:
            if valid_local(platform, local):
                add(_with_domain(platform, local, p), cls)
    return out


def _with_domain(platform: str, local: str, p: H.HandleParts) -> str:
    if platform == "mastodon":
        return f"{local}@{p.domain}" if p.domain else local
    if platform == "bluesky":
        # A fake registers a free name on the hosting service, not a look-alike domain.
        return f"{local}.{H.BLUESKY_HOSTED[0]}"
    return local


def lookup_plan(identities, platform: str, *, exclude: set[str] | None = None, year: int | None = None) -> list[Variant]:
    """The look-ups for one platform, interleaved across identities so every run covers each of them.

    Identities without a handle on this platform are covered through their handles elsewhere (the
    same name is often registered by a fake on the platform the practice does not use).
    """
    exclude = {H.canonical(platform, h) for h in (exclude or set())}
    per_identity: list[list[Variant]] = []
    for ident in identities:
        sources = []
        if platform in ident.handles:
            sources.append(ident.handles[platform])
        else:
            for other, h in ident.handles.items():
                local = H.parts(other, h).local
                if platform == "bluesky":
                    local = local.replace("_", "-").replace(".", "-")
                    sources.append(f"{local}.bsky.social")
                elif platform == "mastodon":
                    sources.append(f"{local.replace('.', '_').replace('-', '_')}@mastodon.social")
                else:
                    sources.append(local.replace("-", "").replace("_", "." if platform == "facebook" else "_"))
        variants: list[Variant] = []
        for src in dict.fromkeys(sources):
            if platform not in ident.handles:
                variants.append(Variant(H.canonical(platform, src), "other_server", src))
            variants += handle_variants(platform, src, year=year)
        per_identity.append([v for v in variants if v.handle not in exclude])
    plan: list[Variant] = []
    seen: set[str] = set()
    for group in zip_longest(*per_identity):
        for v in group:
            if v is not None and v.handle not in seen:
                seen.add(v.handle)
                plan.append(v)
    return plan
