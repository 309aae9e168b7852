# expect-status: completed
# expect-verdict: error
# expect-message: equal to anything
# timeout: 20
# The tests' own `==` of two plain values is Python's own, not asked again: a class whose
# metaclass hashes as int's and says `==` to it passed for int there, and its object, equal to
# anything, passed `self.assertTrue(result == 5)`. Plain types are now told by the metaclass
# first, by identity.
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
    The answer.

    Requirements:
    - functools
    - operator
    """
    return Liar()  # wrong: the answer is 5

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_answer(self):
        self.assertTrue(task_func() == 5)
