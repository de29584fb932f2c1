"""`standing demo`: the January 2021 scenario, replayed into a throwaway store."""

from __future__ import annotations

import json
import shlex
import tempfile
from datetime import datetime
from importlib import resources
from pathlib import Path

import typer

from standing.adapters.opening import open_store
from standing.application import clock
from standing.application.replay import replay
from standing.cli import options
from standing.cli.demo_story import Moment, print_story
from standing.cli.edge import reported
from standing.cli.paging import paged
from standing.cli.terminal import Terminal, terminal
from standing.cli.timelines import demo_picture
from standing.domain.identity import AccountKey
from standing.domain.standing import Standing
from standing.projections import ReadModel

SCENARIO = "january2021.jsonl"
IN_A_CHECKOUT = Path("examples") / SCENARIO
ACCOUNTS = (
    "realDonaldTrump",
    "TeamTrump",
    "POTUS",
    "POTUS45",
    "GenFlynn",
    "SidneyPowell1",
)
MOMENTS = (
    ("2021-01-06T18:30:00-05:00", "Jan 6, 6:30pm ET", "the three tweets are up"),
    ("2021-01-06T20:00:00-05:00", "Jan 6, 8pm ET", "locked; the clock waits"),
    ("2021-01-07T12:00:00-05:00", "Jan 7, noon ET", "tweets removed; 12 hours run"),
    ("2021-01-07T19:00:00-05:00", "Jan 7, 7pm ET", "the lock has run out"),
    ("2021-01-08T21:00:00-05:00", "Jan 8, 9pm ET", "suspensions; @POTUS posts removed"),
    ("2021-01-20T11:59:59-05:00", "Jan 20, 11:59:59am ET", "a second before noon"),
    ("2021-01-20T12:00:00-05:00", "Jan 20, noon ET", "@POTUS passes to Joe Biden"),
)


def scenario_path() -> Path:
    return Path(str(resources.files("standing.cli") / "scenarios" / SCENARIO))


def demo_command(as_json: options.Json = False, debug: options.Debug = False) -> None:
    """Replay the January 2021 scenario into a throwaway store and show it."""
    moments = [Moment(datetime.fromisoformat(at), *said) for at, *said in MOMENTS]
    with reported(debug), tempfile.TemporaryDirectory() as folder:
        app = open_store(str(Path(folder) / "demo.db"))
        report = replay(app, [str(scenario_path())], None)
        model = ReadModel(app)
        grid = [
            [model.standing(AccountKey.parse(handle), moment.at) for handle in ACCOUNTS]
            for moment in moments
        ]
        drawn = None if as_json else demo_picture(app, clock.now(), ACCOUNTS)
        app.close()
    if as_json:
        typer.echo(json.dumps(_document(moments, grid)))
        return
    console = terminal()
    with paged(console) as screens:  # a screen at a time on an 80x24 terminal
        with screens.block():
            console.print(
                f"January 2021 on Twitter, replayed ({report.applied} facts) into a "
                "throwaway store. At each moment, the accounts whose standing "
                "changed; times in UTC."
            )
            console.print()
        print_story(screens, moments, grid)
        with screens.block():
            _print_replay_it_yourself(console)
            console.print("The picture of it, to open in a browser:")
            console.print(str(drawn), soft_wrap=True)  # whole, to be copied


def _print_replay_it_yourself(console: Terminal) -> None:
    """The command to replay the scenario: the example in a checkout, else the
    bundled file, whose path into site-packages is long, on a line of its own
    that is never broken, to be copied whole."""
    if IN_A_CHECKOUT.is_file():
        console.print(f"Replay it yourself: standing replay {IN_A_CHECKOUT}")
        return
    console.print("Replay it yourself:")
    console.print(
        f"standing replay {shlex.quote(str(scenario_path()))}", soft_wrap=True
    )


def _document(moments: list[Moment], grid: list[list[Standing]]) -> list:
    return [
        {
            "moment": f"{moment.label}: {moment.happened}",
            "states": [s.as_dict() for s in row],
        }
        for moment, row in zip(moments, grid, strict=True)
    ]
