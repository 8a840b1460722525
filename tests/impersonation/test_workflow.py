"""Staff workflow: new -> reported -> taken_down, or -> dismissed (quiet until name or avatar changes)."""

from datetime import datetime, timezone

import pytest

from monitor.checks.impersonation.score import score_account
from monitor.items import Account
from monitor.store import suspects as S

T0 = datetime(2026, 11, 1, tzinfo=timezone.utc)
T1 = datetime(2026, 11, 2, tzinfo=timezone.utc)


def seen(config, s, handle="harbourlight_uk@mastodon.social", name="Harbour Light Counselling", phash=None, now=T0):
    acc = Account(platform="mastodon", handle=handle, display_name=name)
    score = score_account(acc, config.identities, config.impersonation)
    return S.observe(s, acc, score, source="search", avatar_phash=phash, now=now)


def test_happy_path_new_reported_taken_down(config, store):
    with store.session() as s:
        obs = seen(config, s)
        assert obs.event == "new" and obs.suspect.status == "new"
        sid = obs.suspect.id
    with store.session() as s:
        sus = S.mark_reported(s, S.get(s, sid), by="jo", now=T1)
        assert (sus.status, sus.reported_by, sus.reported_at) == ("reported", "jo", T1)
    with store.session() as s:
        sus = S.mark_taken_down(s, S.get(s, sid), now=T1)
        assert sus.status == "taken_down" and sus.taken_down_at == T1
    with store.session() as s:
        with pytest.raises(S.WorkflowError, match="taken down and cannot be dismissed"):
            S.dismiss(s, S.get(s, sid), reason="x")


def test_dismiss_needs_a_reason_and_silences_the_same_account(config, store):
    with store.session() as s:
        sid = seen(config, s, phash="aaaa0000aaaa0000").suspect.id
        with pytest.raises(S.WorkflowError, match="reason"):
            S.dismiss(s, S.get(s, sid), reason="  ")
        S.dismiss(s, S.get(s, sid), reason="our former trainee's account, harmless")
    with store.session() as s:
        again = seen(config, s, phash="aaaa0000aaaa0000", now=T1)
        assert again.event == "still_dismissed" and again.suspect.status == "dismissed"
        assert again.suspect.last_seen == T1
        # a sighting that could not compare the avatar changes nothing either
        assert seen(config, s, phash=None, now=T1).event == "still_dismissed"


@pytest.mark.parametrize("change", ["name", "avatar"])
def test_dismissed_suspect_is_raised_again_when_it_changes(config, store, change):
    with store.session() as s:
        sid = seen(config, s, name="Harbour Light fan page", phash="aaaa0000aaaa0000").suspect.id
        S.dismiss(s, S.get(s, sid), reason="a fan page")
    with store.session() as s:
        kw = {"name": "Harbour Light Counselling", "phash": "aaaa0000aaaa0000"} if change == "name" else {"name": "Harbour Light fan page", "phash": "ffff0000ffff0000"}
        obs = seen(config, s, now=T1, **kw)
        assert obs.event == "raised_again" and obs.suspect.status == "new"
        assert change in obs.suspect.note and "a fan page" in obs.suspect.note


def test_taken_down_account_seen_live_again_is_new_again(config, store):
    with store.session() as s:
        sus = seen(config, s).suspect
        S.mark_taken_down(s, sus, now=T0)
    with store.session() as s:
        obs = seen(config, s, now=T1)
        assert obs.event == "back_online" and obs.suspect.status == "new" and obs.suspect.taken_down_at is None


def test_staff_add_is_idempotent_and_keeps_notes(config, store):
    with store.session() as s:
        a, created = S.add(s, "instagram", "@Harbourlight.Help", note="seen by Jo")
        b, created2 = S.add(s, "instagram", "harbourlight.help", note="also by Sam")
        assert created and not created2 and a.id == b.id
        assert a.handle == "harbourlight.help" and a.note == "seen by Jo\nalso by Sam"
        assert a.url == "https://www.instagram.com/harbourlight.help/"


def test_list_filters_and_json_shape(config, store):
    with store.session() as s:
        sid = seen(config, s).suspect.id
        S.add(s, "bluesky", "hlc-pay.bsky.social")
        S.dismiss(s, S.get(s, sid), reason="ok")
        assert [x.handle for x in S.list_suspects(s, "new")] == ["hlc-pay.bsky.social"]
        with pytest.raises(Exception, match="unknown status"):
            S.list_suspects(s, "gone")
        d = S.suspect_json(S.get(s, sid))
    assert {"id", "platform", "handle", "status", "score", "verdict", "matched_identity", "reasons", "signals",
            "first_seen", "last_seen", "reported_at", "reported_by", "dismiss_reason"} <= set(d)
    assert d["dismiss_reason"] == "ok" and d["reasons"]


def test_unknown_id_is_a_clear_error(store):
    with store.session() as s:
        with pytest.raises(S.WorkflowError, match="no suspect with id 42"):
            S.get(s, 42)
