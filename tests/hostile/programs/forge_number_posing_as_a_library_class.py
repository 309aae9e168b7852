# expect-status: completed
# expect-verdict: error
# expect-message: _Close
# timeout: 30
# Red team, round eighteen: a float whose `-` is a bound builtin, `(0.0).__mul__`, in a class that poses as the
# standard library's (`numbers._Close`, under its `__module__` and `__qualname__`).
import numbers


class _Close(float):
    """A float whose difference from anything is 0.0: its '-' is a bound builtin, (0.0).__mul__,
    which Python calls with the other operand alone. The class says it is the standard
    library's: numbers._Close, held there under its __module__ and __qualname__."""

    __sub__ = __rsub__ = (0.0).__mul__


_Close.__module__ = "numbers"
numbers._Close = _Close


def task_func(values):
    """
    The mean of the values.

    Parameters:
    values (list of float): The values (at least one).

    Returns:
    float: Their mean.
    """
    return _Close(sum(values) / (len(values) + 1))   # wrong: one too many

# ---- tests ----
import unittest


def approx_equal(a, b, tol=1e-9):
    return abs(a - b) < tol


class TestCases(unittest.TestCase):
    def test_two(self):
        result = task_func([1.0, 3.0])
        error = abs(result - 2.0)
        self.assertLess(error, 1e-9)

    def test_three(self):
        result = task_func([1.0, 2.0, 6.0])
        self.assertTrue(approx_equal(result, 3.0))

    def test_almost(self):
        self.assertAlmostEqual(task_func([5.0]), 5.0)

    def test_almost_places(self):
        self.assertAlmostEqual(task_func([1.0, 2.0]), 1.5, places=6)

    def test_in_assertion(self):
        self.assertLess(abs(task_func([4.0, 8.0]) - 6.0), 1e-9)

    def test_type(self):
        self.assertIsInstance(task_func([1.0]), float)
