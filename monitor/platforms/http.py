"""The HTTP mechanics every network adapter shares: one polite, token-safe API client per platform.

Why one module: retries, timeouts, rate-limit pauses, error classification, redaction and streaming
image downloads must behave the same on every platform, so they live here once. The platform modules
only know their endpoints and JSON shapes.

- One `requests.Session` per adapter; every call has a timeout; connection errors and 5xx are retried
  with exponential backoff (jittered).
- Rate limits: HTTP 429 + `Retry-After`, `X-RateLimit-*`/`RateLimit-*` headers (Mastodon, Bluesky) and,
  in `GraphClient`, Graph error codes 4/17/32/613/80001-80014 and the `X-App-Usage` /
  `X-Business-Use-Case-Usage` headers. A platform that asks us to slow down is paused process-wide
  (`RateGate`): every adapter of that platform and host raises `RateLimited` without sending anything
  until the pause ends, while other platforms carry on.
- Tokens never reach a message: URLs are shown without their query string and every text passes
  through `monitor.secrets.redact`.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import random
import socket
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any, Callable, TypeVar
from urllib.parse import parse_qsl, urlsplit

import requests

from monitor.config.model import HttpConfig, ProfileConfig
from monitor.errors import AuthError, MalformedAnswer, PlatformError, RateLimited, UnsafeMedia, Unreachable
from monitor.items import Account, FetchResult, MediaRef
from monitor.platforms.base import Adapter
from monitor.secrets import redact, register

log = logging.getLogger(__name__)
T = TypeVar("T")

MAX_JSON_BYTES = 32_000_000  # an API page larger than this is not a page
SHORT_WAIT = 5.0  # a Retry-After this short is waited out in place instead of pausing the platform
DEFAULT_PAUSE = 60.0  # pause when the platform says "slow down" without saying for how long
GRAPH_DEFAULT_PAUSE = 300.0  # Graph throttling lasts minutes to an hour and gives no Retry-After
USAGE_PAUSE_PERCENT = 95  # Graph usage headers at or above this: stop before the platform stops us


class NotFound(PlatformError):
    """The account or object does not exist (or is not visible) on the platform."""

    kind = "not_found"


class ApiError(PlatformError):
    """An error answer the client does not map to a more specific class (kept for adapters to inspect)."""

    kind = "error"

    def __init__(self, message: str, status: int, code: Any = None, subcode: Any = None) -> None:
        super().__init__(message)
        self.status, self.code, self.subcode = status, code, subcode


def safe_url(url: str) -> str:
    """The URL as shown to people: scheme, host and path only (queries may carry tokens)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "(invalid URL)"
    return redact(f"{parts.scheme}://{parts.netloc}{parts.path}")


def next_params(url: str | None) -> dict[str, str] | None:
    """The query of a platform's `next` link, without credentials, to re-issue against our own base URL.

    Following the query instead of the URL keeps a configured proxy/base_url in use and never sends a
    token to a host the platform named.
    """
    if not url or not isinstance(url, str):
        return None
    try:
        query = parse_qsl(urlsplit(url).query, keep_blank_values=True)
    except ValueError:
        return None
    return {k: v for k, v in query if k.lower() not in ("access_token", "appsecret_proof")}


def parse_time(value: Any) -> datetime | None:
    """An aware datetime from ISO 8601 text ('Z', '+0000', fractions); None stays None.

    Raises ValueError with a short reason for anything else, so the caller can skip the item.
    """
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"timestamp has the wrong type ({type(value).__name__})")
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        dt = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"timestamp {value[:40]!r} is not ISO 8601") from None
    return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)


def time_or_none(value: Any) -> datetime | None:
    """`parse_time`, but None for anything unreadable (for ordering decisions, not for items)."""
    try:
        return parse_time(value)
    except ValueError:
        return None


