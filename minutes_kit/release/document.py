"""The FOI release of any Word document: what a terms file and a decisions file withhold, removed.

The same engine as a record's release (`release_minutes`), without a record or a policy:

    document ──► what kind of file (by content) ──► package ──► count tracked changes ──► sanitise
             ──► needles: decisions, terms, every match of each pattern ──► rebuild from the allow-list
             ──► properties reset ──► sweep (locations: "paragraph 12", "Page header (word/header1.xml),
             paragraph 1") ──► marks ──► summary ──► save ──► leak check ──► schedule, audit log

What is withheld: the findings of `minutes scan` in ``DOC.decisions.yaml`` beside the document (or
the decisions file given) decided "redact", and the undecided ones (a strict release refuses them),
and every term of the terms file (`release.terms`). A document without a decisions file is not
scanned here (spaCy is never loaded for a document's release): the release says so in a warning.
A decisions file beside the document is applied even when the document has changed since the
scan, with a warning; one given explicitly (for a batch answering one request) is trusted as is.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from lxml import etree

from minutes_kit.detection.decisions import Decision, DecisionsFile, Withheld, decisions_path, load_decisions
from minutes_kit.errors import FindingsUndecided, ReleaseMismatch
from minutes_kit.files import file_sha256, guard_output
from minutes_kit.ooxml.constants import RT_STYLES
from minutes_kit.ooxml.kind import open_word_document
from minutes_kit.ooxml.package import Package, w
from minutes_kit.ooxml.places import paragraph_places
from minutes_kit.ooxml.properties import set_core_properties
from minutes_kit.ooxml.rebuild import rebuild
from minutes_kit.ooxml.stories import Story, main_document, stories
from minutes_kit.release import (
    RELEASE_SUBJECT, REVIEW_SUBJECT, ReleaseOptions, ReleaseResult, audit_path, finish, output_paths,
)
from minutes_kit.release.ledger import Redaction, RedactionLedger
from minutes_kit.release.marks import MASK, MarkStyle, place_marks
from minutes_kit.release.matcher import Matcher
from minutes_kit.release.sanitise import sanitise
from minutes_kit.release.schedule import (
    released_by,
)
from minutes_kit.release.sweep import STORY_LOCATIONS, Locate, sweep
from minutes_kit.release.terms import LoadedTerms, document_texts, load_terms, term_needles
from minutes_kit.text.forms import person_forms
from minutes_kit.record.model import DEFAULT_LANGUAGE
from minutes_kit.verify import Hit, check_file

__all__ = ["document_needles", "release_document", "verify_document"]


TRACKED_CHANGES = tuple(w(tag) for tag in ("ins", "del", "moveFrom", "moveTo"))
EMBEDDED_KINDS = {"embedded object", "embedded package", "ActiveX control"}
RELEASE_TITLE = "FOI release"
REVIEW_TITLE = "Review copy"
IMAGES_FOLDER = "word/media/"
IMAGES_WARNING = "the release keeps its images (their metadata stripped): text inside images is not checked"
PERSON = "PERSON"
LANGUAGE = w("lang")


def release_document(
    path: Path,
    output: Path,
    options: ReleaseOptions,
    *,
    terms: Path | None = None,
    decisions: Path | None = None,
    inputs: Iterable[Path] = (),
) -> ReleaseResult:
    """Write the release (or, with `options.review`, the review copy) of the Word document at
    `path` to `output`, with its schedule and audit log beside it, as `release_minutes` does.

    `terms`: a terms file; `decisions`: a decisions file to trust as is (default: the document's
    own, ``DOC.decisions.yaml``, if there is one); `inputs`: other files no output may replace."""
    path = Path(path)
    package = open_word_document(path)  # a .doc, .odt, .docm or damaged file is refused before anything else
    decisions_file = Path(decisions) if decisions is not None else decisions_path(path)
    inputs = [path, decisions_file, *([Path(terms)] if terms else []), *inputs]
    paths = output_paths(output, options)
    for written in paths.values():
        guard_output(written, inputs)
    loaded_terms = load_terms(terms) if terms is not None else None
    decided, used, warnings = _decisions(path, decisions)
    found = Withheld(decided, current=True) if decided is not None else None
    if found is not None and options.strict and not options.review and found.undecided:
        raise FindingsUndecided(
            f"{len(found.undecided)} finding(s) of `minutes scan` are undecided; decide each in {used} "
            "before a strict release:\n" + "\n".join(f"  {entry.describe()}" for entry in found.undecided))
    if found is not None:
        warnings += [f"undecided finding withheld under its suggested code: {entry.describe()}"
                     for entry in found.undecided]
    style = MarkStyle.REVIEW if options.review else options.style

    with tempfile.TemporaryDirectory(prefix="minutes-release-") as work_dir:
        work = Path(work_dir)
        staged = {kind: work / written.name for kind, written in paths.items()}
        language = _language(package)
        changes = tracked_changes(package)
        sanitise(package)
        ledger = document_ledger(package, loaded_terms, decided)
        matcher = Matcher(ledger.needles)
        dropped_parts = rebuild(package)
        # The audit log names the parts left out; an author may have named one after a person.
        dropped = [matcher.mask(part.describe(), MASK) for part in dropped_parts]
        embedded = [matcher.mask(part.describe(), MASK) for part in dropped_parts if part.kind in EMBEDDED_KINDS]
        set_core_properties(package, title=REVIEW_TITLE if options.review else RELEASE_TITLE,
                            subject=REVIEW_SUBJECT if options.review else RELEASE_SUBJECT, language=language)
        sweep(package, ledger, matcher, locate=document_locations(package))
        place_marks(package, ledger, style, options.mask_length)
        placed = ledger.placed()
        warnings += _structure_warnings(package, changes, embedded)
        finish(package, staged, paths, inputs, ledger, options, lambda: _audit_json(
            document=path, terms=loaded_terms, decisions=used, by=released_by(options.by), style=style,
            mask_length=options.mask_length.value, outputs=list(paths.values()), redactions=placed,
            dropped=dropped, embedded=embedded, changes=changes, warnings=warnings,
        ))
    return ReleaseResult(list(paths.values()), placed, warnings, dropped, leak_checked=not options.review)


def _structure_warnings(package: Package, changes: int, embedded: list[str]) -> list[str]:
    """What the release did to Word's own structures that a reader of the original would miss."""
    warnings = []
    if changes:
        warnings.append(f"{changes} tracked change{'s were' if changes != 1 else ' was'} resolved: insertions "
                        "accepted, deletions removed")
    if embedded:
        warnings.append(f"embedded objects were left out of the release: {'; '.join(embedded)}")
    if any(name.startswith(IMAGES_FOLDER) for name in package.names()):
        warnings.append(IMAGES_WARNING)
    return warnings


