"""The timeline picture's HTML, read without a browser: escaping, lanes,
legend, axis, periods and ticks."""

from __future__ import annotations

import itertools
import re
from datetime import timedelta

from standing.cli.picture import (
    CHANGE,
    FACT,
    TRANSFER,
    Lane,
    Span,
    Tick,
)
from tests.picture.drawing import (
    HOSTILE,
    LEGEND,
    Tags,
    at,
    attributes,
    lane,
    render,
    window,
)


def test_hostile_holders_reasons_handles_and_ids_are_text_never_markup():
    spans = [
        Span("suspended", at("2021-01-02T00:00"), None, holder=h, reason=h)
        for h in HOSTILE
    ]
    ticks = tuple(
        Tick(at("2021-01-03T00:00") + timedelta(days=i), t, FACT, (("id", t),))
        for i, t in enumerate(HOSTILE)
    )
    lanes = [
        Lane(h, h, h, "twitter", (spans[i],), ticks) for i, h in enumerate(HOSTILE)
    ]

    html = render(*lanes, title=HOSTILE[0], notes=(HOSTILE[1],))

    tags = Tags()
    tags.feed(html)
    assert tags.names.count("script") == 1  # the page's own tooltip script
    assert "img" not in tags.names
    assert not [name for name in tags.attributes if name.startswith("on")]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&amp;lt;already escaped&amp;gt;" in html
    accounts = [a["data-account"] for a in attributes(html, "g") if "data-account" in a]
    assert len(accounts) == len(HOSTILE)


def test_control_and_bidi_characters_in_user_text_show_as_escapes():
    tricky = "Evil\u202eCorp\x1b[2J"

    html = render(lane("@jack", Span("active", at("2021-01-02T00:00"), None, tricky)))

    assert "\u202e" not in html and "\x1b" not in html
    assert "Evil\\u202eCorp\\x1b[2J" in html


def test_one_lane_per_account_each_labelled_with_its_handle():
    html = render(
        lane("@realDonaldTrump", Span("active", at("2021-01-02T00:00"), None)),
        lane("@POTUS", Span("active", at("2021-01-02T00:00"), None)),
        lane("@GenFlynn"),
    )

    lanes = [a for a in attributes(html, "g") if a.get("class") == "lane"]
    assert [a["data-account"] for a in lanes] == [
        "@realDonaldTrump",
        "@POTUS",
        "@GenFlynn",
    ]
    assert [a["aria-label"] for a in lanes] == [
        "@realDonaldTrump",
        "@POTUS",
        "@GenFlynn",
    ]


def test_the_legend_shows_every_status_by_its_pattern_and_its_name():
    html = render(lane())

    legend = re.search(r'<ul class="legend".*?</ul>', html).group()
    for status, name in [
        ("active", "active"),
        ("locked", "locked"),
        ("suspended", "suspended"),
        ("permanently_suspended", "permanently suspended"),
        ("archived", "archived"),
    ]:
        assert f'fill="url(#p-{status})"/></svg>{name}</li>' in legend
        assert f'<pattern id="p-{status}"' in html
    for mark in ("stored fact", "what time alone did", "transfer", "new holder"):
        assert f"{mark}</li>" in legend


def test_the_picture_has_a_title_and_a_description():
    html = render(lane(), title="Twitter, January 2021")

    svg = attributes(html, "svg")[-1]
    assert svg["aria-labelledby"] == "chart-title chart-desc"
    assert '<title id="chart-title">Twitter, January 2021</title>' in html
    assert re.search(r'<desc id="chart-desc">Status over time, 1 account, ', html)


def axis_labels(html: str, kind: str) -> list[str]:
    axis = re.search(r'<svg class="axis".*?</svg>', html).group()
    return re.findall(rf'<text class="{kind}"[^>]*>([^<]*)</text>', axis)


def test_an_hours_long_window_is_labelled_in_hours_with_the_day_they_fall_on():
    html = render(lane(), shown=window("2021-01-06T18:00", "2021-01-08T06:00"))

    labels = axis_labels(html, "tick-label")
    assert labels[:4] == ["18:00", "21:00", "00:00", "03:00"]
    assert labels[-1] == "06:00"
    assert axis_labels(html, "context") == [
        "Wed 2021-01-06",
        "Thu 2021-01-07",
        "Fri 2021-01-08",
    ]


def test_a_minutes_long_window_is_labelled_in_minutes():
    html = render(lane(), shown=window("2021-01-07T11:45", "2021-01-07T12:15"))

    assert axis_labels(html, "tick-label")[:3] == ["11:45", "11:50", "11:55"]


