"""Collaboration: a bare remote and two clones of one bank, synced with `curator sync`."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from gitbanks import git, head, isolate_git, new_bank, save, save_and_commit

from conftest import make_task
from curator.bank import Bank
from curator.gitbank import GitError
from curator.sync import SyncConflict, sync


@pytest.fixture(autouse=True)
def _git(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    isolate_git(monkeypatch, tmp_path / "home")


@pytest.fixture
def clones(tmp_path: Path) -> tuple[Bank, Bank, Path]:
    """Two annotators' clones of a bank of three tasks, and the bare remote they share."""
    remote = tmp_path / "remote.git"
    git(tmp_path, "init", "--quiet", "--bare", "--initial-branch=main", str(remote))
    first = new_bank(tmp_path / "alice")
    for number in (1, 2, 3):
        save_and_commit(first, make_task(f"Test/{number}"), f"Add task {number}")
    git(first.root, "remote", "add", "origin", str(remote))
    result = sync(first)
    assert result.pushed == 4
    git(tmp_path, "clone", "--quiet", str(remote), str(tmp_path / "bob"))
    return first, Bank.open(tmp_path / "bob"), remote


def edit(bank: Bank, task_id: str, instruction: str, message: str) -> str:
    task = bank.load(task_id)
    task.instruct_prompt = instruction
    return save_and_commit(bank, task, message)


def test_edits_of_different_tasks_sync_cleanly(clones: tuple[Bank, Bank, Path]) -> None:
    alice, bob, remote = clones
    edit(alice, "Test/1", "Alice's wording.", "Reword task 1")
    edit(bob, "Test/2", "Bob's wording.", "Reword task 2")
    assert sync(alice).pushed == 1
    result = sync(bob)
    assert (result.pulled, result.pushed, result.merged) == (1, 2, True)
    assert result.updated_tasks == ["Test/1"]
    result = sync(alice)
    assert (result.pulled, result.pushed) == (2, 0)
    for bank in (alice, bob):
        assert bank.load("Test/1").instruct_prompt == "Alice's wording."
        assert bank.load("Test/2").instruct_prompt == "Bob's wording."
    assert head(alice.root) == head(bob.root) == git(remote, "rev-parse", "main").strip()


def test_the_same_task_on_both_sides_is_a_conflict_and_nothing_is_overwritten(
    clones: tuple[Bank, Bank, Path],
) -> None:
    alice, bob, remote = clones
    edit(alice, "Test/1", "Alice's wording.", "Alice rewords task 1")
    sync(alice)
    remote_before = git(remote, "rev-parse", "main").strip()
    edit(bob, "Test/2", "Bob's wording.", "Bob rewords task 2")
    bob_before = edit(bob, "Test/1", "Bob's wording.", "Bob rewords task 1")

    with pytest.raises(SyncConflict) as conflict:
        sync(bob)
    assert list(conflict.value.tasks) == ["Test/1"]
    message = str(conflict.value)
    assert "Test/1" in message and "Test/2" not in message.split("to resolve")[0]
    assert "Alice rewords task 1" in message and "Bob rewords task 1" in message
    assert head(bob.root) == bob_before
    assert bob.load("Test/1").instruct_prompt == "Bob's wording."
    assert git(bob.root, "status", "--porcelain") == ""
    assert git(remote, "rev-parse", "main").strip() == remote_before


def test_a_task_removed_on_one_side_and_edited_on_the_other_says_how_to_keep_the_removal(
    clones: tuple[Bank, Bank, Path],
) -> None:
    """The advice was `git checkout --theirs -- FOLDER`, which fails for a side that removed
    the task, then to validate and commit a task that no longer is."""
    alice, bob, _ = clones
    git(alice.root, "rm", "-r", "-q", "--", "Test__1")
    git(alice.root, "commit", "-q", "-m", "Remove task 1")
    sync(alice)
    edit(bob, "Test/1", "Bob's wording.", "Bob rewords task 1")
    with pytest.raises(SyncConflict) as conflict:
        sync(bob)
    assert (
        "removed on origin: to keep the removal, `git rm -r -q -- Test__1` in the merge"
    ) in str(conflict.value)
    merged = subprocess.run(
        ["git", "merge", "-q", "origin/main"], cwd=bob.root, capture_output=True, check=False
    )
    assert merged.returncode != 0  # the conflict, as the message said
    git(bob.root, "rm", "-r", "-q", "--", "Test__1")
    git(bob.root, "commit", "-q", "--no-edit")
    assert not bob.task_dir("Test/1").exists()
    assert sync(bob).pushed == 2  # its edit and the merge


