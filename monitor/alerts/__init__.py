"""Alerts, the outbox and digests: how the admins hear about what the monitor finds.

- `plan_alerts` turns open urgent/high findings into stored alert emails (one per profile and
  recipient set), `deliver_pending` sends what is due through the outbox, exactly once.
- `queue_digest` stores the digest of normal/low findings; `render_digest_html` previews it.
"""

from monitor.alerts.digest import queue_digest, render_digest_html, render_digest_text
from monitor.alerts.outbox import DeliveryReport, deliver_pending
from monitor.alerts.plan import plan_alerts

__all__ = ["DeliveryReport", "deliver_pending", "plan_alerts", "queue_digest", "render_digest_html", "render_digest_text"]
