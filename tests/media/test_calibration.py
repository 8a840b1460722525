"""The calibration targets on a small generated set, so a regression fails CI (the full confusion
matrix, with the held-out generator, is bench/media_eval.py)."""

from __future__ import annotations

from collections import Counter

import pytest

from monitor.media import synthetic
from monitor.media.library import LibraryIndex, index_image
from monitor.media.verdict import judge


@pytest.fixture(scope="module")
def calibration(settings):
    sources = [synthetic.make_source(fam, seed, (560, 760)) for fam, seed in
               (("outdoor", 301), ("outdoor", 302), ("indoor", 303), ("indoor", 304))]
    index = LibraryIndex.from_images([(path, index_image(data, settings)) for path, data, _ in sources])
    cases = [c for _, _, cs in sources for c in cs]
    cases += [synthetic.make_unrelated(fam, seed, (560, 760)) for fam, seed in
              (("outdoor", 311), ("outdoor", 312), ("indoor", 313), ("indoor", 314))]
    return [(c, judge(c.data, index, settings)) for c in cases]


def _rate(results, classes) -> tuple[float, list]:
    sel = [(c, v) for c, v in results if c.cls in classes]
    misses = [(c.cls, c.name, v.verdict, v.reasons[:2]) for c, v in sel if v.verdict not in synthetic.EXPECTED[c.cls]]
    return 1 - len(misses) / len(sel), misses


def test_benign_processing_never_alarms(calibration):
    rate, misses = _rate(calibration, {"benign"})
    assert rate >= 0.99, misses


def test_edits_are_caught(calibration):
    rate, misses = _rate(calibration, set(synthetic.MALICIOUS) | {"heavy_crop"})
    assert rate >= 0.95, misses
    seen = Counter(c.cls for c, _ in calibration)
    assert all(seen[m] >= 4 for m in synthetic.MALICIOUS)


def test_unrelated_pictures_are_unknown(calibration):
    rate, misses = _rate(calibration, {"unrelated"})
    assert rate == 1.0, misses
