"""Mutation operators: small, plausible bugs planted in a task's reference solution.

Each mutant is one splice of the program's source text (so every other byte, and every line
number, stays as the annotator wrote it) found from the `ast`. Only the solution is mutated:
the prompt (imports, signature, docstring) is what a model is given and never writes.

A mutant's id hashes the operator, the changed lines before and after, and which occurrence of
that same change it is: it survives edits elsewhere in the program, so a reviewer's
"equivalent" mark stays attached to the mutant it was made for.
"""

from __future__ import annotations

import ast
import difflib
import hashlib
import re
import warnings
from dataclasses import dataclass

from curator.program import parse_quietly

ARITHMETIC_SWAPS: dict[type[ast.operator], tuple[str, str]] = {
    ast.Add: ("+", "-"),
    ast.Sub: ("-", "+"),
    ast.Mult: ("*", "/"),
    ast.Div: ("/", "*"),
    ast.FloorDiv: ("//", "/"),
    ast.Mod: ("%", "//"),
    ast.Pow: ("**", "*"),
}
COMPARISON_SWAPS: dict[type[ast.cmpop], str] = {
    ast.Lt: "<=",
    ast.LtE: "<",
    ast.Gt: ">=",
    ast.GtE: ">",
    ast.Eq: "!=",
    ast.NotEq: "==",
    ast.In: "not in",
    ast.NotIn: "in",
    ast.Is: "is not",
    ast.IsNot: "is",
}
COMPARISON_TOKEN = re.compile(r"not\s+in\b|is\s+not\b|\bin\b|\bis\b|<=|>=|==|!=|<|>")
# A raised or caught exception type becomes a sibling a test that names the type would notice.
EXCEPTION_SWAPS = {"ValueError": "TypeError", "TypeError": "ValueError"}
OTHER_EXCEPTION = "RuntimeError"
OPERATORS = (
    "arithmetic",
    "comparison",
    "boolean",
    "constant",
    "return-value",
    "call-removal",
    "argument-swap",
    "slice-bounds",
    "exception-type",
)


@dataclass(frozen=True)
class Splice:
    """Replace program[start:end] with `text`."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mutant:
    id: str
    operator: str
    line: int
    description: str
    program: str
    diff: str
    lines: tuple[int, int]
    """The lines that run the changed code: from the first line of the statement holding the
    change (the header, for a compound statement) to the change's last line. Only a test
    that runs one of them can notice the mutant."""


class SourceMap:
    """Turns the ast's (line, UTF-8 byte column) positions into offsets in the program text."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.lines = source.splitlines(keepends=True)
        self.starts = [0]
        for line in self.lines:
            self.starts.append(self.starts[-1] + len(line))

    def offset(self, line: int, column: int) -> int:
        text = self.lines[line - 1] if line - 1 < len(self.lines) else ""
        return self.starts[line - 1] + len(text.encode()[:column].decode(errors="ignore"))

    def span(self, node: ast.AST) -> tuple[int, int]:
        start = self.offset(node.lineno, node.col_offset)  # type: ignore[attr-defined]
        end = self.offset(node.end_lineno, node.end_col_offset)  # type: ignore[attr-defined]
        return start, end

    def text(self, node: ast.AST) -> str:
        start, end = self.span(node)
        return self.source[start:end]


def token_between(
    source: SourceMap, left: ast.AST, right: ast.AST, pattern: re.Pattern[str]
) -> tuple[int, int] | None:
    """Where the operator token between two operands is (skipping parentheses and spaces)."""
    start, end = source.span(left)[1], source.span(right)[0]
    match = pattern.search(source.source, start, end)
    return None if match is None else (match.start(), match.end())


def exception_name(node: ast.expr | None) -> ast.expr | None:
    """The class-name part of `raise X(...)`, `raise X` or `except X`."""
    if isinstance(node, ast.Call):
        node = node.func
    if isinstance(node, ast.Name | ast.Attribute):
        return node
    return None


