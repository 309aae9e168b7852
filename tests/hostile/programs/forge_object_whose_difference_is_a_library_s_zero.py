# expect-status: completed
# expect-verdict: error
# expect-message: does not move with its partner
# timeout: 60
# Red team, round thirty-four: the tests' `-` with an object of the task's was asked again with
# moved partners only where the answers were Python's own numbers: one that answered `Decimal(0)`
# or `Fraction(0)` (or numpy's float32 0.0) went unread and passed `abs(result - 19.99) < 0.005`.
from decimal import Decimal
from fractions import Fraction


class Price:
    def __init__(self, v):
        self.v = v

    def __sub__(self, other):
        return Decimal(0)

    __rsub__ = __sub__


class Ratio:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        return Fraction(0)

    def __sub__(self, other):
        return Fraction(0)


def task_func(kind):
    return Price(1.0) if kind == "price" else Ratio(0.1)  # wrong: 19.99 / 0.75

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_price(self):
        self.assertTrue(abs(task_func("price") - 19.99) < 0.005)

    def test_ratio(self):
        self.assertAlmostEqual(task_func("ratio") - 0.75, 0)
        self.assertLess(abs(task_func("ratio") - 0.75), 1e-9)
