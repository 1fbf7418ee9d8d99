"""FOI release: the minutes with exempt information removed, marked, scheduled and verified.

The pipeline, one stage per module:
1. what is withheld: the policy (`policy.py`) and the record give each person, field, category
   and reference its code (`plan.py`); the findings of `minutes scan` decided "redact" or not
   decided at all add theirs (`minutes_kit.detection.decisions`);
2. the release context replaces withheld values by marks and enters each in the ledger with
   every form in which it can be written (`context.py`, `ledger.py`);
3. the template is rendered as for ordinary minutes;
4. the package's stories are cleaned of tracked changes, comments' anchors and hidden text
   (`sanitise.py`), then the package is rebuilt from an allow-list (`minutes_kit.ooxml.rebuild`)
   and given its title, subject and language (`minutes_kit.ooxml.properties`);
5. withheld strings anywhere else are swept into marks (`sweep.py`);
6. marks become X's, boxes or highlights, numbered in document order (`marks.py`); the
   document is laid out by LibreOffice to learn each redaction's page, and the Redaction Summary
   is appended, grouped by page (`summary.py`);
7. the saved file (and PDF) is checked by the independent leak check (`minutes_kit.verify`);
   on any hit nothing is written;
8. the release, its schedule and audit log (`schedule.py`) are moved into place together.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from minutes_kit.detection.decisions import Withheld, decisions_path, withheld_findings
from minutes_kit.errors import DerivableFigure, DraftRelease, FindingsUndecided, LeakDetected, OfficeUnavailable, ReleaseMismatch
from minutes_kit.files import atomic_output, file_sha256, guard_output
from minutes_kit.ooxml.package import Package
from minutes_kit.ooxml.properties import set_core_properties
from minutes_kit.ooxml.rebuild import rebuild
from minutes_kit.record.exemptions import load_catalogue
from minutes_kit.record.performance import Unit
from minutes_kit.record.model import Action, MeetingRecord, Status
from minutes_kit.record.texts import record_texts
from minutes_kit.release.context import ReleaseContextBuilder
from minutes_kit.release.inference import derivable_figures, withheld_by
from minutes_kit.release.ledger import MARK_PATTERN, Redaction, RedactionLedger
from minutes_kit.release.marks import MASK, MarkStyle, MaskLength, place_marks
from minutes_kit.release.matcher import Matcher
from minutes_kit.release.plan import RedactionPlan
from minutes_kit.release.policy import LoadedPolicy, find_policy, load_policy
from minutes_kit.release.sanitise import sanitise
from minutes_kit.release.schedule import assign_pages, audit_json, released_by, schedule_csv
from minutes_kit.release.summary import append_summary
from minutes_kit.release.terms import LoadedTerms, document_texts, load_terms, term_needles
from minutes_kit.release.sweep import sweep
from minutes_kit.rendering.context import document_title, record_language
from minutes_kit.rendering.docx import MINUTES_TEMPLATE, DocumentProperties, render_docx
from minutes_kit.rendering.pdf import convert_all, layout_unavailable, pdf_pages
from minutes_kit.verify import Hit, check_file

__all__ = ["LeakDetected", "ReleaseOptions", "ReleaseResult", "MarkStyle", "MaskLength", "release_minutes",
           "verify_release", "audit_path", "leak_check", "output_paths", "release_document", "verify_document",
           "release_needles"]


@dataclass(frozen=True)
class ReleaseOptions:
    style: MarkStyle = MarkStyle.XXXX
    mask_length: MaskLength = MaskLength.FIXED
    policy: str | None = None
    summary: bool = True
    pdf: bool = False
    review: bool = False
    by: str | None = None
    template: Path | None = None
    strict: bool = False
    """Refuse to release while a finding of `minutes scan` is undecided."""
    allow_derivable: bool = False
    """Release even when a withheld figure can be worked out from disclosed ones (a warning then,
    kept in the audit log), instead of refusing."""
    pages: bool | None = None
    """Learn each redaction's page by laying the document out with LibreOffice, for the summary and
    the schedule. None: when LibreOffice is installed and $MINUTES_PAGES is not "off"; True: always
    (an error without LibreOffice); False: never (a PDF asked for still gives the schedule pages)."""

    def __post_init__(self) -> None:
        # Accept "box" as readily as MarkStyle.BOX: a wrong style must never fall through to another.
        object.__setattr__(self, "style", MarkStyle(self.style))
        object.__setattr__(self, "mask_length", MaskLength(self.mask_length))
        if self.style is MarkStyle.REVIEW:
            raise ValueError("a review copy is asked for with review=True, not as a style")


@dataclass
class ReleaseResult:
    outputs: list[Path] = field(default_factory=list)
    redactions: list[Redaction] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    """The package's parts left out of the release, each with why."""
    leak_checked: bool = False
    """Whether the independent leak check passed on the files written (a review copy has none)."""


