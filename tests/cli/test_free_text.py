"""Any text a record may carry in its free-text fields (NUL and other control
characters, any Unicode, up to 2000 characters) is stored, read back by every
query exactly as written, on either store; a lone surrogate, which no text
can carry, is refused on its line."""

from __future__ import annotations

import json
from collections.abc import Callable
from itertools import count
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from typer.testing import Result

from tests.cli.records import event
from tests.properties import examples, property_test

pytestmark = property_test

Standing = Callable[..., Result]
SETTINGS = settings(
    max_examples=examples(25),
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
HANDLES = count()  # each example its own accounts, in the test's one store


TEXT_FIELDS = ("name", "note", "source", "by", "text", "removal", "unlock", "revoked")
REQUIRED_FIELDS = ("holder", "reason", "suspension", "successor")
LABEL_FIELDS = ("id", "post", "policy", "severity")
FIELDS = (*TEXT_FIELDS, *REQUIRED_FIELDS, *LABEL_FIELDS, "custodian")


def _blank(text: str) -> bool:
    return not text.strip()


# Any code point but a surrogate (no text holds one), and often one that a
# store, a format or a terminal treats otherwise: NUL above all (PostgreSQL).
SPECIAL = "\x00\x01\t\n\r\x1b\x7f\x85\u2028\ufdd0\ufeff\\\"'%_"
pieces = st.lists(st.sampled_from(SPECIAL) | st.text(max_size=6), max_size=8)
short = pieces.map("".join)
longest = short.filter(bool).map(lambda t: (t * 2000)[:2000])  # as long as allowed
text = short | longest
required_text = text.filter(lambda t: not _blank(t))
label = short.map(lambda t: t[:128]).filter(lambda t: not _blank(t))
NUL = {field: "\x00" for field in FIELDS}  # PostgreSQL refused it in text


@st.composite
def texts(draw: st.DrawFn) -> dict[str, Any]:
    """A text for each free-text field of a history's records."""
    drawn: dict[str, Any] = {field: draw(text) for field in TEXT_FIELDS}
    drawn |= {field: draw(required_text) for field in REQUIRED_FIELDS}
    drawn |= {field: draw(label) for field in LABEL_FIELDS}
    drawn["custodian"] = draw(st.none() | text)
    drawn["ascii"] = draw(st.booleans())
    return drawn


def history(handle: str, t: dict[str, Any]) -> list[dict[str, Any]]:
    """Every event type, each with the drawn texts in its free-text fields."""
    post, archive = t["post"], f"{handle}_old"

    def on(type: str, day: int, **fields: Any) -> dict[str, Any]:
        return event(type, handle, f"2021-01-{day:02}T00:00:00Z", **fields)

    return [
        on(
            "account.registered",
            1,
            holder=t["holder"],
            kind="institutional",  # it changes hands
            name=t["name"],
            note=t["note"],
            source=t["source"],
            id=f"{handle}/{t['id']}"[:128],
        ),
        on("post.published", 2, post=post, by=t["by"], text=t["text"]),
        on(
            "violation.recorded",
            3,
            policy=t["policy"],
            post=post,
            severity=t["severity"],
        ),
        on(
            "account.locked",
            4,
            reason=t["reason"],
            policy=t["policy"],
            require_removal=[post],
        ),
        on("post.removed", 5, post=post, by="holder", reason=t["removal"]),
        on("account.unlocked", 6, reason=t["unlock"]),
        on(
            "account.suspended",
            7,
            reason=t["suspension"],
            policy=t["policy"],
            duration="P2D",
        ),
        on("account.reinstated", 8, reason=t["revoked"]),
        on(
            "account.transfer_scheduled",
            10,
            successor=t["successor"],
            effective_at="2021-01-20T00:00:00Z",
            archive_to=archive,
        ),
        on("account.transferred", 25, successor=t["holder"]),
        on("account.archived", 27, custodian=t["custodian"]),
    ]


def answer(standing: Standing, *args: str) -> Any:
    result = standing(*args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@SETTINGS
@given(t=texts())
@example(t={**NUL, "ascii": True})
def test_every_query_reads_back_any_free_text_a_replay_stores(
    standing: Standing, events_file: Callable[..., Path], t: dict[str, Any]
) -> None:
    handle = f"text{next(HANDLES)}"
    records = history(handle, t)
    lines = [json.dumps(record, ensure_ascii=t["ascii"]) for record in records]

    replayed = standing("replay", str(events_file(*lines)), "--json")
    assert replayed.exit_code == 0, replayed.output
    locked = answer(standing, "state", handle, "--at", "2021-01-04")
    suspended = answer(standing, "state", handle, "--at", "2021-01-07")
    scheduled = answer(standing, "state", handle, "--at", "2021-01-10")
    listed = answer(standing, "accounts", "--at", "2021-01-04", "--holder", t["holder"])
    old = answer(standing, "state", f"{handle}_old", "--at", "2021-01-21")
    past = answer(standing, "history", handle)

    assert json.loads(replayed.stdout)["applied"] == len(records)
    assert (locked["holder"], locked["reason"]) == (t["holder"], t["reason"])
    assert suspended["reason"] == t["suspension"]
    assert locked["strikes"] == {t["policy"]: 1}
    assert locked["pending"][0]["posts"] == [t["post"]]
    assert scheduled["pending"][0]["successor"] == t["successor"]
    assert f"@{handle}" in [row["account"] for row in listed]
    assert old["holder"] == t["holder"]
    facts = {entry["type"]: entry for entry in past["events"]}
    assert facts["account.registered"].get("note") == (t["note"] or None)
    assert facts["post.published"]["text"] == t["text"]
    assert {p["reason"] for p in past["periods"]} >= {t["reason"], t["suspension"]}


def test_a_lone_surrogate_in_a_text_is_refused_on_its_line(
    standing: Standing, events_file: Callable[..., Path]
) -> None:
    record = json.dumps(event("account.registered", "jack", "2021-01-01", holder="J"))
    lone = record.replace('"J"', '"J\\ud800"')

    result = standing("replay", str(events_file(lone)), "--json")

    report = json.loads(result.stdout)
    assert result.exit_code == 1
    assert (report["applied"], report["rejected"]) == (0, 1)
    assert [(e["line"], e["message"][:33]) for e in report["errors"]] == [
        (1, "account.registered: holder: input")
    ]
