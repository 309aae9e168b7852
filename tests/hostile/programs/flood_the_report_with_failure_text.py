# expect-status: completed
# expect-verdict: fail
# expect-report-bytes-at-most: 600000
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
import os
import unittest


class TestCases(unittest.TestCase):
    """200 tests failing with 18,000 characters each: a report of 7 MB, past the 1 MiB a task's
    file may hold (1,500 such tests wrote a validation.json of 50 MB no command could read)."""

    def test_noise(self):
        self.fail(os.urandom(9000).hex())

    for _number in range(199):
        locals()[f"test_noise_{_number}"] = test_noise
