"""Every place of a Word document holding text, named as a person finds it in Word.

The document is built here: with python-docx for what it can write (paragraphs, a table, headers
and footers of two sections, a picture), then by hand for what it cannot (a footnote, a comment,
a text box written twice as Word writes it, an equation, a tracked deletion and insertion, a hyperlink, a
field code). `build_document` is shared with `tests/detection/test_document_scan.py`.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from lxml import etree

from minutes_kit.errors import ArchiveUnreadable, NotAWordDocument
from minutes_kit.ooxml.constants import CT_COMMENTS, CT_FOOTNOTES, CT_MAIN_DOCUMENT, CT_MAIN_DOCUMENT_MACRO_ENABLED
from minutes_kit.ooxml.kind import is_office_file, open_word_document
from minutes_kit.ooxml.places import ALT_TEXT, AUTHOR, DELETED, FIELD_CODE, LINK, TEXT, TextPlace, text_places

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
OFFICE_RELS = R
PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
NAMESPACES = {
    "w": W, "r": R, "v": "urn:schemas-microsoft-com:vml",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
}
DECLARATIONS = "".join(f' xmlns:{prefix}="{uri}"' for prefix, uri in NAMESPACES.items())

OPENED = "The meeting was opened by Joanna Pike."
SIGNED = "Signed by Joanna Pike."
ANSWERED = "Queries were answered promptly."
TAKEN_BY = "Minutes were taken by "
WRITE_TO = "Write to the secretariat."
SEE_THE_BOX = "See the box."
TEXT_BOX = "Site contact: Marek Kowalski on 07700 900123"
IMAGE_DESCRIPTION = "Photograph of Siobhan O'Connell at the depot"
FOOTNOTE = "Figures supplied by Grace Whitfield."
COMMENT = "Check this with Priya Raman before sending."
COMMENT_AUTHOR = "Oliver Grant"
DELETED_NAME = "Rachel Dunne"
INSERTED = "the clerk"
LINK_TARGET = "mailto:jo.okafor%40example.org"
FIELD = 'MERGEFIELD "Daniel Osei"'
EQUATION = "Ewa Zielinska"
FOOTER_ONE = "NI number AB 12 34 56 C"
HEADER_TWO = "Enquiries to Amara Nwosu on 0113 496 0123"
FIRST_PAGE_HEADER_TWO = "Prepared by Tomasz Nowak"

def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


TINY_PNG = (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
            + _png_chunk(b"IDAT", zlib.compress(b"\x00\x00")) + _png_chunk(b"IEND", b""))


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


FOOTNOTE_REFERENCE = '<w:r><w:footnoteReference w:id="2"/></w:r>'
DELETION = f'<w:del w:id="91" w:author="Editor" w:date="2026-05-01T00:00:00Z"><w:r><w:delText>{DELETED_NAME}</w:delText></w:r></w:del>' \
           f'<w:ins w:id="92" w:author="Editor" w:date="2026-05-01T00:00:00Z">{_run(INSERTED)}</w:ins>'
HYPERLINK = f'<w:hyperlink r:id="rIdMail">{_run(" (by email)")}</w:hyperlink>'
FIELD_RUNS = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
              f'<w:r><w:instrText xml:space="preserve"> {FIELD} </w:instrText></w:r>'
              '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + _run("«name»")
              + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
_BOX_PARAGRAPH = f"<w:txbxContent><w:p>{_run(TEXT_BOX)}</w:p></w:txbxContent>"
TEXT_BOX_RUN = (
    "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:inline>"
    '<wp:docPr id="50" name="Text Box 1"/><a:graphic><a:graphicData '
    'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx>'
    f"{_BOX_PARAGRAPH}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></mc:Choice>"
    f"<mc:Fallback><w:pict><v:shape><v:textbox>{_BOX_PARAGRAPH}</v:textbox></v:shape></w:pict></mc:Fallback>"
    "</mc:AlternateContent></w:r>"
)
EQUATION_XML = f"<m:oMath><m:r><m:t>{EQUATION}</m:t></m:r></m:oMath>"
COMMENT_START, COMMENT_END = '<w:commentRangeStart w:id="7"/>', \
    '<w:commentRangeEnd w:id="7"/><w:r><w:commentReference w:id="7"/></w:r>'

FOOTNOTES_PART = (
    f'<w:footnotes xmlns:w="{W}">'
    '<w:footnote w:type="separator" w:id="0"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="1"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
    f'<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r>{_run(" " + FOOTNOTE)}</w:p></w:footnote>'
    "</w:footnotes>")
COMMENTS_PART = (
    f'<w:comments xmlns:w="{W}"><w:comment w:id="7" w:author="{COMMENT_AUTHOR}" w:initials="OG">'
    f"<w:p>{_run(COMMENT)}</w:p></w:comment></w:comments>")
ADDED_RELATIONSHIPS = (
    f'<Relationship Id="rIdNotes" Type="{OFFICE_RELS}/footnotes" Target="footnotes.xml"/>'
    f'<Relationship Id="rIdComments" Type="{OFFICE_RELS}/comments" Target="comments.xml"/>'
    f'<Relationship Id="rIdMail" Type="{OFFICE_RELS}/hyperlink" Target="{LINK_TARGET}" TargetMode="External"/>')
ADDED_CONTENT_TYPES = (
    f'<Override PartName="/word/footnotes.xml" ContentType="{CT_FOOTNOTES}"/>'
    f'<Override PartName="/word/comments.xml" ContentType="{CT_COMMENTS}"/>')


def _python_docx_document(path: Path) -> None:
    """What python-docx writes: paragraphs, a table, a picture, and two sections' headers and footers."""
    document = docx.Document()
    document.add_paragraph(OPENED)
    table = document.add_table(rows=2, cols=2)
    for row, cells in enumerate([("Name", "Role"), ("Tomasz Nowak", "Surveyor")]):
        for column, text in enumerate(cells):
            table.cell(row, column).text = text
    document.add_paragraph(ANSWERED)
    document.add_paragraph(TAKEN_BY)
    document.add_paragraph(WRITE_TO)
    picture = document.add_paragraph().add_run().add_picture(io.BytesIO(TINY_PNG))
    picture._inline.docPr.set("descr", IMAGE_DESCRIPTION)
    document.add_paragraph(SEE_THE_BOX)
    document.sections[0].footer.paragraphs[0].text = FOOTER_ONE
    second = document.add_section()
    second.header.is_linked_to_previous = False
    second.header.paragraphs[0].text = HEADER_TWO
    second.different_first_page_header_footer = True
    second.first_page_header.is_linked_to_previous = False
    second.first_page_header.paragraphs[0].text = FIRST_PAGE_HEADER_TWO
    document.add_paragraph(SIGNED)
    document.save(path)


