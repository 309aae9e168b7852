"""Why a stored instruction differs from the regenerated one: one named reason per difference."""

from __future__ import annotations

import re
from enum import StrEnum

from pydantic import Field

from curator.condense.render import single_spaced
from curator.docstring import (
    SECTIONS,
    ConsumedHeading,
    ParsedDocstring,
    Placement,
    ReviewWarning,
    Rule,
)
from curator.models import DocStruct, StrictModel


class ReasonKind(StrEnum):
    FIX = "fix"  # the regenerated instruction corrects a defect of the original converter
    UPDATE = "update"  # the task changed since its instruction was written; regenerate it
    ACCEPTED = "accepted"  # an annotator accepted this instruction in place of the rule-based one
    UNEXPLAINED = "unexplained"  # nothing accounts for the difference: a reviewer must look


class Reason(StrEnum):
    ARGS_HEADING = "args-heading"
    NUMBERED_EXAMPLE_HEADING = "numbered-example-heading"
    HEADING_VARIANT = "heading-variant"
    DOCTEST_PARAGRAPH = "doctest-paragraph"
    HEADING_KEPT_AS_TEXT = "heading-kept-as-text"
    HEADING_IN_PARAGRAPH = "heading-in-paragraph"
    INDENTED_CONTINUATION = "indented-continuation"
    NUMPY_SECTION = "numpy-section"
    CODE_PROMPT_CHANGED = "code-prompt-changed"
    DOCSTRING_CHANGED = "docstring-changed"
    NO_INSTRUCTION = "no-instruction"
    ACCEPTED_INSTRUCTION = "accepted-instruction"
    INSTRUCTION_EDITED = "instruction-edited"
    NO_DOCSTRING = "no-docstring"
    NO_REFERENCE = "no-reference"
    PLACEMENT_DIFFERS = "placement-differs"
    ORDER_DIFFERS = "order-differs"


REASON_KINDS: dict[Reason, ReasonKind] = {
    Reason.ARGS_HEADING: ReasonKind.FIX,
    Reason.NUMBERED_EXAMPLE_HEADING: ReasonKind.FIX,
    Reason.HEADING_VARIANT: ReasonKind.FIX,
    Reason.DOCTEST_PARAGRAPH: ReasonKind.FIX,
    Reason.HEADING_KEPT_AS_TEXT: ReasonKind.FIX,
    Reason.HEADING_IN_PARAGRAPH: ReasonKind.FIX,
    Reason.INDENTED_CONTINUATION: ReasonKind.FIX,
    Reason.NUMPY_SECTION: ReasonKind.FIX,
    Reason.CODE_PROMPT_CHANGED: ReasonKind.UPDATE,
    Reason.DOCSTRING_CHANGED: ReasonKind.UPDATE,
    Reason.NO_INSTRUCTION: ReasonKind.UPDATE,
    Reason.ACCEPTED_INSTRUCTION: ReasonKind.ACCEPTED,
    Reason.INSTRUCTION_EDITED: ReasonKind.UNEXPLAINED,
    Reason.NO_DOCSTRING: ReasonKind.UNEXPLAINED,
    Reason.NO_REFERENCE: ReasonKind.UNEXPLAINED,
    Reason.PLACEMENT_DIFFERS: ReasonKind.UNEXPLAINED,
    Reason.ORDER_DIFFERS: ReasonKind.UNEXPLAINED,
}

SECTION_NAMES = {
    "description": "description",
    "notes": "notes",
    "params": "parameters",
    "returns": "returns",
    "reqs": "requirements",
    "raises": "exceptions",
    "examples": "examples",
}


class DifferenceReason(StrictModel):
    """One named cause of a difference between the stored and the regenerated instruction."""

    code: Reason
    kind: ReasonKind
    message: str

    @classmethod
    def of(cls, code: Reason, message: str) -> DifferenceReason:
        return cls(code=code, kind=REASON_KINDS[code], message=message)


