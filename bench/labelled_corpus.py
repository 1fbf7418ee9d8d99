"""What the detection corpus generators share: sentences that record their gold spans, the NHS
number check digit, and writing the corpus file.

Kept apart from `minutes_kit.detection` on purpose: a corpus that scored the detector with the
detector's own check-digit code would repeat any mistake in it.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Sequence
from pathlib import Path


class Sentence:
    """Text built piece by piece; pieces given a category become gold spans."""

    def __init__(self) -> None:
        self.text = ""
        self.spans: list[dict] = []
        self.values: list[str] = []

    def add(self, piece: str, category: str | None = None) -> None:
        if category:
            self.spans.append({"start": len(self.text), "end": len(self.text) + len(piece), "category": category})
            self.values.append(piece)
        self.text += piece


def nhs_check(digits: list[int]) -> int:
    """The modulus 11 check digit of nine digits; 10 means no valid number has them."""
    check = 11 - sum(d * w for d, w in zip(digits, range(10, 1, -1))) % 11
    return 0 if check == 11 else check


def write_corpus(
    path: Path,
    rng: random.Random,
    sentences: int,
    mix: Sequence[tuple[Sequence[str], float]],
    full_name: Callable[[random.Random], str],
    build: Callable[[str, random.Random, list[str]], Sentence],
) -> None:
    """Write `sentences` lines: each with three registry names, a template drawn by `mix`, and its gold spans."""
    lines = []
    for _ in range(sentences):
        registry = [full_name(rng) for _ in range(3)]
        group = rng.choices([group for group, _ in mix], weights=[weight for _, weight in mix])[0]
        sentence = build(rng.choice(group), rng, registry)
        for span, value in zip(sentence.spans, sentence.values, strict=True):
            assert sentence.text[span["start"]:span["end"]] == value, (sentence.text, span, value)
        lines.append(json.dumps({"text": sentence.text, "known": registry, "spans": sentence.spans}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {path} ({len(lines)} sentences)")
