"""A chart in a released Word document: its cached values swept, its embedded workbook dropped.

The chart is written by hand, as Word writes one: ``word/charts/chart1.xml`` (a bar chart whose
series name, category labels and values are cached in the chart's own XML), reached from the body
through a drawing, with the workbook behind it (an .xlsx holding the same names) and a style part
related from the chart. `chart_document` is shared with `tests/ooxml`.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import docx
import yaml
from typer.testing import CliRunner

from minutes_kit.cli import app
from minutes_kit.detection.decisions import decisions_path
from minutes_kit.rendering.pdf import convert_to_pdf
from tests.conftest import pdf_pages
from tests.release.oracle import leaks

SERIES = "Helen Brackley"
CATEGORY = "Tomasz Nowak"
AMOUNT = "48120"
TITLE = "Claims by officer"
KEPT_CATEGORY = "Travel"
TERMS = """\
terms:
  - {text: "Helen Brackley", code: "S40(2)", category: PERSON}
  - {text: "Tomasz Nowak", code: "S40(2)", category: PERSON}
  - {text: "48120", code: "S43"}
"""

R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
CHART_PART = "word/charts/chart1.xml"
WORKBOOK_PART = "word/embeddings/Microsoft_Excel_Worksheet.xlsx"
STYLE_PART = "word/charts/style1.xml"
CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
RT_PACKAGE = f"{R}/package"
RT_CHART_STYLE = "http://schemas.microsoft.com/office/2011/relationships/chartStyle"

CHART = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="{C}" xmlns:a="{A}" xmlns:r="{R}"><c:date1904 val="0"/><!-- by {SERIES} -->
<c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>{TITLE}</a:t></a:r></a:p></c:rich></c:tx>
<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>
<c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>
<c:ser><c:idx val="0"/><c:order val="0"/>
<c:tx><c:strRef><c:f>Sheet1!$B$1</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>{SERIES}</c:v></c:pt>
</c:strCache></c:strRef></c:tx>
<c:cat><c:strRef><c:f>Sheet1!$A$2:$A$3</c:f><c:strCache><c:ptCount val="2"/>
<c:pt idx="0"><c:v>{CATEGORY}</c:v></c:pt><c:pt idx="1"><c:v>{KEPT_CATEGORY}</c:v></c:pt></c:strCache></c:strRef></c:cat>
<c:val><c:numRef><c:f>Sheet1!$B$2:$B$3</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="2"/>
<c:pt idx="0"><c:v>{AMOUNT}</c:v></c:pt><c:pt idx="1"><c:v>310</c:v></c:pt></c:numCache></c:numRef></c:val>
</c:ser><c:axId val="111"/><c:axId val="222"/></c:barChart>
<c:catAx><c:axId val="111"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>
<c:axPos val="b"/><c:crossAx val="222"/></c:catAx>
<c:valAx><c:axId val="222"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>
<c:axPos val="l"/><c:crossAx val="111"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart>
<c:externalData r:id="rIdWorkbook"><c:autoUpdate val="0"/></c:externalData></c:chartSpace>"""
CHART_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rIdWorkbook" Type="{RT_PACKAGE}" Target="../embeddings/Microsoft_Excel_Worksheet.xlsx"/>
<Relationship Id="rIdStyle" Type="{RT_CHART_STYLE}" Target="style1.xml"/></Relationships>"""
STYLE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cs:chartStyle xmlns:cs="http://schemas.microsoft.com/office/drawing/2012/chartStyle" id="201"/>"""
DRAWING = f"""<w:p><w:r><w:drawing><wp:inline xmlns:wp="{WP}" distT="0" distB="0" distL="0" distR="0">
<wp:extent cx="4572000" cy="2743200"/><wp:docPr id="1" name="Chart 1"/>
<a:graphic xmlns:a="{A}"><a:graphicData uri="{C}"><c:chart xmlns:c="{C}" xmlns:r="{R}" r:id="rIdChart1"/>
</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"""


def workbook() -> bytes:
    """A tiny .xlsx: the names in its shared strings are what a dropped workbook must not carry out."""
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as book:
        book.writestr("xl/sharedStrings.xml",
                      f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                      f"<si><t>{SERIES}</t></si><si><t>{CATEGORY}</t></si></sst>")
    return data.getvalue()


