import pytest

from minutes_kit.errors import UnknownExemption
from minutes_kit.record.exemptions import canonical_code, load_catalogue

FOIA_SECTIONS = ["S21", "S22", "S22A", "S23", "S24", "S26", "S27", "S28", "S29", "S30", "S31", "S32", "S33",
                 "S34", "S35", "S36", "S36(2)(a)", "S36(2)(b)(i)", "S36(2)(b)(ii)", "S36(2)(c)", "S37", "S38",
                 "S39", "S40", "S40(1)", "S40(2)", "S41", "S42", "S43", "S44"]
EIR = [f"R12(4)({letter})" for letter in "abcde"] + [f"R12(5)({letter})" for letter in "abcdefg"] + ["R13"]


def test_catalogue_holds_every_foia_part_ii_code_and_eir_regulation():
    assert set(FOIA_SECTIONS + EIR) <= set(load_catalogue().exemptions)


@pytest.mark.parametrize("code", ["S21", "S23", "S32", "S34", "S40(2)", "S41", "S44"])
def test_absolute_exemptions(code):
    assert load_catalogue().lookup(code).absolute


@pytest.mark.parametrize("code", ["S22", "S31", "S35", "S36(2)(b)(ii)", "S38", "S43", "R12(5)(e)"])
def test_qualified_exemptions(code):
    assert not load_catalogue().lookup(code).absolute


@pytest.mark.parametrize("written, code", [
    ("S40(2)", "S40(2)"), ("s.40(2)", "S40(2)"), ("section 40(2)", "S40(2)"), ("Section 40 (2)", "S40(2)"),
    ("s 36(2)(b)(ii)", "S36(2)(b)(ii)"), ("s22a", "S22A"), ("reg 12(5)(e)", "R12(5)(e)"),
    ("Regulation 13", "R13"), ("EIR 12(4)(d)", "R12(4)(d)"),
])
def test_codes_are_read_as_people_write_them(written, code):
    assert canonical_code(written) == code
    assert load_catalogue().lookup(written).code == code


def test_unknown_code_names_the_closest_known_one():
    with pytest.raises(UnknownExemption, match=r"'S40\(3\)' is not a known exemption code; did you mean S40\(2\)"):
        load_catalogue().lookup("S40(3)")


def test_schedule_title_reads_like_a_real_summary():
    assert load_catalogue().lookup("s40(2)").schedule_title == "S.40(2) - Personal information: third-party personal data"
