# expect-status: completed
# expect-verdict: error
# expect-message: defines `__class__`
# timeout: 30
# Red team, round twenty-five (coverage overstated): a class of the task's with a `__class__`
# property. `isinstance(value, C)` reads `value.__class__` where the value's type is no subclass
# of C, so each of the harness's checks of a returned value ran the property, and its branch read
# as covered (50% where the tests alone cover 0%); the same reads tell the task when the harness
# looks, and the property makes the value pose as another type to those checks.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __eq__(self, other):
        return isinstance(other, tuple) and (self.x, self.y) == tuple(other)

    __hash__ = None

    @property
    def __class__(self):
        if self.x > 1000:
            return object
        return Point


def task_func(x, y):
    """A Point."""
    return Point(x, y)

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_point(self):
        self.assertEqual(task_func(1, 2), (1, 2))
