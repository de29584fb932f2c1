"""`standing replay`: read, check whole, then store (SPEC section 3)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from eventsourcing.persistence import RecordConflictError

from cli.input import Parsed, Problem, read_facts
from domain.application import StandingApplication
from domain.errors import DomainError
from domain.session import Result, Session

SHOWN_ERRORS = 50
ATTEMPTS = 10


@dataclass
class ReplayReport:
    applied: int = 0
    duplicates: int = 0
    problems: list[Problem] = field(default_factory=list)
    stored: bool = False

    @property
    def rejected(self) -> int:
        return len(self.problems)

    def as_dict(self) -> dict[str, Any]:
        return {
            "applied": self.applied,
            "duplicates": self.duplicates,
            "rejected": self.rejected,
            "errors": [_problem_dict(p) for p in self.problems[:SHOWN_ERRORS]],
        }


def replay(
    app: StandingApplication,
    paths: list[str],
    tz: ZoneInfo | None,
    *,
    skip_invalid: bool = False,
    dry_run: bool = False,
    tick: Callable[[int], None] = lambda _: None,
) -> ReplayReport:
    """Check every record against the store and the rules, then store them.

    Nothing is stored when anything is rejected, unless `skip_invalid`. When
    another writer stores the same accounts meanwhile, the check and the save
    run again against what it stored: its facts become duplicates here.
    """
    unreadable: list[Problem] = []
    parsed = sorted(_read(read_facts(paths, tz), unreadable), key=lambda p: p.fact.at)
    committed = Tally()
    for attempt in range(1, ATTEMPTS + 1):
        session = Session(app)
        report = _check(session, parsed, unreadable, paths, tick)
        if dry_run:
            return report
        if report.problems and not skip_invalid:
            report.applied, report.duplicates = committed.total, 0
            return report
        try:
            session.save(committed=committed.add)
        except RecordConflictError:
            if attempt == ATTEMPTS:
                raise
            continue
        refused = report.rejected - len(unreadable)
        report.applied = committed.total
        report.duplicates = len(parsed) - committed.total - refused
        report.stored = True
        return report
    raise RuntimeError("unreachable")  # pragma: no cover


@dataclass
class Tally:
    """Facts this process stored, across attempts."""

    total: int = 0

    def add(self, count: int) -> None:
        self.total += count


def _read(items: Iterable[Parsed | Problem], problems: list[Problem]) -> list[Parsed]:
    parsed: list[Parsed] = []
    for item in items:
        if isinstance(item, Problem):
            problems.append(item)
        else:
            parsed.append(item)
    return parsed


def _check(
    session: Session,
    parsed: list[Parsed],
    unreadable: list[Problem],
    paths: list[str],
    tick: Callable[[int], None],
) -> ReplayReport:
    report = ReplayReport(problems=list(unreadable))
    for done, item in enumerate(parsed, 1):
        _apply(session, item, report)
        if done % 1000 == 0:
            tick(1000)
    tick(len(parsed) % 1000)
    order = {path: index for index, path in enumerate(paths)}
    report.problems.sort(key=lambda p: (order.get(p.file, len(order)), p.line))
    return report


def _apply(session: Session, item: Parsed, report: ReplayReport) -> None:
    try:
        result = session.apply(item.fact)
    except DomainError as error:
        report.problems.append(
            Problem(item.file, item.line, item.fact.ref.id, str(error))
        )
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
