"""Reading event files (SPEC section 3): JSON Lines, a JSON array, or stdin.

`read_facts` streams: one `Parsed` or `Problem` per record, in file order.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain
from typing import BinaryIO
from zoneinfo import ZoneInfo

from cli.input.arrays import PIECE, ArrayBroken, array_elements
from cli.input.entries import entry, line_entry
from cli.input.errors import TOO_DEEP, invalid_json, not_utf8
from cli.input.files import UnreadableFile, opened
from cli.input.items import STDIN, Parsed, Problem

STDIN_NAME = "<stdin>"
BOM = b"\xef\xbb\xbf"
COMMENTS = ("#", "//")


def read_facts(
    paths: Iterable[str],
    tz: ZoneInfo | None,
    stdin: BinaryIO | None = None,
    fds: Sequence[int] = (),
) -> Iterator[Parsed | Problem]:
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


def _read_file(
    path: str, tz: ZoneInfo | None, fd: int | None
) -> Iterator[Parsed | Problem]:
    with opened(path) if fd is None else os.fdopen(fd, "rb") as stream:
        try:
            yield from _read_stream(stream, path, tz, arrays=True)
        except OSError as error:  # a failing disk, say: nothing is stored
            raise UnreadableFile(path, error.errno, str(error)) from None


def _read_stream(
    stream: BinaryIO, name: str, tz: ZoneInfo | None, arrays: bool
) -> Iterator[Parsed | Problem]:
    line, first = _first_content(stream)
    if arrays and first.lstrip().startswith(b"["):
        yield from _read_array(stream, first, line, name, tz)
    elif first:
        if not first.endswith(b"\n"):
            first += stream.readline()
        yield from _read_lines(chain([first], stream), line, name, tz)


def _first_content(stream: BinaryIO) -> tuple[int, bytes]:
    """The line number of the first piece of the stream that is not
    whitespace, and that piece (at most `PIECE` bytes; ``b""`` if none)."""
    line = 1
    piece = stream.readline(PIECE).removeprefix(BOM)
    while piece and not piece.strip():
        line += piece.endswith(b"\n")
        piece = stream.readline(PIECE)
    return line, piece


def _read_lines(
    lines: Iterable[bytes], start: int, name: str, tz: ZoneInfo | None
) -> Iterator[Parsed | Problem]:
    for number, raw in enumerate(lines, start):
        parsed = line_entry(raw, name, number, tz)
        if parsed is not None:
            yield parsed
            continue
        try:
            text = raw.decode()
        except UnicodeDecodeError as error:
            message = not_utf8(raw[error.start], error.start + 1)
            yield Problem(name, number, None, message)
            continue
        content = text.lstrip()
        if not content or content.startswith(COMMENTS):
            continue
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            message = f"{invalid_json(error.msg)} (column {error.colno})"
            yield Problem(name, number, None, message)
            continue
        except RecursionError:
            yield Problem(name, number, None, TOO_DEEP)
            continue
        yield entry(data, name, number, tz)


def _read_array(
    stream: BinaryIO, first: bytes, line: int, name: str, tz: ZoneInfo | None
) -> Iterator[Parsed | Problem]:
    try:
        for number, data in array_elements(stream, first, line):
            yield entry(data, name, number, tz)
    except ArrayBroken as broken:
        message = f"{broken.message}; the rest of the file was not read"
        yield Problem(name, broken.line, None, message)
