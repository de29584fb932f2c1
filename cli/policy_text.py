"""A policy as a person reads it: one line a rule, ladders a step a line."""

from __future__ import annotations

from standing.domain.policies import (
    DEFAULT,
    Act,
    Action,
    Counted,
    ExpiryKind,
    PolicyRules,
)
from standing.domain.timefmt import iso_duration


def described(rules: PolicyRules) -> list[str]:
    lines = [
        f"{rules.name}: {rules.description}",
        f"source: {rules.source} ({rules.date})",
        f"strikes: counted {_counted(rules.counted)}; {_expiry(rules)}",
    ]
    if rules.first_violation_warning:
        lines.append("first violation: a warning, not a strike")
    for name in sorted(rules.ladders, key=lambda n: (n != DEFAULT, n)):
        title = "default ladder" if name == DEFAULT else f"ladder for {name}"
        lines.append(f"{title}:")
        steps = rules.ladders[name].steps
        for n, (count, action) in enumerate(steps):
            more = "+" if n == len(steps) - 1 else ""
            lines.append(f"  {count}{more}: {action}")
    for severity, action in sorted(rules.severity.items()):
        lines.append(f"severity {severity}: {action}")
    if rules.ban_evasion is not None:
        rule = rules.ban_evasion
        lines.append(
            f"ban evasion: {rule.action}; on an institutional account: "
            f"{_instead(rule.institutional)}"
        )
    exemption = rules.exemption
    if exemption.kinds:
        kinds = ", ".join(sorted(exemption.kinds))
        lines.append(
            f"exemptions: {kinds} accounts are never permanently suspended: "
            f"{_instead(exemption.instead)} instead"
        )
    return lines


def _counted(counted: Counted) -> str:
    if counted is Counted.ALL:
        return "together across policy names"
    return "per policy name"


def _expiry(rules: PolicyRules) -> str:
    expiry = rules.expiry
    if expiry.window is None:
        return "they never expire"
    window = iso_duration(expiry.window)
    if expiry.kind is ExpiryKind.PER_STRIKE:
        return f"each expires {window} after it was issued"
    return f"all expire {window} after the last"


def _instead(action: Action) -> str:
    if action.act is Act.REMOVE_POST:
        return "the violating post is removed"
    return str(action)
