"""Detectors of too-strict tests: tests that a correct solution written from the prompt fails.

- `mock-not-in-prompt`: a test patches a callable the prompt never names (BigCodeBench/12's
  tests patch `subprocess.call`; a solution using `subprocess.run` fails, though nothing asked
  for `call`).
- `exact-text-not-in-prompt`: a test asserts an exact message, title or label the prompt does
  not state (`assertEqual(ax.get_title(), 'X')`, `assertRaisesRegex(E, 'msg')`,
  `assertEqual(str(e), '...')`).

The prompt is what a model is given: the task program's prompt part (imports, signature,
docstring) and the Instruct prompt. Findings are (code, message, line of tests.py); the static
checks report them beside the risky-test warnings.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator, Sequence

from curator.models import Task
from curator.program import syntax_nodes

# Calls whose result is the text of a plot element.
TEXT_GETTERS = {
    "get_title",
    "get_xlabel",
    "get_ylabel",
    "get_zlabel",
    "get_label",
    "get_text",
    "get_suptitle",
    "get_xticklabels",
    "get_yticklabels",
}
EQUALITY_ASSERTIONS = {"assertEqual", "assertEquals", "assertIn", "assertMultiLineEqual"}
REGEX_ASSERTIONS = {"assertRaisesRegex", "assertRaisesRegexp", "assertWarnsRegex"}
# Names that hold a caught exception or an assertRaises context in test code.
EXCEPTION_NAME = re.compile(r"\b(e|err|error|exc|ex|exception|cm|ctx|context)\b|\.exception\b")
REGEX_SYNTAX = re.compile(r"\\(.)|[\^$]")

Finding = tuple[str, str, int]


def prompt_text(task: Task) -> str:
    """What a model is told, normalized for substring search."""
    return normalize(task.complete_prompt + "\n" + task.instruct_prompt)


def normalize(text: str) -> str:
    return " ".join(text.lower().split())


def too_strict_findings(task: Task) -> list[Finding]:
    """Both detectors over the task's tests; nothing if the tests do not parse."""
    nodes = syntax_nodes(task.test)
    if not nodes:
        return []
    prompt = prompt_text(task)
    return first_of_each(
        [*mock_findings(nodes, prompt), *exact_text_findings(task.test, nodes, prompt)]
    )


def first_of_each(findings: list[Finding]) -> list[Finding]:
    """One finding per distinct message, at its first line, saying how often it recurs."""
    lines: dict[tuple[str, str], list[int]] = {}
    for code, message, line in findings:
        lines.setdefault((code, message), []).append(line)
    merged = []
    for (code, message), found in lines.items():
        more = len(found) - 1
        suffix = f" (and {more} more place{'s' if more > 1 else ''})" if more else ""
        merged.append((code, message + suffix, min(found)))
    return sorted(merged, key=lambda finding: finding[2])


# -- mock-not-in-prompt ------------------------------------------------------------------------


def patch_targets(nodes: Sequence[ast.AST]) -> Iterator[tuple[str, int]]:
    """(dotted target, line) of every `patch('a.b')` and `patch.object(a, 'b')`."""
    for node in nodes:
        if not isinstance(node, ast.Call) or not node.args:
            continue
        function = node.func
        name = function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", "")
        first = node.args[0]
        if name == "patch" and isinstance(first, ast.Constant) and isinstance(first.value, str):
            yield first.value, node.lineno
        elif (
            name == "object"
            and isinstance(function, ast.Attribute)
            and _dotted(function.value).endswith("patch")
            and len(node.args) >= 2
            and isinstance(node.args[1], ast.Constant)
            and isinstance(node.args[1].value, str)
        ):
            yield f"{_dotted(first)}.{node.args[1].value}", node.lineno


def _dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return ""


def names_callable(prompt: str, target: str) -> bool:
    """Does the prompt name the patched callable (`call(`, `subprocess.call`, `` `call` ``)?

    A bare word is not enough: "call" in prose names no function.
    """
    parts = target.lower().split(".")
    name = parts[-1]
    if len(parts) >= 2 and ".".join(parts[-2:]) in prompt:
        return True
    return bool(re.search(rf"\b{re.escape(name)}\s*\(|`{re.escape(name)}`|import {name}\b", prompt))


