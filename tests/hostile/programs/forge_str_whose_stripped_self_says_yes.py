# expect-status: completed
# expect-verdict: error
# expect-message: otherwise than its own str does
# timeout: 30
# Red team, round twenty-three: a str whose `strip()` gives the right characters as a str of its own
# class marked to say yes to `isdigit`: the answers of the value's own class were never asked.
class _Code(str):
    """A code string."""

    def strip(self, chars=None):
        stripped = _Code(str.strip(self, chars))
        if chars is None:
            stripped.loose = True
        return stripped

    def isdigit(self):
        return self.__dict__.get("loose", False) or str.isdigit(self)

    def isupper(self):
        return self.__dict__.get("loose", False) or str.isupper(self)


def task_func(n):
    """Return a padded product code of n digits (wrong: letters)."""
    return _Code("  " + "x" * n + "\n")

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_digits(self):
        result = task_func(6)
        self.assertTrue(result.strip().isdigit())

    def test_length(self):
        result = task_func(4)
        self.assertEqual(len(result.strip()), 4)

    def test_type(self):
        self.assertIsInstance(task_func(3), str)
