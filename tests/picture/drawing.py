"""Pictures for the tests to read: lanes, windows, and the page they render."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from html.parser import HTMLParser

from standing.cli.picture import (
    Lane,
    Picture,
    Span,
    Tick,
    Window,
)
from standing.cli.picture import render as render_picture

LEGEND = ("active", "locked", "suspended", "permanently_suspended", "archived")
HOSTILE = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "</title></desc></svg><script>alert(2)</script>",
    "' onmouseover='alert(3)",
    "&lt;already escaped&gt;",
]


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def window(start: str, end: str, now: str | None = None) -> Window:
    return Window(at(start), at(end), at(now) if now else None)


def lane(title: str = "@jack", *spans: Span, ticks: tuple[Tick, ...] = ()) -> Lane:
    return Lane(title, "twitter", title, "twitter", spans, ticks)


def render(*lanes: Lane, shown: Window | None = None, **more) -> str:
    shown = shown or window("2021-01-01T00:00", "2021-02-01T00:00")
    return render_picture(Picture(lanes, shown, **more))


def attributes(html: str, element: str) -> list[dict[str, str]]:
    """Each `element`'s attributes (values still escaped)."""
    found = []
    for match in re.finditer(rf"<{element}\b([^>]*)>", html):
        found.append(dict(re.findall(r'([\w-]+)="([^"]*)"', match.group(1))))
    return found


class Tags(HTMLParser):
    """Every element and attribute name, as a browser's parser reads them."""

    def __init__(self) -> None:
        super().__init__()
        self.names: list[str] = []
        self.attributes: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.names.append(tag)
        self.attributes += [name for name, _ in attrs]
