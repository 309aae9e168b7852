"""Task commits with provenance trailers, the stage gate, `log` and `diff`, on real repos."""

from __future__ import annotations

import json
import os
import shutil
import threading
from pathlib import Path

import pytest
from gitbanks import (
    ANNOTATOR,
    ENVIRONMENT,
    git,
    head,
    isolate_git,
    new_bank,
    passing,
    save,
    save_and_commit,
)

from conftest import make_task
from curator.bank import Bank
from curator.errors import BankError, CuratorError, TaskFileError
from curator.flaky.evidence import (
    EVIDENCE_FILE,
    Cell,
    FlakyEvidence,
    Outcome,
    RunKind,
    RunRecord,
    RunSpec,
)
from curator.gitbank import GitBank, GitError
from curator.history import (
    TRAILER_KEYS,
    CommitRefused,
    check_reviewable,
    commit_task,
    draft_commit,
    import_tasks,
    parse_trailers,
    task_diff,
    task_log,
)
from curator.interchange import write_jsonl
from curator.models import Flag, Origin, ProvenanceEvent, Stage, Task, Verdict
from curator.validation import REPORT_FILE


@pytest.fixture(autouse=True)
def _git(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    isolate_git(monkeypatch, tmp_path / "home")


@pytest.fixture
def bank(tmp_path: Path) -> Bank:
    return new_bank(tmp_path / "bank")


def committed_files(cwd: Path, rev: str = "HEAD") -> list[str]:
    return git(cwd, "show", "--name-only", "--format=", rev).splitlines()


def last_message(cwd: Path) -> str:
    return git(cwd, "log", "-1", "--format=%B")


def test_a_commit_touches_only_its_task_folder(bank: Bank) -> None:
    save(bank, make_task("Test/1"))
    save(bank, make_task("Test/2"))
    commit_task(bank, "Test/1", None, "Add the word counter")
    assert sorted(committed_files(bank.root)) == [
        "Test__1/instruction.md",
        "Test__1/task.json",
        "Test__1/task.py",
        "Test__1/tests.py",
    ]
    assert "?? Test__2/" in git(bank.root, "status", "--porcelain")


def test_the_suggested_message_says_what_changed_and_names_files_not_curator_s(
    bank: Bank,
) -> None:
    """A re-commit of an accepted task's records read "Accept Test/1" again (twice in the
    changelog), and hidden notes in its folder went in unsaid."""
    task = make_task("Test/1")
    save(bank, task)
    assert draft_commit(bank, task, Stage.ACCEPTED).message == "Accept Test/1"
    assert draft_commit(bank, task, Stage.DRAFT).message == "Record as draft: Test/1"
    commit_task(bank, "Test/1", None, "Add the word counter")
    folder = bank.task_dir("Test/1")
    (folder / REPORT_FILE).write_text("{}")
    (folder / "mutation.json").write_text("{}")
    task = bank.load("Test/1")
    draft = draft_commit(bank, task, task.stage)
    assert draft.message == "Record the validation and mutation analysis of Test/1"
    assert draft.others == []
    (folder / ".notes").write_text("mine")
    draft = draft_commit(bank, task, task.stage)
    assert draft.others == [".notes"]
    assert draft.message == "Record the validation and mutation analysis of Test/1"
    # A pre-evaluation's record is curator's too: it was called a file of the annotator's.
    (folder / "preeval.json").write_text("{}")
    draft = draft_commit(bank, task, task.stage)
    assert draft.others == [".notes"]
    assert draft.message == "Record the validation, mutation analysis and pre-evaluation of Test/1"
    (folder / "preeval.json").unlink()
    (folder / REPORT_FILE).unlink()
    (folder / "mutation.json").unlink()
    # The annotator's files alone: it read "Record as draft: Test/1" (and "Accept" in turn).
    assert draft_commit(bank, task, task.stage).message == "Add .notes to Test/1"
    (folder / "task.py").write_text(task.program + "\n")
    assert draft_commit(bank, task, task.stage).message == f"Record as {task.stage.value}: Test/1"
    result = commit_task(bank, "Test/1", None, "both")
    assert result.others == [".notes"]


def test_commit_names_the_files_of_the_annotator_s_it_takes_in(bank: Bank, run_cli) -> None:
    """`curator commit` took a task folder's other files in without a word."""
    save(bank, make_task("Test/1"))
    (bank.task_dir("Test/1") / "notes.txt").write_text("to check")
    result = run_cli("--bank", bank.root, "commit", "Test/1", "-m", "add it")
    assert result.returncode == 0, result.stderr
    assert "\n  with files of yours: notes.txt\n" in result.stdout


def test_a_commit_carries_every_trailer_with_the_validation_figures(bank: Bank) -> None:
    task = passing(make_task("Test/1"), coverage=87.5)
    save_and_commit(bank, task, "Accept the word counter", Stage.ACCEPTED, annotator="alice")
    trailers = parse_trailers(last_message(bank.root))
    assert list(trailers) == list(TRAILER_KEYS)
    assert trailers == {
        "Task-Id": "Test/1",
        "Stage": "accepted",
        "Branch-Coverage": "87.5%",
        "Tests": "3/3 passed",
        "Flaky-Runs": "0",
        "Validated-Content-Hash": task.content_hash(),
        "Environment": ENVIRONMENT,
        "Annotator": "alice",
        "LLM-Assisted": "no",
    }
    assert last_message(bank.root).startswith("Accept the word counter\n\n")
    assert bank.load("Test/1").stage is Stage.ACCEPTED


def test_git_reads_the_same_trailers(bank: Bank) -> None:
    save_and_commit(bank, passing(make_task("Test/1")), "Validate", Stage.VALIDATED)
    value = git(bank.root, "log", "-1", "--format=%(trailers:key=Task-Id,valueonly)")
    assert value.strip() == "Test/1"


def test_annotator_comes_from_option_then_environment_then_git(
    bank: Bank, monkeypatch: pytest.MonkeyPatch
) -> None:
    task = make_task("Test/1")
    save_and_commit(bank, task, "first")
    assert parse_trailers(last_message(bank.root))["Annotator"] == ANNOTATOR
    monkeypatch.setenv("CURATOR_ANNOTATOR", "bob")
    task.instruct_prompt = "Count words."
    save_and_commit(bank, task, "second")
    assert parse_trailers(last_message(bank.root))["Annotator"] == "bob"
    task.instruct_prompt = "Count the words."
    save_and_commit(bank, task, "third", annotator="carol")
    assert parse_trailers(last_message(bank.root))["Annotator"] == "carol"


def test_llm_help_and_flaky_runs_are_recorded(bank: Bank) -> None:
    task = make_task("Test/1")
    task.provenance.origin = Origin.LLM_ASSISTED
    task.provenance.events.append(ProvenanceEvent(operation="refine", model="gpt-x"))
    save(bank, task)
    bank.write_sidecar("Test/1", EVIDENCE_FILE, flaky_evidence(task, runs=4))
    commit_task(bank, "Test/1", None, "Refined with help")
    trailers = parse_trailers(last_message(bank.root))
    assert trailers["LLM-Assisted"] == "yes (gpt-x)"
    assert trailers["Flaky-Runs"] == "4"
    assert "Test__1/flaky.json" in committed_files(bank.root)
    task.test += "# changed since the detection\n"
    save_and_commit(bank, task, "Edit tests")
    trailers = parse_trailers(last_message(bank.root))
    assert trailers["Flaky-Runs"].startswith("stale (4 on ")


def flaky_evidence(task: Task, runs: int) -> FlakyEvidence:
    tests = ["test_bad_top", "test_case_insensitive", "test_counts"]
    return FlakyEvidence(
        task_id=task.task_id,
        content_hash=task.content_hash(),
        detection_seed=1,
        runs_requested=runs,
        timeout_s=task.time_limit(None),
        tests=tests,
        runs=[
            RunRecord(
                spec=RunSpec(
                    index=index, kind=RunKind.REPEAT, order=tests, hash_seed=0, random_seed=index
                ),
                status="completed",
                results={name: Cell(outcome=Outcome.PASS) for name in tests},
            )
            for index in range(runs)
        ],
    )


def test_a_draft_with_stale_validation_says_so_in_its_trailers(bank: Bank) -> None:
    task = passing(make_task("Test/1"))
    task.test += "\n# one more line\n"
    save_and_commit(bank, task, "Edit tests")
    trailers = parse_trailers(last_message(bank.root))
    assert trailers["Validated-Content-Hash"] == "none"
    assert trailers["Tests"].startswith("stale (pass on ")


def test_a_validation_from_another_environment_is_stale_in_the_trailers(bank: Bank) -> None:
    """The trailers read "Tests: 5/5 passed" for a validation that `list`, the gate and
    `release` count as stale: run in another environment."""
    task = passing(make_task("Test/1"))
    assert task.validation is not None
    task.validation.environment = "py3.10.13-0123456789ab"
    save_and_commit(bank, task, "Pulled from a clone with other libraries")
    trailers = parse_trailers(last_message(bank.root))
    assert trailers["Tests"] == "stale (pass in another environment or time limit)"
    assert trailers["Branch-Coverage"] == trailers["Tests"]
    assert trailers["Environment"] == "py3.10.13-0123456789ab"


@pytest.mark.parametrize(
    ("prepare", "stage", "reason"),
    [
        (lambda task: task, Stage.VALIDATED, "never been validated"),
        (lambda task: setattr(passing(task), "test", task.test + "#\n"), Stage.ACCEPTED, "stale"),
        (
            lambda task: setattr(passing(task).validation, "verdict", Verdict.FAIL),
            Stage.CONDENSED,
            "did not pass (verdict: fail)",
        ),
        (
            lambda task: passing(task).flags.append(Flag(test="test_counts", classification="x")),
            Stage.ACCEPTED,
            "1 unresolved flaky flag: test_counts (open)",
        ),
    ],
    ids=["unvalidated", "stale", "failing", "open-flag"],
)
def test_the_stage_gate_refuses_naming_the_reason(
    bank: Bank, prepare: object, stage: Stage, reason: str
) -> None:
    task = make_task("Test/1")
    save_and_commit(bank, task, "Add")
    before = head(bank.root)
    prepare(task)  # type: ignore[operator]
    save(bank, task)
    with pytest.raises(CommitRefused) as refusal:
        commit_task(bank, "Test/1", stage, "Promote")
    assert reason in str(refusal.value)
    assert head(bank.root) == before
    assert bank.load("Test/1").stage is Stage.DRAFT


def break_report(bank: Bank, task_id: str, how: str) -> None:
    """Damage a task's stored `validation.json` as a crash, a slip or a hand edit might."""
    path = bank.task_dir(task_id) / REPORT_FILE
    if how == "garbage":
        path.write_bytes(b"garbage")
    elif how == "deleted":
        path.unlink()
    else:
        report = json.loads(path.read_text())
        report["verdict"] = "fail"
        path.write_text(json.dumps(report))


@pytest.mark.parametrize(
    ("how", "problem"),
    [
        ("garbage", "is not a readable validation report"),
        ("deleted", "is missing, though task.json records a validation"),
        ("other verdict", "does not match task.json: the report is fail"),
    ],
)
@pytest.mark.parametrize("stage", [Stage.ACCEPTED, Stage.DRAFT])
def test_a_damaged_validation_report_is_never_committed(
    bank: Bank, how: str, problem: str, stage: Stage
) -> None:
    save_and_commit(bank, passing(make_task("Test/1")), "Accept", Stage.ACCEPTED)
    before = head(bank.root)
    break_report(bank, "Test/1", how)
    with pytest.raises(CommitRefused) as refusal:
        commit_task(bank, "Test/1", stage, "Commit the damage")
    assert f"Test__1/{REPORT_FILE} {problem}" in str(refusal.value)
    assert "curator validate Test/1 --force" in str(refusal.value)
    assert head(bank.root) == before


def test_cli_refuses_to_commit_a_garbled_validation_report(bank: Bank, run_cli) -> None:
    save_and_commit(bank, passing(make_task("Test/1")), "Accept", Stage.ACCEPTED)
    before = head(bank.root)
    break_report(bank, "Test/1", "garbage")
    result = run_cli("--bank", bank.root, "commit", "Test/1", "--stage", "accepted", "-m", "x")
    assert result.returncode == 1
    assert f"Test__1/{REPORT_FILE} is not a readable validation report" in result.stderr
    assert "fix that first\n" in result.stderr  # no stage would take it
    assert "Traceback" not in result.stderr
    assert head(bank.root) == before


def test_an_open_flag_does_not_block_validated(bank: Bank) -> None:
    task = passing(make_task("Test/1"))
    task.flags.append(Flag(test="test_counts", classification="order-dependent"))
    save_and_commit(bank, task, "Validated, flag under study", Stage.VALIDATED)
    assert parse_trailers(last_message(bank.root))["Stage"] == "validated"


def test_nothing_to_commit_is_an_error(bank: Bank) -> None:
    save_and_commit(bank, make_task("Test/1"), "Add")
    with pytest.raises(CuratorError, match="nothing to commit for Test/1"):
        commit_task(bank, "Test/1", None, "again")


@pytest.mark.parametrize("folder", ["tasks", "bank [v*]"])
def test_a_bank_inside_a_project_commits_only_its_task_paths(tmp_path: Path, folder: str) -> None:
    project = tmp_path / "project"
    project.mkdir()
    git(project, "init", "--quiet", "--initial-branch=main")
    (project / "README.md").write_text("project\n")
    git(project, "add", "README.md")
    git(project, "commit", "--quiet", "-m", "project")
    bank = new_bank(project / folder)
    (project / "README.md").write_text("changed, not for the task commit\n")
    save_and_commit(bank, make_task("BigCodeBench/7"), "Add task 7")
    files = committed_files(project)
    assert files and all(name.startswith(f"{folder}/BigCodeBench__7/") for name in files)
    assert [entry.subject for entry in task_log(bank, "BigCodeBench/7")] == ["Add task 7"]
    assert " M README.md" in git(project, "status", "--porcelain")


def test_log_lists_commits_newest_first_with_stage_changes(bank: Bank) -> None:
    task = make_task("Test/1")
    save_and_commit(bank, task, "Draft it")
    save(bank, make_task("Test/2"))
    commit_task(bank, "Test/2", None, "Another task")
    passing(task)
    save_and_commit(bank, task, "Validated", Stage.VALIDATED)
    save_and_commit(bank, task, "Accepted", Stage.ACCEPTED, annotator="bob")
    entries = task_log(bank, "Test/1")
    assert [entry.subject for entry in entries] == ["Accepted", "Validated", "Draft it"]
    assert [(entry.previous_stage, entry.stage) for entry in entries] == [
        ("validated", "accepted"),
        ("draft", "validated"),
        (None, "draft"),
    ]
    assert entries[0].annotator == "bob"
    assert entries[1].annotator == ANNOTATOR


def test_log_keeps_a_change_a_merge_discarded_and_stages_from_each_parent(bank: Bank) -> None:
    """Git's default simplification hid the side of a merge whose change lost (an annotator's
    edit), and each row's previous stage was the row below it, the other side's after a
    merge, where the commit's own parent had another stage."""
    task = make_task("Test/1")
    save_and_commit(bank, task, "Draft it")
    trunk = git(bank.root, "rev-parse", "--abbrev-ref", "HEAD").strip()
    git(bank.root, "checkout", "-q", "-b", "side")
    side = bank.load("Test/1")
    side.instruct_prompt = "The side's wording."
    save_and_commit(bank, side, "Side edit")
    git(bank.root, "checkout", "-q", trunk)
    save_and_commit(bank, passing(task), "Validated", Stage.VALIDATED)
    git(bank.root, "merge", "-q", "-s", "ours", "side", "-m", "Merge side, keeping ours")
    entries = {entry.subject: entry for entry in task_log(bank, "Test/1")}
    assert "Side edit" in entries
    assert (entries["Validated"].previous_stage, entries["Validated"].stage) == (
        "draft",
        "validated",
    )
    assert (entries["Side edit"].previous_stage, entries["Side edit"].stage) == ("draft", "draft")


def test_log_leaves_out_merges_that_only_brought_a_side_s_change(bank: Bank) -> None:
    """Every merge that brought the task's change from one side was listed as the task's
    (the demo's Demo/7: 14 commits, 2 of them its own); a merge that changed the task itself,
    resolving both sides, stays."""
    task = make_task("Test/1")
    save_and_commit(bank, task, "Draft it")
    trunk = git(bank.root, "rev-parse", "--abbrev-ref", "HEAD").strip()
    git(bank.root, "checkout", "-q", "-b", "side")
    save_and_commit(bank, passing(bank.load("Test/1")), "Validated", Stage.VALIDATED)
    git(bank.root, "checkout", "-q", trunk)
    save_and_commit(bank, make_task("Test/2"), "Another task")
    git(bank.root, "merge", "-q", "--no-ff", "side", "-m", "Merge side")
    git(bank.root, "checkout", "-q", "side")
    save_and_commit(bank, make_task("Test/3"), "A third task")
    git(bank.root, "merge", "-q", "--no-ff", trunk, "-m", "Merge trunk into side")
    assert [entry.subject for entry in task_log(bank, "Test/1")] == ["Validated", "Draft it"]
    git(bank.root, "checkout", "-q", "-b", "other", trunk)
    changed = bank.load("Test/1")
    changed.instruct_prompt = "The other's wording."
    save_and_commit(bank, changed, "Other edit")
    git(bank.root, "checkout", "-q", "side")
    mine = bank.load("Test/1")
    mine.instruct_prompt = "Mine."
    save_and_commit(bank, mine, "My edit")
    git(bank.root, "merge", "-q", "--no-commit", "-s", "ours", "other")
    mine.instruct_prompt = "Both wordings, resolved."
    save(bank, mine)
    git(bank.root, "commit", "-q", "-am", "Merge other, both wordings")
    subjects = [entry.subject for entry in task_log(bank, "Test/1")]
    assert subjects[0] == "Merge other, both wordings"
    assert {"Other edit", "My edit", "Validated", "Draft it"} <= set(subjects)
    assert "Merge side" not in subjects and "Merge trunk into side" not in subjects


def test_diff_shows_what_changed_between_revisions(bank: Bank) -> None:
    task = make_task("Test/1")
    first = save_and_commit(bank, task, "Add")
    task.test = task.test.replace(
        'task_func("a b a", top=1), [("a", 2)]', 'task_func("a b a b a", top=1), [("a", 3)]'
    )
    second = save_and_commit(bank, task, "Stronger test")
    diffs = {diff.part: diff for diff in task_diff(bank, "Test/1", first, second)}
    assert diffs["program"].text == ""
    assert diffs["instruction"].text == ""
    tests = diffs["tests"].text
    assert f"--- {first}:Test__1/tests.py" in tests
    assert '-        self.assertEqual(task_func("a b a", top=1), [("a", 2)])' in tests
    assert '+        self.assertEqual(task_func("a b a b a", top=1), [("a", 3)])' in tests


def test_diff_without_revisions_compares_head_with_the_work_tree(bank: Bank) -> None:
    task = make_task("Test/1")
    save_and_commit(bank, task, "Add")
    assert all(diff.text == "" for diff in task_diff(bank, "Test/1"))
    task.instruct_prompt = "Count the words of a text."
    save(bank, task)
    diffs = {diff.part: diff.text for diff in task_diff(bank, "Test/1")}
    assert "+Count the words of a text." in diffs["instruction"]
    assert "work tree:Test__1/instruction.md" in diffs["instruction"]


def test_diff_shows_a_change_to_the_metadata_alone(bank: Bank) -> None:
    """A task.json edited (or broken) by hand, its program and prompts untouched, is a
    difference: `curator diff` said "no differences"."""
    save_and_commit(bank, make_task("Test/1"), "Add")
    meta = bank.task_dir("Test/1") / "task.json"
    meta.write_text(meta.read_text().replace('"stage": "draft"', '"stage": "accepted"'))
    diffs = {diff.part: diff.text for diff in task_diff(bank, "Test/1")}
    assert '-  "stage": "draft",' in diffs["metadata"]
    assert '+  "stage": "accepted",' in diffs["metadata"]
    assert "work tree:Test__1/task.json" in diffs["metadata"]
    assert all(text == "" for part, text in diffs.items() if part != "metadata")


def test_diff_names_a_file_too_large_for_a_task_instead_of_diffing_it(bank: Bank) -> None:
    """A 50 MB tests.py (damage, or an attack) took `curator diff` a minute."""
    save_and_commit(bank, make_task("Test/1"), "Add")
    tests = bank.task_dir("Test/1") / "tests.py"
    tests.write_bytes(b"#" * (1 << 20) + b"\n")
    with pytest.raises(TaskFileError, match=r"holds 1,048,577 bytes; .* \(in work tree\)"):
        task_diff(bank, "Test/1")


def test_diff_of_an_unknown_revision_is_a_clear_error(bank: Bank) -> None:
    save_and_commit(bank, make_task("Test/1"), "Add")
    with pytest.raises(GitError, match="unknown revision 'v9'"):
        task_diff(bank, "Test/1", "v9")


def test_detached_head_is_refused_clearly(bank: Bank) -> None:
    save_and_commit(bank, make_task("Test/1"), "Add")
    git(bank.root, "branch", "-m", "master")  # the branch an older git made: named as it is
    git(bank.root, "checkout", "--quiet", "--detach")
    task = bank.load("Test/1")
    task.instruct_prompt = "changed"
    save(bank, task)
    with pytest.raises(GitError, match=r"HEAD is detached .*e\.g\. `git switch master`"):
        commit_task(bank, "Test/1", None, "on a detached head")


def test_a_head_on_no_branch_or_an_orphan_branch_is_refused(bank: Bank) -> None:
    """A HEAD that names no branch (a damaged `.git/HEAD`) made a stray ref, and a branch with
    no commits in a repository that has some (`git checkout --orphan`) a commit holding the
    one task alone: both are refused, naming what to do, and nothing is committed."""
    save_and_commit(bank, make_task("Test/1"), "Add")
    save_and_commit(bank, make_task("Test/2"), "Add")
    task = bank.load("Test/1")
    task.instruct_prompt = "changed"
    save(bank, task)
    head_file = bank.root / ".git" / "HEAD"
    original = head_file.read_text()
    head_file.write_text("ref: refs/he")
    with pytest.raises(GitError, match="HEAD names refs/he, not a branch"):
        commit_task(bank, "Test/1", None, "on no branch")
    assert not (bank.root / ".git" / "refs" / "he").exists()
    head_file.write_text(original)
    git(bank.root, "checkout", "--quiet", "--orphan", "fresh")
    with pytest.raises(GitError, match="the branch fresh has no commits, but the repository has"):
        commit_task(bank, "Test/1", None, "on an orphan branch")
    assert git(bank.root, "branch", "--list", "fresh").strip() == ""


# -- the command line ------------------------------------------------------------------------


def test_cli_commit_log_and_diff(bank: Bank, run_cli) -> None:
    save(bank, passing(make_task("Test/1")))
    result = run_cli("--bank", bank.root, "commit", "Test/1", "--stage", "validated", "-m", "Go")
    assert result.returncode == 0, result.stderr
    assert "committed Test/1 (draft → validated)" in result.stdout
    result = run_cli("--bank", bank.root, "log", "Test/1", "--json")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(row["previous_stage"], row["stage"]) for row in rows] == [(None, "validated")]
    assert rows[0]["trailers"]["Tests"] == "3/3 passed"
    result = run_cli("--bank", bank.root, "log", "Test/1")
    assert "Go" in result.stdout and "validated" in result.stdout
    (bank.task_dir("Test/1") / "tests.py").write_text("import unittest\nclass Gone: pass\n")
    result = run_cli("--bank", bank.root, "diff", "Test/1")
    assert result.returncode == 0
    assert "+class Gone: pass" in result.stdout and "-class TestCases" in result.stdout


