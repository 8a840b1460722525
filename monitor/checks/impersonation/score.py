"""Scoring one account against the identities the practice protects. Every signal explains itself.

The score is a noisy-OR of independent signals: each one on its own says "this much evidence of
impersonation", and together they add up without ever passing 1. Strong primary signals are the
handle, the display name and the avatar; the bio, a young account and few followers only add to an
existing resemblance (many new accounts with small followings are perfectly ordinary).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import JaroWinkler, OSA

from monitor.checks.impersonation import handles as H
from monitor.checks.impersonation.normalise import fold, key, skeleton, tricks_used
from monitor.checks.impersonation.words import AFFIXES, GENERIC, TITLES
from monitor.config.model import IdentityConfig, ImpersonationConfig
from monitor.items import Account

LIBRARY_KEY = ""  # avatar_phashes key for images of the approved library (not tied to one identity)
MIN_KEY = 5  # shorter names are compared for equality only
MIN_CONTAINED = 8  # a name must be at least this long to count when it appears inside a longer one

VERDICTS = ("impersonation", "suspicious", "benign", "official")


@dataclass(frozen=True)
class Signal:
    """One piece of evidence: its kind, the weight it adds, and a sentence for staff."""

    kind: str
    weight: float
    reason: str
    identity: str | None = None
    detail: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        d = asdict(self)
        d["weight"] = round(self.weight, 3)
        return d


@dataclass(frozen=True)
class ImpersonationScore:
    platform: str
    handle: str
    score: float
    verdict: str
    matched_identity: str | None
    reasons: tuple[str, ...]
    signals: tuple[Signal, ...] = ()

    def to_dict(self) -> dict:
        return {
            "platform": self.platform,
            "handle": self.handle,
            "score": round(self.score, 3),
            "verdict": self.verdict,
            "matched_identity": self.matched_identity,
            "reasons": list(self.reasons),
            "signals": [s.to_dict() for s in self.signals],
        }

    @property
    def flagged(self) -> bool:
        return self.verdict in ("impersonation", "suspicious")


# ---------------------------------------------------------------------------------------------
# What is compared: the identities, prepared once.


@dataclass(frozen=True, slots=True)
class Form:
    """A name two ways: as spelled (`key`) and as it looks (`skel`); both are compared."""

    key: str
    skel: str

    @staticmethod
    def of(text: str) -> "Form":
        return Form(key(text), skeleton(text))

    def __len__(self) -> int:
        return len(self.key)

    def __contains__(self, other: "Form") -> bool:  # type: ignore[override]
        return other.key in self.key or other.skel in self.skel


@dataclass(frozen=True)
class NameForm:
    label: str  # as written in the config, for reasons
    full: Form  # the whole name
    core: Form  # the distinctive words only
    tokens: tuple[str, ...]  # skeletons of the distinctive words, sorted


@dataclass(frozen=True)
class OfficialHandle:
    platform: str
    handle: str  # canonical
    local: Form  # the readable part (no server)
    domain: str | None


@dataclass(frozen=True)
class IdentityProfile:
    name: str
    handles: tuple[OfficialHandle, ...]
    names: tuple[NameForm, ...]


def _name_form(label: str) -> NameForm | None:
    words = fold(label).split()
    if not words:
        return None
    no_titles = [w for w in words if w not in TITLES]
    distinctive = [w for w in no_titles if w not in GENERIC] or [w for w in no_titles if w != "the"] or words
    return NameForm(label, Form.of("".join(words)), Form.of("".join(distinctive)), tuple(sorted(skeleton(w) for w in distinctive)))


def build_profiles(identities: list[IdentityConfig]) -> tuple[IdentityProfile, ...]:
    out = []
    for ident in identities:
        hs = []
        for platform, handle in ident.handles.items():
            p = H.parts(platform, handle)
            hs.append(OfficialHandle(platform, H.canonical(platform, handle), Form.of(p.local), p.domain))
        names = [f for f in (_name_form(n) for n in [ident.name, *ident.display_names]) if f]
        out.append(IdentityProfile(ident.name, tuple(hs), tuple(names)))
    return tuple(out)


_PROFILE_CACHE: dict[str, tuple[IdentityProfile, ...]] = {}


def profiles_for(identities: list[IdentityConfig]) -> tuple[IdentityProfile, ...]:
    """Prepared identities, cached on their content (configs are immutable values)."""
    k = repr(identities)
    if k not in _PROFILE_CACHE:
        if len(_PROFILE_CACHE) > 32:
            _PROFILE_CACHE.clear()
        _PROFILE_CACHE[k] = build_profiles(identities)
    return _PROFILE_CACHE[k]


# ---------------------------------------------------------------------------------------------
# Comparing strings.


def allowed_edits(length: int) -> int:
    """How many single-character edits still read as the same name: none below 5 letters."""
    if length < MIN_KEY:
        return 0
    return 1 if length < 12 else 2


@lru_cache(maxsize=65536)
def strip_affixes(k: str) -> tuple[str, ...]:
    """Every reading of `k` with added words or digits taken off its ends (officialharbourlight2024
    -> harbourlight), longest first. Works on folded keys (before the visual skeleton)."""
    seen: set[str] = set()
    frontier = [k]
    for _ in range(3):
        nxt = []
        for s in frontier:
            for cut in _cuts(s):
                if len(cut) >= 4 and cut not in seen:
                    seen.add(cut)
                    nxt.append(cut)
        frontier = nxt
    seen.discard(k)
    return tuple(sorted(seen, key=len, reverse=True))


_AFFIX_BY_LEN = sorted(AFFIXES, key=len, reverse=True)


def _cuts(s: str) -> list[str]:
    out = []
    i = len(s)
    while i > 0 and s[i - 1].isdigit():
        i -= 1
    if i < len(s):
        out.append(s[:i])
    j = 0
    while j < len(s) and s[j].isdigit():
        j += 1
    if j:
        out.append(s[j:])
    for w in _AFFIX_BY_LEN:
        if s.endswith(w) and len(s) > len(w):
            out.append(s[: -len(w)])
        if s.startswith(w) and len(s) > len(w):
            out.append(s[len(w):])
    return out


def _words_without_affixes(text: str) -> list[str]:
    return [w for w in fold(text).split() if w not in AFFIXES and w not in TITLES and not w.isdigit()]


@dataclass(frozen=True)
class _Match:
    kind: str  # equal, stripped, near, contains
    distance: int
    target: str


def _compare(cand: Form, stripped: tuple[Form, ...], target: Form, *, contain: bool = True) -> _Match | None:
    """The strongest way `cand` resembles `target`, spelled or seen (both are Forms)."""
    if not target or not cand:
        return None
    if cand.key == target.key or cand.skel == target.skel:
        return _Match("equal", 0, target.key)
    if any(s.key == target.key or s.skel == target.skel for s in stripped):
        return _Match("stripped", 0, target.key)
    limit = allowed_edits(len(target))
    best: _Match | None = None
    if limit:
        for c, kind in ((cand, "near"), *((s, "near_stripped") for s in stripped)):
            for a, b in ((c.key, target.key), (c.skel, target.skel)):
                if abs(len(a) - len(b)) > limit:
                    continue
                d = OSA.distance(a, b, score_cutoff=limit)
                if d <= limit and (best is None or d < best.distance):
                    best = _Match(kind, d, target.key)
        if best:
            return best
    if contain and len(target) >= MIN_CONTAINED and target in cand:
        return _Match("contains", 0, target.key)
    return None


# ---------------------------------------------------------------------------------------------
# Signals.

_HANDLE_WEIGHTS = {"equal": 0.9, "stripped": 0.85, "near": 0.8, "near_stripped": 0.7, "contains": 0.65}
_HANDLE_FROM_NAME_WEIGHTS = {"equal": 0.72, "stripped": 0.72, "near": 0.65, "near_stripped": 0.6, "contains": 0.55}
_NAME_WEIGHTS = {"equal": 0.8, "equal_plus": 0.78, "core": 0.7, "stripped": 0.7, "near": 0.65, "near_stripped": 0.6, "contains": 0.55}


def _edit_weight(base: float, m: _Match) -> float:
    return base - 0.1 * max(0, m.distance - 1) if m.kind.startswith("near") else base


def _describe(m: _Match, what: str, official: str, raw: str) -> str:
    if m.kind == "equal":
        tricks = tricks_used(raw)
        how = f" written with {', '.join(tricks)}" if tricks else ""
        return f"{what} reads the same as {official}{how}"
    if m.kind == "stripped":
        return f"{what} is {official} with added words or digits"
    if m.kind in ("near", "near_stripped"):
        extra = " plus added words" if m.kind == "near_stripped" else ""
        return f"{what} differs from {official} by {m.distance} character{'s' if m.distance > 1 else ''}{extra}"
    return f"{what} contains {official}"


@dataclass(frozen=True)
class _Candidate:
    """The account's handle and display name, prepared once for comparison with every identity."""

    account: Account
    domain: str | None
    raw_local: str
    handle: Form
    handle_stripped: tuple[Form, ...]
    name: str
    name_full: Form
    name_core: Form
    name_tokens: tuple[str, ...]
    name_stripped: tuple[Form, ...]

    @staticmethod
    def of(account: Account) -> "_Candidate":
        p = H.parts(account.platform, account.handle)
        hf = Form.of(p.local)
        dn = account.display_name or ""
        words = _words_without_affixes(dn)
        full = Form.of(dn)
        return _Candidate(
            account, p.domain, account.handle.strip().lstrip("@").split("@")[0], hf,
            tuple(Form.of(x) for x in strip_affixes(hf.key)),
            dn, full, Form.of("".join(words)), tuple(sorted(skeleton(w) for w in words)),
            tuple(Form.of(x) for x in strip_affixes(full.key)),
        )

    def how(self) -> str:
        tricks = tricks_used(self.name)
        return f" written with {', '.join(tricks)}" if tricks else ""