def output_paths(output: Path, options: ReleaseOptions) -> dict[str, Path]:
    """Every file a release writes: the document, and beside it its PDF, schedule and audit log."""
    paths = {"docx": output}
    if options.pdf:
        paths["pdf"] = output.with_suffix(".pdf")
    if not options.review:
        paths["schedule"] = output.with_suffix(".redactions.csv")
        paths["audit"] = audit_path(output)
    return paths


def audit_path(release: Path) -> Path:
    return Path(release).with_suffix(".audit.json")


def release_minutes(
    record: MeetingRecord,
    record_path: Path,
    output: Path,
    options: ReleaseOptions,
    *,
    raised: Mapping[str, Action] | None = None,
    inputs: Iterable[Path] = (),
    terms: Path | None = None,
) -> ReleaseResult:
    """Write the release (or, with `options.review`, the review copy) of `record` to `output`.

    `raised`: a series' actions by reference, for the actions this meeting reviews; `inputs`: every
    file the record came from, none of which an output may replace; `terms`: a terms file (an FOI
    officer's list for a whole request), withheld as well.
    """
    template = options.template or MINUTES_TEMPLATE
    inputs = [record_path, decisions_path(record_path), template, *([Path(terms)] if terms else []), *inputs]
    paths = output_paths(output, options)
    for path in paths.values():
        guard_output(path, inputs)
    policy = load_policy(find_policy(options.policy, record))
    loaded_terms = load_terms(terms) if terms is not None else None
    findings = withheld_findings(record, record_path)
    if options.strict and not options.review and findings.undecided:
        raise FindingsUndecided(
            f"{len(findings.undecided)} finding(s) of `minutes scan` are undecided; decide each in "
            f"{decisions_path(record_path)} before a strict release:\n"
            + "\n".join(f"  {entry.describe()}" for entry in findings.undecided)
        )
    draft = record.meeting.status is Status.DRAFT and not options.review
    if draft and options.strict:
        raise DraftRelease(f"{record_path} is a draft (meeting.status: draft): set its status to final before a "
                           "strict release; a draft's release is marked DRAFT on every page")
    ledger = _ledger(findings)
    plan = RedactionPlan(record, policy, load_catalogue())
    context = ReleaseContextBuilder(plan, ledger, review=options.review, raised=raised).context()
    style = MarkStyle.REVIEW if options.review else options.style

    # Work in the system's temporary folder: a half-made release never sits beside the output.
    with tempfile.TemporaryDirectory(prefix="minutes-release-") as work_dir:
        work = Path(work_dir)
        staged = {kind: work / path.name for kind, path in paths.items()}
        render_docx(template, context, work / "rendered.docx", inputs,
                    properties=DocumentProperties(language=record_language(record)))
        package = Package(work / "rendered.docx")
        sanitise(package)
        if loaded_terms is not None:
            # Patterns are matched in the minutes as rendered, template text included.
            for text, exemption in term_needles(loaded_terms.terms, document_texts(package)):
                ledger.search_for(text, exemption)
        derivable = [] if options.review else _derivable(record, plan, ledger, options)
        matcher = Matcher(ledger.needles)
        # The audit log names the parts left out; an author may have named one after a person.
        dropped = [matcher.mask(part.describe(), MASK) for part in rebuild(package)]
        # The properties rebuilt empty get the release's title before the sweep, which masks
        # whatever withheld text is left in it, as everywhere else.
        set_core_properties(package, **release_properties(record, context["title"], review=options.review))
        sweep(package, ledger, matcher)
        place_marks(package, ledger, style, options.mask_length)
        placed = ledger.placed()
        finish(package, staged, paths, inputs, ledger, options, lambda: audit_json(
            record=record_path, policy=policy, decisions=_decisions_used(record_path, findings), terms=loaded_terms,
            by=released_by(options.by), style=style, mask_length=options.mask_length,
            outputs=list(paths.values()), redactions=placed, dropped=dropped, derivable=derivable,
        ))
    warnings = ([DRAFT_WARNING] if draft else []) + [f"derivable: {entry}" for entry in derivable]
    return ReleaseResult(list(paths.values()), placed, warnings + _warnings(findings), dropped,
                         leak_checked=not options.review)


