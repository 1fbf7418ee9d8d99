"""One LibreOffice for a whole command: a batch in one soffice call, a hung conversion stopped and
retried once, unoserver when asked for."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minutes_kit.errors import OfficeUnavailable
from minutes_kit.rendering.pdf import OfficeConverter, convert_all, convert_to_pdf, office_session, unoserver_command
from tests.conftest import logging_office, pdf_pages


@pytest.fixture(autouse=True)
def _soffice_unless_asked(monkeypatch):
    monkeypatch.delenv("MINUTES_UNOSERVER", raising=False)
    monkeypatch.delenv("MINUTES_PDF_TIMEOUT", raising=False)


def _document(path: Path, *lines: str) -> Path:
    document = docx.Document()
    document.core_properties.title = lines[0]
    for line in lines:
        document.add_paragraph(line)
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(path)
    return path


def _starts(log: Path) -> int:
    return len(log.read_text(encoding="utf-8").splitlines()) if log.exists() else 0


def _text(pdf: Path) -> str:
    return " ".join(" ".join(pdf_pages(pdf)).split())


def test_a_batch_is_converted_by_one_soffice_call(office, tmp_path, monkeypatch):
    script, log = logging_office(tmp_path, office)
    monkeypatch.setenv("MINUTES_SOFFICE", str(script))
    sentences = {f"doc{index}": f"Paragraph of document number {index} about the lot {index * 7}." for index in range(4)}
    pairs = [(_document(tmp_path / f"{name}.docx", f"Title {name}", sentence), tmp_path / "out" / f"{name}.pdf")
             for name, sentence in sentences.items()]
    with office_session() as converter:
        convert_all(pairs)
        assert converter.backend == "soffice"
    assert _starts(log) == 1
    for (name, sentence), (_, pdf) in zip(sentences.items(), pairs):
        assert sentence in _text(pdf)
        assert f"Title {name}" in _text(pdf)


def test_a_session_converts_one_by_one_with_one_profile(office, tmp_path, monkeypatch):
    """Documents converted one at a time in a session (a release's layout, then its PDF) share one
    profile, and a repeated file name does not let one PDF replace another."""
    script, log = logging_office(tmp_path, office)
    monkeypatch.setenv("MINUTES_SOFFICE", str(script))
    first = _document(tmp_path / "a" / "minutes.docx", "First minutes", "Alpha paragraph.")
    second = _document(tmp_path / "b" / "minutes.docx", "Second minutes", "Beta paragraph.")
    with office_session():
        convert_to_pdf(first, tmp_path / "first.pdf")
        convert_all([(first, tmp_path / "again.pdf"), (second, tmp_path / "second.pdf")])
    profiles = {word for line in log.read_text(encoding="utf-8").splitlines() for word in line.split()
                if word.startswith("-env:UserInstallation=")}
    assert len(profiles) == 1
    assert "Alpha paragraph." in _text(tmp_path / "first.pdf") and "Alpha paragraph." in _text(tmp_path / "again.pdf")
    assert "Beta paragraph." in _text(tmp_path / "second.pdf")
    profile = Path(profiles.pop().partition("=")[2].removeprefix("file://"))
    assert profile.name == "profile" and not profile.exists()  # removed when the session ended


def _hanging_office(tmp_path: Path, then: str) -> tuple[Path, Path]:
    """A soffice that hangs the first time it is started (writing its process id), then runs `then`."""
    marker, pids = tmp_path / "hung-once", tmp_path / "pids"
    script = tmp_path / "soffice-hangs"
    script.write_text(
        "#!/bin/sh\n"
        f'echo $$ >> "{pids}"\n'
        f'if [ ! -e "{marker}" ]; then touch "{marker}"; sleep 120; fi\n'
        f"{then}\n", encoding="utf-8")
    script.chmod(0o755)
    return script, pids


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    state = subprocess.run(["ps", "-o", "stat=", "-p", str(pid)], capture_output=True, text=True).stdout
    return bool(state.strip()) and not state.strip().startswith("Z")


def test_a_hung_conversion_is_stopped_and_libreoffice_restarted_once(office, tmp_path, monkeypatch):
    script, pids = _hanging_office(tmp_path, f'exec "{office}" "$@"')
    monkeypatch.setenv("MINUTES_SOFFICE", str(script))
    document = _document(tmp_path / "notes.docx", "Notes", "Converted after a restart.")
    with OfficeConverter(timeout=4, use_unoserver=False) as converter:
        converter.convert([(document, tmp_path / "notes.pdf")])
    assert "Converted after a restart." in _text(tmp_path / "notes.pdf")
    started = [int(line) for line in pids.read_text().split()]
    assert len(started) == 2
    assert not _alive(started[0])


def test_a_conversion_that_hangs_twice_says_which_document_and_how_long(tmp_path, monkeypatch):
    script = tmp_path / "soffice-hangs"
    script.write_text(f'#!/bin/sh\necho $$ >> "{tmp_path / "pids"}"\nsleep 120\n', encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setenv("MINUTES_SOFFICE", str(script))
    document = _document(tmp_path / "stuck.docx", "Stuck", "Never converted.")
    started = time.monotonic()
    with pytest.raises(OfficeUnavailable) as raised:
        with OfficeConverter(timeout=1.5, use_unoserver=False) as converter:
            converter.convert([(document, tmp_path / "stuck.pdf")])
    message = str(raised.value)
    assert str(document) in message and "within 1.5 s" in message and "twice" in message
    assert "MINUTES_PDF_TIMEOUT" in message
    assert time.monotonic() - started < 30
    assert not (tmp_path / "stuck.pdf").exists()
    assert not any(_alive(int(pid)) for pid in (tmp_path / "pids").read_text().split())


def test_the_timeout_setting_must_be_a_number(monkeypatch):
    monkeypatch.setenv("MINUTES_PDF_TIMEOUT", "soon")
    with pytest.raises(OfficeUnavailable, match="MINUTES_PDF_TIMEOUT must be a number of seconds"):
        OfficeConverter()


def test_a_failed_conversion_names_its_document(tmp_path, monkeypatch):
    script = tmp_path / "soffice-fails"
    script.write_text("#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 1\n", encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setenv("MINUTES_SOFFICE", str(script))
    document = _document(tmp_path / "broken.docx", "Broken", "Text.")
    with pytest.raises(OfficeUnavailable, match="could not convert .*broken.docx: Error: source file could not be loaded"):
        convert_to_pdf(document, tmp_path / "broken.pdf")


def test_a_malformed_unoserver_setting_is_refused(office, tmp_path, monkeypatch):
    monkeypatch.setenv("MINUTES_UNOSERVER", "yes please")
    document = _document(tmp_path / "a.docx", "A", "Text.")
    with pytest.raises(OfficeUnavailable, match="'off', 'start' or the HOST:PORT"):
        convert_to_pdf(document, tmp_path / "a.pdf")


@pytest.mark.skipif(unoserver_command() is None, reason="unoserver is not installed for a Python with uno "
                    "(pip install 'minutes-kit[unoserver]')")
def test_unoserver_converts_a_batch_into_tagged_pdfs(office, tmp_path, monkeypatch):
    monkeypatch.setenv("MINUTES_UNOSERVER", "start")
    pairs = [(_document(tmp_path / f"u{index}.docx", f"Unoserver {index}", f"Served paragraph {index}."),
              tmp_path / f"u{index}.pdf") for index in range(2)]
    with office_session() as converter:
        convert_all(pairs)
        assert converter.backend == "unoserver"
        server = converter._server.process
    assert server is not None and server.poll() is not None  # stopped with the session
    for index, (_, pdf) in enumerate(pairs):
        assert f"Served paragraph {index}." in _text(pdf)
        if shutil.which("pdfinfo"):
            info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
            assert "Tagged:          yes" in info and f"Unoserver {index}" in info


FAKE_OFFICE = """#!/bin/sh
echo call >> "{log}"
while [ $# -gt 0 ]; do
  case "$1" in
    --outdir) out="$2"; shift 2;;
    -*|pdf:*) shift;;
    *) name=$(basename "$1"); mkdir -p "$out"; cp "$1" "$out/${{name%.*}}.pdf"; shift;;
  esac
