# expect-status: completed
# expect-verdict: fail
# timeout: 30
class Result(int):
    def _getAssertEqualityFunc(self, first, second):
        return lambda *args, **kwargs: None

    def fail(self, message=None):
        return None


def task_func():
    """
    Returns a wrong int with unittest's helpers as no-ops: the tests' class holds
    unittest.TestCase.assertEqual as its own `check`, which, reached through the class as a
    partial, bound to nothing and took the returned value for the test.

    Returns:
    int: 3

    Requirements:
    - none
    """
    return Result(5)

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    check = unittest.TestCase.assertEqual

    def test_check(self):
        self.check(task_func(), 3, "task_func() should return 3")
