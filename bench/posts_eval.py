"""Precision and recall of the post and comment checks on the labelled sets in tests/data.

Usage: python bench/posts_eval.py [--errors] [FILE.jsonl ...]
Default files: tests/data/posts_eval.jsonl (rules were tuned on it) and tests/data/posts_holdout.jsonl
(written before the rules and never tuned on). Each line: {"id", "text", "own", "labels": [...]},
optionally "author", "repeat_count" and "tags" (["negative_feedback"] marks harsh-but-fair criticism).
The sets are checked with the configuration of the fictional practice they were written for
(EVAL_POSTS below): its own domain and NHS links are allowed, two local accounts may promote.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from monitor.checks.posts import check_text  # noqa: E402
from monitor.config.model import AlertsConfig, PostsConfig  # noqa: E402
from monitor.findings import POST_CATEGORIES  # noqa: E402

EVAL_POSTS = PostsConfig(allowed_domains=["harbourlight.example", "nhs.uk"], permitted_authors=["harbourlightcafe", "bristolmindcharity"])
DEFAULT_FILES = [ROOT / "tests/data/posts_eval.jsonl", ROOT / "tests/data/posts_holdout.jsonl"]


@dataclass
class Scores:
    tp: dict[str, int] = field(default_factory=lambda: dict.fromkeys(POST_CATEGORIES, 0))
    fp: dict[str, int] = field(default_factory=lambda: dict.fromkeys(POST_CATEGORIES, 0))
    fn: dict[str, int] = field(default_factory=lambda: dict.fromkeys(POST_CATEGORIES, 0))
    nf_total: int = 0
    nf_flagged_abusive: int = 0
    errors: list[str] = field(default_factory=list)

    def precision(self, c: str) -> float:
        d = self.tp[c] + self.fp[c]
        return self.tp[c] / d if d else 1.0

    def recall(self, c: str) -> float:
        d = self.tp[c] + self.fn[c]
        return self.tp[c] / d if d else 1.0

    @property
    def nf_false_abuse_rate(self) -> float:
        return self.nf_flagged_abusive / self.nf_total if self.nf_total else 0.0


def evaluate(path: Path, posts: PostsConfig = EVAL_POSTS) -> Scores:
    sc = Scores()
    alerts = AlertsConfig()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        found = {f.category for f in check_text(row["text"], bool(row.get("own")), posts, alerts, author=row.get("author"), repeat_count=int(row.get("repeat_count", 0)))}
        labels = set(row["labels"])
        for c in POST_CATEGORIES:
            if c in found and c in labels:
                sc.tp[c] += 1
            elif c in found:
                sc.fp[c] += 1
                sc.errors.append(f"FP {c:20} {row['id']}: {row['text'][:110]!r}")
            elif c in labels:
                sc.fn[c] += 1
                sc.errors.append(f"FN {c:20} {row['id']}: {row['text'][:110]!r}")
        if "negative_feedback" in row.get("tags", ()):
            sc.nf_total += 1
            sc.nf_flagged_abusive += "abusive" in found
    return sc


def report(path: Path, sc: Scores, show_errors: bool) -> None:
    print(f"\n{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    print(f"  {'category':22} {'precision':>9} {'recall':>7} {'tp':>4} {'fp':>4} {'fn':>4}")
    for c in POST_CATEGORIES:
        print(f"  {c:22} {sc.precision(c):9.1%} {sc.recall(c):7.1%} {sc.tp[c]:4} {sc.fp[c]:4} {sc.fn[c]:4}")
    print(f"  negative feedback wrongly flagged as abusive: {sc.nf_flagged_abusive}/{sc.nf_total} = {sc.nf_false_abuse_rate:.1%}")
    if show_errors:
        for e in sc.errors:
            print("   ", e)


def main(argv: list[str]) -> int:
    show = "--errors" in argv
    files = [Path(a) for a in argv if not a.startswith("--")] or DEFAULT_FILES
    for f in files:
        report(f, evaluate(f), show)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
