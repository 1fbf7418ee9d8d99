"""The leak check reads a PDF's text outside its pages too: the document information, the XMP
metadata, bookmarks, the structure tree's alternative text, annotations and form fields, in
object streams and compressed streams, as every tagged PDF the toolkit writes carries them.

PDFs are built here byte by byte, valid enough for pdftotext (checked through `check_pdf`, which
fails when pdftotext cannot read a file); a real tagged PDF comes from LibreOffice."""

from __future__ import annotations

import shutil
import zlib
from pathlib import Path

import pytest
from docx import Document
from hypothesis import given, settings
from hypothesis import strategies as st

import minutes_kit.verify.pdf as pdf_module
from minutes_kit.errors import ArchiveUnsafe, MinutesError, VerifyUnavailable
from minutes_kit.rendering.pdf import convert_to_pdf
from minutes_kit.verify import check_file, check_pdf
from minutes_kit.verify.pdf import pdf_extractions, pdf_strings

NEEDLES = {"Helen Brackley": "S40(2)", "İlker Yılmaz": "S40(2)", "£48,120": "S43(2)"}

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                     reason="pdftotext (poppler-utils) is not installed")


def places(hits) -> set[tuple[str, str, str, str]]:
    return {(hit.part, hit.location, hit.code, hit.needle) for hit in hits}


def utf16_hex(text: str) -> bytes:
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def stream(dictionary: bytes, data: bytes, *, compress: bool = True) -> bytes:
    if compress:
        data = zlib.compress(data)
        dictionary += b" /Filter /FlateDecode"
    return b"<< %s /Length %d >>\nstream\n%s\nendstream" % (dictionary, len(data), data)


def xmp(title: str) -> bytes:
    return ('<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
            '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
            '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>'
            '</rdf:Description></rdf:RDF></x:xmpmeta>\n<?xpacket end="w"?>').encode()


def pdf_file(objects: dict[int, bytes], packed: dict[int, bytes], *, info: int) -> bytes:
    """A PDF 1.5 of `objects` (number: body) and of `packed`, stored in one compressed object
    stream, with a cross-reference stream; object 1 is the catalog."""
    packed_stream = max([*objects, *packed]) + 1
    xref_number = packed_stream + 1
    bodies = b""
    offsets = []
    for body in packed.values():
        offsets.append(len(bodies))
        bodies += body + b"\n"
    header = b" ".join(b"%d %d" % (number, offset) for number, offset in zip(packed, offsets))
    first = len(header) + 1
    objects = {**objects, packed_stream: stream(b"/Type /ObjStm /N %d /First %d" % (len(packed), first),
                                                header + b"\n" + bodies)}
    output = b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n"
    where: dict[int, tuple[int, int, int]] = {}
    for number, body in sorted(objects.items()):
        where[number] = (1, len(output), 0)
        output += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    for index, number in enumerate(packed):
        where[number] = (2, packed_stream, index)
    where[xref_number] = (1, len(output), 0)
    entries = b"".join(
        bytes([kind]) + field.to_bytes(4, "big") + last.to_bytes(2, "big")
        for kind, field, last in (where.get(number, (0, 0, 65535)) for number in range(xref_number + 1)))
    start = len(output)
    output += b"%d 0 obj\n%s\nendobj\n" % (xref_number, stream(
        b"/Type /XRef /Size %d /W [1 4 2] /Root 1 0 R /Info %d 0 R" % (xref_number + 1, info), entries,
        compress=False))
    return output + b"startxref\n%d\n%%%%EOF\n" % start


