"""Build minutes_kit/templates/minutes.docx, the default minutes template.

The .docx is checked in and is what users open and restyle in Word; this
script records how it was made and rebuilds it after a deliberate change:

    .venv/bin/python templates/build_minutes_template.py

Tags are docxtpl's Jinja syntax; docs/templates.md lists every variable.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from minutes_kit.record.model import DEFAULT_LANGUAGE
from minutes_kit.rendering.docx import set_language

OUTPUT_DIR = Path(__file__).resolve().parents[1] / "minutes_kit" / "templates"
"""Where the package reads its templates from (inside the package, so they ship with it)."""


def _field(paragraph, instruction: str) -> None:
    """A Word field such as PAGE, which Word and LibreOffice fill in when they lay out the page."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _page_numbers(footer) -> None:
    pages = footer.add_paragraph()
    pages.alignment = WD_ALIGN_PARAGRAPH.CENTER
    pages.add_run("Page ")
    _field(pages, "PAGE")
    pages.add_run(" of ")
    _field(pages, "NUMPAGES")


def _marking(container, with_draft: bool) -> None:
    paragraph = container.paragraphs[0] if container.paragraphs and not container.paragraphs[0].text else container.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run("{{ marking }}")
    run.bold = True
    if with_draft:
        draft = paragraph.add_run("{% if draft %} – DRAFT{% endif %}")
        draft.bold = True


def _heading_font(style, size: int):
    """How every heading of the toolkit's documents looks: Arial, bold, black, upright."""
    style.font.name = "Arial"
    style.font.size = Pt(size)
    style.font.bold = True
    style.font.italic = False
    style.font.color.rgb = RGBColor(0, 0, 0)
    return style


def _styles(document) -> None:
    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    for name, size in (("Title", 20), ("Heading 1", 13), ("Heading 2", 11)):
        _heading_font(document.styles[name], size)
    document.styles["Heading 1"].paragraph_format.space_before = Pt(12)
    cell_text = document.styles.add_style("Table Text", 1)
    cell_text.base_style = normal
    cell_text.font.size = Pt(10)
    cell_text.paragraph_format.space_after = Pt(2)
    body = document.styles.add_style("Minutes Paragraph", 1)
    body.base_style = normal
    body.paragraph_format.left_indent = Cm(1.27)
    body.paragraph_format.first_line_indent = Cm(-1.27)
    body.paragraph_format.tab_stops.add_tab_stop(Cm(1.27))
    performance = document.styles.add_style("Performance Text", 1)
    performance.base_style = normal
    performance.paragraph_format.left_indent = Cm(1.27)
    figures = document.styles.add_style("Performance Table Text", 1)
    figures.base_style = cell_text
    figures.font.size = Pt(9)
    # The title block: a bold label, a tab, the value; lines after the first hang at the tab.
    block = document.styles.add_style("Meeting Details", 1)
    block.base_style = normal
    block.font.size = Pt(10)
    block.paragraph_format.space_after = Pt(2)
    block.paragraph_format.left_indent = TITLE_BLOCK_INDENT
    block.paragraph_format.first_line_indent = -TITLE_BLOCK_INDENT
    block.paragraph_format.tab_stops.add_tab_stop(TITLE_BLOCK_INDENT)
    # Spelling and screen readers in British English; a record may say otherwise (the renderer sets it).
    set_language(document, DEFAULT_LANGUAGE)


TITLE_BLOCK_INDENT = Cm(4.5)
"""Where the title block's values start: past the longest label, "Notes taken by:S40(2)"."""


def _title_line(document, label: str, value: str, condition: str | None = None) -> None:
    """A title-block line, "Label:<tab>value", shown only when `condition` holds if one is given."""
    if condition:
        document.add_paragraph(f"{{%p if {condition} %}}")
    paragraph = document.add_paragraph(style="Meeting Details")
    paragraph.add_run(label).bold = True
    paragraph.add_run(f"\t{value}")
    if condition:
        document.add_paragraph("{%p endif %}")


