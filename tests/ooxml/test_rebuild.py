"""The allow-list rebuild, against a Word document that hides a name everywhere Word lets it.

Whether the name survived is decided by a search written here, not by the release's own
verification: a check that shares the code it checks misses what that code misses.
"""

from __future__ import annotations

import io
import re
import struct
import subprocess
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from minutes_kit.errors import InputUnreadable
from minutes_kit.ooxml.constants import CT_MAIN_DOCUMENT, CT_MAIN_DOCUMENT_MACRO_ENABLED, CT_PNG, CT_SETTINGS, CT_STYLES
from minutes_kit.ooxml.images import strip_jpeg, strip_png
from minutes_kit.ooxml.package import Package
from minutes_kit.ooxml.rebuild import DroppedPart, clean_part, rebuild
from tests.conftest import pdf_pages

NAME = "Helen Brackley"
NEEDLE = "brackley"

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
O = "urn:schemas-microsoft-com:office:office"
PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MICROSOFT_RELS = "http://schemas.microsoft.com/office"
FIXTURE_NAMESPACES = {
    "w": W, "r": R, "o": O, "v": "urn:schemas-microsoft-com:vml",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "w14": "http://schemas.microsoft.com/office/word/2010/wordml",
}
DECLARATIONS = "".join(f' xmlns:{prefix}="{uri}"' for prefix, uri in FIXTURE_NAMESPACES.items())

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


# ---------------------------------------------------------------- the oracle

def png_chunks(data: bytes) -> Iterator[tuple[bytes, bytes]]:
    offset = len(PNG_SIGNATURE)
    while offset + 8 <= len(data):
        (length,) = struct.unpack_from(">I", data, offset)
        yield data[offset + 4:offset + 8], data[offset + 8:offset + 8 + length]
        offset += 12 + length


def readable_texts(data: bytes) -> Iterator[str]:
    """Every reading of `data` in which a name could be found: as UTF-8, as UTF-16 in either byte
    order starting at an even or an odd offset, and the compressed text of a PNG."""
    yield data.decode("utf-8", "replace")
    for codec in ("utf-16-le", "utf-16-be"):
        for start in (0, 1):
            body = data[start:]
            yield body[:len(body) - len(body) % 2].decode(codec, "replace")
    if data.startswith(PNG_SIGNATURE):
        for kind, body in png_chunks(data):
            if kind == b"zTXt":
                yield zlib.decompress(body.split(b"\x00", 1)[1][1:]).decode("latin-1")
            elif kind == b"iTXt":
                rest = body.split(b"\x00", 1)[1]
                compressed, text = rest[0], rest[2:].split(b"\x00", 2)[2]
                yield (zlib.decompress(text) if compressed else text).decode("utf-8", "replace")


def holds_name(data: bytes) -> bool:
    return any(NEEDLE in text.casefold() for text in readable_texts(data))


def entries_holding_name(path: Path) -> set[str]:
    with zipfile.ZipFile(path) as archive:
        return {info.filename for info in archive.infolist()
                if NEEDLE in info.filename.casefold() or holds_name(archive.read(info))}


# ---------------------------------------------------------------- building hostile files

def png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


IHDR = png_chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
IDAT = png_chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00\x00\xff\x00" * 2))
IEND = png_chunk(b"IEND", b"")
PHYS = png_chunk(b"pHYs", struct.pack(">IIB", 3780, 3780, 1))
TEXT = png_chunk(b"tEXt", b"Author\x00" + NAME.encode("latin-1"))
ZTXT = png_chunk(b"zTXt", b"Comment\x00\x00" + zlib.compress(NAME.encode("latin-1")))
HOSTILE_PNG = PNG_SIGNATURE + IHDR + TEXT + PHYS + ZTXT + IDAT + IEND


def jpeg_segment(marker: int, payload: bytes) -> bytes:
    return bytes((0xFF, marker)) + struct.pack(">H", len(payload) + 2) + payload


