"""What a user sees when the store is busy, missing or guarded by a password."""

from __future__ import annotations

import errno
import io
import json
import os
import re
import sqlite3
import tempfile
from contextlib import closing
from pathlib import Path

import pytest
from typer.testing import CliRunner

from standing.adapters.store import redact
from standing.cli.main import app
from tests.cli.records import event, registered
from tests.stores import schemas_not_there_yet, stored_rows


def test_a_writer_waits_a_bounded_time_for_a_locked_sqlite_store_then_exits_3(
    tmp_path, events_file, monkeypatch
):
    db = tmp_path / "busy.db"
    path = events_file(registered("jack"))
    CliRunner().invoke(app, ["replay", str(path), "--db", str(db)])
    other_writer = sqlite3.connect(db, isolation_level=None)
    other_writer.execute("BEGIN EXCLUSIVE")
    monkeypatch.setenv("STANDING_LOCK_TIMEOUT", "1")

    result = CliRunner().invoke(
        app, ["replay", str(events_file(registered("jill"))), "--db", str(db)]
    )

    other_writer.rollback()
    assert result.exit_code == 3
    assert "database is locked" in result.stderr
    assert "STANDING_LOCK_TIMEOUT" in result.stderr


def test_passwords_never_appear_in_errors():
    url = "postgresql://auditor:s3cret-pw@127.0.0.1:1/standing"

    result = CliRunner().invoke(app, ["state", "jack", "--db", url])

    assert result.exit_code == 3
    assert "s3cret-pw" not in result.output
    assert "postgresql://auditor:***@127.0.0.1:1/standing" in result.stderr


def test_redact_hides_only_the_password():
    assert redact("postgresql://a:b@h:5/d") == "postgresql://a:***@h:5/d"
    assert redact("postgresql://a@h/d") == "postgresql://a@h/d"
    assert redact("standing.db") == "standing.db"


def test_redact_hides_whatever_may_hold_a_password():
    assert redact("postgresql://a:p/w@h/d") == "postgresql://a:***@h/d"
    assert redact("postgresql://a:p@w@h/d") == "postgresql://a:***@h/d"
    assert redact("postgresql://a/p@h/d") == "postgresql://***@h/d"
    assert redact("postgresql:/a:pw@h/d") == "postgresql:/a:***@h/d"
    assert redact("postgresql://a:pw@[::1/d") == "postgresql://a:***@[::1/d"


# each needs percent-encoding in an address; unencoded, it ends the password
PASSWORDS = ["12345/sEcReT", "sEcR#eT9", "sEcR?eT9", "sEcR[eT9]"]


@pytest.mark.parametrize("password", PASSWORDS)
@pytest.mark.parametrize("debug", [[], ["--debug"]], ids=["plain", "debug"])
@pytest.mark.parametrize("command", ["state", "replay"])
def test_a_password_that_needed_percent_encoding_is_never_printed(
    password, debug, command, events_file
):
    url = f"postgresql://auditor:{password}@127.0.0.1:1/standing"
    args = ["state", "jack"] if command == "state" else ["replay", "-"]

    result = CliRunner().invoke(app, [*args, "--db", url, *debug], input="")

    assert result.exit_code == 2
    assert "percent-encoded" in result.stderr
    assert "postgresql://auditor:***@127.0.0.1:1/standing" in result.stderr
    for part in filter(None, re.split(r"[/#?\[\]]", password)):
        assert part not in result.output


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("postgresql://auditor:sEcReT@127.0.0.1:port/db", "the port must be a number"),
        ("postgresql://auditor:sEcReT@127.0.0.1:99999/db", "the port must be a number"),
        ("postgresql://auditor:sEcReT@[::1/db", "IPv6 host in brackets"),
        ("postgresql://auditor:sEcReT@[no-address]:5432/db", "IPv6 host in brackets"),
        ("sqlite:///", "names no file"),
    ],
)
@pytest.mark.parametrize("given", ["option", "environment"])
def test_a_malformed_store_address_is_a_usage_error_saying_what_is_wrong(
    url, why, given, monkeypatch
):
    option = ["--db", url] if given == "option" else []
    if given == "environment":
        monkeypatch.setenv("STANDING_DB", url)

    result = CliRunner().invoke(app, ["state", "jack", *option])

    assert result.exit_code == 2
    assert why in result.stderr
    assert "sEcReT" not in result.output
    assert "unexpected" not in result.stderr


