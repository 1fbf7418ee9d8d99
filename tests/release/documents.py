"""Word documents for the release tests, made by the tests themselves: from python-docx, from
LibreOffice (an HTML file converted), and with WordprocessingML parts only Word writes (tracked
changes, a comment, a MERGEFIELD, a text box, a footnote, an embedded object) put in by hand."""

from __future__ import annotations

import struct
import subprocess
import zipfile
import zlib
from pathlib import Path

import docx
from docx.enum.section import WD_SECTION
from docx.oxml.ns import qn
from docx.oxml import OxmlElement

SECRET = "Helen Brackley"
"""A person named by a terms file (category PERSON)."""
SUM = "£48,120"
REFERENCE = "REF-123456"
"""Matched by the terms file's pattern."""
TERMS = """\
terms:
  - {text: "Helen Brackley", code: "S40(2)", category: PERSON}
  - {text: "£48,120", code: "S43"}
  - {pattern: '\\bREF-\\d{6}\\b', code: "S38"}
"""
UNMARKED = ("Titania Jones", "Oberon Smith")
"""Only in what Word's own structures hold (a deleted tracked change, a comment): gone without a term."""

R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def write_terms(folder: Path, text: str = TERMS) -> Path:
    path = folder / "terms.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def tiny_png() -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0\xff\x00\x00"))
            + chunk(b"IEND", b""))


def _hyperlink(paragraph, url: str, text: str) -> None:
    relationship = paragraph.part.relate_to(url, f"{R}/hyperlink", is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relationship)
    run = OxmlElement("w:r")
    shown = OxmlElement("w:t")
    shown.text = text
    run.append(shown)
    link.append(run)
    paragraph._p.append(link)


