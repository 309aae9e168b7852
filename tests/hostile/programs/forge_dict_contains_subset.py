# expect-status: completed
# expect-verdict: fail or error
# timeout: 30
import unittest


class Anything(int):
    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    __hash__ = int.__hash__


def task_func():
    """
    Returns a dict whose value claims to equal anything: assertDictContainsSubset (deprecated,
    in Python 3.11 and older) compared it unguarded.

    Returns:
    dict: {"a": 1}

    Requirements:
    - unittest
    """
    return {"a": Anything(5)}

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_subset(self):
        check = getattr(self, "assertDictContainsSubset", None)
        if check is None:  # Python 3.12 and later
            self.assertEqual(task_func(), {"a": 1})
        else:
            check({"a": 1}, task_func())
