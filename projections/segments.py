"""Segments: stretches of time during which an account's whole standing is constant.

A segment starts at an event's `at` or at an instant when time alone changes
the standing (`next_change`), and runs until the next such instant (`None`:
open-ended). The standing inside a segment is computed by the domain's own
`standing_of`, so the read model and the aggregate fold cannot disagree.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from domain.account import Account
from domain.account_record import Tenure
from domain.phase import next_change
from domain.restrictions import Status
from domain.standing import Pending, Standing, standing_of
from projections.instants import maybe_instant, maybe_micros, to_micros

SEGMENT_COLUMNS = (
    "account_id",
    "from_at",
    "to_at",
    "status",
    "since",
    "until",
    "reason",
    "holder",
    "previous_holder",
    "posts",
    "strikes",
    "pending",
)
ACCOUNT_COLUMNS = (
    "account_id",
    "platform",
    "handle",
    "folded",
    "kind",
    "registered_at",
)
FROM_AT, TO_AT = 1, 2

Segment = tuple[Any, ...]


def segments_from(
    account: Account, start: datetime, tenure: Tenure | None = None
) -> list[Segment]:
    """The segments of `account` (folded to its latest event) from `start` on."""
    segments: list[Segment] = []
    at: datetime | None = start
    while at is not None:
        standing = standing_of(account, account.key, at, tenure)
        if not standing.exists:
            break
        end = next_change(account.phase_at(at)[0])
        segments.append(segment_of(account.id.hex, at, end, standing))
        at = end
    return segments


def segment_of(
    account_id: str, start: datetime, end: datetime | None, standing: Standing
) -> Segment:
    return (
        account_id,
        to_micros(start),
        maybe_micros(end),
        standing.status.value if standing.status else None,
        maybe_micros(standing.since),
        maybe_micros(standing.until),
        standing.reason,
        standing.holder,
        standing.previous_holder,
        standing.posts,
        _json(standing.strikes) if standing.strikes else "{}",
        _json([_pending_row(p) for p in standing.pending])
        if standing.pending
        else "[]",
    )


def closed(segment: Segment, end: int) -> Segment:
    return (*segment[:TO_AT], end, *segment[TO_AT + 1 :])


def account_row(account: Account) -> tuple[Any, ...]:
    return (
        account.id.hex,
        account.platform,
        account.handle,
        account.handle.casefold(),
        account.kind,
        to_micros(account.registered_at),
    )


def standing_from(
    account: Mapping[str, Any], segment: Mapping[str, Any], as_of: datetime
) -> Standing:
    """The domain `Standing` a stored segment holds, as of an instant inside it."""
    return Standing(
        account=f"@{account['handle']}",
        platform=account["platform"],
        as_of=as_of,
        exists=True,
        kind=account["kind"],
        status=Status(segment["status"]),
        since=maybe_instant(segment["since"]),
        until=maybe_instant(segment["until"]),
        reason=segment["reason"],
        holder=segment["holder"],
        previous_holder=segment["previous_holder"],
        posts=segment["posts"],
        strikes=json.loads(segment["strikes"]),
        pending=tuple(_pending_of(item) for item in json.loads(segment["pending"])),
    )


def _json(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"))


def _pending_row(pending: Pending) -> list[Any]:
    return [pending.type, maybe_micros(pending.at), pending.details]


def _pending_of(row: list[Any]) -> Pending:
    kind, at, details = row
    return Pending(kind, maybe_instant(at), details)
