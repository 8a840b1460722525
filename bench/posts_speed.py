"""Items checked per second by the post and comment checks, on one core.

Usage: python bench/posts_speed.py [--items N] [--runs R]
Texts are every labelled set in tests/data (posts_*.jsonl: real-length comments and posts, about a
quarter the practice's own) except the held-out sets (posts_eval.HELD_OUT_FILES), repeated to N items. Prints the median of R runs for:
  engine   - `check_text` on every item (the real thing: normalisation, every rule, findings built);
  baseline - a naive loop running each rule group's full regular expression on every item (same
             rules, no literal pre-filter, no guards, no findings built): what the engine's
             pre-filters are measured against.
Then the slowest of a few hostile long texts (one piece repeated to 8,000 characters, a long comment,
and to 63,206, the longest Facebook post).
The target is at least 5,000 items per second. Figures are CPU time of this process, so other
processes on the machine disturb them less (the load average is printed to judge that).
"""

from __future__ import annotations

import json
import os
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from monitor.checks.posts import abusive, booking, check_text, crisis, own, privacy, promotional  # noqa: E402
from monitor.checks.posts.patterns import Alternation  # noqa: E402
from monitor.checks.posts.normalise import fold  # noqa: E402
from monitor.config.model import AlertsConfig, PostsConfig  # noqa: E402


from posts_eval import HELD_OUT_FILES  # noqa: E402  (never tuned on, never looked at: not used here either)


def load_items(n: int) -> list[dict]:
    rows = []
    for path in sorted((ROOT / "tests/data").glob("posts_*.jsonl")):
        if path.name not in HELD_OUT_FILES:
            rows += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [rows[i % len(rows)] for i in range(n)]


def naive_patterns() -> list[re.Pattern[str]]:
    pats = []
    for mod in (crisis, abusive, booking, promotional, privacy, own):
        for value in vars(mod).values():
            if isinstance(value, Alternation):
                pats.append(re.compile(value.pattern))
            elif isinstance(value, re.Pattern):
                pats.append(value)
    return pats


def rate(fn, items: list[dict], runs: int) -> float:
    results = []
    for _ in range(runs):
        t = time.process_time()
        fn(items)
        results.append(len(items) / max(time.process_time() - t, 1e-9))
    return statistics.median(results)


def main(argv: list[str]) -> int:
    n = int(argv[argv.index("--items") + 1]) if "--items" in argv else 5000
    runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else 5
    items = load_items(n)
    posts = PostsConfig(allowed_domains=["harbourlight.example", "nhs.uk"])
    alerts = AlertsConfig()
    pats = naive_patterns()

    def engine(batch: list[dict]) -> None:
        for r in batch:
            check_text(r["text"], r["own"], posts, alerts)

    def baseline(batch: list[dict]) -> None:
        for r in batch:
            t = fold(r["text"])
            for p in pats:
                for _ in p.finditer(t):
                    pass

    engine(items[:200])  # warm up: compile the configuration once
    e = rate(engine, items, runs)
    b = rate(baseline, items, runs)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    distinct = len({r["text"] for r in items})
    print(f"items: {n} ({distinct} distinct texts), runs: {runs} (median), load average: {load:.1f}, CPUs: {os.cpu_count()}")
    print(f"engine   {e:10,.0f} items/s  ({1e6 / e:6.1f} us per item)  target >= 5,000: {'met' if e >= 5000 else 'NOT met'}")
    print(f"baseline {b:10,.0f} items/s  ({1e6 / b:6.1f} us per item)  naive loop over {len(pats)} rule-group regexes")
    print(f"engine / baseline: {e / b:.2f}x")
    hostile(posts, alerts, 8_000)
    hostile(posts, alerts, 63_206)
    return 0


# Long texts made of one piece repeated: a scan that restarts from the beginning for every match costs
# the square of the length. A visitor's comment is at most about 8,000 characters on Facebook, a post
# 63,206. Each piece once fed such a scan ("www." made one host name of 16,000 labels).
HOSTILE_PIECES = ["!?. ", "... ", "\n", "www.", "@a ", "#a ", "I. ", "code ", "dm me ", "i want to ", "my mum ", "you are ", "cure ", "pay ",
                  "shut up ", "i'm done ", "1 High St, ", "l0s3r "]


def hostile(posts: PostsConfig, alerts: AlertsConfig, length: int) -> None:
    worst = []
    for piece in HOSTILE_PIECES:
        text = piece * (length // len(piece))
        for own in (False, True):
            t = time.process_time()
            check_text(text, own, posts, alerts)
            worst.append((time.process_time() - t, piece, own))
    worst.sort(reverse=True)
    print(f"hostile {length:,d}-character texts (one piece repeated), slowest three:")
    for dt, piece, own in worst[:3]:
        print(f"   {piece!r:14} {'own post' if own else 'comment':8} {dt * 1000:8.1f} ms")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
