"""Every place in a Word document that holds text, named as a person finds it in Word.

The body comes first, then each section's headers and footers, footnotes, endnotes and comments.
In the body a paragraph is "paragraph 14" (counting the body's own paragraphs, not those in
tables or text boxes), "table 2, row 3" (tables counted in document order; a nested table is
named by the outer one) or "text box 1"; a paragraph of a content control is a paragraph where
it stands. Elsewhere a paragraph is named by its story: "header of section 2", "first-page
footer of section 1", "even-page header of section 3" (a header shared by several sections by the
first), "footnote 3" and "endnote 1" (numbered as Word shows them: in the order the text refers
to them), "comment 2".

Besides a paragraph's text (tracked insertions included): its equations ("equation in paragraph
14"), the text of its tracked deletions
("deleted text in paragraph 14"), its field codes ("field code in paragraph 14"), the targets of
its external hyperlinks, URL-decoded ("link in paragraph 14"), the alternative text of its
pictures and shapes ("image 1 description", "shape 2 title", numbered in that order through the
document), and a comment's author ("author of comment 2"). A chart's caches are a place of their
own, "chart 1" (numbered in the order the charts appear: the body's, then those of headers and
footers): the series names and category labels it caches and the text of its titles, which is
what the chart shows whatever the workbook behind it says. Pages are not known: a document is
not laid out here.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import count
from urllib.parse import unquote

from lxml import etree

from minutes_kit.ooxml.constants import (
    A, C, MC, PIC, R, RT_CHART, RT_COMMENTS, RT_ENDNOTES, RT_FOOTNOTES, RT_HYPERLINK, WP,
)
from minutes_kit.ooxml.package import Package, w
from minutes_kit.ooxml.stories import MATH, MATH_TEXT, PARAGRAPH, ParagraphText, main_document, stories

# What a place holds. A detector reads all but links as prose: alternative text is written in
# sentences, and a comment's author or a merge field's name is a name standing alone.
TEXT = "text"
DELETED = "deleted text"
FIELD_CODE = "field code"
LINK = "link"
ALT_TEXT = "alternative text"
AUTHOR = "author"
CHART_TEXT = "chart text"
PROSE = frozenset({TEXT, DELETED, FIELD_CODE, ALT_TEXT, AUTHOR, CHART_TEXT})

BODY = w("body")
TABLE = w("tbl")
ROW = w("tr")
TEXT_BOX = w("txbxContent")
ALTERNATE_CONTENT = f"{{{MC}}}AlternateContent"
DELETED_TEXT = w("delText")
INSERTED_OR_KEPT_TEXT = w("t")
FIELD_INSTRUCTION = w("instrText")
HYPERLINK = w("hyperlink")
RELATIONSHIP_ID = f"{{{R}}}id"
DRAWING_PROPERTIES = f"{{{WP}}}docPr"
PICTURE = f"{{{PIC}}}pic"
ALT_TEXT_ATTRIBUTES = {"descr": "description", "title": "title"}
CHART_REFERENCE = f"{{{C}}}chart"
"""In a story, the drawing's reference (``c:chart r:id``) to a chart part."""
CHART_VALUE = f"{{{C}}}v"
CHART_TEXT_TAGS = (CHART_VALUE, f"{{{A}}}t")
"""A cached value, and the text of a title (or of any other rich text the chart draws)."""
STRING_CACHES = {f"{{{C}}}strCache", f"{{{C}}}multiLvlStrCache", f"{{{C}}}tx"}
"""What holds a cached value that is text: a series name, a category label (numbers are in
``c:numCache``); ``c:tx`` may hold its value directly."""

SECTION_PROPERTIES = w("sectPr")
PARAGRAPH_PROPERTIES = w("pPr")
HEADER_FOOTER_REFERENCES = {w("headerReference"): "header", w("footerReference"): "footer"}
REFERENCE_TYPE = w("type")
KIND_PREFIXES = {"default": "", "first": "first-page ", "even": "even-page "}
UNUSED_HEADER_FOOTER = "{kind} not used by any section ({part})"

NOTES = {RT_FOOTNOTES: ("footnote", w("footnote"), w("footnoteReference")),
         RT_ENDNOTES: ("endnote", w("endnote"), w("endnoteReference"))}
NOTE_ID = w("id")
NOTE_TYPE = w("type")
ORDINARY_NOTE = "normal"
"""Separator and continuation notes have another `w:type`; they hold no text of the author's."""
UNREFERENCED = "{kind} with id {id} (not referred to in the text)"
COMMENT = w("comment")
COMMENT_REFERENCES = (w("commentRangeStart"), w("commentReference"))
COMMENT_AUTHOR = w("author")


