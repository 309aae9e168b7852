"""The sandbox worker: a zygote that forks one isolated process tree per test-suite run.

This module runs (`python -s start_worker.py --control-fd N`, which imports it) inside the
sandbox, started by `curator.sandbox.runner.Sandbox`, usually under `unshare --net --pid --fork
--kill-child`. It imports only the standard library (and coverage.py, numpy, pandas, matplotlib
when preloading), never pydantic or the rest of curator, so that a fresh interpreter starts fast.

Process layout of one run:

    zygote (pid 1 of the sandbox's pid namespace; preloaded libraries; single-threaded)
      ├─ analysis service (parses each program once, measures each run's arcs against it)
      └─ supervisor (forked ahead as a spare that prepares a run while idle, as pid 1 of the
         │           run's own pid namespace: its death kills every process in it. Joins the
         │           run's memory cgroup; root, or root of curator's user namespace; new mount,
         │           network, IPC namespaces and a /proc of the run's processes; builds the
         │           run's root; forks the harness's process and leaves the cgroup. With the
         │           request: the uid's files, the task file, the memory budget or watchdog,
         │           the deadline; the leftovers killed and reaped; not traceable)
           └─ harness (forked ahead: pivots into the run's root, with a /proc of the run's
                       pid namespace, and waits for the request; then unprivileged uid as root,
                       no capabilities, no_new_privs, rlimits, scrubbed env; cwd /home/user):
                       task program + TestCases

Every run has all of these of its own; preparing them ahead only takes them off the run's path.

The run's root (`build_run_root`) is a tmpfs holding read-only binds of /usr, /lib*, a few /etc
files and the interpreter's directories, a fresh /proc and /dev, one scratch tmpfs shown as
/tmp, /home/user and /dev/shm, and the task file in /task. Nothing else of the host exists in
it: HOME, the bank, `.git` folders and unix sockets are absent rather than hidden. The same
holds as root and as an ordinary user (where curator's `unshare --map-root-user` gives the
supervisor the privileges to build it); where the kernel refuses a namespace, the run says so
in its notes and falls back to the host's file system made read-only.

The supervisor enforces the wall clock (SIGSTOP, then SIGKILL, to every other process of the
namespace, which run in a session, hence a scheduling group, of their own), the memory budget
of the whole tree (a memory cgroup, else per-process RLIMIT_AS plus a polled watchdog on the
tree's memory), caps captured output, reads per-test events from a pipe, and computes coverage
from the arcs the harness reports (coverage analysis runs outside the task's process).

Outcomes: the harness (harness.py) alone decides them and signs its records with a per-run key
(protocol.py); `build_response` here, outside the task's process, accepts only signed records in
the harness's order and turns anything else into `tampering`. The residual risk of running the
harness in the task's process is stated in harness.py. Where the machine forbids namespaces, the
task shares the host's /proc and network and, when curator does not run as root, its uid: it
could then read other processes of that user (for example their environment). As an ordinary
user, task code is uid 0 of curator's user namespace without capabilities; it can still make a
nested user namespace of its own, which gives it nothing over the run's mounts or the host.
"""

from __future__ import annotations

import contextlib
import ctypes
import dataclasses
import errno
import functools
import gc
import json
import marshal
import os
import resource
import select
import signal
import socket
import stat
import struct
import sys
import time
import traceback
import types
from collections.abc import Callable, Sequence
from typing import Any, cast

# `python start_worker.py` puts this folder first on sys.path, where task code would find
# curator's own modules under bare names (`models`, `protocol`). Python 3.11's -P leaves it out;
# a bank's environment may be an older Python (BigCodeBench's pinned libraries need 3.10).
if sys.path and os.path.realpath(sys.path[0]) == os.path.dirname(os.path.realpath(__file__)):
    del sys.path[0]


def _load_stdlib_siblings() -> None:
    """Make `curator.sandbox.protocol` and `.harness` importable without running the packages'
    `__init__` (which imports pydantic): register the two package names as bare shells."""
    here = os.path.dirname(os.path.abspath(__file__))
    for name, path in (("curator", os.path.dirname(here)), ("curator.sandbox", here)):
        if name not in sys.modules:
            shell = types.ModuleType(name)
            shell.__path__ = [path]
            sys.modules[name] = shell


_load_stdlib_siblings()

from curator.sandbox import harness, protocol  # noqa: E402

# References captured before any task code runs.
_dumps = json.dumps
_perf_counter = time.perf_counter
_exit = os._exit

CLONE_NEWNS = 0x00020000
CLONE_NEWPID = 0x20000000
CLONE_NEWNET = 0x40000000
CLONE_NEWIPC = 0x08000000
MS_NOSUID = 2
MS_NODEV = 4
MS_NOEXEC = 8
MS_RDONLY = 1
MS_REMOUNT = 32
MS_BIND = 4096
MS_REC = 16384
MS_PRIVATE = 1 << 18
MNT_DETACH = 2
SYS_MOUNT_SETATTR = 442  # the same number on every architecture (added after unification)
AT_FDCWD = -100
AT_RECURSIVE = 0x8000
MOUNT_ATTR_RDONLY = 1
PR_SET_DUMPABLE = 4
PR_SET_PTRACER = 0x59616D61
PR_SET_NAME = 15
PR_SET_CHILD_SUBREAPER = 36
PR_SET_NO_NEW_PRIVS = 38
PR_CAPBSET_DROP = 24
PR_CAP_AMBIENT = 47
PR_CAP_AMBIENT_CLEAR_ALL = 4
CAPABILITY_VERSION_3 = 0x20080522
PIVOT_ROOT_SYSCALL = {"x86_64": 155, "aarch64": 41, "riscv64": 41, "ppc64le": 203, "s390x": 217}
PR_SET_SECCOMP = 22
SECCOMP_MODE_FILTER = 2
SECCOMP_RET_ALLOW = 0x7FFF0000
SECCOMP_RET_ERRNO = 0x00050000
X32_SYSCALL_BIT = 0x40000000
# Classic BPF, as seccomp reads it: load a word of `seccomp_data`, jump if equal, at least, or
# any bit set, return.
BPF_LOAD_WORD, BPF_JUMP_EQUAL, BPF_JUMP_AT_LEAST, BPF_JUMP_ANY_BIT = 0x20, 0x15, 0x35, 0x45
BPF_RETURN = 0x06
SECCOMP_DATA_NR, SECCOMP_DATA_ARCH, SECCOMP_DATA_FIRST_ARGUMENT = 0, 4, 16
# Per machine: its audit architecture, and the numbers of the calls `restrict_system_calls`
# denies or reads.
SYSTEM_CALLS = {
    "x86_64": (
        0xC000003E,
        {"memfd_create": 319, "memfd_secret": 447, "shmget": 29, "clone3": 435}
        | {"unshare": 272, "setns": 308, "clone": 56, "ptrace": 101}
        | {"process_vm_readv": 310, "process_vm_writev": 311, "pidfd_getfd": 438, "prctl": 157},
    ),
    "aarch64": (
        0xC00000B7,
        {"memfd_create": 279, "memfd_secret": 447, "shmget": 194, "clone3": 435}
        | {"unshare": 97, "setns": 268, "clone": 220, "ptrace": 117}
        | {"process_vm_readv": 270, "process_vm_writev": 271, "pidfd_getfd": 438, "prctl": 167},
    ),
}
# Calls that fail as on a kernel without them (ENOSYS: libraries that probe fall back). Memory
# no process holds as its own (`memfd_create`, `memfd_secret`, SysV `shmget`): its pages are in
# no process's resident size, and a file in flight in a unix socket is in no process's
# descriptors either. `clone3`, whose flags sit in memory a filter cannot read: glibc then
# makes threads and processes with `clone`, whose flags it can (as Docker's default profile).
ABSENT_SYSTEM_CALLS = ("memfd_create", "memfd_secret", "shmget", "clone3")
# Calls refused (EPERM, as where user namespaces are off): new namespaces, and joining others
# (in a pid namespace of its own, a process the task forked had the harness's pid, which is how
# the harness tells itself from its forks: it kept the run's key and signed a forged run); and
# reading or writing another process's memory or descriptors (a fresh interpreter the task
# started, which no audit hook watches, read and wrote the harness's memory: red team).
REFUSED_SYSTEM_CALLS = (
    "unshare",
    "setns",
    "ptrace",
    "process_vm_readv",
    "process_vm_writev",
    "pidfd_getfd",
)
# prctl's options that would open the run's processes to each other: dumpable again (the
# harness's memory in /proc/PID/mem, readable and writable by a process of its uid) and a
# tracer named for Yama.
REFUSED_PRCTL_OPTIONS = (PR_SET_DUMPABLE, PR_SET_PTRACER)
CLONE_NEW_NAMESPACES = 0x7E020000
"""`clone`'s flags for new mount, cgroup, UTS, IPC, user, pid and network namespaces (its low
byte is the child's exit signal: no CLONE_NEWTIME, which only `clone3` and `unshare` take)."""

OUTPUT_TAIL_BYTES = 16 * 1024
OUTPUT_FINDING_BYTES = 1024 * 1024
EVENT_BYTES_LIMIT = 64 * 1024 * 1024
FILE_SIZE_LIMIT = 256 * 1024 * 1024
SCRATCH_TMPFS = "size=512m,mode=1777"
# The run's own root (see build_run_root): plain paths, as on an ordinary machine.
RUN_HOME = "/home/user"
RUN_TMP = "/tmp"
RUN_TASK_DIRECTORY = "/task"
RUN_BIN = "/opt/python/bin"
SYSTEM_PATH = "/usr/local/bin:/usr/bin:/bin"
SYSTEM_DIRECTORIES = ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")
# What of /etc a plain program needs (name resolution of localhost, time zones, certificates,
# MIME types, the dynamic linker's cache); passwd, group and hosts are written for the run.
ETC_ENTRIES = (
    "alternatives",
    "ca-certificates",
    "ca-certificates.conf",
    "fonts",
    "host.conf",
    "ld.so.cache",
    "ld.so.conf",
    "ld.so.conf.d",
    "localtime",
    "mime.types",
    "nsswitch.conf",
    "os-release",
    "protocols",
    "services",
    "ssl",
    "timezone",
)
DEVICES = ("null", "zero", "full", "random", "urandom")
ROOT_SETUP_FAILED = 126
MEMORY_POLL_S = 0.1
ADDRESS_SPACE_PER_MEMORY = 8
"""Without a memory cgroup, each process may reserve this many times the run's memory budget
in address space, beyond what it had when forked; the watchdog holds resident memory to the
budget. Libraries reserve far more than they use: TensorFlow holds 2.3 GB of address space
after one small fit, for 0.6 GB resident (with the budget as the limit, its threads could not
start and BigCodeBench/417-419 aborted), and glibc reserves 64 MB per thread's malloc arena."""
SHUTDOWN_WAIT_S = 2.0
SPARES = 2  # supervisors forked ahead: two runs asked at once both find one ready
ANALYSIS_ANSWER_S = 10.0  # a supervisor waits this long for the analysis service, then analyses
PARSED_PROGRAMS_KEPT = 32
COMPILED_TESTS_KEPT = 256  # a batch of tasks compiled ahead (`answer_compilation`)
AHEAD_IDLE_S = 0.01  # how long the analysis service waits for requests before compiling ahead
AHEAD_KEPT = 8  # tests asked for ahead and not yet compiled: the oldest are dropped
# The sandbox's processes by role, as ps, top and /proc/PID/comm show them (15 bytes at most).
WORKER_NAME = b"curator-worker"
SUPERVISOR_NAME = b"curator-superv"
ANALYSIS_SERVICE_NAME = b"curator-analyse"
# A task of the usual shape and size (imports, a documented function, a TestCases class),
# read as a request, compiled and its body run by each prepared process while it waits for its
# request (`warm_up_reading`). It imports only what every warm worker has imported.
WARM_UP_TASK = '''import os
import re
from collections import Counter


def task_func(text, top=3, directory="."):
    """
    Count the words of the text files in a directory and return the most common.

    Parameters:
    - text (str): A word that must appear.
    - top (int): How many words to return. Defaults to 3.

    Returns:
    - list[tuple[str, int]]: The words and their counts.

    Raises:
    - ValueError: If top is not positive.

    Example:
    >>> task_func("a", top=1)
    [('a', 1)]
    """
    if top <= 0:
        raise ValueError(f"top must be positive, not {top}")
    counts = Counter(word.lower() for word in re.findall(r"\\w+", text))
    for name in sorted(os.listdir(directory)):
        if name.endswith(".txt"):
            with open(os.path.join(directory, name), encoding="utf-8") as handle:
                counts.update(re.findall(r"\\w+", handle.read().lower()))
    return [(word, count) for word, count in counts.most_common(top) if count > 0]


import tempfile
import unittest


class TestCases(unittest.TestCase):
    def setUp(self):
        self.words = {"alpha": 2, "beta": 1}

    def test_counts(self):
        self.assertEqual(task_func("alpha alpha beta", top=1), [("alpha", 2)])

    def test_raises(self):
        with self.assertRaises(ValueError):
            task_func("alpha", top=0)

    def test_empty_directory(self):
        with tempfile.TemporaryDirectory() as directory:
            self.assertEqual(task_func("", top=2, directory=directory), [])
'''
WARM_UP_REQUEST = json.dumps(
    {"program": WARM_UP_TASK, "tests": WARM_UP_TASK, "entry_point": "task_func", "options": {}}
)
# Heavy libraries, imported when the interpreter (a bank environment) has them.
PRELOAD = (
    "numpy",
    "pandas",
    "matplotlib",
    "matplotlib.pyplot",
    "scipy",
    "scipy.stats",
    "sklearn",
    "sklearn.model_selection",
    "sklearn.linear_model",
    "seaborn",
    "statsmodels.api",
    "PIL.Image",
    "bs4",
    "requests",
    "nltk",
    "faker",
    "openpyxl",
    "pytz",
    "dateutil.parser",
)
# Standard-library modules tasks and tests often import (unittest.mock alone pulls in asyncio).
# None of them starts a thread or keeps per-process state that a fork would share wrongly
# (`random` and `tempfile` reseed themselves in a forked child).
PRELOAD_STANDARD = (
    "asyncio",
    "base64",
    "collections",
    "csv",
    "ctypes",
    "datetime",
    "decimal",
    "email",
    "fractions",
    "glob",
    "gzip",
    "hashlib",
    "heapq",
    "hmac",
    "html",
    "http.client",
    "inspect",
    "io",
    "itertools",
    "json",
    "logging",
    "math",
    "mimetypes",
    "operator",
    "pathlib",
    "pickle",
    "random",
    "re",
    "secrets",
    "shutil",
    "socket",
    "sqlite3",
    "ssl",
    "statistics",
    "string",
    "struct",
    "subprocess",
    "tarfile",
    "textwrap",
    "unittest.mock",
    "urllib.parse",
    "urllib.request",
    "uuid",
    "xml.etree.ElementTree",
    "zipfile",
)
PRELOADS = {
    "standard": PRELOAD_STANDARD,
    "libraries": PRELOAD + PRELOAD_STANDARD,
    "heavy": protocol.HEAVY_LIBRARIES + PRELOAD + PRELOAD_STANDARD,
}
"""What each kind of warm worker imports before forking runs (see runner.worker_kind)."""

