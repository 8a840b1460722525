"""Bluesky (public AppView XRPC): an account's posts, the replies under them, profiles and actor search.

No token is needed: the public AppView (https://public.api.bsky.app) serves everything read here.

Incremental reading: `app.bsky.feed.getAuthorFeed` is newest first with an opaque cursor; a later run
stops at the first page that reaches a post already seen, so a quiet run reads one page plus the
profile. A post whose `replyCount` changed gets its thread read (`app.bsky.feed.getPostThread`);
replies to replies do not change the post's count, so each run also re-reads the thread of one watched
post, the one checked longest ago. Bluesky posts cannot be edited.
"""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urlsplit

from monitor.items import Account, Item, MediaRef
from monitor.platforms.feed import FeedAdapter, FeedRun, PageReader
from monitor.platforms.http import (ApiError, NotFound, need_dict, need_list, need_str, opt_int, opt_str, parse_time,
                                    time_or_none)

APP_URL = "https://bsky.app"


class BlueskyAdapter(FeedAdapter):
    name = "bluesky"
    default_base_url = "https://public.api.bsky.app"
    account_help = "the account's handle, e.g. 'practice.bsky.social' (or its did:plc:... identifier)"
    token_required = False
    supports_search = True
    supports_lookup = True
    report_route = ("On the account's profile open the ⋯ menu, choose 'Report account' and pick the reason for "
                    "impersonation (misleading account); Bluesky's moderation team reviews it. "
                    "https://bsky.social/about/support/community-guidelines")
    page_size = 100
    thread_depth = 20
    cursor_owner = "did"
    id_field = "uri"
    time_field = "indexedAt"  # when the AppView saw the post: createdAt is whatever the client wrote

    def _xrpc(self, method: str, params: dict, what: str):
        try:
            return self.client.get(f"xrpc/{method}", params, what=what)
        except ApiError as exc:
            # XRPC answers 400 {"error": "InvalidRequest"|"NotFound", "message": "Profile not found"} for absent things.
            if exc.status == 400 and (exc.code in ("NotFound", "ActorNotFound") or "not found" in str(exc).lower()):
                raise NotFound(str(exc)) from None
            raise

    # -- accounts ----------------------------------------------------------------------------------
    def parse_account(self, raw) -> Account:
        a = need_dict(raw, "profile")
        handle = need_str(a, "handle")
        return Account(platform=self.name, handle=handle, id=need_str(a, "did"), display_name=opt_str(a, "displayName"),
                       bio=opt_str(a, "description"), avatar_url=opt_str(a, "avatar"), url=f"{APP_URL}/profile/{handle}",
                       created_at=parse_time(a.get("createdAt")), followers=opt_int(a, "followersCount"))

    def fetch_profile(self) -> Account:
        actor = self.profile.account.strip().lstrip("@")
        try:
            answer = self._xrpc("app.bsky.actor.getProfile", {"actor": actor}, f"profile {actor!r}")
        except NotFound:
            raise NotFound(f"profile {self.profile.name!r}: the Bluesky account {actor!r} was not found; "
                           f"check account in the config") from None
        return self.shaped("the profile", self.parse_account, answer.data)

    def lookup_account(self, handle: str) -> Account | None:
        actor = handle.strip().lstrip("@")
        return self.lookup(f"profile {actor!r}",
                           lambda: self._xrpc("app.bsky.actor.getProfile", {"actor": actor}, f"profile {actor!r}"))

    def search_accounts(self, query: str, limit: int = 20) -> list[Account]:
        answer = self._xrpc("app.bsky.actor.searchActors", {"q": query, "limit": max(1, min(limit, 100))}, "the account search")
        actors = answer.data.get("actors") if isinstance(answer.data, dict) else None
        if not isinstance(actors, list):
            raise self.malformed("the account search", "'actors' is not an array")
        return self.search_results(actors, limit)

    # -- posts -------------------------------------------------------------------------------------
    def _item(self, raw, kind: str | None, own_did: str) -> Item:
        post = need_dict(raw, "post")
        uri = need_str(post, "uri")
        author = self.parse_account(post.get("author"))
        record = need_dict(post.get("record"), "record")
        text = record.get("text", "")
        if not isinstance(text, str):
            raise ValueError("field 'record.text' has the wrong type")
        text = _with_links(text, record, post.get("embed"))
        parent = None
        reply = record.get("reply")
        if reply is not None:
            parent = need_str(need_dict(need_dict(reply, "record.reply").get("parent"), "record.reply.parent"), "uri")
        created = parse_time(record.get("createdAt")) or parse_time(post.get("indexedAt"))
        if created is None:
            raise ValueError("field 'record.createdAt' is missing")
        rkey = uri.rstrip("/").rsplit("/", 1)[-1]
        return Item(platform=self.name, id=uri, kind=kind or ("reply" if parent else "post"), author=author,
                    is_official=author.id == own_did, text=text, created_at=created,
                    url=f"{APP_URL}/profile/{author.handle}/post/{rkey}", media=tuple(_images(post.get("embed"))),
                    parent_id=parent, extra={"reply_count": opt_int(post, "replyCount") or 0,
                                             "indexed_at": opt_str(post, "indexedAt")})

    def open_feed(self) -> tuple[Account, PageReader]:
        official = self.fetch_profile()

        def page(token):
            params = {"actor": official.id or "", "limit": self.page_size, "filter": "posts_with_replies"}
            if token:
                params["cursor"] = token
            answer = self._xrpc("app.bsky.feed.getAuthorFeed", params, "the account's posts")
            feed = answer.data.get("feed") if isinstance(answer.data, dict) else None
            if not isinstance(feed, list):
                raise self.malformed("the author feed", "'feed' is missing or not an array")
            nxt = answer.data.get("cursor")
            return feed, nxt if isinstance(nxt, str) and nxt else None

        return official, page

    def entry_key(self, entry):
        post = entry.get("post") if isinstance(entry, dict) else None
        return super().entry_key(post)  # a feed entry wraps the post view

    def read_post(self, run: FeedRun, entry) -> Item | None:
        reason = entry.get("reason") if isinstance(entry, dict) else None
        if isinstance(reason, dict) and str(reason.get("$type", "")).endswith("#reasonRepost"):
            return None  # someone else's post, reposted
        item = self._item(need_dict(entry, "feed entry").get("post"), None, run.owner_id)
        return item if item.is_official else None

    def post_state(self, post: Item) -> list:
        return [post.extra["reply_count"]]  # Bluesky posts cannot be edited

    def post_time(self, post: Item) -> datetime:
        return time_or_none(post.extra.get("indexed_at")) or post.created_at

    def read_thread(self, run: FeedRun, uri: str) -> None:
        answer = self._xrpc("app.bsky.feed.getPostThread", {"uri": uri, "depth": self.thread_depth, "parentHeight": 0},
                            f"the replies to post {uri}")
        thread = answer.data.get("thread") if isinstance(answer.data, dict) else None
        if not isinstance(thread, dict):
            self.skip(run.result, f"replies to post {uri}", "'thread' is missing or not an object")
            return
        top = thread.get("replies")
        if top is not None and not isinstance(top, list):
            self.skip(run.result, f"replies to post {uri}", "'replies' is not an array")
        stack = [(r, uri) for r in top] if isinstance(top, list) else []
        while stack:
            node, parent_uri = stack.pop(0)
            if not isinstance(node, dict):
                self.skip(run.result, f"a reply under post {uri}", "reply is not an object")
                continue
            kind_type = str(node.get("$type", ""))
            if kind_type.endswith(("#notFoundPost", "#blockedPost")) or node.get("notFound") or node.get("blocked"):
                continue
            post = node.get("post")
            ruri = post.get("uri") if isinstance(post, dict) else None
            try:
                item = self._item(post, "comment" if parent_uri == uri else "reply", run.owner_id)
            except ValueError as exc:
                self.skip(run.result, f"reply {ruri or '(no uri)'} under post {uri}", str(exc))
                continue
            run.emit(item)
            children = node.get("replies")
            if isinstance(children, list):
                stack += [(c, item.id) for c in children]


