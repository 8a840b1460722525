"""The export platform and the one data path: fetch → items → checks → store, incremental and exactly once."""

from __future__ import annotations

import json

from sqlalchemy import func, select

from monitor.config import load_config
from monitor.platforms.export import ExportAdapter
from monitor.store import FindingRow, SeenItem
from monitor.store.errors import open_store_clearly


def _config(write_config, folder, **extra):
    return load_config(write_config({"profiles": [{"name": "fb-export", "platform": "export", "path": str(folder)}], **extra}))


def test_export_items_are_normalized(write_config, make_export, export_post):
    folder = make_export([
        export_post("p1", "Welcome to our new page", comments=[
            {"id": "c1", "author": {"handle": "jo"}, "text": "Lovely!", "replies": [
                {"id": "r1", "author": {"handle": "harbourlight"}, "text": "Thank you Jo"}]},
        ]),
        {"id": 42, "author": {"handle": "visitor"}, "text": "a visitor post", "own": False},
    ])
    cfg = _config(write_config, folder)
    result = ExportAdapter(cfg.profiles[0], None, cfg.http).fetch_items(None)
    by_id = {i.id: i for i in result.items}
    assert set(by_id) == {"p1", "c1", "r1", "42"}
    assert by_id["p1"].kind == "post" and by_id["p1"].is_official and by_id["p1"].url == "https://social.example/p1"
    assert by_id["c1"].kind == "comment" and not by_id["c1"].is_official and by_id["c1"].parent_id == "p1"
    assert by_id["r1"].kind == "reply" and by_id["r1"].is_official and by_id["r1"].parent_id == "c1"
    assert by_id["42"].kind == "post" and not by_id["42"].is_official
    assert by_id["p1"].created_at.tzinfo is not None
    assert result.profile.display_name == "Harbour Light Counselling"


def test_malformed_items_are_skipped_with_reasons(write_config, make_export, export_post):
    folder = make_export([
        export_post("ok", "fine"),
        {"text": "no id"},
        {"id": "bad-date", "text": "x", "created_at": "yesterday"},
        "not an object",
        {"id": "img", "text": "x", "images": [7]},
    ])
    cfg = _config(write_config, folder)
    result = ExportAdapter(cfg.profiles[0], None, cfg.http).fetch_items(None)
    assert [i.id for i in result.items] == ["ok"]
    assert len(result.skipped) == 4
    assert any("missing or invalid id" in s for s in result.skipped)
    assert any("not an ISO 8601 date" in s for s in result.skipped)


def test_run_is_incremental_and_dedupes(write_config, make_export, export_post, cli):
    posts = [export_post("p1", "New group starting", comments=[
        {"id": "c1", "author": {"handle": "spammer"}, "text": "Make $$$ fast! DM me for my crypto investment plan, guaranteed 300% returns"},
        {"id": "c2", "author": {"handle": "sam"}, "text": "The last session was unhelpful and overpriced, honestly."},
    ])]
    folder = make_export(posts)
    config = _config(write_config, folder).source

    first = cli(["run", "--config", config, "--json"])
    assert first.returncode == 0, first.stderr
    summary = json.loads(first.stdout)
    (prof,) = summary["profiles"]
    assert prof["status"] == "ok" and prof["items_new"] == 3 and prof["findings_new"] >= 1

    second = json.loads(cli(["run", "--config", config, "--json"], check_rc=0).stdout)
    assert second["profiles"][0]["items_new"] == 0 and second["profiles"][0]["findings_new"] == 0

    # An edited comment is checked again; an unchanged one is not.
    posts[0]["comments"][1]["text"] = "The last session was unhelpful. You are a useless idiot."
    (folder / "posts.json").write_text(json.dumps(posts))
    third = json.loads(cli(["run", "--config", config, "--json"], check_rc=0).stdout)
    assert third["profiles"][0]["items_new"] == 1

    cfg = load_config(config)
    store = open_store_clearly(cfg)
    with store.session() as s:
        cats = s.execute(select(FindingRow.item_id, FindingRow.category)).all()
        assert s.scalar(select(func.count()).select_from(SeenItem)) == 3
    store.dispose()
    assert ("c1", "promotional") in cats
    assert ("c2", "abusive") in cats
    assert len(cats) == len(set(cats)), "one thing is one finding"

    listed = json.loads(cli(["findings", "list", "--json", "--config", config], check_rc=0).stdout)
    for f in listed:
        assert {"id", "profile", "platform", "item_id", "item_url", "category", "severity", "rule", "status", "reasons"} <= set(f)
        assert f["profile"] == "fb-export" and f["platform"] == "export" and f["status"] == "new" and f["reasons"]


