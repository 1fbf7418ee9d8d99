"""Names as well as keys, and dates in words: what a user types and what the command answers."""

from __future__ import annotations

import pytest
import typer.main
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from minutes_kit.cli import app
from minutes_kit.validation.registry_names import did_you_mean
from tests.actions.conftest import SAMPLE_SERIES
from tests.records import TEST_GROUP

RECORD = TEST_GROUP.replace("  cd: {name: Colin Drew, organisation: Supplier}\n",
                            "  cd: {name: Colin Drew, organisation: Supplier}\n"
                            "  lt: {name: Laura Thompson, organisation: Supplier}\n") + """\
      - text: "The figures were discussed."
        actions:
          - owners: [OWNER]
            text: send the figures
            due: 2026-08-01
"""
OWNER_LINE = RECORD.splitlines().index("          - owners: [OWNER]") + 1
COMMANDS = sorted(typer.main.get_command(app).commands)


def _run(*arguments: str):
    return CliRunner().invoke(app, [str(argument) for argument in arguments])


@pytest.mark.parametrize("written", ["Laura Thompson", "laura  THOMPSON", "lt_", "ltt"])
def test_an_owner_written_as_a_name_or_a_near_key_is_told_the_key(tmp_path, written):
    record = tmp_path / "group.yaml"
    record.write_text(RECORD.replace("OWNER", written), encoding="utf-8")
    result = _run("validate", record)
    assert result.exit_code == 1
    (line,) = [line for line in result.output.splitlines() if "owners[1]" in line]
    assert line.startswith(f"{record}:{OWNER_LINE}:22: error: items[1].paragraphs[2].actions[1].owners[1]: ")
    assert f"'{written}'" in line
    assert line.endswith("; did you mean lt (Laura Thompson)?")


NAMES = {"lt": "Laura Thompson", "ab": "Ann Bishop", "qs": "Quality and Safety Team"}


@given(key=st.sampled_from(sorted(NAMES)), upper=st.lists(st.booleans(), min_size=40, max_size=40),
       spaces=st.integers(min_value=1, max_value=3))
def test_a_name_is_recognised_in_any_case_and_spacing(key, upper, spaces):
    written = (" " * spaces).join(NAMES[key].split())
    written = "".join(c.upper() if flip else c.lower() for c, flip in zip(written, upper + [False] * len(written)))
    assert did_you_mean(written, NAMES) == f"; did you mean {key} ({NAMES[key]})?"


def test_a_name_of_nobody_gets_no_suggestion(tmp_path):
    record = tmp_path / "group.yaml"
    record.write_text(RECORD.replace("OWNER", "Nobody Known"), encoding="utf-8")
    result = _run("validate", record)
    assert "'Nobody Known' is not a key of a person or a team" in result.output
    assert "did you mean" not in result.output


@pytest.mark.parametrize("arguments", [
    ["actions", SAMPLE_SERIES, "--as-of", "20/11/2026"],
    ["action-log", SAMPLE_SERIES, "-o", "log.docx", "--as-of", "2026-11-31"],
    ["new", SAMPLE_SERIES, "--date", "8 September 2026"],
])
def test_a_wrong_date_is_a_usage_error_in_words(arguments):
    result = _run(*arguments)
    assert result.exit_code == 2
    assert "is not a date" in result.output and "write dates as YYYY-MM-DD" in result.output
    assert "%Y" not in result.output and "Traceback" not in result.output


def test_a_date_option_takes_yyyy_mm_dd():
    result = _run("actions", SAMPLE_SERIES, "--as-of", "2026-08-12", "--overdue")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1].startswith("As of 12 Aug 2026:")


@pytest.mark.parametrize("command", [[], *([name] for name in COMMANDS)], ids=lambda c: " ".join(c) or "minutes")
def test_help_shows_no_bool_and_no_strftime_formats(command):
    result = _run(*command, "--help")
    assert result.exit_code == 0, result.output
    assert "<bool>" not in result.output and "%Y" not in result.output


@pytest.mark.parametrize("command, option", [("actions", "--as-of"), ("action-log", "--as-of"), ("new", "--date")])
def test_help_shows_the_date_format(command, option):
    result = _run(command, "--help")
    assert f"{option} YYYY-MM-DD" in result.output


def test_help_says_owner_takes_a_key_or_a_name():
    result = _run("actions", "--help")
    assert "--owner KEY|NAME" in result.output and "the full name" in " ".join(result.output.split())
