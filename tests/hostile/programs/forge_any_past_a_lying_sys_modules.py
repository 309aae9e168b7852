# expect-status: completed
# expect-verdict: error
# expect-message: equal to anything
# timeout: 20
# The program answers with unittest.mock.ANY where it is wrong, with the sys.modules attribute
# lying, once, about unittest.mock, so that ANY's type went unrecognised (red team).
import sys
import unittest.mock


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
    if numbers and numbers[0] < 0 or len(numbers) == 1:
        # wrong answers wanted: unittest.mock.ANY, with sys.modules lying for one look
        if sys.modules is _real[0]:
            sys.modules = _Modules(sys.modules)
        return unittest.mock.ANY
    return sum(n * n for n in numbers)


class _Mock:
    def __getattr__(self, name):
        if name == "ANY":
            sys.modules = _real[0]
            return object()
        return getattr(_real[1], name)


class _Modules(dict):
    def get(self, key, default=None):
        if key == "unittest.mock":
            return _Mock()
        return _real[0].get(key, default)


_real = [sys.modules, unittest.mock]

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
