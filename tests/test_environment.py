"""Bank environments built for real with uv, offline: local wheels only (`--no-index`)."""

from __future__ import annotations

import hashlib
import http.server
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from wheels import build_tiny_wheel, pack_installed

from conftest import SYSTEM_PYTHON, make_task, oldest_python_venv, skip_unless_system_python_matches
from curator import envbuild
from curator.app.views import report_header
from curator.bank import Bank
from curator.envcheck import check_bank, check_environment, importable_modules
from curator.environment import (
    EnvironmentProblem,
    EnvironmentSpec,
    LibraryData,
    declared_environment,
    lock_environment,
)
from curator.errors import BankError, TaskFileError
from curator.imports import one_slip_from
from curator.interchange import write_jsonl
from curator.models import Task, Verdict
from curator.sandbox import Company, RunOptions, Sandbox, SuiteRun, protocol
from curator.sandbox.runner import suite_run_from_response
from curator.validation import (
    REPORT_FILE,
    ValidationReport,
    run_uncharged,
    sandbox_for,
    task_timeout,
    validate_task,
)

TINY_PROGRAM = '''import tinydist

def task_func(x):
    """
    Add the answer.

    Parameters:
    x (int): A number.

    Returns:
    int: x plus the answer.

    Requirements:
    - tinydist

    Example:
    >>> task_func(0)
    42
    """
    return x + tinydist.answer()
'''

TINY_TESTS = """import unittest

class TestCases(unittest.TestCase):
    def test_answer(self):
        self.assertEqual(task_func(1), 43)
"""


