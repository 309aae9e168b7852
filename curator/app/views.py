"""Rich renderables for the workspace's read-only views: coverage, test results, diffs.

Plain functions of core data, with no Textual in them, so the same text can be checked in tests.
"""

from __future__ import annotations

from rich.text import Text

from curator.flaky.evidence import CoverageVariation
from curator.llm.proposals import ProposedChange
from curator.sandbox import TestOutcome
from curator.validation import ValidationReport

# Below this many terminal columns a list and its details stack rather than stand side by
# side: at 80, side by side, each had 40 columns, which cut test names and wrapped tracebacks.
STACKED_BELOW = 100

OUTCOME_STYLES = {
    "pass": "green",
    "fail": "bold red",
    "error": "bold red",
    "timeout": "bold magenta",
    "skip": "dim",
}


# Lines above the program in `coverage_text`: the summary and a blank line.
COVERAGE_HEADER_LINES = 2


def coverage_misses(report: ValidationReport) -> list[int]:
    """The program lines to visit, in order: every missed line and missed branch's source."""
    return sorted({*report.missed_lines, *(start for start, _ in report.missed_branches)})


def coverage_text(
    program: str,
    report: ValidationReport,
    current: int | None = None,
    chance: CoverageVariation | None = None,
) -> Text:
    """The solution with a gutter: ✗ a line never run, ◐ a branch not taken (and where to),
    ≈ a line or branch the flaky check's runs reached only by chance (`chance`), whether this
    run reached it or not (its colour says).

    `current` (a line number) is drawn reversed: where the miss-to-miss cursor stands.
    """
    missed = set(report.missed_lines)
    arcs: dict[int, list[int]] = {}
    for start, end in report.missed_branches:
        arcs.setdefault(start, []).append(end)
    by_chance = chance_notes(chance)
    text = Text()
    summary = (
        f"branch coverage {report.branch_coverage:.1f}% · line coverage "
        f"{report.line_coverage:.1f}% · {len(missed)} missed line(s) · "
        f"{len(report.missed_branches)} missed branch(es)"
        if report.branch_coverage is not None and report.line_coverage is not None
        else "no coverage was measured in this run"
    )
    if chance is not None:
        summary += f" · ≈ {len(chance.misses())} reached by chance in the flaky check"
    text.append(summary + "\n\n", style="bold")
    for number, line in enumerate(program.splitlines(), start=1):
        line_start = len(text)
        mark, style = "  ", ""
        if number in missed:
            mark, style = "✗ ", "red"
        elif number in arcs:
            mark, style = "◐ ", "yellow"
        if number in by_chance:  # luck explains a miss here, or a hit
            mark = "≈ "
        text.append(f"{mark}{number:4} ", style=f"bold {style or 'dim'}")
        if number in by_chance:
            text.stylize("bold magenta", line_start, line_start + 1)
        text.append(line, style=style)
        if number in arcs and number not in missed:
            targets = ", ".join("exit" if end < 0 else str(end) for end in sorted(arcs[number]))
            text.append(f"   ← branch to {targets} never taken", style="italic yellow")
        if number in by_chance:
            text.append(f"   ≈ {by_chance[number]}", style="italic magenta")
        if number == current:
            text.stylize("reverse", line_start, len(text))
        text.append("\n")
    return text


def chance_notes(chance: CoverageVariation | None) -> dict[int, str]:
    """Line -> what of it the flaky check's runs reached only by chance."""
    if chance is None:
        return {}
    notes: dict[int, list[str]] = {}
    of = f"of {chance.runs} runs"
    for (start, end), count in sorted(chance.branches.items()):
        target = "exit" if end < 0 else str(end)
        notes.setdefault(start, []).append(f"branch to {target} missed in {count} {of}")
    for line, count in sorted(chance.lines.items()):
        notes.setdefault(line, []).append(f"missed in {count} {of}")
    return {line: "by chance: " + "; ".join(parts) for line, parts in notes.items()}