def _paragraph(body: etree._Element, text: str) -> etree._Element:
    return next(p for p in body.iter(f"{{{W}}}p") if "".join(p.itertext()) == text)


def _append(paragraph: etree._Element, xml: str, at_start: bool = False) -> None:
    wrapper = etree.fromstring(f"<w:wrapper{DECLARATIONS}>{xml}</w:wrapper>")
    for index, child in enumerate(list(wrapper)):
        if at_start:
            paragraph.insert(index + 1 if paragraph.find(f"{{{W}}}pPr") is not None else index, child)
        else:
            paragraph.append(child)


def _hand_written(document_xml: bytes) -> bytes:
    root = etree.fromstring(document_xml)
    _append(_paragraph(root, OPENED), COMMENT_START, at_start=True)
    _append(_paragraph(root, OPENED), COMMENT_END)
    _append(_paragraph(root, ANSWERED), FOOTNOTE_REFERENCE)
    _append(_paragraph(root, TAKEN_BY), DELETION)
    _append(_paragraph(root, WRITE_TO), HYPERLINK + FIELD_RUNS)
    _append(_paragraph(root, SEE_THE_BOX), EQUATION_XML + TEXT_BOX_RUN)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def rewrite(path: Path, change: dict[str, Callable[[bytes], bytes]], added: dict[str, str]) -> None:
    with zipfile.ZipFile(path) as archive:
        entries = {name: archive.read(name) for name in archive.namelist()}
    for name, edit in change.items():
        entries[name] = edit(entries[name])
    entries.update({name: text.encode() for name, text in added.items()})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)


def build_document(path: Path) -> Path:
    """A document with a name (or other personal data) in every kind of place."""
    _python_docx_document(path)
    rewrite(path, {
        "word/document.xml": _hand_written,
        "word/_rels/document.xml.rels": lambda data: data.replace(b"</Relationships>",
                                                                  ADDED_RELATIONSHIPS.encode() + b"</Relationships>"),
        "[Content_Types].xml": lambda data: data.replace(b"</Types>", ADDED_CONTENT_TYPES.encode() + b"</Types>"),
    }, {"word/footnotes.xml": FOOTNOTES_PART, "word/comments.xml": COMMENTS_PART})
    return path


@pytest.fixture(scope="module")
def places(tmp_path_factory) -> list[TextPlace]:
    return text_places(open_word_document(build_document(tmp_path_factory.mktemp("places") / "every place.docx")))


