"""Text for people: short summaries the CLI prints when `--json` is not asked for."""

from __future__ import annotations


def human_run_summary(report, *, dry_run: bool = False) -> str:
    lines = []
    for p in report.profiles:
        if p.status == "ok":
            lines.append(f"  {p.name} ({p.platform}): {p.items_new} new item(s), {p.findings_new} new finding(s)")
        else:
            lines.append(f"  {p.name} ({p.platform}): FAILED: {p.error}")
            if p.items_new:
                lines.append(f"      (still checked {p.items_new} item(s), {p.findings_new} new finding(s))")
    if dry_run:
        for p in report.profiles:
            for f in p.findings:
                lines.append(f"    would flag item {f['item_id']}: {f['category']} ({f['severity']}) {f['rule']}")
        lines.append("Dry run: nothing was stored and nothing was sent.")
    else:
        lines.append(f"Alerts sent: {report.alerts_sent}; waiting to be sent: {report.alerts_pending}.")
    for n in report.notes:
        lines.append(f"Note: {n}")
    return "\n".join(["Checked profiles:"] + lines) if report.profiles else "\n".join(["No profiles to check (add [[profiles]] to the config)."] + lines)
