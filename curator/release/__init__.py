"""Releases: the accepted tasks of one commit, exported, described, and tagged.

A release is the annotated tag `release/VERSION` on the commit it was built from. Its files
(`tasks.jsonl`, `tasks.jsonl.gz`, `manifest.json`, `CHANGELOG.md`) are a pure function of the
tagged tree, the history before it and the previous release named in the tag, so
`curator release VERSION --from-tag` writes them again byte for byte. Nothing in them depends on
the clock or the machine: dates are the tagged commit's, environments the tasks' validations'.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import git
from pydantic import Field, ValidationError

from curator.bank import (
    MARKER,
    META_FILE,
    RELEASES_DIR,
    Bank,
    BankScan,
    describe_validation_error,
    task_sort_key,
)
from curator.condense.stage import instruction_outdated
from curator.environment import ENVIRONMENT_DIR, bank_fingerprint
from curator.errors import CuratorError, listed
from curator.flaky.evidence import EVIDENCE_FILE, FlakyEvidence, with_flaky_check
from curator.fsutil import atomic_write
from curator.gitbank import RELEASE_TAG_PREFIX, GitBank, GitError, release_tag
from curator.history import parse_trailers
from curator.interchange import require_parent_folder, task_to_record, write_jsonl
from curator.models import QualitySummary, Stage, StrictModel, Task
from curator.pipeline import NOT_FLAKY_CHECKED, PipelineFacts, stage_blockers
from curator.quality import QualitySettings, quality_gate_problems, quality_settings
from curator.strict_tests import too_strict_findings
from curator.validation import REPORT_FILE, report_problem

JSONL_NAME = "tasks.jsonl"
GZIP_NAME = "tasks.jsonl.gz"
MANIFEST_NAME = "manifest.json"
CHANGELOG_NAME = "CHANGELOG.md"
RELEASE_FILES = (JSONL_NAME, GZIP_NAME, MANIFEST_NAME, CHANGELOG_NAME)
PREVIOUS_TRAILER = "Previous-Release"

# What a reader calls each part of an exported record, in the order the changelog lists them.
CHANGE_KINDS = (
    ("tests", ("test",)),
    ("solution", ("canonical_solution",)),
    ("prompt", ("complete_prompt", "code_prompt")),
    ("instruction", ("instruct_prompt",)),
    ("metadata", ("entry_point", "doc_struct", "libs")),
)


class ReleaseRefused(CuratorError):
    """Tasks that would go into the release are not fit for it; names each one and why."""

    def __init__(self, version: str, problems: dict[str, list[str]]) -> None:
        self.version = version
        self.problems = problems
        named = "; ".join(f"{task_id}: {', '.join(why)}" for task_id, why in problems.items())
        super().__init__(f"release {version} refused, {len(problems)} task(s) unfit: {named}")


# -- the manifest ----------------------------------------------------------------------------


class FileDigest(StrictModel):
    name: str
    size: int
    sha256: str


class ReleasedTask(StrictModel):
    task_id: str
    content_hash: str = Field(description="Hash of what validation executes (Task.content_hash).")
    record_sha256: str = Field(description="sha256 of the task's JSONL line.")
    tests: int
    branch_coverage: float | None
    environment: str
    mutation_score: float | None = Field(
        default=None, description="The tests' mutation score for this version, if measured."
    )
    findings: list[str] = Field(
        default_factory=list,
        description="Possibly over-strict tests, too-strict test detections, coverage "
        "that varies between the flaky check's runs (the task's figure is then luck), and the "
        "runtime and shape findings a reviewer waived, with why.",
    )


class CoverageSummary(StrictModel):
    tasks_measured: int
    mean: float | None
    minimum: float | None
    maximum: float | None


class ReleaseCounts(StrictModel):
    tasks: int
    added: int
    removed: int
    changed: int
    unchanged: int


class ValidationTotals(StrictModel):
    tasks_passed: int
    tests_total: int
    tests_passed: int
    branch_coverage: CoverageSummary


class ReleaseManifest(StrictModel):
    """`manifest.json`: what a release holds and how to check it."""

    version: str
    tag: str
    commit: str
    committed_at: str = Field(description="The tagged commit's date (ISO 8601).")
    bank: str = Field(description="The bank's folder within the repository ('' for its top).")
    previous_release: str | None
    counts: ReleaseCounts
    files: list[FileDigest]
    environments: dict[str, int] = Field(
        description="Environment fingerprint of the tasks' validations -> number of tasks."
    )
    validation: ValidationTotals
    tasks: list[ReleasedTask]


# -- comparing two releases ------------------------------------------------------------------


@dataclass
class ReleaseChanges:
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: dict[str, list[str]] = field(default_factory=dict)  # task id -> kinds of change
    unchanged: int = 0


def compare_releases(previous: list[Task], current: list[Task]) -> ReleaseChanges:
    """What differs between two releases' tasks, judged on the exported records."""
    before = {task.task_id: task_to_record(task) for task in previous}
    after = {task.task_id: task_to_record(task) for task in current}
    changes = ReleaseChanges()
    for task_id in sorted(after.keys() | before.keys(), key=task_sort_key):
        if task_id not in before:
            changes.added.append(task_id)
        elif task_id not in after:
            changes.removed.append(task_id)
        else:
            kinds = [
                kind
                for kind, keys in CHANGE_KINDS
                if any(before[task_id][key] != after[task_id][key] for key in keys)
            ]
            if kinds:
                changes.changed[task_id] = kinds
            else:
                changes.unchanged += 1
    return changes


