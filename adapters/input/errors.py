"""The one error the input boundary raises, and the helpers its messages share."""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable
from typing import Any


class InputError(ValueError):
    """Input that cannot be read as written: a time, a duration, a zone, a record.

    The message is one line, fit to show as it is.
    """


def suggestion(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` when a choice is close to `word`, else ``""``."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.7)
    return f" (did you mean {close[0]!r}?)" if close else ""


def shown(value: Any) -> str:
    """A value as a message quotes it: a string in quotes, anything else as
    JSON writes it; cut short."""
    try:
        text = repr(value) if isinstance(value, str) else json.dumps(value)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= 40 else f"{text[:37]}..."


def not_utf8(byte: int, column: int) -> str:
    return f"not valid UTF-8 (byte 0x{byte:02x} at column {column})"


# Python's decoder recurses into arrays and objects; a record nests two deep
TOO_DEEP = "invalid JSON: nested too deeply"


def invalid_json(reason: str) -> str:
    """`reason` as Python's JSON decoder gives it, e.g. "Expecting value"."""
    return f"invalid JSON: {reason.removesuffix(' at')}"
