"""`standing timeline`: which accounts it draws, its window, where it writes,
and its usage errors; `standing demo` says where its picture is."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest

from tests.cli.records import event, registered

SCENARIO = Path(__file__).parents[2] / "examples" / "january2021.jsonl"
NAMED = ("realDonaldTrump", "TeamTrump", "POTUS", "POTUS45", "GenFlynn")


@pytest.fixture
def january(standing):
    result = standing("replay", str(SCENARIO))
    assert result.exit_code == 0, result.output


def lanes(html: str) -> list[str]:
    return re.findall(r'<g class="lane" data-account="([^"]*)"', html)


def periods(html: str) -> list[tuple[str, str, str]]:
    return re.findall(
        r'data-account="([^"]*)" data-status="([^"]*)" data-from="([^"]*)"', html
    )


def test_draws_one_lane_per_named_account_into_the_file_and_says_where(
    january, standing, tmp_path
):
    out = tmp_path / "jan.html"

    result = standing("timeline", *NAMED, "@SidneyPowell1", "-o", str(out))

    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr == f"Wrote 6 accounts to {out}\n"
    html = out.read_text(encoding="utf-8")
    assert lanes(html) == [f"@{handle}" for handle in (*NAMED, "SidneyPowell1")]
    assert ("@POTUS45", "archived", "2021-01-20T17:00:00Z") in periods(html)
    assert (
        "@realDonaldTrump",
        "locked",
        "2021-01-07T00:02:00Z",
    ) in periods(html)


def test_all_draws_every_account_of_the_store(january, standing):
    result = standing("timeline", "--all", "-o", "-")

    assert result.exit_code == 0, result.output
    assert lanes(result.stdout) == [
        "@GenFlynn",
        "@POTUS",
        "@POTUS45",
        "@realDonaldTrump",
        "@SidneyPowell1",
        "@TeamTrump",
    ]
    assert "left out" not in result.stdout


def test_all_past_the_limit_says_how_many_were_left_out_and_how_to_see_them(
    january, standing
):
    first = standing("timeline", "--all", "--limit", "2")
    next_page = standing("timeline", "--all", "--limit", "2", "--offset", "4")

    assert lanes(first.stdout) == ["@GenFlynn", "@POTUS"]
    assert (
        "Accounts 1 to 2 of 6, by platform and handle: 4 more left out. The next"
        " ones: standing timeline --all --offset 2 --limit 2 -o FILE.html"
    ) in first.stdout
    assert lanes(next_page.stdout) == ["@SidneyPowell1", "@TeamTrump"]
    assert "Accounts 5 to 6 of 6, by platform and handle." in next_page.stdout


def test_all_with_a_platform_draws_only_that_platform_named_in_any_case(
    standing, events_file
):
    standing(
        "replay",
        str(
            events_file(
                registered("jack"),
                registered("jack", platform="mastodon"),
                registered("ann", platform="mastodon"),
            )
        ),
    )

    result = standing("timeline", "--all", "--platform", "Mastodon")

    assert result.exit_code == 0, result.output
    assert lanes(result.stdout) == ["@ann", "@jack"]
    assert 'data-platform="mastodon"' in result.stdout
    assert 'data-platform="twitter"' not in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--platform", "mastodon"), "no accounts to draw on mastodon"),
        (("--offset", "6"), "no accounts to draw past the first 6 (there are 6)"),
    ],
)
def test_all_with_nothing_to_draw_says_so_and_writes_nothing(
    january, standing, tmp_path, args, message
):
    out = tmp_path / "none.html"

    result = standing("timeline", "--all", *args, "-o", str(out))

    assert result.exit_code == 1
    assert result.stderr == f"Error: {message}\n"
    assert not out.exists()


def test_a_window_of_dates_runs_from_the_first_day_s_start_to_the_last_day_s_end(
    january, standing
):
    result = standing("timeline", "POTUS", "--from", "2021-01-06", "--to", "2021-01-20")

    assert result.exit_code == 0, result.output
    assert 'data-window-from="2021-01-06T00:00:00Z"' in result.stdout
    assert 'data-window-to="2021-01-21T00:00:00Z"' in result.stdout
    assert "from 2021-01-06 00:00Z to 2021-01-21 00:00Z (UTC)" in result.stdout


def test_a_window_in_a_time_zone_is_drawn_in_utc(january, standing):
    result = standing(
        "timeline",
        "realDonaldTrump",
        "--from",
        "2021-01-06T19:00",
        "--to",
        "2021-01-07T19:00",
        "--tz",
        "America/New_York",
    )

    assert result.exit_code == 0, result.output
    assert 'data-window-from="2021-01-07T00:00:00Z"' in result.stdout
    assert 'data-window-to="2021-01-08T00:00:00Z"' in result.stdout


def test_a_marked_instant_tells_each_account_s_status_then(january, standing):
    result = standing(
        "timeline", "POTUS", "POTUS45", "--mark", "2021-01-20T12:00:00-05:00"
    )

    assert result.exit_code == 0, result.output
    assert (
        "<title>at 2021-01-20 17:00Z\n@POTUS: active, Joseph R. Biden\n"
        "@POTUS45: archived, Donald J. Trump</title>"
    ) in result.stdout


def test_what_time_alone_did_is_drawn_apart_from_the_stored_facts(january, standing):
    result = standing("timeline", "realDonaldTrump", "POTUS")

    assert '<g class="tick tick-change" tabindex="0" data-type="lock.ran_out"' in (
        result.stdout
    )
    assert (
        'class="tick tick-transfer" tabindex="0" data-type="transfer.took_effect"'
        in (result.stdout)
    )
    assert "by: time alone: no stored fact" in result.stdout


def test_an_unknown_account_is_refused_with_close_handles(january, standing):
    result = standing("timeline", "POTUS", "realDonaldTrum")

    assert result.exit_code == 1
    assert result.stderr == (
        "Error: unknown account @realDonaldTrum on twitter; did you mean"
        " @realDonaldTrump?\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "name the accounts to draw, or pass --all (not both)"),
        (("POTUS", "--all"), "name the accounts to draw, or pass --all (not both)"),
        (
            ("POTUS", "--from", "2021-01-08", "--to", "2021-01-07"),
            "--from 2021-01-08 is not before --to 2021-01-07",
        ),
        (("POTUS", "--to", "tomorrow"), "invalid time 'tomorrow'"),
        (("POTUS", "--mark", "2021-13-01"), "invalid time '2021-13-01'"),
        (("bad handle",), "invalid handle 'bad handle'"),
        (("--all", "--platform", "x y"), "invalid platform 'x y'"),
    ],
)
def test_a_usage_error_is_one_line_and_exit_2(january, standing, args, message):
    result = standing("timeline", *args)

    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {message}")
    assert result.stderr.count("\n") == 1


def test_a_file_that_cannot_be_written_is_said_plainly_and_nothing_is_left(
    january, standing, tmp_path
):
    out = tmp_path / "missing" / "jan.html"

    result = standing("timeline", "POTUS", "-o", str(out))

    assert result.exit_code == 3
    assert result.stderr.startswith("Error: No such file or directory")
    assert not out.parent.exists()


def test_a_file_is_replaced_whole(january, standing, tmp_path):
    (tmp_path / "pictures").mkdir()
    out = tmp_path / "pictures" / "jan.html"
    out.write_text("old picture")

    result = standing("timeline", "POTUS", "-o", str(out))

    assert result.exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in out.parent.iterdir()] == ["jan.html"]


def test_a_hostile_holder_stays_text_in_the_file(standing, events_file):
    holder = '"><script>alert(1)</script>'
    path = events_file(
        registered("jack", holder=holder),
        event("account.locked", "jack", "2021-01-02T00:00:00Z", reason=holder),
    )
    standing("replay", str(path))

    result = standing("timeline", "jack")

    assert result.stdout.count("<script") == 1
    assert "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in result.stdout


def test_the_demo_writes_the_january_picture_and_prints_its_path_on_one_line(
    tmp_path, monkeypatch
):
    from typer.testing import CliRunner

    from standing.cli.main import app

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.chdir(tmp_path)

    result = CliRunner().invoke(app, ["demo"])

    assert result.exit_code == 0, result.output
    line = result.stdout.splitlines()[-1]
    path = Path(line)
    assert path.parent.parent == tmp_path
    html = path.read_text(encoding="utf-8")
    assert lanes(html) == [
        "@realDonaldTrump",
        "@TeamTrump",
        "@POTUS",
        "@POTUS45",
        "@GenFlynn",
        "@SidneyPowell1",
    ]
    assert "<title>Twitter, January 2021</title>" in html


@pytest.mark.slow
def test_html_is_never_poured_into_a_terminal(tmp_path):
    import os
    import pty
    import subprocess
    import sys

    standing = Path(sys.executable).with_name("standing")
    db = tmp_path / "store.db"
    subprocess.run([standing, "replay", SCENARIO, "--db", db], check=True)
    terminal, screen = pty.openpty()
    try:
        result = subprocess.run(
            [standing, "timeline", "POTUS", "--db", db],
            stdout=screen,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    finally:
        os.close(screen)
        os.close(terminal)

    assert result.returncode == 2
    assert result.stderr == "Error: give the file to write: -o FILE.html\n"
