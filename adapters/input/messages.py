"""Pydantic's validation errors, told in one short line."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from standing.adapters.input.errors import shown, suggestion
from standing.adapters.input.records import RECORDS

MOST_ERRORS = 4


def describe(error: ValidationError) -> str:
    """One line: the record's type, then each field path and what is wrong."""
    details = error.errors(include_url=False)
    tag = str(details[0]["loc"][0]) if details[0]["loc"] else None
    parts = [_part(detail) for detail in details[:MOST_ERRORS]]
    if len(details) > MOST_ERRORS:
        parts.append(f"and {len(details) - MOST_ERRORS} more")
    text = "; ".join(parts)
    return f"{tag}: {text}" if tag else text


def _part(detail: ErrorDetails) -> str:
    loc = detail["loc"]
    kind = detail["type"]
    if kind == "union_tag_invalid":
        return _unknown_type(detail["input"]["type"])
    if kind == "union_tag_not_found":
        return "missing required field 'type'"
    if kind == "missing":
        return f"missing required field {_path(loc[1:])!r}"
    if kind == "extra_forbidden":
        name = _path(loc[1:])
        known = RECORDS[str(loc[0])].model_fields
        return f"unknown field {name!r}{suggestion(name, known)}"
    reason = _reason(detail)
    return f"{_path(loc[1:])}: {reason}" if len(loc) > 1 else reason


def _reason(detail: ErrorDetails) -> str:
    kind, ctx, value = detail["type"], detail.get("ctx", {}), detail["input"]
    if kind == "value_error":
        return str(ctx["error"])
    if kind == "string_too_long":
        return f"too long ({len(value)} characters; at most {ctx['max_length']})"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "literal_error":
        return f"expected {ctx['expected']}, got {shown(value)}"
    expected = {"string_type": "a string", "bool_type": "true or false"}
    if kind in expected:
        return f"expected {expected[kind]}, got {shown(value)}"
    if kind == "list_type":
        return f"expected a list, got {shown(value)}"
    message = detail["msg"]
    return message[:1].lower() + message[1:]


def _unknown_type(tag: Any) -> str:
    if not isinstance(tag, str):
        return f"type: expected a string, got {shown(tag)}"
    hint = suggestion(tag, RECORDS) or f" (expected one of: {', '.join(RECORDS)})"
    return f"unknown type {tag!r}{hint}"


def _path(loc: tuple[int | str, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text.lstrip(".")
