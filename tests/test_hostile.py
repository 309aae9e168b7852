"""Hostile task programs get a clear verdict and never hurt the app, the bank or HOME.

Each file in tests/hostile/programs/ is a task program and its tests (split at `# ---- tests`),
with the expected run status and verdict in its header, and optionally the runtime finding
codes it must get (`expect-runtime`, exactly those), a part of its message (`expect-message`;
`tampering` also requires every test to be an error and no coverage figures), its branch
coverage (`expect-branch-coverage`), the least time each test took
(`expect-test-seconds-at-least`) and the most its stored report may hold
(`expect-report-bytes-at-most`). The `forge_*` programs are wrong solutions trying to report
themselves passing. `@@NAME@@` placeholders are
filled in here: the bank's and HOME's real paths, a unique marker, the port of a server on the
host's loopback, a unix socket a host process listens on, canary files and their secret. After
every case: the bank and HOME's files are byte-for-byte unchanged, nothing new is in /tmp, the
host's socket saw no connection, and no process of the sandbox is left. (Program file names must
not match pytest's `test_*.py` / `*_test.py`: pytest would import them.)

CI runs as root; `test_isolation_as_an_ordinary_user` runs this module again as an unprivileged
uid (where task code is root of a user namespace), so every case holds in both modes.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import socket
import subprocess
import sysconfig
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import (
    PROJECT_ROOT,
    SYSTEM_PYTHON,
    expected_verdicts,
    make_task,
    skip_unless_system_python_matches,
)
from curator.bank import Bank
from curator.sandbox import Sandbox
from curator.sandbox.worker import world_readable
from curator.validation import validate_task

PROGRAMS = Path(__file__).parent / "hostile" / "programs"
CASES = sorted(PROGRAMS.glob("*.py"))
TESTS_SEPARATOR = "# ---- tests ----\n"
NEEDS_ISOLATION = {
    "kill_parent",
    "write_outside",
    "cheat_read_tests",
    "read_canaries",
    "append_bashrc",
    "unmount_tmp",
    "reach_git",
    "unix_socket",
    "capabilities",
}
CANARY_SECRET = f"canary-{uuid.uuid4().hex}"
ORDINARY_UID = 63999  # below the sandbox's own uids (64000 + slot)


@dataclass
class HostileCase:
    name: str
    expect_status: str
    expect_verdicts: set[str]
    timeout_s: float
    program: str
    tests: str
    expect_runtime: set[str]
    expect_message: str | None
    expect_branch_coverage: float | None
    expect_test_seconds_at_least: float | None
    expect_report_bytes_at_most: int | None


def load_case(path: Path, substitutions: dict[str, str]) -> HostileCase:
    text = path.read_text()
    for placeholder, value in substitutions.items():
        text = text.replace(f"@@{placeholder}@@", value)
    header = dict(re.findall(r"^# ([a-z-]+): (.+)$", text, re.MULTILINE))
    program, separator, tests = text.partition(TESTS_SEPARATOR)
    assert separator, f"{path} has no {TESTS_SEPARATOR!r} line"
    return HostileCase(
        name=path.stem,
        expect_status=header["expect-status"],
        expect_verdicts=expected_verdicts(header["expect-verdict"]),
        timeout_s=float(header["timeout"]),
        expect_runtime={code.strip() for code in header.get("expect-runtime", "").split(",")}
        - {""},
        expect_message=header.get("expect-message"),
        expect_branch_coverage=(
            float(header["expect-branch-coverage"]) if "expect-branch-coverage" in header else None
        ),
        expect_test_seconds_at_least=(
            float(header["expect-test-seconds-at-least"])
            if "expect-test-seconds-at-least" in header
            else None
        ),
        expect_report_bytes_at_most=(
            int(header["expect-report-bytes-at-most"])
            if "expect-report-bytes-at-most" in header
            else None
        ),
        program=program,
        tests=tests,
    )


@pytest.fixture(scope="module")
def hostile_bank(tmp_path_factory: pytest.TempPathFactory) -> Bank:
    bank = Bank.init(tmp_path_factory.mktemp("hostile") / "bank")
    with bank.lock():
        bank.add_all([make_task("Victim/1")])
    (bank.root / "canary.txt").write_text(CANARY_SECRET)
    return bank


@pytest.fixture(scope="module")
def home_canary() -> Iterator[Path]:
    path = Path.home() / f"curator-hostile-canary-{uuid.uuid4().hex}.txt"
    path.write_text(CANARY_SECRET)
    yield path
    path.unlink()


@dataclass
class UnixServer:
    path: Path
    accepted: int = 0


@pytest.fixture(scope="module")
def unix_server() -> Iterator[UnixServer]:
    """A unix socket a host process listens on; no run may connect to it."""
    directory = Path(tempfile.mkdtemp(prefix="curator-hostile-socket-"))
    directory.chmod(0o755)
    server = UnixServer(directory / "host.sock")
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(str(server.path))
    server.path.chmod(0o777)
    listener.listen()
    listener.settimeout(0.2)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except OSError:
                continue
            server.accepted += 1
            connection.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield server
    stop.set()
    thread.join()
    listener.close()
    shutil.rmtree(directory)


@pytest.fixture(scope="module")
def sandbox(hostile_bank: Bank) -> Iterator[Sandbox]:
    with Sandbox(protect=[hostile_bank.root]) as shared:
        shared.start()  # its caches in HOME exist before any case takes HOME's snapshot
        yield shared


@pytest.fixture(scope="module")
def loopback_port() -> Iterator[int]:
    """A real TCP server on the host's loopback; the sandbox must not reach it."""
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(0.2)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                connection, _ = server.accept()
                connection.close()
            except OSError:
                continue

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield server.getsockname()[1]
    stop.set()
    thread.join()
    server.close()


