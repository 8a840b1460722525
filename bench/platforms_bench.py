"""Benchmark of the four platform adapters against loopback fakes with per-request latency.

Scenario (issue 4): profiles x new items, a fifth of the items with an image, every request delayed
by the fake servers. The profiles are spread evenly over Facebook, Instagram, Mastodon and Bluesky
and fetched by a bounded pool, the way `jobs.run` does; each worker then downloads the images of its
new items that are not cached yet (a URL cache, like the media cache's).

Printed per run: wall time, requests made, images fetched, and for the first run the ratio against
the latency bound (requests x latency / pool size) measured in the same run; medians over --repeat.
Targets: first run within 1.5x of that bound; second run (nothing new) at most one request per
profile and endpoint, and no image.

    /work/venv/bin/python bench/platforms_bench.py [--profiles 100] [--items 200] [--latency 0.05] [--pool 16]
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import multiprocessing
import statistics
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from monitor.config.model import HttpConfig, ProfileConfig  # noqa: E402
from monitor.platforms import adapter_class  # noqa: E402
from monitor.platforms.http import RateGate  # noqa: E402

PLATFORMS = ["facebook", "instagram", "mastodon", "bluesky"]


def load_fakes():
    spec = importlib.util.spec_from_file_location("practice_monitor_platform_fakes", ROOT / "tests/platforms/fakes.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def populate(fakes, platform: str, app, server, n_profiles: int, n_items: int) -> list[str]:
    """Add `n_profiles` accounts with `n_items` recent items each (every fifth with an image)."""
    now = datetime.now(timezone.utc)
    fmt = "graph" if platform in ("facebook", "instagram") else "iso"
    accounts = []
    for p in range(n_profiles):
        t = [fakes.fmt_time(now - timedelta(minutes=i + 1), fmt) for i in range(n_items)]
        img = [f"{server.url}/media/{platform}-{p}-{i}.png" for i in range(n_items)]
        if platform == "facebook":
            pid = f"2{p:06d}"
            posts = []
            for i in range(n_items):
                post = {"id": f"{pid}_{i}", "message": f"post {i}", "created_time": t[i], "updated_time": t[i],
                        "permalink_url": f"https://www.facebook.com/{pid}/posts/{i}", "from": {"id": pid, "name": f"Page {p}"}}
                if i % 5 == 0:
                    post["attachments"] = {"data": [{"media_type": "photo", "type": "photo", "target": {"id": f"ph{p}-{i}"},
                                                     "media": {"image": {"src": img[i], "width": 16, "height": 16}}}]}
                posts.append(post)
            page = {"page": {"id": pid, "name": f"Page {p}", "username": f"page{p}", "link": f"https://www.facebook.com/page{p}"},
                    "posts": []}
            app.pages[pid] = page
            app.by_username[f"page{p}"] = page
            for post in posts:
                app.add_post(pid, post)
            accounts.append(pid)
        elif platform == "instagram":
            uid = f"1784{p:08d}"
            app.accounts[uid] = {"user": {"id": uid, "username": f"account{p}", "name": f"Account {p}"}, "media": []}
            for i in range(n_items):
                m = {"id": f"{uid}{i:04d}", "caption": f"media {i}", "timestamp": t[i], "username": f"account{p}",
                     "permalink": f"https://www.instagram.com/p/{uid}{i}/"}
                m.update({"media_type": "IMAGE", "media_url": img[i]} if i % 5 == 0 else {"media_type": "VIDEO", "media_url": img[i] + ".mp4"})
                app.add_media(uid, m)
            accounts.append(uid)
        elif platform == "mastodon":
            aid = f"3{p:06d}"
            app.accounts[aid] = {"id": aid, "username": f"acct{p}", "acct": f"acct{p}", "display_name": f"Account {p}",
                                 "url": f"https://example.social/@acct{p}", "created_at": "2023-01-01T00:00:00.000Z", "note": ""}
            for i in range(n_items):
                app.add_status({"id": str(200000000000000000 + p * 10000 + i), "created_at": t[n_items - 1 - i],
                                "in_reply_to_id": None, "content": f"<p>status {i}</p>", "account": f"@{aid}",
                                "url": f"https://example.social/@acct{p}/{i}", "spoiler_text": "", "edited_at": None, "reblog": None,
                                "media_attachments": [{"id": f"m{p}-{i}", "type": "image", "url": img[i]}] if i % 5 == 0 else []})
            accounts.append(f"acct{p}@example.social")
        else:
            did = f"did:plc:bench{p:06d}"
            app.profiles[did] = {"did": did, "handle": f"acct{p}.bsky.social", "displayName": f"Account {p}",
                                 "createdAt": "2023-01-01T00:00:00.000Z"}
            for i in range(n_items):
                post = {"uri": f"at://{did}/app.bsky.feed.post/r{i:05d}", "cid": f"c{i}", "author": did,
                        "record": {"$type": "app.bsky.feed.post", "text": f"post {i}", "createdAt": t[i]}, "indexedAt": t[i]}
                if i % 5 == 0:
                    post["embed"] = {"$type": "app.bsky.embed.images#view",
                                     "images": [{"thumb": img[i], "fullsize": img[i], "alt": ""}]}
                app.add_post(post)
            accounts.append(f"acct{p}.bsky.social")
    return accounts


def serve_fakes(conn, latency: float, per_platform: int, n_items: int) -> None:
    """Child process: the four fakes with their data; answers 'urls', 'reset', 'log' and 'stop' over `conn`.

    The fakes run in their own process so that their work (JSON rendering) does not compete with the
    adapters for the benchmark process's interpreter lock: only the client side is measured.
    """
    fakes = load_fakes()
    rigs = {}
    for platform in PLATFORMS:
        server, app = fakes.start_fake(platform, latency=latency)
        rigs[platform] = (server, app, populate(fakes, platform, app, server, per_platform, n_items))
    conn.send({p: (s.url, accounts, getattr(app, "token", None)) for p, (s, app, accounts) in rigs.items()})
    while True:
        cmd = conn.recv()
        if cmd == "reset":
            for server, _app, _acc in rigs.values():
                server.reset_log()
            conn.send(True)
        elif cmd == "log":
            conn.send({p: [(r.path, r.query) for r in s.log] for p, (s, _a, _b) in rigs.items()})
        else:
            for server, _app, _acc in rigs.values():
                server.stop()
            conn.send(True)
            return


class ImageCache:
    """Stands in for the media owner's cache: a URL fetched once, its bytes hashed once."""

    def __init__(self) -> None:
        self.by_url: dict[str, str] = {}

    def ensure(self, adapter, ref) -> None:
        if ref.url in self.by_url:
            return
        data = adapter.fetch_media(ref, 20_000_000)
        self.by_url[ref.url] = hashlib.sha256(data).hexdigest()


