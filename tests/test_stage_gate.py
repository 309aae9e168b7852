"""One stage gate: `curator commit`, `curator release` and the release plan agree on it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from gitbanks import flaky_checked, head, isolate_git, new_bank, passing, save

from conftest import make_task
from curator.bank import Bank
from curator.condense.stage import apply_instruction, condense_task
from curator.history import commit_paths, gate_facts
from curator.models import Stage
from curator.pipeline import Step, StepState, allowed_stages, stage_blockers, step_status
from curator.release.plan import plan_release
from curator.static_checks import shape_problems


@pytest.fixture(autouse=True)
def _git(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    isolate_git(monkeypatch, tmp_path / "home")


@pytest.fixture
def bank(tmp_path: Path) -> Bank:
    return new_bank(tmp_path / "bank")


def ready_but_unchecked(bank: Bank) -> None:
    """Test/1: validated and condensed, never checked for flaky tests."""
    save(bank, passing(make_task("Test/1", instruct_prompt="Count the words of a text.")))


def test_cli_commit_needs_a_flaky_check_of_the_current_content(bank: Bank, run_cli) -> None:
    ready_but_unchecked(bank)
    before = head(bank.root)
    result = run_cli("commit", "Test/1", "--stage", "accepted", "-m", "Go", "--bank", bank.root)
    assert result.returncode == 1
    assert "not been checked for flaky tests" in result.stderr
    assert head(bank.root) == before
    flaky_checked(bank, bank.load("Test/1"))
    result = run_cli("commit", "Test/1", "--stage", "accepted", "-m", "Go", "--bank", bank.root)
    assert result.returncode == 0, result.stderr
    assert bank.load("Test/1").stage is Stage.ACCEPTED


def test_cli_commit_refuses_a_flaky_check_of_other_content(bank: Bank, run_cli) -> None:
    ready_but_unchecked(bank)
    flaky_checked(bank, bank.load("Test/1"))
    task = bank.load("Test/1")
    task.test += "\n# edited after the flaky check\n"
    save(bank, passing(task))
    result = run_cli("--bank", bank.root, "commit", "Test/1", "--stage", "accepted", "-m", "Go")
    assert result.returncode == 1
    assert "flaky check is stale" in result.stderr


def test_release_and_its_plan_refuse_what_the_commit_gate_refuses(bank: Bank, run_cli) -> None:
    """A task recorded as accepted by hand, past the gate, blocks the release with the
    gate's own reason."""
    task = passing(make_task("Test/1", stage=Stage.ACCEPTED, instruct_prompt="Count words."))
    save(bank, task)
    commit_paths(bank, [bank.task_dir("Test/1").name], "Accepted by hand")
    reasons = stage_blockers(task, Stage.ACCEPTED, gate_facts(bank, task))
    assert reasons == ["it has not been checked for flaky tests (run the flaky check)"]
    assert plan_release(bank).blockers == {"Test/1": reasons}
    result = run_cli("release", "v1", "--bank", bank.root)
    assert result.returncode == 1
    assert "not been checked for flaky tests" in result.stdout + result.stderr
    flaky_checked(bank, task)
    commit_paths(bank, [bank.task_dir("Test/1").name], "Flaky check")
    assert plan_release(bank).blockers == {}
    result = run_cli("release", "v1", "--bank", bank.root)
    assert result.returncode == 0, result.stderr
    assert Stage.ACCEPTED in allowed_stages(task, gate_facts(bank, task))


def test_the_gate_holds_the_banks_quality_bar_and_runtime_findings(bank: Bank, run_cli) -> None:
    """Acceptance also needs the bank's minimum mutation score and every runtime finding
    waived: one gate for commit and release."""
    ready_but_unchecked(bank)
    flaky_checked(bank, bank.load("Test/1"))
    marker = bank.root / "bank.json"
    settings = json.loads(marker.read_text())
    marker.write_text(json.dumps({**settings, "quality": {"min_mutation_score": 80}}))
    result = run_cli("--bank", bank.root, "commit", "Test/1", "--stage", "accepted", "-m", "Go")
    assert result.returncode == 1
    assert "no current mutation score (the bank requires 80%" in result.stderr

    marker.write_text(json.dumps(settings))
    task = bank.load("Test/1")
    assert task.validation is not None
    task.validation.runtime = ["network"]
    save(bank, task)
    flaky_checked(bank, bank.load("Test/1"))
    reasons = stage_blockers(bank.load("Test/1"), Stage.ACCEPTED, gate_facts(bank, task))
    assert reasons == [
        "its runtime findings are not waived: network "
        "(fix the task, or curator waive ID CODE --reason ...)"
    ]
    result = run_cli("--bank", bank.root, "commit", "Test/1", "--stage", "accepted", "-m", "Go")
    assert result.returncode == 1
    assert "runtime findings are not waived: network" in result.stderr
    assert Stage.CONDENSED in allowed_stages(bank.load("Test/1"), gate_facts(bank, task))


