"""A `TestCases` skeleton from the entry point's signature and docstring: the offline helper.

With no LLM, an annotator still gets a start: one test per docstring example (the example's
statements, its shown output as the expected value) and one per documented exception, with the
arguments that raise it left for the annotator to fill in (`...` fails until they do).
"""

from __future__ import annotations

import ast
import re
from collections import Counter

from curator.models import Task
from curator.program import entry_function, parse_quietly

_RAISES_ENTRY = re.compile(r"^\s*-?\s*(?P<name>[A-Za-z_][\w.]*)\s*:\s*(?P<why>.*)$")
INDENT = " " * 4


def skeleton_for(task: Task) -> str:
    try:
        module = parse_quietly(task.program)
    except SyntaxError as error:
        return _module([], f"the task program does not parse (line {error.lineno}): {error.msg}")
    function = entry_function(module, task.entry_point)
    if function is None:
        return _module([], f"the task program defines no {task.entry_point}")
    signature = f"{task.entry_point}({ast.unparse(function.args)})"
    docstring = ast.get_docstring(function) or ""
    methods = [
        _example_method(index, example)
        for index, example in enumerate(examples(docstring), start=1)
    ]
    raises = documented_raises(docstring)
    repeated = Counter(name for name, _ in raises)
    seen: Counter[str] = Counter()
    for name, why in raises:
        # Numbered when an exception is documented twice: two methods of one name, the second
        # silently replaced the first (BigCodeBench/766's two TypeErrors).
        seen[name] += 1
        number = seen[name] if repeated[name] > 1 else None
        methods.append(_raises_method(name, why, task.entry_point, number))
    return _module(methods, f"Skeleton from {signature} and its docstring: complete each test.")


def examples(docstring: str) -> list[list[tuple[str, str | None]]]:
    """Docstring examples as lists of (statement, shown output or None)."""
    groups: list[list[tuple[str, str | None]]] = []
    current: list[tuple[str, str | None]] = []
    statement: list[str] = []
    output: list[str] = []

    def close_statement() -> None:
        nonlocal statement, output
        if statement:
            current.append(("\n".join(statement), "\n".join(output) if output else None))
        statement, output = [], []

    for raw in docstring.splitlines():
        line = raw.strip()
        if line.startswith(">>>"):
            close_statement()
            statement = [line[4:]]
        elif line.startswith("...") and statement and not output:
            statement.append(line[4:])
        elif line and statement:
            output.append(line)
        else:
            close_statement()
            if current and not line:
                groups.append(current)
                current = []
    close_statement()
    if current:
        groups.append(current)
    return groups


def documented_raises(docstring: str) -> list[tuple[str, str]]:
    """(exception, when) for each entry of a `Raises:` section."""
    found: list[tuple[str, str]] = []
    inside = False
    for raw in docstring.splitlines():
        line = raw.strip()
        if line.lower() in ("raises:", "raise:"):
            inside = True
            continue
        if not inside:
            continue
        if not line:
            inside = not found
            continue
        match = _RAISES_ENTRY.match(line)
        if match is None or not match["why"]:
            inside = False  # the next section's heading
        elif match["name"][0].isupper():
            found.append((match["name"], match["why"].strip()))
    return found


def _example_method(index: int, example: list[tuple[str, str | None]]) -> list[str]:
    body = []
    for statement, output in example:
        if output is None:
            body.append(statement)
            continue
        if statement.startswith("print(") and statement.endswith(")"):
            body.append(f"self.assertEqual(str({statement[6:-1]}), {output!r})")
            continue
        try:
            expected = repr(ast.literal_eval(output))
        except (ValueError, SyntaxError, MemoryError, RecursionError):
            body.append(f"self.assertEqual(repr({statement}), {output!r})")
        else:
            body.append(f"self.assertEqual({statement}, {expected})")
    return [f"def test_example_{index}(self):", *[INDENT + line for line in body]]


def _raises_method(name: str, why: str, entry_point: str, number: int | None) -> list[str]:
    method = re.sub(r"\W+", "_", name.lower()).strip("_")
    if number is not None:
        method += f"_{number}"
    return [
        f"def test_raises_{method}(self):",
        f"{INDENT}# {why}" if why else f"{INDENT}# arguments that make it raise {name}",
        f"{INDENT}with self.assertRaises({name}):",
        f"{INDENT * 2}{entry_point}(...)",
    ]


def _module(methods: list[list[str]], docstring: str) -> str:
    lines = ["import unittest", "", "", "class TestCases(unittest.TestCase):"]
    lines.append(f'{INDENT}"""{docstring}"""')
    for method in methods:
        lines.append("")
        lines += [INDENT + line if line else "" for line in method]
    if not methods:
        lines += ["", f"{INDENT}def test_behaviour(self):", f"{INDENT * 2}self.fail('write me')"]
    return "\n".join(lines) + "\n"
