"""Speed of the media check: hashing big photos, searching the library, indexing a large folder.

Prints figures (medians of several runs) and ratios against baselines measured in the same run:
1. hashing 12-megapixel JPEGs: our whole per-image work (safe load in JPEG draft mode + every hash, and
   for library images also the reference and thumbnail) against plain `imagehash.phash(Image.open(p))`,
   and against decoding alone at the reduced scale (target: at least 5x faster than plain imagehash);
2. nearest-neighbour search over 10k, 100k and 1M 64-bit hashes (numpy XOR + popcount) against a
   pure-Python linear scan (target: under 10 ms at 1M on one core); plus a whole `LibraryIndex.nearest`
   query (8 orientations, crop windows, tilts) over a library holding that many hashes;
3. indexing a folder of N images (default 10 000) into SQLite in a child process: its peak memory
   (target: under 300 MB). The pictures for this part are smaller (640 px) generated variants so it
   runs in minutes; decode cost per image is covered by part 1.

    python bench/media_speed.py                 # everything (several minutes)
    python bench/media_speed.py --index-count 2000 --skip-search
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from PIL import Image  # noqa: E402

from monitor.config.model import MediaConfig  # noqa: E402
from monitor.media import synthetic  # noqa: E402


def _median_time(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def make_big_jpegs(folder: Path, count: int) -> list[Path]:
    """12-megapixel photo-like JPEGs: generated at 2000x1500, enlarged, with fresh sensor noise."""
    out = []
    rng = np.random.default_rng(7)
    for i in range(count):
        scene = synthetic.outdoor_scene(900 + i, 2000, 1500) if i % 2 == 0 else synthetic.indoor_scene(900 + i, 1500, 2000)
        big = scene.image.resize((4000, 3000) if i % 2 == 0 else (3000, 4000), Image.Resampling.BICUBIC)
        arr = np.asarray(big, np.int16) + rng.normal(0, 3, size=(big.height, big.width, 1)).astype(np.int16)
        p = folder / f"big-{i}.jpg"
        Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8)).save(p, "JPEG", quality=92, exif=synthetic.camera_exif())
        out.append(p)
    return out


def bench_hashing(count: int, runs: int) -> None:
    import imagehash

    from monitor.media.hashing import compute_hashes
    from monitor.media.library import index_image
    from monitor.media.safety import load_image

    settings = MediaConfig()
    with tempfile.TemporaryDirectory() as d:
        paths = make_big_jpegs(Path(d), count)
        mp = Image.open(paths[0]).size
        print(f"\n1. hashing {count} JPEGs of {mp[0]}x{mp[1]} ({mp[0] * mp[1] / 1e6:.0f} MP), median of {runs} runs")

        def plain():
            for p in paths:
                imagehash.phash(Image.open(p))

        def decode_full():
            for p in paths:
                Image.open(p).load()

        def decode_draft():
            for p in paths:
                im = Image.open(p)
                im.draft("RGB", (im.width // 8, im.height // 8))
                im.load()

        def ours_query():
            for p in paths:  # what judge() computes first (tilt hashes only when nothing matches)
                compute_hashes(load_image(p, settings), tilts=False)

        def ours_library():
            for p in paths:
                index_image(p.read_bytes(), settings)

        rows = [
            ("plain imagehash.phash(Image.open(p))", plain),
            ("decode only, full size", decode_full),
            ("decode only, draft 1/8 scale", decode_draft),
            ("ours: safe load + all hashes (posted image)", ours_query),
            ("ours: + reference + thumbnail (library image)", ours_library),
        ]
        base = None
        times = {}
        for name, fn in rows:
            t = _median_time(fn, runs) / count
            times[name] = t
            base = base or t
            print(f"   {name:48s} {1 / t:7.1f} images/s  {t * 1000:7.1f} ms/image  {base / t:5.1f}x vs plain imagehash")
        # Decoding at 1/8 scale still entropy-decodes every coefficient of the file (libjpeg must parse
        # the Huffman codes to skip them), so no hashing pipeline can beat that row: it is the ceiling.
        floor = times["decode only, draft 1/8 scale"]
        ours = times["ours: safe load + all hashes (posted image)"]
        print(f"   ceiling for any decoder-based pipeline here: {base / floor:.1f}x (plain / draft decode); "
              f"ours costs {ours / floor:.2f}x the draft decode alone (target 5x vs plain imagehash)")


def bench_search(sizes: list[int], queries: int) -> None:
    from monitor.media.hashing import ImageHashes, windows
    from monitor.media.library import LibraryIndex, search_topk

    print(f"\n2. nearest-neighbour search, one core (numpy {np.__version__}), median of {queries} queries")
    rng = np.random.default_rng(3)
    for n in sizes:
        lib = rng.integers(0, 2**64 - 1, size=n, dtype=np.uint64, endpoint=True)
        qs = [int(lib[int(rng.integers(n))]) ^ (1 << int(rng.integers(64))) for _ in range(queries)]
        it = iter(qs * 2)
        t_np = _median_time(lambda: search_topk(lib, next(it), k=5), queries)
        pylist = [int(h) for h in lib]
        q0 = qs[0]
        py_runs = 3 if n >= 1_000_000 else 5
        t_py = _median_time(lambda: min(range(len(pylist)), key=lambda i: (pylist[i] ^ q0).bit_count()), py_runs)
        print(f"   {n:>9,d} hashes: numpy top-5 {t_np * 1000:7.2f} ms   pure-Python scan {t_py * 1000:8.1f} ms   ({t_py / t_np:5.0f}x)")
    # a whole query: 8 orientations + windows + tilts over a library with ~n hashes in total
    per_image = len(windows()) + 3
    for n in sizes:
        images = max(1, n // per_image)
        hashes = [ImageHashes(phash=int(h), dhash=int(h) >> 1, colorhash="", phash_mirror=int(h) ^ 0xFF, dhash_mirror=0,
                              windows=rng.integers(0, 2**64 - 1, size=len(windows()), dtype=np.uint64, endpoint=True))
                  for h in rng.integers(0, 2**64 - 1, size=images, dtype=np.uint64, endpoint=True)]
        index = LibraryIndex([f"{i}.jpg" for i in range(images)], [str(i) for i in range(images)], hashes, [(1, 1)] * images, lambda pos: None)
        q = ImageHashes(phash=1, dhash=2, colorhash="", phash_mirror=3, dhash_mirror=4,
                        orientations={k: int(v) for k, v in zip(("identity", "mirror", "rot90", "rot180", "rot270", "flip", "transpose", "transverse"), rng.integers(0, 2**63, size=8))},
                        tilts=[(a, kind, int(v)) for (a, kind), v in zip([(a, k) for a in (4, -4, 8, -8, 12, -12, 16, -16) for k in ("crop", "expand")], rng.integers(0, 2**63, size=16))])
        t = _median_time(lambda: index.nearest(q, k=4), max(5, queries // 4))
        print(f"   whole LibraryIndex.nearest over {images:>6,d} images ({images * per_image:>9,d} hashes): {t * 1000:7.1f} ms")


def bench_indexing(count: int) -> None:
    print(f"\n3. indexing a folder of {count:,d} generated 640 px JPEGs into SQLite (child process)")
    with tempfile.TemporaryDirectory() as d:
        folder = Path(d) / "approved"
        folder.mkdir()
        rng = np.random.default_rng(11)
        pool = [synthetic.outdoor_scene(2000 + i, 960, 720).image if i % 2 == 0 else synthetic.indoor_scene(2000 + i, 720, 960).image for i in range(24)]
        t = time.perf_counter()
        for i in range(count):
            src = pool[i % len(pool)]
            w, h = src.size
            f = rng.uniform(0.6, 0.95)
            x, y = int(rng.integers(0, int(w * (1 - f)) + 1)), int(rng.integers(0, int(h * (1 - f)) + 1))
            img = src.crop((x, y, x + int(w * f), y + int(h * f)))
            img.thumbnail((640, 640))
            arr = np.asarray(img, np.int16) + int(rng.integers(-12, 13))
            sub = folder / f"{i // 1000:02d}"
            sub.mkdir(exist_ok=True)
            Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8)).save(sub / f"img-{i:05d}.jpg", "JPEG", quality=85)
        print(f"   generated in {time.perf_counter() - t:.0f} s")
        code = (
            "import resource, sys, time; sys.path.insert(0, %r)\n"
            "from monitor.store.db import Store\n"
            "from monitor.media.library import index_library\n"
            "s = Store('sqlite:///%s/bench.db'); s.upgrade()\n"
            "t = time.perf_counter(); r = index_library(s, %r, progress=False); dt = time.perf_counter() - t\n"
            "t = time.perf_counter(); r2 = index_library(s, %r, progress=False); dt2 = time.perf_counter() - t\n"
            "hwm = int(open('/proc/self/status').read().split('VmHWM:')[1].split()[0])\n"
            "print(r.summary()); print(dt, dt2, hwm)\n"
        ) % (str(ROOT), d, str(folder), str(folder))
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip().splitlines()
        dt, dt2, rss_kb = out[-1].split()
        print(f"   {out[0]}")
        print(f"   first index: {float(dt):.0f} s ({count / float(dt):.0f} images/s); unchanged re-run: {float(dt2):.1f} s")
        # VmHWM, not ru_maxrss: the latter keeps the forking parent's peak across exec on Linux.
        print(f"   peak memory (VmHWM) of the indexing process: {int(rss_kb) / 1024:.0f} MB (target < 300 MB)")
        db = Path(d) / "bench.db"
        print(f"   database size: {db.stat().st_size / 1e6:.0f} MB ({db.stat().st_size / count / 1000:.1f} kB per image)")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--big", type=int, default=4, help="12-megapixel JPEGs to hash")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--queries", type=int, default=40)
    ap.add_argument("--index-count", type=int, default=10_000)
    ap.add_argument("--skip-hashing", action="store_true")
    ap.add_argument("--skip-search", action="store_true")
    ap.add_argument("--skip-index", action="store_true")
    a = ap.parse_args(argv)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPU(s), load average {os.getloadavg()[0]:.1f}")
    if not a.skip_hashing:
        bench_hashing(a.big, a.runs)
    if not a.skip_search:
        bench_search([10_000, 100_000, 1_000_000], a.queries)
    if not a.skip_index:
        bench_indexing(a.index_count)
    return 0


if __name__ == "__main__":
    sys.exit(main())
