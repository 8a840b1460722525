"""Routing and grouping: what becomes an email, for whom, and when it is not repeated."""

from __future__ import annotations

import email
from datetime import datetime, timedelta, timezone
from email import policy

from monitor.alerts import deliver_pending, plan_alerts
from monitor.alerts.outbox import list_messages
from monitor.store import FindingRow, OutboxMessage


def _messages(store) -> list[OutboxMessage]:
    return sorted(list_messages(store), key=lambda m: m.id)


def _parsed(m: OutboxMessage):
    return email.message_from_bytes(bytes(m.raw), policy=policy.default)


def test_twenty_findings_on_one_profile_make_one_email(make_config, store_for, add_finding):
    config = make_config()
    store = store_for(config)
    ids = [add_finding(store, category="abusive", severity="high", author_handle=f"@troll{i}",
                       excerpt=f"you are all frauds number {i}", evidence=[{"text": "frauds"}]) for i in range(20)]
    assert plan_alerts(store, config) == 1
    [m] = _messages(store)
    assert sorted(m.finding_ids) == ids
    text = _parsed(m).get_body(("plain",)).get_content()
    assert all(f"findings resolve {i} " in text for i in ids)
    assert "20 findings on practice-mastodon" in m.subject
    assert plan_alerts(store, config) == 0  # announced: not again


def test_profiles_get_separate_emails_and_urgent_comes_first(make_config, store_for, add_finding):
    config = make_config()
    store = store_for(config)
    add_finding(store, profile="practice-facebook", category="abusive", severity="high")
    add_finding(store, profile="practice-mastodon", category="crisis", severity="urgent")
    assert plan_alerts(store, config) == 2
    first, second = _messages(store)
    assert "URGENT" in first.subject and "practice-mastodon" in first.subject
    assert "HIGH" in second.subject and "practice-facebook" in second.subject


def test_normal_and_low_findings_wait_for_the_digest(make_config, store_for, add_finding):
    config = make_config()
    store = store_for(config)
    add_finding(store, category="booking", severity="normal")
    add_finding(store, category="promotional", severity="low")
    add_finding(store, category="crisis", severity="urgent", status="resolved")
    assert plan_alerts(store, config) == 0
    assert _messages(store) == []


def test_category_recipients_get_their_category_only(make_config, store_for, add_finding):
    config = make_config(alerts={"recipients": {"crisis": ["lead@harbourlight.example"],
                                                "impersonation": ["reports@harbourlight.example"]}})
    store = store_for(config)
    crisis = add_finding(store, category="crisis", severity="urgent")
    abusive = add_finding(store, category="abusive", severity="high")
    fake = add_finding(store, category="impersonation", severity="high", author_handle="harb0urlight",
                       excerpt=None, evidence=[{"text": "handle differs by one character"}])
    assert plan_alerts(store, config) == 3
    by_finding = {tuple(m.finding_ids): m.recipients for m in _messages(store)}
    assert by_finding[(crisis,)] == ["admin@harbourlight.example", "lead@harbourlight.example"]
    assert by_finding[(abusive,)] == ["admin@harbourlight.example"]
    assert by_finding[(fake,)] == ["admin@harbourlight.example", "reports@harbourlight.example"]
    # The To header says the same thing the envelope will.
    for m in _messages(store):
        assert [a.addr_spec for a in _parsed(m)["To"].addresses] == m.recipients


def test_open_finding_is_not_reannounced_unless_it_changes(make_config, store_for, add_finding):
    config = make_config()
    store = store_for(config)
    fid = add_finding(store, category="abusive", severity="high", fingerprint="v1")
    assert plan_alerts(store, config) == 1
    t = datetime.now(timezone.utc) + timedelta(days=30)
    assert plan_alerts(store, config, now=t) == 0  # no repeat interval configured: never again

    with store.session() as s:  # the comment was edited: new evidence, new fingerprint
        row = s.get(FindingRow, fid)
        row.fingerprint, row.excerpt = "v2", "edited: you are all frauds and liars"
    assert plan_alerts(store, config, now=t) == 1
    latest = _messages(store)[-1]
    assert latest.subject.startswith("[practice-monitor] Changed: ")
    assert "changed since the last email" in _parsed(latest).get_body(("plain",)).get_content()


def test_repeat_interval_reminds_about_unacknowledged_findings_only(make_config, store_for, add_finding):
    config = make_config(alerts={"repeat_interval_hours": 24})
    store = store_for(config)
    t0 = datetime.now(timezone.utc)
    open_id = add_finding(store, profile="p1", category="abusive", severity="high")
    ack_id = add_finding(store, profile="p2", category="abusive", severity="high")
    assert plan_alerts(store, config, now=t0) == 2
    with store.session() as s:
        s.get(FindingRow, ack_id).status = "acknowledged"

    assert plan_alerts(store, config, now=t0 + timedelta(hours=23)) == 0
    assert plan_alerts(store, config, now=t0 + timedelta(hours=25)) == 1
    reminder = _messages(store)[-1]
    assert reminder.finding_ids == [open_id] and "Reminder: " in reminder.subject
    assert plan_alerts(store, config, now=t0 + timedelta(hours=26)) == 0  # the next one is 24 h later


