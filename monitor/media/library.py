"""The approved media library: indexing the folder into the store, and searching it in memory.

Indexing is incremental and streams: files whose size and modification time are unchanged are
skipped without being read; a file whose bytes are unchanged (same SHA-256) only has its time
updated; removed files leave the index. Each image is decoded once, small (draft mode), and only its
hashes, a ~192 px reference for comparisons and a ~240 px thumbnail for emails are kept, so memory
stays flat however large the library is.

`LibraryIndex` holds the hashes as numpy arrays of 64-bit integers: the nearest-neighbour search is
an XOR and a popcount over the whole library at once (a few milliseconds for a million hashes on one
core). The reference images are read from the store only for the few candidates that need them.
"""

from __future__ import annotations

import hashlib
import logging
import os
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from sqlalchemy import delete, select

from monitor.config.model import MediaConfig
from monitor.errors import MonitorError, UnsafeMedia
from monitor.media.compare import decode_reference, reference_bytes
from monitor.media.hashing import ORIENTATIONS, WINDOWS_VERSION, ImageHashes, compute_hashes, windows
from monitor.media.safety import load_image, read_capped
from monitor.media.thumbs import thumbnail_bytes

log = logging.getLogger(__name__)

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".gif")
INDEX_VERSION = f"1.{WINDOWS_VERSION}"  # bump when hashes or references change: everything is re-indexed
_VERSION_KEY = "media.index_version"
BATCH = 50  # files per transaction while indexing


@dataclass
class IndexReport:
    folder: str
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    seconds: float = 0.0

    @property
    def total(self) -> int:
        return self.added + self.updated + self.unchanged

    def summary(self) -> str:
        text = (
            f"approved library {self.folder}: {self.total} image(s) indexed "
            f"({self.added} new, {self.updated} changed, {self.unchanged} unchanged, {self.removed} removed)"
        )
        if self.failed:
            text += f"; {len(self.failed)} file(s) could not be read"
        return text + f" in {self.seconds:.1f} s"

    def to_dict(self) -> dict:
        return {
            "folder": self.folder, "indexed": self.total, "added": self.added, "updated": self.updated,
            "unchanged": self.unchanged, "removed": self.removed, "seconds": round(self.seconds, 2),
            "failed": [{"path": p, "reason": r} for p, r in self.failed],
        }


def library_files(folder: Path) -> Iterator[str]:
    """Image files under `folder` (recursive, hidden files and folders skipped), as sorted relative paths."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for f in files:
            if not f.startswith(".") and f.lower().endswith(IMAGE_SUFFIXES):
                found.append(Path(root, f).relative_to(folder).as_posix())
    yield from sorted(found)


@dataclass
class IndexedImage:
    """What indexing one file produces (also used directly by the evaluation and the bench)."""

    sha256: str
    width: int
    height: int
    hashes: ImageHashes
    reference: bytes
    thumbnail: bytes


def index_image(data: bytes, settings: MediaConfig) -> IndexedImage:
    """Hashes, reference and thumbnail of one library image's bytes (raises UnsafeMedia)."""
    img = load_image(data, settings)
    hashes = compute_hashes(img, library=True)
    return IndexedImage(
        sha256=hashlib.sha256(data).hexdigest(), width=img.width, height=img.height,
        hashes=hashes, reference=reference_bytes(img), thumbnail=thumbnail_bytes(img),
    )


