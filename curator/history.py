"""A task's life in git: one commit per change with provenance trailers, its log, its diffs.

Every commit of a task touches only that task's folder and carries trailers that answer "who
changed it, in which stage, and was it validated?" without opening the task:

    Fix the expected value of test_counts

    Task-Id: BigCodeBench/12
    Stage: accepted
    Branch-Coverage: 100.0%
    Tests: 3/3 passed
    Flaky-Runs: 0
    Validated-Content-Hash: 3f9a0c2b7d1e4a56
    Environment: py3.11.7 numpy-1.26.4
    Annotator: alice
    LLM-Assisted: no
"""

from __future__ import annotations

import contextlib
import difflib
import json
import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import git

from curator.alternatives import ALTERNATIVES_DIR, RESULT_FILE
from curator.bank import (
    CODE_PROMPT_FILE,
    INSTRUCTION_FILE,
    MARKER,
    META_FILE,
    PROGRAM_FILE,
    TASK_FILES,
    TESTS_FILE,
    Bank,
    oversized,
)
from curator.condense.stage import instruction_outdated
from curator.config import resolve_annotator
from curator.environment import bank_fingerprint
from curator.errors import BankError, CuratorError, TaskFileError, listed
from curator.flaky.evidence import EVIDENCE_FILE, FlakyEvidence, with_flaky_check
from curator.flaky.flags import SEND_BACK, TRANSITIONS, FlagAction, change_flag, find_flag
from curator.flaky.review import send_back
from curator.fsutil import remove_stale_temporaries
from curator.gitbank import GitBank, GitError
from curator.interchange import updated_by
from curator.models import PREEVAL_FILE, Flag, Origin, ProvenanceEvent, Stage, Task
from curator.mutation.store import MUTATION_FILE
from curator.pipeline import (
    PipelineFacts,
    Step,
    StepState,
    allowed_stages,
    stage_blockers,
    step_status,
)
from curator.quality import quality_gate_problems, quality_settings
from curator.validation import REPORT_FILE, report_problem, task_timeout

TRAILER_KEYS = (
    "Task-Id",
    "Stage",
    "Branch-Coverage",
    "Tests",
    "Flaky-Runs",
    "Validated-Content-Hash",
    "Environment",
    "Annotator",
    "LLM-Assisted",
)
NONE = "none"

# The files `curator diff` compares, with what each one is to a reader.
DIFF_PARTS = (
    ("program", PROGRAM_FILE),
    ("tests", TESTS_FILE),
    ("instruction", INSTRUCTION_FILE),
    ("code prompt", CODE_PROMPT_FILE),
    ("metadata", META_FILE),
)


class CommitRefused(CuratorError):
    """The task cannot be committed in the stage asked for; names every reason, and the
    furthest stage the gate would allow instead (None: no stage)."""

    def __init__(
        self, task_id: str, stage: Stage, reasons: list[str], instead: Stage | None = None
    ) -> None:
        self.task_id = task_id
        self.stage = stage
        self.reasons = reasons
        self.instead = instead
        super().__init__(f"{task_id} cannot be committed as {stage.value}: " + "; ".join(reasons))


# -- the stage gate --------------------------------------------------------------------------


def gate_facts(
    bank: Bank,
    task: Task,
    environment: str | None = None,
    *,
    unsaved: bool = False,
    committed: bool = False,
) -> PipelineFacts:
    """What the stage gate needs beyond the task, read from the work tree: its `flaky.json`,
    its `validation.json` and the bank's quality bar (and from the app: whether the task has
    unsaved edits, or changes since its last commit)."""
    evidence = bank.read_sidecar(task.task_id, EVIDENCE_FILE, FlakyEvidence)
    report_path = bank.real_task_dir(task.task_id) / REPORT_FILE
    report = report_path.read_bytes() if report_path.is_file() else None
    quality = quality_settings(bank)
    facts = PipelineFacts(
        quality_problems=tuple(quality_gate_problems(task, quality)),
        flaky_runs_required=quality.min_flaky_runs,
        report_problem=report_problem(task, report, str(report_path)),
        environment=environment or bank_fingerprint(bank.root),
        timeout_s=task_timeout(bank, task),
        instruction_outdated=instruction_outdated(task),
        unsaved=unsaved,
        committed=committed,
    )
    return with_flaky_check(facts, evidence)


