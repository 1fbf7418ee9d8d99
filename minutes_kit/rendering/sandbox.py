"""Jinja's sandbox with limits, for every template the toolkit renders.

A template is a document anybody can send: `{% for x in range(10**9) %}` or
`{{ 9**99999999 }}` is a few bytes of it. The sandbox already keeps a template
away from Python's internals; `LimitedEnvironment` also bounds what rendering
may cost (`TemplateLimits`): the clock, checked in every loop and call; the
output; the size of every value made (products, powers, padding, joins,
filters); the items of a `range`; the digits of a number. Past a limit it
raises `TemplateLimitExceeded`, which `docx.render_docx` names the template in.
"""

from __future__ import annotations

import functools
import math
import re
import string
import time
import types
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.sandbox import SandboxedEnvironment
from jinja2.utils import Namespace, generate_lorem_ipsum

from minutes_kit.errors import TemplateLimitExceeded

@dataclass(frozen=True)
class TemplateLimits:
    """What rendering one template may cost, whatever it holds: a template is a document anybody
    can send, and `{% for x in range(10**9) %}` or `{{ 9**99999999 }}` is a few bytes of it."""

    seconds: float = 20.0
    """Time for rendering the whole template: every part, every loop."""
    output_characters: int = 50_000_000
    """Characters of text rendered (the parts' XML), every part together."""
    value_size: int = 10_000_000
    """Characters of a text, or items of a list, that one expression of the template makes."""
    range_items: int = 100_000
    """Items of one `range()`."""
    number_digits: int = 4300
    """Digits of a number that one expression makes: Python's own limit for printing a number."""


DEFAULT_TEMPLATE_LIMITS = TemplateLimits()
LOG10_2 = math.log10(2)
# A printf-style conversion (`%-10.3f`, `%(name)s`): its width and precision are the sizes it pads to.
PRINTF_CONVERSION = re.compile(r"%(?:\([^)]*\))?[#0 +\-]*(\*|\d+)?(?:\.(\*|\d+))?[hlL]?[a-zA-Z%]")
DIGITS = re.compile(r"\d+")
# str methods whose first argument is the length of the text they make.
PADDING_METHODS = frozenset({"ljust", "rjust", "center", "zfill"})
# Filters that turn their value into text (and so measure it first).
TEXT_FILTERS = frozenset({
    "capitalize", "center", "e", "escape", "forceescape", "format", "indent", "lower", "pprint",
    "replace", "safe", "string", "striptags", "title", "tojson", "trim", "truncate", "upper",
    "urlencode", "urlize", "wordcount", "wordwrap",
})


class LimitedCodeGenerator(CodeGenerator):
    """Jinja's code generator with two hooks: a loop's iterable is handed to `environment.iterate`,
    so that every iteration of every loop checks the clock, and the parts of a `~` concatenation
    are measured before they are turned into text and joined. (Jinja allows no new node types, so
    the loops' iterables are marked by identity.)"""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._loop_iterables: set[int] = set()

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        self._loop_iterables.add(id(node.iter))
        super().visit_For(node, frame)

    def visit(self, node: nodes.Node, *args: Any, **kwargs: Any) -> Any:
        if id(node) not in self._loop_iterables:
            return super().visit(node, *args, **kwargs)
        self.write("environment.iterate(")
        super().visit(node, *args, **kwargs)
        self.write(")")
        return None

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        # As CodeGenerator.visit_Concat, with the parts passed through environment.measured first.
        if frame.eval_ctx.volatile:
            join = "(markup_join if context.eval_ctx.volatile else str_join)"
        elif frame.eval_ctx.autoescape:
            join = "markup_join"
        else:
            join = "str_join"
        self.write(f"{join}(environment.measured((")
        for part in node.nodes:
            self.visit(part, frame)
            self.write(", ")
        self.write(")))")


