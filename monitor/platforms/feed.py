"""The one reading flow of every network platform: an account's newest-first feed, read incrementally.

Why one flow: how a later run finds what is new (stop at the first page that reaches a post already
seen), which posts are returned again (new or edited), whose replies are read (new posts with replies,
watched posts whose counter moved, and a few watched threads on a timer) and what the stored cursor
holds are the same on every platform. `FeedAdapter.fetch_items` does all of that once; a platform module
says only what its API makes specific:

- `open_feed()`: read the official profile and return it with a page reader for `walk_pages`;
- `id_field`, `time_field` (or `entry_key()`): where a raw feed entry keeps its id and the time that is
  compared with the newest time of the last run;
- `read_post(run, entry)`: the entry as an `Item` (None: not the account's own post, e.g. a repost;
  ValueError: skipped with the reason);
- `post_state(post)`: what the Tracker remembers of a post, `[reply counter, *edit markers]`, with
  `edit_marks` / `activity_marks` saying which parts show an edit and which show new replies;
- the replies: `read_thread(run, post_id)` after the feed (one request per thread), or, where the feed
  embeds each post's comments (`comments_in_feed`), `read_comments(run, post, entry)` in place;
- the cursor's keys `cursor_owner` and `cursor_posts` (stored cursors must stay readable: version 1).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Callable, ClassVar

from monitor.items import Account, FetchResult, Item
from monitor.platforms.http import NetworkAdapter, NotFound, Tracker, time_or_none, walk_pages

log = logging.getLogger(__name__)

CURSOR_VERSION = 1
PageReader = Callable[[Any], tuple[list, Any]]  # token (None: first page) -> (entries, next token or None)


@dataclass
class FeedRun:
    """One `fetch_items` call: what the stored cursor remembered and what this run has found so far."""

    official: Account
    first: bool  # no usable cursor: everything is new
    newest: datetime | None  # the newest post time the last run saw
    tracker: Tracker
    result: FetchResult
    newest_seen: datetime | None = None
    threads: list[str] = field(default_factory=list)  # posts whose replies are read after the feed
    on_pages: set[str] = field(default_factory=set)  # posts read from the feed pages in this run
    emitted: set[str] = field(default_factory=set)

    @property
    def owner_id(self) -> str:
        """The official account's platform id, to tell its own posts and replies from visitors'."""
        return self.official.id or ""

    def emit(self, item: Item) -> None:
        """Return `item` once, however many ways it was reached (an own reply is also in the own feed)."""
        if item.id not in self.emitted:
            self.emitted.add(item.id)
            self.result.items.append(item)


def _has_replies(state: Any) -> bool:
    return isinstance(state, list) and bool(state and state[0])


class FeedAdapter(NetworkAdapter):
    """A network adapter whose posts come from one newest-first feed; subclasses fill in the hooks."""

    cursor_owner: ClassVar[str]  # cursor key of the account's id, e.g. "account_id"
    cursor_posts: ClassVar[str] = "posts"  # cursor key of the Tracker's entries
    post_noun: ClassVar[str] = "post"  # how skip messages name a feed entry: "post 123: ..."
    id_field: ClassVar[str] = "id"
    time_field: ClassVar[str]
    edit_marks: ClassVar[slice] = slice(1, None)  # parts of `post_state` that change when a post is edited
    activity_marks: ClassVar[slice] = slice(0, 1)  # parts that change when it gets replies
    comments_in_feed: ClassVar[bool] = False  # each feed entry carries its comments (Graph field expansion)
    # Threads re-read per run, oldest-checked first, where counters miss replies to replies; a thread
    # read less than `recheck_after` seconds ago is not re-read.
    thread_rechecks = 1
    recheck_after = 3600.0

    # -- hooks -------------------------------------------------------------------------------------
    def open_feed(self) -> tuple[Account, PageReader]:
        """The official profile, and the reader of its feed pages (newest first)."""
        raise NotImplementedError

    def read_post(self, run: FeedRun, entry: Any) -> Item | None:
        """The feed entry as an item; None to pass over it; ValueError (with a reason) to skip it."""
        raise NotImplementedError

    def post_state(self, post: Item) -> list:
        """What the cursor remembers of a post: `[reply counter, *edit markers]` (JSON values)."""
        raise NotImplementedError

    def post_time(self, post: Item) -> datetime:
        """The time compared with the last run's newest (the one `time_field` holds)."""
        return post.created_at

    def entry_key(self, entry: Any) -> tuple[Any, Any] | None:
        """(id, time) of a raw feed entry as sent, or None when it is not an object."""
        return (entry.get(self.id_field), entry.get(self.time_field)) if isinstance(entry, dict) else None

    def wants_thread(self, state: list, is_new: bool, moved: bool) -> bool:
        """Whether to read a post's replies: a new post that has some, or a watched one whose counter moved."""
        return bool(state[0]) if is_new else moved

    def read_thread(self, run: FeedRun, post_id: str) -> None:
        """Emit the replies under a post (NotFound: the post is gone)."""
        raise NotImplementedError

    def read_comments(self, run: FeedRun, post: Item, entry: dict) -> None:
        """Emit the comments the feed entry carries (with `comments_in_feed`)."""
        raise NotImplementedError

    def recheck_watched(self, run: FeedRun) -> None:
        """On later runs: queue the threads of the watched posts checked longest ago, because replies to
        replies do not move a post's counter."""
        run.threads += run.tracker.due(self.thread_rechecks, _has_replies, set(run.threads), self.recheck_after)

    # -- the flow ----------------------------------------------------------------------------------
    def fetch_items(self, cursor: dict | None) -> FetchResult:
        start = self.client.requests_made
        cursor = cursor if isinstance(cursor, dict) and cursor.get("v") == CURSOR_VERSION else None
        official, pages = self.open_feed()
        newest = time_or_none(cursor.get("newest")) if cursor else None
        run = FeedRun(official=official, first=cursor is None, newest=newest, newest_seen=newest,
                      tracker=Tracker(cursor.get(self.cursor_posts) if cursor else None, self.http.watch_days),
                      result=FetchResult(items=[], profile=official))
        for entry in walk_pages(pages, first_run=run.first, is_old=lambda e: self._is_old(run, e),
                                max_pages=self.http.max_pages):
            self._take(run, entry)
        if not run.first:
            self.recheck_watched(run)
        for post_id in run.threads:
            try:
                self.read_thread(run, post_id)
            except NotFound:
                log.info("profile %s: post %s is gone; its replies are not read", self.profile.name, post_id)
            run.tracker.mark_checked(post_id)
        run.result.cursor = {"v": CURSOR_VERSION, self.cursor_owner: official.id,
                             "newest": run.newest_seen.isoformat() if run.newest_seen else None,
                             self.cursor_posts: run.tracker.dump()}
        run.result.requests_made = self.client.requests_made - start
        return run.result

    def _is_old(self, run: FeedRun, entry: Any) -> bool:
        key = self.entry_key(entry)
        if key is None:
            return False
        when = time_or_none(key[1])
        return run.tracker.known(str(key[0])) or (run.newest is not None and when is not None and when <= run.newest)

    def _take(self, run: FeedRun, entry: Any) -> None:
        """One feed entry: return it if new or edited, decide whether its replies are read, remember it."""
        key = self.entry_key(entry)
        try:
            post = self.read_post(run, entry)
        except ValueError as exc:
            self.skip(run.result, f"{self.post_noun} {(key[0] if key else None) or f'(no {self.id_field})'}", str(exc))
            return
        if post is None:
            return
        run.on_pages.add(post.id)
        state = self.post_state(post)
        when = self.post_time(post)
        is_new = run.first or run.newest is None or when > run.newest
        before = run.tracker.state(post.id)
        edited = before is not None and before[self.edit_marks] != state[self.edit_marks]
        moved = before is not None and before[self.activity_marks] != state[self.activity_marks]
        if is_new or edited:
            run.emit(post)
        if self.wants_thread(state, is_new, moved):
            if self.comments_in_feed:
                self.read_comments(run, post, entry)
            else:
                run.threads.append(post.id)
        # A feed that carries the comments shows all activity: the post counts as checked.
        run.tracker.record(post.id, state, post.created_at, checked=self.comments_in_feed)
        if run.newest_seen is None or when > run.newest_seen:
            run.newest_seen = when
