"""Counting the redactions a reader can see, to prove each has a row in the schedule.

A requester is told why each piece was withheld by its row in the schedule; a redaction on the
page without a row is withholding without a stated reason. Counted are the two marks a release
leaves with a code: X's with the code glued on ("XXXXXXS40(2)") and a black box whose text is
the code, alone or after the word a screen reader announces ("Redacted S40(2)"). Whole fields are redacted with X's alone and their code beside the label, so they are
not counted here: finding fewer redactions than rows is never an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree

from minutes_kit.verify.extract import MARKUP_COMPATIBILITY, SEPARATOR, Package, PartText, split_name

# The parts a reader sees as the page: body, headers, footers, footnotes and endnotes.
STORY_PART = re.compile(r"(?:^|/)(?:document\d*|header\d*|footer\d*|footnotes|endnotes)\.xml$")
MAIN_DOCUMENT = re.compile(r"(?:^|/)document\d*\.xml$")
MASK = re.compile(r"X{3,}")
BLACK = "000000"
BOX_WORD = re.compile(r"^redacted\s+", re.IGNORECASE)
"""What a box may say before its code."""


def count_redactions(package: Package, codes: Iterable[str]) -> tuple[str, int]:
    """The name of the main document part and the redactions visible in the story parts."""
    longest_first = sorted(set(codes), key=len, reverse=True)
    count = 0
    main = "word/document.xml"
    for name in package.entries:
        if not STORY_PART.search(name):
            continue
        if MAIN_DOCUMENT.search(name):
            main = name
        xml = package.xml(name)
        if xml is None:
            continue  # the leak check has read its bytes; an unparsable part shows Word no marks
        count += _masks(xml.text, longest_first) + _boxes(xml.root, set(longest_first))
    return main, count


def _masks(text: PartText, codes: list[str]) -> int:
    """X's followed by a code, in paragraphs a reader sees: a text box is saved twice, once in
    its compatibility fallback, and only one of the two is on the page. The paragraphs are
    searched joined by the separator, which no run of X's and no code crosses."""
    shown = SEPARATOR.join(paragraph.text for paragraph in text.paragraphs if not paragraph.in_fallback)
    return sum(1 for mask in MASK.finditer(shown) if any(shown.startswith(code, mask.end()) for code in codes))


def _boxes(root: etree._Element, codes: set[str]) -> int:
    """Runs shaded black whose text is a code (or "Redacted" and a code), found from their shading."""
    shaded = dict.fromkeys(run for shading in root.iter("{*}shd") if (run := _shaded_run(shading)) is not None)
    return sum(1 for run in shaded if BOX_WORD.sub("", _run_text(run).strip()) in codes and not _in_fallback(run))


def _shaded_run(shading: etree._Element) -> etree._Element | None:
    """The run whose properties hold `shading`, when that shading is black."""
    properties = shading.getparent()
    run = properties.getparent() if properties is not None else None
    if (run is None or split_name(properties.tag)[1] != "rPr" or split_name(run.tag)[1] != "r"
            or not any(split_name(key)[1] == "fill" and value.upper() == BLACK for key, value in shading.attrib.items())):
        return None
    return run


def _run_text(run: etree._Element) -> str:
    return "".join(text.text or "" for text in _children(run, "t"))


def _children(element: etree._Element, localname: str) -> list[etree._Element]:
    return [child for child in element.iterchildren(etree.Element) if split_name(child.tag)[1] == localname]


def _in_fallback(element: etree._Element) -> bool:
    return any(split_name(ancestor.tag) == (MARKUP_COMPATIBILITY, "Fallback")
               for ancestor in element.iterancestors(etree.Element))
