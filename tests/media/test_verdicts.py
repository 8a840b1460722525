"""Every verdict class, with the reasons, the nearest library image and the distances an admin sees."""

from __future__ import annotations


from PIL import Image, ImageDraw, ImageOps

from monitor.media import synthetic
from monitor.media.verdict import VERDICTS, judge


def test_byte_identical_is_approved(library_bytes, mem_index, settings):
    v = judge(library_bytes["park.jpg"], mem_index, settings)
    assert v.verdict == "approved" and v.nearest == "park.jpg" and v.distance == 0
    assert "byte-identical" in v.reasons[0]


def test_platform_processing_is_an_approved_variant(scenes, mem_index, settings):
    img = scenes["portrait.jpg"].image
    small = img.resize((320, round(img.height * 320 / img.width)), Image.Resampling.BICUBIC)
    for data in (
        synthetic.encode(small, "JPEG", quality=60),
        synthetic.encode(img, "WEBP", quality=75),
        synthetic.encode(img, "PNG"),
        synthetic.encode(synthetic.convert_to_profile(img, synthetic.rgb_icc_profile()), "JPEG", quality=90, icc_profile=synthetic.rgb_icc_profile()),
    ):
        v = judge(data, mem_index, settings)
        assert v.verdict == "approved_variant", v.reasons
        assert v.nearest == "portrait.jpg"
        assert v.distance is not None and v.distance <= 8
        assert "benign processing" in v.reasons[0]
        assert {"phash", "dhash", "alignment", "changed_area"} <= set(v.distances)


def test_edits_are_altered_and_say_what_changed(scenes, mem_index, settings):
    img = scenes["street.jpg"].image
    w, h = img.size
    sticker = img.copy()
    ImageDraw.Draw(sticker).ellipse([w * 0.6, h * 0.55, w * 0.6 + 0.3 * h, h * 0.85], fill=(250, 40, 160))
    cases = {
        "sticker": (sticker, "differs"),
        "mirror": (ImageOps.mirror(img), "mirrored"),
        "crop": (img.crop((0, 0, int(w * 0.7), int(h * 0.8))), "cropped"),
        "grey": (ImageOps.grayscale(img).convert("RGB"), "colours changed"),
        "turned": (img.transpose(Image.Transpose.ROTATE_90), "turned 90 degrees"),
    }
    for name, (edited, words) in cases.items():
        v = judge(synthetic.encode(edited, "JPEG", quality=85), mem_index, settings)
        assert v.verdict == "altered", (name, v.reasons)
        assert v.nearest == "street.jpg"
        assert any(words in r for r in v.reasons), (name, v.reasons)


def test_removed_object_is_altered(scenes, mem_index, settings, rng):
    sc = scenes["portrait.jpg"]
    label, box = next(o for o in sc.objects if o[0] == "face")
    v = judge(synthetic.encode(synthetic.remove_region(sc.image, box, rng), "JPEG", quality=85), mem_index, settings)
    assert v.verdict == "altered" and "differs" in " ".join(v.reasons)


def test_unrelated_picture_is_unknown(scenes, mem_index, settings):
    v = judge(synthetic.encode(scenes["_stranger"].image, "JPEG", quality=80), mem_index, settings)
    assert v.verdict == "unknown"
    assert v.nearest is None
    assert "does not come from any approved image" in v.reasons[0]
    assert v.distance is not None and "phash" in v.distances


def test_empty_library_says_so(scenes, settings):
    from monitor.media.library import LibraryIndex

    empty = LibraryIndex([], [], [], [], lambda pos: None)
    v = judge(synthetic.encode(scenes["park.jpg"].image, "JPEG"), empty, settings)
    assert v.verdict == "unknown" and "library is empty" in v.reasons[0]


def test_verdict_round_trips_as_json(scenes, mem_index, settings):
    import json

    from monitor.media.verdict import Verdict

    v = judge(synthetic.encode(ImageOps.mirror(scenes["park.jpg"].image), "JPEG"), mem_index, settings)
    again = Verdict.from_dict(json.loads(json.dumps(v.to_dict())))
    assert again == v and again.verdict in VERDICTS
