"""The lines of a JSON Lines stream, none held longer than `MAX_LINE` bytes.

A longer line is cut there (SPEC section 3: it is a problem on its line); its
rest is read past in pieces (`Lines.skip_rest`), never held, so neither a long
line nor a stream without newlines (``/dev/zero``) fills memory.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from itertools import chain
from typing import BinaryIO

MAX_LINE = 1 << 20  # bytes, not counting the newline
PIECE = 1 << 16
NUL = b"\0"


@dataclass(frozen=True)
class Skipped:
    """The rest of an over-long line, read past: how long the line is, and the
    column of its first NUL byte (0 if none: the line ended, or ran past
    `limit` bytes, as `ended` says)."""

    length: int
    ended: bool
    nul: int = 0


class Lines:
    """Each line with its newline, or its first ``MAX_LINE + 1`` bytes when it
    is longer (`overlong`); `first` is the start of the first line."""

    def __init__(self, stream: BinaryIO, first: bytes) -> None:
        self._stream = stream
        if first and not first.endswith(b"\n"):
            first += stream.readline(max(MAX_LINE + 1 - len(first), 1))
        rest = iter(partial(stream.readline, MAX_LINE + 1), b"")  # no Python frame
        self._each = chain([first] if first else [], rest)

    def __iter__(self) -> Iterator[bytes]:
        return self._each

    def skip_rest(self, line: bytes, limit: int) -> Skipped:
        """Read past the rest of `line`, an over-long one, stopping at a NUL
        byte or after `limit` bytes."""
        length = len(line)
        while length < limit:
            piece = self._stream.readline(PIECE)
            nul = piece.find(NUL)
            if nul >= 0:
                return Skipped(length + nul, False, length + nul + 1)
            length += len(piece)
            if not piece or piece.endswith(b"\n"):
                return Skipped(length - piece.endswith(b"\n"), True)
        return Skipped(length, False)


def overlong(line: bytes) -> bool:
    """Whether `line`, as `Lines` gives it, was cut at `MAX_LINE`."""
    return len(line) > MAX_LINE and not line.endswith(b"\n")
