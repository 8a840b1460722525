"""What each adapter reads from its platform: items, profiles, accounts, incremental runs, images."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from monitor.errors import UnsafeMedia
from monitor.items import MediaRef
from monitor.platforms.mastodon import html_to_text

PLATFORMS = ["facebook", "instagram", "mastodon", "bluesky"]


def _by_id(items):
    return {i.id: i for i in items}


def _ago(fakes, fmt, **delta):
    return fakes.fmt_time(datetime.now(timezone.utc) - timedelta(**delta), fmt)


# -- first run: everything, in the normalized shape -----------------------------------------------

def test_facebook_first_run_reads_feed_album_photos_comments_replies_and_visitor_posts(rig):
    r = rig("facebook")
    result = r.adapter().fetch_items(None)
    items = _by_id(result.items)
    assert result.skipped == []
    assert result.requests_made == 1  # Page fields + feed + attachments + comments in one request
    post = items["1000001_2001"]
    assert post.kind == "post" and post.is_official
    assert [m.media_id for m in post.media] == ["3002", "3003"]  # album sub-attachments, not the cover twice
    assert post.url == "https://www.facebook.com/themicrobiomegroup/posts/2001"
    assert post.created_at.tzinfo is not None
    comment, reply = items["2001_4001"], items["2001_4002"]
    assert (comment.kind, comment.parent_id, comment.is_official) == ("comment", "1000001_2001", False)
    assert comment.author.display_name == "Alex Visitor"
    assert (reply.kind, reply.parent_id, reply.is_official) == ("reply", "2001_4001", True)
    assert items["2001_4003"].media[0].url.endswith("/media/fb-comment-photo.png")
    visitor = items["1000001_2002"]
    assert visitor.kind == "post" and not visitor.is_official  # a visitor post on the Page
    assert items["1000001_2003"].media == ()  # a link preview is not the practice's picture
    assert result.profile.handle == "themicrobiomegroup" and result.profile.followers == 1520
    assert result.profile.avatar_url.endswith("/media/fb-avatar.png")


def test_instagram_first_run_reads_carousel_images_captions_comments_and_replies(rig):
    r = rig("instagram")
    result = r.adapter().fetch_items(None)
    items = _by_id(result.items)
    assert result.requests_made == 1
    carousel = items["17900000000000101"]
    assert [m.media_id for m in carousel.media] == ["17900000000000111", "17900000000000113"]  # videos left out
    assert carousel.text.startswith("Three tips") and carousel.is_official
    spam = items["17800000000000201"]
    assert (spam.kind, spam.author.handle, spam.is_official) == ("comment", "supplement.deals", False)
    own_reply = items["17800000000000202"]
    assert (own_reply.kind, own_reply.parent_id, own_reply.is_official) == ("reply", "17800000000000201", True)
    assert spam.url == "https://www.instagram.com/p/Cabc101/"
    assert result.profile.bio.startswith("Gut-health") and result.profile.followers == 2310


def test_mastodon_first_run_reads_statuses_media_replies_and_skips_boosts(rig):
    r = rig("mastodon")
    result = r.adapter().fetch_items(None)
    items = _by_id(result.items)
    assert "110000000000000102" not in items  # a boost is someone else's post
    post = items["110000000000000104"]
    assert [m.media_id for m in post.media] == ["22001"] and post.media[0].alt_text == "A bowl of oats"
    assert "https://shop.example/promo" in post.text  # link hidden behind words stays visible
    assert "alert(1)" not in post.text
    edited = items["110000000000000103"]
    assert edited.updated_at is not None and edited.text.startswith("Health")  # content warning kept
    crisis = items["110000000000000201"]
    assert (crisis.kind, crisis.parent_id, crisis.is_official) == ("comment", "110000000000000104", False)
    assert crisis.author.handle == "alex@other.example"
    own_reply = items["110000000000000202"]
    assert (own_reply.kind, own_reply.is_official, own_reply.parent_id) == ("reply", True, "110000000000000201")
    assert items["110000000000000203"].media[0].url.endswith("md-reply-photo.png")
    assert result.profile.handle == "microbiomegroup@example.social"
    assert result.profile.created_at.year == 2022 and result.profile.followers == 420


def test_bluesky_first_run_reads_posts_image_embeds_threads_and_skips_reposts(rig):
    r = rig("bluesky")
    result = r.adapter().fetch_items(None)
    items = _by_id(result.items)
    root = items["at://did:plc:practice0000000000000001/app.bsky.feed.post/3kpost00001"]
    assert root.url == "https://bsky.app/profile/microbiomegroup.bsky.social/post/3kpost00001"
    assert [m.media_id for m in root.media] == ["bafkreiimg0001"] and root.media[0].alt_text == "Reception"
    assert "https://harbourlight.example/guide/fibre" in root.text  # shortened link's target kept
    quoted = items["at://did:plc:practice0000000000000001/app.bsky.feed.post/3kpost00002"]
    assert [m.media_id for m in quoted.media] == ["bafkreiimg0002"]  # record-with-media
    visitor = items["at://did:plc:visitor00000000000000002/app.bsky.feed.post/3kother0001"]
    assert (visitor.kind, visitor.is_official, visitor.parent_id) == ("comment", False, root.id)
    own = items["at://did:plc:practice0000000000000001/app.bsky.feed.post/3kpost00004"]
    assert own.is_official and own.parent_id == visitor.id
    assert sum(1 for i in result.items if i.id == visitor.id) == 1  # the repost of it is not a second item
    assert result.profile.created_at.year == 2023 and result.profile.followers == 310


# -- later runs: only what is new ------------------------------------------------------------------

QUIET_RUN_REQUESTS = {"facebook": 1, "instagram": 1, "mastodon": 2, "bluesky": 2}


@pytest.mark.parametrize("platform", PLATFORMS)
def test_a_run_with_nothing_new_makes_a_handful_of_requests_and_returns_nothing(rig, platform):
    r = rig(platform)
    adapter = r.adapter()
    first = adapter.fetch_items(None)
    r.server.reset_log()
    second = adapter.fetch_items(first.cursor)
    assert second.items == []
    assert second.requests_made == len(r.server.log) == QUIET_RUN_REQUESTS[platform]
    assert r.server.count("/media/") == 0


def test_facebook_new_comment_on_an_existing_post_is_found_and_only_it_is_new(rig, fakes):
    r = rig("facebook")
    adapter = r.adapter()
    first = adapter.fetch_items(None)
    r.app.add_comment("1000001_2003", {"id": "2003_4100", "message": "Buy cheap pills at pills.example",
                                       "created_time": _ago(fakes, "graph", minutes=1), "from": {"id": "5009", "name": "Spammer"}})
    second = adapter.fetch_items(first.cursor)
    ids = {i.id for i in second.items}
    assert "2003_4100" in ids and "1000001_2003" in ids
    assert "2001_4001" not in ids  # comments of an unchanged post are not read again


def test_facebook_older_watched_posts_are_checked_in_one_multi_id_request(rig, fakes):
    r = rig("facebook")
    for n in range(30):  # push the commented post off the first feed page
        r.app.add_post("1000001", {"id": f"1000001_9{n:03d}", "message": f"post {n}", "created_time": _ago(fakes, "graph", hours=n + 1),
                                   "updated_time": _ago(fakes, "graph", hours=n + 1), "from": {"id": "1000001", "name": "The Microbiome Group"}})
    adapter = r.adapter()
    first = adapter.fetch_items(None)
    assert first.requests_made == 2  # two feed pages
    r.app.add_comment("1000001_2003", {"id": "2003_4200", "message": "hello", "created_time": _ago(fakes, "graph", minutes=1),
                                       "from": {"id": "5010", "name": "Visitor"}})
    r.server.reset_log()
    second = adapter.fetch_items(first.cursor)
    assert "2003_4200" in {i.id for i in second.items}
    assert r.server.count("ids=") == 2  # one check of updated_time, one read of the moved post
    assert len(r.server.log) == 3


def test_facebook_edited_post_is_returned_again(rig, fakes):
    r = rig("facebook")
    adapter = r.adapter()
    first = adapter.fetch_items(None)
    post = r.app.posts["1000001_2003"][1]
    post["message"] = "Read our guide to fibre. Now with discount code!"
    post["updated_time"] = _ago(fakes, "graph", minutes=1)
    second = adapter.fetch_items(first.cursor)
    assert [i.text for i in second.items if i.id == "1000001_2003"] == ["Read our guide to fibre. Now with discount code!"]


def test_instagram_new_comment_reply_and_edited_caption_are_found(rig, fakes):
    r = rig("instagram")
    adapter = r.adapter()
    first = adapter.fetch_items(None)
    r.app.add_comment("17900000000000102", {"id": "17800000000000300", "text": "How much is a session?",
                                            "timestamp": _ago(fakes, "graph", minutes=2), "username": "curious.cat"})
    r.app.add_comment("17900000000000101", {"id": "17800000000000301", "text": "I disagree", "timestamp": _ago(fakes, "graph", minutes=1),
                                            "username": "other.user"}, parent_comment="17800000000000203")
    r.app.media["17900000000000102"]["caption"] = "Meet our new dietitian! Book now"
    second = adapter.fetch_items(first.cursor)
    items = _by_id(second.items)
    assert items["17800000000000300"].kind == "comment"
    assert items["17800000000000301"].kind == "reply" and items["17800000000000301"].parent_id == "17800000000000203"
    assert items["17900000000000102"].text.endswith("Book now")
    assert second.requests_made == 1


def test_mastodon_new_status_new_reply_and_edit_are_found(rig, fakes):
    r = rig("mastodon")
    adapter = r.adapter()
    first = adapter.fetch_items(None)
    base = dict(r.app.statuses["110000000000000101"])
    r.app.add_status({**base, "id": "110000000000000105", "created_at": _ago(fakes, "iso", minutes=1), "content": "<p>New post</p>"})
    r.app.add_status({**base, "id": "110000000000000204", "created_at": _ago(fakes, "iso", minutes=1), "in_reply_to_id": "110000000000000103",
                      "account": "@109000000000000002", "content": "<p>New reply</p>"})
    r.app.statuses["110000000000000103"]["edited_at"] = _ago(fakes, "iso", minutes=1)
    r.app.statuses["110000000000000103"]["content"] = "<p>Edited again</p>"
    second = adapter.fetch_items(first.cursor)
    items = _by_id(second.items)
    assert set(items) >= {"110000000000000105", "110000000000000204", "110000000000000103"}
    assert items["110000000000000204"].kind == "comment" and items["110000000000000103"].text.endswith("Edited again")


def test_mastodon_reply_to_a_reply_is_found_by_the_rotating_thread_recheck(rig, fakes):
    r = rig("mastodon")
    adapter = r.adapter()
    adapter.recheck_after = 0
    first = adapter.fetch_items(None)
    base = dict(r.app.statuses["110000000000000203"])
    # A reply to a comment does not change the post's replies_count.
    r.app.add_status({**base, "id": "110000000000000205", "created_at": _ago(fakes, "iso", minutes=1),
                      "in_reply_to_id": "110000000000000203", "content": "<p>deep reply</p>", "media_attachments": []})
    second = adapter.fetch_items(first.cursor)
    assert "110000000000000205" in {i.id for i in second.items}
    assert _by_id(second.items)["110000000000000205"].kind == "reply"


def test_bluesky_new_reply_on_an_existing_post_is_found(rig, fakes):
    r = rig("bluesky")
    adapter = r.adapter()
    first = adapter.fetch_items(None)
    target = "at://did:plc:practice0000000000000001/app.bsky.feed.post/3kpost00002"
    r.app.add_post({"uri": "at://did:plc:visitor00000000000000002/app.bsky.feed.post/3knew", "cid": "bafynew",
                    "author": "did:plc:visitor00000000000000002",
                    "record": {"$type": "app.bsky.feed.post", "text": "new reply", "createdAt": _ago(fakes, "iso", minutes=1),
                               "reply": {"root": {"uri": target, "cid": "x"}, "parent": {"uri": target, "cid": "x"}}},
                    "indexedAt": _ago(fakes, "iso", minutes=1)})
    second = adapter.fetch_items(first.cursor)
    assert [i.id for i in second.items] == ["at://did:plc:visitor00000000000000002/app.bsky.feed.post/3knew"]


@pytest.mark.parametrize("platform", ["facebook", "instagram", "mastodon", "bluesky"])
def test_first_run_reads_every_page_up_to_http_max_pages(rig, fakes, platform):
    r = rig(platform)
    app = r.app
    for n in range(120):
        when = _ago(fakes, "graph" if platform in ("facebook", "instagram") else "iso", days=50, minutes=n)
        if platform == "facebook":
            app.add_post("1000001", {"id": f"1000001_8{n:03d}", "message": f"old {n}", "created_time": when, "updated_time": when,
                                     "from": {"id": "1000001", "name": "The Microbiome Group"}})
        elif platform == "instagram":
            app.add_media("17841400000000001", {"id": f"1790000000008{n:04d}", "caption": f"old {n}", "media_type": "IMAGE",
                                                "media_url": f"{r.server.url}/media/old{n}.png", "timestamp": when})
        elif platform == "mastodon":
            base = dict(app.statuses["110000000000000101"])
            app.add_status({**base, "id": str(100000000000000000 + n), "created_at": when, "content": f"<p>old {n}</p>"})
        else:
            app.add_post({"uri": f"at://did:plc:practice0000000000000001/app.bsky.feed.post/old{n:04d}", "cid": f"c{n}",
                          "author": "did:plc:practice0000000000000001",
                          "record": {"$type": "app.bsky.feed.post", "text": f"old {n}", "createdAt": when}, "indexedAt": when})
    adapter = r.adapter()
    first = adapter.fetch_items(None)
    assert sum(1 for i in first.items if i.text.startswith("old ")) == 120
    capped = r.adapter(max_pages=1).fetch_items(None)
    assert sum(1 for i in capped.items if i.text.startswith("old ")) < 120  # http.max_pages bounds a first run


# -- accounts --------------------------------------------------------------------------------------

@pytest.mark.parametrize("platform,handle,expected", [
    ("facebook", "microbiomegroup.official", "microbiomegroup.official"),
    ("instagram", "microbiomegroup.official", "microbiomegroup.official"),
    ("mastodon", "microbiomegroup_official@example.social", "microbiomegroup_official@example.social"),
    ("bluesky", "microbiomegroup-official.bsky.social", "microbiomegroup-official.bsky.social"),
])
def test_lookup_account_finds_existing_and_returns_none_for_missing(rig, platform, handle, expected):
    adapter = rig(platform).adapter()
    found = adapter.lookup_account(handle)
    assert found is not None and found.handle == expected and found.platform == platform
    assert adapter.lookup_account("nobody.here.at.all") is None


@pytest.mark.parametrize("platform", ["facebook", "mastodon", "bluesky"])
def test_search_accounts_finds_lookalikes_by_name(rig, platform):
    adapter = rig(platform).adapter()
    assert adapter.supports_search
    names = [a.display_name for a in adapter.search_accounts("Microbiome Group")]
    assert len(names) >= 2 and all("Microbiome Group" in n for n in names)


def test_instagram_has_no_search_and_says_so(rig):
    adapter = rig("instagram").adapter()
    assert not adapter.supports_search and adapter.search_accounts("anything") == []


def test_fetch_profile_matches_the_profile_in_fetch_items(rig):
    for platform in PLATFORMS:
        adapter = rig(platform).adapter()
        assert adapter.fetch_profile() == adapter.fetch_items(None).profile


def test_mastodon_instance_comes_from_the_handle_when_base_url_is_not_set():
    from monitor.config.model import HttpConfig, ProfileConfig
    from monitor.platforms.mastodon import MastodonAdapter

    profile = ProfileConfig(name="m", platform="mastodon", account="@practice@example.social")
    adapter = MastodonAdapter(profile, None, HttpConfig())
    assert adapter.base_url == "https://example.social" and adapter.acct == "practice"
    assert MastodonAdapter.validate_profile(ProfileConfig(name="m", platform="mastodon", account="practice"))
    adapter.close()


def test_default_base_urls_are_the_real_services():
    from monitor.platforms import adapter_class

    assert adapter_class("facebook").default_base_url.startswith("https://graph.facebook.com/v")
    assert adapter_class("instagram").default_base_url.startswith("https://graph.facebook.com/v")
    assert adapter_class("bluesky").default_base_url == "https://public.api.bsky.app"
    for name in PLATFORMS:
        assert adapter_class(name).report_route  # staff need to know where to report an impersonator


# -- images ----------------------------------------------------------------------------------------

def test_fetch_media_downloads_the_image(rig):
    r = rig("mastodon")
    adapter = r.adapter()
    item = _by_id(adapter.fetch_items(None).items)["110000000000000104"]
    data = adapter.fetch_media(item.media[0], 20_000_000)
    assert data.startswith(b"\x89PNG")
    assert "Authorization" not in r.server.log[-1].headers  # tokens stay with the API


def test_fetch_media_refuses_oversized_images_without_reading_them_whole(rig, fakes):
    r = rig("facebook")
    r.server.images["big.png"] = (b"\x89PNG" + b"\0" * 3_000_000, "image/png")
    adapter = r.adapter()
    with pytest.raises(UnsafeMedia, match="limit"):
        adapter.fetch_media(MediaRef(url=f"{r.server.url}/media/big.png"), 1_000_000)
    r.server.images["chunked.png"] = (b"\x89PNG" + b"\0" * 3_000_000, "image/png")
    # No Content-Length to go by: the cap is enforced while streaming.
    r.server.inject("chunked.png", fakes.Reply(200, b"\x89PNG" + b"\0" * 3_000_000, {"Transfer-Encoding": "chunked"}, "image/png"))
    with pytest.raises(UnsafeMedia, match="over the 1,000,000-byte limit"):
        adapter.fetch_media(MediaRef(url=f"{r.server.url}/media/chunked.png"), 1_000_000)


def test_fetch_media_refuses_non_images_and_non_http_addresses(rig):
    r = rig("bluesky")
    r.server.images["page.html"] = (b"<html>not an image</html>", "text/html")
    adapter = r.adapter()
    with pytest.raises(UnsafeMedia, match="not an image"):
        adapter.fetch_media(MediaRef(url=f"{r.server.url}/media/page.html"), 1_000_000)
    for url in ("file:///etc/passwd", "ftp://example.org/x.png", "data:image/png;base64,AAAA"):
        with pytest.raises(UnsafeMedia, match="not http or https"):
            adapter.fetch_media(MediaRef(url=url), 1_000_000)


def test_fetch_media_refuses_private_addresses_when_the_api_is_public():
    from monitor.config.model import HttpConfig, ProfileConfig
    from monitor.platforms.bluesky import BlueskyAdapter

    adapter = BlueskyAdapter(ProfileConfig(name="b", platform="bluesky", account="x.bsky.social"), None, HttpConfig())
    for url in ("http://127.0.0.1:9/a.png", "http://169.254.169.254/latest/meta-data", "http://localhost/a.png"):
        with pytest.raises(UnsafeMedia, match="private or local"):
            adapter.fetch_media(MediaRef(url=url), 1_000_000)
    assert adapter.client.requests_made == 0
    adapter.close()


# -- Mastodon HTML ---------------------------------------------------------------------------------

@pytest.mark.parametrize("html,expected", [
    ("<p>One</p><p>Two<br>three</p>", "One\n\nTwo\nthree"),
    ('<p><a href="https://evil.example/x">click here</a></p>', "click here (https://evil.example/x)"),
    ('<p><a href="https://nhs.uk/a"><span class="invisible">https://</span><span class="">nhs.uk/a</span></a></p>', "https://nhs.uk/a"),
    ('<p><span class="h-card"><a href="https://x.example/@bo" class="u-url mention">@<span>bo</span></a></span> hi</p>', "@bo hi"),
    ("<p>a &amp; b &lt;c&gt;</p><script>steal()</script><style>p{}</style>", "a & b <c>"),
    ('<p><a href="javascript:alert(1)">x</a> <img src=x onerror=alert(1)></p>', "x"),
    ("", ""),
])
def test_mastodon_html_becomes_safe_plain_text(html, expected):
    assert html_to_text(html) == expected
