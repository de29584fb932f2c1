"""`standing projections status|rebuild`."""

from __future__ import annotations

import json

import typer
from rich.console import Console
from rich.table import Table

from cli import options
from cli.edge import reported
from cli.store import open_store
from projections import ReadModel

app = typer.Typer(help="Show or rebuild the read models.", no_args_is_help=True)


@app.command("status")
def status_command(
    as_json: options.Json = False, db: options.Db = None, debug: options.Debug = False
) -> None:
    """Each read model's position against the head of the event log."""
    with reported(debug):
        views = ReadModel(open_store(db)).status()
    if as_json:
        typer.echo(json.dumps([view.as_dict() for view in views]))
        return
    table = Table(title="Read models", title_justify="left")
    for column in ("read model", "position", "head", "behind"):
        table.add_column(column, justify="right" if column != "read model" else "left")
    for view in views:
        behind = view.head - view.position
        table.add_row(view.name, str(view.position), str(view.head), str(behind))
    Console(highlight=False).print(table)


@app.command("rebuild")
def rebuild_command(db: options.Db = None, debug: options.Debug = False) -> None:
    """Drop the read models and rebuild them from the event log."""
    with reported(debug):
        model = ReadModel(open_store(db))
        model.rebuild()
        views = model.status()
    for view in views:
        typer.echo(f"{view.name}: rebuilt to position {view.position}")
