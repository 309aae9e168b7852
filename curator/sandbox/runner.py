"""The parent side of the sandbox: starts warm zygote workers and turns their reports into
`SuiteRun`s. See `curator.sandbox` for the API and `worker.py` for what happens inside."""

from __future__ import annotations

import contextlib
import fcntl
import functools
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from curator.fsutil import home_directory, user_cache_dir
from curator.imports import imported_modules, is_standard_library
from curator.program import PARSED_TEXTS, parse_quietly
from curator.sandbox import harness
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
from curator.sandbox.protocol import (
    CPU_TIME_EXIT,
    HEAVY_LIBRARIES,
    RUN_CGROUP_PREFIX,
    THREAD_VARIABLES,
    Event,
    remove_run_cgroups,
    stopped_in_examples,
)

WORKER_FILE = Path(__file__).with_name("worker.py")
WORKER_START = Path(__file__).with_name("start_worker.py")  # runs it (see there why)
WARM_HASH_SEED = 0
# Task code runs as one of these uids when curator runs as root: one per concurrent run on the
# machine (held with a lock file, also across curator processes), so that RLIMIT_NPROC (counted
# per uid) bounds each run on its own and a run's processes are findable.
SANDBOX_UID_BASE = 64000
SANDBOX_UID_SLOTS = 256
STARTUP_TIMEOUT_S = 180.0
ANSWER_GRACE_S = 60.0
"""How long past a run's time limit (and coverage's overtime) its supervisor may take to answer
before the run is given up, with its worker (`Zygote.request`)."""
# RLIMIT_NPROC counts every process and thread of the real uid. A dedicated uid gets this many
# (room for the thread pools of heavy libraries such as TensorFlow); a run under curator's own
# uid gets this many more than the uid already has (measured when the sandbox starts), so that
# a fork bomb is bounded without starving the user's other programs.
RUN_PROCESS_LIMIT = 256


@dataclass(frozen=True)
class Isolation:
    """How the zygote is started, and what that isolates."""

    prefix: tuple[str, ...]
    network_isolated: bool
    drop_privileges: bool
    note: str | None = None


@dataclass(frozen=True)
class Interpreter:
    """The Python that task code runs in: curator's own, or a bank environment's venv."""

    executable: str = sys.executable
    variables: tuple[tuple[str, str], ...] = ()
    """Extra environment variables of every run (e.g. NLTK_DATA)."""
    fingerprint: str | None = None
    """What results obtained with it are keyed by; None for curator's own interpreter."""

    @property
    def prefix(self) -> str:
        """The venv (or installation) directory: the executable's grandparent."""
        return os.path.dirname(os.path.dirname(os.path.abspath(self.executable)))


OWN_INTERPRETER = Interpreter()


NO_ISOLATION = Isolation(
    (),
    network_isolated=False,
    drop_privileges=os.geteuid() == 0,
    note="namespaces switched off: network not isolated, processes tracked with a subreaper",
)


@functools.cache
def probe_isolation() -> Isolation:
    """Find the strongest `unshare` this machine allows: as root, else in a user namespace."""
    unshare = shutil.which("unshare")
    is_root = os.geteuid() == 0
    if unshare is None:
        return Isolation((), False, is_root, "unshare is not installed: network not isolated")
    # --mount-proc: the worker's /proc shows its own pid namespace, so the pids it reads there
    # are the pids it can signal.
    base = (unshare, "--net", "--pid", "--fork", "--kill-child", "--mount-proc")
    attempts = [base, (*base, "--map-root-user")] if is_root else [(*base, "--map-root-user")]
    for prefix in attempts:
        try:
            probe = subprocess.run(
                [*prefix, "true"], capture_output=True, timeout=20, stdin=subprocess.DEVNULL
            )
        except (OSError, subprocess.TimeoutExpired):
            continue
        if probe.returncode == 0:
            return Isolation(prefix, True, is_root and "--map-root-user" not in prefix)
    return Isolation(
        (), False, is_root, "the kernel does not allow unshare here: network not isolated"
    )


@functools.cache
def uid_lock_directory() -> Path:
    directory = Path("/run/curator-sandbox")
    try:
        directory.mkdir(mode=0o700, exist_ok=True)
    except OSError:
        directory = Path(tempfile.gettempdir()) / f"curator-sandbox-{os.geteuid()}"
        directory.mkdir(mode=0o700, exist_ok=True)
    return directory


def processes_of_uid(uid: int) -> int:
    count = 0
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                count += os.stat(f"/proc/{entry}").st_uid == uid
            except OSError:
                continue
    return count


class WorkerGone(Exception):
    """The zygote died or closed its channel; the caller may start a new one."""


class SandboxClosed(WorkerGone):
    """The sandbox was closed (Ctrl+C, the end of a stage) before this run had a worker: it
    ends unanswered, as a run whose worker went, not with an error in the thread running it.
    A run retried after its supervisor died can meet the close this way on a slow host."""


def unrunnable_hint(executable: str) -> str:
    """Why this user cannot run `executable`, where a link hides it: a venv's `python` links
    to its base interpreter, which may live where only its owner can reach (/root/...)."""
    target = os.path.realpath(executable)
    if target == executable or os.access(target, os.X_OK):
        return ""
    return f" ({executable} is a link to {target}, which this user cannot run)"


