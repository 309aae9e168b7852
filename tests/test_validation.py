"""The validation engine: sandbox runs, verdicts, coverage, static checks, storage and the CLI."""

from __future__ import annotations

import importlib.util
import json
import os
import random
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conftest import WORD_COUNT_TESTS, make_task
from curator import environment
from curator.bank import Bank
from curator.models import Stage, Task, ValidationSummary, Verdict
from curator.pipeline import PipelineFacts, stage_blockers
from curator.program import literal_sleep_s
from curator.sandbox import Company, Interpreter, RunOptions, Sandbox, waited
from curator.sandbox.harness import per_test_seed
from curator.static_checks import risky_test_warnings, static_problems
from curator.validation import (
    REPORT_FILE,
    ValidationReport,
    company_for,
    current_report,
    longest_first,
    sandbox_for,
    stale_reason,
    static_checks,
    static_checks_batch,
    store_report,
    validate_task,
    validate_tasks,
)

# The word-count tests without the one that covers `raise ValueError` (task.py lines 26-27).
PARTIAL_TESTS = WORD_COUNT_TESTS.split("    def test_bad_top")[0]


def test_tasks_never_validated_start_with_those_that_train_models_then_those_that_sleep() -> None:
    """Without a last validation to go by, a task importing TensorFlow or Keras (which trains
    a model: BigCodeBench/417 took 71 to 111 s) runs first, a task that sleeps next, the rest
    in the order asked; a task that only names Keras in its text imports nothing heavy."""
    trains = make_task("Test/trains", test="import keras.layers\n" + WORD_COUNT_TESTS)
    sleeps = make_task(
        "Test/sleeps",
        test=WORD_COUNT_TESTS.replace(
            "import unittest\n", "import time\nimport unittest\ntime.sleep(2)\n"
        ),
    )
    mentions = make_task("Test/mentions", test=WORD_COUNT_TESTS + "# not keras: tensorflow\n")
    plain = make_task("Test/plain")
    order = longest_first([plain, mentions, sleeps, trains])
    assert [task.task_id for task in order] == [
        "Test/trains",
        "Test/sleeps",
        "Test/plain",
        "Test/mentions",
    ]


def line_of(program: str, text: str) -> int:
    return next(number for number, line in enumerate(program.splitlines(), 1) if text in line)


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox() as shared:
        yield shared


def run_program(sandbox: Sandbox, program: str, tests: str, **options: object):
    return sandbox.run(program, tests, options=RunOptions(**options))


# -- verdicts ------------------------------------------------------------------------------------


def test_valid_task_passes_with_full_coverage(sandbox: Sandbox) -> None:
    report = validate_task(make_task(), sandbox)
    assert report.verdict is Verdict.PASS
    assert {name: test.outcome for name, test in report.tests.items()} == {
        "test_bad_top": "pass",
        "test_case_insensitive": "pass",
        "test_counts": "pass",
    }
    assert (report.branch_coverage, report.line_coverage) == (100.0, 100.0)
    assert (report.missed_lines, report.missed_branches) == ([], [])
    assert report.static == []
    assert report.environment == environment.fingerprint()


def test_missed_lines_and_branches_are_task_py_lines(sandbox: Sandbox) -> None:
    task = make_task(test=PARTIAL_TESTS)
    report = validate_task(task, sandbox)
    condition = line_of(task.program, "if top <= 0")
    raise_line = line_of(task.program, "raise ValueError")
    assert report.verdict is Verdict.PASS
    assert report.missed_lines == [raise_line]
    assert report.missed_branches == [(condition, raise_line)]
    assert report.branch_coverage == 50.0
    assert report.line_coverage < 100.0


def test_coverage_agrees_with_coverage_py_run_by_hand(sandbox: Sandbox, tmp_path: Path) -> None:
    task = make_task(test=PARTIAL_TESTS)
    report = validate_task(task, sandbox)
    (tmp_path / "task.py").write_text(task.program)
    (tmp_path / "test_by_hand.py").write_text("from task import *\n" + task.test)
    coverage = [sys.executable, "-m", "coverage"]
    subprocess.run(
        [*coverage, "run", "--branch", "--include=task.py", "-m", "unittest", "test_by_hand"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
    )
    subprocess.run([*coverage, "json", "-o", "cov.json"], cwd=tmp_path, check=True)
    by_hand = json.loads((tmp_path / "cov.json").read_text())["files"]["task.py"]
    assert abs(by_hand["summary"]["percent_branches_covered"] - report.branch_coverage) < 0.5
    assert abs(by_hand["summary"]["percent_statements_covered"] - report.line_coverage) < 0.5
    assert by_hand["missing_lines"] == report.missed_lines


def test_wrong_solution_fails_with_the_assertion(sandbox: Sandbox) -> None:
    task = make_task(canonical_solution="    return [('a', 1)]\n")
    report = validate_task(task, sandbox)
    assert report.verdict is Verdict.FAIL
    failed = report.tests["test_counts"]
    assert failed.outcome == "fail"
    assert "AssertionError" in failed.message
    assert "tests.py" in failed.traceback and "test_counts" in failed.traceback


def test_a_traceback_shows_the_tests_and_the_task_not_unittests_own_frames(
    sandbox: Sandbox,
) -> None:
    """As `python -m unittest` prints it: no frames of unittest's machinery above the test
    (testPartExecutor, run, _callTestMethod) nor inside its assertions (assertEqual, fail)."""
    report = validate_task(make_task(canonical_solution="    return [('a', 1)]\n"), sandbox)
    trace = report.tests["test_counts"].traceback
    assert trace is not None
    frames = [line.strip() for line in trace.splitlines() if line.strip().startswith("File ")]
    assert frames and all('/tests.py"' in frame for frame in frames), trace
    assert "\nAssertionError: " in trace
    error = validate_task(make_task(canonical_solution="    return len(None)\n"), sandbox)
    frames = [
        line.strip()
        for line in (error.tests["test_counts"].traceback or "").splitlines()
        if line.strip().startswith("File ")
    ]
    assert ['/tests.py"' in frame for frame in frames] == [True, False], frames
    assert '/task.py"' in frames[1]


def test_an_error_raised_in_unittests_own_code_keeps_its_frames(sandbox: Sandbox) -> None:
    """A setUpClass written without @classmethod fails inside unittest's suite: its frame is
    all the traceback has, and stays."""
    tests = (
        "import unittest\n\nclass TestCases(unittest.TestCase):\n"
        "    def setUpClass(self):\n        pass\n"
        "    def test_counts(self):\n        pass\n"
    )
    run = sandbox.run(make_task().program, tests, options=RunOptions(coverage=False))
    [fixture] = run.fixture_errors
    assert fixture.traceback is not None
    assert 'unittest/suite.py", line' in fixture.traceback, fixture.traceback


def test_exception_in_solution_is_an_error(sandbox: Sandbox) -> None:
    task = make_task(canonical_solution="    return len(None)\n")
    report = validate_task(task, sandbox)
    assert report.verdict is Verdict.ERROR
    assert report.tests["test_counts"].message.startswith("TypeError")


def test_missing_library_is_environment_not_fail(sandbox: Sandbox) -> None:
    task = make_task(
        complete_prompt="import curator_absent_library\n" + make_task().complete_prompt
    )
    report = validate_task(task, sandbox)
    assert report.verdict is Verdict.ENVIRONMENT
    assert report.missing_module == "curator_absent_library"
    assert "curator_absent_library" in report.message


def test_missing_library_imported_inside_a_test_is_environment(sandbox: Sandbox) -> None:
    tests = WORD_COUNT_TESTS + (
        "\n    def test_uses_a_missing_library(self):\n        import curator_absent_library\n"
    )
    report = validate_task(make_task(test=tests), sandbox)
    assert report.verdict is Verdict.ENVIRONMENT
    assert report.missing_module == "curator_absent_library"


def test_a_module_missing_for_a_library_names_the_library(sandbox: Sandbox) -> None:
    """BigCodeBench/227: the task imports librosa, and librosa imports pkg_resources, which
    the environment's setuptools no longer ships. `env check` reads the task's own imports
    only: the verdict names the library that asked. (A folder named site-packages stands in
    for the installed library here.)"""
    tests = WORD_COUNT_TESTS + (
        "\n    def test_uses_a_library(self):\n"
        "        import os, sys, tempfile\n"
        "        root = os.path.join(tempfile.mkdtemp(), 'site-packages')\n"
        "        os.makedirs(os.path.join(root, 'fancylib'))\n"
        "        with open(os.path.join(root, 'fancylib', '__init__.py'), 'w') as handle:\n"
        "            handle.write('import curator_absent_library\\n')\n"
        "        sys.path.insert(0, root)\n"
        "        import fancylib\n"
    )
    report = validate_task(make_task(test=tests), sandbox)
    assert report.verdict is Verdict.ENVIRONMENT, report.message
    assert report.missing_module == "curator_absent_library"
    assert report.message == (
        "module 'curator_absent_library' is not installed in the sandbox (fancylib imports it): "
        "add it with `curator env add curator_absent_library`, or fix the import"
    )


def test_an_optional_dependency_pandas_asks_for_is_environment(sandbox: Sandbox) -> None:
    """pandas raises a bare ImportError naming the optional dependency a call needs
    (to_markdown: tabulate; read_excel: openpyxl): the environment lacks it, the task is fine."""
    pytest.importorskip("pandas")
    if importlib.util.find_spec("tabulate") is not None:
        pytest.skip("tabulate is installed here")
    tests = WORD_COUNT_TESTS + (
        "\n    def test_markdown(self):\n"
        "        import pandas as pd\n"
        "        pd.DataFrame({'a': [1]}).to_markdown()\n"
    )
    report = validate_task(make_task(test=tests), sandbox)
    assert report.verdict is Verdict.ENVIRONMENT, report.message
    assert report.missing_module == "tabulate"
    assert report.message == (
        "module 'tabulate' is not installed in the sandbox (pandas imports it): add it with "
        "`curator env add tabulate`, or fix the import"
    )


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"canonical_solution": "    return (\n"}, "SyntaxError"),
        ({"test": "import unittest\n"}, "TestCases"),
        ({"entry_point": "other_func"}, "other_func"),
        ({"test": "import unittest\nclass TestCases(unittest.TestCase):\n    x = 1\n"}, "no test"),
    ],
    ids=["syntax-error", "no-testcases", "no-entry-point", "no-test-method"],
)
def test_task_that_cannot_run_is_invalid(
    sandbox: Sandbox, fields: dict[str, str], reason: str
) -> None:
    report = validate_task(make_task(**fields), sandbox)
    assert report.verdict is Verdict.INVALID
    assert reason in report.message
    assert any(problem.severity == "error" for problem in report.static)