def _decisions(path: Path, given: Path | None) -> tuple[DecisionsFile | None, Path | None, list[str]]:
    """The decisions a document's release applies, the file they came from, and what to say of them.
    A file given explicitly is trusted as is (one decisions file can serve a whole request); the
    document's own is applied even when the document changed since the scan, with a warning."""
    if given is not None:
        return load_decisions(Path(given)), Path(given), []
    beside = decisions_path(path)
    if not beside.is_file():
        return None, None, [f"{path} was not scanned for personal data (it has no decisions file {beside.name}): "
                            f"only the terms are withheld; run `minutes scan {path}` and decide its findings first"]
    decided = load_decisions(beside)
    warnings = []
    if decided.record_sha256 != file_sha256(path):
        warnings.append(f"{beside} was made from an earlier version of {path}: run `minutes scan {path}` again "
                        "to find what the new text holds")
    return decided, beside, warnings


def document_ledger(package: Package, terms: LoadedTerms | None, decisions: DecisionsFile | None) -> RedactionLedger:
    """Everything a document's release withholds: the findings decided "redact" (and the undecided),
    a person's in every form a name is written, and every term and every match of every pattern."""
    ledger = RedactionLedger()
    people: list[str] = []
    if decisions is not None:
        withheld = dict(Withheld(decisions, current=True).needles)
        people = [entry.text for entry in decisions.findings
                  if entry.category == PERSON and entry.decision is not Decision.KEEP]
        for text, exemption in withheld.items():
            for form in (person_forms(text) if text in people else [text]):
                ledger.search_for(form, exemption)
    if terms is not None:
        for text, exemption in term_needles(terms.terms, document_texts(package), people=people):
            ledger.search_for(text, exemption)
    return ledger


def tracked_changes(package: Package) -> int:
    """Insertions, deletions and moves tracked in the stories of `package`."""
    return sum(1 for story in stories(package) for _ in package.xml(story.part).iter(*TRACKED_CHANGES))


