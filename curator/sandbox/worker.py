"""The sandbox worker: a zygote that forks one isolated process tree per test-suite run.

This file runs as a script (`python -I worker.py --control-fd N`) inside the sandbox, started by
`curator.sandbox.runner.Sandbox`, usually under `unshare --net --pid --fork --kill-child`. It
imports only the standard library (and coverage.py, numpy, pandas, matplotlib when preloading),
never pydantic or the rest of curator, so that a fresh interpreter starts fast.

Process layout of one run:

    zygote (pid 1 of the sandbox's pid namespace; preloaded libraries; single-threaded)
      └─ supervisor (root; new pid + mount namespace; tmpfs on /tmp, HOME and bank hidden)
           └─ reaper (pid 1 of the run's own pid namespace: its death kills every process in it)
                └─ harness (unprivileged uid, rlimits, scrubbed env): task program + TestCases

The supervisor enforces the wall clock (SIGKILL to the reaper tears down the whole namespace),
caps captured output, reads per-test events from a pipe, and computes coverage from the arcs the
harness reports (coverage analysis runs outside the task's process).

Residual risk, stated honestly: the harness and the task share one process, so task code can in
principle forge events on the result pipe or tamper with coverage collection (it can find the
descriptor in /proc/self/fd). The harness defends against the known ways a task fakes passes by
accident or by simple tricks: it records outcomes through references captured before the task
runs, reports a test only when it actually finished (`os._exit` mid-test is a crash, not a
pass), and compares unittest's classes and modules before and after each test so that a task that
monkeypatches unittest gets errors, not passes. The tests' source is never written where the task
could read it, but it is in the same process's memory. Coverage is likewise only as honest as the
task lets it be (it can only inflate its own figures). Where the machine forbids namespaces, the
task shares the host's /proc and network and, when curator does not run as root, its uid: it
could then read other processes of that user (for example their environment).
"""

from __future__ import annotations

import contextlib
import ctypes
import json
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

# References captured before any task code runs.
_write = os.write
_dumps = json.dumps
_perf_counter = time.perf_counter
_exit = os._exit

CLONE_NEWNS = 0x00020000
CLONE_NEWPID = 0x20000000
MS_NOSUID = 2
MS_NODEV = 4
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
PR_SET_CHILD_SUBREAPER = 36
PR_SET_NO_NEW_PRIVS = 38

OUTPUT_TAIL_BYTES = 16 * 1024
EVENT_BYTES_LIMIT = 64 * 1024 * 1024
FILE_SIZE_LIMIT = 256 * 1024 * 1024
SCRATCH_TMPFS = "size=512m,mode=1777"
MODULE_NAME = "__test__"
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
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

_libc = ctypes.CDLL(None, use_errno=True)


def _libc_call(name: str, *args: object) -> None:
    if getattr(_libc, name)(*args) != 0:
        errno = ctypes.get_errno()
        raise OSError(errno, f"{name}: {os.strerror(errno)}")


def _mount(source: str | None, target: str, fstype: str | None, flags: int, data: str | None):
    encode = lambda text: text.encode() if text is not None else None  # noqa: E731
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


def zygote(control_fd: int, preload_libraries: bool, coverage: bool) -> None:
    """Fork one supervisor per run request; exit when the control channel closes."""
    loopback = bring_loopback_up() if "--own-network" in sys.argv else None
    for variable in THREAD_VARIABLES:
        os.environ[variable] = "1"
    loaded = preload(PRELOAD + PRELOAD_STANDARD) if preload_libraries else []
    # What every run needs, imported while the interpreter's files are still readable.
    import doctest  # noqa: F401
    import importlib.util  # noqa: F401
    import linecache  # noqa: F401
    import shutil  # noqa: F401
    import tempfile  # noqa: F401
    import types  # noqa: F401
    import unittest  # noqa: F401

    if coverage:
        warm_up_coverage()
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
    while True:
        _reap_children()
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
        pid = os.fork()
        if pid == 0:
            control.close()
            code = 0
            try:
                serve_run(fds[0])
            except BaseException:
                traceback.print_exc()
                code = 1
            _exit(code)
        os.close(fds[0])