def _handle_signals(c: _Candidate, prof: IdentityProfile) -> list[Signal]:
    account = c.account
    cand, stripped = c.handle, c.handle_stripped
    shown = f"the handle {account.handle!r}"
    best: Signal | None = None

    def rank(sig: Signal) -> float:
        # A resemblance to the official handle on the same platform explains best; prefer it.
        return sig.weight + (0.06 if sig.detail.get("platform") == account.platform else 0.0)

    def offer(sig: Signal) -> None:
        nonlocal best
        if best is None or rank(sig) > rank(best):
            best = sig

    for off in prof.handles:
        m = _compare(cand, stripped, off.local)
        if not m:
            continue
        weight = _edit_weight(_HANDLE_WEIGHTS[m.kind], m)
        official = f"the official handle {off.handle!r}"
        if m.kind == "equal" and off.platform != account.platform:
            weight = 0.88
            reason = f"{shown} is the official {off.platform} handle {off.handle!r} used on {account.platform}"
        elif m.kind == "equal" and cand.key == off.local.key and c.domain != off.domain:
            weight = 0.85 if len(off.local) >= MIN_KEY else 0.6
            reason = f"{shown} uses the official name {off.handle!r} on another server ({c.domain or 'unknown'})"
        else:
            reason = _describe(m, shown, official, c.raw_local)
        offer(Signal("handle", weight, reason, prof.name, {
            "match": m.kind, "distance": m.distance, "official": off.handle, "platform": off.platform,
            "jaro_winkler": round(JaroWinkler.similarity(cand.skel, off.local.skel), 3)}))
    for nf in prof.names:
        for target, label in ((nf.full, "full"), (nf.core, "core")):
            if len(target) < MIN_KEY:
                continue
            m = _compare(cand, stripped, target, contain=label == "core" or len(nf.tokens) > 1)
            if not m:
                continue
            weight = _edit_weight(_HANDLE_FROM_NAME_WEIGHTS[m.kind], m)
            offer(Signal("handle_name", weight, _describe(m, shown, f"the name {nf.label!r}", c.raw_local), prof.name,
                         {"match": m.kind, "distance": m.distance, "name": nf.label}))
    return [best] if best else []


