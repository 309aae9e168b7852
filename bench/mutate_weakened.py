"""Mutation scores of real tasks against the same tasks with assertions deleted.

    python bench/mutate_weakened.py [JSONL] [--tasks 10]

For each task of the sample (default: ../shared/bcb-sample/BigCodeBench-sample40.jsonl) whose
reference passes here, two weakened suites: the test that runs the most assertions loses all of
them, and every test loses all of them (each `self.assert...(...)` statement becomes its first
argument, so the tests still run the code). All three are mutated. Prints the scores and how
many tasks scored lower: a score that did not drop when the tests stop checking anything would
measure coverage, not the tests' power. (Deleting one test's assertions often changes nothing:
BigCodeBench's tests overlap, and another test kills the same mutants.)
"""

from __future__ import annotations

import argparse
import ast
import json
import tempfile
from pathlib import Path

from curator.bank import Bank
from curator.interchange import read_jsonl
from curator.models import Task, Verdict
from curator.mutation import mutate_task
from curator.sandbox import Sandbox
from curator.validation import validate_task

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_JSONL = PROJECT_ROOT.parent / "shared" / "bcb-sample" / "BigCodeBench-sample40.jsonl"


def is_assertion(node: ast.stmt) -> bool:
    return (
        isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Call)
        and isinstance(node.value.func, ast.Attribute)
        and node.value.func.attr.startswith("assert")
    )


class DropAssertions(ast.NodeTransformer):
    """Each assertion statement of one test method becomes its first argument."""

    def __init__(self, method: str) -> None:
        self.method = method

    def visit_FunctionDef(self, node: ast.FunctionDef) -> ast.FunctionDef:
        if node.name == self.method or (self.method == "*" and node.name.startswith("test")):
            for statement in ast.walk(node):
                for field in ("body", "orelse", "finalbody"):
                    block = getattr(statement, field, None)
                    if isinstance(block, list):
                        setattr(statement, field, [weaken(item) for item in block])
        return node


def weaken(statement: ast.stmt) -> ast.stmt:
    if not is_assertion(statement):
        return statement
    call = statement.value  # type: ignore[attr-defined]
    kept = call.args[0] if call.args else ast.Constant(None)
    return ast.copy_location(ast.Expr(kept), statement)


def weakened_tests(tests: str) -> tuple[str, str] | None:
    """The tests with the assertions of the most-asserting test method dropped, and its name."""
    module = ast.parse(tests)
    counts = {
        node.name: sum(
            is_assertion(inner) for inner in ast.walk(node) if isinstance(inner, ast.stmt)
        )
        for node in ast.walk(module)
        if isinstance(node, ast.FunctionDef) and node.name.startswith("test")
    }
    if not counts or max(counts.values()) == 0:
        return None
    method = max(counts, key=lambda name: counts[name])
    return ast.unparse(DropAssertions(method).visit(module)), method


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("jsonl", nargs="?", type=Path, default=DEFAULT_JSONL)
    parser.add_argument("--tasks", type=int, default=10)
    args = parser.parse_args()
    lower = same = higher = hollow_lower = 0
    with tempfile.TemporaryDirectory(prefix="curator-bench-") as temporary:
        bank = Bank.init(Path(temporary) / "bank")
        with Sandbox(protect=[bank.root]) as sandbox:
            measured = 0
            for task in read_jsonl(args.jsonl):
                if measured == args.tasks:
                    break
                weakened = weakened_tests(task.test)
                if weakened is None or validate_task(task, sandbox).verdict is not Verdict.PASS:
                    continue
                measured += 1
                tests, method = weakened
                strong = mutate_task(task, sandbox, jobs=2)
                weak = mutate_task(Task(**{**task.model_dump(), "test": tests}), sandbox, jobs=2)
                hollow_tests = ast.unparse(DropAssertions("*").visit(ast.parse(task.test)))
                hollow = mutate_task(
                    Task(**{**task.model_dump(), "test": hollow_tests}), sandbox, jobs=2
                )
                if strong.score is None or weak.score is None:
                    continue
                hollow_lower += hollow.score is not None and hollow.score < strong.score
                lower += weak.score < strong.score
                same += weak.score == strong.score
                higher += weak.score > strong.score
                print(
                    json.dumps(
                        {
                            "task": task.task_id,
                            "weakened_test": method,
                            "score": strong.score,
                            "weakened_score": weak.score,
                            "no_assertions_score": hollow.score,
                            "mutants": len(strong.mutants),
                            "seconds": round(
                                strong.duration_s + weak.duration_s + hollow.duration_s, 2
                            ),
                        }
                    )
                )
    print(
        f"one test's assertions deleted: lower on {lower} task(s), the same on {same}, higher on "
        f"{higher}; every assertion deleted: lower on {hollow_lower}"
    )


if __name__ == "__main__":
    main()
