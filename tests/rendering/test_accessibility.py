"""Accessibility: every PDF the toolkit writes is tagged, with its title and language, and
`check-accessibility` finds what the regulations' common failures would flag.

PDFs are read back with pikepdf (a test dependency), independently of the check's own reader;
documents with one failure each are built with python-docx and pikepdf.
"""

from __future__ import annotations

import io
import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import docx
import pikepdf
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches
from pikepdf import Array, Dictionary, Name, String
from typer.testing import CliRunner

from minutes_kit.cli import app
from minutes_kit.errors import InputUnreadable, MinutesError
from minutes_kit.rendering import accessibility
from minutes_kit.rendering.accessibility import Finding, check_accessibility
from minutes_kit.rendering.pdf import PDF_EXPORT_OPTIONS, convert_to_pdf
from tests.conftest import SAMPLE

TITLE = "Contract Performance Group, 15 September 2026"


# Reading PDFs with pikepdf.

STANDARD_TYPES = {
    "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index", "NonStruct",
    "Private", "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH",
    "TD", "THead", "TBody", "TFoot", "Span", "Quote", "Note", "Reference", "BibEntry", "Code", "Link", "Annot",
    "Ruby", "RB", "RT", "RP", "Warichu", "WT", "WP", "Figure", "Formula", "Form",
}


def structure_types(pdf: pikepdf.Pdf) -> list[str]:
    """The structure elements' standard types in document order, through the role map."""
    root = pdf.Root.StructTreeRoot
    role_map = root.get("/RoleMap", Dictionary())
    found, stack = [], [root.K]
    while stack:
        node = stack.pop()
        if isinstance(node, Array):
            stack.extend(reversed(list(node)))
        elif isinstance(node, Dictionary) and "/S" in node:
            kind = str(node.S)[1:]
            while kind not in STANDARD_TYPES and f"/{kind}" in role_map:
                kind = str(role_map[f"/{kind}"])[1:]
            found.append(kind)
            if "/K" in node:
                stack.append(node.K)
    return found


def pdf_title(pdf: pikepdf.Pdf) -> str:
    title = str(pdf.docinfo.get("/Title", ""))
    if title:
        return title
    return str(pdf.open_metadata().get("dc:title", ""))


# Word documents with one failure each.