done
"""


@settings(max_examples=30, deadline=None)
@given(names=st.lists(st.sampled_from(["minutes", "notes", "report.v2"]), min_size=1, max_size=6))
def test_each_pdf_comes_from_its_own_document_whatever_the_names(names):
    """A fake soffice that copies each document to OUTDIR/NAME.pdf: documents of one name must go
    to calls of their own (one call for each repeat), and every PDF is its own document's."""
    with tempfile.TemporaryDirectory() as work_dir, pytest.MonkeyPatch.context() as patch:
        work = Path(work_dir)
        script, log = work / "soffice-copies", work / "calls"
        script.write_text(FAKE_OFFICE.format(log=log), encoding="utf-8")
        script.chmod(0o755)
        patch.setenv("MINUTES_SOFFICE", str(script))
        pairs = []
        for index, name in enumerate(names):
            document = work / str(index) / f"{name}.docx"
            document.parent.mkdir()
            document.write_text(f"document {index}", encoding="utf-8")
            pairs.append((document, work / "out" / f"{index}.pdf"))
        with OfficeConverter(use_unoserver=False) as converter:
            converter.convert(pairs)
        assert [pdf.read_text(encoding="utf-8") for _, pdf in pairs] == [f"document {i}" for i in range(len(names))]
        assert len(log.read_text(encoding="utf-8").splitlines()) == max(names.count(name) for name in names)


@pytest.mark.skipif(unoserver_command() is None, reason="unoserver is not installed for a Python with uno "
                    "(pip install 'minutes-kit[unoserver]')")
def test_a_unoserver_kept_running_is_used_at_its_address(office, tmp_path, monkeypatch):
    import socket
    import xmlrpc.client

    ports = []
    for _ in range(2):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            ports.append(probe.getsockname()[1])
    command, environment = unoserver_command()
    server = subprocess.Popen([*command, "--port", str(ports[0]), "--uno-port", str(ports[1]), "--executable", office,
                               "--user-installation", str(tmp_path / "profile")], env=environment,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                xmlrpc.client.ServerProxy(f"http://127.0.0.1:{ports[0]}").info()
                break
            except OSError:
                assert time.monotonic() < deadline and server.poll() is None, "unoserver did not start"
                time.sleep(0.5)
        monkeypatch.setenv("MINUTES_UNOSERVER", f"127.0.0.1:{ports[0]}")
        document = _document(tmp_path / "kept.docx", "Kept", "Converted by a server kept running.")
        with office_session() as converter:
            convert_to_pdf(document, tmp_path / "kept.pdf")
            assert converter.backend == "unoserver"
        assert "Converted by a server kept running." in _text(tmp_path / "kept.pdf")
        assert server.poll() is None  # a server the command did not start is left running
    finally:
        os.killpg(server.pid, 9)
        server.wait()
