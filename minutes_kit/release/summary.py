"""The Redaction Summary appended to a release: where each redaction is and under which
exemption, grouped by page as FOI releases give it, never the removed text."""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from minutes_kit.ooxml.package import NAMESPACES, Package, w
from minutes_kit.ooxml.stories import main_document
from minutes_kit.release.ledger import Redaction
from minutes_kit.release.marks import make_run, make_text, set_run_property


NOT_LAID_OUT = "Page numbers are not given because {why}; each redaction is listed by where it stands in the document."
OFF_PAGE = "Not on a page"


def append_summary(package: Package, redactions: list[Redaction], *, unpaged_because: str | None = None) -> None:
    """Add a Redaction Summary at the end, after a page break so that the pages before it do not
    move: grouped by page and exemption when each redaction's page is known ("3.1–3.6: S.40(2) ..."),
    else by where each stands, saying why (`unpaged_because`). Never the removed text."""
    body = package.xml(main_document(package)).find("w:body", NAMESPACES)
    section = body.find("w:sectPr", NAMESPACES)
    heading_style = "Heading1" if _has_style(package, "Heading1") else None
    count = f"{len(redactions)} redaction{'s' if len(redactions) != 1 else ''}"
    elements = [
        # A real heading either way: the template's Heading 1, else bold text at outline level 1.
        _paragraph("Redaction Summary", style=heading_style, bold=heading_style is None, page_break=True,
                   outline_level=None if heading_style else 0),
        _paragraph(f"{count} under the Freedom of Information Act 2000 or the Environmental Information "
                   "Regulations 2004."),
    ]
    if unpaged_because is None:
        rows = [("Page", "Redactions and exemptions")] + summary_by_page(redactions)
    else:
        elements.append(_paragraph(NOT_LAID_OUT.format(why=unpaged_because)))
        rows = [("Where", "Redactions and exemptions")] + summary_by_place(redactions)
    if redactions:
        elements.append(_table(rows))
    for element in elements:
        if section is not None:
            section.addprevious(element)
        else:
            body.append(element)


def summary_by_page(redactions: list[Redaction]) -> list[tuple[str, str]]:
    """One row per page: its redactions by exemption, "3.1–3.6: S.40(2) - ...; 3.7: S.43 - ...";
    a redaction on no page (a document property, a link target) under where it stood."""
    pages: dict[int, list[Redaction]] = {}
    for redaction in redactions:
        if redaction.page is not None:
            pages.setdefault(redaction.page, []).append(redaction)
    rows = [(f"Page {page}", _by_exemption(on_page, lambda r: r.reference)) for page, on_page in sorted(pages.items())]
    off_page = [r for r in redactions if r.page is None]
    if off_page:
        rows.append((OFF_PAGE, "; ".join(f"{r.location}: {r.exemption.schedule_title}" for r in off_page)))
    return rows


def summary_by_place(redactions: list[Redaction]) -> list[tuple[str, str]]:
    """One row per place ("4.6", "Title block: Attendees"), in document order: its redactions by
    number and exemption."""
    places: dict[str, list[Redaction]] = {}
    for redaction in redactions:
        places.setdefault(redaction.location, []).append(redaction)
    return [(place, _by_exemption(at_place, lambda r: str(r.number))) for place, at_place in places.items()]


def _by_exemption(redactions: list[Redaction], label: Callable[[Redaction], str]) -> str:
    """ "3.1–3.6, 3.9: S.40(2) - Personal information; 3.7: S.43 - Commercial interests": runs of
    consecutive redactions under one exemption written as ranges."""
    groups: dict[str, list[Redaction]] = {}
    for redaction in redactions:
        groups.setdefault(redaction.exemption.schedule_title, []).append(redaction)
    return "; ".join(f"{_ranges(group, label)}: {title}" for title, group in groups.items())


def _ranges(redactions: list[Redaction], label: Callable[[Redaction], str]) -> str:
    runs: list[list[Redaction]] = []
    for redaction in redactions:
        if runs and redaction.number == runs[-1][-1].number + 1:
            runs[-1].append(redaction)
        else:
            runs.append([redaction])
    return ", ".join(label(run[0]) if len(run) == 1 else f"{label(run[0])}\u2013{label(run[-1])}" for run in runs)


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
    for width in (2000, 7600):
        etree.SubElement(grid, w("gridCol"), {w("w"): str(width)})
    for index, cells in enumerate(rows):
        row = etree.SubElement(table, w("tr"))
        if index == 0:
            etree.SubElement(etree.SubElement(row, w("trPr")), w("tblHeader"))
        for value in cells:
            cell = etree.SubElement(row, w("tc"))
            cell.append(_paragraph(value, bold=index == 0))
    return table
