"""The post and comment checks: one text in, findings out.

Everything that depends on the configuration (allowed domains, extra words and patterns, permitted
authors...) is compiled once per `PostsConfig` and cached, so checking a text is only the regular
expressions of the categories that apply to it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from monitor.checks.posts import abusive, booking, crisis, learned, own, privacy, promotional
from monitor.checks.posts.actions import DEFAULT_SEVERITY, OWN_CATEGORIES, PUBLIC_CATEGORIES, suggested_action
from monitor.checks.posts.links import PUBLIC_SERVICE_DOMAINS, normalise_domain
from monitor.checks.posts.names import PracticeNames
from monitor.checks.posts.normalise import Normalised, fold
from monitor.checks.posts.per_object import per_object
from monitor.checks.posts.rules import Hit
from monitor.config.model import AlertsConfig, PostsConfig
from monitor.findings import Evidence, Finding, merge_spans

# Promotional rules that show the writer is selling something: their "first session free" is not a booking.
_SELLING = frozenset({"promotional.call_to_action", "promotional.other_service", "promotional.sales_pitch", "promotional.deal"})
_RULE_ORDER = {"crisis": 0, "abusive": 1, "privacy": 2, "payment_request": 3, "promotional": 4}


@dataclass(frozen=True)
class CompiledPosts:
    """A PostsConfig turned into what the checks need, built once."""

    disabled: frozenset[str]
    severities: dict[str, str]
    promo: promotional.PromoSettings
    permitted_authors: frozenset[str]
    approved_ids: frozenset[str]
    approved_endorsements: tuple[str, ...]
    wording_models: bool
    extra: dict[str, list[tuple[re.Pattern[str], str]]]  # category -> (pattern on folded text, description)


def _handle(h: str) -> str:
    return h.strip().lstrip("@").lower()


@per_object
def compile_posts(posts: PostsConfig) -> CompiledPosts:
    """The compiled form of `posts`, built once per configuration object."""
    extra: dict[str, list[tuple[re.Pattern[str], str]]] = {}
    for cat, words in posts.extra_words.items():
        if words:
            alt = "|".join(re.escape(fold(w.strip())) for w in sorted(words, key=len, reverse=True) if w.strip())
            if alt:
                extra.setdefault(cat, []).append((re.compile(r"(?<!\w)(?:" + alt + r")(?!\w)"), "a word or phrase added in the configuration"))
    for cat, patterns in posts.extra_patterns.items():
        for p in patterns:
            extra.setdefault(cat, []).append((re.compile(p, re.IGNORECASE), f"the configured pattern {p!r}"))
    return CompiledPosts(
        disabled=frozenset(posts.disabled),
        severities={**DEFAULT_SEVERITY, **posts.severities},
        promo=promotional.PromoSettings(frozenset(normalise_domain(d) for d in posts.allowed_domains) | PUBLIC_SERVICE_DOMAINS),
        permitted_authors=frozenset(_handle(a) for a in posts.permitted_authors),
        approved_ids=frozenset(str(i) for i in posts.approved_post_ids),
        approved_endorsements=tuple(fold(a.strip()) for a in posts.approved_endorsements if a.strip()),
        wording_models=posts.wording_models,
        extra=extra,
    )


def _hits(norm: Normalised, own_post: bool, cp: CompiledPosts, author: str | None, repeat_count: int, names: PracticeNames | None) -> list[Hit]:
    active = [c for c in (OWN_CATEGORIES if own_post else PUBLIC_CATEGORIES) if c not in cp.disabled]
    permitted = bool(author and _handle(author) in cp.permitted_authors)  # their promotion is allowed
    hits: list[Hit] = []
    if own_post:
        hits += own.find(norm, cp.approved_endorsements)
    else:
        if "crisis" in active:
            hits += crisis.find(norm)
        if "abusive" in active:
            hits += abusive.find(norm)
        if "booking" in active:
            hits += booking.find(norm)
        if "promotional" in active and not permitted:
            promo = promotional.find(norm, cp.promo, repeat_count, frozenset(names.words) if names else frozenset())
            if any(h.rule in _SELLING for h in promo):  # a seller's "first session free" is not someone asking for an appointment
                hits = [h for h in hits if h.category != "booking"]
            hits += promo
    if "privacy" in active:
        is_promo = any(h.category == "promotional" for h in hits)
        hits += privacy.find(norm, own_post, is_promo)
    if cp.wording_models:
        hits += _wording_hits(norm, own_post, active, hits, cp, permitted=permitted, names=names)
    for cat in active:
        for pattern, what in cp.extra.get(cat, ()):
            target = norm.original if pattern.flags & re.IGNORECASE else norm.folded
            spans = [m.span() for m in pattern.finditer(target) if m.end() > m.start()]
            if spans:
                hits.append(Hit(cat, f"{cat}.configured", f"It matches {what}.", spans))
    return [h for h in hits if h.category in active]


def _wording_hits(norm: Normalised, own_post: bool, active: list[str], hits: list[Hit], cp: CompiledPosts, *, permitted: bool,
                  names: PracticeNames | None) -> list[Hit]:
    """The learned second opinion (see learned.py) for active categories no rule flagged. Where the
    rules' own reading says the text is ordinary for a category, the model stays silent, except for
    crisis, where it needs a much higher score (the readings are asked only for what the model would
    flag: they cost more than the model). The practice's own names are read as placeholders (names.py)."""
    wanted = set(active) - {h.category for h in hits}
    if permitted:
        wanted.discard("promotional")
    if not wanted:
        return []
    swap = names.for_text(norm.original, norm.folded, learned.is_common) if names else None
    return learned.find(norm.folded, own_post, wanted, lambda category: ordinary_for(norm, category, own_post, cp), swap)


