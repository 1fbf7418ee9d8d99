"""Word templates built to leak: hyperlinks, headers, split runs, hidden parts."""

from __future__ import annotations

import zipfile
from pathlib import Path

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

RECORD = """\
meeting:
  series: ADV
  title: Estates review with @ph
  date: 2026-05-12
  location: Hallam Street office, Room 2
  classification: OFFICIAL-SENSITIVE
  status: final
people:
  gb: {name: Grace Bell, role: Director of Estates, organisation: Department, disclosable: true}
  ph: {name: Peter Hall, role: Estates Officer, organisation: Department, email: peter.hall@example.gov.uk}
  nr: {name: Nia Rhodes, organisation: Survey Partners Ltd}
chair: gb
attendees: [gb, ph]
notes_by: gb
items:
  - title: Estates
    paragraphs:
      - "@gb asked Mr Hall to walk the Hallam Street site; replies to peter.hall@example.gov.uk please."
      - text: The supplier will confirm the survey dates.
        actions:
          - {ref: ADV-01, owners: [nr], text: confirm the survey dates, due: 2026-06-01}
contact: {person: ph}
"""

WITHHELD = ["Peter Hall", "peter.hall", "Mr Hall", "Nia Rhodes"]


def _run(text: str, bold: bool = False):
    run = OxmlElement("w:r")
    if bold:
        properties = OxmlElement("w:rPr")
        properties.append(OxmlElement("w:b"))
        run.append(properties)
    element = OxmlElement("w:t")
    element.set(qn("xml:space"), "preserve")
    element.text = text
    run.append(element)
    return run


def leaky_template(path: Path) -> Path:
    """A template holding Peter Hall's name where a careless release would miss it."""
    document = Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "{{ marking }} - prepared by Peter Hall"
    document.add_paragraph("{{ title }}")
    split = document.add_paragraph()
    split._p.append(_run("Checked by Peter "))
    split._p.append(_run("Hall", bold=True))
    split._p.append(_run(" on site."))
    link = document.add_paragraph("Questions: ")
    relationship = document.part.relate_to("mailto:peter.hall@example.gov.uk", RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    hyperlink = OxmlElement("w:hyperlink")
    hyperlink.set(qn("r:id"), relationship)
    hyperlink.append(_run("email the estates officer"))
    link._p.append(hyperlink)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Site contact"
    table.rows[0].cells[1].text = "Mr  Hall (estates)"
    document.add_paragraph("Meet at Hallam Street.")
    document.add_paragraph("{%p for action in actions %}")
    document.add_paragraph("{{ action.ref }}: {{ action.owners }} to {{ action.text }}")
    document.add_paragraph("{%p endfor %}")
    document.save(path)
    return path


HIDDEN_BODY = (
    '<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:ins w:id="1" w:author="Peter Hall" w:date="2026-05-01T00:00:00Z"><w:r><w:t>accepted insertion</w:t></w:r></w:ins>'
    '<w:del w:id="2" w:author="Peter Hall" w:date="2026-05-01T00:00:00Z"><w:r><w:delText>deleted secret</w:delText></w:r></w:del>'
    '<w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden secret</w:t></w:r>'
    '<w:r><w:rPr><w:color w:val="FFFFFF"/></w:rPr><w:t>white secret</w:t></w:r>'
    '<w:commentRangeStart w:id="0"/><w:r><w:t>visible words</w:t></w:r><w:commentRangeEnd w:id="0"/>'
    '<w:r><w:commentReference w:id="0"/></w:r>'
    "</w:p>"
)
SANITISED_AWAY = ["deleted secret", "hidden secret", "white secret", "comment secret", "Hostile Holdings",
                  "custom secret", "embedded secret", "python-docx"]


def hostile_template(path: Path) -> Path:
    """A template carrying comments, tracked changes, hidden and white text, custom properties and XML,
    an embedded object and identifying document properties."""
    document = Document()
    document.core_properties.author = "Peter Hall"
    document.core_properties.last_modified_by = "Peter Hall"
    document.core_properties.comments = "comment secret"
    document.add_paragraph("{{ title }}")
    plain = path.with_suffix(".plain.docx")
    document.save(plain)
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b"<w:sectPr", HIDDEN_BODY.encode() + b"<w:sectPr", 1)
            elif item.filename == "docProps/app.xml":
                data = data.replace(b"</Properties>", b"<Company>Hostile Holdings</Company><Template>Normal.dotm</Template></Properties>")
            elif item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", (
                    b'<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>'
                    b'<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>'
                    b'<Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.oleObject"/></Types>'))
            elif item.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", (
                    b'<Relationship Id="rIdC" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>'
                    b'<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item9.xml"/>'
                    b'<Relationship Id="rIdO" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/oleObject" Target="embeddings/oleObject1.bin"/>'
                    b"</Relationships>"))
            elif item.filename == "_rels/.rels":
                data = data.replace(b"</Relationships>", (
                    b'<Relationship Id="rIdP" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/>'
                    b"</Relationships>"))
            target.writestr(item, data)
        target.writestr("word/comments.xml", (
            '<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            '<w:comment w:id="0" w:author="Peter Hall"><w:p><w:r><w:t>comment secret</w:t></w:r></w:p></w:comment>'
            "</w:comments>"))
        target.writestr("docProps/custom.xml", (
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Owner"><vt:lpwstr>custom secret</vt:lpwstr></property>'
            "</Properties>"))
        target.writestr("customXml/item9.xml", "<data>custom secret</data>")
        target.writestr("word/embeddings/oleObject1.bin", b"embedded secret")
    plain.unlink()
    return path


