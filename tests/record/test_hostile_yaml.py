"""Hostile YAML: any input costs bounded time and memory, and every failure is a message with its line.

Each input goes through the real command (`minutes validate` and `minutes render -o`) in a separate
process, under a limit on address space and a timeout. The limits are safety nets, not benchmarks:
they keep a regression (an alias bomb that copies out every alias, a recursion per level of
nesting) from taking the machine down with it, and turn it into a failing test.
"""

from __future__ import annotations

import itertools
import re
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLE
from tests.records import TEST_GROUP

ADDRESS_SPACE = 512 * 2**20
"""A normal `minutes render` of the sample needs well under half of this (it runs under 256 MiB)."""

TIMEOUT = 60

RECORD = TEST_GROUP


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


def _minutes(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "minutes_kit", *arguments],
        check=False, capture_output=True, text=True, errors="replace", timeout=TIMEOUT, preexec_fn=_limited,
    )


def _refused(tmp_path: Path, content: str | bytes, line: int, message: str, column: int | None = None) -> None:
    """`content` fails `minutes validate` and `minutes render` with `message` at `line`, and nothing is written."""
    record = tmp_path / "hostile.yaml"
    if isinstance(content, bytes):
        record.write_bytes(content)
    else:
        record.write_text(content, encoding="utf-8")
    output = tmp_path / "out" / "minutes.docx"
    output.parent.mkdir()
    where = rf"{re.escape(str(record))}:{line}:{column if column is not None else r'[0-9]+'}: error: "

    for result in (_minutes("validate", str(record)), _minutes("render", str(record), "-o", str(output))):
        assert result.returncode == 1, result.stdout + result.stderr
        assert "Traceback" not in result.stderr, result.stderr
        assert re.search(f"^{where}.*{re.escape(message)}", result.stderr, re.MULTILINE), result.stderr
    assert not output.exists()
    assert list(output.parent.iterdir()) == []


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_a_valid_record_validates_and_renders_under_the_same_limits(tmp_path):
    record = tmp_path / "valid.yaml"
    record.write_text(RECORD, encoding="utf-8")
    output = tmp_path / "minutes.docx"

    validated = _minutes("validate", str(record))
    rendered = _minutes("render", str(record), "-o", str(output))

    assert validated.returncode == 0, validated.stderr
    assert rendered.returncode == 0, rendered.stderr
    assert output.exists()


def test_alias_bomb_is_refused_at_the_first_alias(tmp_path):
    # Nine levels of nine aliases: 9**9 (387 million) strings once every alias is copied out.
    names = "abcdefghi"
    lines = [f"a: &a [{', '.join(['x'] * 9)}]"]
    lines += [f"{name}: &{name} [{', '.join([f'*{below}'] * 9)}]" for below, name in itertools.pairwise(names)]
    bomb = "\n".join(lines) + "\n"

    _refused(tmp_path, bomb, 2, "YAML aliases (*name) are not allowed in records; write the value out", column=8)


def test_an_alias_anywhere_in_a_record_is_refused_at_its_line(tmp_path):
    record = RECORD.replace("  ab: {name: Ann", "  ab: &ann {name: Ann") + "extra: *ann\n"
    _refused(tmp_path, record, 18, "YAML aliases (*name) are not allowed in records", column=8)


def test_list_nested_500_deep_is_refused_without_recursion(tmp_path):
    deep = "# nested\nitems: " + "[" * 500 + "]" * 500 + "\n"
    _refused(tmp_path, deep, 2, "nested more than 64 deep")


def test_money_with_fifty_digits_is_a_validation_error_on_its_field(tmp_path):
    sample = SAMPLE.read_text(encoding="utf-8")
    huge = "123456789012345678901234567890123456789012345678901"
    assert "service_credit: 18420\n" in sample
    record = sample.replace("service_credit: 18420\n", f"service_credit: {huge}\n", 1)
    _refused(
        tmp_path, record, _line_of(record, huge),
        "service_credit: expected a sum of money of at most 15 digits before the point",
    )


@pytest.mark.parametrize("written", ["1e999999999", "1e-999999999"])
def test_figure_with_an_absurd_exponent_is_a_validation_error(tmp_path, written):
    sample = SAMPLE.read_text(encoding="utf-8")
    record = sample.replace("service_credit: 18420\n", f'service_credit: "{written}"\n', 1)
    _refused(tmp_path, record, _line_of(record, written), "expected a sum of money of at most 15 digits")


NOT_TEXT_KEYS = {
    "null": ("~: Room 2", "~ is read as nothing (null)"),
    "number": ("1: Room 2", "1 is read as a number"),
    "list": ("[a]: Room 2", "a key must be text, not a list"),
    "set of fields": ("{a: 1}: Room 2", "a key must be text, not a set of fields"),
}


@pytest.mark.parametrize("case", list(NOT_TEXT_KEYS))
def test_key_that_is_not_text_is_refused_at_its_line_and_column(tmp_path, case):
    key, message = NOT_TEXT_KEYS[case]
    lines = RECORD.splitlines(keepends=True)
    record = "".join(lines[:9] + [f"  {key}\n"] + lines[9:])  # on line 10, among the people
    _refused(tmp_path, record, 10, message, column=3)


def test_undecodable_byte_is_reported_at_its_line_and_column(tmp_path):
    data = RECORD.encode("utf-8")
    assert RECORD.splitlines()[6] == "  status: final"
    _refused(tmp_path, data.replace(b"status: final", b"status: fin\xffal"), 7, "is not UTF-8 text", column=14)


def test_control_character_is_reported_at_its_line(tmp_path):
    _refused(tmp_path, RECORD.replace("Room 4", "Room\x074"), 5, "U+0007 cannot be used in a record", column=17)
