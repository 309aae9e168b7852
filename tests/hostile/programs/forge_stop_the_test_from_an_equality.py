# expect-status: completed
# expect-verdict: error
# expect-message: equal to what its own int says
# timeout: 20
import unittest.case


class Stopper(int):
    def __eq__(self, other):
        raise unittest.case._ShouldStop()

    __hash__ = int.__hash__


def task_func(a, b):
    """
    Add, wrongly: the answer raises _ShouldStop when unittest compares it.

    Parameters:
    a (int): A number.
    b (int): Another.

    Returns:
    int: a * b.

    Requirements:
    - unittest
    """
    return Stopper(a * b)

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_add(self):
        result = task_func(2, 3)
        self.assertIsInstance(result, int)
        self.assertEqual(result, 5)
        self.assertTrue(result == 5)
