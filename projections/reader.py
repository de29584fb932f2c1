"""Answers from the read model's tables, never behind the stored events.

An answer about one account is one statement that also reads how far the
view has got and how far the stored events go, in the same snapshot; only
when the view is behind does the reader catch up and ask again. A list asks
first whether the view is behind, then asks.

The reader needs only a way to query the view's tables (`ViewQueries`):
whoever builds it says how to catch up (`ReadModel` catches up itself; a
one-shot command loads the projector only when it must).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from standing.domain.errors import UnknownAccount
from standing.domain.identity import AccountKey
from standing.domain.standing import Standing
from standing.projections.instants import to_micros
from standing.projections.segments import standing_from
from standing.projections.stored_text import shown
from standing.projections.view_queries import Row, ViewQueries

if TYPE_CHECKING:
    from standing.projections.periods import Period


class Reader:
    """Account standings as of any instant, answered from stored segments."""

    def __init__(
        self,
        view: ViewQueries,
        application_name: str,
        catch_up: Callable[[], object],
    ) -> None:
        self.view = view
        self.application_name = application_name
        self.catch_up = catch_up

    def standing(self, key: AccountKey, at: datetime) -> Standing:
        micros = to_micros(at)
        row = self._current(
            lambda: self.view.standing_at(key.id.hex, micros, self.application_name)
        )
        if row["handle"] is None:
            return Standing(str(key), key.platform, at, exists=False)
        if _runs_at(row, micros):
            return standing_from(row, row, at)
        return Standing(f"@{row['handle']}", key.platform, at, exists=False)

    def known(self, key: AccountKey) -> bool:
        """Whether the account exists at any instant."""
        row = self._current(lambda: self.view.known(key.id.hex, self.application_name))
        return bool(row["known"])

    def require(self, key: AccountKey) -> None:
        """Raise `UnknownAccount`, naming close handles, unless `key` exists."""
        if self.known(key):
            return
        close = self.suggest(key)
        hint = f" on {key.platform}"
        if close:
            hint += f"; did you mean {', '.join(close)}?"
        raise UnknownAccount(f"{key}{hint}")

    def accounts(
        self,
        at: datetime,
        status: str | None = None,
        holder: str | None = None,
        platform: str | None = None,
    ) -> list[Standing]:
        """Every account that exists at `at`, by platform and handle."""
        self._catch_up_if_behind()
        rows = self.view.segments_at(to_micros(at), status, platform)
        wanted = holder.casefold() if holder is not None else None
        return [
            standing_from(row, row, at)
            for row in rows
            if wanted is None or (shown(row["holder"]) or "").casefold() == wanted
        ]

    def periods(self, key: AccountKey) -> list[Period]:
        from standing.projections.periods import periods_of  # `history` only

        self._catch_up_if_behind()
        return periods_of(self.view.segments_of(key.id.hex))

    def suggest(self, key: AccountKey, limit: int = 5) -> list[str]:
        """Handles on the same platform close to `key`'s, as `@Handle`."""
        self._catch_up_if_behind()
        handles = {
            row["folded"]: row["handle"] for row in self.view.handles(key.platform)
        }
        close = difflib.get_close_matches(key.folded, list(handles), n=limit)
        return [f"@{handles[folded]}" for folded in close]

    def _current(self, ask: Callable[[], Row]) -> Row:
        """The answer, asked again after catching up if the view was behind.

        The second answer is not checked again: it holds every event stored
        before the question was first asked.
        """
        row = ask()
        if not behind(row):
            return row
        self.catch_up()
        return ask()

    def _catch_up_if_behind(self) -> None:
        if behind(self.view.lag(self.application_name)):
            self.catch_up()


def behind(progress: Row) -> bool:
    """Whether stored events lie beyond what the view holds: beyond its
    position, or all of them when its rows are gone from under a position
    (dropped or emptied by hand), which the catch-up then builds again."""
    position = progress["position"] or 0
    emptied = position > 0 and not progress["held"]
    return emptied or (progress["head"] or 0) > position


def _runs_at(row: Row, micros: int) -> bool:
    """Whether the row holds a segment and that segment runs at `micros`."""
    if row["from_at"] is None:
        return False
    return row["to_at"] is None or row["to_at"] > micros
