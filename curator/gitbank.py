"""The bank's git repository, seen from the bank: paths, state checks, past trees.

A bank is a directory inside a git repository, not necessarily its top (the demo bank lives in
`tasks/` of the project). Everything here speaks in paths relative to the repository's top, so
that commits touch only `<bank>/<task folder>`, and turns every git failure into a
`CuratorError` that says what to do.
"""

from __future__ import annotations

import errno
import io
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path, PurePosixPath

import git
from gitdb import IStream, LooseObjectDB
from gitdb.exc import BadName, BadObject

from curator.bank import (
    MARKER,
    META_FILE,
    PRIVATE_DIR,
    PROGRAM_FILE,
    RELEASES_DIR,
    RESERVED_FOLDERS,
    TASK_FILES,
    Bank,
    BankScan,
    folder_name,
    folder_name_is_valid,
    load_task_dir,
    task_id_from_folder,
    task_sort_key,
)
from curator.errors import CuratorError, TaskFileError
from curator.models import Task

RELEASE_TAG_PREFIX = "release/"
TREE_MODE = 0o40000
# How long a commit waits for another git process to let go of the index (a shell prompt's
# `git status` holds it for milliseconds; a lock older than this is likely stale).
INDEX_LOCK_WAIT_S = 2.0

_Entry = tuple[int, bytes]  # (mode, binary sha)
_Tree = tuple[bytes, dict[bytes, _Entry]]  # (binary sha, entries by name)
# A path's change: a dict descends into a folder; a list replaces the path with staged files.
_Trie = dict[bytes, "_Trie | list[tuple[tuple[bytes, ...], int, bytes]]"]


class GitError(CuratorError):
    """A git operation failed, or the repository is not in a state to do it."""


def release_tag(version: str) -> str:
    """Releases are annotated tags `release/VERSION`, apart from any tags of the project."""
    return f"{RELEASE_TAG_PREFIX}{version}"


def refuse_foreign_repository(top: Path) -> None:
    """Git refuses a repository another user owns ("dubious ownership"), unless told to trust
    it: said so at once, where it was said as a damaged repository, or a tag naming no commit
    (walk 47). Git is asked only when the owner is another."""
    try:
        owner = top.stat().st_uid
    except OSError:
        return
    if owner == os.geteuid():
        return
    probe = subprocess.run(
        ["git", "rev-parse", "--git-dir"], cwd=top, capture_output=True, text=True, check=False
    )
    if probe.returncode != 0 and "dubious ownership" in probe.stderr:
        raise GitError(
            f"{top}: git refuses this repository: it belongs to uid {owner}, not to this user "
            f"(uid {os.geteuid()}); work in a clone of your own, or trust it with "
            f"`git config --global --add safe.directory {top}`"
        )