WorkerKind = Literal["standard", "libraries", "heavy"] | None
"""What a warm worker preloads (worker.PRELOADS); None: nothing."""


@dataclass(frozen=True)
class WorkerKey:
    """What a warm worker serves: runs of code of its `kind` (`worker_kind`) with its hash
    seed (`Sandbox.warm_hash_seeds` for seeds other than the warm one)."""

    kind: WorkerKind
    hash_seed: int | None = WARM_HASH_SEED


def imported_packages(program: str, tests: str) -> frozenset[str]:
    """The top-level packages this code imports (`numpy` for `import numpy.linalg`)."""
    return frozenset([*imported_modules(program), *imported_modules(tests)])


def worker_kind(program: str, tests: str) -> WorkerKind:
    """The warm worker for runs of this code: the light one for code that imports only the
    standard library, the heavy one for code that imports one of `HEAVY_LIBRARIES`, else the
    one of the usual libraries."""
    packages = imported_packages(program, tests)
    if all(is_standard_library(package) for package in packages):
        return "standard"
    if packages & set(HEAVY_LIBRARIES):
        return "heavy"
    return "libraries"


def imports_heavy_library(program: str, tests: str) -> bool:
    """Whether this code imports one of `HEAVY_LIBRARIES` (as `worker_kind` tells), looking
    for their names' text first: parsing a task's imports costs about 2 ms."""
    named = any(name in program or name in tests for name in HEAVY_LIBRARIES)
    return named and worker_kind(program, tests) == "heavy"


COMPILE_AHEAD_SEND_S = 1.0
"""How long `Zygote.compile_ahead` may wait for the analysis service to take large tests."""


class Zygote:
    """One warm worker process (see worker.py), forking one supervisor per request."""

    def __init__(
        self,
        isolation: Isolation,
        hash_seed: int | None,
        preload: WorkerKind,
        coverage: bool = True,
        interpreter: Interpreter = OWN_INTERPRETER,
        *,
        run_config: dict[str, Any],
        one_run: bool = False,
        preload_only: frozenset[str] | None = None,
    ) -> None:
        """`preload`: what the worker imports before forking runs (worker.PRELOADS; None:
        nothing); `preload_only`: of those, only the modules of these top-level packages.
        `run_config`: what every run shares (whether to isolate it, the directories kept out
        of its root), so that the worker can prepare runs before their requests arrive.
        `one_run`: the worker will serve a single request, so it prepares one run only."""
        # Datagram boundaries keep each request's descriptor apart from the next one's.
        parent_end, child_end = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        self.kind = preload
        self.cgroup_prefix = f"{RUN_CGROUP_PREFIX}{uuid.uuid4().hex[:12]}-"
        """The start of its runs' memory cgroups' names: this worker's alone."""
        self._control = parent_end
        self._send_lock = threading.Lock()
        command = [
            *isolation.prefix,
            interpreter.executable,
            "-s",
            str(WORKER_START),
            "--control-fd",
            str(child_end.fileno()),
            "--run-config",
            json.dumps({**run_config, "cgroup_prefix": self.cgroup_prefix}),
        ]
        if preload is not None:
            command += ["--preload", preload]
        if preload is not None and preload_only is not None:
            command += ["--preload-only", ",".join(sorted(preload_only))]
        if coverage:
            command.append("--coverage")
        if isolation.network_isolated:
            command.append("--own-network")
        if one_run:
            command.append("--one-run")
        self._log = tempfile.TemporaryFile()  # noqa: SIM115 - lives as long as the worker
        try:
            self.process = subprocess.Popen(
                command,
                env={**zygote_environment(hash_seed), **dict(interpreter.variables)},
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=self._log,
                pass_fds=(child_end.fileno(),),
                cwd="/",
                # Out of the terminal's session: closing the terminal (SIGHUP to the whole
                # session) killed `unshare`, which killed the worker before its spares could
                # remove their runs' memory cgroups. The worker sees its owner go instead (its
                # control channel closes) and ends in order.
                start_new_session=True,
            )
        except OSError as error:  # the interpreter (no unshare prefix), or unshare, cannot run
            for closing in (parent_end, child_end, self._log):
                closing.close()
            raise WorkerGone(
                f"the sandbox worker did not start: {command[0]}: {error.strerror}"
                f"{unrunnable_hint(interpreter.executable)}"
            ) from error
        child_end.close()
        self._control.settimeout(STARTUP_TIMEOUT_S)
        try:
            line = self._read_line()
            self.info = json.loads(line)
        except (OSError, ValueError) as error:
            log = self.log_text()  # before close() closes the log
            self.close()
            raise WorkerGone(
                f"the sandbox worker did not start: {log}{unrunnable_hint(interpreter.executable)}"
            ) from error
        self._control.settimeout(None)

    def _read_line(self) -> bytes:
        data = b""
        while not data.endswith(b"\n"):
            chunk = self._control.recv(4096)
            if not chunk:
                raise OSError("closed")
            data += chunk
        return data

    def log_text(self) -> str:
        self._log.seek(0)
        return self._log.read()[-4000:].decode("utf-8", "replace").strip() or "(no output)"

    def request(self, payload: dict[str, Any], timeout_s: float) -> dict[str, Any]:
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        with ours:
            try:
                with self._send_lock:
                    socket.send_fds(self._control, [b"r"], [theirs.fileno()])
            except OSError as error:
                raise WorkerGone("the sandbox worker has gone") from error
            finally:
                theirs.close()
            chunks = []
            try:
                ours.sendall(json.dumps(payload).encode())
                ours.shutdown(socket.SHUT_WR)
                ours.settimeout(timeout_s)
                while chunk := ours.recv(1 << 20):
                    chunks.append(chunk)
            except TimeoutError as error:
                # The supervisor may still be running the run (starved of CPU by it): the
                # worker's end takes every process of its runs along (their pid namespaces
                # die with it), so that none of them runs on beside the next run, holding
                # the processes it may fork.
                self.process.kill()
                self.process.wait()
                raise WorkerGone(
                    "the sandbox supervisor did not answer in time: its worker was ended"
                ) from error
            except OSError as error:  # it ended under the run (as above, for another run)
                raise WorkerGone("the sandbox worker has gone") from error
        if not chunks:
            raise WorkerGone("the sandbox worker closed the run without an answer")
        answer: dict[str, Any] = json.loads(b"".join(chunks))
        return answer

    def compile_ahead(self, tests: str, entry_point: str) -> None:
        """Have the worker's analysis service compile `tests` now, for a run to come
        (`worker.serve_analyses`); no answer is awaited. A worker that has gone is not an
        error here: the run compiles its tests itself."""
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        with ours, contextlib.suppress(OSError):
            try:
                with self._send_lock:
                    socket.send_fds(self._control, [b"c"], [theirs.fileno()])
            finally:
                theirs.close()
            asked = {"tests": tests, "entry_point": entry_point}
            ours.settimeout(COMPILE_AHEAD_SEND_S)
            ours.sendall(json.dumps(asked).encode())

    def alive(self) -> bool:
        return self.process.poll() is None

    def close(self) -> None:
        """End the worker; then remove the memory cgroups its runs left, as none of its
        processes outlives it (the kernel kills its pid namespace with it)."""
        self._control.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._log.close()
        remove_run_cgroups(self.cgroup_prefix)