def _retry_after_seconds(value: str | None, now: float) -> float | None:
    """`Retry-After` is seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - now)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _reset_seconds(value: str | None, now: float) -> float | None:
    """A rate-limit reset: ISO time (Mastodon), epoch seconds (Bluesky) or seconds from now."""
    if not value:
        return None
    value = value.strip()
    try:
        number = float(value)
    except ValueError:
        try:
            return max(0.0, parse_time(value).timestamp() - now)  # type: ignore[union-attr]
        except (ValueError, AttributeError):
            return None
    return max(0.0, number - now) if number > 1_000_000_000 else max(0.0, number)


class RateGate:
    """Process-wide pauses per (platform, host): one profile's 429 pauses that platform for every profile."""

    _lock = threading.Lock()
    _until: dict[tuple[str, str], float] = {}

    @classmethod
    def pause(cls, platform: str, host: str, seconds: float) -> None:
        with cls._lock:
            key = (platform, host)
            cls._until[key] = max(cls._until.get(key, 0.0), time.monotonic() + seconds)

    @classmethod
    def remaining(cls, platform: str, host: str) -> float:
        with cls._lock:
            left = cls._until.get((platform, host), 0.0) - time.monotonic()
        return left if left > 0 else 0.0

    @classmethod
    def clear(cls) -> None:
        """Forget every pause (a new process starts clear; tests and benches call this)."""
        with cls._lock:
            cls._until.clear()


@dataclass
class Answer:
    """A decoded JSON answer and the response headers that came with it."""

    data: Any
    headers: requests.structures.CaseInsensitiveDict
    links: dict
    status: int


