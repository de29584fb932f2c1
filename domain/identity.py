"""Account identity: a handle on a platform, compared without case and without '@'."""

from __future__ import annotations

import re
from dataclasses import dataclass
from uuid import UUID, uuid5

from domain.errors import InvalidIdentity

DEFAULT_PLATFORM = "twitter"
HANDLE = re.compile(r"[A-Za-z0-9_.\-]{1,64}")
PLATFORM = re.compile(r"[a-z0-9_\-]{1,32}")
NAMESPACE = UUID("5b1f3c2e-8f0d-4d8e-9a55-7d1e0c6a2b41")


@dataclass(frozen=True, slots=True)
class AccountKey:
    """Who an account is: its platform and its handle as written (without '@')."""

    platform: str
    handle: str

    @classmethod
    def parse(cls, handle: str, platform: str = DEFAULT_PLATFORM) -> AccountKey:
        bare = handle[1:] if handle.startswith("@") else handle
        if not HANDLE.fullmatch(bare):
            raise InvalidIdentity(
                f"invalid handle {handle!r}: 1-64 letters, digits, '_', '.' or '-'"
            )
        if not PLATFORM.fullmatch(platform):
            raise InvalidIdentity(
                f"invalid platform {platform!r}: 1-32 lowercase letters, digits, "
                "'_' or '-'"
            )
        return cls(platform, bare)

    @property
    def folded(self) -> str:
        return self.handle.casefold()

    @property
    def id(self) -> UUID:
        return account_id(self.platform, self.handle)

    def __str__(self) -> str:
        return f"@{self.handle}"

    def same_account(self, other: AccountKey) -> bool:
        return self.platform == other.platform and self.folded == other.folded


def account_id(platform: str, handle: str) -> UUID:
    """The aggregate id of an account: the same for every spelling of its handle."""
    return uuid5(NAMESPACE, f"{platform}/{handle.casefold()}")
