"""Fuzzing the reader and the replay's check: random bytes, random JSON and
mutated valid records. The only outcomes allowed are a stored replay, or
problems naming the file and a line with exit 1 and the store unchanged:
never a traceback, an "unexpected" error, or a store changed by a rejection."""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from standing.adapters.input import Parsed, Problem, read_facts
from standing.cli.main import app
from tests.cli.records import event, registered
from tests.properties import examples, property_test
from tests.stores import stored_rows

pytestmark = property_test

SETTINGS = settings(
    max_examples=examples(60),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
VALID = [
    registered("jack"),
    registered("potus", kind="institutional", holder="Office"),
    event("post.published", "jack", "2021-01-02T00:00:00Z", post="p1"),
    event(
        "account.locked",
        "jack",
        "2021-01-03T00:00:00Z",
        reason="r",
        duration="PT12H",
        require_removal=["p1"],
    ),
    event("post.removed", "jack", "2021-01-03T01:00:00Z", post="p1"),
    event(
        "account.transfer_scheduled",
        "potus",
        "2021-01-04T00:00:00-05:00",
        successor="B",
        effective_at="2021-01-20T12:00:00-05:00",
        archive_to="potus45",
        id="handover",
    ),
    event("account.suspended", "jack", "2021-01-08", reason="x", permanent=True),
]
# Values and lines that once broke a replay, or could
NASTY_VALUES = [
    "P" + "9" * 5000 + "D",
    "PT" + "1" * 30 + "S",
    "2021-01-01T00:00:00" + "0" * 1000 + "Z",
    "9999-12-31T23:59:59-23:59",
    "\x1b[31m",
    "\ud800",
]
NASTY_LINES = [
    b'{"type": "post.published", "at": "2021-01-02", "account": "jack", "post": '
    + b"1" * 5000
    + b"}",
    b'{"type": "account.registered", "at": "2021-01-01", "account": "x", "holder": '
    + b"[" * 5000,
    b'{"type": "account.unlocked", "at": "2021-01-02", "account": "jack"}\0',
    b"\xef\xbb\xbf[",
    b"\xff\xfe{\0",
    b"[" + b"-" + b"9" * 5000 + b"]",
    b"# comment",
    b"// comment",
]
SUMMARY = re.compile(r"Error: \d+ record\(s\) rejected; nothing was stored ")

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=20)
    | st.sampled_from(["2021-01-05T00:00:00Z", "PT1H", "account.locked", "jack"])
    | st.sampled_from(NASTY_VALUES),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=12,
)
field_names = st.sampled_from(sorted({name for record in VALID for name in record}))


@st.composite
def mutated(draw: st.DrawFn) -> dict[str, Any]:
    """A valid record with a field dropped, changed or added."""
    record = dict(draw(st.sampled_from(VALID)))
    for _ in range(draw(st.integers(1, 3))):
        name = draw(field_names | st.text(max_size=10))
        if name in record and draw(st.booleans()):
            del record[name]
        else:
            record[name] = draw(json_values)
    return record


def json_lines(values: list[Any]) -> bytes:
    return "".join(json.dumps(value) + "\n" for value in values).encode()


@st.composite
def damaged(draw: st.DrawFn, data: bytes) -> bytes:
    """`data` with a few bytes changed, dropped or added."""
    data = bytearray(data)
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(data)))
        data[at : at + draw(st.integers(0, 3))] = draw(st.binary(max_size=3))
    return bytes(data)


records = st.lists(st.sampled_from(VALID) | mutated() | json_values, max_size=12)
event_files = st.one_of(
    st.binary(max_size=400),
    st.lists(st.binary(max_size=40) | st.sampled_from(NASTY_LINES), max_size=12).map(
        b"\n".join
    ),
    records.map(json_lines),
    records.map(lambda values: json.dumps(values).encode()),
    records.map(json_lines).flatmap(damaged),
    records.map(lambda values: json.dumps(values, indent=1).encode()).flatmap(damaged),
)


@pytest.fixture(scope="module")
def seeded_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite store holding one account, to copy for each example."""
    store = tmp_path_factory.mktemp("seeded") / "seeded.db"
    path = store.with_name("jill.jsonl")
    path.write_bytes(json_lines([registered("jill")]))
    result = CliRunner().invoke(app, ["replay", str(path), "--db", str(store)])
    assert result.exit_code == 0, result.output
    return store


@SETTINGS
@given(data=event_files)
def test_reading_any_bytes_gives_records_or_problems_on_lines(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "events.json"
        path.write_bytes(data)

        items = list(read_facts([str(path)], None))

    assert all(isinstance(item, Parsed | Problem) for item in items)
    assert all(item.file == str(path) and item.line >= 1 for item in items)


@SETTINGS
@given(data=event_files, as_json=st.booleans(), skip=st.booleans())
def test_a_replay_of_any_bytes_stores_them_or_lists_their_problems(
    seeded_store: Path, data: bytes, as_json: bool, skip: bool
) -> None:
    with tempfile.TemporaryDirectory() as directory:
        here = Path(directory)
        path, db = here / "events.jsonl", here / "store.db"
        path.write_bytes(data)
        shutil.copy(seeded_store, db)
        before = stored_rows(str(db))
        flags = ["--json"] * as_json + ["--skip-invalid"] * skip

        result = CliRunner().invoke(app, ["replay", str(path), "--db", str(db), *flags])

        assert result.exit_code in (0, 1), result.output
        assert "Traceback" not in result.output
        assert "Error: unexpected" not in result.stderr, result.stderr
        if result.exit_code == 1 and not skip:
            assert stored_rows(str(db)) == before
    if as_json:
        errors = json.loads(result.stdout)["errors"]
        assert all(e["file"] == str(path) and e["line"] >= 1 for e in errors)
    elif result.exit_code == 1:
        problems = result.stderr.splitlines()
        if not skip:
            assert SUMMARY.match(problems.pop()), result.stderr
        for line in problems:
            assert re.match(rf"{re.escape(str(path))}:[1-9]\d*: ", line) or re.match(
                r"\.\.\. and \d+ more problems$", line
            ), line
