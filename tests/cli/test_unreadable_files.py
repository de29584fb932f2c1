"""A file that cannot be read is a usage error (SPEC section 3): exit 2, one
line naming it, nothing stored whatever the flags, checked before anything
is read."""

from __future__ import annotations

import os

import pytest

from tests.cli.records import registered
from tests.stores import stored_rows

USAGE = 2


@pytest.fixture
def seeded(standing, events_file, db):
    """The rows of a store that holds one event already."""
    assert standing("replay", str(events_file(registered("jill")))).exit_code == 0
    return stored_rows(db)


@pytest.mark.parametrize("flags", [[], ["--skip-invalid"]])
def test_a_missing_file_is_a_usage_error_and_nothing_is_stored(
    seeded, standing, events_file, tmp_path, db, flags
):
    valid, missing = events_file(registered("jack")), tmp_path / "mistyped.jsonl"

    result = standing("replay", str(valid), str(missing), *flags)

    assert result.exit_code == USAGE
    assert result.stderr.splitlines() == [
        f"Error: cannot read {missing}: No such file or directory"
    ]
    assert stored_rows(db) == seeded


def test_a_directory_is_a_usage_error(seeded, standing, events_file, tmp_path, db):
    valid = events_file(registered("jack"))

    result = standing("replay", str(tmp_path), str(valid), "--skip-invalid")

    assert result.exit_code == USAGE
    assert result.stderr.splitlines() == [
        f"Error: cannot read {tmp_path}: Is a directory"
    ]
    assert stored_rows(db) == seeded


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_a_file_without_read_permission_is_a_usage_error(
    seeded, standing, events_file, db
):
    secret = events_file(registered("jack"))
    secret.chmod(0)

    result = standing("replay", str(secret), "--skip-invalid")

    assert result.exit_code == USAGE
    assert result.stderr.splitlines() == [
        f"Error: cannot read {secret}: Permission denied"
    ]
    assert stored_rows(db) == seeded


def test_files_are_checked_before_any_is_read(standing, events_file, tmp_path):
    invalid, missing = events_file("{not json"), tmp_path / "missing.jsonl"

    result = standing("replay", str(invalid), str(missing), "--json")

    assert result.exit_code == USAGE
    assert result.stdout == ""
    assert str(invalid) not in result.stderr
