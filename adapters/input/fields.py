"""The kinds of value an event record holds, as pydantic field types.

Times are read with the time zone passed in the validation context
(``{"tz": ZoneInfo | None}``); handles and platforms follow SPEC section 2.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BeforeValidator,
    PlainSerializer,
    PlainValidator,
    StringConstraints,
    ValidationInfo,
)

from standing.adapters.input.durations import parse_duration
from standing.adapters.input.errors import InputError, shown
from standing.adapters.input.times import parse_event_time
from standing.domain.errors import InvalidIdentity
from standing.domain.identity import bare_handle, checked_platform
from standing.domain.timefmt import iso, iso_duration

TEXT_LIMIT = 2000
LABEL_LIMIT = 128


def _event_time(value: Any, info: ValidationInfo) -> datetime:
    if not isinstance(value, str):
        raise InputError(f"expected an ISO 8601 time string, got {shown(value)}")
    return parse_event_time(value, (info.context or {}).get("tz"))


def _duration(value: Any) -> timedelta:
    if not isinstance(value, str):
        raise InputError(
            f"expected an ISO 8601 duration string such as 'PT12H', got {shown(value)}"
        )
    return parse_duration(value)


def _handle(value: str) -> str:
    try:
        return bare_handle(value)
    except InvalidIdentity as error:
        raise InputError(str(error)) from None


def _platform(value: str) -> str:
    try:
        return checked_platform(value)
    except InvalidIdentity as error:
        raise InputError(str(error)) from None


def _number_as_id(value: Any) -> Any:
    """Post ids may be written as JSON integers (tweet ids are numbers)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


def _present(value: str) -> str:
    if not value.strip():
        raise InputError("must not be blank")
    return value


EventTime = Annotated[
    datetime,
    PlainValidator(_event_time),
    PlainSerializer(iso, return_type=str, when_used="json"),
]
Duration = Annotated[
    timedelta,
    PlainValidator(_duration),
    PlainSerializer(iso_duration, return_type=str, when_used="json"),
]
Handle = Annotated[str, AfterValidator(_handle)]
Platform = Annotated[str, AfterValidator(_platform)]
_LABEL = StringConstraints(min_length=1, max_length=LABEL_LIMIT)
FactId = Annotated[str, _LABEL]
Label = Annotated[str, _LABEL, AfterValidator(_present)]
PostId = Annotated[Label, BeforeValidator(_number_as_id)]
Text = Annotated[str, StringConstraints(max_length=TEXT_LIMIT)]
RequiredText = Annotated[
    str,
    StringConstraints(min_length=1, max_length=TEXT_LIMIT),
    AfterValidator(_present),
]
