# expect-status: completed
# expect-verdict: error
# expect-message: equal to anything (_ALWAYS_EQ)
# timeout: 20
from test.support import ALWAYS_EQ


def task_func(a, b):
    """
    Add, wrongly: return the standard library's own object equal to anything
    (test.support.ALWAYS_EQ): its __eq__ is installed code, so no one asks it.

    Parameters:
    a (int): A number.
    b (int): Another.

    Returns:
    int: nothing useful.

    Requirements:
    - test.support
    """
    return ALWAYS_EQ

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_add(self):
        self.assertEqual(task_func(2, 3), 5)

    def test_more(self):
        result = task_func(10, 3)
        self.assertEqual(result, 13)
        self.assertTrue(result == 13)
        self.assertIn(result, [13])
        self.assertEqual([result, result], [1, 2])
