"""How the values of events are stored: compactly, and as the library reads them."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from eventsourcing.persistence import Transcoding

from standing.domain.facts import FactRef


class FactRefAsList(Transcoding):
    """Stores a `FactRef` compactly: a list, trailing empty parts dropped."""

    type = FactRef
    name = "fact"

    def encode(self, obj: FactRef) -> list[str | None]:
        parts = [obj.id, obj.digest, obj.note, obj.source]
        while parts[-1] is None:
            parts.pop()
        return parts

    def decode(self, data: Any) -> FactRef:
        return FactRef(*data)


class TimedeltaAsSeconds(Transcoding):
    type = timedelta
    name = "timedelta"

    def encode(self, obj: timedelta) -> float | int:
        seconds = obj.total_seconds()
        return int(seconds) if seconds.is_integer() else seconds

    def decode(self, data: Any) -> timedelta:
        return timedelta(seconds=data)
