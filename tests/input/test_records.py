"""Event records (SPEC section 3): fields, rules and limits, as one-line problems."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from standing.adapters.input import RECORDS, record_fact
from standing.adapters.input.facts import own_fields
from standing.adapters.input.records import Kind
from standing.domain.events import BY_TYPE, field_names
from standing.domain.machine import KINDS

from .conftest import MINIMAL, problem, record, valid


@pytest.mark.parametrize("type_", list(MINIMAL))
def test_every_event_type_reads_with_only_its_required_fields(type_):
    fact = record_fact(valid(record(type_)))

    assert fact.type == type_
    assert fact.key.handle == "realDonaldTrump"
    assert fact.key.platform == "twitter"
    assert fact.at == datetime(2021, 1, 8, 10, tzinfo=UTC)


@pytest.mark.parametrize(
    ("type_", "field"),
    [(type_, field) for type_, fields in MINIMAL.items() for field in fields],
)
def test_a_missing_required_field_is_named(type_, field):
    message = problem(record(type_, **{field: None}))

    assert message == f"{type_}: missing required field {field!r}"


@pytest.mark.parametrize("field", ["type", "at", "account"])
def test_every_record_needs_type_at_and_account(field):
    message = problem(record(**{field: None}))

    assert f"missing required field {field!r}" in message


def test_an_unknown_field_is_rejected_with_a_suggestion():
    message = problem(record("account.registered", holdr="x"))

    assert (
        message == "account.registered: unknown field 'holdr' (did you mean 'holder'?)"
    )


def test_a_field_of_another_event_type_is_unknown():
    message = problem(record("account.unlocked", permanent=True))

    assert message == "account.unlocked: unknown field 'permanent'"


def test_an_unknown_type_is_rejected_with_a_suggestion():
    message = problem(record() | {"type": "account.lockd"})

    assert message == "unknown type 'account.lockd' (did you mean 'account.locked'?)"


def test_a_bad_duration_is_named_with_its_field():
    message = problem(record(duration="PT12X"))

    assert message.startswith(
        "account.locked: duration: invalid ISO 8601 duration 'PT12X'"
    )


def test_a_lock_reads_its_duration_and_the_posts_it_waits_for():
    fact = record_fact(valid(record(duration="PT12H", require_removal=["1", 2])))

    assert fact.fields == {
        "reason": "civic integrity",
        "duration": timedelta(hours=12),
        "require_removal": ["1", "2"],
    }


def test_permanent_must_be_true_or_false_not_a_string():
    message = problem(record("account.suspended", permanent="yes"))

    assert message == "account.suspended: permanent: expected true or false, got 'yes'"


def test_archive_to_is_passed_on_as_a_bare_handle():
    fact = record_fact(valid(record("account.transferred", archive_to="@POTUS45")))

    assert fact.fields == {"successor": "Joe Biden", "archive_to": "POTUS45"}


def test_a_post_is_removed_by_the_platform_or_the_holder_only():
    message = problem(record("post.removed", by="moderator"))

    assert message == (
        "post.removed: by: expected 'platform' or 'holder', got 'moderator'"
    )


def test_an_account_kind_outside_the_four_kinds_is_rejected():
    message = problem(record("account.registered", kind="government"))

    assert message.startswith("account.registered: kind: expected 'personal',")


def test_the_kinds_read_are_the_kinds_the_domain_knows():
    assert Kind.__args__ == KINDS


def test_free_text_over_2000_characters_is_rejected():
    message = problem(record(note="x" * 2001))

    assert message == "account.locked: note: too long (2001 characters; at most 2000)"


def test_free_text_of_2000_characters_is_kept():
    fact = record_fact(valid(record(source="x" * 2000)))

    assert fact.ref.source == "x" * 2000


@pytest.mark.parametrize(
    ("given", "expected"),
    [("", "id: must not be empty"), ("x" * 129, "id: too long (129 characters")],
)
def test_an_id_is_one_to_128_characters(given, expected):
    message = problem(record(id=given))

    assert expected in message


def test_a_blank_required_text_is_rejected():
    message = problem(record("account.registered", holder="  "))

    assert message == "account.registered: holder: must not be blank"


@pytest.mark.parametrize("handle", ["real Donald", "@", "x" * 65, "trump!"])
def test_a_handle_outside_the_handle_syntax_is_rejected(handle):
    message = problem(record(account=handle))

    assert message.startswith(f"account.locked: account: invalid handle {handle!r}")


@pytest.mark.parametrize("platform", ["Twitter", "", "x" * 33, "you tube"])
def test_a_platform_outside_the_platform_syntax_is_rejected(platform):
    message = problem(record(platform=platform))

    assert f"platform: invalid platform {platform!r}" in message


def test_a_platform_is_kept_with_the_account():
    fact = record_fact(valid(record(platform="youtube")))

    assert (fact.key.platform, fact.key.handle) == ("youtube", "realDonaldTrump")


def test_a_numeric_post_id_is_read_as_text():
    fact = record_fact(valid(record("post.published", post=1346928882595885058)))

    assert fact.fields == {"post": "1346928882595885058"}


def test_times_in_a_record_are_read_in_the_given_zone():
    data = record(at="2021-01-06T19:00", until="2021-01-07")

    fact = record_fact(valid(data, ZoneInfo("America/New_York")))

    assert fact.at == datetime(2021, 1, 7, 0, tzinfo=UTC)
    assert fact.fields["until"] == datetime(2021, 1, 7, 5, tzinfo=UTC)


def test_a_record_time_without_an_offset_needs_a_zone():
    message = problem(record(at="2021-01-06T19:00"))

    assert message.startswith("account.locked: at: time '2021-01-06T19:00' has no")


def test_a_time_must_be_a_string():
    message = problem(record(at=1610100000))

    assert message == (
        "account.locked: at: expected an ISO 8601 time string, got 1610100000"
    )


def test_several_problems_are_listed_on_one_line():
    message = problem(record(reason=None, duration="-PT1S", holdr=1))

    assert message.count("; ") == 2
    assert "\n" not in message


def test_only_the_fields_the_record_gives_reach_the_domain():
    fact = record_fact(valid(record("account.registered")))

    assert fact.fields == {"holder": "Donald J. Trump"}


def test_recorded_at_note_and_source_are_not_event_fields():
    data = record(recorded_at="2021-02-01", note="why", source="https://t.co/x")

    fact = record_fact(valid(data))

    assert "recorded_at" not in fact.fields
    assert (fact.ref.note, fact.ref.source) == ("why", "https://t.co/x")


# a record's field the domain event keeps under another name
KEPT_AS = {"account.suspended": {"duration": "ends", "until": "ends"}}


@pytest.mark.parametrize("type_", list(RECORDS))
def test_every_event_field_is_kept_by_its_domain_event(type_):
    kept = set(field_names(BY_TYPE[type_]))
    renamed = KEPT_AS.get(type_, {})

    assert {renamed.get(name, name) for name in own_fields(RECORDS[type_])} <= kept
