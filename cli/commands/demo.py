"""`standing demo`: the January 2021 scenario, replayed into a throwaway store."""

from __future__ import annotations

import json
import tempfile
from datetime import datetime
from importlib import resources
from pathlib import Path

import typer
from rich.table import Table

from standing.adapters.opening import open_store
from standing.application import clock
from standing.application.replay import replay
from standing.cli import options
from standing.cli.edge import reported
from standing.cli.render import status_text, when
from standing.cli.terminal import literal, terminal
from standing.cli.timelines import demo_picture
from standing.domain.identity import AccountKey
from standing.domain.standing import Standing
from standing.projections import ReadModel

SCENARIO = "january2021.jsonl"
ACCOUNTS = ("realDonaldTrump", "TeamTrump", "POTUS", "POTUS45", "GenFlynn")
MOMENTS = (
    ("2021-01-06T18:30:00-05:00", "Jan 6, 6:30pm ET: the three tweets are up"),
    (
        "2021-01-06T20:00:00-05:00",
        "Jan 6, 8pm ET: locked; the clock waits for removals",
    ),
    ("2021-01-07T12:00:00-05:00", "Jan 7, noon ET: tweets removed; 12 hours running"),
    ("2021-01-07T19:00:00-05:00", "Jan 7, 7pm ET: the lock has run out"),
    ("2021-01-08T21:00:00-05:00", "Jan 8, 9pm ET: suspensions; @POTUS posts removed"),
    ("2021-01-20T11:59:59-05:00", "Jan 20, a second before noon ET"),
    ("2021-01-20T12:00:00-05:00", "Jan 20, noon ET: @POTUS passes to Joe Biden"),
)


def scenario_path() -> Path:
    return Path(str(resources.files("cli") / "scenarios" / SCENARIO))


def demo_command(as_json: options.Json = False, debug: options.Debug = False) -> None:
    """Replay the January 2021 scenario into a throwaway store and show it."""
    with reported(debug), tempfile.TemporaryDirectory() as folder:
        app = open_store(str(Path(folder) / "demo.db"))
        report = replay(app, [str(scenario_path())], None)
        model = ReadModel(app)
        moments = [(datetime.fromisoformat(at), label) for at, label in MOMENTS]
        grid = [
            [model.standing(AccountKey.parse(handle), at) for handle in ACCOUNTS]
            for at, _ in moments
        ]
        drawn = None if as_json else demo_picture(app, clock.now())
        app.close()
    if as_json:
        typer.echo(json.dumps(_document(moments, grid)))
        return
    console = terminal()
    console.print(f"Replayed {report.applied} facts from {scenario_path().name}.")
    console.print(_table(moments, grid))
    console.print(f"Replay it yourself: standing replay {scenario_path()}")
    console.print(f"The picture, to open in a browser: {drawn}", soft_wrap=True)


def _table(moments: list[tuple[datetime, str]], grid: list[list[Standing]]) -> Table:
    table = Table(title="Twitter, January 2021", title_justify="left")
    table.add_column("moment")
    for handle in ACCOUNTS:
        table.add_column(f"@{handle}")
    for (_, label), row in zip(moments, grid, strict=True):
        table.add_row(label, *(_cell(s) for s in row))
    return table


def _cell(standing: Standing) -> object:
    text = status_text(standing.status.value if standing.status else None)
    if standing.until:
        text.append(f"\nuntil {when(standing.until)}", style="dim")
    elif any(item.type == "awaiting_removal" for item in standing.pending):
        text.append("\nawaiting removals", style="dim")
    if standing.exists and standing.holder and standing.kind == "institutional":
        text.append(f"\n{literal(standing.holder)}", style="dim")
    return text


def _document(moments: list[tuple[datetime, str]], grid: list[list[Standing]]) -> list:
    return [
        {"moment": label, "states": [s.as_dict() for s in row]}
        for (_, label), row in zip(moments, grid, strict=True)
    ]
