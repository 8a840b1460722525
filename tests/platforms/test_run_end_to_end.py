"""The whole program against each platform's loopback fake: `run` → adapters → checks → store → alerts.

Each test starts a fake of one platform (tests/platforms/fakes.py), adds the comments and images a
practice would see in a bad week, and runs the real CLI (`practice-monitor run --json`, once as a
separate process where the console program itself is the point, otherwise in-process through
`monitor.cli.main` for speed). What is asserted is what an admin sees: exit codes, `run --json`,
`findings list --json`, the .eml alerts in the outbox and the `runs` table.
"""

from __future__ import annotations

import email
import io
import json
import re
from collections import Counter
from datetime import datetime, timedelta, timezone
from email import policy
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select

from monitor.cli import main
from monitor.media import synthetic
from monitor.store.db import Store
from monitor.store.models import Run

PLATFORMS = ["facebook", "instagram", "mastodon", "bluesky"]
ACCOUNTS = {"facebook": "1000001", "instagram": "17841400000000001",
            "mastodon": "microbiomegroup@example.social", "bluesky": "microbiomegroup.bsky.social"}
TOKEN_ENV = {"facebook": "FACEBOOK_TOKEN", "instagram": "INSTAGRAM_TOKEN", "mastodon": "MASTODON_TOKEN", "bluesky": ""}
MASTODON_TOKEN = "mastodonSecretToken0123456789abcdef"
# Each platform's main endpoint: the request that reads the profile's posts.
FEED_PATH = {"facebook": "/v21.0/1000001?", "instagram": "/v21.0/17841400000000001?",
             "mastodon": "/statuses?", "bluesky": "getAuthorFeed"}
IDENTITY = {"name": "The Microbiome Group", "handles": {
    "facebook": "themicrobiomegroup", "instagram": "microbiomegroup",
    "mastodon": "microbiomegroup@example.social", "bluesky": "microbiomegroup.bsky.social"}}

PROMO = "Struggling with bloating? My detox tea fixed me in a week! Order now at slimtea-deals.example with code HEAL20 for 20% off"
ABUSE = "You are a bunch of useless idiots and frauds. Pathetic quacks."
NEGATIVE = ("Honestly the worst appointment I've had. Waited 40 minutes, the therapist seemed rushed and the fees "
            "are far too high for what you get. Very disappointed.")
IMPERSONATOR_TEXT = "Thanks everyone for your support! Message this account for appointments."
EXPORT_PROMO = "Best probiotics at half price, buy now at gutdeals.example/shop with code SAVE50"


# -- pictures ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def pictures() -> dict[str, bytes]:
    """The approved photo, a benign variant of it (smaller, re-compressed) and an unrelated photo."""
    scene = synthetic.outdoor_scene(11, 360, 240).image
    approved = synthetic.encode(scene, "JPEG", quality=92)
    variant = synthetic.encode(scene.resize((270, 180), Image.Resampling.LANCZOS), "JPEG", quality=80)
    unknown = synthetic.encode(synthetic.indoor_scene(23, 240, 300).image, "JPEG", quality=90)
    assert Image.open(io.BytesIO(variant)).size == (270, 180)
    return {"approved": approved, "variant": variant, "unknown": unknown}


# -- the scenario each fake is loaded with ------------------------------------------------------

def _ago(fakes, platform: str, **delta) -> str:
    fmt = "graph" if platform in ("facebook", "instagram") else "iso"
    return fakes.fmt_time(datetime.now(timezone.utc) - timedelta(**delta), fmt)


class Scenario:
    """What was added to one fake, and what the run must therefore find."""

    def __init__(self, platform: str) -> None:
        self.platform = platform
        self.ids: dict[str, str] = {}       # role -> the platform's own id of the added comment
        self.urls: dict[str, str] = {}      # role -> its public URL
        self.images: dict[str, str] = {}    # role -> served image name (under /media/)
        self.image_posts: dict[str, str] = {}  # role -> id of the official post carrying it
        self.items_total = 0                # every item the adapter must return on a first run


