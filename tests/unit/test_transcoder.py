"""Stored events are written and read exactly as the library's JSON
transcoder writes and reads them."""

from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

import pytest
from eventsourcing.persistence import JSONTranscoder, Transcoding, UUIDAsHex

from standing.adapters.transcoder import StoredJSONTranscoder
from standing.application.service import StandingApplication
from standing.domain.facts import FactRef

AT = datetime(2021, 1, 6, 23, 2, tzinfo=UTC)
DOCUMENTS = [
    {"at": AT, "post": "p1", "by": None, "text": None, "fact": FactRef("f1")},
    {"fact": FactRef("id", "digest", "a note", "a source"), "permanent": True},
    {"duration": timedelta(hours=12), "require_removal": ["p1", "p2"]},
    {"duration": timedelta(seconds=1.5), "until": AT.astimezone()},
    {"duration": timedelta(microseconds=1), "ratio": 1e-06},
    {"text": 'é ☃ \u2028 q"\\\n\x00\x7f', "nested": {"when": [AT, {"at": AT}]}},
    {"huge": 10**30, "posts": [], "strikes": {}},
    {"id": UUID("5b1f3c2e-8f0d-4d8e-9a55-7d1e0c6a2b41")},
    {"_type_": "not", "_data_": "transcoded", "third": 1},
]


def transcoders() -> tuple[JSONTranscoder, StoredJSONTranscoder]:
    library, ours = JSONTranscoder(), StoredJSONTranscoder()
    for transcoder in (library, ours):
        StandingApplication().register_transcodings(transcoder)
        transcoder.register(UUIDAsHex())
    return library, ours


@pytest.mark.parametrize("document", DOCUMENTS)
def test_an_event_state_is_written_as_the_librarys_transcoder_writes_it(document):
    library, ours = transcoders()

    written = ours.encode(document)

    assert written == library.encode(document)


@pytest.mark.parametrize("document", DOCUMENTS)
def test_an_event_state_reads_back_as_the_librarys_transcoder_reads_it(document):
    library, ours = transcoders()
    written = library.encode(document)

    read = ours.decode(written)

    assert read == library.decode(written) == document


def test_a_type_with_no_transcoding_is_refused_as_the_library_refuses_it():
    _, ours = transcoders()

    with pytest.raises(TypeError, match="not serializable"):
        ours.encode({"when": object()})


class Interrupted(Transcoding):
    """Writes a `Pressed` as Ctrl-C landing in the middle of the first would:
    once interrupted, then as an empty list."""

    type = type("Pressed", (), {})
    name = "pressed"

    def __init__(self) -> None:
        self.pressed = False

    def encode(self, obj: Any) -> Any:
        if not self.pressed:
            self.pressed = True
            raise KeyboardInterrupt
        return []

    def decode(self, data: Any) -> Any:
        return data


def test_ctrl_c_while_writing_a_state_is_not_taken_for_a_value_to_write_otherwise():
    _, ours = transcoders()
    ours.register(Interrupted())

    with pytest.raises(KeyboardInterrupt):
        ours.encode({"at": AT, "pressed": Interrupted.type()})


@pytest.mark.parametrize("document", DOCUMENTS)
def test_an_events_arguments_read_back_as_the_whole_state_reads_them(document):
    library, ours = transcoders()
    written = library.encode({**document, "timestamp": AT})
    names = (*document, "absent")

    arguments = ours.decode_arguments(written, names)

    assert arguments == document
