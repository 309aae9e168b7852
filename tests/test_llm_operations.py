"""LLM operations end to end through the CLI: real scripted server, real sandbox validation.

Each proposal is validated before it is shown; the bank changes only when it is accepted.
"""

from __future__ import annotations

import json
import sys

import pytest
from gitbanks import passing
from gitbanks import save as save_validated
from llm_helpers import DRAFT_ANSWER, DRAFT_ANSWER_IN_PROSE, DRAFT_PROGRAM, bank_files, llm_env

from conftest import WORD_COUNT_PROGRAM, WORD_COUNT_TESTS, luck_evidence, make_task
from curator.flaky.evidence import (
    EVIDENCE_FILE,
    Classification,
    Failure,
    FlakyEvidence,
    FlakyVerdict,
    Outcome,
)
from curator.llm.preeval import SIDECAR, PreEvalReport
from curator.llm.scripted_server import ScriptedLLMServer
from curator.models import Flag, Origin, Stage

BAD_TOP_TEST = """
    def test_bad_top(self):
        with self.assertRaises(ValueError):
            task_func("a", top=0)
"""
TESTS_WITHOUT_BAD_TOP = WORD_COUNT_TESTS.replace(BAD_TOP_TEST, "")


def fenced(*blocks: str) -> str:
    return "\n".join(f"```python\n{block}```" for block in blocks)


@pytest.fixture
def seed(tmp_path):
    path = tmp_path / "seed.txt"
    path.write_text("statistics.mean of a list without its extremes\n")
    return path


def save(bank, task):
    with bank.lock():
        bank.save(task)
    return task


def test_draft_writes_a_validated_llm_assisted_task(run_cli, bank, seed, tmp_path):
    with ScriptedLLMServer([{"answer": DRAFT_ANSWER}]) as server:
        result = run_cli(
            "--bank",
            bank.root,
            "draft",
            "--seed",
            seed,
            "--libs",
            "statistics,math",
            env=llm_env(tmp_path, server.base_url),
        )
        prompt = server.requests[0]["messages"][1]["content"]
    assert result.returncode == 0, result.stderr
    assert "statistics mean of a list" in prompt.replace(".", " ")
    assert "Libraries the task should use: statistics, math" in prompt
    assert "proposed version: pass, 3/3 tests passed, branch coverage 100%" in result.stdout
    assert "wrote draft task Draft/1" in result.stderr
    # Stored as `validate` stores it: the browser showed the new task as never run.
    assert "validation: pass (stored)" in result.stderr
    task = bank.load("Draft/1")
    assert task.validation is not None and task.validation.verdict.value == "pass"
    assert task.validation.content_hash == task.content_hash()
    assert task.program == DRAFT_PROGRAM
    assert task.provenance.origin is Origin.LLM_ASSISTED
    assert task.provenance.model == "scripted-model"
    event = task.provenance.events[-1]
    assert (event.operation, event.annotator, event.model) == ("draft", "ada", "scripted-model")
    assert len(event.prompt_hash) == 16


def test_draft_streams_an_answer_with_prose_around_the_code(run_cli, bank, seed, tmp_path):
    with ScriptedLLMServer([{"answer": DRAFT_ANSWER_IN_PROSE}]) as server:
        env = llm_env(tmp_path, server.base_url)
        result = run_cli(
            "--bank", bank.root, "draft", "--seed", seed, "--stream", "--json", env=env
        )
    assert result.returncode == 0, result.stderr
    assert "Hope this helps" in result.stderr  # shown live as it streamed
    proposal = json.loads(result.stdout)
    assert proposal["check"]["verdict"] == "pass"
    assert proposal["explanation"].startswith("Sure!")
    assert bank.load("Draft/1").program.rstrip() == DRAFT_PROGRAM.rstrip()


def test_draft_waits_out_a_429_then_succeeds(run_cli, bank, seed, tmp_path):
    steps = [{"status": 429, "retry_after": "0.1"}, {"answer": DRAFT_ANSWER}]
    with ScriptedLLMServer(steps) as server:
        result = run_cli(
            "--bank", bank.root, "draft", "--seed", seed, env=llm_env(tmp_path, server.base_url)
        )
    assert result.returncode == 0, result.stderr
    assert "HTTP 429: retrying in 0.1 s" in result.stderr
    assert bank.exists("Draft/1")


