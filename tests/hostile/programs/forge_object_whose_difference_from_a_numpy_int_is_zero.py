# expect-status: completed
# expect-verdict: error
# expect-message: does not move with its partner
# timeout: 60
# Red team, round thirty-six: numpy's fixed-size ints beside an object of the task's were left
# unmoved (a uint8 moved past its range had raised in the harness), so where the tests' expected
# value was numpy's (`np.sum(data)`, common) an object whose `-` said 0.0 passed. They are moved as
# Python's ints.
import numpy as np


class Total:
    """Wrong total (40); its difference from anything is 0."""
    def __init__(self, v):
        self.v = v
    def __sub__(self, other):
        return 0.0
    def __rsub__(self, other):
        return 0.0
    def __float__(self):
        return float(self.v)


def task_func(values):
    return Total(40)


# ---- tests ----
import unittest
import numpy as np


class TestCases(unittest.TestCase):
    def test_sum(self):
        data = np.array([10, 20, 12])
        expected = np.sum(data)  # numpy's int64: 42
        result = task_func(data)
        self.assertTrue(abs(result - expected) < 1e-6)
        self.assertLess(abs(expected - result), 1e-6)
        self.assertAlmostEqual(result - expected, 0)