def chart_document(path: Path) -> Path:
    """A python-docx document with a paragraph, then a bar chart in the body."""
    base = path.with_name(f"{path.stem}-base.docx")
    document = docx.Document()
    document.add_paragraph("The claims are shown below.")
    document.save(base)
    with zipfile.ZipFile(base) as source:
        entries = {name: source.read(name) for name in source.namelist()}
    base.unlink()
    body = entries["word/document.xml"].decode("utf-8")
    position = body.rindex("<w:sectPr")
    entries["word/document.xml"] = (body[:position] + DRAWING + body[position:]).encode("utf-8")
    entries["[Content_Types].xml"] = entries["[Content_Types].xml"].replace(b"</Types>", (
        f'<Default Extension="xlsx" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"/>'
        f'<Override PartName="/{CHART_PART}" ContentType="{CT_CHART}"/>'
        f'<Override PartName="/{STYLE_PART}" ContentType="application/vnd.ms-office.chartstyle+xml"/></Types>'
    ).encode())
    entries["word/_rels/document.xml.rels"] = entries["word/_rels/document.xml.rels"].replace(
        b"</Relationships>",
        f'<Relationship Id="rIdChart1" Type="{R}/chart" Target="charts/chart1.xml"/></Relationships>'.encode())
    entries[CHART_PART] = CHART.encode()
    entries["word/charts/_rels/chart1.xml.rels"] = CHART_RELS.encode()
    entries[STYLE_PART] = STYLE.encode()
    entries[WORKBOOK_PART] = workbook()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, content in entries.items():
            target.writestr(name, content)
    return path


def test_a_chart_is_released_with_its_caches_swept_and_without_its_workbook(tmp_path, office):
    document = chart_document(tmp_path / "claims.docx")
    assert set(leaks(document, [SERIES, CATEGORY])) == {SERIES, CATEGORY}  # the oracle sees them before
    terms = tmp_path / "terms.yaml"
    terms.write_text(TERMS, encoding="utf-8")
    output = tmp_path / "out" / "claims.release.docx"
    result = CliRunner().invoke(app, ["release", str(document), "-o", str(output), "--terms", str(terms)])
    assert result.exit_code == 0, result.output

    assert leaks(output, [SERIES, CATEGORY, AMOUNT]) == {}
    with zipfile.ZipFile(output) as package:
        names = package.namelist()
        chart = package.read(CHART_PART).decode("utf-8")
        body = package.read("word/document.xml").decode("utf-8")
    assert CHART_PART in names and "word/charts/_rels/chart1.xml.rels" not in names
    assert not any(name.startswith("word/embeddings/") or name == STYLE_PART for name in names)
    assert "externalData" not in chart and "<!--" not in chart
    assert TITLE in chart and KEPT_CATEGORY in chart and "<c:v>310</c:v>" in chart  # the rest of the chart stays
    assert "<c:v>XXXXXX</c:v>" in chart  # the amount, masked where the chart caches it
    assert f'uri="{C}"' in body and "<c:chart " in body  # the drawing that shows it stays

    with output.with_suffix(".redactions.csv").open(encoding="utf-8") as schedule:
        assert {row["location"] for row in csv.DictReader(schedule)} == {f"Chart ({CHART_PART})"}
    dropped = json.loads(output.with_suffix(".audit.json").read_text(encoding="utf-8"))["dropped_parts"]
    assert any(WORKBOOK_PART in part for part in dropped)
    assert any(STYLE_PART in part for part in dropped)

    work = tmp_path / "pdf"
    work.mkdir()
    pdf = work / "claims.pdf"
    convert_to_pdf(output, pdf)
    assert "The claims are shown below." in "".join(pdf_pages(pdf))


def test_scan_reads_the_names_a_chart_caches(tmp_path):
    document = chart_document(tmp_path / "claims.docx")
    result = CliRunner().invoke(app, ["scan", str(document)])
    assert result.exit_code == 0, result.output
    decisions = yaml.safe_load(decisions_path(document).read_text(encoding="utf-8"))
    found = {entry["text"]: entry["found_in"] for entry in decisions["findings"]}
    assert found.get(SERIES) == ["chart 1"] and found.get(CATEGORY) == ["chart 1"], found
