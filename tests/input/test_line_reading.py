"""A line of JSON Lines is read straight from its bytes: the facts are the ones
the `json` module's decoding of the same line states, odd spellings included."""

import json
from pathlib import Path

from standing.adapters.input import Parsed, read_facts
from standing.adapters.input.entries import entry
from standing.application.generating import generate
from standing.cli.commands.demo import scenario_path

from .conftest import record

ODD_SPELLINGS = [
    '{"type":"post.published","at":"2021-01-08T10:00:00Z","account":"@jack",'
    '"post":12345678901234567890123,"text":"\\u00e9t\\u00e9 \\ud83d\\ude00 \\/"}',
    '{"type":"post.published","at":"2021-01-08T10:00:00Z","account":"jack",'
    '"post":"p1","post":"p2"}',
    '  {"type":"account.unlocked","at":"2021-01-08","account":"jack","reason":""} ',
    '{"type":"account.locked","at":"2021-01-08T05:00:00-05:00","account":"Jack",'
    '"reason":"x\\u007f","duration":"P1DT1.5S","require_removal":[1,"p2"]}',
]


def read_as_the_json_module_does(path: str) -> list:
    """What the step-by-step reading (decode, `json.loads`, validate) states;
    blank lines and comments skipped."""
    results = []
    for number, raw in enumerate(Path(path).read_bytes().splitlines(), 1):
        if raw.strip() and not raw.lstrip().startswith((b"#", b"//")):
            results.append(entry(json.loads(raw), path, number, None))
    return results


def test_generated_records_read_as_the_json_module_decodes_them(tmp_path):
    path = tmp_path / "generated.jsonl"
    lines = [json.dumps(data) for data in generate(2000, 200, seed=7)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    results = list(read_facts([str(path)], None))

    assert results == read_as_the_json_module_does(str(path))


def test_the_scenario_reads_as_the_json_module_decodes_it():
    path = str(scenario_path())

    results = list(read_facts([path], None))

    assert results == read_as_the_json_module_does(path)


def test_odd_spellings_read_as_the_json_module_decodes_them(event_file):
    path = event_file(*ODD_SPELLINGS)

    results = list(read_facts([path], None))

    assert all(isinstance(result, Parsed) for result in results)
    assert results == read_as_the_json_module_does(path)


def test_a_field_given_twice_keeps_its_last_value(event_file):
    line = json.dumps(record("account.locked"))[:-1] + ', "reason": "spam"}'

    (result,) = read_facts([event_file(line)], None)

    assert result.fact.fields["reason"] == "spam"
