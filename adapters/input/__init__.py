"""The input boundary: event files, times, durations and zones, checked.

Everything here raises `InputError` (a `ValueError`) with a one-line message,
or reports a `Problem` for a record; nothing here touches the store.

Names are imported on first use, so a query that only parses a time never
loads the record models (and pydantic).
"""

from __future__ import annotations

import importlib
from typing import Any

HOMES = {
    "RECORDS": "records",
    "InputError": "errors",
    "Parsed": "items",
    "Problem": "items",
    "Record": "records",
    "canonical_content": "facts",
    "parse_duration": "durations",
    "parse_event_time": "times",
    "parse_query_time": "times",
    "parse_tz": "times",
    "read_facts": "reading",
    "record_fact": "facts",
    "validate_record": "records",
}

__all__ = sorted(HOMES)


def __getattr__(name: str) -> Any:
    if name not in HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{HOMES[name]}"), name)
    globals()[name] = value
    return value
