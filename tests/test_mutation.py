"""Mutation analysis: operators, runs in the real sandbox, mutation.json, and `curator mutate`."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta

import pytest

from conftest import WORD_COUNT_TESTS, make_task
from curator.bank import Bank
from curator.models import Verdict
from curator.mutation import (
    MUTATION_FILE,
    OPERATORS,
    MutantStatus,
    MutationError,
    current_report,
    generate_mutants,
    mark_equivalent,
    mutate_task,
    read_report,
    store_report,
    task_mutants,
    unmark_equivalent,
)
from curator.mutation.run import selected_tests, sham_program
from curator.program import docstring_span
from curator.sandbox import RunOptions, Sandbox, TestLines
from curator.validation import validate_task

EVERY_OPERATOR_PROGRAM = '''def task_func(values, limit):
    """Sum the doubled values between 1 and limit, then split the sum by limit."""
    if not values or limit < 0:
        raise ValueError("bad")
    total = 0
    for value in values[1:limit]:
        total += value * 2
    try:
        pairs = divmod(total, limit)
    except ZeroDivisionError:
        pairs = None
    print(total)
    return sorted([pairs[0]] if pairs else [])
'''

# The word-count tests with the assertions of one test deleted: it still runs the code.
WEAKENED_TESTS = WORD_COUNT_TESTS.replace(
    'self.assertEqual(task_func("A a", top=1), [("a", 2)])', 'task_func("A a", top=1)'
)


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox() as shared:
        yield shared


# -- operators -----------------------------------------------------------------------------------


def test_every_operator_plants_a_compiling_one_place_change() -> None:
    mutants = generate_mutants(EVERY_OPERATOR_PROGRAM)
    assert {mutant.operator for mutant in mutants} == set(OPERATORS)
    changes = {(mutant.operator, mutant.description) for mutant in mutants}
    for expected in (
        ("arithmetic", "+= becomes -="),
        ("arithmetic", "* becomes /"),
        ("comparison", "< becomes <="),
        ("boolean", "or becomes and"),
        ("boolean", "drop a `not`"),
        ("constant", "0 becomes 1"),
        ("return-value", "return None instead"),
        ("call-removal", "remove the call print()"),
        ("call-removal", "sorted(x) becomes x"),
        ("argument-swap", "swap the first two arguments of divmod()"),
        ("slice-bounds", "slice starts one later"),
        ("slice-bounds", "slice ends one earlier"),
        ("exception-type", "raise ValueError becomes raise TypeError"),
        ("exception-type", "except ZeroDivisionError becomes except RuntimeError"),
    ):
        assert expected in changes
    swap = next(mutant for mutant in mutants if mutant.operator == "argument-swap")
    assert "+        pairs = divmod(limit, total)\n" in swap.diff
    assert swap.line == 9
    for mutant in mutants:
        compile(mutant.program, "task.py", "exec")
        removed = [line for line in mutant.diff.splitlines() if line.startswith("-    ")]
        assert len(removed) == 1 and mutant.program != EVERY_OPERATOR_PROGRAM
        assert len(mutant.program.splitlines()) == len(EVERY_OPERATOR_PROGRAM.splitlines())
    assert len({mutant.id for mutant in mutants}) == len(mutants)
    # `raise ValueError(...)` as `raise "..."` raises a TypeError anyway (walk 44): it survived
    # every test of the type alone, while the exception-type mutant tests just that.
    assert not [change for change in changes if change[1] == "ValueError(x) becomes x"]


def test_only_the_solution_is_mutated_and_ids_survive_edits_elsewhere() -> None:
    task = make_task()
    docstring_end = docstring_span(task.program, task.entry_point)[1]
    mutants = task_mutants(task)
    assert mutants and all(mutant.line > docstring_end for mutant in mutants)
    # Another line in the prompt moves every mutant down a line but keeps every id.
    moved = make_task(complete_prompt=task.complete_prompt.replace("import re\n", "import re\n\n"))
    moved_mutants = task_mutants(moved)
    assert [m.id for m in moved_mutants] == [m.id for m in mutants]
    assert [m.line for m in moved_mutants] == [m.line + 1 for m in mutants]
    assert len(task_mutants(task, max_mutants=3)) == 3


# -- runs ----------------------------------------------------------------------------------------


def test_fail_fast_stops_at_the_first_failing_test(sandbox: Sandbox) -> None:
    task = make_task(canonical_solution="    return []\n")
    order = ["test_counts", "test_case_insensitive", "test_bad_top"]
    run = sandbox.run(task.program, task.test, options=RunOptions(fail_fast=True, test_order=order))
    assert [(test.name, test.started) for test in run.tests] == [
        ("test_counts", True),
        ("test_case_insensitive", False),
        ("test_bad_top", False),
    ]
    assert run.tests[0].outcome == "fail"
    full = sandbox.run(task.program, task.test, options=RunOptions(test_order=order))
    assert all(test.started for test in full.tests)


def test_weakened_tests_score_lower_and_survivors_are_named(sandbox: Sandbox) -> None:
    strong = mutate_task(make_task(), sandbox)
    weak = mutate_task(make_task(test=WEAKENED_TESTS), sandbox)
    assert strong.problem is None and weak.problem is None
    assert len(strong.mutants) == len(weak.mutants) >= 10
    assert strong.score is not None and weak.score is not None
    assert weak.score < strong.score
    survivor_ids = {mutant.id for mutant in weak.survivors()}
    assert survivor_ids > {mutant.id for mutant in strong.survivors()}
    # Counting "A" apart from "a" passes the weakened tests only.
    no_lower = next(m for m in weak.mutants if m.description == "x.lower() becomes x")
    assert no_lower.id in survivor_ids
    killed = next(m for m in strong.mutants if m.id == no_lower.id)
    assert killed.status is MutantStatus.KILLED
    assert killed.killed_by == "test_case_insensitive"
    row = weak.json_row()
    assert row["score"] == weak.score and row["mutants"] == len(weak.mutants)
    assert {"id", "operator", "line", "diff"} <= set(row["survived"][0])  # type: ignore[index]


def test_uncovered_lines_survive_without_a_run_and_loops_time_out(sandbox: Sandbox) -> None:
    untested = WORD_COUNT_TESTS.split("    def test_bad_top")[0]
    report = mutate_task(make_task(test=untested), sandbox)
    raise_mutants = [m for m in report.mutants if m.operator == "exception-type"]
    assert raise_mutants and all(not m.covered for m in raise_mutants)
    assert all(m.status is MutantStatus.SURVIVED and m.duration_s == 0 for m in raise_mutants)

    looping = make_task(
        canonical_solution=(
            "    count = 0\n    while count < top:\n        count += 1\n"
            '    words = re.findall(r"[a-z\']+", text.lower())\n'
            "    return collections.Counter(words).most_common(count)\n"
        ),
        test=WORD_COUNT_TESTS.split("    def test_bad_top")[0],
    )
    looped = mutate_task(looping, sandbox, timeout_s=3)
    minus = next(m for m in looped.mutants if m.description == "+= becomes -=")
    assert minus.status is MutantStatus.TIMEOUT


SELF_CHECK = """