# -- building --------------------------------------------------------------------------------


@dataclass
class Release:
    version: str
    tag: str
    out: Path
    manifest: ReleaseManifest
    changes: ReleaseChanges
    files: list[Path]


VERSION_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._+-]*")


def next_version(previous: str | None) -> str:
    """The version a release after `previous` (a tag, `release/1.4`) would likely take: its
    last number one up (`1.5`, `v0.10`, `2026.13`), else `0.1` for a first release."""
    if previous is None:
        return "0.1"
    version = previous.removeprefix(RELEASE_TAG_PREFIX)
    numbers = list(re.finditer(r"\d+", version))
    if not numbers:
        return version + ".1"
    last = numbers[-1]
    return version[: last.start()] + str(int(last.group()) + 1) + version[last.end() :]


def validate_new_version(version: str) -> None:
    """A new release's version names a tag and a folder, and later changelogs count from it:
    `HEAD` and `-v` made `release/HEAD` and a folder whose name reads as an option. (A past
    release is written again by whatever tag it has.)"""
    if not VERSION_PATTERN.fullmatch(version) or not any(c.isdigit() for c in version):
        raise CuratorError(
            f"{version!r} is not a release version: a version starts with a letter or digit, "
            "holds a digit, and only letters, digits and . _ + - (v0.1, 2026.12, 1.0.0-rc1)"
        )


def validate_version(repository: GitBank, version: str) -> None:
    if not version.strip() or version != version.strip():
        raise CuratorError(f"{version!r} is not a release version")
    try:
        repository.repo.git.check_ref_format(f"refs/tags/{release_tag(version)}")
    except git.GitCommandError as error:
        raise CuratorError(
            f"{version!r} cannot name a release (a git tag name cannot hold it)"
        ) from error


def default_out(bank: Bank, version: str) -> Path:
    return bank.root / RELEASES_DIR / version


def release_out(bank: Bank, version: str, out: Path | None) -> Path:
    """Where a release's files go: `releases/VERSION` of the bank unless told; anywhere outside
    the bank, or below its `releases/`, never among its tasks and own files (links resolved),
    in a folder that exists (as `export`)."""
    if out is None:
        out = default_out(bank, version)
        refuse_to_replace(out, version)
        return out
    target = Path(out).resolve()
    root = bank.root.resolve()
    if target.is_relative_to(root) and not target.is_relative_to(root / RELEASES_DIR):
        raise CuratorError(
            f"{out}: inside the bank ({target}), among its tasks and files: write a release "
            f"outside the bank, or below {root / RELEASES_DIR}"
        )
    require_parent_folder(out)
    refuse_to_replace(Path(out), version)
    return Path(out)


