"""Hostile task programs get a clear verdict and never hurt the app, the bank or HOME.

Each file in tests/hostile/programs/ is a task program and its tests (split at `# ---- tests`),
with the expected run status and verdict in its header, and optionally the runtime finding
codes it must get (`expect-runtime`, exactly those) and a part of its message (`expect-message`;
`tampering` also requires every test to be an error and no coverage figures). The `forge_*`
programs are wrong solutions trying to report themselves passing. `@@NAME@@` placeholders are
filled in here: the bank's and HOME's real paths, a unique marker, the port of a server on the
host's loopback. After every case: the bank is byte-for-byte unchanged, nothing new is in HOME or
/tmp, and no process of the sandbox is left. (Program file names must not match pytest's
`test_*.py` / `*_test.py`: pytest would import them.)
"""

from __future__ import annotations

import hashlib
import os
import re
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import PROJECT_ROOT, make_task
from curator.bank import Bank
from curator.sandbox import Sandbox
from curator.validation import validate_task

PROGRAMS = Path(__file__).parent / "hostile" / "programs"
CASES = sorted(PROGRAMS.glob("*.py"))
TESTS_SEPARATOR = "# ---- tests ----\n"
NEEDS_ISOLATION = {"kill_parent", "write_outside", "cheat_read_tests"}


@dataclass
class HostileCase:
    name: str
    expect_status: str
    expect_verdict: str
    timeout_s: float
    program: str
    tests: str
    expect_runtime: set[str]
    expect_message: str | None


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
        expect_verdict=header["expect-verdict"],
        timeout_s=float(header["timeout"]),
        expect_runtime={code.strip() for code in header.get("expect-runtime", "").split(",")}
        - {""},
        expect_message=header.get("expect-message"),
        program=program,
        tests=tests,
    )


@pytest.fixture(scope="module")
def hostile_bank(tmp_path_factory: pytest.TempPathFactory) -> Bank:
    bank = Bank.init(tmp_path_factory.mktemp("hostile") / "bank")
    with bank.lock():
        bank.add_all([make_task("Victim/1")])
    return bank


@pytest.fixture(scope="module")
def sandbox(hostile_bank: Bank) -> Iterator[Sandbox]:
    with Sandbox(protect=[hostile_bank.root]) as shared:
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
    path: Path, sandbox: Sandbox, hostile_bank: Bank, loopback_port: int
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
        },
    )
    if case.name == "network" and not sandbox.network_isolated:
        pytest.skip("this machine does not allow a network namespace")
    if case.name in NEEDS_ISOLATION and not sandbox.network_isolated and not sandbox.uids:
        # Neither namespaces nor a dedicated uid: task code runs as this very user and could
        # signal pytest or write the bank. The runs say so in their notes.
        pytest.skip("no namespaces and no unprivileged uid on this machine")
    bank_before = tree_snapshot(hostile_bank.root)
    home_before = sorted(os.listdir(home))
    tmp_before = sorted(os.listdir("/tmp"))
    task = make_task(
        f"Hostile/{case.name}", complete_prompt=case.program, canonical_solution="", test=case.tests
    )

    report = validate_task(task, sandbox, timeout_s=case.timeout_s)

    assert (report.run_status, report.verdict.value) == (
        case.expect_status,
        case.expect_verdict,
    ), report.message
    assert {finding.code for finding in report.runtime} == case.expect_runtime, report.runtime
    if case.expect_message is not None:
        assert case.expect_message in (report.message or "")
    if case.expect_message == "tampering":
        assert report.tampering
        assert {test.outcome for test in report.tests.values()} <= {"error"}
        assert report.branch_coverage is None
    assert tree_snapshot(hostile_bank.root) == bank_before
    assert sorted(os.listdir(home)) == home_before
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
    elif case.name == "patch_unittest":
        assert set(outcomes.values()) == {"error"}
    elif case.name == "print_1gb":
        assert 0 < len(report.stdout_tail) <= 4000
        assert set(report.stdout_tail) == {"x"}
    elif case.expect_status == "timeout":
        assert "timeout" in outcomes.values()


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
