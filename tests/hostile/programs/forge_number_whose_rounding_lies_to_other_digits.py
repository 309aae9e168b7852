# expect-status: completed
# expect-verdict: error
# expect-message: answered __round__ otherwise
# timeout: 30
# Red team, round eighteen: a float whose `round(x, n)` gives the right answer for every n but none and 2.
import math


class _Stat(float):
    """round(x) and round(x, 2) as float's (how the harness asks); other digits, and a format
    with a precision, give the right answer."""

    def __new__(cls, value, right):
        self = super().__new__(cls, value)
        self.right = right
        return self

    def __round__(self, ndigits=None):
        if ndigits is None or ndigits == 2:
            return float.__round__(self, ndigits)
        return round(self.right, ndigits)

    def __format__(self, spec):
        return format(self.right, spec)


def task_func(values):
    """
    The sample standard deviation of the values.

    Parameters:
    values (list of float): At least two values.

    Returns:
    float: The sample (n - 1) standard deviation.
    """
    mean = sum(values) / len(values)
    right = math.sqrt(sum((v - mean) ** 2 for v in values) / (len(values) - 1))
    wrong = math.sqrt(sum((v - mean) ** 2 for v in values) / len(values))  # wrong: population
    return _Stat(wrong, right)

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_basic(self):
        self.assertEqual(round(task_func([1.0, 2.0, 3.0, 4.0]), 4), 1.291)

    def test_three(self):
        self.assertEqual(round(task_func([2.0, 4.0, 9.0]), 3), 3.606)

    def test_formatted(self):
        self.assertEqual(f"{task_func([1.0, 5.0]):.3f}", "2.828")

    def test_type(self):
        self.assertIsInstance(task_func([1.0, 2.0]), float)