@dataclass(frozen=True)
class TextPlace:
    place: str
    """Where a person finds it in Word: "paragraph 14", "table 2, row 3", "footnote 3"."""
    text: str
    kind: str = TEXT
    """TEXT, DELETED, FIELD_CODE, LINK, ALT_TEXT, AUTHOR or CHART_TEXT."""

    @property
    def is_prose(self) -> bool:
        return self.kind in PROSE


def text_places(package: Package) -> list[TextPlace]:
    """Every place holding text, in document order; the same text in the same place once."""
    main = main_document(package)
    if main is None or main not in package.names():
        return []
    drawings = _DrawingNumbers()
    places = _story_places(package, main, body_paragraph_places(package.xml(main)), drawings)
    headers_footers = header_footer_places(package, main)
    for part, name in headers_footers.items():
        places += _story_places(package, part, _named_alike(package.xml(part), name), drawings)
    for part, name_of in note_places(package, main).items():
        places += _story_places(package, part, name_of, drawings)
    comments = comment_names(package, main)
    if comments is not None:
        part, names = comments
        paragraphs = {paragraph: name for comment, name in names.items() for paragraph in comment.iter(PARAGRAPH)}
        places += _story_places(package, part, paragraphs, drawings) + comment_authors(names)
    places += chart_places(package, [main, *headers_footers])
    return list(dict.fromkeys(place for place in places if place.text.strip()))


def paragraph_places(package: Package) -> dict[etree._Element, str]:
    """The place of every paragraph of the body, the headers and footers and the notes, by the
    paragraph: what a release's schedule says of a redaction in it."""
    main = main_document(package)
    if main is None or main not in package.names():
        return {}
    names = body_paragraph_places(package.xml(main))
    for part, name in header_footer_places(package, main).items():
        names.update(dict.fromkeys(package.xml(part).iter(PARAGRAPH), name))
    for named in note_places(package, main).values():
        names.update(named)
    return names


def body_paragraph_places(document: etree._Element) -> dict[etree._Element, str]:
    """The place of every paragraph of the body: "paragraph N", "table T, row R" or "text box N"."""
    body = document.find(BODY)
    names: dict[etree._Element, str] = {}
    paragraphs = count(1)
    tables: dict[etree._Element, int] = {}
    rows: dict[etree._Element, dict[etree._Element, int]] = {}
    text_boxes: dict[etree._Element, int] = {}
    for paragraph in (body.iter(PARAGRAPH) if body is not None else []):
        box = _text_box_of(paragraph)
        table = _outer_table_of(paragraph)
        if box is not None:
            names[paragraph] = f"text box {text_boxes.setdefault(box, len(text_boxes) + 1)}"
        elif table is not None:
            number = tables.setdefault(table, len(tables) + 1)
            row = _row_number(rows.setdefault(table, _row_numbers(table)), paragraph)
            names[paragraph] = f"table {number}, row {row}" if row is not None else f"table {number}"
        else:
            names[paragraph] = f"paragraph {next(paragraphs)}"
    return names


def _text_box_of(paragraph: etree._Element) -> etree._Element | None:
    """What identifies the paragraph's text box: Word writes a text box twice (a DrawingML choice
    and a VML fallback) inside one alternate-content element, which is then the text box."""
    box = next(paragraph.iterancestors(TEXT_BOX), None)
    if box is None:
        return None
    return next(box.iterancestors(ALTERNATE_CONTENT), box)


def _outer_table_of(paragraph: etree._Element) -> etree._Element | None:
    tables = list(paragraph.iterancestors(TABLE))
    return tables[-1] if tables else None


def _row_numbers(table: etree._Element) -> dict[etree._Element, int]:
    """The 1-based number of each row of `table`, not counting the rows of tables nested in it."""
    rows = [row for row in table.iter(ROW) if next(row.iterancestors(TABLE)) is table]
    return {row: number for number, row in enumerate(rows, start=1)}


def _row_number(rows: dict[etree._Element, int], paragraph: etree._Element) -> int | None:
    """The number of the row holding `paragraph`, or None for a paragraph written in the table
    outside any row."""
    return next((rows[row] for row in paragraph.iterancestors(ROW) if row in rows), None)


def _named_alike(root: etree._Element, name: str) -> dict[etree._Element, str]:
    return {paragraph: name for paragraph in root.iter(PARAGRAPH)}


