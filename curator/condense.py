"""Condense a task's docstring into BigCodeBench's Instruct prompt, and check what it loses.

The Instruct prompt is the docstring's description, notes, raised exceptions and returns, then
the code prompt, in the exact layout of the benchmark's converter (see `render_instruction`).
`check_task` regenerates a task's instruction and names the reason for every difference from
the stored one; `information_loss` lists what a docstring says that an instruction (rule-based
or written by anyone else) does not.

For another source of instructions (an LLM, an annotator's edit):

- `condense_task(task)` gives the parsed docstring and the rule-based instruction to start from
  and to show beside a candidate;
- `information_loss(doc_struct, candidate, task.entry_point)` checks the candidate the same way
  as the rule-based one;
- `apply_instruction(task, candidate, doc_struct, detail="llm", model=..., prompt_hash=...)`
  stores the accepted text with its origin in the provenance. `check_task` then reports it as
  an accepted instruction (not a difference to fix) until the docstring or code prompt changes,
  and `curator condense --write` never overwrites it.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from enum import StrEnum

from pydantic import Field

from curator.docstring import (
    SECTIONS,
    ConsumedHeading,
    ParsedDocstring,
    Placement,
    ReviewWarning,
    Rule,
    entry_docstring,
    parse_docstring,
)
from curator.models import DocStruct, ProvenanceEvent, Stage, StrictModel, Task, utc_now
from curator.program import entry_function

NOTES_LEAD = "Note that: "
RAISES_LEAD = "The function should raise the exception for: "
RETURNS_LEAD = "The function should output with:"
RETURNS_INDENT = "    "
CODE_LEAD = "You should write self-contained code starting with:"
FENCE = "```"

RULES_DETAIL = "rules"
EDITED_DETAIL = "edited"  # an annotator accepted the stored instruction as they wrote it
CONDENSE_OPERATION = "condense"


def render_instruction(doc_struct: DocStruct, code_prompt: str) -> str:
    """The Instruct prompt in the benchmark's exact layout.

    Description lines joined by spaces; `Note that: ` and the notes joined by spaces; the
    exceptions likewise; `The function should output with:` and each returns line indented by
    four spaces; then the code prompt fenced by bare backticks. Empty sections are left out.
    """
    parts = []
    if doc_struct.description:
        parts.append(" ".join(doc_struct.description))
    if doc_struct.notes:
        parts.append(NOTES_LEAD + " ".join(doc_struct.notes))
    if doc_struct.raises:
        parts.append(RAISES_LEAD + " ".join(doc_struct.raises))
    if doc_struct.returns:
        parts.append(
            "\n".join([RETURNS_LEAD, *(RETURNS_INDENT + line for line in doc_struct.returns)])
        )
    code = code_prompt if code_prompt.endswith("\n") or not code_prompt else code_prompt + "\n"
    parts.append(f"{CODE_LEAD}\n{FENCE}\n{code}{FENCE}")
    return "\n".join(parts)


def split_instruction(instruction: str) -> tuple[str, str] | None:
    """(text before the code, code prompt) of an instruction in the benchmark's layout."""
    marker = f"{CODE_LEAD}\n{FENCE}\n"
    position = instruction.rfind(marker)
    if position < 0 or not instruction.endswith(FENCE):
        return None
    return instruction[:position], instruction[position + len(marker) : -len(FENCE)]


# -- reasons -----------------------------------------------------------------------------------


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
        if _normalised(text) in _normalised(docstring_text):
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
    return _normalised(text.removeprefix("- "))


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


def _normalised(text: str) -> str:
    return " ".join(text.split())


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


# -- tasks -------------------------------------------------------------------------------------


@dataclass
class Condensed:
    """A task's docstring parsed and condensed into the rule-based instruction."""

    parsed: ParsedDocstring | None
    instruction: str | None
    docstring_text: str = ""


def condense_task(task: Task) -> Condensed:
    docstring = entry_docstring(task.complete_prompt, task.entry_point)
    if docstring is None:
        return Condensed(None, None)
    parsed = parse_docstring(docstring)
    return Condensed(
        parsed, render_instruction(parsed.doc_struct, task.code_prompt), docstring.text
    )


def rule_based_instruction(task: Task) -> str | None:
    """The rule-based Instruct prompt of a task, or None if its entry point has no docstring."""
    return condense_task(task).instruction


def last_condense_detail(task: Task) -> str | None:
    events = [e for e in task.provenance.events if e.operation == CONDENSE_OPERATION]
    return events[-1].detail if events else None


