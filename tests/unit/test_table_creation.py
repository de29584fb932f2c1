import pytest
from eventsourcing.persistence import (
    IntegrityError,
    OperationalError,
    ProgrammingError,
)

from standing.adapters.creation import created


class Creator:
    """Fails with the given errors, one per call, then makes the store."""

    def __init__(self, *failures: Exception) -> None:
        self.failures = list(failures)
        self.calls = 0

    def __call__(self) -> str:
        self.calls += 1
        if self.failures:
            raise self.failures.pop(0)
        return "store"


def test_a_writer_that_lost_the_migration_marker_race_tries_again():
    make = Creator(IntegrityError("Failed to record tracking for __migration__ 1"))

    store = created(make)

    assert (store, make.calls) == ("store", 2)


def test_a_writer_that_lost_the_race_for_a_table_tries_again():
    lost = ProgrammingError('relation "stored_events" already exists')
    make = Creator(lost, lost)

    store = created(make)

    assert (store, make.calls) == ("store", 3)


def test_a_lost_race_is_recognised_through_the_error_chain():
    try:
        try:
            raise ProgrammingError('duplicate key "pg_type_typname_nsp_index"')
        except ProgrammingError as cause:
            raise RuntimeError("could not open the store") from cause
    except RuntimeError as error:
        make = Creator(error)

    store = created(make)

    assert (store, make.calls) == ("store", 2)


def test_any_other_failure_is_raised_at_once():
    make = Creator(IntegrityError("Failed to record tracking for follower 7"))

    with pytest.raises(IntegrityError, match="follower 7"):
        created(make)

    assert make.calls == 1


def test_a_writer_that_met_a_catalogue_row_being_updated_tries_again():
    make = Creator(IntegrityError("tuple concurrently updated"))

    store = created(make)

    assert (store, make.calls) == ("store", 2)


@pytest.mark.parametrize(
    "lost",
    [
        OperationalError("deadlock detected"),
        IntegrityError('duplicate key value violates "pg_namespace_nspname_index"'),
    ],
)
def test_a_writer_that_deadlocked_or_lost_the_schema_race_tries_again(lost):
    make = Creator(lost)

    store = created(make)

    assert (store, make.calls) == ("store", 2)
