"""Facebook Page (Graph API): the Page's feed with attachments and comments, Page lookup and search.

Needs a Page access token (see docs/platforms.md for the permissions). The feed holds the Page's own
posts and, where Facebook exposes them, visitors' posts and posts the Page is tagged in; a post whose
author is not the Page is a visitor post (`is_official` False).

As few requests as possible: one request reads the Page's fields *and* the first feed page, with each
post's attachments (album photos through `subattachments`) and its comments and their replies
expanded in place. Later pages follow `paging.next` (its query re-issued against base_url, without the
token). A Post's `updated_time` changes when it is edited or commented on, so a later run:
- reads feed pages until one reaches a post already seen (a quiet run: one page);
- returns new posts, and posts whose `updated_time` moved, with their comments;
- checks up to 50 older watched posts (within `http.watch_days`) in one multi-id request
  (`?ids=...&fields=updated_time`), and re-reads in one more request those that moved.
"""

from __future__ import annotations

import logging
import re
from urllib.parse import quote

from monitor.items import Account, Item, MediaRef
from monitor.platforms.feed import FeedRun
from monitor.platforms.graph import GraphAdapter
from monitor.platforms.http import ApiError, NotFound, Tracker, graph_page, need_dict, need_str, opt_int, opt_str, parse_time

log = logging.getLogger(__name__)

_ATTACH = "media_type,type,url,description,media{image{src,width,height}},target{id,url}"
ATTACHMENTS = f"attachments{{{_ATTACH},subattachments.limit(100){{{_ATTACH}}}}}"
COMMENT = f"id,message,created_time,from{{id,name}},permalink_url,comment_count,attachment{{{_ATTACH}}}"
REPLIES = f"comments.limit(50){{{COMMENT},parent{{id}}}}"
COMMENTS = f"comments.limit(50).filter(toplevel){{{COMMENT},{REPLIES}}}"
POST = f"id,message,story,created_time,updated_time,permalink_url,from{{id,name}},{ATTACHMENTS},{COMMENTS}"
PAGE = "id,name,username,about,description,link,picture.type(large){url},followers_count,fan_count"
_HANDLE_RE = re.compile(r"^[A-Za-z0-9.\-_]{1,100}$")