JFIF_WITH_THUMBNAIL = b"JFIF\x00\x01\x01\x01\x00\x48\x00\x48\x01\x01\x10\x20\x30"
JFIF_WITHOUT_THUMBNAIL = b"JFIF\x00\x01\x01\x01\x00\x48\x00\x48\x00\x00"
ADOBE = b"Adobe\x00\x64\x00\x00\x00\x00\x01"
DQT = jpeg_segment(0xDB, b"\x00" + bytes(range(64)))
SOF0 = jpeg_segment(0xC0, b"\x08\x00\x01\x00\x01\x01\x01\x11\x00")
DHT = jpeg_segment(0xC4, b"\x00" + b"\x01" + bytes(15) + b"\x00")
SOS = jpeg_segment(0xDA, b"\x01\x01\x00\x00\x3f\x00")
SCAN = b"\x12\xff\x00\x34\xff\xd0\x56"
SOI, EOI = b"\xff\xd8", b"\xff\xd9"
HOSTILE_JPEG = (
    SOI + jpeg_segment(0xE0, JFIF_WITH_THUMBNAIL) + jpeg_segment(0xE1, b"Exif\x00\x00" + NAME.encode())
    + jpeg_segment(0xE2, b"ICC_PROFILE\x00" + NAME.encode()) + jpeg_segment(0xEE, ADOBE)
    + jpeg_segment(0xFE, NAME.encode()) + DQT + SOF0 + DHT + SOS + SCAN + EOI + NAME.encode()
)
GIF = (b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00"
       b",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;")

BODY_ADDITIONS = (
    f"<!-- drafted by {NAME} --><?mso-reviewer {NAME}?>"
    '<w:altChunk r:id="rIdAlt"/>'
    '<w:p><w:r><w:object><o:OLEObject Type="Embed" ProgID="Package" ShapeID="_x0000_i1025" r:id="rIdOle"/>'
    "</w:object></w:r></w:p>"
    '<w:p><w:r><w:pict><w:control r:id="rIdAx" w:name="TextBox1"/></w:pict></w:r></w:p>'
)
COMMENTED = '<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>Item 1: the committee met.</w:t></w:r>' \
            '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>'