def test_suggest_tests_names_missed_lines_and_shows_coverage_rising(run_cli, bank, tmp_path):
    save(bank, make_task("Test/1", test=TESTS_WITHOUT_BAD_TOP))
    before = bank_files(bank.root)
    answer = "A test for top <= 0.\n" + fenced(TESTS_WITHOUT_BAD_TOP.rstrip() + "\n" + BAD_TOP_TEST)
    with ScriptedLLMServer([{"answer": answer}]) as server:
        env = llm_env(tmp_path, server.base_url)
        shown = run_cli("--bank", bank.root, "suggest", "Test/1", "--op", "tests", env=env)
        prompt = server.requests[0]["messages"][1]["content"]
        assert shown.returncode == 0, shown.stderr
        assert bank_files(bank.root) == before
        # The proposal read is the one applied: --apply asked the LLM again, and could write
        # another.
        assert "`curator suggest Test/1 --op tests --apply-last` applies this very" in " ".join(
            shown.stderr.split()
        )
        applied = run_cli(
            "--bank", bank.root, "suggest", "Test/1", "--op", "tests", "--apply-last", env=env
        )
        assert len(server.requests) == 1
    again = run_cli("--bank", bank.root, "suggest", "Test/1", "--op", "tests", "--apply-last")
    assert again.returncode == 2 and "no tests proposal kept for Test/1" in again.stderr
    assert 'line 27 `raise ValueError("top must be positive")` never runs' in prompt
    assert "the branch from line 26 `if top <= 0:` to line 27" in prompt
    assert "+    def test_bad_top(self):" in shown.stdout
    assert "current version:  pass, 2/2 tests passed, branch coverage 50%" in shown.stdout
    assert "proposed version: pass, 3/3 tests passed, branch coverage 100%" in shown.stdout
    assert "not applied" in shown.stderr
    assert applied.returncode == 0, applied.stderr
    task = bank.load("Test/1")
    assert "def test_bad_top" in task.test
    event = task.provenance.events[-1]
    assert (event.operation, event.annotator, event.model) == ("tests", "ada", "scripted-model")


def test_suggest_tests_on_a_fully_covered_task_asks_nothing(run_cli, bank, tmp_path):
    save(bank, make_task("Test/1"))
    with ScriptedLLMServer([{"answer": "unused"}]) as server:
        result = run_cli(
            "--bank",
            bank.root,
            "suggest",
            "Test/1",
            "--op",
            "tests",
            env=llm_env(tmp_path, server.base_url),
        )
        assert server.requests == []
    assert result.returncode == 0
    assert "nothing to cover" in result.stdout


def test_suggest_tests_on_tests_that_do_not_run_is_no_success(run_cli, bank, tmp_path):
    """A report that coverage was not measured (the tests did not run) exited 0, as "nothing to
    cover" does: a script took it for done."""
    broken = "import unittest\n\nundefined_helper()\n\nclass TestCases(unittest.TestCase):\n"
    save(bank, make_task("Test/1", test=broken + "    def test_x(self):\n        pass\n"))
    with ScriptedLLMServer([{"answer": "unused"}]) as server:
        result = run_cli(
            "--bank", bank.root, "suggest", "Test/1", "--op", "tests",
            env=llm_env(tmp_path, server.base_url),
        )  # fmt: skip
        assert server.requests == []
    assert result.returncode == 1
    assert "coverage was not measured because the tests did not run" in result.stdout


def test_suggest_refine_fixes_a_failing_solution(run_cli, bank, tmp_path):
    broken = make_task("Test/1")
    broken.canonical_solution = broken.canonical_solution.replace("text.lower()", "text")
    save(bank, broken)
    answer = "The solution must lower-case the text.\n" + fenced(WORD_COUNT_PROGRAM)
    with ScriptedLLMServer([{"answer": answer}]) as server:
        result = run_cli(
            "--bank",
            bank.root,
            "suggest",
            "Test/1",
            "--op",
            "refine",
            "--apply",
            env=llm_env(tmp_path, server.base_url),
        )
        prompt = server.requests[0]["messages"][1]["content"]
    assert result.returncode == 0, result.stderr
    assert "test_case_insensitive: fail" in prompt
    assert "current version:  fail, 2/3 tests passed" in result.stdout
    assert "proposed version: pass, 3/3 tests passed" in result.stdout
    assert bank.load("Test/1").program == WORD_COUNT_PROGRAM


UNRELATED_TESTS = """import unittest


class TestCases(unittest.TestCase):
    def test_something_else(self):
        self.assertEqual(task_func("x y", top=5), "nope")
"""


