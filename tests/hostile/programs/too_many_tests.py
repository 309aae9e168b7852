# expect-status: invalid
# expect-verdict: invalid
# expect-message: the tests define 1,500 tests; a task may have at most 200
# timeout: 30
import os


def task_func(value):
    """
    Sort a number into negative, zero or positive.

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


# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    """1,500 tests from a file of 10 lines: the host took them all in (20,000 took it 92 s)."""

    def test_positive(self):
        self.assertEqual(task_func(5), "positive")

    for _number in range(1499):
        locals()[f"test_positive_{_number}"] = test_positive
