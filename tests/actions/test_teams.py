"""Teams and organisations own actions: shown by name in the minutes, the logs and the register,
never withheld by a release, never offered to a reviewer as a person."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
import yaml
from docx import Document
from openpyxl import load_workbook
from typer.testing import CliRunner

from minutes_kit.cli import app
from minutes_kit.detection.scan import scan_record
from minutes_kit.record.model import MeetingRecord
from minutes_kit.rendering import render_minutes
from minutes_kit.validation import load_record
from tests.actions.conftest import edit
from tests.records import TEST_GROUP
from tests.release.helpers import body_text

TEAM = "Patient Safety Team"

RECORD = TEST_GROUP.replace("chair: ab\n", f"""\
teams:
  ps: {{name: {TEAM}, organisation: Northfield Hospitals NHS Trust}}
chair: ab
""") + """\
      - text: "@ps presented the falls audit."
        actions:
          - ref: QSC-01
            owners: [ps, cd]
            text: repeat the audit on every ward
            due: 2026-09-01
"""


@pytest.fixture
def record_path(tmp_path) -> Path:
    path = tmp_path / "quality.yaml"
    path.write_text(RECORD, encoding="utf-8")
    return path


def _run(*arguments: str):
    return CliRunner().invoke(app, [str(argument) for argument in arguments])


def test_a_team_owns_an_action_in_the_minutes_and_their_action_point_log(record_path, tmp_path):
    output = tmp_path / "minutes.docx"
    render_minutes(load_record(record_path), output, inputs=(record_path,))
    document = Document(output)
    paragraph = next(p.text for p in document.paragraphs if p.text.startswith("1.2."))
    assert paragraph == (f"1.2.\t{TEAM} presented the falls audit. {TEAM} and Colin Drew took an action to "
                         "repeat the audit on every ward (QSC-01).")
    log = document.tables[-1]
    assert [cell.text for cell in log.rows[1].cells][:3] == ["QSC-01", "repeat the audit on every ward",
                                                             f"{TEAM} and Colin Drew"]


def test_a_team_goes_through_a_release_untouched(record_path, tmp_path):
    output = tmp_path / "release.docx"
    result = _run("release", record_path, "-o", output)
    assert result.exit_code == 0, result.output
    text = body_text(output)
    assert f"{TEAM} presented the falls audit." in text
    assert f"{TEAM} and XXXXXXS40(2) took an action to repeat the audit" in text  # the person co-owner goes
    assert "Colin Drew" not in text
    # The schedule has a row per redaction: in 1.2 and the log's row only Colin Drew, never the team.
    schedule = csv.DictReader(io.StringIO(output.with_suffix(".redactions.csv").read_text(encoding="utf-8")))
    locations = [row["location"] for row in schedule]
    assert locations.count("1.2") == 1 and locations.count("Action Point Log, row 1") == 1
    assert _run("verify-release", output, record_path).exit_code == 0


def test_a_team_named_like_a_person_is_not_offered_as_a_finding():
    ward = "Elsie Marsden"  # a team named after a person: without the registry the detector reads it as one
    text = TEST_GROUP.replace("chair: ab\n", f"teams:\n  em: {{name: {ward}}}\nchair: ab\n") + (
        f'      - "The {ward} reported six falls; Priya Lomax from the {ward.upper()} will audit the bed rails."\n'
        '      - "@em agreed."\n')
    record = MeetingRecord.model_validate(yaml.safe_load(text))
    assert [finding.text for finding in scan_record(record)] == ["Priya Lomax"]
    without_teams = record.model_copy(update={"teams": {}})
    assert ward in [finding.text for finding in scan_record(without_teams)]


def test_a_key_is_a_person_or_a_team_never_both(record_path):
    line = edit(record_path, "  ps: {name:", "  cd: {name:")
    result = _run("validate", record_path)
    assert result.exit_code == 1
    assert (f"quality.yaml:{line}:3: error: teams.cd: 'cd' is a key of both the people and the teams registries"
            in result.output)


def test_an_unknown_owner_is_told_the_team_meant(record_path):
    line = edit(record_path, "owners: [ps, cd]", "owners: [pss, cd]")
    result = _run("validate", record_path)
    assert result.exit_code == 1
    assert (f"quality.yaml:{line}:22: error: items[1].paragraphs[2].actions[1].owners[1]: action owner 'pss' is not "
            f"in the people registry or the teams registry; did you mean ps ({TEAM})?") in result.output


FACILITIES = "Facilities Management Team"


@pytest.fixture
def team_series(series_dir) -> Path:
    """The sample series with a team in its registry owning an action, with a person, in the last meeting."""
    team = f"teams:\n  fm: {{name: {FACILITIES}, organisation: Department for Regional Services}}\nchair: ah\n"
    edit(series_dir / "series.yaml", "chair: ah\n", team)
    edit(series_dir / "2026-08-11.yaml", "chair: ah\n", team)
    edit(series_dir / "2026-08-11.yaml", "      - No other business was raised.\n", """\
      - text: "@fm reported that the lifts fail their inspection next month."
        actions:
          - owners: [fm, kp]
            text: book the lift engineer before the inspection
            due: 2026-09-01