def test_every_place_is_named_as_a_person_finds_it_in_word(places):
    assert [(place.place, place.text, place.kind) for place in places] == [
        ("paragraph 1", OPENED, TEXT),
        ("table 1, row 1", "Name", TEXT),
        ("table 1, row 1", "Role", TEXT),
        ("table 1, row 2", "Tomasz Nowak", TEXT),
        ("table 1, row 2", "Surveyor", TEXT),
        ("paragraph 2", ANSWERED, TEXT),
        ("paragraph 3", TAKEN_BY + INSERTED, TEXT),
        ("deleted text in paragraph 3", DELETED_NAME, DELETED),
        ("paragraph 4", WRITE_TO + " (by email)«name»", TEXT),
        ("field code in paragraph 4", FIELD, FIELD_CODE),
        ("link in paragraph 4", "mailto:jo.okafor@example.org", LINK),
        ("image 1 description", IMAGE_DESCRIPTION, ALT_TEXT),
        ("paragraph 6", SEE_THE_BOX, TEXT),
        ("equation in paragraph 6", EQUATION, TEXT),
        ("text box 1", TEXT_BOX, TEXT),  # written twice by Word (DrawingML and VML), listed once
        ("paragraph 8", SIGNED, TEXT),  # paragraph 7 ends section 1
        ("footer of section 1", FOOTER_ONE, TEXT),
        ("header of section 2", HEADER_TWO, TEXT),
        ("first-page header of section 2", FIRST_PAGE_HEADER_TWO, TEXT),
        ("footnote 1", " " + FOOTNOTE, TEXT),  # w:id 2: numbered as Word shows it, after two separators
        ("comment 1", COMMENT, TEXT),
        ("author of comment 1", COMMENT_AUTHOR, AUTHOR),
    ]


def test_a_header_shared_by_sections_is_named_by_the_first(tmp_path):
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Shared header"
    document.add_section()
    document.add_section()
    path = tmp_path / "shared.docx"
    document.save(path)
    rewrite(path, {"word/document.xml": _repeat_header_references}, {})
    names = [place.place for place in text_places(open_word_document(path))]
    assert names == ["header of section 1"]


def _repeat_header_references(document_xml: bytes) -> bytes:
    """Every section refers to the first section's header, as Word writes an unlinked copy it did not change."""
    root = etree.fromstring(document_xml)
    sections = list(root.iter(f"{{{W}}}sectPr"))
    reference = next(section.find(f"{{{W}}}headerReference") for section in sections
                     if section.find(f"{{{W}}}headerReference") is not None)
    for section in sections:
        if section.find(f"{{{W}}}headerReference") is None:
            section.insert(0, etree.fromstring(etree.tostring(reference)))
    return etree.tostring(root)


# ---------------------------------------------------------------- files that are not a .docx

OLE_HEADER = bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504)
ODT_MIMETYPE = "application/vnd.oasis.opendocument.text"


def not_a_docx(folder: Path) -> dict[str, tuple[Path, str]]:
    """Files a user may give as a Word document, each with what its message must say."""
    folder.mkdir(parents=True, exist_ok=True)
    doc = folder / "old.doc"
    doc.write_bytes(OLE_HEADER)
    odt = folder / "report.odt"
    with zipfile.ZipFile(odt, "w") as archive:
        archive.writestr("mimetype", ODT_MIMETYPE)
        archive.writestr("content.xml", "<office:document-content/>")
    truncated = folder / "truncated.docx"
    build_document(folder / "whole.docx")
    truncated.write_bytes((folder / "whole.docx").read_bytes()[:2000])
    docm = folder / "macros.docm"
    build_document(docm)
    rewrite(docm, {"[Content_Types].xml": lambda data: data.replace(
        CT_MAIN_DOCUMENT.encode(), CT_MAIN_DOCUMENT_MACRO_ENABLED.encode())}, {})
    return {
        "doc": (doc, "save it as .docx"),
        "odt": (odt, "is an OpenDocument file (.odt), not a Word document; open it in Word and save it as .docx"),
        "truncated": (truncated, "open it in Word and save it again as .docx"),
        "docm": (docm, "save it as .docx (without macros)"),
    }


@pytest.mark.parametrize("kind", ["doc", "odt", "truncated", "docm"])
def test_what_is_not_a_docx_is_refused_with_what_to_do(tmp_path, kind):
    path, message = not_a_docx(tmp_path)[kind]
    assert is_office_file(path)
    with pytest.raises((NotAWordDocument, ArchiveUnreadable)) as raised:
        open_word_document(path)
    assert str(path) in str(raised.value) and message in str(raised.value)


def test_a_record_is_not_an_office_file(tmp_path):
    record = tmp_path / "record.docx"  # the name says .docx; the content decides
    record.write_text("meeting: {}\n", encoding="utf-8")
    assert not is_office_file(record)


def test_a_chart_s_cached_names_and_title_are_a_place_of_their_own(tmp_path):
    from minutes_kit.ooxml.package import Package
    from minutes_kit.ooxml.places import CHART_TEXT
    from tests.release.test_chart_release import CATEGORY, KEPT_CATEGORY, SERIES, TITLE, chart_document

    places = text_places(Package(chart_document(tmp_path / "chart.docx")))
    charted = [place for place in places if place.place.startswith("chart")]
    assert charted == [TextPlace("chart 1", text, CHART_TEXT) for text in (TITLE, SERIES, CATEGORY, KEPT_CATEGORY)]
    assert all(place.is_prose for place in charted)
