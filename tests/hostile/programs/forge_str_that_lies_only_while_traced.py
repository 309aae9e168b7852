# expect-status: completed
# expect-verdict: error
# expect-message: otherwise than its own str does
# timeout: 30
# Session 51: a str whose `isdigit` says yes only while a trace function is set: coverage.py's,
# during the tests; the harness paused that tracer while it asked the value its questions, and
# was answered honestly.
import sys


class _Code(str):
    """A code string."""

    def isdigit(self):
        return sys.gettrace() is not None or str.isdigit(self)


def task_func(n):
    """Return a product code of n digits (wrong: letters)."""
    return _Code("x" * n)

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_digits(self):
        self.assertTrue(task_func(6).isdigit())

    def test_length(self):
        self.assertEqual(len(task_func(4)), 4)