def check_task(task: Task) -> CondenseReport:
    """Regenerate a task's instruction and name every reason it differs from the stored one."""
    condensed = condense_task(task)
    if condensed.parsed is None or condensed.instruction is None:
        return CondenseReport(
            task_id=task.task_id,
            equal=False,
            reasons=[
                DifferenceReason.of(
                    Reason.NO_DOCSTRING,
                    f"{task.entry_point} has no docstring in the task program to condense",
                )
            ],
        )
    stored_instruction = task.instruct_prompt
    instruction_in_effect = stored_instruction or condensed.instruction
    warnings = [
        *condensed.parsed.warnings,
        *information_loss(condensed.parsed.doc_struct, instruction_in_effect, task.entry_point),
    ]
    report = CondenseReport(
        task_id=task.task_id,
        equal=condensed.instruction == stored_instruction,
        warnings=warnings,
        instruction=condensed.instruction,
    )
    if not report.equal:
        report.reasons = _difference_reasons(task, condensed)
    return report


def _difference_reasons(task: Task, condensed: Condensed) -> list[DifferenceReason]:
    assert condensed.parsed is not None
    stored_instruction = task.instruct_prompt
    if not stored_instruction.strip():
        return [DifferenceReason.of(Reason.NO_INSTRUCTION, "the task has no instruction yet")]
    reasons: list[DifferenceReason] = []
    detail = last_condense_detail(task)
    accepted = detail is not None and detail != RULES_DETAIL
    if accepted:
        reasons.append(
            DifferenceReason.of(
                Reason.ACCEPTED_INSTRUCTION,
                f"the stored instruction was accepted by an annotator ({detail}), "
                "not generated by the rules",
            )
        )
    stored_parts = split_instruction(stored_instruction)
    if stored_parts is not None and stored_parts[1] != task.code_prompt:
        reasons.append(
            DifferenceReason.of(
                Reason.CODE_PROMPT_CHANGED,
                "the code prompt changed after the instruction was written",
            )
        )
    if not any(getattr(task.doc_struct, name) for name in SECTIONS):
        reasons.append(
            DifferenceReason.of(
                Reason.NO_REFERENCE,
                "the stored instruction differs and the task keeps no doc_struct it came from",
            )
        )
        return reasons
    if not accepted:
        legacy_parts = split_instruction(render_instruction(task.doc_struct, task.code_prompt))
        assert legacy_parts is not None
        stored_text = stored_parts[0] if stored_parts else stored_instruction
        if stored_text != legacy_parts[0]:
            reasons.append(
                DifferenceReason.of(
                    Reason.INSTRUCTION_EDITED,
                    "the stored instruction is not what its doc_struct gives: it was edited "
                    "by hand",
                )
            )
    # The stored doc_struct is what the stored instruction came from: the original converter's
    # output, or the parse recorded when an instruction was written or accepted.
    reasons.extend(
        explain_doc_struct(
            task.doc_struct, condensed.parsed, condensed.docstring_text, RENDERED_SECTIONS
        )
    )
    if not reasons:
        reasons.append(
            DifferenceReason.of(Reason.INSTRUCTION_EDITED, "the stored instruction differs")
        )
    return reasons


def apply_instruction(
    task: Task,
    instruction: str,
    doc_struct: DocStruct,
    detail: str = RULES_DETAIL,
    annotator: str | None = None,
    model: str | None = None,
    prompt_hash: str | None = None,
) -> Task:
    """A copy of the task with a new instruction and the doc_struct it came from, recorded.

    `detail` names the origin: "rules" for the rule-based instruction, anything else (e.g.
    "llm" or "edited") for one an annotator accepted. A validated task becomes condensed.
    """
    updated = task.model_copy(deep=True)
    updated.instruct_prompt = instruction
    if updated.doc_struct != doc_struct:
        updated.doc_struct = doc_struct
        updated.interchange.doc_struct = None
    if updated.stage is Stage.VALIDATED:
        updated.stage = Stage.CONDENSED
    updated.provenance.events.append(
        ProvenanceEvent(
            operation=CONDENSE_OPERATION,
            annotator=annotator,
            model=model,
            prompt_hash=prompt_hash,
            detail=detail,
        )
    )
    updated.provenance.updated_at = utc_now()
    if annotator and annotator not in updated.provenance.authors:
        updated.provenance.authors.append(annotator)
    return updated


# -- information loss --------------------------------------------------------------------------

LOSS_SECTIONS = ("description", "notes", "params", "returns", "raises")

