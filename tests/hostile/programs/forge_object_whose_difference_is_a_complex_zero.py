# expect-status: completed
# expect-verdict: error
# expect-message: does not move with its partner
# timeout: 60
# Red team, round thirty-six: as `forge_object_whose_difference_is_false`, with `0j`, read by its
# real part now.
import numpy as np


class Total:
    """Wrong total (40); its difference from anything is 0j."""
    def __init__(self, v):
        self.v = v
    def __sub__(self, other):
        return 0j
    def __rsub__(self, other):
        return 0j
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
        expected = 42.0
        result = task_func(data)
        self.assertTrue(abs(result - expected) < 1e-6)
        self.assertLess(abs(expected - result), 1e-6)
        self.assertAlmostEqual(result - expected, 0)