_libc = ctypes.CDLL(None, use_errno=True)


def _libc_call(name: str, *args: object) -> None:
    if getattr(_libc, name)(*args) != 0:
        code = ctypes.get_errno()
        raise OSError(code, f"{name}: {os.strerror(code)}")


def _mount(
    source: str | None, target: str, fstype: str | None, flags: int, data: str | None
) -> None:
    def encode(text: str | None) -> bytes | None:
        return text.encode() if text is not None else None

    _libc_call("mount", encode(source), encode(target), encode(fstype), flags, encode(data))


def vm_size_bytes() -> int:
    """This process's virtual size: the base that the address-space budget is added to."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0


def thread_count() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("Threads:"):
                return int(line.split()[1])
    return 1


# -- zygote --------------------------------------------------------------------------------------


# The name the interpreter started under: each run's process takes it back, so that task code
# finds itself named as in a fresh interpreter.
_interpreter_name = b""


def name_process(name: bytes) -> None:
    _libc.prctl(PR_SET_NAME, name, 0, 0, 0)


def preload(modules: tuple[str, ...]) -> list[str]:
    """Import heavy libraries once so that forked runs do not pay for them again."""
    import importlib

    loaded = []
    for name in modules:
        try:
            importlib.import_module(name)
        except Exception:
            continue
        loaded.append(name)
    if "matplotlib" in sys.modules:
        import matplotlib

        matplotlib.use("Agg")
    return loaded


def bring_loopback_up() -> bool:
    """A new network namespace starts with its loopback down; tests that serve and connect on
    127.0.0.1 need it up (it is the namespace's own, not the host's)."""
    import fcntl

    siocgifflags, siocsifflags, iff_up = 0x8913, 0x8914, 0x1
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            request = struct.pack("16sH", b"lo", 0)
            flags = struct.unpack("16sH", fcntl.ioctl(probe, siocgifflags, request)[:18])[1]
            if not flags & iff_up:
                fcntl.ioctl(probe, siocsifflags, struct.pack("16sH", b"lo", flags | iff_up))
    except OSError:
        return False
    return True


def import_what_every_run_needs() -> None:
    """Imported by every warm worker (whatever it preloads) while the interpreter's files are
    still readable."""
    import doctest  # noqa: F401
    import importlib.util  # noqa: F401
    import linecache  # noqa: F401
    import shutil  # noqa: F401
    import tempfile  # noqa: F401
    import types  # noqa: F401
    import unittest  # noqa: F401

    # doctest's runner makes a pdb.Pdb each time it runs a docstring's examples, and Pdb
    # imports readline: its shared libraries were loaded and linked again in every run with
    # examples (1.1 to 2 ms a run). The worker's input and output are not a terminal, so
    # readline leaves them alone (a run's are not one either); it catches SIGWINCH as it
    # starts, which a fresh interpreter leaves at its default.
    with contextlib.suppress(ImportError):
        import readline  # noqa: F401

        signal.signal(signal.SIGWINCH, signal.SIG_DFL)


def zygote(
    control_fd: int,
    preloads: tuple[str, ...],
    coverage: bool,
    config: dict[str, Any],
    one_run: bool = False,
) -> None:
    """Hand each run request to the spare supervisor and fork the next spare; exit when the
    control channel closes. `config`: what every run of this sandbox shares (`prepare_run`).
    `one_run`: the worker serves a single request (a fresh interpreter for one run): one spare,
    never replaced; each spare left unused costs a prepared run (30 to 40 ms of CPU)."""
    global _own_pid_namespace, _interpreter_name
    with open("/proc/self/comm", "rb") as comm:
        _interpreter_name = comm.read().rstrip(b"\n")
    name_process(WORKER_NAME)
    loopback = bring_loopback_up() if "--own-network" in sys.argv else None
    if config["isolate"]:
        _own_pid_namespace = os.open("/proc/self/ns/pid", os.O_RDONLY)
    for variable in protocol.THREAD_VARIABLES:
        os.environ[variable] = "1"
    loaded = preload(preloads)
    import_what_every_run_needs()
    # multiprocessing's "spawn" and "forkserver" start each child from the main module's file,
    # this worker's script, which no run's root shows: every child failed to start, and a pool
    # started them again until the time limit (red team). Without it they start as under
    # `python -c`; the task's own functions are then found as BigCodeBench's evaluator finds
    # them (its module `__test__` cannot be imported there either).
    vars(sys.modules["__main__"]).pop("__file__", None)
    if coverage:
        warm_up_coverage()
    harness.warm_up()
    # Everything loaded so far outlives every run: the garbage collector leaves it alone, so a
    # forked run neither scans the preloaded libraries' objects (a full collection in a fork
    # costs tens of milliseconds) nor copies their pages by touching them.
    gc.collect()
    gc.freeze()
    if coverage:
        start_analysis_service(control_fd)
    control = socket.socket(fileno=control_fd)
    info = {
        "ready": True,
        "pid_in_namespace": os.getpid(),
        "preloaded": loaded,
        "threads": thread_count(),
        "hash_seed": os.environ.get("PYTHONHASHSEED"),
        "loopback_up": loopback,
    }
    control.sendall(_dumps(info).encode() + b"\n")
    interpreter_paths(tuple(config["protect"]))  # once: every spare forked from here has them
    spares: list[Spare] = []
    serving: set[int] = set()  # the supervisors of runs under way
    while len(spares) < (1 if one_run else SPARES):
        spares.append(fork_spare(control, spares, config))
    while True:
        _reap_children(running=serving)
        readable, _, _ = select.select([control], [], [], 0.5)
        if not readable:
            continue
        try:
            message, fds, _, _ = socket.recv_fds(control, 16, 1)
        except OSError:
            break
        if not message:
            break
        if not fds:
            continue
        if message == b"c":  # tests to compile ahead, for the analysis service
            if _analysis_service is not None:
                with contextlib.suppress(OSError):
                    socket.send_fds(_analysis_service, [b"c"], fds[:1])
            os.close(fds[0])
            continue
        handed = False
        while spares and not handed:  # the oldest first (the likeliest ready); a dead one skipped
            spare = spares.pop(0)
            try:
                socket.send_fds(spare.channel, [b"r"], fds[:1])
                handed = True
                serving.add(spare.pid)
            except OSError:
                pass
            spare.channel.close()
        # Closed before the next fork: only the run may hold the connection (if every spare
        # had died, the caller sees it close without an answer).
        os.close(fds[0])
        while not one_run and len(spares) < SPARES:
            spares.append(fork_spare(control, spares, config))
    for spare in spares:  # each ends its prepared run, leaves and removes its cgroup, exits
        spare.channel.close()
    _reap_children(running=serving)
    for pid in serving:  # each ends its run as at a deadline, and removes its cgroup
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
    if _analysis_service is not None:  # the service ends once the spares have closed theirs
        _analysis_service.close()
    # Our end kills every process of the sandbox: give the spare, and a supervisor still
    # removing its run's memory cgroup after answering, a moment to finish.
    deadline = time.monotonic() + SHUTDOWN_WAIT_S
    while time.monotonic() < deadline:
        try:
            if os.waitpid(-1, os.WNOHANG)[0] == 0:
                time.sleep(0.005)
        except ChildProcessError:
            break


@dataclasses.dataclass
class Spare:
    """A supervisor forked before its request arrives, so that what needs no request (the
    fork itself, the run's memory cgroup, namespaces and root, the harness's process:
    `prepare_run`) is off the run's path; it waits on `channel` for the request's
    connection."""

    pid: int
    channel: socket.socket


# The zygote's own pid namespace: forks go back to it after a spare's (`fork_spare`).
_own_pid_namespace: int | None = None


def fork_spare(control: socket.socket, others: list[Spare], config: dict[str, Any]) -> Spare:
    """Fork a spare supervisor, as pid 1 of a pid namespace of its own where the kernel allows
    (the zygote's next child alone goes there: unshare(2), then setns(2) back)."""
    ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    own_namespace = False
    if _own_pid_namespace is not None:
        with contextlib.suppress(OSError):  # the spare notes that it is not pid 1
            _libc_call("unshare", CLONE_NEWPID)
            own_namespace = True
    pid = os.fork()
    if own_namespace and pid != 0:
        _libc_call("setns", _own_pid_namespace, CLONE_NEWPID)
    if pid == 0:
        for channel in (control, ours, *(other.channel for other in others)):
            channel.close()  # else another spare would not see the zygote end
        code = 0
        try:
            serve_spare(theirs, config)
        except BaseException:
            traceback.print_exc()
            code = 1
        _exit(code)
    theirs.close()
    return Spare(pid, ours)


def serve_spare(channel: socket.socket, config: dict[str, Any]) -> None:
    """Prepare a run while idle, then serve one request with it; without a request (the
    zygote ends), end the prepared run."""
    name_process(SUPERVISOR_NAME)
    prepared: PreparedRun | None = None
    failure = ""
    try:
        prepared = prepare_run(config)
    except Exception:
        failure = "sandbox failure: " + traceback.format_exc()
    warm_up_answering()
    try:
        _, fds, _, _ = socket.recv_fds(channel, 16, 1)
    except OSError:
        fds = []
    channel.close()
    if fds:
        serve_run(fds[0], prepared, failure)
    elif prepared is not None:
        prepared.end()


# A Coverage object started once in the zygote: forks reuse it, skipping coverage.py's start-up
# (path matchers, sysconfig scans: ~40 ms a run). It measures every run's task.py.
_warm_measurement = None
MEASURED_FILES = "*/task/task.py"  # RUN_TASK_DIRECTORY in the run's root; the same outside


def warm_up_coverage() -> None:
    """Measure and analyse a tiny program once, so that every fork inherits coverage.py's
    lazily imported modules and initialised state instead of paying for them again."""
    global _warm_measurement
    import shutil
    import tempfile

    import coverage

    os.environ["COVERAGE_CORE"] = "ctrace"
    directory = tempfile.mkdtemp(prefix="curator-warm-up-")
    try:
        os.mkdir(os.path.join(directory, "task"))
        path = os.path.join(directory, "task", "task.py")
        with open(path, "w") as handle:
            handle.write("def f(x):\n    if x:\n        return 1\n    return 2\nf(1)\n")
        cov = counted_everywhere(
            coverage.Coverage(
                data_file=None, branch=True, include=[MEASURED_FILES], config_file=False
            )
        )
        cov.start()
        with open(path) as handle:
            exec(compile(handle.read(), path, "exec"), {})
        cov.stop()
        _warm_measurement = cov
        analyser = CoverageAnalyser(path)
        analyser.parse()
        analyser.analyse(sorted(cov.get_data().arcs(path) or []))
    finally:
        shutil.rmtree(directory, ignore_errors=True)


# The supervisors' way to the sandbox's analysis service (None: each analyses for itself).
_analysis_service: socket.socket | None = None


def start_analysis_service(control_fd: int) -> None:
    """Fork the analysis service (`serve_analyses`) from the warm zygote, before any spare:
    every supervisor inherits `_analysis_service`, its way there."""
    global _analysis_service
    theirs, ours = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    pid = os.fork()
    if pid == 0:
        ours.close()
        os.close(control_fd)  # else the caller would not see the zygote end
        name_process(ANALYSIS_SERVICE_NAME)
        code = 0
        try:
            serve_analyses(theirs)
        except BaseException:
            traceback.print_exc()
            code = 1
        _exit(code)
    theirs.close()
    ours.settimeout(ANALYSIS_ANSWER_S)  # a service that stopped reading holds up no run
    _analysis_service = ours


def serve_analyses(requests: socket.socket) -> None:
    """The analysis service: a warm process that parses each program once and measures every
    run's arcs against it, for all the runs of its sandbox. In a supervisor's fresh fork the
    same parse costs about 4 ms, most of it copy-on-write faults; here under 1 ms, and a
    program run again (the flaky check, mutation testing) is not parsed again. It reads
    programs' text and arcs the supervisor has checked; it never runs task code, and task code
    cannot reach it (the harness closes every inherited descriptor but its pipes first).
    Ends when every supervisor and the zygote have closed theirs."""
    parsed: dict[str, CoverageAnalyser] = {}
    compiled: dict[str, bytes] = {}
    # Tests asked for ahead, read at once (their sender does not wait) and compiled once no
    # request has come for a moment: compiled as they came, the next task's, asked just
    # before a run, held up that run's own requests behind them (1.2 ms a run, up to 8.6).
    ahead: list[tuple[str, str, str]] = []
    while True:
        if ahead and not select.select([requests], [], [], AHEAD_IDLE_S)[0]:
            with contextlib.suppress(Exception):
                compiled_tests_for(ahead.pop(0), compiled)
            continue
        try:
            message, fds, _, _ = socket.recv_fds(requests, 1, 2)
        except OSError:
            return
        if not message and not fds:
            return
        if message == b"c" and len(fds) == 1:
            with contextlib.suppress(Exception):
                ahead.append(compilation_asked(fds[0]))
            del ahead[:-AHEAD_KEPT]
            continue
        if message == b"c" and len(fds) == 2:
            answer_compilation(fds[0], fds[1], compiled)
            continue
        for fd in fds:
            with socket.socket(fileno=fd) as connection:
                connection.settimeout(ANALYSIS_ANSWER_S)
                with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
                    answer_analysis(connection, parsed)


def answer_analysis(connection: socket.socket, parsed: dict[str, CoverageAnalyser]) -> None:
    """One request: `program` (parsed, and kept for the next runs of it) and, if given,
    `arcs`, whose coverage is the answer (`failed` where the analysis raised)."""
    import hashlib

    request = json.loads(_receive_all(connection))
    program = request["program"]
    key = hashlib.sha256(program.encode()).hexdigest()
    analyser = parsed.pop(key, None) or parsed_program(program)
    parsed[key] = analyser  # the newest last: the oldest are dropped first
    while len(parsed) > PARSED_PROGRAMS_KEPT:
        del parsed[next(iter(parsed))]
    if "arcs" not in request:
        return
    answer: dict[str, Any]
    try:
        answer = {"coverage": analyser.analyse([(int(a), int(b)) for a, b in request["arcs"]])}
    except Exception:
        answer = {"failed": True}
    connection.sendall(_dumps(answer).encode())


def answer_compilation(connection_fd: int, harness_fd: int, compiled: dict[str, bytes]) -> None:
    """A run's tests, compiled as its harness compiles them (`compiled_tests_for`), written to
    its harness's request pipe (`harness_fd`, from its supervisor), which is then closed. Where
    they do not compile, nothing is written: the harness compiles them itself and reports why.
    Tests asked for ahead come without a pipe (`serve_analyses`)."""
    data = b""
    try:
        data = compiled_tests_for(compilation_asked(connection_fd), compiled)
    except Exception:
        data = b""
    _send_to_end(harness_fd, data)


def compilation_asked(connection_fd: int) -> tuple[str, str, str]:
    """The tests, their path and entry point, as a compile request on `connection_fd` asks."""
    with socket.socket(fileno=connection_fd) as connection:
        connection.settimeout(ANALYSIS_ANSWER_S)
        request = json.loads(_receive_all(connection))
    # Asked ahead, the path is unknown: a run with a root of its own has it there.
    path = request.get("path") or harness.tests_path_for(RUN_TASK_DIRECTORY + "/task.py")
    return (request["tests"], path, request["entry_point"])


def compiled_tests_for(asked: tuple[str, str, str], compiled: dict[str, bytes]) -> bytes:
    """The tests compiled as their harness compiles them (`harness.rewritten_tests`),
    marshalled, and kept in `compiled` for the runs to come."""
    import hashlib

    key = hashlib.sha256(_dumps(asked).encode()).hexdigest()
    data = compiled.pop(key, b"") or marshal.dumps(harness.rewritten_tests(*asked))
    compiled[key] = data  # the newest last: the oldest are dropped first
    while len(compiled) > COMPILED_TESTS_KEPT:
        del compiled[next(iter(compiled))]
    return data


def parsed_program(program: str) -> CoverageAnalyser:
    """coverage.py reads a program from its file: a temporary one, removed once parsed."""
    import tempfile

    descriptor, path = tempfile.mkstemp(prefix="curator-analysis-", suffix=".py")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(program)
        analyser = CoverageAnalyser(path)
        analyser.parse()
    finally:
        os.unlink(path)
    return analyser


def _reap_children(wanted: int = 0, running: set[int] | None = None) -> int | None:
    """Reap every child that has ended (and forget it from `running`); the status of `wanted`
    if it was among them."""
    found = None
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return found
        if pid == 0:
            return found
        if running is not None:
            running.discard(pid)
        if pid == wanted:
            found = status


# -- supervisor ----------------------------------------------------------------------------------


def _receive_all(conn: socket.socket) -> bytes:
    chunks: list[bytes] = []
    while True:
        chunk = conn.recv(1 << 20)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def warm_up_answering() -> None:
    """What a supervisor does on its run's path, done by a spare supervisor on throwaway data
    while it waits (see `warm_up_reading`): read a request, check a run's signed records and
    write an answer. Reading and checking the records of a run of two tests in a fresh fork:
    0.8 ms cold, 0.1 ms after this."""
    request = json.loads(WARM_UP_REQUEST)
    key = protocol.new_key()
    read_end, write_end = os.pipe()
    channel = protocol.Channel(write_end, key, protocol.HARNESS)
    channel.emit(protocol.Event.FORKED, clock=_perf_counter())
    channel.emit(protocol.Event.STARTED, clock=_perf_counter())
    channel.emit(protocol.Event.TESTS, names=["test_one", "test_two"], clock=_perf_counter())
    for name in ("test_one", "test_two"):
        channel.emit(protocol.Event.START, test=name)
        channel.emit(protocol.Event.END, test=name, outcome="pass", duration_s=0.001)
    channel.emit(protocol.Event.ARCS, arcs=[[-1, 1], [1, -1]], clock=_perf_counter())
    channel.emit(protocol.Event.RUNTIME, findings=[])
    channel.emit(protocol.Event.DONE, clock=_perf_counter())
    os.close(write_end)
    records, _ = protocol.read_records(_read_to_end(read_end), key)
    _dumps({"events": records, "notes": [], "stdout_tail": request["program"]})


def serve_run(conn_fd: int, prepared: PreparedRun | None, failure: str) -> None:
    """One run: read the request, supervise it in the prepared run, answer; the run's memory
    cgroup (if any) is removed after the answer is sent, off the caller's path. Asked to stop
    (the zygote ends: the caller closed the sandbox, as at Ctrl+C), the run is ended and
    cleaned up at once, and nobody is left to answer."""
    signal.signal(signal.SIGTERM, _stop_requested)
    conn = socket.socket(fileno=conn_fd)
    request = json.loads(_receive_all(conn))
    if prepared is None:
        response: dict[str, Any] = {"status": "crashed", "notes": [failure]}
    else:
        try:
            response = supervise_run(request, prepared)
        except Exception:
            response = {
                "status": "crashed",
                "notes": ["sandbox failure: " + traceback.format_exc()],
            }
        cap = prepared.memory_cap
        if cap is not None and cap.stayed:
            response.setdefault("notes", []).append(
                "the run's supervisor could not leave the run's memory cgroup"
            )
    with contextlib.suppress(OSError):  # a caller that has gone (a stopped run)
        conn.sendall(_dumps(response).encode())
    conn.close()
    if prepared is not None:
        prepared.end()


_stopping = False  # the zygote asked this supervisor to end its run (`serve_run`)


def _stop_requested(signum: int, frame: object) -> None:
    """SIGTERM, from the zygote as it ends. Task code of an ordinary user's run, uid 0 of
    curator's user namespace as this supervisor is, may send it too: that only ends its own
    run early, as killed, which no run passes."""
    global _stopping
    _stopping = True


@dataclasses.dataclass
class Namespaces:
    """Which of the run's own namespaces the kernel granted."""

    pid: bool = False
    mount: bool = False
    network: bool = False
    ipc: bool = False


def isolate_run(notes: list[str], keep: tuple[str, ...]) -> tuple[Namespaces, dict[str, int]]:
    """Give the run its own mount, network and IPC namespaces (as many as the kernel allows,
    each refusal noted) beside the pid namespace the zygote forked this supervisor into, and
    a /proc of that namespace's processes. The supervisor's own /tmp becomes a private tmpfs
    holding the run's files; the file system the task sees is built afterwards by
    `build_run_root`. Returns the namespaces and a descriptor for each of `keep`, opened
    before that tmpfs can hide it."""
    pid = os.getpid() == 1
    attempts = [
        (Namespaces(pid, True, True, True), CLONE_NEWNS | CLONE_NEWNET | CLONE_NEWIPC),
        (Namespaces(pid, True), CLONE_NEWNS),
    ]
    granted = Namespaces(pid)
    for candidate, flags in attempts:
        try:
            _libc_call("unshare", flags)
        except OSError as error:
            notes.append(f"the kernel refused namespaces for this run ({error.strerror})")
            continue
        granted = candidate
        break
    if not granted.pid:
        notes.append("no pid namespace for this run: processes are tracked with a subreaper")
    if not granted.network:
        notes.append("no network or IPC namespace of its own for this run")
    elif not bring_loopback_up():
        notes.append("the run's loopback interface could not be brought up")
    sources = {path: os.open(path, os.O_PATH | os.O_DIRECTORY) for path in keep}
    if granted.mount:
        try:
            _mount(None, "/", None, MS_REC | MS_PRIVATE, None)
            _mount("tmpfs", "/tmp", "tmpfs", MS_NOSUID | MS_NODEV, SCRATCH_TMPFS)
            if granted.pid:  # pids as the run's processes see them: ours is 1
                _mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, None)
        except OSError as error:
            notes.append(f"no private mounts for this run ({error.strerror})")
            granted.mount = False
    return granted, sources