def test_tests_that_are_all_async_are_tests(sandbox: Sandbox) -> None:
    """An IsolatedAsyncioTestCase whose tests are all `async def` has tests: it was refused as
    "TestCases has no test method" (red team round fifteen's side finding)."""
    tests = (
        "import unittest\n\n\nclass TestCases(unittest.IsolatedAsyncioTestCase):\n"
        "    async def test_counts(self):\n"
        "        self.assertEqual(task_func('a b a', top=1), [('a', 2)])\n"
    )
    report = validate_task(make_task(test=tests), sandbox)
    assert report.verdict is Verdict.PASS, report.message
    assert [test.name for test in report.tests.values()] == ["test_counts"]


def test_program_raising_at_import_is_invalid(sandbox: Sandbox) -> None:
    task = make_task(complete_prompt="raise RuntimeError('boom')\n" + make_task().complete_prompt)
    report = validate_task(task, sandbox)
    assert report.verdict is Verdict.INVALID
    assert "RuntimeError: boom" in report.message


def test_static_problems_do_not_fail_a_passing_run(sandbox: Sandbox) -> None:
    task = make_task(libs=["re"], complete_prompt="import os\n" + make_task().complete_prompt)
    report = validate_task(task, sandbox)
    assert report.verdict is Verdict.PASS
    codes = {problem.code for problem in report.static}
    assert {"F401", "libs-mismatch", "requirements-missing"} <= codes


# -- run options and isolation ---------------------------------------------------------------------

PROBE_PROGRAM = """import os, subprocess, sys, time, datetime, random

def task_func():
    return 1
"""


def probe(sandbox: Sandbox, expression: str, **options: object) -> str:
    """Print `expression` evaluated inside a sandboxed test; return what it printed."""
    tests = (
        "import unittest\nclass TestCases(unittest.TestCase):\n"
        f"    def test_probe(self):\n        print('PROBE', repr({expression}))\n"
    )
    run = run_program(sandbox, PROBE_PROGRAM, tests, coverage=False, **options)
    assert run.status == "completed", run.message
    line = next(line for line in run.stdout_tail.splitlines() if line.startswith("PROBE "))
    return line.removeprefix("PROBE ")


def test_task_runs_unprivileged_in_plain_scratch_directories(sandbox: Sandbox) -> None:
    """Paths a plain machine gives (BigCodeBench/1127 splits them on '-'), and `python`."""
    seen = eval(probe(sandbox, "(os.getcwd(), os.environ['HOME'], os.environ['TMPDIR'])"))
    assert seen == ("/home/user", "/home/user", "/tmp")
    command = "subprocess.run(['python', '-c', 'import sys; print(sys.executable)'], "
    command += "capture_output=True, text=True).stdout.strip()"
    assert eval(probe(sandbox, command)) == sys.executable
    if os.geteuid() == 0:
        assert int(probe(sandbox, "os.getuid()")) in sandbox.uids
    # The run's root is prepared before its uid is known: the uid's entry and HOME's owner
    # are written with the request.
    user = "__import__('pwd').getpwuid(os.getuid())"
    assert eval(probe(sandbox, f"({user}.pw_name, {user}.pw_dir)")) == ("user", "/home/user")
    assert eval(probe(sandbox, "os.stat('/home/user').st_uid == os.getuid()"))


def test_home_and_protected_directories_are_hidden(bank: Bank) -> None:
    with Sandbox(protect=[bank.root]) as protecting:
        seen = probe(
            protecting,
            f"os.listdir({str(bank.root)!r}) if os.path.isdir({str(bank.root)!r}) else None",
        )
        assert seen in ("None", "[]")
        home_listing = eval(probe(protecting, f"os.listdir({str(Path.home())!r})"))
        assert set(home_listing) <= {part for part in Path(sys.prefix).parts} | {
            Path(path).relative_to(Path.home()).parts[0]
            for path in (sys.prefix, sys.base_prefix, *sys.path)
            if path.startswith(str(Path.home()) + "/")
        }


def test_test_order_runs_only_the_named_tests_in_that_order(sandbox: Sandbox) -> None:
    task = make_task()
    run = sandbox.run(
        task.program, task.test, options=RunOptions(test_order=["test_counts", "test_bad_top"])
    )
    assert [test.name for test in run.tests] == ["test_counts", "test_bad_top"]
    assert run.passed