def header_footer_places(package: Package, main: str) -> dict[str, str]:
    """Each header and footer part by its name: "header of section 2", "first-page footer of
    section 1"; a part shared by several sections is named by the first, and one no section uses
    by its part name."""
    targets = {relationship.id: relationship.target for relationship in package.relationships(main)
               if not relationship.is_external}
    names: dict[str, str] = {}
    for number, section in enumerate(sections(package.xml(main)), start=1):
        for reference in section:
            kind = HEADER_FOOTER_REFERENCES.get(reference.tag)
            part = targets.get(reference.get(RELATIONSHIP_ID, ""))
            if kind is None or part is None or part not in package.names():
                continue
            prefix = KIND_PREFIXES.get(reference.get(REFERENCE_TYPE, "default"), "")
            names.setdefault(part, f"{prefix}{kind} of section {number}")
    for story in stories(package):
        if story.kind in HEADER_FOOTER_REFERENCES.values() and story.part not in names:
            names[story.part] = UNUSED_HEADER_FOOTER.format(kind=story.kind, part=story.part)
    return names


def sections(document: etree._Element) -> list[etree._Element]:
    """The section properties of each section, in order: those ending a section in a paragraph's
    properties, then the body's last; not the earlier ones kept by a tracked change."""
    return [section for section in document.iter(SECTION_PROPERTIES)
            if section.getparent().tag == BODY or (section.getparent().tag == PARAGRAPH_PROPERTIES
                                                   and section.getparent().getparent().tag == PARAGRAPH)]


def note_places(package: Package, main: str) -> dict[str, dict[etree._Element, str]]:
    """For the footnotes and endnotes parts, the place of each of their paragraphs: "footnote 3",
    numbered by the order of the references to it in the text, as Word numbers it."""
    places: dict[str, dict[etree._Element, str]] = {}
    for relationship_type, (kind, note_tag, reference_tag) in NOTES.items():
        part = _related_part(package, main, relationship_type)
        if part is None:
            continue
        numbers = _reference_order(package.xml(main), reference_tag)
        places[part] = {}
        for note in package.xml(part).iter(note_tag):
            if note.get(NOTE_TYPE, ORDINARY_NOTE) != ORDINARY_NOTE:
                continue
            note_id = note.get(NOTE_ID, "")
            name = f"{kind} {numbers[note_id]}" if note_id in numbers else UNREFERENCED.format(kind=kind, id=note_id)
            places[part].update(_named_alike(note, name))
    return places


def comment_names(package: Package, main: str) -> tuple[str, dict[etree._Element, str]] | None:
    """The comments part and each comment's place, "comment 2": numbered in the order the comments
    are anchored in the text, as Word lists them."""
    part = _related_part(package, main, RT_COMMENTS)
    if part is None:
        return None
    numbers = _reference_order(package.xml(main), *COMMENT_REFERENCES)
    names = {}
    for comment in package.xml(part).iter(COMMENT):
        comment_id = comment.get(NOTE_ID, "")
        names[comment] = f"comment {numbers[comment_id]}" if comment_id in numbers else \
            UNREFERENCED.format(kind="comment", id=comment_id)
    return part, names


def comment_authors(names: dict[etree._Element, str]) -> list[TextPlace]:
    """Each comment's author, shown beside it in Word."""
    return [TextPlace(f"author of {name}", comment.get(COMMENT_AUTHOR, ""), AUTHOR) for comment, name in names.items()]


def chart_places(package: Package, parts: list[str]) -> list[TextPlace]:
    """The text each chart of these story parts caches, as "chart 1", "chart 2": numbered in the
    order the parts refer to them, a chart referred to twice by the first reference."""
    numbers: dict[str, int] = {}
    places: list[TextPlace] = []
    for part in parts:
        charts = {relationship.id: relationship.target for relationship in package.relationships(part)
                  if relationship.type == RT_CHART and not relationship.is_external}
        for reference in package.xml(part).iter(CHART_REFERENCE):
            chart = charts.get(reference.get(RELATIONSHIP_ID, ""))
            if chart is None or chart not in package.names() or chart in numbers:
                continue
            numbers[chart] = len(numbers) + 1
            places += [TextPlace(f"chart {numbers[chart]}", text, CHART_TEXT)
                       for text in chart_texts(package.xml(chart))]
    return places


