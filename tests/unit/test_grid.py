"""The table engine: wrapping between words, folding, never cutting."""

from __future__ import annotations

import io

from rich.cells import cell_len
from rich.console import Console

from standing.cli.grid import Column, Grid
from standing.cli.wrapping import Painter, wrap


def plain(columns, rows, width, folds=()):
    grid = Grid(columns, folds)
    console = Console(file=io.StringIO(), color_system=None)
    cells = [([(text, "") for text in row], "") for row in rows]
    return list(grid.lines(cells, width, Painter(console)))


def test_text_wraps_between_words():
    assert wrap("the quick brown fox jumps", 10) == ["the quick", "brown fox", "jumps"]


def test_an_instant_is_one_word_when_wrapping():
    lines = wrap("lock expiry at 2021-01-07 15:00Z, then", 24)

    assert lines == ["lock expiry at", "2021-01-07 15:00Z, then"]


def test_an_instant_wider_than_its_column_splits_at_its_space_only():
    assert wrap("2021-01-07 15:00:05Z", 12) == ["2021-01-07", "15:00:05Z"]


def test_only_a_word_wider_than_the_column_is_split():
    assert wrap("ab averyveryverylongword cd", 8) == [
        "ab",
        "averyver",
        "yverylon",
        "gword cd",
    ]


def test_wide_characters_take_two_cells():
    lines = plain([Column("holder"), Column("n")], [["習近平", "1"], ["Xi", "2"]], 80)

    columns = [
        cell_len(line[: line.index(n)]) for line, n in zip(lines[1:], "12", strict=True)
    ]
    assert columns == [8, 8]


def test_a_column_with_no_values_is_not_shown():
    lines = plain([Column("a"), Column("empty"), Column("b")], [["x", "", "y"]], 80)

    assert lines == ["a  b", "x  y"]


def test_a_table_that_fits_is_shown_as_it_is():
    lines = plain(
        [Column("account"), Column("posts", right=True)], [["@jack", "7"]], 80
    )

    assert lines == ["account  posts", "@jack        7"]


def test_a_column_folds_under_its_host_with_its_label_when_too_wide():
    columns = [
        Column("account"),
        Column("holder", wrap=True),
        Column("until", fold="account"),
    ]
    row = ["@jack", "Jack " * 6, "2021-01-08 00:00Z"]

    wide = plain(columns, [row], 80, folds=("until",))
    narrow = plain(columns, [row], 40, folds=("until",))

    assert wide[0].split() == ["account", "holder", "until"]
    assert narrow[0].split() == ["account", "holder"]
    assert "until 2021-01-08 00:00Z" in "\n".join(narrow)
    assert max(map(len, narrow)) <= 40


def test_no_value_is_cut_even_when_the_terminal_is_too_narrow():
    columns = [Column("id"), Column("at")]
    lines = plain(columns, [["an-identifier-of-forty-characters-long!", "x"]], 20)

    assert "an-identifier-of-forty-characters-long!" in lines[1]


def test_rows_after_the_sample_wrap_within_the_terminal_between_words():
    grid = Grid([Column("n"), Column("text", wrap=True)])
    console = Console(file=io.StringIO(), color_system=None)
    rows = [([(str(n), ""), ("short", "")], "") for n in range(3)]
    rows.append(([("3", ""), ("a much longer text than before", "")], ""))

    lines = list(grid.lines(rows, 12, Painter(console), sample=3))

    assert max(map(len, lines)) <= 12
    assert [line[3:] for line in lines[4:]] == [
        "a much",
        "longer",
        "text than",
        "before",
    ]


def test_styles_are_painted_on_a_colour_terminal_and_not_into_a_file():
    colour = Console(file=io.StringIO(), color_system="standard", force_terminal=True)
    file = Console(file=io.StringIO(), color_system=None)

    assert Painter(colour)("locked", "yellow") == "\x1b[33mlocked\x1b[0m"
    assert Painter(file)("locked", "yellow") == "locked"
