"""Score minutes-kit's personal-data detector and Microsoft Presidio on bench/detect_corpus.jsonl.

    make bench-detect        # installs the `bench` extra (presidio-analyzer) and runs this
    python bench/detect_benchmark.py bench/detect_heldout.jsonl     # another corpus

Both use the same spaCy model (the one `minutes scan` would load) and nothing
is downloaded: the network is closed to this process before either loads,
tldextract is given no suffix-list URL (it uses its bundled snapshot), and
Presidio's NLP engine is given an installed model, which it never fetches.

Scoring: a gold span is found when a prediction of the same category overlaps
it (recall); a prediction is right when it overlaps a gold span of its
category (precision). "exact" counts predictions with exactly the gold
boundaries. Throughput is characters per second of analysis, model loading
excluded (reported separately). Presidio is given the UK recognisers it has
(NHS, NINO, postcode; phone numbers for GB) and asked only for our categories.
"""

from __future__ import annotations

import json
import os
import socket
import sys
import time
from collections import Counter
from pathlib import Path

os.environ["TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS"] = ""  # before tldextract is imported: its snapshot only


def _no_network(*_args, **_kwargs):
    raise OSError("the benchmark must not use the network")


socket.socket.connect = _no_network  # type: ignore[method-assign]
socket.create_connection = _no_network  # type: ignore[assignment]

CORPUS = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("detect_corpus.jsonl")
CATEGORIES = ("PERSON", "EMAIL", "PHONE", "NI_NUMBER", "NHS_NUMBER", "POSTCODE")
PRESIDIO_CATEGORY = {
    "PERSON": "PERSON", "EMAIL_ADDRESS": "EMAIL", "PHONE_NUMBER": "PHONE",
    "UK_NINO": "NI_NUMBER", "UK_NHS": "NHS_NUMBER", "UK_POSTCODE": "POSTCODE",
}

Prediction = tuple[int, int, str]
MODEL_TEXTS: list[int] = []
"""How many texts minutes-kit asked the model about (the rest were settled by rule)."""


def minutes_kit_detector():
    from minutes_kit.detection.detect import find_personal_data, registry_of
    from minutes_kit.detection.ner import load_model

    started = time.perf_counter()
    nlp = load_model()
    loaded = time.perf_counter() - started
    piped = nlp.pipe

    def counted_pipe(texts, **options):
        texts = list(texts)
        MODEL_TEXTS.append(len(texts))
        return piped(texts, **options)

    nlp.pipe = counted_pipe

    def detect(rows: list[dict]) -> list[list[Prediction]]:
        found = find_personal_data([row["text"] for row in rows], [registry_of(row["known"]) for row in rows])
        return [[(span.start, span.end, span.category) for span in spans] for spans in found]

    return detect, loaded


def presidio_detector(model_name: str):
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_analyzer.predefined_recognizers import (
        PhoneRecognizer, UkNinoRecognizer, UkPostcodeRecognizer,
    )

    started = time.perf_counter()
    provider = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": model_name}],
    })
    nlp_engine = provider.create_engine()
    registry = RecognizerRegistry()
    registry.load_predefined_recognizers(nlp_engine=nlp_engine, languages=["en"])
    registry.remove_recognizer("PhoneRecognizer")
    for recognizer in (PhoneRecognizer(supported_regions=("GB",)), UkNinoRecognizer(), UkPostcodeRecognizer()):
        registry.add_recognizer(recognizer)
    analyzer = AnalyzerEngine(nlp_engine=nlp_engine, registry=registry, supported_languages=["en"])
    analyzer.analyze("Warm-up: Peter Hall on 0113 496 0000.", language="en")
    loaded = time.perf_counter() - started

    def detect(rows: list[dict]) -> list[list[Prediction]]:
        found = []
        for row in rows:
            results = analyzer.analyze(row["text"], language="en", entities=list(PRESIDIO_CATEGORY))
            found.append([(r.start, r.end, PRESIDIO_CATEGORY[r.entity_type]) for r in results])
        return found

    return detect, loaded


def score(rows: list[dict], predictions: list[list[Prediction]]) -> dict[str, Counter]:
    tally: dict[str, Counter] = {category: Counter() for category in (*CATEGORIES, "overall")}
    for row, predicted in zip(rows, predictions):
        gold = [(span["start"], span["end"], span["category"]) for span in row["spans"]]
        for start, end, category in gold:
            found = any(c == category and s < end and start < e for s, e, c in predicted)
            for key in (category, "overall"):
                tally[key]["gold"] += 1
                tally[key]["found"] += found
                tally[key]["exact"] += (start, end, category) in predicted
        for start, end, category in predicted:
            right = any(c == category and s < end and start < e for s, e, c in gold)
            for key in (category, "overall"):
                tally[key]["predicted"] += 1
                tally[key]["right"] += right
    return tally


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "—"


def main() -> None:
    from minutes_kit.detection.ner import installed_model

    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    characters = sum(len(row["text"]) for row in rows)
    model_name = installed_model()
    systems = {"minutes-kit": minutes_kit_detector(), "presidio": presidio_detector(model_name)}
    print(f"corpus: {len(rows)} sentences, {characters:,} characters; spaCy model {model_name}\n")
    print("| system | category | gold | recall | exact-span recall | precision |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    speeds = {}
    for system, (detect, loaded) in systems.items():
        started = time.perf_counter()
        predictions = detect(rows)
        elapsed = time.perf_counter() - started
        speeds[system] = (characters / elapsed, loaded)
        for category, counts in score(rows, predictions).items():
            print(f"| {system} | {category} | {counts['gold']} | {_ratio(counts['found'], counts['gold'])} | "
                  f"{_ratio(counts['exact'], counts['gold'])} | {_ratio(counts['right'], counts['predicted'])} |")
    print("\n| system | characters per second | model load (s) |")
    print("| --- | ---: | ---: |")
    for system, (speed, loaded) in speeds.items():
        print(f"| {system} | {speed:,.0f} | {loaded:.2f} |")
    print(f"\nminutes-kit is {speeds['minutes-kit'][0] / speeds['presidio'][0]:.1f}x Presidio's throughput; "
          f"it asked the model about {sum(MODEL_TEXTS)} of {len(rows)} sentences, Presidio about all of them")


if __name__ == "__main__":
    sys.exit(main())
