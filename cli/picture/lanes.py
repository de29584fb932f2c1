"""A lane from an account's history, as `standing history --json` prints it:
its `periods` become spans, its `events` ticks. What time alone did (an
entry without a `recorded_at`, or one listed under `changes`) is told apart
from the stored facts."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from standing.cli.picture.model import CHANGE, FACT, TRANSFER, Lane, Span, Tick
from standing.cli.picture.words import when

TRANSFERS = {
    "account.transfer_scheduled",
    "account.transferred",
    "transfer.took_effect",
    "transfer.lapsed",
    "transfer.settled",
    "archive.opened",
}
FIRST = ("reason", "id")  # the tooltip's order: these, then the rest as given
SHOWN_APART = {"type", "at", "recorded_at", "reason", "id"}


def lane_of(history: Mapping[str, Any], title: str | None = None) -> Lane:
    """The lane of one account's history document."""
    spans = tuple(_span(period) for period in history.get("periods", ()))
    entries = [(entry, False) for entry in history.get("events", ())]
    entries += [(entry, True) for entry in history.get("changes", ())]
    ticks = sorted(
        (_tick(entry, derived) for entry, derived in entries),
        key=lambda tick: tick.at,
    )
    return Lane(
        title=title or history["account"],
        subtitle=_subtitle(history, spans),
        account=history["account"],
        platform=history.get("platform", ""),
        spans=spans,
        ticks=tuple(ticks),
    )


def _span(period: Mapping[str, Any]) -> Span:
    end = period.get("to")
    return Span(
        status=period["status"],
        start=_instant(period["from"]),
        end=_instant(end) if end else None,
        holder=period.get("holder"),
        reason=period.get("reason"),
    )


def _tick(entry: Mapping[str, Any], change: bool) -> Tick:
    derived = change or entry.get("recorded_at") is None
    kind = TRANSFER if entry["type"] in TRANSFERS else CHANGE if derived else FACT
    details = [("reason", entry.get("reason")), ("id", entry.get("id"))]
    if derived:
        details.insert(0, ("by", "time alone: no stored fact"))
    else:
        details.append(("recorded", when(_instant(entry["recorded_at"]))))
    details += [(k, v) for k, v in entry.items() if k not in SHOWN_APART]
    return Tick(
        at=_instant(entry["at"]),
        type=entry["type"],
        kind=kind,
        details=tuple((k, _plain(v)) for k, v in details if v is not None),
    )


def _subtitle(history: Mapping[str, Any], spans: Iterable[Span]) -> str:
    holders = list(dict.fromkeys(span.holder for span in spans if span.holder))
    kinds = [
        entry.get("kind")
        for entry in history.get("events", ())
        if entry.get("type") == "account.registered"
    ]
    parts = [history.get("platform", ""), kinds[0] if kinds else ""]
    if holders:
        parts.append(", then ".join(holders))
    return " · ".join(part for part in parts if part)


def _plain(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list | tuple):
        return ", ".join(map(str, value))
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _instant(text: str) -> datetime:
    return datetime.fromisoformat(text)
