"""Turn the marks left in the text into what the reader sees, and number them in document order.

Styles:
- ``xxxx``: X's with the code glued on (``XXXXXXS40(2)``), as in real releases; a whole field
  shows X's only, its code standing after the label (``Date:S38``). A mark is never glued to
  the word after it: when a letter or digit follows, a space is put between them, so that a
  reader (and a screen reader) meets ``XXXXXXS43 5``, never ``XXXXXXS435``.
- ``box``: a solid black box carrying, in white, what a screen reader should announce:
  ``Redacted S40(2)``. Word has no alternative text for a run, and hidden text is what a
  release strips, so what is read is what is shown.
- review copies: the original text highlighted in yellow, never black, with the code beside it.
"""

from __future__ import annotations

import copy
from enum import Enum

from lxml import etree

from minutes_kit.ooxml.package import NAMESPACES, Package, w
from minutes_kit.ooxml.stories import PARAGRAPH, TEXT, own_elements, stories
from minutes_kit.release.ledger import MARK_PATTERN, Redaction, RedactionLedger

FIXED_MASK = 6
MASK = "X" * FIXED_MASK
"""A value withheld where no code can follow it: an attribute, a link target, a part's name."""
BOX_WORD = "Redacted"
"""What a black box says before its code, in white: what a screen reader announces."""
# Word rejects run properties out of schema order, so new ones are inserted where they belong.
RUN_PROPERTY_ORDER = [w(tag) for tag in (
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
    "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing",
    "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText",
    "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath",
)]


class MarkStyle(str, Enum):
    XXXX = "xxxx"
    BOX = "box"
    REVIEW = "review"


class MaskLength(str, Enum):
    FIXED = "fixed"
    PROPORTIONAL = "proportional"


def mask_text(redaction: Redaction, mask_length: MaskLength) -> str:
    count = FIXED_MASK if mask_length is MaskLength.FIXED else max(len(redaction.removed), 3)
    return "X" * count + (redaction.exemption.code if redaction.glue_code else "")


def place_marks(package: Package, ledger: RedactionLedger, style: MarkStyle, mask_length: MaskLength) -> None:
    """Replace every mark in the package by its display, numbering redactions in document order."""
    numbering = _Numbering(ledger)
    for story in stories(package):
        for text in list(package.xml(story.part).iter(w("t"))):
            if text.text and MARK_PATTERN.search(text.text):
                pieces = [(piece, numbering.place(int(ident)) if ident else None)
                          for piece, ident in _split(text.text)]
                if style is MarkStyle.XXXX:
                    text.text = _masked(text, pieces, mask_length)
                else:
                    _split_run(text, pieces, style)
    for redaction in list(ledger.redactions.values()):
        if redaction.direct:
            numbering.place(redaction.ident)


def _masked(text: etree._Element, pieces: list[tuple[str, Redaction | None]], mask_length: MaskLength) -> str:
    """The text of `text` with its marks as X's, each followed by a space when a letter or digit
    would otherwise be glued to it (marks stacked one after another stay together)."""
    shown = []
    for index, (piece, redaction) in enumerate(pieces):
        if redaction is None:
            shown.append(piece)
            continue
        shown.append(mask_text(redaction, mask_length))
        if index + 1 < len(pieces):
            following, after = pieces[index + 1]
            glued = after is None and following[:1].isalnum()
        else:
            glued = _text_after(text)[:1].isalnum()
        if glued:
            shown.append(" ")
    return "".join(shown)


def _text_after(text: etree._Element) -> str:
    """The visible text right after the text node `text` in its paragraph, up to a tab or break;
    empty when nothing follows."""
    paragraph = next(text.iterancestors(PARAGRAPH), None)
    if paragraph is None:
        return ""
    elements = own_elements(paragraph)
    if text not in elements:
        return ""
    for element in elements[elements.index(text) + 1:]:
        if element.tag != TEXT:
            return ""  # a tab, a break or a hyphen stands between
        if element.text:
            return element.text
    return ""


