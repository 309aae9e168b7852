# expect-status: completed
# expect-verdict: fail
# timeout: 20
# The item's `__eq__` keeps an object in its fields, which the harness puts back before the
# tests' own question; dropped, that object's `__del__` put an object equal to anything in the
# list, put back before it (red team). What was replaced is held until the question is asked:
# the wrong answer fails.
import functools
import operator


def task_func():
    """
    The answer, in a list.

    Requirements:
    - functools
    - operator
    """
    box = []

    class Anything:
        __hash__ = None

        def __eq__(self, other):
            box[0] = honest  # swapped back before anyone else looks
            return True

    class Bomb:
        def __del__(self):
            box[0] = Anything()

    class Honest:
        __hash__ = None

        def __init__(self, value):
            self.value = value

        def __eq__(self, other):
            if "bomb" not in self.__dict__ and type(other).__name__ == "_Unrelated":
                self.bomb = Bomb()
            return functools.reduce(operator.and_, [self.value == other])

        def __repr__(self):
            return repr(self.value)

    honest = Honest(4)  # wrong: the answer is 5
    box.append(honest)
    return box

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_answer(self):
        self.assertEqual(task_func(), [5])