def ordinary_for(norm: Normalised, category: str, own_post: bool, cp: CompiledPosts) -> bool:
    """Whether the rules read the text as ordinary for `category` (the wording model's training asks the same)."""
    if own_post:
        return own.ordinary(norm, category, cp.approved_endorsements)
    if category == "crisis":  # a joke, an idiom, general talk: the crisis rules' own reading stands
        return crisis.ordinary(norm) or _abuse_at_someone_else(norm)
    if category == "promotional":
        return promotional.for_a_cause(norm)  # a sponsored swim for the hospice is not advertising
    return False


_ABOUT_THE_WRITER = re.compile(r"(?<![\w'])(?:i|i'm|im|i've|ive|i'd|i'll|me|my|myself|mine|us|we|our)(?![\w'])")


def _abuse_at_someone_else(norm: Normalised) -> bool:
    """Abuse thrown at someone else that says nothing about the writer ("go f*** yourself", "kill
    urself loser") is abuse, not the writer's crisis: the wording model, which weighs "yourself" and
    "kill", then needs its higher crisis score. Threats to others are the crisis rules' own."""
    return not _ABOUT_THE_WRITER.search(norm.folded) and bool(abusive.find(norm))


def check_text(
    text: str,
    own: bool,
    posts: PostsConfig,
    alerts: AlertsConfig,
    *,
    author: str | None = None,
    item_id: str | None = None,
    repeat_count: int = 0,
    names: PracticeNames | None = None,
) -> list[Finding]:
    """Every policy finding for one post, comment or reply; one finding per category. `names`: the
    practice's and practitioners' names (names.from_config), which the wording model reads as placeholders."""
    cp = compile_posts(posts)
    if item_id is not None and str(item_id) in cp.approved_ids:
        return []
    if not text or not text.strip():
        return []
    norm = Normalised.of(text)
    by_cat: dict[str, list[Hit]] = {}
    for h in _hits(norm, own, cp, author, repeat_count, names):
        by_cat.setdefault(h.category, []).append(h)
    findings = []
    for cat, hits in sorted(by_cat.items(), key=lambda kv: (_RULE_ORDER.get(kv[0], 9), kv[0])):
        hits.sort(key=lambda h: -h.strength)
        reasons: list[str] = []
        for h in hits:
            if h.reason not in reasons:
                reasons.append(h.reason)
        spans = sorted({s for h in hits for s in h.spans})
        evidence = tuple(Evidence(text[s:e], s, e) for s, e in merge_spans(spans))
        rules = list(dict.fromkeys(h.rule for h in hits))
        findings.append(
            Finding(
                category=cat,
                severity=cp.severities.get(cat, DEFAULT_SEVERITY[cat]),
                rule=rules[0],
                reasons=tuple(reasons),
                evidence=evidence,
                action=suggested_action(cat, alerts),
                details={"rules": rules} if len(rules) > 1 else {},
            )
        )
    return findings


_KEY_STRIP = re.compile(r"[^\w@./:]+")


def repeat_key(text: str) -> str | None:
    """A hash of the normalised text for spotting the same comment on many posts; None if too short to mean anything."""
    norm = _KEY_STRIP.sub(" ", fold(text or "")).strip()
    if len(norm) < 12 or len(norm.split()) < 3:
        return None
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:32]
