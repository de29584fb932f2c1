"""Policy files: TOML (`tomllib`) read, checked and made `PolicyRules`.

A policy is named by a bundled policy's name (`twitter-2021`) or by the path
of a `.toml` file. Every problem is an `InvalidPolicy` (exit status 1) whose
message names the file, the key and, where it can be found, the line.
The format, key by key, is docs/policies.md.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Callable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from standing.adapters.input.durations import parse_duration
from standing.adapters.input.errors import InputError, suggestion
from standing.domain.policies import (
    DEFAULT,
    Act,
    Action,
    BanEvasion,
    Counted,
    Exemption,
    Expiry,
    ExpiryKind,
    InvalidPolicy,
    Ladder,
    PolicyRules,
)

BUNDLED = "policies"  # the folder of bundled policies in this package
TOP = {
    "name",
    "description",
    "source",
    "date",
    "counted",
    "first_violation_warning",
    "expiry",
    "ladders",
    "severity",
    "ban_evasion",
    "exemptions",
}
E = TypeVar("E")
T = TypeVar("T")
REQUIRED = ("name", "description", "source", "date")
ACTION_KEYS = {"action", "duration", "after_removal"}


def bundled_names() -> list[str]:
    """The names of the bundled policies, sorted."""
    folder = resources.files("standing.adapters").joinpath(BUNDLED)
    return sorted(
        entry.name.removesuffix(".toml")
        for entry in folder.iterdir()
        if entry.name.endswith(".toml")
    )


def policy_text(name_or_path: str) -> tuple[str, str]:
    """The file a policy is named by (as a message names it) and its text."""
    if name_or_path in bundled_names():
        folder = resources.files("standing.adapters").joinpath(BUNDLED)
        return f"{name_or_path}.toml", folder.joinpath(
            f"{name_or_path}.toml"
        ).read_text(encoding="utf-8")
    path = Path(name_or_path)
    if path.suffix != ".toml" and not path.exists():
        known = ", ".join(bundled_names())
        hint = suggestion(name_or_path, bundled_names())
        raise InvalidPolicy(
            f"no policy {name_or_path!r}{hint}: one of {known}, or a .toml file"
        )
    try:
        return str(path), path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InvalidPolicy(f"{path}: cannot be read ({error})") from None


def load_policy(name_or_path: str) -> PolicyRules:
    """The policy a bundled name or a file path names."""
    return parse_policy(*policy_text(name_or_path))


def parse_policy(file: str, text: str) -> PolicyRules:
    """`text`, the content of `file`, as a policy."""
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise InvalidPolicy(f"{file}: not valid TOML: {error}") from None
    return _Reader(file, text).policy(document)


class _Reader:
    """Reads one document, naming the file, key and line of what is wrong."""

    def __init__(self, file: str, text: str) -> None:
        self.file, self.lines = file, text.splitlines()

    def fail(self, key: str, problem: str) -> InvalidPolicy:
        line = self._line_of(key)
        where = f"{self.file}, line {line}" if line else self.file
        return InvalidPolicy(f"{where}: {key}: {problem}")

    def _line_of(self, key: str) -> int | None:
        """The line that sets `key`: under the longest table header its dotted
        name opens with, the line of the next part (an inline table's line
        holds the rest)."""
        parts = key.split(".")
        for split in range(len(parts) - 1, -1, -1):
            start = self._header(parts[:split]) if split else 0
            if start is None:
                continue
            setting = re.compile(r"\s*" + _quoted(parts[split]) + r"\s*=")
            for n in range(start, len(self.lines)):
                if n > start and self.lines[n].lstrip().startswith("["):
                    break
                if setting.match(self.lines[n]):
                    return n + 1
            return start + 1 if split else None
        return None

    def _header(self, tables: list[str]) -> int | None:
        """The index of the line `[a.b]` for `tables` ["a", "b"], if any."""
        dotted = r"\s*\.\s*".join(map(_quoted, tables))
        header = re.compile(r"\s*\[+\s*" + dotted + r"\s*\]")
        return next(
            (n for n, line in enumerate(self.lines) if header.match(line)), None
        )

    def policy(self, doc: Mapping[str, Any]) -> PolicyRules:
        self.known(doc, TOP, "")
        for key in REQUIRED:
            if key not in doc:
                raise InvalidPolicy(f"{self.file}: missing key {key!r}")
        values = {key: self.text(doc, key) for key in ("name", "description", "source")}
        date = doc["date"]
        if not isinstance(date, dt.date | str):
            raise self.fail("date", "a date, such as 2021-03-01")
        ladders = doc.get("ladders", {})
        self.table(ladders, "ladders")
        if DEFAULT not in ladders:
            raise self.fail("ladders", f"a [ladders.{DEFAULT}] ladder is required")
        return self.made(
            "name",
            lambda: PolicyRules(
                **values,
                date=str(date),
                ladders={
                    name: self.ladder(steps, f"ladders.{_key(name)}")
                    for name, steps in ladders.items()
                },
                expiry=self.expiry(doc.get("expiry", {})),
                counted=self.choice(doc, "counted", Counted, Counted.PER_POLICY),
                first_violation_warning=self.flag(doc, "first_violation_warning"),
                severity=self.severity(doc.get("severity", {})),
                ban_evasion=self.ban_evasion(doc.get("ban_evasion")),
                exemption=self.exemption(doc.get("exemptions", {})),
            ),
        )

    def ladder(self, steps: Any, key: str) -> Ladder:
        self.table(steps, key)
        parsed: list[tuple[int, Action]] = []
        for count, spec in steps.items():
            if not count.isdigit() or int(count) < 1:
                raise self.fail(f"{key}.{count}", "a strike count: 1, 2, 3, ...")
            parsed.append((int(count), self.action(spec, f"{key}.{count}")))
        return self.made(key, lambda: Ladder(tuple(sorted(parsed, key=lambda s: s[0]))))

    def action(self, spec: Any, key: str) -> Action:
        """An action: its name, or a table {action, duration, after_removal}."""
        if isinstance(spec, str):
            spec = {"action": spec}
        self.table(spec, key)
        self.known(spec, ACTION_KEYS, key)
        act = self.choice(spec, "action", Act, None, key)
        if act is None:
            raise self.fail(key, "an action needs 'action'")
        duration = None
        if "duration" in spec:
            duration = self.duration(spec["duration"], f"{key}.duration")
        removal = self.flag(spec, "after_removal", key)
        return self.made(key, lambda: Action(act, duration, removal))

    def expiry(self, spec: Any) -> Expiry:
        self.table(spec, "expiry")
        self.known(spec, {"kind", "window"}, "expiry")
        kind = self.choice(spec, "kind", ExpiryKind, ExpiryKind.NEVER, "expiry")
        window = None
        if "window" in spec:
            window = self.duration(spec["window"], "expiry.window")
        return self.made("expiry", lambda: Expiry(kind, window))

    def severity(self, spec: Any) -> dict[str, Action]:
        self.table(spec, "severity")
        return {
            name: self.action(action, f"severity.{_key(name)}")
            for name, action in spec.items()
        }

    def ban_evasion(self, spec: Any) -> BanEvasion | None:
        if spec is None:
            return None
        self.table(spec, "ban_evasion")
        self.known(spec, {"action", "institutional"}, "ban_evasion")
        for key in ("action", "institutional"):
            if key not in spec:
                raise self.fail("ban_evasion", f"missing key {key!r}")
        action = self.action(spec["action"], "ban_evasion.action")
        institutional = self.action(spec["institutional"], "ban_evasion.institutional")
        return BanEvasion(action, institutional)

    def exemption(self, spec: Any) -> Exemption:
        self.table(spec, "exemptions")
        self.known(spec, {"kinds", "instead"}, "exemptions")
        kinds = spec.get("kinds", [])
        if not isinstance(kinds, list) or not all(isinstance(k, str) for k in kinds):
            raise self.fail("exemptions.kinds", "a list of account kinds")
        instead = self.action(spec.get("instead", "remove_post"), "exemptions.instead")
        return self.made("exemptions", lambda: Exemption(frozenset(kinds), instead))

    # -- the checks every key goes through ----------------------------------

    def duration(self, text: Any, key: str) -> dt.timedelta:
        if not isinstance(text, str):
            raise self.fail(key, "an ISO 8601 duration in quotes, such as 'PT12H'")
        try:
            return parse_duration(text)
        except InputError as error:
            raise self.fail(key, str(error)) from None

    def known(self, table: Mapping[str, Any], keys: set[str], where: str) -> None:
        for key in table:
            if key not in keys:
                full = f"{where}.{key}" if where else key
                hint = suggestion(key, keys)
                raise self.fail(
                    full, f"unknown key{hint}; known: {', '.join(sorted(keys))}"
                )

    def table(self, value: Any, key: str) -> None:
        if not isinstance(value, dict):
            raise self.fail(key, "a table")

    def text(self, doc: Mapping[str, Any], key: str) -> str:
        value = doc[key]
        if not isinstance(value, str) or not value.strip():
            raise self.fail(key, "a non-empty string")
        return value

    def flag(self, doc: Mapping[str, Any], key: str, where: str = "") -> bool:
        value = doc.get(key, False)
        if not isinstance(value, bool):
            raise self.fail(f"{where}.{key}" if where else key, "true or false")
        return value

    def choice(
        self,
        doc: Mapping[str, Any],
        key: str,
        kind: Callable[[str], E],
        default: E,
        where: str = "",
    ) -> E:
        if key not in doc:
            return default
        value = doc[key]
        choices = [str(c) for c in kind]  # type: ignore[attr-defined]
        if not isinstance(value, str) or value not in choices:
            full = f"{where}.{key}" if where else key
            hint = suggestion(str(value), choices)
            raise self.fail(
                full, f"unknown {key} {value!r}{hint}: one of {', '.join(choices)}"
            )
        return kind(value)

    def made(self, key: str, make: Callable[[], T]) -> T:
        """`make()`, its `InvalidPolicy` naming the file and `key`."""
        try:
            return make()
        except InvalidPolicy as error:
            if str(error).startswith(self.file):
                raise
            raise self.fail(key, str(error)) from None


def _key(name: str) -> str:
    return name if re.fullmatch(r"[A-Za-z0-9_-]+", name) else f'"{name}"'


def _quoted(name: str) -> str:
    """A key as a pattern: bare, or in quotes."""
    bare = name.strip('"')
    return rf"(?:{re.escape(bare)}|\"{re.escape(bare)}\")"
