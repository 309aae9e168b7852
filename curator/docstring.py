"""Parse a task's docstring into BigCodeBench's `doc_struct` sections.

BigCodeBench's converter read the docstring in blank-line separated paragraphs and recognised a
few exact headers (`Parameters:`, `Returns:`, `Raises:`, `Requirements:`, `Example:`, `Note:`);
anything else fell into the description, which is how `Args:` blocks and second example blocks
reached the Instruct prompts. This parser keeps that layout where the converter was right (so
its `doc_struct` equals the stored one) and understands the variants it missed: Args/Arguments,
Return/Yields, numbered examples, Google- and NumPy-style headings, indented continuations.
Nothing is ever dropped: text under a heading it does not know stays in the description and is
reported as a warning.

Every line it places carries the rule that placed it (`Placement`), so `curator condense
--check` can name why a regenerated instruction differs from the stored one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from pydantic import Field

from curator.models import DocStruct, StrictModel
from curator.program import docstring_node

SECTIONS = ("description", "notes", "params", "returns", "reqs", "raises", "examples")

TEMPLATE_PLACEHOLDERS = {
    "description": "Say in a sentence or two what the function does with its arguments.",
    "parameters": "data (list): What the argument holds.",
    "returns": "int: What the function returns.",
    "raises": "ValueError: When, if ever, it raises.",
    "requirements": "- (each library it imports)",
}
"""The lines of the docstring `curator new` writes that say what to write in their place."""

# Heading words (lower case) -> doc_struct section.
HEADINGS: dict[str, str] = {
    **dict.fromkeys(
        (
            "parameters",
            "parameter",
            "params",
            "param",
            "args",
            "arguments",
            "argument",
            "keyword arguments",
            "keyword args",
            "other parameters",
        ),
        "params",
    ),
    **dict.fromkeys(
        ("returns", "return", "yields", "yield", "return value", "return values"), "returns"
    ),
    **dict.fromkeys(("raises", "raise", "exceptions", "throws"), "raises"),
    **dict.fromkeys(
        ("requirements", "requirement", "requires", "dependencies", "required libraries"), "reqs"
    ),
    **dict.fromkeys(("example", "examples", "usage", "usage example", "example usage"), "examples"),
    **dict.fromkeys(("note", "notes", "remark", "remarks", "warning", "warnings"), "notes"),
}

# The exact headers the original converter understood (at the start of a paragraph). It dropped
# `Note:` and `Example:` but kept `Notes:` and `Examples:` as text (the source of
# `Note that: Notes:`); the comparison with a stored doc_struct finds those from the data.
ORIGINAL_HEADERS = frozenset(
    {
        "Parameters:",
        "Returns:",
        "Raises:",
        "Requirements:",
        "Example:",
        "Examples:",
        "Note:",
        "Notes:",
    }
)

# Sections whose lines lose a leading `- ` bullet, as in the benchmark's doc_struct.
BULLETED = frozenset({"notes", "params", "returns", "reqs", "raises"})

_HEADER = re.compile(r"^(?P<name>[A-Za-z][A-Za-z ]*?)(?:\s+(?P<number>\d+))?\s*:(?P<rest>.*)$")
_UNDERLINE = re.compile(r"^\s*(?:-{3,}|={3,}|~{3,})\s*$")
_TITLE_WORD = re.compile(r"^[A-Z][A-Za-z]*$")
_DOCTEST = re.compile(r"^\s*>>>")


class Rule(StrEnum):
    """Why a line landed in its section."""

    DESCRIPTION = "description"  # opening text, before any heading
    HEADING = "heading"  # under a heading the original converter knew
    HEADING_VARIANT = "heading-variant"  # under a heading it did not know (Args:, Yields:, ...)
    HEADING_IN_PARAGRAPH = "heading-in-paragraph"  # under a heading with no blank line before it
    NUMPY_SECTION = "numpy-section"  # under an underlined heading, across blank lines
    INDENTED_CONTINUATION = "indented-continuation"  # indented paragraph after a blank line
    DOCTEST_PARAGRAPH = "doctest-paragraph"  # paragraph with `>>>` lines, put in the examples
    TRAILING_PARAGRAPH = "trailing-paragraph"  # unheaded paragraph after a section: description
    UNKNOWN_SECTION = "unknown-section"  # under a heading nobody knows: kept in the description


class ReviewWarning(StrictModel):
    """Something for the reviewer: text the parser could not place, or an instruction's loss."""

    kind: str = Field(
        description="unknown-section, empty-section, repeated-section, no-description; "
        "missing-parameter, missing-default, default-mismatch, "
        "missing-return-type, missing-exception, missing-constant, missing-literal, "
        "missing-file-format; unknown-constant (named by the docstring, never by the code)"
    )
    message: str
    line: int | None = Field(default=None, description="Line in the task program, 1-based.")


@dataclass(frozen=True)
class Placement:
    """One doc_struct line: where it came from and the rule that put it there."""

    section: str
    text: str
    line: int
    rule: Rule
    heading: str | None = None
    heading_line: int | None = None


