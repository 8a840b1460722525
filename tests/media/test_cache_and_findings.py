"""Posted images are fetched and judged once; verdicts become findings an admin can act on."""

from __future__ import annotations

from pathlib import Path

from PIL import ImageOps

from monitor.errors import UnsafeMedia
from monitor.items import Account, Item, MediaRef
from monitor.media import synthetic
from monitor.media.cache import judge_media, thumbnail_for
from monitor.media.library import LibraryIndex, index_library
from monitor.media.verdict import Verdict


def _item(*media: MediaRef) -> Item:
    return Item(platform="mastodon", id="p1", kind="post", author=Account("mastodon", "harbourlight"), is_official=True,
                text="Our new garden", media=media)


def test_judged_once_per_address_and_per_content(tmp_path, store, settings, library_bytes, scenes):
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "street.jpg").write_bytes(library_bytes["street.jpg"])
    index_library(store, folder, progress=False, settings=settings)
    index = LibraryIndex.load(store)
    mirrored = synthetic.encode(ImageOps.mirror(scenes["street.jpg"].image), "JPEG", quality=80)
    calls = []

    def fetch():
        calls.append(1)
        return mirrored

    v1 = judge_media(store, index, settings, key="https://cdn.example/a.jpg", fetch=fetch)
    v2 = judge_media(store, index, settings, key="https://cdn.example/a.jpg", fetch=fetch)
    assert v1.verdict == v2.verdict == "altered" and len(calls) == 1
    thumb = thumbnail_for(store, "https://cdn.example/a.jpg")
    assert thumb and thumb.startswith(b"\xff\xd8")
    # the same bytes under another address: downloaded, not judged again
    v3 = judge_media(store, index, settings, key="https://cdn.example/copy.jpg", fetch=fetch)
    assert v3.verdict == "altered" and len(calls) == 2

    def refuse():
        raise UnsafeMedia("the file is an HTML page, not an image")

    v4 = judge_media(store, index, settings, key="https://cdn.example/b.jpg", fetch=refuse)
    assert v4.verdict == "unreadable" and "HTML" in v4.reasons[0]


def test_flagged_verdicts_are_judged_again_after_the_library_changes(tmp_path, store, settings, library_bytes, scenes):
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "street.jpg").write_bytes(library_bytes["street.jpg"])
    index_library(store, folder, progress=False, settings=settings)
    posted = synthetic.encode(scenes["park.jpg"].image.resize((320, 320)), "JPEG", quality=70)
    v = judge_media(store, LibraryIndex.load(store), settings, key="/export/park.jpg", fetch=lambda: posted)
    assert v.verdict == "unknown"
    (folder / "park.jpg").write_bytes(library_bytes["park.jpg"])  # the practice approves it
    index_library(store, folder, progress=False, settings=settings)
    v = judge_media(store, LibraryIndex.load(store), settings, key="/export/park.jpg", fetch=lambda: posted)
    assert v.verdict == "approved_variant" and v.nearest == "park.jpg"


def test_findings_per_verdict():
    from monitor.checks.images import image_findings

    ref = MediaRef(url="https://cdn.example/a.jpg", media_id="m1")
    item = _item(ref)
    assert image_findings(item, ref, Verdict("approved", nearest="a.jpg", distance=0)) == []
    assert image_findings(item, ref, Verdict("approved_variant", nearest="a.jpg", distance=2)) == []
    expected = {"altered": ("image_altered", "high"), "unknown": ("image_unknown", "high"),
                "ai_marked": ("image_ai_marked", "high"), "unreadable": ("image_unreadable", "normal")}
    for verdict, (category, severity) in expected.items():
        v = Verdict(verdict, nearest="garden/a.jpg" if verdict == "altered" else None, distance=6,
                    distances={"phash": 6, "changed_area": 0.08}, reasons=["about 8% of the picture differs"],
                    marker="xmp:trainedAlgorithmicMedia" if verdict == "ai_marked" else None)
        (f,) = image_findings(item, ref, v)
        assert (f.category, f.severity) == (category, severity)
        assert f.subject == "m1"
        assert f.details["verdict"] == verdict and f.details["media_url"] == ref.url
        assert f.action and f.reasons[0].startswith("An image")
        if verdict == "altered":
            assert f.details["nearest"] == "garden/a.jpg"
            assert any("garden/a.jpg" in e.text for e in f.evidence)
    local = MediaRef(local_path=Path("/export/img/x.png"))
    (f,) = image_findings(_item(local), local, Verdict("unknown", distance=30))
    assert f.details["local_path"] == "/export/img/x.png" and f.subject == "/export/img/x.png"