def test_edits_of_different_files_of_one_task_still_conflict(
    clones: tuple[Bank, Bank, Path],
) -> None:
    """Git could merge these lines, but the result would be a task nobody validated."""
    alice, bob, _ = clones
    edit(alice, "Test/3", "Alice's wording.", "Alice rewords task 3")
    sync(alice)
    task = bob.load("Test/3")
    task.test = task.test.replace("top=0", "top=-1")
    save_and_commit(bob, task, "Bob changes a test of task 3")
    with pytest.raises(SyncConflict, match="Test/3"):
        sync(bob)
    assert bob.load("Test/3").instruct_prompt != "Alice's wording."


def test_the_same_change_on_both_sides_is_no_conflict(clones: tuple[Bank, Bank, Path]) -> None:
    alice, bob, _ = clones
    edit(alice, "Test/1", "Agreed wording.", "Alice rewords task 1")
    sync(alice)
    edit(bob, "Test/1", "Agreed wording.", "Bob rewords task 1 the same way")
    assert sync(bob).merged


def test_sync_refuses_uncommitted_changes(clones: tuple[Bank, Bank, Path]) -> None:
    alice, _, _ = clones
    (alice.task_dir("Test/1") / "instruction.md").write_text("half done\n")
    with pytest.raises(GitError, match=r"uncommitted change\(s\) in the bank \(Test__1/instr"):
        sync(alice)


def test_a_push_the_remote_refuses_is_not_called_a_race(clones: tuple[Bank, Bank, Path]) -> None:
    """Every failed push ended "origin changed while syncing; run `curator sync` again": a push
    refused for lack of permission sent the user round the same loop."""
    alice, _, remote = clones
    hook = remote / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\necho 'pushes are closed for the release freeze' >&2\nexit 1\n")
    hook.chmod(0o755)
    edit(alice, "Test/1", "Alice's wording.", "Reword task 1")
    with pytest.raises(GitError) as refused:
        sync(alice)
    assert "pushes are closed for the release freeze" in str(refused.value)
    assert "run `curator sync` again" not in str(refused.value)


def test_sync_names_a_missing_remote(clones: tuple[Bank, Bank, Path]) -> None:
    alice, _, _ = clones
    with pytest.raises(GitError, match="no remote 'upstream' \\(remotes: origin\\)"):
        sync(alice, "upstream")


def test_cli_sync_reports_a_conflict_with_exit_1(clones: tuple[Bank, Bank, Path], run_cli) -> None:
    alice, bob, _ = clones
    edit(alice, "Test/2", "Alice's wording.", "Alice rewords task 2")
    assert run_cli("--bank", alice.root, "sync").returncode == 0
    edit(bob, "Test/2", "Bob's wording.", "Bob rewords task 2")
    result = run_cli("--bank", bob.root, "sync")
    assert result.returncode == 1
    assert "conflict" in result.stderr and "Test/2" in result.stderr
    assert "curator diff Test/2 HEAD origin/main" in result.stderr
    assert "Traceback" not in result.stderr
    assert bob.load("Test/2").instruct_prompt == "Bob's wording."

    # The steps the message gives, as given: it said to `curator commit` the settled folder,
    # which curator refuses while the merge is in progress.
    steps = " ".join(result.stderr.split())
    assert "`git checkout --ours -- Test__2` or `--theirs`), `git add` it and `git commit`" in steps
    merge = subprocess.run(["git", "merge", "origin/main"], cwd=bob.root, capture_output=True)
    assert merge.returncode == 1  # the conflict
    git(bob.root, "checkout", "--theirs", "--", "Test__2")
    git(bob.root, "add", "Test__2")
    git(bob.root, "commit", "--quiet", "--no-edit")
    assert bob.load("Test/2").instruct_prompt == "Alice's wording."
    validated = run_cli("--bank", bob.root, "validate", "Test/2")
    assert validated.returncode == 0, validated.stderr
    committed = run_cli("--bank", bob.root, "commit", "Test/2", "-m", "Validate the merge")
    assert committed.returncode == 0, committed.stderr
    assert run_cli("--bank", bob.root, "sync").returncode == 0


