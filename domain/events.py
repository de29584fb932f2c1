"""The events an account's history is made of: the one place each is spelled.

Each event is a small immutable value with its effective time `at` and the
`fact` it records. `TYPE` is the name event files and JSON use; the class
name is the name the store keeps (the event class of the `Account`
aggregate). `TenureReceived` and `TransferCompleted` come from no record:
the transfer's choreography between an account and its archive writes them.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime, timedelta
from functools import cache
from typing import ClassVar

from standing.domain.facts import FactRef


@dataclass(frozen=True, slots=True)
class Registered:
    TYPE: ClassVar[str] = "account.registered"
    platform: str
    handle: str
    at: datetime
    holder: str
    kind: str
    fact: FactRef
    name: str | None = None
    archive_of: str | None = None  # an archive: the account whose tenure it keeps
    opens_at: datetime | None = None  # an archive: when that tenure ends


@dataclass(frozen=True, slots=True)
class PostPublished:
    TYPE: ClassVar[str] = "post.published"
    at: datetime
    post: str
    by: str | None
    text: str | None
    fact: FactRef


@dataclass(frozen=True, slots=True)
class PostRemoved:
    TYPE: ClassVar[str] = "post.removed"
    at: datetime
    post: str
    by: str
    reason: str | None
    fact: FactRef


@dataclass(frozen=True, slots=True)
class ViolationRecorded:
    TYPE: ClassVar[str] = "violation.recorded"
    at: datetime
    policy: str
    post: str | None
    severity: str | None
    fact: FactRef


@dataclass(frozen=True, slots=True)
class Locked:
    TYPE: ClassVar[str] = "account.locked"
    at: datetime
    reason: str
    policy: str | None
    duration: timedelta | None
    until: datetime | None
    require_removal: list[str] | None
    fact: FactRef


@dataclass(frozen=True, slots=True)
class Unlocked:
    TYPE: ClassVar[str] = "account.unlocked"
    at: datetime
    reason: str | None
    fact: FactRef


@dataclass(frozen=True, slots=True)
class Suspended:
    TYPE: ClassVar[str] = "account.suspended"
    at: datetime
    reason: str
    policy: str | None
    permanent: bool
    ends: datetime | None
    fact: FactRef


@dataclass(frozen=True, slots=True)
class Reinstated:
    TYPE: ClassVar[str] = "account.reinstated"
    at: datetime
    reason: str | None
    fact: FactRef


@dataclass(frozen=True, slots=True)
class TransferScheduled:
    TYPE: ClassVar[str] = "account.transfer_scheduled"
    at: datetime
    successor: str
    effective_at: datetime
    archive_to: str | None
    fact: FactRef


@dataclass(frozen=True, slots=True)
class Transferred:
    TYPE: ClassVar[str] = "account.transferred"
    at: datetime
    successor: str
    archive_to: str | None
    fact: FactRef


@dataclass(frozen=True, slots=True)
class Archived:
    TYPE: ClassVar[str] = "account.archived"
    at: datetime
    custodian: str | None
    fact: FactRef


@dataclass(frozen=True, slots=True)
class TenureReceived:
    """An archive opens with the live posts of the tenure it keeps."""

    TYPE: ClassVar[str] = "archive.opened"
    at: datetime
    posts: list[str]
    fact: FactRef


@dataclass(frozen=True, slots=True)
class TransferCompleted:
    """A scheduled transfer that fell due, settled on its account."""

    TYPE: ClassVar[str] = "transfer.settled"
    at: datetime
    fact: FactRef


Event = (
    Registered
    | PostPublished
    | PostRemoved
    | ViolationRecorded
    | Locked
    | Unlocked
    | Suspended
    | Reinstated
    | TransferScheduled
    | Transferred
    | Archived
    | TenureReceived
    | TransferCompleted
)

EVENT_CLASSES: tuple[type[Event], ...] = (
    Registered,
    PostPublished,
    PostRemoved,
    ViolationRecorded,
    Locked,
    Unlocked,
    Suspended,
    Reinstated,
    TransferScheduled,
    Transferred,
    Archived,
    TenureReceived,
    TransferCompleted,
)
BY_NAME: dict[str, type[Event]] = {cls.__name__: cls for cls in EVENT_CLASSES}
BY_TYPE: dict[str, type[Event]] = {cls.TYPE: cls for cls in EVENT_CLASSES}
# the types an event file may hold
RECORD_TYPES: tuple[str, ...] = tuple(cls.TYPE for cls in EVENT_CLASSES[:11])

REGISTERED = Registered.TYPE
PUBLISHED = PostPublished.TYPE
REMOVED = PostRemoved.TYPE
VIOLATION = ViolationRecorded.TYPE
LOCKED = Locked.TYPE
UNLOCKED = Unlocked.TYPE
SUSPENDED = Suspended.TYPE
REINSTATED = Reinstated.TYPE
TRANSFER_SCHEDULED = TransferScheduled.TYPE
TRANSFERRED = Transferred.TYPE
ARCHIVED = Archived.TYPE


@cache
def field_names(cls: type[Event]) -> tuple[str, ...]:
    """The fields of an event class, in the order the store keeps them."""
    return tuple(f.name for f in fields(cls))