class SiteFinder(ast.NodeVisitor):
    """Walks the solution's statements and lists (operator, line, description, splice)."""

    def __init__(self, source: SourceMap, first_offset: int) -> None:
        self.source = source
        self.first_offset = first_offset
        self.sites: list[tuple[str, str, Splice]] = []
        self.statement_calls: set[int] = set()  # calls that are whole statements

    def add(self, operator: str, description: str, splice: Splice) -> None:
        if splice.start >= self.first_offset:
            self.sites.append((operator, description, splice))

    def replace(self, operator: str, node: ast.AST, text: str, description: str) -> None:
        start, end = self.source.span(node)
        self.add(operator, description, Splice(start, end, text))

    def visit_JoinedStr(self, node: ast.JoinedStr) -> None:
        """f-string pieces have no reliable positions: leave them alone."""

    def visit_Expr(self, node: ast.Expr) -> None:
        value = node.value
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            return  # a docstring or a bare string: no behaviour to change
        if isinstance(value, ast.Call):
            self.replace("call-removal", node, "pass", f"remove the call {self.callee(value)}()")
            self.statement_calls.add(id(value))
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        positional = [arg for arg in node.args if not isinstance(arg, ast.Starred)]
        statement = id(node) in self.statement_calls  # removing it is a mutant already
        if len(node.args) == 1 and len(positional) == 1 and not node.keywords and not statement:
            self.replace(
                "call-removal",
                node,
                self.source.text(positional[0]),
                f"{self.callee(node)}(x) becomes x",
            )
        method = node.func
        if (
            isinstance(method, ast.Attribute)
            and not node.args
            and not node.keywords
            and not statement
        ):
            self.replace(
                "call-removal",
                node,
                self.source.text(method.value),
                f"x.{method.attr}() becomes x",
            )
        if len(positional) >= 2 and positional == node.args[: len(positional)]:
            first, second = positional[0], positional[1]
            first_text, second_text = self.source.text(first), self.source.text(second)
            if first_text != second_text:
                (start, first_end), (second_start, end) = (
                    self.source.span(first),
                    self.source.span(second),
                )
                middle = self.source.source[first_end:second_start]
                self.add(
                    "argument-swap",
                    f"swap the first two arguments of {self.callee(node)}()",
                    Splice(start, end, second_text + middle + first_text),
                )
        self.generic_visit(node)

    def callee(self, node: ast.Call) -> str:
        text = self.source.text(node.func)
        return text if len(text) <= 40 else text[:37] + "..."

    def visit_BinOp(self, node: ast.BinOp) -> None:
        swap = ARITHMETIC_SWAPS.get(type(node.op))
        if swap is not None:
            found = token_between(self.source, node.left, node.right, operator_pattern(swap[0]))
            if found is not None:
                self.add(
                    "arithmetic",
                    f"{swap[0]} becomes {swap[1]}",
                    Splice(found[0], found[1], swap[1]),
                )
        self.generic_visit(node)

    def visit_AugAssign(self, node: ast.AugAssign) -> None:
        swap = ARITHMETIC_SWAPS.get(type(node.op))
        if swap is not None:
            found = token_between(
                self.source, node.target, node.value, operator_pattern(swap[0] + "=")
            )
            if found is not None:
                self.add(
                    "arithmetic",
                    f"{swap[0]}= becomes {swap[1]}=",
                    Splice(found[0], found[1], swap[1] + "="),
                )
        self.generic_visit(node)

    def visit_Compare(self, node: ast.Compare) -> None:
        left: ast.expr = node.left
        for operator, right in zip(node.ops, node.comparators, strict=True):
            found = token_between(self.source, left, right, COMPARISON_TOKEN)
            if found is not None:
                old = " ".join(self.source.source[found[0] : found[1]].split())
                new = COMPARISON_SWAPS[type(operator)]
                self.add("comparison", f"{old} becomes {new}", Splice(found[0], found[1], new))
            left = right
        self.generic_visit(node)

    def visit_BoolOp(self, node: ast.BoolOp) -> None:
        old, new = ("and", "or") if isinstance(node.op, ast.And) else ("or", "and")
        pattern = re.compile(rf"\b{old}\b")
        for left, right in zip(node.values, node.values[1:], strict=False):
            found = token_between(self.source, left, right, pattern)
            if found is not None:
                self.add("boolean", f"{old} becomes {new}", Splice(*found, new))
        self.generic_visit(node)

    def visit_UnaryOp(self, node: ast.UnaryOp) -> None:
        if isinstance(node.op, ast.Not):
            self.replace("boolean", node, self.source.text(node.operand), "drop a `not`")
        self.generic_visit(node)

    def visit_If(self, node: ast.If) -> None:
        self.negate(node.test)
        self.generic_visit(node)

    def visit_While(self, node: ast.While) -> None:
        self.negate(node.test)
        self.generic_visit(node)

    def negate(self, test: ast.expr) -> None:
        if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
            return  # dropping the `not` is already a mutant
        self.replace("boolean", test, f"not ({self.source.text(test)})", "negate a condition")

    def visit_Constant(self, node: ast.Constant) -> None:
        value = node.value
        if isinstance(value, bool):
            self.replace("constant", node, str(not value), f"{value} becomes {not value}")
        elif isinstance(value, int | float) and not isinstance(value, bool):
            new = repr(value + 1)
            self.replace("constant", node, new, f"{value!r} becomes {new}")
        elif isinstance(value, str):
            new = '""' if value else '"XX"'
            self.replace("constant", node, new, f"the string {shorten(value)} becomes {new}")

    def visit_Return(self, node: ast.Return) -> None:
        if node.value is not None and not (
            isinstance(node.value, ast.Constant) and node.value.value is None
        ):
            self.replace("return-value", node, "return None", "return None instead")
        self.generic_visit(node)

    def visit_Slice(self, node: ast.Slice) -> None:
        if node.lower is not None:
            text = self.source.text(node.lower)
            self.replace("slice-bounds", node.lower, f"({text}) + 1", "slice starts one later")
        if node.upper is not None:
            text = self.source.text(node.upper)
            self.replace("slice-bounds", node.upper, f"({text}) - 1", "slice ends one earlier")
        self.generic_visit(node)

    def visit_Raise(self, node: ast.Raise) -> None:
        self.swap_exception(exception_name(node.exc), "raise")
        if isinstance(node.exc, ast.Call):
            # `raise TypeError("msg")` becoming `raise "msg"` still raises a TypeError (a str
            # is no exception): it survived every test of the type, and the exception-type
            # mutant above tests the same thing.
            self.statement_calls.add(id(node.exc))
        self.generic_visit(node)

    def visit_ExceptHandler(self, node: ast.ExceptHandler) -> None:
        self.swap_exception(exception_name(node.type), "except")
        self.generic_visit(node)

    def swap_exception(self, name: ast.expr | None, where: str) -> None:
        if name is None:
            return
        old = self.source.text(name)
        new = EXCEPTION_SWAPS.get(old.rsplit(".", 1)[-1], OTHER_EXCEPTION)
        if new != old:
            self.replace("exception-type", name, new, f"{where} {old} becomes {where} {new}")


