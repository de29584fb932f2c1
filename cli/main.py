"""The `standing` command line."""

from __future__ import annotations

import typer

from cli.commands import demo, generate, projections, queries, replay

app = typer.Typer(
    name="standing",
    help="Replay dated facts about social-media accounts and ask what their "
    "standing was at any instant.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
app.command("replay")(replay.replay_command)
app.command("state")(queries.state_command)
app.command("accounts")(queries.accounts_command)
app.command("history")(queries.history_command)
app.command("demo")(demo.demo_command)
app.command("generate")(generate.generate_command)
app.add_typer(projections.app, name="projections")


def run() -> None:
    app()
