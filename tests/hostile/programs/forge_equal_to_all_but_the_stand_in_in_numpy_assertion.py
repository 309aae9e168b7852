# expect-status: completed
# expect-verdict: error
# expect-message: passed again against other values
# timeout: 60
class Agreeable:
    def __eq__(self, other):
        return type(other).__name__ != "_Unrelated"

    def __ne__(self, other):
        return not self.__eq__(other)

    __hash__ = object.__hash__


def task_func():
    """
    Return an object.

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
