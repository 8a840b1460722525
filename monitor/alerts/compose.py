"""Assembling the complete RFC 5322 message that the outbox stores and later sends byte for byte.

Structure: multipart/alternative [text/plain, multipart/related [text/html, image/jpeg ...]], so every
client shows either the text or the HTML with its pictures inline. From and To come from the config
only; the Subject is sanitised (`headers.header_text`); the Message-ID is made here once and is the
same for every retry, so a person or server can tell a repeat from a new message.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime

from monitor.alerts.headers import header_text, message_id, safe_address
from monitor.alerts.render import Rendered
from monitor.config.model import Config

FINDING_IDS_IN_HEADER = 50


@dataclass(frozen=True)
class Composed:
    message_id: str
    subject: str
    recipients: list[str]
    raw: bytes


def _address(addr: str, name: str = "") -> Address:
    addr = safe_address(addr)
    local, _, domain = addr.rpartition("@")
    return Address(display_name=name, username=local, domain=domain)


def compose(
    config: Config,
    rendered: Rendered,
    *,
    kind: str,
    recipients: list[str],
    now: datetime,
    finding_ids: list[int] | None = None,
) -> Composed:
    mid = message_id(config.email.from_, kind)
    subject = header_text(rendered.subject)
    msg = EmailMessage(policy=policy.SMTP)
    msg["Subject"] = subject
    msg["From"] = _address(config.email.from_, header_text(f"{config.practice.name} monitor", 80))
    if recipients:
        msg["To"] = [_address(a) for a in recipients]
    else:  # only the file transport accepts a message without recipients
        msg["To"] = "undisclosed-recipients:;"
    msg["Date"] = format_datetime(now)
    msg["Message-ID"] = mid
    msg["Auto-Submitted"] = "auto-generated"  # RFC 3834: no vacation replies to the monitor
    msg["X-Auto-Response-Suppress"] = "All"
    msg["X-Practice-Monitor-Kind"] = kind
    if finding_ids:
        shown = ",".join(str(int(i)) for i in finding_ids[:FINDING_IDS_IN_HEADER])
        msg["X-Practice-Monitor-Findings"] = shown + (",..." if len(finding_ids) > FINDING_IDS_IN_HEADER else "")
    msg.set_content(rendered.text, subtype="plain", charset="utf-8")
    msg.add_alternative(rendered.html, subtype="html", charset="utf-8")
    if rendered.images:
        html_part = msg.get_payload()[1]
        for n, (cid, thumb) in enumerate(rendered.images, 1):
            html_part.add_related(
                thumb.data, "image", "jpeg", cid=f"<{cid}>", disposition="inline", filename=f"picture-{n}.jpg"
            )
    return Composed(message_id=mid, subject=subject, recipients=list(recipients), raw=msg.as_bytes())
