"""Stored events are what the `eventsourcing` library's own JSON transcoder
writes: any reader using the library's mapper reads them as ever."""

from eventsourcing.persistence import JSONTranscoder, Mapper

from standing.application.replay import replay
from standing.application.service import StandingApplication
from standing.cli.commands.demo import scenario_path


def stored_events(app: StandingApplication) -> list:
    return list(app.recorder.select_notifications(start=1, limit=100_000))


def row(event) -> tuple:
    return event.originator_id, event.originator_version, event.topic, event.state


def the_librarys_mapper(app: StandingApplication) -> Mapper:
    transcoder = JSONTranscoder()
    app.register_transcodings(transcoder)
    return Mapper(transcoder=transcoder)


def test_every_stored_event_is_the_bytes_the_librarys_transcoder_writes():
    app = StandingApplication()
    replay(app, [str(scenario_path())], None)
    library = the_librarys_mapper(app)

    stored = stored_events(app)

    assert len(stored) > 40
    for event in stored:
        assert row(library.to_stored_event(library.to_domain_event(event))) == row(
            event
        )


def test_every_stored_event_reads_back_as_the_event_that_was_stored():
    app = StandingApplication()
    replay(app, [str(scenario_path())], None)
    library = the_librarys_mapper(app)

    stored = stored_events(app)

    for event in stored:
        decoded = library.to_domain_event(event)
        assert row(app.mapper.to_stored_event(decoded)) == row(event)
        assert vars(decoded) == vars(app.mapper.to_domain_event(event))