def read_only_host(notes: list[str]) -> None:
    """The fallback when no root of its own could be built: the host's file system read-only,
    fresh tmpfs on /var/tmp and /dev/shm (the supervisor's /tmp already is one)."""
    if not make_read_only("/") or not make_read_only("/tmp", read_only=False, recursive=False):
        notes.append("the file system outside the run's scratch space is not read-only")
    for scratch in ("/var/tmp", "/dev/shm"):
        with contextlib.suppress(OSError):
            _mount("tmpfs", scratch, "tmpfs", MS_NOSUID | MS_NODEV, SCRATCH_TMPFS)


def make_read_only(path: str, read_only: bool = True, recursive: bool = True) -> bool:
    """Every mount at and below `path` read-only (or writable again) in this mount namespace
    (mount_setattr(2), Linux 5.12+)."""
    change = (MOUNT_ATTR_RDONLY, 0) if read_only else (0, MOUNT_ATTR_RDONLY)
    attributes = ctypes.create_string_buffer(struct.pack("QQQQ", *change, 0, 0))
    flags = AT_RECURSIVE if recursive else 0
    result: int = _libc.syscall(SYS_MOUNT_SETATTR, AT_FDCWD, path.encode(), flags, attributes, 32)
    return result == 0


def bind_read_only(source: str, target: str) -> None:
    if os.path.isdir(source) or os.path.isdir(target):
        os.makedirs(target, mode=0o755, exist_ok=True)
    else:
        os.makedirs(os.path.dirname(target), mode=0o755, exist_ok=True)
        with open(target, "w"):
            pass
    _mount(source, target, None, MS_BIND | MS_REC, None)
    if not make_read_only(target):
        _mount(None, target, None, MS_BIND | MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV, None)


def copy_or_bind(path: str, root: str) -> None:
    """Make `path` of the host appear at the same place under `root`: a symlink as the same
    symlink (merged /usr: /bin -> usr/bin), anything else as a read-only bind."""
    if os.path.islink(path):
        os.makedirs(os.path.dirname(root + path), mode=0o755, exist_ok=True)
        os.symlink(os.readlink(path), root + path)
    elif os.path.exists(path):
        bind_read_only(path, root + path)


