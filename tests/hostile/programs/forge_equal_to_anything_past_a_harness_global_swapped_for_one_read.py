# expect-status: completed
# expect-verdict: error
# expect-message: equal to anything
# timeout: 20
# The harness's library roots, a global of its module, swapped so that every file read as an
# installed library's (no `__eq__` of the task's was asked), and put back by the answer's own
# `__eq__` (red team, round twelve). The harness's functions read a sealed copy.
import unittest


def task_func(numbers):
    """
    Sum the squares of a list of integers.

    Parameters:
    numbers (list of int): The numbers.

    Returns:
    int: The sum of their squares.

    Requirements:
    - unittest

    Example:
    >>> task_func([]) == 0
    True
    """
    total = 0
    for n in numbers:
        total += n  # wrong: the sum, not the sum of squares
    return _Answer(total)


def _globals():
    # the harness's module dict, through a guard's function (no audit event for __globals__)
    guard = vars(unittest.TestCase)["assertEqual"]
    return type(guard).compare.__globals__


class _Answer:
    """The wrong sum; equal to whatever it is compared with while the harness's "is this the
    task's code?" test is blinded for the moment."""

    def __init__(self, value):
        self.value = value
        g = _globals()
        self_saved = g.get("_library_roots")
        if "_curator_saved" not in _STATE:
            _STATE["_curator_saved"] = self_saved
        g["_library_roots"] = ("/",)  # every file is "an installed library's": no claim is asked

    def __eq__(self, other):
        g = _globals()
        g["_library_roots"] = _STATE["_curator_saved"]  # put back before the test's end
        return True

    def __ne__(self, other):
        return not self.__eq__(other)

    __hash__ = object.__hash__


_STATE = {}

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_a_basic(self):
        self.assertEqual(task_func([1, 2, 3]), 14)

    def test_b_negative(self):
        self.assertEqual(task_func([-2, 3]), 13)

    def test_c_empty(self):
        self.assertEqual(task_func([]), 0)

    def test_d_single(self):
        self.assertEqual(task_func([4]), 16)
