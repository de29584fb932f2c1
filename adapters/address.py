"""Reading a store's address, and printing it without its password.

Whatever stands between the scheme's slashes and the address's last `@` may
hold a password, however malformed the rest: `redact` hides it, and every
password this process was given (`remember`) is `scrubbed` from what it
prints, tracebacks too.
"""

from __future__ import annotations

import re
from urllib.parse import SplitResult, unquote, urlsplit

SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:/*")
ENCODED = "/?#[]"  # what a user name or password must hold percent-encoded
_passwords_seen: set[str] = set()


class BadSetting(Exception):
    """A store address or setting that cannot be read as written (a usage error)."""


def remember(url: str) -> None:
    """Note the address's password, so that nothing printed holds it."""
    _passwords_seen.update(_passwords(url))


def redact(url: str) -> str:
    """The address without its password, fit to print."""
    scheme, userinfo, rest = _split(url)
    user, colon, _ = userinfo.partition(":")
    if not colon and not _needs_encoding(userinfo):
        return url  # a user name alone, or no `@` at all
    shown = "***" if _needs_encoding(user) else f"{user}:***"
    return f"{scheme}{shown}@{rest}"


def scrubbed(text: str) -> str:
    """`text` without any password of an address this process was given."""
    return _hidden(text, _passwords_seen)


def without_password(text: str, url: str) -> str:
    """`text` without the password of the address `url`."""
    return _hidden(text, _passwords(url))


def postgres_parts(url: str) -> SplitResult:
    """A PostgreSQL address's parts; raises `BadSetting` for one that cannot
    be read, naming what is wrong."""
    if _needs_encoding(_split(url)[1]):
        raise BadSetting(
            f"cannot read store address {redact(url)}: write / ? # [ ] in the user "
            "name or password, and @ after the host, percent-encoded "
            "(%2F %3F %23 %5B %5D %40)"
        )
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - read to check it
    except ValueError:  # its message may quote the password: not shown
        why = (
            "write an IPv6 host in brackets, such as [::1]"
            if "[" in url or "]" in url
            else "the port must be a number from 0 to 65535"
        )
        raise BadSetting(f"cannot read store address {redact(url)}: {why}") from None
    return parts


def _split(url: str) -> tuple[str, str, str]:
    """The scheme with its slashes, what comes before the last `@`, and the
    rest; `("", "", url)` for an address without both."""
    scheme = SCHEME.match(url)
    if scheme is None or url.startswith("sqlite:") or "@" not in url[scheme.end() :]:
        return "", "", url  # a file's path holds no password
    userinfo, _, rest = url[scheme.end() :].rpartition("@")
    return url[: scheme.end()], userinfo, rest


def _passwords(url: str) -> set[str]:
    _, userinfo, _ = _split(url)
    _, colon, password = userinfo.partition(":")
    secret = password if colon else userinfo if _needs_encoding(userinfo) else ""
    return {text for text in (secret, unquote(secret)) if text}


def _needs_encoding(text: str) -> bool:
    return any(character in text for character in ENCODED)


def _hidden(text: str, secrets: set[str]) -> str:
    for secret in sorted(secrets, key=len, reverse=True):
        text = text.replace(secret, "***")
    return text
