"""Build minutes_kit/templates/action_log.docx, the landscape action log of a meeting series.

Like the minutes template it is checked in, restyled in Word if wanted, and
rebuilt after a deliberate change:

    .venv/bin/python templates/build_action_log_template.py

Its variables are listed in docs/templates.md. Overdue rows are shaded with
docxtpl's ``{% cellbg %}`` tag and say OVERDUE in their status.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from build_minutes_template import _looped_table, _marking, _page_numbers, _styles

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
WIDTHS = (3.3, 6.5, 3.4, 3.0, 2.6, 3.0, 4.9)  # the 26.7 cm between landscape A4 margins


def _actions_table(document, group: str, heading: str, empty: str) -> None:
    document.add_paragraph(heading, style="Heading 1")
    document.add_paragraph(f"{{%p if {group} %}}")
    _looped_table(document, f"action in {group}", COLUMNS, WIDTHS, cell_prefix="{% cellbg action.fill %}")
    document.add_paragraph("{%p else %}")
    document.add_paragraph(empty)
    document.add_paragraph("{%p endif %}")


def _subtitle(document):
    """Word's Subtitle style, restyled like the headings: Arial, bold, black, upright, not numbered."""
    style = document.styles["Subtitle"]
    style.font.name = "Arial"
    style.font.size = Pt(13)
    style.font.bold = True
    style.font.italic = False
    style.font.color.rgb = RGBColor(0, 0, 0)
    properties = style.element.pPr
    if properties is not None and properties.numPr is not None:
        properties.remove(properties.numPr)
    for spacing in style.element.rPr.findall(qn("w:spacing")):  # Word's letter-spaced subtitle
        style.element.rPr.remove(spacing)
    return style


def build(path: Path) -> None:
    document = Document()
    _styles(document)
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(1.5)
    section.top_margin = section.bottom_margin = Cm(1.8)

    _marking(section.header, with_draft=False)
    _marking(section.footer, with_draft=False)
    _page_numbers(section.footer)

    document.add_paragraph("Action Log", style="Title")
    # The series under the title is a subtitle, not a heading: the sections below are the Heading 1s.
    document.add_paragraph("{{ title }} ({{ series }})", style=_subtitle(document))
    document.add_paragraph("Position as of {{ as_of }}, after the meeting of {{ last_meeting }}")
    document.add_paragraph("{{ summary }}")
    _actions_table(document, "outstanding", "Outstanding actions", "There are no outstanding actions.")
    _actions_table(document, "closed", "Closed actions", "No action has been closed yet.")

    document.core_properties.title = "Action Log"  # each log sets its series' title and date
    document.core_properties.author = ""
    document.core_properties.comments = ""
    document.save(path)


if __name__ == "__main__":
    build(OUTPUT_DIR / "action_log.docx")
    print(f"wrote {OUTPUT_DIR / 'action_log.docx'}")
