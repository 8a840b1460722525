"""The look-alike account sweep: find fake accounts before clients do, and follow up reported ones.

Once per run, for every platform with a watched profile:
1. search the platform for each protected identity's names and handles (where it has search);
2. look up the next few dozen generated look-alike handles (`impersonation.lookups_per_run`), the
   position kept in the database so successive runs walk the whole list;
3. take in the commenters the item checks flagged, and staff-added suspects not yet looked up;
4. score every account found (names, handle, bio, age, followers, and the avatar downloaded and
   compared by perceptual hash with the official avatars and the approved library), record the
   suspects, and create a finding for every new one (high = immediate alert for impersonation,
   normal = digest for suspicious);
5. re-check reported suspects: gone means taken down (the admin is told), still live after
   `impersonation.reminder_days` means a reminder.
One platform failing (rate limit, outage) is noted and the others carry on.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select

from monitor.checks.impersonation import RULE_COMMENTER, finding_for, fingerprint_changed, suspect_fingerprint, watched_handle
from monitor.checks.impersonation import handles as H
from monitor.checks.impersonation.avatars import AvatarImage, avatar_from_bytes, official_avatar_hashes
from monitor.checks.impersonation.score import ImpersonationScore, is_allowlisted, profiles_for, score_account
from monitor.checks.impersonation.variants import lookup_plan
from monitor.config.model import Config
from monitor.errors import MonitorError, PlatformError, RateLimited, UnsafeMedia
from monitor.findings import Evidence, Finding
from monitor.items import Account, MediaRef
from monitor.platforms.base import Adapter
from monitor.store import suspects as S
from monitor.store.db import Store
from monitor.store.findings import FindingTarget, save_findings
from monitor.store.models import FindingRow, KeyValue, Profile, Suspect, utcnow

log = logging.getLogger(__name__)

MAX_AVATARS_PER_RUN = 150
SEARCH_LIMIT = 20
KV_PREFIX = "impersonation.lookups."


@dataclass
class SweepReport:
    searches: int = 0
    lookups: int = 0
    scored: int = 0
    new_suspects: list[str] = field(default_factory=list)
    raised_again: list[str] = field(default_factory=list)
    taken_down: list[str] = field(default_factory=list)
    reminders: list[str] = field(default_factory=list)
    findings_new: int = 0
    notes: list[str] = field(default_factory=list)  # problems, one plain sentence each

    def to_json(self) -> dict:
        return dict(self.__dict__)


@dataclass
class _Candidate:
    account: Account
    source: str  # search, lookup, commenter, staff


class _Sweep:
    def __init__(self, store: Store, config: Config, now: datetime) -> None:
        self.store, self.config, self.now = store, config, now
        self.settings = config.impersonation
        self.identities = config.identities
        self.profiles = profiles_for(config.identities)
        self.report = SweepReport()
        self.avatar_cache: dict[str, AvatarImage | None] = {}
        with store.session() as s:
            self.avatar_hashes = official_avatar_hashes(config, s)
            rows = list(s.scalars(select(Profile)))
        self.official_accounts = tuple(Account(platform=r.platform, handle=r.handle) for r in rows if r.handle)
        bios = [r.bio for r in rows if r.bio]
        self.official_bios = {i.name: bios for i in config.identities}

    # -- scoring -------------------------------------------------------------------------------

    def _avatar(self, adapter: Adapter, account: Account) -> AvatarImage | None:
        url = account.avatar_url
        if not url:
            return None
        if url in self.avatar_cache:
            return self.avatar_cache[url]
        if len(self.avatar_cache) >= MAX_AVATARS_PER_RUN:
            return None
        img = None
        try:
            ref = MediaRef(url=url) if url.startswith(("http://", "https://")) else MediaRef(local_path=url)
            data = adapter.fetch_media(ref, self.config.media.max_image_bytes)
            img = avatar_from_bytes(data, self.config.media)
        except (UnsafeMedia, PlatformError, OSError) as exc:
            log.info("avatar of %s %s not compared: %s", account.platform, account.handle, exc)
        self.avatar_cache[url] = img
        return img

    def score(self, adapter: Adapter, account: Account) -> tuple[ImpersonationScore, AvatarImage | None, bool]:
        """(score with the avatar when it could be compared, the avatar, whether names alone flag it)."""
        extra = self.official_accounts + ((Account(platform=adapter.name, handle=watched_handle(adapter.profile)),) if adapter.profile.account else ())
        base = score_account(account, self.identities, self.settings, official_bios=self.official_bios,
                             extra_official=extra, now=self.now, profiles=self.profiles)
        if base.verdict == "official" or is_allowlisted(account, self.settings.allowlist):
            return base, None, False
        avatar = self._avatar(adapter, account)
        if avatar is None:
            return base, None, base.flagged
        full = score_account(account, self.identities, self.settings, avatar_phashes=self.avatar_hashes,
                             avatar_phash=avatar.phash, official_bios=self.official_bios, extra_official=extra,
                             now=self.now, profiles=self.profiles)
        return full, avatar, base.flagged

    # -- candidates ----------------------------------------------------------------------------

    def search(self, adapter: Adapter, found: dict[str, _Candidate]) -> None:
        if not (self.settings.search and adapter.supports_search):
            return
        queries: dict[str, None] = {}
        for ident in self.identities:
            for q in [ident.name, *ident.display_names, *(H.parts(p, h).local for p, h in ident.handles.items())]:
                q = q.strip()
                if len(q) >= 3:
                    queries.setdefault(q.casefold(), None)
        for q in queries:
            self.report.searches += 1
            for acc in adapter.search_accounts(q, limit=SEARCH_LIMIT):
                found.setdefault(H.canonical(acc.platform, acc.handle), _Candidate(acc, "search"))

    def lookups(self, adapter: Adapter, found: dict[str, _Candidate]) -> None:
        if not adapter.supports_lookup or self.settings.lookups_per_run <= 0:
            return
        platform = adapter.name
        exclude = {h for i in self.identities for p, h in i.handles.items() if p == platform}
        exclude |= {a.split(":", 1)[1] if a.startswith(platform + ":") else a for a in self.settings.allowlist}
        plan = lookup_plan(self.identities, platform, exclude=exclude, year=self.now.year)
        if not plan:
            return
        digest = hashlib.sha256(json.dumps([v.handle for v in plan]).encode()).hexdigest()[:16]
        kv_key = KV_PREFIX + platform
        with self.store.session() as s:
            row = s.get(KeyValue, kv_key)
            state = row.value if row is not None and isinstance(row.value, dict) else {}
        pos = int(state.get("pos", 0)) if state.get("plan") == digest else 0
        done, wrapped = 0, 0
        try:
            while done < min(self.settings.lookups_per_run, len(plan)):
                v = plan[pos % len(plan)]
                self.report.lookups += 1
                acc = adapter.lookup_account(v.handle)
                pos, done = (pos + 1) % len(plan), done + 1
                wrapped += pos == 0
                if acc is not None:
                    found.setdefault(H.canonical(acc.platform, acc.handle), _Candidate(acc, "lookup"))
        finally:
            with self.store.session() as s:
                row = s.get(KeyValue, kv_key)
                value = {"plan": digest, "pos": pos, "size": len(plan), "cycles": int(state.get("cycles", 0)) + wrapped}
                if row is None:
                    s.add(KeyValue(key=kv_key, value=value, updated_at=self.now))
                else:
                    row.value, row.updated_at = value, self.now

    def commenters(self, platform: str, extra: list[Account], found: dict[str, _Candidate]) -> None:
        for acc in extra:
            if acc.platform == platform:
                found.setdefault(H.canonical(platform, acc.handle), _Candidate(acc, "commenter"))
        with self.store.session() as s:
            rows = s.scalars(select(FindingRow).where(FindingRow.category == "impersonation", FindingRow.rule == RULE_COMMENTER,
                                                      FindingRow.platform == platform, FindingRow.status == "new"))
            for row in rows:
                d = row.details or {}
                handle = d.get("handle")
                if not isinstance(handle, str) or S.find(s, platform, handle) is not None:
                    continue
                acc = Account(platform=platform, handle=handle, display_name=d.get("display_name"),
                              avatar_url=d.get("avatar_url"), url=d.get("account_url"))
                found.setdefault(H.canonical(platform, handle), _Candidate(acc, "commenter"))

    def staff_added(self, adapter: Adapter, found: dict[str, _Candidate]) -> None:
        """Staff-added suspects not yet looked up get their display name, avatar and score."""
        if not adapter.supports_lookup:
            return
        with self.store.session() as s:
            pending = [x.handle for x in s.scalars(select(Suspect).where(Suspect.platform == adapter.name, Suspect.status == "new",
                                                                         Suspect.account_id.is_(None), Suspect.source == "staff"))]
        for handle in pending[: self.settings.lookups_per_run]:
            if handle in found:
                continue
            self.report.lookups += 1
            acc = adapter.lookup_account(handle)
            if acc is not None:
                found[handle] = _Candidate(acc, "staff")

    # -- recording -----------------------------------------------------------------------------

    def record(self, adapter: Adapter, cands: dict[str, _Candidate]) -> None:
        for key, cand in cands.items():
            acc = cand.account
            score, avatar, names_flag = self.score(adapter, acc)
            self.report.scored += 1
            with self.store.session() as s:
                existing = S.find(s, acc.platform, acc.handle)
                if existing is None and not score.flagged:
                    continue
                if score.verdict == "official":
                    continue
                obs = S.observe(s, acc, score, source=cand.source, avatar_phash=avatar.phash if avatar else None,
                                avatar_thumb=avatar.thumb if avatar else None, now=self.now)
                label = f"{acc.platform} {obs.suspect.handle}"
                if obs.event in ("new", "raised_again", "back_online") and score.flagged:
                    if obs.event == "new":
                        self.report.new_suspects.append(label)
                    else:
                        self.report.raised_again.append(label)
                    # A commenter flagged by its names already has the item check's finding; one flagged
                    # only by its avatar (which the item check cannot see) gets its finding here.
                    if cand.source != "commenter" or not names_flag:
                        f = finding_for(score, acc, rule=f"impersonation.{cand.source}_lookalike",
                                        extra={"suspect_id": obs.suspect.id, "source": cand.source, "event": obs.event})
                        self.save(s, adapter, obs.suspect, [f])

    def save(self, s, adapter: Adapter, suspect: Suspect, findings: list[Finding]) -> None:
        target = FindingTarget(profile=adapter.profile.name, platform=suspect.platform, item_id=None, item_url=suspect.url,
                               item_kind="account", author_handle=suspect.handle, text=suspect.display_name or suspect.handle)
        self.report.findings_new += len(save_findings(s, target, findings))

    def follow_up(self, adapter: Adapter) -> None:
        """Reported suspects: gone -> taken down (tell the admin); still live after reminder_days -> reminder."""
        if not adapter.supports_lookup:
            return
        with self.store.session() as s:
            reported = [x.id for x in s.scalars(select(Suspect).where(Suspect.platform == adapter.name, Suspect.status == "reported"))]
        days = max(1, self.settings.reminder_days)
        for sid in reported:
            with self.store.session() as s:
                handle = s.get(Suspect, sid).handle
            acc = adapter.lookup_account(handle)
            self.report.lookups += 1
            with self.store.session() as s:
                sus = s.get(Suspect, sid)
                if acc is None:
                    S.mark_taken_down(s, sus, now=self.now)
                    self.report.taken_down.append(f"{sus.platform} {sus.handle}")
                    reported_on = f" (reported on {sus.reported_at:%Y-%m-%d} by {sus.reported_by})" if sus.reported_at else ""
                    self.save(s, adapter, sus, [Finding(
                        category="impersonation", severity="normal", rule="impersonation.taken_down",
                        reasons=(f"the reported account {sus.handle!r} on {sus.platform} is gone: the platform took it down{reported_on}",),
                        evidence=(Evidence(text=sus.handle),), action="Nothing to do; it is recorded as taken down.",
                        subject=f"{sus.platform}:{sus.handle}", details={"suspect_id": sus.id, "handle": sus.handle,
                                                                          "matched_identity": sus.matched_identity, "event": "taken_down"})])
                    continue
                sus.last_seen = self.now
                since = sus.reminded_at or sus.reported_at
                if since is not None and self.now - since >= timedelta(days=days):
                    sus.reminded_at = self.now
                    age = (self.now - sus.reported_at).days if sus.reported_at else days
                    self.reminders_for(s, adapter, sus, age)

    def reminders_for(self, s, adapter: Adapter, sus: Suspect, age: int) -> None:
        self.report.reminders.append(f"{sus.platform} {sus.handle}")
        self.save(s, adapter, sus, [Finding(
            category="impersonation", severity="normal", rule="impersonation.reminder",
            reasons=(f"the account {sus.handle!r} on {sus.platform} was reported {age} days ago and is still live",),
            evidence=(Evidence(text=sus.handle),),
            action=f"Report it again or escalate with the platform; `practice-monitor suspects report {sus.id}` writes a fresh evidence pack.",
            subject=f"{sus.platform}:{sus.handle}:reminder:{self.now:%Y-%m-%d}",
            details={"suspect_id": sus.id, "handle": sus.handle, "matched_identity": sus.matched_identity, "event": "reminder"})])

    def quiet_dismissed(self) -> None:
        """Commenter findings about a dismissed account whose name is unchanged are closed, not alerted."""
        with self.store.session() as s:
            dismissed = {f"{x.platform}:{x.handle}": x for x in s.scalars(select(Suspect).where(Suspect.status == "dismissed"))}
            if not dismissed:
                return
            rows = s.scalars(select(FindingRow).where(FindingRow.category == "impersonation", FindingRow.rule == RULE_COMMENTER,
                                                      FindingRow.status == "new"))
            for row in rows:
                sus = dismissed.get(row.subject)
                d = row.details or {}
                if sus is None or fingerprint_changed(sus.fingerprint, suspect_fingerprint(d.get("display_name"), None)):
                    continue
                row.status, row.resolution = "resolved", f"the account was dismissed by staff: {sus.dismiss_reason}"
                row.resolved_at, row.resolved_by = self.now, "practice-monitor"


def sweep(store: Store, config: Config, adapters: dict[str, Adapter], *, now: datetime | None = None,
          commenters: list[Account] | None = None) -> SweepReport:
    """One sweep over every platform that has an adapter (one per platform, from the watched profiles)."""
    now = now or utcnow()
    if not config.identities:
        return SweepReport()
    job = _Sweep(store, config, now)
    job.quiet_dismissed()
    for platform, adapter in adapters.items():
        found: dict[str, _Candidate] = {}
        try:
            job.commenters(adapter.name, commenters or [], found)
            job.staff_added(adapter, found)
            job.search(adapter, found)
            job.lookups(adapter, found)
        except RateLimited as exc:
            job.report.notes.append(f"{platform}: the platform asked to slow down; look-ups continue next run ({exc})")
        except (PlatformError, MonitorError) as exc:
            job.report.notes.append(f"{platform}: impersonation search stopped early: {exc}")
        try:
            job.record(adapter, found)
            job.follow_up(adapter)
        except RateLimited as exc:
            job.report.notes.append(f"{platform}: the platform asked to slow down; reported suspects are re-checked next run ({exc})")
        except (PlatformError, MonitorError) as exc:
            job.report.notes.append(f"{platform}: reported suspects not re-checked: {exc}")
    return job.report
