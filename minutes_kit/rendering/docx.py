"""Render a template context into a Word document with docxtpl.

Every template, ours and a user's, runs in Jinja's sandbox with limits
(`sandbox.py`): a template is a document someone can send you, so it must not
reach Python internals, and rendering it must end in bounded time and memory
whatever it holds. Its archive is checked before python-docx reads it. Names a
template uses that the context does not provide are reported, all at once,
before anything is rendered.

Every document written is told what it is for readers and assistive technology
(`DocumentProperties`): its title and subject, and the language of its text,
set on the styles' defaults so that a user's template gets it too.
"""

from __future__ import annotations

import difflib
import importlib.resources
import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from docxtpl import DocxTemplate
from lxml import etree

from minutes_kit.archive import read_archive
from minutes_kit.errors import ArchiveUnreadable, ArchiveUnsafe, TemplateError, TemplateLimitExceeded
from minutes_kit.files import atomic_output
from minutes_kit.record.model import DEFAULT_LANGUAGE
from minutes_kit.rendering.sandbox import DEFAULT_TEMPLATE_LIMITS, TemplateLimits, template_environment

# The templates ship inside the package. docxtpl and python-docx open files by
# path; an installed (not zipped) package is a directory, so a Path is enough.
TEMPLATES_DIR = Path(str(importlib.resources.files("minutes_kit") / "templates"))
MINUTES_TEMPLATE = TEMPLATES_DIR / "minutes.docx"


def open_template(path: Path) -> DocxTemplate:
    """The Word template at `path`, read once and checked as an archive (entry count, sizes,
    compression) before python-docx inflates any of it: a zip bomb is refused, not read."""
    if not path.is_file():
        raise TemplateError(f"template {path} does not exist")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise TemplateError(f"cannot read template {path}: {exc.strerror or exc}") from exc
    try:
        read_archive(data, name=f"template {path}")
    except ArchiveUnsafe as exc:
        raise TemplateError(str(exc)) from exc
    except ArchiveUnreadable as exc:
        if exc.__cause__ is None:  # an encrypted or damaged entry: the message says which
            raise TemplateError(str(exc)) from exc
        raise TemplateError(f"template {path} is not a Word .docx file ({exc.__cause__})") from exc
    template = DocxTemplate(io.BytesIO(data))  # the bytes checked, not the file again
    try:
        template.init_docx()
        return template
    except Exception as exc:  # python-docx raises several unrelated types for a damaged or non-Word file
        raise TemplateError(f"template {path} is not a Word .docx file ({exc})") from exc


def check_template_variables(template: DocxTemplate, path: Path, context: dict[str, Any]) -> None:
    """Raise `TemplateError` naming every variable the template uses that `context` lacks."""
    try:
        used = template.get_undeclared_template_variables(template_environment())
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"template {path}: {_syntax_message(exc)}") from exc
    missing = sorted(used - context.keys())
    if missing:
        lines = [f"template {path} uses variables the record does not provide:"]
        for name in missing:
            close = difflib.get_close_matches(name, list(context), n=1)
            lines.append(f"  {{{{ {name} }}}}" + (f" (did you mean '{close[0]}'?)" if close else ""))
        lines.append(f"available: {', '.join(sorted(context))}")
        raise TemplateError("\n".join(lines))


@dataclass(frozen=True)
class DocumentProperties:
    """What a document says about itself: the title and subject Word shows in File > Info and a PDF
    passes on (a screen reader announces the title first), and the language of its text, in which
    spelling is checked and a screen reader speaks."""

    title: str = ""
    subject: str = ""
    language: str = DEFAULT_LANGUAGE
    """A BCP 47 tag: en-GB, cy-GB."""


