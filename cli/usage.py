"""How the command line reads to a person: help and usage errors, plain.

typer names a value in its help by its Python type (`<str>`, `<bool>`,
`<list[str]>`) and boxes its errors in panels. Here help names each value by
a word (its metavar, such as WHEN or FILE, else its option's name) and a
usage error is a few plain lines on stderr (SPEC section 9): what is wrong,
the usage, and how to ask for help; exit status 2.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NoReturn

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup

ABORTED = 1
ADDRESS = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[^\s()'\"]+")


class Command(TyperCommand):
    """A command whose help and errors read plainly."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:  # errors name an argument as help shows it
            if isinstance(param, TyperArgument) and not param.metavar:
                param.metavar = (param.name or "value").upper()

    def collect_usage_pieces(self, ctx: typer.Context) -> list[str]:
        return usage_pieces(self, ctx)

    def format_options(self, ctx: typer.Context, formatter: Any) -> None:
        write_parameters(self, ctx, formatter)

    def get_short_help_str(self, limit: int = 45) -> str:
        return short_help(self)

    def parse_args(self, ctx: typer.Context, args: list[str]) -> list[str]:
        with _in_context(ctx):
            return super().parse_args(ctx, args)


class Group(TyperGroup):
    """A group of commands whose help and errors read plainly; as the
    command line itself, it prints every usage error of its commands."""

    def collect_usage_pieces(self, ctx: typer.Context) -> list[str]:
        return [*usage_pieces(self, ctx), self.subcommand_metavar]

    def format_options(self, ctx: typer.Context, formatter: Any) -> None:
        write_parameters(self, ctx, formatter)
        self.format_commands(ctx, formatter)

    def get_short_help_str(self, limit: int = 45) -> str:
        return short_help(self)

    def parse_args(self, ctx: typer.Context, args: list[str]) -> list[str]:
        with _in_context(ctx):
            return super().parse_args(ctx, args)

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        try:
            # typer's own standalone mode would print errors boxed
            status = super().main(args, prog_name, complete_var, False, **extra)
        except typer.TyperException as error:  # click's errors derive from it
            if not standalone_mode:
                raise
            show_error(error)
        except typer.Abort:
            if not standalone_mode:
                raise
            sys.stderr.write("Aborted.\n")
            sys.exit(ABORTED)
        if not standalone_mode:
            return status
        # not standalone, typer returns an Exit's status; our commands return None
        sys.exit(status if isinstance(status, int) else 0)


def show_error(error: typer.TyperException) -> NoReturn:
    """`Error: ...`, then the usage and the way to help; exit with its status."""
    ctx = getattr(error, "ctx", None)
    if type(error).__name__ == "NoArgsIsHelpError" and ctx is not None:
        sys.stderr.write(f"{ctx.get_help()}\n")  # a group run alone: its help
        sys.exit(getattr(error, "exit_code", 2))
    from standing.cli.terminal import literal

    message = error.format_message().replace("Value error, ", "")
    lines = [f"Error: {literal(_no_passwords(message))}"]
    if ctx is not None:
        lines.append(ctx.get_usage())
        if ctx.command.get_help_option(ctx) is not None:
            lines.append(
                f"Try '{ctx.command_path} {ctx.help_option_names[0]}' for help."
            )
    sys.stderr.write("".join(f"{line}\n" for line in lines))
    sys.exit(getattr(error, "exit_code", 2))


def _no_passwords(message: str) -> str:
    """`message` with every address in it shown without its password: one
    typed in the wrong place is quoted back (`unexpected extra argument`)."""
    from standing.adapters.address import redact

    return ADDRESS.sub(lambda found: redact(found.group()), message)


def usage_pieces(command: TyperCommand | TyperGroup, ctx: typer.Context) -> list[str]:
    """`[OPTIONS]` and each argument by its word: `ACCOUNT`, `[FILE]...`."""
    pieces = [command.options_metavar] if command.options_metavar else []
    for param in command.get_params(ctx):
        if isinstance(param, TyperArgument) and not param.hidden:
            word = value_word(param, ctx)
            pieces.append(word if param.required else f"[{word}]")
            if param.nargs != 1:
                pieces[-1] += "..."
    return pieces


def write_parameters(
    command: TyperCommand | TyperGroup, ctx: typer.Context, formatter: Any
) -> None:
    """The Arguments and Options sections: a parameter and its value's word,
    then its help (with its default, variable and range, as typer puts them)."""
    sections: dict[str, list[tuple[str, str]]] = {"Arguments": [], "Options": []}
    for param in command.get_params(ctx):
        record = param.get_help_record(ctx)
        if record is None:
            continue
        if isinstance(param, TyperArgument):
            many = "..." if param.nargs != 1 else ""
            sections["Arguments"].append((value_word(param, ctx) + many, record[1]))
        else:
            sections["Options"].append((_option_term(param, ctx), record[1]))
    for title, rows in sections.items():
        if rows:
            with formatter.section(title):
                formatter.write_dl(rows)


def value_word(param: Any, ctx: typer.Context) -> str:
    """What help calls a parameter's value: its metavar, the choices, or its
    name in capitals."""
    if param.metavar:
        return str(param.metavar)
    descriptor = getattr(param, "type_descriptor", None)
    if descriptor is not None and descriptor.is_choice:
        return f"[{param.display_type(ctx).strip('<>')}]"
    return (param.name or "value").upper()


def short_help(command: TyperCommand | TyperGroup) -> str:
    """The first paragraph of the help, whole: the list of commands wraps it
    rather than cut it at `...`."""
    text = command.short_help or (command.help or "").strip().split("\n\n")[0]
    return " ".join(text.split())


def _option_term(param: Any, ctx: typer.Context) -> str:
    """`-p, --platform PLATFORM`: short names first, then the value's word."""
    names = sorted(param.opts, key=lambda name: len(name) - len(name.lstrip("-")))
    term = ", ".join(names)
    if param.secondary_opts:
        term += " / " + ", ".join(param.secondary_opts)
    if param.is_flag or param.count:
        return term
    return f"{term} {value_word(param, ctx)}"


@contextmanager
def _in_context(ctx: typer.Context) -> Iterator[None]:
    """Gives a usage error raised without its command (the parser's, such as
    an option missing its value) that command, for the usage and the hint."""
    try:
        yield
    except typer.TyperException as error:
        if getattr(error, "ctx", False) is None:
            error.ctx, error.cmd = ctx, ctx.command  # type: ignore[attr-defined]
        raise
