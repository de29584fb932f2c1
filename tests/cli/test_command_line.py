"""The command line's manners: version, help, completion, usage errors, WHEN."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

import pytest
from freezegun import freeze_time
from typer.testing import CliRunner

from standing.cli.main import app
from tests.cli.records import registered

STANDING = str(Path(sys.executable).with_name("standing"))
COMMANDS = [
    [],
    ["replay"],
    ["state"],
    ["accounts"],
    ["history"],
    ["demo"],
    ["generate"],
    ["projections"],
    ["projections", "status"],
    ["projections", "rebuild"],
    ["projections", "follow"],
]
PYTHON_TYPE = re.compile(r"<(str|bool|int|float|path|list|datetime)[^>]*>")
# typer's shell detection, off: the shell is named, as a user may name it
NAMED_SHELL = {"_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"}
NOW = datetime(2021, 1, 20, 17, 0, tzinfo=UTC)


def invoke(*args: str):
    return CliRunner().invoke(app, list(args))


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [STANDING, *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
    )


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_the_version_is_printed_as_name_and_installed_version(flag):
    result = run(flag)

    assert result.returncode == 0
    assert result.stdout == f"standing {version('standing')}\n"


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_dash_h_is_help_on_every_command(command):
    short, long = invoke(*command, "-h"), invoke(*command, "--help")

    assert short.exit_code == 0
    assert short.stdout == long.stdout
    assert short.stdout.startswith(f"Usage: standing {' '.join(command)}".rstrip())


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_help_names_values_by_words_never_by_python_types(command):
    text = invoke(*command, "-h").stdout

    assert not PYTHON_TYPE.findall(text)
    assert "{" not in text


def test_help_names_each_value_by_what_it_is():
    state, replay = invoke("state", "-h").stdout, invoke("replay", "-h").stdout

    assert "Usage: standing state [OPTIONS] ACCOUNT\n" in state
    for term in ("--at WHEN", "-p, --platform PLATFORM", "--tz ZONE", "--db STORE"):
        assert term in state
    assert "Usage: standing replay [OPTIONS] FILE...\n" in replay


def test_help_says_when_takes_now_and_relative_instants():
    text = " ".join(invoke("state", "-h").stdout.split())

    assert "now, or relative to now: -7d, -12h, -30m, +2h (units s m h d w)" in text


def test_the_list_of_commands_wraps_their_help_rather_than_cutting_it():
    text = " ".join(invoke("-h").stdout.split())

    assert "checked whole before anything is written." in text
    assert "..." not in text.replace("[ARGS]...", "")


def test_show_completion_prints_a_bash_script_that_completes_commands():
    script = run("--show-completion", "bash", env=NAMED_SHELL)
    completed = run(
        env={
            "_STANDING_COMPLETE": "complete_bash",
            "COMP_WORDS": "standing sta",
            "COMP_CWORD": "1",
        }
    )

    assert script.returncode == 0
    assert "complete " in script.stdout
    assert "_STANDING_COMPLETE=complete_bash" in script.stdout
    assert completed.stdout.split() == ["state"]


def test_install_completion_installs_the_script_for_the_named_shell(tmp_path):
    result = run(
        "--install-completion", "bash", env={**NAMED_SHELL, "HOME": str(tmp_path)}
    )

    assert result.returncode == 0
    script = tmp_path / ".bash_completions" / "standing.sh"
    assert "_STANDING_COMPLETE" in script.read_text()
    assert str(script) in (tmp_path / ".bashrc").read_text()


UNKNOWN_OPTION = (
    "Error: No such option: --bogus\n"
    "Usage: standing state [OPTIONS] ACCOUNT\n"
    "Try 'standing state -h' for help.\n"
)


def test_a_usage_error_is_three_plain_lines_and_exit_2_in_process():
    result = invoke("state", "jack", "--bogus")

    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == UNKNOWN_OPTION


def test_a_usage_error_is_three_plain_lines_and_exit_2_from_the_executable():
    result = run("state", "jack", "--bogus")

    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == UNKNOWN_OPTION


@pytest.mark.parametrize(
    ("args", "first_line"),
    [
        (["state"], "Error: Missing argument 'ACCOUNT'."),
        (["state", "jack", "--at"], "Error: Option '--at' requires an argument."),
        (["stat"], "Error: No such command 'stat'. Did you mean 'state'?"),
    ],
)
def test_every_usage_error_names_the_fault_then_the_usage_and_the_help(
    args, first_line
):
    result = invoke(*args)
    lines = result.stderr.splitlines()

    assert result.exit_code == 2
    assert lines[0].startswith(first_line)
    assert lines[1].startswith("Usage: standing ")
    assert lines[2].startswith("Try 'standing") and lines[2].endswith(" -h' for help.")
    assert "╭" not in result.stderr


def test_a_usage_error_shows_what_was_typed_literally():
    result = invoke("accounts", "--status", "gone\u202eenog")

    assert "'gone\\u202eenog'" in result.stderr
    assert "\u202e" not in result.stderr


def test_a_usage_error_never_shows_the_password_of_an_address_typed_astray():
    result = invoke("state", "jack", "postgresql://analyst:s3cret@db.example/standing")

    assert result.exit_code == 2
    assert "s3cret" not in result.stderr
    assert "postgresql://analyst:***@db.example/standing" in result.stderr


@pytest.fixture
def store(tmp_path: Path) -> str:
    events = tmp_path / "events.jsonl"
    events.write_text(json.dumps(registered("jack", at="2021-01-10T00:00:00Z")) + "\n")
    db = str(tmp_path / "store.db")
    assert invoke("replay", str(events), "--db", db).exit_code == 0
    return db


@freeze_time(NOW)
@pytest.mark.parametrize(
    "at", [["--at", "-7d"], ["--at=-7d"], ["--at", "-168h"], ["--at", "-1w"]]
)
def test_at_takes_an_instant_relative_to_now_even_with_a_leading_minus(store, at):
    result = invoke("state", "jack", *at, "--json", "--db", store)

    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    assert answer["as_of"] == "2021-01-13T17:00:00Z"
    assert answer["status"] == "active"


@freeze_time(NOW)
def test_at_now_is_the_clock_reading(store):
    result = invoke("state", "jack", "--at", "now", "--json", "--db", store)

    assert json.loads(result.stdout)["as_of"] == "2021-01-20T17:00:00Z"


@freeze_time(NOW)
def test_a_relative_instant_before_registration_finds_no_account_yet(store):
    result = invoke("accounts", "--at", "-11d", "--json", "--db", store)

    assert result.exit_code == 0
    assert json.loads(result.stdout) == []


def test_a_malformed_relative_instant_is_a_usage_error_that_says_the_forms(store):
    result = invoke("state", "jack", "--at", "-7x", "--db", store)

    assert result.exit_code == 2
    assert "relative to now such as -7d, -12h" in result.stderr
