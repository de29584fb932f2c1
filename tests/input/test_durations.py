"""ISO 8601 durations, as locks and suspensions take them."""

from datetime import timedelta

import pytest

from standing.adapters.input import InputError, parse_duration
from standing.domain.timefmt import iso_duration as format_duration


@pytest.mark.parametrize(
    ("text", "length"),
    [
        ("PT12H", timedelta(hours=12)),
        ("P7D", timedelta(days=7)),
        ("P1W", timedelta(weeks=1)),
        ("PT90M", timedelta(minutes=90)),
        ("P1DT12H", timedelta(days=1, hours=12)),
        ("PT0.5S", timedelta(milliseconds=500)),
        ("P1.5D", timedelta(days=1, hours=12)),
    ],
)
def test_an_iso_8601_duration_is_read_as_its_length(text, length):
    parsed = parse_duration(text)

    assert parsed == length


@pytest.mark.parametrize("text", ["P1M", "P1Y", "P1Y2M3D"])
def test_months_and_years_are_refused_because_their_length_varies(text):
    with pytest.raises(InputError, match="months and years have no fixed length"):
        parse_duration(text)


@pytest.mark.parametrize("text", ["-PT12H", "-P1D", "-PT0S"])
def test_a_negative_duration_is_refused(text):
    with pytest.raises(InputError, match="must be positive"):
        parse_duration(text)


@pytest.mark.parametrize("text", ["PT0S", "P0D", "PT0.0S"])
def test_a_zero_duration_is_read_as_zero_for_the_rules_to_judge(text):
    assert parse_duration(text) == timedelta(0)


@pytest.mark.parametrize("text", ["PT0.0000001S", "PT0.0000009S"])
def test_a_duration_shorter_than_a_microsecond_is_refused_as_such(text):
    with pytest.raises(InputError, match="is shorter than a microsecond"):
        parse_duration(text)


@pytest.mark.parametrize("digits", [25, 100_000, 1_000_000])
def test_a_duration_with_a_number_of_too_many_digits_is_refused_at_once(digits):
    text = f"P{'1' * digits}D"

    with pytest.raises(InputError, match=r"has a number of over 24 digits$") as caught:
        parse_duration(text)

    assert len(str(caught.value)) < 100


def test_digits_finer_than_a_microsecond_are_dropped():
    assert parse_duration("PT1.0000009S") == timedelta(seconds=1)


@pytest.mark.parametrize("text", ["PT12X", "12H", "P", "PT", "P1DT", "P1H", "soon"])
def test_a_duration_that_is_not_iso_8601_is_refused_with_examples(text):
    with pytest.raises(InputError, match=r"invalid ISO 8601 duration .*e\.g\. PT12H"):
        parse_duration(text)


def test_a_duration_too_long_for_python_is_refused():
    with pytest.raises(InputError, match="too long"):
        parse_duration("P999999999999D")


@pytest.mark.parametrize("text", ["PT12H", "P7D", "P1DT12H", "PT1H30M", "PT0.5S"])
def test_a_duration_is_written_back_as_the_same_iso_text(text):
    written = format_duration(parse_duration(text))

    assert written == text
