"""PDF output through LibreOffice headless, the client our users' documents meet.

Every PDF the toolkit writes comes from here, tagged for accessibility: the Public Sector Bodies
Accessibility Regulations 2018 ask for documents that meet WCAG 2.2 AA, and GOV.UK's publishing
guidance for PDFs that are tagged, with a title, a language and real headings. LibreOffice takes
the title from the document's core properties and the language from its default style.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import xmlrpc.client
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from minutes_kit.errors import OfficeUnavailable
from minutes_kit.files import atomic_output

INSTALL_HINT = "install LibreOffice (Debian/Ubuntu: sudo apt-get install libreoffice-writer) or leave out --pdf"
CONVERSION_TIMEOUT_SECONDS = 300
TIMEOUT_SETTING = "MINUTES_PDF_TIMEOUT"
UNOSERVER_SETTING = "MINUTES_UNOSERVER"
"""Unset or "off": soffice converts. "start": each command starts a unoserver (the `unoserver` extra)
and stops it at its end. HOST:PORT: the unoserver running there (kept running between commands)."""

PDF_EXPORT_OPTIONS: dict[str, bool] = {
    # A structure tree (headings, paragraphs, tables with their header cells, figures with their
    # alternative text) and /MarkInfo /Marked true: what screen readers read.
    "UseTaggedPDF": True,
    # PDF/UA-1 mode: the PDF/UA identifier in the XMP metadata, the title shown in the window's
    # title bar instead of the file name (/ViewerPreferences /DisplayDocTitle), the tagging above.
    "PDFUACompliance": True,
    "DisplayPDFDocumentTitle": True,
    # Bookmarks from the headings, so a reader can move through the document by them.
    "ExportBookmarks": True,
}
"""writer_pdf_Export options, passed to LibreOffice (7.4 and later) as JSON on the command line."""


def pdf_filter() -> str:
    """The `--convert-to` argument: the PDF export filter with `PDF_EXPORT_OPTIONS`."""
    options = {name: {"type": "boolean", "value": "true" if value else "false"}
               for name, value in PDF_EXPORT_OPTIONS.items()}
    return "pdf:writer_pdf_Export:" + json.dumps(options, separators=(",", ":"))


PDF_FILTER_DATA = [f"{name}={'true' if value else 'false'}" for name, value in PDF_EXPORT_OPTIONS.items()]
"""`PDF_EXPORT_OPTIONS` as unoserver takes them."""


def find_office() -> str | None:
    """The LibreOffice program, from $MINUTES_SOFFICE or the PATH."""
    return os.environ.get("MINUTES_SOFFICE") or shutil.which("soffice") or shutil.which("libreoffice")


def layout_unavailable() -> str | None:
    """Why documents cannot be laid out into pages here, or None when they can."""
    if find_office() is None:
        return "LibreOffice, which lays the document out, is not installed"
    if shutil.which("pdftotext") is None:
        return "pdftotext (poppler-utils), which reads the pages, is not installed"
    return None


def convert_to_pdf(document: Path, pdf: Path, inputs: Iterable[Path] = ()) -> None:
    """Convert `document` to a tagged `pdf` with LibreOffice, atomically: through the command's
    `office_session` when one is open, else through a LibreOffice of its own."""
    convert_all([(Path(document), Path(pdf))], inputs)


def convert_all(conversions: Iterable[tuple[Path, Path]], inputs: Iterable[Path] = ()) -> None:
    """Convert each (document, pdf) pair as `convert_to_pdf` does, all in one LibreOffice call."""
    if _session is not None:
        _session.convert(conversions, inputs)
        return
    with OfficeConverter() as converter:
        converter.convert(conversions, inputs)


_session: OfficeConverter | None = None


@contextmanager
def office_session() -> Iterator[OfficeConverter]:
    """One LibreOffice for every conversion of a command: `convert_to_pdf` and `convert_all` inside
    the block use it. It starts at the first conversion (a command that converts nothing starts
    none) and stops when the block ends; a session opened inside another is that session."""
    global _session
    if _session is not None:
        yield _session
        return
    with OfficeConverter() as converter:
        _session = converter
        try:
            yield converter
        finally:
            _session = None


def conversion_timeout() -> float:
    """Seconds one document may take to convert: $MINUTES_PDF_TIMEOUT, else `CONVERSION_TIMEOUT_SECONDS`."""
    setting = os.environ.get(TIMEOUT_SETTING, "")
    try:
        return float(setting) if setting else CONVERSION_TIMEOUT_SECONDS
    except ValueError:
        raise OfficeUnavailable(f"${TIMEOUT_SETTING} must be a number of seconds, not {setting!r}") from None


class _Hung(Exception):
    """LibreOffice did not finish in time or stopped answering: restart it and try once more."""


class OfficeConverter:
    """LibreOffice for many conversions: soffice with one private profile for all its calls, each
    call converting a whole list of documents; or, when `use_unoserver` (else $MINUTES_UNOSERVER)
    asks for it, a unoserver, started for the converter or already running. A conversion that
    hangs is stopped after its timeout, and LibreOffice restarted once before the converter gives up.

    Measured (bench/pdf_batch.py): a unoserver takes some seconds to start and converts one document
    at a time, so one soffice call for a whole batch is the fastest; a unoserver kept running saves
    the start of LibreOffice for commands that convert a document or two."""

    def __init__(self, *, timeout: float | None = None, use_unoserver: bool | None = None):
        self.timeout = conversion_timeout() if timeout is None else timeout
        self._use_unoserver = use_unoserver
        self._work: tempfile.TemporaryDirectory | None = None
        self._server: _UnoServer | None = None
        self.backend: str | None = None
        """"unoserver" or "soffice", chosen at the first conversion."""

    def __enter__(self) -> OfficeConverter:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop LibreOffice and remove its private profile."""
        if self._server is not None:
            self._server.stop()
            self._server = None
        if self._work is not None:
            self._work.cleanup()
            self._work = None

    def convert(self, conversions: Iterable[tuple[Path, Path]], inputs: Iterable[Path] = ()) -> None:
        """Convert each (document, pdf) pair to a tagged PDF, then put each PDF in place atomically
        (never over `inputs` or its document)."""
        conversions = [(Path(document), Path(pdf)) for document, pdf in conversions]
        inputs = list(inputs)
        if not conversions:
            return
        office = find_office()
        if office is None:
            raise OfficeUnavailable(f"LibreOffice is not installed, so no PDF can be written; {INSTALL_HINT}")
        if self._work is None:
            self._work = tempfile.TemporaryDirectory(prefix="minutes-office-")
        if self.backend is None:
            self._server = self._unoserver(office, Path(self._work.name))
            self.backend = "soffice" if self._server is None else "unoserver"
        out = Path(tempfile.mkdtemp(prefix="out-", dir=self._work.name))
        documents = [document for document, _ in conversions]
        try:
            try:
                produced = self._convert_once(office, documents, out)
            except _Hung:
                self._restart()
                try:
                    produced = self._convert_once(office, documents, out)
                except _Hung as exc:
                    raise OfficeUnavailable(f"LibreOffice {exc}, twice (restarted in between); give it longer "
                                            f"with ${TIMEOUT_SETTING}=SECONDS") from None
            for (document, pdf), made in zip(conversions, produced):
                with atomic_output(pdf, [document, *inputs]) as temporary:
                    shutil.copyfile(made, temporary)
        finally:
            shutil.rmtree(out, ignore_errors=True)

    def _unoserver(self, office: str, work: Path) -> _UnoServer | None:
        """The unoserver to convert through (as `use_unoserver`, else $MINUTES_UNOSERVER, asks), or None."""
        setting = os.environ.get(UNOSERVER_SETTING, "").strip()
        wanted = self._use_unoserver if self._use_unoserver is not None else setting.lower() not in {"", "off"}
        if not wanted:
            return None
        if self._use_unoserver is None and setting.lower() != "start":
            if not re.fullmatch(r"[\w.-]+:\d+", setting):
                raise OfficeUnavailable(f"${UNOSERVER_SETTING} is 'off', 'start' or the HOST:PORT of a running "
                                        f"unoserver, not {setting!r}")
            return _UnoServer(None, office, work, address=setting)
        command = unoserver_command()
        if command is None:
            raise OfficeUnavailable("unoserver was asked for, but it is not installed for a Python that has "
                                    "LibreOffice's uno module (pip install 'minutes-kit[unoserver]')")
        return _UnoServer(command, office, work)

    def _convert_once(self, office: str, documents: list[Path], out: Path) -> list[Path]:
        if self._server is not None:
            return self._server.convert(documents, out, self.timeout)
        return _soffice_convert(office, self._profile(), documents, out, self.timeout)

    def _profile(self) -> Path:
        assert self._work is not None
        return Path(self._work.name, "profile")

    def _restart(self) -> None:
        """A fresh LibreOffice: the hung one stopped, and its profile (perhaps left locked) removed."""
        if self._server is not None:
            self._server.stop()
        else:
            shutil.rmtree(self._profile(), ignore_errors=True)


