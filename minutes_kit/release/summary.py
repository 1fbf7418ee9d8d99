"""The Redaction Summary appended to a release: number, location and exemption of each
redaction, never the removed text."""

from __future__ import annotations

from lxml import etree

from minutes_kit.ooxml.package import NAMESPACES, Package, w
from minutes_kit.ooxml.stories import main_document
from minutes_kit.release.ledger import Redaction
from minutes_kit.release.marks import make_run, make_text, set_run_property


def append_summary(package: Package, redactions: list[Redaction]) -> None:
    """Add a Redaction Summary (number, location, exemption; never the removed text) at the end."""
    body = package.xml(main_document(package)).find("w:body", NAMESPACES)
    section = body.find("w:sectPr", NAMESPACES)
    heading_style = "Heading1" if _has_style(package, "Heading1") else None
    elements = [
        # A real heading either way: the template's Heading 1, else bold text at outline level 1.
        _paragraph("Redaction Summary", style=heading_style, bold=heading_style is None, page_break=True,
                   outline_level=None if heading_style else 0),
        _paragraph(f"{len(redactions)} redaction{'s' if len(redactions) != 1 else ''} under the Freedom of "
                   "Information Act 2000 or the Environmental Information Regulations 2004."),
        _table([("No.", "Location", "Exemption")] + [
            (str(r.number), r.location, r.exemption.schedule_title) for r in redactions
        ]),
    ]
    for element in elements:
        if section is not None:
            section.addprevious(element)
        else:
            body.append(element)


def _has_style(package: Package, style_id: str) -> bool:
    if "word/styles.xml" not in package.names():
        return False
    return any(s.get(w("styleId")) == style_id for s in package.xml("word/styles.xml").findall("w:style", NAMESPACES))


def _paragraph(text: str, *, style: str | None = None, bold: bool = False, page_break: bool = False,
               outline_level: int | None = None) -> etree._Element:
    paragraph = etree.Element(w("p"))
    if style or page_break or outline_level is not None:
        paragraph_properties = etree.SubElement(paragraph, w("pPr"))
        if style:
            etree.SubElement(paragraph_properties, w("pStyle"), {w("val"): style})
        if page_break:
            etree.SubElement(paragraph_properties, w("pageBreakBefore"))
        if outline_level is not None:
            etree.SubElement(paragraph_properties, w("outlineLvl"), {w("val"): str(outline_level)})
    run = make_run(None, [make_text(text)])
    if bold:
        set_run_property(run, "b")
    paragraph.append(run)
    return paragraph


def _table(rows: list[tuple[str, ...]]) -> etree._Element:
    table = etree.Element(w("tbl"))
    properties = etree.SubElement(table, w("tblPr"))
    etree.SubElement(properties, w("tblW"), {w("w"): "5000", w("type"): "pct"})
    borders = etree.SubElement(properties, w("tblBorders"))
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        etree.SubElement(borders, w(side), {w("val"): "single", w("sz"): "4", w("space"): "0", w("color"): "000000"})
    grid = etree.SubElement(table, w("tblGrid"))
    for width in (900, 3600, 5100):
        etree.SubElement(grid, w("gridCol"), {w("w"): str(width)})
    for index, cells in enumerate(rows):
        row = etree.SubElement(table, w("tr"))
        if index == 0:
            etree.SubElement(etree.SubElement(row, w("trPr")), w("tblHeader"))
        for value in cells:
            cell = etree.SubElement(row, w("tc"))
            cell.append(_paragraph(value, bold=index == 0))
    return table
