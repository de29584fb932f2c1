"""Text from users made safe to print (SPEC section 11).

Holders, reasons, ids and notes come from event files: printed as they are,
`[/]` would be rich markup and an escape sequence would drive the terminal
(clear it, retitle the window, hide text). Everything printed goes through
`literal`, on a console that reads no markup (`terminal`).
"""

from __future__ import annotations

import sys
from contextlib import suppress
from typing import Any

from rich.console import Console
from rich.text import Text

from standing.cli.escapes import UNPRINTABLE, literal

__all__ = ["UNPRINTABLE", "Terminal", "cell", "literal", "terminal"]


def cell(value: object) -> Text:
    """A value as a table cell or a line's part: literal, never markup."""
    return Text(literal(str(value)))


class Terminal(Console):
    """A console that prints every string as written: no markup, no emoji
    codes, no highlighting, unprintable characters made visible."""

    def render_str(self, text: str, **options: Any) -> Text:
        options.update(markup=False, emoji=False, highlight=False)
        return super().render_str(literal(text), **options)


def terminal(stderr: bool = False, **options: Any) -> Terminal:
    """The console for standard output, or for messages (`stderr`)."""
    # a character its encoding cannot show (ASCII, Latin-1) is written as its
    # escape, `\u2014`, rather than ending the command
    with suppress(AttributeError, ValueError):
        (sys.stderr if stderr else sys.stdout).reconfigure(errors="backslashreplace")
    return Terminal(
        stderr=stderr, markup=False, emoji=False, highlight=False, **options
    )
