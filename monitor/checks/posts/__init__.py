"""The post and comment policy checks (promotional, abusive, privacy, crisis, booking, and the
practice's own posts: review solicitation, outcome claims, endorsements, payment requests).

`check_item` is the pipeline's entry point; `check_text` is the engine it and the CLI share.
"""

from __future__ import annotations

from monitor.checks.posts import names
from monitor.checks.posts.engine import check_text, compile_posts, repeat_key
from monitor.findings import Finding

__all__ = ["check_item", "check_text", "repeat_key", "compile_posts"]


def check_item(item, ctx) -> list[Finding]:
    """Findings for one new or edited item (pure: reads only the item and the context)."""
    return check_text(
        item.text or "",
        bool(item.is_official),
        ctx.config.posts,
        ctx.config.alerts,
        author=item.author.handle if item.author else None,
        item_id=item.id,
        repeat_count=ctx.repeat_count,
        names=names.from_config(ctx.config),
    )