DRAFT_WARNING = ("the record is a draft (meeting.status: draft), so every page of the release is marked DRAFT; "
                 "release the final minutes, or give --strict to refuse drafts")


RELEASE_SUBJECT = "FOI release"
REVIEW_SUBJECT = "FOI release review copy – not for release"


def release_properties(record: MeetingRecord, shown_title: str, *, review: bool = False) -> dict[str, str]:
    """The title, subject and language of a release (or review copy) of `record`: "FOI release:
    Contract Performance Group, 15 September 2026".

    `shown_title` is the meeting title as the release context shows it: what the context withholds
    in it (a name, a marked span, the whole field) is a mark, which becomes X's here, whether or not
    the sweep could find its text (a short or bare number is not searched for in a property). The
    rest, the date included, is written as the record gives it: the sweep masks what is withheld."""
    prefix, subject = ("Review copy", REVIEW_SUBJECT) if review else ("FOI release", RELEASE_SUBJECT)
    title = document_title(MARK_PATTERN.sub(MASK, shown_title), record.meeting.date)
    return {"title": f"{prefix}: {title}", "subject": subject, "language": record_language(record)}


@dataclass
class StagedRelease:
    """A release made up to its last stages (`finish`): its package with its marks placed, and where
    its files are staged and go."""
    package: Package
    staged: dict[str, Path]
    paths: dict[str, Path]
    inputs: list[Path]
    ledger: RedactionLedger
    options: ReleaseOptions
    audit: Callable[[], str]


_held: tuple[Path, list[StagedRelease]] | None = None


@contextmanager
def finishing_together() -> Iterator[list[StagedRelease]]:
    """Releases made inside the block are staged by `finish`, not written: their files kept in one
    temporary folder, the list yielded holding them, for the caller to `complete` together (two
    LibreOffice calls for the whole batch instead of two a release)."""
    global _held
    if _held is not None:
        raise RuntimeError("releases are already being finished together")
    with tempfile.TemporaryDirectory(prefix="minutes-batch-") as work:
        _held = (Path(work), [])
        try:
            yield _held[1]
        finally:
            _held = None


def finish(package: Package, staged: dict[str, Path], paths: dict[str, Path], inputs: list[Path],
           ledger: RedactionLedger, options: ReleaseOptions, audit: Callable[[], str]) -> None:
    """The last stages of every release, of a record or of a document (see `complete`); inside
    `finishing_together`, the release is only staged with the others."""
    release = StagedRelease(package, staged, paths, inputs, ledger, options, audit)
    if _held is None:
        complete([release])
        return
    # The release's own folder goes when it returns: its files are staged in the batch's.
    work, releases = _held
    folder = work / str(len(releases))
    folder.mkdir()
    release.staged = {kind: folder / path.name for kind, path in staged.items()}
    releases.append(release)


def complete(releases: list[StagedRelease]) -> None:
    """Each redaction's page (every release laid out in one LibreOffice call), each Redaction
    Summary, save, the PDFs (one call), each schedule, the independent leak check (on any hit in
    any release nothing is written), the audit logs, then every output moved into place."""
    laid_out: list[tuple[StagedRelease, Path]] = []
    unpaged_because: dict[int, str | None] = {}
    for index, release in enumerate(releases):
        if release.options.review:
            continue
        unpaged_because[index] = _learn_pages(release.options)
        if unpaged_because[index] is None:
            # A name of its own: one LibreOffice call writes every PDF into one folder.
            layout = release.staged["docx"].with_name(f"laid-out-{index}.docx")
            release.package.save(layout)
            laid_out.append((release, layout))
    convert_all([(layout, layout.with_suffix(".pdf")) for _, layout in laid_out])
    for release, layout in laid_out:
        assign_pages(pdf_pages(layout.with_suffix(".pdf")), release.ledger.placed(), release.options.style,
                     release.options.mask_length)
    for index, release in enumerate(releases):
        if index in unpaged_because and release.options.summary:
            append_summary(release.package, release.ledger.placed(), unpaged_because=unpaged_because[index])
        release.package.save(release.staged["docx"])
    convert_all([(release.staged["docx"], release.staged["pdf"]) for release in releases if release.options.pdf])
    for index, release in enumerate(releases):
        if release.options.review:
            continue
        placed, options = release.ledger.placed(), release.options
        if options.pdf and unpaged_because[index]:
            assign_pages(pdf_pages(release.staged["pdf"]), placed, options.style, options.mask_length)
        release.staged["schedule"].write_text(schedule_csv(placed), encoding="utf-8")
        hits = leak_check(release.staged, release.ledger)
        if hits:
            error = LeakDetected(hits)
            if len(releases) > 1:
                error.add_note(f"in the release of {release.inputs[0]}; nothing of the batch was written")
            raise error
        release.staged["audit"].write_text(release.audit(), encoding="utf-8")
    for release in releases:
        for kind, path in release.paths.items():
            with atomic_output(path, release.inputs) as temporary:
                shutil.copyfile(release.staged[kind], temporary)


