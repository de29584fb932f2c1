"""Read models built from the stored events, and the queries they answer.

Names are imported on first use, so a query that only reads the view's
tables (`projections.reader`) never loads the projector and the aggregate.
"""

from __future__ import annotations

import importlib
from typing import Any

HOMES = {
    "Period": "periods",
    "ReadModel": "views",
    "Reader": "reader",
    "ViewStatus": "views",
}

__all__ = sorted(HOMES)


def __getattr__(name: str) -> Any:
    if name not in HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{HOMES[name]}"), name)
    globals()[name] = value
    return value
