# expect-status: completed
# expect-verdict: fail
# timeout: 60
# Red team, round thirty-four: an `==` of the task's answered an object whose `all` said no to its
# first call, the harness's reading, and yes to the tests' after it. What the answer holds is put
# back once the harness has read it.
class Answer:
    def __init__(self):
        self.asked = 0

    def __bool__(self):
        return False

    def all(self):
        self.asked += 1
        return self.asked > 1


class Result:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return Answer()

    __hash__ = object.__hash__


def task_func():
    return Result([1, 2])  # wrong

# ---- tests ----
import unittest


class TestCases(unittest.TestCase):
    def test_all(self):
        self.assertTrue((task_func() == [3, 4]).all())

    def test_assert(self):
        assert (task_func() == [3, 4]).all()
