"""Configuration: one TOML file, parsed into typed, immutable values (see INTERFACE.md)."""

from monitor.config.loader import ENV_CONFIG, find_config_path, load_config, parse_config
from monitor.config.model import (
    AlertsConfig,
    Config,
    DatabaseConfig,
    EmailConfig,
    HttpConfig,
    IdentityConfig,
    ImpersonationConfig,
    MediaConfig,
    PostsConfig,
    PracticeConfig,
    ProfileConfig,
    ScheduleConfig,
    WorkersConfig,
)

__all__ = [
    "ENV_CONFIG", "find_config_path", "load_config", "parse_config",
    "AlertsConfig", "Config", "DatabaseConfig", "EmailConfig", "HttpConfig", "IdentityConfig",
    "ImpersonationConfig", "MediaConfig", "PostsConfig", "PracticeConfig", "ProfileConfig",
    "ScheduleConfig", "WorkersConfig",
]
