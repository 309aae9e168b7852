"""Static cause hints: what in a task's code makes a test flaky, found by simple AST checks.

They name a likely cause beside the run evidence; they never classify a test on their own.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from enum import StrEnum

from curator.program import syntax_tree


class HintKind(StrEnum):
    CLOCK = "reads the clock"
    RANDOM = "uses random without a seed"
    SET_ORDER = "iterates a set"
    NETWORK = "touches the network"
    SHARED_STATE = "keeps state between tests"


@dataclass(frozen=True)
class Hint:
    kind: HintKind
    where: str  # "solution" or "tests"
    line: int
    detail: str

    def __str__(self) -> str:
        who = "a test" if self.where == "tests" else self.where  # not "tests reads the clock"
        return f"{who} {self.kind.value} ({self.detail}, line {self.line})"


CLOCK_CALLS = {
    "time.time",
    "time.time_ns",
    "time.localtime",
    "time.gmtime",
    "time.ctime",
    "time.asctime",
    "time.strftime",
    "datetime.now",
    "datetime.utcnow",
    "datetime.today",
    "date.today",
    "datetime.datetime.now",
    "datetime.datetime.utcnow",
    "datetime.datetime.today",
    "datetime.date.today",
    "pd.Timestamp.now",
    "pd.Timestamp.today",
    "pandas.Timestamp.now",
    "pd.to_datetime",
}
RANDOM_MODULES = {"random", "np.random", "numpy.random"}
RANDOM_SEEDERS = {"random.seed", "np.random.seed", "numpy.random.seed"}
# Calls on the random modules that do not draw from the global generator.
RANDOM_NON_DRAWS = {
    "seed",
    "getstate",
    "setstate",
    "Random",
    "SystemRandom",
    "default_rng",
    "RandomState",
    "Generator",
    "PCG64",
    "SeedSequence",
}
NETWORK_MODULES = {
    "socket",
    "requests",
    "urllib.request",
    "http.client",
    "httpx",
    "aiohttp",
    "urllib3",
    "ftplib",
    "smtplib",
    "telnetlib",
    "paramiko",
}
NETWORK_CALLS = {"urlopen", "urlretrieve", "create_connection", "gethostbyname", "getaddrinfo"}
ORDER_CONSUMERS = {"list", "tuple", "enumerate", "iter", "next", "zip", "join"}


def dotted_name(node: ast.AST) -> str | None:
    """`np.random.rand` for the expression np.random.rand, None for anything not a name chain."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return None


def _is_set_expression(node: ast.AST, set_names: set[str]) -> bool:
    if isinstance(node, ast.Set | ast.SetComp):
        return True
    if isinstance(node, ast.Call):
        name = dotted_name(node.func)
        if name in ("set", "frozenset"):
            return True
        # a.union(b), a.intersection(b), ... on a known set
        if isinstance(node.func, ast.Attribute) and _is_set_expression(node.func.value, set_names):
            return node.func.attr in ("union", "intersection", "difference", "symmetric_difference")
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr | ast.BitAnd | ast.Sub):
        return _is_set_expression(node.left, set_names) and _is_set_expression(
            node.right, set_names
        )
    return isinstance(node, ast.Name) and node.id in set_names


def code_hints(source: str, where: str) -> list[Hint]:
    """The hints for one file of a task; an unparsable file gives none (validation reports it)."""
    tree = syntax_tree(source)
    if tree is None:
        return []
    hints: list[Hint] = []
    set_names = {
        target.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign) and _is_set_expression(node.value, set())
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    seeded = False
    random_draws: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            module = node.module if isinstance(node, ast.ImportFrom) else None
            names = [module] if module else [alias.name for alias in node.names]
            for name in names:
                if name and any(
                    name == net or name.startswith(net + ".") for net in NETWORK_MODULES
                ):
                    hints.append(Hint(HintKind.NETWORK, where, node.lineno, f"imports {name}"))
        elif isinstance(node, ast.Call):
            name = dotted_name(node.func) or ""
            if _reads_clock(name, node):
                hints.append(Hint(HintKind.CLOCK, where, node.lineno, f"{name}()"))
            if name in RANDOM_SEEDERS:
                seeded = True
            module, _, function = name.rpartition(".")
            if module in RANDOM_MODULES and function not in RANDOM_NON_DRAWS:
                random_draws.append((node.lineno, name))
            if name.rpartition(".")[2] in NETWORK_CALLS:
                hints.append(Hint(HintKind.NETWORK, where, node.lineno, f"{name}()"))
            consumer = node.func.attr if isinstance(node.func, ast.Attribute) else name
            if consumer in ORDER_CONSUMERS and any(
                _is_set_expression(argument, set_names) for argument in node.args
            ):
                hints.append(Hint(HintKind.SET_ORDER, where, node.lineno, f"{consumer}() of a set"))
        elif isinstance(node, ast.For | ast.comprehension) and _is_set_expression(
            node.iter, set_names
        ):
            line = getattr(node, "lineno", None) or node.iter.lineno
            hints.append(Hint(HintKind.SET_ORDER, where, line, "a loop over a set"))
    if not seeded:
        hints += [Hint(HintKind.RANDOM, where, line, f"{name}()") for line, name in random_draws]
    hints += _shared_state_hints(tree, where)
    return sorted(hints, key=lambda hint: (hint.line, hint.kind.value))


