"""Sandbox details that real BigCodeBench tasks depend on, on real processes."""

from __future__ import annotations

import contextlib
import importlib.util
import json
import marshal
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from types import ModuleType

import pytest

from conftest import NOBODY, oldest_python_venv, run_as_nobody
from curator.sandbox import RunOptions, Sandbox, SuiteRun, harness, protocol, runner
from curator.sandbox.harness import per_test_seed
from curator.sandbox.protocol import THREAD_VARIABLES
from curator.sandbox.runner import (
    WORKER_FILE,
    WORKER_START,
    Interpreter,
    declared_for_request,
    read_ahead,
    worker_kind,
)


def load_worker() -> ModuleType:
    spec = importlib.util.spec_from_file_location("sandbox_worker", WORKER_FILE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_a_warm_worker_imports_its_code_which_python_keeps_as_bytecode() -> None:
    """Run as a script, worker.py was compiled anew at every worker's start (19 ms); imported,
    its bytecode is kept in __pycache__ and read from there by the next start."""

    def start() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-v", "-s", str(WORKER_START)],
            capture_output=True,
            text=True,
            env={key: value for key, value in os.environ.items() if not key.startswith("PYTHON")},
        )

    start()
    probe = start()
    assert "import 'worker' # <" in probe.stderr, probe.stderr[-2000:]
    if os.access(WORKER_FILE.parent / "__pycache__", os.W_OK):
        cached = importlib.util.cache_from_source(str(WORKER_FILE))
        assert f"# code object from '{cached}'" in probe.stderr
    # without arguments the worker's main stops at once, once the module is loaded
    assert "'--control-fd' is not in list" in probe.stderr
    assert probe.returncode == 1


def test_records_written_before_the_run_ended_are_read_however_late() -> None:
    """A run that ends right at its deadline (or while the supervisor is not scheduled) still
    has its last records read: else a run whose tests all passed looked as if it had ended
    early ("exited with status 0 before finishing")."""
    worker = load_worker()
    pipes = {name: os.pipe() for name in ("result", "stdout", "stderr")}
    child = os.fork()
    if child == 0:
        os.write(pipes["result"][1], b'{"event": "done"}\n')
        os.write(pipes["stdout"][1], b"last words\n")
        os._exit(0)
    for _, write_end in pipes.values():
        os.close(write_end)
    os.waitid(os.P_PID, child, os.WEXITED | os.WNOWAIT)  # ended, not yet reaped
    fds = {read_end: name for name, (read_end, _) in pipes.items()}

    streams = worker._collect(child, fds, deadline=time.perf_counter())

    assert streams["result"] == b'{"event": "done"}\n'
    assert streams["stdout"] == b"last words\n"
    assert not streams["timed_out"]
    assert os.WIFEXITED(streams["status"]) and os.WEXITSTATUS(streams["status"]) == 0


def test_only_the_harness_s_signed_done_as_last_record_tells_that_a_run_has_finished() -> None:
    """The supervisor answers as soon as the harness has closed its pipes after its `done`
    record, before its process is reaped: task code must not be able to end a run that way."""
    worker = load_worker()
    key = worker.protocol.new_key()
    read_end, write_end = os.pipe()
    harness = worker.protocol.Channel(write_end, key, worker.protocol.HARNESS)
    harness.emit(worker.protocol.Event.STARTED)
    started = bytearray(os.read(read_end, 1 << 16))
    harness.emit(worker.protocol.Event.DONE)
    done = started + os.read(read_end, 1 << 16)
    other = worker.protocol.Channel(write_end, key, worker.protocol.variant_sender(0))
    other.emit(worker.protocol.Event.DONE)
    variant_done = started + os.read(read_end, 1 << 16)
    forged = worker.protocol.Channel(write_end, worker.protocol.new_key(), "harness")
    forged.emit(worker.protocol.Event.DONE)
    forged_done = started + os.read(read_end, 1 << 16)
    for fd in (read_end, write_end):
        os.close(fd)

    assert worker.harness_finished(done, key)
    assert worker.harness_finished(done + b"\n", key)
    assert not worker.harness_finished(started, key)
    assert not worker.harness_finished(done + b"stray output\n", key)
    assert not worker.harness_finished(variant_done, key)
    assert not worker.harness_finished(forged_done, key)
    assert not worker.harness_finished(bytearray(), key)


FINISHING_PROGRAM = """import subprocess
import time

def task_func(seconds):
    subprocess.Popen(["sleep", "60"])  # left behind, holding the run's stdout
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass
    return True
"""
FINISHING_TESTS = """import unittest

def tearDownModule():
    print("last words", flush=True)

class TestCases(unittest.TestCase):
    def test_computes(self):
        self.assertTrue(task_func(0.3))
"""


def test_a_run_answered_before_its_harness_is_reaped_keeps_its_cpu_output_and_leftovers() -> None:
    """The answer comes once the harness has closed its pipes (its process's teardown goes on
    beside it): the CPU time, the last output and the processes left behind are still those
    of the whole run."""
    with Sandbox() as sandbox:
        run = sandbox.run(FINISHING_PROGRAM, FINISHING_TESTS)

    assert run.passed, run.message
    assert run.cpu_s is not None and run.cpu_s >= 0.25, run.cpu_s
    assert "last words" in run.stdout_tail
    if run.network_isolated:  # its own pid namespace: the leftover is counted and killed
        [leftover] = [finding for finding in run.runtime if finding.code == "leftover_processes"]
        assert leftover.message.startswith("1 process(es) still running"), leftover


def test_reading_ahead_keeps_what_a_run_reads_from_its_code() -> None:
    """`validate` reads each task's code ahead of its run, beside the runs before it: the run
    then finds the tests' declarations read. Tests that do not compile are left to the run."""
    tests = FINISHING_TESTS.replace("test_computes", "test_read_ahead")
    read_ahead(FINISHING_PROGRAM, tests)
    hits = declared_for_request.cache_info().hits
    assert declared_for_request(tests)["names"] == ["test_read_ahead"]
    assert declared_for_request.cache_info().hits == hits + 1
    read_ahead(FINISHING_PROGRAM, "class TestCases(:\n")


WARM_UP_PROBE = """import sys
import unittest


def task_func():
    return [cls.__qualname__ for cls in unittest.TestCase.__subclasses__()]
"""
WARM_UP_PROBE_TESTS = """import unittest


class TestCases(unittest.TestCase):
    def test_sees_only_its_own_test_classes(self):
        self.assertEqual(
            [name for name in task_func() if name == "TestCases"], ["TestCases"]
        )
"""