@dataclass(frozen=True)
class ConsumedHeading:
    """A heading line the parser used as structure instead of text."""

    text: str
    line: int
    section: str
    rest: str
    rule: Rule


@dataclass
class ParsedDocstring:
    doc_struct: DocStruct
    placements: list[Placement] = field(default_factory=list)
    headings: list[ConsumedHeading] = field(default_factory=list)
    warnings: list[ReviewWarning] = field(default_factory=list)


@dataclass(frozen=True)
class Docstring:
    """A docstring's source text (escapes as written) and the program line it starts on."""

    text: str
    first_line: int


def entry_docstring(program: str, entry_point: str = "task_func") -> Docstring | None:
    """The entry point's docstring as written in the source, or None if there is none.

    The source text, not the evaluated string: the benchmark's doc_struct keeps escapes such as
    `\\'` as the task author typed them.
    """
    node = docstring_node(program, entry_point)
    if node is None:
        return None
    lines = program.splitlines(keepends=True)
    end_line = node.end_lineno or node.lineno
    end_col = node.end_col_offset if node.end_col_offset is not None else len(lines[end_line - 1])
    segment = "".join(lines[node.lineno - 1 : end_line])
    # Offsets are in UTF-8 bytes; slice the encoded text to honour them.
    encoded = segment.encode()
    last_line_start = len("".join(lines[node.lineno - 1 : end_line - 1]).encode())
    literal = encoded[node.col_offset : last_line_start + end_col].decode()
    match = re.match(r"^[rRuUbB]*('''|\"\"\"|'|\")", literal)
    if match is None:
        return None
    quote = match.group(1)
    body = literal[match.end() : len(literal) - len(quote)]
    if quote in body:
        # Implicitly concatenated literals: only the evaluated text is one docstring.
        return Docstring(text=str(node.value), first_line=node.lineno)
    return Docstring(text=body, first_line=node.lineno)


@dataclass
class _Line:
    number: int
    indent: int
    text: str  # stripped


def _lines(docstring: Docstring) -> list[_Line | None]:
    """Dedented lines (None for blank ones), numbered as in the program."""
    raw = docstring.text.expandtabs().split("\n")
    indents = [len(line) - len(line.lstrip()) for line in raw[1:] if line.strip()]
    margin = min(indents, default=0)
    out: list[_Line | None] = []
    for index, line in enumerate(raw):
        if not line.strip():
            out.append(None)
            continue
        indent = len(line) - len(line.lstrip())
        indent = 0 if index == 0 else indent - margin
        out.append(_Line(docstring.first_line + index, indent, line.strip()))
    return out


@dataclass(frozen=True)
class _Heading:
    section: str | None  # None: a heading we do not know
    text: str  # the heading as written, without trailing text
    rest: str
    underlined: bool
    original: bool  # the original converter recognised it


def _heading(line: _Line, following: _Line | None, starts_paragraph: bool) -> _Heading | None:
    """A section heading: `Name:` (with optional text after it) or `Name` over an underline.

    An underlined heading opens a paragraph: a rule under a line of doctest output is not one.
    """
    underlined = following is not None and _UNDERLINE.match(following.text) is not None
    if underlined and starts_paragraph and len(line.text) <= 40:
        name = line.text.rstrip(":").strip()
        section = HEADINGS.get(_heading_key(name))
        return _Heading(section, line.text, "", True, False)
    match = _HEADER.match(line.text)
    if match is None:
        return None
    name, rest = match.group("name").strip(), match.group("rest").strip()
    key = _heading_key(name)
    section = HEADINGS.get(key)
    if match.group("number") and section != "examples":
        return None
    if section is None:
        # Unknown headings count only when they look like one: a bare, short title.
        words = name.split()
        if rest or not 1 <= len(words) <= 3 or not all(_TITLE_WORD.match(w) for w in words):
            return None
    header_text = line.text[: len(line.text) - len(match.group("rest"))].strip()
    return _Heading(section, header_text, rest, False, header_text in ORIGINAL_HEADERS)


def _heading_key(name: str) -> str:
    return " ".join(name.lower().split())


def _clean(section: str, text: str) -> str:
    if section in BULLETED and text.startswith("- "):
        return text[2:].strip()
    return text


