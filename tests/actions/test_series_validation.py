"""Series validation: each problem across records at its file and line, through `minutes validate DIR`."""

from __future__ import annotations

from typer.testing import CliRunner

from minutes_kit.cli import app
from tests.actions.conftest import SAMPLE_SERIES, edit


def _validate(*args: str):
    return CliRunner().invoke(app, ["validate", *args])


def test_sample_series_and_single_record_validate():
    result = _validate(str(SAMPLE_SERIES), str(SAMPLE_SERIES / "2026-06-09.yaml"))
    assert result.exit_code == 0, result.output
    assert "4 meetings, 0 errors, 0 warnings: ok" in result.output


def test_update_to_an_unknown_reference(series_dir):
    line = edit(series_dir / "2026-08-11.yaml", "  - ref: RESG-260714-02\n", "  - ref: RESG-26O714-02\n")
    result = _validate(str(series_dir))
    assert result.exit_code == 1
    assert (f"2026-08-11.yaml:{line}:5: error: action_updates[4].ref: no meeting of the series raised "
            "action 'RESG-26O714-02'; did you mean 'RESG-260714-02'?") in result.output


def test_same_reference_raised_in_two_meetings(series_dir):
    line = edit(series_dir / "2026-08-11.yaml", "          - owners: [mb]\n", "          - ref: RESG-01\n            owners: [mb]\n")
    result = _validate(str(series_dir))
    assert result.exit_code == 1
    assert (f"2026-08-11.yaml:{line}:13: error: items[3].paragraphs[1].actions[1].ref: action reference 'RESG-01' "
            "was already raised in 2026-05-12.yaml, paragraph 3.1") in result.output


def test_update_dated_before_the_action_was_raised(series_dir):
    line = edit(series_dir / "2026-06-09.yaml", "action_updates:\n", "action_updates:\n  - {ref: RESG-260714-01, status: open}\n") + 1
    result = _validate(str(series_dir))
    assert result.exit_code == 1
    assert (f"2026-06-09.yaml:{line}:6: error: action_updates[1].ref: this update of 2026-06-09 is dated before "
            "action 'RESG-260714-01' was raised on 2026-07-14 (2026-07-14.yaml)") in result.output


def test_update_after_close_without_reopening(series_dir):
    path = series_dir / "2026-08-11.yaml"
    line = edit(path, "action_updates:\n", "action_updates:\n  - ref: RESG-01\n    status: complete\n") + 2
    result = _validate(str(series_dir))
    assert result.exit_code == 1
    assert (f"2026-08-11.yaml:{line}:5: error: action_updates[1].status: action 'RESG-01' was closed on 2026-06-09; "
            "reopen it with status 'open' or 'in progress' before recording anything else") in result.output


def test_reopening_a_closed_action_is_allowed(series_dir):
    edit(series_dir / "2026-08-11.yaml", "action_updates:\n", "action_updates:\n  - {ref: RESG-01, status: open, note: Survey to be redone.}\n")
    result = _validate(str(series_dir))
    assert result.exit_code == 0, result.output


def test_owner_not_in_the_series_registry(series_dir):
    path = series_dir / "2026-08-11.yaml"
    edit(path, "chair: ah\n", "  zz: {name: Zoe Zander, organisation: Northgate Property Partners Ltd}\nchair: ah\n")
    line = edit(path, "          - owners: [mb]\n", "          - owners: [mb, zz]\n")
    result = _validate(str(series_dir))
    assert result.exit_code == 1
    assert (f"2026-08-11.yaml:{line}:26: error: items[3].paragraphs[1].actions[1].owners[2]: action owner 'zz' "
            "is not in the series registry (people or teams in series.yaml)") in result.output


def test_every_problem_is_reported_in_one_run(series_dir):
    edit(series_dir / "2026-08-11.yaml", "  - ref: RESG-260714-02\n", "  - ref: RESG-260714-09\n")
    edit(series_dir / "2026-06-09.yaml", "          - owners: [sh]\n", "          - owners: [qq]\n")
    line = edit(series_dir / "series.yaml", "chair: ah\n", "chair: ahh\n")
    result = _validate(str(series_dir))
    assert result.exit_code == 1
    assert f"series.yaml:{line}:1: error: chair: 'ahh' is not in the series registry" in result.output
    assert "2026-06-09.yaml:" in result.output and "'qq' is not in the people registry" in result.output
    assert "RESG-260714-09" in result.output
    assert "'qq' is not in the series registry" in result.output
    assert "4 meetings, 5 errors, 0 warnings: FAILED" in result.output


def test_update_fields_are_checked_within_one_record(series_dir):
    path = series_dir / "2026-07-14.yaml"
    edit(path, "    superseded_by: RESG-260714-01\n", "")
    line = edit(path, "    due_reason: contractor access to the roof was delayed\n", "")
    result = _validate(str(path))
    assert result.exit_code == 1
    assert "action_updates[1].status: action 'RESG-260512-02' is superseded: give superseded_by" in result.output
    assert (f"2026-07-14.yaml:{line - 1}:5: error: action_updates[3].due: the revised due date of 'RESG-260609-01' "
            "needs its reason (due_reason)") in result.output


def test_a_folder_without_series_file_is_a_user_error(tmp_path):
    result = _validate(str(tmp_path))
    assert result.exit_code == 1
    assert "is not a meeting series: it has no series.yaml" in result.output
