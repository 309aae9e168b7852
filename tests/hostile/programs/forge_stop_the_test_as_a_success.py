# expect-status: completed
# expect-verdict: error
# expect-message: 'tuple' object is not callable
# timeout: 20
import unittest.case


def task_func(a, b):
    """
    Add two numbers (not really): raise unittest's internal _ShouldStop, which
    _Outcome.testPartExecutor swallows (`except _ShouldStop: pass`) leaving success True.

    Parameters:
    a (int): A number.
    b (int): Another.

    Returns:
    int: nothing, it raises.

    Requirements:
    - unittest
    """
    raise unittest.case._ShouldStop()

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_add(self):
        self.assertEqual(task_func(2, 3), 5)

    def test_add_more(self):
        result = task_func(10, 3)
        self.assertEqual(result, 13)
