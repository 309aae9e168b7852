"""The Instruct prompt's layout, exactly as BigCodeBench's converter writes it."""

from __future__ import annotations

from curator.models import DocStruct

NOTES_LEAD = "Note that: "
RAISES_LEAD = "The function should raise the exception for: "
RETURNS_LEAD = "The function should output with:"
RETURNS_INDENT = "    "
CODE_LEAD = "You should write self-contained code starting with:"
FENCE = "```"


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


def single_spaced(text: str) -> str:
    """The text with every run of white space made one space, to compare wording not layout."""
    return " ".join(text.split())
