# expect-status: completed
# expect-verdict: error
# expect-message: tampering
# timeout: 20


class Agreeable:
    """Equal to anything, where the tests compare it themselves: assertTrue is given only the
    comparison's answer."""

    def __eq__(self, other):
        return True

    __hash__ = object.__hash__


def task_func():
    """
    Return an object equal to anything.

    Returns:
    int: 1 (the tests want 2).
    """
    return Agreeable()

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_wrong(self):
        self.assertTrue(task_func() == 2)
