"""Calibration of the image verdicts: a confusion matrix on generated photo-like pictures.

For every library picture (procedural, photo-like: see monitor/media/synthetic.py) the script makes
the benign variants that must never alarm (resize down to 320 px, JPEG quality 60..95, PNG/WebP,
metadata stripped, colour profile converted, a small platform crop, platform pipelines) and the edits
that must be caught (crops, mirror, turns and tilts, colour grading and filters, added text, stickers,
removed objects, replaced regions), each edit followed by platform processing, plus unrelated
pictures of the same kind. It judges every one with the configured thresholds (MediaConfig defaults)
and prints the confusion matrix and the rates against the targets:
  benign -> approved/approved_variant >= 99%;  edits -> altered >= 95% (heavy crops: altered or unknown);
  unrelated -> unknown.
The thresholds were set on the "outdoor" family; the "indoor" family (a different generator, other
seeds) is the held-out set, reported separately.

    python bench/media_eval.py                       # both families, 24 library images each
    python bench/media_eval.py --images 40 --jobs 2  # more
    python bench/media_eval.py --verbose             # list every miss with its numbers
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import pickle
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from monitor.config.model import MediaConfig  # noqa: E402
from monitor.media import synthetic  # noqa: E402
from monitor.media.library import LibraryIndex, index_image  # noqa: E402
from monitor.media.verdict import VERDICTS, judge  # noqa: E402

_INDEX: LibraryIndex | None = None
_SETTINGS = MediaConfig()


_CACHE: Path | None = None


def _source(args):
    """One library picture and its variants (kept in --cache DIR when given: generation is slow)."""
    family, seed, long_side = args
    if _CACHE is not None:
        f = _CACHE / f"{family}-{seed}-{long_side[0]}-{long_side[1]}.pickle"
        if f.exists():
            return pickle.loads(f.read_bytes())
    out = synthetic.make_source(family, seed, long_side)
    if _CACHE is not None:
        f.write_bytes(pickle.dumps(out))
    return out


def _judge(case: synthetic.EvalCase):
    t = time.perf_counter()
    v = judge(case.data, _INDEX, _SETTINGS)
    return case.cls, case.name, case.source, v, time.perf_counter() - t


def evaluate(family: str, images: int, unrelated: int, seed0: int, jobs: int, long_side=(900, 1600)):
    global _INDEX
    pool = mp.get_context("fork").Pool(jobs) if jobs > 1 else None
    mapper = pool.imap if pool else map
    t0 = time.perf_counter()
    sources = list(mapper(_source, [(family, seed0 + i, long_side) for i in range(images)]))
    cases = [c for _, _, cs in sources for c in cs]
    cases += [synthetic.make_unrelated(family, seed0 + i, long_side) for i in range(unrelated)]
    lib = [(path, index_image(data, _SETTINGS)) for path, data, _ in sources]
    if pool:
        pool.close()
    _INDEX = LibraryIndex.from_images(lib)
    t1 = time.perf_counter()
    pool = mp.get_context("fork").Pool(jobs) if jobs > 1 else None  # forked after the index exists
    results = list((pool.imap if pool else map)(_judge, cases))
    if pool:
        pool.close()
    t2 = time.perf_counter()
    return results, (t1 - t0, t2 - t1)


def report(title: str, results, timing, verbose: bool) -> dict:
    matrix: dict[str, Counter] = defaultdict(Counter)
    misses = []
    for cls, name, src, v, _ in results:
        row = cls if cls != "benign" else f"benign:{_group(name)}"
        matrix[row][v.verdict] += 1
        if v.verdict not in synthetic.EXPECTED[cls]:
            misses.append((cls, name, src, v))
    print(f"\n=== {title}: {len(results)} judgements (generation+indexing {timing[0]:.0f} s, judging {timing[1]:.0f} s, "
          f"{1000 * timing[1] / max(1, len(results)):.0f} ms per image) ===")
    cols = list(VERDICTS)
    print(f"{'class':26s}" + "".join(f"{c[:10]:>11s}" for c in cols) + f"{'ok':>8s}")
    rates = {}
    for row in sorted(matrix, key=lambda r: (not r.startswith("benign"), r)):
        cnt = matrix[row]
        cls = row.split(":")[0]
        ok = sum(cnt[v] for v in synthetic.EXPECTED[cls])
        total = sum(cnt.values())
        print(f"{row:26s}" + "".join(f"{cnt[c]:>11d}" for c in cols) + f"{100 * ok / total:>7.1f}%")

    def rate(pred):
        sel = [(cls, v) for cls, _, _, v, _ in results if pred(cls)]
        return sum(v.verdict in synthetic.EXPECTED[c] for c, v in sel) / max(1, len(sel)), len(sel)

    rates["benign_pass"] = rate(lambda c: c == "benign")
    rates["edits_caught"] = rate(lambda c: c in synthetic.MALICIOUS or c == "heavy_crop")
    rates["unrelated_unknown"] = rate(lambda c: c == "unrelated")
    print(f"benign variants passed: {100 * rates['benign_pass'][0]:.1f}% of {rates['benign_pass'][1]} (target >= 99%)")
    print(f"edits caught:           {100 * rates['edits_caught'][0]:.1f}% of {rates['edits_caught'][1]} (target >= 95%)")
    print(f"unrelated -> unknown:   {100 * rates['unrelated_unknown'][0]:.1f}% of {rates['unrelated_unknown'][1]}")
    if verbose:
        by_cls = defaultdict(list)
        for cls, _, _, v, _ in results:
            if "alignment" in v.distances:
                by_cls[cls].append(v.distances["alignment"])
        print("alignment (structure match) per class: min / 5th percentile / median")
        for cls, vals in sorted(by_cls.items()):
            vals = sorted(vals)
            print(f"  {cls:16s} {vals[0]:.3f} / {vals[len(vals) // 20]:.3f} / {vals[len(vals) // 2]:.3f}   (n={len(vals)})")
    if verbose and misses:
        print("misses:")
        for cls, name, src, v in misses:
            d = v.distances
            print(f"  {cls:15s} {name:22s} {src or '-':28s} -> {v.verdict:16s} "
                  + " ".join(f"{k}={d[k]}" for k in ("phash", "window_phash", "alignment", "kept_area", "colour_shift", "tone_unevenness", "changed_area", "detail_ratio") if k in d)
                  + f" | {'; '.join(v.reasons)[:160]}")
    return rates


def _group(name: str) -> str:
    return "jpeg_q65-95" if name.startswith("jpeg_q") and name != "jpeg_q60" else name


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--images", type=int, default=24, help="library pictures per family")
    ap.add_argument("--unrelated", type=int, default=None, help="unrelated pictures per family (default: same as --images)")
    ap.add_argument("--family", choices=["outdoor", "indoor", "both"], default="both")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--cache", type=Path, help="keep generated pictures in this folder between runs")
    a = ap.parse_args(argv)
    global _CACHE
    if a.cache:
        a.cache.mkdir(parents=True, exist_ok=True)
        _CACHE = a.cache
    fams = ["outdoor", "indoor"] if a.family == "both" else [a.family]
    ok = True
    for fam in fams:
        title = f"{fam} ({'tuning set' if fam == 'outdoor' else 'held-out generator'})"
        results, timing = evaluate(fam, a.images, a.unrelated if a.unrelated is not None else a.images, a.seed, a.jobs)
        rates = report(title, results, timing, a.verbose)
        ok &= rates["benign_pass"][0] >= 0.99 and rates["edits_caught"][0] >= 0.95 and rates["unrelated_unknown"][0] >= 0.99
    print("\nall targets met" if ok else "\nsome targets NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