class CondenseReport(StrictModel):
    """What `curator condense` found for one task (`--json` prints one per line)."""

    task_id: str
    equal: bool = Field(description="The stored instruction equals the regenerated one.")
    reasons: list[DifferenceReason] = Field(default_factory=list)
    warnings: list[ReviewWarning] = Field(default_factory=list)
    instruction: str | None = Field(
        default=None, description="The regenerated rule-based instruction (None: no docstring)."
    )

    @property
    def needs_attention(self) -> bool:
        """A difference that is neither a named fix nor an instruction an annotator accepted."""
        return any(
            reason.kind in (ReasonKind.UPDATE, ReasonKind.UNEXPLAINED) for reason in self.reasons
        )


RENDERED_SECTIONS = ("description", "notes", "raises", "returns")


def explain_doc_struct(
    stored: DocStruct,
    parsed: ParsedDocstring,
    docstring_text: str,
    sections: tuple[str, ...] = SECTIONS,
) -> list[DifferenceReason]:
    """Name why the stored doc_struct differs from the parsed one, line by line.

    Only differences that touch `sections` count: the instruction check passes the sections
    the instruction shows, so a change confined to the examples is no reason there.
    """
    stored_left = list(_items(stored))
    parsed_left = [(p.section, p.text, p) for p in parsed.placements]
    for section, text in list(stored_left):
        match = next((e for e in parsed_left if e[0] == section and e[1] == text), None)
        if match is not None:
            stored_left.remove((section, text))
            parsed_left.remove(match)
    found: list[tuple[set[str], DifferenceReason]] = []

    # Heading lines the original converter kept as text (`Notes:`, `Args:`, `Example 2:`).
    for section, text in list(stored_left):
        for heading in parsed.headings:
            if not text.startswith(heading.text):
                continue
            remainder = text[len(heading.text) :].strip()
            partner = next(
                (e for e in parsed_left if e[0] == heading.section and e[1] == remainder), None
            )
            if remainder and partner is None:
                continue
            stored_left.remove((section, text))
            if partner is not None:
                parsed_left.remove(partner)
            found.append(({section, heading.section}, _heading_reason(heading, section)))
            break

    # Lines in another section than the original converter put them.
    for entry in list(parsed_left):
        target, text, placement = entry
        key = _key(text)
        candidates = [(s, t) for s, t in stored_left if _key(t) == key]
        if not candidates:
            continue
        origin, stored_text = next(((s, t) for s, t in candidates if s != target), candidates[0])
        stored_left.remove((origin, stored_text))
        parsed_left.remove(entry)
        if origin == target:
            found.append(({target}, _placement_differs(placement, "is written differently")))
        else:
            found.append(({origin, target}, _moved_reason(placement, origin)))

    new_lines: list[tuple[str, Placement]] = []
    for target, text, placement in parsed_left:
        if any(text in other or other in text for _, other in stored_left):
            found.append(({target}, _placement_differs(placement, "is written differently")))
        else:
            new_lines.append((target, placement))
    gone_lines: list[tuple[str, str]] = []
    for origin, text in stored_left:
        if single_spaced(text) in single_spaced(docstring_text):
            reason = DifferenceReason.of(
                Reason.PLACEMENT_DIFFERS,
                f"the stored {SECTION_NAMES[origin]} line {text[:60]!r} is not where the "
                "parser puts it",
            )
            found.append(({origin}, reason))
        else:
            gone_lines.append((origin, text))
    changed = {s for s, _ in new_lines} | {s for s, _ in gone_lines}
    if changed & set(sections):
        shown_new = [p for s, p in new_lines if s in sections]
        shown_gone = [t for s, t in gone_lines if s in sections]
        first = f"line {shown_new[0].line}: " if shown_new else ""
        found.append(
            (
                changed,
                DifferenceReason.of(
                    Reason.DOCSTRING_CHANGED,
                    f"{first}the docstring was edited after the instruction was written "
                    f"({len(shown_new)} line(s) new, {len(shown_gone)} gone in "
                    + ", ".join(SECTION_NAMES[s] for s in SECTIONS if s in changed & set(sections))
                    + ")",
                ),
            )
        )

    reasons = [reason for touched, reason in found if touched & set(sections)]
    differing = [
        name for name in sections if getattr(stored, name) != getattr(parsed.doc_struct, name)
    ]
    if not reasons and differing:
        reasons.append(
            DifferenceReason.of(
                Reason.ORDER_DIFFERS,
                "the same lines in another order in: "
                + ", ".join(SECTION_NAMES[name] for name in differing),
            )
        )
    return _unique(reasons)