def index_library(store, folder: Path | str, *, progress: bool, settings: MediaConfig | None = None) -> IndexReport:
    """Bring the store's index of the approved folder up to date. See the module docstring."""
    from monitor.store.models import KeyValue, MediaImage

    settings = settings or MediaConfig()
    folder = Path(folder)
    started = time.monotonic()
    report = IndexReport(folder=str(folder))
    if not folder.is_dir():
        raise MonitorError(f"the approved media library {folder} is not a folder (set [media] library in the config)")
    with store.session() as s:
        kv = s.get(KeyValue, _VERSION_KEY)
        full = kv is None or kv.value.get("version") != INDEX_VERSION
        known = {
            row.path: (row.id, row.size, row.mtime_ns, row.sha256)
            for row in s.execute(select(MediaImage.path, MediaImage.id, MediaImage.size, MediaImage.mtime_ns, MediaImage.sha256))
        }
    paths = list(library_files(folder))
    present = set(paths)
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(paths), unit="img", desc="indexing approved images", leave=True)
    pending: list[Callable] = []

    def flush() -> None:
        if pending:
            with store.session() as s:
                for op in pending:
                    op(s)
            pending.clear()

    for rel in paths:
        full_path = folder / rel
        try:
            st = full_path.stat()
        except OSError as exc:
            report.failed.append((rel, f"cannot be read ({exc.strerror})"))
            _advance(bar)
            continue
        old = known.get(rel)
        if old and not full and old[1] == st.st_size and old[2] == st.st_mtime_ns:
            report.unchanged += 1
            _advance(bar)
            continue
        try:
            data = read_capped(full_path, settings.max_image_bytes)
            sha = hashlib.sha256(data).hexdigest()
            if old and not full and old[3] == sha:
                pending.append(lambda s, i=old[0], m=st.st_mtime_ns: _touch(s, i, m))
                report.unchanged += 1
            else:
                item = index_image(data, settings)
                pending.append(lambda s, r=rel, it=item, st=st, old=old: _upsert(s, r, it, st, old))
                if old:
                    report.updated += 1
                else:
                    report.added += 1
        except UnsafeMedia as exc:
            report.failed.append((rel, str(exc)))
            if old:  # it no longer is a usable approved image
                pending.append(lambda s, i=old[0]: s.execute(delete(MediaImage).where(MediaImage.id == i)))
                present.discard(rel)
        _advance(bar)
        if len(pending) >= BATCH:
            flush()
    flush()
    if bar is not None:
        bar.close()
    gone = [v[0] for p, v in known.items() if p not in present]
    with store.session() as s:
        for i in range(0, len(gone), 500):
            s.execute(delete(MediaImage).where(MediaImage.id.in_(gone[i : i + 500])))
        kv = s.get(KeyValue, _VERSION_KEY)
        value = {"version": INDEX_VERSION, "folder": str(folder), "indexed_at": time.time()}
        if kv is None:
            s.add(KeyValue(key=_VERSION_KEY, value=value))
        else:
            kv.value = value
    report.removed = len(gone)
    report.seconds = time.monotonic() - started
    for rel, reason in report.failed:
        log.warning("approved image %s skipped: %s", rel, reason)
    return report


def index_is_current(store) -> bool:
    """Whether the stored index was built by this version of the hashing (else re-run `media index`)."""
    from monitor.store.models import KeyValue

    with store.session() as s:
        kv = s.get(KeyValue, _VERSION_KEY)
        return kv is not None and kv.value.get("version") == INDEX_VERSION


def _advance(bar) -> None:
    if bar is not None:
        bar.update(1)


def _touch(s, row_id: int, mtime_ns: int) -> None:
    from monitor.store.models import MediaImage

    row = s.get(MediaImage, row_id)
    if row is not None:
        row.mtime_ns = mtime_ns


def _upsert(s, rel: str, item: IndexedImage, st: os.stat_result, old) -> None:
    from monitor.store.models import MediaImage

    row = s.get(MediaImage, old[0]) if old else None
    if row is None:
        row = MediaImage(path=rel)
        s.add(row)
    row.sha256 = item.sha256
    row.size = st.st_size
    row.mtime_ns = st.st_mtime_ns
    row.width, row.height = item.width, item.height
    row.hashes = item.hashes.to_json()
    row.features = item.reference
    row.thumbnail = item.thumbnail
    from monitor.store.models import utcnow

    row.indexed_at = utcnow()


# ---------------------------------------------------------------- search


@dataclass(frozen=True)
class Candidate:
    """A library image the hashes point at, and how close they are."""

    pos: int
    path: str
    score: int  # best of the distances below: what candidates are ranked by
    phash: int  # pHash distance in the best of the eight orientations
    orientation: str  # that orientation
    window: int  # best window pHash distance (crop matching), 64 when no windows
    window_mirrored: bool
    dhash: int  # dHash distance, same orientation as the window/identity
    phash_identity: int
    tilt_hint: float | None = None  # degrees, when a turned-back hash matched best


