"""FOI release: the minutes with exempt information removed, marked, scheduled and verified.

The path, in order:
1. the release context replaces withheld text with marks (`context.py`);
2. the template is rendered as for ordinary minutes;
3. the package is sanitised (`sanitise.py`) and swept for withheld strings anywhere
   else (`sweep.py`), among them the findings of `minutes scan` that are decided
   "redact" or not decided at all (`minutes_kit.detection.decisions`);
4. marks become X's, boxes or highlights, numbered in document order, and the
   Redaction Summary is appended (`marks.py`);
5. the finished file (and PDF) is searched for every withheld string (`leaks.py`);
   on any hit nothing is written;
6. the release, its schedule and audit log are moved into place together.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from minutes_kit.detection.decisions import Withheld, decisions_path, withheld_findings
from minutes_kit.errors import FindingsUndecided, MinutesError
from minutes_kit.files import atomic_output, guard_output
from minutes_kit.record.exemptions import load_catalogue
from minutes_kit.record.model import Action, MeetingRecord
from minutes_kit.release.context import ReleaseContextBuilder
from minutes_kit.release.leaks import Leak, find_leaks, pdf_text
from minutes_kit.release.marks import MaskLength, Style, append_summary, place_marks
from minutes_kit.ooxml.package import Package
from minutes_kit.release.plan import Redaction, RedactionPlan, Register
from minutes_kit.release.policy import find_policy, load_policy
from minutes_kit.release.sanitise import sanitise
from minutes_kit.release.schedule import assign_pages, audit_json, released_by, schedule_csv
from minutes_kit.release.sweep import sweep
from minutes_kit.rendering.docx import MINUTES_TEMPLATE, render_docx
from minutes_kit.rendering.pdf import convert_to_pdf

__all__ = ["LeakDetected", "ReleaseOptions", "ReleaseResult", "Style", "MaskLength", "release_minutes", "verify_release"]


class LeakDetected(MinutesError):
    """A withheld string is still in the file; nothing was written."""

    def __init__(self, leaks: list[Leak]):
        super().__init__("leak check failed, nothing was written:\n" + "\n".join(f"  {leak}" for leak in leaks))
        self.leaks = leaks


@dataclass(frozen=True)
class ReleaseOptions:
    style: Style = Style.XXXX
    mask_length: MaskLength = MaskLength.FIXED
    policy: str | None = None
    summary: bool = True
    pdf: bool = False
    review: bool = False
    by: str | None = None
    template: Path | None = None
    strict: bool = False
    """Refuse to release while a finding of `minutes scan` is undecided."""

    def __post_init__(self) -> None:
        # Accept "box" as readily as Style.BOX: a wrong style must never fall through to another.
        object.__setattr__(self, "style", Style(self.style))
        object.__setattr__(self, "mask_length", MaskLength(self.mask_length))
        if self.style is Style.REVIEW:
            raise ValueError("a review copy is asked for with review=True, not as a style")


@dataclass
class ReleaseResult:
    outputs: list[Path] = field(default_factory=list)
    redactions: list[Redaction] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def output_paths(output: Path, options: ReleaseOptions) -> dict[str, Path]:
    """Every file a release writes: the document, and beside it its PDF, schedule and audit log."""
    paths = {"docx": output}
    if options.pdf:
        paths["pdf"] = output.with_suffix(".pdf")
    if not options.review:
        paths["schedule"] = output.with_suffix(".redactions.csv")
        paths["audit"] = output.with_suffix(".audit.json")
    return paths


def _plan(record: MeetingRecord, policy_name: str | None) -> tuple[RedactionPlan, str, str]:
    policy = load_policy(find_policy(policy_name, record))
    return RedactionPlan(record, policy, load_catalogue()), policy.name, policy.sha256


def release_minutes(
    record: MeetingRecord,
    record_path: Path,
    output: Path,
    options: ReleaseOptions,
    *,
    raised: Mapping[str, Action] | None = None,
    inputs: Iterable[Path] = (),
) -> ReleaseResult:
    """Write the release (or, with `options.review`, the review copy) of `record` to `output`.

    `raised`: a series' actions by reference, for the actions this meeting reviews; `inputs`: every
    file the record came from, none of which an output may replace.
    """
    template = options.template or MINUTES_TEMPLATE
    inputs = [record_path, decisions_path(record_path), template, *inputs]
    paths = output_paths(output, options)
    for path in paths.values():
        guard_output(path, inputs)
    plan, policy_name, policy_sha256 = _plan(record, options.policy)
    findings = withheld_findings(record, record_path)
    if options.strict and not options.review and findings.undecided:
        raise FindingsUndecided(
            f"{len(findings.undecided)} finding(s) of `minutes scan` are undecided; decide each in "
            f"{decisions_path(record_path)} before a strict release:\n"
            + "\n".join(f"  {entry.describe()}" for entry in findings.undecided)
        )
    register = Register()
    _search_for_findings(register, findings)
    context = ReleaseContextBuilder(plan, register, review=options.review, raised=raised).context()
    style = Style.REVIEW if options.review else options.style

    # Work in the system's temporary folder: a half-made release never sits beside the output.
    with tempfile.TemporaryDirectory(prefix="minutes-release-") as work_dir:
        work = Path(work_dir)
        staged = {kind: work / path.name for kind, path in paths.items()}
        render_docx(template, context, work / "rendered.docx", inputs)
        package = Package(work / "rendered.docx")
        sanitise(package)
        sweep(package, register)
        place_marks(package, register, style, options.mask_length)
        placed = register.placed()
        if options.summary and not options.review:
            append_summary(package, placed)
        package.save(staged["docx"])
        if options.pdf:
            convert_to_pdf(staged["docx"], staged["pdf"])
        if not options.review:
            leaks = find_leaks(staged["docx"], register.needles)
            if options.pdf:
                leaks += find_leaks(staged["pdf"], register.needles)
                assign_pages(pdf_text(staged["pdf"]).split("\f"), placed, style, options.mask_length)
            if leaks:
                raise LeakDetected(leaks)
            staged["schedule"].write_text(schedule_csv(placed), encoding="utf-8")
            staged["audit"].write_text(audit_json(
                record=record_path, policy_name=policy_name, policy_sha256=policy_sha256,
                by=released_by(options.by), style=style, mask_length=options.mask_length,
                outputs=list(paths.values()), redactions=placed,
            ), encoding="utf-8")
        for kind, path in paths.items():
            with atomic_output(path, inputs) as temporary:
                shutil.copyfile(staged[kind], temporary)
    return ReleaseResult(list(paths.values()), placed, _warnings(findings))


def _search_for_findings(register: Register, findings: Withheld) -> None:
    """The sweep replaces every occurrence of these wherever they are, and the leak check proves them gone."""
    for text, exemption in findings.needles:
        register.search_for(text, exemption)


def _warnings(findings: Withheld) -> list[str]:
    warnings = []
    if not findings.current:
        warnings.append("the record was scanned for personal data because its decisions file is missing or out of "
                        "date; run `minutes scan` to record decisions (and release without loading spaCy)")
    warnings += [f"undecided finding withheld under its suggested code: {entry.describe()}" for entry in findings.undecided]
    return warnings


def verify_release(
    file: Path, record: MeetingRecord, policy_name: str | None = None, *, raised: Mapping[str, Action] | None = None,
    record_path: Path | None = None,
) -> list[Leak]:
    """Search any file for everything the record's release withholds (with `record_path`, its findings too)."""
    plan, _, _ = _plan(record, policy_name)
    register = Register()
    if record_path is not None:
        _search_for_findings(register, withheld_findings(record, record_path))
    ReleaseContextBuilder(plan, register, raised=raised).context()
    return find_leaks(file, register.needles)