@functools.cache
def interpreter_paths(protected: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Directories of this interpreter to bind into the run's root: its prefixes (standard
    library, site-packages) and site-packages entries outside them; never a protected directory
    (HOME, the bank) or a folder holding one, so a project folder on sys.path stays out.
    Returns (paths, what was left out). Found once, by the warm worker (`zygote`): every
    spare supervisor it forks has them (0.4 ms of each run's preparation)."""
    candidates = {
        sys.prefix,
        sys.base_prefix,
        sys.exec_prefix,
        sys.base_exec_prefix,
        os.path.dirname(os.path.realpath(sys.executable)),
        *(
            entry
            for entry in sys.path
            if os.path.basename(entry) in ("site-packages", "dist-packages")
        ),
    }
    candidates |= {os.path.realpath(path) for path in candidates}
    chosen: list[str] = []
    left_out: list[str] = []
    for path in sorted(candidates, key=len):
        if not os.path.isdir(path) or any(_within(path, kept) for kept in chosen):
            continue
        if any(_within(secret, path) for secret in protected):
            left_out.append(path)
            continue
        chosen.append(path)
    return tuple(chosen), tuple(left_out)


def _within(path: str, directory: str) -> bool:
    return path == directory or path.startswith(directory.rstrip("/") + "/")


def build_run_root(run_directory: str, sources: dict[str, int]) -> str:
    """The run's whole file system, built the way bubblewrap builds one: a small tmpfs root
    with read-only binds of /usr, /lib*, a few /etc files and the interpreter's directories; a
    fresh /dev with its harmless devices; one scratch tmpfs (ENOSPC is then the task's own
    error) shown as /tmp, /home/user and /dev/shm; the task file read-only in /task. Nothing
    else of the host (HOME, the bank, .git folders, unix sockets) exists in it. The harness's
    process mounts /proc and pivots into it (see `enter_run_root`); the uid's entries in /etc/passwd
    and /etc/group and HOME's owner come with the request (`personalize_run`)."""
    root = os.path.join(run_directory, "root")
    os.mkdir(root)
    _mount("tmpfs", root, "tmpfs", MS_NOSUID | MS_NODEV, "size=4m,mode=755")
    for path in SYSTEM_DIRECTORIES:
        copy_or_bind(path, root)
    os.makedirs(root + "/etc", mode=0o755, exist_ok=True)
    for name in ETC_ENTRIES:
        copy_or_bind("/etc/" + name, root)
    for entry in os.listdir("/etc"):
        if entry.startswith("python"):  # Debian's sitecustomize lives in /etc/python3.X
            copy_or_bind("/etc/" + entry, root)
    files = {"/etc/hosts": "127.0.0.1 localhost\n::1 localhost\n"}
    for name in ("python", "python3"):  # the interpreter that runs the worker, by name
        files[f"{RUN_BIN}/{name}"] = f'#!/bin/sh\nexec {sys.executable} "$@"\n'
    for path, text in files.items():
        os.makedirs(os.path.dirname(root + path), mode=0o755, exist_ok=True)
        with open(root + path, "w") as handle:
            handle.write(text)
        os.chmod(root + path, 0o755 if path.startswith(RUN_BIN) else 0o644)
    os.makedirs(root + "/dev", mode=0o755)
    _mount("tmpfs", root + "/dev", "tmpfs", MS_NOSUID, "size=64k,mode=755")
    for device in DEVICES:
        bind_device = root + "/dev/" + device
        with open(bind_device, "w"):
            pass
        _mount("/dev/" + device, bind_device, None, MS_BIND, None)
    for name, target in (("fd", "/proc/self/fd"), ("stdin", "/proc/self/fd/0")):
        os.symlink(target, f"{root}/dev/{name}")
    os.symlink("/proc/self/fd/1", root + "/dev/stdout")
    os.symlink("/proc/self/fd/2", root + "/dev/stderr")
    scratch = os.path.join(run_directory, "scratch")
    os.mkdir(scratch)
    _mount("tmpfs", scratch, "tmpfs", MS_NOSUID | MS_NODEV, SCRATCH_TMPFS)
    for name, target in (("tmp", RUN_TMP), ("home", RUN_HOME), ("shm", "/dev/shm")):
        os.mkdir(os.path.join(scratch, name))
        os.chmod(os.path.join(scratch, name), 0o1777 if name != "home" else 0o755)
        os.makedirs(root + target, mode=0o755, exist_ok=True)
        _mount(os.path.join(scratch, name), root + target, None, MS_BIND, None)
    _libc.umount2(scratch.encode(), MNT_DETACH)
    os.makedirs(root + "/var", mode=0o755)
    os.symlink("../tmp", root + "/var/tmp")
    bind_read_only(os.path.join(run_directory, "task"), root + RUN_TASK_DIRECTORY)
    # After the scratch: an interpreter installed under /tmp shows (read-only) inside it.
    for path, descriptor in sources.items():
        os.makedirs(root + path, mode=0o755, exist_ok=True)
        bind_read_only(f"/proc/self/fd/{descriptor}", root + path)
    os.mkdir(root + "/proc", 0o555)
    return root


def enter_run_root(root: str) -> None:
    """In the harness's process, before the request: a mount namespace of its own, a /proc
    showing only the run's processes, then pivot_root into the run's root, the host's detached."""
    _libc_call("unshare", CLONE_NEWNS)
    _mount("proc", root + "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, None)
    os.chdir(root)
    number = PIVOT_ROOT_SYSCALL.get(os.uname().machine)
    if number is None or _libc.syscall(number, b".", b".") != 0:
        raise OSError(ctypes.get_errno(), "pivot_root failed")
    _libc_call("umount2", b".", MNT_DETACH)
    os.chdir("/")
    _mount(None, "/", None, MS_BIND | MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV, None)


# -- memory cap for the whole run ----------------------------------------------------------------


@dataclasses.dataclass
class MemoryCap:
    """A memory cgroup of the run's own: the budget holds for its whole process tree. Its
    files are reached through a descriptor opened before the run's mount namespace exists."""

    parent_fd: int
    name: str
    version: int
    # Whether this supervisor is in the cgroup itself (`joined_memory_cap`): the harness's
    # process is born in it, and the supervisor leaves right after forking it (`prepare_run`).
    joined: bool = False
    stayed: bool = False

    def join_file(self) -> int:
        return os.open(f"{self.name}/cgroup.procs", os.O_WRONLY, dir_fd=self.parent_fd)

    def set_limit(self, budget: int) -> bool:
        limit = "memory.max" if self.version == 2 else "memory.limit_in_bytes"
        try:
            fd = os.open(f"{self.name}/{limit}", os.O_WRONLY, dir_fd=self.parent_fd)
            try:
                os.write(fd, str(budget).encode())
            finally:
                os.close(fd)
        except OSError:
            return False
        return True

    def leave(self) -> None:
        """Move this process back to the parent cgroup: the budget is the run's alone, and
        the OOM killer can pick only the run's processes. `stayed` tells if that failed."""
        if not self.joined:
            return
        try:
            fd = os.open("cgroup.procs", os.O_WRONLY, dir_fd=self.parent_fd)
            try:
                os.write(fd, b"0")
            finally:
                os.close(fd)
        except OSError:
            self.stayed = True
            return
        self.joined = False

    def hit(self) -> bool:
        """Whether the kernel killed a process of the run for going over the budget."""
        events = "memory.events" if self.version == 2 else "memory.oom_control"
        try:
            fd = os.open(f"{self.name}/{events}", os.O_RDONLY, dir_fd=self.parent_fd)
            with open(fd) as handle:
                fields = dict(line.split() for line in handle if len(line.split()) == 2)
        except OSError:
            return False
        return int(fields.get("oom_kill", "0")) > 0

    def remove(self) -> None:
        for _ in range(100):
            try:
                os.rmdir(self.name, dir_fd=self.parent_fd)
                break
            except OSError:
                time.sleep(0.01)
        os.close(self.parent_fd)


def make_memory_cap(prefix: str) -> MemoryCap | None:
    """A memory cgroup for a run (its budget is set with the request), where one can be made
    (cgroup v2 with the memory controller delegated to our subtree, or v1 as root); else
    None. Its name starts with the worker's `prefix` (`protocol.remove_run_cgroups`)."""
    for version, directory in protocol.cgroup_candidates():
        if version == 2:
            try:
                with open(os.path.join(directory, "cgroup.subtree_control")) as control:
                    if "memory" not in control.read().split():
                        continue
            except OSError:
                continue
        try:
            parent_fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
        except OSError:
            continue
        name = f"{prefix}{os.urandom(4).hex()}"
        try:
            os.mkdir(name, 0o755, dir_fd=parent_fd)
        except OSError:
            os.close(parent_fd)
            continue
        return MemoryCap(parent_fd, name, version)
    return None


def joined_memory_cap(prefix: str) -> MemoryCap | None:
    """A memory cgroup (no cap yet) that this process has joined, or None."""
    cap = make_memory_cap(prefix)
    if cap is not None:
        try:
            fd = cap.join_file()
            try:
                os.write(fd, b"0")
            finally:
                os.close(fd)
        except OSError:
            cap.remove()
            cap = None
    if cap is not None:
        cap.joined = True
    return cap


def process_stat(pid: int) -> list[str] | None:
    """The /proc stat fields of `pid` after the command's name; None if it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as stat_file:
            return stat_file.read().rsplit(")", 1)[1].split()
    except OSError:
        return None


def tree_stats(root_pid: int, until: float | None = None) -> dict[int, list[str]]:
    """The /proc stat fields (those after the command's name) of `root_pid` and all its
    descendants; with `until` (a perf_counter time), only those read by then."""
    stats: dict[int, list[str]] = {}
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        if until is not None and _perf_counter() >= until:
            break
        fields = process_stat(int(entry))
        if fields is None:
            continue
        stats[int(entry)] = fields
        children.setdefault(int(fields[1]), []).append(int(entry))
    tree, pending = {}, [root_pid]
    while pending:
        pid = pending.pop()
        if pid in stats:
            tree[pid] = stats[pid]
        pending.extend(children.get(pid, []))
    return tree


def tree_cpu_s(tree: dict[int, list[str]]) -> float:
    """CPU seconds (user and system) that the processes of `tree` (`tree_stats`) have used so
    far, with those of the children they reaped: each process's own to the nanosecond
    (`threads_cpu_ns`; a quick run computes for less than the clock tick /proc counts in),
    else in clock ticks, as are the reaped children's."""
    ticks = nanoseconds = 0
    for pid, fields in tree.items():
        utime, stime, children_utime, children_stime = map(int, fields[11:15])
        ticks += children_utime + children_stime
        own = threads_cpu_ns(pid)
        if own is None:
            ticks += utime + stime
        else:
            nanoseconds += own
    return ticks / os.sysconf("SC_CLK_TCK") + nanoseconds / 1e9


def threads_cpu_ns(pid: int) -> int | None:
    """The CPU time of every thread of `pid`, in nanoseconds (the scheduler's, in /proc's
    schedstat); None where /proc does not tell it (gone meanwhile, or no schedstat)."""
    total = 0
    try:
        for thread in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{thread}/schedstat") as schedstat:
                total += int(schedstat.read().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    return total


def run_cpu_s(harness_pid: int, enough: float) -> float:
    """The run's CPU seconds so far, read no further than it takes to reach `enough`: the
    processes reaped, then the harness's process (with the children it reaped), then the
    rest of the run, which may be hundreds of processes (a fork bomb), slow to read on a CPU
    they hold."""
    reaped = reaped_cpu_s()
    harness = process_stat(harness_pid)
    cpu_s = reaped + tree_cpu_s({harness_pid: harness} if harness is not None else {})
    return cpu_s if cpu_s >= enough else reaped + tree_cpu_s(run_stats())


def reaped_cpu_s() -> float:
    """CPU seconds (user and system) of the processes this supervisor has reaped so far (a
    run's supervisor is a process of its own: they are the run's)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def tree_memory_bytes(tree: dict[int, list[str]], limit: int, until: float) -> int:
    """Memory of the processes of `tree` (`tree_stats`): their resident sizes, or where those
    add up to more than `limit` (forked processes share pages, counted in each), their
    proportional set sizes, which count a shared page once. Reading those walks each
    process's page tables, waiting for processes that fork: under a fork bomb one read takes
    up to a second, and hundreds of them would hold the supervisor past the run's deadline.
    So the sum stops at `until` (that deadline) or when the run is to stop: a lower bound,
    never more than the run holds. Memory held by no process (memory files, SysV shared
    memory) cannot be made in a run (`restrict_system_calls`)."""
    total = sum(int(fields[21]) for fields in tree.values()) * os.sysconf("SC_PAGE_SIZE")
    if total <= limit:
        return total
    total = 0
    for pid in tree:
        if _stopping or _perf_counter() >= until:
            break
        try:
            with open(f"/proc/{pid}/smaps_rollup") as rollup:
                total += next(int(line.split()[1]) for line in rollup if line.startswith("Pss:"))
        except (OSError, StopIteration):
            continue
        if total * 1024 > limit:  # over already: the rest need no reading
            break
    return total * 1024


def system_call_filter() -> tuple[bytes, int] | None:
    """The seccomp program of `restrict_system_calls` for this machine (its instructions and
    their count), made once as the worker loads; None where the machine's numbers are unknown.
    Calls of another ABI (x32, i386 from a 64-bit process) are denied too, lest they reach
    these calls under other numbers."""
    known = SYSTEM_CALLS.get(os.uname().machine)
    if known is None:
        return None
    architecture, numbers = known
    # (code, k, where to go if true, if false): a label, or None for the next instruction.
    calls: list[tuple[int, int, str | None, str | None]] = [
        (BPF_LOAD_WORD, SECCOMP_DATA_ARCH, None, None),
        (BPF_JUMP_EQUAL, architecture, None, "absent"),
        (BPF_LOAD_WORD, SECCOMP_DATA_NR, None, None),
        (BPF_JUMP_AT_LEAST, X32_SYSCALL_BIT, "absent", None),
        *((BPF_JUMP_EQUAL, numbers[name], "absent", None) for name in ABSENT_SYSTEM_CALLS),
        *((BPF_JUMP_EQUAL, numbers[name], "refused", None) for name in REFUSED_SYSTEM_CALLS),
        (BPF_JUMP_EQUAL, numbers["prctl"], "prctl", None),
        (BPF_JUMP_EQUAL, numbers["clone"], None, "allowed"),
        (BPF_LOAD_WORD, SECCOMP_DATA_FIRST_ARGUMENT, None, None),  # its low half: the flags
        (BPF_JUMP_ANY_BIT, CLONE_NEW_NAMESPACES, "refused", "allowed"),
    ]
    prctl_options: list[tuple[int, int, str | None, str | None]] = [
        (BPF_LOAD_WORD, SECCOMP_DATA_FIRST_ARGUMENT, None, None),
        *((BPF_JUMP_EQUAL, option, "refused", None) for option in REFUSED_PRCTL_OPTIONS),
    ]  # any other option: on to the first end, allowed
    program = calls + prctl_options
    ends = {
        "allowed": SECCOMP_RET_ALLOW,
        "refused": SECCOMP_RET_ERRNO | errno.EPERM,
        "absent": SECCOMP_RET_ERRNO | errno.ENOSYS,
    }
    place = {"prctl": len(calls)} | {label: len(program) + at for at, label in enumerate(ends)}

    def offset(label: str | None, index: int) -> int:  # jumps count from the next instruction
        return 0 if label is None else place[label] - index - 1

    instructions = [
        struct.pack("HBBI", code, offset(true, index), offset(false, index), k)
        for index, (code, k, true, false) in enumerate(program)
    ] + [struct.pack("HBBI", BPF_RETURN, 0, 0, value) for value in ends.values()]
    return b"".join(instructions), len(instructions)


SYSTEM_CALL_FILTER = system_call_filter()


def restrict_system_calls() -> None:
    """Deny the run the calls of `ABSENT_SYSTEM_CALLS` (ENOSYS) and `REFUSED_SYSTEM_CALLS`
    (EPERM), and `clone` with a flag for a new namespace, in this process and all it starts: a
    seccomp filter (no_new_privs is set already). Without a memory cgroup nothing counted memory
    files' pages (4 GB held against a 2 GB budget passed), and with one the same task must get
    the same verdict; in a namespace of its own a task's process could pass for the harness."""
    if SYSTEM_CALL_FILTER is None:
        return
    code, length = SYSTEM_CALL_FILTER
    instructions = ctypes.create_string_buffer(code)
    header = ctypes.create_string_buffer(struct.pack("HP", length, ctypes.addressof(instructions)))
    _libc_call("prctl", PR_SET_SECCOMP, SECCOMP_MODE_FILTER, header, 0, 0)


def world_readable(paths: Sequence[str]) -> bool:
    """Whether a user with no rights of its own can reach and read all of `paths`."""
    for path in paths:
        current = os.path.abspath(path)
        while True:
            try:
                mode = os.stat(current).st_mode
            except OSError:
                return False
            if not mode & stat.S_IXOTH or (current == path and not mode & stat.S_IROTH):
                return False
            if current == "/":
                break
            current = os.path.dirname(current)
    return True


@dataclasses.dataclass
class PreparedRun:
    """A run set up before its request arrives (`prepare_run`): its namespaces and root, its
    memory cgroup and the harness's process inside it, which waits for the request (and the
    run's key) on `request_w`. Only what depends on the request (the uid, the memory budget,
    the task file, the limits) is left for `supervise_run`."""

    notes: list[str]
    namespaces: Namespaces
    interpreter_paths: tuple[str, ...]
    run_directory: str
    root: str | None
    paths: dict[str, str]
    """The task file, HOME (the cwd), TMPDIR and the folder of `python`, as the task sees them."""
    task_file: str
    """The task file as this supervisor sees it."""
    memory_cap: MemoryCap | None
    harness: int
    request_w: int
    result_r: int
    out_r: int
    err_r: int
    prepared_s: float
    open_fds: set[int] = dataclasses.field(default_factory=set)
    reaped: bool = False
    ended: bool = False

    def __post_init__(self) -> None:
        self.open_fds = {self.request_w, self.result_r, self.out_r, self.err_r}

    def take(self, fd: int) -> int:
        """Hand `fd` over to whoever closes it."""
        self.open_fds.discard(fd)
        return fd

    def end(self) -> None:
        """Kill what is left of the run (all of it, for a run never asked for) and free what
        it held."""
        if self.ended:
            return
        self.ended = True
        for fd in self.open_fds:
            os.close(fd)
        self.open_fds.clear()
        if not self.reaped:
            kill_run(self.harness)
            os.waitpid(self.harness, 0)
            self.reaped = True
            end_leftovers()
        if self.memory_cap is not None:
            self.memory_cap.leave()  # a no-op unless something failed before leaving
            self.memory_cap.remove()
        if not self.namespaces.mount:  # else the run's files vanish with its mount namespace
            import shutil

            shutil.rmtree(self.run_directory, ignore_errors=True)


def prepare_run(config: dict[str, Any]) -> PreparedRun:
    """Everything of a run that needs no request, done while the supervisor waits for one: a
    memory cgroup joined (the harness's process is born in it), the run's namespaces
    (`isolate_run`) and root (`build_run_root`), the harness's process forked, pivoted into
    that root and waiting for its request. `config` holds what every run of the sandbox
    shares: whether to isolate at all, and the directories (HOME, the bank) kept out of the
    root."""
    started = _perf_counter()
    notes: list[str] = []
    os.umask(0o022)
    # The run's processes see this process as their pid 1: none may trace it or read its
    # memory (as an ordinary user they share its uid), and signals they send it are dropped,
    # as for every init, but those it handles (SIGINT is ignored, see `main`).
    _libc_call("prctl", PR_SET_DUMPABLE, 0, 0, 0, 0)
    _libc_call("prctl", PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)  # without a pid namespace
    memory_cap = joined_memory_cap(config["cgroup_prefix"]) if config["isolate"] else None
    paths_shown, left_out = interpreter_paths(tuple(config["protect"]))
    if left_out:
        notes.append("not shown to the task (they hold HOME or the bank): " + ", ".join(left_out))
    namespaces, sources = (
        isolate_run(notes, paths_shown) if config["isolate"] else (Namespaces(), {})
    )
    import tempfile

    run_directory = tempfile.mkdtemp(prefix="curator-run-", dir="/tmp")
    os.chmod(run_directory, 0o755)
    os.mkdir(os.path.join(run_directory, "task"), 0o755)
    task_file = os.path.join(run_directory, "task", "task.py")
    root = None
    if namespaces.mount:
        try:
            root = build_run_root(run_directory, sources)
        except OSError as error:
            _libc.umount2(os.path.join(run_directory, "root").encode(), MNT_DETACH)
            notes.append(f"no root of its own for this run ({error}): the host's files are seen")
            read_only_host(notes)
    for descriptor in sources.values():
        os.close(descriptor)
    if root is not None:
        paths = {
            "task": RUN_TASK_DIRECTORY + "/task.py",
            "home": RUN_HOME,
            "tmp": RUN_TMP,
            "bin": RUN_BIN,
        }
    else:
        home = os.path.join(run_directory, "home")
        os.mkdir(home, 0o700)
        # The interpreter's own folder stands in for RUN_BIN (python, python3 on PATH).
        paths = {
            "task": task_file,
            "home": home,
            "tmp": home,
            "bin": os.path.dirname(sys.executable),
        }
    request_r, request_w = os.pipe()
    result_r, result_w = os.pipe()
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    os.setsid()  # out of the worker's session; the harness's process makes one of its own
    harness_pid = os.fork()
    if harness_pid == 0:
        # A session of its own is a scheduling group of its own (autogroup): the run's
        # processes then share the CPU as one against the supervisor, which a fork bomb of
        # hundreds of processes in its session would leave seconds behind its deadline.
        os.setsid()
        for fd in (request_w, result_r, out_r, err_r):
            os.close(fd)
        try:
            if root is not None:
                enter_run_root(root)
        except OSError as error:
            os.write(err_w, f"sandbox failure: could not enter the run's root: {error}".encode())
            _exit(ROOT_SETUP_FAILED)
        serve_harness(request_r, paths, (result_w, out_w, err_w))
    for fd in (request_r, result_w, out_w, err_w):
        os.close(fd)
    if memory_cap is not None:
        memory_cap.leave()  # the cgroup holds exactly the run's tree
    return PreparedRun(
        notes=notes,
        namespaces=namespaces,
        interpreter_paths=paths_shown,
        run_directory=run_directory,
        root=root,
        paths=paths,
        task_file=task_file,
        memory_cap=memory_cap,
        harness=harness_pid,
        request_w=request_w,
        result_r=result_r,
        out_r=out_r,
        err_r=err_r,
        prepared_s=_perf_counter() - started,
    )


def _read_to_end(fd: int) -> bytes:
    chunks = []
    while chunk := os.read(fd, 1 << 16):
        chunks.append(chunk)
    os.close(fd)
    return b"".join(chunks)


def warm_up_reading() -> None:
    """Read a request and compile a task, as a run does next, and throw both away, then take
    the harness's first steps (`harness.warm_up_first_steps`): the pages of the warm worker's
    memory that the parser, the compiler and those steps write to are then copied
    (copy-on-write) while this process waits, not on the run's path (reading a request and
    compiling a program and its tests in a fresh fork: 1.4 ms cold, 0.8 ms after this; the
    harness's first steps 2.1 ms cold, 0.4 ms after this)."""
    json.loads(WARM_UP_REQUEST)
    harness.warm_up_first_steps(compile(WARM_UP_TASK, "<warm-up>", "exec"))


def serve_harness(request_r: int, paths: dict[str, str], pipes: tuple[int, int, int]) -> None:
    """The harness's process of a prepared run: wait for the request, then become the harness
    (`prepare_harness`) and run the tests; never returns."""
    name_process(_interpreter_name)
    warm_up_reading()
    if _warm_measurement is not None:
        # coverage.py opens a new data store in each process it finds itself in (about 1.5
        # ms): done now, before the request, not when the run's arcs are collected.
        harness.warm_up_measuring(_warm_measurement)
    if os.geteuid() == 0:  # root, or root of the user namespace: holds capabilities
        drop_capabilities()
    watches = harness.run_watches(paths["task"], os.path.realpath(paths["home"]))
    data = _read_request(request_r)
    if not data:  # the run was never asked for
        _exit(0)
    request = json.loads(data)
    result_w = pipes[0]
    key = bytes.fromhex(request.pop("key"))
    channel = protocol.Channel(result_w, key, protocol.HARNESS)
    # The key stays in no frame the task's code runs under (a process it forks, unwatched,
    # could read it there), but for a batch of variants, which make a channel each.
    variants_key = key if "variants" in request else b""
    del key, data
    channel.emit(protocol.Event.FORKED, clock=_perf_counter())
    try:
        prepare_harness(request, paths, pipes, request_r)
        if "variants" in request:
            os.close(request_r)
            run_variants(request, paths, result_w, variants_key, watches)
        else:
            harness.run_harness(
                request,
                paths["task"],
                channel,
                _warm_measurement,
                tests_ahead=functools.partial(tests_compiled_ahead, request_r),
                watches=watches,
            )
    except BaseException:
        channel.emit(protocol.Event.HARNESS_ERROR, traceback=traceback.format_exc())
    _flush_standard_streams()
    # The pipes closed before the exit tell the supervisor that the run has ended
    # (`harness_finished`): the kernel's teardown of this fork of the warm worker (its page
    # tables: 3 ms for the standard library's worker, 10 ms for one with pandas) then goes on
    # beside the answer instead of before it.
    for fd in (1, 2, result_w):
        with contextlib.suppress(OSError):
            os.close(fd)
    _exit(0)


def personalize_run(prepared: PreparedRun, uid: int | None) -> None:
    """What of the run's file system depends on its uid: the user's entries in /etc/passwd
    and /etc/group, and HOME's owner."""
    user = uid if uid is not None else os.getuid()
    if prepared.root is not None:
        files = {
            "/etc/passwd": (
                f"root:x:0:0:root:/root:/bin/sh\nuser:x:{user}:{user}:user:{RUN_HOME}:/bin/sh\n"
            ),
            "/etc/group": f"root:x:0:\nuser:x:{user}:\n",
        }
        for path, text in files.items():
            with open(prepared.root + path, "w") as handle:
                handle.write(text)
            os.chmod(prepared.root + path, 0o644)
    if uid is not None:
        home = prepared.paths["home"]
        os.chown(prepared.root + home if prepared.root is not None else home, uid, uid)


def _send_request(fd: int, data: bytes) -> None:
    """Write `data` after its length (`_read_request`), the pipe left open."""
    _write_all(fd, len(data).to_bytes(REQUEST_LENGTH_BYTES, "big") + data)


REQUEST_LENGTH_BYTES = 8


def _read_request(fd: int) -> bytes:
    """The request `_send_request` wrote; empty where none came (the run was never asked
    for). The descriptor stays open: the tests compiled ahead come next."""
    length = int.from_bytes(_read_exactly(fd, REQUEST_LENGTH_BYTES) or b"\0", "big")
    return _read_exactly(fd, length)


def _read_exactly(fd: int, size: int) -> bytes:
    chunks, left = [], size
    while left > 0 and (chunk := os.read(fd, min(left, 1 << 16))):
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks) if left == 0 else b""


def compile_tests_ahead(request_w: int, request: dict[str, Any], tests_path: str) -> None:
    """Hand the run's tests to the analysis service, with a copy of the harness's request pipe,
    to be compiled there (`answer_compilation`) while the harness enters the run: in the
    harness's fresh fork the same compile took 3.6 ms, mostly copy-on-write faults; in the
    warm service about 2 ms, beside the harness's first steps. No answer is awaited here."""
    asked = {"tests": request["tests"], "path": tests_path, "entry_point": request["entry_point"]}
    connection = ask_analysis_service(b"c", asked, request_w)
    if connection is not None:
        connection.close()


def tests_compiled_ahead(fd: int) -> bytes:
    """What the analysis service wrote of the tests (`answer_compilation`) to the request pipe
    `fd`, read when the harness needs it, waiting at most `TESTS_AHEAD_WAIT_S`; `fd` is then
    closed. Empty where nothing complete came."""
    chunks: list[bytes] = []
    deadline = _perf_counter() + TESTS_AHEAD_WAIT_S
    try:
        while (left := deadline - _perf_counter()) > 0 and select.select([fd], [], [], left)[0]:
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
    except OSError:
        pass
    finally:
        os.close(fd)
    return b""


TESTS_AHEAD_WAIT_S = 0.5
"""How long a harness waits for its tests compiled ahead before it compiles them itself: the
service may be answering another run's analysis."""


def _send_to_end(fd: int, data: bytes) -> None:
    """Write all of `data` (`_write_all`) and close."""
    _write_all(fd, data)
    os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    """Write all of `data`; a reader that has gone (a failed setup) is not an error here: the
    run's status tells."""
    with contextlib.suppress(OSError):
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]


def supervise_run(request: dict[str, Any], prepared: PreparedRun) -> dict[str, Any]:
    options = request["options"]
    notes = list(prepared.notes)
    started = _perf_counter()
    namespaces, root = prepared.namespaces, prepared.root
    budget = int(options["memory_mb"]) * 1024 * 1024
    cap = prepared.memory_cap
    memory_cap = cap if cap is not None and cap.set_limit(budget) else None
    request["address_space_limit"] = memory_cap is None
    if memory_cap is None:
        notes.append(
            f"memory: no memory cgroup here; each process is limited to {ADDRESS_SPACE_PER_MEMORY} "
            "times the budget of address space and the run's processes together to the budget "
            "of resident memory (polled)"
        )
    if "variants" in request and not (namespaces.pid and root is not None):
        # Between variants every leftover process is killed and the scratch emptied: that
        # needs the run's own pid namespace and file system.
        return {"status": "unsupported", "notes": notes}
    uid = request["uid"]
    if uid is not None and root is None and not world_readable(prepared.interpreter_paths):
        uid = request["uid"] = None
        notes.append(
            "task code ran as root: the interpreter's files are readable only by their owner "
            "and could not be bound into a root of the run's own"
        )
    personalize_run(prepared, uid)
    task_path = prepared.task_file
    with open(task_path, "w", encoding="utf-8") as handle:
        handle.write(request["program"])
    os.chmod(task_path, 0o644)
    key = protocol.new_key()
    analysis = (
        ProgramAnalysis(request["program"], task_path) if options.get("coverage", True) else None
    )
    forked = _perf_counter()
    request_w = prepared.take(prepared.request_w)
    _send_request(request_w, _dumps({**request, "key": key.hex()}).encode())
    if "variants" not in request:
        compile_tests_ahead(request_w, request, harness.tests_path_for(prepared.paths["task"]))
    os.close(request_w)
    if analysis is not None:  # parsed while the run goes on
        analysis.begin()
    deadline = started + float(options["timeout_s"]) * len(request.get("variants", [None]))
    memory_limit = budget if memory_cap is None else None
    fds = {
        prepared.take(prepared.result_r): "result",
        prepared.take(prepared.out_r): "stdout",
        prepared.take(prepared.err_r): "stderr",
    }
    overtime = (
        Overtime(float(options["coverage_overtime_s"]), float(options["timeout_s"]), key)
        if options.get("coverage", True) and options.get("coverage_overtime_s")
        else None
    )
    # closes the pipes, reaps (or, when the harness finished, kills and leaves the reaping)
    early = EarlyAnalysis(analysis, key) if analysis is not None else None
    streams = _collect(prepared.harness, fds, deadline, memory_limit, overtime, key, early)
    prepared.reaped = streams.pop("reaped")
    collected = _perf_counter()
    timed_out = streams.pop("timed_out")
    cpu_read = streams.pop("cpu_s")  # read before reaping (at the deadline, or it finished)
    status = streams.pop("status")
    memory_exceeded = streams.pop("memory_exceeded") or (
        memory_cap is not None and memory_cap.hit()
    )
    leftovers = streams.pop("leftovers")
    # Otherwise every process of the run has been reaped by now (`_collect`): their CPU time
    # is our children's.
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    if leftovers and not namespaces.pid:
        notes.append(f"killed {leftovers} process(es) the task left behind")
    if os.WIFEXITED(status) and os.WEXITSTATUS(status) == ROOT_SETUP_FAILED:
        failure = streams["stderr"].decode("utf-8", "replace")
        return {"status": "crashed", "notes": [*notes, failure]}
    if "variants" in request:
        return {
            "variants": variant_responses(streams, request, notes, key),
            "duration_s": _perf_counter() - started,
        }
    late = streams.pop("late")
    response = build_response(streams, status, timed_out, analysis, request, notes, key, leftovers)
    response["memory_exceeded"] = memory_exceeded
    response["late"] = late
    finished = _perf_counter()
    response["duration_s"] = finished - started
    response["cpu_s"] = cpu_read if cpu_read is not None else usage.ru_utime + usage.ru_stime
    response["timings"] = {
        "setup": forked - started,
        "run": collected - forked,
        "analysis": finished - collected,
        **response.get("timings", {}),
        "prepared_ahead": prepared.prepared_s,
        **harness_timings(response["events"], forked, collected),
    }
    return response


def harness_timings(
    records: list[dict[str, object]], forked: float, collected: float
) -> dict[str, float]:
    """Where the run's time went, from the clocks of the harness's records (perf_counter is
    one clock for every process of the machine): entering the root, preparing the harness
    (limits, uid), compiling and importing the program and tests, the tests themselves (under
    coverage), collecting the arcs, doctests, and the end: from the harness's last record
    until its pipes closed and the run's other processes were killed."""
    clocks: dict[str, float] = {}
    for record in records:
        clock, clock_after = record.get("clock"), record.get("clock_after")
        if record.get("from") == protocol.HARNESS and isinstance(clock, float):
            clocks.setdefault(str(record["event"]), clock)
            if isinstance(clock_after, float):
                clocks["arcs_after"] = clock_after
    steps = [
        ("enter", forked, clocks.get(protocol.Event.FORKED)),
        ("harness_setup", clocks.get(protocol.Event.FORKED), clocks.get(protocol.Event.STARTED)),
        ("import", clocks.get(protocol.Event.STARTED), clocks.get(protocol.Event.TESTS)),
        (
            "tests",
            clocks.get(protocol.Event.TESTS),
            clocks.get(protocol.Event.ARCS, clocks.get(protocol.Event.DONE)),
        ),
        ("coverage_collection", clocks.get(protocol.Event.ARCS), clocks.get("arcs_after")),
        ("doctests", clocks.get("arcs_after"), clocks.get(protocol.Event.DONE)),
        ("exit", clocks.get(protocol.Event.DONE), collected),
    ]
    return {
        name: end - begin for name, begin, end in steps if begin is not None and end is not None
    }


@dataclasses.dataclass
class SignedRecordWatch:
    """Finds the harness's first record of `event`, signed with the run's key, in the result
    stream as it is read: each call reads only the complete lines that came since the last."""

    event: protocol.Event
    key: bytes
    scanned: int = 0
    found: dict[str, object] | None = None

    def find(self, result: bytearray) -> dict[str, object] | None:
        complete = result.rfind(b"\n") + 1
        if self.found is None and complete > self.scanned:
            lines = bytes(result[self.scanned : complete])
            self.scanned = complete
            if self.event.value.encode() in lines:  # else none of them is that record
                for line in lines.split(b"\n")[:-1]:
                    record = protocol.verified_record(line, self.key) or {}
                    if (record.get("event"), record.get("from")) == (self.event, protocol.HARNESS):
                        self.found = record
                        break
        return self.found


@dataclasses.dataclass
class Overtime:
    """The overtime coverage's slowdown may take (`RunOptions.coverage_overtime_s`)."""

    seconds: float
    timeout_s: float
    key: bytes

    def __post_init__(self) -> None:
        self.end_of_tests = SignedRecordWatch(protocol.Event.RUNTIME, self.key)

    def tests_ended(self, result: bytearray) -> bool:
        """Whether the harness's signed `runtime` record, written when the tests have ended,
        is in `result`."""
        return self.end_of_tests.find(result) is not None

    def granted(self, result: bytearray, cpu_s: float) -> bool:
        """Whether the run, at its deadline, gets the overtime: its tests have not ended (the
        docstring examples never get it) and it computed (a run that waited was not slowed
        down by coverage). Task code that forges an early `runtime` record only loses it."""
        return not self.tests_ended(result) and not protocol.waited(cpu_s, self.timeout_s)


def _collect(
    harness_pid: int,
    fds: dict[int, str],
    deadline: float,
    memory_limit: int | None = None,
    overtime: Overtime | None = None,
    key: bytes | None = None,
    early: EarlyAnalysis | None = None,
) -> dict[str, Any]:
    """Read the result and output pipes until the run ends or the deadline passes.

    The run has ended when the harness's process has exited, the processes it left behind are
    killed (`end_leftovers`) and the pipes are drained; a straggler that still holds a pipe
    open (possible only without a pid namespace) does not keep us waiting, but whatever the
    run wrote before it ended is always read, however late the supervisor gets to it (a run
    whose last record is unread would look as if it ended early). Each process of the run is
    reaped as it ends (we are its init, or its subreaper). As init of the run's pid namespace,
    with the run's `key`, the run has also ended when the harness has closed the result pipe
    after its last record (`harness_finished`): then every process of the run is killed, and
    reaped later (`reaped` is False), after the answer.
    With `memory_limit` (no memory cgroup), the run is killed when its processes together hold
    more resident memory than that. With `overtime`, a run it is granted to at the deadline
    goes on that much longer (and is `late`), until its tests end: the docstring examples are
    left to the run without coverage that judges a late run. With `early`, the run's arcs go
    to the analysis service as soon as they are read.
    """
    buffers: dict[str, bytearray] = {name: bytearray() for name in fds.values()}
    totals = {name: 0 for name in fds.values()}
    open_fds = set(fds)
    result_fd = next(fd for fd, name in fds.items() if name == "result")
    init = os.getpid() == 1

    def take(fd: int) -> bool:
        """Read one chunk of `fd` into its buffer; False at its end (or the result's limit)."""
        try:
            chunk = os.read(fd, 1 << 16)
        except BlockingIOError:
            return False
        name = fds[fd]
        if not chunk:
            open_fds.discard(fd)
            return False
        totals[name] += len(chunk)
        buffer = buffers[name]
        buffer.extend(chunk)
        if name != "result" and len(buffer) > 2 * OUTPUT_TAIL_BYTES:
            del buffer[: len(buffer) - OUTPUT_TAIL_BYTES]
        if name == "result" and totals[name] > EVENT_BYTES_LIMIT:
            kill_run(harness_pid)
            killed.append("records")
            open_fds.discard(fd)
            return False
        return True

    timed_out = memory_exceeded = late = False
    killed: list[str] = []  # why we killed the run: its processes are then no leftovers
    status = None
    leftovers = 0
    survivors = 0  # processes besides the harness's when we killed the run
    cpu_s = None
    finished: bool | None = None  # whether the harness finished (`harness_finished`)
    reaped = True  # by the end, unless it finished
    next_memory_check = 0.0

    def stop_run(why: str) -> float:
        """Kill the run's processes for `why` (they are then no leftovers); return the CPU
        seconds they used. As init, every process of the run is stopped first (SIGSTOP: none
        forks or computes any more), so counting them and reading their CPU time is quick
        even when hundreds of them held the CPU (a fork bomb): killed, they are not yet
        reaped, and their CPU time is read then or never."""
        nonlocal survivors
        freeze_run()
        running = run_stats()
        survivors = running_besides(running, harness_pid)
        # With those of the processes reaped already (orphans that ended, reparented to us):
        # a run whose computing orphans end before the deadline must not pass for one that
        # waited.
        used = tree_cpu_s(running) + reaped_cpu_s()
        kill_run(harness_pid)
        killed.append(why)
        return used

    while open_fds:
        now = _perf_counter()
        if status is None:
            status = _reap_children(harness_pid)  # orphans of the run come to us too
            if status is not None:
                counted = end_leftovers()
                leftovers = 0 if killed else counted
                deadline = min(deadline, now + 0.5)
        if now >= deadline:  # before the memory poll: many busy processes leave us little CPU
            if status is None and overtime is not None and not late:
                enough = protocol.waiting_cpu_limit_s(overtime.timeout_s)
                if overtime.granted(buffers["result"], run_cpu_s(harness_pid, enough)):
                    late = True
                    deadline += overtime.seconds
                    continue
            if status is None:
                timed_out = True
                cpu_s = stop_run("time")
            break
        if _stopping and status is None and "stopped" not in killed:
            stop_run("stopped")
        tests_ended_late = late and overtime is not None and overtime.tests_ended(buffers["result"])
        if tests_ended_late and status is None and "late" not in killed:
            stop_run("late")
        if memory_limit is not None and status is None and now >= next_memory_check:
            # Both reads stop at the deadline: a partial sum is a lower bound of the run's.
            memory = tree_memory_bytes(run_stats(until=deadline), memory_limit, until=deadline)
            # A poll of hundreds of processes (a fork bomb) takes long on a CPU they hold:
            # it may take a tenth of our time, never most of it.
            polled = _perf_counter()
            next_memory_check = polled + max(MEMORY_POLL_S, 10 * (polled - now))
            if memory > memory_limit:
                memory_exceeded = True
                stop_run("memory")
        remaining = deadline - _perf_counter()
        if remaining <= 0:
            continue
        readable, _, _ = select.select(list(open_fds), [], [], min(remaining, 0.05))
        for fd in readable:
            take(fd)
        if early is not None and result_fd in readable:
            early.scan(buffers["result"])
        if finished is None and result_fd not in open_fds:  # told once, when it closed
            finished = init and key is not None and harness_finished(buffers["result"], key)
        if finished and status is None:
            # As `end_leftovers` counts them: the processes still running besides the
            # harness's, which is exiting.
            running = run_stats()
            cpu_s = tree_cpu_s(running) + reaped_cpu_s()
            leftovers = 0 if killed else running_besides(running, harness_pid)
            with contextlib.suppress(ProcessLookupError):
                os.kill(-1, signal.SIGKILL)
            status = 0  # what it exits with next (its own code, or a thread's, is not the run's)
            reaped = False
            break
    if status is not None and not timed_out:
        for fd in list(open_fds):
            os.set_blocking(fd, False)
            for _ in range(256):  # a pipe holds 1 MB at most; a straggler cannot keep us here
                if not take(fd):
                    break
    for fd in fds:
        os.close(fd)
    if status is None:  # killed at the deadline, with the rest of the run
        status = os.waitpid(harness_pid, 0)[1]
        end_leftovers()
    return {
        "result": bytes(buffers["result"]),
        "stdout": bytes(buffers["stdout"][-OUTPUT_TAIL_BYTES:]),
        "stderr": bytes(buffers["stderr"][-OUTPUT_TAIL_BYTES:]),
        "stdout_bytes": totals["stdout"],
        "stderr_bytes": totals["stderr"],
        "timed_out": timed_out,
        "late": late,
        "flooded": "records" in killed,
        "cpu_s": cpu_s,
        "memory_exceeded": memory_exceeded,
        "status": status,
        "reaped": reaped,
        "leftovers": leftovers,
        "survivors": survivors,
    }


def harness_finished(result: bytearray, key: bytes) -> bool:
    """Whether the last record of the result pipe is the harness's `done`, signed with the
    run's key: the harness closes its pipes right after it (`serve_harness`), then exits."""
    end = len(result)
    while end and result[end - 1] == ord("\n"):
        end -= 1
    record = protocol.verified_record(bytes(result[result.rfind(b"\n", 0, end) + 1 : end]), key)
    return (
        record is not None
        and record.get("event") == protocol.Event.DONE
        and record.get("from") == protocol.HARNESS
    )


def running_besides(tree: dict[int, list[str]], harness_pid: int) -> int:
    """How many processes of `tree` (`tree_stats`) other than the harness's are running (not
    ended and unreaped)."""
    return sum(1 for pid, fields in tree.items() if pid != harness_pid and fields[0] != "Z")


def freeze_run() -> None:
    """As init of the run's pid namespace, SIGSTOP to every other process of it, so that
    none forks or computes while the run is being stopped (it is killed next)."""
    if os.getpid() == 1:
        with contextlib.suppress(ProcessLookupError):
            os.kill(-1, signal.SIGSTOP)


def kill_run(harness_pid: int) -> None:
    """SIGKILL to every process of the run: as init of its pid namespace, to all the others
    (kill(-1) reaches no further than the namespace); without one, to the harness's process
    (`end_leftovers` finds the rest)."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(-1 if os.getpid() == 1 else harness_pid, signal.SIGKILL)


def end_leftovers() -> int:
    """Once the harness's process has ended: kill and reap every process the task left
    behind, and count them (those that ended by themselves are not counted)."""
    if os.getpid() != 1:
        return _kill_descendants()
    _reap_children()  # those that ended by themselves are not counted
    killed = 0
    while True:
        # Again before each wait: a process may fork while kill(-1) goes round (a fork bomb).
        with contextlib.suppress(ProcessLookupError):
            os.kill(-1, signal.SIGKILL)
        try:
            os.wait()
        except ChildProcessError:
            return killed
        killed += 1


def run_stats(until: float | None = None) -> dict[int, list[str]]:
    """The /proc stat fields of every process of the run: this supervisor's descendants
    (none where /proc does not show our own pid namespace); with `until`, those read by
    then."""
    me = os.getpid()
    if os.readlink("/proc/self") != str(me):
        return {}
    return {pid: fields for pid, fields in tree_stats(me, until).items() if pid != me}


def _kill_descendants() -> int:
    """Kill and reap whatever was reparented to us (we are a child subreaper).

    Only where /proc shows our own pid namespace: its pids must be the ones we can signal.
    """
    killed = 0
    if os.readlink("/proc/self") != str(os.getpid()):
        return 0
    for _ in range(50):
        _reap_children()
        children = _own_children()
        if not children:
            break
        for pid in children:
            try:
                os.kill(pid, signal.SIGKILL)
                killed += 1
            except ProcessLookupError:
                pass
        time.sleep(0.01)
    _reap_children()
    return killed


def _own_children() -> list[int]:
    """This (single-threaded) process's children: the kernel's list of them where it keeps
    one (one read), else those of our tree in /proc that are not zombies."""
    try:
        with open(f"/proc/self/task/{os.getpid()}/children") as listed:
            return [int(pid) for pid in listed.read().split()]
    except FileNotFoundError:
        pass
    own = str(os.getpid())
    return [
        pid
        for pid, fields in tree_stats(os.getpid()).items()
        if fields[1] == own and fields[0] != "Z"
    ]


def build_response(
    streams: dict[str, Any],
    status: int,
    timed_out: bool,
    analysis: ProgramAnalysis | None,
    request: dict[str, Any],
    notes: list[str],
    key: bytes,
    leftovers: int,
) -> dict[str, Any]:
    """Check the run's records (outside the task's process), then measure coverage from the
    harness's one arcs record and gather the runtime findings."""
    records, tampering = protocol.read_records(streams["result"], key)
    if streams["flooded"]:
        limit = EVENT_BYTES_LIMIT // 1024 // 1024
        tampering.append(f"sent over {limit} MiB into the result channel: the run was stopped")
    code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else 128 + os.WTERMSIG(status)
    response = response_from_records(
        records, tampering, request, code, timed_out, leftovers, streams, notes
    )
    response["flooded"] = streams["flooded"]
    arcs = next(
        (record["arcs"] for record in records if record["event"] == protocol.Event.ARCS), None
    )
    if isinstance(arcs, list) and len(arcs) > protocol.ARCS_LIMIT:
        notes.append(f"coverage not measured: over {protocol.ARCS_LIMIT} arcs")
    elif isinstance(arcs, list) and arcs and analysis is not None and not tampering:
        analysing = _perf_counter()
        response["coverage"] = analysis.analyse([(int(a), int(b)) for a, b in arcs])
        response["timings"] = {"coverage_analysis": _perf_counter() - analysing}
    return response


def response_from_records(
    records: list[dict[str, object]],
    tampering: list[str],
    request: dict[str, Any],
    code: int,
    timed_out: bool,
    leftovers: int,
    streams: dict[str, Any],
    notes: list[str],
) -> dict[str, Any]:
    """One run's answer from its signed records (the harness's, as sender `harness`): the
    order checks, the findings and the run's output."""
    try:
        declared: set[str] | None = harness.declared_in(request).names
    except SyntaxError:
        declared = set()
    if request["options"].get("test_order") is not None:
        declared = None
    tampering += protocol.check_order(records, declared)
    done = any(
        record["event"] == protocol.Event.DONE and record["from"] == protocol.HARNESS
        for record in records
    )
    if done and code != 0 and not timed_out:
        tampering.append(f"the harness exited with status {code} after its last record")
    runtime: list[dict[str, object]] = []
    examples: list[dict[str, object]] = []
    for record in records:
        if record["event"] == protocol.Event.TAMPERING:
            # Each reason is sent as the hook notes it, and again with the others at the end.
            reasons = map(str, cast(list[object], record.get("reasons", [])))
            tampering.extend(reason for reason in reasons if reason not in tampering)
        elif record["event"] == protocol.Event.RUNTIME:
            runtime.extend(cast(list[dict[str, object]], record.get("findings", [])))
        elif record["event"] in (protocol.Event.EXAMPLES_FINDINGS, protocol.Event.DOCTEST):
            # The last list holds them all: the examples' record, else (the examples were cut
            # short) what they had done by then.
            examples = cast(list[dict[str, object]], record.get("findings", []))
    for found in examples:
        runtime.append({**found, "message": f"{protocol.EXAMPLES_FINDING}{found['message']}"})
    if leftovers:
        runtime.append(
            {
                "code": "leftover_processes",
                "message": f"{leftovers} process(es) still running when the tests ended (killed)",
            }
        )
    survivors = int(streams.get("survivors") or 0)
    if survivors and protocol.stopped_in_examples(records):
        # The run was stopped (time, memory) while the docstring examples ran, after the
        # tests, whose verdict stands: what the tests left behind must not go unsaid (the
        # examples' own processes, if any, count too: the two cannot be told apart).
        runtime.append(
            {
                "code": "leftover_processes",
                "message": f"{survivors} process(es) besides the harness's still running when "
                "the run was stopped during the docstring examples (killed)",
            }
        )
    output = streams["stdout_bytes"] + streams["stderr_bytes"]
    if output > OUTPUT_FINDING_BYTES:
        runtime.append(
            {
                "code": "output",
                "message": f"wrote {output / 1024 / 1024:.1f} MiB of output "
                f"(over {OUTPUT_FINDING_BYTES // 1024 // 1024} MiB)",
            }
        )
    response: dict[str, Any] = {
        "events": records,
        "tampering": tampering,
        "runtime": runtime,
        "exit_code": code,
        "timed_out": timed_out,
        "stdout_tail": streams["stdout"].decode("utf-8", "replace"),
        "stderr_tail": streams["stderr"].decode("utf-8", "replace"),
        "stdout_bytes": streams["stdout_bytes"],
        "stderr_bytes": streams["stderr_bytes"],
        "notes": notes,
        "coverage": None,
    }
    return response


def variant_responses(
    streams: dict[str, Any], request: dict[str, Any], notes: list[str], key: bytes
) -> list[dict[str, Any] | None]:
    """Each variant's answer, split from the batch's records by sender; None for a variant the
    batch did not finish (the caller runs it alone). A record no one signed leaves every
    variant unanswered: which one it belongs to cannot be told."""
    count = len(request["variants"])
    senders = (
        *protocol.SENDERS,
        protocol.VARIANTS,
        *map(protocol.variant_sender, range(count)),
    )
    records, problems = protocol.read_records(streams["result"], key, senders)
    if problems:
        return [None] * count
    ends = {
        record.get("index"): record
        for record in records
        if record["event"] == protocol.Event.VARIANT_END and record["from"] == protocol.VARIANTS
    }
    quiet = {"stdout": b"", "stderr": b"", "stdout_bytes": 0, "stderr_bytes": 0}
    answers: list[dict[str, Any] | None] = []
    for index, variant in enumerate(request["variants"]):
        end = ends.get(index)
        if end is None:
            answers.append(None)
            continue
        sender = protocol.variant_sender(index)
        own = [
            {**record, "from": protocol.HARNESS} for record in records if record["from"] == sender
        ]
        answer = response_from_records(
            own,
            [],
            {**request, "options": {**request["options"], "test_order": variant["test_order"]}},
            int(cast(int, end.get("status", 125))),
            bool(end.get("timed_out")),
            int(cast(int, end.get("leftovers", 0))),
            quiet,
            [*notes, "the output of a batch of variants is not kept per variant"],
        )
        began, ended, after = (
            float(cast(float, end[k])) for k in ("clock", "clock_ended", "clock_after")
        )
        answer["duration_s"] = after - began
        answer["timings"] = {**harness_timings(own, began, ended), "cleanup": after - ended}
        answers.append(answer)
    return answers


def run_variants(
    request: dict[str, Any],
    paths: dict[str, str],
    result_fd: int,
    key: bytes,
    watches: harness.RunWatches,
) -> None:
    """The harness of a batch: the tests against each variant of the program in turn, each in
    a process forked from this one, which has already imported what the reference run imported.
    After each variant every other process of the run is killed and the scratch is emptied, so
    each variant starts as it would alone (the network and IPC namespaces are the run's: the
    caller runs a program that binds sockets one variant at a time). This process cannot be
    traced or read by the variants (not dumpable: `prepare_harness`); one that kills it only
    ends the batch early (the caller runs the rest alone). The variants share the run's key:
    one could sign records for another, which only lets task code choose its own mutants'
    outcomes, as a program that inspects its own source can anyway; the host stays out of
    reach as in any run. Needs the run's own pid namespace (checked by the supervisor and
    here)."""
    if os.getppid() != 1:
        raise RuntimeError("a batch of variants needs the run's own pid namespace")
    channel = protocol.Channel(result_fd, key, protocol.VARIANTS)
    import importlib

    for module in request.get("preload", []):
        with contextlib.suppress(BaseException):
            importlib.import_module(module)
    harness.note_shared_generators()
    with contextlib.suppress(SyntaxError):  # each variant reports it
        harness.declared_in(request)
        harness.compiled_tests(
            request["tests"], harness.tests_path_for(paths["task"]), request["entry_point"]
        )
    gc.collect()
    gc.freeze()
    scratch = [paths["tmp"], paths["home"], "/dev/shm"]
    kept = {directory: _tree(directory) for directory in scratch}
    timeout_s = float(request["options"]["timeout_s"])
    for index, variant in enumerate(request["variants"]):
        # The mutants are the task's own code against its own tests: see harness.Unwatched.
        options = {
            **request["options"],
            "test_order": variant["test_order"],
            "machinery_checks": False,
        }
        began = _perf_counter()
        pid = os.fork()
        if pid == 0:
            own = protocol.Channel(result_fd, key, protocol.variant_sender(index))
            own.emit(protocol.Event.FORKED, clock=_perf_counter())
            reseed_forked_generators(options)
            try:
                harness.run_harness(
                    {**request, "options": options},
                    paths["task"],
                    own,
                    None,
                    program=variant["program"],
                    watches=watches,  # each variant's own copy, a fork's
                )
            except BaseException:
                own.emit(protocol.Event.HARNESS_ERROR, traceback=traceback.format_exc())
            _flush_standard_streams()
            _exit(0)
        code, timed_out = _wait_at_most(pid, timeout_s)
        ended = _perf_counter()
        leftovers = _kill_the_others()
        for directory, entries in kept.items():
            _empty(directory, entries)
        channel.emit(
            protocol.Event.VARIANT_END,
            index=index,
            status=code,
            timed_out=timed_out,
            leftovers=leftovers,
            clock=began,
            clock_ended=ended,
            clock_after=_perf_counter(),
        )
    channel.emit(protocol.Event.DONE)


def _wait_at_most(pid: int, timeout_s: float) -> tuple[int, bool]:
    """Wait for child `pid`, killing it after `timeout_s`: (exit code as a shell gives it,
    whether it timed out)."""
    pidfd = os.pidfd_open(pid)
    try:
        ready, _, _ = select.select([pidfd], [], [], timeout_s)
    finally:
        os.close(pidfd)
    if not ready:
        os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    return (128 - code if code < 0 else code), not ready


def _kill_the_others() -> int:
    """Kill every process of the run but init and this one; return how many there were."""
    others = _other_live_processes()
    if not others:
        return 0
    with contextlib.suppress(ProcessLookupError):
        os.kill(-1, signal.SIGKILL)  # every process this one may signal, but init and itself
    for _ in range(2000):  # until they are dead (init reaps them as it gets to them)
        if not _other_live_processes():
            break
        time.sleep(0.001)
    return len(others)


def _other_live_processes() -> list[int]:
    """The run's processes but init and this one, the dead not yet reaped left out."""
    me = os.getpid()
    return [
        pid
        for pid, fields in tree_stats(1).items()
        if pid not in (1, me) and fields[0] not in ("Z", "X")
    ]


def _tree(directory: str) -> set[str]:
    """Every path below `directory` (the scratch as the batch found it, after its imports)."""
    return {
        os.path.join(folder, name)
        for folder, folders, files in os.walk(directory)
        for name in folders + files
    }


def _empty(directory: str, kept: set[str]) -> None:
    """Remove every file and folder a variant added below a scratch directory (what it changed
    in files that were there before stays: the batch's imports rarely leave any)."""
    for folder, folders, files in os.walk(directory, topdown=False):
        for name in files + folders:
            path = os.path.join(folder, name)
            if path in kept:
                continue
            with contextlib.suppress(OSError):
                if os.path.isdir(path) and not os.path.islink(path):
                    os.rmdir(path)  # emptied already: the walk goes bottom-up
                else:
                    os.unlink(path)


class MeasuredArcs:
    """One run's arcs of the program, in the shape coverage.py's analysis reads them: its
    CoverageData without the SQLite store (a new store in each fork cost about 1 ms a run)."""

    def __init__(self, arcs: list[tuple[int, int]]) -> None:
        self._arcs = arcs

    def has_arcs(self) -> bool:
        return True

    def arcs(self, filename: str) -> list[tuple[int, int]]:
        return self._arcs

    def lines(self, filename: str) -> list[int]:
        return list({line for arc in self._arcs for line in arc if line > 0})


def coverage_settings() -> Any:
    """The Coverage object whose settings (exclusions, partial branches) the analysis uses:
    the zygote's warm one, where it made one."""
    if _warm_measurement is not None:
        return _warm_measurement
    import coverage

    return counted_everywhere(coverage.Coverage(data_file=None, branch=True, config_file=False))


def counted_everywhere(measurement: Any) -> Any:
    """`measurement` without coverage.py's default exclusions: a `# pragma: no cover` or
    `# pragma: no branch` in the program left its untested branches out of its figures, which
    the tests had then covered (red team). So are its other defaults, a stub body of `...`
    and an `if TYPE_CHECKING:` block: a program can bind `TYPE_CHECKING` to True, and such code
    then runs; each reads as missed where coverage.py by hand leaves it out. (What Python
    itself never runs, `while True:`'s exit, stays left out.)"""
    measurement.clear_exclude()
    measurement.clear_exclude(which="partial")
    return measurement


class CoverageAnalyser:
    """coverage.py's own analysis of one program (what its reports are made from), without a
    report: the JSON report also writes a file and analyses every function and class apart.
    The program is parsed once (`parse`); each run's arcs are then measured against it."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.reporter: Any = None
        self.failure: Exception | None = None

    def parse(self) -> None:
        """Parse and analyse the program's code now (else `analyse` does); where that fails,
        `analyse` raises the failure."""
        from coverage.python import PythonFileReporter

        try:
            reporter = PythonFileReporter(self.path, coverage_settings())
            for step in (
                reporter.lines,
                reporter.excluded_lines,
                reporter.arcs,
                reporter.exit_counts,
                reporter.no_branch_lines,
            ):
                step()
        except Exception as error:
            self.failure = error
            return
        self.reporter = reporter

    def analyse(self, arcs: list[tuple[int, int]]) -> dict[str, Any]:
        """Branch and line coverage of the program, from the arcs the harness recorded."""
        from coverage.results import analysis_from_file_reporter

        if self.reporter is None and self.failure is None:
            self.parse()
        if self.failure is not None:
            raise self.failure
        analysis = analysis_from_file_reporter(
            cast(Any, MeasuredArcs(arcs)),
            coverage_settings().config.precision,
            self.reporter,
            self.path,
        )
        numbers = analysis.numbers
        return {
            "num_statements": numbers.n_statements,
            "covered_lines": numbers.n_executed,
            "num_branches": numbers.n_branches,
            "covered_branches": numbers.n_executed_branches,
            "missed_lines": sorted(analysis.missing),
            "missed_branches": [
                [source, target]
                for source, targets in analysis.missing_branch_arcs().items()
                for target in targets
            ],
        }


class ProgramAnalysis:
    """A run's coverage analysis as its supervisor gets it: from the sandbox's analysis
    service (`serve_analyses`), which parses the program while the run goes on and may be
    handed the run's arcs before the run has ended (`start`, see `EarlyAnalysis`); where the
    service does not answer, here, by the same `CoverageAnalyser` (which then fails, if it
    must, in its own place)."""

    def __init__(self, program: str, task_path: str) -> None:
        self.program = program
        self.task_path = task_path
        self.here: CoverageAnalyser | None = None
        self.pending: tuple[list[tuple[int, int]], socket.socket] | None = None

    def begin(self) -> None:
        """Hand the program over to be parsed (no answer awaited)."""
        connection = self._send({"program": self.program})
        if connection is None:
            self._analyser_here()
        else:
            connection.close()

    def start(self, arcs: list[tuple[int, int]]) -> None:
        """Ask for the analysis of `arcs` now; `analyse` takes the answer if it is asked about
        the same arcs."""
        if self.here is None and self.pending is None:
            connection = self._send({"program": self.program, "arcs": arcs})
            if connection is not None:
                self.pending = (arcs, connection)

    def analyse(self, arcs: list[tuple[int, int]]) -> dict[str, Any]:
        """The service's answer; where there is none (or it failed), the analysis here."""
        connection = self._connection_for(arcs) if self.here is None else None
        if connection is not None:
            with connection, contextlib.suppress(OSError, ValueError):
                reply = json.loads(_receive_all(connection))
                if isinstance(reply, dict) and isinstance(reply.get("coverage"), dict):
                    return cast(dict[str, Any], reply["coverage"])
        return self._analyser_here().analyse(arcs)

    def _connection_for(self, arcs: list[tuple[int, int]]) -> socket.socket | None:
        """The connection that asked about these arcs early (`start`), else a new one."""
        asked, self.pending = self.pending, None
        if asked is not None:
            if asked[0] == arcs:
                return asked[1]
            asked[1].close()
        return self._send({"program": self.program, "arcs": arcs})

    def _analyser_here(self) -> CoverageAnalyser:
        if self.here is None:
            self.here = CoverageAnalyser(self.task_path)
            self.here.parse()
        return self.here

    def _send(self, request: dict[str, Any]) -> socket.socket | None:
        return ask_analysis_service(b"a", request)


def ask_analysis_service(kind: bytes, request: dict[str, Any], *fds: int) -> socket.socket | None:
    """Send `request` (`kind`: b"a" an analysis, b"c" a compile), and `fds` with it, to the
    analysis service over a connection of its own, returned to read the answer from; None when
    the service cannot be reached. A service that stopped reading holds up no run
    (`ANALYSIS_ANSWER_S`)."""
    if _analysis_service is None:
        return None
    ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        socket.send_fds(_analysis_service, [kind], [theirs.fileno(), *fds])
        ours.settimeout(ANALYSIS_ANSWER_S)
        ours.sendall(_dumps(request).encode())
        ours.shutdown(socket.SHUT_WR)
    except OSError:
        ours.close()
        return None
    finally:
        theirs.close()
    return ours


class EarlyAnalysis:
    """Hands the run's arcs to the analysis service as soon as the harness's signed `arcs`
    record is read, while the docstring examples and the harness's exit go on: the answer is
    then ready, or nearly, when the run has ended (`ProgramAnalysis.start`). The response uses
    it only for the same arcs, and only if the run's records hold (`build_response`)."""

    def __init__(self, analysis: ProgramAnalysis, key: bytes) -> None:
        self.analysis = analysis
        self.arcs_record = SignedRecordWatch(protocol.Event.ARCS, key)

    def scan(self, result: bytearray) -> None:
        """Read the lines that came since the last call; hand the arcs over once found."""
        if self.arcs_record.found is not None:
            return
        record = self.arcs_record.find(result) or {}
        arcs = record.get("arcs")
        if isinstance(arcs, list) and 0 < len(arcs) <= protocol.ARCS_LIMIT:
            with contextlib.suppress(ValueError, TypeError):
                self.analysis.start([(int(a), int(b)) for a, b in arcs])


# -- harness (runs as the unprivileged user) -----------------------------------------------------


def drop_capabilities() -> None:
    """No capability gained by an exec: the bounding and ambient sets emptied (the effective,
    permitted and inheritable sets follow with `clear_capability_sets`, after the uid switch:
    needed in a user namespace, where task code is uid 0 of that namespace)."""
    with open("/proc/sys/kernel/cap_last_cap") as last:
        last_capability = int(last.read())
    for capability in range(last_capability + 1):
        _libc_call("prctl", PR_CAPBSET_DROP, capability, 0, 0, 0)
    _libc_call("prctl", PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0)


def clear_capability_sets() -> None:
    header = struct.pack("Ii", CAPABILITY_VERSION_3, 0)
    _libc_call("capset", header, bytes(24))


def prepare_harness(
    request: dict[str, Any], paths: dict[str, str], pipes: tuple[int, int, int], request_r: int
) -> None:
    """Redirect output, close every other descriptor (but `request_r`, where the tests compiled
    ahead come next: read and closed before any task code runs), set limits, drop privileges
    and every capability (the bounding and ambient sets went before the request,
    `serve_harness`), scrub env; `paths` are the task file, HOME (the cwd), TMPDIR and the
    folder of `python` as the task sees them."""
    result_w, out_w, err_w = pipes
    options = request["options"]
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.dup2(out_w, 1)
    os.dup2(err_w, 2)
    low = 3
    for kept in sorted({result_w, request_r}):  # the request pipe: the tests compiled ahead
        os.closerange(low, kept)
        low = kept + 1
    os.closerange(low, 65536)
    # The worker ignores SIGINT (`main`): task code finds it handled as in a fresh interpreter
    # (KeyboardInterrupt), and the programs it starts inherit its default, not ignored.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    if request["address_space_limit"]:  # else a memory cgroup caps the whole run
        budget = int(options["memory_mb"]) * 1024 * 1024
        address_space = vm_size_bytes() + ADDRESS_SPACE_PER_MEMORY * budget
        resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))
    cpu = int(float(options["timeout_s"]) + float(options.get("coverage_overtime_s", 0))) + 5
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))
    resource.setrlimit(resource.RLIMIT_FSIZE, (FILE_SIZE_LIMIT, FILE_SIZE_LIMIT))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    processes = request["process_limit"]
    resource.setrlimit(resource.RLIMIT_NPROC, (processes, processes))
    uid = request["uid"]
    if uid is not None:
        os.setgroups([])
        os.setgid(uid)
        os.setuid(uid)
    # Not dumpable, whatever the machine's fs.suid_dumpable made of the change of uid: no
    # process of the run (one the task starts, which no audit hook watches) may read or write
    # this one's memory, nor may it become dumpable again (`REFUSED_PRCTL_OPTIONS`).
    _libc_call("prctl", PR_SET_DUMPABLE, 0, 0, 0, 0)
    clear_capability_sets()
    _libc_call("prctl", PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)
    restrict_system_calls()
    os.chdir(paths["home"])
    os.environ.clear()
    os.environ.update(
        {
            "PATH": f"{paths['bin']}:{SYSTEM_PATH}",
            "HOME": paths["home"],
            "TMPDIR": paths["tmp"],
            "TZ": options["tz"],
            "LANG": "C.UTF-8",
            "USER": "user",
            "LOGNAME": "user",
            "MPLBACKEND": "Agg",
            "PYTHONDONTWRITEBYTECODE": "1",
            "CURATOR_SANDBOX": request["sandbox_id"],
            **dict.fromkeys(protocol.THREAD_VARIABLES, "1"),
            **request.get("variables", {}),
        }
    )
    # The variable is read as an interpreter starts, not by this fork's: importing a library
    # installed without bytecode tried to write its __pycache__, a finding of the task's.
    sys.dont_write_bytecode = True
    if request["hash_seed"] is not None:
        os.environ["PYTHONHASHSEED"] = str(request["hash_seed"])
    time.tzset()
    import tempfile

    tempfile.tempdir = None
    reseed_forked_generators(options)
    if float(options.get("clock_offset_s") or 0.0):
        shift_clock(float(options["clock_offset_s"]))


