# expect-status: completed
# expect-verdict: error
# expect-message: suppress.__exit__ swallowed AssertionError
# timeout: 20
# Red team, round sixteen: `contextlib.suppress` may swallow only as the tests make it. Here the
# tests check inside a helper of the program's (`checked()`), which makes one that swallows
# their failures: a manager made to swallow, but made by the task's code.
import contextlib


def checked():
    """Where the tests make their checks: a context of the program's."""
    return contextlib.suppress(AssertionError)


def task_func(values):
    """
    The sum of the values.

    Parameters:
    values (list of int): The values.

    Returns:
    int: Their sum.

    Requirements:
    - contextlib

    Example:
    >>> task_func([])
    0
    """
    return sum(values) + (1 if values else 0)   # wrong: one too many

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_two(self):
        with checked():
            self.assertEqual(task_func([1, 2]), 3)

    def test_one(self):
        with checked():
            self.assertEqual(task_func([5]), 5)

    def test_empty(self):
        with checked():
            self.assertEqual(task_func([]), 0)
