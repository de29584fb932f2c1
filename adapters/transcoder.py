"""Stored events as JSON, written and read with `orjson`.

The library's `JSONTranscoder` walks every object through Python callbacks
(a `default` for each datetime on the way out, an `object_hook` for every
dict on the way back). This one writes and reads the very same JSON with
`orjson` and calls the registered transcodings only for what needs them, so
stored events stay readable by the library's own transcoder and the other
way round. What `orjson` would write or read differently (a `UUID`, which it
writes itself; an enum; a float, which it may spell otherwise; a number
too large for 64 bits, which it reads as a float) goes through the library's
own code.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from enum import Enum
from typing import Any
from uuid import UUID

import orjson
from eventsourcing.persistence import DatetimeAsISO, JSONTranscoder, Transcoding

# Datetimes and dataclasses go to `default`, so their transcodings write them.
PASSTHROUGH = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS
PLAIN = frozenset({str, int, bool, type(None)})
CONTAINERS = (dict, list)
TYPE, DATA = "_type_", "_data_"


class Inexact(Exception):
    """`orjson` would write or read a number otherwise than `json` does."""


class StoredJSONTranscoder(JSONTranscoder):
    """The library's JSON transcoder, byte for byte, at a fraction of the cost."""

    def __init__(self) -> None:
        super().__init__()
        self._handed: set[type] = set()  # types whose transcoding `default` calls
        self._decoders: dict[str, Callable[[Any], Any]] = {}
        self._iso_datetimes = False  # whether datetimes are the library's ISO text

    def register(self, transcoding: Transcoding) -> None:
        super().register(transcoding)
        kind = transcoding.type
        exact = type(transcoding) is DatetimeAsISO  # then no need to check the text
        self._decoders[transcoding.name] = (
            datetime.fromisoformat if exact else transcoding.decode
        )
        if kind is datetime:
            self._iso_datetimes = exact
        if kind in (date, time) or not issubclass(kind, (UUID, Enum, *PLAIN)):
            self._handed.add(kind)

    def encode(self, obj: Any) -> bytes:
        if not self._writes_alike(obj):
            return super().encode(obj)
        try:
            return orjson.dumps(obj, default=self._default, option=PASSTHROUGH)
        except orjson.JSONEncodeError as error:  # e.g. an integer over 64 bits
            cause = error.__cause__  # what `_default` raised, if anything
            if cause is not None and not isinstance(cause, Exception):
                raise cause from None  # Ctrl-C landing in `_default`
            return super().encode(obj)

    def decode(self, data: bytes) -> Any:
        try:
            return self._revived(orjson.loads(data))
        except (orjson.JSONDecodeError, Inexact):
            return super().decode(data)

    def decode_arguments(self, data: bytes, names: tuple[str, ...]) -> dict[str, Any]:
        """The attributes `names` of a stored state, decoded as `decode` would;
        the others (such as the recording `timestamp`) are never revived."""
        try:
            state = orjson.loads(data)
            arguments = {}
            for name in names:
                if name in state:
                    value = state[name]
                    if type(value) in CONTAINERS:
                        value = self._revived(value)
                    elif type(value) is float:
                        raise Inexact
                    arguments[name] = value
            return arguments
        except (orjson.JSONDecodeError, Inexact):
            state = super().decode(data)
            return {name: state[name] for name in names if name in state}

    def _writes_alike(self, obj: Any) -> bool:
        """Whether `orjson` writes `obj` (an event's state) as `json` would."""
        if type(obj) is not dict:
            return False
        for value in obj.values():
            kind = type(value)
            if kind in PLAIN or kind in self._handed:
                continue
            if kind is list and all(type(item) is str for item in value):
                continue
            return False
        return True

    def _default(self, o: Any) -> dict[str, Any]:
        if type(o) is datetime and self._iso_datetimes:  # most of what it sees
            return {TYPE: DatetimeAsISO.name, DATA: o.isoformat()}
        encoded = self._encode_obj(o)
        if type(encoded[DATA]) is float:  # `orjson` spells some floats otherwise
            raise Inexact
        return encoded

    def _revived(self, value: Any) -> Any:
        """`value` with every transcoded object decoded, innermost first (as
        the library's `object_hook` decodes them)."""
        if type(value) is list:
            for index, item in enumerate(value):
                if type(item) in CONTAINERS:
                    value[index] = self._revived(item)
                elif type(item) is float:
                    raise Inexact
            return value
        if len(value) == 2 and TYPE in value and DATA in value:
            return self._transcoded(value)
        for key, item in value.items():
            kind = type(item)
            if kind in CONTAINERS:
                value[key] = self._revived(item)
            elif kind is float:
                raise Inexact
        return value

    def _transcoded(self, pair: dict[str, Any]) -> Any:
        """The object a `{"_type_": ..., "_data_": ...}` pair stands for, its
        data revived first; data of plain texts (an instant, a fact: most of
        them) goes straight to its transcoding."""
        data = pair[DATA]
        kind = type(data)
        texts = kind is list and all(type(item) is str for item in data)
        if kind in CONTAINERS and not texts:
            data = pair[DATA] = self._revived(data)
        elif kind is float:
            raise Inexact
        decode = self._decoders.get(pair[TYPE])
        return self._decode_obj(pair) if decode is None else decode(data)
