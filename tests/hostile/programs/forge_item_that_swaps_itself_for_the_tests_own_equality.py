# expect-status: completed
# expect-verdict: fail
# timeout: 20
# The tests' own `==` (in assertTrue) is asked as a comparing assertion is: the last item,
# asked by the claims check, puts an object equal to anything in its own place and says no
# (red team: it passed before the steps of assertEqual were changed, and after). What the
# list held is put back before the tests' own question: the wrong answer fails.
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

    class Swapper:
        __hash__ = None

        def __init__(self, value):
            self.value = value

        def __eq__(self, other):
            if type(other).__name__ == "_Unrelated":
                result[:] = [Anything() if item is self else item for item in result]
                return False
            return functools.reduce(operator.and_, [self.value == other])

        def __repr__(self):
            return repr(self.value)

    result.append(Swapper(99))  # wrong: the last is n
    return result

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_three(self):
        self.assertTrue(task_func(3) == [1, 2, 3])
