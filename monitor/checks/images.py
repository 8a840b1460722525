"""Image findings: an image on an official profile that is not an approved picture, unchanged.

Pure: the verdict was reached before (monitor.media.cache.judge_media); this only turns it into the
finding an admin reads. altered, unknown and ai_marked images are high severity (an immediate alert
showing the posted image beside its nearest approved one); unreadable images are normal severity
(someone should look, but nothing is known to be wrong).
"""

from __future__ import annotations

from monitor.findings import Evidence, Finding
from monitor.items import Item, MediaRef
from monitor.media.verdict import Verdict

_RULES = {
    "altered": ("image_altered", "high", "image.altered",
                "An image on the profile is an approved picture that has been edited.",
                "Replace it with the approved original, or remove the post."),
    "unknown": ("image_unknown", "high", "image.unknown",
                "An image on the profile does not come from the approved media library.",
                "Check where the picture comes from; if it is fine, add the original to the approved library "
                "(then run `practice-monitor media index`), otherwise replace it with an approved image or remove the post."),
    "ai_marked": ("image_ai_marked", "high", "image.ai_marked",
                  "An image on the profile is marked as generated or edited by AI.",
                  "Remove the post or replace the image with an approved original: the policy allows no AI-generated photos."),
    "unreadable": ("image_unreadable", "normal", "image.unreadable",
                   "An image on the profile could not be checked.",
                   "Open the post and look at the image yourself; replace it with an approved original if in doubt."),
}


def image_findings(item: Item, media: MediaRef, verdict: Verdict) -> list[Finding]:
    """The finding for one image of one item (none when the image is approved or an approved variant)."""
    rule = _RULES.get(verdict.verdict)
    if rule is None:
        return []
    category, severity, rule_name, headline, action = rule
    reasons = [headline] + [r for r in verdict.reasons if r]
    if verdict.marker and verdict.verdict == "ai_marked":
        reasons.append(f"Marker found: {verdict.marker}.")
    evidence = []
    if verdict.nearest:
        evidence.append(Evidence(text=f"nearest approved image: {verdict.nearest}"))
    if verdict.distance is not None:
        evidence.append(Evidence(text=f"pHash distance {verdict.distance} of 64"))
    for name in ("alignment", "kept_area", "colour_shift", "changed_area"):
        if name in verdict.distances:
            evidence.append(Evidence(text=f"{name.replace('_', ' ')}: {verdict.distances[name]}"))
    if verdict.marker:
        evidence.append(Evidence(text=f"provenance marker: {verdict.marker}"))
    details = {
        "verdict": verdict.verdict,
        "nearest": verdict.nearest,
        "distance": verdict.distance,
        "distances": verdict.distances,
        "marker": verdict.marker,
    }
    if media.url:
        details["media_url"] = media.url
    if media.local_path is not None:
        details["local_path"] = str(media.local_path)
    if media.alt_text:
        details["alt_text"] = media.alt_text
    return [Finding(
        category=category,
        severity=severity,
        rule=rule_name,
        reasons=tuple(reasons),
        evidence=tuple(evidence),
        action=action,
        subject=media.key,
        details=details,
    )]