def test_a_flaky_check_of_one_run_does_not_count_for_acceptance(bank: Bank, run_cli) -> None:
    """`curator flaky ID --runs 1` varies nothing, yet met the gate; a new maintainer committed
    an accepted task on it. The bank's `quality.min_flaky_runs` (20 unless it says otherwise)
    is the fewest runs that count."""
    ready_but_unchecked(bank)
    checked = run_cli("--bank", bank.root, "flaky", "Test/1", "--runs", "1")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    before = head(bank.root)
    result = run_cli("--bank", bank.root, "commit", "Test/1", "--stage", "accepted", "-m", "Go")
    assert result.returncode == 1 and head(bank.root) == before
    assert (
        "its flaky check made 1 run(s), the bank asks for at least 20 "
        "(`quality.min_flaky_runs` in bank.json): check it again with more runs"
    ) in " ".join(result.stderr.split())
    shown = run_cli("--bank", bank.root, "flaky", "Test/1", "--runs", "2")
    assert shown.returncode == 0
    marker = bank.root / "bank.json"
    settings = json.loads(marker.read_text())
    marker.write_text(json.dumps({**settings, "quality": {"min_flaky_runs": 2}}))
    result = run_cli("--bank", bank.root, "commit", "Test/1", "--stage", "accepted", "-m", "Go")
    assert result.returncode == 0, result.stderr


# A word count with one library: BigCodeBench's tasks each use at least two.
ONE_LIBRARY = make_task().model_copy(
    update={
        "libs": ["re"],
        "complete_prompt": make_task()
        .complete_prompt.replace("import collections\n", "")
        .replace("    - collections\n", ""),
        "canonical_solution": (
            "    if top <= 0:\n"
            '        raise ValueError("top must be positive")\n'
            "    counts = {}\n"
            '    for word in re.findall(r"[a-z\']+", text.lower()):\n'
            "        counts[word] = counts.get(word, 0) + 1\n"
            "    return sorted(counts.items(), key=lambda item: -item[1])[:top]\n"
        ),
        "code_prompt": "import re\ndef task_func(text, top=3):\n",
        "instruct_prompt": "Count the words of a text.",
    }
)


def test_a_task_off_the_benchmark_s_shape_is_accepted_only_once_fixed_or_waived(
    bank: Bank, run_cli
) -> None:
    """A task that imports one library was committed as accepted: its `libs-few` finding was
    only printed beside a passing validation. The gate now holds each departure from the
    benchmark's shape until a reviewer fixes it or waives it, with why."""
    save(bank, passing(ONE_LIBRARY.model_copy(deep=True)))
    flaky_checked(bank, bank.load("Test/1"))
    result = run_cli("--bank", bank.root, "commit", "Test/1", "--stage", "accepted", "-m", "Go")
    assert result.returncode == 1
    assert (
        "it departs from the benchmark's shape (libs-few: the program imports 1 module(s); a "
        "task should use at least two libraries): fix the task, or curator waive ID CODE"
    ) in " ".join(result.stderr.split())
    task = bank.load("Test/1")
    assert Stage.CONDENSED in allowed_stages(task, gate_facts(bank, task))

    unknown = run_cli("--bank", bank.root, "waive", "Test/1", "doc-example", "--reason", "x")
    assert unknown.returncode == 2
    assert "no runtime or shape finding 'doc-example' now (it has: libs-few)" in unknown.stderr
    waived = run_cli(
        "--bank",
        bank.root,
        "waive",
        "Test/1",
        "libs-few",
        "--reason",
        "a regex task",
        "--annotator",
        "R",
    )
    assert waived.returncode == 0, waived.stderr
    assert "libs-few waived by R" in waived.stdout
    assert [(w.code, w.reason) for w in bank.load("Test/1").waivers] == [
        ("libs-few", "a regex task")
    ]
    result = run_cli("--bank", bank.root, "commit", "Test/1", "--stage", "accepted", "-m", "Go")
    assert result.returncode == 0, result.stderr
    assert bank.load("Test/1").stage is Stage.ACCEPTED


