"""Releases: export, manifest, changelog between releases, refusals, byte-exact `--from-tag`."""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from gitbanks import ENVIRONMENT, git, head, isolate_git, new_bank, passing, save, save_and_commit

from conftest import UNNAMED_UID, luck_evidence, make_task, run_as_nobody
from curator.bank import MARKER, Bank
from curator.errors import CuratorError, TaskFileError
from curator.flaky.evidence import EVIDENCE_FILE
from curator.gitbank import GitBank, GitError
from curator.history import commit_paths, commit_task, parse_trailers, task_diff
from curator.interchange import exported_tasks, read_jsonl, render_jsonl
from curator.models import FindingWaiver, Flag, Stage, Task, Verdict
from curator.release import (
    CHANGELOG_NAME,
    GZIP_NAME,
    JSONL_NAME,
    MANIFEST_NAME,
    RELEASE_FILES,
    ReleaseRefused,
    build_release,
    export_tagged_release,
)
from curator.release.plan import plan_release
from curator.validation import REPORT_FILE


@pytest.fixture(autouse=True)
def _git(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    isolate_git(monkeypatch, tmp_path / "home")


@pytest.fixture
def bank(tmp_path: Path) -> Bank:
    """Three accepted tasks and one draft, all committed."""
    bank = new_bank(tmp_path / "bank")
    for number in (1, 2, 3):
        task = passing(make_task(f"Test/{number}"), coverage=90.0 + number)
        save_and_commit(bank, task, f"Accept task {number}", Stage.ACCEPTED)
    save_and_commit(bank, make_task("Test/4"), "Draft task 4")
    return bank


def test_a_release_exports_the_accepted_tasks_and_tags_them(bank: Bank) -> None:
    release = build_release(bank, "v0.1")
    out = bank.root / "releases" / "v0.1"
    assert release.out == out
    assert sorted(path.name for path in out.iterdir()) == sorted(RELEASE_FILES)
    exported = read_jsonl(out / JSONL_NAME)
    assert [task.task_id for task in exported] == ["Test/1", "Test/2", "Test/3"]
    assert gzip.decompress((out / GZIP_NAME).read_bytes()) == (out / JSONL_NAME).read_bytes()
    accepted = [bank.load(f"Test/{number}") for number in (1, 2, 3)]
    assert (out / JSONL_NAME).read_text() == render_jsonl(accepted)

    manifest = json.loads((out / MANIFEST_NAME).read_text())
    assert manifest["tag"] == "release/v0.1"
    assert manifest["commit"] == head(bank.root)
    assert manifest["previous_release"] is None
    assert manifest["counts"] == {
        "tasks": 3,
        "added": 3,
        "removed": 0,
        "changed": 0,
        "unchanged": 0,
    }
    for entry in manifest["files"]:
        data = (out / entry["name"]).read_bytes()
        assert entry["sha256"] == hashlib.sha256(data).hexdigest()
        assert entry["size"] == len(data)
    assert manifest["environments"] == {ENVIRONMENT: 3}
    assert manifest["validation"]["tests_total"] == 9
    assert manifest["validation"]["branch_coverage"]["mean"] == 92.0
    assert [task["content_hash"] for task in manifest["tasks"]] == [
        task.content_hash() for task in accepted
    ]

    assert git(bank.root, "cat-file", "-t", "release/v0.1").strip() == "tag"
    assert git(bank.root, "rev-parse", "release/v0.1^{commit}").strip() == head(bank.root)
    changelog = (out / CHANGELOG_NAME).read_text()
    assert "first release" in changelog
    assert "## Added\n\n- `Test/1`\n- `Test/2`\n- `Test/3`\n" in changelog
    # The tag holds the release: its files leave the bank's git status clean.
    assert git(bank.root, "status", "--porcelain", "--untracked-files=all") == ""


def test_the_manifest_names_a_task_whose_coverage_is_luck(bank: Bank) -> None:
    """Test/2's flaky check reached a branch in some runs only: its entry says so, with the
    figures; the others have no such finding."""
    task = bank.load("Test/2")
    marker = bank.root / MARKER  # a check of 4 runs counts here
    settings = json.loads(marker.read_text())
    marker.write_text(json.dumps({**settings, "quality": {"min_flaky_runs": 4}}))
    commit_paths(bank, [MARKER], "Flaky checks of 4 runs count")
    with bank.lock():
        bank.write_sidecar("Test/2", EVIDENCE_FILE, luck_evidence(task))
    commit_task(bank, "Test/2", Stage.ACCEPTED, "Flaky check of task 2")
    build_release(bank, "v0.1")
    manifest = json.loads((bank.root / "releases" / "v0.1" / MANIFEST_NAME).read_text())
    findings = {entry["task_id"]: entry["findings"] for entry in manifest["tasks"]}
    assert findings["Test/1"] == findings["Test/3"] == []
    assert findings["Test/2"] == [
        "coverage-varies: coverage varies between runs (75.00% to 100.00% of branches, over 4 "
        "runs with the baseline's outcomes); reached by chance only: branch 12→14 (missed in 2)"
    ]


def test_the_manifest_names_the_findings_a_reviewer_waived(bank: Bank) -> None:
    """BigCodeBench/147 reaches the network, waived with a reason: its release entry said
    `findings: []`, as if it did not."""
    task = bank.load("Test/3")
    task.waivers = [
        FindingWaiver(
            code="network",
            reason="scans a local subnet",
            who="Rita",
            content_hash=task.content_hash(),
        )
    ]
    save(bank, task)
    commit_task(bank, "Test/3", Stage.ACCEPTED, "Waive the network finding")
    build_release(bank, "v0.1")
    manifest = json.loads((bank.root / "releases" / "v0.1" / MANIFEST_NAME).read_text())
    findings = {entry["task_id"]: entry["findings"] for entry in manifest["tasks"]}
    assert findings["Test/3"] == ["waived network: scans a local subnet (Rita)"]
    assert findings["Test/1"] == []


def test_release_fix_release_gives_a_changelog_of_what_changed(bank: Bank) -> None:
    build_release(bank, "v0.1")
    fixed = bank.load("Test/2")
    fixed.test = fixed.test.replace("top=0", "top=-1")
    save_and_commit(bank, passing(fixed), "Test a negative top", Stage.ACCEPTED, "bob")
    reworded = bank.load("Test/3")
    reworded.instruct_prompt = "Count the words and return the most common."
    save_and_commit(bank, reworded, "Reword the instruction", annotator="carol")
    new = passing(make_task("Test/4"))
    save_and_commit(bank, new, "Accept task 4", Stage.ACCEPTED)
    dropped = bank.load("Test/1")
    save_and_commit(bank, dropped, "Reject task 1", Stage.REJECTED)

    release = build_release(bank, "v0.2")
    changelog = (release.out / CHANGELOG_NAME).read_text()
    assert "since release/v0.1" in changelog
    assert "3 task(s): 1 added, 2 changed, 1 removed, 0 unchanged." in changelog
    added = changelog.split("## Added\n\n")[1].split("\n\n")[0]
    changed = changelog.split("## Changed\n\n")[1].split("\n\n")[0]
    removed = changelog.split("## Removed\n\n")[1].split("\n\n")[0]
    assert added.splitlines()[0] == "- `Test/4`"
    assert changed.splitlines()[0] == "- `Test/2`: tests"
    assert changed.splitlines()[1].endswith(" Test a negative top (bob)")
    assert changed.splitlines()[2] == "- `Test/3`: instruction"
    assert changed.splitlines()[3].endswith(" Reword the instruction (carol)")
    assert removed.splitlines()[0] == "- `Test/1`"
    tag_message = git(bank.root, "tag", "-l", "--format=%(contents)", "release/v0.2")
    assert parse_trailers(tag_message)["Previous-Release"] == "release/v0.1"


def test_from_tag_reproduces_a_release_byte_for_byte(bank: Bank, tmp_path: Path) -> None:
    first = build_release(bank, "v0.1")
    kept = tmp_path / "v0.1-as-released"
    shutil.copytree(first.out, kept)
    changed = bank.load("Test/1")
    changed.canonical_solution = changed.canonical_solution.replace("top <= 0", "top < 1")
    save_and_commit(bank, passing(changed), "Tidy the guard", Stage.ACCEPTED)
    build_release(bank, "v0.2")
    # The work tree moves on: even an uncommitted edit must not leak into the old release.
    (bank.task_dir("Test/2") / "instruction.md").write_text("uncommitted\n")
    shutil.rmtree(first.out)

    again = export_tagged_release(bank, "v0.1", tmp_path / "again")
    for name in RELEASE_FILES:
        subprocess.run(["cmp", kept / name, again.out / name], check=True)
    export_tagged_release(bank, "v0.1")
    for name in RELEASE_FILES:
        assert (bank.root / "releases" / "v0.1" / name).read_bytes() == (kept / name).read_bytes()


def commit_by_hand(bank: Bank, task: Task, message: str) -> None:
    """Commit with git alone, past curator's stage gate, as a careless script might."""
    save(bank, task)
    git(bank.root, "add", "--all", bank.task_dir(task.task_id).name)
    git(bank.root, "commit", "--quiet", "-m", message)


def test_a_broken_draft_does_not_stop_a_release_a_broken_accepted_task_does(
    bank: Bank, tmp_path: Path
) -> None:
    """A draft whose tests.py was deleted stopped every release and `export --stage
    accepted`, named as `commit:path`; its task.json says it is a draft, which no release
    holds. A folder whose stage cannot be read, or an accepted one, still stops them."""
    (bank.task_dir("Test/4") / "tests.py").unlink()
    git(bank.root, "commit", "-qam", "Someone deleted the draft's tests")
    assert [task.task_id for task in exported_tasks(bank, Stage.ACCEPTED)] == [
        "Test/1",
        "Test/2",
        "Test/3",
    ]
    assert plan_release(bank).ready
    release = build_release(bank, "v0.1")
    assert [task.task_id for task in read_jsonl(release.out / JSONL_NAME)] == [
        "Test/1",
        "Test/2",
        "Test/3",
    ]
    with pytest.raises(TaskFileError, match=r"Test__4/tests\.py"):
        exported_tasks(bank)

    (bank.task_dir("Test/3") / "tests.py").unlink()
    git(bank.root, "commit", "-qam", "Someone deleted an accepted task's tests")
    assert list(plan_release(bank).blockers) == ["Test/3 (accepted)"]
    with pytest.raises(ReleaseRefused) as refusal:
        build_release(bank, "v0.2")
    [reason] = refusal.value.problems["Test/3 (accepted)"]
    assert reason.startswith("cannot be read: ") and reason.endswith("tests.py: file is missing")


def test_a_release_refuses_unfit_tasks_naming_each(bank: Bank) -> None:
    stale = bank.load("Test/1")
    stale.test += "# changed after validation\n"
    commit_by_hand(bank, stale, "Edit tests")
    failing = bank.load("Test/2")
    failing.validation.verdict = Verdict.FAIL  # type: ignore[union-attr]
    commit_by_hand(bank, failing, "Record a failure")
    flagged = bank.load("Test/3")
    flagged.flags.append(Flag(test="test_counts", classification="timing"))
    commit_by_hand(bank, flagged, "Flag a test")
    with pytest.raises(ReleaseRefused) as refusal:
        build_release(bank, "v0.1")
    problems = refusal.value.problems
    assert sorted(problems) == ["Test/1", "Test/2", "Test/3"]
    assert "stale" in problems["Test/1"][0]
    assert "verdict: fail" in problems["Test/2"][0]
    assert "unresolved flaky flag" in problems["Test/3"][0]
    assert git(bank.root, "tag", "-l") == ""
    assert not (bank.root / "releases" / "v0.1").exists()


def test_a_release_refuses_uncommitted_changes_of_accepted_tasks_only(bank: Bank) -> None:
    """The release is made from HEAD: a draft changed in the work tree (as `validate --all`
    leaves every task) is not in it and does not stop it; an accepted task changed, or a task
    accepted but not committed, does."""
    (bank.task_dir("Test/2") / "instruction.md").write_text("not committed\n")
    save(bank, make_task("Test/9", stage=Stage.ACCEPTED))
    (bank.task_dir("Test/4") / "instruction.md").write_text("a draft's change\n")
    # How to get past it: "commit or discard them" sent a fresh clone's maintainer round, as
    # discarding the validation made there left the task stale.
    assert plan_release(bank).blockers["Test/2"] == [
        "uncommitted changes: commit them (F8 in the task, or `curator commit Test/2 -m MESSAGE`)"
    ]
    # Each with its changed files: a record of curator's reads otherwise than an edit.
    with pytest.raises(GitError) as refusal:
        build_release(bank, "v0.1")
    assert str(refusal.value).startswith(
        "2 accepted task(s) have uncommitted changes: Test/2 (instruction.md), Test/9 ("
    ), refusal.value
    git(bank.root, "checkout", "--quiet", "--", "Test__2")
    shutil.rmtree(bank.task_dir("Test/9"))
    release = build_release(bank, "v0.1")
    assert [task.task_id for task in read_jsonl(release.out / JSONL_NAME)] == [
        "Test/1",
        "Test/2",
        "Test/3",
    ]


def test_a_refusal_for_uncommitted_changes_names_what_stops_the_release_at_head_too(
    bank: Bank,
) -> None:
    """It said "commit them" alone, of a task whose blockers at HEAD no commit would lift
    (walk 47)."""
    stale = bank.load("Test/3")
    stale.canonical_solution += "\n"
    commit_by_hand(bank, stale, "Touch the solution")
    (bank.task_dir("Test/2") / "instruction.md").write_text("not committed\n")
    with pytest.raises(GitError) as refusal:
        build_release(bank, "v0.1")
    message = str(refusal.value)
    assert message.startswith("1 accepted task(s) have uncommitted changes: Test/2 ("), message
    assert "; and at HEAD: Test/3: its validation is stale" in message, message
    assert git(bank.root, "tag", "-l") == ""


def test_a_release_refuses_uncommitted_settings_that_would_judge_it(bank: Bank, run_cli) -> None:
    """The release exports HEAD, but judged it under the work tree's `bank.json`: a quality bar
    edited and not committed refused every task, against a bar the tag would not hold."""
    marker = bank.root / MARKER
    committed = marker.read_text()
    marker.write_text(json.dumps({**json.loads(committed), "quality": {"min_mutation_score": 90}}))
    assert plan_release(bank).blockers["bank.json"] == [
        "uncommitted changes: a release is judged under the time limit, quality bar and "
        "environment it is tagged with (commit or discard them)"
    ]
    result = run_cli("--bank", bank.root, "release", "v0.1")
    assert result.returncode == 2, result.stdout + result.stderr
    assert (
        "the bank's settings have uncommitted changes: bank.json; a release is judged under the "
        "time limit, quality bar and environment it is tagged with: commit them or discard them"
    ) in " ".join(result.stderr.split())
    assert not (bank.root / "releases").exists()
    (bank.root / "environment").mkdir()
    (bank.root / "environment" / "requirements.txt").write_text("numpy\n")
    marker.write_text(committed)
    with pytest.raises(GitError, match=r"uncommitted changes: environment/requirements.txt;"):
        build_release(bank, "v0.1")
    shutil.rmtree(bank.root / "environment")
    assert build_release(bank, "v0.1").out.is_dir()


def test_a_release_refuses_an_unreadable_task_folder(bank: Bank) -> None:
    (bank.task_dir("Test/4") / "task.json").write_text("[]")
    git(bank.root, "commit", "--quiet", "-am", "Break task 4 by hand")
    with pytest.raises(ReleaseRefused, match=r"Test__4/task\.json"):
        build_release(bank, "v0.1")


@pytest.mark.parametrize("how", ["garbage", "deleted"])
def test_a_release_refuses_a_damaged_validation_report(bank: Bank, how: str) -> None:
    report = bank.task_dir("Test/2") / REPORT_FILE
    if how == "garbage":
        report.write_bytes(b"garbage")
    else:
        report.unlink()
    git(bank.root, "commit", "--quiet", "-am", "Damage a report past curator's commit")
    with pytest.raises(ReleaseRefused) as refusal:
        build_release(bank, "v0.1")
    assert list(refusal.value.problems) == ["Test/2"]
    assert f"Test__2/{REPORT_FILE}" in refusal.value.problems["Test/2"][0]
    assert git(bank.root, "tag", "-l") == ""
    assert not (bank.root / "releases" / "v0.1").exists()


def test_a_release_names_a_garbled_flaky_check(bank: Bank) -> None:
    """A garbled flaky.json read "it has not been checked for flaky tests" (walk 47)."""
    (bank.task_dir("Test/3") / EVIDENCE_FILE).write_bytes(b"garbage{")
    git(bank.root, "commit", "--quiet", "-am", "Damage a flaky check past curator's commit")
    with pytest.raises(ReleaseRefused) as refusal:
        build_release(bank, "v0.1")
    [reason] = refusal.value.problems["Test/3"]
    assert reason.startswith(
        f"{head(bank.root)[:10]}:Test__3/{EVIDENCE_FILE} is not a readable flaky check: "
    )
    assert reason.endswith("(check it again: curator flaky Test/3)")


def test_a_version_is_released_once(bank: Bank) -> None:
    build_release(bank, "v0.1")
    with pytest.raises(CuratorError, match="--from-tag"):
        build_release(bank, "v0.1")
    with pytest.raises(CuratorError, match="no release v9"):
        export_tagged_release(bank, "v9")
    with pytest.raises(CuratorError, match="cannot name a release"):
        build_release(bank, "v0..2")
    # Each was tagged and written: release/HEAD, and a folder named -v, counted from later.
    for odd in ("HEAD", "-v", "latest", "v1/x", "_1"):
        with pytest.raises(CuratorError, match="is not a release version: a version starts"):
            build_release(bank, odd)
    assert git(bank.root, "tag", "-l") == "release/v0.1\n"


def test_a_damaged_release_tag_is_named_never_a_traceback(bank: Bank, tmp_path: Path) -> None:
    """`--from-tag` on a tag pointing at a tree or a blob, or a garbled ref file, raised
    GitPython's ValueError; a tag on a commit without a bank wrote an empty "first release";
    a previous release named by the tag but missing said only "unknown revision"."""
    build_release(bank, "v0.1")
    cases = {
        "a tree": lambda: git(bank.root, "tag", "-f", "release/v0.2", "HEAD^{tree}"),
        "a blob": lambda: git(bank.root, "tag", "-f", "release/v0.2", "HEAD:bank.json"),
        "garbage": lambda: (bank.root / ".git/refs/tags/release/v0.2").write_text("garbage\n"),
    }
    for what, damage in cases.items():
        damage()
        with pytest.raises(CuratorError, match=r"tag release/v0\.2 does not name a commit"):
            export_tagged_release(bank, "v0.2", tmp_path / what)
        assert not (tmp_path / what).exists()
        (bank.root / ".git/refs/tags/release/v0.2").unlink()

    empty_tree = git(bank.root, "hash-object", "-t", "tree", "-w", "/dev/null").strip()
    orphan = git(bank.root, "commit-tree", empty_tree, "-m", "no bank").strip()
    git(bank.root, "tag", "-a", "release/v0.3", "-m", "Release v0.3", orphan)
    with pytest.raises(
        CuratorError, match=r"names commit \w+, which holds no bank \(no bank\.json\)"
    ):
        export_tagged_release(bank, "v0.3", tmp_path / "orphan")

    message = "Release v0.4\n\nPrevious-Release: release/v9.9\n"
    git(bank.root, "tag", "-a", "release/v0.4", "-m", message, "HEAD")
    with pytest.raises(CuratorError) as missing:
        export_tagged_release(bank, "v0.4", tmp_path / "missing")
    assert str(missing.value) == (
        "release/v0.4: its message names Previous-Release: release/v9.9, which is no tag here "
        "(fetch it, or correct the tag's message)"
    )


def test_a_bank_inside_a_project_releases_into_its_own_folder(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    git(project, "init", "--quiet", "--initial-branch=main")
    bank = new_bank(project / "tasks")
    save_and_commit(bank, passing(make_task("Test/1")), "Accept", Stage.ACCEPTED)
    release = build_release(bank, "v1")
    assert release.out == project / "tasks" / "releases" / "v1"
    assert json.loads((release.out / MANIFEST_NAME).read_text())["bank"] == "tasks"
    again = export_tagged_release(bank, "v1", tmp_path / "again")
    for name in RELEASE_FILES:
        assert (again.out / name).read_bytes() == (release.out / name).read_bytes()


def test_cli_release_and_refusal(bank: Bank, run_cli, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_cli("--bank", bank.root, "release", "v0.1", "--out", out)
    assert result.returncode == 0, result.stderr
    assert "released v0.1 (release/v0.1" in result.stdout
    assert sorted(path.name for path in out.iterdir()) == sorted(RELEASE_FILES)
    result = run_cli("--bank", bank.root, "release", "v0.1", "--from-tag", "--out", tmp_path / "b")
    assert result.returncode == 0, result.stderr
    for name in RELEASE_FILES:
        assert (tmp_path / "b" / name).read_bytes() == (out / name).read_bytes()
    assert "note:" not in result.stderr
    again = run_cli("--bank", bank.root, "release", "v0.1.1", "--out", tmp_path / "c")
    assert again.returncode == 0, again.stderr  # allowed (a new name for the same tasks), said
    assert "note: v0.1.1 holds the same tasks as release/v0.1: nothing changed since" in (
        " ".join(again.stderr.split())
    )

    stale = bank.load("Test/3")
    stale.canonical_solution += "\n"
    commit_by_hand(bank, stale, "Touch the solution")
    result = run_cli("--bank", bank.root, "release", "v0.2")
    assert result.returncode == 1
    assert "Test/3: its validation is stale" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_release_is_never_written_among_the_banks_tasks(bank: Bank, tmp_path: Path) -> None:
    """`--out` into a task folder (or the bank's root) would put the release's files into the
    bank's tasks, to be committed with them; below `releases/` or outside, it is written."""
    before = (bank.task_dir("Test/1") / "task.json").read_bytes()
    for out in (bank.task_dir("Test/1"), bank.root):
        with pytest.raises(CuratorError, match="inside the bank"):
            build_release(bank, "v0.1", out=out)
    assert git(bank.root, "tag", "-l") == ""
    assert sorted(path.name for path in bank.task_dir("Test/1").iterdir()) == sorted(
        path.name for path in bank.task_dir("Test/2").iterdir()
    )
    assert (bank.task_dir("Test/1") / "task.json").read_bytes() == before
    # A typo in the path made folders, where `export` refuses: the folder must exist, as there.
    with pytest.raises(CuratorError, match=r"typo/v0.1: the folder .*typo does not exist; create"):
        build_release(bank, "v0.1", out=tmp_path / "typo" / "v0.1")
    assert not (tmp_path / "typo").exists() and git(bank.root, "tag", "-l") == ""
    assert build_release(bank, "v0.1", out=tmp_path / "elsewhere").out == tmp_path / "elsewhere"


def test_a_release_never_replaces_files_that_are_not_its_own(bank: Bank, tmp_path: Path) -> None:
    """`--out` a folder holding a CHANGELOG.md of the user's replaced it without a word (walk
    47); another release's files too. Release VERSION's own are written again (`--from-tag`)."""
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "CHANGELOG.md").write_text("my notes\n")
    with pytest.raises(CuratorError, match=r"mine: holds CHANGELOG.md already \(not a release's"):
        build_release(bank, "v0.1", out=mine)
    assert (mine / "CHANGELOG.md").read_text() == "my notes\n"
    assert sorted(path.name for path in mine.iterdir()) == ["CHANGELOG.md"]
    assert git(bank.root, "tag", "-l") == ""
    out = tmp_path / "out"
    build_release(bank, "v0.1", out=out)
    written = {name: (out / name).read_bytes() for name in RELEASE_FILES}
    with pytest.raises(CuratorError, match=r"\(release v0.1's\), which release v0.1.1 would"):
        build_release(bank, "v0.1.1", out=out)
    assert git(bank.root, "tag", "-l") == "release/v0.1\n"
    export_tagged_release(bank, "v0.1", out)
    assert {name: (out / name).read_bytes() for name in RELEASE_FILES} == written


def test_a_bank_another_user_owns_is_said_to_be_refused_by_git_not_damaged(
    bank: Bank, shared_tmp: Path, unnamed_home: Path, user_python: Path
) -> None:
    """Git refuses a repository another user owns ("dubious ownership"): `release` and `diff`
    called it damaged and sent the user to `git fsck`, which git refuses too (walk 47)."""
    build_release(bank, "v0.1")
    theirs = shared_tmp / "theirs"
    shutil.copytree(bank.root, theirs, symlinks=True)
    subprocess.run(["chmod", "-R", "a+rX", str(theirs)], check=True)
    for args in (["release", "v0.2"], ["diff", "Test/1"], ["log", "Test/1"]):
        command = [str(user_python), "-m", "curator", "--bank", str(theirs), *args]
        refused = run_as_nobody(command, unnamed_home, uid=UNNAMED_UID)
        assert refused.returncode == 2, (args, refused.stdout, refused.stderr)
        message = " ".join(refused.stderr.split())
        assert message == (
            f"error: {theirs}: git refuses this repository: it belongs to uid 0, not to this "
            f"user (uid {UNNAMED_UID}); work in a clone of your own, or trust it with `git "
            f"config --global --add safe.directory {theirs}`"
        ), (args, refused.stderr)
    assert git(theirs, "tag", "-l") == "release/v0.1\n"


def test_a_release_names_a_changed_task_it_cannot_read_as_such_not_as_accepted(
    bank: Bank,
) -> None:
    """A draft whose task.json was broken by hand may be accepted, so it stops the release;
    the refusal says it cannot be read, and why, instead of calling it an accepted task."""
    (bank.task_dir("Test/4") / "task.json").write_text("{ not json")
    (bank.task_dir("Test/2") / "instruction.md").write_text("not committed\n")
    with pytest.raises(GitError) as refusal:
        build_release(bank, "v0.1")
    message = str(refusal.value)
    assert "1 accepted task(s) have uncommitted changes: Test/2 (instruction.md);" in message
    assert "1 task(s) with uncommitted changes cannot be read" in message
    assert "Test/4: " in message and "Test__4/task.json" in message


def test_a_damaged_repository_is_named_not_a_traceback(bank: Bank) -> None:
    """Objects missing from git (a bad copy, a disk error): diff and release say the
    repository is damaged and how to see what is broken; they raised GitPython's ValueError."""
    folder = bank.task_dir("Test/1").name
    tree = git(bank.root, "rev-parse", f"HEAD:{folder}").strip()
    (bank.root / ".git" / "objects" / tree[:2] / tree[2:]).unlink()
    with pytest.raises(GitError, match=r"cannot be read from git; the repository is damaged"):
        task_diff(bank, "Test/1", "HEAD")
    shutil.rmtree(bank.root / ".git" / "objects")
    (bank.root / ".git" / "objects").mkdir()
    with pytest.raises(GitError, match=r"'HEAD' cannot be read from git; the repository"):
        build_release(bank, "v0.1")


def test_changes_outside_the_task_folders_do_not_stop_a_release(bank: Bank) -> None:
    """A folder of notes at the bank's root, changed and not committed, is no task: release
    named it as a task that could not be read ("docs: task.json is missing"), and the bank's
    own folders (environment/) are never tasks."""
    (bank.root / "docs").mkdir()
    (bank.root / "docs" / "notes.md").write_text("what we release\n")
    release = build_release(bank, "v0.1")
    assert [task.task_id for task in read_jsonl(release.out / JSONL_NAME)] == [
        "Test/1",
        "Test/2",
        "Test/3",
    ]
    repository = GitBank(bank)
    assert repository.task_id_of("environment/requirements.txt") is None
    assert repository.task_id_of("Environment/requirements.txt") is None
