"""The one small interface every platform adapter implements.

An adapter is a real client of one platform's documented API. It turns the platform's shapes into
normalized `Item`s and `Account`s and raises the `PlatformError` family for anything that stops it
from reading a profile. Adding a platform means adding one module in this package that defines a
subclass with a unique `name`; the registry in `monitor.platforms` finds it.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import ClassVar

from monitor.config.model import HttpConfig, ProfileConfig
from monitor.items import Account, FetchResult, MediaRef


class Adapter(ABC):
    name: ClassVar[str]  # the `platform = "..."` value in the config
    default_base_url: ClassVar[str] = ""
    account_help: ClassVar[str] = "the account to watch"
    token_required: ClassVar[bool] = False
    supports_search: ClassVar[bool] = False
    supports_lookup: ClassVar[bool] = False
    # Where staff report an impersonating account on this platform (used in evidence packs).
    report_route: ClassVar[str] = ""

    def __init__(self, profile: ProfileConfig, token: str | None, http: HttpConfig) -> None:
        self.profile = profile
        self.token = token
        self.http = http
        self.base_url = (profile.base_url or self.default_base_url).rstrip("/")

    @classmethod
    def validate_profile(cls, profile: ProfileConfig) -> list[tuple[str, str]]:
        """Problems with a profile's config, as (key, problem) pairs; checked by `check-config`."""
        problems = []
        if not profile.account:
            problems.append(("account", f"is required for platform {cls.name!r} ({cls.account_help})"))
        if profile.path is not None:
            problems.append(("path", f"is only for platform 'export', not {cls.name!r}"))
        if cls.token_required and not (profile.token_env or profile.token_file):
            problems.append(("token_env", f"platform {cls.name!r} needs an access token: set token_env or token_file"))
        if profile.base_url and not profile.base_url.startswith(("http://", "https://")):
            problems.append(("base_url", f"must start with http:// or https://, not {profile.base_url!r}"))
        return problems

    @abstractmethod
    def fetch_profile(self) -> Account:
        """The official profile itself (handle, display name, bio, avatar, creation date, followers)."""

    @abstractmethod
    def fetch_items(self, cursor: dict | None) -> FetchResult:
        """Items new or edited since `cursor` (None: everything the platform returns, every page).

        Returns the cursor to store for the next run. Malformed single items are skipped with a reason
        in `FetchResult.skipped`; a profile that cannot be read raises a PlatformError.
        """

    def lookup_account(self, handle: str) -> Account | None:
        """The account with exactly this handle, or None when it does not exist."""
        return None

    def search_accounts(self, query: str, limit: int = 20) -> list[Account]:
        """Accounts whose name or handle matches `query`, where the platform offers search."""
        return []

    @abstractmethod
    def fetch_media(self, media: MediaRef, max_bytes: int) -> bytes:
        """The image's bytes, refusing more than `max_bytes` (raise UnsafeMedia) and non-images."""

    def close(self) -> None:
        """Release connections."""