def test_an_instruction_the_docstring_moved_on_from_holds_the_task_back(
    bank: Bank, run_cli
) -> None:
    """The docstring edited after the instruction was written (a new exception): the export
    would pair a complete_prompt that raises it with an instruct_prompt that does not, so
    condensed, accepted and the release wait for the instruction to be condensed again."""
    task = make_task("Test/1")
    condensed = condense_task(task)
    assert condensed.parsed is not None and condensed.instruction is not None
    task = passing(apply_instruction(task, condensed.instruction, condensed.parsed.doc_struct))
    save(bank, task)
    flaky_checked(bank, task)
    assert stage_blockers(task, Stage.ACCEPTED, gate_facts(bank, task)) == []

    task.complete_prompt = task.complete_prompt.replace(
        "    - ValueError: If top is not positive.\n",
        "    - ValueError: If top is not positive.\n    - TypeError: If text is not a string.\n",
    )
    task = passing(task)
    save(bank, task)
    flaky_checked(bank, task)
    facts = gate_facts(bank, task)
    reasons = stage_blockers(task, Stage.ACCEPTED, facts)
    assert len(reasons) == 1 and reasons[0].startswith("its instruction is out of date: "), reasons
    assert "the docstring was edited after the instruction was written" in reasons[0]
    assert stage_blockers(task, Stage.CONDENSED, facts) == reasons
    condense = step_status(task, Step.CONDENSE, facts)
    assert condense.state is StepState.READY
    assert condense.reason.startswith("instruction out of date: ")
    result = run_cli("--bank", bank.root, "commit", "Test/1", "--stage", "accepted", "-m", "Go")
    assert result.returncode == 1
    assert "its instruction is out of date" in result.stderr

    result = run_cli("--bank", bank.root, "condense", "Test/1", "--write")
    assert result.returncode == 0, result.stderr
    task = bank.load("Test/1")
    assert "TypeError" in task.instruct_prompt
    flaky_checked(bank, task)
    assert stage_blockers(task, Stage.ACCEPTED, gate_facts(bank, task)) == []


def test_the_gate_names_each_shape_departure_with_its_own_message() -> None:
    """'(doc-example, requirements-missing: the docstring lacks an Example section)' read as
    if requirements-missing meant the missing example."""
    program = make_task().complete_prompt
    program = program.replace("    - re\n", "").replace(
        "    Example:\n    >>> task_func(\"a b a\", top=1)\n    [('a', 2)]\n", ""
    )
    task = passing(make_task(complete_prompt=program))
    (reason,) = [r for r in stage_blockers(task, Stage.ACCEPTED) if "shape" in r]
    codes = {problem.code: problem.message for problem in shape_problems(task)}
    assert len(codes) >= 2, codes
    for code, message in codes.items():
        assert f"{code}: {message}" in reason, reason


def test_a_bank_may_ask_for_a_branch_coverage_to_accept(bank: Bank, run_cli) -> None:
    """BigCodeBench/397 was accepted and released at 50% branch coverage: no bank could ask for
    more. `quality.min_branch_coverage` in bank.json holds acceptance to it."""
    marker = bank.root / "bank.json"
    settings = json.loads(marker.read_text())
    settings["quality"] = {"min_branch_coverage": 95}
    marker.write_text(json.dumps(settings))
    save(bank, passing(make_task("Test/1", instruct_prompt="Count words."), coverage=50.0))
    flaky_checked(bank, bank.load("Test/1"))
    result = run_cli("--bank", bank.root, "commit", "Test/1", "--stage", "accepted", "-m", "Go")
    assert result.returncode == 1
    assert "branch coverage 50% is below the bank's minimum 95%" in result.stderr
    task = bank.load("Test/1")
    assert Stage.CONDENSED in allowed_stages(task, gate_facts(bank, task))
    save(bank, passing(task, coverage=100.0))
    task = bank.load("Test/1")
    assert stage_blockers(task, Stage.ACCEPTED, gate_facts(bank, task)) == []
