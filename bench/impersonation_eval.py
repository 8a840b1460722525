"""Impersonation detection on invented data: share of look-alikes flagged per class, false positives
on unrelated accounts, official handles. Prints one table for the dev split and one for a held-out
split (other identities, other seed).

    /work/venv/bin/python bench/impersonation_eval.py [--per-class N] [--unrelated N] [--show-misses]
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from monitor.checks.impersonation.score import profiles_for, score_account  # noqa: E402
from monitor.config.model import IdentityConfig, ImpersonationConfig  # noqa: E402
from monitor.items import Account  # noqa: E402


def _load_data():
    spec = importlib.util.spec_from_file_location("impersonation_data", Path(__file__).with_name("impersonation_data.py"))
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


def evaluate(evalset, settings: ImpersonationConfig | None = None) -> dict:
    """Per-class flagged shares, false-positive rate and official check of one generated set."""
    settings = settings or ImpersonationConfig()
    identities = [IdentityConfig(name=i.name, handles=i.handles, display_names=i.display_names) for i in evalset.identities]
    profiles = profiles_for(identities)

    def score(case):
        acc = Account(platform=case.platform, handle=case.handle, display_name=case.display_name)
        return score_account(acc, identities, settings, profiles=profiles)

    per_class: dict[str, list] = defaultdict(list)
    misses: dict[str, list] = defaultdict(list)
    for case in evalset.lookalikes:
        r = score(case)
        per_class[case.label].append(r.verdict)
        if not r.flagged:
            misses[case.label].append((case, r))
    fps = []
    for case in evalset.unrelated:
        r = score(case)
        if r.flagged:
            fps.append((case, r))
    official_wrong = [(c, r) for c in evalset.officials if (r := score(c)).verdict != "official"]
    return {
        "classes": {
            cls: {
                "n": len(v),
                "flagged": sum(x in ("impersonation", "suspicious") for x in v) / len(v),
                "impersonation": sum(x == "impersonation" for x in v) / len(v),
            }
            for cls, v in per_class.items()
        },
        "misses": misses,
        "unrelated": len(evalset.unrelated),
        "excluded": evalset.excluded_unrelated,
        "false_positives": fps,
        "fp_rate": len(fps) / max(1, len(evalset.unrelated)),
        "officials": len(evalset.officials),
        "official_wrong": official_wrong,
    }


def print_report(title: str, res: dict, show_misses: bool = False) -> None:
    print(f"\n== {title}")
    print(f"{'class':<20}{'n':>6}{'flagged':>10}{'as impersonation':>18}  target >= 95% flagged")
    for cls, v in res["classes"].items():
        mark = "(informational, no target)" if cls.startswith("info:") else "ok" if v["flagged"] >= 0.95 else "BELOW TARGET"
        print(f"{cls:<20}{v['n']:>6}{v['flagged']:>10.1%}{v['impersonation']:>18.1%}  {mark}")
    fp = res["fp_rate"]
    print(f"unrelated accounts: {res['unrelated']} (set aside as themselves look-alikes: {res['excluded']}); "
          f"flagged: {len(res['false_positives'])} = {fp:.2%}  {'ok' if fp <= 0.01 else 'ABOVE TARGET'} (target <= 1%)")
    ow = res["official_wrong"]
    print(f"official handles: {res['officials']}, not 'official': {len(ow)}  {'ok' if not ow else 'WRONG'}")
    if show_misses:
        for cls, items in res["misses"].items():
            for case, r in items[:8]:
                print(f"  miss {cls}: {case.platform} {case.handle!r} {case.display_name!r} ({case.identity}) -> {r.score:.2f}")
        for case, r in res["false_positives"][:30]:
            print(f"  false positive: {case.platform} {case.handle!r} {case.display_name!r} {case.note} -> {r.score:.2f} {r.matched_identity}: {r.reasons[0]}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--per-class", type=int, default=100)
    ap.add_argument("--unrelated", type=int, default=3000)
    ap.add_argument("--identities", type=int, default=44)
    ap.add_argument("--show-misses", action="store_true")
    args = ap.parse_args(argv)
    data = _load_data()
    ok = True
    for title, seed, split in (("dev (seed 1)", 1, "dev"), ("held-out (other identities, seed 7)", 7, "heldout")):
        t0 = time.perf_counter()
        es = data.generate(seed=seed, split=split, n_identities=args.identities, per_class=args.per_class, n_unrelated=args.unrelated)
        res = evaluate(es)
        n = len(es.lookalikes) + len(es.unrelated) + len(es.officials)
        print_report(f"{title}: {len(es.identities)} identities, {n} accounts scored in {time.perf_counter() - t0:.1f} s", res, args.show_misses)
        ok &= all(v["flagged"] >= 0.95 for c, v in res["classes"].items() if not c.startswith("info:")) and res["fp_rate"] <= 0.01 and not res["official_wrong"]
    print("\nall targets met" if ok else "\nsome targets NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