def tagged_pdf(*, title: bytes = b"(Minutes of the board)", bookmark: str = "Apologies",
               metadata: str = "Minutes of the board", alt: bytes = b"(photo of the board room)",
               note: bytes = b"(Draft \\(2\\)\\nfor review)", link: bytes = b"(https://intranet/minutes)",
               destination: bytes = b"/Minutes", field: bytes = b"(Approved)",
               page_text: bytes = b"Minutes of the meeting") -> bytes:
    """A tagged PDF of one page, with each text outside the page given: the document information's
    /Title, a bookmark's title, the XMP metadata's dc:title, a figure's /Alt (in an object stream),
    a note's /Contents, a link's /URI, a named destination and a form field's value."""
    content = b"BT /F1 12 Tf 72 720 Td (%s) Tj ET" % page_text
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R /Outlines 5 0 R /Metadata 7 0 R /StructTreeRoot 9 0 R "
           b"/MarkInfo << /Marked true >> /Lang (en-GB) /Dests << %s [3 0 R /Fit] >> "
           b"/AcroForm << /Fields [14 0 R] /DA (/F1 10 Tf 0 g) >> >>" % destination,
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /StructParents 0 "
           b"/Resources << /Font << /F1 11 0 R >> >> /Annots [8 0 R 12 0 R 14 0 R] >>",
        4: stream(b"", content),
        5: b"<< /Type /Outlines /First 6 0 R /Last 6 0 R /Count 1 >>",
        6: b"<< /Title %s /Parent 5 0 R /Dest [3 0 R /Fit] >>" % utf16_hex(bookmark),
        7: stream(b"/Type /Metadata /Subtype /XML", xmp(metadata)),
        8: b"<< /Type /Annot /Subtype /Text /Rect [72 600 92 620] /Contents %s >>" % note,
        9: b"<< /Type /StructTreeRoot /K [10 0 R] >>",
        11: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        12: b"<< /Type /Annot /Subtype /Link /Rect [72 700 200 720] /Border [0 0 0] "
            b"/A << /Type /Action /S /URI /URI %s >> >>" % link,
        13: b"<< /Title %s /Producer (minutes-kit tests) >>" % title,
        # Hidden (/F 2), so that no page shows it.
        14: b"<< /Type /Annot /Subtype /Widget /F 2 /FT /Tx /T (outcome) /V %s /Rect [300 700 400 720] /P 3 0 R >>"
            % field,
    }
    packed = {10: b"<< /Type /StructElem /S /Figure /P 9 0 R /Pg 3 0 R /Alt %s >>" % alt}
    return pdf_file(objects, packed, info=13)