@pytest.mark.parametrize("value", ["abc", "-1", "1.5"])
@pytest.mark.parametrize("command", ["state", "replay"])
def test_a_lock_timeout_not_a_whole_number_of_seconds_is_a_usage_error(
    value, command, tmp_path, events_file, monkeypatch
):
    db = str(tmp_path / "store.db")
    path = str(events_file(registered("jack")))
    CliRunner().invoke(app, ["replay", path, "--db", db])
    monkeypatch.setenv("STANDING_LOCK_TIMEOUT", value)
    args = ["state", "jack"] if command == "state" else ["replay", path]

    result = CliRunner().invoke(app, [*args, "--db", db])

    assert result.exit_code == 2
    assert "STANDING_LOCK_TIMEOUT must be a whole number of seconds" in result.stderr


@pytest.mark.parametrize("command", ["state", "replay"])
def test_a_folder_given_as_the_store_exits_3_and_says_to_name_a_file(
    command, tmp_path, events_file
):
    args = ["state", "jack"]
    if command == "replay":
        args = ["replay", str(events_file(registered("jack")))]

    result = CliRunner().invoke(app, [*args, "--db", str(tmp_path)])

    assert result.exit_code == 3
    assert f"{tmp_path}: it is a folder; name a file in it" in result.stderr


def test_a_store_name_too_long_for_the_system_exits_3_saying_so(tmp_path):
    db = str(tmp_path / ("a" * 300))

    result = CliRunner().invoke(app, ["state", "jack", "--db", db])

    assert result.exit_code == 3
    assert os.strerror(errno.ENAMETOOLONG) in result.stderr
    assert "unexpected" not in result.stderr


def test_a_store_in_a_folder_the_user_may_not_enter_exits_3_saying_so(
    tmp_path, monkeypatch
):
    guarded = tmp_path / "guarded"
    stat = Path.stat

    def refused(path: Path, *args, **kwargs):  # as for a folder without x right
        if str(path).startswith(str(guarded)):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return stat(path, *args, **kwargs)

    monkeypatch.setattr(Path, "stat", refused)

    result = CliRunner().invoke(app, ["state", "jack", "--db", f"{guarded}/s.db"])

    assert result.exit_code == 3
    assert f"{guarded}/s.db: {os.strerror(errno.EACCES)}" in result.stderr


class FullDisk(io.BytesIO):
    """A temporary file on a disk with no space left."""

    def write(self, data) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("source", ["file", "stdin"])
def test_a_full_temporary_folder_stops_a_replay_saying_where_and_what_to_do(
    source, tmp_path, events_file, monkeypatch
):
    db = str(tmp_path / "store.db")
    path = events_file(registered("jack"))
    folder = tempfile.gettempdir()
    monkeypatch.setattr(tempfile, "TemporaryFile", lambda *_, **__: FullDisk())
    args, given = ["replay", str(path)], None
    if source == "stdin":
        args, given = ["replay", "-"], path.read_text()

    result = CliRunner().invoke(app, [*args, "--db", db], input=given)

    assert result.exit_code == 3
    assert f"temporary folder {folder}: {os.strerror(errno.ENOSPC)}" in result.stderr
    assert "set TMPDIR to a folder with room" in result.stderr
    assert stored_rows(db) == []


def test_the_store_comes_from_standing_db_when_no_option_is_given(
    tmp_path, events_file, monkeypatch
):
    monkeypatch.setenv("STANDING_DB", str(tmp_path / "from-env.db"))

    CliRunner().invoke(app, ["replay", str(events_file(registered("jack")))])

    assert (tmp_path / "from-env.db").exists()


def test_projections_status_shows_position_against_the_head(standing, events_file):
    standing("replay", str(events_file(registered("jack"), registered("jill"))))

    result = standing("projections", "status", "--json")

    assert json.loads(result.stdout) == [
        {"name": "standing", "position": 2, "head": 2, "behind": 0}
    ]


def test_projections_rebuild_gives_the_same_answers(standing, events_file):
    standing("replay", str(events_file(registered("jack"), registered("jill"))))
    before = standing("accounts", "--at", "2021-02-01", "--json").stdout

    rebuilt = standing("projections", "rebuild")
    after = standing("accounts", "--at", "2021-02-01", "--json").stdout

    assert rebuilt.exit_code == 0
    assert "rebuilt to position 2" in rebuilt.stdout
    assert after == before


def test_a_query_on_a_mistyped_path_exits_3_and_creates_nothing(tmp_path):
    missing = tmp_path / "standnig.db"

    result = CliRunner().invoke(app, ["state", "jack", "--db", str(missing)])

    assert result.exit_code == 3
    assert "no store at" in result.stderr
    assert not missing.exists()


def test_a_dry_run_into_a_new_path_creates_nothing(tmp_path, events_file):
    new = tmp_path / "new.db"

    result = CliRunner().invoke(
        app,
        ["replay", str(events_file(registered("jack"))), "--dry-run", "--db", str(new)],
    )

    assert result.exit_code == 0
    assert not new.exists()


