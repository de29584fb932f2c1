"""Helpers for the input-boundary tests: records to write and read back."""

import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from standing.adapters.input import Record, validate_record
from standing.adapters.input.messages import describe

MINIMAL: dict[str, dict[str, Any]] = {
    "account.registered": {"holder": "Donald J. Trump"},
    "post.published": {"post": "1346928882595885058"},
    "post.removed": {"post": "1346928882595885058"},
    "violation.recorded": {"policy": "civic_integrity"},
    "account.locked": {"reason": "civic integrity"},
    "account.unlocked": {},
    "account.suspended": {"reason": "glorification of violence"},
    "account.reinstated": {},
    "account.transfer_scheduled": {
        "successor": "Joe Biden",
        "effective_at": "2021-01-20T12:00:00-05:00",
    },
    "account.transferred": {"successor": "Joe Biden"},
    "account.archived": {},
}


def record(type_: str = "account.locked", **fields: Any) -> dict[str, Any]:
    """A valid record of `type_` with `fields` added (None removes a field)."""
    data = {
        "type": type_,
        "at": "2021-01-08T10:00:00Z",
        "account": "@realDonaldTrump",
        **MINIMAL[type_],
        **fields,
    }
    return {name: value for name, value in data.items() if value is not None}


def valid(data: dict[str, Any], tz=None) -> Record:
    return validate_record(data, tz)


def problem(data: dict[str, Any], tz=None) -> str:
    """The one-line message for an invalid record."""
    with pytest.raises(ValidationError) as caught:
        validate_record(data, tz)
    return describe(caught.value)


@pytest.fixture
def event_file(tmp_path: Path):
    """Write lines (dicts as JSON, strings as they are) to a file; its path."""

    def write(*lines: Any, name: str = "events.jsonl") -> str:
        path = tmp_path / name
        text = "".join(
            (line if isinstance(line, str) else json.dumps(line)) + "\n"
            for line in lines
        )
        path.write_text(text, encoding="utf-8")
        return str(path)

    return write