def python_docx_document(path: Path, *, image: bool = False) -> Path:
    """Paragraphs, a table, two sections with their own headers and footers, a mailto: link."""
    document = docx.Document()
    document.add_heading("Contract review", level=1)
    document.add_paragraph(f"{SECRET} met the supplier about {REFERENCE} and a claim of {SUM}.")
    document.add_paragraph("Mrs Brackley agreed to write to the board.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Owner", "Amount"
    table.cell(1, 0).text, table.cell(1, 1).text = "H. Brackley", f"{SUM} owed"
    link = document.add_paragraph("Write to ")
    _hyperlink(link, "mailto:helen.brackley@example.gov.uk", "the contract manager")
    if image:
        picture = tiny_png_path(path.parent)
        document.add_picture(str(picture))
    document.sections[0].header.paragraphs[0].text = f"Prepared by {SECRET}"
    document.sections[0].footer.paragraphs[0].text = f"Reference {REFERENCE}"
    second = document.add_section(WD_SECTION.NEW_PAGE)
    second.header.is_linked_to_previous = False
    second.footer.is_linked_to_previous = False
    second.header.paragraphs[0].text = "Annex: notes for Ms Brackley"
    second.footer.paragraphs[0].text = f"Sum {SUM}"
    document.add_paragraph("The annex keeps its own header and footer.")
    document.save(path)
    return path


def tiny_png_path(folder: Path) -> Path:
    picture = folder / "dot.png"
    picture.write_bytes(tiny_png())
    return picture


def libreoffice_document(path: Path, office: str, work: Path) -> Path:
    """An HTML page converted to .docx by LibreOffice, with a private profile."""
    html = work / f"{path.stem}.html"
    html.write_text(f"""<html><head><meta charset="utf-8"><title>Board notes</title></head><body>
<h1>Board notes</h1>
<p>The chair thanked {SECRET} for the report on {REFERENCE}.</p>
<table border="1"><tr><th>Item</th><th>Cost</th></tr><tr><td>Licences</td><td>{SUM}</td></tr></table>
<p>Next steps were agreed with Dr Brackley.</p>
</body></html>""", encoding="utf-8")
    profile = (work / "profile").as_uri()
    subprocess.run([office, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to",
                    "docx:MS Word 2007 XML", "--outdir", str(work), str(html)],
                   check=True, capture_output=True, timeout=300)
    converted = work / f"{path.stem}.docx"
    if converted != path:
        converted.replace(path)
    return path


BODY_EXTRAS = f"""
<w:p><w:r><w:t xml:space="preserve">Agreed with </w:t></w:r><w:del w:id="90" w:author="Oberon Smith" w:date="2026-01-01T00:00:00Z"><w:r><w:delText>Titania Jones</w:delText></w:r></w:del><w:ins w:id="91" w:author="Oberon Smith" w:date="2026-01-01T00:00:00Z"><w:r><w:t>the panel</w:t></w:r></w:ins><w:r><w:t xml:space="preserve"> today.</w:t></w:r></w:p>
<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>A remark was made.</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Dear </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> MERGEFIELD {SECRET.replace(' ', '_')} \\* MERGEFORMAT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>colleague</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>, thank you.</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Merge field for </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> MERGEFIELD "{SECRET}" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>the officer</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">See the box: </w:t></w:r><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml" id="box1" style="width:200pt;height:40pt"><v:textbox><w:txbxContent><w:p><w:r><w:t>Boxed note from {SECRET} on {REFERENCE}.</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">As footnoted</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r><w:r><w:t>.</w:t></w:r></w:p>
<w:p><w:r><w:object><v:shape xmlns:v="urn:schemas-microsoft-com:vml" id="ole1" style="width:20pt;height:20pt"/><o:OLEObject xmlns:o="urn:schemas-microsoft-com:office:office" Type="Embed" ProgID="Package" ShapeID="ole1" r:id="rIdOle1"/></w:object></w:r></w:p>
"""
COMMENTS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:comments xmlns:w="{W}"><w:comment w:id="0" w:author="Oberon Smith" w:initials="OS"><w:p><w:r><w:t>Ask Oberon Smith about {SECRET}.</w:t></w:r></w:p></w:comment></w:comments>"""
FOOTNOTES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="{W}">
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Source: {SECRET}, claim {SUM}.</w:t></w:r></w:p></w:footnote>
</w:footnotes>"""
PARTS = {
    "word/comments.xml": ("application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml",
                          f"{R}/comments", "rIdComments", COMMENTS.encode()),
    "word/footnotes.xml": ("application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                           f"{R}/footnotes", "rIdFootnotes", FOOTNOTES.encode()),
    "word/embeddings/oleObject1.bin": ("application/vnd.openxmlformats-officedocument.oleObject",
                                       f"{R}/oleObject", "rIdOle1", b"\xd0\xcf\x11\xe0 Helen Brackley object"),
}


def word_document(path: Path) -> Path:
    """A python-docx document with what only Word writes added to its parts by hand."""
    base = path.with_name(f"{path.stem}-base.docx")
    python_docx_document(base)
    with zipfile.ZipFile(base) as source:
        entries = {name: source.read(name) for name in source.namelist()}
    body = entries["word/document.xml"].decode("utf-8")
    position = body.rindex("<w:sectPr")
    entries["word/document.xml"] = (body[:position] + BODY_EXTRAS + body[position:]).encode("utf-8")
    types = entries["[Content_Types].xml"].decode("utf-8")
    rels = entries["word/_rels/document.xml.rels"].decode("utf-8")
    for name, (content_type, relationship, ident, content) in PARTS.items():
        entries[name] = content
        types = types.replace("</Types>", f'<Override PartName="/{name}" ContentType="{content_type}"/></Types>')
        rels = rels.replace("</Relationships>", f'<Relationship Id="{ident}" Type="{relationship}" '
                            f'Target="{name.removeprefix("word/")}"/></Relationships>')
    entries["[Content_Types].xml"] = types.encode("utf-8")
    entries["word/_rels/document.xml.rels"] = rels.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, content in entries.items():
            target.writestr(name, content)
    base.unlink()
    return path


def bad_inputs(folder: Path) -> dict[str, Path]:
    """Files a release must refuse, each with what it is."""
    good = python_docx_document(folder / "good.docx")
    data = good.read_bytes()
    doc = folder / "old.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "WordDocument".encode("utf-16-le"))
    encrypted = folder / "locked.docx"
    encrypted.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "EncryptionInfo".encode("utf-16-le")
                          + b"\0" * 64 + "EncryptedPackage".encode("utf-16-le"))
    odt = folder / "notes.odt"
    with zipfile.ZipFile(odt, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", "<office:document-content/>")
    docm = folder / "macros.docm"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(docm, "w") as target:
        for name in source.namelist():
            content = source.read(name)
            if name == "[Content_Types].xml":
                content = content.replace(b"wordprocessingml.document.main+xml",
                                          b"PLACEHOLDER").replace(
                    b"application/vnd.openxmlformats-officedocument.PLACEHOLDER",
                    b"application/vnd.ms-word.document.macroEnabled.main+xml")
            target.writestr(name, content)
    truncated = folder / "cut.docx"
    truncated.write_bytes(data[: len(data) // 2])
    good.unlink()
    return {"Word 97-2003": doc, "encrypted": encrypted, "OpenDocument": odt, "macro-enabled": docm,
            "damaged or incomplete": truncated}
