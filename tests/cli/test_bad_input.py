"""Bad input: one clear line naming file, line and rule; exit 1; store unchanged."""

from __future__ import annotations

import json

import pytest

from standing.adapters.input.lines import MAX_LINE
from standing.adapters.opening import open_store
from standing.application.replay import replay
from tests.cli.records import event, registered
from tests.stores import stored_rows

BASE = [
    registered("jack"),
    registered("potus", kind="institutional", holder="Office"),
    event("post.published", "jack", "2021-01-02T00:00:00Z", post="p1"),
    {
        "type": "account.registered",
        "at": "2021-01-01T00:00:00Z",
        "account": "given",
        "holder": "G",
        "id": "fact-1",
    },
]
T = "2021-02-01T00:00:00Z"

# Each case: the malformed line (a record or raw text) and words the message must
# contain. It is written as line 3, between two good records.
CASES = {
    "bad json": ('{"type": "account.registered", "at": ', "invalid JSON"),
    "json nested too deeply": ('{"type": ' + "[" * 100_000, "nested too deeply"),
    "not an object": ("[1, 2, 3]", "object"),
    "unknown type": (event("account.lockd", "jack", T), "unknown type"),
    "unknown field": (
        event("post.published", "jack", T, post="x", txet="hi"),
        "unknown field",
    ),
    "missing type": ({"at": T, "account": "jack"}, "type"),
    "missing at": ({"type": "post.published", "account": "jack", "post": "x"}, "at"),
    "missing account": ({"type": "post.published", "at": T, "post": "x"}, "account"),
    "missing holder": (
        {"type": "account.registered", "at": T, "account": "new"},
        "holder",
    ),
    "bad handle": (event("post.published", "ja ck", T, post="x"), "handle"),
    "bad platform": (
        event("post.published", "jack", T, post="x", platform="Twit ter"),
        "platform",
    ),
    "unparsable time": (event("post.published", "jack", "yesterday", post="x"), "at"),
    "naive time without tz": (
        event("post.published", "jack", "2021-02-01T10:00", post="x"),
        "offset",
    ),
    "bad duration": (
        event("account.locked", "jack", T, reason="r", duration="PT12X"),
        "duration",
    ),
    "month duration": (
        event("account.locked", "jack", T, reason="r", duration="P1M"),
        "duration",
    ),
    "duration and until": (
        event(
            "account.locked",
            "jack",
            T,
            reason="r",
            duration="PT1H",
            until="2021-03-01T00:00:00Z",
        ),
        "not both (rule lock.duration_or_until: @jack was active at 2021-02-01",
    ),
    "until before at": (
        event("account.locked", "jack", T, reason="r", until="2021-01-31T00:00:00Z"),
        "until must be later than at (rule lock.until: @jack was active",
    ),
    "permanent with duration": (
        event(
            "account.suspended", "jack", T, reason="r", permanent=True, duration="P7D"
        ),
        "(rule suspension.permanent: @jack was active at 2021-02-01",
    ),
    "bad kind": (registered("new", kind="robot"), "kind"),
    "note too long": (
        event("post.published", "jack", T, post="x", note="n" * 2001),
        "note",
    ),
    "effective_at before at": (
        event(
            "account.transfer_scheduled",
            "potus",
            T,
            successor="B",
            effective_at="2021-01-01T00:00:00Z",
        ),
        "(rule transfer.effective_at: @potus was active at 2021-02-01",
    ),
    "unknown account": (
        event("post.published", "nobody", T, post="x"),
        "unknown account",
    ),
    "registered twice": (registered("jack", at=T), "already registered"),
    "duplicate post id": (event("post.published", "jack", T, post="p1"), "p1"),
    "removing a post never published": (
        event("post.removed", "jack", T, post="zz"),
        "zz",
    ),
    "unlocking an active account": (event("account.unlocked", "jack", T), "active"),
    "reinstating an active account": (event("account.reinstated", "jack", T), "active"),
    "transfer of a personal account": (
        event("account.transferred", "jack", T, successor="B"),
        "institutional",
    ),
    "archive_to an existing account": (
        event("account.transferred", "potus", T, successor="B", archive_to="jack"),
        "existing",
    ),
    "require_removal of a foreign post": (
        event("account.locked", "jack", T, reason="r", require_removal=["nope"]),
        "require_removal",
    ),
    "backdated": (
        event("post.published", "jack", "2021-01-01T12:00:00Z", post="x"),
        "backdated",
    ),
    "number too long to convert": (
        '{"type": "post.published", "at": "2021-02-01T00:00:00Z", "account": "jack",'
        f' "post": {"1" * 5000}}}',
        "number too long",
    ),
    "line longer than 1 MiB": (
        json.dumps(event("post.published", "jack", T, post="x")) + " " * MAX_LINE,
        "line too long",
    ),
    "conflicting id": (
        {
            "type": "account.registered",
            "at": T,
            "account": "other",
            "holder": "O",
            "id": "fact-1",
        },
        "fact-1",
    ),
}


