"""Confidence that means something: each PERSON finding's confidence is the precision its kind of
evidence ("titled", "attendance", "run+model", ...) showed on the development part of the
real-prose corpus, so that a finding at 0.9 is a person about 9 times in 10.

The table is data (minutes_kit/data/detection/calibration.yaml), written by
`python bench/detect_benchmark.py --calibrate`; a kind of evidence it does not list keeps its
finder's own confidence.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from functools import cache
from pathlib import Path

import yaml

from minutes_kit.detection.lexicon import DATA
from minutes_kit.detection.spans import PERSON, Span

CALIBRATION_FILE = Path(str(DATA / "calibration.yaml"))
_raw = False


@cache
def calibration() -> dict[str, float]:
    """Calibrated confidence by kind of evidence."""
    table = yaml.safe_load(CALIBRATION_FILE.read_text(encoding="utf-8")) or {}
    return {str(evidence): float(row[0]) for evidence, row in table.items()}


def calibrated(span: Span) -> Span:
    if _raw or span.category != PERSON or span.evidence not in calibration():
        return span
    return replace(span, confidence=calibration()[span.evidence])


@contextmanager
def raw_confidences() -> Iterator[None]:
    """The finders' own confidences, while a new calibration is measured."""
    global _raw
    _raw = True
    try:
        yield
    finally:
        _raw = False
