"""The harness: runs the task program and its TestCases in the task's own process, and alone
decides each test's outcome. Standard library only (the worker loads it without `curator`).

How a wrong solution is kept from reporting itself passing:
- Outcomes are sent as records signed with a per-run key (see `protocol`); the supervisor
  rejects anything else, so bytes the task writes into the inherited pipe count as tampering.
- The tests run in a real `unittest` suite (class and module fixtures, cleanups, as unittest
  runs them). unittest reports to a front of no state of the harness's (`ResultFront`), which
  hands each report on to a result only the harness's functions reach. A test skipped or
  expected to fail counts as such only where the tests' source declares it (`declared_tests`,
  from the syntax tree); otherwise it is tampering. A test passes only if its method ran to
  its end and none of its subTests caught a failure, as the harness notes itself
  (`TestMethodExit`, `SubTestRecord`), whatever unittest's outcome object reports.
- unittest's modules and classes, the standard modules its assertions and the docstring
  examples' checker rely on (`collections`, `re`, `operator`, `doctest`,
  `warnings.catch_warnings`: `STANDARD_MACHINERY`), the harness's module, the tests' own
  methods, every builtin, what the tests read through the modules they or the program import
  (`np.testing.assert_allclose`, `os.path.exists`: `tests_reads`, as before the program loads)
  and the names the tests' top-level statements bind (their `np`) are compared (identity,
  code object, bytecode) after the program loads, after the tests load, after every test and
  after the docstring examples, `re`'s cache must hold only compiled patterns,
  and the libraries' assertions and comparisons (`np.testing`, `np.allclose`,
  `DataFrame.equals`, `math.isclose`, ...), and every function of their assertions' modules,
  must still be the libraries' own (the very objects, where the library was loaded before the
  program): any change is tampering.
- A comparison after the fact misses a replacement that puts the original back when it is
  called. So unittest's, contextlib's and the harness's classes are frozen for good, and the
  tests' classes while each test runs (`FrozenClasses`: CPython refuses to set their
  attributes), unittest's code that runs and judges a test, and contextlib's, read their
  names and builtins as the warm worker set them up (`seal_unittest`), and every method of a
  test class is guarded (`MethodGuard`): an instance attribute can neither replace nor
  shadow it. Comparing assertions refuse an object of the task's that claims to equal
  anything (an `__eq__` that always says yes, `unittest.mock.ANY`), and one that answers
  through a special method of the task's is asked again, through unittest's code, against
  what nothing agrees with, the real question among those in an order no task code can
  predict (`MethodGuard.ask_among_stand_ins`); ordering assertions ask the same against what
  no honest order places, and the other way round. The tests' own `a == b`, `a in b` and
  `a < b` (chains too) in
  `self.assertTrue(...)`, `assert` and `if` are compiled into a guarded call that asks the
  same way (`TestsOwnComparisons`), and so is their call of a library's comparison
  (`np.allclose(a, b)`, `a.equals(b)`, where numpy's protocols or an `equals` of the task's
  can answer); numpy's array and pandas' frame assertions go through a guard that does
  (`LibraryAssertionGuard`). unittest's deprecated aliases (`assertEquals`) and assertions
  called through the class are compiled as the test's own assertions. A context manager of
  the tests' `with` (or `async with`) that swallows an exception is tampering unless it is
  made to (`GuardedContext`: assertRaises, `contextlib.suppress`, pytest's `raises`, made by
  no code of the task's, or the tests' own) or the tests' own `raise` raised it. The tests are
  compiled before any code of the program's runs.
- An audit hook (PEP 578), installed before task code runs (it cannot be removed), notes what
  a forger needs (the process's own descriptors or memory under /proc, reading memory by address
  with ctypes (loading a library is allowed: tasks do), the garbage collector's object lists,
  an audit hook of its own (each is handed what an audited call is given or returns: the frame
  `sys._getframe` returns to a library), the code of the tests' methods (`co_consts`, `dis`),
  the harness's stack frames, any stack frame the task's code takes while the tests run (its
  `f_back` and `f_locals` reach the running test's expected answer: `inspect.currentframe()`,
  `sys._getframe`, a traceback's `tb_frame`, `traceback` capturing the stack's locals, and the
  standard library's other helpers that hand their caller a frame (`FRAME_HELPERS`)),
  `__code__` assignment, a trace or profile function or a `sys.monitoring` callback of
  anyone's but coverage.py's: it can rewrite a running assertion's arguments) as tampering, and
  what a benchmark task should not do (writes outside the scratch, signals to processes outside
  the run, network, subprocesses, many forks) as runtime findings. In a process the task forks,
  what is tampering here fails instead (`RefusedInAFork`): no report of a fork's can be trusted
  to arrive, and one learnt the tests' answers for its parent by running their code.
- A signal handler the task installs is handed None for the running frame
  (`FramelessHandler`, `guard_signal_handlers`): no audit event sees a handler installed.

Residual risk of the same-process design: task code runs in the harness's interpreter. Code that
gets a library to take a stack frame on its behalf (one of its environment's that keeps the frames
it walks: the standard library's `traceback` capturing the stack's locals counts as the task's) can
read the tests' variables, and through frame attributes the audit hook does not see (`f_back`,
`f_locals`) reach the harness's state (its channel, and so the run's key). The hook and the
machinery check are out of that reach: they run on private copies of this module's globals and
builtins (`sealed`), made before any task code, that nothing the task can reach holds (a function of
the harness's hands out the module's own globals through `__globals__`, which no audit event
covers), and every other function of the harness reads a sealed mapping of them (`SealedGlobals`);
the guards within the task's reach hold what they use as defaults, which the task may not read; the
guards report to the hook through an audit event (`TAMPERING_EVENT`); task code the hook calls runs
watched (an argument's `__str__`, a library function the task replaced); a handler that fails is
tampering, one out of stack makes the audited call fail; and the records are encoded and signed by C
code taken as the channel is made (`protocol.Channel`). But code that replaces, only for the moment
it is used, an object nothing freezes (a builtin the tests' own code reads, a standard module's
function outside unittest and contextlib, a library's internal helper, the tests' own globals) can
change what a test sees, and one replaced for good that the tests do not name and no list above
holds (a library's helper beyond its assertions' modules) is not compared; a comparison of the
tests' outside a tested expression (`same = result == expected`, or `[a == b for ...]`, asserted
afterwards) is Python's own, never asked (red team round 33); an honest class that counts
its calls where no put-back reaches (in its class, in a global) counts the harness's questions
too (red team round 34), and an answer that counts its readings there can tell the harness's
from the tests' (round 35); the tests' comparisons inside a call within what they test
(`np.sum(r != e)`, `(r == e).sum()` read by a call) are Python's own, as are those in a
generator (BigCodeBench/989's tests build inputs so); an object whose `-` says 0.0 only within
a window round its own value narrower than the smallest step asked (a tenth), or only within the
tolerance of numpy's assertion, passes where the expected value falls in it, and an honest answer
that moves by less than half, or more than one and a half, of each small step (decibels, a size
in KiB, grades in bands of ten, a change of units) and stands at no bound of the answers is
refused (round 36); ctypes'
foreign calls (`memmove`, `cast`, a structure or union holding a pointer made from a number)
read and write memory no audit event covers (no call of a foreign function is audited: `cast` of
a test method's address read its code, round 42); an object that guesses which
question is the real one among the stand-ins it is asked with (`MethodGuard.ask_among_stand_ins`, in
an order it cannot predict; membership's one stand-in can be told by its type where the container is
of no class built on one of Python's, whose answers must agree with what they hold, or be no to a
str or bytes like the member with its letters and digits drawn afresh) passes the assertions where
its guess is right; a manager of the task's may swallow an error that is no failed assertion where
its block, from the statement that raised it, checks nothing the reading of the block sees
(`checks_in_block`: a method of an object the tests made from no class of theirs is not seen, round
37), and a manager of the tests' own whose exit hands on what the task's manager's exit answers may
swallow anything that one does (round 38), as may one whose block gathers what a check after it
reads, where that check accepts what an early end leaves (`all()` of an empty list, round 39); the
other way round, an honest manager of the task's that swallows an error to end a loop of the block
that holds a check, or where the raising statement itself makes a choice (`x if t else None`, `text
or default`), or before a `self.fail` within a nested block, is refused, and so is one that turns an
error into its own where a check follows in the block (round 40); a failed assertion of the tests'
raised in a function of theirs the task calls (a callback, a mock's side effect) and caught by the
task's code is not seen (the test passes, as unittest alone would say); a value of a class of the
task's built on one of Python's numbers, strings or containers must answer as what it is built on
does, asked as it is returned and again as the test ends (one that lies only in between,
and then only to questions it can tell from the harness's, passes: the harness
asks from deeper in the stack than the tests, which code that recurses until RecursionError can
measure, and puts back what asking changed in the value, which a count kept beside it as well
tells), its answers of classes of the task's in their turn (one of each question's, up to 16
questions drawn in a test, so a lie in one answer among many may pass a run), and what a test method
reads by name off an object of the task's (or code it may call does), where its class makes it as it
is read (a property), as the method ends (a property that lies to the tests' read and answers the
harness's after it passes; an honest one with a side effect is read once more, outside the patches
the method's own `with` blocks made); what the questions reach first of the task's code is taken
back from coverage.py's record (so is what a thread of the task's reaches first meanwhile), and a
container whose reads are its own (a case-insensitive dict, a list that counts without case) is
asked only of what it holds, where an honest one and a lying one answer alike; asking, and a
comparison's questions beside the tests' own, put back what the values hold (their items in their
order, their own dictionaries and slots, and those of the dicts, lists, sets, tuples and objects of
the task's they hold, a few levels down; for a comparison, up to 10,000 holders, not a numpy array's
objects, and what a thread of the task's changed meanwhile too; values that are Python's own
throughout, plain values in its lists, tuples, sets and dicts, are compared as unittest compares
them with nothing asked beside, on a private copy made in one C call (`marshal`), which no
thread of the task's can reach or interrupt; its signal handlers and the collector wait until a
comparison is done), not what they keep elsewhere (an
iterator its reads advance, a file, a cache: a branch that fills a cache the harness's question
filled first reads as missed where the tests hit it after), where the tests call the entry point by
its name (one reached otherwise, through another name, within a numpy array or a pandas frame, or
yielded by an iterator other than a generator, is asked by the comparisons only), and an ndarray
subclass's arithmetic, or that of a class built on none of Python's numbers, answers as the task
wrote it (while an honest class built on one, an angle that wraps at 360, a str ordered naturally or
hashed without case, must answer and order as what it is built on does); a class of the task's that
poses as a library's, held by an installed module under its name, is taken for one where its special
methods are functions or descriptors; a library class the tests read is watched for the names they
read and those Python reads for them (`len`, `==`, `[]`), not for every name, and one they never
name (a frame's `Series`) is not watched; code that finds coverage.py's running tracer can add arcs
to its own figures; and tests that hand the task the running test (`self`, or a bound method of it)
hand it unittest's outcome, through which it can drop a failure of their `tearDown`, cleanups, class
fixtures or test methods of a mixin class (which are not entered). Each needs knowledge of the
harness's internals or a deliberate trick; such a task can only misreport its own run, never reach
the bank or the host. Without any trick, the program can see the tests' classes and module globals:
they live in its module, as in BigCodeBench's own harness; reading the code of their methods (whose
constants are the expected answers) is tampering. `preeval` treats every tampering sign as a failed
attempt."""

from __future__ import annotations

import ast
import builtins
import collections
import contextlib
import ctypes
import doctest
import functools
import gc
import importlib
import importlib.machinery
import importlib.util
import inspect
import itertools
import linecache
import marshal
import operator
import os
import random
import re
import signal
import sys
import threading
import time
import traceback
import types
import unittest
import unittest._log
import unittest.case
import unittest.loader
import unittest.result
import unittest.suite
import unittest.util
import warnings
import zlib
from collections.abc import Awaitable, Callable, Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, NamedTuple, NoReturn, TypeVar, cast

from curator.sandbox.protocol import ARCS_LIMIT, CPU_TIME_EXIT, Channel, Event

MODULE_NAME = "__test__"
CLOCK = time.perf_counter
"""Tests are timed by this clock, taken before task code runs: a program that replaced
`time.perf_counter` made its tests' durations a hundredth of their time, and with them the
CPU limits of its mutants (which then timed out: killed) and the flaky check's `timing`."""
LOAD_CONTEXT = "<load>"
"""coverage.py's context while the program loads: what its functions run then (a call of
`task_func` at module level) tests nothing, and is not counted as covered (`tested_arcs`)."""
AT_LOAD = f"^{re.escape(LOAD_CONTEXT)}$"
AFTER_LOAD = f"^(?!{re.escape(LOAD_CONTEXT)}$)"
CODE_TYPE = types.CodeType
FUNCTION_FLAG = inspect.CO_NEWLOCALS
"""Taken as the harness loads, as what `tested_arcs` reads: task code may change `types` and
`inspect`, not the harness's globals (the machinery check compares them)."""
OUTPUT_TAIL_BYTES = 16 * 1024
TEXT_LIMIT = 16 * 1024
FAILURE_TEXT_BUDGET = 256 * 1024
"""What a run's failures may say in all, messages and tracebacks (each clipped to TEXT_LIMIT);
past it, a message keeps its first SHORT_TEXT_LIMIT characters and a traceback is left out. A
task's files hold at most 1 MiB: 1,500 tests failing with 18 KB each wrote a validation.json of
50 MB, which no command could read back."""
SHORT_TEXT_LIMIT = 1000
TESTS_LIMIT = 200
"""The most tests a task may have (BigCodeBench's have 5.6 on average, 12 at most in the 300
sample): more are not run. 20,000 tests took the host 92 s to take in."""
TEST_NAME_LIMIT = 200
"""The longest name a test may have: the flaky check's evidence names each test in every run."""
FORK_FINDING_COUNT = 32
"""This many processes started by the harness's process is worth a reviewer's look."""
EXAMPLES_PER_FINDING = 3
SKIP_NAMES = frozenset({"skip", "skipIf", "skipUnless", "skipTest", "SkipTest"})
SCRATCH_PREFIXES = ("/tmp/", "/var/tmp/", "/dev/shm/")
HARMLESS_WRITE_PATHS = frozenset({"/dev/null", "/dev/stdout", "/dev/stderr", "/dev/tty"})
# pandas asks for an optional dependency with a bare ImportError naming it: "Missing optional
# dependency 'openpyxl'" (pandas 1 and 2), "`Import tabulate` failed" (pandas 3).
OPTIONAL_DEPENDENCY = re.compile(
    r"Missing optional dependency '([\w.-]+)'|`Import ([\w.-]+)` failed"
)
LIBRARY_FILE = re.compile(r"[/\\](?:site|dist)-packages[/\\]([A-Za-z_]\w*)")
OWN_DESCRIPTORS = re.compile(
    r"^/(proc/(self|thread-self|\d+)(/task/\d+)?/(fd|fdinfo|mem)|dev/fd)(/|$)"
)
TEMPORARY_NAME = re.compile(r"\btmp[a-z0-9_]{8}\b")
"""A name `tempfile` draws at random (its default prefix, then 8 characters): a finding's
example shows it as tmpXXXXXXXX, so that the same task's report is the same from run to run
(BigCodeBench/16 and 346 start programs on files in temporary folders)."""
LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "::1", "0.0.0.0", ""})
FRAME_ATTRIBUTES = frozenset({"tb_frame", "gi_frame", "cr_frame", "ag_frame"})
"""Attributes that hand out a stack frame (each read is an `object.__getattr__` audit event)."""
CTYPES_LOOKUPS = frozenset((ctypes.__file__, name) for name in ("__getattr__", "__getitem__"))
"""ctypes' functions that look a library's symbol up for their caller (`pythonapi.Py_...`)."""
MEMORY_WRITERS = frozenset(
    {"memcpy", "memmove", "mempcpy", "memccpy", "memset", "bcopy", "wmemcpy", "wmemmove"}
    | {"wmemset", "strcpy", "strncpy", "stpcpy", "stpncpy", "strcat", "strncat"}
)
"""C functions that write to (or read from) an address of the process given as a number;
ctypes looks them up by name in a loaded library (`CDLL(None).memcpy`). Another process's
memory (`process_vm_readv`) is the isolation's to keep."""
TRACEBACK_FILE, THREADING_FILE = traceback.__file__, threading.__file__
# What the audit hook's checks read of the standard library, taken as the harness loads: a
# module's attributes are the task's to rebind for a moment (`traceback.__file__` set to the
# task's own file hid the frame it took, the frame rule judging it traceback's).
_threading_gettrace = threading.gettrace
_fsdecode, _fspath, _getcwd, _getpgrp, _getppid = (
    os.fsdecode,
    os.fspath,
    os.getcwd,
    os.getpgrp,
    os.getppid,
)
_normpath, _join = os.path.normpath, os.path.join
_STANDARD_LIBRARY = os.path.dirname(TRACEBACK_FILE)
STANDARD_TESTS = os.path.join(_STANDARD_LIBRARY, "test", "")
FRAME_HELPERS = frozenset(
    [
        (os.path.join(_STANDARD_LIBRARY, "inspect.py"), name)
        for name in ("currentframe", "stack", "trace", "getouterframes", "getinnerframes")
    ]
    + [(TRACEBACK_FILE, name) for name in ("walk_stack", "walk_tb")]
    # a format field's attributes ("{0.tb_frame}"), read by getattr for the caller
    + [
        (os.path.join(_STANDARD_LIBRARY, "string.py"), name)
        for name in ("get_field", "_vformat", "vformat", "format")
    ]
    + [
        (os.path.join(_STANDARD_LIBRARY, "logging", "__init__.py"), "<lambda>"),  # currentframe
        (os.path.join(_STANDARD_LIBRARY, "asyncio", "base_tasks.py"), "_task_get_stack"),
        (types.__file__, "gi_frame"),  # and cr_frame, of what types.coroutine wraps
    ]
)
"""The standard library's functions that take a stack frame for their caller: (file, name)."""
CODE_HELPERS = frozenset(
    (os.path.join(_STANDARD_LIBRARY, "dis.py"), name)
    for name in (
        "_get_code_object",
        "dis",
        "code_info",
        "show_code",
        "get_instructions",
        "__init__",
    )
)
"""dis's functions that read a function's code for their caller (`Bytecode.__init__` too)."""
UNWATCHED_BUILTINS = frozenset({"_"})
"""Builtins that may change during a run: `_` holds the last value a doctest example showed.
Every other builtin is watched: a task that makes `round` or `all` lie passes assertAlmostEqual
or `assertTrue(all(...))` with wrong answers."""


# -- what the tests' source declares (also read by the supervisor, outside the task) ------------


DECLARED_FIELDS = (
    "names",
    "skips",
    "expected_failures",
    "classes",
    "imports",
    "free_names",
    "module_bindings",
    "top_level_names",
    "reads",
    "attributes",
    "numbers",
    "method_attributes",
)
READ_CHAIN_LIMIT = 5
"""The most attributes of one chain the tests read that a run watches (`np.testing.assert_x`)."""
NUMBERS_LIMIT = 64
"""The most numbers of the tests' own that a value of the task's is asked with."""
BUILTIN_NAMES = frozenset(dir(builtins))


@dataclass
class DeclaredTests:
    """Test methods of `TestCases` and which of them may skip or are expected to fail."""

    names: set[str] = field(default_factory=set)
    skips: set[str] = field(default_factory=set)
    expected_failures: set[str] = field(default_factory=set)
    classes: set[str] = field(default_factory=set)
    """Every class the tests define, nested ones too."""
    imports: set[str] = field(default_factory=set)
    """The modules the tests import (absolute imports, anywhere in them)."""
    free_names: set[str] = field(default_factory=set)
    """The names the tests read and never bind, builtins aside: the program's (BigCodeBench's
    tests run in its module), such as the `math` of its `import math`."""
    module_bindings: set[str] = field(default_factory=set)
    """What the tests' top-level imports bind, as "name module" or "name module attribute"."""
    top_level_names: set[str] = field(default_factory=set)
    """The names the tests' top-level imports, functions and classes bind in the module."""
    reads: set[str] = field(default_factory=set)
    """The attribute chains the tests read from a module they import or the program's
    (`np.testing.assert_array_equal`, `os.path.exists`), at most `READ_CHAIN_LIMIT` long."""
    attributes: set[str] = field(default_factory=set)
    """Every attribute name the tests read, off anything (`Path(p).exists()`)."""
    numbers: set[str] = field(default_factory=set)
    """Numbers the tests write (`112.47`, `-3`), at most `NUMBERS_LIMIT`, as Python writes
    them: the operands their own arithmetic takes with what the task returns."""
    method_attributes: set[str] = field(default_factory=set)
    """The attribute names each test method reads ("test_a mean"), and those any other code
    of the tests reads, which every test may call ("* mean"): a test's own, read off what
    the task returned as it ends (`MethodGuard.named_by_the_tests`)."""

    def as_request(self) -> dict[str, list[str]]:
        """For a run's request: read once by the caller, in a warm process (`declared_in`)."""
        return {name: sorted(getattr(self, name)) for name in DECLARED_FIELDS}


def declared_in(request: dict[str, Any]) -> DeclaredTests:
    """What the request's tests declare: as the caller read them (a parse in a freshly forked
    process costs about 1.6 ms, mostly copy-on-write faults, against 0.7 ms in a warm one), or
    read here when the caller could not (raises SyntaxError)."""
    given = request.get("declared")
    if not isinstance(given, dict):
        return declared_tests(request["tests"])
    return DeclaredTests(**{name: set(given[name]) for name in DECLARED_FIELDS})


def _mentions(
    nodes: list[ast.AST] | list[ast.expr] | list[ast.stmt], words: frozenset[str]
) -> bool:
    for node in nodes:
        for inner in ast.walk(node):
            name = inner.id if isinstance(inner, ast.Name) else getattr(inner, "attr", None)
            if name in words:
                return True
    return False


@functools.lru_cache(maxsize=2)
def declared_tests(source: str) -> DeclaredTests:
    """`declared_in_tree` of the tests' source (raises SyntaxError). Cached (a batch of
    variants reads the same tests): the answer is shared, never to be changed."""
    return declared_in_tree(ast.parse(source))


def declared_in_tree(tree: ast.Module) -> DeclaredTests:
    """Read from the tests' syntax tree (left unchanged). A skip is declared by a skip
    decorator on the method or its class, or a `skipTest`/`SkipTest` in the method, in setUp or
    setUpClass of its class or its bases, or in setUpModule."""
    classes = {node.name: node for node in tree.body if isinstance(node, ast.ClassDef)}
    module_skips = any(
        isinstance(node, ast.FunctionDef)
        and node.name == "setUpModule"
        and _mentions(node.body, SKIP_NAMES)
        for node in tree.body
    )
    imports, free_names = imports_and_free_names(tree)
    bindings = program_imports(tree)
    reads, attributes, numbers = reads_in(tree, {name for name, _, _ in bindings} | free_names)
    declared = DeclaredTests(
        classes={node.name for node in ast.walk(tree) if isinstance(node, ast.ClassDef)},
        imports=imports,
        free_names=free_names,
        module_bindings={" ".join(filter(None, binding)) for binding in bindings},
        top_level_names={name for name, _, _ in bindings}
        | {
            node.name
            for node in tree.body
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
        },
        reads=reads,
        attributes=attributes,
        numbers=numbers,
        method_attributes=attributes_by_method(tree),
    )
    if "TestCases" not in classes:
        return declared
    methods: dict[str, ast.FunctionDef | ast.AsyncFunctionDef] = {}
    class_skips = module_skips
    class_expects_failure = False
    lineage: list[ast.ClassDef] = []
    pending = [classes["TestCases"]]
    while pending:
        node = pending.pop()
        if node in lineage:
            continue
        lineage.append(node)
        pending.extend(
            classes[base.id]
            for base in node.bases
            if isinstance(base, ast.Name) and base.id in classes
        )
    for node in reversed(lineage):  # bases first: a subclass's method overrides its base's
        class_skips = class_skips or _mentions(node.decorator_list, SKIP_NAMES)
        class_expects_failure = class_expects_failure or _mentions(
            node.decorator_list, frozenset({"expectedFailure"})
        )
        for item in node.body:
            if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef):
                methods[item.name] = item
                if item.name in ("setUp", "setUpClass", "asyncSetUp"):
                    class_skips = class_skips or _mentions(item.body, SKIP_NAMES)
    for name, method in methods.items():
        if not name.startswith("test"):
            continue
        declared.names.add(name)
        if class_skips or _mentions([*method.decorator_list, *method.body], SKIP_NAMES):
            declared.skips.add(name)
        if class_expects_failure or _mentions(
            method.decorator_list, frozenset({"expectedFailure"})
        ):
            declared.expected_failures.add(name)
    return declared


def imports_and_free_names(tree: ast.Module) -> tuple[set[str], set[str]]:
    """The modules the tests import, and the names they read but never bind (any binding,
    in any scope, counts: a name a test binds for itself is not the program's)."""
    imports: set[str] = set()
    bound: set[str] = set()
    read: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imports.update(alias.name for alias in node.names)
            bound.update(alias.asname or alias.name.partition(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0 and node.module:
                imports.add(node.module)
            if node.level == 0 and node.module == "unittest":
                # `from unittest import mock`: mock, imported before the program loads, is
                # guarded then (`guard_mock`), as `from unittest.mock import patch` has it.
                # (Only the submodule: `TestCase` tried as a module failed an import a run.)
                imports.update("unittest.mock" for alias in node.names if alias.name == "mock")
            bound.update(alias.asname or alias.name for alias in node.names)
        elif isinstance(node, ast.Name):
            (read if isinstance(node.ctx, ast.Load) else bound).add(node.id)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            bound.add(node.name)
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
        elif isinstance(node, ast.ExceptHandler | ast.MatchAs | ast.MatchStar) and node.name:
            bound.add(node.name)
        elif isinstance(node, ast.MatchMapping) and node.rest:
            bound.add(node.rest)
    return imports, read - bound - BUILTIN_NAMES


def reads_in(tree: ast.Module, roots: set[str]) -> tuple[set[str], set[str], set[str]]:
    """Each attribute chain the tests read from one of `roots` (`np.testing.assert_x` from
    `np`), the longest only, at most `READ_CHAIN_LIMIT` attributes; every attribute name they
    read, off anything; and the numbers they write, at most `NUMBERS_LIMIT`."""
    chains: set[str] = set()
    assigned: set[str] = set()  # `sys.stdout = ...`: the tests' own to change
    inner: set[int] = set()  # attributes within a longer chain
    attributes: set[str] = set()
    numbers: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant):
            if type(node.value) in (int, float) and len(numbers) < NUMBERS_LIMIT:
                with contextlib.suppress(ValueError):  # an int past str()'s digits
                    numbers.add(repr(node.value))
            continue
        if not isinstance(node, ast.Attribute):
            continue
        if isinstance(node.ctx, ast.Load):
            attributes.add(node.attr)
        if id(node) in inner:
            continue
        names = []
        reached: ast.expr = node
        while isinstance(reached, ast.Attribute):
            names.append(reached.attr)
            reached = reached.value
            inner.add(id(reached))
        if isinstance(reached, ast.Name) and reached.id in roots:
            chain = ".".join([reached.id, *reversed(names[-READ_CHAIN_LIMIT:])])
            (chains if isinstance(node.ctx, ast.Load) else assigned).add(chain)
    unchanged = {
        chain
        for chain in chains
        if not any(chain == changed or chain.startswith(changed + ".") for changed in assigned)
    }
    return unchanged, attributes, numbers


def attributes_by_method(tree: ast.Module) -> set[str]:
    """`DeclaredTests.method_attributes`: "name attribute" for each attribute a test method
    (of any class, by its name) reads, "* attribute" for those read anywhere else."""
    found: set[str] = set()
    within: set[int] = set()
    prefix = unittest.TestLoader.testMethodPrefix
    for node in ast.walk(tree):
        if not isinstance(node, ast.ClassDef):
            continue
        for method in node.body:
            if isinstance(method, ast.FunctionDef | ast.AsyncFunctionDef) and (
                method.name.startswith(prefix)
            ):
                for inner in ast.walk(method):
                    within.add(id(inner))
                    if isinstance(inner, ast.Attribute) and isinstance(inner.ctx, ast.Load):
                        found.add(f"{method.name} {inner.attr}")
    for node in ast.walk(tree):
        loaded = isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Load)
        if loaded and id(node) not in within:
            found.add(f"* {node.attr}")  # type: ignore[attr-defined]
    return found


def program_imports(tree: ast.Module) -> list[tuple[str, str, str | None]]:
    """(name, module, attribute or None) of each name the program's top-level imports bind:
    `import numpy as np` binds np to numpy, `from math import pi` binds pi to math's pi."""
    bindings: list[tuple[str, str, str | None]] = []
    for node in tree.body:
        if isinstance(node, ast.Import):
            for alias in node.names:
                module = alias.name if alias.asname else alias.name.partition(".")[0]
                bindings.append((alias.asname or module, module, None))
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            bindings += [
                (alias.asname or alias.name, node.module, alias.name)
                for alias in node.names
                if alias.name != "*"
            ]
    return bindings


def program_imports_in(request: dict[str, Any], program: str) -> list[tuple[str, str, str | None]]:
    """`program_imports` as the caller read them (`program_imports` of the request), or read
    here; none where the program does not parse (its load reports that)."""
    given = request.get("program_imports")
    if isinstance(given, list):
        return [(name, module, attribute) for name, module, attribute in given]
    try:
        return program_imports(ast.parse(program))
    except (SyntaxError, ValueError):
        return []


# -- the machinery task code must leave alone ---------------------------------------------------


Sealed = TypeVar("Sealed")


class Watched(NamedTuple):
    """One name in a namespace that decides outcomes, and what it held when first seen: the
    objects themselves (held, so no other object can take their ids) and the hash of the
    function's bytecode (for the full check). A tuple, of a class frozen in the warm worker:
    the baseline's entries are shared with every run, within reach of task code (`_baselines`,
    in the module's globals), and must not be changed there."""

    key: str
    namespace: Any  # a module's dict, a class's mappingproxy, builtins, sys.modules
    name: str
    value: object
    code: types.CodeType | None
    defaults: object
    bytecode: int


_ABSENT = object()
_threads = threading.enumerate
_thread_alive = threading.Thread.is_alive  # of the class: no subclass answers for itself
_thread_name = cast(Callable[[threading.Thread], str], vars(threading.Thread)["name"].fget)
CHILD_FINDINGS = frozenset({"write_outside", "signal", "network", "subprocess"})
"""The runtime findings a forked child can note (`AuditWatch.children_findings`)."""
CHILD_LINE_BYTES = 512  # under PIPE_BUF: children's lines never interleave
_modules = sys.modules  # the dict the import system reads, whatever sys.modules is made to be
# A module's own dict, whatever `__dict__` a subclass it was given answers.
_module_namespace = cast(
    Callable[[types.ModuleType], dict[str, object]], vars(types.ModuleType)["__dict__"].__get__
)
# The check's own builtins and helpers, as they were when the harness loaded: a task that
# replaces `builtins.all` or `operator.is_` must not blind the check that reports it.
_all, _any, _map, _sorted, _is, _repeat, _zip = (
    all,
    any,
    map,
    sorted,
    operator.is_,
    itertools.repeat,
    zip,
)
# `operator.call` is Python 3.11's; a bank's environment may be 3.10 (BigCodeBench's pins).
_call: Callable[..., object] = getattr(operator, "call", lambda function, *args: function(*args))
# A function's attributes whose assignment changes what it does (each assignment is audited;
# the defaults of a watched function are also compared at the run's end).
REPLACEABLE = {"__code__": "code", "__defaults__": "defaults", "__kwdefaults__": "defaults"}


BOUND_FUNCTION_TYPES = (types.MethodType, classmethod, staticmethod)


def watched_entry(key: str, namespace: Any, name: str) -> Watched:
    value = namespace.get(name, _ABSENT)
    # Read only of the types that have it: another object's attribute lookup may run code of
    # its own (django's settings, read by the tests, raise until configured).
    function = value.__func__ if type(value) in BOUND_FUNCTION_TYPES else value
    if type(function) is not types.FunctionType:
        return Watched(key, namespace, name, value, None, None, 0)
    code = function.__code__
    return Watched(key, namespace, name, value, code, function.__defaults__, hash(code.co_code))


STANDARD_MACHINERY: tuple[tuple[types.ModuleType, tuple[str, ...]], ...] = (
    (collections, ("Counter",)),
    (re, ()),
    (operator, ()),
    (doctest, ("OutputChecker", "DocTestRunner", "DocTestFinder", "DocTestParser", "Example")),
)
"""Standard modules whose code decides outcomes beside unittest's, each with its classes that
are frozen for good: assertCountEqual counts with `collections.Counter`, assertRegex and
assertRaisesRegex compile with `re.compile`, and the docstring examples are judged by
`doctest`'s checker, numpy's assertions compare with `operator.__eq__`. Red team:
`Counter.__eq__` made to say yes passed every assertCountEqual, a `re.compile` of the task's
passed assertRegex, a replaced `check_output` hid wrong examples, and `operator.__eq__ =
operator.is_not` passed `np.testing.assert_array_equal`, each with no tampering shown."""
MACHINERY_NAMES = ((warnings, ("catch_warnings", "simplefilter")),)
"""Names in standard modules that unittest calls (assertWarns records warnings through
`warnings.catch_warnings`), watched one by one: the rest of `warnings` changes as it runs."""


def _machinery_owners() -> list[tuple[str, object]]:
    owners: list[tuple[str, object]] = []
    for module in (
        unittest,
        unittest.case,
        unittest.result,
        unittest.suite,
        unittest.loader,
        unittest.util,
        unittest._log,  # assertLogs' context (imported by assertLogs itself, if not here)
    ):
        owners.append((module.__name__, module))
        for name, value in vars(module).items():
            if isinstance(value, type) and value.__module__.startswith("unittest"):
                owners.append((f"{module.__name__}.{name}", value))
    for module, classes in STANDARD_MACHINERY:
        owners.append((module.__name__, module))
        owners += [(f"{module.__name__}.{name}", vars(module)[name]) for name in classes]
    for module, names in MACHINERY_NAMES:
        owners += [
            (f"{module.__name__}.{name}", value)
            for name in names
            if isinstance(value := vars(module)[name], type)
        ]
    return owners + (mock_owners() if _mock_guarded else [])


SET_BY_THEMSELVES = frozenset(
    {
        "unittest.mock.file_spec",  # by the first mock_open()
        "unittest.mock.open_spec",
        "doctest.master",  # by testmod()
        "doctest._unittest_reportflags",
    }
)
"""Globals of the watched modules that their own functions set as they run (BigCodeBench's
tests that call mock_open() read as tampering: "changed unittest.mock.file_spec")."""
MOCK_ASSERTIONS = frozenset(
    {
        "assert_called",
        "assert_called_once",
        "assert_called_with",
        "assert_called_once_with",
        "assert_any_call",
        "assert_has_calls",
        "assert_not_called",
        "assert_awaited",
        "assert_awaited_once",
        "assert_awaited_with",
        "assert_awaited_once_with",
        "assert_any_await",
        "assert_has_awaits",
        "assert_not_awaited",
    }
)
"""unittest.mock's assertions, which BigCodeBench's tests call on the mocks they patch in."""
SKIP_TEST_CODE = unittest.TestCase.skipTest.__code__
"""`TestCase.skipTest`'s code, taken before any task code (its class is frozen for good)."""

MOCK_COMPARING_ASSERTIONS = (
    "assert_called_with",
    "assert_called_once_with",
    "assert_any_call",
    "assert_awaited_with",
    "assert_awaited_once_with",
    "assert_any_await",
    "assert_has_calls",
    "assert_has_awaits",
)
"""unittest.mock's assertions that compare the calls a mock recorded with the tests'."""
MOCK_ASSERTED = "_curator_mock_assert"
"""The method of unittest.TestCase through which the tests' calls of a mock's assertion go
(`TestsOwnComparisons`): unittest.mock's own, whatever the mock's class or instance holds."""
_mock_guarded: list[type] = []
"""unittest.mock's classes once `guard_mock` has frozen them (filled once, in place)."""


class MockParts:
    """What tells a mock and `unittest.mock.ANY`, taken by `take_mock_parts` before any task
    code runs, frozen there, and compared by identity: looked up through `sys.modules` (an
    attribute the task can point at a dict of its own), a fake NonCallableMock answered the
    checks, and a returned `ANY` passed every assertEqual (red team)."""

    noncallable: ClassVar[type | None] = None
    default: ClassVar[object] = None
    any_type: ClassVar[type | None] = None
    call_type: ClassVar[type | None] = None
    call_list_type: ClassVar[type | None] = None


def is_among(item: object, items: Iterable[object]) -> bool:
    """`item in items` by identity alone: `in` asks `==`, which a class of the task's answers."""
    return _any(candidate is item for candidate in items)


def mock_part(name: str) -> Any:
    """`MockParts`' `name`, as `take_mock_parts` took it before task code ran; else (unittest.mock
    first loaded by the program, in a run without the warm worker's preloads) from the module
    as the interpreter holds it, never through the `sys.modules` attribute, where a fake
    NonCallableMock answered the checks (red team)."""
    taken = vars(MockParts)[name]
    if taken is not None:
        return taken
    module = _modules.get("unittest.mock")
    if module is None:
        return None
    namespace = _module_namespace(module)
    if name == "any_type":
        return type(namespace["ANY"]) if "ANY" in namespace else None
    names = {
        "noncallable": "NonCallableMock",
        "default": "DEFAULT",
        "call_type": "_Call",
        "call_list_type": "_CallList",
    }
    return namespace.get(names[name])


def own_attribute(kind: type, name: str) -> object:
    """`name` as the first class of `kind`'s bases that holds it has it in its own dictionary
    (`_ABSENT` where none does), read past the classes' own attribute lookups, which could run
    the task's code."""
    for cls in type.__dict__["__mro__"].__get__(kind):
        namespace = type.__dict__["__dict__"].__get__(cls)
        if name in namespace:
            return namespace[name]
    return _ABSENT


HEAP_TYPE = 1 << 9
"""Py_TPFLAGS_HEAPTYPE: a class made by a class statement or `type(...)`, not a C type's."""


def class_of_the_tasks(cls: type) -> bool:
    """Whether `cls` may be the task's making: a class made at run time (no C type, Python's
    or a library's) that no installed module holds as its `__module__` and `__qualname__`
    name it. Read past the class's own lookups, by types only."""
    if not type.__dict__["__flags__"].__get__(cls) & HEAP_TYPE:
        return False
    module_name = type.__dict__["__module__"].__get__(cls)
    module = _modules.get(module_name) if type(module_name) is str else None
    if module is None:
        return True
    namespace = _module_namespace(module)
    file = namespace.get("__file__")
    if type(file) is not str or not file.startswith(_library_roots or library_roots()):
        return True
    held: object = module
    for step in type.__dict__["__qualname__"].__get__(cls).split("."):
        owner = attribute_namespace(held, step)
        if owner is None:
            return True
        held = owner[step]
    return held is not cls


def is_mock(value: object) -> bool:
    """Whether `value` is a mock of unittest.mock's, by its class's bases (which no attribute
    of the object changes)."""
    noncallable = mock_part("noncallable")
    mro = type.__dict__["__mro__"].__get__(type(value))
    return noncallable is not None and is_among(noncallable, mro)


# re's compiler itself, past re's namespace and its cache (`private_namespace`).
_compiler = importlib.import_module(
    "re._compiler" if sys.version_info >= (3, 11) else "sre_compile"
)
_compile_uncached: Callable[..., object] = _compiler.compile


MACHINERY_FILES = frozenset(
    module.__file__
    for module in (re, _compiler, collections, doctest, warnings)
    if module.__file__ is not None
)
"""The standard modules unittest and doctest decide with: a function of theirs given other
code (`re._compiler.compile.__code__ = ...`, which unittest's snapshot of `re` calls) is
tampering as it happens, as for unittest's own."""


def private_namespace(module: types.ModuleType, **overrides: object) -> object:
    """A snapshot of `module`'s public names in an object nothing can change (its class is
    frozen for good), for unittest.case to read in the module's stead: a `re.compile` or
    `collections.Counter` of the task's that put the original back at its first call passed
    assertRegex and assertCountEqual, and the check after the test saw nothing (red team)."""
    attributes: dict[str, object] = {
        name: staticmethod(value) if isinstance(value, types.FunctionType) else value
        for name, value in [*vars(module).items(), *overrides.items()]
        if not name.startswith("_")
    }
    namespace = type(f"private {module.__name__}", (), {**attributes, "__slots__": ()})
    FrozenClasses([namespace]).freeze()
    return namespace()


def read_privately() -> None:
    """unittest.case's standard modules become private snapshots (`private_namespace`); re's
    compiles without the cache, where the task could leave a pattern of its own."""
    case = vars(unittest.case)
    case["re"] = private_namespace(re, compile=_compile_uncached)
    case["collections"] = private_namespace(collections)
    case["warnings"] = private_namespace(warnings)


def mock_owners() -> list[tuple[str, object]]:
    mock = sys.modules.get("unittest.mock")
    if mock is None:
        return []
    return [("unittest.mock", mock)] + [
        (f"unittest.mock.{name}", value)
        for name, value in list(vars(mock).items())
        if isinstance(value, type) and value.__module__ == "unittest.mock"
    ]


def guard_mock() -> list[tuple[str, object]]:
    """Once unittest.mock is loaded (by the warm worker, or by the tests' imports before the
    program loads): keep its assertion functions, freeze its classes for good and return
    them with the module, for the machinery to watch (none if not loaded or done already).
    Red team: assertions replaced on `NonCallableMock`, or set on the mock the tests handed
    to the task, passed `assert_called_once_with` with nothing called."""
    owners = mock_owners()
    if _mock_guarded or not owners:
        return []
    patch_class = _module_namespace(cast(types.ModuleType, owners[0][1])).get("_patch")
    if isinstance(patch_class, type):
        given_defaults(started_by_the_tests, start=vars(patch_class)["start"])
        patch_class.start = started_by_the_tests  # type: ignore[attr-defined]
    _mock_guarded.extend(owner for _, owner in owners if isinstance(owner, type))
    FrozenClasses(_mock_guarded).freeze()
    return owners


def started_by_the_tests(
    patcher: Any,
    /,
    *,
    start: Callable[[Any], object] | None = None,
    tests_patches: list[tuple[Any, tuple[tuple[str, object, object], ...]]] | None = None,
    getframe: Callable[[int], types.FrameType] = sys._getframe,
    context: type[GuardContext] | None = None,
) -> object:
    """unittest.mock's `_patch.start` in a run (`start` is its own): a patch the tests' own
    code starts is noted in `tests_patches` (given by `warm_up`), where no other code reaches,
    with what it and the patches it holds put where, as they stand now: the task can reach
    the patch object and add to it later (red team: a patch of its own joined the tests')."""
    assert start is not None
    started = start(patcher)
    tests = context is not None and getframe(1).f_code.co_filename == context.tests_path
    if tests and tests_patches is not None:
        default = mock_part("default")
        put = []
        for each in (patcher, *patcher.additional_patchers):
            value = each.new
            if value is default:
                value = started.get(each.attribute) if type(started) is dict else started
            put.append((each.attribute, getattr(each, "temp_original", _ABSENT), value))
        tests_patches.append((patcher, tuple(put)))
    return started


def patched_by_the_tests(
    entry: Watched,
    now: object,
    *,
    tests_patches: list[tuple[Any, tuple[tuple[str, object, object], ...]]] | None = None,
) -> bool:
    """Whether `now`, where `entry` is watched, is what a patch the tests started put there
    over the very value watched, the patch still on: a class fixture's patch stays across its
    tests, which read it back (`os.listdir.assert_called_with`; red team: called tampering)."""
    for patcher, put in tests_patches or ():
        if not any(active is patcher for active in type(patcher)._active_patches):
            continue
        for attribute, original, value in put:
            if attribute == entry.name and original is entry.value and value is now:
                return True
    return False


def asked_again(
    *,
    method: str | None = None,
    asked: list[tuple[object, type, list[str]]] | None = None,
    asked_groups: AskedGroups | None = None,
) -> None:
    """As a test method ends, and as the test ends, the values of the task's that
    `MethodGuard.returned_by_the_task` asked during it are asked again (`asked`, given by
    `warm_up`), and forgotten, as are the questions whose answers were asked in turn
    (`asked_groups`, shared by the test's values): red team, a float that answered honestly
    until the entry point was called again, then lied to the tests' `-`. A lie is tampering,
    noted by the guard. At the end of the test `method`, the patches its decorators started
    are still on, and what it reads by name off an object of the task's is read (a property
    that sleeps, which the tests patch, is read patched; one the test never reads, which
    starts a program, is not read); as the test ends, no name is."""
    if asked_groups is not None:
        asked_groups.clear()
    if not asked:
        return
    noted = list(asked)
    asked.clear()
    for value, base, names in noted:
        with contextlib.suppress(AssertionError):
            RETURNED_GUARD.ask_again(value, base, names, method)


def take_mock_parts() -> None:
    """`MockParts` from unittest.mock where the warm worker preloaded it (before any task
    code); the warm-up freezes the class either way."""
    mock = _modules.get("unittest.mock")
    if mock is not None:
        namespace = _module_namespace(mock)
        MockParts.noncallable = cast(type, namespace["NonCallableMock"])
        MockParts.default = namespace["DEFAULT"]
        MockParts.any_type = type(namespace["ANY"])
        MockParts.call_type = cast(type, namespace["_Call"])
        MockParts.call_list_type = cast(type, namespace["_CallList"])


def forged_call_record(mock: object) -> str | None:
    """What of a mock's record of its calls (read past its properties) no call of it made: a
    program set `call_count = 1` and `call_args` to an object equal to anything, never
    calling the mock, and unittest.mock's own `assert_called_once_with` passed (red team)."""
    call_type, list_type = mock_part("call_type"), mock_part("call_list_type")
    state = mock_record(mock)
    count, last = state.get("_mock_call_count", 0), state.get("_mock_call_args")
    calls: list[object] = state.get("_mock_call_args_list", [])
    if type(count) is not int or type(calls) is not list_type:
        return "call_count or call_args_list is not what calls make"
    if not _all(type(call) is call_type for call in calls) or count != len(calls):
        return f"call_count {count} for {len(calls)} call(s) recorded"
    if last is not (calls[-1] if calls else None):
        return "call_args is not its last call"
    return None


def mock_record(mock: object) -> dict[str, Any]:
    """The attributes in which a mock keeps its record of its calls, read past its properties:
    its own, or those of the delegate a mock made with a spec keeps them on."""
    state: dict[str, Any] = {}
    for _ in range(8):
        state = mock_instance_dict(mock)
        delegate = state.get("_mock_delegate")
        if delegate is None or not is_mock(delegate):
            break
        mock = delegate
    return state


MOCK_RECORDS = ("_mock_call_args_list", "_mock_mock_calls", "_mock_await_args_list")
"""The lists of calls (`_Call`s) a mock records, as its comparing assertions read them."""


def recorded_arguments(mock: object) -> list[tuple[object, object]] | str:
    """The (args, kwargs) of each call `mock` recorded, or what in its record no call made: a
    `_Call` holds the arguments as a plain tuple and dict (red team: subclasses of them that
    said yes to any comparison passed `assert_called_once_with`)."""
    call_type, state = mock_part("call_type"), mock_record(mock)
    calls = [call for key in MOCK_RECORDS for call in state.get(key) or ()]
    calls += [call for key in ("_mock_call_args", "_mock_await_args") if (call := state.get(key))]
    arguments: list[tuple[object, object]] = []
    for call in calls:
        size = tuple.__len__(call) if type(call) is call_type else 0
        if size not in (2, 3):
            return f"a {type(call).__qualname__} among its calls"
        args, kwargs = tuple.__getitem__(call, size - 2), tuple.__getitem__(call, size - 1)
        if type(args) is not tuple or type(kwargs) is not dict:
            return f"a call of {type(args).__qualname__} and {type(kwargs).__qualname__}"
        arguments.append((args, kwargs))
    return arguments


def mock_instance_dict(mock: object) -> dict[str, Any]:
    """A mock's own attributes, past any `__dict__` its class was given."""
    for cls in type.__dict__["__mro__"].__get__(type(mock)):
        descriptor = type.__dict__["__dict__"].__get__(cls).get("__dict__")
        if type(descriptor) is _getset_descriptor:
            return cast(dict[str, Any], descriptor.__get__(mock))
    return {}


_getset_descriptor = type(vars(unittest.TestCase)["__dict__"])


def _mock_assert(
    test: unittest.TestCase, receiver: object, name: str, /, *args: Any, **kwargs: Any
) -> object:
    """What `TestCase._curator_mock_assert` stands for: a mock's assertion as unittest.mock
    wrote it, for a mock (by its class's bases, which no attribute of its changes), read from
    the first class of those bases that `guard_mock` froze: no task code can change one, where
    a dict of the originals kept here was changed in place (red team)."""
    if is_mock(receiver):
        if forged := forged_call_record(receiver):
            sys.audit(TAMPERING_EVENT, f"made up a mock's record of its calls ({forged})")
        for cls in type.__dict__["__mro__"].__get__(type(receiver)):
            namespace = type.__dict__["__dict__"].__get__(cls)
            if type.__dict__["__flags__"].__get__(cls) & IMMUTABLE_TYPE and name in namespace:
                return namespace[name](receiver, *args, **kwargs)
    return getattr(receiver, name)(*args, **kwargs)


_pattern_type = re.Pattern


def forged_patterns() -> list[str]:
    """re's caches of compiled patterns, if they hold anything but patterns: `re.compile`
    answers from them without compiling, so an object of the task's cached under the tests'
    regex would answer assertRegex."""
    return [
        f"re.{name}"
        for name, cache in list(vars(re).items())
        if name.startswith("_cache")
        and type(cache) is dict
        and not _all(type(value) is _pattern_type for value in list(cache.values()))
    ]


class Machinery:
    """A snapshot of what decides outcomes; `changes()` names what was replaced since.

    After each test only the namespaces' entries are compared, by identity and in C (it runs
    after every test, under coverage's tracer, where a Python call per entry cost 2 ms). A
    function's code or defaults replaced by assignment is tampering the audit hook reports as
    it happens; `full` also compares every function's code, defaults and bytecode hash, which a
    run does once, at its end."""

    def __init__(self, extra: list[tuple[str, object]]) -> None:
        self._watched: list[Watched] = []
        # The per-test check's columns: each entry's lookup (a bound C method), name and value.
        self._lookups: list[Callable[[str, object], object]] = []
        self._names: list[str] = []
        self._values: list[object] = []
        self._reads = (0, 0)  # where `watch_reads` put its entries, for `guarded_since`
        baseline = _baselines.get(tuple(name for name, _ in extra))
        if baseline is None:
            self._add(self._read(extra))
        else:  # copied in C, not rebuilt entry by entry
            self._watched, self._lookups = list(baseline._watched), list(baseline._lookups)
            self._names, self._values = list(baseline._names), list(baseline._values)

    def _add(self, entries: list[Watched]) -> None:
        self._watched += entries
        self._lookups += [entry.namespace.get for entry in entries]
        self._names += [entry.name for entry in entries]
        self._values += [entry.value for entry in entries]

    @staticmethod
    def _read(extra: list[tuple[str, object]]) -> list[Watched]:
        watched = Machinery._entries(_machinery_owners() + extra)
        builtin_names = vars(builtins)
        watched += [
            watched_entry(f"builtins.{name}", builtin_names, name)
            for name in builtin_names
            if name not in UNWATCHED_BUILTINS
        ]
        watched += [
            watched_entry(f"{module.__name__}.{name}", vars(module), name)
            for module, names in MACHINERY_NAMES
            for name in names
        ]
        watched.append(watched_entry("sys.modules[unittest]", sys.modules, "unittest"))
        return watched

    @staticmethod
    def _entries(owners: list[tuple[str, object]]) -> list[Watched]:
        return [
            watched_entry(key, vars(owner), name)
            for owner_name, owner in owners
            for name in list(vars(owner))
            if (key := f"{owner_name}.{name}") not in SET_BY_THEMSELVES
        ]

    def watch_more(self, owners: list[tuple[str, object]]) -> None:
        """Add what was guarded after the baseline (unittest.mock, loaded for the tests)."""
        self._add(self._entries(owners))

    def watch_reads(
        self, declared: DeclaredTests, program: list[tuple[str, str, str | None]]
    ) -> None:
        """Add what the tests read through a module they or the program import, before the
        program loads (`tests_reads`): a program put `np.printoptions`, a library's function
        that takes anything and raises nothing, in place of `np.testing.assert_array_equal`;
        `os.path.exists` in place of one that says yes (red team)."""
        entries = tests_reads(declared, program)
        self._reads = (len(self._watched), len(self._watched) + len(entries))
        self._add(entries)

    def guarded_since(self) -> None:
        """What the tests read that a `LibraryAssertionGuard` now stands for, of the very
        function read before the program loaded, as that guard: the guards are put in place
        as the tests load, or as a test first loads the library (`guard_library_assertions`)."""
        for index in range(*self._reads):
            entry = self._watched[index]
            now = entry.namespace.get(entry.name, _ABSENT)
            if type(now) is LibraryAssertionGuard and now[0] is entry.value:
                self._watched[index] = entry._replace(value=now, code=None, defaults=None)
                self._values[index] = now

    def watch_bindings(self, namespace: dict[str, object], names: set[str]) -> None:
        """Add the module's names the tests' top-level imports, functions and classes bind, as
        the tests loaded them: a program rebound the tests' `np` to a twin of numpy whose
        `testing` said yes (red team)."""
        self._add(
            [
                watched_entry(f"{name}, as the tests bind it", namespace, name)
                for name in sorted(names)
                if name in namespace
            ]
        )

    def watch_tests(self, classes: list[type]) -> None:
        """Add the tests' own classes: their functions must stay (other attributes may change:
        setUpClass stores state there)."""
        self._add(
            [
                watched_entry(f"{cls.__qualname__}.{name}", vars(cls), name)
                for cls in classes
                for name, value in vars(cls).items()
                if isinstance(value, types.FunctionType | classmethod | staticmethod | MethodGuard)
            ]
        )

    def changes(self, full: bool = False) -> list[str]:
        if not full and _all(_map(_is, self._now(), self._values)):
            return []
        return _sorted(
            entry.key
            for entry in self._watched
            if self._changed(entry, full)
            and not patched_by_the_tests(entry, entry.namespace.get(entry.name, _ABSENT))
        )

    @staticmethod
    def _changed(entry: Watched, full: bool) -> bool:
        _, namespace, name, value, code, defaults, bytecode = entry
        now = namespace.get(name, _ABSENT)
        if now is not value:
            return True
        if code is None:
            return False
        function = getattr(now, "__func__", now)
        if not isinstance(function, types.FunctionType):
            return True
        return (
            function.__code__ is not code
            or function.__defaults__ is not defaults
            or (full and hash(code.co_code) != bytecode)
        )

    def _now(self) -> Iterator[object]:
        """What each watched name holds now, looked up without a Python call per entry."""
        return _map(_call, self._lookups, self._names, _repeat(_ABSENT))

    @staticmethod
    def _foreign(function: object, roots: tuple[str, ...]) -> bool:
        """Whether `function`, or what it says it wraps (`__wrapped__`, a partial's `func`), is
        Python code from a file outside the installed libraries (a function, or an object whose
        class's `__call__` is one), or a C method bound to some object (`"yes".format`, which
        says yes to anything) rather than a module's C function (`math.isclose`). Code a
        library generated (numpy 1.21's public functions come from "<__array_function__
        internals>") has no file to place."""
        for candidate in (function, getattr(function, "__wrapped__", None)):
            if type(candidate) is functools.partial:
                candidate = candidate.func
            if type(candidate) is types.BuiltinFunctionType and not isinstance(
                candidate.__self__, types.ModuleType | None
            ):
                return True
            if not isinstance(candidate, types.FunctionType | type | types.ModuleType) and callable(
                candidate
            ):
                candidate = type(candidate).__call__
            code = getattr(candidate, "__code__", None)
            if (
                isinstance(code, types.CodeType)
                and not code.co_filename.startswith(roots)
                and not code.co_filename.startswith("<")
            ):
                return True
        return False

    def note_library_guards(self) -> None:
        """The guards of the libraries' assertions in place now (`guard_library_assertions`),
        each of which must stay."""
        self._guards = {
            f"{module_name}.{name}": current
            for module_name, name, _ in GUARDED_LIBRARY_ASSERTIONS
            if type(current := self._library_value(module_name, name)) is LibraryAssertionGuard
        }

    @staticmethod
    def _library_value(module_name: str, name: str) -> object:
        module = sys.modules.get(module_name)
        return vars(module).get(name) if module is not None else None

    def foreign_library_functions(self) -> list[str]:
        """The libraries' assertion functions (`LIBRARY_ASSERTIONS`) and comparisons
        (`LIBRARY_COMPARISONS`) that are no longer the libraries' own: not the object the warm
        worker found (`_library_originals`), replaced by code outside the installed libraries
        or a C method of some object, or their module by something else; and a guard no longer
        in place. Without a baseline (a library the program imports itself) a replacement made
        as the program loads is seen by what it is."""
        roots = _library_roots or library_roots()
        found = []
        for parent_name, child_name in LIBRARY_ASSERTIONS:
            parent = sys.modules.get(parent_name)
            if parent is None:
                continue
            child = vars(parent).get(child_name)
            if child is None:
                continue
            if not str(getattr(child, "__file__", "")).startswith(roots):
                found.append(f"{parent_name}.{child_name}")
                continue
            for name, value in vars(child).items():
                if type(value) is LibraryAssertionGuard:
                    value = value[0]
                path = f"{parent_name}.{child_name}.{name}"
                original = _library_originals.get(path, _ABSENT)
                if not name.startswith("__") and (
                    value is not original
                    if original is not _ABSENT
                    else self._foreign(value, roots)
                ):
                    found.append(path)
        for path in LIBRARY_COMPARISONS:
            module_name, *attributes = path.split(".")
            reached: object = sys.modules.get(module_name)
            for attribute in attributes:
                reached = getattr(reached, attribute, None)
            original = _library_originals.get(path)
            if reached is not None and (
                reached is not original if original is not None else self._foreign(reached, roots)
            ):
                found.append(path)
        for path, guard in getattr(self, "_guards", {}).items():
            module_name, _, name = path.rpartition(".")
            if path not in found and self._library_value(module_name, name) is not guard:
                found.append(path)
        return found


UNREAD_ROOTS = frozenset({"sys", "builtins"})
"""Modules whose attributes the harness and the tests change as they run (`sys.stdout`), or
watched otherwise (builtins)."""


def tests_reads(
    declared: DeclaredTests, program: list[tuple[str, str, str | None]]
) -> list[Watched]:
    """Each step of the chains the tests read (`declared.reads`) through a module or a class,
    from the module their root names (the tests' imports, else the program's), as it stands
    now. A submodule not loaded yet is imported first (`np.testing`, which numpy loads as it is
    first read); a step that is no module's or class's attribute ends its chain."""
    roots: dict[str, tuple[str, str | None]] = {
        name: (module, attribute) for name, module, attribute in program
    }
    for binding in declared.module_bindings:
        name, module, *imported = binding.split(" ")
        roots[name] = (module, imported[0] if imported else None)
    entries: dict[str, Watched] = {}
    for chain in sorted(declared.reads):
        root, *steps = chain.split(".")
        if root not in roots or roots[root][0].partition(".")[0] in UNREAD_ROOTS:
            continue
        path, attribute = roots[root]
        owner: object = _modules.get(path, _ABSENT)
        for step in [attribute, *steps] if attribute is not None else steps:
            namespace = attribute_namespace(owner, step)
            if namespace is None:
                break
            path = f"{path}.{step}"
            if path not in entries:
                entries[path] = watched_entry(path, namespace, step)
            owner = entries[path].value
    classes = {
        entry.key: entry.value for entry in entries.values() if issubclass(type(entry.value), type)
    }
    for module, attribute in roots.values():
        if attribute is None or module not in _modules:
            continue
        found = _module_namespace(_modules[module]).get(attribute)
        if issubclass(type(found), type):
            classes[f"{module}.{attribute}"] = found
    return list(entries.values()) + [
        entry
        for path, cls in sorted(classes.items())
        for entry in resolved_entries(path, cast(type, cls), declared.attributes | READ_UNNAMED)
    ]


READ_UNNAMED = frozenset(
    {
        "__len__",
        "__iter__",
        "__getitem__",
        "__contains__",
        "__bool__",
        "__eq__",
        "__ne__",
        "__lt__",
        "__le__",
        "__gt__",
        "__ge__",
        "__add__",
        "__sub__",
        "__abs__",
        "__round__",
        "__float__",
        "__int__",
        "__str__",
        "__format__",
        "__array__",
    }
)
"""What the tests read of a class's values without naming it: `len(df)`, `df[...]`, `x in
s`, `a == b`, `a - b`, `str(p)`, `np.asarray(df)` (red team: `DataFrame.__len__` replaced)."""


def resolved_entries(path: str, cls: type, names: set[str] | frozenset[str]) -> list[Watched]:
    """Where each of `names` that `cls` has is found, in each class of its bases made at run
    time up to the one that holds it (a name set on one before it would be found there
    instead): the tests read `Path(p).exists()`, and a program put one that said yes in place
    of `pathlib.Path.exists` (red team)."""
    mro = type.__dict__["__mro__"].__get__(cls)
    namespaces = [type.__dict__["__dict__"].__get__(each) for each in mro]
    entries: list[Watched] = []
    for name in sorted(names):
        holder = next((index for index, held in enumerate(namespaces) if name in held), None)
        if holder is None:
            continue
        for index in range(holder + 1):
            if type.__dict__["__flags__"].__get__(mro[index]) & HEAP_TYPE:
                where = f" (on {mro[index].__qualname__})" if index else ""
                entries.append(watched_entry(f"{path}.{name}{where}", namespaces[index], name))
    return entries


def attribute_namespace(owner: object, name: str) -> Any:
    """Where `owner.name` is found, read without running any code of `owner`'s: a module's
    own dict (a submodule imported into it first), or the dict of the first class of a
    class's bases that holds it; None for anything else, or a name not found."""
    # By their types: `isinstance` asks an object's `__class__`, which may run its code
    # (django's settings, a lazy object, raise until configured).
    if issubclass(type(owner), types.ModuleType):
        namespace = _module_namespace(cast(types.ModuleType, owner))
        if name not in namespace:
            with contextlib.suppress(Exception):
                importlib.import_module(f"{namespace.get('__name__')}.{name}")
        return namespace if name in namespace else None
    if issubclass(type(owner), type):
        for base in type.__dict__["__mro__"].__get__(owner):
            namespace = type.__dict__["__dict__"].__get__(base)
            if name in namespace:
                return namespace
    return None


class Unwatched(Machinery):
    """No machinery check: for a batch of mutants of a task's own reference (see
    worker.run_variants), where the code and the tests are one author's. A reference that wants
    its mutants killed can have its tests check its own source; comparing unittest after every
    test cannot stop that; the checks (with the one at the end) would be a tenth of its time."""

    def __init__(self) -> None:
        pass

    def watch_more(self, owners: list[tuple[str, object]]) -> None:
        pass

    def watch_reads(
        self, declared: DeclaredTests, program: list[tuple[str, str, str | None]]
    ) -> None:
        pass

    def watch_bindings(self, namespace: dict[str, object], names: set[str]) -> None:
        pass

    def guarded_since(self) -> None:
        pass

    def watch_tests(self, classes: list[type]) -> None:
        pass

    def changes(self, full: bool = False) -> list[str]:
        return []

    def foreign_library_functions(self) -> list[str]:
        return []


# -- the modules the tests read --------------------------------------------------------------------


def import_quietly(modules: Iterable[str]) -> None:
    """Import, as the harness and before the program loads, what the tests import and the
    program's imports they read: the program then finds them in sys.modules, where an entry
    it replaces is seen (`ModuleSnapshot`). One that does not import now is left to the tests'
    own import, which reports it."""
    for name in modules:
        if name not in _modules:
            with contextlib.suppress(Exception):
                importlib.import_module(name)


class ModuleSnapshot(NamedTuple):
    """sys.modules as the program found it, and what the names the tests read of the
    program's imports must hold: a twin of pandas whose `assert_frame_equal` says yes to
    anything, put in sys.modules as the program loads, is what the tests' `import pandas`
    would get; a `math` the program rebinds, what their `math.isclose` would call."""

    names: list[str]
    modules: list[object]
    expected: list[tuple[str, object, str]]  # (name, object, what the tests read it as)


def snapshot_modules(bindings: list[tuple[str, str, str | None]]) -> ModuleSnapshot:
    pairs = list(_modules.items())  # one read: a library's thread may import meanwhile
    expected = []
    for name, module_name, attribute in bindings:
        module = _modules.get(module_name)
        if not isinstance(module, types.ModuleType):
            continue
        value = module if attribute is None else _module_namespace(module).get(attribute, _ABSENT)
        if value is not _ABSENT:
            expected.append((name, value, module_name + (f".{attribute}" if attribute else "")))
    return ModuleSnapshot(
        list(_map(operator.itemgetter(0), pairs)),
        list(_map(operator.itemgetter(1), pairs)),
        expected,
    )


def moved_modules(snapshot: ModuleSnapshot, namespace: dict[str, object]) -> list[str]:
    """What of `snapshot` no longer holds: sys.modules entries replaced or removed (compared
    in C: it runs after every test), and names the tests read rebound by the program."""
    names, modules, expected = snapshot
    found = [] if sys.modules is _modules else ["sys.modules"]
    if not _all(_map(_is, _map(_modules.get, names), modules)):
        found += [
            f"sys.modules[{name!r}]"
            for name, module in _zip(names, modules)
            if _modules.get(name) is not module
        ]
    found += [
        f"{name} (the tests read it as {what})"
        for name, value, what in expected
        if dict.get(namespace, name, _ABSENT) is not value
    ]
    return found


# -- classes nothing may change while tests run ---------------------------------------------------

IMMUTABLE_TYPE = 1 << 8
"""CPython's Py_TPFLAGS_IMMUTABLETYPE: setting or deleting an attribute of a type that carries it
raises TypeError, however it is attempted (`setattr`, `type.__setattr__`)."""


@functools.cache
def _flags_offset() -> int:
    """Where a type object keeps its flags: the offset at which several types hold their
    `__flags__` (the same for every type of one interpreter build)."""
    probes = (int, type, dict, unittest.TestCase)
    step = ctypes.sizeof(ctypes.c_ulong)
    for offset in range(0, 64 * step, step):  # the flags come within the first 30 fields
        if all(
            ctypes.c_ulong.from_address(id(cls) + offset).value == cls.__flags__ for cls in probes
        ):
            return offset
    raise RuntimeError("the type objects' flags were not found")


class FrozenClasses:
    """Classes whose attributes nothing can set or delete while frozen. Comparing them after
    each test cannot catch a replacement that puts the original back before the comparison
    (an assertEqual that accepts once and restores itself); a frozen class refuses the
    replacement itself. The views are made while no task code runs (they are ctypes data,
    which the audit hook reports)."""

    def __init__(self, classes: list[type]) -> None:
        offset = _flags_offset()
        self._classes = classes  # the views hold addresses only: the classes must outlive them
        _frozen_names.update(cls.__name__ for cls in classes)
        self._flags = [ctypes.c_ulong.from_address(id(cls) + offset) for cls in classes]

    def freeze(self) -> None:
        for flags in self._flags:
            flags.value |= IMMUTABLE_TYPE

    def thaw(self) -> None:
        for flags in self._flags:
            flags.value &= ~IMMUTABLE_TYPE


ORDERING_ASSERTIONS = types.MappingProxyType(
    {"assertLess": "<", "assertLessEqual": "<=", "assertGreater": ">", "assertGreaterEqual": ">="}
)
"""Assertions that compare their first two arguments by their order, and how."""
ORDERINGS: types.MappingProxyType[str, Callable[[Any, Any], Any]] = types.MappingProxyType(
    {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge}
)
"""The tests' own ordering comparisons as `TestsOwnComparisons` routes them."""
UNEQUAL = "!="
"""The tests' own `a != b` as `TestsOwnComparisons` routes it (`unequal_in_the_tests`)."""
COMPARING_ASSERTIONS = frozenset(
    {
        "assertEqual",
        "_baseAssertEqual",
        "assertAlmostEqual",
        "assertCountEqual",
        "assertDictEqual",
        "assertIn",
        "assertListEqual",
        "assertMultiLineEqual",
        "assertSequenceEqual",
        "assertSetEqual",
        "assertTupleEqual",
        *ORDERING_ASSERTIONS,
        *({"assertDictContainsSubset"} & set(vars(unittest.TestCase))),  # gone in Python 3.12
    }
)
"""Assertions that compare their first two arguments: with ==, or by their order."""
NEGATED_ASSERTIONS = types.MappingProxyType({"assertNotEqual": False, "assertNotIn": True})
"""Assertions that fail where their first two arguments compare equal, or the first is in the
second (True): asked as the tests' own `==` and `in` are."""
LIBRARY_COMPARING_ASSERTIONS = frozenset(
    {"assert_equal", "assert_almost_equal", "assert_approx_equal"}
)
"""numpy's assertions of any two values (scalars, lists, tuples, dicts, arrays), asked as
unittest's comparing assertions are (`MethodGuard.ask_library`)."""
COMPARED_PARAMETERS = types.MappingProxyType(
    {
        **{
            name: tuple(inspect.signature(getattr(unittest.TestCase, name)).parameters)[1:3]
            for name in COMPARING_ASSERTIONS | NEGATED_ASSERTIONS.keys()
        },
        **{name: ("actual", "desired") for name in LIBRARY_COMPARING_ASSERTIONS},
    }
)
"""The names of the two values each comparing assertion compares (`first` and `second`,
`member` and `container`, numpy's `actual` and `desired`): the tests may give them by
keyword."""
HANDED_ON_ASSERTIONS = frozenset(
    {
        "_baseAssertEqual",
        "assertDictEqual",
        "assertListEqual",
        "assertMultiLineEqual",
        "assertSequenceEqual",
        "assertSetEqual",
        "assertTupleEqual",
    }
)
"""The comparing assertions unittest's assertEqual hands its arguments on to, by their type
(and assertListEqual and assertTupleEqual to assertSequenceEqual; `_baseAssertEqual` for any
other type, which the tests can reach as `self._getAssertEqualityFunc(a, b)`)."""

PLAIN = frozenset({int, float, complex, str, bytes, bool, type(None)})
"""Types whose equality is their own: not asked whether they claim to equal anything."""
NESTED_DEPTH = 4
NESTED_BUDGET = 100_000
"""How deep, and how many items that are not PLAIN, a comparing assertion looks into its
arguments for an object claiming to equal anything."""
ANSWERING_METHODS = (
    "__eq__",
    "__ne__",
    "__lt__",
    "__le__",
    "__gt__",
    "__ge__",
    "__contains__",
    "__iter__",
    "__len__",
    "__getitem__",
    "__hash__",
    "__sub__",
    "__rsub__",
    "__abs__",
    "__round__",
    "__array_function__",
    "__array_ufunc__",
    "equals",
)
"""The methods through which a comparison asks its arguments whether they agree (equality,
order, membership, counting, assertAlmostEqual's rounded difference, numpy's protocols, by which an
object answers numpy's functions and ufuncs for itself, and pandas' `equals`): when one of
them is the task's, the comparison is asked again with what nothing can agree with."""
COMPARED_AS_ASKED = "_curator_compare"
"""The method of unittest.TestCase (the harness's, guarded) through which a test's own `a == b`
and `a in b` go, in `self.assertTrue(...)` and `assert ...` (see `TestsOwnComparisons`)."""
ARITHMETIC_AS_ASKED = "_curator_arithmetic"
"""What the tests' own arithmetic in what they test is compiled into (`RoutedArithmetic`)."""
ARITHMETIC: types.MappingProxyType[str, Callable[[Any, Any], Any]] = types.MappingProxyType(
    {
        "+": operator.add,
        "-": operator.sub,
        "*": operator.mul,
        "/": operator.truediv,
        "//": operator.floordiv,
        "%": operator.mod,
        "**": operator.pow,
    }
)
ARITHMETIC_NAMES = types.MappingProxyType(
    {"+": "add", "-": "sub", "*": "mul", "/": "truediv", "//": "floordiv", "%": "mod", "**": "pow"}
)
NUMBER_ALONE = (
    "__abs__",
    "__neg__",
    "__pos__",
    "__float__",
    "__int__",
    "__trunc__",
    "__floor__",
    "__ceil__",
    "__bool__",
)
ORDERING_ANSWERS = ("__lt__", "__le__", "__gt__", "__ge__")
NUMBER_ANSWERS = (
    *ORDERING_ANSWERS,
    *(f"__{name}__" for name in ARITHMETIC_NAMES.values()),
    *(f"__r{name}__" for name in ARITHMETIC_NAMES.values()),
    *NUMBER_ALONE,
    "__round__",
)
STRING_ALONE = (
    "__len__",
    "__iter__",
    "isalnum",
    "isalpha",
    "isascii",
    "isdecimal",
    "isdigit",
    "isidentifier",
    "islower",
    "isnumeric",
    "isprintable",
    "isspace",
    "istitle",
    "isupper",
    "lower",
    "upper",
    "strip",
    "lstrip",
    "rstrip",
    "title",
    "casefold",
    "capitalize",
    "swapcase",
    "split",
    "rsplit",
    "splitlines",
    "expandtabs",
    "encode",
    "decode",
)
STRING_ANSWERS = (
    *STRING_ALONE,
    *ORDERING_ANSWERS,
    "__getitem__",
    "__add__",
    "__mul__",
    "startswith",
    "endswith",
    "count",
    "find",
    "rfind",
    "index",
    "rindex",
    "replace",
    "removeprefix",
    "removesuffix",
    "partition",
    "rpartition",
    "join",
    "zfill",
    "center",
    "ljust",
    "rjust",
)
SET_ANSWERS = (
    "__len__",
    "__iter__",
    *ORDERING_ANSWERS,
    "__and__",
    "__or__",
    "__sub__",
    "__xor__",
    "issubset",
    "issuperset",
    "isdisjoint",
    "union",
    "intersection",
    "difference",
    "symmetric_difference",
)
OWN_ANSWERS: types.MappingProxyType[type, tuple[str, ...]] = types.MappingProxyType(
    {
        base: tuple(name for name in names if hasattr(base, name))
        for base, names in [
            (float, NUMBER_ANSWERS),
            (int, NUMBER_ANSWERS),
            (complex, NUMBER_ANSWERS),
            (str, STRING_ANSWERS),
            (bytes, STRING_ANSWERS),
            (list, ("__len__", "__iter__", "__reversed__", "__getitem__", "count", "index")),
            (tuple, ("__len__", "__iter__", "__getitem__", "count", "index")),
            (dict, ("__len__", "__iter__", "keys", "values", "items", "get", "__getitem__")),
            (set, SET_ANSWERS),
            (frozenset, SET_ANSWERS),
        ]
    }
)
"""The methods a value of a class of the task's built on one of Python's types must answer
as that type does, where they are the task's (`MethodGuard.returned_by_the_task`): its
arithmetic and order, a str's predicates and parts, a container's length, items and
iteration. Not its text (`__str__`, `__repr__`, `__format__`), which honest classes make their
own, nor its equality and membership, which the comparisons ask (`ANSWERING_METHODS`)."""
ASKED_ALONE = frozenset((*NUMBER_ALONE, *STRING_ALONE, "__reversed__", "keys", "values", "items"))
"""Of `OWN_ANSWERS`, the methods asked with no argument."""
ITERATING = frozenset(("__iter__", "__reversed__", "keys", "values", "items"))
"""Of `OWN_ANSWERS`, the methods whose answer is read by iterating it."""
NUMBER_BASES: tuple[tuple[type, Callable[[Any], object]], ...] = (
    (float, float.__float__),
    (int, int.__int__),
    (complex, lambda value: complex.__add__(value, 0j)),  # no `complex.__complex__` in 3.10
)
"""Python's numbers a class may build on, each with its own way to the plain number."""
CALLED_AS_ASKED = "_curator_call"
"""The one through which a test's own call of a library's comparison goes, there
(`LIBRARY_COMPARISON_CALLS`)."""
LIBRARY_COMPARISON_CALLS = frozenset(
    {"allclose", "isclose", "array_equal", "array_equiv", "equals"}
)
"""Comparisons that tests call themselves and test the answer of (`np.allclose(a, b)`,
`result.equals(expected)`, `math.isclose(a, b)`): numpy's dispatch to an object's own
protocols, or a frame's `equals` of the task's, answered them with no comparison of the
harness's seeing it."""
GUARDED_LIBRARY_ASSERTIONS = (
    ("numpy.testing._private.utils", "assert_array_compare", 1),
    *(("numpy.testing", name, 0) for name in sorted(LIBRARY_COMPARING_ASSERTIONS)),
    ("pandas.testing", "assert_frame_equal", 0),
    ("pandas.testing", "assert_series_equal", 0),
    ("pandas.testing", "assert_index_equal", 0),
)
"""Library assertions that compare objects with the objects' own operators, each with the
position of the first of the two values it compares: numpy's comparison behind
assert_array_equal, assert_array_almost_equal, assert_array_less and assert_allclose (numpy
1.21 to 2.x, however the tests name those); numpy's `LIBRARY_COMPARING_ASSERTIONS` as the
tests reach them (`np.testing.X`, or imported from there: their recursion into the items of
lists and dicts, through the module that defines them, is not asked again, as unittest's
assertEqual does not ask again the assertListEqual it hands a list on to); and pandas' frame
and series assertions, and its index one, as the tests reach them (`pd.testing.X`, or imported
from there)."""
LIBRARY_ASSERTION_CALLS = re.compile(
    r"\bassert_(?:array_\w+|allclose|equal|almost_equal|approx_equal|frame_equal|series_equal"
    r"|index_equal)\b"
)
"""Tests whose source names one: their library's testing module is loaded to be guarded (numpy
2 loads numpy.testing at its first use, which may be inside a test)."""


TAMPERING_EVENT = "curator.tampering"
"""The audit event by which the guards report tampering to the audit hook (`AuditWatch`)."""


class GuardContext:
    """The run's own part of every `MethodGuard`: where tampering is reported and what the
    tests may compare with (their own classes, and mock.ANY if their source names it: a test
    may want "any value" there; task code may not return one). Set as the run starts, before
    any task code, then frozen for good.

    Task code reaches the guards (they sit on its module's test classes), so `tamper` holds
    nothing of the hook's: it raises an audit event that the hook records. A bound method of
    the hook's state would hand that state to the task (`__self__`), to be switched off."""

    tamper: Callable[[str], None] = functools.partial(sys.audit, TAMPERING_EVENT)
    tests_path = ""
    any_allowed = False
    tests_attributes: frozenset[str] = frozenset()
    tests_numbers: tuple[int | float, ...] = ()
    method_attributes: frozenset[str] = frozenset()
    measurement: object = None  # the run's coverage.py measurement, if any


AskedGroups = set[tuple[type, str, int, type]]
"""The questions whose answers were asked in turn (`MethodGuard.ask_own_answers`): the class
asked, the method, the question's place, the answer's class."""


class KeptState(NamedTuple):
    """What values compared held (`MethodGuard.kept`): the values, and what `states_of` read."""

    values: tuple[object, ...]
    held: list[tuple[Any, Any, list[Any]]]


class Keywords(dict):  # type: ignore[type-arg]
    """The keyword arguments of one of `MethodGuard.own_questions`, as its last argument."""


class _Unrelated:
    """What an object is compared with to see whether it claims to equal anything."""

    __slots__ = ()


class Unmeasured:
    """A `with` block whose coverage coverage.py's tracer records and this takes back as the
    block ends: what it reached first there. The harness's own questions (stand-ins, a
    returned value's answers) call the task's methods, which only the tests' own calls may
    cover (red team: a str's `strip(chars)`, which the tests never call, read as covered).
    The tracer is not paused: a task that reads `sys.gettrace()` would tell the harness's
    questions from the tests' (a str whose `isdigit` said yes only while traced passed)."""

    __slots__ = ("before", "recorded")

    def __init__(self, measurement: object) -> None:
        recorded = getattr(getattr(measurement, "_collector", None), "data", None)
        self.recorded: dict[str, set[Any]] | None = recorded if type(recorded) is dict else None
        self.before: dict[str, set[Any]] = {}

    def __enter__(self) -> None:
        if self.recorded is not None:
            self.before = {name: set(arcs) for name, arcs in self.recorded.copy().items()}

    def __exit__(self, *_: object) -> None:
        if self.recorded is not None:  # in place: a tracer holds each file's set
            for name, arcs in self.recorded.copy().items():
                arcs.intersection_update(self.before.get(name, ()))


class Deferral:
    """What waits while the harness compares values (`Uninterrupted`): the task's signal
    handlers' calls, and the collector, whose state it keeps."""

    __slots__ = ("calls", "collecting", "depth")

    def __init__(self) -> None:
        self.depth = 0
        self.calls: list[tuple[Callable[[int, object], object], int]] = []
        self.collecting = False


class Uninterrupted:
    """A guard's comparison, from its first look at the values to the tests' question and its
    last stand-in's: no code of the task's runs meanwhile but what the comparison calls. The
    task's signal handlers are called once it is done (`FramelessHandler`), and the collector
    is off (no finalizer, no `gc.callbacks` entry). Red team: a handler that put an object
    equal to anything in a list and took it out again, every 100 microseconds, passed
    assertEqual in 5 runs of 12 (what the harness put back for the question was the object).
    One is made for each comparison, and ends only what it began: task code can make its own
    and end that, not the harness's. Their `deferral` is given in the warm worker
    (`given_defaults`), where the task cannot reach it. A thread of the task's still can run
    meanwhile."""

    __slots__ = ("began",)

    def __init__(self) -> None:
        self.began = False

    def __enter__(
        self,
        *,
        deferral: Deferral | None = None,
        collecting: Callable[[], bool] = gc.isenabled,
        stop: Callable[[], None] = gc.disable,
    ) -> None:
        assert deferral is not None
        if self.began:
            return
        self.began = True
        if deferral.depth == 0:
            deferral.collecting = collecting()
            stop()
        deferral.depth += 1

    def __exit__(
        self,
        *_: object,
        deferral: Deferral | None = None,
        collect: Callable[[], None] = gc.enable,
    ) -> None:
        assert deferral is not None
        if not self.began:
            return
        self.began = False
        deferral.depth -= 1
        if deferral.depth:
            return
        if deferral.collecting:
            collect()
        calls = list(deferral.calls)
        deferral.calls.clear()
        for handler, number in calls:  # one that raises ends the test, as it would have
            handler(number, None)


class MethodGuard(tuple):  # type: ignore[type-arg]
    """A test class's method as a data descriptor, which Python consults before the instance's
    own attributes: task code that reaches the running test (its frames are within reach) can
    neither give it a method of its own (setting one is tampering) nor shadow one through its
    `__dict__`. Comparing assertions also refuse an argument that claims to equal anything.

    unittest.TestCase's methods are guarded once in the warm worker, the tests' own as each run
    loads them (`guard_methods`). A guard is a tuple (function, name), so nothing of it can be
    replaced; what it uses is an attribute of this class, which is frozen, so a helper replaced
    in the harness's module would not be used."""

    __slots__ = ()
    context = GuardContext
    comparing = COMPARING_ASSERTIONS
    ordering = ORDERING_ASSERTIONS
    orderings = ORDERINGS
    opposites = types.MappingProxyType({"<": ">=", "<=": ">", ">": "<=", ">=": "<"})
    # As the module had it: read from `operator` at each comparison, a replacement that put
    # itself back passed the tests' own `r == [...]` (red team).
    equal = staticmethod(operator.eq)
    infinity = float("inf")
    bind = types.MethodType
    partial = functools.partial
    unrelated = _Unrelated()
    native_comparisons = (types.WrapperDescriptorType, types.MethodWrapperType)
    # What tasks_within looks into: reading attributes of anything else a closure holds could
    # change it (a mock grows a child for each name asked).
    wrappers = (types.FunctionType, types.MethodType, functools.partial, functools.partialmethod)
    plain = PLAIN
    plain_containers = (str, bytes, int, float, complex, list, tuple, dict, set, frozenset)
    nested_depth = NESTED_DEPTH
    nested_budget = NESTED_BUDGET
    answering = ANSWERING_METHODS
    failure = AssertionError
    compared_as_asked = COMPARED_AS_ASKED
    unequal = UNEQUAL
    library_comparing = LIBRARY_COMPARING_ASSERTIONS
    arithmetic_as_asked = ARITHMETIC_AS_ASKED
    arithmetic = ARITHMETIC
    arithmetic_names = ARITHMETIC_NAMES
    moving_arithmetic = frozenset({"+", "-"})  # `computed_beside_moved_partners`
    large_move = 10  # the least of the large steps (`partner_moves`)
    float_precision = 2.0**-52  # a float's step beside 1 (`half_steps_told`)
    single_precision = 2.0**-23  # numpy's float32's
    number_bases = NUMBER_BASES
    held_containers = (list, tuple, set, frozenset, dict, str, bytes)
    class_of_the_tasks = staticmethod(class_of_the_tasks)
    own_answers = OWN_ANSWERS
    asked_again_at_most = 64
    answer_groups_at_most = 16  # questions whose answers are asked in turn, in one test
    ordered_dict = collections.OrderedDict
    keywords = Keywords
    nan_key = ("nan",)
    none_key = ("none",)
    # What a class holds that reading off an object makes no value of: its methods.
    unread_attributes = (types.FunctionType, staticmethod, classmethod, type)
    slot_type = types.MemberDescriptorType
    kept_at_most = 64  # holders whose state asking puts back (`state_of`)
    kept_compared_at_most = 10_000  # holders put back around a comparison's questions (`kept`)
    read_containers = (list, set, dict, tuple, frozenset)
    # Read as attributes in the loops over a value's holders: a name read from the harness's
    # globals is a call each time (`SealedGlobals`).
    listed, kind_of, repeated = list, type, itertools.repeat
    size, every, same = staticmethod(len), staticmethod(all), staticmethod(operator.is_)
    kinds_found = frozenset
    chained, picked, values_of = itertools.chain, itertools.compress, staticmethod(dict.values)
    pythons_containers = frozenset(read_containers)
    plain_or_container = PLAIN | pythons_containers
    plain_levels_at_most = 32
    plain_items_at_most = 4_000_000
    kept_items_at_most = 100_000
    generator_type = types.GeneratorType
    ordering_names = types.MappingProxyType(
        {"__lt__": "<", "__le__": "<=", "__gt__": ">", "__ge__": ">="}
    )
    hashed = (str, bytes, int, float, complex, tuple, frozenset)
    # What an installed class holds as a method: a function, or a descriptor that binds one.
    method_kinds = (
        types.FunctionType,
        staticmethod,
        classmethod,
        property,
        functools.partialmethod,
        types.WrapperDescriptorType,
        types.MethodDescriptorType,
        types.ClassMethodDescriptorType,
        types.GetSetDescriptorType,
        types.MemberDescriptorType,
    )
    asked_alone = ASKED_ALONE
    asked_with_parts = frozenset(("split", "rsplit", "strip", "lstrip", "rstrip", "splitlines"))
    iterating = ITERATING
    arithmetic_symbols = types.MappingProxyType(
        {name: symbol for symbol, name in ARITHMETIC_NAMES.items()}
    )
    drawn_ranges = ((48, 10), (65, 26), (97, 26))  # ASCII digits, upper and lower case letters
    called_as_asked = CALLED_AS_ASKED
    mock_asserted = MOCK_ASSERTED
    mock_comparing = MOCK_COMPARING_ASSERTIONS
    module_type = types.ModuleType
    urandom = staticmethod(os.urandom)
    getframe = staticmethod(sys._getframe)
    unittest_file = unittest.case.__file__
    handed_on = HANDED_ON_ASSERTIONS
    uninterrupted = Uninterrupted
    marshalled, copied = staticmethod(marshal.dumps), staticmethod(marshal.loads)
    compared_parameters = COMPARED_PARAMETERS
    negated = NEGATED_ASSERTIONS
    shown = staticmethod(unittest.util.safe_repr)
    test_case = unittest.TestCase
    dispatched = (
        COMPARING_ASSERTIONS
        | NEGATED_ASSERTIONS.keys()
        | {
            COMPARED_AS_ASKED,
            ARITHMETIC_AS_ASKED,
            CALLED_AS_ASKED,
            MOCK_ASSERTED,
        }
    )
    asking_code: types.CodeType  # `asked_as_unittest`'s and `compare`'s, set below
    handing_code: types.CodeType

    def __new__(cls, function: types.FunctionType, name: str) -> MethodGuard:
        return super().__new__(cls, (function, name))

    @property
    def __func__(self) -> types.FunctionType:
        return self[0]  # type: ignore[no-any-return]

    def __get__(self, instance: object, owner: type | None = None) -> Any:
        if instance is None:
            return self.through_the_class() if self[1] in self.dispatched else self[0]
        if self[1] in self.comparing:
            return self.partial(self.compare, instance)
        if self[1] in self.negated:
            return self.partial(self.compare_negated, instance)
        if self[1] == self.compared_as_asked:
            return self.partial(self.compared_in_the_tests, instance)
        if self[1] == self.arithmetic_as_asked:
            return self.partial(self.computed_in_the_tests, instance)
        if self[1] == self.called_as_asked:
            return self.partial(self.called_in_the_tests, instance)
        if self[1] == self.mock_asserted:
            return self.partial(self.asked_of_a_mock, instance)
        return self.bind(self[0], instance)

    def through_the_class(self) -> Callable[..., object]:
        """This guard's assertion as the class gives it: a function that asserts through the
        guard, the test given first, and that binds to the test as unittest's own function does
        where a tests' class holds it (`check = unittest.TestCase.assertEqual`). Red team:
        `type(self).assertEqual(self, a, b)`, the function held in a variable, a partial or a
        helper was unittest's own, past the guard; a partial in its place, held by the class,
        bound to nothing and took the task's value for the test."""
        guard, test_case = self, self.test_case

        def assertion(*args: object, **kwargs: object) -> object:
            if args:
                instance, args = args[0], args[1:]
            else:
                instance = kwargs.pop("self", None)
            if not issubclass(type(instance), test_case):
                raise TypeError(f"{guard[1]}() needs the test it asserts in, given first")
            return guard.__get__(instance)(*args, **kwargs)

        assertion.__name__, assertion.__qualname__ = self[1], f"TestCase.{self[1]}"
        return assertion

    def __set__(self, instance: object, value: object) -> None:
        self.context.tamper(f"replaced {self[1]} on the running test")
        raise AttributeError(f"{self[1]} of a running test cannot be replaced")

    def __delete__(self, instance: object) -> None:
        self.__set__(instance, None)

    def asked_of_a_mock(
        self, instance: object, receiver: object, name: str, /, *args: object, **kwargs: object
    ) -> object:
        """A mock's assertion the tests make (`_mock_assert`). The mock's record of its calls
        is the task's making (it calls the mock): where the assertion compares calls, each must
        be a call unittest.mock recorded (`recorded_arguments`) whose arguments claim to equal
        nothing they cannot (red team: an argument equal to anything passed
        `assert_called_once_with`, the mock really called with it)."""
        with self.uninterrupted():
            replaced: list[Any] = []
            if name in self.mock_comparing and is_mock(receiver):
                what = f"{name} (a call the mock recorded)"
                recorded = recorded_arguments(receiver)
                if isinstance(recorded, str):
                    self.refuse(f"made up a mock's record of its calls ({recorded})")
                lined_up = name not in ("assert_has_calls", "assert_has_awaits")  # given lists
                kept = self.kept([recorded, args, kwargs])
                for called_with, called_with_keywords in recorded:
                    self.refuse_claims(what, (called_with, args if lined_up else ()))
                    self.refuse_claims(what, (called_with_keywords, kwargs if lined_up else {}))
                replaced = self.put_back(kept)
            try:
                return self[0](instance, receiver, name, *args, **kwargs)
            finally:
                replaced.clear()  # dropped once the assertion is made

    def compare(self, instance: object, *args: object, **kwargs: object) -> None:
        if kwargs:
            args, kwargs = self.positional(args, kwargs)
        with self.uninterrupted():
            if self[1] in self.ordering and len(args) >= 2:
                # Asked as the tests' own ordering is, then by unittest as it asks.
                self.ordered_in_the_tests(args[0], args[1], self.ordering[self[1]], self[1])
                self[0](instance, *args, **kwargs)
                return
            if self[1] in self.handed_on and self.handed_on_within_a_question(args):
                self[0](instance, *args, **kwargs)
                return
            if (
                len(args) >= 2
                and (self[1] != "assertEqual" or self.foreign_equality_function(instance) is None)
                and self.asked_plainly(
                    (args[0], args[1]),
                    # what unittest hands on is not asked again (`handed_on_within_a_question`)
                    lambda left, right: self.asked_as_unittest(
                        instance, kwargs, (left, right, *args[2:])
                    ),
                )[0]
            ):
                return
            kept = self.kept(args[:2])
            self.refuse_claims(self[1], args[:2])
            if self[1] in ("assertIn", "assertNotIn") and len(args) >= 2:
                self.refuse_unheld(args[0], args[1])
            if self[1] == "assertEqual":
                foreign = self.foreign_equality_function(instance)
                if foreign is not None:
                    self.refuse(
                        "assertEqual would have used an equality function of the task's for "
                        + foreign
                    )
            self.ask_among_stand_ins(
                self.partial(self.asked_as_unittest, instance, kwargs),
                args,
                self.stand_ins(args),
                kept,
            )

    def compare_negated(self, instance: object, *args: object, **kwargs: object) -> None:
        """assertNotEqual and assertNotIn: their question asked as the tests' own `==` and `in`
        are (`compared_in_the_tests`); where it says yes, the assertion fails as unittest's
        does; else unittest asks its own. Red team: an int that said `!=` to everything passed
        `assertNotEqual(task_func(), 0)`, a list that said it held nothing passed
        `assertNotIn("bad", task_func())` while holding it."""
        if kwargs:
            args, kwargs = self.positional(args, kwargs)
        if len(args) >= 2:
            membership = self.negated[self[1]]
            if self.compared_in_the_tests(instance, args[0], args[1], membership):
                shown = self.shown(args[0]), self.shown(args[1])
                standard = (
                    f"{shown[0]} unexpectedly found in {shown[1]}"
                    if membership
                    else f"{shown[0]} == {shown[1]}"
                )
                message = args[2] if len(args) > 2 else kwargs.get("msg")
                instance.fail(instance._formatMessage(message, standard))  # type: ignore[attr-defined]
        self[0](instance, *args, **kwargs)

    def positional(
        self, args: tuple[object, ...], kwargs: dict[str, object]
    ) -> tuple[tuple[object, ...], dict[str, object]]:
        """`args` with the values compared that the tests gave by keyword (`first=`,
        `member=`) in their places, where every check reads them. Red team:
        `assertEqual(first=task_func(), second=3)` passed an object equal to anything, never
        looked at."""
        given = list(args)
        for name in self.compared_parameters.get(self[1], ())[len(given) :]:
            if name not in kwargs:
                break
            given.append(kwargs.pop(name))
        return tuple(given), kwargs

    def asked_as_unittest(
        self, instance: object, kwargs: dict[str, Any], asked: tuple[object, ...]
    ) -> None:
        """This guard's assertion, with `asked` (the tests' arguments or a stand-in's): the frame
        that `handed_on_within_a_question` looks for."""
        self[0](instance, *asked, **kwargs)

    def handed_on_within_a_question(self, args: tuple[object, ...]) -> bool:
        """Whether unittest's own code called this assertion, with the arguments it was given,
        while making a question a guard asks (`asked_as_unittest`): assertEqual hands a list on
        to assertListEqual, which hands it on to assertSequenceEqual. The guard that asked has
        refused the arguments' claims and asked its stand-ins; asked again at each step, they
        were asked once for each question of the step before (a list of 1,000 dataclasses took
        7.6 s). On the way up, only unittest's code and the guards that handed on (`compare`);
        any other code (the tests' own equality function, the task's `__eq__`) and the
        assertion is asked as any other."""
        frame: types.FrameType | None = self.getframe(2)  # 0: this, 1: compare, 2: its caller
        while frame is not None and (
            frame.f_code.co_filename == self.unittest_file or frame.f_code is self.handing_code
        ):
            frame = frame.f_back
        if frame is None or frame.f_code is not self.asking_code:
            return False
        asked = frame.f_locals.get("asked")
        return (
            type(asked) is tuple
            and len(asked) >= 2
            and len(args) >= 2
            and asked[0] is args[0]
            and asked[1] is args[1]
        )

    def ask_library(self, first: int, args: tuple[object, ...], kwargs: dict[str, Any]) -> None:
        """A library's assertion (this guard's function, `GUARDED_LIBRARY_ASSERTIONS`), asked
        again as comparing assertions ask theirs: it compares arrays and frames of objects
        element by element with the elements' own operators, so an object of the task's
        equal to anything, in an array or a column of objects, passed assert_array_equal or
        assert_frame_equal against anything. Where one of the two values compared (from
        position `first`) is, or holds, an object that answers through a method of the
        task's, the assertion is made again with the other one's objects replaced by objects
        nothing equals, and must fail. numpy's assertions of any two values
        (`LIBRARY_COMPARING_ASSERTIONS`) are asked as unittest's comparing assertions are:
        refused where a value claims to equal anything, and made again with the other value
        replaced by an object it knows nothing of and by values of its type that differ from
        it (red team: an object whose `==` said yes to anything, a list and a dict of them,
        passed `np.testing.assert_equal(result, 42)`; one whose `-` said 0.0 passed
        `assert_almost_equal`)."""
        if self[1] in self.library_comparing and len(args) < 2:
            args, kwargs = self.positional(args, kwargs)
        with self.uninterrupted():
            compared = list(args[first : first + 2])
            if self[1] in self.library_comparing and len(compared) == 2:
                self.ask_library_comparing(args, kwargs)
                return
            answering: dict[type, bool] = {}
            kept = self.kept(compared)
            stand_ins: list[tuple[tuple[object, ...], object, str]] = []
            for position, value in enumerate(compared if len(compared) == 2 else ()):
                if not self.answers_within(value, answering, [0], 0):
                    continue
                for against, make in (
                    ("objects it knows nothing of", self.stand_in_for),
                    ("other values", self.different_values),
                    ("columns named otherwise", self.columns_stand_in_for),
                    # Unless the tests had the rows' labels left unchecked (red team round 34)
                    *[("rows labelled otherwise", self.rows_stand_in_for)]
                    * (kwargs.get("check_index") is not False),
                ):
                    try:
                        with self.unmeasured():
                            stand_in = make(compared[1 - position])
                    except Exception:  # a library version without what it takes: no question
                        continue
                    if stand_in is None:
                        continue
                    replaced = list(args)
                    replaced[first + 1 - position] = stand_in
                    stand_ins.append((tuple(replaced), value, against))
            self.ask_among_stand_ins(lambda asked: self[0](*asked, **kwargs), args, stand_ins, kept)

    def ask_library_comparing(self, args: tuple[object, ...], kwargs: dict[str, Any]) -> None:
        """One of numpy's `LIBRARY_COMPARING_ASSERTIONS`, asked as `compare` asks unittest's:
        once, of private copies, where the values are Python's own throughout
        (`asked_plainly`); else refused where one claims to equal anything, and made again
        with stand-ins (`stand_ins`)."""
        if self.asked_plainly(
            (args[0], args[1]),
            lambda left, right: self.asked_of_library(kwargs, (left, right, *args[2:])),
        )[0]:
            return
        kept = self.kept(args[:2])
        self.refuse_claims(self[1], args[:2])
        self.ask_among_stand_ins(
            self.partial(self.asked_of_library, kwargs), args, self.stand_ins(args), kept
        )

    def asked_of_library(self, kwargs: dict[str, Any], asked: tuple[object, ...]) -> None:
        """This guard's library assertion, with `asked` (the tests' arguments or a
        stand-in's)."""
        self[0](*asked, **kwargs)

    def objects_held(self, value: object) -> list[object]:
        """The objects a numpy array, or a pandas frame's or series' column, of objects holds,
        and a pandas index's (a frame's columns and rows, a series' rows: red team round 33,
        labels of the task's equal to anything passed assert_frame_equal with the wrong
        column names), up to the budget; none for any other value."""
        numpy, pandas = sys.modules.get("numpy"), sys.modules.get("pandas")
        kind, held = type(value), cast(Any, value)  # its type, never its `__class__` (code)
        if numpy is not None and issubclass(kind, numpy.ndarray):
            columns = [held] if held.dtype == object else []
        elif pandas is not None and issubclass(kind, pandas.Index):
            columns = [held.to_numpy()] if getattr(held.dtype, "kind", "") == "O" else []
        elif pandas is not None and issubclass(kind, pandas.DataFrame | pandas.Series):
            frame = held.to_frame() if issubclass(kind, pandas.Series) else held
            columns = [
                frame.iloc[:, index].to_numpy()
                for index, kind in enumerate(frame.dtypes)
                if getattr(kind, "kind", "") == "O"
            ] + [
                labels.to_numpy()
                for labels in (frame.columns, frame.index)
                if getattr(labels.dtype, "kind", "") == "O"  # objects, or pandas' own strings
            ]
        else:
            return []
        return list(
            itertools.islice(
                itertools.chain.from_iterable(column.flat for column in columns),
                self.nested_budget,
            )
        )

    def stand_in_for(self, other: object) -> object:
        """`other` with its objects replaced by objects nothing equals: a numpy array of its
        shape, or a pandas frame or series with its columns of objects so replaced."""
        numpy, pandas = sys.modules.get("numpy"), sys.modules.get("pandas")
        if numpy is None:
            return None
        if pandas is not None and isinstance(other, pandas.DataFrame | pandas.Series):
            stand_in = other.copy()
            frame = stand_in.to_frame() if isinstance(stand_in, pandas.Series) else stand_in
            strangers = numpy.full(len(frame), self.unrelated, dtype=object)
            replaced = [
                index for index, kind in enumerate(frame.dtypes) if getattr(kind, "kind", "") == "O"
            ]
            if not replaced:  # nothing to replace: it would be `other` again
                return None
            for index in replaced:
                frame.isetitem(index, strangers)
            return (
                frame.iloc[:, 0].rename(other.name) if isinstance(other, pandas.Series) else frame
            )
        stand_in = numpy.empty(numpy.shape(other), dtype=object)
        stand_in.fill(self.unrelated)
        return stand_in

    def columns_stand_in_for(self, other: object) -> object:
        """A pandas frame `other` with its columns named otherwise (`other_labels`); None for
        any other value."""
        pandas = sys.modules.get("pandas")
        if pandas is None or not isinstance(other, pandas.DataFrame):
            return None
        stand_in = other.copy()
        stand_in.columns = self.other_labels(other.columns)
        return stand_in

    def rows_stand_in_for(self, other: object) -> object:
        """A pandas frame or series `other` with its rows labelled otherwise, or an index in
        place of an index (`other_labels`); None for any other value."""
        pandas = sys.modules.get("pandas")
        if pandas is None:
            return None
        if isinstance(other, pandas.Index):
            return self.other_labels(other)
        if not isinstance(other, pandas.DataFrame | pandas.Series):
            return None
        stand_in = other.copy()
        stand_in.index = self.other_labels(other.index)
        return stand_in

    def other_labels(self, labels: Any) -> object:
        """An index like `labels` (its type of label, its name) with every label changed
        (`different_from`), so that an assertion that checks the index's type still compares
        its labels; where its type of label takes none such, of objects nothing equals."""
        pandas, numpy = sys.modules["pandas"], sys.modules["numpy"]
        values = labels.to_numpy()
        if values.dtype.kind in "iuf" and values.size:  # rows numbered: moved all at once
            step = (numpy.abs(values).max() + 1) * (1000 + self.urandom(1)[0])
            return pandas.Index(values + step, dtype=labels.dtype, name=labels.name)
        changed = []
        for label in values.tolist():
            different = self.different_from(label)  # a bool flipped (red team round 36)
            changed.append(self.unrelated if different is None else different)
        try:
            return pandas.Index(changed, dtype=labels.dtype, name=labels.name)
        except Exception:
            return pandas.Index([self.unrelated] * len(changed), dtype=object, name=labels.name)

    def different_values(self, other: object) -> object:
        """`other` with every value changed (`different_from`: a number moved, a string's
        letters drawn afresh): an object of the task's that tells the harness's stand-ins by
        their type still has to say no to these. A numpy array of numbers (or a list of them)
        keeps its type of number, numpy's comparisons refusing objects, each moved further than
        any tolerance a test gives (a thousand to two thousand times its size, drawn afresh; a
        non-finite one made 0)."""
        numpy, pandas = sys.modules.get("numpy"), sys.modules.get("pandas")
        if numpy is None:
            return None
        if type(other) in (numpy.ndarray, list, tuple):
            numbers = numpy.asarray(other)
            if numbers.dtype.kind == "b":
                return ~numbers
            if numbers.dtype.kind in "iufc":
                # How much further, drawn afresh for each: a step the same for all told the
                # task's objects the expected numbers.
                drawn = numpy.frombuffer(self.urandom(2 * numbers.size), dtype=numpy.uint16)
                factor = (1000 + drawn % 1000).reshape(numbers.shape)
                with numpy.errstate(all="ignore"):
                    far = numbers + (numpy.abs(numbers) + 1) * factor
                    near = numpy.where(numpy.isfinite(numbers), -numbers - factor, 0)
                    return numpy.where(numpy.isfinite(far) & (far != numbers), far, near)

        def change(item: object) -> object:
            plain = item.item() if isinstance(item, numpy.generic) else item
            different = self.different_from(plain)
            return self.unrelated if different is None else different

        if pandas is not None and isinstance(other, pandas.DataFrame | pandas.Series):
            return other.astype(object).map(change).astype(object)
        return numpy.frompyfunc(change, 1, 1)(numpy.asarray(other, dtype=object))

    def refuse(self, reason: str) -> NoReturn:
        """Tampering, and the assertion fails with the reason."""
        self.context.tamper(reason)
        raise self.failure(reason)

    def in_any_order(self, count: int) -> list[int]:
        """0 to `count - 1` in an order drawn from the system's randomness afresh each time,
        which no task code can predict or set (one question alone asks nothing of it)."""
        if count < 2:
            return list(range(count))
        return sorted(range(count), key=lambda _: self.urandom(8))

    def ask_among_stand_ins(
        self,
        assertion: Callable[[tuple[object, ...]], object],
        args: tuple[object, ...],
        stand_ins: list[tuple[tuple[object, ...], object, str]],
        kept: KeptState,
    ) -> None:
        """Make the assertion with `args`, and again with each stand-in's arguments (the
        arguments, an object of the task's compared with what nothing agrees with: its
        `value` and what it was put `against`), in an unpredictable order (`in_any_order`) and
        all from one line: an answer of the task's that counts the questions, or tells them
        by their order, cannot know which is the real one. The real assertion's failure is
        raised as it is; else a stand-in that passed too is tampering. What the values held
        before the harness asked anything (`kept`) is put back before the real one is made,
        and what they held after it, once all are made."""
        questions = [args, *(replaced for replaced, _, _ in stand_ins)]
        _, failures = self.asked_in_turn(
            [self.partial(assertion, question) for question in questions], kept
        )
        if failures[0] is not None:
            raise failures[0]
        for (_, value, against), refused in zip(stand_ins, failures[1:], strict=True):
            if refused is None:
                reason = (
                    f"{self[1]} was given an object equal to anything "
                    f"({type(value).__qualname__}): it passed again against {against}"
                )
                self.refuse(reason)

    def asked_in_turn(
        self,
        questions: list[Callable[[], object]],
        kept: KeptState,
        read: Callable[[object], object] | None = None,
        *,
        each_afresh: bool = False,
    ) -> tuple[list[object], list[Exception | None]]:
        """Each question (the tests' own first, then the harness's) asked in an unpredictable
        order (`in_any_order`): the tests' own with what the values held before the harness
        asked anything put back (`kept`, `put_back`), the others unmeasured and their answers
        `read` as they come (an answer's `__bool__` is the task's code too); `each_afresh`,
        the others too (each question then finds the values as the tests' own does). What
        the values held after the tests' own is put back once all are asked. The answers, and
        what each question raised."""
        answers: list[object] = [None] * len(questions)
        raised: list[Exception | None] = [None] * len(questions)
        before = after = kept
        for index in self.in_any_order(len(questions)):
            try:
                if index == 0:
                    replaced = self.put_back(before)
                    try:
                        answers[index] = questions[index]()
                    finally:
                        after = self.kept(before.values)
                        replaced.clear()  # dropped once the question is asked
                    continue
                replaced = self.put_back(before) if each_afresh else []
                with self.unmeasured():
                    answer = questions[index]()
                    answers[index] = answer if read is None else read(answer)
                replaced.clear()
            except Exception as error:
                raised[index] = error
        self.restore(after.held)
        return answers, raised

    def refuse_claims(self, what: str, compared: Sequence[object]) -> None:
        """Tampering, and a failed assertion, if an argument claims to equal what it cannot
        (`claim_within`)."""
        for value, other in zip(compared, reversed(compared), strict=True):
            found = self.claim_within(value, other, [self.nested_budget], 0)
            if found is not None:
                claim, liar = found
                where = "" if liar is value else " within a container"
                reason = (
                    f"{what} was given an object equal to {claim} "
                    f"({type(liar).__qualname__}){where}"
                )
                self.refuse(reason)

    def compared_in_the_tests(
        self, instance: object, left: object, right: object, membership: bool | str = False
    ) -> object:
        """`left == right` (`left in right` for a `membership`, `left < right` for an ordering
        given as "<") as the tests wrote it (`TestsOwnComparisons`), its value unchanged, asked
        as a comparing assertion asks its arguments: refused if one claims to equal anything,
        and asked again with stand-ins (`stand_ins`) if one answers through a method of the
        task's and said yes. Every question is asked from the same line, in an unpredictable
        order, so an answer that reads its caller's frame or counts the questions cannot tell
        them apart; an iterator of the task's is not searched twice. `left != right` is
        `unequal_in_the_tests`."""
        # `plain_kind` of each, inline: a comprehension's comparisons come here per item, and
        # Python's own values answer with no code of the task's (their own `!=` is the
        # negation of their `==`).
        kind_of, plain = self.kind_of, self.plain
        left_kind, right_kind = kind_of(left), kind_of(right)
        both_plain = (
            kind_of(left_kind) is kind_of
            and kind_of(right_kind) is kind_of
            and left_kind in plain
            and right_kind in plain
        )
        if both_plain:
            if type(membership) is not str:
                return left in right if membership else left == right  # type: ignore[operator]
            if membership == self.unequal:
                return left != right
            return self.orderings[membership](left, right)
        if type(membership) is str and membership == self.unequal:
            return self.unequal_in_the_tests(left, right)
        with self.uninterrupted():
            if type(membership) is str:
                return self.ordered_in_the_tests(left, right, membership)
            question: Callable[[Any, Any], object] = (
                (lambda first, second: first in second) if membership else self.equal
            )
            asked, answer = self.asked_plainly((left, right), question)
            if asked:
                return answer
            what = f"a comparison of the tests' own ({'in' if membership else '=='})"
            kept = self.kept((left, right))
            self.refuse_claims(what, (left, right))
            if membership:
                self.refuse_unheld(left, right)
            answering: dict[type, bool] = {}
            stand_ins: list[tuple[object, object]] = []
            if self.answers_within(left, answering, [0], 0):
                stand_ins += (
                    [(left, [self.unrelated]), (left, self.other_members(right))]
                    if membership
                    else [(left, self.unrelated), *((left, d) for d in self.two_different(right))]
                )
            if self.answers_within(right, answering, [0], 0):
                if not membership:
                    stand_ins += [
                        (self.unrelated, right),
                        *((d, right) for d in self.two_different(left)),
                    ]
                elif not hasattr(type(right), "__next__"):
                    stand_ins += [(self.unrelated, right)]
            return self.truths(
                self.answer_among_stand_ins(question, (left, right), stand_ins, what, kept)
            )

    def unequal_in_the_tests(self, left: object, right: object) -> object:
        """`left != right` as the tests wrote it, once `left == right` was asked as the tests'
        own `==` is (`compared_in_the_tests`): one truth answers as its negation (red team:
        an `__ne__` of the task's that said no to everything passed `assertFalse(a != b)`);
        an elementwise answer (numpy's or pandas') is Python's own `!=`, which must say the
        opposite of `==` element by element. Red team: as `not (a == b)`, honest
        `assertFalse((frame != expected).any())` erred (an array has no one truth)."""
        equal = self.compared_in_the_tests(None, left, right)
        if type(equal) is bool or not self.elementwise(equal):
            return not equal
        unequal = left != right
        self.refuse_unlike_negation(equal, unequal)
        return self.truths(unequal)

    def truths(self, answer: object) -> object:
        """An elementwise answer to the tests' `==` or `!=` that task code made, as numpy's own
        array of truths: one of a class of the task's (red team round 34: its `any` said no to
        everything) or a numpy array of other than truths (round 35: floats, non-zero where
        the values differ, that summed to 0). Any other answer as it is."""
        numpy, pandas = sys.modules.get("numpy"), sys.modules.get("pandas")
        if numpy is None:
            return answer
        made = self.class_of_the_tasks(type(answer)) and self.elementwise(answer)
        if not made and not (isinstance(answer, numpy.ndarray) and answer.dtype != bool):
            return answer
        try:
            truths = numpy.asarray(answer, dtype=bool)
            # A frame or series of the task's as pandas' own, its labels kept (round 36: a
            # subclass of the task's handed on as an array had no `.loc`).
            if pandas is not None and isinstance(answer, pandas.DataFrame):
                return pandas.DataFrame(truths, index=answer.index, columns=answer.columns)
            if pandas is not None and isinstance(answer, pandas.Series):
                return pandas.Series(truths, index=answer.index, name=answer.name)
            return truths
        except Exception:
            return answer

    @staticmethod
    def elementwise(answer: object) -> bool:
        """Whether a comparison's answer holds a truth for each element: a numpy array of one
        dimension or more, a pandas Series, frame, index or array of its own (red team round
        36: `s.array != 7`, a nullable array's, erred) (a numpy bool, a 0-d array, has one
        truth: round 34, an `==` of the task's answered numpy's True, and its `!=` an object
        true to numpy and false to `bool`)."""
        numpy, pandas = sys.modules.get("numpy"), sys.modules.get("pandas")
        if numpy is not None and isinstance(answer, numpy.ndarray):
            return bool(answer.ndim)
        return pandas is not None and isinstance(
            answer,
            pandas.Series | pandas.DataFrame | pandas.Index | pandas.api.extensions.ExtensionArray,
        )

    def refuse_unlike_negation(self, equal: object, unequal: object) -> None:
        """Tampering where `!=` said yes or no to an element where `==` said the same, both
        read as numpy reads truths; answers numpy cannot read so (pandas' missing values, no
        numpy at all) tell nothing."""
        numpy = sys.modules.get("numpy")
        if numpy is None:
            return
        try:
            with self.unmeasured():
                said_equal = numpy.asarray(equal, dtype=bool)
                said_unequal = numpy.asarray(unequal, dtype=bool)
                opposite = said_equal.shape == said_unequal.shape and bool(
                    (said_equal != said_unequal).all()
                )
        except Exception:
            return
        if not opposite:
            self.refuse("the tests' own != was answered otherwise than the opposite of ==")

    def computed_in_the_tests(
        self, instance: object, left: object, right: object, symbol: str
    ) -> object:
        """`left - right` (or `+`, `*`, `/`, `//`, `%`, `**`: `symbol`) as the tests wrote it
        in what they test (`RoutedArithmetic`), its value unchanged; where an operand is of a
        class of the task's built on one of Python's numbers whose arithmetic is the task's
        code, the answer must be that number's own. Red team: a float whose `__sub__`
        answered 0 passed `abs(result - expected) < tol` and `assertLess(abs(...), tol)`."""
        # `plain_kind` of each, inline: a comprehension's arithmetic comes here per item.
        kind_of, plain = self.kind_of, self.plain
        left_kind, right_kind = kind_of(left), kind_of(right)
        if (
            kind_of(left_kind) is kind_of
            and kind_of(right_kind) is kind_of
            and left_kind in plain
            and right_kind in plain
        ):
            return self.arithmetic[symbol](left, right)
        name = self.arithmetic_names[symbol]
        if symbol in self.moving_arithmetic:
            for task_side, method in ((left, f"__{name}__"), (right, f"__r{name}__")):
                partner = right if task_side is left else left
                if self.object_with_own_arithmetic(task_side, method) and self.movable(partner):
                    return self.computed_beside_moved_partners(left, right, symbol, task_side)
        answer = self.arithmetic[symbol](left, right)
        own = self.number_with_own_arithmetic
        if own(left, f"__{name}__") or own(right, f"__r{name}__"):
            plain = self.arithmetic[symbol](self.plain_number(left), self.plain_number(right))
            given = self.plain_number(answer)
            if not (given == plain or (given != given and plain != plain)):
                self.refuse(
                    f"the tests' own {symbol} was given a number whose {symbol} its own "
                    f"{type(plain).__name__} does not agree with ({type(left).__name__} "
                    f"{symbol} {type(right).__name__})"
                )
            self.ask_answer(answer, None)
        return answer

    def computed_beside_moved_partners(
        self, left: object, right: object, symbol: str, task_side: object
    ) -> object:
        """The tests' `left + right` or `left - right` where one is an object of the task's,
        built on no number, whose method for it is the task's code, and the other a number:
        asked again with that number moved (`partner_moves`), all from one line in an
        unpredictable order, each question finding the values as the tests' own does (as
        `answer_among_stand_ins` asks), each answer read as it comes. Where the answers are
        numbers, they must move with the partner by half a step to a step and a half for one of
        the small steps, or stand at a bound of all the answers (a value held at 0 or 100 moves
        with a large step to one side only), as an honest sum or difference does, rounded, wrapped
        round a clock or held at a bound. Red team: such an object whose `-` answered 0.0 to
        anything passed `abs(result - 3.14) < 1e-6`; round 34: honest percentages, hours and
        distances were refused when the answer had to move by exactly the step; round 35: one
        that answered 0.0 near its own value, and honestly far from it, passed when one large
        step sufficed; one whose answer leapt from 0.0 to its whole difference as a small step
        took the partner past its window passed (about one run in ten): the move must be of
        half a step to a step and a half. A moved partner the task refuses (an exception) or
        answers with no number tells nothing."""
        task_on_left = task_side is left
        partner = right if task_on_left else left
        # numpy's fixed-size ints are moved as Python's (a uint8 moved past its range raised in
        # the harness: red team round 35; left unmoved, they let any answer by: round 36).
        numpy = sys.modules.get("numpy")
        base: Any = partner
        if numpy is not None and isinstance(partner, numpy.integer):
            base = partner.item()
        moved: list[tuple[int | float, object]] = []
        for move in self.partner_moves(self.real_number(partner) or 0):
            with contextlib.suppress(Exception):  # a partner's type that takes no such step
                moved.append((move, base + move))
        operation = self.arithmetic[symbol]

        def tests_own() -> object:
            # A copy of an array the task could change later (red team round 35: 0-d arrays
            # rewritten, after the last question, to say 0.0 to the tests' number).
            return self.settled(operation(left, right))

        beside = [(left, other) if task_on_left else (other, right) for _, other in moved]
        with self.uninterrupted():
            # Each afresh: an object that said 0.0 to the first partner it saw, and the
            # difference from that one to any later, moved with all but the first. Each
            # answer read as it comes.
            answers, raised = self.asked_in_turn(
                [tests_own, *(self.partial(operation, *question) for question in beside)],
                self.kept((left, right)),
                self.answer_number,
                each_afresh=True,
            )
        if raised[0] is not None:
            raise raised[0]
        real = self.answer_number(answers[0])
        told = [
            (move, other, number)
            for (move, other), number in zip(moved, answers[1:], strict=True)
            if isinstance(number, int | float)
        ]
        if real is not None and told and self.half_steps_told(answers[0], real, partner):
            # How far each answer moved, in steps: an honest one moves by about the step for one
            # of the small steps at least (the other may wrap round a clock, or hold at a bound).
            moved_by = [abs(number - real) / abs(move) for move, _, number in told]
            tracking = any(
                0.5 <= steps <= 1.5
                for (move, _, _), steps in zip(told, moved_by, strict=True)
                if abs(move) < self.large_move
            )
            bound = all(number <= real for _, _, number in told) or all(
                number >= real for _, _, number in told
            )
            if all(steps < 0.5 for steps in moved_by) or (not tracking and not bound):
                shown = ", ".join(f"against {other!r} {number!r}" for _, other, number in told)
                self.refuse(
                    f"the tests' own {symbol} was given an object whose {symbol} does not move "
                    f"with its partner ({type(task_side).__qualname__}): against {partner!r} "
                    f"it said {real!r}, {shown}"
                )
        self.ask_answer(answers[0], None)
        return answers[0]

    def object_with_own_arithmetic(self, value: object, name: str) -> bool:
        """Whether `value` is of a class of the task's built on none of Python's numbers (those
        are asked as numbers: `number_with_own_arithmetic`) whose `name` is the task's code."""
        kind = type(value)
        if self.plain_kind(kind) or any(issubclass(kind, base) for base, _ in self.number_bases):
            return False
        return self.of_the_tasks(value) and self.tasks_method(kind, name)

    def movable(self, partner: object) -> bool:
        """Whether the tests' number beside an object of the task's is moved
        (`computed_beside_moved_partners`): a real number (0 too: red team round 35)."""
        return self.real_number(partner) is not None

    def answer_number(self, answer: object) -> int | float | None:
        """An answer as the number it is, read as it comes: built on Python's numbers, past its
        class's methods (`plain_number`); a library's (`real_number`); of a class of the task's
        built on a library's, by that library's conversion (red team round 35: numpy's float32
        and `Decimal` of the task's went unread)."""
        plain = self.plain_number(answer)
        number = self.real_number(plain)
        if number is not None or not self.class_of_the_tasks(type(plain)):
            return number
        for cls in type.__dict__["__mro__"].__get__(type(plain)):
            convert = type.__dict__["__dict__"].__get__(cls).get("__float__")
            if convert is not None and not self.class_of_the_tasks(cls):
                try:
                    number = float(convert(plain))
                except Exception:
                    return None
                return number if number - number == 0.0 else None
        return None

    def settled(self, answer: object) -> object:
        """`answer`, or a copy of numpy's own where it is an array (of any class), which the
        task's code cannot change after it is read."""
        numpy = sys.modules.get("numpy")
        if numpy is not None and isinstance(answer, numpy.ndarray):
            return numpy.array(answer, copy=True)
        return answer

    def real_number(self, value: object) -> int | float | None:
        """`value` where it is a finite real number of Python's own or of a library's (numpy's,
        `Decimal`, `Fraction`: red team round 34, an answer of numpy's float32 0.0 went
        unread), as an int or a float by its own conversion (a bool as an int, a complex by its
        real part); else None (a number of the task's: those are asked as numbers)."""
        kind = type(value)
        if kind is int or kind is bool:  # a bool as the int it is (red team round 36)
            return int(cast(int, value))
        if kind is complex:  # by its real part (round 36: 0j went unread)
            value = complex.real.__get__(cast(complex, value))
            kind = float
        if kind is str or kind is bytes or self.class_of_the_tasks(kind):
            return None
        try:
            number = float(cast(Any, value))
        except Exception:  # no number (a complex one, a container)
            return None
        return number if number - number == 0.0 else None  # neither infinite nor NaN

    def partner_moves(self, partner: int | float) -> list[int | float]:
        """Steps drawn from the system's randomness (`computed_beside_moved_partners`): one up
        and one down of 1 to 9, of a tenth to a half (a hue wrapped round 1, a probability held
        within [0, 1]: red team round 35), and of 1 to 9 times the partner's size and 10 more
        (the task does not know which is the tests' own partner), so that an honest answer held
        at a bound (a percentage at 0 or 100, round 34) or wrapped round a clock moves with one
        of them."""
        small_up, small_down, part_up, part_down, large_up, large_down = self.urandom(6)
        size = int(min(abs(partner), 1e6)) + self.large_move
        return [
            1 + small_up % 9,
            -1 - small_down % 9,
            (1 + part_up % 5) / 10,
            -(1 + part_down % 5) / 10,
            size * (1 + large_up % 9),
            -size * (1 + large_down % 9),
        ]

    def half_steps_told(self, answer: object, real: int | float, partner: object) -> bool:
        """Whether numbers of the answers' size tell half a step apart: a float's at 1e20 do
        not (an honest 1e20 - 3.0 is 1e20 - 4.0), nor numpy's float32 at 1e7. Told by the
        precision of the tests' own answer's type (the others are read as numbers already)."""
        precise = type(self.plain_number(answer)) in (int, float)
        partner_number = self.real_number(partner)
        size = max(1.0, abs(real), abs(partner_number or 0.0))
        return size * (self.float_precision if precise else self.single_precision) < 0.125

    def returned_by_the_task(self, value: object) -> object:
        """What a call of the entry point in the tests returned (`TestsOwnComparisons` marks
        each), unchanged, once it answers as it is: a value of a class of the task's built on
        one of Python's numbers, strings or containers, or one within such a container, whose
        methods are the task's, must give the answers of what it is built on (`OWN_ANSWERS`),
        asked a number of times no task code can predict. Red team: a float whose `-` said
        0.0 passed the tests' `error = abs(result - expected)`, numpy's
        `assert_almost_equal` and `pytest.approx`, where no assertion of the tests' sees it;
        a str whose `isupper` said yes passed `assertTrue(result.isupper())`. A generator is
        handed on as one that asks each value it yields (`yielded_by_the_task`)."""
        if type(value) is self.generator_type:
            return self.yielded_by_the_task(value)
        if not self.plain_kind(type(value)):
            self.refuse_own_answers(value, [self.nested_budget], 0)
        return value

    def yielded_by_the_task(self, generator: Generator[Any, Any, Any]) -> Generator[Any, Any, Any]:
        """`generator` as the tests drive it (`next`, `send`, `throw`, `close`), each value it
        yields asked as a returned one is (red team: a generator yielded floats whose `-` said
        0.0)."""
        advance: Callable[[Any], Any] = generator.send
        given: Any = None
        while True:
            try:
                item = advance(given)
            except StopIteration as stop:
                return stop.value
            try:
                given = yield self.returned_by_the_task(item)
                advance = generator.send
            except GeneratorExit:
                generator.close()
                raise
            except BaseException as error:  # thrown in by the tests: into the task's
                advance, given = generator.throw, error

    def refuse_own_answers(
        self,
        value: object,
        budget: list[int],
        depth: int,
        *,
        asked: list[tuple[object, type, list[str]]] | None = None,
    ) -> None:
        """`returned_by_the_task` for `value` and what it holds, walked as the containers
        Python built them hold it (their own iteration, not the task's). What was asked is
        noted in `asked` (given by `warm_up`), to be asked again as the test ends
        (`asked_again`)."""
        self.refuse_posing(value)
        kind = type(value)
        base = next((base for base in self.own_answers if issubclass(kind, base)), None)
        held: Any = []
        if base is None:
            if depth < self.nested_depth and self.of_the_tasks(value):
                held = self.fields_of_the_tasks(value)
                if asked is not None and len(asked) < self.asked_again_at_most:
                    asked.append((value, object, []))  # what the tests read off it
        else:
            plain: Any = value if kind is base else self.as_built(value, base)
            if kind is not base:
                self.ask_as_built(value, base, plain, asked)
            if depth < self.nested_depth and type(plain) in (list, tuple, dict, set, frozenset):
                held = [*plain, *plain.values()] if type(plain) is dict else plain
        if self.all_plain(held):  # told in C: a list of a million floats
            return
        kind_of, every, same, types_of, plain = type, all, operator.is_, map, self.plain
        pythons, plain_kind = itertools.repeat(type), self.plain_kind  # each name read once
        for item in held:
            budget[0] -= 1
            if budget[0] < 0:
                return
            kind = kind_of(item)
            if not plain_kind(kind) and not (
                (kind is tuple or kind is list)
                and every(types_of(same, types_of(kind_of, types_of(kind_of, item)), pythons))
                and plain.issuperset(types_of(kind_of, item))
            ):  # Python's own tuple or list of plain values (`all_plain`, inline)
                self.refuse_own_answers(item, budget, depth + 1)

    def ask_as_built(
        self,
        value: object,
        base: type,
        plain: Any,
        asked: list[tuple[object, type, list[str]]] | None,
        asked_groups: AskedGroups | None = None,
    ) -> None:
        """Ask `value`, of a class of the task's built on `base`, the methods of `base` that
        are its own (through its own `__getattribute__` too, where that is the task's), and
        its hash; note what was asked in `asked`. What it holds is as it was after."""
        kind = type(value)
        looked_up = self.tasks_method(kind, "__getattribute__")  # hands out what it likes
        names = [
            name
            for name in self.own_answers[base]
            if self.tasks_method(kind, name) or (looked_up and not name.startswith("__"))
        ]
        if not names and not self.hashes_its_own(kind, base):
            return  # nothing of the task's to ask (a Counter): nothing to put back
        state = self.state_of(value, base)
        try:
            with self.unmeasured():
                if names:
                    if asked_groups is None:  # the test's own (given by `warm_up`)
                        self.ask_own_answers(value, base, plain, names)
                    else:
                        self.ask_own_answers(value, base, plain, names, asked_groups=asked_groups)
                    if asked is not None and len(asked) < self.asked_again_at_most:
                        asked.append((value, base, names))
                self.refuse_unequal_hash(value, base, plain)
        finally:
            self.restore(state)

    def ask_again(self, value: object, base: type, names: list[str], method: str | None) -> None:
        """As a test ends (`asked_again`): a value built on `base` asked again, as it is now
        (the tests may have changed it: put an entry in a dict), or (`base` is `object`) what
        the tests read off an object of the task's asked; each as it was after."""
        state = self.state_of(value, base)
        try:
            with self.unmeasured():
                if base is not object:
                    self.ask_own_answers(value, base, self.as_built(value, base), names)
                    return
                for item in self.named_by_the_tests(value, method):
                    if not self.plain_kind(type(item)):
                        self.refuse_own_answers(item, [self.nested_budget], 1, asked=[])
        finally:
            self.restore(state)

    def unmeasured(self) -> Unmeasured:
        """What the harness asks beside the tests, not counted as covered (`Unmeasured`)."""
        return Unmeasured(self.context.measurement)

    def refuse_posing(self, value: object) -> None:
        """Tampering, where a class of the task's defines `__class__`: `isinstance` reads it
        wherever the class is no subclass of the one asked of, so the value poses as another
        type to the harness's checks, and the task's code runs there, counted as covered where
        the tests never run it (red team: a property's branch read as covered). A type that
        is none of the task's (Python's tuple, a library's) holds none of its classes above it:
        told at once, item by item."""
        kind = type(value)
        if not self.class_of_the_tasks(kind):
            return
        for cls in type.__dict__["__mro__"].__get__(kind):
            if "__class__" in type.__dict__["__dict__"].__get__(cls) and self.class_of_the_tasks(
                cls
            ):
                self.refuse(f"the task's {cls.__qualname__} defines `__class__`")

    def of_the_tasks(self, value: object) -> bool:
        """Whether `value` is of a class of the task's, and no mock (each of unittest.mock's
        has a class of its own, and reading a name off one makes it a child)."""
        return self.class_of_the_tasks(type(value)) and not is_mock(value)

    def fields_of_the_tasks(self, value: object) -> list[object]:
        """What an object of a class of the task's holds, read past its class's lookups: its
        own dictionary and its slots (red team: a dataclass result whose `mean` was a float
        that lied, then one kept in `__slots__`). Not its properties, which are code: one may
        take a ticket each time it is read (honest), read as the test ends instead
        (`named_by_the_tests`)."""
        fields = self.own_fields(value)
        held = [] if fields is None else list(fields.values())[: self.nested_budget]
        for slot in self.slots_of(type(value)):
            item = self.slot_value(slot, value)
            if item is not _ABSENT:  # a slot never set
                held.append(item)
        return held[: self.nested_budget]

    @staticmethod
    def own_fields(value: object) -> dict[str, Any] | None:
        """`value`'s own dictionary, read past its class's lookups; None where it has none."""
        with contextlib.suppress(Exception):
            fields = object.__getattribute__(value, "__dict__")
            if type(fields) is dict:
                return fields
        return None

    def slots_of(self, kind: type) -> list[Any]:
        """The slots of `kind` and its bases made by a class statement, read past their own
        lookups. Not a C type's members: a read may make a new object each time (a size),
        and one may be read-only (put back, it failed a test)."""
        return [
            slot
            for cls in type.__dict__["__mro__"].__get__(kind)
            if type.__dict__["__flags__"].__get__(cls) & HEAP_TYPE
            for slot in type.__dict__["__dict__"].__get__(cls).values()
            if type(slot) is self.slot_type
        ]

    def named_by_the_tests(self, value: object, method: str | None) -> list[object]:
        """What the tests could read off an object of the task's by the names they read
        anywhere, where its class makes it when read (a property that makes a new value each
        time: red team, it made floats that lied). Only those: asking its `__getattr__` every
        name told it when the tests were done (red team: its properties lied until then)."""
        if method is None:
            return []
        kind = type(value)
        held: list[object] = []
        read = self.context.method_attributes
        for name in self.context.tests_attributes:
            if f"{method} {name}" not in read and f"* {name}" not in read:
                continue
            made = own_attribute(kind, name)
            bind = getattr(type(made), "__get__", None)
            if bind is None or isinstance(made, self.unread_attributes):
                continue
            with contextlib.suppress(Exception):  # refused
                held.append(bind(made, value, kind))
        return held

    def state_of(self, value: Any, base: type) -> list[tuple[Any, Any, list[Any]]]:
        """What asking `value` its questions could change, read past its class's methods, as
        (holder, how it is read, what it holds): its items in their order (an honest LRU
        cache moves what `get` reads to its end), its own dictionary and slots (a count of
        what was read), and those of the dicts, lists, sets and tuples they hold, a few
        levels down (a count kept in a dict of its own). At most `kept_at_most` holders
        (`states_of`)."""
        return self.states_of([(value, base)], self.kept_at_most)

    def kept(self, values: Sequence[object]) -> KeptState:
        """What the values a comparison compares hold (`states_of`), read before the harness
        asks anything beside the tests' own question (claims, stand-ins), to be put back
        before that question and after the last (`ask_among_stand_ins`). Red team: an item
        that, asked by the claims check, put an object equal to anything in its own place in
        the list passed assertEqual; so did one that did so while a stand-in's failure was
        being written. Only what is built on Python's containers and objects of the task's: a
        library's object (a numpy dtype, a frame) is read and written by its own code."""
        pending = [(value, self.read_as(value)) for value in values if self.holds_to_keep(value)]
        return KeptState(tuple(values), self.states_of(pending, self.kept_compared_at_most))

    def holds_to_keep(self, value: object) -> bool:
        """Whether `value` is built on one of Python's containers or is of a class of the
        task's (`kept`)."""
        return issubclass(type(value), self.read_containers) or self.of_the_tasks(value)

    def plain_kind(self, kind: object) -> bool:
        """Whether `kind` is one of PLAIN. Its metaclass is asked first, by identity: a class's
        `hash` and `==` are its metaclass's, and a metaclass of the task's that hashed as int's
        and said `==` to it made an object equal to anything in a list pass for a plain value
        (red team)."""
        return self.kind_of(kind) is self.kind_of and kind in self.plain

    def all_plain(self, values: Iterable[object]) -> bool:
        """Whether every one of `values` is of a PLAIN type (`plain_kind`), told in C: a list of
        a million floats."""
        kinds = self.listed(map(self.kind_of, values))
        return self.pythons_metaclasses(kinds) and self.plain.issuperset(kinds)

    def asked_plainly(
        self, values: tuple[object, object], question: Callable[[object, object], object]
    ) -> tuple[bool, object]:
        """(True, `question` asked of a private copy of `values`) where they are plain
        throughout (`plain_throughout`): comparing Python's own values runs no code of the
        task's, so nothing is asked beside it. The copy is made by `marshal` in one C call,
        which no thread interrupts, and takes only Python's own values (else (False, None),
        and the values are asked as any others); what the two values share stays shared (a
        NaN in both is still the one object, as `==` and `in` look at identity first). Red
        team: a thread of the task's that watched for the harness's look (a reference count,
        the collector turned off; one ending, which no count of threads sees, or one made
        through ctypes) put an object equal to anything in after the look, and took it out as
        it answered. A question that fails raises, as it would unasked."""
        if not self.plain_throughout(values):
            return False, None
        try:
            left, right = self.copied(self.marshalled(cast(Any, values)))
        except ValueError:  # not Python's own values any more: a thread of the task's
            return False, None
        return True, question(left, right)

    def plain_throughout(self, values: Sequence[object]) -> bool:
        """Whether `values` are plain (`PLAIN`), or Python's own lists, tuples, sets and dicts of
        such values, to any depth, told a level at a time in C: comparing them runs no code of
        the task's, so there is nothing to ask them, nothing they could change meanwhile to
        put back. A test's 50 assertIn over a list of 20,000 lists took 12 s. Past
        `plain_levels_at_most` levels (a list that holds itself) or `plain_items_at_most`
        items, the values are asked as any other."""
        level: list[Any]
        level, left, containers = (
            self.listed(values),
            self.plain_items_at_most,
            self.pythons_containers,
        )
        chained, picked, listed, kind_of = self.chained, self.picked, self.listed, self.kind_of
        for _ in self.repeated(None, self.plain_levels_at_most):
            kinds = listed(map(kind_of, level))
            if not self.pythons_metaclasses(kinds):
                return False
            found = self.kinds_found(kinds)
            if found <= self.plain:
                return True
            if not found <= self.plain_or_container:
                return False
            held: list[Any] = listed(picked(level, map(containers.__contains__, kinds)))
            dicts: list[Any] = (
                listed(picked(held, map(self.same, map(kind_of, held), self.repeated(dict))))
                if dict in found
                else []
            )
            left -= sum(map(self.size, held)) + sum(map(self.size, dicts))
            if left < 0:
                return False
            level = listed(
                chained(
                    chained.from_iterable(held), chained.from_iterable(map(self.values_of, dicts))
                )
            )
        return False

    def pythons_metaclasses(self, kinds: list[type]) -> bool:
        """Whether every one of `kinds` is made by Python's own metaclass (`type`), told in C:
        then their `hash` and `==` are Python's own (`plain_kind`)."""
        return self.every(map(self.same, map(self.kind_of, kinds), self.repeated(self.kind_of)))

    @staticmethod
    def pythons_container(kind: object) -> bool:
        """Whether `kind` is one of Python's own containers (`read_containers`), told by
        identity: a class's `==` and `hash` are its metaclass's, which may be the task's."""
        return kind is list or kind is dict or kind is tuple or kind is set or kind is frozenset

    def read_as(self, value: object) -> type:
        """The container of Python's that `value` is built on (its items read by that
        container's methods), else its own type (its dictionary and slots read)."""
        kind = type(value)
        if self.pythons_container(kind):  # the usual case, told at once
            return kind
        if issubclass(kind, self.ordered_dict):
            return self.ordered_dict
        return next((base for base in self.read_containers if issubclass(kind, base)), kind)

    def states_of(
        self, pending: list[tuple[Any, Any]], at_most: int
    ) -> list[tuple[Any, Any, list[Any]]]:
        """What the `pending` (value, how it is read) hold (`state_of`), and what their items
        hold: at most `at_most` holders, none holding more than `kept_items_at_most` items.
        Plain items, and Python's own tuples of them, hold nothing to put back: left out
        unread by Python code (a list of a million pairs); Python's own list of them is kept
        as it is, with nothing more to look into (a list of 20,000 pairs as lists)."""
        kept: list[tuple[Any, Any, list[Any]]] = []
        seen: set[int] = set()
        single, listed, size, read = self.read_singly, list, len, self.read_as
        kind_of, every, same, types_of, plain = type, all, operator.is_, map, self.plain
        pythons = itertools.repeat(type)
        while pending and len(kept) < at_most:
            holder, how = pending.pop()
            if id(holder) in seen:
                continue
            seen.add(id(holder))
            for reading, held in self.readings_of(holder, how):
                if len(held[0]) > self.kept_items_at_most:
                    continue
                kept.append((holder if reading != "fields" else held[1], reading, held[0]))
                paired = not single(reading)  # (key, item): a dict's, fields, slots
                inners = [item[1] for item in held[0]] if paired else held[0]
                for inner in itertools.compress(inners, self.not_plain(inners)):
                    kind = kind_of(inner)
                    if (
                        (kind is tuple or kind is list)
                        and every(
                            types_of(same, types_of(kind_of, types_of(kind_of, inner)), pythons)
                        )
                        and plain.issuperset(types_of(kind_of, inner))
                    ):  # Python's own tuple or list of plain values (`all_plain`, inline)
                        if kind is list and size(kept) < at_most:
                            kept.append((inner, list, listed(inner)))
                        continue
                    if self.holds_to_keep(inner):
                        pending.append((inner, read(inner)))
        return kept

    def readings_of(self, holder: Any, how: Any) -> list[tuple[Any, Any]]:
        """`holder`'s items (as its base `how` reads them), own dictionary and slots, each
        as (how it is read, (what it holds, ...))."""
        readings: list[tuple[Any, Any]] = []
        if how is dict or how is self.ordered_dict:
            # Read without looking a key up, which hashes it: a key's `__hash__` is code (of
            # the task's; one changed since it was put in is not found).
            items = list(dict.items(holder))
            if isinstance(holder, self.ordered_dict):
                by_key = {id(key): item for key, item in items}
                ordered = self.ordered_dict.__iter__(holder)
                readings.append((self.ordered_dict, ([(key, by_key[id(key)]) for key in ordered],)))
            else:
                readings.append((dict, (items,)))
        elif self.pythons_container(how):  # a tuple's or frozenset's: what it holds can change
            readings.append((how, (list(how.__iter__(holder)),)))
        if self.pythons_container(type(holder)):
            return readings
        own = self.own_fields(holder)
        if own is not None:
            readings.append(("fields", (list(dict.items(own)), own)))
        slots = self.slots_of(type(holder))
        if slots:
            readings.append(("slots", ([(slot, self.slot_value(slot, holder)) for slot in slots],)))
        return readings

    def slot_value(self, slot: Any, holder: object) -> object:
        try:
            return slot.__get__(holder, type(holder))
        except AttributeError:
            return _ABSENT

    def put_back(self, kept: KeptState) -> list[Any]:
        """`restore` what the values compared held, then make sure each holds it: what the
        task's code does as it is put back (a key's `__hash__` as a dict is filled again, the
        `__del__` of an object it drops) could change a holder put back before (red team: an
        object equal to anything put in a list that way passed). What was replaced is handed
        back, for the caller to hold until its question is asked: dropped then, no `__del__`
        runs before it."""
        replaced = self.restore(kept.held)
        for holder, reading, held in kept.held:
            if not self.same_objects(self.read_again(holder, reading, held), held, reading):
                self.refuse("changed what a value compared holds as the harness put it back")
        return replaced

    def read_again(self, holder: Any, reading: Any, held: list[Any]) -> list[Any]:
        """What `holder` holds now, read as `state_of` read `held`."""
        if reading == "fields":
            return list(dict.items(holder))
        if reading == "slots":
            return [(slot, self.slot_value(slot, holder)) for slot, _ in held]
        if reading is list and self.kind_of(holder) is list:  # Python's own, read as it is
            return self.listed(holder)
        return cast(list[Any], self.readings_of(holder, reading)[0][1][0])

    def restore(self, state: list[tuple[Any, Any, list[Any]]]) -> list[Any]:
        """What `state_of` read put back, where asking changed it, by the methods of what
        each holder is built on (none of the task's); what it replaced is handed back."""
        replaced: list[Any] = []
        for holder, reading, held in state:
            now = self.read_again(holder, reading, held)
            if self.same_objects(now, held, reading):
                continue
            replaced.append(now)
            if reading == "slots":
                for slot, item in held:
                    if item is _ABSENT:
                        with contextlib.suppress(AttributeError):
                            slot.__delete__(holder)
                    else:
                        slot.__set__(holder, item)
            elif reading is self.ordered_dict:
                reading.clear(holder)
                for key, item in held:
                    reading.__setitem__(holder, key, item)
            elif reading is list:
                list.__setitem__(holder, slice(None), held)
            else:
                kind = dict if reading == "fields" else reading
                kind.clear(holder)
                kind.update(holder, held)
        return replaced

    @staticmethod
    def read_singly(reading: object) -> bool:
        """Whether a reading of `state_of` holds its items one by one (a list's, a set's, a
        tuple's), not as pairs (a dict's key and item, a field's name and value)."""
        return reading is list or reading is set or reading is tuple or reading is frozenset

    def same_objects(self, now: list[Any], before: list[Any], reading: Any) -> bool:
        """Whether two readings of `state_of` (as `reading`) hold the same objects in the same
        order: each a single object (a list's, a set's), or a pair (a dict's key and item, a
        field's name and value). Told in C: a list of a million items."""
        if self.size(now) != self.size(before):
            return False
        if self.read_singly(reading):
            return self.every(map(self.same, now, before))
        first, second = operator.itemgetter(0), operator.itemgetter(1)
        return all(map(operator.is_, map(first, now), map(first, before))) and all(
            map(operator.is_, map(second, now), map(second, before))
        )

    def hashes_its_own(self, kind: type, base: type) -> bool:
        """Whether a class of the task's built on `base`, hashed, hashes or compares by the
        task's code."""
        return base in self.hashed and (
            self.tasks_method(kind, "__hash__") or self.tasks_method(kind, "__eq__")
        )

    def refuse_unequal_hash(self, value: object, base: type, plain: Any) -> None:
        """A value of the task's that equals the value of Python's own it is built on must
        hash as it does, as Python's objects that are equal do (red team: strings that hashed
        by their identity made `len(set(result))` count each of their duplicates)."""
        kind = type(value)
        if not self.hashes_its_own(kind, base):
            return
        try:
            unequal = bool(value == plain) and hash(value) != hash(plain)
        except Exception:
            return  # unhashable, or no answer: nothing a set or a Counter can use
        if unequal:
            self.refuse(
                f"the task's {kind.__qualname__} hashes otherwise than an equal {base.__name__}"
            )

    def as_built(self, value: Any, base: type) -> Any:
        """`value` as the object of Python's own type `base` it is built on, read by that
        type's own methods."""
        for number, plain in self.number_bases:
            if base is number:
                return plain(value)
        if base is str:
            return str.__str__(value)
        if base is bytes:
            return bytes.__getitem__(value, slice(None))
        if base is dict:
            return dict(dict.items(value))
        return base(base.__iter__(value))  # type: ignore[attr-defined]

    def ask_own_answers(
        self,
        value: object,
        base: type,
        plain: Any,
        names: list[str],
        *,
        asked_groups: AskedGroups | None = None,
    ) -> None:
        """Each of `names`, the task's methods of `value`, asked as the tests could ask it
        (`own_questions`), in an order and a number of rounds drawn afresh, against what
        `base`'s own gives for `plain`. An answer of a class of the task's is asked in its
        turn: one drawn of those each question gave of each class, its own class too, where
        that question was not asked yet (`asked_groups`), up to `answer_groups_at_most` drawn
        (red team: a `-` that gave the right number as a float whose `abs` said 0.0; a `strip`
        that gave the right characters as a str whose `endswith` said yes; a lie in the third
        generation of answers; one in an answer of the value's own class, or in a list's
        ninth item). A question's last argument may be `Keywords` (`split(maxsplit=1)`)."""
        questions = [
            (name, arguments)
            for name in names
            for arguments in self.own_questions(base, plain, name)
        ]
        answers: dict[tuple[type, str, int, type], list[object]] = {}
        asked_groups = set() if asked_groups is None else asked_groups  # given by `warm_up`
        rounds = 1 + self.urandom(1)[0] % 4
        for index in self.in_any_order(len(questions) * rounds):
            name, arguments = questions[index % len(questions)]
            asked = (type(value), name, index % len(questions))
            keywords: Any = {}
            if arguments and type(arguments[-1]) is self.keywords:
                arguments, keywords = arguments[:-1], arguments[-1]
            try:
                expected = self.base_answer(base, plain, name, arguments, keywords)
            except Exception:
                continue
            try:
                given = self.as_python_finds(value, name)(*arguments, **keywords)
            except Exception:
                continue  # an answer refused, which passes nothing
            unordered = base in (dict, set, frozenset) and name in self.iterating
            if given is NotImplemented:
                continue
            if name in self.iterating and type(given) not in (list, tuple):
                try:  # a generator of answers (red team: a dict's `values()` made lying strs)
                    given = list(given)
                except Exception:
                    continue
            if self.same_answer(expected, given, unordered):
                for answer in self.answers_given(given):
                    if not self.plain_kind(type(answer)) and self.of_the_tasks(answer):
                        found = answers.setdefault((*asked, type(answer)), [])
                        if len(found) < 8:
                            found.append(answer)
                continue
            self.refuse(
                f"the task's {type(value).__qualname__} answered {name} otherwise than its own "
                f"{base.__name__} does"
            )
        groups = list(answers.items())
        for place in self.in_any_order(len(groups)):  # which are asked, when too many: drawn
            group, found = groups[place]
            if group in asked_groups or len(asked_groups) >= self.answer_groups_at_most:
                continue
            asked_groups.add(group)
            self.ask_answer(found[self.urandom(1)[0] % len(found)], asked_groups)

    def answers_given(self, given: Any) -> list[Any]:
        """An answer, or the items of a list or tuple of them (up to `nested_budget`) and
        what a tuple among those holds (a dict's `items()`)."""
        if type(given) not in (list, tuple):
            return [given]
        items = list(given[: self.nested_budget])
        return items + [part for item in items if type(item) is tuple for part in item[:8]]

    def ask_answer(self, answer: object, asked_groups: AskedGroups | None) -> None:
        """An answer the task's code gave to a question of the tests' or the harness's, asked
        as a value it returned is, where it is of a class of the task's built on one of
        Python's types."""
        kind = type(answer)
        if self.plain_kind(kind):
            return
        base = next((base for base in self.own_answers if issubclass(kind, base)), None)
        if base is not None and self.of_the_tasks(answer):
            self.ask_as_built(answer, base, self.as_built(answer, base), None, asked_groups)

    @staticmethod
    def as_python_finds(value: object, name: str) -> Any:
        """`value`'s method `name` as Python finds it: a special method on its class, past
        the object's own dictionary, as an operator, `len()` or `round()` finds it (red team:
        honest copies in the object's dictionary answered the questions, the class's lies the
        tests' `-`); any other as the tests' `value.name` finds it."""
        if not (name.startswith("__") and name.endswith("__")):
            return getattr(value, name)
        kind = type(value)
        method = own_attribute(kind, name)
        bind = getattr(type(method), "__get__", None)
        return bind(method, value, kind) if bind is not None else method

    def base_answer(
        self,
        base: type,
        plain: Any,
        name: str,
        arguments: tuple[Any, ...],
        keywords: dict[str, Any] | None = None,
    ) -> Any:
        """What `base`'s own `name` answers for `plain`; an arithmetic's as Python works it
        out from both operands (`3 - 2.5`: int's own `__sub__` declines a float)."""
        if name in self.ordering_names:
            return self.orderings[self.ordering_names[name]](plain, arguments[0])
        symbol = self.arithmetic_symbols.get(name.strip("_").removeprefix("r"))
        if symbol is not None and arguments:
            if name.startswith("__r"):
                return self.arithmetic[symbol](arguments[0], plain)
            return self.arithmetic[symbol](plain, arguments[0])
        answer = getattr(base, name)(plain, *arguments, **(keywords or {}))
        return list(answer) if name in self.iterating else answer

    def same_answer(self, expected: Any, given: Any, unordered: bool = False) -> bool:
        """Whether `given` is what `expected` (Python's own answer) is, read past the task's
        methods: a number as the number it is built on, a truth as `bool` reads it, a str or
        bytes by its characters, a list item by item (`unordered`: a dict's or set's items
        in any order); an answer of another kind is not judged."""
        if type(expected) in (list, tuple):
            try:
                items = list(given)
            except Exception:
                return True
            if len(items) != len(expected):
                return False
            if unordered:  # as many of each, told by what they are built on; else item by item
                counted = self.counted(expected), self.counted(items)
                if counted[0] is not None and counted[1] is not None:
                    return counted[0] == counted[1]
                return len(items) > 64 or all(
                    any(self.same_answer(one, other) for other in items) for one in expected
                )
            return all(
                self.same_answer(one, other) for one, other in zip(expected, items, strict=True)
            )
        if type(expected) is bool:
            return bool(given) is expected
        if type(expected) in (set, frozenset):
            if not isinstance(given, set | frozenset):
                return False
            read: Any = set.__iter__ if isinstance(given, set) else frozenset.__iter__
            items = list(read(given))
            return self.same_answer(list(expected), items, unordered=True)
        expected = self.plain_number(expected)  # numpy's float64, the answer with its operand
        if type(expected) in (int, float, complex):
            number = self.plain_number(given)
            if type(number) not in (bool, int, float, complex):
                return False
            return bool(number == expected or (number != number and expected != expected))
        if type(expected) in (str, bytes):
            if type(expected) is str:
                return isinstance(given, str) and str.__eq__(expected, given) is True
            return isinstance(given, bytes) and bytes.__eq__(expected, given) is True
        return True

    def counted(self, items: list[Any]) -> dict[object, int] | None:
        """How many of each value `items` holds, read as what each is built on (a str's
        characters, a number's value, a pair's parts), or None where one is of another kind:
        unordered answers compared at once (red team: a dict of 250 words that iterates most
        common first took two minutes, compared item by item)."""
        counts: dict[object, int] = {}
        for item in items:
            key = self.plain_key(item)
            if key is None:
                return None
            counts[key] = counts.get(key, 0) + 1
        return counts

    def plain_key(self, item: object, depth: int = 0) -> object:
        """`item` as a key of `counted`: a plain value (NaN as one), or a tuple of them."""
        if isinstance(item, str):
            return str.__str__(item)
        if isinstance(item, bytes):
            return bytes.__getitem__(item, slice(None))
        number = self.plain_number(item)
        if type(number) in (bool, int, float, complex):
            return self.nan_key if number != number else number
        if type(item) is tuple and depth == 0:
            parts = [self.plain_key(part, 1) for part in item]
            return None if any(part is None for part in parts) else tuple(parts)
        return None if item is not None else self.none_key

    def drawn_near(self, plain: float) -> list[float]:
        """Numbers drawn afresh, as many as drawn: beside `plain` (up to half of it away),
        rounded to a number of digits drawn too, as the tests' expected answers are, anywhere
        within ten times its size, and of any size from a millionth to a trillion, alone and
        added to `plain` (red team: a `-` that answered the fixed operands honestly and any
        other with 0.0; then one honest to any operand within ten times the value's size)."""
        noise = self.urandom(24)
        drawn: list[float] = []
        for index in range(3 + noise[0] % 4):
            offset = (noise[index + 1] - 127.5) / 255  # within half of plain on either side
            digits = noise[index + 8] % 5
            drawn.append(round(plain * (1 + offset), digits if digits < 4 else None))
        drawn.append((noise[15] - 127.5) / 12.75 * (abs(plain) + 1))
        fine = int.from_bytes(self.urandom(7), "big") / 2**56 - 0.5  # full precision
        drawn.append(plain * (1 + fine / 4) + fine)
        for index in range(16, 24, 2):
            size = (1 + noise[index] / 32) * 10.0 ** (noise[index + 1] % 19 - 6)
            drawn.append(-size if noise[index] % 2 else size)
        drawn += [plain + drawn[-2], plain - drawn[-1]]
        return drawn

    def tests_numbers_drawn(self) -> list[int | float]:
        """Up to 8 of the numbers the tests write, drawn afresh (the operands of their own
        `result - 112.47`: red team, a `-` honest to any operand near the value)."""
        numbers = self.context.tests_numbers
        if len(numbers) <= 8:
            return list(numbers)
        return [numbers[byte % len(numbers)] for byte in self.urandom(8)]

    def own_questions(self, base: type, plain: Any, name: str) -> list[tuple[object, ...]]:
        """The arguments `name` of a value built on `base` is asked with: none, or operands
        like the tests' own (the value itself, numbers beside it, round ones, one drawn
        afresh; a str's own parts and one drawn like it; a container's first item)."""
        if name in self.asked_alone and name not in self.asked_with_parts:
            return [()]
        if base in (int, float, complex):
            if name == "__round__":  # to any number of digits the tests may ask
                return [(), *((digits,) for digits in range(-1, 10))]
            others: list[object] = [plain, plain + 1, plain - 1, 2, 0.5]
            if base is not complex:  # none for infinity, NaN, or an int too big for a float
                with contextlib.suppress(ArithmeticError, ValueError):
                    others += [round(plain), round(plain, 2), plain * 1.001]
                    others += self.drawn_near(plain)
            others += self.tests_numbers_drawn()
            numpy = sys.modules.get("numpy")
            if numpy is not None:  # the tests' expected answers are often numpy's numbers
                others += [numpy.float64(other) for other in others[-3:]]
            if name in ("__pow__", "__rpow__"):
                big = base is not complex and abs(plain) > 64
                return [] if big and name == "__rpow__" else [(2,), (0.5,)]
            return [(other,) for other in others if other != 0]
        if base in (str, bytes):
            half, drawn = plain[: len(plain) // 2 or 1], self.drawn_like(plain)
            parts = [plain[:1], half, plain[-1:], drawn[: len(half)] if drawn else half]
            parts += [plain, plain + plain[:1], drawn or plain]  # the whole, and longer
            parts += self.marks_within(plain)
            if name == "__getitem__":  # its ends, and drawn places and slices
                return [(0,), (-1,), (slice(0, 2),), *self.drawn_slices(len(plain))]
            if name == "replace":
                return [(part, plain[:0]) for part in parts if part] + [(half, parts[3])]
            if name == "join":
                return [(parts[:3],)]
            if name in ("zfill", "center", "ljust", "rjust"):
                return [(len(plain) + 3,), (len(plain) // 2,)]
            if name == "splitlines":
                return [(), (True,), (self.keywords(keepends=True),)]
            if name in ("split", "rsplit"):  # `split()`, `split(",")`, `split(",", 1)`
                return [
                    (),
                    *((part,) for part in parts if part),
                    *((part, 1) for part in parts[7:] if part),
                    (self.keywords(maxsplit=1),),
                    *((self.keywords(sep=part, maxsplit=2),) for part in parts[7:] if part),
                ]
            if name == "expandtabs":
                return [(), (self.keywords(tabsize=4),)]
            if name in self.asked_with_parts:  # `strip()` and `strip(",")`
                return [(), *((part,) for part in parts if part)]
            if name in ("__add__", "__mul__"):
                return [(half,)] if name == "__add__" else [(2,)]
            if name in ("startswith", "endswith"):  # a tuple of them, and within bounds
                return [
                    *((part,) for part in parts if part),
                    (tuple(parts[:2]),),
                    (tuple(parts[3:6]),),
                    (half, 1),
                    (half, 0, len(plain)),
                ]
            return [(part,) for part in parts if part]
        first = next(iter(plain), None)
        if name == "__getitem__" and base in (list, tuple):  # its ends, all, and drawn places
            places = [(index,) for index in self.drawn_places(plain)]
            return [(0,), (-1,), (slice(None),), *places, *self.drawn_slices(len(plain))]
        if base in (set, frozenset):  # itself, none of it, a part of it, and more than it
            more = [*self.unheld_like(first)[:1]] if plain else ["a"]
            return [(set(plain),), (set(),), (set(list(plain)[1:]),), ({*plain, *more},)]
        if base is dict and name in ("__getitem__", "get"):  # each key, up to a few drawn
            keys = list(plain)
            drawn = [keys[index] for index in self.drawn_places(keys)]
            return [(key,) for key in drawn] + [(self.equal_copy(key),) for key in drawn]
        return [(first,)] if plain else []

    def drawn_slices(self, size: int) -> list[tuple[object, ...]]:
        """Places and slices drawn afresh within `size` items, from either end."""
        if size < 2:
            return []
        start, end, back = (byte % size for byte in self.urandom(3))
        return [
            (start,),
            (-1 - back,),
            (slice(start, None),),
            (slice(-1 - back, None),),
            (slice(min(start, end), max(start, end) + 1),),
            (slice(None, None, 2),),
        ]

    def equal_copy(self, key: Any) -> Any:
        """A key equal to `key` that is another object, where Python makes one: the tests'
        own `"code"` is another str than the task's key (red team: a dict answered honestly
        only when asked with its very key)."""
        kind = type(key)
        if kind is str or kind is bytes:
            return (key + key[:1])[: len(key)] if len(key) > 1 else key
        if kind is int:
            return int.__add__(key, 0)
        if kind is float:
            return float.__mul__(key, 1.0)
        if kind is tuple:  # of copies of its parts (red team: they were the very parts)
            return tuple([self.equal_copy(part) for part in key])
        return key

    def drawn_places(self, items: list[Any] | tuple[Any, ...]) -> list[int]:
        """Every place of `items` up to 16 of them; beyond, 16 drawn afresh."""
        if len(items) <= 16:
            return list(range(len(items)))
        noise = self.urandom(32)
        return [int.from_bytes(noise[at : at + 2], "big") % len(items) for at in range(0, 32, 2)]

    def marks_within(self, plain: str | bytes) -> list[Any]:
        """Up to 4 of the characters of `plain` that are no letter or digit (a comma, a tab):
        what the tests split a line at (red team: a `split(",")` that lied)."""
        marks = [plain[index : index + 1] for index in range(len(plain))]
        return [mark for mark in dict.fromkeys(marks) if not mark.isalnum()][:4]

    def refuse_unheld(self, member: object, container: object) -> None:
        """Where `container` is of a class of the task's built on one of Python's containers
        whose `__contains__` is the task's code, it must answer `member in container` as what
        it holds does. Red team: a list whose `__contains__` said yes to all but membership's
        stand-in, which it told by its type, passed every assertIn."""
        kind = type(container)
        base = next((base for base in self.held_containers if issubclass(kind, base)), None)
        if base is None or kind is base:
            return
        if not self.tasks_method(kind, "__contains__"):
            return
        held = base.__contains__(container, member)  # type: ignore[operator]
        with self.unmeasured():  # asked before the tests ask it (a lazy index it fills)
            answered = bool(member in container)  # type: ignore[operator]
        if answered == held:
            return
        holds_plainly = self.partial(base.__contains__, container)
        stand_ins = [] if held else self.unheld_like(member, holds_plainly)
        if stand_ins:
            # A membership of its own (a case-insensitive dict, an interval: honest) is asked
            # again of what is like the member and not held: one that says yes to all of that
            # (far on both sides of a number) holds anything; an open interval holds one side.
            with self.unmeasured():
                holds_all = all(self.holds(container, stand_in) for stand_in in stand_ins)
            if holds_all:
                self.refuse(
                    f"a container of the task's ({kind.__name__}) said it held what it was "
                    f"never given"
                )
            return
        self.refuse(
            f"a container of the task's ({kind.__name__}) answered `in` otherwise than "
            f"what it holds"
        )

    @staticmethod
    def holds(container: Any, member: object) -> bool:
        """`member in container`, where raising (a date asked of an object it knows nothing
        of) is no."""
        try:
            return bool(member in container)
        except Exception:
            return False

    def unheld_like(
        self, member: object, held: Callable[[object], bool] = lambda _: False
    ) -> list[object]:
        """What is like `member`, not `held`, and no honest membership of its own holds beside
        it: a str or bytes with its letters and digits drawn afresh (`drawn_like`), the first
        of three draws that is not held (a single draw of one letter was held 2 runs in 30, and
        the forger was refused with the other message); a number (numpy's too) far beyond
        any span that holds it, on either side; for another type (a date, a tuple), an object
        it knows nothing of."""
        numpy = sys.modules.get("numpy")
        if numpy is not None and isinstance(member, numpy.integer | numpy.floating):
            member = member.item()
        if isinstance(member, int | float) and type(member) in (int, float):
            far = (int(min(abs(member), 1e30)) + 10**9) * 10**12
            drawn: list[object] = [member + far, member - far]
        elif type(member) not in (str, bytes):
            drawn = [self.unrelated]
        else:
            drawn = [self.drawn_like(member) for _ in range(3)]
            drawn = [each for each in drawn if each != member and not held(each)][:1]
        return [each for each in drawn if not held(each)]

    def drawn_like(self, member: object) -> Any:
        """A str or bytes like `member`, each ASCII letter and digit drawn afresh (of its case,
        a letter for a letter); None for another type."""
        if isinstance(member, str) and type(member) is str:
            codes = member.encode()
        elif isinstance(member, bytes) and type(member) is bytes:
            codes = member
        else:
            return None
        noise = self.urandom(len(codes))
        drawn = bytes(self.drawn_code(code, byte) for code, byte in zip(codes, noise, strict=True))
        return drawn.decode() if type(member) is str else drawn

    def drawn_code(self, code: int, noise: int) -> int:
        """`code` drawn afresh from `noise` within its range of `drawn_ranges`, if in one."""
        for start, size in self.drawn_ranges:
            if start <= code < start + size:
                return start + noise % size
        return code

    def number_with_own_arithmetic(self, value: object, name: str) -> bool:
        """Whether `value` is of a class built on one of Python's numbers whose `name` (the
        special method of an arithmetic) is the task's code."""
        kind = type(value)
        if self.plain_kind(kind) or not any(
            issubclass(kind, base) for base, _ in self.number_bases
        ):
            return False
        return self.tasks_method(kind, name)

    def tasks_method(self, kind: type, name: str) -> bool:
        """Whether `kind`'s special method `name` is the task's: a function of its code, bare
        or wrapped; anything but a function or a descriptor, which no installed class holds as
        one (red team: a bound builtin, `(0.0).__mul__`, which Python calls with the other
        operand alone, as a float's `__sub__`; `object().__ne__` as a list's `__contains__`,
        in a class that posed as a library's); or anything but None that a class of the task's
        holds. A C type's slots and the classes of installed modules answer for themselves."""
        if not type.__dict__["__flags__"].__get__(kind) & HEAP_TYPE:
            return False  # a C type, whose bases are all C types
        for cls in type.__dict__["__mro__"].__get__(kind):
            namespace = type.__dict__["__dict__"].__get__(cls)
            if name in namespace:
                method = namespace[name]
                if method is None:
                    return False
                if isinstance(method, self.wrappers) and self.tasks_within(method):
                    return True
                if type(method) not in self.method_kinds:
                    return True
                return type(method) is not types.FunctionType and self.class_of_the_tasks(cls)
        return False

    def plain_number(self, value: object) -> object:
        """`value` as the number of Python's own it is built on, read past its class's methods;
        anything else as it is."""
        kind = type(value)
        if self.plain_kind(kind):
            return value
        for base, plain in self.number_bases:
            if issubclass(kind, base):
                return plain(value)
        return value

    def ordered_in_the_tests(
        self, left: object, right: object, symbol: str, what: str | None = None
    ) -> object:
        """`left < right` (or `<=`, `>`, `>=`: `symbol`) as the tests wrote it, or as an ordering
        assertion (`what`) asks it: where one answers through an ordering of the task's, asked
        again against what no honest order places (`beyond`), and the other way round (`>=`),
        which no honest order says yes to beside it. Red team: int subclasses that said yes to
        everything, to every number, then to every finite number, passed `0 <= x < 10` and
        `assertLess` for numbers drawn out of range."""
        order = self.orderings[symbol]
        if self.plain_kind(type(left)) and self.plain_kind(type(right)):
            return order(left, right)
        answering: dict[type, bool] = {}
        stand_ins: list[tuple[object, object]] = []
        kept = self.kept((left, right))
        below = symbol in ("<", "<=")  # left is asked to be below right
        if self.answers_within(left, answering, [0], 0):
            stand_ins += [(left, other) for other in self.beyond(right, not below)]
        if self.answers_within(right, answering, [0], 0):
            stand_ins += [(other, right) for other in self.beyond(left, below)]
        return self.answer_among_stand_ins(
            order,
            (left, right),
            stand_ins,
            what or f"a comparison of the tests' own ({symbol})",
            kept,
            "ordered before and after anything",
            self.orderings[self.opposites[symbol]],
        )

    def beyond(self, value: object, above: bool) -> tuple[object, ...]:
        """What an honest order places on the wrong side of anything, in place of `value`: an
        object it knows nothing of, and for a number infinity, above or below (red team: an int
        subclass that said yes to numbers only, and NotImplemented to anything else)."""
        if type(value) in (int, float):
            return self.unrelated, (self.infinity if above else -self.infinity)
        return (self.unrelated,)

    def called_in_the_tests(
        self,
        instance: object,
        receiver: object,
        function: object,
        /,
        *args: object,
        **kwargs: object,
    ) -> object:
        """A library's comparison that the tests call and test the answer of
        (`LIBRARY_COMPARISON_CALLS`), its answer unchanged: `receiver.function(*args,
        **kwargs)` where the tests named it through an object (`function` is the name), else
        `function(*args, **kwargs)`. The two values it compares are a method's object and its
        argument (a module's or a class's function's first two arguments): where one answers
        through a method of the task's (numpy's protocols, `equals`: the method called,
        whatever holds it), it is asked again with the other one replaced (`stand_ins_like`),
        as `compared_in_the_tests` asks."""
        if type(function) is not str:  # a name the tests imported: `isclose(a, b)`
            called, name, method = function, getattr(function, "__name__", ""), False
        else:
            called, name = getattr(receiver, function), function
            # `np.allclose(a, b)` and `pd.DataFrame.equals(a, b)` compare their arguments
            method = not isinstance(receiver, self.module_type | type)
        if method:
            compared, rest = (receiver, *args[:1]), args[1:]

            def ask(first: object, second: object) -> object:
                return getattr(first, name)(second, *rest, **kwargs)
        else:
            compared, rest = args[:2], args[2:]

            def ask(first: object, second: object) -> object:
                return called(first, second, *rest, **kwargs)  # type: ignore[operator]

        if len(compared) < 2:
            return called(*args, **kwargs)  # type: ignore[operator]
        left, right = compared
        answering: dict[type, bool] = {}
        stand_ins: list[tuple[object, object]] = []
        kept = self.kept(compared)
        if self.answers_within(left, answering, [0], 0) or (method and self.tasks_within(called)):
            stand_ins += [(left, stand_in) for stand_in in self.stand_ins_like(right)]
        if self.answers_within(right, answering, [0], 0):
            stand_ins += [(stand_in, right) for stand_in in self.stand_ins_like(left)]
        return self.answer_among_stand_ins(
            ask, (left, right), stand_ins, f"the tests' {name}", kept
        )

    def stand_ins_like(self, other: object) -> list[object]:
        """What a library's comparison is asked with in place of `other`: an array of its
        shape of objects nothing equals and one of its values changed, or a frame or series
        so made (`stand_in_for`, `different_values`); without numpy, an object it knows
        nothing of and other values of its type."""
        made: list[object] = []
        for make in (self.stand_in_for, self.different_values):
            with contextlib.suppress(Exception), self.unmeasured():  # a library version
                made.append(make(other))  # without what it takes
        return [each for each in made if each is not None] or [
            self.unrelated,
            *self.two_different(other),
        ]

    def answer_among_stand_ins(
        self,
        ask: Callable[[object, object], object],
        real: tuple[object, object],
        stand_ins: list[tuple[object, object]],
        what: str,
        kept: KeptState,
        claim: str = "equal to anything",
        opposite: Callable[[object, object], object] | None = None,
    ) -> object:
        """`ask(*real)`'s answer, asked with each stand-in pair too, and `opposite(*real)`,
        which no honest answer says yes to beside it, all from one line in an unpredictable
        order (`in_any_order`): the real question's error is raised first, and a stand-in or
        the opposite said yes to beside a real yes is tampering. What the values held is put
        back as `ask_among_stand_ins` puts it back (`kept`)."""
        questions = [(ask, *real)] + [
            # By identity: `None in (first, second)` asked the task's `__eq__`, which said yes
            # to None and so had every stand-in left out.
            (ask, first, second)
            for first, second in stand_ins
            if first is not None and second is not None
        ]
        if opposite is not None and stand_ins:
            questions.append((opposite, *real))
        # The stand-ins' answers read as they come: yes or no (None where one raised).
        answers, raised = self.asked_in_turn(
            [self.partial(*question) for question in questions], kept, self.says_yes
        )
        if raised[0] is not None:
            raise raised[0]
        if len(answers) > 1 and self.says_yes(answers[0]):
            for (_, first, _), yes in zip(questions[1:], answers[1:], strict=True):
                if yes:
                    liar = real[0] if first is real[0] else real[1]
                    reason = (
                        f"{what} was given an object {claim} "
                        f"({type(liar).__qualname__}): it said yes again to a stand-in"
                    )
                    self.refuse(reason)
        return answers[0]

    def says_yes(self, answer: object) -> bool:
        """Whether a comparison's answer is true as the tests may read it: its truth, or, for
        an elementwise one, every element's (`all_true`: the tests' `(a == b).all()` and
        `np.all(a == b)`), and for one of a class of the task's also what its own `all` says.
        Red team: an `__eq__` of the task's saying yes everywhere, to the stand-ins too, went
        unjudged where the answer was a numpy array (it has no single truth), then (round
        33) where it was a pandas Series or frame of the task's, or an object of the task's
        false to `bool` and true to `.all()`. Any other is no."""
        if type(answer) is bool:
            return answer
        if not self.of_the_tasks(answer):
            return self.truth(answer) or self.all_true(answer)
        # What the answer holds is put back once it is read (red team round 34: one whose
        # `all` said no to its first call, the harness's, and yes to the tests').
        kept = self.kept((answer,))
        try:
            with self.unmeasured():
                if self.truth(answer) or self.all_true(answer):
                    return True
                reduced = answer.all()  # type: ignore[attr-defined]
                return self.truth(reduced) or self.all_true(reduced)
        except Exception:
            return False
        finally:
            self.restore(kept.held)

    @staticmethod
    def truth(answer: object) -> bool:
        """`bool(answer)`, or no where it has no one truth (numpy's array, pandas' NA)."""
        try:
            return bool(answer)
        except Exception:
            return False

    @staticmethod
    def all_true(answer: object) -> bool:
        """Whether every element of an elementwise answer is true, read as numpy reads truths
        (an array's, a list's), and a pandas Series' or frame's as pandas' `all()` reads them,
        missing values passed over (red team round 35: an `==` answering a Series of NA, which
        numpy cannot read, went unjudged, and `.all()` said yes to it); an empty one, or one of
        a single value, tells nothing: no."""
        numpy, pandas = sys.modules.get("numpy"), sys.modules.get("pandas")
        if numpy is None:
            return False
        if pandas is not None and isinstance(answer, pandas.Series | pandas.DataFrame):
            try:
                reduced = answer.all()
                if isinstance(reduced, pandas.Series):
                    reduced = reduced.all()
                return bool(answer.size) and bool(reduced)
            except Exception:
                return False
        try:
            truths = numpy.asarray(answer, dtype=bool)
            return truths.ndim > 0 and truths.size > 0 and bool(truths.all())
        except Exception:
            return False

    def stand_ins(self, args: tuple[object, ...]) -> list[tuple[tuple[object, ...], object, str]]:
        """The questions a comparing assertion is asked beside its own (`ask_among_stand_ins`):
        where an argument answers through a method of the task's, the assertion with the other
        argument replaced by what nothing agrees with (an object it knows nothing of, a value
        of the other one's type that differs from it). An answer of the task's that can tell
        who asks said no to `false_equality` and yes to unittest; an assertAlmostEqual that a
        zero difference (`__sub__`) passes never asked `__eq__` at all. An iterator of the
        task's searched by assertIn is not asked again: that would consume what the tests see
        next."""
        answering: dict[type, bool] = {}
        questions: list[tuple[tuple[object, ...], object, str]] = []
        for position, value in enumerate(args[:2]):
            other = 1 - position
            if other >= len(args) or not self.answers_within(value, answering, [0], 0):
                continue
            stand_ins: list[object]
            if self[1] == "assertIn":
                if position == 1 and hasattr(type(value), "__next__"):
                    continue
                stand_ins = (
                    [[self.unrelated], self.other_members(args[1])]
                    if position == 0
                    else [self.unrelated]
                )
            else:
                stand_ins = [self.unrelated, *self.two_different(args[other])]
            for stand_in in stand_ins:
                if stand_in is None:
                    continue
                replaced = list(args)
                replaced[other] = stand_in
                against = (
                    "an object it knows nothing of"
                    if stand_in is self.unrelated or self[1] == "assertIn"
                    else f"another {type(stand_in).__name__}"
                )
                questions.append((tuple(replaced), value, against))
        return questions

    def answers_within(
        self, value: object, answering: dict[type, bool], asked: list[int], depth: int
    ) -> bool:
        """Whether `value`, or an object within it (`items_within`), answers a comparing
        assertion through a special method of the task's making (`ANSWERING_METHODS`); what
        each type answers with is looked up once (`answering`). Mocks are judged by their
        configuration (`false_equality`): reading their methods would make new ones."""
        kind = type(value)
        if self.plain_kind(kind):
            return False
        if kind not in answering:
            self.refuse_posing(value)
            answering[kind] = not is_mock(value) and any(
                self.tasks_method(kind, name) for name in self.answering
            )
        if answering[kind]:
            return True
        if depth >= self.nested_depth:
            return False
        for item, _ in self.items_within(value, None):
            asked[0] += 1
            if asked[0] > self.nested_budget:
                return False
            if self.answers_within(item, answering, asked, depth + 1):
                return True
        return False

    def items_within(self, value: object, expected: object) -> Iterable[tuple[object, object]]:
        """The items a list, tuple, set or dict compares with their own `==` (a dict's keys,
        then its values), or a numpy array or a pandas frame of objects (`objects_held`:
        `np.array_equal` and `DataFrame.equals` compare those with theirs), not plain ones nor
        Python's own tuples of plain ones, each paired with the expected one's where the two
        line up (else None)."""
        items: Any  # read by its base's own methods, never the task's
        others: Iterable[object] | None = None
        held: Any = value
        kind, expected_kind = type(value), type(expected)
        if (kind is list or kind is tuple) and (expected_kind is list or expected_kind is tuple):
            # Python's own list or tuple on both sides, the usual case: read as they are
            items, given = held, cast(Any, expected)
            others = given if len(given) == len(items) else None
        elif issubclass(kind, (list, tuple)):
            base: Any = list if issubclass(kind, list) else tuple
            items = list(base.__iter__(held))
            other: Any = next((b for b in (list, tuple) if issubclass(expected_kind, b)), None)
            if other is not None and other.__len__(expected) == len(items):
                others = other.__iter__(expected)
        elif issubclass(kind, dict):
            paired: Any = expected if issubclass(expected_kind, dict) else {}
            keys = list(dict.__iter__(held))
            items = keys + list(dict.values(held))
            others = [None] * len(keys) + [
                dict.get(paired, key) if self.plain_kind(type(key)) else None for key in keys
            ]
        elif issubclass(kind, (set, frozenset)):
            items = list((set if issubclass(kind, set) else frozenset).__iter__(held))
        elif objects := self.objects_held(value):
            items = objects
        else:
            return ()
        # Plain items are left out in C, unread by Python code: a list of a million floats.
        pairs = itertools.compress(
            zip(items, itertools.repeat(None) if others is None else others, strict=False),
            self.not_plain(items),
        )
        # Python's own tuples and lists of plain values, told in C (`all_plain`, inline: a call
        # each is what a list of a million pairs costs); each name read once.
        kind_of, every, same, types_of, plain = type, all, operator.is_, map, self.plain
        pythons = itertools.repeat(type)
        return (
            (item, other)
            for item, other in pairs
            if not (
                (kind_of(item) is tuple or kind_of(item) is list)
                and every(types_of(same, types_of(kind_of, types_of(kind_of, item)), pythons))
                and plain.issuperset(types_of(kind_of, item))
            )
        )

    def not_plain(self, values: Sequence[object]) -> list[bool]:
        """For each of `values`, whether it is of no PLAIN type (`plain_kind`): told in C where
        every one's metaclass is Python's own, the usual case."""
        kinds = self.listed(map(self.kind_of, values))
        if self.pythons_metaclasses(kinds):
            return self.listed(map(operator.not_, map(self.plain.__contains__, kinds)))
        return [not self.plain_kind(kind) for kind in kinds]

    def claim_within(
        self, value: object, expected: object, budget: list[int], depth: int
    ) -> tuple[str, object] | None:
        """The false claim (`false_equality`) of `value`, or of an object within it: a list,
        tuple or dict compares its items with their own `==`, so a list of objects equal to
        anything equals any list of that length. Items are paired with the expected one's
        where the two line up; `budget` bounds the items asked (plain ones are not)."""
        claim = self.false_equality(value, expected)
        if claim is not None:
            return claim, value
        if depth >= self.nested_depth:
            return None
        for item, other in self.items_within(value, expected):
            budget[0] -= 1
            if budget[0] < 0:
                return None
            found = self.claim_within(item, other, budget, depth + 1)
            if found is not None:
                return found
        return None

    def foreign_equality_function(self, instance: object) -> str | None:
        """The type whose entry in the running test's type-equality table (which assertEqual
        consults first) is not unittest's own method nor a function of the tests or a library:
        task code that reaches the test can register one that accepts anything."""
        table = vars(instance).get("_type_equality_funcs")
        if table is None:
            return None
        if type(table) is not dict:
            return "every type (the table was replaced)"
        for kind, function in table.items():
            while isinstance(function, self.partial):
                function = function.func
            if isinstance(function, str):
                continue
            code = getattr(getattr(function, "__func__", function), "__code__", None)
            if self.the_tasks(getattr(code, "co_filename", "")):
                return getattr(kind, "__qualname__", repr(kind))
        return None

    @staticmethod
    def the_tasks(filename: str) -> bool:
        """Whether code compiled as `filename` is neither the tests', the harness's nor an
        installed library's.
        The standard library's own tests' helpers count as the task's: `test.support.ALWAYS_EQ`
        equals anything, and no task has a reason to hand one back."""
        return filename.startswith(STANDARD_TESTS) or not (
            filename in (GuardContext.tests_path, __file__)
            or filename.startswith(_library_roots or library_roots())
        )

    def false_equality(self, value: object, expected: object) -> str | None:
        """What `value` claims to equal that it cannot: "anything" (an object it knows nothing
        of, unittest.mock.ANY where the tests do not name it, a mock told to say yes) or "any
        list" (a value of the expected one's type that differs from it), from an `__eq__` of the
        task's own making, bare or wrapped (functools.partialmethod), or an odd one (a builtin
        function). Library types, C types and the tests' own matchers are not asked (a
        DataFrame compares elementwise, at a cost, and never says a plain yes)."""
        equals = getattr(type(value), "__eq__", None)
        any_type = mock_part("any_type")
        if any_type is not None and type(value) is any_type:
            return None if self.context.any_allowed else "anything"
        if is_mock(value):
            return "anything" if self.mock_equal_to_anything(value) else None
        if isinstance(equals, types.FunctionType):
            if not self.tasks_within(equals):
                return None
        elif equals is None or isinstance(equals, self.native_comparisons):
            return None  # a C type's own comparison (elementwise for numpy's)
        if issubclass(type(value), self.plain_containers) and isinstance(
            equals, types.FunctionType
        ):
            # Red team: a str of the task's own class, equal to any plain str without the
            # character the other values held; a value of a built-in type is equal by its own.
            base = next(kind for kind in self.plain_containers if issubclass(type(value), kind))
            return f"what its own {base.__name__} says"
        try:  # the task's own __eq__, or an odd one: operator.is_not, a partial, a wrapper
            # Asked as `assertEqual` asks (`if not first == second`): a truthy answer that is
            # not True ("yes {}".format) passes it too.
            with self.unmeasured():
                if self.says_yes(value == self.unrelated):
                    return "anything"
                # Yes to two values unlike each other: an honest object equals one at most
                # (a wrong answer may be the one drawn). Both bools, in an order drawn afresh:
                # shown the other one alone, an object knew the expected one (red team).
                drawn = (
                    [(True, False)[index] for index in self.in_any_order(2)]
                    if type(expected) is bool
                    else self.two_different(expected)
                )
                if drawn and all(self.says_yes(value == each) for each in drawn):
                    return f"any {type(expected).__name__}"
        except Exception:
            return None
        return None

    def mock_equal_to_anything(self, value: object) -> bool:
        """Whether a mock's `__eq__` was made to say yes (`m.__eq__.return_value = True`, a
        side effect, or a function of the task's), read from its configuration: comparing a
        mock would add the comparison to its `mock_calls`, which the tests may check. The
        `__eq__` is the first its classes hold, as Python finds it: each mock's own class holds
        none until configured, and a subclass of the task's above it may (red team: a
        `NonCallableMock` whose class said yes to all passed `assertEqual(result, 6)`)."""
        equals = None
        for cls in type.__dict__["__mro__"].__get__(type(value)):
            equals = type.__dict__["__dict__"].__get__(cls).get("__eq__")
            if equals is not None:
                break
        if equals is not None and is_mock(equals):  # MagicMock's, once used or configured
            if equals._mock_return_value is not mock_part("default"):
                return bool(equals._mock_return_value)
            effect = equals._mock_side_effect
            code = getattr(effect, "__code__", None)
            return code is not None and self.the_tasks(code.co_filename)
        if isinstance(equals, types.FunctionType):  # Mock's: the function given, wrapped
            return self.tasks_within(equals)
        return False

    def tasks_within(self, function: object, depth: int = 4) -> bool:
        """Whether `function` is the task's code, or wraps it: a library's function around it
        (functools.partialmethod's, a decorator's, unittest.mock's), through `__wrapped__`,
        `func`, `__func__` or the variables it closes over."""
        code = getattr(function, "__code__", None)
        if code is not None and self.the_tasks(code.co_filename):
            return True
        if depth == 0:
            return False
        inner = [getattr(function, name, None) for name in ("__wrapped__", "func", "__func__")]
        cells = getattr(function, "__closure__", None) or ()
        for cell in cells:
            with contextlib.suppress(ValueError):  # an empty cell
                inner.append(cell.cell_contents)
        return any(
            self.tasks_within(each, depth - 1)
            for each in inner
            if isinstance(each, self.wrappers) and each is not function
        )

    def different_from(self, expected: object, within: bool = False) -> object:
        """A value of the built-in type of `expected` that is not equal to it, or None. A
        list, tuple, set or dict of plain values keeps its length, each value changed: one of
        another length is unequal without asking its items, so a list of the task's objects
        that tell the stand-ins apart by their order was never asked to say no. What changes
        is drawn afresh, so that the value tells an object of the task's it is shown to little
        of the expected one (red team: shown one more than the expected number by the claims
        check, an object kept it elsewhere and said yes to it alone). A bool `within` a
        container is drawn afresh too (the container is changed elsewhere if not there)."""
        unrelated = self.unrelated
        if isinstance(expected, bool):
            return bool(self.urandom(1)[0] & 1) if within else not expected
        if isinstance(expected, int | float | complex):
            return self.moved(expected)
        if isinstance(expected, str | bytes):
            base: Any = str if isinstance(expected, str) else bytes
            text: Any = base.__getitem__(expected, slice(None))
            for _ in range(4):  # each ASCII letter and digit drawn afresh ("a" draws "a" back)
                drawn = self.drawn_like(text)
                if drawn != text:
                    return drawn
            # None to draw afresh ("!?"): one character replaced, where and by what drawn
            # afresh; an answer that told the other values by what they held (a NUL byte,
            # once) cannot (red team).
            where = int.from_bytes(self.urandom(4), "big") % (len(text) or 1)
            drawn = text[where : where + 1]
            while drawn == text[where : where + 1]:
                code = 33 + int.from_bytes(self.urandom(1), "big") % 94  # printable ASCII
                drawn = chr(code) if base is str else bytes([code])
            return text[:where] + drawn + text[where + 1 :]
        if type(expected) in (list, tuple, set, frozenset, dict) and expected:
            whole: Any = expected
            items = list(whole.values() if type(whole) is dict else whole)
            changed = [
                self.different_from(item, within=True) if self.plain_kind(type(item)) else None
                for item in items
            ]
            if all(item is not None for item in changed):
                varied = (
                    dict(zip(whole, changed, strict=True))
                    if type(whole) is dict
                    else type(whole)(changed)
                )
                if varied != whole:  # plain values on both sides: no task code asked
                    return varied
        if isinstance(expected, list | tuple | set | frozenset):
            return type(expected)([*expected, unrelated])
        if isinstance(expected, dict):
            return {**expected, unrelated: None}
        return None

    def moved(self, number: complex) -> object:
        """`number` (as Python's own number), moved by a step drawn afresh of between half and
        twice its size plus one, either way; infinity's other is minus infinity."""
        noise = int.from_bytes(self.urandom(8), "big")
        sign = 1 if noise & 1 else -1
        if isinstance(number, int):
            plain = int.__add__(number, 0)
            size = 2 * (abs(plain) + 1)
            return plain + sign * (1 + (noise >> 1) % size)
        kind: Any = float if isinstance(number, float) else complex
        plain_number = kind.__add__(number, 0)
        candidate = plain_number + sign * (abs(plain_number) + 1) * (
            0.5 + (noise >> 1) / 2**63 * 1.5
        )
        return candidate if candidate != plain_number else -plain_number or 1

    def two_different(self, expected: object) -> list[object]:
        """Two values of the type of `expected` that differ from it (`different_from`) and from
        each other, or fewer: an answer of the task's that says no to whatever follows the
        object it knows nothing of can deflect one of them, never both. Drawn unmeasured:
        `expected` may be the task's, and its `+` the task's code."""
        with self.unmeasured():
            first = self.different_from(expected)
            if first is None:
                return []
            # A character drawn back (["a"] to ["q"], then to ["a"] again), a number back near
            # (one draw in five or ten): drawn again.
            for _ in range(16):
                second = self.different_from(first)
                if second is None:
                    break
                if not self.plainly_equal(second, expected) and not self.back_near(
                    second, expected
                ):
                    return [first, second]
            return [first]  # infinity's other is minus infinity, and its other infinity

    def back_near(self, drawn: object, expected: object) -> bool:
        """Whether `drawn`, a number `moved` from a number moved from `expected`, came back
        nearer it than a step of `moved` goes (half its size plus one), told on the number
        `expected` is built on. An assertion within a tolerance found such a stand-in equal
        (`assertAlmostEqual(places=2)`, about once in 30,000 draws), an int of the task's the
        same int now and then: either way, the task's honest number was refused as equal to
        anything (`honest_money_whose_arithmetic_gives_money`, once in the hostile tests).
        Plain numbers only: no task code runs to tell."""
        plain = self.plain_number(expected)
        numbers = (int, float, complex)
        if type(drawn) not in numbers or type(plain) not in numbers:
            return False
        distance: Any = abs(drawn - plain)  # type: ignore[operator]
        return bool(distance < (abs(plain) + 1) / 2)  # type: ignore[arg-type]

    def plainly_equal(self, one: object, other: object) -> bool:
        """Whether two values equal, where both are plain or containers of plain values (no
        task code runs to tell); False for any other."""
        values: list[object] = [one, other]
        for value in (one, other):
            if type(value) in (list, tuple, set, frozenset):
                values += list(value)  # type: ignore[call-overload]
            elif type(value) is dict:
                values += [*value, *value.values()]
            elif not self.plain_kind(type(value)):
                return False
        return all(self.plain_kind(type(value)) for value in values[2:]) and one == other

    def other_members(self, container: object) -> list[object] | None:
        """Plain values none of which is in `container` (a list, tuple or set of plain
        values), one more than it holds: what an object of the task's searched for in it must
        not be found in (beside an object it knows nothing of, which it can tell by its type).
        All are plain, so asking whether one is in `container` runs no task code."""
        if type(container) not in (list, tuple, set, frozenset) or not container:
            return None
        items = list(container)  # type: ignore[call-overload]
        if not all(self.plain_kind(type(item)) for item in items):
            return None
        others: list[object] = []
        for item in [*items, items[-1]]:  # two at least: a liar deflects one
            candidate = self.different_from(item)
            for _ in range(len(items) + len(others) + 1):
                if candidate is None or (candidate not in items and candidate not in others):
                    break
                candidate = self.different_from(candidate)
            if candidate is not None and candidate not in items and candidate not in others:
                others.append(candidate)
        return others or None


REFUSED_REPLACEMENT = re.compile(
    r"cannot (?:set|delete) '(\w+)' attribute of immutable type '([\w.]+)'"
)


def refused_replacement(error: BaseException | None) -> str | None:
    """The tampering a TypeError stands for when it is a frozen class refusing a replacement
    (CPython's own wording): the attempt, which the audit hook cannot see."""
    match = REFUSED_REPLACEMENT.search(str(error)) if isinstance(error, TypeError) else None
    if match is None or match[2].rsplit(".", 1)[-1] not in _frozen_names:
        return None
    return f"tried to replace {match[2]}.{match[1]}"


_frozen_names: set[str] = set()
"""The names of every class frozen here, for `refused_replacement`."""


def guard_methods(cls: type) -> None:
    """Put a `MethodGuard` in `cls` for each function of its own (dunders aside: Python looks
    those up on the type alone). unittest's deprecated names (`assertEquals`) get the guard of
    the assertion they call: theirs would call its function, past the guard (red team:
    `check = self.assertEquals` passed an object equal to anything)."""
    own = dict(vars(cls))
    for name, value in own.items():
        if isinstance(value, types.FunctionType) and not (
            name.startswith("__") and name.endswith("__")
        ):
            target = DEPRECATED_ALIASES.get(name) if cls is unittest.TestCase else None
            if target is None:
                setattr(cls, name, MethodGuard(value, name))
            else:
                setattr(cls, name, MethodGuard(own[target], target))


LIBRARY_ASSERTIONS = (
    ("numpy", "testing"),
    ("pandas", "testing"),
    ("numpy.testing._private", "utils"),
    ("pandas._testing", "asserters"),
    ("numpy._core", "numeric"),
    ("numpy.core", "numeric"),
    ("pandas.core.dtypes", "missing"),
)
"""Libraries' assertion modules that tests call (np.testing.assert_array_equal,
pd.testing.assert_frame_equal), reached as the tests reach them, and those where the
assertions find their helpers (assert_frame_equal calls its module's assert_series_equal,
assert_allclose numpy's `isclose`, assert_series_equal pandas' `array_equivalent`)."""
LIBRARY_COMPARISONS = (
    "math.isclose",
    "cmath.isclose",
    "operator.eq",
    "numpy.allclose",
    "numpy.isclose",
    "numpy.array_equal",
    "numpy.array_equiv",
    "pandas.DataFrame.equals",
    "pandas.Series.equals",
    "pandas.Index.equals",
)
"""Comparisons tests wrap in assertTrue (`self.assertTrue(np.allclose(a, b))`, BigCodeBench's
habit), reached as the tests reach them: from the module, or the class, as the tests name it."""


MethodGuard.asking_code = MethodGuard.asked_as_unittest.__code__
MethodGuard.handing_code = MethodGuard.compare.__code__
RETURNED_GUARD = MethodGuard(
    cast(types.FunctionType, MethodGuard.returned_by_the_task), "returned_by_the_task"
)
"""The guard whose `returned_by_the_task` the tests' calls of the entry point go through."""


class LibraryAssertionGuard(tuple):  # type: ignore[type-arg]
    """What stands in a library's module for one of its assertions
    (`GUARDED_LIBRARY_ASSERTIONS`): (the original, a `MethodGuard` of it, the position of the
    first value compared), called as the original (`MethodGuard.ask_library`); frozen, like
    the guards."""

    __slots__ = ()

    def __call__(self, *args: Any, **kwargs: Any) -> None:
        self[1].ask_library(self[2], args, kwargs)


_library_guards: dict[tuple[str, str], LibraryAssertionGuard] = {}
"""The guards put in libraries' modules (a module is imported once a process)."""


_library_originals: dict[str, object] = {}
"""The libraries' comparisons (`LIBRARY_COMPARISONS`) as the warm worker found them loaded."""


def note_library_originals() -> None:
    """Keep the comparisons of the libraries the warm worker has loaded (the standard
    library's always): each run's check compares them by identity, which also sees one
    library's function put in place of another (`math.isclose = operator.is_not`)."""
    for module_name in ("math", "cmath", "operator"):
        importlib.import_module(module_name)
    for path in LIBRARY_COMPARISONS:
        module_name, *attributes = path.split(".")
        reached: object = sys.modules.get(module_name)
        for attribute in attributes:
            reached = getattr(reached, attribute, None)
        if reached is not None:
            _library_originals.setdefault(path, reached)
    # And every function of the assertions' modules (red team: `np.printoptions`, a library's
    # function that takes anything, put in place of numpy's assertions; `np.printoptions` in
    # place of the `assert_series_equal` that pandas' `assert_frame_equal` calls).
    for parent_name, child_name in LIBRARY_ASSERTIONS:
        parent = sys.modules.get(parent_name)
        child = vars(parent).get(child_name) if parent is not None else None
        if isinstance(child, types.ModuleType):
            for name, value in list(vars(child).items()):
                if type(value) is LibraryAssertionGuard:
                    value = value[0]
                if not name.startswith("__") and callable(value):
                    _library_originals.setdefault(f"{parent_name}.{child_name}.{name}", value)


def guard_library_assertions(load: bool = False) -> None:
    """Put a `LibraryAssertionGuard` in place of each assertion of
    `GUARDED_LIBRARY_ASSERTIONS` whose module is loaded (or, with `load`, can be, its library
    being loaded) and that is not guarded yet. A guard missing later is tampering
    (`foreign_library_functions`), and so is an assertion already replaced by task code."""
    if len(_library_guards) == len(GUARDED_LIBRARY_ASSERTIONS):
        return
    roots = _library_roots or library_roots()
    for module_name, name, first in GUARDED_LIBRARY_ASSERTIONS:
        if (module_name, name) in _library_guards:
            continue
        if load and module_name.partition(".")[0] in sys.modules:
            with contextlib.suppress(Exception):
                importlib.import_module(module_name)
        module = sys.modules.get(module_name)
        original = vars(module).get(name) if module is not None else None
        if isinstance(original, types.FunctionType) and not Machinery._foreign(original, roots):
            guard = LibraryAssertionGuard((original, MethodGuard(original, name), first))
            setattr(module, name, guard)
            _library_guards[module_name, name] = guard


# -- signal handlers -----------------------------------------------------------------------------

_signal_module = importlib.import_module("_signal")  # what `signal.signal` calls, in C
_import_machinery = importlib.import_module("_imp")


class FramelessHandler(tuple):  # type: ignore[type-arg]
    """(a handler,) installed after the harness loaded, called with None for the frame: Python
    hands a handler the running frame, whose `f_back` and `f_locals` (no audit event sees them)
    reach the running test's variables. Python documents that argument as "None or a frame
    object", so an honest handler (a timeout that raises) works the same. Frozen, like the
    guards."""

    __slots__ = ()

    def __call__(
        self,
        signal_number: int,
        frame: object,
        *,
        deferral: Deferral | None = None,
        own: object = None,
    ) -> object:
        """Called at once, but while the harness compares values (`Uninterrupted`): then once
        it is done. The harness's own (`own`: a test's CPU time limit) always at once."""
        assert deferral is not None
        if deferral.depth and self[0] is not own:
            deferral.calls.append((self[0], signal_number))
            return None
        return self[0](signal_number, None)


# Guards within the task's reach (`_signal`'s functions, `gc`'s, `_imp.create_builtin`) hold what
# they use as keyword defaults, never in globals or closure cells: `__globals__` and
# `__closure__` hand those out with no audit event (red team: `signal.signal.__wrapped__`'s
# closure held the original `_signal.signal`, whose handlers get the running frame, and
# `_imp.create_builtin`'s the original that makes a second `gc` module), and a global rebound
# there would blind the guard until the next audited event. Reading a harness function's
# defaults is tampering (`AuditWatch._on_defaults_read`).


def install_frameless_handler(
    signalnum: int,
    handler: object,
    /,
    *,
    install: Callable[[int, object], object] = _signal_module.signal,
    int_handler: object = _signal_module.default_int_handler,  # needs no frame: kept as it is
    frameless: type[FramelessHandler] = FramelessHandler,
    kind: type[type] = type,
    is_callable: Callable[[object], bool] = callable,
) -> object:
    """`_signal.signal` in a run: a handler is installed as a `FramelessHandler`, and the one
    it replaces is given back as it was installed."""
    if is_callable(handler) and handler is not int_handler:
        handler = frameless((handler[0] if kind(handler) is frameless else handler,))  # type: ignore[index]
    previous = install(signalnum, handler)
    return previous[0] if kind(previous) is frameless else previous  # type: ignore[index]


def installed_handler(
    signalnum: int,
    /,
    *,
    installed: Callable[[int], object] = _signal_module.getsignal,
    frameless: type[FramelessHandler] = FramelessHandler,
    kind: type[type] = type,
) -> object:
    """`_signal.getsignal` in a run: the handler as it was installed."""
    handler = installed(signalnum)
    return handler[0] if kind(handler) is frameless else handler  # type: ignore[index]


GUARDED_BUILTIN_MODULES = frozenset({"_signal", "gc", "_imp"})
"""Built-in modules whose functions the harness replaces: a second copy of one would have the
originals (a second `_imp`, the original `create_builtin`)."""


def create_builtin_unless_guarded(
    spec: Any,
    /,
    *,
    create: Callable[[Any], types.ModuleType] = _import_machinery.create_builtin,
    guarded: frozenset[str] = GUARDED_BUILTIN_MODULES,
    module_spec: type[importlib.machinery.ModuleSpec] = importlib.machinery.ModuleSpec,
    kind: type[type] = type,
    audit: Callable[..., None] = sys.audit,
    event: str = TAMPERING_EVENT,
    refused: type[ImportError] = ImportError,
) -> types.ModuleType:
    """`_imp.create_builtin` in a run: a second copy of a guarded module is refused, as
    tampering. The name is read once (a spec's `name` may answer differently each time it
    is read, a `str` of the task's may compare as it likes), and the module is made from a
    spec holding it alone."""
    name = spec.name
    if kind(name) is not str:
        reason = "made a built-in module from a spec whose name is not a str"
    elif name in guarded:
        reason = f"made a second {name} module (its functions are the ones the harness guards)"
    else:
        return create(module_spec(name, None, origin="built-in"))
    audit(event, reason)
    raise refused(f"curator's sandbox refused: {reason}")


def guard_signal_handlers() -> None:
    """Make every handler installed from now on a `FramelessHandler`, whichever way it is
    installed: `_signal.signal` (what `signal.signal` calls) and `signal.signal.__wrapped__`
    (the original, kept there by functools.wraps) wrap it, and they and `getsignal` give the
    handler itself back. A second `_signal` module, whose functions would be the originals,
    is refused as tampering. The machinery watches all these names (`machinery_extra`)."""
    for module, name, replacement in (
        (_signal_module, "signal", install_frameless_handler),
        (_signal_module, "getsignal", installed_handler),
        (_import_machinery, "create_builtin", create_builtin_unless_guarded),
    ):
        setattr(module, name, replacement)
    signal.signal.__wrapped__ = install_frameless_handler  # type: ignore[attr-defined]
    signal.getsignal.__wrapped__ = installed_handler  # type: ignore[attr-defined]


# -- the garbage collector -----------------------------------------------------------------------

SAVEALL_TAMPERING = (
    "asked the garbage collector to keep what it frees (gc.DEBUG_SAVEALL), frames that lead "
    "to the harness's own"
)


def set_debug_without_saveall(
    flags: int,
    /,
    *,
    set_debug: Callable[[int], None] = gc.set_debug,
    saveall: int = gc.DEBUG_SAVEALL,
    audit: Callable[..., None] = sys.audit,
    event: str = TAMPERING_EVENT,
) -> None:
    """`gc.set_debug` in a run: DEBUG_SAVEALL keeps whatever the collector frees in
    `gc.garbage`, a list read with no audit event, whose frames lead through `f_back` to the
    harness's channel (red team): refused, as tampering."""
    if flags & saveall:
        audit(event, SAVEALL_TAMPERING)
    set_debug(flags & ~saveall)


def drop_kept_garbage(
    phase: str,
    info: object,
    /,
    *,
    get_debug: Callable[[], int] = gc.get_debug,
    set_debug: Callable[[int], None] = gc.set_debug,
    saveall: int = gc.DEBUG_SAVEALL,
    garbage: list[object] = gc.garbage,
    audit: Callable[..., None] = sys.audit,
    event: str = TAMPERING_EVENT,
) -> None:
    """DEBUG_SAVEALL off and what it kept dropped, before the code that asked for it reads it,
    and reported: at each collection's end (a `gc.callbacks` entry), as a collection finalizes
    a `GarbageSentinel`, and whenever `guard_garbage` looks."""
    if get_debug() & saveall:
        set_debug(get_debug() & ~saveall)
        del garbage[:]
        audit(event, SAVEALL_TAMPERING)


class GarbageSentinel:
    """Garbage always waiting in the collector's youngest generation (a cycle of one): each
    collection finalizes it before it keeps or frees what it found, and so turns DEBUG_SAVEALL
    off however it was set, reports it, and leaves another for the next collection. Planted in
    each run (`run_harness`) and beside what `gc.freeze` freezes (`freeze_beside_a_sentinel`):
    the warm worker's were frozen with it."""

    __slots__ = ("cycle",)

    def __init__(self) -> None:
        self.cycle: object = self

    def __del__(
        self, *, drop: Callable[[str, object], None] = drop_kept_garbage, kind: type[type] = type
    ) -> None:
        drop("finalized", None)
        kind(self)()  # unreachable at once: the next collection finds it


def freeze_beside_a_sentinel(
    *, freeze: Callable[[], None] = gc.freeze, sentinel: type[GarbageSentinel] = GarbageSentinel
) -> None:
    """`gc.freeze` in a run: what it freezes the collector no longer examines, the waiting
    `GarbageSentinel` with it (red team: frozen, it let DEBUG_SAVEALL keep frames); another
    waits beside what was frozen."""
    freeze()
    sentinel()


def guard_garbage(
    *,
    drop: Callable[[str, object], None] = drop_kept_garbage,
    callbacks: list[Any] = gc.callbacks,
    audit: Callable[..., None] = sys.audit,
    event: str = TAMPERING_EVENT,
) -> None:
    """The garbage collector as the harness left it: DEBUG_SAVEALL off, with nothing kept, and
    `drop_kept_garbage` among its callbacks; each change is put back and reported. Checked at
    each audited event and each test's start and end."""
    drop("checked", None)
    for callback in callbacks:
        if callback is drop:
            return
    callbacks.append(drop)
    audit(event, "removed the harness's callback from gc.callbacks")


def shadowed_methods(test: object) -> list[str]:
    """The instance attributes of `test` named like a guarded method (ignored, but tried)."""
    mro = type(test).__mro__
    found = []
    for name in vars(test):
        owner = next((cls for cls in mro if name in vars(cls)), None)
        if owner is not None and isinstance(vars(owner)[name], MethodGuard):
            found.append(name)
    return found


# Compiled once in the warm worker: compiling it took each run 0.4 ms.
MENTIONS_ANY = re.compile(r"\bANY\b")


def start_guarding(
    tests_path: str, tests_source: str, declared: DeclaredTests, measurement: object
) -> None:
    """Give this run's guards their context (before any task code runs), then freeze it with
    nothing kept that could thaw it (each run is a process of its own)."""
    GuardContext.tests_path = tests_path
    GuardContext.measurement = measurement
    GuardContext.any_allowed = MENTIONS_ANY.search(tests_source) is not None
    GuardContext.tests_attributes = frozenset(declared.attributes)
    GuardContext.tests_numbers = tuple(written_numbers(declared.numbers))
    GuardContext.method_attributes = frozenset(declared.method_attributes)
    FrozenClasses([GuardContext]).freeze()


def written_numbers(written: set[str]) -> list[int | float]:
    """The numbers the tests write (`DeclaredTests.numbers`), each also negated, but zero."""
    numbers: list[int | float] = []
    for text in sorted(written)[:NUMBERS_LIMIT]:
        with contextlib.suppress(ValueError):
            number = int(text) if text.lstrip("-").isdigit() else float(text)
            if number:
                numbers += [number, -number]
    return numbers


_baselines: dict[tuple[str, ...], Machinery] = {}


def take_machinery_baseline(extra: list[tuple[str, object]]) -> None:
    """Snapshot the machinery once in the warm worker, before any task code exists: every run
    forked from it starts from this copy instead of fingerprinting all of unittest again (and
    inherits the code hashes it computed)."""
    _baselines[tuple(name for name, _ in extra)] = Machinery(extra)


# -- the audit hook ------------------------------------------------------------------------------


class RefusedInAFork(RuntimeError):
    """What a process the task forked gets for what is tampering in the harness's process
    (`AuditWatch._refused_in_child`): the audited operation fails."""


class AuditWatch:
    """What the audit hook saw while task code ran: tampering signs and runtime findings."""

    def __init__(self, scratch: str, protected_files: tuple[str, ...], program_file: str) -> None:
        self.active = False
        """Whether task code runs now (loading, a test, the examples): runtime findings count."""
        self.armed = False
        """Whether task code has run: from then on, the events that reach the test machinery
        (`_always`) are watched between tests too, while the harness decides and records each
        outcome: a library function it calls then may be one the task replaced."""
        self.tampering: list[str] = []
        self.findings: dict[str, list[str]] = {}
        self.forks = 0
        self.test_network: list[str] = []
        """The running test's attempts to reach beyond the loopback (reset as each starts)."""
        self.bound_sockets = False
        """Whether task code bound a socket: a port can stay taken after the run (TIME_WAIT)."""
        self.on_finding: Callable[[], None] | None = None
        """Called as each new finding is noted: the docstring examples report theirs at once,
        so that examples the time limit or a crash cuts short cannot take them along."""
        self.on_child: Callable[[], None] | None = None
        """Called once in a forked child, at its first audited event: the channel's `disarm`,
        for a fork that ran no at-fork handler (libc's, through ctypes)."""
        self.on_tamper: Callable[[str], None] | None = None
        """Called with each new tampering reason as it is noted: held until the test's end, it
        was lost to a program that forged the rest of the records and left (`os._exit`) first
        (red team)."""
        self._scratch = scratch.rstrip("/") + "/"
        self._protected_files = protected_files
        self._program_file = program_file
        self._getpid = os.getpid  # bound now: task code can replace os.getpid for a moment
        self._getframe = sys._getframe
        self._own_frame_readers = frozenset(
            {
                made_skip.__code__,
                entered_test.__code__,
                started_by_the_tests.__code__,
                MethodGuard.handed_on_within_a_question.__code__,
            }
        )
        """The harness's code that reads who called it (`made_skip`, `entered_test`): the
        frames it takes leave it with none of the task's in hand. (Python 3.10 audits
        `sys._getframe` with the frame that calls it, whatever depth it is asked for.)"""
        self._library_roots = _library_roots or library_roots()
        self.tests_functions: frozenset[object] = frozenset()
        """The functions of the tests' classes (`watch_tests_functions`)."""
        self.tests_watched = True
        """Whether setting a trace or profile function (or a `sys.monitoring` callback), or the
        task's code taking a stack frame, is tampering: until the examples run."""
        self.in_test = False
        """Whether a test runs now (from its start to its end): what the program does to
        itself as it loads is the mutants' business (`non-viable`), not a finding."""
        self._handling = threading.local()
        self.coverage_root = "|"
        """coverage.py's folder, set as the run imports it, before any task code (task code
        can put a module of its own under that name); no file begins with "|"."""
        self._write, self._read = os.write, os.read

    def install(self) -> None:
        # The processes task code forks note their findings here (`_note`), and the harness's
        # process reads them (`children_findings`): the pipe outlives no exec (close-on-exec).
        # Made now, with the harness's process's pid: a watch made ahead (`run_watches`) is
        # made before the run's other descriptors close, and by the process that forks a
        # batch's variants.
        self._pid = os.getpid()
        self._children_r, self._children_w = os.pipe()
        os.set_blocking(self._children_r, False)
        os.set_blocking(self._children_w, False)
        sys.addaudithook(self._hook)

    def _note(self, code: str, example: str) -> None:
        example = TEMPORARY_NAME.sub("tmpXXXXXXXX", example)
        examples = self.findings.setdefault(code, [])
        if example not in examples and len(examples) < EXAMPLES_PER_FINDING:
            examples.append(example)
            if self._getpid() != self._pid:  # a forked child: told to the harness's process
                line = f"{code}\t{example}".replace("\n", " ")[: CHILD_LINE_BYTES - 1] + "\n"
                with contextlib.suppress(OSError):  # full, or closed by task code: not told
                    self._write(self._children_w, line.encode(errors="replace"))
            elif self.on_finding is not None:
                self.on_finding()

    def note_load_thread(self, name: str) -> None:
        self._note("load_thread", f"thread {name!r}")

    def children_findings(self) -> None:
        """Take in what forked children noted (`_note`): task code's processes do what its
        own does, where the hook watches them as well."""
        received = b""
        while True:
            try:
                chunk = self._read(self._children_r, 65536)
            except OSError:  # nothing more now, or closed by task code
                break
            if not chunk:
                break
            received += chunk
        for line in received.decode(errors="replace").splitlines():
            code, _, example = line.partition("\t")
            if code in CHILD_FINDINGS:
                self._note(code, example)

    def tamper(self, reason: str) -> None:
        if self._getpid() != self._pid:  # a forked child: the operation fails instead
            raise RefusedInAFork(f"curator: refused in a process the task forked: it {reason}")
        if reason not in self.tampering and len(self.tampering) < 20:
            self.tampering.append(reason)
            if self.on_tamper is not None:
                self.on_tamper(reason)

    def _hook(self, event: str, args: tuple[Any, ...]) -> None:
        """Dispatch an audited event to its handler.

        A handler may run task code (an argument's `__str__` or `__fspath__`, a library
        function the task replaced for a moment): such code is watched as any other, and only
        the events the harness's own code raises as it handles one (its reads of frames and
        code are audited) are passed over. A handler that fails while the tests are watched
        was made to (tampering); one that runs out of stack or memory makes the audited
        operation fail rather than go unseen (task code can recurse to within a frame of the
        limit before taking a frame)."""
        if self._getpid() != self._pid:
            if self.on_child is not None:
                disarm, self.on_child = self.on_child, None
                disarm()
            if self.active and event in self._child_events:
                self._in_child(event, args)
            elif self.armed and event in self._always:
                self._refused_in_child(event, args)
            return
        if event == TAMPERING_EVENT:
            self.tamper(args[0] if args and type(args[0]) is str else "forged a tampering report")
            return
        if self.active:
            guard_garbage()
        handler = self._handlers.get(event)
        if handler is None or not (self.active or (self.armed and event in self._always)):
            return
        state = self._handling
        if getattr(state, "checking", False):
            return  # the look at who raised a nested event (`_raised_by_the_harness`)
        depth = getattr(state, "depth", 0)
        if depth and (
            (args and args[0] is getattr(state, "reading", None)) or self._raised_by_the_harness()
        ):
            return
        state.depth = depth + 1
        try:
            handler(self, event, args)
        except (RecursionError, MemoryError):
            raise
        except Exception as error:
            if self.tests_watched:
                self.tamper(f"made the audit hook fail on {event} ({type(error).__name__})")
        finally:
            state.depth = depth

    def _raised_by_the_harness(self) -> bool:
        """Whether the event under way, raised while a handler runs, comes from the harness's
        own code rather than from code the handler called."""
        state = self._handling
        state.checking = True
        try:
            # 0: this method, 1: the hook, 2: the code that raised the event
            return self._getframe(2).f_code.co_filename == __file__
        finally:
            state.checking = False

    def _path(self, value: object) -> str | None:
        if not isinstance(value, str | bytes | os.PathLike):
            return None
        path = _fsdecode(_fspath(value))
        return _normpath(_join(_getcwd(), path))

    def _outside_scratch(self, path: str) -> bool:
        return not (
            (path + "/").startswith(self._scratch)
            or (path + "/").startswith(SCRATCH_PREFIXES)  # the folder too: O_TMPFILE
            or path in HARMLESS_WRITE_PATHS
        )

    def _on_open(self, event: str, args: tuple[Any, ...]) -> None:
        path = self._path(args[0])
        if path is None:
            return
        if OWN_DESCRIPTORS.match(path):
            self.tamper(f"opened {path}")
            return
        mode, flags = args[1], args[2] if len(args) > 2 else 0
        writes = (
            any(letter in mode for letter in "wax+")
            if isinstance(mode, str)
            else bool(flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND))
        )
        if writes and self._outside_scratch(path):
            self._note("write_outside", f"open {path} for writing")

    def _on_listing(self, event: str, args: tuple[Any, ...]) -> None:
        path = self._path(args[0]) if args else None
        if path is not None and OWN_DESCRIPTORS.match(path):
            self.tamper(f"listed {path}")

    def _on_file_change(self, event: str, args: tuple[Any, ...]) -> None:
        count = 2 if event in ("os.rename", "os.link", "os.symlink") else 1
        for value in args[:count]:
            path = self._path(value)
            if path is not None and self._outside_scratch(path):
                self._note("write_outside", f"{event} {path}")

    def _on_signal(self, event: str, args: tuple[Any, ...]) -> None:
        target, signal_number = int(args[0]), int(args[1])
        if event == "os.killpg":
            if target != _getpgrp():
                self._note("signal", f"signal {signal_number} to process group {target}")
        elif target <= 0 or target == 1 or target == _getppid():
            what = {0: "its own process group", -1: "every process it may signal"}.get(
                target, "the run's supervisor" if target > 0 else f"process group {-target}"
            )
            self._note("signal", f"signal {signal_number} to {what} (pid {target})")

    def _on_network(self, event: str, args: tuple[Any, ...]) -> None:
        address = args[1] if event in ("socket.connect", "socket.sendto") else args[0]
        if event in ("socket.connect", "socket.sendto") and isinstance(address, str | bytes):
            # A unix socket's path: in the scratch, the run's own (multiprocessing's fork
            # server listens there); anywhere else, an attempt to reach a socket of the host's.
            path = self._path(address)
            if path is not None and not self._outside_scratch(path):
                return
        if isinstance(address, tuple):
            address = address[0]
        if isinstance(address, bytes):
            address = address.decode("utf-8", "replace")
        if address is None or str(address) in LOOPBACK_HOSTS or str(address).startswith("127."):
            return
        example = f"{event} {address}"
        self._note("network", example)
        if example not in self.test_network and len(self.test_network) < EXAMPLES_PER_FINDING:
            self.test_network.append(example)

    def _on_bind(self, event: str, args: tuple[Any, ...]) -> None:
        self.bound_sockets = True

    def _on_spawn(self, event: str, args: tuple[Any, ...]) -> None:
        if event == "os.fork":
            self.forks += 1
            if self.forks == FORK_FINDING_COUNT and self.on_finding is not None:
                self.on_finding()
            return
        command = args[1] if event == "subprocess.Popen" else args[0]
        if isinstance(command, list | tuple):
            command = " ".join(map(str, command))
        self._note("subprocess", f"{event}: {str(command)[:120]}")

    def _on_forger_tool(self, event: str, args: tuple[Any, ...]) -> None:
        if event == "object.__setattr__" and args[1] == "__class__":
            # A mock made into an object of another class: the tests' `m.assert_*()` then
            # went to that class's no-op (red team).
            mock = mock_part("noncallable")
            if (
                is_mock(args[0])
                and isinstance(args[2], type)
                and not is_among(mock, type.__dict__["__mro__"].__get__(args[2]))
            ):
                self.tamper("changed the class of a mock to one that is not a mock")
            return
        if event == "object.__setattr__":
            # Only code the outcome depends on: asyncio's @types.coroutine assigns `__code__`;
            # unittest.mock gives the functions it makes the defaults of what they stand for.
            code = getattr(args[0], "__code__", None) if args[1] in REPLACEABLE else None
            if (
                code is not None
                and (self._protected(code.co_filename) or code.co_filename in MACHINERY_FILES)
                and (args[1] == "__code__" or not self._called_by_a_library())
            ):
                name = getattr(args[0], "__qualname__", args[0])
                self.tamper(f"replaced the {REPLACEABLE[args[1]]} of {name!r}")
        elif not self._called_by_a_library():
            self.tamper(f"called {event}")

    def _on_compile(self, event: str, args: tuple[Any, ...]) -> None:
        """Code the task compiles (or renames: `code.replace(co_filename=...)`) under the name of
        an installed library's file, or of the harness's, the tests' or unittest's, would pass
        for theirs: the frame rules trust what they run. Under the program's own name, coverage
        counts it as the program's: dummy branches on the lines the tests missed made 25% read
        100%. The name alone settles it; only then is the caller looked for."""
        filename = args[1] if len(args) > 1 else None
        if type(filename) is str and (
            filename.startswith(self._library_roots)
            or self._protected(filename)
            or filename == self._program_file
        ):
            where = self._task_site(self._caller_frame())
            if where is not None:
                self.tamper(f"compiled code under the name of {filename} ({where})")

    def _on_foreign_function(self, event: str, args: tuple[Any, ...]) -> None:
        """Python's own C functions, looked up by name through ctypes, reach what no audit
        event covers (`ctypes.pythonapi.PyEval_GetFrame` hands back the running frame), and
        C's memory copies (`MEMORY_WRITERS`) write it (the flags that freeze the harness's
        classes). Task code that looks one up is after the harness; a library's use is its
        own. (ctypes' own `memmove` and `cast` are made as it loads: their calls raise no
        event, a residual risk.)"""
        name = args[1] if len(args) > 1 else None
        if type(name) is str and (name.startswith(("Py", "_Py")) or name in MEMORY_WRITERS):
            where = self._task_site(self._caller_frame(CTYPES_LOOKUPS))
            if where is not None:
                what = "Python's C function" if name.startswith(("Py", "_Py")) else "C function"
                self.tamper(f"looked up {what} {name} ({where})")

    def _on_attribute_read(self, event: str, args: tuple[Any, ...]) -> None:
        if args[1] == "__code__":
            self._on_code_read(args[0])
        elif args[1] in FRAME_ATTRIBUTES:
            self._on_frame_taken(event, args)
        elif args[1] in ("__defaults__", "__kwdefaults__"):
            self._on_defaults_read(args[0], args[1])

    def _on_defaults_read(self, function: object, name: str) -> None:
        """The harness keeps a few of its means as its functions' defaults (the run's result,
        the SkipTests the tests made): the task's code reading one of the harness's tampers."""
        code = getattr(function, "__code__", None)
        if type(code) is CODE_TYPE and code.co_filename == __file__:
            where = self._task_site(self._caller_frame())
            if where is not None:
                self.tamper(f"read the {name} of the harness's {code.co_name} ({where})")

    def _on_code_read(self, function: object) -> None:
        """The tests' methods hold their expected answers as constants (`co_consts`, what
        `dis` shows): the task's code reading one reads them, as reading the tests' file would
        (`cheat_read_tests`). A function the tests hand the task (a lambda) is the task's to
        inspect."""
        if not self.tests_watched:
            return
        if function in self.tests_functions:
            where = self._task_site(self._caller_frame(CODE_HELPERS))
            if where is not None:
                name = getattr(function, "__qualname__", "?")
                self.tamper(
                    f"read the code of the tests' {name} ({where}), which holds their answers"
                )
            return
        # As it loads too: a decorator of the task's that hashed the function's code let the
        # reference and the bytecode control pass and failed every mutant (red team).
        code = getattr(function, "__code__", None)
        if type(code) is CODE_TYPE and code.co_filename == self._program_file:
            where = self._task_site(self._caller_frame(CODE_HELPERS))
            if where is not None:
                self._note("reads_own_code", f"{code.co_name} ({where})")

    def _on_frame_taken(self, event: str, args: tuple[Any, ...]) -> None:
        """A stack frame in the hands of the task's code reaches the running test's variables
        (its expected answer) through `f_back` and `f_locals`, which no audit event covers.
        Anyone taking a frame of the tests, harness or unittest tampers; while the tests run,
        so does the task's code taking any frame: itself, in code it compiles, or through the
        standard library's helpers that hand one to their caller (FRAME_HELPERS). The frames
        libraries take for themselves (logging, pandas' warnings) are theirs."""
        reason = None
        if event == "sys._getframe" and args and self._protected(args[0].f_code.co_filename):
            if not self._taken_by_its_callee(args[0]):
                reason = "took a stack frame of the tests, the harness or unittest"
        elif self.tests_watched:
            requester = self._caller_frame(FRAME_HELPERS)
            if event == "sys._getframe":  # a walk up the stack, past the task's frame
                requester = self._captor_of_locals(requester) or requester
            where = self._task_site(requester)
            if where is not None:
                what = event if event == "sys._getframe" else args[1]
                reason = f"took a stack frame ({what}, {where}), which reaches the tests' variables"
        # Asked only then, off the path of every library's frame: the harness's own look at who
        # called it. 0: this method, 1: the hook, 2: the code that took the frame.
        if reason is not None and self._getframe(2).f_code not in self._own_frame_readers:
            self.tamper(reason)

    def _taken_by_its_callee(self, taken: types.FrameType) -> bool:
        """Whether a frame of the tests' (or unittest's) was taken by code they called, with
        no code of the task's in between: `collections.namedtuple` and `enum.Enum` read their
        caller's module name so (`sys._getframe(1)`), for tests that define one. Code of the
        task's on the way up, or a frame not on the way up at all, is a frame handed to it."""
        frame = self._caller_frame()
        while frame is not None and frame is not taken:
            if self._task_code(frame.f_code.co_filename):
                return False
            frame = frame.f_back
        return frame is taken

    @staticmethod
    def _captor_of_locals(frame: types.FrameType | None) -> types.FrameType | None:
        """Who asked traceback for the stack with its locals (`StackSummary.extract(...,
        capture_locals=True)`): their text holds the tests' variables, so traceback took the
        frames on its caller's behalf. None if `frame` is not such a traceback frame. (An
        exception's traceback with its locals holds only frames below the catching one.)"""
        captures = False
        while frame is not None and frame.f_code.co_filename == TRACEBACK_FILE:
            captures = captures or bool(frame.f_locals.get("capture_locals"))
            frame = frame.f_back
        return frame if captures else None

    def _task_site(self, frame: types.FrameType | None) -> str | None:
        """Where in the task's code `frame` is ("task.py:22"); None for anyone else's frame."""
        if frame is None or not self._task_code(frame.f_code.co_filename):
            return None
        return f"{os.path.basename(frame.f_code.co_filename)}:{frame.f_lineno}"

    def _task_code(self, filename: str) -> bool:
        """Code the task controls: neither installed (a library or the standard library,
        frozen or not) nor the tests', unittest's or the harness's."""
        return not (
            self._protected(filename)
            or filename.startswith(self._library_roots)
            or filename.startswith("<frozen ")
        )

    def _on_tracer(self, event: str, args: tuple[Any, ...]) -> None:
        """A trace or profile function sees every frame, the tests' and unittest's too, and
        what it writes to a frame's locals is written back: it can make `assertEqual(1, 2)`
        compare 2 with 2, or set a test's `result` to what the test expects. During the tests
        only coverage.py traces the run, itself or through threading, which starts each new
        thread with the hook coverage gave it, and nothing profiles it. Whoever else sets one
        (the task, or a debugger or profiler of the standard library on its behalf) tampers.
        So does a callback of `sys.monitoring` (Python 3.12 on): a call's callback is handed
        its first argument, and can change the list a test is about to compare."""
        if not self.tests_watched:
            return
        caller = self._caller_file()
        if event != "sys.setprofile" and (
            caller.startswith(self.coverage_root)
            or (
                event == "sys.settrace"
                and caller == THREADING_FILE
                and self._coverage_code(_threading_gettrace())
            )
        ):
            return
        what = {"sys.settrace": "a trace function", "sys.setprofile": "a profile function"}.get(
            event, "a sys.monitoring callback"
        )
        self.tamper(f"set {what} (from {os.path.basename(caller) or 'no Python code'})")

    def _coverage_code(self, function: object) -> bool:
        """Whether `function` (a bound method, or a plain function) is coverage.py's code."""
        code = getattr(getattr(function, "__func__", function), "__code__", None)
        return code is not None and code.co_filename.startswith(self.coverage_root)

    def _caller_frame(
        self, helpers: frozenset[tuple[str, str]] = frozenset()
    ) -> types.FrameType | None:
        """The Python code that made the audited call: the first frame that is neither the
        harness's nor one of `helpers` (file, function: those act for their caller)."""
        try:
            raise RuntimeError  # the traceback gives this frame
        except RuntimeError as error:
            trace = error.__traceback__
        self._handling.reading = trace  # its `tb_frame` read is audited: known as ours
        frame = trace.tb_frame if trace is not None else None
        self._handling.reading = None
        # The traceback holds this frame, which held it: a cycle left for the collector, which
        # DEBUG_SAVEALL would hand to the task, frames leading up to the harness's (red team).
        trace = None
        while frame is not None and (
            frame.f_code.co_filename == __file__
            or (frame.f_code.co_filename, frame.f_code.co_name) in helpers
        ):
            frame = frame.f_back
        return frame

    def _caller_file(self) -> str:
        """The file of the Python code that made the audited call (`_caller_frame`)."""
        frame = self._caller_frame()
        return frame.f_code.co_filename if frame is not None else ""

    def _called_by_a_library(self) -> bool:
        """Whether the Python code that made the audited call is installed code (or the
        sandbox's own, as it freezes the tests' classes between tests). Libraries use
        the garbage collector's lists and ctypes' reads by address for their own ends (librosa's
        audio backends, memory-size helpers); task code that does is after the harness. Task
        code could get a library to do it on its behalf: a residual risk, like the frame walks
        no audit event sees. (Code of its own compiled under a library's file name is
        tampering: `_on_compile`.)"""
        caller = self._caller_file()
        return bool(caller) and (caller.startswith(self._library_roots) or self._protected(caller))

    _handlers: ClassVar[dict[str, Callable[[AuditWatch, str, tuple[Any, ...]], None]]] = {
        "open": _on_open,
        "os.listdir": _on_listing,
        "os.scandir": _on_listing,
        "os.remove": _on_file_change,
        "os.rmdir": _on_file_change,
        "os.rename": _on_file_change,
        "os.mkdir": _on_file_change,
        "os.truncate": _on_file_change,
        "os.chmod": _on_file_change,
        "os.link": _on_file_change,
        "os.symlink": _on_file_change,
        "shutil.rmtree": _on_file_change,
        "os.kill": _on_signal,
        "os.killpg": _on_signal,
        "socket.connect": _on_network,
        "socket.sendto": _on_network,
        "socket.getaddrinfo": _on_network,
        "socket.gethostbyname": _on_network,
        "socket.gethostbyaddr": _on_network,
        "socket.bind": _on_bind,
        "os.fork": _on_spawn,
        "subprocess.Popen": _on_spawn,
        "os.system": _on_spawn,
        "os.exec": _on_spawn,
        "os.posix_spawn": _on_spawn,
        "os.spawn": _on_spawn,
        "code.__new__": _on_compile,
        "object.__setattr__": _on_forger_tool,
        "sys._getframe": _on_frame_taken,
        "object.__getattr__": _on_attribute_read,
        "sys.settrace": _on_tracer,
        "sys.setprofile": _on_tracer,
        "sys.monitoring.register_callback": _on_tracer,
        "sys._current_frames": _on_forger_tool,
        "sys.addaudithook": _on_forger_tool,  # a hook is handed the frame sys._getframe returns
        "gc.get_objects": _on_forger_tool,
        "gc.get_referrers": _on_forger_tool,
        "gc.get_referents": _on_forger_tool,
        "ctypes.string_at": _on_forger_tool,
        "ctypes.wstring_at": _on_forger_tool,
        "ctypes.cdata": _on_forger_tool,
        "ctypes.dlsym": _on_foreign_function,
        "ctypes.dlsym/handle": _on_foreign_function,
        "compile": _on_compile,
    }

    _child_events: ClassVar[frozenset[str]] = frozenset(
        {
            *("open", "os.remove", "os.rmdir", "os.rename", "os.mkdir", "os.truncate"),
            *("os.chmod", "os.link", "os.symlink", "shutil.rmtree", "os.kill", "os.killpg"),
            *("socket.connect", "socket.sendto", "socket.getaddrinfo", "socket.gethostbyname"),
            *("socket.gethostbyaddr", "subprocess.Popen", "os.system", "os.exec"),
            *("os.posix_spawn", "os.spawn"),
        }
    )
    """What a forked child's hook notes: the runtime findings' events."""

    _always: ClassVar[frozenset[str]] = frozenset(_handlers) - {
        # what the task's code does to the system: its own runtime findings
        *("open", "os.listdir", "os.scandir", "os.remove", "os.rmdir", "os.rename"),
        *("os.mkdir", "os.truncate", "os.chmod", "os.link", "os.symlink", "shutil.rmtree"),
        *("os.kill", "os.killpg", "socket.connect", "socket.sendto", "socket.getaddrinfo"),
        *("socket.gethostbyname", "socket.gethostbyaddr", "socket.bind", "os.fork"),
        *("subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn"),
    }
    """The events that reach the test machinery (frames, code, tracers, the forgers' tools)."""

    def _protected(self, filename: str) -> bool:
        return filename in self._protected_files or "/unittest/" in filename

    def watch_tests_functions(self, classes: list[type]) -> None:
        """Compared by identity as their code is read: no read of `__code__` of its own."""
        self.tests_functions = frozenset(
            function
            for cls in classes
            for value in vars(cls).values()
            if isinstance(function := getattr(value, "__func__", value), types.FunctionType)
        )

    def begin_examples(self) -> None:
        """Start a new list of findings (those of the docstring examples, after the tests'), and
        stop watching trace functions: doctest's runner sets back the one it found, and no
        test's outcome is decided any more."""
        self.findings = {}
        self.forks = 0
        self.tests_watched = False

    def _in_child(self, event: str, args: tuple[Any, ...]) -> None:
        """In a process task code forked: note what it does to the system, as the harness's
        process would (an event the handler raises as it handles one is passed over)."""
        state = self._handling
        if getattr(state, "depth", 0):
            return
        state.depth = 1
        try:
            self._handlers[event](self, event, args)
        except RefusedInAFork:  # what is tampering (a read of /proc/self/mem: red team)
            raise
        except Exception:  # a child's handler that fails notes nothing more
            pass
        finally:
            state.depth = 0

    def _refused_in_child(self, event: str, args: tuple[Any, ...]) -> None:
        """In a process task code forked: what would be tampering in the harness's process
        fails (`tamper` raises `RefusedInAFork`), as no report of the child's could be trusted
        to arrive (it can close the pipe its findings go through). Red team: a fork read the
        tests' code and ran it with a stand-in test and task to learn their expected answers,
        and handed them to its parent, which returned them."""
        state = self._handling
        if getattr(state, "depth", 0):
            return
        state.depth = 1
        try:
            self._handlers[event](self, event, args)
        except (RefusedInAFork, RecursionError, MemoryError):
            raise
        except Exception as error:
            if self.tests_watched:
                self.tamper(f"made the audit hook fail on {event} ({type(error).__name__})")
        finally:
            state.depth = 0

    def runtime_findings(self) -> list[dict[str, str]]:
        self.children_findings()
        findings = []
        messages = {
            "write_outside": "wrote or tried to write outside its scratch directory",
            "signal": "sent signals to processes outside the run",
            "network": "tried to reach the network",
            "subprocess": "started other programs",
            "load_thread": "left threads running as it loaded, whose coverage counted as the "
            "tests'",
            "reads_own_code": "read the code of its own functions, so that any change to it "
            "can fail the tests (its mutants fail for that alone)",
        }
        # Sorted: threads make the same attempts in another order from run to run
        # (BigCodeBench/147 connects to three addresses at once), and a report must not change.
        for code, examples in self.findings.items():
            listed = "; ".join(sorted(examples))
            findings.append({"code": code, "message": f"{messages[code]}: {listed}"})
        if self.forks >= FORK_FINDING_COUNT:
            findings.append(
                {"code": "processes", "message": f"forked {self.forks} processes in one run"}
            )
        return findings


# -- the result object -----------------------------------------------------------------------


def made_skip(
    skip: BaseException,
    /,
    *args: object,
    made_by_the_tests: list[BaseException] | None = None,
    init: Callable[..., None] = Exception.__init__,
    getframe: Callable[[int], types.FrameType] = sys._getframe,
    skip_test_code: types.CodeType = SKIP_TEST_CODE,
    context: type[GuardContext] = GuardContext,
) -> None:
    """`unittest.SkipTest.__init__` in a run: a SkipTest that the tests' code makes (`raise
    SkipTest(...)`, or a call of `skipTest` from their file) is put in `made_by_the_tests`
    (given by `warm_up`, as `HarnessResult.addSkip`'s default), where no other code reaches:
    the frame that makes it, unlike a traceback (`tb_next` is written with no audit event),
    cannot be made up."""
    init(skip, *args)
    maker = getframe(1).f_code
    if maker is skip_test_code:
        maker = getframe(2).f_code
    if made_by_the_tests is not None and maker.co_filename == context.tests_path:
        made_by_the_tests.append(skip)


class HarnessResult:
    """A unittest result with fixed slots, which only the harness's own functions reach: unittest
    holds a `ResultFront`, which hands each call on to it.

    Each test's outcome is decided here from what unittest reports, against what the tests
    declare and how the test method itself ended (`TestMethodExit`, `SubTestRecord`);
    `on_end` and `on_fixture` receive the decisions.
    """

    __slots__ = (
        "_began",
        "_declared",
        "_depth",
        "_entered",
        "_entries",
        "_exited",
        "_failed_within",
        "_on_end",
        "_on_fixture",
        "_on_start",
        "_reports",
        "_running",
        "_test_case_class",
        "_tests_file",
    )

    def __init__(
        self,
        declared: DeclaredTests,
        on_start: Callable[[str], None],
        on_end: Callable[[str, dict[str, object]], None],
        on_fixture: Callable[[str, str, tuple[Any, ...] | None, str | None], None],
        test_case_class: type[unittest.TestCase],
        tests_file: str,
        entries: frozenset[str] = frozenset(),
    ) -> None:
        self._declared = declared
        self._entries = entries
        """The tests whose method enters itself (`carries_entry`): they pass only by its end."""
        self._reports: dict[str, list[tuple[str, object]]] = {}
        self._running: object = None
        """The test unittest runs now (`entered_test`)."""
        self._entered: str | None = None
        """The test method it entered (`entered_test`)."""
        self._depth = 0
        """Test methods entered and not yet ended: the one unittest runs, and those it calls."""
        self._exited: str | None = None
        """How the entered test method ended: "" (it returned), "skip" (a SkipTest the tests
        made) or the name of what it raised (`TestMethodExit`); None until it ends."""
        self._failed_within: str | None = None
        """What a subTest of the running test caught first, by name (`SubTestRecord`)."""
        self._began: dict[str, float] = {}
        self._on_start = on_start
        self._on_end = on_end
        self._on_fixture = on_fixture
        self._test_case_class = test_case_class
        self._tests_file = tests_file

    def _name(self, test: Any) -> str | None:
        return str(test._testMethodName) if isinstance(test, self._test_case_class) else None

    def _report(self, test: Any, kind: str, detail: object = None) -> None:
        name = self._name(test)
        if name is None:  # a class or module fixture (unittest's _ErrorHolder)
            error = detail if isinstance(detail, tuple) else None
            reason = detail if isinstance(detail, str) else None
            self._on_fixture(str(test), kind, error, reason)
            return
        self._reports.setdefault(name, []).append((kind, detail))

    def startTest(self, test: Any, /, *, audit: Callable[..., None] = sys.audit) -> None:
        guard_garbage()
        name = self._name(test)
        if self._running is not None or (name is not None and name in self._began):
            audit(TAMPERING_EVENT, f"started the test {name or test} again, or inside another")
            return
        self._running, self._entered, self._depth = test, None, 0
        self._exited = self._failed_within = None
        if name is not None:
            self._reports[name] = []
            self._began[name] = CLOCK()
            self._on_start(name)

    def stopTest(self, test: Any, /, *, audit: Callable[..., None] = sys.audit) -> None:
        guard_garbage()
        name = self._name(test)
        if test is not self._running and (self._running is not None or name in self._began):
            audit(TAMPERING_EVENT, f"stopped the test {name or test}, which unittest does not run")
            return
        self._running = None
        if name is not None:
            if name not in self._began:
                # Python 3.12.0 and 3.12.1 skip startTest for a test skipped by decorator
                # (CPython gh-113267): started here, with its skip kept, not out of order.
                self._began[name] = CLOCK()
                self._on_start(name)
            shadows = shadowed_methods(test)
            event = self.decide(name)
            if shadows:  # ignored (the guard comes first), but an attempt all the same
                event = tampered(f"shadowed {', '.join(shadows)} of the running test")
            event["duration_s"] = CLOCK() - self._began.get(name, CLOCK())
            self._on_end(name, event)

    def addSuccess(self, test: Any) -> None:
        self._report(test, "pass")

    def addFailure(self, test: Any, err: tuple[Any, ...]) -> None:
        self._report(test, "fail", err)

    def addError(self, test: Any, err: tuple[Any, ...]) -> None:
        self._report(test, "error", err)

    def addSubTest(self, test: Any, subtest: Any, err: tuple[Any, ...] | None) -> None:
        if err is not None:
            failed = issubclass(err[0], test.failureException)
            self._report(test, "fail" if failed else "error", err)

    def addSkip(
        self,
        test: Any,
        reason: str,
        /,
        *,
        made_by_the_tests: list[BaseException] | None = None,
        exc_info: Callable[[], tuple[Any, ...]] = sys.exc_info,
    ) -> None:
        """A skip counts where the tests' own code made the SkipTest (`made_skip`: `raise
        SkipTest`, or a call of `skipTest` from their file); any other is an error of the test.
        A test whose class declares a skip (an optional dependency's guard in setUp) may skip,
        and a program passed by raising that SkipTest wherever its answer was wrong, directly,
        as the `__eq__` of what it returned, through unittest's own `skip` wrapper, then with
        its own frames cut from the traceback, which the tests' frame then seemed to have
        raised (red team). unittest calls this in the `except` that caught the SkipTest; a
        test skipped by decorator raised nothing. `made_by_the_tests` is given by `warm_up`;
        `exc_info` is held as sys had it: a replacement hid the program's SkipTest (red team)."""
        caught = exc_info()
        skipped = caught[1] if self._name(test) in self._declared.skips else None
        if skipped is not None and not is_among(skipped, made_by_the_tests or ()):
            error = RuntimeError(
                f"unittest.SkipTest({reason!r}) was raised by the task's code, not by the tests"
            )
            self._report(test, "error", (RuntimeError, error, caught[2]))
            return
        self._report(test, "skip", reason)

    def addExpectedFailure(self, test: Any, err: tuple[Any, ...]) -> None:
        self._report(test, "expected_failure", err)

    def addUnexpectedSuccess(self, test: Any) -> None:
        self._report(test, "unexpected_success")

    def method_entered(self) -> None:
        self._depth += 1

    def method_ended(
        self,
        error: BaseException | None,
        /,
        *,
        made_by_the_tests: list[BaseException] | None = None,
        audit: Callable[..., None] = sys.audit,
    ) -> None:
        """A test method entered by `entered_test` ended (`TestMethodExit`); the one unittest
        runs ends last. `made_by_the_tests` is given by `warm_up`."""
        self._depth -= 1
        if self._depth < 0 or self._exited is not None:
            audit(TAMPERING_EVENT, "ended the running test's method twice")
        elif self._depth == 0:
            name = type(error).__name__
            self._exited = (
                ""
                if error is None
                else "skip"
                if is_among(error, made_by_the_tests or ())
                # What the method's return and the tests' skip are noted as: an exception of a
                # class named "", swallowed by the ExitStack of the tests' @patch, passed as
                # a method that returned (red team).
                else f"an exception of a class named {name!r}"
                if name in ("", "skip")
                else name
            )

    def failed_within(
        self, error: BaseException, /, *, made_by_the_tests: list[BaseException] | None = None
    ) -> None:
        """A subTest of the running test caught `error` (`SubTestRecord`). `made_by_the_tests`
        is given by `warm_up`."""
        if self._failed_within is None and not is_among(error, made_by_the_tests or ()):
            self._failed_within = type(error).__name__

    def decide(self, name: str) -> dict[str, object]:
        """The outcome of one finished test, from everything unittest reported for it."""
        reports = self._reports.get(name, [])
        kinds = [kind for kind, _ in reports]
        errors = [detail for kind, detail in reports if kind in ("fail", "error")]
        if not reports:
            return {"outcome": "error", "message": "the test recorded no outcome"}
        if "pass" in kinds and errors:
            return tampered(f"{name} was reported passing after it failed")
        if "skip" in kinds and name not in self._declared.skips:
            return tampered(f"{name} was skipped, but its source declares no skip")
        if "expected_failure" in kinds and name not in self._declared.expected_failures:
            return tampered(f"{name} was an expected failure, but its source declares none")
        if "error" in kinds or "fail" in kinds:
            kind = "error" if "error" in kinds else "fail"
            detail = next(detail for found, detail in reports if found == kind)
            return {"outcome": kind, "error": detail}
        if "unexpected_success" in kinds:
            return {"outcome": "fail", "message": "unexpected success of an expected failure"}
        if "skip" in kinds:
            if self._exited not in (None, "", "skip"):
                return tampered(f"{name} was reported skipped, but it raised {self._exited}")
            reason = next(str(detail) for kind, detail in reports if kind == "skip")
            return {"outcome": "skip", "message": clipped(reason)}
        unfinished = None if "expected_failure" in kinds else self.unfinished(name)
        if unfinished:
            return tampered(f"{name} was reported passing, but {unfinished}")
        return {"outcome": "pass"}

    def unfinished(self, name: str) -> str | None:
        """Why the running test did not pass by its own method's account, which unittest's
        report cannot overrule: tests that hand the task the running test hand it the outcome
        unittest reports through (`test._outcome.result`, swapped for a result of its own
        that reports a failure as a success, red team)."""
        if self._failed_within:
            return f"a subTest of it caught {self._failed_within}"
        if self._exited == "skip":
            return "its method raised the tests' SkipTest"
        if self._exited:
            return f"its method raised {self._exited}"
        if self._exited is None and name in self._entries:
            return "its method never ran to its end"
        return None


class ResultFront:
    """What unittest holds as the run's result, and so what the running test's `_outcome.result`
    is: unittest's own bookkeeping, and methods that hand each report on to the run's
    `HarnessResult`, which is held only as their default (`held`, given by `warm_up` and filled
    by `claim_live_result`). Tests that hand the task the running test (`check=self.assertTrue`)
    handed it the result itself, whose `_on_end` a program replaced to turn every failure into
    a pass (red team)."""

    __slots__ = (
        "_moduleSetUpFailed",
        "_previousTestClass",
        "_testRunEntered",
        "buffer",
        "failfast",
        "shouldStop",
        "tb_locals",
    )

    def __init__(self) -> None:
        self.shouldStop = False
        self.failfast = False
        self.buffer = False
        self.tb_locals = False
        self._testRunEntered = False
        self._previousTestClass: type | None = None
        self._moduleSetUpFailed = False

    def startTest(self, test: Any, /, *, held: Sequence[HarnessResult] = ()) -> None:
        held[0].startTest(test)

    def stopTest(self, test: Any, /, *, held: Sequence[HarnessResult] = ()) -> None:
        held[0].stopTest(test)

    def addSuccess(self, test: Any, /, *, held: Sequence[HarnessResult] = ()) -> None:
        held[0].addSuccess(test)

    def addFailure(
        self, test: Any, err: tuple[Any, ...], /, *, held: Sequence[HarnessResult] = ()
    ) -> None:
        held[0].addFailure(test, err)

    def addError(
        self, test: Any, err: tuple[Any, ...], /, *, held: Sequence[HarnessResult] = ()
    ) -> None:
        held[0].addError(test, err)

    def addSubTest(
        self,
        test: Any,
        subtest: Any,
        err: tuple[Any, ...] | None,
        /,
        *,
        held: Sequence[HarnessResult] = (),
    ) -> None:
        held[0].addSubTest(test, subtest, err)

    def addSkip(self, test: Any, reason: str, /, *, held: Sequence[HarnessResult] = ()) -> None:
        held[0].addSkip(test, reason)

    def addExpectedFailure(
        self, test: Any, err: tuple[Any, ...], /, *, held: Sequence[HarnessResult] = ()
    ) -> None:
        held[0].addExpectedFailure(test, err)

    def addUnexpectedSuccess(self, test: Any, /, *, held: Sequence[HarnessResult] = ()) -> None:
        held[0].addUnexpectedSuccess(test)

    def addDuration(self, test: Any, elapsed: float) -> None:
        pass

    def startTestRun(self) -> None:
        pass

    def stopTestRun(self) -> None:
        pass

    def stop(self) -> None:
        self.shouldStop = True

    def wasSuccessful(self) -> bool:
        return False


class TestMethodExit:
    """The context the tests' methods run in (`with entered_test(self, name):`, compiled in by
    `TestsOwnComparisons`): it tells the run's result how each ended, which decides whether
    the test may pass (`HarnessResult.unfinished`). `held` is given by `warm_up`."""

    __slots__ = ()

    def __enter__(self) -> None:
        pass

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: types.TracebackType | None,
        /,
        *,
        held: Sequence[HarnessResult] = (),
        again: Callable[..., None] = asked_again,
    ) -> None:
        if held:
            method = held[0]._entered
            held[0].method_ended(error)
            again(method=method if type(method) is str else None)


class SubTestRecord:
    """`self.subTest(...)` in a run: unittest's own context, whose failure the harness also
    notes for the running test before unittest reports it through the test's `_outcome`
    (`HarnessResult.failed_within`), which tests that hand the task the running test hand it
    too. `held` is given by `warm_up`."""

    __slots__ = ("_context",)
    unittest_subtest = staticmethod(unittest.TestCase.subTest)

    def __init__(self, context: contextlib.AbstractContextManager[None]) -> None:
        self._context = context

    def __enter__(self) -> None:
        return self._context.__enter__()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: types.TracebackType | None,
        /,
        *,
        held: Sequence[HarnessResult] = (),
    ) -> bool | None:
        if error is not None and held:
            held[0].failed_within(error)
        return self._context.__exit__(kind, error, trace)


def recorded_subtest(test: unittest.TestCase, /, *args: Any, **params: Any) -> SubTestRecord:
    """`unittest.TestCase.subTest` in a run (`warm_up`)."""
    return SubTestRecord(SubTestRecord.unittest_subtest(test, *args, **params))


def clipped(text: str) -> str:
    """A message or traceback short enough for a record (a task may fail with 20 MB of text)."""
    if len(text) <= TEXT_LIMIT:
        return text
    half = TEXT_LIMIT // 2
    return f"{text[:half]}\n[... {len(text) - TEXT_LIMIT} characters left out ...]\n{text[-half:]}"


def tampered(reason: str) -> dict[str, object]:
    return {"outcome": "error", "message": f"tampering: {reason}", "tampering": reason}


# -- running ------------------------------------------------------------------------------------


def missing_module(
    error: BaseException, task_files: tuple[str, ...]
) -> tuple[str, str | None] | None:
    """The top-level module of an import error, if that module really is not installed, and
    the installed library that imported it (None: the task's own code did)."""
    if isinstance(error, ModuleNotFoundError) and type(error.name) is str and error.name.strip("."):
        name = error.name
    elif isinstance(error, ImportError) and (asked := OPTIONAL_DEPENDENCY.search(str(error))):
        name = asked.group(1) or asked.group(2)
    else:
        return None
    top = name.split(".")[0]
    try:
        if importlib.util.find_spec(top) is not None:
            return None
    except (ImportError, ValueError):
        pass
    return top, importing_library(error.__traceback__, task_files)


def importing_library(trace: types.TracebackType | None, task_files: tuple[str, ...]) -> str | None:
    """The installed library deepest in the traceback of an import error below the task's own
    code (`task_files`): the one that asked for the module (numba for pkg_resources, under
    librosa; pandas for its optional dependencies). Frames above the task's, the harness's
    among them (in site-packages when curator is installed from a wheel), do not count."""
    library = None
    below_task = False
    for frame, _ in traceback.walk_tb(trace):
        filename = frame.f_code.co_filename
        if filename in task_files:
            below_task, library = True, None
        elif below_task and (found := LIBRARY_FILE.search(filename)):
            library = found.group(1)
    return library


def machinery_extra() -> list[tuple[str, object]]:
    """What the harness watches beside unittest: its own module (a helper replaced there would
    decide instead of it), its result class and the records' channel."""
    return [
        ("harness", sys.modules[__name__]),
        ("HarnessResult", HarnessResult),
        ("Channel", Channel),
        ("AuditWatch", AuditWatch),  # changed, they would change the sealed instances too
        ("Machinery", Machinery),
        ("_signal", _signal_module),
        ("_imp", _import_machinery),
        ("signal.signal", signal.signal),
        ("signal.getsignal", signal.getsignal),
        ("gc", gc),
    ]


def library_roots() -> tuple[str, ...]:
    """Where installed code lives (the standard library, site-packages): what the interpreter
    imports from, read before any task code runs (it could add to sys.path)."""
    return tuple(
        os.path.join(os.path.abspath(entry), "")
        for entry in sys.path
        if entry and os.path.isdir(entry)
    )


_library_roots: tuple[str, ...] = ()


def _compare(
    test: unittest.TestCase, left: object, right: object, membership: bool | str = False
) -> object:
    """What `TestCase._curator_compare` stands for, unguarded
    (`MethodGuard.compared_in_the_tests`)."""
    if type(membership) is str and membership == UNEQUAL:
        return left != right
    if type(membership) is str:
        return ORDERINGS[membership](left, right)
    return left in right if membership else left == right  # type: ignore[operator]


def _arithmetic(test: unittest.TestCase, left: object, right: object, symbol: str) -> object:
    """What `TestCase._curator_arithmetic` stands for, unguarded
    (`MethodGuard.computed_in_the_tests`)."""
    return ARITHMETIC[symbol](left, right)


def _call_comparison(
    test: unittest.TestCase, receiver: object, function: Any, /, *args: Any, **kwargs: Any
) -> object:
    """What `TestCase._curator_call` stands for, unguarded (`MethodGuard.called_in_the_tests`)."""
    called = getattr(receiver, function) if type(function) is str else function
    return called(*args, **kwargs)


def _frozen(value: object) -> object:
    """A copy of a mutable container the sealed classes read (`REPLACEABLE`, `_baselines`)
    that the module's own, reached through `__globals__`, no longer changes."""
    kind = type(value)
    if kind is dict:
        return types.MappingProxyType(dict(cast(dict[object, object], value)))
    if kind is list:
        return tuple(cast(list[object], value))
    if kind is set:
        return frozenset(cast(set[object], value))
    return value


def over_namespace(function: types.FunctionType, namespace: dict[str, Any]) -> types.FunctionType:
    """`function` reading its globals from `namespace`, its defaults and closure as they are."""
    copy = types.FunctionType(
        function.__code__, namespace, function.__name__, function.__defaults__, function.__closure__
    )
    copy.__qualname__, copy.__kwdefaults__ = function.__qualname__, function.__kwdefaults__
    return copy


def own_namespace() -> dict[str, object]:
    """A copy of the module's globals (frozen: `_frozen`) and builtins, for the functions of
    an instance that `sealed` makes."""
    namespace = {name: _frozen(value) for name, value in globals().items()}
    namespace["__builtins__"] = dict(vars(builtins))
    return namespace


_prepared_namespaces: list[dict[str, object]] = []
"""`own_namespace`s made once in the warm worker, when it has sealed the harness: one for each
instance `sealed` makes in a run, a fork, which takes them from its own copy of this list. Made
in the run, the two took 2 to 4 ms, most of it copying `sys.modules` and the builtins (each
value's reference count written: a page copied)."""
_copied_as_sealed: list[str] = []
"""The mutable globals that the sealed classes' methods read themselves (`_baselines`,
`_library_originals`): copied as each instance is made, as they stand then."""


SEALED_IN_A_RUN = (AuditWatch, Machinery)
"""The classes `run_harness` makes one instance of each with `sealed`."""


def prepare_sealed_namespaces() -> None:
    """Once in the warm worker, after `seal_the_harness`: the namespaces `sealed` hands out."""
    methods = [
        function.__code__
        for cls in SEALED_IN_A_RUN
        for function in vars(cls).values()
        if type(function) is types.FunctionType
    ]
    module = globals()
    _copied_as_sealed[:] = [
        name
        for name in sorted(set().union(*map(names_read, methods)))
        if name in module and _frozen(module[name]) is not module[name]
    ]
    _prepared_namespaces[:] = [own_namespace() for _ in range(len(SEALED_IN_A_RUN))]


def names_read(code: types.CodeType) -> set[str]:
    """The global and attribute names `code` reads, its nested functions' too."""
    nested = (constant for constant in code.co_consts if type(constant) is CODE_TYPE)
    return set(code.co_names).union(*map(names_read, nested))


def sealed(cls: type[Sealed], *args: Any) -> Sealed:
    """An instance of `cls` for one run, made before any task code runs, whose methods and
    class attributes nothing the task can reach holds. The harness's functions within the
    task's reach (a guard's, `_signal.signal`) hand out the module's own globals (`__globals__`,
    which no audit event covers), where a name that the audit hook or the machinery check reads
    (`os`, `_sorted`), rebound, would blind it; and every class is within reach too
    (`object.__subclasses__()`, which no audit event covers either), with its functions, their
    globals and builtins, and the hook's dispatch table: a copy of the class for the run,
    reached so, its table cleared or a builtin its functions read rebound, blinded the hook.

    So the instance holds its own copy of each of the class's methods (bound to it) and class
    attributes, whose functions read a copy of the module's globals and builtins that only they
    hold, and the instance is reached only through frames and the garbage collector, which the
    hook watches. The class is frozen and watched as the machinery (`machinery_extra`): a
    property set on it would come before the instance's own attributes. Its dictionary can
    still be reached and changed behind the interpreter's type cache (`_type_cache_kept`)."""
    namespace = _prepared_namespaces.pop()
    module = globals()
    namespace.update({name: _frozen(module[name]) for name in _copied_as_sealed})
    instance = cls(*args)
    own = vars(instance)
    copies: dict[object, types.FunctionType] = {}
    for name, value in vars(cls).items():
        if name.startswith("__"):
            continue
        function = value.__func__ if isinstance(value, staticmethod) else value
        if isinstance(function, types.FunctionType):
            copy = over_namespace(function, namespace)
            copies[function] = copy
            value = copy if isinstance(value, staticmethod) else types.MethodType(copy, instance)
        own[name] = value
    if "_handlers" in own:  # AuditWatch's dispatch table: the copies, called as functions
        handlers = cast(dict[str, object], own["_handlers"])
        own["_handlers"] = {event: copies[handler] for event, handler in handlers.items()}
    return instance


def _type_cache_kept() -> None:
    """What `sys._clear_type_cache` does in a run: report it. A frozen class's dictionary can
    still be reached (a mappingproxy compared with a dict of the task's hands it over), and
    changed behind the interpreter's type cache; clearing the cache then made the change count
    (red team: a property put on the audit hook's class blinded it). Only test suites of
    libraries call it."""
    sys.audit(TAMPERING_EVENT, "cleared the interpreter's type cache (sys._clear_type_cache)")


class SealedGlobals(dict):  # type: ignore[type-arg]
    """The globals of the harness's functions and methods in a run (`seal_the_harness`): each
    name they read comes from `names`, a private mapping of the module's globals and the
    builtins taken as the warm worker set up, whatever is written here (a function's
    `__globals__` hands this dict out with no audit event) or into the module's own dict.
    Red team: a name of the module swapped only while a guard read it (the library roots, so
    that no `__eq__` of the task's was asked; the mock record check; `is_among` in the skip
    check), and a new name that shadowed a builtin for every harness function (`isinstance`,
    which handed a replacement the running test and its result), each passed a wrong
    program. Python reads a non-exact dict's globals through `__getitem__`; frozen, the class
    keeps its `names`."""

    __slots__ = ()
    names: ClassVar[Any] = types.MappingProxyType({})

    def __getitem__(self, name: str) -> object:
        return self.__class__.names[name]


SEALED_ELSEWHERE = ("AuditWatch", "Machinery", "Unwatched", "SealedGlobals")
"""Classes of the harness whose methods run on a private namespace of their own (`sealed`),
or read none."""


def seal_the_harness() -> None:
    """Rebuild the harness's functions and methods over a `SealedGlobals` (once, in the warm
    worker, before any task code: its functions and classes are reached through the tests'
    classes, the guards and the result unittest holds). The module's names then hold the
    rebuilt functions, and so do the classes' attributes and the functions' defaults (a
    guard compares its callback by identity)."""
    module = globals()
    classes = [
        value
        for name, value in module.items()
        if isinstance(value, type) and value.__module__ == __name__ and name not in SEALED_ELSEWHERE
    ]
    sealed_over(module, SealedGlobals, classes, {})


SEALED_UNITTEST = (
    "contextlib",
    "unittest.util",
    "unittest.case",
    "unittest.suite",
    "unittest._log",
)
"""The modules whose code runs a test and judges it (`seal_unittest`), each after those whose
functions it imports: contextlib's context managers run every part of a test."""


def seal_unittest() -> list[type]:
    """Rebuild unittest's functions and methods (`SEALED_UNITTEST`) over sealed globals of
    their own, as the harness's, and return the classes to be frozen (the sealed globals', and
    contextlib's, which no other check covers): the names and builtins unittest reads as it
    runs a test and compares were the task's to swap for the moment they were read, and to put
    back before the test's end. Red team: `builtins.round` swapped, which `assertAlmostEqual`
    asks whether the difference rounds to 0, and put back by the answer's `__del__` as the test
    let go of it, passed a wrong mean; `ExitStack.__exit__` (where mock's patch ends) and the
    context manager of unittest's test parts replaced to swallow failures passed others."""
    replaced: dict[int, object] = {}
    sealed_classes: list[type] = []
    for name in SEALED_UNITTEST:
        module = sys.modules[name]
        names = cast(
            type[SealedGlobals],
            type(f"SealedGlobals_{name.replace('.', '_')}", (SealedGlobals,), {"__slots__": ()}),
        )
        classes = [
            value
            for value in vars(module).values()
            if isinstance(value, type) and value.__module__ == name
        ]
        sealed_over(vars(module), names, classes, replaced)
        sealed_classes += [names, *(classes if name == "contextlib" else [])]
    return sealed_classes


def sealed_over(
    module: dict[str, Any],
    names: type[SealedGlobals],
    classes: list[type],
    replaced: dict[int, object],
) -> None:
    """Rebuild the functions of `module` (a module's globals) and the methods of its `classes`
    over an instance of `names`, whose names become a private mapping of the module's names
    (rebuilt) and the builtins, as they are now; the module's names, the classes' attributes
    and the functions' defaults then hold the rebuilt functions. A function of another module
    rebuilt before (`replaced`, by id: unittest.case imports unittest.util's) is taken as
    rebuilt; one that `contextlib.contextmanager` wraps is rebuilt and wrapped anew."""
    sealed_globals = names()
    copied_over = over_namespace  # taken before the loop rebuilds it over the sealed globals
    wrapped_as_context = contextlib.contextmanager
    rebuilt: dict[int, tuple[types.FunctionType, types.FunctionType]] = {}  # id: (old, new)

    def rebuild(value: object) -> object:
        if type(value) is staticmethod:
            return staticmethod(cast(Callable[..., Any], rebuild(value.__func__)))
        if type(value) is classmethod:
            return classmethod(cast(Callable[..., Any], rebuild(value.__func__)))
        if type(value) is property:
            parts = [rebuild(part) for part in (value.fget, value.fset, value.fdel)]
            return property(*cast(list[Any], parts))
        if type(value) is not types.FunctionType:
            return value
        if id(value) in replaced:
            return replaced[id(value)]
        if value.__globals__ is not module:
            inner = value.__dict__.get("__wrapped__")
            if value.__code__ is not CONTEXT_HELPER_CODE or type(inner) is not types.FunctionType:
                return value
            if inner.__globals__ is not module:
                return value
            replaced[id(value)] = wrapped_as_context(cast(Callable[..., Any], rebuild(inner)))
            return replaced[id(value)]
        if id(value) not in rebuilt:
            copy = copied_over(value, sealed_globals)
            copy.__dict__ = value.__dict__
            rebuilt[id(value)] = (value, copy)
            replaced[id(value)] = copy
        return rebuilt[id(value)][1]

    for name, value in list(module.items()):
        module[name] = rebuild(value)
    for cls in classes:
        for name, value in list(vars(cls).items()):
            if (rebuilt_value := rebuild(value)) is not value:
                setattr(cls, name, rebuilt_value)
    done: set[int] = set()
    while len(done) < len(rebuilt):  # a default may be a function not rebuilt yet
        for key, (original, copy) in list(rebuilt.items()):
            if key in done:
                continue
            done.add(key)
            defaults = tuple(rebuild(value) for value in original.__defaults__ or ())
            copy.__defaults__ = defaults or None
            if original.__kwdefaults__:
                copy.__kwdefaults__ = {
                    name: rebuild(value) for name, value in original.__kwdefaults__.items()
                }
    dict.update(sealed_globals, module)
    names.names = types.MappingProxyType({**vars(builtins), **module})


CONTEXT_HELPER_CODE = contextlib.contextmanager(lambda: iter(())).__code__
"""The code of the function `contextlib.contextmanager` makes of a generator function."""


def warm_up() -> None:
    """What the warm worker does once for every run it will fork (see worker.zygote)."""
    global _library_roots
    _library_roots = library_roots()
    seal_the_harness()
    guard_signal_handlers()
    sys._clear_type_cache = _type_cache_kept
    # unittest counts a test that raises its `_ShouldStop` (meant for failfast subtests, which
    # the harness never asks for) as passed: an empty tuple of exceptions catches none.
    unittest.case._ShouldStop = ()  # type: ignore[attr-defined]
    setattr(unittest.TestCase, COMPARED_AS_ASKED, _compare)
    setattr(unittest.TestCase, ARITHMETIC_AS_ASKED, _arithmetic)
    setattr(unittest.TestCase, CALLED_AS_ASKED, _call_comparison)
    setattr(unittest.TestCase, MOCK_ASSERTED, _mock_assert)
    read_privately()
    sealed_unittest = seal_unittest()
    SubTestRecord.unittest_subtest = staticmethod(vars(unittest.TestCase)["subTest"])
    unittest.TestCase.subTest = recorded_subtest  # type: ignore[method-assign,assignment]
    guard_methods(unittest.TestCase)
    classes = [
        owner for _, owner in _machinery_owners() + machinery_extra() if isinstance(owner, type)
    ]
    # unittest's classes, the harness's result and guards stay as they are for good: no test
    # run has a reason to change them.
    guard_library_assertions()
    note_library_originals()
    gc.set_debug = set_debug_without_saveall
    gc.freeze = freeze_beside_a_sentinel
    gc.callbacks.append(drop_kept_garbage)
    guard_mock()  # the warm worker preloaded it: frozen and watched from the baseline on
    take_mock_parts()
    # Each run, a fork, has its own of these, which only the functions given them reach.
    tests_patches: list[tuple[Any, tuple[tuple[str, object, object], ...]]] = []
    given_defaults(started_by_the_tests, tests_patches=tests_patches, context=GuardContext)
    given_defaults(patched_by_the_tests, tests_patches=tests_patches)
    returned_asked: list[tuple[object, type, list[str]]] = []
    answers_asked: AskedGroups = set()
    given_defaults(vars(MethodGuard)["refuse_own_answers"], asked=returned_asked)
    given_defaults(vars(MethodGuard)["ask_own_answers"], asked_groups=answers_asked)
    given_defaults(asked_again, asked=returned_asked, asked_groups=answers_asked)
    made_by_the_tests: list[BaseException] = []
    held: list[HarnessResult] = []
    for marks in (
        made_skip,
        HarnessResult.addSkip,
        HarnessResult.method_ended,
        HarnessResult.failed_within,
    ):
        given_defaults(marks, made_by_the_tests=made_by_the_tests)
    for reaches in (
        claim_live_result,
        entered_test,
        vars(TestMethodExit)["__exit__"],
        vars(SubTestRecord)["__exit__"],
        *(
            method
            for method in vars(ResultFront).values()
            if "held" in (getattr(method, "__kwdefaults__", None) or {})
        ),
    ):
        given_defaults(reaches, held=held)
    given_defaults(entered_test, method_exit=TestMethodExit())
    deferral = Deferral()  # one for the run: each run, a fork, has its own
    given_defaults(vars(Uninterrupted)["__enter__"], deferral=deferral)
    given_defaults(vars(Uninterrupted)["__exit__"], deferral=deferral)
    given_defaults(vars(FramelessHandler)["__call__"], deferral=deferral, own=_out_of_cpu_time)
    unittest.SkipTest.__init__ = made_skip  # type: ignore[method-assign]
    FrozenClasses(
        [
            *classes,
            MethodGuard,
            LibraryAssertionGuard,
            FramelessHandler,
            Deferral,
            Uninterrupted,
            _Unrelated,
            Watched,
            GarbageSentinel,
            MockParts,
            SealedGlobals,
            ResultFront,
            TestMethodExit,
            SubTestRecord,
            GuardedContext,
            GuardedMaker,
            *sealed_unittest,
        ]
    ).freeze()
    note_shared_generators()
    take_machinery_baseline(machinery_extra())
    prepare_sealed_namespaces()


def given_defaults(function: Callable[..., object], **defaults: object) -> None:
    """Give `function` keyword defaults besides its own: what it holds that the task may not
    read (reading a harness function's defaults is tampering)."""
    function.__kwdefaults__ = {**(function.__kwdefaults__ or {}), **defaults}


_shared_generators: list[random.Random] = []


def note_shared_generators() -> None:
    """Find the random generators that loaded libraries keep for their own use (Faker keeps
    one for all its instances), besides `random`'s own (which reseeds itself in a forked
    child) and numpy's (reseeded apart). Every run forked from this process would start from
    their state, so that unseeded Faker gave each run of a sandbox the same names: each run
    reseeds them (`seed_library_generators`)."""
    own = getattr(random.random, "__self__", None)  # the instance behind random's functions
    found: dict[int, random.Random] = {}
    for module in list(sys.modules.values()):
        namespace = getattr(module, "__dict__", None)
        for value in list(namespace.values()) if isinstance(namespace, dict) else []:
            if (
                isinstance(value, random.Random)
                and not isinstance(value, random.SystemRandom)
                and value is not own
            ):
                found[id(value)] = value
    _shared_generators[:] = found.values()  # in place: the machinery watches this name


def seed_library_generators(seed: int | None) -> None:
    """Seed numpy's global generator and those `note_shared_generators` found with `seed`, or
    afresh (None): a forked run would otherwise start from its parent's state, where a fresh
    process would not. Numpy not loaded yet is seeded as it loads (`NumpySeeder`)."""
    for generator in _shared_generators:
        generator.seed(seed)
    numpy = sys.modules.get("numpy")
    if numpy is not None:
        numpy.random.seed(seed)
    elif seed is not None:
        _numpy_seeder.seed = seed
        if _numpy_seeder not in sys.meta_path:
            sys.meta_path.insert(0, _numpy_seeder)


class NumpySeeder:
    """A finder that seeds numpy's global generator with a seeded run's seed as numpy loads,
    should the run import it after its test started. Importing numpy to seed it before each
    test cost a run of a task that never imports it about 50 ms (the standard library's
    worker does not preload numpy): most of the flaky check's time on such tasks."""

    seed: int | None = None

    def find_spec(
        self, name: str, path: object, target: object = None
    ) -> importlib.machinery.ModuleSpec | None:
        if name != "numpy" or self.seed is None:
            return None
        seed, self.seed = self.seed, None  # the search below must not come back here
        spec = importlib.util.find_spec(name)
        loader = spec.loader if spec is not None else None
        if loader is None or not hasattr(loader, "exec_module"):
            return spec
        load = loader.exec_module

        def load_then_seed(module: types.ModuleType) -> None:
            load(module)
            with contextlib.suppress(Exception):  # a numpy without it loads all the same
                importlib.import_module("numpy.random").seed(seed)

        loader.exec_module = load_then_seed  # type: ignore[method-assign]
        return spec


_numpy_seeder = NumpySeeder()


def warm_up_first_steps(task: types.CodeType) -> None:
    """What a run does first, done on throwaway objects by a forked harness while it waits for
    its request: snapshot the machinery, sign and write a record, run the body of a `task` (a
    program and its tests, compiled) and list its tests. The warm worker's pages that these
    write to (reference counts, mostly) are then copied before the run, not on its path."""
    Machinery(machinery_extra()).changes()
    moved_modules(snapshot_modules([]), {})  # each module's reference count: its page copied
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        Channel(null, bytes(32), "warm-up").emit(Event.FORKED, clock=time.perf_counter())
    finally:
        os.close(null)
    namespace: dict[str, Any] = {"__name__": "__warm_up__"}
    exec(task, namespace)
    unittest.TestLoader().getTestCaseNames(namespace["TestCases"])
    namespace.clear()
    gc.collect()  # the run finds no trace of its classes (unittest.TestCase.__subclasses__)


WARM_UP_MEASURED = "/curator-warm-up/task/task.py"
"""The file a waiting harness measures (`warm_up_measuring`): never a run's task, though coverage.py
measures it as one (the warm worker's measurement takes every `*/task/task.py`)."""


def warm_up_measuring(measurement: Any) -> None:
    """What a run does with coverage.py, done by a forked harness while it waits for its
    request: start, switch to the program's loading context and back, stop, and read the tested
    arcs, on a throwaway program of its own (`WARM_UP_MEASURED`; the run reads only its task's
    arcs). The pages that coverage.py's SQLite store writes to are then copied before the run,
    not on its path (about 2 ms of a run in a fresh fork)."""
    code = compile(
        "def f(x):\n    if x:\n        return 1\n    return 2\nf(1)\n", WARM_UP_MEASURED, "exec"
    )
    namespace: dict[str, Any] = {}
    measurement.start()
    try:
        measurement.switch_context(LOAD_CONTEXT)
        exec(code, namespace)
        measurement.switch_context("")
        namespace["f"](0)
    finally:
        measurement.stop()
    tested_arcs(measurement.get_data(), WARM_UP_MEASURED, [code])


def tests_path_for(task_path: str) -> str:
    """Where the tests seem to live (never a file): beside the task, for tracebacks."""
    return os.path.join(os.path.dirname(task_path), "tests.py")


@functools.lru_cache(maxsize=2)
def compiled(source: str, path: str) -> types.CodeType:
    """Code objects are immutable: a batch of variants compiles the tests once, before forking."""
    return compile(source, path, "exec")


AST_LEAVES = frozenset(
    {
        ast.Name,
        ast.Constant,
        ast.alias,
        *ast.expr_context.__subclasses__(),
        *ast.operator.__subclasses__(),
        *ast.cmpop.__subclasses__(),
        *ast.unaryop.__subclasses__(),
        *ast.boolop.__subclasses__(),
    }
)
"""Kinds of node that hold no other node."""


def node_kinds(kind: type[ast.AST]) -> frozenset[type[ast.AST]]:
    """`kind` and every kind of node made from it."""
    return frozenset({kind}).union(*map(node_kinds, kind.__subclasses__()))


AST_NODES = node_kinds(ast.AST)
"""Python's own kinds of node: the tests are parsed before any task code runs."""
AST_BRANCHES = AST_NODES - AST_LEAVES
"""Kinds of node that may hold others: the only ones `TestsOwnComparisons` looks into."""


class TestsOwnComparisons(ast.NodeTransformer):
    """Routes the comparisons tests make themselves, `self.assertTrue(a == b)`,
    `self.assertFalse(a != b)`, `assert a == b`, `if a != b:`, `self.assertEqual(a == b, True)`
    (or `in` and `not in`, also within `all(...)` or `and` there) in a test class's method,
    through the guarded `self._curator_compare(a, b)`
    (`MethodGuard.compared_in_the_tests`), and their calls of a library's comparison there,
    `self.assertTrue(np.allclose(a, b))`, through `self._curator_call(np, "allclose", a, b)`
    (`MethodGuard.called_in_the_tests`): an object equal to anything passed those, as no
    comparing assertion saw it. The value tested and the failure message stay as they were;
    line numbers too. A test class is one whose base is named `...TestCase` or is a test class
    of the same source; its methods are those that take `self` (not the functions or lambdas
    within them, nor a helper class's methods, whose `self` is no test)."""

    def __init__(self, entry_point: str) -> None:
        self.entry_point = entry_point
        self.module: ast.Module | None = None
        self.names: TestsNames | None = None  # read at the first `with` (`tests_names`)
        self.test_classes: set[str] = set()
        self.scopes = ["module"]
        self.between = itertools.count(1)

    # Read as attributes in `generic_visit`, which runs for every node of the tests: each
    # global or builtin the harness reads in a run is a call (`SealedGlobals`).
    branches = AST_BRANCHES
    kind_of = type
    listed = list

    def generic_visit(self, node: ast.AST) -> ast.AST:
        """As NodeTransformer's, for methods that always return a node, and past the nodes
        that hold no other (names, constants, contexts, operators: half of a test file's)."""
        branches, kind_of, listed, visit, read = (
            self.branches,
            self.kind_of,
            self.listed,
            self.visit,
            getattr,
        )
        for name in node._fields:
            value: Any = read(node, name, None)
            if kind_of(value) is listed:
                value[:] = [visit(item) if kind_of(item) in branches else item for item in value]
            elif kind_of(value) in branches:
                setattr(node, name, visit(value))
        return node

    def visit_ClassDef(self, node: ast.ClassDef) -> ast.AST:
        names = [
            base.attr if isinstance(base, ast.Attribute) else getattr(base, "id", "")
            for base in node.bases
        ]
        test_class = any(name.endswith("TestCase") or name in self.test_classes for name in names)
        if test_class:
            self.test_classes.add(node.name)
        return self.visit_in("test class" if test_class else "other", node)

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> ast.AST:
        arguments = node.args.posonlyargs + node.args.args
        method = self.scopes[-1] == "test class" and bool(arguments) and arguments[0].arg == "self"
        visited = self.visit_in("test method" if method else "other", node)
        if method and node.name.startswith(unittest.TestLoader.testMethodPrefix):
            first = node.body[0]
            documented = isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)
            # `.__call__`: a constant called outright is a SyntaxWarning, on the run's stderr.
            entry = ast.Call(
                ast.Attribute(ast.Constant(TEST_ENTRY_MARK), "__call__", ast.Load()),
                [ast.Name("self", ast.Load()), ast.Constant(node.name)],
                [],
            )
            body = node.body[int(documented) :] or [ast.copy_location(ast.Pass(), first)]
            statement = located(ast.With([ast.withitem(entry)], body), first)
            node.body[int(documented) :] = [statement]
        return visited

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Module(self, node: ast.Module) -> ast.AST:
        self.module = node
        return self.generic_visit(node)

    def visit_With(self, node: ast.With | ast.AsyncWith) -> ast.AST:
        """Each context manager of a `with` (or `async with`) in the tests, in their methods,
        helpers and nested functions alike, as `GuardedContext`, told where the block's checks
        are (`checks_in_block`), read before the block is rewritten."""
        if self.names is None:
            self.names = tests_names(self.module or ast.Module([node], []))
        spans = checks_in_block(node, self.names)
        self.generic_visit(node)
        for item in node.items:
            block = ast.Tuple(
                [ast.Tuple([ast.Constant(n) for n in span], ast.Load()) for span in spans],
                ast.Load(),
            )
            made = item.context_expr
            if isinstance(made, ast.Call):
                # `with F(a):` as `with GuardedContext.made(F, block)(a):`, F evaluated before `a`
                mark = ast.Attribute(ast.Constant(CONTEXT_MARK), "made", ast.Load())
                maker = ast.Call(mark, [made.func, block], [])
                call = ast.Call(maker, made.args, made.keywords)
            else:
                mark = ast.Attribute(ast.Constant(CONTEXT_MARK), "__call__", ast.Load())
                call = ast.Call(mark, [made, block], [])
            item.context_expr = located(call, made)
        return node

    visit_AsyncWith = visit_With

    def visit_Lambda(self, node: ast.Lambda) -> ast.AST:
        return self.visit_in("other", node)

    def visit_in(self, scope: str, node: ast.AST) -> ast.AST:
        self.scopes.append(scope)
        self.generic_visit(node)
        self.scopes.pop()
        return node

    def routed(self, test: ast.expr) -> ast.expr:
        """`test` with each `a == b` and `a in b` in it routed, also inside `all(...)` or `and`
        (not inside a lambda, whose own arguments may be named self)."""
        if self.scopes[-1] != "test method":
            return test
        routed: ast.expr = RoutedComparisons(self.between).visit(test)
        return ast.fix_missing_locations(routed)

    def visit_Assert(self, node: ast.Assert) -> ast.AST:
        self.generic_visit(node)
        node.test = self.routed(node.test)
        return node

    def visit_If(self, node: ast.If | ast.While) -> ast.AST:
        """`if result != expected: self.fail(...)`, the test of a branch: only the comparisons
        it is made of (through `and`, `or` and `not`), not those inside calls or generators,
        which tests run by the thousand to build their inputs."""
        self.generic_visit(node)
        node.test = self.routed_outer(node.test)
        return node

    def routed_outer(self, test: ast.expr) -> ast.expr:
        if isinstance(test, ast.BoolOp):
            test.values = [self.routed_outer(value) for value in test.values]
            return test
        if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
            test.operand = self.routed_outer(test.operand)
            return test
        if isinstance(test, ast.Call) and self.scopes[-1] == "test method":
            return ast.fix_missing_locations(routed_call(test))
        return self.routed(test) if isinstance(test, ast.Compare) else test

    visit_While = visit_If

    def visit_Call(self, node: ast.Call) -> ast.AST:
        self.generic_visit(node)
        function = node.func
        if isinstance(function, ast.Name) and function.id == self.entry_point:
            # `task_func(...)` anywhere in the tests, as `returned_by_the_task(task_func(...))`
            mark = ast.Attribute(ast.Constant(RETURNED_MARK), "__call__", ast.Load())
            return located(ast.Call(mark, [node], []), node)
        if self.scopes[-1] == "test method":
            node = as_the_tests_own_assertion(node)
            function = node.func
        if (
            isinstance(function, ast.Attribute)
            and function.attr in MOCK_ASSERTIONS
            and self.scopes[-1] == "test method"
        ):
            # `m.assert_called_once_with(...)` as `self._curator_mock_assert(m, "...", ...)`
            method = ast.Attribute(ast.Name("self", ast.Load()), MOCK_ASSERTED, ast.Load())
            called = [function.value, ast.Constant(function.attr), *node.args]
            call = ast.Call(method, called, node.keywords)
            return located(call, node)
        if not (
            isinstance(function, ast.Attribute)
            and isinstance(function.value, ast.Name)
            and function.value.id == "self"
            and node.args
        ):
            return node
        if function.attr.startswith("assert") and not function.attr.startswith(UNTESTED_ARGUMENTS):
            # `assertLess(abs(result - expected), tol)`: the arithmetic of what is tested
            node.args[:2] = [
                ast.fix_missing_locations(RoutedArithmetic().visit(argument))
                for argument in node.args[:2]
            ]
        if function.attr in ("assertTrue", "assertFalse"):
            node.args[0] = self.routed(node.args[0])
        elif function.attr in ("assertEqual", "assertNotEqual", "assertIs", "assertIsNot"):
            # `assertEqual(a == b, True)`: a comparison's answer compared in its turn
            node.args[:2] = [
                self.routed(argument) if isinstance(argument, ast.Compare) else argument
                for argument in node.args[:2]
            ]
        return node


Located = TypeVar("Located", bound=ast.AST)


def located(new: Located, at: ast.AST) -> Located:
    """`new`, built on nodes of the tests, placed where `at` is: each node of it without a place
    gets `at`'s, and the nodes that have one (the tests' own) are not walked, where
    `ast.fix_missing_locations` walks them all (a test method's whole body, once wrapped: half
    the cost of compiling the tests)."""
    # Each name bound once: every global or builtin the harness reads in a run is a call.
    nodes, kind_of, listed, has, read = AST_NODES, type, list, hasattr, getattr
    placed = ast.copy_location
    pending: list[ast.AST] = [new]
    while pending:
        node = pending.pop()
        if "lineno" in node._attributes:
            if has(node, "lineno"):
                continue
            placed(node, at)
        for name in node._fields:
            value: Any = read(node, name, None)
            if kind_of(value) is listed:
                pending.extend(item for item in value if kind_of(item) in nodes)
            elif kind_of(value) in nodes:
                pending.append(value)
    return new


UNTESTED_ARGUMENTS = ("assertRaises", "assertWarns", "assertLogs", "assertNoLogs")
"""Assertions whose first arguments are no values tested (an exception, a callable)."""


def deprecated_aliases() -> dict[str, str]:
    """unittest's deprecated names of its assertions (Python 3.11's `assertEquals`, `assert_`),
    each with the assertion it calls: the function itself, past the guard (red team)."""
    aliases = {}
    for name, value in vars(unittest.TestCase).items():
        if getattr(value, "__name__", None) == "deprecated_func" and value.__closure__:
            for cell in value.__closure__:
                target = getattr(cell.cell_contents, "__name__", None)
                if type(target) is str and target in vars(unittest.TestCase):
                    aliases[name] = target
    return aliases


DEPRECATED_ALIASES = deprecated_aliases()


def as_the_tests_own_assertion(node: ast.Call) -> ast.Call:
    """`self.assertEquals(a, b)` (a deprecated alias) and `unittest.TestCase.assertEqual(self,
    a, b)` (the function, past the test's guarded methods) as `self.assertEqual(a, b)`."""
    function = node.func
    if not isinstance(function, ast.Attribute):
        return node
    owner = function.value
    name = DEPRECATED_ALIASES.get(function.attr, function.attr)
    if isinstance(owner, ast.Name) and owner.id == "self":
        if name != function.attr:
            function.attr = name
        return node
    through_the_class = (
        isinstance(owner, ast.Attribute | ast.Name)
        and (owner.attr if isinstance(owner, ast.Attribute) else owner.id) == "TestCase"
        and name.startswith(("assert", "fail"))
        and bool(node.args)
        and isinstance(node.args[0], ast.Name)
        and node.args[0].id == "self"
    )
    if not through_the_class:
        return node
    method = ast.copy_location(ast.Attribute(node.args[0], name, ast.Load()), function)
    return ast.copy_location(ast.Call(method, node.args[1:], node.keywords), node)


class RoutedArithmetic(ast.NodeTransformer):
    """Within one tested expression, `a - b` (and `+`, `*`, `/`, `//`, `%`, `**`) becomes
    `self._curator_arithmetic(a, b, "-")` (see `MethodGuard.computed_in_the_tests`), but in a
    lambda or a comprehension's iterable (what builds the values, run by the thousand)."""

    def __init__(self) -> None:
        self.in_iterable = 0

    def visit_Lambda(self, node: ast.Lambda) -> ast.AST:
        return node

    def visit_comprehension(self, node: ast.comprehension) -> ast.AST:
        node.target = self.visit(node.target)
        self.in_iterable += 1
        node.iter = self.visit(node.iter)
        self.in_iterable -= 1
        node.ifs = [self.visit(condition) for condition in node.ifs]
        return node

    def visit_BinOp(self, node: ast.BinOp) -> ast.AST:
        self.generic_visit(node)
        symbol = ARITHMETIC_SYMBOLS.get(type(node.op))
        if symbol is None or self.in_iterable:
            return node
        method = ast.Attribute(ast.Name("self", ast.Load()), ARITHMETIC_AS_ASKED, ast.Load())
        call = ast.Call(method, [node.left, node.right, ast.Constant(symbol)], [])
        return ast.copy_location(call, node)


ARITHMETIC_SYMBOLS: dict[type[ast.operator], str] = {
    ast.Add: "+",
    ast.Sub: "-",
    ast.Mult: "*",
    ast.Div: "/",
    ast.FloorDiv: "//",
    ast.Mod: "%",
    ast.Pow: "**",
}


class RoutedComparisons(RoutedArithmetic):
    """Within one tested expression, `a == b` becomes `self._curator_compare(a, b)`,
    `a in b` becomes `self._curator_compare(a, b, True)` and `a < b`
    `self._curator_compare(a, b, "<")` (see `TestsOwnComparisons`); a chain of orderings,
    `0 <= x < 10`, becomes each of its comparisons joined by `and`, an operand between two
    evaluated once, as the chain would (`ordered_in_turn`)."""

    def __init__(self, names: Iterator[int]) -> None:
        super().__init__()
        self.names = names  # `in_iterable`: where `:=` may not stand either

    def visit_Compare(self, node: ast.Compare) -> ast.AST:
        self.generic_visit(node)
        operator = node.ops[0]
        if all(isinstance(op, ORDERING_OPERATORS) for op in node.ops) and (
            not self.in_iterable
            or all(isinstance(between, ast.Name | ast.Constant) for between in node.comparators)
        ):
            return ast.copy_location(ordered_in_turn(node, self.names), node)
        if len(node.ops) != 1 or not isinstance(operator, ast.Eq | ast.In | ast.NotEq | ast.NotIn):
            return node
        method = ast.Attribute(ast.Name("self", ast.Load()), COMPARED_AS_ASKED, ast.Load())
        membership = (
            [ast.Constant(True)]
            if isinstance(operator, ast.In | ast.NotIn)
            else [ast.Constant(UNEQUAL)]
            if isinstance(operator, ast.NotEq)
            else []
        )
        call: ast.expr = ast.Call(method, [node.left, node.comparators[0], *membership], [])
        if isinstance(operator, ast.NotIn):
            # `a not in b` as `not a in b` (`in` answers a plain truth): a list of the task's
            # whose `__contains__` said no to everything passed `assertFalse(x not in b)`.
            call = ast.UnaryOp(ast.Not(), call)
        return ast.copy_location(call, node)

    def visit_Call(self, node: ast.Call) -> ast.AST:
        self.generic_visit(node)
        return routed_call(node)


ORDERING_OPERATORS = (ast.Lt, ast.LtE, ast.Gt, ast.GtE)
ORDERING_SYMBOLS = {ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">="}


def ordered_in_turn(node: ast.Compare, names: Iterator[int]) -> ast.expr:
    """`a < b <= c` as `self._curator_compare(a, b, "<") and self._curator_compare(b, c, "<=")`;
    `b`, where it is neither a name nor a constant, as `(_curator_between_1 := b)`, then
    `_curator_between_1`."""
    method = ast.Attribute(ast.Name("self", ast.Load()), COMPARED_AS_ASKED, ast.Load())
    lefts: list[ast.expr] = [node.left]
    rights: list[ast.expr] = []
    for middle in node.comparators[:-1]:
        if isinstance(middle, ast.Name | ast.Constant):
            rights.append(middle)
            lefts.append(middle)
        else:
            name = f"_curator_between_{next(names)}"
            rights.append(ast.NamedExpr(ast.Name(name, ast.Store()), middle))
            lefts.append(ast.Name(name, ast.Load()))
    rights.append(node.comparators[-1])
    calls: list[ast.expr] = [
        ast.Call(method, [left, right, ast.Constant(ORDERING_SYMBOLS[type(op)])], [])
        for op, left, right in zip(node.ops, lefts, rights, strict=True)
    ]
    return calls[0] if len(calls) == 1 else ast.BoolOp(ast.And(), calls)


def routed_call(node: ast.Call) -> ast.expr:
    """`x.f(a, ...)` as `self._curator_call(x, "f", a, ...)` and `f(a, b, ...)` as
    `self._curator_call(None, f, a, b, ...)` where `f` is a library's comparison (`np.allclose`,
    `result.equals`, `isclose` imported: `LIBRARY_COMPARISON_CALLS`); any other call as it
    is. `x` is evaluated once, as the call would."""
    function = node.func
    name = function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", "")
    if name not in LIBRARY_COMPARISON_CALLS or (
        name == "equals" and isinstance(function, ast.Name)
    ):
        return node
    method = ast.Attribute(ast.Name("self", ast.Load()), CALLED_AS_ASKED, ast.Load())
    called: list[ast.expr] = (
        [function.value, ast.Constant(name)]
        if isinstance(function, ast.Attribute)
        else [ast.Constant(None), function]
    )
    return ast.copy_location(ast.Call(method, [*called, *node.args], node.keywords), node)


@functools.lru_cache(maxsize=2)
def compiled_tests(source: str, path: str, entry_point: str, ahead: bytes = b"") -> types.CodeType:
    """The tests compiled with their own comparisons routed through the harness
    (`rewritten_tests`), and each test method run within `entered_test`. `ahead`: the same
    code, compiled by the sandbox's analysis service while the run started, marshalled (in a
    fresh fork the compile took 3.6 ms, mostly copy-on-write faults); taken where it is a code
    object of `path`, else the tests are compiled here."""
    code = None
    if ahead:
        with contextlib.suppress(ValueError, EOFError, TypeError):
            code = marshal.loads(ahead)
    if type(code) is not CODE_TYPE or code.co_filename != path:
        code = rewritten_tests(source, path, entry_point)
    return with_test_entries(code)


class TestsNames(NamedTuple):
    """What the tests name (`tests_names`): a call of one may check (`holds_a_check`)."""

    own: frozenset[str]  # their functions (methods too) and classes that may check, and super
    bound: frozenset[str]  # those, every name they assign or take as a parameter, and imports
    # of an assertion under a name of their own
    quiet: frozenset[str]  # their functions and classes that check nothing


def tests_names(tree: ast.Module) -> TestsNames:
    """The names the tests bind anywhere: every name they assign or take as a parameter
    (`ok = self.assertTrue`, a helper handed in), an assertion they import under another name
    (`from numpy.testing import assert_allclose as close`), and their functions and classes
    that may check (`own`: one whose body holds a check, or calls one that does; a helper that
    only builds input, `broken_json()`, or a fake class's `json` method, checks nothing). The
    task's functions and a library's imported ones are not among them."""
    bound: set[str] = set()
    defined: dict[str, list[ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef]] = {}
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            defined.setdefault(node.name, []).append(node)
        elif isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            bound.add(node.id)
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
        elif isinstance(node, ast.alias) and named_for_a_check(node.name.rpartition(".")[2]):
            bound.add(node.asname or node.name)
    own = {"super"}
    unsettled = dict(defined)
    while True:  # each round finds those that call one found before
        names = TestsNames(frozenset(own), frozenset(own | bound), frozenset(unsettled))
        found = {
            name
            for name, nodes in unsettled.items()
            if any(holds_a_check(part, names) for node in nodes for part in node.body)
        }
        if not found:
            return names
        own |= found
        for name in found:
            del unsettled[name]


# What decides, beside a call, what the rest of a block does or notes: a comparison, and each
# statement or expression that chooses between ways (`match` from Python 3.10, `try*` 3.11).
DECIDING = tuple(
    getattr(ast, name)
    for name in ("Assert", "Compare", "If", "While", "IfExp", "BoolOp", "Match")
    if hasattr(ast, name)
)
HANDLING = tuple(getattr(ast, name) for name in ("Try", "TryStar") if hasattr(ast, name))
RUNNING_TEXT = frozenset(("exec", "eval", "compile", "__import__"))


def holds_a_check(node: ast.AST, names: TestsNames) -> bool:
    """Whether `node` may check something, or decide what a check after it sees: an `assert`;
    a comparison or a choice (`if x != v: wrong.append(x)`, `match`, `try`, `and`/`or`), noted
    in the block and asserted after it; a call named for an assertion or a failure
    (`assertEqual`, `np.testing.assert_allclose`, `mock.assert_called_once`, `self.fail`), or
    one of a name the tests bind (`helper(x)`, `ok(x)`, a parameter, `close` imported as
    `assert_allclose`), or of a method of the test (`self.helper()`), or of a method named as
    a function of theirs (`self.expect.balances()`, `super().check()`), or of code given as
    text (`exec`), or of what a subscript or another expression gives (unknown); an assertion
    or a function of theirs handed on (`map(self.assertEqual, got, wanted)`). A method of
    another object (`path.unlink()`, `self.conn.execute(...)`, `df["x"].astype(float)`)
    checks nothing."""
    for inner in ast.walk(node):
        if (
            isinstance(inner, DECIDING)
            or (isinstance(inner, ast.comprehension) and inner.ifs)
            or (isinstance(inner, HANDLING) and inner.handlers)  # not a cleanup's try/finally
        ):
            return True
        if isinstance(inner, ast.Name) and isinstance(inner.ctx, ast.Load):
            if inner.id in names.own:
                return True  # a function or class of the tests', called or handed on
        elif isinstance(inner, ast.Attribute) and (
            named_for_a_check(inner.attr) or inner.attr in names.own
        ):
            return True  # `self.assertEqual`, `mock.assert_called_once`, `expect.balances`
        if not isinstance(inner, ast.Call):
            continue
        callee = inner.func
        if isinstance(callee, ast.Name):
            called = callee.id
            if called in names.bound or called in RUNNING_TEXT or named_for_a_check(called):
                return True
        elif isinstance(callee, ast.Attribute):
            if (
                isinstance(callee.value, ast.Name)
                and callee.value.id in ("self", "cls")
                and callee.attr not in names.quiet
            ):
                return True  # a method of the test, unless one of theirs that checks nothing
        else:
            return True
    return False


def named_for_a_check(name: str) -> bool:
    lowered = name.lower()
    return "assert" in lowered or lowered.startswith("fail")


def ends_the_block(statement: ast.stmt) -> bool:
    """Whether `statement` never lets the block go on: a `raise`, `self.fail(...)`,
    `pytest.fail(...)`, `assert False`, `self.assertTrue(False)`. What follows it is never
    reached, and it checks only that it is not reached (`with task_func(ZeroDivisionError):
    1 / 0; self.fail("not swallowed")`): the error that skips it is what the tests expect."""
    if isinstance(statement, ast.Raise):
        return True
    if isinstance(statement, ast.Assert):
        return is_falsy_constant(statement.test)
    call = statement.value if isinstance(statement, ast.Expr) else None
    if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)):
        return False
    owner, name = call.func.value, call.func.attr
    if not isinstance(owner, ast.Name) or owner.id not in ("self", "pytest"):
        return False
    if name == "fail":
        return True
    told = call.args[0] if call.args else None
    return owner.id == "self" and (
        (name == "assertTrue" and told is not None and is_falsy_constant(told))
        or (name == "assertFalse" and isinstance(told, ast.Constant) and bool(told.value))
    )


def is_falsy_constant(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and not node.value


def checks_in_block(
    node: ast.With | ast.AsyncWith, names: TestsNames
) -> tuple[tuple[int, ...], ...]:
    """For each statement of a `with` block: its first and last line, and 1 where it or a
    statement after it may check something (`holds_a_check`), else 0; last, the same for the
    `with`'s own lines (an error its second manager raised as it was made skips the whole
    block). What follows a statement that ends the block (`ends_the_block`) is never reached,
    and counts for nothing."""
    spans = []
    checked = False
    for statement in reversed(node.body):
        ends = ends_the_block(statement)
        checked = not ends and (checked or holds_a_check(statement, names))
        decorated = getattr(statement, "decorator_list", [])
        first = min([statement.lineno, *(decorator.lineno for decorator in decorated)])
        spans.append((first, statement.end_lineno or statement.lineno, int(checked)))
    spans.reverse()
    header_checks = checked or any(holds_a_check(item, names) for item in node.items)
    header_end = max(item.context_expr.end_lineno or node.lineno for item in node.items)
    return (*spans, (node.lineno, header_end, int(header_checks)))


def rewritten_tests(source: str, path: str, entry_point: str) -> types.CodeType:
    """The tests compiled with their own comparisons routed through the harness
    (`TestsOwnComparisons`), its marks still in place (`with_test_entries`)."""
    tree = TestsOwnComparisons(entry_point).visit(ast.parse(source, path))
    return compile(tree, path, "exec")


def with_test_entries(code: types.CodeType) -> types.CodeType:
    """`code` with `entered_test` and `GuardedContext` themselves where `TestsOwnComparisons`
    put their marks: constants, which no name the task rebinds stands for (changing one means
    a new code object, or assigning `__code__`, which the audit hook reports)."""
    constants = tuple(
        entered_test
        if type(constant) is str and constant == TEST_ENTRY_MARK
        else GuardedContext
        if type(constant) is str and constant == CONTEXT_MARK
        else RETURNED_GUARD.returned_by_the_task
        if type(constant) is str and constant == RETURNED_MARK
        else with_test_entries(constant)
        if type(constant) is CODE_TYPE
        else constant
        for constant in code.co_consts
    )
    return code.replace(co_consts=constants)


TEST_ENTRY_MARK = "\x00curator: entered_test\x00"
"""Where `TestsOwnComparisons` calls `entered_test` until `with_test_entries` puts it there."""
CONTEXT_MARK = "\x00curator: GuardedContext\x00"
"""Where `TestsOwnComparisons` calls `GuardedContext` until `with_test_entries` puts it there."""
RETURNED_MARK = "\x00curator: returned_by_the_task\x00"
"""Where `TestsOwnComparisons` calls `MethodGuard.returned_by_the_task` until
`with_test_entries` puts it there."""


class GuardedContext:
    """A context manager the tests' methods use (`with patch(...)`, `with TemporaryDirectory()`),
    as `TestsOwnComparisons` compiles it in: entered and left as Python would. Only managers
    made to swallow an exception may swallow any (`may_swallow`: unittest's `assertRaises`,
    `contextlib.suppress`, the tests' own); another may swallow one that is no failed
    assertion where the rest of the block, from the statement that raised it, checks nothing
    (`skips_no_check`: a task's "log and ignore" manager, tested with `json.loads` of bad
    text). Any other swallowing is tampering, and the exception goes on. Red team:
    `ExitStack.__exit__` (where mock's patch ends) and `TemporaryDirectory.__exit__`, replaced
    by the program to return True, then given `contextlib.suppress.__exit__` (a library's
    function), swallowed the tests' failed assertions, and the method then ran to its end;
    a `contextlib.suppress(AssertionError)` the task returned, made before the tests' `with`
    named it, did too."""

    __slots__ = ("_block", "_exit", "_generator", "_maker", "_manager", "_raw_exit")
    context = GuardContext
    guard = MethodGuard
    function_type = types.FunctionType
    # Frozen for good, each swallows what it is told to: what the tests expect to be raised.
    swallowing = (
        vars(unittest.case)["_AssertRaisesContext"],
        contextlib.suppress,
        contextlib.ExitStack,
        contextlib.AsyncExitStack,
        SubTestRecord,
    )
    asserting_raises = vars(unittest.case)["_AssertRaisesContext"]
    # pytest's `raises` (8.4's class, and before), where the tests use pytest
    pytest_raising = (("_pytest.raises", "RaisesExc"), ("_pytest.python_api", "RaisesContext"))
    pytest_raising_modules = ("_pytest.raises", "_pytest.python_api")
    harness_file = __file__
    generated_kinds = (
        contextlib._GeneratorContextManager,
        contextlib._AsyncGeneratorContextManager,
    )
    # What a library's manager runs of the task's as it ends: its generator, its callbacks.
    running_the_tasks_code = (*generated_kinds, contextlib.ExitStack, contextlib.AsyncExitStack)
    # The code of unittest's own, by which the tests make an assertRaises context
    # (`self.assertRaises(X)`): the functions are made again as unittest is sealed.
    asserting_raises_makers = (
        unittest.TestCase.assertRaises.__code__,
        unittest.TestCase.assertRaisesRegex.__code__,
    )

    def __init__(
        self, manager: object, block: tuple[tuple[int, ...], ...], maker: object = _ABSENT
    ) -> None:
        self._manager = manager
        self._block = block
        self._maker = maker
        self._raw_exit: object = None
        self._exit: Callable[..., object] | None = None
        self._generator: object = None

    @staticmethod
    def made(maker: Callable[..., object], block: tuple[tuple[int, ...], ...]) -> GuardedMaker:
        """The call of the tests' `with F(a):`, which makes the manager (`F`)."""
        return GuardedMaker(maker, block)

    def special(self, name: str) -> tuple[Any, object]:
        """`name` of the manager's class, bound as Python binds a special method, and raw."""
        kind = type(self._manager)
        raw = own_attribute(kind, name)
        if raw is _ABSENT:
            raise TypeError(
                f"'{kind.__qualname__}' object does not support the context manager protocol"
            )
        bind = getattr(type(raw), "__get__", None)
        return (bind(raw, self._manager, kind) if bind is not None else raw), raw

    def __enter__(self) -> object:
        enter, _ = self.special("__enter__")
        self._exit, self._raw_exit = self.special("__exit__")
        self.take_generator()
        return enter()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: types.TracebackType | None,
    ) -> object:
        assert self._exit is not None
        raised = self.raised_in_the_block(error, trace)
        try:
            # Its truth asked once, as Python asks it, and handed on as a bool: an answer whose
            # truth changed between two askings swallowed what the harness was told it did not
            # (red team), and one whose truth raised put another error in the failure's place.
            swallows = bool(self._exit(kind, error, trace))
        except BaseException as replacement:
            self.replaced(raised, error, replacement)
            raise
        return self.swallowed(raised, swallows, "__exit__")

    async def __aenter__(self) -> object:
        enter, _ = self.special("__aenter__")
        self._exit, self._raw_exit = self.special("__aexit__")
        self.take_generator()
        return await enter()

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: types.TracebackType | None,
    ) -> object:
        assert self._exit is not None
        raised = self.raised_in_the_block(error, trace)
        try:
            swallows = bool(await cast(Awaitable[object], self._exit(kind, error, trace)))
        except BaseException as replacement:
            self.replaced(raised, error, replacement)
            raise
        return self.swallowed(raised, swallows, "__aexit__")

    def take_generator(self) -> None:
        """A generator's manager's generator, as the block begins: the one its exit throws into
        (red team: a generator of the task's swallowed, then named a library's generator as
        its manager's `gen`, which was read after the exit)."""
        if type(self._manager) in self.generated_kinds:
            self._generator = self._manager.__dict__.get("gen")

    def raised_in_the_block(
        self, error: BaseException | None, trace: types.TracebackType | None
    ) -> RaisedInBlock | None:
        """What the manager's exit is told of, read before it runs (it may change the error's
        class, or the traceback's links): the error's class, whether a swallowing would skip no
        check of the block (`skips_no_check`), and the test the block runs in."""
        if error is None:
            return None
        frame = trace.tb_frame if trace is not None else None
        in_the_tests = frame is not None and frame.f_code.co_filename == self.context.tests_path
        line = trace.tb_lineno if trace is not None and in_the_tests else None
        test: object = _ABSENT
        if frame is not None and in_the_tests and frame.f_code.co_argcount:
            test = frame.f_locals.get(frame.f_code.co_varnames[0], _ABSENT)
        return RaisedInBlock(type(error), line is not None and self.skips_no_check(line), test)

    def skips_no_check(self, line: int) -> bool:
        """Whether the statement of the block that was running at `line`, and those after it,
        check nothing (`checks_in_block`)."""
        for first, last, checked in self._block:
            if first <= line <= last:
                return not checked
        return False

    def replaced(
        self, raised: RaisedInBlock | None, error: BaseException | None, replacement: BaseException
    ) -> None:
        """The manager's exit raised `replacement` where the block raised `error`: where it may
        not have swallowed `error`, `error` goes on (red team: an exit of the task's turned the
        tests' failed assertion into the ValueError their outer `assertRaises` expected)."""
        if (
            raised is not None
            and replacement is not error
            and not self.may_end(raised)
            and not self.a_library_s_replacement(raised)
        ):
            assert error is not None
            raise error

    def a_library_s_replacement(self, raised: RaisedInBlock) -> bool:
        """Whether a library's own manager, running no code of the task's as it ends, turned
        what is no failed assertion into another error: `asyncio.timeout` and `TaskGroup` turn
        the block's `CancelledError` into `TimeoutError` or an `ExceptionGroup` (red team)."""
        kind, raw = type(self._manager), self._raw_exit
        code = getattr(raw, "__code__", None)
        return (
            not issubclass(raised.kind, AssertionError)
            and not is_among(kind, self.running_the_tasks_code)
            and not class_of_the_tasks(kind)
            and type(code) is CODE_TYPE
            and code.co_filename != self.context.tests_path
            and not self.guard.the_tasks(code.co_filename)
        )

    def may_end(self, raised: RaisedInBlock) -> bool:
        """Whether the manager may end what the block raised, by swallowing it or raising
        another: it is made to swallow, or `raised` is no failed assertion and skips no check."""
        return self.may_swallow(raised) or (
            raised.skips_no_check and not issubclass(raised.kind, AssertionError)
        )

    def swallowed(self, raised: RaisedInBlock | None, swallowed: bool, name: str) -> bool:
        """What the manager's exit answered, unless it swallowed `raised` and may not."""
        if raised is None or not swallowed or self.may_end(raised):
            return swallowed
        if type(self._manager) is self.asserting_raises and issubclass(raised.kind, AssertionError):
            return False  # the tests' assertRaises of what is no assertion: their check fails
        self.context.tamper(
            f"{type(self._manager).__qualname__}.{name} swallowed {raised.kind.__name__} raised "
            "in the tests' with block, which only unittest's assertRaises, contextlib.suppress "
            "and the tests' own may (another only what ends the block before any of its checks)"
        )
        return False

    def may_swallow(self, raised: RaisedInBlock) -> bool:
        """Whether the manager is one made to swallow what is raised within: one of
        `swallowing` or pytest's `raises`, made by no code of the task's; a generator's whose
        code is the tests' own (their `@contextmanager`); or one whose `__exit__` is the tests'
        own code. Red team: `np.errstate`, rebound to a lambda that made a
        `contextlib.suppress(AssertionError)`, swallowed the tests' failures."""
        kind = type(self._manager)
        if is_among(kind, self.swallowing) or self.is_pytest_raising(kind):
            return self.not_made_by_the_task(raised)
        if kind in self.generated_kinds:
            # The generator its exit throws into now, the one the block began with (red team:
            # the task put a generator of its own in a manager of the tests' as the block ran).
            if self._manager.__dict__.get("gen") is not self._generator:
                return False
            code = getattr(self._generator, "gi_code", getattr(self._generator, "ag_code", None))
            return type(code) is CODE_TYPE and code.co_filename == self.context.tests_path
        raw = self._raw_exit
        return (
            type(raw) is self.function_type and raw.__code__.co_filename == self.context.tests_path
        )

    def is_pytest_raising(self, kind: type) -> bool:
        for module_name, name in self.pytest_raising:
            module = sys.modules.get(module_name)
            if module is not None and kind is _module_namespace(module).get(name):
                return True
        return False

    def not_made_by_the_task(self, raised: RaisedInBlock) -> bool:
        """Whether the manager is known to be no task's: unittest's `assertRaises` context of
        the test the block runs in; or one the tests' `with F(...)` made, where `F` is the
        manager's class, or a function of the tests', the harness's (`self.subTest`) or
        pytest's `raises`. A manager made before the tests' `with` named it has no maker to
        ask (`cm = task_func(); with cm:`); a library function may hand on what the task makes
        (red team: `copy.copy` as a method of the task's class, its `__copy__` a suppress of
        its own), and unittest's `assertRaises` bound to an object of the task's made a context
        that swallowed failed assertions."""
        maker, manager = self._maker, self._manager
        if type(manager) is self.asserting_raises:
            return self.the_tests_assert_raises(raised)
        if maker is _ABSENT:
            return False
        if maker is type(manager):
            return True
        function = maker.__func__ if type(maker) is types.MethodType else maker
        if type(function) is not self.function_type:
            return False
        made_in = function.__code__.co_filename
        return made_in in (self.context.tests_path, self.harness_file) or any(
            function is _module_namespace(module).get("raises")
            for module in map(sys.modules.get, self.pytest_raising_modules)
            if module is not None
        )

    def the_tests_assert_raises(self, raised: RaisedInBlock) -> bool:
        """Whether an `assertRaises` context is the tests' own: made before the `with` by the
        test the block's function was given first (`self`, or a helper's `case`), or made by
        the `with` through unittest's own `assertRaises` of a test (`self.assertRaises(X)`,
        `case.assertRaises(X)`) or numpy's `assert_raises`; and, to swallow a failed assertion,
        expecting one (red team: a task's error named as an alias of `Exception` made the
        tests' `assertRaises` swallow their own failed check)."""
        manager, maker = self._manager, self._maker
        state = vars(manager)
        expected = state.get("expected")
        if issubclass(raised.kind, AssertionError) and not all(
            type(kind) is type and issubclass(kind, AssertionError)
            for kind in (expected if type(expected) is tuple else (expected,))
        ):
            return False
        if maker is _ABSENT:
            return raised.test is not _ABSENT and state.get("test_case") is raised.test
        function = maker.__func__ if type(maker) is types.MethodType else maker
        numpy_testing = sys.modules.get("numpy.testing")
        code = getattr(function, "__code__", None) if type(function) is self.function_type else None
        made_by_a_library = is_among(code, self.asserting_raises_makers) or (
            numpy_testing is not None
            and function is _module_namespace(numpy_testing).get("assert_raises")
        )
        return made_by_a_library and issubclass(type(state.get("test_case")), unittest.TestCase)


class RaisedInBlock(NamedTuple):
    """What `GuardedContext.raised_in_the_block` read as the block ended by an exception."""

    kind: type[BaseException]
    skips_no_check: bool
    test: object  # the first argument of the tests' function the block is in, if any


class GuardedMaker:
    """`GuardedContext.made(F, block)`: calls `F` as the tests' `with F(...)` does, and guards
    what it makes, knowing what made it."""

    __slots__ = ("_block", "_maker")

    def __init__(self, maker: Callable[..., object], block: tuple[tuple[int, ...], ...]) -> None:
        self._maker = maker
        self._block = block

    def __call__(self, *args: object, **kwargs: object) -> GuardedContext:
        return GuardedContext(self._maker(*args, **kwargs), self._block, self._maker)


class RunWatches(NamedTuple):
    """A run's audit watch and machinery snapshot (`run_watches`)."""

    watch: AuditWatch
    machinery: Machinery


def run_watches(task_path: str, scratch: str) -> RunWatches:
    """The run's audit watch (`scratch`: the cwd it runs in) and machinery snapshot, each
    `sealed`: made by a prepared run's harness as it waits for its request (0.7 ms off the
    run's path), before any task code runs, as the run would make them (the machinery's
    values come from the warm worker's baseline)."""
    here = os.path.dirname(os.path.abspath(__file__))
    watch = sealed(
        AuditWatch,
        scratch,
        (os.path.abspath(__file__), os.path.join(here, "worker.py"), tests_path_for(task_path)),
        task_path,
    )
    return RunWatches(watch, sealed(Machinery, machinery_extra()))


def claim_live_result(result: HarnessResult, /, *, held: list[HarnessResult] | None = None) -> None:
    """Once a run, before the tests run: a second claim is the task's (refused, tampering).
    `held` is given by `warm_up`, as the default of this function and of those that reach the
    run's result (`ResultFront`'s methods, `entered_test`, `TestMethodExit`, `SubTestRecord`):
    the task's reading of a harness function's defaults is tampering
    (`AuditWatch._on_attribute_read`)."""
    if held is None or held:
        sys.audit(TAMPERING_EVENT, "claimed the harness's result for an object of its own")
        return
    held.append(result)


_test_case_dict = vars(unittest.TestCase)["__dict__"].__get__
"""How `entered_test` reads a test's attributes, past its own attribute lookups."""


def entered_test(
    test: object,
    name: str,
    /,
    *,
    held: Sequence[HarnessResult] = (),
    method_exit: TestMethodExit | None = None,
    getframe: Callable[[int], types.FrameType] = sys._getframe,
    audit: Callable[..., None] = sys.audit,
) -> TestMethodExit | None:
    """Each test method runs within this (`with_test_entries`): it runs as the test unittest
    runs, else the task is running the tests' methods itself. A program ran them with a `self`
    of its own whose assertions kept their arguments, and learnt every expected answer; then
    with an outcome holding a HarnessResult of its making (`object.__new__`); then the running
    test again, inside itself, its real assertion's message saying the answer; then another
    test first, so that the running one was no longer the one last entered (red team). So a
    test method is entered once between the start and the end of its test, as that test, and
    another inside it only when the tests' own code calls it; `method_exit` then notes how it
    ends. The run's result is `held` (given by `warm_up`), the module's names it reads are
    sealed (`SealedGlobals`), and `sys`'s functions, which the task may replace, are its
    defaults."""
    result = held[0] if held else None
    if result is None or result._running is not test:
        reason = (
            f"ran the tests' {name} outside the test unittest runs (with a self of its own, which "
            "learns what their assertions expect)"
        )
    else:
        entered, method = result._entered, _test_case_dict(test).get("_testMethodName")
        if entered is None and type(method) is str:
            # The method unittest runs: under its own name, or under another it was bound to
            # (`test_noise_7 = test_noise`), its function's name.
            bound = own_attribute(type(test), method)
            if type(bound) is MethodGuard:  # as `guard_methods` keeps the tests' methods
                bound = bound[0]
            if method == name or getattr(bound, "__name__", None) == name:
                result._entered = name
                result.method_entered()
                return method_exit
        if type(entered) is str and entered != name:
            if getframe(2).f_code.co_filename == GuardContext.tests_path:
                result.method_entered()
                return method_exit  # a test method calling another: the tests' own doing
            reason = f"ran the tests' {name} inside {entered}"
        elif entered is None:
            reason = f"ran the tests' {name} as {method} set up"
        else:
            reason = f"ran the tests' {name} again inside itself"
    audit(TAMPERING_EVENT, reason)
    raise RuntimeError(f"the tests' {name} runs once, as its test")


def carries_entry(test_cases: type, name: str) -> bool:
    """Whether unittest's test `name` is a method of the tests' own source that runs to its end
    in one call (not a generator's or a coroutine's, which a plain TestCase never runs): it
    then enters `entered_test`, and passes only once it has ended."""
    value = own_attribute(test_cases, name)
    function = value[0] if type(value) is MethodGuard else value
    if type(function) is not types.FunctionType:
        return False
    code = function.__code__
    # IsolatedAsyncioTestCase runs a coroutine method to its end, or should: a program marked
    # the test's own asyncio Task done and waited for ever, and the test's assertions never ran
    # (red team). (Its module is loaded where the tests use it.)
    async_case = sys.modules.get("unittest.async_case")
    awaited = getattr(async_case, "IsolatedAsyncioTestCase", None)
    unfinished = UNFINISHED_CALLS
    if isinstance(awaited, type) and issubclass(test_cases, awaited):
        unfinished &= ~inspect.CO_COROUTINE
    return not code.co_flags & unfinished and is_among(entered_test, code.co_consts)


UNFINISHED_CALLS = inspect.CO_GENERATOR | inspect.CO_COROUTINE | inspect.CO_ASYNC_GENERATOR
"""Functions whose call returns before their body runs (a coroutine's, but where it is
awaited)."""


def run_harness(
    request: dict[str, Any],
    task_path: str,
    channel: Channel,
    measurement: Any,
    program: str | None = None,
    tests_ahead: Callable[[], bytes] = bytes,
    watches: RunWatches | None = None,
) -> None:
    """Load the program (`task_path`'s text, or `program` shown as that file) and the tests in
    module `__test__`, run the suite, report. `tests_ahead`: the tests compiled elsewhere
    (`compiled_tests`), read when they are needed; `watches`: the run's, made ahead
    (`run_watches`)."""
    options = request["options"]
    # Only a run that records lines lists new modules: copying sys.modules' names touches
    # every one of them (about 1.5 ms of copy-on-write faults in a fork).
    modules_before = set(sys.modules) if options.get("test_lines") else set()
    emit = channel.emit
    perf_counter = CLOCK
    emit(Event.STARTED, clock=perf_counter())
    GarbageSentinel()  # unreachable at once: the next collection finds it
    test_case_class = unittest.TestCase
    suite_class = unittest.TestSuite
    loader = unittest.TestLoader()
    tests_path = tests_path_for(task_path)
    tests_source = request["tests"]
    try:
        declared = declared_in(request)
    except SyntaxError as error:
        emit(Event.INVALID, message=f"the tests do not compile: {error}")
        emit(Event.DONE, clock=perf_counter())
        return
    # The tests' source is never a file the task could read (their classes it can: see the
    # module's docstring); its lines are lent to linecache only while a traceback is formatted.
    tests_lines = (len(tests_source), None, tests_source.splitlines(keepends=True), tests_path)

    def format_traceback(
        kind: type[BaseException], value: BaseException, trace: types.TracebackType | None
    ) -> str:
        linecache.cache[tests_path] = tests_lines
        try:
            shown = traceback.TracebackException(kind, value, trace)
            # As unittest prints it: none of its own machinery's frames (its modules set
            # `__unittest`; read with dict's own method, so that no task-made globals answer),
            # and a guarded assertion's frame (`MethodGuard.compare`) is the harness's.
            frames = [
                (frame, line)
                for frame, line in traceback.walk_tb(trace)
                if frame.f_code.co_filename != __file__
            ]
            kept = [
                (frame, line)
                for frame, line in frames
                if not dict.__contains__(frame.f_globals, "__unittest")
            ]
            # When every frame is unittest's (an error raised in its own code), they are shown.
            shown.stack = traceback.StackSummary.extract(iter(kept or frames))
            return "".join(shown.format())
        finally:
            linecache.cache.pop(tests_path, None)

    failure_text_left = FAILURE_TEXT_BUDGET

    def error_fields(error: tuple[Any, ...]) -> dict[str, object]:
        nonlocal failure_text_left
        kind, value, trace = error
        message = clipped("".join(traceback.format_exception_only(kind, value)).strip())
        formatted = clipped(format_traceback(kind, value, trace))
        failure_text_left -= len(message) + len(formatted)
        if failure_text_left < 0:
            message = message[:SHORT_TEXT_LIMIT]
            formatted = f"(left out: the run's failures said over {FAILURE_TEXT_BUDGET} characters)"
        fields: dict[str, object] = {
            "message": message,
            "traceback": formatted,
            "memory": issubclass(kind, MemoryError),
        }
        missing = missing_module(value, (task_path, tests_path))
        if missing:
            emit(Event.MISSING_MODULE, module=missing[0], importer=missing[1])
        return fields

    watch, machinery_made = watches or run_watches(task_path, os.getcwd())

    def report_tampering(reason: str) -> None:
        """At once: the end of the test may never come. Sent again with the others at the
        end, so a record that cannot be made now (no stack left) is not lost."""
        with contextlib.suppress(Exception):
            emit(Event.TAMPERING, reasons=[reason])

    watch.on_tamper = report_tampering
    os.register_at_fork(after_in_child=channel.disarm)
    watch.on_child = channel.disarm
    watch.install()
    cov = None
    if options["coverage"]:
        os.environ["COVERAGE_CORE"] = "ctrace"
        import coverage

        watch.coverage_root = os.path.join(os.path.dirname(coverage.__file__), "")
        cov = measurement or coverage.Coverage(
            data_file=None, branch=True, include=[task_path], config_file=False
        )
    start_guarding(tests_path, tests_source, declared, cov)
    module = types.ModuleType(MODULE_NAME)
    module.__file__ = task_path
    # The harness reads the module through its dict and the builtins it gives it, as they are
    # now: the program could give the module a class whose `__dict__` lies, or builtins of its
    # own for the tests' code to run with (`__import__`, `__build_class__`, `len`).
    namespace = module.__dict__
    namespace["__builtins__"] = builtins_namespace = vars(builtins)
    sys.modules[MODULE_NAME] = module
    if program is None:
        with open(task_path, encoding="utf-8") as handle:
            program = handle.read()
    test_lines = cov is not None and bool(options.get("test_lines"))

    program_code: list[types.CodeType] = []  # once compiled: `tested_arcs` reads its functions
    # The tests are compiled before any code of the program's runs: `ast.parse`, replaced for
    # one call as the program loaded, rewrote every assertion of theirs into `pass` (red team).
    try:
        tests_code: types.CodeType | SyntaxError = compiled_tests(
            tests_source, tests_path, request["entry_point"], tests_ahead()
        )
    except SyntaxError as error:
        tests_code = error

    def load(source: str, path: str, what: str) -> bool:
        try:
            if path != tests_path:
                code = compiled(source, path)
            elif isinstance(tests_code, SyntaxError):
                raise tests_code
            else:
                code = tests_code
        except SyntaxError as error:
            emit(Event.INVALID, message=f"{what} does not compile: {error}")
            return False
        if path == task_path:
            program_code.append(code)
        watch.armed = watch.active = True
        try:
            exec(code, namespace)
        except BaseException as error:
            watch.active = False
            missing = missing_module(error, (task_path, tests_path))
            refused = refused_replacement(error)
            if refused is not None:
                watch.tamper(refused)
            elif missing:
                emit(Event.MISSING_MODULE, module=missing[0], importer=missing[1])
            else:
                emit(
                    Event.INVALID,
                    message=f"{what} raised {type(error).__name__}: {error}",
                    traceback=format_traceback(type(error), error, error.__traceback__),
                )
            return False
        watch.active = False
        if type(module) is not types.ModuleType:
            watch.tamper("changed the class of the task's module")
        if namespace.get("__builtins__") is not builtins_namespace:
            watch.tamper("gave the task's module builtins of its own")
        return True

    machinery = machinery_made if options.get("machinery_checks", True) else Unwatched()
    modules = ModuleSnapshot([], [], [])
    if options.get("machinery_checks", True):
        bindings = [
            binding
            for binding in program_imports_in(request, program)
            if binding[0] in declared.free_names
        ]
        import_quietly(
            [
                *sorted(declared.imports),
                *(
                    f"{module}.{attribute}" if attribute else module
                    for _, module, attribute in bindings
                ),
            ]
        )
        modules = snapshot_modules(bindings)
        note_library_originals()  # of the libraries loaded for this run, before the program
        machinery.watch_more(guard_mock())
        machinery.watch_reads(declared, bindings)
    threads_before = set(_map(id, _threads()))
    if cov is not None:
        cov.start()
        cov.switch_context(LOAD_CONTEXT)
    loaded = load(program, task_path, "the task program")
    if cov is not None:
        cov.switch_context("")
    wrapper_at_load = (
        entry_wrapper(namespace.get(request["entry_point"]), program_code, request["entry_point"])
        if test_lines
        else None
    )
    # A thread the program started as it loaded and left running runs task code while the
    # tests do, which coverage counts as theirs (red team: one that waited for the tests, then
    # called task_func on every branch, made one test's 50% read 90%).
    for thread in _threads():
        if id(thread) not in threads_before and _thread_alive(thread):
            watch.note_load_thread(_thread_name(thread)[:80])
    # Compared before the tests load too: a change the program made that puts itself back as
    # they load is seen now or never (red team: `builtins.__build_class__` replaced, which made
    # every test of TestCases a no-op and then restored itself; a twin of numpy in sys.modules
    # for the tests' own import, which put the real one back as the import asked its spec).
    changed_at_load = machinery.changes() + moved_modules(modules, namespace) if loaded else []
    if loaded:  # before the tests bind them (`from numpy.testing import assert_equal`)
        guard_library_assertions(load=LIBRARY_ASSERTION_CALLS.search(tests_source) is not None)
    loaded = loaded and load(tests_source, tests_path, "the tests")
    test_cases = namespace.get("TestCases")
    if loaded:
        if not callable(namespace.get(request["entry_point"])):
            emit(Event.INVALID, message=f"no entry point {request['entry_point']!r}")
            loaded = False
        elif not (isinstance(test_cases, type) and issubclass(test_cases, test_case_class)):
            emit(Event.INVALID, message="the tests define no unittest TestCases class")
            loaded = False
    tampering = list(watch.tampering)
    frozen_tests = FrozenClasses([])
    if loaded:
        assert isinstance(test_cases, type)
        guard_library_assertions(load=LIBRARY_ASSERTION_CALLS.search(tests_source) is not None)
        machinery.guarded_since()
        machinery.note_library_guards()
        changed = list(
            dict.fromkeys(
                changed_at_load
                + machinery.changes()
                + machinery.foreign_library_functions()
                + moved_modules(modules, namespace)
            )
        )
        tampering += [f"changed {name}" for name in changed[:5]]
        foreign = [
            cls.__qualname__
            for cls in test_cases.__mro__
            if cls.__module__ == MODULE_NAME and cls.__qualname__ not in declared.classes
        ]
        if foreign:
            tampering.append(
                "TestCases inherits from classes the tests do not define: " + ", ".join(foreign)
            )
        own_classes = [cls for cls in test_cases.__mro__ if cls.__module__ == MODULE_NAME]
        for cls in own_classes:
            guard_methods(cls)
        frozen_tests = FrozenClasses(own_classes)
        machinery.watch_tests(own_classes)
        machinery.watch_bindings(namespace, declared.top_level_names)
        watch.watch_tests_functions(own_classes)
    names: list[str] = []
    if loaded:
        assert isinstance(test_cases, type)
        names = list(loader.getTestCaseNames(test_cases))
        if options.get("test_order") is not None:
            names = list(options["test_order"])
        longest = max(names, key=len, default="")
        if len(names) > TESTS_LIMIT or len(longest) > TEST_NAME_LIMIT:
            emit(
                Event.INVALID,
                message=f"the tests define {len(names):,} tests; a task may have at most "
                f"{TESTS_LIMIT}"
                if len(names) > TESTS_LIMIT
                else f"a test's name holds {len(longest):,} characters; at most "
                f"{TEST_NAME_LIMIT}: {longest[:80]}...",
            )
            loaded, names = False, []
        else:
            emit(Event.TESTS, names=names, clock=perf_counter())
    ended: set[str] = set()
    fixture_failures: list[tuple[str, str]] = []  # (outcome, what failed)
    random_seed = options.get("random_seed")
    fail_fast = bool(options.get("fail_fast"))
    cpu_limits: dict[str, float] = options.get("test_cpu_limits_s") or {}
    if cpu_limits:
        signal.signal(signal.SIGPROF, _out_of_cpu_time)

    def on_start(name: str) -> None:
        emit(Event.START, test=name)
        guard_library_assertions()  # numpy.testing, if an earlier test loaded it
        machinery.guarded_since()
        frozen_tests.freeze()  # from before setUp until after the cleanups: task code may run
        if random_seed is not None:
            _seed_everything(per_test_seed(int(random_seed), name))
        if name in cpu_limits:
            signal.setitimer(signal.ITIMER_PROF, cpu_limits[name])
        if test_lines and cov is not None:
            cov.switch_context(name)
        watch.test_network = []
        watch.in_test = watch.active = True

    def on_end(name: str, event: dict[str, object]) -> None:
        asked_again()  # the task's code runs, watched as within the test
        watch.in_test = False
        watch.active = False
        frozen_tests.thaw()  # class fixtures may keep state in their class
        if cpu_limits:
            signal.setitimer(signal.ITIMER_PROF, 0)
        changed = (
            machinery.changes()
            + machinery.foreign_library_functions()
            + moved_modules(modules, namespace)
        )
        error = event.pop("error", None)
        refused = refused_replacement(error[1] if isinstance(error, tuple) else None)
        # Formatted before the reasons are read: formatting calls `traceback`, whose functions
        # task code may have replaced (the hook watches what they do).
        fields = error_fields(error) if isinstance(error, tuple) else {}
        reasons = [f"changed {change}" for change in changed[:5]] + [
            reason for reason in watch.tampering if reason not in tampering
        ]
        if refused is not None:
            reasons.append(refused)
        if reasons:
            event = tampered("; ".join(reasons))
            tampering.extend(reasons)
        else:
            if "tampering" in event:
                tampering.append(str(event["tampering"]))
            event.update(fields)
        event.pop("tampering", None)
        if watch.test_network and event["outcome"] in ("fail", "error"):
            event["network"] = watch.test_network  # where a failure may come from no network
        if (
            test_lines and cov is not None
        ):  # class fixtures and cleanups between tests run for no test in particular
            cov.switch_context("")
        ended.add(name)
        emit(Event.END, test=name, **event)
        if tampering or (fail_fast and event["outcome"] not in ("pass", "skip")):
            front.stop()
        watch.active = True

    def on_fixture(
        description: str, kind: str, error: tuple[Any, ...] | None, reason: str | None
    ) -> None:
        fields = error_fields(error) if error else {"message": clipped(str(reason))}
        if kind == "skip" and not (declared.skips >= declared.names):
            tampering.append(f"{description} raised SkipTest, but the tests declare no skip there")
        outcome = "skip" if kind == "skip" else "error"
        fixture_failures.append((outcome, f"{description}: {fields.get('message')}"))
        emit(Event.FIXTURE, name=description, outcome=outcome, **fields)

    entries = frozenset(
        name for name in names if isinstance(test_cases, type) and carries_entry(test_cases, name)
    )
    claim_live_result(
        HarnessResult(declared, on_start, on_end, on_fixture, test_case_class, tests_path, entries)
    )
    front = ResultFront()
    runnable = []
    for name in names if loaded and not tampering else []:
        try:
            runnable.append(test_cases(name))  # type: ignore[misc]
        except (ValueError, AttributeError):
            emit(Event.START, test=name)
            emit(
                Event.END,
                test=name,
                outcome="error",
                duration_s=0.0,
                message=f"no test method {name!r} in TestCases",
            )
            ended.add(name)
    if runnable:
        watch.active = True
        try:
            suite_class(runnable).run(front)  # type: ignore[arg-type]
        finally:
            watch.active = False
    if cov is not None:
        cov.stop()
    tampering += [reason for reason in watch.tampering if reason not in tampering]
    # The full check reads the code of every watched function (an audited `__code__` each,
    # 4 ms of the hook's time a run) with builtins alone: no task code can run in it.
    watch.armed = False
    changed = machinery.changes(full=True) + forged_patterns()
    watch.armed = True
    tampering += [
        reason for reason in (f"changed {name}" for name in changed[:5]) if reason not in tampering
    ]
    not_run = "not run: " + "; ".join(what for _, what in fixture_failures)
    # Tests a declared fixture skip left out are skipped, as unittest counts them.
    not_run_outcome = (
        "skip" if fixture_failures and {o for o, _ in fixture_failures} == {"skip"} else "error"
    )
    if tampering:
        not_run, not_run_outcome = "not run: tampering", "error"
    for name in names if loaded else []:
        if name not in ended:
            emit(Event.START, test=name)
            emit(
                Event.END,
                test=name,
                outcome=not_run_outcome,
                duration_s=0.0,
                message=not_run if fixture_failures or tampering else "not run",
                started=False,
            )
    if tampering:
        emit(Event.TAMPERING, reasons=tampering[:20])
    if cov is not None:
        stopped = perf_counter()
        arcs = tested_arcs(cov.get_data(), task_path, program_code)
        emit(Event.ARCS, arcs=arcs[: ARCS_LIMIT + 1], clock=stopped, clock_after=perf_counter())
        if test_lines and not tampering:
            entry = namespace.get(request["entry_point"])
            emit(
                Event.LINES,
                **lines_by_test(cov, task_path, modules_before),
                bound_sockets=watch.bound_sockets,
                entry_wrapper=wrapper_at_load
                or entry_wrapper(entry, program_code, request["entry_point"]),
            )
    # The tests' findings go before the examples run: a time limit or memory budget the
    # examples exhaust then leaves the tests' results whole (the supervisor keeps them).
    emit(Event.RUNTIME, findings=watch.runtime_findings())
    if loaded and options.get("doctests") and not tampering:
        watch.begin_examples()
        # Written as each is seen: examples cut short (a time limit, memory, os._exit) would
        # otherwise take their findings along, and the tests' verdict stands without them.
        # The examples' threads may note findings at once, and a signal handler of theirs may
        # note one while a record is being written (in the same thread: waiting for the lock
        # would never end, writing at once would interleave two records): whoever holds the
        # lock writes again while findings are pending.
        reporting = threading.Lock()
        pending = [False]

        def report_examples_findings() -> None:
            pending[0] = True
            while pending[0] and reporting.acquire(blocking=False):
                try:
                    while pending[0]:
                        pending[0] = False
                        emit(Event.EXAMPLES_FINDINGS, findings=watch.runtime_findings())
                finally:
                    reporting.release()

        watch.on_finding = report_examples_findings
        watch.active = True
        tampered_before = len(watch.tampering)
        doctest_record = run_doctests(module, request["entry_point"], program, task_path)
        watch.active = False
        # The examples call task code too, which could change how they are judged: what was
        # replaced since (by identity, in C: a code object assigned is the hook's to see).
        reasons = [
            f"changed {name} (in the docstring examples)"
            for name in machinery.changes() + forged_patterns()
            if name not in changed
        ] + watch.tampering[tampered_before:]
        emit(Event.DOCTEST, **doctest_record, findings=watch.runtime_findings())
        if reasons:
            emit(Event.TAMPERING, reasons=reasons[:5])
    emit(Event.DONE, clock=perf_counter())


def lines_by_test(cov: Any, task_path: str, modules_before: set[str]) -> dict[str, object]:
    """Which lines of the program each test ran (`outside`: lines run for no one test, such as
    the module's own body and class fixtures), and the modules first imported during the run:
    what a batch of variants of this program preloads and which of its tests it runs."""
    by_test: dict[str, set[int]] = {}
    outside: set[int] = set()
    at_load: set[int] = set()
    for line, contexts in cov.get_data().contexts_by_lineno(task_path).items():
        for context in contexts:
            if context in ("", LOAD_CONTEXT):
                outside.add(line)
                if context == LOAD_CONTEXT:
                    at_load.add(line)
            else:
                by_test.setdefault(context, set()).add(line)
    modules = sorted(
        name
        for name, module in list(sys.modules.items())
        if name not in modules_before and module is not None and name != MODULE_NAME
    )
    return {
        "by_test": {name: sorted(lines) for name, lines in by_test.items()},
        "outside": sorted(outside),
        "at_load": sorted(at_load),
        "modules": modules,
    }


def entry_wrapper(entry: object, program: Sequence[types.CodeType], entry_point: str) -> str | None:
    """What of the program's own stands as its entry point in place of the function its `def`
    made (a decorator's wrapper, a function bound to the name), found through functools'
    partials and `__wrapped__`; None where it is that function, or a library's wrapper of it.
    Mutation testing mutates the solution, never what wraps it: a decorator of the prompt's
    that ran task_func on answers it knew, at its first call, put a function returning None
    in place of any mutant that differed (red team)."""
    module = program[0] if program else None
    defined = next(
        (
            constant
            for constant in (module.co_consts if module is not None else ())
            if type(constant) is CODE_TYPE and constant.co_name == entry_point
        ),
        None,
    )
    for _ in range(8):
        if type(entry) is functools.partial:
            entry = entry.func
            continue
        if type(entry) is types.MethodType:
            entry = entry.__func__
        if type(entry) is types.FunctionType:
            code = entry.__code__
            if code is defined or defined is None:
                return None
            if code.co_filename == defined.co_filename:
                return f"{code.co_name} (line {code.co_firstlineno})"
        elif defined is not None and (call := own_call(entry, defined.co_filename)) is not None:
            # An object of the program's class, called: its `__wrapped__` is its own word
            # (red team: round eleven's decorator as a class, `__wrapped__` the def's function).
            return call
        try:
            entry = getattr(entry, "__wrapped__", None)
        except Exception:
            return None
        if entry is None:
            return None
    return None


def own_call(entry: object, program_file: str) -> str | None:
    """`entry`'s class's `__call__`, where the program defines it ("_Vetted.__call__ (line 9)"),
    found in the classes' own dictionaries: reading the attribute could run the task's code."""
    call = own_attribute(type(entry), "__call__")
    code = call.__code__ if type(call) is types.FunctionType else None
    if code is not None and code.co_filename == program_file:
        return f"{getattr(code, 'co_qualname', code.co_name)} (line {code.co_firstlineno})"
    return None


def tested_arcs(
    data: Any, task_path: str, program: Sequence[types.CodeType]
) -> list[tuple[int, int]]:
    """The program's arcs, but those its functions ran only while it loaded: a program that
    calls `task_func` at module level would otherwise cover the branches its tests miss. The
    module's own code (its imports, `def` lines and class bodies) runs only then, and counts."""
    arcs = set(data.arcs(task_path) or [])
    data.set_query_contexts([AT_LOAD])
    in_functions = function_lines(program[0]) if program else set()
    at_load = {
        arc
        for arc in data.arcs(task_path) or []
        if abs(arc[0]) in in_functions or abs(arc[1]) in in_functions
    }
    if at_load:
        data.set_query_contexts([AFTER_LOAD])
        arcs -= at_load - set(data.arcs(task_path) or [])
    data.set_query_contexts(None)
    return sorted(arcs)


def function_lines(code: types.CodeType) -> set[int]:
    """The lines of the functions and methods `code` defines, and of all they define, but the
    first line of each at the top (its `def` or first decorator, which the defining code
    runs). Comprehensions and lambdas at module level, and class bodies, are the module's."""
    lines: set[int] = set()
    nested = [(const, False) for const in code.co_consts if isinstance(const, CODE_TYPE)]
    while nested:
        inner, within_function = nested.pop()
        top_function = not within_function and (
            inner.co_flags & FUNCTION_FLAG and not inner.co_name.startswith("<")
        )
        if within_function or top_function:
            lines.update(line for _, _, line in inner.co_lines() if line is not None)
        if top_function:
            lines.discard(inner.co_firstlineno)
        nested.extend(
            (const, within_function or bool(top_function))
            for const in inner.co_consts
            if isinstance(const, CODE_TYPE)
        )
    return lines


def _out_of_cpu_time(signum: int, frame: object) -> None:
    """A test went over its CPU-time limit: end at once (an exception could be caught by the
    looping code); the records so far are already written."""
    os._exit(CPU_TIME_EXIT)


def per_test_seed(run_seed: int, test: str) -> int:
    """Each test's own seed in a seeded run: one seed for all let a test tell the flaky check
    from a validation (two tests began from the same random state) and pass only there."""
    return (run_seed + zlib.crc32(test.encode())) % 2**32


def _seed_everything(seed: int) -> None:
    random.seed(seed)
    seed_library_generators(seed)


def run_doctests(module: object, entry_point: str, program: str, path: str) -> dict[str, object]:
    """Run the entry point's docstring examples, as BigCodeBench's annotation CI did, as the
    program's source writes them (`written_examples`); where the entry point is no function
    the source defines, as its docstring holds them."""
    import io

    globs = dict(vars(module))
    tests = written_examples(program, entry_point, globs, path)
    if tests is None:
        finder = doctest.DocTestFinder(recurse=False)
        tests = finder.find(getattr(module, entry_point), entry_point, globs=globs)
    flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    runner = doctest.DocTestRunner(optionflags=flags)
    output = io.StringIO()
    for test in tests:
        runner.run(test, out=output.write)
    outcome = runner.summarize(verbose=False)
    return {
        "attempted": outcome.attempted,
        "failed": outcome.failed,
        "report": output.getvalue()[-OUTPUT_TAIL_BYTES:],
    }


def written_examples(
    program: str, entry_point: str, globs: dict[str, Any], path: str
) -> list[doctest.DocTest] | None:
    """The examples in the docstring of the program's function `entry_point` as its source
    writes it (None where the source defines no such function): a program trimmed the live
    `task_func.__doc__` of its wrong example as it loaded, and no example ran (red team)."""
    try:
        tree = ast.parse(program)
    except (SyntaxError, ValueError):
        return None
    defined = [
        node
        for node in tree.body
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name == entry_point
    ]
    if not defined:
        return None
    function = defined[-1]
    docstring = ast.get_docstring(function, clean=False)
    if docstring is None:
        return []
    # The line DocTestFinder counts a function's examples from: its first decorator's, or
    # its `def`'s (0-based).
    first = min([function.lineno, *(node.lineno for node in function.decorator_list)]) - 1
    test = doctest.DocTestParser().get_doctest(docstring, globs, entry_point, path, first)
    return [test] if test.examples else []
