# expect-status: completed
# expect-verdict: pass
# expect-branch-coverage: 0.0
# timeout: 30
# Red team, round twenty-six (coverage overstated): a list whose `__iter__` is its own; the tests
# compare it with assertEqual (list's own `==`, no iteration), and the harness iterated it to look
# at its items (100% where the tests alone cover 0%). It now reads them by list's own methods.
class Row(list):
    def __iter__(self):
        i = 0
        while i < list.__len__(self):
            yield list.__getitem__(self, i)
            i += 1


def task_func(n):
    """Return the first n squares."""
    return Row(i * i for i in range(n))

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_squares(self):
        self.assertEqual(task_func(3), [0, 1, 4])
