"""The HTML page: one self-contained file (inline CSS and SVG, a few lines of
script that only make tooltips quicker), readable with scripts off."""

from __future__ import annotations

from standing.cli.picture import draw, moments, placing, scale
from standing.cli.picture.model import Picture
from standing.cli.picture.style import CSS, LOOKS, patterns
from standing.cli.picture.words import esc, when

WIDTH = 1200
PADDING = 14
TOOLTIPS = """
(() => {
  const tip = document.getElementById("tip");
  const owner = (node) => node && node.closest && node.closest("[data-tip]");
  // the bars' and ticks' own titles, not the picture's (its accessible name)
  for (const title of document.querySelectorAll(".lanes :not(svg) > title")) {
    const parent = title.parentElement;  // the text moves: no double tooltip
    parent.setAttribute("data-tip", title.textContent);
    parent.setAttribute("aria-label", title.textContent);
    title.remove();
  }
  const show = (node, x, y) => {
    tip.textContent = node.getAttribute("data-tip");
    tip.style.display = "block";
    const right = Math.min(x + 14, window.innerWidth - tip.offsetWidth - 4);
    tip.style.left = Math.max(4, right) + "px";
    tip.style.top = (y + 16) + "px";
  };
  const hide = () => { tip.style.display = "none"; };
  document.addEventListener("mousemove", (event) => {
    const node = owner(event.target);
    if (node) { show(node, event.clientX, event.clientY); } else { hide(); }
  });
  document.addEventListener("focusin", (event) => {
    const node = owner(event.target);
    if (!node) { hide(); return; }
    const box = node.getBoundingClientRect();
    show(node, box.left, box.bottom - 12);
  });
  document.addEventListener("focusout", hide);
})();
"""


def render(picture: Picture, width: int = WIDTH) -> str:
    """The picture as one HTML document."""
    frame = draw.Frame(picture.window, PADDING, width - PADDING)
    body, height = draw.lanes(picture.lanes, frame)
    height = max(height, 1)
    window = picture.window
    summary = (
        f"{_count(len(picture.lanes), _noun(picture))}, from {when(window.start)}"
        f" to {when(window.end)} (UTC)"
    )
    axis = scale.axis(frame, width, moments.notches(picture, frame, scale.AXIS_HEIGHT))
    chart = "".join(
        [
            f'<svg class="lanes" xmlns="http://www.w3.org/2000/svg" width="{width}"'
            f' height="{height}" viewBox="0 0 {width} {height}"'
            ' aria-labelledby="chart-title chart-desc">',
            f'<title id="chart-title">{esc(picture.title)}</title>',
            f'<desc id="chart-desc">{esc(_description(picture, summary))}</desc>',
            scale.grid(frame, height),
            scale.now_line(frame, height),
            body,
            moments.lines(picture, frame, height),
            "</svg>",
        ]
    )
    return "".join(
        [
            '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<link rel="icon" href="data:,">',  # no request for /favicon.ico
            f"<title>{esc(picture.title)}</title><style>{CSS}</style></head><body>",
            f'<svg width="0" height="0" style="position:absolute" aria-hidden="true">'
            f"<defs>{patterns()}</defs></svg>",
            f"<h1>{esc(picture.title)}</h1>",
            f'<p class="muted">{esc(summary)}. Hover or focus a bar or a tick'
            " for its details.</p>",
            *(f'<p class="note">{esc(note)}</p>' for note in _notes(picture, frame)),
            _legend(bool(picture.marks)),
            f'<div class="chart">{axis}{chart}</div>',
            _table(picture),
            _footer(picture),
            f'<div id="tip" role="tooltip"></div><script>{TOOLTIPS}</script>',
            "</body></html>\n",
        ]
    )


def _notes(picture: Picture, frame: draw.Frame) -> list[str]:
    short = draw.too_short(picture.lanes, frame)
    if not short:
        return list(picture.notes)
    periods = "1 period is" if short == 1 else f"{short:,} periods are"
    return [
        *picture.notes,
        f"{periods} too short to see at this scale: drawn {placing.MIN_WIDTH:g} pixels"
        " wide with a black edge or, where many follow each other, together as"
        " the most severe of them. Hover them, or draw a narrower window"
        " (--from, --to).",
    ]


def _description(picture: Picture, summary: str) -> str:
    return (
        f"Status over time, {summary}: one lane per account, each period a bar"
        " whose colour, pattern and label give its status; below each bar,"
        " ticks for stored facts, rings for what time alone did, diamonds for"
        " transfers. The periods are listed in the table after the picture."
    )


def _legend(marked: bool) -> str:
    items = [
        _swatch(f'<rect width="34" height="16" fill="url(#p-{status})"/>', item.name)
        for status, item in LOOKS.items()
    ]
    items += [
        _swatch('<rect width="34" height="16" fill="#f4f4f4"/>', "not registered"),
        _swatch('<line class="fact" x1="17" y1="2" x2="17" y2="14"/>', "stored fact"),
        _swatch(
            '<circle class="change" cx="17" cy="8" r="3.5"/>', "what time alone did"
        ),
        _swatch('<path class="transfer" d="M17 1l5 7 -5 7 -5 -7z"/>', "transfer"),
        _swatch('<line class="holder" x1="17" y1="0" x2="17" y2="16"/>', "new holder"),
        _swatch('<path class="clipped" d="M28 8l-6 -5v10z"/>', "runs on past the edge"),
    ]
    if marked:
        items.append(
            _swatch('<line class="moment" x1="17" y1="0" x2="17" y2="16"/>', "marked")
        )
    return f'<ul class="legend" aria-label="legend">{"".join(items)}</ul>'


def _swatch(shape: str, name: str) -> str:
    return (
        f'<li><svg width="34" height="16" aria-hidden="true">{shape}</svg>'
        f"{esc(name)}</li>"
    )


def _table(picture: Picture) -> str:
    rows = []
    for lane in picture.lanes:
        for span in lane.spans:
            cells = [
                lane.title if lane.group is None else f"{lane.group}: {lane.title}",
                span.status.replace("_", " "),
                when(span.start),
                when(span.end) if span.end else "still in force",
                span.holder or "",
                span.reason or "",
            ]
            rows.append("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in cells) + "</tr>")
    head = "".join(
        f"<th>{name}</th>"
        for name in ("lane", "status", "from", "to", "holder", "reason")
    )
    return (
        "<details><summary>The periods as a table</summary>"
        f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody>"
        "</table></details>"
    )


def _noun(picture: Picture) -> str:
    return "account" if all(lane.group is None for lane in picture.lanes) else "lane"


def _footer(picture: Picture) -> str:
    now = picture.window.now
    drawn = f" on {when(now.replace(second=0, microsecond=0))}" if now else ""
    return (
        f'<p class="muted">Drawn by standing{esc(drawn)}. Times in UTC. Nothing in'
        " this file is loaded from the network.</p>"
    )


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"
