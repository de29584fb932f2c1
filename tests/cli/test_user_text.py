"""Text from event files is printed as written, never as markup or control
sequences (SPEC section 11), in answers, in errors and in `--debug` output."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from standing.cli.main import app
from tests.cli.records import event, registered

MARKUP = [
    "closing [/] tag",
    "[link=https://example.org]Official[/link]",
    "Team [Biden] 2020",
    "Team [biden] 2020",
    "[bold red]loud[/] :smile:",
]
# clear screen, a window title, a colour, a C1 CSI, a bidi override
HOSTILE = "x\x1b[2J\x1b]0;owned\x07\x1b[31mred\x9b1mz\u202eabc"
SHOWN = r"x\x1b[2J\x1b]0;owned\x07\x1b[31mred\x9b1mz\u202eabc"
QUERIES = [["state", "jack"], ["accounts"], ["history", "jack"]]
# anything that drives a terminal: C0 but newline, DEL, C1, bidi controls
DRIVING = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture
def run(tmp_path, monkeypatch):
    """`standing ARGS... --db` a fresh SQLite store, wide enough not to wrap."""
    monkeypatch.setenv("COLUMNS", "250")
    db = str(tmp_path / "store.db")

    def invoke(*args: str):
        return CliRunner().invoke(app, [*args, "--db", db])

    return invoke


def _stored(run, events_file, holder: str, reason: str = "spam") -> None:
    locked = event("account.locked", "jack", "2021-01-02T00:00:00Z", reason=reason)
    result = run("replay", str(events_file(registered("jack", holder=holder), locked)))
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("holder", MARKUP)
@pytest.mark.parametrize("query", QUERIES, ids=" ".join)
def test_a_holder_that_looks_like_markup_is_printed_as_written(
    holder, query, run, events_file
):
    _stored(run, events_file, holder, reason=holder)

    result = run(*query)

    assert result.exit_code == 0, result.output
    assert holder in result.stdout
    assert "Traceback" not in result.output


@pytest.mark.parametrize("query", QUERIES, ids=" ".join)
def test_control_characters_in_a_holder_or_reason_are_shown_not_obeyed(
    query, run, events_file
):
    _stored(run, events_file, HOSTILE, reason=HOSTILE)

    result = run(*query, "--format", "table")

    assert result.exit_code == 0, result.output
    assert not DRIVING.search(result.stdout)
    assert SHOWN in result.stdout.replace("\n", "").replace(" ", "")


def test_json_answers_keep_the_text_exact(run, events_file):
    _stored(run, events_file, HOSTILE, reason="[/] " + HOSTILE)

    state = json.loads(run("state", "jack", "--json").stdout)
    history = json.loads(run("history", "jack", "--json").stdout)

    assert (state["holder"], state["reason"]) == (HOSTILE, "[/] " + HOSTILE)
    assert history["periods"][-1]["holder"] == HOSTILE


def test_a_rejected_record_s_id_is_shown_escaped_in_its_problem_line(run, events_file):
    unregistered = event(
        "account.unlocked", "jack", "2021-01-02T00:00:00Z", id="[/]" + HOSTILE
    )

    result = run("replay", str(events_file(unregistered)))

    assert result.exit_code == 1
    assert not DRIVING.search(result.stderr)
    assert f"[[/]{SHOWN}]" in result.stderr


@pytest.mark.parametrize("debug", [[], ["--debug"]], ids=["plain", "debug"])
def test_an_error_quoting_a_store_path_shows_its_control_characters_escaped(debug):
    result = CliRunner().invoke(
        app, ["state", "jack", "--db", "x\x1b]0;owned\x07[/].db", *debug]
    )

    assert result.exit_code == 3
    assert not DRIVING.search(result.stderr)
    assert r"x\x1b]0;owned\x07[/].db" in result.stderr


@pytest.mark.parametrize(
    ("character", "shown"),
    [
        ("\x00", r"\x00"),
        ("\n", r"\x0a"),
        ("\x1b", r"\x1b"),
        ("\x7f", r"\x7f"),
        ("\x9b", r"\x9b"),
        ("\u202e", r"\u202e"),
        ("\u2066", r"\u2066"),
        ("\ud800", r"\ud800"),
    ],
)
def test_each_character_that_drives_a_terminal_is_written_as_its_escape(
    character, shown
):
    from standing.cli.terminal import literal

    assert literal(f"a{character}b") == f"a{shown}b"


def test_printable_text_is_left_as_written():
    from standing.cli.terminal import literal

    text = "Team [Biden] 2020 — Zoë 👨‍👩‍👧 :smile: C:\\path"

    assert literal(text) == text
