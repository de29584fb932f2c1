"""Running `standing` on a terminal of a given size (a pseudo-terminal)."""

from __future__ import annotations

import fcntl
import os
import re
import select
import struct
import subprocess
import termios
import time
from pathlib import Path

PLAIN_TERMINAL = {"TERM": "xterm", "NO_COLOR": "1"}  # a terminal, without colours
TIMEOUT = 60  # seconds a command may run on the terminal
STYLE = re.compile(r"\x1b\[[0-9;]*m")  # bold and dim, which NO_COLOR keeps


def on_a_terminal(
    command: list[str],
    rows: int,
    columns: int,
    env: dict[str, str],
    cwd: Path,
    stdin: Path | None = None,
) -> str:
    """What `command` writes to a terminal of that size (standard output and
    error both on it), its styles taken out; standard input is the terminal
    too, or the file `stdin`."""
    leader, follower = os.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    variables = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    with open(stdin or os.devnull, "rb") as source:
        process = subprocess.Popen(
            command,
            stdin=source if stdin else follower,
            stdout=follower,
            stderr=follower,
            env={**variables, **env},
            cwd=cwd,
        )
    os.close(follower)
    written, deadline = b"", time.monotonic() + TIMEOUT
    try:
        while time.monotonic() < deadline:
            if not select.select([leader], [], [], 1)[0]:
                continue
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closed: the command ended
                break
            if not chunk:
                break
            written += chunk
        else:
            raise AssertionError(f"{command} still running after {TIMEOUT} s")
    finally:
        process.kill()
        process.wait()
        os.close(leader)
    return STYLE.sub("", written.decode())