def test_cli_sync_pulls_and_pushes(clones: tuple[Bank, Bank, Path], run_cli) -> None:
    alice, bob, _ = clones
    edit(alice, "Test/3", "Alice's wording.", "Alice rewords task 3")
    save(bob, make_task("Test/4"))
    result = run_cli("--bank", bob.root, "sync")
    assert result.returncode == 2
    assert "uncommitted" in result.stderr and "Test__4" in result.stderr
    assert run_cli("--bank", bob.root, "commit", "Test/4", "-m", "Add task 4").returncode == 0
    assert run_cli("--bank", alice.root, "sync").returncode == 0
    result = run_cli("--bank", bob.root, "sync")
    assert result.returncode == 0, result.stderr
    assert "1 commit(s) pulled, 2 pushed" in result.stdout
    assert "updated: Test/3" in result.stdout


def test_a_clash_outside_task_folders_is_aborted_and_named(
    clones: tuple[Bank, Bank, Path],
) -> None:
    alice, bob, _ = clones
    for bank, name in ((alice, "alice's bank"), (bob, "bob's bank")):
        (bank.root / "bank.json").write_text(f'{{"format": 1, "name": "{name}"}}\n')
        git(bank.root, "commit", "--quiet", "-am", f"Rename the bank to {name}")
    sync(alice)
    before = head(bob.root)
    with pytest.raises(SyncConflict) as conflict:
        sync(bob)
    assert conflict.value.paths == ["bank.json"]
    assert "the merge was aborted" in str(conflict.value)
    assert head(bob.root) == before
    assert git(bob.root, "status", "--porcelain") == ""
    assert "bob's bank" in (bob.root / "bank.json").read_text()


def test_release_tags_travel_both_ways_and_a_second_release_of_a_version_is_refused(
    clones: tuple[Bank, Bank, Path],
) -> None:
    """`sync` pushed the branch only: a clone had no release tags, and its next release's
    changelog called the benchmark a first release, every task added."""
    alice, bob, remote = clones
    git(alice.root, "tag", "--annotate", "-m", "Release v1", "release/v1")
    pushed = sync(alice)
    assert pushed.pushed == 0 and pushed.tags_pushed == ["release/v1"]
    assert "refs/tags/release/v1" in git(alice.root, "ls-remote", str(remote))
    pulled = sync(bob)
    assert pulled.tags_pulled == ["release/v1"] and pulled.tags_pushed == []
    assert git(bob.root, "rev-parse", "release/v1^{commit}") == git(
        alice.root, "rev-parse", "release/v1^{commit}"
    )
    # The same version released from both clones: neither side's tag is replaced.
    edit(bob, "Test/1", "Bob's wording.", "Reword 1")
    git(bob.root, "tag", "--annotate", "-m", "Release v2", "release/v2")
    git(alice.root, "tag", "--annotate", "-m", "Release v2", "release/v2")
    sync(bob)
    with pytest.raises(GitError) as clash:
        sync(alice)
    assert (
        "release tag release/v2 differs here and on origin: the same version was released from "
        "two clones; keep one (`git tag -d release/v2` here, or delete it there), sync again, "
        "then `curator release v2 --from-tag` writes its files as tagged"
    ) in str(clash.value)
    assert git(alice.root, "rev-parse", "release/v2^{commit}") == git(
        alice.root, "rev-parse", "HEAD"
    )
