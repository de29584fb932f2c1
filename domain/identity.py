"""Account identity: a handle on a platform, compared without case and without '@'."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from hashlib import sha1
from uuid import UUID

from standing.domain.errors import InvalidIdentity

DEFAULT_PLATFORM = "twitter"
HANDLE = re.compile(r"[A-Za-z0-9_.\-]{1,64}")
PLATFORM = re.compile(r"[a-z0-9_\-]{1,32}")
NAMESPACE = UUID("5b1f3c2e-8f0d-4d8e-9a55-7d1e0c6a2b41")
NAMESPACE_BYTES = NAMESPACE.bytes
# uuid5's version and variant bits, set as `UUID(bytes=..., version=5)` sets them
VERSION_BITS = (0xC000 << 48) | (0xF000 << 64)
VERSION_5 = (0x8000 << 48) | (5 << 76)
RECENT_IDS = 4096  # the ids of the accounts most recently asked about, kept


@dataclass(frozen=True, slots=True)
class AccountKey:
    """Who an account is: its platform and its handle as written (without '@')."""

    platform: str
    handle: str

    @classmethod
    def parse(cls, handle: str, platform: str = DEFAULT_PLATFORM) -> AccountKey:
        bare = bare_handle(handle)
        return cls(checked_platform(platform), bare)

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


def bare_handle(handle: str) -> str:
    """`handle` without its leading '@'; raises `InvalidIdentity`."""
    bare = handle[1:] if handle.startswith("@") else handle
    if not HANDLE.fullmatch(bare):
        raise InvalidIdentity(
            f"invalid handle {handle!r}: 1-64 letters, digits, '_', '.' or '-'"
        )
    return bare


def checked_platform(platform: str) -> str:
    """`platform`, if it is a platform's name; raises `InvalidIdentity`."""
    if not PLATFORM.fullmatch(platform):
        raise InvalidIdentity(
            f"invalid platform {platform!r}: 1-32 lowercase letters, digits, '_' or '-'"
        )
    return platform


@lru_cache(maxsize=RECENT_IDS)
def account_id(platform: str, handle: str) -> UUID:
    """The aggregate id of an account: the same for every spelling of its handle.

    It is ``uuid5(NAMESPACE, f"{platform}/{handle.casefold()}")``, computed
    without the generic checks of `uuid.UUID`, and remembered for the accounts
    asked about most recently (a replay asks once for every fact).
    """
    name = f"{platform}/{handle.casefold()}".encode()
    digest = sha1(NAMESPACE_BYTES + name, usedforsecurity=False).digest()
    return UUID(int=(int.from_bytes(digest[:16]) & ~VERSION_BITS) | VERSION_5)
