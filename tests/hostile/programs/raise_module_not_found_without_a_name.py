# expect-status: completed
# expect-verdict: error
# expect-message: ModuleNotFoundError
# timeout: 20
def task_func(a, b):
    """
    Raise a ModuleNotFoundError whose name is not a string.

    Parameters:
    a (int): A number.
    b (int): Another.

    Returns:
    int: nothing.

    Requirements:
    - builtins
    """
    raise ModuleNotFoundError("no", name=123)

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_add(self):
        self.assertEqual(task_func(2, 3), 5)

    def test_add_more(self):
        self.assertEqual(task_func(2, 3), 5)