def test_a_decade_long_window_is_labelled_in_years_only():
    html = render(lane(), shown=window("2009-03-18T00:00", "2021-01-21T00:00"))

    assert axis_labels(html, "tick-label") == [str(y) for y in range(2010, 2022)]
    assert axis_labels(html, "context") == []


def test_a_few_years_are_labelled_in_half_years_with_the_year():
    html = render(lane(), shown=window("2015-06-16T00:00", "2021-01-21T00:00"))

    assert axis_labels(html, "tick-label")[:3] == ["Jul", "Jan", "Jul"]
    assert axis_labels(html, "context") == [str(y) for y in range(2015, 2022)]


def test_a_weeks_long_window_is_labelled_in_days_with_the_year():
    html = render(lane(), shown=window("2021-01-06T00:00", "2021-01-22T00:00"))

    assert axis_labels(html, "tick-label")[:3] == ["Jan 6", "Jan 7", "Jan 8"]
    assert axis_labels(html, "context") == ["2021"]


def test_each_period_carries_its_account_status_and_instants():
    html = render(
        lane(
            "@jack",
            Span("active", at("2021-01-02T00:00"), at("2021-01-07T00:02"), "Jack"),
            Span("locked", at("2021-01-07T00:02"), at("2021-01-08T00:00"), "Jack", "r"),
            Span("permanently_suspended", at("2021-01-08T00:00"), None, "Jack", "r2"),
        ),
        shown=window("2021-01-01T00:00", "2021-01-15T00:00"),
    )

    periods = [a for a in attributes(html, "rect") if "data-status" in a]
    assert [(p["data-status"], p["data-from"], p.get("data-to")) for p in periods] == [
        ("active", "2021-01-02T00:00:00Z", "2021-01-07T00:02:00Z"),
        ("locked", "2021-01-07T00:02:00Z", "2021-01-08T00:00:00Z"),
        ("permanently_suspended", "2021-01-08T00:00:00Z", None),
    ]
    assert {p["data-account"] for p in periods} == {"@jack"}
    assert [p["fill"] for p in periods] == [
        "url(#p-active)",
        "url(#p-locked)",
        "url(#p-permanently_suspended)",
    ]
    labels = re.findall(r'<text class="label"[^>]*>([^<]*)</text>', html)
    assert labels == ["active", "locked", "permanently suspended"]
    assert "2021-01-07 00:02Z to 2021-01-08 00:00Z (23 h 58 min)" in html


def test_a_period_too_short_for_the_scale_is_still_drawn_and_the_page_says_so():
    years = window("2009-03-18T00:00", "2021-01-21T00:00")
    html = render(
        lane(
            "@realDonaldTrump",
            Span("active", at("2009-03-18T04:00"), at("2021-01-07T00:02")),
            Span("locked", at("2021-01-07T00:02"), at("2021-01-08T00:00")),
            Span("active", at("2021-01-08T00:00"), at("2021-01-08T23:21")),
            Span("permanently_suspended", at("2021-01-08T23:21"), None),
        ),
        shown=years,
    )

    periods = [a for a in attributes(html, "rect") if "data-status" in a]
    lock = next(p for p in periods if p["data-status"] == "locked")
    assert float(lock["width"]) >= 4
    assert "narrow" in lock["class"]
    lefts = [float(p["x"]) for p in periods]
    assert lefts == sorted(lefts)  # in time order, none hidden under another
    for before, after in itertools.pairwise(periods):
        assert float(before["x"]) + float(before["width"]) <= float(after["x"]) + 0.01
    assert "3 periods are too short to see at this scale" in html


def test_thousands_of_short_periods_are_drawn_in_order_a_few_together_none_hidden():
    start, day = at("2021-01-01T00:00"), timedelta(days=1)
    statuses = ["active", "locked", "active", "suspended"]
    spans = [
        Span(statuses[i % 4], start + i * day / 100, start + (i + 1) * day / 100)
        for i in range(3000)
    ]

    html = render(lane("@busy", *spans))

    bars = [a for a in attributes(html, "rect") if "data-status" in a]
    assert 3000 / 100 < len(bars) <= 1200 / 4
    assert sum(int(bar.get("data-count", 1)) for bar in bars) == 3000
    for before, after in itertools.pairwise(bars):
        assert float(before["x"]) + float(before["width"]) <= float(after["x"]) + 0.01
    assert float(bars[-1]["x"]) + float(bars[-1]["width"]) <= 1200 - 14
    together = [bar for bar in bars if "data-count" in bar]
    assert {bar["data-status"] for bar in together} == {"suspended"}
    assert re.search(
        r"<title>\d+ periods too short to draw apart, shown as suspended\n"
        r"2021-01-\d\d \d\d:\d\d(:\d\d)?Z to [^\n]*\nactive: \d+\nlocked: \d+",
        html,
    )


