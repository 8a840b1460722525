"""`practice-monitor posts check` as users and scripts call it."""

from __future__ import annotations

import json

from monitor.cli import main


def test_text_human_summary_without_any_config(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PRACTICE_MONITOR_CONFIG", raising=False)
    assert main(["posts", "check", "--text", "DM me for a discount code CALM20!"]) == 0
    out = capsys.readouterr().out
    assert "promotional (normal)" in out and "CALM20" in out and "suggested action" in out


def test_text_json_follows_the_contract(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PRACTICE_MONITOR_CONFIG", raising=False)
    assert main(["posts", "check", "--text", "I want to end my life", "--json"]) == 0
    (result,) = json.loads(capsys.readouterr().out)
    assert result["id"] == "text"
    (f,) = result["findings"]
    assert {"category", "severity", "rule", "evidence", "reasons"} <= set(f)
    assert f["category"] == "crisis" and f["severity"] == "urgent"
    assert f["evidence"][0] == {"text": "end my life", "start": 10, "end": 21}


def test_own_flag(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["posts", "check", "--own", "--json", "--text", "Rate us five stars on Google!"]) == 0
    assert [f["category"] for f in json.loads(capsys.readouterr().out)[0]["findings"]] == ["review_solicitation"]


def test_clean_text(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["posts", "check", "--text", "Lovely post, thank you"]) == 0
    assert "No policy concerns found." in capsys.readouterr().out


def test_input_jsonl_one_object_per_line_with_ids_and_bad_lines_reported(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    f = tmp_path / "in.jsonl"
    f.write_text("\n".join([
        json.dumps({"id": "a", "text": "you absolute idiot", "own": False}),
        "{not json",
        json.dumps({"id": 7, "text": "Guaranteed to cure your anxiety!", "own": True}),
        json.dumps({"id": "c", "own": False}),
        json.dumps({"id": "d", "text": "lovely", "own": False}),
    ]) + "\n", encoding="utf-8")
    rc = main(["posts", "check", "--input", str(f), "--json"])
    cap = capsys.readouterr()
    lines = [json.loads(line) for line in cap.out.splitlines()]
    assert [r["id"] for r in lines] == ["a", 7, "d"]
    assert lines[0]["findings"][0]["category"] == "abusive"
    assert lines[1]["findings"][0]["category"] == "outcome_claim"
    assert lines[2]["findings"] == []
    assert "line 2" in cap.err and "line 4" in cap.err and '"text"' in cap.err
    assert rc == 2


def test_config_file_is_used_when_given(write_config, cli):
    cfg = write_config({"posts": {"allowed_domains": ["mysite.example"], "disabled": ["booking"]}})
    text = "see https://mysite.example/x and can I book a session?"
    plain = cli(["posts", "check", "--text", text, "--json"], cwd=cfg.parent.parent, check_rc=0)
    assert {f["category"] for f in json.loads(plain.stdout)[0]["findings"]} == {"promotional", "booking"}
    configured = cli(["posts", "check", "--config", str(cfg), "--text", text, "--json"], check_rc=0)
    assert json.loads(configured.stdout)[0]["findings"] == []


def test_missing_explicit_config_is_a_usage_error(tmp_path, capsys):
    assert main(["posts", "check", "--config", str(tmp_path / "nope.toml"), "--text", "hi"]) == 2
    assert "nope.toml" in capsys.readouterr().err
