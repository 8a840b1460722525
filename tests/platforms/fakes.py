"""Loopback fakes of the four platforms' APIs, answering in their documented JSON shapes.

Each fake is a real HTTP server (ThreadingHTTPServer on 127.0.0.1) serving data loaded from one
fixture file per platform (tests/platforms/fixtures/<platform>.json), with the platform's paging,
errors and rate-limit headers. Tests (and bench/platforms_bench.py, which loads this file by path)
change the data between runs and inject faults (`server.inject(...)`) to see how the adapters cope.
"""

from __future__ import annotations

import base64
import functools
import io
import json
import re
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

FIXTURES = Path(__file__).parent / "fixtures"


# -- generic server --------------------------------------------------------------------------------

@dataclass
class Req:
    method: str
    path: str
    query: dict
    headers: dict
    raw_path: str


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict = field(default_factory=dict)
    content_type: str = "application/json; charset=utf-8"


def json_reply(obj, status: int = 200, headers: dict | None = None) -> Reply:
    return Reply(status, json.dumps(obj).encode(), dict(headers or {}))


@functools.lru_cache(maxsize=512)
def png_bytes(seed: int = 0, size: int = 16) -> bytes:
    from PIL import Image

    img = Image.new("RGB", (size, size), ((seed * 37) % 256, (seed * 91) % 256, (seed * 53) % 256))
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


class FakeServer:
    """An HTTP server on loopback; `app.handle(req)` answers, unless an injected fault matches first."""

    def __init__(self, app, latency: float = 0.0) -> None:
        self.app = app
        self.latency = latency
        self.log: list[Req] = []
        self.faults: list[list] = []
        self.images: dict[str, tuple[bytes, str]] = {}
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # no 40 ms delayed-ACK stalls between headers and body

            def do_GET(self):  # noqa: N802 (http.server API)
                parts = urlsplit(self.path)
                req = Req("GET", parts.path, dict(parse_qsl(parts.query, keep_blank_values=True)),
                          {k: v for k, v in self.headers.items()}, self.path)
                with server._lock:
                    server.log.append(req)
                if server.latency:
                    time.sleep(server.latency)
                reply = server._answer(req)
                self.send_response(reply.status)
                self.send_header("Content-Type", reply.content_type)
                for k, v in reply.headers.items():
                    self.send_header(k, v)
                chunked = reply.headers.get("Transfer-Encoding") == "chunked"
                if "Content-Length" not in reply.headers and not chunked:
                    self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                try:
                    if chunked:
                        for i in range(0, len(reply.body), 65536):
                            part = reply.body[i:i + 65536]
                            self.wfile.write(f"{len(part):x}\r\n".encode() + part + b"\r\n")
                        self.wfile.write(b"0\r\n\r\n")
                    else:
                        self.wfile.write(reply.body)
                except (BrokenPipeError, ConnectionResetError):
                    self.close_connection = True  # the client stopped reading (e.g. an image over the cap)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.httpd.request_queue_size = 256
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()
        if app is not None:
            app.server = self

    def _answer(self, req: Req) -> Reply:
        with self._lock:
            for fault in self.faults:
                match, reply, left = fault
                if left and match(req):
                    fault[2] = left - 1
                    return reply(req) if callable(reply) else reply
        if req.path.startswith("/media/"):
            name = req.path[len("/media/"):]
            if name not in self.images:
                self.images[name] = (png_bytes(sum(name.encode()) % 256), "image/png")
            body, ctype = self.images[name]
            return Reply(200, body, {}, ctype)
        try:
            return self.app.handle(req)
        except Exception as exc:  # a bug in a fake must show, not hang the client
            return json_reply({"error": f"fake crashed: {exc!r}"}, 599)

    def inject(self, path_contains: str, reply, times: int = 1) -> None:
        """The next `times` requests whose path (with query) contains `path_contains` get `reply`."""
        self.faults.append([lambda r, s=path_contains: s in r.raw_path, reply, times])

    def count(self, path_contains: str = "") -> int:
        return sum(1 for r in self.log if path_contains in r.raw_path)

    def reset_log(self) -> None:
        self.log.clear()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


# -- fixture loading -------------------------------------------------------------------------------

_REL = re.compile(r"^\{now([+-]\d+)([dhm])\}$")


