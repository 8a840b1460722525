"""`media index` and `media check` as a practice admin runs them."""

from __future__ import annotations

import json

from PIL import ImageOps

from monitor.media import synthetic


def test_index_then_check_json(tmp_path, write_config, cli, library_bytes, scenes):
    lib = tmp_path / "approved-media"
    lib.mkdir()
    for name, data in library_bytes.items():
        (lib / name).write_bytes(data)
    cfg = write_config({"media": {"library": "approved-media"}})
    r = cli(["media", "index", "--config", cfg], check_rc=0)
    assert "3 image(s) indexed (3 new" in r.stdout and "\r" not in r.stderr  # no progress bar without a terminal

    posted = tmp_path / "posted"
    posted.mkdir()
    (posted / "same.jpg").write_bytes(library_bytes["park.jpg"])
    (posted / "small.jpg").write_bytes(synthetic.encode(scenes["park.jpg"].image.resize((320, 320)), "JPEG", quality=60))
    (posted / "flipped.jpg").write_bytes(synthetic.encode(ImageOps.mirror(scenes["street.jpg"].image), "JPEG"))
    (posted / "other.jpg").write_bytes(synthetic.encode(scenes["_stranger"].image, "JPEG"))
    (posted / "page.jpg").write_text("<html>Not found</html>")
    files = [posted / n for n in ("same.jpg", "small.jpg", "flipped.jpg", "other.jpg", "page.jpg")]
    r = cli(["media", "check", *files, "--json", "--config", cfg], check_rc=0)
    out = json.loads(r.stdout)
    assert [o["verdict"] for o in out] == ["approved", "approved_variant", "altered", "unknown", "unreadable"]
    for o in out:
        assert {"path", "verdict", "nearest", "distance", "reasons", "marker", "distances"} <= set(o)
        assert o["reasons"]
    assert out[1]["nearest"] == "park.jpg" and out[2]["nearest"] == "street.jpg" and out[3]["nearest"] is None

    r = cli(["media", "check", posted / "flipped.jpg", "--config", cfg], check_rc=0)
    assert "altered" in r.stdout and "mirrored" in r.stdout


def test_check_usage_errors_and_empty_library(tmp_path, write_config, cli, library_bytes):
    cfg = write_config({"media": {"library": "nowhere"}})
    r = cli(["media", "check", tmp_path / "missing.jpg", "--config", cfg])
    assert r.returncode == 2 and "no such file" in r.stderr
    f = tmp_path / "a.jpg"
    f.write_bytes(library_bytes["park.jpg"])
    r = cli(["media", "check", f, "--json", "--config", cfg], check_rc=0)
    assert json.loads(r.stdout)[0]["verdict"] == "unknown"
    assert "library is empty" in r.stderr
    r = cli(["media", "index", "--config", cfg])
    assert r.returncode != 0 and "not a folder" in r.stderr