PAGES_SETTING = "MINUTES_PAGES"
"""Set to "off" to release without laying out pages (scripts releasing many files quickly)."""


def _learn_pages(options: ReleaseOptions) -> str | None:
    """None when the release is to be laid out to give each redaction its page (from the document
    before its summary is appended: the summary follows a page break, so no page before it moves);
    else why the pages are not known."""
    if options.pages is False:
        return "the release was made without laying out its pages"
    if options.pages is None and not options.pdf and os.environ.get(PAGES_SETTING, "").lower() in {"off", "0", "no"}:
        return f"the release was made with {PAGES_SETTING}=off, without laying out its pages"
    why = layout_unavailable()
    if why is not None:
        if options.pages or options.pdf:
            raise OfficeUnavailable(f"the release cannot be laid out into pages: {why}")
        return why
    return None


def _derivable(record: MeetingRecord, plan: RedactionPlan, ledger: RedactionLedger,
               options: ReleaseOptions) -> list[str]:
    """The withheld figures of the record's performance sections that disclosed ones give away:
    an error, or with `allow_derivable` a warning the audit log keeps."""
    withheld = withheld_by({Unit.MONEY: plan.category_code("money") is not None,
                            Unit.FTE: plan.category_code("staffing") is not None}, ledger.needles)
    found = [entry.describe() for entry in derivable_figures(record, withheld)]
    if found and not options.allow_derivable:
        raise DerivableFigure(found)
    return found


def _ledger(findings: Withheld) -> RedactionLedger:
    """A ledger that already searches for the findings withheld: the sweep replaces every
    occurrence of them wherever they are, and the leak check proves them gone."""
    ledger = RedactionLedger()
    for text, exemption in findings.needles:
        ledger.search_for(text, exemption)
    return ledger


def leak_check(staged: dict[str, Path], ledger: RedactionLedger) -> list[Hit]:
    """The independent check of the files as written: the document against the schedule's rows
    as written, and the PDF."""
    needles = {needle: exemption.code for needle, exemption in ledger.needles.items()}
    codes = {redaction.exemption.code for redaction in ledger.redactions.values()}
    with staged["schedule"].open(encoding="utf-8", newline="") as schedule:
        rows = sum(1 for _ in csv.reader(schedule)) - 1  # less the heading
    hits = check_file(staged["docx"], needles, schedule_rows=rows, codes=codes)
    if "pdf" in staged:
        hits += check_file(staged["pdf"], needles)
    return hits


def _decisions_used(record_path: Path, findings: Withheld) -> Path | None:
    """The decisions file the release trusted, or None when the record was scanned afresh."""
    return decisions_path(record_path) if findings.current else None


def _warnings(findings: Withheld) -> list[str]:
    warnings = []
    if not findings.current:
        warnings.append("the record was scanned for personal data because its decisions file is missing or out of "
                        "date; run `minutes scan` to record decisions (and release without loading spaCy)")
    warnings += [f"undecided finding withheld under its suggested code: {entry.describe()}" for entry in findings.undecided]
    return warnings


def verify_release(
    file: Path, record: MeetingRecord, record_path: Path, *, audit: Path | None = None,
    policy_name: str | None = None, raised: Mapping[str, Action] | None = None,
) -> tuple[list[Hit], list[str]]:
    """Check any file for everything the record's release withholds, with the policy and decisions
    the release used (from its audit log), and return the hits with any warnings.

    `ReleaseMismatch` when the audit log shows another record, or a policy or decisions file that
    has changed since the release."""
    needles, warnings = record_needles(record, record_path, audit=audit or audit_path(file),
                                       policy_name=policy_name, raised=raised)
    return check_file(file, needles), warnings


