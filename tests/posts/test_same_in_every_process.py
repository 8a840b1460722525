"""The same text gets the same findings in every process, whatever Python's hash seed.

Sets iterate in an order that changes with the seed; where such an order decided which of two
overlapping regex alternatives came first, or in which order the wording model added its weights,
a comment could be flagged with other evidence (or not at all) on the next run.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent

SCRIPT = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
from monitor.checks.posts import check_text
from monitor.config.model import AlertsConfig, PostsConfig
out = []
for name in ("posts_eval.jsonl", "posts_blind1.jsonl"):
    for line in open(f"{sys.argv[1]}/tests/data/{name}", encoding="utf-8"):
        if line.strip():
            row = json.loads(line)
            fs = check_text(row["text"], bool(row.get("own")), PostsConfig(), AlertsConfig())
            out.append([(f.category, f.rule, [(e.start, e.end) for e in f.evidence]) for f in fs])
print(json.dumps(out))
"""


def test_findings_do_not_depend_on_the_hash_seed():
    runs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run([sys.executable, "-c", SCRIPT, str(ROOT)], capture_output=True, text=True, env=env, timeout=300)
        assert run.returncode == 0, run.stderr
        runs.append(run.stdout)
    assert runs[0] == runs[1]
