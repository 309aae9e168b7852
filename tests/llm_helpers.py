"""Shared material for the LLM tests: scripted answers, a hermetic environment, bank snapshots."""

from __future__ import annotations

from pathlib import Path

from curator.config import LLMSettings

DRAFT_PROGRAM = '''import statistics

def task_func(values, trim=0):
    """
    Compute the mean of a list of numbers after dropping the lowest and highest values.

    Parameters:
    values (list[float]): The numbers.
    trim (int): How many values to drop at each end. Defaults to 0.

    Returns:
    float: The mean of the remaining values.

    Raises:
    - ValueError: If nothing remains after trimming.

    Requirements:
    - statistics

    Example:
    >>> task_func([1, 2, 3, 10], trim=1)
    2.5
    """
    ordered = sorted(values)
    kept = ordered[trim : len(ordered) - trim] if trim else ordered
    if not kept:
        raise ValueError("nothing remains after trimming")
    return statistics.mean(kept)
'''

DRAFT_TESTS = """import unittest

class TestCases(unittest.TestCase):
    def test_plain_mean(self):
        self.assertEqual(task_func([1, 2, 3]), 2)

    def test_trimmed(self):
        self.assertEqual(task_func([1, 2, 3, 10], trim=1), 2.5)

    def test_nothing_left(self):
        with self.assertRaises(ValueError):
            task_func([1, 2], trim=1)
"""

DRAFT_ANSWER = (
    "Here is the task.\n\n```python\n" + DRAFT_PROGRAM + "```\n\nAnd its tests:\n\n"
    "```python\n" + DRAFT_TESTS + "```\n"
)

# An answer with the same content but no fences: code between two lines of prose.
DRAFT_ANSWER_IN_PROSE = (
    "Sure! The task program and tests follow.\n"
    + DRAFT_PROGRAM
    + "\n"
    + DRAFT_TESTS
    + "\nHope this helps, let me know if you need more.\n"
)

TRUNCATED_ANSWER = "```python\n" + DRAFT_PROGRAM[:300]


def fast_settings(base_url: str, **overrides: object) -> LLMSettings:
    """Settings that keep retries and timeouts short, so failure tests stay quick."""
    values: dict[str, object] = {
        "base_url": base_url,
        "model": "scripted-model",
        "timeout_s": 2.0,
        "max_retries": 2,
        "backoff_s": 0.01,
        "max_backoff_s": 0.5,
    }
    values.update(overrides)
    return LLMSettings.model_validate(values)


def llm_env(tmp_path: Path, base_url: str | None = None, **extra: str) -> dict[str, str]:
    """Environment for a `curator` subprocess: no user config, no inherited provider."""
    env = {
        "CURATOR_CONFIG": str(tmp_path / "no-config.toml"),
        "OPENAI_BASE_URL": "",
        "OPENAI_API_KEY": "",
        "CURATOR_LLM_BASE_URL": base_url or "",
        "CURATOR_LLM_MODEL": "scripted-model" if base_url else "",
        "CURATOR_LLM_API_KEY": "",
        "CURATOR_LLM_TIMEOUT_S": "5",
        "CURATOR_LLM_MAX_RETRIES": "2",
        "CURATOR_LLM_BACKOFF_S": "0.01",
        "CURATOR_LLM_MAX_BACKOFF_S": "0.5",
        "CURATOR_ANNOTATOR": "ada",
    }
    env.update(extra)
    return env


def bank_files(root: Path) -> dict[str, bytes]:
    """Every file of a bank (outside git's and curator's private folders), byte for byte."""
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and path.relative_to(root).parts[0] not in (".git", ".curator")
    }
