"""One entry of an event file, read: a parsed fact or the problem with it."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from pydantic import ValidationError

from standing.adapters.input.facts import record_fact
from standing.adapters.input.items import Parsed, Problem
from standing.adapters.input.messages import describe
from standing.adapters.input.records import validate_record, validate_record_json

JSON_KINDS = {list: "an array", str: "a string", bool: "true or false"}


def entry(data: Any, file: str, line: int, tz: ZoneInfo | None) -> Parsed | Problem:
    """The fact a decoded JSON value states, or the problem with it."""
    if not isinstance(data, dict):
        return Problem(file, line, None, f"expected a JSON object, got {_kind(data)}")
    try:
        record = validate_record(data, tz)
    except ValidationError as error:
        return Problem(file, line, _given_id(data), describe(error))
    return Parsed(file, line, record_fact(record), record.recorded_at)


def line_entry(raw: bytes, file: str, line: int, tz: ZoneInfo | None) -> Parsed | None:
    """The fact a line of JSON states, read straight from its bytes; None when
    the line is anything but a valid record (a comment, a blank, a mistake), for
    the caller to read it step by step and tell what it is."""
    try:
        record = validate_record_json(raw, tz)
    except ValidationError:
        return None
    return Parsed(file, line, record_fact(record), record.recorded_at)


def _given_id(data: dict[str, Any]) -> str | None:
    given = data.get("id")
    return given if isinstance(given, str) else None


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    return JSON_KINDS.get(type(value), "a number")