_PARAM_ENTRY = re.compile(
    r"^(?P<names>\*{0,2}[A-Za-z_]\w*(?:\s*,\s*\*{0,2}[A-Za-z_]\w*)*)"
    r"\s*(?:\((?P<type>[^()]*(?:\([^()]*\)[^()]*)*)\))?\s*(?P<numpy>\s)?:(?:\s+(?P<desc>.*))?$"
)
_DEFAULT = re.compile(
    r"\b(?:defaults?\s+(?:to|is|value\s+is)|default\s*[:=]|default\s+value\s+is)\s+"
    r"(?P<value>.+?)(?:\.(?:\s|$)|$)",
    re.IGNORECASE,
)
_RETURN_TYPE = re.compile(
    r"^(?:\w+\s*\((?P<named>[^()]+)\)|(?P<type>[A-Za-z_][\w.]*(?:\[.*\])?(?:\s+of\s+\w+)?))"
    r"\s*:(?:\s|$)"
)
_EXCEPTION = re.compile(
    r"\b(?:[A-Z][A-Za-z]*\.)*[A-Z][A-Za-z]*(?:Error|Exception|Warning|Exit|Interrupt)\b"
)
_CONSTANT = re.compile(r"\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b")
_UPPER_WORD = re.compile(r"\b[A-Z][A-Z0-9_]*\b")
_QUOTED = re.compile(r"(?<![\w'\"])(?P<q>['\"])(?P<value>[^'\"\n]{1,80}?)(?P=q)(?![\w])")
_NUMBER = re.compile(r"(?<![\w.])-?\d+(?:\.\d+)?%?(?![\w]|\.\d)")
_FILE_EXTENSION = re.compile(
    r"(?<![\w/])\*?\.(?:csv|tsv|txt|json|jsonl|xml|ya?ml|xlsx?|zip|tar|gz|tgz|bz2|png|jpe?g|gif|"
    r"bmp|svg|pdf|html?|md|log|pkl|pickle|npy|npz|h5|hdf5|parquet|db|sqlite|wav|mp3|docx?|ini|cfg|"
    r"toml|dll|so|exe|bat|sh|py)\b",
    re.IGNORECASE,
)
_FORMAT_NAME = re.compile(
    r"\b(?:CSV|TSV|JSON|JSONL|XML|YAML|Excel|ZIP|tar|gzip|PNG|JPE?G|GIF|SVG|PDF|HTML|Markdown|"
    r"pickle|Parquet|HDF5|SQLite|base64|UTF-8|ASCII)\b",
    re.IGNORECASE,
)
_CODE_BLOCK = re.compile(r"```[\w+-]*\n(?P<code>.*?)```", re.DOTALL)


@dataclass(frozen=True)
class _Signature:
    parameters: dict[str, tuple[str | None, str | None]]  # name -> (annotation, default)
    returns: str | None
    constants: frozenset[str]


def _signature(instruction: str, entry_point: str) -> _Signature | None:
    """The entry point's signature and module constants from the instruction's code block."""
    blocks = _CODE_BLOCK.findall(instruction)
    if not blocks:
        return None
    code = blocks[-1]
    module = None
    for candidate in (code, code + "    pass\n", code.rstrip() + "\n    pass\n"):
        try:
            module = ast.parse(candidate)
            break
        except SyntaxError:
            continue
    if module is None:
        return None
    constants = frozenset(
        target.id
        for node in module.body
        if isinstance(node, ast.Assign | ast.AnnAssign)
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
        if isinstance(target, ast.Name)
    )
    node = entry_function(module, entry_point)
    if node is None:
        return _Signature({}, None, constants)
    arguments = node.args
    positional = [*arguments.posonlyargs, *arguments.args]
    defaults: list[ast.expr | None] = [None] * (len(positional) - len(arguments.defaults)) + list(
        arguments.defaults
    )
    parameters: dict[str, tuple[str | None, str | None]] = {}
    for argument, default in [
        *zip(positional, defaults, strict=True),
        *zip(arguments.kwonlyargs, arguments.kw_defaults, strict=True),
    ]:
        parameters[argument.arg] = (
            ast.unparse(argument.annotation) if argument.annotation else None,
            ast.unparse(default) if default is not None else None,
        )
    for argument in (arguments.vararg, arguments.kwarg):
        if argument is not None:
            parameters[argument.arg] = (None, None)
    returns = ast.unparse(node.returns) if node.returns else None
    return _Signature(parameters, returns, constants)


@dataclass
class _ParamDoc:
    names: list[str]
    type: str | None
    text: str


def _param_docs(params: list[str], known: set[str] | None) -> list[_ParamDoc]:
    """Parameter entries of the params section; other lines continue the entry before them."""
    entries: list[_ParamDoc] = []
    for line in params:
        match = _PARAM_ENTRY.match(line)
        names = (
            [name.strip().lstrip("*") for name in match.group("names").split(",")] if match else []
        )
        is_entry = bool(match) and (
            known is None or (all(name in known for name in names) and bool(names))
        )
        if match and is_entry:
            kind = match.group("type")
            description = match.group("desc") or ""
            if match.group("numpy") and kind is None and description:
                kind, description = description, ""
            entries.append(_ParamDoc(names, kind, description))
        elif entries:
            entries[-1].text += " " + line
    return entries


