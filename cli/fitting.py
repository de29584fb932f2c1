"""How wide each column of a table is: values whole, within the terminal.

Columns start as wide as their widest value. While the table is wider than
the terminal, wrapping columns (long text) narrow down to a comfortable
width, then the columns that may fold move under their host one by one,
then wrapping columns narrow down to their longest word (up to `WORD`).
Width a wrapped column does not use goes back to the others.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import islice

from standing.cli.wrapping import cells, longest_word, wrap

Cell = tuple[str, str]  # text and style
Row = tuple[Sequence[Cell], str]  # cells (one a column) and the row's style


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    wrap: bool = False  # long text: may break between words
    right: bool = False  # numbers
    fold: str | None = None  # at narrow widths, shown under this column
    label: str | None = None  # before a folded value; default `name`, "" none
    atomic: bool = False  # its values never break (ids), unless wider than all
    room: int = 24  # columns fold before this one wraps narrower than this


GAP = 2
WORD = 20  # a wrapping column is kept at least this wide for its longest word
UNBOUNDED = 100_000  # a width this large is a pipe's or a file's: no terminal
WRAPPED = 1000  # values wrapped to tell how much of its width a column uses


@dataclass(slots=True)
class Layout:
    shown: list[int]  # indexes of the columns shown, in order
    widths: list[int]
    folded: dict[int, list[int]]  # host's index -> columns folded under it


def fold_text(column: Column, text: str) -> str:
    """A folded value as its host shows it: `until 2021-01-08 00:00Z`."""
    label = column.name if column.label is None else column.label
    return f"{label} {text}" if label and text else text


def layout(
    columns: list[Column],
    folds: list[int],
    rows: list[Row],
    width: int,
    more: bool = False,
) -> Layout:
    """The columns shown, their widths and what folds where, measured from
    `rows`; `more`: rows not measured follow, and wrapping columns take the
    terminal's spare width for them."""
    table = Table(columns, rows)
    shown = [i for i in range(len(columns)) if table.texts(i, {}) != {""} or not rows]
    waiting = [i for i in folds if i in shown]
    folded: dict[int, list[int]] = {}
    while True:
        widths = table.fit(shown, folded, width, comfortable=True)
        if sum(widths) + GAP * (len(widths) - 1) <= width:
            break
        if not waiting:  # narrower than comfortable, then
            widths = table.fit(shown, folded, width)
            break
        guest = waiting.pop(0)
        host = _host(columns, guest, shown)
        shown.remove(guest)
        # what was folded under the guest moves with it
        moved = [guest, *folded.pop(guest, [])]
        folded[host] = sorted(folded.get(host, []) + moved)
    widths = table.tighten(shown, folded, widths)
    if more and width < UNBOUNDED:
        widths = _spread(columns, shown, widths, width)
    return Layout(shown, widths, folded)


def _spread(
    columns: list[Column], shown: list[int], widths: list[int], width: int
) -> list[int]:
    """The terminal's spare width given to the widest wrapping column."""
    spare = width - sum(widths) - GAP * (len(widths) - 1)
    wrapping = [n for n, i in enumerate(shown) if columns[i].wrap]
    if spare <= 0 or not wrapping:
        return widths
    widest = max(wrapping, key=widths.__getitem__)
    return [w + spare if n == widest else w for n, w in enumerate(widths)]


def _host(columns: list[Column], guest: int, shown: list[int]) -> int:
    """Where `guest` folds: its host, or where its host has folded."""
    names = [column.name for column in columns]
    host = names.index(columns[guest].fold)
    while host not in shown:
        host = names.index(columns[host].fold)
    return host