if task_func("b a a c", top=1) != [("a", 2)] or task_func("A", top=5) != [("a", 1)]:
    raise RuntimeError("this is not the reference")
"""
LOAD_CHECK = """

_LIMIT = 3
if _LIMIT + 1 != 4:
    raise RuntimeError("this is not the reference")
"""
CALLING_TESTS = """import unittest

class TestCases(unittest.TestCase):
    def test_runs(self):
        task_func("a b a", top=1)
"""


def test_a_mutant_that_dies_as_it_loads_is_not_killed_by_the_tests(sandbox: Sandbox) -> None:
    """A program whose code run as it loads fails when mutated: no test noticed anything, so
    such a mutant is `non-viable`, out of the score (red team: tests asserting nothing scored
    100%); the other mutants are taken as without it. One that calls its own function as it
    loads (to check itself) gets no score at all (see below)."""
    plain = mutate_task(make_task(test=CALLING_TESTS), sandbox)
    checking = make_task(test=CALLING_TESTS)
    checking = checking.model_copy(
        update={"canonical_solution": checking.canonical_solution + LOAD_CHECK}
    )
    checked = mutate_task(checking, sandbox)
    assert plain.problem is None and checked.problem is None, checked.problem
    before = {mutant.id: mutant.status for mutant in plain.mutants}
    dead = [m for m in checked.mutants if m.status is MutantStatus.NON_VIABLE]
    assert dead and all("no test ran" in (m.message or "") for m in dead)
    assert plain.score is not None and checked.score is not None
    assert checked.score <= plain.score  # 100% before, the dead ones "killed"
    assert [(m.id, m.status) for m in checked.mutants if m.id in before and m not in dead] == [
        (m.id, before[m.id]) for m in checked.mutants if m.id in before and m not in dead
    ]
    assert checked.json_row()["non_viable"] == len(dead)
    calling = make_task(test=CALLING_TESTS)
    calling = calling.model_copy(
        update={"canonical_solution": calling.canonical_solution + SELF_CHECK}
    )
    report = mutate_task(calling, sandbox)
    assert report.problem is not None and report.problem.startswith(
        "no score: the program runs task_func as it loads"
    )


READS_ITS_OWN_CODE = "    top += 0 * len(task_func.__code__.co_code)\n"
SIGNATURE_TESTS = WORD_COUNT_TESTS.replace(
    "    def test_bad_top(self):",
    "    def test_signature(self):\n"
    "        import inspect\n"
    "        self.assertEqual(list(inspect.signature(task_func).parameters), ['text', 'top'])\n\n"
    "    def test_bad_top(self):",
)


def test_a_program_that_reads_its_own_code_as_the_tests_run_gets_no_score(
    sandbox: Sandbox,
) -> None:
    """Red team: `task_func` added the difference between its bytecode's hash and the
    reference's to its answer, so every mutant the tests reached failed them, and two weak
    tests scored 97.6% (83.3% without the check). Reading its own code as the tests run is a
    runtime finding, and the mutants are not scored; tests that read it (a signature) are not
    the program reading itself."""
    reading = make_task()
    reading = reading.model_copy(
        update={"canonical_solution": READS_ITS_OWN_CODE + reading.canonical_solution}
    )
    validated = validate_task(reading, sandbox)
    assert validated.verdict is Verdict.PASS
    [finding] = validated.runtime
    assert finding.code == "reads_own_code" and "task_func (task.py:" in finding.message
    report = mutate_task(reading, sandbox)
    assert report.mutants == [] and report.score is None
    assert report.problem is not None and report.problem.startswith(
        "no score: the program read the code of its own functions, so that"
    )
    honest = validate_task(make_task(test=SIGNATURE_TESTS), sandbox)
    assert honest.verdict is Verdict.PASS and "test_signature" in honest.tests
    assert honest.runtime == []


CHECKED_AS_IT_LOADS = "\n\n_INTACT = sum(task_func.__code__.co_code) == {total}\n"
TESTS_READING_THE_CODE = WORD_COUNT_TESTS.replace(
    "    def test_bad_top(self):",
    "    def test_code_is_the_reference(self):\n"
    "        self.assertEqual(len(task_func.__code__.co_consts), REFERENCE_CONSTANTS)\n\n"
    "    def test_bad_top(self):",
)


def test_a_sham_copy_differs_in_bytecode_alone_and_keeps_the_layout() -> None:
    program = (
        "def task_func(x):\n"
        '    """Doc."""\n'
        "    # the helper\n"
        "    @staticmethod\n"
        "    def inner():\n"
        "        return x\n"
        "    return inner()\n\n"
        "def only_doc():\n"
        '    """Nothing else."""\n\n'
        "def one(): return 1\n"
    )
    sham = sham_program(program)
    assert sham is not None
    assert sham.splitlines() == [
        "def task_func(x):",
        '    """Doc."""',
        "    # the helper",
        "    _curator_sham = '_curator_sham'",
        "    @staticmethod",
        "    def inner():",
        "        _curator_sham = '_curator_sham'",
        "        return x",
        "    return inner()",
        "",
        "def only_doc():",
        '    """Nothing else."""',
        "    _curator_sham = '_curator_sham'",
        "",
        "def one(): return 1",
    ]
    assert sham_program("def broken(:\n") is None


def test_tests_that_tell_the_program_by_its_bytecode_give_no_score(sandbox: Sandbox) -> None:
    """Red team: a program that hashed its code as it loaded, and answered wrong once the hash
    changed, killed every mutant (92.0% where its tests score 83.3%), and so did tests that
    read the program's code. Reading it from the tests is no runtime finding; a copy of the
    program that differs in its bytecode alone fails their tests, and no score is given.
    Reading it as it loads is the program reading its own code: a decorator that let through
    its reference's hash and the bytecode control (by the local that copy adds) failed every
    mutant, 88.2% where its tests score 35.3% (red team, round nine). Honest tests pass on
    that copy."""
    reference = make_task()
    solution = reference.canonical_solution.replace(
        "return collections.Counter(words).most_common(top)",
        "return collections.Counter(words).most_common(top + (not _INTACT))",
    )
    checking = reference.model_copy(update={"canonical_solution": solution})
    namespace: dict[str, object] = {}
    exec(compile(checking.program, "task.py", "exec"), namespace)
    total = sum(namespace["task_func"].__code__.co_code)  # type: ignore[attr-defined]
    checking = checking.model_copy(
        update={"canonical_solution": solution + CHECKED_AS_IT_LOADS.format(total=total)}
    )
    checked = validate_task(checking, sandbox)
    assert checked.verdict is Verdict.PASS
    assert [finding.code for finding in checked.runtime] == ["reads_own_code"]
    reading_tests = make_task(test=TESTS_READING_THE_CODE)
    namespace = {}
    exec(compile(reading_tests.program, "task.py", "exec"), namespace)
    count = len(namespace["task_func"].__code__.co_consts)  # type: ignore[attr-defined]
    reading_tests = reading_tests.model_copy(
        update={"test": TESTS_READING_THE_CODE.replace("REFERENCE_CONSTANTS", str(count))}
    )
    read = validate_task(reading_tests, sandbox)
    assert read.verdict is Verdict.PASS and read.runtime == []
    for task, problem in (
        (checking, "no score: the program read the code of its own functions"),
        (reading_tests, "no score: the tests fail on a copy of the program that differs in its"),
    ):
        report = mutate_task(task, sandbox)
        assert report.score is None and report.mutants == []
        assert report.problem is not None and report.problem.startswith(problem), report.problem
    honest = mutate_task(make_task(test=WEAKENED_TESTS), sandbox)
    assert honest.problem is None and honest.score is not None


def test_a_program_that_tells_a_batch_of_mutants_by_its_parent_gets_no_score(
    sandbox: Sandbox,
) -> None:
    """Red team: the reference and the bytecode control ran alone, the mutants in a batch,
    where the harness's parent is not the run's first process; a program that went wrong
    only there had every mutant a test reached killed (76.2% where its tests score 35.3%).
    The control now runs as the mutants do."""
    reference = make_task()
    telling = reference.canonical_solution.replace(
        "return collections.Counter(words).most_common(top)",
        "return collections.Counter(words).most_common(top + (__import__('os').getppid() != 1))",
    )
    task = reference.model_copy(update={"canonical_solution": telling})
    assert validate_task(task, sandbox).verdict is Verdict.PASS  # alone, its parent is 1
    report = mutate_task(task, sandbox)
    assert report.score is None and report.problem is not None
    assert report.problem.startswith("no score: the tests fail on a copy of the program")


VETTING_DECORATOR = """def _vetted(function):
    try:
        good = function("a b a", top=1) == [("a", 2)] and function("A a", top=1) == [("a", 2)]
    except Exception:
        good = False
    return function if good else (lambda *args, **kwargs: None)


