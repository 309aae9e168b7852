"""The harness runs fixtures as unittest does, and decides outcomes from what the tests declare;
the supervisor believes only signed records in the harness's order."""

from __future__ import annotations

import ast
import functools
import gc
import json
import marshal
import os
import pathlib
import subprocess
import sys
import types
import unittest
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import python_venv
from curator.sandbox import Interpreter, RunOptions, Sandbox, SuiteRun, harness
from curator.sandbox.harness import (
    HarnessResult,
    Machinery,
    Watched,
    declared_in,
    declared_tests,
    importing_library,
    watched_entry,
)
from curator.sandbox.protocol import Channel, Event, check_order, new_key, read_records

PROGRAM = "def task_func(x):\n    return 2 * x\n"


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(preload=False) as shared:
        yield shared


def run(sandbox: Sandbox, tests: str) -> SuiteRun:
    return sandbox.run(PROGRAM, "import unittest\n" + tests)


def outcomes(result: SuiteRun) -> dict[str, str]:
    return {test.name: test.outcome for test in result.tests}


def test_class_and_module_fixtures_run_as_unittest_runs_them(sandbox: Sandbox) -> None:
    result = run(
        sandbox,
        """
state = {}

def setUpModule():
    state["module"] = 10
    unittest.addModuleCleanup(state.clear)

class TestCases(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.base = state["module"] + 1
        cls.addClassCleanup(state.setdefault, "cleaned", True)

    def test_uses_class_state(self):
        self.assertEqual(task_func(self.base), 22)

    def test_uses_module_state(self):
        self.assertEqual(state["module"], 10)
""",
    )
    assert result.passed, result
    assert outcomes(result) == {"test_uses_class_state": "pass", "test_uses_module_state": "pass"}
    assert result.fixture_errors == []


def test_a_failing_set_up_class_errors_every_test_of_the_class(sandbox: Sandbox) -> None:
    result = run(
        sandbox,
        """
class TestCases(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        raise RuntimeError("no database")

    def test_one(self):
        self.assertEqual(task_func(1), 2)

    def test_two(self):
        self.assertEqual(task_func(2), 4)
""",
    )
    assert not result.passed
    assert outcomes(result) == {"test_one": "error", "test_two": "error"}
    assert all("no database" in (test.message or "") for test in result.tests)
    (fixture,) = result.fixture_errors
    assert fixture.name.startswith("setUpClass") and fixture.outcome == "error"
    assert "RuntimeError: no database" in (fixture.message or "")


def test_a_failing_tear_down_module_or_cleanup_is_an_error(sandbox: Sandbox) -> None:
    result = run(
        sandbox,
        """
def tearDownModule():
    raise ValueError("could not tidy up")

class TestCases(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.addClassCleanup(lambda: 1 / 0)

    def test_one(self):
        self.assertEqual(task_func(1), 2)
""",
    )
    assert outcomes(result) == {"test_one": "pass"}
    assert not result.passed
    messages = sorted(fixture.message or "" for fixture in result.fixture_errors)
    assert messages[0].startswith("ValueError: could not tidy up")
    assert messages[1].startswith("ZeroDivisionError")


def test_declared_skips_and_expected_failures_count_as_unittest_counts_them(
    sandbox: Sandbox,
) -> None:
    result = run(
        sandbox,
        """
class TestCases(unittest.TestCase):
    def test_right(self):
        self.assertEqual(task_func(1), 2)

    @unittest.skip("needs a GPU")
    def test_skipped(self):
        self.fail()

    def test_skips_itself(self):
        self.skipTest("no network here")

    def test_raises_its_skip(self):
        raise unittest.SkipTest("no display here")

    @unittest.expectedFailure
    def test_known_bug(self):
        self.assertEqual(task_func(1), 3)
""",
    )
    assert result.passed, result
    assert result.tampering == []
    assert outcomes(result) == {
        "test_known_bug": "pass",
        "test_right": "pass",
        "test_raises_its_skip": "skip",
        "test_skipped": "skip",
        "test_skips_itself": "skip",
    }


READING_THE_PROGRAMS_IMPORTS = (
    """import math
import numpy as np
from collections import Counter
from os import path as os_path


def task_func(values):
    return Counter(np.asarray(values).tolist()).most_common(1)[0][0] + math.floor(0.5)
""",
    """import sys
import unittest
from unittest import mock


class TestCases(unittest.TestCase):
    def test_reads_the_program_s_names(self):
        self.assertEqual(task_func([2, 2, 3]), 2)
        self.assertTrue(math.isclose(np.float64(1.0), 1.0))
        self.assertEqual(Counter("aa")["a"], 2)
        self.assertTrue(os_path.isabs("/x"))

    def test_patches_sys_modules_for_itself(self):
        with mock.patch.dict(sys.modules, {"numpy": mock.MagicMock(), "made_up": mock.Mock()}):
            import made_up
            self.assertIsNotNone(made_up)
        import importlib
        math_module = importlib.reload(sys.modules["math"])  # the same object again
        self.assertIs(math_module, math)
""",
)


def test_the_tests_reading_the_program_s_imports_and_patching_sys_modules_pass(
    sandbox: Sandbox,
) -> None:
    """The checks that sys.modules keeps its modules and that the names the tests read of the
    program's imports stay those (`moved_modules`) see nothing in honest code: a name the
    tests read of an `import` or a `from` import, sys.modules patched for one test and put
    back, a module reloaded (the same object)."""
    run = sandbox.run(*READING_THE_PROGRAMS_IMPORTS)
    assert run.passed, (run.tampering, [test.message for test in run.tests])


def test_the_names_the_tests_read_of_the_program_and_its_imports() -> None:
    program, tests = READING_THE_PROGRAMS_IMPORTS
    declared = declared_tests(tests)
    # `from unittest import mock`: unittest.mock too, to be guarded before the program loads
    assert declared.imports == {"sys", "unittest", "unittest.mock", "made_up", "importlib"}
    assert declared.free_names == {"task_func", "math", "np", "Counter", "os_path"}
    assert harness.program_imports(ast.parse(program)) == [
        ("math", "math", None),
        ("np", "numpy", None),
        ("Counter", "collections", "Counter"),
        ("os_path", "os", "path"),
    ]


def test_what_the_tests_read_through_modules_and_what_they_bind() -> None:
    """The chains the tests read from a module they or the program import are watched from
    before the program loads, and the names their top-level statements bind once they load;
    a chain the tests assign to themselves (`sys.stdout = ...`) is theirs to change."""
    declared = declared_tests(
        "import sys\nimport unittest\nfrom numpy import testing as npt\n"
        "from pathlib import Path\n\n"
        "def helper(value):\n    return os_path.exists(value)\n\n"
        "class TestCases(unittest.TestCase):\n"
        "    def test_a(self):\n"
        "        sys.stdout = None\n"
        "        npt.assert_allclose(np.linalg.norm([3, 4]), 5)\n"
        "        self.assertTrue(self.value.attribute)\n"
        "        self.assertTrue(Path(helper).exists())\n"
    )
    assert declared.module_bindings == {
        "sys sys",
        "unittest unittest",
        "npt numpy testing",
        "Path pathlib Path",
    }
    assert declared.top_level_names == {"sys", "unittest", "npt", "Path", "helper", "TestCases"}
    assert declared.reads == {
        "unittest.TestCase",
        "npt.assert_allclose",
        "np.linalg.norm",
        "os_path.exists",
    }
    pytest.importorskip("numpy")  # as the run imports the tests' modules, before the program
    program = [("np", "numpy", None), ("os_path", "os", "path")]
    watched = {entry.key: entry for entry in harness.tests_reads(declared, program)}
    read_through_modules = {key for key in watched if not key.startswith(("pathlib.", "unittest."))}
    assert read_through_modules == {
        "numpy.testing",
        "numpy.testing.assert_allclose",
        "numpy.linalg",
        "numpy.linalg.norm",
        "os.path",
        "os.path.exists",
    }
    assert watched["os.path.exists"].value is os.path.exists
    # What the tests read off anything, where a class they read has it: where it is found,
    # and each class of its bases before that, where it would be found instead if set there.
    assert watched["unittest.TestCase"].value is unittest.TestCase
    assert "unittest.TestCase.assertTrue" in watched
    exists = {
        entry.value for key, entry in watched.items() if key.startswith("pathlib.Path.exists")
    }
    assert exists == {pathlib.Path.exists, harness._ABSENT} or exists == {pathlib.Path.exists}
    assert not any(".attribute" in key for key in watched)  # no class the tests read has it


def test_a_test_stopped_but_never_started_is_started_first_with_its_skip_kept() -> None:
    """Python 3.12.0 and 3.12.1 call stopTest, not startTest, for a test skipped by decorator:
    the harness starts it as it stops (start, then end: in order), keeping what it reported."""

    class Skipped(unittest.TestCase):
        @unittest.skip("needs a GPU")
        def test_skipped(self) -> None:
            self.fail()

    events: list[tuple[str, object]] = []
    result = HarnessResult(
        declared_tests(
            "import unittest\nclass TestCases(unittest.TestCase):\n"
            "    @unittest.skip('needs a GPU')\n    def test_skipped(self):\n        self.fail()\n"
        ),
        on_start=lambda name: events.append(("start", name)),
        on_end=lambda name, event: events.append(("end", (name, event["outcome"]))),
        on_fixture=lambda *fixture: events.append(("fixture", fixture)),
        test_case_class=unittest.TestCase,
        tests_file="/nowhere/tests.py",
    )
    test = Skipped("test_skipped")
    result.addSkip(test, "needs a GPU")  # as 3.12.1 reports it: no startTest before
    result.stopTest(test)
    assert events == [("start", "test_skipped"), ("end", ("test_skipped", "skip"))]


def test_declared_tests_reads_names_skips_and_expected_failures() -> None:
    declared = declared_tests(
        """
import unittest

class Base(unittest.TestCase):
    def setUp(self):
        pass

    def test_inherited(self):
        pass

@unittest.expectedFailure
class Other(unittest.TestCase):
    def test_elsewhere(self):
        pass

class TestCases(Base):
    @unittest.skipIf(True, "why")
    def test_decorated(self):
        pass

    def test_calls_skip(self):
        if True:
            self.skipTest("no")

    @unittest.expectedFailure
    def test_bug(self):
        pass

    def helper(self):
        pass
"""
    )
    assert declared.names == {"test_inherited", "test_decorated", "test_calls_skip", "test_bug"}
    assert declared.skips == {"test_decorated", "test_calls_skip"}
    assert declared.expected_failures == {"test_bug"}