SETTINGS_ADDITIONS = (
    '<w:attachedTemplate r:id="rIdTpl"/>'
    f'<w:docVars><w:docVar w:name="owner" w:val="{NAME}"/></w:docVars>'
)
DOCUMENT_RELATIONSHIPS = {
    "rIdAlt": (f"{OFFICE_RELS}/aFChunk", "afchunk.htm"),
    "rIdOle": (f"{OFFICE_RELS}/oleObject", "embeddings/oleObject1.bin"),
    "rIdAx": (f"{OFFICE_RELS}/control", "activeX/activeX1.xml"),
    "rIdCom": (f"{OFFICE_RELS}/comments", "comments.xml"),
    "rIdPeople": (f"{MICROSOFT_RELS}/2011/relationships/people", "people.xml"),
    "rIdGloss": (f"{OFFICE_RELS}/glossaryDocument", "glossary/document.xml"),
    "rIdVba": (f"{MICROSOFT_RELS}/2006/relationships/vbaProject", "vbaProject.bin"),
    "rIdPrint": (f"{OFFICE_RELS}/printerSettings", "printerSettings/printerSettings1.bin"),
}
CONTENT_TYPES_ADDITIONS = (
    '<Default Extension="htm" ContentType="application/xhtml+xml"/>'
    '<Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.oleObject"/>'
    '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>'
    '<Override PartName="/word/people.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.people+xml"/>'
    '<Override PartName="/word/glossary/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.glossary+xml"/>'
    '<Override PartName="/word/activeX/activeX1.xml" ContentType="application/vnd.ms-office.activeX+xml"/>'
    '<Override PartName="/word/vbaProject.bin" ContentType="application/vnd.ms-office.vbaProject"/>'
    '<Override PartName="/word/vbaData.xml" ContentType="application/vnd.ms-word.vbaData+xml"/>'
    '<Override PartName="/word/printerSettings/printerSettings1.bin" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.printerSettings"/>'
    '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>'
)
HOSTILE_PARTS = {
    "word/afchunk.htm": f"<html><body><p>{NAME}</p></body></html>".encode(),
    "word/embeddings/oleObject1.bin": NAME.encode("utf-16-le"),
    "word/activeX/activeX1.xml": (
        '<ax:ocx xmlns:ax="http://schemas.microsoft.com/office/2006/activeX" ax:classid="{8BD21D10-EC42-11CE-9E0D-00AA006002F3}">'
        f'<ax:ocxPr ax:name="Value" ax:value="{NAME}"/></ax:ocx>').encode(),
    "word/comments.xml": (
        f'<w:comments xmlns:w="{W}"><w:comment w:id="0" w:author="{NAME}" w:initials="HB">'
        "<w:p><w:r><w:t>see me</w:t></w:r></w:p></w:comment></w:comments>").encode(),
    "word/people.xml": (
        '<w15:people xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">'
        f'<w15:person w15:author="{NAME}"/></w15:people>').encode(),
    "word/glossary/document.xml": (
        f'<w:glossaryDocument xmlns:w="{W}"><w:docParts><w:docPart><w:docPartBody>'
        f"<w:p><w:r><w:t>{NAME}</w:t></w:r></w:p></w:docPartBody></w:docPart></w:docParts></w:glossaryDocument>").encode(),
    "word/vbaProject.bin": b"\xd0\xcf\x11\xe0" + NAME.encode(),
    "word/_rels/vbaProject.bin.rels": (
        f'<Relationships xmlns="{PACKAGE_RELS}"><Relationship Id="rId1" '
        f'Type="{MICROSOFT_RELS}/2006/relationships/wordVbaData" Target="vbaData.xml"/></Relationships>').encode(),
    "word/vbaData.xml": f'<wne:vbaSuppData xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml"><wne:mcds><wne:mcd wne:macroName="{NAME}"/></wne:mcds></wne:vbaSuppData>'.encode(),
    "word/printerSettings/printerSettings1.bin": b"\x00" + NAME.encode("utf-16-le") + b"\x00\x00\x00",
    "word/_rels/settings.xml.rels": (
        f'<Relationships xmlns="{PACKAGE_RELS}"><Relationship Id="rIdTpl" Type="{OFFICE_RELS}/attachedTemplate" '
        'Target="file:///C:/Users/Helen%20Brackley/Templates/Normal.dotm" TargetMode="External"/></Relationships>').encode(),
    "docProps/custom.xml": (
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Owner">'
        f"<vt:lpwstr>{NAME}</vt:lpwstr></property></Properties>").encode(),
}
PLANTED = {
    "docProps/thumbnail.jpeg", "docProps/core.xml", "docProps/app.xml", "docProps/custom.xml", "customXml/item1.xml",
    "word/document.xml", "word/settings.xml", "word/_rels/settings.xml.rels", "word/media/Brackley-photo.png",
    "word/_rels/document.xml.rels", *(name for name in HOSTILE_PARTS if "_rels" not in name),
}
"""Every entry of the hostile file that holds the name; the oracle must find each (or it proves nothing)."""


def _relationships(data: bytes, additions: dict[str, tuple[str, str]]) -> bytes:
    root = etree.fromstring(data)
    for identifier, (relationship_type, target) in additions.items():
        etree.SubElement(root, f"{{{PACKAGE_RELS}}}Relationship", Id=identifier, Type=relationship_type, Target=target)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _rename_picture(relationships: bytes, document: bytes) -> tuple[bytes, bytes]:
    """Name the picture's part and relationship after the person, as an author's file names can."""
    root = etree.fromstring(relationships)
    [picture] = [element for element in root if element.get("Type") == RELATIONSHIP_TYPE.IMAGE]
    old_id = picture.get("Id")
    picture.set("Id", "rIdBrackley")
    picture.set("Target", "media/Brackley-photo.png")
    document = document.replace(f'r:embed="{old_id}"'.encode(), b'r:embed="rIdBrackley"')
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True), document


