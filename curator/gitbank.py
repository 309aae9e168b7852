"""The bank's git repository, seen from the bank: paths, state checks, past trees.

A bank is a directory inside a git repository, not necessarily its top (the demo bank lives in
`tasks/` of the project). Everything here speaks in paths relative to the repository's top, so
that commits touch only `<bank>/<task folder>`, and turns every git failure into a
`CuratorError` that says what to do.
"""

from __future__ import annotations

import io
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

import git
from gitdb.exc import BadName, BadObject

from curator.bank import (
    PRIVATE_DIR,
    RELEASES_DIR,
    Bank,
    folder_name_is_valid,
    task_id_from_folder,
    task_sort_key,
)
from curator.errors import CuratorError

RELEASE_TAG_PREFIX = "release/"


class GitError(CuratorError):
    """A git operation failed, or the repository is not in a state to do it."""


def release_tag(version: str) -> str:
    """Releases are annotated tags `release/VERSION`, apart from any tags of the project."""
    return f"{RELEASE_TAG_PREFIX}{version}"


class GitBank:
    """A bank together with the repository that holds it."""

    def __init__(self, bank: Bank) -> None:
        self.bank = bank
        self.repo = bank.repo()
        if self.repo.bare or self.repo.working_tree_dir is None:
            raise GitError(f"{bank.root}: the repository has no working tree")
        self.top = Path(self.repo.working_tree_dir).resolve()
        relative = bank.root.relative_to(self.top).as_posix()
        self.prefix = "" if relative == "." else relative

    # -- paths -------------------------------------------------------------------------------

    def repo_path(self, path: Path) -> str:
        """A path under the bank as git names it: relative to the top, with `/`."""
        return Path(path).resolve().relative_to(self.top).as_posix()

    def task_path(self, task_id: str) -> str:
        return self.repo_path(self.bank.task_dir(task_id))

    def in_bank(self, name: str) -> str:
        """A path relative to the bank, as a path relative to the repository's top."""
        return f"{self.prefix}/{name}" if self.prefix else name

    def task_id_of(self, repo_path: str) -> str | None:
        """The task whose folder holds `repo_path`, or None for any other path."""
        parts = PurePosixPath(repo_path).parts
        depth = len(PurePosixPath(self.prefix).parts) if self.prefix else 0
        if len(parts) < depth + 2 or (self.prefix and "/".join(parts[:depth]) != self.prefix):
            return None
        folder = parts[depth]
        if folder in (RELEASES_DIR, PRIVATE_DIR) or not folder_name_is_valid(folder):
            return None
        return task_id_from_folder(folder)

    # -- running git -------------------------------------------------------------------------

    def run(self, *args: str) -> str:
        """Run one git command at the repository's top; failures become a `GitError`."""
        try:
            return self.repo.git.execute(["git", *args], strip_newline_in_stdout=False)
        except git.GitCommandError as error:
            raise GitError(describe_git_failure(args, error, self.top)) from error

    def run_bytes(self, *args: str) -> bytes:
        try:
            return self.repo.git.execute(["git", *args], stdout_as_string=False)
        except git.GitCommandError as error:
            raise GitError(describe_git_failure(args, error, self.top)) from error

    # -- state -------------------------------------------------------------------------------

    def has_commits(self) -> bool:
        return self.repo.head.is_valid()

    def branch(self) -> str:
        """The checked-out branch; a detached HEAD or a merge in progress is refused."""
        if self.repo.head.is_detached:
            raise GitError(
                f"{self.top}: HEAD is detached (at {self.repo.head.commit.hexsha[:10]}); "
                "check out a branch first, e.g. `git switch main`"
            )
        git_dir = Path(self.repo.git_dir)
        for marker, what in (
            ("MERGE_HEAD", "a merge"),
            ("rebase-merge", "a rebase"),
            ("rebase-apply", "a rebase"),
            ("CHERRY_PICK_HEAD", "a cherry-pick"),
        ):
            if (git_dir / marker).exists():
                raise GitError(
                    f"{self.top}: {what} is in progress; finish it or abort it "
                    "(e.g. `git merge --abort`) first"
                )
        return self.repo.active_branch.name

    def status(self, pathspec: str | None = None) -> list[tuple[str, str]]:
        """(two-letter status, path) of every path under the bank (or `pathspec`) that differs
        from HEAD, untracked ones included (`??`)."""
        spec = pathspec if pathspec is not None else (self.prefix or ".")
        output = self.run("status", "--porcelain=v1", "-z", "--untracked-files=all", "--", spec)
        entries = iter(output.split("\0"))
        found = []
        for entry in entries:
            if len(entry) < 4:
                continue
            found.append((entry[:2], entry[3:]))
            if entry[0] in "RC":  # a rename names its source in the next field
                next(entries, None)
        return found

    def changed_paths(self, pathspec: str | None = None) -> list[str]:
        return [path for _, path in self.status(pathspec)]

    def changed_tasks(self) -> list[str]:
        """Tasks whose folders hold uncommitted changes (new folders included)."""
        ids = {self.task_id_of(path) for path in self.changed_paths()}
        ids.discard(None)
        return sorted(ids, key=task_sort_key)  # type: ignore[arg-type]

    # -- revisions ---------------------------------------------------------------------------

    def commit(self, rev: str) -> git.Commit:
        try:
            return self.repo.commit(rev)
        except (BadName, BadObject, ValueError, git.GitCommandError) as error:
            raise GitError(f"{self.top}: unknown revision {rev!r}") from error

    def file_at(self, commit: git.Commit, repo_path: str) -> bytes | None:
        """A file's bytes in a commit's tree, or None where the commit has no such file."""
        try:
            blob = commit.tree / repo_path
        except KeyError:
            return None
        if blob.type != "blob":
            return None
        return blob.data_stream.read()

    def tag(self, name: str) -> git.TagReference | None:
        try:
            reference = self.repo.tags[name]
        except IndexError:
            return None
        return reference

    @contextmanager
    def bank_at(self, commit: git.Commit) -> Iterator[Bank]:
        """The bank as it was in `commit`, read from its tree (never from the work tree)."""
        treeish = f"{commit.hexsha}:{self.prefix}" if self.prefix else commit.hexsha
        archive = self.run_bytes("archive", "--format=tar", treeish)
        with tempfile.TemporaryDirectory(prefix="curator-tree-") as directory:
            with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
                tar.extractall(directory, filter="data")
            yield Bank(Path(directory))


def describe_git_failure(args: tuple[str, ...], error: git.GitCommandError, top: Path) -> str:
    stderr = str(error.stderr or "").strip().removeprefix("stderr:").strip(" '\n")
    stdout = str(error.stdout or "").strip().removeprefix("stdout:").strip(" '\n")
    detail = stderr or stdout or f"exit status {error.status}"
    if "tell me who you are" in detail or "empty ident" in detail:
        return (
            f"{top}: git does not know who you are; set `git config user.name NAME` and "
            "`git config user.email EMAIL` (or GIT_AUTHOR_NAME/GIT_COMMITTER_NAME and *_EMAIL)"
        )
    lines = [line.strip() for line in detail.splitlines() if line.strip()]
    return f"{top}: `git {args[0]}` failed: " + " / ".join(lines[:6])
