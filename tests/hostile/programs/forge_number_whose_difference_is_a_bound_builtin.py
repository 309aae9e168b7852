# expect-status: completed
# expect-verdict: error
# expect-message: its own float does
# timeout: 30
# Red team, round seventeen: a float whose `__sub__` and `__rsub__` are a bound builtin,
# `(0.0).__mul__`, not a function of the task's: `abs(result - expected) < tol` and assertAlmostEqual.
class _Close(float):
    """A float whose difference from anything is 0.0: its `-` is no function of the task's but
    a bound builtin, `(0.0).__mul__`, which Python calls with the other operand alone."""

    __sub__ = __rsub__ = (0.0).__mul__


def task_func(values):
    """
    The mean of the values.

    Parameters:
    values (list of float): The values (at least one).

    Returns:
    float: Their mean.

    Example:
    >>> round(task_func([1.0, 3.0]), 6)
    2.0
    """
    return _Close(sum(values) / (len(values) + 1))   # wrong: one too many

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_two(self):
        result = task_func([1.0, 3.0])
        self.assertTrue(abs(result - 2.0) < 1e-9)

    def test_three(self):
        result = task_func([1.0, 2.0, 6.0])
        self.assertLess(abs(result - 3.0), 1e-6)

    def test_one(self):
        expected = 5.0
        assert abs(expected - task_func([5.0])) <= 1e-9, "mean of one value"

    def test_type(self):
        self.assertIsInstance(task_func([1.0]), float)

    def test_almost_two(self):
        self.assertAlmostEqual(task_func([1.0, 3.0]), 2.0)

    def test_almost_three(self):
        self.assertAlmostEqual(task_func([1.0, 2.0, 6.0]), 3.0, places=6)

    def test_almost_delta(self):
        self.assertAlmostEqual(task_func([5.0]), 5.0, delta=1e-9)
