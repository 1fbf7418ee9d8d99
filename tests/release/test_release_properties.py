"""Property-based releases: registry names of hard forms, typed the way people type them, wherever
a record or a template can put them, never survive a release, and the words around them do.

Names are drawn from letters that fold in surprising ways (İ ı ß, é composed and decomposed, Ł ø
ñ), with both apostrophes, three hyphens and particles ("van der", "Ní", "el-"). The registry
holds each clean name; the record and the template hold what a typist makes of it: all capitals,
another apostrophe or hyphen, the other Unicode normalisation, a zero-width space or soft hyphen
inside a word, a line break, a double or a non-breaking space between the words, a title before the surname.
Only forms the toolkit withholds are placed (full name, or title and surname), never a lone first
name or surname, which go to a reviewer instead.

Each release is read by the attacker's oracle (`oracle.py`), which shares no code with the toolkit.
"""

from __future__ import annotations

import hashlib
import re
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

import yaml
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from lxml import etree

from minutes_kit.cli import app
from minutes_kit.rendering.docx import MINUTES_TEMPLATE
from tests.release.oracle import BREAKS, TAG, leaks, reader_fold

UPPER = [*"ABDEGHKLMNPRSTVWZ", "İ", "Ł", "Ø", "Ñ", "É", "E\u0301"]
LOWER = [*"aeiounrstlkmdhy", "ı", "ß", "é", "e\u0301", "ł", "ø", "ñ"]
APOSTROPHES = ["'", "’"]
HYPHENS = ["-", "\u2011", "\u2010"]
PARTICLES = ["", "van der ", "Ní ", "el-"]
TITLES = ["Mr", "Mrs", "Ms", "Dr", "Dr.", "Prof"]
INVISIBLES = ["\u200b", "\u00ad"]
SLOTS = ["paragraph", "block", "action", "item_title", "location", "meeting_title", "template_header",
         "template_body"]
TEMPLATE_SLOTS = {"template_header", "template_body"}
MASK = reader_fold("XXXXXXS40(2)")
CHAIR = "Grace Bell"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STORY = re.compile(r"^word/(document|header\d*|footer\d*)\.xml$")