# --- A template carrying a withheld name in every kind of part (tests/release/test_template_parts.py) ---

import re
import struct as _struct
import zlib as _zlib

PART_NAME = "Peter Hall"
MAILTO = "mailto:peter.hall@example.gov.uk"
STAFF_PAGE = "https://example.gov.uk/staff/peter-hall"
_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_OFFICE_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_MS_RT = "http://schemas.microsoft.com/office"


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return _struct.pack(">I", len(body)) + kind + body + _struct.pack(">I", _zlib.crc32(kind + body) & 0xFFFFFFFF)


def png_with_text(text: str, width: int = 4, height: int = 4) -> bytes:
    """A small red RGB PNG whose tEXt, zTXt and iTXt chunks hold `text`."""
    rows = b"".join(b"\x00" + b"\xc0\x20\x20" * width for _ in range(height))
    return b"".join([
        b"\x89PNG\r\n\x1a\n",
        _png_chunk(b"IHDR", _struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)),
        _png_chunk(b"tEXt", b"Author\x00" + text.encode("latin-1")),
        _png_chunk(b"zTXt", b"Comment\x00\x00" + _zlib.compress(f"Photo of {text}".encode("latin-1"))),
        _png_chunk(b"iTXt", b"Title\x00\x00\x00en\x00\x00" + text.encode("utf-8")),
        _png_chunk(b"IDAT", _zlib.compress(rows)),
        _png_chunk(b"IEND", b""),
    ])


def png_text_chunks(data: bytes) -> list[bytes]:
    """The kinds of the text chunks (tEXt, zTXt, iTXt) a PNG holds."""
    kinds, position = [], 8
    while position + 8 <= len(data):
        length, kind = _struct.unpack(">I4s", data[position:position + 8])
        if kind in (b"tEXt", b"zTXt", b"iTXt"):
            kinds.append(kind)
        position += 12 + length
    return kinds


def jpeg_with_comment(text: str) -> bytes:
    """The markers of a JPEG (start, JFIF header, a COM segment holding `text`, end of image)."""
    comment = text.encode("latin-1")
    jfif = b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    return (b"\xff\xd8" + b"\xff\xe0" + _struct.pack(">H", len(jfif) + 2) + jfif
            + b"\xff\xfe" + _struct.pack(">H", len(comment) + 2) + comment + b"\xff\xd9")


def _field_runs(instruction: str, result: str) -> list:
    runs = []
    for kind in ("begin", "instr", "separate", "result", "end"):
        run = OxmlElement("w:r")
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = instruction
        elif kind == "result":
            element = OxmlElement("w:t")
            element.text = result
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run.append(element)
        runs.append(run)
    return runs


