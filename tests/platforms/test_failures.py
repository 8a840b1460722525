"""How the adapters behave when platforms fail, throttle, refuse tokens or answer nonsense."""

from __future__ import annotations

import json
import logging
import time

import pytest

from monitor.errors import AuthError, MalformedAnswer, PlatformError, RateLimited, Unreachable

PLATFORMS = ["facebook", "instagram", "mastodon", "bluesky"]
FEED_PATH = {"facebook": "/v21.0/1000001", "instagram": "/v21.0/17841400000000001",
             "mastodon": "/statuses", "bluesky": "getAuthorFeed"}


def _html(fakes, status=200):
    return fakes.Reply(status, b"<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>", {}, "text/html")


# -- rate limits -----------------------------------------------------------------------------------

@pytest.mark.parametrize("platform", PLATFORMS)
def test_429_with_a_long_retry_after_pauses_that_platform_only(rig, fakes, platform):
    r = rig(platform)
    other = rig("mastodon" if platform != "mastodon" else "bluesky")
    r.server.inject(FEED_PATH[platform], fakes.json_reply({"error": "RateLimitExceeded"}, 429, {"Retry-After": "120"}))
    with pytest.raises(RateLimited) as caught:
        r.adapter().fetch_items(None)
    assert 100 <= caught.value.retry_after <= 120
    sent = len(r.server.log)
    with pytest.raises(RateLimited, match="paused"):  # a second profile on the same platform waits too
        r.adapter(name="second-profile").fetch_items(None)
    assert len(r.server.log) == sent  # ... without sending anything
    assert other.adapter().fetch_items(None).items  # other platforms carry on


def test_429_with_a_short_retry_after_is_waited_out(rig, fakes):
    r = rig("bluesky")
    r.server.inject("getAuthorFeed", fakes.json_reply({"error": "RateLimitExceeded", "message": "slow down"}, 429, {"Retry-After": "1"}))
    started = time.monotonic()
    result = r.adapter().fetch_items(None)
    assert result.items and time.monotonic() - started >= 0.9


@pytest.mark.parametrize("code", [4, 17, 32, 613, 80001])
def test_graph_throttling_codes_pause_the_platform(rig, fakes, code):
    r = rig("facebook")
    r.server.inject("/v21.0/1000001", r.app.error(code, "(#4) Application request limit reached", 400))
    with pytest.raises(RateLimited, match=f"code {code}"):
        r.adapter().fetch_items(None)
    with pytest.raises(RateLimited):
        r.adapter(name="again").fetch_profile()


def test_graph_usage_headers_near_the_limit_pause_before_facebook_refuses(rig):
    r = rig("instagram")
    r.app.usage = {"call_count": 97, "total_cputime": 20, "total_time": 30}
    adapter = r.adapter()
    first = adapter.fetch_items(None)  # this answer is still used
    assert first.items
    with pytest.raises(RateLimited):
        adapter.fetch_items(first.cursor)


def test_business_use_case_usage_header_is_understood(rig):
    r = rig("facebook")
    r.app.usage = None
    r.server.inject("/v21.0/1000001", lambda req: _with_header(r, req, "X-Business-Use-Case-Usage", json.dumps(
        {"1000001": [{"type": "pages", "call_count": 99, "total_cputime": 10, "total_time": 12, "estimated_time_to_regain_access": 7}]})))
    adapter = r.adapter()
    adapter.fetch_items(None)
    with pytest.raises(RateLimited) as caught:
        adapter.fetch_profile()
    assert 400 <= caught.value.retry_after <= 420  # 7 minutes, as the header said


def _with_header(r, req, name, value):
    reply = r.app.handle(req)
    reply.headers[name] = value
    return reply


def test_mastodon_rate_limit_headers_pause_before_a_429(rig):
    r = rig("mastodon")
    r.app.remaining = 2  # the lookup answer says 1 left, below the reserve
    with pytest.raises(RateLimited):
        r.adapter().fetch_items(None)
    assert r.server.count("/statuses") == 0


# -- tokens ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("platform", ["facebook", "instagram"])
def test_expired_graph_token_is_one_clear_auth_error_without_the_token(rig, platform):
    r = rig(platform)
    adapter = r.adapter(token="EAAGexpiredTokenValue987654321")
    with pytest.raises(AuthError) as caught:
        adapter.fetch_items(None)
    text = str(caught.value)
    assert f"practice-{platform}" in text and "expired or revoked" in text
    assert f"{platform.upper()}_TOKEN" in text  # says which credential to replace
    assert "EAAGexpiredTokenValue987654321" not in text
    assert len(r.server.log) == 1  # not retried


