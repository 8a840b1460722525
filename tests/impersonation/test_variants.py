"""The detector's own look-alike generator (used for direct look-ups): every class, only handles
the platform can hold, and every generated look-alike is flagged by the scorer."""

from collections import Counter

import pytest

from monitor.checks.impersonation.score import score_account
from monitor.checks.impersonation.variants import CLASS_ORDER, handle_variants, lookup_plan, valid_local
from monitor.checks.impersonation import handles as H
from monitor.config.model import IdentityConfig, ImpersonationConfig
from monitor.items import Account

OFFICIAL = {"mastodon": "harbourlight@example.social", "instagram": "harbour.light.counselling",
            "bluesky": "harbourlight.co.uk", "facebook": "harbourlightcounselling"}


@pytest.mark.parametrize("platform", sorted(OFFICIAL))
def test_every_class_is_generated_and_valid_for_the_platform(platform):
    vs = handle_variants(platform, OFFICIAL[platform], year=2026)
    classes = Counter(v.cls for v in vs)
    expected = set(CLASS_ORDER) - ({"other_server"} if platform in ("instagram", "facebook") else set())
    assert expected <= set(classes), expected - set(classes)
    assert H.canonical(platform, OFFICIAL[platform]) not in {v.handle for v in vs}
    assert len({v.handle for v in vs}) == len(vs)
    for v in vs:
        assert valid_local(platform, H.parts(platform, v.handle).local), v


def test_examples_of_each_class():
    hs = {v.handle: v.cls for v in handle_variants("mastodon", "harbourlight@example.social", year=2026)}
    assert hs["harbourlight@mastodon.social"] == "other_server"
    assert hs["harbour_light@example.social"] == "separator"
    assert hs["harbourlight_official@example.social"] == "added_word"
    assert hs["theharbourlight@example.social"] == "added_word"
    assert hs["harbourlight2026@example.social"] == "added_word"
    assert hs["harb0urlight@example.social"] == "homoglyph"
    assert hs["harbourlght@example.social"] == "omission"
    assert hs["harbuorlight@example.social"] == "transposition"
    assert hs["harbourrlight@example.social"] == "repetition"
    assert hs["harbourlaght@example.social"] == "vowel_swap"
    assert hs["harbourlighr@example.social"] == "adjacent_key"
    assert hs["harbourlightr@example.social"] == "insertion"


def test_bluesky_fakes_are_looked_up_on_the_hosting_service():
    vs = handle_variants("bluesky", "harbourlight.co.uk", year=2026)
    assert vs[0].handle == "harbourlight.bsky.social" and vs[0].cls == "other_server"
    assert all(v.handle.endswith(".bsky.social") for v in vs)


def test_plan_interleaves_identities_and_skips_excluded():
    ids = [IdentityConfig(name="Harbour Light", handles={"mastodon": "harbourlight@example.social"}),
           IdentityConfig(name="Dr Amara Okafor", handles={"instagram": "dr.amaraokafor"})]
    plan = lookup_plan(ids, "mastodon", exclude={"harbourlight@mastodon.social"}, year=2026)
    sources = [v.source for v in plan[:6]]
    assert len(set(sources)) == 2, "both identities are covered from the first look-ups on"
    assert "harbourlight@mastodon.social" not in {v.handle for v in plan}
    # Okafor has no Mastodon handle: her Instagram name is tried on a big Mastodon server.
    assert any(v.handle == "dr_amaraokafor@mastodon.social" for v in plan)


@pytest.mark.parametrize("platform", sorted(OFFICIAL))
def test_generated_lookalikes_are_all_flagged(platform):
    ident = IdentityConfig(name="Harbour Light Counselling", handles=dict(OFFICIAL))
    vs = handle_variants(platform, OFFICIAL[platform], year=2026)
    missed = [v for v in vs if not score_account(Account(platform=platform, handle=v.handle), [ident], ImpersonationConfig()).flagged]
    assert missed == []