@functools.lru_cache(maxsize=PARSED_TEXTS)
def declared_for_request(tests: str) -> dict[str, list[str]]:
    """What the tests declare, read once per text (a flaky check runs the same tests 20 times)
    from the tree static checks parsed already: the harness and supervisor need not; raises
    SyntaxError. Shared: never to be changed."""
    return harness.declared_in_tree(parse_quietly(tests)).as_request()


@functools.lru_cache(maxsize=PARSED_TEXTS)
def program_imports_for_request(program: str) -> list[tuple[str, str, str | None]]:
    """The names the program's imports bind (`harness.program_imports`), read once per text;
    raises SyntaxError. Shared: never to be changed."""
    return harness.program_imports(parse_quietly(program))


def read_ahead(program: str, tests: str) -> None:
    """Read now what a run's request reads from its code (which warm worker it needs, what the
    tests declare), kept per text: a run of tasks validated one after another then does not
    read it on its path (about 1 ms a task)."""
    worker_kind(program, tests)
    with contextlib.suppress(SyntaxError):  # the run's harness reports it
        declared_for_request(tests)
    with contextlib.suppress(SyntaxError):
        program_imports_for_request(program)


def zygote_environment(hash_seed: int | None) -> dict[str, str]:
    environment = {
        "PATH": os.environ.get("PATH", "/usr/local/bin:/usr/bin:/bin"),
        "LANG": "C.UTF-8",
        "HOME": os.environ.get("HOME", "/"),
        "MPLBACKEND": "Agg",
        "MPLCONFIGDIR": str(matplotlib_cache_dir()),
        **dict.fromkeys(THREAD_VARIABLES, "1"),
        "TZ": "UTC",
    }
    if hash_seed is not None:
        environment["PYTHONHASHSEED"] = str(hash_seed)
    return environment


def matplotlib_cache_dir() -> Path:
    """Matplotlib's font cache for the zygote, built once per machine rather than per run."""
    base = user_cache_dir()
    if base is not None:
        path = base / "curator" / "matplotlib"
        with contextlib.suppress(OSError):
            path.mkdir(parents=True, exist_ok=True)
            return path
    path = Path(tempfile.gettempdir()) / f"curator-matplotlib-{os.geteuid()}"
    path.mkdir(exist_ok=True)
    return path


@dataclass
class Share:
    """What a run learns of the machine it ran on: whether other runs of its sandbox were in
    flight at any moment of it (they compete for the CPUs)."""

    overlapped: bool = False


class Company(StrEnum):
    """How a run shares the sandbox with its other runs (`RunGate`)."""

    SHARED = "shared"  # one of the runs that compute side by side
    WAITING = "waiting"  # expected to wait, not compute: beside the computing runs
    ALONE = "alone"  # no other computing run beside it; runs expected to wait may be
    STRICTLY_ALONE = "strictly alone"  # no other run at all beside it

    @property
    def alone(self) -> bool:
        return self in (Company.ALONE, Company.STRICTLY_ALONE)


