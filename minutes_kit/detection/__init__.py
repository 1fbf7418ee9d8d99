"""Finding personal data nobody marked: in record text (`scan.py`), decided by a reviewer
(`decisions.py`) and applied by the release.

Fixed-shape categories (`patterns.py`), the record's registry (`people.py`),
name shapes (`shapes.py`) and spaCy's NER (`ner.py`, the only module that
imports spaCy, and only when called) are combined in `detect.py`.
"""

DECISIONS_SUFFIX = ".decisions.yaml"
"""The reviewer's decisions on a record's findings: ``RECORD.decisions.yaml`` beside it."""