def test_the_warm_up_of_a_waiting_run_leaves_nothing_the_run_could_see() -> None:
    """A prepared run reads, compiles and runs the body of a task of its own while it waits
    for its request (`warm_up_reading`, `warm_up_answering`): that imports no module a warm
    worker has not already imported, and leaves none of its classes behind."""
    probe = (
        "import json, sys, unittest\n"
        f"sys.path.insert(0, {str(WORKER_FILE.parent)!r})\n"
        "import worker\n"
        "worker.import_what_every_run_needs()\n"
        "before = set(sys.modules)\n"
        "worker.warm_up_reading()\n"
        "worker.warm_up_answering()\n"
        "print(json.dumps({'modules': sorted(set(sys.modules) - before), 'classes': ["
        "c.__module__ for c in unittest.TestCase.__subclasses__()]}))\n"
    )
    found = json.loads(
        subprocess.run(
            [sys.executable, "-I", "-c", probe], capture_output=True, text=True, check=True
        ).stdout
    )
    assert found["modules"] == []
    assert "__warm_up__" not in found["classes"]
    with Sandbox() as sandbox:
        run = sandbox.run(WARM_UP_PROBE, WARM_UP_PROBE_TESTS)
    assert run.passed, run


RESERVATION_PROGRAM = """import mmap

def task_func(gigabytes):  # prot=0 is PROT_NONE: reserved, never committed
    reservation = mmap.mmap(
        -1, gigabytes << 30, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS, prot=0
    )
    reservation.close()
    return True
"""


def test_huge_address_space_reservations_work_under_a_memory_cgroup() -> None:
    """TensorFlow and JAX reserve far more address space than they use, and abort (SIGABRT)
    when they cannot: where the run has a memory cgroup, no address-space limit applies."""
    tests = (
        "import unittest\nclass TestCases(unittest.TestCase):\n"
        "    def test_reserve(self):\n        self.assertTrue(task_func(64))\n"
    )
    with Sandbox() as sandbox:
        run = sandbox.run(RESERVATION_PROGRAM, tests)
    if any("no memory cgroup" in note for note in run.notes):
        assert not run.passed  # the address-space limit holds instead, as its note says
        pytest.skip("no memory cgroup here: each process's address space is limited")
    assert run.passed, run.message


RESERVING_AS_AN_ORDINARY_USER = f"""
import json
from curator.sandbox import Sandbox
program = {RESERVATION_PROGRAM!r}
tests = (
    "import unittest\\nclass TestCases(unittest.TestCase):\\n"
    "    def test_reserve(self):\\n        self.assertTrue(task_func(GIGABYTES))\\n"
)
with Sandbox() as sandbox:
    runs = {{gb: sandbox.run(program, tests.replace("GIGABYTES", str(gb))) for gb in (4, 64)}}
print(json.dumps({{gb: [run.passed, run.notes] for gb, run in runs.items()}}))
"""


def test_without_a_memory_cgroup_a_process_may_reserve_what_tensorflow_does(
    shared_tmp: Path, user_python: Path
) -> None:
    """An ordinary user's runs often get no memory cgroup: each process's address space is
    then limited, with room for what libraries reserve and never use (TensorFlow holds 2.3 GB
    of it after one small fit, for 0.6 GB resident; with the budget itself as the limit,
    BigCodeBench/417-419 aborted there and passed as root), but not without end."""
    home = shared_tmp / "home"
    home.mkdir()
    os.chown(home, NOBODY, NOBODY)
    answer = run_as_nobody([str(user_python), "-c", RESERVING_AS_AN_ORDINARY_USER], home)
    assert answer.returncode == 0, answer.stderr
    runs = json.loads(answer.stdout)
    if not any("no memory cgroup" in note for note in runs["4"][1]):
        pytest.skip("this user's runs have a memory cgroup: no address-space limit applies")
    assert runs["4"][0], runs["4"]
    assert not runs["64"][0], runs["64"]


UNCOUNTED_MEMORY_PROGRAM = """import ctypes
import errno
import os
from multiprocessing import shared_memory


def task_func():
    refused = {}
    try:
        os.close(os.memfd_create("held"))
    except OSError as error:
        refused["memfd_create"] = errno.errorcode[error.errno]
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.shmget(0, 4096, 0o1600) == -1:  # IPC_PRIVATE, IPC_CREAT | 0600
        refused["shmget"] = errno.errorcode[ctypes.get_errno()]
    shared = shared_memory.SharedMemory(create=True, size=4096)  # a file in /dev/shm: counted
    shared.buf[0] = 1
    shared.close()
    shared.unlink()
    return refused
"""
UNCOUNTED_MEMORY_TESTS = """import unittest
class TestCases(unittest.TestCase):
    def test_refused(self):
        self.assertEqual(task_func(), {"memfd_create": "ENOSYS", "shmget": "ENOSYS"})
"""


def passes_as_an_ordinary_user(
    program: str, tests: str, shared_tmp: Path, user_python: Path
) -> tuple[bool, object]:
    """Whether the tests pass against the program in a sandbox an ordinary user (`nobody`,
    in a HOME of its own) runs, and what the run said."""
    home = shared_tmp / "home"
    home.mkdir()
    os.chown(home, NOBODY, NOBODY)
    script = f"""
import json
from curator.sandbox import Sandbox
with Sandbox() as sandbox:
    run = sandbox.run({program!r}, {tests!r})
print(json.dumps([run.passed, run.message, [test.message for test in run.tests]]))
"""
    answer = run_as_nobody([str(user_python), "-c", script], home)
    assert answer.returncode == 0, answer.stderr
    passed, message, messages = json.loads(answer.stdout)
    return passed, (message, messages)


def test_memory_no_process_holds_cannot_be_made_in_a_run() -> None:
    """Pages of a memory file (`memfd_create`) or of SysV shared memory are in no process's
    resident size, and a memory file sent through a unix socket and closed is in no
    process's descriptors: without a memory cgroup, runs held 4 GB of them against a 2 GB
    budget and passed (red team). Those calls fail as on a kernel without them, for every
    user, so that a task gets one verdict; a shared memory file in /dev/shm still works."""
    with Sandbox() as sandbox:
        run = sandbox.run(UNCOUNTED_MEMORY_PROGRAM, UNCOUNTED_MEMORY_TESTS)
    assert run.passed, [test.message for test in run.tests]


def test_memory_no_process_holds_cannot_be_made_as_an_ordinary_user(
    shared_tmp: Path, user_python: Path
) -> None:
    passed, said = passes_as_an_ordinary_user(
        UNCOUNTED_MEMORY_PROGRAM, UNCOUNTED_MEMORY_TESTS, shared_tmp, user_python
    )
    assert passed, said