def _soffice_convert(office: str, profile: Path, documents: list[Path], out: Path, timeout: float) -> list[Path]:
    """Every document converted into `out` by one soffice call (one more for each repeated file
    name, whose PDFs would replace each other in one folder): the PDFs, in the documents' order."""
    rounds: list[list[Path]] = []
    produced = []
    for document in documents:
        index = next((number for number, names in enumerate(rounds) if document.stem not in
                      {each.stem for each in names}), len(rounds))
        if index == len(rounds):
            rounds.append([])
        rounds[index].append(document)
        produced.append(out / str(index) / f"{document.stem}.pdf")
    for index, batch in enumerate(rounds):
        folder = out / str(index)
        command = [office, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                   "--convert-to", pdf_filter(), "--outdir", str(folder), *map(str, batch)]
        finished = _run(command, timeout * len(batch), batch)
        for document in batch:
            if not (folder / f"{document.stem}.pdf").is_file():
                detail = (finished.stderr or finished.stdout).strip() or f"exit code {finished.returncode}"
                raise OfficeUnavailable(f"LibreOffice could not convert {document}: {detail}")
    return produced


def _run(command: list[str], timeout: float, documents: list[Path]) -> subprocess.CompletedProcess[str]:
    """Run LibreOffice in a process group of its own, so that one that hangs is stopped whole."""
    try:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                   start_new_session=True)
    except OSError as exc:
        raise OfficeUnavailable(f"LibreOffice could not convert {documents[0]}: {exc}") from exc
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _stop(process)
        raise _Hung(f"did not convert {_named(documents)} within {timeout:g} s") from None
    except BaseException:
        _stop(process)
        raise
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)