def test_suggest_apply_refuses_a_proposal_worse_than_the_task(run_cli, bank, tmp_path):
    """A model answered a refine with unrelated tests: `--apply` replaced the task's five
    tests with them and said "applied", exit 0, on a draft git did not hold yet."""
    broken = make_task("Test/1")
    broken.canonical_solution = broken.canonical_solution.replace("text.lower()", "text")
    save(bank, broken)
    before = bank_files(bank.root)
    args = ("--bank", bank.root, "suggest", "Test/1", "--op", "refine", "--apply")
    with ScriptedLLMServer([{"answer": fenced(UNRELATED_TESTS)}] * 2) as server:
        env = llm_env(tmp_path, server.base_url)
        refused = run_cli(*args, env=env)
        assert refused.returncode == 1, refused.stdout + refused.stderr
        assert bank_files(bank.root) == before
        assert (
            "not applied: Test/1: the proposal is worse than the task as it is: it removes "
            "test(s) test_bad_top, test_case_insensitive, test_counts; its tests make 1 "
            "assertion(s) where 3 were; 0 test(s) pass where 2 did; branch coverage falls from "
            "100% to 50% (read the diff; --apply --force writes it anyway)"
        ) in " ".join(refused.stderr.split())
        forced = run_cli(*args, "--force", env=env)
    assert forced.returncode == 0, forced.stderr
    assert bank.load("Test/1").test.rstrip() == UNRELATED_TESTS.rstrip()


def test_suggest_edit_judges_the_edited_version_as_apply_does(run_cli, bank, tmp_path):
    """An editor that only appended a comment let a proposal replacing every test through:
    `--edit` applied it, exit 0, where `--apply` refused it."""
    broken = make_task("Test/1")
    broken.canonical_solution = broken.canonical_solution.replace("text.lower()", "text")
    save(bank, broken)
    before = bank_files(bank.root)
    editor = tmp_path / "append_a_comment.py"
    editor.write_text(
        "import pathlib, sys\n"
        "path = pathlib.Path(sys.argv[1])\n"
        "path.write_text(path.read_text() + '# looked at it\\n')\n"
    )
    args = ("--bank", bank.root, "suggest", "Test/1", "--op", "refine", "--edit")
    with ScriptedLLMServer([{"answer": fenced(UNRELATED_TESTS)}] * 2) as server:
        env = llm_env(tmp_path, server.base_url, EDITOR=f"{sys.executable} {editor}")
        refused = run_cli(*args, env=env)
        assert refused.returncode == 1, refused.stdout + refused.stderr
        assert bank_files(bank.root) == before
        shown = " ".join(refused.stderr.split())
        assert "not applied: Test/1: the proposal is worse than the task as it is: it removes" in (
            shown
        )
        assert "(read the diff; --edit --force writes it anyway)" in shown
        forced = run_cli(*args, "--force", env=env)
    assert forced.returncode == 0, forced.stderr
    assert bank.load("Test/1").test.endswith("# looked at it\n")
    misplaced = run_cli("--bank", bank.root, "suggest", "Test/1", "--op", "refine", "--force")
    assert misplaced.returncode == 2
    assert "--force goes with --apply, --apply-last or --edit" in misplaced.stderr


def test_suggest_edit_closed_without_saving_applies_nothing(run_cli, bank, tmp_path):
    """Quitting the editor without saving applied the proposal unedited, exit 0."""
    save(bank, make_task("Test/1", test=TESTS_WITHOUT_BAD_TOP))
    before = bank_files(bank.root)
    editor = tmp_path / "quit_without_saving.py"
    editor.write_text("import sys\n")
    with ScriptedLLMServer([{"answer": fenced(WORD_COUNT_TESTS)}]) as server:
        env = llm_env(tmp_path, server.base_url, EDITOR=f"{sys.executable} {editor}")
        result = run_cli(
            "--bank", bank.root, "suggest", "Test/1", "--op", "tests", "--edit", env=env
        )
    assert result.returncode == 1, result.stdout + result.stderr
    shown = " ".join(result.stderr.split())
    assert "not applied: the editor closed without saving tests.py" in shown
    assert bank_files(bank.root) == before