def load_fixture(platform: str, media_url: str, time_format: str) -> dict:
    """The fixture with '{now-2d}' times rendered in the platform's format and '{media}' resolved."""
    data = json.loads((FIXTURES / f"{platform}.json").read_text(encoding="utf-8"))
    now = datetime.now(timezone.utc)

    def render(value):
        if isinstance(value, dict):
            return {k: render(v) for k, v in value.items()}
        if isinstance(value, list):
            return [render(v) for v in value]
        if isinstance(value, str):
            m = _REL.match(value)
            if m:
                amount, unit = int(m.group(1)), m.group(2)
                delta = {"d": timedelta(days=amount), "h": timedelta(hours=amount), "m": timedelta(minutes=amount)}[unit]
                return fmt_time(now + delta, time_format)
            return value.replace("{media}", media_url)
        return value

    return render(data)


def fmt_time(when: datetime, time_format: str) -> str:
    if time_format == "graph":
        return when.strftime("%Y-%m-%dT%H:%M:%S+0000")
    return when.strftime("%Y-%m-%dT%H:%M:%S.") + f"{when.microsecond // 1000:03d}Z"


def _enc(n: int) -> str:
    return base64.urlsafe_b64encode(f"o{n}".encode()).decode().rstrip("=")


def _dec(s: str) -> int:
    try:
        return int(base64.urlsafe_b64decode(s + "=" * (-len(s) % 4)).decode()[1:])
    except Exception:
        return 0


# -- Graph API (Facebook Pages and Instagram) ------------------------------------------------------

class GraphApp:
    """What Facebook's and Instagram's fakes share: token check, errors, edge paging, usage headers."""

    version = "v21.0"

    def __init__(self, token: str) -> None:
        self.token = token
        self.server: FakeServer | None = None
        self.embed_limit = 50
        self.usage: dict | None = None  # e.g. {"call_count": 97, ...} sent as X-App-Usage

    def error(self, code: int, message: str, status: int = 400, subcode: int | None = None, etype: str = "OAuthException") -> Reply:
        err = {"message": message, "type": etype, "code": code, "fbtrace_id": "AbCdEfGh123"}
        if subcode is not None:
            err["error_subcode"] = subcode
        return json_reply({"error": err}, status)

    def handle(self, req: Req) -> Reply:
        if req.query.get("access_token") != self.token:
            return self.error(190, "Error validating access token: Session has expired.", 400, 463)
        prefix = f"/{self.version}"
        if not req.path.startswith(prefix):
            return self.error(2500, "Unknown path components", 400)
        path = req.path[len(prefix):].strip("/")
        reply = self.route(path, req)
        if self.usage is not None:
            reply.headers["X-App-Usage"] = json.dumps(self.usage)
        return reply

    def route(self, path: str, req: Req) -> Reply:
        raise NotImplementedError

    def edge(self, entries: list, limit: int, after: str | None, path: str, render) -> dict:
        start = _dec(after) + 1 if after else 0
        chunk = entries[start:start + limit]
        page = {"data": [render(e) for e in chunk]}
        if chunk:
            page["paging"] = {"cursors": {"before": _enc(start), "after": _enc(start + len(chunk) - 1)}}
            if start + len(chunk) < len(entries):
                q = urlencode({"access_token": self.token, "limit": limit, "after": _enc(start + len(chunk) - 1)})
                page["paging"]["next"] = f"https://graph.facebook.com/{self.version}/{path}?{q}"
        return page

    @staticmethod
    def limit_in(fields: str, edge: str, default: int) -> int:
        m = re.search(rf"\b{re.escape(edge)}\.limit\((\d+)\)", fields or "")
        return int(m.group(1)) if m else default


