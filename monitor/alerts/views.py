"""What a finding looks like in an email, built once for both the text and the HTML template.

Every string taken from a finding passes through the sanitisers here (control characters removed,
secrets redacted, lengths limited), so the templates only ever see clean values; the HTML template
escapes them on top (Jinja2 autoescape).
"""

from __future__ import annotations

import zoneinfo
from dataclasses import dataclass, field
from datetime import datetime, timezone
from urllib.parse import urlsplit

from sqlalchemy.orm import Session

from monitor.alerts.headers import inline_text, shorten
from monitor.alerts.images import ImagePair, image_pair
from monitor.alerts.quote import Quote, build_quote
from monitor.alerts.routing import category_label
from monitor.config.model import Config
from monitor.store.models import FindingRow

HANDLE_LIMIT = 80
REASON_LIMIT = 300
URL_LIMIT = 300


@dataclass(frozen=True)
class Link:
    """A link shown as its real target: `href` is set only for plain http(s) URLs."""

    text: str
    href: str | None


@dataclass
class FindingView:
    id: int
    profile: str
    platform: str
    category: str
    category_label: str
    severity: str
    rule: str
    status: str
    item_kind: str
    author: str
    link: Link | None
    quote: Quote
    reasons: list[str]
    action: str
    resolve_command: str
    found_at: str
    announce: str = ""  # "", "changed" or "reminder"
    suggested_reply: str = ""
    guidance: str = ""
    images: ImagePair | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def is_crisis(self) -> bool:
        return self.category == "crisis"


def safe_link(url: str | None) -> Link | None:
    if not url:
        return None
    text = shorten(inline_text(url).replace(" ", "%20"), URL_LIMIT)
    try:
        parts = urlsplit(text)
    except ValueError:
        return Link(text, None)
    ok = parts.scheme.lower() in ("http", "https") and bool(parts.netloc) and "[redacted]" not in text
    return Link(text, text if ok else None)


def local_time(config: Config, when: datetime | None) -> str:
    """A date a person reads, in the practice's timezone, with the zone named."""
    if when is None:
        return ""
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    tz = zoneinfo.ZoneInfo(config.practice.timezone)
    local = when.astimezone(tz)
    return f"{local:%a %d %b %Y, %H:%M} {local.tzname()}"


def resolve_command(finding_id: int) -> str:
    return f'practice-monitor findings resolve {finding_id} --note "what was done"'


def finding_view(
    session: Session,
    config: Config,
    row: FindingRow,
    *,
    announce: str = "",
    with_images: bool = True,
) -> FindingView:
    """The clean, render-ready form of one finding row."""
    details = row.details or {}
    author = inline_text(row.author_handle, HANDLE_LIMIT) if row.author_handle else ""
    if row.category == "impersonation" and not author:
        author = inline_text(details.get("handle") or row.subject, HANDLE_LIMIT)
    reasons = [inline_text(r, REASON_LIMIT) for r in (row.reasons or []) if inline_text(r)]
    view = FindingView(
        id=row.id,
        profile=inline_text(row.profile, 120),
        platform=inline_text(row.platform, 40),
        category=row.category,
        category_label=category_label(row.category),
        severity=row.severity,
        rule=inline_text(row.rule, 120),
        status=row.status,
        item_kind=inline_text(row.item_kind or "item", 20),
        author=author,
        link=safe_link(row.item_url or (details.get("account_url") if row.category == "impersonation" else None)),
        quote=build_quote(row.excerpt, row.evidence or []),
        reasons=reasons,
        action=inline_text(row.action, 600),
        resolve_command=resolve_command(row.id),
        found_at=local_time(config, row.created_at),
        announce=announce,
    )
    message = details.get("message")
    if row.category == "profile_error" and isinstance(message, str) and message.strip():
        view.notes.append(f"What the platform answered: {inline_text(message, 300)}")
    if row.category == "crisis":
        view.guidance = inline_text(config.alerts.crisis_guidance)
        view.suggested_reply = inline_text(config.alerts.crisis_reply)
    elif row.category == "booking":
        view.suggested_reply = inline_text(config.alerts.booking_reply)
    if with_images:
        view.images = image_pair(session, config, row)
        if view.images is not None:
            view.images = ImagePair(
                view.images.left,
                view.images.right,
                inline_text(view.images.left_caption, 160),
                inline_text(view.images.right_caption, 160),
                inline_text(view.images.note, 160),
            )
    return view
