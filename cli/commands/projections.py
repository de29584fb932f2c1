"""`standing projections status|rebuild`."""

from __future__ import annotations

import json
import signal
from collections.abc import Callable
from typing import Annotated

import typer
from rich.table import Table

from standing.adapters.opening import open_store
from standing.adapters.store import redact, resolve
from standing.application import clock
from standing.cli import options
from standing.cli.edge import reported
from standing.cli.terminal import Terminal, terminal
from standing.cli.usage import Command
from standing.projections import ReadModel
from standing.projections.follow import Follower

app = typer.Typer(help="Show or rebuild the read models.", no_args_is_help=True)
STOPPED = (
    "the read models are partly rebuilt; the next query, or "
    "`standing projections rebuild`, completes them"
)


@app.command("status", cls=Command)
def status_command(
    as_json: options.Json = False, db: options.Db = None, debug: options.Debug = False
) -> None:
    """Each read model's position against the head of the event log."""
    with reported(debug):
        views = ReadModel(open_store(db, must_exist=True)).status()
    if as_json:
        typer.echo(json.dumps([view.as_dict() for view in views]))
        return
    table = Table(title="Read models", title_justify="left")
    for column in ("read model", "position", "head", "behind"):
        table.add_column(column, justify="right" if column != "read model" else "left")
    for view in views:
        behind = view.head - view.position
        table.add_row(view.name, str(view.position), str(view.head), str(behind))
    terminal().print(table)


@app.command("rebuild", cls=Command)
def rebuild_command(db: options.Db = None, debug: options.Debug = False) -> None:
    """Drop the read models and rebuild them from the event log."""
    with reported(debug, STOPPED):
        model = ReadModel(open_store(db, must_exist=True))
        model.rebuild()
        views = model.status()
    for view in views:
        typer.echo(f"{view.name}: rebuilt to position {view.position}")


@app.command("follow", cls=Command)
def follow_command(
    poll: Annotated[
        float,
        typer.Option(
            metavar="SECONDS",
            help="Seconds between polls on SQLite (no notifications).",
        ),
    ] = 1.0,
    db: options.Db = None,
    debug: options.Debug = False,
) -> None:
    """Keep the read models current as events arrive, until Ctrl-C or SIGTERM.

    On PostgreSQL it wakes on the store's notifications; on SQLite it polls.
    A restarted follower resumes from its tracked position.
    """
    console = terminal(soft_wrap=True)
    with reported(debug):
        follower = Follower(ReadModel(open_store(db)), _reporter(console), poll)
        for number in (signal.SIGINT, signal.SIGTERM):
            signal.signal(number, lambda *_: follower.stop())
        console.print(
            f"Following {redact(resolve(db))} from position {follower.position}; "
            "Ctrl-C to stop."
        )
        position = follower.run()
    console.print(f"Stopped at position {position}.")


def _reporter(console: Terminal) -> Callable[[int, int], None]:
    def caught_up(processed: int, position: int) -> None:
        now = clock.now().strftime("%H:%M:%SZ")
        console.print(f"{now} +{processed} events, position {position}")

    return caught_up
