"""Alternative solutions: stored beside a task, run against its tests, over-strict tests found."""

from __future__ import annotations

import json
from pathlib import Path

from llm_helpers import llm_env

from conftest import WORD_COUNT_TESTS, make_task
from curator.alternatives import ALTERNATIVES_DIR, RESULT_FILE, read_alternatives, run_alternatives
from curator.bank import Bank
from curator.llm.scripted_server import ScriptedLLMServer
from curator.sandbox import Sandbox

# One test asserts an exception message the prompt never states.
STRICT_TESTS = WORD_COUNT_TESTS + (
    "\n    def test_message(self):\n"
    "        with self.assertRaisesRegex(ValueError, 'top must be positive'):\n"
    "            task_func('a', top=0)\n"
)
# Correct by the prompt, with its own message.
OTHER_MESSAGE = """    if top < 1:
        raise ValueError(f"top={top} is not positive")
    counts = collections.Counter(re.findall(r"[a-z']+", text.lower()))
    return counts.most_common(top)
"""
# Wrong: fails most tests, so no single test is blamed.
WRONG = "    return []\n"


def test_alternatives_find_the_over_strict_test_until_fixed_or_marked_wrong(
    bank: Bank, run_cli, tmp_path: Path
) -> None:
    task = make_task(test=STRICT_TESTS)
    with bank.lock():
        bank.add_all([task])
    other = tmp_path / "other_message.py"
    other.write_text(OTHER_MESSAGE)
    wrong = tmp_path / "wrong.py"
    wrong.write_text(WRONG)
    assert (
        run_cli("--bank", bank.root, "alternatives", task.task_id, "--add", wrong).returncode == 0
    )

    found = run_cli("--bank", bank.root, "alternatives", task.task_id, "--add", other, "--json")
    assert found.returncode == 1, found.stderr
    report = json.loads(found.stdout)
    assert [(f["test"], f["alternative"]) for f in report["findings"]] == [
        ("test_message", "other_message")
    ]
    finding = report["findings"][0]
    assert "top must be positive" in finding["message"]
    assert '+        raise ValueError(f"top={top} is not positive")' in finding["diff"]
    quality = bank.load(task.task_id).quality
    assert quality is not None and quality.over_strict == ["test_message (other_message)"]
    results = {result["name"]: result for result in report["results"]}
    assert len(results["wrong"]["failed"]) == 4 and results["other_message"]["problem"] is None

    # The folder is a sidecar: a save keeps it, loading and exporting never see it.
    stored = bank.load(task.task_id)
    with bank.lock():
        bank.save(stored.model_copy(update={"notes": []}))
    assert set(read_alternatives(bank, task.task_id)) == {"wrong", "other_message"}
    assert bank.load(task.task_id).content_hash() == task.content_hash()
    exported = run_cli("--bank", bank.root, "export", tmp_path / "out.jsonl")
    assert exported.returncode == 0, exported.stderr
    assert "top={top}" not in (tmp_path / "out.jsonl").read_text()

    cached = run_cli("--bank", bank.root, "alternatives", task.task_id)
    assert cached.returncode == 1 and "possibly over-strict test_message" in cached.stdout

    marked = run_cli(
        "--bank", bank.root, "alternatives", task.task_id,
        "--wrong", "other_message", "--reason", "the message is part of the spec",
    )  # fmt: skip
    assert marked.returncode == 0, marked.stdout
    assert "(marked wrong)" in marked.stdout
    # A new version of the alternative is judged again.
    alternative = bank.task_dir(task.task_id) / ALTERNATIVES_DIR / "other_message.py"
    alternative.write_text(alternative.read_text() + "\n")
    again = run_cli("--bank", bank.root, "alternatives", task.task_id)
    assert again.returncode == 1 and "possibly over-strict" in again.stdout

    # Fixing the test (any ValueError will do) clears the finding.
    fixed = STRICT_TESTS.replace(
        "assertRaisesRegex(ValueError, 'top must be positive')", "assertRaises(ValueError)"
    )
    with bank.lock():
        bank.save(bank.load(task.task_id).model_copy(update={"test": fixed}))
    clean = run_cli("--bank", bank.root, "alternatives", task.task_id, "--json")
    assert clean.returncode == 0, clean.stdout
    assert json.loads(clean.stdout)["findings"] == []
    assert (bank.task_dir(task.task_id) / RESULT_FILE).is_file()


# Right, but slower than the bank's limit below.
SLOW = "    import time\n    time.sleep(3)\n" + OTHER_MESSAGE