def _reads_clock(name: str, node: ast.Call) -> bool:
    """A clock call; strftime only without a time tuple, to_datetime only of "now"/"today"."""
    if name not in CLOCK_CALLS or (name.endswith("strftime") and len(node.args) > 1):
        return False
    return name != "pd.to_datetime" or any(
        isinstance(argument, ast.Constant) and argument.value in ("now", "today")
        for argument in node.args
    )


def _shared_state_hints(tree: ast.Module, where: str) -> list[Hint]:
    """Mutable class attributes of a TestCase, and module globals that functions change."""
    hints = []
    mutable = (ast.List, ast.Dict, ast.Set, ast.ListComp, ast.DictComp, ast.SetComp)
    module_globals = {
        target.id
        for node in tree.body
        if isinstance(node, ast.Assign) and isinstance(node.value, mutable)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            for statement in node.body:
                if isinstance(statement, ast.Assign) and isinstance(statement.value, mutable):
                    names = ", ".join(
                        target.id for target in statement.targets if isinstance(target, ast.Name)
                    )
                    hints.append(
                        Hint(
                            HintKind.SHARED_STATE,
                            where,
                            statement.lineno,
                            f"mutable class attribute {node.name}.{names}",
                        )
                    )
    changed: dict[str, int] = {}
    for function in ast.walk(tree):
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            for inner in ast.walk(function):
                if isinstance(inner, ast.Global):
                    for name in inner.names:
                        changed.setdefault(name, inner.lineno)
                if isinstance(inner, ast.Assign | ast.AugAssign):
                    targets = inner.targets if isinstance(inner, ast.Assign) else [inner.target]
                    for target in targets:
                        if (
                            isinstance(target, ast.Subscript)
                            and isinstance(target.value, ast.Name)
                            and target.value.id in module_globals
                        ):
                            changed.setdefault(target.value.id, inner.lineno)
                elif isinstance(inner, ast.Call) and isinstance(inner.func, ast.Attribute):
                    owner = inner.func.value
                    if (
                        isinstance(owner, ast.Name)
                        and owner.id in module_globals
                        and inner.func.attr in ("append", "add", "update", "extend", "setdefault")
                    ):
                        changed.setdefault(owner.id, inner.lineno)
    for name, line in changed.items():
        hints.append(Hint(HintKind.SHARED_STATE, where, line, f"changes module global {name}"))
    return hints


def task_hints(program: str, tests: str) -> list[Hint]:
    return code_hints(program, "solution") + code_hints(tests, "tests")


def hints_for_test(hints: list[Hint], tests: str, test: str) -> list[Hint]:
    """The hints that can bear on one test: the solution's, and those in the test file that are
    in this test method or outside every test method (setUp, helpers, class attributes)."""
    spans = _test_method_spans(tests)
    own = spans.get(test)
    return [
        hint
        for hint in hints
        if hint.where != "tests"
        or (own is not None and own[0] <= hint.line <= own[1])
        or not any(first <= hint.line <= last for first, last in spans.values())
    ]


def _test_method_spans(tests: str) -> dict[str, tuple[int, int]]:
    tree = syntax_tree(tests)
    if tree is None:
        return {}
    return {
        method.name: (method.lineno, method.end_lineno or method.lineno)
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef)
        for method in node.body
        if isinstance(method, ast.FunctionDef) and method.name.startswith("test")
    }