class FacebookApp(GraphApp):
    def __init__(self, fixture: dict) -> None:
        super().__init__(fixture["token"])
        self.pages = {p["page"]["id"]: p for p in fixture["pages"]}
        self.by_username = {p["page"]["username"]: p for p in fixture["pages"]}
        self.posts: dict[str, tuple[dict, dict]] = {}
        self.comments: dict[str, dict] = {}
        for p in fixture["pages"]:
            for post in p["posts"]:
                self._index(p, post)

    def _index(self, page: dict, post: dict) -> None:
        self.posts[post["id"]] = (page, post)
        for c in post.get("comments", []):
            self.comments[c["id"]] = c

    def sorted_posts(self, page: dict) -> list[dict]:
        return sorted(page["posts"], key=lambda p: str(p.get("created_time", "")) if isinstance(p, dict) else "", reverse=True)

    def render_post(self, post: dict) -> dict:
        if not isinstance(post, dict):
            return post
        out = {k: v for k, v in post.items() if k != "comments"}
        if post.get("comments"):
            out["comments"] = self.edge(post["comments"], self.embed_limit, None, f"{post['id']}/comments", self.render_comment)
        return out

    def render_comment(self, c: dict) -> dict:
        out = {k: v for k, v in c.items() if k != "comments"}
        if c.get("comments"):
            out["comment_count"] = len(c["comments"])
            out["comments"] = self.edge(c["comments"], self.embed_limit, None, f"{c['id']}/comments", dict)
        return out

    def add_post(self, page_id: str, post: dict) -> None:
        page = self.pages[page_id]
        page["posts"].append(post)
        self._index(page, post)

    def add_comment(self, post_id: str, comment: dict, parent_comment: str | None = None) -> None:
        page, post = self.posts[post_id]
        if parent_comment:
            self.comments[parent_comment].setdefault("comments", []).append(comment)
        else:
            post.setdefault("comments", []).append(comment)
            self.comments[comment["id"]] = comment
        post["updated_time"] = comment["created_time"]  # Graph: a comment moves the post's updated_time

    def route(self, path: str, req: Req) -> Reply:
        fields = req.query.get("fields", "")
        limit = int(req.query.get("limit", 25))
        if path == "" and "ids" in req.query:
            out = {}
            for pid in req.query["ids"].split(","):
                if pid not in self.posts:
                    return self.error(803, f"(#803) Some of the aliases you requested do not exist: {pid}")
                post = self.render_post(self.posts[pid][1])
                out[pid] = post if "message" in fields else {"id": pid, "updated_time": post["updated_time"]}
            return json_reply(out)
        if path == "pages/search":
            q = req.query.get("q", "").lower()
            hits = [{"id": p["page"]["id"], "name": p["page"]["name"], "link": p["page"]["link"]}
                    for p in self.pages.values() if q in p["page"]["name"].lower()]
            return json_reply({"data": hits[:limit]})
        parts = path.split("/")
        node = parts[0]
        if len(parts) == 1:
            page = self.pages.get(node) or self.by_username.get(node)
            if page is None:
                return self.error(803, f"(#803) Some of the aliases you requested do not exist: {node}")
            out = dict(page["page"])
            if "feed" in fields:
                posts = self.sorted_posts(page)
                if posts:
                    out["feed"] = self.edge(posts, self.limit_in(fields, "feed", 25), None, f"{out['id']}/feed", self.render_post)
            return json_reply(out)
        edge = parts[1]
        if edge == "feed" and node in self.pages:
            page = self.pages[node]
            return json_reply(self.edge(self.sorted_posts(page), limit, req.query.get("after"), f"{node}/feed", self.render_post))
        if edge == "comments":
            if node in self.posts:
                return json_reply(self.edge(self.posts[node][1].get("comments", []), limit, req.query.get("after"),
                                            f"{node}/comments", self.render_comment))
            if node in self.comments:
                return json_reply(self.edge(self.comments[node].get("comments", []), limit, req.query.get("after"),
                                            f"{node}/comments", dict))
        return self.error(100, f"Unsupported get request. Object with ID '{node}' does not exist", 400, 33, "GraphMethodException")


