"""What a sandboxed test-suite run takes (`RunOptions`) and gives back (`SuiteRun`)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

TestOutcomeName = Literal["pass", "fail", "error", "skip", "timeout"]
RunStatus = Literal["completed", "timeout", "memory", "crashed", "environment", "invalid"]


class RunOptions(BaseModel):
    """How to run one suite. The defaults are what validation uses."""

    test_order: list[str] | None = Field(
        default=None,
        description="TestCases method names to run, in this order; None runs all of them in "
        "unittest's default (alphabetical) order.",
    )
    hash_seed: int | None = Field(
        default=0,
        description="PYTHONHASHSEED. A warm worker has seed 0; any other value (None = random) "
        "runs in a fresh interpreter, or forks from a warm worker of that seed where the "
        "sandbox keeps one (Sandbox.warm_hash_seeds).",
    )
    random_seed: int | None = Field(
        default=None,
        description="If set: random.seed and numpy.random.seed before EACH test (numpy not "
        "loaded yet is seeded as it loads). If not, numpy's global generator is reseeded from "
        "OS entropy after the fork, as in a fresh interpreter.",
    )
    tz: str = Field(default="UTC", description="TZ of the task's process.")
    clock_offset_s: float = Field(
        default=0.0,
        description="Shift time.time/time_ns and datetime.now/utcnow/today/date.today by this "
        "many seconds.",
    )
    coverage: bool = Field(default=True, description="Branch coverage of the task program only.")
    doctests: bool = Field(
        default=False, description="Also run the entry point's docstring examples (after tests)."
    )
    timeout_s: float = Field(
        default=60.0, description="Wall clock for the whole run; the whole process tree dies."
    )
    coverage_overtime_s: float = Field(
        default=0.0,
        ge=0,
        description="With coverage: how much longer than `timeout_s` a run whose tests are "
        "still computing at `timeout_s` may go on, as coverage slows computation down (the run "
        "is then `late`). A run that waited until `timeout_s` is stopped there.",
    )
    memory_mb: int = Field(
        default=2048, description="Memory budget of the run's whole process tree (see notes)."
    )
    fresh_interpreter: bool = Field(
        default=False, description="Force a new interpreter instead of a fork of a warm one."
    )
    fail_fast: bool = Field(
        default=False,
        description="Stop at the first failing test (the rest are reported as not started).",
    )
    test_lines: bool = Field(
        default=False,
        description="With coverage: also record which program lines each test runs (`lines`).",
    )
    test_cpu_limits_s: dict[str, float] | None = Field(
        default=None,
        description="Per test: end the run as a timeout once the test has used this much CPU "
        "time (a looping mutant ends at once; a waiting one is left to `timeout_s`).",
    )


class TestOutcome(BaseModel):
    """How one test method ended."""

    __test__ = False  # not a pytest test class

    name: str
    outcome: TestOutcomeName
    duration_s: float = 0.0
    message: str | None = Field(default=None, description="The assertion or exception line.")
    traceback: str | None = None
    started: bool = Field(
        default=True, description="False for a test never started because the run ended early."
    )
    network: list[str] = Field(
        default_factory=list,
        description="A failed test's attempts to reach beyond the loopback, as the audit hook "
        "saw them (`socket.connect 93.184.215.14`): without a network, its failure may be the "
        "environment's.",
    )


RuntimeFindingCode = Literal[
    "leftover_processes",
    "output",
    "processes",
    "write_outside",
    "signal",
    "network",
    "subprocess",
    "memory",
    "load_thread",
    "reads_own_code",
]
INFORMATIONAL_FINDINGS = frozenset({"subprocess"})
"""Findings shown for the record that need no waiver: starting a program is common and usually
harmless in a benchmark task."""


class RuntimeFinding(BaseModel):
    """Something a task did at run time that a benchmark task should not (seen in the sandbox)."""

    code: RuntimeFindingCode
    message: str

    @property
    def needs_waiver(self) -> bool:
        return self.code not in INFORMATIONAL_FINDINGS


class CoverageResult(BaseModel):
    """Coverage of the task program (`task.py`) by its tests; line numbers are of that file."""

    branch_coverage: float = Field(description="Percent of branch arcs taken (100 if none).")
    line_coverage: float = Field(description="Percent of statements executed.")
    missed_lines: list[int] = Field(default_factory=list)
    missed_branches: list[tuple[int, int]] = Field(
        default_factory=list, description="Arcs (from line, to line); a negative `to` is an exit."
    )
    num_statements: int = 0
    covered_lines: int = 0
    num_branches: int = 0
    covered_branches: int = 0


class TestLines(BaseModel):
    """Which program lines each test ran: a change to a line can only be noticed by these."""

    __test__ = False  # not a pytest test class

    by_test: dict[str, list[int]] = Field(default_factory=dict)
    outside: list[int] = Field(
        default_factory=list,
        description="Lines run for no one test (the module body, class and module fixtures).",
    )
    at_load: list[int] = Field(
        default_factory=list, description="Of those, the lines run as the program loaded."
    )
    modules: list[str] = Field(
        default_factory=list, description="Modules first imported during the run."
    )
    bound_sockets: bool = Field(
        default=False,
        description="The run bound a socket: a port can stay taken after a run ends, so runs "
        "of variants of this program each need a network of their own (no batches).",
    )
    entry_wrapper: str | None = Field(
        default=None,
        description="A function of the program's own that stood as the entry point in place of "
        "the one its def made (a decorator's wrapper): what no mutant changes.",
    )

    def tests_running(self, line: int) -> list[str] | None:
        """The tests that run `line`; None when every test may (it runs outside any test)."""
        if line in self.outside:
            return None
        return [name for name, lines in self.by_test.items() if line in lines]


class DoctestResult(BaseModel):
    """The entry point's docstring examples, run after the tests in the same process."""

    attempted: int = 0
    failed: int = 0
    report: str = ""
    unfinished: str | None = Field(
        default=None,
        description="Why the examples did not finish (the run's time limit or memory ran out, "
        "or its process ended, while they ran). The tests had finished: they decide the run.",
    )


