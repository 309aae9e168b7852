# expect-status: completed
# expect-verdict: pass
# timeout: 60
# Red team, round thirty-four: the tests' `!=` of numpy's masked arrays is Python's own, as numpy's
# other elementwise answers are (as `not (a == b)` it erred).
import numpy as np


def task_func(values):
    """Mask the negative readings."""
    arr = np.array(values, dtype=float)
    return np.ma.masked_less(arr, 0)

# ---- tests ----
import unittest

import numpy as np


class TestCases(unittest.TestCase):
    def test_nonzero_readings(self):
        result = task_func([1.0, -2.0, 0.0, 3.0])
        self.assertEqual(sum(1 for v in result if v != 0), 2)

    def test_masked_unequal(self):
        result = task_func([1.0, -2.0])
        self.assertTrue((result != np.array([1.0, 5.0])).mask[1])
        self.assertFalse((result != 1.0)[0])