# A Coverage object started once in the zygote: forks reuse it, skipping coverage.py's start-up
# (path matchers, sysconfig scans: ~40 ms a run). It measures every run's task.py.
_warm_measurement = None
RUN_DIRECTORY_PREFIX = "curator-run-"
MEASURED_FILES = f"*/{RUN_DIRECTORY_PREFIX}*/task.py"


def warm_up_coverage() -> None:
    """Measure and analyse a tiny program once, so that every fork inherits coverage.py's
    lazily imported modules and initialised state instead of paying for them again."""
    global _warm_measurement
    import shutil
    import tempfile

    import coverage

    os.environ["COVERAGE_CORE"] = "ctrace"
    directory = tempfile.mkdtemp(prefix=RUN_DIRECTORY_PREFIX + "warm-up-")
    try:
        path = os.path.join(directory, "task.py")
        with open(path, "w") as handle:
            handle.write("def f(x):\n    if x:\n        return 1\n    return 2\nf(1)\n")
        cov = coverage.Coverage(
            data_file=None, branch=True, include=[MEASURED_FILES], config_file=False
        )
        cov.start()
        with open(path) as handle:
            exec(compile(handle.read(), path, "exec"), {})
        cov.stop()
        analyse_coverage(path, sorted(cov.get_data().arcs(path) or []))
    finally:
        shutil.rmtree(directory, ignore_errors=True)
    _warm_measurement = cov


def _reap_children() -> None:
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


# -- supervisor ----------------------------------------------------------------------------------


def _receive_all(conn: socket.socket) -> bytes:
    chunks = []
    while True:
        chunk = conn.recv(1 << 20)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def serve_run(conn_fd: int) -> None:
    conn = socket.socket(fileno=conn_fd)
    request = json.loads(_receive_all(conn))
    try:
        response = supervise(request)
    except Exception:
        response = {"status": "crashed", "notes": ["sandbox failure: " + traceback.format_exc()]}
    conn.sendall(_dumps(response).encode())
    conn.close()


def isolate_run(request: dict, notes: list[str]) -> tuple[bool, bool]:
    """Give the run its own pid namespace and, where possible, a private filesystem view
    (scratch tmpfs on /tmp, /var/tmp and /dev/shm; HOME and protected directories hidden).

    Returns (own pid namespace, private filesystem). Without a pid namespace, processes are
    tracked with a subreaper instead; without a private filesystem, the unprivileged uid and
    file permissions are what protects the bank and HOME.
    """
    try:
        _libc_call("unshare", CLONE_NEWPID | CLONE_NEWNS)
    except OSError as error:
        notes.append(f"no mount namespace for this run ({error.strerror})")
        try:
            _libc_call("unshare", CLONE_NEWPID)
        except OSError as pid_error:
            notes.append(
                f"no pid namespace for this run ({pid_error.strerror}): processes are tracked "
                "with a subreaper instead"
            )
            return False, False
        return True, False
    mounted: list[str] = []
    try:
        _mount(None, "/", None, MS_REC | MS_PRIVATE, None)
        keep = [path for path in request["keep_paths"] if os.path.isdir(path)]
        keep_fds = {path: os.open(path, os.O_PATH | os.O_DIRECTORY) for path in keep}
        if not make_read_only("/"):
            notes.append("the file system outside the run's scratch space is not read-only")
        for scratch in ("/tmp", "/var/tmp", "/dev/shm"):
            if os.path.isdir(scratch):
                _mount("tmpfs", scratch, "tmpfs", MS_NOSUID | MS_NODEV, SCRATCH_TMPFS)
                mounted.append(scratch)
        for hidden in request["hidden_paths"]:
            if os.path.isdir(hidden):
                _mount("tmpfs", hidden, "tmpfs", MS_NOSUID | MS_NODEV, "size=1m,mode=755")
                mounted.append(hidden)
        for path, fd in keep_fds.items():
            if not os.path.isdir(path):  # now hidden: bind the original back, read-only
                os.makedirs(path, mode=0o755, exist_ok=True)
                _mount(f"/proc/self/fd/{fd}", path, None, MS_BIND | MS_REC, None)
                mounted.append(path)
                _mount(None, path, None, MS_BIND | MS_REMOUNT | MS_RDONLY, None)
            os.close(fd)
    except OSError as error:
        for path in reversed(mounted):
            _libc.umount2(path.encode(), MNT_DETACH)
        notes.append(f"no private /tmp or hidden directories for this run ({error.strerror})")
        return True, False
    return True, True


