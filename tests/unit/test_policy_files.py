"""Policy files: the bundled ones load, and a wrong one is refused with the
file, the key and the line at fault."""

from __future__ import annotations

from pathlib import Path

import pytest

from standing.adapters.policy_files import bundled_names, load_policy, parse_policy
from standing.domain.errors import DomainError
from standing.domain.policies import Act, InvalidPolicy

GOOD = """\
name = "mine"
description = "a test policy"
source = "https://example.org/policy"
date = 2026-01-01

[ladders.default]
1 = "none"
2 = { action = "lock", duration = "PT12H" }
"""


def refusal(text: str) -> str:
    with pytest.raises(InvalidPolicy) as refused:
        parse_policy("mine.toml", text)
    return str(refused.value)


def test_the_four_bundled_policies_load_with_their_source_and_date():
    assert bundled_names() == ["meta-2022", "meta-2023", "twitter-2021", "youtube-2019"]
    for name in bundled_names():
        policy = load_policy(name)
        assert policy.name == name
        assert policy.source.startswith("https://")
        assert policy.date[:4] == name[-4:]


def test_a_policy_file_is_named_by_its_path(tmp_path: Path):
    path = tmp_path / "mine.toml"
    path.write_text(GOOD)

    policy = load_policy(str(path))

    assert policy.ladder_for("spam").action_for(3).act is Act.LOCK


def test_an_invalid_policy_is_a_domain_error_so_the_command_line_exits_1():
    assert issubclass(InvalidPolicy, DomainError)


def test_a_toml_syntax_error_names_the_file_and_line():
    message = refusal(GOOD + "3 = {action = \n")

    assert message.startswith("mine.toml: not valid TOML")
    assert "line 9" in message


def test_an_unknown_key_is_named_with_its_line_and_a_suggestion():
    message = refusal(GOOD.replace("source =", "sauce ="))

    assert message.startswith("mine.toml, line 3: sauce: unknown key")
    assert "did you mean 'source'?" in message


def test_a_bad_duration_names_the_key_and_line():
    message = refusal(GOOD.replace("PT12H", "12 hours"))

    assert message.startswith("mine.toml, line 8: ladders.default.2.duration:")
    assert "invalid ISO 8601 duration" in message


def test_an_unknown_action_names_the_choices():
    message = refusal(GOOD.replace('"none"', '"ban"'))

    assert message.startswith("mine.toml, line 7: ladders.default.1.action:")
    assert "one of none, warning, lock, suspension" in message


def test_a_lock_without_a_duration_is_refused():
    message = refusal(GOOD.replace(', duration = "PT12H"', ""))

    assert "ladders.default.2: a lock needs a duration" in message


def test_a_policy_without_a_default_ladder_is_refused():
    message = refusal(GOOD.replace("[ladders.default]", "[ladders.spam]"))

    assert "ladders: a [ladders.default] ladder is required" in message


def test_an_unknown_policy_name_lists_the_bundled_ones():
    with pytest.raises(InvalidPolicy, match=r"did you mean 'twitter-2021'.*meta-2022"):
        load_policy("twitter-2012")
