"""The four shapes of a query's answer: table, tsv, csv, json.

A table is for a person at a terminal; into a pipe or a file the default is
TSV, every value whole (as `gh` does). TSV and CSV (RFC 4180) have a header
row. Text is shown as the table shows it: every control character, tab and
newline included, as its escape (`\\x09`, `\\x0a`, `\\x1b`, `\\u202e`), so a
value can neither break a row nor drive a terminal; a list or an object is
JSON text. JSON keeps the text exact.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Iterable, Sequence
from contextlib import suppress
from enum import StrEnum
from typing import Annotated, Any, TextIO

import typer

from standing.adapters.input import InputError
from standing.cli.escapes import UNPRINTABLE, literal

WIDE = 1_000_000  # a table into a pipe or file: as wide as its values


class Format(StrEnum):
    TABLE = "table"
    TSV = "tsv"
    CSV = "csv"
    JSON = "json"


FormatOption = Annotated[
    Format | None,
    typer.Option(
        "--format",
        "-f",
        case_sensitive=False,
        metavar="FORMAT",
        help="table, tsv, csv or json. Default: table on a terminal, tsv into a"
        " pipe or file.",
        show_default=False,
    ),
]
Json = Annotated[
    bool, typer.Option("--json", help="Print one JSON document (--format json).")
]


def chosen(format: Format | None, as_json: bool) -> Format:
    """The format asked for, or the one that suits where stdout goes."""
    if as_json and format not in (None, Format.JSON):
        raise InputError(f"--json and --format {format} ask for different formats")
    if as_json:
        return Format.JSON
    if format is not None:
        return format
    return Format.TABLE if _stdout().isatty() else Format.TSV


def table_width(console: Any) -> int:
    """The width a table may take: the terminal's, or COLUMNS when set;
    into a pipe or file, as wide as its values."""
    if console.is_terminal or os.environ.get("COLUMNS", "").isdigit():
        return int(console.width)
    return WIDE


def field(value: Any) -> str:
    """A value as one TSV or CSV field: empty for null, `true`/`false`, JSON
    for a list or an object, text with its control characters escaped."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list):
        # JSON's own escape for what it leaves raw (C1 controls, bidi marks)
        text = json.dumps(value, ensure_ascii=False)
        return UNPRINTABLE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
    return literal(str(value))


def write_rows(
    format: Format, header: Sequence[str], rows: Iterable[Sequence[Any]]
) -> None:
    """A header row, then every row, as TSV or RFC 4180 CSV on stdout."""
    out = output()
    if format is Format.CSV:
        writer = csv.writer(out)  # quotes what needs it; lines end in CRLF
        writer.writerow(header)
        writer.writerows([field(value) for value in row] for row in rows)
    else:
        out.write("\t".join(header) + "\n")
        out.writelines("\t".join(map(field, row)) + "\n" for row in rows)
    out.flush()


def write_json(document: Any) -> None:
    out = output()
    out.write(json.dumps(document) + "\n")
    out.flush()


def output() -> TextIO:
    """Standard output; a character its encoding cannot show is written as
    its escape (`\\u2014`) rather than ending the command."""
    out = _stdout()
    with suppress(AttributeError, ValueError):
        out.reconfigure(errors="backslashreplace")  # type: ignore[attr-defined]
    return out


def _stdout() -> TextIO:
    return sys.stdout
