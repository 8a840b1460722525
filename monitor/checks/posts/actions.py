"""Default severities and the suggested action for each category, in plain words."""

from __future__ import annotations

from monitor.config.model import AlertsConfig

DEFAULT_SEVERITY = {
    "crisis": "urgent",
    "abusive": "high",
    "privacy": "high",
    "payment_request": "high",  # on the practice's own posts: the account may be compromised
    "promotional": "normal",
    "review_solicitation": "normal",
    "outcome_claim": "normal",
    "endorsement": "normal",
    "booking": "low",
}

# Categories checked on other people's posts and on the practice's own posts.
PUBLIC_CATEGORIES = ("crisis", "abusive", "privacy", "promotional", "booking")
OWN_CATEGORIES = ("privacy", "review_solicitation", "outcome_claim", "endorsement", "payment_request")


def suggested_action(category: str, alerts: AlertsConfig) -> str:
    if category == "crisis":
        return f"Act now. {alerts.crisis_guidance} Suggested public reply: \"{alerts.crisis_reply}\""
    if category == "booking":
        return f"Reply with: \"{alerts.booking_reply}\" Hide the comment if it shares personal details."
    return {
        "abusive": "Hide the comment (negative feedback in it may stay if posted again politely). Report the account if it threatens anyone.",
        "privacy": "Hide the post now to protect the person's privacy. Do not reply publicly about anyone's therapy; contact the person privately if they are a client.",
        "promotional": "Hide or delete the comment. Report the account as spam if it keeps posting.",
        "review_solicitation": "Edit or delete the post: the policy does not allow asking for reviews or testimonials.",
        "outcome_claim": "Edit or delete the post: therapy results cannot be promised.",
        "endorsement": "Edit or delete the post, or add the product to the approved list if the practice agreed to promote it.",
        "payment_request": "Check who has access to the account and change its password; delete the post and warn followers that the practice never asks for payment here.",
    }[category]