class InstagramApp(GraphApp):
    def __init__(self, fixture: dict) -> None:
        super().__init__(fixture["token"])
        self.accounts = {a["user"]["id"]: a for a in fixture["accounts"]}
        self.by_username = {a["user"]["username"]: a for a in fixture["accounts"]}
        self.media = {m["id"]: m for a in fixture["accounts"] for m in a["media"]}
        self.comments = {c["id"]: c for m in self.media.values() for c in m.get("comments", [])}

    def sorted_media(self, acc: dict) -> list[dict]:
        return sorted(acc["media"], key=lambda m: str(m.get("timestamp", "")), reverse=True)

    def render_media(self, m: dict) -> dict:
        out = {k: v for k, v in m.items() if k not in ("comments", "children")}
        comments = m.get("comments", [])
        out["comments_count"] = len(comments) + sum(len(c.get("replies", [])) for c in comments)
        if m.get("children"):
            out["children"] = {"data": m["children"]}
        if comments:
            out["comments"] = self.edge(comments, self.embed_limit, None, f"{m['id']}/comments", self.render_comment)
        return out

    def render_comment(self, c: dict) -> dict:
        out = {k: v for k, v in c.items() if k != "replies"}
        if c.get("replies"):
            out["replies"] = self.edge(c["replies"], self.embed_limit, None, f"{c['id']}/replies", dict)
        return out

    def add_media(self, user_id: str, media: dict) -> None:
        self.accounts[user_id]["media"].append(media)
        self.media[media["id"]] = media

    def add_comment(self, media_id: str, comment: dict, parent_comment: str | None = None) -> None:
        if parent_comment:
            self.comments[parent_comment].setdefault("replies", []).append(comment)
        else:
            self.media[media_id].setdefault("comments", []).append(comment)
            self.comments[comment["id"]] = comment

    def route(self, path: str, req: Req) -> Reply:
        fields = req.query.get("fields", "")
        limit = int(req.query.get("limit", 25))
        parts = path.split("/")
        node = parts[0]
        if len(parts) == 1 and node in self.accounts:
            acc = self.accounts[node]
            m = re.search(r"business_discovery\.username\(([^)]*)\)", fields)
            if m:
                other = self.by_username.get(m.group(1))
                if other is None:
                    return self.error(110, "Invalid user id", 400, 2207013)
                return json_reply({"business_discovery": dict(other["user"]), "id": node})
            out = dict(acc["user"])
            if "media" in fields:
                media = self.sorted_media(acc)
                if media:
                    out["media"] = self.edge(media, self.limit_in(fields, "media", 25), None, f"{node}/media", self.render_media)
            return json_reply(out)
        if len(parts) == 2:
            edge = parts[1]
            if edge == "media" and node in self.accounts:
                return json_reply(self.edge(self.sorted_media(self.accounts[node]), limit, req.query.get("after"),
                                            f"{node}/media", self.render_media))
            if edge == "comments" and node in self.media:
                return json_reply(self.edge(self.media[node].get("comments", []), limit, req.query.get("after"),
                                            f"{node}/comments", self.render_comment))
            if edge == "replies" and node in self.comments:
                return json_reply(self.edge(self.comments[node].get("replies", []), limit, req.query.get("after"),
                                            f"{node}/replies", dict))
        return self.error(100, f"Unsupported get request. Object with ID '{node}' does not exist", 400, 33, "GraphMethodException")


# -- Mastodon --------------------------------------------------------------------------------------

