"""Fact ids: derived from the canonical content, or given and checked by digest."""

from standing.adapters.input import record_fact

from .conftest import record, valid


def fact_of(**fields):
    return record_fact(valid(record("account.suspended", **fields)))


def test_the_same_fact_spelled_differently_gets_the_same_derived_id():
    plain = fact_of(account="realdonaldtrump", at="2021-01-08T23:21:00Z")
    spelled = fact_of(
        account="@RealDonaldTrump",
        at="2021-01-08T18:21:00-05:00",
        platform="twitter",
        permanent=False,
    )

    assert plain.ref.id == spelled.ref.id


def test_durations_of_the_same_length_give_the_same_derived_id():
    assert fact_of(duration="PT90M").ref.id == fact_of(duration="PT1H30M").ref.id


def test_a_fact_with_other_content_gets_another_derived_id():
    assert fact_of(reason="ban evasion").ref.id != fact_of(reason="spam").ref.id


def test_a_derived_id_carries_no_separate_digest():
    ref = fact_of().ref

    assert ref.digest is None
    assert len(ref.id) == 24


def test_notes_sources_and_recorded_times_do_not_change_the_derived_id():
    noted = fact_of(note="n", source="s", recorded_at="2021-02-01T00:00:00Z")

    assert noted.ref.id == fact_of().ref.id


def test_a_given_id_is_kept_with_the_digest_of_the_content():
    given = fact_of(id="suspension-1")

    assert given.ref.id == "suspension-1"
    assert given.ref.digest == fact_of().ref.id


def test_a_given_id_with_other_content_gets_another_digest():
    first = fact_of(id="suspension-1", reason="ban evasion")
    second = fact_of(id="suspension-1", reason="spam")

    assert first.ref.digest != second.ref.digest
