# expect-status: completed
# expect-verdict: pass
# expect-branch-coverage: 50.0
# timeout: 30
# Red team, round twenty-six (coverage overstated): `__eq__` gives a truth object of the task's
# whose `__bool__` branches; the tests only see a true one, and the harness read the stand-ins'
# false answers' truth outside the unmeasured block (100% where the tests alone cover 50%).
class Truth:
    def __init__(self, value):
        self.value = value

    def __bool__(self):
        if self.value:
            return True
        return False


class Vector:
    def __init__(self, xs):
        self.xs = list(xs)

    def __eq__(self, other):
        return Truth(isinstance(other, Vector) and self.xs == other.xs)

    __hash__ = None


def task_func(xs):
    """Return the vector of xs doubled."""
    return Vector(2 * x for x in xs)

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_double(self):
        self.assertTrue(task_func([1, 2]) == Vector([2, 4]))
