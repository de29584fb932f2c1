"""How each status looks: a colour AND a pattern AND a word, never colour
alone; text in dark ink with a white halo, readable on every fill."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Look:
    name: str  # as printed: "permanently suspended"
    short: str  # for a period too narrow for the name
    fill: str
    ink: str  # the pattern's lines or dots ("" for a plain fill)
    pattern: str  # "", "stripes", "crosshatch", "dense", "dots"
    meaning: str  # for the legend


LOOKS = {
    "active": Look("active", "act.", "#cde8c7", "", "", "may post"),
    "locked": Look(
        "locked", "lock", "#ffe08a", "#a87b00", "stripes", "read-only for a while"
    ),
    "suspended": Look(
        "suspended", "susp.", "#f6b3ae", "#b3261e", "crosshatch", "suspended for now"
    ),
    "permanently_suspended": Look(
        "permanently suspended", "perm.", "#8c1d18", "#f2b8b5", "dense", "for good"
    ),
    "archived": Look(
        "archived", "arch.", "#d3dbe3", "#4f6475", "dots", "record of a past tenure"
    ),
}
UNKNOWN = Look("other", "?", "#e0e0e0", "#616161", "dots", "")


def look(status: str) -> Look:
    return LOOKS.get(status, UNKNOWN)


def paint(status: str) -> str:
    """The fill of a period of `status`: its pattern, which holds its colour."""
    return f"url(#p-{status})" if status in LOOKS else UNKNOWN.fill


def patterns() -> str:
    """<pattern> elements, one per status, each with its colour behind it."""
    return "".join(_pattern(status, item) for status, item in LOOKS.items())


def _pattern(status: str, item: Look) -> str:
    size = 8
    back = f'<rect width="{size}" height="{size}" fill="{item.fill}"/>'
    lines = {
        "": "",
        "stripes": f'<path d="M0 8L8 0M-2 2L2 -2M6 10L10 6" stroke="{item.ink}"'
        ' stroke-width="1.6"/>',
        "crosshatch": f'<path d="M0 8L8 0M0 0L8 8" stroke="{item.ink}"'
        ' stroke-width="1.2"/>',
        "dense": f'<path d="M0 4H8M4 0V8" stroke="{item.ink}" stroke-width="1"/>',
        "dots": f'<circle cx="4" cy="4" r="1.3" fill="{item.ink}"/>',
    }[item.pattern]
    return (
        f'<pattern id="p-{status}" width="{size}" height="{size}"'
        f' patternUnits="userSpaceOnUse">{back}{lines}</pattern>'
    )


CSS = """
:root { color-scheme: light; }
body { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #1b1b1b; background: #fff; margin: 16px 20px; }
h1 { font-size: 20px; margin: 0 0 4px; }
p { margin: 4px 0; }
.muted { color: #4a4a4a; }
.note { background: #fff4ce; border: 1px solid #c9a400; padding: 6px 10px;
  display: inline-block; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 18px; margin: 10px 0;
  padding: 0; list-style: none; }
.legend li { display: flex; align-items: center; gap: 6px; }
.legend svg { border: 1px solid #555; }
.chart { width: max-content; }
.axis { position: sticky; top: 0; background: #fff; display: block; }
svg text { font: 12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  fill: #1b1b1b; }
svg .lane-title { font-weight: 600; }
svg .sub, svg .context { fill: #4a4a4a; }
svg .context { font-weight: 600; }
svg .label { paint-order: stroke; stroke: #fff; stroke-width: 3px;
  stroke-linejoin: round; }
svg .grid { stroke: #e3e3e3; }
svg .grid.major { stroke: #b5b5b5; }
svg .now { stroke: #1f4e9e; stroke-dasharray: 4 3; }
svg .now-label { fill: #1f4e9e; font-size: 10px; }
svg .period { stroke: #333; stroke-width: 0.5; }
svg .narrow { stroke: #000; stroke-width: 1; }
svg .hit { fill: transparent; }
svg .hit:hover + .mark, svg .tick:hover .mark { stroke-width: 3; }
svg .tick:focus { outline: 2px solid #1f4e9e; }
svg .fact { stroke: #1b1b1b; stroke-width: 1.5; }
svg .change { stroke: #1b1b1b; stroke-width: 1.5; fill: #fff; }
svg .transfer { stroke: #1b1b1b; fill: #6a3d9a; }
svg .holder { stroke: #6a3d9a; stroke-width: 3; }
svg .clipped { fill: #1b1b1b; }
svg .moment { stroke: #00695c; stroke-width: 2; stroke-dasharray: 6 3; }
svg .moment-notch { fill: #00695c; }
#tip { position: fixed; pointer-events: none; background: #1b1b1b; color: #fff;
  padding: 4px 8px; border-radius: 3px; white-space: pre-line; max-width: 420px;
  font-size: 12px; display: none; z-index: 2; }
table { border-collapse: collapse; margin: 8px 0; }
th, td { text-align: left; padding: 2px 10px 2px 0; vertical-align: top; }
th { border-bottom: 1px solid #888; }
details { margin-top: 16px; }
"""
