"""`minutes actions --format ics`: the outstanding actions as to-dos a calendar or task list imports."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from icalendar import Calendar

from minutes_kit.cli import app
from tests.actions.conftest import edit

AS_OF = "2026-08-20"
# The sample series as of 20 August 2026, read from its records by hand: what is still outstanding.
OUTSTANDING = {
    "RESG-260609-01": ("IN-PROCESS", dt.date(2026, 8, 11), "Kieran Patel", "2026-06-09.yaml", "9 June 2026"),
    "RESG-260714-01": ("IN-PROCESS", dt.date(2026, 9, 8), "Joanna Tran", "2026-07-14.yaml", "14 July 2026"),
    "RESG-260714-02": ("NEEDS-ACTION", dt.date(2026, 8, 4), "Ruth Whitaker", "2026-07-14.yaml", "14 July 2026"),
    "RESG-260811-01": ("NEEDS-ACTION", dt.date(2026, 9, 1), "Marcus Bell", "2026-08-11.yaml", "11 August 2026"),
}


def _ics(runner, series: Path, *arguments: str) -> bytes:
    result = runner.invoke(app, ["actions", str(series), "--as-of", AS_OF, "--format", "ics", *arguments])
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def _todos(ics: bytes) -> dict[str, object]:
    """Each to-do by the reference its summary ends with."""
    calendar = Calendar.from_ical(ics)
    todos = {}
    for todo in calendar.walk("VTODO"):
        summary = str(todo["SUMMARY"])
        todos[summary[summary.rindex("(") + 1:-1]] = todo
    return todos


def test_one_todo_per_outstanding_action_with_its_fields(runner, series_dir):
    ics = _ics(runner, series_dir)
    calendar = Calendar.from_ical(ics)
    assert str(calendar["VERSION"]) == "2.0" and "minutes-kit" in str(calendar["PRODID"])
    todos = _todos(ics)
    assert sorted(todos) == sorted(OUTSTANDING)
    for ref, (status, due, owner, record, raised_on) in OUTSTANDING.items():
        todo = todos[ref]
        assert str(todo["STATUS"]) == status
        assert todo.decoded("DUE") == due and todo["DUE"].params["VALUE"] == "DATE"
        assert [str(category) for category in todo["CATEGORIES"].cats] == [owner]
        assert todo.decoded("DTSTAMP").tzinfo is not None
        description = str(todo["DESCRIPTION"])
        assert f"Action {ref}, owned by {owner}." in description
        assert f"on {raised_on}, paragraph" in description and f"of the minutes ({record})" in description
        assert str(todo["URL"]) == (series_dir / record).resolve().as_uri()
    assert str(todos["RESG-260609-01"]["SUMMARY"]) == "Obtain three quotes for the Hallam Street roof repair (RESG-260609-01)"
    assert "In progress, OVERDUE, due 11 August 2026 (first due 7 July 2026)" in str(todos["RESG-260609-01"]["DESCRIPTION"])
    assert "Latest update (11 August 2026): Joanna Tran has collected costs for four of the six sites." in str(
        todos["RESG-260714-01"]["DESCRIPTION"])  # @jt written as the name


def test_the_file_is_what_calendar_programs_import(runner, series_dir):
    ics = _ics(runner, series_dir)
    lines = ics.split(b"\r\n")
    assert lines[0] == b"BEGIN:VCALENDAR" and lines[-2:] == [b"END:VCALENDAR", b""]
    assert b"\n" not in b"".join(lines)  # every line ends CRLF
    assert max(len(line) for line in lines) <= 75  # folded: no line over 75 octets
    assert any(line.startswith(b" ") for line in lines)  # the long descriptions were folded, not cut
    assert lines.count(b"BEGIN:VTODO") == lines.count(b"END:VTODO") == 4


def test_uids_are_stable_across_runs_and_distinct(runner, series_dir):
    first = {ref: str(todo["UID"]) for ref, todo in _todos(_ics(runner, series_dir)).items()}
    edit(series_dir / "2026-08-11.yaml", "    note: The third quote is expected this week.",
         "    note: Two quotes are in; the third is expected this week.")
    again = {ref: str(todo["UID"]) for ref, todo in _todos(_ics(runner, series_dir)).items()}
    assert first == again and len(set(first.values())) == 4


def test_owner_narrows_the_calendar_and_an_email_makes_an_attendee(runner, series_dir):
    edit(series_dir / "series.yaml", "role: Facilities Manager,", "role: Facilities Manager, email: k.patel@drs.example.gov.uk,")
    todos = _todos(_ics(runner, series_dir, "--owner", "kp"))
    assert list(todos) == ["RESG-260609-01"]
    attendee = todos["RESG-260609-01"]["ATTENDEE"]
    assert str(attendee) == "mailto:k.patel@drs.example.gov.uk" and attendee.params["CN"] == "Kieran Patel"
    assert "ATTENDEE" not in _todos(_ics(runner, series_dir, "--owner", "jt"))["RESG-260714-01"]  # no email: no attendee


def test_closed_actions_are_not_todos_and_complete_ones_are_completed(runner, series_dir):
    assert _todos(_ics(runner, series_dir, "--status", "closed")) == {}
    edit(series_dir / "2026-08-11.yaml", "  - ref: RESG-260714-01\n    status: in progress",
         "  - ref: RESG-260714-01\n    status: complete")
    assert str(_todos(_ics(runner, series_dir))["RESG-260714-01"]["STATUS"]) == "COMPLETED"


def test_a_long_action_is_shortened_at_a_word_in_its_summary(runner, series_dir):
    long_text = ("share the revised lease schedule with the finance team, the landlord's agent and every "
                 "site manager in the region")
    edit(series_dir / "2026-08-11.yaml", "text: share the revised lease schedule with the finance team",
         f"text: {long_text}")
    todo = _todos(_ics(runner, series_dir))["RESG-260811-01"]
    summary = str(todo["SUMMARY"])
    # "... agent and" would make 81 characters with the ellipsis: one word too many for the 80 a summary shows
    assert summary == "Share the revised lease schedule with the finance team, the landlord's agent… (RESG-260811-01)"
    assert long_text[1:] in str(todo["DESCRIPTION"]).replace("\n", " ")  # the whole text stays in the description


def test_output_file_is_written_and_never_over_an_input(runner, series_dir, tmp_path):
    output = tmp_path / "actions.ics"
    result = runner.invoke(app, ["actions", str(series_dir), "--as-of", AS_OF, "--format", "ics", "-o", str(output)])
    assert result.exit_code == 0, result.output
    assert f"wrote {output}" in result.stdout
    assert sorted(_todos(output.read_bytes())) == sorted(OUTSTANDING)
    refused = runner.invoke(app, ["actions", str(series_dir), "--format", "ics", "-o", str(series_dir / "series.yaml")])
    assert refused.exit_code == 1 and "it is an input of this command" in refused.stderr


def test_ics_events_give_outlook_an_all_day_event_on_each_due_date(runner, series_dir):
    result = runner.invoke(app, ["actions", str(series_dir), "--as-of", AS_OF, "--format", "ics-events"])
    assert result.exit_code == 0, result.output
    calendar = Calendar.from_ical(result.stdout_bytes)
    assert list(calendar.walk("VTODO")) == []
    events = {str(event["SUMMARY"]).rsplit("(", 1)[1].rstrip(")"): event for event in calendar.walk("VEVENT")}
    assert set(events) == set(OUTSTANDING)
    for ref, (_, due, owner, _, _) in OUTSTANDING.items():
        event = events[ref]
        assert event.decoded("DTSTART") == due and event.decoded("DTEND") == due + dt.timedelta(days=1)
        assert owner in str(event["DESCRIPTION"])
        [alarm] = event.walk("VALARM")
        assert alarm.decoded("TRIGGER") == dt.timedelta(days=-1)
