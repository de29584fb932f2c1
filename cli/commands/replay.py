"""`standing replay FILE...`"""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.console import Console

from standing.adapters.input import Problem, parse_tz
from standing.adapters.input.files import check_readable
from standing.adapters.opening import open_store
from standing.adapters.store import redact, resolve
from standing.adapters.store_check import holds_events
from standing.application.replay import SHOWN_ERRORS, Destination, ReplayReport, replay
from standing.cli import options
from standing.cli.edge import REJECTED, reported, stderr
from standing.cli.replay_progress import ReplayProgress
from standing.projections import ReadModel

STOPPED = (
    "what was stored stays, in whole batches; run the same replay again to "
    "finish it (what is stored already is skipped as a duplicate)"
)

Files = Annotated[
    list[str],
    typer.Argument(
        metavar="FILE",
        help="JSON Lines or JSON array files; - reads standard input.",
        show_default=False,
    ),
]


def replay_command(
    files: Files,
    db: options.Db = None,
    tz: options.Tz = None,
    skip_invalid: Annotated[
        bool,
        typer.Option("--skip-invalid", help="Store the valid events; still exit 1."),
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Check only; store nothing.")
    ] = False,
    as_json: options.Json = False,
    debug: options.Debug = False,
) -> None:
    """Replay dated facts into the store, checked whole before anything is written."""
    with reported(debug, STOPPED):
        zone = parse_tz(tz) if tz is not None else None
        check_readable(files)  # a usage error, told before the store is opened
        into = _destination(db)
        app = into.app or open_store(":memory:")
        shown = not as_json and stderr.is_terminal
        with ReplayProgress(stderr, files, shown) as progress:
            report = replay(
                app,
                files,
                zone,
                skip_invalid=skip_invalid,
                dry_run=dry_run,
                watch=progress,
                into=into,
            )
            if report.stored and into.app is not None:
                # so that the first query after a replay answers at once
                model = ReadModel(into.app)
                model.catch_up(progress=progress.read_models(model))
    if as_json:
        typer.echo(json.dumps(report.as_dict()))
    else:
        _print_report(report, redact(resolve(db)), dry_run, skip_invalid)
    if report.problems:
        raise typer.Exit(REJECTED)


def _destination(db: str | None) -> Destination:
    """The store at `db`; one that is not there yet is checked as an empty one
    and created only to store events, so a rejected or dry run leaves none."""
    if holds_events(db):
        return Destination.of(open_store(db))
    return Destination(lambda: open_store(db))


def _print_report(
    report: ReplayReport, store: str, dry_run: bool, skip_invalid: bool
) -> None:
    for problem in report.problems[:SHOWN_ERRORS]:
        _print_problem(problem)
    hidden = report.rejected - len(report.problems)
    if hidden > 0:
        stderr.print(f"... and {hidden} more problems", markup=False)
    for problem in report.problems[SHOWN_ERRORS:]:  # where a file stopped being read
        _print_problem(problem)
    out = Console(highlight=False)
    if report.problems and not skip_invalid:
        outcome = "a replay would store nothing" if dry_run else "nothing was stored"
        stderr.print(
            f"Error: {report.rejected} record(s) rejected; {outcome} "
            "(--skip-invalid stores the valid ones)",
            markup=False,
        )
        return
    verb = "Would apply" if dry_run else "Applied"
    out.print(
        f"{verb} {report.applied} event(s), {report.duplicates} duplicate(s) skipped, "
        f"{report.rejected} rejected — {store}",
        markup=False,
    )


def _print_problem(problem: Problem) -> None:
    where = f"{problem.file}:{problem.line}"
    ident = f" [{problem.id}]" if problem.id else ""
    stderr.print(f"{where}:{ident} {problem.message}", markup=False)
