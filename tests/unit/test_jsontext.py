"""The reused JSON encoder writes what the standard library's encoder writes."""

import json
import math

import pytest

from standing.adapters.jsontext import ReusedEncoder

DOCUMENTS = [
    {"b": 1, "a": [True, False, None], "c": {"z": "é ☃ \u2028", "y": 'q"\\\n\x00'}},
    {"float": 1.5, "tiny": 1e-06, "huge": 1e16, "neg": -0.0, "int": 10**30},
    {"nan": math.nan, "inf": math.inf},
    ["a", 1, [], {}],
    "just text",
    {"when": object},
]
OPTIONS = [
    {"separators": (",", ":")},
    {"separators": (",", ":"), "ensure_ascii": False},
    {"separators": (",", ":"), "sort_keys": True, "default": str},
]


@pytest.mark.parametrize("options", OPTIONS)
@pytest.mark.parametrize("document", DOCUMENTS)
def test_the_text_is_what_json_dumps_writes(document, options):
    try:
        expected = json.dumps(document, **options)
    except TypeError:
        expected = None

    if expected is None:
        with pytest.raises(TypeError, match="not JSON serializable"):
            ReusedEncoder(**options).encode(document)
    else:
        assert ReusedEncoder(**options).encode(document) == expected


def test_one_encoder_writes_many_documents_alike():
    encoder = ReusedEncoder(separators=(",", ":"), sort_keys=True)

    texts = [encoder.encode({"n": n, "m": [n]}) for n in range(3)]

    assert texts == ['{"m":[0],"n":0}', '{"m":[1],"n":1}', '{"m":[2],"n":2}']