def test_mastodon_401_is_an_auth_error_naming_the_profile(rig):
    r = rig("mastodon")
    r.app.token = "real-token-abcdef123456"
    with pytest.raises(AuthError, match="practice-mastodon.*rejected.*MASTODON_TOKEN"):
        r.adapter(token="wrong-token-zyxwv987654").fetch_items(None)
    with pytest.raises(AuthError, match="requires an access token"):
        r.adapter(token=None).fetch_items(None)


def test_graph_permission_error_says_what_to_do(rig):
    r = rig("facebook")
    r.server.inject("/v21.0/1000001", r.app.error(10, "(#10) This endpoint requires the 'pages_read_engagement' permission", 403))
    with pytest.raises(AuthError, match="pages_read_engagement"):
        r.adapter().fetch_items(None)


def test_tokens_never_reach_logs_or_error_messages(rig, fakes, caplog):
    token = "EAAGsuperSecretToken5555"
    r = rig("facebook")
    r.app.token = token
    caplog.set_level(logging.DEBUG)
    messages = []
    scenarios = [
        ("/v21.0/1000001", fakes.json_reply({"error": "x"}, 500), 5),
        ("/v21.0/1000001", _html(fakes), 1),
        ("/v21.0/1000001", fakes.Reply(200, b'{"id": "1000001", "name": ', {}), 1),
        ("/v21.0/1000001", fakes.Reply(302, b"", {"Location": "/v21.0/1000001?access_token=" + token}), 20),
        ("/v21.0/1000001", r.app.error(190, "Error validating access token " + token, 400), 1),
    ]
    for path, reply, times in scenarios:
        RateGate_clear()
        r.server.faults.clear()
        r.server.inject(path, reply, times)
        with pytest.raises(PlatformError) as caught:
            r.adapter(token=token).fetch_items(None)
        messages.append(str(caught.value))
    # a paging `next` link carrying the token is followed without leaking it
    for n in range(40):
        r.app.add_post("1000001", {"id": f"1000001_7{n:03d}", "message": "x", "created_time": "2024-01-01T00:00:00+0000",
                                   "updated_time": "2024-01-01T00:00:00+0000", "from": {"id": "1000001", "name": "P"}})
    r.server.faults.clear()
    assert len(r.adapter(token=token).fetch_items(None).items) > 25
    for m in messages:
        assert token not in m
    logged = [rec.getMessage() for rec in caplog.records if rec.name.startswith("monitor")]
    assert logged and not [m for m in logged if token in m]
    assert all(token not in rec.getMessage() for rec in caplog.records if rec.levelno >= logging.INFO)


def RateGate_clear():  # noqa: N802 - reads like the class method it calls
    from monitor.platforms.http import RateGate

    RateGate.clear()


# -- transient failures ----------------------------------------------------------------------------

@pytest.mark.parametrize("platform", PLATFORMS)
def test_5xx_is_retried_and_then_succeeds(rig, fakes, platform):
    r = rig(platform)
    r.server.inject(FEED_PATH[platform], fakes.json_reply({"error": "boom"}, 503), times=2)
    result = r.adapter().fetch_items(None)
    assert result.items and result.requests_made >= 3


def test_5xx_that_never_clears_is_unreachable_after_the_retries(rig, fakes):
    r = rig("mastodon")
    r.server.inject("/statuses", _html(fakes, 502), times=10)
    with pytest.raises(Unreachable, match="HTTP 502.*after 3 attempts"):
        r.adapter(retries=2).fetch_items(None)
    assert r.server.count("/statuses") == 3


def test_graph_temporary_error_code_is_retried(rig):
    r = rig("instagram")
    r.server.inject("/v21.0/17841400000000001", r.app.error(2, "An unexpected error has occurred. Please retry your request later.", 500))
    assert r.adapter().fetch_items(None).items


def test_connection_refused_is_unreachable_with_a_plain_reason(rig):
    r = rig("bluesky")
    adapter = r.adapter()
    r.server.stop()
    with pytest.raises(Unreachable, match="connection refused|could not connect"):
        adapter.fetch_items(None)


# -- malformed answers -----------------------------------------------------------------------------

@pytest.mark.parametrize("platform", PLATFORMS)
def test_truncated_json_is_a_malformed_answer(rig, fakes, platform):
    r = rig(platform)
    r.server.inject(FEED_PATH[platform], fakes.Reply(200, b'{"data": [{"id": "1", "message": "cut'))
    with pytest.raises(MalformedAnswer, match="cut off|not valid JSON"):
        r.adapter().fetch_items(None)


