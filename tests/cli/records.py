"""Small builders of event records for CLI tests."""

from __future__ import annotations

from typing import Any


def registered(handle: str = "jack", at: str = "2021-01-01T00:00:00Z", **more: Any):
    return {
        "type": "account.registered",
        "at": at,
        "account": handle,
        "holder": more.pop("holder", "Jack"),
        **more,
    }


def event(type: str, handle: str, at: str, **fields: Any) -> dict[str, Any]:
    return {"type": type, "at": at, "account": handle, **fields}
