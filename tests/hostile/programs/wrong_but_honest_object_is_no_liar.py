# expect-status: completed
# expect-verdict: fail
# timeout: 20
# An honest object of the task's with a wrong value (one more than the answer) is no liar: the
# claims check asked it whether it equals the expected value plus one, it said yes, and the run
# was refused as tampering. An object is now a liar where it says yes to two values unlike each
# other; the wrong answer fails as it is.
import dataclasses
import functools


@dataclasses.dataclass
class Count:
    value: int

    def __eq__(self, other):
        return functools.reduce(lambda a, b: a == b, [self.value, getattr(other, "value", other)])


def task_func(items):
    """
    Count the items (wrongly: one too many).

    Requirements:
    - dataclasses
    - functools
    """
    return Count(len(items) + 1)

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_empty(self):
        self.assertEqual(task_func([]), 0)
