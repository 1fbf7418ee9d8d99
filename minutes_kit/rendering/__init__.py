"""Rendering: records to Word minutes (and PDF through LibreOffice)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from minutes_kit.record.model import Action, MeetingRecord
from minutes_kit.rendering.context import minutes_context, minutes_properties
from minutes_kit.rendering.docx import MINUTES_TEMPLATE, DocumentProperties, render_docx

__all__ = ["MINUTES_TEMPLATE", "DocumentProperties", "minutes_properties", "render_minutes"]


def render_minutes(
    record: MeetingRecord,
    output: Path,
    *,
    template: Path | None = None,
    pdf: Path | None = None,
    inputs: tuple[Path, ...] = (),
    raised: Mapping[str, Action] | None = None,
) -> None:
    """Write the minutes of `record` to `output` (and to `pdf` when given).

    `inputs` are the files the record came from; no output may replace one. `raised` gives the
    actions of the record's series by reference, so the actions it reviews show their text and owners.
    """
    render_docx(template or MINUTES_TEMPLATE, minutes_context(record, raised), output, inputs,
                properties=minutes_properties(record))
    if pdf is not None:
        from minutes_kit.rendering.pdf import convert_to_pdf  # the LibreOffice machinery, only for a PDF

        convert_to_pdf(output, pdf, inputs)