class SuiteRun(BaseModel):
    """The result of one sandboxed run of a task program and its TestCases."""

    status: RunStatus
    tests: list[TestOutcome] = Field(default_factory=list)
    coverage: CoverageResult | None = None
    lines: TestLines | None = None
    doctest: DoctestResult | None = None
    missing_module: str | None = Field(
        default=None, description="A module the task imports that the sandbox cannot import."
    )
    message: str | None = Field(default=None, description="Why the run is not `completed`.")
    stdout_tail: str = ""
    stderr_tail: str = ""
    stdout_bytes: int = 0
    stderr_bytes: int = 0
    exit_code: int | None = None
    duration_s: float = 0.0
    cpu_s: float | None = Field(
        default=None,
        description="CPU seconds (user and system) that the run's processes used together.",
    )
    timings: dict[str, float] = Field(
        default_factory=dict,
        description="Seconds per step of the run as the sandbox measured them (bench figures).",
    )
    sandbox_error: bool = Field(
        default=False, description="The sandbox itself failed: the result says nothing of the task."
    )
    network_isolated: bool = False
    late: bool = Field(
        default=False,
        description="Its tests were still running at `timeout_s` and ended in the overtime "
        "granted to coverage (`RunOptions.coverage_overtime_s`): whether they fit the limit "
        "is for a run without coverage to say.",
    )
    overlapped: bool = Field(
        default=False,
        description="Other runs of the same sandbox were in flight during this one, competing "
        "for the CPUs.",
    )
    notes: list[str] = Field(default_factory=list)
    options: RunOptions = Field(default_factory=RunOptions)
    tampering: list[str] = Field(
        default_factory=list,
        description="What the task did to the test machinery or the result channel; any entry "
        "makes every test an error.",
    )
    fixture_errors: list[TestOutcome] = Field(
        default_factory=list,
        description="Class and module fixtures (setUpClass, tearDownModule...) that failed.",
    )
    runtime: list[RuntimeFinding] = Field(default_factory=list)

    @property
    def passed(self) -> bool:
        """Completed without tampering or fixture errors, at least one test, and every test
        passed or was skipped."""
        return (
            self.status == "completed"
            and not self.tampering
            and not any(fixture.outcome == "error" for fixture in self.fixture_errors)
            and any(test.outcome == "pass" for test in self.tests)
            and all(test.outcome in ("pass", "skip") for test in self.tests)
        )


class Variant(BaseModel):
    """One program of a batch run against the same tests (`Sandbox.run_variants`): a mutant."""

    program: str
    test_order: list[str] = Field(description="The tests to run, in this order.")