class RunGate:
    """The runs of one sandbox share the machine. A run that timed out beside others may have
    timed out by their doing (threads that hand work to each other, as TensorFlow's do, stall
    when a neighbour takes a core); alone it gets the machine a run at `--jobs 1` gets. So a
    run `ALONE` waits until no other computing run is in flight and holds new ones back until
    it ends; runs expected to wait (`WAITING`: their last run of the same program did) go on
    beside it, as they leave the CPUs to it. Task code may compute after all where it waited
    before, so every run in flight is the others' company (`Share.overlapped`, which decides a
    run again), and a run `STRICTLY_ALONE` has none at all: the last word on a run that timed
    out beside a waiting one. Runs of other processes are not held back."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._in_flight: Counter[Company] = Counter()
        self._queued: Counter[Company] = Counter()  # alone runs waiting for their turn
        self._started = 0  # runs started so far: a later start during a run is company

    def _may_enter(self, company: Company) -> bool:
        held = self._in_flight
        computing = held[Company.SHARED] + held[Company.ALONE] + held[Company.STRICTLY_ALONE]
        strict = held[Company.STRICTLY_ALONE] + self._queued[Company.STRICTLY_ALONE]
        if company is Company.WAITING:
            return not strict
        if company is Company.SHARED:
            return not strict and not held[Company.ALONE] and not self._queued[Company.ALONE]
        if company is Company.ALONE:
            return not computing and not held[Company.STRICTLY_ALONE]
        return not computing and not held[Company.WAITING]

    @contextlib.contextmanager
    def enter(self, company: Company = Company.SHARED) -> Iterator[Share]:
        with self._changed:
            if company.alone:  # queued before the wait: no shared run starts while one waits
                self._queued[company] += 1
            try:
                self._changed.wait_for(lambda: self._may_enter(company))
            finally:  # also when the wait is interrupted (Ctrl-C): the others go on
                if company.alone:
                    self._queued[company] -= 1
                    self._changed.notify_all()
            share = Share(overlapped=self._in_flight.total() > 0)
            self._in_flight[company] += 1
            self._started += 1
            started_before = self._started
        try:
            yield share
        finally:
            with self._changed:
                share.overlapped = share.overlapped or self._started > started_before
                self._in_flight[company] -= 1
                self._changed.notify_all()


class Sandbox:
    """Runs task programs and their TestCases in isolated process trees.

    Long-lived and thread-safe: warm zygotes (PYTHONHASHSEED 0) serve concurrent `run` calls,
    each started for the first run that needs its kind (`worker_kind`: the standard library
    preloaded; numpy, pandas, matplotlib and the other usual libraries too; TensorFlow and
    Keras as well); runs that need another hash seed or a fresh interpreter get a zygote of
    their own, started and stopped for that run, but for the hash seeds of `warm_hash_seeds`.
    Task code sees a root of its own holding only the system's and the interpreter's files (see
    worker.py); `protect` lists directories (a bank) that must stay out of it even when an
    interpreter directory holds them, as HOME does.
    `preload_only`: the top-level packages of the only code the sandbox will run (a command on
    one task): its warm workers preload only their modules, not every library of their kind
    (in BigCodeBench's environment, the usual libraries take 1.7 s to import, numpy and
    matplotlib 0.4 s).
    `isolate=False` (or CURATOR_SANDBOX_ISOLATION=off) uses no namespaces at all: what remains is
    the unprivileged uid, rlimits, the memory watchdog, the timeout and a subreaper that kills
    leftover processes; this is also what a machine that forbids `unshare` gets.
    """

    def __init__(
        self,
        protect: Iterable[Path] = (),
        *,
        preload: bool = True,
        isolate: bool = True,
        interpreter: Interpreter = OWN_INTERPRETER,
        preload_only: Iterable[str] | None = None,
    ) -> None:
        if os.environ.get("CURATOR_SANDBOX_ISOLATION") == "off":
            isolate = False
        self.isolation = probe_isolation() if isolate else NO_ISOLATION
        self._run_config = {
            "isolate": isolate,
            "protect": sorted(
                {str(path.resolve()) for path in (home_directory(), *map(Path, protect)) if path}
            ),
        }
        self.interpreter = interpreter
        self._preload = preload
        self._preload_only = None if preload_only is None else frozenset(preload_only)
        self._lock = threading.Lock()
        self._zygotes: dict[WorkerKey, Zygote] = {}
        """The warm workers started so far, each kept for later runs."""
        self._starting: dict[WorkerKey, threading.Lock] = {}
        self._warm_seeds: set[int] = set()
        """Hash seeds whose runs fork from warm workers of their own (`warm_hash_seeds`)."""
        self._held_uids: dict[int, int] = {}  # uid -> descriptor of its lock file
        self._closed = False
        self._gate = RunGate()
        self._process_limit = RUN_PROCESS_LIMIT
        if not self.isolation.drop_privileges:
            self._process_limit += 2 * RUN_PROCESS_LIMIT + processes_of_uid(os.getuid())
        self.id = uuid.uuid4().hex
        """Every process of a run has CURATOR_SANDBOX=<id> in its initial environment."""

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def network_isolated(self) -> bool:
        return self.isolation.network_isolated

    @property
    def uids(self) -> range:
        """The uids task code may run as (empty unless curator runs as root)."""
        if not self.isolation.drop_privileges:
            return range(0)
        return range(SANDBOX_UID_BASE, SANDBOX_UID_BASE + SANDBOX_UID_SLOTS)

    def worker_info(self) -> dict[str, Any]:
        """What the warm worker of library tasks reported at start: preloaded modules, thread
        count, seed."""
        return dict(self._kept_zygote(WorkerKey("libraries")).info)

    def worker_pids(self) -> list[int]:
        """The processes started for the warm workers so far (`unshare`, where the isolation
        starts the worker through it), for tools that measure the sandbox's processes."""
        with self._lock:
            return [zygote.process.pid for zygote in self._zygotes.values()]

    def start(self) -> None:
        """Start the warm worker of library tasks now (it otherwise starts with the first
        run)."""
        self._kept_zygote(WorkerKey("libraries"))

    def compile_ahead(self, program: str, tests: str, entry_point: str) -> None:
        """Have the warm worker this code's run will use compile its tests now, where that
        worker has started (`Zygote.compile_ahead`): the run then finds them compiled, instead
        of waiting about 2 ms for them (validating a batch asks for each task ahead)."""
        key = WorkerKey(worker_kind(program, tests))
        with self._lock:
            zygote = self._zygotes.get(self._as_kept(key))
        if zygote is not None and zygote.alive():
            zygote.compile_ahead(tests, entry_point)

    def _as_kept(self, key: WorkerKey) -> WorkerKey:
        """The key a worker for `key` is kept under: of no kind once preloading was given up
        (`_start_zygote`). Called with `_lock` held."""
        return key if self._preload else replace(key, kind=None)

    def start_for(self, program: str, tests: str) -> None:
        """Start now the warm worker that a run of this code would use. One that cannot start
        is not an error here: the run that needs it says why."""
        with contextlib.suppress(WorkerGone):
            self._zygote_for(program, tests)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            zygotes, self._zygotes = list(self._zygotes.values()), {}
        for zygote in zygotes:
            zygote.close()

    def _kept_zygote(self, key: WorkerKey) -> Zygote:
        """The warm worker for `key`, started (again, if it died) when needed. A worker that
        starts (the heavy one takes seconds) holds up only the runs that wait for it."""
        with self._lock:
            if self._closed:
                raise SandboxClosed("the sandbox is closed")
            key = self._as_kept(key)
            starting = self._starting.setdefault(key, threading.Lock())
        with starting:
            with self._lock:
                zygote = self._zygotes.get(key)
            if zygote is not None and zygote.alive():
                return zygote
            if zygote is not None:
                zygote.close()
            zygote = self._start_zygote(key)
            with self._lock:
                if self._closed:
                    zygote.close()
                    raise SandboxClosed("the sandbox is closed")
                self._zygotes[replace(key, kind=zygote.kind)] = zygote
            return zygote

    @contextlib.contextmanager
    def warm_hash_seeds(self, seeds: Iterable[int]) -> Iterator[None]:
        """Within the block, a run with one of `seeds` as its hash seed forks from a warm
        worker of that seed and of the kind its code needs, started for its first run, instead
        of a fresh interpreter of its own (a second or more to import the usual libraries): a
        flaky check of many tasks runs the same few seeds in each. The workers end with the
        block (in BigCodeBench's environment, one that preloads the usual libraries holds
        200 MB). Code that imports TensorFlow or Keras keeps fresh interpreters: few tasks do,
        and four workers of theirs would hold 1.9 GB until the check ends."""
        chosen = set(seeds) - {WARM_HASH_SEED}
        with self._lock:
            self._warm_seeds |= chosen
        try:
            yield
        finally:
            with self._lock:
                self._warm_seeds -= chosen
                ending = [key for key in self._zygotes if key.hash_seed in chosen]
                zygotes = [self._zygotes.pop(key) for key in ending]
            for zygote in zygotes:
                zygote.close()

    def _start_zygote(self, key: WorkerKey) -> Zygote:
        def started(preload: WorkerKind) -> Zygote:
            return Zygote(
                self.isolation,
                key.hash_seed,
                preload,
                # Runs with another seed (the flaky check's) measure no coverage: its warm-up
                # and analysis service would be for nothing; a run that does measures alone.
                coverage=key.hash_seed == WARM_HASH_SEED,
                interpreter=self.interpreter,
                run_config=self._run_config,
                preload_only=self._preload_only,
            )

        kind = key.kind
        zygote = started(kind)
        if kind is not None and zygote.info.get("threads", 1) != 1:
            # Forking a process that runs threads (a BLAS pool started by a preloaded
            # library) can deadlock the child: do without preloading instead.
            zygote.close()
            self._preload = False
            zygote = started(None)
        return zygote

    def _warm_worker_key(self, program: str, tests: str, options: RunOptions) -> WorkerKey | None:
        """The warm worker a run forks from; None: it takes a fresh interpreter (asked for,
        or another hash seed than the warm one and those of `warm_hash_seeds`, which leave
        out code that imports TensorFlow or Keras)."""
        key = WorkerKey(worker_kind(program, tests), options.hash_seed)
        if options.fresh_interpreter:
            return None
        if key.hash_seed == WARM_HASH_SEED:
            return key
        with self._lock:
            warm = key.hash_seed in self._warm_seeds and key.kind != "heavy"
        return key if warm else None

    def _zygote_for(self, program: str, tests: str) -> Zygote:
        return self._kept_zygote(WorkerKey(worker_kind(program, tests)))

    def _take_uid(self) -> int | None:
        """A sandbox uid no other run on this machine holds; waits while all are taken."""
        if not self.isolation.drop_privileges:
            return None
        directory = uid_lock_directory()
        slots = self.uids
        while True:
            # From a random slot on (other curator processes start elsewhere): shuffling all
            # the slots cost 0.3 ms a run.
            start = random.randrange(len(slots))
            for offset in range(len(slots)):
                uid = slots[(start + offset) % len(slots)]
                with self._lock:
                    if uid in self._held_uids:
                        continue
                    fd = os.open(directory / f"{uid}.lock", os.O_RDWR | os.O_CREAT, 0o600)
                    try:
                        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    except BlockingIOError:
                        os.close(fd)
                        continue
                    self._held_uids[uid] = fd
                    return uid
            time.sleep(0.05)

    def _give_uid(self, uid: int | None) -> None:
        if uid is None:
            return
        with self._lock:
            os.close(self._held_uids.pop(uid))  # closing releases the lock

    def run(
        self,
        program: str,
        tests: str,
        entry_point: str = "task_func",
        options: RunOptions | None = None,
        *,
        company: Company = Company.SHARED,
    ) -> SuiteRun:
        """Run `tests` (a module defining `TestCases`) against `program` in the same namespace;
        `company`: which other runs of this sandbox may run beside it (`RunGate`)."""
        options = options or RunOptions()
        try:
            with self._gate.enter(company) as share:
                response = self._request(program, tests, entry_point, options, {})
        except WorkerGone as error:
            return SuiteRun(
                status="crashed", message=str(error), options=options, sandbox_error=True
            )
        run = suite_run_from_response(response, options)
        run.overlapped = share.overlapped
        run.network_isolated = self.isolation.network_isolated
        if self.isolation.note:
            run.notes.insert(0, self.isolation.note)
        return run

    def run_variants(
        self,
        variants: list[Variant],
        tests: str,
        entry_point: str = "task_func",
        options: RunOptions | None = None,
        preload: Iterable[str] = (),
    ) -> list[SuiteRun | None]:
        """Run `tests` against each variant of a program (its mutants) in one sandbox run: the
        run's isolation is set up once, `preload` (modules a run of the program imported) is
        imported once, and each variant runs in a process forked from there, alone in the run
        (every other process killed and the scratch emptied in between). `options` apply to
        each variant (no coverage; `timeout_s` is per variant). A variant the batch did not
        answer is None: run it alone with `run`."""
        options = options or RunOptions(coverage=False)
        if options.coverage or options.fresh_interpreter or options.hash_seed != WARM_HASH_SEED:
            raise ValueError("variants run in the warm worker, without coverage")
        if not variants:
            return []
        extra = {"variants": [variant.model_dump() for variant in variants], "preload": [*preload]}
        try:
            with self._gate.enter():
                response = self._request(variants[0].program, tests, entry_point, options, extra)
        except WorkerGone:
            return [None] * len(variants)
        answers = response.get("variants") or [None] * len(variants)
        runs: list[SuiteRun | None] = []
        for variant, answer in zip(variants, answers, strict=True):
            if answer is None:
                runs.append(None)
                continue
            run = suite_run_from_response(
                answer, options.model_copy(update={"test_order": variant.test_order})
            )
            run.network_isolated = self.isolation.network_isolated
            runs.append(run)
        return runs

    def _request(
        self,
        program: str,
        tests: str,
        entry_point: str,
        options: RunOptions,
        extra: dict[str, Any],
    ) -> dict[str, Any]:
        """One request to a warm worker (or to one started for it: a fresh interpreter), under
        a uid of its own; raises WorkerGone when no worker answers."""
        uid = self._take_uid()
        payload = {
            "program": program,
            "tests": tests,
            "entry_point": entry_point,
            "options": options.model_dump(),
            "uid": uid,
            "hash_seed": options.hash_seed,
            "sandbox_id": self.id,
            "process_limit": self._process_limit,
            "variables": dict(self.interpreter.variables),
            **extra,
        }
        with contextlib.suppress(SyntaxError):  # else the harness reports it
            payload["declared"] = declared_for_request(tests)
        with contextlib.suppress(SyntaxError):
            payload["program_imports"] = program_imports_for_request(program)
        # The supervisor ends a run at its time limit and coverage's overtime (a batch of
        # variants, run without coverage, at each variant's limit), then answers.
        run_limit_s = options.timeout_s + (options.coverage_overtime_s if options.coverage else 0)
        answer_timeout = run_limit_s * len(extra.get("variants", [None])) + ANSWER_GRACE_S
        try:
            key = self._warm_worker_key(program, tests, options)
            if key is None:
                zygote = Zygote(
                    self.isolation,
                    options.hash_seed,
                    preload=None,
                    coverage=options.coverage,
                    interpreter=self.interpreter,
                    run_config=self._run_config,
                    one_run=True,
                )
                try:
                    return zygote.request(payload, answer_timeout)
                finally:
                    zygote.close()
            try:
                return self._kept_zygote(key).request(payload, answer_timeout)
            except WorkerGone:
                return self._kept_zygote(key).request(payload, answer_timeout)
        finally:
            self._give_uid(uid)


