"""Free text in the read model's columns, as every database can keep it.

A record's text may hold any character but a surrogate, NUL included, which
PostgreSQL's text columns refuse. So a text with NUL is stored as its JSON
(ASCII, NUL escaped) behind a mark, U+FDD0: a noncharacter, which no text
needs; a text that starts with the mark is stored so too, so that every text
reads back as written. Any other text, nearly all, is stored as it is.
"""

from __future__ import annotations

import json

MARK = "\ufdd0"


def stored(text: str | None) -> str | None:
    """`text` as a column keeps it."""
    if text is None or ("\x00" not in text and not text.startswith(MARK)):
        return text
    return MARK + json.dumps(text)


def shown(text: str | None) -> str | None:
    """The text a column keeps as `text`, as it was written."""
    if text is None or not text.startswith(MARK):
        return text
    return json.loads(text[1:])  # type: ignore[no-any-return]
