"""Configuration changes what is flagged: switched-off categories, severities, extra words and
patterns, allowed domains (and their subdomains), permitted authors, approved posts and products."""

from __future__ import annotations

from monitor.config.model import PostsConfig


def test_disabled_category_is_never_reported(check):
    text = "can I move my appointment to Friday?"
    assert "booking" in check(text)
    assert check(text, disabled=["booking"]) == {}


def test_severity_override(check):
    assert check("can I book a session?", severities={"booking": "normal"})["booking"].severity == "normal"
    assert check("you idiot")["abusive"].severity == "high"
    assert check("you idiot", severities={"abusive": "urgent"})["abusive"].severity == "urgent"


def test_extra_words_add_to_a_category_with_exact_evidence(check):
    text = "The Wellbeing Hub helped me a lot"
    assert "promotional" not in check(text)
    f = check(text, extra_words={"promotional": ["wellbeing hub"]})["promotional"]
    assert f.rule == "promotional.configured"
    assert [(e.text, e.start, e.end) for e in f.evidence] == [("Wellbeing Hub", 4, 17)]


def test_extra_patterns_are_case_insensitive_regexes_on_the_original(check):
    f = check("Ring CLIENT-4411 about it", extra_patterns={"privacy": [r"client-\d{4}"]})["privacy"]
    assert f.evidence[0].text == "CLIENT-4411"


def test_extra_words_only_apply_where_their_category_applies(check):
    # review_solicitation is a check on the practice's own posts only
    assert "review_solicitation" not in check("please vote for us", extra_words={"review_solicitation": ["vote for us"]})
    assert "review_solicitation" in check("please vote for us", own=True, extra_words={"review_solicitation": ["vote for us"]})


def test_allowed_domains_include_subdomains_but_not_lookalikes(check):
    cfg = {"allowed_domains": ["harbourlight.example"]}
    assert "promotional" not in check("see https://blog.harbourlight.example/post/1", **cfg)
    assert "promotional" not in check("see www.harbourlight.example", **cfg)
    assert "promotional" in check("see https://harbourlight.example.evil.com/login", **cfg)
    assert "promotional" in check("see https://notharbourlight.example/", **cfg)
    assert "promotional" in check("see https://blog.harbourlight.example/post/1")  # not allowed by default


def test_permitted_authors_may_promote_but_are_still_checked_for_the_rest(check):
    text = "Our café has 2-for-1 cakes today! www.harbourcafe.example"
    assert "promotional" in check(text, author="harbourcafe")
    assert "promotional" not in check(text, author="@HarbourCafe", permitted_authors=["harbourcafe"])
    assert "abusive" in check("you idiot", author="harbourcafe", permitted_authors=["harbourcafe"])


def test_approved_post_ids_are_never_flagged(check):
    assert check("DM me for crypto tips", item_id="p-9", approved_post_ids=["p-9"]) == {}
    assert "promotional" in check("DM me for crypto tips", item_id="p-10", approved_post_ids=["p-9"])


def test_approved_endorsements(check):
    text = "We're partnering with Lantern Books this month: 10% off our reading list!"
    assert "endorsement" in check(text, own=True)
    assert "endorsement" not in check(text, own=True, approved_endorsements=["Lantern Books"])


def test_compiled_config_is_cached_per_config_object():
    from monitor.checks.posts import compile_posts

    a = PostsConfig(allowed_domains=["x.example"])
    assert compile_posts(a) is compile_posts(a)
    assert compile_posts(PostsConfig(allowed_domains=["y.example"])) is not compile_posts(a)


def test_check_item_uses_official_flag_author_and_repeat_count():
    from monitor.checks import CheckContext
    from monitor.checks.posts import check_item
    from monitor.config.model import Config, PracticeConfig, ProfileConfig
    from monitor.items import Account, Item

    cfg = Config(practice=PracticeConfig(name="Harbour Light"), posts=PostsConfig(permitted_authors=["friendlycafe"]))
    ctx = CheckContext(config=cfg, profile=ProfileConfig(name="p", platform="export"))

    def item(text, handle="someone", official=False, iid="1"):
        return Item(platform="export", id=iid, kind="comment", author=Account(platform="export", handle=handle), is_official=official, text=text)

    assert [f.category for f in check_item(item("Please leave us a 5-star review!", official=True), ctx)] == ["review_solicitation"]
    assert check_item(item("Please leave us a 5-star review!"), ctx) == []
    assert check_item(item("Follow me for recipes www.cafe.example", handle="friendlycafe"), ctx) == []
    spam = item("nice one, see my profile @page.x")
    repeated = CheckContext(config=cfg, profile=ctx.profile, repeat_count=5)
    assert "promotional.repeated" in check_item(spam, repeated)[0].details.get("rules", [check_item(spam, repeated)[0].rule])