class LibraryIndex:
    """The approved library in memory: hashes as numpy arrays, references loaded on demand."""

    def __init__(self, paths: list[str], shas: list[str], hashes: list[ImageHashes], sizes: list[tuple[int, int]], reference_loader: Callable[[int], bytes | None], ids: list[int] | None = None) -> None:
        self.paths = paths
        self.shas = shas
        self.ids = ids or list(range(len(paths)))
        self._fingerprint: str | None = None
        self.sizes = sizes
        self.by_sha: dict[str, int] = {}
        for i, sha in enumerate(shas):
            self.by_sha.setdefault(sha, i)
        n = len(paths)
        self.phash = np.fromiter((h.phash for h in hashes), dtype=np.uint64, count=n)
        self.dhash = np.fromiter((h.dhash for h in hashes), dtype=np.uint64, count=n)
        self.dhash_mirror = np.fromiter((h.dhash_mirror for h in hashes), dtype=np.uint64, count=n)
        self.colorhash = [h.colorhash for h in hashes]
        nwin = len(windows())
        self.windows = np.zeros((n, nwin), dtype=np.uint64)
        self.has_windows = np.zeros(n, dtype=bool)
        for i, h in enumerate(hashes):
            if h.windows is not None and len(h.windows) == nwin:
                self.windows[i] = h.windows
                self.has_windows[i] = True
            else:
                self.windows[i] = h.phash
        self._loader = reference_loader
        self._refs: OrderedDict[int, np.ndarray] = OrderedDict()

    def __len__(self) -> int:
        return len(self.paths)

    @property
    def fingerprint(self) -> str:
        """Changes whenever an approved image is added, changed or removed (cached verdicts expire)."""
        if self._fingerprint is None:
            h = hashlib.sha256()
            for path, sha in sorted(zip(self.paths, self.shas)):
                h.update(path.encode("utf-8", "surrogatepass") + b"\0" + sha.encode() + b"\n")
            self._fingerprint = h.hexdigest()[:16]
        return self._fingerprint

    @classmethod
    def load(cls, store) -> LibraryIndex:
        """Every indexed library image's hashes (not the references: those are read when needed)."""
        from monitor.store.models import MediaImage

        paths, shas, hashes, sizes, ids = [], [], [], [], []
        with store.session() as s:
            for row in s.execute(select(MediaImage.id, MediaImage.path, MediaImage.sha256, MediaImage.hashes, MediaImage.width, MediaImage.height).order_by(MediaImage.path)):
                try:
                    h = ImageHashes.from_json(row.hashes)
                except (KeyError, ValueError, TypeError):
                    log.warning("library image %s has unreadable hashes; run `practice-monitor media index`", row.path)
                    continue
                ids.append(row.id)
                paths.append(row.path)
                shas.append(row.sha256)
                hashes.append(h)
                sizes.append((row.width, row.height))

        def loader(pos: int, _ids=ids) -> bytes | None:
            with store.session() as s:
                return s.execute(select(MediaImage.features).where(MediaImage.id == _ids[pos])).scalar_one_or_none()

        return cls(paths, shas, hashes, sizes, loader, ids)

    @classmethod
    def from_images(cls, items: list[tuple[str, IndexedImage]]) -> LibraryIndex:
        """An index built in memory (evaluation, bench, tests without a database)."""
        refs = [it.reference for _, it in items]
        return cls(
            [p for p, _ in items], [it.sha256 for _, it in items], [it.hashes for _, it in items],
            [(it.width, it.height) for _, it in items], lambda pos: refs[pos],
        )

    def reference(self, pos: int) -> np.ndarray | None:
        """The reference image (RGB float array) of library image `pos`, cached for the last few."""
        if pos in self._refs:
            self._refs.move_to_end(pos)
            return self._refs[pos]
        data = self._loader(pos)
        if not data:
            return None
        arr = decode_reference(data)
        self._refs[pos] = arr
        if len(self._refs) > 64:
            self._refs.popitem(last=False)
        return arr

    def nearest(self, hashes: ImageHashes, k: int = 5) -> list[Candidate]:
        """The k library images closest to a posted image's hashes, best first.

        A library image is close when its pHash is close in any of the eight orientations (a mirrored
        or turned copy), or when one of its window pHashes is close to the posted image's pHash (or
        its mirror's): a crop of it.
        """
        n = len(self.paths)
        if n == 0:
            return []
        orient_names = list(hashes.orientations or {"identity": hashes.phash, "mirror": hashes.phash_mirror})
        q = np.array([(hashes.orientations or {"identity": hashes.phash, "mirror": hashes.phash_mirror})[o] for o in orient_names], dtype=np.uint64)
        d_orient = np.bitwise_count(self.phash[:, None] ^ q[None, :])  # (n, 8)
        best_o = d_orient.argmin(axis=1)
        d_glob = d_orient[np.arange(n), best_o]
        d_win = np.bitwise_count(self.windows ^ np.uint64(hashes.phash)).min(axis=1)
        d_winm = np.bitwise_count(self.windows ^ np.uint64(hashes.phash_mirror)).min(axis=1)
        win = np.minimum(d_win, d_winm)
        # Tilted copies: the posted picture turned back by a few angles, against windows or whole pictures.
        d_tilt = np.full(n, 64, dtype=np.uint8)
        tilt_angle = np.zeros(n, dtype=np.float32)
        centred = self.windows[:, _centred_windows()]
        for angle, kind, hv in hashes.tilts:
            if kind == "crop":  # a tilted copy cropped to fill its frame shows a centred part
                d = np.bitwise_count(centred ^ np.uint64(hv)).min(axis=1)
            else:
                d = np.bitwise_count(self.phash ^ np.uint64(hv))
            better = d < d_tilt
            d_tilt = np.where(better, d, d_tilt)
            tilt_angle = np.where(better, angle, tilt_angle)
        # A window or tilt match needs a little more evidence than a whole-picture one: there are many.
        score = np.minimum(np.minimum(d_glob, win.astype(np.int16) + 2), d_tilt.astype(np.int16) + 4)
        k = min(k, n)
        top = np.argpartition(score, k - 1)[:k] if k < n else np.arange(n)
        top = top[np.argsort(score[top], kind="stable")]
        out = []
        for i in top:
            i = int(i)
            mirrored = bool(d_winm[i] < d_win[i])
            dq = self.dhash_mirror[i] if mirrored else self.dhash[i]
            out.append(Candidate(
                pos=i, path=self.paths[i], score=int(score[i]), phash=int(d_glob[i]), orientation=orient_names[int(best_o[i])],
                window=int(win[i]) if self.has_windows[i] else 64, window_mirrored=mirrored,
                dhash=int(bin(int(dq) ^ hashes.dhash).count("1")),
                phash_identity=int(d_orient[i, orient_names.index("identity")]),
                tilt_hint=float(tilt_angle[i]) if d_tilt[i] + 4 < min(d_glob[i], win[i] + 2) else None,
            ))
        return out


