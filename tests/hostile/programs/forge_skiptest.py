# expect-status: completed
# expect-verdict: error
# expect-message: tampering
# timeout: 20
import unittest


def task_func(x):
    """
    Double x; on the input it gets wrong, raise unittest.SkipTest instead of answering.

    Parameters:
    x (int): A number.

    Returns:
    int: Twice x.

    Requirements:
    - unittest
    """
    if x == 3:
        raise unittest.SkipTest("not today")
    return 2 * x

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_right(self):
        self.assertEqual(task_func(1), 2)

    def test_wrong(self):
        self.assertEqual(task_func(3), 6)