NAMESPACES_PROGRAM = """import ctypes
import errno
import multiprocessing
import os
import subprocess
from concurrent.futures import ThreadPoolExecutor


def square(x):
    return x * x


def task_func():
    libc = ctypes.CDLL(None, use_errno=True)
    machine = os.uname().machine
    clone = {"x86_64": 56, "aarch64": 220}[machine]
    process_vm_readv = {"x86_64": 310, "aarch64": 270}[machine]

    def clone_into(flags):
        pid = libc.syscall(clone, flags | 17, 0, 0, 0, 0)  # SIGCHLD
        if pid == 0:  # a child after all: it must not run on as a copy of the harness
            os._exit(0)
        return pid

    tried = {
        "unshare user": lambda: libc.unshare(0x10000000),
        "unshare pid": lambda: libc.unshare(0x20000000),
        "unshare mount": lambda: libc.unshare(0x00020000),
        "setns": lambda: libc.setns(os.open("/proc/self/ns/net", os.O_RDONLY), 0),
        "clone user": lambda: clone_into(0x10000000),
        "clone pid": lambda: clone_into(0x20000000),
        "clone3": lambda: libc.syscall(435, 0, 0),
        "dumpable again": lambda: libc.prctl(4, 1, 0, 0, 0),
        "any tracer": lambda: libc.prctl(0x59616D61, -1, 0, 0, 0),
        "ptrace": lambda: libc.ptrace(16, os.getppid(), 0, 0),  # PTRACE_ATTACH
        "process_vm_readv": lambda: libc.syscall(process_vm_readv, os.getpid(), 0, 0, 0, 0, 0),
    }
    refused = {}
    for name, call in tried.items():
        if call() == -1:
            refused[name] = errno.errorcode[ctypes.get_errno()]
    with ThreadPoolExecutor(2) as pool:
        threads = list(pool.map(square, [2, 3]))
    with multiprocessing.get_context("fork").Pool(2) as pool:
        processes = pool.map(square, [4, 5])
    echoed = subprocess.run(["python3", "-c", "print(6)"], capture_output=True, text=True)
    refused["dumpable"] = libc.prctl(3, 0, 0, 0, 0)  # PR_GET_DUMPABLE: allowed
    return refused, threads, processes, echoed.stdout.strip()
"""
NAMESPACES_TESTS = """import unittest
class TestCases(unittest.TestCase):
    def test_refused(self):
        refused, threads, processes, echoed = task_func()
        self.assertEqual(refused, {
            "unshare user": "EPERM", "unshare pid": "EPERM", "unshare mount": "EPERM",
            "setns": "EPERM", "clone user": "EPERM", "clone pid": "EPERM", "clone3": "ENOSYS",
            "dumpable again": "EPERM", "any tracer": "EPERM", "ptrace": "EPERM",
            "process_vm_readv": "EPERM", "dumpable": 0,
        })
        self.assertEqual((threads, processes, echoed), ([4, 9], [16, 25], "6"))
"""


def test_a_run_makes_no_namespace_and_reaches_no_other_process_s_memory() -> None:
    """In a pid namespace of its own, a process the task forked had the harness's pid, by which
    the harness tells itself from its forks, and signed a forged run (red team): a run's
    processes may make no namespace (unshare, clone's flags) nor join one (setns), for every
    user. clone3, whose flags a filter cannot read, is absent (glibc falls back to clone):
    threads, forked processes and programs still start. A fresh interpreter the task started
    read and wrote the harness's memory once it had made itself dumpable again: no process of
    the run is dumpable, may become so, trace another or read its memory."""
    with Sandbox() as sandbox:
        run = sandbox.run(NAMESPACES_PROGRAM, NAMESPACES_TESTS)
    assert run.passed, [test.message for test in run.tests]


def test_a_run_makes_no_namespace_and_reaches_no_memory_as_an_ordinary_user(
    shared_tmp: Path, user_python: Path
) -> None:
    """As an ordinary user, task code is root of curator's user namespace (no capability)."""
    passed, said = passes_as_an_ordinary_user(
        NAMESPACES_PROGRAM, NAMESPACES_TESTS, shared_tmp, user_python
    )
    assert passed, said


BRANCHY_PROGRAM = """def task_func(x):
    if x > 0:  # taken both ways below
        return 1
    for _ in range(x):  # never entered
        pass
    while x < -5:  # pragma: no cover
        x += 1
    return 0 if x else 2
"""


def test_coverage_parsed_during_the_run_equals_coverage_parsed_after(tmp_path: Path) -> None:
    """The supervisor parses the program while the run goes on: the analysis must be the one
    made from scratch after it."""
    worker = load_worker()
    (tmp_path / "task").mkdir()
    path = tmp_path / "task" / "task.py"
    path.write_text(BRANCHY_PROGRAM)
    arcs = [(-1, 1), (1, -1), (2, 3), (3, -1), (2, 4), (4, 8), (8, -1)]
    ahead = worker.CoverageAnalyser(str(path))
    ahead.parse()
    assert ahead.reporter is not None  # it did parse ahead
    after = worker.CoverageAnalyser(str(path)).analyse(arcs)
    assert ahead.analyse(arcs) == after
    # A pragma leaves nothing out (red team: `# pragma: no cover` on untested branches).
    assert after["missed_lines"] == [5, 6, 7] and after["num_statements"] == 8


def test_the_arcs_go_to_be_analysed_as_soon_as_the_harness_s_signed_record_is_read() -> None:
    """The supervisor hands the arcs over while the examples and the harness's exit go on:
    only those of the harness's own record signed with the run's key, read across chunks."""
    worker = load_worker()
    key, other_key = protocol.new_key(), protocol.new_key()
    started: list[list[tuple[int, int]]] = []

    class Recorded(worker.ProgramAnalysis):  # type: ignore[name-defined,misc]
        def start(self, arcs: list[tuple[int, int]]) -> None:
            started.append(arcs)

    def records(signing_key: bytes, sender: str, arcs: list[list[int]]) -> bytes:
        read_end, write_end = os.pipe()
        channel = protocol.Channel(write_end, signing_key, sender)
        channel.emit(protocol.Event.TESTS, names=["test_one"])
        channel.emit(protocol.Event.ARCS, arcs=arcs)
        os.close(write_end)
        with os.fdopen(read_end, "rb") as pipe:
            return pipe.read()

    early = worker.EarlyAnalysis(Recorded(BRANCHY_PROGRAM, "/task/task.py"), key)
    result = bytearray()
    for forged in (records(other_key, protocol.HARNESS, [[9, 9]]), records(key, "task", [[8, 8]])):
        result += forged
        early.scan(result)
    genuine = records(key, protocol.HARNESS, [[-1, 1], [1, -1]])
    result += genuine[:-7]
    early.scan(result)
    assert started == []
    result += genuine[-7:] + records(key, protocol.HARNESS, [[-1, 2]])
    early.scan(result)
    assert started == [[(-1, 1), (1, -1)]]


