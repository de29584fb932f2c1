"""When a file stops being read: what it holds is not an event file.

An endless stream of lines that are all problems (``/dev/urandom``, ``yes``)
would otherwise be read for ever. Reading a file stops, with a problem on the
line where it stops, when it holds a NUL byte (no UTF-8 text does: it is
binary, or UTF-16), or after `RUN_PROBLEMS` problems in a row or problems in a
row over `RUN_BYTES`, with no valid record between them. Blank and comment
lines neither break a run nor count in it.
"""

from __future__ import annotations

from dataclasses import replace

from standing.adapters.input.items import Problem

RUN_PROBLEMS = 10_000
RUN_BYTES = 64 << 20
NOT_READ = "the rest of the file was not read"


def not_text(column: int) -> str:
    return f"not a UTF-8 text file (a NUL byte at column {column}); {NOT_READ}"


class ProblemRun:
    """The problems read since the last valid record (`count` of them, `size`
    bytes or characters long); a reader calls `reset` at a valid record."""

    def __init__(self) -> None:
        self.count = self.size = 0

    def reset(self) -> None:
        self.count = self.size = 0

    def counted(self, problem: Problem, size: int) -> Problem:
        """`problem`, made the one where reading stops if the run is too
        long with it; the reader stops at a problem that `ends_file`."""
        self.count += 1
        self.size += size
        if problem.ends_file:
            return problem
        if self.count >= RUN_PROBLEMS:
            run = f"{self.count:,} problems in a row"
        elif self.size >= RUN_BYTES:
            run = f"problems in a row over {RUN_BYTES >> 20} MiB"
        else:
            return problem
        message = f"{problem.message}; {run}: not an event file, {NOT_READ}"
        return replace(problem, message=message, ends_file=True)
