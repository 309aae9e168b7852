"""Too-strict test detectors: mocks and exact texts the prompt never states."""

from __future__ import annotations

from conftest import WORD_COUNT_TESTS, make_task
from curator.docstring import parse_program
from curator.static_checks import risky_test_warnings
from curator.strict_tests import too_strict_findings

# The BigCodeBench/12 pattern: the prompt asks to run a script; the tests patch one way of it.
SCRIPT_PROMPT = '''import subprocess

def task_func(script):
    """
    Run a shell script and return its exit status.

    Parameters:
    script (str): Path of the script.

    Returns:
    int: The exit status.

    Requirements:
    - subprocess
    """
'''
SCRIPT_SOLUTION = "    return subprocess.call([script])\n"
SCRIPT_TESTS = """import unittest
from unittest.mock import patch

class TestCases(unittest.TestCase):
    @patch('subprocess.call', return_value=0)
    def test_status(self, call):
        self.assertEqual(task_func('a.sh'), 0)

    @patch('subprocess.call', return_value=3)
    def test_failure(self, call):
        self.assertEqual(task_func('a.sh'), 3)
"""


def script_task(prompt: str = SCRIPT_PROMPT, tests: str = SCRIPT_TESTS):
    parsed = parse_program(prompt)  # the doc_struct of its own docstring, as import keeps it
    assert parsed is not None
    return make_task(
        complete_prompt=prompt,
        canonical_solution=SCRIPT_SOLUTION,
        test=tests,
        libs=["subprocess"],
        doc_struct=parsed.doc_struct,
    )


def test_a_patched_callable_the_prompt_never_names_is_found_once_with_its_line() -> None:
    findings = too_strict_findings(script_task())
    assert findings == [
        (
            "mock-not-in-prompt",
            "the tests patch 'subprocess.call', which the prompt never names: a solution that "
            "does the same another way fails (and 1 more place)",
            5,
        )
    ]
    warnings = risky_test_warnings(script_task())
    reported = [w for w in warnings if w.code == "mock-not-in-prompt"]
    assert len(reported) == 1 and reported[0].file == "tests.py" and reported[0].line == 5


def test_a_callable_the_prompt_names_is_not_found() -> None:
    named = SCRIPT_PROMPT.replace("exit status.\n", "exit status, using `subprocess.call`.\n", 1)
    assert too_strict_findings(script_task(prompt=named)) == []
    in_instruction = script_task().model_copy(
        update={"instruct_prompt": "Run the script with subprocess.call(...)."}
    )
    assert too_strict_findings(in_instruction) == []
    patch_object = SCRIPT_TESTS.replace(
        "@patch('subprocess.call', return_value=0)",
        "@patch.object(subprocess, 'check_call', return_value=0)",
    )
    targets = [message for _, message, _ in too_strict_findings(script_task(tests=patch_object))]
    assert any("'subprocess.check_call'" in message for message in targets)


def test_exact_titles_and_messages_the_prompt_does_not_state_are_found() -> None:
    tests = WORD_COUNT_TESTS + (
        "\n    def test_title(self):\n"
        "        ax = make_plot()\n"
        "        self.assertEqual(ax.get_title(), 'Word Counts')\n"
        "        self.assertEqual(ax.get_xlabel(), 'word')\n"
        "\n    def test_message(self):\n"
        "        with self.assertRaisesRegex(ValueError, 'top must be > 0'):\n"
        "            task_func('a', top=0)\n"
        "        try:\n"
        "            task_func('a', top=-1)\n"
        "        except ValueError as e:\n"
        "            self.assertEqual(str(e), 'negative top')\n"
        "\n    def test_stated(self):\n"
        "        self.assertEqual(task_func('a').get_ylabel(), 'The most common ones')\n"
        "        with self.assertRaisesRegex(ValueError, 'top is not positive'):\n"
        "            task_func('a', top=0)\n"
        "        frame = {'word': [1]}\n"
    )
    findings = too_strict_findings(make_task(test=tests))
    texts = [(code, line) for code, _, line in findings]
    lines = tests.splitlines()
    expected_lines = [
        number
        for number, line in enumerate(lines, 1)
        if "'Word Counts'" in line or "'top must be > 0'" in line or "'negative top'" in line
    ]
    assert texts == [("exact-text-not-in-prompt", line) for line in expected_lines]
    assert "'Word Counts' of get_title()" in findings[0][1]
    assert "an exception's message" in findings[2][1]