def make_read_only(path: str) -> bool:
    """Every mount at and below `path` read-only in this mount namespace (mount_setattr(2),
    Linux 5.12+): task code can then write only into the scratch tmpfs mounted afterwards."""
    attributes = ctypes.create_string_buffer(struct.pack("QQQQ", MOUNT_ATTR_RDONLY, 0, 0, 0))
    result = _libc.syscall(SYS_MOUNT_SETATTR, AT_FDCWD, path.encode(), AT_RECURSIVE, attributes, 32)
    return result == 0


def world_readable(paths: list[str]) -> bool:
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


def supervise(request: dict) -> dict:
    options = request["options"]
    notes: list[str] = []
    started = _perf_counter()
    _libc_call("prctl", PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    own_namespace, private_files = (
        isolate_run(request, notes)
        if request["isolate"]
        else (
            False,
            False,
        )
    )
    uid = request["uid"]
    if uid is not None and not private_files and not world_readable(request["keep_paths"]):
        uid = None
        notes.append(
            "task code ran as root: the interpreter's files are readable only by their owner "
            "and could not be bound into a private filesystem view"
        )
    request["uid"] = uid
    import tempfile

    root = tempfile.mkdtemp(prefix=RUN_DIRECTORY_PREFIX, dir="/tmp")
    os.chmod(root, 0o755)
    task_path = os.path.join(root, "task.py")
    with open(task_path, "w", encoding="utf-8") as handle:
        handle.write(request["program"])
    os.chmod(task_path, 0o644)
    workdir = os.path.join(root, "work")
    os.mkdir(workdir, 0o700)
    if uid is not None:
        os.chown(workdir, uid, uid)
    result_r, result_w = os.pipe()
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    forked = _perf_counter()
    reaper = os.fork()
    if reaper == 0:
        os.close(result_r)
        os.close(out_r)
        os.close(err_r)
        os.setsid()
        harness_pid = os.fork()
        if harness_pid == 0:
            _emit(result_w, {"event": "forked", "clock": _perf_counter()})
            try:
                prepare_harness(request, workdir, (result_w, out_w, err_w))
                run_harness(request, task_path, result_w)
            except BaseException:
                _emit(result_w, {"event": "harness_error", "traceback": traceback.format_exc()})
            _flush_standard_streams()
            _exit(0)
        for fd in (result_w, out_w, err_w):
            os.close(fd)
        _exit(_wait_for(harness_pid))
    for fd in (result_w, out_w, err_w):
        os.close(fd)
    deadline = started + float(options["timeout_s"])
    streams = _collect(reaper, {result_r: "result", out_r: "stdout", err_r: "stderr"}, deadline)
    collected = _perf_counter()
    timed_out = streams.pop("timed_out")
    status = streams.pop("status")
    leftovers = _kill_descendants()
    if leftovers and not own_namespace:
        notes.append(f"killed {leftovers} process(es) the task left behind")
    response = build_response(streams, status, timed_out, task_path, options, notes)
    finished = _perf_counter()
    response["duration_s"] = finished - started
    response["timings"] = {
        "setup": forked - started,
        "run": collected - forked,
        "analysis": finished - collected,
    }
    import shutil

    shutil.rmtree(root, ignore_errors=True)
    return response


def _wait_for(pid: int) -> int:
    """Reap everything (we are init of the run's namespace) until the harness ends."""
    while True:
        try:
            finished, status = os.wait()
        except ChildProcessError:
            return 125
        if finished == pid:
            if os.WIFSIGNALED(status):
                return 128 + os.WTERMSIG(status)
            return os.WEXITSTATUS(status)


def _collect(reaper: int, fds: dict[int, str], deadline: float) -> dict:
    """Read the result and output pipes until the run ends or the deadline passes.

    The run has ended when the reaper has exited and the pipes are drained; a straggler that
    still holds a pipe open (possible only without a pid namespace) does not keep us waiting.
    """
    buffers: dict[str, bytearray] = {name: bytearray() for name in fds.values()}
    totals = {name: 0 for name in fds.values()}
    open_fds = set(fds)
    timed_out = False
    status = None
    while open_fds:
        now = _perf_counter()
        if status is None:
            finished, waited = os.waitpid(reaper, os.WNOHANG)
            if finished:
                status = waited
                deadline = min(deadline, now + 0.5)
        remaining = deadline - now
        if remaining <= 0:
            if status is None:
                timed_out = True
                os.kill(reaper, signal.SIGKILL)
            break
        readable, _, _ = select.select(list(open_fds), [], [], min(remaining, 0.05))
        for fd in readable:
            chunk = os.read(fd, 1 << 16)
            name = fds[fd]
            if not chunk:
                open_fds.discard(fd)
                continue
            totals[name] += len(chunk)
            buffer = buffers[name]
            buffer.extend(chunk)
            if name != "result" and len(buffer) > 2 * OUTPUT_TAIL_BYTES:
                del buffer[: len(buffer) - OUTPUT_TAIL_BYTES]
            if name == "result" and totals[name] > EVENT_BYTES_LIMIT:
                os.kill(reaper, signal.SIGKILL)
                open_fds.discard(fd)
    for fd in fds:
        os.close(fd)
    return {
        "result": bytes(buffers["result"]),
        "stdout": bytes(buffers["stdout"][-OUTPUT_TAIL_BYTES:]),
        "stderr": bytes(buffers["stderr"][-OUTPUT_TAIL_BYTES:]),
        "stdout_bytes": totals["stdout"],
        "stderr_bytes": totals["stderr"],
        "timed_out": timed_out,
        "status": status if status is not None else os.waitpid(reaper, 0)[1],
    }


def _kill_descendants() -> int:
    """Kill and reap whatever was reparented to us (we are a child subreaper).

    Only where /proc shows our own pid namespace: its pids must be the ones we can signal.
    """
    killed = 0
    if os.readlink("/proc/self") != str(os.getpid()):
        return 0
    for _ in range(50):
        children = _children_of(os.getpid())
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
    _reap_children()
    return killed


def _children_of(parent: int) -> list[int]:
    children = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == parent and fields[0] != "Z":
            children.append(int(entry))
    return children


def build_response(
    streams: dict, status: int, timed_out: bool, task_path: str, options: dict, notes: list[str]
) -> dict:
    events = []
    for line in streams["result"].split(b"\n"):
        if line.strip():
            try:
                events.append(json.loads(line))
            except ValueError:
                notes.append("the result channel held a malformed record")
    code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else 128 + os.WTERMSIG(status)
    response: dict = {
        "events": events,
        "exit_code": code,
        "timed_out": timed_out,
        "stdout_tail": streams["stdout"].decode("utf-8", "replace"),
        "stderr_tail": streams["stderr"].decode("utf-8", "replace"),
        "stdout_bytes": streams["stdout_bytes"],
        "stderr_bytes": streams["stderr_bytes"],
        "notes": notes,
        "coverage": None,
    }
    arcs = next((event["arcs"] for event in events if event.get("event") == "arcs"), None)
    if arcs and options.get("coverage", True):
        response["coverage"] = analyse_coverage(task_path, [tuple(arc) for arc in arcs])
    return response


def analyse_coverage(task_path: str, arcs: list[tuple[int, int]]) -> dict:
    """Branch and line coverage of the task program, from the arcs the harness recorded."""
    import coverage

    cov = coverage.Coverage(data_file=None, branch=True, include=[task_path], config_file=False)
    cov.get_data().add_arcs({task_path: arcs})
    report_path = task_path + ".coverage.json"
    with open(os.devnull, "w") as quiet:
        stdout, sys.stdout = sys.stdout, quiet
        try:
            cov.json_report(outfile=report_path)
        finally:
            sys.stdout = stdout
    with open(report_path) as handle:
        files = json.load(handle)["files"]  # keyed by a path relative to the cwd
    if len(files) != 1:
        return {}
    (report,) = files.values()
    summary = report["summary"]
    return {
        "num_statements": summary["num_statements"],
        "covered_lines": summary["covered_lines"],
        "num_branches": summary["num_branches"],
        "covered_branches": summary["covered_branches"],
        "missed_lines": report["missing_lines"],
        "missed_branches": report["missing_branches"],
    }


# -- harness (runs as the unprivileged user) -----------------------------------------------------


def prepare_harness(request: dict, workdir: str, pipes: tuple[int, int, int]) -> None:
    """Redirect output, close every other descriptor, set limits, drop privileges, scrub env."""
    result_w, out_w, err_w = pipes
    options = request["options"]
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.dup2(out_w, 1)
    os.dup2(err_w, 2)
    os.closerange(3, result_w)
    os.closerange(result_w + 1, 65536)
    budget = int(options["memory_mb"]) * 1024 * 1024
    address_space = vm_size_bytes() + budget
    resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))
    cpu = int(float(options["timeout_s"])) + 5
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
    _libc_call("prctl", PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)
    os.chdir(workdir)
    keep_path = os.environ.get("PATH", "/usr/local/bin:/usr/bin:/bin")
    os.environ.clear()
    os.environ.update(
        {
            "PATH": keep_path,
            "HOME": workdir,
            "TMPDIR": workdir,
            "TZ": options["tz"],
            "LANG": "C.UTF-8",
            "USER": "sandbox",
            "LOGNAME": "sandbox",
            "MPLBACKEND": "Agg",
            "MPLCONFIGDIR": os.path.join(workdir, ".matplotlib"),
            "PYTHONDONTWRITEBYTECODE": "1",
            "CURATOR_SANDBOX": request["sandbox_id"],
            **{variable: "1" for variable in THREAD_VARIABLES},
            **request.get("variables", {}),
        }
    )
    if request["hash_seed"] is not None:
        os.environ["PYTHONHASHSEED"] = str(request["hash_seed"])
    time.tzset()
    import tempfile

    tempfile.tempdir = None
    if "numpy" in sys.modules and options.get("random_seed") is None:
        # A fork shares the zygote's generator state; a fresh process would not.
        sys.modules["numpy"].random.seed()
    if float(options.get("clock_offset_s") or 0.0):
        shift_clock(float(options["clock_offset_s"]))


