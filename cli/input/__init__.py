"""The input boundary: event files, times, durations and zones, checked.

Everything here raises `InputError` (a `ValueError`) with a one-line message,
or reports a `Problem` for a record; nothing here touches the store.
"""

from cli.input.durations import parse_duration
from cli.input.entries import Parsed, Problem
from cli.input.errors import InputError
from cli.input.facts import canonical_content, record_fact
from cli.input.reading import read_facts
from cli.input.records import RECORDS, Record, validate_record
from cli.input.times import parse_event_time, parse_query_time, parse_tz

__all__ = [
    "RECORDS",
    "InputError",
    "Parsed",
    "Problem",
    "Record",
    "canonical_content",
    "parse_duration",
    "parse_event_time",
    "parse_query_time",
    "parse_tz",
    "read_facts",
    "record_fact",
    "validate_record",
]
