"""The verdict on one posted image: does it come, unchanged, from the approved library?

Order of the questions (each verdict says why, names the nearest library image and the distances):
1. unreadable - refused as unsafe or not decodable (`monitor.media.safety`); never an exception.
2. approved - byte-identical to a library file (SHA-256).
3. ai_marked - the file declares generative AI (`monitor.media.provenance`). A bare C2PA manifest that
   declares nothing about AI does not make an approved variant ai_marked (cameras sign photos too),
   but does make an otherwise unknown image ai_marked.
4. the hashes name a few candidate library images; each is aligned and compared region by region
   (`monitor.media.compare`). None fits -> unknown.
5. it fits: mirrored or turned, cropped beyond what platforms trim, colour-graded, blurred, or changed
   in a region -> altered, with each change in words; otherwise approved_variant.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import asdict, dataclass, field

import numpy as np

from monitor.config.model import MediaConfig
from monitor.errors import UnsafeMedia
from monitor.media.compare import Comparison, compare
from monitor.media.hashing import colour_distance, compute_hashes, search_grey, tilt_hashes
from monitor.media.library import Candidate, LibraryIndex
from monitor.media.provenance import Marker, find_markers
from monitor.media.safety import load_image

log = logging.getLogger(__name__)

VERDICTS = ("approved", "approved_variant", "altered", "unknown", "ai_marked", "unreadable")
FLAGGED = frozenset({"altered", "unknown", "ai_marked"})
CANDIDATES = 6  # library images compared in detail per posted image, at most
OBVIOUS_MATCH = 6  # hash distance under which the tilt hashes are not even computed
STRONG_MATCH = 0.9  # structure match above which a derivation is certain whatever else changed

_ORIENTATION_WORDS = {
    "mirror": "mirrored (flipped left to right)",
    "flip": "flipped upside down",
    "rot90": "turned 90 degrees clockwise",
    "rot270": "turned 90 degrees anticlockwise",
    "rot180": "turned upside down (180 degrees)",
    "transpose": "turned 90 degrees and mirrored",
    "transverse": "turned 90 degrees and mirrored",
}


@dataclass
class Verdict:
    verdict: str
    nearest: str | None = None  # library path (relative to the library folder) or None
    distance: int | None = None  # pHash Hamming distance (of 64) to `nearest`
    distances: dict = field(default_factory=dict)
    reasons: list[str] = field(default_factory=list)
    marker: str | None = None
    details: dict = field(default_factory=dict)

    @property
    def flagged(self) -> bool:
        return self.verdict in FLAGGED

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> Verdict:
        return cls(
            verdict=d["verdict"], nearest=d.get("nearest"), distance=d.get("distance"),
            distances=dict(d.get("distances") or {}), reasons=list(d.get("reasons") or []),
            marker=d.get("marker"), details=dict(d.get("details") or {}),
        )


def unreadable(reason: str, *, sha256: str | None = None) -> Verdict:
    return Verdict("unreadable", reasons=[reason], details={"sha256": sha256} if sha256 else {})


def judge(data: bytes, index: LibraryIndex, settings: MediaConfig, *, name: str = "") -> Verdict:
    """The verdict on one posted image's bytes. Never raises for a bad image: `unreadable` instead."""
    try:
        return _judge(data, index, settings)
    except UnsafeMedia as exc:
        return unreadable(str(exc), sha256=hashlib.sha256(data).hexdigest() if isinstance(data, bytes) else None)
    except MemoryError:
        return unreadable("the image needs more memory than allowed to check")
    except Exception as exc:  # a bug must not hide an image: report it readably, keep the run going
        log.exception("checking image %s failed", name or "(bytes)")
        return unreadable(f"the image could not be checked ({type(exc).__name__}: {str(exc)[:120]})")


