"""A task that does what a benchmark task should not (here: writes outside its scratch) passes
with a runtime finding, and is not accepted until a reviewer waives the finding with a reason."""

from __future__ import annotations

import json

from conftest import make_task
from curator.app.views import report_header
from curator.bank import Bank
from curator.history import gate_facts
from curator.models import Stage, ValidationSummary, Verdict, unwaived_runtime_findings
from curator.pipeline import stage_blockers
from curator.sandbox import Sandbox
from curator.validation import REPORT_FILE, ValidationReport

WRITES_OUTSIDE = """    if top < 1:
        raise ValueError("top must be positive")
    try:
        with open("/etc/curator-runtime-probe", "w") as handle:
            handle.write("x")
    except OSError:
        pass
    words = re.findall(r"\\w+", text.lower())
    return collections.Counter(words).most_common(top)
"""


def test_a_runtime_finding_blocks_acceptance_until_waived(bank: Bank, run_cli) -> None:
    task = make_task("Test/1", canonical_solution=WRITES_OUTSIDE)
    with bank.lock():
        bank.add_all([task])

    validated = run_cli("--bank", bank.root, "validate", "Test/1", "--json")
    assert validated.returncode == 0, validated.stderr
    (row,) = [json.loads(line) for line in validated.stdout.splitlines()]
    assert row["verdict"] == "pass"
    assert [finding["code"] for finding in row["runtime"]] == ["write_outside"]
    assert "/etc/curator-runtime-probe" in row["runtime"][0]["message"]
    report = bank.read_sidecar("Test/1", REPORT_FILE, ValidationReport)
    assert report is not None
    header = report_header(report).plain
    assert "runtime [write_outside]" in header
    # The first line says how many findings the box holds: the last ones were never seen.
    counted = len(report.static) + len(report.warnings) + 1
    assert header.splitlines()[0].endswith(f" · {counted} finding{'s' * (counted > 1)}")

    listed = run_cli("--bank", bank.root, "list", "--json")
    assert json.loads(listed.stdout)["runtime_unwaived"] == ["write_outside"]
    stored = bank.load("Test/1")
    assert any(
        "not waived: write_outside" in problem
        for problem in stage_blockers(stored, Stage.ACCEPTED, gate_facts(bank, stored))
    )

    unknown = run_cli("--bank", bank.root, "waive", "Test/1", "network", "--reason", "fine")
    assert unknown.returncode == 2
    assert "no runtime or shape finding 'network' now (it has: write_outside)" in unknown.stderr

    waived = run_cli(
        "--bank",
        bank.root,
        "waive",
        "Test/1",
        "write_outside",
        "--reason",
        "the write fails harmlessly and the task handles it",
        "--annotator",
        "Rita Reviewer",
    )
    assert waived.returncode == 0, waived.stderr
    stored = bank.load("Test/1")
    assert unwaived_runtime_findings(stored) == []
    assert [(waiver.code, waiver.who) for waiver in stored.waivers] == [
        ("write_outside", "Rita Reviewer")
    ]
    assert stored.waivers[0].content_hash == stored.content_hash()
    assert not any(
        "not waived" in problem
        for problem in stage_blockers(stored, Stage.ACCEPTED, gate_facts(bank, stored))
    )
    listed = run_cli("--bank", bank.root, "list", "--json")
    assert json.loads(listed.stdout)["runtime_unwaived"] == []


def test_an_ordinary_task_has_no_runtime_findings(bank: Bank, run_cli) -> None:
    with bank.lock():
        bank.add_all([make_task("Test/1")])
    validated = run_cli("--bank", bank.root, "validate", "Test/1", "--json")
    (row,) = [json.loads(line) for line in validated.stdout.splitlines()]
    assert (row["verdict"], row["runtime"], row["tampering"]) == ("pass", [], [])


