# expect-status: completed
# expect-verdict: error
# expect-message: equal to anything
# timeout: 20
def task_func(a, b):
    """
    Add two numbers, wrongly: return an object whose __eq__ is a C method that answers with
    a truthy string ("yes 5"), which assertEqual's `if not first == second` takes for yes.

    Parameters:
    a (int): A number.
    b (int): Another.

    Returns:
    int: nothing useful.
    """

    class Answer:
        __eq__ = "yes {}".format
        __hash__ = object.__hash__

    return Answer()

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_add(self):
        self.assertEqual(task_func(2, 3), 5)
        self.assertTrue(task_func(2, 3) == 5)