class MastodonApp:
    def __init__(self, fixture: dict) -> None:
        self.server: FakeServer | None = None
        self.token = fixture.get("token")
        self.instance = fixture["instance"]
        self.accounts = {a["id"]: a for a in fixture["accounts"]}
        self.statuses: dict[str, dict] = {}
        self.children: dict[str, list] = {}
        self.by_account: dict[str, list] = {}
        for st in fixture["statuses"] + fixture["replies"]:
            self.add_status(st)
        self.rate_limit = 300
        self.remaining = 300

    def add_status(self, status: dict) -> None:
        """Add (or replace) a status; the indexes keep the fake fast for the benchmark's 20,000 items."""
        old = self.statuses.get(status["id"])
        if old is not None:
            for index, key in ((self.children, old.get("in_reply_to_id")), (self.by_account, old["account"])):
                if old in index.get(key, []):
                    index[key].remove(old)
        self.statuses[status["id"]] = status
        if status.get("in_reply_to_id"):
            self.children.setdefault(status["in_reply_to_id"], []).append(status)
        self.by_account.setdefault(status["account"], []).append(status)

    def render(self, s: dict) -> dict:
        out = dict(s)
        ref = s["account"]
        out["account"] = self.accounts[ref[1:]] if isinstance(ref, str) and ref.startswith("@") else ref
        out["replies_count"] = len(self.children.get(s["id"], []))
        return out

    def headers(self) -> dict:
        self.remaining = max(0, self.remaining - 1)
        reset = datetime.now(timezone.utc) + timedelta(minutes=5)
        return {"X-RateLimit-Limit": str(self.rate_limit), "X-RateLimit-Remaining": str(self.remaining),
                "X-RateLimit-Reset": reset.strftime("%Y-%m-%dT%H:%M:%S.%fZ")}

    def handle(self, req: Req) -> Reply:
        if self.token and req.headers.get("Authorization") != f"Bearer {self.token}":
            return json_reply({"error": "The access token is invalid"}, 401)
        reply = self.route(req)
        reply.headers.update(self.headers())
        return reply

    def find_acct(self, acct: str):
        acct = acct.lstrip("@")
        if acct.endswith("@" + self.instance):
            acct = acct[: -len(self.instance) - 1]
        return next((a for a in self.accounts.values() if a["acct"] == acct), None)

    def route(self, req: Req) -> Reply:
        p, q = req.path, req.query
        if p == "/api/v1/accounts/lookup":
            acc = self.find_acct(q.get("acct", ""))
            return json_reply(acc) if acc else json_reply({"error": "Record not found"}, 404)
        m = re.fullmatch(r"/api/v1/accounts/([^/]+)/statuses", p)
        if m:
            if m.group(1) not in self.accounts:
                return json_reply({"error": "Record not found"}, 404)
            mine = list(self.by_account.get("@" + m.group(1), []))
            if q.get("exclude_reblogs") == "true":
                mine = [s for s in mine if not s.get("reblog")]
            mine.sort(key=lambda s: int(s["id"]), reverse=True)  # ids are time-ordered snowflakes
            if "max_id" in q:
                mine = [s for s in mine if int(s["id"]) < int(q["max_id"])]
            if "since_id" in q:
                mine = [s for s in mine if int(s["id"]) > int(q["since_id"])]
            limit = min(int(q.get("limit", 20)), 40)
            chunk = mine[:limit]
            links = []
            base = f"https://{self.instance}{p}"
            if len(mine) > limit:
                links.append(f'<{base}?{urlencode({"limit": limit, "exclude_reblogs": "true", "max_id": chunk[-1]["id"]})}>; rel="next"')
            if chunk:
                links.append(f'<{base}?{urlencode({"limit": limit, "min_id": chunk[0]["id"]})}>; rel="prev"')
            return json_reply([self.render(s) for s in chunk], headers={"Link": ", ".join(links)} if links else {})
        m = re.fullmatch(r"/api/v1/statuses/([^/]+)/context", p)
        if m:
            sid = m.group(1)
            if sid not in self.statuses:
                return json_reply({"error": "Record not found"}, 404)
            out, frontier = [], [sid]
            while frontier:
                parent = frontier.pop(0)
                kids = sorted(self.children.get(parent, []), key=lambda s: int(s["id"]))
                out += kids
                frontier += [k["id"] for k in kids]
            return json_reply({"ancestors": [], "descendants": [self.render(s) for s in out]})
        if p == "/api/v2/search":
            needle = q.get("q", "").lower()
            hits = [a for a in self.accounts.values() if needle in a["acct"].lower() or needle in a["display_name"].lower()]
            return json_reply({"accounts": hits[: int(q.get("limit", 20))], "statuses": [], "hashtags": []})
        return json_reply({"error": "Record not found"}, 404)


# -- Bluesky ---------------------------------------------------------------------------------------

