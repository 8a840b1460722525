"""Instagram professional account (Instagram Graph API): media with carousel children, captions,
comments and their replies; business discovery for looking up other accounts.

Needs an access token for the professional (business or creator) account; see docs/platforms.md.

As few requests as possible: one request reads the account's fields *and* the first page of media,
each with its carousel children and its comments and replies expanded in place; later pages follow
`paging.next` (its query re-issued against base_url, without the token). A media's `comments_count`
includes replies, so a later run reads pages only until one reaches media already seen (a quiet run:
one request) and returns new media, media whose caption changed (edited) and, for media whose count
moved, the comments.
"""

from __future__ import annotations

import hashlib
import logging
import re
from urllib.parse import quote

from monitor.items import Account, FetchResult, Item, MediaRef
from monitor.platforms.facebook import GRAPH_VERSION
from monitor.platforms.http import (GraphClient, NetworkAdapter, NotFound, Tracker, graph_page, need_dict, need_str, opt_int,
                                    opt_str, parse_time, time_or_none, walk_pages)

log = logging.getLogger(__name__)

USER = "id,username,name,biography,profile_picture_url,followers_count,media_count"
CHILD = "id,media_type,media_url,permalink"
COMMENT = "id,text,timestamp,username,from{id,username},like_count,hidden"
REPLIES = f"replies.limit(50){{{COMMENT}}}"
MEDIA = (f"id,caption,media_type,media_url,permalink,timestamp,username,comments_count,"
         f"children{{{CHILD}}},comments.limit(50){{{COMMENT},{REPLIES}}}")
_USERNAME_RE = re.compile(r"^[A-Za-z0-9._]{1,30}$")