def write(tmp_path: Path, data: bytes, name: str = "release.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@needs_pdftotext
def test_a_clean_tagged_pdf_holds_nothing(tmp_path):
    path = write(tmp_path, tagged_pdf())

    assert check_pdf(path, NEEDLES) == []
    assert check_file(path, NEEDLES) == []


@needs_pdftotext
def test_a_name_anywhere_outside_the_pages_is_found_and_named_by_where_it_stands(tmp_path):
    path = write(tmp_path, tagged_pdf(
        title=b"(Report on Helen Brackley)",
        bookmark="Thanks to İlker Yılmaz",
        metadata="Report on Helen Brackley",
        alt=b"(photo of Helen Brackley)",
        note=b"(Salary \\24348,120 for Hel\\\nen Br\\141ckley \\(draft\\))",
        link=b"(https://intranet/people/Helen%20Brackley)",
        destination=b"/Helen#20Brackley",
        field=b"<FEFF%s>" % "Helen Brackley".encode("utf-16-be").hex().encode()))

    assert places(check_pdf(path, NEEDLES)) == {
        ("PDF", "document information /Title", "S40(2)", "Helen Brackley"),
        ("PDF", "bookmark /Title", "S40(2)", "İlker Yılmaz"),
        ("PDF", "XMP metadata dc:title", "S40(2)", "Helen Brackley"),
        ("PDF", "structure /Alt", "S40(2)", "Helen Brackley"),
        ("PDF", "annotation /Contents", "S40(2)", "Helen Brackley"),
        ("PDF", "annotation /Contents", "S43(2)", "£48,120"),
        ("PDF", "annotation /URI", "S40(2)", "Helen Brackley"),
        ("PDF", "PDF names", "S40(2)", "Helen Brackley"),
        ("PDF", "form field /V", "S40(2)", "Helen Brackley"),
    }


@needs_pdftotext
def test_a_name_on_the_page_is_reported_by_its_page_not_again_by_the_content_stream(tmp_path):
    path = write(tmp_path, tagged_pdf(page_text=b"Thanks to Helen Brackley"))

    assert places(check_pdf(path, NEEDLES)) == {("PDF page 1", "text", "S40(2)", "Helen Brackley")}


@needs_pdftotext
def test_a_name_in_a_stream_outside_any_string_is_found_by_the_catch_all(tmp_path):
    data = tagged_pdf()
    at = data.index(b"startxref")
    # An attachment no object refers to: read all the same, as every byte of the file is.
    attachment = b"30 0 obj\n" + stream(b"/Type /EmbeddedFile", b"notes: Helen Brackley said no") + b"\nendobj\n"
    path = write(tmp_path, data[:at] + attachment + data[at:])

    assert places(check_pdf(path, NEEDLES)) == {("PDF", "decoded streams", "S40(2)", "Helen Brackley")}


def test_literal_strings_are_unescaped_as_the_standard_says():
    assert pdf_strings(b"(Helen\\) Brack\\\nley)") == ["Helen) Brackley"]
    assert pdf_strings(b"(a (nested (twice)) b\\\\) (\\101\\0102\\7\\q) (line\\\r\nend\\r\\t\\b\\f)") == [
        "a (nested (twice)) b\\", "A\x082\x07q", "lineend\r\t\x08\x0c"]
    assert pdf_strings(b"/Title (unclosed ( string") == ["unclosed ( string"]


def test_hex_strings_and_encodings_are_decoded():
    assert pdf_strings(b"<< /A <48 65 6C6C6F> /B <FEFF00480069> /C <EFBBBF C3A9> /D <4142434> >>") == [
        "Hello", "Hi", "é", "ABC@"]
    # PDFDocEncoding is Latin-1 but for a few codes: 0x9A is the dotless i.
    assert pdf_strings(b"(Y\\232lmaz \\200 \\240)") == ["Y\u0131lmaz \u2022 \u20ac"]
    # UTF-16 with a language marker inside.
    assert pdf_strings(b"<FEFF001B656E001B0048>") == ["H"]
    assert pdf_strings(b"<< /Dict <</Inner (x)>> /Bad <not hex> >>") == ["x"]


def test_strings_a_page_shows_are_left_to_pdftotext():
    content = (b"BT (Helen Brackley) Tj [(Helen) -20 (Brackley)] TJ 0 0 (moved) \" (next) ' "
               b"/Span << /ActualText <FEFF00480069> >> BDC <0102> Tj EMC ET")

    assert pdf_strings(content) == ["Hi"]


@needs_pdftotext
def test_a_title_in_pdfdocencoding_is_folded_like_any_other_text(tmp_path):
    path = write(tmp_path, tagged_pdf(title=b"(ILKER Y\\232LMAZ)"))

    assert places(check_pdf(path, NEEDLES)) == {("PDF", "document information /Title", "S40(2)", "İlker Yılmaz")}


def readings(data: bytes) -> dict[str, str]:
    """What the check reads outside the pages, by location."""
    return {extraction.location: extraction.text for extraction in pdf_extractions(data, "test.pdf")}


def with_metadata_stream(data: bytes) -> bytes:
    """`tagged_pdf()` with its metadata stream's data replaced by `data` (offsets are not kept)."""
    document = tagged_pdf()
    start = document.index(b"7 0 obj\n")
    end = document.index(b"endobj", start)
    return (document[:start] + b"7 0 obj\n<< /Type /Metadata /Subtype /XML /Filter /FlateDecode /Length %d >>\n"
            b"stream\n%s\nendstream\n" % (len(data), data) + document[end:])


def test_a_stream_with_a_wrong_checksum_is_read_as_viewers_read_it():
    compressed = zlib.compress(xmp("Report on Helen Brackley"))
    wrong = compressed[:-4] + bytes(byte ^ 0xFF for byte in compressed[-4:])

    assert "Helen Brackley" in readings(with_metadata_stream(wrong))["XMP metadata dc:title"]


def test_a_stream_cut_short_is_read_as_far_as_it_goes():
    text = b"notes: Helen Brackley said no. " + bytes(range(256)) * 64
    cut = zlib.compress(text)[:-200]

    assert "Helen Brackley" in readings(with_metadata_stream(cut))["decoded streams"]


def test_a_stream_that_does_not_inflate_is_skipped():
    found = readings(with_metadata_stream(b"not deflated at all " * 4))

    assert not any(location.startswith("XMP") for location in found)
    assert "Minutes of the board" in found["document information /Title"]


PDF_BYTES = st.sampled_from([b"(", b")", b"<", b">", b"<<", b">>", b"[", b"]", b"\\", b"/", b"#", b"%", b"\n",
                             b"stream\n", b"endstream", b"1 0 obj", b"/Filter /FlateDecode", b"Tj", b"TJ", b"7"])


@settings(max_examples=200, deadline=None)
@given(cuts=st.lists(st.tuples(st.integers(0, 3000), st.integers(0, 40), st.lists(PDF_BYTES, max_size=4)), max_size=6),
       noise=st.binary(max_size=200))
def test_damaged_or_arbitrary_bytes_are_read_or_refused_never_crash(cuts, noise):
    data = bytearray(tagged_pdf(title=b"(Report on Helen Brackley)"))
    for at, length, inserted in cuts:
        data[at : at + length] = b"".join(inserted)
    for candidate in (bytes(data), noise):
        try:
            pdf_extractions(candidate, "damaged.pdf")
        except MinutesError:
            pass


def test_a_pdf_over_the_size_limit_is_refused_unread(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf_module, "MAX_PDF_SIZE", 1000)
    path = write(tmp_path, tagged_pdf())

    with pytest.raises(ArchiveUnsafe, match=r"release\.pdf is refused: it is larger than"):
        check_pdf(path, NEEDLES)


def test_a_stream_that_inflates_past_its_bound_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf_module, "MAX_STREAM_SIZE", 1024 * 1024)
    bomb = b"20 0 obj\n" + stream(b"", b"\0" * (2 * 1024 * 1024)) + b"\nendobj\n"

    with pytest.raises(ArchiveUnsafe, match="a stream in it decodes to more than 1 MiB"):
        pdf_extractions(tagged_pdf() + bomb, "bomb.pdf")


