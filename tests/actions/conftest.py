"""A fresh copy of the sample series for each test that changes or adds files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT

SAMPLE_SERIES = ROOT / "samples" / "series" / "estates-steering-group"


@pytest.fixture
def series_dir(tmp_path) -> Path:
    return Path(shutil.copytree(SAMPLE_SERIES, tmp_path / "series"))


def edit(path: Path, old: str, new: str) -> int:
    """Replace `old` (which must occur once) with `new` in `path`; the line number where `new` starts."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path.name}"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1
