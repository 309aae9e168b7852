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

Outcomes: the harness (harness.py) alone decides them and signs its records with a per-run key
(protocol.py); `build_response` here, outside the task's process, accepts only signed records in
the harness's order and turns anything else into `tampering`. The residual risk of running the
harness in the task's process is stated in harness.py. Where the machine forbids namespaces, the
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
import types


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
OUTPUT_FINDING_BYTES = 1024 * 1024
EVENT_BYTES_LIMIT = 64 * 1024 * 1024
FILE_SIZE_LIMIT = 256 * 1024 * 1024
SCRATCH_TMPFS = "size=512m,mode=1777"
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
PRELOAD = ("numpy", "pandas", "matplotlib", "matplotlib.pyplot", "scipy", "sklearn")
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
    key = protocol.new_key()
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
            channel = protocol.Channel(result_w, key, protocol.HARNESS)
            channel.emit(protocol.Event.FORKED, clock=_perf_counter())
            try:
                prepare_harness(request, workdir, (result_w, out_w, err_w))
                harness.run_harness(request, task_path, channel, _warm_measurement)
            except BaseException:
                channel.emit(protocol.Event.HARNESS_ERROR, traceback=traceback.format_exc())
            _flush_standard_streams()
            _exit(0)
        for fd in (out_w, err_w):
            os.close(fd)
        code = _wait_for(harness_pid)
        leftover_count = harness.kill_leftovers()
        protocol.Channel(result_w, key, protocol.REAPER).emit(
            protocol.Event.LEFTOVERS, count=leftover_count
        )
        _exit(code)
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
    response = build_response(streams, status, timed_out, task_path, request, notes, key, leftovers)
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
    streams: dict,
    status: int,
    timed_out: bool,
    task_path: str,
    request: dict,
    notes: list[str],
    key: bytes,
    leftovers: int,
) -> dict:
    """Check the run's records (outside the task's process), then measure coverage from the
    harness's one arcs record and gather the runtime findings."""
    options = request["options"]
    records, tampering = protocol.read_records(streams["result"], key)
    try:
        declared: set[str] | None = harness.declared_tests(request["tests"]).names
    except SyntaxError:
        declared = set()
    if options.get("test_order") is not None:
        declared = None
    tampering += protocol.check_order(records, declared)
    code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else 128 + os.WTERMSIG(status)
    done = any(
        record["event"] == protocol.Event.DONE and record["from"] == protocol.HARNESS
        for record in records
    )
    if done and code != 0 and not timed_out:
        tampering.append(f"the harness exited with status {code} after its last record")
    runtime: list[dict] = []
    for record in records:
        if record["event"] == protocol.Event.TAMPERING:
            tampering.extend(str(reason) for reason in record.get("reasons", []))
        elif record["event"] == protocol.Event.RUNTIME:
            runtime.extend(record.get("findings", []))
        elif record["event"] == protocol.Event.LEFTOVERS:
            leftovers += int(record.get("count", 0))
    if leftovers:
        runtime.append(
            {
                "code": "leftover_processes",
                "message": f"{leftovers} process(es) still running when the tests ended (killed)",
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
    response: dict = {
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
    arcs = next(
        (record["arcs"] for record in records if record["event"] == protocol.Event.ARCS), None
    )
    if isinstance(arcs, list) and len(arcs) > protocol.ARCS_LIMIT:
        notes.append(f"coverage not measured: over {protocol.ARCS_LIMIT} arcs")
    elif arcs and options.get("coverage", True) and not tampering:
        response["coverage"] = analyse_coverage(task_path, [(int(a), int(b)) for a, b in arcs])
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


def _flush_standard_streams() -> None:
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):  # the task may have closed or replaced them
            stream.flush()


def main(argv: list[str]) -> None:
    control_fd = int(argv[argv.index("--control-fd") + 1])
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    zygote(control_fd, preload_libraries="--preload" in argv, coverage="--coverage" in argv)
    _exit(0)  # skip finalizing numpy, pandas and friends: nothing of ours needs it


if __name__ == "__main__":
    main(sys.argv[1:])