def _title_people(document, label: str, group: str, condition: bool = False) -> None:
    """A title-block field listing people, one a line: the label on the first line only."""
    if condition:
        document.add_paragraph(f"{{%p if {group} %}}")
    document.add_paragraph(f"{{%p for person in {group} %}}")
    paragraph = document.add_paragraph(style="Meeting Details")
    paragraph.add_run(f"{{% if loop.first %}}{label}{{% endif %}}").bold = True
    paragraph.add_run("\t{{ person.listing }}")
    document.add_paragraph("{%p endfor %}")
    if condition:
        document.add_paragraph("{%p endif %}")


def build(path: Path) -> None:
    document = Document()
    _styles(document)
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin = section.bottom_margin = Cm(2.2)

    _marking(section.header, with_draft=True)
    _marking(section.footer, with_draft=True)
    _page_numbers(section.footer)

    document.add_paragraph("Minutes", style="Title")

    # The title block is labelled lines, not a table: a table for layout has no header row for a
    # screen reader to announce, and read cell by cell it loses which value is which.
    _title_line(document, "Title:{{ codes.title }}", "{{ title }}")
    _title_line(document, "Date:{{ codes.date }}", "{{ date }}")
    _title_line(document, "Time:{{ codes.time }}", "{{ time }}", condition="time")
    _title_line(document, "Location:{{ codes.location }}", "{{ location }}")
    _title_line(document, "Chair:{{ codes.chair }}", "{{ chair.listing }}")
    _title_people(document, "Attendees:{{ codes.attendees }}", "attendees")
    _title_people(document, "Observers:{{ codes.observers }}", "observers", condition=True)
    _title_people(document, "Apologies:{{ codes.apologies }}", "apologies", condition=True)
    _title_line(document, "Notes taken by:{{ codes.notes_by }}", "{{ notes_by.listing }}", condition="notes_by")

    document.add_paragraph("{%p for item in items %}")
    document.add_paragraph("{{ item.number }}\t{{ item.title }}", style="Heading 1")
    document.add_paragraph("{%p for paragraph in item.paragraphs %}")
    document.add_paragraph("{{ paragraph.number }}\t{{ paragraph.text }}", style="Minutes Paragraph")
    document.add_paragraph("{%p endfor %}")
    _performance(document)
    document.add_paragraph("{%p if item.reviewed_actions %}")
    _looped_table(
        document,
        "action in item.reviewed_actions",
        {"Ref": "action.ref", "Action": "action.text", "Owner": "action.owners", "Status": "action.status",
         "Due": "action.due", "Update": "action.progress"},
        (2.4, 4.0, 2.5, 2.6, 2.0, 3.1),
    )
    document.add_paragraph("{%p endif %}")
    document.add_paragraph("{%p endfor %}")

    document.add_paragraph("{%p if next_meeting %}")
    document.add_paragraph("Next meeting{% if codes.next_meeting %}:{{ codes.next_meeting }}{% endif %}", style="Heading 1")
    document.add_paragraph("{{ next_meeting }}")
    document.add_paragraph("{%p endif %}")
    document.add_paragraph("{%p if contact %}")
    document.add_paragraph("Contact{% if codes.contact %}:{{ codes.contact }}{% endif %}", style="Heading 1")
    document.add_paragraph("{{ contact.name }}{% if contact.organisation %}, {{ contact.organisation }}{% endif %}")
    document.add_paragraph("{%p if contact.email %}")
    document.add_paragraph("Email: {{ contact.email }}")
    document.add_paragraph("{%p endif %}")
    document.add_paragraph("{%p endif %}")

    document.add_paragraph("{%p if actions %}")
    document.add_paragraph("Action Point Log", style="Heading 1")
    _looped_table(
        document,
        "action in actions",
        {"Ref": "action.ref", "Action": "action.text", "Owner": "action.owners", "Raised": "action.raised", "Due": "action.due"},
        (2.9, 6.2, 3.3, 1.8, 2.4),
    )
    document.add_paragraph("{%p endif %}")

    document.core_properties.title = "Minutes"  # each rendering sets the meeting's own title
    document.core_properties.author = ""
    document.core_properties.comments = ""
    document.save(path)


PERFORMANCE_COLUMNS = (
    ("Measure", "measure", 3.4),
    ("In month", "in_month", 2.2),
    ("Service credit", "credit", 2.0),
    ("Mitigation", "mitigation", 2.3),
    ("After mitigation", "after", 2.3),
    ("Credit after mitigation", "credit_after", 2.4),
    ("No-pay", "no_pay", 2.0),
)
"""A contract's table: every column, and a total row."""

