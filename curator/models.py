"""The task model: every field of a BigCodeBench record plus what curation needs.

These pydantic models are the single source of truth for data; `schemas/` is generated from
them (`curator schema`).
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

MAX_TIMEOUT_S = 3600.0
"""The longest time limit a task run may have (a task's, the bank's or `--timeout`): a task
file that asks for more could hold a worker for good."""
DEFAULT_TIMEOUT_S = 60.0
"""A task run's time limit when neither the task nor its bank sets one."""

# The keys of a BigCodeBench record, in the order the dataset writes them.
BCB_FIELDS = (
    "task_id",
    "complete_prompt",
    "instruct_prompt",
    "canonical_solution",
    "code_prompt",
    "test",
    "entry_point",
    "doc_struct",
    "libs",
)


def utc_now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


class Stage(StrEnum):
    """Where a task stands in the curation pipeline."""

    DRAFT = "draft"
    REFINED = "refined"
    VALIDATED = "validated"
    CONDENSED = "condensed"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class Origin(StrEnum):
    IMPORTED = "imported"
    HAND_WRITTEN = "hand-written"
    LLM_ASSISTED = "llm-assisted"


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DocStruct(StrictModel):
    """The docstring's sections, one list entry per source line, as BigCodeBench stores them."""

    description: list[str] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    params: list[str] = Field(default_factory=list)
    returns: list[str] = Field(default_factory=list)
    reqs: list[str] = Field(default_factory=list)
    raises: list[str] = Field(default_factory=list)
    examples: list[str] = Field(default_factory=list)


class Dependencies(StrictModel):
    """Top-level modules each part of the task imports.

    BigCodeBench's `libs` covers only the prompt and solution; an environment built from it
    misses what the tests or the docstring examples import.
    """

    solution: list[str] = Field(default_factory=list)
    tests: list[str] = Field(default_factory=list)
    examples: list[str] = Field(default_factory=list)

    def all(self) -> list[str]:
        return sorted({*self.solution, *self.tests, *self.examples})


class ProvenanceEvent(StrictModel):
    """One recorded change to a task: what was done, by whom, with which model."""

    operation: str
    at: datetime = Field(default_factory=utc_now)
    annotator: str | None = None
    model: str | None = None
    prompt_hash: str | None = None
    detail: str | None = None


class Provenance(StrictModel):
    origin: Origin = Origin.HAND_WRITTEN
    source: str | None = Field(
        default=None, description="Where the task came from: an imported file, a seed."
    )
    model: str | None = Field(default=None, description="The LLM that helped, if any.")
    authors: list[str] = Field(default_factory=list)
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)
    events: list[ProvenanceEvent] = Field(default_factory=list)


