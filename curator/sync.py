"""Collaboration: bring a clone of the bank up to date with a remote and share its commits.

Annotators work on clones of one bank. `sync` fetches, merges and pushes. Edits of different
tasks merge without a question; a task changed on both sides since the clones last met is a
conflict even where git could merge its lines, because two half-edits of one task make a task
nobody validated. Then nothing is merged, nothing is pushed, nothing is overwritten, and the
report names each such task with the commits on both sides.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass, field
from pathlib import Path

from curator.bank import MARKER, Bank, folder_name, task_sort_key
from curator.errors import CuratorError
from curator.gitbank import RELEASE_TAG_PREFIX, GitBank, GitError


class SyncConflict(CuratorError):
    """Both sides changed the same tasks (or git could not merge other files)."""

    def __init__(
        self,
        remote: str,
        upstream: str,
        tasks: dict[str, tuple[list[str], list[str]]],
        paths: list[str],
        removed: dict[str, str] | None = None,
    ) -> None:
        self.remote = remote
        self.tasks = tasks
        self.paths = paths
        removed = removed or {}
        lines = []
        if tasks:
            lines.append(
                f"{len(tasks)} task(s) changed both here and on {remote}; "
                "nothing was merged, pushed or overwritten:"
            )
        for task_id, (here, there) in tasks.items():
            lines.append(f"  {task_id}")
            lines += [f"    here:      {commit}" for commit in here]
            lines += [f"    {remote + ':':<10} {commit}" for commit in there]
            if task_id in removed:  # `checkout --theirs` of a removal fails: git has no side
                lines.append(
                    f"    removed {removed[task_id]}: to keep the removal, "
                    f"`git rm -r -q -- {folder_name(task_id)}` in the merge (nothing to "
                    "validate or commit with curator then)"
                )
        if paths:
            lines.append(f"git could not merge {len(paths)} other file(s): " + ", ".join(paths))
            lines.append("the merge was aborted; nothing was pushed or overwritten")
        example = next(iter(tasks), "ID")
        folder = folder_name(example) if tasks else "FOLDER"
        # Each step as it works: `curator commit` refuses while a merge is in progress.
        lines.append(
            f"to resolve: compare with `curator diff {example} HEAD {upstream}`; "
            f"`git merge {upstream}`; settle each task's folder (edit its files, or keep one "
            f"side: `git checkout --ours -- {folder}` or `--theirs`), `git add` it and "
            f"`git commit` to end the merge; then `curator validate {example}` and "
            f"`curator commit {example}` record the merged task; sync again"
        )
        super().__init__("\n".join(lines))


@dataclass
class SyncResult:
    remote: str
    branch: str
    pulled: int = 0
    pushed: int = 0
    merged: bool = False
    updated_tasks: list[str] = field(default_factory=list)
    tags_pulled: list[str] = field(default_factory=list)
    tags_pushed: list[str] = field(default_factory=list)


def sync(bank: Bank, remote: str = "origin") -> SyncResult:
    """Fetch `remote`, merge its branch of the same name, push ours; refuse rather than guess.
    Release tags go both ways: a clone without them took a released version for a first
    release, and its changelog called every task added."""
    repository = GitBank(bank)
    branch = repository.branch()
    remotes = [item.name for item in repository.repo.remotes]
    if remote not in remotes:
        known = ", ".join(remotes) or "none"
        raise GitError(
            f"{repository.top}: no remote {remote!r} (remotes: {known}); "
            f"add one with `git remote add {remote} URL`"
        )
    if not repository.has_commits():
        raise GitError(f"{repository.top}: nothing is committed yet; commit before syncing")
    if repository.marker_uncommitted():
        raise GitError(
            f"{bank.root / MARKER} is not committed, and a clone without it is no bank: "
            f"`curator init {shlex.quote(str(bank.root))}` commits it"
        )
    uncommitted = [
        path
        for code, path in repository.status()
        if code != "??" or repository.task_id_of(path) is not None
    ]
    if uncommitted:
        shown = ", ".join(uncommitted[:10]) + (" ..." if len(uncommitted) > 10 else "")
        raise GitError(
            f"{repository.top}: {len(uncommitted)} uncommitted change(s) in the bank ({shown}); "
            "commit them (`curator commit`) or discard them before syncing"
        )
    result = SyncResult(remote=remote, branch=branch)
    upstream = f"{remote}/{branch}"
    with bank.lock():
        tags_before = _release_tags(repository)
        repository.run("fetch", "--quiet", remote)  # brings the tags on its commits along
        _pull_release_tags(repository, remote)
        result.tags_pulled = _tag_names(_release_tags(repository) - tags_before)
        local = repository.repo.head.commit.hexsha
        remote_head = _resolve(repository, f"refs/remotes/{upstream}")
        if remote_head is not None and remote_head != local:
            base = repository.run("merge-base", local, remote_head).strip()
            result.pulled = _count(repository, f"{local}..{remote_head}")
            if base == local:
                repository.run("merge", "--quiet", "--ff-only", remote_head)
            elif base != remote_head:
                _refuse_shared_tasks(repository, remote, upstream, base, local, remote_head)
                _merge(repository, remote, upstream, remote_head)
                result.merged = True
            result.updated_tasks = _tasks_between(repository, local, "HEAD")
        ahead = (
            _count(repository, f"{remote_head}..HEAD")
            if remote_head
            else _count(repository, "HEAD")
        )
        if ahead:
            try:
                repository.run("push", "--quiet", "--set-upstream", remote, branch)
            except GitError as error:
                if not any(sign in str(error) for sign in PUSH_BEHIND):
                    raise  # refused for another reason (permissions, a hook): again won't do
                raise GitError(
                    f"{error}\n{remote} changed while syncing; run `curator sync` again"
                ) from error
        result.pushed = ahead
        result.tags_pushed = _push_release_tags(repository, remote)
    return result


RELEASE_TAGS = f"refs/tags/{RELEASE_TAG_PREFIX}*"
# How git says a push was refused because the remote's branch moved on since the fetch.
PUSH_BEHIND = ("(fetch first)", "(non-fast-forward)")


def _release_tags(repository: GitBank) -> set[str]:
    output = repository.run(
        "for-each-ref", "--format=%(refname)", f"refs/tags/{RELEASE_TAG_PREFIX}"
    )
    return set(output.split())


def _tag_names(refs: set[str]) -> list[str]:
    return sorted(ref.removeprefix("refs/tags/") for ref in refs)


def _pull_release_tags(repository: GitBank, remote: str) -> None:
    """Fetch every release tag of the remote; one that differs here is refused."""
    try:
        repository.run("fetch", "--quiet", remote, f"{RELEASE_TAGS}:{RELEASE_TAGS}")
    except GitError as error:
        clashes = _differing_release_tags(repository, remote)
        if not clashes:
            raise
        tag = clashes[0]
        more = f" (and {', '.join(clashes[1:])})" if clashes[1:] else ""
        raise GitError(
            f"release tag {tag}{more} differs here and on {remote}: the same version was "
            f"released from two clones; keep one (`git tag -d {tag}` here, or delete it there), "
            f"sync again, then `curator release {tag.removeprefix(RELEASE_TAG_PREFIX)} "
            "--from-tag` writes its files as tagged"
        ) from error


def _differing_release_tags(repository: GitBank, remote: str) -> list[str]:
    """The release tags that name other objects here and on `remote`."""
    listed = repository.run("ls-remote", "--refs", remote, RELEASE_TAGS)
    there = _refs(listed)
    here = _refs(repository.run("for-each-ref", "--format=%(objectname)\t%(refname)", RELEASE_TAGS))
    return _tag_names({ref for ref, sha in here.items() if there.get(ref, sha) != sha})


def _refs(listing: str) -> dict[str, str]:
    """{ref: object} of lines "object<TAB>ref", as `ls-remote` prints them."""
    pairs = (line.split("\t", 1) for line in listing.splitlines() if "\t" in line)
    return {ref: sha for sha, ref in pairs}


def _push_release_tags(repository: GitBank, remote: str) -> list[str]:
    """Push the release tags the remote lacks (after the branch, which holds their commits)."""
    listed = repository.run("ls-remote", "--refs", remote, RELEASE_TAGS)
    missing = sorted(_release_tags(repository) - set(_refs(listed)))
    if missing:
        repository.run("push", "--quiet", remote, *missing)
    return _tag_names(set(missing))


def _resolve(repository: GitBank, ref: str) -> str | None:
    try:
        return repository.run("rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").strip()
    except GitError:
        return None


def _count(repository: GitBank, revisions: str) -> int:
    return int(repository.run("rev-list", "--count", revisions).strip())


def _tasks_between(repository: GitBank, old: str, new: str) -> list[str]:
    names = repository.run("diff", "--name-only", old, new, "--", repository.prefix or ".")
    ids = {repository.task_id_of(name) for name in names.splitlines()}
    return sorted(filter(None, ids), key=task_sort_key)


def _refuse_shared_tasks(
    repository: GitBank, remote: str, upstream: str, base: str, local: str, remote_head: str
) -> None:
    """Raise `SyncConflict` for tasks both sides changed differently since `base`."""
    shared = set(_tasks_between(repository, base, local)) & set(
        _tasks_between(repository, base, remote_head)
    )
    conflicts = {}
    removed = {}
    for task_id in sorted(shared, key=task_sort_key):
        path = repository.task_path(task_id)
        ours, theirs = _tree_id(repository, local, path), _tree_id(repository, remote_head, path)
        if ours == theirs:
            continue  # both sides made the same change
        if ours is None or theirs is None:
            removed[task_id] = "here" if ours is None else f"on {remote}"
        conflicts[task_id] = (
            _commits(repository, f"{base}..{local}", path),
            _commits(repository, f"{base}..{remote_head}", path),
        )
    if conflicts:
        raise SyncConflict(remote, upstream, conflicts, [], removed)


def _tree_id(repository: GitBank, commit: str, path: str) -> str | None:
    try:
        return repository.run("rev-parse", "--verify", "--quiet", f"{commit}:{path}").strip()
    except GitError:
        return None


def _commits(repository: GitBank, revisions: str, path: str) -> list[str]:
    """`sha subject (annotator)` of each commit, the annotator from its trailer if any."""
    output = repository.run(
        "log",
        "--format=%h %s\x1f%an\x1f%(trailers:key=Annotator,valueonly,separator=%x2C)",
        revisions,
        "--",
        path,
    )
    lines = []
    for line in output.splitlines():
        summary, author, annotator = line.split("\x1f")
        lines.append(f"{summary} ({annotator.strip() or author})")
    return lines


def _merge(repository: GitBank, remote: str, upstream: str, remote_head: str) -> None:
    try:
        repository.run("merge", "--quiet", "--no-edit", "-m", f"Sync with {upstream}", remote_head)
    except GitError as error:
        unmerged = repository.run("diff", "--name-only", "--diff-filter=U").split()
        if (Path(repository.repo.git_dir) / "MERGE_HEAD").exists() or unmerged:
            repository.run("merge", "--abort")
        if unmerged:
            raise SyncConflict(remote, upstream, {}, unmerged) from error
        raise
