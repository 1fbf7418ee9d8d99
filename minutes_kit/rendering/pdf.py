"""PDF output through LibreOffice headless, the client our users' documents meet."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path

from minutes_kit.errors import OfficeUnavailable
from minutes_kit.files import atomic_output

INSTALL_HINT = "install LibreOffice (Debian/Ubuntu: sudo apt-get install libreoffice-writer) or leave out --pdf"


def find_office() -> str | None:
    """The LibreOffice program, from $MINUTES_SOFFICE or the PATH."""
    return os.environ.get("MINUTES_SOFFICE") or shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_pdf(document: Path, pdf: Path, inputs: Iterable[Path] = ()) -> None:
    """Convert `document` to `pdf` with LibreOffice, atomically."""
    office = find_office()
    if office is None:
        raise OfficeUnavailable(f"LibreOffice is not installed, so no PDF can be written; {INSTALL_HINT}")
    with tempfile.TemporaryDirectory(prefix="minutes-pdf-") as work:
        # A private profile lets conversions run while the user has LibreOffice open.
        profile = Path(work, "profile").as_uri()
        command = [office, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                   "--convert-to", "pdf", "--outdir", work, str(document)]
        try:
            finished = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise OfficeUnavailable(f"LibreOffice could not convert {document}: {exc}") from exc
        produced = Path(work, Path(document).stem + ".pdf")
        if not produced.is_file():
            detail = (finished.stderr or finished.stdout).strip() or f"exit code {finished.returncode}"
            raise OfficeUnavailable(f"LibreOffice could not convert {document}: {detail}")
        with atomic_output(pdf, [document, *inputs]) as temporary:
            shutil.copyfile(produced, temporary)