def refuse_to_replace(out: Path, version: str) -> None:
    """A release writes its files where none of the same name is, but release VERSION's own
    (`--from-tag` writes them again): `--out` a folder holding a CHANGELOG.md of the user's
    replaced it without a word (walk 47)."""
    present = [name for name in RELEASE_FILES if os.path.lexists(out / name)]
    if not present:
        return
    try:
        manifest = ReleaseManifest.model_validate_json((out / MANIFEST_NAME).read_bytes())
    except (OSError, ValueError):
        manifest = None
    if manifest is not None and manifest.version == version:
        return
    whose = f"release {manifest.version}'s" if manifest is not None else "not a release's"
    raise CuratorError(
        f"{out}: holds {listed(present)} already ({whose}), which release {version} would "
        "replace: write it to a new or empty folder, or move them away first"
    )


RELEASES_IGNORE = "# Written by curator: a release's files are made from its tag\n*\n"


def ignore_releases_folder(bank: Bank, out: Path) -> None:
    """The bank's `releases/` ignores itself, as pytest's and ruff's caches do: the tag holds
    the release (`--from-tag` writes its files again, byte for byte), so its files are neither
    left untracked in every `git status` nor taken into the next `git add -A`."""
    folder = bank.root / RELEASES_DIR
    ignore = folder / ".gitignore"
    if out.resolve().is_relative_to(folder.resolve()) and not ignore.exists():
        atomic_write(ignore, RELEASES_IGNORE)


def build_release(bank: Bank, version: str, out: Path | None = None) -> Release:
    """Export HEAD's accepted tasks as release VERSION and tag HEAD `release/VERSION`.

    Refuses when an accepted task's folder has uncommitted changes (the tag must hold what is
    released; other tasks' changes stay out of it), when a task folder cannot be read, and when
    an accepted task is stale, failing, or has an unresolved (open or confirmed) flaky flag.
    """
    repository = GitBank(bank)
    validate_version(repository, version)
    validate_new_version(version)
    repository.branch()
    if not repository.has_commits():
        raise GitError(f"{repository.top}: nothing is committed yet; commit tasks first")
    tag = release_tag(version)
    if repository.tag(tag) is not None:
        raise CuratorError(
            f"{tag} exists already; write its files again with "
            f"`curator release {version} --from-tag`"
        )
    commit = repository.commit("HEAD")
    scan = repository.scan_at(commit)
    problems = unreadable_blockers(scan)
    tasks = [task for task in scan.tasks if task.stage is Stage.ACCEPTED]
    released = {task.task_id for task in tasks}
    changed = uncommitted_release_tasks(bank, repository, released)
    unsettled = uncommitted_settings(repository)
    if unsettled and not changed:
        raise GitError(
            f"the bank's settings have uncommitted changes: {listed(unsettled)}; "
            f"{UNSETTLED_REASON}: commit them or discard them first"
        )
    quality = quality_settings(bank)
    environment = bank_fingerprint(bank.root)  # read once: every task is judged against it
    bank_limit = bank.timeout_s
    evidence, unreadable_evidence = _evidence_at(repository, commit, tasks)
    for task in tasks:
        facts = _gate_facts_at(
            repository,
            commit,
            task,
            evidence[task.task_id],
            quality,
            environment,
            task.time_limit(bank_limit),
        )
        reasons = stage_blockers(task, Stage.ACCEPTED, facts)
        if task.task_id in unreadable_evidence:
            reasons = [unreadable_evidence[task.task_id]] + [
                reason for reason in reasons if reason != NOT_FLAKY_CHECKED
            ]
        if reasons:
            problems[task.task_id] = reasons
    if changed:
        # With what stops it at HEAD besides: "commit them" was all it said of a task that
        # could not be committed as accepted (walk 47).
        besides = "; ".join(f"{where}: {'; '.join(why)}" for where, why in problems.items())
        raise GitError(
            _uncommitted_message(repository, changed, released)
            + (f"; and at HEAD: {besides}" if besides else "")
        )
    if problems:
        raise ReleaseRefused(version, problems)
    if not tasks:
        raise CuratorError(f"release {version} refused: no task at HEAD is accepted")
    previous = previous_release(repository, commit)
    release = _write_release(repository, version, commit, previous, tasks, evidence, out)
    message = (
        f"Release {version}\n\n{_summary(release.manifest.counts)}\n\n"
        f"{PREVIOUS_TRAILER}: {previous or 'none'}\nTasks: {len(tasks)}\n"
    )
    repository.run("tag", "--annotate", "--cleanup=whitespace", "-m", message, tag, commit.hexsha)
    return release


