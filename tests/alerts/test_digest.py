"""The digest: what it holds, when it is (not) sent, dates in the practice's timezone, and the CLI."""

from __future__ import annotations

import email
from datetime import datetime, timezone
from email import policy

from monitor.alerts import plan_alerts, queue_digest, render_digest_html
from monitor.alerts.outbox import list_messages
from monitor.store import FindingRow


def _last_email(store):
    m = max(list_messages(store), key=lambda m: m.id)
    return m, email.message_from_bytes(bytes(m.raw), policy=policy.default)


def test_empty_digest_is_not_sent_unless_configured(make_config, store_for, write_config):
    config = make_config()
    store = store_for(config)
    assert queue_digest(store, config) == 0
    assert list_messages(store) == []

    always = make_config(alerts={"digest_send_empty": True})
    assert queue_digest(store, always) == 1
    m, msg = _last_email(store)
    assert "digest" in m.subject.lower() and "nothing new" in m.subject
    assert "Nothing new to review" in msg.get_body(("plain",)).get_content()


def test_digest_holds_normal_and_low_findings_once(make_config, store_for, add_finding):
    config = make_config()
    store = store_for(config)
    booking = add_finding(store, category="booking", severity="normal", excerpt="Can I book a session for my son on Tuesday?",
                          evidence=[{"text": "book a session"}])
    promo = add_finding(store, category="promotional", severity="low", excerpt="Buy cheap followers at spam.example",
                        evidence=[{"text": "cheap followers"}])
    acked = add_finding(store, category="promotional", severity="low", status="acknowledged")
    urgent = add_finding(store, category="crisis", severity="urgent")
    plan_alerts(store, config)

    assert queue_digest(store, config) == 1
    m, msg = _last_email(store)
    assert sorted(m.finding_ids) == sorted([booking, promo])
    assert "digest" in m.subject.lower() and "2 findings to review" in m.subject
    text = msg.get_body(("plain",)).get_content()
    assert "[book a session]" in text and "[cheap followers]" in text
    assert "Thank you for getting in touch" in text  # the configured booking reply is suggested
    assert f"#{urgent} " in text  # listed under "still open from earlier alerts", not in full
    assert f"findings resolve {acked} " not in text
    with store.session() as s:
        assert s.get(FindingRow, booking).digest_at is not None
        assert s.get(FindingRow, acked).digest_at is None
    assert queue_digest(store, config) == 0  # nothing new since


def test_digest_dates_are_in_the_practice_timezone(make_config, store_for, add_finding):
    config = make_config(practice={"timezone": "Pacific/Auckland"})
    store = store_for(config)
    found = datetime(2026, 1, 15, 19, 5, tzinfo=timezone.utc)  # 08:05 on the 16th in Auckland (NZDT)
    add_finding(store, category="booking", severity="normal", now=found)
    now = datetime(2026, 1, 15, 20, 30, tzinfo=timezone.utc)
    assert queue_digest(store, config, now=now) == 1
    m, msg = _last_email(store)
    assert "(Fri 16 Jan 2026)" in m.subject
    text = msg.get_body(("plain",)).get_content()
    assert "Fri 16 Jan 2026, 09:30 NZDT" in text  # when the digest was made
    assert "found Fri 16 Jan 2026, 08:05 NZDT" in text


def test_digest_cli_summary_preview_and_send(make_config, store_for, add_finding, cli, run_cli, tmp_path):
    config = make_config()
    store = store_for(config)
    fid = add_finding(store, category="review_solicitation", severity="normal", excerpt="Please leave us a 5 star review!",
                      evidence=[{"text": "5 star review"}])

    proc = run_cli(["digest", "--config", config.source], check_rc=0)
    assert "TO REVIEW: 1 finding" in proc.stdout and "[5 star review]" in proc.stdout

    preview = tmp_path / "preview" / "digest.html"
    proc = cli(["digest", "--preview", preview, "--config", config.source], check_rc=0)  # the real program
    assert "nothing was sent" in proc.stdout
    html = preview.read_text(encoding="utf-8")
    assert "<mark" in html and "5 star review" in html and f"findings resolve {fid}" in html
    with store.session() as s:  # looking changes nothing
        assert s.get(FindingRow, fid).digest_at is None
    assert list_messages(store) == []

    proc = run_cli(["digest", "--send", "--config", config.source], check_rc=0)
    [eml] = list(config.email.outbox_dir.glob("*-digest-*.eml"))
    msg = email.message_from_bytes(eml.read_bytes(), policy=policy.default)
    assert "digest" in msg["Subject"].lower()
    with store.session() as s:
        assert s.get(FindingRow, fid).digest_at is not None
    proc = run_cli(["digest", "--send", "--config", config.source], check_rc=0)
    assert "no digest was queued" in proc.stdout
    assert len(list(config.email.outbox_dir.glob("*-digest-*.eml"))) == 1


def test_long_digest_stays_reviewable(make_config, store_for, add_finding):
    config = make_config()
    store = store_for(config)
    for i in range(60):
        add_finding(store, category="promotional", severity="low", author_handle=f"@spam{i}",
                    excerpt=f"Great deals at shop{i}.example " * 10, evidence=[{"text": "Great deals"}])
    assert queue_digest(store, config) == 1
    m, msg = _last_email(store)
    assert len(m.finding_ids) == 60
    text = msg.get_body(("plain",)).get_content()
    assert text.count("When it is dealt with:") == 30  # the first 30 in full
    assert "More findings, in short:" in text and "@spam59" in text
    # Quotes are trimmed to what is needed to decide.
    quoted = [line for line in text.splitlines() if line.startswith('  "')]
    assert quoted and max(len(q) for q in quoted) < 230


def test_preview_html_embeds_pictures_instead_of_linking_them(make_config, store_for, add_finding):
    import hashlib
    import io

    from PIL import Image

    from monitor.store import MediaCheck

    config = make_config()
    store = store_for(config)
    buf = io.BytesIO()
    Image.new("RGB", (200, 100), "purple").save(buf, "JPEG")
    with store.session() as s:
        s.add(MediaCheck(url_key=hashlib.sha256(b"https://cdn.example/a.jpg").hexdigest(), verdict={}, thumbnail=buf.getvalue()))
    add_finding(store, category="image_unknown", severity="normal", details={"media_url": "https://cdn.example/a.jpg"})
    html = render_digest_html(store, config)
    assert 'src="data:image/jpeg;base64,' in html
    assert "https://cdn.example/a.jpg" not in html
