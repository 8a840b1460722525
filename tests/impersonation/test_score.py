"""Scoring: official is official, look-alikes are flagged with reasons, legitimate neighbours are not."""

from datetime import datetime, timedelta, timezone

import pytest

from monitor.checks.impersonation.score import LIBRARY_KEY, score_account
from monitor.config.model import IdentityConfig, ImpersonationConfig
from monitor.items import Account

IDS = [
    IdentityConfig(name="Harbour Light Counselling", handles={"mastodon": "harbourlight@example.social", "instagram": "harbourlight.counselling",
                                                              "bluesky": "harbourlight.bsky.social"},
                   bio="Counselling and psychotherapy for adults and couples in Leeds. BACP accredited practitioners."),
    IdentityConfig(name="Dr Amara Okafor", handles={"instagram": "dr.amaraokafor"}),
]
SETTINGS = ImpersonationConfig()
NOW = datetime(2026, 11, 20, tzinfo=timezone.utc)


def score(platform, handle, display_name=None, **kw):
    extra = {k: kw.pop(k) for k in list(kw) if k in ("avatar_phashes", "avatar_phash", "settings", "extra_official")}
    acc = Account(platform=platform, handle=handle, display_name=display_name, **kw)
    return score_account(acc, IDS, extra.pop("settings", SETTINGS), now=NOW, **extra)


@pytest.mark.parametrize("platform,handle", [
    ("mastodon", "harbourlight@example.social"), ("mastodon", "@HarbourLight@example.social"), ("mastodon", "harbourlight"),
    ("instagram", "HarbourLight.Counselling"), ("bluesky", "harbourlight.bsky.social"), ("instagram", "dr.amaraokafor"),
])
def test_official_handles_are_official(platform, handle):
    r = score(platform, handle, "Harbour Light Counselling")
    assert r.verdict == "official" and r.score == 0.0 and r.matched_identity


def test_official_handle_of_another_platform_is_not_official_here():
    r = score("facebook", "harbourlight.counselling", "Harbour Light Counselling")
    assert r.verdict == "impersonation"
    assert "official instagram handle" in r.reasons[0]


def test_watched_profile_account_counts_as_official():
    r = score("bluesky", "hlc.example.org", "Harbour Light Counselling",
              extra_official=(Account(platform="bluesky", handle="hlc.example.org"),))
    assert r.verdict == "official"


def test_allowlisted_lookalike_is_benign():
    settings = ImpersonationConfig(allowlist=["mastodon:harbourlight@other.social", "harbourlight_counselling"])
    assert score("mastodon", "harbourlight@other.social", settings=settings).verdict == "benign"
    assert score("instagram", "harbourlight_counselling", settings=settings).verdict == "benign"
    assert score("mastodon", "harbourlight@third.social", settings=settings).verdict == "impersonation"


@pytest.mark.parametrize("platform,handle,display_name,words", [
    ("mastodon", "harbourlight@mastodon.social", None, "on another server"),
    ("mastodon", "harbour_light_official@mastodon.social", None, "added words"),
    ("instagram", "harbourlight.counseling", None, "1 character"),
    ("instagram", "harb0urlight.counselling", None, "'0' for 'o'"),
    ("bluesky", "hlc-payments.bsky.social", "Hаrbour Light Counselling", "other alphabets"),
    ("facebook", "clientcare.hlc", "Harbour Light Counselling Support Team", "added words"),
    ("instagram", "amaraokafor.therapy", "Dr Amara Okafor", "Dr Amara Okafor"),
])
def test_lookalikes_are_flagged_with_a_reason(platform, handle, display_name, words):
    r = score(platform, handle, display_name)
    assert r.verdict == "impersonation", r
    assert any(words in reason for reason in r.reasons), r.reasons
    assert r.matched_identity in ("Harbour Light Counselling", "Dr Amara Okafor")
    assert 0.0 <= r.score <= 1.0


@pytest.mark.parametrize("platform,handle,display_name", [
    ("instagram", "harbourview_physio", "Harbourview Physio"),
    ("instagram", "amara.jones.counselling", "Dr Amara Jones"),
    ("mastodon", "okaforchidi@mastodon.social", "Chidi Okafor"),
    ("bluesky", "brightlight-therapy.bsky.social", "Bright Light Therapy"),
    ("instagram", "sarah_j84", "Sarah 🌿"),
    ("facebook", "leedscounsellingcentre", "Leeds Counselling Centre"),
    ("mastodon", "lighthouse_counselling@mastodon.scot", "Lighthouse Counselling"),
])
def test_legitimate_neighbours_are_benign(platform, handle, display_name):
    r = score(platform, handle, display_name)
    assert r.verdict == "benign", r


def test_name_only_namesake_is_suspicious_not_impersonation():
    r = score("instagram", "amara_o_art", "Amara Okafor")
    assert r.verdict == "suspicious"


def test_avatar_match_turns_a_suspicion_into_impersonation_and_alone_is_suspicious():
    logo = "c3a5c3a5c3a5c3a5"
    near = "c3a5c3a5c3a5c3a4"
    far = "3c5a3c5a3c5a3c5a"
    name_only = score("instagram", "amara_o_art", "Amara Okafor")
    with_avatar = score("instagram", "amara_o_art", "Amara Okafor", avatar_phashes={"Dr Amara Okafor": [logo]}, avatar_phash=near)
    assert with_avatar.score > name_only.score and with_avatar.verdict == "impersonation"
    assert any("avatar" in r for r in with_avatar.reasons)
    stolen_logo = score("instagram", "xyz_payments_desk", "Client Care", avatar_phashes={LIBRARY_KEY: [logo]}, avatar_phash=near)
    assert stolen_logo.verdict == "suspicious" and "approved library" in stolen_logo.reasons[0]
    other = score("instagram", "xyz_payments_desk", "Client Care", avatar_phashes={LIBRARY_KEY: [logo]}, avatar_phash=far)
    assert other.verdict == "benign"


def test_bio_age_and_followers_only_add_to_an_existing_resemblance():
    bio = "Counselling and psychotherapy for adults and couples in Leeds. BACP accredited practitioners."
    young = NOW - timedelta(days=3)
    logo, looks_like = "c3a5c3a5c3a5c3a5", "c3a5c3a5c3a53a5c"  # 10 bits apart: "looks like", not "same"
    hashes = {"Harbour Light Counselling": [logo]}
    plain = score("instagram", "client.care.desk", "Client care", avatar_phashes=hashes, avatar_phash=looks_like)
    assert plain.verdict == "benign" and plain.signals[0].kind == "avatar"
    weak = score("instagram", "client.care.desk", "Client care", bio=bio, created_at=young, followers=2,
                 avatar_phashes=hashes, avatar_phash=looks_like)
    assert weak.verdict in ("suspicious", "impersonation")
    assert {"bio", "account_age", "followers"} <= {s.kind for s in weak.signals}
    assert any("3 days old" in r for r in weak.reasons) and any("2 followers" in r for r in weak.reasons)
    stranger = score("instagram", "sarah_j84", "Sarah", bio=bio, created_at=young, followers=2)
    assert stranger.verdict == "benign" and not stranger.signals


def test_thresholds_come_from_settings():
    strict = ImpersonationConfig(impersonation_threshold=0.95, suspicious_threshold=0.9)
    assert score("instagram", "harbourlight.counseling", settings=strict).verdict == "benign"
    assert score("instagram", "harbourlight.counseling").verdict == "impersonation"
