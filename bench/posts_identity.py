"""Checks that a speed change leaves every finding exactly as it was.

Usage: python bench/posts_identity.py save FILE     (before the change)
       python bench/posts_identity.py compare FILE  (after it; exit 1 on any difference)
Every labelled text in tests/data/posts_*.jsonl is checked both as a comment and as the practice's own
post, plus 3,000 synthetic texts made of the same words in random order (fixed seed), and every
finding's category, severity, rule, reasons, evidence (text and offsets) and details is recorded.
"""

from __future__ import annotations

import json
import pickle
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from monitor.checks.posts import check_text  # noqa: E402
from monitor.config.model import AlertsConfig, PostsConfig  # noqa: E402

POSTS = PostsConfig(allowed_domains=["harbourlight.example", "nhs.uk"], permitted_authors=["harbourlightcafe"])


def texts() -> list[tuple[str, str | None]]:
    rows = [json.loads(line) for f in sorted((ROOT / "tests/data").glob("posts_*.jsonl")) for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    out: list[tuple[str, str | None]] = [(r["text"], r.get("author")) for r in rows]
    words = [w for r in rows for w in r["text"].split()]
    rnd = random.Random(5)
    out += [(" ".join(rnd.choice(words) for _ in range(rnd.randint(3, 30))), None) for _ in range(3000)]
    return out


def snapshot() -> list:
    alerts = AlertsConfig()
    out = []
    for text, author in texts():
        for own in (False, True):
            out.append([(f.category, f.severity, f.rule, f.reasons, tuple((e.text, e.start, e.end) for e in f.evidence), f.details)
                        for f in check_text(text, own, POSTS, alerts, author=author)])
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("save", "compare"):
        print(__doc__)
        return 2
    now = snapshot()
    if argv[0] == "save":
        Path(argv[1]).write_bytes(pickle.dumps(now))
        print(f"saved {len(now)} checks, {sum(map(len, now))} findings")
        return 0
    before = pickle.loads(Path(argv[1]).read_bytes())
    diff = [i for i, (a, b) in enumerate(zip(before, now)) if a != b]
    print(f"{len(now)} checks, {sum(map(len, now))} findings, {len(diff)} differences" + ("" if len(before) == len(now) else " (different number of texts!)"))
    return 1 if diff or len(before) != len(now) else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