def seed(fakes, r, pictures: dict | None) -> Scenario:
    """Add a promotional, an abusive, a harsh-but-fair and an impersonator's comment, and set the images
    (without `pictures` the fake serves its own small placeholder images)."""
    p, app, url = r.platform, r.app, r.server.url
    sc = Scenario(p)
    comments = {"promo": PROMO, "abuse": ABUSE, "negative": NEGATIVE, "impersonator": IMPERSONATOR_TEXT}
    if p == "facebook":
        who = {"promo": ("5101", "Slim Tea Deals"), "abuse": ("5102", "Rob Angry"), "negative": ("5103", "Pat Critic"),
               "impersonator": ("1000099", "The Microbiome Group Official")}
        for n, (role, text) in enumerate(comments.items()):
            cid = f"2001_41{n:02d}"
            sc.ids[role] = cid
            sc.urls[role] = f"https://www.facebook.com/themicrobiomegroup/posts/2001?comment_id=41{n:02d}"
            app.add_comment("1000001_2001", {"id": cid, "message": text, "created_time": _ago(fakes, p, hours=5 - n),
                                             "from": {"id": who[role][0], "name": who[role][1]}, "permalink_url": sc.urls[role]})
        sc.images = {"approved": "fb-photo-1.png", "variant": "fb-cover.png", "unknown": "fb-photo-2.png"}
        sc.image_posts = {"approved": "1000001_2001", "variant": "1000001_2004", "unknown": "1000001_2001"}
        sc.items_total = 7 + len(comments)  # 4 posts, 3 comments/replies in the fixture
    elif p == "instagram":
        who = {"promo": "slimtea.deals", "abuse": "rob.angry", "negative": "pat.critic", "impersonator": "microbiomegroup.official"}
        for n, (role, text) in enumerate(comments.items()):
            cid = f"178000000000003{n:02d}"
            sc.ids[role] = cid
            sc.urls[role] = "https://www.instagram.com/p/Cabc101/"  # Instagram comments have no URL of their own
            app.add_comment("17900000000000101", {"id": cid, "text": text, "timestamp": _ago(fakes, p, hours=5 - n),
                                                  "username": who[role], "from": {"id": f"178414000000009{n:02d}", "username": who[role]},
                                                  "like_count": 0, "hidden": False})
        sc.images = {"approved": "ig-tip-1.png", "variant": "ig-tip-3.png", "unknown": "ig-team.png"}
        sc.image_posts = {"approved": "17900000000000101", "variant": "17900000000000101", "unknown": "17900000000000102"}
        sc.items_total = 6 + len(comments)  # 3 media, 2 comments, 1 reply
    elif p == "mastodon":
        app.token = MASTODON_TOKEN
        base = dict(app.statuses["110000000000000203"])
        who = {"promo": "slimtea", "abuse": "robangry", "negative": "patcritic"}
        for n, role in enumerate(who):
            aid = f"10900000000000010{n}"
            app.accounts[aid] = {**app.accounts["109000000000000002"], "id": aid, "username": who[role], "acct": f"{who[role]}@other.example",
                                 "display_name": who[role].title(), "url": f"https://other.example/@{who[role]}"}
        for n, (role, text) in enumerate(comments.items()):
            sid = f"1100000000000003{n:02d}"
            account = "@109000000000000003" if role == "impersonator" else f"@10900000000000010{n}"
            sc.ids[role] = sid
            sc.urls[role] = f"https://other.example/@x/{sid}"
            app.add_status({**base, "id": sid, "created_at": _ago(fakes, p, hours=5 - n), "in_reply_to_id": "110000000000000104",
                            "account": account, "content": f"<p>{text}</p>", "url": sc.urls[role], "uri": sc.urls[role],
                            "media_attachments": []})
        own = dict(app.statuses["110000000000000101"])
        app.add_status({**own, "id": "110000000000000105", "created_at": _ago(fakes, p, hours=2), "content": "<p>Our garden room.</p>",
                        "url": "https://example.social/@microbiomegroup/110000000000000105",
                        "media_attachments": [{"id": "22003", "type": "image", "url": f"{url}/media/md-photo-2.png",
                                               "preview_url": f"{url}/media/md-photo-2.png", "remote_url": None, "description": "Garden"}]})
        sc.images = {"approved": "md-photo-1.png", "unknown": "md-photo-2.png"}
        sc.image_posts = {"approved": "110000000000000104", "unknown": "110000000000000105"}
        sc.items_total = 6 + 1 + len(comments)  # 3 statuses (a boost is not one), 3 replies; the new status
    else:
        root = "at://did:plc:practice0000000000000001/app.bsky.feed.post/3kpost00001"
        who = {"promo": "slimtea", "abuse": "robangry", "negative": "patcritic"}
        for role, handle in who.items():
            did = f"did:plc:{handle:0<24}"
            app.profiles[did] = {**app.profiles["did:plc:visitor00000000000000002"], "did": did, "handle": f"{handle}.bsky.social",
                                 "displayName": handle.title()}
        for n, (role, text) in enumerate(comments.items()):
            did = "did:plc:lookalike000000000000003" if role == "impersonator" else f"did:plc:{who[role]:0<24}"
            rkey = f"3kadd0000{n}"
            uri = f"at://{did}/app.bsky.feed.post/{rkey}"
            handle = app.profiles[did]["handle"]
            sc.ids[role], sc.urls[role] = uri, f"https://bsky.app/profile/{handle}/post/{rkey}"
            when = _ago(fakes, p, hours=5 - n)
            app.add_post({"uri": uri, "cid": f"bafyreiadd{n}", "author": did, "indexedAt": when, "labels": [],
                          "record": {"$type": "app.bsky.feed.post", "text": text, "createdAt": when,
                                     "reply": {"root": {"uri": root, "cid": "bafyreipost00001"}, "parent": {"uri": root, "cid": "bafyreipost00001"}}}})
        did = "did:plc:practice0000000000000001"
        sc.images = {"approved": f"bs-full/{did}/bafkreiimg0001@png", "unknown": f"bs-full/{did}/bafkreiimg0002@png"}
        sc.image_posts = {"approved": root, "unknown": f"at://{did}/app.bsky.feed.post/3kpost00002"}
        sc.items_total = 5 + len(comments)  # 3 posts, a visitor reply and the practice's answer
    for role, name in sc.images.items():
        if pictures is not None:
            r.server.images[name] = (pictures[role], "image/jpeg")
    return sc


