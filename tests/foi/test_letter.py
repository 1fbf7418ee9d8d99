"""The response letter as the requester reads it: in Word (python-docx) and as a PDF (pdftotext)."""

from __future__ import annotations

import hashlib
import json
import subprocess

import pytest
from docx import Document

from minutes_kit.cli import app
from minutes_kit.errors import LeakDetected, OutputError
from minutes_kit.foi import write_response
from minutes_kit.foi.letter import not_the_requesters
from minutes_kit.foi.request import Requester
from minutes_kit.rendering.accessibility import check_accessibility
from tests.foi.conftest import REQUEST, WITHHELD_SUM

HEADINGS = ("Title", "Heading 1", "Heading 2", "Heading 3")


def _paragraphs(docx) -> list[tuple[str, str]]:
    return [(paragraph.style.name, paragraph.text) for paragraph in Document(str(docx)).paragraphs]


def _section(paragraphs: list[tuple[str, str]], heading: str) -> list[tuple[str, str]]:
    """The paragraphs under `heading`, up to the next heading of its level or above."""
    start = next(index for index, (_, text) in enumerate(paragraphs) if text == heading)
    level = paragraphs[start][0]
    section = []
    for style, text in paragraphs[start + 1:]:
        if style in HEADINGS and HEADINGS.index(style) <= HEADINGS.index(level):
            break
        section.append((style, text))
    return section


def _text(docx) -> str:
    return "\n".join(text for _, text in _paragraphs(docx))


def test_the_letter_quotes_the_request_and_cites_each_exemption_used(write_request, released, tmp_path):
    output = tmp_path / "response.docx"
    result = write_response(write_request(), output)

    assert result.outputs == [output] and not result.late
    paragraphs = _paragraphs(output)
    text = _text(output)
    assert "Our reference: FOI2026/01234" in text
    assert "Date: 14 January 2027" in text
    assert "Dear Rowan Pike" in text
    assert "received on 18 December 2026" in text
    asked = [text for _, text in paragraphs].index("You asked for:")
    assert paragraphs[asked + 1:asked + 3] == [
        ("Quote", "Please send me the minutes of the Test Group held in 2026."),
        ("Quote", "Include the figures discussed."),
    ]
    assert "due by 21 January 2027" in text
    assert "late" not in text.lower()

    # Exactly the exemptions the release used, each with its section and title.
    used = json.loads((released / "out" / "group.release.audit.json").read_text())["redactions_by_code"]
    assert set(used) == {"S40(2)", "S43"}
    assert [text for style, text in _section(paragraphs, "Information withheld") if style == "Heading 2"] == [
        "Section 40(2) — Personal information: third-party personal data",
        "Section 43 — Commercial interests",
    ]
    personal = [text for _, text in _section(paragraphs, "Section 40(2) — Personal information: third-party personal data")]
    assert f"applies to {used['S40(2)']} redactions, marked S40(2)" in personal[0]
    assert any("absolute exemption" in line for line in personal)
    assert not any("Public interest" in line for line in personal)
    commercial = _section(paragraphs, "Section 43 — Commercial interests")
    assert "applies to 1 redaction, marked S43" in commercial[0][1]
    assert _section(commercial, "Public interest in disclosure") == [
        ("List Bullet", "Transparency about how public money is spent on the contract.")]
    assert _section(commercial, "Public interest in withholding the information") == [
        ("List Bullet", "Disclosure would harm the supplier's position in the retender.")]
    assert "outweighs the public interest in disclosing" in " ".join(text for _, text in _section(commercial, "Our conclusion"))

    complaint = " ".join(text for _, text in _section(paragraphs, "Your right to complain"))
    assert "internal review" in complaint and "foi@example.gov.uk" in complaint
    assert "by 11 March 2027" in complaint  # 40 working days after 14 January 2027, counted by hand
    assert "Information Commissioner under section 50" in complaint
    assert complaint.endswith("How to complain, and the forms to use, are on the Information Commissioner's website.")
    assert check_accessibility(output) == []


def test_the_commissioners_contact_is_given_as_the_request_file_writes_it(write_request, tmp_path):
    lines = ["Regulator's Office, 9 Example Row, Northtown, NT1 2AB", "Telephone: 0100 000 0000"]
    request = write_request(REQUEST + "commissioner:\n" + "".join(f"  - \"{line}\"\n" for line in lines))
    output = tmp_path / "letter.docx"
    write_response(request, output)
    complaint = _section(_paragraphs(output), "Your right to complain")
    assert complaint[-2:] == [("Address", lines[0]), ("Address", lines[1])]
    assert "website" not in " ".join(text for _, text in complaint[-2:])


def test_a_late_letter_says_so_and_apologises(write_request, runner, tmp_path):
    request = write_request(REQUEST.replace("sent: 2027-01-14", "sent: 2027-01-22"))
    output = tmp_path / "late.docx"

    result = runner.invoke(app, ["foi-response", str(request), "-o", str(output)])

    assert result.exit_code == 0, result.output
    assert f"wrote {output}" in result.stdout
    assert "due 21 January 2027" in result.stdout and "LATE" in result.stdout
    text = _text(output)
    assert "This response is late, and we apologise for the delay." in text
    assert "due by 21 January 2027" in text


