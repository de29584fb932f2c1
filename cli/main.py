"""The `standing` command line.

Each command's module is imported only when that command runs (`run`), so
`standing state` never loads the replay path; `app` has every command.

A query is a short process that mostly imports: the cyclic garbage collector
stays off for it (reference counting still frees what it drops), which would
otherwise walk every object the imports create, over and over.
"""

from __future__ import annotations

import gc
import importlib
import sys
from typing import TYPE_CHECKING, Any

from standing.cli.version import VERSION, Version

if TYPE_CHECKING:
    import typer

HELP = (
    "Replay dated facts about social-media accounts and ask what their "
    "standing was at any instant."
)
QUERIES = ("state", "accounts", "history")
CONTEXT = {"help_option_names": ["-h", "--help"]}
# command name -> (module in cli.commands, function, or None for a sub-app)
COMMANDS: dict[str, tuple[str, str | None]] = {
    "replay": ("replay", "replay_command"),
    "state": ("queries", "state_command"),
    "accounts": ("queries", "accounts_command"),
    "history": ("queries", "history_command"),
    "timeline": ("timeline", "timeline_command"),
    "demo": ("demo", "demo_command"),
    "generate": ("generate", "generate_command"),
    "projections": ("projections", None),
    "policies": ("policies", None),
}


def build(names: list[str]) -> typer.Typer:
    """The CLI with the named commands (in the usual order)."""
    import typer

    from standing.cli.usage import Command, Group

    cli = typer.Typer(
        name="standing",
        help=HELP,
        cls=Group,
        no_args_is_help=True,
        context_settings=CONTEXT,
        rich_markup_mode=None,  # help and usage errors as plain text
        pretty_exceptions_enable=False,
    )
    cli.callback(help=HELP)(_group)  # a group even with one command
    for name in COMMANDS:
        if name in names:
            module, function = COMMANDS[name]
            loaded = importlib.import_module(f"standing.cli.commands.{module}")
            if function is None:
                cli.add_typer(loaded.app, name=name, cls=Group)
            else:
                cli.command(name, cls=Command)(getattr(loaded, function))
    return cli


def _group(version: Version = False) -> None:
    return None


def __getattr__(name: str) -> Any:
    if name == "app":
        return build(list(COMMANDS))
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def run() -> None:
    wanted = sys.argv[1] if len(sys.argv) > 1 else None
    if wanted in QUERIES:
        gc.disable()
    build(_needed(wanted))()


def _needed(wanted: str | None) -> list[str]:
    """The commands to load: the one asked for, none for the version, else
    all (for help, completion and errors)."""
    if wanted in COMMANDS:
        return [wanted]
    return [] if wanted in VERSION else list(COMMANDS)