def _name_signals(c: _Candidate, prof: IdentityProfile) -> list[Signal]:
    if not c.name_full:
        return []
    dn, full, core, tokens, stripped = c.name, c.name_full, c.name_core, c.name_tokens, c.name_stripped
    shown = f"the display name {dn!r}"
    best: Signal | None = None
    for nf in prof.names:
        sig: Signal | None = None
        if len(nf.full) >= MIN_KEY and (full.key == nf.full.key or full.skel == nf.full.skel):
            sig = Signal("display_name", _NAME_WEIGHTS["equal"], f"{shown} is the name {nf.label!r}{c.how()}", prof.name, {"match": "equal", "name": nf.label})
        elif len(nf.full) >= MIN_KEY and any(x.key == nf.full.key or x.skel == nf.full.skel for x in stripped) or (
            len(nf.full) >= MIN_CONTAINED and len(nf.tokens) > 1 and nf.full in full
        ):
            sig = Signal("display_name", _NAME_WEIGHTS["equal_plus"], f"{shown} is the name {nf.label!r} with added words{c.how()}", prof.name, {"match": "equal_plus", "name": nf.label})
        elif len(nf.core) >= MIN_KEY and (core.key == nf.core.key or core.skel == nf.core.skel or (len(tokens) > 1 and tokens == nf.tokens)):
            sig = Signal("display_name", _NAME_WEIGHTS["core"], f"{shown} uses the name {nf.label!r}{c.how()}", prof.name, {"match": "core", "name": nf.label})
        else:
            for target in (nf.full, nf.core):
                if len(target) < MIN_KEY:
                    continue
                contain = len(nf.tokens) > 1 or len(target) >= MIN_CONTAINED
                m = _compare(core if core else full, stripped, target, contain=contain)
                if m is None and core != full:
                    m = _compare(full, (), target, contain=contain)
                if m:
                    w = _edit_weight(_NAME_WEIGHTS["stripped" if m.kind == "equal" else m.kind], m)
                    cand = Signal("display_name", w, _describe(m, shown, f"the name {nf.label!r}", dn), prof.name, {"match": m.kind, "distance": m.distance, "name": nf.label})
                    if sig is None or cand.weight > sig.weight:
                        sig = cand
        if sig and (best is None or sig.weight > best.weight):
            best = sig
    return [best] if best else []


