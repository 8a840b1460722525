"""How much the text checks lean on the evaluation practice's names.

Usage: python bench/posts_other_names.py [--final]
Every training set was written for one fictional practice (Harbourlight Counselling: Dr Maya Okafor, Tom
Reilly, Priya Shah). The wording model reads the configured practice's names as placeholders
(monitor/checks/posts/names.py) so that it does not learn those names themselves. This prints precision
and recall of the standard-mix sets twice: as written, and with the practice's and therapists' names
swapped for others in the text and in the configuration (its allowed domain too). Before the
placeholders, privacy recall on the held-out sets fell from 100/94 to 94/80 with other names.
--final swaps names in blind7 and blind8 (held out until round 8, training sets since round 9). The
stronger test is now round 9's held-out sets (blind27-30), each written for another practice, whose
names the model never saw: bench/posts_eval.py --final.
"""

from __future__ import annotations

import re
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import posts_eval as E  # noqa: E402

SWAPS = [("Harbourlight Counselling", "Riverside Therapy"), ("harbourlight", "riverside"), ("Harbourlight", "Riverside"),
         ("HARBOURLIGHT", "RIVERSIDE"), ("Maya", "Helen"), ("Okafor", "Brooks"), (r"\bTom\b", "Sam"), ("Reilly", "Patel"),
         ("Priya", "Anna"), ("Shah", "Kowalski"), ("maya", "helen"), ("okafor", "brooks"), (r"\btom\b", "sam"),
         ("reilly", "patel"), ("priya", "anna")]
OTHER_PRACTICE = E.Practice(replace(E.EVAL_POSTS, allowed_domains=["riverside.example", "nhs.uk"]),
                            E.PracticeNames.of("Riverside Therapy", [["Dr Helen Brooks"], ["Sam Patel"], ["Anna Kowalski"]]))


def swapped(text: str) -> str:
    for old, new in SWAPS:
        text = re.sub(old, new, text)
    return text


def main(argv: list[str]) -> int:
    names = ["posts_blind7.jsonl", "posts_blind8.jsonl"] if "--final" in argv else ["posts_blind3.jsonl", "posts_blind4.jsonl", "posts_blind24.jsonl"]
    scores = {}
    for name in names:
        rows = E.load_rows(E.DATA / name)
        tag = " (held out)" if name in E.HELD_OUT_FILES else ""
        scores[name.removeprefix("posts_").removesuffix(".jsonl") + tag] = E.evaluate(rows)
        scores[name.removeprefix("posts_").removesuffix(".jsonl") + " other names" + tag] = E.evaluate([dict(r, text=swapped(r["text"])) for r in rows], OTHER_PRACTICE)
    E.report(scores, False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
