"""Broken records: each gives its message at the right line, exit code 1 and no traceback."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from minutes_kit.cli import app
from tests.records import TEST_GROUP

VALID = TEST_GROUP + """\
      - text: "@cd gave an update."
        actions:
          - ref: T-01
            owners: [cd]
            text: send the figures
            due: 2026-08-01
"""

BLOCK_PARAGRAPH = """\
      - text: |
          @cd gave an update: [[S43: £12,345 for May
          and £6,789 for June]] was agreed.
"""

LONG_MARK = " ".join(f"figure{number:04d}" for number in range(1000))

SECOND_ACTION = """\
          - ref: T-01
            owners: [ab]
            text: check the figures
            due: 2026-08-02
"""

BROKEN = {
    "yaml syntax error": (
        VALID.replace('- "@ab opened the meeting."', "- @ab opened the meeting."),
        17, "YAML syntax error", "must be put in quotes",
    ),
    "bad indentation": (
        VALID.replace("  location: Room 4", "    location: Room 4"),
        5, "YAML syntax error", "",
    ),
    "wrong type for a date": (
        VALID.replace("date: 2026-07-14", "date: 14/07/2026"),
        4, "meeting.date: '14/07/2026' is not a date", "YYYY-MM-DD",
    ),
    "impossible date": (
        VALID.replace("due: 2026-08-01", "due: 2026-02-30"),
        23, "items[1].paragraphs[2].actions[1].due: '2026-02-30' is not a date", "",
    ),
    "list expected": (
        VALID.replace("attendees: [ab, cd]", "attendees: ab"),
        12, "attendees: expected a list", "",
    ),
    "text expected": (
        VALID.replace("title: Welcome", "title: 2026"),
        15, "items[1].title: expected text, found the number 2026", "put it in quotes",
    ),
    "unknown person": (
        VALID.replace("attendees: [ab, cd]", "attendees: [ab, cd, cf]"),
        12, "attendees[3]: 'cf' is not in the people registry", "did you mean",
    ),
    "unknown person mentioned": (
        VALID.replace('"@ab opened', '"@zz opened'),
        17, "items[1].paragraphs[1]: mention @zz: 'zz' is not in the people registry", "",
    ),
    "owner not in registry": (
        VALID.replace("owners: [cd]", "owners: [cd, qq]"),
        21, "actions[1].owners[2]: action owner 'qq' is not in the people registry", "",
    ),
    "duplicate reference": (
        VALID + SECOND_ACTION,
        24, "actions[2].ref: action reference 'T-01' is already used in paragraph 1.2", "",
    ),
    "bad classification": (
        VALID.replace("classification: OFFICIAL-SENSITIVE", "classification: SECRET"),
        6, "meeting.classification: 'SECRET' is not allowed", "'OFFICIAL' or 'OFFICIAL-SENSITIVE'",
    ),
    "bad descriptor": (
        VALID.replace("  status: final", "  descriptor: HUSH\n  status: final"),
        7, "meeting.descriptor: 'HUSH' is not allowed", "COMMERCIAL",
    ),
    "misspelt field": (
        VALID.replace("location: Room 4", "locaton: Room 4"),
        5, "meeting.locaton: unknown field 'locaton'", "did you mean 'location'?",
    ),
    "missing required field": (
        VALID.replace("  title: Test Group\n", ""),
        1, "meeting.title: required field 'title' is missing", "",
    ),
    "field given twice": (
        VALID.replace("  status: final", "  status: final\n  date: 2026-07-15"),
        8, "meeting.date: 'date' is given twice", "",
    ),
    "due before the meeting": (
        VALID.replace("due: 2026-08-01", "due: 2026-07-01"),
        23, "is due 2026-07-01, before the meeting on 2026-07-14", "",
    ),
    "chair not attending": (
        VALID.replace("attendees: [ab, cd]", "attendees: [cd]"),
        11, "chair: the chair 'ab' is not among the attendees", "",
    ),
    "empty item": (
        VALID + "  - title: Any other business\n",
        24, "items[2]: item 2 'Any other business' has no paragraphs", "",
    ),
    "nested mark": (
        VALID.replace('"@ab opened the meeting."', '"@ab opened [[S43: a [[S41: b]] c]] the meeting."'),
        17, "items[1].paragraphs[1]: a mark is opened inside another mark", "close the first with ]]",
    ),
    "nested mark in a block": (
        VALID.replace('      - text: "@cd gave an update."\n', BLOCK_PARAGRAPH.replace("June]]", "June [[S41: b]]]]")),
        18, "items[1].paragraphs[2].text: a mark is opened inside another mark", "",
    ),
    "mark never closed": (
        VALID.replace('"@ab opened the meeting."', '"@ab paid [[S43: £12,345 at the meeting."'),
        17, "items[1].paragraphs[1]: '[[S43:' is never closed with ]]", "",
    ),
    "mark closing nothing": (
        VALID.replace("text: send the figures", 'text: "send the figures]]"'),
        22, "items[1].paragraphs[2].actions[1].text: ']]' closes no mark", "",
    ),
    "mark without a code": (
        VALID.replace('"@cd gave an update."', '"@cd gave [[an update]]."'),
        18, "items[1].paragraphs[2].text: [[...]] needs a code and a colon", "[[S43: text]]",
    ),
    "bad person key": (
        VALID.replace("  cd: {name: Colin", "  Colin D: {name: Colin"),
        10, "person key 'Colin D' must be lower-case letters", "",
    ),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_broken_record_is_reported_at_its_line(case, tmp_path, runner):
    text, line, message, hint = BROKEN[case]
    record = tmp_path / "broken.yaml"
    record.write_text(text, encoding="utf-8")

    result = runner.invoke(app, ["validate", str(record)])

    assert result.exit_code == 1, result.output
    problem_lines = [entry for entry in result.stderr.splitlines() if message in entry]
    assert problem_lines, result.stderr
    assert problem_lines[0].startswith(f"{record}:{line}:"), problem_lines[0]
    assert hint in problem_lines[0]
    assert "Traceback" not in result.output


def test_valid_record_passes(tmp_path, runner):
    record = tmp_path / "valid.yaml"
    record.write_text(VALID, encoding="utf-8")
    result = runner.invoke(app, ["validate", str(record)])
    assert result.exit_code == 0, result.output
    assert "0 errors, 0 warnings: ok" in result.stdout


def test_every_problem_in_a_file_is_reported_at_once(tmp_path, runner):
    record = tmp_path / "broken.yaml"
    broken = VALID.replace("attendees: [ab, cd]", "attendees: [cd, zz]").replace("due: 2026-08-01", "due: 2026-07-01")
    record.write_text(broken + SECOND_ACTION, encoding="utf-8")
    result = runner.invoke(app, ["validate", str(record)])
    assert result.exit_code == 1
    assert "4 errors" in result.stdout
    reported_lines = [int(entry.split(":")[1]) for entry in result.stderr.splitlines()]
    assert reported_lines == sorted(reported_lines) and {11, 12, 23, 24} <= set(reported_lines)


def test_warning_passes_unless_strict(tmp_path, runner):
    record = tmp_path / "undated.yaml"
    record.write_text(VALID.replace("            due: 2026-08-01\n", ""), encoding="utf-8")

    relaxed = runner.invoke(app, ["validate", str(record)])
    strict = runner.invoke(app, ["validate", "--strict", str(record)])

    assert relaxed.exit_code == 0
    assert f"{record}:20:13: warning: items[1].paragraphs[2].actions[1]: action 'T-01' has no due date" in relaxed.stderr
    assert strict.exit_code == 1
    assert "FAILED" in strict.stdout


def test_attendee_in_apologies_is_a_warning(tmp_path, runner):
    record = tmp_path / "apologies.yaml"
    record.write_text(VALID.replace("notes_by: cd", "apologies: [cd]\nnotes_by: cd"), encoding="utf-8")
    result = runner.invoke(app, ["validate", "--strict", str(record)])
    assert result.exit_code == 1
    assert f"{record}:13:" in result.stderr and "both as attending and in apologies" in result.stderr


def _validated_and_rendered(runner, record: Path) -> str:
    """The text of the minutes rendered from `record`, which must validate cleanly."""
    validated = runner.invoke(app, ["validate", str(record)])
    assert validated.exit_code == 0, validated.output
    assert "0 errors, 0 warnings: ok" in validated.stdout
    output = record.with_suffix(".docx")
    rendered = runner.invoke(app, ["render", str(record), "-o", str(output)])
    assert rendered.exit_code == 0, rendered.output
    assert "Traceback" not in validated.output + rendered.output
    with zipfile.ZipFile(output) as package:
        return re.sub(r"<[^>]+>", "", package.read("word/document.xml").decode())


def test_long_mark_validates_and_renders_whole(tmp_path, runner):
    assert len(LONG_MARK) >= 10_000
    record = tmp_path / "long.yaml"
    record.write_text(VALID.replace('"@ab opened the meeting."', f'"@ab paid [[S43: {LONG_MARK}]] today."'), encoding="utf-8")
    assert f"Ann Bishop paid {LONG_MARK} today." in _validated_and_rendered(runner, record)


def test_mark_over_lines_of_a_block_validates_and_renders_its_text(tmp_path, runner):
    record = tmp_path / "block.yaml"
    record.write_text(VALID.replace('      - text: "@cd gave an update."\n', BLOCK_PARAGRAPH), encoding="utf-8")
    shown = _validated_and_rendered(runner, record)
    assert "£12,345 for May" in shown and "£6,789 for June" in shown
    assert "[[" not in shown and "]]" not in shown and "S43" not in shown


def test_missing_file_is_a_user_error(tmp_path, runner):
    result = runner.invoke(app, ["validate", str(tmp_path / "nowhere.yaml")])
    assert result.exit_code == 1
    assert "cannot read" in result.stderr and "Traceback" not in result.output


def test_real_process_exit_codes_and_no_traceback(tmp_path):
    record = tmp_path / "broken.yaml"
    record.write_text(BROKEN["unknown person"][0], encoding="utf-8")
    command = [sys.executable, "-m", "minutes_kit"]

    user_error = subprocess.run([*command, "validate", str(record)], capture_output=True, text=True)
    usage_error = subprocess.run([*command, "render", "--no-such-option"], capture_output=True, text=True)

    assert user_error.returncode == 1
    assert f"{record}:12:" in user_error.stderr and "Traceback" not in user_error.stderr
    assert usage_error.returncode == 2
