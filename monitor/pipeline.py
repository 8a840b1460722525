"""The one data path: platform adapter fetches → normalized items → checks → store (→ alerts, in jobs/).

`check_profile` reads one profile and stores what it found in a single transaction together with the
items it checked and the new cursor: a crash before the commit loses nothing (the next run fetches the
same items again) and a crash after it doubles nothing (items are seen, findings deduplicated).
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from monitor.checks import CheckContext, run_item_checks
from monitor.config.model import Config, ProfileConfig
from monitor.errors import AuthError, PlatformError, RateLimited
from monitor.findings import Finding
from monitor.items import FetchResult, Item
from monitor.platforms import adapter_class
from monitor.platforms.base import Adapter
from monitor.secrets import read_secret, redact
from monitor.store.db import Store
from monitor.store.findings import FindingTarget, resolve_open, save_findings
from monitor.store.models import Profile, utcnow
from monitor.store.pauses import paused_until, record_pause
from monitor.store.seen import mark_seen, repeat_counts, unseen

log = logging.getLogger(__name__)


@dataclass
class ProfileOutcome:
    """What happened to one profile in one pass (the contract's `run --json` profile entry)."""

    name: str
    platform: str
    status: str = "ok"  # ok | failed
    items_new: int = 0
    findings_new: int = 0
    error: str | None = None
    error_kind: str | None = None
    skipped: list[str] = field(default_factory=list)
    requests: int = 0
    findings: list[dict] = field(default_factory=list)  # filled in dry runs, to show what would be stored

    def to_json(self) -> dict:
        out = {"name": self.name, "platform": self.platform, "status": self.status, "items_new": self.items_new,
               "findings_new": self.findings_new, "error": self.error}
        if self.skipped:
            out["skipped"] = self.skipped
        if self.findings:
            out["findings"] = self.findings
        return out


def make_adapter(config: Config, profile: ProfileConfig) -> Adapter:
    """The profile's adapter, with its token read from the environment or a credential file."""
    token = read_secret(profile.token_env, profile.token_file, config_file=config.source, key=f"profiles.{profile.name}.token")
    return adapter_class(profile.platform)(profile, token, config.http)


def check_profile(store: Store, config: Config, profile: ProfileConfig, *, adapter: Adapter | None = None,
                  media_index=None, dry_run: bool = False) -> ProfileOutcome:
    """Fetch what is new on one profile, check it, and store items, findings and cursor atomically."""
    out = ProfileOutcome(profile.name, profile.platform)
    own_adapter = adapter is None
    try:
        adapter = adapter or make_adapter(config, profile)
        until = paused_until(store, profile.platform, adapter.base_url) if adapter.base_url else None
        if until is not None:
            raise RateLimited(f"profile {profile.name!r}: {profile.platform} asked us to wait; "
                              f"paused until {until:%Y-%m-%d %H:%M} UTC, nothing was requested", retry_after=None)
        with store.session() as s:
            row = s.scalar(select(Profile).where(Profile.name == profile.name))
            cursor = row.cursor if row is not None and row.platform == profile.platform else None
        result = adapter.fetch_items(cursor)
        out.requests, out.skipped = result.requests_made, list(result.skipped)
        _check_and_store(store, config, profile, adapter, result, media_index, out, dry_run)
    except PlatformError as exc:
        out.status, out.error, out.error_kind = "failed", redact(str(exc)), exc.kind
        log.warning("profile %s: %s", profile.name, out.error)
        if isinstance(exc, RateLimited):
            if exc.retry_after and adapter is not None and adapter.base_url and not dry_run:
                record_pause(store, profile.platform, adapter.base_url, exc.retry_after)
        elif not dry_run:
            _record_profile_error(store, profile, exc)
    finally:
        if own_adapter and adapter is not None:
            adapter.close()
    if out.skipped and out.status == "ok":
        out.status, out.error = "failed", f"{len(out.skipped)} item(s) skipped as malformed: {out.skipped[0]}"
    return out


def _check_and_store(store: Store, config: Config, profile: ProfileConfig, adapter: Adapter, result: FetchResult,
                     media_index, out: ProfileOutcome, dry_run: bool) -> None:
    from monitor.checks.posts import repeat_key
    from monitor.store.suspects import dismissed_fingerprints

    with store.session() as s:
        fresh = unseen(s, profile.name, result.items)
        dismissed = dismissed_fingerprints(s) if fresh and config.identities else {}
        keys = {i.id: repeat_key(i.text) for i in fresh}
        earlier = repeat_counts(s, profile.name, [k for k in keys.values() if k])
    batch = Counter(k for k in keys.values() if k)

    per_item: list[tuple[Item, list[Finding]]] = []
    for item in fresh:
        k = keys[item.id]
        ctx = CheckContext(config=config, profile=profile, official=result.profile,
                           repeat_count=(earlier.get(k, 0) + batch.get(k, 0) - 1) if k else 0,
                           extra={"dismissed_suspects": dismissed})
        findings = run_item_checks(item, ctx)
        if item.is_official and item.media:
            findings += _image_findings(store, config, adapter, item, media_index)
        per_item.append((item, findings))

    out.items_new = len(fresh)
    if dry_run:
        out.findings = [{"item_id": i.id, **f.to_dict()} for i, fs in per_item for f in fs]
        out.findings_new = len(out.findings)
        return
    for attempt in (1, 2):
        try:
            with store.session() as s:
                changed = 0
                for item, findings in per_item:
                    if findings:
                        changed += len(save_findings(s, FindingTarget.for_item(profile.name, item), findings))
                mark_seen(s, profile.name, fresh, keys)
                _update_profile(s, profile, result)
                resolve_open(s, profile=profile.name, category="profile_error", resolution="the profile was read successfully again")
            out.findings_new = changed
            return
        except IntegrityError:
            if attempt == 2:  # another worker stored the same rows first: nothing is lost
                raise
            log.info("profile %s: concurrent write, retrying once", profile.name)


def _image_findings(store: Store, config: Config, adapter: Adapter, item: Item, media_index) -> list[Finding]:
    """Every image the practice posts is compared with the approved library (fetched and hashed once)."""
    from monitor.checks.images import image_findings
    from monitor.media.cache import judge_media

    if media_index is None:
        from monitor.media.library import LibraryIndex

        media_index = LibraryIndex.load(store)
    findings: list[Finding] = []
    for ref in item.media:
        key = ref.url or str(ref.local_path)
        verdict = judge_media(store, media_index, config.media, key=key,
                              fetch=lambda ref=ref: adapter.fetch_media(ref, config.media.max_image_bytes))
        findings += image_findings(item, ref, verdict)
    return findings


def _profile_row(s, profile: ProfileConfig) -> Profile:
    """The profile's row, created on its first run."""
    row = s.scalar(select(Profile).where(Profile.name == profile.name))
    if row is None:
        row = Profile(name=profile.name, platform=profile.platform)
        s.add(row)
    return row


def _update_profile(s, profile: ProfileConfig, result: FetchResult) -> None:
    row = _profile_row(s, profile)
    now = utcnow()
    row.platform, row.cursor = profile.platform, result.cursor
    row.last_run_at = row.last_ok_at = now
    row.last_status, row.last_error = "ok", None
    if result.profile is not None:
        row.handle, row.display_name = result.profile.handle, result.profile.display_name
        row.bio, row.avatar_url = result.profile.bio, result.profile.avatar_url


def _record_profile_error(store: Store, profile: ProfileConfig, exc: PlatformError) -> None:
    """One finding per profile and kind of failure: an expired token is one alert, not one per run."""
    auth = isinstance(exc, AuthError)
    message = redact(str(exc))
    finding = Finding(
        category="profile_error",
        severity="high" if auth else "normal",
        rule=f"profile_error.{exc.kind}",
        reasons=(f"Profile {profile.name!r} ({profile.platform}) could not be read.",
                 "The access token was rejected: it has expired or was revoked." if auth
                 else "The platform could not be reached or answered something unexpected."),
        action=("Create a new access token for this profile and update the credential named in the config "
                f"(token_env/token_file of profile {profile.name!r}); the other profiles are still checked." if auth
                else "No action needed if this clears on the next run; if it persists, check the profile's settings."),
        details={"message": message},
    )
    with store.session() as s:
        save_findings(s, FindingTarget(profile.name, profile.platform), [finding])
        row = _profile_row(s, profile)
        row.last_run_at, row.last_status, row.last_error = utcnow(), "failed", message
