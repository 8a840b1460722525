"""The evidence pack staff attach to a report, and the commands' JSON (the public contract)."""

import json
from datetime import datetime, timezone

from sqlalchemy import select

from monitor.checks.impersonation.evidence import write_pack
from monitor.checks.impersonation.score import score_account
from monitor.cli import main
from monitor.items import Account
from monitor.store import Store
from monitor.store import suspects as S
from monitor.store.models import Suspect

T0 = datetime(2026, 11, 1, 8, tzinfo=timezone.utc)
T1 = datetime(2026, 11, 3, 17, tzinfo=timezone.utc)


def make_suspect(config, store, images):
    acc = Account(platform="instagram", handle="harbourlight.counseling", display_name="Harbour Light Counselling",
                  url="https://www.instagram.com/harbourlight.counseling/")
    score = score_account(acc, config.identities, config.impersonation)
    with store.session() as s:
        obs = S.observe(s, acc, score, source="lookup", avatar_phash="c3a5c3a5c3a5c3a5", avatar_thumb=images.logo_small_jpeg, now=T0)
        obs.suspect.last_seen = T1
        return obs.suspect.id


def test_evidence_pack_has_everything_a_platform_report_needs(config, store, images, tmp_path):
    sid = make_suspect(config, store, images)
    with store.session() as s:
        sus = S.mark_reported(s, S.get(s, sid), by="Jo Bloggs", now=T1)
        pack = write_pack(sus, config, tmp_path / "packs", route="Tap ⋯ > Report > Pretending to be someone else.",
                          reported_by="Jo Bloggs", reported_at=T1)
        signals = [sig["reason"] for sig in sus.signals]
    html = pack.html.read_text()
    facts = json.loads(pack.json.read_text())
    assert {p.name for p in pack.images} == {"suspect-avatar.jpg", "official-avatar.jpg"}
    for p in pack.images:
        assert p.read_bytes()[:2] == b"\xff\xd8"  # JPEG files, side by side in the HTML
    assert 'src="suspect-avatar.jpg"' in html and 'src="official-avatar.jpg"' in html
    for text in ("harbourlight.counseling", "Harbour Light Counselling", "https://www.instagram.com/harbourlight.counseling/",
                 "https://www.instagram.com/harbourlight.counselling/", "2026-11-01 08:00 UTC", "2026-11-03 17:00 UTC",
                 "Pretending to be someone else", "Jo Bloggs", *signals):
        assert text.replace("'", "&#39;") in html or text in html, text
    assert facts["suspect"]["handle"] == "harbourlight.counseling"
    assert facts["matched_identity"] == "Harbour Light Counselling"
    assert facts["official_profile"] == {"platform": "instagram", "handle": "harbourlight.counselling",
                                         "url": "https://www.instagram.com/harbourlight.counselling/"}
    assert [sig["reason"] for sig in facts["signals"]] == signals and facts["score"] > 0.75
    assert facts["suspect"]["first_seen"].startswith("2026-11-01") and facts["suspect"]["last_seen"].startswith("2026-11-03")
    assert facts["reported_by"] == "Jo Bloggs" and facts["reported_at"].startswith("2026-11-03")
    assert facts["reporting_route"].startswith("Tap")


def test_evidence_pack_escapes_hostile_names(config, store, tmp_path):
    with store.session() as s:
        sus, _ = S.add(s, "mastodon", "evil@bad.social", account=Account(platform="mastodon", handle="evil@bad.social",
                                                                         display_name="<script>alert(1)</script>"))
        pack = write_pack(sus, config, tmp_path)
    html = pack.html.read_text()
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "report" in json.loads(pack.json.read_text())["reporting_route"].lower()


def run(capsys, *args):
    rc = main([*args])
    out = capsys.readouterr()
    return rc, out.out, out.err


