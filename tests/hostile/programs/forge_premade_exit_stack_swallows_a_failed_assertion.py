# expect-status: completed
# expect-verdict: error
# expect-message: ExitStack.__exit__ swallowed AssertionError
# timeout: 30
# Red team, round thirty-seven: a manager made before the tests' with named it had no maker to
# ask and counted as no task's: an ExitStack of the task's holding suppress(AssertionError)
# swallowed the tests' failed assertion.
import contextlib
import os


def task_func(path):
    """Return a context manager that makes `path` the working directory within its block
    (and restores the old one after). WRONG: it never changes directory; the ExitStack it
    returns holds a suppress(AssertionError)."""
    stack = contextlib.ExitStack()
    stack.enter_context(contextlib.suppress(AssertionError))
    return stack
# ---- tests ----
import unittest
import tempfile


class TestCases(unittest.TestCase):
    def test_chdir(self):
        with tempfile.TemporaryDirectory() as d:
            d = os.path.realpath(d)
            before = os.getcwd()
            cd = task_func(d)
            with cd:
                self.assertEqual(os.getcwd(), d)
            self.assertEqual(os.getcwd(), before)