class BlueskyApp:
    def __init__(self, fixture: dict) -> None:
        self.server: FakeServer | None = None
        self.profiles = {p["did"]: p for p in fixture["profiles"]}
        self.posts: dict[str, dict] = {}
        self.children: dict[str, list] = {}
        self.by_author: dict[str, list] = {}
        for post in fixture["posts"] + fixture["replies"]:
            self.add_post(post)
        self.reposts = list(fixture.get("reposts", []))
        self.rate_limit = 3000
        self.remaining = 3000

    def add_post(self, post: dict) -> None:
        self.posts[post["uri"]] = post
        parent = (post["record"].get("reply") or {}).get("parent", {}).get("uri")
        if parent:
            self.children.setdefault(parent, []).append(post)
        self.by_author.setdefault(post["author"], []).append(post)

    def resolve(self, actor: str):
        if actor in self.profiles:
            return self.profiles[actor]
        return next((p for p in self.profiles.values() if p["handle"] == actor), None)

    def basic(self, did: str) -> dict:
        p = self.profiles[did]
        return {k: p[k] for k in ("did", "handle", "displayName", "avatar", "createdAt", "labels") if k in p}

    def view(self, post: dict) -> dict:
        out = dict(post)
        out["author"] = self.basic(post["author"])
        out["replyCount"] = len(self.children.get(post["uri"], []))
        out.setdefault("repostCount", 0)
        out.setdefault("likeCount", 0)
        return out

    def handle(self, req: Req) -> Reply:
        reply = self.route(req)
        self.remaining = max(0, self.remaining - 1)
        reply.headers.update({"RateLimit-Limit": str(self.rate_limit), "RateLimit-Remaining": str(self.remaining),
                              "RateLimit-Reset": str(int(time.time()) + 300), "RateLimit-Policy": f"{self.rate_limit};w=300"})
        return reply

    @staticmethod
    def err(error: str, message: str) -> Reply:
        return json_reply({"error": error, "message": message}, 400)

    def route(self, req: Req) -> Reply:
        p, q = req.path, req.query
        if p == "/xrpc/app.bsky.actor.getProfile":
            prof = self.resolve(q.get("actor", ""))
            return json_reply(prof) if prof else self.err("InvalidRequest", "Profile not found")
        if p == "/xrpc/app.bsky.feed.getAuthorFeed":
            prof = self.resolve(q.get("actor", ""))
            if prof is None:
                return self.err("InvalidRequest", "Profile not found")
            entries = [(post["indexedAt"], post) for post in self.by_author.get(prof["did"], [])]
            for rp in self.reposts:
                if rp["by"] == prof["did"] and rp["post"] in self.posts:
                    entries.append((rp["indexedAt"], rp))
            entries.sort(key=lambda e: e[0], reverse=True)
            start = _dec(q["cursor"]) if q.get("cursor") else 0
            limit = min(int(q.get("limit", 50)), 100)
            chunk = entries[start:start + limit]
            out = {"feed": [self.feed_entry(e[1], prof) for e in chunk]}
            if start + limit < len(entries):
                out["cursor"] = _enc(start + limit)
            return json_reply(out)
        if p == "/xrpc/app.bsky.feed.getPostThread":
            uri = q.get("uri", "")
            if uri not in self.posts:
                return self.err("NotFound", f"Post not found: {uri}")
            depth = int(q.get("depth", 6))
            return json_reply({"thread": self.thread(self.posts[uri], depth)})

        if p == "/xrpc/app.bsky.actor.searchActors":
            needle = q.get("q", "").lower()
            hits = [pr for pr in self.profiles.values() if needle in pr["handle"].lower() or needle in pr.get("displayName", "").lower()]
            return json_reply({"actors": hits[: int(q.get("limit", 25))]})
        return self.err("MethodNotImplemented", "Method Not Implemented")

    def feed_entry(self, post_or_repost: dict, prof: dict) -> dict:
        if "by" in post_or_repost:  # a repost
            return {"post": self.view(self.posts[post_or_repost["post"]]),
                    "reason": {"$type": "app.bsky.feed.defs#reasonRepost", "by": self.basic(prof["did"]),
                               "indexedAt": post_or_repost["indexedAt"]}}
        return {"post": self.view(post_or_repost)}

    def thread(self, post: dict, depth: int) -> dict:
        node = {"$type": "app.bsky.feed.defs#threadViewPost", "post": self.view(post)}
        if depth > 0:
            kids = sorted(self.children.get(post["uri"], []), key=lambda p: p["indexedAt"])
            node["replies"] = [self.thread(k, depth - 1) for k in kids]
        return node


APPS = {"facebook": (FacebookApp, "graph"), "instagram": (InstagramApp, "graph"),
        "mastodon": (MastodonApp, "iso"), "bluesky": (BlueskyApp, "iso")}


def start_fake(platform: str, latency: float = 0.0) -> tuple[FakeServer, object]:
    """A running fake of `platform` loaded with its fixture; returns (server, app)."""
    app_class, time_format = APPS[platform]
    server = FakeServer(None, latency)
    app = app_class(load_fixture(platform, server.url + "/media", time_format))
    app.server = server
    server.app = app
    return server, app
