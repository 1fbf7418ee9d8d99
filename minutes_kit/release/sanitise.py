"""Remove from the stories what a released file must not carry besides its visible text:
comments' anchors, tracked changes (insertions accepted, deletions dropped), hidden and
white-on-white text, custom XML and smart tags, embedded objects. Each has leaked real
releases (see PRODUCT.md). Parts that must not travel at all (properties, comments, custom
XML, embeddings, thumbnails) are left behind by the allow-list rebuild
(`minutes_kit.ooxml.rebuild`)."""

from __future__ import annotations

from lxml import etree

from minutes_kit.ooxml.package import NAMESPACES, Package, unwrap, w
from minutes_kit.ooxml.stories import stories

DROPPED = {w(tag) for tag in (
    "del", "moveFrom", "commentRangeStart", "commentRangeEnd", "rPrChange", "pPrChange", "sectPrChange",
    "tblPrChange", "tcPrChange", "trPrChange", "tblGridChange", "numberingChange", "object", "dataBinding",
)}
UNWRAPPED = {w(tag) for tag in ("ins", "moveTo", "customXml", "smartTag")}
WHITE = {"FFFFFF", "white"}
RUN, RUN_PROPERTIES, RUN_STYLE, COMMENT_REFERENCE = w("r"), w("rPr"), w("rStyle"), w("commentReference")
VANISH, SPEC_VANISH, COLOUR, SHADING, HIGHLIGHT = w("vanish"), w("specVanish"), w("color"), w("shd"), w("highlight")


def sanitise(package: Package) -> None:
    invisible_styles = _invisible_styles(package)
    for story in stories(package):
        _clean_story(package.xml(story.part), invisible_styles)


def _invisible_styles(package: Package) -> set[str]:
    """Character and paragraph styles that hide their text or colour it white."""
    if "word/styles.xml" not in package.names():
        return set()
    return {
        style.get(w("styleId"))
        for style in package.xml("word/styles.xml").findall("w:style", NAMESPACES)
        if _hides(_child(style, RUN_PROPERTIES))
    }


def _child(element: etree._Element, tag: str) -> etree._Element | None:
    """The first child `tag` (in Clark notation) of `element`: asked of every run, so found by
    lxml's own iteration rather than a path (three to eight times quicker)."""
    return next(element.iterchildren(tag), None)


def _hides(properties: etree._Element | None) -> bool:
    if properties is None:
        return False
    if _switched_on(_child(properties, VANISH)) or _switched_on(_child(properties, SPEC_VANISH)):
        return True
    colour = _child(properties, COLOUR)
    if colour is not None and colour.get(w("val")) in WHITE:
        shading = _child(properties, SHADING)
        highlight = _child(properties, HIGHLIGHT)
        dark_shading = shading is not None and shading.get(w("fill"), "auto") not in {"auto", *WHITE}
        dark_highlight = highlight is not None and highlight.get(w("val")) not in {None, "none", "white"}
        return not (dark_shading or dark_highlight)
    return False


def _switched_on(toggle: etree._Element | None) -> bool:
    """A Word on/off property: present and not explicitly false."""
    return toggle is not None and toggle.get(w("val"), "true") not in {"false", "0", "off"}


def _clean_story(root: etree._Element, invisible_styles: set[str]) -> None:
    for element in list(root.iter(*DROPPED)):
        element.getparent().remove(element)
    for element in list(root.iter(*UNWRAPPED)):
        unwrap(element)
    for run in list(root.iter(RUN)):
        properties = _child(run, RUN_PROPERTIES)
        style = _child(properties, RUN_STYLE) if properties is not None else None
        hidden_style = style is not None and style.get(w("val")) in invisible_styles
        if _child(run, COMMENT_REFERENCE) is not None or _hides(properties) or hidden_style:
            run.getparent().remove(run)
    for paragraph in list(root.iter(w("p"))):
        style = paragraph.find("w:pPr/w:pStyle", NAMESPACES)
        if style is not None and style.get(w("val")) in invisible_styles:
            for run in paragraph.findall("w:r", NAMESPACES):
                paragraph.remove(run)