def unreadable_blockers(scan: BankScan) -> dict[str, list[str]]:
    """The folders that cannot be read and stop a release: one whose `task.json` says its
    task is not accepted is left out of it, as every such task is (a broken draft stopped
    every release); one whose stage cannot be read might be accepted."""
    blockers: dict[str, list[str]] = {}
    for problem in scan.problems:
        stage = problem.recorded_stage
        if stage is not None and stage != Stage.ACCEPTED.value:
            continue
        where = f"{problem.task_id} ({stage})" if problem.task_id else str(problem.path)
        blockers[where] = [f"cannot be read: {problem}"]
    return blockers


def uncommitted_release_tasks(bank: Bank, repository: GitBank, released: set[str]) -> list[str]:
    """The tasks with uncommitted changes that would be released: among `released`, or accepted
    in the work tree (or unreadable there). The release is made from HEAD, so other tasks'
    changes (a draft validated again) stay out of it and do not stop it."""

    def accepted_in_work_tree(task_id: str) -> bool:
        if not os.path.lexists(bank.task_dir(task_id) / META_FILE):
            return False  # a folder of something else (notes), or a task deleted: not released
        try:
            return bank.load(task_id).stage is Stage.ACCEPTED
        except CuratorError:
            return True

    return [
        task_id
        for task_id in repository.changed_tasks()
        if task_id in released or accepted_in_work_tree(task_id)
    ]


UNSETTLED_REASON = (
    "a release is judged under the time limit, quality bar and environment it is tagged with"
)


def uncommitted_settings(repository: GitBank) -> list[str]:
    """The bank's own settings with uncommitted changes: `bank.json` (the time limit, the
    quality bar) and `environment/` (the libraries). The release exports HEAD, and judged it
    with the work tree's bar: a stricter bar edited and not committed refused it."""
    marker = repository.in_bank(MARKER)
    environment = repository.in_bank(ENVIRONMENT_DIR) + "/"
    return [
        path
        for path in repository.changed_paths()
        if path == marker or f"{path}/".startswith(environment)
    ]


def changed_files(repository: GitBank, task_id: str) -> list[str]:
    """The changed files of a task's folder, relative to it."""
    folder = repository.task_path(task_id)
    return [path.removeprefix(folder + "/") for path in repository.changed_paths(folder)]


def _uncommitted_message(repository: GitBank, changed: list[str], released: set[str]) -> str:
    """Names the accepted tasks changed in the work tree with their changed files (a record
    curator wrote, a pre-evaluation's, reads otherwise than an edit: walk 47), and apart from
    them the changed tasks whose work-tree metadata cannot be read (they may be accepted),
    each with its reason."""
    bank = repository.bank
    unreadable: dict[str, str] = {}
    for task_id in changed:
        if task_id in released:
            continue
        try:
            bank.load(task_id)
        except CuratorError as error:
            unreadable[task_id] = str(error)
    accepted = [task_id for task_id in changed if task_id not in unreadable]
    parts = []
    if accepted:
        named = [
            f"{task_id} ({listed(changed_files(repository, task_id), limit=5)})"
            for task_id in accepted
        ]
        parts.append(f"{len(accepted)} accepted task(s) have uncommitted changes: {listed(named)}")
    if unreadable:
        reasons = "; ".join(f"{task_id}: {why}" for task_id, why in unreadable.items())
        parts.append(
            f"{len(unreadable)} task(s) with uncommitted changes cannot be read, so may be "
            f"accepted ({reasons})"
        )
    return "; ".join(parts) + "; commit them (`curator commit`), or fix or discard them first"