def test_what_the_caller_read_of_the_tests_is_believed_and_read_here_only_without_it() -> None:
    source = (
        "import unittest\n\nclass TestCases(unittest.TestCase):\n"
        "    @unittest.skip('no')\n    def test_a(self):\n        pass\n"
    )
    read_by_the_caller = declared_tests(source).as_request()
    assert read_by_the_caller == {
        "names": ["test_a"],
        "skips": ["test_a"],
        "expected_failures": [],
        "classes": ["TestCases"],
        "imports": ["unittest"],
        "free_names": [],
        "module_bindings": ["unittest unittest"],
        "top_level_names": ["TestCases", "unittest"],
        "reads": ["unittest.TestCase", "unittest.skip"],
        "attributes": ["TestCase", "skip"],
        "numbers": [],
        "method_attributes": ["* TestCase", "test_a skip"],
    }
    # Given, it is not read again: these tests would not even parse.
    given = declared_in({"tests": "class (", "declared": read_by_the_caller})
    assert given == declared_tests(source)
    assert declared_in({"tests": source}) == declared_tests(source)
    with pytest.raises(SyntaxError):
        declared_in({"tests": "class ("})


def records_through_a_pipe(key: bytes, write: list[tuple[Event, dict[str, object]]]) -> bytes:
    import os

    read_end, write_end = os.pipe()
    channel = Channel(write_end, key, "harness")
    for event, fields in write:
        channel.emit(event, **fields)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        return pipe.read()


def test_only_signed_records_in_sequence_are_believed() -> None:
    key = new_key()
    genuine = records_through_a_pipe(
        key,
        [
            (Event.TESTS, {"names": ["test_a"]}),
            (Event.START, {"test": "test_a"}),
            (Event.END, {"test": "test_a", "outcome": "fail"}),
            (Event.DONE, {}),
        ],
    )
    records, problems = read_records(genuine, key)
    assert problems == [] and check_order(records, {"test_a"}) == []
    assert [record["event"] for record in records] == ["tests", "start", "end", "done"]

    lines = genuine.split(b"\n")
    forged = json.dumps({"event": "end", "test": "test_a", "outcome": "pass"}).encode()
    with_forgery = b"\n".join([*lines[:3], forged + b"\tdeadbeef", *lines[3:]])
    (rejected,) = read_records(with_forgery, key)[1]
    assert rejected.startswith('an unsigned or forged record: \'{"event": "end"')
    replayed = b"\n".join([*lines[:3], lines[2], *lines[3:]])
    assert "duplicated, dropped or reordered" in read_records(replayed, key)[1][0]
    assert read_records(genuine, new_key())[1]  # another run's key signs nothing here
    assert read_records(genuine + b"trailing", key)[1] == ["unsigned bytes after the last record"]
    _, cut_short = read_records(genuine[: genuine.index(b"\n") + 10], key)
    assert cut_short == []  # a harness killed mid-write is a crash, not tampering


@pytest.mark.parametrize(
    ("fields", "named"),
    [
        ({"name": {"a": [1]}, "outcome": "error"}, "name is a dict"),
        ({"name": "setUpClass", "outcome": 7}, "outcome is a int"),
        ({"name": "setUpClass", "outcome": "error", "network": 5}, "network is a int"),
        ({"name": "setUpClass", "outcome": "error", "network": [5]}, "network is a list"),
        ({"name": "setUpClass", "outcome": "error", "memory": 1}, "memory is a int"),
    ],
)
def test_a_signed_record_of_a_shape_the_harness_never_writes_is_tampering(
    fields: dict[str, object], named: str
) -> None:
    """Task code that reaches the run's channel signs what it writes (see the harness's
    docstring): a `fixture` record whose fields had other types crashed the command reading it
    (`TypeError` in `outcome_of`), and `validate --all` left every later task unvalidated."""
    key = new_key()
    data = records_through_a_pipe(
        key, [(Event.FIXTURE, fields), (Event.TESTS, {"names": []}), (Event.DONE, {})]
    )
    records, problems = read_records(data, key)
    assert problems == [
        f"a signed fixture record whose {named} of a shape the harness never writes"
    ]
    assert [record["event"] for record in records] == ["tests", "done"]  # the rest in sequence


def test_a_record_is_json_dumps_signed_whatever_task_code_replaces_later(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The channel's record is `json.dumps` of its body with an HMAC-SHA256 (as the supervisor
    checks with `hmac`), from C code it took when made: `json.dumps` or `hmac.HMAC` replaced by
    task code afterwards neither changes a record nor sees the key."""
    import hashlib
    import hmac
    import os

    key = new_key()
    read_end, write_end = os.pipe()
    channel = Channel(write_end, key, "harness")
    seen: list[object] = []
    monkeypatch.setattr(json, "dumps", lambda *args, **kwargs: seen.append(args) or "{}")
    monkeypatch.setattr(hmac.HMAC, "copy", lambda self: seen.append(self) or self)
    body = {"test": "test_a", "outcome": "fail", "values": [1, 2.5, None, "é"]}
    channel.emit(Event.END, **body)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        line = pipe.read()
    monkeypatch.undo()
    assert seen == []
    data, signature = line.rstrip(b"\n").split(b"\t")
    assert data == json.dumps({"event": "end", "from": "harness", "seq": 0, **body}).encode()
    assert signature == hmac.new(key, data, hashlib.sha256).hexdigest().encode()
    records, problems = read_records(line, key)
    assert problems == [] and records[0]["outcome"] == "fail"


def test_tests_that_define_named_tuples_and_enums_are_no_tampering(sandbox: Sandbox) -> None:
    """`collections.namedtuple` and `enum.Enum`'s functional form read their caller's module
    name through `sys._getframe(1)`: called by the tests (at module level or in a test), the
    frame they take is the tests', which is no frame handed to the task's code."""
    tests = """
import collections
import enum

Point = collections.namedtuple("Point", "x y")


class TestCases(unittest.TestCase):
    def test_shapes(self):
        Pair = collections.namedtuple("Pair", "left right")
        Shade = enum.Enum("Shade", "LIGHT DARK")
        self.assertEqual(task_func(Point(1, 2).y), 4)
        self.assertEqual(Pair(1, 2).right, 2)
        self.assertEqual(Shade.DARK.value, 2)
"""
    result = run(sandbox, tests)
    assert result.tampering == [], result.tampering
    assert result.passed, result


def test_the_test_list_must_hold_every_declared_test() -> None:
    key = new_key()
    data = records_through_a_pipe(key, [(Event.TESTS, {"names": ["test_a"]}), (Event.DONE, {})])
    records, _ = read_records(data, key)
    assert check_order(records, {"test_a", "test_b"}) == ["the test list leaves out test_b"]


def test_a_declared_skip_in_set_up_class_skips_the_class(sandbox: Sandbox) -> None:
    result = run(
        sandbox,
        """