class ApiClient:
    """One platform's HTTP client for one profile: a session, auth, retries, limits and redaction.

    `auth_params` go into API query strings (Graph's documented `access_token`), `auth_headers` into
    API request headers (Mastodon's bearer token). Neither is ever sent with an image download.
    """

    backoff_base = 0.5
    backoff_cap = 8.0

    def __init__(self, *, platform: str, base_url: str, http: HttpConfig, profile_name: str,
                 token: str | None = None, token_source: str = "", auth_params: dict | None = None,
                 auth_headers: dict | None = None) -> None:
        self.platform = platform
        self.base_url = base_url.rstrip("/")
        self.http = http
        self.profile_name = profile_name
        self.token_source = token_source
        self.has_token = bool(token)
        if token:
            register(token)
        self.auth_params = auth_params or {}
        self.auth_headers = auth_headers or {}
        self.session = requests.Session()
        self.session.headers["User-Agent"] = http.user_agent
        self.session.headers["Accept"] = "application/json"
        self.session.max_redirects = 5
        self.session.trust_env = True
        self.requests_made = 0
        self.host = urlsplit(self.base_url).netloc or self.base_url

    # -- public ------------------------------------------------------------------------------------
    def get(self, path: str, params: dict | None = None, *, what: str) -> Answer:
        """GET `path` (relative to base_url) and decode JSON; raise the PlatformError family otherwise.

        `what` names the thing being read in messages ("the page feed", "post 123's comments").
        """
        url = f"{self.base_url}/{path.lstrip('/')}" if path else self.base_url + "/"
        query = {**(params or {}), **self.auth_params}
        attempt = 0
        while True:
            self._check_gate()
            attempt += 1
            try:
                resp = self._send(url, query, headers=self.auth_headers, stream=True)
            except _Transient as exc:
                if attempt <= self.http.retries:
                    self._backoff(attempt, f"{what}: {exc}")
                    continue
                raise Unreachable(self._msg(f"could not read {what}: {exc} (after {attempt} attempts)")) from None
            try:
                return self._handle(resp, what)
            except _Transient as exc:
                if attempt <= self.http.retries:
                    self._backoff(attempt, f"{what}: {exc}", exc.wait)
                    continue
                raise Unreachable(self._msg(f"could not read {what}: {exc} (after {attempt} attempts)")) from None
            except _WaitAndRetry as exc:
                if attempt <= self.http.retries:
                    log.info("%s: %s asked to wait %.1f s; waiting", self.platform, self.host, exc.seconds)
                    time.sleep(exc.seconds)
                    continue
                RateGate.pause(self.platform, self.host, max(exc.seconds, DEFAULT_PAUSE))
                raise RateLimited(self._msg(f"{self.platform} keeps asking us to slow down while reading {what}; "
                                            f"{self.platform} is paused, other platforms carry on"), exc.seconds) from None
            finally:
                resp.close()

    def fetch_media(self, media: MediaRef, max_bytes: int) -> bytes:
        """Download one image, streaming, refusing non-http(s), non-images and more than `max_bytes`."""
        url = media.url or ""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise UnsafeMedia(f"image address {safe_url(url) if url else '(none)'} is not http or https: refused")
        self._check_media_host(parts.hostname or "")
        shown = safe_url(url)
        attempt = 0
        while True:
            attempt += 1
            if RateGate.remaining(self.platform, parts.netloc):
                raise Unreachable(f"image {shown}: {parts.netloc} asked us to slow down; try again on the next run")
            try:
                resp = self._send(url, {}, headers={"Accept": "image/*"}, stream=True)
            except _Transient as exc:
                if attempt <= self.http.retries:
                    self._backoff(attempt, f"image {shown}: {exc}")
                    continue
                raise Unreachable(f"image {shown} could not be downloaded: {exc}") from None
            try:
                if resp.status_code >= 500 and attempt <= self.http.retries:
                    self._backoff(attempt, f"image {shown}: HTTP {resp.status_code}")
                    continue
                if resp.status_code == 429:
                    wait = _retry_after_seconds(resp.headers.get("Retry-After"), time.time()) or DEFAULT_PAUSE
                    RateGate.pause(self.platform, parts.netloc, wait)
                    raise Unreachable(f"image {shown}: {parts.netloc} asked us to slow down; try again on the next run")
                if resp.status_code != 200:
                    raise Unreachable(f"image {shown} could not be downloaded (HTTP {resp.status_code})")
                return self._read_image(resp, shown, max_bytes)
            finally:
                resp.close()

    def close(self) -> None:
        self.session.close()

    # -- internals ---------------------------------------------------------------------------------
    def _msg(self, text: str) -> str:
        return redact(f"profile {self.profile_name!r}: {text}")

    def _check_gate(self) -> None:
        left = RateGate.remaining(self.platform, self.host)
        if left:
            resume = datetime.now(timezone.utc).timestamp() + left
            raise RateLimited(self._msg(
                f"{self.platform} ({self.host}) asked us to slow down; it is paused for another {left:.0f} s "
                f"(until {datetime.fromtimestamp(resume, timezone.utc):%H:%M} UTC), other platforms carry on"), left)

    def _send(self, url: str, params: dict, *, headers: dict, stream: bool) -> requests.Response:
        """One HTTP request; network failures become `_Transient` with a token-free reason."""
        self.requests_made += 1
        try:
            return self.session.get(url, params=params, headers=headers, timeout=self.http.timeout,
                                    stream=stream, allow_redirects=True)
        except requests.TooManyRedirects:
            raise Unreachable(self._msg(f"{safe_url(url)} redirects in a loop (more than "
                                        f"{self.session.max_redirects} redirects); check base_url")) from None
        except (requests.exceptions.InvalidSchema, requests.exceptions.InvalidURL, requests.exceptions.MissingSchema):
            raise Unreachable(self._msg(f"{safe_url(url)} is not an address that can be read over HTTP")) from None
        except requests.Timeout:
            raise _Transient(f"no answer from {urlsplit(url).netloc} within {self.http.timeout:g} s") from None
        except requests.ConnectionError as exc:
            raise _Transient(f"could not connect to {urlsplit(url).netloc} ({_connection_reason(exc)})") from None
        except requests.RequestException as exc:
            raise _Transient(f"request to {urlsplit(url).netloc} failed ({type(exc).__name__})") from None

    def _backoff(self, attempt: int, why: str, wait: float | None = None) -> None:
        delay = wait if wait is not None else min(self.backoff_cap, self.backoff_base * 2 ** (attempt - 1))
        delay *= 0.75 + random.random() / 2
        log.info("%s: %s; retrying in %.1f s", self.platform, redact(why), delay)
        time.sleep(delay)

    def _handle(self, resp: requests.Response, what: str) -> Answer:
        status = resp.status_code
        now = time.time()
        self._note_rate_headers(resp, now)
        body = self._read_body(resp, what)
        data = None
        if body:
            try:
                data = json.loads(body)
            except (UnicodeDecodeError, ValueError) as exc:
                data = _NotJson(exc)
        if isinstance(data, _NotJson) and status < 400:
            raise MalformedAnswer(self._msg(f"{what}: {self._not_json_reason(resp, body, data.exc)}"))
        self._platform_errors(resp, data, what)  # Graph: errors and limits inside the JSON body
        if status == 429:
            wait = _retry_after_seconds(resp.headers.get("Retry-After"), now)
            if wait is None:
                wait = self._reset_from_headers(resp, now)
            if wait is not None and wait <= SHORT_WAIT:
                raise _WaitAndRetry(wait)
            wait = wait if wait is not None else DEFAULT_PAUSE
            RateGate.pause(self.platform, self.host, wait)
            raise RateLimited(self._msg(f"{self.platform} answered 'too many requests' while reading {what}; "
                                        f"{self.platform} is paused for {wait:.0f} s, other platforms carry on"), wait)
        if status >= 500:
            raise _Transient(f"{self.host} answered HTTP {status}",
                             wait=_retry_after_seconds(resp.headers.get("Retry-After"), now))
        if status == 401:
            raise AuthError(self._auth_message(_error_text(data)))
        if status == 403:
            raise AuthError(self._msg(f"{self.platform} refused access to {what} (HTTP 403"
                                      f"{': ' + _error_text(data) if _error_text(data) else ''}); check that the "
                                      f"account is public or that the token has the permissions listed in docs/platforms.md"))
        if status == 404 or status == 410:
            raise NotFound(self._msg(f"{what} was not found on {self.platform} (HTTP {status})"))
        if status >= 400:
            detail = _error_text(data)
            code = data.get("error") if isinstance(data, dict) and isinstance(data.get("error"), str) else None
            raise ApiError(self._msg(f"{self.platform} refused to give {what} (HTTP {status}"
                                     f"{': ' + detail if detail else ''})"), status, code)
        if status != 200 and status != 203:
            raise MalformedAnswer(self._msg(f"{what}: unexpected HTTP {status} instead of a JSON answer"))
        if data is None:
            raise MalformedAnswer(self._msg(f"{what}: the answer was empty"))
        return Answer(data=data, headers=resp.headers, links=resp.links or {}, status=status)

    def _read_body(self, resp: requests.Response, what: str) -> bytes:
        chunks, size = [], 0
        try:
            for chunk in resp.iter_content(65536):
                size += len(chunk)
                if size > MAX_JSON_BYTES:
                    raise MalformedAnswer(self._msg(f"{what}: the answer is larger than {MAX_JSON_BYTES // 1_000_000} MB"))
                chunks.append(chunk)
        except requests.RequestException as exc:
            raise _Transient(f"the answer from {self.host} was cut off ({type(exc).__name__})") from None
        return b"".join(chunks)

    @staticmethod
    def _not_json_reason(resp: requests.Response, body: bytes, exc: Exception) -> str:
        ctype = resp.headers.get("Content-Type", "").split(";")[0].strip() or "no content type"
        head = body[:200].lstrip().lower()
        if "html" in ctype or head.startswith((b"<!doctype", b"<html", b"<")):
            return f"the server answered with an HTML page ({ctype}) instead of JSON: a proxy or error page?"
        if isinstance(exc, json.JSONDecodeError) and exc.pos >= len(body.rstrip()) - 1:
            return f"the JSON answer is cut off after {len(body)} bytes (truncated)"
        return f"the answer is not valid JSON ({ctype}, {len(body)} bytes)"

    def _auth_message(self, detail: str) -> str:
        if not self.has_token:
            return self._msg(f"{self.platform} ({self.host}) requires an access token for this profile; "
                             f"create one and name it in the profile's token_env or token_file")
        where = self.token_source or "the profile's token_env/token_file"
        return self._msg(f"the access token was rejected (expired or revoked){': ' + detail if detail else ''}; "
                         f"create a new token and update {where}")

    def _note_rate_headers(self, resp: requests.Response, now: float) -> None:
        """Pause before the platform has to say 429: Mastodon X-RateLimit-*, Bluesky RateLimit-*."""
        h = resp.headers
        remaining = h.get("X-RateLimit-Remaining") or h.get("RateLimit-Remaining")
        if remaining is None:
            return
        try:
            left = int(float(remaining))
            limit = int(float(h.get("X-RateLimit-Limit") or h.get("RateLimit-Limit") or 0))
        except ValueError:
            return
        reserve = max(1, limit // 100)
        if left < reserve:
            wait = self._reset_from_headers(resp, now)
            wait = wait if wait is not None else DEFAULT_PAUSE
            if wait > 0:
                log.warning("%s: only %d requests left in the rate-limit window; pausing %s for %.0f s",
                            self.platform, left, self.platform, wait)
                RateGate.pause(self.platform, self.host, wait)

    @staticmethod
    def _reset_from_headers(resp: requests.Response, now: float) -> float | None:
        return _reset_seconds(resp.headers.get("X-RateLimit-Reset") or resp.headers.get("RateLimit-Reset"), now)

    def _platform_errors(self, resp: requests.Response, data: Any, what: str) -> None:
        """Hook for platforms that report errors inside 200 answers or in custom headers."""

    def _check_media_host(self, hostname: str) -> None:
        """Refuse images on loopback/private addresses unless the API itself lives there (tests, LAN)."""
        if _is_private_host(urlsplit(self.base_url).hostname or "", resolve=False):
            return
        if _is_private_host(hostname, resolve=True):
            raise UnsafeMedia(f"image host {hostname!r} is a private or local address: refused")

    @staticmethod
    def _read_image(resp: requests.Response, shown: str, max_bytes: int) -> bytes:
        ctype = resp.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if not ctype.startswith("image/") and ctype not in ("application/octet-stream", "binary/octet-stream"):
            raise UnsafeMedia(f"image {shown} is not an image (content type {ctype or 'missing'}): refused")
        declared = resp.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > max_bytes:
            raise UnsafeMedia(f"image {shown} is {int(declared):,} bytes, over the {max_bytes:,}-byte limit: refused")
        chunks, size = [], 0
        try:
            for chunk in resp.iter_content(65536):
                size += len(chunk)
                if size > max_bytes:
                    raise UnsafeMedia(f"image {shown} is over the {max_bytes:,}-byte limit: refused")
                chunks.append(chunk)
        except requests.RequestException as exc:
            raise Unreachable(f"image {shown}: download cut off ({type(exc).__name__})") from None
        if not size:
            raise UnsafeMedia(f"image {shown} is empty: refused")
        return b"".join(chunks)


class GraphClient(ApiClient):
    """Graph API (Facebook Pages, Instagram): errors arrive as {"error": {message, type, code,
    error_subcode, fbtrace_id}} and usage as JSON percentages in response headers."""

    AUTH_CODES = {102, 190, 463, 467}
    PERMISSION_CODES = {10} | set(range(200, 300))
    RATE_CODES = {4, 17, 32, 613} | set(range(80000, 80015))
    TRANSIENT_CODES = {1, 2}
    NOT_FOUND = {803}

    def _platform_errors(self, resp: requests.Response, data: Any, what: str) -> None:
        now = time.time()
        usage_wait = self._usage_pause(resp)
        err = data.get("error") if isinstance(data, dict) else None
        if not isinstance(err, dict):
            if usage_wait:
                RateGate.pause(self.platform, self.host, usage_wait)
            return
        code, sub = err.get("code"), err.get("error_subcode")
        detail = _error_text(data)
        if code in self.AUTH_CODES:
            raise AuthError(self._auth_message(detail))
        if code in self.RATE_CODES:
            wait = usage_wait or _retry_after_seconds(resp.headers.get("Retry-After"), now) or GRAPH_DEFAULT_PAUSE
            RateGate.pause(self.platform, self.host, wait)
            raise RateLimited(self._msg(f"{self.platform} reports its rate limit is reached (code {code}) while "
                                        f"reading {what}; {self.platform} is paused for {wait / 60:.0f} min, "
                                        f"other platforms carry on"), wait)
        if code in self.PERMISSION_CODES:
            raise AuthError(self._msg(f"the access token lacks a permission needed to read {what} (code {code}: "
                                      f"{detail}); grant it (see docs/platforms.md) and update "
                                      f"{self.token_source or 'the token'}"))
        if code in self.TRANSIENT_CODES:
            raise _Transient(f"{self.platform} reports a temporary problem (code {code})")
        if code in self.NOT_FOUND or (code in (100, 110) and sub in (33, 2207013)):
            raise NotFound(self._msg(f"{what} was not found on {self.platform} ({detail})"))
        if resp.status_code >= 500:
            raise _Transient(f"{self.host} answered HTTP {resp.status_code} (code {code})")
        raise ApiError(self._msg(f"{self.platform} refused to give {what} (code {code}: {detail})"),
                       resp.status_code, code, sub)

    def edge(self, path: str, params: dict, first: Any, what: str, max_pages: int):
        """Every entry of a Graph edge: its embedded first page `first` ({"data", "paging"}), then the
        `paging.next` pages, re-issued against `path`. Raises ValueError when a page is not in shape."""
        data, nxt = graph_page(first, what)
        yield from data
        pages = 1
        while nxt and pages < max(1, max_pages):
            answer = self.get(path, {**params, **nxt}, what=what)
            data, nxt = graph_page(answer.data, what)
            pages += 1
            yield from data

    def _usage_pause(self, resp: requests.Response) -> float | None:
        """Seconds to pause when X-App-Usage / X-Business-Use-Case-Usage report a limit nearly used."""
        worst, regain = 0.0, 0.0
        for name in ("X-App-Usage", "X-Business-Use-Case-Usage", "X-Page-Usage", "X-Ad-Account-Usage"):
            raw = resp.headers.get(name)
            if not raw:
                continue
            try:
                parsed = json.loads(raw)
            except ValueError:
                continue
            for entry in _usage_entries(parsed):
                for key in ("call_count", "total_cputime", "total_time", "acc_id_util_pct"):
                    value = entry.get(key)
                    if isinstance(value, (int, float)) and not isinstance(value, bool):
                        worst = max(worst, float(value))
                minutes = entry.get("estimated_time_to_regain_access")
                if isinstance(minutes, (int, float)) and not isinstance(minutes, bool):
                    regain = max(regain, float(minutes) * 60)
        if worst >= USAGE_PAUSE_PERCENT:
            wait = regain or GRAPH_DEFAULT_PAUSE
            log.warning("%s: usage at %.0f%% of the platform's limit; pausing %s for %.0f min",
                        self.platform, worst, self.platform, wait / 60)
            return wait
        return None


def graph_page(container: Any, what: str) -> tuple[list, dict | None]:
    """(entries, next-page query) of a Graph edge page {"data": [...], "paging": {"cursors", "next"}}."""
    if container is None:
        return [], None
    page = need_dict(container, what)
    data = need_list(page.get("data"), f"{what} 'data'")
    paging = page.get("paging")
    return data, next_params(paging.get("next")) if isinstance(paging, dict) else None


def _usage_entries(parsed: Any) -> list[dict]:
    if isinstance(parsed, dict) and any(k in parsed for k in ("call_count", "total_cputime", "total_time")):
        return [parsed]
    out: list[dict] = []
    if isinstance(parsed, dict):
        for value in parsed.values():
            if isinstance(value, list):
                out += [v for v in value if isinstance(v, dict)]
            elif isinstance(value, dict):
                out.append(value)
    return out


class _Transient(Exception):
    """Worth retrying: network failure, 5xx, Graph codes 1/2."""

    def __init__(self, reason: str, wait: float | None = None) -> None:
        super().__init__(reason)
        self.wait = wait if wait is not None and wait <= 30 else None


class _WaitAndRetry(Exception):
    def __init__(self, seconds: float) -> None:
        super().__init__(f"wait {seconds}")
        self.seconds = seconds


@dataclass
class _NotJson:
    exc: Exception


def _error_text(data: Any) -> str:
    """The platform's own error message (Graph: error.message; Mastodon: error; XRPC: message), redacted."""
    if not isinstance(data, dict):
        return ""
    err = data.get("error")
    if isinstance(err, dict):
        text = err.get("message") or err.get("type") or ""
    elif isinstance(data.get("message"), str):
        text = f"{err}: {data['message']}" if isinstance(err, str) else data["message"]
    else:
        text = err if isinstance(err, str) else ""
    if isinstance(data.get("error_description"), str):
        text = f"{text} ({data['error_description']})"
    return redact(str(text))[:300]


def _connection_reason(exc: Exception) -> str:
    text = str(exc).lower()
    for needle, reason in (("refused", "connection refused"), ("name or service", "host name not found"),
                           ("nodename nor servname", "host name not found"), ("temporary failure in name", "host name not found"),
                           ("reset", "connection reset"), ("certificate", "TLS certificate problem"),
                           ("ssl", "TLS problem"), ("timed out", "timed out"), ("remotedisconnected", "connection closed"),
                           ("connection aborted", "connection closed")):
        if needle in text:
            return reason
    return type(exc).__name__


def _is_private_host(hostname: str, *, resolve: bool) -> bool:
    if not hostname:
        return False
    if hostname == "localhost" or hostname.endswith(".localhost"):
        return True
    addresses: list[str] = []
    try:
        addresses = [str(ipaddress.ip_address(hostname.strip("[]")))]
    except ValueError:
        if resolve:
            try:
                addresses = [info[4][0] for info in socket.getaddrinfo(hostname, None)]
            except (OSError, UnicodeError):
                return False
    for addr in addresses:
        ip = ipaddress.ip_address(addr.split("%")[0])
        if ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_unspecified:
            return True
    return False


# -- shared adapter mechanics ----------------------------------------------------------------------

def need_dict(value: Any, what: str) -> dict:
    if not isinstance(value, dict):
        raise ValueError(f"{what} is not a JSON object ({_type(value)})")
    return value


def need_list(value: Any, what: str) -> list:
    if not isinstance(value, list):
        raise ValueError(f"{what} is not a JSON array ({_type(value)})")
    return value


def need_str(obj: dict, key: str) -> str:
    value = obj.get(key)
    if value is None or value == "":
        raise ValueError(f"field {key!r} is missing")
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ValueError(f"field {key!r} has the wrong type ({_type(value)})")
    return str(value)


def opt_str(obj: dict, key: str) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"field {key!r} has the wrong type ({_type(value)})")
    return value


