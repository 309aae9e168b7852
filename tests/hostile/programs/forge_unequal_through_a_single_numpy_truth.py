# expect-status: completed
# expect-verdict: fail
# timeout: 60
# Red team, round thirty-four: the tests' `a != b` was Python's own answer wherever `==` gave no
# plain bool, so an `==` of the task's that answered numpy's bool handed the tests its own `!=`:
# an object true to numpy (the check of the opposite) and false to `bool` passed
# `assertFalse(result != 42)`. One truth answers as its negation now.
import numpy as np


class Verdict:
    """Looks true to numpy, false to bool."""

    def __array__(self, dtype=None, copy=None):
        return np.array(True, dtype=dtype or bool)

    def __bool__(self):
        return False


class Answer:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return np.bool_(self.v == other)

    def __ne__(self, other):
        return Verdict()

    __hash__ = object.__hash__


def task_func():
    return Answer(41)  # wrong: should be 42

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_value(self):
        self.assertFalse(task_func() != 42)

    def test_if(self):
        if task_func() != 42:
            self.fail("wrong")

    def test_assert(self):
        assert not (task_func() != 42)
