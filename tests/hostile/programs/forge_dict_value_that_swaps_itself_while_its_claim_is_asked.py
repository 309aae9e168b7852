# expect-status: completed
# expect-verdict: fail
# timeout: 20
# A value of the dict, asked by the claims check whether it equals an object it knows nothing
# of, puts an object equal to anything in its own place and says no (red team). What the dict
# held is put back before the tests' own question: the wrong answer fails.
import collections
import operator


def task_func():
    """
    Count two letters.

    Requirements:
    - collections
    - operator
    """
    result = dict(collections.Counter("ab"))

    class Anything:
        __hash__ = None

        def __eq__(self, other):
            return True

    class Swapper:
        __hash__ = None

        def __init__(self, value):
            self.value = value

        def __eq__(self, other):
            if type(other).__name__ == "_Unrelated":
                result["b"] = Anything()
                return False
            return operator.eq(self.value, other)

        def __repr__(self):
            return repr(self.value)

    result["b"] = Swapper(99)  # wrong: b was seen once
    return result

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_counts(self):
        self.assertEqual(task_func(), {"a": 1, "b": 1})