def shift_clock(offset: float) -> None:
    """Move the wall clock seen by the task by `offset` seconds (monotonic clocks untouched)."""
    import datetime as datetime_module

    real_time, real_time_ns = time.time, time.time_ns
    time.time = lambda: real_time() + offset
    time.time_ns = lambda: real_time_ns() + int(offset * 1e9)
    real_datetime = datetime_module.datetime
    delta = datetime_module.timedelta(seconds=offset)

    class _Meta(type):
        def __instancecheck__(cls, instance: object) -> bool:
            return isinstance(instance, cls.__bases__[0])

    class ShiftedDatetime(real_datetime, metaclass=_Meta):  # type: ignore[misc]
        @classmethod
        def now(cls, tz=None):
            return real_datetime.now(tz) + delta

        @classmethod
        def utcnow(cls):
            return real_datetime.utcnow() + delta

    # `today()` needs no override: CPython computes it from `time.time()`, already shifted.

    datetime_module.datetime = ShiftedDatetime


def _emit(fd: int, event: dict) -> None:
    data = _dumps(event).encode() + b"\n"
    while data:
        written = _write(fd, data)
        data = data[written:]


def _flush_standard_streams() -> None:
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):  # the task may have closed or replaced them
            stream.flush()


def _unittest_state() -> dict[str, int]:
    """Identity of every attribute of unittest's machinery, to notice a task patching it."""
    import unittest
    import unittest.case
    import unittest.loader
    import unittest.result
    import unittest.suite

    state = {}
    for owner in (
        unittest,
        unittest.case,
        unittest.result,
        unittest.loader,
        unittest.suite,
        unittest.case.TestCase,
        unittest.case._Outcome,
        unittest.result.TestResult,
        unittest.loader.TestLoader,
        unittest.suite.TestSuite,
    ):
        for name, value in list(vars(owner).items()):
            state[f"{getattr(owner, '__name__', owner)}.{name}"] = id(value)
    return state


