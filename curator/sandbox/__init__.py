"""Run untrusted task code and its tests in an isolated process tree.

API (used by validation, flaky-test detection, LLM candidate checks and the app):

    from curator.sandbox import Sandbox, RunOptions
    with Sandbox(protect=[bank.root]) as sandbox:           # thread-safe; share it across jobs
    Sandbox(..., interpreter=Interpreter(venv_python, variables, fingerprint))  # another Python
        run = sandbox.run(task.program, task.test, task.entry_point, RunOptions(...))
    run.status      # completed | timeout | memory | crashed | environment | invalid
    run.tests       # [TestOutcome(name, outcome pass|fail|error|skip|timeout, duration_s, ...)]
    run.coverage    # CoverageResult: branch/line percent, missed lines and arcs of task.py
    run.lines       # with RunOptions(test_lines=True): TestLines, the lines each test ran
    run.overlapped  # other runs of the sandbox ran beside it; `run(..., company=Company.ALONE)`
                    # waits until no other computing run is in flight and holds new ones back
                    # (`RunGate`; `WAITING` runs go on beside it, `STRICTLY_ALONE` has none)
    runs = sandbox.run_variants([Variant(program, test_order), ...], task.test)  # mutants:
                    # one run, each variant forked alone from it; None = run it with `run`

The program runs as module `__test__` from a real file `task.py` (so line numbers are those of
the bank's task.py); the tests run in the same namespace, as BigCodeBench runs them.

Isolation (see worker.py for the process layout): `unshare --net --pid` (with
`--map-root-user` for an ordinary user) where allowed, else `SuiteRun.network_isolated` is
False and a note says so; per run new pid, mount, network and IPC namespaces and a root file
system of its own (the system's and the interpreter's files read-only, a scratch tmpfs as /tmp
and /home/user, nothing of HOME or the bank); no capabilities and `no_new_privs`; as root, an
unprivileged uid (64000 + slot); a memory budget for the whole process tree (cgroup, else
per-process address space plus a watchdog), rlimits on CPU time, file size and processes.

Outcomes (see harness.py and protocol.py): the harness alone decides them, in a real unittest
suite, and signs its records with a per-run key; the supervisor rejects anything else. Tampering
(forged records, unittest patched, undeclared skips or expected failures, forger's tools seen by
an audit hook) is listed in `SuiteRun.tampering` and makes every test an error; what the task did
that a benchmark task should not is in `SuiteRun.runtime`. Residual risk: the harness shares the
task's process, so stack walking through frame attributes no audit event covers, or adding arcs
to coverage.py's running tracer, could still misreport the task's own run (never the host's).

Interpreter: curator's own by default; `Interpreter` names another (a bank environment's venv,
see `curator.validation.sandbox_for`): the zygote starts from it, its prefix stays visible, and
its variables (e.g. NLTK_DATA) reach every run.

Speed: a warm zygote with PYTHONHASHSEED=0 preloads the heavy libraries the interpreter has
(numpy, pandas, matplotlib, scipy, sklearn, seaborn, ...: `worker.PRELOAD`) (with BLAS threads
pinned to 1, so forking is safe) and forks per run; code that imports only the standard library
gets a lighter one, and code that imports TensorFlow or Keras (seconds to import) one that
preloads them too (`runner.worker_kind`). A sandbox for one task's runs
(`preload_only=imported_packages(...)`) preloads only what that task imports. A run with another
`hash_seed` or with `fresh_interpreter=True` gets its own new interpreter, but within
`sandbox.warm_hash_seeds(seeds)`, where a run with one of those seeds forks from a warm zygote
of that seed (a flaky check of many tasks runs the same few seeds in each).
"""

from curator.sandbox.models import (
    CoverageResult,
    DoctestResult,
    RunOptions,
    RuntimeFinding,
    SuiteRun,
    TestLines,
    TestOutcome,
    Variant,
)
from curator.sandbox.protocol import waited
from curator.sandbox.runner import (
    OWN_INTERPRETER,
    Company,
    Interpreter,
    Sandbox,
    imported_packages,
    imports_heavy_library,
    probe_isolation,
    read_ahead,
)

__all__ = [
    "OWN_INTERPRETER",
    "Company",
    "CoverageResult",
    "DoctestResult",
    "Interpreter",
    "RunOptions",
    "RuntimeFinding",
    "Sandbox",
    "SuiteRun",
    "TestLines",
    "TestOutcome",
    "Variant",
    "imported_packages",
    "imports_heavy_library",
    "probe_isolation",
    "read_ahead",
    "waited",
]
