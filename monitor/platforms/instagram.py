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
import re
from urllib.parse import quote

from monitor.items import Account, Item, MediaRef
from monitor.platforms.feed import FeedRun
from monitor.platforms.graph import GraphAdapter
from monitor.platforms.http import NotFound, graph_page, need_dict, need_str, opt_int, opt_str, parse_time

USER = "id,username,name,biography,profile_picture_url,followers_count,media_count"
CHILD = "id,media_type,media_url,permalink"
COMMENT = "id,text,timestamp,username,from{id,username},like_count,hidden"
REPLIES = f"replies.limit(50){{{COMMENT}}}"
MEDIA = (f"id,caption,media_type,media_url,permalink,timestamp,username,comments_count,"
         f"children{{{CHILD}}},comments.limit(50){{{COMMENT},{REPLIES}}}")
_USERNAME_RE = re.compile(r"^[A-Za-z0-9._]{1,30}$")


class InstagramAdapter(GraphAdapter):
    name = "instagram"
    account_help = "the Instagram professional account's ID (ig_user_id, a number; see docs/platforms.md)"
    supports_search = False  # the Graph API has no account search; lookups use business discovery
    supports_lookup = True
    report_route = ("In the Instagram app open the impersonating profile, tap ⋯ > 'Report' > 'Report account' > "
                    "'It's pretending to be someone else' > 'A business' (or the practitioner). Without an account, "
                    "use https://help.instagram.com/contact/636276399721841")
    cursor_owner, cursor_posts = "ig_user_id", "media"
    post_noun = "media"
    time_field = "timestamp"
    own_what = "the account"
    own_missing = ("the Instagram account {account!r} was not found (or the token cannot see it); "
                   "account must be the ig_user_id")
    profile_fields = USER
    feed_edge, feed_what, post_fields = "media", "the account's media", MEDIA
    comment_params = {"fields": f"{COMMENT},{REPLIES}", "limit": 50}
    reply_edge, reply_params = "replies", {"fields": COMMENT, "limit": 50}

    # -- accounts ----------------------------------------------------------------------------------
    def parse_account(self, raw) -> Account:
        u = need_dict(raw, "account")
        username = need_str(u, "username")
        return Account(platform=self.name, handle=username, id=opt_str(u, "id") or None, display_name=opt_str(u, "name"),
                       bio=opt_str(u, "biography"), avatar_url=opt_str(u, "profile_picture_url"),
                       url=f"https://www.instagram.com/{username}/", followers=opt_int(u, "followers_count"))

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
        return None if found is None else self.shaped(f"account {handle!r}", self.parse_account, found)

    # -- media and comments ------------------------------------------------------------------------
    def read_post(self, run: FeedRun, entry) -> Item:
        m = need_dict(entry, "media")
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
        return Item(platform=self.name, id=need_str(m, "id"), kind="post", author=run.official, is_official=True,
                    text=opt_str(m, "caption") or "", created_at=created, url=opt_str(m, "permalink"), media=tuple(images),
                    extra={"comments_count": opt_int(m, "comments_count") or 0})

    def parse_comment(self, raw, kind: str, parent_id: str, post: Item, run: FeedRun) -> Item:
        official = run.official
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
                    created_at=created, url=post.url, parent_id=parent_id)

    def post_state(self, post: Item) -> list:
        # `comments_count` includes replies; a changed caption is an edit.
        return [post.extra["comments_count"], hashlib.sha256(post.text.encode("utf-8", "surrogatepass")).hexdigest()[:16]]

    def wants_thread(self, state: list, is_new: bool, moved: bool) -> bool:
        return bool(state[0]) and (is_new or moved)