def step_blocked(bank: Bank, task: Task, step: Step) -> str | None:
    """Why `step` cannot run on `task` now (the pipeline's rule, with the gate's facts), or
    None: the CLI asks what the app's stepper shows."""
    status = step_status(task, step, gate_facts(bank, task))
    return status.reason if status.state is StepState.BLOCKED else None


def decide_flag(bank: Bank, task_id: str, test: str, decision: str, who: str, why: str) -> Flag:
    """A maintainer's decision on a flag: a `FlagAction`, or `send-back` (it is flaky and its
    annotator must fix it: the flag confirmed, a note left, the task back to draft). Refused
    while the task's folder holds changes its commit would take in (`check_reviewable`); the
    caller commits it (`commit_review`). The app's queue and `curator flag` alike."""
    check_reviewable(bank, task_id)
    if decision != SEND_BACK and (waiting := _decided_not_committed(bank, task_id, test, decision)):
        return waiting  # (a decision killed before its commit): committed now, not refused
    if decision == SEND_BACK:
        flag = find_flag(send_back(bank, task_id, test, who, why), test)
        if flag is None:  # send_back confirms it, opening it first where there is none
            raise CuratorError(f"{task_id}: no flag on test {test!r} after sending it back")
        return flag
    return change_flag(bank, task_id, test, FlagAction(decision), who, why)


def _decided_not_committed(bank: Bank, task_id: str, test: str, decision: str) -> Flag | None:
    """The flag, if it has the status `decision` leads to already and its task.json is not
    committed: the same decision, whose commit did not happen (the process was killed)."""
    flag = find_flag(bank.load(task_id), test)
    if flag is None or flag.status is not TRANSITIONS[FlagAction(decision)][1]:
        return None
    try:
        pending = uncommitted_changes(bank, [task_id])
    except (BankError, GitError):
        return None
    return flag if pending else None


# -- trailers --------------------------------------------------------------------------------


def flaky_runs(bank: Bank, task: Task) -> str:
    """How many reruns the flaky-test detection in `flaky.json` made of this content.

    "0" when there is no detection; "stale (...)" when it ran on other content.
    """
    evidence = bank.read_sidecar(task.task_id, EVIDENCE_FILE, FlakyEvidence)
    if evidence is None:
        return "0"
    if not evidence.ran(task):
        return f"stale ({len(evidence.runs)} on {evidence.content_hash})"
    return str(len(evidence.runs))


def llm_assisted(task: Task) -> str:
    provenance = task.provenance
    models = [event.model for event in provenance.events if event.model]
    if provenance.model:
        models.insert(0, provenance.model)
    if models:
        return "yes (" + ", ".join(dict.fromkeys(models)) + ")"
    return "yes" if provenance.origin is Origin.LLM_ASSISTED else "no"


def task_trailers(task: Task, annotator: str, flaky: str, facts: PipelineFacts) -> dict[str, str]:
    """The trailers of a commit of `task`; validation figures only when they count, as the
    gate's `facts` say (this content, the bank's environment and time limit)."""
    summary = task.validation
    if summary is None:
        coverage = tests = content_hash = environment = NONE
    elif not task.validation_is_current:
        coverage = tests = f"stale ({summary.verdict.value} on {summary.content_hash})"
        content_hash = NONE
        environment = summary.environment
    elif not task.validation_counts(facts.environment, facts.timeout_s):
        coverage = tests = f"stale ({summary.verdict.value} in another environment or time limit)"
        content_hash = summary.content_hash
        environment = summary.environment
    else:
        coverage = (
            f"{summary.branch_coverage:.1f}%" if summary.branch_coverage is not None else NONE
        )
        tests = f"{summary.tests_passed}/{summary.tests_total} passed"
        content_hash = summary.content_hash
        environment = summary.environment
    values = {
        "Task-Id": task.task_id,
        "Stage": task.stage.value,
        "Branch-Coverage": coverage,
        "Tests": tests,
        "Flaky-Runs": flaky,
        "Validated-Content-Hash": content_hash,
        "Environment": environment,
        "Annotator": annotator,
        "LLM-Assisted": llm_assisted(task),
    }
    return {key: " ".join(values[key].split()) or NONE for key in TRAILER_KEYS}


