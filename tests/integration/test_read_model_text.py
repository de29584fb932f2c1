"""Any text a record may carry reads back from the read model as written,
NUL (which PostgreSQL's text columns refuse) included, whichever way the
read model was built, on either store."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from standing.application.service import StandingApplication
from standing.domain.identity import AccountKey
from standing.projections import ReadModel
from tests.integration.stores import hours

Record = Callable[..., None]
MARK = "\ufdd0"  # before a text stored escaped (`projections.stored_text`)
TEXTS = [
    "N\x00L",
    "\x00",
    "\x00" * 2000,
    MARK,
    f'{MARK}"N\\u0000L"',  # as a text with NUL is stored
    f"{MARK}\x00",
    "\x01\x1b[31m\x7f\u2028 ☃ \U0001f600",
    "\\u0000",
]
ALWAYS, NEVER = 1, 10**9  # backlogs caught up in bulk, or event by event


@pytest.fixture
def history(record: Record) -> None:
    """An account a text: held, locked and handed over with it."""
    for number, text in enumerate(TEXTS):
        handle = f"t{number}"
        record("account.registered", handle, 0, holder=text, kind="institutional")
        record("account.locked", handle, 1, reason=text)
        record("account.transferred", handle, 2, successor=f"{text}.")


@pytest.mark.parametrize("bulk", [NEVER, ALWAYS], ids=["event-by-event", "in-bulk"])
def test_any_text_reads_back_from_the_read_model_as_the_fold_gives_it(
    app: StandingApplication, history: None, bulk: int
) -> None:
    model = ReadModel(app, batch=2, bulk=bulk)
    model.catch_up()

    for number, text in enumerate(TEXTS):
        key = AccountKey.parse(f"t{number}")
        locked, handed_over = (model.standing(key, hours(h)) for h in (1, 2))
        periods = model.periods(key)
        assert (locked.holder, locked.reason) == (text, text)
        assert (handed_over.holder, handed_over.previous_holder) == (f"{text}.", text)
        assert [locked, handed_over] == [app.standing(key, hours(h)) for h in (1, 2)]
        assert [p.holder for p in periods] == [text, text, f"{text}."]
        assert [s.account for s in model.accounts(hours(1), holder=text)] == [str(key)]