class Table:
    """A table's columns and the rows its layout is measured from; each
    column's values are measured once."""

    def __init__(self, columns: list[Column], rows: list[Row]) -> None:
        self.columns = columns
        self.rows = rows
        self._texts: dict[tuple[int, bool], set[str]] = {}
        self._sizes: dict[tuple[int, bool], tuple[int, int]] = {}

    def texts(self, i: int, folded: dict[int, list[int]]) -> set[str]:
        """Every value column `i` shows, with those folded under it."""
        texts = set(self.own(i))
        for guest in folded.get(i, ()):
            texts |= self.own(guest, folded=True)
        return texts

    def own(self, i: int, folded: bool = False) -> set[str]:
        """Column `i`'s values; as folded lines (`until ...`) when `folded`."""
        key = (i, folded)
        if key not in self._texts:
            texts = {row[0][i][0] for row in self.rows}
            column = self.columns[i]
            if folded:
                texts = {fold_text(column, text) for text in texts}
            self._texts[key] = texts
        return self._texts[key]

    def sizes(self, i: int, folded: bool = False) -> tuple[int, int]:
        """The widest of column `i`'s values, and its widest word: up to
        `WORD` unless its values never break (an id); a folded value that
        does not wrap is one word (its label and value stay on one line)."""
        key = (i, folded)
        if key not in self._sizes:
            texts = self.own(i, folded)
            column = self.columns[i]
            most = max(map(cells, texts), default=0)
            if folded and not column.wrap:  # `until 2021-01-08 00:00Z`: one line
                word = most
            else:
                word = max(map(longest_word, texts), default=0)
                word = word if column.atomic else min(WORD, word)
            self._sizes[key] = (most, word)
        return self._sizes[key]

    def fit(
        self,
        shown: list[int],
        folded: dict[int, list[int]],
        width: int,
        comfortable: bool = False,
    ) -> list[int]:
        """Each shown column's width within `width`, when its values allow;
        `comfortable`: no wrapping column narrower than its `room`."""
        natural, least = [], []
        for i in shown:
            column = self.columns[i]
            sizes = [self.sizes(i)]
            sizes += [self.sizes(guest, folded=True) for guest in folded.get(i, ())]
            header = cells(column.name)
            most = max(header, *(most for most, _ in sizes))
            natural.append(most)
            if not (column.wrap or i in folded):
                least.append(most)
                continue
            word = max(word for _, word in sizes)
            room = column.room if comfortable else 0
            least.append(min(most, max(header, word, room)))
        return shrink(natural, least, width - GAP * (len(shown) - 1))

    def tighten(
        self, shown: list[int], folded: dict[int, list[int]], widths: list[int]
    ) -> list[int]:
        """`widths`, with what wrapped columns leave unused given to those
        still narrower than their values."""
        natural = self.fit(shown, folded, 10**9)
        for _ in range(3):
            pairs = zip(shown, widths, strict=True)
            used = [self._used(i, folded, width) for i, width in pairs]
            spare = sum(widths) - sum(used)
            widths = used
            if not spare:
                break
            widths = grow(widths, natural, spare)
        return widths

    def _used(self, i: int, folded: dict[int, list[int]], width: int) -> int:
        """How much of `width` column `i`'s values use, wrapped to it; told
        from the first `WRAPPED` values that wrap (a row that would use more
        wraps narrower, never wider)."""
        if not (self.columns[i].wrap or i in folded):
            return width
        texts = list(self.texts(i, folded))
        sizes = list(map(cells, texts))
        whole = max((size for size in sizes if size <= width), default=0)
        long = (text for text, size in zip(texts, sizes, strict=True) if size > width)
        lines = (line for text in islice(long, WRAPPED) for line in wrap(text, width))
        return max(cells(self.columns[i].name), whole, *map(cells, lines))


def shrink(natural: list[int], least: list[int], room: int) -> list[int]:
    """Widths within `room`: the widest column that can still give gives a
    cell at a time, down to its least width."""
    widths = list(natural)
    excess = sum(widths) - room
    while excess > 0:
        giving = [i for i, low in enumerate(least) if widths[i] > low]
        if not giving:
            break
        widest = max(giving, key=widths.__getitem__)
        widths[widest] -= 1
        excess -= 1
    return widths


def grow(widths: list[int], natural: list[int], spare: int) -> list[int]:
    """`spare` cells given, one at a time, to the column furthest from its
    natural width."""
    widths = list(widths)
    while spare > 0:
        short = [i for i, most in enumerate(natural) if widths[i] < most]
        if not short:
            break
        neediest = max(short, key=lambda i: natural[i] - widths[i])
        widths[neediest] += 1
        spare -= 1
    return widths