def test_a_burst_over_several_runs_is_held_for_the_group_window_but_urgent_is_not(make_config, store_for, add_finding):
    config = make_config(alerts={"group_window": 120})
    store = store_for(config)
    t0 = datetime.now(timezone.utc)
    add_finding(store, category="abusive", severity="high", now=t0)
    assert plan_alerts(store, config, now=t0) == 1

    # 30 s later, more abuse on the same profile: held until the window since the last email is over.
    late1 = add_finding(store, category="abusive", severity="high", now=t0 + timedelta(seconds=30))
    late2 = add_finding(store, category="abusive", severity="high", now=t0 + timedelta(seconds=60))
    assert plan_alerts(store, config, now=t0 + timedelta(seconds=60)) == 0
    assert plan_alerts(store, config, now=t0 + timedelta(seconds=121)) == 1
    assert sorted(_messages(store)[-1].finding_ids) == [late1, late2]

    # A crisis never waits, even right after an email about the same profile.
    crisis = add_finding(store, category="crisis", severity="urgent", now=t0 + timedelta(seconds=125))
    assert plan_alerts(store, config, now=t0 + timedelta(seconds=125)) == 1
    assert _messages(store)[-1].finding_ids == [crisis]

    # Another profile is not affected by this profile's window.
    other = add_finding(store, profile="practice-facebook", category="abusive", severity="high")
    assert plan_alerts(store, config, now=t0 + timedelta(seconds=126)) == 1
    assert _messages(store)[-1].finding_ids == [other]


def test_the_alert_and_the_announcement_are_one_transaction(make_config, store_for, add_finding, monkeypatch):
    """If storing the email fails, the finding stays unannounced and is planned again next time."""
    config = make_config()
    store = store_for(config)
    fid = add_finding(store)
    import monitor.alerts.plan as plan

    def broken(*a, **kw):
        raise RuntimeError("disk full")

    monkeypatch.setattr(plan, "enqueue", broken)
    try:
        plan_alerts(store, config)
    except RuntimeError:
        pass
    with store.session() as s:
        assert s.get(FindingRow, fid).announced_at is None
    assert _messages(store) == []
    monkeypatch.undo()
    assert plan_alerts(store, config) == 1


def test_image_and_impersonation_alerts_show_the_pictures_side_by_side_inline(make_config, store_for, add_finding, tmp_path):
    import hashlib
    import io

    from PIL import Image

    from monitor.store import MediaCheck, MediaImage, Suspect

    def jpeg(colour) -> bytes:
        out = io.BytesIO()
        Image.new("RGB", (300, 200), colour).save(out, "JPEG")
        return out.getvalue()

    official = tmp_path / "logo.png"
    Image.new("RGB", (64, 64), "navy").save(official)
    config = make_config(identities=[{"name": "Harbour Light Counselling", "avatars": [str(official)]}])
    store = store_for(config)
    url = "https://cdn.social.example/media/77.jpg"
    with store.session() as s:
        s.add(MediaImage(path="team/open-day.jpg", sha256="0" * 64, size=1, mtime_ns=1, width=300, height=200,
                         hashes={}, thumbnail=jpeg("green")))
        s.add(MediaCheck(url_key=hashlib.sha256(url.encode()).hexdigest(), verdict={"verdict": "altered"}, thumbnail=jpeg("red")))
        s.add(Suspect(platform="mastodon", handle="harb0urlight@evil.example", avatar_thumb=jpeg("orange"),
                      matched_identity="Harbour Light Counselling", score=0.9, verdict="impersonation"))
    add_finding(store, category="image_altered", severity="high", excerpt="Our team at the open day",
                evidence=[{"text": "distance 11 to team/open-day.jpg"}],
                details={"media_url": url, "nearest": "team/open-day.jpg", "distance": 11})
    add_finding(store, profile="practice-facebook", platform="facebook", category="impersonation", severity="high",
                item_id=None, item_url=None, author_handle=None, excerpt=None, subject="mastodon:harb0urlight@evil.example",
                evidence=[{"text": "harb0urlight@evil.example"}],
                details={"platform": "mastodon", "handle": "harb0urlight@evil.example", "score": 0.9,
                         "account_url": "https://evil.example/@harb0urlight", "matched_identity": "Harbour Light Counselling"})
    assert plan_alerts(store, config) == 2
    assert deliver_pending(store, config).sent == 2
    for m in _messages(store):
        msg = _parsed(m)
        html_part = msg.get_body(("html",))
        html = html_part.get_content()
        related = [p for p in msg.walk() if p.get_content_type() == "multipart/related"]
        assert related, "pictures travel inside the message"
        images = [p for p in related[0].iter_parts() if p.get_content_maintype() == "image"]
        assert len(images) == 2
        for img in images:
            cid = img["Content-ID"].strip("<>")
            assert f'src="cid:{cid}"' in html
            Image.open(io.BytesIO(img.get_content())).verify()  # a real picture
        if "image_altered" in m.subject or "Altered" in m.subject:
            assert "distance 11" in html and "team/open-day.jpg" in html
        else:
            assert "Suspect" in html and "Official avatar: Harbour Light Counselling" in html
            assert 'href="https://evil.example/@harb0urlight"' in html  # the suspect's account, as its real URL