def format_message(message: str, trailers: dict[str, str]) -> str:
    lines = [f"{key}: {value}" for key, value in trailers.items()]
    return message.strip() + "\n\n" + "\n".join(lines) + "\n"


def parse_trailers(message: str) -> dict[str, str]:
    """The `Key: value` lines of a message's last paragraph."""
    paragraphs = [part for part in message.strip().split("\n\n") if part.strip()]
    if len(paragraphs) < 2:
        return {}
    trailers = {}
    for line in paragraphs[-1].splitlines():
        key, separator, value = line.partition(": ")
        if not separator or " " in key:
            return {}
        trailers[key] = value.strip()
    return trailers


# -- committing ------------------------------------------------------------------------------


@dataclass
class CommitResult:
    sha: str
    task_id: str
    stage: Stage
    previous_stage: Stage
    message: str
    others: list[str] = field(default_factory=list)
    """Files in the folder that are not curator's, committed with it (`CommitDraft.others`)."""

    def note(self) -> str:
        """ "committed SHA", with the stage change if the commit made one."""
        moved = (
            f" ({self.previous_stage.value} → {self.stage.value})"
            if self.previous_stage is not self.stage
            else ""
        )
        return f"committed {self.sha[:10]}{moved}"


def commit_task(
    bank: Bank, task_id: str, stage: Stage | None, message: str, annotator: str | None = None
) -> CommitResult:
    """Record a task in `stage` (default: its current one) as one commit of only its folder.

    Refuses (naming why) a stage the task's validation does not support, a message that is
    empty, and a task whose folder matches HEAD already. Temporary files a killed write left in
    the folder are deleted first, never committed.
    """
    if not message.strip():
        raise CuratorError("a commit needs a message (-m MESSAGE)")
    repository = GitBank(bank)
    repository.branch()
    who = resolve_annotator(annotator, bank.root)
    with bank.lock():
        task = bank.load(task_id)
        left = remove_stale_temporaries(bank.task_dir(task_id))
        if left:
            raise CuratorError(
                f"{left[0]}: a temporary file of a process that still runs (its id is in the "
                "name); commit when it has finished, or delete the file if it is not curator"
            )
        stage = stage or task.stage
        facts = gate_facts(bank, task)
        problems = stage_blockers(task, stage, facts)
        if problems:
            allowed = [s for s in allowed_stages(task, facts) if s is not Stage.REJECTED]
            raise CommitRefused(task_id, stage, problems, allowed[-1] if allowed else None)
        previous = task.stage
        before = task.model_copy(deep=True) if previous is not stage else None
        if previous is not stage:
            task.stage = stage
            task.provenance.events.append(
                ProvenanceEvent(
                    operation="stage", annotator=who, detail=f"{previous.value} -> {stage.value}"
                )
            )
            bank.save(task)
        others = draft_commit(bank, task, stage).others
        trailers = task_trailers(task, who, flaky_runs(bank, task), facts)
        full_message = format_message(message, trailers)
        try:
            sha = repository.commit_paths([repository.task_path(task_id)], full_message)
        except CuratorError:
            if before is not None:  # a stage nobody committed must not stay on disk
                bank.save(before)
            raise
        if sha is None:
            raise CuratorError(f"nothing to commit for {task_id}: its folder matches HEAD")
    return CommitResult(
        sha=sha,
        task_id=task_id,
        stage=stage,
        previous_stage=previous,
        message=full_message,
        others=others,
    )


RECORD_FILES = {
    REPORT_FILE: "validation",
    EVIDENCE_FILE: "flaky check",
    MUTATION_FILE: "mutation analysis",
    RESULT_FILE: "alternatives' results",
    PREEVAL_FILE: "pre-evaluation",
}
"""The records curator writes beside a task's own files, as a commit message names them."""


@dataclass
class CommitDraft:
    """What the commit dialog offers: a message that says what changed (every re-commit of an
    accepted task's records read "Accept ID", repeated in the changelog), and the changed files
    that are not curator's (hidden notes went into history unsaid)."""

    message: str
    others: list[str]


