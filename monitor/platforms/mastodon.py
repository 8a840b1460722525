"""Mastodon (REST API v1/v2): an account's statuses, the replies under them, lookup and search.

Reading public statuses needs no token; a token (any scope `read`) raises the rate limit to the
account's own and lets account search resolve remote accounts.

Incremental reading: the account's statuses come newest first (Link-header paging); a later run stops
at the first page that reaches a status already seen, so a quiet run reads one page. New replies on
existing posts show as a changed `replies_count` on that page (the thread is then read through the
context endpoint); edits show as a changed `edited_at`. Replies to replies do not change the post's
count, so each run also re-reads the thread of one watched post, the one checked longest ago.
"""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import quote, urlsplit

from monitor.config.model import HttpConfig, ProfileConfig
from monitor.items import Account, Item, MediaRef
from monitor.platforms.feed import FeedAdapter, FeedRun, PageReader
from monitor.platforms.http import NotFound, need_dict, need_list, need_str, next_params, opt_int, opt_str, parse_time


class MastodonAdapter(FeedAdapter):
    name = "mastodon"
    default_base_url = ""  # the instance is taken from the handle (user@instance) when base_url is not set
    account_help = "the account's handle, e.g. 'practice@example.social'"
    token_required = False
    supports_search = True
    supports_lookup = True
    report_route = ("On the account's profile open the ⋯ menu and choose 'Report'; say it impersonates the "
                    "practice and add links to its posts. The account's own server moderates it; if that server "
                    "does nothing, your server's moderators can block it. "
                    "https://docs.joinmastodon.org/user/moderating/#report")
    page_size = 40
    cursor_owner = "account_id"
    time_field = "created_at"

    def __init__(self, profile: ProfileConfig, token: str | None, http: HttpConfig) -> None:
        handle = (profile.account or "").strip().lstrip("@")
        user, _, domain = handle.partition("@")
        if not profile.base_url and domain:
            profile_base = f"https://{domain}"
            from dataclasses import replace

            profile = replace(profile, base_url=profile_base)
        super().__init__(profile, token, http)
        self.instance = urlsplit(self.base_url).hostname or ""
        # Local accounts are looked up by user name alone.
        self.acct = user if domain and domain.lower() == self.instance.lower() else handle

    @classmethod
    def validate_profile(cls, profile: ProfileConfig) -> list[tuple[str, str]]:
        problems = super().validate_profile(profile)
        if profile.account and not profile.base_url and "@" not in profile.account.strip().lstrip("@"):
            problems.append(("base_url", "is required for mastodon unless account is written as user@instance "
                                         "(e.g. 'practice@example.social')"))
        return problems

    def auth(self, token: str | None) -> dict:
        return {"auth_headers": {"Authorization": f"Bearer {token}"}} if token else {}

    # -- accounts ----------------------------------------------------------------------------------
    def parse_account(self, raw) -> Account:
        a = need_dict(raw, "account")
        acct = need_str(a, "acct")
        # Local accounts have a bare acct; their domain is the one in their profile URL.
        domain = urlsplit(opt_str(a, "url") or "").hostname or self.instance
        return Account(
            platform=self.name,
            handle=acct if "@" in acct else f"{acct}@{domain}",
            id=need_str(a, "id"),
            display_name=opt_str(a, "display_name"),
            bio=html_to_text(opt_str(a, "note") or "") or None,
            avatar_url=opt_str(a, "avatar"),
            url=opt_str(a, "url"),
            created_at=parse_time(a.get("created_at")),
            followers=opt_int(a, "followers_count"),
        )

    def fetch_profile(self) -> Account:
        try:
            answer = self.client.get("api/v1/accounts/lookup", {"acct": self.acct}, what=f"account {self.acct!r}")
        except NotFound:
            raise NotFound(f"profile {self.profile.name!r}: the account {self.acct!r} was not found on {self.instance}; "
                           f"check account (and base_url) in the config") from None
        return self.shaped("the account", self.parse_account, answer.data)

    def lookup_account(self, handle: str) -> Account | None:
        return self.lookup(f"account {handle!r}", lambda: self.client.get(
            "api/v1/accounts/lookup", {"acct": handle.strip().lstrip("@")}, what=f"account {handle!r}"))

    def search_accounts(self, query: str, limit: int = 20) -> list[Account]:
        params = {"q": query, "type": "accounts", "limit": max(1, min(limit, 40))}
        if self.token:
            params["resolve"] = "true"  # WebFinger for remote accounts needs a user token
        answer = self.client.get("api/v2/search", params, what="the account search")
        accounts = answer.data.get("accounts") if isinstance(answer.data, dict) else None
        if not isinstance(accounts, list):
            raise self.malformed("the account search", "'accounts' is not an array")
        return self.search_results(accounts, limit)

    # -- statuses ----------------------------------------------------------------------------------
    def _item(self, raw, kind: str, parent_id: str | None, own_id: str) -> Item:
        st = need_dict(raw, "status")
        content = st.get("content")
        if not isinstance(content, str):
            raise ValueError("field 'content' is missing or not text")
        text = html_to_text(content)
        spoiler = opt_str(st, "spoiler_text")
        if spoiler:
            text = f"{spoiler}\n\n{text}" if text else spoiler
        poll = st.get("poll")
        if isinstance(poll, dict) and isinstance(poll.get("options"), list):
            options = [o.get("title") for o in poll["options"] if isinstance(o, dict) and isinstance(o.get("title"), str)]
            if options:
                text += "\n" + "\n".join(f"- {o}" for o in options)
        media = []
        for m in need_list(st.get("media_attachments") or [], "media_attachments"):
            m = need_dict(m, "media attachment")
            if m.get("type") != "image":
                continue
            url = opt_str(m, "url") or opt_str(m, "remote_url")
            if url:
                media.append(MediaRef(url=url, media_id=str(m.get("id") or "") or None, alt_text=opt_str(m, "description")))
        author = self.parse_account(st.get("account"))
        created = parse_time(st.get("created_at"))
        if created is None:
            raise ValueError("field 'created_at' is missing")
        return Item(platform=self.name, id=need_str(st, "id"), kind=kind, author=author, is_official=author.id == own_id,
                    text=text, created_at=created, url=opt_str(st, "url") or opt_str(st, "uri"),
                    updated_at=parse_time(st.get("edited_at")), media=tuple(media), parent_id=parent_id,
                    extra={"replies_count": opt_int(st, "replies_count") or 0})

    def open_feed(self) -> tuple[Account, PageReader]:
        official = self.fetch_profile()

        def page(token):
            params = {"limit": self.page_size, "exclude_reblogs": "true", **(token or {})}
            answer = self.client.get(f"api/v1/accounts/{quote(official.id or '', safe='')}/statuses", params,
                                     what="the account's posts")
            if not isinstance(answer.data, list):
                raise self.malformed("the list of posts", "it is not a JSON array")
            return answer.data, next_params((answer.links.get("next") or {}).get("url"))

        return official, page

    def read_post(self, run: FeedRun, entry) -> Item | None:
        if isinstance(entry, dict) and entry.get("reblog"):
            return None  # someone else's post, boosted
        parent = entry.get("in_reply_to_id") if isinstance(entry, dict) else None
        return self._item(entry, "reply" if parent else "post", str(parent) if parent else None, run.owner_id)

    def post_state(self, post: Item) -> list:
        return [post.extra["replies_count"], post.updated_at.isoformat() if post.updated_at else None]

    def read_thread(self, run: FeedRun, post_id: str) -> None:
        answer = self.client.get(f"api/v1/statuses/{quote(post_id, safe='')}/context", what=f"the replies to post {post_id}")
        data = answer.data
        descendants = data.get("descendants") if isinstance(data, dict) else None
        if not isinstance(descendants, list):
            self.skip(run.result, f"replies to post {post_id}", "'descendants' is missing or not an array")
            return
        for raw in descendants:
            sid = raw.get("id") if isinstance(raw, dict) else None
            try:
                parent = need_str(need_dict(raw, "status"), "in_reply_to_id")
                item = self._item(raw, "comment" if parent == post_id else "reply", parent, run.owner_id)
            except ValueError as exc:
                self.skip(run.result, f"reply {sid or '(no id)'} under post {post_id}", str(exc))
                continue
            run.emit(item)


