"""`now` and instants relative to it, wherever a query takes WHEN (SPEC section 5)."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from freezegun import freeze_time

from standing.adapters.input import InputError, parse_event_time, parse_query_time
from standing.application import clock

CLOCK = datetime(2021, 1, 20, 17, 0, tzinfo=UTC)
NEW_YORK = ZoneInfo("America/New_York")


@pytest.mark.parametrize(
    ("text", "back"),
    [
        ("-7d", timedelta(days=7)),
        ("-12h", timedelta(hours=12)),
        ("-30m", timedelta(minutes=30)),
        ("-45s", timedelta(seconds=45)),
        ("-2w", timedelta(weeks=2)),
        ("-0d", timedelta(0)),
    ],
)
def test_a_relative_instant_counts_back_from_the_commands_clock_reading(text, back):
    assert parse_query_time(text, NEW_YORK, now=CLOCK) == CLOCK - back


def test_a_relative_instant_with_a_plus_counts_forward():
    assert parse_query_time("+2h", NEW_YORK, now=CLOCK) == CLOCK + timedelta(hours=2)


@pytest.mark.parametrize("text", ["now", "NOW", " now "])
def test_now_is_the_commands_clock_reading(text):
    assert parse_query_time(text, NEW_YORK, now=CLOCK) == CLOCK


def test_units_and_now_are_read_in_any_case():
    assert parse_query_time("-1D", NEW_YORK, now=CLOCK) == CLOCK - timedelta(days=1)


def test_a_day_is_24_hours_even_across_a_change_of_the_clocks_in_the_zone():
    spring = datetime(2021, 3, 15, 12, tzinfo=UTC)  # New York moved on March 14

    assert parse_query_time("-2d", NEW_YORK, now=spring) == spring - timedelta(hours=48)


@freeze_time("2021-01-08T23:21:00Z")
def test_the_commands_clock_reading_is_the_clock_in_utc():
    moment = parse_query_time("-1h", NEW_YORK, now=clock.now())

    assert moment == datetime(2021, 1, 8, 22, 21, tzinfo=UTC)
    assert moment.tzinfo is UTC


@pytest.mark.parametrize("text", ["-7", "7d", "-7y", "-7 d", "--7d", "-d", "-1.5h"])
def test_a_relative_instant_needs_a_sign_a_whole_number_and_a_unit(text):
    with pytest.raises(InputError, match=r"now, or relative to now such as -7d"):
        parse_query_time(text, NEW_YORK, now=CLOCK)


def test_a_relative_instant_out_of_range_is_rejected():
    with pytest.raises(InputError, match="out of range"):
        parse_query_time("-999999999999w", NEW_YORK, now=CLOCK)


def test_an_event_file_time_is_never_relative():
    with pytest.raises(InputError, match="invalid time 'now'"):
        parse_event_time("now", None)