def test_cli_refusal_exits_1_and_names_the_reason(bank: Bank, run_cli) -> None:
    save(bank, make_task("Test/1"))
    result = run_cli("--bank", bank.root, "commit", "Test/1", "--stage", "accepted", "-m", "Go")
    assert result.returncode == 1
    assert "Test/1 cannot be accepted" in result.stderr
    assert "never been validated" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_commits_several_tasks_one_commit_each(bank: Bank, run_cli) -> None:
    """`curator mutate` on five accepted tasks left five folders to commit, and `commit` took
    one id: a maintainer typed it five times. One refused keeps none of the others back."""
    for task_id in ("Test/1", "Test/2"):
        save(bank, passing(make_task(task_id)))
    save(bank, make_task("Test/3"))
    result = run_cli(
        "--bank", bank.root, "commit", "Test/1", "Test/3", "Test/2", "--stage", "validated",
        "-m", "Validated",
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    assert "Test/3 cannot be validated" in result.stderr
    assert "committed Test/1 (draft → validated)" in result.stdout
    assert "committed Test/2 (draft → validated)" in result.stdout
    subjects = git(bank.root, "log", "--format=%s %(trailers:key=Task-Id,valueonly)").split("\n")
    assert [line.split()[-1] for line in subjects if line.startswith("Validated")] == [
        "Test/2",
        "Test/1",
    ]
    assert "?? Test__3/" in git(bank.root, "status", "--porcelain")


def test_cli_reports_a_corrupted_task_folder_without_a_traceback(bank: Bank, run_cli) -> None:
    save_and_commit(bank, make_task("Test/1"), "Add")
    (bank.task_dir("Test/1") / "task.json").write_text("{ not json")
    result = run_cli("--bank", bank.root, "commit", "Test/1", "-m", "Broken")
    assert result.returncode == 2
    assert "Test__1/task.json" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_reports_a_detached_head_without_a_traceback(bank: Bank, run_cli) -> None:
    save_and_commit(bank, make_task("Test/1"), "Add")
    git(bank.root, "checkout", "--quiet", "--detach")
    (bank.task_dir("Test/1") / "instruction.md").write_text("changed\n")
    result = run_cli("--bank", bank.root, "commit", "Test/1", "-m", "Detached")
    assert result.returncode == 2
    assert "HEAD is detached" in result.stderr and "git switch" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_init_and_import_are_committed(tmp_path: Path, run_cli) -> None:
    source = tmp_path / "three.jsonl"
    write_jsonl([make_task(f"Test/{number}") for number in (1, 2, 3)], source)
    root = tmp_path / "fresh"
    assert run_cli("init", root).returncode == 0
    result = run_cli("--bank", root, "import", source, "--annotator", "ada")
    assert result.returncode == 0, result.stderr
    subjects = git(root, "log", "--format=%s").splitlines()
    assert subjects == ["Import 3 task(s) from three.jsonl", "Create bank fresh"]
    files = committed_files(root)
    assert len(files) == 12
    assert {name.split("/")[0] for name in files} == {"Test__1", "Test__2", "Test__3"}
    assert git(root, "status", "--porcelain") == ""
    assert git(root, "log", "-1", "--format=%(trailers:key=Annotator,valueonly)").strip() == "ada"
    assert Bank.open(root).load("Test/1").provenance.authors == ["ada"]

    # Without --annotator the commit named no one ($CURATOR_ANNOTATOR was not read); the
    # tasks still get no author: they come from the file, not from who imported them.
    other = tmp_path / "other.jsonl"
    write_jsonl([make_task("Test/4")], other)
    result = run_cli("--bank", root, "import", other, env={"CURATOR_ANNOTATOR": "Bea"})
    assert result.returncode == 0, result.stderr
    assert git(root, "log", "-1", "--format=%(trailers:key=Annotator,valueonly)").strip() == "Bea"
    assert Bank.open(root).load("Test/4").provenance.authors == []

    # A commit git refuses (a lock left by a git process that died): the tasks are written,
    # said, and the exit code is not success (it was 0: a script went on as if committed).
    lock = Path(root, git(root, "rev-parse", "--git-path", "index.lock").strip())
    lock.write_text("")
    last = tmp_path / "last.jsonl"
    write_jsonl([make_task("Test/5")], last)
    result = run_cli("--bank", root, "import", last)
    assert result.returncode == 2, result.stderr
    assert result.stdout.startswith("imported 1 task(s) from ")
    assert "not committed: " in result.stderr and "index.lock" in result.stderr
    lock.unlink()
    assert git(root, "status", "--porcelain") == "?? Test__5/\n"


def test_cli_import_update_takes_a_releases_fixes_and_keeps_each_tasks_stage(
    tmp_path: Path, run_cli
) -> None:
    """The benchmark's next release fixes some tasks and adds others: importing it again
    refused the whole file. With --update a changed task takes the file's content (its stage,
    flags and history stay), an unchanged one is left as it is, a new one is added, in one
    commit; a second run finds nothing to do."""
    root = tmp_path / "bank"
    assert run_cli("init", root).returncode == 0
    first = tmp_path / "v1.jsonl"
    write_jsonl([make_task("Test/1"), make_task("Test/2")], first)
    assert run_cli("--bank", root, "import", first, "--stage", "accepted").returncode == 0
    unchanged_before = (root / "Test__2" / "task.json").read_bytes()
    fixed = make_task("Test/1", test=make_task().test.replace("top=1", "top=1 "))
    assert fixed.test != make_task().test
    second = tmp_path / "v2.jsonl"
    write_jsonl([fixed, make_task("Test/2"), make_task("Test/3")], second)

    refused = run_cli("--bank", root, "import", second)
    assert refused.returncode == 2
    assert "2 task(s) already in the bank: Test/1, Test/2; with --update" in refused.stderr

    result = run_cli("--bank", root, "import", second, "--update", env={"CURATOR_ANNOTATOR": "Bea"})
    assert result.returncode == 0, result.stderr
    assert "1 new task(s) as draft, 1 updated, 1 unchanged" in result.stdout
    assert (
        "updated: Test/1; `curator validate --all` runs them again (not the tasks whose last "
        "result still counts)"
    ) in " ".join(result.stdout.split())
    bank = Bank.open(root)
    updated = bank.load("Test/1")
    assert updated.test == fixed.test and updated.stage is Stage.ACCEPTED
    event = updated.provenance.events[-1]
    assert (event.operation, event.annotator, event.detail) == (
        "updated",
        "Bea",
        "imported again from v2.jsonl:1",
    )
    assert (root / "Test__2" / "task.json").read_bytes() == unchanged_before
    assert bank.load("Test/3").stage is Stage.DRAFT
    assert git(root, "log", "-1", "--format=%s").strip() == (
        "Import 2 task(s) from v2.jsonl (1 new, 1 updated)"
    )
    assert sorted({name.split("/")[0] for name in committed_files(root)}) == ["Test__1", "Test__3"]
    assert git(root, "status", "--porcelain") == ""

    commits = git(root, "rev-list", "--count", "HEAD")
    again = run_cli("--bank", root, "import", second, "--update")
    assert again.returncode == 0, again.stderr
    assert "0 new task(s) as draft, 0 updated, 3 unchanged" in again.stdout
    assert git(root, "rev-list", "--count", "HEAD") == commits


def test_import_update_is_all_or_nothing(bank: Bank, tmp_path: Path) -> None:
    """A task of the file the bank cannot read, or a new one it cannot add, leaves every task
    as it was: the ones updated before it are put back."""
    import_tasks(bank, [make_task("Test/1"), make_task("Test/2")], Path("v1.jsonl"))
    before = {name: (bank.root / name / "tests.py").read_bytes() for name in ("Test__1", "Test__2")}
    fixed = [make_task(f"Test/{n}", test=make_task().test + "\n# fixed\n") for n in (1, 2)]

    (bank.root / "Test__2" / "task.json").write_text("{ garbled")
    with pytest.raises(TaskFileError, match="Test__2"):
        import_tasks(bank, fixed, Path("v2.jsonl"), update=True)
    assert (bank.root / "Test__1" / "tests.py").read_bytes() == before["Test__1"]
    git(bank.root, "checkout", "--", "Test__2")

    # A new task whose folder differs only in letter case from one already there.
    twin = make_task("test/1")
    with pytest.raises(BankError, match="differs only in letter case"):
        import_tasks(bank, [*fixed, twin], Path("v2.jsonl"), update=True)
    for name, data in before.items():
        assert (bank.root / name / "tests.py").read_bytes() == data
    assert git(bank.root, "status", "--porcelain") == ""


def test_import_update_never_replaces_uncommitted_changes(bank: Bank, tmp_path: Path) -> None:
    """The update compared the file with the work tree: an annotator's edit not yet committed
    was replaced (never staged, git could not bring it back), and a stray file in the folder
    was committed with the import."""
    import_tasks(bank, [make_task("Test/1"), make_task("Test/2")], Path("v1.jsonl"))
    work = bank.root / "Test__1" / "tests.py"
    work.write_text(work.read_text() + "# the annotator's work in progress\n")
    (bank.root / "Test__1" / "notes.txt").write_text("scratch\n")
    (bank.root / "Test__2" / "notes.txt").write_text("elsewhere\n")
    commits = git(bank.root, "rev-list", "--count", "HEAD")
    fixed = make_task("Test/1", test=make_task().test + "\n# fixed\n")
    with pytest.raises(CuratorError) as refused:
        import_tasks(
            bank, [fixed, make_task("Test/2"), make_task("Test/3")], Path("v2.jsonl"), update=True
        )
    assert str(refused.value) == (
        "nothing imported: the update would replace uncommitted changes (Test__1/notes.txt, "
        "Test__1/tests.py); commit them (`curator commit`) or discard them first"
    )
    assert work.read_text().endswith("# the annotator's work in progress\n")
    assert not bank.exists("Test/3")
    assert git(bank.root, "rev-list", "--count", "HEAD") == commits

    git(bank.root, "checkout", "--", "Test__1")
    (bank.root / "Test__1" / "notes.txt").unlink()
    outcome = import_tasks(bank, [fixed, make_task("Test/2")], Path("v2.jsonl"), update=True)
    assert [task.task_id for task in outcome.updated] == ["Test/1"]
    assert git(bank.root, "status", "--porcelain").strip() == "?? Test__2/notes.txt"


def test_import_update_names_unchanged_tasks_an_interrupted_import_left_uncommitted(
    bank: Bank,
) -> None:
    """Killed midway, `import --update` left some tasks updated and not committed; run again,
    it found them "unchanged" and committed only the rest, leaving them unsaid."""
    import_tasks(bank, [make_task(f"Test/{n}") for n in (1, 2, 3)], Path("v1.jsonl"))
    fixed = [make_task(f"Test/{n}", test=make_task().test + "\n# fixed\n") for n in (1, 2)]
    interrupted = bank.load("Test/1")
    interrupted.test = fixed[0].test  # what the killed run had written
    save(bank, interrupted)
    save(bank, passing(bank.load("Test/3")))  # run records alone are no interrupted import
    outcome = import_tasks(bank, [*fixed, make_task("Test/3")], Path("v2.jsonl"), update=True)
    assert [task.task_id for task in outcome.updated] == ["Test/2"]
    assert outcome.uncommitted == ["Test/1"]


def test_import_update_without_git_replaces_nothing(bank: Bank) -> None:
    """With the bank's .git gone, the check for uncommitted edits found "none", and the
    update replaced a hand edit that nothing could bring back."""
    import_tasks(bank, [make_task("Test/1")], Path("v1.jsonl"))
    work = bank.root / "Test__1" / "tests.py"
    work.write_text(work.read_text() + "# a hand edit\n")
    shutil.rmtree(bank.root / ".git")
    fixed = make_task("Test/1", test=make_task().test + "\n# fixed\n")
    with pytest.raises(CuratorError, match="without git there is no telling") as refused:
        import_tasks(bank, [fixed], Path("v2.jsonl"), update=True)
    assert "not inside a git repository" in str(refused.value)
    assert work.read_text().endswith("# a hand edit\n")


def test_history_of_a_task_folder_that_is_a_link_names_the_link(bank: Bank, tmp_path: Path) -> None:
    """`log`, `diff` and `flag` of a task whose folder links outside the bank raised a bare
    ValueError; every other command names the link."""
    import_tasks(bank, [make_task("Test/1")], Path("v1.jsonl"))
    outside = tmp_path / "outside"
    shutil.move(bank.task_dir("Test/1"), outside)
    bank.task_dir("Test/1").symlink_to(outside)
    for read in (task_log, task_diff):
        with pytest.raises(TaskFileError, match="is a symbolic link"):
            read(bank, "Test/1")
    with pytest.raises(TaskFileError, match="is a symbolic link"):
        check_reviewable(bank, "Test/1")


def test_a_commit_keeps_other_staged_work_staged_and_the_repository_sound(bank: Bank) -> None:
    task = make_task("Test/1", code_prompt="def task_func(text, top=3):\n")
    save_and_commit(bank, task, "Add with an explicit code prompt")
    assert (bank.task_dir("Test/1") / "code_prompt.py").is_file()
    save(bank, make_task("Test/2"))
    git(bank.root, "add", "Test__2")
    task.code_prompt = make_task("Test/1").code_prompt  # derivable again: the file goes
    save(bank, task)
    evidence = bank.task_dir("Test/1") / "evidence"
    evidence.mkdir()
    (evidence / "run-1.json").write_text("{}\n")
    commit_task(bank, "Test/1", None, "Drop the code prompt, keep evidence")
    assert sorted(committed_files(bank.root)) == [
        "Test__1/code_prompt.py",
        "Test__1/evidence/run-1.json",
    ]
    status = git(bank.root, "status", "--porcelain").splitlines()
    assert status == [f"A  Test__2/{name}" for name in sorted(os.listdir(bank.task_dir("Test/2")))]
    git(bank.root, "fsck", "--strict", "--no-progress")
    assert git(bank.root, "ls-tree", "-r", "--name-only", "HEAD", "Test__1").split() == [
        "Test__1/evidence/run-1.json",
        "Test__1/instruction.md",
        "Test__1/task.json",
        "Test__1/task.py",
        "Test__1/tests.py",
    ]


def test_a_commit_waits_for_a_git_reader_and_leaves_an_index_that_matches_it(
    bank: Bank,
) -> None:
    """The index was brought up to the commit by a `git reset` after the branch moved: when
    another git process (a prompt's `git status`, the app's own check) held the index lock
    then, `commit` said "not committed" of a commit made, put the stage back on disk, and
    left an index that undid the commit, which the next plain `git commit` recorded."""
    task = passing(make_task("Test/1"))
    save_and_commit(bank, task, "Draft")
    lock = Path(bank.root, git(bank.root, "rev-parse", "--git-path", "index.lock").strip())
    lock.write_text("")
    release = threading.Timer(0.3, lock.unlink)
    release.start()
    result = commit_task(bank, "Test/1", Stage.VALIDATED, "Validated")
    release.join()
    assert head(bank.root) == result.sha
    assert bank.load("Test/1").stage is Stage.VALIDATED
    assert git(bank.root, "status", "--porcelain") == ""
    assert git(bank.root, "diff", "--cached", "--stat") == ""


def test_a_branch_git_cannot_move_leaves_the_index_and_the_git_folder_as_they_were(
    bank: Bank,
) -> None:
    """The index is put in place before the branch moves (so that an interrupt between them
    leaves the change staged, not a revert of it), and put back when the branch cannot move."""
    save_and_commit(bank, passing(make_task("Test/1")), "Draft")
    save(bank, make_task("Test/2"))
    git(bank.root, "add", "Test__2")
    staged = git(bank.root, "diff", "--cached", "--name-status")
    git_dir = Path(bank.root, git(bank.root, "rev-parse", "--git-dir").strip())
    before = sorted(path.name for path in git_dir.iterdir())
    branch = git(bank.root, "symbolic-ref", "HEAD").strip()
    (git_dir / f"{branch}.lock").write_text("")
    with pytest.raises(GitError):
        commit_task(bank, "Test/1", Stage.VALIDATED, "Validated")
    (git_dir / f"{branch}.lock").unlink()
    assert git(bank.root, "diff", "--cached", "--name-status") == staged
    assert sorted(path.name for path in git_dir.iterdir()) == before
    assert bank.load("Test/1").stage is Stage.DRAFT


def test_an_interrupt_once_the_branch_moved_leaves_an_index_that_matches_it(
    bank: Bank, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl+C (or kill) right after the branch moved left the index as before the commit: a
    staged revert of it, which the next plain `git commit` recorded."""
    save_and_commit(bank, passing(make_task("Test/1")), "Draft")
    real_run = GitBank.run

    def interrupted_after_update_ref(self: GitBank, *args: str, **kwargs: object) -> str:
        output = real_run(self, *args, **kwargs)  # type: ignore[arg-type]
        if args[0] == "update-ref":
            raise KeyboardInterrupt
        return output

    monkeypatch.setattr(GitBank, "run", interrupted_after_update_ref)
    with pytest.raises(KeyboardInterrupt):
        commit_task(bank, "Test/1", Stage.VALIDATED, "Validated")
    monkeypatch.undo()
    assert git(bank.root, "log", "-1", "--format=%s").startswith("Validated")
    assert git(bank.root, "diff", "--cached", "--stat") == ""


def test_a_stale_index_lock_is_named_before_anything_is_committed(bank: Bank) -> None:
    """With a lock left by a git process that died, `import` said "not committed" of a commit
    it made, and left every task staged as deleted."""
    task = passing(make_task("Test/1"))
    save_and_commit(bank, task, "Draft")
    before = head(bank.root)
    lock = Path(bank.root, git(bank.root, "rev-parse", "--git-path", "index.lock").strip())
    lock.write_text("")
    with pytest.raises(GitError) as refused:
        commit_task(bank, "Test/1", Stage.VALIDATED, "Validated")
    assert str(refused.value).startswith(f"{lock}: another git process is using the ")
    assert str(refused.value).endswith("nothing was committed")
    outcome = import_tasks(bank, [make_task("Test/2")], Path("more.jsonl"))
    assert outcome.sha is None and outcome.not_committed is not None
    assert "index.lock" in outcome.not_committed
    assert head(bank.root) == before
    assert bank.load("Test/1").stage is Stage.DRAFT
    lock.unlink()
    assert git(bank.root, "status", "--porcelain") == "?? Test__2/\n"


def test_the_first_commit_of_a_new_repository(tmp_path: Path) -> None:
    bank = Bank.init(tmp_path / "bank")
    save_and_commit(bank, make_task("Test/1"), "First task")
    assert git(bank.root, "log", "--format=%s").splitlines() == ["First task"]
    assert git(bank.root, "rev-parse", "--abbrev-ref", "HEAD").strip() == "main"
    git(bank.root, "fsck", "--strict", "--no-progress")


def forget_git_identity(monkeypatch: pytest.MonkeyPatch) -> None:
    for role in ("AUTHOR", "COMMITTER"):
        monkeypatch.delenv(f"GIT_{role}_NAME")
        monkeypatch.delenv(f"GIT_{role}_EMAIL")
    monkeypatch.delenv("EMAIL", raising=False)
    # Git must not guess a name from the machine either.
    Path(os.environ["GIT_CONFIG_GLOBAL"]).write_text("[user]\n\tuseConfigOnly = true\n")


def test_a_commit_git_refuses_changes_nothing(
    bank: Bank, run_cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without a git identity, `commit --stage refined` was refused, yet task.json said
    refined and the task's files were staged: the bank showed a stage nobody committed."""
    save_and_commit(bank, make_task("Test/1"), "Add")
    task = bank.load("Test/1")
    task.test += "\n# edited\n"
    save(bank, task)
    before = (bank.task_dir("Test/1") / "task.json").read_bytes()
    status = git(bank.root, "status", "--porcelain")
    assert status == " M Test__1/tests.py\n"
    forget_git_identity(monkeypatch)
    refused = run_cli(
        "--bank",
        bank.root,
        "commit",
        "Test/1",
        "--stage",
        "refined",
        "-m",
        "Try",
        "--annotator",
        "Ada",
    )
    assert refused.returncode == 2
    assert "git does not know who you are" in refused.stderr
    assert (bank.task_dir("Test/1") / "task.json").read_bytes() == before
    assert git(bank.root, "status", "--porcelain") == status
    assert bank.load("Test/1").stage is Stage.DRAFT
    isolate_git(monkeypatch, bank.root.parent / "home")
    committed = run_cli("--bank", bank.root, "commit", "Test/1", "--stage", "refined", "-m", "Go")
    assert committed.returncode == 0, committed.stderr
    assert git(bank.root, "status", "--porcelain") == ""
    assert bank.load("Test/1").stage is Stage.REFINED


def test_cli_import_without_a_git_identity_imports_and_says_why_it_did_not_commit(
    tmp_path: Path, run_cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    forget_git_identity(monkeypatch)
    source = tmp_path / "one.jsonl"
    write_jsonl([make_task("Test/1")], source)
    root = tmp_path / "anonymous"
    result = run_cli("init", root)
    assert result.returncode == 0
    assert "not committed" in result.stderr and "git does not know who you are" in result.stderr
    result = run_cli("--bank", root, "import", source)
    assert result.returncode == 2  # imported, not committed: not a success
    assert "not committed" in result.stderr and "Traceback" not in result.stderr
    assert Bank.open(root).task_ids() == ["Test/1"]
    assert "?? Test__1/" in git(root, "status", "--porcelain")  # nothing staged

    # bank.json stayed uncommitted for good: no command committed it, `sync` pushed the tasks
    # without it, and a clone was "not a curator bank". `init` again commits it.
    remote = tmp_path / "remote.git"
    git(tmp_path, "init", "--quiet", "--bare", str(remote))
    git(root, "remote", "add", "origin", str(remote))
    isolate_git(monkeypatch, tmp_path / "home")
    assert run_cli("--bank", root, "commit", "Test/1", "-m", "Add").returncode == 0
    refused = run_cli("--bank", root, "sync")
    assert refused.returncode == 2
    assert "bank.json is not committed, and a clone without it is no bank" in refused.stderr
    again = run_cli("init", root)
    assert again.returncode == 0, again.stderr
    assert "committed bank.json of bank anonymous" in again.stdout
    assert "bank.json" in git(root, "ls-files")
    assert run_cli("--bank", root, "sync").returncode == 0
    assert "already a curator bank" in run_cli("init", root).stderr


def test_init_refuses_an_empty_directory_argument(tmp_path: Path, run_cli) -> None:
    """`curator init "$DIR"` with DIR unset made the current folder a bank and a repository."""
    here = tmp_path / "here"
    here.mkdir()
    result = run_cli("init", "", cwd=here)
    assert result.returncode == 2 and "empty: name the folder of the new bank" in result.stderr
    assert list(here.iterdir()) == []


@pytest.mark.parametrize(
    ("marker", "command"),
    [("MERGE_HEAD", "merge"), ("rebase-merge", "rebase"), ("CHERRY_PICK_HEAD", "cherry-pick")],
)
def test_an_operation_in_progress_is_named_with_its_own_way_out(tmp_path, marker, command):
    bank = new_bank(tmp_path / "bank")
    save_and_commit(bank, make_task("Test/1"), "Draft task 1")
    path = bank.root / ".git" / marker
    path.mkdir() if marker == "rebase-merge" else path.write_text("0" * 40 + "\n")
    with pytest.raises(GitError, match=f"`git {command} --abort`"):
        commit_task(bank, "Test/1", None, "again")


def test_a_validation_from_another_environment_is_not_committed_as_validated(tmp_path):
    """A fresh clone's results were made elsewhere: `list` calls them stale, and so does the
    gate, until they are made again here."""
    bank = new_bank(tmp_path / "bank")
    task = passing(make_task("Test/1", stage=Stage.REFINED))
    task.validation.environment = "py3.10-0123456789abcdef"
    save(bank, task)
    with pytest.raises(CommitRefused, match="ran in another environment"):
        commit_task(bank, "Test/1", Stage.VALIDATED, "validated elsewhere")
    save(bank, passing(bank.load("Test/1")))
    assert commit_task(bank, "Test/1", Stage.VALIDATED, "validated here").stage is Stage.VALIDATED


def test_a_damaged_git_object_is_named_not_a_traceback(tmp_path, run_cli):
    """`curator diff` ended in GitPython's ValueError when a committed file's object was
    corrupt; the file and the way to find the damage are named (exit 2)."""
    bank = new_bank(tmp_path / "bank")
    save_and_commit(bank, make_task("Test/1"), "Draft task 1")
    sha = git(bank.root, "rev-parse", "HEAD:Test__1/task.py").strip()
    loose = bank.root / ".git" / "objects" / sha[:2] / sha[2:]
    loose.chmod(0o644)
    loose.write_bytes(b"garbage")
    result = run_cli("--bank", bank.root, "diff", "Test/1")
    assert result.returncode == 2, result.stderr
    assert "Test__1/task.py cannot be read from git; the repository is damaged" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_branch_ref_holding_no_commit_is_damage_not_an_empty_history(tmp_path, run_cli):
    """A branch ref file overwritten with garbage read as a branch with no commits: `curator
    log` listed "0 commit(s)" and `commit` spoke of an orphan branch. Both now name the
    damaged ref (exit 2); a branch whose ref is packed (`git pack-refs`) is still read."""
    bank = new_bank(tmp_path / "bank")
    save_and_commit(bank, make_task("Test/1"), "Draft task 1")
    git(bank.root, "pack-refs", "--all")
    assert len(task_log(bank, "Test/1")) == 1
    branch = git(bank.root, "branch", "--show-current").strip()
    (bank.root / ".git" / "refs" / "heads" / branch).write_text("garbage\n")
    for command in (["log", "Test/1"], ["commit", "Test/1", "-m", "more"]):
        result = run_cli("--bank", bank.root, *command)
        assert result.returncode == 2, (command, result.stdout, result.stderr)
        assert f"HEAD (refs/heads/{branch}) cannot be read from git" in result.stderr
        assert "0 commit(s)" not in result.stdout
