"""Getting code and text out of a model's answer, or a clear reason why it cannot be used.

Models wrap code in Markdown fences, talk before and after it, show an old version before the
new one, put the program and its tests in one block or two, and get cut off at their length
limit. A truncated answer is never used: half a test class would look like a smaller test class.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass

from curator.llm.client import LLMError

PYTHON_LANGUAGES = {"", "python", "py", "python3", "pycon"}
TEXT_LANGUAGES = {"", "text", "txt", "markdown", "md", "plaintext"}
_FENCE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})\s*(?P<info>[^`\s]*)[^`]*$")
_CODE_START = re.compile(r"^(import |from \S+ import |def |async def |class |@)")
_TEST_START = re.compile(r"^(import unittest|from unittest|class TestCases\b)")
_MAX_PROSE_SCAN_LINES = 400
EXCERPT_CHARS = 200


class UnusableAnswer(LLMError):
    """The model answered, but not with something curator can propose; nothing was changed."""


class TruncatedAnswer(UnusableAnswer):
    pass


@dataclass(frozen=True)
class CodeBlock:
    language: str
    code: str


@dataclass(frozen=True)
class TaskCode:
    """What an answer proposes for a task's two code files (None: the answer left it alone)."""

    program: str | None
    tests: str | None
    explanation: str


def fenced_blocks(text: str, finish_reason: str | None = None) -> list[CodeBlock]:
    """Every fenced block in order; raises `TruncatedAnswer` for a cut-off answer."""
    if finish_reason == "length":
        raise TruncatedAnswer(
            "the answer was cut off at the model's length limit (finish_reason 'length'); "
            "raise max_tokens or try again"
        )
    blocks = []
    opening: re.Match[str] | None = None
    body: list[str] = []
    for line in text.splitlines():
        match = _FENCE.match(line)
        if opening is None:
            if match:
                opening, body = match, []
        elif match and _closes(opening, match):
            blocks.append(CodeBlock(opening["info"].lower(), "\n".join(body) + "\n"))
            opening = None
        else:
            body.append(line)
    if opening is not None:
        raise TruncatedAnswer(
            f"the answer ends inside an unclosed code block ({len(body)} line(s) into it); "
            "it was probably cut off"
        )
    return blocks


def _closes(opening: re.Match[str], candidate: re.Match[str]) -> bool:
    fence = candidate["fence"]
    return (
        not candidate["info"]
        and fence[0] == opening["fence"][0]
        and len(fence) >= len(opening["fence"])
    )


def python_blocks(text: str, finish_reason: str | None = None) -> list[str]:
    """The Python code of an answer: its Python fences, else the code inside plain prose."""
    blocks = fenced_blocks(text, finish_reason)
    if blocks:
        fenced = [block.code for block in blocks if block.language in PYTHON_LANGUAGES]
        if not fenced:
            languages = ", ".join(sorted({block.language for block in blocks}))
            raise UnusableAnswer(f"the answer has code blocks but none in Python ({languages})")
        return fenced
    code = code_in_prose(text)
    if code is None:
        raise UnusableAnswer(
            f"the answer contains no Python code (no ``` block and no lines that parse): "
            f"{excerpt(text)!r}"
        )
    return [code]


def code_in_prose(text: str) -> str | None:
    """The longest run of lines that parses, starting at the first line that looks like code."""
    lines = text.splitlines()[:_MAX_PROSE_SCAN_LINES]
    for start, line in enumerate(lines):
        if not _CODE_START.match(line):
            continue
        for end in range(len(lines), start, -1):
            candidate = "\n".join(lines[start:end]).rstrip() + "\n"
            if _parses(candidate):
                return candidate
    return None