def test_a_findings_examples_are_listed_in_one_order_whatever_order_they_came_in() -> None:
    """Threads make the same attempts in another order from run to run (BigCodeBench/147
    connects to three addresses at once): the report lists them sorted, so it is the same."""
    program = (
        "import socket\n\n\n"
        'def task_func(last):\n    """Try three hosts, the last first."""\n'
        "    for host in (f'192.0.2.{last}', '192.0.2.1', '192.0.2.2'):\n"
        "        with socket.socket() as connection:\n"
        "            connection.settimeout(0.2)\n"
        "            try:\n"
        "                connection.connect((host, 80))\n"
        "            except OSError:\n"
        "                pass\n"
    )
    tests = (
        "import unittest\n\nclass TestCases(unittest.TestCase):\n"
        "    def test_tries(self):\n        task_func(3)\n"
    )
    with Sandbox(preload=False) as sandbox:
        run = sandbox.run(program, tests)
    assert run.passed, run
    assert [(finding.code, finding.message) for finding in run.runtime] == [
        (
            "network",
            "tried to reach the network: socket.connect 192.0.2.1; socket.connect 192.0.2.2; "
            "socket.connect 192.0.2.3",
        )
    ]


def test_a_findings_examples_show_temporary_names_alike_in_every_run() -> None:
    """tempfile draws a new name each run: a report that quoted it would change every time
    the same task is validated (BigCodeBench/16 runs tar on files in temporary folders)."""
    program = (
        "import subprocess\nimport tempfile\n\n\n"
        'def task_func():\n    """Archive a fresh folder."""\n'
        "    folder = tempfile.mkdtemp()\n"
        "    subprocess.run(['tar', '-cf', folder + '.tar', folder], capture_output=True)\n"
        "    return folder\n"
    )
    tests = (
        "import unittest\n\nclass TestCases(unittest.TestCase):\n"
        "    def test_archives(self):\n        self.assertTrue(task_func())\n"
    )
    with Sandbox(preload=False) as sandbox:
        runs = [sandbox.run(program, tests) for _ in range(2)]
    messages = [[(finding.code, finding.message) for finding in run.runtime] for run in runs]
    assert messages[0] == [
        (
            "subprocess",
            "started other programs: subprocess.Popen: "
            "tar -cf /tmp/tmpXXXXXXXX.tar /tmp/tmpXXXXXXXX",
        )
    ]
    assert messages[1] == messages[0]


def test_files_in_the_scratch_are_no_finding_anonymous_ones_included() -> None:
    """`tempfile.TemporaryFile()` opens the scratch folder itself (O_TMPFILE on Linux), as
    TensorFlow does inside (BigCodeBench/418): a finding there needed a waiver for nothing."""
    program = (
        "import os\nimport tempfile\n\n\n"
        'def task_func(numbers):\n    """Sum numbers written to temporary files."""\n'
        "    with tempfile.TemporaryFile('w+') as anonymous:\n"
        "        anonymous.write(' '.join(map(str, numbers)))\n"
        "        anonymous.seek(0)\n"
        "        total = sum(map(int, anonymous.read().split()))\n"
        "    handle, path = tempfile.mkstemp()\n"
        "    os.close(handle)\n"
        "    os.remove(path)\n"
        "    return total\n"
    )
    tests = (
        "import unittest\n\nclass TestCases(unittest.TestCase):\n"
        "    def test_sum(self):\n        self.assertEqual(task_func([1, 2, 3]), 6)\n"
    )
    with Sandbox(preload=False) as sandbox:
        run = sandbox.run(program, tests)
    assert run.passed, run
    assert run.runtime == []


def test_a_finding_of_the_tests_and_of_the_examples_is_listed_once() -> None:
    """BigCodeBench/59 reached the network in its tests and in its docstring example: `list`
    said 'network, network'."""
    task = make_task()
    task.validation = ValidationSummary(
        verdict=Verdict.PASS,
        content_hash=task.content_hash(),
        environment="here",
        runtime=["network", "network"],
    )
    assert unwaived_runtime_findings(task) == ["network"]


def test_a_long_finding_is_cut_with_an_ellipsis(bank: Bank, run_cli) -> None:
    """Cut at 300 characters mid-path, a runtime example looked whole (BigCodeBench/16)."""
    writes = "".join(
        f"    try:\n        open('/etc/{letter * 150}', 'w')\n    except OSError:\n        pass\n"
        for letter in "abc"
    )
    task = make_task("Test/1", canonical_solution=writes + WRITES_OUTSIDE)
    with bank.lock():
        bank.add_all([task])
    validated = run_cli("--bank", bank.root, "validate", "Test/1")
    (line,) = [line for line in validated.stdout.splitlines() if line.startswith("runtime ")]
    assert len(line) < 350 and line.endswith("…"), line
