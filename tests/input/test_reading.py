"""Reading event files: JSON Lines, JSON arrays and stdin, with file and line."""

import io
import json
from datetime import UTC, datetime

import pytest

from standing.adapters.input import Parsed, Problem, arrays, read_facts, reading
from standing.adapters.input.files import UnreadableFile

from .conftest import record

REGISTERED = record("account.registered")
LOCKED = record("account.locked", duration="PT12H")


def read(*paths, tz=None, stdin=None):
    return list(read_facts(list(paths), tz, stdin=stdin))


def places(results):
    return [(type(r).__name__, r.line) for r in results]


def test_json_lines_give_one_fact_a_line_with_its_file_and_line(event_file):
    path = event_file(REGISTERED, LOCKED)

    results = read(path)

    assert [(r.file, r.line, r.fact.type) for r in results] == [
        (path, 1, "account.registered"),
        (path, 2, "account.locked"),
    ]


def test_blank_lines_and_comments_are_skipped_but_counted(event_file):
    path = event_file("# January 2021", "", "// the lock", "   ", LOCKED)

    results = read(path)

    assert places(results) == [("Parsed", 5)]


def test_a_json_array_reports_the_line_each_element_starts_on(event_file):
    pretty = json.dumps([REGISTERED, LOCKED], indent=2)
    path = event_file("", pretty, name="events.json")

    results = read(path)

    assert places(results) == [("Parsed", 3), ("Parsed", 9)]


def test_a_one_line_json_array_is_read_in_pieces(event_file, monkeypatch):
    monkeypatch.setattr(arrays, "PIECE", 7)
    path = event_file(json.dumps([REGISTERED, LOCKED, REGISTERED]), name="a.json")

    results = read(path)

    assert places(results) == [("Parsed", 1)] * 3


def test_bad_utf8_in_a_json_array_ends_the_file_with_its_line(tmp_path, monkeypatch):
    monkeypatch.setattr(arrays, "PIECE", 5)
    path = tmp_path / "a.json"
    element = json.dumps(REGISTERED).encode()
    path.write_bytes(b"[\n" + element + b',\n  {"holder": "\xc3\xa9\xff"}\n]\n')

    results = read(str(path))

    assert places(results) == [("Parsed", 2), ("Problem", 3)]
    assert results[1].message.startswith("not valid UTF-8 (byte 0xff at column 17)")


def test_a_json_lines_record_longer_than_a_piece_is_read_whole(event_file, monkeypatch):
    monkeypatch.setattr(reading, "PIECE", 8)
    path = event_file("   ", LOCKED)

    results = read(path)

    assert places(results) == [("Parsed", 2)]


def test_a_json_array_element_that_is_not_an_object_is_a_problem(event_file):
    path = event_file("[", json.dumps(REGISTERED) + ",", "42", "]", name="a.json")

    results = read(path)

    assert places(results) == [("Parsed", 2), ("Problem", 3)]
    assert results[1].message == "expected a JSON object, got a number"


def test_broken_json_in_an_array_ends_the_file_with_its_line(event_file):
    path = event_file(
        "[", json.dumps(REGISTERED) + ",", '{"type" "x"}', "]", name="b.json"
    )

    results = read(path)

    assert places(results) == [("Parsed", 2), ("Problem", 3)]
    assert results[1].message == (
        "invalid JSON: Expecting ':' delimiter (column 9); "
        "the rest of the file was not read"
    )


def test_an_unclosed_json_array_is_a_problem(event_file):
    path = event_file("[", json.dumps(REGISTERED))

    results = read(path)

    assert results[-1].message.startswith("unexpected end of file")


def test_a_line_of_bad_json_is_a_problem_and_reading_goes_on(event_file):
    path = event_file('{"type": "account.locked" "at": 1}', LOCKED)

    results = read(path)

    assert places(results) == [("Problem", 1), ("Parsed", 2)]
    assert results[0].message == "invalid JSON: Expecting ',' delimiter (column 27)"


DEEP = '{"type": "account.locked", "reason": ' + "[" * 100_000


