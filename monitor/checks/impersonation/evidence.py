"""The evidence pack staff attach to a platform's impersonation report.

One folder with `evidence.html` (readable, printable: the suspect's avatar beside the official one,
who it imitates, every signal with its weight, first and last seen, how to report it on that
platform), `evidence.json` (the same facts for a script or a lawyer) and the two avatar images.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from jinja2 import Environment

from monitor.checks.impersonation import handles as H
from monitor.config.model import Config, IdentityConfig

# Used when the platform adapter gives no route of its own.
FALLBACK_ROUTES = {
    "mastodon": "Open the account's profile, choose 'Report' from its menu and say it impersonates you; "
                "also write to the moderators of the server hosting the account (see that server's About page).",
    "bluesky": "Open the account's profile, choose 'Report account' from its menu and select impersonation.",
    "instagram": "In the Instagram app open the profile, tap the menu, choose Report, Report account, "
                 "'It's pretending to be someone else'. The Instagram Help Centre also has an impersonation form.",
    "facebook": "Open the Page or profile, choose 'Find support or report' from its menu and select "
                "'Pretending to be someone'. The Facebook Help Centre also has an impersonation form.",
}

_TEMPLATE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Impersonation evidence: {{ s.handle }} ({{ s.platform }})</title>
<style>
body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;color:#222;line-height:1.45}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.35rem .5rem;text-align:left;vertical-align:top}
.avatars{display:flex;gap:2rem}.avatars figure{margin:0;text-align:center}.avatars img{width:160px;height:160px;object-fit:cover;border:1px solid #999}
.muted{color:#666}
</style></head><body>
<h1>Account impersonating {{ who }}</h1>
<p>Prepared by {{ practice }} on {{ generated }}{% if reported_by %} for {{ reported_by }}{% endif %}.</p>
<h2>The impersonating account</h2>
<table>
<tr><th>Platform</th><td>{{ s.platform }}</td></tr>
<tr><th>Handle</th><td>{{ s.handle }}</td></tr>
<tr><th>Display name</th><td>{{ s.display_name or "(none)" }}</td></tr>
<tr><th>Profile URL</th><td>{% if s.url %}<a href="{{ s.url }}">{{ s.url }}</a>{% else %}(unknown){% endif %}</td></tr>
<tr><th>First seen</th><td>{{ first_seen }}</td></tr>
<tr><th>Last seen</th><td>{{ last_seen }}</td></tr>
<tr><th>Score</th><td>{{ "%.2f"|format(s.score) }} ({{ s.verdict }})</td></tr>
</table>
<h2>Avatars</h2>
<div class="avatars">
<figure>{% if suspect_avatar %}<img src="{{ suspect_avatar }}" alt="the impersonating account's avatar">{% else %}<p class="muted">(avatar not downloaded)</p>{% endif %}<figcaption>Impersonating account</figcaption></figure>
<figure>{% if official_avatar %}<img src="{{ official_avatar }}" alt="the official avatar">{% else %}<p class="muted">(no official avatar configured)</p>{% endif %}<figcaption>Official: {{ who }}</figcaption></figure>
</div>
<h2>The real account</h2>
<p>{{ who }}{% if official %}: official {{ s.platform }} account <a href="{{ official.url }}">{{ official.handle }}</a>{% endif %}.</p>
{% if other_official %}<p>Other official accounts: {% for o in other_official %}<a href="{{ o.url }}">{{ o.platform }}: {{ o.handle }}</a>{% if not loop.last %}, {% endif %}{% endfor %}.</p>{% endif %}
<h2>Why this account was flagged</h2>
<table><tr><th>Signal</th><th>Weight</th><th>Explanation</th></tr>
{% for sig in signals %}<tr><td>{{ sig.kind }}</td><td>{{ "%.2f"|format(sig.weight) }}</td><td>{{ sig.reason }}</td></tr>
{% else %}<tr><td colspan="3">Reported by staff{% if s.note %}: {{ s.note }}{% endif %}</td></tr>{% endfor %}
</table>
{% if s.note %}<p><strong>Staff notes:</strong> {{ s.note }}</p>{% endif %}
<h2>How to report it on {{ s.platform }}</h2>
<p>{{ route }}</p>
{% if reported_at %}<p class="muted">Recorded as reported by {{ reported_by }} on {{ reported_at }}.</p>{% endif %}
</body></html>
"""


