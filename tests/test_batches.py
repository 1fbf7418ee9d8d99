"""Batches: `render`, `release` and `scan` given several records, Word documents and series folders
in one process, each output beside its input or in the folder -o, with progress lines."""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import docx
import pytest

from minutes_kit.actions.register import minutes_source
from minutes_kit.cli import app
from tests.conftest import ROOT, SAMPLE, logging_office, pdf_pages
from tests.records import TEST_GROUP
from tests.release.oracle import leaks

SERIES = ROOT / "samples" / "series" / "quality-and-safety-committee"
MEETINGS = ["2026-10-15", "2026-11-19", "2026-12-17"]


def _group(path: Path, title: str, sentence: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(TEST_GROUP.replace("title: Test Group", f"title: {title}")
                    .replace('"@ab opened the meeting."', f'"{sentence}"'), encoding="utf-8")
    return path


def _text(document: Path) -> str:
    return "\n".join(paragraph.text for paragraph in docx.Document(document).paragraphs)


def _series(tmp_path: Path) -> Path:
    return Path(shutil.copytree(SERIES, tmp_path / "series"))


def _progress_lines(output: str) -> list[tuple[int, int, str]]:
    return [(int(done), int(total), message) for done, total, message
            in re.findall(r"^\[(\d+)/(\d+)\] (.*)$", output, re.MULTILINE)]


def test_render_writes_each_record_beside_it_and_a_series_folder_is_every_record(runner, tmp_path):
    first = _group(tmp_path / "a" / "minutes.yaml", "Harbour Board", "The harbour wall was inspected.")
    second = _group(tmp_path / "b" / "notes.yaml", "Ferry Forum", "The timetable was agreed.")
    series = _series(tmp_path)
    result = runner.invoke(app, ["render", str(first), str(second), str(series)])
    assert result.exit_code == 0, result.output
    assert "The harbour wall was inspected." in _text(tmp_path / "a" / "minutes.docx")
    assert "The timetable was agreed." in _text(tmp_path / "b" / "notes.docx")
    for meeting in MEETINGS:
        assert "Quality and Safety Committee" in _text(series / f"{meeting}.docx")
    lines = _progress_lines(result.output)
    assert [(done, total) for done, total, _ in lines] == [(n, 5) for n in range(1, 6)]
    assert lines[0][2] == f"wrote {tmp_path / 'a' / 'minutes.docx'}"


def test_render_into_a_folder(runner, tmp_path):
    series = _series(tmp_path)
    folder = tmp_path / "out"
    result = runner.invoke(app, ["render", str(series), "-o", str(folder)])
    assert result.exit_code == 0, result.output
    assert sorted(path.name for path in folder.iterdir()) == [f"{meeting}.docx" for meeting in MEETINGS]
    assert "17 December 2026" in _text(folder / "2026-12-17.docx")
    assert not list(series.glob("*.docx"))


def test_one_record_with_o_still_names_the_file(runner, tmp_path):
    record = _group(tmp_path / "one.yaml", "Harbour Board", "One only.")
    result = runner.invoke(app, ["render", str(record), "-o", str(tmp_path / "chosen.docx")])
    assert result.exit_code == 0, result.output
    assert "One only." in _text(tmp_path / "chosen.docx")
    assert result.output.startswith(f"wrote {tmp_path / 'chosen.docx'}")


def test_an_invalid_record_stops_the_batch_before_anything_is_written(runner, tmp_path):
    good = _group(tmp_path / "good.yaml", "Harbour Board", "Fine.")
    bad = _group(tmp_path / "bad.yaml", "Ferry Forum", "Fine too.")
    bad.write_text(bad.read_text(encoding="utf-8").replace("chair: ab", "chair: zz"), encoding="utf-8")
    result = runner.invoke(app, ["render", str(good), str(bad), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert f"{bad}:" in result.output and "zz" in result.output
    assert not (tmp_path / "out").exists() and not (tmp_path / "good.docx").exists()


def test_two_inputs_that_would_share_an_output_are_refused(runner, tmp_path):
    first = _group(tmp_path / "a" / "minutes.yaml", "Harbour Board", "A.")
    second = _group(tmp_path / "b" / "minutes.yaml", "Ferry Forum", "B.")
    result = runner.invoke(app, ["render", str(first), str(second), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1 and "two inputs would be written as" in result.output
    assert not (tmp_path / "out").exists()


def test_a_folder_that_is_not_a_series_is_refused(runner, tmp_path):
    (tmp_path / "loose").mkdir()
    result = runner.invoke(app, ["render", str(tmp_path / "loose")])
    assert result.exit_code == 1 and "not a meeting series: it has no series.yaml" in result.output


def test_render_pdfs_of_a_batch_come_from_one_soffice_call(office, runner, tmp_path, monkeypatch):
    script, log = logging_office(tmp_path, office)
    monkeypatch.setenv("MINUTES_SOFFICE", str(script))
    monkeypatch.delenv("MINUTES_UNOSERVER", raising=False)
    records = [_group(tmp_path / f"r{index}.yaml", f"Board {index}", f"Sentence number {index} of the batch.")
               for index in range(3)]
    result = runner.invoke(app, ["render", *map(str, records), "--pdf", "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert len(log.read_text(encoding="utf-8").splitlines()) == 1
    for index in range(3):
        text = " ".join(" ".join(pdf_pages(tmp_path / "out" / f"r{index}.pdf")).split())
        assert f"Sentence number {index} of the batch." in text and f"Board {index}" in text
    assert [done for done, _, _ in _progress_lines(result.output)] == list(range(1, 7))


def _samples(tmp_path: Path) -> list[Path]:
    """The sample record (with its decisions file) in two folders of its own, under two names."""
    copies = []
    for folder, name in (("a", "cpg"), ("b", "contracts")):
        (tmp_path / folder).mkdir()
        copies.append(Path(shutil.copyfile(SAMPLE, tmp_path / folder / f"{name}.yaml")))
        shutil.copyfile(SAMPLE.with_name(SAMPLE.stem + ".decisions.yaml"), tmp_path / folder / f"{name}.decisions.yaml")
    return copies


def _withheld(record: Path) -> list[str]:
    loaded, _, _ = minutes_source(record)
    return [person.name for person in loaded.people.values() if not person.disclosable]


def test_release_writes_each_release_beside_its_input(runner, tmp_path):
    records = _samples(tmp_path)
    series = _series(tmp_path)
    result = runner.invoke(app, ["release", *map(str, records), str(series)])
    assert result.exit_code == 0, result.output
    for record in [*records, *(series / f"{meeting}.yaml" for meeting in MEETINGS)]:
        release = record.with_name(f"{record.stem}.release.docx")
        assert release.is_file() and record.with_name(f"{record.stem}.release.redactions.csv").is_file()
        withheld = _withheld(record)
        assert withheld and leaks(release, withheld) == {}
        assert runner.invoke(app, ["verify-release", str(release), str(record)]).exit_code == 0
    assert not (tmp_path / "schedule.csv").exists()
    assert _progress_lines(result.output)[-1][:2] == (6, 6)


def test_release_of_one_file_without_o_goes_beside_it(runner, tmp_path):
    record = _samples(tmp_path)[0]
    result = runner.invoke(app, ["release", str(record), "--review"])
    assert result.exit_code == 0, result.output
    assert record.with_name("cpg.review.docx").is_file()


def test_a_release_batch_lays_out_and_converts_everything_in_two_soffice_calls(office, runner, tmp_path, monkeypatch):
    script, log = logging_office(tmp_path, office)
    monkeypatch.setenv("MINUTES_SOFFICE", str(script))
    monkeypatch.delenv("MINUTES_UNOSERVER", raising=False)
    records = _samples(tmp_path)
    folder = tmp_path / "released"
    result = runner.invoke(app, ["release", *map(str, records), "-o", str(folder), "--pdf", "--pages"])
    assert result.exit_code == 0, result.output
    assert len(log.read_text(encoding="utf-8").splitlines()) == 2  # the layouts, then the PDFs
    for record in records:
        pdf = folder / f"{record.stem}.release.pdf"
        pages = pdf_pages(pdf)
        text = "\n".join(pages)
        assert "Redaction Summary" in text and "XXXXXXS40(2)" in text
        assert not [name for name in _withheld(record) if name in text]
        with (folder / f"{record.stem}.release.redactions.csv").open(encoding="utf-8") as schedule:
            rows = list(csv.DictReader(schedule))
        # each redaction in the body has its page, one where its mark is printed
        paged = [row for row in rows if row["location"] != "Document properties"]
        assert len(paged) > 100
        for row in paged:
            assert row["page"].isdigit() and row["code"] in pages[int(row["page"]) - 1].replace(" ", ""), row
    with (folder / "schedule.csv").open(encoding="utf-8") as combined:
        assert {row["document"] for row in csv.DictReader(combined)} == {"cpg.yaml", "contracts.yaml"}


def test_a_failing_release_in_a_batch_writes_nothing_and_names_its_input(runner, tmp_path):
    records = _samples(tmp_path)
    draft = records[1]
    draft.write_text(draft.read_text(encoding="utf-8").replace("status: final", "status: draft", 1), encoding="utf-8")
    folder = tmp_path / "out"
    result = runner.invoke(app, ["release", *map(str, records), "-o", str(folder), "--strict"])
    assert result.exit_code == 1
    assert f"{draft} is a draft" in result.output
    assert not list(folder.glob("*")) and not list(tmp_path.glob("*/*.release.*"))


def test_scan_writes_each_decisions_file_beside_its_input(runner, tmp_path):
    first = _group(tmp_path / "a" / "minutes.yaml", "Harbour Board", "Nobody else was named.")
    document = docx.Document()
    document.add_paragraph("Lysander Grey wrote to the board about the harbour.")
    document.save(tmp_path / "letter.docx")
    result = runner.invoke(app, ["scan", str(first), str(tmp_path / "letter.docx")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "a" / "minutes.decisions.yaml").is_file()
    assert "Lysander Grey" in (tmp_path / "letter.decisions.yaml").read_text(encoding="utf-8")
    assert [message for _, _, message in _progress_lines(result.output)] == [
        f"scanned {first}", f"scanned {tmp_path / 'letter.docx'}"]
    assert f"wrote {tmp_path / 'letter.decisions.yaml'}" in result.output


def test_scan_of_a_batch_with_an_unreadable_document_writes_nothing(runner, tmp_path):
    first = _group(tmp_path / "minutes.yaml", "Harbour Board", "Fine.")
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    result = runner.invoke(app, ["scan", str(first), str(broken)])
    assert result.exit_code == 1 and str(broken) in result.output
    assert not list(tmp_path.glob("*.decisions.yaml"))


@pytest.mark.parametrize("command", ["render", "release", "scan"])
def test_help_tells_of_batches(runner, command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0 and "series" in result.output and "batch" in result.output


def test_scan_lays_out_every_word_document_of_a_batch_in_one_soffice_call(office, runner, tmp_path, monkeypatch):
    script, log = logging_office(tmp_path, office)
    monkeypatch.setenv("MINUTES_SOFFICE", str(script))
    monkeypatch.delenv("MINUTES_UNOSERVER", raising=False)
    for name in ("first", "second"):
        document = docx.Document()
        document.add_paragraph(f"The opening paragraph of the {name} letter.")
        document.add_page_break()
        document.add_paragraph("Lysander Grey wrote to the board.")
        document.save(tmp_path / f"{name}.docx")
    result = runner.invoke(app, ["scan", str(tmp_path / "first.docx"), str(tmp_path / "second.docx"), "--pdf"])
    assert result.exit_code == 0, result.output
    assert len(log.read_text(encoding="utf-8").splitlines()) == 1
    for name in ("first", "second"):
        decisions = (tmp_path / f"{name}.decisions.yaml").read_text(encoding="utf-8")
        assert "Lysander Grey" in decisions and "page 2" in decisions


def test_on_a_terminal_progress_is_a_bar_on_standard_error(monkeypatch, capsys):
    import io
    import sys

    from minutes_kit.cli import _progress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    with _progress("rendering") as step:
        for done in (1, 2, 3):
            step(done, 3, f"wrote minutes-{done}.docx")
    assert "rendering" in terminal.getvalue() and "3/3" in terminal.getvalue()
    written = capsys.readouterr().out
    assert written.splitlines() == [f"wrote minutes-{done}.docx" for done in (1, 2, 3)]


@pytest.mark.parametrize("command", [["render"], ["release", "--no-pages"], ["scan"]])
def test_a_series_folder_is_loaded_once_for_all_its_records(runner, tmp_path, monkeypatch, command):
    import minutes_kit.actions.register as register

    series = _series(tmp_path)
    records = len(list(series.glob("2026-*.yaml")))
    loads = []
    real_load = register.load_series
    monkeypatch.setattr(register, "load_series", lambda *args: loads.append(args) or real_load(*args))
    result = runner.invoke(app, [command[0], str(series), *command[1:]])
    assert result.exit_code == 0, result.output
    assert records == 3 and len(loads) == 1