class TestCases(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        raise unittest.SkipTest("no display")

    def test_one(self):
        self.assertEqual(task_func(1), 3)
""",
    )
    assert result.tampering == []
    assert outcomes(result) == {"test_one": "skip"}
    assert [fixture.outcome for fixture in result.fixture_errors] == ["skip"]


def test_a_huge_assertion_message_is_clipped_not_taken_for_tampering(sandbox: Sandbox) -> None:
    result = run(
        sandbox,
        """
class TestCases(unittest.TestCase):
    def test_huge(self):
        self.assertEqual(task_func(1), 3, "x" * (20 * 1024 * 1024))
""",
    )
    assert result.tampering == []
    (test,) = result.tests
    assert test.outcome == "fail"
    assert "characters left out" in (test.message or "")
    assert len(test.message or "") < 20 * 1024


def test_the_machinery_check_sees_replaced_code_and_in_full_changed_bytecode() -> None:
    namespace: dict[str, object] = {}
    exec("def check(x=1):\n    return x\ndef other():\n    return 2\n", namespace)
    watched = watched_entry("tests.check", namespace, "check")

    def changed(entry: Watched, full: bool) -> bool:
        return Machinery._changed(entry, full)

    assert not changed(watched, full=True)
    check = namespace["check"]
    assert isinstance(check, types.FunctionType)
    original = check.__code__
    check.__code__ = namespace["other"].__code__  # type: ignore[attr-defined]
    assert changed(watched, full=False)
    check.__code__ = original
    check.__defaults__ = (2,)
    assert changed(watched, full=False)
    check.__defaults__ = watched.defaults  # type: ignore[assignment]
    assert not changed(watched, full=True)
    # Bytecode changed in place (as ctypes could) is seen only by the full check, once a run.
    poked = watched._replace(bytecode=watched.bytecode + 1)
    assert not changed(poked, full=False) and changed(poked, full=True)
    namespace.pop("check")
    assert changed(watched, full=False)


def test_after_each_test_the_machinery_check_compares_identities_and_at_the_end_code() -> None:
    class Tests:
        def test_one(self, x: int = 1) -> int:
            return x

    machinery = Machinery([])
    machinery.watch_tests([Tests])
    key = f"{Tests.__qualname__}.test_one"
    assert machinery.changes() == [] and machinery.changes(full=True) == []
    # A function's defaults replaced in place: the audit hook reports the assignment as it
    # happens; of the checks, only the one at the run's end compares them.
    defaults = Tests.test_one.__defaults__
    Tests.test_one.__defaults__ = (2,)
    assert machinery.changes() == []
    assert machinery.changes(full=True) == [key]
    Tests.test_one.__defaults__ = defaults
    original = unittest.TestCase.assertEqual
    unittest.TestCase.assertEqual = unittest.TestCase.assertNotEqual  # type: ignore[method-assign]
    try:
        assert "unittest.case.TestCase.assertEqual" in machinery.changes()
    finally:
        unittest.TestCase.assertEqual = original  # type: ignore[method-assign]
    assert machinery.changes(full=True) == []


def test_unittest_mock_copying_a_functions_defaults_is_not_tampering(sandbox: Sandbox) -> None:
    result = sandbox.run(
        "def task_func(x, scale=2):\n    return scale * x\n",
        """
import unittest
from unittest import mock

class TestCases(unittest.TestCase):
    def test_autospec(self):
        spec = mock.create_autospec(task_func, return_value=5)
        self.assertEqual(spec(1), 5)
        self.assertEqual(task_func(2), 4)
""",
    )
    assert result.tampering == [], result.tampering
    assert result.passed, result


def test_the_tests_own_mocks_compared_are_neither_tampering_nor_called(sandbox: Sandbox) -> None:
    """A mock in a comparing assertion is judged by its configuration, not compared with a
    stranger: that comparison would be in its `mock_calls`, which the tests check."""
    result = sandbox.run(
        "def task_func(client):\n    client.connect()\n    return client\n",
        """
import unittest
from unittest import mock

class TestCases(unittest.TestCase):
    def test_returns_the_client(self):
        client = mock.MagicMock()
        self.assertEqual(task_func(client), client)
        self.assertEqual(client.mock_calls, [mock.call.connect(), mock.call.__eq__(client)])
        plain = mock.Mock()
        self.assertEqual(task_func(plain), plain)
        self.assertEqual(plain.mock_calls, [mock.call.connect()])
""",
    )
    assert result.tampering == [], result.tampering
    assert result.passed, result


def test_honest_answers_of_the_tasks_own_classes_pass_when_asked_again(sandbox: Sandbox) -> None:
    """A passed assertion whose argument answers through a special method of the task's is
    asked again with what nothing agrees with: honest classes (equality, a difference, a
    dataclass) fail those and pass; an iterator of the task's that assertIn searches is not
    asked again, which would consume what the next assertion sees."""
    program = """import dataclasses

class Money:
    def __init__(self, cents):
        self.cents = cents
    def __eq__(self, other):
        return isinstance(other, Money) and other.cents == self.cents
    def __hash__(self):
        return hash(self.cents)
    def __sub__(self, other):
        return self.cents / 100 - other

@dataclasses.dataclass
class Point:
    x: int
    y: int

class Countdown:
    def __init__(self, start):
        self.left = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.left == 0:
            raise StopIteration
        self.left -= 1
        return self.left

def task_func(cents):
    return Money(cents)
"""
    tests = """
import unittest

class TestCases(unittest.TestCase):
    def test_money(self):
        self.assertEqual(task_func(250), Money(250))
        self.assertEqual([task_func(1), task_func(2)], [Money(1), Money(2)])
        self.assertIn(task_func(2), [Money(1), Money(2)])
        self.assertCountEqual([task_func(2), task_func(1)], [Money(1), Money(2)])
        self.assertAlmostEqual(task_func(250), 2.5)
        self.assertEqual({"origin": Point(0, 0)}, {"origin": Point(0, 0)})

    def test_countdown(self):
        numbers = Countdown(5)
        self.assertIn(3, numbers)
        self.assertIn(1, numbers)
"""
    result = sandbox.run(program, tests)
    assert result.tampering == [], result.tampering
    assert result.passed, result


def test_what_assert_equal_hands_on_to_is_not_asked_again(sandbox: Sandbox) -> None:
    """assertEqual of two lists hands them on to assertListEqual, which hands them on to
    assertSequenceEqual: the guard of assertEqual asks the items' claims and stand-ins once,
    and the steps it hands on to ask none again. Each step asked them again, once for each
    question of the step before: assertEqual asked the items' `__eq__` dozens of times as
    often as assertSequenceEqual alone did (a list of 1,000 dataclasses took 7.6 s)."""
    program = """import dataclasses

ASKED = []

@dataclasses.dataclass(eq=False)
class Point:
    x: int
    def __eq__(self, other):
        ASKED.append(1)
        return isinstance(other, Point) and other.x == self.x

def task_func(n):
    return [Point(i) for i in range(n)]
"""
    tests = """
import unittest

class TestCases(unittest.TestCase):
    def asked_by(self, assertion):
        ASKED.clear()
        assertion(task_func(20), [Point(i) for i in range(20)])
        return len(ASKED)

    def test_asked_once_whoever_hands_on(self):
        alone = self.asked_by(self.assertSequenceEqual)
        self.assertGreater(alone, 20)
        self.assertLess(self.asked_by(self.assertListEqual), 2 * alone)
        self.assertLess(self.asked_by(self.assertEqual), 2 * alone)
"""
    result = sandbox.run(program, tests)
    assert result.tampering == [], result.tampering
    assert outcomes(result) == {"test_asked_once_whoever_hands_on": "pass"}, result


def test_what_a_comparison_puts_back_is_no_library_s_or_c_type_s(sandbox: Sandbox) -> None:
    """What the values compared hold is put back after the harness's questions: only Python's
    containers and objects of the task's. A type's C members read as new objects each time,
    and are read-only: put back, `assertEqual(frame.dtypes[column], np.float64)` failed with
    "readonly attribute" (BigCodeBench/975)."""
    result = sandbox.run(
        "import fractions\n\ndef task_func(x):\n    return [x, fractions.Fraction(x)]\n",
        """
import fractions
import unittest

class TestCases(unittest.TestCase):
    def test_types(self):
        self.assertEqual(type(task_func(1)[0]), int)
        self.assertEqual([type(task_func(1)[1])], [fractions.Fraction])
        self.assertTrue(task_func(2) == [2, fractions.Fraction(2)])
""",
    )
    assert result.tampering == [], result.tampering
    assert outcomes(result) == {"test_types": "pass"}, result


def test_a_dict_is_read_without_hashing_its_keys_again(sandbox: Sandbox) -> None:
    """What a dict compared holds is read as it stands, no key looked up: a key changed since it
    was put in (its hash no longer finds it) raised KeyError (red team), and looking one up runs
    its `__hash__`, the task's code."""
    program = """import dataclasses

@dataclasses.dataclass(unsafe_hash=True)
class Point:
    x: int
    y: int

def task_func():
    point = Point(0, 0)
    table = {point: "origin", Point(1, 1): "one"}
    point.x = 5
    return table, point
"""
    tests = """
import collections
import unittest

class TestCases(unittest.TestCase):
    def test_keys(self):
        table, point = task_func()
        self.assertIn(Point(1, 1), table)
        self.assertEqual(list(table), [point, Point(1, 1)])
        self.assertEqual([table], [table])
        self.assertEqual(collections.OrderedDict(table), collections.OrderedDict(table))
"""
    result = sandbox.run(program, tests)
    assert result.tampering == [], result.tampering
    assert outcomes(result) == {"test_keys": "pass"}, result


def test_the_tests_own_comparisons_go_through_the_harness_unchanged(sandbox: Sandbox) -> None:
    """`self.assertTrue(a == b)` and `assert a == b` in a test method are asked by the harness
    (an object equal to anything passed them): honest answers stand, a failure reads as it did
    ("False is not true", the test's own line), and the `self` of a helper class, a nested
    function or a lambda is left alone."""
    program = """class Money:
    def __init__(self, cents):
        self.cents = cents
    def __eq__(self, other):
        return isinstance(other, Money) and other.cents == self.cents
    __hash__ = None

def task_func(cents):
    return Money(cents)
"""
    tests = """
import unittest

class Reply:
    def __init__(self, status):
        self.status = status
    def check(self):
        assert self.status == 200
        return True

class BaseTests(unittest.TestCase):
    pass

class TestCases(BaseTests):
    def test_helpers_keep_their_own_self(self):
        def nested(self):
            assert self == 1
        nested(1)
        self.assertTrue(Reply(200).check())

    def test_own_comparisons(self):
        self.assertTrue(task_func(2) == Money(2))
        self.assertTrue(task_func(2) == Money(2), msg="money")
        assert task_func(3) == Money(3)
        assert [task_func(1)] == [Money(1)], "listed"
        self.assertTrue("abc" == "ab" + "c")
        self.assertFalse(task_func(1) == Money(2))
        self.assertTrue(task_func(1) in [Money(2), Money(1)])
        self.assertTrue(Money(1) in {"a": task_func(1)}.values())
        assert None == None and task_func(0) is not None
        assert None == None
        self.assertTrue(task_func(4) == None or True)
        self.assertTrue(all(task_func(cents) == Money(cents) for cents in range(3)))
        assert len([task_func(1)]) == 1 and task_func(1) in [Money(1)]
        one = lambda self: self == 1
        self.assertTrue(one(1))
        self.assertFalse(task_func(1) != Money(1))
        self.assertFalse(task_func(1) not in [Money(1)])
        self.assertEqual(task_func(2) == Money(2), True)
        self.assertIs("ab" != "ab", False)
        if task_func(1) != Money(1) or 3 not in [1, 2, 3]:
            self.fail("an honest comparison routed turned over")
        countdown = 3
        while countdown != 0:
            countdown -= 1

    def test_failure_reads_as_before(self):
        self.assertTrue(task_func(1) == Money(2))
"""
    result = sandbox.run(program, tests)
    assert result.tampering == [], result.tampering
    outcomes = {test.name: test for test in result.tests}
    assert outcomes["test_own_comparisons"].outcome == "pass", outcomes
    assert outcomes["test_helpers_keep_their_own_self"].outcome == "pass", outcomes
    failed = outcomes["test_failure_reads_as_before"]
    assert failed.outcome == "fail"
    assert failed.message == "AssertionError: False is not true", failed.message
    assert "self.assertTrue(task_func(1) == Money(2))" in (failed.traceback or ""), failed.traceback


def test_an_object_equal_to_anything_is_refused_in_the_other_forms_tests_compare_in(
    sandbox: Sandbox,
) -> None:
    """`assertFalse(r != 5)`, `assertEqual(r == 5, True)`, `assertIs(r == 5, True)` and `if r
    != 5: self.fail()` asked nothing of an object whose `__eq__` says yes and `__ne__` no: a
    wrong solution passed them all."""
    program = (
        "class Agreeable:\n"
        "    def __eq__(self, other):\n        return True\n"
        "    def __ne__(self, other):\n        return False\n"
        "    __hash__ = None\n\n"
        "def task_func():\n    return Agreeable()\n"
    )
    for assertion in (
        "self.assertFalse(task_func() != 5)",
        "self.assertFalse(task_func() not in [5])",
        "self.assertEqual(task_func() == 5, True)",
        "self.assertIs(task_func() == 5, True)",
        "if task_func() != 5:\n            self.fail('wrong')",
        "while task_func() != 5:\n            self.fail('wrong')",
    ):
        tests = (
            "import unittest\n\nclass TestCases(unittest.TestCase):\n"
            f"    def test_it(self):\n        {assertion}\n"
        )
        result = sandbox.run(program, tests)
        assert outcomes(result) == {"test_it": "error"}, (assertion, result)
        assert "equal to anything (Agreeable)" in result.tampering[0], (assertion, result)


def test_an_honest_equality_that_raises_for_a_stranger_is_no_error(sandbox: Sandbox) -> None:
    """An `__eq__` that reads the other's attribute without asking its type raises for the
    harness's stand-ins; that is a no, not the test's error (the tests compare it only with
    their own values). An error of the real comparison stays the test's."""
    program = """class Money:
    def __init__(self, cents):
        self.cents = cents
    def __eq__(self, other):
        return self.cents == other.cents
    __hash__ = None

def task_func(cents):
    return Money(cents)
"""
    tests = """
import unittest

class TestCases(unittest.TestCase):
    def test_equal(self):
        self.assertTrue(task_func(2) == Money(2))
        assert task_func(2) != Money(3)

    def test_compared_with_a_number(self):
        self.assertTrue(task_func(2) == 2)
"""
    result = sandbox.run(program, tests)
    assert result.tampering == [], result.tampering
    assert outcomes(result) == {"test_equal": "pass", "test_compared_with_a_number": "error"}


def test_looking_up_c_s_memory_copies_is_tampering_and_other_c_functions_are_not(
    sandbox: Sandbox,
) -> None:
    """`CDLL(None).memcpy` (or `_ctypes.dlsym(handle, "memmove")`) hands task code a function
    that writes memory by address, which no audit event sees: the flags that freeze the tests'
    classes. Looking one up is tampering; the task's ordinary use of a C library is not."""
    tests = (
        "import unittest\n\nclass TestCases(unittest.TestCase):\n"
        "    def test_it(self):\n        self.assertEqual(task_func(), 1)\n"
    )
    for lookup, outcome in (
        ("ctypes.CDLL(None).memcpy", "error"),
        ("_ctypes.dlsym(_ctypes.dlopen(None), 'memmove')", "error"),
        ("ctypes.CDLL(None).getpid", "pass"),
    ):
        program = (
            "import ctypes\nimport _ctypes\n\n"
            f"def task_func():\n    found = {lookup}\n    return 1 if found else 0\n"
        )
        result = sandbox.run(program, tests)
        assert outcomes(result) == {"test_it": outcome}, (lookup, result)
        assert bool(result.tampering) == (outcome == "error"), (lookup, result.tampering)


def test_a_sealed_instance_reads_the_globals_as_the_run_made_them() -> None:
    """The namespaces `sealed` hands out are made once, in the warm worker: each instance of a
    run gets one of its own, not the module's, and what the run has put since into a mutable
    global its methods read (`_library_originals`) is there. Run in a process of its own: the
    warm-up seals unittest and the harness."""
    script = """
from curator.sandbox import harness
harness.warm_up()
marker = harness._library_originals["made.in.the.run"] = object()
machinery = harness.sealed(harness.Machinery, harness.machinery_extra())
watch = harness.sealed(harness.AuditWatch, "/tmp", (), "/tmp/task.py")
read = machinery.foreign_library_functions.__func__.__globals__
hook = watch._hook.__func__.__globals__
print(read["_library_originals"]["made.in.the.run"] is marker, read is not hook,
      read is not vars(harness), type(read) is dict, harness._prepared_namespaces == [])
"""
    completed = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert completed.stdout.split() == ["True"] * 5, completed.stderr


def test_plain_throughout_is_python_s_own_values_to_any_depth() -> None:
    """Comparisons of Python's own containers of plain values are asked as unittest asks them,
    with nothing beside (`MethodGuard.plain_throughout`); anything of the task's, a subclass,
    a class whose metaclass poses as a plain type, or a list that holds itself is not."""
    guard = harness.MethodGuard(unittest.TestCase.assertEqual, "assertEqual")

    class Poser(type):
        __hash__ = type.__hash__

        def __eq__(cls, other: object) -> bool:
            return other is int or type.__eq__(cls, other)

    class Posing(metaclass=Poser):
        pass

    class Listed(list):  # type: ignore[type-arg]
        pass

    looped: list[object] = [1]
    looped.append(looped)
    deep: object = 1
    for _ in range(10):
        deep = [deep, (deep,), {"k": deep}]
    for values in (
        ([[1, 2], [3, 4]], [[1, 2]]),
        ({"a": [1, (2, "x")], 3: {4.5, None}}, frozenset({(1, b"x")})),
        ((True, 2j), "text"),
        (deep, deep),
    ):
        assert guard.plain_throughout(values), values
    for values in (
        ([[1, 2], [3, Posing()]], []),
        ([Listed([1])], []),
        ({(1, Posing): 1}, {}),
        ([{1: range(3)}], []),
        (looped, []),
    ):
        assert not guard.plain_throughout(values), values


def test_plain_values_compare_as_unittest_compares_them_nan_included(sandbox: Sandbox) -> None:
    """Python's own values are compared on a private copy (`MethodGuard.asked_plainly`) that
    keeps what the two values share shared: `==` and `in` look at identity first, so the one
    `math.nan` in both equals itself, as under unittest, and two NaNs made apart do not."""
    program = "import math\n\ndef task_func():\n    return [1.0, math.nan, [math.nan]]\n"
    tests = (
        "import math\nimport unittest\n\nclass TestCases(unittest.TestCase):\n"
        "    def test_shared(self):\n"
        "        self.assertEqual(task_func(), [1.0, math.nan, [math.nan]])\n"
        "        self.assertIn(math.nan, task_func())\n"
        "        self.assertTrue(task_func() == [1.0, math.nan, [math.nan]])\n"
        "    def test_apart(self):\n"
        "        self.assertEqual([float('nan')], [float('nan')])\n"
    )
    result = sandbox.run(program, tests)
    assert outcomes(result) == {"test_shared": "pass", "test_apart": "fail"}, result


def test_a_signal_handler_called_while_the_harness_compares_is_called_once_it_is_done(
    sandbox: Sandbox,
) -> None:
    """The task's signal handlers wait while a guard compares (`Uninterrupted`), then run: a
    timer's every call during 200 comparisons of large lists is made, none dropped."""
    program = (
        "import signal\n\ndef task_func(calls):\n"
        "    signal.signal(signal.SIGALRM, lambda number, frame: calls.append(number))\n"
        "    signal.setitimer(signal.ITIMER_REAL, 0.0005, 0.0005)\n"
        "    return list(range(20_000))\n"
    )
    tests = (
        "import signal\nimport unittest\n\nclass TestCases(unittest.TestCase):\n"
        "    def test_it(self):\n"
        "        calls = []\n"
        "        result, expected = task_func(calls), list(range(20_000))\n"
        "        for _ in range(200):\n"
        "            self.assertEqual(result, expected)\n"
        "        signal.setitimer(signal.ITIMER_REAL, 0)\n"
        "        self.assertGreaterEqual(len(calls), 20)\n"
    )
    result = sandbox.run(program, tests)
    assert outcomes(result) == {"test_it": "pass"}, result


def test_a_branch_test_is_routed_through_its_own_comparisons_only() -> None:
    """`if r != 5:` is asked through the harness, but not the comparisons inside a call or a
    generator in the test: BigCodeBench/989's tests build inputs with `if any(c in s for c in
    x)` over thousands of characters, and routing each took 90 ms of a 160 ms run."""
    source = (
        "import unittest\n\nclass T(unittest.TestCase):\n"
        "    def test_a(self):\n"
        "        if any(c in s for c in x) and not r != 5 or q == 1:\n            pass\n"
        "        while k != 0:\n            pass\n"
    )
    routed = ast.unparse(harness.TestsOwnComparisons("task_func").visit(ast.parse(source)))
    assert "any((c in s for c in x))" in routed
    assert "not self._curator_compare(r, 5, '!=')" in routed
    assert "or self._curator_compare(q, 1)" in routed
    assert "while self._curator_compare(k, 0, '!='):" in routed


def test_what_the_tests_are_rewritten_into_stands_where_their_own_code_stood() -> None:
    """The nodes the rewrite builds (a test's entry, a guarded context, a routed call of the
    entry point) are placed where the code they wrap stands, and the tests' own nodes keep
    their places: a traceback points at the tests' lines. Only the new nodes are placed, not
    the whole method again (`located`)."""
    source = (
        "import unittest\n\nclass T(unittest.TestCase):\n"
        "    def test_a(self):\n"
        "        'Doc.'\n"
        "        with open(\n            'f'\n        ) as handle:\n"
        "            value = task_func(\n                1\n            )\n"
        "        self.assertEqual(value, 2)\n"
    )
    tree = harness.TestsOwnComparisons("task_func").visit(ast.parse(source))
    entry = tree.body[1].body[0].body[1]
    assert isinstance(entry, ast.With)
    assert (entry.lineno, entry.end_lineno) == (5, 5)  # the method's first statement's
    opened = entry.body[0]
    assert isinstance(opened, ast.With)
    guarded = opened.items[0].context_expr
    assert isinstance(guarded, ast.Call)
    assert (guarded.lineno, guarded.end_lineno) == (6, 8)  # the call of `open` it wraps
    assert (guarded.args[0].lineno, guarded.args[0].col_offset) == (7, 12)  # the tests' 'f'
    routed = opened.body[0].value
    assert isinstance(routed, ast.Call) and isinstance(routed.args[0], ast.Call)
    assert (routed.lineno, routed.end_lineno, routed.col_offset) == (9, 11, 20)
    assert (routed.args[0].args[0].lineno, routed.args[0].args[0].col_offset) == (10, 16)
    for node in ast.walk(tree):
        if "lineno" in node._attributes:
            assert hasattr(node, "lineno") and hasattr(node, "end_col_offset"), ast.dump(node)
    compile(tree, "tests.py", "exec")


def test_an_elementwise_answer_saying_yes_everywhere_is_judged(sandbox: Sandbox) -> None:
    """An array of the task's whose `==` says yes everywhere, to stand-ins too, passed the
    tests' `(a == b).all()`: an elementwise answer had no truth for the harness, so it was
    never asked again. One that compares honestly still passes and fails as numpy says."""
    program = """import numpy as np

class Agreeing(np.ndarray):
    def __eq__(self, other):
        return np.ones(np.broadcast_shapes(self.shape, np.shape(other)), dtype=bool)
    __hash__ = None

class Honest(np.ndarray):
    def __eq__(self, other):
        return np.asarray(self) == np.asarray(other)
    __hash__ = None

def task_func(kind):
    return np.array([1, 2, 5]).view(kind)
"""
    tests = """
import unittest
import numpy as np

class TestCases(unittest.TestCase):
    def test_it(self):
        self.assertTrue((task_func(KIND) == np.array([1, 2, EXPECTED])).all())
"""
    for kind, expected, outcome in (
        ("Agreeing", 3, "error"),
        ("Honest", 5, "pass"),
        ("Honest", 3, "fail"),
    ):
        source = tests.replace("KIND", kind).replace("EXPECTED", str(expected))
        result = sandbox.run(program, source)
        assert outcomes(result) == {"test_it": outcome}, (kind, expected, result)
        assert bool(result.tampering) == (outcome == "error"), result


def test_an_answer_through_numpy_s_protocols_or_an_equals_of_the_task_s_never_passes(
    sandbox: Sandbox,
) -> None:
    """An object of the task's that answers numpy for itself (`__array_function__` under
    `np.allclose`, `np.array_equal`, `np.isclose`; `__array_ufunc__` under
    `assert_array_equal`) or a frame whose `equals` says yes passed the tests' library
    comparisons with a wrong answer: none of them asked the object anything the harness saw.
    Honest ones (a subclass that defers to numpy or pandas) still pass and fail as the library
    says."""
    program = """import numpy as np
import pandas as pd

class Close:
    def __array_function__(self, func, types, args, kwargs):
        if func is np.isclose:
            return np.ones(np.shape(args[1]), dtype=bool)
        return True

class Agreeing(np.ndarray):
    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        shape = np.broadcast_shapes(*[np.shape(x) for x in inputs])
        return np.ones(shape, dtype=bool) if ufunc is np.equal else np.zeros(shape)

class Deferring(np.ndarray):
    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        inputs = [np.asarray(x) for x in inputs]
        return getattr(ufunc, method)(*inputs, **kwargs)

class Frame(pd.DataFrame):
    @property
    def _constructor(self):
        return Frame
    def equals(self, other):
        return True

class Agreeable:
    equals = staticmethod(lambda other: True)

class Obliging:
    def __init__(self):
        self.equals = lambda other: True

class HonestFrame(pd.DataFrame):
    @property
    def _constructor(self):
        return HonestFrame
    def equals(self, other):
        return pd.DataFrame(self).equals(other)

def task_func(kind):
    if kind == "close":
        return Close()
    if kind in ("agreeable", "obliging"):
        return Agreeable() if kind == "agreeable" else Obliging()
    if kind in ("agreeing", "deferring"):
        return np.array([1.0, 2.0, 5.0]).view(Agreeing if kind == "agreeing" else Deferring)
    return (Frame if kind == "frame" else HonestFrame)({"v": [1, 2, 5]})
"""
    expected = "np.array([1.0, 2.0, EXPECTED])"
    for kind, assertion in (
        ("close", f"self.assertTrue(np.allclose(task_func(KIND), {expected}))"),
        ("close", f"self.assertTrue(np.array_equal(task_func(KIND), {expected}))"),
        ("close", f"assert np.array_equiv(task_func(KIND), {expected})"),
        ("close", f"self.assertTrue(np.isclose(task_func(KIND), {expected}).all())"),
        ("close", f"if not np.allclose(task_func(KIND), {expected}):\n            self.fail()"),
        ("agreeing", f"np.testing.assert_array_equal(task_func(KIND), {expected})"),
        ("agreeing", f"self.assertTrue(np.allclose(task_func(KIND), {expected}))"),
        ("frame", "self.assertTrue(task_func(KIND).equals(pd.DataFrame({'v': [1, 2, EXPECTED]})))"),
        ("agreeable", "self.assertTrue(task_func(KIND).equals(pd.DataFrame({'v': [EXPECTED]})))"),
        ("obliging", "assert task_func(KIND).equals(pd.DataFrame({'v': [EXPECTED]}))"),
    ):
        tests = (
            "import unittest\nimport numpy as np\nimport pandas as pd\n\n"
            "class TestCases(unittest.TestCase):\n"
            f"    def test_it(self):\n        {assertion}\n"
        ).replace("KIND", repr(kind))
        result = sandbox.run(program, tests.replace("EXPECTED", "3"))
        assert outcomes(result) == {"test_it": "error"}, (assertion, result)
        assert "equal to anything" in result.tampering[0], (assertion, result)
        if kind not in ("close", "agreeable", "obliging"):
            honest = tests.replace(repr(kind), repr({"agreeing": "deferring"}.get(kind, "honest")))
            for value, outcome in (("5", "pass"), ("3", "fail")):
                result = sandbox.run(program, honest.replace("EXPECTED", value))
                assert outcomes(result) == {"test_it": outcome}, (assertion, value, result)
                assert result.tampering == [], (assertion, value, result)


def test_objects_equal_to_anything_inside_an_array_or_a_frame_are_refused(
    sandbox: Sandbox,
) -> None:
    """`DataFrame.equals`, `np.array_equal` and the tests' own `(frame == expected)` compare a
    column of objects with the objects' own `==`: a frame of objects of the task's that say yes
    to anything passed them. Honest objects still pass and fail as pandas and numpy say."""
    program = """import numpy as np
import pandas as pd

class Yes:
    def __eq__(self, other):
        return True
    def __ne__(self, other):
        return False
    __hash__ = object.__hash__

class Tag:
    def __init__(self, name):
        self.name = name
    def __eq__(self, other):
        return isinstance(other, Tag) and other.name == self.name
    __hash__ = object.__hash__

def task_func(kind):
    values = [Yes(), Yes()] if kind == "yes" else [Tag("a"), Tag("b")]
    return pd.DataFrame({"v": pd.Series(values, dtype=object)})
"""
    expected = "pd.DataFrame({'v': pd.Series([Tag('a'), Tag(EXPECTED)], dtype=object)})"
    for assertion in (
        f"self.assertTrue(task_func(KIND).equals({expected}))",
        f"self.assertTrue(np.array_equal(task_func(KIND)['v'].values, {expected}['v'].values))",
        f"self.assertTrue((task_func(KIND) == {expected}).all().all())",
        f"self.assertTrue(pd.DataFrame.equals(task_func(KIND), {expected}))",
    ):
        tests = (
            "import unittest\nimport numpy as np\nimport pandas as pd\n\n"
            "class TestCases(unittest.TestCase):\n"
            f"    def test_it(self):\n        {assertion}\n"
        )
        for kind, value, outcome in (
            ("yes", "'c'", "error"),
            ("tag", "'b'", "pass"),
            ("tag", "'c'", "fail"),
        ):
            source = tests.replace("KIND", repr(kind)).replace("EXPECTED", value)
            result = sandbox.run(program, source)
            assert outcomes(result) == {"test_it": outcome}, (assertion, kind, value, result)
            assert bool(result.tampering) == (outcome == "error"), (
                assertion,
                kind,
                result.tampering,
            )


def test_library_assertions_of_honest_values_pass_and_fail_as_the_library_says(
    sandbox: Sandbox,
) -> None:
    """numpy's array assertions and pandas' frame and series assertions go through the
    harness's guards: arrays and columns of honest objects of the task's pass (asked again,
    they fail against strangers), numbers and strings pass, and a failure keeps the library's
    own message."""
    program = """import numpy as np
import pandas as pd

class Tag:
    def __init__(self, name):
        self.name = name
    def __eq__(self, other):
        return isinstance(other, Tag) and other.name == self.name
    __hash__ = None

def task_func(count):
    return np.arange(count) * 0.5, np.array([Tag("a"), Tag("b")], dtype=object)

def tagged_frame():
    return pd.DataFrame(
        {"tag": [Tag("a"), Tag("b")], "name": ["ann", "bob"], "age": [31, 42]},
        index=pd.Index(["x", "y"], dtype=object),
    )
"""
    tests = """
import unittest

import numpy as np
import pandas as pd

class TestCases(unittest.TestCase):
    def test_numbers(self):
        values, _ = task_func(3)
        np.testing.assert_array_equal(values, [0.0, 0.5, 1.0])
        np.testing.assert_allclose(values, [0.0, 0.5, 1.0000001])
        np.testing.assert_array_almost_equal(values, np.array([0, 0.5, 1]))

    def test_tags(self):
        _, tags = task_func(0)
        np.testing.assert_array_equal(tags, np.array([Tag("a"), Tag("b")], dtype=object))

    def test_frames(self):
        expected = pd.DataFrame(
            {"tag": [Tag("a"), Tag("b")], "name": ["ann", "bob"], "age": [31, 42]},
            index=pd.Index(["x", "y"], dtype=object),
        )
        pd.testing.assert_frame_equal(tagged_frame(), expected)
        pd.testing.assert_series_equal(tagged_frame()["tag"], expected["tag"])
        pd.testing.assert_series_equal(tagged_frame()["age"], expected["age"])

    def test_failure_reads_as_numpys(self):
        values, _ = task_func(2)
        np.testing.assert_array_equal(values, [0.0, 0.75])

    def test_failure_reads_as_pandas(self):
        frame = tagged_frame()
        expected = pd.Series([31, 43], index=frame.index, name="age")
        pd.testing.assert_series_equal(frame["age"], expected)
"""
    result = sandbox.run(program, tests)
    assert result.tampering == [], result.tampering
    outcomes = {test.name: test for test in result.tests}
    for name in ("test_numbers", "test_tags", "test_frames"):
        assert outcomes[name].outcome == "pass", outcomes[name]
    numpys = outcomes["test_failure_reads_as_numpys"]
    assert numpys.outcome == "fail", numpys
    assert "Arrays are not equal" in (numpys.message or ""), numpys.message
    pandas = outcomes["test_failure_reads_as_pandas"]
    assert pandas.outcome == "fail", pandas
    assert "Series values are different" in (pandas.message or ""), pandas.message


def test_threads_coverage_traces_are_not_tampering_and_it_measures_them(
    sandbox: Sandbox,
) -> None:
    """coverage.py sets its trace function in each new thread (through threading's hook):
    only a trace or profile function set by anyone else is tampering."""
    program = """import threading
from concurrent.futures import ThreadPoolExecutor

def task_func(values):
    def square(value):
        if value < 0:
            return -value * value
        return value * value
    with ThreadPoolExecutor(max_workers=2) as pool:
        squares = list(pool.map(square, values))
    worker = threading.Thread(target=squares.sort)
    worker.start()
    worker.join()
    return squares
"""
    tests = """
import unittest

class TestCases(unittest.TestCase):
    def test_squares(self):
        self.assertEqual(task_func([3, 1, 2]), [1, 4, 9])
"""
    result = sandbox.run(program, tests)
    assert result.tampering == [], result.tampering
    assert result.passed, result
    assert result.coverage is not None
    assert result.coverage.missed_lines == [7], result.coverage  # the negative branch only


def test_what_ordinary_tests_do_with_their_classes_and_instances_still_works(
    sandbox: Sandbox,
) -> None:
    """The guards and the freezing refuse task code's replacements, not the tests' own ways:
    state in the class (fixtures, inheritance), attributes and type-equality functions on the
    instance, helpers of their own, mock.ANY inside a mock's check, matchers of their own."""
    result = run(
        sandbox,
        """
from unittest import mock


class Even:
    def __eq__(self, other):
        return other % 2 == 0


class Base(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.calls = []

    def check_doubles(self, value):
        self.assertEqual(task_func(value), 2 * value)


class TestCases(Base):
    @classmethod
    def tearDownClass(cls):
        cls.calls = None

    def setUp(self):
        self.value = 3
        self.maxDiff = None
        self.addTypeEqualityFunc(complex, lambda first, second, msg=None: None)
        self.calls.append("set up")

    def test_helper_of_the_tests(self):
        self.check_doubles(self.value)

    def test_type_equality_function_of_the_tests(self):
        self.assertEqual(complex(1, 0), complex(2, 0))

    def test_matcher_of_the_tests(self):
        self.assertEqual(task_func(self.value), Even())
        self.assertIn(task_func(2), [1, 4])
        self.assertEqual(self.calls.count("set up"), len(self.calls))

    def test_mock_any_inside_a_mock(self):
        recorder = mock.Mock()
        recorder(task_func(1), "anything")
        recorder.assert_called_once_with(2, mock.ANY)

    def test_mock_open_of_the_tests(self):
        # mock_open sets unittest.mock's own globals (file_spec) the first time it runs.
        with mock.patch("builtins.open", mock.mock_open(read_data="x")) as opened:
            self.assertEqual(open("f").read(), "x")
        opened.assert_called_once_with("f")
        self.assertRaises(AssertionError, opened.assert_called_with, "g")
""",
    )
    assert result.passed, result
    assert set(outcomes(result).values()) == {"pass"}, result


def test_the_frames_libraries_take_for_the_task_s_code_are_not_tampering(
    sandbox: Sandbox,
) -> None:
    """The task's code taking a stack frame is tampering (`AuditWatch._on_frame_taken`); the
    frames that logging, namedtuple, enum, typing.NamedTuple, traceback.format_exc (also with
    the exception's locals), traceback.format_stack (without the stack's locals) and asyncio
    (a task's printed stack, its debug mode) take when the task's code calls them are theirs,
    and the task passes."""
    program = """import asyncio
import collections
import enum
import io
import logging
import traceback
import typing


async def shown_stack():
    shown = io.StringIO()
    asyncio.current_task().print_stack(file=shown)
    return shown.getvalue()


def task_func(x):
    assert "shown_stack" in asyncio.run(shown_stack(), debug=True)
    logging.getLogger("task").warning("doubling %s", x)
    Pair = collections.namedtuple("Pair", "left right")
    Colour = enum.Enum("Colour", "RED GREEN")

    class Point(typing.NamedTuple):
        x: int

    try:
        raise ValueError("kept")
    except ValueError as error:
        shown = traceback.format_exc()
        told = traceback.TracebackException.from_exception(error, capture_locals=True)
    assert "kept" in shown and "kept" in "".join(told.format()) and Colour.RED and Point(1).x == 1
    assert "task_func" in "".join(traceback.format_stack())
    return Pair(x, x).left * 2
"""
    result = sandbox.run(
        program,
        "import unittest\n\nclass TestCases(unittest.TestCase):\n"
        "    def test_doubles(self):\n"
        "        self.assertEqual(task_func(2), 4)\n",
    )
    assert result.tampering == [], result.tampering
    assert outcomes(result) == {"test_doubles": "pass"}, result


def test_a_signal_handler_of_the_task_s_works_but_is_handed_no_frame(sandbox: Sandbox) -> None:
    """Python hands a signal handler the running frame, whose `f_back` reaches the running
    test's variables: the harness hands the task's handlers None instead (`FramelessHandler`),
    whether installed through `signal.signal` or the original it wraps; a timeout made of a
    handler still works, and `signal` gives the task's handler back as it was given."""
    program = """import signal
import time


def task_func(seconds):
    def on_alarm(number, frame):
        raise TimeoutError(f"signal {number}, frame {frame!r}")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    try:
        assert signal.getsignal(signal.SIGALRM) is on_alarm
        signal.setitimer(signal.ITIMER_REAL, seconds)
        while True:
            time.sleep(0.001)
    except TimeoutError as error:
        return str(error)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        assert signal.signal(signal.SIGALRM, previous) is on_alarm
"""
    tests = """import signal
import unittest


class TestCases(unittest.TestCase):
    def test_times_out(self):
        self.assertEqual(task_func(0.01), f"signal {int(signal.SIGALRM)}, frame None")

    def test_the_original_hands_no_frame_either(self):
        seen = []
        signal.signal.__wrapped__(signal.SIGUSR1, lambda number, frame: seen.append(frame))
        signal.raise_signal(signal.SIGUSR1)
        self.assertEqual(seen, [None])
"""
    result = sandbox.run(program, tests)
    assert result.tampering == [], result.tampering
    assert outcomes(result) == {
        "test_times_out": "pass",
        "test_the_original_hands_no_frame_either": "pass",
    }, result


def test_a_sys_monitoring_callback_of_the_task_s_is_tampering(tmp_path: Path) -> None:
    """From Python 3.12, a `sys.monitoring` callback for calls is handed each call's first
    argument: the task's changed the list a test was about to compare its answer with, and
    the test passed. Registering one while the tests run is tampering, as a trace function is
    (coverage is off: no coverage.py for that Python is installed here)."""
    venv = python_venv(tmp_path, "3.14", "3.13", "3.12")
    venv.chmod(0o755)
    program = """import sys


def task_func(a, b):
    monitoring = sys.monitoring
    monitoring.use_tool_id(4, "peek")

    def on_call(code, offset, called, first):
        if type(first) is list and len(first) == 1 and type(first[0]) is int:
            first[:] = [a + b]  # the list a test compares with, as it calls assertEqual

    monitoring.register_callback(4, monitoring.events.CALL, on_call)
    monitoring.set_events(4, monitoring.events.CALL)
    return [a + b]
"""
    tests = """import unittest


class TestCases(unittest.TestCase):
    def test_add(self):
        self.assertEqual([6], task_func(2, 3))
"""
    interpreter = Interpreter(str(venv / "bin" / "python"))
    with Sandbox(preload=False, interpreter=interpreter) as sandbox:
        result = sandbox.run(
            program, tests, options=RunOptions(coverage=False, fresh_interpreter=True)
        )
    assert result.tampering == ["set a sys.monitoring callback (from task.py)"], result
    assert outcomes(result) == {"test_add": "error"}, result


def test_a_function_the_tests_hand_the_task_is_the_task_s_to_inspect(sandbox: Sandbox) -> None:
    """Reading the code of the tests' methods is tampering (their constants are the expected
    answers); a lambda or function the tests pass to the task is its input, whose code a task
    about functions reads (its arguments, its constants)."""
    program = """import dis


def task_func(function):
    code = function.__code__
    constants = [i.argval for i in dis.get_instructions(function) if i.opname == "LOAD_CONST"]
    return code.co_argcount, 7 in constants
"""
    tests = """import unittest


def module_helper(a):
    return a


class TestCases(unittest.TestCase):
    def test_a_lambda(self):
        self.assertEqual(task_func(lambda x, y: x + 7), (2, True))

    def test_a_function_of_the_tests_module(self):
        self.assertEqual(task_func(module_helper), (1, False))
"""
    result = sandbox.run(program, tests)
    assert result.tampering == [], result.tampering
    assert set(outcomes(result).values()) == {"pass"}, result


def test_a_replacement_the_harness_refuses_is_tampering_even_when_the_task_catches_it(
    sandbox: Sandbox,
) -> None:
    """Setting a method on the running test goes through its guard, which records the attempt
    before refusing: catching the refusal does not hide it."""
    program = (
        "import inspect\n\n\ndef task_func(x):\n"
        "    test = inspect.currentframe().f_back.f_locals['self']\n"
        "    try:\n"
        "        test.assertEqual = lambda *args, **kwargs: None\n"
        "    except AttributeError:\n"
        "        pass\n"
        "    return x\n"
    )
    result = sandbox.run(
        program,
        "import unittest\n\nclass TestCases(unittest.TestCase):\n"
        "    def test_doubles(self):\n"
        "        result = task_func(2)\n"
        "        self.assertEqual(result, 4)\n",
    )
    assert outcomes(result) == {"test_doubles": "error"}, result
    assert any("replaced assertEqual on the running test" in reason for reason in result.tampering)


ORDER_TELLING_LIARS = """
def _a_stand_in(other):
    if type(other).__name__ == "_Unrelated":
        return True
    items = other.values() if isinstance(other, dict) else other
    return isinstance(other, (list, tuple, set, frozenset, dict)) and any(
        type(item).__name__ == "_Unrelated" for item in items
    )

class Sly:
    \"\"\"Tells the harness's questions apart by their order: no to an object it knows nothing
    of and to the question right after it, yes to anything else (None too, which a harness
    asking `None in (a, b)` took for no stand-in at all).\"\"\"
    def __init__(self):
        self.after_stand_in = False
    def __eq__(self, other):
        if _a_stand_in(other):
            self.after_stand_in = True
            return False
        if self.after_stand_in:
            self.after_stand_in = False
            return False
        return True
    def __ne__(self, other):
        return not self.__eq__(other)
    def __sub__(self, other):
        return 1.0 if not self.__eq__(other) else 0.0
    __hash__ = None

def task_func():
    return Sly()
"""


def test_an_object_that_tells_the_questions_by_their_order_never_passes(sandbox: Sandbox) -> None:
    """The harness asked a passed assertion again with stand-ins in a fixed order (the real
    question first, an object the task knows nothing of, then one other value), so an answer
    that said no to the stand-in it could recognise and to the question right after it passed
    every comparing assertion. The real question is now asked among the stand-ins in an order
    drawn afresh each time, with two other values: that liar can deflect one, never both, and
    none of these tests passes, however the order falls."""
    assertions = [
        "self.assertEqual(task_func(), 5)",
        "self.assertEqual(task_func(), 'five')",
        "self.assertTrue(task_func() == 5)",
        "self.assertIn(task_func(), [5, 6, 7])",
        "self.assertEqual([task_func(), task_func()], [5, 6])",
        "self.assertCountEqual([task_func(), task_func()], [5, 6])",
        "self.assertAlmostEqual(task_func(), 2.5)",
    ]
    for assertion in assertions:  # one a run: tampering in one test makes every test an error
        tests = (
            "import unittest\n\nclass TestCases(unittest.TestCase):\n"
            f"    def test_it(self):\n        {assertion}\n"
        )
        for _ in range(3):
            result = sandbox.run(ORDER_TELLING_LIARS, tests)
            assert outcomes(result) in ({"test_it": "fail"}, {"test_it": "error"}), (
                assertion,
                result,
            )


def test_the_real_question_is_asked_at_a_place_no_task_code_can_predict(sandbox: Sandbox) -> None:
    """An answer that says yes to the third question it is asked alone (the harness's own two
    questions come first) passed every time the real question came third: asked among the
    stand-ins in random order, it is caught in most tests."""
    program = """
class Third:
    def __init__(self):
        self.asked = 0
    def __eq__(self, other):
        self.asked += 1
        return self.asked == 3
    __hash__ = None

def task_func():
    return Third()
"""
    tests = "import unittest\n\nclass TestCases(unittest.TestCase):\n" + "".join(
        f"    def test_{number}(self):\n        self.assertEqual(task_func(), 5)\n"
        for number in range(40)
    )
    result = sandbox.run(program, tests)
    found = outcomes(result)
    assert len(found) == 40, result
    assert list(found.values()).count("pass") < 40, result


def test_an_honest_equality_of_the_programs_own_is_not_taken_for_a_hack(sandbox: Sandbox) -> None:
    """A class of the program's with an `__eq__` that compares values passes: only one that
    claims to equal an unrelated object, or a different value of the expected type, is refused."""
    program = (
        "class Money:\n"
        "    def __init__(self, amount):\n"
        "        self.amount = amount\n\n"
        "    def __eq__(self, other):\n"
        "        return self.amount == getattr(other, 'amount', other)\n\n"
        "    __hash__ = None\n\n\n"
        "def task_func(x):\n"
        "    return Money(2 * x)\n"
    )
    tests = (
        "import unittest\n\nclass TestCases(unittest.TestCase):\n"
        "    def test_equal_to_a_number(self):\n"
        "        self.assertEqual(task_func(2), 4)\n"
        "        self.assertEqual(4, task_func(2))\n\n"
        "    def test_equal_to_money(self):\n"
        "        self.assertEqual(task_func(2), Money(4))\n"
        "        self.assertIn(task_func(1), [1, 2])\n\n"
        "    def test_unequal(self):\n"
        "        self.assertEqual(task_func(2), 5)\n"
    )
    result = sandbox.run(program, tests)
    assert outcomes(result) == {
        "test_equal_to_a_number": "pass",
        "test_equal_to_money": "pass",
        "test_unequal": "fail",
    }, result
    assert result.tampering == []


def _chained_import_error(filenames: list[str]) -> ModuleNotFoundError:
    """A real import error raised through functions compiled under `filenames`, outermost
    first, as the harness catches one (its own frames above the task's)."""

    def raise_missing() -> None:
        raise ModuleNotFoundError("No module named 'absent_dependency'", name="absent_dependency")

    call = raise_missing
    for filename in reversed(filenames):
        namespace: dict[str, object] = {}
        exec(compile("def through(call):\n    call()\n", filename, "exec"), namespace)
        call = functools.partial(namespace["through"], call)  # type: ignore[arg-type]
    try:
        call()
    except ModuleNotFoundError as error:
        return error
    raise AssertionError("no error")


@pytest.mark.parametrize(
    ("filenames", "library"),
    [
        # curator installed from a wheel: its harness lives in site-packages too
        (
            [
                "/usr/lib/python3/site-packages/curator/sandbox/harness.py",
                "/run/task/task.py",
                "/venv/lib/python3.10/site-packages/librosa/__init__.py",
                "/venv/lib/python3.10/site-packages/numba/core/config.py",
            ],
            "numba",
        ),
        (
            ["/usr/lib/python3/site-packages/curator/sandbox/harness.py", "/run/task/task.py"],
            None,
        ),
        (  # a library calls back into the task's code, which imports the module itself
            [
                "/run/task/tests.py",
                "/venv/lib/python3.10/dist-packages/pandas/core/apply.py",
                "/run/task/task.py",
            ],
            None,
        ),
    ],
    ids=["library-below-the-task", "the-task-itself", "task-called-back"],
)
def test_the_library_named_for_a_missing_module_is_one_the_task_called(
    filenames: list[str], library: str | None
) -> None:
    error = _chained_import_error(filenames)
    assert importing_library(error.__traceback__, ("/run/task/task.py", "/run/task/tests.py")) == (
        library
    )


def test_a_run_writes_no_bytecode_of_what_it_imports(sandbox: Sandbox) -> None:
    """PYTHONDONTWRITEBYTECODE was set in the run's environment, which only an interpreter's
    start reads: a library installed without bytecode was compiled as the task imported it,
    and its __pycache__ written (as root, a `write_outside` finding of the task's, walk 47)."""
    result = run(
        sandbox,
        """
import sys

class TestCases(unittest.TestCase):
    def test_no_bytecode_written(self):
        self.assertTrue(sys.dont_write_bytecode)
""",
    )
    assert outcomes(result) == {"test_no_bytecode_written": "pass"}, result


def test_gc_freeze_in_a_run_leaves_a_garbage_sentinel_waiting_beside_what_it_froze() -> None:
    """`gc.freeze` takes the waiting `GarbageSentinel` out of the collector's reach (red team:
    DEBUG_SAVEALL then kept frames): the harness's `gc.freeze` leaves another in the youngest
    generation, and the next collection turns DEBUG_SAVEALL off before it keeps anything."""
    gc.collect()
    try:
        harness.freeze_beside_a_sentinel()
        waiting = [found for found in gc.get_objects(0) if type(found) is harness.GarbageSentinel]
        assert len(waiting) == 1
        del waiting
        gc.set_debug(gc.DEBUG_SAVEALL)
        try:
            raise ValueError
        except ValueError as error:
            kept = error
        del kept
        gc.collect(0)
        assert not gc.get_debug() & gc.DEBUG_SAVEALL
        assert not [found for found in gc.garbage if isinstance(found, types.FrameType)]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.unfreeze()


def test_a_test_method_that_the_tests_call_from_another_is_no_tampering(sandbox: Sandbox) -> None:
    """A test method is entered once a test, as that test; another inside it only when the
    tests' own code calls it (`entered_test`): a test that runs its sibling still passes."""
    result = run(
        sandbox,
        """
class TestCases(unittest.TestCase):
    def test_a_double(self):
        self.assertEqual(task_func(2), 4)

    def test_b_both(self):
        self.test_a_double()
        self.assertEqual(task_func(3), 6)
""",
    )
    assert result.tampering == [], result.tampering
    assert outcomes(result) == {"test_a_double": "pass", "test_b_both": "pass"}


def test_how_a_test_method_ended_leaves_honest_outcomes_as_unittest_decides_them(
    sandbox: Sandbox,
) -> None:
    """A test passes only if its method ran to its end (`HarnessResult.unfinished`); honest tests
    whose methods end otherwise keep unittest's outcome: a subTest's failure fails the test, a
    sibling's failure caught by the tests passes it, a generator or coroutine a plain TestCase
    never runs passes as unittest counts it, and async tests run as their runner runs them."""
    result = run(
        sandbox,
        '''
class TestCases(unittest.TestCase):
    def test_a_subtest_fails(self):
        for x, expected in ((1, 2), (2, 5)):
            with self.subTest(x=x):
                self.assertEqual(task_func(x), expected)

    def test_b_subtests_pass(self):
        for x in (1, 2):
            with self.subTest(x=x):
                self.assertEqual(task_func(x), 2 * x)

    def test_c_sibling_failure_caught(self):
        try:
            self.test_k_fails()
        except AssertionError:
            pass
        self.assertEqual(task_func(1), 2)

    def test_k_fails(self):
        self.assertEqual(task_func(1), 3)

    def test_d_documented_only(self):
        """Nothing to check."""

    def test_e_generator(self):
        yield self.fail()

    async def test_f_coroutine_never_awaited(self):
        self.fail()

    def test_g_returns_early(self):
        if task_func(1) == 2:
            return
        self.fail()

    def tearDown(self):
        if self._testMethodName == "test_h_tear_down_fails":
            raise ValueError("left a file behind")

    def test_h_tear_down_fails(self):
        self.assertEqual(task_func(1), 2)
''',
    )
    assert result.tampering == [], result.tampering
    assert outcomes(result) == {
        "test_a_subtest_fails": "fail",
        "test_b_subtests_pass": "pass",
        "test_c_sibling_failure_caught": "pass",
        "test_d_documented_only": "pass",
        "test_e_generator": "pass",
        "test_f_coroutine_never_awaited": "pass",
        "test_g_returns_early": "pass",
        "test_h_tear_down_fails": "error",
        "test_k_fails": "fail",
    }
    run_async = run(
        sandbox,
        """
class TestCases(unittest.IsolatedAsyncioTestCase):
    async def test_passes(self):
        self.assertEqual(task_func(3), 6)

    async def test_fails(self):
        self.assertEqual(task_func(3), 7)
""",
    )
    assert run_async.tampering == [], run_async.tampering
    assert outcomes(run_async) == {"test_fails": "fail", "test_passes": "pass"}


def test_honest_orders_of_the_task_s_own_pass_where_the_tests_compare_them(
    sandbox: Sandbox,
) -> None:
    """The tests' own `<` (and chains, `0 <= x < 10`) and the ordering assertions ask an object
    that orders through a method of the task's again, against an object it knows nothing of
    (`MethodGuard.ordered_in_the_tests`): an honest order says no, or raises, and passes."""
    program = """import functools


@functools.total_ordering
class Version:
    def __init__(self, text):
        self.parts = tuple(int(part) for part in text.split("."))

    def __eq__(self, other):
        return isinstance(other, Version) and self.parts == other.parts

    def __lt__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts < other.parts

    __hash__ = None


class Score(int):
    def __lt__(self, other):
        return int(self) < other


def task_func(text):
    return Version(text), Score(len(text))
"""
    tests = """import unittest


class TestCases(unittest.TestCase):
    def test_versions(self):
        version, score = task_func("1.2")
        self.assertLess(version, Version("1.10"))
        self.assertGreaterEqual(version, Version("1.2"))
        self.assertTrue(Version("0.9") < version <= Version("1.2"))
        self.assertFalse(version > Version("2.0"))

    def test_scores(self):
        _, score = task_func("1.2.3")
        self.assertTrue(0 <= score < 10)
        self.assertLess(score, 6)
        self.assertTrue(all(0 < part < 4 for part in task_func("1.2.3")[0].parts))

    def test_a_wrong_order_still_fails(self):
        version, _ = task_func("1.2")
        self.assertLess(version, Version("1.1"))
"""
    result = sandbox.run(program, tests)
    assert result.tampering == [], result.tampering
    assert outcomes(result) == {
        "test_a_wrong_order_still_fails": "fail",
        "test_scores": "pass",
        "test_versions": "pass",
    }


def test_the_tests_context_managers_work_as_python_runs_them(sandbox: Sandbox) -> None:
    """Each context manager of a `with` in the tests runs through `GuardedContext`: entered and
    left as Python would (unittest's, mock's, the standard library's, the tests' own and the
    task's); those made to swallow (assertRaises, suppress, an ExitStack of it, the tests' own
    class and generator) swallow, and a failure inside one that swallows nothing still fails
    the test."""
    program = """import contextlib
import os


class Recorder:
    def __init__(self):
        self.seen = []

    def __enter__(self):
        self.seen.append("in")
        return self

    def __exit__(self, kind, error, trace):
        self.seen.append("out")


def task_func(path):
    if not isinstance(path, str):
        raise TypeError("a path")
    with open(path, "w") as handle:
        handle.write("x")
    return Recorder()
"""
    tests = """import contextlib
import os
import tempfile
import unittest
from unittest import mock


class Swallowing:
    def __enter__(self):
        return self

    def __exit__(self, kind, error, trace):
        return True


@contextlib.contextmanager
def caught(kind):
    try:
        yield
    except kind:
        pass


@contextlib.contextmanager
def moved_into(directory):
    before = os.getcwd()
    os.chdir(directory)
    try:
        yield directory
    finally:
        os.chdir(before)


class TestCases(unittest.TestCase):
    def test_raises_and_suppress(self):
        with self.assertRaises(TypeError):
            task_func(3)
        with contextlib.suppress(TypeError):
            task_func(3)
        with contextlib.ExitStack() as stack:
            stack.enter_context(contextlib.suppress(TypeError))
            task_func(3)
        with Swallowing():
            task_func(3)
        with caught(TypeError):
            task_func(3)

    def test_files_and_patches(self):
        with tempfile.TemporaryDirectory() as directory, moved_into(directory) as here:
            recorder = task_func("out.txt")
            with mock.patch("os.getcwd", return_value="/nowhere"):
                self.assertEqual(os.getcwd(), "/nowhere")
            self.assertTrue(os.path.exists(os.path.join(here, "out.txt")))
        with recorder as same:
            self.assertIs(same, recorder)
        self.assertEqual(recorder.seen, ["in", "out"])

    def test_a_failure_inside_still_fails(self):
        with tempfile.TemporaryDirectory() as directory:
            self.assertEqual(task_func(os.path.join(directory, "f")).seen, ["in"])
"""
    result = sandbox.run(program, tests)
    assert result.tampering == [], result.tampering
    assert outcomes(result) == {
        "test_a_failure_inside_still_fails": "fail",
        "test_files_and_patches": "pass",
        "test_raises_and_suppress": "pass",
    }


def test_no_stand_in_of_a_comparison_equals_what_the_tests_expect() -> None:
    """The values a comparing assertion is asked with beside the expected one all differ from
    it. The second is drawn from the first: a one-character str of a set drawn back to itself
    ({"a"} to {"q"}, then to {"a"}) made an honest set of the task's, which equals {"a"},
    "equal to anything" about once in a hundred runs."""
    guard = harness.RETURNED_GUARD
    for expected in ({"a"}, ["b"], ("c",), {"k": "d"}, frozenset({"e", "f"}), "g", 7, float("inf")):
        for _ in range(2_000):
            stand_ins = guard.two_different(expected)
            assert stand_ins, expected
            assert all(stand_in != expected for stand_in in stand_ins), (expected, stand_ins)


def test_no_second_stand_in_of_a_number_comes_back_near_the_expected_one() -> None:
    """The second stand-in of a number is drawn from the first: it came back within a
    tolerance of the expected number now and then, and an honest float of the task's compared
    by `assertAlmostEqual` was refused as equal to anything (`MethodGuard.back_near`)."""

    class Money(float):
        pass

    class Count(int):
        pass

    guard = harness.RETURNED_GUARD
    for expected in (Money(3.85), Money(-120.5), Count(3), Count(0), 2.5, 7):
        plain = float(expected)
        for _ in range(2_000):
            stand_ins = guard.two_different(expected)
            assert len(stand_ins) == 2, (expected, stand_ins)
            assert stand_ins[0] != plain, (expected, stand_ins)
            assert abs(float(stand_ins[1]) - plain) >= (abs(plain) + 1) / 2, (expected, stand_ins)


def test_an_assertion_reached_through_the_class_asserts_as_unittest_does(sandbox: Sandbox) -> None:
    """unittest's comparing assertions reached through the class (`type(self).assertEqual`, held
    in a variable or a partial, a deprecated name in a variable) are the guarded ones
    (`MethodGuard.through_the_class`), and for honest values they pass and fail as unittest's."""
    tests = (
        "import functools\nimport unittest\n\n"
        "check = unittest.TestCase.assertEqual\n\n"
        "def same(test, a, b):\n"
        "    unittest.TestCase.assertIn(test, a, [b])\n\n"
        "class TestCases(unittest.TestCase):\n"
        "    held = unittest.TestCase.assertEqual\n"
        "    assertItemsEqual = unittest.TestCase.assertCountEqual\n"
        "    def test_right(self):\n"
        "        self.held(task_func(1), 2, 'held by the class')\n"
        "        self.assertItemsEqual([task_func(1), 4], [4, 2])\n"
        "        type(self).assertEqual(self, task_func(2), 4)\n"
        "        check(self=self, first=task_func(1), second=2)\n"
        "        functools.partial(unittest.TestCase.assertListEqual, self)([task_func(3)], [6])\n"
        "        same(self, task_func(4), 8)\n"
        "        self._getAssertEqualityFunc(1, 2)(task_func(5), 10)\n"
        "        getattr(self, 'assertEquals', self.assertEqual)(task_func(6), 12)\n"
        "    def test_wrong(self):\n"
        "        check(self, task_func(2), 5)\n"
        "    def test_wrong_in_a_helper(self):\n"
        "        same(self, task_func(2), 5)\n"
        "    def test_wrong_held_by_the_class(self):\n"
        "        self.held(task_func(2), 5, 'held')\n"
        "    def test_no_test_given(self):\n"
        "        check(first=1, second=1)\n"
    )
    result = run(sandbox, tests)
    assert outcomes(result) == {
        "test_right": "pass",
        "test_wrong": "fail",
        "test_wrong_in_a_helper": "fail",
        "test_wrong_held_by_the_class": "fail",
        "test_no_test_given": "error",
    }, result
    messages = {test.name: test.message for test in result.tests}
    assert "4 != 5" in messages["test_wrong"]
    assert "4 not found in [5]" in messages["test_wrong_in_a_helper"]
    assert "needs the test it asserts in" in messages["test_no_test_given"]
    assert "4 != 5 : held" in messages["test_wrong_held_by_the_class"]


def test_assert_not_equal_and_not_in_pass_and_fail_as_unittest_s(sandbox: Sandbox) -> None:
    """assertNotEqual and assertNotIn, asked as the tests' own `==` and `in`
    (`MethodGuard.compare_negated`), pass and fail as unittest's, with its messages."""
    tests = (
        "class TestCases(unittest.TestCase):\n"
        "    def test_right(self):\n"
        "        self.assertNotEqual(task_func(2), 5)\n"
        "        self.assertNotIn(task_func(2), [1, 2, 3], msg='not there')\n"
        "        self.assertNotEqual(first=[task_func(1)], second=[3])\n"
        "    def test_equal(self):\n"
        "        self.assertNotEqual(task_func(2), 4, 'differ')\n"
        "    def test_found(self):\n"
        "        self.assertNotIn(member=task_func(2), container=[4, 5])\n"
    )
    result = run(sandbox, tests)
    assert outcomes(result) == {"test_right": "pass", "test_equal": "fail", "test_found": "fail"}
    messages = {test.name: test.message for test in result.tests}
    assert messages["test_equal"].endswith("AssertionError: 4 == 4 : differ")
    assert messages["test_found"].endswith("AssertionError: 4 unexpectedly found in [4, 5]")


def test_tests_compiled_ahead_are_taken_only_as_the_code_of_their_own_path() -> None:
    """The analysis service's compile of the tests (`compiled_tests`' `ahead`) stands for the
    harness's own where it is a code object of the tests' path; bytes of anything else, or of
    another path, and the harness compiles the tests itself."""
    tests = "import unittest\n\nclass TestCases(unittest.TestCase):\n    pass\n"
    path = "/task/tests.py"
    own = harness.compiled_tests(tests, path, "f")
    ahead = marshal.dumps(harness.rewritten_tests("x = 1", path, "f"))  # told apart by its names
    assert harness.compiled_tests(tests, path, "f", ahead).co_names == ("x",)
    elsewhere = marshal.dumps(harness.rewritten_tests("x = 1", "/elsewhere.py", "f"))
    for given in (elsewhere, b"\x00garbage", marshal.dumps(("not", "code"))):
        code = harness.compiled_tests(tests, path, "f", given)
        assert code.co_filename == path and code.co_names == own.co_names


def test_a_with_block_is_read_for_where_its_checks_stand() -> None:
    """`checks_in_block`: for each statement of a `with` block, whether it or one after it
    may check something, or decide what a check after the block sees; what follows a
    statement that ends the block (`raise`, `self.fail`) is never reached; last, the `with`'s
    own lines. A manager of the task's may swallow only what ends its block before any check
    (`GuardedContext`)."""
    source = (
        "def helper(x):\n    assert x\n"
        "check = lambda x: x\n"
        "with m:\n"
        "    json.loads(text)\n"  # 5: a library's call, then a check
        "    self.assertEqual(a, 1)\n"  # 6
        "    path.unlink()\n"  # 7: nothing after it checks
        "with m:\n"
        "    1 / 0\n"  # 9: then only statements that end the block
        "    self.fail('never')\n"  # 10
        "    raise ValueError\n"  # 11
        "    self.assertTrue(False)\n"  # 12: never reached
        "with m:\n"
        "    for x in xs:\n        y = f(x)\n        print(y)\n"  # 14-16: a loop
        "    helper(1)\n"  # 17: the tests' own function
        "    check(2)\n"  # 18: the tests' own lambda
        "    handlers[0](3)\n"  # 19: a call of what an expression gives
        "    np.testing.assert_allclose(a, b)\n"  # 20
        "    mock.assert_called_once()\n"  # 21
        "    self.helper()\n"  # 22
        "    total = len(xs)\n"  # 23: nothing after it checks
        "def test(self, verify):\n"
        "    ok = self.assertTrue\n"
        "    expect = Expect(self)\n"
        "    with m, open(p) as f:\n"  # 27: its own lines
        "        ok(1)\n"  # 28: an assertion under a name of the tests'
        "        verify(2)\n"  # 29: a parameter's
        "        expect.balances(3)\n"  # 30: a method of what the tests made of their own
        "        super().check(4)\n"  # 31
        "        list(map(self.assertEqual, got, wanted))\n"  # 32: an assertion handed on
        "        if x != v:\n            wrong.append(x)\n"  # 33-34: a condition
        "        task_func(5)\n"  # 35: the task's function
        "        missing = pathlib.Path(self.d)\n"  # 36
        "        missing.unlink()\n"  # 37: a method of another object
        "        pathlib.Path(d).unlink()\n"  # 38
        "        self.conn.execute(query)\n"  # 39
        "        frame['price'].astype(float)\n"  # 40
        "class Expect:\n    def balances(self):\n        assert self\n"
        "from numpy.testing import assert_allclose as close\n"
        "with m:\n"  # 45
        "    close(a, b)\n"  # 46: an assertion imported under another name
        "    ok or wrong.append(x)\n"  # 47: a choice
        "    try:\n        g()\n    except KeyError:\n        wrong.append(x)\n"  # 48-51
        "    exec(text)\n"  # 52: code given as text
        "    match b:\n        case 0:\n            pass\n"  # 53-55
        "    json.dumps(b)\n"  # 56
        "def make_input():\n    return []\n"  # 57-58: a helper that checks nothing
        "with m:\n"  # 59
        "    task_func(make_input())\n"  # 60
        "    self.assertTrue(False, 'not swallowed')\n"  # 61: ends the block
        "    self.assertEqual(1, 2)\n"  # 62: never reached
    )
    tree = ast.parse(source)
    names = harness.tests_names(tree)
    assert {"helper", "check", "ok", "verify", "expect", "close"} <= names.bound
    assert {"helper", "Expect", "balances"} <= names.own
    assert "make_input" in names.quiet and "make_input" not in names.bound
    assert "task_func" not in names.bound
    blocks = [node for node in ast.walk(tree) if isinstance(node, ast.With)]
    assert harness.checks_in_block(blocks[0], names) == (
        (5, 5, 1),
        (6, 6, 1),
        (7, 7, 0),
        (4, 4, 1),
    )
    assert harness.checks_in_block(blocks[1], names) == (
        (9, 9, 0),
        (10, 10, 0),
        (11, 11, 0),
        (12, 12, 0),
        (8, 8, 0),
    )
    assert harness.checks_in_block(blocks[2], names) == (
        (14, 16, 1),
        *((line, line, 1) for line in range(17, 23)),
        (23, 23, 0),
        (13, 13, 1),
    )
    assert harness.checks_in_block(blocks[5], names) == (
        *((line, line, 1) for line in range(28, 33)),
        (33, 34, 1),
        *((line, line, 0) for line in range(35, 41)),
        (27, 27, 1),
    )
    assert harness.checks_in_block(blocks[3], names) == (
        (46, 46, 1),
        (47, 47, 1),
        (48, 51, 1),
        (52, 52, 1),
        (53, 55, 1),
        (56, 56, 0),
        (45, 45, 1),
    )
    assert harness.checks_in_block(blocks[4], names) == (
        (60, 60, 0),
        (61, 61, 0),
        (62, 62, 1),
        (59, 59, 0),
    )
