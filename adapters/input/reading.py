"""Reading event files (SPEC section 3): JSON Lines, a JSON array, or stdin.

`read_facts` streams: one `Parsed` or `Problem` per record, in file order.
Memory is bounded whatever the input: a line is held up to 1 MiB
(`cli.input.lines`), an array element too (`cli.input.arrays`), problems are
not kept here, and reading a file stops when it is plainly not an event file
(`cli.input.runs`).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import BinaryIO
from zoneinfo import ZoneInfo

from standing.adapters.input.arrays import PIECE, ArrayBroken, array_elements
from standing.adapters.input.decoding import Decoder, NumberTooLong
from standing.adapters.input.entries import entry, line_entry
from standing.adapters.input.errors import TOO_DEEP, invalid_json, not_utf8
from standing.adapters.input.files import UnreadableFile, opened
from standing.adapters.input.items import STDIN, STDIN_NAME, Parsed, Problem
from standing.adapters.input.lines import MAX_LINE, NUL, Lines, overlong
from standing.adapters.input.runs import NOT_READ, RUN_BYTES, ProblemRun, not_text

BOM = b"\xef\xbb\xbf"
COMMENTS = ("#", "//")

Item = Parsed | Problem


def read_facts(
    paths: Iterable[str],
    tz: ZoneInfo | None,
    stdin: BinaryIO | None = None,
    fds: Sequence[int] = (),
) -> Iterator[Item]:
    """Each record of each file in turn; `-` reads JSON Lines from `stdin`
    (standard input by default). Times without an offset are read in `tz`.
    A file that cannot be read raises `UnreadableFile`. `fds`: each path
    open already, as another process opened it."""
    for index, path in enumerate(paths):
        if path == STDIN:
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _read_stream(stream, STDIN_NAME, tz, arrays=False)
        else:
            yield from _read_file(path, tz, fds[index] if fds else None)


def _read_file(path: str, tz: ZoneInfo | None, fd: int | None) -> Iterator[Item]:
    with opened(path) if fd is None else os.fdopen(fd, "rb") as stream:
        try:
            yield from _read_stream(stream, path, tz, arrays=True)
        except OSError as error:  # a failing disk, say: nothing is stored
            raise UnreadableFile(path, error.errno, str(error)) from None


def _read_stream(
    stream: BinaryIO, name: str, tz: ZoneInfo | None, arrays: bool
) -> Iterator[Item]:
    line, first = _first_content(stream)
    if arrays and first.lstrip().startswith(b"["):
        yield from _read_array(stream, first, line, name, tz)
    elif first:
        yield from _LineReader(Lines(stream, first), name, tz).items(line)


def _first_content(stream: BinaryIO) -> tuple[int, bytes]:
    """The line number of the first piece of the stream that is not
    whitespace, and that piece (at most `PIECE` bytes; ``b""`` if none)."""
    line = 1
    piece = stream.readline(PIECE).removeprefix(BOM)
    while piece and not piece.strip():
        line += piece.endswith(b"\n")
        piece = stream.readline(PIECE)
    return line, piece


class _LineReader:
    """The records of JSON Lines, up to the problem that ends the file."""

    def __init__(self, lines: Lines, name: str, tz: ZoneInfo | None) -> None:
        self.lines, self.name, self.tz = lines, name, tz
        self.decoder = Decoder()
        self.run = ProblemRun()

    def items(self, start: int) -> Iterator[Item]:
        run, name, tz = self.run, self.name, self.tz
        for number, raw in enumerate(self.lines, start):
            # a line cut at MAX_LINE may be valid JSON: it is a problem all the same
            fast = len(raw) <= MAX_LINE
            item = line_entry(raw, name, number, tz) if fast else None
            if item is None:
                item = self._read_slowly(raw, number)
                if item is None:  # a blank line, a comment
                    continue
                if isinstance(item, Problem):
                    yield item
                    if item.ends_file:
                        return
                    continue
            if run.count:
                run.reset()
            yield item

    def _read_slowly(self, raw: bytes, number: int) -> Item | None:
        """The line read step by step, to tell what is wrong with it; None for
        a blank line or a comment."""
        nul = raw.find(NUL)
        if nul >= 0:
            return self._problem(number, not_text(nul + 1), len(raw), ends=True)
        if overlong(raw):
            return self._overlong(raw, number)
        try:
            text = raw.decode()
        except UnicodeDecodeError as error:
            message = not_utf8(raw[error.start], error.start + 1)
            return self._problem(number, message, len(raw))
        content = text.lstrip()
        if not content or content.startswith(COMMENTS):
            return None
        try:
            data = self.decoder.decode(text)
        except json.JSONDecodeError as error:
            message = f"{invalid_json(error.msg)} (column {error.colno})"
            return self._problem(number, message, len(raw))
        except RecursionError:
            return self._problem(number, TOO_DEEP, len(raw))
        except NumberTooLong as error:
            return self._problem(number, str(error), len(raw))
        item = entry(data, self.name, number, self.tz)
        return item if isinstance(item, Parsed) else self.run.counted(item, len(raw))

    def _overlong(self, raw: bytes, number: int) -> Problem:
        skipped = self.lines.skip_rest(raw, RUN_BYTES)
        if skipped.nul:
            return self._problem(number, not_text(skipped.nul), skipped.length, True)
        if not skipped.ended:
            message = f"line longer than {RUN_BYTES >> 20} MiB; {NOT_READ}"
            return self._problem(number, message, skipped.length, ends=True)
        message = f"line too long ({skipped.length:,} bytes; at most 1 MiB)"
        return self._problem(number, message, skipped.length)

    def _problem(self, number: int, message: str, size: int, ends=False) -> Problem:
        """A problem with line `number`, `size` bytes long, counted in the run."""
        return self.run.counted(Problem(self.name, number, None, message, ends), size)


def _read_array(
    stream: BinaryIO, first: bytes, line: int, name: str, tz: ZoneInfo | None
) -> Iterator[Item]:
    run = ProblemRun()
    try:
        for number, data, length in array_elements(stream, first, line):
            if isinstance(data, NumberTooLong):
                item: Item = Problem(name, number, None, str(data))
            else:
                item = entry(data, name, number, tz)
            if isinstance(item, Parsed):
                run.reset()
                yield item
                continue
            yield (item := run.counted(item, length))
            if item.ends_file:
                return
    except ArrayBroken as broken:
        message = f"{broken.message}; {NOT_READ}"
        yield Problem(name, broken.line, None, message, ends_file=True)