def _key(text: str) -> str:
    """A line as compared across sections: bullets and spacing do not count."""
    return single_spaced(text.removeprefix("- "))


def _heading_reason(heading: ConsumedHeading, origin: str) -> DifferenceReason:
    if heading.section == origin:
        tail = ", giving 'Note that: Notes:')" if origin == "notes" else ")"
        return DifferenceReason.of(
            Reason.HEADING_KEPT_AS_TEXT,
            f"line {heading.line}: the {heading.text!r} heading is structure, not text (the "
            f"original converter kept it in the {SECTION_NAMES[origin]}{tail}",
        )
    return _section_reason(heading.rule, heading.text, heading.line, heading.section, origin)


def _section_reason(
    rule: Rule, heading: str, line: int, section: str, origin: str
) -> DifferenceReason:
    """Why text under `heading` is in `section` while the original converter put it elsewhere."""
    was = f"the original converter left it in the {SECTION_NAMES[origin]}"
    target = SECTION_NAMES[section]
    if rule is Rule.HEADING_IN_PARAGRAPH:
        return DifferenceReason.of(
            Reason.HEADING_IN_PARAGRAPH,
            f"line {line}: {heading!r} starts the {target} although no blank line comes before "
            f"it ({was}: it saw headings only at the start of a paragraph)",
        )
    if rule is Rule.NUMPY_SECTION:
        return DifferenceReason.of(
            Reason.NUMPY_SECTION,
            f"line {line}: NumPy-style heading {heading!r} recognised as the {target} ({was})",
        )
    if rule is Rule.HEADING:
        return DifferenceReason.of(
            Reason.PLACEMENT_DIFFERS,
            f"line {line}: text under {heading!r} is in the {target}, but {was}",
        )
    name = heading.rstrip(":").strip().lower()
    if name in ("args", "arguments"):
        code = Reason.ARGS_HEADING
    elif re.search(r"\d", name):
        code = Reason.NUMBERED_EXAMPLE_HEADING
    else:
        code = Reason.HEADING_VARIANT
    return DifferenceReason.of(
        code, f"line {line}: {heading!r} recognised as the {target} heading ({was})"
    )


def _items(doc_struct: DocStruct) -> list[tuple[str, str]]:
    return [(name, text) for name in SECTIONS for text in getattr(doc_struct, name)]


def _moved_reason(placement: Placement, origin: str) -> DifferenceReason:
    heading_rules = (Rule.HEADING_VARIANT, Rule.HEADING_IN_PARAGRAPH, Rule.NUMPY_SECTION)
    if placement.rule in heading_rules and placement.heading and placement.heading_line:
        return _section_reason(
            placement.rule, placement.heading, placement.heading_line, placement.section, origin
        )
    where = f"line {placement.line}"
    was = f"the original converter put it in the {SECTION_NAMES[origin]}"
    target = SECTION_NAMES[placement.section]
    if placement.rule is Rule.DOCTEST_PARAGRAPH:
        return DifferenceReason.of(
            Reason.DOCTEST_PARAGRAPH,
            f"{where}: a doctest paragraph after a blank line belongs to the examples ({was}, "
            "so `>>>` lines reached the instruction)",
        )
    if placement.rule is Rule.INDENTED_CONTINUATION:
        return DifferenceReason.of(
            Reason.INDENTED_CONTINUATION,
            f"{where}: an indented paragraph continues the {target} ({was})",
        )
    return _placement_differs(placement, f"is in the {target}, but {was}")


def _placement_differs(placement: Placement, what: str) -> DifferenceReason:
    return DifferenceReason.of(
        Reason.PLACEMENT_DIFFERS, f"line {placement.line}: {placement.text[:60]!r} {what}"
    )


def _unique(reasons: list[DifferenceReason]) -> list[DifferenceReason]:
    """One reason per cause: the same cause on several lines is reported once, at its first."""
    seen: set[tuple[Reason, str]] = set()
    out = []
    for reason in reasons:
        key = (reason.code, re.sub(r"^line \d+: ", "", reason.message))
        if key not in seen:
            seen.add(key)
            out.append(reason)
    return out
