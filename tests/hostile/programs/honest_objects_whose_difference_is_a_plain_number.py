# expect-status: completed
# expect-verdict: pass
# timeout: 30
# The tests' `-` and `+` between a plain number and an object of the task's are asked again with
# the number moved by whole steps (red team, round thirty-two): honest classes whose arithmetic
# answers plain numbers pass, those that round to cents, those that hold a number too large for
# a step to move, those that refuse some partners (no negative amount), and those that answer
# with a number of their own class.
import math


class Cents:
    """An amount kept in whole cents: its difference from a number is rounded to cents."""

    def __init__(self, amount):
        self.cents = round(amount * 100)

    def __sub__(self, other):
        return round(self.cents / 100 - other, 2)

    def __rsub__(self, other):
        return round(other - self.cents / 100, 2)


class Huge:
    """A value beyond a float's whole steps: 1e20 - 3.0 and 1e20 - 4.0 are the same float."""

    def __init__(self, value):
        self.value = value

    def __sub__(self, other):
        return self.value - other

    def __add__(self, other):
        return self.value + other

    __radd__ = __add__


class Balance:
    """An account that cannot go below zero: taking more than it holds is refused."""

    def __init__(self, amount):
        self.amount = amount

    def __sub__(self, other):
        if other > self.amount:
            raise ValueError("not enough")
        return self.amount - other


class Count:
    """A whole count: its difference is an int."""

    def __init__(self, n):
        self.n = n

    def __sub__(self, other):
        return self.n - other

    def __rsub__(self, other):
        return other - self.n


class Level(float):
    """A float of the task's: its arithmetic answers Levels."""

    def __sub__(self, other):
        return Level(float(self) - float(other))


class Gauge:
    """Reads as a Level."""

    def __init__(self, value):
        self.value = value

    def __sub__(self, other):
        return Level(self.value - other)


def task_func(kind, value):
    """
    Wrap a value.

    Parameters:
    kind (str): One of "cents", "huge", "balance", "count", "gauge", "nan".
    value (float): The value.

    Returns:
    object: The wrapped value.

    Example:
    >>> task_func("count", 3) - 1
    2
    """
    if kind == "cents":
        return Cents(value)
    if kind == "huge":
        return Huge(value)
    if kind == "balance":
        return Balance(value)
    if kind == "count":
        return Count(value)
    if kind == "gauge":
        return Gauge(value)
    return Huge(math.nan)

# ---- tests ----
import math
import unittest


class TestCases(unittest.TestCase):
    def test_cents(self):
        self.assertTrue(abs(task_func("cents", 3.14) - 3.14) < 1e-9)
        self.assertLess(abs(2.5 - task_func("cents", 2.5)), 1e-9)

    def test_huge(self):
        self.assertTrue(task_func("huge", 1e20) - 3.0 == 1e20)
        self.assertTrue(abs((task_func("huge", 1e20) + 1.0) - 1e20) < 1e5)

    def test_balance(self):
        self.assertTrue(abs(task_func("balance", 3.0) - 3.0) < 1e-9)

    def test_count(self):
        self.assertEqual(task_func("count", 7) - 2, 5)
        self.assertEqual(10 - task_func("count", 7), 3)

    def test_gauge(self):
        self.assertTrue(abs(task_func("gauge", 1.5) - 1.5) < 1e-9)

    def test_nan(self):
        self.assertTrue(math.isnan(task_func("nan", 0.0) - 1.0))
