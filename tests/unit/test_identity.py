"""Account identity: a handle on a platform, without case and without '@'."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from standing.adapters.claims import claim_id
from standing.application.session import Session
from standing.domain.errors import InvalidIdentity, RuleBroken
from standing.domain.facts import Fact, FactRef
from standing.domain.identity import HANDLE, PLATFORM, AccountKey, account_id

T0 = datetime(2021, 1, 6, 12, 0, tzinfo=UTC)


def test_the_leading_at_sign_is_not_part_of_the_handle():
    assert AccountKey.parse("@jack").handle == "jack"


def test_the_default_platform_is_twitter(app, state):
    app.record("account.registered", "jack", at=T0, holder="Jack")

    assert AccountKey.parse("jack").platform == "twitter"
    assert state("jack", T0).platform == "twitter"
    assert state("jack", T0, platform="twitter").exists


@pytest.mark.parametrize("spelling", ["jack", "@jack", "JACK", "@Jack", "jAcK"])
def test_every_spelling_of_a_handle_has_the_same_id(spelling):
    assert AccountKey.parse(spelling).id == AccountKey.parse("@Jack").id


def test_ids_are_name_based_uuids_stable_across_calls():
    first, second = AccountKey.parse("Jack"), AccountKey.parse("jack")

    assert first.id.version == 5
    assert first.id == second.id
    assert first.id != AccountKey.parse("jill").id


def test_the_same_handle_on_two_platforms_is_two_accounts(app, state):
    app.record("account.registered", "jack", at=T0, holder="Jack")

    app.record("account.registered", "jack", at=T0, platform="mastodon", holder="Other")

    assert AccountKey.parse("jack").id != AccountKey.parse("jack", "mastodon").id
    assert state("jack", T0).holder == "Jack"
    assert state("jack", T0, platform="mastodon").holder == "Other"


def test_the_stored_account_has_the_id_of_its_key(app):
    app.record("account.registered", "@Jack", at=T0, holder="Jack")

    assert app.account(AccountKey.parse("JACK")).id == AccountKey.parse("jack").id


def test_the_handle_is_shown_as_first_registered_however_it_is_asked_for(app, state):
    app.record("account.registered", "realDonaldTrump", at=T0, holder="DJT")

    shown = state("@REALDONALDTRUMP", T0).as_dict()["account"]

    assert shown == "@realDonaldTrump"


def test_facts_reach_the_account_whatever_the_spelling(app, state):
    app.record("account.registered", "@Jack", at=T0, holder="Jack")

    app.record("post.published", "JACK", at=T0 + timedelta(minutes=1), post="p1")
    app.record("post.removed", "jack", at=T0 + timedelta(minutes=2), post="p1")

    assert state("jack", T0 + timedelta(minutes=1)).posts == 1
    assert state("@jAcK", T0 + timedelta(minutes=2)).posts == 0


def test_another_spelling_cannot_register_the_account_again(app):
    app.record("account.registered", "@Jack", at=T0, holder="Jack")

    with pytest.raises(RuleBroken, match=r"already registered.*@Jack"):
        app.record("account.registered", "JACK", at=T0, holder="Impostor")


@pytest.mark.parametrize(
    "handle",
    [
        "",
        "@",
        "@@jack",
        "jack dorsey",
        "jack!",
        "jack/ev",
        "a" * 65,
        "@" + "a" * 65,
    ],
)
def test_a_handle_breaking_the_syntax_is_rejected(handle):
    with pytest.raises(InvalidIdentity, match="invalid handle"):
        AccountKey.parse(handle)


@pytest.mark.parametrize(
    "handle", ["a", "A1_.-", "a" * 64, "@" + "b" * 64, "Sidney.Powell-1"]
)
def test_handles_of_letters_digits_underscore_dot_and_dash_are_accepted(handle):
    assert AccountKey.parse(handle).handle == handle.removeprefix("@")


@pytest.mark.parametrize(
    "platform", ["", "Twitter", "x.com", "blue sky", "p" * 33, "mastodon!"]
)
def test_a_platform_breaking_the_syntax_is_rejected(platform):
    with pytest.raises(InvalidIdentity, match="invalid platform"):
        AccountKey.parse("jack", platform)


@pytest.mark.parametrize("platform", ["x", "bluesky", "truth_social", "p-2", "p" * 32])
def test_platforms_of_lowercase_letters_digits_underscore_and_dash_are_accepted(
    platform,
):
    assert AccountKey.parse("jack", platform).platform == platform


def test_recording_for_an_invalid_handle_is_rejected(app):
    with pytest.raises(InvalidIdentity):
        app.record("account.registered", "jack dorsey", at=T0, holder="Jack")


@given(
    fact=st.text(min_size=1, max_size=128),
    platform=st.from_regex(PLATFORM, fullmatch=True),
    handle=st.from_regex(HANDLE, fullmatch=True),
)
def test_no_given_fact_id_shares_its_id_with_an_account(fact, platform, handle):
    assert claim_id(fact) != account_id(platform, handle)
    # the fact id spelled as the handle on platform "fact" (they once met)
    assert claim_id(handle.casefold()) != account_id("fact", handle)
    assert claim_id(handle) != account_id("fact", handle)


def test_a_fact_id_and_an_account_of_that_handle_on_platform_fact_both_stay(app, state):
    app.record("account.registered", "amy", at=T0, holder="Amy", fact_id="zed")
    app.record("account.registered", "zed", at=T0, platform="fact", holder="Zed")
    app.record("post.published", "zed", at=T0, platform="fact", post="p1")

    zed = state("zed", T0, "fact")
    assert state("amy", T0).holder == "Amy"
    assert (zed.holder, zed.posts) == ("Zed", 1)


def test_one_session_stores_a_fact_id_and_the_account_named_like_it(app, state):
    session = Session(app)
    amy, zed = AccountKey.parse("amy"), AccountKey.parse("zed", "fact")
    session.apply(Fact("account.registered", amy, T0, FactRef("zed", "d"), AMY))
    session.apply(Fact("account.registered", zed, T0, FactRef("r"), ZED))
    session.apply(Fact("post.published", zed, T0, FactRef("p"), {"post": "p1"}))
    session.save()

    assert state("amy", T0).exists
    assert state("zed", T0, "fact").posts == 1


AMY, ZED = {"holder": "Amy"}, {"holder": "Zed"}