def test_impersonation_check_json_contract(config, capsys, tmp_path):
    cfg = str(config.source)
    rc, out, _ = run(capsys, "impersonation", "check", "--config", cfg, "--platform", "mastodon",
                     "--handle", "harbourlight_official@mastodon.social", "--display-name", "Harbour Light", "--json")
    assert rc == 0
    [obj] = json.loads(out)
    assert {"id", "platform", "handle", "score", "verdict", "matched_identity", "reasons"} <= set(obj)
    assert obj["verdict"] == "impersonation" and obj["matched_identity"] == "Harbour Light Counselling" and 0 <= obj["score"] <= 1
    lines = [{"id": "1", "platform": "instagram", "handle": "dr.amaraokafor"},
             {"id": "2", "platform": "bluesky", "handle": "sam.bsky.social", "display_name": "Sam"},
             {"id": "3", "platform": "facebook", "handle": "hlc.payments", "display_name": "Hаrbour Light Counselling"}]
    f = tmp_path / "in.jsonl"
    f.write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    rc, out, err = run(capsys, "impersonation", "check", "--config", cfg, "--input", str(f), "--json")
    got = [json.loads(line) for line in out.splitlines()]
    assert rc == 0 and err == ""
    assert [(g["id"], g["verdict"]) for g in got] == [("1", "official"), ("2", "benign"), ("3", "impersonation")]
    f.write_text('{"id": "x", "platform": "mastodon"}\nnot json\n' + json.dumps(lines[0]) + "\n")
    rc, out, err = run(capsys, "impersonation", "check", "--config", cfg, "--input", str(f), "--json")
    assert rc == 2 and [json.loads(x)["id"] for x in out.splitlines()] == ["1"]
    assert "line 1" in err and "line 2" in err


def test_impersonation_check_with_avatar(config, capsys, tmp_path, images):
    (tmp_path / "theirs.jpg").write_bytes(images.logo_small_jpeg)
    rc, out, _ = run(capsys, "impersonation", "check", "--config", str(config.source), "--platform", "instagram",
                     "--handle", "random.payments.desk", "--avatar", str(tmp_path / "theirs.jpg"), "--json")
    [obj] = json.loads(out)
    assert rc == 0 and obj["verdict"] == "suspicious" and "avatar" in obj["reasons"][0]


def test_suspects_commands_end_to_end(config, capsys, tmp_path):
    cfg = str(config.source)
    rc, out, _ = run(capsys, "suspects", "add", "https://mastodon.social/@harbourlight_help", "--note", "DM to a client", "--json", "--config", cfg)
    added = json.loads(out)
    assert rc == 0 and added["platform"] == "mastodon" and added["handle"] == "harbourlight_help@mastodon.social"
    assert added["status"] == "new" and added["verdict"] == "impersonation"
    rc, _, err = run(capsys, "suspects", "add", "harbourlight.bsky.social", "--platform", "bluesky", "--config", cfg)
    assert rc == 2 and "official account" in err
    rc, _, err = run(capsys, "suspects", "add", "someone", "--config", cfg)
    assert rc == 2 and "--platform" in err
    rc, out, _ = run(capsys, "suspects", "list", "--json", "--config", cfg)
    assert [d["id"] for d in json.loads(out)] == [added["id"]]
    rc, out, _ = run(capsys, "suspects", "report", str(added["id"]), "--out", str(tmp_path / "ev"), "--by", "Sam", "--config", cfg)
    assert rc == 0 and "evidence.html" in out
    html = next((tmp_path / "ev").glob("suspect-*/evidence.html"))
    assert "harbourlight_help@mastodon.social" in html.read_text()
    rc, out, _ = run(capsys, "suspects", "show", str(added["id"]), "--json", "--config", cfg)
    shown = json.loads(out)
    assert shown["status"] == "reported" and shown["reported_by"] == "Sam" and shown["reported_at"]
    rc, _, err = run(capsys, "suspects", "taken-down", "999", "--config", cfg)
    assert rc == 2 and "no suspect with id 999" in err
    rc, out, _ = run(capsys, "suspects", "taken-down", str(added["id"]), "--json", "--config", cfg)
    assert json.loads(out)["status"] == "taken_down"
    rc, _, err = run(capsys, "suspects", "dismiss", str(added["id"]), "--reason", "x", "--config", cfg)
    assert rc == 2 and "taken down" in err
    rc, out, _ = run(capsys, "suspects", "list", "--status", "taken_down", "--config", cfg)
    assert "harbourlight_help@mastodon.social" in out
    store = Store(config.database_url)
    with store.session() as s:
        assert s.scalar(select(Suspect.note)) == "DM to a client"
    store.dispose()