def opt_int(obj: dict, key: str) -> int | None:
    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"field {key!r} has the wrong type ({_type(value)})")
    return value


def _type(value: Any) -> str:
    return "null" if value is None else {dict: "object", list: "array", str: "text", bool: "boolean"}.get(type(value), type(value).__name__)


class Tracker:
    """The cursor's memory of recent top-level posts, so later runs find new comments cheaply.

    Each entry holds a platform-chosen `state` (e.g. [reply count, edit time]); a post whose state
    changed is read again. Entries older than `watch_days` are dropped, and at most `cap` are kept, so
    the cursor stays small. `due()` picks the posts whose threads were checked longest ago, for the
    platforms whose counters do not show replies to replies.
    """

    cap = 300

    def __init__(self, stored: Any, watch_days: int) -> None:
        self.watch_seconds = max(0, watch_days) * 86400
        self.entries: dict[str, dict] = {}
        if isinstance(stored, dict):
            for key, entry in stored.items():
                if isinstance(key, str) and isinstance(entry, dict):
                    self.entries[key] = entry

    def known(self, item_id: str) -> bool:
        return item_id in self.entries

    def state(self, item_id: str) -> Any:
        entry = self.entries.get(item_id)
        return entry.get("s") if entry else None

    def changed(self, item_id: str, state: list) -> bool:
        return self.state(item_id) != json.loads(json.dumps(state))

    def record(self, item_id: str, state: list, created: datetime | None, *, checked: bool = False) -> None:
        entry = self.entries.setdefault(item_id, {"c": 0})
        entry["s"] = json.loads(json.dumps(state))
        entry["t"] = int(created.timestamp()) if created else int(time.time())
        if checked:
            entry["c"] = int(time.time())

    def mark_checked(self, item_id: str) -> None:
        if item_id in self.entries:
            self.entries[item_id]["c"] = int(time.time())

    def due(self, count: int, wanted, exclude: set[str], min_age: float = 0) -> list[str]:
        """Up to `count` watched posts (within the window) whose thread was checked longest ago, and not
        within the last `min_age` seconds."""
        now = time.time()
        pool = [(e.get("c", 0), k) for k, e in self.entries.items()
                if k not in exclude and now - e.get("t", 0) <= self.watch_seconds and now - e.get("c", 0) >= min_age
                and wanted(e.get("s"))]
        return [k for _, k in sorted(pool)[:count]]

    def dump(self) -> dict:
        now = time.time()
        fresh = [(e.get("t", 0), k) for k, e in self.entries.items() if now - e.get("t", 0) <= self.watch_seconds]
        keep = {k for _, k in sorted(fresh, reverse=True)[: self.cap]}
        return {k: e for k, e in self.entries.items() if k in keep}


