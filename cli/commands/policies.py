"""`standing policies [show NAME|PATH]`: the enforcement policies a
simulation can run (SPEC section 7)."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.table import Table

from standing.adapters.policy_files import (
    bundled_names,
    load_policy,
    parse_policy,
    policy_text,
)
from standing.cli import options
from standing.cli.edge import reported
from standing.cli.policy_text import described
from standing.cli.terminal import cell, terminal
from standing.cli.usage import Command

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
    if as_json:
        rows = [
            {
                "name": p.name,
                "description": p.description,
                "source": p.source,
                "date": p.date,
            }
            for p in policies
        ]
        typer.echo(json.dumps(rows, indent=2))
        return
    table = Table(title="Bundled policies", title_justify="left", show_lines=True)
    for column in ("policy", "description", "source"):
        table.add_column(column, overflow="fold")
    for p in policies:
        table.add_row(cell(p.name), cell(p.description), cell(f"{p.source} ({p.date})"))
    terminal().print(table)


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
