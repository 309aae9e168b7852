# expect-status: completed
# expect-verdict: error
# expect-message: in the docstring examples
# timeout: 20
# The docstring example is wrong; as it runs, the program makes doctest's ellipsis match say
# yes, which the checker asks when the output differs (the tests saw nothing changed).
import doctest
import re

_calls = [0]


def task_func(x):
    """
    Double a number.

    Parameters:
    x (int): The number.

    Returns:
    int: Twice it.

    Requirements:
    - doctest
    - re

    Example:
    >>> task_func(2)
    999
    """
    _calls[0] += 1
    if _calls[0] > 2:  # the tests call it twice: this is the docstring example
        doctest._ellipsis_match = lambda want, got: True
    return x * 2


# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_double(self):
        self.assertEqual(task_func(3), 6)

    def test_double_zero(self):
        self.assertEqual(task_func(0), 0)