def _gate_facts_at(
    repository: GitBank,
    commit: git.Commit,
    task: Task,
    evidence: FlakyEvidence | None,
    quality: QualitySettings,
    environment: str,
    timeout_s: float,
) -> PipelineFacts:
    """The stage gate's facts as `commit` recorded them: the `flaky.json` (`evidence`) and
    `validation.json` in its tree, and the task's quality figures against the bank's bar (the
    bank's environment and the task's time limit: `environment`, `timeout_s`)."""
    report_path = f"{repository.task_path(task.task_id)}/{REPORT_FILE}"
    report = repository.file_at(commit, report_path)
    facts = PipelineFacts(
        quality_problems=tuple(quality_gate_problems(task, quality)),
        flaky_runs_required=quality.min_flaky_runs,
        report_problem=report_problem(task, report, f"{commit.hexsha[:10]}:{report_path}"),
        environment=environment,
        timeout_s=timeout_s,
        instruction_outdated=instruction_outdated(task),
    )
    return with_flaky_check(facts, evidence)


def _evidence_at(
    repository: GitBank, commit: git.Commit, tasks: list[Task]
) -> tuple[dict[str, FlakyEvidence | None], dict[str, str]]:
    """Each task's `flaky.json` in `commit`'s tree, read once for the gate and the manifest
    (None where there is none or it is unreadable: the stage gate then finds no flaky check),
    and why each unreadable one cannot be read: a garbled one read "it has not been checked
    for flaky tests" (walk 47)."""
    found: dict[str, FlakyEvidence | None] = {}
    unreadable: dict[str, str] = {}
    for task in tasks:
        path = f"{repository.task_path(task.task_id)}/{EVIDENCE_FILE}"
        data = repository.file_at(commit, path)
        found[task.task_id] = None
        if data is not None:
            try:
                found[task.task_id] = FlakyEvidence.model_validate_json(data)
            except ValidationError as error:
                unreadable[task.task_id] = (
                    f"{commit.hexsha[:10]}:{path} is not a readable flaky check: "
                    f"{describe_validation_error(error)} (check it again: curator flaky "
                    f"{shlex.quote(task.task_id)})"
                )
    return found, unreadable


def export_tagged_release(bank: Bank, version: str, out: Path | None = None) -> Release:
    """Write the files of a past release again from its tagged tree, byte for byte."""
    repository = GitBank(bank)
    validate_version(repository, version)
    tag = release_tag(version)
    reference = repository.tag(tag)
    if reference is None:
        raise CuratorError(f"no release {version}: there is no tag {tag}")
    commit = repository.tagged_commit(reference)
    previous = _recorded_previous(repository, reference, commit)
    if previous is not None and repository.tag(previous) is None:
        raise CuratorError(
            f"{tag}: its message names {PREVIOUS_TRAILER}: {previous}, which is no tag here "
            "(fetch it, or correct the tag's message)"
        )
    scan = repository.scan_at(commit)
    if blockers := unreadable_blockers(scan):
        where, [reason] = next(iter(blockers.items()))
        raise CuratorError(f"{tag}: a task folder in the tagged tree: {where} {reason}")
    tasks = [task for task in scan.tasks if task.stage is Stage.ACCEPTED]
    evidence, _ = _evidence_at(repository, commit, tasks)
    return _write_release(repository, version, commit, previous, tasks, evidence, out)


def _recorded_previous(
    repository: GitBank, reference: git.TagReference, commit: git.Commit
) -> str | None:
    """The previous release the tag names; found by ancestry for tags made by hand."""
    if reference.tag is not None:
        recorded = parse_trailers(reference.tag.message).get(PREVIOUS_TRAILER)
        if recorded is not None:
            return None if recorded == "none" else recorded
    return previous_release(repository, commit, exclude=reference.name)


