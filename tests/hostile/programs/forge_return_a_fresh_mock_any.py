# expect-status: completed
# expect-verdict: error
# expect-message: equal to anything (_ANY)
# timeout: 20
import unittest.mock


def task_func(a, b):
    """
    Add, wrongly: return the standard library's own object equal to anything
    (a fresh unittest.mock._ANY, not the ANY singleton that is refused by identity): its __eq__ is installed code, so no one asks it.

    Parameters:
    a (int): A number.
    b (int): Another.

    Returns:
    int: nothing useful.

    Requirements:
    - unittest
    """
    return type(unittest.mock.ANY)()

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
