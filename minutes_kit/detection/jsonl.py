"""`minutes scan --jsonl`: the detector as a filter, for evaluation.

Each input line is ``{"text": "...", "known": ["Full Name", ...]}``; each output
line ``{"findings": [{"start", "end", "category", "code"}]}``, in input order.
Lines are read in batches so the model sees many texts at once.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from itertools import islice

from minutes_kit.detection.detect import find_personal_data, registry_of
from minutes_kit.detection.spans import SUGGESTED_CODE
from minutes_kit.errors import BadInputLine

BATCH_LINES = 256


def answer_lines(lines: Iterable[str]) -> Iterator[str]:
    numbered = ((number, line) for number, line in enumerate(lines, start=1) if line.strip())
    while batch := list(islice(numbered, BATCH_LINES)):
        requests = [_request(number, line) for number, line in batch]
        found = find_personal_data([text for text, _ in requests], [registry_of(known) for _, known in requests],
                                   documents=range(len(requests)))  # each line is a document of its own
        for spans in found:
            yield json.dumps({"findings": [
                {"start": span.start, "end": span.end, "category": span.category, "code": SUGGESTED_CODE}
                for span in spans
            ]})


def _request(number: int, line: str) -> tuple[str, list[str]]:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise BadInputLine(f"line {number}: not JSON ({exc.msg})") from exc
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise BadInputLine(f'line {number}: expected {{"text": "...", "known": ["Full Name", ...]}}')
    known = data.get("known") or []
    if not isinstance(known, list) or not all(isinstance(name, str) for name in known):
        raise BadInputLine(f"line {number}: 'known' must be a list of names")
    return data["text"], known
