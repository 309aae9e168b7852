# expect-status: completed
# expect-verdict: fail
# timeout: 20
# The last item of the list puts an object equal to anything in its own place as its repr is
# read: unittest reads it to write a stand-in's failure, and the stand-ins are asked in any
# order, so most often before the tests' own question (red team: it passed 4 runs in 6). What
# the list held is put back before the tests' own question: the wrong answer fails.
import functools
import operator


def task_func(n):
    """
    The numbers 1 to n.

    Requirements:
    - functools
    - operator
    """
    result = list(range(1, n))

    class Anything:
        __hash__ = None

        def __eq__(self, other):
            return True

        def __repr__(self):
            return "3"

    class Swapper:
        __hash__ = None

        def __init__(self, value):
            self.value = value

        def __eq__(self, other):
            return functools.reduce(operator.and_, [self.value == other])

        def __repr__(self):
            result[:] = [Anything() if item is self else item for item in result]
            return repr(self.value)

    result.append(Swapper(99))  # wrong: the last is n
    return result

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_three(self):
        self.assertEqual(task_func(3), [1, 2, 3])
