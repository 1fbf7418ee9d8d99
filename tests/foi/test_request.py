"""The request file: its problems with their lines, and the exemptions cited checked against those used."""

from __future__ import annotations

import json

import pytest
import yaml
from jsonschema import Draft202012Validator

from minutes_kit.cli import app
from minutes_kit.errors import RequestInvalid
from minutes_kit.foi import write_response
from minutes_kit.foi.request import load_request
from minutes_kit.schemas import schema_text
from tests.conftest import ROOT
from tests.foi.conftest import REQUEST
from tests.record.test_schemas_validate import EditorLoader

SAMPLE_REQUEST = ROOT / "samples" / "foi" / "request.yaml"
NO_PUBLIC_INTEREST = REQUEST[:REQUEST.index("public_interest:")]


def _refused(runner, request, tmp_path) -> str:
    """The command's error output for `request`, after checking that it failed and wrote nothing."""
    output = tmp_path / "letter.docx"
    result = runner.invoke(app, ["foi-response", str(request), "-o", str(output)])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert not output.exists()
    return result.stderr


def test_public_interest_for_an_exemption_no_release_uses_is_refused_at_its_line(write_request, runner, tmp_path):
    request = write_request(REQUEST + "  S41:\n    for: [Openness.]\n    against: [A confidence.]\n")
    errors = _refused(runner, request, tmp_path)
    assert f"{request}:18:3: error: public_interest.S41: public interest considerations for S41, which no " \
           "release of this response uses" in errors


def test_a_reason_for_an_exemption_no_release_uses_is_refused_at_its_line(write_request, runner, tmp_path):
    request = write_request(REQUEST + "reasons:\n  section 38: Staff safety.\n")
    errors = _refused(runner, request, tmp_path)
    assert f"{request}:19:3: error: reasons.section 38: a reason for S38, which no release" in errors


def test_a_qualified_exemption_used_without_its_public_interest_test_is_refused(write_request, runner, tmp_path):
    request = write_request(NO_PUBLIC_INTEREST)
    errors = _refused(runner, request, tmp_path)
    # Named where the release that uses it is listed.
    assert f"{request}:12:5: error: releases[1]: S43 (Commercial interests) is a qualified exemption, used in " \
           "1 redaction(s)" in errors
    assert "S40(2)" not in errors  # absolute: no public interest test needed


def test_an_absolute_exemption_has_no_public_interest_test(write_request, runner, tmp_path):
    request = write_request(REQUEST + "  S40(2):\n    for: [Openness.]\n    against: [Privacy.]\n")
    errors = _refused(runner, request, tmp_path)
    assert f"{request}:18:3: error: public_interest.S40(2): S40(2) (Personal information: third-party personal " \
           "data) is an absolute exemption" in errors


def test_an_unknown_code_is_named_at_its_line(write_request, runner, tmp_path):
    request = write_request(REQUEST.replace("  S43:", "  S433:"))
    errors = _refused(runner, request, tmp_path)
    assert f"{request}:15:3: error: public_interest.S433: 'S433' is not a known exemption code" in errors


def test_one_code_written_twice_is_refused(write_request, runner, tmp_path):
    request = write_request(REQUEST + "  s.43:\n    for: [Openness.]\n    against: [Harm.]\n")
    errors = _refused(runner, request, tmp_path)
    assert f"{request}:18:3: error: public_interest.s.43: 's.43' is S43, already given as 'S43'" in errors


@pytest.mark.parametrize(("entry", "message"), [
    ("../out/missing.release.audit.json", "there is no audit log at"),
    ("../out/group.release.docx", "is not an audit log: give the .audit.json file"),
])
def test_a_release_that_is_not_an_audit_log_is_named_at_its_line(write_request, runner, tmp_path, entry, message):
    request = write_request(REQUEST.replace("../out/group.release.audit.json", entry))
    errors = _refused(runner, request, tmp_path)
    assert f"{request}:12:5: error: releases[1]: " in errors and message in errors


def test_a_request_without_releases_is_refused(write_request, runner, tmp_path):
    request = write_request(REQUEST.replace("releases:\n  - ../out/group.release.audit.json\n", ""))
    assert "releases: list the audit logs" in _refused(runner, request, tmp_path)


def test_a_letter_dated_before_the_request_arrived_is_refused(write_request, runner, tmp_path):
    request = write_request(REQUEST.replace("sent: 2027-01-14", "sent: 2026-12-01"))
    errors = _refused(runner, request, tmp_path)
    assert f"{request}:3:1: error: sent: the letter is dated 2026-12-01, before the request was received" in errors


def test_a_requester_needs_an_address_or_an_email(write_request, runner, tmp_path):
    request = write_request(REQUEST.replace("  address: [14 Orchard Row, Leeds, LS2 7QT]\n", "").replace(
        "  email: r.pike@example.com\n", ""))
    errors = _refused(runner, request, tmp_path)
    assert f"{request}:4:1: error: requester: give the requester's address or email" in errors


def test_problems_of_the_fields_are_all_reported_with_their_lines(write_request, runner, tmp_path):
    request = write_request(REQUEST.replace("received: 2026-12-18", "received: 18/12/2026").replace(
        "    against: [Disclosure would harm the supplier's position in the retender.]\n", ""))
    errors = _refused(runner, request, tmp_path)
    assert f"{request}:2:1: error: received: '18/12/2026' is not a date" in errors
    assert f"{request}:15:3: error: public_interest.S43.against: required field 'against' is missing" in errors


def test_the_library_raises_a_typed_error_with_the_report(write_request, tmp_path):
    with pytest.raises(RequestInvalid) as raised:
        write_response(write_request(NO_PUBLIC_INTEREST), tmp_path / "letter.docx")
    assert [problem.position.line for problem in raised.value.report.errors] == [12]


def test_the_checked_in_schema_matches_the_model():
    checked_in = (ROOT / "schemas" / "foi-request.schema.json").read_text(encoding="utf-8")
    assert checked_in == schema_text("foi-request"), "schemas/foi-request.schema.json is stale: run `make schema`"


def test_the_sample_request_is_valid_and_points_editors_at_its_schema():
    lines = SAMPLE_REQUEST.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "# yaml-language-server: $schema=../../schemas/foi-request.schema.json"
    schema = json.loads((ROOT / "schemas" / "foi-request.schema.json").read_text(encoding="utf-8"))
    data = yaml.load(SAMPLE_REQUEST.read_text(encoding="utf-8"), Loader=EditorLoader)
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    assert [error.message for error in validator.iter_errors(data)] == []
    loaded = load_request(SAMPLE_REQUEST)
    assert [path.resolve() for path in loaded.release_paths()] == [
        ROOT / "out" / "contract-performance-group.release.audit.json"]


def test_a_misspelt_field_under_an_exemption_code_suggests_the_field(write_request, runner, tmp_path):
    request = write_request(REQUEST.replace("    for: [Transparency", "    forr: [Transparency"))
    result = runner.invoke(app, ["foi-response", str(request), "-o", str(tmp_path / "letter.docx")])
    assert result.exit_code == 1
    line = REQUEST.splitlines().index("    for: [Transparency about how public money is spent on the contract.]") + 1
    assert f"{request}:{line}:5: error: public_interest.S43.forr: unknown field 'forr'; did you mean 'for'?" in result.output
