"""Build minutes_kit/templates/foi_response.docx, the FOI response letter.

Like the minutes template it is checked in, restyled in Word if wanted, and rebuilt after a
deliberate change:

    .venv/bin/python templates/build_foi_response_template.py

The letter follows the usual order of a response: the team's and the requester's addresses,
the reference and date, the request quoted, the response, each exemption used with its public
interest test or its reason, where to ask questions, and the right to an internal review and
to complain to the Information Commissioner. Its variables are made by
`minutes_kit.foi.letter.letter_context`.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.shared import Cm, Pt, RGBColor

from build_minutes_template import _heading_font, _page_numbers, _styles

OUTPUT_DIR = Path(__file__).resolve().parents[1] / "minutes_kit" / "templates"
"""Where the package reads its templates from (inside the package, so they ship with it)."""


def _letter_styles(document) -> None:
    _styles(document)
    _heading_font(document.styles["Heading 3"], 11)
    address = document.styles.add_style("Address", 1)
    address.base_style = document.styles["Normal"]
    address.paragraph_format.space_after = Pt(0)
    quote = document.styles["Quote"]
    quote.font.italic = False
    quote.paragraph_format.left_indent = Cm(1.0)
    quote.paragraph_format.right_indent = Cm(1.0)
    quote.font.color.rgb = RGBColor(0, 0, 0)


def _lines(document, loop: str, value: str, style: str = "Address") -> None:
    """One paragraph per element of `loop` ('x in xs')."""
    document.add_paragraph(f"{{%p for {loop} %}}")
    document.add_paragraph(value, style=style)
    document.add_paragraph("{%p endfor %}")


def _optional(document, condition: str, text: str, style: str = "Normal") -> None:
    document.add_paragraph(f"{{%p if {condition} %}}")
    document.add_paragraph(text, style=style)
    document.add_paragraph("{%p endif %}")


def _exemptions(document) -> None:
    document.add_paragraph("{%p if exemptions %}")
    document.add_paragraph("Information withheld", style="Heading 1")
    document.add_paragraph("{%p for exemption in exemptions %}")
    document.add_paragraph("{{ exemption.heading }}", style="Heading 2")
    document.add_paragraph("{{ exemption.use }}")
    document.add_paragraph("{%p if exemption.absolute %}")
    document.add_paragraph("This is an absolute exemption: the public interest test does not apply.")
    document.add_paragraph("{{ exemption.reason }}")
    document.add_paragraph("{%p else %}")
    document.add_paragraph("This is a qualified exemption: we may withhold the information only where the public "
                           "interest in maintaining the exemption outweighs the public interest in disclosing it.")
    _optional(document, "exemption.reason", "{{ exemption.reason }}")
    document.add_paragraph("Public interest in disclosure", style="Heading 3")
    _lines(document, "consideration in exemption.in_favour", "{{ consideration }}", style="List Bullet")
    document.add_paragraph("Public interest in withholding the information", style="Heading 3")
    _lines(document, "consideration in exemption.against", "{{ consideration }}", style="List Bullet")
    document.add_paragraph("Our conclusion", style="Heading 3")
    document.add_paragraph("{{ exemption.balance }}")
    document.add_paragraph("{%p endif %}")
    document.add_paragraph("{%p endfor %}")
    document.add_paragraph("{%p endif %}")


def build(path: Path) -> None:
    document = Document()
    _letter_styles(document)
    section = document.sections[0]
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin = section.bottom_margin = Cm(2.2)
    _page_numbers(section.footer)

    # The sender, then the addressee, as plain lines: a table used for layout has no header row
    # for a screen reader, and read cell by cell it loses which line belongs to whom.
    document.add_paragraph("{{ sender.team }}", style="Address")
    _lines(document, "line in sender.address", "{{ line }}")
    document.add_paragraph("{{ sender.email }}")

    document.add_paragraph("{{ requester.name }}", style="Address").paragraph_format.space_before = Pt(18)
    _lines(document, "line in requester.address", "{{ line }}")
    _optional(document, "requester.email", "{{ requester.email }}", style="Address")

    reference = document.add_paragraph(style="Address")
    reference.paragraph_format.space_before = Pt(18)
    reference.add_run("Our reference: ").bold = True
    reference.add_run("{{ reference }}")
    date = document.add_paragraph()
    date.add_run("Date: ").bold = True
    date.add_run("{{ sent }}")

    document.add_paragraph("Dear {{ requester.name }}")
    document.add_paragraph("Your request for information", style="Heading 1")
    document.add_paragraph("Thank you for your request for information, which we received on {{ received }}. "
                           "We have dealt with it under {{ legislation }}.")
    document.add_paragraph("You asked for:")
    _lines(document, "line in request", "{{ line }}", style="Quote")

    document.add_paragraph("Our response", style="Heading 1")
    document.add_paragraph("We hold the information you asked for. {{ released }}")
    _lines(document, "release in releases", "{{ release }}", style="List Bullet")
    document.add_paragraph("{{ withheld }}")
    document.add_paragraph("{{ timeliness }}")

    _exemptions(document)

    document.add_paragraph("Questions about this letter", style="Heading 1")
    document.add_paragraph("If you have any questions about this letter, please write to {{ sender.email }}, "
                           "quoting our reference {{ reference }}.")
    document.add_paragraph("Yours sincerely")
    document.add_paragraph("{{ sender.team }}")

    document.add_paragraph("Your right to complain", style="Heading 1")
    document.add_paragraph(
        "If you are not satisfied with this response, you may ask us for an internal review. Please write to "
        "{{ sender.email }}{% if sender.postal %} or to {{ sender.postal }}{% endif %} within "
        "{{ review_days }} working days of the date of this letter, that is by {{ review_by }}.")
    document.add_paragraph(
        "If you are still not satisfied after the internal review, you have the right to complain to the "
        "Information Commissioner under section 50 of the Freedom of Information Act 2000{{ eir_complaint }}. "
        "The Commissioner will normally expect you to have asked for an internal review first.")
    # The Commissioner's contact details are the authority's to give (request file: commissioner:).
    document.add_paragraph("{%p if commissioner %}")
    _lines(document, "line in commissioner", "{{ line }}")
    document.add_paragraph("{%p else %}")
    document.add_paragraph("How to complain, and the forms to use, are on the Information Commissioner's website.")
    document.add_paragraph("{%p endif %}")

    document.core_properties.title = "Response to a request for information"  # each letter sets its own
    document.core_properties.author = ""
    document.core_properties.comments = ""
    document.save(path)


if __name__ == "__main__":
    build(OUTPUT_DIR / "foi_response.docx")
    print(f"wrote {OUTPUT_DIR / 'foi_response.docx'}")