def test_streams_that_inflate_past_the_bound_together_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf_module, "MAX_DECODED_TOTAL", 1024 * 1024)
    pieces = b"".join(b"%d 0 obj\n%s\nendobj\n" % (20 + number, stream(b"", b"\0" * 300_000)) for number in range(4))

    with pytest.raises(ArchiveUnsafe, match="its streams decode to more than 1 MiB together"):
        pdf_extractions(tagged_pdf() + pieces, "many.pdf")


@needs_pdftotext
def test_a_file_pdftotext_cannot_read_is_still_an_error(tmp_path):
    path = write(tmp_path, b"%PDF-1.7\n1 0 obj\n<< /Title (Helen Brackley) >>\nendobj\n")

    with pytest.raises(VerifyUnavailable, match="pdftotext could not read it"):
        check_file(path, NEEDLES)


# A real tagged PDF, as the toolkit writes them.

@pytest.fixture(scope="module")
def libreoffice_pdf(office, tmp_path_factory) -> Path:
    """Eight pages from LibreOffice: a title property and a heading naming Helen Brackley."""
    document = Document()
    document.core_properties.title = "Report on Helen Brackley"
    document.add_heading("Helen Brackley", 1)
    for section in range(8):
        document.add_heading(f"Item {section + 1}", 1)
        for number in range(14):
            document.add_paragraph(f"{section + 1}.{number + 1}. The board noted the report on the estate "
                                   "and agreed the plan for the coming year, with the changes proposed.")
    folder = tmp_path_factory.mktemp("tagged")
    source = folder / "minutes.docx"
    document.save(source)
    output = folder / "minutes.pdf"
    convert_to_pdf(source, output)
    return output


def test_a_tagged_pdf_from_libreoffice_holds_the_name_outside_its_pages(libreoffice_pdf):
    hits = check_pdf(libreoffice_pdf, NEEDLES)

    outside_pages = {(hit.location, hit.needle) for hit in hits if hit.part == "PDF"}
    assert {("document information /Title", "Helen Brackley"), ("XMP metadata dc:title", "Helen Brackley"),
            ("bookmark /Title", "Helen Brackley")} <= outside_pages
    # Read without the pages' text at all, the file still gives the name away.
    found = {location for extraction in pdf_extractions(libreoffice_pdf.read_bytes(), "minutes.pdf")
             for location in [extraction.location] if "Helen Brackley" in extraction.text}
    assert {"document information /Title", "XMP metadata dc:title", "bookmark /Title"} <= found


def test_a_tagged_pdf_rewritten_with_object_streams_is_read_the_same(libreoffice_pdf, tmp_path):
    pikepdf = pytest.importorskip("pikepdf")
    with pikepdf.open(libreoffice_pdf) as source:
        source.save(tmp_path / "packed.pdf", object_stream_mode=pikepdf.ObjectStreamMode.generate)

    outside_pages = {hit.location for hit in check_pdf(tmp_path / "packed.pdf", NEEDLES) if hit.part == "PDF"}

    assert {"document information /Title", "XMP metadata dc:title", "bookmark /Title"} <= outside_pages


def test_an_encrypted_pdf_cannot_be_checked(libreoffice_pdf, tmp_path):
    pikepdf = pytest.importorskip("pikepdf")
    with pikepdf.open(libreoffice_pdf) as source:
        source.save(tmp_path / "locked.pdf", encryption=pikepdf.Encryption(owner="secret", user="", R=4))

    with pytest.raises(VerifyUnavailable, match="encrypted"):
        check_pdf(tmp_path / "locked.pdf", NEEDLES)