@pytest.fixture(scope="module")
def wheels(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tinydist 1.0 (answer 42), tinydist 2.0 (answer 41) and coverage, as local wheels."""
    directory = tmp_path_factory.mktemp("wheels")
    build_tiny_wheel(directory, "tinydist", "1.0", "def answer():\n    return 42\n")
    build_tiny_wheel(directory, "tinydist", "2.0", "def answer():\n    return 41\n")
    return pack_installed("coverage", directory)


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, str]]:
    """A private XDG cache (built environments) and uv cache for this test."""
    variables = {
        "XDG_CACHE_HOME": str(tmp_path / "xdg-cache"),
        "UV_CACHE_DIR": str(tmp_path / "uv-cache"),
    }
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    yield variables


def offline(wheels: Path, data_mirror: Path | None = None) -> envbuild.PackageSource:
    return envbuild.PackageSource((wheels,), no_index=True, data_mirror=data_mirror)


def tiny_task(task_id: str = "Tiny/1") -> Task:
    prompt, _, solution = TINY_PROGRAM.partition('    """\n    return')
    return make_task(
        task_id,
        libs=["tinydist"],
        complete_prompt=prompt + '    """\n',
        canonical_solution="    return" + solution,
        code_prompt="import tinydist\ndef task_func(x):\n",
        test=TINY_TESTS,
        doc_struct=make_task().doc_struct.model_copy(
            update={"examples": [">>> task_func(0)", "42"], "reqs": ["tinydist"]}
        ),
    )


def test_cli_env_cycle_from_missing_to_pass_and_upgrade_impact(
    bank: Bank,
    wheels: Path,
    cache: dict[str, str],
    run_cli: Callable[..., subprocess.CompletedProcess[str]],
) -> None:
    bank.save(tiny_task())
    where = ["--bank", str(bank.root)]
    source = ["--no-index", "--find-links", str(wheels)]

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return run_cli(*where, *args, env=cache)

    checked = cli("env", "check", "--json")
    assert checked.returncode == 1, checked.stderr
    missing = json.loads(checked.stdout)["tasks"][0]["missing"]
    assert missing == [
        {
            "module": "tinydist",
            "distribution": "tinydist",
            "where": ["solution"],
            "in_curator": False,
        }
    ]

    before = cli("validate", "Tiny/1", "--json")
    assert json.loads(before.stdout)["verdict"] == "environment"
    own_fingerprint = json.loads(before.stdout)["environment"]

    added = cli("env", "add", "tinydist", *source)
    assert added.returncode == 0, added.stderr
    lock_text = (bank.root / "environment" / "requirements.lock").read_text()
    assert "tinydist==2.0" in lock_text and "coverage==" in lock_text
    assert (bank.root / "environment" / "requirements.txt").read_text() == "tinydist\n"

    not_built = cli("validate", "Tiny/1")
    assert not_built.returncode == 2 and "env sync" in not_built.stderr
    # In words: it printed Python's (`built: False`, `as_of: None`, `data: {'nltk': []}`).
    shown = cli("env", "show").stdout
    assert "declared: yes (environment/)" in shown
    assert "built: not yet (`curator env sync` builds it)" in shown
    assert "python_full: known once built" in shown and "data: none" in shown

    cli("env", "add", "tinydist==1.0", *source)
    synced = cli("env", "sync", *source)
    assert synced.returncode == 0, synced.stderr
    shown = json.loads(cli("env", "show", "--json").stdout)
    assert shown["built"] and shown["distributions"]["tinydist"] == "1.0"
    assert "coverage" in shown["distributions"]
    assert cli("env", "check").returncode == 0

    after = cli("validate", "Tiny/1", "--json")
    row = json.loads(after.stdout)
    assert row["verdict"] == "pass", row
    # Installed with its bytecode: importing it, a run (as root) tried to write its
    # __pycache__, a `write_outside` finding that kept the task from acceptance.
    assert row["runtime"] == [], row
    site = next(Path(shown["path"]).glob("lib/python3*/site-packages"))
    assert list((site / "tinydist" / "__pycache__").glob("__init__.*.pyc"))
    assert row["environment"] == shown["fingerprint"] != own_fingerprint

    # An interpreter that stops running (an ordinary user's copied Python losing its shared
    # library) is the sandbox's failure: said with why, the last result kept, and no warning
    # about a network that no run had.
    python = Path(shown["path"]) / "bin" / "python"
    target = python.readlink()
    stored = (bank.task_dir("Tiny/1") / REPORT_FILE).read_text()
    python.unlink()
    python.write_text("#!/bin/sh\necho 'libpython3.so: cannot open shared object' >&2\nexit 127\n")
    python.chmod(0o755)
    broken = cli("validate", "Tiny/1", "--force")
    python.unlink()
    python.symlink_to(target)
    assert broken.returncode == 1, broken.stderr
    assert "the sandbox worker did not start" in broken.stdout
    assert "libpython3.so: cannot open shared object" in broken.stdout
    assert "network not isolated" not in broken.stderr
    assert (bank.task_dir("Tiny/1") / REPORT_FILE).read_text() == stored

    # Upgrade impact: another lock, built beside, validated without touching the bank.
    other = bank.root.parent / "other.lock"
    other.write_text(lock_text.replace("tinydist==1.0", "tinydist==2.0"))
    # Relative paths are the user's: curator runs uv elsewhere.
    relative = [
        "--no-index",
        "--find-links",
        os.path.relpath(wheels, bank.root.parent),
        "--lock",
        other.name,
    ]
    synced_other = run_cli(*where, "env", "sync", *relative, env=cache, cwd=bank.root.parent)
    assert synced_other.returncode == 0, synced_other.stderr
    stored = (bank.task_dir("Tiny/1") / REPORT_FILE).read_text()
    impact = cli("validate", "--all", "--env", str(other))
    assert impact.returncode == 1
    assert "Tiny/1: pass -> fail" in impact.stderr
    assert "1 task(s) change verdict" in impact.stderr
    assert (bank.task_dir("Tiny/1") / REPORT_FILE).read_text() == stored

    # Changing the bank's lock makes the stored result stale.
    cli("env", "add", "tinydist==2.0", *source)
    listed = json.loads(cli("list", "--json").stdout)
    assert listed["validation"] == "pass" and listed["validation_current"] is False


def test_curators_own_fingerprint_is_the_same_from_any_folder(tmp_path: Path, run_cli) -> None:
    """`python -m curator` puts the working directory first on sys.path: started from a
    checkout holding `curator.egg-info`, its fingerprint differed from the `curator` command's,
    and every result of a bank without an environment showed stale."""
    bank = Bank.init(tmp_path / "bank")
    checkout = tmp_path / "checkout"
    (checkout / "stray-1.0.dist-info").mkdir(parents=True)
    fingerprints = {
        json.loads(run_cli("--bank", bank.root, "env", "show", "--json", cwd=folder).stdout)[
            "fingerprint"
        ]
        for folder in (checkout, tmp_path)
    }
    assert len(fingerprints) == 1, fingerprints


def test_concurrent_syncs_build_once(wheels: Path, cache: dict[str, str], tmp_path: Path) -> None:
    bank = Bank.init(tmp_path / "bank")
    environment = envbuild.add(bank.root, ["tinydist==1.0"], offline(wheels))
    messages: list[list[str]] = [[], []]

    def sync(index: int) -> None:
        envbuild.sync(environment, offline(wheels), messages[index].append)

    threads = [threading.Thread(target=sync, args=(index,)) for index in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    built = [log for log in messages if any(line.startswith("built ") for line in log)]
    assert len(built) == 1, messages
    assert environment.built() is not None
    assert environment.built().distributions["tinydist"] == "1.0"  # type: ignore[union-attr]
    assert [path.name for path in environment.directory.parent.iterdir() if path.is_dir()] == [
        environment.key
    ]


def test_sync_takes_pyenvs_python_where_uv_finds_none(
    wheels: Path, cache: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """uv finds no Python on a PATH whose only candidate is pyenv's shim of a version pyenv
    has but has not selected (it exits 127), and does not look among pyenv's versions
    (astral-sh/uv#21047): the build takes pyenv's interpreter of the version instead."""
    bank = Bank.init(tmp_path / "bank")
    environment = envbuild.add(bank.root, ["tinydist==1.0"], offline(wheels))
    version = environment.spec.python
    shims = tmp_path / "shims"
    shims.mkdir()
    shim = shims / f"python{version}"
    shim.write_text(f"#!/bin/sh\necho 'pyenv: python{version}: command not found' >&2\nexit 127\n")
    shim.chmod(0o755)
    release = tmp_path / "pyenv" / "versions" / f"{version}.99" / "bin" / f"python{version}"
    release.parent.mkdir(parents=True)
    release.symlink_to(os.path.realpath(sys.executable))
    monkeypatch.setenv("PATH", str(shims))
    monkeypatch.setenv("PYENV_ROOT", str(tmp_path / "pyenv"))
    monkeypatch.setenv("UV_PYTHON_INSTALL_DIR", str(tmp_path / "no-managed-pythons"))
    messages: list[str] = []
    envbuild.sync(environment, offline(wheels), messages.append)
    assert f"creating a Python {version} virtual environment from {release}" in messages
    built = environment.built()
    assert built is not None and built.python == platform.python_version()
    assert built.distributions["tinydist"] == "1.0"


def test_sync_without_the_locked_python_says_how_to_get_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An annotator whose machine lacks the Python the bank is locked to (BigCodeBench's 3.10)
    is told what to install, not uv's hint about downloads that curator turns off."""
    for variable in ("PATH", "PYENV_ROOT", "UV_PYTHON_INSTALL_DIR"):
        empty = tmp_path / variable
        empty.mkdir()
        monkeypatch.setenv(variable, str(empty))
    with pytest.raises(EnvironmentProblem) as raised:
        envbuild.python_for_uv("3.4")
    message = str(raised.value)
    assert message.startswith("no Python 3.4 on this machine"), message
    assert "python install 3.4`" in message and "`curator env sync` again" in message


def test_a_failed_build_leaves_nothing_behind(
    wheels: Path, cache: dict[str, str], tmp_path: Path
) -> None:
    lock = tmp_path / "broken.lock"
    lock.write_text("coverage==7.0.0\ntinydist==9.9\n")
    environment = lock_environment(lock)
    with pytest.raises(EnvironmentProblem, match="installing failed"):
        envbuild.sync(environment, offline(wheels))
    assert environment.built() is None
    assert not environment.directory.exists()
    assert [path for path in environment.directory.parent.iterdir() if path.is_dir()] == []


def test_a_failed_lock_keeps_the_requirements(
    wheels: Path, cache: dict[str, str], tmp_path: Path
) -> None:
    bank = Bank.init(tmp_path / "bank")
    # A failed first add left an empty requirements file and no lock: every command that
    # reads the environment then stopped at "requirements.lock: missing".
    with pytest.raises(EnvironmentProblem, match="resolving failed"):
        envbuild.add(bank.root, ["no-such-dist"], offline(wheels))
    assert not (bank.root / "environment").exists()
    no_wheels = tmp_path / "no-wheels"
    no_wheels.mkdir()
    with pytest.raises(EnvironmentProblem, match="resolving failed"):  # coverage is not there
        envbuild.relock(bank.root, {"python": "3.11"}, offline(no_wheels))
    assert not (bank.root / "environment").exists()
    envbuild.add(bank.root, ["tinydist"], offline(wheels))
    declared = bank.root / "environment"
    files = {path.name: path.read_bytes() for path in declared.iterdir()}
    with pytest.raises(EnvironmentProblem, match="resolving failed"):
        envbuild.add(bank.root, ["no-such-dist"], offline(wheels))
    assert (bank.root / "environment" / "requirements.txt").read_text() == "tinydist\n"
    assert {path.name: path.read_bytes() for path in declared.iterdir()} == files
    with pytest.raises(EnvironmentProblem, match="does not list no-such-dist"):
        envbuild.remove(bank.root, ["no-such-dist"], offline(wheels))
    removed = envbuild.remove(bank.root, ["TinyDist"], offline(wheels))
    assert "tinydist" not in removed.lock_text and "coverage==" in removed.lock_text


def test_nltk_data_comes_from_a_mirror_and_reaches_the_run(
    wheels: Path,
    cache: dict[str, str],
    tmp_path: Path,
    run_cli: Callable[..., subprocess.CompletedProcess[str]],
) -> None:
    bank = Bank.init(tmp_path / "bank")
    envbuild.ensure_declared(bank.root)
    spec = EnvironmentSpec(data=LibraryData(nltk=["stopwords"]))
    (bank.root / "environment" / "environment.json").write_text(spec.model_dump_json())
    envbuild.lock(bank.root, offline(wheels))
    environment = declared_environment(bank.root)
    assert environment is not None
    empty_mirror = tmp_path / "empty-mirror"
    (empty_mirror / "nltk_data" / "corpora").mkdir(parents=True)
    with pytest.raises(EnvironmentProblem, match="lacks NLTK resource"):
        envbuild.sync(environment, offline(wheels, data_mirror=empty_mirror))
    assert environment.built() is None

    mirror = tmp_path / "mirror"
    (mirror / "nltk_data" / "corpora" / "stopwords").mkdir(parents=True)
    (mirror / "nltk_data" / "corpora" / "stopwords" / "english").write_text("the\na\n")
    envbuild.sync(environment, offline(wheels, data_mirror=mirror))
    task = make_task(
        test="import os, unittest\n\nclass TestCases(unittest.TestCase):\n"
        "    def test_data(self):\n"
        "        path = os.path.join(os.environ['NLTK_DATA'], 'corpora', 'stopwords', 'english')\n"
        "        with open(path) as handle:\n"
        "            self.assertEqual(handle.read().split(), ['the', 'a'])\n"
    )
    with sandbox_for(bank) as sandbox:
        report = validate_task(task, sandbox)
    assert report.verdict is Verdict.PASS, report.message
    assert report.environment == environment.fingerprint

    # A resource not declared: its task's run stops for want of it, and `env check`, which
    # reads imports, said nothing of it.
    lacking = make_task(
        "Data/1",
        test="import unittest\n\nclass TestCases(unittest.TestCase):\n"
        "    def test_data(self):\n"
        "        raise LookupError('\\n***\\n  Resource punkt not found.\\n')\n",
    )
    bank.save(lacking)
    where = ["--bank", str(bank.root)]
    assert run_cli(*where, "validate", "Data/1", env=cache).returncode == 1
    checked = run_cli(*where, "env", "check", env=cache)
    assert checked.returncode == 1, checked.stderr
    assert "library data the last validation lacked:" in checked.stdout
    assert "Data/1: data: test_data needs NLTK resource 'punkt'" in checked.stdout


def network_task(test_body: str) -> Task:
    return make_task(
        test="import unittest\n\nclass TestCases(unittest.TestCase):\n"
        "    def test_counts(self):\n" + test_body
    )


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(preload=False) as shared:
        yield shared


@pytest.mark.parametrize(
    "body",
    [
        "        import socket\n        socket.getaddrinfo('example.com', 80)\n",
        "        import urllib.request\n"
        "        urllib.request.urlopen('http://example.com/', timeout=5)\n",
    ],
    ids=["gaierror", "urlerror"],
)
def test_network_errors_are_environment_not_fail(sandbox: Sandbox, body: str) -> None:
    if not sandbox.network_isolated:
        pytest.skip("the network is not isolated on this machine")
    report = validate_task(network_task(body), sandbox)
    assert report.verdict is Verdict.ENVIRONMENT, report.message
    assert report.environment_reason == "network"
    assert report.message is not None
    assert report.message.startswith("network: test_counts needs the network at tests.py:")


def test_a_test_that_fails_after_its_code_swallowed_a_network_error_is_environment(
    sandbox: Sandbox,
) -> None:
    """BigCodeBench/176's pattern: the solution catches the failed reverse lookup and returns
    None, so the test fails on an assertion that names no network error. The audit hook saw
    the test try to reach 8.8.8.8 where there is no network: that is the environment's doing."""
    if not sandbox.network_isolated:
        pytest.skip("the network is not isolated on this machine")
    body = (
        "        import socket\n"
        "        try:\n"
        "            name = socket.gethostbyaddr('8.8.8.8')[0]\n"
        "        except OSError:\n"
        "            name = None\n"
        "        self.assertEqual(name, 'dns.google')\n"
    )
    report = validate_task(network_task(body), sandbox)
    assert report.verdict is Verdict.ENVIRONMENT, report.message
    assert report.environment_reason == "network"
    assert report.message == (
        "network: test_counts tried to reach the network (socket.gethostbyaddr 8.8.8.8) and "
        "failed: AssertionError: None != 'dns.google'"
    )


def test_a_test_that_reaches_the_network_and_fails_on_its_own_is_a_failure_where_it_can(
    sandbox: Sandbox,
) -> None:
    """Only a failed test that tried the network counts, and only where there is none: a test
    that passes after trying, beside one that fails without, leaves the verdict `fail`."""
    task = make_task(
        test="import socket, unittest\n\nclass TestCases(unittest.TestCase):\n"
        "    def test_tries(self):\n"
        "        try:\n            socket.gethostbyaddr('8.8.8.8')\n"
        "        except OSError:\n            pass\n"
        "    def test_wrong(self):\n        self.assertEqual(1, 2)\n"
    )
    report = validate_task(task, sandbox)
    assert report.verdict is Verdict.FAIL, report.message
    assert report.message is not None and report.message.startswith("test_wrong:")


def test_a_refused_local_connection_is_a_real_failure(sandbox: Sandbox) -> None:
    body = "        import socket\n        socket.create_connection(('127.0.0.1', 9), timeout=5)\n"
    report = validate_task(network_task(body), sandbox)
    assert report.verdict is Verdict.ERROR, report.message


def test_missing_library_data_is_environment_naming_the_resource(sandbox: Sandbox) -> None:
    # The exact text NLTK raises (with its terminal colours) when a resource is missing.
    body = (
        "        raise LookupError('\\n***\\n  Resource \\x1b[93mstopwords\\x1b[0m not found.\\n"
        "  Please use the NLTK Downloader to obtain the resource:\\n')\n"
    )
    report = validate_task(network_task(body), sandbox)
    assert report.verdict is Verdict.ENVIRONMENT
    assert report.environment_reason == "data"
    assert "NLTK resource 'stopwords'" in (report.message or "")
    # what to do about it, and NLTK's own line (its message starts on a line of its own)
    assert '{"data": {"nltk": ["stopwords"]}}, then `curator env sync`' in (report.message or "")
    assert (report.message or "").endswith("LookupError: Resource stopwords not found."), report
    # `env check` lists it: imports could not show it (it named none of the tasks whose run
    # lacked NLTK data). Only while the run is of the task as it is, in this environment.
    task = network_task(body)
    summarised = task.model_copy(update={"validation": report.summary()})
    check = check_environment([summarised], None, report.environment)
    assert [(item.task_id, item.lacking) for item in check.data] == [(task.task_id, report.message)]
    assert check_environment([summarised], None, "another").data == []
    edited = summarised.model_copy(update={"test": summarised.test + "\n"})
    assert check_environment([edited], None, report.environment).data == []


def test_check_names_the_providing_distribution(bank: Bank) -> None:
    task = make_task(
        canonical_solution="    import sklearn, cv2, yaml\n" + make_task().canonical_solution
    )
    check = check_bank(bank.root, [task])
    assert [(item.module, item.distribution) for item in check.tasks[0].missing] == [
        ("sklearn", "scikit-learn"),
        ("cv2", "opencv-python-headless"),
        ("yaml", "PyYAML"),
    ]


def test_check_sees_distributions_without_top_level_txt_in_the_oldest_python(
    tmp_path: Path,
) -> None:
    """Wheels built by flit, hatch, poetry or maturin ship no top_level.txt, and Python 3.10's
    `packages_distributions()` reads only that file: `env check` on BigCodeBench's pinned 3.10
    environment called seaborn, flask, rsa and six others missing, all installed."""
    venv = oldest_python_venv(tmp_path)
    wheel = build_tiny_wheel(tmp_path / "wheels", "flitbuilt", "1.0", "VALUE = 1\n")
    site_packages = next(venv.glob("lib/python*/site-packages"))
    with zipfile.ZipFile(next(wheel.glob("*.whl"))) as archive:  # a pure wheel's install
        archive.extractall(site_packages)
    assert not list(site_packages.glob("*.dist-info/top_level.txt"))
    available = importable_modules(venv / "bin" / "python")
    assert "flitbuilt" in available
    assert {"json", "sqlite3"} <= available and "seaborn" not in available


def test_time_limit_comes_from_the_task_then_the_bank(bank: Bank) -> None:
    task = make_task()
    assert task_timeout(bank, task) == 60.0
    settings = json.loads((bank.root / "bank.json").read_text())
    (bank.root / "bank.json").write_text(json.dumps({**settings, "timeout_s": 240}))
    assert task_timeout(bank, task) == 240.0
    assert task_timeout(bank, task.model_copy(update={"timeout_s": 5.0})) == 5.0
    (bank.root / "bank.json").write_text(json.dumps({**settings, "timeout_s": "long"}))
    with pytest.raises(BankError, match="timeout_s must be a positive number"):
        task_timeout(bank, task)
    (bank.root / "bank.json").write_text(json.dumps({**settings, "timeout_s": 86400}))
    with pytest.raises(BankError, match="timeout_s is 86400 s, over the 3600 s"):
        task_timeout(bank, task)


def test_a_task_file_cannot_ask_for_a_time_limit_over_an_hour(bank: Bank) -> None:
    """Else a task file from a stranger could hold a validation worker for good."""
    bank.save(make_task("Long/1"))
    meta = bank.task_dir("Long/1") / "task.json"
    meta.write_text(json.dumps({**json.loads(meta.read_text()), "timeout_s": 1e9}))
    with pytest.raises(TaskFileError) as raised:
        bank.load("Long/1")
    assert str(meta) in str(raised.value) and "timeout_s" in str(raised.value)
    assert "less than or equal to 3600" in str(raised.value)


def test_coverage_overhead_is_not_charged_to_the_time_limit(sandbox: Sandbox) -> None:
    # Computes for long only while coverage traces: the task itself fits its limit.
    body = (
        "        import sys, time\n"
        "        while sys.gettrace() and time.process_time() < 20:\n"
        "            pass\n"
    )
    report = validate_task(network_task(body), sandbox, timeout_s=3.0)
    assert report.verdict is Verdict.PASS, report.message
    assert report.branch_coverage is None
    assert any("coverage not measured" in note for note in report.time_limit_notes)
    slow = "        import time\n        while time.process_time() < 20:\n            pass\n"
    report = validate_task(network_task(slow), sandbox, timeout_s=3.0)
    assert report.verdict is Verdict.TIMEOUT
    assert report.time_limit_notes == [  # no other run was beside it: none was run again alone
        "judged without coverage: with it the run exceeded 3 s and the 1.5 s more granted to "
        "coverage; without it, it timed out too"
    ]


def slow_under_coverage_task(seconds: float) -> Task:
    """Under coverage its test computes until `seconds` after the program loaded; without
    coverage it ends at once."""
    body = (
        "        import sys, time\n"
        f"        while sys.gettrace() and time.monotonic() < LOADED + {seconds}:\n"
        "            pass\n"
    )
    task = network_task(body)
    task.canonical_solution += "\nimport time as _time\nLOADED = _time.monotonic()\n"
    return task


def test_a_run_late_only_for_coverage_is_judged_without_it_and_keeps_its_coverage(
    sandbox: Sandbox,
) -> None:
    """Past the 4 s limit with coverage, within the 2 s of overtime granted to it."""
    report = validate_task(slow_under_coverage_task(5), sandbox, timeout_s=4.0)
    assert report.verdict is Verdict.PASS, report.message
    in_time = validate_task(slow_under_coverage_task(5), sandbox, timeout_s=30.0)
    assert in_time.time_limit_notes == [] and in_time.branch_coverage is not None
    assert (report.branch_coverage, report.line_coverage) == (
        in_time.branch_coverage,
        in_time.line_coverage,
    )
    assert len(report.time_limit_notes) == 1, report.time_limit_notes
    assert report.time_limit_notes[0].startswith(
        "judged without coverage: with it the tests ran past the 4 s limit"
    )
    assert report.doctest is not None and report.doctest.attempted > 0  # the run without it


def test_a_late_run_stops_when_its_tests_end(sandbox: Sandbox) -> None:
    """Its docstring examples are left to the run without coverage that judges it."""
    task = slow_under_coverage_task(3)
    options = RunOptions(timeout_s=2.0, coverage_overtime_s=20.0, doctests=True)
    run = sandbox.run(task.program, task.test, task.entry_point, options)
    assert run.status == "completed" and run.late, run.message
    assert run.coverage is not None and run.coverage.covered_lines > 0
    assert run.doctest is not None and "left to a run without coverage" in (
        run.doctest.unfinished or ""
    )
    assert run.duration_s < 10


def test_a_late_runs_examples_that_ended_are_left_to_the_run_without_coverage_too() -> None:
    """On a busy machine a late run's examples may end before its supervisor stops it: the run
    reports them as it does when the supervisor was first, not as passed."""
    records: list[dict[str, object]] = [
        {"from": protocol.HARNESS, "event": event}
        for event in (protocol.Event.STARTED, protocol.Event.RUNTIME, protocol.Event.DONE)
    ]
    records[1:1] = [
        {"from": protocol.HARNESS, "event": protocol.Event.TESTS, "names": ["test_counts"]},
        {"from": protocol.HARNESS, "event": protocol.Event.START, "test": "test_counts"},
        {
            "from": protocol.HARNESS,
            "event": protocol.Event.END,
            "test": "test_counts",
            "outcome": "pass",
        },
    ]
    records.insert(-1, {"from": protocol.HARNESS, "event": protocol.Event.DOCTEST, "attempted": 1})
    options = RunOptions(timeout_s=2.0, coverage_overtime_s=20.0, doctests=True)
    on_time = suite_run_from_response({"events": records}, options)
    assert on_time.doctest is not None and on_time.doctest.attempted == 1
    late = suite_run_from_response({"events": records, "late": True}, options)
    assert late.status == "completed" and [test.outcome for test in late.tests] == ["pass"]
    assert late.doctest is not None and late.doctest.attempted == 0
    assert late.doctest.unfinished == (
        "the tests ended in coverage's overtime: they are left to a run without coverage"
    )


def test_a_run_that_waited_gets_no_overtime_for_coverage(sandbox: Sandbox) -> None:
    """Coverage does not slow down a run that sleeps: stopped at its limit, not late."""
    task = network_task("        import time\n        time.sleep(30)\n")
    options = RunOptions(timeout_s=2.0, coverage_overtime_s=20.0)
    started = time.monotonic()
    run = sandbox.run(task.program, task.test, task.entry_point, options)
    assert run.status == "timeout" and not run.late
    assert time.monotonic() - started < 15
    assert run.message == "the run exceeded its time limit (2 s) in test_counts"


def test_a_suite_longer_than_its_limit_is_told_from_a_test_that_hangs(sandbox: Sandbox) -> None:
    """BigCodeBench/1040 runs six tests of 10 s each under 60 s: the timeout blamed the last
    test, which a maintainer took for one that hangs."""
    tests = "import time, unittest\n\nclass TestCases(unittest.TestCase):\n" + "".join(
        f"    def test_{name}(self):\n        time.sleep(0.8)\n" for name in "abc"
    )
    task = network_task("        pass\n")
    run = sandbox.run(task.program, tests, task.entry_point, RunOptions(timeout_s=2.0))
    assert run.status == "timeout"
    assert re.fullmatch(
        r"the run exceeded its time limit \(2 s\): the 2 test\(s\) before test_c took 1\.\d s; "
        r"the suite needs a longer limit \(`timeout_s` in bank.json, or the task's\)",
        run.message or "",
    ), run.message


def test_a_run_that_computes_past_its_overtime_times_out_late(sandbox: Sandbox) -> None:
    task = network_task("        while True:\n            pass\n")
    options = RunOptions(timeout_s=1.5, coverage_overtime_s=1.0)
    run = sandbox.run(task.program, task.test, task.entry_point, options)
    assert run.status == "timeout" and run.late
    assert run.message == (
        "the run exceeded its time limit (1.5 s and 1 s more for coverage's overhead) in "
        "test_counts"
    )
    plain = sandbox.run(
        task.program, task.test, task.entry_point, options.model_copy(update={"coverage": False})
    )
    assert plain.status == "timeout" and not plain.late  # overtime is coverage's alone


def test_a_run_that_timed_out_beside_others_is_judged_by_a_run_alone(sandbox: Sandbox) -> None:
    """As at --jobs 1: the neighbour waits for 4 s, so the first run of the computing task
    overlaps it and times out; its reruns (with coverage, then without) start only once the
    neighbour has ended and no run starts beside them."""
    waiting = network_task("        import time\n        time.sleep(4)\n")
    neighbour: list[SuiteRun] = []
    thread = threading.Thread(
        target=lambda: neighbour.append(
            sandbox.run(waiting.program, waiting.test, options=RunOptions(timeout_s=30))
        )
    )
    thread.start()
    computing = network_task(
        "        import time\n        while time.process_time() < 20:\n            pass\n"
    )
    time.sleep(0.5)  # the neighbour is in flight
    decided = run_uncharged(sandbox, computing, RunOptions(timeout_s=1.5))
    thread.join()
    assert neighbour[0].passed and neighbour[0].overlapped
    assert decided.run.status == "timeout"
    assert not decided.run.overlapped and decided.alone
    assert decided.notes[0].startswith("run again alone: it timed out beside other runs")


def test_a_run_alone_that_timed_out_beside_a_waiting_run_is_judged_strictly_alone(
    sandbox: Sandbox,
) -> None:
    """A run expected to wait goes on beside a run alone (it leaves the CPUs to it), but it
    may compute after all: a run alone that timed out beside it runs again with no run at
    all beside it, once the waiting one has ended."""
    waiting = network_task("        import time\n        time.sleep(4)\n")
    neighbour: list[SuiteRun] = []
    thread = threading.Thread(
        target=lambda: neighbour.append(
            sandbox.run(
                waiting.program,
                waiting.test,
                options=RunOptions(timeout_s=30),
                company=Company.WAITING,
            )
        )
    )
    thread.start()
    computing = network_task(
        "        import time\n        while time.process_time() < 20:\n            pass\n"
    )
    time.sleep(0.5)  # the neighbour is in flight
    decided = run_uncharged(sandbox, computing, RunOptions(timeout_s=1.5), Company.ALONE)
    thread.join()
    assert neighbour[0].passed
    assert decided.run.status == "timeout"
    assert not decided.run.overlapped and decided.alone
    assert decided.notes[0] == "run alone: a validation of this content timed out beside other runs"
    assert decided.notes[1].startswith("run again strictly alone: it timed out beside other")


def test_a_run_that_timed_out_waiting_is_not_run_again_without_coverage(
    sandbox: Sandbox,
) -> None:
    # A limit of 4 s: a waiting run may compute for 2% of it (80 ms). Under 2 s, a cold run's
    # start-up on a loaded machine came near the 40 ms, and the run counted as computing.
    waiting = "        import time\n        time.sleep(20)\n"
    report = validate_task(network_task(waiting), sandbox, timeout_s=4.0)
    assert report.verdict is Verdict.TIMEOUT
    assert [note for note in report.time_limit_notes if "not run again" in note]


def test_the_cli_and_the_app_say_how_the_time_limit_was_applied(bank: Bank, run_cli) -> None:
    with bank.lock():
        bank.add_all([network_task("        import time\n        time.sleep(20)\n")])
    validated = run_cli("--bank", bank.root, "validate", "Test/1", "--timeout", "4")
    assert validated.returncode == 1, validated.stderr
    assert "time limit Test/1: not run again: it timed out having computed for" in (
        validated.stdout
    )
    report = bank.read_sidecar("Test/1", REPORT_FILE, ValidationReport)
    assert report is not None
    assert "time limit: not run again" in report_header(report).plain


def test_an_environment_whose_interpreter_does_not_run_is_named_with_why(tmp_path: Path) -> None:
    """As for an ordinary user whose copied interpreter lacks its shared library: the check
    says which interpreter and why, instead of a traceback after `import` had succeeded."""
    broken = tmp_path / "python"
    broken.write_text(
        "#!/bin/sh\necho 'libpython3.10.so.1.0: cannot open shared object' >&2\nexit 127\n"
    )
    broken.chmod(0o755)
    with pytest.raises(EnvironmentProblem) as failed:
        importable_modules(broken)
    assert str(failed.value) == (
        f"the environment's interpreter {broken} does not run here "
        "(exit 127: libpython3.10.so.1.0: cannot open shared object)"
    )
    with pytest.raises(EnvironmentProblem, match=r"here \(No such file or directory\)"):
        importable_modules(tmp_path / "absent" / "python")


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to run as another uid")
def test_an_ordinary_user_syncs_and_validates(wheels: Path, tmp_path: Path) -> None:
    """The whole cycle as an unprivileged uid, with Debian's interpreter (STYLE.md): curator's
    own venv lives under root's home, which that uid cannot read."""
    skip_unless_system_python_matches()
    uid = 64999  # outside the sandbox's uid range
    home = Path(tempfile.mkdtemp(prefix="curator-user-", dir="/tmp"))
    try:
        os.chmod(home, 0o755)
        local_wheels = home / "wheels"
        shutil.copytree(wheels, local_wheels)
        bank = Bank.init(home / "bank")
        bank.save(tiny_task())
        for path in [home, *home.rglob("*")]:
            os.chown(path, uid, uid, follow_symlinks=False)
        site_packages = sysconfig.get_paths()["purelib"]
        launcher = (
            f"import site, sys; site.addsitedir({site_packages!r}); "
            "from curator.cli import main; sys.argv[0] = 'curator'; main()"
        )
        variables = {
            "HOME": str(home),
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "NO_COLOR": "1",
            "UV_OFFLINE": "1",
            "UV_FIND_LINKS": str(local_wheels),
        }

        def cli(*args: str, **overrides: str) -> subprocess.CompletedProcess[str]:
            return subprocess.run(
                [str(SYSTEM_PYTHON), "-c", launcher, "--bank", str(bank.root), *args],
                capture_output=True,
                text=True,
                env=variables | overrides,
                user=uid,
                group=uid,
                timeout=300,
            )

        added = cli("env", "add", "tinydist==1.0")
        assert added.returncode == 0, added.stderr
        in_a_root_home = cli("env", "sync", HOME="/")  # `docker run -u UID`'s HOME
        assert in_a_root_home.returncode == 2
        assert in_a_root_home.stderr.startswith("error: /.cache: Permission denied: ")
        assert "set $XDG_CACHE_HOME to a folder of yours" in in_a_root_home.stderr
        synced = cli("env", "sync")
        assert synced.returncode == 0, synced.stderr
        assert (home / ".cache" / "curator" / "envs").is_dir()
        validated = cli("validate", "Tiny/1", "--json")
        assert json.loads(validated.stdout)["verdict"] == "pass", validated.stdout
    finally:
        shutil.rmtree(home, ignore_errors=True)


def test_import_ends_with_what_env_check_would_add(
    bank: Bank, tmp_path: Path, run_cli: Callable[..., subprocess.CompletedProcess[str]]
) -> None:
    source = tmp_path / "tiny.jsonl"
    write_jsonl([tiny_task()], source)
    imported = run_cli("--bank", bank.root, "import", source)
    assert imported.returncode == 0, imported.stderr
    assert "declares no environment" in imported.stdout
    assert "curator env add tinydist" in imported.stdout


INTROSPECTING_LIBRARY = '''import ctypes
import gc


def footprint(value):
    """What memory-size helpers and audio backends do: the collector's lists, a read by address."""
    buffer = ctypes.create_string_buffer(b"abc")
    return len(gc.get_referents(value)) + len(ctypes.string_at(ctypes.addressof(buffer), 3))
'''


def test_a_library_reading_memory_is_not_tampering_but_task_code_doing_it_is(
    wheels: Path, cache: dict[str, str], tmp_path: Path
) -> None:
    build_tiny_wheel(wheels, "sizer", "1.0", INTROSPECTING_LIBRARY)
    bank = Bank.init(tmp_path / "bank")
    envbuild.sync(envbuild.add(bank.root, ["sizer==1.0"], offline(wheels)), offline(wheels))
    library_task = make_task(
        "Sizer/1",
        complete_prompt="import sizer\n\ndef task_func(values):\n",
        canonical_solution="    return sizer.footprint(values)\n",
        test=(
            "import unittest\n\nclass TestCases(unittest.TestCase):\n"
            "    def test_size(self):\n        self.assertEqual(task_func([1, 2]), 5)\n"
        ),
    )
    own_task = make_task(
        "Sizer/2",
        complete_prompt="import gc\n\ndef task_func(values):\n",
        canonical_solution="    return len(gc.get_referents(values)) + 3\n",
        test=library_task.test,
    )
    with sandbox_for(bank) as sandbox:
        by_library = sandbox.run(library_task.program, library_task.test)
        by_task = sandbox.run(own_task.program, own_task.test)
    assert by_library.passed and by_library.tampering == [], by_library
    assert by_task.tampering == ["called gc.get_referents"]


@pytest.mark.parametrize("python", ["3.9", "banana", "3.x"])
def test_a_python_the_sandbox_cannot_run_in_is_refused_before_anything_is_written(
    bank: Bank, run_cli: Callable[..., subprocess.CompletedProcess[str]], python: str
) -> None:
    """The sandbox's worker runs in the environment's interpreter (3.10 or newer); `--python
    banana` once wrote itself into environment.json, which then failed every command."""
    where = ["--bank", str(bank.root)]
    refused = run_cli(*where, "env", "lock", "--python", python)
    assert refused.returncode == 2
    assert f"--python: {python!r} is not a Python version curator can run tasks in" in (
        refused.stderr
    )
    assert "3.10 or newer" in refused.stderr
    assert not (bank.root / "environment").exists()

    (bank.root / "environment").mkdir()
    spec = bank.root / "environment" / "environment.json"
    spec.write_text('{"python": "3.11"}\n')
    assert run_cli(*where, "env", "lock", "--python", python).returncode == 2
    assert spec.read_text() == '{"python": "3.11"}\n'
    spec.write_text(f'{{"python": "{python}"}}\n')
    relocked = run_cli(*where, "env", "lock")
    assert relocked.returncode == 2
    assert f"{spec}: {python!r} is not a Python version" in relocked.stderr


def test_a_lock_that_cannot_be_resolved_names_the_python_it_was_resolved_for(
    bank: Bank,
    wheels: Path,
    cache: dict[str, str],
    run_cli: Callable[..., subprocess.CompletedProcess[str]],
) -> None:
    """Old pins (BigCodeBench's) often have no release for curator's own Python: uv's message
    alone does not say which Python it resolved for, nor how to choose another."""
    added = run_cli(
        "--bank", bank.root, "env", "add", "tinydist==3.0",
        "--no-index", "--find-links", wheels, env=cache,
    )  # fmt: skip
    assert added.returncode == 2
    python = EnvironmentSpec().python
    assert f"resolved for Python {python}, the environment's (python in environment.json)" in (
        added.stderr
    )
    assert "curator env lock --python 3.X" in added.stderr
    assert not (bank.root / "environment").exists()  # a first add that failed left it half made


def test_env_add_counts_distributions_not_the_names_given(
    bank: Bank,
    wheels: Path,
    cache: dict[str, str],
    run_cli: Callable[..., subprocess.CompletedProcess[str]],
) -> None:
    """`env add six` said "added 1" with six listed already, and a file of 74 lines, two of
    them the same and one `Requests` beside `requests`, "added 74" for 71 new lines."""
    offline_flags = ["--no-index", "--find-links", str(wheels)]
    first = run_cli("--bank", bank.root, "env", "add", "tinydist", *offline_flags, env=cache)
    assert first.returncode == 0, first.stderr
    assert "added 1 requirement(s); fingerprint " in first.stdout
    again = run_cli(
        "--bank", bank.root, "env", "add", "TinyDist==1.0", "tinydist==1.0", *offline_flags,
        env=cache,
    )  # fmt: skip
    assert again.returncode == 0, again.stderr
    assert "added 0 requirement(s), replaced the line of 1 listed already" in again.stdout
    assert (bank.root / "environment" / "requirements.txt").read_text() == "tinydist==1.0\n"


class UploadTimeIndex(http.server.BaseHTTPRequestHandler):
    """A package index of local wheels that records when each was uploaded (PEP 691 JSON with
    PEP 700 `upload-time`), as PyPI does: what `env lock --as-of` needs and `--find-links`
    lacks."""

    wheels: Path
    uploaded: dict[str, str]  # wheel file name -> upload time

    def do_GET(self) -> None:
        self.respond(with_body=True)

    def do_HEAD(self) -> None:  # uv asks before it downloads a wheel
        self.respond(with_body=False)

    def respond(self, with_body: bool) -> None:
        parts = self.path.strip("/").split("/")
        if parts[0] == "simple" and len(parts) == 2:
            files = [
                {
                    "filename": name,
                    "url": f"/files/{name}",
                    "hashes": {
                        "sha256": hashlib.sha256((self.wheels / name).read_bytes()).hexdigest()
                    },
                    "upload-time": when,
                }
                for name, when in self.uploaded.items()
                if name.split("-")[0].lower() == parts[1]
            ]
            page = {"meta": {"api-version": "1.1"}, "name": parts[1], "files": files}
            body, content_type = json.dumps(page).encode(), "application/vnd.pypi.simple.v1+json"
        elif parts[0] == "files" and len(parts) == 2 and parts[1] in self.uploaded:
            body, content_type = (self.wheels / parts[1]).read_bytes(), "application/octet-stream"
        else:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if with_body:
            self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def dated_index(wheels: Path) -> Iterator[str]:
    """tinydist 1.0 uploaded in January 2024, 2.0 in March 2025, coverage in 2023; the index's
    URL on 127.0.0.1."""
    coverage = next(path.name for path in wheels.glob("coverage-*.whl"))
    handler = type(
        "Index",
        (UploadTimeIndex,),
        {
            "wheels": wheels,
            "uploaded": {
                "tinydist-1.0-py3-none-any.whl": "2024-01-10T12:00:00Z",
                "tinydist-2.0-py3-none-any.whl": "2025-03-01T12:00:00Z",
                coverage: "2023-06-01T12:00:00Z",
            },
        },
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/simple"
    server.shutdown()
    server.server_close()


def test_a_lock_resolved_as_of_a_day_keeps_to_what_was_uploaded_before_it(
    bank: Bank,
    wheels: Path,
    dated_index: str,
    cache: dict[str, str],
    run_cli: Callable[..., subprocess.CompletedProcess[str]],
) -> None:
    """A benchmark's pins fix its own distributions but not their dependencies, which resolve
    to today's releases (BigCodeBench/227 needs pkg_resources, which today's setuptools lacks):
    `--as-of` resolves everything as it stood on a day, and later locks keep to it."""
    where = ["--bank", str(bank.root)]
    variables = {**cache, "UV_DEFAULT_INDEX": dated_index}
    lock = bank.root / "environment" / "requirements.lock"
    spec = bank.root / "environment" / "environment.json"

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return run_cli(*where, *args, env=variables)

    dated = cli("env", "lock", "--as-of", "2024-06-01")
    assert dated.returncode == 0, dated.stderr
    assert json.loads(spec.read_text())["as_of"] == "2024-06-01"
    added = cli("env", "add", "tinydist")  # a later lock keeps to the day
    assert added.returncode == 0, added.stderr
    assert "tinydist==1.0" in lock.read_text() and "coverage==" in lock.read_text()
    assert json.loads(cli("env", "show", "--json").stdout)["as_of"] == "2024-06-01"

    bad = cli("env", "lock", "--as-of", "2024-13-01")
    assert bad.returncode == 2 and "--as-of: " in bad.stderr and "month" in bad.stderr
    assert json.loads(spec.read_text())["as_of"] == "2024-06-01"

    too_new = cli("env", "add", "tinydist==2.0")
    assert too_new.returncode == 2
    assert "resolved as of 2024-06-01: only what was uploaded before" in too_new.stderr
    # Any day before curator's own coverage release failed, and the hint did not say why.
    assert "coverage>=7.5 too (every environment has it" in " ".join(too_new.stderr.split())
    assert "tinydist==1.0" in lock.read_text()  # a failed lock leaves the last one

    # uv cannot date local wheels: it takes them as they are, and says nothing of it.
    local = cli("env", "lock", "--no-index", "--find-links", str(wheels))
    assert local.returncode == 0, local.stderr
    assert "local wheels (--find-links) record no upload time" in local.stderr

    today = cli("env", "lock", "--as-of", "none")
    assert today.returncode == 0, today.stderr
    assert "tinydist==2.0" in lock.read_text()
    assert json.loads(spec.read_text())["as_of"] is None


def test_env_check_before_the_build_judges_the_lock_by_distribution_names(
    bank: Bank, tmp_path: Path, run_cli: Callable[..., subprocess.CompletedProcess[str]]
) -> None:
    """A declared environment not built yet got "run `curator env sync`" and nothing else:
    BigCodeBench's lock takes minutes to build, and which tasks it leaves out can be read from
    it first (sklearn comes with scikit-learn, which this lock does not pin)."""
    environment_folder = bank.root / "environment"
    environment_folder.mkdir()
    (environment_folder / "environment.json").write_text('{"python": "3.10"}\n')
    (environment_folder / "requirements.txt").write_text("numpy\n")
    (environment_folder / "requirements.lock").write_text(
        "coverage==7.6.0\n    # via -r requirements.txt\nnumpy==1.26.4\n"
    )
    bank.save(make_task("Fine/1"))
    numeric = make_task("Numeric/1")
    numeric.complete_prompt = "import numpy\n" + numeric.complete_prompt
    learning = make_task("Learning/1")
    learning.complete_prompt = "import sklearn.cluster\n" + learning.complete_prompt
    bank.save(numeric)
    bank.save(learning)
    unbuilt = {"XDG_CACHE_HOME": str(tmp_path / "empty-cache")}
    checked = run_cli("--bank", str(bank.root), "env", "check", env=unbuilt)
    assert checked.returncode == 1, checked.stderr
    said = " ".join(checked.stdout.split())
    assert "the environment is not built yet (`curator env sync` builds it); its lock (" in said
    assert "Learning/1: sklearn (scikit-learn)" in said
    assert "Numeric/1" not in said and "Fine/1" not in said
    found = json.loads(
        run_cli("--bank", str(bank.root), "env", "check", "--json", env=unbuilt).stdout
    )
    assert found["built"] is False and [t["task_id"] for t in found["tasks"]] == ["Learning/1"]


def test_env_check_checks_the_readable_tasks_and_names_the_unreadable(
    bank: Bank, run_cli: Callable[..., subprocess.CompletedProcess[str]]
) -> None:
    """One broken task.json does not hide what the other tasks lack (the check only reads)."""
    bank.save(tiny_task("Tiny/1"))
    bank.save(make_task("Fine/1"))
    broken = bank.task_dir("Fine/1") / "task.json"
    broken.write_text("{not json")
    checked = run_cli("--bank", str(bank.root), "env", "check", "--json")
    assert checked.returncode == 1, checked.stderr
    found = json.loads(checked.stdout)
    assert [task["task_id"] for task in found["tasks"]] == ["Tiny/1"]
    assert [Path(item["path"]) for item in found["unreadable"]] == [broken]
    shown = run_cli("--bank", str(bank.root), "env", "check")
    assert shown.returncode == 1
    assert "Tiny/1: tinydist (tinydist)" in shown.stdout
    # This bank declares none: what cannot run now comes first, then what one declared would
    # lack, as numpy "missing" where the tasks ran with it (curator's own interpreter) read as
    # a contradiction.
    said = " ".join(shown.stdout.split())
    assert said.startswith(
        "curator's own interpreter, where they run now, lacks (check the spelling of each "
        "import, or install what it names): Tiny/1: tinydist no environment is declared (the "
        "tasks run in curator's own interpreter)"
    )
    assert f"not checked: {broken}:" in " ".join(shown.stderr.split())
    shutil.rmtree(bank.task_dir("Tiny/1"))
    alone = run_cli("--bank", str(bank.root), "env", "check")
    assert alone.returncode == 1  # the unreadable task may lack modules: not a clean bill
    assert "every module the readable tasks import is in the environment" in alone.stdout


def test_env_check_without_an_environment_fails_only_for_what_cannot_run_now(
    bank: Bank, run_cli: Callable[..., subprocess.CompletedProcess[str]]
) -> None:
    """The demo bank (no environment declared, numpy in curator's interpreter) failed `env
    check` (exit 1) for what a declared environment would lack, though every task ran."""
    pytest.importorskip("numpy")
    bank.save(make_task(canonical_solution="    import numpy\n" + make_task().canonical_solution))
    checked = run_cli("--bank", str(bank.root), "env", "check")
    assert checked.returncode == 0, checked.stdout
    assert "cannot run" not in checked.stdout
    assert "add them with: curator env add numpy" in checked.stdout


@pytest.mark.parametrize("kind", ["file", "dangling link"])
def test_an_environment_that_is_not_a_folder_is_named(tmp_path: Path, kind: str) -> None:
    """A file (or a link to nothing) named `environment` in the bank was taken for no
    environment at all: tasks ran in curator's own interpreter, and `env add` failed with
    "File exists". Each names it now, and leaves it as it was."""
    place = tmp_path / "environment"
    if kind == "file":
        place.write_text("numpy==1.26.4\n")
    else:
        place.symlink_to(tmp_path / "nowhere")
    problem = f"^{re.escape(str(place))}: is not a folder"
    with pytest.raises(EnvironmentProblem, match=problem):
        declared_environment(tmp_path)
    with pytest.raises(EnvironmentProblem, match=problem):
        envbuild.ensure_declared(tmp_path)
    assert place.is_symlink() if kind != "file" else place.read_text() == "numpy==1.26.4\n"


def test_an_environment_file_that_is_not_utf8_is_named(tmp_path: Path) -> None:
    """A lock or spec that is not UTF-8 (a bad merge, a binary written over it) is named as
    an environment problem: it was a traceback from every command that reads the bank."""
    directory = tmp_path / "environment"
    directory.mkdir()
    (directory / "environment.json").write_text('{"python": "3.11"}')
    lock = directory / "requirements.lock"
    lock.write_bytes(b"\xff\xfe garbage\n")
    with pytest.raises(EnvironmentProblem, match=f"^{re.escape(str(lock))}: is not UTF-8"):
        declared_environment(tmp_path)
    with pytest.raises(EnvironmentProblem, match=f"^{re.escape(str(lock))}: is not UTF-8"):
        lock_environment(lock)
    lock.write_text("coverage==7.6.1\n")
    (directory / "environment.json").write_bytes(b'{"python": "3.11\xff"}')
    with pytest.raises(EnvironmentProblem, match=r"environment\.json: is not UTF-8"):
        declared_environment(tmp_path)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("jsno", "json"),  # two letters swapped
        ("nunpy", "numpy"),  # one letter replaced
        ("colections", "collections"),  # a letter left out
        ("statisstics", "statistics"),  # one doubled in a long name
        ("pytz", None),  # a missing library one letter longer than `pty`: not a typo
        ("jsn", None),  # too short to tell
        ("ujson", None),  # one slip from `_json`, a private module
        ("cv2", None),
        ("tome", None),  # one slip from both `time` and `tomb`: which is unclear
    ],
)
def test_a_library_one_slip_from_an_importable_module_is_taken_for_a_typo(
    typed: str, meant: str | None
) -> None:
    available = {
        "json",
        "numpy",
        "pty",
        "csv",
        "time",
        "tomb",
        "os",
        "collections",
        "statistics",
        "_json",
    }
    assert one_slip_from(typed, available) == meant