def test_hash_seed_selects_a_fresh_interpreter_with_that_seed(sandbox: Sandbox) -> None:
    default = probe(sandbox, "hash('curator')")
    assert probe(sandbox, "hash('curator')") == default
    seeded = probe(sandbox, "hash('curator')", hash_seed=7)
    assert seeded == probe(sandbox, "hash('curator')", hash_seed=7, fresh_interpreter=True)
    assert seeded != default


def test_runs_of_a_warm_hash_seed_fork_from_a_worker_of_that_seed(sandbox: Sandbox) -> None:
    """A flaky check of many tasks runs the same few hash seeds in each task: within
    `warm_hash_seeds`, their runs fork from a worker of that seed (and of the kind the code
    needs: this one preloads asyncio) instead of starting an interpreter each. A run sees what
    a fresh interpreter of its seed sees."""
    seen = "(hash('curator'), 'asyncio' in sys.modules)"
    fresh_hash, _ = eval(probe(sandbox, seen, hash_seed=4242, fresh_interpreter=True))
    workers = len(sandbox.worker_pids())
    assert eval(probe(sandbox, seen, hash_seed=4242)) == (fresh_hash, False)
    with sandbox.warm_hash_seeds([4242]):
        for _ in range(2):
            assert eval(probe(sandbox, seen, hash_seed=4242)) == (fresh_hash, True)
            assert len(sandbox.worker_pids()) == workers + 1
        assert eval(probe(sandbox, seen, hash_seed=4242, fresh_interpreter=True))[1] is False
        assert eval(probe(sandbox, seen, hash_seed=4243))[0] != fresh_hash
        assert len(sandbox.worker_pids()) == workers + 1
    assert len(sandbox.worker_pids()) == workers  # its worker ended with the block


def test_random_seed_is_applied_before_each_test(sandbox: Sandbox) -> None:
    import numpy

    first = probe(sandbox, "(random.random(), __import__('numpy').random.rand())", random_seed=3)
    second = probe(sandbox, "(random.random(), __import__('numpy').random.rand())", random_seed=3)
    assert first == second
    # numpy, imported by the test after it started, was seeded as it loaded
    seed = per_test_seed(3, "test_probe")
    assert eval(first) == (random.Random(seed).random(), numpy.random.RandomState(seed).rand())


def test_each_test_of_a_seeded_run_starts_from_its_own_random_state(sandbox: Sandbox) -> None:
    """Red team: with one seed for all, two tests began from the same random state, which a
    test compared to tell the flaky check from a validation, and passed only there."""
    tests = (
        "import random\nimport unittest\nclass TestCases(unittest.TestCase):\n"
        "    def test_a(self):\n        print('DRAW a', random.random())\n"
        "    def test_b(self):\n        print('DRAW b', random.random())\n"
    )

    def draws() -> list[str]:
        run = run_program(sandbox, PROBE_PROGRAM, tests, coverage=False, random_seed=11)
        return sorted(line for line in run.stdout_tail.splitlines() if line.startswith("DRAW"))

    first = draws()
    assert first == draws()  # a replay draws the same
    assert len({line.split()[2] for line in first}) == 2


def test_a_seeded_run_loads_numpy_only_if_its_code_imports_it(sandbox: Sandbox) -> None:
    """Seeding used to import numpy in every seeded run: 50 ms of each flaky-check run of a
    task that never uses it."""
    assert probe(sandbox, "'numpy' in sys.modules", random_seed=3) == "False"


def test_forked_runs_do_not_share_numpy_random_state(sandbox: Sandbox) -> None:
    values = {probe(sandbox, "__import__('numpy').random.rand()") for _ in range(3)}
    assert len(values) == 3


def test_clock_offset_and_time_zone(sandbox: Sandbox) -> None:
    century = 100 * 365.25 * 86400
    shifted = eval(
        probe(
            sandbox,
            "(time.time(), datetime.datetime.now().year, datetime.date.today().year, "
            "isinstance(datetime.datetime(2000, 1, 1), datetime.datetime))",
            clock_offset_s=century,
        )
    )
    assert shifted[0] > 4_000_000_000
    assert shifted[1] >= 2100 and shifted[2] >= 2100 and shifted[3] is True
    assert probe(sandbox, "time.localtime().tm_gmtoff", tz="Asia/Tokyo") == str(9 * 3600)
    assert probe(sandbox, "time.localtime().tm_gmtoff") == "0"


def test_a_fresh_interpreter_with_a_shifted_clock_can_load_pandas(sandbox: Sandbox) -> None:
    """pandas' C extensions build on datetime's C type, found by name as they load: loaded
    while the shifted subclass stood in for it, they crashed the run (the flaky check's
    hash-seed runs, in a fresh interpreter where pandas was not preloaded, lost every one)."""
    century = 100 * 365.25 * 86400
    rows, year = eval(
        probe(
            sandbox,
            "(len(__import__('pandas').DataFrame({'a': [1, 2]})), datetime.datetime.now().year)",
            clock_offset_s=century,
            hash_seed=7,
        )
    )
    assert rows == 2 and year >= 2100


def test_every_clock_reading_moves_by_the_same_offset(sandbox: Sandbox) -> None:
    """now(), today(), date.today() and time.time() must agree: none shifted twice."""
    readings = eval(
        probe(
            sandbox,
            "(abs((datetime.datetime.today() - datetime.datetime.now()).total_seconds()), "
            "abs(datetime.datetime.fromtimestamp(time.time()).timestamp() "
            "- datetime.datetime.now().timestamp()), "
            "(datetime.date.today() - datetime.datetime.now().date()).days, "
            "(datetime.datetime.now() - datetime.datetime.fromtimestamp(0)).days)",
            clock_offset_s=10 * 86400,
        )
    )
    today_gap, time_gap, date_gap, days_since_epoch = readings
    assert today_gap < 60 and time_gap < 60 and date_gap == 0
    assert days_since_epoch > 20_000


def test_warm_worker_is_single_threaded_and_preloaded(sandbox: Sandbox) -> None:
    info = sandbox.worker_info()
    assert info["threads"] == 1
    assert "numpy" in info["preloaded"]


def test_a_sandbox_for_one_task_preloads_only_the_libraries_the_task_imports(bank: Bank) -> None:
    """A command on one task (`curator validate ID`) waits for its warm worker to start: in
    BigCodeBench's environment, importing every usual library took 1.7 s, and validating
    BigCodeBench/3 (numpy) took 1.67 s with them all preloaded and 0.46 s with numpy alone."""
    plain = make_task("Test/1")
    task = plain.model_copy(
        update={"complete_prompt": "import numpy as np\n" + plain.complete_prompt}
    )
    with sandbox_for(bank, tasks=[task]) as sandbox:
        preloaded = sandbox.worker_info()["preloaded"]
        report = validate_task(task, sandbox)
    assert "numpy" in preloaded
    assert "pandas" not in preloaded and "matplotlib" not in preloaded
    assert report.verdict is Verdict.PASS, report.message
    with sandbox_for(bank) as sandbox:  # for any task: every usual library
        assert {"numpy", "pandas", "matplotlib"} <= set(sandbox.worker_info()["preloaded"])


def test_standard_library_code_runs_in_the_light_worker_and_other_code_in_the_full_one(
    sandbox: Sandbox,
) -> None:
    tests = (
        "import sys, unittest\nclass TestCases(unittest.TestCase):\n"
        "    def test_loaded(self):\n"
        "        print(sorted({'numpy', 'json'} & set(sys.modules)))\n"
    )
    standard = run_program(sandbox, PROBE_PROGRAM, tests, coverage=False)
    uses_numpy = run_program(sandbox, "import numpy\n" + PROBE_PROGRAM, tests, coverage=False)
    assert standard.passed and uses_numpy.passed
    assert standard.stdout_tail.strip() == "['json']"
    assert uses_numpy.stdout_tail.strip() == "['json', 'numpy']"