@pytest.mark.parametrize("platform", PLATFORMS)
def test_html_error_page_is_a_malformed_answer(rig, fakes, platform):
    r = rig(platform)
    r.server.inject(FEED_PATH[platform], _html(fakes))
    with pytest.raises(MalformedAnswer, match="HTML page"):
        r.adapter().fetch_items(None)


@pytest.mark.parametrize("platform", PLATFORMS)
def test_redirect_loop_is_reported_not_followed_forever(rig, fakes, platform):
    r = rig(platform)
    r.server.inject(FEED_PATH[platform], lambda req: fakes.Reply(302, b"", {"Location": req.raw_path}), times=50)
    with pytest.raises(Unreachable, match="redirects in a loop"):
        r.adapter().fetch_items(None)
    assert len(r.server.log) <= 8


@pytest.mark.parametrize("platform", PLATFORMS)
def test_wrong_shape_for_the_whole_list_is_a_malformed_answer(rig, fakes, platform):
    r = rig(platform)
    bad = {"facebook": {"id": "1000001", "name": "P", "feed": {"data": "nope"}},
           "instagram": {"id": "17841400000000001", "username": "u", "media": {"data": {"x": 1}}},
           "mastodon": {"statuses": []},
           "bluesky": {"feed": "nope"}}[platform]
    r.server.inject(FEED_PATH[platform] if platform not in ("facebook", "instagram") else FEED_PATH[platform] + "?",
                    fakes.json_reply(bad))
    with pytest.raises(MalformedAnswer, match="documented shape"):
        r.adapter().fetch_items(None)


def test_facebook_malformed_items_are_skipped_with_reasons_and_the_rest_is_read(rig):
    r = rig("facebook")
    page = r.app.pages["1000001"]
    page["posts"] += [
        {"id": "1000001_6001", "message": "no date", "from": {"id": "1000001", "name": "P"}},
        {"id": "1000001_6002", "message": ["not", "text"], "created_time": "2024-01-01T00:00:00+0000", "from": {"id": "1"}},
        {"id": "1000001_6003", "message": "bad date", "created_time": "yesterday", "from": {"id": "1000001"}},
        "not even an object",
    ]
    r.app.posts["1000001_2001"][1]["comments"].append({"id": "2001_4999", "message": "no time", "from": {"id": "5"}})
    result = r.adapter().fetch_items(None)
    assert len(result.skipped) == 5
    joined = "\n".join(result.skipped)
    assert "post 1000001_6001: field 'created_time' is missing" in joined
    assert "post 1000001_6002: field 'message' has the wrong type" in joined
    assert "not ISO 8601" in joined and "comment 2001_4999" in joined and "(no id)" in joined
    assert {"1000001_2001", "2001_4001", "1000001_2002"} <= {i.id for i in result.items}


@pytest.mark.parametrize("platform", ["instagram", "mastodon", "bluesky"])
def test_malformed_items_are_skipped_with_a_reason_on_every_platform(rig, platform):
    r = rig(platform)
    app = r.app
    if platform == "instagram":
        app.add_media("17841400000000001", {"id": "17900000000000999", "caption": 42, "media_type": "IMAGE", "timestamp": "2099-01-01T00:00:00+0000"})
        app.add_comment("17900000000000101", {"id": "17800000000000999", "text": "no user", "timestamp": "2024-01-01T00:00:00+0000"})
    elif platform == "mastodon":
        base = dict(app.statuses["110000000000000101"])
        app.add_status({**base, "id": "110000000000000999", "content": None})
        app.add_status({**base, "id": "110000000000000998", "in_reply_to_id": "110000000000000104", "created_at": 12,
                        "account": "@109000000000000002"})
    else:
        app.add_post({"uri": "at://did:plc:practice0000000000000001/app.bsky.feed.post/bad1", "author": "did:plc:practice0000000000000001",
                      "record": {"text": 42, "createdAt": "2099-01-01T00:00:00.000Z"}, "indexedAt": "2099-01-01T00:00:00.000Z"})
        app.profiles["did:plc:visitor00000000000000002"]["handle"] = None
    result = r.adapter().fetch_items(None)
    assert len(result.skipped) == 2, result.skipped
    assert all(s.startswith(platform) for s in result.skipped)
    assert len(result.items) >= 3  # the well-formed ones are still there


def test_missing_account_says_to_check_the_config(rig):
    for platform, account in (("mastodon", "ghost@example.social"), ("bluesky", "ghost.bsky.social"),
                              ("facebook", "999999"), ("instagram", "178414999")):
        with pytest.raises(PlatformError, match="not found.*check account|not found.*account must be") as caught:
            rig(platform).adapter(account=account).fetch_items(None)
        assert caught.value.kind == "not_found"
