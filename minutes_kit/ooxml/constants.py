"""Names of the Word package, spelled once: namespaces, content types and relationship types.

Modelled on python-docx's `docx.opc.constants` and `docx.oxml.ns`, so that a reader who knows
python-docx recognises them. A URI typed by hand in two places is a URI that can differ by one
character in one of them, and a part found by the wrong name is a part the release never cleans.
"""

from __future__ import annotations

# Namespaces.
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"
V = "urn:schemas-microsoft-com:vml"
O = "urn:schemas-microsoft-com:office:office"
CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
DC = "http://purl.org/dc/elements/1.1/"
DCTERMS = "http://purl.org/dc/terms/"
DCMITYPE = "http://purl.org/dc/dcmitype/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
EXTENDED = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
C = "http://schemas.openxmlformats.org/drawingml/2006/chart"

NAMESPACES = {
    "w": W, "w14": W14, "w15": W15, "r": R, "pr": PACKAGE_RELS, "ct": CONTENT_TYPES, "mc": MC, "wp": WP, "a": A,
    "pic": PIC, "v": V, "o": O, "cp": CP, "dc": DC, "dcterms": DCTERMS, "dcmitype": DCMITYPE, "xsi": XSI,
    "ep": EXTENDED, "vt": VT, "m": M,
}

# Part names fixed by the packaging standard (every other part is found through relationships).
CONTENT_TYPES_PART = "[Content_Types].xml"
PACKAGE_SOURCE = ""
"""The package itself, as the source of the relationships in ``_rels/.rels``."""

# Content types.
CT_MAIN_DOCUMENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
CT_MAIN_DOCUMENT_MACRO_ENABLED = "application/vnd.ms-word.document.macroEnabled.main+xml"
CT_STYLES = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"
CT_NUMBERING = "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"
CT_SETTINGS = "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"
CT_HEADER = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
CT_FOOTER = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
CT_FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
CT_ENDNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml"
CT_FONT_TABLE = "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"
CT_THEME = "application/vnd.openxmlformats-officedocument.theme+xml"
CT_WEB_SETTINGS = "application/vnd.openxmlformats-officedocument.wordprocessingml.webSettings+xml"
CT_COMMENTS = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
CT_CORE_PROPERTIES = "application/vnd.openxmlformats-package.core-properties+xml"
CT_EXTENDED_PROPERTIES = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
CT_RELATIONSHIPS = "application/vnd.openxmlformats-package.relationships+xml"
CT_XML = "application/xml"
CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
CT_PNG = "image/png"
CT_JPEG = "image/jpeg"

# Relationship types.
_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"
_MICROSOFT = "http://schemas.microsoft.com/office"

RT_OFFICE_DOCUMENT = f"{_OFFICE}/officeDocument"
RT_STYLES = f"{_OFFICE}/styles"
RT_NUMBERING = f"{_OFFICE}/numbering"
RT_SETTINGS = f"{_OFFICE}/settings"
RT_HEADER = f"{_OFFICE}/header"
RT_FOOTER = f"{_OFFICE}/footer"
RT_FOOTNOTES = f"{_OFFICE}/footnotes"
RT_ENDNOTES = f"{_OFFICE}/endnotes"
RT_FONT_TABLE = f"{_OFFICE}/fontTable"
RT_THEME = f"{_OFFICE}/theme"
RT_WEB_SETTINGS = f"{_OFFICE}/webSettings"
RT_IMAGE = f"{_OFFICE}/image"
RT_HYPERLINK = f"{_OFFICE}/hyperlink"
RT_CORE_PROPERTIES = f"{_PACKAGE}/metadata/core-properties"
RT_EXTENDED_PROPERTIES = f"{_OFFICE}/extended-properties"
RT_CUSTOM_PROPERTIES = f"{_OFFICE}/custom-properties"
RT_THUMBNAIL = f"{_PACKAGE}/metadata/thumbnail"
RT_PRINTER_SETTINGS = f"{_OFFICE}/printerSettings"
RT_CUSTOM_XML = f"{_OFFICE}/customXml"
RT_CUSTOM_XML_PROPS = f"{_OFFICE}/customXmlProps"
RT_A_F_CHUNK = f"{_OFFICE}/aFChunk"
RT_CONTROL = f"{_OFFICE}/control"
RT_ACTIVEX_CONTROL_BINARY = f"{_MICROSOFT}/2006/relationships/activeXControlBinary"
RT_OLE_OBJECT = f"{_OFFICE}/oleObject"
RT_PACKAGE = f"{_OFFICE}/package"
RT_GLOSSARY_DOCUMENT = f"{_OFFICE}/glossaryDocument"
RT_COMMENTS = f"{_OFFICE}/comments"
RT_COMMENTS_EXTENDED = f"{_MICROSOFT}/2011/relationships/commentsExtended"
RT_COMMENTS_IDS = f"{_MICROSOFT}/2016/09/relationships/commentsIds"
RT_COMMENTS_EXTENSIBLE = f"{_MICROSOFT}/2018/08/relationships/commentsExtensible"
RT_PEOPLE = f"{_MICROSOFT}/2011/relationships/people"
RT_VBA_PROJECT = f"{_MICROSOFT}/2006/relationships/vbaProject"
RT_VBA_DATA = f"{_MICROSOFT}/2006/relationships/wordVbaData"
RT_STYLES_WITH_EFFECTS = f"{_MICROSOFT}/2007/relationships/stylesWithEffects"
RT_CHART = f"{_OFFICE}/chart"
RT_DIAGRAM_DATA = f"{_OFFICE}/diagramData"
RT_FONT = f"{_OFFICE}/font"
RT_ATTACHED_TEMPLATE = f"{_OFFICE}/attachedTemplate"
RT_SUB_DOCUMENT = f"{_OFFICE}/subDocument"


def w(tag: str) -> str:
    """Clark notation for a WordprocessingML tag: ``w('t')`` -> ``{...main}t``."""
    return f"{{{W}}}{tag}"