def _tampered(before: dict[str, int]) -> list[str]:
    """Names replaced or removed (new module attributes are fine: unittest adds some lazily)."""
    after = _unittest_state()
    changed = [name for name, identity in before.items() if after.get(name) != identity]
    return sorted(changed)


def _missing_module(error: BaseException) -> str | None:
    """The top-level module of an import error, if that module really is not installed."""
    import importlib.util

    if not isinstance(error, ModuleNotFoundError) or not error.name:
        return None
    top = error.name.split(".")[0]
    try:
        return top if importlib.util.find_spec(top) is None else None
    except (ImportError, ValueError):
        return top


def run_harness(request: dict, task_path: str, result_fd: int) -> None:
    import linecache
    import types
    import unittest

    options = request["options"]
    emit = lambda event: _emit(result_fd, event)  # noqa: E731
    emit({"event": "started", "clock": _perf_counter()})
    test_case_class = unittest.TestCase
    run_test = unittest.TestCase.run
    loader = unittest.TestLoader()
    baseline = _unittest_state()

    class HarnessResult(unittest.TestResult):
        """Remembers how the one test it sees ended."""

        outcome: str | None = None
        error: tuple | None = None

        def addSuccess(self, test):
            self.outcome = self.outcome or "pass"

        def addFailure(self, test, err):
            self.outcome, self.error = "fail", err

        def addError(self, test, err):
            self.outcome, self.error = "error", err

        def addSubTest(self, test, subtest, err):
            if err is not None:
                failed = issubclass(err[0], test.failureException)
                if self.outcome != "error":
                    self.outcome, self.error = ("fail" if failed else "error"), err

        def addSkip(self, test, reason):
            self.outcome, self.error = "skip", None
            self.skip_reason = reason

        def addExpectedFailure(self, test, err):
            self.outcome = "pass"

        def addUnexpectedSuccess(self, test):
            self.outcome = "fail"

    tests_path = os.path.join(os.path.dirname(task_path), "tests.py")
    tests_source = request["tests"]
    # The tests exist only in memory (never as a file the task could read); their lines are
    # lent to linecache only while a traceback is formatted.
    tests_lines = (len(tests_source), None, tests_source.splitlines(keepends=True), tests_path)

    def format_traceback(kind: type, value: BaseException, trace: object) -> str:
        linecache.cache[tests_path] = tests_lines
        try:
            return "".join(traceback.format_exception(kind, value, trace))
        finally:
            linecache.cache.pop(tests_path, None)

    cov = None
    if options["coverage"]:
        os.environ["COVERAGE_CORE"] = "ctrace"
        import coverage

        cov = _warm_measurement or coverage.Coverage(
            data_file=None, branch=True, include=[task_path], config_file=False
        )
    module = types.ModuleType(MODULE_NAME)
    module.__file__ = task_path
    sys.modules[MODULE_NAME] = module
    with open(task_path, encoding="utf-8") as handle:
        program = handle.read()

    def load(source: str, path: str, what: str) -> bool:
        try:
            code = compile(source, path, "exec")
        except SyntaxError as error:
            emit({"event": "invalid", "message": f"{what} does not compile: {error}"})
            return False
        try:
            exec(code, module.__dict__)
        except BaseException as error:
            missing = _missing_module(error)
            if missing:
                emit({"event": "missing_module", "module": missing})
            else:
                emit(
                    {
                        "event": "invalid",
                        "message": f"{what} raised {type(error).__name__}: {error}",
                        "traceback": format_traceback(type(error), error, error.__traceback__),
                    }
                )
            return False
        return True

    if cov is not None:
        cov.start()
    loaded = load(program, task_path, "the task program") and load(
        tests_source, tests_path, "the tests"
    )
    test_cases = module.__dict__.get("TestCases")
    if loaded:
        if not callable(module.__dict__.get(request["entry_point"])):
            emit({"event": "invalid", "message": f"no entry point {request['entry_point']!r}"})
            loaded = False
        elif not (isinstance(test_cases, type) and issubclass(test_cases, test_case_class)):
            emit({"event": "invalid", "message": "the tests define no unittest TestCases class"})
            loaded = False
    names: list[str] = []
    if loaded:
        names = list(loader.getTestCaseNames(test_cases))
        if options.get("test_order") is not None:
            names = list(options["test_order"])
        emit({"event": "tests", "names": names, "clock": _perf_counter()})
        changed = _tampered(baseline)
        if changed:
            emit({"event": "tampered", "names": changed[:10]})
            loaded = False
    random_seed = options.get("random_seed")
    for name in names if loaded else []:
        emit({"event": "start", "test": name})
        if random_seed is not None:
            _seed_everything(int(random_seed))
        result = HarnessResult()
        began = _perf_counter()
        try:
            test = test_cases(name)
        except (ValueError, AttributeError):
            emit(
                {
                    "event": "end",
                    "test": name,
                    "outcome": "error",
                    "duration_s": 0.0,
                    "message": f"no test method {name!r} in TestCases",
                }
            )
            continue
        run_test(test, result)
        duration = _perf_counter() - began
        changed = _tampered(baseline)
        event = {"event": "end", "test": name, "outcome": result.outcome, "duration_s": duration}
        if changed:
            event.update(
                outcome="error", message="the task modified unittest: " + ", ".join(changed[:5])
            )
        elif result.outcome is None:
            event.update(outcome="error", message="the test recorded no outcome")
        elif result.error is not None:
            kind, value, trace = result.error
            event["message"] = "".join(traceback.format_exception_only(kind, value)).strip()
            event["traceback"] = format_traceback(kind, value, trace)
            event["memory"] = issubclass(kind, MemoryError)
            missing = _missing_module(value)
            if missing:
                emit({"event": "missing_module", "module": missing})
        elif result.outcome == "skip":
            event["message"] = getattr(result, "skip_reason", None)
        emit(event)
        if changed:
            break
    if cov is not None:
        cov.stop()
        stopped = _perf_counter()
        arcs = sorted(cov.get_data().arcs(task_path) or [])
        emit({"event": "arcs", "arcs": arcs, "clock": stopped, "clock_after": _perf_counter()})
    if loaded and options.get("doctests"):
        emit(run_doctests(module, request["entry_point"]))
    emit({"event": "done", "clock": _perf_counter()})