def previous_release(
    repository: GitBank, commit: git.Commit, exclude: str | None = None
) -> str | None:
    """The latest release tag on `commit` or its ancestors: deepest commit, then newest tag."""
    output = repository.run(
        "for-each-ref",
        f"--merged={commit.hexsha}",
        "--format=%(refname:short)\x1f%(*objectname)%(objectname)\x1f%(creatordate:unix)",
        f"refs/tags/{RELEASE_TAG_PREFIX}",
    )
    candidates = []
    for line in output.splitlines():
        name, objects, created = line.split("\x1f")
        if name == exclude:
            continue
        tagged = objects[:40]  # the peeled commit comes first for an annotated tag
        depth = int(repository.run("rev-list", "--count", tagged).strip())
        candidates.append((depth, int(created), name))
    return max(candidates)[2] if candidates else None


def _write_release(
    repository: GitBank,
    version: str,
    commit: git.Commit,
    previous: str | None,
    tasks: list[Task],
    evidence: dict[str, FlakyEvidence | None],
    out: Path | None,
) -> Release:
    bank = repository.bank
    out = release_out(bank, version, out)
    tasks = sorted(tasks, key=lambda task: task_sort_key(task.task_id))
    previous_tasks: list[Task] = []
    if previous is not None:
        scan = repository.scan_at(repository.commit(previous))
        previous_tasks = [task for task in scan.tasks if task.stage is Stage.ACCEPTED]
    changes = compare_releases(previous_tasks, tasks)
    with bank.lock():
        out.mkdir(parents=True, exist_ok=True)
        ignore_releases_folder(bank, out)
        write_jsonl(tasks, out / JSONL_NAME)
        write_jsonl(tasks, out / GZIP_NAME)
        manifest = _manifest(repository, version, commit, previous, tasks, evidence, changes, out)
        atomic_write(out / MANIFEST_NAME, manifest.model_dump_json(indent=2) + "\n")
        changelog = _changelog(repository, manifest, changes, commit, previous)
        atomic_write(out / CHANGELOG_NAME, changelog)
    files = [out / name for name in (JSONL_NAME, GZIP_NAME, MANIFEST_NAME, CHANGELOG_NAME)]
    return Release(version, release_tag(version), out, manifest, changes, files)


def _manifest(
    repository: GitBank,
    version: str,
    commit: git.Commit,
    previous: str | None,
    tasks: list[Task],
    evidence: dict[str, FlakyEvidence | None],
    changes: ReleaseChanges,
    out: Path,
) -> ReleaseManifest:
    digests = []
    for name in (JSONL_NAME, GZIP_NAME):
        data = (out / name).read_bytes()
        digests.append(FileDigest(name=name, size=len(data), sha256=_sha256(data)))
    released = []
    environments: dict[str, int] = {}
    for task in tasks:
        summary = task.validation
        assert summary is not None  # accepted tasks passed the stage gate
        record = json.dumps(task_to_record(task)) + "\n"
        released.append(
            ReleasedTask(
                task_id=task.task_id,
                content_hash=task.content_hash(),
                record_sha256=_sha256(record.encode()),
                tests=summary.tests_total,
                branch_coverage=summary.branch_coverage,
                environment=summary.environment,
                **quality_figures(task, evidence[task.task_id]),
            )
        )
        environments[summary.environment] = environments.get(summary.environment, 0) + 1
    coverages = [t.branch_coverage for t in released if t.branch_coverage is not None]
    summaries = [task.validation for task in tasks if task.validation is not None]
    return ReleaseManifest(
        version=version,
        tag=release_tag(version),
        commit=commit.hexsha,
        committed_at=commit.committed_datetime.isoformat(),
        bank=repository.prefix,
        previous_release=previous,
        counts=ReleaseCounts(
            tasks=len(tasks),
            added=len(changes.added),
            removed=len(changes.removed),
            changed=len(changes.changed),
            unchanged=changes.unchanged,
        ),
        files=digests,
        environments=dict(sorted(environments.items())),
        validation=ValidationTotals(
            tasks_passed=sum(summary.verdict == "pass" for summary in summaries),
            tests_total=sum(summary.tests_total for summary in summaries),
            tests_passed=sum(summary.tests_passed for summary in summaries),
            branch_coverage=CoverageSummary(
                tasks_measured=len(coverages),
                mean=round(sum(coverages) / len(coverages), 2) if coverages else None,
                minimum=min(coverages) if coverages else None,
                maximum=max(coverages) if coverages else None,
            ),
        ),
        tasks=released,
    )


