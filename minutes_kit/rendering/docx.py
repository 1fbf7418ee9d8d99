"""Render a template context into a Word document with docxtpl.

Every template, ours and a user's, runs in Jinja's sandbox: a template is a
document someone can send you, so it must not reach Python internals. Names
a template uses that the context does not provide are reported, all at
once, before anything is rendered.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import jinja2
from docxtpl import DocxTemplate
from jinja2.sandbox import SandboxedEnvironment

from minutes_kit.errors import TemplateError
from minutes_kit.files import atomic_output

TEMPLATES_DIR = Path(__file__).resolve().parents[2] / "templates"
MINUTES_TEMPLATE = TEMPLATES_DIR / "minutes.docx"


def template_environment() -> SandboxedEnvironment:
    return SandboxedEnvironment(autoescape=True, undefined=jinja2.StrictUndefined)


def open_template(path: Path) -> DocxTemplate:
    if not path.is_file():
        raise TemplateError(f"template {path} does not exist")
    template = DocxTemplate(str(path))
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


def render_docx(template_path: Path, context: dict[str, Any], output: Path, inputs: Iterable[Path] = ()) -> None:
    """Render `context` through the template at `template_path` into `output`, atomically."""
    template = open_template(template_path)
    if template_path != MINUTES_TEMPLATE:
        # The shipped template is checked by the test suite; skipping it keeps renders fast.
        check_template_variables(template, template_path, context)
    try:
        template.render(context, template_environment())
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"template {template_path}: {_syntax_message(exc)}") from exc
    except jinja2.exceptions.SecurityError as exc:
        raise TemplateError(f"template {template_path} tried something the sandbox forbids: {exc}") from exc
    except jinja2.UndefinedError as exc:
        raise TemplateError(f"template {template_path} uses a value the record does not provide: {exc.message}") from exc
    except jinja2.TemplateError as exc:
        raise TemplateError(f"template {template_path}: {exc}") from exc
    with atomic_output(output, [template_path, *inputs]) as temporary:
        template.save(str(temporary))


def _syntax_message(exc: jinja2.TemplateSyntaxError) -> str:
    context = " ".join(line.strip() for line in getattr(exc, "docx_context", []) if line.strip())
    return f"template syntax error: {exc.message}" + (f" near: {context[:120]}" if context else "")
