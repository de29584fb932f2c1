"""`standing generate`: synthetic event files for benchmarks and tests."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import orjson
import typer

from standing.application.generating import generate


def generate_command(
    events: Annotated[
        int, typer.Option(min=1, metavar="N", help="How many events.")
    ] = 1000,
    accounts: Annotated[
        int, typer.Option(min=1, metavar="N", help="How many accounts.")
    ] = 100,
    seed: Annotated[int, typer.Option(metavar="N", help="Same seed, same file.")] = 0,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", "-o", metavar="FILE", help="File to write; default stdout."
        ),
    ] = None,
) -> None:
    """Write a valid, time-sorted JSON Lines file of realistic shape."""
    stream = out.open("wb") if out else sys.stdout.buffer
    try:
        for record in generate(events, accounts, seed):
            stream.write(orjson.dumps(record, option=orjson.OPT_APPEND_NEWLINE))
    finally:
        if out:
            stream.close()
