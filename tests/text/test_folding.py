"""The canonical folding: what a reader takes for the same text is the same folded text, and a
match in folded text maps back to exactly the original characters."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from minutes_kit.text.folding import Folded, fold


def test_dotted_capital_i_and_dotless_i_fold_to_plain_i():
    assert fold("İlker Yılmaz") == fold("ILKER YILMAZ") == "ilker yilmaz"


def test_full_case_folding():
    assert fold("STRASSE") == fold("Straße")


def test_apostrophes_and_hyphens_are_one_each():
    assert {fold(name) for name in ("O’Connor", "O‘Connor", "Oʼ Connor".replace(" ", ""), "O'Connor")} == {"o'connor"}
    assert {fold(name) for name in ("Lewis‑Grant", "Lewis–Grant", "Lewis—Grant", "Lewis‐Grant")} == {"lewis-grant"}


def test_invisible_characters_are_removed_and_whitespace_is_one_space():
    assert fold("He\u00adlen\u200b Brack\u2060ley\ufeff") == "helen brackley"
    assert fold("Helen\n\t\u00a0 Brackley") == "helen brackley"


def test_accents_composed_or_not_fold_alike():
    assert fold("Zoë") == fold(unicodedata.normalize("NFD", "Zoë")) == fold("Zoe")


def test_private_use_marks_are_kept():
    assert fold("a\ue0001\ue001b") == "a\ue0001\ue001b"


def test_a_match_maps_back_to_the_original_characters_with_what_was_folded_away():
    folded = Folded("Ask Mr  He\u200blen\nO’Connor\u00ad’s view")
    start = folded.text.index("helen o'connor")
    original_start, original_end = folded.original_span(start, start + len("helen o'connor"))
    assert folded.original[original_start:original_end] == "He\u200blen\nO’Connor\u00ad"


HARD = st.sampled_from(list("İıßéÉëøŁłñ’'‘ʼ‑–—-") + ["\u200b", "\u00ad", "\u2060", "\n", "\u00a0", "e\u0301"])
TEXT = st.lists(st.one_of(HARD, st.characters(codec="utf-8", exclude_categories=("Cs", "Co"))), max_size=40).map("".join)


@given(TEXT)
def test_folding_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


@given(TEXT, TEXT, TEXT)
def test_every_folded_span_maps_back_to_original_text_that_folds_to_it(before, middle, after):
    folded = Folded(before + middle + after)
    target = fold(middle).strip()
    position = folded.text.find(target) if target else -1
    if position < 0:
        return
    start, end = folded.original_span(position, position + len(target))
    assert target in fold(folded.original[start:end])


# Long texts (a part's XML, binary read as UTF-16) fold by another way than short ones: each
# must fold as its short pieces do, one after the other, with the runs of spaces they make
# together made one.
FILLER = '<w:p w:rsidR="00A1B2C3"><w:r><w:t xml:space="preserve">Minutes  of the GROUP</w:t></w:r></w:p>\n' * 25
COMPATIBLE = st.text(alphabet=st.characters(min_codepoint=0x2100, max_codepoint=0x33FF), max_size=600)


def _folded_piece_by_piece(pieces: list[str]) -> str:
    assert all(len(piece) < 4096 for piece in pieces)
    return re.sub(" {2,}", " ", "".join(fold(piece) for piece in pieces))


@given(st.lists(st.one_of(TEXT, COMPATIBLE), min_size=1, max_size=6))
def test_a_long_text_folds_as_its_pieces_do(pieces):
    parts = [FILLER]
    for piece in pieces:
        parts += [piece, FILLER]
    text = "".join(parts)
    assert len(text) >= 4096
    assert fold(text) == _folded_piece_by_piece(parts)