def draft_commit(bank: Bank, task: Task, stage: Stage) -> CommitDraft:
    repository = GitBank(bank)
    folder = repository.task_path(task.task_id) + "/"
    changed = [path.removeprefix(folder) for _, path in repository.status(folder)]
    own = {*TASK_FILES, *RECORD_FILES, ALTERNATIVES_DIR}
    others = [name for name in changed if name.split("/")[0] not in own]
    records = [kind for name, kind in RECORD_FILES.items() if name in changed]
    ours = set(changed) - set(others)
    if stage is task.stage and records and ours <= {*RECORD_FILES, META_FILE}:
        named = ", ".join(records[:-1]) + " and " + records[-1] if len(records) > 1 else records[0]
        return CommitDraft(f"Record the {named} of {task.task_id}", others)
    if stage is task.stage and others and not ours:  # it read "Accept" for the task's notes
        return CommitDraft(f"Add {listed(others)} to {task.task_id}", others)
    verb = "Accept" if stage is Stage.ACCEPTED else f"Record as {stage.value}:"
    return CommitDraft(f"{verb} {task.task_id}", others)


def commit_review(bank: Bank, task_id: str, message: str, annotator: str) -> CommitResult:
    """Commit what a flaky review (a flag decision, a rerun) wrote to the task's folder at once,
    so that it never waits for, and lands in, an unrelated commit. The task keeps its stage
    where the gate allows it; otherwise the commit records the furthest stage the gate allows
    (`CommitResult.note` says so)."""
    task = bank.load(task_id)
    facts = gate_facts(bank, task)
    stage = task.stage
    if stage_blockers(task, stage, facts):
        allowed = [s for s in allowed_stages(task, facts) if s is not Stage.REJECTED]
        stage = allowed[-1] if allowed else stage  # commit_task names why it refuses
    return commit_task(bank, task_id, stage, message, annotator)


def commit_paths(bank: Bank, paths: list[str], message: str) -> str:
    """Commit exactly `paths` (relative to the bank) with `message`; returns the new commit."""
    repository = GitBank(bank)
    repository.branch()
    sha = repository.commit_paths([repository.in_bank(path) for path in paths], message)
    if sha is None:
        raise CuratorError(f"nothing to commit: {', '.join(paths[:5])} match HEAD already")
    return sha


@dataclass
class ImportOutcome:
    added: list[Task]
    sha: str | None  # None when nothing was written, or it could not be committed
    not_committed: str | None = None
    updated: list[Task] = field(default_factory=list)
    unchanged: int = 0
    # Tasks the file leaves as they are whose folders differ from the last commit: what an
    # interrupted import wrote (or edits that match the file), which this import does not commit.
    uncommitted: list[str] = field(default_factory=list)

    @property
    def written(self) -> list[Task]:
        return self.added + self.updated


def import_tasks(
    bank: Bank,
    tasks: list[Task],
    source: Path,
    annotator: str | None = None,
    update: bool = False,
) -> ImportOutcome:
    """Add tasks all or nothing, then commit them as one "Import N task(s) from FILE".

    A task already in the bank refuses the whole file; with `update`, it takes the file's
    content where that differs (`updated_by`: the file's next release fixed it), and is left
    alone where it does not. The tasks stay written when git cannot commit (no identity,
    detached HEAD, no repository); the outcome says why, so the user can commit them by hand.
    """
    with bank.lock():
        added, updated, before, unchanged = list(tasks), [], [], []
        if update:
            added = [task for task in tasks if not os.path.lexists(bank.task_dir(task.task_id))]
            new = {task.task_id for task in added}
            for task in tasks:
                if task.task_id in new:
                    continue
                existing = bank.load(task.task_id)
                revised = updated_by(existing, task, annotator)
                if revised is None:
                    unchanged.append(task.task_id)
                else:
                    updated.append(revised)
                    before.append(existing)
            refuse_uncommitted(bank, [task.task_id for task in updated])
        bank.save_all(updated, before)
        try:
            bank.add_all(added)
        except BaseException:
            bank.save_all(before, updated)
            raise
        outcome = ImportOutcome(added, None, None, updated, len(unchanged))
        if unchanged:
            with contextlib.suppress(BankError, GitError):  # no repository: nothing to tell
                repository = GitBank(bank)
                content = {PROGRAM_FILE, TESTS_FILE, INSTRUCTION_FILE, CODE_PROMPT_FILE}
                changed = {  # in what the file defines, not the run records (validation)
                    repository.task_id_of(path)
                    for _, path in repository.status()
                    if path.rsplit("/", 1)[-1] in content
                }
                outcome.uncommitted = [task_id for task_id in unchanged if task_id in changed]
        if not outcome.written:
            return outcome
        folders = [bank.task_dir(task.task_id).name for task in outcome.written]
        message = f"Import {len(folders)} task(s) from {Path(source).name}"
        if update:
            message += f" ({len(added)} new, {len(updated)} updated)"
        if annotator:
            message += f"\n\nAnnotator: {annotator}"
        try:
            outcome.sha = commit_paths(bank, folders, message)
        except CuratorError as error:
            outcome.not_committed = str(error)
    return outcome