def test_output_is_captured_and_capped(sandbox: Sandbox) -> None:
    tests = (
        "import unittest, sys\nclass TestCases(unittest.TestCase):\n"
        "    def test_noise(self):\n        print('o' * 100000)\n"
        "        sys.stderr.write('e' * 100000)\n"
    )
    run = run_program(sandbox, PROBE_PROGRAM, tests, coverage=False)
    assert run.passed
    assert run.stdout_bytes == 100001 and run.stderr_bytes == 100000
    assert 0 < len(run.stdout_tail) <= 16 * 1024 and set(run.stderr_tail) == {"e"}


# -- static checks and risky tests -----------------------------------------------------------------


def test_docstring_sections_and_requirements_are_checked() -> None:
    program = '''import json
import re

def task_func(text):
    """
    Requirements:
    - json
    - numpy
    """
    return re.findall("a", json.dumps(text))
'''
    task = make_task(complete_prompt=program, canonical_solution="", libs=["json"])
    codes = {problem.code for problem in static_problems(task)}
    assert {"doc-description", "doc-returns", "doc-example"} <= codes
    assert {"requirements-missing", "requirements-unused", "libs-mismatch"} <= codes
    assert "doc-requirements" not in codes


def test_the_docstring_sections_are_read_as_the_condense_stage_reads_them() -> None:
    """BigCodeBench writes `Returns: DataFrame: ...` on the heading's line, opens a description
    with "This function should:" and puts prose before an example's doctest. The static check
    read each of those as a missing section (BigCodeBench/149, 419, 464); it now reads the
    docstring with the parser that condenses it, so the two cannot disagree."""
    program = '''import json
import re

def task_func(text):
    """
    This function should:
    - find the letters a in the text, as JSON.

    Returns: list: The letters found.

    Requirements:
        json
        re

    Examples:
    Find them in a short text:
    >>> task_func('ab')
    ['a']
    """
    return re.findall("a", json.dumps(text))
'''
    task = make_task(complete_prompt=program, canonical_solution="", libs=["json", "re"])
    found = [(problem.code, problem.message) for problem in static_problems(task)]
    assert not [finding for finding in found if finding[0].startswith(("doc-", "requirements"))], (
        found
    )


def test_requirements_may_name_a_library_by_its_distribution_or_with_its_alias() -> None:
    """BigCodeBench lists `scikit-learn` for sklearn, `opencv-python` for cv2, `np (numpy)`
    for numpy: each was a pair of findings (sklearn missing, 'scikit' unused). A name that
    matches no import is still one, as is a library imported but not listed."""
    program = '''import cv2
import numpy as np
import sklearn.cluster
import docx
import json

def task_func(path):
    """
    Read.

    Returns:
    - int: 1

    Requirements:
    - opencv-python
    - np (numpy)
    - scikit-learn: for clustering
    - python-docx
    - datime

    Example:
    >>> task_func('a')
    1
    """
    return 1
'''
    task = make_task(complete_prompt=program, canonical_solution="")
    found = [
        problem.message
        for problem in static_problems(task)
        if problem.code.startswith("requirements")
    ]
    assert found == [
        "'json' is imported but not listed under Requirements",
        "Requirements lists 'datime', which the program does not import",
    ]


def test_undefined_names_in_tests_are_found_but_the_task_namespace_is_known() -> None:
    tests = (
        WORD_COUNT_TESTS
        + "\n    def test_other(self):\n        self.assertTrue(collections and nope)\n"
    )
    problems = static_problems(make_task(test=tests))
    undefined = [problem for problem in problems if problem.code == "F821"]
    assert [(problem.file, problem.message) for problem in undefined] == [
        ("tests.py", "Undefined name `nope`")
    ]


def test_a_program_that_does_not_parse_gives_its_syntax_error_not_the_tests_undefined_names():
    """A syntax error in task.py left the tests' namespace unknown: every `task_func` in the
    tests was reported as an undefined name beside the one finding that matters."""
    broken = make_task(canonical_solution="    return Counter(text.split(\n")
    problems = static_problems(broken)
    assert [problem.code for problem in problems if problem.file == "tests.py"] == []
    assert [problem.code for problem in problems if problem.code == "syntax"] == ["syntax"]


def test_one_ruff_run_for_many_tasks_keeps_each_tasks_names_and_findings_apart() -> None:
    knows_collections = make_task(
        test=WORD_COUNT_TESTS
        + "\n    def test_other(self):\n        self.assertTrue(collections and nope)\n"
    )
    lacks_collections = make_task(
        complete_prompt=make_task().complete_prompt.replace("import collections\n", ""),
        test=WORD_COUNT_TESTS
        + "\n    def test_other(self):\n        self.assertTrue(collections)\n",
    )
    batched = static_checks_batch([knows_collections, lacks_collections, knows_collections])
    one_by_one = [static_checks(task) for task in (knows_collections, lacks_collections)]
    assert batched == [one_by_one[0], one_by_one[1], one_by_one[0]]
    undefined = [
        [(problem.file, problem.message) for problem in problems if problem.code == "F821"]
        for problems, _ in batched
    ]
    assert undefined[0] == [("tests.py", "Undefined name `nope`")]
    assert ("tests.py", "Undefined name `collections`") in undefined[1]


def test_risky_patch_target_that_cannot_take_effect() -> None:
    program = make_task().complete_prompt.replace(
        "import re\n", "import re\nfrom random import shuffle\n"
    )
    tests = "from unittest import mock\n" + WORD_COUNT_TESTS.replace(
        "    def test_counts(self):\n",
        "    @mock.patch('random.shuffle')\n    def test_counts(self, shuffle_mock):\n",
    )
    warnings = risky_test_warnings(make_task(complete_prompt=program, test=tests))
    patch = [warning for warning in warnings if warning.code == "risky-patch"]
    assert len(patch) == 1
    assert patch[0].file == "tests.py" and "from random import shuffle" in patch[0].message


def test_risky_clock_network_random_and_paths_are_reported() -> None:
    tests = WORD_COUNT_TESTS + (
        "\n    def test_risky(self):\n"
        "        import datetime, random, urllib.request\n"
        "        urllib.request.urlopen('https://example.com/data.csv')\n"
        "        random.choice([1, 2])\n"
        "        open('/etc/curator/config.txt')\n"
        "        datetime.datetime.now()\n"
    )
    codes = {warning.code for warning in risky_test_warnings(make_task(test=tests))}
    assert {"risky-url", "risky-network", "risky-random", "risky-path", "risky-clock"} <= codes
    seeded = tests.replace("random.choice", "random.seed(1); random.choice")
    assert "risky-random" not in {
        warning.code for warning in risky_test_warnings(make_task(test=seeded))
    }


def test_docstring_examples_run_as_doctests(sandbox: Sandbox) -> None:
    report = validate_task(make_task(), sandbox)
    assert report.doctest is not None and report.doctest.attempted == 1
    assert report.doctest.failed == 0
    wrong = make_task().complete_prompt.replace("[('a', 2)]", "[('a', 3)]")
    report = validate_task(make_task(complete_prompt=wrong), sandbox)
    assert report.verdict is Verdict.PASS
    assert report.doctest.failed == 1
    assert "doctest" in {warning.code for warning in report.warnings}
    # As the source writes them: a program that trims its live docstring of the examples as
    # it loads still has them run (red team, round sixteen).
    trimming = make_task().canonical_solution.rstrip("\n") + (
        "\n\n\ntask_func.__doc__ = task_func.__doc__.split('Example')[0]\n"
    )
    report = validate_task(make_task(complete_prompt=wrong, canonical_solution=trimming), sandbox)
    assert report.doctest is not None
    assert (report.doctest.attempted, report.doctest.failed) == (1, 1)


