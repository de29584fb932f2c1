"""Options shared by every command."""

from __future__ import annotations

from typing import Annotated

import typer

# what every option taking an instant (WHEN) says it accepts
WHEN = (
    "ISO 8601 (2021-01-08T16:00:00Z; a date alone is the end of that day), "
    "now, or relative to now: -7d, -12h, -30m, +2h (units s m h d w)."
)
Db = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar="STANDING_DB",
        metavar="STORE",
        help="Store: PATH or sqlite:///PATH (SQLite), or postgresql://USER@HOST/DB."
        " Default standing.db.",
        show_default=False,
    ),
]
Tz = Annotated[
    str | None,
    typer.Option(
        "--tz",
        metavar="ZONE",
        help="Time zone for times without an offset, e.g. Europe/Paris.",
    ),
]
Json = Annotated[bool, typer.Option("--json", help="Print one JSON document.")]
Debug = Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")]
Platform = Annotated[
    str,
    typer.Option(
        "--platform", "-p", metavar="PLATFORM", help="Platform of the account."
    ),
]
At = Annotated[
    str | None,
    typer.Option(
        "--at",
        metavar="WHEN",
        help=f"Instant: {WHEN} Default: now.",
        show_default=False,
    ),
]