def test_a_rejected_replay_into_a_new_store_leaves_no_store(standing, events_file):
    path = events_file(
        registered("jack"), event("account.unlocked", "jack", "2021-01-02T00:00:00Z")
    )

    rejected = standing("replay", str(path))
    query = standing("state", "jack")

    assert rejected.exit_code == 1
    assert "nothing was stored" in rejected.stderr
    assert query.exit_code == 3
    assert "replay events into it first" in query.stderr


def test_a_dry_run_or_a_replay_with_nothing_to_store_leaves_no_new_store(
    standing, events_file
):
    valid, unreadable = events_file(registered("jack")), events_file("{not json")

    dry = standing("replay", str(valid), "--dry-run")
    skipped = standing("replay", str(unreadable), "--skip-invalid")
    query = standing("state", "jack")

    assert (dry.exit_code, skipped.exit_code) == (0, 1)
    assert query.exit_code == 3
    assert "replay events into it first" in query.stderr


def test_a_rejected_replay_adds_no_tables_to_a_sqlite_file_of_other_tables(
    tmp_path, events_file
):
    other = _file_of_other_tables(tmp_path)
    path = events_file(event("account.unlocked", "jack", "2021-01-02T00:00:00Z"))

    result = CliRunner().invoke(app, ["replay", str(path), "--db", str(other)])

    assert result.exit_code == 1
    assert _tables(other) == ["notes"]


@pytest.mark.parametrize("schema", ["Mixed", "my-store", "9lives"])
def test_a_schema_name_the_event_store_cannot_use_exits_3(schema, events_file):
    url = f"postgresql://postgres@127.0.0.1:1/test?schema={schema}"  # never reached

    result = CliRunner().invoke(
        app, ["replay", str(events_file(registered("jack"))), "--db", url]
    )

    assert result.exit_code == 3
    assert f"cannot use schema '{schema}'" in result.stderr


def test_a_replay_creates_the_schema_it_names_only_when_it_stores(events_file):
    rejected = events_file(event("account.unlocked", "jack", "2021-01-02T00:00:00Z"))
    valid = events_file(registered("jack"))
    runner = CliRunner()

    with schemas_not_there_yet() as (base, [schema]):
        url = f"{base}?schema={schema}"
        runner.invoke(app, ["replay", str(rejected), "--db", url])
        after_rejected = _schemas(base, schema)
        stored = runner.invoke(app, ["replay", str(valid), "--db", url])
        after_stored = _schemas(base, schema)

    assert after_rejected == []
    assert stored.exit_code == 0
    assert after_stored == [schema]


def test_an_unsupported_store_address_exits_3():
    result = CliRunner().invoke(app, ["state", "jack", "--db", "mysql://x@y/z"])

    assert result.exit_code == 3
    assert "unsupported store address" in result.stderr


@pytest.mark.parametrize("command", [["state", "jack"], ["projections", "status"]])
def test_a_query_on_a_sqlite_file_of_other_tables_exits_3_and_writes_nothing(
    tmp_path, command
):
    other = _file_of_other_tables(tmp_path)

    result = CliRunner().invoke(app, [*command, "--db", str(other)])

    assert result.exit_code == 3
    assert "it holds other tables, not standing's events" in result.stderr
    assert _tables(other) == ["notes"]


def test_a_query_on_an_events_table_not_standings_exits_3(tmp_path):
    other = tmp_path / "other.db"
    with closing(sqlite3.connect(other)) as connection:
        connection.execute("CREATE TABLE stored_events (x)")
        connection.commit()

    result = CliRunner().invoke(app, ["state", "jack", "--db", str(other)])

    assert result.exit_code == 3
    assert "its events table is not standing's" in result.stderr
    assert _tables(other) == ["stored_events"]


def test_a_query_on_an_empty_store_exits_3_and_leaves_it_empty(standing, db):
    if "://" not in db:
        Path(db).touch()  # an empty SQLite file; PostgreSQL's schema is empty

    result = standing("state", "jack")

    assert result.exit_code == 3
    assert "holds no standing events; replay events into it first" in result.stderr
    if "://" not in db:
        assert Path(db).stat().st_size == 0


def _tables(path) -> list[str]:
    with closing(sqlite3.connect(path)) as connection:
        rows = connection.execute("SELECT name FROM sqlite_master ORDER BY name")
        return [name for (name,) in rows]


def _schemas(base: str, name: str) -> list[str]:
    import psycopg

    with psycopg.connect(base) as connection:
        query = "SELECT nspname FROM pg_namespace WHERE nspname=%s"
        return [row[0] for row in connection.execute(query, (name,))]


def _file_of_other_tables(folder: Path) -> Path:
    """A SQLite file of another program's, with one table, `notes`."""
    other = folder / "other.db"
    with closing(sqlite3.connect(other)) as connection:
        connection.execute("CREATE TABLE notes (text)")
        connection.commit()
    return other
