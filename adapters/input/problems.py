"""The problems of a replay: every one counted, but only the first `SHOWN` in
input order kept (SPEC section 3), and each one where the reading of a file
stopped; so an endless stream of bad records needs no more memory than 50."""

from __future__ import annotations

import heapq

from standing.adapters.input.items import STDIN, STDIN_NAME, Problem

SHOWN = 50


class Problems:
    """Problems in the order of the files given, then of their lines; those
    on one line in the order they came."""

    def __init__(self, paths: list[str]) -> None:
        names = (STDIN_NAME if path == STDIN else path for path in paths)
        self._order = {name: index for index, name in enumerate(names)}
        self.count = 0
        self._first: list[tuple[int, int, int, Problem]] = []  # negated: a max-heap
        self._ends: list[Problem] = []

    def add(self, problem: Problem) -> None:
        self.count += 1
        file = self._order.get(problem.file, len(self._order))
        kept = (-file, -problem.line, -self.count, problem)
        if len(self._first) < SHOWN:
            heapq.heappush(self._first, kept)
        elif kept > self._first[0]:  # before the last one kept
            heapq.heapreplace(self._first, kept)
        if problem.ends_file:
            self._ends.append(problem)

    def shown(self) -> list[Problem]:
        """The first `SHOWN`, in order, then those that ended a file, if not
        among them: the reader is told why the rest of a file was not read."""
        first = [problem for *_, problem in sorted(self._first, reverse=True)]
        return first + [end for end in self._ends if end not in first]