""")
    return series_dir


def _register(series: Path, *options: str) -> list[dict[str, str]]:
    result = _run("actions", series, "--as-of", "2026-08-20", "--format", "csv", *options)
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout)))


def test_owner_by_key_and_by_name_gives_the_same_rows(team_series):
    by_key = _register(team_series, "--owner", "fm")
    assert [(row["ref"], row["owners"]) for row in by_key] == [("RESG-260811-02", f"{FACILITIES} and Kieran Patel")]
    assert _register(team_series, "--owner", "FACILITIES  management team") == by_key
    person = _register(team_series, "--owner", "kp")
    assert _register(team_series, "--owner", "Kieran Patel") == person
    assert "RESG-260609-01" in [row["ref"] for row in person]


def test_a_name_two_entries_share_is_refused_with_both_keys(team_series):
    edit(team_series / "series.yaml", "chair: ah\n",
         "  kp2: {name: Kieran Patel, organisation: Northgate Property Partners Ltd}\nchair: ah\n")
    result = _run("actions", team_series, "--owner", "Kieran Patel")
    assert result.exit_code == 1
    assert "kp (Kieran Patel) and kp2 (Kieran Patel): give the key of one" in result.output


def test_a_team_outside_the_series_registry_is_reported_at_its_line(team_series):
    line = edit(team_series / "series.yaml", "  fm: {name:", "  fmt: {name:")
    result = _run("validate", team_series)
    assert result.exit_code == 1
    assert ("action owner 'fm' is not in the series registry (people or teams in series.yaml); "
            f"did you mean fmt ({FACILITIES})?") in result.output
    edit(team_series / "series.yaml", "  fmt: {name:", "  kp: {name:")
    result = _run("validate", team_series)
    assert f"series.yaml:{line}:3: error: teams.kp: 'kp' is a key of both" in result.output


def test_the_action_logs_show_the_team_by_name(team_series, tmp_path):
    docx, xlsx = tmp_path / "log.docx", tmp_path / "log.xlsx"
    for output in (docx, xlsx):
        result = _run("action-log", team_series, "-o", output, "--as-of", "2026-08-20")
        assert result.exit_code == 0, result.output
    owners = f"{FACILITIES} and Kieran Patel"
    rows = [[cell.text for cell in row.cells] for table in Document(docx).tables for row in table.rows]
    assert any(row[0] == "RESG-260811-02" and owners in row for row in rows)
    cells = [cell.value for sheet in load_workbook(xlsx) for row in sheet.iter_rows() for cell in row]
    assert owners in cells


def test_the_next_record_carries_the_teams_and_validates(team_series):
    result = _run("new", team_series, "--date", "2026-09-08")
    assert result.exit_code == 0, result.output
    written = team_series / "2026-09-08.yaml"
    assert yaml.safe_load(written.read_text(encoding="utf-8"))["teams"] == {
        "fm": {"name": FACILITIES, "organisation": "Department for Regional Services"}}
    assert _run("validate", written).exit_code == 0
