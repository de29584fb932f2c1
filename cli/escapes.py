"""Unprintable characters made visible, without loading `rich` (SPEC section 11).

`literal` serves the terminal (`cli.terminal`) and the plain formats
(`cli.formats`) alike, so a value is escaped the same way in both.
"""

from __future__ import annotations

import re

# C0 controls (newline and tab too: one value stays on one line), DEL, C1
# controls, the bidi marks and overrides that reorder what follows them,
# the line and paragraph separators, and lone surrogates (not encodable)
UNPRINTABLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]"
)


def literal(text: str) -> str:
    """`text` fit for a terminal: each unprintable character written as its
    escape (`\\x1b`, `\\u202e`), so it is seen and does nothing."""
    return UNPRINTABLE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
