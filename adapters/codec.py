"""Domain events to and from the rows the event store keeps.

A stored event is what the library's own mapper would write for the
`Account` aggregate's event: its topic, version and state (the recording
`timestamp`, then the domain event's fields). Here a domain event goes
straight to that row, and a row straight back to a domain event, without the
library's event objects in between (about 20 µs a fact, for objects a replay
only writes away and a rebuild only folds).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from eventsourcing.persistence import Mapper, StoredEvent
from eventsourcing.utils import get_topic, resolve_topic

from standing.domain import events as ev
from standing.domain.aggregate import LIBRARY_EVENTS, Account
from standing.domain.fold import evolve
from standing.domain.state import AccountState

ORIGINATOR_TOPIC = get_topic(Account)
TOPICS: dict[type[ev.Event], str] = {
    kind: get_topic(library) for kind, library in LIBRARY_EVENTS.items()
}


class EventCodec:
    """Encodes and decodes with an application's mapper (its transcoder,
    and its compressor and cipher, if any)."""

    def __init__(self, mapper: Mapper) -> None:
        self._mapper = mapper
        self._transcoder = mapper.transcoder
        self._arguments = getattr(mapper.transcoder, "decode_arguments", None)
        self._kinds: dict[str, type[ev.Event] | None] = {}
        # a topic's domain event class and its fields, once known
        self._readings: dict[str, tuple[type[ev.Event], tuple[str, ...]]] = {}
        self._plain = self._arguments is not None and not (
            mapper.cipher or mapper.compressor
        )

    def encode(
        self, account: UUID, version: int, event: ev.Event, timestamp: datetime
    ) -> StoredEvent:
        kind = type(event)
        state: dict[str, Any] = {"timestamp": timestamp}
        if kind is ev.Registered:
            state["originator_topic"] = ORIGINATOR_TOPIC
        for name in ev.field_names(kind):
            state[name] = getattr(event, name)
        data = self._transcoder.encode(state)
        if self._mapper.compressor:
            data = self._mapper.compressor.compress(data)
        if self._mapper.cipher:
            data = self._mapper.cipher.encrypt(data)
        return StoredEvent(account, version, TOPICS[kind], data)

    def kind(self, topic: str) -> type[ev.Event] | None:
        """The domain event class of a stored topic; None for rows of other
        aggregates (the claims of fact ids)."""
        if topic not in self._kinds:
            library = resolve_topic(topic)
            self._kinds[topic] = ev.BY_NAME.get(library.__name__)
            if not issubclass(library, Account.Event | Account.Registered):
                self._kinds[topic] = None
        return self._kinds[topic]

    def decode(self, topic: str, data: bytes) -> ev.Event | None:
        """The domain event a stored row holds (None: not an account's)."""
        reading = self._reading(topic)
        if reading is None:
            return None
        kind, names = reading
        return kind(**self._values(data, names))

    def decode_recorded(
        self, topic: str, data: bytes
    ) -> tuple[ev.Event, datetime] | None:
        """The domain event a stored row holds and when it was recorded (its
        state's `timestamp`), from one decoding; None: not an account's."""
        reading = self._reading(topic)
        if reading is None:
            return None
        kind, names = reading
        values = self._values(data, (*names, "timestamp"))
        recorded_at = values.pop("timestamp")
        return kind(**values), recorded_at

    def _reading(self, topic: str) -> tuple[type[ev.Event], tuple[str, ...]] | None:
        reading = self._readings.get(topic)
        if reading is None:
            kind = self.kind(topic)
            if kind is None:
                return None
            reading = self._readings[topic] = (kind, ev.field_names(kind))
        return reading

    def _values(self, data: bytes, names: tuple[str, ...]) -> dict[str, Any]:
        if self._plain:  # most stores: no cipher, no compressor
            return self._arguments(data, names)  # type: ignore[misc, no-any-return]
        if self._mapper.cipher:
            data = self._mapper.cipher.decrypt(data)
        if self._mapper.compressor:
            data = self._mapper.compressor.decompress(data)
        state = self._transcoder.decode(data)
        return {name: state[name] for name in names if name in state}


@dataclass(slots=True)
class Folded:
    """An account as folded from its stored events: the store's id and
    version, and the domain's state."""

    id: UUID
    version: int
    state: AccountState

    def then(self, version: int, event: ev.Event) -> Folded:
        """This account after its stored event `version`, which must follow."""
        if version != self.version + 1:
            msg = f"event {version} does not follow version {self.version}"
            raise ValueError(msg)
        self.state = evolve(self.state, event)
        self.version = version
        return self


def folded(
    account: UUID, version: int, event: ev.Event, before: Folded | None
) -> Folded:
    """`before` (None: nothing yet) after the stored event `version`."""
    if before is None:
        return Folded(account, version, evolve(None, event))
    return before.then(version, event)
