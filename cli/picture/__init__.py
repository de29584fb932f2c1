"""Timeline pictures (SPEC section 10): lanes of status periods and ticks,
drawn as one self-contained HTML file. Pure: values in, an HTML string out."""

from standing.cli.picture.model import (
    CHANGE,
    FACT,
    TRANSFER,
    Lane,
    Picture,
    Span,
    Tick,
    Window,
    window_for,
)
from standing.cli.picture.page import render

__all__ = [
    "CHANGE",
    "FACT",
    "TRANSFER",
    "Lane",
    "Picture",
    "Span",
    "Tick",
    "Window",
    "render",
    "window_for",
]
