"""Personal data in texts: the fixed-shape categories, the registry's people, then everyone else.

Where finders overlap the surer one wins: a fixed-shape match (an email's
local part is not a name), then a registry person, then the longest of what
the title rule, the statistical model and name-shaped runs found.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from minutes_kit.detection.patterns import find_patterns
from minutes_kit.detection.people import Registry
from minutes_kit.detection.spans import Span, without_overlaps


def find_personal_data(
    texts: Sequence[str], registries: Sequence[Registry], prose: Sequence[bool] | None = None
) -> list[list[Span]]:
    """The personal data in each text; `registries[i]` holds the people known in `texts[i]`, and
    `prose[i]` is false for a heading (a title, a measure's name, a place), searched by rule only."""
    from minutes_kit.detection.ner import find_people

    settled = [[*find_patterns(text), *registry.find(text)] for text, registry in zip(texts, registries)]
    people = find_people(texts, settled, prose if prose is not None else [True] * len(texts))
    # Among the uncertain finders the longest reading wins: "Tomasz Nowak", not the model's "Nowak".
    return [without_overlaps([*surer, *sorted(others, key=lambda span: span.start - span.end)])
            for surer, others in zip(settled, people)]


def registry_of(names: Sequence[str] | Mapping[str, str]) -> Registry:
    return Registry(names if isinstance(names, Mapping) else {name: name for name in names})
