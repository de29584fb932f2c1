"""Input that can be read only once, as a user's shell hands it over."""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def piped(data: bytes) -> Iterator[str]:
    """A path reading `data` from a pipe, as ``<(cat FILE)`` gives one: its
    bytes come once, and opening it again gives what is left, nothing."""
    read, write = os.pipe()

    def feed() -> None:
        # the reader may stop early: the pipe breaks
        with contextlib.suppress(BrokenPipeError), os.fdopen(write, "wb") as stream:
            stream.write(data)

    writer = threading.Thread(target=feed)
    writer.start()
    try:
        yield f"/dev/fd/{read}"
    finally:
        os.close(read)
        writer.join()