def hamming_hex(a: str, b: str) -> int:
    """Bits that differ between two hex-encoded perceptual hashes of the same size."""
    return bin(int(a, 16) ^ int(b, 16)).count("1")


def _avatar_signals(avatar_phash: str | None, phashes: dict[str, list[str]] | None, prof: IdentityProfile | None) -> list[Signal]:
    if not avatar_phash or not phashes:
        return []
    best: tuple[int, str] | None = None
    for owner, hashes in phashes.items():
        if prof is not None and owner not in (prof.name, LIBRARY_KEY):
            continue
        for h in hashes:
            try:
                d = hamming_hex(avatar_phash, h)
            except ValueError:
                continue
            if best is None or d < best[0]:
                best = (d, owner)
    if best is None:
        return []
    d, owner = best
    source = "an official avatar" if owner else "an image of the practice's approved library"
    if d <= 6:
        return [Signal("avatar", 0.7, f"the avatar is the same picture as {source} (distance {d})", prof.name if prof else None, {"distance": d})]
    if d <= 12:
        return [Signal("avatar", 0.45, f"the avatar looks like {source} (distance {d})", prof.name if prof else None, {"distance": d})]
    return []


def _bio_signal(bio: str | None, official: list[str]) -> Signal | None:
    b = fold(bio)
    if len(b) < 20:
        return None
    best = max((fuzz.token_set_ratio(b, fold(o)) for o in official if fold(o)), default=0)
    if best >= 90:
        return Signal("bio", 0.5, f"the bio copies the official bio ({best:.0f}% alike)", None, {"similarity": round(best, 1)})
    if best >= 70:
        return Signal("bio", 0.25, f"the bio resembles the official bio ({best:.0f}% alike)", None, {"similarity": round(best, 1)})
    return None


def _booster_signals(account: Account, now: datetime) -> list[Signal]:
    out = []
    if account.created_at is not None:
        created = account.created_at if account.created_at.tzinfo else account.created_at.replace(tzinfo=timezone.utc)
        age = (now - created).days
        if age < 90:
            out.append(Signal("account_age", 0.2 if age < 30 else 0.1, f"the account is only {max(age, 0)} days old", None, {"days": age}))
    if account.followers is not None and account.followers < 50:
        out.append(Signal("followers", 0.1, f"the account has only {account.followers} followers", None, {"followers": account.followers}))
    return out


def _noisy_or(weights: list[float]) -> float:
    rest = 1.0
    for w in weights:
        rest *= 1.0 - max(0.0, min(1.0, w))
    return 1.0 - rest


# ---------------------------------------------------------------------------------------------
# The public entry point.