def _stop(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.communicate()


def _named(documents: list[Path]) -> str:
    return str(documents[0]) if len(documents) == 1 else f"{documents[0]} and {len(documents) - 1} other document(s)"


@functools.cache
def unoserver_command() -> tuple[tuple[str, ...], dict[str, str]] | None:
    """How to start unoserver's server here, with the environment it needs, or None when it is not
    installed. Its server needs LibreOffice's `uno` module, which a virtual environment's Python
    rarely has: unoserver installed here runs under the first of this Python, the system's python3
    and LibreOffice's own that imports both."""
    spec = importlib.util.find_spec("unoserver")
    if spec is None or not spec.submodule_search_locations:
        executable = shutil.which("unoserver")
        return ((executable,), dict(os.environ)) if executable else None
    environment = {**os.environ, "PYTHONPATH": str(Path(next(iter(spec.submodule_search_locations))).parent)}
    office = find_office()
    candidates = [sys.executable, shutil.which("python3"), "/usr/bin/python3",
                  office and str(Path(office).resolve().parent / "python")]
    for python in dict.fromkeys(candidate for candidate in candidates if candidate and Path(candidate).is_file()):
        probe = subprocess.run([python, "-c", "import uno, unoserver.server"], env=environment,
                               capture_output=True, check=False)
        if probe.returncode == 0:
            return (python, "-m", "unoserver.server"), environment
    return None


UNOSERVER_START_SECONDS = 60


class _UnoServer:
    """A unoserver converting over XML-RPC: one started on free ports with a private profile (from
    `command`), or the one running at `address`."""

    def __init__(self, command: tuple[tuple[str, ...], dict[str, str]] | None, office: str, work: Path, *,
                 address: str | None = None):
        self.command, self.environment = command or ((), {})
        self.office = office
        self.work = work
        self.process: subprocess.Popen | None = None
        self.url = f"http://{address}/RPC2" if address else ""
        self.starts = 0

    def convert(self, documents: list[Path], out: Path, timeout: float) -> list[Path]:
        if self.command and self.process is None:
            self._start()
        proxy = xmlrpc.client.ServerProxy(self.url, transport=_TimedTransport(timeout), allow_none=True)
        produced = []
        for index, document in enumerate(documents):
            target = out / f"{index}.pdf"
            try:
                proxy.convert(str(Path(document).resolve()), None, str(target), None, None, PDF_FILTER_DATA)
            except xmlrpc.client.Fault as exc:
                raise OfficeUnavailable(f"LibreOffice could not convert {document}: {exc.faultString}") from None
            except TimeoutError:
                raise _Hung(f"did not convert {document} within {timeout:g} s") from None
            except OSError as exc:
                raise _Hung(f"stopped answering while it converted {document} ({exc})") from None
            if not target.is_file():
                raise OfficeUnavailable(f"LibreOffice could not convert {document}: unoserver wrote no PDF")
            produced.append(target)
        return produced

    def _start(self) -> None:
        self.starts += 1
        port, uno_port = _free_port(), _free_port()
        profile = self.work / f"unoserver-{self.starts}"
        log = self.work / f"unoserver-{self.starts}.log"
        with log.open("wb") as written:
            self.process = subprocess.Popen(
                [*self.command, "--port", str(port), "--uno-port", str(uno_port), "--executable", self.office,
                 "--user-installation", str(profile)],
                stdout=written, stderr=written, env=self.environment, start_new_session=True)
        self.url = f"http://127.0.0.1:{port}/RPC2"
        proxy = xmlrpc.client.ServerProxy(self.url, transport=_TimedTransport(5))
        deadline = time.monotonic() + UNOSERVER_START_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                proxy.info()
                return
            except (OSError, xmlrpc.client.Error):
                time.sleep(0.25)
        detail = log.read_text(encoding="utf-8", errors="replace").strip()[-500:]
        self.stop()
        raise OfficeUnavailable(f"unoserver did not start within {UNOSERVER_START_SECONDS} s: {detail}; "
                                f"set ${UNOSERVER_SETTING}=off to convert with soffice instead")

    def stop(self) -> None:
        if self.process is not None:
            _stop(self.process)
            self.process = None


class _TimedTransport(xmlrpc.client.Transport):
    def __init__(self, timeout: float):
        super().__init__()
        self.timeout = timeout

    def make_connection(self, host):  # type: ignore[override]
        connection = super().make_connection(host)
        connection.timeout = self.timeout
        return connection


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def pdf_pages(path: Path) -> list[str]:
    """The text of each page of a PDF, through pdftotext (poppler-utils): where a redaction or a
    finding is, page by page."""
    program = shutil.which("pdftotext")
    if program is None:
        raise OfficeUnavailable("pdftotext is needed to read the pages of a PDF; install poppler-utils "
                                "(Debian/Ubuntu: sudo apt-get install poppler-utils)")
    result = subprocess.run([program, "-raw", str(path), "-"], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise OfficeUnavailable(f"pdftotext could not read {path}: {result.stderr.strip()}")
    return result.stdout.split("\f")