def test_suggest_flaky_sends_the_flag_as_evidence(run_cli, bank, tmp_path):
    flag = Flag(test="test_counts", classification="order-dependent", cause="dict order")
    save(bank, make_task("Test/1", flags=[flag]))
    evidence = tmp_path / "evidence.txt"
    evidence.write_text("failed 2 of 20 runs with PYTHONHASHSEED=7\n")
    answer = fenced(WORD_COUNT_TESTS.replace('[("a", 2)]', "[('a', 2)]"))
    with ScriptedLLMServer([{"answer": answer}]) as server:
        result = run_cli(
            "--bank",
            bank.root,
            "suggest",
            "Test/1",
            "--op",
            "flaky",
            "--evidence",
            evidence,
            env=llm_env(tmp_path, server.base_url),
        )
        prompt = server.requests[0]["messages"][1]["content"]
    assert result.returncode == 0, result.stderr
    assert "- test_counts: order-dependent; cause: dict order" in prompt
    assert "failed 2 of 20 runs with PYTHONHASHSEED=7" in prompt


def test_suggest_with_a_truncated_answer_changes_nothing(run_cli, bank, tmp_path):
    save(bank, make_task("Test/1", test=TESTS_WITHOUT_BAD_TOP))
    before = bank_files(bank.root)
    with ScriptedLLMServer([{"answer": "```python\nimport unittest\n"}]) as server:
        result = run_cli(
            "--bank",
            bank.root,
            "suggest",
            "Test/1",
            "--op",
            "tests",
            "--apply",
            env=llm_env(tmp_path, server.base_url),
        )
    assert result.returncode == 2
    assert "unclosed code block" in result.stderr
    assert bank_files(bank.root) == before


GUARDED_TESTS = WORD_COUNT_TESTS.replace(
    "class TestCases(unittest.TestCase):\n",
    "class TestCases(unittest.TestCase):\n"
    "    def setUp(self):\n"
    "        import importlib.util\n"
    "        if importlib.util.find_spec('json') is None:\n"
    "            self.skipTest('json is not installed')\n\n",
)
SKIPPING = WORD_COUNT_PROGRAM.replace(
    "    words = re.findall",
    "    import importlib.util\n"
    "    importlib.util.find_spec = lambda name, package=None: None\n"
    "    words = re.findall",
)


@pytest.mark.parametrize("validated", [True, False], ids=["validated", "never-validated"])
def test_preeval_counts_no_sample_solved_that_skips_tests_the_reference_passes(
    run_cli, bank, tmp_path, validated
):
    """Red team: a program that made the tests' own guard of an optional dependency fail (it
    rebound importlib.util.find_spec) passed with skips, and was counted solved; then again
    where the task had no validation stored to count the reference's passes from."""
    task = make_task("Test/1", test=GUARDED_TESTS, instruct_prompt="Count words.")
    if validated:
        save_validated(bank, passing(task))
    else:
        save(bank, task)
    with ScriptedLLMServer([{"answer": fenced(SKIPPING)}] * 2) as server:
        result = run_cli(
            "--bank", bank.root, "preeval", "Test/1", "--k", "1",
            env=llm_env(tmp_path, server.base_url),
        )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "complete: solved 0/1" in result.stdout and "instruct: solved 0/1" in result.stdout
    assert "skip" in result.stdout


def test_preeval_stores_solve_rates_and_shows_failing_solutions(run_cli, bank, tmp_path):
    task = make_task("Test/1", instruct_prompt="Count the words of a text.")
    save(bank, task)
    right = fenced(WORD_COUNT_PROGRAM)
    wrong = fenced(WORD_COUNT_PROGRAM.replace("text.lower()", "text.upper()"))
    body_only = fenced(task.canonical_solution)
    steps = [{"answer": right}, {"answer": wrong}, {"answer": body_only}, {"answer": "no idea"}]
    with ScriptedLLMServer(steps) as server:
        result = run_cli(
            "--bank",
            bank.root,
            "preeval",
            "Test/1",
            "--k",
            "2",
            env=llm_env(tmp_path, server.base_url),
        )
        temperatures = {request["temperature"] for request in server.requests}
        prompts = [request["messages"][1]["content"] for request in server.requests]
    assert result.returncode == 0, result.stderr
    assert temperatures == {0.8}
    assert task.complete_prompt.rstrip() in prompts[0]
    assert prompts[2].startswith("Count the words of a text.")
    assert "complete: solved 1/2" in result.stdout
    assert "instruct: solved 1/2" in result.stdout
    assert "failing complete solution 2" in result.stdout
    # As a diff against the reference, its docstring left out: printed whole, the changed
    # line was lost among the docstring's.
    lines = result.stdout.splitlines()
    start = lines.index("+++ b/complete-2.py")
    end = next(i for i, line in enumerate(lines) if i > start and line.startswith("──"))
    changed = '    words = re.findall(r"[a-z\']+", text.lower())'
    assert [line for line in lines[start:end] if line.startswith(("-  ", "+  "))] == [
        f"-{changed}",
        f"+{changed.replace('lower', 'upper')}",
    ]
    assert "Parameters:" not in result.stdout
    assert "unusable answer" in result.stdout
    stored = bank.load("Test/1")
    assert (stored.preeval.complete_rate, stored.preeval.instruct_rate) == (0.5, 0.5)
    assert stored.preeval.content_hash == task.content_hash()
    report = PreEvalReport.model_validate_json((bank.task_dir("Test/1") / SIDECAR).read_text())
    assert [sample.passed for sample in report.runs[0].samples] == [True, False]
    assert report.runs[0].samples[1].program is not None
    assert report.runs[0].samples[0].program is None


