"""`standing replay`: read, check whole, then store (SPEC section 3)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from cli.input import Parsed, Problem, read_facts
from domain.application import StandingApplication
from domain.errors import DomainError
from domain.session import Result, Session

SHOWN_ERRORS = 50


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

    Nothing is stored when anything is rejected, unless `skip_invalid`.
    """
    report = ReplayReport()
    parsed = _read(read_facts(paths, tz), report)
    parsed.sort(key=lambda item: item.fact.at)  # stable: ties keep input order
    session = Session(app)
    for done, item in enumerate(parsed, 1):
        _apply(session, item, report)
        if done % 1000 == 0:
            tick(1000)
    tick(len(parsed) % 1000)
    if dry_run or (report.problems and not skip_invalid):
        report.applied = 0 if not dry_run else report.applied
        return report
    session.save()
    report.stored = True
    return report


def _read(items: Iterable[Parsed | Problem], report: ReplayReport) -> list[Parsed]:
    parsed: list[Parsed] = []
    for item in items:
        if isinstance(item, Problem):
            report.problems.append(item)
        else:
            parsed.append(item)
    return parsed


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
