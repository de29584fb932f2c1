"""An account's history as a person reads it: stored facts, and what time did."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from standing.domain.events import Event, field_names
from standing.domain.fold import evolve
from standing.domain.phase import Happening, RestrictionEnded, TransferHappened, advance
from standing.domain.restrictions import Lock
from standing.domain.state import AccountState

HIDDEN = {"at", "fact", "platform", "handle"}


@dataclass(frozen=True, slots=True)
class Entry:
    """One line of history: a stored fact, or a change time alone made."""

    type: str
    at: datetime
    recorded_at: datetime | None = None
    id: str | None = None
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def derived(self) -> bool:
        return self.recorded_at is None


def timeline(
    events: Iterable[tuple[Event, datetime]], until: datetime
) -> Iterator[Entry]:
    """Stored events (each with when it was recorded) in order, with
    expiries, transfers and lapses in between."""
    state: AccountState | None = None
    for event, recorded_at in events:
        if state is not None:
            yield from _happenings(state, event.at)
        state = evolve(state, event)
        yield _stored_entry(event, recorded_at)
    if state is not None:
        yield from _happenings(state, until)


def _happenings(state: AccountState, at: datetime) -> Iterator[Entry]:
    for happening in advance(state.phase, at)[1]:
        yield _happening_entry(happening)


def _happening_entry(happening: Happening) -> Entry:
    if isinstance(happening, RestrictionEnded):
        kind = "lock" if isinstance(happening.restriction, Lock) else "suspension"
        return Entry(f"{kind}.ran_out", happening.at)
    transfer = happening.transfer
    details = {"successor": transfer.successor, "archive_to": transfer.archive_to}
    if isinstance(happening, TransferHappened):
        return Entry("transfer.took_effect", happening.at, details=details)
    details["status"] = happening.status.value
    return Entry("transfer.lapsed", happening.at, details=details)


def _stored_entry(event: Event, recorded_at: datetime) -> Entry:
    details = {
        name: value
        for name in field_names(type(event))
        if name not in HIDDEN and (value := getattr(event, name)) is not None
    }
    fact = event.fact
    details.update(
        {k: v for k, v in (("note", fact.note), ("source", fact.source)) if v}
    )
    return Entry(event.TYPE, event.at, recorded_at, fact.id, details)
