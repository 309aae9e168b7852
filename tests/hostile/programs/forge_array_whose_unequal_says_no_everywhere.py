# expect-status: completed
# expect-verdict: error
# expect-message: otherwise than the opposite of ==
# timeout: 60
# Red team, round thirty-three: the tests' `a != b` is Python's own answer where it is numpy's or
# pandas' elementwise one; an array of the task's whose `!=` says no everywhere, while its `==`
# says the truth, would pass `assertFalse((result != expected).any())` with wrong values. The
# elementwise `!=` must say the opposite of `==` at every element.
import numpy as np


class Doubled(np.ndarray):
    """An array that differs from nothing."""

    def __ne__(self, other):
        return np.zeros(self.shape, dtype=bool)


def task_func(values):
    """
    The values doubled.

    Parameters:
    values (list of int): The values.

    Returns:
    numpy.ndarray: The doubled values.

    Requirements:
    - numpy

    Example:
    >>> task_func([1, 2]).tolist()
    [3, 5]
    """
    return (np.array(values) * 2 + 1).view(Doubled)   # wrong: one too many

# ---- tests ----
import unittest

import numpy as np


class TestCases(unittest.TestCase):
    def test_doubled(self):
        self.assertFalse((task_func([1, 2, 3]) != np.array([2, 4, 6])).any())

    def test_one(self):
        self.assertFalse((task_func([4]) != np.array([8])).any())
