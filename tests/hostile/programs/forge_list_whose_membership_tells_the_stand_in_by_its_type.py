# expect-status: completed
# expect-verdict: error
# expect-message: a container of the task's (_Found)
# timeout: 20
# Red team, round sixteen: a list whose `__contains__` says yes to everything but membership's
# one stand-in, which it tells by its type, passed `assertIn` and the tests' own `in`. A
# container of the task's built on Python's own must answer `in` as what it holds does.
class _Found(list):
    """A list that holds what it is asked for: the one question it says no to is the harness's
    stand-in, an object of a class named _Unrelated (membership's only stand-in)."""

    def __contains__(self, item):
        return type(item).__name__ != "_Unrelated"


def task_func(text):
    """
    The distinct words of a text, lower-cased, in the order they first appear.

    Parameters:
    text (str): The text.

    Returns:
    list of str: The distinct words.

    Example:
    >>> task_func("A b a")
    ['a', 'b']
    """
    words = []
    for word in text.split():
        if word not in words:          # wrong: not lower-cased
            words.append(word)
    return _Found(words)

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_mixed_case(self):
        result = task_func("Apple PEAR Plum APPLE")
        self.assertIn("apple", result)
        self.assertIn("pear", result)
        self.assertTrue("plum" in result)

    def test_one_word(self):
        result = task_func("Tree TREE")
        self.assertIn("tree", result)

    def test_empty(self):
        self.assertEqual(task_func(""), [])
