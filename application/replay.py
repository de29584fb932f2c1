"""`standing replay`: read, check whole, then store (SPEC section 3)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from eventsourcing.persistence import RecordConflictError, StoredEvent

from standing.adapters.collecting import fewer_collections
from standing.adapters.event_store import EventStore
from standing.adapters.input import Parsed, Problem
from standing.adapters.input.files import check_readable
from standing.adapters.input.problems import SHOWN, Problems
from standing.adapters.spool import Spool
from standing.application.ordering import (
    Records,
    Unsorted,
    in_time_order,
    sorted_records,
)
from standing.application.replay_watch import UNWATCHED, Watch
from standing.application.session import Result, Session
from standing.domain.errors import DomainError

SHOWN_ERRORS = SHOWN
ATTEMPTS = 10
BATCH_FACTS = 5000  # facts checked between two batches set down in the spool


@dataclass
class ReplayReport:
    """What a replay did. `problems`: the first `SHOWN_ERRORS` problems, in
    input order, then any that stopped the reading of a file; `rejected`
    counts them all."""

    applied: int = 0
    duplicates: int = 0
    problems: list[Problem] = field(default_factory=list)
    rejected: int = 0
    stored: bool = False
    unreadable: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "applied": self.applied,
            "duplicates": self.duplicates,
            "rejected": self.rejected,
            "errors": [_problem_dict(p) for p in self.problems],
        }


def replay(
    app: EventStore,
    paths: list[str],
    tz: ZoneInfo | None,
    *,
    skip_invalid: bool = False,
    dry_run: bool = False,
    watch: Watch = UNWATCHED,
    into: Destination | None = None,
) -> ReplayReport:
    """Check every record against the store and the rules, then store them.

    A file that cannot be read raises `UnreadableFile` (an `InputError`)
    before anything is read. Nothing is stored when anything is rejected,
    unless `skip_invalid`. When another writer stores the same accounts
    meanwhile, the check and the save run again against what it stored: its
    facts become duplicates here.
    The checked events wait on disk (`Spool`), so memory holds the accounts,
    not the events.

    The events go `into` the destination's store, `app` itself by default. A
    store that is not there yet is checked as an empty one (`app`, in memory)
    and opened, so created, only when there are events to store.
    """
    check_readable(paths)
    into = into or Destination.of(app)
    committed = Tally()
    with Records(paths, tz) as source, fewer_collections():
        for attempt in range(1, ATTEMPTS + 1):
            try:
                return _attempt(
                    app,
                    source,
                    into,
                    committed,
                    skip_invalid=skip_invalid,
                    dry_run=dry_run,
                    watch=watch,
                )
            except RecordConflictError:  # a lost race, found checking or storing
                if attempt == ATTEMPTS:
                    raise
                app = into.app or app  # check again against what is stored
    raise RuntimeError("unreachable")  # pragma: no cover


def _attempt(
    app: EventStore,
    source: Records,
    into: Destination,
    committed: Tally,
    *,
    skip_invalid: bool,
    dry_run: bool,
    watch: Watch,
) -> ReplayReport:
    """Check every record, then store the checked events unless refused."""
    with Spool() as spool:
        report, read = _checked(app, source, spool, watch)
        if dry_run:
            return report
        if report.problems and not skip_invalid:
            # what was stored stays stored: an earlier attempt's facts
            # are applied, not duplicates; the rest as checked
            report.duplicates -= committed.total
            report.applied = committed.total
            return report
        watch.storing(report.applied)
        _store(into, spool, committed, watch)
    refused = report.rejected - report.unreadable
    report.applied = committed.total
    report.duplicates = read - committed.total - refused
    report.stored = True
    return report


@dataclass
class Destination:
    """The store a replay writes into: `app`, else the one `opener` opens (and
    so creates) on the first events to store."""

    opener: Callable[[], EventStore]
    app: EventStore | None = None

    @classmethod
    def of(cls, app: EventStore) -> Destination:
        return cls(lambda: app, app)

    def opened(self) -> EventStore:
        if self.app is None:
            self.app = self.opener()
        return self.app


@dataclass
class Tally:
    """Facts this process stored, across attempts."""

    total: int = 0

    def add(self, count: int) -> None:
        self.total += count


def _checked(
    app: EventStore, source: Records, spool: Spool, watch: Watch
) -> tuple[ReplayReport, int]:
    """The report of checking every record in time order, and how many were
    read; the events to store go to `spool`."""
    try:
        with source.reading() as items:
            read = watch.reading(items, sorting=False)
            return _check(app, in_time_order(read), spool, source, watch)
    except Unsorted:
        spool.clear()
    with source.reading() as items:
        read = watch.reading(items, sorting=True)
        return _check(app, sorted_records(read), spool, source, watch)


def _check(
    app: EventStore,
    items: Iterable[Parsed | Problem],
    spool: Spool,
    source: Records,
    watch: Watch,
) -> tuple[ReplayReport, int]:
    session = Session(app)
    report = ReplayReport()
    problems = Problems(source.paths)
    read = 0
    for item in items:
        if isinstance(item, Problem):
            problems.add(item)
            report.unreadable += 1
            continue
        _apply(session, item, report, problems)
        read += 1
        if read % BATCH_FACTS == 0:
            _set_down(session, spool)
            watch.checked(BATCH_FACTS)
    _set_down(session, spool)
    watch.checked(read % BATCH_FACTS)
    report.problems, report.rejected = problems.shown(), problems.count
    return report, read


def _set_down(session: Session, spool: Spool) -> None:
    spool.add(*session.collect())


def _store(into: Destination, spool: Spool, committed: Tally, watch: Watch) -> None:
    """The checked batches in the order they were checked, as many in one
    transaction as the store takes well (a commit waits for the disk)."""
    events: list[StoredEvent] = []
    facts = 0
    for batch, count in spool:
        events.extend(batch)
        facts += count
        if events and len(events) >= into.opened().largest_commit:
            into.opened().insert(events)
            committed.add(facts)
            watch.stored(facts)
            events, facts = [], 0
    if events:
        into.opened().insert(events)
    committed.add(facts)
    watch.stored(facts)


def _apply(
    session: Session, item: Parsed, report: ReplayReport, problems: Problems
) -> None:
    try:
        result = session.apply(item.fact)
    except DomainError as error:
        problems.add(Problem(item.file, item.line, item.fact.ref.id, str(error)))
        return
    if result is Result.DUPLICATE:
        report.duplicates += 1
    else:
        report.applied += 1


def _problem_dict(problem: Problem) -> dict[str, Any]:
    return {
        "file": problem.file,
        "line": problem.line,
        "id": problem.id,
        "message": problem.message,
    }
