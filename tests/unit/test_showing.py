"""Values as a person reads them, and as one TSV or CSV field."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from standing.cli.formats import field
from standing.cli.showing import instant, value_text


@pytest.mark.parametrize(
    ("at", "shown"),
    [
        (datetime(2021, 1, 7, 23, 0, tzinfo=UTC), "2021-01-07 23:00Z"),
        (datetime(2021, 1, 7, 23, 0, 5, tzinfo=UTC), "2021-01-07 23:00:05Z"),
        (datetime(2021, 1, 8, 0, 0, 0, 500000, tzinfo=UTC), "2021-01-08 00:00:00.5Z"),
        (
            datetime(2021, 1, 7, 12, 0, tzinfo=timezone(timedelta(hours=-5))),
            "2021-01-07 17:00Z",
        ),
    ],
)
def test_an_instant_is_compact_in_utc_with_seconds_only_when_not_zero(at, shown):
    assert instant(at) == shown


def test_event_values_read_as_plain_json_ish_text():
    assert value_text(True) == "true"
    assert value_text(["a", "b"]) == "[a, b]"
    assert value_text(timedelta(hours=12)) == "PT12H"


def test_a_field_escapes_control_characters_and_writes_objects_as_json():
    assert field("a\tb\nc\x1b") == r"a\x09b\x0ac\x1b"
    assert field({"reason": "x\x9by"}) == '{"reason": "x\\u009by"}'
    assert (field(None), field(False), field(3)) == ("", "false", "3")
