"""What reading an event file yields, record by record: a parsed fact or the
problem with a record. Light to import: a replay that reads in a second
process never loads the record models (`cli.input.ahead`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from standing.domain.facts import Fact

STDIN = "-"  # the path that means standard input
STDIN_NAME = "<stdin>"  # what problems call it


@dataclass(frozen=True, slots=True)
class Parsed:
    """A valid record: the fact it states, where it was, when it was recorded."""

    file: str
    line: int
    fact: Fact
    recorded_at: datetime | None


@dataclass(frozen=True, slots=True)
class Problem:
    """A record that cannot be read; `message` is one line. `ends_file`: the
    rest of the file was not read (a broken array, a file that is not text)."""

    file: str
    line: int
    id: str | None
    message: str
    ends_file: bool = False
