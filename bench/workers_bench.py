"""Several workers: wall time of 1 vs 3 workers, 1,000 profiles with 8 workers, database size per 10,000 items.

    python bench/workers_bench.py [--profiles 90] [--latency 0.08] [--repeat 3] [--big 1000] [--big-workers 8]

A loopback fake Mastodon answers every request after `--latency` seconds (three requests per profile:
account lookup, statuses, the replies of one post). Each scenario gets a fresh PostgreSQL database and
is timed two ways, each with `--concurrency 1` per worker:
- running workers (how they are deployed): workers already started and idle; timed from `enqueue`
  until the last profile's check is stored;
- cold start (batch use): `enqueue`, then `worker --until-idle` processes timed from their start to
  their exit, which includes starting Python and opening the database in every process.
One worker is the baseline for the speed-up, measured in the same run.

PostgreSQL: $PRACTICE_MONITOR_TEST_PG_URL, else a throwaway cluster from .ci/pg-start.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _fake_module():
    spec = importlib.util.spec_from_file_location("pm_fake_mastodon", ROOT / "tests" / "postgres" / "fake_mastodon.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


class Postgres:
    def __init__(self) -> None:
        self.folder = None
        self.url = os.environ.get("PRACTICE_MONITOR_TEST_PG_URL")
        if not self.url:
            self.folder = tempfile.mkdtemp(prefix="practice-monitor-bench-pg.")
            out = subprocess.run(["bash", str(ROOT / ".ci" / "pg-start"), self.folder], capture_output=True, text=True, check=True)
            self.url = out.stdout.strip().splitlines()[-1]

    def _admin(self):
        import psycopg

        return psycopg.connect(self.url, autocommit=True)

    def new_database(self) -> str:
        from sqlalchemy.engine import make_url

        name = f"bench_{uuid.uuid4().hex[:10]}"
        with self._admin() as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return make_url(self.url).set(database=name).render_as_string(hide_password=False)

    def drop(self, url: str) -> None:
        from sqlalchemy.engine import make_url

        with self._admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)')

    def stop(self) -> None:
        if self.folder:
            subprocess.run(["bash", str(ROOT / ".ci" / "pg-stop"), self.folder], capture_output=True)


def write_config(folder: Path, db_url: str, base_url: str, profiles: int) -> Path:
    lines = [
        "[practice]", 'name = "Bench Practice"', 'state_dir = "state"',
        "[database]", f'url = "{db_url}"',
        "[email]", 'transport = "file"', 'from = "monitor@bench.example"', 'to = ["admin@bench.example"]', 'outbox_dir = "outbox"',
        "[workers]", "concurrency = 1", "stalled_after = 30",
        "[schedule]", 'run = "0 3 1 1 *"', 'digest = "0 3 1 1 *"',
        "[http]", "retries = 0", "timeout = 120",
    ]
    for i in range(profiles):
        lines += ["[[profiles]]", f'name = "clinic{i}"', 'platform = "mastodon"', f'base_url = "{base_url}"', f'account = "clinic{i}"']
    path = folder / "config.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def cli(config: Path, *args: str) -> None:
    subprocess.run([sys.executable, "-m", "monitor", *args, "--config", str(config), "-q"], check=True,
                   stdout=subprocess.DEVNULL, cwd=config.parent)


def _query(engine, sql: str):
    from sqlalchemy import text

    with engine.connect() as conn:
        return conn.execute(text(sql)).scalar()


def _start_workers(config: Path, workers: int, *extra: str) -> list[subprocess.Popen]:
    return [subprocess.Popen([sys.executable, "-m", "monitor", "worker", "--concurrency", "1", *extra,
                              "--config", str(config), "-q"], cwd=config.parent, stdout=subprocess.DEVNULL)
            for _ in range(workers)]


def scenario(pg: Postgres, fake, profiles: int, workers: int, *, cold: bool) -> dict:
    """One timed pass of `workers` processes over `profiles` profiles.

    warm (cold=False): the workers are already running, as in production; timed from `enqueue` until the
    last check is stored. cold: `enqueue`, then `worker --until-idle` processes timed from their start to
    their exit (batch use; includes starting Python and opening the database in each process).
    """
    import signal

    from sqlalchemy import create_engine

    from jobs.tasks import enqueue
    from monitor.config import load_config
    from monitor.store.db import Store, normalise_url

    db_url = pg.new_database()
    engine = create_engine(normalise_url(db_url))
    with tempfile.TemporaryDirectory() as tmp:
        config = write_config(Path(tmp), db_url, fake.base_url, profiles)
        cli(config, "db", "upgrade")
        fake.requests.clear()
        if cold:
            cli(config, "enqueue")
            started = time.monotonic()
            procs = _start_workers(config, workers, "--until-idle")
            codes = [p.wait() for p in procs]
            wall = time.monotonic() - started
        else:
            procs = _start_workers(config, workers)
            deadline = time.monotonic() + 120
            while _query(engine, "SELECT count(*) FROM procrastinate_workers") < workers:
                if time.monotonic() > deadline:
                    raise SystemExit("the workers did not start")
                time.sleep(0.05)
            time.sleep(0.5)  # let them reach their first (empty) fetch
            cfg = load_config(config)
            store = Store(cfg.database_url)
            started = time.monotonic()
            enqueue(cfg, store)
            while _query(engine, "SELECT count(*) FROM runs") < profiles:
                time.sleep(0.02)
            wall = time.monotonic() - started
            store.dispose()
            for p in procs:
                p.send_signal(signal.SIGTERM)
            codes = [p.wait() for p in procs]
    span = _query(engine, "SELECT extract(epoch FROM max(finished_at) - min(started_at)) FROM runs")
    open_jobs = _query(engine, "SELECT count(*) FROM procrastinate_jobs WHERE status <> 'succeeded'")
    items = _query(engine, "SELECT count(*) FROM seen_items")
    findings = _query(engine, "SELECT count(*) FROM findings")
    ours = _query(engine, "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                          "WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname NOT LIKE 'procrastinate%'")
    whole = _query(engine, "SELECT pg_database_size(current_database())")
    with engine.connect() as conn:
        from sqlalchemy import text

        tables = conn.execute(text(
            "SELECT c.relname, pg_total_relation_size(c.oid) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname NOT LIKE 'procrastinate%' "
            "ORDER BY 2 DESC LIMIT 5")).all()
    engine.dispose()
    reads = fake.per_account("statuses")
    if any(codes) or open_jobs or len(reads) != profiles or any(v != 1 for v in reads.values()):
        raise SystemExit(f"bench run invalid: exit codes {codes}, {open_jobs} unfinished jobs, "
                         f"{len(reads)} of {profiles} profiles read, max reads per profile {max(reads.values(), default=0)}")
    pg.drop(db_url)
    return {"wall": wall, "span": float(span or 0), "items": items, "findings": findings, "table_bytes": int(ours or 0),
            "db_bytes": int(whole or 0), "tables": [(t, int(b)) for t, b in tables]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--profiles", type=int, default=90)
    ap.add_argument("--latency", type=float, default=0.08, help="seconds added to every fake API answer")
    ap.add_argument("--repeat", type=int, default=3, help="runs per configuration (the median is reported)")
    ap.add_argument("--big", type=int, default=1000, help="profiles in the large run (0 to skip)")
    ap.add_argument("--big-workers", type=int, default=8)
    ap.add_argument("--modes", default="warm,cold", help="which timings for the 1-vs-3 comparison: warm, cold or both")
    args = ap.parse_args()

    fake_mod = _fake_module()
    fake, stop_fake = fake_mod.serve(latency=args.latency)
    pg = Postgres()
    try:
        print(f"{args.profiles} profiles, 3 requests each, {args.latency * 1000:.0f} ms per request; "
              f"{os.cpu_count()} CPU(s); median of {args.repeat} run(s)")
        figures = {}
        for cold in [m == "cold" for m in args.modes.split(",") if m in ("warm", "cold")]:
            label = "cold start, worker --until-idle" if cold else "running workers, from enqueue to the last check"
            print(f"  {label}:")
            for workers in (1, 3):
                runs = [scenario(pg, fake, args.profiles, workers, cold=cold) for _ in range(args.repeat)]
                walls = [r["wall"] for r in runs]
                figures[cold, workers] = statistics.median(walls)
                print(f"    {workers} worker(s): wall {figures[cold, workers]:6.1f} s (runs: {', '.join(f'{w:.1f}' for w in walls)}; "
                      f"first job start to last job end {statistics.median(r['span'] for r in runs):.1f} s)")
            speedup = figures[cold, 1] / figures[cold, 3]
            print(f"    speed-up with 3 workers: {speedup:.2f}x; target 2.4x (80% of linear): {'met' if speedup >= 2.4 else 'NOT met'}")

        if args.big:
            big = scenario(pg, fake, args.big, args.big_workers, cold=False)
            print(f"{args.big} profiles with {args.big_workers} running workers on this machine: {big['wall']:.1f} s "
                  f"from enqueue to the last check "
                  f"(processing span {big['span']:.1f} s, {args.big / big['wall']:.1f} profiles/s)")
            per_10k = big["table_bytes"] / max(big["items"], 1) * 10_000
            print(f"database size: {big['items']} items and {big['findings']} findings stored in "
                  f"{big['table_bytes'] / 1e6:.1f} MB of project tables (whole database {big['db_bytes'] / 1e6:.1f} MB) "
                  f"= {per_10k / 1e6:.1f} MB per 10,000 stored items (with their findings, alerts and run records)")
            print("  largest tables: " + ", ".join(f"{t} {b / 1e6:.1f} MB" for t, b in big["tables"]))
    finally:
        stop_fake()
        pg.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