MITIGATION_COLUMNS = (
    ("Measure", "measure", 7.0),
    ("In month", "in_month", 4.0),
    ("Mitigation", "mitigation", 2.8),
    ("After mitigation", "after", 2.8),
)
"""A lot of a section without money whose measures were mitigated: no credit or no-pay columns."""

RESULT_COLUMNS = (
    ("Measure", "measure", 10.1),
    ("In month", "in_month", 6.5),
)
"""A lot of a section without money or mitigation: each measure and its result."""


def _performance_table(document, columns, total_row: bool = False) -> None:
    table = _looped_table(
        document,
        "row in lot.rows",
        {heading: f"row.{key}" for heading, key, _ in columns},
        tuple(width for _, _, width in columns),
        style="Performance Table Text",
    )
    if not total_row:
        return
    total = table.add_row()
    for cell, (_, key, _) in zip(total.cells, columns):
        paragraph = cell.paragraphs[0]
        paragraph.style = "Performance Table Text"
        paragraph.add_run(f"{{{{ lot.total_row.{key} }}}}").bold = True
    total._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _performance(document) -> None:
    """Each lot of an item's performance section: a numbered heading, the measures as sentences or a table, the totals."""
    document.add_paragraph("{%p for lot in item.performance %}")
    document.add_paragraph("{{ lot.number }}\t{{ lot.heading }}", style="Minutes Paragraph")
    document.add_paragraph("{%p if lot.table and lot.money %}")
    _performance_table(document, PERFORMANCE_COLUMNS, total_row=True)
    document.add_paragraph("{%p elif lot.table and lot.mitigated %}")
    _performance_table(document, MITIGATION_COLUMNS)
    document.add_paragraph("{%p elif lot.table %}")
    _performance_table(document, RESULT_COLUMNS)
    document.add_paragraph("{%p else %}")
    document.add_paragraph("{%p for sentence in lot.measures %}")
    document.add_paragraph("{{ sentence }}", style="Performance Text")
    document.add_paragraph("{%p endfor %}")
    document.add_paragraph("{%p endif %}")
    document.add_paragraph("{%p for sentence in lot.notes %}")
    document.add_paragraph("{{ sentence }}", style="Performance Text")
    document.add_paragraph("{%p endfor %}")
    document.add_paragraph("{%p if lot.totals %}")
    document.add_paragraph("{{ lot.totals }}", style="Performance Text")
    document.add_paragraph("{%p endif %}")
    document.add_paragraph("{%p endfor %}")


def _looped_table(
    document, loop: str, columns: dict[str, str], centimetres: tuple[float, ...], cell_prefix: str = "",
    style: str = "Table Text",
):
    """A table with a repeated header row and one row per element of `loop` ('x in xs'); columns map heading to value.

    `cell_prefix` starts every looped cell, e.g. docxtpl's ``{% cellbg x.fill %}`` to shade a row.
    """
    table = document.add_table(rows=1, cols=len(columns))
    table.style = document.styles["Table Grid"]
    for cell, heading in zip(table.rows[0].cells, columns):
        cell.paragraphs[0].add_run(heading).bold = True
    _repeat_header(table.rows[0])
    table.add_row().cells[0].paragraphs[0].add_run(f"{{%tr for {loop} %}}")
    for cell, value in zip(table.add_row().cells, columns.values()):
        cell.paragraphs[0].add_run(f"{cell_prefix}{{{{ {value} }}}}")
    table.add_row().cells[0].paragraphs[0].add_run("{%tr endfor %}")
    _widths(table, centimetres)
    _table_text(table, style)
    for row in table.rows:
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    return table


def _widths(table, centimetres: tuple[float, ...]) -> None:
    """Fixed column widths; Word and LibreOffice read the grid, older Word the cells."""
    table.autofit = False
    for column, width in zip(table.columns, centimetres):
        column.width = Cm(width)
        for cell in column.cells:
            cell.width = Cm(width)


def _table_text(table, style: str = "Table Text") -> None:
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.style = style


def _repeat_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


if __name__ == "__main__":
    build(OUTPUT_DIR / "minutes.docx")
    print(f"wrote {OUTPUT_DIR / 'minutes.docx'}")
