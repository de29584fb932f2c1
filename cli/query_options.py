"""The options of `state`, `accounts` and `history`."""

from __future__ import annotations

from typing import Annotated

import typer

Account = Annotated[
    str, typer.Argument(metavar="ACCOUNT", help="Handle, with or without @.")
]
Platform = Annotated[
    str,
    typer.Option("--platform", "-p", metavar="PLATFORM", help="Platform, in any case."),
]
Status = Annotated[
    str | None,
    typer.Option(
        metavar="STATUS",
        help="Only this status: active, locked, suspended, permanently suspended"
        " (or permanently_suspended), archived.",
    ),
]
Holder = Annotated[
    str | None,
    typer.Option(
        metavar="TEXT",
        help="Only holders whose name holds TEXT, in any case (--holder trump).",
    ),
]
Sort = Annotated[
    str | None,
    typer.Option(
        metavar="FIELD",
        help="Sort by handle, platform, kind, status, since, until, holder, posts"
        " or strikes; -FIELD sorts descending (--sort -posts).",
    ),
]
Limit = Annotated[
    int | None, typer.Option(min=1, metavar="N", help="Only the first N accounts.")
]
Count = Annotated[
    bool,
    typer.Option(
        "--count", help="How many accounts per status and per platform, not a list."
    ),
]
From = Annotated[
    str | None,
    typer.Option(
        "--from",
        metavar="WHEN",
        help="Only from this instant on (a date alone: from its start).",
        show_default=False,
    ),
]
To = Annotated[
    str | None,
    typer.Option(
        "--to",
        metavar="WHEN",
        help="Only up to this instant (a date alone: to its end).",
        show_default=False,
    ),
]
Periods = Annotated[
    bool,
    typer.Option(
        "--periods", help="Only the periods (tsv and csv list the events otherwise)."
    ),
]
PlatformFilter = Annotated[
    str | None,
    typer.Option(metavar="PLATFORM", help="Only this platform, in any case."),
]
