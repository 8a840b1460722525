"""Precision and recall of the post and comment checks on the labelled sets in tests/data.

Usage: python bench/posts_eval.py [--errors | --errors-all] [--final] [--rules-only] [FILE.jsonl ...]
--rules-only turns the learned wording model off ([posts] wording_models = false): the rules alone.
Default sets, printed side by side: tests/data/posts_eval.jsonl ("tuned": rules were tuned on it),
tests/data/posts_holdout.jsonl ("holdout": written before the first rules, never tuned on) and
tests/data/posts_fresh.jsonl, written before the second round of rules by someone who had not read
them, split in two: "fresh-A" (its first half, lines fr001-fr219, which the second round was tuned on)
and "fresh-B" (its second half, held out in the second round and tuned on from the third).
tests/data/posts_fresh2.jsonl ("fresh2") was written before the third round by someone who had not
read the rules, in new voices; it was held out in round 3 and is tuned on from round 4.
tests/data/posts_fresh3.jsonl ("fresh3 (held out)") was written at the start of round 4 before the crisis
concepts were read, with coded crisis language (slang, euphemism, finality, third parties) and look-alikes,
plus own-post payment requests and outcome claims; held out in round 4, tuned on since.
tests/data/posts_blind{1..6}.jsonl were each written by a writer who had read neither the rules nor any
other set, in different voices (a UK town's Facebook page; young online voices with coded slang and
modern spam; a moderation professional's broad mix; peer-support forums and men who rarely talk about
feelings; a year of a practice's comment sections; short, plain and translated writing). See BLIND
below for which are tuned on and which are held out; held-out sets appear only with --final.
--errors never lists a held-out set's mistakes (so nobody tunes on them by accident); --errors-all does.
Each line: {"id", "text", "own", "labels": [...]}, optionally "author", "repeat_count", and
"negative_feedback": true (or "tags": ["negative_feedback"]) marking harsh-but-fair criticism.
The sets are checked with the configuration of the fictional practice they were written for
(HARBOURLIGHT below: its own domain and NHS links are allowed, two local accounts may promote, and
its therapists' names are the ones the wording model reads as placeholders; PRACTICES for the sets
written for other practices, whose names the model never saw).
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from monitor.checks.posts import check_text  # noqa: E402
from monitor.checks.posts.names import PracticeNames  # noqa: E402
from monitor.config.model import AlertsConfig, PostsConfig  # noqa: E402
from monitor.findings import POST_CATEGORIES  # noqa: E402

EVAL_POSTS = PostsConfig(allowed_domains=["harbourlight.example", "nhs.uk"], permitted_authors=["harbourlightcafe", "bristolmindcharity"])
EVAL_NAMES = PracticeNames.of("Harbourlight Counselling", [["Dr Maya Okafor"], ["Tom Reilly"], ["Priya Shah"]])


@dataclass(frozen=True)
class Practice:
    """The configuration of the fictional practice a labelled set was written for."""

    posts: PostsConfig
    names: PracticeNames

    def rules_only(self) -> "Practice":
        return Practice(replace(self.posts, wording_models=False), self.names)


HARBOURLIGHT = Practice(EVAL_POSTS, EVAL_NAMES)
# Sets written for other practices (round 8): their names and places never taught the wording model.
PRACTICES = {
    "posts_blind25.jsonl": Practice(
        PostsConfig(allowed_domains=["willowbrooktherapy.example", "nhs.uk"], permitted_authors=["willowbrookbakery", "leedsmindcharity"]),
        PracticeNames.of("Willowbrook Therapy Rooms", [["Dr Grace Adeyemi"], ["Owen Fletcher"], ["Lucia Ferreira"]]),
    ),
    "posts_blind26.jsonl": Practice(
        PostsConfig(allowed_domains=["northgatepsychology.example", "hse.ie"], permitted_authors=["northgatelibrary", "corkcommunityhub"]),
        PracticeNames.of("Northgate Psychology & Counselling", [["Dr Hannah Kowalczyk"], ["Rahul Mehta"], ["Sean O'Brien"]]),
    ),
    # Round 9's held-out sets, one practice each, in four other countries.
    "posts_blind27.jsonl": Practice(
        PostsConfig(allowed_domains=["saltmarshcounselling.example", "healthdirect.gov.au"], permitted_authors=["saltmarshcommunitygarden", "qldmentalhealthweek"]),
        PracticeNames.of("Saltmarsh Counselling Collective", [["Dr Tamsin Whitlock"], ["Kwame Boateng"], ["Ingrid Solberg"]]),
    ),
    "posts_blind28.jsonl": Practice(
        PostsConfig(allowed_domains=["riverstonefamilytherapy.example", "988lifeline.org"], permitted_authors=["riverstonebookshop", "pdxparentsnetwork"]),
        PracticeNames.of("Riverstone Family Therapy", [["Dr Alicia Moreno"], ["Ben Kaczmarek"], ["Jonah Whitfield"]]),
    ),
    "posts_blind29.jsonl": Practice(
        PostsConfig(allowed_domains=["thistleandoak.example", "nhsinform.scot"], permitted_authors=["thistlecoffeehouse", "glasgowwellbeingtrust"]),
        PracticeNames.of("Thistle & Oak Psychotherapy", [["Dr Morven Baird"], ["Callum Dunbar"], ["Aisha Rahman"]]),
    ),
    "posts_blind30.jsonl": Practice(
        PostsConfig(allowed_domains=["kowhaiwellbeing.example", "mentalhealth.org.nz"], permitted_authors=["kowhaikitchen", "wellingtonwalkers"]),
        PracticeNames.of("Kowhai Wellbeing Centre", [["Dr Mere Tawhiri"], ["Hamish Carter"], ["Ji-woo Park"]]),
    ),
}
DATA = ROOT / "tests/data"
FRESH = DATA / "posts_fresh.jsonl"
FRESH2 = DATA / "posts_fresh2.jsonl"
FRESH3 = DATA / "posts_fresh3.jsonl"
# Round 5: sets written independently by writers who never saw the rules or the other sets.
# blind1 and blind2 were tuned on; blind3 was held out (totals only, which guided design choices);
# blind4 was the final test of round 5, measured once. Round 6 trained the wording model on all four
# and held out blind5 and blind6 (written after round 5), measured once. Round 7 trains on blind1-6
# and on blind9-24 (blind9-23 dense sets, each focused on a few categories: crisis nine times, abuse
# against negative feedback twice, privacy three times, the practice's own posts; blind24 a standard
# mix), and holds out blind7 and blind8 (standard mix, written at the start of round 7), shown only
# with --final. Round 8 adds two held-out standard mixes written for other practices (blind25: a Leeds
# practice; blind26: a Cork one; PRACTICES above), measured once at the end of the round; blind7 and
# blind8 stay held out (looked at twice: round 7's end and round 8's). Round 9 tunes and trains on
# blind7, 8, 25 and 26 too, and holds out four new standard mixes, each written for a practice in
# another country (blind27: Brisbane; blind28: Portland, Oregon; blind29: Glasgow; blind30: Wellington).
BLIND = {f"blind{i}": DATA / f"posts_blind{i}.jsonl" for i in range(1, 27)}
BLIND |= {f"blind{i} (held out)": DATA / f"posts_blind{i}.jsonl" for i in range(27, 31)}
HELD_OUT_FILES = frozenset(path.name for name, path in BLIND.items() if "held out" in name)


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


def practice_for(file_name: str) -> Practice:
    """The practice a labelled set (by its file name) was written for."""
    return PRACTICES.get(file_name, HARBOURLIGHT)


def load_rows(path: Path) -> list[dict]:
    """The set's rows, each with "practice": the Practice it was written for."""
    practice = practice_for(path.name)
    return [dict(json.loads(line), practice=practice) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def fresh_half(which: str) -> list[dict]:
    """"A" = the first half of posts_fresh.jsonl (tuned on), "B" = the second half (held out)."""
    rows = load_rows(FRESH)
    cut = (len(rows) + 1) // 2
    return rows[:cut] if which == "A" else rows[cut:]


def default_sets(final: bool = False) -> dict[str, list[dict]]:
    """Every labelled set; the held-out ones only with final=True (--final), so they are not looked at by habit."""
    return {
        "tuned": load_rows(DATA / "posts_eval.jsonl"),
        "holdout": load_rows(DATA / "posts_holdout.jsonl"),
        "fresh-A": fresh_half("A"),
        "fresh-B": fresh_half("B"),
        "fresh2": load_rows(FRESH2),
        "fresh3": load_rows(FRESH3),
        **{name: load_rows(path) for name, path in BLIND.items() if path.exists() and (final or "held out" not in name)},
    }


def is_negative_feedback(row: dict) -> bool:
    return bool(row.get("negative_feedback")) or "negative_feedback" in row.get("tags", ())


def evaluate(source: Path | list[dict], practice: Practice | None = None, rules_only: bool = False) -> Scores:
    """Scores of the checks on a set, each row checked with its own practice's configuration (or `practice`)."""
    sc = Scores()
    alerts = AlertsConfig()
    for row in load_rows(source) if isinstance(source, Path) else source:
        p = practice or row.get("practice", HARBOURLIGHT)
        p = p.rules_only() if rules_only else p
        found = {f.category for f in check_text(row["text"], bool(row.get("own")), p.posts, alerts, author=row.get("author"),
                                                repeat_count=int(row.get("repeat_count", 0)), names=p.names)}
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
        if is_negative_feedback(row):
            sc.nf_total += 1
            sc.nf_flagged_abusive += "abusive" in found
    return sc


def report(named: dict[str, Scores], show_errors: bool, held_out_errors: bool = False) -> None:
    """One column per set: precision/recall per category, then the false-abuse rate on negative feedback."""
    names = list(named)
    print(f"  {'category':20} " + " ".join(f"{n:>17}" for n in names))
    print(f"  {'':20} " + " ".join(f"{'P':>8} {'R':>8}" for _ in names))
    for c in POST_CATEGORIES:
        cells = []
        for n in names:
            sc = named[n]
            cells.append(f"{sc.precision(c):8.1%} {sc.recall(c):8.1%}" + ("" if sc.tp[c] + sc.fn[c] else "*"))
        print(f"  {c:20} " + " ".join(f"{x:>17}" for x in cells))
    print(f"  {'positives per set':20} " + " ".join(f"{sum(named[n].tp[c] + named[n].fn[c] for c in POST_CATEGORIES):>17}" for n in names))
    print(f"  {'neg. feedback→abuse':20} " + " ".join(f"{named[n].nf_flagged_abusive:>10}/{named[n].nf_total:<3}{named[n].nf_false_abuse_rate:4.0%}" for n in names))
    print("  (* = no positives of that category in the set)")
    if show_errors:
        for n in names:
            if "held out" in n and not held_out_errors:
                print(f"\n  errors in {n}: not listed (held out; --errors-all lists them)")
                continue
            print(f"\n  errors in {n}:")
            for e in named[n].errors:
                print("   ", e)


def main(argv: list[str]) -> int:
    show = "--errors" in argv or "--errors-all" in argv
    files = [Path(a) for a in argv if not a.startswith("--")]
    sets = {f.name + (" (held out)" if f.name in HELD_OUT_FILES else ""): load_rows(f) for f in files} if files else default_sets(final="--final" in argv)
    report({name: evaluate(rows, rules_only="--rules-only" in argv) for name, rows in sets.items()}, show, "--errors-all" in argv)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