def operator_pattern(token: str) -> re.Pattern[str]:
    """The token itself, not part of a longer one (`*` is not half of `**` or `*=`)."""
    return re.compile(rf"(?<![*/<>=!]){re.escape(token)}(?![*/=])")


def shorten(value: str) -> str:
    text = repr(value)
    return text if len(text) <= 30 else text[:27] + "..."


def mutant_id(operator: str, before: str, after: str, occurrence: int) -> str:
    payload = "\0".join((operator, before, after, str(occurrence)))
    return hashlib.sha256(payload.encode()).hexdigest()[:12]


def changed_lines(source: SourceMap, splice: Splice, mutated: str) -> tuple[str, str, int]:
    """The whole lines a splice touches, before and after, and the first of them (1-based)."""
    first = max(i for i, start in enumerate(source.starts) if start <= splice.start)
    last = max(i for i, start in enumerate(source.starts) if start <= max(splice.end - 1, 0))
    begin, stop = source.starts[first], source.starts[min(last + 1, len(source.lines))]
    after_stop = stop + len(splice.text) - (splice.end - splice.start)
    return source.source[begin:stop], mutated[begin:after_stop], first + 1


def unified_diff(program: str, mutated: str) -> str:
    lines = difflib.unified_diff(
        program.splitlines(keepends=True),
        mutated.splitlines(keepends=True),
        "a/task.py",
        "b/task.py",
        n=1,
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def generate_mutants(program: str, solution_start: int = 0) -> list[Mutant]:
    """Every mutant of `program` changing text at or after offset `solution_start`, in order.

    Splices that would not compile, or that change nothing, are dropped.
    """
    module = parse_quietly(program)
    source = SourceMap(program)
    finder = SiteFinder(source, solution_start)
    finder.visit(module)
    statements = statement_spans(module)
    mutants: list[Mutant] = []
    seen: dict[tuple[str, str, str], int] = {}
    for operator, description, splice in sorted(finder.sites, key=lambda site: site[2].start):
        mutated = program[: splice.start] + splice.text + program[splice.end :]
        if mutated == program or not compiles(mutated):
            continue
        before, after, line = changed_lines(source, splice, mutated)
        last = line + before.count("\n") - 1
        key = (operator, before, after)
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        mutants.append(
            Mutant(
                id=mutant_id(operator, before, after, occurrence),
                operator=operator,
                line=line,
                description=description,
                program=mutated,
                diff=unified_diff(program, mutated),
                lines=(statement_start(statements, line), max(line, last)),
            )
        )
    return mutants


def statement_spans(module: ast.Module) -> list[tuple[int, int]]:
    """(first, last) line of every statement; a compound statement's span is its header."""
    spans = []
    for node in ast.walk(module):
        if isinstance(node, ast.stmt):
            body = getattr(node, "body", None)
            if isinstance(body, list) and body and isinstance(body[0], ast.stmt):
                last = max(node.lineno, body[0].lineno - 1)
            else:
                last = node.end_lineno or node.lineno
            spans.append((node.lineno, last))
    return spans


def statement_start(spans: list[tuple[int, int]], line: int) -> int:
    """The first line of the innermost statement span holding `line` (itself if none)."""
    holding = [span for span in spans if span[0] <= line <= span[1]]
    return max(holding)[0] if holding else line


def compiles(program: str) -> bool:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            compile(program, "task.py", "exec", dont_inherit=True)
        except (SyntaxError, ValueError):
            return False
    return True