def test_docstring_examples_that_do_not_finish_leave_the_tests_verdict(sandbox: Sandbox) -> None:
    """The examples run after the tests, in the same run: when the time limit runs out while
    they run, the tests (all ended) decide the verdict, with their coverage, and are not run
    again alone; what the examples did is said apart from what the tests did, also when they
    did not finish (their findings are written as they come)."""
    example = "    >>> task_func(\"a b a\", top=1)\n    [('a', 2)]\n"
    program = make_task().complete_prompt
    assert example in program
    signal_and_loop = "    >>> import os; os.kill(1, 0)\n    >>> while True: pass\n"
    looping = program.replace(example, signal_and_loop)
    report = validate_task(make_task(complete_prompt=looping), sandbox, timeout_s=4)
    assert report.verdict is Verdict.PASS, report.message
    assert report.tests_passed == report.tests_total > 0
    assert report.branch_coverage == 100.0
    assert report.time_limit_notes == []
    assert report.doctest is not None
    assert report.doctest.unfinished == "the run's time limit (4 s) ran out while they ran"
    warning = next(warning for warning in report.warnings if warning.code == "doctest")
    assert warning.message.startswith("the docstring examples did not finish: ")
    assert [finding.message for finding in report.runtime] == [
        "in the docstring examples: sent signals to processes outside the run: "
        "signal 0 to the run's supervisor (pid 1)"
    ]
    signalling = program.replace(example, "    >>> import os; os.kill(1, 0)\n")
    report = validate_task(make_task(complete_prompt=signalling), sandbox)
    assert report.doctest is not None and report.doctest.unfinished is None
    assert [finding.message for finding in report.runtime] == [
        "in the docstring examples: sent signals to processes outside the run: "
        "signal 0 to the run's supervisor (pid 1)"
    ]
    # An example failing for want of the network says what it met (BigCodeBench/59).
    connecting = "    >>> import socket; socket.create_connection(('192.0.2.1', 80), timeout=1)\n"
    report = validate_task(make_task(complete_prompt=program.replace(example, connecting)), sandbox)
    warning = next(warning for warning in report.warnings if warning.code == "doctest")
    assert warning.message == (
        "1 of 1 docstring example(s) give other output than shown "
        "(runtime findings of the examples: network)"
    )


# -- storage and the CLI -------------------------------------------------------------------------


def test_report_is_stored_keyed_by_content_and_environment(bank: Bank, sandbox: Sandbox) -> None:
    task = make_task()
    with bank.lock():
        bank.add_all([task])
    report = validate_task(task, sandbox)
    store_report(bank, task, report)
    assert (bank.task_dir(task.task_id) / REPORT_FILE).is_file()
    stored = bank.load(task.task_id)
    assert stored.validation.verdict is Verdict.PASS and stored.validation_is_current
    assert current_report(bank, stored) == report
    edited = stored.model_copy(update={"canonical_solution": stored.canonical_solution + "\n"})
    assert current_report(bank, edited) is None


def test_validating_again_with_the_same_result_keeps_the_stored_files(
    bank: Bank, sandbox: Sandbox
) -> None:
    """`validate --force` before a release rewrote every accepted task's `task.json` and
    `validation.json` with new timings, and the release refused them as uncommitted; a
    different result is stored."""
    with bank.lock():
        bank.add_all([make_task("Test/1")])
    validate_tasks(bank, ["Test/1"], sandbox)
    folder = bank.task_dir("Test/1")
    kept = {name: (folder / name).read_bytes() for name in ("task.json", REPORT_FILE)}
    again = validate_tasks(bank, ["Test/1"], sandbox, force=True)
    assert again.cached == set() and again.all_pass
    assert {name: (folder / name).read_bytes() for name in kept} == kept
    changed = validate_tasks(bank, ["Test/1"], sandbox, force=True, coverage=False)
    assert (folder / REPORT_FILE).read_bytes() != kept[REPORT_FILE]
    assert current_report(bank, bank.load("Test/1")) == changed.reports[0]


def test_validate_tasks_runs_stores_and_reuses_current_results(
    bank: Bank, sandbox: Sandbox
) -> None:
    good = make_task("Test/1")
    bad = make_task("Test/2", canonical_solution="    return []\n")
    with bank.lock():
        bank.add_all([good, bad])
    seen: list[tuple[str, bool]] = []

    def record(report: ValidationReport, cached: bool) -> None:
        seen.append((report.task_id, cached))

    first = validate_tasks(bank, ["Test/2", "Test/1"], sandbox, jobs=2, on_report=record)
    assert [report.task_id for report in first.reports] == ["Test/2", "Test/1"]
    assert [report.verdict for report in first.reports] == [Verdict.FAIL, Verdict.PASS]
    assert first.cached == set() and not first.all_pass
    assert sorted(seen) == [("Test/1", False), ("Test/2", False)]
    assert bank.load("Test/1").validation.verdict is Verdict.PASS
    assert bank.load("Test/2").validation.verdict is Verdict.FAIL

    again = validate_tasks(bank, ["Test/1"])  # no sandbox needed: the stored result is current
    assert again.cached == {"Test/1"} and again.all_pass
    assert again.reports == [first.reports[1]]
    forced = validate_tasks(bank, ["Test/1"], force=True, coverage=False)
    assert forced.cached == set() and forced.reports[0].branch_coverage is None
    assert current_report(bank, bank.load("Test/1")) == forced.reports[0]

    # A report garbled by a hand edit or a merge stopped `validate` (exit 2) until --force;
    # it is no result at all: the task runs again and its new report replaces it.
    (bank.task_dir("Test/1") / REPORT_FILE).write_text("garbage")
    rerun = validate_tasks(bank, ["Test/1"], sandbox)
    assert rerun.cached == set() and rerun.all_pass
    assert current_report(bank, bank.load("Test/1")) == rerun.reports[0]

    # Stopped (the app's `v` again): no run begins; stored results still count.
    with bank.lock():
        bank.add_all([make_task("Test/3")])
    stop = threading.Event()
    stop.set()
    stopped = validate_tasks(bank, ["Test/3", "Test/1"], sandbox, stop=stop)
    assert stopped.reports == [rerun.reports[0]] and stopped.not_run == ["Test/3"]
    assert bank.load("Test/3").validation is None


def test_an_unreadable_task_folder_is_named_and_the_others_are_validated(
    bank: Bank, sandbox: Sandbox, run_cli
) -> None:
    """One folder without its tests.py stopped `validate --all` before any task ran."""
    with bank.lock():
        bank.add_all([make_task("Test/1"), make_task("Test/2"), make_task("Test/3")])
    (bank.task_dir("Test/2") / "tests.py").unlink()
    results = validate_tasks(bank, ["Test/2", "Test/1", "Test/3"], sandbox, force=True)
    assert [report.task_id for report in results.reports] == ["Test/1", "Test/3"]
    assert [str(problem.path) for problem in results.unreadable] == [
        str(bank.task_dir("Test/2") / "tests.py")
    ]
    command = run_cli("--bank", bank.root, "validate", "--all")
    assert command.returncode == 2
    assert f"not validated: {bank.task_dir('Test/2') / 'tests.py'}: file is missing" in (
        command.stderr
    )
    assert "2 pass" in command.stdout