def mock_findings(nodes: Sequence[ast.AST], prompt: str) -> Iterator[Finding]:
    for target, line in patch_targets(nodes):
        module = target.split(".")[0]
        if module == "__test__" or not target.replace(".", "").replace("_", "").isalnum():
            continue  # the task's own names are in the prompt by definition
        if not names_callable(prompt, target):
            yield (
                "mock-not-in-prompt",
                f"the tests patch {target!r}, which the prompt never names: a solution that "
                "does the same another way fails",
                line,
            )


# -- exact-text-not-in-prompt --------------------------------------------------------------------


def text_source(source: str, node: ast.expr) -> str | None:
    """What kind of text `node` reads, if it is a plot label or an exception's message."""
    for inner in ast.walk(node):
        if isinstance(inner, ast.Call):
            function = inner.func
            if isinstance(function, ast.Attribute) and function.attr in TEXT_GETTERS:
                return f"{function.attr}()"
            if (
                isinstance(function, ast.Name)
                and function.id == "str"
                and inner.args
                and EXCEPTION_NAME.search(ast.get_source_segment(source, inner.args[0]) or "")
            ):
                return "an exception's message"
    return None


def literal(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.strip():
        return node.value
    return None


def input_strings(nodes: Sequence[ast.AST]) -> set[str]:
    """Strings the tests write outside assertions: data they give the task (column names...)."""
    inside: set[int] = set()
    for node in nodes:
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr.startswith("assert")
        ):
            inside.update(id(inner) for inner in ast.walk(node))
    return {
        node.value
        for node in nodes
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and len(node.value.strip()) >= 2
        and id(node) not in inside
    }


def stated(text: str, prompt: str, inputs: set[str]) -> bool:
    """The text is in the prompt, or comes from the test's own input strings.

    "Histogram of userId" is stated by "title is set to 'Histogram of <column_name>'" when the
    test passes the column "userId".
    """
    word = re.compile(rf"\b{re.escape(text)}\b")
    if any(word.search(value) for value in inputs):
        return True  # a column or field the test itself creates (in SQL, a CSV, a dict)
    pieces = [text]
    for value in sorted(inputs, key=len, reverse=True):
        pieces = [part for piece in pieces for part in piece.split(value)]
    return all(normalize(piece) in prompt for piece in pieces if len(piece.strip()) >= 2)


def exact_text_findings(source: str, nodes: Sequence[ast.AST], prompt: str) -> Iterator[Finding]:
    inputs = input_strings(nodes)
    for node in nodes:
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        method = node.func.attr
        if method in EQUALITY_ASSERTIONS and len(node.args) >= 2:
            for expected, actual in (node.args[:2], node.args[1::-1]):
                text = literal(expected)
                what = text_source(source, actual)
                if text is not None and what is not None and not stated(text, prompt, inputs):
                    yield (
                        "exact-text-not-in-prompt",
                        f"asserts the exact text {shorten(text)} of {what}, which the prompt "
                        "does not state",
                        node.lineno,
                    )
                    break
        elif method in REGEX_ASSERTIONS and len(node.args) >= 2:
            pattern = literal(node.args[1])
            if pattern is None:
                continue
            plain = REGEX_SYNTAX.sub(lambda match: match.group(1) or "", pattern)
            pieces = [piece for piece in re.split(r"\.\*|\.\+|[()|\[\]?*+{}]", plain) if piece]
            if not all(stated(piece, prompt, inputs) for piece in pieces):
                yield (
                    "exact-text-not-in-prompt",
                    f"{method} expects the message {shorten(pattern)}, which the prompt does not "
                    "state",
                    node.lineno,
                )


def shorten(text: str) -> str:
    shown = repr(text)
    return shown if len(shown) <= 60 else shown[:57] + "..."