def _centred_windows() -> np.ndarray:
    """Indices of the windows centred on both axes (what a tilted, cropped copy shows)."""
    if not hasattr(_centred_windows, "cache"):
        _centred_windows.cache = np.array([i for i, (x0, y0, x1, y1) in enumerate(windows())
                                           if abs(x0 + x1 - 1) < 1e-9 and abs(y0 + y1 - 1) < 1e-9])
    return _centred_windows.cache


def search_topk(library: np.ndarray, query: int, k: int = 5) -> tuple[np.ndarray, np.ndarray]:
    """The k smallest Hamming distances of `query` to a flat array of 64-bit hashes: (indices, distances).

    The primitive the index is built on (and what the bench times at 10k/100k/1M hashes).
    """
    d = np.bitwise_count(library ^ np.uint64(query))
    k = min(k, len(d))
    if k == 0:
        return np.zeros(0, dtype=np.intp), d[:0]
    # Raise a distance threshold from the minimum until k hashes are within it: a few cheap scans
    # of a uint8 array instead of a full partition (which costs more than the XOR and popcount).
    t = int(d.min())
    idx = np.flatnonzero(d <= t)
    while len(idx) < k:
        t += 1
        idx = np.flatnonzero(d <= t)
    idx = idx[np.argsort(d[idx], kind="stable")][:k]
    return idx, d[idx]


__all__ = ["IndexReport", "IndexedImage", "LibraryIndex", "Candidate", "index_library", "index_image", "index_is_current", "library_files", "search_topk", "ORIENTATIONS"]