def suite_run_from_response(response: dict[str, Any], options: RunOptions) -> SuiteRun:
    """Turn the supervisor's checked records into a SuiteRun (`_suite_run_from_records`).

    Records signed within the run, of the shapes the harness writes (`protocol.FIELD_SHAPES`),
    may still hold what it never writes, when task code reached the channel: an outcome or a
    finding of no known kind raised here, crashed the command, and `validate --all` left every
    later task unvalidated. Such a run is tampering."""
    try:
        return _suite_run_from_records(response, options)
    except (ValidationError, TypeError, ValueError, KeyError, AttributeError) as error:
        said = str(error).strip().splitlines()
        what = "; ".join(line.strip() for line in said[:3])[:300]
        return SuiteRun(
            status="completed",
            options=options,
            notes=[str(note) for note in response.get("notes", []) if isinstance(note, str)],
            tampering=[f"its records hold what the harness never writes ({what})"],
        )


def _suite_run_from_records(response: dict[str, Any], options: RunOptions) -> SuiteRun:
    """Unfinished tests never count as passed, and any tampering makes every test an error."""
    records = response.get("events", [])
    run = SuiteRun(
        status="completed",
        options=options,
        notes=list(response.get("notes", [])),
        stdout_tail=response.get("stdout_tail", ""),
        stderr_tail=response.get("stderr_tail", ""),
        stdout_bytes=response.get("stdout_bytes", 0),
        stderr_bytes=response.get("stderr_bytes", 0),
        exit_code=response.get("exit_code"),
        duration_s=response.get("duration_s", 0.0),
        cpu_s=response.get("cpu_s"),
        timings=response.get("timings", {}),
        late=bool(response.get("late")),
        tampering=[str(reason) for reason in response.get("tampering", [])],
        runtime=[RuntimeFinding.model_validate(found) for found in response.get("runtime", [])],
    )
    if response.get("status") == "crashed":
        run.status = "crashed"
        run.sandbox_error = True
        run.message = "\n".join(run.notes) or "the sandbox failed"
        return run
    names: list[str] = []
    finished: dict[str, TestOutcome] = {}
    running: str | None = None
    done = False
    memory = False
    importer: object = None  # of the missing module: the library that imported it
    for record in records:
        kind = record.get("event")
        if kind == Event.TESTS:
            names = [str(name) for name in record.get("names", [])]
        elif kind == Event.START:
            running = str(record.get("test"))
        elif kind == Event.END:
            name = str(record.get("test"))
            finished[name] = outcome_of(name, record)
            memory = memory or bool(record.get("memory"))
            running = None
        elif kind == Event.FIXTURE:
            run.fixture_errors.append(outcome_of(str(record.get("name")), record))
            memory = memory or bool(record.get("memory"))
        elif kind == Event.MISSING_MODULE and run.missing_module is None:
            run.missing_module = str(record.get("module"))
            importer = record.get("importer")
        elif kind == Event.INVALID and run.message is None:
            run.status = "invalid"
            run.message = record.get("message")
            if record.get("traceback"):
                run.notes.append(record["traceback"])
        elif kind == Event.HARNESS_ERROR:
            run.notes.append("harness error: " + str(record.get("traceback")))
        elif kind == Event.DOCTEST:
            run.doctest = DoctestResult(
                attempted=record.get("attempted", 0),
                failed=record.get("failed", 0),
                report=record.get("report", ""),
            )
        elif kind == Event.LINES:
            run.lines = TestLines.model_validate(
                {
                    field: record.get(field)
                    for field in (
                        "by_test",
                        "outside",
                        "at_load",
                        "modules",
                        "bound_sockets",
                        "entry_wrapper",
                    )
                }
            )
        elif kind == Event.DONE:
            done = True
    exit_code = response.get("exit_code")
    timed_out = bool(response.get("timed_out"))
    memory_exceeded = bool(response.get("memory_exceeded"))
    in_examples = run.doctest is not None or stopped_in_examples(records)
    # A late run's examples get no overtime, even those that ended before the supervisor,
    # slower than them on a busy machine, stopped the run: else the report would depend on
    # which process the scheduler ran first.
    if options.doctests and in_examples and (run.doctest is None or run.late):
        run.doctest = DoctestResult(
            unfinished=examples_cut_short(run, timed_out, memory_exceeded, exit_code)
        )
        timed_out, memory_exceeded, done = False, False, True
    if response.get("coverage"):
        run.coverage = coverage_result(response["coverage"])
    if run.missing_module is not None:
        run.status = "environment"
        run.message = f"module {run.missing_module!r} is not installed in the sandbox" + (
            f" ({importer} imports it)" if isinstance(importer, str) else ""
        )
    elif timed_out or exit_code == CPU_TIME_EXIT:
        run.status = "timeout"
        run.message = f"the run exceeded its time limit ({time_limit(run)})"
        spent = sum(outcome.duration_s for outcome in finished.values())
        if running and spent >= options.timeout_s / 2:
            # A long suite, not a test that hangs (BigCodeBench/1040: six tests of 10 s each
            # under 60 s): the running test is not to blame, the limit is.
            run.message += (
                f": the {len(finished)} test(s) before {running} took {spent:.1f} s; "
                "the suite needs a longer limit (`timeout_s` in bank.json, or the task's)"
            )
        elif running:  # a test that hangs: which one
            run.message += f" in {running}"
        if not timed_out and running in (options.test_cpu_limits_s or {}):
            limit = (options.test_cpu_limits_s or {})[running]
            run.message = f"{running} used more than its {limit:.2f} s of CPU time"
    elif memory_exceeded:
        run.status = "memory"
        run.message = f"the run's processes together went over {options.memory_mb} MB"
    elif run.status == "invalid":
        pass
    elif not done:
        # SIGKILL is the memory cap's, or the supervisor's when the run flooded its records.
        killed_for_memory = exit_code == 128 + 9 and not response.get("flooded")
        run.status = "memory" if killed_for_memory else "crashed"
        run.message = crash_message(exit_code, running)
    elif memory:
        run.status = "memory"
        run.message = f"a test ran out of memory (budget {options.memory_mb} MB)"
    if run.status == "memory":
        run.runtime.append(RuntimeFinding(code="memory", message=run.message or "out of memory"))
    unfinished_reason = {
        "timeout": "not run: the suite timed out",
        "memory": "not run: the suite ran out of memory",
        "crashed": "not run: the test process ended early",
    }.get(run.status, "not run")
    for name in names:
        if name in finished:
            run.tests.append(finished[name])
        elif name == running:
            outcome = "timeout" if run.status == "timeout" else "error"
            run.tests.append(TestOutcome(name=name, outcome=outcome, message=run.message))
        else:
            run.tests.append(
                TestOutcome(name=name, outcome="error", message=unfinished_reason, started=False)
            )
    if run.tampering:
        run.message = "tampering: " + run.tampering[0]
        run.coverage = run.lines = None
        for test in run.tests:
            test.outcome, test.message = "error", run.message
    return run


