"""Rendering emails from Jinja2 templates: HTML with autoescape everywhere, plain text beside it.

Templates live in monitor/alerts/templates (`*.html.j2` escaped, `*.txt.j2` plain). Pictures are
never linked: the HTML names them through `img_src`, which gives a `cid:` reference for an email
(the picture travels as an inline attachment) or a `data:` URI for a preview file.
"""

from __future__ import annotations

import base64
import secrets
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from monitor.alerts.headers import header_text
from monitor.alerts.images import Thumb
from monitor.alerts.routing import severity_rank
from monitor.alerts.views import FindingView

TEMPLATES = Path(__file__).with_name("templates")
MAX_INLINE_IMAGES = 40
SEVERITY_COLOURS = {"urgent": "#b00020", "high": "#b35900", "normal": "#1a5fb4", "low": "#5e5c64"}


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(enabled_extensions=("html.j2",), disabled_extensions=("txt.j2",), default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals["severity_colour"] = lambda s: SEVERITY_COLOURS.get(s, "#5e5c64")
    return env


class InlineImages:
    """Collects the pictures one email shows, each once, and names them for the HTML."""

    def __init__(self, *, embed_data: bool = False) -> None:
        self.embed_data = embed_data
        self._by_key: dict[str, tuple[str, Thumb]] = {}
        self._token = secrets.token_hex(6)

    def src(self, thumb: Thumb | None) -> str:
        if thumb is None:
            return ""
        if self.embed_data:
            return "data:image/jpeg;base64," + base64.b64encode(thumb.data).decode("ascii")
        if thumb.key not in self._by_key:
            if len(self._by_key) >= MAX_INLINE_IMAGES:
                return ""
            cid = f"img{len(self._by_key) + 1}.{thumb.key}.{self._token}@practice-monitor"
            self._by_key[thumb.key] = (cid, thumb)
        return "cid:" + self._by_key[thumb.key][0]

    def attachments(self) -> list[tuple[str, Thumb]]:
        """(content id, picture) pairs, in the order the HTML names them."""
        return list(self._by_key.values())


@dataclass
class Rendered:
    subject: str
    text: str
    html: str
    images: list[tuple[str, Thumb]] = field(default_factory=list)


def render_pair(name: str, context: dict, *, embed_data: bool = False) -> Rendered:
    """Render `<name>.txt.j2` and `<name>.html.j2` with one context."""
    env = environment()
    images = InlineImages(embed_data=embed_data)
    html = env.get_template(f"{name}.html.j2").render(**context, img_src=images.src)
    text = env.get_template(f"{name}.txt.j2").render(**context)
    return Rendered(subject=context.get("subject", ""), text=text, html=html, images=images.attachments())


def alert_subject(views: list[FindingView]) -> str:
    """E.g. 'URGENT: Possible crisis / safety concern on practice-mastodon by @someone'."""
    top = min(views, key=lambda v: severity_rank(v.severity))
    prefix = "Reminder: " if all(v.announce == "reminder" for v in views) else "Changed: " if all(v.announce for v in views) else ""
    if len(views) == 1:
        v = views[0]
        who = f" by {header_text(v.author, 40)}" if v.author else ""
        body = f"{v.category_label} on {v.profile}{who}"
    else:
        labels: list[str] = []
        for v in sorted(views, key=lambda v: severity_rank(v.severity)):
            if v.category_label not in labels:
                labels.append(v.category_label)
        shown = ", ".join(labels[:2]) + (f" and {len(labels) - 2} more" if len(labels) > 2 else "")
        body = f"{len(views)} findings on {top.profile}: {shown}"
    return header_text(f"[practice-monitor] {prefix}{top.severity.upper()}: {body}")


def render_alert(practice: str, views: list[FindingView], *, generated_at: str) -> Rendered:
    views = sorted(views, key=lambda v: (severity_rank(v.severity), v.id))
    subject = alert_subject(views)
    context = {
        "subject": subject,
        "practice": practice,
        "findings": views,
        "top": views[0],
        "generated_at": generated_at,
    }
    return render_pair("alert", context)
