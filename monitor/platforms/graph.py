"""What Facebook Pages and Instagram share: Meta's Graph API read through field expansion.

Why one module: both read the watched account's own node with its profile fields *and* the first page
of its posts in one request, each post carrying its first comments and their replies in place; later
pages and longer comment lists follow `paging.next`. Only the field lists, the edge names and the
parsing differ, and those stay in `facebook.py` and `instagram.py`.
"""

from __future__ import annotations

from typing import Any, Callable, ClassVar, Iterator
from urllib.parse import quote

from monitor.items import Account, Item
from monitor.platforms.feed import FeedAdapter, FeedRun, PageReader
from monitor.platforms.http import GraphClient, NotFound, graph_page

GRAPH_VERSION = "v21.0"
_PLURAL = {"comment": "comments", "reply": "replies"}


class GraphAdapter(FeedAdapter):
    """A Graph API account: one request for the profile and the first page, comments read in place."""

    default_base_url = f"https://graph.facebook.com/{GRAPH_VERSION}"
    token_required = True
    client_class = GraphClient
    page_size = 25
    comments_in_feed = True
    thread_rechecks = 0  # Graph shows activity on the post itself (a counter or updated_time)

    own_what: ClassVar[str]  # the watched node in messages: "the Page", "the account"
    own_missing: ClassVar[str]  # why it may not be found, with {account!r}
    profile_fields: ClassVar[str]
    feed_edge: ClassVar[str]  # the edge of the posts: "feed", "media"
    feed_what: ClassVar[str]
    post_fields: ClassVar[str]
    comment_params: ClassVar[dict]  # the query of a post's comments edge
    reply_edge: ClassVar[str]  # the edge of a comment's replies: "comments", "replies"
    reply_params: ClassVar[dict]

    def auth(self, token: str | None) -> dict:
        return {"auth_params": {"access_token": token}} if token else {}

    def parse_comment(self, raw: Any, kind: str, parent_id: str, post: Item, run: FeedRun) -> Item:
        """A comment or reply in the platform's shape as an item; ValueError when it is not in shape."""
        raise NotImplementedError

    # -- the watched account -----------------------------------------------------------------------
    def _read_own(self, fields: str):
        try:
            return self.client.get(quote(self.profile.account.strip(), safe=""), {"fields": fields}, what=self.own_what)
        except NotFound:
            raise NotFound(f"profile {self.profile.name!r}: "
                           + self.own_missing.format(account=self.profile.account)) from None

    def fetch_profile(self) -> Account:
        return self.shaped(self.own_what, self.parse_account, self._read_own(self.profile_fields).data)

    def open_feed(self) -> tuple[Account, PageReader]:
        answer = self._read_own(f"{self.profile_fields},{self.feed_edge}.limit({self.page_size}){{{self.post_fields}}}")
        official = self.shaped(self.own_what, self.parse_account, answer.data)
        path = f"{quote(official.id or self.profile.account.strip(), safe='')}/{self.feed_edge}"

        def page(token):
            if token is None:
                container = answer.data.get(self.feed_edge)  # came with the profile
            else:
                container = self.client.get(path, {"fields": self.post_fields, "limit": self.page_size, **token},
                                            what=self.feed_what).data
            try:
                return graph_page(container, self.feed_what)
            except ValueError as exc:
                raise self.malformed(self.feed_what, str(exc)) from None

        return official, page

    # -- comments ----------------------------------------------------------------------------------
    def read_comments(self, run: FeedRun, post: Item, entry: dict) -> None:
        on_post = f"on {self.post_noun} {post.id}"
        for raw, comment in self._edge_items(run, entry, "comments", self.comment_params, post.id, "comment", on_post,
                                             lambda c: self.parse_comment(c, "comment", post.id, post, run)):
            run.emit(comment)
            for _, reply in self._edge_items(run, raw, self.reply_edge, self.reply_params, comment.id, "reply",
                                             f"to comment {comment.id}",
                                             lambda r: self.parse_comment(r, "reply", comment.id, post, run)):
                run.emit(reply)

    def _edge_items(self, run: FeedRun, node: dict, edge: str, params: dict, node_id: str, kind: str, where: str,
                    parse: Callable[[Any], Item]) -> Iterator[tuple[dict, Item]]:
        """(raw, item) for each entry of `node`'s `edge`: its embedded first page, then the next pages.
        An entry not in shape is skipped with its reason; so is the rest of an edge page not in shape."""
        if node.get(edge) is None:
            return
        many = f"{_PLURAL[kind]} {where}"
        try:
            for raw in self.client.edge(f"{quote(node_id, safe='')}/{edge}", params, node.get(edge), f"the {many}",
                                        self.http.max_pages):
                rid = raw.get("id") if isinstance(raw, dict) else None
                try:
                    item = parse(raw)
                except ValueError as exc:
                    self.skip(run.result, f"{kind} {rid or '(no id)'} {where}", str(exc))
                    continue
                yield raw, item
        except ValueError as exc:
            self.skip(run.result, many, str(exc))
