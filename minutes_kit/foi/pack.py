"""The FOI response pack: every document a request covers released into one folder, the combined
schedule, the response letter and a manifest a reviewer can check the pack against.

The manifest gives the SHA-256 of every input (as its path was given) and every output (by its
name in the folder, so the pack can move), the toolkit's version and each leak-check verdict,
taken again on the files as they lie in the folder. The pack also looks for
text withheld in one document and disclosed in another: a name blacked out in the minutes and
printed in the report beside them is as good as released.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from minutes_kit.errors import RequestInvalid
from minutes_kit.files import atomic_output, file_sha256
from minutes_kit.foi.letter import ResponseResult, write_response
from minutes_kit.foi.request import load_request
from minutes_kit.release import ReleaseOptions, ReleaseResult, audit_path, release_needles
from minutes_kit.release.batch import release_batch
from minutes_kit.verify import check_file

LETTER = "response.docx"
MANIFEST = "manifest.json"


@dataclass
class PackResult:
    released: list[tuple[Path, ReleaseResult]]
    letter: ResponseResult
    manifest: Path
    schedule: Path
    inconsistencies: list[str] = field(default_factory=list)
    """Text withheld in one document of the pack and disclosed in another."""


def write_pack(request_path: Path, folder: Path, options: ReleaseOptions, *, today: dt.date | None = None,
               on_released: Callable[[Path, ReleaseResult], None] = lambda file, result: None) -> PackResult:
    """Release every document the request file lists under `documents:` into `folder`, then write
    the combined schedule, the response letter and the manifest there."""
    request_path, folder = Path(request_path), Path(folder)
    documents = _documents(request_path)
    batch = release_batch(documents, folder, options, on_released=on_released)
    audits = [audit_path(result.outputs[0]) for _, result in batch.released]
    withheld = {audit: release_needles(audit) for audit in audits}
    letter = write_response(request_path, folder / LETTER, pdf=options.pdf, releases=audits, today=today,
                            withheld=withheld)
    inconsistencies = _disclosed_elsewhere(batch.released, withheld)
    verdicts = {path.name: "passed" if not check_file(path, withheld[audit]) else "FAILED"
                for (_, result), audit in zip(batch.released, audits)
                for path in result.outputs if path.suffix.lower() in {".docx", ".pdf"}}
    manifest = folder / MANIFEST
    inputs = [request_path, *documents]
    outputs = [path for _, result in batch.released for path in result.outputs] + [batch.schedule, *letter.outputs]
    entry = {
        "toolkit": "minutes-kit",
        "version": _version(),
        "created_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "request": str(request_path),
        "inputs": [_hashed(path, str(path)) for path in inputs],
        "outputs": [_hashed(path, path.name) for path in outputs],  # beside the manifest, wherever the pack goes
        "leak_check": verdicts,
        "letter": {"received": letter.received.isoformat(), "sent": letter.sent.isoformat(),
                   "due": letter.due.isoformat(), "late": letter.late},
        "withheld_in_one_disclosed_in_another": inconsistencies,
    }
    with atomic_output(manifest, inputs) as temporary:
        temporary.write_text(json.dumps(entry, indent=2) + "\n", encoding="utf-8")
    return PackResult(batch.released, letter, manifest, batch.schedule, inconsistencies)


def _documents(request_path: Path) -> list[Path]:
    """The documents the request file lists, each found, or `RequestInvalid` naming the lines."""
    loaded = load_request(request_path)
    # "samples/foi/../minutes.yaml" is named as people would write it: "samples/minutes.yaml".
    documents = [Path(os.path.normpath(request_path.parent / document)) for document in loaded.request.documents]
    if not documents:
        loaded.report.error(("documents",), "list the records and Word documents the pack releases under documents:")
    for index, document in enumerate(documents):
        if not document.exists():
            loaded.report.error(("documents", index), f"there is no record or document at {document}")
    if loaded.report.failed():
        raise RequestInvalid(loaded.report)
    return documents


def _disclosed_elsewhere(released: list[tuple[Path, ReleaseResult]],
                         withheld: dict[Path, dict[str, str]]) -> list[str]:
    """Each text withheld in one released document and found in another, by the independent leak
    check, each release read once for what all the others withheld: "withheld in minutes.yaml but
    disclosed in report.docx: word/document.xml, paragraph 3: text withheld under S40(2)"."""
    found = []
    sources = [(source, withheld[audit]) for (source, _), audit in zip(released, withheld)]
    for index, (other, result) in enumerate(released):
        withheld_by: dict[str, list[Path]] = {}
        elsewhere: dict[str, str] = {}
        for source, needles in sources[:index] + sources[index + 1:]:
            for needle, code in needles.items():
                withheld_by.setdefault(needle, []).append(source)
                elsewhere.setdefault(needle, code)
        for hit in check_file(result.outputs[0], elsewhere):
            found += [f"withheld in {source.name} but disclosed in {other.name}: {hit.describe()}"
                      for source in withheld_by.get(hit.needle, ())]  # marks: its own check found none
    return found


def _hashed(path: Path, shown: str) -> dict[str, str]:
    return {"path": shown, "sha256": file_sha256(path)}


def _version() -> str:
    try:
        return version("minutes-kit")
    except PackageNotFoundError:
        return "unknown"