def _external_link(document, paragraph, target: str, text: str) -> None:
    relationship = document.part.relate_to(target, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    hyperlink = OxmlElement("w:hyperlink")
    hyperlink.set(qn("r:id"), relationship)
    hyperlink.append(_run(text))
    paragraph._p.append(hyperlink)


EVERY_PART_BODY = (
    f'<!-- notes for {PART_NAME} -->'
    f'<?minutes-author {PART_NAME}?>'
    f'<w:altChunk xmlns:w="{_W_NS}" xmlns:r="{_R_NS}" r:id="rIdAltChunk"/>'
    f'<w:p xmlns:w="{_W_NS}" xmlns:r="{_R_NS}"><w:r><w:object><w:control r:id="rIdActiveX" w:name="Peter_Hall"/>'
    "</w:object></w:r></w:p>"
    f'<w:p xmlns:w="{_W_NS}"><w:commentRangeStart w:id="7"/><w:r><w:t>Reviewed text.</w:t></w:r>'
    '<w:commentRangeEnd w:id="7"/><w:r><w:commentReference w:id="7"/></w:r></w:p>'
)
EVERY_PART_RELATIONSHIPS = {
    "word/_rels/document.xml.rels": [
        ("rIdPrinter", f"{_OFFICE_RT}/printerSettings", "printerSettings/printerSettings1.bin"),
        ("rIdAltChunk", f"{_OFFICE_RT}/aFChunk", "afchunk.htm"),
        ("rIdCustomXml", f"{_OFFICE_RT}/customXml", "../customXml/item1.xml"),
        ("rIdComments", f"{_OFFICE_RT}/comments", "comments.xml"),
        ("rIdPeople", f"{_MS_RT}/2011/relationships/people", "people.xml"),
        ("rIdGlossary", f"{_OFFICE_RT}/glossaryDocument", "glossary/document.xml"),
        ("rIdActiveX", f"{_OFFICE_RT}/control", "activeX/activeX1.xml"),
        ("rIdOle", f"{_OFFICE_RT}/oleObject", "embeddings/oleObject1.bin"),
        ("rIdVba", f"{_MS_RT}/2006/relationships/vbaProject", "vbaProject.bin"),
    ],
    "_rels/.rels": [
        ("rIdThumbnail", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail",
         "docProps/thumbnail.jpeg"),
        ("rIdCustomProperties", f"{_OFFICE_RT}/custom-properties", "docProps/custom.xml"),
    ],
}
EVERY_PART_CONTENT_TYPES = (
    '<Default Extension="jpeg" ContentType="image/jpeg"/>'
    '<Default Extension="htm" ContentType="text/html"/>'
    '<Override PartName="/word/printerSettings/printerSettings1.bin" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.printerSettings"/>'
    '<Override PartName="/word/comments.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>'
    '<Override PartName="/word/people.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.people+xml"/>'
    '<Override PartName="/word/glossary/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.glossary+xml"/>'
    '<Override PartName="/word/activeX/activeX1.xml" ContentType="application/vnd.ms-office.activeX+xml"/>'
    '<Override PartName="/word/embeddings/oleObject1.bin" '
    'ContentType="application/vnd.openxmlformats-officedocument.oleObject"/>'
    '<Override PartName="/word/vbaProject.bin" ContentType="application/vnd.ms-office.vbaProject"/>'
    '<Override PartName="/docProps/custom.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>'
    '<Override PartName="/customXml/item1.xml" ContentType="application/xml"/>'
)


def _every_part_extras() -> dict[str, bytes]:
    name = PART_NAME
    return {
        # UTF-16-LE at an odd byte offset, so a reader decoding from byte 0 sees nothing.
        "word/printerSettings/printerSettings1.bin": b"\x00" * 33 + name.encode("utf-16-le") + b"\x00" * 31,
        "word/afchunk.htm": f"<html><body><p>Imported from {name}</p></body></html>".encode(),
        "customXml/item1.xml": f'<?xml version="1.0"?><staff><owner>{name}</owner></staff>'.encode(),
        "word/comments.xml": (
            f'<w:comments xmlns:w="{_W_NS}"><w:comment w:id="7" w:author="{name}" w:initials="PH">'
            f"<w:p><w:r><w:t>{name} to check</w:t></w:r></w:p></w:comment></w:comments>").encode(),
        "word/people.xml": (
            '<w15:people xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">'
            f'<w15:person w15:author="{name}"><w15:presenceInfo w15:providerId="None" w15:userId="{name}"/>'
            "</w15:person></w15:people>").encode(),
        "word/glossary/document.xml": (
            f'<w:glossaryDocument xmlns:w="{_W_NS}"><w:docParts><w:docPart><w:docPartPr>'
            f'<w:name w:val="{name} signature"/><w:category><w:name w:val="General"/><w:gallery w:val="placeholder"/>'
            f'</w:category></w:docPartPr><w:docPartBody><w:p><w:r><w:t>Signed: {name}</w:t></w:r></w:p>'
            "</w:docPartBody></w:docPart></w:docParts></w:glossaryDocument>").encode(),
        "word/activeX/activeX1.xml": (
            '<ax:ocx xmlns:ax="http://schemas.microsoft.com/office/2006/activeX" '
            'ax:classid="{8BD21D40-EC42-11CE-9E0D-00AA006002F3}" ax:persistence="persistPropertyBag">'
            f'<ax:ocxPr ax:name="Caption" ax:value="{name}"/></ax:ocx>').encode(),
        "word/embeddings/oleObject1.bin": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + name.encode() + b"\x00"
                                            + name.encode("utf-16-le")),
        "word/vbaProject.bin": b"\xcc\x61" + f'Attribute VB_Name = "{name}"'.encode() + b"\x00",
        "docProps/custom.xml": (
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Owner">'
            f"<vt:lpwstr>{name}</vt:lpwstr></property></Properties>").encode(),
        "docProps/thumbnail.jpeg": jpeg_with_comment(f"Thumbnail by {name}"),
    }