def one_run(conn, sites: dict, cursors: dict, pool: int, cache: ImageCache) -> dict:
    RateGate.clear()
    conn.send("reset")
    conn.recv()
    jobs = []
    http = replace(HttpConfig(), pool_size=pool, timeout=30.0)
    for platform, (url, accounts, token) in sites.items():
        base = url + ("/v21.0" if platform in ("facebook", "instagram") else "")
        for account in accounts:
            profile = ProfileConfig(name=f"{platform}-{account}", platform=platform, base_url=base, account=account)
            jobs.append((profile, token))
    seen: set[tuple[str, str, str]] = set()

    def work(job):
        profile, token = job
        adapter = adapter_class(profile.platform)(profile, token, http)
        try:
            result = adapter.fetch_items(cursors.get(profile.name))
            cursors[profile.name] = result.cursor
            for item in result.items:
                key = (profile.name, item.id, item.content_hash())
                if key in seen:
                    continue  # the pipeline's seen-hash dedupe
                seen.add(key)
                for ref in item.media:
                    cache.ensure(adapter, ref)
            return len(result.items)
        finally:
            adapter.close()

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=pool) as ex:
        items = sum(ex.map(work, jobs))
    wall = time.perf_counter() - started
    per_endpoint: Counter = Counter()
    requests = images = 0
    conn.send("log")
    for platform, log in conn.recv().items():
        for path, query in log:
            if path.startswith("/media/"):
                images += 1
            else:
                requests += 1
                per_endpoint[(platform, _endpoint(platform, path, query))] += 1
    return {"wall": wall, "requests": requests, "images": images, "items": items, "per_endpoint": per_endpoint,
            "profiles": len(jobs)}


