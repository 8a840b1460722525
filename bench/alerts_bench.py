"""What the outbox costs: planning + rendering alerts, and delivery through the outbox to a loopback
SMTP server, against the baseline of handing the same bytes to the same server with plain smtplib.

    python bench/alerts_bench.py [--messages 100] [--runs 5]

Prints medians over the runs (ms per message) and the outbox/baseline ratio. Everything is local
(SQLite in a temp folder, aiosmtpd on 127.0.0.1).
"""

from __future__ import annotations

import argparse
import hashlib
import smtplib
import socket
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from aiosmtpd.controller import Controller  # noqa: E402

from monitor.alerts import deliver_pending, plan_alerts  # noqa: E402
from monitor.alerts.outbox import list_messages  # noqa: E402
from monitor.config.loader import parse_config  # noqa: E402
from monitor.store import FindingRow, Store  # noqa: E402


class Sink:
    def __init__(self) -> None:
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        return "250 OK"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def one_run(n: int, port: int) -> tuple[float, float, float]:
    with tempfile.TemporaryDirectory() as tmp:
        cfg = parse_config({
            "practice": {"name": "Bench Practice", "state_dir": "state"},
            "email": {"transport": "smtp", "host": "127.0.0.1", "port": port, "from": "m@bench.example", "to": ["a@bench.example"]},
        }, Path(tmp) / "config.toml")
        cfg.practice.state_dir.mkdir()
        store = Store(cfg.database_url)
        store.upgrade()
        with store.session() as s:
            for i in range(n):
                s.add(FindingRow(dedupe_key=uuid.uuid4().hex, profile=f"profile-{i}", platform="mastodon", item_id=str(i),
                                 item_url=f"https://social.example/@x/{i}", item_kind="comment", author_handle=f"@user{i}",
                                 excerpt="I can't go on, I want to end it all tonight " * 4, category="crisis", severity="urgent",
                                 rule="crisis", reasons=["mentions ending their life"], evidence=[{"text": "end it all"}],
                                 action="Follow the procedure.", fingerprint=hashlib.sha256(str(i).encode()).hexdigest()))
        t0 = time.perf_counter()
        assert plan_alerts(store, cfg) == n
        t1 = time.perf_counter()
        report = deliver_pending(store, cfg)
        t2 = time.perf_counter()
        assert report.sent == n, report
        raws = [bytes(m.raw) for m in list_messages(store, limit=n)]
        store.dispose()
    t3 = time.perf_counter()
    with smtplib.SMTP("127.0.0.1", port) as smtp:  # baseline: the same bytes, no outbox
        for raw in raws:
            smtp.sendmail("m@bench.example", ["a@bench.example"], raw)
    t4 = time.perf_counter()
    return (t1 - t0) / n * 1000, (t2 - t1) / n * 1000, (t4 - t3) / n * 1000


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--messages", type=int, default=100)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    port = free_port()
    controller = Controller(Sink(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        results = [one_run(args.messages, port) for _ in range(args.runs)]
    finally:
        controller.stop()
    plan, deliver, base = (statistics.median(r[i] for r in results) for i in range(3))
    print(f"{args.messages} alert emails, median of {args.runs} runs (ms per message):")
    print(f"  plan + render + store : {plan:7.2f}")
    print(f"  deliver via outbox    : {deliver:7.2f}  (claim, send, mark sent: 2 transactions each)")
    print(f"  baseline smtplib only : {base:7.2f}")
    print(f"  outbox / baseline     : {deliver / base:7.1f}x")


if __name__ == "__main__":
    main()
