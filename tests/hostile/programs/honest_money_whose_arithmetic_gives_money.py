# expect-status: completed
# expect-verdict: pass
# timeout: 30
# Red team, round twenty-four (honest tests timed out): a float of the task's whose arithmetic gives
# its own class, returned 200 times in a test: each value's answers were asked in turn, 48 of them,
# 151 s. The questions whose answers are asked in turn are shared by the test now, 16 at most.
class Money(float):
    """A float that keeps two decimals through arithmetic."""
    def __new__(cls, value):
        return super().__new__(cls, float(value))
    def __add__(self, other):
        return Money(float(self) + float(other))
    __radd__ = __add__
    def __sub__(self, other):
        return Money(float(self) - float(other))
    def __rsub__(self, other):
        return Money(float(other) - float(self))
    def __mul__(self, other):
        return Money(float(self) * float(other))
    __rmul__ = __mul__
    def __truediv__(self, other):
        return Money(float(self) / float(other))
    def __neg__(self):
        return Money(-float(self))
    def __abs__(self):
        return Money(abs(float(self)))
    def __repr__(self):
        return f"Money({float(self):.2f})"


def task_func(prices, tax_rate):
    """Total of prices with tax, as Money."""
    total = Money(0)
    for p in prices:
        total = total + Money(p)
    return total * (1 + tax_rate)

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_basic(self):
        self.assertAlmostEqual(task_func([1.0, 2.5], 0.1), 3.85, places=2)

    def test_many(self):
        for i in range(200):
            result = task_func([i, 1.25], 0.0)
            self.assertAlmostEqual(result, i + 1.25, places=2)

    def test_zero(self):
        self.assertEqual(task_func([], 0.2), 0.0)
