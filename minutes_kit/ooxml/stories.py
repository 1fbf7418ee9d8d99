"""The stories of a Word document and the text of their paragraphs.

A story is a part holding document text: the body, each section's headers and footers,
footnotes, endnotes, comments. They are found through the main document's relationships,
never by hand-typed part names. Text boxes and content controls are paragraphs inside a
story's paragraphs and are reached as paragraphs of their own.

A paragraph's text is what a reader sees: its text nodes, line breaks and tabs as
whitespace, non-breaking hyphens as hyphens, soft hyphens as nothing visible. `ParagraphText`
maps positions in that text back to the elements, so a span can be replaced across runs
split by formatting, line breaks and tabs.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from minutes_kit.ooxml.constants import M
from minutes_kit.ooxml.package import Package, w

OFFICE_DOCUMENT = "/officeDocument"
STORY_RELATIONSHIPS = {"/header": "header", "/footer": "footer", "/footnotes": "footnotes",
                       "/endnotes": "endnotes", "/comments": "comments"}
TEXT = w("t")
MATH = f"{{{M}}}oMath"
MATH_TEXT = f"{{{M}}}t"
TEXT_TAGS = (TEXT, MATH_TEXT)
FIELD_CODE = w("instrText")
# Elements that stand for one visible character and carry no text of their own.
CHARACTER_ELEMENTS = {w("br"): "\n", w("cr"): "\n", w("tab"): "\t", w("noBreakHyphen"): "-",
                      w("softHyphen"): "\u00ad"}
PARAGRAPH = w("p")
RUN = w("r")
FIELD_CHARACTER = w("fldChar")
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


@dataclass(frozen=True)
class Story:
    part: str
    kind: str
    """body, header, footer, footnotes, endnotes or comments."""


def main_document(package: Package) -> str | None:
    """The main document part, found through the package relationships."""
    return next((relationship.target for relationship in package.relationships("")
                 if relationship.type.endswith(OFFICE_DOCUMENT) and not relationship.is_external), None)


def stories(package: Package) -> list[Story]:
    """The body first, then every story the main document relates, in relationship order."""
    main = main_document(package)
    if main is None or main not in package.names():
        return []
    found = [Story(main, "body")]
    for relationship in package.relationships(main):
        kind = next((kind for suffix, kind in STORY_RELATIONSHIPS.items() if relationship.type.endswith(suffix)), None)
        if (kind and not relationship.is_external and relationship.target in package.names()
                and all(story.part != relationship.target for story in found)):
            found.append(Story(relationship.target, kind))
    return found


def paragraphs(root: etree._Element) -> list[etree._Element]:
    return list(root.iter(PARAGRAPH))


def own_elements(paragraph: etree._Element) -> list[etree._Element]:
    """The text and character elements of this paragraph, not of paragraphs nested in its text boxes."""
    return [node for node in paragraph.iter(TEXT, *CHARACTER_ELEMENTS)
            if next(node.iterancestors(PARAGRAPH)) is paragraph]


class ParagraphText:
    """The visible text of one paragraph (or of the `elements` given, such as an equation's), and
    the way back from its positions to its elements."""

    def __init__(self, paragraph: etree._Element, elements: list[etree._Element] | None = None):
        self.paragraph = paragraph
        self.elements = own_elements(paragraph) if elements is None else elements
        self.pieces = [_shown(element) for element in self.elements]
        self.text = "".join(self.pieces)

    def replace(self, start: int, end: int, replacement: str) -> None:
        """Replace characters start..end of the text, wherever element boundaries fall: the
        replacement goes into the first text node touched; line breaks and tabs inside the span
        are removed with it. Positions are those of the text as it was built."""
        offset = 0
        placed = False
        for element, piece in zip(self.elements, self.pieces):
            piece_start, piece_end = offset, offset + len(piece)
            offset = piece_end
            if piece_end <= start or piece_start >= end:
                continue
            if element.tag not in TEXT_TAGS:
                element.getparent().remove(element)
                continue
            current = element.text or ""
            keep_before = current[: max(start - piece_start, 0)]
            keep_after = current[end - piece_start:] if end < piece_end else ""
            element.text = keep_before + ("" if placed else replacement) + keep_after
            element.set(XML_SPACE, "preserve")
            placed = True
        if not placed and replacement:
            # The span held only breaks and tabs: the replacement still needs a place.
            raise ValueError("a replacement span must contain text")


def _shown(element: etree._Element) -> str:
    if element.tag in TEXT_TAGS:
        return element.text or ""
    return CHARACTER_ELEMENTS[element.tag]


def equations(root: etree._Element) -> list[ParagraphText]:
    """The text of each equation (Office Math), whose runs are not the paragraph's."""
    return [ParagraphText(math, list(math.iter(MATH_TEXT))) for math in root.iter(MATH)
            if next(math.iterancestors(MATH), None) is None]


def drop_field_code(instruction: etree._Element) -> None:
    """Remove the field whose code holds `instruction`, keeping its displayed result as plain
    text: the code may say what the result no longer does (a name in a MERGEFIELD or HYPERLINK)."""
    paragraph = next(instruction.iterancestors(PARAGRAPH), None)
    runs = list((paragraph if paragraph is not None else instruction.getroottree().getroot()).iter(RUN))
    here = runs.index(instruction.getparent()) if instruction.getparent() in runs else -1
    begin = _field_edge(runs, here, -1, "begin")
    separate = _field_edge(runs, here, +1, "separate")
    end = _field_edge(runs, max(here, separate if separate is not None else here), +1, "end")
    if begin is None or separate is None or end is None:
        # A field spread over several paragraphs: its code goes, its markers stay harmlessly empty.
        instruction.getparent().remove(instruction)
        return
    for run in runs[begin:separate + 1] + [runs[end]]:
        run.getparent().remove(run)


def _field_edge(runs: list[etree._Element], start: int, step: int, wanted: str) -> int | None:
    """The run holding this field's `wanted` field character, looking from `start` in the
    direction of `step` and skipping fields nested inside it; None when the field has none."""
    opening, closing = ("begin", "end") if step > 0 else ("end", "begin")
    depth = 0
    index = start + step
    while 0 <= index < len(runs):
        character = runs[index].find(FIELD_CHARACTER)
        kind = character.get(w("fldCharType")) if character is not None else None
        if kind == wanted and depth == 0:
            return index
        if kind == opening:
            depth += 1
        elif kind == closing:
            if depth == 0:
                return None
            depth -= 1
        index += step
    return None