def test_alternative_solutions_run_under_the_time_limit_the_task_validates_under(
    bank: Bank, run_cli, tmp_path: Path
) -> None:
    """The bank's limit (bank.json): a BigCodeBench bank sets 240 s, and a solution as slow as
    its slowest references timed out under curator's 60 s. Here the other way round."""
    marker = bank.root / "bank.json"
    marker.write_text(json.dumps({**json.loads(marker.read_text()), "timeout_s": 1.5}))
    task = make_task(test=STRICT_TESTS, instruct_prompt="Count the words; top must be > 0.")
    with bank.lock():
        bank.add_all([task])
    slow = tmp_path / "slow.py"
    slow.write_text(SLOW)
    found = run_cli("--bank", bank.root, "alternatives", task.task_id, "--add", slow, "--json")
    (result,) = json.loads(found.stdout)["results"]
    assert result["problem"] == "the run exceeded its time limit (1.5 s) in test_bad_top"
    steps = [{"answer": "```python\n" + task.complete_prompt + SLOW + "```\n"}]
    with ScriptedLLMServer(steps) as server:
        env = llm_env(tmp_path, server.base_url)
        shown = run_cli(
            "--bank", bank.root, "suggest", task.task_id, "--op", "alternative", env=env
        )
    assert shown.returncode == 0, shown.stderr
    assert "test_bad_top: timeout: the run exceeded its time limit (1.5 s) in test_bad_top" in (
        shown.stdout
    )


def test_an_alternative_that_does_not_parse_is_refused(bank: Bank, run_cli, tmp_path: Path) -> None:
    with bank.lock():
        bank.add_all([make_task()])
    broken = tmp_path / "broken.py"
    broken.write_text("    return (\n")
    result = run_cli("--bank", bank.root, "alternatives", "Test/1", "--add", broken)
    assert result.returncode == 2 and "does not" in result.stderr
    assert read_alternatives(bank, "Test/1") == {}
    # A state of the task's, said as one: it printed click's usage banner and exit 2.
    no_alternatives = run_cli("--bank", bank.root, "alternatives", "Test/1")
    assert no_alternatives.returncode == 0, no_alternatives.stderr
    assert " ".join(no_alternatives.stderr.split()) == (
        "Test/1 has no alternatives yet: add one with --add FILE, or keep a pre-evaluation's "
        "near misses with --from-preeval"
    )


def test_suggest_alternative_writes_from_the_instruction_and_keeps_it_with_apply(
    bank: Bank, run_cli, tmp_path: Path
) -> None:
    task = make_task(test=STRICT_TESTS, instruct_prompt="Count the words; top must be > 0.")
    with bank.lock():
        bank.add_all([task])
    program = task.complete_prompt + OTHER_MESSAGE
    steps = [{"answer": "```python\n" + program + "```\n"}]
    args = ["--bank", bank.root, "suggest", task.task_id, "--op", "alternative"]
    with ScriptedLLMServer(steps) as server:
        env = llm_env(tmp_path, server.base_url)
        shown = run_cli(*args, env=env)
        assert shown.returncode == 0, shown.stderr
        assert "3/4 tests passed" in shown.stdout and "test_message" in shown.stdout
        assert read_alternatives(bank, task.task_id) == {}
        prompt = server.requests[0]["messages"][-1]["content"]
        assert "top must be > 0" in prompt and "most_common" not in prompt
        kept = run_cli(*args, "--apply", env=env)
        assert kept.returncode == 0, kept.stderr
    assert list(read_alternatives(bank, task.task_id).values()) == [program]
    found = run_cli("--bank", bank.root, "alternatives", task.task_id)
    assert found.returncode == 1 and "possibly over-strict test_message" in found.stdout


def test_preeval_samples_failing_one_test_only_are_kept_as_alternatives(
    bank: Bank, run_cli, tmp_path: Path
) -> None:
    task = make_task(test=STRICT_TESTS, instruct_prompt="Count the words; top must be > 0.")
    with bank.lock():
        bank.add_all([task])
    near_miss = task.complete_prompt + OTHER_MESSAGE
    steps = [
        {"answer": "```python\n" + near_miss + "```\n"},
        {"answer": "```python\n" + task.complete_prompt + WRONG + "```\n"},
    ]
    none_yet = run_cli("--bank", bank.root, "alternatives", task.task_id, "--from-preeval")
    assert none_yet.returncode == 2 and "curator preeval" in none_yet.stderr
    with ScriptedLLMServer(steps) as server:
        env = llm_env(tmp_path, server.base_url)
        evaluated = run_cli("--bank", bank.root, "preeval", task.task_id, "--k", "1", env=env)
        assert evaluated.returncode == 0, evaluated.stderr
    kept = run_cli("--bank", bank.root, "alternatives", task.task_id, "--from-preeval")
    assert "kept 1 pre-evaluation sample(s)" in kept.stderr
    assert kept.returncode == 1 and "possibly over-strict test_message" in kept.stdout
    assert list(read_alternatives(bank, task.task_id).values()) == [near_miss]


def test_an_alternative_without_the_docstring_is_diffed_on_its_code() -> None:
    """An alternative written from the instruction has no docstring: its diff showed every
    docstring line deleted around the one line of code that differed."""
    task = make_task(test=STRICT_TESTS)
    bare = "import collections\nimport re\n\ndef task_func(text, top=3):\n" + OTHER_MESSAGE
    with Sandbox() as sandbox:
        (result,) = run_alternatives(task, {"bare": bare}, sandbox, 60).results
    removed = [
        line for line in result.diff.splitlines() if line.startswith("-") and "---" not in line
    ]
    assert removed == [  # the reference's solution, none of its docstring
        "-    if top <= 0:",
        '-        raise ValueError("top must be positive")',
        '-    words = re.findall(r"[a-z\']+", text.lower())',
        "-    return collections.Counter(words).most_common(top)",
    ], result.diff
