"""The January 2021 picture opened in a real browser (headless Chromium, no
network): no console error, no request but the file, every account's lane and
period there, the right status under the right instant, tooltips that show.

Skipped, with the reason, where Chromium or Playwright is missing (.ci/run
installs Debian's chromium). A screenshot is saved in the test's folder; with
STANDING_SCREENSHOTS=DIR, also in DIR (docs/ keeps the README's).
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from standing.cli.main import app

pytestmark = pytest.mark.browser

CHROMIUM = Path(os.environ.get("STANDING_CHROMIUM", "/usr/bin/chromium"))
SCENARIO = Path(__file__).parents[2] / "examples" / "january2021.jsonl"
ACCOUNTS = ("realDonaldTrump", "TeamTrump", "POTUS", "POTUS45", "GenFlynn")
ACCOUNTS += ("SidneyPowell1",)
WINDOW = ("2021-01-06", "2021-01-21")
SCREENSHOT = "timeline-january2021.png"
# (account, instant, status drawn under it; None: not registered then), some
# an hour or two (3 to 6 pixels) either side of a change
EXPECTED = [
    ("@realDonaldTrump", "2021-01-06T12:00:00Z", "active"),
    ("@realDonaldTrump", "2021-01-07T12:00:00Z", "locked"),
    ("@realDonaldTrump", "2021-01-08T12:00:00Z", "active"),
    ("@realDonaldTrump", "2021-01-08T22:00:00Z", "active"),
    ("@realDonaldTrump", "2021-01-09T00:30:00Z", "permanently_suspended"),
    ("@realDonaldTrump", "2021-01-12T00:00:00Z", "permanently_suspended"),
    ("@TeamTrump", "2021-01-09T00:30:00Z", "active"),
    ("@TeamTrump", "2021-01-09T03:00:00Z", "permanently_suspended"),
    ("@POTUS", "2021-01-15T00:00:00Z", "active"),
    ("@POTUS", "2021-01-21T12:00:00Z", "active"),
    ("@POTUS45", "2021-01-15T00:00:00Z", None),
    ("@POTUS45", "2021-01-20T15:00:00Z", None),
    ("@POTUS45", "2021-01-20T19:00:00Z", "archived"),
    ("@POTUS45", "2021-01-21T12:00:00Z", "archived"),
    ("@GenFlynn", "2021-01-07T00:00:00Z", "active"),
    ("@GenFlynn", "2021-01-15T00:00:00Z", "permanently_suspended"),
    ("@SidneyPowell1", "2021-01-15T00:00:00Z", "permanently_suspended"),
]
# the status under an instant, found where the browser drew it
STATUS_AT = """([account, instant]) => {
  const axis = document.querySelector("svg.axis").dataset;
  const start = Date.parse(axis.windowFrom), end = Date.parse(axis.windowTo);
  const left = Number(axis.left), right = Number(axis.right);
  const lane = [...document.querySelectorAll("g.lane")]
    .find((g) => g.dataset.account === account);
  const bar = lane.querySelector("rect.bar");
  bar.scrollIntoView({block: "center"});
  const box = bar.getBoundingClientRect();
  const svg = lane.ownerSVGElement.getBoundingClientRect();
  const x = svg.left + left + (Date.parse(instant) - start) / (end - start)
    * (right - left);
  const hit = document.elementsFromPoint(x, box.top + box.height / 2)
    .find((node) => node.dataset && node.dataset.status);
  return hit ? [hit.dataset.account, hit.dataset.status] : null;
}"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(
            f"no Chromium at {CHROMIUM}: apt-get install -y chromium (.ci/run does),"
            " or set STANDING_CHROMIUM"
        )
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="Playwright missing: pip install -e '.[test]'"
    )
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--headless=new", "--no-sandbox", "--disable-gpu"],
        )
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def january(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    """The picture of the January 2021 scenario, and each account's periods
    as `standing history --json` gives them."""
    folder = tmp_path_factory.mktemp("january")
    out = folder / "january2021.html"
    runner = CliRunner(env={"STANDING_DB": str(folder / "store.db")})
    runner.invoke(app, ["replay", str(SCENARIO)], catch_exceptions=False)
    drawn = runner.invoke(
        app,
        ["timeline", *ACCOUNTS, "--from", WINDOW[0], "--to", WINDOW[1], "-o", str(out)],
    )
    assert drawn.exit_code == 0, drawn.output
    histories = {
        handle: json.loads(runner.invoke(app, ["history", handle, "--json"]).stdout)
        for handle in ACCOUNTS
    }
    return out, histories


@pytest.fixture
def opened(browser: Any, january: tuple[Path, dict]) -> Iterator[tuple[Any, list]]:
    """The page, with every console message, page error and request kept."""
    context = browser.new_context(viewport={"width": 1280, "height": 680}, offline=True)
    page = context.new_page()
    url = january[0].as_uri()
    seen: list[str] = []
    page.on("console", lambda message: seen.append(f"console {message.type}"))
    page.on("pageerror", lambda error: seen.append(f"page error: {error}"))
    page.on("request", lambda request: seen.append(f"request {request.url}"))
    page.on("requestfailed", lambda request: seen.append(f"failed {request.url}"))
    page.goto(url, wait_until="load")
    yield page, seen
    context.close()


def test_the_picture_loads_with_no_error_and_no_request_but_its_own(opened, january):
    page, seen = opened

    page.wait_for_timeout(200)  # anything late would show by now

    assert seen == [f"request {january[0].as_uri()}"]


def test_each_account_has_its_lane_and_each_period_its_bar(opened, january):
    page, _ = opened
    histories = january[1]

    drawn_lanes = page.eval_on_selector_all(
        "g.lane", "(lanes) => lanes.map((g) => g.dataset.account)"
    )
    bars = page.eval_on_selector_all(
        "rect.period",
        """(rects) => rects.map((r) => [r.dataset.account, r.dataset.status,
            r.dataset.from, r.dataset.to || null, r.getBoundingClientRect().width])""",
    )

    assert drawn_lanes == [f"@{handle}" for handle in ACCOUNTS]
    expected = [
        [history["account"], p["status"], p["from"], p["to"]]
        for history in histories.values()
        for p in history["periods"]
        if _overlaps(p, WINDOW)
    ]
    assert [bar[:4] for bar in bars] == expected
    assert min(bar[4] for bar in bars) >= 4  # every period seen


def test_under_each_instant_is_the_status_the_account_had_then(opened):
    page, _ = opened

    found = [
        (account, instant, page.evaluate(STATUS_AT, [account, instant]))
        for account, instant, _ in EXPECTED
    ]

    assert found == [
        (account, instant, [account, status] if status else None)
        for account, instant, status in EXPECTED
    ]


def test_a_tick_and_a_period_show_their_details_on_hover(opened):
    page, _ = opened

    lane = 'g.lane[data-account="@realDonaldTrump"]'
    page.hover(f'{lane} g.tick[data-at="2021-01-07T00:02:00Z"]')  # with its violation
    tick = page.inner_text("#tip")
    page.hover('rect.period[data-status="locked"]')
    period = page.inner_text("#tip")

    assert page.is_visible("#tip")
    page.mouse.move(600, 5)  # the page's heading: no tooltip there
    assert not page.is_visible("#tip")
    assert page.eval_on_selector("svg.lanes > title", "(t) => t.textContent") == (
        "Timeline of @realDonaldTrump, @TeamTrump, @POTUS, @POTUS45, @GenFlynn,"
        " @SidneyPowell1"
    )
    lock = tick.split("\n\n")[1].splitlines()
    assert lock[:4] == [
        "account.locked",
        "2021-01-07 00:02Z",
        "reason: repeated and severe violations of the Civic Integrity policy"
        " amid the risk of violence in Washington, D.C.",
        "id: trump-lock-2021-01-06",
    ]
    assert tick.startswith("violation.recorded\n2021-01-07 00:02Z\n")
    assert period.splitlines()[:2] == [
        "locked",
        "2021-01-07 00:02Z to 2021-01-08 00:00Z (23 h 58 min)",
    ]


def test_without_scripts_the_picture_is_the_same_with_the_browser_s_tooltips(
    browser, january
):
    context = browser.new_context(java_script_enabled=False, offline=True)
    page = context.new_page()
    page.goto(january[0].as_uri())

    titles = page.eval_on_selector_all(
        "rect.period > title", "(titles) => titles.map((t) => t.textContent)"
    )
    labels = page.eval_on_selector_all(
        "text.label", "(texts) => texts.map((t) => t.textContent)"
    )
    context.close()

    assert len(titles) == page_periods(january) == 13
    assert titles[1].startswith("locked\n2021-01-07 00:02Z to 2021-01-08 00:00Z")
    assert {"active", "locked", "permanently suspended"} <= set(labels)


def test_a_screenshot_is_kept(opened, tmp_path):
    page, _ = opened
    page.evaluate("window.scrollTo(0, 0)")

    shot = tmp_path / SCREENSHOT
    page.screenshot(path=str(shot), full_page=True)

    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    keep = os.environ.get("STANDING_SCREENSHOTS")
    if keep:
        shutil.copy(shot, Path(keep) / SCREENSHOT)


def page_periods(january: tuple[Path, dict]) -> int:
    return sum(
        _overlaps(period, WINDOW)
        for history in january[1].values()
        for period in history["periods"]
    )


def _overlaps(period: dict, window: tuple[str, str]) -> bool:
    start = datetime.fromisoformat(f"{window[0]}T00:00:00+00:00")
    end = datetime.fromisoformat(f"{window[1]}T23:59:59+00:00")
    begins = datetime.fromisoformat(period["from"])
    ends = datetime.fromisoformat(period["to"]) if period["to"] else None
    return begins <= end and (ends is None or ends > start)
