"""Event files full of handovers: institutional accounts transferred again and
again, each tenure archived, immediately or on a schedule."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

START = datetime(2020, 1, 1, tzinfo=UTC)
HOUR = timedelta(hours=1)


def office_history(index: int, tenures: int) -> list[dict[str, Any]]:
    """One office's facts: registered, then per tenure posts, a removal, and a
    handover to the next holder, archived as `desk0007_t2` and so on. Every
    other handover is scheduled, and a post of the tenure it ended is then
    removed from the archive (which opens the archive on first use)."""
    handle = f"desk{index:04d}"
    now = START + index * timedelta(seconds=7)
    facts = [_fact("account.registered", handle, now, holder="Holder 0")]
    facts[0]["kind"] = "institutional"
    for tenure in range(1, tenures + 1):
        facts.extend(_tenure(handle, tenure, now + tenure * 10 * HOUR))
    return facts


def overlapping_files(
    folder: Path, writers: int, offices: int, tenures: int
) -> list[Path]:
    """`writers` files; each office's whole history is in exactly two of
    them, so any order of replaying them gives the same store."""
    lines: list[list[dict[str, Any]]] = [[] for _ in range(writers)]
    for index in range(offices):
        history = office_history(index, tenures)
        for k in (index % writers, (index + 1) % writers):
            lines[k].extend(history)
    files = [folder / f"handovers{k}.jsonl" for k in range(writers)]
    for path, facts in zip(files, lines, strict=True):
        facts.sort(key=lambda fact: fact["at"])
        path.write_text("".join(json.dumps(fact) + "\n" for fact in facts))
    return files


def _tenure(handle: str, tenure: int, start: datetime) -> Iterator[dict[str, Any]]:
    posts = [f"p{tenure}{letter}" for letter in "abc"]
    for n, post in enumerate(posts):
        yield _fact("post.published", handle, start + n * HOUR, post=post)
    yield _fact("post.removed", handle, start + 3 * HOUR, post=posts[1])
    handover = {"successor": f"Holder {tenure}", "archive_to": f"{handle}_t{tenure}"}
    if tenure % 2:
        yield _fact("account.transferred", handle, start + 4 * HOUR, **handover)
        return
    due = start + 6 * HOUR
    yield _fact(
        "account.transfer_scheduled",
        handle,
        start + 4 * HOUR,
        effective_at=_iso(due),
        **handover,
    )
    archive = f"{handle}_t{tenure}"
    yield _fact("post.removed", archive, due + HOUR, post=posts[0])


def _fact(type_: str, handle: str, at: datetime, **fields: Any) -> dict[str, Any]:
    return {"type": type_, "at": _iso(at), "account": handle, **fields}


def _iso(at: datetime) -> str:
    return at.isoformat().replace("+00:00", "Z")
