"""The ``@key`` syntax for naming people, or teams, from the registry inside text.

``@ab thanked everyone`` renders as ``Alice Brown thanked everyone`` and
``@ab's team`` as ``Alice Brown's team``; ``@estates`` as the team's name, which
a release never withholds. An ``@`` inside an email address
(``alice@example.org``) is not a mention.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# The look behind (no word, dot, plus or hyphen before the @: not an email address) comes after
# the @, so that a search skips straight from one @ to the next.
MENTION = re.compile(r"@(?<![\w.+-]@)([a-z][a-z0-9_]*)")


@dataclass(frozen=True)
class Mention:
    key: str
    start: int
    end: int


def find_mentions(text: str) -> Iterator[Mention]:
    for match in MENTION.finditer(text):
        yield Mention(match.group(1), match.start(), match.end())