RELEASE_SETTINGS = settings(max_examples=20, deadline=None,
                            suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


# --- Names -------------------------------------------------------------------------------------

word = st.builds(lambda head, tail: head + "".join(tail), st.sampled_from(UPPER),
                 st.lists(st.sampled_from(LOWER), min_size=2, max_size=6))
given_names = st.one_of(
    word,
    st.builds(lambda a, hyphen, b: f"{a}{hyphen}{b}", word, st.sampled_from(HYPHENS), word),
    st.builds(lambda a, apostrophe, b: f"{a}{apostrophe}{b}", word, st.sampled_from(APOSTROPHES), word),
)
surnames = st.builds(
    lambda particle, core: particle + core,
    st.sampled_from(PARTICLES),
    st.one_of(
        word,
        st.builds(lambda apostrophe, b: f"O{apostrophe}{b}", st.sampled_from(APOSTROPHES), word),
        st.builds(lambda a, hyphen, b: f"{a}{hyphen}{b}", word, st.sampled_from(HYPHENS), word),
    ),
)


@dataclass(frozen=True)
class Name:
    given: str
    surname: str

    @property
    def clean(self) -> str:
        return f"{self.given} {self.surname}"


names = st.builds(Name, given_names, surnames)


@dataclass(frozen=True)
class Placement:
    slot: str
    typed: str
    """The name as typed into the record or template."""
    withheld: str
    """The clean form it stands for (the full name, or title and surname)."""
    number: int
    split: int = 1
    """Where a template body splits the name between two runs."""
    elements: bool = False
    """Whether a template body writes U+2011 and U+00AD as Word does, <w:noBreakHyphen/> and <w:softHyphen/>."""

    @property
    def left(self) -> str:
        return f"alpha{self.number}"

    @property
    def right(self) -> str:
        return f"omega{self.number}"

    @property
    def in_context(self) -> str:
        return f"{self.left} {self.typed} {self.right}"


@st.composite
def typed_forms(draw, name: Name, slot: str) -> tuple[str, str]:
    """What a typist makes of `name` in `slot`, and the clean form it stands for."""
    if draw(st.booleans()):
        first, withheld = name.given, name.clean
    else:
        title = draw(st.sampled_from(TITLES))
        first, withheld = title, f"{title} {name.surname}"
    separator = "\n" if slot == "block" else draw(st.sampled_from([" ", " ", "  ", "\u00a0"]))
    text = f"{first}{separator}{name.surname}"
    apostrophe, hyphen = draw(st.sampled_from(APOSTROPHES)), draw(st.sampled_from(HYPHENS))
    text = "".join(apostrophe if ch in APOSTROPHES else hyphen if ch in HYPHENS else ch for ch in text)
    normal = draw(st.sampled_from([None, "NFC", "NFD"]))
    if normal:
        text = unicodedata.normalize(normal, text)
    if draw(st.booleans()):
        text = text.upper()
    invisible = draw(st.sampled_from([None, *INVISIBLES]))
    inside = [i for i in range(1, len(text)) if text[i - 1].isalpha() and text[i].isalpha()]
    if invisible and inside:
        at = inside[draw(st.integers(0, len(inside) - 1))]
        text = text[:at] + invisible + text[at:]
    return text, withheld


@dataclass(frozen=True)
class Scenario:
    people: list[Name]
    placements: list[Placement]


@st.composite
def scenarios(draw) -> Scenario:
    people = draw(st.lists(names, min_size=2, max_size=3,
                           unique_by=lambda name: reader_fold(name.clean)))
    assume(all(reader_fold(person.clean) != reader_fold(CHAIR) for person in people))
    placements: list[Placement] = []
    for person in people:
        for slot in draw(st.lists(st.sampled_from(SLOTS), min_size=1, max_size=3)):
            typed, withheld = draw(typed_forms(person, slot))
            placements.append(Placement(slot, typed, withheld, len(placements) + 1,
                                        split=draw(st.integers(1, 200)), elements=draw(st.booleans())))
    return Scenario(people, placements)


# --- Records and templates ---------------------------------------------------------------------


class _Block(str):
    """A string written as a YAML literal block (`text: |`)."""


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(_Block, lambda dumper, value: dumper.represent_scalar(
    "tag:yaml.org,2002:str", str(value), style="|"))


def record_yaml(scenario: Scenario) -> str:
    def placed(slot: str) -> list[Placement]:
        return [placement for placement in scenario.placements if placement.slot == slot]

    def joined(base: str, slot: str) -> str:
        return "; ".join([base, *(placement.in_context for placement in placed(slot))])

    paragraphs: list = [f"{placement.in_context} noted the plan." for placement in placed("paragraph")]
    paragraphs += [{"text": _Block(f"The plan was agreed with {placement.in_context}\nbefore the meeting.\n")}
                   for placement in placed("block")]
    paragraphs.append({"text": "The contractor will confirm the dates.", "actions": [
        {"owners": ["gb"], "text": f"ask {placement.in_context}", "due": "2026-10-01"}
        for placement in placed("action")]} if placed("action") else "The contractor will confirm the dates.")
    keys = [f"p{number}" for number in range(1, len(scenario.people) + 1)]
    record = {
        "meeting": {"series": "ADV", "title": joined("Estates review", "meeting_title"), "date": "2026-09-15",
                    "location": joined("Room 4, Calder Court", "location"),
                    "classification": "OFFICIAL-SENSITIVE", "status": "final"},
        "people": {"gb": {"name": CHAIR, "role": "Director of Estates", "organisation": "Department",
                          "disclosable": True},
                   **{key: {"name": person.clean, "organisation": "Department"}
                      for key, person in zip(keys, scenario.people)}},
        "chair": "gb",
        "attendees": ["gb", *keys],
        "notes_by": "gb",
        "items": [{"title": joined("Estates", "item_title"), "paragraphs": paragraphs}],
    }
    return yaml.dump(record, Dumper=_Dumper, allow_unicode=True, sort_keys=False)


def _text_pieces(text: str, elements: bool) -> list:
    """The run content for `text`: w:t nodes, with U+2011 and U+00AD as Word's own elements if asked."""
    pieces = []
    for piece in re.split("([\u2011\u00ad])", text) if elements else [text]:
        if elements and piece == "\u2011":
            pieces.append(OxmlElement("w:noBreakHyphen"))
        elif elements and piece == "\u00ad":
            pieces.append(OxmlElement("w:softHyphen"))
        elif piece:
            node = OxmlElement("w:t")
            node.set(qn("xml:space"), "preserve")
            node.text = piece
            pieces.append(node)
    return pieces


def _split_paragraph(paragraph, placement: Placement) -> None:
    """The name typed across two runs, the second bold, split where `placement.split` says."""
    at = 1 + placement.split % (len(placement.typed) - 1)
    for number, text in enumerate((f"{placement.left} {placement.typed[:at]}", f"{placement.typed[at:]} {placement.right}")):
        run = OxmlElement("w:r")
        if number:
            properties = OxmlElement("w:rPr")
            properties.append(OxmlElement("w:b"))
            run.append(properties)
        for piece in _text_pieces(text, placement.elements):
            run.append(piece)
        paragraph._p.append(run)


def user_template(scenario: Scenario, path: Path) -> Path:
    """The shipped minutes template with the typed names in a header paragraph and in body paragraphs
    split across two runs."""
    document = Document(str(MINUTES_TEMPLATE))
    header = document.sections[0].header
    for placement in scenario.placements:
        if placement.slot == "template_header":
            header.add_paragraph(f"Prepared by {placement.in_context}.")
        elif placement.slot == "template_body":
            _split_paragraph(document.paragraphs[1].insert_paragraph_before(), placement)
    document.save(str(path))
    return path


def _no_findings(record: Path) -> str:
    """A current decisions file with nothing to decide, so the tests need no spaCy."""
    return f"record_sha256: {hashlib.sha256(record.read_bytes()).hexdigest()}\nfindings: []\n"


def shown_text(docx: Path) -> str:
    """The folded text of the body, headers and footers, as a reader sees it."""
    with zipfile.ZipFile(docx) as package:
        return " ".join(reader_fold(TAG.sub("", BREAKS.sub(b" ", package.read(name)).decode("utf-8")))
                        for name in package.namelist() if STORY.match(name))


def release(runner, scenario: Scenario, folder: Path):
    record = folder / "record.yaml"
    record.write_text(record_yaml(scenario), encoding="utf-8")
    (folder / "record.decisions.yaml").write_text(_no_findings(record), encoding="utf-8")
    output = folder / "release.docx"
    arguments = ["release", str(record), "-o", str(output)]
    if any(placement.slot in TEMPLATE_SLOTS for placement in scenario.placements):
        arguments += ["--template", str(user_template(scenario, folder / "template.docx"))]
    return runner.invoke(app, arguments), output


# --- Properties --------------------------------------------------------------------------------


@RELEASE_SETTINGS
@given(scenario=scenarios())
def test_typed_names_never_survive_a_release_and_their_context_does(runner, scenario):
    with tempfile.TemporaryDirectory(prefix="release-property-") as folder:
        result, output = release(runner, scenario, Path(folder))
        assert result.exit_code == 0, result.output
        secrets = sorted({person.clean for person in scenario.people}
                         | {placement.withheld for placement in scenario.placements})
        assert leaks(output, secrets) == {}
        shown = shown_text(output)
        for placement in scenario.placements:
            expected = f"{placement.left} {MASK} {placement.right}"
            assert expected in shown, (placement, shown)


def test_the_record_writes_line_broken_names_as_literal_blocks():
    """The generator really writes `text: |` blocks with the line break inside the name."""
    scenario = Scenario([Name("Renée", "van der O’Brien"), Name("İlkeß", "Yılmaz‑Łøñ")],
                        [Placement("block", "Renée\nvan der O'Brien", "Renée van der O'Brien", 1)])
    text = record_yaml(scenario)
    assert "text: |" in text and "alpha1 Renée\n" in text
    assert yaml.safe_load(text)["items"][0]["paragraphs"][0]["text"].startswith(
        "The plan was agreed with alpha1 Renée\nvan der O'Brien omega1\n")


# --- The same at the library level: the sweep's matcher and paragraph sweep, without rendering ----


def _needles(scenario: Scenario, folder: Path) -> dict:
    """What the release searches for, from the record's registry and the default policy."""
    from minutes_kit.record.exemptions import load_catalogue
    from minutes_kit.release.context import ReleaseContextBuilder
    from minutes_kit.release.ledger import RedactionLedger
    from minutes_kit.release.plan import RedactionPlan
    from minutes_kit.release.policy import find_policy, load_policy
    from minutes_kit.validation import load_record

    path = folder / "record.yaml"
    path.write_text(record_yaml(scenario), encoding="utf-8")
    record = load_record(path)
    ledger = RedactionLedger()
    ReleaseContextBuilder(RedactionPlan(record, load_policy(find_policy(None, record)), load_catalogue()), ledger)
    return ledger.needles


def _paragraph(placement: Placement):
    paragraph = etree.SubElement(etree.Element(f"{{{W_NS}}}body", nsmap={"w": W_NS}), f"{{{W_NS}}}p")
    at = 1 + placement.split % (len(placement.typed) - 1)
    for text in (f"{placement.left} {placement.typed[:at]}", f"{placement.typed[at:]} {placement.right}"):
        run = etree.SubElement(paragraph, f"{{{W_NS}}}r")
        for piece in re.split("([\u2011\u00ad\n])", text):
            if piece == "\n":
                etree.SubElement(run, f"{{{W_NS}}}br")
            elif placement.elements and piece == "\u2011":
                etree.SubElement(run, f"{{{W_NS}}}noBreakHyphen")
            elif placement.elements and piece == "\u00ad":
                etree.SubElement(run, f"{{{W_NS}}}softHyphen")
            elif piece:
                node = etree.SubElement(run, f"{{{W_NS}}}t")
                node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                node.text = piece
    return paragraph


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenario=scenarios())
def test_the_sweep_masks_every_typed_form_and_nothing_around_it(scenario):
    from minutes_kit.ooxml.stories import Story
    from minutes_kit.release.ledger import MARK_PATTERN, RedactionLedger
    from minutes_kit.release.matcher import Matcher
    from minutes_kit.release.sweep import sweep_paragraph

    with tempfile.TemporaryDirectory(prefix="sweep-property-") as folder:
        needles = _needles(scenario, Path(folder))
    matcher = Matcher(needles)
    for placement in scenario.placements:
        masked = matcher.mask(placement.in_context, "XXXXXX")
        assert reader_fold(masked) == reader_fold(f"{placement.left} XXXXXX {placement.right}"), placement
        paragraph = _paragraph(placement)
        sweep_paragraph(paragraph, Story("word/document.xml", "body"), matcher, RedactionLedger())
        xml = etree.tostring(paragraph, encoding="unicode")
        text = reader_fold(MARK_PATTERN.sub("MARK", TAG.sub("", BREAKS.sub(b" ", xml.encode()).decode())))
        assert text == f"{placement.left} mark {placement.right}", (placement, xml)
