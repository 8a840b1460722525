"""Who hears about what, and how fast: severity picks the path, category adds recipients."""

from __future__ import annotations

from monitor.alerts.headers import unique_addresses
from monitor.config.model import Config
from monitor.findings import IMMEDIATE_SEVERITIES, SEVERITIES

DIGEST_SEVERITIES = tuple(s for s in SEVERITIES if s not in IMMEDIATE_SEVERITIES)

CATEGORY_LABELS = {
    "promotional": "Promotional content",
    "abusive": "Abusive or harassing content",
    "privacy": "Private or identifying information",
    "crisis": "Possible crisis / safety concern",
    "booking": "Booking or clinical question in public",
    "review_solicitation": "Asking for reviews or testimonials",
    "outcome_claim": "Claim about treatment outcomes",
    "endorsement": "Endorsement of a product or service",
    "payment_request": "Request for payment",
    "image_altered": "Altered image",
    "image_unknown": "Image not in the approved library",
    "image_ai_marked": "AI-generated image",
    "image_unreadable": "Image that could not be checked",
    "impersonation": "Possible impersonating account",
    "profile_error": "Profile could not be read",
}


def is_immediate(severity: str) -> bool:
    """urgent and high go out at once; normal and low wait for the digest."""
    return severity in IMMEDIATE_SEVERITIES


def severity_rank(severity: str) -> int:
    """0 for the most severe; unknown severities sort last."""
    return SEVERITIES.index(severity) if severity in SEVERITIES else len(SEVERITIES)


def category_label(category: str) -> str:
    return CATEGORY_LABELS.get(category, category.replace("_", " ").capitalize())


def recipients_for(config: Config, categories: set[str] | list[str] | tuple[str, ...]) -> list[str]:
    """`[email] to` plus the extra recipients configured for any of these categories."""
    extra: list[str] = []
    for cat in sorted(set(categories)):
        extra.extend(config.alerts.recipients.get(cat, []))
    return unique_addresses(list(config.email.to) + extra)


def digest_recipients(config: Config) -> list[str]:
    return unique_addresses(list(config.email.to))