class Verdict(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    ERROR = "error"
    TIMEOUT = "timeout"
    ENVIRONMENT = "environment"
    INVALID = "invalid"


def other_time_limit(ran_under: float | None, limit: float | None) -> bool:
    """Whether a validation that ran under `ran_under` seconds per run no longer counts for a
    task whose limit is `limit`: a verdict depends on the limit (a task that timed out may pass
    under a longer one). Unknown either way (reports made before the limit was recorded), it
    counts."""
    return ran_under is not None and limit is not None and ran_under != limit


class ValidationSummary(StrictModel):
    """The latest validation, kept with the task; stale when the content hash differs."""

    verdict: Verdict
    content_hash: str
    environment: str = Field(description="Fingerprint of the Python and library versions.")
    tests_total: int = 0
    tests_passed: int = 0
    branch_coverage: float | None = None
    line_coverage: float | None = None
    static_problems: int = 0
    duration_s: float = 0.0
    waited: bool = Field(
        default=False,
        description="The run spent its time waiting (sleeps, servers, timers), not computing.",
    )
    ran_alone: bool = Field(
        default=False, description="The run had to run with no other computing run beside it."
    )
    timeout_s: float | None = Field(
        default=None,
        description="The time limit per run it ran under; none when nothing ran (a task that "
        "does not compile) or before it was recorded.",
    )
    runtime: list[str] = Field(
        default_factory=list,
        description="Codes of the runtime findings that need a reviewer's waiver.",
    )
    lacking: str | None = Field(
        default=None,
        description="With the verdict `environment`: what the sandbox lacked, as the report's "
        "message says it (a library, its data, the network).",
    )
    at: datetime = Field(default_factory=utc_now)

    def lacks_library_data(self, task: Task, fingerprint: str) -> str | None:
        """What library data (NLTK's) the task's run here lacked, if its last run, of this very
        content in the environment of `fingerprint`, stopped for want of it."""
        if (
            self.content_hash == task.content_hash()
            and self.environment == fingerprint
            and self.lacking is not None
            and self.lacking.startswith(LACKING_DATA)
        ):
            return self.lacking
        return None


LACKING_DATA = "data: "
"""How an `environment` verdict for want of library data begins (`validation.environment_cause`)."""


class FlagStatus(StrEnum):
    OPEN = "open"
    CONFIRMED = "confirmed"
    DISMISSED = "dismissed"
    FIXED = "fixed"


class FlagEvent(StrictModel):
    status: FlagStatus
    who: str
    why: str
    at: datetime = Field(default_factory=utc_now)
    sent_back: bool = Field(
        default=False,
        description="A confirmation that sent the task back to draft for its annotator to fix.",
    )

    @property
    def verb(self) -> str:
        """What was done, to read "opened by …" ("open by …" read as an order); a send-back
        read as a plain confirmation."""
        if self.sent_back:
            return "sent back (confirmed)"
        return "opened" if self.status is FlagStatus.OPEN else self.status.value


class Flag(StrictModel):
    """A test flagged as flaky, with the decisions maintainers took on it."""

    test: str
    classification: str
    cause: str | None = None
    status: FlagStatus = FlagStatus.OPEN
    history: list[FlagEvent] = Field(default_factory=list)

    @property
    def status_label(self) -> str:
        """The status as the flaky queue lists it: a flag sent back says so."""
        return "sent back" if self.history and self.history[-1].sent_back else self.status.value


class ReviewerNote(StrictModel):
    author: str
    text: str
    at: datetime = Field(default_factory=utc_now)


class FindingWaiver(StrictModel):
    """A reviewer's decision that a finding (by code) is acceptable for this task: a runtime
    finding of its validation, or a departure from the benchmark's shape (a static finding)."""

    code: str = Field(description="The finding's code, e.g. `network` or `libs-few`.")
    reason: str
    who: str
    content_hash: str = Field(description="The task version the reviewer looked at.")
    at: datetime = Field(default_factory=utc_now)


class InterchangeText(StrictModel):
    """Exact BigCodeBench text kept only where it cannot be derived, for a byte-exact export."""

    doc_struct: str | None = None
    libs: str | None = None
    code_prompt: str | None = None
    prompt_chars: int | None = Field(
        default=None, description="Length of complete_prompt where the docstring split fails."
    )


PREEVAL_FILE = "preeval.json"
"""The sidecar of a task's last pre-evaluation (`curator.llm.preeval.PreEvalReport`)."""


class PreEvalSummary(StrictModel):
    """How often a capable model solved the task (details in the `preeval.json` sidecar)."""

    model: str
    k: int = Field(description="Samples per prompt.")
    complete_rate: float | None = Field(default=None, description="Solved from complete_prompt.")
    instruct_rate: float | None = Field(default=None, description="Solved from instruct_prompt.")
    content_hash: str = Field(description="The task version that was evaluated.")
    at: datetime = Field(default_factory=utc_now)
    unfinished: str | None = Field(
        default=None,
        description="Why sampling stopped short of k samples per prompt (a request failed); "
        "the rates are of the samples taken.",
    )

    def describe(self, current_hash: str) -> str:
        """Solve rates as `show` and the app's Results give them, stale if the task changed."""
        rates = [
            f"{kind} {rate:.0%}"
            for kind, rate in (("complete", self.complete_rate), ("instruct", self.instruct_rate))
            if rate is not None
        ]
        stale = "" if self.content_hash == current_hash else " (stale)"
        unfinished = ", unfinished: a request failed" if self.unfinished else ""
        return f"{', '.join(rates)} solved by {self.model} (k={self.k}{unfinished}){stale}"


class QualitySummary(StrictModel):
    """Test-quality figures kept in task.json (details: mutation.json, alternatives.json)."""

    mutation_score: float | None = Field(
        default=None, description="Percent of non-equivalent mutants the tests detect."
    )
    mutants: int = 0
    survived: int = Field(default=0, description="Survivors not marked equivalent.")
    mutation_content_hash: str | None = Field(
        default=None, description="The task version the mutation figures are of."
    )
    over_strict: list[str] = Field(
        default_factory=list,
        description="Tests that fail only an otherwise-passing alternative: 'test (alternative)'.",
    )
    alternatives_content_hash: str | None = Field(
        default=None, description="The task version the alternatives were run against."
    )


class TaskMeta(StrictModel):
    """What a task folder's `task.json` holds: everything except the code and prose files."""

    task_id: str
    entry_point: str = "task_func"
    stage: Stage = Stage.DRAFT
    libs: list[str] = Field(default_factory=list)
    doc_struct: DocStruct = Field(default_factory=DocStruct)
    dependencies: Dependencies = Field(default_factory=Dependencies)
    provenance: Provenance = Field(default_factory=Provenance)
    validation: ValidationSummary | None = None
    preeval: PreEvalSummary | None = None
    flags: list[Flag] = Field(default_factory=list)
    notes: list[ReviewerNote] = Field(default_factory=list)
    waivers: list[FindingWaiver] = Field(
        default_factory=list,
        description="Runtime and shape findings a reviewer accepted, with why.",
    )
    interchange: InterchangeText = Field(default_factory=InterchangeText)
    quality: QualitySummary | None = None
    timeout_s: float | None = Field(
        default=None,
        gt=0,
        le=MAX_TIMEOUT_S,
        description="Wall-clock limit of this task's test run, in seconds; overrides the "
        "bank's `timeout_s` (bank.json). Coverage's overhead is not charged to it.",
    )


class Task(TaskMeta):
    """A whole task: its metadata plus the code and prose of a BigCodeBench record."""

    complete_prompt: str = ""
    canonical_solution: str = ""
    instruct_prompt: str = ""
    code_prompt: str = ""
    test: str = ""

    @property
    def program(self) -> str:
        """The task module the tests run against: prompt (with docstring) plus solution."""
        return self.complete_prompt + self.canonical_solution

    def last_change(self) -> datetime:
        """When someone last changed the task or decided on it: its content (`updated_at`), a
        provenance event (a stage change, a commit's), a flag decision, a note, a waiver, or
        the last validation or pre-evaluation that stored a result. The browser showed
        `updated_at` alone, so a task accepted today read as untouched; then a test added by
        hand and validated did (walk 47): only the validation of the new content dates it."""
        moments = [
            self.provenance.updated_at,
            *(event.at for event in self.provenance.events),
            *(event.at for flag in self.flags for event in flag.history),
            *(note.at for note in self.notes),
            *(waiver.at for waiver in self.waivers),
            *(summary.at for summary in (self.validation, self.preeval) if summary is not None),
        ]
        return max(moments)

    def content_hash(self) -> str:
        """Hash of what validation executes; a change to any of it makes results stale."""
        payload = json.dumps(
            [self.complete_prompt, self.canonical_solution, self.test, self.entry_point]
        )
        return hashlib.sha256(payload.encode()).hexdigest()[:16]

    @property
    def validation_is_current(self) -> bool:
        return self.validation is not None and self.validation.content_hash == self.content_hash()

    def time_limit(self, bank_timeout_s: float | None) -> float:
        """Its wall-clock limit per run: its own, else its bank's, else the default."""
        return self.timeout_s or bank_timeout_s or DEFAULT_TIMEOUT_S

    def validation_counts(self, environment: str | None, timeout_s: float | None) -> bool:
        """Current for this content, run in the environment with this fingerprint and under
        this time limit (`other_time_limit`); None: that one is not checked."""
        summary = self.validation
        return (
            self.validation_is_current
            and summary is not None
            and environment in (None, summary.environment)
            and not other_time_limit(summary.timeout_s, timeout_s)
        )

    def open_flags(self) -> list[Flag]:
        return [flag for flag in self.flags if flag.status is FlagStatus.OPEN]

    def unresolved_flags(self) -> list[Flag]:
        """Flags not yet decided (open) or decided real (confirmed): a flaky test either way,
        until a flaky check finds it fixed or a maintainer dismisses it."""
        return [
            flag for flag in self.flags if flag.status in (FlagStatus.OPEN, FlagStatus.CONFIRMED)
        ]

    def meta(self) -> TaskMeta:
        return TaskMeta.model_validate(self.model_dump(include=set(TaskMeta.model_fields)))


def unwaived_runtime_findings(task: TaskMeta) -> list[str]:
    """Codes of the runtime findings of the task's last validation that no reviewer waived:
    a task with any of them may not be accepted."""
    if task.validation is None:
        return []
    waived = {waiver.code for waiver in task.waivers}
    # Once each: the tests and the docstring examples may both have made one ("network, network").
    return [code for code in dict.fromkeys(task.validation.runtime) if code not in waived]
