"""Applying proposals: only on acceptance, only onto the version proposed for, with provenance."""

from __future__ import annotations

import re

import pytest
from llm_helpers import DRAFT_PROGRAM, DRAFT_TESTS, bank_files

from conftest import make_task
from curator.llm.checking import check_task
from curator.llm.proposals import (
    ASSERTION,
    TEST_METHOD,
    FileChange,
    Operation,
    ProposalCheck,
    ProposalConflict,
    ProposedChange,
    apply,
)
from curator.models import Origin, Stage, Verdict

EXTRA_TEST = """
    def test_single_word(self):
        self.assertEqual(task_func("hello", top=5), [("hello", 1)])
"""


def proposal_adding_a_test(task, after=None) -> ProposedChange:
    return ProposedChange(
        operation=Operation.TESTS,
        task_id=task.task_id,
        files=[
            FileChange(name="tests.py", before=task.test, after=after or task.test + EXTRA_TEST)
        ],
        model="scripted-model",
        prompt_hash="0123456789abcdef",
    )


@pytest.fixture
def stored(bank):
    task = make_task("Test/1")
    with bank.lock():
        bank.save(task)
    return task


def test_the_diff_shows_the_added_test(stored):
    diff = proposal_adding_a_test(stored).diff()
    assert diff.startswith("--- a/tests.py\n+++ b/tests.py\n")
    assert "+    def test_single_word(self):" in diff


def test_applying_writes_the_files_and_records_provenance(bank, stored):
    change = proposal_adding_a_test(stored)
    applied = apply(bank, change, "ada")
    reloaded = bank.load(stored.task_id)
    assert reloaded.test == stored.test + EXTRA_TEST
    assert reloaded.program == stored.program
    event = reloaded.provenance.events[-1]
    assert (event.operation, event.model, event.prompt_hash, event.annotator) == (
        "tests",
        "scripted-model",
        "0123456789abcdef",
        "ada",
    )
    assert event.detail is None
    assert "ada" in reloaded.provenance.authors
    assert reloaded.provenance.model == "scripted-model"
    assert applied.test == reloaded.test


def test_edits_before_accepting_are_what_gets_written_and_are_recorded(bank, stored):
    edited = stored.test + EXTRA_TEST.replace("hello", "world")
    apply(bank, proposal_adding_a_test(stored), "ada", edited_after={"tests.py": edited})
    reloaded = bank.load(stored.task_id)
    assert reloaded.test == edited
    assert reloaded.provenance.events[-1].detail == "edited before accepting: tests.py"


def test_edits_for_a_file_the_proposal_does_not_touch_are_refused(bank, stored):
    before = bank_files(bank.root)
    with pytest.raises(Exception, match=r"task\.py"):
        apply(bank, proposal_adding_a_test(stored), "ada", edited_after={"task.py": "x = 1\n"})
    assert bank_files(bank.root) == before


def test_a_proposal_for_an_older_version_is_refused_and_changes_nothing(bank, stored):
    change = proposal_adding_a_test(stored)
    newer = stored.model_copy(update={"test": stored.test + "\n# reviewed\n"})
    with bank.lock():
        bank.save(newer)
    before = bank_files(bank.root)
    with pytest.raises(ProposalConflict, match=r"tests\.py changed since the proposal"):
        apply(bank, change, "ada")
    assert bank_files(bank.root) == before


def test_a_new_program_updates_the_derived_fields(bank, stored):
    program = stored.program.replace("import re\n", "import re\nimport string\n")
    change = ProposedChange(
        operation=Operation.REFINE,
        task_id=stored.task_id,
        files=[FileChange(name="task.py", before=stored.program, after=program)],
        model="m",
        prompt_hash="h",
    )
    apply(bank, change, "ada")
    reloaded = bank.load(stored.task_id)
    assert reloaded.program == program
    assert reloaded.libs == ["collections", "re", "string"]
    assert "import string\n" in reloaded.code_prompt
    assert reloaded.canonical_solution == stored.canonical_solution


def test_accepting_a_draft_adds_a_new_llm_assisted_task(bank):
    change = ProposedChange(
        operation=Operation.DRAFT,
        task_id="Draft/1",
        files=[
            FileChange(name="task.py", before="", after=DRAFT_PROGRAM),
            FileChange(name="tests.py", before="", after=DRAFT_TESTS),
        ],
        model="scripted-model",
        prompt_hash="abc",
        source="seed.txt",
    )
    apply(bank, change, "ada")
    task = bank.load("Draft/1")
    assert task.stage is Stage.DRAFT
    assert task.program == DRAFT_PROGRAM
    assert task.test == DRAFT_TESTS
    assert task.libs == ["statistics"]
    assert task.code_prompt == "import statistics\ndef task_func(values, trim=0):\n"
    provenance = task.provenance
    assert (provenance.origin, provenance.model, provenance.source) == (
        Origin.LLM_ASSISTED,
        "scripted-model",
        "seed.txt",
    )
    assert provenance.authors == ["ada"]
    assert provenance.events[-1].operation == "draft"
    with pytest.raises(Exception, match="already in the bank"):
        apply(bank, change, "ada")


def test_a_checked_version_that_ran_no_test_says_why():
    """`suggest` printed "proposed version: invalid, 0/0 tests passed" and no reason: that was
    only in --json."""
    many = make_task().test.replace(
        "class TestCases(unittest.TestCase):",
        "class TestCases(unittest.TestCase):\n"
        "    for _n in range(201):\n"
        "        locals()[f'test_many_{_n}'] = lambda self: None\n",
    )
    check = check_task(make_task(test=many))
    assert check.headline() == (
        "invalid, 0/0 tests passed: the tests define 204 tests; a task may have at most 200"
    )
    failing = check_task(make_task(canonical_solution="    return []\n"))
    assert failing.failures and ": " not in failing.headline().split("passed")[1]


def test_tests_that_assert_less_or_a_version_with_new_static_problems_is_worse(stored):
    """A refine answer kept every test's name and removed the assertions (`pass, 6/6, 100%`),
    and one that added a control character: both were applied as improvements."""
    hollow = re.sub(r"self\.assert\w+\(.*\)", "task_func('a')", stored.test)
    assert TEST_METHOD.findall(hollow) == TEST_METHOD.findall(stored.test)
    change = proposal_adding_a_test(stored, after=hollow)
    assert change.regressions() == [
        f"its tests make 0 assertion(s) where {len(ASSERTION.findall(stored.test))} were"
    ]
    moved = "tests.py:9: the line holds U+001B, which no screen shows as it is (control-character)"
    change = proposal_adding_a_test(stored).model_copy(
        update={
            "baseline": ProposalCheck(verdict=Verdict.PASS, static_problems=[moved]),
            "check": ProposalCheck(
                verdict=Verdict.PASS,
                static_problems=[moved.replace(":9:", ":10:"), "task.py:3: unused import (F401)"],
            ),
        }
    )
    assert change.regressions() == ["it adds static problem(s): task.py:3: unused import (F401)"]


def test_a_last_line_without_a_newline_is_marked_not_joined_to_the_next():
    """The removed last line ran into the added one: "-    return x+    return y"."""
    diff = FileChange(name="task.py", before="x = 1\ny = 2", after="x = 1\ny = 3\n").diff()
    assert diff.splitlines()[-3:] == ["-y = 2", "\\ No newline at end of file", "+y = 3"]