def test_suggest_edit_accepts_the_annotators_version_and_validates_it(run_cli, bank, tmp_path):
    save(bank, make_task("Test/1", test=TESTS_WITHOUT_BAD_TOP))
    answer = fenced(TESTS_WITHOUT_BAD_TOP.rstrip() + "\n" + BAD_TOP_TEST)
    editor = tmp_path / "rename_test.py"
    editor.write_text(
        "import pathlib, sys\n"
        "path = pathlib.Path(sys.argv[1])\n"
        "path.write_text(path.read_text().replace('test_bad_top', 'test_top_must_be_positive'))\n"
    )
    with ScriptedLLMServer([{"answer": answer}]) as server:
        env = llm_env(tmp_path, server.base_url, EDITOR=f"{sys.executable} {editor}")
        result = run_cli(
            "--bank", bank.root, "suggest", "Test/1", "--op", "tests", "--edit", env=env
        )
    assert result.returncode == 0, result.stderr
    assert "edited version:   pass, 3/3 tests passed, branch coverage 100%" in result.stdout
    assert "applied an edited tests proposal" in result.stderr
    task = bank.load("Test/1")
    assert "def test_top_must_be_positive" in task.test
    assert task.provenance.events[-1].detail == "edited before accepting: tests.py"


def test_the_api_key_never_reaches_the_bank(run_cli, bank, seed, tmp_path):
    secret = "sk-never-store-me-0123456789"
    with ScriptedLLMServer([{"answer": DRAFT_ANSWER}]) as server:
        env = llm_env(tmp_path, server.base_url, CURATOR_LLM_API_KEY=secret)
        result = run_cli("--bank", bank.root, "draft", "--seed", seed, "--json", env=env)
        assert server.headers[0]["Authorization"] == f"Bearer {secret}"
    assert result.returncode == 0, result.stderr
    assert secret not in result.stdout + result.stderr
    assert not [name for name, data in bank_files(bank.root).items() if secret.encode() in data]


def test_suggest_condense_shows_the_rule_based_text_beside_it_with_losses(run_cli, bank, tmp_path):
    save_validated(bank, passing(make_task("Test/1", stage=Stage.VALIDATED)))
    answer = "Here is the instruction:\nReturn the most common words of a text with their counts."
    with ScriptedLLMServer([{"answer": answer}] * 3) as server:
        env = llm_env(tmp_path, server.base_url)
        shown = run_cli("--bank", bank.root, "suggest", "Test/1", "--op", "condense", env=env)
        prompt = server.requests[0]["messages"][1]["content"]
        suggest = ("--bank", bank.root, "suggest", "Test/1", "--op", "condense", "--apply")
        refused = run_cli(*suggest, env=env)
        unchanged = bank.load("Test/1").instruct_prompt
        applied = run_cli(*suggest, "--force", env=env)
    assert shown.returncode == 0, shown.stderr
    assert "The function should raise the exception for: ValueError" in prompt
    assert "rule-based instruction → proposed instruction" in shown.stdout
    assert "-The function should raise the exception for:" in shown.stdout
    assert "+Return the most common words of a text with their counts." in shown.stdout
    assert "warning:" in shown.stdout and "ValueError" in shown.stdout
    # The tests assert a ValueError the proposal no longer tells of: worse than the rules'.
    assert refused.returncode == 1
    assert "its instruction leaves out what the docstring says:" in refused.stderr
    assert "ValueError" in refused.stderr and unchanged == ""
    assert applied.returncode == 0, applied.stderr
    task = bank.load("Test/1")
    assert task.instruct_prompt.startswith("Return the most common words")
    assert task.instruct_prompt.endswith(
        "```\nimport collections\nimport re\ndef task_func(text, top=3):\n```"
    )
    assert task.stage is Stage.CONDENSED
    event = task.provenance.events[-1]
    assert (event.operation, event.detail, event.model) == ("condense", "llm", "scripted-model")