class FacebookAdapter(GraphAdapter):
    name = "facebook"
    account_help = "the Page ID (a number, shown in the Page's About > Page transparency) or the Page's user name"
    supports_search = True
    supports_lookup = True
    report_route = ("On the impersonating Page or profile open the ⋯ menu, choose 'Report Page' (or 'Find support "
                    "or report'), then 'Fake Page' / 'Pretending to be someone' > 'A business'. A Page admin can "
                    "also use Facebook's impersonation form: https://www.facebook.com/help/contact/295309487309948")
    ids_per_request = 50  # Graph's multi-id read takes up to 50 ids
    cursor_owner = "page_id"
    time_field = "created_time"
    edit_marks = activity_marks = slice(None)  # `updated_time` moves on an edit and on a comment alike
    own_what = "the Page"
    own_missing = "the Page {account!r} was not found (or the token cannot see it); check account in the config"
    profile_fields = PAGE
    feed_edge, feed_what, post_fields = "feed", "the Page feed", POST
    comment_params = {"fields": f"{COMMENT},{REPLIES}", "limit": 50, "filter": "toplevel"}
    reply_edge, reply_params = "comments", {"fields": f"{COMMENT},parent{{id}}", "limit": 50}

    # -- accounts ----------------------------------------------------------------------------------
    def parse_account(self, raw) -> Account:
        p = need_dict(raw, "page")
        pid = need_str(p, "id")
        picture = p.get("picture")
        avatar = None
        if isinstance(picture, dict):
            data = picture.get("data")
            avatar = opt_str(data, "url") if isinstance(data, dict) else opt_str(picture, "url")
        followers = opt_int(p, "followers_count")
        return Account(platform=self.name, handle=opt_str(p, "username") or pid, id=pid, display_name=opt_str(p, "name"),
                       bio=opt_str(p, "about") or opt_str(p, "description"), avatar_url=avatar,
                       url=opt_str(p, "link") or f"https://www.facebook.com/{pid}",
                       followers=followers if followers is not None else opt_int(p, "fan_count"))

    def lookup_account(self, handle: str) -> Account | None:
        handle = handle.strip().lstrip("@")
        if not _HANDLE_RE.match(handle):
            return None
        return self.lookup(f"Page {handle!r}",
                           lambda: self.client.get(quote(handle, safe=""), {"fields": PAGE}, what=f"Page {handle!r}"))

    def search_accounts(self, query: str, limit: int = 20) -> list[Account]:
        """Pages whose name matches (Graph `pages/search`; the app needs Page Public Metadata Access)."""
        answer = self.client.get("pages/search", {"q": query, "fields": "id,name,link,verification_status",
                                                  "limit": max(1, min(limit, 100))}, what="the Page search")
        data, _ = self.shaped("the Page search", lambda d: graph_page(d, "the Page search"), answer.data)
        return self.search_results(data, limit)

    # -- posts and comments ------------------------------------------------------------------------
    def _author(self, raw) -> Account:
        if raw is None:  # Facebook hides some visitors' identity from Page tokens
            return Account(platform=self.name, handle="", display_name=None)
        a = need_dict(raw, "from")
        aid = need_str(a, "id")
        name = opt_str(a, "name")
        return Account(platform=self.name, handle=name or aid, id=aid, display_name=name)

    def _post(self, raw, page_id: str) -> Item:
        p = need_dict(raw, "post")
        author = self._author(p.get("from"))
        created = parse_time(p.get("created_time"))
        if created is None:
            raise ValueError("field 'created_time' is missing")
        media: list[MediaRef] = []
        attachments, _ = graph_page(p.get("attachments"), "attachments")
        for att in attachments:
            media += _attachment_images(att)
        text = opt_str(p, "message") or opt_str(p, "story") or ""
        return Item(platform=self.name, id=need_str(p, "id"), kind="post", author=author, is_official=author.id == page_id,
                    text=text, created_at=created, url=opt_str(p, "permalink_url"), updated_at=parse_time(p.get("updated_time")),
                    media=tuple(media))

    def parse_comment(self, raw, kind: str, parent_id: str, post: Item, run: FeedRun) -> Item:
        c = need_dict(raw, "comment")
        author = self._author(c.get("from"))
        created = parse_time(c.get("created_time"))
        if created is None:
            raise ValueError("field 'created_time' is missing")
        att = c.get("attachment")
        media = tuple(_attachment_images(att)) if att is not None else ()
        return Item(platform=self.name, id=need_str(c, "id"), kind=kind, author=author, is_official=author.id == run.owner_id,
                    text=opt_str(c, "message") or "", created_at=created, url=opt_str(c, "permalink_url"), media=media,
                    parent_id=parent_id, extra={"comment_count": opt_int(c, "comment_count") or 0})

    def read_post(self, run: FeedRun, entry) -> Item:
        return self._post(entry, run.owner_id)

    def post_state(self, post: Item) -> list:
        return [post.updated_at.isoformat() if post.updated_at else None]

    def wants_thread(self, state: list, is_new: bool, moved: bool) -> bool:
        return is_new or moved  # no counter: a new or moved post has its comments read

    def recheck_watched(self, run: FeedRun) -> None:
        """Older watched posts: one multi-id request for their updated_time, one more for those that moved."""
        due = run.tracker.due(self.ids_per_request, lambda s: True, run.on_pages)
        if not due:
            return
        nodes = self._updated_times(due, run.tracker)
        moved = []
        for pid in due:
            run.tracker.mark_checked(pid)
            node = nodes.get(pid)
            if not isinstance(node, dict):
                continue  # deleted or hidden since
            try:
                when = parse_time(node.get("updated_time"))
            except ValueError as exc:
                self.skip(run.result, f"post {pid}", str(exc))
                continue
            state = [when.isoformat() if when else None]
            if run.tracker.changed(pid, state):
                moved.append(pid)
                run.tracker.entries[pid]["s"] = state
        if not moved:
            return
        full = self.client.get("", {"ids": ",".join(moved), "fields": POST}, what="the posts with new activity")
        if not isinstance(full.data, dict):
            raise self.malformed("the posts with new activity", "the answer is not an object keyed by post id")
        for pid in moved:
            raw = full.data.get(pid)
            if raw is None:
                continue
            try:
                post = self._post(raw, run.owner_id)
            except ValueError as exc:
                self.skip(run.result, f"post {pid}", str(exc))
                continue
            run.emit(post)
            self.read_comments(run, post, raw)

    def _updated_times(self, ids: list[str], tracker: Tracker) -> dict:
        """{id: {"updated_time"}} for `ids` in one request. Graph refuses the whole request when one id is
        gone, so on refusal the list is halved until the deleted posts are found and forgotten."""
        try:
            answer = self.client.get("", {"ids": ",".join(ids), "fields": "id,updated_time"}, what="the watched posts")
        except (NotFound, ApiError):
            if len(ids) == 1:
                tracker.entries.pop(ids[0], None)
                log.info("profile %s: post %s is gone; no longer watched", self.profile.name, ids[0])
                return {}
            half = len(ids) // 2
            return {**self._updated_times(ids[:half], tracker), **self._updated_times(ids[half:], tracker)}
        if not isinstance(answer.data, dict):
            raise self.malformed("the watched posts", "the answer is not an object keyed by post id")
        return answer.data


def _attachment_images(raw) -> list[MediaRef]:
    """Photos of a story attachment, and of each sub-attachment of an album."""
    att = need_dict(raw, "attachment")
    subs = att.get("subattachments")
    if subs is not None:
        entries, _ = graph_page(subs, "subattachments")
        out = []
        for sub in entries:
            out += _attachment_images(sub)
        return out
    kind = att.get("media_type") or att.get("type")
    if kind not in ("photo", "album", "cover_photo", "profile_media"):
        return []  # link previews, videos, stickers: not the practice's images to compare
    media = att.get("media")
    image = media.get("image") if isinstance(media, dict) else None
    src = opt_str(image, "src") if isinstance(image, dict) else None
    if not src:
        return []
    target = att.get("target")
    media_id = opt_str(target, "id") if isinstance(target, dict) else None
    return [MediaRef(url=src, media_id=media_id, alt_text=opt_str(att, "description"))]

