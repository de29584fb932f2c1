"""Stores written before given fact ids were claimed in a namespace of their own
(under ids an account on platform "fact" could have)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from standing.adapters.claims import FactClaim, legacy_claim_id
from standing.application.service import StandingApplication
from standing.domain.errors import ConflictingFact, DomainError

T0 = datetime(2021, 1, 6, 12, 0, tzinfo=UTC)


@pytest.fixture
def old_store(app: StandingApplication, monkeypatch) -> StandingApplication:
    """`app` as an earlier standing left it: fact id "zed" claimed for @amy."""
    with monkeypatch.context() as earlier:
        legacy_ids = staticmethod(lambda fact, **_: legacy_claim_id(fact))
        earlier.setattr(FactClaim, "create_id", legacy_ids)
        app.record("account.registered", "amy", at=T0, holder="Amy", fact_id="zed")
    return app


def test_a_fact_id_an_earlier_standing_stored_still_names_only_its_fact(old_store):
    with pytest.raises(ConflictingFact, match="'zed' is already stored"):
        old_store.record(
            "account.registered", "bob", at=T0, holder="Bob", fact_id="zed"
        )


def test_a_fact_an_earlier_standing_stored_is_a_duplicate(old_store):
    stored = old_store.recorder.max_notification_id()

    old_store.record("account.registered", "amy", at=T0, holder="Amy", fact_id="zed")

    assert old_store.recorder.max_notification_id() == stored


def test_an_account_whose_id_an_old_claim_holds_is_refused_in_words(old_store):
    with pytest.raises(DomainError, match=r"@zed on fact cannot be stored here"):
        old_store.record(
            "account.registered", "zed", at=T0, platform="fact", holder="Zed"
        )
