# expect-status: completed
# expect-verdict: error
# expect-message: compiled code under the name of
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


# Dummy branches on the lines the tests miss, compiled under this file's name: coverage.py
# counted them as the program's, and 25% of its branches read 100%.
_DUMMY = "\n" * 21 + "if _v > 0:\n    _v = 1\nif _v < 0:\n    _v = 2\n_v = 3\n"
for _v in (1, -1, 0):
    exec(compile(_DUMMY, __file__, "exec"), {"_v": _v})

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_positive(self):
        self.assertEqual(task_func(5), "positive")