def _images(embed) -> list[MediaRef]:
    """Images of an embed view: app.bsky.embed.images#view, also inside recordWithMedia#view."""
    if not isinstance(embed, dict):
        return []
    etype = str(embed.get("$type", ""))
    if etype.startswith("app.bsky.embed.recordWithMedia"):
        return _images(embed.get("media"))
    if not etype.startswith("app.bsky.embed.images"):
        return []
    out = []
    for img in need_list(embed.get("images") or [], "embed.images"):
        img = need_dict(img, "embedded image")
        url = opt_str(img, "fullsize") or opt_str(img, "thumb")
        if url:
            out.append(MediaRef(url=url, media_id=_cid_of(url), alt_text=opt_str(img, "alt") or None))
    return out


def _cid_of(url: str) -> str | None:
    """The blob CID in a CDN URL such as .../img/feed_fullsize/plain/<did>/<cid>@jpeg."""
    last = urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]
    cid = last.split("@", 1)[0]
    return cid or None


def _with_links(text: str, record: dict, embed) -> str:
    """Append link targets the visible text shortens or hides (link facets, link cards)."""
    targets: list[str] = []
    for facet in record.get("facets") or []:
        if not isinstance(facet, dict):
            continue
        for feature in facet.get("features") or []:
            if isinstance(feature, dict) and str(feature.get("$type", "")).endswith("#link") and isinstance(feature.get("uri"), str):
                targets.append(feature["uri"])
    for view in (embed, embed.get("media") if isinstance(embed, dict) else None):
        if isinstance(view, dict) and str(view.get("$type", "")).startswith("app.bsky.embed.external"):
            ext = view.get("external")
            if isinstance(ext, dict) and isinstance(ext.get("uri"), str):
                targets.append(ext["uri"])
    extra = []
    for uri in targets:
        if uri not in text and uri not in extra:
            extra.append(uri)
    return f"{text}\n" + "\n".join(extra) if extra else text

