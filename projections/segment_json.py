"""The JSON columns of a segment: its strikes and its pending items.

An account's consecutive segments mostly carry the same strikes and pending
items, so the last value written is kept with its JSON. Strikes are written
with sorted keys, so that equal strikes always have the same JSON; both
with `orjson` (compact, UTF-8), several times faster than `json` here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import orjson

from standing.domain.standing import Pending
from standing.projections.instants import maybe_micros


class LastJson:
    """An encoder that remembers the last value and its JSON. The two are one
    tuple, replaced whole, so threads never pair a value with another's JSON."""

    def __init__(self, encode: Callable[[Any], str], empty: Any, text: str) -> None:
        self._encode = encode
        self._last: tuple[Any, str] = (empty, text)

    def __call__(self, value: Any) -> str:
        last = self._last
        if value == last[0]:
            return last[1]
        text = self._encode(value)
        self._last = (value, text)
        return text


def _strikes(strikes: dict[str, int]) -> str:
    return orjson.dumps(strikes, option=orjson.OPT_SORT_KEYS).decode()


def _pending(pending: tuple[Pending, ...]) -> str:
    rows = [[p.type, maybe_micros(p.at), p.details] for p in pending]
    return orjson.dumps(rows).decode()


strikes_json = LastJson(_strikes, {}, "{}")
pending_json = LastJson(_pending, (), "[]")
