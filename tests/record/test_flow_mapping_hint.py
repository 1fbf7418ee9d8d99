"""A comma inside {braces} ends a value: the "unknown field" it makes says so, and how to quote."""

from __future__ import annotations

import time

import pytest

from minutes_kit.cli import app
from tests.actions.conftest import edit, series_dir  # noqa: F401 - series_dir is a fixture

NEXT_MEETING = 'next_meeting: {date: 2026-09-08, start: "14:00", location: "Room 2.07, Calder Court, Wakefield"}'
RECORD = "2026-08-11.yaml"


def _validate(runner, path) -> str:
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    return result.stderr


def test_a_location_split_by_a_comma_is_reported_with_the_quoted_value_at_its_line(runner, series_dir):  # noqa: F811
    record = series_dir / RECORD
    line = edit(record, NEXT_MEETING, "next_meeting: {date: 2026-09-08, location: Board Room, Trust Headquarters}")
    column = len("next_meeting: {date: 2026-09-08, location: Board Room, ") + 1
    stderr = _validate(runner, record)
    assert (f"{RECORD}:{line}:{column}: error: next_meeting.Trust Headquarters: unknown field 'Trust Headquarters': "
            "a comma inside {braces} ends a value, so it split the value of 'location'; put the value in quotes: "
            'location: "Board Room, Trust Headquarters"') in stderr


def test_every_part_a_value_lost_gets_the_whole_value(runner, series_dir):  # noqa: F811
    record = series_dir / RECORD
    edit(record, NEXT_MEETING, "next_meeting: {location: Salle du Café, Trust Headquarters, Leeds, date: 2026-09-08}")
    stderr = _validate(runner, record)
    quoted = 'location: "Salle du Café, Trust Headquarters, Leeds"'
    assert "next_meeting.Trust Headquarters: unknown field 'Trust Headquarters': a comma" in stderr
    assert "next_meeting.Leeds: unknown field 'Leeds': a comma" in stderr
    assert stderr.count(quoted) == 2


def test_braces_over_several_lines_and_a_series_file(runner, series_dir):  # noqa: F811
    series = series_dir / "series.yaml"
    line = edit(series, "  mb: {name: Marcus Bell, role: Lease Manager,",
                "  mb: {name: Marcus Bell,\n       role: Lease Manager, North,")
    result = runner.invoke(app, ["validate", str(series_dir)])
    assert result.exit_code == 1
    assert (f"series.yaml:{line + 1}:29: error: people.mb.North: unknown field 'North': a comma inside {{braces}} "
            "ends a value, so it split the value of 'role'; put the value in quotes: role: \"Lease Manager, North\"") \
        in result.stderr


@pytest.mark.parametrize("written", [
    "next_meeting: {date: 2026-09-08, location: Board Room, venue: }",      # a field of its own, with a colon
    "next_meeting: {date: 2026-09-08, venue, location: Board Room}",       # after a date, not text
    "next_meeting:\n  date: 2026-09-08\n  Trust Headquarters:\n",           # not in braces
    'next_meeting: {date: 2026-09-08, location: "Board Room", Trust Headquarters}',  # after a quoted value
])
def test_other_unknown_fields_keep_the_usual_message(runner, series_dir, written):  # noqa: F811
    record = series_dir / RECORD
    edit(record, NEXT_MEETING, written)
    stderr = _validate(runner, record)
    assert "unknown field" in stderr and "allowed here: date, start, end, location" in stderr
    assert "comma" not in stderr



def test_a_value_split_thousands_of_times_is_reported_in_bounded_time_and_length(runner, series_dir):  # noqa: F811
    record = series_dir / RECORD
    parts = ", ".join(f"part {number}" for number in range(5000))
    edit(record, NEXT_MEETING, f"next_meeting: {{date: 2026-09-08, location: Board Room, {parts}}}")
    started = time.perf_counter()
    stderr = _validate(runner, record)
    assert time.perf_counter() - started < 20
    assert stderr.count("so it split the value of 'location'; put the value in quotes\n") == 5000
    assert len(stderr) < 5000 * 300  # each message short: the whole value is not repeated 5000 times
