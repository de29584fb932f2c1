"""When an instant is written: effective times (section 3) and queries (section 5)."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from standing.adapters.input import (
    InputError,
    parse_event_time,
    parse_query_time,
    parse_tz,
)

NEW_YORK = ZoneInfo("America/New_York")


NOW = datetime(2026, 12, 5, tzinfo=UTC)  # a command's clock reading


def test_a_time_with_an_offset_is_that_exact_instant_in_utc():
    moment = parse_event_time("2021-01-08T18:21:00-05:00", None)

    assert moment == datetime(2021, 1, 8, 23, 21, tzinfo=UTC)
    assert moment.tzinfo is UTC


def test_z_means_utc():
    moment = parse_event_time("2021-01-08T23:21:00Z", None)

    assert moment == datetime(2021, 1, 8, 23, 21, tzinfo=UTC)


def test_an_offset_wins_over_the_given_zone():
    moment = parse_event_time("2021-01-08T12:00:00Z", NEW_YORK)

    assert moment == datetime(2021, 1, 8, 12, tzinfo=UTC)


def test_an_event_date_alone_is_the_start_of_that_day_in_utc():
    moment = parse_event_time("2021-01-08", None)

    assert moment == datetime(2021, 1, 8, tzinfo=UTC)


def test_an_event_date_alone_is_the_start_of_that_day_in_the_given_zone():
    moment = parse_event_time("2021-01-08", NEW_YORK)

    assert moment == datetime(2021, 1, 8, 5, tzinfo=UTC)


def test_an_event_time_without_an_offset_is_rejected_without_a_zone():
    with pytest.raises(InputError, match=r"'2021-01-08T10:00' has no offset.*--tz"):
        parse_event_time("2021-01-08T10:00", None)


def test_a_time_without_an_offset_in_new_york_in_january_is_five_hours_behind():
    moment = parse_event_time("2021-01-20T12:00", NEW_YORK)

    assert moment == datetime(2021, 1, 20, 17, tzinfo=UTC)


def test_a_time_without_an_offset_in_new_york_in_july_is_four_hours_behind():
    moment = parse_event_time("2021-07-20T12:00", NEW_YORK)

    assert moment == datetime(2021, 7, 20, 16, tzinfo=UTC)


def test_a_wall_time_the_clocks_skipped_is_rejected():
    with pytest.raises(InputError, match="does not exist in America/New_York"):
        parse_event_time("2021-03-14T02:30", NEW_YORK)


def test_a_wall_time_the_clocks_repeat_is_its_first_occurrence():
    moment = parse_event_time("2021-11-07T01:30", NEW_YORK)

    assert moment == datetime(2021, 11, 7, 5, 30, tzinfo=UTC)


def test_a_query_date_alone_is_the_last_microsecond_of_that_day():
    moment = parse_query_time("2021-01-08", ZoneInfo("UTC"), now=NOW)

    assert moment == datetime(2021, 1, 8, 23, 59, 59, 999999, tzinfo=UTC)


def test_a_query_date_alone_ends_the_day_in_the_given_zone():
    moment = parse_query_time("2021-01-08", NEW_YORK, now=NOW)

    assert moment == datetime(2021, 1, 9, 4, 59, 59, 999999, tzinfo=UTC)


def test_a_query_time_without_an_offset_is_read_in_the_given_zone():
    moment = parse_query_time("2021-07-01T09:00", NEW_YORK, now=NOW)

    assert moment == datetime(2021, 7, 1, 13, tzinfo=UTC)


def test_a_query_time_with_an_offset_is_exact():
    moment = parse_query_time("2021-01-08T10:00:00+01:00", NEW_YORK, now=NOW)

    assert moment == datetime(2021, 1, 8, 9, tzinfo=UTC)


@pytest.mark.parametrize("text", ["yesterday", "2021-13-01", "2021-01-08T25:00Z", ""])
def test_a_time_that_is_not_iso_8601_is_rejected_with_an_example(text):
    with pytest.raises(InputError, match=r"expected ISO 8601, e\.g\."):
        parse_event_time(text, None)


def test_a_time_out_of_range_after_conversion_is_rejected():
    with pytest.raises(InputError, match="out of range"):
        parse_event_time("0001-01-01T00:00:00+01:00", None)


def test_a_known_time_zone_is_found_by_its_iana_name():
    zone = parse_tz("America/New_York")

    assert zone == NEW_YORK


def test_an_unknown_time_zone_is_rejected_with_a_suggestion():
    with pytest.raises(InputError, match=r"unknown time zone.*'America/New_York'"):
        parse_tz("America/New_Yrok")


@pytest.mark.parametrize("name", ["America", "../etc/passwd", ""])
def test_a_zone_name_that_is_not_a_zone_is_rejected(name):
    with pytest.raises(InputError, match="unknown time zone"):
        parse_tz(name)
