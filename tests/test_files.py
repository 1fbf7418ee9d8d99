"""Outputs on a real file system: the mode colleagues need to open them, file systems without hard
links, and every failure of the file system a message naming the file, never a traceback."""

from __future__ import annotations

import errno
import os
import pathlib
import shutil
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from minutes_kit.cli import app
from minutes_kit.errors import OutputError
from minutes_kit.files import atomic_output
from minutes_kit.release.policy import find_policy
from minutes_kit.validation import load_record
from tests.conftest import ROOT, SAMPLE

SERIES = ROOT / "samples" / "series" / "estates-steering-group"


def invoke(*arguments: str | Path):
    return CliRunner().invoke(app, [str(argument) for argument in arguments])


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def leftovers(directory: Path) -> list[str]:
    return [path.name for path in directory.iterdir() if path.name.startswith(".")]


@pytest.fixture(params=[0o022, 0o077, 0o002], ids=["umask 022", "umask 077", "umask 002"])
def umask(request):
    previous = os.umask(request.param)
    yield request.param
    os.umask(previous)


@pytest.fixture
def series_dir(tmp_path) -> Path:
    return Path(shutil.copytree(SERIES, tmp_path / "series"))


@pytest.fixture
def record(tmp_path) -> Path:
    """The sample record and its decisions file, copied."""
    copy = tmp_path / "meeting.yaml"
    shutil.copyfile(SAMPLE, copy)
    shutil.copyfile(SAMPLE.with_suffix(".decisions.yaml"), tmp_path / "meeting.decisions.yaml")
    return copy


def unreadable(monkeypatch, target: Path) -> None:
    """Reading `target` fails as it does for a file its reader may not read (chmod 000 does not
    stop root, which reads anyway)."""
    target = target.resolve()
    for method in ("read_text", "read_bytes"):
        original = getattr(pathlib.Path, method)

        def refusing(self, *args, _original=original, **kwargs):
            if self.resolve() == target:
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(pathlib.Path, method, refusing)


# The mode of an output.


@pytest.mark.parametrize("command", ["render", "schema", "new"])
def test_an_output_gets_the_mode_any_new_file_gets(umask, command, tmp_path, series_dir):
    output = tmp_path / "out" / ("next.yaml" if command == "new" else "output")
    arguments = {
        "render": ["render", SAMPLE, "-o", output],
        "schema": ["schema", "-o", output],
        "new": ["new", series_dir, "--date", "2026-09-08", "-o", output],
    }[command]
    result = invoke(*arguments)
    assert result.exit_code == 0, result.output
    assert mode(output) == 0o666 & ~umask
    assert leftovers(output.parent) == []


def test_a_replaced_output_keeps_its_mode(tmp_path):
    previous = os.umask(0o022)
    try:
        output = tmp_path / "minutes.docx"
        assert invoke("render", SAMPLE, "-o", output).exit_code == 0
        assert mode(output) == 0o644
        output.chmod(0o640)
        before = output.stat().st_mtime_ns
        result = invoke("render", SAMPLE, "-o", output)
        assert result.exit_code == 0, result.output
        assert mode(output) == 0o640
        assert output.stat().st_mtime_ns >= before and leftovers(tmp_path) == []
    finally:
        os.umask(previous)


# File systems without hard links: `minutes new` copies into a file it creates exclusively.


@pytest.mark.parametrize("failure", [
    PermissionError(errno.EPERM, os.strerror(errno.EPERM)),
    OSError(errno.ENOTSUP, os.strerror(errno.ENOTSUP)),
    OSError(errno.EXDEV, os.strerror(errno.EXDEV)),
], ids=["EPERM", "ENOTSUP", "EXDEV"])
def test_new_works_where_hard_links_fail(monkeypatch, series_dir, failure):
    def no_hard_links(*args, **kwargs):
        raise failure

    monkeypatch.setattr(os, "link", no_hard_links)
    previous = os.umask(0o022)
    try:
        result = invoke("new", series_dir, "--date", "2026-09-08")
    finally:
        os.umask(previous)
    written = series_dir / "2026-09-08.yaml"
    assert result.exit_code == 0, result.output
    assert f"wrote {written}" in result.output
    assert load_record(written).meeting.date.isoformat() == "2026-09-08"
    assert mode(written) == 0o644
    assert leftovers(series_dir) == []


def test_without_hard_links_new_still_never_overwrites(monkeypatch, series_dir, tmp_path):
    def no_hard_links(*args, **kwargs):
        raise PermissionError(errno.EPERM, os.strerror(errno.EPERM))

    monkeypatch.setattr(os, "link", no_hard_links)
    target = tmp_path / "next.yaml"
    target.write_text("# somebody's notes\n")
    result = invoke("new", series_dir, "--date", "2026-09-08", "-o", target)
    assert result.exit_code == 1
    assert f"{target} already exists; it is never overwritten" in result.output
    assert target.read_text() == "# somebody's notes\n"
    assert leftovers(tmp_path) == []


# Failures of the file system are messages naming the file.


def test_a_failed_rename_names_the_output(monkeypatch, tmp_path):
    def refuse(source, target, **kwargs):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(source), str(target))

    monkeypatch.setattr(os, "replace", refuse)
    output = tmp_path / "minutes.docx"
    result = invoke("render", SAMPLE, "-o", output)
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)
    assert f"error: cannot write {output}: Permission denied" in result.stderr
    assert not output.exists() and leftovers(tmp_path) == []


def test_a_failed_write_is_an_output_error_with_its_cause(tmp_path):
    target = tmp_path / "log.xlsx"
    full = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    with (pytest.raises(OutputError, match=f"cannot write {target}: No space left on device") as raised,
          atomic_output(target) as temporary):
        temporary.write_bytes(b"half")
        raise full
    assert raised.value.__cause__ is full
    assert list(tmp_path.iterdir()) == []


def test_an_unreadable_policy_names_the_policy(monkeypatch, record, tmp_path):
    policy = tmp_path / "policy.yaml"
    shutil.copyfile(find_policy("contract-performance", load_record(SAMPLE)), policy)
    unreadable(monkeypatch, policy)
    output = tmp_path / "out" / "release.docx"
    result = invoke("release", record, "-o", output, "--policy", policy)
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)
    assert f"error: cannot read the policy {policy}: Permission denied" in result.stderr
    assert not output.parent.exists() or list(output.parent.iterdir()) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a file whatever its mode")
def test_a_policy_without_read_permission_names_the_policy(record, tmp_path):
    policy = tmp_path / "policy.yaml"
    shutil.copyfile(find_policy("contract-performance", load_record(SAMPLE)), policy)
    policy.chmod(0)
    result = invoke("release", record, "-o", tmp_path / "release.docx", "--policy", policy)
    assert result.exit_code == 1
    assert f"cannot read the policy {policy}" in result.stderr


def test_an_unreadable_decisions_file_names_it(monkeypatch, record, tmp_path):
    decisions = record.with_suffix(".decisions.yaml")
    unreadable(monkeypatch, decisions)
    output = tmp_path / "out" / "release.docx"
    result = invoke("release", record, "-o", output)
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)
    assert f"error: cannot read {decisions}: Permission denied" in result.stderr
    assert not output.parent.exists() or list(output.parent.iterdir()) == []
