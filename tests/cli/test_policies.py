"""`standing policies` lists the bundled policies; `standing policies show`
prints one, bundled or from a file, and refuses a wrong one with status 1."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner, Result

from standing.cli.main import app

NAMES = ["meta-2022", "meta-2023", "twitter-2021", "youtube-2019"]


def standing(*args: str) -> Result:
    return CliRunner().invoke(app, list(args), env={"COLUMNS": "200"})


def test_standing_policies_lists_each_bundled_policy_with_its_source():
    result = standing("policies")

    assert result.exit_code == 0, result.output
    for name in NAMES:
        assert name in result.stdout
    assert "https://blog.youtube/" in result.stdout


def test_standing_policies_json_gives_name_description_source_and_date():
    result = standing("policies", "--json")

    rows = json.loads(result.stdout)
    assert [row["name"] for row in rows] == NAMES
    assert rows[2]["date"] == "2021-03-01"
    assert set(rows[0]) == {"name", "description", "source", "date"}


def test_policies_show_prints_a_bundled_ladder_step_by_step():
    result = standing("policies", "show", "twitter-2021")

    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "  2: lock PT12H after the post's removal" in lines
    assert "  5+: permanent suspension" in lines
    assert "strikes: counted per policy name; they never expire" in lines


def test_policies_show_toml_prints_the_file_as_it_is():
    result = standing("policies", "show", "meta-2023", "--toml")

    assert result.stdout.startswith("# Meta's penalty system")
    assert 'name = "meta-2023"' in result.stdout


def test_policies_show_reads_a_policy_file(tmp_path: Path):
    path = tmp_path / "mine.toml"
    path.write_text(
        'name = "mine"\ndescription = "d"\nsource = "s"\ndate = 2026-01-01\n'
        '[ladders.default]\n3 = "permanent_suspension"\n'
    )

    result = standing("policies", "show", str(path))

    assert result.exit_code == 0, result.output
    assert "  3+: permanent suspension" in result.stdout.splitlines()


def test_a_wrong_policy_file_is_refused_with_status_1_naming_key_and_line(
    tmp_path: Path,
):
    path = tmp_path / "mine.toml"
    path.write_text(
        'name = "mine"\ndescription = "d"\nsource = "s"\ndate = 2026-01-01\n'
        '[ladders.default]\n1 = { action = "lock", duration = "forever" }\n'
    )

    result = standing("policies", "show", str(path))

    assert result.exit_code == 1
    assert f"{path}, line 6: ladders.default.1.duration" in result.stderr


def test_an_unknown_policy_name_is_refused_with_status_1():
    result = standing("policies", "show", "twitter-2022")

    assert result.exit_code == 1
    assert "did you mean 'twitter-2021'?" in result.stderr