def test_periods_outside_the_window_are_left_out_and_cut_ones_marked():
    html = render(
        lane(
            "@jack",
            Span("active", at("2020-01-01T00:00"), at("2020-06-01T00:00")),
            Span("locked", at("2020-06-01T00:00"), at("2021-01-10T00:00")),
            Span("archived", at("2021-01-10T00:00"), None),
        )
    )

    statuses = [
        a["data-status"] for a in attributes(html, "rect") if "data-status" in a
    ]
    assert statuses == ["locked", "archived"]
    lanes = re.search(r'<svg class="lanes".*</svg>', html, re.DOTALL).group()
    assert len(re.findall(r'<path class="clipped"', lanes)) == 2


def test_facts_changes_and_transfers_are_ticks_told_apart_with_their_details():
    ticks = (
        Tick(at("2021-01-07T00:02"), "account.locked", FACT, (("reason", "civic"),)),
        Tick(at("2021-01-08T00:00"), "lock.ran_out", CHANGE, (("by", "time alone"),)),
        Tick(at("2021-01-20T17:00"), "transfer.took_effect", TRANSFER),
    )

    html = render(lane("@POTUS", ticks=ticks))

    groups = [a for a in attributes(html, "g") if "data-type" in a]
    assert [(g["class"], g["data-type"]) for g in groups] == [
        ("tick tick-fact", "account.locked"),
        ("tick tick-change", "lock.ran_out"),
        ("tick tick-transfer", "transfer.took_effect"),
    ]
    assert "<title>account.locked\n2021-01-07 00:02Z\nreason: civic</title>" in html
    assert '<circle class="mark change"' in html
    assert '<path class="mark transfer"' in html


def test_thousands_of_close_ticks_are_drawn_as_few_marks_that_count_them():
    start = at("2021-01-01T00:00")
    ticks = tuple(
        Tick(start + timedelta(minutes=10 * i), "post.published") for i in range(4000)
    )

    html = render(lane("@busy", ticks=ticks))

    groups = [a for a in attributes(html, "g") if "data-count" in a]
    assert len(groups) <= 1200 / 3
    assert sum(int(g["data-count"]) for g in groups) == 4000
    assert re.search(
        r"<title>\d+ events, 2021-01-\d\d \d\d:\d\dZ to [^<]*\npost.published: \d+<",
        html,
    )


def test_a_holder_change_is_marked_and_each_period_names_its_holder():
    html = render(
        lane(
            "@POTUS",
            Span("active", at("2021-01-02T00:00"), at("2021-01-20T17:00"), "Trump"),
            Span("active", at("2021-01-20T17:00"), None, "Biden"),
        )
    )

    assert (
        '<g class="holder-change" tabindex="0" data-at="2021-01-20T17:00:00Z">' in html
    )
    assert "holder changed\n2021-01-20 17:00Z\nTrump → Biden" in html
    assert ">active · Trump</text>" in html


def test_lanes_in_a_group_are_drawn_under_one_heading():
    recorded = Lane("recorded", account="@jack", group="@jack")
    simulated = Lane("simulated: twitter-2021", account="@jack", group="@jack")

    html = render(recorded, simulated, Lane("recorded", account="@ann", group="@ann"))

    assert re.findall(r'<text class="lane-title group"[^>]*>([^<]*)<', html) == [
        "@jack",
        "@ann",
    ]
    lanes = [a["aria-label"] for a in attributes(html, "g") if a.get("class") == "lane"]
    assert lanes == ["recorded", "simulated: twitter-2021", "recorded"]
    assert "3 lanes, from" in html


def test_nothing_is_loaded_from_the_network():
    html = render(lane("@jack", Span("locked", at("2021-01-02T00:00"), None)))

    assert re.findall(r"https?://[^\"' ]+", html) == ["http://www.w3.org/2000/svg"]
    assert not re.search(r"\b(src|href)=\"(?!data:,)", html)
    assert set(re.findall(r"url\(([^)]*)\)", html)) == {f"#p-{s}" for s in LEGEND}
