"""What the query options accept: a status as printed or as in JSON, a
platform in any case, a holder by part of its name, a field to sort by."""

from __future__ import annotations

import re

from standing.adapters.input import InputError
from standing.adapters.input.errors import suggestion
from standing.domain.errors import InvalidIdentity
from standing.domain.identity import AccountKey
from standing.domain.restrictions import Status

STATUSES = [status.value for status in Status]
SORTS = (
    "handle",
    "platform",
    "kind",
    "status",
    "since",
    "until",
    "holder",
    "posts",
    "strikes",
)
SEPARATORS = re.compile(r"[\s_-]+")


def status_named(text: str) -> str:
    """`permanently_suspended` for `permanently suspended`,
    `Permanently-Suspended` or `permanently_suspended`."""
    name = SEPARATORS.sub("_", text.strip()).casefold()
    if name in STATUSES:
        return name
    shown = ", ".join(status.replace("_", " ") for status in STATUSES)
    raise InputError(
        f"unknown status {text!r}{suggestion(name, STATUSES)}: use one of {shown}"
    )


def platform_named(text: str) -> str:
    """A platform in any case (`Twitter`), as stored (`twitter`)."""
    return key("x", text).platform


def key(account: str, platform: str) -> AccountKey:
    """The account named on the command line; a malformed name is a usage
    error. The platform is matched without case, like the handle."""
    try:
        return AccountKey.parse(account, platform.lower())
    except InvalidIdentity as error:
        raise InputError(str(error)) from None


def holder_matches(wanted: str | None, holder: str | None) -> bool:
    """Whether `wanted` is part of `holder`, without case."""
    return wanted is None or wanted.casefold() in (holder or "").casefold()


def sort_named(text: str) -> tuple[str, bool]:
    """The field to sort by, and whether descending (`-posts`)."""
    descending = text.startswith("-")
    name = text.removeprefix("-").strip().casefold()
    name = "handle" if name == "account" else name
    if name not in SORTS:
        raise InputError(
            f"cannot sort by {text!r}{suggestion(name, SORTS)}: use one of "
            f"{', '.join(SORTS)}, with a leading - for descending"
        )
    return name, descending
