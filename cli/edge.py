"""The one place where errors become `Error: ...` on stderr and an exit status."""

from __future__ import annotations

import errno
import functools
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, NoReturn

import typer

from standing.adapters.address import BadSetting, scrubbed
from standing.adapters.input.errors import InputError
from standing.adapters.store import (
    LOCK_TIMEOUT_VARIABLE,
    StoreUnavailable,
    lock_timeout,
)
from standing.domain.errors import DomainError

OK, REJECTED, USAGE, UNAVAILABLE = 0, 1, 2, 3
INTERRUPTED = 130  # Ctrl-C: the shell's status for SIGINT, as typer gives it


def __getattr__(name: str) -> Any:
    """`stderr`, the console for messages: rich is imported when first used."""
    if name == "stderr":
        return _stderr()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@functools.cache
def _stderr() -> Any:
    from standing.cli.terminal import terminal

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
    except (typer.Exit, typer.Abort, BrokenPipeError):
        raise  # a closed pipe (`| head`): typer ends quietly
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
    from standing.cli.terminal import literal

    lines = scrubbed(traceback.format_exc()).splitlines()
    sys.stderr.write("".join(f"{literal(line)}\n" for line in lines))


def _classify(error: Exception) -> tuple[int, str]:
    if isinstance(error, DomainError):
        return REJECTED, str(error)
    if isinstance(error, InputError | BadSetting):
        return USAGE, str(error)
    if isinstance(error, StoreUnavailable):
        return UNAVAILABLE, f"{error}{_hint(error)}"
    if isinstance(error, OSError):  # the system's: a full disk, no permission
        return UNAVAILABLE, _system(error)
    from eventsourcing.persistence import PersistenceError  # loaded by now if raised

    if isinstance(error, PersistenceError):
        return UNAVAILABLE, f"store unavailable: {_one_line(error)}{_hint(error)}"
    return REJECTED, f"unexpected {type(error).__name__}: {_one_line(error)} (--debug)"


def _hint(error: Exception) -> str:
    text = str(error)
    if "database is locked" in text:
        return (
            f" (another writer held it longer than {lock_timeout()} s; "
            f"set {LOCK_TIMEOUT_VARIABLE} to wait longer)"
        )
    if "disk is full" in text:
        return " (free space on the store's disk)"
    if "readonly database" in text or "unable to open database file" in text:
        return (
            " (the file and its folder must be readable and writable, "
            "on a disk that is not read-only)"
        )
    return ""


def _system(error: OSError) -> str:
    """An error of the system's, told with the file it concerns and the fix."""
    reason = error.strerror or _one_line(error)
    where = f": {error.filename}" if error.filename else ""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        place = "on its disk" if error.filename else "where the output goes"
        return (
            f"{reason}{where}: free space {place} (or, for temporary files, "
            "set TMPDIR to a folder with room)"
        )
    return f"{reason}{where}"


def _one_line(error: Exception) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__
