"""Counting the redactions a reader can see, to prove each has a row in the schedule.

A requester is told why each piece was withheld by its row in the schedule; a redaction on the
page without a row is withholding without a stated reason. Counted are the two marks a release
leaves with a code: X's with the code glued on ("XXXXXXS40(2)") and a black box whose text is
the code. Whole fields are redacted with X's alone and their code beside the label, so they are
not counted here: finding fewer redactions than rows is never an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from lxml import etree

from minutes_kit.archive import parse_xml
from minutes_kit.verify.extract import MARKUP_COMPATIBILITY, read_part, split_name

# The parts a reader sees as the page: body, headers, footers, footnotes and endnotes.
STORY_PART = re.compile(r"(?:^|/)(?:document\d*|header\d*|footer\d*|footnotes|endnotes)\.xml$")
MAIN_DOCUMENT = re.compile(r"(?:^|/)document\d*\.xml$")
MASK = re.compile(r"X{3,}")
BLACK = "000000"


def count_redactions(entries: Mapping[str, bytes], codes: Iterable[str]) -> tuple[str, int]:
    """The name of the main document part and the redactions visible in the story parts."""
    longest_first = sorted(set(codes), key=len, reverse=True)
    count = 0
    main = "word/document.xml"
    for name, data in entries.items():
        if not STORY_PART.search(name):
            continue
        if MAIN_DOCUMENT.search(name):
            main = name
        try:
            root = parse_xml(data)
        except etree.XMLSyntaxError:
            continue  # the leak check has read its bytes; an unparsable part shows Word no marks
        count += _masks(root, longest_first) + _boxes(root, set(longest_first))
    return main, count


def _masks(root: etree._Element, codes: list[str]) -> int:
    """X's followed by a code, in paragraphs a reader sees: a text box is saved twice, once in
    its compatibility fallback, and only one of the two is on the page."""
    return sum(1 for paragraph in read_part(root).paragraphs if not paragraph.in_fallback
               for mask in MASK.finditer(paragraph.text)
               if any(paragraph.text.startswith(code, mask.end()) for code in codes))


def _boxes(root: etree._Element, codes: set[str]) -> int:
    return sum(1 for run in root.iter(etree.Element)
               if split_name(run.tag)[1] == "r" and _black(run) and _run_text(run).strip() in codes
               and not _in_fallback(run))


def _black(run: etree._Element) -> bool:
    for properties in _children(run, "rPr"):
        for shading in _children(properties, "shd"):
            if any(split_name(key)[1] == "fill" and value.upper() == BLACK
                   for key, value in shading.attrib.items()):
                return True
    return False


def _run_text(run: etree._Element) -> str:
    return "".join(text.text or "" for text in _children(run, "t"))


def _children(element: etree._Element, localname: str) -> list[etree._Element]:
    return [child for child in element.iterchildren(etree.Element) if split_name(child.tag)[1] == localname]


def _in_fallback(element: etree._Element) -> bool:
    return any(split_name(ancestor.tag) == (MARKUP_COMPATIBILITY, "Fallback")
               for ancestor in element.iterancestors(etree.Element))