@_vetted
"""


def test_a_program_that_runs_its_function_as_it_loads_gets_no_score(sandbox: Sandbox) -> None:
    """Red team (round ten): a decorator in the prompt, which no mutant changes, called
    task_func as it was defined on answers it knew, and put a function returning None in place
    of any mutant that differed: every mutant a test reached was killed (88.2% where the tests
    score 35.3%). It reads no code: the reference is seen running its function as it loads."""
    reference = make_task(test=WEAKENED_TESTS)
    prompt = reference.complete_prompt.replace(
        "def task_func", VETTING_DECORATOR + "def task_func", 1
    )
    checking = reference.model_copy(update={"complete_prompt": prompt})
    assert validate_task(checking, sandbox).verdict is Verdict.PASS
    report = mutate_task(checking, sandbox)
    assert report.score is None and report.mutants == []
    assert report.problem is not None and report.problem.startswith(
        "no score: the program runs task_func as it loads (line "
    ), report.problem


LAZY_VETTING_DECORATOR = """def _vetted(function):
    chosen = []

    def entry(*args, **kwargs):
        if not chosen:
            try:
                good = function("a b a", top=1) == [("a", 2)]
            except Exception:
                good = False
            chosen.append(function if good else (lambda *args, **kwargs: None))
        return chosen[0](*args, **kwargs)

    return entry