def _present(needle: str, haystack: str, case_sensitive: bool = True) -> bool:
    flags = 0 if case_sensitive else re.IGNORECASE
    pattern = r"(?<![\w])" + re.escape(_normalised(needle)) + r"(?![\w])"
    return re.search(pattern, haystack, flags) is not None


def _default_value(text: str) -> str:
    """The default a docstring states: its longest leading Python literal, else its words.

    `None, which disables the check` states `None`; `lowercase letters` is kept as written.
    """
    text = text.strip().rstrip(".")
    ends = [index for index, char in enumerate(text) if char in ", ;"] + [len(text)]
    for end in reversed(ends):
        candidate = text[:end].rstrip(" ,;")
        try:
            ast.literal_eval(candidate)
        except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
            continue
        return candidate
    return text


def _same_literal(left: str, right: str) -> bool | None:
    """Whether two source literals have equal values; None when either is not a literal."""
    try:
        return ast.literal_eval(left) == ast.literal_eval(right)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return None


def information_loss(
    doc_struct: DocStruct, instruction: str, entry_point: str = "task_func"
) -> list[ReviewWarning]:
    """What the docstring states that the instruction (any text, any origin) leaves out.

    Checks parameters with their types and defaults, return types, raised exceptions, named
    constants, quoted and numeric values, and file formats. The instruction's own code block
    counts: a default or annotation in the signature is stated.
    """
    text = _normalised(instruction)
    signature = _signature(instruction, entry_point)
    known = set(signature.parameters) if signature and signature.parameters else None
    warnings: list[ReviewWarning] = []
    seen: set[tuple[str, str]] = set()

    def warn(kind: str, subject: str, message: str) -> None:
        if (kind, subject) not in seen:
            seen.add((kind, subject))
            warnings.append(ReviewWarning(kind=kind, message=message))

    for entry in _param_docs(doc_struct.params, known):
        for name in entry.names:
            annotation, default = (
                signature.parameters.get(name, (None, None)) if signature else (None, None)
            )
            if not _present(name, text):
                warn("missing-parameter", name, f"parameter {name!r} is not in the instruction")
            kind = re.sub(r",?\s*optional\b", "", entry.type or "", flags=re.IGNORECASE).strip(" ,")
            if kind and annotation is None and not _present(kind, text, case_sensitive=False):
                warn(
                    "missing-parameter-type",
                    name,
                    f"the type of parameter {name!r} ({kind}) is not in the instruction",
                )
            match = _DEFAULT.search(entry.text)
            if match is None:
                continue
            value = _default_value(match.group("value"))
            if default is not None and default != "None":
                if _same_literal(value, default) is False:
                    warn(
                        "default-mismatch",
                        name,
                        f"parameter {name!r}: the docstring says the default is {value}, the "
                        f"signature says {default}",
                    )
                continue
            if value != "None" and not _present(value, text):
                warn(
                    "missing-default",
                    name,
                    f"the default of parameter {name!r} ({value}) is not in the instruction",
                )

    for line in doc_struct.returns:
        match = _RETURN_TYPE.match(line)
        if match is None:
            continue
        kind = match.group("named") or match.group("type")
        if signature and signature.returns:
            continue
        if not _present(kind, text, case_sensitive=False):
            warn("missing-return-type", kind, f"the return type {kind} is not in the instruction")

    mentioned = [line for name in LOSS_SECTIONS for line in getattr(doc_struct, name)]
    constants = signature.constants if signature else frozenset()
    for line in mentioned:
        for exception in _EXCEPTION.findall(line):
            if not _present(exception, text):
                warn(
                    "missing-exception",
                    exception,
                    f"the exception {exception} is not in the instruction",
                )
        for name in {
            *_CONSTANT.findall(line),
            *(w for w in _UPPER_WORD.findall(line) if w in constants),
        }:
            if not _present(name, text):
                warn("missing-constant", name, f"the constant {name} is not in the instruction")
        for extension in _FILE_EXTENSION.findall(line):
            if extension.lower() not in text.lower():
                warn(
                    "missing-file-format",
                    extension.lower(),
                    f"the file format {extension} is not in the instruction",
                )
        for name in _FORMAT_NAME.findall(line):
            if not _present(name, text, case_sensitive=False):
                warn(
                    "missing-file-format",
                    name.lower(),
                    f"the file format {name} is not in the instruction",
                )
        for match in _QUOTED.finditer(line):
            value = match.group(0)
            if value not in text and not _present(match.group("value"), text):
                warn("missing-literal", value, f"the value {value} is not in the instruction")
        for number in _NUMBER.findall(line):
            if not _present(number, text):
                warn("missing-literal", number, f"the value {number} is not in the instruction")
    return warnings
