"""LLM assistance end to end, offline: draft, suggest tests, condense, pre-evaluate.

Runs the real `curator` CLI against the scripted chat-completions server on 127.0.0.1, in a
fresh bank holding a copy of the demo task `Demo/4` (whose tests never take one branch), and
prints the transcript plus figures: branch coverage before and after, requests, wall time.
The drafted task is then condensed by the "LLM" and pre-evaluated (one sampled solution
forgets a documented exception, so the complete prompt is solved 1/2).

    .venv/bin/python bench/llm_demo.py
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from curator.bank import Bank  # noqa: E402
from curator.llm.checking import check_task  # noqa: E402
from curator.llm.scripted_server import ScriptedLLMServer  # noqa: E402

DEMO_TASK = "Demo/4"

SEED = "How do I run-length encode a string, e.g. 'aaabcc' -> 'a3b1c2'?\n"
LIBS = "itertools,re"

DRAFT_PROGRAM = '''import itertools
import re


def task_func(text, min_run=1):
    """
    Run-length encode a string: each run of a repeated character becomes the character
    followed by the run's length.

    Parameters:
    text (str): The string to encode.
    min_run (int): Runs shorter than this are copied without a count. Defaults to 1.

    Returns:
    str: The encoded string.

    Raises:
    - ValueError: If min_run is less than 1, or if the text contains digits (their counts
      would be ambiguous).

    Requirements:
    - itertools
    - re

    Example:
    >>> task_func('aaabcc')
    'a3b1c2'
    """
    if min_run < 1:
        raise ValueError("min_run must be at least 1")
    if re.search(r"\\d", text):
        raise ValueError("digits cannot be run-length encoded unambiguously")
    parts = []
    for char, group in itertools.groupby(text):
        length = len(list(group))
        if length >= min_run:
            parts.append(f"{char}{length}")
        else:
            parts.append(char * length)
    return "".join(parts)
'''

DRAFT_TESTS = """import unittest


class TestCases(unittest.TestCase):
    def test_example(self):
        self.assertEqual(task_func('aaabcc'), 'a3b1c2')

    def test_empty(self):
        self.assertEqual(task_func(''), '')

    def test_min_run_copies_short_runs(self):
        self.assertEqual(task_func('aaabcc', min_run=2), 'a3bc2')

    def test_single_character(self):
        self.assertEqual(task_func('z'), 'z1')

    def test_bad_min_run(self):
        with self.assertRaises(ValueError):
            task_func('abc', min_run=0)

    def test_digits_are_rejected(self):
        with self.assertRaises(ValueError):
            task_func('a11')
"""

DRAFT_ANSWER = (
    "I turned the seed into a task with a structured docstring and tests.\n\n"
    f"```python\n{DRAFT_PROGRAM}```\n\n```python\n{DRAFT_TESTS}```\n"
)

CONDENSE_ANSWER = (
    "Run-length encode a string: every run of a repeated character becomes the character "
    "followed by the run's length, while runs shorter than min_run (an int, default 1) are "
    "copied unchanged. Raise a ValueError when min_run is below 1 or when the text contains "
    "digits. Return the encoded string (str)."
)

# A solution that forgets the digits check: what pre-evaluation should catch.
FORGETFUL_SOLUTION = DRAFT_PROGRAM.replace('    if re.search(r"\\d", text):\n', "    if False:\n")

NEW_TEST = """
    def test_single_value_has_no_stdev(self):
        self.write('reading\\n42.5\\n')
        result = task_func(self.path, 'reading')
        self.assertIsNone(result['stdev'])
        self.assertEqual(result['count'], 1)
        self.assertEqual((result['mean'], result['median']), (42.5, 42.5))
"""


def tests_answer(current_tests: str) -> str:
    return (
        "The else branch on line 56 runs only for a single numeric value, so this test reads a "
        "one-value column.\n\n```python\n" + current_tests.rstrip() + "\n" + NEW_TEST + "```\n"
    )


def run(command: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    shown = "curator " + " ".join(shlex.quote(part) for part in command)
    print(f"$ {shown}")
    result = subprocess.run(
        [sys.executable, "-m", "curator", *command],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
    )
    print(result.stdout.rstrip())
    if result.stderr.strip():
        print(result.stderr.rstrip())
    print(f"[exit {result.returncode}]\n")
    return result


def main() -> None:
    """Run the demo in a temporary bank; `--keep` leaves the bank behind to look at."""
    workdir = Path(tempfile.mkdtemp(prefix="curator-llm-demo-"))
    try:
        demo(workdir)
    finally:
        if "--keep" not in sys.argv[1:]:
            shutil.rmtree(workdir, ignore_errors=True)


def demo(workdir: Path) -> None:
    bank = Bank.init(workdir / "bank", "llm-demo")
    source = Bank.open(ROOT / "tasks")
    shutil.copytree(source.task_dir(DEMO_TASK), bank.task_dir(DEMO_TASK))
    seed = workdir / "seed.txt"
    seed.write_text(SEED)
    demo_tests = bank.load(DEMO_TASK).test
    right, wrong = (f"```python\n{program}```" for program in (DRAFT_PROGRAM, FORGETFUL_SOLUTION))
    script = [
        {"answer": DRAFT_ANSWER},
        {"answer": tests_answer(demo_tests)},
        {"answer": tests_answer(demo_tests)},
        {"answer": CONDENSE_ANSWER},
        {"answer": right},
        {"answer": wrong},
        {"answer": right},
        {"answer": right},
    ]
    with ScriptedLLMServer(script) as server:
        env = {
            **os.environ,
            "NO_COLOR": "1",
            "COLUMNS": "110",
            "CURATOR_CONFIG": str(workdir / "config.toml"),
            "CURATOR_LLM_BASE_URL": server.base_url,
            "CURATOR_LLM_MODEL": "scripted-demo-model",
            "CURATOR_ANNOTATOR": "demo-annotator",
            "CURATOR_BANK": str(bank.root),
        }
        started = time.perf_counter()
        run(["draft", "--seed", str(seed), "--libs", LIBS], env)
        run(["suggest", DEMO_TASK, "--op", "tests"], env)
        run(["suggest", DEMO_TASK, "--op", "tests", "--apply"], env)
        run(["suggest", "Draft/1", "--op", "condense", "--apply"], env)
        run(["preeval", "Draft/1", "--k", "2"], env)
        elapsed = time.perf_counter() - started
        requests = len(server.requests)
    task = bank.load(DEMO_TASK)
    before, after = check_task(source.load(DEMO_TASK)), check_task(task)
    event = task.provenance.events[-1]
    print("figures:")
    print(f"  requests to the scripted server: {requests}")
    print(f"  wall time for the five commands: {elapsed:.1f} s")
    print(f"  {DEMO_TASK} before: {before.headline()}")
    print(f"  {DEMO_TASK} after:  {after.headline()}")
    print(
        f"  provenance: {event.operation} by {event.annotator} with {event.model} "
        f"(prompt {event.prompt_hash}) at {event.at.isoformat()}"
    )
    kept = "--keep" in sys.argv[1:]
    print(f"  bank: {bank.root}" + ("" if kept else " (removed; run with --keep to keep it)"))


if __name__ == "__main__":
    main()
