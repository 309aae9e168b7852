"""Count how often the core parses a task's source on two paths through the stages.

    python bench/parse_count.py [BANK]     # default: the demo bank in tasks/

For each task of the bank, in this process (the sandbox's child parses on its own):

- validation: `validate_task(task, sandbox)` then the pipeline's status of the result, as
  `curator validate` and the app's pipeline strip do;
- LLM flaky fix: what the assistant does around the model's answer, without a model: the
  flaky hints for its prompt, the proposal's validation (the same task standing in for the
  proposed one), the condense check of its docstring and the pipeline's status.

Prints the `ast.parse` calls of each path, the distinct texts they parsed, and how many of
the calls parsed a task's own program or tests: with one parsed view per text, that is one
parse per program and per tests (other calls are literals and instruction snippets).
"""

from __future__ import annotations

import argparse
import ast
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parent.parent

parses: Counter[str] = Counter()
_real_parse = ast.parse


def counting_parse(source: Any, *args: Any, **kwargs: Any) -> Any:
    parses[source if isinstance(source, str) else repr(source)] += 1
    return _real_parse(source, *args, **kwargs)


def measure(label: str, work: Callable[[], object], sources: set[str]) -> None:
    """Run one path from a cold start: nothing parsed yet, in this run or the one before."""
    import curator.program

    cache = getattr(curator.program, "parsed", None)
    if cache is not None:
        cache.cache_clear()
    parses.clear()
    work()
    calls = sum(parses.values())
    own = sum(count for text, count in parses.items() if text in sources)
    print(
        f"{label:<14} {calls:>4} ast.parse calls, {len(parses)} distinct texts; "
        f"of the tasks' own programs and tests ({len(sources)}): {own} parses"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("bank", nargs="?", type=Path, default=PROJECT_ROOT / "tasks")
    args = parser.parse_args()
    ast.parse = counting_parse  # every module reads `ast.parse` at call time

    from curator.bank import Bank
    from curator.condense.stage import check_task
    from curator.flaky.hints import hints_for_test, task_hints
    from curator.pipeline import pipeline_status
    from curator.validation import sandbox_for, validate_task

    bank = Bank.open(args.bank)
    tasks = bank.load_all()
    with sandbox_for(bank) as sandbox:

        def validation() -> None:
            for task in tasks:
                task.validation = validate_task(task, sandbox).summary()
                pipeline_status(task)

        def llm_flaky_fix() -> None:
            for task in tasks:
                hints = task_hints(task.program, task.test)
                for test in ("test_a", "test_b"):
                    hints_for_test(hints, task.test, test)
                task.validation = validate_task(task, sandbox).summary()
                check_task(task)
                pipeline_status(task)

        sources = {task.program for task in tasks} | {task.test for task in tasks}
        print(f"{len(tasks)} task(s) from {args.bank}")
        measure("validation", validation, sources)
        measure("LLM flaky fix", llm_flaky_fix, sources)


if __name__ == "__main__":
    main()
