"""The document properties a reader and assistive technology rely on, written into a package.

A release's properties part is written afresh and empty by `rebuild`; what it then says about
the document (its title, subject and language) is put there by `set_core_properties`, before the
release's sweep, so that withheld text in a title is masked like any other.
"""

from __future__ import annotations

from lxml import etree

from minutes_kit.ooxml.constants import DC
from minutes_kit.ooxml.package import Package
from minutes_kit.ooxml.rebuild import CORE_PROPERTIES_PART
CORE_TEXT_PROPERTIES = ("title", "subject", "language")
"""The Dublin Core elements set here, in the order they are written."""


def set_core_properties(package: Package, *, title: str = "", subject: str = "", language: str = "") -> None:
    """Set the title, subject and language of `package` in its core properties part
    (``docProps/core.xml``, which `rebuild` writes); an empty value removes the property."""
    if CORE_PROPERTIES_PART not in package.names():
        raise ValueError(f"the package has no {CORE_PROPERTIES_PART} to set properties in")
    root = package.xml(CORE_PROPERTIES_PART)
    values = {"title": title, "subject": subject, "language": language}
    for name in CORE_TEXT_PROPERTIES:
        for existing in root.findall(f"{{{DC}}}{name}"):
            root.remove(existing)
        if values[name]:
            etree.SubElement(root, f"{{{DC}}}{name}").text = values[name]
