"""Release policies: which codes apply by category across a record. The shipped ones are
`minutes_kit/data/policies/*.yaml`; a user may give a file of their own."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import Field, ValidationError

from minutes_kit.files import file_sha256
from minutes_kit.errors import PolicyNotFound, RecordInvalid, RecordSyntaxError, UnknownExemption
from minutes_kit.record.exemptions import DATA_DIR, load_catalogue
from minutes_kit.record.base import StrictModel, Text
from minutes_kit.record.model import MeetingRecord, WithholdableField
from minutes_kit.record.source import load_source
from minutes_kit.validation.problems import Problem, Report, Severity
from minutes_kit.validation.schema_errors import report_validation_error

POLICIES_DIR = DATA_DIR / "policies"
"""The policies shipped with the package, chosen by name."""
DEFAULT_POLICY = "default"


class Policy(StrictModel):
    description: Text
    people: Text = Field("S40(2)", description="Code for every person not marked disclosable.")
    fields: dict[WithholdableField, Text] = Field(default_factory=dict, description="Whole fields withheld.")
    action_refs: Text | None = Field(None, description="Code for action references, e.g. S38.")
    categories: dict[str, Text] = Field(
        default_factory=dict, description="Codes for generated values by category: money, staffing."
    )


@dataclass(frozen=True)
class LoadedPolicy:
    name: str
    path: Path
    sha256: str
    policy: Policy


def policy_names() -> list[str]:
    return sorted(path.stem for path in POLICIES_DIR.glob("*.yaml"))


def find_policy(name: str | None, record: MeetingRecord) -> Path:
    """The policy file named on the command line, else by the record, else the default."""
    chosen = name or (record.release.policy if record.release else None) or DEFAULT_POLICY
    candidate = Path(chosen)
    if candidate.suffix in {".yaml", ".yml"} and candidate.is_file():
        return candidate
    named = POLICIES_DIR / f"{chosen}.yaml"
    if named.is_file():
        return named
    raise PolicyNotFound(f"no release policy '{chosen}'; available: {', '.join(policy_names())}, or a path to a .yaml file")


def load_policy(path: Path) -> LoadedPolicy:
    """Read and check a policy file; every problem is reported with its line, and a file that
    cannot be read is an `InputUnreadable` naming it."""
    from minutes_kit.errors import InputUnreadable

    report = Report(path)
    try:
        data, document = load_source(path)
        digest = file_sha256(path)
    except OSError as exc:
        raise InputUnreadable(f"cannot read the policy {path}: {exc.strerror or exc}") from exc
    except RecordSyntaxError as exc:
        report.add(Problem(Severity.ERROR, exc.position, "(file)", exc.message))
        raise RecordInvalid(report) from exc
    report.document = document
    try:
        policy = Policy.model_validate(data)
    except ValidationError as exc:
        report_validation_error(exc, report, model=Policy)
        raise RecordInvalid(report) from exc
    catalogue = load_catalogue()
    codes = [(("people",), policy.people)]
    codes += [(("fields", name), code) for name, code in policy.fields.items()]
    codes += [(("categories", name), code) for name, code in policy.categories.items()]
    if policy.action_refs:
        codes.append((("action_refs",), policy.action_refs))
    for at, code in codes:
        try:
            catalogue.lookup(code)
        except UnknownExemption as exc:
            report.error(at, str(exc))
    if report.errors:
        raise RecordInvalid(report)
    return LoadedPolicy(path.stem, path, digest, policy)