def test_malformed_export_gives_exit_3_and_other_profiles_carry_on(write_config, make_export, export_post, cli, tmp_path):
    good = make_export([export_post("p1", "hello")], folder="good")
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "posts.json").write_text('[{"id": "p1", "text": "trunc')
    config = write_config({"profiles": [
        {"name": "good", "platform": "export", "path": str(good)},
        {"name": "broken", "platform": "export", "path": str(broken)},
        {"name": "missing", "platform": "export", "path": str(tmp_path / "nowhere")},
    ]})
    proc = cli(["run", "--config", config, "--json"])
    assert proc.returncode == 3, proc.stderr
    out = {p["name"]: p for p in json.loads(proc.stdout)["profiles"]}
    assert out["good"]["status"] == "ok" and out["good"]["items_new"] == 1
    assert out["broken"]["status"] == "failed" and "posts.json is not valid JSON" in out["broken"]["error"]
    assert out["missing"]["status"] == "failed" and "export folder not found" in out["missing"]["error"]
    findings = json.loads(cli(["findings", "list", "--json", "--category", "profile_error", "--config", config]).stdout)
    assert {f["profile"] for f in findings} == {"broken", "missing"}
    # A second failing run does not make a second finding per profile.
    cli(["run", "--config", config])
    again = json.loads(cli(["findings", "list", "--json", "--category", "profile_error", "--config", config]).stdout)
    assert len(again) == 2


def test_dry_run_stores_nothing(write_config, make_export, export_post, cli):
    folder = make_export([export_post("p1", "hello", comments=[{"id": "c1", "author": {"handle": "x"}, "text": "You stupid idiot"}])])
    config = _config(write_config, folder).source
    out = json.loads(cli(["run", "--dry-run", "--json", "--config", config], check_rc=0).stdout)
    assert out["profiles"][0]["findings"], "a dry run shows what it would flag"
    assert json.loads(cli(["findings", "list", "--json", "--config", config]).stdout) == []
    assert json.loads(cli(["run", "--json", "--config", config]).stdout)["profiles"][0]["items_new"] == 2


def test_findings_resolve_workflow(write_config, make_export, export_post, cli):
    folder = make_export([export_post("p1", "hello", comments=[{"id": "c1", "author": {"handle": "x"}, "text": "Shut up you pathetic moron"}])])
    config = _config(write_config, folder).source
    cli(["run", "--config", config], check_rc=0)
    (f,) = [f for f in json.loads(cli(["findings", "list", "--json", "--config", config]).stdout) if f["category"] == "abusive"]
    shown = cli(["findings", "show", str(f["id"]), "--config", config], check_rc=0).stdout
    assert "abusive" in shown and "findings resolve" in shown
    cli(["findings", "resolve", str(f["id"]), "--note", "comment hidden", "--by", "alex", "--config", config], check_rc=0)
    assert all(x["id"] != f["id"] for x in json.loads(cli(["findings", "list", "--json", "--config", config]).stdout))
    done = json.loads(cli(["findings", "show", str(f["id"]), "--json", "--config", config]).stdout)
    assert done["status"] == "resolved" and done["resolution"] == "comment hidden"
    missing = cli(["findings", "resolve", "99999", "--config", config])
    assert missing.returncode == 1 and "no finding with id 99999" in missing.stderr
