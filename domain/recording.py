"""An account's events recorded as the store will hold them, without an
event object each.

The library turns every call of an `@event` method into an event object
(binding the call, filling in defaults, building a frozen dataclass, then
mutating the aggregate through it) and later maps that object to a
`StoredEvent`: about 20 µs a fact, for objects a replay only writes away.
A `RecordedAccount` is the same `Account`, commands and all, whose event
methods run the very body the library runs (the one every fold runs again)
and note what the library would store: topic, version and state. `stored`
turns the notes into `StoredEvent`s with the application's own mapper,
byte for byte what the library writes (tests/unit/test_recording.py).
"""

from __future__ import annotations

import dataclasses
import inspect
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any, NamedTuple

from eventsourcing.domain import CanInitAggregate, decorated_funcs
from eventsourcing.persistence import Mapper, StoredEvent
from eventsourcing.utils import get_topic

from domain.account import Account
from domain.account_record import AccountRecord

# The fields every event has besides its method's arguments.
COMMON = ("originator_id", "originator_version", "timestamp")


class Recorded(NamedTuple):
    """One event, as noted by a `RecordedAccount`: its state lacks only the
    recording time, which the whole batch shares."""

    topic: str
    version: int
    state: dict[str, Any]


class RecordedAccount(Account):
    """An `Account` whose events are noted for the store as they happen."""

    @classmethod
    def of(cls, account: Account) -> RecordedAccount:
        """`account` itself, from now on noting its events (same state, same
        pending events)."""
        account.__class__ = cls
        return account  # type: ignore[return-value]


def _recording(event_class: type, body: Callable[..., None]) -> Callable[..., None]:
    """An event method that runs `body` as the library's `mutate` would, with
    every argument (defaults filled in), and notes the event."""
    topic = get_topic(event_class)
    names = tuple(
        f.name for f in dataclasses.fields(event_class) if f.name not in COMMON
    )
    defaults = {
        name: parameter.default
        for name, parameter in inspect.signature(body).parameters.items()
        if parameter.default is not parameter.empty
    }

    def record(self: RecordedAccount, **given: Any) -> None:
        values = {**defaults, **given} if defaults else given
        state = {"timestamp": None, **{name: values[name] for name in names}}
        body(self, **values)
        self.version = version = self.version + 1
        self._pending_events.append(Recorded(topic, version, state))  # type: ignore[arg-type]

    record.__name__ = record.__qualname__ = body.__name__
    record.__doc__ = body.__doc__
    return record


def _event_methods() -> Iterable[tuple[type, Callable[..., None]]]:
    for event_class, body in decorated_funcs.items():
        own = issubclass(event_class, AccountRecord.Event)
        if own and not issubclass(event_class, CanInitAggregate):
            if getattr(event_class, "class_version", 1) != 1:  # pragma: no cover
                continue  # states to upcast are the library's to write
            yield event_class, body


for _event_class, _body in _event_methods():
    setattr(RecordedAccount, _body.__name__, _recording(_event_class, _body))


def stored(aggregate: Any, mapper: Mapper, timestamp: datetime) -> list[StoredEvent]:
    """The pending events of `aggregate` as stored events, recorded at
    `timestamp` (the library's own events keep theirs)."""
    events: list[StoredEvent] = []
    for event in aggregate.collect_events():
        if type(event) is not Recorded:
            events.append(mapper.to_stored_event(event))
            continue
        event.state["timestamp"] = timestamp
        state = mapper.transcoder.encode(event.state)
        if mapper.compressor:
            state = mapper.compressor.compress(state)
        if mapper.cipher:
            state = mapper.cipher.encrypt(state)
        events.append(StoredEvent(aggregate.id, event.version, event.topic, state))
    if events:
        aggregate.modified_on = timestamp
    return events
