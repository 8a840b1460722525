"""The wording model reads the practice's own names as placeholders, so what is flagged does not
depend on which practice it is (the labelled sets were all written for one fictional practice)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from monitor.checks.posts import check_text, learned
from monitor.checks.posts.names import PERSON, PRACTICE, PracticeNames
from monitor.cli import main
from monitor.config.model import AlertsConfig, PostsConfig

# The same swap bench/posts_other_names.py measures: the fictional practice's names, and another's.
_spec = importlib.util.spec_from_file_location("posts_other_names_bench", Path(__file__).resolve().parents[2] / "bench" / "posts_other_names.py")
OTHER = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(OTHER)
HARBOURLIGHT, RIVERSIDE, swapped = OTHER.E.EVAL_NAMES, OTHER.OTHER_PRACTICE.names, OTHER.swapped


def test_the_practices_words_and_each_practitioners_become_two_placeholders():
    names = PracticeNames.of("Harbourlight Counselling Ltd", [["Harbourlight Counselling", "harbourlightcounselling"],
                                                              ["Dr Maya Okafor", "dr.maya.okafor", "mayaokafor@example.social"]])
    assert names.words == {"harbourlight": PRACTICE, "harbourlightcounselling": PRACTICE,
                           "maya": PERSON, "okafor": PERSON, "mayaokafor": PERSON}


def read(names: PracticeNames, text: str, common=lambda w: False) -> list[str]:
    """The words of `text` as the wording model reads them."""
    return learned.feature_names(text.lower(), learned.FeatureSpec(pairs=False, piece=0), names.for_text(text, text.lower(), common))


def test_a_name_that_is_also_a_common_word_counts_only_where_written_like_a_name():
    names = PracticeNames.of("Hope Street Therapy", [["Dr Grace Adeyemi"]])
    common = {"hope", "street"}.__contains__
    assert read(names, "Hope Street was lovely but there is no hope on my street", common) == [
        PRACTICE, PRACTICE, "was", "lovely", "but", "there", "is", "no", "hope", "on", "my", "street"]
    assert read(names, "thanks @hope and grace, but no hope left", common) == ["thanks", PRACTICE, "and", PERSON, "but", "no", "hope", "left"]
    assert read(names, "thanks @hopeful", common) == ["thanks", "hopeful"]


def test_possessives_of_names_are_names_too():
    assert read(HARBOURLIGHT, "Tom's letter from harbourlight's office") == [PERSON, "letter", "from", PRACTICE, "office"]


@pytest.mark.parametrize("name", ["posts_blind24.jsonl", "posts_blind12.jsonl", "posts_blind3.jsonl"])
def test_what_is_flagged_is_the_same_whatever_the_practice_is_called(eval_rows, name):
    """Each text with the fictional practice's names, and with another practice's names under that
    practice's configuration: the same categories, wherever the rules alone agree."""
    posts, alerts, rules_only = PostsConfig(), AlertsConfig(), PostsConfig(wording_models=False)
    named = differ = 0
    for row in eval_rows(name):
        text, other = row["text"], swapped(row["text"])
        if text == other:
            continue
        named += 1

        def cats(t, config, names=None):
            return {f.category for f in check_text(t, bool(row.get("own")), config, alerts, names=names)}

        if cats(text, rules_only) != cats(other, rules_only):
            continue  # the rules read a name differently (not the wording model's doing)
        differ += cats(text, posts, HARBOURLIGHT) != cats(other, posts, RIVERSIDE)
    assert named >= 40
    assert differ == 0


def test_posts_check_reads_the_names_of_the_configured_practice(write_config, capsys):
    """Through the CLI: the same comment about each practice's own therapist, each under its own
    configuration, gets the same findings, and the learned model scores it like the training names."""
    text = "Had my first session with {first} at {practice} last week for my panic attacks, {first} was brilliant"
    out = []
    for practice, person in (("Harbourlight Counselling", "Dr Maya Okafor"), ("Willowbrook Therapy Rooms", "Dr Grace Adeyemi")):
        cfg = write_config({"practice": {"name": practice}, "identities": [{"name": practice}, {"name": person}]}, name=f"{practice[:4]}.toml")
        first = person.split()[1]
        assert main(["posts", "check", "--config", str(cfg), "--text", text.format(first=first, practice=practice.split()[0]), "--json"]) == 0
        out.append({f["category"]: f["rule"] for f in json.loads(capsys.readouterr().out)[0]["findings"]})
    assert out[0] == out[1]
    assert "privacy" in out[0]  # a client naming their therapist and their therapy in public


def test_a_placeholder_shares_no_feature_with_real_words():
    """"<person>" must not weigh like the word "person" through shared letter pieces."""
    spec = learned.FeatureSpec()
    assert learned.feature_names("tom", spec, learned.NameReading({"tom": PERSON})) == [PERSON]
    assert learned.feature_names("harbourlight", spec, learned.NameReading({"harbourlight": PRACTICE})) == [PRACTICE]
    real = set(learned.feature_names("a person at the practice", spec))
    assert not real & {PERSON, PRACTICE}


def test_the_pipeline_knows_the_configured_therapists_by_name():
    """check_item reads [[identities]]: a client naming their therapist (from the configuration) and
    their anxiety is a privacy concern; the same words about an unknown "Owen" are not flagged."""
    from monitor.checks import CheckContext
    from monitor.checks.posts import check_item
    from monitor.config.model import Config, IdentityConfig, PracticeConfig, ProfileConfig
    from monitor.items import Account, Item

    comment = Item(platform="export", id="1", kind="comment", author=Account(platform="export", handle="someone"), is_official=False,
                   text="Owen has been brilliant with my anxiety since march")
    profile = ProfileConfig(name="p", platform="export")
    practice = PracticeConfig(name="Willowbrook Therapy Rooms")
    staffed = Config(practice=practice, identities=[IdentityConfig(name="Willowbrook Therapy Rooms"), IdentityConfig(name="Owen Fletcher")])
    assert [f.category for f in check_item(comment, CheckContext(config=staffed, profile=profile))] == ["privacy"]
    assert check_item(comment, CheckContext(config=Config(practice=practice), profile=profile)) == []