def test_an_analysis_asked_early_answers_only_for_the_arcs_it_was_asked_about(
    tmp_path: Path,
) -> None:
    """The response's arcs are those of the records read whole: an answer asked for other
    arcs is dropped, and the analysis made for these."""
    worker = load_worker()
    path = tmp_path / "task.py"
    path.write_text(BRANCHY_PROGRAM)
    arcs = [(-1, 1), (1, -1), (2, 3), (3, -1), (2, 4), (4, 8), (8, -1)]
    made_here = worker.CoverageAnalyser(str(path)).analyse(arcs)
    planted = {"coverage": {"num_statements": 99}}

    def asked_about(asked: list[tuple[int, int]]) -> object:
        analysis = worker.ProgramAnalysis(BRANCHY_PROGRAM, str(path))
        ours, theirs = socket.socketpair()
        with theirs:
            theirs.sendall(json.dumps(planted).encode())
        analysis.pending = (asked, ours)
        return analysis.analyse(arcs)

    assert asked_about(list(arcs)) == planted["coverage"]
    assert asked_about(arcs[:-1]) == made_here


PASSING_TESTS = """import unittest
class TestCases(unittest.TestCase):
    def test_one(self):
        self.assertEqual(task_func(), 1)
"""


def marked_processes(marker: str) -> set[int]:
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit() and int(entry) != os.getpid():
            try:
                if marker.encode() in Path(f"/proc/{entry}/cmdline").read_bytes():
                    found.add(int(entry))
            except OSError:
                continue
    return found


def run_cgroups() -> set[str]:
    """The runs' memory cgroups (`worker.make_memory_cap`) where this process would make them."""
    found = set()
    for _, directory in protocol.cgroup_candidates():
        with contextlib.suppress(OSError):
            found |= {
                os.path.join(directory, name)
                for name in os.listdir(directory)
                if name.startswith(protocol.RUN_CGROUP_PREFIX)
            }
    return found


@pytest.mark.parametrize("isolate", [True, False], ids=["isolated", "unisolated"])
def test_closing_a_sandbox_ends_the_runs_its_idle_supervisors_prepared(
    tmp_path: Path, isolate: bool
) -> None:
    """Idle supervisors prepare the next runs (namespaces, root, cgroup, reaper, the harness's
    process): a sandbox that closes leaves none of them behind, nor their cgroups or files."""
    marker = f"marker-{os.getpid()}-{time.monotonic_ns()}"
    tmp_before, cgroups_before = set(os.listdir("/tmp")), run_cgroups()
    sandbox = Sandbox(protect=[tmp_path / marker], preload=False, isolate=isolate)
    run = sandbox.run("def task_func():\n    return 1\n", PASSING_TESTS)
    assert run.passed, run
    deadline = time.monotonic() + 5
    while len(prepared := marked_processes(marker)) < 3 and time.monotonic() < deadline:
        time.sleep(0.05)  # the zygote and its spares, each with a reaper and a harness
    sandbox.close()
    deadline = time.monotonic() + 5
    while (left := marked_processes(marker) & prepared) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert left == set()
    while (new_cgroups := run_cgroups() - cgroups_before) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert new_cgroups == set()
    new_in_tmp = set(os.listdir("/tmp")) - tmp_before
    assert sorted(name for name in new_in_tmp if "curator-run" in name) == []