def quality_figures(task: Task, evidence: FlakyEvidence | None) -> dict[str, Any]:
    """The task's mutation score, test-strictness findings and the code its flaky check's runs
    reached only by chance, where current."""
    quality = task.quality or QualitySummary()
    current = task.content_hash()
    findings = (
        [f"over-strict: {test}" for test in quality.over_strict]
        if quality.alternatives_content_hash == current
        else []
    )
    findings += [
        f"{code}: tests.py:{line}: {message}" for code, message, line in too_strict_findings(task)
    ]
    variation = evidence.coverage_variation() if evidence and evidence.ran(task) else None
    if variation is not None:
        findings.append(f"coverage-varies: {variation.note()}")
    # Accepted despite them, not free of them: a benchmark's user sees that a task reaches the
    # network (BigCodeBench/147) as its reviewer did.
    findings += [f"waived {w.code}: {w.reason} ({w.who})" for w in task.waivers]
    return {
        "mutation_score": (
            quality.mutation_score if quality.mutation_content_hash == current else None
        ),
        "findings": findings,
    }


def _changelog(
    repository: GitBank,
    manifest: ReleaseManifest,
    changes: ReleaseChanges,
    commit: git.Commit,
    previous: str | None,
) -> str:
    lines = [f"# {manifest.version}", ""]
    since = f"since {previous}" if previous else "first release"
    lines.append(f"{manifest.tag} at {commit.hexsha[:12]} ({manifest.committed_at}), {since}.")
    lines += ["", _summary(manifest.counts) + ".", ""]
    history = _commits_by_task(repository, previous, commit) if previous else {}
    sections = (
        ("Added", [(task_id, "") for task_id in changes.added]),
        ("Changed", [(task_id, ", ".join(kinds)) for task_id, kinds in changes.changed.items()]),
        ("Removed", [(task_id, "") for task_id in changes.removed]),
    )
    for title, entries in sections:
        if not entries:
            continue
        lines += [f"## {title}", ""]
        for task_id, what in entries:
            lines.append(f"- `{task_id}`" + (f": {what}" if what else ""))
            for sha, subject, who in history.get(task_id, []):
                lines.append(f"  - {sha[:10]} {subject} ({who})")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _commits_by_task(
    repository: GitBank, previous: str, commit: git.Commit
) -> dict[str, list[tuple[str, str, str]]]:
    """Commits since the previous release that touched each task: (sha, subject, annotator)."""
    output = repository.run(
        "log",
        "--name-only",
        "--format=\x1e%H\x1f%s\x1f%an\x1f%(trailers:key=Annotator,valueonly,separator=%x2C)",
        f"{repository.commit(previous).hexsha}..{commit.hexsha}",
        "--",
        repository.prefix or ".",
    )
    by_task: dict[str, list[tuple[str, str, str]]] = {}
    for record in output.split("\x1e"):
        if not record.strip():
            continue
        header, _, names = record.partition("\n")
        sha, subject, author, annotator = header.split("\x1f")
        touched = {repository.task_id_of(name) for name in names.split("\n") if name.strip()}
        for task_id in sorted(filter(None, touched), key=task_sort_key):
            by_task.setdefault(task_id, []).append((sha, subject, annotator.strip() or author))
    return by_task


def _summary(counts: ReleaseCounts) -> str:
    return (
        f"{counts.tasks} task(s): {counts.added} added, {counts.changed} changed, "
        f"{counts.removed} removed, {counts.unchanged} unchanged"
    )


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