def every_part_template(path: Path) -> Path:
    """A template that renders `RECORD` and carries Peter Hall's name in every kind of part a Word
    package can hold: printer settings, a shown PNG's text chunks and alt text, the thumbnail, an XML
    comment and a processing instruction, an altChunk, custom XML, comments, people, the glossary,
    ActiveX, an embedded object, a VBA project, custom properties, a field code and its result, a
    bookmark's name and two hyperlink targets."""
    import tempfile

    document = Document()
    document.sections[0].header.paragraphs[0].text = "{{ marking }}"
    document.add_paragraph("{{ title }}")
    with tempfile.TemporaryDirectory() as folder:
        picture = Path(folder) / "photo.png"
        picture.write_bytes(png_with_text(PART_NAME))
        shape = document.add_picture(str(picture))
    shape._inline.docPr.set("descr", f"Photo of {PART_NAME}")
    merged = document.add_paragraph("Addressee: ")
    for run in _field_runs(" MERGEFIELD Peter_Hall ", PART_NAME):
        merged._p.append(run)
    merged._p.append(_run(" (merged)"))
    marked = document.add_paragraph("Site notes ")
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), "0")
    start.set(qn("w:name"), "Peter_Hall")
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), "0")
    marked._p.append(start)
    marked._p.append(_run("follow."))
    marked._p.append(end)
    links = document.add_paragraph("Questions: ")
    _external_link(document, links, MAILTO, "email the estates officer")
    links._p.append(_run(" or see the "))
    _external_link(document, links, STAFF_PAGE, "staff page")
    plain = path.with_suffix(".plain.docx")
    document.save(plain)
    extras = _every_part_extras()
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if item.filename in extras:
                continue  # python-docx's default template has its own thumbnail and custom XML: ours replace them
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b"<w:sectPr", EVERY_PART_BODY.encode() + b"<w:sectPr", 1)
            elif item.filename == "[Content_Types].xml":
                # Each declared once: python-docx's default template already declares jpeg.
                entries = re.findall(r"<[^>]+/>", EVERY_PART_CONTENT_TYPES)
                added = "".join(entry for entry in entries
                                if re.search(r'(?:Extension|PartName)="[^"]+"', entry).group(0).encode() not in data)
                data = data.replace(b"</Types>", added.encode() + b"</Types>")
            elif item.filename in EVERY_PART_RELATIONSHIPS:
                # One relationship per target: python-docx's default template already relates its thumbnail.
                added = "".join(f'<Relationship Id="{rid}" Type="{kind}" Target="{where}"/>'
                                for rid, kind, where in EVERY_PART_RELATIONSHIPS[item.filename]
                                if f'Target="{where}"'.encode() not in data)
                data = data.replace(b"</Relationships>", added.encode() + b"</Relationships>")
            target.writestr(item, data)
        for name, data in extras.items():
            target.writestr(name, data)
    plain.unlink()
    return path


def template_with_body_xml(path: Path, body_xml: str) -> Path:
    """A template rendering `{{ title }}` followed by `body_xml` (body elements) as written."""
    document = Document()
    document.add_paragraph("{{ title }}")
    plain = path.with_suffix(".plain.docx")
    document.save(plain)
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b"<w:sectPr", body_xml.encode() + b"<w:sectPr", 1)
            target.writestr(item, data)
    plain.unlink()
    return path


def split_field_paragraph(pieces: list[str], result: str) -> str:
    """A paragraph "Addressee: <field> (merged)" whose field code is written over several w:instrText
    runs, as Word writes a field code typed or edited in more than one go."""
    instructions = "".join(f'<w:r><w:instrText xml:space="preserve">{piece}</w:instrText></w:r>' for piece in pieces)
    return (f'<w:p xmlns:w="{_W_NS}"><w:r><w:t xml:space="preserve">Addressee: </w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>' + instructions
            + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f'<w:r><w:t>{result}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
            '<w:r><w:t xml:space="preserve"> (merged)</w:t></w:r></w:p>')
