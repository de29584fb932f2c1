"""Reading a file stops where it is plainly not an event file, so an endless
stream of garbage (``/dev/urandom``, ``/dev/zero``, ``yes``) ends in bounded
time and memory: at a NUL byte, which no UTF-8 text holds, or after 10,000
problems in a row with no valid record between them."""

from __future__ import annotations

import contextlib
import io
import json
import os
import random
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from standing.adapters.input import read_facts

from .conftest import record
from .test_bounded_reading import Endless, places

LOCKED = json.dumps(record("account.locked"))
NOT_READ = "the rest of the file was not read"


def read_stream(stream: io.RawIOBase) -> list:
    return list(read_facts(["-"], None, stdin=io.BufferedReader(stream)))


def test_a_nul_byte_ends_the_file_with_a_problem_on_its_line(tmp_path):
    path = tmp_path / "binary.jsonl"
    path.write_bytes(f"{LOCKED}\n".encode() + b'{"type": \0}\n' + LOCKED.encode())

    results = list(read_facts([str(path)], None))

    assert places(results) == [("Parsed", 1), ("Problem", 2)]
    assert results[1].message == (
        f"not a UTF-8 text file (a NUL byte at column 10); {NOT_READ}"
    )


def test_endless_nul_bytes_are_one_problem():
    (problem,) = read_stream(Endless(b"\0", most=4 << 20))

    assert problem.message.startswith("not a UTF-8 text file (a NUL byte at column 1)")


def test_endless_random_bytes_stop_at_their_first_nul():
    noise = random.Random(15).randbytes(1 << 16)

    results = read_stream(Endless(noise, most=1 << 20))

    assert results[-1].message.startswith("not a UTF-8 text file")
    assert all(result.line <= noise.count(b"\n") + 1 for result in results)


def test_endless_invalid_lines_stop_after_ten_thousand_problems_in_a_row():
    results = read_stream(Endless(b"{}\n", most=1 << 20))

    assert len(results) == 10_000
    assert results[-1].line == 10_000
    assert results[-1].message == (
        "missing required field 'type'; 10,000 problems in a row: "
        f"not an event file, {NOT_READ}"
    )


def test_a_valid_record_between_problems_starts_the_count_again(
    event_file, monkeypatch
):
    monkeypatch.setattr("standing.adapters.input.runs.RUN_PROBLEMS", 3)
    path = event_file("{}", "{}", LOCKED, "{}", "{}", LOCKED)

    results = list(read_facts([path], None))

    assert places(results) == [
        ("Problem", 1),
        ("Problem", 2),
        ("Parsed", 3),
        ("Problem", 4),
        ("Problem", 5),
        ("Parsed", 6),
    ]


def test_blank_and_comment_lines_neither_break_nor_count_in_a_run(
    event_file, monkeypatch
):
    monkeypatch.setattr("standing.adapters.input.runs.RUN_PROBLEMS", 3)
    path = event_file("{}", "", "# note", "{}", "{}", LOCKED)

    results = list(read_facts([path], None))

    assert places(results) == [("Problem", 1), ("Problem", 4), ("Problem", 5)]
    assert results[-1].ends_file


def test_an_endless_array_of_invalid_elements_stops_too(monkeypatch):
    monkeypatch.setattr("standing.adapters.input.runs.RUN_PROBLEMS", 100)

    with endless_pipe(b"[\n", b"{},\n", most=1 << 20) as path:
        results = list(read_facts([path], None))

    assert places(results) == [("Problem", line) for line in range(2, 102)]
    assert results[-1].message.endswith(f"not an event file, {NOT_READ}")


@contextmanager
def endless_pipe(start: bytes, pattern: bytes, most: int) -> Iterator[str]:
    """A path reading `start`, then `pattern` again and again (up to `most`
    bytes) from a pipe, as ``<(yes)`` gives one."""
    read, write = os.pipe()

    def feed() -> None:
        # the reader stops early: the pipe breaks
        with contextlib.suppress(BrokenPipeError), os.fdopen(write, "wb") as stream:
            stream.write(start)
            for _ in range(most // len(pattern)):
                stream.write(pattern)

    writer = threading.Thread(target=feed)
    writer.start()
    try:
        yield f"/dev/fd/{read}"
    finally:
        os.close(read)
        writer.join()