def test_suggest_condense_is_refused_before_asking_without_a_passing_validation(
    run_cli, bank, tmp_path
):
    """As the app's F7 and Ctrl+L: the condense step needs a current, passing validation."""
    task = passing(make_task("Test/1", stage=Stage.VALIDATED))
    save_validated(bank, task)
    task.test += "\n# changed since its validation\n"
    save(bank, task)
    before = bank_files(bank.root)
    with ScriptedLLMServer([{"answer": "Return the most common words."}]) as server:
        env = llm_env(tmp_path, server.base_url)
        result = run_cli(
            "--bank", bank.root, "suggest", "Test/1", "--op", "condense", "--apply", env=env
        )
        assert server.requests == []
    assert result.returncode == 1, result.stderr
    assert "refused: condense Test/1: needs a current, passing validation" in result.stderr
    assert bank_files(bank.root) == before


def test_a_drafted_task_gets_its_doc_struct_from_the_docstring(run_cli, bank, seed, tmp_path):
    with ScriptedLLMServer([{"answer": DRAFT_ANSWER}]) as server:
        env = llm_env(tmp_path, server.base_url)
        assert run_cli("--bank", bank.root, "draft", "--seed", seed, env=env).returncode == 0
    doc_struct = bank.load("Draft/1").doc_struct
    assert doc_struct.params[0].startswith("values (list[float])")
    assert "If nothing remains after trimming." in doc_struct.raises[0]


NO_RETRIES = {"CURATOR_LLM_MAX_RETRIES": "0"}


def test_preeval_keeps_the_samples_taken_before_a_request_failed(run_cli, bank, tmp_path):
    """A server error at the 4th of 6 requests threw away the 3 solutions already judged."""
    save(bank, make_task("Test/1", instruct_prompt="Count the words of a text."))
    right = fenced(WORD_COUNT_PROGRAM)
    wrong = fenced(WORD_COUNT_PROGRAM.replace("text.lower()", "text.upper()"))
    failing = {"status": 500, "body": "overloaded"}
    args = ("--bank", bank.root, "preeval", "Test/1", "--k")
    with ScriptedLLMServer([{"answer": right}, {"answer": wrong}, {"answer": right}, failing]) as s:
        unfinished = run_cli(*args, "3", env=llm_env(tmp_path, s.base_url, **NO_RETRIES))
    assert unfinished.returncode == 2, unfinished.stderr
    assert "complete: solved 2/3" in unfinished.stdout
    shown = " ".join(unfinished.stderr.split())
    assert "error: sampling stopped at instruct sample 1 of 3:" in shown
    assert "HTTP 500" in shown and "the 3 sample(s) taken are stored" in shown
    stored = bank.load("Test/1").preeval
    assert (stored.complete_rate, stored.instruct_rate) == (2 / 3, None)
    assert stored.unfinished is not None and "HTTP 500" in stored.unfinished
    sidecar = json.loads((bank.task_dir("Test/1") / SIDECAR).read_text())
    assert [len(run["samples"]) for run in sidecar["runs"]] == [3]
    shown_task = run_cli("--bank", bank.root, "show", "Test/1")
    assert "(k=3, unfinished: a request failed)" in shown_task.stdout

    finished = [{"answer": right}] * 2
    with ScriptedLLMServer([*finished, {"answer": right}, failing, failing]) as s:
        env = llm_env(tmp_path, s.base_url, **NO_RETRIES)
        assert run_cli(*args, "1", env=env).returncode == 0
        again = run_cli(*args, "2", env=env)
        nothing_taken = run_cli(*args, "1", env=env)
    assert again.returncode == 2
    assert "not stored: the finished pre-evaluation of this version is kept" in again.stderr
    assert nothing_taken.returncode == 2 and "HTTP 500" in nothing_taken.stderr
    kept = bank.load("Test/1").preeval
    assert (kept.k, kept.complete_rate, kept.instruct_rate, kept.unfinished) == (1, 1, 1, None)