def task_code(text: str, finish_reason: str | None, entry_point: str) -> TaskCode:
    """Sort an answer's code into a task program and a test module.

    A block with `class TestCases` is the tests, a block defining the entry point is the
    program, a block with both is split where the tests begin; if the answer shows several
    versions of one file, the last one wins.
    """
    program = tests = None
    for code in python_blocks(text, finish_reason):
        defines_entry = _defines(code, entry_point)
        has_tests = "class TestCases" in code
        if defines_entry and has_tests:
            program, tests = split_program_and_tests(code)
        elif has_tests:
            tests = code
        elif defines_entry:
            program = code
    if program is None and tests is None:
        raise UnusableAnswer(
            f"the answer's code has neither a definition of {entry_point} nor a TestCases class"
        )
    return TaskCode(program, tests, prose_of(text))


def split_program_and_tests(code: str) -> tuple[str, str]:
    lines = code.splitlines(keepends=True)
    for index, line in enumerate(lines):
        if _TEST_START.match(line) and "class TestCases" in "".join(lines[index:]):
            program = "".join(lines[:index]).rstrip() + "\n"
            if _parses(program):
                return program, "".join(lines[index:])
    raise UnusableAnswer("the answer mixes the program and its tests in a way that cannot be split")


def solution_program(
    text: str, finish_reason: str | None, task_prompt: str, entry_point: str
) -> str:
    """A whole program from a pre-evaluation answer, as BigCodeBench's sanitiser builds one.

    An answer that defines the entry point is a program by itself (plus the prompt's imports,
    which answers often leave out); otherwise it is taken as the body that completes the prompt.
    """
    blocks = python_blocks(text, finish_reason)
    defining = [code for code in blocks if _defines(code, entry_point)]
    if defining:
        code = defining[-1]
        return _missing_imports(task_prompt, code) + code
    return task_prompt + blocks[-1]


def instruction_text(text: str, finish_reason: str | None) -> str:
    """The instruction an answer proposes: its first text block, else the answer itself, which
    may hold no code block: an answer of prose and a test module became the instruction."""
    blocks = fenced_blocks(text, finish_reason)
    textual = [block.code for block in blocks if block.language in TEXT_LANGUAGES]
    code = [block.language for block in blocks if block.language not in TEXT_LANGUAGES]
    if code and not textual:
        raise UnusableAnswer(
            f"the answer holds code (a ```{code[0]} block), not an instruction in plain prose"
        )
    candidate = textual[0] if textual else text
    lines = candidate.strip().splitlines()
    if len(lines) > 1 and lines[0].lower().startswith("here") and lines[0].rstrip().endswith(":"):
        lines = lines[1:]
    result = "\n".join(lines).strip()
    if not result:
        raise UnusableAnswer("the answer is empty")
    return result


def prose_of(text: str) -> str:
    """The answer without its code blocks: the model's explanation, shown beside the diff."""
    kept = []
    inside = None
    for line in text.splitlines():
        match = _FENCE.match(line)
        if inside is None and match:
            inside = match
        elif inside is not None and match and _closes(inside, match):
            inside = None
        elif inside is None:
            kept.append(line)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()


def excerpt(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= EXCERPT_CHARS else flat[: EXCERPT_CHARS - 1] + "…"


def _parses(code: str) -> bool:
    try:
        ast.parse(code)
    except SyntaxError:
        return False
    return True


def _defines(code: str, name: str) -> bool:
    return re.search(rf"^(async )?def {re.escape(name)}\s*\(", code, re.MULTILINE) is not None


def _missing_imports(prompt: str, code: str) -> str:
    """The prompt's top-level imports that `code` lacks, so that a bare function still runs."""
    try:
        module = ast.parse(prompt)
    except SyntaxError:
        return ""
    lines = prompt.splitlines(keepends=True)
    present = {line.strip() for line in code.splitlines()}
    kept = [
        "".join(lines[node.lineno - 1 : node.end_lineno])
        for node in module.body
        if isinstance(node, ast.Import | ast.ImportFrom)
        and lines[node.lineno - 1].strip() not in present
    ]
    return "".join(kept) + ("\n" if kept else "")