# -- configs -----------------------------------------------------------------------------------

def fake_profile(r, name: str | None = None) -> dict:
    prof = {"name": name or f"practice-{r.platform}", "platform": r.platform,
            "base_url": r.server.url + ("/v21.0" if r.platform in ("facebook", "instagram") else ""),
            "account": ACCOUNTS[r.platform]}
    if TOKEN_ENV[r.platform]:
        prof["token_env"] = TOKEN_ENV[r.platform]
    return prof


def token_of(r) -> str | None:
    return getattr(r.app, "token", None)


def set_tokens(monkeypatch, *rigs) -> None:
    """The profiles' tokens in the environment (the subprocess CLI inherits it)."""
    for r in rigs:
        if TOKEN_ENV[r.platform]:
            monkeypatch.setenv(TOKEN_ENV[r.platform], r.app.token)


@pytest.fixture
def library(tmp_path, pictures) -> Path:
    lib = tmp_path / "approved-media" / "2026"
    lib.mkdir(parents=True)
    (lib / "garden-front.jpg").write_bytes(pictures["approved"])
    return tmp_path / "approved-media"


@pytest.fixture
def config_for(write_config):
    """config_for(profiles) -> config path: the identity, the library (the `library` fixture fills it), fast HTTP,
    the sweep kept to commenters."""

    def make(profiles: list[dict], **sections) -> Path:
        return write_config({
            "media": {"library": "approved-media"},
            "identities": [IDENTITY],
            # The look-alike search and handle look-ups are the sweep's own tests; here they would make
            # the "at most one request per endpoint" promise of a quiet run untestable.
            "impersonation": {"search": False, "lookups_per_run": 0},
            "http": {"timeout": 5.0, "retries": 1},
            "profiles": profiles,
            **sections,
        })

    return make


@pytest.fixture
def export_profile(make_export, export_post) -> dict:
    folder = make_export([export_post("e1", "Our autumn newsletter is out.", comments=[
        export_post("e1c1", EXPORT_PROMO, handle="gutdeals")])])
    return {"name": "practice-export", "platform": "export", "path": str(folder)}


