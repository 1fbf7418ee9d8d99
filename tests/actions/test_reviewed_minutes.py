"""The minutes of a series meeting list the actions it reviewed, with their updates, under its action-points item."""

from __future__ import annotations

from docx import Document
from docx.text.paragraph import Paragraph
from typer.testing import CliRunner

from minutes_kit.cli import app
from tests.actions.conftest import SAMPLE_SERIES


def _render(path, tmp_path):
    output = tmp_path / "minutes.docx"
    result = CliRunner().invoke(app, ["render", str(path), "-o", str(output)])
    assert result.exit_code == 0, result.output
    return Document(output)


def _reviewed_table(document):
    return next(table for table in document.tables if table.rows[0].cells[0].text == "Ref" and
                table.rows[0].cells[3].text == "Status")


def _body_order(document) -> list[str]:
    """Paragraph texts and 'TABLE:<first header>' in document order."""
    order = []
    for element in document.element.body:
        if element.tag.endswith("}p"):
            order.append(Paragraph(element, document).text)
        elif element.tag.endswith("}tbl"):
            order.append("TABLE")
    return order


def test_reviewed_actions_show_text_owners_status_and_progress(tmp_path):
    document = _render(SAMPLE_SERIES / "2026-07-14.yaml", tmp_path)
    rows = [[c.text for c in row.cells] for row in _reviewed_table(document).rows]
    assert rows[0] == ["Ref", "Action", "Owner", "Status", "Due", "Update"]
    assert rows[1] == ["RESG-260512-02", "draft a business case for consolidating the two archive stores",
                       "Joanna Tran and Marcus Bell", "Superseded by RESG-260714-01", "14 Jul 2026",
                       "Replaced by the wider options appraisal."]
    assert rows[3][0] == "RESG-260609-01" and rows[3][4] == "11 Aug 2026"
    assert rows[3][5].endswith("Due date revised to 11 Aug 2026: contractor access to the roof was delayed.")
    assert [row[3] for row in rows[1:]] == ["Superseded by RESG-260714-01", "Complete", "In progress", "Closed"]


def test_reviewed_table_sits_under_the_action_points_item(tmp_path):
    order = _body_order(_render(SAMPLE_SERIES / "2026-07-14.yaml", tmp_path))
    table = order.index("TABLE", order.index("2.\tAction Points"))
    assert order.index("3.\tEstates Update") > table
    assert order[table - 1].startswith("2.1.\t")


def test_progress_notes_render_mentions_as_names(tmp_path):
    rows = [[c.text for c in row.cells] for row in _reviewed_table(_render(SAMPLE_SERIES / "2026-06-09.yaml", tmp_path)).rows]
    assert rows[2][5] == ("Marcus Bell is waiting for the landlord's service charge figures. "
                          "Due date revised to 14 Jul 2026: the landlord's figures arrive at the end of June.")


def test_derived_references_appear_in_the_paragraph_and_the_log(tmp_path):
    document = _render(SAMPLE_SERIES / "2026-05-12.yaml", tmp_path)
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Joanna Tran and Marcus Bell took an action to draft a business case for consolidating the two archive stores (RESG-260512-02)." in text
    log = document.tables[-1]
    assert [row.cells[0].text for row in log.rows[1:]] == ["RESG-01", "RESG-260512-02", "RESG-260512-03"]


def test_a_record_outside_a_series_lists_its_updates_without_the_history(tmp_path):
    alone = tmp_path / "alone.yaml"
    alone.write_text((SAMPLE_SERIES / "2026-07-14.yaml").read_text())
    rows = [[c.text for c in row.cells] for row in _reviewed_table(_render(alone, tmp_path)).rows]
    assert rows[2] == ["RESG-260512-03", "", "", "Complete", "", "All six dates confirmed; two assessments are due this autumn."]
