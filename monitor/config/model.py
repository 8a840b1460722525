"""The configuration as typed, immutable values.

Every field here is a key of the TOML file; `monitor.config.schema` parses and validates them
generically from these dataclasses, so a new key is one line here plus its comment in
config.example.toml. `help` metadata is used in error messages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


def opt(default, help: str = ""):
    """A field with a default and a short explanation."""
    if isinstance(default, (list, dict)):
        return field(default_factory=lambda d=default: type(d)(d), metadata={"help": help})
    return field(default=default, metadata={"help": help})


def req(help: str = ""):
    """A required field."""
    return field(metadata={"help": help, "required": True})


@dataclass(frozen=True)
class PracticeConfig:
    name: str = req("the practice's name, shown in every email")
    state_dir: Path = opt(Path("state"), "database, caches and lock file; created if missing")
    timezone: str = opt("UTC", "IANA timezone for schedules and dates in emails, e.g. Europe/London")


@dataclass(frozen=True)
class DatabaseConfig:
    url: str = opt("", "any SQLAlchemy URL; default: SQLite file monitor.db in state_dir")


@dataclass(frozen=True)
class MediaConfig:
    library: Path = opt(Path("approved-media"), "folder of approved images (recursive)")
    max_image_bytes: int = opt(20_000_000, "images larger than this are refused as unreadable")
    max_pixels: int = opt(60_000_000, "images with more pixels are refused (decompression bombs)")
    # Thresholds (Hamming distances on 64-bit hashes unless said otherwise). Calibrated by bench/media_eval.py.
    near_match_distance: int = opt(24, "pHash distance (best orientation or crop window) under which a library image is compared in detail")
    variant_distance: int = opt(12, "pHash distance above which an otherwise unchanged-looking copy is still reported as altered")
    match_threshold: float = opt(0.5, "alignment score (0..1) from which a posted image counts as derived from a library image")
    region_threshold: float = opt(0.06, "colour difference (0..1) from which a pixel counts as changed after alignment")
    region_grid: int = opt(8, "changed pixels count when they gather in a region of 1/region_grid of the width and height")
    region_min_area: float = opt(0.01, "changed fraction of the picture (0..1) from which it counts as edited")
    colour_threshold: float = opt(0.02, "mean colour shift (0..1) above which the image counts as colour-graded")
    tone_threshold: float = opt(0.15, "spread of brightness change across the picture above which it counts as retouched")
    blur_ratio: float = opt(0.6, "fine detail kept (0..1) under which the image counts as blurred")
    platform_crop: float = opt(0.06, "fraction of the area platforms may trim from the edges without it counting as a crop")


@dataclass(frozen=True)
class EmailConfig:
    transport: str = opt("file", '"smtp" or "file" (one .eml per message into outbox_dir)')
    from_: str = opt("practice-monitor@localhost", "sender address")
    to: list[str] = opt([], "default recipients of every alert and digest")
    host: str = opt("localhost", "SMTP server (smtp only)")
    port: int = opt(25, "SMTP port")
    security: str = opt("none", '"none", "starttls" or "ssl"')
    username: str = opt("", "SMTP user name (optional)")
    password_env: str = opt("", "environment variable holding the SMTP password")
    password_file: str = opt("", "file holding the SMTP password ($CREDENTIALS_DIRECTORY is searched)")
    outbox_dir: Path = opt(Path("outbox"), "where the file transport writes .eml files")
    timeout: float = opt(30.0, "seconds before an SMTP conversation is given up (and retried later)")


@dataclass(frozen=True)
class AlertsConfig:
    recipients: dict[str, list[str]] = opt({}, "extra recipients per category, e.g. crisis = ['lead@...']")
    group_window: int = opt(120, "seconds: immediate findings of one profile within this window make one email")
    repeat_interval_hours: float = opt(0, "re-announce a still-open finding after this many hours; 0 = never")
    digest_send_empty: bool = opt(False, "send a digest even when nothing is pending")
    max_attempts: int = opt(12, "give up a message after this many transient failures")
    retry_base_seconds: float = opt(60, "first retry delay; doubles each attempt")
    crisis_guidance: str = opt(
        "Do not try to counsel on social media. Reply publicly with the crisis line text below, "
        "then follow the practice's safeguarding procedure.",
        "what staff should do when a crisis comment is found (shown in crisis alerts)",
    )
    crisis_reply: str = opt(
        "If you are in crisis or worried about your safety, please call your local emergency number "
        "or a crisis line now. We are not able to respond to emergencies on social media.",
        "the public reply suggested for crisis comments",
    )
    booking_reply: str = opt(
        "Thank you for getting in touch. We can't discuss appointments here; please contact us by phone "
        "or through our website.",
        "the reply suggested for booking questions in comments",
    )


@dataclass(frozen=True)
class ScheduleConfig:
    run: str = opt("*/30 * * * *", "cron expression for `serve`: when to run the checks")
    digest: str = opt("0 8 * * *", "cron expression: when to send the digest")
    misfire_grace_seconds: int = opt(300, "a job that missed its time by less than this still runs")
    deliver_minutes: int = opt(5, "how often `serve` retries waiting alerts between runs (minutes)")


@dataclass(frozen=True)
class IdentityConfig:
    name: str = req("the practice's or practitioner's name")
    handles: dict[str, str] = opt({}, "official handle per platform, e.g. { mastodon = 'x@example.social' }")
    display_names: list[str] = opt([], "other names the identity uses (the name is always included)")
    avatars: list[Path] = opt([], "official avatar or logo files")
    bio: str = opt("", "official bio text, for comparing with suspects' bios")


@dataclass(frozen=True)
class ImpersonationConfig:
    allowlist: list[str] = opt([], "known legitimate look-alike handles, never flagged (platform:handle or handle)")
    impersonation_threshold: float = opt(0.75, "score at or above which an account is an impersonation")
    suspicious_threshold: float = opt(0.5, "score at or above which an account is suspicious")
    lookups_per_run: int = opt(40, "generated look-alike handles looked up per run and platform (spread over runs)")
    reminder_days: int = opt(7, "remind staff when a reported suspect is still live after this many days")
    search: bool = opt(True, "use the platforms' account search for each identity")


@dataclass(frozen=True)
class PostsConfig:
    allowed_domains: list[str] = opt([], "links to these domains and their subdomains are permitted")
    permitted_authors: list[str] = opt([], "handles whose promotional posts are permitted")
    disabled: list[str] = opt([], 'categories switched off, e.g. ["booking"]')
    severities: dict[str, str] = opt({}, "severity per category, overriding the defaults")
    extra_words: dict[str, list[str]] = opt({}, "extra words or phrases per category")
    extra_patterns: dict[str, list[str]] = opt({}, "extra regular expressions per category")
    approved_post_ids: list[str] = opt([], "post ids never flagged (already reviewed)")
    approved_endorsements: list[str] = opt([], "products or services the practice may promote in its own posts")
    wording_models: bool = opt(True, "use the learned wording model: it flags texts whose wording is close to labelled examples when no rule matched, and drops a rule's flag whose wording is far from every labelled example of that kind")


@dataclass(frozen=True)
class HttpConfig:
    timeout: float = opt(20.0, "seconds per request")
    retries: int = opt(3, "retries on connection errors and 5xx")
    pool_size: int = opt(4, "profiles fetched at once")
    user_agent: str = opt("practice-monitor/0.1 (+policy monitoring)", "User-Agent header")
    max_pages: int = opt(50, "pages read per profile and endpoint per run (the first run reads until this)")
    watch_days: int = opt(14, "days during which new comments and replies on an existing post are still looked for")


@dataclass(frozen=True)
class WorkersConfig:
    concurrency: int = opt(1, "jobs one worker process runs at once")
    stalled_after: int = opt(30, "seconds without a heartbeat after which a dead worker's job runs again")


@dataclass(frozen=True)
class ProfileConfig:
    name: str = req("a short name for this profile, used in commands and emails")
    platform: str = req('"facebook", "instagram", "mastodon", "bluesky" or "export"')
    base_url: str = opt("", "API base URL; default: the real service")
    account: str = opt("", "mastodon/bluesky: the handle; facebook: page_id; instagram: ig_user_id")
    token_env: str = opt("", "environment variable holding the access token")
    token_file: str = opt("", "file holding the access token ($CREDENTIALS_DIRECTORY is searched)")
    path: Path | None = opt(None, "export platform: folder of the export")
    enabled: bool = opt(True, "set to false to stop watching this profile without deleting it")


@dataclass(frozen=True)
class Config:
    practice: PracticeConfig = req("[practice] section")
    database: DatabaseConfig = field(default_factory=DatabaseConfig)
    media: MediaConfig = field(default_factory=MediaConfig)
    email: EmailConfig = field(default_factory=EmailConfig)
    alerts: AlertsConfig = field(default_factory=AlertsConfig)
    schedule: ScheduleConfig = field(default_factory=ScheduleConfig)
    identities: list[IdentityConfig] = opt([], "")
    impersonation: ImpersonationConfig = field(default_factory=ImpersonationConfig)
    posts: PostsConfig = field(default_factory=PostsConfig)
    http: HttpConfig = field(default_factory=HttpConfig)
    workers: WorkersConfig = field(default_factory=WorkersConfig)
    profiles: list[ProfileConfig] = opt([], "")
    # Not a key: where the file was, for messages and relative paths.
    source: Path = field(default=Path("config.toml"), metadata={"internal": True})

    @property
    def database_url(self) -> str:
        return self.database.url or f"sqlite:///{(self.practice.state_dir / 'monitor.db').as_posix()}"

    def profile(self, name: str) -> ProfileConfig:
        for p in self.profiles:
            if p.name == name:
                return p
        raise KeyError(name)