def is_official(account: Account, identities: list[IdentityConfig], extra_official: tuple[Account, ...] = ()) -> str | None:
    """The identity whose official handle this is on this platform, or None."""
    cand = H.parts(account.platform, account.handle)
    for ident in identities:
        handle = ident.handles.get(account.platform)
        if handle and _same_account(account.platform, cand, H.parts(account.platform, handle)):
            return ident.name
    for acc in extra_official:
        if acc.platform == account.platform and _same_account(account.platform, cand, H.parts(acc.platform, acc.handle)):
            return acc.display_name or acc.handle
    return None


def _same_account(platform: str, cand: H.HandleParts, official: H.HandleParts) -> bool:
    # A candidate typed without a server means "this name"; an official handle without a server
    # must not make the same name on every other server official.
    if cand.local != official.local:
        return False
    return cand.domain == official.domain or cand.domain is None


def is_allowlisted(account: Account, allowlist: list[str]) -> bool:
    mine = H.canonical(account.platform, account.handle)
    for entry in allowlist:
        platform, sep, handle = entry.partition(":")
        if sep and platform in H.PLATFORMS:
            if platform == account.platform and H.canonical(platform, handle) == mine:
                return True
        elif H.canonical(account.platform, entry) == mine:
            return True
    return False


def verdict_for(score: float, settings: ImpersonationConfig) -> str:
    if score >= settings.impersonation_threshold:
        return "impersonation"
    if score >= settings.suspicious_threshold:
        return "suspicious"
    return "benign"


def score_account(
    account: Account,
    identities: list[IdentityConfig],
    settings: ImpersonationConfig,
    *,
    avatar_phashes: dict[str, list[str]] | None = None,
    avatar_phash: str | None = None,
    official_bios: dict[str, list[str]] | None = None,
    extra_official: tuple[Account, ...] = (),
    now: datetime | None = None,
    profiles: tuple[IdentityProfile, ...] | None = None,
) -> ImpersonationScore:
    """How much `account` looks like one of the protected identities, and why.

    `avatar_phashes` maps an identity name (or LIBRARY_KEY for approved-library images) to hex pHashes;
    `avatar_phash` is the account's own avatar hash when it could be downloaded. `official_bios` maps an
    identity name to bios to compare with (the config's `bio` is always included).
    """
    now = now or datetime.now(timezone.utc)
    official = is_official(account, identities, extra_official)
    if official:
        return ImpersonationScore(account.platform, account.handle, 0.0, "official", official,
                                  (f"this is the official {account.platform} account of {official}",))
    if is_allowlisted(account, settings.allowlist):
        return ImpersonationScore(account.platform, account.handle, 0.0, "benign", None,
                                  ("this account is on the allowlist of known legitimate look-alikes",))
    profiles = profiles if profiles is not None else profiles_for(identities)
    bios_by_identity = {i.name: [b for b in [i.bio, *((official_bios or {}).get(i.name, []))] if b] for i in identities}

    cand = _Candidate.of(account)
    best: tuple[float, IdentityProfile | None, list[Signal]] = (0.0, None, [])
    for prof in profiles:
        primary = _handle_signals(cand, prof) + _name_signals(cand, prof)
        primary += _avatar_signals(avatar_phash, avatar_phashes, prof)
        if not primary:
            continue
        sigs = list(primary)
        bio = _bio_signal(account.bio, bios_by_identity.get(prof.name, []))
        if bio:
            sigs.append(bio)
        if max(s.weight for s in sigs) >= 0.4:
            sigs += _booster_signals(account, now)
        total = _noisy_or([s.weight for s in sigs])
        if total > best[0]:
            best = (total, prof, sigs)
    if best[1] is None:
        # An approved-library image used as avatar by an account with an unrelated name.
        lib = _avatar_signals(avatar_phash, {LIBRARY_KEY: (avatar_phashes or {}).get(LIBRARY_KEY, [])}, None)
        if lib:
            sigs = lib + _booster_signals(account, now)
            best = (_noisy_or([s.weight for s in sigs]), None, sigs)
    total, prof, sigs = best
    total = round(min(1.0, total), 4)
    verdict = verdict_for(total, settings)
    matched = prof.name if prof else (identities[0].name if identities and sigs else None)
    sigs = sorted(sigs, key=lambda s: -s.weight)
    reasons = tuple(s.reason for s in sigs) or ("no resemblance to any protected name, handle or avatar",)
    return ImpersonationScore(account.platform, account.handle, total, verdict, matched if verdict != "benign" or sigs else None, reasons, tuple(sigs))
