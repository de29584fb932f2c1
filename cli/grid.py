"""Tables that fit the terminal without cutting a value.

Columns are apart by two spaces, with no borders (as `gh` prints them). When
the values are wider than the terminal, long text wraps at word boundaries;
if that is not enough, less important columns fold: their values become a
dim line under another column's value (`until 2021-01-08 00:00Z` under
`since`). Nothing is ever cut or dropped. Rows are laid out from the first
few hundred and printed as they come, so a table of any length streams.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import chain, islice

from standing.cli.escapes import literal
from standing.cli.fitting import GAP, Cell, Column, Layout, Row, fold_text, layout
from standing.cli.wrapping import Painter, cells, wrap

SAMPLE = 500  # rows a layout is measured from
CHUNK = 200  # rows written at once


class Grid:
    """A table's columns, in order; `folds` names those that may fold, first
    to fold first."""

    def __init__(self, columns: Sequence[Column], folds: Sequence[str] = ()) -> None:
        self.columns = list(columns)
        names = [column.name for column in self.columns]
        self.folds = [names.index(name) for name in folds]

    def lines(
        self,
        rows: Iterable[Row],
        width: int,
        paint: Painter,
        sample: int = SAMPLE,
        header: bool = True,
    ) -> Iterator[str]:
        """The header and every row, as lines of at most `width` cells when
        the values allow; laid out from the first `sample` rows."""
        rows = iter(rows)
        first = [_literal(row) for row in islice(rows, sample)]
        following = list(islice(rows, 1))
        fitted = layout(self.columns, self.folds, first, width, bool(following))
        rows = chain(following, rows)
        if header:
            yield self._header(fitted, paint)
        for row in chain(first, map(_literal, rows)):
            yield from self._row(row, fitted, paint)

    def _header(self, fitted: Layout, paint: Painter) -> str:
        cells = [[(self.columns[i].name, "bold")] for i in fitted.shown]
        return self._join(cells, fitted, paint)[0]

    def _row(self, row: Row, fitted: Layout, paint: Painter) -> list[str]:
        cells, style = row
        blocks = []
        for i, width in zip(fitted.shown, fitted.widths, strict=True):
            text, cell_style = cells[i]
            block = [(line, f"{style} {cell_style}") for line in wrap(text, width)]
            guests = [
                (self.columns[guest], cells[guest][0])
                for guest in fitted.folded.get(i, ())
            ]
            block += [(line, f"{style} dim") for line in _packed(guests, width)]
            blocks.append(block)
        return self._join(blocks, fitted, paint)

    def _join(
        self, blocks: list[list[Cell]], fitted: Layout, paint: Painter
    ) -> list[str]:
        """Blocks side by side, a line at a time, padded to their widths."""
        columns = [self.columns[i] for i in fitted.shown]
        lines = []
        for n in range(max(map(len, blocks))):
            parts = []
            for block, width, column in zip(
                blocks, fitted.widths, columns, strict=True
            ):
                text, style = block[n] if n < len(block) else ("", "")
                pad = " " * max(0, width - cells(text))
                painted = paint(text, style.strip())
                parts.append(pad + painted if column.right else painted + pad)
            lines.append((" " * GAP).join(parts).rstrip())
        return lines


def write(console: object, lines: Iterable[str]) -> None:
    """Lines to the console's file, a chunk at a time."""
    out = console.file  # type: ignore[attr-defined]
    lines = iter(lines)
    while chunk := list(islice(lines, CHUNK)):
        out.write("\n".join(chunk) + "\n")
    out.flush()


def _packed(guests: list[tuple[Column, str]], width: int) -> list[str]:
    """Folded values as lines: labelled ones side by side while they fit
    (`recorded ...  id ...`), the others on lines of their own."""
    lines: list[str] = []
    beside = False  # whether the last line is one labelled value, whole
    for column, value in guests:
        if not value:
            continue
        text = fold_text(column, value)
        labelled = text != value
        if beside and labelled and cells(lines[-1]) + GAP + cells(text) <= width:
            lines[-1] += " " * GAP + text
            continue
        wrapped = wrap(text, width)
        lines += wrapped
        beside = labelled and len(wrapped) == 1
    return lines


def _literal(row: Row) -> Row:
    cells, style = row
    return [(literal(str(text)), cell_style) for text, cell_style in cells], style