@pytest.mark.parametrize("terms", [2_000, 50_000])
def test_code_nested_too_deeply_is_invalid_and_hides_no_other_tasks_findings(
    bank: Bank, sandbox: Sandbox, terms: int
) -> None:
    """A hostile `1+1+...+1`: of 50,000 terms it stopped Python's parser and every command
    that loads the bank crashed; of 2,000, ruff overflowed its stack and the empty answer read
    as no findings for every task of its batch, and the mutation operators crashed."""
    deep = make_task("Deep/1")
    deep.canonical_solution = f"    _deep = {'+'.join(['1'] * terms)}\n" + deep.canonical_solution
    neighbour = make_task(
        "Deep/2", canonical_solution="    import os\n" + make_task().canonical_solution
    )
    with bank.lock():
        bank.add_all([deep, neighbour])
    assert [task.task_id for task in bank.scan().tasks] == ["Deep/1", "Deep/2"]
    results = validate_tasks(bank, ["Deep/1", "Deep/2"], sandbox, force=True)
    first, second = results.reports
    assert first.verdict is Verdict.INVALID
    assert "deeper than curator reads" in (first.message or "") or "nested too deeply" in (
        first.message or ""
    )
    assert "F401" in {problem.code for problem in second.static + second.warnings}


def test_a_sandbox_that_cannot_start_reports_an_error_and_keeps_the_stored_result(
    bank: Bank, sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An environment whose interpreter cannot run says nothing of the task: every task is
    reported as an error naming why, and each keeps its last result (its `validation.json`
    and its summary in `task.json`), byte for byte."""
    with bank.lock():
        bank.add_all([make_task("Test/1")])
    validate_tasks(bank, ["Test/1"], sandbox)
    folder = bank.task_dir("Test/1")
    kept = {name: (folder / name).read_bytes() for name in ("validation.json", "task.json")}
    not_executable = tmp_path / "python"
    not_executable.write_text("")  # no execute permission
    thread_errors: list[object] = []
    monkeypatch.setattr(threading, "excepthook", thread_errors.append)
    with Sandbox(preload=False, interpreter=Interpreter(str(not_executable))) as broken:
        results = validate_tasks(bank, ["Test/1"], broken, force=True)
    (report,) = results.reports
    assert report.verdict is Verdict.ERROR and report.sandbox_error
    assert "the sandbox worker did not start" in (report.message or "")
    assert str(not_executable) in (report.message or "")
    assert not report.network_exposed  # nothing ran: whether the network was isolated is unknown
    assert {name: (folder / name).read_bytes() for name in kept} == kept
    assert thread_errors == []  # the worker started ahead in a thread failed quietly
    assert current_report(bank, bank.load("Test/1")).verdict is Verdict.PASS


def test_the_network_is_exposed_only_where_the_code_ran_without_isolating_it(
    sandbox: Sandbox,
) -> None:
    """Only a run of the task's code that had the network tells annotators the network was not
    isolated: a task stopped by a blocking static problem never ran (the app said "network not
    isolated" in every such task's header)."""
    runs = make_task("Test/1")
    no_test = "import unittest\nclass TestCases(unittest.TestCase):\n    x = 1\n"
    stopped = validate_task(make_task("Test/2", test=no_test), sandbox)
    assert stopped.verdict is Verdict.INVALID and stopped.run_status is None
    assert not stopped.network_exposed
    ran = validate_task(runs, sandbox)
    assert ran.verdict is Verdict.PASS
    assert ran.network_exposed is not sandbox.network_isolated
    with Sandbox(preload=False, isolate=False) as unisolated:
        exposed = validate_task(runs, unisolated)
    assert exposed.verdict is Verdict.PASS and exposed.network_exposed


def test_validate_command_json_cache_force_and_exit_codes(bank: Bank, run_cli) -> None:
    good = make_task("Test/1")
    bad = make_task("Test/2", canonical_solution="    return []\n")
    with bank.lock():
        bank.add_all([good, bad])
    first = run_cli("--bank", bank.root, "validate", "--all", "--jobs", "2", "--json")
    assert first.returncode == 1, first.stderr
    rows = [json.loads(line) for line in first.stdout.splitlines()]
    assert [row["task_id"] for row in rows] == ["Test/1", "Test/2"]
    assert [row["verdict"] for row in rows] == ["pass", "fail"]
    for key in (
        "tests",
        "branch_coverage",
        "line_coverage",
        "missed_lines",
        "missed_branches",
        "static",
        "duration_s",
    ):
        assert key in rows[0]
    assert rows[0]["tests"]["test_counts"] == "pass"
    # what the report and task.json record of how it ran, as they do (the next run's schedule)
    assert (rows[0]["waited"], rows[0]["ran_alone"]) == (False, False)

    only_good = run_cli("--bank", bank.root, "validate", "Test/1")
    assert only_good.returncode == 0, only_good.stderr
    assert "cached" in only_good.stdout and "1 pass" in only_good.stdout

    forced = run_cli("--bank", bank.root, "validate", "Test/1", "--force", "--json")
    assert json.loads(forced.stdout)["duration_s"] != rows[0]["duration_s"]

    assert run_cli("--bank", bank.root, "validate").returncode == 2
    assert run_cli("--bank", bank.root, "validate", "No/such").returncode == 2


def test_validate_s_table_keeps_benchmark_ids_whole_at_80_columns(bank: Bank, run_cli) -> None:
    """Cut to 'BigCodeBench/1…', tasks 124 and 147 looked the same in an 80-column terminal."""
    with bank.lock():
        bank.add_all([make_task("BigCodeBench/124"), make_task("BigCodeBench/1047")])
    for round_ in ("run", "cached"):
        shown = run_cli("--bank", bank.root, "validate", "--all", env={"COLUMNS": "80"})
        assert shown.returncode == 0, shown.stderr
        rows = [line for line in shown.stdout.splitlines() if line.startswith("BigCodeBench/")]
        assert [row.split()[0] for row in rows] == ["BigCodeBench/124", "BigCodeBench/1047"]
        assert all(len(row) <= 80 and row.split()[1] == "pass" for row in rows), rows
        assert all(row.endswith("cached") == (round_ == "cached") for row in rows), rows


def test_one_runs_files_never_reach_the_next_run(sandbox: Sandbox) -> None:
    """BigCodeBench task 832 creates /non/existent/path and so flips task 288; here a run's
    writes to shared places stay in that run."""
    name = f"curator-cross-run-{os.getpid()}"
    write = (
        f"[open(path, 'w').write('x') for path in ('/tmp/{name}', '/var/tmp/{name}', "
        f"'/dev/shm/{name}', os.path.expanduser('~/{name}'))]"
    )
    probe(sandbox, write)
    seen = probe(
        sandbox,
        f"[os.path.exists(p) for p in ('/tmp/{name}', '/var/tmp/{name}', '/dev/shm/{name}', "
        f"os.path.expanduser('~/{name}'))]",
    )
    assert seen == "[False, False, False, False]"
    assert not Path(f"/tmp/{name}").exists()


def test_loopback_inside_the_sandbox_works(sandbox: Sandbox) -> None:
    """Tests that serve and connect on 127.0.0.1 work; the loopback is the sandbox's own."""
    served = probe(
        sandbox,
        "(lambda server: (__import__('socket').create_connection(server.getsockname()).close(),"
        " server.close(), 'connected')[-1])(__import__('socket').create_server(('127.0.0.1', 0)))",
    )
    assert served == "'connected'"


def test_risky_detectors_stay_quiet_on_harmless_code() -> None:
    """URLs as plain data, paths only built in f-strings or compared as text, and random numbers
    seeded in setUp or by the solution are not risky."""
    program = make_task().complete_prompt.replace(
        "import re\n", "import re\nimport random\nimport os\n"
    )
    solution = (
        "    random.seed(top)\n"
        "    pattern = f'{text}/**/*.txt'\n"
        '    words = re.findall(r"[a-z\']+", text.lower())\n'
        "    random.shuffle(words)\n"
        "    return collections.Counter(words).most_common(top)\n"
    )
    tests = WORD_COUNT_TESTS.replace(
        "class TestCases(unittest.TestCase):\n",
        "class TestCases(unittest.TestCase):\n"
        "    def setUp(self):\n        random.seed(0)\n"
        "    def test_data(self):\n"
        "        self.assertTrue('https://example.com/a' != '/Docs/src/Scripts/')\n"
        "        random.choice([1, 2])\n",
    ).replace("import unittest\n", "import unittest\nimport random\n")
    task = make_task(complete_prompt=program, canonical_solution=solution, test=tests)
    assert risky_test_warnings(task) == []


def test_validate_warns_when_the_bank_is_world_writable(bank: Bank, run_cli) -> None:
    with bank.lock():
        bank.add_all([make_task()])
    bank.root.chmod(0o777)
    result = run_cli("--bank", bank.root, "validate", "--all")
    assert result.returncode == 0, result.stderr
    assert "world-writable" in result.stderr


def test_each_check_reads_one_parse_of_the_task(monkeypatch: pytest.MonkeyPatch) -> None:
    import ast

    from curator.flaky.hints import task_hints
    from curator.imports import task_dependencies
    from curator.pipeline import pipeline_status
    from curator.program import docstring_span, parsed
    from curator.validation import static_checks

    task = make_task()
    parsed.cache_clear()
    texts: list[str] = []
    real_parse = ast.parse

    def counting_parse(source: str, *args: object, **kwargs: object) -> ast.Module:
        texts.append(source)
        return real_parse(source, *args, **kwargs)

    monkeypatch.setattr(ast, "parse", counting_parse)
    static_checks(task)
    task_dependencies(task)
    task_hints(task.program, task.test)
    docstring_span(task.program, task.entry_point)
    pipeline_status(task)
    assert texts.count(task.program) == 1 and texts.count(task.test) == 1


def test_validate_tasks_runs_the_longest_last_validations_first(
    bank: Bank, sandbox: Sandbox
) -> None:
    tasks = [make_task(f"Test/{number}") for number in (1, 2, 3, 4)]
    with bank.lock():
        bank.add_all(tasks)
    validate_tasks(bank, [task.task_id for task in tasks], sandbox)
    for task_id, seconds in (("Test/1", 0.1), ("Test/2", 3.0), ("Test/3", 7.0), ("Test/4", 0.5)):
        with bank.lock():
            task = bank.load(task_id)
            assert task.validation is not None
            task.validation.duration_s = seconds
            bank.save(task)
    order: list[str] = []
    validate_tasks(
        bank,
        ["Test/1", "Test/2", "Test/3", "Test/4"],
        sandbox,
        force=True,
        on_report=lambda report, cached: order.append(report.task_id),
    )
    assert order == ["Test/3", "Test/2", "Test/4", "Test/1"]


def test_never_validated_tasks_that_sleep_run_first_longest_sleep_first(
    bank: Bank, sandbox: Sandbox
) -> None:
    def sleeping(task_id: str, seconds: str) -> Task:
        waiting = f"    def test_wait(self):\n        time.sleep({seconds})\n\n    def test_"
        tests = WORD_COUNT_TESTS.replace("    def test_", waiting, 1)
        return make_task(task_id, test="import time\n" + tests)

    tasks = [make_task("Test/1"), sleeping("Test/2", "0.05"), make_task("Test/3")]
    tasks.append(sleeping("Test/4", "0.2"))
    with bank.lock():
        bank.add_all(tasks)
    order: list[str] = []
    validate_tasks(
        bank,
        [task.task_id for task in tasks],
        sandbox,
        on_report=lambda report, cached: order.append(report.task_id),
    )
    assert order == ["Test/4", "Test/2", "Test/1", "Test/3"]


def test_a_task_whose_last_run_waited_runs_beside_the_jobs_that_compute(
    bank: Bank, sandbox: Sandbox
) -> None:
    """`jobs` counts the runs that compute: a task whose last run of the same content spent
    its time waiting (tests that sleep) runs beside them. At --jobs 1 the quick task then ends
    first, though the sleeper, the longest, starts first; edited, the sleeper is one of the
    jobs again. Its sleep is not a literal: no guess is made before its first run."""
    waiting = "    def test_wait(self):\n        time.sleep(PAUSE)\n\n    def test_"
    sleeper = make_task(
        "Test/1",
        test="import time\nPAUSE = 3\n" + WORD_COUNT_TESTS.replace("    def test_", waiting, 1),
    )
    with bank.lock():
        bank.add_all([sleeper, make_task("Test/2")])
    order: list[str] = []

    def validate_both() -> list[str]:
        order.clear()
        validate_tasks(
            bank,
            ["Test/1", "Test/2"],
            sandbox,
            jobs=1,
            force=True,
            on_report=lambda report, cached: order.append(report.task_id),
        )
        return order

    assert validate_both() == ["Test/1", "Test/2"]  # no history yet: one at a time
    summaries = {task_id: bank.load(task_id).validation for task_id in ("Test/1", "Test/2")}
    assert summaries["Test/1"] is not None and summaries["Test/1"].waited
    assert summaries["Test/2"] is not None and not summaries["Test/2"].waited
    assert validate_both() == ["Test/2", "Test/1"]
    with bank.lock():
        edited = bank.load("Test/1")
        edited.test = edited.test.replace("PAUSE = 3", "PAUSE = 3.0")
        bank.save(edited)
    assert validate_both() == ["Test/1", "Test/2"]


def test_a_task_whose_code_sleeps_is_expected_to_wait_before_its_first_run(
    bank: Bank, sandbox: Sandbox
) -> None:
    """Never validated, a task whose tests sleep for a literal second or more starts beside
    the jobs that compute (`EXPECTED_WAIT_S`), as a task whose last run waited does."""
    waiting = "    def test_wait(self):\n        time.sleep(3)\n\n    def test_"
    sleeper = make_task(
        "Test/1", test="import time\n" + WORD_COUNT_TESTS.replace("    def test_", waiting, 1)
    )
    with bank.lock():
        bank.add_all([sleeper, make_task("Test/2")])
    assert company_for(bank.load("Test/1"), 60) is Company.WAITING
    assert company_for(bank.load("Test/2"), 60) is Company.SHARED
    order: list[str] = []
    validate_tasks(
        bank,
        ["Test/1", "Test/2"],
        sandbox,
        jobs=1,
        on_report=lambda report, cached: order.append(report.task_id),
    )
    assert order == ["Test/2", "Test/1"]


def test_a_run_expected_to_wait_that_fails_beside_the_jobs_is_run_again_as_one_of_them(
    bank: Bank, sandbox: Sandbox
) -> None:
    """Started beside the runs that compute, a test that waits on a server may fail only for
    their load (BigCodeBench/1040's server was not listening 1 s after it started): the run
    that decides is one of the jobs, with a core of its own. A test that fails there too
    fails."""
    computing = (
        "    def test_computes(self):\n        end = time.monotonic() + 3\n"
        "        while time.monotonic() < end:\n            pass\n\n    def test_"
    )
    with bank.lock():
        bank.add_all([failing_sleeper(), make_task("Test/2", test=with_test(computing))])
    reports = validate_tasks(bank, ["Test/1", "Test/2"], sandbox).reports
    report = next(report for report in reports if report.task_id == "Test/1")
    assert report.verdict is Verdict.FAIL and not report.ran_alone
    assert report.time_limit_notes == [
        "run again as one of the jobs: expected to wait (a server, a timer), it ran beside them, "
        "and test_wait failed there (under their load a server may not listen yet when its test "
        "connects)"
    ]


def test_a_run_expected_to_wait_that_fails_with_no_run_beside_it_runs_once(
    bank: Bank, sandbox: Sandbox
) -> None:
    """A run expected to wait counted as company to itself: validated alone, a task whose
    tests sleep and fail ran twice, its whole time again (BigCodeBench/1040: 112 s for 60)."""
    with bank.lock():
        bank.add_all([failing_sleeper()])
    (report,) = validate_tasks(bank, ["Test/1"], sandbox).reports
    assert report.verdict is Verdict.FAIL and report.time_limit_notes == []


def with_test(test: str) -> str:
    """WORD_COUNT_TESTS with `test` (a method, then the start of the next one's name) first."""
    return "import time\n" + WORD_COUNT_TESTS.replace("    def test_", test, 1)


def failing_sleeper() -> Task:
    """Test/1: a task expected to wait (its test sleeps 1 s), whose test then fails."""
    return make_task(
        "Test/1",
        test=with_test(
            "    def test_wait(self):\n        time.sleep(1)\n"
            "        self.assertEqual(task_func('a', top=1), [])\n\n    def test_"
        ),
    )


def test_a_task_that_had_to_run_alone_starts_alone(bank: Bank, sandbox: Sandbox) -> None:
    """Its last validation of this content timed out beside other runs and was run again
    alone: this time it starts alone (the gate's tests show who then waits for whom)."""
    tasks = [make_task("Test/1"), make_task("Test/2")]
    with bank.lock():
        bank.add_all(tasks)

    def validate_both() -> dict[str, ValidationReport]:
        results = validate_tasks(bank, ["Test/1", "Test/2"], sandbox, jobs=2, force=True)
        return {report.task_id: report for report in results.reports}

    first = validate_both()
    assert not first["Test/1"].ran_alone and first["Test/1"].time_limit_notes == []
    with bank.lock():
        task = bank.load("Test/1")
        assert task.validation is not None
        task.validation.ran_alone = True  # as if it had timed out beside Test/2
        bank.save(task)
    again = validate_both()
    assert again["Test/1"].time_limit_notes == [
        "run alone: a validation of this content timed out beside other runs"
    ]
    assert again["Test/1"].ran_alone and not again["Test/2"].ran_alone
    with bank.lock():
        edited = bank.load("Test/1")
        edited.test += "\n"
        bank.save(edited)
    assert validate_both()["Test/1"].time_limit_notes == []  # its history is of other content


def test_a_run_waited_when_it_computed_for_under_2_percent_of_at_least_a_second() -> None:
    """Beyond what a run spends to start: a 3 s sleep's run computes for 60 to 70 ms here."""
    assert waited(0.269, 1.0) and waited(0.08, 3.0) and waited(1.4, 60.0)
    assert not waited(0.27, 1.0) and not waited(0.0, 0.9) and not waited(None, 60.0)
    assert not waited(1.45, 60.0)


def test_literal_sleep_s_adds_up_literal_sleeps_only() -> None:
    source = (
        "import time\nfrom time import sleep\n"
        "def f(n):\n    time.sleep(1.5)\n    sleep(2)\n    time.sleep(n)\n"
        "    time.sleep(True)\n    time.sleep(-3)\n    asyncio.sleep(0.5)\n"
    )
    assert literal_sleep_s(source) == 4.0
    assert literal_sleep_s("def broken(:\n    time.sleep(9)\n") == 0.0


def test_ctrl_c_drops_the_runs_to_come_and_ends_the_one_under_way(tmp_path: Path) -> None:
    """Ctrl+C during `validate` reads "interrupted" (130) at once: the tasks not yet run are
    not all run first (with --jobs 1, three tasks whose tests sleep 30 s held the terminal
    for a minute and a half), and the run under way is ended."""
    bank = Bank.init(tmp_path / "bank")
    sleepy = "import time\nimport unittest\n\nclass TestCases(unittest.TestCase):\n"
    sleepy += "    def test_waits(self):\n        time.sleep(30)\n"
    for number in (1, 2, 3):
        bank.save(make_task(f"Slow/{number}", test=sleepy))
    command = [sys.executable, "-m", "curator", "--bank", str(bank.root), "validate", "--all"]
    process = subprocess.Popen(
        [*command, "--jobs", "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
    )
    try:
        # The first run is under way (the sandbox starts in well under this) ...
        with pytest.raises(subprocess.TimeoutExpired):
            process.communicate(timeout=5)
        process.send_signal(signal.SIGINT)
        # ... and the command ends long before that run's sleep would have.
        _, stderr = process.communicate(timeout=20)
    finally:
        process.kill()
    assert process.returncode == 130
    assert stderr.strip().endswith("interrupted")


def set_bank_time_limit(bank: Bank, seconds: float) -> None:
    settings = json.loads((bank.root / "bank.json").read_text())
    (bank.root / "bank.json").write_text(json.dumps({**settings, "timeout_s": seconds}))


def test_a_report_made_under_another_time_limit_is_stale_and_run_again(
    bank: Bank, sandbox: Sandbox, run_cli: Callable[..., subprocess.CompletedProcess[str]]
) -> None:
    """A verdict depends on the limit: raised in bank.json, the task that timed out is run
    again without --force, and passes; the list, the task's view and the stage gate agree."""
    pause = "    def test_wait(self):\n        time.sleep(PAUSE)\n\n    def test_"
    slow = make_task(
        "Test/1",
        test="import time\nPAUSE = 1.5\n" + WORD_COUNT_TESTS.replace("    def test_", pause, 1),
    )
    with bank.lock():
        bank.add_all([slow])
    set_bank_time_limit(bank, 1)
    (first,) = validate_tasks(bank, ["Test/1"], sandbox).reports
    assert (first.verdict, first.timeout_s) == (Verdict.TIMEOUT, 1)
    set_bank_time_limit(bank, 5)
    task = bank.load("Test/1")
    here = environment.bank_fingerprint(bank.root)
    assert stale_reason(first, task, here, 5) == "it ran under another time limit (1 s; now 5 s)"
    assert stale_reason(first, task, here, None) is None  # not checked
    assert current_report(bank, task) is None
    assert not task.validation_counts(here, task.time_limit(bank.timeout_s))
    blockers = stage_blockers(task, Stage.VALIDATED, PipelineFacts(timeout_s=5))
    assert blockers == [
        "its validation ran under another time limit (1 s; now 5 s): validate it again"
    ]
    again = validate_tasks(bank, ["Test/1"], sandbox)
    assert (again.reports[0].verdict, again.reports[0].timeout_s) == (Verdict.PASS, 5)
    assert not again.cached
    assert validate_tasks(bank, ["Test/1"], sandbox).cached == {"Test/1"}  # current now
    listed = run_cli("--bank", bank.root, "list", "--json")
    assert json.loads(listed.stdout)["validation_current"] is True
    set_bank_time_limit(bank, 60)
    assert "pass (stale: other time limit)" in run_cli("--bank", bank.root, "show", "Test/1").stdout


def test_a_task_that_ran_alone_under_another_time_limit_starts_beside_the_others() -> None:
    """It had to run alone because it timed out beside others under its old limit; under
    another it may not need to (a limit unknown, from before it was recorded, still counts)."""
    task = make_task()
    task.validation = ValidationSummary(
        verdict=Verdict.PASS, content_hash=task.content_hash(), environment="x", ran_alone=True
    )
    assert company_for(task, 60) is Company.ALONE
    task.validation.timeout_s = 60
    assert company_for(task, 60) is Company.ALONE
    assert company_for(task, 240) is Company.SHARED