def start_a_waiting_run(
    sandbox: Sandbox, marker: str, options: RunOptions | None = None
) -> tuple[threading.Thread, list[object], set[int]]:
    """Start, in a thread, a run whose test waits on a sleeping child marked with `marker`;
    return once the child is up: the thread, the list its run's result will go to, and the
    marked processes."""
    waiting = (
        "import subprocess\nimport sys\nimport unittest\n\n"
        "class TestCases(unittest.TestCase):\n    def test_waits(self):\n"
        f"        sleeper = 'import time; time.sleep(30)'\n"
        f"        subprocess.run([sys.executable, '-c', sleeper, {marker!r}])\n"
    )
    runs: list[object] = []
    under_way = threading.Thread(
        target=lambda: runs.append(
            sandbox.run("def task_func():\n    return 1\n", waiting, options=options)
        )
    )
    under_way.start()
    deadline = time.monotonic() + 20
    while not (sleepers := marked_processes(marker)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert sleepers, "the run never started"
    return under_way, runs, sleepers


def test_closing_a_sandbox_ends_a_run_under_way_and_removes_its_cgroup() -> None:
    """Ctrl+C closes the sandbox while a run is under way: the zygote asks that run's
    supervisor to end it, as at a deadline, so that it removes the run's memory cgroup (killed
    with the zygote, it left one behind at every Ctrl+C)."""
    marker = f"marker-{os.getpid()}-{time.monotonic_ns()}"
    cgroups_before = run_cgroups()
    sandbox = Sandbox(preload=False)
    under_way, runs, _ = start_a_waiting_run(sandbox, marker)
    sandbox.close()
    under_way.join(timeout=20)
    assert not under_way.is_alive() and runs
    deadline = time.monotonic() + 5
    while (new_cgroups := run_cgroups() - cgroups_before) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert new_cgroups == set()
    assert marked_processes(marker) == set()


def test_a_run_that_meets_a_closed_sandbox_ends_as_a_sandbox_failure() -> None:
    """A run retried after its supervisor died (or started as Ctrl+C closes the sandbox) that
    finds the sandbox closed raised RuntimeError in the thread running it: one CI run lost the
    run that way. It ends as a crashed run the sandbox failed, which validation does not store
    over the task's last result."""
    sandbox = Sandbox(preload=False)
    sandbox.close()
    run = sandbox.run("def task_func():\n    return 1\n", PASSING_TESTS)
    assert run.status == "crashed" and run.sandbox_error
    assert run.message == "the sandbox is closed"


def ancestor_named(pid: int, name: bytes) -> int | None:
    """The nearest process above `pid` whose name (comm) is `name`."""
    while pid > 1:
        status = Path(f"/proc/{pid}/status").read_text()
        pid = int(status.split("PPid:")[1].split()[0])
        if pid > 1 and Path(f"/proc/{pid}/comm").read_bytes().rstrip(b"\n") == name:
            return pid
    return None


def test_the_cgroup_of_a_run_whose_supervisor_was_killed_goes_with_the_sandbox() -> None:
    """A supervisor killed before it removed its run's memory cgroup (on a slow host, the
    worker ended before it had, taking it along) left the cgroup for good: one CI run left
    one. Killed outright here: the cgroup stays while the sandbox is open, and goes when it
    closes."""
    marker = f"marker-{os.getpid()}-{time.monotonic_ns()}"
    cgroups_before = run_cgroups()
    sandbox = Sandbox(preload=False)
    under_way, runs, sleepers = start_a_waiting_run(sandbox, marker)
    sleeper = min(sleepers)
    memory = Path(f"/proc/{sleeper}/cgroup").read_text().splitlines()
    run_cgroup = {
        path
        for path in run_cgroups() - cgroups_before
        if any(line.endswith("/" + os.path.basename(path)) for line in memory)
    }
    if not run_cgroup:
        sandbox.close()
        pytest.skip("no memory cgroup here: nothing to leave behind")
    supervisor = ancestor_named(sleeper, load_worker().SUPERVISOR_NAME)
    assert supervisor is not None
    os.kill(supervisor, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while sleeper in marked_processes(marker) and time.monotonic() < deadline:
        time.sleep(0.05)
    # The run's processes died with their pid 1 (the sandbox then runs it again).
    assert sleeper not in marked_processes(marker)
    assert run_cgroup <= run_cgroups(), "left behind, as a killed supervisor leaves it"
    sandbox.close()
    under_way.join(timeout=20)
    assert not under_way.is_alive() and runs
    assert run_cgroup & run_cgroups() == set()


def test_a_run_whose_supervisor_does_not_answer_is_given_up_with_its_worker(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A supervisor starved of CPU by its run (a fork bomb in its session) answered a minute
    late, and the run was tried again beside the processes it had left running, which held
    every process the next runs could fork. One that has not answered `ANSWER_GRACE_S` past
    its run's time limit is given up: its worker ends, taking the run's processes along, and
    the run goes to a new worker. A stopped supervisor stands for the starved one here."""
    monkeypatch.setattr(runner, "ANSWER_GRACE_S", 2.0)
    marker = f"marker-{os.getpid()}-{time.monotonic_ns()}"
    with Sandbox(preload=False) as sandbox:
        under_way, runs, sleepers = start_a_waiting_run(sandbox, marker, RunOptions(timeout_s=3))
        supervisor = ancestor_named(min(sleepers), load_worker().SUPERVISOR_NAME)
        assert supervisor is not None
        os.kill(supervisor, signal.SIGSTOP)
        under_way.join(timeout=60)
        assert not under_way.is_alive()
        assert sleepers & marked_processes(marker) == set(), "the run's processes outlived it"
        assert not Path(f"/proc/{supervisor}").exists()
        [run] = runs
        assert isinstance(run, SuiteRun) and run.status == "timeout", run


def test_a_run_in_coverage_s_overtime_is_waited_for(monkeypatch: pytest.MonkeyPatch) -> None:
    """A run with coverage may go on past its time limit for coverage's overtime, and its
    supervisor answers when that ends: the caller waited only `ANSWER_GRACE_S` past the time
    limit and gave the run up with its worker (at a 240 s limit, with 120 s more for coverage:
    after 300 s, and again for the run asked once more, crashed after 600 s: red team)."""
    monkeypatch.setattr(runner, "ANSWER_GRACE_S", 1.0)
    looping = "def task_func():\n    while True:\n        pass\n"
    tests = (
        "import unittest\nclass TestCases(unittest.TestCase):\n"
        "    def test_loop(self):\n        task_func()\n"
    )
    with Sandbox(preload=False) as sandbox:
        run = sandbox.run(looping, tests, options=RunOptions(timeout_s=2, coverage_overtime_s=3))
    assert run.status == "timeout" and not run.sandbox_error, run.message


HUNG_UP_OWNER = f"""
import time
from curator.sandbox import Sandbox
sandbox = Sandbox(preload=False)
print(sandbox.run("def task_func():\\n    return 1\\n", {PASSING_TESTS!r}).passed, flush=True)
time.sleep(60)
"""


def test_a_sandbox_whose_terminal_hangs_up_removes_the_cgroups_of_its_prepared_runs() -> None:
    """Closing the terminal (or `tmux kill-session`) sends SIGHUP to its whole session: the
    sandbox's worker, in a session of its own, sees its owner go and ends the runs its spares
    prepared, removing their memory cgroups (it died with `unshare`, and left two behind)."""
    cgroups_before = run_cgroups()
    owner = subprocess.Popen(
        [sys.executable, "-c", HUNG_UP_OWNER],
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,  # the session a terminal would lead
    )
    assert owner.stdout is not None
    assert owner.stdout.readline().strip() == "True"
    prepared = run_cgroups() - cgroups_before
    os.killpg(owner.pid, signal.SIGHUP)
    assert owner.wait(timeout=10) == -signal.SIGHUP
    deadline = time.monotonic() + 10
    while (left := run_cgroups() & prepared) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert left == set()
    if not prepared:
        pytest.skip("no memory cgroup here: nothing to leave behind")


@pytest.mark.parametrize("isolate", [True, False])
def test_a_worker_that_cannot_start_is_a_crashed_run_naming_why(
    tmp_path: Path, isolate: bool
) -> None:
    """With isolation, `unshare` fails to run the interpreter; without it (a machine that
    forbids namespaces), starting the interpreter itself fails: either way, a run says why,
    down to the file a venv's `python` links to."""
    not_executable = tmp_path / "base-python"
    not_executable.write_text("")  # no execute permission
    venv_python = tmp_path / "python"
    venv_python.symlink_to(not_executable)
    interpreter = Interpreter(str(venv_python))
    with Sandbox(preload=False, isolate=isolate, interpreter=interpreter) as sandbox:
        sandbox.start_for("def task_func():\n    return 1\n", PASSING_TESTS)  # no error here
        run = sandbox.run("def task_func():\n    return 1\n", PASSING_TESTS)
    assert run.status == "crashed" and run.sandbox_error
    assert "the sandbox worker did not start" in (run.message or "")
    assert f"{venv_python} is a link to {not_executable.resolve()}, which this user cannot run" in (
        run.message or ""
    )


ONE_BRANCH_TESTS = """import unittest
class TestCases(unittest.TestCase):
    def test_positive(self):
        self.assertEqual(task_func(1), 1)
"""


def process_name(pid: int) -> str | None:
    """None for a process that ended since it was listed (a run's, ending as it was read)."""
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip()
    except (FileNotFoundError, ProcessLookupError):
        return None


def analysis_service(marker: str) -> int:
    (service,) = [pid for pid in marked_processes(marker) if process_name(pid) == "curator-analyse"]
    return service


def test_coverage_is_the_same_from_the_analysis_service_and_from_the_supervisor(
    tmp_path: Path,
) -> None:
    """A sandbox's analysis service parses programs for the runs' supervisors; a supervisor
    that cannot reach it analyses its run itself, to the same figures."""
    marker = f"marker-{os.getpid()}-{time.monotonic_ns()}"
    with Sandbox(protect=[tmp_path / marker], preload=False) as sandbox:
        served = sandbox.run(BRANCHY_PROGRAM, ONE_BRANCH_TESTS)
        service = analysis_service(marker)
        os.kill(service, signal.SIGKILL)
        deadline = time.monotonic() + 5
        while service in marked_processes(marker) and time.monotonic() < deadline:
            time.sleep(0.05)
        alone = sandbox.run(BRANCHY_PROGRAM, ONE_BRANCH_TESTS)
    assert served.passed and alone.passed, (served, alone)
    assert served.coverage is not None
    assert served.coverage.missed_lines == [4, 5, 6, 7, 8]  # the pragma's lines 6-7 too
    assert served.coverage.missed_branches == [(2, 4), (4, 5), (4, 6), (6, 7), (6, 8)]
    assert alone.coverage == served.coverage


def test_the_sandbox_s_processes_are_named_by_role_and_a_run_s_as_a_fresh_interpreter(
    tmp_path: Path,
) -> None:
    """ps and top tell a sandbox's worker, supervisors and analysis service apart; task code
    finds its process named as a fresh interpreter's (a test may look a process up by name)."""
    fresh = subprocess.run(
        [sys.executable, "-c", "print(open('/proc/self/comm').read().strip())"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    program = "def task_func():\n    return open('/proc/self/comm').read().strip()\n"
    tests = (
        "import unittest\nclass TestCases(unittest.TestCase):\n"
        f"    def test_name(self):\n        self.assertEqual(task_func(), {fresh!r})\n"
    )
    marker = f"marker-{os.getpid()}-{time.monotonic_ns()}"
    with Sandbox(protect=[tmp_path / marker], preload=False) as sandbox:
        run = sandbox.run(program, tests)
        names = {process_name(pid) for pid in marked_processes(marker)} - {None}
    assert run.passed, (run.message, run.tests)
    assert {"curator-worker", "curator-superv", "curator-analyse"} <= names, names


def test_a_run_with_a_hash_seed_of_its_own_prepares_that_run_alone(tmp_path: Path) -> None:
    """Such a run gets a fresh interpreter that serves it alone. It prepared two spare
    supervisors and replaced the one it used: three prepared runs, two ended unused (30 to 40
    ms of CPU each), for every run of the flaky check with another hash seed."""
    marker = f"marker-{os.getpid()}-{time.monotonic_ns()}"
    supervisors_seen: set[int] = set()
    running = threading.Event()
    running.set()

    supervisor_name = load_worker().SUPERVISOR_NAME

    def watch() -> None:
        # A supervisor has none above it (a harness's process carries its supervisor's name
        # for the moment between its fork and its own naming).
        while running.is_set():
            for pid in marked_processes(marker):
                with contextlib.suppress(OSError):
                    name = Path(f"/proc/{pid}/comm").read_bytes().rstrip(b"\n")
                    if name == supervisor_name and ancestor_named(pid, supervisor_name) is None:
                        supervisors_seen.add(pid)
            time.sleep(0.002)

    watcher = threading.Thread(target=watch)
    with Sandbox(protect=[tmp_path / marker], preload=False) as sandbox:
        watcher.start()
        try:
            run = sandbox.run(
                "def task_func():\n    return 1\n",
                PASSING_TESTS,
                options=RunOptions(hash_seed=1234),
            )
        finally:
            running.clear()
            watcher.join()
    assert run.passed, (run.message, run.tests)
    assert len(supervisors_seen) == 1, supervisors_seen


def assert_passes_in_a_sandbox(program: str, tests: str) -> None:
    with Sandbox(preload=False) as sandbox:
        run = sandbox.run(program, tests)
    assert run.passed, [(test.name, test.outcome, test.message) for test in run.tests]


def test_task_code_finds_its_signals_handled_as_in_a_fresh_interpreter() -> None:
    """The worker ignores SIGINT, and readline (preloaded for the docstring examples) catches
    SIGWINCH: a run's process catches and ignores the signals a fresh interpreter does
    (SIGINT raises KeyboardInterrupt), and the programs it starts inherit the same. Signals 1
    to 31 only: glibc's own 32 and 33 are left ignored in an interpreter started through
    posix_spawn (Python 3.13's subprocess) and not in one started by fork and exec."""
    status = (
        "[(line[:7], int(line[8:], 16) & 0x7FFFFFFF) for line in open('/proc/self/status') "
        "if line.startswith(('SigIgn', 'SigCgt'))]"
    )
    fresh = subprocess.run(
        [sys.executable, "-c", f"print({status})"], capture_output=True, text=True, check=True
    ).stdout.strip()
    program = f"import os, signal, time\n\ndef task_func():\n    return str({status})\n"
    tests = (
        "import unittest\nclass TestCases(unittest.TestCase):\n"
        f"    def test_dispositions(self):\n        self.assertEqual(task_func(), {fresh!r})\n"
        "    def test_a_child_s(self):\n"
        "        import subprocess, sys\n"
        f"        child = [sys.executable, '-c', {f'print({status})'!r}]\n"
        "        printed = subprocess.run(child, capture_output=True, text=True).stdout.strip()\n"
        f"        self.assertEqual(printed, {fresh!r})\n"
        "    def test_interrupt(self):\n"
        "        with self.assertRaises(KeyboardInterrupt):\n"
        "            os.kill(os.getpid(), signal.SIGINT)\n"
        "            time.sleep(1)\n"
    )
    assert_passes_in_a_sandbox(program, tests)


def test_a_run_s_processes_are_a_session_and_a_scheduling_group_of_their_own() -> None:
    """With the kernel's autogroups, each session shares the CPU as one group. A fork bomb in
    its supervisor's session left the supervisor one share in hundreds: it stopped the run a
    minute past its deadline, and the run's processes held every process the next runs of
    an ordinary user could fork. In a session of their own, they share one group's time, and
    a signal to their process group (kill(0)) no longer reaches the supervisor."""
    program = "import os\n\ndef task_func():\n    return os.getsid(0) == os.getpid()\n"
    tests = (
        "import os, unittest\nclass TestCases(unittest.TestCase):\n"
        "    def test_leads_its_session(self):\n        self.assertTrue(task_func())\n"
        "    def test_the_supervisor_is_outside_it(self):\n"
        "        self.assertNotEqual(os.getsid(os.getppid()), os.getsid(0))\n"
    )
    assert_passes_in_a_sandbox(program, tests)


def test_the_memory_of_a_run_is_summed_no_further_than_its_deadline() -> None:
    """Without a memory cgroup the supervisor polls the run's memory, summing proportional
    set sizes once resident sizes add up to more than the budget: under a fork bomb, one
    process's read took up to a second, and a poll of hundreds ran minutes past the run's
    deadline. The sum stops at the deadline, a lower bound of what the run holds."""
    worker = load_worker()
    tree = worker.tree_stats(os.getpid())
    resident = sum(int(fields[21]) for fields in tree.values()) * os.sysconf("SC_PAGE_SIZE")
    assert worker.tree_memory_bytes(tree, 1, until=float("inf")) > 0
    assert worker.tree_memory_bytes(tree, resident, until=0.0) == resident  # under: no reading
    assert worker.tree_memory_bytes(tree, 1, until=0.0) == 0
    assert worker.tree_stats(os.getpid(), until=0.0) == {}


def test_task_code_holds_no_way_to_the_analysis_service() -> None:
    probe = """import socket

def task_func():
    found = []
    for fd in range(3, 1024):
        try:
            probe = socket.fromfd(fd, socket.AF_UNIX, socket.SOCK_STREAM)
        except OSError:
            continue
        with probe:
            if probe.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE) == socket.SOCK_SEQPACKET:
                found.append(fd)
    return found
"""
    tests = """import unittest
class TestCases(unittest.TestCase):
    def test_none(self):
        self.assertEqual(task_func(), [])
"""
    with Sandbox(preload=False) as sandbox:
        run = sandbox.run(probe, tests)
    assert [test.outcome for test in run.tests] == ["pass"], run


OLDEST_PYTHON_TESTS = """import sys
import unittest

class TestCases(unittest.TestCase):
    def test_runs_in_the_environments_python(self):
        self.assertEqual(sys.version_info[:2], (3, 10))

    def test_the_sandboxs_own_modules_are_not_importable_by_bare_name(self):
        with self.assertRaises(ImportError):
            import protocol  # noqa: F401

    def test_the_task(self):
        self.assertEqual(task_func(1), 1)

    def test_what_assert_equal_hands_on(self):
        self.assertEqual([task_func(1)], [1], "a list")
        self.assertEqual({"a": task_func(2)}, {"a": 2})
"""


@pytest.mark.parametrize("isolate", [True, False])
def test_the_sandbox_runs_in_the_oldest_python_an_environment_may_have(
    tmp_path: Path, isolate: bool
) -> None:
    """BigCodeBench pins its libraries for Python 3.10, and the worker, the harness and their
    protocol run in the environment's interpreter: once they asked for 3.11 (`-P`, StrEnum,
    operator.call) and every run of such a bank failed to start; the harness took its own frame
    for the tests' where 3.10 audits `sys._getframe` otherwise (assertEqual of two lists was
    tampering). Coverage is off: no coverage.py for 3.10 can be installed offline."""
    venv = oldest_python_venv(tmp_path)
    venv.chmod(0o755)
    interpreter = Interpreter(str(venv / "bin" / "python"))
    with Sandbox(preload=False, isolate=isolate, interpreter=interpreter) as sandbox:
        run = sandbox.run(
            "def task_func(x):\n    return x\n",
            OLDEST_PYTHON_TESTS,
            options=RunOptions(coverage=False, fresh_interpreter=True),
        )
    assert run.status == "completed", (run.message, run.notes)
    assert {test.name: test.outcome for test in run.tests} == {
        "test_runs_in_the_environments_python": "pass",
        "test_the_sandboxs_own_modules_are_not_importable_by_bare_name": "pass",
        "test_the_task": "pass",
        "test_what_assert_equal_hands_on": "pass",
    }


@pytest.mark.parametrize(
    ("program", "tests", "kind"),
    [
        ("import re\n", "import unittest\n", "standard"),
        ("import numpy as np\n", "import unittest\n", "libraries"),
        ("from keras.layers import Dense\n", "import unittest\n", "heavy"),
        ("import json\n", "import tensorflow as tf\nimport unittest\n", "heavy"),
        ("import tensorflow_datasets\n", "import unittest\n", "libraries"),
    ],
)
def test_a_run_goes_to_the_warm_worker_that_preloads_what_its_code_imports(
    program: str, tests: str, kind: str
) -> None:
    assert worker_kind(program, tests) == kind


IMPORTED_BEFORE_THE_RUN_TESTS = """import os
import unittest

class TestCases(unittest.TestCase):
    def test_keras_was_imported_before_the_run(self):
        self.assertNotEqual(task_func(), os.getpid())
"""
KERAS_NOT_LOADED_TESTS = """import unittest

class TestCases(unittest.TestCase):
    def test_keras_is_not_loaded(self):
        self.assertFalse(task_func())
"""


def with_stand_in(tmp_path: Path, source: str, name: str = "keras") -> Interpreter:
    """Curator's own interpreter with a module `name` of `source` on its path (readable by
    the run's uid)."""
    libraries = tmp_path / "libraries"
    libraries.mkdir()
    (libraries / f"{name}.py").write_text(source)
    for path in (tmp_path, libraries, *libraries.iterdir()):
        path.chmod(0o755)
    return Interpreter(variables=(("PYTHONPATH", str(libraries)),))


def test_tensorflow_and_keras_are_imported_once_by_a_worker_of_their_own(tmp_path: Path) -> None:
    """They take seconds to import (TensorFlow 5.4 s, for a task whose tests take 2): a run
    of code that imports them is forked from a worker that already has; other runs are not
    (their worker would start seconds later and fork a bigger process). Here a stand-in for
    Keras records the process that imported it."""
    interpreter = with_stand_in(tmp_path, "import os\nIMPORTED_IN = os.getpid()\n")
    keras_program = "import keras\n\ndef task_func():\n    return keras.IMPORTED_IN\n"
    is_keras_loaded = "\n\ndef task_func():\n    return 'keras' in sys.modules\n"
    with Sandbox(interpreter=interpreter) as sandbox:
        for program, tests in (
            (keras_program, IMPORTED_BEFORE_THE_RUN_TESTS),
            (keras_program, IMPORTED_BEFORE_THE_RUN_TESTS),
            ("import sys\nimport rich" + is_keras_loaded, KERAS_NOT_LOADED_TESTS),
            ("import sys" + is_keras_loaded, KERAS_NOT_LOADED_TESTS),
        ):
            run = sandbox.run(program, tests)
            assert run.status == "completed", (run.message, run.notes)
            assert [test.outcome for test in run.tests] == ["pass"], run.tests


def test_code_that_imports_keras_keeps_fresh_interpreters_within_warm_hash_seeds(
    tmp_path: Path,
) -> None:
    """Four workers of TensorFlow's (one per hash seed of a flaky check) would hold 1.9 GB
    until the check ends, for the few tasks that import it: their hash-seed runs start a
    fresh interpreter each still, and no worker is kept for them. Code that imports only the
    standard library gets one."""
    interpreter = with_stand_in(tmp_path, "import os\nIMPORTED_IN = os.getpid()\n")
    keras_program = "import keras\n\ndef task_func():\n    return keras.IMPORTED_IN\n"
    options = RunOptions(hash_seed=4242, coverage=False)
    with Sandbox(interpreter=interpreter) as sandbox, sandbox.warm_hash_seeds([4242]):
        for _ in range(2):
            sandbox.run(keras_program, IMPORTED_BEFORE_THE_RUN_TESTS, options=options)
        assert sandbox.worker_pids() == []
        run = sandbox.run(
            "import sys" + "\n\ndef task_func():\n    return 'keras' in sys.modules\n",
            KERAS_NOT_LOADED_TESTS,
            options=options,
        )
        assert run.passed, (run.message, run.tests)
        assert len(sandbox.worker_pids()) == 1


SHARED_GENERATOR_PROGRAM = """import faker


def task_func():
    return faker.shared.random()
"""
SHARED_GENERATOR_TESTS = """import unittest


class TestCases(unittest.TestCase):
    def test_draws(self):
        print("drew", task_func())
"""


def test_each_run_draws_its_own_numbers_from_a_preloaded_library_s_generator(
    tmp_path: Path,
) -> None:
    """Faker keeps one random generator for all its instances, made when it is imported: in
    the warm worker, before the fork. Unseeded, every run of a sandbox drew the same names
    from it (a fresh interpreter draws new ones); seeded, a run draws what the seed gives.
    Here a stand-in for Faker keeps such a generator."""
    interpreter = with_stand_in(tmp_path, "import random\nshared = random.Random()\n", name="faker")
    with Sandbox(interpreter=interpreter) as sandbox:
        runs = [
            sandbox.run(SHARED_GENERATOR_PROGRAM, SHARED_GENERATOR_TESTS, options=options)
            for options in (RunOptions(), RunOptions(), RunOptions(random_seed=7))
        ]
    assert all(run.passed for run in runs), [run.message for run in runs]
    unseeded, again, seeded = (run.stdout_tail.split()[-1] for run in runs)
    assert unseeded != again
    assert seeded == repr(random.Random(per_test_seed(7, "test_draws")).random())


def test_every_run_sizes_library_thread_pools_to_one_core() -> None:
    tests = f"""import os
import unittest

VARIABLES = {THREAD_VARIABLES!r}

class TestCases(unittest.TestCase):
    def test_thread_pools(self):
        self.assertEqual(
            {{name: os.environ.get(name) for name in VARIABLES}}, dict.fromkeys(VARIABLES, "1")
        )
"""
    assert "TF_NUM_INTRAOP_THREADS" in THREAD_VARIABLES
    with Sandbox() as sandbox:
        run = sandbox.run("def task_func():\n    return 1\n", tests)
    assert [test.outcome for test in run.tests] == ["pass"], run.tests


def test_a_heavy_worker_that_starts_holds_up_only_the_runs_that_wait_for_it(
    tmp_path: Path,
) -> None:
    """The heavy worker takes seconds to start (TensorFlow's import); a run that another
    worker serves goes on meanwhile. A stand-in for Keras takes 3 s to import here."""
    interpreter = with_stand_in(tmp_path, "import time\ntime.sleep(3)\n")
    light_program = "def task_func():\n    return 1\n"
    with Sandbox(interpreter=interpreter) as sandbox:
        sandbox.start_for(light_program, PASSING_TESTS)
        heavy = threading.Thread(
            target=sandbox.run, args=("import keras\n" + light_program, PASSING_TESTS)
        )
        heavy.start()
        time.sleep(0.5)  # the heavy worker is starting
        started = time.monotonic()
        run = sandbox.run(light_program, PASSING_TESTS)
        waited = time.monotonic() - started
        still_starting = heavy.is_alive()
        heavy.join()
    assert [test.outcome for test in run.tests] == ["pass"], run.tests
    assert still_starting and waited < 2.0, waited


def test_the_analysis_service_compiles_a_run_s_tests_into_the_harness_s_pipe() -> None:
    """`answer_compilation` writes the tests as the harness compiles them, marshalled, to the
    pipe it is given, and closes it; tests that do not compile get nothing (the harness then
    compiles them itself and reports why). Tests asked for ahead, with no pipe, are kept: the
    run's own request then takes them as they were compiled."""
    worker = load_worker()
    tests = "import unittest\nclass TestCases(unittest.TestCase):\n    def test_it(self):\n"
    path = "/task/tests.py"
    compiled: dict[str, bytes] = {}

    def asked(source: str, with_pipe: bool = True, given_path: str | None = path) -> bytes:
        ours, theirs = socket.socketpair()
        read_end, write_end = os.pipe() if with_pipe else (None, None)
        with ours:
            request = {"tests": source, "entry_point": "f"}
            if given_path is not None:
                request["path"] = given_path
            ours.sendall(json.dumps(request).encode())
            ours.shutdown(socket.SHUT_WR)
            if write_end is None:  # ahead, as the service compiles it once idle
                worker.compiled_tests_for(worker.compilation_asked(theirs.detach()), compiled)
            else:
                worker.answer_compilation(theirs.detach(), write_end, compiled)
        if read_end is None:
            return b""
        with open(read_end, "rb") as pipe:
            return pipe.read()

    right = tests + "        self.assertTrue(f() == 1)\n"
    code = marshal.loads(asked(right))
    assert code.co_filename == path
    assert code == harness.rewritten_tests(right, path, "f")
    assert asked(tests + "        self.assertTrue(f() ==\n") == b""
    compiled.clear()
    assert asked(right, with_pipe=False, given_path=None) == b""  # ahead: a root's path
    (key,) = compiled
    compiled[key] = b"as compiled ahead"
    assert asked(right) == b"as compiled ahead"


def test_a_batch_s_tests_compiled_ahead_run_as_their_own() -> None:
    """`Sandbox.compile_ahead` before the warm worker has started does nothing; after, the
    run of those tests finds them compiled, and runs them as its own."""
    tests = "import unittest\nclass TestCases(unittest.TestCase):\n"
    tests += "    def test_it(self):\n        self.assertEqual(task_func(2), 4)\n"
    program = "def task_func(x):\n    return 2 * x\n"
    with Sandbox(preload=False) as sandbox:
        sandbox.compile_ahead(program, tests, "task_func")
        sandbox.start_for(program, tests)
        sandbox.compile_ahead(program, tests, "task_func")
        run = sandbox.run(program, tests)
    assert [(test.name, test.outcome) for test in run.tests] == [("test_it", "pass")], run
