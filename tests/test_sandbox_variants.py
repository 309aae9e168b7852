"""Batches of variants (`Sandbox.run_variants`, what mutation testing runs) and the per-test
lines of a reference run: each variant judged as if it ran alone, whatever the others did."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from curator.sandbox import RunOptions, Sandbox, SuiteRun, Variant

PROGRAM = """import os
import tempfile

def task_func(x):
    if x < 0:
        raise ValueError("negative")
    return x * 2
"""

TESTS = """import os
import tempfile
import unittest

class TestCases(unittest.TestCase):
    def test_double(self):
        self.assertEqual(task_func(3), 6)

    def test_negative(self):
        with self.assertRaises(ValueError):
            task_func(-1)

    def test_nothing_left_in_scratch(self):
        # Not "empty": an interpreter installed under /tmp shows there (read-only).
        self.assertNotIn("left", os.listdir(tempfile.gettempdir()))
"""

BATCH = RunOptions(coverage=False, fail_fast=True, timeout_s=5)
ALL_TESTS = ["test_double", "test_negative", "test_nothing_left_in_scratch"]


def variant(body: str, tests: list[str] = ALL_TESTS) -> Variant:
    return Variant(program=PROGRAM.replace("    return x * 2\n", body), test_order=tests)


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox() as shared:
        yield shared


def outcomes(run: SuiteRun | None) -> list[tuple[str, str]]:
    assert run is not None
    return [(test.name, test.outcome) for test in run.tests]


def test_each_variant_is_judged_as_it_would_be_alone(sandbox: Sandbox) -> None:
    variants = [
        variant("    return x * 2\n"),
        variant("    return x * 3\n"),
        # Leaves a file and a process behind: the next variant sees neither.
        variant(
            "    os.makedirs(os.path.join(tempfile.gettempdir(), 'left', 'deep'))\n"
            "    open(os.path.join(tempfile.gettempdir(), 'left', 'deep', 'file'), 'w').close()\n"
            "    if os.fork() == 0:\n"
            "        import time\n"
            "        time.sleep(60)\n"
            "    return x * 2\n",
            ["test_double"],
        ),
        variant("    return x * 2\n"),
        variant("    while True:\n        pass\n", ["test_double"]),
        variant("    return x * 2\n", ["test_negative"]),
    ]
    runs = sandbox.run_variants(variants, TESTS, options=BATCH.model_copy(update={"timeout_s": 2}))
    alone = [
        sandbox.run(
            v.program,
            TESTS,
            options=BATCH.model_copy(update={"test_order": v.test_order, "timeout_s": 2}),
        )
        for v in variants
    ]
    assert [run.status if run else None for run in runs] == [run.status for run in alone]
    assert [outcomes(run) for run in runs] == [outcomes(run) for run in alone]
    assert outcomes(runs[0]) == [(name, "pass") for name in ALL_TESTS]
    assert outcomes(runs[1])[0] == ("test_double", "fail")
    assert runs[1] is not None and [test.started for test in runs[1].tests].count(True) == 1
    assert runs[2] is not None and runs[2].passed
    assert any(finding.code == "leftover_processes" for finding in runs[2].runtime)
    assert outcomes(runs[3]) == [(name, "pass") for name in ALL_TESTS]  # the file is gone
    assert runs[4] is not None and runs[4].status == "timeout"
    assert outcomes(runs[5]) == [("test_negative", "pass")]


def test_a_variant_that_ends_the_batch_leaves_the_rest_unanswered(sandbox: Sandbox) -> None:
    killer = variant("    os.kill(os.getppid(), 9)\n    return x * 2\n", ["test_double"])
    runs = sandbox.run_variants(
        [variant("    return x * 2\n"), killer, variant("")], TESTS, options=BATCH
    )
    assert runs[0] is not None and runs[0].passed
    assert runs[1] is None and runs[2] is None


def test_forged_records_leave_every_variant_unanswered(sandbox: Sandbox) -> None:
    forger = variant(
        "    for fd in range(3, 64):\n"
        "        try:\n"
        '            os.write(fd, b\'{"event": "done"}\\tfeed\\n\')\n'
        "        except OSError:\n"
        "            pass\n"
        "    return x * 2\n",
        ["test_double"],
    )
    runs = sandbox.run_variants([variant("    return x * 2\n"), forger], TESTS, options=BATCH)
    assert runs == [None, None]


def test_without_isolation_no_batch_runs() -> None:
    with Sandbox(isolate=False) as plain:
        assert plain.run_variants([variant("    return x * 2\n")], TESTS, options=BATCH) == [None]


def test_the_reference_run_says_which_lines_each_test_runs(sandbox: Sandbox) -> None:
    run = sandbox.run(PROGRAM, TESTS, options=RunOptions(test_lines=True))
    assert run.passed and run.lines is not None
    assert run.lines.by_test["test_negative"] == [5, 6]
    assert run.lines.by_test["test_double"] == [5, 7]
    assert "test_nothing_left_in_scratch" not in run.lines.by_test
    assert {1, 2, 4} <= set(run.lines.outside)
    assert run.lines.tests_running(7) == ["test_double"]
    assert run.lines.tests_running(4) is None  # the def line runs at import, for every test
    plain = sandbox.run(PROGRAM, TESTS)
    assert plain.lines is None


def test_a_test_over_its_cpu_time_limit_ends_the_run_as_a_timeout(sandbox: Sandbox) -> None:
    limits = {"test_double": 0.3, "test_negative": 0.3, "test_nothing_left_in_scratch": 0.3}
    options = BATCH.model_copy(update={"test_cpu_limits_s": limits, "timeout_s": 20})
    looping = variant("    while True:\n        pass\n", ["test_double"])
    waiting = variant("    import time\n    time.sleep(0.6)\n    return x * 2\n", ["test_double"])
    runs = sandbox.run_variants([looping, waiting], TESTS, options=options)
    assert runs[0] is not None and runs[0].status == "timeout"
    assert runs[0].message == "test_double used more than its 0.30 s of CPU time"
    assert runs[0].duration_s < 10  # not the 20 s wall-clock limit
    assert runs[1] is not None and runs[1].passed  # waiting uses no CPU time
    alone = sandbox.run(
        looping.program, TESTS, options=options.model_copy(update={"test_order": ["test_double"]})
    )
    assert alone.status == "timeout" and alone.message == runs[0].message


def test_a_run_says_how_much_cpu_time_it_used_even_when_killed_at_its_deadline(
    sandbox: Sandbox,
) -> None:
    computing = (
        "    import time\n    while time.process_time() < 0.5:\n        pass\n    time.sleep(60)\n"
    )
    waiting = "    import time\n    time.sleep(60)\n"
    options = RunOptions(timeout_s=4, test_order=["test_double"])
    runs = {
        name: sandbox.run(PROGRAM.replace("    return x * 2\n", body), TESTS, options=options)
        for name, body in (("computing", computing), ("waiting", waiting))
    }
    assert {run.status for run in runs.values()} == {"timeout"}
    # /proc counts in clock ticks (10 ms): 0.5 s of computing may read as 0.49 s.
    assert runs["computing"].cpu_s is not None and runs["computing"].cpu_s >= 0.4
    assert runs["waiting"].cpu_s is not None and runs["waiting"].cpu_s < 0.3
    finished = sandbox.run(PROGRAM, TESTS)
    assert finished.passed and finished.cpu_s is not None and finished.cpu_s > 0


def test_the_reference_run_says_whether_it_bound_a_socket(sandbox: Sandbox) -> None:
    serving = PROGRAM.replace(
        "    return x * 2\n",
        "    import socket\n"
        "    with socket.socket() as server:\n"
        "        server.bind(('127.0.0.1', 0))\n"
        "    return x * 2\n",
    )
    options = RunOptions(test_lines=True)
    bound = sandbox.run(serving, TESTS, options=options).lines
    assert bound is not None and bound.bound_sockets
    unbound = sandbox.run(PROGRAM, TESTS, options=options).lines
    assert unbound is not None and not unbound.bound_sockets