def plain_document(path: Path, picture: bytes = HOSTILE_PNG) -> Path:
    document = docx.Document()
    document.core_properties.author = NAME
    document.sections[0].header.paragraphs[0].text = "OFFICIAL-SENSITIVE"
    document.add_heading("Contract performance group", level=1)
    document.add_paragraph("Opening remarks.")
    document.add_picture(io.BytesIO(picture))
    link = document.add_paragraph("Questions: ")
    relationship = document.part.relate_to("mailto:clerk@example.org", RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    hyperlink = OxmlElement("w:hyperlink")
    hyperlink.set(qn("r:id"), relationship)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "write to the clerk"
    run.append(text)
    hyperlink.append(run)
    link._p.append(hyperlink)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Action"
    table.rows[0].cells[1].text = "Owner: the chair"
    document.save(path)
    return path


def hostile_document(path: Path) -> Path:
    """A Word document holding `NAME` in every place the rebuild must leave behind or clean."""
    plain = plain_document(path.with_suffix(".plain.docx"))
    with zipfile.ZipFile(plain) as source:
        entries = {info.filename: source.read(info) for info in source.infolist()}
    plain.unlink()
    entries["word/_rels/document.xml.rels"], entries["word/document.xml"] = _rename_picture(
        _relationships(entries["word/_rels/document.xml.rels"], DOCUMENT_RELATIONSHIPS), entries["word/document.xml"])
    entries["word/media/Brackley-photo.png"] = entries.pop("word/media/image1.png")
    entries["word/document.xml"] = (
        entries["word/document.xml"]
        .replace(b"<w:p>", b'<w:p w:rsidR="00A1B2C3" w:rsidRDefault="00A1B2C3">', 1)
        .replace(b"<w:sectPr", (COMMENTED + BODY_ADDITIONS).encode() + b"<w:sectPr", 1)
    )
    entries["word/settings.xml"] = entries["word/settings.xml"].replace(
        b'<w:zoom w:val="bestFit"/>', b'<w:zoom w:val="bestFit"/>' + SETTINGS_ADDITIONS.encode())
    entries["_rels/.rels"] = _relationships(entries["_rels/.rels"], {
        "rIdCustom": (f"{OFFICE_RELS}/custom-properties", "docProps/custom.xml")})
    entries["[Content_Types].xml"] = entries["[Content_Types].xml"].replace(
        b"</Types>", CONTENT_TYPES_ADDITIONS.encode() + b"</Types>")
    entries["docProps/thumbnail.jpeg"] = HOSTILE_JPEG
    entries["docProps/app.xml"] = entries["docProps/app.xml"].replace(
        b"</Properties>", f"<Company>{NAME}</Company></Properties>".encode())
    entries["customXml/item1.xml"] = f"<minutes><owner>{NAME}</owner></minutes>".encode()
    entries.update(HOSTILE_PARTS)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return path


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    return hostile_document(tmp_path_factory.mktemp("hostile") / "hostile.docx")


@pytest.fixture(scope="module")
def released(hostile, tmp_path_factory) -> tuple[Path, list[DroppedPart]]:
    package = Package(hostile)
    dropped = rebuild(package)
    path = tmp_path_factory.mktemp("released") / "released.docx"
    package.save(path)
    return path, dropped


def xml_parts(path: Path) -> dict[str, etree._Element]:
    with zipfile.ZipFile(path) as archive:
        return {name: etree.fromstring(archive.read(name)) for name in archive.namelist()
                if name.endswith((".xml", ".rels"))}


# ---------------------------------------------------------------- the hostile document end to end

def test_the_oracle_finds_the_name_in_every_part_it_was_planted_in(hostile):
    assert entries_holding_name(hostile) == PLANTED


def test_the_rebuilt_package_holds_the_name_nowhere(released):
    path, _ = released
    assert entries_holding_name(path) == set()


def test_every_part_left_behind_is_listed_with_what_it_was_and_why(released):
    _, dropped = released
    assert sorted(part.describe() for part in dropped) == sorted([
        "docProps/core.xml (core properties): written afresh, empty",
        "docProps/app.xml (extended properties): written afresh, empty",
        "docProps/thumbnail.jpeg (thumbnail): not on the release allow-list",
        "docProps/custom.xml (custom properties): not on the release allow-list",
        "customXml/item1.xml (custom XML): not on the release allow-list",
        "customXml/itemProps1.xml (custom XML properties): not on the release allow-list",
        "word/stylesWithEffects.xml (styles with effects): not on the release allow-list",
        "word/afchunk.htm (altChunk): not on the release allow-list",
        "word/embeddings/oleObject1.bin (embedded object): not on the release allow-list",
        "word/activeX/activeX1.xml (ActiveX control): not on the release allow-list",
        "word/comments.xml (comments): not on the release allow-list",
        "word/people.xml (people): not on the release allow-list",
        "word/glossary/document.xml (glossary): not on the release allow-list",
        "word/vbaProject.bin (VBA project): not on the release allow-list",
        "word/vbaData.xml (VBA data): not on the release allow-list",
        "word/printerSettings/printerSettings1.bin (printer settings): not on the release allow-list",
        "word/settings.xml (external attached template link): only hyperlinks may point outside the release",
    ])
    thumbnail = next(part for part in dropped if part.name == "docProps/thumbnail.jpeg")
    assert thumbnail == DroppedPart("docProps/thumbnail.jpeg", "thumbnail", "image/jpeg",
                                    "not on the release allow-list")


def test_the_package_holds_only_allow_listed_parts_under_fresh_names(released):
    path, _ = released
    with zipfile.ZipFile(path) as archive:
        assert archive.namelist() == [
            "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
            "word/document.xml", "word/_rels/document.xml.rels", "word/styles.xml", "word/settings.xml",
            "word/webSettings.xml", "word/fontTable.xml", "word/theme/theme1.xml", "word/numbering.xml",
            "word/header1.xml", "word/media/image1.png",
        ]


def test_the_picture_still_displays_without_its_text_chunks(released):
    path, _ = released
    document = docx.Document(path)
    assert len(document.inline_shapes) == 1
    [image] = [part for part in document.part.package.iter_parts() if part.content_type == CT_PNG]
    assert image.blob == PNG_SIGNATURE + IHDR + PHYS + IDAT + IEND


def test_the_text_word_shows_is_unchanged(hostile, released):
    path, _ = released
    before, after = docx.Document(hostile), docx.Document(path)
    assert [p.text for p in after.paragraphs] == [p.text for p in before.paragraphs]
    assert "Item 1: the committee met." in [p.text for p in after.paragraphs]
    assert after.sections[0].header.paragraphs[0].text == "OFFICIAL-SENSITIVE"
    assert [cell.text for cell in after.tables[0].rows[0].cells] == ["Action", "Owner: the chair"]
    [link] = [r for r in after.part.rels.values() if r.reltype == RELATIONSHIP_TYPE.HYPERLINK]
    assert (link.is_external, link.target_ref) == (True, "mailto:clerk@example.org")


def test_no_kept_part_names_a_relationship_its_rels_do_not_hold(released):
    path, _ = released
    parts = xml_parts(path)
    for name, root in parts.items():
        if name.endswith(".rels") or name == "[Content_Types].xml":
            continue
        folder, base = name.rsplit("/", 1) if "/" in name else ("", name)
        rels = parts.get(f"{folder}/_rels/{base}.rels".lstrip("/"))
        known = set() if rels is None else {relationship.get("Id") for relationship in rels}
        named = {value for element in root.iter() for attribute, value in element.attrib.items()
                 if attribute.startswith(f"{{{R}}}") or attribute == f"{{{O}}}relid"}
        assert named <= known, name


def test_every_part_has_a_content_type_and_every_internal_target_exists(released):
    path, _ = released
    package = Package(path)
    for name in package.names():
        assert package.content_type(name), name
    for rels_name in package.relationship_parts():
        for relationship in package.relationships(Package.source_of(rels_name)):
            assert relationship.is_external or relationship.target in package.names(), relationship


def test_kept_xml_has_no_comments_instructions_rsids_or_embedded_content(released):
    path, _ = released
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.endswith(".xml"):
                text = archive.read(name).decode()
                assert not re.search(r"<!--|<\?(?!xml )|rsid|w14:paraId|docVar|attachedTemplate", text), name
        body = archive.read("word/document.xml").decode()
    for tag in ("altChunk", "object", "control", "commentRangeStart", "commentReference"):
        assert f"<w:{tag}" not in body


def test_the_rebuilt_file_opens_in_libreoffice(office, released, tmp_path):
    path, _ = released
    profile = (tmp_path / "profile").as_uri()
    subprocess.run([office, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                   capture_output=True, timeout=300, check=True)
    [page] = pdf_pages(tmp_path / "released.pdf")
    for text in ("Contract performance group", "Item 1: the committee met.", "write to the clerk", "Owner: the chair"):
        assert text in page
    assert NEEDLE not in page.casefold()


# ---------------------------------------------------------------- other packages

def _edited(path: Path, edit) -> Path:
    """`path` rewritten with `edit(entries)` applied to its entries (a dict of name to bytes)."""
    with zipfile.ZipFile(path) as archive:
        entries = {info.filename: archive.read(info) for info in archive.infolist()}
    edit(entries)
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return path


def _with_content_type(path: Path, old: str, new: str) -> Path:
    def edit(entries: dict[str, bytes]) -> None:
        entries["[Content_Types].xml"] = entries["[Content_Types].xml"].replace(old.encode(), new.encode())
    return _edited(path, edit)


def test_an_unreadable_image_and_a_second_styles_part_are_left_behind(tmp_path):
    damaged = HOSTILE_PNG.replace(TEXT, TEXT[:-1] + bytes([TEXT[-1] ^ 1]))

    def second_styles(entries: dict[str, bytes]) -> None:
        entries["word/styles2.xml"] = entries["word/styles.xml"]
        entries["word/_rels/document.xml.rels"] = _relationships(
            entries["word/_rels/document.xml.rels"], {"rIdStyles2": (f"{OFFICE_RELS}/styles", "styles2.xml")})
        entries["[Content_Types].xml"] = entries["[Content_Types].xml"].replace(
            b"</Types>", f'<Override PartName="/word/styles2.xml" ContentType="{CT_STYLES}"/></Types>'.encode())

    source = _edited(plain_document(tmp_path / "damaged.docx", picture=damaged), second_styles)
    package = Package(source)
    dropped = {part.name: part.reason for part in rebuild(package)}
    assert dropped["word/media/image1.png"] == "could not be read, so could not be cleaned"
    assert dropped["word/styles2.xml"] == "a second part of a kind a document has once"
    assert "<w:drawing" not in package.blob("word/document.xml").decode()


def test_entities_a_part_declares_are_not_carried_into_the_release(tmp_path):
    def declare(entries: dict[str, bytes]) -> None:
        entries["word/document.xml"] = entries["word/document.xml"].replace(
            b"?>", f'?><!DOCTYPE w:document [<!ENTITY owner "{NAME}">]>'.encode(), 1
        ).replace(b"<w:t>Opening remarks.</w:t>", b"<w:t>Opening remarks by &owner;.</w:t>")

    package = Package(_edited(plain_document(tmp_path / "entity.docx"), declare))
    rebuild(package)
    document = package.blob("word/document.xml")
    assert b"<w:t>Opening remarks by .</w:t>" in document
    assert not holds_name(document) and b"DOCTYPE" not in document


def test_a_gif_is_left_behind_with_its_drawing(tmp_path):
    source = plain_document(tmp_path / "gif.docx", picture=GIF)
    package = Package(source)
    dropped = rebuild(package)
    assert [part.describe() for part in dropped if part.name.startswith("word/media/")] == [
        "word/media/image1.gif (image): only PNG and JPEG images are released, after their metadata is stripped"]
    package.save(tmp_path / "released.docx")
    released = docx.Document(tmp_path / "released.docx")
    assert len(released.inline_shapes) == 0
    assert [p.text for p in released.paragraphs] == [p.text for p in docx.Document(source).paragraphs]


def test_a_macro_enabled_document_is_released_as_a_plain_one(tmp_path):
    source = _with_content_type(plain_document(tmp_path / "macro.docx"), CT_MAIN_DOCUMENT, CT_MAIN_DOCUMENT_MACRO_ENABLED)
    package = Package(source)
    rebuild(package)
    assert package.content_type("word/document.xml") == CT_MAIN_DOCUMENT


def test_a_package_without_a_word_main_document_is_refused(tmp_path):
    source = _with_content_type(plain_document(tmp_path / "styles.docx"), CT_MAIN_DOCUMENT, CT_STYLES)
    package = Package(source)
    names = package.names()
    with pytest.raises(InputUnreadable, match="no Word main document"):
        rebuild(package)
    assert package.names() == names


def test_a_rebuilt_package_rebuilds_to_itself(released):
    path, _ = released
    package = Package(path)
    before = {name: package.blob(name) for name in package.names()}
    assert [part.describe() for part in rebuild(package)] == [
        "docProps/core.xml (core properties): written afresh, empty",
        "docProps/app.xml (extended properties): written afresh, empty",
    ]
    assert {name: package.blob(name) for name in package.names()} == before


def test_content_type_prefers_the_override_then_the_default_for_the_extension(hostile):
    package = Package(hostile)
    assert package.content_type("word/document.xml") == CT_MAIN_DOCUMENT
    assert package.content_type("WORD/Document.XML") == CT_MAIN_DOCUMENT
    assert package.content_type("word/media/Brackley-photo.png") == CT_PNG
    assert package.content_type("word/unknown.tiff") is None


# ---------------------------------------------------------------- parts cleaned, as exact XML

def fixture(text: str) -> etree._Element:
    return etree.fromstring(re.sub(r"^<([\w:]+)", lambda m: f"<{m.group(1)}{DECLARATIONS}", text, count=1))


def serialise(root: etree._Element) -> str:
    return etree.tostring(root, encoding="unicode").replace(DECLARATIONS, "")


def test_settings_keep_layout_and_lose_people_files_passwords_and_ids():
    settings = fixture(
        '<w:settings><w:zoom w:percent="100"/><w:attachedTemplate r:id="rId1"/>'
        '<w:documentProtection w:edit="readOnly" w:hash="9oN7nWkCAyEZib1RomSJTjmPpCY=" w:salt="ZUdHnMmhRdFWLfmJkfJkTw=="/>'
        '<w:trackRevisions/><w:defaultTabStop w:val="720"/>'
        '<w:mailMerge><w:mainDocumentType w:val="formLetters"/><w:dataSource r:id="rId2"/></w:mailMerge>'
        '<w:rsids><w:rsidRoot w:val="00B47730"/><w:rsid w:val="00B47730"/></w:rsids>'
        f'<w:docVars><w:docVar w:name="owner" w:val="{NAME}"/></w:docVars>'
        '<w14:docId w14:val="24062061"/><w:compat/></w:settings>'
    )
    clean_part(settings, CT_SETTINGS, {})
    assert serialise(settings) == '<w:settings><w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/><w:compat/></w:settings>'


def test_references_are_renumbered_and_dropped_ones_leave_no_empty_frame_or_half_alternative():
    body = fixture(
        '<w:body><w:p w:rsidR="00AB12CD" w:rsidRDefault="00AB12CD" w14:paraId="1A2B3C4D">'
        '<w:r w:rsidRPr="00AB12CD"><w:t>Before</w:t></w:r>'
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:inline><a:graphic><a:graphicData>'
        '<pic:pic><pic:blipFill><a:blip r:embed="rId7"/></pic:blipFill></pic:pic>'
        '</a:graphicData></a:graphic></wp:inline></w:drawing></mc:Choice>'
        '<mc:Fallback><w:pict><v:shape><v:imagedata r:id="rId7"/></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>'
        '<w:r><w:drawing><wp:inline><a:graphic><a:graphicData><pic:pic><pic:blipFill><a:blip r:embed="rId3"/>'
        '</pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'
        '<w:hyperlink r:id="rId9"><w:r><w:t>dropped link</w:t></w:r></w:hyperlink>'
        '<w:hyperlink r:id="rId4"><w:r><w:t>kept link</w:t></w:r></w:hyperlink></w:p>'
        '<w:altChunk r:id="rId4"/>'
        '<w:sectPr w:rsidR="00FC693F"><w:headerReference w:type="default" r:id="rId6"/></w:sectPr></w:body>'
    )
    clean_part(body, CT_MAIN_DOCUMENT, {"rId3": "rId1", "rId4": "rId2"})
    assert serialise(body) == (
        '<w:body><w:p><w:r><w:t>Before</w:t></w:r><w:r/>'
        '<w:r><w:drawing><wp:inline><a:graphic><a:graphicData><pic:pic><pic:blipFill><a:blip r:embed="rId1"/>'
        '</pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'
        '<w:r><w:t>dropped link</w:t></w:r>'
        '<w:hyperlink r:id="rId2"><w:r><w:t>kept link</w:t></w:r></w:hyperlink></w:p>'
        '<w:sectPr/></w:body>'
    )


def test_a_dropped_picture_inside_a_text_box_takes_the_picture_not_the_box():
    paragraph = fixture(
        '<w:p><w:r><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>In the box</w:t></w:r>'
        '<w:r><w:drawing><wp:inline><a:graphic><a:graphicData><pic:pic><pic:blipFill><a:blip r:embed="rId8"/>'
        '</pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>'
        '</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>'
    )
    clean_part(paragraph, CT_MAIN_DOCUMENT, {})
    assert serialise(paragraph) == (
        '<w:p><w:r><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>In the box</w:t></w:r><w:r/></w:p>'
        '</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>'
    )


def test_vml_legacy_relationship_ids_are_references_too():
    paragraph = fixture('<w:p><w:r><w:pict><v:shape><v:imagedata o:relid="rId5"/></v:shape></w:pict></w:r></w:p>')
    clean_part(paragraph, CT_MAIN_DOCUMENT, {"rId5": "rId1"})
    assert serialise(paragraph) == '<w:p><w:r><w:pict><v:shape><v:imagedata o:relid="rId1"/></v:shape></w:pict></w:r></w:p>'
    clean_part(paragraph, CT_MAIN_DOCUMENT, {})
    assert serialise(paragraph) == "<w:p><w:r/></w:p>"


# ---------------------------------------------------------------- images

def test_png_keeps_what_draws_the_picture_and_nothing_after_its_end():
    assert strip_png(HOSTILE_PNG + NAME.encode()) == PNG_SIGNATURE + IHDR + PHYS + IDAT + IEND


@pytest.mark.parametrize("damaged", [
    b"GIF89a" + HOSTILE_PNG[6:],
    PNG_SIGNATURE + TEXT + IHDR + IDAT + IEND,  # the header must come first
    PNG_SIGNATURE + IHDR + IDAT,  # no end
    PNG_SIGNATURE + IHDR + IEND,  # no pixels
    PNG_SIGNATURE + IHDR + IDAT[:-1] + b"\x00" + IEND,  # a wrong CRC
    PNG_SIGNATURE + IHDR + struct.pack(">I", 1000) + b"IDAT" + b"\x00" * 8,  # a chunk longer than the file
])
def test_a_png_that_cannot_be_followed_to_its_end_is_refused(damaged):
    assert strip_png(damaged) is None


def test_jpeg_keeps_the_decoder_segments_and_drops_metadata_thumbnail_and_trailing_data():
    assert strip_jpeg(HOSTILE_JPEG) == (
        SOI + jpeg_segment(0xE0, JFIF_WITHOUT_THUMBNAIL) + jpeg_segment(0xEE, ADOBE) + DQT + SOF0 + DHT + SOS + SCAN + EOI
    )


@pytest.mark.parametrize("damaged", [
    HOSTILE_PNG,
    SOI + DQT + SOF0 + DHT + SOS + SCAN,  # no end
    SOI + DQT + SOF0 + jpeg_segment(0xDE, b"\x00" * 6) + DHT + SOS + SCAN + EOI,  # a hierarchical segment
    SOI + DQT + SOF0 + b"\xff\xc4\x00\x40\x00" + EOI,  # a segment longer than the file
    SOI + DQT + DHT + SOS + SCAN + EOI,  # no frame
])
def test_a_jpeg_with_anything_unknown_or_missing_is_refused(damaged):
    assert strip_jpeg(damaged) is None


def test_a_chart_is_kept_without_its_workbook_style_or_reference_to_them(tmp_path):
    from tests.release.test_chart_release import CHART_PART, STYLE_PART, WORKBOOK_PART, chart_document

    package = Package(chart_document(tmp_path / "chart.docx"))
    dropped = {part.name: part for part in rebuild(package)}
    assert dropped[WORKBOOK_PART].kind == "embedded package" and STYLE_PART in dropped
    assert CHART_PART in set(package.names()) and Package.rels_of(CHART_PART) not in set(package.names())
    chart = package.xml(CHART_PART)
    assert chart.find(".//{*}externalData") is None and chart.find(".//{*}plotArea") is not None
    reference = package.xml("word/document.xml").find(".//{*}graphicData/{*}chart")
    assert [relationship.target for relationship in package.relationships("word/document.xml")
            if relationship.id == reference.get(f"{{{R}}}id")] == [CHART_PART]
