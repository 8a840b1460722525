"""A loopback fake Mastodon for the multi-worker tests and benchmark (no pytest needed).

Answers in Mastodon's documented shapes: GET /api/v1/accounts/lookup, /api/v1/accounts/:id/statuses and
/api/v1/statuses/:id/context and /api/v2/search (always empty), and counts every request by kind and account.
"""

from __future__ import annotations

import json
import re
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


@dataclass
class FakeMastodon:
    """Answers in Mastodon's documented shapes: accounts/lookup, accounts/:id/statuses, statuses/:id/context.

    Every account `clinicN` has one promotional post of its own and one post whose reply is a crisis
    message, so each profile yields findings. `latency` seconds are added to every answer; `hang_once`
    names accounts whose first statuses request waits `hang_seconds` (a worker can be killed mid-job).
    """

    latency: float = 0.0
    hang_once: set[str] = field(default_factory=set)
    hang_seconds: float = 30.0
    images: dict[str, bytes] = field(default_factory=dict)  # served at /media/NAME
    attachments: list[str] = field(default_factory=list)  # image NAMEs attached to every open-evening post
    requests: list[tuple[str, str]] = field(default_factory=list)  # (kind, account)
    lock: threading.Lock = field(default_factory=threading.Lock)
    base_url: str = ""

    def count(self, kind: str, account: str | None = None) -> int:
        with self.lock:
            return sum(1 for k, a in self.requests if k == kind and (account is None or a == account))

    def per_account(self, kind: str) -> dict[str, int]:
        out: dict[str, int] = {}
        with self.lock:
            for k, a in self.requests:
                if k == kind:
                    out[a] = out.get(a, 0) + 1
        return out

    # the documented shapes ------------------------------------------------------------------------------
    def account(self, name: str) -> dict:
        n = int(name.removeprefix("clinic"))
        return {"id": str(1000 + n), "username": name, "acct": name, "display_name": f"Clinic {n}",
                "note": "<p>Counselling practice</p>", "avatar": None, "url": f"{self.base_url}/@{name}",
                "created_at": "2020-01-01T00:00:00.000Z", "followers_count": 10}

    def statuses(self, name: str) -> list[dict]:
        acc = self.account(name)
        return [
            {"id": f"{acc['id']}02", "created_at": "2026-11-20T10:00:00.000Z", "in_reply_to_id": None,
             "content": "<p>Thank you all for coming to our open evening.</p>", "spoiler_text": "",
             "url": f"{self.base_url}/@{name}/{acc['id']}02", "replies_count": 1, "edited_at": None,
             "media_attachments": [{"id": f"{acc['id']}{k}", "type": "image", "url": f"{self.base_url}/media/{img}",
                                    "description": None} for k, img in enumerate(self.attachments)],
             "account": acc, "reblog": None},
            {"id": f"{acc['id']}01", "created_at": "2026-11-19T10:00:00.000Z", "in_reply_to_id": None,
             "content": "<p>Book now! 50% off all sessions this week only, limited spaces, use code CALM50 "
                        "at checkout and buy our detox supplement that cures anxiety.</p>",
             "spoiler_text": "", "url": f"{self.base_url}/@{name}/{acc['id']}01", "replies_count": 0,
             "edited_at": None, "media_attachments": [], "account": acc, "reblog": None},
        ]

    def context(self, status_id: str) -> dict:
        account_id = status_id[:-2]
        name = f"clinic{int(account_id) - 1000}"
        visitor = {"id": "9" + account_id, "username": "visitor", "acct": "visitor@elsewhere.example",
                   "display_name": "A visitor", "note": "", "avatar": None, "url": "https://elsewhere.example/@visitor",
                   "created_at": "2021-01-01T00:00:00.000Z", "followers_count": 1}
        return {"ancestors": [], "descendants": [
            {"id": f"{status_id}9", "created_at": "2026-11-20T11:00:00.000Z", "in_reply_to_id": status_id,
             "content": "<p>I can't go on any more, I want to end my life tonight.</p>", "spoiler_text": "",
             "url": f"https://elsewhere.example/@visitor/{status_id}9", "replies_count": 0, "edited_at": None,
             "media_attachments": [], "account": visitor, "reblog": None}]}


def _handler(fake: FakeMastodon):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # quiet
            pass

        def _send(self, status: int, body) -> None:
            data = json.dumps(body).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except OSError:  # the client went away (a killed worker)
                pass

        def do_GET(self):
            parts = urlsplit(self.path)
            query = parse_qs(parts.query)
            path = parts.path.rstrip("/")
            if fake.latency:
                time.sleep(fake.latency)
            if path.startswith("/media/") and path[len("/media/"):] in fake.images:
                data = fake.images[path[len("/media/"):]]
                with fake.lock:
                    fake.requests.append(("media", path))
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
                return
            if path == "/api/v1/accounts/lookup":
                name = (query.get("acct") or [""])[0]
                with fake.lock:
                    fake.requests.append(("lookup", name))
                if not re.fullmatch(r"clinic\d+", name):
                    return self._send(404, {"error": "Record not found"})
                return self._send(200, fake.account(name))
            m = re.fullmatch(r"/api/v1/accounts/(\d+)/statuses", path)
            if m:
                name = f"clinic{int(m.group(1)) - 1000}"
                with fake.lock:
                    fake.requests.append(("statuses", name))
                    hang = name in fake.hang_once
                    fake.hang_once.discard(name)
                if hang:
                    time.sleep(fake.hang_seconds)
                return self._send(200, fake.statuses(name))
            m = re.fullmatch(r"/api/v1/statuses/(\d+)/context", path)
            if m:
                with fake.lock:
                    fake.requests.append(("context", m.group(1)))
                return self._send(200, fake.context(m.group(1)))
            if path == "/api/v2/search":  # account search: nobody looks like the practice here
                with fake.lock:
                    fake.requests.append(("search", (query.get("q") or [""])[0]))
                return self._send(200, {"accounts": [], "statuses": [], "hashtags": []})
            return self._send(404, {"error": "Not found"})

    return Handler




def serve(latency: float = 0.0):
    """Start a fake on a free loopback port: returns (fake, stop)."""
    fake = FakeMastodon(latency=latency)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(fake))
    server.daemon_threads = True
    server.request_queue_size = 128
    fake.base_url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def stop() -> None:
        server.shutdown()
        server.server_close()

    return fake, stop