@pytest.fixture
def run_cli(capsys):
    """run_cli(config, *args) -> (exit code, stdout, stderr) of the real CLI in this process."""

    def run(config: Path, *args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        rc = main(["--config", str(config), *args])
        out, err = capsys.readouterr()
        return rc, out, err

    return run


def findings_list(run_cli, config: Path) -> list[dict]:
    """Every stored finding, as `findings list --json` shows it."""
    rc, out, _ = run_cli(config, "findings", "list", "--json", "--status", "all")
    assert rc == 0
    return json.loads(out)


def last_run(config: Path) -> Run:
    """The newest row of the `runs` table: what an admin (or `serve`'s status) reads about the last run."""
    store = Store(f"sqlite:///{config.parent / 'state' / 'monitor.db'}")
    try:
        with store.session() as s:
            run = s.scalars(select(Run).order_by(Run.id.desc())).first()
            s.expunge(run)
            return run
    finally:
        store.dispose()


def outbox(config: Path) -> list[email.message.EmailMessage]:
    folder = config.parent / "outbox"
    return [email.message_from_bytes(f.read_bytes(), policy=policy.default) for f in sorted(folder.glob("*.eml"))] if folder.is_dir() else []


def profile_entry(report: dict, name: str) -> dict:
    return next(p for p in report["profiles"] if p["name"] == name)


# -- 1. a first and a second run against each fake ------------------------------------------------

@pytest.mark.parametrize("platform", PLATFORMS)
def test_run_finds_what_a_bad_week_holds_and_a_second_run_finds_nothing_new(rig, fakes, pictures, library, config_for, cli, run_cli,
                                                                          monkeypatch, platform):
    r = rig(platform)
    sc = seed(fakes, r, pictures)
    name = f"practice-{platform}"
    config = config_for([fake_profile(r)])
    set_tokens(monkeypatch, r)

    proc = cli(["run", "--json", "--config", config], check_rc=0)  # the console program, as cron runs it
    report = json.loads(proc.stdout)
    entry = profile_entry(report, name)
    assert (entry["status"], entry["platform"], entry["error"]) == ("ok", platform, None)
    assert entry["items_new"] == sc.items_total

    found = findings_list(run_cli, config)
    assert entry["findings_new"] == len(found)
    by_item: dict[str, set[str]] = {}
    for f in found:
        assert f["profile"] == name and f["platform"] == platform and f["status"] == "new"
        by_item.setdefault(f["item_id"], set()).add(f["category"])
    assert by_item.get(sc.ids["promo"]) == {"promotional"}
    assert by_item.get(sc.ids["abuse"]) == {"abusive"}
    assert sc.ids["negative"] not in by_item, "harsh but fair feedback must never be flagged"
    assert "impersonation" in by_item.get(sc.ids["impersonator"], set())
    urls = {f["item_id"]: f["item_url"] for f in found}
    for role in ("promo", "abuse", "impersonator"):
        assert urls[sc.ids[role]] == sc.urls[role]

    images = [f for f in found if f["category"].startswith("image_")]
    assert [(f["category"], f["item_id"]) for f in images] == [("image_unknown", sc.image_posts["unknown"])], images
    assert r.server.count("/media/" + sc.images["approved"]) == 1  # fetched, judged approved: no finding

    mails = outbox(config)
    assert report["alerts_sent"] == len(mails) >= 1 and report["alerts_pending"] == 0
    assert all(name in m["Subject"] for m in mails)
    body = "\n".join(m.get_body(("plain",)).get_content() for m in mails)
    impersonator = next(f for f in found if f["item_id"] == sc.ids["impersonator"] and f["category"] == "impersonation")
    for needle in ("useless idiots", "does not come from the approved media library", impersonator["details"]["handle"]):
        assert needle in body, f"the immediate alert does not mention {needle!r}"
    assert "slimtea-deals" not in body  # promotional is normal severity: it waits for the digest

    # Second run: nothing new, no image downloaded, a handful of requests.
    r.server.reset_log()
    rc, out, err = run_cli(config, "run", "--json")
    assert rc == 0, err
    again = profile_entry(json.loads(out), name)
    assert (again["status"], again["items_new"], again["findings_new"]) == ("ok", 0, 0)
    assert len(findings_list(run_cli, config)) == len(found)
    assert len(outbox(config)) == len(mails)
    assert r.server.count("/media/") == 0
    per_endpoint = Counter(req.path for req in r.server.log)
    assert per_endpoint and max(per_endpoint.values()) == 1, per_endpoint




# -- 2. malformed answers and malformed items through the whole program ---------------------------

HTML_PAGE = b"<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>"
# What each platform's main endpoint answers when a field is missing / has the wrong type. Mastodon's
# posts are a bare array (a missing field there is one item's problem), so its account look-up loses its id.
MISSING_FIELD = {"facebook": {"id": "1000001", "name": "The Microbiome Group", "feed": {"paging": {}}},
                 "instagram": {"id": "17841400000000001", "username": "microbiomegroup", "media": {"paging": {}}},
                 "mastodon": {"username": "microbiomegroup", "acct": "microbiomegroup", "display_name": "The Microbiome Group"},
                 "bluesky": {"cursor": "abc"}}
FAULT_PATH = {("mastodon", "missing_fields"): "/accounts/lookup?"}
WRONG_TYPE = {"facebook": {"id": "1000001", "name": "The Microbiome Group", "feed": {"data": "nope"}},
              "instagram": {"id": "17841400000000001", "username": "microbiomegroup", "media": {"data": {"x": 1}}},
              "mastodon": {"statuses": []},
              "bluesky": {"feed": "nope"}}
FAULTS = {
    "truncated_json": (lambda fakes, p: fakes.Reply(200, b'{"data": [{"id": "1", "message": "cut'), r"cut off|not valid JSON"),
    "missing_fields": (lambda fakes, p: fakes.json_reply(MISSING_FIELD[p]), r"documented shape"),
    "wrong_types": (lambda fakes, p: fakes.json_reply(WRONG_TYPE[p]), r"documented shape"),
    "html_error_page": (lambda fakes, p: fakes.Reply(200, HTML_PAGE, {}, "text/html"), r"HTML page"),
    "redirect_loop": (lambda fakes, p: (lambda req: fakes.Reply(302, b"", {"Location": req.raw_path})), r"redirects in a loop"),
    "server_error": (lambda fakes, p: fakes.Reply(502, HTML_PAGE, {}, "text/html"), r"HTTP 502.*after 2 attempts"),
}


def assert_clean(text: str, *secrets: str) -> None:
    assert "Traceback" not in text, text
    for secret in secrets:
        if secret:
            assert secret not in text


def assert_export_carried_on(report: dict, stored: list[dict]) -> None:
    """The export profile in the same config was read, checked and its finding stored."""
    ok = profile_entry(report, "practice-export")
    assert (ok["status"], ok["error"], ok["items_new"], ok["findings_new"]) == ("ok", None, 2, 1)
    assert [(f["item_id"], f["category"]) for f in stored if f["profile"] == "practice-export"] == [("e1c1", "promotional")]


@pytest.mark.parametrize("fault", list(FAULTS))
def test_a_bad_answer_from_every_platform_fails_those_profiles_and_the_run_goes_on(rig, fakes, config_for, export_profile, run_cli, monkeypatch, fault):
    """The same fault from every platform's main endpoint in one run: each of those profiles fails on its own
    with a clear one-line reason and one profile_error finding; the export profile beside them is read and checked."""
    rigs = [rig(p) for p in PLATFORMS]
    rigs[PLATFORMS.index("mastodon")].app.token = MASTODON_TOKEN
    set_tokens(monkeypatch, *rigs)
    make_reply, expected = FAULTS[fault]
    for r in rigs:
        r.server.inject(FAULT_PATH.get((r.platform, fault), FEED_PATH[r.platform]), make_reply(fakes, r.platform), times=50)
    config = config_for([*(fake_profile(r) for r in rigs), export_profile])

    rc, out, err = run_cli(config, "run", "--json")
    assert rc == 3, err
    assert_clean(out + err, *(token_of(r) for r in rigs))
    report = json.loads(out)
    stored = findings_list(run_cli, config)
    for r in rigs:
        name = f"practice-{r.platform}"
        failed = profile_entry(report, name)
        assert failed["status"] == "failed" and failed["items_new"] == 0
        assert re.search(expected, failed["error"]), failed["error"]
        assert name in failed["error"] and "\n" not in failed["error"]
        assert [f["category"] for f in stored if f["profile"] == name] == ["profile_error"]
    assert_export_carried_on(report, stored)
    run = last_run(config)
    assert run.outcome == "partial"
    assert all(f"practice-{p}: " in run.error for p in PLATFORMS) and "practice-export" not in run.error, run.error


def test_an_unreachable_platform_fails_its_profile_and_the_run_goes_on(rig, config_for, export_profile, run_cli, monkeypatch):
    rigs = [rig(p) for p in PLATFORMS]
    rigs[PLATFORMS.index("mastodon")].app.token = MASTODON_TOKEN
    set_tokens(monkeypatch, *rigs)
    config = config_for([*(fake_profile(r) for r in rigs), export_profile])
    for r in rigs:
        r.server.stop()  # connection refused

    rc, out, err = run_cli(config, "run", "--json")
    assert rc == 3, err
    assert_clean(out + err, *(token_of(r) for r in rigs))
    report = json.loads(out)
    for r in rigs:
        failed = profile_entry(report, f"practice-{r.platform}")
        assert failed["status"] == "failed" and re.search(r"connection refused|could not connect", failed["error"]), failed["error"]
    assert_export_carried_on(report, findings_list(run_cli, config))
    assert last_run(config).outcome == "partial"


def add_malformed_comment(fakes, r) -> str:
    """One comment whose text has the wrong type; returns the id the skip reason must name."""
    p, app = r.platform, r.app
    when = _ago(fakes, p, hours=1)
    if p == "facebook":
        app.add_comment("1000001_2001", {"id": "2001_4999", "message": ["not", "text"], "created_time": when,
                                         "from": {"id": "5999", "name": "Broken Client"}})
        return "2001_4999"
    if p == "instagram":
        app.add_comment("17900000000000101", {"id": "17800000000000999", "text": 42, "timestamp": when, "username": "broken",
                                              "from": {"id": "17841400000000999", "username": "broken"}})
        return "17800000000000999"
    if p == "mastodon":
        base = dict(app.statuses["110000000000000203"])
        app.add_status({**base, "id": "110000000000000999", "created_at": when, "content": 42, "media_attachments": []})
        return "110000000000000999"
    root = "at://did:plc:practice0000000000000001/app.bsky.feed.post/3kpost00001"
    uri = "at://did:plc:visitor00000000000000002/app.bsky.feed.post/3kbroken01"
    app.add_post({"uri": uri, "cid": "bafyreibroken", "author": "did:plc:visitor00000000000000002", "indexedAt": when, "labels": [],
                  "record": {"$type": "app.bsky.feed.post", "text": 42, "createdAt": when,
                             "reply": {"root": {"uri": root}, "parent": {"uri": root}}}})
    return uri


@pytest.mark.parametrize("platform", PLATFORMS)
def test_a_malformed_comment_is_skipped_with_a_logged_reason_and_the_rest_is_stored(rig, fakes, config_for, run_cli, monkeypatch,
                                                                                     platform):
    r = rig(platform)
    sc = seed(fakes, r, None)
    bad = add_malformed_comment(fakes, r)
    set_tokens(monkeypatch, r)
    name = f"practice-{platform}"
    config = config_for([fake_profile(r)])

    rc, out, err = run_cli(config, "run", "--json")
    assert rc == 3, err
    assert_clean(out + err, token_of(r))
    entry = profile_entry(json.loads(out), name)
    assert entry["status"] == "failed" and "skipped as malformed" in entry["error"] and bad in entry["error"]
    assert entry["items_new"] == sc.items_total  # everything else was read and checked
    logged = [line for line in err.splitlines() if "skipped" in line and bad in line]
    assert logged and re.search(r"wrong type|not text", logged[0]), err
    found = {f["item_id"]: f["category"] for f in findings_list(run_cli, config)}
    assert found[sc.ids["abuse"]] == "abusive" and found[sc.ids["promo"]] == "promotional"
    assert bad not in found
    run = last_run(config)
    # The record says what failed (its outcome reads "failed" although everything else was stored).
    assert run.outcome != "ok" and name in run.error and bad in run.error


# -- 3. an expired token --------------------------------------------------------------------------

EXPIRED = {"facebook": "EAAGexpiredPageToken5555aaaa", "instagram": "IGQVJexpiredToken5555bbbb",
           "mastodon": "mastodonExpiredToken5555cccc"}


@pytest.mark.parametrize("platform", list(EXPIRED))
def test_an_expired_token_is_one_finding_and_one_alert_and_never_leaks(rig, config_for, export_profile, run_cli, monkeypatch, platform):
    r = rig(platform)
    if platform == "mastodon":
        r.app.token = MASTODON_TOKEN
    expired, name = EXPIRED[platform], f"practice-{platform}"
    monkeypatch.setenv(TOKEN_ENV[platform], expired)
    config = config_for([fake_profile(r), export_profile])

    runs = [run_cli(config, "run", "--json") for _ in range(2)]  # stdout + stderr: what cron would mail
    assert [rc for rc, _, _ in runs] == [3, 3], runs[0][2]
    for _, out, err in runs:
        assert_clean(out + err, expired)
        report = json.loads(out)
        failed = profile_entry(report, name)
        assert failed["status"] == "failed" and failed["items_new"] == 0
        assert re.search(r"expired|revoked|rejected", failed["error"]) and TOKEN_ENV[platform] in failed["error"], failed["error"]
        assert profile_entry(report, "practice-export")["status"] == "ok"
    assert profile_entry(json.loads(runs[0][1]), "practice-export")["findings_new"] == 1

    stored = findings_list(run_cli, config)
    errors = [f for f in stored if f["category"] == "profile_error"]
    assert len(errors) == 1 and (errors[0]["profile"], errors[0]["severity"]) == (name, "high")
    assert [(f["item_id"], f["category"]) for f in stored if f["profile"] == "practice-export"] == [("e1c1", "promotional")]
    mails = outbox(config)
    assert len(mails) == 1, [m["Subject"] for m in mails]
    assert name in mails[0]["Subject"] and TOKEN_ENV[platform] in mails[0].get_body(("plain",)).get_content()
    written = [f for folder in ("state", "outbox") for f in (config.parent / folder).rglob("*") if f.is_file()]
    assert any(f.suffix == ".db" for f in written)
    for f in written:
        assert expired.encode() not in f.read_bytes(), f"the token was written into {f}"


# -- 4. a rate limit ------------------------------------------------------------------------------

@pytest.mark.parametrize("platform", PLATFORMS)
def test_a_rate_limit_fails_that_profile_with_a_clear_reason_and_the_others_carry_on(rig, fakes, config_for, run_cli, monkeypatch,
                                                                                      platform):
    r = rig(platform)
    other = rig("bluesky" if platform == "mastodon" else "mastodon")
    for x in (r, other):
        if x.platform == "mastodon":
            x.app.token = MASTODON_TOKEN
    set_tokens(monkeypatch, r, other)
    r.server.inject(FEED_PATH[platform], fakes.json_reply({"error": "RateLimitExceeded", "message": "Rate Limit Exceeded"}, 429,
                                                          {"Retry-After": "3600"}))
    name, other_name = f"practice-{platform}", f"second-{other.platform}"
    config = config_for([fake_profile(r), fake_profile(other, other_name)])

    rc, out, err = run_cli(config, "run", "--json")
    assert rc == 3, err
    assert_clean(out + err, token_of(r), token_of(other))
    report = json.loads(out)
    failed = profile_entry(report, name)
    assert failed["status"] == "failed" and failed["items_new"] == 0
    assert re.search(r"too many requests|rate limit", failed["error"], re.I) and "paused" in failed["error"], failed["error"]
    assert r.server.count(FEED_PATH[platform]) == 1  # a long Retry-After is not waited out or hammered
    ok = profile_entry(report, other_name)
    assert ok["status"] == "ok" and ok["items_new"] > 0
    stored = findings_list(run_cli, config)
    assert not [f for f in stored if f["profile"] == name]  # being asked to slow down is not an admin's problem
    run = last_run(config)
    assert run.outcome == "partial" and run.error.startswith(f"{name}: ")