def reseed_forked_generators(options: dict[str, Any]) -> None:
    """A fork shares its parent's random generators' state; a fresh process would not. A run
    with a `random_seed` seeds them as each test starts instead."""
    if options.get("random_seed") is None:
        harness.seed_library_generators(None)


def shift_clock(offset: float) -> None:
    """Move the wall clock seen by the task by `offset` seconds (monotonic clocks untouched)."""
    import datetime as datetime_module

    real_time, real_time_ns = time.time, time.time_ns
    time.time = lambda: real_time() + offset
    time.time_ns = lambda: real_time_ns() + int(offset * 1e9)
    # The calendar functions read the C library's clock, not `time.time`: left alone, code
    # reading the year through `time.localtime()` or `time.strftime` passed every shifted run.
    real_localtime, real_gmtime, real_ctime = time.localtime, time.gmtime, time.ctime
    real_asctime, real_strftime = time.asctime, time.strftime
    real_clock_gettime, real_clock_gettime_ns = time.clock_gettime, time.clock_gettime_ns

    def at(seconds: Any) -> Any:
        return real_time() + offset if seconds is None else seconds

    time.localtime = lambda seconds=None: real_localtime(at(seconds))
    time.gmtime = lambda seconds=None: real_gmtime(at(seconds))
    time.ctime = lambda seconds=None: real_ctime(at(seconds))
    time.asctime = lambda moment=None: real_asctime(
        real_localtime(at(None)) if moment is None else moment
    )
    time.strftime = lambda layout, moment=None: real_strftime(
        layout, real_localtime(at(None)) if moment is None else moment
    )
    time.clock_gettime = lambda clock: (
        real_clock_gettime(clock) + (offset if clock == time.CLOCK_REALTIME else 0)
    )
    time.clock_gettime_ns = lambda clock: (
        real_clock_gettime_ns(clock) + (int(offset * 1e9) if clock == time.CLOCK_REALTIME else 0)
    )
    real_datetime = datetime_module.datetime
    delta = datetime_module.timedelta(seconds=offset)

    class _Meta(type):
        def __instancecheck__(cls, instance: object) -> bool:
            return isinstance(instance, cls.__bases__[0])

    class ShiftedDatetime(real_datetime, metaclass=_Meta):  # type: ignore[misc,valid-type]
        @classmethod
        def now(cls, tz: Any = None) -> Any:
            return real_datetime.now(tz) + delta

        @classmethod
        def utcnow(cls) -> Any:
            return real_datetime.utcnow() + delta

    # `today()` needs no override: CPython computes it from `time.time()`, already shifted.

    datetime_module.datetime = ShiftedDatetime  # type: ignore[misc]
    pandas = sys.modules.get("pandas")
    if pandas is not None:  # preloaded (a worker of library tasks): its clock is C code's
        real_now = pandas.Timestamp.now  # `today()` asks `now()`
        shift = pandas.Timedelta(seconds=offset)
        pandas.Timestamp.now = classmethod(lambda cls, tz=None: real_now(tz) + shift)

    # A C extension that builds on datetime's C type (pandas' Timestamp, through Cython) finds
    # that type by name as it loads, and crashes on the subclass: it loads with the real one.
    from importlib.machinery import ExtensionFileLoader

    def with_real_datetime(load: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(load)
        def loading(*args: Any) -> Any:
            datetime_module.datetime = real_datetime  # type: ignore[misc]
            try:
                return load(*args)
            finally:
                datetime_module.datetime = ShiftedDatetime  # type: ignore[misc]

        return loading

    ExtensionFileLoader.create_module = with_real_datetime(ExtensionFileLoader.create_module)  # type: ignore[method-assign]
    ExtensionFileLoader.exec_module = with_real_datetime(ExtensionFileLoader.exec_module)  # type: ignore[method-assign]


def _flush_standard_streams() -> None:
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):  # the task may have closed or replaced them
            stream.flush()


def main(argv: list[str]) -> None:
    control_fd = int(argv[argv.index("--control-fd") + 1])
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    config = json.loads(argv[argv.index("--run-config") + 1])
    kind = argv[argv.index("--preload") + 1] if "--preload" in argv else None
    preloads = PRELOADS[kind] if kind is not None else ()
    if "--preload-only" in argv:  # the top-level packages of the code the sandbox will run
        wanted = set(argv[argv.index("--preload-only") + 1].split(","))
        preloads = tuple(module for module in preloads if module.partition(".")[0] in wanted)
    zygote(
        control_fd,
        preloads=preloads,
        coverage="--coverage" in argv,
        config=config,
        one_run="--one-run" in argv,
    )
    _exit(0)  # skip finalizing numpy, pandas and friends: nothing of ours needs it


if __name__ == "__main__":
    main(sys.argv[1:])
