# expect-status: completed
# expect-verdict: fail or error
# timeout: 30
class Never(int):
    def __eq__(self, other):
        return False

    def __ne__(self, other):
        return True

    __hash__ = int.__hash__


def task_func():
    """
    Returns 0, and a list holding the order it was given, each as an int that says it is
    unequal to everything: assertNotEqual and assertNotIn asked `!=` and `in` of the task's
    objects alone.

    Returns:
    tuple: a number other than 0, and the items shuffled

    Requirements:
    - none
    """
    return Never(0), [Never(1), 2]


class Holding(list):
    def __contains__(self, item):
        return False


def task_func_words():
    return Holding(["bad", "good"])

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_not_zero(self):
        self.assertNotEqual(task_func()[0], 0)

    def test_shuffled(self):
        self.assertNotEqual(task_func()[1], [1, 2])

    def test_no_bad_word(self):
        self.assertNotIn("bad", task_func_words())