def _seed_everything(seed: int) -> None:
    import random

    random.seed(seed)
    numpy = sys.modules.get("numpy")
    if numpy is None:
        try:
            import numpy
        except ImportError:
            return
    numpy.random.seed(seed)


def run_doctests(module: object, entry_point: str) -> dict:
    """Run the entry point's docstring examples, as BigCodeBench's annotation CI did."""
    import doctest
    import io

    function = getattr(module, entry_point)
    finder = doctest.DocTestFinder(recurse=False)
    flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    runner = doctest.DocTestRunner(optionflags=flags)
    output = io.StringIO()
    for test in finder.find(function, entry_point, globs=dict(vars(module))):
        runner.run(test, out=output.write)
    outcome = runner.summarize(verbose=False)
    return {
        "event": "doctest",
        "attempted": outcome.attempted,
        "failed": outcome.failed,
        "report": output.getvalue()[-OUTPUT_TAIL_BYTES:],
    }


def main(argv: list[str]) -> None:
    control_fd = int(argv[argv.index("--control-fd") + 1])
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    zygote(control_fd, preload_libraries="--preload" in argv, coverage="--coverage" in argv)
    _exit(0)  # skip finalizing numpy, pandas and friends: nothing of ours needs it


if __name__ == "__main__":
    main(sys.argv[1:])