def outcome_of(name: str, record: dict[str, Any]) -> TestOutcome:
    return TestOutcome.model_validate(
        {
            "name": name,
            "outcome": record.get("outcome") or "error",
            "duration_s": float(record.get("duration_s") or 0.0),
            "message": record.get("message"),
            "traceback": record.get("traceback"),
            "started": bool(record.get("started", True)),
            "network": [str(attempt) for attempt in record.get("network") or []][:3],
        }
    )


def time_limit(run: SuiteRun) -> str:
    """The time limit that stopped `run`, with the overtime it was granted, if any."""
    limit = f"{run.options.timeout_s:g} s"
    if run.late:
        limit += f" and {run.options.coverage_overtime_s:g} s more for coverage's overhead"
    return limit


def examples_cut_short(
    run: SuiteRun, timed_out: bool, memory_exceeded: bool, exit_code: int | None
) -> str:
    """Why the docstring examples, run after the tests had ended, did not finish."""
    if run.late:
        return "the tests ended in coverage's overtime: they are left to a run without coverage"
    if timed_out:
        return f"the run's time limit ({time_limit(run)}) ran out while they ran"
    if memory_exceeded:
        return f"the run's processes went over {run.options.memory_mb} MB while they ran"
    return crash_message(exit_code, "the docstring examples")


def crash_message(exit_code: int | None, running: str | None) -> str:
    during = f" during {running}" if running else ""
    if exit_code is None:
        return f"the test process ended{during} without reporting"
    if exit_code > 128:
        signals = {9: "SIGKILL (out of memory?)", 11: "SIGSEGV", 25: "SIGXFSZ (file too large)"}
        name = signals.get(exit_code - 128, f"signal {exit_code - 128}")
        return f"the test process was killed by {name}{during}"
    return f"the test process exited with status {exit_code}{during} before finishing"


def coverage_result(data: dict[str, Any]) -> CoverageResult:
    branches, covered_branches = data["num_branches"], data["covered_branches"]
    statements, covered_lines = data["num_statements"], data["covered_lines"]
    return CoverageResult(
        branch_coverage=100.0 * covered_branches / branches if branches else 100.0,
        line_coverage=100.0 * covered_lines / statements if statements else 100.0,
        missed_lines=data["missed_lines"],
        missed_branches=[(arc[0], arc[1]) for arc in data["missed_branches"]],
        num_statements=statements,
        covered_lines=covered_lines,
        num_branches=branches,
        covered_branches=covered_branches,
    )
