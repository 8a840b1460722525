"""The procrastinate App for procrastinate's own command line, built from $PRACTICE_MONITOR_CONFIG.

    PRACTICE_MONITOR_CONFIG=/etc/practice-monitor/config.toml \
        procrastinate --app=jobs.procrastinate_app.app shell

gives procrastinate's shell on our queue (list_jobs, list_locks, retry, cancel, ...). Run the workers with
`practice-monitor worker`, not `procrastinate worker`: ours add the stalled-job sweep and the
per-profile locks, and jobs started from this App refuse to run.
"""

from __future__ import annotations


def __getattr__(name: str):
    if name != "app":
        raise AttributeError(name)
    from jobs.tasks import build_app, require_postgres
    from monitor.config import load_config

    config = load_config()
    require_postgres(config, "procrastinate")
    app = build_app(config)
    globals()["app"] = app
    return app
