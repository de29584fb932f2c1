"""Python's JSON decoder, with a number too long to convert told apart.

Python refuses to convert an integer of more than 4,300 digits (a guard against
slow conversions) with a `ValueError` that would end the whole reading; here it
is `NumberTooLong`, raised once the value is read whole, so it is a problem of
that one record. No record holds such a number.
"""

from __future__ import annotations

import json
from typing import Any

DIGITS = 4300  # Python's own limit, unless the environment sets a lower one


class NumberTooLong(ValueError):
    """The value that ends at `end` holds an integer of `digits` digits."""

    def __init__(self, digits: int, end: int) -> None:
        super().__init__(
            f"a number too long to read ({digits:,} digits; at most {DIGITS:,})"
        )
        self.end = end


class Decoder:
    """`json.loads` and `JSONDecoder.raw_decode`, raising `NumberTooLong`."""

    def __init__(self) -> None:
        self._longest = 0
        self._decoder = json.JSONDecoder(parse_int=self._int)

    def decode(self, text: str) -> Any:
        self._longest = 0
        value = self._decoder.decode(text)
        return self._checked(value, len(text))

    def raw_decode(self, text: str, pos: int) -> tuple[Any, int]:
        self._longest = 0
        value, end = self._decoder.raw_decode(text, pos)
        return self._checked(value, end), end

    def _checked(self, value: Any, end: int) -> Any:
        if self._longest:
            raise NumberTooLong(self._longest, end)
        return value

    def _int(self, text: str) -> int:
        if len(text) <= DIGITS:
            try:
                return int(text)
            except ValueError:  # a lower limit (PYTHONINTMAXSTRDIGITS)
                pass
        self._longest = max(self._longest, len(text.lstrip("-")))
        return 0