def png() -> bytes:
    """A 4 x 4 red PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\x00" + b"\xff\x00\x00" * 4 for _ in range(4))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def add_picture(document, *, descr: str = "", title: str = ""):
    document.add_picture(io.BytesIO(png()), width=Inches(0.5))
    properties = document.inline_shapes[-1]._inline.docPr
    if descr:
        properties.set("descr", descr)
    if title:
        properties.set("title", title)
    return properties


def add_table(document, *, header: bool, first: str = "Reference"):
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = first, "Owner"
    table.cell(1, 0).text, table.cell(1, 1).text = "CPG-2609-01", "Gareth Wynne"
    if header:
        table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    return table


def default_language(document):
    return document.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")


def good_document():
    """A document with a title, en-GB, headings in order, a table with a header row and a picture
    with alt text: nothing to find."""
    document = docx.Document()
    document.core_properties.title = TITLE
    default_language(document).set(qn("w:val"), "en-GB")
    document.add_heading("Minutes", 0)
    document.add_heading("Welcome and Introductions", 1)
    document.add_paragraph("The chair thanked everyone for attending.")
    document.add_heading("Recruitment", 2)
    add_table(document, header=True)
    add_picture(document, descr="The department's crest")
    document.add_heading("Any Other Business", 1)
    return document


def save(document, path: Path) -> Path:
    document.save(path)
    return path


def findings(path: Path) -> list[str]:
    return [str(finding) for finding in check_accessibility(path)]


def test_a_document_built_well_has_no_findings(tmp_path):
    assert findings(save(good_document(), tmp_path / "good.docx")) == []


def no_title(document):
    document.core_properties.title = ""


def no_language(document):
    default_language(document).getparent().remove(default_language(document))


def heading_3_after_heading_1(document):
    document.add_heading("Skipped", 3)


def heading_2_after_the_title(document):
    body = document.element.body
    # Move a new Heading 2 to straight after the Title.
    heading = document.add_heading("Straight after the title", 2)._p
    body.remove(heading)
    body.insert(1, heading)


def table_without_header_row(document):
    add_table(document, header=False, first="Action")


def image_without_alt_text(document):
    add_picture(document)


@pytest.mark.parametrize("break_it, expected", [
    (no_title, "no document title (document properties)"),
    (no_language, "no document language (default paragraph style)"),
    (heading_3_after_heading_1, 'heading level skipped: Heading 3 after Heading 1 (paragraph 11, "Skipped")'),
    (heading_2_after_the_title, 'heading level skipped: Heading 2 after the Title (paragraph 2, "Straight after the title")'),
    (table_without_header_row, 'table has no header row (table 2, starting "Action Owner")'),
    (image_without_alt_text, 'image has no alt text (image 2, "Picture 2")'),
], ids=lambda value: getattr(value, "__name__", ""))
def test_check_finds_each_failure_of_a_word_document(tmp_path, break_it, expected):
    document = good_document()
    break_it(document)
    assert findings(save(document, tmp_path / "broken.docx")) == [expected]


def test_table_finding_names_the_first_row(tmp_path):
    document = good_document()
    add_table(document, header=False, first="Action")
    (finding,) = check_accessibility(save(document, tmp_path / "table.docx"))
    assert finding == Finding("table has no header row", 'table 2, starting "Action Owner"')


def test_python_docx_default_template_is_en_us_and_has_no_title(tmp_path):
    """What a document gets when nobody sets them: a language (en-US), but no title."""
    assert default_language(docx.Document()).get(qn("w:val")) == "en-US"
    assert findings(save(docx.Document(), tmp_path / "blank.docx")) == ["no document title (document properties)"]


def language_on_normal_style_only(document):
    no_language(document)
    normal = document.styles["Normal"].element
    properties = normal.get_or_add_rPr()
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), "en-GB")
    properties.append(language)


def decorative_image(document):
    properties = add_picture(document)
    extensions = OxmlElement("a:extLst")
    extension = OxmlElement("a:ext")
    extension.set("uri", "{C183D7F6-B498-43B3-948B-1728B52AA6E4}")
    marker = extension.makeelement("{http://schemas.microsoft.com/office/drawing/2017/decorative}decorative",
                                   {"val": "1"})
    extension.append(marker)
    extensions.append(extension)
    properties.append(extensions)


def image_with_a_title_only(document):
    add_picture(document, title="Crest")


def header_row_marked_true(document):
    table = add_table(document, header=False)
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    table.rows[0]._tr.get_or_add_trPr().append(header)


@pytest.mark.parametrize("change", [language_on_normal_style_only, decorative_image, image_with_a_title_only,
                                    header_row_marked_true], ids=lambda change: change.__name__)
def test_check_accepts_what_is_accessible(tmp_path, change):
    document = good_document()
    change(document)
    assert findings(save(document, tmp_path / "fine.docx")) == []


def test_headings_may_go_back_up_any_number_of_levels(tmp_path):
    document = good_document()
    for level in (2, 3, 4, 1, 2):
        document.add_heading(f"Level {level}", level)
    assert findings(save(document, tmp_path / "levels.docx")) == []


def test_a_style_with_an_outline_level_is_a_heading(tmp_path):
    """A custom style counts by its outline level (w:outlineLvl 2 is a third-level heading)."""
    document = good_document()
    style = document.styles.add_style("Agenda Detail", docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
    outline = OxmlElement("w:outlineLvl")
    outline.set(qn("w:val"), "2")
    style.element.get_or_add_pPr().append(outline)
    document.add_paragraph("Detail", style="Agenda Detail")
    assert findings(save(document, tmp_path / "outline.docx")) == [
        'heading level skipped: Heading 3 after Heading 1 (paragraph 11, "Detail")']


def test_an_image_in_a_header_needs_alt_text_too(tmp_path):
    document = good_document()
    run = document.sections[0].header.paragraphs[0].add_run()
    run.add_picture(io.BytesIO(png()), width=Inches(0.5))
    assert findings(save(document, tmp_path / "header.docx")) == [
        'image has no alt text (image 1 in a header, "Picture 1")']


# PDFs built by hand with pikepdf: a structure tree without page content is enough.

def element(kind: str, *children, page: int = 0, **entries):
    return {"kind": kind, "children": children, "page": page, "entries": entries}


def hand_pdf(path: Path, tree=(), *, pages: int = 1, marked: bool = True, structure: bool = True,
             lang: str | None = "en-GB", title: str | None = TITLE, xmp_title: str | None = None,
             role_map: dict[str, str] | None = None,
             mode: pikepdf.ObjectStreamMode = pikepdf.ObjectStreamMode.generate) -> Path:
    pdf = pikepdf.new()
    for _ in range(pages):
        pdf.add_blank_page()
    if title is not None:
        pdf.docinfo[Name.Title] = title
    if xmp_title is not None:
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as metadata:
            metadata["dc:title"] = xmp_title
    if lang is not None:
        pdf.Root.Lang = String(lang)
    if marked:
        pdf.Root.MarkInfo = Dictionary(Marked=True)
    if structure:
        root = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot, K=Array()))
        if role_map:
            root.RoleMap = Dictionary({f"/{key}": Name(f"/{value}") for key, value in role_map.items()})
        pdf.Root.StructTreeRoot = root

        def add(spec, parent):
            node = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name(f"/{spec['kind']}"), P=parent,
                                                Pg=pdf.pages[spec["page"]].obj, K=Array()))
            for key, value in spec["entries"].items():
                node[f"/{key}"] = String(value)
            parent.K.append(node)
            for child in spec["children"]:
                add(child, node)

        for spec in tree:
            add(spec, root)
    pdf.save(path, object_stream_mode=mode)
    return path


GOOD_TREE = (
    element("Document",
            element("H1"), element("P"), element("H2"),
            element("Table", element("TR", element("TH"), element("TH")), element("TR", element("TD"), element("TD"))),
            element("Figure", Alt="The department's crest"),
            element("H1", page=1)),
)


@pytest.mark.parametrize("mode", list(pikepdf.ObjectStreamMode), ids=lambda mode: mode.name)
def test_a_tagged_pdf_built_well_has_no_findings(tmp_path, mode):
    """In every layout pikepdf writes: classic cross-reference tables, or object streams with a
    cross-reference stream."""
    assert findings(hand_pdf(tmp_path / "good.pdf", GOOD_TREE, pages=2, mode=mode)) == []


@pytest.mark.parametrize("options, tree, expected", [
    ({"marked": False, "structure": False}, (), ["PDF is not tagged: no /MarkInfo /Marked true, no structure tree (document)"]),
    ({"marked": False}, GOOD_TREE, ["PDF is not tagged: no /MarkInfo /Marked true (document)"]),
    ({"lang": None}, GOOD_TREE, ["no document language: no /Lang (document)"]),
    ({"lang": ""}, GOOD_TREE, ["no document language: no /Lang (document)"]),
    ({"title": None}, GOOD_TREE,
     ["no document title: no /Title in the document information or XMP metadata (document)"]),
    ({"title": None, "xmp_title": TITLE}, GOOD_TREE, []),
    ({}, (element("Document", element("H1"), element("H3", page=1)),),
     ["heading level skipped: H3 after H1 (heading 2, page 2)"]),
    ({}, (element("H2"),), ["heading level skipped: H2 is the first heading (heading 1, page 1)"]),
    ({}, (element("Table", element("TR", element("TD")), page=1),), ["table has no header cells /TH (table 1, page 2)"]),
    ({}, (element("Table", element("THead", element("TR", element("TH"))), element("TBody", element("TR", element("TD")))),), []),
    ({}, (element("Table", element("TR", element("TH")), element("TR", element("TD", element("Table", element("TR", element("TD")))))),),
     ["table has no header cells /TH (table 2, page 1)"]),
    ({}, (element("Figure"), element("Figure", ActualText="Crest")), ["figure has no alt text /Alt (figure 1, page 1)"]),
    ({}, (element("Figure", Alt="  "),), ["figure has no alt text /Alt (figure 1, page 1)"]),
    ({"role_map": {"Heading 1": "H1", "Heading 3": "H3", "Title": "P"}},
     (element("Title"), element("Heading 1"), element("Heading 3")),
     ["heading level skipped: H3 after H1 (heading 2, page 1)"]),
], ids=["untagged", "not-marked", "no-lang", "empty-lang", "no-title", "xmp-title", "h1-h3", "first-h2",
        "table-no-th", "table-thead", "nested-table", "figure-no-alt", "blank-alt", "role-map"])
def test_check_finds_each_failure_of_a_pdf(tmp_path, options, tree, expected):
    assert findings(hand_pdf(tmp_path / "case.pdf", tree, pages=2, **options)) == expected


def test_the_pdf_reader_repairs_a_damaged_cross_reference(tmp_path):
    """A wrong startxref offset: the objects are found by scanning, as PDF readers repair files."""
    path = hand_pdf(tmp_path / "damaged.pdf", (element("H1"), element("H3")),
                    mode=pikepdf.ObjectStreamMode.disable)
    data = path.read_bytes()
    at = data.rindex(b"startxref") + len(b"startxref")
    path.write_bytes(data[:at] + b"\n12\n%%EOF\n")
    assert findings(path) == ["heading level skipped: H3 after H1 (heading 2, page 1)"]


def test_an_encrypted_pdf_is_a_clear_error(tmp_path):
    path = tmp_path / "locked.pdf"
    with pikepdf.open(hand_pdf(tmp_path / "open.pdf", GOOD_TREE, pages=2)) as pdf:
        pdf.save(path, encryption=pikepdf.Encryption(owner="owner", user="", R=4))
    with pytest.raises(InputUnreadable, match="encrypted"):
        check_accessibility(path)


@pytest.mark.parametrize("content, message", [
    (b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R\n", "cannot be read as a PDF"),
    (b"%PDF-1.7\n" + b"[" * 10_000, "cannot be read as a PDF"),
    (b"just some text\n", "neither a Word document"),
    (b"PK\x03\x04 not really a zip", "not a Word document or is damaged"),
])
def test_unreadable_files_are_errors_with_a_reason(tmp_path, content, message):
    path = tmp_path / "bad"
    path.write_bytes(content)
    with pytest.raises(MinutesError, match=message):
        check_accessibility(path)


def test_the_check_tells_documents_apart_by_content_not_name(tmp_path):
    pdf = hand_pdf(tmp_path / "really-a-pdf.docx", GOOD_TREE, pages=2, lang=None)
    document = save(good_document(), tmp_path / "really-a-docx.pdf")
    assert findings(pdf) == ["no document language: no /Lang (document)"]
    assert findings(document) == []


def test_the_check_needs_no_pikepdf(tmp_path):
    """pikepdf is a test dependency only: the check reads PDFs with the standard library."""
    path = hand_pdf(tmp_path / "case.pdf", (element("H1"), element("H3")))
    probe = ("import sys; sys.modules['pikepdf'] = None\n"
             "from minutes_kit.rendering.accessibility import check_accessibility\n"
             f"print([str(f) for f in check_accessibility({str(path)!r})])")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert "H3 after H1" in result.stdout


# The command.

def test_check_accessibility_prints_one_line_per_finding_and_fails(tmp_path):
    document = good_document()
    table_without_header_row(document)
    image_without_alt_text(document)
    path = save(document, tmp_path / "broken.docx")
    result = CliRunner().invoke(app, ["check-accessibility", str(path)])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f'{path}: table has no header row (table 2, starting "Action Owner")',
        f'{path}: image has no alt text (image 2, "Picture 2")',
    ]


def test_check_accessibility_passes_a_good_document_and_reports_an_unreadable_one(tmp_path):
    good = save(good_document(), tmp_path / "good.docx")
    result = CliRunner().invoke(app, ["check-accessibility", str(good)])
    assert result.exit_code == 0
    assert result.stdout == f"{good}: no accessibility problems found\n"
    missing = tmp_path / "missing.pdf"
    result = CliRunner().invoke(app, ["check-accessibility", str(good), str(missing)])
    assert result.exit_code == 1
    assert f"error: cannot read {missing}" in result.stderr
    assert "Traceback" not in result.output


def test_render_and_release_warn_about_their_outputs_and_keep_their_exit_code(tmp_path, monkeypatch):
    checked = []

    def check(path):
        checked.append(Path(path))
        return [Finding("table has no header row", "table 1")]

    monkeypatch.setattr(accessibility, "check_accessibility", check)
    minutes = tmp_path / "minutes.docx"
    result = CliRunner().invoke(app, ["render", str(SAMPLE), "-o", str(minutes)])
    assert result.exit_code == 0, result.output
    assert f"warning: accessibility: {minutes}: table has no header row (table 1)" in result.stderr.splitlines()

    released = tmp_path / "release.docx"
    result = CliRunner().invoke(app, ["release", str(SAMPLE), "-o", str(released)])
    assert result.exit_code == 0, result.output
    assert f"warning: accessibility: {released}: table has no header row (table 1)" in result.stderr.splitlines()

    result = CliRunner().invoke(app, ["release", str(SAMPLE), "-o", str(tmp_path / "review.docx"), "--review"])
    assert result.exit_code == 0, result.output
    assert checked == [minutes, released], "a review copy is not published, so it is not checked"


# What LibreOffice writes.

@pytest.fixture(scope="module")
def rendered(office, tmp_path_factory):
    """The sample rendered with `minutes render --pdf`: the result and the Word file."""
    output = tmp_path_factory.mktemp("accessible") / "minutes.docx"
    result = CliRunner().invoke(app, ["render", str(SAMPLE), "--pdf", "-o", str(output)])
    assert result.exit_code == 0, result.output
    return result, output


@pytest.fixture(scope="module")
def released(office, tmp_path_factory):
    output = tmp_path_factory.mktemp("accessible-release") / "release.docx"
    result = CliRunner().invoke(app, ["release", str(SAMPLE), "--pdf", "-o", str(output)])
    assert result.exit_code == 0, result.output
    return result, output


def test_the_rendered_pdf_is_tagged_with_its_title_and_language(rendered):
    _, output = rendered
    with pikepdf.open(output.with_suffix(".pdf")) as pdf:
        assert pdf.Root.MarkInfo.Marked is True
        assert str(pdf.Root.Lang) == "en-GB"
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
        types = structure_types(pdf)
        title = pdf_title(pdf)
    headings = [kind for kind in types if kind in ("H1", "H2", "H3", "H4", "H5", "H6")]
    assert headings and headings[0] == "H1"
    assert "Table" in types and "TH" in types
    word_title = docx.Document(output).core_properties.title
    assert word_title and title == word_title


def test_pdfinfo_says_tagged(rendered):
    _, output = rendered
    info = subprocess.run(["pdfinfo", str(output.with_suffix(".pdf"))], capture_output=True, text=True, check=True).stdout
    assert "Tagged:          yes" in info


def test_the_sample_outputs_have_no_accessibility_findings(rendered, released):
    for result, output in (rendered, released):
        assert "warning: accessibility" not in result.stderr
        assert findings(output) == []
        assert findings(output.with_suffix(".pdf")) == []


def test_the_release_pdf_is_tagged_with_its_title(released):
    _, output = released
    with pikepdf.open(output.with_suffix(".pdf")) as pdf:
        assert pdf.Root.MarkInfo.Marked is True
        assert pdf_title(pdf) == docx.Document(output).core_properties.title
        assert "Table" in structure_types(pdf)


def test_a_plain_conversion_is_untagged_and_found(office, tmp_path):
    """What every PDF was before: LibreOffice's default export, untagged."""
    document = save(good_document(), tmp_path / "plain.docx")
    subprocess.run([office, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(document)],
                   capture_output=True, check=True, timeout=300)
    assert findings(tmp_path / "plain.pdf") == [
        "PDF is not tagged: no /MarkInfo /Marked true, no structure tree (document)"]


