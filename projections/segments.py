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
from typing import TYPE_CHECKING, Any

from domain.phase import next_change
from domain.restrictions import Status
from domain.standing import Pending, Standing, standing_in_phase
from projections.instants import maybe_instant, to_micros
from projections.segment_json import pending_json, strikes_json

if TYPE_CHECKING:  # a query reads segments without loading the aggregate
    from domain.account import Account
    from domain.account_record import Tenure

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
    account: Account,
    start: datetime,
    tenure: Tenure | None = None,
    until: datetime | None = None,
) -> list[Segment]:
    """The segments of `account` (folded to its latest event) from `start` on."""
    return AccountSegments(account).between(start, tenure, until)


class AccountSegments:
    """The segments of one account, as its folded state changes."""

    def __init__(self, account: Account) -> None:
        self.account = account
        self.id = account.id.hex
        self._key = account.key

    def between(
        self, start: datetime, tenure: Tenure | None, until: datetime | None
    ) -> list[Segment]:
        """From `start` on; with `until` (where a later event's rewrite takes
        over), only those that start before it, the last ending there, as that
        rewrite would close it."""
        segments: list[Segment] = []
        account, account_id, key = self.account, self.id, self._key
        at: datetime | None = start
        while at is not None and (until is None or at < until):
            standing, phase = standing_in_phase(account, key, at, tenure)
            if phase is None:
                break
            end = next_change(phase)
            if until is not None and (end is None or end > until):
                end = until
            segments.append(segment_of(account_id, at, end, standing))
            at = end
        return segments


def segment_of(
    account_id: str, start: datetime, end: datetime | None, standing: Standing
) -> Segment:
    since, until = standing.since, standing.until
    return (
        account_id,
        to_micros(start),
        None if end is None else to_micros(end),
        standing.status.value if standing.status else None,
        None if since is None else to_micros(since),
        None if until is None else to_micros(until),
        standing.reason,
        standing.holder,
        standing.previous_holder,
        standing.posts,
        strikes_json(standing.strikes),
        pending_json(standing.pending),
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


def _pending_of(row: list[Any]) -> Pending:
    kind, at, details = row
    return Pending(kind, maybe_instant(at), details)
