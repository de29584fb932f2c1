"""Output taller than the terminal, a screen at a time, as git shows it.

On a terminal, what is printed inside `paged` goes through `$PAGER`, else
`less`, with `LESS=FRX` when LESS is not set: it quits at once when the
text fits one screen, keeps the colours, and leaves the text on the screen.
A block printed inside `Screens.block` starts a new screen rather than
straddle two. Into a pipe or a file, with `PAGER` set empty (or to `cat`),
or when no pager starts, everything is printed as it is.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console

DEFAULT_PAGER = "less"
DEFAULT_LESS = "FRX"
PROMPT_LINES = 1  # the pager's own line at the foot of the screen


class Screens:
    """What is printed on a console, gathered to be paged (`paging`), else
    printed at once."""

    def __init__(self, console: Console, paging: bool) -> None:
        self.console = console
        self.paging = paging
        self.text = ""
        self.used = 0  # lines on the current screen

    @contextmanager
    def block(self) -> Iterator[None]:
        """Lines kept on one screen: moved whole to the next if they would
        straddle two (unless they are taller than a screen)."""
        if not self.paging:
            yield
            return
        with self.console.capture() as captured:
            yield
        text = captured.get()
        lines = text.count("\n")
        room = max(self.console.height - PROMPT_LINES, 1)
        if self.used and self.used + lines > room:
            self.text += "\n" * (room - self.used)
            self.used = 0
        self.text += text
        self.used = (self.used + lines) % room


@contextmanager
def paged(console: Console) -> Iterator[Screens]:
    """`Screens` on `console`, paged when taller than the terminal."""
    command = pager_command()
    screens = Screens(console, command is not None and console.is_terminal)
    yield screens
    text = screens.text
    if not text:
        return
    fits = text.count("\n") < console.height
    if fits or command is None or not _shown_by(command, text):
        console.file.write(text)
        console.file.flush()


def pager_command() -> list[str] | None:
    """The pager to run, or None for none."""
    chosen = os.environ.get("PAGER")
    if chosen is None:
        return [DEFAULT_PAGER] if shutil.which(DEFAULT_PAGER) else None
    words = shlex.split(chosen)
    return words if words and words != ["cat"] else None


def _shown_by(command: list[str], text: str) -> bool:
    """Whether the pager ran (and showed `text`)."""
    env = {**os.environ, "LESS": os.environ.get("LESS", DEFAULT_LESS)}
    try:
        subprocess.run(command, input=text, text=True, env=env, check=False)
    except OSError:
        return False
    except KeyboardInterrupt:  # Ctrl-C in the pager: it quits, we end quietly
        pass
    return True
