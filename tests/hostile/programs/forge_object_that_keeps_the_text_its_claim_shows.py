# expect-status: completed
# expect-verdict: fail
# timeout: 20
# The claims check asks an object of the task's whether it equals a str other than the
# expected one: it was the expected one with one character replaced, so the object kept it
# and said yes to what differs from it in one character alone, the expected str (the
# stand-ins differ from it in two, or in one where the same character was drawn). Letters and
# digits are now all drawn afresh: the wrong answer fails.
import functools
import operator

SEEN = []


def task_func():
    """
    The greeting.

    Requirements:
    - functools
    - operator
    """

    class Learner:
        __hash__ = None

        def __eq__(self, other):
            if type(other) is not str:
                return False
            if not SEEN:
                SEEN.append(other)
                return False
            seen = SEEN[0]
            return len(other) == len(seen) and functools.reduce(
                operator.add, [one != two for one, two in zip(other, seen)]
            ) == 1

        def __repr__(self):
            return "'good night'"

    return Learner()  # wrong: the answer is the greeting

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_greeting(self):
        self.assertEqual(task_func(), "hello world")
