"""The task program: where the prompt (with its docstring) ends and the solution begins.

A bank stores the task program as one reviewable `.py` file; BigCodeBench stores its two halves
(`complete_prompt`, `canonical_solution`) and the bare `code_prompt`. Both halves are derived
from the entry point's docstring.

A text is parsed once: `parsed` keeps the syntax tree (or the syntax error) of the texts seen
last, and every check (static checks, imports, docstring, flaky hints, pipeline) reads the same
tree, so no check may change a tree it is given.
"""

from __future__ import annotations

import ast
import functools
import re
import warnings
from dataclasses import dataclass

# Texts whose parse is kept: a bank's tasks' programs and tests, with room for edits.
PARSED_TEXTS = 2048


def control_characters(kept: str = "") -> re.Pattern[str]:
    """The characters of a text that act on a terminal or make it read otherwise than it runs:
    C0 controls, DEL, C1 controls (U+009B is CSI to some terminals), and the bidirectional
    overrides and isolates; but `kept`. One set for the static checks, the commands and the
    app, each keeping what it shows as it is (a tab, a newline)."""
    ranges = "\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
    return re.compile(f"(?![{re.escape(kept)}])[{ranges}]" if kept else f"[{ranges}]")


@dataclass(frozen=True)
class Parsed:
    """One text parsed: its syntax tree, or the syntax error that stops it."""

    tree: ast.Module | None
    error: SyntaxError | None


# How deep task code may nest, node in node. BigCodeBench's tasks reach 19; a hostile one of
# 50,000 terms (`1+1+...`) stopped Python's parser, and one of 2,000 the tree walkers
# (`ast.NodeVisitor` recurses), ruff and the mutation operators, with a crash.
MAX_NESTING = 100


@functools.lru_cache(maxsize=PARSED_TEXTS)
def parsed(source: str) -> Parsed:
    """Parse task code once per text, without echoing its warnings (invalid escapes). Code
    nested deeper than `MAX_NESTING` does not parse, as far as curator is concerned."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            tree = ast.parse(source)
        except SyntaxError as error:
            return Parsed(None, error)
        except (RecursionError, MemoryError):
            return Parsed(None, SyntaxError("nested too deeply for Python's parser"))
    line = deepest_line(tree)
    if line is not None:
        too_deep = SyntaxError(
            f"nested over {MAX_NESTING} levels deep, deeper than curator reads "
            "(BigCodeBench's tasks nest under 20)"
        )
        too_deep.lineno = line
        return Parsed(None, too_deep)
    return Parsed(tree, None)


def deepest_line(tree: ast.AST) -> int | None:
    """The line of the first node nested deeper than `MAX_NESTING`, else None. Walked with a
    stack, not recursion, and past the leaves that hold nothing (`Load`, `Add`): on
    BigCodeBench's tasks it costs about half a millisecond a text, less than parsing it."""
    stack: list[tuple[ast.AST, int]] = [(tree, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_NESTING:
            return int(getattr(node, "lineno", 0))
        depth += 1
        for name in node._fields:
            value = getattr(node, name, None)
            if isinstance(value, list):
                stack.extend((item, depth) for item in value if isinstance(item, ast.AST))
            elif isinstance(value, ast.AST) and value._fields:
                stack.append((value, depth))
    return None


def parse_quietly(source: str) -> ast.Module:
    """The (shared) syntax tree of task code; raises its SyntaxError."""
    result = parsed(source)
    if result.tree is None:
        assert result.error is not None
        raise result.error.with_traceback(None)
    return result.tree


def syntax_tree(source: str) -> ast.Module | None:
    """The (shared) syntax tree of task code, or None if it does not parse."""
    return parsed(source).tree


@functools.lru_cache(maxsize=PARSED_TEXTS)
def syntax_nodes(source: str) -> tuple[ast.AST, ...]:
    """Every node of the text's (shared) syntax tree in `ast.walk`'s order, or none if it does
    not parse: walked once for every check that looks at every node (a walk in Python takes
    longer than the parse, and the checks of one task walked its tests eight times)."""
    tree = syntax_tree(source)
    return () if tree is None else tuple(ast.walk(tree))


def literal_sleep_s(source: str) -> float:
    """Seconds that `sleep(N)` calls with a literal N add up to in `source`, each counted once:
    a lower bound of the time code that waits on timers, servers or processes takes."""
    total = 0.0
    for node in syntax_nodes(source):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        function = node.func
        name = function.attr if isinstance(function, ast.Attribute) else None
        if isinstance(function, ast.Name):
            name = function.id
        seconds = node.args[0]
        if (
            name == "sleep"
            and isinstance(seconds, ast.Constant)
            and isinstance(seconds.value, int | float)
            and not isinstance(seconds.value, bool)
        ):
            total += max(float(seconds.value), 0.0)
    return total


FunctionNode = ast.FunctionDef | ast.AsyncFunctionDef


def entry_function(module: ast.Module, entry_point: str) -> FunctionNode | None:
    for node in module.body:
        if isinstance(node, FunctionNode) and node.name == entry_point:
            return node
    return None


def docstring_node(program: str, entry_point: str) -> ast.Constant | None:
    """The string constant that is the entry point's docstring, or None if there is none."""
    try:
        module = parse_quietly(program)
    except SyntaxError:
        return None
    function = entry_function(module, entry_point)
    if function is None or not function.body:
        return None
    first = function.body[0]
    if not (isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)):
        return None
    if not isinstance(first.value.value, str):
        return None
    return first.value


def docstring_span(program: str, entry_point: str) -> tuple[int, int] | None:
    """First and last line (1-based) of the entry point's docstring, or None if there is none."""
    node = docstring_node(program, entry_point)
    if node is None:
        return None
    return node.lineno, node.end_lineno or node.lineno


def split_program(program: str, entry_point: str) -> tuple[str, str] | None:
    """Split into (complete_prompt, canonical_solution) after the docstring's last line."""
    span = docstring_span(program, entry_point)
    if span is None:
        return None
    lines = program.splitlines(keepends=True)
    prompt = "".join(lines[: span[1]])
    return prompt, program[len(prompt) :]


def derive_code_prompt(complete_prompt: str, entry_point: str) -> str | None:
    """The prompt without its docstring and blank lines: the benchmark's `code_prompt`."""
    span = docstring_span(complete_prompt, entry_point)
    if span is None:
        return None
    lines = complete_prompt.splitlines(keepends=True)[: span[0] - 1]
    return "".join(line for line in lines if line.strip())
