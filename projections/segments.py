"""Segments: stretches of time during which an account's whole standing is constant.

A segment starts at an event's `at` or at an instant when time alone changes
the standing (`next_change`), and runs until the next such instant (`None`:
open-ended). The standing inside a segment is the domain's own: its phase at
that instant (`advance`) and its live posts, field for field as `standing_of`
makes it, so the read model and the aggregate fold cannot disagree.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any
from uuid import UUID

from standing.domain.phase import Phase, next_change
from standing.domain.restrictions import Status
from standing.domain.standing import (
    Pending,
    Standing,
    due_to_end,
    live_posts,
    pending_of,
)
from standing.domain.state import NO_STRIKES, AccountState, Tenure
from standing.projections.instants import maybe_instant, to_micros
from standing.projections.segment_json import pending_json, strikes_json
from standing.projections.stored_text import shown, stored

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
    account_id: UUID,
    state: AccountState,
    start: datetime,
    tenure: Tenure | None = None,
    until: datetime | None = None,
) -> list[Segment]:
    """The segments of an account (folded to its latest event) from `start` on."""
    return AccountSegments(account_id, state).between(start, tenure, until)


class AccountSegments:
    """The segments of one account, as its folded state changes.

    A segment's columns are the fields of the account's `Standing` in it
    (`standing_in_phase`), taken from the phase and the account directly:
    most events leave the phase as it was, so what comes from the phase is
    written once per phase, not once per segment.
    """

    def __init__(self, account_id: UUID, state: AccountState) -> None:
        self.state = state  # the account as folded so far
        self.id = account_id.hex
        self._phase: Phase | None = None
        self._phase_columns: tuple[Any, ...] = ()
        self._pending = ""
        self._strikes: tuple[Mapping[str, int], str] = (NO_STRIKES, strikes_json({}))

    def between(
        self, start: datetime, tenure: Tenure | None, until: datetime | None
    ) -> list[Segment]:
        """From `start` on; with `until` (where a later event's rewrite takes
        over), only those that start before it, the last ending there, as that
        rewrite would close it."""
        account = self.state
        if start < account.registered_at or (account.awaiting_tenure and not tenure):
            return []  # the account does not exist then (`standing_in_phase`)
        segments: list[Segment] = []
        at: datetime | None = start
        static = next_change(account.phase) is None  # time alone changes nothing
        while at is not None and (until is None or at < until):
            if static:  # most of the time
                phase, handed_over, end = account.phase, False, None
            else:
                phase, handed_over = account.phase_at(at)
                end = next_change(phase)
            if until is not None and (end is None or end > until):
                end = until
            if phase is not self._phase:
                self._remember(phase)
            segments.append(
                (
                    self.id,
                    to_micros(at),
                    None if end is None else to_micros(end),
                    *self._phase_columns,
                    live_posts(account, handed_over, tenure),
                    self._strikes_text(NO_STRIKES if handed_over else account.strikes),
                    self._pending,
                )
            )
            at = end
        return segments

    def _remember(self, phase: Phase) -> None:
        """The columns that come from `phase`, as `standing_in_phase` sets them."""
        until = due_to_end(phase)
        self._phase = phase
        self._phase_columns = (
            phase.status.value,
            to_micros(phase.since),
            None if until is None else to_micros(until),
            stored(phase.reason),
            stored(phase.holder),
            stored(phase.previous_holder),
        )
        self._pending = pending_json(pending_of(phase))

    def _strikes_text(self, strikes: Mapping[str, int]) -> str:
        if strikes is not self._strikes[0]:  # a state's strikes never change
            self._strikes = (strikes, strikes_json(dict(strikes)))
        return self._strikes[1]


def closed(segment: Segment, end: int) -> Segment:
    return (*segment[:TO_AT], end, *segment[TO_AT + 1 :])


def account_row(account_id: UUID, account: AccountState) -> tuple[Any, ...]:
    return (
        account_id.hex,
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
        reason=shown(segment["reason"]),
        holder=shown(segment["holder"]),
        previous_holder=shown(segment["previous_holder"]),
        posts=segment["posts"],
        strikes=json.loads(segment["strikes"]),
        pending=tuple(_pending_of(item) for item in json.loads(segment["pending"])),
    )


def _pending_of(row: list[Any]) -> Pending:
    kind, at, details = row
    return Pending(kind, maybe_instant(at), details)
