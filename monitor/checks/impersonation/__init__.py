"""Impersonation: accounts that pose as the practice or a practitioner.

`check_author` is the pure item check the pipeline runs on every item: the fake that answers clients
in the comments is found by its handle and display name (avatars need a download, so they are
compared in the sweep job, `jobs.impersonation_sweep`). `score_account` scores any account.
"""

from __future__ import annotations

from monitor.checks.impersonation import handles
from monitor.checks.impersonation.score import (
    LIBRARY_KEY,
    ImpersonationScore,
    Signal,
    is_official,
    score_account,
)
from monitor.findings import Evidence, Finding
from monitor.items import Account, Item

RULE_COMMENTER = "impersonation.commenter_lookalike"
ACTION = ("Check the account. If it is fake: `practice-monitor suspects list`, then `suspects report ID` "
          "for an evidence pack to attach to the platform's impersonation report. If it is legitimate: "
          "`suspects dismiss ID --reason ...` (or add it to [impersonation] allowlist).")


UNKNOWN_AVATAR = "-" * 32


def suspect_fingerprint(display_name: str | None, avatar_phash: str | None) -> str:
    """What makes a dismissed suspect come back: a new display name or a new avatar picture.

    64 characters: the first half depends on the (folded) display name, the second on the avatar's
    perceptual hash, or is UNKNOWN_AVATAR when the avatar could not be compared (pure item checks,
    signed CDN URLs that change every day). Use `fingerprint_changed` to compare two.
    """
    import hashlib

    from monitor.checks.impersonation.normalise import fold

    name = hashlib.sha256(fold(display_name).encode("utf-8", "surrogatepass")).hexdigest()[:32]
    avatar = hashlib.sha256(avatar_phash.encode()).hexdigest()[:32] if avatar_phash else UNKNOWN_AVATAR
    return name + avatar


def fingerprint_changed(old: str | None, new: str) -> bool:
    """True when the name changed, or both avatars are known and differ."""
    if not old or len(old) != 64:
        return True
    if old[:32] != new[:32]:
        return True
    return UNKNOWN_AVATAR not in (old[32:], new[32:]) and old[32:] != new[32:]


def finding_for(score: ImpersonationScore, account: Account, *, rule: str, extra: dict | None = None) -> Finding:
    """The finding staff read: who it imitates, every signal, what to do."""
    severity = "high" if score.verdict == "impersonation" else "normal"
    handle = handles.canonical(account.platform, account.handle)
    who = score.matched_identity or "the practice"
    details = {
        "platform": account.platform,
        "handle": handle,
        "display_name": account.display_name,
        "account_url": account.url or handles.profile_url(account.platform, handle),
        "avatar_url": account.avatar_url,
        "score": round(score.score, 3),
        "verdict": score.verdict,
        "matched_identity": score.matched_identity,
        "signals": [s.to_dict() for s in score.signals],
        **(extra or {}),
    }
    label = "impersonates" if score.verdict == "impersonation" else "may impersonate"
    return Finding(
        category="impersonation",
        severity=severity,
        rule=rule,
        reasons=(f"{account.platform} account {handle!r} {label} {who} (score {score.score:.2f})", *score.reasons),
        evidence=(Evidence(text=f"{handle} — {account.display_name}" if account.display_name else handle),),
        action=ACTION,
        subject=f"{account.platform}:{handle}",
        per_item=False,  # one fake account is one finding, however many comments it writes
        details=details,
    )


def watched_handle(profile) -> str:
    """The watched profile's own account as a full handle (Mastodon: with its server)."""
    default = ""
    try:
        from monitor.platforms import adapter_class

        default = adapter_class(profile.platform).default_base_url
    except KeyError:
        pass
    return handles.watched_account_handle(profile.platform, profile.account, profile.base_url, default)


def check_author(item: Item, ctx) -> list[Finding]:
    """A non-official author whose handle or name resembles a protected identity: a finding.

    `ctx.extra["dismissed_suspects"]` (optional) maps "platform:handle" to the fingerprint staff
    dismissed; the same account with the same name and avatar is then not raised again.
    """
    config = ctx.config
    author = item.author
    if item.is_official or not config.identities or not author or not author.handle:
        return []
    own: list[Account] = []
    if ctx.official is not None:
        own.append(ctx.official)
    if ctx.profile.account:
        own.append(Account(platform=item.platform, handle=watched_handle(ctx.profile)))
    score = score_account(author, config.identities, config.impersonation, extra_official=tuple(own), now=item.created_at)
    if not score.flagged:
        return []
    subject = f"{author.platform}:{handles.canonical(author.platform, author.handle)}"
    dismissed = (ctx.extra or {}).get("dismissed_suspects") or {}
    if subject in dismissed and not fingerprint_changed(dismissed[subject], suspect_fingerprint(author.display_name, None)):
        return []
    return [finding_for(score, author, rule=RULE_COMMENTER, extra={"source": "commenter", "item_kind": item.kind})]


__all__ = [
    "ACTION", "LIBRARY_KEY", "RULE_COMMENTER", "UNKNOWN_AVATAR", "ImpersonationScore", "Signal", "check_author",
    "finding_for", "fingerprint_changed", "is_official", "score_account", "suspect_fingerprint",
]