def test_a_line_nested_too_deeply_is_a_problem_and_reading_goes_on(event_file):
    path = event_file(DEEP, LOCKED)

    results = read(path)

    assert places(results) == [("Problem", 1), ("Parsed", 2)]
    assert results[0].message == "invalid JSON: nested too deeply"


def test_an_array_element_nested_too_deeply_ends_the_file_with_its_line(event_file):
    path = event_file("[", json.dumps(REGISTERED) + ",", DEEP, "]", name="d.json")

    results = read(path)

    assert places(results) == [("Parsed", 2), ("Problem", 3)]
    assert results[1].message.startswith("invalid JSON: nested too deeply")


def test_a_line_that_is_not_utf8_names_the_byte_and_column(tmp_path):
    path = tmp_path / "latin1.jsonl"
    path.write_bytes(b'{"type": "\xff"}\n' + json.dumps(LOCKED).encode() + b"\n")

    results = read(str(path))

    assert places(results) == [("Problem", 1), ("Parsed", 2)]
    assert results[0].message == "not valid UTF-8 (byte 0xff at column 11)"


def test_a_line_that_is_not_an_object_is_a_problem(event_file):
    path = event_file('"account.locked"')

    results = read(path)

    assert results[0].message == "expected a JSON object, got a string"


def test_an_invalid_record_is_reported_with_its_id(event_file):
    path = event_file(record(id="lock-1", reason=None))

    (result,) = read(path)

    assert result == Problem(
        path, 1, "lock-1", "account.locked: missing required field 'reason'"
    )


def test_a_missing_file_is_an_error_not_a_problem_of_a_record(tmp_path):
    path = str(tmp_path / "missing.jsonl")

    with pytest.raises(UnreadableFile, match=f"cannot read {path}: No such file"):
        read(path)


def test_a_dash_reads_json_lines_from_stdin():
    stdin = io.BytesIO(f"# piped\n{json.dumps(LOCKED)}\n".encode())

    results = read("-", stdin=stdin)

    assert [(r.file, r.line) for r in results] == [("<stdin>", 2)]


def test_stdin_is_read_as_json_lines_even_when_it_starts_with_a_bracket():
    stdin = io.BytesIO(b"[1]\n")

    results = read("-", stdin=stdin)

    assert results[0].message == "expected a JSON object, got an array"


def test_files_are_read_in_the_order_given(event_file):
    first = event_file(REGISTERED, name="a.jsonl")
    second = event_file(LOCKED, name="b.jsonl")

    results = read(second, first)

    assert [r.file for r in results] == [second, first]


def test_a_byte_order_mark_is_ignored(tmp_path):
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(LOCKED).encode() + b"\n")

    results = read(str(path))

    assert places(results) == [("Parsed", 1)]


def test_the_record_time_is_kept_beside_the_fact(event_file):
    path = event_file(record(recorded_at="2021-02-01"))

    (result,) = read(path)

    assert isinstance(result, Parsed)
    assert result.recorded_at == datetime(2021, 2, 1, tzinfo=UTC)


class EndlessStdin(io.RawIOBase):
    """A stream that fails if it is read past its first line."""

    def __init__(self, first: bytes) -> None:
        self.lines = iter([first])

    def __iter__(self):
        return self

    def __next__(self) -> bytes:
        for line in self.lines:
            return line
        raise AssertionError("read past the first record")

    def readline(self, size: int = -1) -> bytes:
        return next(self)


def test_records_are_read_one_at_a_time_not_file_at_a_time():
    stdin = EndlessStdin(json.dumps(LOCKED).encode() + b"\n")

    first = next(read_facts(["-"], None, stdin=stdin))

    assert first.line == 1


def test_a_naive_time_is_rejected_unless_a_zone_is_given(event_file):
    path = event_file(record(at="2021-01-08T10:00"))

    (problem,) = read(path)

    assert "has no offset" in problem.message


@pytest.mark.parametrize("text", ["[]", "", "\n\n  \n"])
def test_an_empty_file_or_array_gives_nothing(event_file, text):
    path = event_file(text)

    assert read(path) == []
