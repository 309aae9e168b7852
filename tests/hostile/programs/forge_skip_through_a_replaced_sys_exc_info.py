# expect-status: completed
# expect-verdict: error
# expect-message: was raised by the task's code, not by the tests
# timeout: 20
# The skip check asked `sys.exc_info()` for the SkipTest unittest caught: a replacement answered
# "none" for the program's own, which then counted as the tests' (red team, round thirteen). The
# harness holds sys's function as it was.
import sys
import unittest

# HarnessResult.addSkip reads `sys.exc_info()[1]` to see whether the tests made the SkipTest:
# the name `sys` is sealed, the sys module's attribute is not.
_exc_info = sys.exc_info


def _exc_info_hiding_mine():
    info = _exc_info()
    if getattr(info[1], "_mine", False):
        return (None, None, None)   # "no SkipTest in hand": the skip counts as the tests'
    return info


sys.exc_info = _exc_info_hiding_mine


def task_func(numbers):
    """
    Sum the squares of a list of integers.

    Parameters:
    numbers (list of int): The numbers.

    Returns:
    int: The sum of their squares.

    Requirements:
    - sys
    - unittest

    Example:
    >>> task_func([1, 2])
    5
    """
    total = 0
    for n in numbers:
        if n < 0:  # the program does not know negatives: the test is skipped instead
            skip = unittest.SkipTest("json is not installed")
            skip._mine = True
            raise skip
        total += n * n
    return total

# ---- tests ----
import importlib.util
import unittest


class TestCases(unittest.TestCase):
    def setUp(self):
        # an optional dependency, as BigCodeBench-style tests often guard one
        if importlib.util.find_spec("json") is None:
            self.skipTest("json is not installed")

    def test_a_basic(self):
        self.assertEqual(task_func([1, 2, 3]), 14)

    def test_b_negative(self):
        self.assertEqual(task_func([-2, 3]), 13)

    def test_c_mixed(self):
        self.assertEqual(task_func([-1, -1, 5]), 27)

    def test_d_empty(self):
        self.assertEqual(task_func([]), 0)