def render_docx(template_path: Path, context: dict[str, Any], output: Path, inputs: Iterable[Path] = (),
                *, limits: TemplateLimits = DEFAULT_TEMPLATE_LIMITS,
                properties: DocumentProperties = DocumentProperties()) -> None:
    """Render `context` through the template at `template_path` into `output`, atomically, within `limits`,
    with `properties` (title, subject, language) set."""
    template = open_template(template_path)
    if template_path != MINUTES_TEMPLATE:
        # The shipped template is checked by the test suite; skipping it keeps renders fast.
        check_template_variables(template, template_path, context)
    try:
        template.render(context, template_environment(limits))
    except TemplateLimitExceeded as exc:
        raise TemplateError(f"template {template_path}: {exc}") from exc
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"template {template_path}: {_syntax_message(exc)}") from exc
    except jinja2.exceptions.SecurityError as exc:
        raise TemplateError(f"template {template_path} tried something the sandbox forbids: {exc}") from exc
    except jinja2.UndefinedError as exc:
        raise TemplateError(f"template {template_path} uses a value the record does not provide: {exc.message}") from exc
    except jinja2.TemplateError as exc:
        raise TemplateError(f"template {template_path}: {exc}") from exc
    except MemoryError as exc:
        raise TemplateError(f"template {template_path}: stopped, it needs more memory than there is "
                            "(it makes values too large to hold)") from exc
    except RecursionError as exc:
        raise TemplateError(f"template {template_path}: stopped, a macro or recursive loop calls "
                            "itself without end") from exc
    except OverflowError as exc:
        raise TemplateError(f"template {template_path}: a number is too large ({exc})") from exc
    except (ArithmeticError, LookupError, TypeError, ValueError) as exc:
        # What an expression of the template can raise: 1/0, "a" + 1, int("x"), a number too long to print.
        raise TemplateError(f"template {template_path}: an expression failed: {exc}") from exc
    set_properties(template.docx, properties)
    with atomic_output(output, [template_path, *inputs]) as temporary:
        template.save(str(temporary))


W_NAMESPACE = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
LATER_RUN_PROPERTIES = {f"{{{W_NAMESPACE}}}{tag}" for tag in ("eastAsianLayout", "specVanish", "oMath")}
"""The run properties the schema puts after w:lang."""
BIDI_DEFAULT = "ar-SA"
"""The language Word gives right-to-left text when nothing else says."""


def _w(tag: str) -> str:
    return f"{{{W_NAMESPACE}}}{tag}"


def set_properties(document: Any, properties: DocumentProperties) -> None:
    """Set the title, subject and language of a python-docx `document`."""
    core = document.core_properties
    core.title = properties.title
    core.subject = properties.subject
    core.language = properties.language
    set_language(document, properties.language)


def set_language(document: Any, language: str) -> None:
    """Make `language` the language of the document's text: the styles' default (``w:docDefaults``),
    every style that restated the old default, and the theme fonts' language in the settings. A style
    or a run in another language on purpose (a quotation in French) keeps it."""
    styles = document.styles.element
    defaults = _child(styles, "docDefaults", first=True)
    run_default = _child(defaults, "rPrDefault", first=True)
    run_properties = _child(run_default, "rPr")
    lang = run_properties.find(_w("lang"))
    old = lang.get(_w("val")) if lang is not None else None
    if lang is None:
        lang = etree.SubElement(run_properties, _w("lang"))
        later = [child for child in run_properties if child.tag in LATER_RUN_PROPERTIES]
        if later:
            later[0].addprevious(lang)
    lang.set(_w("val"), language)
    lang.set(_w("eastAsia"), language)
    if lang.get(_w("bidi")) is None:
        lang.set(_w("bidi"), BIDI_DEFAULT)
    if old and old != language:
        for restated in styles.iterfind(f"{_w('style')}/{_w('rPr')}/{_w('lang')}"):
            if restated.get(_w("val")) == old:
                restated.set(_w("val"), language)
    for theme_language in document.settings.element.iter(_w("themeFontLang")):
        theme_language.set(_w("val"), language)


def _child(parent: etree._Element, tag: str, *, first: bool = False) -> etree._Element:
    """`parent`'s child `w:tag`, made (first among the children when `first`) when it has none."""
    found = parent.find(_w(tag))
    if found is None:
        found = etree.Element(_w(tag))
        parent.insert(0, found) if first else parent.append(found)
    return found


def _syntax_message(exc: jinja2.TemplateSyntaxError) -> str:
    context = " ".join(line.strip() for line in getattr(exc, "docx_context", []) if line.strip())
    return f"template syntax error: {exc.message}" + (f" near: {context[:120]}" if context else "")