def tree_snapshot(root: Path) -> dict[str, str]:
    snapshot = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            snapshot[str(path.relative_to(root))] = hashlib.sha256(path.read_bytes()).hexdigest()
        elif path.is_dir():
            snapshot[str(path.relative_to(root))] = "dir"
    return snapshot


def home_snapshot(home: Path) -> dict[str, str]:
    """HOME's own entries, files by content (HOME itself may be large: not recursive)."""
    snapshot = {}
    for path in sorted(home.iterdir()):
        if path.is_file() and not path.is_symlink():
            snapshot[path.name] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            snapshot[path.name] = "other"
    return snapshot


def surviving_processes(sandbox_id: str, marker: str) -> list[str]:
    """Processes started by this sandbox's runs (by environment) or carrying the marker."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) == os.getpid():
            continue
        try:
            environ = Path(f"/proc/{entry}/environ").read_bytes()
            cmdline = Path(f"/proc/{entry}/cmdline").read_bytes()
        except OSError:
            continue
        if f"CURATOR_SANDBOX={sandbox_id}".encode() in environ or marker.encode() in cmdline:
            command = cmdline.replace(b"\0", b" ").decode(errors="replace")
            found.append(f"{entry}: {command}")
    return found


def wait_for_no_survivors(sandbox_id: str, marker: str) -> list[str]:
    deadline = time.monotonic() + 5
    while (left := surviving_processes(sandbox_id, marker)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return left


def wait_for_no_leftovers(tmp_before: list[str], marker: str) -> list[str]:
    """New run directories or marked files in /tmp that stay. (Other runs going on meanwhile,
    unisolated ones in parallel tests or a worker warming up, have theirs only briefly.)"""
    deadline = time.monotonic() + 5
    while True:
        new = set(os.listdir("/tmp")) - set(tmp_before)
        left = sorted(name for name in new if "curator-run" in name or marker in name)
        if not left or time.monotonic() > deadline:
            return left
        time.sleep(0.1)


@pytest.mark.parametrize("path", CASES, ids=[path.stem for path in CASES])
def test_hostile_program(
    path: Path,
    sandbox: Sandbox,
    hostile_bank: Bank,
    loopback_port: int,
    home_canary: Path,
    unix_server: UnixServer,
) -> None:
    marker = f"curator-hostile-{uuid.uuid4().hex}"
    home = Path.home()
    case = load_case(
        path,
        {
            "BANK": str(hostile_bank.root),
            "HOME": str(home),
            "PROJECT": str(PROJECT_ROOT),
            "MARKER": marker,
            "PORT": str(loopback_port),
            "SOCKET": str(unix_server.path),
            "HOME_CANARY": str(home_canary),
            "CANARY": CANARY_SECRET,
        },
    )
    if case.name == "network" and not sandbox.network_isolated:
        pytest.skip("this machine does not allow a network namespace")
    if case.name in NEEDS_ISOLATION and not sandbox.network_isolated and not sandbox.uids:
        # Neither namespaces nor a dedicated uid: task code runs as this very user and could
        # signal pytest or write the bank. The runs say so in their notes.
        pytest.skip("no namespaces and no unprivileged uid on this machine")
    bank_before = tree_snapshot(hostile_bank.root)
    home_before = home_snapshot(home)
    tmp_before = sorted(os.listdir("/tmp"))
    task = make_task(
        f"Hostile/{case.name}", complete_prompt=case.program, canonical_solution="", test=case.tests
    )

    report = validate_task(task, sandbox, timeout_s=case.timeout_s)
    stored = report.model_dump_json(indent=2)  # it can be stored: all it holds is valid UTF-8

    assert report.run_status == case.expect_status, report.message
    assert report.verdict.value in case.expect_verdicts, report.message
    assert {finding.code for finding in report.runtime} == case.expect_runtime, report.runtime
    if case.expect_message is not None:
        assert case.expect_message in (report.message or "")
    if case.expect_branch_coverage is not None:
        assert report.branch_coverage == case.expect_branch_coverage
    if case.expect_test_seconds_at_least is not None:
        durations = [test.duration_s or 0.0 for test in report.tests.values()]
        assert min(durations) >= case.expect_test_seconds_at_least, durations
    if case.expect_report_bytes_at_most is not None:
        assert len(stored.encode()) <= case.expect_report_bytes_at_most
    if case.expect_message == "tampering":
        assert report.tampering
        assert {test.outcome for test in report.tests.values()} <= {"error"}
        assert report.branch_coverage is None
    assert tree_snapshot(hostile_bank.root) == bank_before
    assert home_snapshot(home) == home_before
    assert unix_server.accepted == 0
    assert wait_for_no_leftovers(tmp_before, marker) == []
    assert not (PROJECT_ROOT / f"evil-{marker}.txt").exists()
    assert wait_for_no_survivors(sandbox.id, marker) == []
    outcomes = {name: test.outcome for name, test in report.tests.items()}
    if case.name == "os_exit_in_test_method":
        assert outcomes == {"test_a_exits": "error", "test_b_never_runs": "error"}
        assert report.tests["test_a_exits"].started
        assert not report.tests["test_b_never_runs"].started
    elif case.name == "sys_exit_in_test_method":
        assert outcomes == {"test_exits": "error", "test_still_runs": "pass"}
    elif case.name == "patch_unittest":  # refused while the program loads: no test runs
        assert "tried to replace TestCase.run" in (report.message or "")
        assert set(outcomes.values()) <= {"error"}
    elif case.name == "hide_cpu_in_orphans":  # it computed: not a run that waited
        assert "timeout" in outcomes.values()
        assert not report.waited, report.time_limit_notes
    elif case.name == "print_1gb":
        assert 0 < len(report.stdout_tail) <= 4000
        assert set(report.stdout_tail) == {"x"}
    elif case.expect_status == "timeout":
        assert "timeout" in outcomes.values()
    elif case.name == "fill_scratch":
        assert "No space left on device" in (report.tests["test_fill"].message or "")
    elif case.name == "memory_children":
        assert "2048 MB" in (report.message or "")


def test_sandbox_still_works_after_the_hostile_programs(sandbox: Sandbox) -> None:
    task = make_task()
    report = validate_task(task, sandbox)
    assert report.verdict.value == "pass", report.message
    assert report.branch_coverage == 100.0
    assert wait_for_no_survivors(sandbox.id, "curator-hostile-") == []


def test_without_namespaces_leftovers_are_still_killed_and_reported(tmp_path: Path) -> None:
    """The fallback for machines that forbid unshare: the run says the network is not isolated,
    and a daemon the task leaves behind is still killed (by the subreaper)."""
    marker = f"curator-hostile-{uuid.uuid4().hex}"
    case = load_case(
        PROGRAMS / "daemon.py",
        {
            "BANK": str(tmp_path),
            "HOME": str(Path.home()),
            "PROJECT": str(PROJECT_ROOT),
            "MARKER": marker,
            "PORT": "9",
        },
    )
    with Sandbox(isolate=False) as unisolated:
        run = unisolated.run(case.program, case.tests)
        assert run.passed, run.message
        assert not run.network_isolated
        assert any("network not isolated" in note for note in run.notes)
        assert wait_for_no_survivors(unisolated.id, marker) == []


MESSAGE_QUEUE_PROGRAM = '''import ctypes

def task_func(key, create):
    """
    Leave a SysV message queue behind (create=True), or look for one (create=False).

    Returns:
    bool: Whether the queue exists now.
    """
    libc = ctypes.CDLL(None, use_errno=True)
    flags = 0o1000 | 0o666 if create else 0  # IPC_CREAT
    return libc.msgget(key, flags) != -1
'''


def message_queue_keys() -> set[int]:
    """Keys of the SysV message queues of this IPC namespace."""
    lines = Path("/proc/sysvipc/msg").read_text().splitlines()[1:]
    return {int(line.split()[0]) for line in lines}


def test_message_queues_die_with_the_run(sandbox: Sandbox) -> None:
    """BigCodeBench-style tasks run one after another in one worker: a SysV queue one leaves
    must reach neither the next run nor outlive curator (each run has its IPC namespace; SysV
    shared memory cannot be made at all, test_sandbox_isolation)."""
    if not sandbox.network_isolated:
        pytest.skip("this machine does not allow namespaces")
    key = int.from_bytes(os.urandom(3), "big") + 1
    tests = "import unittest\nclass TestCases(unittest.TestCase):\n    def test_it(self):\n"
    left = sandbox.run(
        MESSAGE_QUEUE_PROGRAM, tests + f"        self.assertTrue(task_func({key}, True))\n"
    )
    assert left.passed, left.message
    seen = sandbox.run(
        MESSAGE_QUEUE_PROGRAM, tests + f"        self.assertFalse(task_func({key}, False))\n"
    )
    assert seen.passed, seen.message
    assert key not in message_queue_keys()


CONVERSATION_PROGRAM = '''import socket
import time

def task_func(role, port):
    """
    Listen on 127.0.0.1:port for a while (role "server"), or try to connect there ("client").

    Returns:
    bool: Whether the other side was reached.
    """
    if role == "server":
        with socket.create_server(("127.0.0.1", port)) as server:
            server.settimeout(6)
            try:
                server.accept()[0].close()
            except OSError:
                return False
            return True
    deadline = time.monotonic() + 4
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return True
        except OSError:
            time.sleep(0.1)
    return False
'''


def test_concurrent_runs_cannot_talk_over_loopback(sandbox: Sandbox) -> None:
    """Two runs of one `validate --jobs 2` each have a loopback of their own: a fixed port
    neither clashes nor connects them."""
    if not sandbox.network_isolated:
        pytest.skip("this machine does not allow a network namespace")
    port = 20000 + int.from_bytes(os.urandom(2), "big") % 20000
    tests = "import unittest\nclass TestCases(unittest.TestCase):\n    def test_it(self):\n"
    runs = {}

    def run(role: str) -> None:
        check = f"        self.assertFalse(task_func({role!r}, {port}))\n"
        runs[role] = sandbox.run(CONVERSATION_PROGRAM, tests + check)

    server = threading.Thread(target=run, args=("server",))
    server.start()
    time.sleep(0.5)
    run("client")
    server.join()
    assert runs["server"].passed, runs["server"].message
    assert runs["client"].passed, runs["client"].message


@pytest.fixture(scope="module")
def ordinary_user_setup() -> Iterator[tuple[Path, Path, Path]]:
    """A venv of Debian's /usr/bin/python3 that an unprivileged uid can run, seeing this
    project's dependencies (and the project) by a .pth file, or a copy of them where they are
    not readable by others (a clone under root's HOME); a writable HOME for that uid.
    Yields (python, project folder to run in, HOME)."""
    skip_unless_system_python_matches()
    base = Path(tempfile.mkdtemp(prefix="curator-ordinary-user-"))
    base.chmod(0o755)
    subprocess.run([SYSTEM_PYTHON, "-m", "venv", "--without-pip", base / "venv"], check=True)
    site_packages = Path(sysconfig.get_paths()["purelib"])
    project = PROJECT_ROOT
    if not world_readable([str(site_packages.resolve()), str(PROJECT_ROOT)]):
        site_packages = base / "site-packages"
        copy = subprocess.run(["cp", "-al", sysconfig.get_paths()["purelib"], site_packages])
        if copy.returncode != 0:
            shutil.rmtree(site_packages, ignore_errors=True)
            shutil.copytree(sysconfig.get_paths()["purelib"], site_packages, symlinks=True)
        project = base / "project"
        for part in ("curator", "tests", "pyproject.toml"):
            source = PROJECT_ROOT / part
            if source.is_dir():
                shutil.copytree(source, project / part, ignore=shutil.ignore_patterns(".venv"))
            else:
                shutil.copy2(source, project / part)
        subprocess.run(["chmod", "-R", "a+rX", base], check=True)
    venv_site = next((base / "venv" / "lib").glob("python3*/site-packages"))
    (venv_site / "project.pth").write_text(f"{site_packages}\n{project}\n")
    home = base / "home"
    home.mkdir()
    os.chown(home, ORDINARY_UID, ORDINARY_UID)
    yield base / "venv" / "bin" / "python", project, home
    shutil.rmtree(base, ignore_errors=True)


def test_isolation_as_an_ordinary_user(ordinary_user_setup: tuple[Path, Path, Path]) -> None:
    """The second pass: this module again, run by an unprivileged uid in a subprocess, where
    the sandbox works in a user namespace (how most annotators run curator)."""
    if os.geteuid() != 0:
        pytest.skip("already an ordinary user: this run is the ordinary-user pass")
    python, project, home = ordinary_user_setup
    command = [
        "setpriv",
        f"--reuid={ORDINARY_UID}",
        f"--regid={ORDINARY_UID}",
        "--clear-groups",
        "env",
        "-i",
        f"HOME={home}",
        "PATH=/usr/local/bin:/usr/bin:/bin",
        "LANG=C.UTF-8",
        str(python),
        "-m",
        "pytest",
        "-p",
        "no:cacheprovider",
        "-q",
        "-x",
        f"--basetemp={home / 'pytest'}",
        "tests/test_hostile.py",
        "-k",
        "not ordinary_user",
    ]
    done = subprocess.run(command, cwd=project, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-3000:]
    assert " passed" in done.stdout and " skipped" not in done.stdout, done.stdout[-3000:]