def _judge(data: bytes, index: LibraryIndex, settings: MediaConfig) -> Verdict:
    if len(data) > settings.max_image_bytes:
        raise UnsafeMedia(f"the file is {len(data) / 1e6:.1f} MB, over the {settings.max_image_bytes / 1e6:.1f} MB limit for images")
    sha = hashlib.sha256(data).hexdigest()
    markers = find_markers(data)
    strong = [m for m in markers if m.strong]
    exact = index.by_sha.get(sha)
    if exact is not None:
        reasons = [f"byte-identical to the approved image {index.paths[exact]}"]
        if markers:
            reasons.append("note: the approved file itself carries " + "; ".join(m.detail for m in markers))
        return Verdict("approved", nearest=index.paths[exact], distance=0, distances={"phash": 0}, reasons=reasons,
                       marker=markers[0].kind if markers else None, details={"sha256": sha})
    img = load_image(data, settings)
    hashes = compute_hashes(img, tilts=False)
    candidates = index.nearest(hashes, k=CANDIDATES)
    if not candidates or candidates[0].score > OBVIOUS_MATCH:  # maybe a tilted copy: look for one too
        hashes.tilts = tilt_hashes(search_grey(img))
        candidates = index.nearest(hashes, k=CANDIDATES)
    query = np.asarray(img, dtype=np.float32)
    best: tuple[Candidate, Comparison] | None = None
    first: Candidate | None = None
    closest: tuple[Candidate, Comparison] | None = None
    for n, cand in enumerate(candidates):
        first = first or cand
        if cand.score > settings.near_match_distance:
            break
        ref = index.reference(cand.pos)
        if ref is None:
            continue
        orients = [cand.orientation, "identity"] + (["mirror"] if cand.window_mirrored else [])
        cmp = compare(
            ref, query, orients, pixel_threshold=settings.region_threshold, grid=settings.region_grid,
            match_threshold=settings.match_threshold, tilt=(n == 0 and cand.score <= 12), tilt_hint=cand.tilt_hint,
        )
        if closest is None or cmp.alignment.score > closest[1].alignment.score:
            closest = (cand, cmp)
        if cmp.derived and _implausible(cmp, settings):
            cmp.derived = False
        if cmp.derived and (best is None or cmp.alignment.score > best[1].alignment.score):
            best = (cand, cmp)
            if cmp.alignment.score >= 0.9:
                break
    size = {"width": img.width, "height": img.height, "sha256": sha}
    if best is None:
        if closest is not None:
            first = closest[0]
            size["structure_match"] = round(closest[1].alignment.score, 3)
        return _not_derived(first, index, hashes, strong or markers, size)
    cand, cmp = best
    changes = _changes(cmp, settings, cand, hashes)
    distances = _distances(cand, index, hashes, cmp)
    details = {**size, "comparison": cmp.numbers()}
    if strong:
        return Verdict("ai_marked", nearest=cand.path, distance=distances["phash"], distances=distances,
                       reasons=[m.detail for m in strong] + _relation(cand, changes), marker=strong[0].kind, details=details)
    if changes:
        return Verdict("altered", nearest=cand.path, distance=distances["phash"], distances=distances,
                       reasons=[f"derived from the approved image {cand.path}, but edited:"] + changes,
                       marker=markers[0].kind if markers else None, details=details)
    reasons = [f"the same picture as the approved image {cand.path} after benign processing (resizing, re-compression, format or metadata changes)"]
    if cmp.kept_area < 0.999:
        reasons.append(f"edges trimmed slightly ({(1 - cmp.kept_area) * 100:.0f}% of the area), as platforms do")
    if markers:
        reasons.append("it carries " + "; ".join(m.detail for m in markers))
    return Verdict("approved_variant", nearest=cand.path, distance=distances["phash"], distances=distances, reasons=reasons,
                   marker=markers[0].kind if markers else None, details=details)


def _implausible(cmp: Comparison, settings: MediaConfig) -> bool:
    """A middling structure match that needs several kinds of edit at once (a crop, a colour change
    and changed regions) to explain is more likely a different photo of a similar scene."""
    if cmp.alignment.score >= STRONG_MATCH or cmp.alignment.angle:
        return False
    kinds = (cmp.kept_area < 1 - settings.platform_crop) + (cmp.colour_shift >= settings.colour_threshold) + (cmp.changed_area >= settings.region_min_area)
    return kinds >= 2


