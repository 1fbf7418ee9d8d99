"""The placeholder `minutes new` writes: a warning while it remains, an error in final minutes."""

from __future__ import annotations

from pathlib import Path

from minutes_kit.cli import app
from tests.actions.conftest import edit, series_dir  # noqa: F401 - series_dir is a fixture

WRITTEN = '"To be written."'


def _new_record(runner, series: Path) -> Path:
    result = runner.invoke(app, ["new", str(series), "--date", "2026-09-08"])
    assert result.exit_code == 0, result.output
    return series / "2026-09-08.yaml"


def _placeholder_lines(record: Path) -> list[int]:
    return [number for number, line in enumerate(record.read_text(encoding="utf-8").splitlines(), 1) if WRITTEN in line]


def test_a_new_record_warns_at_each_placeholder_and_strict_fails(runner, series_dir):  # noqa: F811
    record = _new_record(runner, series_dir)
    lines = _placeholder_lines(record)
    assert len(lines) == 2  # the series' Estates Update and Any Other Business have no standing paragraphs
    result = runner.invoke(app, ["validate", str(record)])
    assert result.exit_code == 0, result.output
    assert "0 errors, 2 warnings: ok" in result.stdout
    for line, item in zip(lines, (3, 4)):
        assert (f"2026-09-08.yaml:{line}:9: warning: items[{item}].paragraphs[1]: the placeholder 'To be written.' "
                "is still here: write what was discussed before the minutes are circulated") in result.stderr
    strict = runner.invoke(app, ["validate", str(record), "--strict"])
    assert strict.exit_code == 1 and "FAILED" in strict.stdout
    assert runner.invoke(app, ["validate", str(series_dir), "--strict"]).exit_code == 1


def test_a_placeholder_in_final_minutes_is_an_error_and_they_do_not_render(runner, series_dir, tmp_path):  # noqa: F811
    record = _new_record(runner, series_dir)
    edit(record, "  status: draft", "  status: final")
    line = _placeholder_lines(record)[0]
    result = runner.invoke(app, ["validate", str(record)])
    assert result.exit_code == 1
    assert (f"2026-09-08.yaml:{line}:9: error: items[3].paragraphs[1]: the placeholder 'To be written.' is still "
            "here and the minutes are final: write what was discussed, or remove the paragraph") in result.stderr
    rendered = runner.invoke(app, ["render", str(record), "-o", str(tmp_path / "minutes.docx")])
    assert rendered.exit_code == 1 and not (tmp_path / "minutes.docx").exists()


def test_a_placeholder_left_anywhere_is_found(runner, series_dir):  # noqa: F811
    record = series_dir / "2026-08-11.yaml"
    line = edit(record, "    note: The third quote is expected this week.", "    note: To be written.")
    in_text = edit(record, "            text: share the revised lease schedule with the finance team",
                   "            text: share the revised lease schedule. To be written.")
    result = runner.invoke(app, ["validate", str(record)])
    assert result.exit_code == 1  # the sample is final
    assert f"2026-08-11.yaml:{line}:5: error: action_updates[2].note: the placeholder 'To be written.'" in result.stderr
    assert (f"2026-08-11.yaml:{in_text}:13: error: items[3].paragraphs[1].actions[1].text: the placeholder "
            "'To be written.'") in result.stderr


def test_written_minutes_pass(runner, series_dir):  # noqa: F811
    record = _new_record(runner, series_dir)
    text = record.read_text(encoding="utf-8").replace(WRITTEN, '"The group noted the update; nothing is yet to be written."')
    record.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["validate", str(record)])
    assert result.exit_code == 0 and "0 warnings" in result.stdout, result.output
