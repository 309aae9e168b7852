# expect-status: completed
# expect-verdict: pass
# expect-branch-coverage: 50.0
# timeout: 20
import os


def task_func(value):
    """
    Sort a number into negative, zero or positive; only one branch is tested.

    Parameters:
    value (int): A number.

    Returns:
    str: its sign.

    Requirements:
    - os
    """
    if value > 0:
        return "positive"
    if value < 0:
        return "negative"
    return "zero"


# The branches the tests miss, run as the program loads: coverage.py counted them as covered,
# and 50% of the branches read 100%. (The loop's own two branches are the module's, and count.)
for _value in (-1, 0):
    task_func(_value)

# And what tells a function's lines from the module's, changed for the harness to read.
import inspect
import types

inspect.CO_NEWLOCALS = 0
types.CodeType = int

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_positive(self):
        self.assertEqual(task_func(5), "positive")
