# expect-status: completed
# expect-verdict: error
# expect-message: suppress.__exit__ swallowed ValueError
# timeout: 30
# Round thirty-seven's fix: a premade suppress of the task's swallows a ValueError raised by
# the tests' own int() on the task's text, before their check on the same block runs.
import contextlib


def task_func(text):
    """Parse `text` as an int within a manager that ignores bad input. WRONG: it gives text
    that int() refuses, and a manager that swallows the ValueError, so the check is skipped."""
    return contextlib.suppress(ValueError), "not a number"
# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_parse(self):
        quiet, value = task_func("5")
        with quiet:
            number = int(value)
            self.assertEqual(number, 5)