def test_on_time_on_the_due_date(write_request, runner, tmp_path):
    request = write_request(REQUEST.replace("sent: 2027-01-14", "sent: 2027-01-21"))
    result = runner.invoke(app, ["foi-response", str(request), "-o", str(tmp_path / "letter.docx")])
    assert result.exit_code == 0, result.output
    assert "on time" in result.stdout and "LATE" not in result.stdout
    assert "late" not in _text(tmp_path / "letter.docx").lower()


def test_a_reason_given_replaces_the_default_one(write_request, tmp_path):
    request = write_request(REQUEST + "reasons:\n  s.40(2): The names are those of junior staff.\n")
    write_response(request, tmp_path / "letter.docx")
    personal = [text for _, text in _section(_paragraphs(tmp_path / "letter.docx"),
                                             "Section 40(2) — Personal information: third-party personal data")]
    assert "The names are those of junior staff." in personal
    assert not any("falls within" in line for line in personal)


@pytest.mark.parametrize("considered", [
    f"The payment of {WITHHELD_SUM} is a matter of public record.",
    "Mr Drew asked for the figures to stay private.",
    "Colin Drew asked for the figures to stay private.",
])
def test_public_interest_text_naming_withheld_text_is_refused(write_request, runner, tmp_path, considered):
    request = write_request(REQUEST.replace("Transparency about how public money is spent on the contract.",
                                            considered))
    output = tmp_path / "response.docx"

    result = runner.invoke(app, ["foi-response", str(request), "-o", str(output), "--pdf"])

    assert result.exit_code == 1
    assert "leak check failed, nothing was written" in result.stderr
    assert "Traceback" not in result.output
    assert not output.exists() and not output.with_suffix(".pdf").exists()
    assert list(tmp_path.iterdir()) == []


def test_the_requester_may_read_their_own_name_even_when_the_minutes_withhold_it(write_request, tmp_path):
    request = write_request(REQUEST.replace("name: Rowan Pike", "name: Ann Bishop"))
    write_response(request, tmp_path / "letter.docx")
    assert "Dear Ann Bishop" in _text(tmp_path / "letter.docx")


def test_only_needles_within_the_requesters_details_are_dropped():
    needles = {"Ann Bishop": "S40(2)", "Ms Bishop": "S40(2)", "Ann": "S40(2)", "Colin Drew": "S40(2)",
               "14 Orchard Row": "S38", "Orchard": "S38", "r.pike@example.com": "S40(2)"}
    requester = Requester(name="ANN  BISHOP", address=["14 Orchard Row", "Leeds"], email="r.pike@example.com")
    assert not_the_requesters(needles, requester) == {"Ms Bishop": "S40(2)", "Colin Drew": "S40(2)"}
    # A needle inside a longer word of the requester's details is still searched for.
    joanne = Requester(name="Joanne Orchardson", email="jo@example.com")
    assert not_the_requesters({"Ann": "S40(2)", "Orchard": "S38"}, joanne) == {"Ann": "S40(2)", "Orchard": "S38"}


def test_the_letter_never_replaces_a_release(write_request, released):
    release = released / "out" / "group.release.docx"
    before = hashlib.sha256(release.read_bytes()).hexdigest()
    with pytest.raises(OutputError, match="it is an input"):
        write_response(write_request(), release)
    assert hashlib.sha256(release.read_bytes()).hexdigest() == before


def test_the_letter_is_a_word_document(write_request, tmp_path):
    with pytest.raises(OutputError, match=r"\.docx"):
        write_response(write_request(), tmp_path / "response.pdf")


def test_releases_given_by_the_caller_replace_the_files(write_request, released, tmp_path):
    """What `foi-pack` does with the audit logs it has just written."""
    request = write_request(REQUEST.replace("releases:\n  - ../out/group.release.audit.json\n", ""))
    result = write_response(request, tmp_path / "letter.docx",
                            releases=[released / "out" / "group.release.audit.json"])
    assert [citation.exemption.code for citation in result.citations] == ["S40(2)", "S43"]
    assert "group.release.docx, with" in _text(tmp_path / "letter.docx")


def test_a_leak_is_refused_even_with_the_releases_given(write_request, released, tmp_path, monkeypatch):
    """The needles come from the releases given, not from the request file's list."""
    request = write_request(REQUEST.replace("releases:\n  - ../out/group.release.audit.json\n", "").replace(
        "Transparency about how public money is spent on the contract.", f"{WITHHELD_SUM} is small."))
    with pytest.raises(LeakDetected):
        write_response(request, tmp_path / "letter.docx", releases=[released / "out" / "group.release.audit.json"])
    assert not (tmp_path / "letter.docx").exists()


def test_the_letter_as_pdf(office, write_request, tmp_path):
    request = write_request(REQUEST.replace("sent: 2027-01-14", "sent: 2027-01-25"))
    output = tmp_path / "response.docx"

    result = write_response(request, output, pdf=True)

    pdf = output.with_suffix(".pdf")
    assert result.outputs == [output, pdf]
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    flat = " ".join(text.split())
    assert "You asked for:" in flat
    assert "Please send me the minutes of the Test Group held in 2026." in flat
    assert "due by 21 January 2027" in flat and "This response is late" in flat
    assert "Section 43 — Commercial interests" in flat
    assert "Information Commissioner" in flat
    assert check_accessibility(pdf) == []
