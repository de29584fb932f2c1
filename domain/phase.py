"""The time-dependent part of an account's state, and how time alone moves it.

A `Phase` is small and immutable, so a query can advance a copy to any later
instant without touching the aggregate: `advance(phase, at)` applies every lock
or suspension running out and every scheduled transfer falling due up to and
including `at`, in order of time (an expiry at the same instant as a transfer
comes first).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import NamedTuple

from standing.domain.restrictions import Restriction, Status, restriction_status


@dataclass(frozen=True, slots=True)
class ScheduledTransfer:
    scheduled_at: datetime
    successor: str
    effective_at: datetime
    archive_to: str | None = None


@dataclass(frozen=True, slots=True)
class TransferHappened:
    at: datetime
    transfer: ScheduledTransfer
    outgoing_holder: str


@dataclass(frozen=True, slots=True)
class TransferLapsed:
    at: datetime
    transfer: ScheduledTransfer
    status: Status


@dataclass(frozen=True, slots=True)
class RestrictionEnded:
    at: datetime
    restriction: Restriction
    status: Status  # the status it ended, and since when that status had held
    since: datetime


Happening = TransferHappened | TransferLapsed | RestrictionEnded


class Lifted(NamedTuple):
    """A status lifted: since when it had held, when it was lifted, and whether
    time alone lifted it (it ran out) rather than an unlock or reinstatement."""

    status: Status
    since: datetime
    at: datetime
    ran_out: bool = False


@dataclass(frozen=True, slots=True)
class Phase:
    status: Status
    since: datetime
    holder: str
    previous_holder: str | None = None
    restriction: Restriction | None = None
    scheduled: ScheduledTransfer | None = None

    @property
    def until(self) -> datetime | None:
        return self.restriction.ends if self.restriction else None

    @property
    def reason(self) -> str | None:
        return self.restriction.reason if self.restriction else None

    def restricted(
        self, restriction: Restriction, lifted: Lifted | None = None
    ) -> Phase:
        """With `restriction` in force. The status keeps its `since` when it
        goes on: a restriction of the same status replacing the one in force,
        or starting at the very instant the last one was lifted (`lifted`:
        the status lifted at `since`, and since when it had held)."""
        status = restriction_status(restriction)
        since = self.since if status is self.status else restriction.since
        if lifted is not None:
            was, held_since, lifted_at, _ = lifted
            if was is status and self.since == lifted_at == restriction.since:
                since = held_since
        return replace(self, status=status, since=since, restriction=restriction)

    def lifted(self, at: datetime) -> Phase:
        return replace(self, status=Status.ACTIVE, since=at, restriction=None)

    def with_restriction(self, restriction: Restriction) -> Phase:
        return replace(self, restriction=restriction)

    def with_scheduled(self, transfer: ScheduledTransfer | None) -> Phase:
        return replace(self, scheduled=transfer)

    def archived(self, at: datetime) -> Phase:
        return replace(self, status=Status.ARCHIVED, since=at, restriction=None)

    def handed_to(self, successor: str, at: datetime) -> Phase:
        return Phase(Status.ACTIVE, at, successor, previous_holder=self.holder)


def next_change(phase: Phase) -> datetime | None:
    """The next instant at which time alone changes this phase, if any: the
    restriction running out or the scheduled transfer, whichever is first."""
    until = phase.until
    if phase.scheduled is None:
        return until
    effective = phase.scheduled.effective_at
    return effective if until is None or effective < until else until


def advance(phase: Phase, at: datetime) -> tuple[Phase, list[Happening]]:
    """The phase at `at`, and what time alone made happen on the way there."""
    happened: list[Happening] = []
    while (due := next_change(phase)) is not None and due <= at:
        if phase.until is not None and phase.until == due:
            ended = phase.restriction
            happened.append(RestrictionEnded(due, ended, phase.status, phase.since))  # type: ignore[arg-type]
            phase = phase.lifted(due)
            continue
        transfer = phase.scheduled
        if transfer is None:  # pragma: no cover - next_change guarantees one
            break
        phase = replace(phase, scheduled=None)
        if phase.status in (Status.PERMANENTLY_SUSPENDED, Status.ARCHIVED):
            happened.append(TransferLapsed(due, transfer, phase.status))
        else:
            happened.append(TransferHappened(due, transfer, phase.holder))
            phase = phase.handed_to(transfer.successor, due)
    return phase, happened