def record_needles(
    record: MeetingRecord, record_path: Path, *, audit: Path, policy_name: str | None = None,
    raised: Mapping[str, Action] | None = None,
) -> tuple[dict[str, str], list[str]]:
    """Every string the record's release withheld, in every form, with its code: worked out again
    from the record and what the audit log says the release used (the log never holds them)."""
    warnings: list[str] = []
    terms: LoadedTerms | None = None
    if audit.is_file():
        policy, findings, terms = _as_released(audit, record, record_path)
    else:
        warnings.append(f"no audit log at {audit}: checking with the record's policy and decisions "
                        "(give --audit PATH to check what the release used)")
        policy = load_policy(find_policy(policy_name, record))
        findings = withheld_findings(record, record_path)
    ledger = _ledger(findings)
    ReleaseContextBuilder(RedactionPlan(record, policy, load_catalogue()), ledger, raised=raised).context()
    if terms is not None:
        for text, exemption in term_needles(terms.terms, (text for _, text in record_texts(record))):
            ledger.search_for(text, exemption)
    return {needle: exemption.code for needle, exemption in ledger.needles.items()}, warnings


def release_needles(audit: Path) -> dict[str, str]:
    """Every string a release withheld, with its code, from its audit log alone: the record or
    Word document it names is read again and checked unchanged (`ReleaseMismatch` otherwise).
    What a letter or another document of the same request must not disclose."""
    from minutes_kit.actions.register import minutes_source

    audit = Path(audit)
    try:
        entry = json.loads(audit.read_text(encoding="utf-8"))
        kind = "record" if "record" in entry else "document"
        source = _logged_path(Path(entry[kind]), audit)
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ReleaseMismatch(f"{audit} is not an audit log of minutes-kit: {exc}") from exc
    if kind == "document":
        return document_needles(source, audit=audit)[0]
    record, raised, _ = minutes_source(source)
    return record_needles(record, source, audit=audit, raised=raised)[0]


def _logged_path(path: Path, audit: Path) -> Path:
    """A path an audit log names: as written (relative to where the release ran), else beside the log."""
    if path.is_absolute() or path.exists():
        return path
    beside = audit.parent / path
    return beside if beside.exists() else path


def _as_released(audit: Path, record: MeetingRecord,
                 record_path: Path) -> tuple[LoadedPolicy, Withheld, LoadedTerms | None]:
    from minutes_kit.detection.decisions import load_decisions

    try:
        entry = json.loads(audit.read_text(encoding="utf-8"))
        released_sha, policy_sha = entry["record_sha256"], entry["policy_sha256"]
        policy_name, policy_path = entry["policy"], entry["policy_path"]
        decisions_sha = entry.get("decisions_sha256")
        terms_path, terms_sha = entry.get("terms"), entry.get("terms_sha256")
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ReleaseMismatch(f"{audit} is not an audit log of minutes-kit: {exc}") from exc
    if file_sha256(record_path) != released_sha:
        raise ReleaseMismatch(f"{record_path} is not the record released: its SHA-256 differs from the one in {audit}")
    # The path where the release found its policy, else the policy of that name here (a shipped
    # policy lives wherever the toolkit is installed): its hash says whether it is the same.
    policy = load_policy(find_policy(policy_path if Path(policy_path).is_file() else policy_name, record))
    if policy.sha256 != policy_sha:
        raise ReleaseMismatch(f"the policy {policy_name} ({policy.path}) is not the one the release used: "
                              f"it has changed since (see {audit})")
    if terms_path and (not Path(terms_path).is_file() or file_sha256(Path(terms_path)) != terms_sha):
        raise ReleaseMismatch(f"the terms file {terms_path} is missing or has changed since the release (see {audit})")
    terms = load_terms(Path(terms_path)) if terms_path else None
    if decisions_sha is None:
        return policy, withheld_findings(record, record_path), terms
    decisions = decisions_path(record_path)
    if not decisions.is_file() or file_sha256(decisions) != decisions_sha:
        raise ReleaseMismatch(f"{decisions} is missing or has changed since the release (see {audit})")
    return policy, Withheld(load_decisions(decisions), current=True), terms


# Any Word document's release reuses the options, outputs and leak check above.
from minutes_kit.release.document import document_needles, release_document, verify_document  # noqa: E402
