"""The elements of a JSON array file, streamed, each with the line it starts on.

The file is read in pieces of bounded size, so neither a long file nor a long line is
held whole, and an element is held only up to `MAX_LINE` characters. A break
in the JSON (or in its UTF-8), or a longer element, ends the file: an array
cannot be picked up again after it.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from standing.adapters.input.decoding import Decoder, NumberTooLong
from standing.adapters.input.errors import TOO_DEEP, invalid_json, not_utf8
from standing.adapters.input.lines import MAX_LINE

PIECE = 1 << 16
WHITESPACE = re.compile(r"[ \t\n\r]*")
UNCLOSED = "unexpected end of file: the array is not closed"
TOO_LONG = f"an element longer than 1 MiB ({MAX_LINE:,} characters)"


class ArrayBroken(Exception):
    """The array cannot be read on from `line`."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def array_elements(
    stream: BinaryIO, first: bytes, line: int
) -> Iterator[tuple[int, Any, int]]:
    """`(line, value, length)` for each element, `length` in characters; the
    value is a `NumberTooLong` for an element holding one. `first` is the
    piece holding the ``[`` and `line` its line number. Raises `ArrayBroken`."""
    return _Scanner(stream, first, line).elements()


class _Scanner:
    def __init__(self, stream: BinaryIO, first: bytes, line: int) -> None:
        self.stream = stream
        self.decoder = Decoder()
        self.utf8 = codecs.getincrementaldecoder("utf-8")()
        self.text = ""
        self.pos = 0
        self.line = line  # the line number at text[counted]
        self.counted = 0
        self.column = 0  # the column of text[0], when text starts mid-line
        self.piece_line = line  # the line the next piece starts on
        self.line_bytes = 0  # bytes of that line in earlier pieces
        self._append(first)

    def elements(self) -> Iterator[tuple[int, Any, int]]:
        self._peek()
        self.pos += 1  # the "[" found when the file was opened
        if self._peek() == "]":
            return self._close()
        while True:
            yield self._element()
            after = self._peek()
            if after == "]":
                return self._close()
            if after == "":
                raise self._broken(self.pos, UNCLOSED)
            if after != ",":
                raise self._broken(self.pos, invalid_json("Expecting ',' delimiter"))
            self.pos += 1

    def _element(self) -> tuple[int, Any, int]:
        while True:
            if self._peek() == "":
                raise self._broken(self.pos, UNCLOSED)
            try:
                value, end = self.decoder.raw_decode(self.text, self.pos)
            except json.JSONDecodeError as error:
                if self._unfinished(error.pos) and self._more_of_element():
                    continue
                raise self._broken(error.pos, invalid_json(error.msg)) from None
            except RecursionError:
                raise self._broken(self.pos, TOO_DEEP) from None
            except NumberTooLong as error:
                value, end = error, error.end
            if end < len(self.text) or not self._more_of_element():
                if end - self.pos > MAX_LINE:
                    raise self._broken(self.pos, TOO_LONG)
                line, length = self._line_at(self.pos), end - self.pos
                self.pos = end
                return line, value, length

    def _more_of_element(self) -> bool:
        """`_more`, for an element not read whole yet: at most `MAX_LINE` of it."""
        if len(self.text) - self.pos > MAX_LINE:
            raise self._broken(self.pos, TOO_LONG)
        return self._more()

    def _close(self) -> None:
        self.pos += 1
        if self._peek() != "":
            raise self._broken(self.pos, "unexpected content after the array")

    def _peek(self) -> str:
        """The next character that is not whitespace, or "" at the end."""
        while True:
            self.pos = WHITESPACE.match(self.text, self.pos).end()  # type: ignore[union-attr]
            if self.pos < len(self.text):
                return self.text[self.pos]
            if not self._more():
                return ""

    def _unfinished(self, pos: int) -> bool:
        """Whether an error at `pos` may be only the end of what was read so far:
        JSON tokens never span lines, so an error before a newline is real."""
        return self.text.find("\n", pos) == -1

    def _more(self) -> bool:
        """Read the next piece; False at the end of the file."""
        piece = self.stream.read(PIECE)
        if piece:
            self._compact()
        self._append(piece)
        return bool(piece)

    def _append(self, piece: bytes) -> None:
        pending = len(self.utf8.getstate()[0])
        try:
            self.text += self.utf8.decode(piece, final=not piece)
        except UnicodeDecodeError as error:
            raise self._not_utf8(error, pending) from None
        newline = piece.rfind(b"\n")
        if newline >= 0:
            self.piece_line += piece.count(b"\n")
            self.line_bytes = len(piece) - newline - 1
        else:
            self.line_bytes += len(piece)

    def _not_utf8(self, error: UnicodeDecodeError, pending: int) -> ArrayBroken:
        """`error.object` is the bytes held back from the last piece, then this one."""
        before = error.object[: error.start]
        newline = before.rfind(b"\n")
        if newline >= 0:
            column = error.start - newline
        else:
            column = self.line_bytes - pending + error.start + 1
        line = self.piece_line + before.count(b"\n")
        return ArrayBroken(line, not_utf8(error.object[error.start], column))

    def _compact(self) -> None:
        """Drop what has been read, keeping the line and column of what is kept."""
        self._line_at(self.pos)
        newline = self.text.rfind("\n", 0, self.pos)
        self.column = self.pos - newline - 1 if newline >= 0 else self.column + self.pos
        self.text = self.text[self.pos :]
        self.pos = self.counted = 0

    def _line_at(self, pos: int) -> int:
        self.line += self.text.count("\n", self.counted, pos)
        self.counted = pos
        return self.line

    def _broken(self, pos: int, message: str) -> ArrayBroken:
        newline = self.text.rfind("\n", 0, pos)
        column = pos - newline if newline >= 0 else self.column + pos + 1
        return ArrayBroken(self._line_at(pos), f"{message} (column {column})")
