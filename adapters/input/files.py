"""The files a replay reads, checked before anything is read (SPEC section 3):
one that cannot be read is a usage error, whatever the other files hold."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from typing import BinaryIO

from standing.adapters.input.errors import InputError
from standing.adapters.input.items import STDIN


class UnreadableFile(InputError):
    """A file that cannot be read: missing, a directory, no permission."""

    def __init__(self, path: str, code: int | None, reason: str = "") -> None:
        super().__init__(f"cannot read {path}: {os.strerror(code) if code else reason}")


def check_readable(paths: Iterable[str]) -> None:
    """Raise `UnreadableFile` for the first of `paths` that cannot be read.
    Nothing is opened: a FIFO's writer would see its reader come and go."""
    for path in paths:
        if path == STDIN:
            continue
        try:
            mode = os.stat(path).st_mode
        except OSError as error:
            raise UnreadableFile(path, error.errno, str(error)) from None
        if stat.S_ISDIR(mode):
            raise UnreadableFile(path, errno.EISDIR)
        if not os.access(path, os.R_OK):
            raise UnreadableFile(path, errno.EACCES)


def opened(path: str) -> BinaryIO:
    """`path` open for reading, or `UnreadableFile`."""
    try:
        return open(path, "rb")
    except OSError as error:
        raise UnreadableFile(path, error.errno, str(error)) from None


def read_again(path: str) -> bool:
    """Whether reading `path` a second time gives the same bytes again: a
    regular file's do; standard input's, a pipe's or a FIFO's do not."""
    if path == STDIN:
        return False
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False
