# expect-status: completed
# expect-verdict: pass
# expect-branch-coverage: 50.0
# timeout: 30
# Session 51 (coverage overstated): the harness asks an object of the task's that answers `==`
# again, with stand-ins the tests never give (an object it knows nothing of, another value); the
# branch only they take read as covered. What the stand-ins reach first is taken back from
# coverage.py's record: only the tests' own comparisons cover the task's code.
class Money:
    """An amount of money in cents."""

    def __init__(self, cents):
        self.cents = cents

    def __eq__(self, other):
        if isinstance(other, Money):
            return self.cents == other.cents
        return NotImplemented

    __hash__ = None


def task_func(euros):
    """
    An amount in euros as Money.

    Parameters:
    euros (int): The amount.

    Returns:
    Money: The amount in cents.
    """
    if euros < 0:
        raise ValueError("negative")
    return Money(euros * 100)

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_amount(self):
        self.assertEqual(task_func(2), Money(200))

    def test_zero(self):
        self.assertEqual(task_func(0), Money(0))
