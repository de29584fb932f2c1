"""`standing demo` on an 80-column screen: every value whole, every account named."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from standing.cli.commands.demo import scenario_path
from standing.cli.main import app
from tests.cli.terminals import PLAIN_TERMINAL, STYLE, on_a_terminal

README = Path(__file__).parents[2] / "README.md"
STANDING = str(Path(sys.executable).with_name("standing"))
WHOLE = [
    "@realDonaldTrump  locked until 2021-01-08 00:00Z",
    "@POTUS            active, held by Joseph R. Biden",
    "@POTUS45          archived since 2021-01-20 17:00Z, held by Donald J. Trump",
    "@SidneyPowell1    permanently suspended since 2021-01-09 00:00Z",
    "passes to Joseph R. Biden at 2021-01-20 17:00Z",
]


def demo(columns: int = 80) -> str:
    result = CliRunner().invoke(app, ["demo"], env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture
def elsewhere(tmp_path, monkeypatch):
    """A working folder that is not a checkout of standing."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_every_line_of_the_demo_fits_80_columns(elsewhere):
    lines = demo(80).splitlines()

    assert max(len(line) for line in lines) <= 80


def test_the_demos_key_values_are_whole_at_80_columns(elsewhere):
    text = demo(80)

    for value in WHOLE:
        assert value in text
    assert "…" not in text


def test_an_instant_is_never_split_even_in_a_narrow_terminal(elsewhere):
    lines = demo(50).splitlines()
    paths = ("standing replay /", "/")  # each on a line of its own, never broken
    story = [line for line in lines if not line.startswith(paths)]

    assert max(len(line) for line in story) <= 50
    assert any(line.endswith("2021-01-08 00:00Z") for line in lines)
    assert not any(re.search(r"\d{4}-\d\d-\d\d$", line) for line in lines)


def test_the_demo_shows_every_account_the_readme_names(elsewhere):
    scenario = README.read_text().split("The bundled scenario")[1].split("\n\n")[0]
    accounts = set(re.findall(r"@[A-Za-z0-9_]+", scenario))
    text = demo(80)

    assert len(accounts) == 6
    for handle in accounts:
        assert re.search(rf"^{handle}\s", text, re.MULTILINE), handle


def test_in_a_checkout_the_demo_points_to_the_example_file(elsewhere):
    (elsewhere / "examples").mkdir()
    (elsewhere / "examples" / "january2021.jsonl").write_text("")

    text = demo(80)

    assert "Replay it yourself: standing replay examples/january2021.jsonl\n" in text


def test_elsewhere_the_demo_prints_the_bundled_files_path_whole_on_one_line(
    elsewhere,
):
    text = demo(40)  # narrower than the path

    assert f"\nstanding replay {scenario_path()}\n" in text


def test_on_a_24_line_terminal_the_demo_goes_a_screen_at_a_time(tmp_path):
    paged = tmp_path / "paged.txt"
    shown = on_a_terminal(
        [STANDING, "demo"],
        rows=24,
        columns=80,
        env={"PAGER": f"sh -c 'cat > {paged}'", **PLAIN_TERMINAL},
        cwd=tmp_path,
    )

    lines = STYLE.sub("", paged.read_text()).splitlines()
    screens = [lines[start : start + 23] for start in range(0, len(lines), 23)]
    assert shown == ""  # all went through the pager
    assert len(screens) >= 2
    for screen in screens:  # each screen starts a block: none straddles two
        assert screen[0].startswith(("January 2021 on Twitter", "Jan ", "Replay"))


def test_with_pager_empty_the_demo_is_printed_at_once_on_a_terminal(tmp_path):
    shown = on_a_terminal(
        [STANDING, "demo"],
        rows=24,
        columns=80,
        env={"PAGER": "", **PLAIN_TERMINAL},
        cwd=tmp_path,
    )

    assert "Jan 20, noon ET (2021-01-20 17:00Z)" in shown
    assert "\n\n\n" not in shown.replace("\r", "")  # no screens padded