def report_header(report: ValidationReport) -> Text:
    """Verdict, counts, every static problem and warning with its line, runtime findings."""
    style = "bold green" if report.verdict.value == "pass" else "bold red"
    text = Text()
    text.append(f"{report.verdict.value.upper()}", style=style)
    if report.tests_total or report.verdict.value == "pass":
        counted = f"{report.tests_passed}/{report.tests_total} tests passed"
    else:  # "0/0 tests passed" read as a task without tests (BigCodeBench/376 has five)
        counted = "no test ran"
    text.append(f"  {counted} in {report.duration_s:.2f} s")
    if report.branch_coverage is not None:
        text.append(f" · branch coverage {report.branch_coverage:.1f}%")
    if report.network_exposed:
        text.append(" · network not isolated", style="yellow")
    # The box shows a few lines: how many follow was not said, and some were never seen.
    findings = len(report.static) + len(report.warnings) + len(report.runtime)
    if findings:
        text.append(f" · {findings} finding{'s' * (findings > 1)}", style="yellow")
    if report.message:
        text.append(f"\n{report.message}", style="red")
    for note in report.time_limit_notes:
        text.append(f"\ntime limit: {note}", style="dim")
    for label, problems in (("static", report.static), ("warning", report.warnings)):
        for problem in problems:
            where = f"{problem.file}:{problem.line}" if problem.line else problem.file
            text.append(f"\n{label} {where} [{problem.code}] {problem.message}", style="yellow")
    for finding in report.runtime:
        text.append(f"\nruntime [{finding.code}] {finding.message}", style="yellow")
    return text


def outcome_cells(outcome: TestOutcome) -> tuple[Text, str]:
    """A test's outcome and time as the results show them: a test the run never reached (it
    timed out or crashed first) reads `not run`, not the red `error` it is counted as; the
    time of a test killed at the deadline is unknown."""
    if not outcome.started:
        return Text("not run", style="dim"), "-"
    style = OUTCOME_STYLES.get(outcome.outcome, "")
    # The test running at the deadline was killed with the run: its time was never measured.
    measured = outcome.outcome != "timeout" or outcome.duration_s > 0
    return Text(outcome.outcome, style=style), f"{outcome.duration_s:.3f}s" if measured else "-"


def traceback_view(report: ValidationReport, test: str | None) -> Text:
    if test is None or test not in report.tests:
        return Text("select a test to see its traceback", style="dim")
    outcome = report.tests[test]
    text = Text(f"{test}: {outcome.outcome}\n", style=OUTCOME_STYLES.get(outcome.outcome, ""))
    text.append(outcome.traceback or outcome.message or "(no traceback: the test passed)")
    return text


def diff_text(diff: str) -> Text:
    """A unified diff, coloured as git does."""
    text = Text()
    for line in diff.splitlines(keepends=True):
        if line.startswith(("+++", "---")):
            text.append(line, style="bold")
        elif line.startswith("+"):
            text.append(line, style="green")
        elif line.startswith("-"):
            text.append(line, style="red")
        elif line.startswith("@@"):
            text.append(line, style="cyan")
        else:
            text.append(line)
    return text


def proposal_text(change: ProposedChange) -> Text:
    """A proposal as the annotator judges it: results before and after, warnings, the diff."""
    text = Text()
    text.append(f"{change.operation.value} proposal from {change.model}\n", style="bold")
    if change.baseline is not None:
        text.append(f"current version:  {change.baseline.headline()}\n")
    if change.check is not None:
        style = "green" if change.check.verdict.value == "pass" else "red"
        text.append(f"proposed version: {change.check.headline()}\n", style=style)
        # Which test fails and why, and the static problems, as `suggest` prints them: the
        # pane gave the counts alone.
        for name, outcome in change.check.failures.items():
            text.append(f"  {name}: {outcome}\n", style="red")
        for problem in change.check.static_problems:
            text.append(f"  static: {problem}\n", style="yellow")
    # How it is worse than the task, before Ctrl+O asks: the pane said nothing of removed tests.
    for regression in change.regressions():
        text.append(f"✗ {regression}\n", style="bold red")
    for warning in change.warnings:
        text.append(f"⚠ {warning}\n", style="yellow")
    if change.explanation:
        text.append(f"\n{change.explanation.strip()}\n", style="italic")
    if change.reference:
        text.append("\nrule-based instruction, for comparison:\n", style="bold")
        text.append(change.reference + "\n", style="dim")
    text.append("\n")
    text.append_text(diff_text(change.diff()))
    text.append("\nCtrl+O accepts · Ctrl+T edits it first · Ctrl+R rejects", style="bold")
    return text
