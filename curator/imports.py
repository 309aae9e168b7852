"""Which top-level modules a piece of code imports: the basis of every dependency list."""

from __future__ import annotations

import ast
import functools
import sys

from curator.models import Dependencies, Task
from curator.program import PARSED_TEXTS, syntax_tree


def imported_modules(source: str) -> list[str]:
    """Top-level module names imported anywhere in `source`, in first-seen order.

    Relative imports are skipped; code that does not parse yields nothing (the static checks
    report the syntax error).
    """
    return list(_imported_modules(source))


@functools.lru_cache(maxsize=PARSED_TEXTS)
def _imported_modules(source: str) -> tuple[str, ...]:
    tree = syntax_tree(source)
    if tree is None:
        return ()
    seen: dict[str, None] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                seen.setdefault(alias.name.split(".")[0], None)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            seen.setdefault(node.module.split(".")[0], None)
    return tuple(seen)


def example_source(examples: list[str]) -> str:
    """The code of docstring example lines (`>>> ` and `... ` prompts), without outputs."""
    code = []
    for line in examples:
        stripped = line.strip()
        if stripped.startswith((">>> ", "... ")) or stripped in (">>>", "..."):
            code.append(stripped[4:])
    return "\n".join(code)


def is_standard_library(module: str) -> bool:
    return module in sys.stdlib_module_names


def task_dependencies(task: Task) -> Dependencies:
    return Dependencies(
        solution=imported_modules(task.program),
        tests=imported_modules(task.test),
        examples=imported_modules(example_source(task.doc_struct.examples)),
    )