def uncommitted_changes(
    bank: Bank, task_ids: list[str], besides: frozenset[str] = frozenset(), new: bool = True
) -> str | None:
    """The uncommitted changes in the folders of `task_ids` (with `new`, files git does not
    track yet too) but for the files named `besides`, listed; None when there are none. Without
    a repository to tell them by, its `GitError`."""
    repository = GitBank(bank)
    folders = [repository.task_path(task_id) + "/" for task_id in task_ids]
    changed = sorted(
        path
        for status, path in repository.status()
        for folder in folders
        if path.startswith(folder)
        and path.removeprefix(folder) not in besides
        and (new or status != "??")
    )
    if not changed:
        return None
    return listed(changed, limit=5)


def refuse_uncommitted(bank: Bank, task_ids: list[str]) -> None:
    """Refuse to replace, and then commit, task folders that hold uncommitted changes: an
    edit never staged is gone once overwritten, and a stray file would land in the commit.
    Without git to tell them by, refused too: nothing could bring such an edit back."""
    try:
        changed = uncommitted_changes(bank, task_ids)
    except (BankError, GitError) as error:
        raise CuratorError(
            f"nothing imported: the update replaces task folders, and without git there is no "
            f"telling whether they hold edits that were never committed ({error})"
        ) from error
    if changed:
        raise CuratorError(
            f"nothing imported: the update would replace uncommitted changes ({changed}); "
            "commit them (`curator commit`) or discard them first"
        )


def check_reviewable(bank: Bank, task_id: str) -> None:
    """A review (a flag decision, a rerun) commits the records of curator's checks that
    `curator flaky` and `curator validate` leave uncommitted (`task.json`, `flaky.json`,
    `validation.json`: the demo's `v` left every task's, and the review was refused) and
    nothing else: refused, before it writes, while the task's folder holds other changes that
    its commit would take in (an annotator's unfinished edit recorded as the maintainer's
    decision, and judged by the gate). A task never committed is committed whole, as
    `curator commit` would."""
    review_records = frozenset({META_FILE, EVIDENCE_FILE, REPORT_FILE})
    try:
        changed = uncommitted_changes(bank, [task_id], review_records, new=False)
    except (BankError, GitError):
        return  # nothing to commit into: the decision stands, and the commit says why not
    if changed:
        raise CuratorError(
            f"{task_id}: its folder holds uncommitted changes ({changed}), which the review's "
            "commit would take in; commit them (`curator commit`) or discard them first"
        )


def commit_new_bank(bank: Bank) -> str:
    """Commit the marker files `curator init` wrote, so clones of the bank are banks too."""
    names = [MARKER] + ([".gitignore"] if (bank.root / ".gitignore").is_file() else [])
    with bank.lock():
        return commit_paths(bank, names, f"Create bank {bank.name}")


# -- history ---------------------------------------------------------------------------------


@dataclass
class LogEntry:
    sha: str
    date: datetime
    author: str
    subject: str
    trailers: dict[str, str] = field(default_factory=dict)
    stage: str | None = None  # None where the commit deleted the task
    previous_stage: str | None = None

    @property
    def annotator(self) -> str:
        return self.trailers.get("Annotator", self.author)

    @property
    def stage_changed(self) -> bool:
        return self.stage != self.previous_stage


_FIELD = "\x1f"
_RECORD = "\x1e"


