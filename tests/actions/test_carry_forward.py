"""`minutes new`: the next record validates, carries every outstanding action forward, and never overwrites."""

from __future__ import annotations

from typer.testing import CliRunner

from minutes_kit.actions.series import load_series
from minutes_kit.cli import app
from minutes_kit.validation import load_record


def _new(series_dir, *args: str):
    return CliRunner().invoke(app, ["new", str(series_dir), *args])


def test_new_record_validates_alone_and_in_the_series(series_dir):
    result = _new(series_dir, "--date", "2026-09-08")
    assert result.exit_code == 0, result.output
    written = series_dir / "2026-09-08.yaml"
    assert f"wrote {written}" in result.output
    record = load_record(written)  # not strict: the placeholders it writes warn until they are replaced
    series = load_series(series_dir)
    assert [meeting.date.isoformat() for meeting in series.meetings][-1] == "2026-09-08"
    assert record.attendees == series.file.attendees and record.chair == "ah"
    assert [item.title for item in record.items] == [item.title for item in series.file.standing_items]
    assert record.items[1].reviews_actions
    assert record.meeting.status.value == "draft"
    assert "minutes of the meeting held on Tuesday 11 August 2026" in record.items[0].paragraphs[-1]


def test_every_outstanding_action_gets_an_update_entry_at_its_status(series_dir):
    _new(series_dir, "--date", "2026-09-08")
    text = (series_dir / "2026-09-08.yaml").read_text()
    record = load_record(series_dir / "2026-09-08.yaml")
    assert [(u.ref, u.status.value, u.note) for u in record.action_updates] == [
        ("RESG-260609-01", "in progress", None),
        ("RESG-260714-01", "in progress", None),
        ("RESG-260714-02", "open", None),
        ("RESG-260811-01", "open", None),
    ]
    assert "# rw: review the energy meter readings for the two sites and report the likely cause (due 4 Aug 2026; Open – OVERDUE)" in text


def test_the_planned_time_and_place_of_the_next_meeting_are_used(series_dir):
    edit_location = series_dir / "2026-08-11.yaml"
    edit_location.write_text(edit_location.read_text().replace(
        'next_meeting: {date: 2026-09-08, start: "14:00", location: "Room 2.07, Calder Court, Wakefield"}',
        'next_meeting: {date: 2026-09-08, start: "09:30", location: "Boardroom, Calder Court"}'))
    _new(series_dir, "--date", "2026-09-08")
    record = load_record(series_dir / "2026-09-08.yaml")
    assert record.meeting.location == "Boardroom, Calder Court" and record.meeting.start.hour == 9


def test_new_never_overwrites(series_dir, tmp_path):
    target = tmp_path / "next.yaml"
    target.write_text("# somebody's notes\n")
    result = _new(series_dir, "--date", "2026-09-08", "-o", str(target))
    assert result.exit_code == 1
    assert "already exists; it is never overwritten" in result.output
    assert target.read_text() == "# somebody's notes\n"
    assert _new(series_dir, "--date", "2026-09-08").exit_code == 0
    again = _new(series_dir, "--date", "2026-09-08", "-o", str(series_dir / "2026-09-08.yaml"))
    assert again.exit_code == 1 and "already" in again.output


def test_new_refuses_a_date_the_series_has_passed(series_dir):
    result = _new(series_dir, "--date", "2026-08-11")
    assert result.exit_code == 1
    assert "already has a meeting on or after 2026-08-11 (2026-08-11.yaml)" in result.output