def _endpoint(platform: str, path: str, query: dict) -> str:
    if platform in ("facebook", "instagram"):
        if "ids" in query:
            return "ids"
        parts = path.split("/")
        return parts[-1] if len(parts) > 3 else "node"
    return path.rsplit("/", 1)[-1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--profiles", type=int, default=100)
    ap.add_argument("--items", type=int, default=200)
    ap.add_argument("--latency", type=float, default=0.05)
    ap.add_argument("--pool", type=int, default=16)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    per_platform = max(1, args.profiles // len(PLATFORMS))
    firsts, seconds = [], []
    ctx = multiprocessing.get_context("spawn")
    for rep in range(args.repeat):
        conn, child_conn = ctx.Pipe()
        child = ctx.Process(target=serve_fakes, args=(child_conn, args.latency, per_platform, args.items), daemon=True)
        child.start()
        sites = conn.recv()
        cursors: dict = {}
        cache = ImageCache()
        first = one_run(conn, sites, cursors, args.pool, cache)
        second = one_run(conn, sites, cursors, args.pool, cache)
        conn.send("stop")
        conn.recv()
        child.join(10)
        bound = first["requests"] + first["images"]
        first["bound"] = bound * args.latency / args.pool
        firsts.append(first)
        seconds.append(second)
        print(f"run {rep + 1}: first {first['wall']:.2f} s, {first['requests']} requests + {first['images']} images, "
              f"{first['items']} items; second {second['wall']:.2f} s, {second['requests']} requests, {second['images']} images")
    med = lambda runs, key: statistics.median(r[key] for r in runs)  # noqa: E731
    profiles = firsts[0]["profiles"]
    bound = med(firsts, "bound")
    ratio = med(firsts, "wall") / bound
    worst_endpoint = max(seconds[-1]["per_endpoint"].values()) if seconds[-1]["per_endpoint"] else 0
    per_profile_endpoint = max(c / per_platform for c in seconds[-1]["per_endpoint"].values()) if seconds[-1]["per_endpoint"] else 0
    print()
    print(f"{profiles} profiles x {args.items} new items (a fifth with an image), {args.latency * 1000:.0f} ms per request, "
          f"pool {args.pool}, median of {args.repeat}")
    print(f"first run : {med(firsts, 'wall'):.2f} s wall, {med(firsts, 'requests'):.0f} API requests, "
          f"{med(firsts, 'images'):.0f} images fetched; latency bound (requests x latency / pool) {bound:.2f} s; ratio {ratio:.2f}")
    print(f"second run: {med(seconds, 'wall'):.2f} s wall, {med(seconds, 'requests'):.0f} API requests "
          f"({med(seconds, 'requests') / profiles:.2f} per profile), {med(seconds, 'images'):.0f} images fetched")
    print("second run requests per platform and endpoint: " + ", ".join(
        f"{p}/{e}={c}" for (p, e), c in sorted(seconds[-1]["per_endpoint"].items())))
    ok1 = ratio <= 1.5
    ok2 = per_profile_endpoint <= 1 and med(seconds, "images") == 0
    print(f"target first run within 1.5x of the latency bound: {'MET' if ok1 else 'NOT MET'} ({ratio:.2f}x)")
    print(f"target second run <= 1 request per profile and endpoint, no image: {'MET' if ok2 else 'NOT MET'} "
          f"(max {per_profile_endpoint:.2f} per profile and endpoint, {worst_endpoint} on the busiest endpoint)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
