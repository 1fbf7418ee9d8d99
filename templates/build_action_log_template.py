"""Build minutes_kit/templates/action_log.docx, the landscape action log of a meeting series, and
action_plan.docx, its Provider Action Plan (`minutes action-log --layout action-plan`).

Like the minutes template they are checked in, restyled in Word if wanted, and
rebuilt after a deliberate change:

    .venv/bin/python templates/build_action_log_template.py

Their variables are listed in docs/templates.md. Overdue rows of the log are shaded with
docxtpl's ``{% cellbg %}`` tag and say OVERDUE in their status.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from build_minutes_template import _heading_font, _looped_table, _marking, _page_numbers, _styles

OUTPUT_DIR = Path(__file__).resolve().parents[1] / "minutes_kit" / "templates"
"""Where the package reads its templates from (inside the package, so they ship with it)."""

COLUMNS = {
    "Ref": "action.ref",
    "Action": "action.text",
    "Owner": "action.owners",
    "Raised": "action.raised",
    "Due": "action.due",
    "Status": "action.status",
    "Latest update": "action.progress",
}
TEXT_WIDTH = 26.7
"""Centimetres between the margins of landscape A4, which every table spans."""
# Ref fits a 14-character reference (RESG-260609-01) on one line, Owner a name, Raised and Due a date
# ("15 Sep 2026,", "(was 28 Sep 2026)"), Status "Superseded by" over a reference; Action and the update take the rest.
WIDTHS = (3.4, 5.7, 3.2, 2.9, 3.4, 3.4, 4.7)
PLAN_COLUMNS = {
    "Number": "row.number",
    "Action": "row.action",
    "Targets/outputs": "row.targets",
    "Due/review date": "row.due",
    "Progress": "row.progress",
    "Action completed": "row.completed",
}
PLAN_WIDTHS = (1.9, 6.2, 5.0, 2.9, 7.7, 3.0)


def _full_width(table) -> None:
    """The table as wide as the text, in Word as in LibreOffice (the grid alone leaves Word to choose)."""
    properties = table._tbl.tblPr
    for old in properties.findall(qn("w:tblW")):
        properties.remove(old)
    width = OxmlElement("w:tblW")
    width.set(qn("w:w"), str(round(TEXT_WIDTH / 2.54 * 1440)))
    width.set(qn("w:type"), "dxa")
    properties.append(width)


def _actions_table(document, group: str, heading: str, empty: str) -> None:
    document.add_paragraph(heading, style="Heading 1")
    document.add_paragraph(f"{{%p if {group} %}}")
    _full_width(_looped_table(document, f"action in {group}", COLUMNS, WIDTHS, cell_prefix="{% cellbg action.fill %}"))
    document.add_paragraph("{%p else %}")
    document.add_paragraph(empty)
    document.add_paragraph("{%p endif %}")


def _subtitle(document):
    """Word's Subtitle style, restyled like the headings: Arial, bold, black, upright, not numbered."""
    style = _heading_font(document.styles["Subtitle"], 13)
    properties = style.element.pPr
    if properties is not None and properties.numPr is not None:
        properties.remove(properties.numPr)
    for spacing in style.element.rPr.findall(qn("w:spacing")):  # Word's letter-spaced subtitle
        style.element.rPr.remove(spacing)
    return style


def _landscape() -> Document:
    """A landscape A4 document in the minutes' styles, the marking at the top and bottom of every page."""
    document = Document()
    _styles(document)
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm((29.7 - TEXT_WIDTH) / 2)
    section.top_margin = section.bottom_margin = Cm(1.8)

    _marking(section.header, with_draft=False)
    _marking(section.footer, with_draft=False)
    _page_numbers(section.footer)
    return document


def _save(document, path: Path, title: str) -> None:
    document.core_properties.title = title  # each rendering sets its series' title and date
    document.core_properties.author = ""
    document.core_properties.comments = ""
    document.save(path)


def build(path: Path) -> None:
    document = _landscape()
    document.add_paragraph("Action Log", style="Title")
    # The series under the title is a subtitle, not a heading: the sections below are the Heading 1s.
    document.add_paragraph("{{ title }} ({{ series }})", style=_subtitle(document))
    document.add_paragraph("Position as of {{ as_of }}, after the meeting of {{ last_meeting }}")
    document.add_paragraph("{{ summary }}")
    _actions_table(document, "outstanding", "Outstanding actions", "There are no outstanding actions.")
    _actions_table(document, "closed", "Closed actions", "No action has been closed yet.")
    _save(document, path, "Action Log")


def _header_block(document):
    """The plan's header block: labelled lines like the minutes' title block, the values at a tab past
    the longest label ("Senior performance manager:")."""
    style = document.styles.add_style("Plan Details", 1)
    style.base_style = document.styles["Normal"]  # not Meeting Details: its tab stop would come first
    style.font.size = Pt(10)
    style.paragraph_format.space_after = Pt(2)
    style.paragraph_format.left_indent = Cm(6.0)
    style.paragraph_format.first_line_indent = Cm(-6.0)
    style.paragraph_format.tab_stops.add_tab_stop(Cm(6.0))
    document.add_paragraph("{%p for line in header %}")
    paragraph = document.add_paragraph(style=style)
    paragraph.add_run("{{ line.label }}:").bold = True
    paragraph.add_run("\t{{ line.value }}")
    document.add_paragraph("{%p endfor %}")


def build_plan(path: Path) -> None:
    """The Provider Action Plan: header block, monthly update, then a table per area and outcome objective."""
    document = _landscape()
    document.add_paragraph("Provider Action Plan", style="Title")
    document.add_paragraph("{{ title }} ({{ series }})", style=_subtitle(document))
    _header_block(document)
    document.add_paragraph("{%p if update %}")
    document.add_paragraph("Monthly update", style="Heading 1")
    document.add_paragraph("{{ update }}")
    document.add_paragraph("{%p endif %}")
    document.add_paragraph("Actions as of {{ as_of }}, by area to be addressed and outcome objective.")
    document.add_paragraph("{%p for area in areas %}")
    document.add_paragraph("{{ area.heading }}", style="Heading 1")
    document.add_paragraph("{%p for group in area.groups %}")
    document.add_paragraph("{%p if group.objective %}")
    document.add_paragraph("Outcome objective: {{ group.objective }}", style="Heading 2")
    document.add_paragraph("{%p endif %}")
    _full_width(_looped_table(document, "row in group.rows", PLAN_COLUMNS, PLAN_WIDTHS))
    document.add_paragraph("{%p endfor %}")
    document.add_paragraph("{%p endfor %}")
    document.add_paragraph("{%p if not areas %}")
    document.add_paragraph("No action has been raised yet.")
    document.add_paragraph("{%p endif %}")
    _save(document, path, "Provider Action Plan")


if __name__ == "__main__":
    build(OUTPUT_DIR / "action_log.docx")
    print(f"wrote {OUTPUT_DIR / 'action_log.docx'}")
    build_plan(OUTPUT_DIR / "action_plan.docx")
    print(f"wrote {OUTPUT_DIR / 'action_plan.docx'}")