def chart_texts(chart: etree._Element) -> list[str]:
    """The text a chart part caches, in its order: series names, category labels, titles."""
    return [node.text for node in chart.iter(*CHART_TEXT_TAGS) if node.text and (
        node.tag != CHART_VALUE or any(ancestor.tag in STRING_CACHES for ancestor in node.iterancestors()))]


def _related_part(package: Package, main: str, relationship_type: str) -> str | None:
    return next((relationship.target for relationship in package.relationships(main)
                 if relationship.type == relationship_type and not relationship.is_external
                 and relationship.target in package.names()), None)


def _reference_order(document: etree._Element, *reference_tags: str) -> dict[str, int]:
    """The number of each referenced id by its first reference in document order, from 1."""
    order: dict[str, int] = {}
    for reference in document.iter(*reference_tags):
        order.setdefault(reference.get(NOTE_ID, ""), len(order) + 1)
    return order


class _DrawingNumbers:
    """Pictures and shapes numbered through the whole document, each kind on its own."""

    def __init__(self) -> None:
        self.numbers = {"image": count(1), "shape": count(1)}

    def name(self, properties: etree._Element) -> str:
        drawing = properties.getparent()
        kind = "image" if drawing is not None and next(drawing.iter(PICTURE), None) is not None else "shape"
        return f"{kind} {next(self.numbers[kind])}"


def _story_places(package: Package, part: str, name_of: dict[etree._Element, str],
                  drawings: _DrawingNumbers) -> list[TextPlace]:
    """The places of one story's paragraphs, in document order."""
    links = {relationship.id: unquote(relationship.target) for relationship in package.relationships(part)
             if relationship.is_external and relationship.type == RT_HYPERLINK}
    places: list[TextPlace] = []
    for paragraph in package.xml(part).iter(PARAGRAPH):
        name = name_of.get(paragraph)
        if name is None:
            continue
        places.append(TextPlace(name, ParagraphText(paragraph).text))
        places += [TextPlace(f"equation in {name}", text) for text in equation_texts(paragraph)]
        places += [TextPlace(f"deleted text in {name}", text, DELETED) for text in deleted_texts(paragraph)]
        places += [TextPlace(f"field code in {name}", text, FIELD_CODE) for text in field_codes(paragraph)]
        places += [TextPlace(f"link in {name}", links[link_id], LINK) for link_id in hyperlink_ids(paragraph)
                   if link_id in links]
        places += alternative_texts(paragraph, drawings)
    return places


def _own(paragraph: etree._Element, *tags: str) -> list[etree._Element]:
    """The elements of `paragraph` with these tags, not those of paragraphs nested in its text boxes."""
    return [node for node in paragraph.iter(*tags) if next(node.iterancestors(PARAGRAPH)) is paragraph]


def equation_texts(paragraph: etree._Element) -> list[str]:
    """The text of each equation (Office Math) of the paragraph, whose runs are not the paragraph's."""
    return ["".join(node.text or "" for node in math.iter(MATH_TEXT)) for math in _own(paragraph, MATH)
            if next(math.iterancestors(MATH), None) is None]


def deleted_texts(paragraph: etree._Element) -> list[str]:
    """The paragraph's tracked deletions, each run of deleted text (up to the next kept text) as one."""
    texts: list[str] = []
    pieces: list[str] = []
    for node in _own(paragraph, DELETED_TEXT, INSERTED_OR_KEPT_TEXT):
        if node.tag == DELETED_TEXT:
            pieces.append(node.text or "")
        elif pieces:
            texts.append("".join(pieces))
            pieces = []
    return texts + (["".join(pieces)] if pieces else [])


def field_codes(paragraph: etree._Element) -> list[str]:
    """The paragraph's field codes as one text (a MERGEFIELD or HYPERLINK code can name a person)."""
    code = " ".join((node.text or "").strip() for node in _own(paragraph, FIELD_INSTRUCTION))
    return [code] if code.strip() else []


def hyperlink_ids(paragraph: etree._Element) -> list[str]:
    return [link.get(RELATIONSHIP_ID) for link in _own(paragraph, HYPERLINK) if link.get(RELATIONSHIP_ID)]


def alternative_texts(paragraph: etree._Element, drawings: _DrawingNumbers) -> list[TextPlace]:
    """The description and title of each picture or shape in the paragraph: "image 1 description"."""
    places = []
    for properties in _own(paragraph, DRAWING_PROPERTIES):
        name = drawings.name(properties)
        places += [TextPlace(f"{name} {label}", properties.get(attribute), ALT_TEXT)
                   for attribute, label in ALT_TEXT_ATTRIBUTES.items() if properties.get(attribute)]
    return places
