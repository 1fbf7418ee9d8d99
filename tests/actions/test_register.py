"""The register of the sample series at several dates, through the library and the command."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from typer.testing import CliRunner

from minutes_kit.actions.register import compute_register
from minutes_kit.actions.series import load_series
from minutes_kit.cli import app
from minutes_kit.record.model import ActionStatus
from tests.actions.conftest import SAMPLE_SERIES


@pytest.fixture(scope="module")
def series():
    return load_series(SAMPLE_SERIES)


def _states(register) -> dict[str, tuple[str, bool]]:
    return {action.ref: (action.status.value, action.overdue(register.as_of)) for action in register.actions}


def test_after_the_first_meeting_every_action_is_open(series):
    register = compute_register(series, dt.date(2026, 5, 20))
    assert _states(register) == {
        "RESG-01": ("open", False),
        "RESG-260512-02": ("open", False),
        "RESG-260512-03": ("open", False),
    }
    assert register.summary() == "As of 20 May 2026: 3 open, 0 overdue, 0 closed since the last meeting (12 May 2026)"


def test_before_the_first_meeting_there_is_nothing(series):
    register = compute_register(series, dt.date(2026, 5, 1))
    assert register.actions == []
    assert "0 open, 0 overdue" in register.summary() and "none held yet" in register.summary()


def test_after_the_second_meeting_a_missed_due_date_is_overdue(series):
    register = compute_register(series, dt.date(2026, 6, 10))
    states = _states(register)
    assert states["RESG-01"] == ("closed", False)
    assert states["RESG-260512-03"] == ("in progress", True)  # due 9 Jun, not re-dated
    assert states["RESG-260512-02"] == ("in progress", False)  # re-dated to 14 Jul
    assert states["RESG-260609-02"] == ("open", False)
    assert register.summary().endswith("4 open, 1 overdue, 1 closed since the last meeting (9 Jun 2026)")


def test_after_the_fourth_meeting(series):
    register = compute_register(series, dt.date(2026, 8, 12))
    states = _states(register)
    assert states["RESG-260512-02"] == ("superseded", False)
    assert states["RESG-260714-03"] == ("dropped", False)
    assert states["RESG-260512-03"] == ("closed", False)
    assert states["RESG-260714-02"] == ("open", True)
    assert states["RESG-260609-01"] == ("in progress", True)
    assert register.summary().endswith("4 open, 2 overdue, 2 closed since the last meeting (11 Aug 2026)")


def test_an_action_keeps_its_whole_history_and_revised_due_date(series):
    register = compute_register(series, dt.date(2026, 9, 1))
    roof = next(action for action in register.actions if action.ref == "RESG-260609-01")
    assert roof.original_due == dt.date(2026, 7, 7) and roof.due == dt.date(2026, 8, 11)
    assert [event.meeting for event in roof.history] == [dt.date(2026, 7, 14), dt.date(2026, 8, 11)]
    assert roof.history[0].due_reason == "contractor access to the roof was delayed"
    superseded = next(action for action in register.actions if action.ref == "RESG-260512-02")
    assert superseded.superseded_by == "RESG-260714-01" and superseded.closed_on == dt.date(2026, 7, 14)


def test_filters_combine(series):
    register = compute_register(series, dt.date(2026, 8, 12))
    assert [a.ref for a in register.select(overdue_only=True)] == ["RESG-260609-01", "RESG-260714-02"]
    assert [a.ref for a in register.select(owner="rw")] == ["RESG-260512-03", "RESG-260714-02"]
    assert [a.ref for a in register.select(owner="rw", open_only=True)] == ["RESG-260714-02"]
    assert [a.ref for a in register.select(status=ActionStatus.DROPPED)] == ["RESG-260714-03"]


def _run(*args: str):
    return CliRunner().invoke(app, ["actions", str(SAMPLE_SERIES), *args])


def test_command_prints_a_table_and_the_summary_line():
    result = _run("--as-of", "2026-08-12", "--overdue")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["Ref", "Status", "Due", "Owner", "Action"]
    assert [line.split()[0] for line in lines[2:4]] == ["RESG-260609-01", "RESG-260714-02"]
    assert "Open – OVERDUE" in lines[3] and "Ruth Whitaker" in lines[3]
    assert lines[-1] == "As of 12 Aug 2026: 4 open, 2 overdue, 2 closed since the last meeting (11 Aug 2026)"


def test_command_writes_csv_and_json():
    rows = list(csv.DictReader(io.StringIO(_run("--as-of", "2026-07-01", "--format", "csv", "--open").stdout)))
    assert [row["ref"] for row in rows] == ["RESG-260512-02", "RESG-260512-03", "RESG-260609-01", "RESG-260609-02"]
    assert rows[0]["owners"] == "Joanna Tran and Marcus Bell" and rows[0]["due"] == "2026-07-14"
    data = json.loads(_run("--as-of", "2026-08-12", "--status", "superseded", "--format", "json").stdout)
    (action,) = data["actions"]
    assert action["ref"] == "RESG-260512-02"
    assert [event["status"] for event in action["history"]] == ["in progress", "superseded"]
    assert data["summary"].startswith("As of 12 Aug 2026")


def test_unknown_owner_is_a_user_error():
    result = _run("--owner", "zz")
    assert result.exit_code == 1
    assert "--owner: 'zz' is not a key of the series registry, nor the name of a person or team in it" in result.output
