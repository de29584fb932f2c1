"""`standing --version` (`-V`): the installed distribution's version."""

from __future__ import annotations

from typing import Annotated

import typer

DISTRIBUTION = "standing"
VERSION = ("--version", "-V")


def installed() -> str:
    from importlib import metadata  # 20 ms to import: only when asked

    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:  # a checkout that was never installed
        return "unknown (not installed)"


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"{DISTRIBUTION} {installed()}")
        raise typer.Exit()


Version = Annotated[
    bool,
    typer.Option(
        *VERSION,
        help="Show the version and exit.",
        callback=_print_version,
        is_eager=True,
        expose_value=False,
    ),
]
