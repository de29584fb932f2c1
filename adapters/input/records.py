"""Event records as written in event files (SPEC section 3), one model a type.

Validate with `validate_record`; turn a valid record into a domain `Fact`
with `record_fact` (in `cli.input.facts`).
"""

from __future__ import annotations

from functools import reduce
from operator import or_
from typing import Annotated, Any, ClassVar, Literal
from zoneinfo import ZoneInfo

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    TypeAdapter,
)

from standing.adapters.input.fields import (
    Duration,
    EventTime,
    FactId,
    Handle,
    Label,
    Platform,
    PostId,
    RequiredText,
    Text,
)
from standing.domain import events as rules
from standing.domain.identity import DEFAULT_PLATFORM

Kind = Literal["personal", "institutional", "campaign", "organization"]


class Record(BaseModel):
    """What every record has: type, when, which account, and provenance."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    PROVENANCE: ClassVar[frozenset[str]] = frozenset(
        {"id", "recorded_at", "note", "source"}
    )

    type: str
    at: EventTime
    account: Handle
    platform: Platform = DEFAULT_PLATFORM
    id: FactId | None = None
    recorded_at: EventTime | None = None
    note: Text | None = None
    source: Text | None = None


class _Restriction(Record):
    """A restriction that may run out: after `duration`, or at `until`.

    How the two go together (not both; `until` after `at`; neither with
    `permanent`) are rules of the domain, which names them with the account,
    the instant and its status then; so is `effective_at` after `at`."""

    reason: RequiredText
    policy: Label | None = None
    duration: Duration | None = None
    until: EventTime | None = None


class Registered(Record):
    type: Literal["account.registered"]
    holder: RequiredText
    kind: Kind = "personal"
    name: Text | None = None


class Published(Record):
    type: Literal["post.published"]
    post: PostId
    by: Text | None = None
    text: Text | None = None


class Removed(Record):
    type: Literal["post.removed"]
    post: PostId
    by: Literal["platform", "holder"] = "platform"
    reason: Text | None = None


class ViolationRecorded(Record):
    type: Literal["violation.recorded"]
    policy: Label
    post: PostId | None = None
    severity: Label | None = None


class Locked(_Restriction):
    type: Literal["account.locked"]
    require_removal: list[PostId] | None = None


class Unlocked(Record):
    type: Literal["account.unlocked"]
    reason: Text | None = None


class Suspended(_Restriction):
    type: Literal["account.suspended"]
    permanent: StrictBool = False


class Reinstated(Record):
    type: Literal["account.reinstated"]
    reason: Text | None = None


class TransferScheduled(Record):
    type: Literal["account.transfer_scheduled"]
    successor: RequiredText
    effective_at: EventTime
    archive_to: Handle | None = None


class Transferred(Record):
    type: Literal["account.transferred"]
    successor: RequiredText
    archive_to: Handle | None = None


class Archived(Record):
    type: Literal["account.archived"]
    custodian: Text | None = None


RECORDS: dict[str, type[Record]] = {
    rules.REGISTERED: Registered,
    rules.PUBLISHED: Published,
    rules.REMOVED: Removed,
    rules.VIOLATION: ViolationRecorded,
    rules.LOCKED: Locked,
    rules.UNLOCKED: Unlocked,
    rules.SUSPENDED: Suspended,
    rules.REINSTATED: Reinstated,
    rules.TRANSFER_SCHEDULED: TransferScheduled,
    rules.TRANSFERRED: Transferred,
    rules.ARCHIVED: Archived,
}

AnyRecord = Annotated[reduce(or_, RECORDS.values()), Field(discriminator="type")]
RECORD = TypeAdapter(AnyRecord)


def validate_record(data: Any, tz: ZoneInfo | None) -> Record:
    """The record `data` describes, or pydantic's `ValidationError`."""
    return RECORD.validate_python(data, context={"tz": tz})


def validate_record_json(text: bytes, tz: ZoneInfo | None) -> Record:
    """The record a JSON text describes, parsed and checked in one step, or
    pydantic's `ValidationError` (whose messages are not the ones to show: see
    `cli.input.entries.line_entry`)."""
    return RECORD.validate_json(text, context={"tz": tz})
