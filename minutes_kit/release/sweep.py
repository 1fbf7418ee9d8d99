"""Withheld strings wherever else the package holds them.

The release context marks what the record says; a template, or a document from elsewhere,
can still carry a name in a header, a run split by formatting or a line break, a field code,
a ``mailto:`` target, a bookmark name or an image's alternative text. The sweep compares
folded text (`minutes_kit.text.folding`), so case, curly apostrophes, hyphens, accents and
invisible characters hide nothing, and:

- in every paragraph of every story (body with its tables, text boxes and content controls,
  headers and footers of every section, footnotes, endnotes) replaces each withheld string by
  a mark, across runs, line breaks and tabs, recorded as a redaction;
- removes a field's code when it holds withheld text, keeping the field's (swept) result;
- in every attribute value and relationship target (as written, URL-decoded, form-decoded and
  as a slug, ``helen-brackley``) and any other text of every kept part, masks the value and
  records the redaction; a hyperlink whose target holds withheld text is unlinked.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import unquote, unquote_plus

from lxml import etree

from minutes_kit.ooxml.constants import C as CHART
from minutes_kit.ooxml.package import NAMESPACES, Package, unwrap, w
from minutes_kit.ooxml.stories import (
    FIELD_CODE, MATH_TEXT, TEXT, ParagraphText, Story, drop_field_code, equations, paragraphs, stories,
)
from minutes_kit.record.exemptions import Exemption
from minutes_kit.release.ledger import RedactionLedger
from minutes_kit.release.marks import MASK
from minutes_kit.release.matcher import Matcher

PARAGRAPH_NUMBER = re.compile(r"^(\d+\.\d+)\.")
HYPERLINK_TYPE = "/hyperlink"
SIMPLE_FIELD = w("fldSimple")
SLUG_SEPARATORS = re.compile(r"[_+\-]")
SEPARATOR = "\0"
"""Keeps values apart when they are searched together: neither a letter, a digit nor a space."""
PROPERTIES_FOLDER = "docProps/"
STORY_LOCATIONS = {"header": "Page header", "footer": "Page footer", "footnotes": "Footnote",
                   "endnotes": "Endnote", "comments": "Comment"}
ATTRIBUTE_LOCATIONS = {"bookmarkStart": "Bookmark name", "docPr": "Image description",
                       "cNvPr": "Image description", "hyperlink": "Link", "Relationship": "Link target"}

Locate = Callable[[Story, etree._Element, str], str]
"""Names where a paragraph is, for the schedule: from its story, the paragraph and its text."""


def sweep(package: Package, ledger: RedactionLedger, matcher: Matcher[Exemption], *,
          locate: Locate | None = None) -> None:
    """Sweep every story and every value of the package for the ledger's needles (`matcher`
    searches for them). `locate` names a paragraph's location in the schedule; by default a
    paragraph reference of minutes ("3.2"), else the story ("Page header", "Document text")."""
    if not matcher.values:
        return
    for story in stories(package):
        _sweep_story(package.xml(story.part), story, matcher, ledger, locate)
    for name in package.xml_parts():
        _sweep_values(package, name, matcher, ledger)


def _sweep_story(root: etree._Element, story: Story, matcher: Matcher[Exemption], ledger: RedactionLedger,
                 locate: Locate | None = None) -> None:
    for simple in list(root.iter(SIMPLE_FIELD)):
        if any(matcher.search(variant) is not None for variant in _decodings(simple.get(w("instr"), ""))):
            unwrap(simple)
    for paragraph in paragraphs(root):
        sweep_paragraph(paragraph, story, matcher, ledger, locate)
    for equation in equations(root):
        # An equation's runs take no mark (marks are placed in a paragraph's runs): masked here.
        for start, end, exemption in reversed(list(matcher.spans(equation.text))):
            equation.replace(start, end, f"{MASK}{exemption.code}")
            ledger.add_direct(exemption, "Equation")


def sweep_paragraph(paragraph: etree._Element, story: Story, matcher: Matcher[Exemption], ledger: RedactionLedger,
                    locate: Locate | None = None) -> None:
    """Withheld text in one paragraph's visible text becomes marks; a field code holding any goes."""
    codes = list(paragraph.iter(FIELD_CODE))
    # A field's code may be split over runs anywhere, even inside a word: its pieces join directly.
    if codes and any(matcher.search(variant) is not None
                     for variant in _decodings("".join(node.text or "" for node in codes))):
        for node in codes:
            if node.getparent() is not None and node.getparent().getparent() is not None:
                drop_field_code(node)  # unless it went with a field dropped before it
    text = ParagraphText(paragraph)
    if matcher.search(text.text) is None:
        return
    location = locate(story, paragraph, text.text) if locate else _location(story, text.text)
    for start, end, exemption in reversed(list(matcher.spans(text.text))):
        text.replace(start, end, ledger.add(exemption, location, text.text[start:end]))


