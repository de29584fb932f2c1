"""Reading holds a bounded part of its input, whatever the input: a line up to
1 MiB (a longer one is a problem on its line, and reading goes on after it),
an array element too; and every record that cannot be parsed is a problem on
its line, never an error that ends the reading."""

from __future__ import annotations

import io
import json

from standing.adapters.input import read_facts
from standing.adapters.input.lines import MAX_LINE

from .conftest import record

REGISTERED = json.dumps(record("account.registered"))
LOCKED = json.dumps(record("account.locked", at="2021-01-09T00:00:00Z"))
DIGITS = "1" * 5000


class Endless(io.RawIOBase):
    """`pattern` again and again, for ever; fails once more than `most`
    bytes are read from it."""

    def __init__(self, pattern: bytes, most: int, start: bytes = b"") -> None:
        self.pattern, self.most, self.start, self.given = pattern, most, start, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        size = len(buffer)
        data = (self.start + self.pattern * (size // len(self.pattern) + 1))[:size]
        self.start = b""
        self.given += size
        assert self.given <= self.most, f"read {self.given:,} bytes"
        buffer[:size] = data
        return size


def read(path: str) -> list:
    return list(read_facts([path], None))


def places(results) -> list[tuple[str, int]]:
    return [(type(r).__name__, r.line) for r in results]


def padded(line: str, length: int) -> str:
    """`line` with spaces after it, `length` bytes long."""
    return line + " " * (length - len(line.encode()))


def test_a_line_of_exactly_one_mebibyte_is_read(event_file):
    path = event_file(padded(REGISTERED, MAX_LINE))

    assert places(read(path)) == [("Parsed", 1)]


def test_a_longer_line_is_a_problem_on_its_line_and_reading_goes_on(event_file):
    path = event_file(padded(REGISTERED, MAX_LINE + 1), LOCKED)

    results = read(path)

    assert places(results) == [("Problem", 1), ("Parsed", 2)]
    assert results[0].message == "line too long (1,048,577 bytes; at most 1 MiB)"


def test_a_stream_without_newlines_is_not_held_in_memory():
    stream = io.BufferedReader(Endless(b"x", most=80 << 20, start=b"{"))

    (problem,) = read_facts(["-"], None, stdin=stream)

    assert problem.line == 1
    assert problem.message == (
        "line longer than 64 MiB; the rest of the file was not read"
    )


def test_a_number_too_long_to_convert_is_a_problem_on_its_line(event_file):
    too_long = json.dumps(record("post.published"))[:-1] + f', "post": {DIGITS}}}'
    path = event_file("{nope", too_long, LOCKED)

    results = read(path)

    assert places(results) == [("Problem", 1), ("Problem", 2), ("Parsed", 3)]
    assert results[1].message == (
        "a number too long to read (5,000 digits; at most 4,300)"
    )


def test_a_number_too_long_in_an_array_element_is_a_problem_on_its_line(event_file):
    path = event_file("[", f'{{"post": {DIGITS}}},', LOCKED, "]", name="a.json")

    results = read(path)

    assert places(results) == [("Problem", 2), ("Parsed", 3)]
    assert results[0].message.startswith("a number too long to read (5,000 digits")


def test_an_array_element_longer_than_a_mebibyte_ends_the_file(event_file):
    long = padded(REGISTERED[:-1], MAX_LINE) + "}"
    path = event_file("[", REGISTERED + ",", long + ",", LOCKED, "]", name="a.json")

    results = read(path)

    assert places(results) == [("Parsed", 2), ("Problem", 3)]
    assert results[1].message == (
        "an element longer than 1 MiB (1,048,576 characters) (column 1); "
        "the rest of the file was not read"
    )
