# expect-status: completed
# expect-verdict: error
# expect-message: tampering
# timeout: 60


class Agreeable:
    """Equal to anything: numpy's assertions wrap it in an array of objects and compare it
    with every element of the expected array, each comparison asking its __eq__."""

    def __eq__(self, other):
        return True

    __hash__ = object.__hash__


def task_func():
    """
    Return an object equal to anything, for numpy's assertion to broadcast.

    Returns:
    numpy.ndarray: [1, 2] (the tests want [1, 2, 3]).

    Requirements:
    - numpy
    """
    return Agreeable()

# ---- tests ----
import unittest

import numpy as np


class TestCases(unittest.TestCase):
    def test_wrong(self):
        np.testing.assert_array_equal(task_func(), np.array([1, 2, 3]))