class InstagramAdapter(NetworkAdapter):
    name = "instagram"
    default_base_url = f"https://graph.facebook.com/{GRAPH_VERSION}"
    account_help = "the Instagram professional account's ID (ig_user_id, a number; see docs/platforms.md)"
    token_required = True
    supports_search = False  # the Graph API has no account search; lookups use business discovery
    supports_lookup = True
    report_route = ("In the Instagram app open the impersonating profile, tap ⋯ > 'Report' > 'Report account' > "
                    "'It's pretending to be someone else' > 'A business' (or the practitioner). Without an account, "
                    "use https://help.instagram.com/contact/636276399721841")
    client_class = GraphClient
    page_size = 25

    def auth(self, token: str | None) -> dict:
        return {"auth_params": {"access_token": token}} if token else {}

    # -- accounts ----------------------------------------------------------------------------------
    def _user(self, raw) -> Account:
        u = need_dict(raw, "account")
        username = need_str(u, "username")
        return Account(platform=self.name, handle=username, id=opt_str(u, "id") or None, display_name=opt_str(u, "name"),
                       bio=opt_str(u, "biography"), avatar_url=opt_str(u, "profile_picture_url"),
                       url=f"https://www.instagram.com/{username}/", followers=opt_int(u, "followers_count"))

    def _read_user(self, fields: str):
        try:
            return self.client.get(quote(self.profile.account.strip(), safe=""), {"fields": fields}, what="the account")
        except NotFound:
            raise NotFound(f"profile {self.profile.name!r}: the Instagram account {self.profile.account!r} was not found "
                           f"(or the token cannot see it); account must be the ig_user_id") from None

    def fetch_profile(self) -> Account:
        answer = self._read_user(USER)
        try:
            return self._user(answer.data)
        except ValueError as exc:
            raise self.malformed("the account", str(exc)) from None

    def lookup_account(self, handle: str) -> Account | None:
        """Another professional account by user name (business discovery; personal accounts are not visible)."""
        handle = handle.strip().lstrip("@")
        if not _USERNAME_RE.match(handle):
            return None
        fields = f"business_discovery.username({handle}){{{USER}}}"
        try:
            answer = self.client.get(quote(self.profile.account.strip(), safe=""), {"fields": fields}, what=f"account {handle!r}")
        except NotFound:
            return None
        found = answer.data.get("business_discovery") if isinstance(answer.data, dict) else None
        if found is None:
            return None
        try:
            return self._user(found)
        except ValueError as exc:
            raise self.malformed(f"account {handle!r}", str(exc)) from None

    # -- media and comments ------------------------------------------------------------------------
    def _media(self, raw, official: Account) -> Item:
        m = need_dict(raw, "media")
        created = parse_time(m.get("timestamp"))
        if created is None:
            raise ValueError("field 'timestamp' is missing")
        images: list[MediaRef] = []
        mtype = m.get("media_type")
        if mtype == "CAROUSEL_ALBUM":
            children, _ = graph_page(m.get("children"), "carousel children")
            for child in children:
                child = need_dict(child, "carousel child")
                if child.get("media_type") == "IMAGE" and opt_str(child, "media_url"):
                    images.append(MediaRef(url=child["media_url"], media_id=opt_str(child, "id")))
        elif mtype == "IMAGE" and opt_str(m, "media_url"):
            images.append(MediaRef(url=m["media_url"], media_id=opt_str(m, "id")))
        return Item(platform=self.name, id=need_str(m, "id"), kind="post", author=official, is_official=True,
                    text=opt_str(m, "caption") or "", created_at=created, url=opt_str(m, "permalink"), media=tuple(images),
                    extra={"comments_count": opt_int(m, "comments_count") or 0})

    def _comment(self, raw, kind: str, parent_id: str, post_url: str | None, official: Account) -> Item:
        c = need_dict(raw, "comment")
        username = opt_str(c, "username")
        sender = c.get("from")
        sender_id = None
        if isinstance(sender, dict):
            username = username or opt_str(sender, "username")
            sender_id = opt_str(sender, "id")
        if not username:
            raise ValueError("field 'username' is missing")
        created = parse_time(c.get("timestamp"))
        if created is None:
            raise ValueError("field 'timestamp' is missing")
        text = c.get("text", "")
        if not isinstance(text, str):
            raise ValueError("field 'text' has the wrong type")
        own = username.lower() == official.handle.lower() or (sender_id is not None and sender_id == official.id)
        author = official if own else Account(platform=self.name, handle=username, id=sender_id,
                                              url=f"https://www.instagram.com/{username}/")
        return Item(platform=self.name, id=need_str(c, "id"), kind=kind, author=author, is_official=own, text=text,
                    created_at=created, url=post_url, parent_id=parent_id)

    def fetch_items(self, cursor: dict | None) -> FetchResult:
        start = self.client.requests_made
        cursor = cursor if isinstance(cursor, dict) and cursor.get("v") == 1 else None
        first = cursor is None
        newest = time_or_none(cursor.get("newest")) if cursor else None
        tracker = Tracker(cursor.get("media") if cursor else None, self.http.watch_days)
        answer = self._read_user(f"{USER},media.limit({self.page_size}){{{MEDIA}}}")
        try:
            official = self._user(answer.data)
        except ValueError as exc:
            raise self.malformed("the account", str(exc)) from None
        result = FetchResult(items=[], profile=official)
        newest_seen = newest
        media_path = f"{quote(official.id or self.profile.account.strip(), safe='')}/media"

        def page(token):
            if token is None:
                container = answer.data.get("media")
            else:
                container = self.client.get(media_path, {"fields": MEDIA, "limit": self.page_size, **token},
                                            what="the account's media").data
            try:
                return graph_page(container, "the account's media")
            except ValueError as exc:
                raise self.malformed("the account's media", str(exc)) from None

        def is_old(raw) -> bool:
            if not isinstance(raw, dict):
                return False
            created = time_or_none(raw.get("timestamp"))
            return tracker.known(str(raw.get("id"))) or (newest is not None and created is not None and created <= newest)

        for raw in walk_pages(page, first_run=first, is_old=is_old, max_pages=self.http.max_pages):
            mid = raw.get("id") if isinstance(raw, dict) else None
            try:
                media = self._media(raw, official)
            except ValueError as exc:
                self.skip(result, f"media {mid or '(no id)'}", str(exc))
                continue
            count = media.extra["comments_count"]
            state = [count, hashlib.sha256(media.text.encode("utf-8", "surrogatepass")).hexdigest()[:16]]
            before = tracker.state(media.id)
            is_new = first or newest is None or media.created_at > newest
            if is_new or (before is not None and before[1:] != state[1:]):
                result.items.append(media)  # new, or caption edited
            if (is_new or (before is not None and before[0] != count)) and count:
                self._emit_comments(raw, media, official, result)
            tracker.record(media.id, state, media.created_at, checked=True)
            if newest_seen is None or media.created_at > newest_seen:
                newest_seen = media.created_at

        result.cursor = {"v": 1, "ig_user_id": official.id, "newest": newest_seen.isoformat() if newest_seen else None,
                         "media": tracker.dump()}
        result.requests_made = self.client.requests_made - start
        return result

    def _emit_comments(self, raw: dict, media: Item, official: Account, result: FetchResult) -> None:
        params = {"fields": f"{COMMENT},{REPLIES}", "limit": 50}
        try:
            for c in self.client.edge(f"{quote(media.id, safe='')}/comments", params, raw.get("comments"),
                                      f"the comments on media {media.id}", self.http.max_pages):
                cid = c.get("id") if isinstance(c, dict) else None
                try:
                    comment = self._comment(c, "comment", media.id, media.url, official)
                except ValueError as exc:
                    self.skip(result, f"comment {cid or '(no id)'} on media {media.id}", str(exc))
                    continue
                result.items.append(comment)
                if c.get("replies") is not None:
                    self._emit_replies(c, comment, media, official, result)
        except ValueError as exc:
            self.skip(result, f"comments on media {media.id}", str(exc))

    def _emit_replies(self, raw: dict, comment: Item, media: Item, official: Account, result: FetchResult) -> None:
        try:
            for r in self.client.edge(f"{quote(comment.id, safe='')}/replies", {"fields": COMMENT, "limit": 50},
                                      raw.get("replies"), f"the replies to comment {comment.id}", self.http.max_pages):
                rid = r.get("id") if isinstance(r, dict) else None
                try:
                    result.items.append(self._comment(r, "reply", comment.id, media.url, official))
                except ValueError as exc:
                    self.skip(result, f"reply {rid or '(no id)'} to comment {comment.id}", str(exc))
        except ValueError as exc:
            self.skip(result, f"replies to comment {comment.id}", str(exc))