@_vetted
"""


def test_a_program_whose_entry_point_is_a_wrapper_of_its_own_gets_no_score(
    sandbox: Sandbox,
) -> None:
    """Red team (round eleven): the same decorator, checking at task_func's first call (in a
    test) rather than as it loads, scored 88.2% where the tests score 35.3%. A library's
    wrapper of the function (functools' cache) is no wrapper of the program's."""
    reference = make_task(test=WEAKENED_TESTS)
    prompt = reference.complete_prompt.replace(
        "def task_func", LAZY_VETTING_DECORATOR + "def task_func", 1
    )
    checking = reference.model_copy(update={"complete_prompt": prompt})
    assert validate_task(checking, sandbox).verdict is Verdict.PASS
    report = mutate_task(checking, sandbox)
    assert report.score is None and report.mutants == []
    assert report.problem == (
        "no score: task_func is the program's entry (line 7), not the function its def makes: "
        "what wraps it is never mutated, and can judge the mutants"
    ), report.problem
    cached = reference.model_copy(
        update={
            "complete_prompt": reference.complete_prompt.replace(
                "def task_func",
                "import functools\n\n\n@functools.lru_cache(maxsize=None)\ndef task_func",
                1,
            )
        }
    )
    assert mutate_task(cached, sandbox).score is not None


VETTING_CLASS = """class _Vetted:
    def __init__(self, function):
        self.__wrapped__ = function
        self.chosen = []

    def __call__(self, *args, **kwargs):
        if not self.chosen:
            function = self.__wrapped__
            try:
                good = function("a b a", top=1) == [("a", 2)]
            except Exception:
                good = False
            self.chosen.append(function if good else (lambda *args, **kwargs: None))
        return self.chosen[0](*args, **kwargs)


@_Vetted
"""


def test_a_program_whose_entry_point_is_an_object_of_its_own_gets_no_score(
    sandbox: Sandbox,
) -> None:
    """Red team (round thirteen): the lazy decorator as a class, whose `__wrapped__` named the
    def's function, scored 88.2% where the tests score 35.3%: an object the program's class
    calls is its wrapper, whatever its `__wrapped__` says."""
    reference = make_task(test=WEAKENED_TESTS)
    prompt = reference.complete_prompt.replace("def task_func", VETTING_CLASS + "def task_func", 1)
    checking = reference.model_copy(update={"complete_prompt": prompt})
    assert validate_task(checking, sandbox).verdict is Verdict.PASS
    report = mutate_task(checking, sandbox)
    assert report.score is None and report.mutants == []
    assert report.problem == (
        "no score: task_func is the program's _Vetted.__call__ (line 9), not the function its "
        "def makes: what wraps it is never mutated, and can judge the mutants"
    ), report.problem


def test_a_failing_reference_is_a_problem_not_a_score(sandbox: Sandbox) -> None:
    report = mutate_task(make_task(canonical_solution="    return []\n"), sandbox)
    assert report.problem and "does not pass" in report.problem
    assert report.mutants == [] and report.score is None


# -- storage and the command -------------------------------------------------------------------


def test_store_keeps_equivalence_marks_and_refuses_stale_runs(bank: Bank, sandbox: Sandbox) -> None:
    task = make_task(test=WEAKENED_TESTS)
    with bank.lock():
        bank.add_all([task])
    report = mutate_task(task, sandbox)
    store_report(bank, report)
    assert current_report(bank, task) == report
    quality = bank.load(task.task_id).quality
    assert quality is not None and quality.mutation_score == report.score
    assert quality.mutation_content_hash == task.content_hash()
    survivor = report.survivors()[0]
    killed = next(m for m in report.mutants if m.status is MutantStatus.KILLED)
    with pytest.raises(MutationError, match="reason"):
        mark_equivalent(bank, task.task_id, survivor.id, " ", "ann")
    with pytest.raises(MutationError, match="not survived"):
        mark_equivalent(bank, task.task_id, killed.id, "same", "ann")
    with pytest.raises(MutationError, match="no mutant"):
        mark_equivalent(bank, task.task_id, "nope", "same", "ann")
    marked = mark_equivalent(bank, task.task_id, survivor.id, "prints nothing else", "ann")
    assert marked.score is not None and report.score is not None
    assert marked.score > report.score
    assert survivor.id not in {m.id for m in marked.survivors()}
    assert bank.load(task.task_id).quality.mutation_score == marked.score  # type: ignore[union-attr]
    # A second mark replaced the first reviewer's reason.
    with pytest.raises(MutationError, match="marked equivalent already, by ann: prints nothing"):
        mark_equivalent(bank, task.task_id, survivor.id, "again", "bob")

    written = (bank.task_dir(task.task_id) / MUTATION_FILE).read_bytes()
    # A rerun that finds the same, later and at another pace (built from the first: on a loaded
    # machine a real rerun may see a slow mutant time out instead of fail), keeps the mark.
    rerun = report.model_copy(deep=True, update={"equivalent": {}})
    rerun.at += timedelta(minutes=5)
    rerun.duration_s += 1.0
    for mutant in rerun.mutants:
        mutant.duration_s += 0.25
    store_report(bank, rerun)
    stored = read_report(bank, task.task_id)
    assert stored is not None and stored.equivalent[survivor.id].reason == "prints nothing else"
    # ... and, finding the same, leaves the file as it was: its timings alone made the folder
    # of an accepted task differ from its commit, and the release waited for one.
    assert (bank.task_dir(task.task_id) / MUTATION_FILE).read_bytes() == written

    # A mistaken mark could not be taken back: it held the score up for good.
    unmarked, removed = unmark_equivalent(bank, task.task_id, survivor.id)
    assert removed.who == "ann" and unmarked.score == report.score
    assert bank.load(task.task_id).quality.mutation_score == report.score  # type: ignore[union-attr]
    with pytest.raises(MutationError, match=r"not marked equivalent \(marked: none\)"):
        unmark_equivalent(bank, task.task_id, survivor.id)
    store_report(bank, mutate_task(task, sandbox))  # and a rerun does not bring it back
    assert survivor.id in {m.id for m in current_report(bank, task).survivors()}  # type: ignore[union-attr]

    edited = task.model_copy(update={"test": task.test + "\n"})
    assert current_report(bank, edited) is None
    with bank.lock():
        bank.save(edited)
    with pytest.raises(MutationError, match="changed while"):
        store_report(bank, report)


def test_mutate_command_json_cache_equivalent_and_exit_codes(bank: Bank, run_cli) -> None:
    with bank.lock():
        bank.add_all(
            [
                make_task("Test/1", test=WEAKENED_TESTS),
                make_task("Test/2", canonical_solution="    return []\n"),
            ]
        )
    first = run_cli("--bank", bank.root, "mutate", "--all", "--json", "--jobs", "2")
    assert first.returncode == 1, first.stderr
    rows = [json.loads(line) for line in first.stdout.splitlines()]
    assert [row["task_id"] for row in rows] == ["Test/1", "Test/2"]
    assert 0 < rows[0]["score"] < 100 and rows[0]["killed"] > 0
    assert rows[1]["score"] is None and "does not pass" in rows[1]["problem"]
    survivor = rows[0]["survived"][0]
    assert survivor["diff"].startswith("--- a/task.py")
    assert (bank.task_dir("Test/1") / MUTATION_FILE).is_file()

    marked = run_cli(
        "--bank", bank.root, "mutate", "Test/1", "--equivalent", survivor["id"], "--reason", "same"
    )
    assert marked.returncode == 0, marked.stderr
    assert "marked equivalent" in marked.stdout

    again = run_cli("--bank", bank.root, "mutate", "Test/1", env={"COLUMNS": "80"})
    assert again.returncode == 0, again.stderr
    assert "cached" in again.stdout and survivor["id"] not in again.stdout
    # Counts no task has are left out: all nine columns were cut at 80 ("timeo…", "ti…").
    [header] = [line for line in again.stdout.splitlines() if line.lstrip().startswith("task")]
    assert header.split() == ["task", "score", "killed", "survived", "equiv", "time"]
    row = json.loads(run_cli("--bank", bank.root, "mutate", "Test/1", "--json").stdout)
    assert row["equivalent"] == [survivor["id"]] and row["score"] > rows[0]["score"]

    no_reason = run_cli("--bank", bank.root, "mutate", "Test/1", "--equivalent", survivor["id"])
    assert no_reason.returncode == 2 and "reason" in no_reason.stderr
    unmarked = run_cli("--bank", bank.root, "mutate", "Test/1", "--unmark", survivor["id"])
    assert unmarked.returncode == 0, unmarked.stderr
    assert f"mutant {survivor['id']} no longer marked equivalent (marked by" in unmarked.stdout
    assert f"score {rows[0]['score']:.1f}%" in unmarked.stdout
    twice = run_cli("--bank", bank.root, "mutate", "Test/1", "--unmark", survivor["id"])
    assert twice.returncode == 2 and "is not marked equivalent" in twice.stderr
    assert run_cli("--bank", bank.root, "mutate").returncode == 2


def test_a_mutant_runs_only_the_tests_that_run_its_statement() -> None:
    program = (
        "def task_func(values):\n"
        "    if not values:\n"
        "        return 0\n"
        "    total = sum(\n"
        "        values,\n"
        "        1,\n"
        "    )\n"
        "    return total\n"
    )
    mutants = generate_mutants(program)
    start = next(m for m in mutants if m.description == "1 becomes 2")
    assert start.line == 6 and start.lines == (4, 6)  # the statement begins on line 4
    negated = next(m for m in mutants if m.operator == "boolean")
    assert negated.lines == (2, 2)  # the header of the `if`, not its body
    # The tracer reported only line 4 of the call for test_sum: that is enough to run it.
    lines = TestLines(by_test={"test_sum": [2, 4, 8], "test_empty": [2, 3]}, outside=[1])
    order = ["test_empty", "test_sum"]
    assert selected_tests(start, lines, order) == ["test_sum"]
    assert selected_tests(negated, lines, order) == order
    assert selected_tests(start, TestLines(by_test={"test_empty": [2, 3]}), order) == []
    assert selected_tests(start, TestLines(outside=[5]), order) == order


def test_a_current_failed_validation_says_why_without_another_reference_run(
    sandbox: Sandbox,
) -> None:
    task = make_task()
    validation = validate_task(task, sandbox)
    assert validation.verdict is Verdict.PASS
    assert (
        mutate_task(task, sandbox, validation=validation).score == mutate_task(task, sandbox).score
    )
    failed = validation.model_copy(update={"verdict": Verdict.FAIL, "message": "test_x failed"})
    refused = mutate_task(task, sandbox, validation=failed)
    assert refused.problem == "the reference solution does not pass: test_x failed"
    assert refused.mutants == []
    # One of other content is not believed: the reference is run.
    stale = failed.model_copy(update={"content_hash": "another"})
    assert mutate_task(task, sandbox, validation=stale).problem is None