def _location(story: Story, text: str) -> str:
    if story.kind in STORY_LOCATIONS:
        return STORY_LOCATIONS[story.kind]
    numbered = PARAGRAPH_NUMBER.match(text)
    return numbered.group(1) if numbered else "Document text"


def _decodings(value: str) -> tuple[str, ...]:
    """A value as written and as a browser or a mail client would read it."""
    return value, unquote(value), unquote_plus(value), SLUG_SEPARATORS.sub(" ", unquote_plus(value))


def _sweep_values(package: Package, name: str, matcher: Matcher[Exemption], ledger: RedactionLedger) -> None:
    """Attribute values and any text outside paragraphs' text nodes."""
    # Document properties are read as text (a PDF viewer shows the title), and a chart's cached
    # values are what it draws and labels, so bare numbers count there. A chart is known by its
    # root element, not by its part's name.
    root = package.xml(name)
    chart = etree.QName(root).namespace == CHART
    bare_numbers = chart or name.startswith(PROPERTIES_FOLDER)
    loose = "Chart" if chart else "Hidden text"
    values = [value for element in root.iter(etree.Element)
              for value in (_loose_text(element), element.tail, *element.attrib.values()) if value]
    joined = SEPARATOR.join(values)
    if all(matcher.search(variant, bare_numbers=bare_numbers) is None for variant in _decodings(joined)):
        return  # most parts hold nothing withheld
    unlinked: set[str] = set()
    for element in list(root.iter(etree.Element)):
        if element.getparent() is None and element is not root:
            continue  # removed with a relationship below
        local = etree.QName(element).localname
        for attribute in ("text", "tail"):
            value = _loose_text(element) if attribute == "text" else element.tail
            if value and (exemption := matcher.search(value, bare_numbers=bare_numbers)) is not None:
                setattr(element, attribute, matcher.mask(value, MASK))
                ledger.add_direct(exemption, _value_location(name, local, loose))
        for key, value in list(element.attrib.items()):
            exemption = next((found for variant in _decodings(value)
                              if (found := matcher.search(variant, bare_numbers=bare_numbers)) is not None), None)
            if exemption is None:
                continue
            ledger.add_direct(exemption, _value_location(name, local, "Attribute"))
            if name.endswith(".rels") and element.get("Type", "").endswith(HYPERLINK_TYPE):
                unlinked.add(element.get("Id"))
                element.getparent().remove(element)
                break
            element.set(key, MASK)
    source = package.source_of(name) if name.endswith(".rels") else ""
    if unlinked and source in package.names():
        _unwrap_hyperlinks(package.xml(source), unlinked)


def _value_location(part: str, element: str, otherwise: str) -> str:
    if part.startswith(PROPERTIES_FOLDER):
        return "Document properties"
    return f"{ATTRIBUTE_LOCATIONS.get(element, otherwise)} ({part})"


def _loose_text(element: etree._Element) -> str | None:
    """An element's own text, unless it is a text node the story sweep handles."""
    return None if element.tag in (TEXT, MATH_TEXT, FIELD_CODE) else element.text


def _unwrap_hyperlinks(root: etree._Element, relationship_ids: set[str]) -> None:
    """Keep a link's text but not its (withheld) target."""
    for link in list(root.iter(w("hyperlink"))):
        if link.get(f"{{{NAMESPACES['r']}}}id") in relationship_ids:
            unwrap(link)