def _relation(cand: Candidate, changes: list[str]) -> list[str]:
    if changes:
        return [f"it is derived from the approved image {cand.path}, edited: " + "; ".join(changes)]
    return [f"it shows the same picture as the approved image {cand.path}"]


def _not_derived(first: Candidate | None, index: LibraryIndex, hashes, markers: list[Marker], size: dict) -> Verdict:
    distances = _distances(first, index, hashes, None) if first else {}
    if markers:
        return Verdict("ai_marked", nearest=None, distance=distances.get("phash"), distances=distances,
                       reasons=[m.detail for m in markers] + ["it does not come from any approved image"],
                       marker=markers[0].kind, details={**size, "closest": first.path if first else None})
    if first is None:
        reasons = ["the approved library is empty, so no image can be shown to come from it (run `practice-monitor media index`)"]
    else:
        reasons = [
            "it does not come from any approved image (it may be AI-generated, or a photo that was never approved)",
            f"the closest approved image, {first.path}, does not match: pHash distance {distances.get('phash')} of 64"
            + (f", structure match {size['structure_match']:.2f}" if "structure_match" in size else ""),
        ]
        if "structure_match" in size:
            distances["alignment"] = size["structure_match"]
    return Verdict("unknown", nearest=None, distance=distances.get("phash"), distances=distances, reasons=reasons,
                   details={**size, "closest": first.path if first else None})


def _changes(cmp: Comparison, settings: MediaConfig, cand: Candidate, hashes) -> list[str]:
    out: list[str] = []
    al = cmp.alignment
    if al.orientation != "identity":
        out.append(_ORIENTATION_WORDS.get(al.orientation, "turned or mirrored"))
    if al.angle:
        out.append(f"tilted by about {abs(al.angle):.0f} degrees")
    if cmp.kept_area < 1 - settings.platform_crop:
        out.append(f"cropped: it shows only {cmp.kept_area * 100:.0f}% of the approved picture ({_part(al.box)})")
    if cmp.colour_shift >= settings.colour_threshold:
        out.append(f"colours changed (colour grading or a filter): average shift {cmp.colour_shift * 100:.0f}%")
    if cmp.tone_unevenness >= settings.tone_threshold and cmp.changed_area < settings.region_min_area:
        out.append("brightness changed unevenly across the picture (a vignette or local retouching)")
    if cmp.detail_ratio < settings.blur_ratio:
        out.append(f"blurred or softened: {100 - cmp.detail_ratio * 100:.0f}% of the fine detail is gone")
    if cmp.changed_area >= settings.region_min_area:
        out.append(
            f"about {max(1, round(cmp.changed_area * 100))}% of the picture differs {cmp.changed_where} "
            "(added text, a sticker or logo, or a removed or replaced object)"
        )
    if not out and not al.angle and cmp.kept_area >= 1 - settings.platform_crop and cand.phash > settings.variant_distance:
        out.append(f"its overall pattern differs more than re-encoding explains (pHash distance {cand.phash} of 64)")
    return out


def _part(box: tuple[float, float, float, float]) -> str:
    x0, y0, x1, y1 = box
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    v = "upper" if cy < 0.4 else "lower" if cy > 0.6 else "middle"
    h = "left" if cx < 0.4 else "right" if cx > 0.6 else "centre"
    return "the centre" if (v, h) == ("middle", "centre") else f"the {v} {h} part" if v != "middle" else f"the {h} part"


def _distances(cand: Candidate, index: LibraryIndex, hashes, cmp: Comparison | None) -> dict:
    d = {
        "phash": cand.phash,
        "phash_identity": cand.phash_identity,
        "dhash": cand.dhash,
        "window_phash": cand.window,
        "colorhash": colour_distance(hashes.colorhash, index.colorhash[cand.pos]),
    }
    if cmp is not None:
        d.update(cmp.numbers())
    return d