def test_preeval_of_a_task_not_condensed_yet_uses_the_rule_based_instruction(
    run_cli, bank, tmp_path
):
    save(bank, make_task("Test/1", instruct_prompt=""))
    with ScriptedLLMServer([{"answer": fenced(WORD_COUNT_PROGRAM)}]) as server:
        env = llm_env(tmp_path, server.base_url)
        result = run_cli("--bank", bank.root, "preeval", "Test/1", "--k", "1", env=env)
        instruct_prompt = server.requests[1]["messages"][1]["content"]
    assert result.returncode == 0, result.stderr
    assert "The function should raise the exception for: ValueError" in instruct_prompt
    assert "instruct: solved 1/1 (from the rule-based instruction (none stored yet))" in (
        result.stdout
    )
    assert bank.load("Test/1").preeval.instruct_rate == 1.0
    shown = run_cli("--bank", bank.root, "show", "Test/1", env=env)
    assert "pre-evaluation: complete 100%, instruct 100% solved by scripted-model (k=1)" in (
        shown.stdout
    )


def test_an_answer_that_changes_nothing_is_unusable(run_cli, bank, tmp_path):
    save(bank, make_task("Test/1", test=TESTS_WITHOUT_BAD_TOP))
    before = bank_files(bank.root)
    with ScriptedLLMServer([{"answer": fenced(TESTS_WITHOUT_BAD_TOP)}]) as server:
        env = llm_env(tmp_path, server.base_url)
        result = run_cli(
            "--bank", bank.root, "suggest", "Test/1", "--op", "tests", "--apply", env=env
        )
    assert result.returncode == 2
    assert "repeats the task unchanged" in result.stderr
    assert bank_files(bank.root) == before


def test_condense_edit_rechecks_the_edited_instruction_and_records_both_origins(
    run_cli, bank, tmp_path
):
    save_validated(bank, passing(make_task("Test/1", stage=Stage.VALIDATED)))
    answer = "Return the most common words of a text with their counts."
    editor = tmp_path / "add_sentence.py"
    editor.write_text(  # like most editors, it also ends the file with a newline
        "import pathlib, sys\n"
        "path = pathlib.Path(sys.argv[1])\n"
        "text = path.read_text()\n"
        "text = text.replace('counts.', 'counts. Raise ValueError if top < 1. '\n"
        "    'Return a list[tuple[str, int]].', 1)\n"
        "path.write_text(text + '\\n')\n"
    )
    with ScriptedLLMServer([{"answer": answer}]) as server:
        env = llm_env(tmp_path, server.base_url, EDITOR=f"{sys.executable} {editor}")
        result = run_cli(
            "--bank", bank.root, "suggest", "Test/1", "--op", "condense", "--edit", env=env
        )
    assert result.returncode == 0, result.stderr
    proposal_warnings, marker, edited_warnings = result.stdout.partition(
        "warning (edited instruction)"
    )
    assert not marker  # the edit leaves nothing out: no warning of the edited instruction
    assert "ValueError" in proposal_warnings
    assert "ValueError" not in edited_warnings
    task = bank.load("Test/1")
    assert "counts. Raise ValueError if top < 1. Return a list" in task.instruct_prompt
    assert task.instruct_prompt.endswith("def task_func(text, top=3):\n```")
    assert task.provenance.events[-1].detail == "llm; edited before accepting: instruction.md"


SHUFFLED_TEST = """
    def test_shuffled(self):
        words = ["a", "a", "b"]
        random.shuffle(words)
        self.assertEqual(task_func(" ".join(words), top=1), [("a", 2)])
"""


def test_suggest_flaky_sends_the_detection_evidence_and_cause_hints(run_cli, bank, tmp_path):
    tests = "import random\n" + WORD_COUNT_TESTS + SHUFFLED_TEST
    task = save(bank, make_task("Test/1", test=tests))
    detection = FlakyEvidence(
        task_id="Test/1",
        content_hash=task.content_hash(),
        detection_seed=7,
        runs_requested=20,
        timeout_s=10,
        tests=["test_bad_top", "test_case_insensitive", "test_counts", "test_shuffled"],
        verdicts={
            "test_shuffled": FlakyVerdict(
                classification=Classification.NONDETERMINISTIC, runs=20, failures=3
            )
        },
        failures={
            "d1": Failure(
                digest="d1",
                test="test_shuffled",
                outcome=Outcome.FAIL,
                message="AssertionError: [('b', 1)] != [('a', 2)]",
                traceback='Traceback (most recent call last):\n  File "tests.py", line 20\n'
                "AssertionError: [('b', 1)] != [('a', 2)]",
                runs=[4, 9, 15],
            )
        },
    )
    with bank.lock():
        bank.write_sidecar("Test/1", EVIDENCE_FILE, detection)
    answer = fenced(tests.replace("random.shuffle(words)", "random.Random(0).shuffle(words)"))
    with ScriptedLLMServer([{"answer": answer}]) as server:
        env = llm_env(tmp_path, server.base_url)
        result = run_cli("--bank", bank.root, "suggest", "Test/1", "--op", "flaky", env=env)
        prompt = server.requests[0]["messages"][1]["content"]
    assert result.returncode == 0, result.stderr
    assert "- test_shuffled: nondeterministic, failed 3 of 20 detection runs" in prompt
    assert "fail in run(s) 4, 9, 15: AssertionError: [('b', 1)] != [('a', 2)]" in prompt
    assert '    File "tests.py", line 20' in prompt
    assert "- hint: a test uses random without a seed" in prompt
    assert "+        random.Random(0).shuffle(words)" in result.stdout


