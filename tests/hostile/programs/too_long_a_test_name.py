# expect-status: invalid
# expect-verdict: invalid
# expect-message: a test's name holds 3,010 characters; at most 200
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
    """A name of 3,000 characters more: the flaky check's evidence names each test in every
    run (200 tests named so would make a flaky.json of 12 MB)."""

    def test_positive(self):
        self.assertEqual(task_func(5), "positive")

    locals()["test_" + "x" * 3000 + "_long"] = test_positive