def parse_docstring(docstring: Docstring | str) -> ParsedDocstring:
    """Split a docstring into doc_struct sections; see the module docstring for the rules."""
    if isinstance(docstring, str):
        docstring = Docstring(docstring, 1)
    lines = _lines(docstring)
    parsed = ParsedDocstring(DocStruct())
    sections: dict[str, list[str]] = {name: [] for name in SECTIONS}
    seen_headings: dict[str, int] = {}

    section = "description"
    rule = Rule.DESCRIPTION
    heading_text: str | None = None
    heading_indent = 0
    heading_line = 0
    heading_filled = True
    after_blank = False
    index = 0

    def place(text: str, number: int) -> None:
        nonlocal heading_filled
        text = _clean(section, text)
        if not text:
            return
        sections[section].append(text)
        parsed.placements.append(
            Placement(section, text, number, rule, heading_text, heading_line or None)
        )
        heading_filled = True

    def close_heading() -> None:
        if not heading_filled and heading_text is not None:
            parsed.warnings.append(
                ReviewWarning(
                    kind="empty-section",
                    line=heading_line,
                    message=f"heading {heading_text!r} has no text under it",
                )
            )

    while index < len(lines):
        line = lines[index]
        if line is None:
            after_blank = True
            index += 1
            continue
        following = lines[index + 1] if index + 1 < len(lines) else None
        starts_paragraph = after_blank or index == 0
        heading = _heading(line, following, starts_paragraph)
        if heading is not None and _starts_section(heading, line, starts_paragraph, heading_indent):
            close_heading()
            index += 2 if heading.underlined else 1
            after_blank = False
            heading_indent = line.indent
            heading_line = line.number
            heading_text = heading.text
            if heading.section is None:
                section, rule = "description", Rule.UNKNOWN_SECTION
                parsed.warnings.append(
                    ReviewWarning(
                        kind="unknown-section",
                        line=line.number,
                        message=f"unknown section {heading.text!r} kept in the description",
                    )
                )
                place(heading.text, line.number)
                continue
            section = heading.section
            if heading.underlined:
                rule = Rule.NUMPY_SECTION
            elif not starts_paragraph:
                rule = Rule.HEADING_IN_PARAGRAPH
            elif heading.original:
                rule = Rule.HEADING
            else:
                rule = Rule.HEADING_VARIANT
            parsed.headings.append(
                ConsumedHeading(heading.text, line.number, section, heading.rest, rule)
            )
            if section in seen_headings and section != "examples":
                parsed.warnings.append(
                    ReviewWarning(
                        kind="repeated-section",
                        line=line.number,
                        message=f"a second {section} heading {heading.text!r} (first on line "
                        f"{seen_headings[section]}); its text is added to the first",
                    )
                )
            seen_headings.setdefault(section, line.number)
            heading_filled = False
            if heading.rest:
                place(heading.rest, line.number)
            continue

        if starts_paragraph and index > 0:
            paragraph = _paragraph(lines, index)
            if any(_DOCTEST.match(item.text) for item in paragraph):
                if section != "examples":
                    close_heading()
                    section, heading_text = "examples", None
                    rule = Rule.DOCTEST_PARAGRAPH
                elif rule != Rule.NUMPY_SECTION:
                    rule = Rule.DOCTEST_PARAGRAPH
            elif section == "description" or rule == Rule.NUMPY_SECTION:
                pass
            elif line.indent > heading_indent:
                rule = Rule.INDENTED_CONTINUATION
            else:
                close_heading()
                section, rule, heading_text, heading_indent = (
                    "description",
                    Rule.TRAILING_PARAGRAPH,
                    None,
                    0,
                )
        after_blank = False
        place(line.text, line.number)
        index += 1
    close_heading()

    parsed.doc_struct = DocStruct(**sections)
    if not sections["description"]:
        parsed.warnings.append(
            ReviewWarning(
                kind="no-description",
                line=docstring.first_line,
                message="the docstring has no description before its first section",
            )
        )
    return parsed


def _starts_section(heading: _Heading, line: _Line, starts_paragraph: bool, indent: int) -> bool:
    """Headings open a paragraph; a known one may also follow text without a blank line.

    Lines indented under the current heading are its text, whatever they look like. Inside a
    paragraph, `Example: ...` with text after it stays prose: taking it for a heading would move
    that text out of the instruction.
    """
    if line.indent > indent:
        return False
    if starts_paragraph or heading.underlined:
        return True
    return heading.section is not None and (not heading.rest or heading.section != "examples")


def _paragraph(lines: list[_Line | None], start: int) -> list[_Line]:
    paragraph = []
    for line in lines[start:]:
        if line is None:
            break
        paragraph.append(line)
    return paragraph


def parse_program(program: str, entry_point: str = "task_func") -> ParsedDocstring | None:
    """Parse the entry point's docstring of a task program (or `complete_prompt`)."""
    docstring = entry_docstring(program, entry_point)
    return None if docstring is None else parse_docstring(docstring)


def template_placeholders(program: str, entry_point: str = "task_func") -> list[tuple[int, str]]:
    """The lines (program line, text) of the entry point's docstring that are still the
    new-task template's placeholders (`TEMPLATE_PLACEHOLDERS`): a task whose docstring says
    "Say in a sentence or two what the function does" has no prompt yet."""
    docstring = entry_docstring(program, entry_point)
    if docstring is None:
        return []
    placeholders = set(TEMPLATE_PLACEHOLDERS.values())
    return [
        (docstring.first_line + index, line.strip())
        for index, line in enumerate(docstring.text.split("\n"))
        if line.strip() in placeholders
    ]