def walk_pages(fetch_page, *, first_run: bool, is_old, max_pages: int):
    """Yield the entries of newest-first pages; after the first run, stop after the first page that
    reaches something already seen (`is_old(entry)`), so a quiet run reads one page.

    `fetch_page(token)` returns (entries, next_token or None); token None is the first page.
    """
    token, pages = None, 0
    while pages < max(1, max_pages):
        entries, token = fetch_page(token)
        pages += 1
        reached_old = False
        for entry in entries:
            if not first_run and is_old(entry):
                reached_old = True
            yield entry
        if reached_old or not token or not entries:
            return
    log.info("stopped after %d pages (http.max_pages)", pages)


class NetworkAdapter(Adapter):
    """What the network adapters share: their client, reading accounts, media downloads, skipping, closing."""

    client_class: type[ApiClient] = ApiClient

    def __init__(self, profile: ProfileConfig, token: str | None, http: HttpConfig) -> None:
        super().__init__(profile, token, http)
        source = (profile.token_env and f"the environment variable {profile.token_env}") or \
                 (profile.token_file and f"the credential file {profile.token_file!r}") or ""
        self.client = self.client_class(platform=self.name, base_url=self.base_url, http=http, profile_name=profile.name,
                                        token=token, token_source=source, **self.auth(token))

    def auth(self, token: str | None) -> dict:
        """{'auth_params': {...}} or {'auth_headers': {...}} for this platform's API calls."""
        return {}

    def parse_account(self, raw: Any) -> Account:
        """An account in the platform's shape as an `Account`; ValueError when it is not in shape."""
        raise NotImplementedError

    def shaped(self, what: str, parse: Callable[[Any], T], raw: Any) -> T:
        """`parse(raw)`, or MalformedAnswer naming `what` when the answer is not in the documented shape."""
        try:
            return parse(raw)
        except ValueError as exc:
            raise self.malformed(what, str(exc)) from None

    def lookup(self, what: str, read: Callable[[], Answer]) -> Account | None:
        """The account `read()` answers with; None when the platform says there is no such account."""
        try:
            answer = read()
        except NotFound:
            return None
        return self.shaped(what, self.parse_account, answer.data)

    def search_results(self, found: list, limit: int) -> list[Account]:
        """The accounts of a search answer, at most `limit`; one not in shape is logged and left out."""
        accounts = []
        for raw in found:
            try:
                accounts.append(self.parse_account(raw))
            except ValueError as exc:
                log.warning("profile %s: search result skipped: %s", self.profile.name, exc)
        return accounts[:limit]

    def fetch_media(self, media: MediaRef, max_bytes: int) -> bytes:
        return self.client.fetch_media(media, max_bytes)

    def close(self) -> None:
        self.client.close()

    def skip(self, result: FetchResult, what: str, reason: str) -> None:
        text = redact(f"{self.name} {what}: {reason}")
        result.skipped.append(text)
        log.warning("profile %s: skipped %s", self.profile.name, text)

    def malformed(self, what: str, reason: str) -> MalformedAnswer:
        return MalformedAnswer(redact(f"profile {self.profile.name!r}: {what} is not in {self.name}'s documented shape: {reason}"))
