# expect-status: completed
# expect-verdict: error
# expect-message: changed what a value compared holds as the harness put it back
# timeout: 20
# The item's `__eq__` adds to a dict it holds, which the harness puts back before the tests'
# own question; a key of that dict, hashed as it is filled again, puts an object equal to
# anything in the list, put back before it (red team). What the values hold is read again
# once all is put back.
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
    armed = []

    class Anything:
        __hash__ = None

        def __eq__(self, other):
            box[0] = honest  # swapped back before anyone else looks
            return True

    class Key:
        def __hash__(self):
            if armed and not honest.notes:  # emptied to be filled again
                box[0] = Anything()
            return 7

        def __eq__(self, other):
            return self is other

    class Honest:
        __hash__ = None

        def __init__(self, value):
            self.value = value
            self.notes = {Key(): 1}

        def __eq__(self, other):
            armed.append(1)
            self.notes["seen"] = len(armed)
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