class GitBank:
    """A bank together with the repository that holds it."""

    def __init__(self, bank: Bank) -> None:
        self.bank = bank
        self.repo = bank.repo()
        if self.repo.bare or self.repo.working_tree_dir is None:
            raise GitError(f"{bank.root}: the repository has no working tree")
        self.top = Path(self.repo.working_tree_dir).resolve()
        refuse_foreign_repository(self.top)
        relative = bank.root.relative_to(self.top).as_posix()
        self.prefix = "" if relative == "." else relative
        self._loose: LooseObjectDB | None = None

    # -- paths -------------------------------------------------------------------------------

    def repo_path(self, path: Path) -> str:
        """A path under the bank as git names it: relative to the top, with `/`."""
        return Path(path).resolve().relative_to(self.top).as_posix()

    def task_path(self, task_id: str) -> str:
        """The task's folder as git names it; a folder that is a link (to outside the bank,
        where no path of the repository leads) is named as every command names it."""
        return self.repo_path(self.bank.real_task_dir(task_id))

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
        if folder.lower() in RESERVED_FOLDERS or not folder_name_is_valid(folder):
            return None
        return task_id_from_folder(folder)

    # -- running git -------------------------------------------------------------------------

    def run(self, *args: str, index: Path | None = None) -> str:
        """Run one git command at the repository's top; failures become a `GitError`.

        Paths are literal: a `*` or `[` in a bank's folder name is no pattern. `index`: an
        index file to use instead of the repository's (`locked_index`).
        """
        environment = {"GIT_INDEX_FILE": str(index)} if index is not None else None
        try:
            return self.repo.git.execute(
                ["git", "--literal-pathspecs", *args],
                strip_newline_in_stdout=False,
                env=environment,
            )
        except git.GitCommandError as error:
            raise GitError(describe_git_failure(args, error, self.top)) from error

    def knows_committer(self) -> bool:
        """Whether git can name the author of a commit here (user.name and user.email, or
        the GIT_* variables): without them every commit is refused."""
        try:
            self.run("var", "GIT_COMMITTER_IDENT")
        except GitError:
            return False
        return True

    def set_identity(self, name: str, email: str) -> None:
        """Name the author of this repository's commits, in its own config (`.git/config`)."""
        self.run("config", "user.name", name)
        self.run("config", "user.email", email)

    @cached_property
    def index_path(self) -> Path:
        """The index file (asked of git once: each call runs a process)."""
        return Path(self.top, self.run("rev-parse", "--git-path", "index").strip())

    @contextmanager
    def locked_index(self) -> Iterator[Path]:
        """The repository's index, locked as git locks it (`index.lock`, made exclusively),
        and a copy of it to stage in, taken under the lock: yields the copy's path. Whoever
        uses the copy replaces the index with it (`os.replace`) before the lock is let go;
        else the index stays as it was. A lock held by another git process for a moment (a
        shell prompt's `git status`) is waited for; one held longer is named, before anything
        is committed."""
        real = self.index_path
        lock = real.with_name(real.name + ".lock")
        waited = 0.0
        while True:
            try:
                os.close(os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644))
                break
            except FileExistsError:
                if waited >= INDEX_LOCK_WAIT_S:
                    raise GitError(
                        f"{lock}: another git process is using the repository's index (or one "
                        "that ended left this file behind: remove it if no git command runs); "
                        "nothing was committed"
                    ) from None
                time.sleep(0.02)
                waited += 0.02
        handle, name = tempfile.mkstemp(prefix="curator-index-", dir=real.parent)
        os.close(handle)
        scratch = Path(name)
        try:
            if real.is_file():
                shutil.copyfile(real, scratch)
                shutil.copymode(real, scratch)  # it becomes the index: as git left it
            else:
                scratch.unlink()  # git makes the file; an empty one is no index to it
            yield scratch
        finally:
            scratch.unlink(missing_ok=True)
            lock.unlink(missing_ok=True)

    # -- state -------------------------------------------------------------------------------

    def has_commits(self) -> bool:
        return self.head_sha() is not None

    def head_sha(self) -> str | None:
        """HEAD's commit, read from the ref files alone (no git process); None before any (a
        branch not yet born). A branch whose ref holds no commit id is damage, not an empty
        history: said so, or the bank's history would read as empty."""
        try:
            return git.SymbolicReference.dereference_recursive(self.repo, "HEAD")
        except ValueError as error:
            if self._branch_unborn():
                return None
            raise self.damaged(f"HEAD ({self.repo.head.reference.path})") from error

    def _branch_unborn(self) -> bool:
        """HEAD names a branch that has no ref yet, loose or packed (a repository's first
        commit is still to come)."""
        if self.repo.head.is_detached:
            return False
        name = self.repo.head.reference.path
        common = Path(self.repo.common_dir)
        if (common / name).exists():
            return False
        try:
            packed = (common / "packed-refs").read_text(errors="replace").splitlines()
        except FileNotFoundError:
            return True
        return not any(line.partition(" ")[2] == name for line in packed)

    def branch(self) -> str:
        """The checked-out branch; a detached HEAD, a merge in progress, a HEAD that names no
        branch, or a branch with no commits in a repository that has some (an orphan branch:
        a commit there would hold the one task alone) is refused."""
        git_dir = Path(self.repo.git_dir)
        for marker, what, command in (
            ("MERGE_HEAD", "a merge", "merge"),
            ("rebase-merge", "a rebase", "rebase"),
            ("rebase-apply", "a rebase", "rebase"),
            ("CHERRY_PICK_HEAD", "a cherry-pick", "cherry-pick"),
        ):
            if (git_dir / marker).exists():
                raise GitError(
                    f"{self.top}: {what} is in progress; finish it or abort it "
                    f"(`git {command} --continue` or `git {command} --abort`) first"
                )
        if self.repo.head.is_detached:
            raise GitError(
                f"{self.top}: HEAD is detached (at {self.repo.head.commit.hexsha[:10]}); "
                f"check out a branch first, e.g. `git switch {self.likely_branch()}`"
            )
        reference = self.repo.head.reference.path
        if not reference.startswith("refs/heads/"):
            raise GitError(
                f"{self.top}: HEAD names {reference}, not a branch; check out a branch first, "
                f"e.g. `git switch {self.likely_branch()}`"
            )
        if self.head_sha() is None and self.repo.refs:
            raise GitError(
                f"{self.top}: the branch {reference.removeprefix('refs/heads/')} has no commits, "
                "but the repository has: a commit here would hold this one task alone; check "
                f"out the bank's branch first, e.g. `git switch {self.likely_branch()}`"
            )
        return self.repo.active_branch.name

    def likely_branch(self) -> str:
        """The branch to suggest checking out: main, else master (an older git's default),
        else the first there is."""
        names = [head.name for head in self.repo.heads]
        return ([name for name in ("main", "master") if name in names] or names or ["main"])[0]

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

    def marker_uncommitted(self) -> bool:
        """Whether `bank.json` differs from HEAD (never committed: `init` ran while git knew
        no identity). A clone of such a bank is no bank: `sync` refuses, `init` commits it."""
        return bool(self.status(self.in_bank(MARKER)))

    def changed_paths(self, pathspec: str | None = None) -> list[str]:
        return [path for _, path in self.status(pathspec)]

    def changed_tasks(self) -> list[str]:
        """Tasks whose folders hold uncommitted changes (new folders included)."""
        ids = {self.task_id_of(path) for path in self.changed_paths()}
        return sorted(filter(None, ids), key=task_sort_key)

    # -- committing --------------------------------------------------------------------------

    def commit_paths(self, paths: list[str], message: str) -> str | None:
        """Commit the work-tree state of exactly `paths` (relative to the top) on top of HEAD.

        Everything else stays as it is, other staged changes included. Built with plumbing
        (the new trees are written from HEAD's, not from the whole index), which keeps a
        commit fast in a bank of many thousand tasks; git hooks do not run. Staged in a copy
        of the index, under its lock (`locked_index`): a commit git refuses (no identity, a
        branch that moved) leaves the index as it was; once committed, the index holds `paths`
        as committed. Returns the new commit, or None when the paths match HEAD already.
        """
        with self.locked_index() as index:
            self.run("add", "--all", "--", *paths, index=index)
            listing = self.run("ls-files", "--stage", "-z", "--", *paths, index=index)
            sha = self._commit_staged(paths, listing, message, index)
        return sha

    def _commit_staged(
        self, paths: list[str], listing: str, message: str, staged_index: Path
    ) -> str | None:
        """Commit the files `ls-files --stage` listed for `paths` on top of HEAD; the index
        becomes `staged_index` (`locked_index`'s copy, which staged them).

        The index is put in place before the branch moves, and put back if the branch cannot
        move: interrupted in between, the index holds what was to be committed, staged, never
        a revert of a commit made. (A `git reset` after the commit failed when another git
        process held the lock, and an interrupt there left an index that undid the commit,
        which the next plain `git commit` recorded.)"""
        staged: list[tuple[str, int, bytes]] = []
        for line in filter(None, listing.split("\0")):
            info, path = line.split("\t", 1)
            mode, sha, stage = info.split()
            if stage != "0":
                raise GitError(f"{self.top}: {path} has unresolved merge conflicts")
            staged.append((path, int(mode, 8), bytes.fromhex(sha)))
        parent = self.head_sha()
        changes = _path_trie(paths, staged)
        base = self._read_trees(parent, _trie_folders(changes)) if parent else {}
        old_root = base[""][0] if "" in base else None
        new_root = self._rewrite_tree(base, "", changes) or self._store_tree({})
        if new_root == old_root:
            return None
        arguments = ["commit-tree", new_root.hex(), "-m", message.rstrip("\n") + "\n"]
        if parent is not None:
            arguments += ["-p", parent]
        sha = self.run(*arguments).strip()
        subject = message.strip().splitlines()[0]
        expected = parent or ""  # the branch must not have moved meanwhile ("": not exist)
        real = self.index_path
        kept = real.with_name(staged_index.name + ".before")
        if real.is_file():
            shutil.copy2(real, kept)
        try:
            os.replace(staged_index, real)
            self.run("update-ref", "-m", f"commit: {subject}", "HEAD", sha, expected)
        except BaseException:
            if self.head_sha() != sha:  # (an interrupt may come once the branch has moved)
                if kept.is_file():
                    os.replace(kept, real)
                else:
                    real.unlink(missing_ok=True)
            raise
        finally:
            kept.unlink(missing_ok=True)
        return sha

    def _rewrite_tree(self, base: dict[str, _Tree], folder: str, node: _Trie) -> bytes | None:
        """Write `folder` of HEAD with the changes of `node`; None for a folder left empty."""
        entries = dict(base[folder][1]) if folder in base else {}
        for name, change in node.items():
            if isinstance(change, dict):
                written = self._rewrite_tree(base, _join(folder, name.decode()), change)
                entry = (TREE_MODE, written) if written else None
            else:
                entry = self._build_entry(change)
            if entry is None:
                entries.pop(name, None)
            else:
                entries[name] = entry
        return self._store_tree(entries) if entries else None

    def _build_entry(self, files: list[tuple[tuple[bytes, ...], int, bytes]]) -> _Entry | None:
        """The tree entry for a replaced path: its staged files below it (a file: itself)."""
        if not files:
            return None
        if len(files) == 1 and not files[0][0]:
            return files[0][1], files[0][2]
        groups: dict[bytes, list[tuple[tuple[bytes, ...], int, bytes]]] = {}
        for parts, mode, sha in files:
            groups.setdefault(parts[0], []).append((parts[1:], mode, sha))
        entries = {name: self._build_entry(group) for name, group in groups.items()}
        return TREE_MODE, self._store_tree({k: v for k, v in entries.items() if v})

    def _read_trees(self, commit: str, folders: list[str]) -> dict[str, _Tree]:
        """The trees of `folders` (relative to the top, "" for the top) in `commit`."""
        names = [f"{commit}:{folder}" if folder else f"{commit}^{{tree}}" for folder in folders]
        trees = {}
        for folder, found in zip(folders, self.read_objects(names), strict=True):
            if found is not None and found[1] == "tree":
                sha = bytes.fromhex(found[0])
                trees[folder] = (sha, _parse_tree(found[2], len(sha)))
        return trees

    def read_objects(self, names: list[str]) -> list[tuple[str, str, bytes] | None]:
        """(sha, type, content) of each named object, None where missing; one git call."""
        batch = subprocess.run(
            ["git", "cat-file", "--batch"],
            input="".join(f"{name}\n" for name in names).encode(),
            capture_output=True,
            cwd=self.top,
            check=False,
        )
        if batch.returncode != 0:
            raise GitError(f"{self.top}: `git cat-file` failed: {batch.stderr.decode().strip()}")
        output = batch.stdout
        found: list[tuple[str, str, bytes] | None] = []
        position = 0
        for _ in names:
            header_end = output.index(b"\n", position)
            header = output[position:header_end].split()
            position = header_end + 1
            if header[-1] in (b"missing", b"ambiguous"):  # "<name> missing"; names may hold spaces
                found.append(None)
                continue
            size = int(header[2])
            found.append(
                (header[0].decode(), header[1].decode(), output[position : position + size])
            )
            position += size + 1
        return found

    def _store_tree(self, entries: dict[bytes, _Entry]) -> bytes:
        def order(name: bytes) -> bytes:  # git sorts a subtree as if its name ended in "/"
            return name + b"/" if entries[name][0] == TREE_MODE else name

        data = b"".join(
            b"%o %s\0%s" % (entries[name][0], name, entries[name][1])
            for name in sorted(entries, key=order)
        )
        if self._loose is None:
            self._loose = LooseObjectDB(os.path.join(self.repo.common_dir, "objects"))
        stored: bytes = self._loose.store(IStream(b"tree", len(data), io.BytesIO(data))).binsha
        return stored

    # -- revisions ---------------------------------------------------------------------------

    def commit(self, rev: str) -> git.Commit:
        try:
            commit = self.repo.commit(rev)
            commit.tree  # noqa: B018 (reads the commit object, which may be missing)
        except (BadName, BadObject, git.GitCommandError) as error:
            raise GitError(f"{self.top}: unknown revision {rev!r}") from error
        except ValueError as error:  # named, but git cannot read it: missing or corrupt
            raise self.damaged(repr(rev)) from error
        return commit

    def damaged(self, what: str) -> GitError:
        """What to say of an object git cannot read (missing or corrupt)."""
        return GitError(
            f"{self.top}: {what} cannot be read from git; the repository is damaged "
            "(`git fsck` names what is broken)"
        )

    def file_at(self, commit: git.Commit, repo_path: str) -> bytes | None:
        """A file's bytes in a commit's tree, or None where the commit has no such file."""
        try:
            blob = commit.tree / repo_path
            if blob.type != "blob":
                return None
            data: bytes = blob.data_stream.read()
        except KeyError:
            return None
        except ValueError as error:  # git could not read an object: missing or corrupt
            raise self.damaged(f"{commit.hexsha[:10]}:{repo_path}") from error
        return data

    def tag(self, name: str) -> git.TagReference | None:
        try:
            reference = self.repo.tags[name]
        except IndexError:
            return None
        return reference

    def tagged_commit(self, reference: git.TagReference) -> git.Commit:
        """The commit a tag names: one on a tree or a blob, or a garbled ref file, is named
        (GitPython raised a bare ValueError)."""
        try:
            commit = reference.commit
        except ValueError as error:
            raise GitError(
                f"{self.top}: tag {reference.name} does not name a commit ({error})"
            ) from error
        if self.file_at(commit, self.in_bank(MARKER)) is None:
            raise GitError(
                f"{self.top}: tag {reference.name} names commit {commit.hexsha[:10]}, which "
                f"holds no bank (no {self.in_bank(MARKER)})"
            )
        return commit

    def scan_at(self, commit: git.Commit) -> BankScan:
        """The bank's tasks as they were in `commit`, read from its tree, never the work tree.

        Each folder is read by the same `load_task_dir` as the work tree, through `TreeFolder`.
        """
        files = self.task_files_at(commit)
        folders = {
            path.partition("/")[0]
            for path in files
            if path.endswith((f"/{META_FILE}", f"/{PROGRAM_FILE}"))
        }
        label = commit.hexsha[:10]
        scan = BankScan()
        for folder in sorted(folders, key=_folder_order):
            try:
                scan.tasks.append(load_task_dir(TreeFolder(files, label, folder)))  # type: ignore[arg-type]
            except TaskFileError as problem:
                scan.problems.append(problem)
        return scan

    def committed_task(self, task_id: str) -> Task | None:
        """The task as HEAD holds it; None where HEAD has no such task, or it cannot be read."""
        if self.head_sha() is None:
            return None
        commit = self.commit("HEAD")
        folder = folder_name(task_id)
        files = {
            f"{folder}/{name}": data
            for name in TASK_FILES
            if (data := self.file_at(commit, self.in_bank(f"{folder}/{name}"))) is not None
        }
        try:
            return load_task_dir(TreeFolder(files, commit.hexsha[:10], folder))  # type: ignore[arg-type]
        except TaskFileError:
            return None

    def task_files_at(self, commit: git.Commit) -> dict[str, bytes]:
        """The files directly inside the task folders of `commit`, by path within the bank.

        Two git calls whatever the bank's size: a recursive listing, then one batch read.
        """
        listing = self.run("ls-tree", "-r", "-z", commit.hexsha, "--", self.prefix or ".")
        wanted: dict[str, str] = {}
        skip = len(self.prefix) + 1 if self.prefix else 0
        for entry in filter(None, listing.split("\0")):
            info, path = entry.split("\t", 1)
            _, kind, sha = info.split()
            parts = path[skip:].split("/")
            if kind != "blob" or len(parts) != 2 or parts[0] in (RELEASES_DIR, PRIVATE_DIR):
                continue
            if parts[0].startswith("."):
                continue
            wanted[path[skip:]] = sha
        contents = self.read_objects(list(wanted.values()))
        return {path: found[2] for path, found in zip(wanted, contents, strict=True) if found}


