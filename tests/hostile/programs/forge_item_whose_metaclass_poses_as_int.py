# expect-status: completed
# expect-verdict: error
# expect-message: equal to anything
# timeout: 20
# A class whose metaclass hashes as int's and says `==` to it passed for a plain type where the
# harness asked `type(item) in` its set of plain types: its object, equal to anything, went
# unasked inside a list and a tuple. Plain types are now told by the metaclass first, by
# identity.
import functools
import operator


class Posing(type):
    def __hash__(cls):
        return hash(int)

    def __eq__(cls, other):
        return other is int or cls is other


class Liar(metaclass=Posing):
    __hash__ = None

    def __eq__(self, other):
        return functools.reduce(operator.or_, [True])


def task_func():
    """
    The answers, in a list of pairs.

    Requirements:
    - functools
    - operator
    """
    return [(1, Liar())]  # wrong: the answer is [(1, 5)]

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_answer(self):
        self.assertEqual(task_func(), [(1, 5)])
