# expect-status: completed
# expect-verdict: error
# expect-message: does not move with
# timeout: 30
# Red team, round thirty-two: an object of a class of the task's, built on no number, whose `-`
# answers 0.0 whatever it is taken from: the tests' own `abs(result - expected) < tol` compared
# a plain 0.0 with their tolerance (only classes built on Python's numbers had their arithmetic
# asked). The tests' `-` and `+` with a plain number are asked again with the number moved by
# whole steps: an honest answer moves with it.
class Reading:
    """A measured value that subtracts to nothing."""

    def __init__(self, value):
        self.value = value

    def __sub__(self, other):
        return 0.0

    def __rsub__(self, other):
        return 0.0

    def __add__(self, other):
        return 0.0


def task_func(values):
    """
    The mean of the values, as a reading.

    Parameters:
    values (list of float): The values (at least one).

    Returns:
    Reading: Their mean.

    Example:
    >>> task_func([1.0, 3.0]).value > 0
    True
    """
    return Reading(sum(values) / (len(values) + 1))   # wrong: one too many

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_two(self):
        result = task_func([1.0, 3.0])
        self.assertTrue(abs(result - 2.0) < 1e-9)

    def test_three(self):
        result = task_func([1.0, 2.0, 6.0])
        self.assertLess(abs(3.0 - result), 1e-6)

    def test_one(self):
        result = task_func([5.0])
        assert abs(result + -5.0) <= 1e-9
