"""Derived fact ids stay the same from one version to the next: a store written
by an earlier version must see a re-sent fact as the duplicate it is."""

from zoneinfo import ZoneInfo

import pytest

from standing.adapters.input import (
    Record,
    canonical_content,
    record_fact,
    validate_record,
)

from .conftest import MINIMAL, record

NEW_YORK = ZoneInfo("America/New_York")
EVERY_FIELD = {
    "account.registered": (
        {"holder": "Donald J. Trump", "kind": "campaign", "name": "Team Trump"}
        | {"platform": "truth_social"},
        "50306cfd3535e33acf4cd667",
    ),
    "post.published": (
        {"post": 1346928882595885058, "by": "staff", "text": 'Ünïcode "quoted" ☃'},
        "842a67fc7842d265b2e2579a",
    ),
    "post.removed": (
        {"post": "p1", "by": "holder", "reason": "deleted"},
        "0268853ef9cd275c97e6a5ed",
    ),
    "violation.recorded": (
        {"policy": "civic_integrity", "post": "p1", "severity": "high"},
        "07beb7615579e82a36f1ceb0",
    ),
    "account.locked": (
        {"reason": "civic integrity", "policy": "ci", "duration": "P1DT1.5S"}
        | {"require_removal": ["p1", 2]},
        "4868a6e39d7fbd41ee703122",
    ),
    "account.unlocked": ({"reason": "removed"}, "6385e5bcdc781d58edb331ba"),
    "account.suspended": (
        {"reason": "glorification", "policy": "gv", "until": "2021-02-01"},
        "5963214e191e665e274efcff",
    ),
    "account.reinstated": ({"reason": "appeal"}, "86360d887da73683a130caa8"),
    "account.transfer_scheduled": (
        {"successor": "Joe Biden", "effective_at": "2021-01-20T12:00:00-05:00"}
        | {"archive_to": "@POTUS45_Archive"},
        "f9d138a35d4dd46f080987d8",
    ),
    "account.transferred": (
        {"successor": "Joe Biden", "archive_to": "POTUS45"},
        "4fec3421ce421dcc051fa018",
    ),
    "account.archived": ({"custodian": "NARA"}, "926a91aee5e1fe2aa51507a6"),
}


@pytest.mark.parametrize("type_", EVERY_FIELD)
def test_a_record_with_every_field_keeps_the_derived_id_it_always_had(type_):
    fields, expected = EVERY_FIELD[type_]
    data = {
        "type": type_,
        "at": "2021-01-08T10:00:00.250000-05:00",
        "account": "@RealDonaldTrump",
        **fields,
    }

    fact = record_fact(validate_record(data, NEW_YORK))

    assert fact.ref.id == expected


def as_the_model_dumps_it(record: Record) -> dict:
    content = record.model_dump(
        mode="json", exclude=set(Record.PROVENANCE), exclude_defaults=True
    )
    for name in ("account", "archive_to"):
        if name in content:
            content[name] = content[name].casefold()
    return content


SPELLINGS = (
    [record(type_, **fields) for type_, (fields, _) in EVERY_FIELD.items()]
    + [
        record(type_, platform="twitter", note="n", source="s", id="x")
        for type_ in MINIMAL
    ]
    + [
        record("account.suspended", permanent=True),
        record("account.suspended", permanent=False, duration="PT90M"),
        record("account.registered", kind="personal"),
        record("post.removed", by="platform"),
        record("account.locked", require_removal=[], recorded_at="2021-02-01"),
    ]
)


@pytest.mark.parametrize("data", SPELLINGS)
def test_the_content_digested_is_what_the_record_model_writes(data):
    parsed = validate_record(data, NEW_YORK)

    content = canonical_content(parsed)

    assert content == as_the_model_dumps_it(parsed)
