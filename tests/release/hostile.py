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
