"""LLM assistance end to end, offline: `curator draft` and `curator suggest --op tests`.

Runs the real `curator` CLI against the scripted chat-completions server on 127.0.0.1, in a
fresh bank holding a copy of the demo task `Demo/4` (whose tests never take one branch), and
prints the transcript plus figures: branch coverage before and after, requests, wall time.

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

DRAFT_ANSWER = '''I turned the seed into a task with a structured docstring and tests.

```python
import itertools


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
    - ValueError: If min_run is less than 1.

    Requirements:
    - itertools

    Example:
    >>> task_func('aaabcc')
    'a3b1c2'
    """
    if min_run < 1:
        raise ValueError("min_run must be at least 1")
    parts = []
    for char, group in itertools.groupby(text):
        length = len(list(group))
        if length >= min_run:
            parts.append(f"{char}{length}")
        else:
            parts.append(char * length)
    return "".join(parts)
```

```python
import unittest


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
```
'''

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
    workdir = Path(tempfile.mkdtemp(prefix="curator-llm-demo-"))
    bank = Bank.init(workdir / "bank", "llm-demo")
    source = Bank.open(ROOT / "tasks")
    shutil.copytree(source.task_dir(DEMO_TASK), bank.task_dir(DEMO_TASK))
    seed = workdir / "seed.txt"
    seed.write_text(SEED)
    demo_tests = bank.load(DEMO_TASK).test
    # The last step repeats: both `suggest` calls get the same answer.
    script = [{"answer": DRAFT_ANSWER}, {"answer": tests_answer(demo_tests)}]
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
        run(["draft", "--seed", str(seed), "--libs", "itertools"], env)
        run(["suggest", DEMO_TASK, "--op", "tests"], env)
        run(["suggest", DEMO_TASK, "--op", "tests", "--apply"], env)
        elapsed = time.perf_counter() - started
        requests = len(server.requests)
    task = bank.load(DEMO_TASK)
    before, after = check_task(source.load(DEMO_TASK)), check_task(task)
    event = task.provenance.events[-1]
    print("figures:")
    print(f"  requests to the scripted server: {requests}")
    print(f"  wall time for the three commands: {elapsed:.1f} s")
    print(f"  {DEMO_TASK} before: {before.headline()}")
    print(f"  {DEMO_TASK} after:  {after.headline()}")
    print(
        f"  provenance: {event.operation} by {event.annotator} with {event.model} "
        f"(prompt {event.prompt_hash}) at {event.at.isoformat()}"
    )
    print(f"  bank: {bank.root}")


if __name__ == "__main__":
    main()