def test_suggest_flaky_sends_the_code_the_runs_reached_only_by_chance(run_cli, bank, tmp_path):
    """No test is flaky, but one branch was reached in some runs only: the proposal is
    offered, with that branch as its evidence."""
    task = save(bank, make_task("Test/1"))
    detection = luck_evidence(task)
    with bank.lock():
        bank.write_sidecar("Test/1", EVIDENCE_FILE, detection)
    seeded = "import random\n\nrandom.seed(0)\n" + task.test
    with ScriptedLLMServer([{"answer": fenced(seeded)}]) as server:
        env = llm_env(tmp_path, server.base_url)
        result = run_cli("--bank", bank.root, "suggest", "Test/1", "--op", "flaky", env=env)
        prompt = server.requests[0]["messages"][1]["content"]
    assert result.returncode == 0, result.stderr
    assert (
        "- coverage varies between runs (75.00% to 100.00% of branches, over 4 runs with the "
        "baseline's outcomes); reached by chance only: branch 12→14 (missed in 2) (line "
        "numbers of task.py)"
    ) in prompt


def preeval_solving_none(run_cli, bank, tmp_path, answers: list[str]) -> list[str]:
    """`preeval Test/1 --k 1` with the model answering `answers` (complete, then instruct);
    both must be failed attempts. Returns the samples' details."""
    with ScriptedLLMServer([{"answer": fenced(answer)} for answer in answers]) as server:
        result = run_cli(
            "--bank",
            bank.root,
            "preeval",
            "Test/1",
            "--k",
            "1",
            env=llm_env(tmp_path, server.base_url),
        )
    assert result.returncode == 0, result.stderr
    assert "complete: solved 0/1" in result.stdout
    assert "instruct: solved 0/1" in result.stdout
    report = PreEvalReport.model_validate_json((bank.task_dir("Test/1") / SIDECAR).read_text())
    return [sample.detail or "" for run in report.runs for sample in run.samples]


def test_preeval_counts_a_solution_that_tampers_with_the_tests_as_failed(run_cli, bank, tmp_path):
    """A model's answer that skips the test it would fail (raising SkipTest where the tests
    declare no skip) is a failed attempt, not a solve."""
    save(bank, make_task("Test/1", instruct_prompt="Count the words of a text."))
    skipping = WORD_COUNT_PROGRAM.replace(
        'raise ValueError("top must be positive")',
        'raise __import__("unittest").SkipTest("not today")',
    )
    assert skipping != WORD_COUNT_PROGRAM
    details = preeval_solving_none(run_cli, bank, tmp_path, [skipping, skipping])
    assert all("tampering: test_bad_top was skipped" in detail for detail in details), details


def test_preeval_counts_a_reward_hack_that_passed_the_tests_as_failed(run_cli, bank, tmp_path):
    """Two answers that count nothing: one returns unittest.mock.ANY, equal to anything (it
    solved the task before the harness refused it); the other gives the running test, reached
    through inspect, an assertEqual that accepts anything: taking the frame is tampering first
    (and the assertion, looked up before the call, would not have been fooled anyway)."""
    save(bank, make_task("Test/1", instruct_prompt="Count the words of a text."))
    head = 'def task_func(text, top=3):\n    if top <= 0:\n        raise ValueError("no")\n'
    equal_to_anything = "from unittest import mock\n\n" + head + "    return mock.ANY\n"
    silencing = (
        "import inspect\n\n"
        + head
        + "    test = inspect.currentframe().f_back.f_locals.get('self')\n"
        + "    if test is not None:\n"
        + "        test.assertEqual = lambda *args, **kwargs: None\n"
        + "    return []\n"
    )
    details = sorted(preeval_solving_none(run_cli, bank, tmp_path, [equal_to_anything, silencing]))
    assert "tampering: assertEqual was given an object equal to anything (_ANY)" in details[0]
    assert "tampering: took a stack frame (sys._getframe, task.py:" in details[1]
