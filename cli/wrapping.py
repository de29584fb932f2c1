"""Text broken into lines at word boundaries, and painted for a terminal.

A compact instant (`2021-01-07 23:00Z`) counts as one word: it never splits
between its date and its time unless a column is narrower than it. A word
wider than its column is the only thing ever split within.
"""

from __future__ import annotations

import re
from typing import Any

from rich.cells import cell_len, chop_cells
from rich.console import COLOR_SYSTEMS
from rich.style import Style

DAY_END = re.compile(r"\d{4}-\d\d-\d\d$")
TIME = re.compile(r"\d\d:\d\d(:\d\d(\.\d+)?)?Z\W*")


def cells(text: str) -> int:
    """How many terminal cells `text` takes (ASCII: one a character)."""
    return len(text) if text.isascii() else cell_len(text)


def wrap(text: str, width: int) -> list[str]:
    """`text` as lines at most `width` cells wide, broken between words."""
    if cells(text) <= width:
        return [text]
    lines: list[str] = []
    line, size = "", 0
    for word in words(text):
        length = cells(word)
        if size and size + 1 + length <= width:
            line, size = f"{line} {word}", size + 1 + length
            continue
        if line:
            lines.append(line)
        pieces = [word] if length <= width else _split(word, width)
        lines.extend(pieces[:-1])
        line = pieces[-1]
        size = cells(line)
    lines.append(line)
    return lines


def words(text: str) -> list[str]:
    """The words of `text`, an instant's date and time kept together."""
    found: list[str] = []
    for word in text.split(" "):
        if found and TIME.fullmatch(word) and DAY_END.search(found[-1]):
            found[-1] = f"{found[-1]} {word}"
        else:
            found.append(word)
    return found


def longest_word(text: str) -> int:
    return max(map(cell_len, words(text)), default=0)


def _split(word: str, width: int) -> list[str]:
    """A word wider than `width`: an instant at its space, else every `width`."""
    day, _, time = word.partition(" ")
    if time and cells(day) <= width and cells(time) <= width:
        return [day, time]
    return chop_cells(word, width)


class Painter:
    """Styles as the console's colours allow: none into a pipe or a file,
    none but bold, dim and italic under NO_COLOR."""

    def __init__(self, console: Any) -> None:
        name = console.color_system
        self.system = COLOR_SYSTEMS[name] if name else None
        self.no_color = bool(console.no_color)
        self.codes: dict[str, tuple[str, str]] = {}

    def __call__(self, text: str, style: str) -> str:
        if not (style and text and self.system):
            return text
        before, after = self.codes.get(style) or self._codes(style)
        return f"{before}{text}{after}"

    def _codes(self, style: str) -> tuple[str, str]:
        parsed = Style.parse(style)
        if self.no_color:
            parsed = parsed.without_color
        before, _, after = parsed.render("\0", color_system=self.system).partition("\0")
        self.codes[style] = (before, after)
        return before, after
