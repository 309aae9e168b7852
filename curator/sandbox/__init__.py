"""Run untrusted task code and its tests in an isolated process tree.

API (used by validation, flaky-test detection, LLM candidate checks and the app):

    from curator.sandbox import Sandbox, RunOptions
    with Sandbox(protect=[bank.root]) as sandbox:           # thread-safe; share it across jobs
    Sandbox(..., interpreter=Interpreter(venv_python, variables, fingerprint))  # another Python
        run = sandbox.run(task.program, task.test, task.entry_point, RunOptions(...))
    run.status      # completed | timeout | memory | crashed | environment | invalid
    run.tests       # [TestOutcome(name, outcome pass|fail|error|skip|timeout, duration_s, ...)]
    run.coverage    # CoverageResult: branch/line percent, missed lines and arcs of task.py

The program runs as module `__test__` from a real file `task.py` (so line numbers are those of
the bank's task.py); the tests run in the same namespace, as BigCodeBench runs them.

Isolation (see worker.py for the process layout): `unshare --net --pid` where allowed (else
`SuiteRun.network_isolated` is False and a note says so); per run a new pid namespace (the
wall-clock timeout kills the whole tree, and nothing outlives the run) and mount namespace (the
whole file system read-only, fresh tmpfs on /tmp, /var/tmp and /dev/shm, HOME and the `protect`
directories hidden); as root, task code
runs as an unprivileged uid (64000 + slot) with rlimits on address space (relative to the
worker's own size), CPU time, file size and processes, in a scratch directory that is its cwd,
HOME and TMPDIR.

Interpreter: curator's own by default; `Interpreter` names another (a bank environment's venv,
see `curator.validation.sandbox_for`): the zygote starts from it, its prefix stays visible, and
its variables (e.g. NLTK_DATA) reach every run.

Speed: a warm zygote with PYTHONHASHSEED=0 preloads the heavy libraries the interpreter has
(numpy, pandas, matplotlib, scipy, sklearn, seaborn, ...: `worker.PRELOAD`) (with BLAS threads
pinned to 1, so forking is safe) and forks per run. A run with another `hash_seed` or with
`fresh_interpreter=True` gets its own new interpreter.
"""

from curator.sandbox.models import (
    CoverageResult,
    DoctestResult,
    RunOptions,
    SuiteRun,
    TestOutcome,
)
from curator.sandbox.runner import OWN_INTERPRETER, Interpreter, Sandbox, probe_isolation

__all__ = [
    "OWN_INTERPRETER",
    "CoverageResult",
    "DoctestResult",
    "Interpreter",
    "RunOptions",
    "Sandbox",
    "SuiteRun",
    "TestOutcome",
    "probe_isolation",
]
