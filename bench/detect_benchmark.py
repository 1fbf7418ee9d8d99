"""Score minutes-kit's personal-data detector and Microsoft Presidio on the detection corpora, in one run.

    make bench-detect        # installs the `bench` extra (presidio-analyzer) and runs this
    python bench/detect_benchmark.py bench/detect_heldout.jsonl     # only the corpora given
    python bench/detect_benchmark.py --calibrate    # refit the confidence calibration on the real-prose dev part

The corpora: the synthetic sentences (bench/detect_corpus.jsonl), the synthetic held-out sentences
(bench/detect_heldout.jsonl), and the real-prose corpus in its development and held-out parts
(bench/detect_real_dev.jsonl, bench/detect_real_heldout.jsonl; see bench/REAL_PROSE_LABELLING.md).

Both systems use the same spaCy model (the one `minutes scan` would load) and nothing
is downloaded: the network is closed to this process before either loads,
tldextract is given no suffix-list URL (it uses its bundled snapshot), and
Presidio's NLP engine is given an installed model, which it never fetches.

Scoring: a gold span is found when a prediction of the same category overlaps it (recall); a
prediction is right when it overlaps a gold span of its category (precision); a wrong one is a
false finding, counted per 1,000 words. "exact" counts predictions with exactly the gold
boundaries. Throughput is words per second of analysis over every corpus, model loading excluded
(reported separately). Presidio is given the UK recognisers it has (NHS, NINO, postcode; phone
numbers for GB) and asked only for our categories. The calibration table bins minutes-kit's
PERSON findings on the real-prose held-out part by their confidence and shows how many were people.
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

BENCH = Path(__file__).parent
CORPORA = {
    "synthetic": BENCH / "detect_corpus.jsonl",
    "synthetic held-out": BENCH / "detect_heldout.jsonl",
    "real-prose dev": BENCH / "detect_real_dev.jsonl",
    "real-prose held-out": BENCH / "detect_real_heldout.jsonl",
}
CALIBRATED_ON = ("real-prose dev", "synthetic")
"""The development parts: the held-out parts never tune the detector or its confidence."""
CALIBRATION_SHOWN_ON = "real-prose held-out"
PRIOR_WEIGHT = 4
MOST_CONFIDENCE = 0.99
"""A finder is never certain: only the registry, which is not a finding, is."""
CONFIDENCE_BINS = (0.0, 0.5, 0.7, 0.8, 0.9, 0.95, 1.01)
CATEGORIES = ("PERSON", "EMAIL", "PHONE", "NI_NUMBER", "NHS_NUMBER", "POSTCODE")
PRESIDIO_CATEGORY = {
    "PERSON": "PERSON", "EMAIL_ADDRESS": "EMAIL", "PHONE_NUMBER": "PHONE",
    "UK_NINO": "NI_NUMBER", "UK_NHS": "NHS_NUMBER", "UK_POSTCODE": "POSTCODE",
}

Prediction = tuple[int, int, str, float, str]
"""start, end, category, confidence, the evidence that found it (minutes-kit only)."""
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
        # Lines of one document share what is found in it; a synthetic sentence is a document of its own.
        found = find_personal_data([row["text"] for row in rows], [registry_of(row["known"]) for row in rows],
                                   documents=[row.get("document", f"line {index}") for index, row in enumerate(rows)])
        return [[(span.start, span.end, span.category, span.confidence, span.evidence) for span in spans]
                for spans in found]

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
            found.append([(r.start, r.end, PRESIDIO_CATEGORY[r.entity_type], r.score, "") for r in results])
        return found

    return detect, loaded


def score(rows: list[dict], predictions: list[list[Prediction]]) -> dict[str, Counter]:
    tally: dict[str, Counter] = {category: Counter() for category in (*CATEGORIES, "overall")}
    for row, predicted in zip(rows, predictions):
        gold = [(span["start"], span["end"], span["category"]) for span in row["spans"]]
        for start, end, category in gold:
            found = any(c == category and s < end and start < e for s, e, c, *_ in predicted)
            for key in (category, "overall"):
                tally[key]["gold"] += 1
                tally[key]["found"] += found
                tally[key]["exact"] += any((s, e, c) == (start, end, category) for s, e, c, *_ in predicted)
        for start, end, category, *_ in predicted:
            for key in (category, "overall"):
                tally[key]["predicted"] += 1
                tally[key]["right"] += _right(gold, start, end, category)
    return tally


def _right(gold: list[tuple[int, int, str]], start: int, end: int, category: str) -> bool:
    return any(c == category and s < end and start < e for s, e, c in gold)


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "—"


def person_outcomes(rows: list[dict], predictions: list[list[Prediction]]) -> list[tuple[float, str, bool]]:
    """(confidence, evidence, whether it is a person) of every PERSON prediction."""
    outcomes = []
    for row, predicted in zip(rows, predictions):
        gold = [(span["start"], span["end"], span["category"]) for span in row["spans"]]
        outcomes += [(confidence, evidence, _right(gold, start, end, category))
                     for start, end, category, confidence, evidence in predicted if category == "PERSON"]
    return outcomes


def calibration_table(outcomes: list[tuple[float, str, bool]]) -> None:
    print("| confidence | findings | mean confidence | observed precision |")
    print("| --- | ---: | ---: | ---: |")
    for low, high in zip(CONFIDENCE_BINS, CONFIDENCE_BINS[1:]):
        inside = [(confidence, right) for confidence, _, right in outcomes if low <= confidence < high]
        if inside:
            mean = sum(confidence for confidence, _ in inside) / len(inside)
            print(f"| {low:.2f}–{min(high, 1):.2f} | {len(inside)} | {mean:.2f} | "
                  f"{_ratio(sum(right for _, right in inside), len(inside))} |")


def main() -> None:
    from minutes_kit.detection.ner import installed_model

    arguments = [argument for argument in sys.argv[1:] if not argument.startswith("--")]
    if "--calibrate" in sys.argv:
        return calibrate()
    corpora = {Path(path).stem: Path(path) for path in arguments} or CORPORA
    loaded_rows = {name: [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
                   for name, path in corpora.items()}
    model_name = installed_model()
    systems = {"minutes-kit": minutes_kit_detector(), "presidio": presidio_detector(model_name)}
    print(f"spaCy model {model_name}\n")
    print("| corpus | system | category | gold | recall | exact-span recall | precision | false per 1,000 words |")
    print("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |")
    timing: dict[str, float] = Counter()
    all_words = 0
    outcomes: dict[str, list] = {}
    for corpus, rows in loaded_rows.items():
        words = sum(len(row["text"].split()) for row in rows)
        all_words += words
        for system, (detect, _) in systems.items():
            started = time.perf_counter()
            predictions = detect(rows)
            timing[system] += time.perf_counter() - started
            if system == "minutes-kit":
                outcomes[corpus] = person_outcomes(rows, predictions)
            for category, counts in score(rows, predictions).items():
                if category in ("PERSON", "overall") or counts["gold"] or counts["predicted"]:
                    false = counts["predicted"] - counts["right"]
                    print(f"| {corpus} ({len(rows)} lines, {words:,} words) | {system} | {category} | {counts['gold']} | "
                          f"{_ratio(counts['found'], counts['gold'])} | {_ratio(counts['exact'], counts['gold'])} | "
                          f"{_ratio(counts['right'], counts['predicted'])} | {1000 * false / words:.1f} |")
    print("\n| system | words per second | model load (s) |")
    print("| --- | ---: | ---: |")
    for system, (_, loaded) in systems.items():
        print(f"| {system} | {all_words / timing[system]:,.0f} | {loaded:.2f} |")
    print(f"\nminutes-kit is {timing['presidio'] / timing['minutes-kit']:.1f}x Presidio's throughput over "
          f"{all_words:,} words; it asked the model about {sum(MODEL_TEXTS)} of "
          f"{sum(len(rows) for rows in loaded_rows.values())} lines, Presidio about all of them")
    shown = CALIBRATION_SHOWN_ON if CALIBRATION_SHOWN_ON in outcomes else next(iter(outcomes))
    print(f"\nCalibration of minutes-kit's PERSON confidence on {shown}:\n")
    calibration_table(outcomes[shown])


def calibrate() -> None:
    """Write the observed precision of each kind of PERSON evidence on the development corpora to the
    package's calibration data, shrunk towards the finder's own confidence as if it had been seen
    PRIOR_WEIGHT more times, so that a kind seen a few times is not certain.
    Registry people are decided by the registry, not offered as findings, so they are left out."""
    from minutes_kit.detection.calibration import CALIBRATION_FILE, raw_confidences

    detect, _ = minutes_kit_detector()
    outcomes = []
    for corpus in CALIBRATED_ON:
        rows = [json.loads(line) for line in CORPORA[corpus].read_text(encoding="utf-8").splitlines()]
        with raw_confidences():
            outcomes += [outcome for outcome in person_outcomes(rows, detect(rows)) if outcome[1] != "registry"]
    lines = [f"# Observed precision of each kind of PERSON evidence on {' and '.join(f'bench/{CORPORA[corpus].name}' for corpus in CALIBRATED_ON)}:",
             f"# (right + {PRIOR_WEIGHT} x the finder's own confidence) / (findings + {PRIOR_WEIGHT});",
             "# written by `python bench/detect_benchmark.py --calibrate`.",
             "# evidence: [calibrated confidence, findings, right]"]
    for evidence in sorted({evidence for _, evidence, _ in outcomes}):
        seen = [(confidence, right) for confidence, kind, right in outcomes if kind == evidence]
        prior = sum(confidence for confidence, _ in seen) / len(seen)
        rights = sum(right for _, right in seen)
        calibrated = min(MOST_CONFIDENCE, (rights + PRIOR_WEIGHT * prior) / (len(seen) + PRIOR_WEIGHT))
        lines.append(f"{evidence}: [{calibrated:.2f}, {len(seen)}, {rights}]")
    CALIBRATION_FILE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    print(f"wrote {CALIBRATION_FILE}")


if __name__ == "__main__":
    sys.exit(main())