@pytest.fixture
def seeded(standing, events_file, db):
    result = standing("replay", str(events_file(*BASE)))
    assert result.exit_code == 0, result.output
    return stored_rows(db)


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_bad_record_rejects_the_whole_replay(case, seeded, standing, events_file, db):
    bad, words = CASES[case]
    good_before = event("post.published", "jack", "2021-01-31T00:00:00Z", post="ok1")
    good_after = event("post.published", "jack", "2021-03-01T00:00:00Z", post="ok2")
    path = events_file("# a comment line", good_before, bad, good_after)

    result = standing("replay", str(path))

    assert result.exit_code == 1
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"{path}:3:"), first
    assert words.lower() in first.lower(), first
    assert "Traceback" not in result.output
    assert stored_rows(db) == seeded


def test_bad_utf8_names_the_line(seeded, standing, tmp_path, db):
    path = tmp_path / "bad.jsonl"
    good = json.dumps(event("post.published", "jack", T, post="ok")).encode()
    path.write_bytes(good + b"\n" + b'{"type": "\xff"}\n')

    result = standing("replay", str(path))

    assert result.exit_code == 1
    assert result.stderr.startswith(f"{path}:2:")
    assert "UTF-8" in result.stderr
    assert stored_rows(db) == seeded


def test_every_problem_is_listed_with_json(seeded, standing, events_file, db):
    path = events_file(
        event("account.lockd", "jack", T),
        "{nope",
        event("post.removed", "jack", T, post="zz"),
    )

    result = standing("replay", str(path), "--json")

    report = json.loads(result.stdout)
    assert result.exit_code == 1
    assert report["applied"] == 0
    assert report["rejected"] == 3
    assert [(e["file"], e["line"]) for e in report["errors"]] == [
        (str(path), 1),
        (str(path), 2),
        (str(path), 3),
    ]
    assert stored_rows(db) == seeded


def test_only_the_first_fifty_problems_are_shown(seeded, standing, events_file):
    path = events_file(*["{nope"] * 60)

    result = standing("replay", str(path))

    assert result.exit_code == 1
    assert "... and 10 more problems" in result.stderr
    assert len([line for line in result.stderr.splitlines() if ":" in line]) >= 50


def test_every_problem_is_listed_when_one_holds_a_number_too_long(
    seeded, standing, events_file, db
):
    path = events_file(
        "{nope",
        f'{{"type": "account.registered", "account": "x", "holder": {"9" * 5000}}}',
        event("post.removed", "jack", T, post="zz"),
    )

    result = standing("replay", str(path), "--json")

    report = json.loads(result.stdout)
    assert result.exit_code == 1
    assert [(e["line"], e["message"][:26]) for e in report["errors"]] == [
        (1, "invalid JSON: Expecting pr"),
        (2, "a number too long to read "),
        (3, "no post 'zz' was published"),
    ]
    assert stored_rows(db) == seeded


def test_a_replay_keeps_the_first_fifty_problems_and_counts_the_rest(
    seeded, events_file, db
):
    path = events_file(*["{nope"] * 60, event("post.removed", "jack", T, post="zz"))

    report = replay(open_store(db), [str(path)], None)

    assert report.rejected == 61
    assert [problem.line for problem in report.problems] == list(range(1, 51))
    assert stored_rows(db) == seeded


def test_where_a_file_stopped_being_read_is_shown_after_the_first_fifty(
    seeded, standing, events_file, db
):
    path = events_file(*["{}"] * 10_000, registered("amy"))

    shown = standing("replay", str(path))
    as_json = standing("replay", str(path), "--json")

    assert shown.exit_code == as_json.exit_code == 1
    stopped = (
        f"{path}:10000: missing required field 'type'; 10,000 problems in a row: "
        "not an event file, the rest of the file was not read"
    )
    assert shown.stderr.splitlines()[49:] == [
        f"{path}:50: missing required field 'type'",
        "... and 9949 more problems",
        stopped,
        "Error: 10000 record(s) rejected; nothing was stored "
        "(--skip-invalid stores the valid ones)",
    ]
    errors = json.loads(as_json.stdout)["errors"]
    assert [error["line"] for error in errors] == [*range(1, 51), 10_000]
    assert stored_rows(db) == seeded