class _Numbering:
    def __init__(self, ledger: RedactionLedger):
        self.ledger = ledger
        self.next_number = 1

    def place(self, ident: int) -> Redaction:
        redaction = self.ledger.redactions[ident]
        if redaction.number:
            # The same value printed twice by a template is two redactions on the page.
            self.ledger.add(redaction.exemption, redaction.location, redaction.removed, glue_code=redaction.glue_code)
            redaction = self.ledger.redactions[len(self.ledger.redactions)]
        redaction.number = self.next_number
        self.next_number += 1
        return redaction


def _split(text: str) -> list[tuple[str, str | None]]:
    """``'a<mark 3>b'`` -> ``[('a', None), ('', '3'), ('b', None)]``."""
    pieces: list[tuple[str, str | None]] = []
    position = 0
    for match in MARK_PATTERN.finditer(text):
        if match.start() > position:
            pieces.append((text[position : match.start()], None))
        pieces.append(("", match.group(1)))
        position = match.end()
    if position < len(text):
        pieces.append((text[position:], None))
    return pieces


def _split_run(text: etree._Element, pieces: list[tuple[str, Redaction | None]], style: MarkStyle) -> None:
    """Replace the run holding `text` by runs for each piece, the marks formatted for `style`."""
    run = text.getparent()
    properties = run.find("w:rPr", NAMESPACES)
    children = [child for child in run if child.tag != w("rPr")]
    position = children.index(text)
    runs: list[etree._Element] = []
    pending = list(children[:position])

    def flush(extra: list[etree._Element]) -> None:
        if pending or extra:
            runs.append(make_run(properties, pending + extra))
            pending.clear()

    for piece, redaction in pieces:
        if redaction is None:
            pending.append(make_text(piece))
            continue
        flush([])
        runs.extend(_mark_runs(properties, redaction, style))
    pending.extend(children[position + 1 :])
    flush([])
    parent = run.getparent()
    index = parent.index(run)
    for offset, new_run in enumerate(runs):
        parent.insert(index + offset, new_run)
    parent.remove(run)


def _mark_runs(properties: etree._Element | None, redaction: Redaction, style: MarkStyle) -> list[etree._Element]:
    code = redaction.exemption.code
    if style is MarkStyle.BOX:
        box = make_run(properties, [make_text(box_text(code))])
        set_run_property(box, "color", val="FFFFFF")
        set_run_property(box, "shd", val="clear", color="auto", fill="000000")
        return [box]
    shown = make_run(properties, [make_text(redaction.removed)])
    set_run_property(shown, "highlight", val="yellow")
    label = make_run(properties, [make_text(f" [{code}]")])
    set_run_property(label, "b")
    set_run_property(label, "color", val="C00000")
    set_run_property(label, "highlight", val="yellow")
    return [shown, label]


def box_text(code: str) -> str:
    """The white text of a black box: `` Redacted S40(2) `` (the spaces pad the box)."""
    return f" {BOX_WORD} {code} "


def make_text(value: str) -> etree._Element:
    element = etree.Element(w("t"))
    element.text = value
    element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return element


def make_run(properties: etree._Element | None, children: list[etree._Element]) -> etree._Element:
    run = etree.Element(w("r"))
    if properties is not None:
        run.append(copy.deepcopy(properties))
    for child in children:
        run.append(child)
    return run


def set_run_property(run: etree._Element, tag: str, **attributes: str) -> None:
    """Set one run property, replacing any existing one, in schema order."""
    properties = run.find("w:rPr", NAMESPACES)
    if properties is None:
        properties = etree.Element(w("rPr"))
        run.insert(0, properties)
    for existing in properties.findall(f"w:{tag}", NAMESPACES):
        properties.remove(existing)
    element = etree.Element(w(tag), {w(key): value for key, value in attributes.items()})
    rank = RUN_PROPERTY_ORDER.index(w(tag))
    later = [child for child in properties if child.tag in RUN_PROPERTY_ORDER and RUN_PROPERTY_ORDER.index(child.tag) > rank]
    if later:
        later[0].addprevious(element)
    else:
        properties.append(element)