class LimitedEnvironment(SandboxedEnvironment):
    """Jinja's sandbox with the time and memory a template can spend bounded by `limits`.

    The sandbox keeps a template away from Python's internals, but not from making a value of
    gigabytes in one expression or looping for hours. Here the operators and methods that make a
    large value from small ones (`*`, `**`, `+`, `%`, formatting, padding, joining, replacing) are
    checked before they run; every call, filter and loop iteration checks the clock; whatever a
    template prints is measured before it becomes text; and the rendered output is counted. Each
    limit reached raises `TemplateLimitExceeded`. The clock starts when the environment is made:
    make one for each render."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})
    code_generator_class = LimitedCodeGenerator

    def __init__(self, limits: TemplateLimits = DEFAULT_TEMPLATE_LIMITS, **options: Any) -> None:
        super().__init__(finalize=self._printed, **options)
        self.limits = limits
        self._deadline = time.monotonic() + limits.seconds
        self._written = 0
        self.globals["range"] = self._range
        self.globals["lipsum"] = self._lipsum
        self.filters = {name: self._limited_filter(name, function) for name, function in self.filters.items()}
        self.concat = self._counted_output  # Template.render joins a part's output with this

    # The clock and the output.

    def check_time(self) -> None:
        if time.monotonic() > self._deadline:
            raise TemplateLimitExceeded(f"stopped after {self.limits.seconds:g} s (the limit for rendering a template)")

    def iterate(self, iterable: Any) -> Iterator[Any]:
        """`iterable`, one item at a time, checking the clock before each."""
        for item in iterable:
            self.check_time()
            yield item

    def _counted_output(self, pieces: Iterable[str]) -> str:
        """A part's output joined, counted against the limit for every part together. Compiled
        templates join a macro's or a `{% set %}` block's text with this too, so text made there
        counts again where it is printed: a limit on all the text made, not only what is kept."""
        written = []
        for piece in pieces:
            self.check_time()
            self._written += len(piece)
            if self._written > self.limits.output_characters:
                raise TemplateLimitExceeded(
                    f"stopped after writing {self.limits.output_characters:,} characters of text (the limit "
                    "for rendering a template)")
            written.append(piece)
        return "".join(written)

    def _printed(self, value: Any) -> Any:
        """Every value a `{{ ... }}` prints, measured before Jinja turns it into text."""
        self.check_time()
        if not isinstance(value, str):
            self._check_size(printed_length(value, self.limits.value_size), "printing a value", exact=False)
        return value

    def measured(self, parts: tuple[Any, ...]) -> tuple[Any, ...]:
        """The parts of a `~` concatenation, once their text is known to fit."""
        self.check_time()
        self._check_size(self._printed_lengths(parts), "joining texts with ~", exact=False)
        return parts

    # Sizes.

    def _check_size(self, size: int, what: str, unit: str = "characters", *, exact: bool = True) -> None:
        """Refuse `what` when it would make `size` characters or items, more than one value may hold;
        `exact=False` when `size` is a count that stopped once past the limit."""
        limit = self.limits.value_size
        if size > limit:
            made = f"{_amount(size)} {unit}, more than" if exact else f"more than {limit:,} {unit},"
            raise TemplateLimitExceeded(f"stopped: {what} would make {made} the limit of {limit:,} "
                                        "characters or items for one value")

    def _check_made(self, value: Any, what: str) -> None:
        if isinstance(value, (str, bytes, list, tuple, dict, set, frozenset)):
            self._check_size(len(value), what, "characters" if isinstance(value, (str, bytes)) else "items")

    def _check_digits(self, digits: int, what: str) -> None:
        if digits > self.limits.number_digits:
            raise TemplateLimitExceeded(
                f"stopped: {what} would be a number of about {_amount(digits)} digits, more than the limit of "
                f"{self.limits.number_digits:,} digits")

    def _printed_lengths(self, values: Iterable[Any]) -> int:
        total = 0
        for value in values:
            total += printed_length(value, self.limits.value_size - total)
            if total > self.limits.value_size:
                break
        return total

    # Operators, calls and filters.

    def call_binop(self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any) -> Any:
        self.check_time()
        if operator == "**":
            if _integer(left) and _integer(right) and right > 0 and abs(left) > 1:
                # In whole numbers: a float exponent of 10**400 would overflow.
                digits = right * round(math.log10(abs(left)) * 10**6) // 10**6 + 1
                self._check_digits(digits, f"{_number(left)} ** {_number(right)}")
        elif operator == "*":
            self._check_product(left, right)
        elif operator == "+":
            if _sized(left) and _sized(right):
                self._check_size(len(left) + len(right), f"adding {_described(left)} and {_described(right)}",
                                 _unit(left))
        elif operator == "%" and isinstance(left, str):
            arguments = right if isinstance(right, tuple) else (right,)
            self._check_printf(left, arguments if not isinstance(right, dict) else tuple(right.values()))
        result = super().call_binop(context, operator, left, right)
        self._check_made(result, f"the operator {operator}")
        return result

    def _check_product(self, left: Any, right: Any) -> None:
        for sequence, count in ((left, right), (right, left)):
            if _sized(sequence) and _integer(count):
                self._check_size(len(sequence) * max(count, 0), f"{_described(sequence)} * {_number(count)}",
                                 _unit(sequence))
                return
        if _integer(left) and _integer(right) and left and right:
            self._check_digits(math.floor(math.log10(abs(left)) + math.log10(abs(right))) + 1,
                               f"{_number(left)} * {_number(right)}")

    def call(self, context: jinja2.runtime.Context, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
        self.check_time()
        owner = getattr(obj, "__self__", None)
        if isinstance(owner, str) and isinstance(obj, types.BuiltinMethodType):
            args = self._check_text_method(owner, obj.__name__, args, kwargs)
        result = super().call(context, obj, *args, **kwargs)
        name = getattr(obj, "__name__", "a function")
        self._check_made(result, f"calling {name}()")
        if isinstance(owner, (list, dict, set)):
            self._check_made(owner, f"calling {name}()")  # append, extend, update grow it in place
        return result

    def _check_text_method(self, text: str, name: str, args: tuple, kwargs: dict) -> tuple:
        """Refuse a str method that would make a text past the limit; `args`, with an iterable to
        join made a list (so that it is read once)."""
        if name in PADDING_METHODS:
            width = args[0] if args else kwargs.get("width", 0)
            if _integer(width):
                self._check_size(width, f"{name}({_number(width)})")
        elif name == "expandtabs":
            size = args[0] if args else kwargs.get("tabsize", 8)
            if _integer(size):
                self._check_size(len(text) + text.count("\t") * max(size, 0), f"expandtabs({_number(size)})")
        elif name == "replace" and len(args) >= 2 and isinstance(args[0], str) and isinstance(args[1], str):
            count = args[2] if len(args) > 2 else kwargs.get("count", -1)
            self._check_size(_replaced_length(text, args[0], args[1], count), "replace()")
        elif name == "join" and args:
            items = list(self.iterate(args[0]))
            self._check_size(self._printed_lengths(items) + len(text) * max(len(items) - 1, 0), "join()", exact=False)
            args = (items, *args[1:])
        elif name == "translate" and args and isinstance(args[0], dict):
            longest = max((len(value) for value in args[0].values() if isinstance(value, str)), default=1)
            self._check_size(len(text) * max(longest, 1), "translate()")
        return args

    def _check_printf(self, text: str, arguments: tuple) -> None:
        """Refuse `text % arguments` when a width or precision, or the arguments' text, is past the limit."""
        for match in PRINTF_CONVERSION.finditer(text):
            for size in match.groups():
                if size == "*":
                    for argument in arguments:
                        if _integer(argument):
                            self._check_size(abs(argument), "a width given with *")
                elif size is not None:
                    self._check_size(int(size), f"the width {size} in '{match.group(0)}'")
        self._check_size(len(text) + self._printed_lengths(arguments), "formatting with %", exact=False)

    def _check_format_spec(self, text: str, args: tuple, kwargs: dict) -> None:
        """Refuse `text.format(...)` when a width in a field's format, or the arguments' text, is past the limit."""
        values = (*args, *kwargs.values())
        try:
            fields = list(string.Formatter().parse(text))
        except ValueError:
            return  # str.format raises its own error for the template
        for _, _, spec, _ in fields:
            if not spec:
                continue
            if "{" in spec:  # a width taken from the arguments: {:>{width}}
                for value in values:
                    if _integer(value):
                        self._check_size(abs(value), "a width given as an argument to format()")
            for size in DIGITS.findall(spec):
                self._check_size(int(size), f"the width {size} in '{{:{spec}}}'")
        self._check_size(len(text) + self._printed_lengths(values), "format()", exact=False)

    def wrap_str_format(self, value: Any) -> Any:
        wrapper = super().wrap_str_format(value)
        if wrapper is None:
            return None
        text, is_map = value.__self__, value.__name__ == "format_map"

        @functools.wraps(wrapper)
        def checked(*args: Any, **kwargs: Any) -> str:
            self.check_time()
            if is_map and len(args) == 1 and isinstance(args[0], dict):
                self._check_format_spec(text, (), args[0])
            else:
                self._check_format_spec(text, args, kwargs)
            result = wrapper(*args, **kwargs)
            self._check_made(result, "format()")
            return result

        return checked

    def _limited_filter(self, name: str, function: Any) -> Any:
        # A filter marked pass_context (or eval_context, environment) gets that before its value.
        at = 1 if hasattr(function, "jinja_pass_arg") else 0

        @functools.wraps(function)
        def limited(*args: Any, **kwargs: Any) -> Any:
            self.check_time()
            if len(args) > at:
                args = self._check_filter(name, args, at, kwargs)
            result = function(*args, **kwargs)
            self._check_made(result, f"the filter {name}")
            return result

        return limited

    def _check_filter(self, name: str, args: tuple, at: int, kwargs: dict) -> tuple:
        """Refuse a filter call that would make a value past the limit; `args`, with a value to
        join made a list (so that it is read once)."""
        value, rest = args[at], args[at + 1:]
        what = f"the filter {name}"
        if name in TEXT_FILTERS and not isinstance(value, str):
            self._check_size(printed_length(value, self.limits.value_size), what, exact=False)
        if name == "center":
            width = rest[0] if rest else kwargs.get("width", 80)
            if _integer(width):
                self._check_size(width, f"center({_number(width)})")
        elif name == "indent":
            width = rest[0] if rest else kwargs.get("width", 4)
            indent = len(width) if isinstance(width, str) else width if _integer(width) else 0
            lines = value.count("\n") + 1 if isinstance(value, str) else 1
            self._check_size(printed_length(value, self.limits.value_size) + lines * max(indent, 0), what, exact=False)
        elif name == "format" and isinstance(value, str):
            self._check_printf(value, tuple(rest) or tuple(kwargs.values()))
        elif name == "replace" and isinstance(value, str) and len(rest) >= 2:
            old, new = str(rest[0]), str(rest[1])
            count = rest[2] if len(rest) > 2 else kwargs.get("count")
            self._check_size(_replaced_length(value, old, new, -1 if count is None else count), what)
        elif name == "join" and not isinstance(value, str):
            items = list(self.iterate(value))
            separator = rest[0] if rest else kwargs.get("d", "")
            separator_length = len(separator) if isinstance(separator, str) else 0
            self._check_size(self._printed_lengths(items) + separator_length * max(len(items) - 1, 0), what,
                             exact=False)
            args = (*args[:at], items, *rest)
        elif name in ("batch", "slice") and rest and _integer(rest[0]):
            self._check_size(rest[0], f"{name}({_number(rest[0])})", "items")
        return args

    def _range(self, *args: Any) -> range:
        items = range(*args)
        count = max(0, -((items.start - items.stop) // items.step))  # len() overflows past sys.maxsize
        if count > self.limits.range_items:
            raise TemplateLimitExceeded(f"range() of {_amount(count)} items is more than the limit of "
                                        f"{self.limits.range_items:,} items")
        return items

    def _lipsum(self, n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> str:
        if _integer(n) and _integer(max):
            self._check_size(n * max * 8, f"lipsum({_number(n)})")  # up to `max` words of up to 8 letters
        return generate_lorem_ipsum(n, html, min, max)


def printed_length(value: Any, limit: int) -> int:
    """About how many characters `str(value)` has, counted without making it: the count stops as
    soon as it passes `limit`, so measuring a value costs at most `limit` steps, however much of
    itself it shares (`[a, a]` nested forty deep prints 2**40 copies of `a`)."""
    total = 0
    pending = [value]
    while pending and total <= limit:
        item = pending.pop()
        if isinstance(item, str):
            total += len(item)
        elif isinstance(item, (list, tuple, set, frozenset, dict)):
            total += 2 + 2 * len(item)  # brackets, and a comma and space (or quotes) for each item
            if total <= limit:
                pending.extend(item.items() if isinstance(item, dict) else item)
        elif isinstance(item, Namespace):
            pending.append(object.__getattribute__(item, "_Namespace__attrs"))
        elif _integer(item):
            total += int(item.bit_length() * LOG10_2) + 1
        elif isinstance(item, (bytes, bytearray)):
            total += 4 * len(item)
        else:
            total += 24  # a float, None, a date: short whatever they hold
    return total


def _integer(value: Any) -> bool:
    return isinstance(value, int)


def _sized(value: Any) -> bool:
    return isinstance(value, (str, bytes, list, tuple))


def _unit(value: Any) -> str:
    return "characters" if isinstance(value, (str, bytes)) else "items"


def _amount(count: int) -> str:
    """`count` with thousands separators, or its number of digits when it is too long to print."""
    digits = int(count.bit_length() * LOG10_2) + 1 if count else 1
    return f"{count:,}" if digits <= 30 else f"about 10**{digits - 1}"


def _number(value: int) -> str:
    return _amount(value) if value >= 0 else f"-{_amount(-value)}"


def _described(value: Any) -> str:
    if isinstance(value, str):
        return f"a text of {len(value):,} characters"
    return f"a {type(value).__name__} of {len(value):,} items"


def _replaced_length(text: str, old: str, new: str, count: Any) -> int:
    """The length of `text.replace(old, new, count)`, worked out without making it."""
    found = text.count(old) if old else len(text) + 1
    if _integer(count) and count >= 0:
        found = min(found, count)
    return len(text) + found * (len(new) - len(old))


def template_environment(limits: TemplateLimits = DEFAULT_TEMPLATE_LIMITS) -> LimitedEnvironment:
    """The environment every template renders in; its clock starts now, so make one for each render."""
    return LimitedEnvironment(limits, autoescape=True, undefined=jinja2.StrictUndefined)


