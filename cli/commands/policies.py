"""`standing policies [show NAME|PATH]`: the enforcement policies a
simulation can run (SPEC section 7)."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.text import Text

from standing.adapters.policy_files import (
    bundled_names,
    load_policy,
    parse_policy,
    policy_text,
)
from standing.cli import options
from standing.cli.edge import reported
from standing.cli.formats import Format, chosen, write_rows
from standing.cli.policy_text import described
from standing.cli.terminal import terminal
from standing.cli.usage import Command

COLUMNS = ("name", "description", "source", "date")
app = typer.Typer(
    help="List the bundled enforcement policies, or show one.",
    invoke_without_command=True,
    no_args_is_help=False,
)


@app.callback()
def policies_command(
    ctx: typer.Context, as_json: options.Json = False, debug: options.Debug = False
) -> None:
    """The bundled policies: name, description, source and date."""
    if ctx.invoked_subcommand is not None:
        return
    with reported(debug):
        policies = [load_policy(name) for name in bundled_names()]
    rows = [(p.name, p.description, p.source, p.date) for p in policies]
    shape = chosen(None, as_json)
    if shape is Format.JSON:
        typer.echo(json.dumps([dict(zip(COLUMNS, row, strict=True)) for row in rows]))
    elif shape is not Format.TABLE:  # a pipe or a file: every value whole
        write_rows(shape, COLUMNS, rows)
    else:
        console = terminal()
        for name, description, source, date in rows:  # a block a policy
            console.print(Text(name, style="bold"))
            console.print(f"  {description}")
            console.print(f"  {source} ({date})", soft_wrap=True)  # never cut


@app.command("show", cls=Command)
def show_command(
    policy: Annotated[
        str,
        typer.Argument(metavar="NAME|PATH", help="A bundled policy or a .toml file."),
    ],
    toml: Annotated[
        bool, typer.Option("--toml", help="Print the policy's file as it is.")
    ] = False,
    debug: options.Debug = False,
) -> None:
    """One policy: its ladders, expiry, severities, ban evasion and exemptions."""
    with reported(debug):
        file, text = policy_text(policy)
        rules = parse_policy(file, text)
    console = terminal(soft_wrap=True)
    if toml:
        console.print(text, end="" if text.endswith("\n") else "\n")
        return
    for line in described(rules):
        console.print(line)