def task_log(bank: Bank, task_id: str) -> list[LogEntry]:
    """The commits that touched a task's folder, newest first, with the stage after each."""
    repository = GitBank(bank)
    folder = bank.task_dir(task_id)  # an empty id, or a folder of the bank's own, is no task
    if not repository.has_commits():
        if not folder.is_dir():
            raise bank.not_found(task_id)
        return []
    path = repository.task_path(task_id)
    # --full-history: git's default simplification hid a commit whose change a merge then
    # discarded (an annotator's edit that lost a conflict), which is the task's history too;
    # --simplify-merges: without it, every merge that brought the task's changes from one side
    # was listed too (Demo/7: 14 commits, 2 of them its changes).
    output = repository.run(
        "log",
        "--full-history",
        "--simplify-merges",
        f"--format=%H{_FIELD}%aI{_FIELD}%an{_FIELD}%B{_RECORD}",
        "--",
        path,
    )
    entries = []
    for record in output.split(_RECORD):
        record = record.strip("\n")
        if not record:
            continue
        sha, date, author, body = record.split(_FIELD, 3)
        commit = repository.repo.commit(sha)
        meta = f"{path}/{META_FILE}"
        entries.append(
            LogEntry(
                sha=sha,
                date=datetime.fromisoformat(date),
                author=author,
                subject=body.strip().splitlines()[0] if body.strip() else "",
                trailers=parse_trailers(body),
                stage=_stage_at(repository, commit, meta),
                # Of its first parent, not of the row below it: after a merge, that row may be
                # the other side's commit.
                previous_stage=(
                    _stage_at(repository, commit.parents[0], meta) if commit.parents else None
                ),
            )
        )
    if not entries and not folder.is_dir():
        raise GitError(f"no task {task_id!r} in the bank or its history")
    return entries


def _stage_at(repository: GitBank, commit: git.Commit, meta_path: str) -> str | None:
    data = repository.file_at(commit, meta_path)
    if data is None:
        return None
    try:
        stage = json.loads(data).get("stage")
    except (json.JSONDecodeError, UnicodeDecodeError, AttributeError):
        return "unreadable"
    return stage if isinstance(stage, str) else "unreadable"


@dataclass
class FileDiff:
    part: str
    file_name: str
    old_label: str
    new_label: str
    text: str  # a unified diff; empty when the file is the same on both sides


WORK_TREE = "work tree"


def task_diff(
    bank: Bank, task_id: str, old_rev: str | None = None, new_rev: str | None = None
) -> list[FileDiff]:
    """Diffs of a task's program, tests, prompts and metadata between two versions.

    Like `git diff`: no revision compares HEAD with the work tree, one revision compares it
    with the work tree, two compare them with each other.
    """
    repository = GitBank(bank)
    path = repository.task_path(task_id)
    old_commit = repository.commit(old_rev or "HEAD")
    new_commit = repository.commit(new_rev) if new_rev else None
    old_name = old_rev or "HEAD"
    new_name = new_rev or WORK_TREE
    found = False
    diffs = []
    for part, file_name in DIFF_PARTS:
        old = repository.file_at(old_commit, f"{path}/{file_name}")
        local = bank.task_dir(task_id) / file_name
        if new_commit is None:
            new = local.read_bytes() if local.is_file() else None
        else:
            new = repository.file_at(new_commit, f"{path}/{file_name}")
        for name, data in ((old_name, old), (new_name, new)):
            if data is not None and (problem := oversized(len(data))):
                raise TaskFileError(local, f"{problem} (in {name}): not diffed")
        found = found or old is not None or new is not None
        old_text, new_text = _text(old), _text(new)
        old_label = f"{old_name}:{path}/{file_name}" if old is not None else "/dev/null"
        new_label = f"{new_name}:{path}/{file_name}" if new is not None else "/dev/null"
        text = "".join(
            _mark_missing_newline(line)
            for line in difflib.unified_diff(
                old_text.splitlines(keepends=True),
                new_text.splitlines(keepends=True),
                old_label,
                new_label,
            )
        )
        diffs.append(FileDiff(part, file_name, old_label, new_label, text))
    if not found:
        raise GitError(f"task {task_id!r} is in neither {old_name} nor {new_name}")
    return diffs


def _text(data: bytes | None) -> str:
    return "" if data is None else data.decode("utf-8", errors="replace")


def _mark_missing_newline(line: str) -> str:
    """As `git diff` shows it: the last line of a file that does not end in a newline."""
    return line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
