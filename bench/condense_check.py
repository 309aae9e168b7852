"""Figures for the closing note of issue 5: the condenser against real BigCodeBench records.

Reads ../shared/bcb-sample/BigCodeBench-sample40.jsonl (relative to the project root), or the
JSONL(.gz) file given as the only argument (the full 1,140-task release works the same way), and
prints:

1. the docstrings parsed by `curator.docstring` compared with the stored `doc_struct`;
2. instructions regenerated from the stored `doc_struct` compared with `instruct_prompt`;
3. instructions regenerated from the parsed docstrings compared with `instruct_prompt`;

with a named reason for every difference, then the information-loss warnings by kind and the
time taken.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

from curator.condense.reasons import DifferenceReason, explain_doc_struct
from curator.condense.render import render_instruction
from curator.condense.stage import check_task
from curator.docstring import entry_docstring, parse_docstring
from curator.interchange import read_jsonl

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SAMPLE = PROJECT_ROOT.parent / "shared" / "bcb-sample" / "BigCodeBench-sample40.jsonl"


def _text(instruction: str) -> str:
    """The instruction without its code prompt, where a docstring's defects would show."""
    return instruction.split("You should write self-contained code starting with:")[0]


DEFECTS = {
    "doctest lines (>>>)": lambda instruction: ">>>" in _text(instruction),
    "'Note that: Notes:'": lambda instruction: "Note that: Notes:" in instruction,
    "'Args:' block in the description": lambda instruction: "Args:" in _text(instruction),
}


def describe(reason: DifferenceReason) -> str:
    return f"[{reason.kind.value}] {reason.code.value}: {reason.message}"


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else SAMPLE
    tasks = read_jsonl(source)
    started = time.perf_counter()

    print(f"{source.name}: {len(tasks)} tasks\n")
    print("1. parsed docstring vs stored doc_struct")
    equal = 0
    reason_counts: Counter[str] = Counter()
    for task in tasks:
        docstring = entry_docstring(task.complete_prompt, task.entry_point)
        if docstring is None:
            print(f"   {task.task_id}: no docstring")
            continue
        parsed = parse_docstring(docstring)
        if parsed.doc_struct == task.doc_struct:
            equal += 1
            continue
        reasons = explain_doc_struct(task.doc_struct, parsed, docstring.text)
        for reason in reasons:
            reason_counts[reason.code.value] += 1
            print(f"   {task.task_id}: {describe(reason)}")
    print(f"   equal: {equal}/{len(tasks)}; reasons: {dict(reason_counts)}\n")

    print("2. instruction from the stored doc_struct vs stored instruct_prompt")
    equal = 0
    for task in tasks:
        if render_instruction(task.doc_struct, task.code_prompt) == task.instruct_prompt:
            equal += 1
        else:
            print(f"   {task.task_id}: differs (the layout rules do not reproduce it)")
    print(f"   equal: {equal}/{len(tasks)}\n")

    print("3. instruction from the parsed docstring vs stored instruct_prompt")
    reports = [check_task(task) for task in tasks]
    reason_counts.clear()
    warning_counts: Counter[str] = Counter()
    for report in reports:
        for warning in report.warnings:
            warning_counts[warning.kind] += 1
        for reason in report.reasons:
            reason_counts[reason.code.value] += 1
            print(f"   {report.task_id}: {describe(reason)}")
    equal = sum(report.equal for report in reports)
    unexplained = [report.task_id for report in reports if report.needs_attention]
    print(
        f"   equal: {equal}/{len(tasks)}; differing by named fixes only: "
        f"{len(tasks) - equal - len(unexplained)}; unexplained or stale: {len(unexplained)} "
        f"{unexplained or ''}"
    )
    print(f"   task differences by reason: {dict(reason_counts)}\n")

    print("known defects of the original converter, stored -> regenerated instructions:")
    regenerated = {report.task_id: report.instruction or "" for report in reports}
    for name, probe in DEFECTS.items():
        before = sum(probe(task.instruct_prompt) for task in tasks)
        after = sum(probe(regenerated[task.task_id]) for task in tasks)
        print(f"   {name}: {before} -> {after}")
    print()

    with_warnings = sum(bool(report.warnings) for report in reports)
    print(f"warnings (parser and information loss): {with_warnings} task(s) with warnings")
    for kind, count in warning_counts.most_common():
        print(f"   {kind}: {count}")
    elapsed = time.perf_counter() - started
    each = elapsed / max(len(tasks), 1) * 1000
    print(f"\ntime: {elapsed:.2f} s for {len(tasks)} tasks ({each:.1f} ms each)")


if __name__ == "__main__":
    main()
