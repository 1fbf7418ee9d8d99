"""What an accessibility check reports: one finding per problem, with where it is."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Finding:
    """One problem that the Public Sector Bodies Accessibility Regulations (WCAG 2.2 AA) would flag:
    `what` is wrong and `where` (``"table 2, page 3"``, ``"paragraph 14, \\"Finance\\""``,
    ``"document"``)."""

    what: str
    where: str

    def __str__(self) -> str:
        return f"{self.what} ({self.where})"


def quoted(text: str, limit: int = 50) -> str:
    """`text` on one line, shortened to `limit` characters, in double quotes."""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "\u2026"
    return f'"{text}"'