@dataclass(frozen=True)
class EvidencePack:
    folder: Path
    html: Path
    json: Path
    images: tuple[Path, ...]


def _when(d: datetime | None) -> str:
    return d.strftime("%Y-%m-%d %H:%M UTC") if d else "(unknown)"


def _identity(config: Config, name: str | None) -> IdentityConfig | None:
    for ident in config.identities:
        if ident.name == name:
            return ident
    return None


def official_avatar_bytes(config: Config, ident: IdentityConfig | None) -> bytes | None:
    """A small JPEG of the identity's first readable avatar file."""
    from monitor.checks.impersonation.avatars import avatar_from_bytes
    from monitor.errors import UnsafeMedia

    for path in (ident.avatars if ident else []):
        try:
            return avatar_from_bytes(Path(path), config.media).thumb
        except (UnsafeMedia, OSError):
            continue
    return None


def write_pack(suspect, config: Config, out_dir: Path, *, route: str = "", reported_by: str | None = None,
               reported_at: datetime | None = None, generated: datetime | None = None) -> EvidencePack:
    """Write the pack for one suspect (a `Suspect` row) into a new folder under `out_dir`."""
    generated = generated or datetime.now().astimezone()
    slug = re.sub(r"[^a-z0-9]+", "-", f"{suspect.platform}-{suspect.handle}".casefold()).strip("-")[:80]
    folder = Path(out_dir) / f"suspect-{suspect.id}-{slug}"
    folder.mkdir(parents=True, exist_ok=True)
    ident = _identity(config, suspect.matched_identity)
    images: list[Path] = []
    suspect_avatar = official_avatar = None
    if suspect.avatar_thumb:
        p = folder / "suspect-avatar.jpg"
        p.write_bytes(suspect.avatar_thumb)
        images.append(p)
        suspect_avatar = p.name
    off = official_avatar_bytes(config, ident)
    if off:
        p = folder / "official-avatar.jpg"
        p.write_bytes(off)
        images.append(p)
        official_avatar = p.name
    officials = []
    for platform, handle in (ident.handles.items() if ident else []):
        officials.append({"platform": platform, "handle": handle, "url": H.profile_url(platform, handle)})
    official = next((o for o in officials if o["platform"] == suspect.platform), None)
    route = route or FALLBACK_ROUTES.get(suspect.platform, "Use the platform's own report function on the account's profile.")
    signals = [s for s in (suspect.signals or []) if isinstance(s, dict)]
    who = suspect.matched_identity or config.practice.name
    facts = {
        "suspect": {
            "id": suspect.id, "platform": suspect.platform, "handle": suspect.handle, "display_name": suspect.display_name,
            "url": suspect.url, "avatar_url": suspect.avatar_url, "bio": suspect.bio, "status": suspect.status,
            "first_seen": suspect.first_seen.isoformat() if suspect.first_seen else None,
            "last_seen": suspect.last_seen.isoformat() if suspect.last_seen else None, "source": suspect.source,
            "note": suspect.note,
        },
        "score": round(suspect.score or 0.0, 3),
        "verdict": suspect.verdict,
        "matched_identity": suspect.matched_identity,
        "official_profile": official,
        "official_accounts": officials,
        "signals": signals,
        "reporting_route": route,
        "reported_by": reported_by,
        "reported_at": reported_at.isoformat() if reported_at else None,
        "generated_at": generated.isoformat(),
        "images": {"suspect_avatar": suspect_avatar, "official_avatar": official_avatar},
    }
    html = Environment(autoescape=True).from_string(_TEMPLATE).render(
        s=suspect, who=who, practice=config.practice.name, generated=generated.strftime("%Y-%m-%d %H:%M %Z").strip(),
        first_seen=_when(suspect.first_seen), last_seen=_when(suspect.last_seen), signals=signals, route=route,
        official=official, other_official=[o for o in officials if o is not official], suspect_avatar=suspect_avatar,
        official_avatar=official_avatar, reported_by=reported_by, reported_at=_when(reported_at) if reported_at else None,
    )
    html_path, json_path = folder / "evidence.html", folder / "evidence.json"
    html_path.write_text(html, encoding="utf-8")
    json_path.write_text(json.dumps(facts, ensure_ascii=False, indent=2), encoding="utf-8")
    return EvidencePack(folder, html_path, json_path, tuple(images))
