"""The timeline picture from histories: lanes of periods, facts and changes,
its window, its colours' contrast, and marked instants."""

from __future__ import annotations

import re

from standing.cli.picture import (
    CHANGE,
    FACT,
    TRANSFER,
    Span,
)
from standing.cli.picture.lanes import lane_of
from tests.picture.drawing import (
    at,
    lane,
    render,
)

HISTORY = {
    "account": "@POTUS",
    "platform": "twitter",
    "events": [
        {
            "type": "account.registered",
            "at": "2017-01-20T17:00:00Z",
            "recorded_at": "2021-02-01T10:00:00.5Z",
            "id": "potus-registered",
            "holder": "Donald J. Trump",
            "kind": "institutional",
        },
        {
            "type": "account.transfer_scheduled",
            "at": "2021-01-11T17:00:00Z",
            "recorded_at": "2021-02-01T10:00:00Z",
            "id": "potus-transfer",
            "successor": "Joseph R. Biden",
        },
        {
            "type": "transfer.took_effect",
            "at": "2021-01-20T17:00:00Z",
            "recorded_at": None,
            "id": None,
            "successor": "Joseph R. Biden",
        },
    ],
    "periods": [
        {
            "status": "active",
            "from": "2017-01-20T17:00:00Z",
            "to": "2021-01-20T17:00:00Z",
            "holder": "Donald J. Trump",
            "reason": None,
        },
        {
            "status": "active",
            "from": "2021-01-20T17:00:00Z",
            "to": None,
            "holder": "Joseph R. Biden",
            "reason": None,
        },
    ],
}


def test_a_history_becomes_a_lane_of_its_periods_facts_and_changes():
    drawn = lane_of(HISTORY)

    assert drawn.title == drawn.account == "@POTUS"
    assert drawn.subtitle == (
        "twitter · institutional · Donald J. Trump, then Joseph R. Biden"
    )
    assert [(s.status, s.holder, s.end) for s in drawn.spans] == [
        ("active", "Donald J. Trump", at("2021-01-20T17:00")),
        ("active", "Joseph R. Biden", None),
    ]
    assert [(t.type, t.kind) for t in drawn.ticks] == [
        ("account.registered", FACT),
        ("account.transfer_scheduled", TRANSFER),
        ("transfer.took_effect", TRANSFER),
    ]
    registered = dict(drawn.ticks[0].details)
    assert registered["id"] == "potus-registered"
    assert registered["recorded"] == "2021-02-01 10:00:00.5Z"
    assert dict(drawn.ticks[2].details)["by"] == "time alone: no stored fact"


def test_changes_listed_apart_from_the_events_are_drawn_as_changes():
    history = {
        **HISTORY,
        "events": HISTORY["events"][:2],
        "changes": [{"type": "lock.ran_out", "at": "2021-01-08T00:00:00Z"}],
    }

    drawn = lane_of(history)

    assert ("lock.ran_out", CHANGE) in [(t.type, t.kind) for t in drawn.ticks]


def test_a_window_not_given_runs_from_the_first_instant_until_now_with_a_margin():
    from standing.cli.picture import window_for

    now = at("2022-01-01T00:00")
    first = at("2017-01-20T17:00")

    drawn = window_for([lane_of(HISTORY)], now)

    margin = (now - first) * 0.03
    assert first - margin < drawn.start < first
    assert now < drawn.end < now + margin
    assert drawn.start.second == drawn.end.second == 0
    assert drawn.now == now


def test_a_window_given_is_drawn_as_given():
    from standing.cli.picture import window_for

    start, end = at("2021-01-06T00:00"), at("2021-01-21T00:00")

    drawn = window_for([lane_of(HISTORY)], at("2022-01-01T00:00"), start, end)

    assert (drawn.start, drawn.end) == (start, end)


def contrast(ink: str, paper: str) -> float:
    """WCAG 2 contrast ratio of two #rrggbb colours."""

    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [
            c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
            for c in channels
        ]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(ink), luminance(paper)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_text_is_dark_on_light_and_a_bar_s_label_has_a_white_halo_whatever_its_fill():
    from standing.cli.picture.style import CSS

    def rule(selector: str, prop: str) -> str:
        block = re.search(rf"{re.escape(selector)} \{{([^}}]*)\}}", CSS).group(1)
        return re.search(rf"{prop}: ([^;]+);", block).group(1).strip()

    ink, muted = rule("svg text", "fill"), rule("svg .sub, svg .context", "fill")
    assert contrast(ink, "#ffffff") >= 7 and contrast(muted, "#ffffff") >= 7
    assert contrast(muted, "#f4f4f4") >= 4.5  # "not registered", on the empty bar
    assert rule("svg .label", "stroke") == "#fff"  # the halo around a bar's label
    assert int(rule("svg .label", "stroke-width").removesuffix("px")) >= 3


def test_a_marked_instant_is_a_line_telling_each_lane_s_status_and_holder_then():
    spans = (
        Span("active", at("2021-01-02T00:00"), at("2021-01-20T17:00"), "Trump"),
        Span("active", at("2021-01-20T17:00"), None, "Biden"),
    )
    archive = Span("archived", at("2021-01-20T17:00"), None, "Trump")
    marks = (at("2021-01-20T17:00"), at("2021-01-20T16:59"), at("2022-01-01T00:00"))

    html = render(lane("@POTUS", *spans), lane("@POTUS45", archive), marks=marks)

    assert re.findall(r'<g class="marked" tabindex="0" data-at="([^"]*)">', html) == [
        "2021-01-20T16:59:00Z",
        "2021-01-20T17:00:00Z",
    ]  # the one outside the window is left out
    assert (
        "<title>at 2021-01-20 16:59Z\n@POTUS: active, Trump\n"
        "@POTUS45: not registered</title>"
    ) in html
    assert (
        "<title>at 2021-01-20 17:00Z\n@POTUS: active, Biden\n"
        "@POTUS45: archived, Trump</title>"
    ) in html
    assert len(re.findall(r'<path class="moment-notch"', html)) == 2
    assert "marked</li>" in html
