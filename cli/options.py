"""Options shared by every command."""

from __future__ import annotations

from typing import Annotated

import typer

Db = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar="STANDING_DB",
        help="Store: PATH or sqlite:///PATH (SQLite), or postgresql://USER@HOST/DB."
        " Default standing.db.",
        show_default=False,
    ),
]
Tz = Annotated[
    str | None,
    typer.Option(
        "--tz", help="Time zone for times without an offset, e.g. Europe/Paris."
    ),
]
Json = Annotated[bool, typer.Option("--json", help="Print one JSON document.")]
Debug = Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")]
Platform = Annotated[
    str, typer.Option("--platform", "-p", help="Platform of the account.")
]
At = Annotated[
    str | None,
    typer.Option(
        "--at",
        help="Instant, ISO 8601. A date alone means the end of that day. Default: now.",
        show_default=False,
    ),
]