def _folder_order(name: str) -> tuple[str, int, str]:
    return task_sort_key(task_id_from_folder(name) if folder_name_is_valid(name) else name)


class TreeFolder:
    """A task folder of a commit, read through the few `Path` methods `load_task_dir` uses."""

    def __init__(self, files: dict[str, bytes], label: str, path: str) -> None:
        self.files = files
        self.label = label
        self.path = path

    @property
    def name(self) -> str:
        return PurePosixPath(self.path).name

    def __truediv__(self, name: str) -> TreeFolder:
        return TreeFolder(self.files, self.label, f"{self.path}/{name}")

    def is_file(self) -> bool:
        return self.path in self.files

    def read_bytes(self) -> bytes:
        if self.path not in self.files:
            raise FileNotFoundError(errno.ENOENT, "no such file", str(self))
        return self.files[self.path]

    def __str__(self) -> str:
        return f"{self.label}:{self.path}"

    def __fspath__(self) -> str:
        return str(self)


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


def _path_trie(paths: list[str], staged: list[tuple[str, int, bytes]]) -> _Trie:
    """Nest the committed paths by component; each ends in the staged files under it."""
    root: _Trie = {}
    replaced: dict[tuple[bytes, ...], list[tuple[tuple[bytes, ...], int, bytes]]] = {}
    for path in sorted(set(paths), key=len):
        parts = tuple(part.encode() for part in PurePosixPath(path).parts)
        if any(parts[:depth] in replaced for depth in range(1, len(parts))):
            continue  # inside a path already replaced whole
        node = root
        for part in parts[:-1]:
            node = node.setdefault(part, {})  # type: ignore[assignment]  # a folder, see above
        files: list[tuple[tuple[bytes, ...], int, bytes]] = []
        node[parts[-1]] = files
        replaced[parts] = files
    for path, mode, sha in staged:
        parts = tuple(part.encode() for part in PurePosixPath(path).parts)
        for depth in range(len(parts), 0, -1):
            if parts[:depth] in replaced:
                replaced[parts[:depth]].append((parts[depth:], mode, sha))
                break
    return root


def _trie_folders(node: _Trie, folder: str = "") -> list[str]:
    """The folders a change descends through, the top ("") first: the trees to read."""
    folders = [folder]
    for name, change in node.items():
        if isinstance(change, dict):
            folders += _trie_folders(change, _join(folder, name.decode()))
    return folders


def _join(folder: str, name: str) -> str:
    return f"{folder}/{name}" if folder else name


def _parse_tree(data: bytes, hash_size: int) -> dict[bytes, _Entry]:
    """A tree object's entries: `<mode> <name>\\0<binary sha>` one after another."""
    entries = {}
    index = 0
    while index < len(data):
        space = data.index(b" ", index)
        end = data.index(b"\0", space)
        sha = data[end + 1 : end + 1 + hash_size]
        entries[data[space + 1 : end]] = (int(data[index:space], 8), sha)
        index = end + 1 + hash_size
    return entries