class _TextExtractor(HTMLParser):
    """Mastodon status HTML to plain text: paragraphs and line breaks kept, link targets kept visible.

    Only text is collected; nothing is fetched or executed. Scripts and styles are dropped whole.
    Mentions and hashtags stay as written (@name, #tag); any other link whose visible text is not its
    own address gets the address appended, so a link hidden behind words is still checked.
    """

    BLOCK = {"p", "div", "blockquote", "li", "ul", "ol", "pre", "h1", "h2", "h3", "h4", "h5", "h6"}
    DROP = {"script", "style", "template", "noscript", "iframe", "object"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.drop_depth = 0
        self.links: list[tuple[str | None, bool, int]] = []  # (href, is_mention_or_tag, start index in out)

    def handle_starttag(self, tag, attrs):
        if tag in self.DROP:
            self.drop_depth += 1
        elif tag == "br":
            self.out.append("\n")
        elif tag in self.BLOCK:
            self._block()
        elif tag == "a":
            a = dict(attrs)
            classes = (a.get("class") or "").split()
            self.links.append((a.get("href"), "mention" in classes or "hashtag" in classes, len(self.out)))

    def handle_startendtag(self, tag, attrs):
        if tag == "br":
            self.out.append("\n")

    def handle_endtag(self, tag):
        if tag in self.DROP:
            self.drop_depth = max(0, self.drop_depth - 1)
        elif tag in self.BLOCK:
            self._block()
        elif tag == "a" and self.links:
            href, quiet, begin = self.links.pop()
            shown = "".join(self.out[begin:]).strip()
            if href and not quiet and href.startswith(("http://", "https://")) and not _same_link(shown, href):
                self.out.append(f" ({href})")

    def handle_data(self, data):
        if not self.drop_depth:
            self.out.append(data)

    def _block(self):
        if self.out and not "".join(self.out[-2:]).endswith("\n\n"):
            self.out.append("\n\n")

    def text(self) -> str:
        lines = "".join(self.out).replace("\xa0", " ").split("\n")
        text = "\n".join(line.strip() for line in lines)
        while "\n\n\n" in text:
            text = text.replace("\n\n\n", "\n\n")
        return text.strip()


def _same_link(shown: str, href: str) -> bool:
    def bare(u: str) -> str:
        u = u.strip().rstrip("/").rstrip("…").lower()
        for prefix in ("https://", "http://", "www."):
            u = u.removeprefix(prefix)
        return u

    s, h = bare(shown), bare(href)
    return bool(s) and (s == h or (len(s) > 8 and h.startswith(s)))


def html_to_text(html: str) -> str:
    """Plain text of a Mastodon HTML fragment (status content or account note)."""
    if not html:
        return ""
    parser = _TextExtractor()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # html.parser is lenient; never let odd markup lose a status
        return html
    return parser.text()