def test_the_word_failures_carry_into_the_tagged_pdf(office, tmp_path):
    """LibreOffice turns each Word failure into its PDF failure, and the check finds it there."""
    document = good_document()
    for break_it in (no_title, heading_3_after_heading_1, table_without_header_row, image_without_alt_text):
        break_it(document)
    pdf = tmp_path / "broken.pdf"
    convert_to_pdf(save(document, tmp_path / "broken.docx"), pdf)
    assert findings(pdf) == [
        "no document title: no /Title in the document information or XMP metadata (document)",
        "heading level skipped: H3 after H1 (heading 4, page 1)",
        "table has no header cells /TH (table 2, page 1)",
        "figure has no alt text /Alt (figure 2, page 1)",
    ]


def test_the_pdf_reader_agrees_with_pikepdf_on_what_libreoffice_writes(rendered):
    from minutes_kit.rendering.accessibility.pdf_reader import PdfReader, text_string

    _, output = rendered
    path = output.with_suffix(".pdf")
    reader = PdfReader.open(path)
    with pikepdf.open(path) as pdf:
        assert text_string(reader.get(reader.catalog["Lang"])) == str(pdf.Root.Lang)
        assert text_string(reader.get(reader.info["Title"])) == str(pdf.docinfo["/Title"])
        assert reader.get(reader.dictionary(reader.catalog["MarkInfo"])["Marked"]) is True


def test_the_export_options_ask_for_tagging_and_pdf_ua():
    assert PDF_EXPORT_OPTIONS["UseTaggedPDF"] and PDF_EXPORT_OPTIONS["PDFUACompliance"]


def test_pdfinfo_is_not_needed_by_the_check(tmp_path, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name, *args, **kwargs: None)
    assert findings(hand_pdf(tmp_path / "good.pdf", GOOD_TREE, pages=2)) == []
