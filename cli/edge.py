"""The one place where errors become `Error: ...` on stderr and an exit status."""

from __future__ import annotations

import functools
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, NoReturn

import typer

from cli.address import BadSetting, scrubbed
from cli.input.errors import InputError
from cli.store import LOCK_TIMEOUT_VARIABLE, StoreUnavailable, lock_timeout
from domain.errors import DomainError

OK, REJECTED, USAGE, UNAVAILABLE = 0, 1, 2, 3
INTERRUPTED = 130  # Ctrl-C: the shell's status for SIGINT, as typer gives it


def __getattr__(name: str) -> Any:
    """`stderr`, the console for messages: rich is imported when first used."""
    if name == "stderr":
        return _stderr()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@functools.cache
def _stderr() -> Any:
    from cli.terminal import terminal

    return terminal(stderr=True, soft_wrap=True)


def fail(message: str, status: int) -> NoReturn:
    # user text in it is made literal; a password in it, whatever brought it
    _stderr().print(f"Error: {scrubbed(message)}")
    raise typer.Exit(status)


@contextmanager
def reported(debug: bool, interrupted: str | None = None) -> Iterator[None]:
    """Translate what a command raises into SPEC section 9's exit statuses;
    Ctrl-C into status 130, with `interrupted` (what state it leaves and
    how to finish) on stderr, for a command that runs long enough to be."""
    try:
        yield
    except (typer.Exit, typer.Abort):
        raise
    except KeyboardInterrupt:
        if interrupted is None:
            raise
        _stderr().print(f"Interrupted: {interrupted}")
        raise typer.Exit(INTERRUPTED) from None
    except Exception as error:
        status, message = _classify(error)
        if debug:
            _print_traceback()
        fail(message, status)


def _print_traceback() -> None:
    """The traceback for `--debug`, with no password in it and user text in
    its messages made literal."""
    from cli.terminal import literal

    lines = scrubbed(traceback.format_exc()).splitlines()
    sys.stderr.write("".join(f"{literal(line)}\n" for line in lines))


def _classify(error: Exception) -> tuple[int, str]:
    if isinstance(error, DomainError):
        return REJECTED, str(error)
    if isinstance(error, InputError | BadSetting):
        return USAGE, str(error)
    if isinstance(error, StoreUnavailable):
        return UNAVAILABLE, str(error)
    from eventsourcing.persistence import PersistenceError  # loaded by now if raised

    if isinstance(error, PersistenceError):
        return UNAVAILABLE, f"store unavailable: {_one_line(error)}{_hint(error)}"
    return REJECTED, f"unexpected {type(error).__name__}: {_one_line(error)} (--debug)"


def _hint(error: Exception) -> str:
    if "database is locked" not in str(error):
        return ""
    return (
        f" (another writer held it longer than {lock_timeout()} s; "
        f"set {LOCK_TIMEOUT_VARIABLE} to wait longer)"
    )


def _one_line(error: Exception) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__
