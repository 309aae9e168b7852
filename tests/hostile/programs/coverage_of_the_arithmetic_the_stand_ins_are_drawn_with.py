# expect-status: completed
# expect-verdict: pass
# expect-branch-coverage: 0.0
# timeout: 30
# Red team, round twenty-six (coverage overstated): the tests compare two results of the task's
# int subclass; the harness draws its stand-ins from one of them (`two_different`: its `+`, the
# task's code), which counted as covered (50% where the tests alone cover 0%). Stand-ins are
# drawn unmeasured.
class Money(int):
    def __sub__(self, other):
        return Money(int.__sub__(self, other))

    def __add__(self, other):
        if isinstance(other, Money):
            return Money(int.__add__(self, other))
        return Money(int.__add__(self, other))


def task_func(n):
    """Return n cents as Money."""
    return Money(n * 100)

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_deterministic(self):
        self.assertEqual(task_func(3), task_func(3))
        self.assertEqual(task_func(3) - 300, 0)
