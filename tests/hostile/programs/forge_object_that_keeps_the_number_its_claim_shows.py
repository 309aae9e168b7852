# expect-status: completed
# expect-verdict: fail
# timeout: 20
# The claims check asks an object of the task's whether it equals a number other than the
# expected one: it was one more, so the object kept that number, less one, in a list of its
# module (where nothing is put back) and said yes to it alone. Other numbers are now moved by a
# step drawn afresh: the wrong answer fails.
import functools
import operator

SEEN = []


def task_func():
    """
    The answer.

    Requirements:
    - functools
    - operator
    """

    class Learner:
        __hash__ = None

        def __eq__(self, other):
            if type(other) is not int:
                return False
            if not SEEN:
                SEEN.append(other - 1)
                return False
            return functools.reduce(operator.and_, [other == SEEN[0]])

        def __repr__(self):
            return "99"

    return Learner()  # wrong: the answer is 42

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_answer(self):
        self.assertEqual(task_func(), 42)
