"""Every file the toolkit reads passes its checked-in JSON Schema under a real validator with format
checking on, as an editor (VS Code's YAML extension) or check-jsonschema would check it."""

from __future__ import annotations

import functools
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from pydantic import ValidationError

from minutes_kit.cli import app
from minutes_kit.detection import DECISIONS_SUFFIX
from minutes_kit.detection.decisions import decisions_path
from minutes_kit.record.model import NextMeeting
from tests.conftest import ROOT
from tests.detection.test_scan_and_release import RECORD, _decide

SAMPLES = ROOT / "samples"
SAMPLE_FILES = sorted(SAMPLES.rglob("*.yaml"))
EDITOR_SCHEMA = re.compile(r"^# yaml-language-server: \$schema=(\S+)$", re.MULTILINE)


def schema_name(path: Path) -> str:
    """The schema an editor checks `path` against: the one its yaml-language-server line names, else the
    one for its kind of file by name (series files and decisions files carry no such line)."""
    named = EDITOR_SCHEMA.search(path.read_text(encoding="utf-8"))
    if named:
        schema = (path.parent / named.group(1)).resolve()
        assert schema.parent == ROOT / "schemas" and schema.is_file(), f"{path.name} names a missing schema"
        return schema.name.removesuffix(".schema.json")
    if path.name == "series.yaml":
        return "series"
    assert path.name.endswith(DECISIONS_SUFFIX), f"{path.name}: which schema is it checked against?"
    return "decisions"


class EditorLoader(yaml.SafeLoader):
    """YAML as the YAML language server reads it (the 1.2 core schema): true/false, numbers and null are
    resolved, and everything else, dates and times included, stays text."""

    yaml_implicit_resolvers: dict = {}


EditorLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                   list("tTfF"))
EditorLoader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
EditorLoader.add_implicit_resolver("tag:yaml.org,2002:float", re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$"),
                                   list("-+.0123456789"))
EditorLoader.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])


@functools.cache
def validator(name: str) -> Draft202012Validator:
    schema = json.loads((ROOT / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def problems(name: str, path: Path) -> list[str]:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=EditorLoader)
    return [f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in validator(name).iter_errors(data)]


def test_every_kind_of_sample_is_checked():
    kinds = [schema_name(path) for path in SAMPLE_FILES]
    assert kinds.count("meeting") >= 5 and kinds.count("series") >= 2 and kinds.count("decisions") >= 1


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda path: str(path.relative_to(SAMPLES)))
def test_every_sample_passes_its_schema(path):
    """Meeting records, series files, decisions files, and any other kind of file a sample names."""
    assert problems(schema_name(path), path) == []


def test_decisions_files_written_by_scan_pass_the_decisions_schema(runner, tmp_path):
    """Undecided, redacted (with a code), kept (with free-text reasons) and stale findings, and a scan
    of the sample record."""
    record = tmp_path / "estates.yaml"
    record.write_text(RECORD, encoding="utf-8")
    assert runner.invoke(app, ["scan", str(record)]).exit_code == 0
    assert problems("decisions", decisions_path(record)) == []
    _decide(record, "Mrs Okonkwo", decision="redact", code="S38", by="A Reviewer", on="2026-05-20")
    _decide(record, "0113 496 0123", decision="keep", reason="consent given by the person on 3 March",
            by="A Reviewer", on="2026-05-20")
    record.write_text(RECORD.replace(" or 0113 496 0123", ""), encoding="utf-8")
    assert runner.invoke(app, ["scan", str(record)]).exit_code == 0
    written = decisions_path(record).read_text(encoding="utf-8")
    assert "stale: true" in written and "code: S38" in written and "decision: undecided" in written
    assert problems("decisions", decisions_path(record)) == []

    sample = Path(shutil.copy(SAMPLES / "contract-performance-group.yaml", tmp_path / "sample.yaml"))
    assert runner.invoke(app, ["scan", str(sample)]).exit_code == 0
    assert problems("decisions", decisions_path(sample)) == []


def test_the_format_checker_really_checks_dates(tmp_path):
    """So that the tests above can fail: an impossible date passes the type but not the format."""
    sample = SAMPLES / "contract-performance-group.yaml"
    broken = tmp_path / "broken.yaml"
    broken.write_text(sample.read_text(encoding="utf-8").replace("  date: 2026-", "  date: 2026-02-30 #", 1),
                      encoding="utf-8")
    assert problems("meeting", broken) == ["meeting/date: '2026-02-30' is not a 'date'"]


def test_a_time_with_seconds_is_refused_by_the_schema(tmp_path):
    sample = SAMPLES / "contract-performance-group.yaml"
    broken = tmp_path / "broken.yaml"
    text = sample.read_text(encoding="utf-8")
    start = re.search(r'^  start: "(\d\d:\d\d)"$', text, re.MULTILINE)
    broken.write_text(text.replace(start.group(0), f'  start: "{start.group(1)}:00"', 1), encoding="utf-8")
    assert [problem.split(":")[0] for problem in problems("meeting", broken)] == ["meeting/start"]


@given(st.one_of(st.text(alphabet="0123456789:", max_size=9), st.from_regex(r"\A[0-9]{2}:[0-9]{2}\Z")))
def test_the_schema_and_the_model_accept_the_same_times(text):
    """An editor's check and `minutes validate` never disagree about a time."""
    schema = validator("meeting").schema["$defs"]["NextMeeting"]["properties"]["start"]["anyOf"][0]
    by_schema = Draft202012Validator(schema).is_valid(text)
    try:
        NextMeeting(date="2026-10-20", start=text)
        by_model = True
    except ValidationError:
        by_model = False
    assert by_schema == by_model
    assert by_schema == (len(text) == 5 and text[2] == ":" and text.count(":") == 1
                         and int(text[:2]) < 24 and int(text[3:]) < 60)
