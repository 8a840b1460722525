"""The sweep job with in-memory fake platforms: search, bounded look-ups that continue where they
stopped, avatar comparison, suspects and findings, follow-up of reported suspects."""

from datetime import datetime, timedelta, timezone

from sqlalchemy import select

from jobs.impersonation_sweep import sweep
from monitor.checks.impersonation import check_author
from monitor.checks import CheckContext
from monitor.config.model import ProfileConfig
from monitor.items import Account, Item
from monitor.store import suspects as S
from monitor.store.findings import FindingTarget, save_findings
from monitor.store.models import FindingRow, KeyValue, Suspect

NOW = datetime(2026, 11, 20, 9, tzinfo=timezone.utc)


def accounts():
    return [
        Account(platform="mastodon", handle="harbourlight@example.social", display_name="Harbour Light Counselling", id="1"),
        Account(platform="mastodon", handle="harbourlight_support@mastodon.social", display_name="Harbour Light Counselling",
                id="2", avatar_url="https://cdn.example/fake.png", created_at=NOW - timedelta(days=4), followers=3),
        Account(platform="mastodon", handle="harbourviewphysio@mastodon.social", display_name="Harbourview Physio", id="3"),
        Account(platform="mastodon", handle="lightharbour_sailing@mastodon.social", display_name="Light Harbour Sailing", id="4"),
        Account(platform="mastodon", handle="amaraokafor@mastodon.social", display_name="Amara Okafor", id="5"),
    ]


def rows(store, model, *where):
    with store.session() as s:
        return list(s.scalars(select(model).where(*where)))


def test_search_finds_impersonators_and_makes_findings(config, store, fake_adapter, images):
    ad = fake_adapter("mastodon", accounts(), {"https://cdn.example/fake.png": images.logo_small_jpeg})
    rep = sweep(store, config, {"mastodon": ad}, now=NOW)
    assert rep.notes == []
    assert sorted(rep.new_suspects) == ["mastodon amaraokafor@mastodon.social", "mastodon harbourlight_support@mastodon.social"]
    sus = {x.handle: x for x in rows(store, Suspect)}
    fake = sus["harbourlight_support@mastodon.social"]
    assert fake.verdict == "impersonation" and fake.source == "search" and fake.avatar_thumb
    kinds = {sig["kind"] for sig in fake.signals}
    assert {"handle", "display_name", "avatar", "account_age", "followers"} <= kinds
    assert sus["amaraokafor@mastodon.social"].matched_identity == "Dr Amara Okafor"
    findings = {f.author_handle: f for f in rows(store, FindingRow)}
    assert findings["harbourlight_support@mastodon.social"].severity == "high"
    assert findings["harbourlight_support@mastodon.social"].details["suspect_id"] == fake.id
    assert findings["harbourlight_support@mastodon.social"].profile == "watched"
    assert rep.findings_new == len(findings) == 2
    # a second run finds the same accounts: no new suspects, no new findings
    rep2 = sweep(store, config, {"mastodon": ad}, now=NOW + timedelta(hours=1))
    assert rep2.new_suspects == [] and rep2.findings_new == 0


