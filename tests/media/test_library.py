"""Incremental indexing of the approved folder, and the in-memory search over it."""

from __future__ import annotations

import os

import numpy as np
import pytest

from monitor.errors import MonitorError
from monitor.media import synthetic
from monitor.media.library import LibraryIndex, index_library, search_topk
from monitor.media.verdict import judge


@pytest.fixture
def folder(tmp_path, library_bytes):
    d = tmp_path / "approved"
    (d / "2025").mkdir(parents=True)
    for name, data in library_bytes.items():
        (d / ("2025/" + name if name == "park.jpg" else name)).write_bytes(data)
    (d / ".hidden.jpg").write_bytes(b"ignored")
    (d / "notes.txt").write_text("not an image")
    return d


def test_incremental_index(folder, store, settings, scenes):
    r = index_library(store, folder, progress=False, settings=settings)
    assert (r.added, r.updated, r.unchanged, r.removed, r.failed) == (3, 0, 0, 0, [])
    assert "3 image(s) indexed (3 new" in r.summary()
    idx = LibraryIndex.load(store)
    assert sorted(idx.paths) == ["2025/park.jpg", "portrait.jpg", "street.jpg"]

    r = index_library(store, folder, progress=False, settings=settings)
    assert (r.added, r.updated, r.unchanged, r.removed) == (0, 0, 3, 0)

    # touched but unchanged bytes: not re-indexed
    st = (folder / "street.jpg").stat()
    os.utime(folder / "street.jpg", ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))
    r = index_library(store, folder, progress=False, settings=settings)
    assert (r.added, r.updated, r.unchanged) == (0, 0, 3)

    # changed picture: re-indexed, and the old picture no longer counts as approved
    old = (folder / "street.jpg").read_bytes()
    (folder / "street.jpg").write_bytes(synthetic.encode(scenes["_stranger"].image, "JPEG", quality=90))
    r = index_library(store, folder, progress=False, settings=settings)
    assert (r.added, r.updated, r.unchanged) == (0, 1, 2)
    idx = LibraryIndex.load(store)
    assert judge(old, idx, settings).verdict == "unknown"
    assert judge((folder / "street.jpg").read_bytes(), idx, settings).verdict == "approved"

    # removed file leaves the index; an unreadable one is reported, not indexed
    (folder / "2025/park.jpg").unlink()
    (folder / "broken.jpg").write_bytes(b"<html>oops</html>")
    r = index_library(store, folder, progress=False, settings=settings)
    assert r.removed == 1 and [p for p, _ in r.failed] == ["broken.jpg"]
    assert "HTML" in r.failed[0][1]
    assert sorted(LibraryIndex.load(store).paths) == ["portrait.jpg", "street.jpg"]


def test_missing_folder_is_a_clear_error(tmp_path, store):
    with pytest.raises(MonitorError, match="not a folder"):
        index_library(store, tmp_path / "nope", progress=False)


def test_index_keeps_thumbnails_and_references(folder, store, settings):
    from sqlalchemy import select

    from monitor.media.cache import library_thumbnail
    from monitor.store.models import MediaImage

    index_library(store, folder, progress=False, settings=settings)
    thumb = library_thumbnail(store, "portrait.jpg")
    assert thumb.startswith(b"\xff\xd8") and len(thumb) < 30_000
    with store.session() as s:
        row = s.scalar(select(MediaImage).where(MediaImage.path == "portrait.jpg"))
        assert {"phash", "dhash", "phash_mirror", "colorhash", "windows"} <= set(row.hashes)
        assert row.width <= 384 or row.height <= 384
    idx = LibraryIndex.load(store)
    ref = idx.reference(idx.paths.index("portrait.jpg"))
    assert max(ref.shape[:2]) == 192


def test_search_primitive_matches_a_plain_scan():
    rng = np.random.default_rng(5)
    lib = rng.integers(0, 2**63, size=20_000, dtype=np.uint64) * np.uint64(2) + rng.integers(0, 2, size=20_000, dtype=np.uint64)
    q = int(lib[1234]) ^ 0b1011  # three bits away from one entry
    idx, dist = search_topk(lib, q, k=3)
    plain = sorted(((int(h) ^ q).bit_count(), i) for i, h in enumerate(lib))[:3]
    assert list(dist) == [d for d, _ in plain]
    assert idx[0] == 1234 and dist[0] == 3
