"""The item check: the fake that answers clients in the comments becomes a finding; the practice's
own account and unrelated commenters never do."""

from datetime import datetime, timezone

from monitor.checks import CheckContext, run_item_checks
from monitor.checks.impersonation import check_author, suspect_fingerprint
from monitor.items import Account, Item


def comment(author: Account, text="Please DM us your card details to confirm the booking", own=False) -> Item:
    return Item(platform=author.platform, id="c1", kind="comment", author=author, is_official=own, text=text,
                created_at=datetime(2026, 11, 20, tzinfo=timezone.utc))


def ctx(config, platform="mastodon", account="harbourlight@example.social", **extra):
    profile = next((p for p in config.profiles if p.platform == platform), None)
    if profile is None:
        from monitor.config.model import ProfileConfig

        profile = ProfileConfig(name="watched", platform=platform, account=account)
    return CheckContext(config=config, profile=profile, official=Account(platform=platform, handle=account), extra=extra)


def test_lookalike_commenter_is_a_high_finding(config):
    fake = Account(platform="mastodon", handle="harbourlight_support@mastodon.social", display_name="Harbour Light Counselling")
    [f] = check_author(comment(fake), ctx(config))
    assert f.category == "impersonation" and f.severity == "high"
    assert f.rule == "impersonation.commenter_lookalike"
    assert f.subject == "mastodon:harbourlight_support@mastodon.social"
    assert f.details["matched_identity"] == "Harbour Light Counselling"
    assert f.details["handle"] == "harbourlight_support@mastodon.social"
    assert f.details["score"] >= 0.75 and f.details["signals"]
    assert any("added words" in r for r in f.reasons)


def test_suspicious_commenter_is_a_digest_finding(config):
    namesake = Account(platform="instagram", handle="amara_o_art", display_name="Amara Okafor")
    [f] = check_author(comment(namesake), ctx(config, "instagram", "dr.amaraokafor"))
    assert f.severity == "normal" and f.details["verdict"] == "suspicious"


def test_official_and_unrelated_authors_make_no_finding(config):
    assert check_author(comment(Account(platform="mastodon", handle="harbourlight@example.social", display_name="Harbour Light")), ctx(config)) == []
    assert check_author(comment(Account(platform="mastodon", handle="harbourlight", display_name="Harbour Light")), ctx(config)) == []
    assert check_author(comment(Account(platform="mastodon", handle="sam@mastodon.social", display_name="Sam")), ctx(config)) == []
    # the watched profile's own account, even when not listed in [[identities]]
    own = Account(platform="bluesky", handle="hlc.example.org", display_name="Harbour Light Counselling")
    assert check_author(comment(own), ctx(config, "bluesky", "hlc.example.org")) == []
    # items the practice wrote itself are never checked for impersonation
    fake = Account(platform="mastodon", handle="harbourlight_uk@mastodon.social")
    assert check_author(comment(fake, own=True), ctx(config)) == []


def test_dismissed_commenter_stays_quiet_until_its_name_changes(config):
    fake = Account(platform="mastodon", handle="harbourlight_uk@mastodon.social", display_name="Harbour Light fan page")
    dismissed = {"mastodon:harbourlight_uk@mastodon.social": suspect_fingerprint("Harbour Light fan page", "abcd" * 4)}
    assert check_author(comment(fake), ctx(config, dismissed_suspects=dismissed)) == []
    renamed = Account(platform="mastodon", handle="harbourlight_uk@mastodon.social", display_name="Harbour Light Counselling")
    assert len(check_author(comment(renamed), ctx(config, dismissed_suspects=dismissed))) == 1


def test_registered_with_the_item_checks(config):
    fake = Account(platform="mastodon", handle="harb0urlight@example.social", display_name="Harbour Light")
    found = run_item_checks(comment(fake, text="Thanks for your message"), ctx(config))
    assert [f.category for f in found if f.category == "impersonation"] == ["impersonation"]


def test_bare_watched_mastodon_account_does_not_make_other_servers_official(config):
    from monitor.config.model import ProfileConfig

    profile = ProfileConfig(name="m", platform="mastodon", account="harbourlight", base_url="https://example.social")
    c = CheckContext(config=config, profile=profile)
    same = Account(platform="mastodon", handle="harbourlight@example.social", display_name="Harbour Light")
    elsewhere = Account(platform="mastodon", handle="harbourlight@mastodon.social", display_name="Harbour Light")
    assert check_author(comment(same), c) == []
    [f] = check_author(comment(elsewhere), c)
    assert "another server" in " ".join(f.reasons)
