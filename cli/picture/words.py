"""Text in the picture: user text escaped, instants and lengths compact."""

from __future__ import annotations

import html
from datetime import UTC, datetime, timedelta

from standing.cli.terminal import literal


def esc(text: object) -> str:
    """Text for HTML or SVG, content or attribute value: markup characters
    escaped, and control and bidi characters shown as escapes (`\\u202e`), so
    a holder or reason can neither add markup nor reorder what follows it."""
    return html.escape(literal(str(text)), quote=True)


def tip(lines: list[str]) -> str:
    """A tooltip's lines, each escaped as `esc` does (a line break inside
    user text shows as `\x0a`), one under the other."""
    return "\n".join(esc(line) for line in lines)


def when(at: datetime) -> str:
    """`2021-01-07 00:02Z`: seconds only when there are some."""
    utc = at.astimezone(UTC)
    minute = f"{utc.date().isoformat()} {utc.hour:02d}:{utc.minute:02d}"
    if not (utc.second or utc.microsecond):
        return f"{minute}Z"
    fraction = f".{utc.microsecond:06d}".rstrip("0") if utc.microsecond else ""
    return f"{minute}:{utc.second:02d}{fraction}Z"


def lasting(length: timedelta) -> str:
    """A length as a person says it: `11 h 58 min`, `12 days`, `3.9 years`."""
    seconds = length.total_seconds()
    if seconds >= 2 * 365.25 * 86400:
        return f"{seconds / (365.25 * 86400):.1f} years"
    if seconds >= 2 * 86400:
        return f"{seconds / 86400:.0f} days"
    hours, rest = divmod(int(seconds), 3600)
    minutes = rest // 60
    if hours and minutes:
        return f"{hours} h {minutes} min"
    if hours:
        return f"{hours} h"
    if minutes:
        return f"{minutes} min"
    return f"{seconds:g} s"


def iso(at: datetime) -> str:
    """The exact instant, for data attributes: ISO 8601 in UTC, ending Z."""
    return at.astimezone(UTC).replace(tzinfo=None).isoformat() + "Z"
