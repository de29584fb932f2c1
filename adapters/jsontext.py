"""JSON text by the million: the standard library's encoder, set up once.

`json.JSONEncoder.encode` builds its C encoder afresh on every call; a replay
encodes two documents a fact (its content digest and its stored event), so
here the C encoder is built once. The text is the same.
"""

from __future__ import annotations

import json
from json import encoder as _encoder
from typing import Any


class ReusedEncoder(json.JSONEncoder):
    """A `json.JSONEncoder` that does not look for circular references (what
    it encodes has none) and builds its C encoder once."""

    def __init__(self, **options: Any) -> None:
        super().__init__(check_circular=False, **options)
        self._once = None
        if _encoder.c_make_encoder is not None and self.indent is None:
            strings = (
                _encoder.encode_basestring_ascii
                if self.ensure_ascii
                else _encoder.encode_basestring
            )
            self._once = _encoder.c_make_encoder(
                None,  # markers: no search for circular references
                self.default,
                strings,
                self.indent,
                self.key_separator,
                self.item_separator,
                self.sort_keys,
                self.skipkeys,
                self.allow_nan,
            )

    def encode(self, o: Any) -> str:
        if self._once is None:  # no C encoder in this Python
            return super().encode(o)
        return "".join(self._once(o, 0))