def test_lookups_are_bounded_and_continue_where_they_stopped(practice_config, store, fake_adapter):
    config = practice_config({"impersonation": {"lookups_per_run": 7, "search": False}})
    ad = fake_adapter("instagram", [Account(platform="instagram", handle="harbourlight.counselling.uk", display_name="Harbour Light")])
    sweep(store, config, {"instagram": ad}, now=NOW)
    first = list(ad.lookups)
    sweep(store, config, {"instagram": ad}, now=NOW + timedelta(minutes=30))
    second = ad.lookups[len(first):]
    assert len(first) == len(second) == 7 and not set(first) & set(second)
    assert ad.searches == []
    [kv] = rows(store, KeyValue, KeyValue.key == "impersonation.lookups.instagram")
    assert kv.value["pos"] == 14 and kv.value["size"] > 100
    # run until the look-up of the fake comes round; it is then a suspect
    for i in range(kv.value["size"] // 7 + 1):
        rep = sweep(store, config, {"instagram": ad}, now=NOW + timedelta(hours=1 + i))
        if rep.new_suspects:
            break
    assert rep.new_suspects == ["instagram harbourlight.counselling.uk"]


def test_avatar_alone_makes_a_random_name_suspicious(config, store, fake_adapter, images):
    stolen = Account(platform="bluesky", handle="clientpayments.bsky.social", display_name="Client Payments",
                     avatar_url="https://cdn.example/a.jpg")
    innocent = Account(platform="bluesky", handle="sam.bsky.social", display_name="Sam", avatar_url="https://cdn.example/b.png")
    ad = fake_adapter("bluesky", [], {"https://cdn.example/a.jpg": images.logo_small_jpeg, "https://cdn.example/b.png": images.other})
    rep = sweep(store, config, {"bluesky": ad}, now=NOW, commenters=[stolen, innocent])
    assert rep.new_suspects == ["bluesky clientpayments.bsky.social"]
    [sus] = rows(store, Suspect)
    assert sus.verdict == "suspicious" and "avatar" in sus.signals[0]["reason"]
    [f] = rows(store, FindingRow)
    assert f.severity == "normal"


def test_reported_suspects_are_followed_up(practice_config, store, fake_adapter):
    config = practice_config({"impersonation": {"reminder_days": 5, "search": False, "lookups_per_run": 0}})
    gone = Account(platform="mastodon", handle="harbourlight_uk@mastodon.social", display_name="Harbour Light")
    live = Account(platform="mastodon", handle="harbourlight_help@mastodon.social", display_name="Harbour Light")
    ad = fake_adapter("mastodon", [gone, live])
    with store.session() as s:
        for acc in (gone, live):
            sus, _ = S.add(s, "mastodon", acc.handle, account=acc, source="search")
            sus.account_id = "x"
            S.mark_reported(s, sus, by="jo", now=NOW)
    ad.remove(gone.handle)
    rep = sweep(store, config, {"mastodon": ad}, now=NOW + timedelta(days=1))
    assert rep.taken_down == ["mastodon harbourlight_uk@mastodon.social"] and rep.reminders == []
    status = {x.handle: x.status for x in rows(store, Suspect)}
    assert status == {"harbourlight_uk@mastodon.social": "taken_down", "harbourlight_help@mastodon.social": "reported"}
    [f] = rows(store, FindingRow)
    assert f.rule == "impersonation.taken_down" and "took it down" in f.reasons[0] and "jo" in f.reasons[0]
    rep = sweep(store, config, {"mastodon": ad}, now=NOW + timedelta(days=5, hours=1))
    assert rep.reminders == ["mastodon harbourlight_help@mastodon.social"]
    rep = sweep(store, config, {"mastodon": ad}, now=NOW + timedelta(days=6))
    assert rep.reminders == []  # once per reminder period
    rep = sweep(store, config, {"mastodon": ad}, now=NOW + timedelta(days=10, hours=2))
    assert rep.reminders == ["mastodon harbourlight_help@mastodon.social"]
    reminders = rows(store, FindingRow, FindingRow.rule == "impersonation.reminder")
    assert len(reminders) == 2 and "still live" in reminders[0].reasons[0]


def test_a_rate_limited_platform_keeps_its_place_and_others_carry_on(practice_config, store, fake_adapter):
    config = practice_config({"impersonation": {"lookups_per_run": 10, "search": False}})
    slow = fake_adapter("mastodon", [])
    slow.fail_lookups_after = 3
    ok = fake_adapter("bluesky", [Account(platform="bluesky", handle="harbourlight.co.uk", display_name="Harbour Light")])
    rep = sweep(store, config, {"mastodon": slow, "bluesky": ok}, now=NOW)
    assert any("mastodon" in n and "slow down" in n for n in rep.notes)
    assert len(ok.lookups) == 10
    [kv] = rows(store, KeyValue, KeyValue.key == "impersonation.lookups.mastodon")
    assert kv.value["pos"] == 3


def test_commenters_flagged_by_the_item_check_become_suspects(config, store, fake_adapter):
    fake = Account(platform="mastodon", handle="harb0urlight@mastodon.social", display_name="Harbour Light Counselling")
    item = Item(platform="mastodon", id="99", kind="comment", author=fake, is_official=False, text="DM me to pay", url="https://x/99")
    profile = ProfileConfig(name="watched", platform="mastodon", account="harbourlight@example.social")
    findings = check_author(item, CheckContext(config=config, profile=profile))
    with store.session() as s:
        save_findings(s, FindingTarget.for_item("watched", item), findings)
    ad = fake_adapter("mastodon", [])
    rep = sweep(store, config, {"mastodon": ad}, now=NOW)
    assert rep.new_suspects == ["mastodon harb0urlight@mastodon.social"]
    [sus] = rows(store, Suspect)
    assert sus.source == "commenter"
    assert len(rows(store, FindingRow)) == 1, "the comment's own finding is the alert; no duplicate"
    # staff dismiss it; the next comment by the same account is closed by the sweep, not alerted
    with store.session() as s:
        S.dismiss(s, S.get(s, sus.id), reason="our receptionist's test account")
    item2 = Item(platform="mastodon", id="100", kind="comment", author=fake, is_official=False, text="hello again")
    with store.session() as s:
        save_findings(s, FindingTarget.for_item("watched", item2), check_author(item2, CheckContext(config=config, profile=profile)))
    sweep(store, config, {"mastodon": ad}, now=NOW + timedelta(hours=1))
    [only] = rows(store, FindingRow)  # one fake account is one finding, however many comments it writes
    assert only.status == "resolved" and "receptionist" in only.resolution


def test_staff_added_suspects_are_looked_up_and_scored(practice_config, store, fake_adapter):
    config = practice_config({"impersonation": {"lookups_per_run": 3, "search": False}})
    acc = Account(platform="instagram", handle="hlc.clientcare", display_name="Harbour Light Counselling", id="77")
    ad = fake_adapter("instagram", [acc])
    with store.session() as s:
        S.add(s, "instagram", "hlc.clientcare", note="a client forwarded a DM")
    sweep(store, config, {"instagram": ad}, now=NOW)
    [sus] = rows(store, Suspect)
    assert sus.account_id == "77" and sus.display_name == "Harbour Light Counselling" and sus.verdict == "impersonation"
    assert sus.note == "a client forwarded a DM"
    assert "hlc.clientcare" in ad.lookups


def test_no_identities_no_sweep(practice_config, store, fake_adapter):
    config = practice_config(identities=[])
    ad = fake_adapter("mastodon", accounts())
    rep = sweep(store, config, {"mastodon": ad}, now=NOW)
    assert ad.lookups == ad.searches == [] and rep.new_suspects == []