def document_locations(package: Package) -> Locate:
    """Names a paragraph as the scan does, as a person finds it in Word: "paragraph 12",
    "table 2, row 3", "header of section 2", "footnote 1"."""
    places: dict[etree._Element, str] = {}

    def locate(story: Story, paragraph: etree._Element, text: str) -> str:
        if not places:
            places.update(paragraph_places(package))  # kept alive, so each element stays the same object
        return places.get(paragraph) or STORY_LOCATIONS.get(story.kind, "a paragraph")

    return locate


def _language(package: Package) -> str:
    """The document's language: its styles' default run language, else the toolkit's default."""
    main = main_document(package)
    styles = next((relationship.target for relationship in package.relationships(main or "")
                   if relationship.type == RT_STYLES and not relationship.is_external), None)
    if styles is None or styles not in package.names():
        return DEFAULT_LANGUAGE
    defaults = package.xml(styles).find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}/{LANGUAGE}")
    return defaults.get(w("val")) if defaults is not None and defaults.get(w("val")) else DEFAULT_LANGUAGE


def _audit_json(*, document: Path, terms: LoadedTerms | None, decisions: Path | None, by: str, style: MarkStyle,
                mask_length: str, outputs: list[Path], redactions: list[Redaction], dropped: list[str],
                embedded: list[str], changes: int, warnings: list[str]) -> str:
    """Who released which document, when, with which terms and decisions: enough for `verify-release`."""
    entry = {
        "released_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "released_by": by,
        "document": str(document),
        "document_sha256": file_sha256(document),
        "terms": str(terms.path.resolve()) if terms else None,
        "terms_sha256": terms.sha256 if terms else None,
        "decisions": str(decisions.resolve()) if decisions else None,
        "decisions_sha256": file_sha256(decisions) if decisions else None,
        "style": style.value,
        "mask_length": mask_length,
        "outputs": [str(path) for path in outputs],
        "redactions": len(redactions),
        "redactions_by_code": dict(sorted(Counter(r.exemption.code for r in redactions).items())),
        "dropped_parts": dropped,
        "embedded_objects": embedded,
        "tracked_changes_resolved": changes,
        "warnings": warnings,
        "leak_check": "passed",
    }
    return json.dumps(entry, indent=2) + "\n"


def verify_document(file: Path, document: Path, *, audit: Path | None = None) -> tuple[list[Hit], list[str]]:
    """Check any file for everything the release of `document` withholds, with the terms and
    decisions the release used (from its audit log), and return the hits with any warnings.

    `ReleaseMismatch` when the audit log shows another document, or a terms or decisions file that
    has changed since the release."""
    needles, warnings = document_needles(document, audit=Path(audit) if audit else audit_path(file))
    return check_file(file, needles), warnings


def document_needles(document: Path, *, audit: Path) -> tuple[dict[str, str], list[str]]:
    """Every string the release of `document` withheld, in every form, with its code, worked out
    again from the document and what its audit log says the release used."""
    document = Path(document)
    package = open_word_document(document)
    warnings: list[str] = []
    terms: LoadedTerms | None = None
    decisions: Path | None = None
    if audit.is_file():
        terms, decisions = _as_released(audit, document)
    else:
        warnings.append(f"no audit log at {audit}: checking with the document's decisions file only, without "
                        "any terms (give --audit PATH to check what the release used)")
        decisions = decisions_path(document) if decisions_path(document).is_file() else None
    sanitise(package)
    ledger = document_ledger(package, terms, load_decisions(decisions) if decisions else None)
    return {needle: exemption.code for needle, exemption in ledger.needles.items()}, warnings


def _as_released(audit: Path, document: Path) -> tuple[LoadedTerms | None, Path | None]:
    """The terms and decisions a release used, from its audit log, each checked unchanged."""
    try:
        entry = json.loads(audit.read_text(encoding="utf-8"))
        released_sha = entry["document_sha256"]
        used = {kind: (entry.get(kind), entry.get(f"{kind}_sha256")) for kind in ("terms", "decisions")}
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ReleaseMismatch(f"{audit} is not the audit log of a document's release: {exc}") from exc
    if file_sha256(document) != released_sha:
        raise ReleaseMismatch(f"{document} is not the document released: its SHA-256 differs from the one in {audit}")
    for kind, (used_path, used_sha) in used.items():
        if used_path and (not Path(used_path).is_file() or file_sha256(Path(used_path)) != used_sha):
            raise ReleaseMismatch(f"the {kind} file {used_path} is missing or has changed since the release "
                                  f"(see {audit})")
    terms_path, _ = used["terms"]
    decisions_used, _ = used["decisions"]
    return (load_terms(Path(terms_path)) if terms_path else None,
            Path(decisions_used) if decisions_used else None)
