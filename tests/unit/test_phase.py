"""`advance(phase, at)`: what time alone does to an account's phase."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from standing.domain.phase import (
    Phase,
    RestrictionEnded,
    ScheduledTransfer,
    TransferHappened,
    TransferLapsed,
    advance,
)
from standing.domain.restrictions import Lock, Status, Suspension

T0 = datetime(2021, 1, 6, 12, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)
TICK = timedelta(microseconds=1)


def locked(**lock_fields) -> Phase:
    return Phase(Status.ACTIVE, T0, "Jack").restricted(Lock(T0, "r", **lock_fields))


def suspended(**suspension_fields) -> Phase:
    return Phase(Status.ACTIVE, T0, "Jack").restricted(
        Suspension(T0, "r", **suspension_fields)
    )


def test_an_unrestricted_phase_stays_as_it_is():
    phase = Phase(Status.ACTIVE, T0, "Jack")

    later, happened = advance(phase, T0 + timedelta(days=3650))

    assert later == phase
    assert happened == []


def test_a_lock_is_in_force_until_just_before_its_end():
    phase = locked(duration=12 * HOUR)

    before, happened = advance(phase, T0 + 12 * HOUR - TICK)

    assert before == phase
    assert happened == []


def test_a_lock_ending_at_e_is_over_at_e():
    phase = locked(duration=12 * HOUR)

    after, happened = advance(phase, T0 + 12 * HOUR)

    assert after.status == Status.ACTIVE
    assert after.since == T0 + 12 * HOUR
    assert after.restriction is None
    assert after.holder == "Jack"
    ended = RestrictionEnded(T0 + 12 * HOUR, phase.restriction, phase.status, T0)
    assert happened == [ended]


def test_a_lock_awaiting_removals_does_not_run_out():
    phase = locked(duration=HOUR, awaiting=frozenset({"p1"}), waits_for_removal=True)

    later, happened = advance(phase, T0 + timedelta(days=3650))

    assert later.status == Status.LOCKED
    assert later.until is None
    assert happened == []


def test_a_lock_runs_from_the_last_removal():
    phase = locked(duration=HOUR, waits_for_removal=True, last_removal=T0 + 5 * HOUR)

    assert phase.until == T0 + 6 * HOUR
    assert advance(phase, T0 + 6 * HOUR - TICK)[0].status == Status.LOCKED
    assert advance(phase, T0 + 6 * HOUR)[0].status == Status.ACTIVE


def test_a_lock_until_an_instant_before_the_last_removal_ends_at_the_removal():
    phase = locked(until=T0 + HOUR, waits_for_removal=True, last_removal=T0 + 3 * HOUR)

    assert phase.until == T0 + 3 * HOUR


def test_a_temporary_suspension_runs_out_but_a_permanent_one_never_does():
    temporary = suspended(ends=T0 + HOUR)
    permanent = suspended(permanent=True)

    assert advance(temporary, T0 + HOUR)[0].status == Status.ACTIVE
    assert advance(permanent, T0 + timedelta(days=36500))[0] == permanent


def test_a_transfer_due_at_d_has_happened_at_d():
    transfer = ScheduledTransfer(T0, "Jill", T0 + HOUR, "archive")
    phase = Phase(Status.ACTIVE, T0, "Jack", scheduled=transfer)

    before, _ = advance(phase, T0 + HOUR - TICK)
    after, happened = advance(phase, T0 + HOUR)

    assert before == phase
    assert after == Phase(Status.ACTIVE, T0 + HOUR, "Jill", previous_holder="Jack")
    assert happened == [TransferHappened(T0 + HOUR, transfer, "Jack")]


def test_a_transfer_falling_due_ends_a_lock_that_has_not_run_out():
    transfer = ScheduledTransfer(T0, "Jill", T0 + HOUR)
    phase = Phase(Status.ACTIVE, T0, "Jack", scheduled=transfer).restricted(
        Lock(T0, "r")
    )

    after, happened = advance(phase, T0 + HOUR)

    assert after.status == Status.ACTIVE
    assert after.restriction is None
    assert after.holder == "Jill"
    assert [type(h) for h in happened] == [TransferHappened]


def test_an_expiry_at_the_transfer_instant_comes_first():
    transfer = ScheduledTransfer(T0, "Jill", T0 + HOUR)
    phase = Phase(Status.ACTIVE, T0, "Jack", scheduled=transfer).restricted(
        Suspension(T0, "r", ends=T0 + HOUR)
    )

    after, happened = advance(phase, T0 + HOUR)

    assert [type(h) for h in happened] == [RestrictionEnded, TransferHappened]
    assert after.holder == "Jill"
    assert after.status == Status.ACTIVE


def test_changes_happen_in_order_of_time():
    transfer = ScheduledTransfer(T0, "Jill", T0 + 5 * HOUR)
    phase = Phase(Status.ACTIVE, T0, "Jack", scheduled=transfer).restricted(
        Lock(T0, "r", duration=HOUR)
    )

    _, happened = advance(phase, T0 + 10 * HOUR)

    assert [(type(h), h.at) for h in happened] == [
        (RestrictionEnded, T0 + HOUR),
        (TransferHappened, T0 + 5 * HOUR),
    ]


@pytest.mark.parametrize("status", [Status.PERMANENTLY_SUSPENDED, Status.ARCHIVED])
def test_a_transfer_falling_due_in_a_final_status_lapses(status):
    transfer = ScheduledTransfer(T0, "Jill", T0 + HOUR, "archive")
    phase = Phase(status, T0, "Jack", scheduled=transfer)

    after, happened = advance(phase, T0 + HOUR)

    assert after == Phase(status, T0, "Jack")
    assert happened == [TransferLapsed(T0 + HOUR, transfer, status)]
